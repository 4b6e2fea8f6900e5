/* program_output: alerts written to the stdin of `/bin/sh -c <program>`.
 * The program string comes only from the config; event data only ever
 * reaches the child's stdin, never its command line. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sink.h"
#include "../util/cfgread.h"
#include "../util/log.h"

typedef struct prog_sink prog_sink_t;

typedef struct child {
	prog_sink_t *s;
	uv_process_t proc;
	uv_pipe_t in;
	int open_handles;
	bool exited;
	uint64_t started_ms;
	struct child *next;
} child_t;

typedef struct pending {
	struct pending *next;
	size_t len;
	char data[];
} pending_t;

typedef struct wreq {
	uv_write_t req;
	child_t *c;
	size_t len;
	char data[];
} wreq_t;

struct prog_sink {
	sk__sink_t base;
	uv_loop_t *loop;
	char *program;
	bool keep_alive;
	long long max_queue_bytes, max_running;
	uint64_t backoff0, backoff_max, backoff;
	child_t *children;   /* every live child (keep_alive: at most one) */
	child_t *cur;        /* keep_alive: the child receiving alerts */
	pending_t *pend, **pend_tail; /* keep_alive: waiting for a (re)start */
	size_t queued;       /* bytes pending + not yet written to a pipe */
	unsigned writing;    /* write requests in flight */
	unsigned running;
	uv_timer_t restart;
	uv_timer_t stop;     /* shutdown grace periods (EOF, then SIGTERM) */
	uint64_t stop_timeout, kill_timeout;
	/* Process groups signalled with SIGTERM: a program's shell may exit on
	 * it while something it started ignores it; SIGKILL reaches those. */
	pid_t *groups;
	size_t ngroups;
	bool killed;
	bool restart_armed;
	bool started_once;
	bool closing;
	int open_handles;    /* restart timer + children's handles */
	void (*done)(void *ud);
	void *done_ud;
	sk_metric_t *restarts;
};

static void maybe_finish(prog_sink_t *p)
{
	if (!p->closing || p->open_handles > 0)
		return;
	while (p->pend) {
		pending_t *n = p->pend->next;
		free(p->pend);
		p->pend = n;
	}
	void (*done)(void *) = p->done;
	void *ud = p->done_ud;
	free(p->groups);
	free(p->program);
	free(p);
	done(ud);
}

static void update_depth(prog_sink_t *p)
{
	sk_metric_set(p->base.m.queue, (int64_t)p->queued);
}

static void child_handle_closed(uv_handle_t *h)
{
	child_t *c = h->data;
	prog_sink_t *p = c->s;
	p->open_handles--;
	if (--c->open_handles == 0) {
		for (child_t **pp = &p->children; *pp; pp = &(*pp)->next) {
			if (*pp == c) {
				*pp = c->next;
				break;
			}
		}
		free(c);
	}
	maybe_finish(p);
}

static void child_close(child_t *c)
{
	if (!uv_is_closing((uv_handle_t *)&c->in))
		uv_close((uv_handle_t *)&c->in, child_handle_closed);
	if (!uv_is_closing((uv_handle_t *)&c->proc))
		uv_close((uv_handle_t *)&c->proc, child_handle_closed);
}

static void start_keepalive(prog_sink_t *p);

static void timer_closed(uv_handle_t *h)
{
	prog_sink_t *p = h->data;
	p->open_handles--;
	maybe_finish(p);
}

static bool group_alive(prog_sink_t *p)
{
	for (size_t i = 0; i < p->ngroups; i++)
		if (kill(-p->groups[i], 0) == 0)
			return true;
	return false;
}

static void stop_if_all_exited(prog_sink_t *p)
{
	for (child_t *c = p->children; c; c = c->next)
		if (!c->exited)
			return;
	/* Stragglers of a SIGTERMed group wait for the SIGKILL timer. */
	if (!p->killed && group_alive(p))
		return;
	if (!uv_is_closing((uv_handle_t *)&p->stop))
		uv_close((uv_handle_t *)&p->stop, timer_closed);
}

static void restart_cb(uv_timer_t *t)
{
	prog_sink_t *p = t->data;
	p->restart_armed = false;
	start_keepalive(p);
}

