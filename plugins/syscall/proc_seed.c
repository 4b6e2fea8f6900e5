/* proc_seed.c - seeds the thread and fd tables from /proc at live open. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ppm.h"
#include "render.h"
#include "source.h"

#define MAX_SOCKS 65536

typedef struct sockent {
	uint64_t ino;
	bool v6, listen;
	uint8_t l4;
	uint8_t lip[16], rip[16];
	uint16_t lport, rport;
} sockent_t;

typedef struct socks {
	sockent_t *e;
	size_t n, cap;
} socks_t;

static ssize_t read_file(const char *path, char *buf, size_t cap)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	size_t got = 0;
	while (got + 1 < cap) {
		ssize_t k = read(fd, buf + got, cap - 1 - got);
		if (k <= 0)
			break;
		got += (size_t)k;
	}
	close(fd);
	buf[got] = 0;
	return (ssize_t)got;
}

static void hex_ip(const char *h, uint8_t *out, bool v6)
{
	/* /proc/net prints each 32-bit word in host order. */
	int words = v6 ? 4 : 1;
	for (int w = 0; w < words; w++) {
		unsigned int v = 0;
		sscanf(h + w * 8, "%8x", &v);
		memcpy(out + w * 4, &v, 4);
	}
}

static void load_net(socks_t *s, const char *root, const char *file, bool v6, uint8_t l4)
{
	char path[512], line[512];
	snprintf(path, sizeof(path), "%s/%s", root, file);
	FILE *fp = fopen(path, "r");
	if (!fp)
		return;
	if (!fgets(line, sizeof(line), fp)) {
		fclose(fp);
		return;
	}
	while (fgets(line, sizeof(line), fp) && s->n < MAX_SOCKS) {
		char la[64], ra[64];
		unsigned lp, rp, st;
		unsigned long ino;
		if (sscanf(line, "%*d: %63[0-9A-Fa-f]:%x %63[0-9A-Fa-f]:%x %x %*s %*s %*s %*s %*s %lu",
			la, &lp, ra, &rp, &st, &ino) != 6 || !ino)
			continue;
		if (s->n == s->cap) {
			size_t nc = s->cap ? s->cap * 2 : 256;
			sockent_t *ne = realloc(s->e, nc * sizeof(*ne));
			if (!ne)
				break;
			s->e = ne;
			s->cap = nc;
		}
		sockent_t *e = &s->e[s->n++];
		memset(e, 0, sizeof(*e));
		e->ino = ino;
		e->v6 = v6;
		e->l4 = l4;
		hex_ip(la, e->lip, v6);
		hex_ip(ra, e->rip, v6);
		e->lport = (uint16_t)lp;
		e->rport = (uint16_t)rp;
		e->listen = (l4 == SK_L4_TCP && st == 0x0A) || (l4 == SK_L4_UDP && rp == 0);
	}
	fclose(fp);
}

static const sockent_t *find_sock(const socks_t *s, uint64_t ino)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->e[i].ino == ino)
			return &s->e[i];
	return NULL;
}

