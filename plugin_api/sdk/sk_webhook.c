/* sk_webhook.c - libmicrohttpd webhook: header checks, auth, bounded
 * bodies, guard wiring, the sweeper thread. */
#include "sk_webhook.h"

#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "sk_sdk_util.h"
#include "sk_webhook_tls.h"

#define SWEEP_MS 100

struct sk_webhook {
	struct MHD_Daemon *d;
	int lfd;
	unsigned port;
	bool tls;
	char *path;
	char *token;
	char **ctypes;              /* NULL-terminated copy, or NULL = any */
	uint64_t max_body, budget;
	_Atomic uint64_t budget_used;
	_Atomic uint64_t c[SK_WH_COUNT];
	sk_wguard_t *guard;
	sk__wh_tls_t tlsd;
	sk_webhook_headers_fn on_headers;
	sk_webhook_body_fn on_body;
	void *user;
	pthread_t sweeper;
	bool sweeper_on, stopping;
	pthread_mutex_t mu;
	pthread_cond_t cv;
};

struct sk_webhook_req {
	struct MHD_Connection *conn;
	const char *method, *url;
};

typedef struct wh_req {
	char *buf;
	size_t len, cap;
	uint64_t reserved;          /* bytes held from the budget */
	bool declared;              /* Content-Length known: reserved up front */
	bool too_large, over_budget;
} wh_req_t;

static const char *const counter_names[SK_WH_COUNT] = {
	[SK_WH_REQUESTS] = "requests",
	[SK_WH_STATUS_2XX] = "responses_2xx",
	[SK_WH_STATUS_4XX] = "responses_4xx",
	[SK_WH_STATUS_5XX] = "responses_5xx",
	[SK_WH_REJ_NOT_FOUND] = "rejected_not_found",
	[SK_WH_REJ_METHOD] = "rejected_method",
	[SK_WH_REJ_CTYPE] = "rejected_content_type",
	[SK_WH_REJ_TOO_LARGE] = "rejected_too_large",
	[SK_WH_REJ_UNAUTH] = "rejected_unauthorized",
	[SK_WH_REJ_CERT] = "rejected_client_cert",
	[SK_WH_REJ_DUP_CLEN] = "rejected_conflicting_content_length",
	[SK_WH_REJ_HEADERS_CB] = "rejected_by_headers_check",
	[SK_WH_REJ_BUDGET] = "rejected_body_budget",
	[SK_WH_BYTES] = "bytes",
};

static void count(sk_webhook_t *w, enum sk_webhook_counter k, uint64_t n)
{
	atomic_fetch_add_explicit(&w->c[k], n, memory_order_relaxed);
}

static bool budget_take(sk_webhook_t *w, uint64_t n)
{
	uint64_t cur = atomic_load_explicit(&w->budget_used, memory_order_relaxed);

	do {
		if (n > w->budget || cur > w->budget - n)
			return false;
	} while (!atomic_compare_exchange_weak(&w->budget_used, &cur, cur + n));
	return true;
}

static void budget_give(sk_webhook_t *w, wh_req_t *rq)
{
	if (rq->reserved)
		atomic_fetch_sub(&w->budget_used, rq->reserved);
	rq->reserved = 0;
}

static enum MHD_Result reply(sk_webhook_t *w, struct MHD_Connection *conn, unsigned status,
	const char *msg, bool close_conn)
{
	struct MHD_Response *r;
	enum MHD_Result ret;

	count(w, status < 300 ? SK_WH_STATUS_2XX : status < 500 ? SK_WH_STATUS_4XX :
		SK_WH_STATUS_5XX, 1);
	r = MHD_create_response_from_buffer(strlen(msg), (void *)msg, MHD_RESPMEM_MUST_COPY);
	if (!r)
		return MHD_NO;
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, msg[0] == '{' ?
		"application/json" : "text/plain; charset=utf-8");
	if (status == 405)
		MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, "POST");
	if (status == 401)
		MHD_add_response_header(r, MHD_HTTP_HEADER_WWW_AUTHENTICATE, "Bearer");
	if (close_conn)
		MHD_add_response_header(r, MHD_HTTP_HEADER_CONNECTION, "close");
	ret = MHD_queue_response(conn, status, r);
	MHD_destroy_response(r);
	return ret;
}

