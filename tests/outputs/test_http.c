/* http_output against a real HTTP receiver (tests/outputs/receiver.py):
 * delivery, Falco JSON validity, headers, receiver down then up (retries,
 * bounded queue, drops), slow receiver (the loop keeps turning),
 * retries exhausted, rejected alerts, flush, config errors. */
#include "testutil.h"

static const char *g_script;
static char g_dir[256];
static int g_seq;

#define LBL(c) "output=\"http\",cause=\"" c "\""

static void out_path(char *buf, size_t len)
{
	snprintf(buf, len, "%s/recv%d.jsonl", g_dir, g_seq++);
}

static sk_outputs_t *new_outputs(uv_loop_t *loop, json_t *http, bool json_out)
{
	json_t *cfg = json_pack("{s:b, s:{s:b}, s:{s:b}, s:o}", "json_output", json_out,
		"stdout_output", "enabled", 0, "syslog_output", "enabled", 0, "http_output", http);
	char err[256] = "";
	sk_outputs_t *o = NULL;
	int rc = sk_outputs_new(loop, cfg, "test-host", &o, err, sizeof(err));
	CHECK(rc == 0 && o, "sk_outputs_new: %d %s", rc, err);
	json_decref(cfg);
	return o;
}

static json_t *http_cfg(unsigned port)
{
	char url[64];
	snprintf(url, sizeof(url), "http://127.0.0.1:%u/", port);
	return json_pack("{s:b, s:s}", "enabled", 1, "url", url);
}

static void emit_n(sk_outputs_t *o, int from, int n)
{
	for (int i = from; i < from + n; i++) {
		char rule[32];
		snprintf(rule, sizeof(rule), "rule-%d", i);
		sk_alert_t *a = make_alert(1700000000000000000ull + (uint64_t)i, rule,
			SK_PRIO_WARNING, "something happened", "cat /etc/shadow");
		sk_outputs_emit(o, a);
		sk_alert_free(a);
	}
}

typedef struct {
	receiver_t *r;
	size_t want;
} count_ud_t;

static bool have_count(void *ud)
{
	count_ud_t *c = ud;
	return receiver_count(c->r) >= c->want;
}

typedef struct {
	int64_t base, want;
} sent_ud_t;

static bool sent_reached(void *ud)
{
	sent_ud_t *s = ud;
	return metric("saker_outputs_sent_total", "output=\"http\"") - s->base >= s->want;
}

typedef struct {
	const char *name, *labels;
	int64_t base, want;
} metric_ud_t;

/* A counter has grown by at least want since base. */
static bool metric_reached(void *ud)
{
	metric_ud_t *m = ud;
	return metric(m->name, m->labels) - m->base >= m->want;
}

static void test_delivery(void)
{
	uv_loop_t loop;
	uv_loop_init(&loop);
	receiver_t r = { 0 };
	char out[300];
	out_path(out, sizeof(out));
	CHECK(receiver_start(&r, g_script, 0, out, NULL) == 0, "receiver");
	json_t *h = http_cfg(r.port);
	json_object_set_new(h, "user_agent", json_string("saker-test/1"));
	json_object_set_new(h, "headers", json_pack("{s:s}", "X-Saker-Test", "yes"));
	int64_t sent0 = metric("saker_outputs_sent_total", "output=\"http\"");
	sk_outputs_t *o = new_outputs(&loop, h, true);
	emit_n(o, 0, 50);
	count_ud_t c = { &r, 50 };
	CHECK(run_until(&loop, have_count, &c, 30000), "only %zu of 50 received",
		receiver_count(&r));
	json_t *recs = receiver_records(&r);
	CHECK(json_array_size(recs) == 50, "got %zu records", json_array_size(recs));
	char seen[50] = { 0 };
	size_t i;
	json_t *rec;
	json_array_foreach(recs, i, rec) {
		const char *body = json_string_value(json_object_get(rec, "body"));
		json_t *hd = json_object_get(rec, "headers");
		const char *why = falco_alert_invalid(body, true, true);
		CHECK(!why, "record %zu: %s: %s", i, why, body);
		CHECK(!strcmp(json_string_value(json_object_get(hd, "content-type")),
			      "application/json"), "content-type");
		CHECK(!strcmp(json_string_value(json_object_get(hd, "user-agent")), "saker-test/1"),
			"user-agent");
		CHECK(json_object_get(hd, "x-saker-test") &&
			      !strcmp(json_string_value(json_object_get(hd, "x-saker-test")), "yes"),
			"custom header");
		json_t *b = json_loads(body, 0, NULL);
		int n = -1;
		sscanf(json_string_value(json_object_get(b, "rule")), "rule-%d", &n);
		CHECK(n >= 0 && n < 50 && !seen[n], "rule %d unexpected or duplicated", n);
		if (n >= 0 && n < 50)
			seen[n] = 1;
		CHECK(!strcmp(json_string_value(json_object_get(b, "hostname")), "test-host"),
			"hostname");
		json_decref(b);
	}
	json_decref(recs);
	/* The receiver records before it answers: wait for the answers. */
	sent_ud_t su = { sent0, 50 };
	run_until(&loop, sent_reached, &su, 30000);
	CHECK(metric("saker_outputs_sent_total", "output=\"http\"") - sent0 == 50, "sent metric");
	CHECK(metric("saker_outputs_queue_depth", "output=\"http\"") == 0, "queue depth");
	sk_outputs_destroy(o);
	finish_loop(&loop);
	receiver_stop(&r);
}

