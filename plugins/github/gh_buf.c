/* gh_buf.c - formatting appends to an sk_sdk_buf_t. */
#include "gh_buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void gh_buf_printf(sk_sdk_buf_t *b, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n > 0)
		sk_sdk_buf_append(b, tmp, (size_t)n < sizeof(tmp) ? (size_t)n : sizeof(tmp) - 1);
}

void gh_buf_json_str(sk_sdk_buf_t *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i, run = 0;
	unsigned char c;
	char esc[6] = { '\\', 'u', '0', '0', 0, 0 };

	sk_sdk_buf_append(b, "\"", 1);
	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		sk_sdk_buf_append(b, s + run, i - run);
		run = i + 1;
		if (c == '"' || c == '\\') {
			esc[1] = (char)c;
			sk_sdk_buf_append(b, esc, 2);
			esc[1] = 'u';
		} else {
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 15];
			sk_sdk_buf_append(b, esc, 6);
		}
	}
	sk_sdk_buf_append(b, s + run, n - run);
	sk_sdk_buf_append(b, "\"", 1);
}
