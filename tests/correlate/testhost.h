/* testhost.h - a static rules host for the correlation tests: syscall
 * fields (with k8s.*) and a k8s_audit plugin source with ka.* fields. */
#ifndef SK_TEST_CORR_HOST_H
#define SK_TEST_CORR_HOST_H

#include "../lib/sktest_host.h"

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

static const sktest_source_t ch_sources[] = {
	{ "syscall", SKTEST_FIELDS(ch_syscall) },
	{ "k8s_audit", SKTEST_FIELDS(ch_k8s) },
	{ NULL, NULL, 0 },
};

static const sktest_host_t ch_desc = { ch_sources, NULL, NULL, NULL };

static const sk_rules_host_t ch_host = SKTEST_RULES_HOST(ch_desc);

#endif
