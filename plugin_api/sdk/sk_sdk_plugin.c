/* sk_sdk_plugin.c - small pieces every plugin's entry code needs: host
 * logging, metrics, the plugin event type list, wiping secrets. */
#include "sk_sdk_source.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sk_sdk_log(const sk_sdk_plugin_t *p, ss_plugin_log_severity sev, const char *msg)
{
	if (!p)
		return;
	if (p->log)
		p->log(p->owner, NULL, msg, sev);
	else if (sev <= SS_PLUGIN_LOG_SEV_WARNING)
		fprintf(stderr, "%s: %s\n", p->name ? p->name : "plugin", msg);
}

void sk_sdk_logf(const sk_sdk_plugin_t *p, ss_plugin_log_severity sev, const char *fmt, ...)
{
	char msg[768];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	sk_sdk_log(p, sev, msg);
}

void sk_sdk_metric_u64(ss_plugin_metric *m, const char *name, ss_plugin_metric_type type,
	uint64_t v)
{
	m->name = name;
	m->type = type;
	m->value_type = SS_PLUGIN_METRIC_VALUE_TYPE_U64;
	m->value.u64 = v;
}

uint16_t *sk_sdk_plugin_event_types(uint32_t *numtypes)
{
	static uint16_t types[] = { PPME_PLUGINEVENT_E };

	*numtypes = 1;
	return types;
}

void sk_sdk_free_secret(char *s)
{
	if (!s)
		return;
	explicit_bzero(s, strlen(s));
	free(s);
}
