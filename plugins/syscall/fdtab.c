/* fdtab.c - bounded per-process fd table (see fdtab.h). */
#include "fdtab.h"

#include "ppm.h"

#include <stdlib.h>
#include <string.h>

struct sk_fdtab {
	sk_fdinfo_t **b;
	uint32_t nb;     /* power of two */
	uint32_t count;
	uint32_t max;
	uint64_t dropped;
};

static uint32_t slot(const sk_fdtab_t *t, int64_t fd)
{
	uint64_t h = (uint64_t)fd * 0x9E3779B97F4A7C15ull;
	return (uint32_t)(h >> 32) & (t->nb - 1);
}

sk_fdtab_t *sk_fdtab_new(uint32_t max_fds)
{
	sk_fdtab_t *t = calloc(1, sizeof(*t));
	if (!t)
		return NULL;
	t->nb = 16;
	t->max = max_fds ? max_fds : 1;
	t->b = calloc(t->nb, sizeof(*t->b));
	if (!t->b) {
		free(t);
		return NULL;
	}
	return t;
}

static void free_entry(sk_fdinfo_t *f)
{
	sk_dynvals_free(f->dyn);
	free(f->name);
	free(f->nameraw);
	free(f->oldname);
	free(f);
}

void sk_fdtab_free(sk_fdtab_t *t)
{
	if (!t)
		return;
	for (uint32_t i = 0; i < t->nb; i++) {
		sk_fdinfo_t *f = t->b[i];
		while (f) {
			sk_fdinfo_t *n = f->next;
			free_entry(f);
			f = n;
		}
	}
	free(t->b);
	free(t);
}

sk_fdinfo_t *sk_fdtab_get(sk_fdtab_t *t, int64_t fd)
{
	if (!t)
		return NULL;
	for (sk_fdinfo_t *f = t->b[slot(t, fd)]; f; f = f->next)
		if (f->fd == fd)
			return f;
	return NULL;
}

static void grow(sk_fdtab_t *t)
{
	uint32_t nnb = t->nb * 2;
	sk_fdinfo_t **nb = calloc(nnb, sizeof(*nb));
	if (!nb)
		return; /* keep the longer chains; still correct */
	uint32_t onb = t->nb;
	sk_fdinfo_t **ob = t->b;
	t->b = nb;
	t->nb = nnb;
	for (uint32_t i = 0; i < onb; i++) {
		sk_fdinfo_t *f = ob[i];
		while (f) {
			sk_fdinfo_t *n = f->next;
			uint32_t s = slot(t, f->fd);
			f->next = t->b[s];
			t->b[s] = f;
			f = n;
		}
	}
	free(ob);
}

sk_fdinfo_t *sk_fdtab_put(sk_fdtab_t *t, int64_t fd)
{
	if (!t)
		return NULL;
	sk_fdinfo_t *f = sk_fdtab_get(t, fd);
	if (f) {
		sk_dynvals_free(f->dyn);
		free(f->name);
		free(f->nameraw);
		free(f->oldname);
		sk_fdinfo_t *next = f->next;
		memset(f, 0, sizeof(*f));
		f->next = next;
		f->fd = fd;
		f->name = strdup("");
		return f->name ? f : NULL;
	}
	if (t->count >= t->max) {
		t->dropped++;
		return NULL;
	}
	f = calloc(1, sizeof(*f));
	if (!f) {
		t->dropped++;
		return NULL;
	}
	f->fd = fd;
	f->name = strdup("");
	if (!f->name) {
		free(f);
		t->dropped++;
		return NULL;
	}
	if (t->count + 1 > t->nb * 2)
		grow(t);
	uint32_t s = slot(t, fd);
	f->next = t->b[s];
	t->b[s] = f;
	t->count++;
	return f;
}

sk_fdinfo_t *sk_fdinfo_new_detached(void)
{
	sk_fdinfo_t *f = calloc(1, sizeof(*f));
	if (f && !(f->name = strdup(""))) {
		free(f);
		return NULL;
	}
	if (f) {
		f->fd = -1;
		f->detached = true;
	}
	return f;
}

void sk_fdinfo_free_detached(sk_fdinfo_t *f)
{
	if (f)
		free_entry(f);
}

sk_fdinfo_t *sk_fdtab_attach(sk_fdtab_t *t, int64_t fd, sk_fdinfo_t *f)
{
	if (!t || !f)
		return NULL;
	sk_fdtab_del(t, fd);
	if (t->count >= t->max) {
		t->dropped++;
		return NULL;
	}
	if (t->count + 1 > t->nb * 2)
		grow(t);
	f->fd = fd;
	f->detached = false;
	uint32_t s = slot(t, fd);
	f->next = t->b[s];
	t->b[s] = f;
	t->count++;
	return f;
}

void sk_fdtab_clear(sk_fdtab_t *t)
{
	if (!t)
		return;
	for (uint32_t i = 0; i < t->nb; i++) {
		while (t->b[i]) {
			sk_fdinfo_t *f = t->b[i];
			t->b[i] = f->next;
			free_entry(f);
		}
	}
	t->count = 0;
}

