/* threads.c - bounded thread table with LRU eviction (see threads.h). */
#include "threads.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EVICT_SCAN 32

struct sk_threads {
	sk_thread_t **b;
	uint32_t nb;
	uint32_t max;
	uint32_t max_fds;
	sk_thread_t *lru_head, *lru_tail; /* head = most recent */
	sk_thread_t *dead;                /* pending removal */
	bool (*is_alive)(int64_t tid);
	sk_threads_stats_t st;
	uint64_t fd_dropped_gone;         /* drops of fd tables already freed */
};

static uint32_t slot(const sk_threads_t *t, int64_t tid)
{
	uint64_t h = (uint64_t)tid * 0x9E3779B97F4A7C15ull;
	return (uint32_t)(h >> 32) & (t->nb - 1);
}

sk_threads_t *sk_threads_new(uint32_t max_threads, uint32_t max_fds_per_proc,
	bool (*is_alive)(int64_t tid))
{
	sk_threads_t *t = calloc(1, sizeof(*t));
	if (!t)
		return NULL;
	t->max = max_threads ? max_threads : 1;
	t->max_fds = max_fds_per_proc ? max_fds_per_proc : 1;
	t->nb = 64;
	while (t->nb < t->max && t->nb < (1u << 22))
		t->nb <<= 1;
	t->b = calloc(t->nb, sizeof(*t->b));
	if (!t->b) {
		free(t);
		return NULL;
	}
	t->is_alive = is_alive;
	return t;
}

static void lru_unlink(sk_threads_t *t, sk_thread_t *th)
{
	if (th->lru_prev)
		th->lru_prev->lru_next = th->lru_next;
	else
		t->lru_head = th->lru_next;
	if (th->lru_next)
		th->lru_next->lru_prev = th->lru_prev;
	else
		t->lru_tail = th->lru_prev;
	th->lru_prev = th->lru_next = NULL;
}

static void lru_push(sk_threads_t *t, sk_thread_t *th)
{
	th->lru_prev = NULL;
	th->lru_next = t->lru_head;
	if (t->lru_head)
		t->lru_head->lru_prev = th;
	t->lru_head = th;
	if (!t->lru_tail)
		t->lru_tail = th;
}

static void free_thread(sk_threads_t *t, sk_thread_t *th)
{
	t->fd_dropped_gone += sk_fdtab_dropped(th->fds);
	sk_thread_free_detached(th);
}

/* Unlinks from the hash, LRU and dead list, then frees. */
static void destroy(sk_threads_t *t, sk_thread_t *th)
{
	sk_thread_t **pp = &t->b[slot(t, th->tid)];
	for (; *pp; pp = &(*pp)->hnext) {
		if (*pp == th) {
			*pp = th->hnext;
			break;
		}
	}
	lru_unlink(t, th);
	for (sk_thread_t **dp = &t->dead; *dp; dp = &(*dp)->dead_next) {
		if (*dp == th) {
			*dp = th->dead_next;
			break;
		}
	}
	free_thread(t, th);
	t->st.count--;
}

void sk_threads_clear(sk_threads_t *t)
{
	if (!t)
		return;
	while (t->lru_head)
		destroy(t, t->lru_head);
	t->dead = NULL;
}

void sk_threads_free(sk_threads_t *t)
{
	if (!t)
		return;
	sk_threads_clear(t);
	free(t->b);
	free(t);
}

sk_thread_t *sk_threads_peek(sk_threads_t *t, int64_t tid)
{
	for (sk_thread_t *th = t->b[slot(t, tid)]; th; th = th->hnext)
		if (th->tid == tid)
			return th;
	return NULL;
}

sk_thread_t *sk_threads_get(sk_threads_t *t, int64_t tid)
{
	sk_thread_t *th = sk_threads_peek(t, tid);
	if (th && th != t->lru_head) {
		lru_unlink(t, th);
		lru_push(t, th);
	}
	return th;
}

static void link_new(sk_threads_t *t, sk_thread_t *th)
{
	uint32_t s = slot(t, th->tid);
	th->hnext = t->b[s];
	t->b[s] = th;
	lru_push(t, th);
	th->detached = false;
	t->st.count++;
	t->st.added++;
}

