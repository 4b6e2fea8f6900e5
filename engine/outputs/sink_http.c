/* http_output: POST each alert with libcurl's multi interface, driven by
 * the libuv loop (CURLMOPT_SOCKETFUNCTION -> uv_poll, CURLMOPT_TIMERFUNCTION
 * -> uv_timer), so a slow or dead endpoint only fills this sink's bounded
 * queue. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <curl/curl.h>

#include "sink.h"
#include "../util/cfgread.h"
#include "../util/log.h"

#define ECHO_MAX (64 * 1024)

typedef struct http_sink http_sink_t;

typedef struct item {
	struct item *next;
	unsigned attempts;
	size_t len;
	char body[];
} item_t;

typedef struct xfer {
	http_sink_t *h;
	CURL *easy;
	item_t *it;
	char *resp;
	size_t resp_len;
	struct xfer *next;
} xfer_t;

typedef struct sockctx {
	uv_poll_t poll;
	http_sink_t *h;
	curl_socket_t fd;
	struct sockctx *next;
} sockctx_t;

struct http_sink {
	sk__sink_t base;
	uv_loop_t *loop;
	CURLM *multi;
	uv_timer_t curl_timer;
	uv_timer_t backoff_timer;
	bool in_backoff;
	item_t *head, **tail;
	size_t qlen;
	unsigned inflight;
	xfer_t *xfers;
	sockctx_t *socks;
	struct curl_slist *headers;
	/* settings */
	char *url, *user_agent, *ca_cert, *ca_bundle, *ca_path, *client_cert, *client_key;
	bool insecure, mtls, echo, compress, tcp_keepalive;
	long long max_queue, max_inflight, max_retries, timeout_ms, connect_timeout_ms;
	long long max_consecutive_timeouts;
	uint64_t backoff0, backoff_max, backoff;
	unsigned consecutive_timeouts;
	bool failing, rejecting; /* log state changes, not every failure */
	/* lifetime */
	bool closing;
	int open_handles;
	void (*done)(void *ud);
	void *done_ud;
};

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static CURLcode curl_init_rc;
static void curl_init_once(void)
{
	curl_init_rc = curl_global_init(CURL_GLOBAL_DEFAULT);
}

static void update_depth(http_sink_t *h)
{
	sk_metric_set(h->base.m.queue, (int64_t)(h->qlen + h->inflight));
}

static void free_owned(http_sink_t *h)
{
	curl_slist_free_all(h->headers);
	free(h->url);
	free(h->user_agent);
	free(h->ca_cert);
	free(h->ca_bundle);
	free(h->ca_path);
	free(h->client_cert);
	free(h->client_key);
}

static void maybe_finish(http_sink_t *h)
{
	if (!h->closing || h->open_handles > 0)
		return;
	free_owned(h);
	void (*done)(void *) = h->done;
	void *ud = h->done_ud;
	free(h);
	done(ud);
}

static void handle_closed(uv_handle_t *hd)
{
	http_sink_t *h = hd->data;
	h->open_handles--;
	maybe_finish(h);
}

static void sock_closed(uv_handle_t *hd)
{
	sockctx_t *c = hd->data;
	http_sink_t *h = c->h;
	free(c);
	h->open_handles--;
	maybe_finish(h);
}

static void sock_release(http_sink_t *h, sockctx_t *c)
{
	for (sockctx_t **pp = &h->socks; *pp; pp = &(*pp)->next) {
		if (*pp == c) {
			*pp = c->next;
			break;
		}
	}
	uv_poll_stop(&c->poll);
	uv_close((uv_handle_t *)&c->poll, sock_closed);
}

static void pump(http_sink_t *h);
static void backoff_cb(uv_timer_t *t);

