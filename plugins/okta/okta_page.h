/*
 * okta_page.h - one System Log response body decoded into event slices:
 * the body must be a JSON array; each object element becomes an event
 * (its raw text, its published time, its uuid). Nothing is copied.
 *
 * Ownership: slices point into the body, which the caller keeps alive while
 * the page is used. Threading: none.
 */
#ifndef OKTA_PAGE_H
#define OKTA_PAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct ok_evref {
	const char *p;      /* raw JSON object text */
	size_t n;
	int64_t ts;         /* published, ns; -1 when absent or unparsable */
	const char *uuid;   /* raw string bytes (no quotes), may be NULL */
	size_t uuid_n;
} ok_evref_t;

typedef struct ok_page {
	ok_evref_t *ev;
	size_t n, cap;
	uint64_t not_objects;  /* array elements that were not objects (dropped) */
} ok_page_t;

/* Decode body. 0, -EINVAL (not a JSON array / malformed; err says where),
 * -EAGAIN (valid JSON prefix that ends early: a truncated body), -ENOMEM. */
int sk__ok_page_decode(ok_page_t *pg, const char *body, size_t len, char *err, size_t errlen);
void sk__ok_page_clear(ok_page_t *pg);
void sk__ok_page_free(ok_page_t *pg);
/* True when event i has uuid u. */
bool sk__ok_page_uuid_is(const ok_page_t *pg, size_t i, const char *u);

#endif /* OKTA_PAGE_H */
