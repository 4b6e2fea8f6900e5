/* stdout, file and syslog sinks: synchronous stdio/syslog writes, as Falco. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>

#include "sink.h"
#include "../util/cfgread.h"
#include "../util/log.h"

typedef struct basic_sink {
	sk__sink_t base;
	FILE *fp;         /* stdout, or the open file (keep_alive) */
	char *filename;   /* file sink only */
	bool keep_alive;
	bool buffered;
	bool is_stdout;
	/* file sink: one error line per log_interval_ms while failing, with
	 * the count of the ones left out; one line when writing works again. */
	uv_loop_t *loop;
	uint64_t log_interval_ms, last_log_ms, suppressed;
	bool failing;
} basic_sink_t;

static bool basic_idle(sk__sink_t *s)
{
	(void)s;
	return true;
}

static void basic_flush(sk__sink_t *s)
{
	basic_sink_t *b = (basic_sink_t *)s;
	if (b->fp)
		fflush(b->fp);
}

static void basic_close(sk__sink_t *s, void (*done)(void *ud), void *ud)
{
	basic_sink_t *b = (basic_sink_t *)s;
	if (b->fp && !b->is_stdout)
		fclose(b->fp);
	else if (b->fp)
		fflush(b->fp);
	free(b->filename);
	free(b);
	done(ud);
}

static int write_line(basic_sink_t *b, FILE *fp, const char *line, size_t len)
{
	if (fwrite(line, 1, len, fp) != len || fputc('\n', fp) == EOF)
		return -1;
	if (!b->buffered && fflush(fp) == EOF)
		return -1;
	return 0;
}

static void stdout_emit(sk__sink_t *s, const sk_alert_t *a, const char *line, size_t len)
{
	(void)a;
	basic_sink_t *b = (basic_sink_t *)s;
	if (write_line(b, b->fp, line, len)) {
		sk_metric_add(s->m.failed, 1);
		sk__sink_drop(&s->m, "write_error");
		clearerr(b->fp);
		return;
	}
	sk_metric_add(s->m.sent, 1);
}

static const sk__sink_ops_t stdout_ops = {
	.emit = stdout_emit,
	.idle = basic_idle,
	.flush = basic_flush,
	.close = basic_close,
};

static int sec_enabled(const json_t *sec, const char *name, bool dflt, bool *en, char *err,
	size_t errlen)
{
	*en = dflt;
	return sk__cfg_bool(sec, name, "enabled", en, err, errlen);
}

int sk__sink_stdout_new(const sk__out_common_t *c, const json_t *sec, sk__sink_t **out,
	char *err, size_t errlen)
{
	bool en;
	int rc = sec_enabled(sec, "stdout_output", true, &en, err, errlen);
	*out = NULL;
	if (rc || !en)
		return rc;
	basic_sink_t *b = calloc(1, sizeof(*b));
	if (!b) {
		snprintf(err, errlen, "stdout_output: out of memory");
		return -ENOMEM;
	}
	b->base.ops = &stdout_ops;
	sk__sink_metrics_init(&b->base.m, "stdout");
	b->fp = stdout;
	b->is_stdout = true;
	b->buffered = c->buffered;
	*out = &b->base;
	return 0;
}

static FILE *open_file(basic_sink_t *b, char *err, size_t errlen)
{
	FILE *fp = fopen(b->filename, "ae");
	if (!fp) {
		int e = errno;
		snprintf(err, errlen, "file_output.filename: cannot open '%s': %s", b->filename,
			strerror(e));
		errno = e;
	}
	return fp;
}

static void file_error(basic_sink_t *b, const char *msg)
{
	uint64_t now = uv_now(b->loop);
	if (b->failing && now - b->last_log_ms < b->log_interval_ms) {
		b->suppressed++;
		return;
	}
	if (b->suppressed)
		sk_log(SK_LOG_ERROR, "outputs", "%s (%llu more failed alert(s) not logged)", msg,
			(unsigned long long)b->suppressed);
	else
		sk_log(SK_LOG_ERROR, "outputs", "%s", msg);
	b->failing = true;
	b->last_log_ms = now;
	b->suppressed = 0;
}

static void file_ok(basic_sink_t *b)
{
	if (!b->failing)
		return;
	sk_log(SK_LOG_INFO, "outputs", "file_output: writing to '%s' again (%llu failed alert(s) "
		"suppressed from the log since the last error line)", b->filename,
		(unsigned long long)b->suppressed);
	b->failing = false;
	b->suppressed = 0;
}

