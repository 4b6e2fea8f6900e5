/*
 * gh_fields.h - the github.* field table and extraction from delivery
 * payloads (the webhook body with "webhook_type" and the scan results the
 * receiver added in front, see gh_delivery.h).
 *
 * Ownership: a gh_extractor_t belongs to one plugin state. Results handed to
 * the host stay valid until the next gh_extract_begin() on the same
 * extractor. Threading: one extractor per thread at a time (the host's
 * contract for a plugin state).
 */
#ifndef GH_FIELDS_H
#define GH_FIELDS_H

#include "sk_plugin_sdk.h"

/* How a row's value is computed (upstream semantics: absent string members
 * give "", absent scan results give no value). */
enum gh_kind {
	G_STR,          /* string at path ("" when absent or not a string) */
	G_REPO_NAME,    /* repository.html_url without scheme and host */
	G_PUBLIC,       /* "false" when repository.private is true, else "true" */
	G_NUM,          /* number at path as decimal text ("0" when absent) */
	G_COMMIT_FILES, /* commits[].<a>[] joined with ',' */
	G_HAS_SECRETS,  /* files[] present: "true" if any match, else "false" */
	G_SECRET_DESC,  /* files[].matches[].desc joined */
	G_SECRET_FILES, /* files[].name once per match, joined */
	G_SECRET_LINES, /* files[].matches[].line joined */
	G_SECRET_LINKS, /* <repo url>/blob/<head commit>/<file>#L<line> joined */
	G_HAS_MINERS,   /* workflow_miner_detections.matches present: "true"/"false" */
	G_MINER_TYPES,  /* distinct matches[].type joined */
	G_SECRET_MASKED, /* saker: files[].matches[].masked joined */
	G_VALUE,        /* saker: value at the JSON pointer given as [key] (no value if absent) */
};

typedef struct gh_def {
	sk_sdk_field_t f;
	uint8_t kind;
	const char *a;          /* kind argument */
	const char *path[4];    /* NULL-terminated JSON path */
} gh_def_t;

extern const gh_def_t sk__gh_defs[];
extern const size_t sk__gh_ndefs;

typedef struct gh_extractor {
	sk_sdk_extract_t x;
	sk_sdk_buf_t buf;       /* join buffer */
	uint64_t parse_errors;
} gh_extractor_t;

/* Malloc'd plugin_get_fields JSON (NULL on allocation failure). */
char *gh_fields_json(void);

void gh_extractor_init(gh_extractor_t *e);
void gh_extractor_free(gh_extractor_t *e);
/* Reset per-call result storage; call once per extract_fields. */
void gh_extract_begin(gh_extractor_t *e);
/* Answer one extract request for a type-322 event. 0 (value or no value
 * set in f), -EINVAL for an unknown field id, -ENOMEM. */
int gh_extract(gh_extractor_t *e, const ss_plugin_event_input *ev, ss_plugin_extract_field *f);

#endif /* GH_FIELDS_H */
