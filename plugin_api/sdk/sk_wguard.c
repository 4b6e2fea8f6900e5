/* sk_wguard.c - connection caps, absolute deadlines, dead-peer release. */
#include "sk_wguard.h"

#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <time.h>

enum { PH_HEADERS, PH_BODY, PH_RESPONDING };

/* Slots beyond max_conns absorb the accepts that race past the APC check
 * on other pool threads; they are still tracked, so still swept. */
#define WG_SLACK 64

typedef struct wg_slot {
	bool used, authed, killed;
	uint8_t phase;
	uint8_t fin_sweeps;       /* consecutive sweeps that saw the peer gone */
	int fd;
	uint8_t ip[16];
	uint64_t deadline_ms;     /* 0 = none */
	uint64_t gen;             /* bumped per connection: stale probes are ignored */
	struct wg_slot *next_free;
} wg_slot_t;

typedef struct wg_probe {
	unsigned idx;
	uint64_t gen;
	int fd;
	bool gone;
} wg_probe_t;

struct sk_wguard {
	pthread_mutex_t mu;
	sk_wguard_limits_t lim;
	wg_slot_t *slots, *free_list;
	wg_probe_t *probe;        /* sweep scratch, nslots entries (one sweeper) */
	unsigned nslots, open, unauth;
	uint64_t gen;
	_Atomic uint64_t c[SK_WG_COUNT];
};

static const char *const counter_names[SK_WG_COUNT] = {
	[SK_WG_ACCEPTED] = "connections_accepted",
	[SK_WG_REF_TOTAL] = "refused_connection_limit",
	[SK_WG_REF_PER_IP] = "refused_per_ip_limit",
	[SK_WG_REF_UNAUTH] = "refused_unauthenticated_limit",
	[SK_WG_HEADER_TIMEOUT] = "closed_header_timeout",
	[SK_WG_BODY_TIMEOUT] = "closed_body_timeout",
	[SK_WG_PEER_CLOSED] = "closed_peer_gone",
};

static uint64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

static void count(sk_wguard_t *g, enum sk_wguard_counter k)
{
	atomic_fetch_add_explicit(&g->c[k], 1, memory_order_relaxed);
}

/* IPv4 and IPv4-mapped IPv6 peers get the same 16-byte key. */
static void ip_key(const struct sockaddr *sa, uint8_t key[16])
{
	memset(key, 0, 16);
	if (sa && sa->sa_family == AF_INET) {
		key[10] = key[11] = 0xff;
		memcpy(key + 12, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, 4);
	} else if (sa && sa->sa_family == AF_INET6) {
		memcpy(key, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, 16);
	}
}

int sk_wguard_create(sk_wguard_t **out, const sk_wguard_limits_t *lim, char *err, size_t errlen)
{
	sk_wguard_t *g;
	unsigned i;

	*out = NULL;
	g = calloc(1, sizeof(*g));
	if (!g)
		return -ENOMEM;
	if (lim)
		g->lim = *lim;
	if (!g->lim.max_conns)
		g->lim.max_conns = 512;
	if (!g->lim.max_conns_per_ip)
		g->lim.max_conns_per_ip = g->lim.max_conns < 64 ? g->lim.max_conns : 64;
	if (!g->lim.max_unauth_conns)
		g->lim.max_unauth_conns = g->lim.max_conns - g->lim.max_conns / 4;
	if (!g->lim.header_timeout_ms)
		g->lim.header_timeout_ms = 5000;
	if (!g->lim.body_timeout_ms)
		g->lim.body_timeout_ms = 30000;
	if (!g->lim.keepalive_ms)
		g->lim.keepalive_ms = 30000;
	if (g->lim.max_unauth_conns > g->lim.max_conns ||
	    g->lim.max_conns_per_ip > g->lim.max_conns) {
		snprintf(err, errlen, "connection caps: per-IP (%u) and unauthenticated (%u) must "
			"not exceed the total (%u)", g->lim.max_conns_per_ip,
			g->lim.max_unauth_conns, g->lim.max_conns);
		free(g);
		return -EINVAL;
	}
	g->nslots = g->lim.max_conns + WG_SLACK;
	g->slots = calloc(g->nslots, sizeof(*g->slots));
	g->probe = calloc(g->nslots, sizeof(*g->probe));
	if (!g->slots || !g->probe) {
		free(g->slots);
		free(g->probe);
		free(g);
		return -ENOMEM;
	}
	for (i = g->nslots; i-- > 0;) {
		g->slots[i].next_free = g->free_list;
		g->free_list = &g->slots[i];
	}
	pthread_mutex_init(&g->mu, NULL);
	*out = g;
	return 0;
}