/* Fills f from the /proc link of its fd (path: the link's own path). */
static void fill_fd(sk_fdinfo_t *f, const char *path, const char *link, const socks_t *socks)
{
	unsigned long long ino = 0;
	if (sscanf(link, "socket:[%llu]", &ino) == 1) {
		const sockent_t *e = find_sock(socks, ino);
		f->ino = ino;
		if (!e) {
			f->kind = SK_FD_UNIX;
			return;
		}
		char a[128], b[128], name[300];
		f->kind = e->v6 ? SK_FD_IPV6 : SK_FD_IPV4;
		f->is_v6 = e->v6;
		f->l4proto = e->l4;
		if (e->listen) {
			f->is_server = true;
			memcpy(f->sip, e->lip, 16);
			f->sport = e->lport;
			sk_fmt_ipport(name, sizeof(name), e->v6, e->lip, e->lport);
		} else {
			f->has_tuple = true;
			memcpy(f->cip, e->lip, 16);
			f->cport = e->lport;
			memcpy(f->sip, e->rip, 16);
			f->sport = e->rport;
			sk_fmt_ipport(a, sizeof(a), e->v6, f->cip, f->cport);
			sk_fmt_ipport(b, sizeof(b), e->v6, f->sip, f->sport);
			snprintf(name, sizeof(name), "%s->%s", a, b);
		}
		sk_fdinfo_set_name(f, name);
	} else if (sscanf(link, "pipe:[%llu]", &ino) == 1) {
		f->kind = SK_FD_FIFO;
		f->ino = ino;
	} else if (!strncmp(link, "anon_inode:", 11)) {
		const char *k = link + 11;
		f->kind = strstr(k, "eventfd") ? SK_FD_EVENT : strstr(k, "eventpoll") ? SK_FD_EVENTPOLL :
			strstr(k, "inotify") ? SK_FD_INOTIFY : strstr(k, "signalfd") ? SK_FD_SIGNALFD :
			strstr(k, "timerfd") ? SK_FD_TIMERFD : strstr(k, "bpf") ? SK_FD_BPF :
			strstr(k, "pidfd") ? SK_FD_PIDFD : strstr(k, "io_uring") ? SK_FD_IOURING :
			strstr(k, "userfaultfd") ? SK_FD_USERFAULTFD : SK_FD_UNSUPPORTED;
	} else if (link[0] == '/') {
		struct stat st;
		bool ok = stat(path, &st) == 0;
		f->kind = (ok && S_ISDIR(st.st_mode)) ? SK_FD_DIRECTORY : SK_FD_FILE;
		if (ok)
			f->ino = (uint64_t)st.st_ino;
		if (!strncmp(link, "/memfd:", 7)) {
			f->kind = SK_FD_MEMFD;
			sk_fdinfo_set_name(f, link + 1);
		} else {
			sk_fdinfo_set_name(f, link);
		}
	} else {
		f->kind = SK_FD_UNSUPPORTED;
		sk_fdinfo_set_name(f, link);
	}
}

static void seed_fds(sk_sys_t *s, sk_thread_t *t, const char *root, const socks_t *socks)
{
	char path[512], link[4096];
	snprintf(path, sizeof(path), "%s/%lld/fd", root, (long long)t->pid);
	DIR *d = opendir(path);
	if (!d)
		return;
	sk_fdtab_t *tab = sk_thread_fds(s->threads, t);
	struct dirent *de;
	while ((de = readdir(d))) {
		if (de->d_name[0] < '0' || de->d_name[0] > '9')
			continue;
		int64_t fd = strtoll(de->d_name, NULL, 10);
		snprintf(path, sizeof(path), "%s/%lld/fd/%s", root, (long long)t->pid, de->d_name);
		ssize_t n = readlink(path, link, sizeof(link) - 1);
		if (n < 0)
			continue;
		link[n] = 0;
		sk_fdinfo_t *f = sk_fdtab_put(tab, fd);
		if (!f)
			break;
		fill_fd(f, path, link, socks);
	}
	closedir(d);
}

sk_fdinfo_t *sk_proc_seed_fd(sk_sys_t *s, const char *root, sk_thread_t *t, int64_t fd)
{
	char path[512], link[4096];
	snprintf(path, sizeof(path), "%s/%lld/fd/%lld", root, (long long)t->pid, (long long)fd);
	ssize_t n = readlink(path, link, sizeof(link) - 1);
	if (n < 0)
		return NULL;
	link[n] = 0;
	socks_t socks = {0};
	if (!strncmp(link, "socket:[", 8)) {
		/* the process's own network namespace */
		char f[64];
		static const struct { const char *name; bool v6; uint8_t l4; } nets[] = {
			{"tcp", false, SK_L4_TCP}, {"tcp6", true, SK_L4_TCP},
			{"udp", false, SK_L4_UDP}, {"udp6", true, SK_L4_UDP},
		};
		for (size_t i = 0; i < sizeof(nets) / sizeof(nets[0]); i++) {
			snprintf(f, sizeof(f), "%lld/net/%s", (long long)t->pid, nets[i].name);
			load_net(&socks, root, f, nets[i].v6, nets[i].l4);
		}
	}
	sk_fdinfo_t *e = sk_fdtab_put(sk_thread_fds(s->threads, t), fd);
	if (e)
		fill_fd(e, path, link, &socks);
	free(socks.e);
	return e;
}

static uint64_t parse_caps(const char *status, const char *key)
{
	const char *p = strstr(status, key);
	if (!p)
		return 0;
	return strtoull(p + strlen(key), NULL, 16);
}

