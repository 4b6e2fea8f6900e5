#include "alert.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "step_hit.h"

static const char *const prio_names[] = {
	"Emergency", "Alert", "Critical", "Error",
	"Warning", "Notice", "Informational", "Debug",
};

const char *sk_priority_name(sk_priority_t p)
{
	if ((unsigned)p > SK_PRIO_DEBUG)
		return "Unknown";
	return prio_names[p];
}

int sk_priority_parse(const char *s, sk_priority_t *out)
{
	for (int i = 0; i <= SK_PRIO_DEBUG; i++) {
		if (strcasecmp(s, prio_names[i]) == 0) {
			*out = (sk_priority_t)i;
			return 0;
		}
	}
	if (strcasecmp(s, "info") == 0) {
		*out = SK_PRIO_INFORMATIONAL;
		return 0;
	}
	return -EINVAL;
}

void sk_alert_free(sk_alert_t *a)
{
	if (!a)
		return;
	free(a->rule);
	free(a->source);
	free(a->output);
	json_decref(a->output_fields);
	json_decref(a->keys);
	json_decref(a->steps);
	for (sk_step_hit_t *h = a->hit, *n; h; h = n) {
		n = h->next;
		free(h);
	}
	for (size_t i = 0; i < a->ntags; i++)
		free(a->tags[i]);
	free(a->tags);
	free(a);
}

sk_alert_t *sk_alert_wrap_hit(struct sk_step_hit *hit)
{
	if (!hit)
		return NULL;
	sk_alert_t *a = calloc(1, sizeof(*a));
	if (!a) {
		free(hit);
		return NULL;
	}
	a->hit = hit;
	return a;
}

sk_step_hit_t *sk_step_hit_new(uint64_t corr, uint32_t step, uint64_t ts, uint64_t seq,
	const char *source, const char *rule, const char *key, const char *value,
	const char *fields)
{
	const char *s[5] = { source ? source : "", rule ? rule : "", key ? key : "", value,
		fields ? fields : "{}" };
	size_t len[5], total = sizeof(sk_step_hit_t);
	for (int i = 0; i < 5; i++) {
		len[i] = s[i] ? strlen(s[i]) + 1 : 0;
		total += len[i];
	}
	sk_step_hit_t *h = malloc(total);
	if (!h)
		return NULL;
	h->corr = corr;
	h->next = NULL;
	h->step = step;
	h->ts = ts;
	h->seq = seq;
	char *p = (char *)(h + 1);
	const char **dst[5] = { &h->source, &h->rule, &h->key, &h->value, &h->fields };
	for (int i = 0; i < 5; i++) {
		if (!s[i]) {
			*dst[i] = NULL;
			continue;
		}
		memcpy(p, s[i], len[i]);
		*dst[i] = p;
		p += len[i];
	}
	return h;
}
