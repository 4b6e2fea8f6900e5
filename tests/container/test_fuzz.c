/*
 * test_fuzz.c - bad input never crashes the container plugin's parsers:
 * seeded random mutations of cgroup texts, Docker / CRI-O inspect
 * documents and HTTP answers (served on a unix socket to sk_rt_http_get,
 * chunked encoding included). Meant to run under ASan/UBSan as well.
 * Also checks that well-formed chunked answers decode exactly.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "cgroup.h"
#include "runtime.h"

#include "../lib/sktest.h"

static uint64_t g_rng = 0x9e3779b97f4a7c15ull;
static uint32_t rnd(void)
{
	g_rng ^= g_rng << 13;
	g_rng ^= g_rng >> 7;
	g_rng ^= g_rng << 17;
	return (uint32_t)g_rng;
}

/* Mutate src into dst (cap bytes); returns the new length. */
static size_t mutate(const char *src, size_t n, char *dst, size_t cap)
{
	size_t len = n < cap ? n : cap;
	memcpy(dst, src, len);
	int edits = 1 + (int)(rnd() % 8);
	for (int i = 0; i < edits && len > 0; i++) {
		size_t at = rnd() % len;
		switch (rnd() % 5) {
		case 0: dst[at] = (char)rnd(); break;                     /* flip */
		case 1: len = at; break;                                   /* truncate */
		case 2: memmove(dst + at, dst + at + 1, len - at - 1); len--; break; /* delete */
		case 3: /* insert a structural character */
			if (len < cap) {
				memmove(dst + at + 1, dst + at, len - at);
				dst[at] = "{}[]\":,\\\n/0x"[rnd() % 13];
				len++;
			}
			break;
		case 4: { /* duplicate a slice */
			size_t b = rnd() % len, k = rnd() % 16;
			if (b + k <= len && len + k <= cap) {
				memmove(dst + at + k, dst + at, len - at);
				memmove(dst + at, dst + b, k);
				len += k;
			}
			break;
		}
		}
	}
	return len;
}

static const char k_docker[] =
	"{\"Id\":\"abc\",\"Name\":\"/web\",\"Image\":\"sha256:0123456789abcdef\","
	"\"State\":{\"StartedAt\":\"2024-05-01T10:00:01.25+02:00\"},"
	"\"Config\":{\"Image\":\"reg:5000/a/b:1@sha256:ff\",\"Labels\":{\"a\":\"b\",\"n\":1}},"
	"\"HostConfig\":{\"Privileged\":true,\"PidMode\":\"host\"},"
	"\"NetworkSettings\":{\"IPAddress\":\"1.2.3.4\"},"
	"\"Mounts\":[{\"Source\":\"/s\",\"Destination\":\"/d\",\"Mode\":\"ro\",\"RW\":false},7,null]}";
static const char k_crio[] =
	"{\"name\":\"n\",\"image\":\"i:t\",\"image_ref\":\"sha256:aa\",\"created_time\":5,"
	"\"ip_addresses\":[\"10.0.0.1\"],\"labels\":{\"io.kubernetes.pod.name\":\"p\"},"
	"\"annotations\":{\"io.kubernetes.cri-o.Volumes\":\"[{\\\"container_path\\\":\\\"/d\\\"},3]\"}}";
static const char k_cgroup[] =
	"12:pids:/docker/3ad7b26ded6d8e7b23da7d48fe889434573036c27ae5a74837233de441c3601e\n"
	"0::/kubepods.slice/kubepods-pod1.slice/crio-3ad7b26ded6d8e7b23da7d48fe889434573036c27ae5a74837233de441c3601e.scope\n"
	"cpu=/lxc.payload.x libpod-conmon-aa /lxc/";

static void fuzz_parsers(int rounds)
{
	char buf[4096];
	for (int i = 0; i < rounds; i++) {
		sk_ctr_info_t info;
		char err[256];
		size_t n = mutate(k_docker, sizeof(k_docker) - 1, buf, sizeof(buf));
		if (sk_rt_parse_docker(buf, n, 10, &info, err, sizeof(err)) == 0)
			sk_ctr_info_clear(&info);
		n = mutate(k_crio, sizeof(k_crio) - 1, buf, sizeof(buf));
		if (sk_rt_parse_crio(buf, n, 0, &info, err, sizeof(err)) == 0)
			sk_ctr_info_clear(&info);
		n = mutate(k_cgroup, sizeof(k_cgroup) - 1, buf, sizeof(buf));
		sk_ctr_ref_t r;
		char id[SK_CTR_ID_MAX];
		sk_ctr_from_cgroups(buf, n, &r);
		sk_ctr_short_id(&r, id);
		CHECK(strlen(r.full_id) < SK_CTR_ID_MAX, "id bound");
		buf[n < sizeof(buf) ? n : sizeof(buf) - 1] = '\0';
		char *repo, *tag, *dig;
		if (sk_rt_split_image(buf, &repo, &tag, &dig) == 0) {
			free(repo);
			free(tag);
			free(dig);
		}
		(void)sk_rt_parse_time(buf);
	}
}