static void seed_thread(sk_sys_t *s, const char *root, int64_t pid, int64_t tid, char *buf,
	size_t cap)
{
	char path[512], link[4096];
	sk_thread_t *t = sk_threads_add(s->threads, tid);
	if (!t)
		return;
	t->pid = pid;
	snprintf(path, sizeof(path), "%s/%lld/task/%lld/stat", root, (long long)pid, (long long)tid);
	if (read_file(path, buf, cap) > 0) {
		char *rp = strrchr(buf, ')');
		char *lp = strchr(buf, '(');
		if (rp && lp && rp > lp) {
			snprintf(t->comm, sizeof(t->comm), "%.*s", (int)(rp - lp - 1), lp + 1);
			long long ppid = 0, pgrp = 0, sid = 0, tty = 0;
			unsigned long long start = 0;
			sscanf(rp + 2, "%*c %lld %lld %lld %lld %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d "
				"%*d %*d %*d %*d %llu", &ppid, &pgrp, &sid, &tty, &start);
			t->ptid = ppid;
			t->pgid = t->vpgid = pgrp;
			t->sid = sid;
			t->tty = (uint32_t)tty;
		}
	}
	snprintf(path, sizeof(path), "%s/%lld/status", root, (long long)pid);
	if (read_file(path, buf, cap) > 0) {
		unsigned u1, u2, g1, g2;
		const char *p = strstr(buf, "\nUid:");
		if (p && sscanf(p + 5, "%u %u", &u1, &u2) == 2) {
			t->uid = u2;
			t->euid = u2;
		}
		p = strstr(buf, "\nGid:");
		if (p && sscanf(p + 5, "%u %u", &g1, &g2) == 2)
			t->gid = t->egid = g2;
		t->cap_inheritable = parse_caps(buf, "CapInh:");
		t->cap_permitted = parse_caps(buf, "CapPrm:");
		t->cap_effective = parse_caps(buf, "CapEff:");
		p = strstr(buf, "\nNSpid:");
		if (p) {
			long long v = -1, last = -1;
			const char *q = p + 7;
			char *end;
			while ((v = strtoll(q, &end, 10)), end != q) {
				last = v;
				q = end;
			}
			t->vpid = last;
		}
		p = strstr(buf, "\nNStgid:");
		(void)p;
	}
	t->vtid = tid == pid ? t->vpid : -1;
	snprintf(path, sizeof(path), "%s/%lld/cmdline", root, (long long)pid);
	ssize_t n = read_file(path, buf, cap);
	if (n > 0) {
		size_t first = strnlen(buf, (size_t)n);
		sk_thread_set_str(&t->exe, buf);
		if ((size_t)n > first + 1)
			sk_thread_set_buf(&t->args, &t->args_len, buf + first + 1, (uint32_t)(n - (ssize_t)first - 1));
		else
			sk_thread_set_buf(&t->args, &t->args_len, "", 0);
	}
	snprintf(path, sizeof(path), "%s/%lld/exe", root, (long long)pid);
	n = readlink(path, link, sizeof(link) - 1);
	if (n > 0) {
		link[n] = 0;
		char *del = strstr(link, " (deleted)");
		if (del)
			*del = 0;
		sk_thread_set_str(&t->exepath, link);
		t->exe_from_memfd = !strncmp(link, "/memfd:", 7);
		struct stat st;
		if (stat(path, &st) == 0) {
			t->exe_ino = st.st_ino;
			t->exe_ino_ctime = (uint64_t)st.st_ctim.tv_sec * 1000000000ull + (uint64_t)st.st_ctim.tv_nsec;
			t->exe_ino_mtime = (uint64_t)st.st_mtim.tv_sec * 1000000000ull + (uint64_t)st.st_mtim.tv_nsec;
		}
	}
	snprintf(path, sizeof(path), "%s/%lld/cwd", root, (long long)pid);
	n = readlink(path, link, sizeof(link) - 2);
	if (n > 0) {
		link[n] = 0;
		if (link[n - 1] != '/') {
			link[n] = '/';
			link[n + 1] = 0;
		}
		sk_thread_set_str(&t->cwd, link);
	}
	snprintf(path, sizeof(path), "%s/%lld/root", root, (long long)pid);
	n = readlink(path, link, sizeof(link) - 1);
	if (n > 0) {
		link[n] = 0;
		sk_thread_set_str(&t->root, link);
	}
	snprintf(path, sizeof(path), "%s/%lld/limits", root, (long long)pid);
	if (read_file(path, buf, cap) > 0) {
		const char *l = strstr(buf, "Max open files");
		unsigned long long soft = 0;
		if (l && sscanf(l + strlen("Max open files"), " %llu", &soft) == 1)
			t->fdlimit = soft;
	}
	/* Environment and cgroups are per process: kept on the main thread only
	 * (fields and the threads table read them from there). */
	if (tid != pid) {
		snprintf(path, sizeof(path), "%s/%lld/loginuid", root, (long long)pid);
		if (read_file(path, buf, cap) > 0)
			t->loginuid = (uint32_t)strtoul(buf, NULL, 10);
		return;
	}
	snprintf(path, sizeof(path), "%s/%lld/environ", root, (long long)pid);
	n = read_file(path, buf, cap);
	if (n > 0)
		sk_thread_set_buf(&t->env, &t->env_len, buf, (uint32_t)n);
	snprintf(path, sizeof(path), "%s/%lld/cgroup", root, (long long)pid);
	n = read_file(path, buf, cap);
	if (n > 0) {
		/* "id:subsys:path" lines -> NUL-separated "subsys=path" */
		char *out = malloc((size_t)n + 64);
		if (out) {
			size_t o = 0;
			for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n")) {
				char *c1 = strchr(line, ':');
				char *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
				if (!c2)
					continue;
				*c2 = 0;
				int k = snprintf(out + o, (size_t)n + 64 - o, "%s=%s", c1[1] ? c1 + 1 : "unified", c2 + 1);
				if (k < 0 || (size_t)k >= (size_t)n + 64 - o)
					break;
				o += (size_t)k + 1;
			}
			sk_thread_set_buf(&t->cgroups, &t->cgroups_len, out, (uint32_t)o);
			free(out);
		}
	}
	snprintf(path, sizeof(path), "%s/%lld/loginuid", root, (long long)pid);
	if (read_file(path, buf, cap) > 0)
		t->loginuid = (uint32_t)strtoul(buf, NULL, 10);
}