/* Media type without parameters, compared case-insensitively. */
static bool ctype_ok(const sk_webhook_t *w, const char *ct)
{
	size_t n;
	char **p;

	if (!w->ctypes)
		return true;
	if (!ct)
		return false;
	ct += strspn(ct, " \t");
	n = strcspn(ct, ";");
	while (n && (ct[n - 1] == ' ' || ct[n - 1] == '\t'))
		n--;
	for (p = w->ctypes; *p; p++)
		if (strlen(*p) == n && strncasecmp(*p, ct, n) == 0)
			return true;
	return false;
}

typedef struct pre {
	unsigned status;
	bool close;
	const char *msg;
	enum sk_webhook_counter why;
} pre_t;

/* Checks done as soon as the headers are in, before any body byte is
 * read. Fills p->status (0 = go on). */
static void precheck(sk_webhook_t *w, struct MHD_Connection *conn, const sk_webhook_req_t *rq,
	uint64_t *clen, bool *has_clen, pre_t *p)
{
	const char *auth, *cl;
	char *end;

	*has_clen = false;
	if (sk_wguard_dup_content_length(conn)) {
		*p = (pre_t){ 400, true, "conflicting Content-Length headers\n", SK_WH_REJ_DUP_CLEN };
		return;
	}
	if (strcmp(rq->url, w->path) != 0) {
		*p = (pre_t){ 404, false, "not found\n", SK_WH_REJ_NOT_FOUND };
		return;
	}
	if (w->tlsd.ca_pem && !sk__wh_client_cert_ok(conn)) {
		*p = (pre_t){ 403, true, "valid client certificate required\n", SK_WH_REJ_CERT };
		return;
	}
	if (w->token) {
		auth = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION);
		if (!auth || strncasecmp(auth, "Bearer ", 7) != 0 ||
		    !sk__wh_token_equal(auth + 7, strlen(auth + 7), w->token, strlen(w->token))) {
			*p = (pre_t){ 401, true, "unauthorized\n", SK_WH_REJ_UNAUTH };
			return;
		}
	}
	if (strcmp(rq->method, MHD_HTTP_METHOD_POST) != 0) {
		*p = (pre_t){ 405, false, "method not allowed\n", SK_WH_REJ_METHOD };
		return;
	}
	if (!ctype_ok(w, MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
		    MHD_HTTP_HEADER_CONTENT_TYPE))) {
		*p = (pre_t){ 415, true, "unsupported Content-Type\n", SK_WH_REJ_CTYPE };
		return;
	}
	cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
	if (cl) {
		errno = 0;
		*clen = strtoull(cl, &end, 10);
		*has_clen = !errno && end != cl && *end == '\0';
		if (*has_clen && *clen > w->max_body) {
			*p = (pre_t){ 413, true, "request body too large\n", SK_WH_REJ_TOO_LARGE };
			return;
		}
	}
	p->status = 0;
}

static enum MHD_Result first_call(sk_webhook_t *w, struct MHD_Connection *conn,
	const sk_webhook_req_t *req, void **con_cls)
{
	sk_webhook_reply_t out;
	pre_t p = { 0 };
	uint64_t clen = 0;
	bool has_clen;
	wh_req_t *rq;

	count(w, SK_WH_REQUESTS, 1);
	sk_wguard_headers_in(w->guard, conn);
	precheck(w, conn, req, &clen, &has_clen, &p);
	if (!p.status && w->on_headers) {
		memset(&out, 0, sizeof(out));
		w->on_headers(w->user, req, &out);
		if (out.status) {
			count(w, SK_WH_REJ_HEADERS_CB, 1);
			return reply(w, conn, out.status, out.text[0] ? out.text : "refused\n",
				out.close || out.status == 401 || out.status == 403);
		}
	}
	if (p.status) {
		count(w, p.why, 1);
		return reply(w, conn, p.status, p.msg, p.close);
	}
	sk_wguard_auth(w->guard, conn);
	rq = calloc(1, sizeof(*rq));
	if (!rq)
		return MHD_NO;
	if (has_clen) {
		if (!budget_take(w, clen)) {
			free(rq);
			count(w, SK_WH_REJ_BUDGET, 1);
			return reply(w, conn, 503, "server busy: body budget spent, retry later\n",
				true);
		}
		rq->reserved = clen;
		rq->declared = true;
	}
	*con_cls = rq;
	return MHD_YES;
}

