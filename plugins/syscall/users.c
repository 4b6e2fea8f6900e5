/* users.c - user/group name cache (see users.h). */
#include "users.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sk_sdk_util.h"

typedef struct group_ent {
	uint32_t gid;
	char *name;
} group_ent_t;

struct sk_users {
	sk_user_t *users;
	uint32_t nusers, capu;
	group_ent_t *groups;
	uint32_t ngroups, capg;
	uint32_t max;
	uint64_t dropped;
	uint64_t refresh_ns, last_load_ns;
	char *passwd_path, *group_path;
};

sk_users_t *sk_users_new(uint32_t max_entries)
{
	sk_users_t *u = calloc(1, sizeof(*u));
	if (u)
		u->max = max_entries ? max_entries : 1;
	return u;
}

static void clear(sk_users_t *u)
{
	for (uint32_t i = 0; i < u->nusers; i++) {
		free(u->users[i].name);
		free(u->users[i].home);
		free(u->users[i].shell);
	}
	for (uint32_t i = 0; i < u->ngroups; i++)
		free(u->groups[i].name);
	u->nusers = u->ngroups = 0;
}

void sk_users_free(sk_users_t *u)
{
	if (!u)
		return;
	clear(u);
	free(u->users);
	free(u->groups);
	free(u->passwd_path);
	free(u->group_path);
	free(u);
}

static sk_user_t *find_user(sk_users_t *u, uint32_t uid)
{
	for (uint32_t i = 0; i < u->nusers; i++)
		if (u->users[i].uid == uid)
			return &u->users[i];
	return NULL;
}

static group_ent_t *find_group(sk_users_t *u, uint32_t gid)
{
	for (uint32_t i = 0; i < u->ngroups; i++)
		if (u->groups[i].gid == gid)
			return &u->groups[i];
	return NULL;
}

int sk_users_add_user(sk_users_t *u, uint32_t uid, uint32_t gid, const char *name,
	const char *home, const char *shell)
{
	sk_user_t *e = find_user(u, uid);
	if (!e) {
		if (u->nusers >= u->max) {
			u->dropped++;
			return -ENOSPC;
		}
		if (u->nusers == u->capu) {
			uint32_t nc = u->capu ? u->capu * 2 : 64;
			sk_user_t *n = realloc(u->users, nc * sizeof(*n));
			if (!n)
				return -ENOMEM;
			u->users = n;
			u->capu = nc;
		}
		e = &u->users[u->nusers++];
		memset(e, 0, sizeof(*e));
	}
	char *nn = strdup(name ? name : ""), *nh = strdup(home ? home : ""),
	     *ns = strdup(shell ? shell : "");
	if (!nn || !nh || !ns) {
		free(nn);
		free(nh);
		free(ns);
		return -ENOMEM;
	}
	free(e->name);
	free(e->home);
	free(e->shell);
	e->uid = uid;
	e->gid = gid;
	e->name = nn;
	e->home = nh;
	e->shell = ns;
	return 0;
}

int sk_users_add_group(sk_users_t *u, uint32_t gid, const char *name)
{
	group_ent_t *e = find_group(u, gid);
	if (!e) {
		if (u->ngroups >= u->max) {
			u->dropped++;
			return -ENOSPC;
		}
		if (u->ngroups == u->capg) {
			uint32_t nc = u->capg ? u->capg * 2 : 64;
			group_ent_t *n = realloc(u->groups, nc * sizeof(*n));
			if (!n)
				return -ENOMEM;
			u->groups = n;
			u->capg = nc;
		}
		e = &u->groups[u->ngroups++];
		memset(e, 0, sizeof(*e));
	}
	char *nn = strdup(name ? name : "");
	if (!nn)
		return -ENOMEM;
	free(e->name);
	e->gid = gid;
	e->name = nn;
	return 0;
}

/* Splits a colon-separated line in place; returns the number of fields. */
static int split(char *line, char **f, int max)
{
	int n = 0;
	char *p = line;
	while (n < max) {
		f[n++] = p;
		char *c = strchr(p, ':');
		if (!c)
			break;
		*c = 0;
		p = c + 1;
	}
	char *nl = strchr(f[n - 1], '\n');
	if (nl)
		*nl = 0;
	return n;
}

int sk_users_load(sk_users_t *u, const char *passwd, const char *group)
{
	const char *pp = passwd ? passwd : "/etc/passwd";
	const char *gp = group ? group : "/etc/group";
	char line[4096];
	char *f[8];
	int n = 0;

	if (pp != u->passwd_path) {
		free(u->passwd_path);
		u->passwd_path = strdup(pp);
	}
	if (gp != u->group_path) {
		free(u->group_path);
		u->group_path = strdup(gp);
	}
	u->last_load_ns = sk_sdk_now_ns(CLOCK_MONOTONIC);
	FILE *fp = fopen(pp, "r");
	if (!fp)
		return -errno;
	while (fgets(line, sizeof(line), fp)) {
		if (line[0] == '#' || split(line, f, 7) < 7)
			continue;
		if (sk_users_add_user(u, (uint32_t)strtoul(f[2], NULL, 10),
			(uint32_t)strtoul(f[3], NULL, 10), f[0], f[5], f[6]) == 0)
			n++;
	}
	fclose(fp);
	fp = fopen(gp, "r");
	if (!fp)
		return n;
	while (fgets(line, sizeof(line), fp)) {
		if (line[0] == '#' || split(line, f, 4) < 3)
			continue;
		if (sk_users_add_group(u, (uint32_t)strtoul(f[2], NULL, 10), f[0]) == 0)
			n++;
	}
	fclose(fp);
	return n;
}

void sk_users_set_refresh(sk_users_t *u, uint64_t min_interval_ns)
{
	u->refresh_ns = min_interval_ns;
}

static void maybe_reload(sk_users_t *u)
{
	if (!u->refresh_ns || !u->passwd_path)
		return;
	if (sk_sdk_now_ns(CLOCK_MONOTONIC) - u->last_load_ns < u->refresh_ns)
		return;
	char *pp = strdup(u->passwd_path), *gp = strdup(u->group_path ? u->group_path : "");
	if (pp && gp)
		sk_users_load(u, pp, gp);
	free(pp);
	free(gp);
}

const sk_user_t *sk_users_user(sk_users_t *u, uint32_t uid)
{
	sk_user_t *e = find_user(u, uid);
	if (!e) {
		maybe_reload(u);
		e = find_user(u, uid);
	}
	return e;
}

const char *sk_users_group(sk_users_t *u, uint32_t gid)
{
	group_ent_t *e = find_group(u, gid);
	if (!e) {
		maybe_reload(u);
		e = find_group(u, gid);
	}
	return e ? e->name : NULL;
}

uint64_t sk_users_dropped(const sk_users_t *u)
{
	return u->dropped;
}