static void test_text_body(void)
{
	uv_loop_t loop;
	uv_loop_init(&loop);
	receiver_t r = { 0 };
	char out[300];
	out_path(out, sizeof(out));
	CHECK(receiver_start(&r, g_script, 0, out, NULL) == 0, "receiver");
	sk_outputs_t *o = new_outputs(&loop, http_cfg(r.port), false);
	sk_alert_t *a = make_alert(1700000000123456789ull, "text-rule", SK_PRIO_NOTICE, "plain",
		"c");
	sk_outputs_emit(o, a);
	count_ud_t c = { &r, 1 };
	CHECK(run_until(&loop, have_count, &c, 10000), "text alert not received");
	json_t *recs = receiver_records(&r);
	json_t *rec = json_array_get(recs, 0);
	char *want = sk_alert_to_text(a, false);
	CHECK(rec && !strcmp(json_string_value(json_object_get(rec, "body")), want), "body %s",
		rec ? json_string_value(json_object_get(rec, "body")) : "-");
	CHECK(rec && !strcmp(json_string_value(json_object_get(json_object_get(rec, "headers"),
				     "content-type")), "text/plain"), "content-type");
	free(want);
	json_decref(recs);
	sk_alert_free(a);
	sk_outputs_destroy(o);
	finish_loop(&loop);
	receiver_stop(&r);
}

static void test_down_then_up(void)
{
	uv_loop_t loop;
	uv_loop_init(&loop);
	unsigned port = free_port();
	json_t *h = http_cfg(port);
	json_object_set_new(h, "max_queue", json_integer(30));
	json_object_set_new(h, "max_retries", json_integer(-1));
	json_object_set_new(h, "retry_backoff_ms", json_integer(50));
	json_object_set_new(h, "retry_backoff_max_ms", json_integer(200));
	json_object_set_new(h, "max_inflight", json_integer(2));
	int64_t sent0 = metric("saker_outputs_sent_total", "output=\"http\"");
	int64_t fail0 = metric("saker_outputs_failed_total", "output=\"http\"");
	int64_t retr0 = metric("saker_outputs_retried_total", "output=\"http\"");
	int64_t qf0 = metric("saker_outputs_dropped_total", LBL("queue_full"));
	sk_outputs_t *o = new_outputs(&loop, h, true);
	emit_n(o, 0, 40);
	/* A counted retry implies a failed attempt before it. */
	metric_ud_t rt = { "saker_outputs_retried_total", "output=\"http\"", retr0, 1 };
	CHECK(run_until(&loop, metric_reached, &rt, 30000), "no retry while the receiver is down");
	CHECK(metric("saker_outputs_sent_total", "output=\"http\"") == sent0, "sent while down");
	CHECK(metric("saker_outputs_failed_total", "output=\"http\"") > fail0, "no failure counted");
	CHECK(metric("saker_outputs_retried_total", "output=\"http\"") > retr0, "no retry counted");
	CHECK(metric("saker_outputs_dropped_total", LBL("queue_full")) - qf0 == 10,
		"queue_full drops %lld",
		(long long)(metric("saker_outputs_dropped_total", LBL("queue_full")) - qf0));
	CHECK(metric("saker_outputs_queue_depth", "output=\"http\"") == 30, "depth %lld",
		(long long)metric("saker_outputs_queue_depth", "output=\"http\""));

	receiver_t r = { 0 };
	char out[300];
	out_path(out, sizeof(out));
	CHECK(receiver_start(&r, g_script, port, out, NULL) == 0, "receiver on port %u", port);
	count_ud_t c = { &r, 30 };
	CHECK(run_until(&loop, have_count, &c, 30000), "after recovery only %zu of 30",
		receiver_count(&r));
	sent_ud_t su = { sent0, 30 };
	run_until(&loop, sent_reached, &su, 30000);
	run_for(&loop, 200);
	CHECK(receiver_count(&r) == 30, "received %zu, want exactly 30", receiver_count(&r));
	json_t *recs = receiver_records(&r);
	size_t i;
	json_t *rec;
	json_array_foreach(recs, i, rec) {
		json_t *b = json_loads(json_string_value(json_object_get(rec, "body")), 0, NULL);
		int n = -1;
		sscanf(json_string_value(json_object_get(b, "rule")), "rule-%d", &n);
		CHECK(n >= 0 && n < 30, "alert %d was beyond the queue bound", n);
		json_decref(b);
	}
	json_decref(recs);
	CHECK(metric("saker_outputs_sent_total", "output=\"http\"") - sent0 == 30, "sent metric");
	CHECK(metric("saker_outputs_queue_depth", "output=\"http\"") == 0, "depth after");
	sk_outputs_destroy(o);
	finish_loop(&loop);
	receiver_stop(&r);
}