void sk_wguard_destroy(sk_wguard_t *g)
{
	if (!g)
		return;
	pthread_mutex_destroy(&g->mu);
	free(g->slots);
	free(g->probe);
	free(g);
}

const sk_wguard_limits_t *sk_wguard_limits(const sk_wguard_t *g)
{
	return &g->lim;
}

unsigned sk_wguard_mhd_limit(const sk_wguard_t *g)
{
	return g->nslots;
}

static unsigned ip_count(const sk_wguard_t *g, const uint8_t key[16])
{
	unsigned i, n = 0;

	/* a scan of at most a few hundred slots per accept: cheaper than
	 * keeping a hash table consistent with MHD's failure paths */
	for (i = 0; i < g->nslots; i++)
		if (g->slots[i].used && memcmp(g->slots[i].ip, key, 16) == 0)
			n++;
	return n;
}

enum MHD_Result sk_wguard_apc(void *cls, const struct sockaddr *addr, socklen_t addrlen)
{
	sk_wguard_t *g = cls;
	enum sk_wguard_counter why = SK_WG_COUNT;
	uint8_t key[16];

	(void)addrlen;
	ip_key(addr, key);
	pthread_mutex_lock(&g->mu);
	if (g->open >= g->lim.max_conns)
		why = SK_WG_REF_TOTAL;
	else if (g->unauth >= g->lim.max_unauth_conns)
		why = SK_WG_REF_UNAUTH;
	else if (ip_count(g, key) >= g->lim.max_conns_per_ip)
		why = SK_WG_REF_PER_IP;
	pthread_mutex_unlock(&g->mu);
	if (why == SK_WG_COUNT)
		return MHD_YES;
	count(g, why);
	return MHD_NO;
}

static wg_slot_t *slot_of(struct MHD_Connection *c)
{
	const union MHD_ConnectionInfo *ci;

	ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	return ci ? ci->socket_context : NULL;
}

void sk_wguard_notify(void *cls, struct MHD_Connection *c, void **socket_context,
	enum MHD_ConnectionNotificationCode code)
{
	sk_wguard_t *g = cls;
	const union MHD_ConnectionInfo *fi, *ai;
	enum sk_wguard_counter why = SK_WG_COUNT;
	wg_slot_t *s;

