/*
 * okta_fields_int.h - internal: the okta.* rows shared by the table
 * (okta_fields_table.c) and the extraction code (okta_fields.c).
 */
#ifndef OKTA_FIELDS_INT_H
#define OKTA_FIELDS_INT_H

#include "okta_fields.h"

enum ok_kind {
	OK_K_STR,      /* text at path; absent or null -> "" (upstream) */
	OK_K_STR_OPT,  /* text at path; absent or null -> no value */
	OK_K_NUMTXT,   /* number as text at path; absent -> "0" (upstream) */
	OK_K_U64,      /* unsigned number at path (number or digit string); absent -> 0 */
	OK_K_ORG,      /* the configured organization */
	OK_K_APP,      /* second segment of requestUri when it starts with /app/ */
	OK_K_TARGET,   /* key of the last target whose type is `a`; none -> no value */
	OK_K_TARGETS,  /* target[i].displayName, i defaults to 0 */
	OK_K_MFA_FAIL, /* failures (auth_via_mfa, FAILURE) of the actor in the last N s */
	OK_K_MFA_DENY, /* push denies (okta_verify.deny_push) of the actor in the last N s */
	OK_K_NEWCTRY,  /* sign-in: "true" when the actor signed in before, never from here */
};

typedef struct ok_row {
	uint8_t kind;
	const char *a;
	const char *path[5];
} ok_row_t;

typedef struct ok_def {
	sk_sdk_field_t f;
	ok_row_t r;
} ok_def_t;

extern const ok_def_t sk__ok_defs[];
extern const size_t sk__ok_ndefs;

#endif /* OKTA_FIELDS_INT_H */
