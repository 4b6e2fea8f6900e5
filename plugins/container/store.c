/* store.c - bounded container table and background runtime lookups. */
#include "store.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sk_sdk_util.h"

struct sk_ctr_store {
	sk_ctr_store_opts_t o;
	char *sockets[3 * SK_CTR_MAX_SOCKETS]; /* owned copies behind o.* */
	char *logdir;                          /* owned copy behind o.k8s_log_dir */
	pthread_mutex_t mu;
	pthread_cond_t work;  /* queue became non-empty / stop */
	pthread_cond_t done;  /* a lookup finished */
	pthread_t thr;
	int thr_started, stop, http_inited;
	sk_ctr_entry_t **buckets;
	size_t nbuckets, count;
	uint64_t clock;
	char (*queue)[SK_CTR_ID_MAX]; /* ring of full ids */
	size_t qhead, qlen;
	sk_ctr_stats_t stats;
};

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static size_t hash_id(const char *s)
{
	uint64_t h = 1469598103934665603ull;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return (size_t)h;
}

static sk_ctr_entry_t *find(sk_ctr_store_t *s, const char *id)
{
	for (sk_ctr_entry_t *e = s->buckets[hash_id(id) & (s->nbuckets - 1)]; e; e = e->next)
		if (strcmp(e->ref.full_id, id) == 0)
			return e;
	return NULL;
}

static void unlink_entry(sk_ctr_store_t *s, sk_ctr_entry_t *victim)
{
	sk_ctr_entry_t **pp = &s->buckets[hash_id(victim->ref.full_id) & (s->nbuckets - 1)];
	for (; *pp; pp = &(*pp)->next) {
		if (*pp == victim) {
			*pp = victim->next;
			s->count--;
			return;
		}
	}
}

static void free_entry(sk_ctr_entry_t *e)
{
	if (!e)
		return;
	sk_ctr_info_clear(&e->info);
	free(e);
}

/* Evict the least recently touched entry that no lookup is working on.
 * Returns 0 when nothing could be evicted. */
static int evict_one(sk_ctr_store_t *s)
{
	sk_ctr_entry_t *victim = NULL;
	for (size_t b = 0; b < s->nbuckets; b++)
		for (sk_ctr_entry_t *e = s->buckets[b]; e; e = e->next)
			if (!e->queued && (!victim || e->touched < victim->touched))
				victim = e;
	if (!victim)
		return 0;
	unlink_entry(s, victim);
	free_entry(victim);
	atomic_fetch_add(&s->stats.evictions, 1);
	return 1;
}

static int has_api(const sk_ctr_store_t *s, sk_ctr_type_t t)
{
	int logs = s->o.k8s_log_dir != NULL;
	switch (t) {
	case SK_CTR_DOCKER: return s->o.ndocker > 0;
	case SK_CTR_PODMAN: return s->o.npodman + s->o.ndocker > 0;
	case SK_CTR_CRIO: return s->o.ncrio > 0 || logs;
	case SK_CTR_CRI: return s->o.ncrio + s->o.ndocker > 0 || logs;
	case SK_CTR_CONTAINERD: return logs;
	default: return 0;
	}
}

static int enqueue(sk_ctr_store_t *s, sk_ctr_entry_t *e)
{
	if (s->qlen >= s->o.queue_len) {
		atomic_fetch_add(&s->stats.queue_drops, 1);
		return -ENOSPC;
	}
	memcpy(s->queue[(s->qhead + s->qlen) % s->o.queue_len], e->ref.full_id, SK_CTR_ID_MAX);
	s->qlen++;
	e->queued = 1;
	e->attempts++;
	pthread_cond_signal(&s->work);
	return 0;
}

void sk_ctr_store_touch(sk_ctr_store_t *s, const sk_ctr_ref_t *ref, int wait_ms)
{
	if (!s || ref->type == SK_CTR_HOST || !ref->full_id[0])
		return;
	pthread_mutex_lock(&s->mu);
	sk_ctr_entry_t *e = find(s, ref->full_id);
	if (e) {
		e->touched = ++s->clock;
		if (e->state == SK_CTR_ST_FAILED && !e->queued && e->attempts < s->o.max_attempts &&
		    now_ms() >= e->retry_at_ms && enqueue(s, e) == 0)
			e->state = SK_CTR_ST_PENDING;
		else if (e->state == SK_CTR_ST_PENDING && !e->queued)
			enqueue(s, e); /* an earlier enqueue was dropped */
		pthread_mutex_unlock(&s->mu);
		return;
	}
	/* Entries with a lookup queued or in flight are kept, so the table
	 * may exceed max_containers by at most queue_len + 1. */
	while (s->count >= s->o.max_containers && evict_one(s))
		;
	e = calloc(1, sizeof(*e));
	if (!e) {
		pthread_mutex_unlock(&s->mu);
		return;
	}
	e->ref = *ref;
	e->touched = ++s->clock;
	size_t b = hash_id(ref->full_id) & (s->nbuckets - 1);
	e->next = s->buckets[b];
	s->buckets[b] = e;
	s->count++;
	if (!has_api(s, ref->type)) {
		e->state = SK_CTR_ST_NONE;
		atomic_fetch_add(&s->stats.lookups_unsupported, 1);
		pthread_mutex_unlock(&s->mu);
		return;
	}
	e->state = SK_CTR_ST_PENDING;
	if (enqueue(s, e) == 0 && wait_ms > 0) {
		struct timespec dl;
		sk_sdk_deadline(&dl, CLOCK_REALTIME, (uint32_t)wait_ms);
		/* Re-find after each wake: the entry may have been evicted. */
		char id[SK_CTR_ID_MAX];
		memcpy(id, ref->full_id, sizeof(id));
		for (;;) {
			sk_ctr_entry_t *cur = find(s, id);
			if (!cur || cur->state != SK_CTR_ST_PENDING || s->stop)
				break;
			if (pthread_cond_timedwait(&s->done, &s->mu, &dl) == ETIMEDOUT) {
				atomic_fetch_add(&s->stats.wait_timeouts, 1);
				break;
			}
		}
	}
	pthread_mutex_unlock(&s->mu);
}

