/* The web server: libmicrohttpd in external-epoll mode, its epoll fd
 * watched by a uv_poll and its timeouts by a uv_timer, so every request is
 * served on the loop thread without ever blocking it. */
#include "web.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <microhttpd.h>

#include "sk_wguard.h"

#include "../util/cfgread.h"
#include "../util/log.h"
#include "../util/metrics.h"

#define PEM_MAX (1024 * 1024)
#define SWEEP_MS 100

struct sk_web {
	uv_loop_t *loop;
	struct MHD_Daemon *d;
	uv_poll_t poll;
	uv_timer_t timer;
	uv_timer_t sweep;
	int open_handles;
	sk_wguard_t *guard;
	sk_metric_t *guard_m[SK_WG_COUNT];
	uint64_t guard_seen[SK_WG_COUNT];
	sk_metric_t *dup_clen, *conns;
	unsigned port;
	char *versions;
	char *healthz_path;
	bool metrics_on;
	char *tls_key, *tls_cert;
	sk_metric_t *requests, *not_found;
	bool (*ready)(void *ud); /* NULL: always ready */
	void *ready_ud;
};

static void mhd_log(void *cls, const char *fmt, va_list ap)
{
	(void)cls;
	char buf[512];
	vsnprintf(buf, sizeof(buf), fmt, ap);
	size_t n = strlen(buf);
	while (n && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		buf[--n] = '\0';
	/* Mostly per-connection complaints a remote peer can trigger at will
	 * (bad TLS, early close): debug level keeps them from flooding the log.
	 * Startup failures are reported through sk_web_start's error. */
	sk_log(SK_LOG_DEBUG, "web", "%s", buf);
}

static enum MHD_Result reply(struct MHD_Connection *c, unsigned code, const char *ctype,
	const char *body, size_t len)
{
	struct MHD_Response *r =
		MHD_create_response_from_buffer(len, (void *)body, MHD_RESPMEM_MUST_COPY);
	if (!r)
		return MHD_NO;
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, ctype);
	enum MHD_Result rc = MHD_queue_response(c, code, r);
	MHD_destroy_response(r);
	return rc;
}

static enum MHD_Result reply_close(struct MHD_Connection *c, unsigned code, const char *body)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(strlen(body), (void *)body,
		MHD_RESPMEM_PERSISTENT);
	if (!r)
		return MHD_NO;
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, "text/plain");
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONNECTION, "close");
	enum MHD_Result rc = MHD_queue_response(c, code, r);
	MHD_destroy_response(r);
	return rc;
}

static void request_done(void *cls, struct MHD_Connection *c, void **con_cls,
	enum MHD_RequestTerminationCode toe)
{
	(void)con_cls;
	(void)toe;
	sk_web_t *w = cls;
	sk_wguard_request_end(w->guard, c);
}

static enum MHD_Result serve_metrics(struct MHD_Connection *c)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		return reply(c, MHD_HTTP_INTERNAL_SERVER_ERROR, "text/plain", "out of memory\n", 14);
	sk_metrics_render(f);
	fclose(f);
	enum MHD_Result rc = reply(c, MHD_HTTP_OK, "text/plain; version=0.0.4; charset=utf-8",
		buf, len);
	free(buf);
	return rc;
}

static enum MHD_Result handler(void *cls, struct MHD_Connection *c, const char *url,
	const char *method, const char *version, const char *upload_data,
	size_t *upload_data_size, void **con_cls)
{
	(void)version;
	(void)upload_data;
	(void)con_cls;
	sk_web_t *w = cls;
	sk_metric_add(w->requests, 1);
	/* every request is answered on its first call: the guard's body
	 * deadline never applies, the connection counts as served */
	sk_wguard_auth(w->guard, c);
	sk_wguard_body_in(w->guard, c);
	if (sk_wguard_dup_content_length(c)) {
		sk_metric_add(w->dup_clen, 1);
		*upload_data_size = 0;
		return reply_close(c, MHD_HTTP_BAD_REQUEST, "conflicting Content-Length headers\n");
	}
	if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 && strcmp(method, MHD_HTTP_METHOD_HEAD) != 0) {
		/* Discard any body; answer once. */
		*upload_data_size = 0;
		return reply(c, MHD_HTTP_METHOD_NOT_ALLOWED, "text/plain",
			"method not allowed\n", 19);
	}
	if (strcmp(url, w->healthz_path) == 0) {
		if (w->ready && !w->ready(w->ready_ud))
			return reply(c, MHD_HTTP_SERVICE_UNAVAILABLE, "application/json",
				"{\"status\":\"starting\"}", 21);
		return reply(c, MHD_HTTP_OK, "application/json", "{\"status\":\"ok\"}", 15);
	}
	if (strcmp(url, "/versions") == 0)
		return reply(c, MHD_HTTP_OK, "application/json", w->versions, strlen(w->versions));
	if (w->metrics_on && strcmp(url, "/metrics") == 0)
		return serve_metrics(c);
	sk_metric_add(w->not_found, 1);
	return reply(c, MHD_HTTP_NOT_FOUND, "text/plain", "not found\n", 10);
}

