/*
 * ct_fields.h - the ct.* / s3.* / ec2.* / ecr.* / iam.* field table and
 * extraction from CloudTrail records (the event payload is one record's
 * original JSON bytes).
 *
 * Ownership: a ct_extractor_t belongs to one plugin state; results stay
 * valid until the next ct_extract_begin() on it. Threading: one thread at a
 * time (the host's contract for a plugin state).
 */
#ifndef CT_FIELDS_H
#define CT_FIELDS_H

#include "sk_plugin_sdk.h"

typedef struct ct_extractor {
	sk_sdk_extract_t x;
	bool have;
	uint64_t evtnum;
	const ss_plugin_event *evt;
	bool valid;           /* payload is a JSON object */
	sk_sdk_jval_t root;   /* points into the event */
	/* Top-level members, indexed on first use: one pass over the record
	 * instead of one per field (CloudTrail records have ~20 of them). */
	bool indexed;
	size_t ntop;
	struct ct_member {
		const char *k;
		size_t kn;
		sk_sdk_jval_t v;
	} top[48];
	uint64_t parse_errors;
} ct_extractor_t;

size_t ct_fields_count(void);
const sk_sdk_field_t *ct_fields_table(void);
/* Malloc'd plugin_get_fields JSON (NULL on allocation failure). */
char *ct_fields_json(void);

void ct_extractor_init(ct_extractor_t *e);
void ct_extractor_free(ct_extractor_t *e);
/* Reset per-call result storage; call once per extract_fields. */
void ct_extract_begin(ct_extractor_t *e);
/* Answer one request (value or no value set in f). 0 or -ENOMEM. */
int ct_extract(ct_extractor_t *e, const ss_plugin_event_input *ev, ss_plugin_extract_field *f);

#endif /* CT_FIELDS_H */
