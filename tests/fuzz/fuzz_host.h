/*
 * fuzz_host.h - the rules host used by the rules and condition fuzz
 * targets: the loader unit tests' field table (tests/rules_loader/
 * testhost.h), plus one catch-all field per type for any other dotted
 * name, so that mutated upstream conditions reach the compiler instead of
 * stopping at "unknown field".
 */
#ifndef SK_FUZZ_HOST_H
#define SK_FUZZ_HOST_H

#include "../rules_loader/testhost.h"

static const sk_field_info_t fh_any[] = {
	{ "fuzz.str", "", FTYPE_STRING, SK_FIELD_ARG_KEY | SK_FIELD_ARG_INDEX, 0, 100 },
	{ "fuzz.u64", "", FTYPE_UINT64, 0, 0, 101 },
	{ "fuzz.list", "", FTYPE_STRING, SK_FIELD_IS_LIST, 0, 102 },
	{ "fuzz.net", "", FTYPE_IPNET, 0, 0, 103 },
	{ "fuzz.bool", "", FTYPE_BOOL, 0, 0, 104 },
};

static int fh_find_field(void *ctx, const char *source, const char *name,
	const sk_field_info_t **out)
{
	if (sktest_find_field(ctx, source, name, out) == 0)
		return 0;
	if (!strchr(name, '.') || !sktest_source_known(ctx, source))
		return -ENOENT;
	/* the type follows from the name, so one name always means one field */
	size_t h = 0;
	for (const char *p = name; *p; p++)
		h = h * 31 + (unsigned char)*p;
	*out = &fh_any[h % (sizeof(fh_any) / sizeof(fh_any[0]))];
	return 0;
}

static const sk_rules_host_t fh_host = { (void *)&th_desc, fh_find_field, sktest_source_known,
	sktest_plugin_version, NULL };

#endif
