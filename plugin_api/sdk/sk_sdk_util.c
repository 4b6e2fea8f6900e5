/* sk_sdk_util.c - error buffers, clocks, hex digits. */
#include "sk_sdk_util.h"

#include <errno.h>
#include <stdio.h>

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
