/* sk_sdk_util.c - error buffers, clocks, hex digits, RFC 3339 times, the byte
 * buffer. */
#include "sk_sdk_util.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sk_sdk_verrf(char *err, size_t errlen, const char *fmt, va_list ap)
{
	if (!err || errlen == 0)
		return;
	vsnprintf(err, errlen, fmt, ap);
}

void sk_sdk_errf(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sk_sdk_verrf(err, errlen, fmt, ap);
	va_end(ap);
}

void sk_sdk_deadline(struct timespec *ts, clockid_t clk, uint32_t ms)
{
	clock_gettime(clk, ts);
	ts->tv_sec += ms / 1000;
	ts->tv_nsec += (long)(ms % 1000) * 1000000L;
	if (ts->tv_nsec >= 1000000000L) {
		ts->tv_sec++;
		ts->tv_nsec -= 1000000000L;
	}
}

int sk_sdk_cond_init_monotonic(pthread_cond_t *cv)
{
	pthread_condattr_t ca;
	int rc = pthread_condattr_init(&ca);
	if (rc == 0)
		rc = pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	if (rc == 0)
		rc = pthread_cond_init(cv, &ca);
	pthread_condattr_destroy(&ca);
	return -rc;
}

uint64_t sk_sdk_now_ns(clockid_t clk)
{
	struct timespec ts;

	clock_gettime(clk, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

int sk_sdk_hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20; /* ASCII 'A'-'F' to 'a'-'f'; nothing else lands there */
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

int sk_sdk_hex_decode(const char *s, size_t n, uint8_t *out)
{
	for (size_t i = 0; i < n; i++) {
		int hi = sk_sdk_hexval((unsigned char)s[2 * i]);
		int lo = hi < 0 ? -1 : sk_sdk_hexval((unsigned char)s[2 * i + 1]);
		if (lo < 0)
			return -EINVAL;
		out[i] = (uint8_t)(hi << 4 | lo);
	}
	return 0;
}

static int dec(const char *s, size_t n, size_t at, size_t len, unsigned *out)
{
	unsigned v = 0;

	if (at + len > n)
		return -EINVAL;
	for (size_t i = at; i < at + len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -EINVAL;
		v = v * 10 + (unsigned)(s[i] - '0');
	}
	*out = v;
	return 0;
}

/* Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's
 * days_from_civil): no timegm, so no time zone state and no locking. */
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

int sk_sdk_rfc3339_ns(const char *s, size_t n, uint64_t *ns)
{
	unsigned y, mo, d, h, mi, se, oh = 0, om = 0;
	uint64_t frac = 0, scale = 1000000000ull;
	int64_t off = 0, secs;
	size_t i = 19;

	if (!s || n < 20 || dec(s, n, 0, 4, &y) || s[4] != '-' || dec(s, n, 5, 2, &mo) ||
	    s[7] != '-' || dec(s, n, 8, 2, &d) || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') ||
	    dec(s, n, 11, 2, &h) || s[13] != ':' || dec(s, n, 14, 2, &mi) || s[16] != ':' ||
	    dec(s, n, 17, 2, &se))
		return -EINVAL;
	if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 60)
		return -EINVAL;
	if (s[i] == '.') {
		if (++i >= n || s[i] < '0' || s[i] > '9')
			return -EINVAL;
		for (; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
			if (scale > 1) {
				scale /= 10;
				frac += (uint64_t)(s[i] - '0') * scale;
			}
		}
	}
	if (i < n && (s[i] == 'Z' || s[i] == 'z')) {
		i++;
	} else if (i < n && (s[i] == '+' || s[i] == '-')) {
		if (dec(s, n, i + 1, 2, &oh) || i + 3 >= n || s[i + 3] != ':' ||
		    dec(s, n, i + 4, 2, &om) || oh > 23 || om > 59)
			return -EINVAL;
		off = (int64_t)(oh * 3600 + om * 60) * (s[i] == '+' ? 1 : -1);
		i += 6;
	} else {
		return -EINVAL;
	}
	if (i != n)
		return -EINVAL;
	secs = days_from_civil(y, mo, d) * 86400 + (int64_t)(h * 3600 + mi * 60 + se) - off;
	if (secs < 0)
		return -EINVAL;
	*ns = (uint64_t)secs * 1000000000ull + frac;
	return 0;
}

int sk_sdk_buf_append(sk_sdk_buf_t *b, const void *data, size_t n)
{
	size_t need, ncap;
	char *np;

	if (b->err)
		return b->err;
	if (b->max && n > b->max - b->n)
		return b->err = -E2BIG;
	if (n > SIZE_MAX - 1 - b->n)
		return b->err = -ENOMEM;
	need = b->n + n + 1;
	if (need > b->cap) {
		ncap = b->cap ? b->cap : 256;
		while (ncap < need)
			ncap = ncap > SIZE_MAX / 2 ? need : ncap * 2;
		/* doubling past the cap would only allocate bytes never used */
		if (b->max && ncap > b->max + 1)
			ncap = b->max + 1;
		if (!(np = realloc(b->p, ncap)))
			return b->err = -ENOMEM;
		b->p = np;
		b->cap = ncap;
	}
	if (n)
		memcpy(b->p + b->n, data, n);
	b->n += n;
	b->p[b->n] = '\0';
	return 0;
}

int sk_sdk_buf_str(sk_sdk_buf_t *b, const char *s)
{
	return sk_sdk_buf_append(b, s, strlen(s));
}

void sk_sdk_buf_clear(sk_sdk_buf_t *b)
{
	b->n = 0;
	b->err = 0;
	if (b->p)
		b->p[0] = '\0';
}

void sk_sdk_buf_free(sk_sdk_buf_t *b)
{
	if (!b)
		return;
	free(b->p);
	memset(b, 0, sizeof(*b));
}

size_t sk_sdk_buf_curl_write(char *p, size_t size, size_t nmemb, void *ud)
{
	size_t n = size * nmemb; /* libcurl documents size as always 1 */

	return sk_sdk_buf_append(ud, p, n) < 0 ? 0 : n;
}
