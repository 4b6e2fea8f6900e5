/* ka_webhook.c - libmicrohttpd audit webhook: limits, auth, parse, queue. */
#include "ka_webhook.h"

#include <errno.h>
#include <stdarg.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gnutls/gnutls.h>
#include <microhttpd.h>

#include "ka_parse.h"

struct ka_webhook {
	struct MHD_Daemon *d;
	int lfd;
	unsigned port;
	bool tls;
	char *path;
	char *cert_pem, *key_pem, *ca_pem;
	const ka_config_t *cfg;
	ka_queue_t *q;
	ka_counters_t *c;
};

typedef struct ka_req {
	char *buf;
	size_t len, cap;
	bool too_large;
} ka_req_t;

int ka_webhook_parse_url(const char *url, bool *tls, char **host, unsigned *port, char **path,
	char *err, size_t errlen)
{
	const char *p, *hs, *he, *ps;
	char *end;
	unsigned long pn;

	*host = *path = NULL;
	if (strncmp(url, "http://", 7) == 0) {
		*tls = false;
		p = url + 7;
	} else if (strncmp(url, "https://", 8) == 0) {
		*tls = true;
		p = url + 8;
	} else {
		snprintf(err, errlen, "webhook URL must start with http:// or https://: %s", url);
		return -EINVAL;
	}
	ps = strchr(p, '/');
	if (!ps)
		ps = p + strlen(p);
	hs = p;
	if (*hs == '[') {
		he = memchr(hs, ']', (size_t)(ps - hs));
		if (!he) {
			snprintf(err, errlen, "bad IPv6 address in webhook URL: %s", url);
			return -EINVAL;
		}
		*host = strndup(hs + 1, (size_t)(he - hs - 1));
		he++;
	} else {
		he = memchr(hs, ':', (size_t)(ps - hs));
		if (!he)
			he = ps;
		*host = strndup(hs, (size_t)(he - hs));
	}
	*port = *tls ? 443 : 80;
	if (*he == ':') {
		errno = 0;
		pn = strtoul(he + 1, &end, 10);
		if (errno || end != ps || end == he + 1 || pn > 65535) {
			snprintf(err, errlen, "bad port in webhook URL: %s", url);
			free(*host);
			*host = NULL;
			return -EINVAL;
		}
		*port = (unsigned)pn;
	} else if (he != ps) {
		snprintf(err, errlen, "bad host in webhook URL: %s", url);
		free(*host);
		*host = NULL;
		return -EINVAL;
	}
	*path = strdup(*ps ? ps : "/");
	if (!*host || !*path) {
		free(*host);
		free(*path);
		*host = *path = NULL;
		return -ENOMEM;
	}
	return 0;
}

static int bind_listen(const char *host, unsigned port, int *fd_out, bool *v6, char *err,
	size_t errlen)
{
	struct addrinfo hints = { 0 }, *res = NULL, *ai;
	char pbuf[8];
	int fd = -1, one = 1, zero = 0, rc, e = 0;

	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
	snprintf(pbuf, sizeof(pbuf), "%u", port);
	/* an empty host means every address: prefer a dual-stack IPv6 socket */
	if (!*host)
		hints.ai_family = AF_INET6;
	rc = getaddrinfo(*host ? host : NULL, pbuf, &hints, &res);
	if (rc != 0 && !*host) {
		hints.ai_family = AF_INET;
		rc = getaddrinfo(NULL, pbuf, &hints, &res);
	}
	if (rc != 0) {
		snprintf(err, errlen, "cannot resolve webhook address '%s': %s", host, gai_strerror(rc));
		return -EINVAL;
	}
	for (ai = res; ai; ai = ai->ai_next) {
		fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
		if (fd < 0) {
			e = errno;
			continue;
		}
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
		if (ai->ai_family == AF_INET6 && !*host)
			setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &zero, sizeof(zero));
		if (bind(fd, ai->ai_addr, ai->ai_addrlen) == 0 && listen(fd, 256) == 0) {
			*v6 = ai->ai_family == AF_INET6;
			break;
		}
		e = errno;
		close(fd);
		fd = -1;
	}
	freeaddrinfo(res);
	if (fd < 0) {
		snprintf(err, errlen, "cannot listen on %s:%u: %s", *host ? host : "*", port, strerror(e));
		return -(e ? e : EADDRNOTAVAIL);
	}
	*fd_out = fd;
	return 0;
}