static void finish_xfer(http_sink_t *h, xfer_t *x, CURLcode res)
{
	long code = 0;
	curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &code);
	curl_multi_remove_handle(h->multi, x->easy);
	curl_easy_cleanup(x->easy);
	for (xfer_t **pp = &h->xfers; *pp; pp = &(*pp)->next) {
		if (*pp == x) {
			*pp = x->next;
			break;
		}
	}
	h->inflight--;
	item_t *it = x->it;
	if (h->echo && x->resp_len) {
		fwrite(x->resp, 1, x->resp_len, stdout);
		fputc('\n', stdout);
		fflush(stdout);
	}
	free(x->resp);
	free(x);

	if (res == CURLE_OK && code >= 200 && code < 300) {
		sk_metric_add(h->base.m.sent, 1);
		free(it);
		h->backoff = h->backoff0;
		h->consecutive_timeouts = 0;
		if (h->failing)
			sk_log(SK_LOG_NOTICE, "outputs", "http_output: deliveries succeed again");
		h->failing = false;
		h->rejecting = false;
		goto out;
	}
	sk_metric_add(h->base.m.failed, 1);
	if (res == CURLE_OK && code >= 400 && code < 500 && code != 408 && code != 429) {
		/* The receiver refused this alert (e.g. falcosidekick's 400):
		 * sending it again cannot succeed. */
		if (!h->rejecting)
			sk_log(SK_LOG_WARNING, "outputs",
				"http_output: alert rejected with HTTP %ld (further rejections are "
				"only counted until a delivery succeeds)", code);
		h->rejecting = true;
		sk__sink_drop(&h->base.m, "rejected");
		free(it);
		goto out;
	}
	if (!h->failing) {
		if (res != CURLE_OK)
			sk_log(SK_LOG_WARNING, "outputs", "http_output: delivery failed: %s; retrying",
				curl_easy_strerror(res));
		else
			sk_log(SK_LOG_WARNING, "outputs",
				"http_output: delivery failed with HTTP %ld; retrying", code);
		h->failing = true;
	}
	if (res == CURLE_OPERATION_TIMEDOUT &&
	    ++h->consecutive_timeouts == (unsigned long long)h->max_consecutive_timeouts)
		sk_log(SK_LOG_ERROR, "outputs",
			"http_output: %u consecutive timeouts; the endpoint looks unresponsive",
			h->consecutive_timeouts);
	it->attempts++;
	if (h->max_retries >= 0 && it->attempts > (unsigned long long)h->max_retries) {
		sk__sink_drop(&h->base.m, "retries_exhausted");
		free(it);
	} else {
		sk_metric_add(h->base.m.retried, 1);
		it->next = h->head;
		h->head = it;
		if (!it->next)
			h->tail = &it->next;
		h->qlen++;
	}
	if (!h->in_backoff && !h->closing) {
		h->in_backoff = true;
		uv_timer_start(&h->backoff_timer, backoff_cb, h->backoff, 0);
		h->backoff = h->backoff * 2 > h->backoff_max ? h->backoff_max : h->backoff * 2;
	}
out:
	update_depth(h);
}

static void check_done(http_sink_t *h)
{
	CURLMsg *m;
	int left;
	while ((m = curl_multi_info_read(h->multi, &left))) {
		if (m->msg != CURLMSG_DONE)
			continue;
		xfer_t *x = NULL;
		curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, (char **)&x);
		finish_xfer(h, x, m->data.result);
	}
	pump(h);
}

static void poll_cb(uv_poll_t *p, int status, int events)
{
	sockctx_t *c = p->data;
	http_sink_t *h = c->h;
	int flags = 0;
	if (status < 0)
		flags = CURL_CSELECT_ERR;
	if (events & UV_READABLE)
		flags |= CURL_CSELECT_IN;
	if (events & UV_WRITABLE)
		flags |= CURL_CSELECT_OUT;
	int running;
	curl_multi_socket_action(h->multi, c->fd, flags, &running);
	check_done(h);
}

static void curl_timer_cb(uv_timer_t *t)
{
	http_sink_t *h = t->data;
	int running;
	curl_multi_socket_action(h->multi, CURL_SOCKET_TIMEOUT, 0, &running);
	check_done(h);
}