static void take_data(sk_webhook_t *w, wh_req_t *rq, const char *data, size_t n)
{
	size_t ncap;
	char *nb;

	/* chunked body past max_body: keep reading so the 413 gets out; a
	 * declared body never exceeds its length (MHD frames it), checked anyway */
	if (!rq->too_large && (rq->len + n > w->max_body ||
		(rq->declared && rq->len + n > rq->reserved)))
		rq->too_large = true;
	if (!rq->too_large && !rq->over_budget && rq->len + n > rq->cap) {
		if (rq->declared) {
			/* allocated once: pages become resident only as bytes arrive */
			ncap = (size_t)rq->reserved;
		} else {
			ncap = rq->cap ? rq->cap * 2 : 16384;
			while (ncap < rq->len + n)
				ncap *= 2;
			if (ncap > w->max_body)
				ncap = w->max_body;
			/* chunked bodies reserve from the budget as they grow */
			if (budget_take(w, ncap - rq->cap))
				rq->reserved += ncap - rq->cap;
			else
				rq->over_budget = true;
		}
		if (!rq->over_budget) {
			nb = realloc(rq->buf, ncap);
			if (!nb) {
				rq->over_budget = true;
			} else {
				rq->buf = nb;
				rq->cap = ncap;
			}
		}
	}
	if (rq->too_large || rq->over_budget) {
		free(rq->buf);
		rq->buf = NULL;
		rq->len = rq->cap = 0;
		budget_give(w, rq);
		rq->declared = false;
		return;
	}
	memcpy(rq->buf + rq->len, data, n);
	rq->len += n;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
	const char *method, const char *version, const char *upload_data, size_t *upload_data_size,
	void **con_cls)
{
	sk_webhook_t *w = cls;
	sk_webhook_req_t req = { conn, method, url };
	sk_webhook_reply_t out;
	wh_req_t *rq = *con_cls;
	enum MHD_Result ret;

	(void)version;
	if (!rq)
		return first_call(w, conn, &req, con_cls);
	if (*upload_data_size) {
		count(w, SK_WH_BYTES, *upload_data_size);
		take_data(w, rq, upload_data, *upload_data_size);
		*upload_data_size = 0;
		return MHD_YES;
	}
	sk_wguard_body_in(w->guard, conn);
	if (rq->too_large) {
		count(w, SK_WH_REJ_TOO_LARGE, 1);
		return reply(w, conn, 413, "request body too large\n", true);
	}
	if (rq->over_budget) {
		count(w, SK_WH_REJ_BUDGET, 1);
		return reply(w, conn, 503, "server busy: body budget spent, retry later\n", true);
	}
	memset(&out, 0, sizeof(out));
	w->on_body(w->user, &req, rq->buf ? rq->buf : "", rq->len, &out);
	free(rq->buf);
	rq->buf = NULL;
	rq->len = rq->cap = 0;
	budget_give(w, rq);
	ret = reply(w, conn, out.status ? out.status : 500, out.text, out.close);
	return ret;
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
	enum MHD_RequestTerminationCode toe)
{
	sk_webhook_t *w = cls;
	wh_req_t *rq = *con_cls;

	(void)toe;
	if (rq) {
		free(rq->buf);
		budget_give(w, rq);
		free(rq);
		*con_cls = NULL;
	}
	sk_wguard_request_end(w->guard, conn);
}

static void mhd_log(void *cls, const char *fmt, va_list ap)
{
	/* libmicrohttpd's own diagnostics (TLS handshake failures, resets) are
	 * per-connection noise a peer triggers at will; counters carry what
	 * matters. */
	(void)cls;
	(void)fmt;
	(void)ap;
}

static void *sweeper_main(void *arg)
{
	sk_webhook_t *w = arg;
	struct timespec ts;

	pthread_mutex_lock(&w->mu);
	while (!w->stopping) {
		clock_gettime(CLOCK_MONOTONIC, &ts);
		ts.tv_nsec += SWEEP_MS * 1000000L;
		if (ts.tv_nsec >= 1000000000L) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&w->cv, &w->mu, &ts);
		if (w->stopping)
			break;
		pthread_mutex_unlock(&w->mu);
		sk_wguard_sweep(w->guard);
		pthread_mutex_lock(&w->mu);
	}
	pthread_mutex_unlock(&w->mu);
	return NULL;
}

