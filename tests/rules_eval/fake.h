/*
 * fake.h - a fake field catalogue (sk_rules_host_t) and extractor for the
 * rules-cond tests: a fixed table of fields of every type, and per-event
 * values given as strings ("name" or "name[arg]" -> values) converted to the
 * field's type at extraction time.
 */
#ifndef SK_TEST_RULES_FAKE_H
#define SK_TEST_RULES_FAKE_H

#include <stdbool.h>
#include <stddef.h>

#include "rules.h"

#define FAKE_MAXV 8

typedef struct fake_val {
	const char *key;              /* "proc.name", "proc.aname[2]", "evt.arg[flags]" */
	const char *v[FAKE_MAXV];     /* NULL-terminated */
} fake_val_t;

typedef struct fake_event {
	const fake_val_t *vals;       /* terminated by key NULL */
	uint16_t type;                /* event code */
	unsigned calls;               /* extractor calls during this event */
} fake_event_t;

extern const sk_rules_host_t fake_host;
extern const sk_rules_extractor_t fake_extractor;

/* Build an event input for ev (type, ts = 1000). */
void fake_input(fake_event_t *ev, ss_plugin_event_input *in, ss_plugin_event *hdr);

#endif
