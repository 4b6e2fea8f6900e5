/*
 * ghload.c - load generator for the github plugin benchmark: signed GitHub
 * deliveries over keep-alive connections, one request in flight per
 * connection, each with a unique X-GitHub-Delivery. Bodies are signed once
 * at start (HMAC-SHA256), so the client costs the same in every run.
 *
 * usage: ghload PORT SECONDS CONNECTIONS SECRET EVENT:FILE...
 * prints one JSON line: requests, status counts, elapsed, p50/p99 latency.
 */
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>

typedef struct body {
	char *data;
	size_t len;
	char event[64];
	char sig[72];
} body_t;

typedef struct worker {
	pthread_t th;
	int id;
	uint64_t n, ok, other, errors;
	double *lat;
	size_t nlat, cap;
} worker_t;

static body_t *g_bodies;
static int g_nbodies, g_port;
static double g_seconds;
static _Atomic uint64_t g_seq;

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int connect_to(void)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((uint16_t)g_port) };
	int fd = socket(AF_INET, SOCK_STREAM, 0), one = 1;

	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd < 0)
		return -1;
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	if (connect(fd, (struct sockaddr *)&a, sizeof(a)) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/* Status of one response; -1 on a connection error. */
static int read_response(int fd, char *buf, size_t cap)
{
	size_t have = 0, need = 0;
	char *end = NULL, *cl;
	ssize_t r;
	int status;

	for (;;) {
		if (!end) {
			r = read(fd, buf + have, cap - 1 - have);
			if (r <= 0)
				return -1;
			have += (size_t)r;
			buf[have] = '\0';
			end = strstr(buf, "\r\n\r\n");
			if (!end)
				continue;
			cl = strcasestr(buf, "\r\nContent-Length:");
			need = (size_t)(end + 4 - buf) + (cl ? strtoul(cl + 17, NULL, 10) : 0);
			if (need >= cap)
				return -1;
		}
		if (have >= need)
			break;
		r = read(fd, buf + have, need - have);
		if (r <= 0)
			return -1;
		have += (size_t)r;
	}
	if (sscanf(buf, "HTTP/1.%*d %d", &status) != 1)
		return -1;
	return status;
}

static void *run(void *arg)
{
	worker_t *w = arg;
	char hdr[512], resp[8192];
	struct iovec iov[2];
	int fd = connect_to(), st, k = w->id;
	double t0, end = now() + g_seconds;
	body_t *b;
	uint64_t seq;

	while (fd >= 0 && now() < end) {
		b = &g_bodies[k++ % g_nbodies];
		seq = ++g_seq;
		iov[0].iov_base = hdr;
		iov[0].iov_len = (size_t)snprintf(hdr, sizeof(hdr), "POST /github HTTP/1.1\r\n"
			"Host: 127.0.0.1\r\nUser-Agent: GitHub-Hookshot/bench\r\n"
			"Content-Type: application/json\r\nX-GitHub-Event: %s\r\n"
			"X-GitHub-Delivery: bench-%016llx\r\nX-Hub-Signature-256: %s\r\n"
			"Content-Length: %zu\r\n\r\n", b->event, (unsigned long long)seq, b->sig, b->len);
		iov[1].iov_base = b->data;
		iov[1].iov_len = b->len;
		t0 = now();
		if (writev(fd, iov, 2) != (ssize_t)(iov[0].iov_len + iov[1].iov_len) ||
		    (st = read_response(fd, resp, sizeof(resp))) < 0) {
			w->errors++;
			close(fd);
			fd = connect_to();
			continue;
		}
		if (w->nlat == w->cap) {
			w->cap = w->cap ? w->cap * 2 : 65536;
			w->lat = realloc(w->lat, w->cap * sizeof(double));
			if (!w->lat)
				break;
		}
		w->lat[w->nlat++] = now() - t0;
		w->n++;
		if (st == 200)
			w->ok++;
		else
			w->other++;
	}
	if (fd >= 0)
		close(fd);
	return NULL;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	int nconn, i;
	worker_t *ws;
	double *all, t0, el;
	size_t nall = 0;
	uint64_t n = 0, ok = 0, other = 0, errs = 0;
	unsigned char mac[EVP_MAX_MD_SIZE];
	unsigned int ml, j;

	if (argc < 6) {
		fprintf(stderr, "usage: ghload PORT SECONDS CONNECTIONS SECRET EVENT:FILE...\n");
		return 2;
	}
	g_port = atoi(argv[1]);
	g_seconds = atof(argv[2]);
	nconn = atoi(argv[3]);
	g_nbodies = argc - 5;
	g_bodies = calloc((size_t)g_nbodies, sizeof(*g_bodies));
	for (i = 0; i < g_nbodies; i++) {
		char *colon = strchr(argv[5 + i], ':');
		FILE *f;
		long sz;

		if (!colon || colon - argv[5 + i] >= 63)
			return 2;
		memcpy(g_bodies[i].event, argv[5 + i], (size_t)(colon - argv[5 + i]));
		f = fopen(colon + 1, "rb");
		if (!f || fseek(f, 0, SEEK_END) || (sz = ftell(f)) <= 0 || fseek(f, 0, SEEK_SET)) {
			fprintf(stderr, "cannot read %s\n", colon + 1);
			return 2;
		}
		g_bodies[i].data = malloc((size_t)sz);
		g_bodies[i].len = fread(g_bodies[i].data, 1, (size_t)sz, f);
		fclose(f);
		HMAC(EVP_sha256(), argv[4], (int)strlen(argv[4]), (unsigned char *)g_bodies[i].data,
			g_bodies[i].len, mac, &ml);
		strcpy(g_bodies[i].sig, "sha256=");
		for (j = 0; j < 32; j++)
			snprintf(g_bodies[i].sig + 7 + 2 * j, 3, "%02x", mac[j]);
	}
	ws = calloc((size_t)nconn, sizeof(*ws));
	t0 = now();
	for (i = 0; i < nconn; i++) {
		ws[i].id = i;
		pthread_create(&ws[i].th, NULL, run, &ws[i]);
	}
	for (i = 0; i < nconn; i++)
		pthread_join(ws[i].th, NULL);
	el = now() - t0;
	for (i = 0; i < nconn; i++)
		nall += ws[i].nlat;
	all = malloc((nall + 1) * sizeof(double));
	nall = 0;
	for (i = 0; i < nconn; i++) {
		memcpy(all + nall, ws[i].lat, ws[i].nlat * sizeof(double));
		nall += ws[i].nlat;
		n += ws[i].n;
		ok += ws[i].ok;
		other += ws[i].other;
		errs += ws[i].errors;
		free(ws[i].lat);
	}
	qsort(all, nall, sizeof(double), cmp);
	printf("{\"requests\":%llu,\"ok\":%llu,\"other_status\":%llu,\"errors\":%llu,"
	       "\"elapsed\":%.3f,\"p50_ms\":%.3f,\"p99_ms\":%.3f}\n", (unsigned long long)n,
		(unsigned long long)ok, (unsigned long long)other, (unsigned long long)errs, el,
		nall ? all[nall / 2] * 1e3 : 0.0, nall ? all[(size_t)((double)(nall - 1) * 0.99)] * 1e3 : 0.0);
	free(all);
	free(ws);
	for (i = 0; i < g_nbodies; i++)
		free(g_bodies[i].data);
	free(g_bodies);
	return 0;
}
