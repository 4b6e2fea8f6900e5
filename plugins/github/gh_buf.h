/*
 * gh_buf.h - formatting appends to an sk_sdk_buf_t (sk_sdk_util.h): printf
 * and JSON-string escaping, shared by the payload builder, the scanners and
 * the API client.
 *
 * Ownership: the caller owns the buffer. Appends fail sticky (b->err), so a
 * chain of them is checked once at the end.
 * Threading: none; one buffer per thread.
 */
#ifndef GH_BUF_H
#define GH_BUF_H

#include <stddef.h>

#include "sk_sdk_util.h"

void gh_buf_printf(sk_sdk_buf_t *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Append s as a JSON string literal, quotes included. */
void gh_buf_json_str(sk_sdk_buf_t *b, const char *s, size_t n);

#endif /* GH_BUF_H */