static int sock_fn(CURL *e, curl_socket_t fd, int what, void *userp, void *socketp)
{
	(void)e;
	http_sink_t *h = userp;
	sockctx_t *c = socketp;
	if (what == CURL_POLL_REMOVE) {
		if (c) {
			curl_multi_assign(h->multi, fd, NULL);
			sock_release(h, c);
		}
		return 0;
	}
	if (!c) {
		c = calloc(1, sizeof(*c));
		if (!c)
			return -1;
		if (uv_poll_init_socket(h->loop, &c->poll, fd)) {
			free(c);
			return -1;
		}
		c->h = h;
		c->fd = fd;
		c->poll.data = c;
		c->next = h->socks;
		h->socks = c;
		h->open_handles++;
		curl_multi_assign(h->multi, fd, c);
	}
	int ev = 0;
	if (what & CURL_POLL_IN)
		ev |= UV_READABLE;
	if (what & CURL_POLL_OUT)
		ev |= UV_WRITABLE;
	uv_poll_start(&c->poll, ev, poll_cb);
	return 0;
}

static int timer_fn(CURLM *m, long timeout_ms, void *userp)
{
	(void)m;
	http_sink_t *h = userp;
	if (h->closing)
		return 0;
	if (timeout_ms < 0)
		uv_timer_stop(&h->curl_timer);
	else /* 0 means "as soon as possible": next loop iteration, not recursion. */
		uv_timer_start(&h->curl_timer, curl_timer_cb, (uint64_t)timeout_ms, 0);
	return 0;
}

static size_t write_fn(char *ptr, size_t size, size_t nmemb, void *ud)
{
	xfer_t *x = ud;
	size_t n = size * nmemb;
	if (!x->h->echo || x->resp_len >= ECHO_MAX)
		return n;
	size_t take = n > ECHO_MAX - x->resp_len ? ECHO_MAX - x->resp_len : n;
	char *r = realloc(x->resp, x->resp_len + take);
	if (!r)
		return n;
	memcpy(r + x->resp_len, ptr, take);
	x->resp = r;
	x->resp_len += take;
	return n;
}

static int start_xfer(http_sink_t *h, item_t *it)
{
	xfer_t *x = calloc(1, sizeof(*x));
	CURL *e = curl_easy_init();
	if (!x || !e)
		goto fail;
	x->h = h;
	x->easy = e;
	x->it = it;
	curl_easy_setopt(e, CURLOPT_URL, h->url);
	curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(e, CURLOPT_POSTFIELDS, (char *)&it->body[0]);
	curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)it->len);
	curl_easy_setopt(e, CURLOPT_HTTPHEADER, h->headers);
	curl_easy_setopt(e, CURLOPT_USERAGENT, h->user_agent);
	curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, (long)h->timeout_ms);
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, (long)h->connect_timeout_ms);
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, write_fn);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, x);
	curl_easy_setopt(e, CURLOPT_PRIVATE, x);
	if (h->insecure) {
		curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 0L);
		curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 0L);
	}
	if (h->ca_bundle[0])
		curl_easy_setopt(e, CURLOPT_CAINFO, h->ca_bundle);
	if (h->ca_cert[0])
		curl_easy_setopt(e, CURLOPT_CAINFO, h->ca_cert);
	if (h->ca_path[0])
		curl_easy_setopt(e, CURLOPT_CAPATH, h->ca_path);
	if (h->mtls) {
		curl_easy_setopt(e, CURLOPT_SSLCERT, h->client_cert);
		curl_easy_setopt(e, CURLOPT_SSLKEY, h->client_key);
	}
	if (h->compress)
		curl_easy_setopt(e, CURLOPT_TRANSFER_ENCODING, 1L);
	if (h->tcp_keepalive)
		curl_easy_setopt(e, CURLOPT_TCP_KEEPALIVE, 1L);
	if (curl_multi_add_handle(h->multi, e) != CURLM_OK)
		goto fail;
	x->next = h->xfers;
	h->xfers = x;
	h->inflight++;
	return 0;
fail:
	if (e)
		curl_easy_cleanup(e);
	free(x);
	return -ENOMEM;
}

