/* sk_field_types.c - the field type names as one table. */
#include "sk_field_types.h"

#include <errno.h>
#include <stddef.h>
#include <string.h>

static const struct {
	const char *name;
	uint32_t type;
} ftypes[] = {
	{"string", FTYPE_STRING},
	{"uint64", FTYPE_UINT64},
	{"reltime", FTYPE_RELTIME},
	{"abstime", FTYPE_ABSTIME},
	{"bool", FTYPE_BOOL},
	{"ipaddr", FTYPE_IPADDR},
	{"ipnet", FTYPE_IPNET},
	{"int64", SK_FTYPE_INT64},
};

#define NFTYPES (sizeof(ftypes) / sizeof(ftypes[0]))

const char *sk_ftype_name(uint32_t type)
{
	for (size_t i = 0; i < NFTYPES; i++)
		if (ftypes[i].type == type)
			return ftypes[i].name;
	return NULL;
}

int sk_ftype_parse(const char *name, uint32_t *type)
{
	for (size_t i = 0; name && i < NFTYPES; i++) {
		if (strcmp(ftypes[i].name, name) == 0) {
			*type = ftypes[i].type;
			return 0;
		}
	}
	return -ENOENT;
}

bool sk_ftype_is_abi(uint32_t type)
{
	return type != SK_FTYPE_INT64 && sk_ftype_name(type) != NULL;
}