bool sk_fdtab_del(sk_fdtab_t *t, int64_t fd)
{
	if (!t)
		return false;
	sk_fdinfo_t **pp = &t->b[slot(t, fd)];
	for (; *pp; pp = &(*pp)->next) {
		if ((*pp)->fd == fd) {
			sk_fdinfo_t *f = *pp;
			*pp = f->next;
			free_entry(f);
			t->count--;
			return true;
		}
	}
	return false;
}

void sk_fdtab_close_cloexec(sk_fdtab_t *t)
{
	if (!t)
		return;
	for (uint32_t i = 0; i < t->nb; i++) {
		sk_fdinfo_t **pp = &t->b[i];
		while (*pp) {
			if ((*pp)->open_flags & SK_PPM_O_CLOEXEC) {
				sk_fdinfo_t *f = *pp;
				*pp = f->next;
				free_entry(f);
				t->count--;
			} else {
				pp = &(*pp)->next;
			}
		}
	}
}

size_t sk_fdtab_count(const sk_fdtab_t *t)
{
	return t ? t->count : 0;
}

uint64_t sk_fdtab_dropped(const sk_fdtab_t *t)
{
	return t ? t->dropped : 0;
}

static int set_str(char **dst, const char *src)
{
	char *n = strdup(src ? src : "");
	if (!n)
		return -1;
	free(*dst);
	*dst = n;
	return 0;
}

int sk_fdinfo_set_name(sk_fdinfo_t *f, const char *name)
{
	return set_str(&f->name, name);
}

int sk_fdinfo_set_nameraw(sk_fdinfo_t *f, const char *name)
{
	return set_str(&f->nameraw, name);
}

int sk_fdinfo_copy(sk_fdinfo_t *dst, const sk_fdinfo_t *src)
{
	int64_t fd = dst->fd;
	sk_fdinfo_t *next = dst->next;
	char *name = dst->name, *raw = dst->nameraw, *old = dst->oldname;
	sk_dynvals_t *dyn = dst->dyn;
	bool detached = dst->detached;
	*dst = *src;
	dst->dyn = dyn;
	dst->detached = detached;
	dst->oldname = old;
	dst->fd = fd;
	dst->next = next;
	dst->name = name;
	dst->nameraw = raw;
	if (sk_fdinfo_set_name(dst, src->name) < 0)
		return -1;
	if (src->nameraw)
		return sk_fdinfo_set_nameraw(dst, src->nameraw);
	free(dst->nameraw);
	dst->nameraw = NULL;
	return 0;
}

sk_fdtab_t *sk_fdtab_clone(const sk_fdtab_t *t)
{
	if (!t)
		return NULL;
	sk_fdtab_t *n = sk_fdtab_new(t->max);
	if (!n)
		return NULL;
	for (uint32_t i = 0; i < t->nb; i++) {
		for (const sk_fdinfo_t *f = t->b[i]; f; f = f->next) {
			sk_fdinfo_t *d = sk_fdtab_put(n, f->fd);
			if (d)
				sk_fdinfo_copy(d, f);
		}
	}
	return n;
}

void sk_fdtab_foreach(sk_fdtab_t *t, bool (*fn)(void *ctx, sk_fdinfo_t *f), void *ctx)
{
	if (!t)
		return;
	for (uint32_t i = 0; i < t->nb; i++)
		for (sk_fdinfo_t *f = t->b[i]; f; f = f->next)
			if (!fn(ctx, f))
				return;
}

char sk_fd_typechar(uint8_t kind)
{
	switch (kind) {
	case SK_FD_FILE: return 'f';
	case SK_FD_DIRECTORY: return 'd';
	case SK_FD_IPV4: return '4';
	case SK_FD_IPV6: return '6';
	case SK_FD_UNIX: return 'u';
	case SK_FD_FIFO: return 'p';
	case SK_FD_EVENT: return 'e';
	case SK_FD_SIGNALFD: return 's';
	case SK_FD_EVENTPOLL: return 'l';
	case SK_FD_INOTIFY: return 'i';
	case SK_FD_TIMERFD: return 't';
	case SK_FD_NETLINK: return 'n';
	case SK_FD_BPF: return 'b';
	case SK_FD_USERFAULTFD: return 'u';
	case SK_FD_IOURING: return 'r';
	case SK_FD_MEMFD: return 'm';
	case SK_FD_PIDFD: return 'P';
	default: return 'o';
	}
}

const char *sk_fd_typename(uint8_t kind)
{
	switch (kind) {
	case SK_FD_FILE: return "file";
	case SK_FD_DIRECTORY: return "directory";
	case SK_FD_IPV4: return "ipv4";
	case SK_FD_IPV6: return "ipv6";
	case SK_FD_UNIX: return "unix";
	case SK_FD_FIFO: return "pipe";
	case SK_FD_EVENT: return "event";
	case SK_FD_SIGNALFD: return "signalfd";
	case SK_FD_EVENTPOLL: return "eventpoll";
	case SK_FD_INOTIFY: return "inotify";
	case SK_FD_TIMERFD: return "timerfd";
	case SK_FD_NETLINK: return "netlink";
	case SK_FD_BPF: return "bpf";
	case SK_FD_USERFAULTFD: return "userfaultfd";
	case SK_FD_IOURING: return "io_uring";
	case SK_FD_MEMFD: return "memfd";
	case SK_FD_PIDFD: return "pidfd";
	default: return "unknown";
	}
}
