/* Check macros shared by the C unit tests.
 *
 * Include once per test executable (the counters are file-static):
 *   CHECK(cond)             counts a check; when cond is false counts a
 *   CHECK(cond, fmt, ...)   failure and prints "FAIL file:line: cond" and
 *                           the printf message when one is given
 *   CHECK_STR(got, want)    strings equal (got may be NULL: a failure)
 *   REQUIRE(cond[, fmt, ...]) a check the rest of the test cannot go on
 *                           without: on failure, the report and exit(1)
 *                           (unlike assert(), never compiled out)
 *   FAIL(fmt, ...)          a failure without a check
 *   sktest_report(name)     prints the verdict; main's exit code
 * Checks never abort: a test goes on and reports every failure (guard what
 * a later step dereferences). */
#ifndef SKTEST_H
#define SKTEST_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures, checks;

/* fmt starts with ": " (prefixed by the macros); a bare ": " is no message. */
static inline void sktest_msg_(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static inline void sktest_msg_(const char *fmt, ...)
{
	va_list ap;

	if (strcmp(fmt, ": ") != 0) {
		va_start(ap, fmt);
		vfprintf(stderr, fmt, ap);
		va_end(ap);
	}
	fputc('\n', stderr);
}

#define FAIL(...)                                                            \
	do {                                                                 \
		failures++;                                                  \
		fprintf(stderr, "FAIL %s:%d", __FILE__, __LINE__);           \
		sktest_msg_(": " __VA_ARGS__);                               \
	} while (0)

/* What CHECK and REQUIRE share; text is the condition as written. */
#define SKTEST_CHECK_(cond, text, stop, ...)                                 \
	do {                                                                 \
		checks++;                                                    \
		if (!(cond)) {                                               \
			failures++;                                          \
			fprintf(stderr, "FAIL %s:%d: %s", __FILE__, __LINE__, text); \
			sktest_msg_(": " __VA_ARGS__);                       \
			if (stop)                                            \
				sktest_stop_();                              \
		}                                                            \
	} while (0)

#define CHECK(cond, ...) SKTEST_CHECK_(cond, #cond, 0, __VA_ARGS__)
#define REQUIRE(cond, ...) SKTEST_CHECK_(cond, #cond, 1, __VA_ARGS__)

#define CHECK_STR(got, want)                                                 \
	do {                                                                 \
		const char *sktest_g_ = (got), *sktest_w_ = (want);          \
		checks++;                                                    \
		if (!sktest_g_ || strcmp(sktest_g_, sktest_w_) != 0) {       \
			failures++;                                          \
			fprintf(stderr, "FAIL %s:%d: %s: '%s' != '%s'\n", __FILE__, __LINE__, \
				#got, sktest_g_ ? sktest_g_ : "(null)", sktest_w_); \
		}                                                            \
	} while (0)

static inline void sktest_stop_(void)
{
	fprintf(stderr, "%d of %d checks failed; stopping\n", failures, checks);
	exit(1);
}

static inline int sktest_report(const char *name)
{
	if (failures)
		fprintf(stderr, "%s: %d of %d checks failed\n", name, failures, checks);
	else
		printf("%s: %d checks passed\n", name, checks);
	return failures ? 1 : 0;
}

#endif