static void schedule_restart(prog_sink_t *p)
{
	if (p->closing || p->restart_armed)
		return;
	p->restart_armed = true;
	uv_timer_start(&p->restart, restart_cb, p->backoff, 0);
	p->backoff = p->backoff * 2 > p->backoff_max ? p->backoff_max : p->backoff * 2;
}

static void exit_cb(uv_process_t *proc, int64_t status, int sig)
{
	child_t *c = proc->data;
	prog_sink_t *p = c->s;
	c->exited = true;
	p->running--;
	if (p->keep_alive && c == p->cur) {
		p->cur = NULL;
		sk_log(SK_LOG_WARNING, "outputs",
			"program_output: program exited (status %lld, signal %d); restarting",
			(long long)status, sig);
		/* A program that ran for a while earns a fresh backoff. */
		if (uv_now(p->loop) - c->started_ms > p->backoff_max)
			p->backoff = p->backoff0;
		schedule_restart(p);
	}
	child_close(c);
	if (p->closing)
		stop_if_all_exited(p);
}

static void write_cb(uv_write_t *req, int status)
{
	wreq_t *w = (wreq_t *)req;
	child_t *c = w->c;
	prog_sink_t *p = c->s;
	p->queued -= w->len;
	p->writing--;
	update_depth(p);
	if (status < 0) {
		sk_metric_add(p->base.m.failed, 1);
		sk__sink_drop(&p->base.m, "write_error");
	} else {
		sk_metric_add(p->base.m.sent, 1);
	}
	free(w);
	/* Without keep_alive the child gets exactly one alert, then EOF. */
	if (!p->keep_alive && !uv_is_closing((uv_handle_t *)&c->in))
		uv_close((uv_handle_t *)&c->in, child_handle_closed);
}

static int write_to(child_t *c, const char *data, size_t len, bool add_nl)
{
	prog_sink_t *p = c->s;
	wreq_t *w = malloc(sizeof(*w) + len + 1);
	if (!w)
		return -ENOMEM;
	memcpy(w->data, data, len);
	if (add_nl)
		w->data[len++] = '\n';
	w->len = len;
	w->c = c;
	uv_buf_t b = uv_buf_init(w->data, (unsigned)len);
	int rc = uv_write(&w->req, (uv_stream_t *)&c->in, &b, 1, write_cb);
	if (rc) {
		free(w);
		return rc;
	}
	p->writing++;
	return 0;
}

static child_t *spawn_child(prog_sink_t *p)
{
	child_t *c = calloc(1, sizeof(*c));
	if (!c)
		return NULL;
	c->s = p;
	c->started_ms = uv_now(p->loop);
	uv_pipe_init(p->loop, &c->in, 0);
	c->in.data = c;
	c->proc.data = c;
	char *args[] = { "/bin/sh", "-c", p->program, NULL };
	uv_stdio_container_t stdio[3] = {
		{ .flags = UV_CREATE_PIPE | UV_READABLE_PIPE, .data.stream = (uv_stream_t *)&c->in },
		{ .flags = UV_INHERIT_FD, .data.fd = 1 },
		{ .flags = UV_INHERIT_FD, .data.fd = 2 },
	};
	uv_process_options_t opt = {
		.exit_cb = exit_cb,
		.file = "/bin/sh",
		.args = args,
		.stdio_count = 3,
		.stdio = stdio,
		/* Own session and process group, so shutdown can signal the
		 * shell and whatever it started. */
		.flags = UV_PROCESS_DETACHED,
	};
	c->open_handles = 2;
	p->open_handles += 2;
	c->next = p->children;
	p->children = c;
	int rc = uv_spawn(p->loop, &c->proc, &opt);
	if (rc) {
		sk_log(SK_LOG_ERROR, "outputs", "program_output: cannot start /bin/sh: %s",
			uv_strerror(rc));
		c->exited = true;
		child_close(c);
		return NULL;
	}
	p->running++;
	return c;
}

