#include "alert.h"

#include <errno.h>
#include <stdlib.h>
#include <strings.h>

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
	for (size_t i = 0; i < a->ntags; i++)
		free(a->tags[i]);
	free(a->tags);
	free(a);
}