static char *read_pem(const char *path, const char *key, char *err, size_t errlen)
{
	FILE *f = fopen(path, "r");
	char *buf = NULL;
	long n;

	if (!f) {
		snprintf(err, errlen, "cannot read %s file %s: %s", key, path, strerror(errno));
		return NULL;
	}
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) > 0 && n < (1 << 20) &&
	    fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)n + 1)) &&
	    fread(buf, 1, (size_t)n, f) == (size_t)n) {
		buf[n] = '\0';
	} else {
		free(buf);
		buf = NULL;
		snprintf(err, errlen, "cannot read %s file %s (empty, too large or unreadable)", key,
			path);
	}
	fclose(f);
	return buf;
}

static enum MHD_Result reply(struct MHD_Connection *conn, unsigned status, const char *msg,
	bool copy, bool close_conn)
{
	struct MHD_Response *r;
	enum MHD_Result ret;

	r = MHD_create_response_from_buffer(strlen(msg), (void *)msg,
		copy ? MHD_RESPMEM_MUST_COPY : MHD_RESPMEM_PERSISTENT);
	if (!r)
		return MHD_NO;
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, "text/plain; charset=utf-8");
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

static bool token_equal(const char *a, size_t alen, const char *b, size_t blen)
{
	volatile unsigned char diff = (unsigned char)(alen != blen);
	size_t i, n = alen > blen ? alen : blen;

	/* time depends only on the longer length, never on where bytes differ */
	for (i = 0; i < n; i++)
		diff |= (unsigned char)((i < alen ? a[i] : 0) ^ (i < blen ? b[i] : 0));
	return diff == 0;
}

static bool client_cert_ok(struct MHD_Connection *conn)
{
	const union MHD_ConnectionInfo *ci;
	gnutls_session_t s;
	unsigned int status = 0, n = 0;

	ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_GNUTLS_SESSION);
	if (!ci || !ci->tls_session)
		return false;
	s = (gnutls_session_t)ci->tls_session;
	if (!gnutls_certificate_get_peers(s, &n) || n == 0)
		return false;
	if (gnutls_certificate_verify_peers2(s, &status) != GNUTLS_E_SUCCESS)
		return false;
	return status == 0;
}

/* Checks done before any body byte is read; returns 0 to go on or the
 * HTTP status already queued. */
static unsigned precheck(ka_webhook_t *w, struct MHD_Connection *conn, const char *url,
	const char *method, enum MHD_Result *ret)
{
	const char *ct, *auth, *cl;
	char *end;
	unsigned long long len;

	if (strcmp(url, w->path) != 0) {
		ka_count(w->c, KA_C_REQ_NOT_FOUND, 1);
		*ret = reply(conn, 404, "not found\n", false, false);
		return 404;
	}
	if (w->ca_pem && !client_cert_ok(conn)) {
		ka_count(w->c, KA_C_REQ_CERT, 1);
		*ret = reply(conn, 403, "valid client certificate required\n", false, true);
		return 403;
	}
	if (w->cfg->bearer_token) {
		auth = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION);
		if (!auth || strncasecmp(auth, "Bearer ", 7) != 0 ||
		    !token_equal(auth + 7, strlen(auth + 7), w->cfg->bearer_token,
			    strlen(w->cfg->bearer_token))) {
			ka_count(w->c, KA_C_REQ_UNAUTH, 1);
			*ret = reply(conn, 401, "unauthorized\n", false, true);
			return 401;
		}
	}
	if (strcmp(method, MHD_HTTP_METHOD_POST) != 0) {
		char msg[64];

		ka_count(w->c, KA_C_REQ_METHOD, 1);
		snprintf(msg, sizeof(msg), "%.32s method not allowed\n", method);
		*ret = reply(conn, 405, msg, true, false);
		return 405;
	}
	ct = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
	if (!ct || !strcasestr(ct, "application/json")) {
		ka_count(w->c, KA_C_REQ_CTYPE, 1);
		*ret = reply(conn, 415, "wrong Content Type: application/json expected\n", false, true);
		return 415;
	}
	cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
	if (cl) {
		errno = 0;
		len = strtoull(cl, &end, 10);
		if (!errno && *end == '\0' && len > w->cfg->max_batch_size) {
			ka_count(w->c, KA_C_REQ_TOO_LARGE, 1);
			*ret = reply(conn, 413, "request body larger than webhookMaxBatchSize\n", false,
				true);
			return 413;
		}
	}
	return 0;
}

static enum MHD_Result finish(ka_webhook_t *w, struct MHD_Connection *conn, ka_req_t *rq)
{
	ka_chain_t chain = { 0 };
	ka_parse_stats_t st = { 0 };
	char msg[320], perr[256];
	int rc;