	if (code == MHD_CONNECTION_NOTIFY_STARTED) {
		fi = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
		ai = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
		pthread_mutex_lock(&g->mu);
		s = g->free_list;
		if (s && fi) {
			g->free_list = s->next_free;
			memset(s, 0, sizeof(*s));
			s->gen = ++g->gen;
			s->used = true;
			s->fd = fi->connect_fd;
			ip_key(ai ? ai->client_addr : NULL, s->ip);
			s->phase = PH_HEADERS;
			s->deadline_ms = now_ms() + g->lim.header_timeout_ms;
			g->open++;
			g->unauth++;
			*socket_context = s;
			/* the APC check and this count are not atomic across pool
			 * threads: a racing accept past a cap is shut down here */
			why = g->open > g->lim.max_conns ? SK_WG_REF_TOTAL :
				g->unauth > g->lim.max_unauth_conns ? SK_WG_REF_UNAUTH :
				ip_count(g, s->ip) > g->lim.max_conns_per_ip ? SK_WG_REF_PER_IP :
				SK_WG_COUNT;
			if (why != SK_WG_COUNT) {
				s->killed = true;
				shutdown(s->fd, SHUT_RDWR);
				count(g, why);
			}
		} else if (fi) {
			/* more racing accepts than slack: refuse this one */
			shutdown(fi->connect_fd, SHUT_RDWR);
			count(g, SK_WG_REF_TOTAL);
		}
		pthread_mutex_unlock(&g->mu);
		if (*socket_context && why == SK_WG_COUNT)
			count(g, SK_WG_ACCEPTED);
		return;
	}
	s = *socket_context;
	if (!s)
		return;
	/* MHD notifies CLOSED before it closes the fd, so under the mutex the
	 * sweep never shuts down a reused descriptor */
	pthread_mutex_lock(&g->mu);
	if (!s->authed)
		g->unauth--;
	g->open--;
	s->used = false;
	s->next_free = g->free_list;
	g->free_list = s;
	pthread_mutex_unlock(&g->mu);
	*socket_context = NULL;
}

static void set_phase(sk_wguard_t *g, struct MHD_Connection *c, int phase)
{
	wg_slot_t *s = slot_of(c);

	if (!s)
		return;
	pthread_mutex_lock(&g->mu);
	s->phase = (uint8_t)phase;
	s->fin_sweeps = 0;
	if (phase == PH_BODY)
		s->deadline_ms = now_ms() + g->lim.body_timeout_ms;
	else if (phase == PH_RESPONDING)
		s->deadline_ms = 0;
	else
		s->deadline_ms = now_ms() +
			(s->authed ? g->lim.keepalive_ms : g->lim.header_timeout_ms);
	pthread_mutex_unlock(&g->mu);
}

void sk_wguard_headers_in(sk_wguard_t *g, struct MHD_Connection *c)
{
	set_phase(g, c, PH_BODY);
}

void sk_wguard_body_in(sk_wguard_t *g, struct MHD_Connection *c)
{
	set_phase(g, c, PH_RESPONDING);
}

void sk_wguard_request_end(sk_wguard_t *g, struct MHD_Connection *c)
{
	set_phase(g, c, PH_HEADERS);
}

void sk_wguard_auth(sk_wguard_t *g, struct MHD_Connection *c)
{
	wg_slot_t *s = slot_of(c);

	if (!s)
		return;
	pthread_mutex_lock(&g->mu);
	if (!s->authed) {
		s->authed = true;
		g->unauth--;
	}
	pthread_mutex_unlock(&g->mu);
}

/* The peer sent FIN (CLOSE_WAIT) and MHD has read everything: a request
 * still waiting for bytes can never complete. */
static bool peer_gone(int fd)
{
	struct tcp_info ti;
	socklen_t tl = sizeof(ti);
	int unread = 0;

	if (getsockopt(fd, IPPROTO_TCP, TCP_INFO, &ti, &tl) != 0)
		return false;
	if (ti.tcpi_state != TCP_CLOSE_WAIT && ti.tcpi_state != TCP_CLOSE)
		return false;
	return ioctl(fd, FIONREAD, &unread) == 0 && unread == 0;
}

static void kill_slot(sk_wguard_t *g, wg_slot_t *s, enum sk_wguard_counter why)
{
	s->killed = true;
	shutdown(s->fd, SHUT_RDWR);
	count(g, why);
}