/* One lookup, no lock held. Returns 0 with *info filled. */
static int lookup(sk_ctr_store_t *s, const sk_ctr_ref_t *ref, sk_ctr_info_t *info)
{
	const char *const *lists[2] = {NULL, NULL};
	size_t counts[2] = {0, 0};
	int crio_first = 0;
	switch (ref->type) {
	case SK_CTR_DOCKER:
		lists[0] = s->o.docker, counts[0] = s->o.ndocker;
		break;
	case SK_CTR_PODMAN:
		lists[0] = s->o.podman, counts[0] = s->o.npodman;
		lists[1] = s->o.docker, counts[1] = s->o.ndocker;
		break;
	case SK_CTR_CRIO:
		lists[0] = s->o.crio, counts[0] = s->o.ncrio;
		crio_first = 1;
		break;
	case SK_CTR_CRI:
		lists[0] = s->o.crio, counts[0] = s->o.ncrio;
		lists[1] = s->o.docker, counts[1] = s->o.ndocker;
		crio_first = 1;
		break;
	case SK_CTR_CONTAINERD:
		break; /* gRPC only: the kubelet's log links below */
	default:
		return -ENOTSUP;
	}
	int64_t deadline = now_ms() + s->o.timeout_ms;
	char path[160], err[256];
	for (int l = 0; l < 2; l++) {
		int is_crio = crio_first && l == 0;
		if (is_crio)
			snprintf(path, sizeof(path), "/containers/%s", ref->full_id);
		else
			snprintf(path, sizeof(path), "/containers/%s/json", ref->full_id);
		for (size_t i = 0; i < counts[l]; i++) {
			int64_t left = deadline - now_ms();
			if (left <= 0)
				return -ETIMEDOUT;
			int status = 0;
			char *body = NULL;
			size_t blen = 0;
			if (sk_rt_http_get(lists[l][i], path, (int)left, s->o.max_response_bytes,
				    &status, &body, &blen, err, sizeof(err)) < 0)
				continue;
			int rc = -EPROTO;
			if (status == 200)
				rc = is_crio ? sk_rt_parse_crio(body, blen, s->o.label_max_len, info, err,
						       sizeof(err))
					     : sk_rt_parse_docker(body, blen, s->o.label_max_len, info,
						       err, sizeof(err));
			free(body);
			if (rc == 0)
				return 0;
		}
	}
	/* CRI containers (containerd has no HTTP API): pod, namespace and
	 * container name from the kubelet's log links. */
	if (s->o.k8s_log_dir && (ref->type == SK_CTR_CONTAINERD || ref->type == SK_CTR_CRI ||
				 ref->type == SK_CTR_CRIO))
		return sk_rt_k8s_log_lookup(s->o.k8s_log_dir, ref->full_id, info);
	return -ENOENT;
}

static void *lookup_main(void *arg)
{
	sk_ctr_store_t *s = arg;
	pthread_mutex_lock(&s->mu);
	while (!s->stop) {
		if (s->qlen == 0) {
			pthread_cond_wait(&s->work, &s->mu);
			continue;
		}
		char id[SK_CTR_ID_MAX];
		memcpy(id, s->queue[s->qhead], SK_CTR_ID_MAX);
		s->qhead = (s->qhead + 1) % s->o.queue_len;
		s->qlen--;
		sk_ctr_entry_t *e = find(s, id);
		if (!e)
			continue;
		sk_ctr_ref_t ref = e->ref;
		pthread_mutex_unlock(&s->mu);

		sk_ctr_info_t info;
		memset(&info, 0, sizeof(info));
		int rc = lookup(s, &ref, &info);

		pthread_mutex_lock(&s->mu);
		e = find(s, id); /* queued entries are never evicted, but be safe */
		if (e) {
			e->queued = 0;
			if (rc == 0) {
				sk_ctr_info_clear(&e->info);
				e->info = info;
				e->state = SK_CTR_ST_OK;
				memset(&info, 0, sizeof(info));
			} else {
				e->state = SK_CTR_ST_FAILED;
				e->retry_at_ms = now_ms() + s->o.retry_ms;
			}
		}
		atomic_fetch_add(rc == 0 ? &s->stats.lookups_ok : &s->stats.lookups_failed, 1);
		sk_ctr_info_clear(&info);
		pthread_cond_broadcast(&s->done);
	}
	pthread_mutex_unlock(&s->mu);
	return NULL;
}