static void pump(http_sink_t *h)
{
	while (!h->closing && !h->in_backoff && h->head &&
		h->inflight < (unsigned long long)h->max_inflight) {
		item_t *it = h->head;
		h->head = it->next;
		if (!h->head)
			h->tail = &h->head;
		h->qlen--;
		it->next = NULL;
		if (start_xfer(h, it)) {
			sk_metric_add(h->base.m.failed, 1);
			sk__sink_drop(&h->base.m, "no_memory");
			free(it);
		}
	}
	update_depth(h);
}

static void backoff_cb(uv_timer_t *t)
{
	http_sink_t *h = t->data;
	h->in_backoff = false;
	pump(h);
}

static void http_emit(sk__sink_t *s, const sk_alert_t *a, const char *line, size_t len)
{
	(void)a;
	http_sink_t *h = (http_sink_t *)s;
	if (h->closing)
		return;
	if (h->qlen + h->inflight >= (unsigned long long)h->max_queue) {
		sk__sink_drop(&s->m, "queue_full");
		return;
	}
	item_t *it = malloc(sizeof(*it) + len + 1);
	if (!it) {
		sk__sink_drop(&s->m, "no_memory");
		return;
	}
	it->next = NULL;
	it->attempts = 0;
	it->len = len;
	memcpy(it->body, line, len + 1);
	*h->tail = it;
	h->tail = &it->next;
	h->qlen++;
	pump(h);
}

static bool http_idle(sk__sink_t *s)
{
	http_sink_t *h = (http_sink_t *)s;
	return h->qlen == 0 && h->inflight == 0;
}

static void http_close(sk__sink_t *s, void (*done)(void *ud), void *ud)
{
	http_sink_t *h = (http_sink_t *)s;
	h->closing = true;
	h->done = done;
	h->done_ud = ud;
	while (h->xfers) {
		xfer_t *x = h->xfers;
		h->xfers = x->next;
		curl_multi_remove_handle(h->multi, x->easy);
		curl_easy_cleanup(x->easy);
		sk__sink_drop(&s->m, "shutdown");
		free(x->it);
		free(x->resp);
		free(x);
	}
	h->inflight = 0;
	while (h->head) {
		item_t *it = h->head;
		h->head = it->next;
		sk__sink_drop(&s->m, "shutdown");
		free(it);
	}
	h->qlen = 0;
	update_depth(h);
	curl_multi_cleanup(h->multi);
	h->multi = NULL;
	while (h->socks)
		sock_release(h, h->socks);
	uv_close((uv_handle_t *)&h->curl_timer, handle_closed);
	uv_close((uv_handle_t *)&h->backoff_timer, handle_closed);
}

static const sk__sink_ops_t http_ops = {
	.emit = http_emit,
	.idle = http_idle,
	.close = http_close,
};

static int add_header(http_sink_t *h, const char *name, const char *value, char *err,
	size_t errlen)
{
	if (!name[0] || strpbrk(name, ":\r\n \t") || strpbrk(value, "\r\n"))
		return sk__cfg_fail("http_output", "headers",
			"header names must be tokens and values single-line", err, errlen);
	size_t n = strlen(name) + strlen(value) + 3;
	char *line = malloc(n);
	if (!line)
		return -ENOMEM;
	snprintf(line, n, "%s: %s", name, value);
	struct curl_slist *l = curl_slist_append(h->headers, line);
	free(line);
	if (!l)
		return -ENOMEM;
	h->headers = l;
	return 0;
}

static int read_headers(http_sink_t *h, const json_t *sec, char *err, size_t errlen)
{
	const json_t *hv = sk__cfg_get(sec, "headers");
	int rc = 0;
	if (!hv)
		return 0;
	if (json_is_object(hv)) {
		const char *k;
		json_t *v;
		json_object_foreach((json_t *)hv, k, v) {
			if (!json_is_string(v))
				return sk__cfg_fail("http_output", "headers",
					"header values must be strings", err, errlen);
			if ((rc = add_header(h, k, json_string_value(v), err, errlen)))
				return rc;
		}
		return 0;
	}
	if (json_is_array(hv)) {
		size_t i;
		json_t *v;
		json_array_foreach(hv, i, v) {
			const char *s = json_is_string(v) ? json_string_value(v) : NULL;
			const char *colon = s ? strchr(s, ':') : NULL;
			if (!colon)
				return sk__cfg_fail("http_output", "headers",
					"list entries must be \"Name: value\" strings", err, errlen);
			char name[256];
			size_t nl = (size_t)(colon - s);
			if (nl >= sizeof(name))
				return sk__cfg_fail("http_output", "headers", "header name too long",
					err, errlen);
			memcpy(name, s, nl);
			name[nl] = '\0';
			const char *val = colon + 1;
			while (*val == ' ' || *val == '\t')
				val++;
			if ((rc = add_header(h, name, val, err, errlen)))
				return rc;
		}
		return 0;
	}
	return sk__cfg_fail("http_output", "headers", "expected a mapping or a list", err, errlen);
}