static int copy_config(sk_webhook_t *w, const sk_webhook_config_t *cfg)
{
	size_t i, n = 0;

	w->max_body = cfg->max_body ? cfg->max_body : 1 << 20;
	w->budget = cfg->body_budget ? cfg->body_budget : 4 * w->max_body;
	w->on_headers = cfg->on_headers;
	w->on_body = cfg->on_body;
	w->user = cfg->user;
	if (cfg->bearer_token && !(w->token = strdup(cfg->bearer_token)))
		return -ENOMEM;
	if (!cfg->content_types)
		return 0;
	while (cfg->content_types[n])
		n++;
	w->ctypes = calloc(n + 1, sizeof(char *));
	if (!w->ctypes)
		return -ENOMEM;
	for (i = 0; i < n; i++)
		if (!(w->ctypes[i] = strdup(cfg->content_types[i])))
			return -ENOMEM;
	return 0;
}

static int start_daemon(sk_webhook_t *w, const sk_webhook_config_t *cfg, bool v6)
{
	struct MHD_OptionItem o[16];
	unsigned n = 0, flags;

#define OPT(k, v, p) (o[n++] = (struct MHD_OptionItem){ (k), (intptr_t)(v), (p) })
	OPT(MHD_OPTION_LISTEN_SOCKET, w->lfd, NULL);
	OPT(MHD_OPTION_THREAD_POOL_SIZE, cfg->threads ? cfg->threads : 2, NULL);
	OPT(MHD_OPTION_CONNECTION_LIMIT, sk_wguard_mhd_limit(w->guard), NULL);
	OPT(MHD_OPTION_CONNECTION_TIMEOUT, cfg->idle_timeout_s ? cfg->idle_timeout_s : 30, NULL);
	OPT(MHD_OPTION_NOTIFY_COMPLETED, (intptr_t)on_completed, w);
	OPT(MHD_OPTION_NOTIFY_CONNECTION, (intptr_t)sk_wguard_notify, w->guard);
	OPT(MHD_OPTION_EXTERNAL_LOGGER, (intptr_t)mhd_log, w);
	if (w->tls) {
		OPT(MHD_OPTION_HTTPS_PRIORITIES, 0, "NORMAL:-VERS-SSL3.0:-VERS-TLS1.0:-VERS-TLS1.1");
		if (w->tlsd.ca_pem) {
			/* the certificate comes from the callback, which also makes
			 * the client certificate mandatory (sk_webhook_tls.h) */
			OPT(MHD_OPTION_HTTPS_MEM_TRUST, 0, w->tlsd.ca_pem);
			OPT(MHD_OPTION_HTTPS_CERT_CALLBACK, 0, (void *)sk__wh_tls_cert_cb);
		} else {
			OPT(MHD_OPTION_HTTPS_MEM_CERT, 0, w->tlsd.cert_pem);
			OPT(MHD_OPTION_HTTPS_MEM_KEY, 0, w->tlsd.key_pem);
		}
	}
	OPT(MHD_OPTION_END, 0, NULL);
#undef OPT
	flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG |
		(v6 ? MHD_USE_IPv6 : 0) | (w->tls ? MHD_USE_TLS : 0);
	w->d = MHD_start_daemon(flags, 0, sk_wguard_apc, w->guard, on_request, w,
		MHD_OPTION_ARRAY, o, MHD_OPTION_END);
	return w->d ? 0 : -EINVAL;
}

