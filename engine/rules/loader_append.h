/*
 * loader_append.h - Falco's append_output configuration applied to a rule's
 * output at compile time: extra output text, extra output fields and the
 * suggested-output fields of the rule's source.
 *
 * Threading: runs on the loading thread only.
 */
#ifndef SK_RULES_LOADER_APPEND_H
#define SK_RULES_LOADER_APPEND_H

#include <stdbool.h>
#include <stddef.h>

#include "loader_int.h"
#include "rules.h"

/* Whether entry a applies to the rule (name, source, tags). */
bool sk__append_matches(const sk_rules_append_t *a, const char *rule, const char *source,
	char *const *tags, size_t ntags);

/* Append the output text of every entry of opts matching the rule to out,
 * and gather the extra field names (opts->extra_fields first, then the
 * entries', without duplicates) into *fields (malloc'd array of borrowed
 * strings, caller frees the array). 0 or -ENOMEM. */
int sk__append_apply(const sk_rules_opts_t *opts, const sk_rules_host_t *host,
	const char *rule, const char *source, char *const *tags, size_t ntags,
	sk__text_t *out, const char ***fields, size_t *nfields);

#endif
