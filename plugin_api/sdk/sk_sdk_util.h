/*
 * sk_sdk_util.h - small helpers that plugins and the host share: error
 * buffers, clocks, hex digits, RFC 3339 times, a growable byte buffer. No
 * global state; only the byte buffer allocates.
 *
 * Link: static library `sk_sdk_util` (PIC, libc only); sk_plugin_sdk links it.
 * Threading: every function is thread-safe; an sk_sdk_buf_t is not locked
 * (one thread at a time per buffer).
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

/* A growable byte buffer, kept NUL-terminated, with an optional size cap.
 * Start from a zeroed one ({0}); set max before appending to bound it.
 * Ownership: the buffer owns p; release it with sk_sdk_buf_free(), or take p
 * and zero the struct. */
typedef struct sk_sdk_buf {
	char *p;    /* n bytes and a NUL; NULL until the first successful append */
	size_t n;   /* bytes held, the NUL not counted */
	size_t cap; /* bytes allocated at p */
	size_t max; /* most bytes held (the NUL not counted); 0 = no cap */
	int err;    /* the first failed append's error, 0 if none (see below) */
} sk_sdk_buf_t;

/* Appends the n bytes at data (data may be NULL when n is 0). Returns 0;
 * -E2BIG when the content would exceed max; -ENOMEM when memory runs out.
 * A failure leaves the content as it was and is sticky: err keeps it and
 * later appends fail with it too, so a chain of appends can be checked once
 * at the end. A successful append, even of 0 bytes, leaves p non-NULL. */
int sk_sdk_buf_append(sk_sdk_buf_t *b, const void *data, size_t n);

/* Appends the NUL-terminated string s (not its NUL); as sk_sdk_buf_append. */
int sk_sdk_buf_str(sk_sdk_buf_t *b, const char *s);

/* Empties the buffer and clears err, keeping the memory and max. */
void sk_sdk_buf_clear(sk_sdk_buf_t *b);

/* Frees p and zeroes the whole buffer (max included). NULL is accepted. */
void sk_sdk_buf_free(sk_sdk_buf_t *b);

/* A libcurl CURLOPT_WRITEFUNCTION appending to the sk_sdk_buf_t passed as
 * CURLOPT_WRITEDATA (ud). On a failed append it returns 0, which libcurl
 * turns into CURLE_WRITE_ERROR; the buffer's err then says why (-E2BIG:
 * over max, -ENOMEM). Plain C types, so no curl header is needed here. */
size_t sk_sdk_buf_curl_write(char *p, size_t size, size_t nmemb, void *ud);

#ifdef __cplusplus
}
#endif
#endif /* SK_SDK_UTIL_H */
