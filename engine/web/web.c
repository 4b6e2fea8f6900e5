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

#include "../outputs/cfgread.h"
#include "../util/log.h"
#include "../util/metrics.h"

#define PEM_MAX (1024 * 1024)

struct sk_web {
	uv_loop_t *loop;
	struct MHD_Daemon *d;
	uv_poll_t poll;
	uv_timer_t timer;
	int open_handles;
	unsigned port;
	char *versions;
	char *healthz_path;
	bool metrics_on;
	char *tls_key, *tls_cert;
	sk_metric_t *requests, *not_found;
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
	if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 && strcmp(method, MHD_HTTP_METHOD_HEAD) != 0) {
		/* Discard any body; answer once. */
		*upload_data_size = 0;
		return reply(c, MHD_HTTP_METHOD_NOT_ALLOWED, "text/plain",
			"method not allowed\n", 19);
	}
	if (strcmp(url, w->healthz_path) == 0)
		return reply(c, MHD_HTTP_OK, "application/json", "{\"status\":\"ok\"}", 15);
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
	long long port = 8765, threads = 0, climit = 64, ctimeout = 10, cmem = 32768;
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
	    (rc = sk__cfg_bool(msec, "metrics", "enabled", &metrics_en, err, errlen)))
		return rc;
	if (healthz[0] != '/')
		return sk__cfg_fail(S, "k8s_healthz_endpoint", "must start with '/'", err, errlen);
	if (!versions_json)
		versions_json = "{}";

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
	w->d = MHD_start_daemon(flags, 0, NULL, NULL, handler, w,
		MHD_OPTION_EXTERNAL_LOGGER, mhd_log, NULL,
		MHD_OPTION_SOCK_ADDR, &sa.sa,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned)climit,
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
	w->poll.data = w;
	w->timer.data = w;
	w->open_handles = 2;
	uv_poll_start(&w->poll, UV_READABLE, poll_cb);
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
	free(w);
	return rc;
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
	MHD_stop_daemon(w->d);
	w->d = NULL;
}
