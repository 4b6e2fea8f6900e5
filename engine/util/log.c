#include "log.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <syslog.h>
#include <time.h>

static _Atomic int g_level = SK_LOG_INFO;
static _Atomic int g_syslog;
static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;

static const char *const level_names[] = {
	[SK_LOG_ERROR] = "error", [SK_LOG_WARNING] = "warning",
	[SK_LOG_NOTICE] = "notice", [SK_LOG_INFO] = "info",
	[SK_LOG_DEBUG] = "debug",
};

void sk_log_set_level(sk_log_level_t lvl) { g_level = lvl; }
void sk_log_set_syslog(int on) { g_syslog = on; }

int sk_log_parse_level(const char *s, sk_log_level_t *out)
{
	for (int i = SK_LOG_ERROR; i <= SK_LOG_DEBUG; i++) {
		if (strcasecmp(s, level_names[i]) == 0) {
			*out = (sk_log_level_t)i;
			return 0;
		}
	}
	return -EINVAL;
}

void sk_logv(sk_log_level_t lvl, const char *component, const char *fmt, va_list ap)
{
	if ((int)lvl > g_level)
		return;
	char msg[2048];
	vsnprintf(msg, sizeof(msg), fmt, ap);

	struct timespec ts;
	struct tm tm;
	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	char tbuf[32];
	strftime(tbuf, sizeof(tbuf), "%Y-%m-%dT%H:%M:%S", &tm);

	/* One locked write per line so lines from workers never interleave. */
	pthread_mutex_lock(&g_lock);
	fprintf(stderr, "%s.%03ldZ %s [%s] %s\n", tbuf, ts.tv_nsec / 1000000,
		level_names[lvl], component ? component : "saker", msg);
	pthread_mutex_unlock(&g_lock);
	if (g_syslog)
		syslog((int)lvl, "[%s] %s", component ? component : "saker", msg);
}

void sk_log(sk_log_level_t lvl, const char *component, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sk_logv(lvl, component, fmt, ap);
	va_end(ap);
}