static void start_keepalive(prog_sink_t *p)
{
	if (p->closing || p->cur)
		return;
	if (p->started_once)
		sk_metric_add(p->restarts, 1);
	p->started_once = true;
	child_t *c = spawn_child(p);
	if (!c) {
		schedule_restart(p);
		return;
	}
	p->cur = c;
	while (p->pend) {
		pending_t *n = p->pend;
		p->pend = n->next;
		p->queued -= n->len;
		if (write_to(c, n->data, n->len, false)) {
			sk_metric_add(p->base.m.failed, 1);
			sk__sink_drop(&p->base.m, "write_error");
		} else {
			p->queued += n->len;
		}
		free(n);
	}
	p->pend_tail = &p->pend;
	update_depth(p);
}

static void prog_emit(sk__sink_t *s, const sk_alert_t *a, const char *line, size_t len)
{
	(void)a;
	prog_sink_t *p = (prog_sink_t *)s;
	if (p->closing)
		return;
	if (!p->keep_alive) {
		if (p->running >= (unsigned long long)p->max_running) {
			sk__sink_drop(&s->m, "max_running");
			return;
		}
		child_t *c = spawn_child(p);
		if (!c || write_to(c, line, len, true)) {
			sk_metric_add(s->m.failed, 1);
			sk__sink_drop(&s->m, "spawn_failed");
			if (c)
				child_close(c);
			return;
		}
		p->queued += len + 1;
		update_depth(p);
		return;
	}
	if (p->queued + len + 1 > (unsigned long long)p->max_queue_bytes) {
		sk__sink_drop(&s->m, "queue_full");
		return;
	}
	if (!p->cur && !p->restart_armed && !p->pend)
		start_keepalive(p);
	if (p->cur) {
		if (write_to(p->cur, line, len, true)) {
			sk_metric_add(s->m.failed, 1);
			sk__sink_drop(&s->m, "write_error");
			return;
		}
	} else {
		pending_t *n = malloc(sizeof(*n) + len + 1);
		if (!n) {
			sk__sink_drop(&s->m, "no_memory");
			return;
		}
		memcpy(n->data, line, len);
		n->data[len] = '\n';
		n->len = len + 1;
		n->next = NULL;
		*p->pend_tail = n;
		p->pend_tail = &n->next;
	}
	p->queued += len + 1;
	update_depth(p);
}

static bool prog_idle(sk__sink_t *s)
{
	prog_sink_t *p = (prog_sink_t *)s;
	return p->queued == 0 && p->writing == 0;
}

/* The whole group: the shell may have forked the program. Children stay
 * open until exit_cb reaped them, so none outlives saker as a zombie or
 * an orphan. */
static void signal_children(prog_sink_t *p, int sig)
{
	for (child_t *c = p->children; c; c = c->next)
		if (!c->exited && kill(-c->proc.pid, sig) != 0)
			uv_process_kill(&c->proc, sig);
}

static void kill_cb(uv_timer_t *t)
{
	prog_sink_t *p = t->data;
	sk_log(SK_LOG_WARNING, "outputs", "program_output: program ignored SIGTERM; killing it");
	p->killed = true;
	signal_children(p, SIGKILL);
	for (size_t i = 0; i < p->ngroups; i++)
		kill(-p->groups[i], SIGKILL);
	stop_if_all_exited(p);
}

/* Grace period over: programs that ignored EOF get SIGTERM, then SIGKILL. */
static void stop_cb(uv_timer_t *t)
{
	prog_sink_t *p = t->data;
	size_t n = 0;
	for (child_t *c = p->children; c; c = c->next)
		n += !c->exited;
	p->groups = calloc(n ? n : 1, sizeof(*p->groups));
	for (child_t *c = p->children; c && p->groups; c = c->next)
		if (!c->exited)
			p->groups[p->ngroups++] = c->proc.pid;
	signal_children(p, SIGTERM);
	uv_timer_start(&p->stop, kill_cb, p->kill_timeout, 0);
}

static uint64_t prog_close_bound(sk__sink_t *s)
{
	prog_sink_t *p = (prog_sink_t *)s;
	return p->stop_timeout + p->kill_timeout;
}