/* The allocations made by sk_ctr_store_new, and s itself. */
static void free_store_mem(sk_ctr_store_t *s)
{
	for (size_t i = 0; i < 3 * SK_CTR_MAX_SOCKETS; i++)
		free(s->sockets[i]);
	free(s->logdir);
	free(s->buckets);
	free(s->queue);
	free(s);
}

int sk_ctr_store_new(const sk_ctr_store_opts_t *opts, sk_ctr_store_t **out, char *err,
	size_t errlen)
{
	*out = NULL;
	if (opts->ndocker > SK_CTR_MAX_SOCKETS || opts->npodman > SK_CTR_MAX_SOCKETS ||
	    opts->ncrio > SK_CTR_MAX_SOCKETS || !opts->max_containers || !opts->queue_len) {
		snprintf(err, errlen, "container store: bad limits");
		return -EINVAL;
	}
	sk_ctr_store_t *s = calloc(1, sizeof(*s));
	if (!s)
		goto nomem;
	s->o = *opts;
	size_t k = 0;
	for (size_t i = 0; i < opts->ndocker; i++)
		s->o.docker[i] = s->sockets[k++] = strdup(opts->docker[i]);
	for (size_t i = 0; i < opts->npodman; i++)
		s->o.podman[i] = s->sockets[k++] = strdup(opts->podman[i]);
	for (size_t i = 0; i < opts->ncrio; i++)
		s->o.crio[i] = s->sockets[k++] = strdup(opts->crio[i]);
	for (size_t i = 0; i < k; i++)
		if (!s->sockets[i])
			goto nomem;
	if (opts->k8s_log_dir && !(s->o.k8s_log_dir = s->logdir = strdup(opts->k8s_log_dir)))
		goto nomem;
	s->nbuckets = 64;
	while (s->nbuckets < opts->max_containers / 2)
		s->nbuckets <<= 1;
	s->buckets = calloc(s->nbuckets, sizeof(*s->buckets));
	s->queue = calloc(opts->queue_len, sizeof(*s->queue));
	if (!s->buckets || !s->queue)
		goto nomem;
	pthread_mutex_init(&s->mu, NULL);
	pthread_cond_init(&s->work, NULL);
	pthread_cond_init(&s->done, NULL);
	int rc = sk_rt_http_init(err, errlen);
	if (rc) {
		sk_ctr_store_free(s);
		return rc;
	}
	s->http_inited = 1;
	rc = pthread_create(&s->thr, NULL, lookup_main, s);
	if (rc) {
		snprintf(err, errlen, "container store: cannot start lookup thread: %s", strerror(rc));
		sk_ctr_store_free(s);
		return -rc;
	}
	s->thr_started = 1;
	*out = s;
	return 0;
nomem:
	snprintf(err, errlen, "container store: out of memory");
	if (s)
		free_store_mem(s);
	return -ENOMEM;
}

void sk_ctr_store_free(sk_ctr_store_t *s)
{
	if (!s)
		return;
	if (s->thr_started) {
		pthread_mutex_lock(&s->mu);
		s->stop = 1;
		pthread_cond_broadcast(&s->work);
		pthread_mutex_unlock(&s->mu);
		pthread_join(s->thr, NULL);
	}
	for (size_t b = 0; b < s->nbuckets; b++) {
		sk_ctr_entry_t *e = s->buckets[b];
		while (e) {
			sk_ctr_entry_t *n = e->next;
			free_entry(e);
			e = n;
		}
	}
	if (s->http_inited)
		sk_rt_http_cleanup();
	pthread_cond_destroy(&s->work);
	pthread_cond_destroy(&s->done);
	pthread_mutex_destroy(&s->mu);
	free_store_mem(s);
}

const sk_ctr_entry_t *sk_ctr_store_get(sk_ctr_store_t *s, const char *full_id)
{
	pthread_mutex_lock(&s->mu);
	sk_ctr_entry_t *e = find(s, full_id);
	if (!e)
		pthread_mutex_unlock(&s->mu);
	return e;
}

void sk_ctr_store_put(sk_ctr_store_t *s)
{
	pthread_mutex_unlock(&s->mu);
}

size_t sk_ctr_store_size(sk_ctr_store_t *s)
{
	pthread_mutex_lock(&s->mu);
	size_t n = s->count;
	pthread_mutex_unlock(&s->mu);
	return n;
}

const sk_ctr_stats_t *sk_ctr_store_stats(const sk_ctr_store_t *s)
{
	return &s->stats;
}