static int check_readable(const char *key, const char *path, char *err, size_t errlen)
{
	if (path[0] && access(path, R_OK) != 0) {
		char what[64 + 512];
		snprintf(what, sizeof(what), "cannot read '%s': %s", path, strerror(errno));
		return sk__cfg_fail("http_output", key, what, err, errlen);
	}
	return 0;
}

int sk__sink_http_new(const sk__out_common_t *c, const json_t *sec, sk__sink_t **out,
	char *err, size_t errlen)
{
	const char *S = "http_output";
	bool en = false;
	int rc;
	*out = NULL;
	if ((rc = sk__cfg_bool(sec, S, "enabled", &en, err, errlen)) || !en)
		return rc;
	const char *url = "", *ua = "falcosecurity/falco", *ca_cert = "", *ca_bundle = "",
		   *ca_path = "/etc/ssl/certs", *ccert = "/etc/falco/certs/client/client.crt",
		   *ckey = "/etc/falco/certs/client/client.key";
	bool insecure = false, mtls = false, echo = false, compress = false, keep = false;
	long long maxq = 10000, maxinf = 4, retries = 5, b0 = 100, bmax = 10000, tmo = 10000,
		  ctmo = 5000, mct = 5;
	if ((rc = sk__cfg_str(sec, S, "url", &url, err, errlen)) ||
	    (rc = sk__cfg_str(sec, S, "user_agent", &ua, err, errlen)) ||
	    (rc = sk__cfg_str(sec, S, "ca_cert", &ca_cert, err, errlen)) ||
	    (rc = sk__cfg_str(sec, S, "ca_bundle", &ca_bundle, err, errlen)) ||
	    (rc = sk__cfg_str(sec, S, "ca_path", &ca_path, err, errlen)) ||
	    (rc = sk__cfg_str(sec, S, "client_cert", &ccert, err, errlen)) ||
	    (rc = sk__cfg_str(sec, S, "client_key", &ckey, err, errlen)) ||
	    (rc = sk__cfg_bool(sec, S, "insecure", &insecure, err, errlen)) ||
	    (rc = sk__cfg_bool(sec, S, "mtls", &mtls, err, errlen)) ||
	    (rc = sk__cfg_bool(sec, S, "echo", &echo, err, errlen)) ||
	    (rc = sk__cfg_bool(sec, S, "compress_uploads", &compress, err, errlen)) ||
	    (rc = sk__cfg_bool(sec, S, "keep_alive", &keep, err, errlen)) ||
	    (rc = sk__cfg_int(sec, S, "max_queue", 1, 100000000, &maxq, err, errlen)) ||
	    (rc = sk__cfg_int(sec, S, "max_inflight", 1, 1024, &maxinf, err, errlen)) ||
	    (rc = sk__cfg_int(sec, S, "max_retries", -1, 1000000, &retries, err, errlen)) ||
	    (rc = sk__cfg_int(sec, S, "retry_backoff_ms", 1, 3600000, &b0, err, errlen)) ||
	    (rc = sk__cfg_int(sec, S, "retry_backoff_max_ms", 1, 86400000, &bmax, err,
		     errlen)) ||
	    (rc = sk__cfg_int(sec, S, "timeout_ms", 1, 3600000, &tmo, err, errlen)) ||
	    (rc = sk__cfg_int(sec, S, "connect_timeout_ms", 1, 3600000, &ctmo, err, errlen)) ||
	    (rc = sk__cfg_int(sec, S, "max_consecutive_timeouts", 0, 1000000, &mct, err,
		     errlen)))
		return rc;
	if (strncasecmp(url, "http://", 7) != 0 && strncasecmp(url, "https://", 8) != 0)
		return sk__cfg_fail(S, "url", "expected an http:// or https:// URL", err, errlen);
	if (bmax < b0)
		return sk__cfg_fail(S, "retry_backoff_max_ms",
			"must be >= http_output.retry_backoff_ms", err, errlen);
	if ((rc = check_readable("ca_cert", ca_cert, err, errlen)) ||
	    (rc = check_readable("ca_bundle", ca_bundle, err, errlen)))
		return rc;
	if (mtls && ((rc = check_readable("client_cert", ccert, err, errlen)) ||
		     (rc = check_readable("client_key", ckey, err, errlen))))
		return rc;
	pthread_once(&curl_once, curl_init_once);
	if (curl_init_rc != CURLE_OK) {
		snprintf(err, errlen, "http_output: libcurl init failed: %s",
			curl_easy_strerror(curl_init_rc));
		return -EIO;
	}

	http_sink_t *h = calloc(1, sizeof(*h));
	if (!h) {
		snprintf(err, errlen, "http_output: out of memory");
		return -ENOMEM;
	}
	h->url = strdup(url);
	h->user_agent = strdup(ua);
	h->ca_cert = strdup(ca_cert);
	h->ca_bundle = strdup(ca_bundle);
	h->ca_path = strdup(ca_path);
	h->client_cert = strdup(ccert);
	h->client_key = strdup(ckey);
	h->headers = curl_slist_append(NULL,
		c->json ? "Content-Type: application/json" : "Content-Type: text/plain");
	struct curl_slist *l = h->headers ? curl_slist_append(h->headers, "Expect:") : NULL;
	h->multi = curl_multi_init();
	rc = -ENOMEM;
	if (!h->url || !h->user_agent || !h->ca_cert || !h->ca_bundle || !h->ca_path ||
	    !h->client_cert || !h->client_key || !l || !h->multi) {
		snprintf(err, errlen, "http_output: out of memory");
		goto fail;
	}
	if ((rc = read_headers(h, sec, err, errlen))) {
		if (rc == -ENOMEM)
			snprintf(err, errlen, "http_output: out of memory");
		goto fail;
	}
	h->base.ops = &http_ops;
	sk__sink_metrics_init(&h->base.m, "http");
	sk__sink_drop_declare(&h->base.m, "queue_full");
	sk__sink_drop_declare(&h->base.m, "retries_exhausted");
	sk__sink_drop_declare(&h->base.m, "rejected");
	sk__sink_drop_declare(&h->base.m, "shutdown");
	h->loop = c->loop;
	h->tail = &h->head;
	h->insecure = insecure;
	h->mtls = mtls;
	h->echo = echo;
	h->compress = compress;
	h->tcp_keepalive = keep;
	h->max_queue = maxq;
	h->max_inflight = maxinf;
	h->max_retries = retries;
	h->timeout_ms = tmo;
	h->connect_timeout_ms = ctmo;
	h->max_consecutive_timeouts = mct;
	h->backoff0 = h->backoff = (uint64_t)b0;
	h->backoff_max = (uint64_t)bmax;
	curl_multi_setopt(h->multi, CURLMOPT_SOCKETFUNCTION, sock_fn);
	curl_multi_setopt(h->multi, CURLMOPT_SOCKETDATA, h);
	curl_multi_setopt(h->multi, CURLMOPT_TIMERFUNCTION, timer_fn);
	curl_multi_setopt(h->multi, CURLMOPT_TIMERDATA, h);
	uv_timer_init(c->loop, &h->curl_timer);
	uv_timer_init(c->loop, &h->backoff_timer);
	h->curl_timer.data = h;
	h->backoff_timer.data = h;
	h->open_handles = 2;
	update_depth(h);
	*out = &h->base;
	return 0;
fail:
	if (h->multi)
		curl_multi_cleanup(h->multi);
	free_owned(h);
	free(h);
	return rc;
}