bool sk_proc_seed_one(sk_sys_t *s, const char *root, int64_t tid)
{
	char path[512], buf[4096];
	snprintf(path, sizeof(path), "%s/%lld/status", root, (long long)tid);
	if (read_file(path, buf, sizeof(buf)) <= 0)
		return false;
	const char *tg = strstr(buf, "\nTgid:");
	int64_t pid = tg ? strtoll(tg + 6, NULL, 10) : tid;
	size_t cap = 1 << 16;
	char *big = malloc(cap);
	if (!big)
		return false;
	seed_thread(s, root, pid, tid, big, cap);
	free(big);
	return sk_threads_peek(s->threads, tid) != NULL;
}

int sk_proc_seed(sk_sys_t *s, const char *root, char *err, size_t errlen)
{
	DIR *d = opendir(root);
	if (!d) {
		snprintf(err, errlen, "syscall: cannot read %s: %s", root, strerror(errno));
		return -errno;
	}
	socks_t socks = {0};
	load_net(&socks, root, "self/net/tcp", false, SK_L4_TCP);
	load_net(&socks, root, "self/net/tcp6", true, SK_L4_TCP);
	load_net(&socks, root, "self/net/udp", false, SK_L4_UDP);
	load_net(&socks, root, "self/net/udp6", true, SK_L4_UDP);
	size_t cap = 1 << 17;
	char *buf = malloc(cap);
	if (!buf) {
		closedir(d);
		free(socks.e);
		return -ENOMEM;
	}
	struct dirent *de;
	while ((de = readdir(d))) {
		if (de->d_name[0] < '1' || de->d_name[0] > '9')
			continue;
		int64_t pid = strtoll(de->d_name, NULL, 10);
		char path[512];
		snprintf(path, sizeof(path), "%s/%lld/task", root, (long long)pid);
		DIR *td = opendir(path);
		if (!td)
			continue;
		struct dirent *te;
		while ((te = readdir(td))) {
			if (te->d_name[0] < '1' || te->d_name[0] > '9')
				continue;
			seed_thread(s, root, pid, strtoll(te->d_name, NULL, 10), buf, cap);
		}
		closedir(td);
		sk_thread_t *leader = sk_threads_peek(s->threads, pid);
		if (leader)
			seed_fds(s, leader, root, &socks);
	}
	closedir(d);
	free(buf);
	free(socks.e);
	return 0;
}
