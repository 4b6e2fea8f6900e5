/*
 * fakehost.h - a minimal sk_rules_host_t for the rules tests, built from
 * real plugin shared objects (dlopen + get_name/get_version/get_fields/
 * get_event_source/get_extract_event_sources), plus the generic evt.*
 * fields every source has. Single-threaded test helper.
 */
#ifndef SK_TEST_FAKEHOST_H
#define SK_TEST_FAKEHOST_H

#include "rules/rules.h"

typedef struct fh_host fh_host_t;

/* Load the plugins; NULL with a message on stderr on failure. */
fh_host_t *fh_new(const char *const *paths, size_t n);
void fh_free(fh_host_t *h);
const sk_rules_host_t *fh_rules_host(fh_host_t *h);

#endif
