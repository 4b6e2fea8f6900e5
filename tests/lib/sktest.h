/* Check macros shared by the plain-assert C unit tests.
 *
 * Include once per test executable (the counters are file-static): CHECK
 * counts a check and, when cond is false, counts a failure and prints
 * "FAIL file:line: <printf message>" to stderr; FAIL records a failure
 * without counting a check. main() reports `checks`/`failures` itself. */
#ifndef SKTEST_H
#define SKTEST_H

#include <stdio.h>

static int failures, checks;

#define FAIL(...)                                                            \
	do {                                                                 \
		failures++;                                                  \
		fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);         \
		fprintf(stderr, __VA_ARGS__);                                \
		fputc('\n', stderr);                                         \
	} while (0)

#define CHECK(cond, ...)                                                     \
	do {                                                                 \
		checks++;                                                    \
		if (!(cond))                                                 \
			FAIL(__VA_ARGS__);                                   \
	} while (0)

#endif
