/*
 * testhost.h - a static sk_rules_host_t for the loader unit tests: a small
 * syscall field table, a plugin source "k8s_audit" with a few ka.* fields,
 * and plugins container 0.4.0 / json 0.7.0 / k8saudit 0.18.0 "loaded".
 */
#ifndef SK_TEST_TESTHOST_H
#define SK_TEST_TESTHOST_H

#include "../lib/sktest_host.h"

static const sk_field_info_t th_syscall[] = {
	{ "evt.type", "", FTYPE_STRING, 0, 0, 0 },
	{ "evt.num", "", FTYPE_UINT64, 0, 0, 1 },
	{ "evt.arg", "", FTYPE_STRING, SK_FIELD_ARG_KEY | SK_FIELD_ARG_INDEX | SK_FIELD_ARG_REQUIRED, 0, 2 },
	{ "proc.name", "", FTYPE_STRING, 0, 0, 3 },
	{ "proc.pname", "", FTYPE_STRING, 0, 0, 4 },
	{ "proc.cmdline", "", FTYPE_STRING, 0, 0, 5 },
	{ "proc.pid", "", SK_FTYPE_INT64, 0, 0, 6 },
	{ "proc.aname", "", FTYPE_STRING, SK_FIELD_ARG_INDEX, 0, 7 },
	{ "fd.name", "", FTYPE_STRING, 0, 0, 8 },
	{ "fd.num", "", SK_FTYPE_INT64, 0, 0, 9 },
	{ "fd.sport", "", FTYPE_UINT64, 0, 0, 10 },
	{ "fd.net", "", FTYPE_IPNET, 0, 0, 11 },
	{ "user.name", "", FTYPE_STRING, 0, 0, 12 },
	{ "container.id", "", FTYPE_STRING, 0, 0, 13 },
	{ "container.privileged", "", FTYPE_BOOL, 0, 0, 14 },
};

static const sk_field_info_t th_k8s[] = {
	{ "ka.verb", "", FTYPE_STRING, 0, 1, 0 },
	{ "ka.user.name", "", FTYPE_STRING, 0, 1, 1 },
	{ "ka.target.resource", "", FTYPE_STRING, 0, 1, 2 },
	{ "ka.req.pod.containers.privileged", "", FTYPE_STRING, SK_FIELD_IS_LIST | SK_FIELD_ARG_INDEX, 1, 3 },
	{ "evt.num", "", FTYPE_UINT64, 0, 2, 0 },
};

static const sktest_source_t th_sources[] = {
	{ "syscall", SKTEST_FIELDS(th_syscall) },
	{ "k8s_audit", SKTEST_FIELDS(th_k8s) },
	{ NULL, NULL, 0 },
};

static const char *const th_versions[] = { "container", "0.4.0", "json", "0.7.0", "k8saudit",
	"0.18.0", NULL };

static const sktest_host_t th_desc = { th_sources, th_versions, NULL, NULL };

static const sk_rules_host_t th_host = SKTEST_RULES_HOST(th_desc);

#endif
