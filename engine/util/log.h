/*
 * log.h - saker's log. Thread-safe; each line goes to stderr (and, when
 * configured, syslog) prefixed with the time, the level and a component.
 */
#ifndef SK_LOG_H
#define SK_LOG_H

#include <stdarg.h>

typedef enum sk_log_level {
	SK_LOG_ERROR = 3,
	SK_LOG_WARNING = 4,
	SK_LOG_NOTICE = 5,
	SK_LOG_INFO = 6,
	SK_LOG_DEBUG = 7,
} sk_log_level_t;

/* Messages above this level are dropped (default SK_LOG_INFO). */
void sk_log_set_level(sk_log_level_t lvl);
/* Also send lines to syslog(3). */
void sk_log_set_syslog(int on);
int sk_log_parse_level(const char *s, sk_log_level_t *out);

/* component may be NULL ("saker"). */
void sk_log(sk_log_level_t lvl, const char *component, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void sk_logv(sk_log_level_t lvl, const char *component, const char *fmt, va_list ap);

#define sk_error(...) sk_log(SK_LOG_ERROR, NULL, __VA_ARGS__)
#define sk_warn(...) sk_log(SK_LOG_WARNING, NULL, __VA_ARGS__)
#define sk_info(...) sk_log(SK_LOG_INFO, NULL, __VA_ARGS__)
#define sk_debug(...) sk_log(SK_LOG_DEBUG, NULL, __VA_ARGS__)

#endif
