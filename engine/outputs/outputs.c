/* Outputs: config, dispatch of rendered alerts to sinks, flush, lifetime. */
#include "outputs.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sink.h"
#include "../util/cfgread.h"
#include "../util/log.h"

struct sk_outputs {
	uv_loop_t *loop;
	char *hostname;
	sk_alert_fmt_t fmt;
	sk__out_common_t common;
	sk__sink_t *sinks;
	sk_metric_t *render_fail;

	uv_timer_t flush_timer;
	bool flushing;
	uint64_t flush_deadline;
	void (*flush_cb)(void *ud);
	void *flush_ud;

	int closing; /* sinks + timer still closing */
	void (*closed_cb)(void *ud);
	void *closed_ud;
};

void sk__sink_metrics_init(sk__sink_metrics_t *m, const char *name)
{
	char lbl[64];
	sk_metric_labels(lbl, sizeof(lbl), "output", name, NULL);
	m->name = name;
	m->sent = sk_counter("saker_outputs_sent_total", lbl, "Alerts delivered by an output");
	m->failed = sk_counter("saker_outputs_failed_total", lbl,
		"Failed delivery attempts of an output");
	m->retried = sk_counter("saker_outputs_retried_total", lbl,
		"Delivery attempts of an output scheduled again after a failure");
	m->queue = sk_gauge("saker_outputs_queue_depth", lbl,
		"Alerts (http) or bytes (program) waiting in an output's queue");
}

static sk_metric_t *drop_metric(sk__sink_metrics_t *m, const char *cause)
{
	size_t i;
	for (i = 0; i < SK__DROP_CAUSES && m->drops[i].cause; i++)
		if (m->drops[i].cause == cause || !strcmp(m->drops[i].cause, cause))
			return m->drops[i].m;
	char lbl[128];
	sk_metric_labels(lbl, sizeof(lbl), "output", m->name, "cause", cause, NULL);
	sk_metric_t *c = sk_counter("saker_outputs_dropped_total", lbl,
		"Alerts an output dropped, by cause");
	if (i < SK__DROP_CAUSES && c) {
		m->drops[i].cause = cause;
		m->drops[i].m = c;
	}
	return c;
}

void sk__sink_drop(sk__sink_metrics_t *m, const char *cause)
{
	sk_metric_add(drop_metric(m, cause), 1);
}

void sk__sink_drop_declare(sk__sink_metrics_t *m, const char *cause)
{
	drop_metric(m, cause);
}

static int read_format(const json_t *cfg, sk_outputs_t *o, char *err, size_t errlen)
{
	sk_alert_format_defaults(&o->fmt);
	int rc;
	if ((rc = sk__cfg_bool(cfg, NULL, "json_output", &o->common.json, err, errlen)) ||
	    (rc = sk__cfg_bool(cfg, NULL, "json_include_output_property", &o->fmt.include_output,
		     err, errlen)) ||
	    (rc = sk__cfg_bool(cfg, NULL, "json_include_tags_property", &o->fmt.include_tags, err,
		     errlen)) ||
	    (rc = sk__cfg_bool(cfg, NULL, "json_include_message_property",
		     &o->fmt.include_message, err, errlen)) ||
	    (rc = sk__cfg_bool(cfg, NULL, "json_include_output_fields_property",
		     &o->fmt.include_output_fields, err, errlen)) ||
	    (rc = sk__cfg_bool(cfg, NULL, "time_format_iso_8601", &o->fmt.iso8601, err,
		     errlen)) ||
	    (rc = sk__cfg_bool(cfg, NULL, "buffered_outputs", &o->common.buffered, err, errlen)))
		return rc;
	const json_t *sf = json_object_get(cfg, "static_fields");
	if (sf && !json_is_null(sf)) {
		const char *k;
		const json_t *v;
		if (!json_is_object(sf)) {
			snprintf(err, errlen, "invalid value for 'static_fields': expected a map");
			return -EINVAL;
		}
		json_object_foreach((json_t *)sf, k, v) {
			if (!json_is_string(v) && !json_is_number(v) && !json_is_boolean(v)) {
				snprintf(err, errlen, "invalid value for 'static_fields.%s': expected "
					"a string, number or boolean", k);
				return -EINVAL;
			}
		}
		if (!(o->fmt.static_fields = json_deep_copy(sf)))
			return -ENOMEM;
	}
	return 0;
}

typedef int (*sink_ctor)(const sk__out_common_t *, const json_t *, sk__sink_t **, char *,
	size_t);

static const struct {
	const char *section;
	sink_ctor ctor;
} sink_table[] = {
	{ "stdout_output", sk__sink_stdout_new },
	{ "file_output", sk__sink_file_new },
	{ "syslog_output", sk__sink_syslog_new },
	{ "program_output", sk__sink_program_new },
	{ "http_output", sk__sink_http_new },
};

static void closed_one(void *ud)
{
	sk_outputs_t *o = ud;
	if (--o->closing == 0) {
		void (*cb)(void *) = o->closed_cb;
		void *cud = o->closed_ud;
		json_decref((json_t *)o->fmt.static_fields);
		free(o->hostname);
		free(o);
		if (cb)
			cb(cud);
	}
}