static void evict_one(sk_threads_t *t)
{
	sk_thread_t *victim = NULL;
	int n = 0;
	for (sk_thread_t *th = t->lru_tail; th && n < EVICT_SCAN; th = th->lru_prev, n++) {
		if (th->dead || (t->is_alive && !t->is_alive(th->tid))) {
			victim = th;
			break;
		}
	}
	if (victim) {
		t->st.evicted_dead++;
	} else {
		victim = t->lru_tail;
		t->st.evicted_live++;
	}
	if (victim)
		destroy(t, victim);
}

sk_thread_t *sk_threads_add(sk_threads_t *t, int64_t tid)
{
	sk_thread_t *th = sk_threads_get(t, tid);
	if (th)
		return th;
	if (t->st.count >= t->max)
		evict_one(t);
	th = sk_thread_new_detached();
	if (!th) {
		t->st.alloc_failed++;
		return NULL;
	}
	th->tid = tid;
	th->pid = tid;
	link_new(t, th);
	return th;
}

static void set_defaults(sk_thread_t *th)
{
	th->ptid = -1;
	th->sid = th->vpgid = th->pgid = th->vtid = th->vpid = th->reaper_tid = -1;
	th->uid = th->gid = th->euid = th->egid = th->loginuid = UINT32_MAX;
}

sk_thread_t *sk_thread_new_detached(void)
{
	sk_thread_t *th = calloc(1, sizeof(*th));
	if (!th)
		return NULL;
	th->tid = th->pid = -1;
	set_defaults(th);
	th->detached = true;
	return th;
}

void sk_thread_free_detached(sk_thread_t *th)
{
	if (!th)
		return;
	sk_dynvals_free(th->dyn);
	for (int i = 0; i < 3; i++)
		sk_sublist_free(th->lists[i]);
	free(th->exe);
	free(th->exepath);
	free(th->args);
	free(th->cwd);
	free(th->env);
	free(th->cgroups);
	free(th->root);
	free(th->enter);
	sk_fdtab_free(th->fds);
	free(th);
}

sk_thread_t *sk_threads_attach(sk_threads_t *t, int64_t tid, sk_thread_t *th)
{
	sk_thread_t *old = sk_threads_peek(t, tid);
	if (old) {
		destroy(t, old);
		t->st.removed++;
	}
	if (t->st.count >= t->max)
		evict_one(t);
	if (t->st.count >= t->max)
		return NULL;
	th->tid = tid;
	th->detached = false;
	th->hnext = th->lru_prev = th->lru_next = th->dead_next = NULL;
	th->dead = false;
	link_new(t, th);
	return th;
}

bool sk_threads_remove(sk_threads_t *t, int64_t tid)
{
	sk_thread_t *th = sk_threads_peek(t, tid);
	if (!th)
		return false;
	destroy(t, th);
	t->st.removed++;
	return true;
}

void sk_threads_mark_dead(sk_threads_t *t, int64_t tid)
{
	sk_thread_t *th = sk_threads_peek(t, tid);
	if (!th || th->dead)
		return;
	th->dead = true;
	th->dead_next = t->dead;
	t->dead = th;
}

void sk_threads_reap(sk_threads_t *t)
{
	while (t->dead) {
		sk_thread_t *th = t->dead;
		t->dead = th->dead_next;
		th->dead_next = NULL;
		/* A leader keeps its fd table while other threads of the process live. */
		destroy(t, th);
		t->st.removed++;
	}
}

sk_thread_t *sk_thread_leader(sk_threads_t *t, sk_thread_t *th)
{
	if (th->pid == th->tid || th->pid <= 0)
		return th;
	sk_thread_t *l = sk_threads_peek(t, th->pid);
	return l ? l : th;
}

sk_fdtab_t *sk_thread_fds(sk_threads_t *t, sk_thread_t *th)
{
	sk_thread_t *owner = sk_thread_leader(t, th);
	if (!owner->fds)
		owner->fds = sk_fdtab_new(t->max_fds);
	return owner->fds;
}