static void tick_count(uv_timer_t *t)
{
	(*(int *)t->data)++;
}

static void test_slow_receiver(void)
{
	uv_loop_t loop;
	uv_loop_init(&loop);
	receiver_t r = { 0 };
	char out[300];
	out_path(out, sizeof(out));
	const char *extra[] = { "--delay", "2.0", NULL };
	CHECK(receiver_start(&r, g_script, 0, out, extra) == 0, "receiver");
	json_t *h = http_cfg(r.port);
	json_object_set_new(h, "max_inflight", json_integer(1));
	int64_t sent0 = metric("saker_outputs_sent_total", "output=\"http\"");
	sk_outputs_t *o = new_outputs(&loop, h, true);
	int ticks = 0;
	uv_timer_t t;
	uv_timer_init(&loop, &t);
	t.data = &ticks;
	uv_timer_start(&t, tick_count, 20, 20);
	emit_n(o, 0, 3);
	/* The receiver records a request only after its 2 s delay, just before
	 * answering: an emit that waited for the receiver would return with a
	 * record already written and a send counted. */
	CHECK(receiver_count(&r) == 0 && metric("saker_outputs_sent_total", "output=\"http\"") ==
		sent0, "emit waited for the slow receiver");
	sent_ud_t su = { sent0, 3 };
	CHECK(run_until(&loop, sent_reached, &su, 60000), "slow receiver got %zu of 3",
		receiver_count(&r));
	/* One at a time, the three answers took at least 6 s of receiver
	 * delay, during which the 20 ms timer runs ~300 times. A loop blocked
	 * on each answer turns a handful of times at most (a timer fires once
	 * per turn however late). 40 turns leaves room for a machine so loaded
	 * that the process runs only every 150 ms on average. */
	CHECK(ticks >= 40, "loop blocked: timer fired %d times while 3 slow answers came", ticks);
	CHECK(receiver_count(&r) == 3, "received %zu, want 3", receiver_count(&r));
	uv_close((uv_handle_t *)&t, NULL);
	sk_outputs_destroy(o);
	finish_loop(&loop);
	receiver_stop(&r);
}

static void test_retries_exhausted(void)
{
	uv_loop_t loop;
	uv_loop_init(&loop);
	json_t *h = http_cfg(free_port());
	json_object_set_new(h, "max_retries", json_integer(2));
	json_object_set_new(h, "retry_backoff_ms", json_integer(20));
	json_object_set_new(h, "retry_backoff_max_ms", json_integer(50));
	int64_t ex0 = metric("saker_outputs_dropped_total", LBL("retries_exhausted"));
	int64_t fail0 = metric("saker_outputs_failed_total", "output=\"http\"");
	sk_outputs_t *o = new_outputs(&loop, h, true);
	emit_n(o, 0, 5);
	metric_ud_t exu = { "saker_outputs_dropped_total", LBL("retries_exhausted"), ex0, 5 };
	run_until(&loop, metric_reached, &exu, 30000);
	CHECK(metric("saker_outputs_dropped_total", LBL("retries_exhausted")) - ex0 == 5,
		"retries_exhausted %lld",
		(long long)(metric("saker_outputs_dropped_total", LBL("retries_exhausted")) - ex0));
	CHECK(metric("saker_outputs_failed_total", "output=\"http\"") - fail0 == 15,
		"failed attempts %lld (want 5 x 3)",
		(long long)(metric("saker_outputs_failed_total", "output=\"http\"") - fail0));
	CHECK(metric("saker_outputs_queue_depth", "output=\"http\"") == 0, "depth");
	sk_outputs_destroy(o);
	finish_loop(&loop);
}

