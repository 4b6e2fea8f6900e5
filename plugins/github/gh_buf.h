/*
 * gh_buf.h - a growable byte buffer with JSON-string escaping, shared by
 * the payload builder, the scanners and the API client.
 *
 * Ownership: the buffer owns data (gh_buf_free). A failed append sets
 * b->oom and leaves the content as it was; check oom once at the end.
 * Threading: none; one buffer per thread.
 */
#ifndef GH_BUF_H
#define GH_BUF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct gh_buf {
	char *data;     /* NUL-terminated when non-NULL */
	size_t len, cap;
	size_t limit;   /* 0 = none; appends past it set `over` and are dropped */
	bool oom, over;
} gh_buf_t;

void gh_buf_free(gh_buf_t *b);
void gh_buf_put(gh_buf_t *b, const void *s, size_t n);
void gh_buf_puts(gh_buf_t *b, const char *s);
void gh_buf_printf(gh_buf_t *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Append s as a JSON string literal, quotes included. */
void gh_buf_json_str(gh_buf_t *b, const char *s, size_t n);

#endif /* GH_BUF_H */