static void file_emit(sk__sink_t *s, const sk_alert_t *a, const char *line, size_t len)
{
	(void)a;
	basic_sink_t *b = (basic_sink_t *)s;
	char err[512];
	FILE *fp = b->fp;
	if (!fp) {
		fp = open_file(b, err, sizeof(err));
		if (!fp) {
			file_error(b, err);
			goto failed;
		}
		if (b->keep_alive)
			b->fp = fp;
	}
	int rc = write_line(b, fp, line, len);
	if (!b->keep_alive && fclose(fp) == EOF)
		rc = -1;
	if (rc) {
		snprintf(err, sizeof(err), "file_output: cannot write to '%s': %s", b->filename,
			strerror(errno));
		file_error(b, err);
		if (b->keep_alive) {
			/* Reopen on the next alert: the file may have been removed or
			 * the disk was full. */
			fclose(b->fp);
			b->fp = NULL;
		}
		goto failed;
	}
	file_ok(b);
	sk_metric_add(s->m.sent, 1);
	return;
failed:
	sk_metric_add(s->m.failed, 1);
	sk__sink_drop(&s->m, "write_error");
}

static int file_reopen(sk__sink_t *s, char *err, size_t errlen)
{
	basic_sink_t *b = (basic_sink_t *)s;
	if (!b->keep_alive)
		return 0;
	FILE *fp = open_file(b, err, errlen);
	if (!fp)
		return -errno;
	if (b->fp)
		fclose(b->fp);
	b->fp = fp;
	return 0;
}

static const sk__sink_ops_t file_ops = {
	.emit = file_emit,
	.idle = basic_idle,
	.flush = basic_flush,
	.reopen = file_reopen,
	.close = basic_close,
};

int sk__sink_file_new(const sk__out_common_t *c, const json_t *sec, sk__sink_t **out,
	char *err, size_t errlen)
{
	bool en, keep = false;
	const char *fn = "./events.txt";
	long long interval = 10000;
	int rc = sec_enabled(sec, "file_output", false, &en, err, errlen);
	*out = NULL;
	if (rc || !en)
		return rc;
	if ((rc = sk__cfg_bool(sec, "file_output", "keep_alive", &keep, err, errlen)) ||
	    (rc = sk__cfg_str(sec, "file_output", "filename", &fn, err, errlen)) ||
	    (rc = sk__cfg_int(sec, "file_output", "error_log_interval_ms", 0, 86400000, &interval,
		     err, errlen)))
		return rc;
	if (!fn[0])
		return sk__cfg_fail("file_output", "filename", "must not be empty", err, errlen);
	basic_sink_t *b = calloc(1, sizeof(*b));
	if (!b || !(b->filename = strdup(fn))) {
		free(b);
		snprintf(err, errlen, "file_output: out of memory");
		return -ENOMEM;
	}
	b->base.ops = &file_ops;
	sk__sink_metrics_init(&b->base.m, "file");
	b->keep_alive = keep;
	b->buffered = c->buffered;
	b->loop = c->loop;
	b->log_interval_ms = (uint64_t)interval;
	/* Open once now so a bad path fails at startup, naming the key. */
	FILE *fp = open_file(b, err, errlen);
	if (!fp) {
		rc = -errno;
		free(b->filename);
		free(b);
		return rc;
	}
	if (keep)
		b->fp = fp;
	else
		fclose(fp);
	*out = &b->base;
	return 0;
}

static void syslog_emit(sk__sink_t *s, const sk_alert_t *a, const char *line, size_t len)
{
	(void)len;
	int sev = (int)a->priority;
	if (sev < LOG_EMERG || sev > LOG_DEBUG)
		sev = LOG_DEBUG;
	syslog(LOG_USER | sev, "%s", line);
	sk_metric_add(s->m.sent, 1);
}

static const sk__sink_ops_t syslog_ops = {
	.emit = syslog_emit,
	.idle = basic_idle,
	.close = basic_close,
};

int sk__sink_syslog_new(const sk__out_common_t *c, const json_t *sec, sk__sink_t **out,
	char *err, size_t errlen)
{
	(void)c;
	bool en;
	int rc = sec_enabled(sec, "syslog_output", true, &en, err, errlen);
	*out = NULL;
	if (rc || !en)
		return rc;
	basic_sink_t *b = calloc(1, sizeof(*b));
	if (!b) {
		snprintf(err, errlen, "syslog_output: out of memory");
		return -ENOMEM;
	}
	b->base.ops = &syslog_ops;
	sk__sink_metrics_init(&b->base.m, "syslog");
	*out = &b->base;
	return 0;
}