	if (rq->too_large) {
		ka_count(w->c, KA_C_REQ_TOO_LARGE, 1);
		return reply(conn, 413, "request body larger than webhookMaxBatchSize\n", false, true);
	}
	ka_count(w->c, KA_C_BYTES, rq->len);
	rc = ka_parse_payload(rq->buf ? rq->buf : "", rq->len, w->cfg->max_event_size, &chain, &st,
		perr, sizeof(perr));
	ka_count(w->c, KA_C_DROP_TOO_LARGE, st.too_large);
	ka_count(w->c, KA_C_DROP_NO_TS, st.no_timestamp);
	ka_count(w->c, KA_C_DROP_NOT_EVENT, st.not_event);
	if (rc == -ENOMEM) {
		ka_chain_free(&chain);
		ka_count(w->c, KA_C_REQ_QUEUE_FULL, 1);
		return reply(conn, 503, "out of memory\n", false, true);
	}
	if (rc < 0) {
		ka_count(w->c, rc == -EAGAIN || strncmp(perr, "malformed", 9) == 0 ? KA_C_REQ_BAD_JSON :
			KA_C_REQ_NOT_AUDIT, 1);
		snprintf(msg, sizeof(msg), "bad request: %s\n", perr);
		return reply(conn, 400, msg, true, false);
	}
	rc = ka_queue_push(w->q, &chain);
	if (rc == -EPIPE) {
		/* saker_drain closed the queue: nothing of this request is kept,
		 * so the sender must retry against the next instance. */
		ka_count(w->c, KA_C_REQ_DRAINING, 1);
		ka_chain_free(&chain);
		return reply(conn, 503, "shutting down, retry later\n", false, true);
	}
	if (rc < 0) {
		ka_count(w->c, KA_C_REQ_QUEUE_FULL, 1);
		ka_count(w->c, KA_C_DROP_QUEUE_FULL, chain.n);
		ka_chain_free(&chain);
		return reply(conn, 503, "event queue full, retry later\n", false, false);
	}
	ka_count(w->c, KA_C_EVENTS_QUEUED, st.events);
	ka_count(w->c, KA_C_REQ_OK, 1);
	snprintf(msg, sizeof(msg), "{\"accepted\":%llu,\"dropped\":%llu}\n",
		(unsigned long long)st.events,
		(unsigned long long)(st.too_large + st.no_timestamp + st.not_event));
	return reply(conn, 200, msg, true, false);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
	const char *method, const char *version, const char *upload_data, size_t *upload_data_size,
	void **con_cls)
{
	ka_webhook_t *w = cls;
	ka_req_t *rq = *con_cls;
	enum MHD_Result ret = MHD_YES;
	size_t n = *upload_data_size, ncap;
	char *nb;

	(void)version;
	if (!rq) {
		ka_count(w->c, KA_C_REQUESTS, 1);
		if (precheck(w, conn, url, method, &ret))
			return ret;
		rq = calloc(1, sizeof(*rq));
		if (!rq)
			return MHD_NO;
		*con_cls = rq;
		return MHD_YES;
	}
	if (n) {
		if (!rq->too_large && rq->len + n > w->cfg->max_batch_size) {
			/* chunked body without Content-Length: drop what we have, keep
			 * reading so the 413 reaches the client */
			rq->too_large = true;
			free(rq->buf);
			rq->buf = NULL;
			rq->len = rq->cap = 0;
		}
		if (!rq->too_large) {
			if (rq->len + n > rq->cap) {
				ncap = rq->cap ? rq->cap * 2 : 16384;
				while (ncap < rq->len + n)
					ncap *= 2;
				nb = realloc(rq->buf, ncap);
				if (!nb)
					return MHD_NO;
				rq->buf = nb;
				rq->cap = ncap;
			}
			memcpy(rq->buf + rq->len, upload_data, n);
			rq->len += n;
		}
		*upload_data_size = 0;
		return MHD_YES;
	}
	return finish(w, conn, rq);
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
	enum MHD_RequestTerminationCode toe)
{
	ka_req_t *rq = *con_cls;

	(void)cls;
	(void)conn;
	(void)toe;
	if (rq) {
		free(rq->buf);
		free(rq);
		*con_cls = NULL;
	}
}

static void mhd_log(void *cls, const char *fmt, va_list ap)
{
	/* libmicrohttpd's own diagnostics (TLS handshake failures, resets) are
	 * per-connection noise; the counters carry what matters. */
	(void)cls;
	(void)fmt;
	(void)ap;
}