static void test_rejected(void)
{
	uv_loop_t loop;
	uv_loop_init(&loop);
	receiver_t r = { 0 };
	char out[300];
	out_path(out, sizeof(out));
	const char *extra[] = { "--status", "400", NULL };
	CHECK(receiver_start(&r, g_script, 0, out, extra) == 0, "receiver");
	int64_t rj0 = metric("saker_outputs_dropped_total", LBL("rejected"));
	int64_t retr0 = metric("saker_outputs_retried_total", "output=\"http\"");
	sk_outputs_t *o = new_outputs(&loop, http_cfg(r.port), true);
	emit_n(o, 0, 3);
	count_ud_t c = { &r, 3 };
	CHECK(run_until(&loop, have_count, &c, 30000), "rejected alerts not received");
	metric_ud_t rju = { "saker_outputs_dropped_total", LBL("rejected"), rj0, 3 };
	run_until(&loop, metric_reached, &rju, 30000);
	CHECK(metric("saker_outputs_dropped_total", LBL("rejected")) - rj0 == 3, "rejected count");
	CHECK(metric("saker_outputs_retried_total", "output=\"http\"") == retr0,
		"a 400 was retried");
	CHECK(receiver_count(&r) == 3, "resent after 400");
	sk_outputs_destroy(o);
	finish_loop(&loop);
	receiver_stop(&r);
}

static void flushed(void *ud)
{
	*(int *)ud += 1;
}

static bool flag_set(void *ud)
{
	return *(int *)ud != 0;
}

static void test_flush(void)
{
	uv_loop_t loop;
	uv_loop_init(&loop);
	receiver_t r = { 0 };
	char out[300];
	out_path(out, sizeof(out));
	const char *extra[] = { "--delay", "0.1", NULL };
	CHECK(receiver_start(&r, g_script, 0, out, extra) == 0, "receiver");
	json_t *h = http_cfg(r.port);
	json_object_set_new(h, "max_inflight", json_integer(1));
	sk_outputs_t *o = new_outputs(&loop, h, true);
	emit_n(o, 0, 5);
	int done = 0;
	/* The flush returns as soon as all 5 are delivered; its 60 s timeout
	 * only bounds a machine so loaded that attempts fail and are retried. */
	sk_outputs_flush(o, 60000, flushed, &done);
	CHECK(run_until(&loop, flag_set, &done, 70000), "flush callback not called");
	CHECK(receiver_count(&r) == 5, "flush returned with %zu of 5 delivered",
		receiver_count(&r));
	sk_outputs_destroy(o);
	finish_loop(&loop);
	receiver_stop(&r);

	/* Endpoint down: flush gives up at its timeout; destroy counts drops. */
	uv_loop_init(&loop);
	h = http_cfg(free_port());
	json_object_set_new(h, "max_retries", json_integer(-1));
	o = new_outputs(&loop, h, true);
	int64_t sd0 = metric("saker_outputs_dropped_total", LBL("shutdown"));
	emit_n(o, 0, 2);
	done = 0;
	uint64_t t0 = uv_now(&loop);
	sk_outputs_flush(o, 300, flushed, &done);
	/* Retries are endless here (max_retries -1): only the flush timeout
	 * ends the wait, so a flush that ignored it would never return. The
	 * 30 s bound only stops the test; it is not a speed check. */
	CHECK(run_until(&loop, flag_set, &done, 30000), "flush with dead endpoint never returned");
	uint64_t took = uv_now(&loop) - t0;
	CHECK(took >= 290, "flush returned after %llu ms, before its 300 ms timeout",
		(unsigned long long)took);
	CHECK(done == 1, "flush callback called %d times", done);
	sk_outputs_destroy(o);
	CHECK(metric("saker_outputs_dropped_total", LBL("shutdown")) - sd0 == 2, "shutdown drops");
	finish_loop(&loop);
}

typedef struct {
	int64_t sent0, ex0;
} outcome_ud_t;

