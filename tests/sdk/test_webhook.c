/* sk_webhook unit test: ephemeral port, content-type list, on_headers
 * refusal before the body, header access in on_body, conflicting
 * Content-Length, counters. The webhook serves on its own threads; this
 * thread is the client (plain sockets). */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "sk_webhook.h"
#include "../lib/sktest.h"

typedef struct seen {
	int bodies;
	char sig[64];
	char body[64];
} seen_t;

static void on_headers(void *user, const sk_webhook_req_t *req, sk_webhook_reply_t *out)
{
	(void)user;
	if (!sk_webhook_header(req, "X-Signature")) {
		out->status = 401;
		snprintf(out->text, sizeof(out->text), "signature required\n");
	}
}

static void on_body(void *user, const sk_webhook_req_t *req, const char *body, size_t len,
	sk_webhook_reply_t *out)
{
	seen_t *s = user;
	const char *sig = sk_webhook_header(req, "x-signature");

	s->bodies++;
	snprintf(s->sig, sizeof(s->sig), "%s", sig ? sig : "");
	snprintf(s->body, sizeof(s->body), "%.*s", (int)len, body);
	out->status = 202;
	snprintf(out->text, sizeof(out->text), "{\"ok\":true}");
}

/* Sends raw bytes, returns the HTTP status of the answer (0 on error). */
static int roundtrip(unsigned port, const char *req)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
	char buf[512];
	ssize_t n;
	size_t got = 0;
	int fd, status = 0;
	struct timeval tv = { 10, 0 };

	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	fd = socket(AF_INET, SOCK_STREAM, 0);
	if (fd < 0)
		return 0;
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	if (connect(fd, (struct sockaddr *)&a, sizeof(a)) == 0 &&
	    send(fd, req, strlen(req), MSG_NOSIGNAL) == (ssize_t)strlen(req)) {
		while (got < sizeof(buf) - 1 && (n = recv(fd, buf + got, sizeof(buf) - 1 - got, 0)) > 0) {
			got += (size_t)n;
			if (memchr(buf, '\n', got))
				break;
		}
		buf[got] = '\0';
		if (sscanf(buf, "HTTP/1.1 %d", &status) != 1)
			status = 0;
	}
	close(fd);
	return status;
}

int main(void)
{
	static const char *const ctypes[] = { "application/json",
		"application/x-www-form-urlencoded", NULL };
	sk_webhook_config_t c = { 0 };
	sk_webhook_t *w = NULL;
	seen_t s = { 0 };
	char err[256], req[512];
	unsigned port;
	unsigned i;

	c.url = "http://127.0.0.1:0/hook";
	c.content_types = ctypes;
	c.max_body = 1024;
	c.on_headers = on_headers;
	c.on_body = on_body;
	c.user = &s;
	CHECK(sk_webhook_start(&w, &c, err, sizeof(err)) == 0);
	if (!w) {
		fprintf(stderr, "start: %s\n", err);
		return 1;
	}
	port = sk_webhook_port(w);
	CHECK(port != 0);
	CHECK(roundtrip(port, "POST /hook HTTP/1.1\r\nHost: x\r\nX-Signature: abc\r\n"
		"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 9\r\n"
		"Connection: close\r\n\r\npayload=1") == 202);
	CHECK(s.bodies == 1 && strcmp(s.sig, "abc") == 0 && strcmp(s.body, "payload=1") == 0);
	CHECK(roundtrip(port, "POST /hook HTTP/1.1\r\nHost: x\r\nX-Signature: abc\r\n"
		"Content-Type: Application/JSON; charset=utf-8\r\nContent-Length: 2\r\n"
		"Connection: close\r\n\r\n{}") == 202);
	/* refused at the headers: the body is never read, on_body never runs */
	CHECK(roundtrip(port, "POST /hook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
		"Content-Length: 2\r\nConnection: close\r\n\r\n{}") == 401);
	CHECK(roundtrip(port, "POST /hook HTTP/1.1\r\nHost: x\r\nX-Signature: a\r\n"
		"Content-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}") == 415);
	CHECK(roundtrip(port, "POST /hook HTTP/1.1\r\nHost: x\r\nX-Signature: a\r\n"
		"Content-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 3\r\n"
		"Connection: close\r\n\r\n{}") == 400);
	snprintf(req, sizeof(req), "POST /hook HTTP/1.1\r\nHost: x\r\nX-Signature: a\r\n"
		"Content-Type: application/json\r\nContent-Length: 4096\r\nConnection: close\r\n\r\n");
	CHECK(roundtrip(port, req) == 413);
	CHECK(roundtrip(port, "GET /hook HTTP/1.1\r\nHost: x\r\nX-Signature: a\r\n"
		"Connection: close\r\n\r\n") == 405);
	CHECK(roundtrip(port, "POST /other HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n") == 404);
	CHECK(s.bodies == 2);
	sk_webhook_stop(w);
	CHECK(sk_webhook_counter(w, SK_WH_REQUESTS) == 8);
	CHECK(sk_webhook_counter(w, SK_WH_STATUS_2XX) == 2);
	CHECK(sk_webhook_counter(w, SK_WH_STATUS_4XX) == 6);
	CHECK(sk_webhook_counter(w, SK_WH_REJ_HEADERS_CB) == 1);
	CHECK(sk_webhook_counter(w, SK_WH_REJ_CTYPE) == 1);
	CHECK(sk_webhook_counter(w, SK_WH_REJ_DUP_CLEN) == 1);
	CHECK(sk_webhook_counter(w, SK_WH_REJ_TOO_LARGE) == 1);
	CHECK(sk_webhook_counter(w, SK_WH_REJ_METHOD) == 1);
	CHECK(sk_webhook_counter(w, SK_WH_REJ_NOT_FOUND) == 1);
	CHECK(sk_wguard_counter(sk_webhook_guard(w), SK_WG_ACCEPTED) == 8);
	for (i = 0; i < SK_WH_COUNT; i++)
		CHECK(strcmp(sk_webhook_counter_name(i), "?") != 0);
	sk_webhook_destroy(w);
	sk_webhook_destroy(NULL);
	/* configuration errors name the problem */
	c.url = "ftp://x/";
	CHECK(sk_webhook_start(&w, &c, err, sizeof(err)) < 0 && strstr(err, "http"));
	c.url = "http://127.0.0.1:0/hook";
	c.client_ca_file = "/nonexistent";
	CHECK(sk_webhook_start(&w, &c, err, sizeof(err)) < 0 && strstr(err, "https"));
	c.client_ca_file = NULL;
	c.body_budget = 10;
	CHECK(sk_webhook_start(&w, &c, err, sizeof(err)) < 0 && strstr(err, "budget"));
	return sktest_report("sdk_webhook");
}