unsigned sk_wguard_sweep(sk_wguard_t *g)
{
	uint64_t now = now_ms();
	unsigned i, k, nprobe = 0, n = 0;
	wg_slot_t *s;

	/* pass 1, under the mutex: deadlines, and which sockets to probe */
	pthread_mutex_lock(&g->mu);
	for (i = 0; i < g->nslots; i++) {
		s = &g->slots[i];
		if (!s->used || s->killed)
			continue;
		if (s->deadline_ms && now >= s->deadline_ms) {
			kill_slot(g, s, s->phase == PH_BODY ? SK_WG_BODY_TIMEOUT :
				SK_WG_HEADER_TIMEOUT);
			n++;
		} else if (s->phase != PH_RESPONDING) {
			g->probe[nprobe++] = (wg_probe_t){ i, s->gen, s->fd, false };
		}
	}
	pthread_mutex_unlock(&g->mu);
	/* pass 2, unlocked: two syscalls per socket must not stall accepts; a
	 * descriptor reused meanwhile is harmless to query, the generation
	 * check below ignores it */
	for (k = 0; k < nprobe; k++)
		g->probe[k].gone = peer_gone(g->probe[k].fd);
	pthread_mutex_lock(&g->mu);
	for (k = 0; k < nprobe; k++) {
		s = &g->slots[g->probe[k].idx];
		if (!s->used || s->killed || s->gen != g->probe[k].gen || s->phase == PH_RESPONDING)
			continue;
		/* two sweeps apart, so bytes that raced the check (TLS records
		 * MHD is still decrypting) are not mistaken for a dead peer */
		if (!g->probe[k].gone) {
			s->fin_sweeps = 0;
		} else if (++s->fin_sweeps >= 2) {
			kill_slot(g, s, SK_WG_PEER_CLOSED);
			n++;
		}
	}
	pthread_mutex_unlock(&g->mu);
	return n;
}

uint64_t sk_wguard_counter(const sk_wguard_t *g, enum sk_wguard_counter k)
{
	return g ? atomic_load_explicit(&((sk_wguard_t *)g)->c[k], memory_order_relaxed) : 0;
}

const char *sk_wguard_counter_name(enum sk_wguard_counter k)
{
	return k < SK_WG_COUNT ? counter_names[k] : "?";
}

unsigned sk_wguard_open(const sk_wguard_t *g)
{
	unsigned n;

	if (!g)
		return 0;
	pthread_mutex_lock(&((sk_wguard_t *)g)->mu);
	n = g->open;
	pthread_mutex_unlock(&((sk_wguard_t *)g)->mu);
	return n;
}

unsigned sk_wguard_unauth(const sk_wguard_t *g)
{
	unsigned n;

	if (!g)
		return 0;
	pthread_mutex_lock(&((sk_wguard_t *)g)->mu);
	n = g->unauth;
	pthread_mutex_unlock(&((sk_wguard_t *)g)->mu);
	return n;
}

typedef struct clen_scan {
	const char *first;
	bool differ;
} clen_scan_t;

static enum MHD_Result clen_cb(void *cls, enum MHD_ValueKind kind, const char *key,
	const char *value)
{
	clen_scan_t *cs = cls;

	(void)kind;
	if (!key || strcasecmp(key, MHD_HTTP_HEADER_CONTENT_LENGTH) != 0)
		return MHD_YES;
	if (!cs->first)
		cs->first = value ? value : "";
	else if (strcmp(cs->first, value ? value : "") != 0)
		cs->differ = true;
	return cs->differ ? MHD_NO : MHD_YES;
}

bool sk_wguard_dup_content_length(struct MHD_Connection *c)
{
	clen_scan_t cs = { NULL, false };

	MHD_get_connection_values(c, MHD_HEADER_KIND, clen_cb, &cs);
	return cs.differ;
}

/* Used by the TLS certificate callback (sk_webhook_tls.c) to find the
 * webhook a handshaking connection belongs to. */
int sk__wguard_has_fd(const sk_wguard_t *g, int fd)
{
	sk_wguard_t *m = (sk_wguard_t *)g;
	unsigned i;
	int found = 0;

	pthread_mutex_lock(&m->mu);
	for (i = 0; i < m->nslots && !found; i++)
		found = m->slots[i].used && m->slots[i].fd == fd;
	pthread_mutex_unlock(&m->mu);
	return found;
}