static bool tls_outcome(void *ud)
{
	outcome_ud_t *u = ud;
	return metric("saker_outputs_sent_total", "output=\"http\"") > u->sent0 ||
	       metric("saker_outputs_dropped_total", LBL("retries_exhausted")) > u->ex0;
}

/* One delivery attempt over HTTPS; returns records received. */
static size_t tls_attempt(const char *const *rargs, json_t *h_extra, const char **cn)
{
	uv_loop_t loop;
	uv_loop_init(&loop);
	receiver_t r = { 0 };
	char out[300];
	out_path(out, sizeof(out));
	size_t got = 0;
	CHECK(receiver_start(&r, g_script, 0, out, rargs) == 0, "tls receiver");
	char url[64];
	snprintf(url, sizeof(url), "https://127.0.0.1:%u/", r.port);
	json_t *h = json_pack("{s:b, s:s, s:i, s:s, s:s}", "enabled", 1, "url", url,
		"max_retries", 0, "ca_path", "", "ca_bundle", "");
	json_object_update(h, h_extra);
	json_decref(h_extra);
	int64_t sent0 = metric("saker_outputs_sent_total", "output=\"http\"");
	int64_t ex0 = metric("saker_outputs_dropped_total", LBL("retries_exhausted"));
	sk_outputs_t *o = new_outputs(&loop, h, true);
	if (o) {
		emit_n(o, 0, 1);
		/* max_retries 0: the alert ends sent or dropped, either way counted. */
		outcome_ud_t oc = { sent0, ex0 };
		CHECK(run_until(&loop, tls_outcome, &oc, 30000), "https attempt never ended");
		got = receiver_count(&r);
		bool sent = metric("saker_outputs_sent_total", "output=\"http\"") - sent0 == 1;
		bool dropped = metric("saker_outputs_dropped_total", LBL("retries_exhausted")) - ex0 == 1;
		CHECK(got ? sent : dropped, "metrics disagree with delivery (got %zu)", got);
		json_t *recs = receiver_records(&r);
		static char cnbuf[64];
		const char *v = json_string_value(json_object_get(json_array_get(recs, 0), "client_cn"));
		snprintf(cnbuf, sizeof(cnbuf), "%s", v ? v : "");
		if (cn)
			*cn = cnbuf;
		json_decref(recs);
		sk_outputs_destroy(o);
	}
	finish_loop(&loop);
	receiver_stop(&r);
	return got;
}

static void test_tls(void)
{
	char srv_key[300], srv_crt[300], cli_key[300], cli_crt[300], cmd[2048];
	snprintf(srv_key, sizeof(srv_key), "%s/srv.key", g_dir);
	snprintf(srv_crt, sizeof(srv_crt), "%s/srv.crt", g_dir);
	snprintf(cli_key, sizeof(cli_key), "%s/cli.key", g_dir);
	snprintf(cli_crt, sizeof(cli_crt), "%s/cli.crt", g_dir);
	snprintf(cmd, sizeof(cmd),
		"openssl req -x509 -newkey rsa:2048 -nodes -keyout '%s' -out '%s' -days 2 "
		"-subj /CN=localhost -addext subjectAltName=IP:127.0.0.1 >/dev/null 2>&1 && "
		"openssl req -x509 -newkey rsa:2048 -nodes -keyout '%s' -out '%s' -days 2 "
		"-subj /CN=saker-client >/dev/null 2>&1",
		srv_key, srv_crt, cli_key, cli_crt);
	int rc = system(cmd);
	CHECK(rc == 0, "openssl req failed (%d)", rc);
	if (rc)
		return;
	const char *tls[] = { "--tls-cert", srv_crt, "--tls-key", srv_key, NULL };
	const char *mtls[] = { "--tls-cert", srv_crt, "--tls-key", srv_key, "--client-ca", cli_crt,
		NULL };
	const char *cn = NULL;
	CHECK(tls_attempt(tls, json_pack("{s:s}", "ca_cert", srv_crt), NULL) == 1,
		"https with ca_cert not delivered");
	CHECK(tls_attempt(tls, json_object(), NULL) == 0,
		"https to an untrusted self-signed cert was delivered");
	CHECK(tls_attempt(tls, json_pack("{s:b}", "insecure", 1), NULL) == 1,
		"https with insecure: true not delivered");
	CHECK(tls_attempt(mtls, json_pack("{s:s, s:b, s:s, s:s}", "ca_cert", srv_crt, "mtls", 1,
			      "client_cert", cli_crt, "client_key", cli_key), &cn) == 1,
		"mTLS delivery failed");
	CHECK(cn && !strcmp(cn, "saker-client"), "client cert CN seen by server: %s",
		cn ? cn : "-");
	CHECK(tls_attempt(mtls, json_pack("{s:s}", "ca_cert", srv_crt), NULL) == 0,
		"delivered without the client certificate the server requires");
}