static void drive(sk_web_t *w);

static void timer_cb(uv_timer_t *t)
{
	drive(t->data);
}

/* Deadlines and dead peers (sk_wguard.h); the guard's counters are
 * mirrored into the metric registry here, on the loop. */
static void sweep_cb(uv_timer_t *t)
{
	sk_web_t *w = t->data;
	if (sk_wguard_sweep(w->guard))
		drive(w);
	for (int i = 0; i < SK_WG_COUNT; i++) {
		uint64_t v = sk_wguard_counter(w->guard, i);
		sk_metric_add(w->guard_m[i], v - w->guard_seen[i]);
		w->guard_seen[i] = v;
	}
	sk_metric_set(w->conns, (int64_t)sk_wguard_open(w->guard));
}

static void poll_cb(uv_poll_t *p, int status, int events)
{
	(void)status;
	(void)events;
	drive(p->data);
}

static unsigned nconns(sk_web_t *w)
{
	const union MHD_DaemonInfo *i =
		MHD_get_daemon_info(w->d, MHD_DAEMON_INFO_CURRENT_CONNECTIONS);
	return i ? i->num_connections : 0;
}

static void drive(sk_web_t *w)
{
	/* MHD drops its listen socket from its epoll set at the connection
	 * limit and puts it back only at the start of a later MHD_run; when a
	 * run closed connections, run again so a pending accept is not left
	 * waiting for an event that will never come. */
	for (int i = 0; i < 4; i++) {
		unsigned before = nconns(w);
		MHD_run(w->d);
		if (nconns(w) >= before)
			break;
	}
	MHD_UNSIGNED_LONG_LONG to;
	/* MHD keeps connections with buffered (e.g. TLS) data in its own ready
	 * list; it then reports a 0 timeout, which the timer turns into another
	 * MHD_run on the next loop iteration. */
	if (MHD_get_timeout(w->d, &to) == MHD_YES)
		uv_timer_start(&w->timer, timer_cb, (uint64_t)to, 0);
	else
		uv_timer_stop(&w->timer);
}

static char *read_pem(const char *key, const char *path, char *err, size_t errlen)
{
	FILE *f = fopen(path, "re");
	if (!f) {
		char what[600];
		snprintf(what, sizeof(what), "cannot open '%s': %s", path, strerror(errno));
		sk__cfg_fail("webserver", key, what, err, errlen);
		return NULL;
	}
	char *buf = malloc(PEM_MAX + 1);
	size_t n = buf ? fread(buf, 1, PEM_MAX + 1, f) : 0;
	fclose(f);
	if (!buf || n == 0 || n > PEM_MAX) {
		free(buf);
		sk__cfg_fail("webserver", key, "empty, unreadable or larger than 1 MiB", err, errlen);
		return NULL;
	}
	buf[n] = '\0';
	return buf;
}

static void handle_closed(uv_handle_t *h)
{
	sk_web_t *w = h->data;
	if (--w->open_handles > 0)
		return;
	free(w->versions);
	free(w->healthz_path);
	free(w->tls_key);
	free(w->tls_cert);
	sk_wguard_destroy(w->guard);
	free(w);
}

