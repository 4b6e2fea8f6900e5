/*
 * synth.h - a synthetic syscall field catalogue for tests and benchmarks of
 * the rules engine: every field the upstream syscall rules use, with the
 * upstream types and argument kinds (everything else of a known class is a
 * string). Events carry values by field id; unset fields yield a per-type
 * default (string "x", number 1000, false, 10.0.0.1) so conditions do not
 * short-circuit on missing values; evt.num is the input's evtnum + 1.
 * Single-threaded (results live in static buffers until the next call).
 */
#ifndef SK_TEST_RULES_SYNTH_H
#define SK_TEST_RULES_SYNTH_H

#include <stdint.h>

#include "rules.h"

#define SYNTH_MAXF 512

typedef struct synth_event {
	ss_plugin_event hdr;          /* must stay first */
	const char *str[SYNTH_MAXF];  /* by field id, NULL = default */
} synth_event_t;

extern const sk_rules_host_t synth_host;
extern const sk_rules_extractor_t synth_extractor;
extern uint64_t synth_extractions;

/* Set a field's value (as text) on an event; -1 if the field is unknown. */
int synth_set(synth_event_t *e, const char *name, const char *value);
/* Exit event code of a syscall name (0 if unknown). */
uint16_t synth_code(const char *name);
void synth_free(void);
/* Print the error-level diagnostics of a load to stderr, one a line. */
void synth_print_errors(const sk_diags_t *d);

#endif