sk_thread_t *sk_thread_parent(sk_threads_t *t, const sk_thread_t *th)
{
	if (th->ptid < 0 || th->ptid == th->tid)
		return NULL;
	return sk_threads_peek(t, th->ptid);
}

int sk_thread_set_str(char **dst, const char *src)
{
	char *n = strdup(src ? src : "");
	if (!n)
		return -1;
	free(*dst);
	*dst = n;
	return 0;
}

int sk_thread_set_buf(char **dst, uint32_t *dlen, const char *src, uint32_t len)
{
	char *n = malloc((size_t)len + 1);
	if (!n)
		return -1;
	if (len)
		memcpy(n, src, len);
	n[len] = 0;
	free(*dst);
	*dst = n;
	*dlen = len;
	return 0;
}

int sk_thread_mark_na(sk_thread_t *th)
{
	th->na = true;
	snprintf(th->comm, sizeof(th->comm), "%s", "<NA>");
	return sk_thread_set_str(&th->exe, "<NA>");
}

int sk_thread_inherit(sk_thread_t *dst, const sk_thread_t *src)
{
	memcpy(dst->comm, src->comm, sizeof(dst->comm));
	if (sk_thread_set_str(&dst->exe, src->exe) < 0 ||
		sk_thread_set_str(&dst->exepath, src->exepath) < 0 ||
		sk_thread_set_buf(&dst->args, &dst->args_len, src->args, src->args_len) < 0 ||
		sk_thread_set_str(&dst->cwd, src->cwd) < 0 ||
		sk_thread_set_str(&dst->root, src->root) < 0)
		return -1;
	/* The environment and cgroups are process attributes: a new thread of
	 * the same process reads them from its main thread. */
	if (dst->pid != src->pid || dst->tid == dst->pid) {
		if (sk_thread_set_buf(&dst->env, &dst->env_len, src->env, src->env_len) < 0 ||
			sk_thread_set_buf(&dst->cgroups, &dst->cgroups_len, src->cgroups,
				src->cgroups_len) < 0)
			return -1;
	}
	dst->uid = src->uid;
	dst->gid = src->gid;
	dst->euid = src->euid;
	dst->egid = src->egid;
	dst->loginuid = src->loginuid;
	dst->tty = src->tty;
	dst->sid = src->sid;
	dst->vpgid = src->vpgid;
	dst->pgid = src->pgid;
	dst->fdlimit = src->fdlimit;
	dst->cap_inheritable = src->cap_inheritable;
	dst->cap_permitted = src->cap_permitted;
	dst->cap_effective = src->cap_effective;
	dst->exe_ino = src->exe_ino;
	dst->exe_ino_ctime = src->exe_ino_ctime;
	dst->exe_ino_mtime = src->exe_ino_mtime;
	dst->exe_writable = src->exe_writable;
	dst->exe_upper_layer = src->exe_upper_layer;
	dst->exe_lower_layer = src->exe_lower_layer;
	dst->exe_from_memfd = src->exe_from_memfd;
	dst->pidns_init_start_ts = src->pidns_init_start_ts;
	return 0;
}

const sk_threads_stats_t *sk_threads_stats(const sk_threads_t *t)
{
	return &t->st;
}

static bool add_drops(void *ctx, sk_thread_t *th)
{
	*(uint64_t *)ctx += sk_fdtab_dropped(th->fds);
	return true;
}

uint64_t sk_threads_fd_dropped(const sk_threads_t *t)
{
	uint64_t n = t->fd_dropped_gone;
	sk_threads_foreach((sk_threads_t *)t, add_drops, &n);
	return n;
}

uint32_t sk_threads_max(const sk_threads_t *t)
{
	return t->max;
}

void sk_threads_foreach(sk_threads_t *t, bool (*fn)(void *ctx, sk_thread_t *th), void *ctx)
{
	for (sk_thread_t *th = t->lru_head; th;) {
		sk_thread_t *next = th->lru_next;
		if (!fn(ctx, th))
			return;
		th = next;
	}
}
