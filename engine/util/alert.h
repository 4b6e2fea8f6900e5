/*
 * alert.h - the alert model shared by the rule evaluator (producer, on a
 * source worker thread) and the outputs (consumers, on the loop thread).
 *
 * Ownership: an sk_alert_t and everything it points to is owned by whoever
 * holds the pointer; sk_alert_free releases it all. It is handed across
 * threads by pointer, never shared.
 */
#ifndef SK_ALERT_H
#define SK_ALERT_H

#include <stdint.h>
#include <stddef.h>
#include <jansson.h>

/* Falco's priorities, most severe first (numeric order = Falco's). */
typedef enum sk_priority {
	SK_PRIO_EMERGENCY = 0,
	SK_PRIO_ALERT = 1,
	SK_PRIO_CRITICAL = 2,
	SK_PRIO_ERROR = 3,
	SK_PRIO_WARNING = 4,
	SK_PRIO_NOTICE = 5,
	SK_PRIO_INFORMATIONAL = 6,
	SK_PRIO_DEBUG = 7,
} sk_priority_t;

typedef struct sk_alert {
	uint64_t ts_ns;          /* event time, ns since epoch */
	char *rule;              /* rule name */
	sk_priority_t priority;
	char *source;            /* event source, e.g. "syscall", "k8s_audit" */
	char *output;            /* formatted output text (without time/priority prefix) */
	json_t *output_fields;   /* object: field name -> typed value (null for <NA>) */
	char **tags;             /* sorted */
	size_t ntags;
	/* correlation keys (name=value) the rule exports; may be NULL/0 */
	json_t *keys;
	/* correlated alerts: the contributing events (array of objects with
	 * time, source, rule, fields), emitted as the JSON alert's "steps" */
	json_t *steps;
	/* When set, this entry is not an alert but correlation step matches or
	 * source progress records travelling to the correlator (step_hit.h, a
	 * chain through hit->next); the other fields are then unused. */
	struct sk_step_hit *hit;
} sk_alert_t;

/* "Emergency", "Alert", "Critical", "Error", "Warning", "Notice",
 * "Informational", "Debug" (Falco's spelling in alerts). */
const char *sk_priority_name(sk_priority_t p);
/* Case-insensitive; accepts "info" for Informational. 0 or -EINVAL. */
int sk_priority_parse(const char *s, sk_priority_t *out);

void sk_alert_free(sk_alert_t *a);

/* An entry carrying a step hit (takes ownership of hit; freed on failure).
 * NULL on ENOMEM. */
sk_alert_t *sk_alert_wrap_hit(struct sk_step_hit *hit);

#endif