static void test_echo(void)
{
	/* echo: true prints the receiver's answer on stdout. */
	uv_loop_t loop;
	uv_loop_init(&loop);
	receiver_t r = { 0 };
	char out[300], cap[300];
	out_path(out, sizeof(out));
	snprintf(cap, sizeof(cap), "%s/echo.txt", g_dir);
	CHECK(receiver_start(&r, g_script, 0, out, NULL) == 0, "receiver");
	json_t *h = http_cfg(r.port);
	json_object_set_new(h, "echo", json_true());
	int64_t sent0 = metric("saker_outputs_sent_total", "output=\"http\"");
	fflush(stdout);
	int saved = dup(1);
	int fd = open(cap, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	dup2(fd, 1);
	close(fd);
	sk_outputs_t *o = new_outputs(&loop, h, true);
	emit_n(o, 0, 1);
	sent_ud_t su = { sent0, 1 };
	CHECK(run_until(&loop, sent_reached, &su, 10000), "echo alert not sent");
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	FILE *f = fopen(cap, "r");
	char buf[256] = "";
	if (f) {
		if (!fgets(buf, sizeof(buf), f))
			buf[0] = '\0';
		fclose(f);
	}
	CHECK(!strcmp(buf, "{\"ok\":true}\n"), "echo printed '%s'", buf);
	sk_outputs_destroy(o);
	finish_loop(&loop);
	receiver_stop(&r);
}

static void expect_cfg_error(json_t *http, const char *key)
{
	uv_loop_t loop;
	uv_loop_init(&loop);
	json_t *cfg = json_pack("{s:{s:b}, s:{s:b}, s:o}", "stdout_output", "enabled", 0,
		"syslog_output", "enabled", 0, "http_output", http);
	char err[256] = "";
	sk_outputs_t *o = NULL;
	int rc = sk_outputs_new(&loop, cfg, "h", &o, err, sizeof(err));
	CHECK(rc == -EINVAL && !o, "%s: rc %d", key, rc);
	CHECK(strstr(err, key) != NULL, "error '%s' does not name %s", err, key);
	json_decref(cfg);
	finish_loop(&loop);
}

static void test_config_errors(void)
{
	json_t *h = http_cfg(1);
	json_object_set_new(h, "max_queue", json_string("lots"));
	expect_cfg_error(h, "http_output.max_queue");
	h = http_cfg(1);
	json_object_set_new(h, "url", json_string("ftp://127.0.0.1/"));
	expect_cfg_error(h, "http_output.url");
	h = http_cfg(1);
	json_object_set_new(h, "headers", json_pack("{s:s}", "Bad Name", "x"));
	expect_cfg_error(h, "http_output.headers");
	h = http_cfg(1);
	json_object_set_new(h, "headers", json_pack("[s]", "X-Ok: a\r\nInjected: b"));
	expect_cfg_error(h, "http_output.headers");
	h = http_cfg(1);
	json_object_set_new(h, "ca_cert", json_string("/nonexistent/ca.pem"));
	expect_cfg_error(h, "http_output.ca_cert");
	h = http_cfg(1);
	json_object_set_new(h, "mtls", json_true());
	json_object_set_new(h, "client_cert", json_string("/nonexistent/c.pem"));
	expect_cfg_error(h, "http_output.client_cert");
	h = http_cfg(1);
	json_object_set_new(h, "max_retries", json_integer(-5));
	expect_cfg_error(h, "http_output.max_retries");
	h = http_cfg(1);
	json_object_set_new(h, "insecure", json_string("maybe"));
	expect_cfg_error(h, "http_output.insecure");
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: %s receiver.py\n", argv[0]);
		return 2;
	}
	g_script = argv[1];
	snprintf(g_dir, sizeof(g_dir), "/tmp/sk_http_XXXXXX");
	if (!mkdtemp(g_dir)) {
		perror("mkdtemp");
		return 1;
	}
	test_config_errors();
	test_delivery();
	test_text_body();
	test_rejected();
	test_retries_exhausted();
	test_down_then_up();
	test_slow_receiver();
	test_flush();
	test_tls();
	test_echo();
	t_rm_dir(g_dir);
	return sktest_report("test_http");
}