static void timer_closed(uv_handle_t *h)
{
	closed_one(h->data);
}

int sk_outputs_new(uv_loop_t *loop, const json_t *cfg, const char *hostname,
	sk_outputs_t **out, char *err, size_t errlen)
{
	*out = NULL;
	sk_outputs_t *o = calloc(1, sizeof(*o));
	int rc = -ENOMEM;
	if (!o) {
		snprintf(err, errlen, "outputs: out of memory");
		return rc;
	}
	o->loop = loop;
	o->common.loop = loop;
	o->hostname = strdup(hostname ? hostname : "");
	o->render_fail = sk_counter("saker_outputs_dropped_total",
		"output=\"all\",cause=\"render_failed\"", "Alerts an output dropped, by cause");
	if (!o->hostname) {
		snprintf(err, errlen, "outputs: out of memory");
		free(o);
		return rc;
	}
	uv_timer_init(loop, &o->flush_timer);
	o->flush_timer.data = o;
	o->closing = 1;
	if ((rc = read_format(cfg, o, err, errlen)))
		goto fail;
	sk__sink_t **tail = &o->sinks;
	for (size_t i = 0; i < sizeof(sink_table) / sizeof(sink_table[0]); i++) {
		const json_t *sec;
		if ((rc = sk__cfg_section(cfg, sink_table[i].section, &sec, err, errlen)))
			goto fail;
		sk__sink_t *s = NULL;
		if ((rc = sink_table[i].ctor(&o->common, sec, &s, err, errlen)))
			goto fail;
		if (s) {
			*tail = s;
			tail = &s->next;
		}
	}
	*out = o;
	return 0;
fail:
	sk_outputs_destroy(o);
	return rc;
}

void sk_outputs_emit(sk_outputs_t *o, const sk_alert_t *a)
{
	if (!o || !a || !o->sinks)
		return;
	char *line = o->common.json ? sk_alert_to_json_ex(a, o->hostname, &o->fmt)
				    : sk_alert_to_text(a, o->fmt.iso8601);
	if (!line) {
		sk_metric_add(o->render_fail, 1);
		return;
	}
	size_t len = strlen(line);
	for (sk__sink_t *s = o->sinks; s; s = s->next)
		s->ops->emit(s, a, line, len);
	free(line);
}

static bool all_idle(sk_outputs_t *o)
{
	for (sk__sink_t *s = o->sinks; s; s = s->next)
		if (!s->ops->idle(s))
			return false;
	return true;
}

static void flush_done(sk_outputs_t *o)
{
	uv_timer_stop(&o->flush_timer);
	o->flushing = false;
	for (sk__sink_t *s = o->sinks; s; s = s->next)
		if (s->ops->flush)
			s->ops->flush(s);
	if (o->flush_cb)
		o->flush_cb(o->flush_ud);
}

static void flush_tick(uv_timer_t *t)
{
	sk_outputs_t *o = t->data;
	if (all_idle(o) || uv_now(o->loop) >= o->flush_deadline) {
		if (!all_idle(o))
			sk_log(SK_LOG_WARNING, "outputs",
				"flush timed out with alerts still queued");
		flush_done(o);
	}
}

void sk_outputs_flush(sk_outputs_t *o, uint64_t timeout_ms, void (*cb)(void *ud), void *ud)
{
	if (!o) {
		if (cb)
			cb(ud);
		return;
	}
	o->flush_cb = cb;
	o->flush_ud = ud;
	o->flushing = true;
	o->flush_deadline = uv_now(o->loop) + timeout_ms;
	/* Polling keeps every sink's completion logic local to the sink; 10 ms
	 * is far below any useful shutdown timeout. */
	uv_timer_start(&o->flush_timer, flush_tick, 0, 10);
}

int sk_outputs_reopen(sk_outputs_t *o, char *err, size_t errlen)
{
	if (!o)
		return 0;
	for (sk__sink_t *s = o->sinks; s; s = s->next) {
		if (s->ops->reopen) {
			int rc = s->ops->reopen(s, err, errlen);
			if (rc)
				return rc;
		}
	}
	return 0;
}

uint64_t sk_outputs_close_bound_ms(const sk_outputs_t *o)
{
	uint64_t b = 0;
	for (sk__sink_t *s = o ? o->sinks : NULL; s; s = s->next) {
		uint64_t x = s->ops->close_bound_ms ? s->ops->close_bound_ms(s) : 0;
		b = x > b ? x : b;
	}
	return b;
}

void sk_outputs_close(sk_outputs_t *o, void (*cb)(void *ud), void *ud)
{
	if (!o) {
		if (cb)
			cb(ud);
		return;
	}
	o->closed_cb = cb;
	o->closed_ud = ud;
	sk_outputs_destroy(o);
}

void sk_outputs_destroy(sk_outputs_t *o)
{
	if (!o)
		return;
	sk__sink_t *s = o->sinks;
	o->sinks = NULL;
	while (s) {
		sk__sink_t *next = s->next;
		o->closing++;
		s->ops->close(s, closed_one, o);
		s = next;
	}
	uv_timer_stop(&o->flush_timer);
	uv_close((uv_handle_t *)&o->flush_timer, timer_closed);
}
