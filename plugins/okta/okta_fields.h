/*
 * okta_fields.h - the okta.* field table and extraction from System Log
 * events (type-322 payloads holding one LogEvent JSON object).
 *
 * Values are read straight from the JSON text (no tree): a field costs a
 * walk over the keys on its path. Decoding is tolerant: a number, a boolean
 * or a string is accepted wherever Okta's schema allows one (postalCode,
 * isProxy, authenticationStep, asNumber, geolocation).
 *
 * Ownership: an ok_extractor_t belongs to one plugin state; results stay
 * valid until the next extraction call on it. Threading: one thread at a
 * time (the host's contract for a plugin state).
 */
#ifndef OKTA_FIELDS_H
#define OKTA_FIELDS_H

#include "okta_mfa.h"
#include "sk_plugin_sdk.h"

typedef struct ok_extractor {
	sk_sdk_extract_t x;
	const char *org;        /* okta.org value (config; not owned) */
	bool have;
	uint64_t evtnum, ts;
	const ss_plugin_event *evt;
	bool valid;             /* payload is a JSON object */
	sk_sdk_jval_t root;
	sk_sdk_jval_t etype;    /* eventType (t == SK_JT_NONE when absent) */
	int mfa_series;         /* MFA series of the event: -1 unknown, 0 none, 1 fail, 2 deny */
	ok_mfa_t mfa;
	bool recorded_any;
	uint64_t recorded_evtnum; /* last event whose MFA timestamps were recorded */
	int geo_new;              /* that event: -1 not a sign-in, 0 known country, 1 new */
	uint64_t parse_errors;
} ok_extractor_t;

size_t ok_fields_count(void);
const sk_sdk_field_t *ok_fields_table(void);
/* Malloc'd plugin_get_fields JSON (NULL on allocation failure). */
char *ok_fields_json(void);

int ok_extractor_init(ok_extractor_t *e, const char *org, size_t per_key, size_t max_keys,
	uint64_t ttl_s);
void ok_extractor_free(ok_extractor_t *e);
/* Reset per-call result storage; call once per extract_fields. */
void ok_extract_begin(ok_extractor_t *e);
/* Answer one request. 0 (value or no value set) or -ENOMEM. */
int ok_extract(ok_extractor_t *e, const ss_plugin_event_input *ev, ss_plugin_extract_field *f);
/* Record the event's MFA failure / push deny and sign-in country (once per
 * event number; also done lazily by extraction when the host does not call
 * parse_event). */
int ok_record_event(ok_extractor_t *e, const ss_plugin_event_input *ev);

#endif /* OKTA_FIELDS_H */