int sk_webhook_start(sk_webhook_t **out, const sk_webhook_config_t *cfg, char *err,
	size_t errlen)
{
	sk_webhook_t *w;
	char *host = NULL;
	unsigned port;
	struct sockaddr_storage ss;
	socklen_t sl = sizeof(ss);
	bool v6 = false;
	int rc;

	*out = NULL;
	if (!cfg || !cfg->url || !cfg->on_body) {
		snprintf(err, errlen, "webhook: url and on_body are required");
		return -EINVAL;
	}
	w = calloc(1, sizeof(*w));
	if (!w)
		return -ENOMEM;
	w->lfd = -1;
	pthread_mutex_init(&w->mu, NULL);
	/* the sweeper's deadlines are CLOCK_MONOTONIC: a default (REALTIME)
	 * condition variable would see them as long past and spin */
	sk_sdk_cond_init_monotonic(&w->cv);
	rc = copy_config(w, cfg);
	if (rc < 0) {
		snprintf(err, errlen, "webhook: out of memory");
		goto fail;
	}
	if (w->budget < w->max_body) {
		snprintf(err, errlen, "the body budget (%llu) must be at least the maximum body "
			"size (%llu)", (unsigned long long)w->budget,
			(unsigned long long)w->max_body);
		rc = -EINVAL;
		goto fail;
	}
	rc = sk_webhook_parse_url(cfg->url, &w->tls, &host, &port, &w->path, err, errlen);
	if (rc < 0)
		goto fail;
	if (!w->tls && cfg->client_ca_file) {
		snprintf(err, errlen, "a client CA needs an https:// webhook URL");
		rc = -EINVAL;
		goto fail;
	}
	if (w->tls && (rc = sk__wh_tls_load(&w->tlsd, cfg, err, errlen)) < 0)
		goto fail;
	if ((rc = sk_wguard_create(&w->guard, &cfg->limits, err, errlen)) < 0)
		goto fail;
	w->tlsd.guard = w->guard;
	if (w->tlsd.ca_pem)
		sk__wh_tls_register(&w->tlsd);
	rc = sk__wh_bind_listen(host, port, cfg->listen_backlog ? cfg->listen_backlog : 1024, &w->lfd,
		&v6, err, errlen);
	if (rc < 0)
		goto fail;
	if (getsockname(w->lfd, (struct sockaddr *)&ss, &sl) == 0)
		w->port = ntohs(ss.ss_family == AF_INET6 ? ((struct sockaddr_in6 *)&ss)->sin6_port :
			((struct sockaddr_in *)&ss)->sin_port);
	if (start_daemon(w, cfg, v6) < 0) {
		snprintf(err, errlen, "cannot start the webhook server on %s (bad certificate or "
			"key?)", cfg->url);
		rc = -EINVAL;
		goto fail;
	}
	w->lfd = -1; /* MHD_stop_daemon closes the listen socket it was given */
	if (pthread_create(&w->sweeper, NULL, sweeper_main, w) != 0) {
		snprintf(err, errlen, "webhook: cannot start the connection sweeper thread");
		rc = -EAGAIN;
		goto fail;
	}
	w->sweeper_on = true;
	free(host);
	*out = w;
	return 0;
fail:
	free(host);
	sk_webhook_destroy(w);
	return rc;
}

void sk_webhook_stop(sk_webhook_t *w)
{
	if (!w)
		return;
	if (w->sweeper_on) {
		pthread_mutex_lock(&w->mu);
		w->stopping = true;
		pthread_cond_signal(&w->cv);
		pthread_mutex_unlock(&w->mu);
		pthread_join(w->sweeper, NULL);
		w->sweeper_on = false;
	}
	if (w->d)
		MHD_stop_daemon(w->d);
	w->d = NULL;
	if (w->lfd >= 0)
		close(w->lfd);
	w->lfd = -1;
}

void sk_webhook_destroy(sk_webhook_t *w)
{
	char **p;

	if (!w)
		return;
	sk_webhook_stop(w);
	sk__wh_tls_free(&w->tlsd);
	sk_wguard_destroy(w->guard);
	free(w->path);
	if (w->token) {
		explicit_bzero(w->token, strlen(w->token));
		free(w->token);
	}
	for (p = w->ctypes; p && *p; p++)
		free(*p);
	free(w->ctypes);
	pthread_cond_destroy(&w->cv);
	pthread_mutex_destroy(&w->mu);
	free(w);
}

unsigned sk_webhook_port(const sk_webhook_t *w)
{
	return w ? w->port : 0;
}

bool sk_webhook_tls(const sk_webhook_t *w)
{
	return w && w->tls;
}

uint64_t sk_webhook_counter(const sk_webhook_t *w, enum sk_webhook_counter c)
{
	return w && c < SK_WH_COUNT ?
		atomic_load_explicit(&((sk_webhook_t *)w)->c[c], memory_order_relaxed) : 0;
}

const char *sk_webhook_counter_name(enum sk_webhook_counter c)
{
	return c < SK_WH_COUNT ? counter_names[c] : "?";
}

const sk_wguard_t *sk_webhook_guard(const sk_webhook_t *w)
{
	return w ? w->guard : NULL;
}

uint64_t sk_webhook_budget_used(const sk_webhook_t *w)
{
	return w ? atomic_load(&((sk_webhook_t *)w)->budget_used) : 0;
}

const char *sk_webhook_header(const sk_webhook_req_t *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, name);
}

const char *sk_webhook_method(const sk_webhook_req_t *r)
{
	return r->method;
}

const char *sk_webhook_path(const sk_webhook_req_t *r)
{
	return r->url;
}