/* ---- HTTP answers on a unix socket -------------------------------------- */

typedef struct srv {
	int lfd;
	int rounds;
	const char *fixed; /* when set, answer exactly this */
} srv_t;

static const char k_http_ok[] =
	"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
	"5\r\n{\"a\":\r\n4\r\n 12}\r\n0\r\n\r\n";

static void *serve(void *arg)
{
	srv_t *s = arg;
	char req[2048], buf[2048];
	for (int i = 0; i < s->rounds; i++) {
		int fd = accept(s->lfd, NULL, NULL);
		if (fd < 0)
			break;
		ssize_t r = read(fd, req, sizeof(req)); /* the request; content ignored */
		(void)r;
		const char *out = s->fixed ? s->fixed : buf;
		size_t n = s->fixed ? strlen(s->fixed)
				    : mutate(k_http_ok, sizeof(k_http_ok) - 1, buf, sizeof(buf));
		ssize_t w = write(fd, out, n);
		(void)w;
		close(fd);
	}
	return NULL;
}

static void fuzz_http(const char *dir, int rounds)
{
	char path[100];
	snprintf(path, sizeof(path), "%.80s/fuzz.sock", dir);
	int lfd = socket(AF_UNIX, SOCK_STREAM, 0);
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	snprintf(sa.sun_path, sizeof(sa.sun_path), "%s", path);
	unlink(path);
	if (bind(lfd, (struct sockaddr *)&sa, sizeof(sa)) || listen(lfd, 16)) {
		CHECK(0, "bind %s: %s", path, strerror(errno));
		return;
	}
	/* A well-formed chunked answer decodes exactly. */
	srv_t s = {lfd, 1, k_http_ok};
	pthread_t t;
	pthread_create(&t, NULL, serve, &s);
	int status = 0;
	char *body = NULL, err[256];
	size_t blen = 0;
	int rc = sk_rt_http_get(path, "/containers/x/json", 2000, 1 << 20, &status, &body, &blen,
		err, sizeof(err));
	pthread_join(t, NULL);
	CHECK(rc == 0 && status == 200 && body && strcmp(body, "{\"a\": 12}") == 0,
		"chunked decode: rc=%d status=%d body=%s err=%s", rc, status, body ? body : "(null)",
		rc ? err : "");
	free(body);

	/* An answer over the size limit is refused. */
	static char big[8192];
	snprintf(big, sizeof(big), "HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n");
	size_t hl = strlen(big);
	memset(big + hl, 'x', 5000);
	big[hl + 5000] = '\0';
	s = (srv_t){lfd, 1, big};
	pthread_create(&t, NULL, serve, &s);
	rc = sk_rt_http_get(path, "/c", 2000, 1024, &status, &body, &blen, err, sizeof(err));
	pthread_join(t, NULL);
	CHECK(rc == -EMSGSIZE, "size limit: rc=%d", rc);
	if (rc == 0)
		free(body);

	/* Mutated answers: any result but a crash or a leak. */
	s = (srv_t){lfd, rounds, NULL};
	pthread_create(&t, NULL, serve, &s);
	int ok = 0;
	for (int i = 0; i < rounds; i++) {
		rc = sk_rt_http_get(path, "/containers/x/json", 2000, 1 << 20, &status, &body, &blen,
			err, sizeof(err));
		if (rc == 0) {
			ok++;
			CHECK(body && strlen(body) <= blen, "body length");
			free(body);
		} else {
			CHECK(err[0], "error text for rc %d", rc);
		}
	}
	pthread_join(t, NULL);
	close(lfd);
	unlink(path);
	printf("http fuzz: %d/%d answers accepted\n", ok, rounds);
}

int main(void)
{
	char dir[] = "/tmp/sk-ctr-fuzz-XXXXXX";
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	/* SK_FUZZ_ROUNDS / SK_FUZZ_SEED widen a run by hand; CI uses the defaults. */
	const char *r = getenv("SK_FUZZ_ROUNDS"), *sd = getenv("SK_FUZZ_SEED");
	int rounds = r ? atoi(r) : 20000;
	if (sd && strtoull(sd, NULL, 0))
		g_rng = strtoull(sd, NULL, 0);
	fuzz_parsers(rounds > 0 ? rounds : 20000);
	char err[256];
	if (sk_rt_http_init(err, sizeof(err)) != 0) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	fuzz_http(dir, rounds > 0 && rounds < 400 ? rounds : 400);
	sk_rt_http_cleanup();
	rmdir(dir);
	printf("fuzz: %d failures\n", failures);
	return failures ? 1 : 0;
}
