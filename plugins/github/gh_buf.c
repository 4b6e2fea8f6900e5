/* gh_buf.c - growable buffer. */
#include "gh_buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void gh_buf_free(gh_buf_t *b)
{
	if (!b)
		return;
	free(b->data);
	memset(b, 0, sizeof(*b));
}

static bool reserve(gh_buf_t *b, size_t n)
{
	size_t ncap;
	char *nd;

	if (b->oom)
		return false;
	if (b->limit && b->len + n > b->limit) {
		b->over = true;
		return false;
	}
	if (b->len + n + 1 <= b->cap)
		return true;
	ncap = b->cap ? b->cap : 1024;
	while (ncap < b->len + n + 1)
		ncap *= 2;
	nd = realloc(b->data, ncap);
	if (!nd) {
		b->oom = true;
		return false;
	}
	b->data = nd;
	b->cap = ncap;
	return true;
}

void gh_buf_put(gh_buf_t *b, const void *s, size_t n)
{
	if (!reserve(b, n))
		return;
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void gh_buf_puts(gh_buf_t *b, const char *s)
{
	gh_buf_put(b, s, strlen(s));
}

void gh_buf_printf(gh_buf_t *b, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n > 0)
		gh_buf_put(b, tmp, (size_t)n < sizeof(tmp) ? (size_t)n : sizeof(tmp) - 1);
}

void gh_buf_json_str(gh_buf_t *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i, run = 0;
	unsigned char c;
	char esc[6] = { '\\', 'u', '0', '0', 0, 0 };

	gh_buf_put(b, "\"", 1);
	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		gh_buf_put(b, s + run, i - run);
		run = i + 1;
		if (c == '"' || c == '\\') {
			esc[1] = (char)c;
			gh_buf_put(b, esc, 2);
			esc[1] = 'u';
		} else {
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 15];
			gh_buf_put(b, esc, 6);
		}
	}
	gh_buf_put(b, s + run, n - run);
	gh_buf_put(b, "\"", 1);
}
