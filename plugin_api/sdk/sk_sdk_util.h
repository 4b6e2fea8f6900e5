/*
 * sk_sdk_util.h - small helpers that plugins and the host share: error
 * buffers, clocks, hex digits, RFC 3339 times. No allocation, no global
 * state.
 *
 * Link: static library `sk_sdk_util` (PIC, libc only); sk_plugin_sdk links it.
 * Threading: every function is thread-safe.
 */
#ifndef SK_SDK_UTIL_H
#define SK_SDK_UTIL_H

#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Formats into err (errlen bytes, always terminated); a NULL err or a zero
 * errlen is accepted and writes nothing. */
void sk_sdk_errf(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void sk_sdk_verrf(char *err, size_t errlen, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));

/* The clock clk (CLOCK_MONOTONIC, CLOCK_REALTIME, ...) in nanoseconds. */
uint64_t sk_sdk_now_ns(clockid_t clk);

/* The absolute time ms milliseconds from now on clock clk, for timed waits. */
void sk_sdk_deadline(struct timespec *ts, clockid_t clk, uint32_t ms);

/* A condition variable whose timed waits take CLOCK_MONOTONIC deadlines
 * (immune to wall-clock steps). 0 or a negative errno. */
int sk_sdk_cond_init_monotonic(pthread_cond_t *cv);

/* The value of the hex digit c (either case), or -1. */
int sk_sdk_hexval(int c);

/* Decodes the 2 * n hex digits at s into the n bytes at out; 0, or -EINVAL
 * when a character is not a hex digit (out is then partly written). */
int sk_sdk_hex_decode(const char *s, size_t n, uint8_t *out);

/* An RFC 3339 time (the n bytes at s: "2024-08-13T15:58:20.353Z", 'T', 't'
 * or ' ' between date and time, any number of fraction digits (kept to the
 * nanosecond), "Z", "z" or "+hh:mm"/"-hh:mm", nothing after) as nanoseconds
 * since the epoch in *ns. 0, or -EINVAL (malformed, out of range, before
 * 1970). */
int sk_sdk_rfc3339_ns(const char *s, size_t n, uint64_t *ns);

#ifdef __cplusplus
}
#endif
#endif /* SK_SDK_UTIL_H */