int ka_webhook_start(ka_webhook_t **out, const ka_config_t *cfg, const char *url,
	ka_queue_t *q, ka_counters_t *c, char *err, size_t errlen)
{
	ka_webhook_t *w;
	char *host = NULL;
	unsigned port, flags;
	struct sockaddr_storage ss;
	socklen_t sl = sizeof(ss);
	bool v6 = false;
	int rc;

	*out = NULL;
	w = calloc(1, sizeof(*w));
	if (!w)
		return -ENOMEM;
	w->lfd = -1;
	w->cfg = cfg;
	w->q = q;
	w->c = c;
	rc = ka_webhook_parse_url(url, &w->tls, &host, &port, &w->path, err, errlen);
	if (rc < 0)
		goto fail;
	if (w->tls) {
		if (!cfg->ssl_cert) {
			snprintf(err, errlen, "https webhook needs init config key sslCertificate");
			rc = -EINVAL;
			goto fail;
		}
		w->cert_pem = read_pem(cfg->ssl_cert, "sslCertificate", err, errlen);
		w->key_pem = w->cert_pem ? read_pem(cfg->ssl_key ? cfg->ssl_key : cfg->ssl_cert,
			cfg->ssl_key ? "sslKey" : "sslCertificate", err, errlen) : NULL;
		if (!w->cert_pem || !w->key_pem) {
			rc = -EINVAL;
			goto fail;
		}
		if (cfg->ssl_client_ca &&
		    !(w->ca_pem = read_pem(cfg->ssl_client_ca, "sslClientCA", err, errlen))) {
			rc = -EINVAL;
			goto fail;
		}
	} else if (cfg->ssl_client_ca) {
		snprintf(err, errlen, "sslClientCA needs an https:// webhook URL");
		rc = -EINVAL;
		goto fail;
	}
	rc = bind_listen(host, port, &w->lfd, &v6, err, errlen);
	if (rc < 0)
		goto fail;
	if (getsockname(w->lfd, (struct sockaddr *)&ss, &sl) == 0)
		w->port = ntohs(ss.ss_family == AF_INET6 ? ((struct sockaddr_in6 *)&ss)->sin6_port :
			((struct sockaddr_in *)&ss)->sin_port);
	flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG |
		(v6 ? MHD_USE_IPv6 : 0) | (w->tls ? MHD_USE_TLS : 0);
	/* MHD stops reading options at the first MHD_OPTION_END, so without TLS the rest is ignored. */
	w->d = MHD_start_daemon(flags, 0, NULL, NULL, on_request, w,
		MHD_OPTION_LISTEN_SOCKET, w->lfd,
		MHD_OPTION_THREAD_POOL_SIZE, (unsigned)cfg->webhook_threads,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned)cfg->webhook_max_conns,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)cfg->webhook_conn_timeout,
		MHD_OPTION_NOTIFY_COMPLETED, on_completed, w,
		MHD_OPTION_EXTERNAL_LOGGER, mhd_log, w,
		w->tls ? MHD_OPTION_HTTPS_MEM_CERT : MHD_OPTION_END, w->cert_pem,
		MHD_OPTION_HTTPS_MEM_KEY, w->key_pem,
		MHD_OPTION_HTTPS_PRIORITIES, "NORMAL:-VERS-SSL3.0:-VERS-TLS1.0:-VERS-TLS1.1",
		w->ca_pem ? MHD_OPTION_HTTPS_MEM_TRUST : MHD_OPTION_END, w->ca_pem,
		MHD_OPTION_END);
	if (!w->d) {
		snprintf(err, errlen, "cannot start the webhook server on %s (bad certificate or key?)",
			url);
		rc = -EINVAL;
		goto fail;
	}
	w->lfd = -1; /* MHD_stop_daemon closes the listen socket it was given */
	free(host);
	*out = w;
	return 0;
fail:
	free(host);
	ka_webhook_stop(w);
	return rc;
}

void ka_webhook_stop(ka_webhook_t *w)
{
	if (!w)
		return;
	if (w->d)
		MHD_stop_daemon(w->d);
	if (w->lfd >= 0)
		close(w->lfd);
	free(w->path);
	free(w->cert_pem);
	if (w->key_pem) {
		/* private key material is wiped before release */
		explicit_bzero(w->key_pem, strlen(w->key_pem));
		free(w->key_pem);
	}
	free(w->ca_pem);
	free(w);
}

unsigned ka_webhook_port(const ka_webhook_t *w)
{
	return w ? w->port : 0;
}