static void prog_close(sk__sink_t *s, void (*done)(void *ud), void *ud)
{
	prog_sink_t *p = (prog_sink_t *)s;
	p->closing = true;
	p->done = done;
	p->done_ud = ud;
	if (p->pend || p->queued) {
		size_t n = 0;
		for (pending_t *q = p->pend; q; q = q->next)
			n++;
		for (size_t i = 0; i < n; i++)
			sk__sink_drop(&s->m, "shutdown");
	}
	sk_metric_set(s->m.queue, 0);
	uv_close((uv_handle_t *)&p->restart, timer_closed);
	/* Closing stdin gives the program EOF; wait up to stop_timeout_ms for
	 * it to finish on its own. */
	bool alive = false;
	for (child_t *c = p->children; c; c = c->next) {
		if (!uv_is_closing((uv_handle_t *)&c->in))
			uv_close((uv_handle_t *)&c->in, child_handle_closed);
		if (c->exited)
			child_close(c);
		else
			alive = true;
	}
	if (alive)
		uv_timer_start(&p->stop, stop_cb, p->stop_timeout, 0);
	else
		uv_close((uv_handle_t *)&p->stop, timer_closed);
}

static const sk__sink_ops_t prog_ops = {
	.emit = prog_emit,
	.idle = prog_idle,
	.close = prog_close,
	.close_bound_ms = prog_close_bound,
};

int sk__sink_program_new(const sk__out_common_t *c, const json_t *sec, sk__sink_t **out,
	char *err, size_t errlen)
{
	const char *S = "program_output";
	bool en = false, keep = false;
	const char *prog = "mail -s \"Falco Notification\" someone@example.com";
	long long maxq = 4 * 1024 * 1024, maxrun = 16, b0 = 500, bmax = 30000, stop_ms = 2000,
		  kill_ms = 1000;
	int rc;
	*out = NULL;
	if ((rc = sk__cfg_bool(sec, S, "enabled", &en, err, errlen)) || !en)
		return rc;
	if ((rc = sk__cfg_bool(sec, S, "keep_alive", &keep, err, errlen)) ||
	    (rc = sk__cfg_str(sec, S, "program", &prog, err, errlen)) ||
	    (rc = sk__cfg_int(sec, S, "max_queue_bytes", 1, 1LL << 40, &maxq, err, errlen)) ||
	    (rc = sk__cfg_int(sec, S, "max_running", 1, 4096, &maxrun, err, errlen)) ||
	    (rc = sk__cfg_int(sec, S, "restart_backoff_ms", 1, 3600000, &b0, err, errlen)) ||
	    (rc = sk__cfg_int(sec, S, "restart_backoff_max_ms", 1, 86400000, &bmax, err,
		     errlen)) ||
	    (rc = sk__cfg_int(sec, S, "stop_timeout_ms", 0, 600000, &stop_ms, err, errlen)) ||
	    (rc = sk__cfg_int(sec, S, "kill_timeout_ms", 0, 600000, &kill_ms, err, errlen)))
		return rc;
	if (!prog[0])
		return sk__cfg_fail(S, "program", "must not be empty", err, errlen);
	if (bmax < b0)
		return sk__cfg_fail(S, "restart_backoff_max_ms",
			"must be >= program_output.restart_backoff_ms", err, errlen);
	prog_sink_t *p = calloc(1, sizeof(*p));
	if (!p || !(p->program = strdup(prog))) {
		free(p);
		snprintf(err, errlen, "program_output: out of memory");
		return -ENOMEM;
	}
	signal(SIGPIPE, SIG_IGN);
	p->base.ops = &prog_ops;
	sk__sink_metrics_init(&p->base.m, "program");
	sk__sink_drop_declare(&p->base.m, keep ? "queue_full" : "max_running");
	sk__sink_drop_declare(&p->base.m, "write_error");
	p->restarts = sk_counter("saker_outputs_program_restarts_total", "",
		"Restarts of the program_output program after it exited");
	p->loop = c->loop;
	p->keep_alive = keep;
	p->max_queue_bytes = maxq;
	p->max_running = maxrun;
	p->backoff0 = p->backoff = (uint64_t)b0;
	p->backoff_max = (uint64_t)bmax;
	p->pend_tail = &p->pend;
	p->stop_timeout = (uint64_t)stop_ms;
	p->kill_timeout = (uint64_t)kill_ms;
	uv_timer_init(c->loop, &p->restart);
	uv_timer_init(c->loop, &p->stop);
	p->restart.data = p;
	p->stop.data = p;
	p->open_handles = 2;
	*out = &p->base;
	return 0;
}
