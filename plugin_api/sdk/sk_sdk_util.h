/*
 * sk_sdk_util.h - small helpers that plugins and the host share: error
 * buffers, clocks, hex digits. No allocation, no global state.
 *
 * Link: static library `sk_sdk_util` (PIC, libc only); sk_plugin_sdk links it.
 * Threading: every function is thread-safe.
 */
#ifndef SK_SDK_UTIL_H
#define SK_SDK_UTIL_H

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

/* The value of the hex digit c (either case), or -1. */
int sk_sdk_hexval(int c);

/* Decodes the 2 * n hex digits at s into the n bytes at out; 0, or -EINVAL
 * when a character is not a hex digit (out is then partly written). */
int sk_sdk_hex_decode(const char *s, size_t n, uint8_t *out);

#ifdef __cplusplus
}
#endif
#endif /* SK_SDK_UTIL_H */
