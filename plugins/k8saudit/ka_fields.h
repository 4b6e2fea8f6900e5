/*
 * ka_fields.h - the ka.* field table and extraction from k8s audit events.
 *
 * Ownership: a ka_extractor_t belongs to one plugin state. Results handed to
 * the host stay valid until the next ka_extract() call on the same
 * extractor. The parsed event is cached and reused while the host asks for
 * more fields of the same event.
 * Threading: one extractor per thread at a time (the host's contract for a
 * plugin state).
 */
#ifndef KA_FIELDS_H
#define KA_FIELDS_H

#include "sk_plugin_sdk.h"

typedef struct ka_extractor {
	sk_sdk_extract_t x;
	bool have;
	uint64_t evtnum, ts;
	const ss_plugin_event *evt;
	uint32_t evtlen;
	bool valid;        /* payload is an object with an auditID */
	sk_sdk_jval_t raw; /* raw view of the payload (points into the event) */
	bool dom_tried;
	json_t *root;      /* full tree, parsed only for fields that need one */
	json_t **vals;     /* scratch vector for multi-value paths */
	size_t nvals, cap_vals;
	uint64_t parse_errors;
} ka_extractor_t;

/* Number of rows and the table itself (index = field_id). */
size_t ka_fields_count(void);
const sk_sdk_field_t *ka_fields_table(void);

/* Malloc'd plugin_get_fields JSON (NULL on allocation failure). */
char *ka_fields_json(void);

void ka_extractor_init(ka_extractor_t *e);
void ka_extractor_free(ka_extractor_t *e);

/* Answer one extract request; the event must be a type-322 event. Returns
 * 0 (value or no value set in f) or -ENOMEM. */
int ka_extract(ka_extractor_t *e, const ss_plugin_event_input *ev, ss_plugin_extract_field *f);
/* Reset per-call result storage; call once per extract_fields. */
void ka_extract_begin(ka_extractor_t *e);

#endif /* KA_FIELDS_H */
