/*
 * diag.h - internal helpers to append diagnostics to an sk_diags_t.
 * Not thread-safe (one sk_diags_t per load).
 */
#ifndef SK_RULES_DIAG_H
#define SK_RULES_DIAG_H

#include "rules.h"

/* Append one diagnostic (strings are copied; any may be NULL).
 * Returns 0 or -ENOMEM (the diagnostic is then lost, counters unchanged). */
int sk__diag_add(sk_diags_t *d, sk_diag_level_t level, const char *file, uint32_t line,
	uint32_t col, const char *kind, const char *name, const char *code, const char *fmt, ...)
	__attribute__((format(printf, 9, 10)));

#endif