int sk_web_start(uv_loop_t *loop, const json_t *cfg, const char *versions_json,
	sk_web_t **out, char *err, size_t errlen)
{
	const char *S = "webserver";
	const json_t *sec = NULL, *msec = NULL;
	bool en = true, prom = false, metrics_en = false, ssl = false;
	const char *addr = "0.0.0.0", *healthz = "/healthz", *cert = "/etc/falco/falco.pem",
		   *keyf = "";
	long long port = 8765, threads = 0, climit = 256, ctimeout = 10, cmem = 32768;
	long long per_ip = 16, unauth = 0, hdr_ms = 5000, body_ms = 10000, backlog = 1024;
	int rc;
	*out = NULL;
	if ((rc = sk__cfg_section(cfg, S, &sec, err, errlen)) ||
	    (rc = sk__cfg_section(cfg, "metrics", &msec, err, errlen)) ||
	    (rc = sk__cfg_bool(sec, S, "enabled", &en, err, errlen)))
		return rc;
	if (!en)
		return 0;
	if ((rc = sk__cfg_str(sec, S, "listen_address", &addr, err, errlen)) ||
	    (rc = sk__cfg_int(sec, S, "listen_port", 0, 65535, &port, err, errlen)) ||
	    (rc = sk__cfg_int(sec, S, "threadiness", 0, 1024, &threads, err, errlen)) ||
	    (rc = sk__cfg_str(sec, S, "k8s_healthz_endpoint", &healthz, err, errlen)) ||
	    (rc = sk__cfg_bool(sec, S, "prometheus_metrics_enabled", &prom, err, errlen)) ||
	    (rc = sk__cfg_bool(sec, S, "ssl_enabled", &ssl, err, errlen)) ||
	    (rc = sk__cfg_str(sec, S, "ssl_certificate", &cert, err, errlen)) ||
	    (rc = sk__cfg_str(sec, S, "ssl_key", &keyf, err, errlen)) ||
	    (rc = sk__cfg_int(sec, S, "connection_limit", 1, 100000, &climit, err, errlen)) ||
	    (rc = sk__cfg_int(sec, S, "connection_timeout", 1, 86400, &ctimeout, err, errlen)) ||
	    (rc = sk__cfg_int(sec, S, "connection_memory_limit", 4096, 64 * 1024 * 1024, &cmem,
		     err, errlen)) ||
	    (rc = sk__cfg_int(sec, S, "connection_limit_per_ip", 1, 100000, &per_ip, err,
		     errlen)) ||
	    (rc = sk__cfg_int(sec, S, "connection_limit_new", 0, 100000, &unauth, err, errlen)) ||
	    (rc = sk__cfg_int(sec, S, "header_timeout_ms", 100, 3600000, &hdr_ms, err, errlen)) ||
	    (rc = sk__cfg_int(sec, S, "body_timeout_ms", 100, 3600000, &body_ms, err, errlen)) ||
	    (rc = sk__cfg_int(sec, S, "listen_backlog", 1, 65535, &backlog, err, errlen)) ||
	    (rc = sk__cfg_bool(msec, "metrics", "enabled", &metrics_en, err, errlen)))
		return rc;
	if (healthz[0] != '/')
		return sk__cfg_fail(S, "k8s_healthz_endpoint", "must start with '/'", err, errlen);
	if (!versions_json)
		versions_json = "{}";
	if (per_ip > climit)
		per_ip = climit;
	if (unauth > climit)
		return sk__cfg_fail(S, "connection_limit_new", "must not exceed connection_limit",
			err, errlen);
	sk_wguard_limits_t lim = {
		.max_conns = (unsigned)climit,
		.max_conns_per_ip = (unsigned)per_ip,
		.max_unauth_conns = (unsigned)unauth,
		.header_timeout_ms = (unsigned)hdr_ms,
		.body_timeout_ms = (unsigned)body_ms,
		.keepalive_ms = (unsigned)ctimeout * 1000u,
	};

	union {
		struct sockaddr sa;
		struct sockaddr_in in4;
		struct sockaddr_in6 in6;
	} sa;
	memset(&sa, 0, sizeof(sa));
	unsigned flags = MHD_USE_EPOLL | MHD_USE_ERROR_LOG;
	if (uv_ip4_addr(addr, (int)port, &sa.in4) != 0) {
		if (uv_ip6_addr(addr, (int)port, &sa.in6) != 0)
			return sk__cfg_fail(S, "listen_address", "expected an IPv4 or IPv6 address",
				err, errlen);
		flags |= MHD_USE_IPv6;
	}
	if (!MHD_is_feature_supported(MHD_FEATURE_EPOLL)) {
		snprintf(err, errlen, "webserver: libmicrohttpd lacks epoll support");
		return -ENOTSUP;
	}

	sk_web_t *w = calloc(1, sizeof(*w));
	if (!w || !(w->versions = strdup(versions_json)) || !(w->healthz_path = strdup(healthz))) {
		if (w)
			free(w->versions);
		free(w);
		snprintf(err, errlen, "webserver: out of memory");
		return -ENOMEM;
	}
	w->loop = loop;
	w->metrics_on = prom && metrics_en;
	if ((rc = sk_wguard_create(&w->guard, &lim, err, errlen)) < 0) {
		free(w->versions);
		free(w->healthz_path);
		free(w);
		return rc;
	}
	for (int i = 0; i < SK_WG_COUNT; i++) {
		char name[96];
		snprintf(name, sizeof(name), "saker_webserver_%s_total", sk_wguard_counter_name(i));
		w->guard_m[i] = sk_counter(name, "", "Web server connection guard (see web.h)");
	}
	w->dup_clen = sk_counter("saker_webserver_rejected_conflicting_content_length_total", "",
		"Requests refused for two different Content-Length headers");
	w->conns = sk_gauge("saker_webserver_connections", "", "Open web server connections");
	w->requests = sk_counter("saker_webserver_requests_total", "",
		"Requests received by the embedded web server");
	w->not_found = sk_counter("saker_webserver_not_found_total", "",
		"Requests for unknown paths");
	rc = -EINVAL;
	if (ssl) {
		if (!MHD_is_feature_supported(MHD_FEATURE_TLS)) {
			sk__cfg_fail(S, "ssl_enabled", "libmicrohttpd was built without TLS", err,
				errlen);
			goto fail;
		}
		/* Falco's ssl_certificate is one PEM holding key and certificate;
		 * ssl_key names a separate key file when they are split. */
		if (!(w->tls_cert = read_pem("ssl_certificate", cert, err, errlen)))
			goto fail;
		if (keyf[0] && !(w->tls_key = read_pem("ssl_key", keyf, err, errlen)))
			goto fail;
		if (!keyf[0] && !(w->tls_key = strdup(w->tls_cert)))
			goto fail;
		flags |= MHD_USE_TLS;
	}
	w->d = MHD_start_daemon(flags, 0, sk_wguard_apc, w->guard, handler, w,
		MHD_OPTION_EXTERNAL_LOGGER, mhd_log, NULL,
		MHD_OPTION_SOCK_ADDR, &sa.sa,
		MHD_OPTION_LISTEN_BACKLOG_SIZE, (unsigned)backlog,
		MHD_OPTION_NOTIFY_CONNECTION, sk_wguard_notify, w->guard,
		MHD_OPTION_NOTIFY_COMPLETED, request_done, w,
		MHD_OPTION_CONNECTION_LIMIT, sk_wguard_mhd_limit(w->guard),
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)ctimeout,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)cmem,
		ssl ? MHD_OPTION_HTTPS_MEM_KEY : MHD_OPTION_END, w->tls_key,
		MHD_OPTION_HTTPS_MEM_CERT, w->tls_cert,
		MHD_OPTION_END);
	if (!w->d) {
		if (ssl)
			snprintf(err, errlen,
				"webserver: cannot start on %s:%lld (address in use, or bad "
				"webserver.ssl_certificate / webserver.ssl_key?)", addr, port);
		else
			snprintf(err, errlen, "webserver: cannot listen on %s:%lld", addr, port);
		rc = -EADDRINUSE;
		goto fail;
	}
	const union MHD_DaemonInfo *pi = MHD_get_daemon_info(w->d, MHD_DAEMON_INFO_BIND_PORT);
	w->port = pi ? pi->port : (unsigned)port;
	const union MHD_DaemonInfo *ei = MHD_get_daemon_info(w->d, MHD_DAEMON_INFO_EPOLL_FD);
	if (!ei || uv_poll_init(loop, &w->poll, ei->epoll_fd) != 0) {
		snprintf(err, errlen, "webserver: cannot watch libmicrohttpd's epoll fd");
		MHD_stop_daemon(w->d);
		rc = -EIO;
		goto fail;
	}
	uv_timer_init(loop, &w->timer);
	uv_timer_init(loop, &w->sweep);
	w->poll.data = w;
	w->timer.data = w;
	w->sweep.data = w;
	w->open_handles = 3;
	uv_poll_start(&w->poll, UV_READABLE, poll_cb);
	uv_timer_start(&w->sweep, sweep_cb, SWEEP_MS, SWEEP_MS);
	if (threads > 0)
		sk_log(SK_LOG_DEBUG, "web",
			"webserver.threadiness is ignored: requests are served on the event loop");
	sk_log(SK_LOG_INFO, "web", "listening on %s:%u%s", addr, w->port, ssl ? " (TLS)" : "");
	drive(w);
	*out = w;
	return 0;
fail:
	free(w->versions);
	free(w->healthz_path);
	free(w->tls_key);
	free(w->tls_cert);
	sk_wguard_destroy(w->guard);
	free(w);
	return rc;
}

void sk_web_set_ready(sk_web_t *w, bool (*ready)(void *ud), void *ud)
{
	if (!w)
		return;
	w->ready = ready;
	w->ready_ud = ud;
}

unsigned sk_web_port(const sk_web_t *w)
{
	return w ? w->port : 0;
}

void sk_web_stop(sk_web_t *w)
{
	if (!w)
		return;
	/* The poll handle watches MHD's epoll fd, which MHD_stop_daemon
	 * closes: uv_close detaches the fd at once (only the callback is
	 * deferred), so close the handles first. */
	uv_close((uv_handle_t *)&w->poll, handle_closed);
	uv_close((uv_handle_t *)&w->timer, handle_closed);
	uv_close((uv_handle_t *)&w->sweep, handle_closed);
	MHD_stop_daemon(w->d);
	w->d = NULL;
}
