/* testhost.h - a static rules host for the correlation tests: syscall
 * fields (with k8s.*) and a k8s_audit plugin source with ka.* fields. */
#ifndef SK_TEST_CORR_HOST_H
#define SK_TEST_CORR_HOST_H

#include <errno.h>
#include <string.h>

#include "rules/rules.h"

static const sk_field_info_t ch_syscall[] = {
	{ "evt.type", "", FTYPE_STRING, 0, 0, 0 },
	{ "proc.name", "", FTYPE_STRING, 0, 1, 1 },
	{ "proc.cmdline", "", FTYPE_STRING, 0, 1, 2 },
	{ "fd.name", "", FTYPE_STRING, 0, 1, 3 },
	{ "k8s.ns.name", "", FTYPE_STRING, 0, 1, 4 },
	{ "k8s.pod.name", "", FTYPE_STRING, 0, 1, 5 },
	{ "user.name", "", FTYPE_STRING, 0, 1, 6 },
	{ "proc.pid", "", SK_FTYPE_INT64, 0, 1, 7 },
};

static const sk_field_info_t ch_k8s[] = {
	{ "ka.verb", "", FTYPE_STRING, 0, 2, 0 },
	{ "ka.user.name", "", FTYPE_STRING, 0, 2, 1 },
	{ "ka.target.namespace", "", FTYPE_STRING, 0, 2, 2 },
	{ "ka.target.name", "", FTYPE_STRING, 0, 2, 3 },
	{ "ka.target.resource", "", FTYPE_STRING, 0, 2, 4 },
	{ "ka.target.subresource", "", FTYPE_STRING, 0, 2, 5 },
};

static int ch_find_field(void *ctx, const char *source, const char *name,
	const sk_field_info_t **out)
{
	(void)ctx;
	const sk_field_info_t *t = ch_syscall;
	size_t n = sizeof(ch_syscall) / sizeof(ch_syscall[0]);
	if (!strcmp(source, "k8s_audit")) {
		t = ch_k8s;
		n = sizeof(ch_k8s) / sizeof(ch_k8s[0]);
	} else if (strcmp(source, "syscall")) {
		return -ENOENT;
	}
	for (size_t i = 0; i < n; i++)
		if (!strcmp(t[i].name, name)) {
			*out = &t[i];
			return 0;
		}
	return -ENOENT;
}

static bool ch_source_known(void *ctx, const char *source)
{
	(void)ctx;
	return !strcmp(source, "syscall") || !strcmp(source, "k8s_audit");
}

static const char *ch_plugin_version(void *ctx, const char *name)
{
	(void)ctx;
	(void)name;
	return NULL;
}

static const sk_rules_host_t ch_host = { NULL, ch_find_field, ch_source_known,
	ch_plugin_version, NULL };

#endif
