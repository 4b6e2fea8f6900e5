/* ct_ckpt.c - checkpoint file and eventID de-duplication window. */
#include "ct_ckpt.h"

#include <errno.h>
#include <inttypes.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

uint64_t sk__ct_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

uint64_t ct_dedup_hash(const char *id, size_t len)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)id[i];
		h *= 0x100000001b3ULL;
	}
	return h ? h : 1; /* 0 marks an empty slot */
}

int ct_dedup_init(ct_dedup_t *d, size_t window)
{
	size_t n = 16;

	memset(d, 0, sizeof(*d));
	if (!window)
		return 0;
	while (n < window * 2)
		n *= 2;
	d->slots = calloc(n, sizeof(*d->slots));
	d->ring = calloc(window, sizeof(*d->ring));
	if (!d->slots || !d->ring) {
		ct_dedup_free(d);
		return -ENOMEM;
	}
	d->mask = n - 1;
	d->cap = window;
	return 0;
}

void ct_dedup_free(ct_dedup_t *d)
{
	if (!d)
		return;
	free(d->slots);
	free(d->ring);
	memset(d, 0, sizeof(*d));
}

static size_t find(const ct_dedup_t *d, uint64_t h)
{
	size_t i = (size_t)(h ^ (h >> 29)) & d->mask;

	while (d->slots[i] && d->slots[i] != h)
		i = (i + 1) & d->mask;
	return i;
}

/* Backward-shift deletion keeps linear probing chains intact without
 * tombstones. */
static void erase(ct_dedup_t *d, uint64_t h)
{
	size_t i = find(d, h), j, k;

	if (!d->slots[i])
		return;
	d->slots[i] = 0;
	j = i;
	for (;;) {
		j = (j + 1) & d->mask;
		if (!d->slots[j])
			return;
		k = (size_t)(d->slots[j] ^ (d->slots[j] >> 29)) & d->mask;
		if ((j > i && (k <= i || k > j)) || (j < i && (k <= i && k > j))) {
			d->slots[i] = d->slots[j];
			d->slots[j] = 0;
			i = j;
		}
	}
}

static int add_hash(ct_dedup_t *d, uint64_t h)
{
	size_t i;

	if (!d->cap)
		return 0;
	i = find(d, h);
	if (d->slots[i])
		return 1;
	if (d->count == d->cap) {
		erase(d, d->ring[d->head]);
		d->head = (d->head + 1) % d->cap;
		d->count--;
		i = find(d, h);
	}
	d->slots[i] = h;
	d->ring[(d->head + d->count) % d->cap] = h;
	d->count++;
	return 0;
}

int ct_dedup_check_add(ct_dedup_t *d, const char *id, size_t len)
{
	return add_hash(d, ct_dedup_hash(id, len));
}

int ct_ckpt_open(ct_ckpt_t *c, const char *path, const char *source, size_t dedup_window,
	char *err, size_t errlen)
{
	json_t *sources, *mine, *ids, *v;
	json_error_t je;
	size_t i;
	int rc;

	memset(c, 0, sizeof(*c));
	pthread_mutex_init(&c->mu, NULL);
	c->mu_init = true;
	if ((rc = ct_dedup_init(&c->dedup, dedup_window)) < 0) {
		snprintf(err, errlen, "out of memory");
		return rc;
	}
	c->source = strdup(source);
	c->path = path && *path ? strdup(path) : NULL;
	if (!c->source || (path && *path && !c->path))
		goto nomem;
	if (c->path && access(c->path, F_OK) == 0) {
		c->root = json_load_file(c->path, 0, &je);
		if (!c->root || !json_is_object(c->root)) {
			snprintf(err, errlen, "checkpoint_file %s is not a saker checkpoint: %s "
				"(line %d); move it away to start over", c->path,
				c->root ? "not an object" : je.text, je.line);
			ct_ckpt_close(c);
			return -EINVAL;
		}
	} else if (c->path && errno != ENOENT) {
		snprintf(err, errlen, "checkpoint_file %s: %s", c->path, strerror(errno));
		ct_ckpt_close(c);
		return -errno;
	}
	if (!c->root && !(c->root = json_pack("{s:i,s:{}}", "version", 1, "sources")))
		goto nomem;
	sources = json_object_get(c->root, "sources");
	if (!json_is_object(sources)) {
		if (json_object_set_new(c->root, "sources", json_object()) < 0)
			goto nomem;
		sources = json_object_get(c->root, "sources");
	}
	mine = json_object_get(sources, source);
	if (!json_is_object(mine)) {
		if (json_object_set_new(sources, source, json_object()) < 0)
			goto nomem;
		mine = json_object_get(sources, source);
	}
	c->objects = json_object_get(mine, "objects");
	if (!json_is_object(c->objects)) {
		if (json_object_set_new(mine, "objects", json_object()) < 0)
			goto nomem;
		c->objects = json_object_get(mine, "objects");
	}
	ids = json_object_get(mine, "event_ids");
	json_array_foreach(ids, i, v) {
		const char *hx = json_string_value(v);
		uint64_t h;

		if (hx && sscanf(hx, "%16" SCNx64, &h) == 1 && h)
			add_hash(&c->dedup, h);
	}
	return 0;
nomem:
	snprintf(err, errlen, "out of memory");
	ct_ckpt_close(c);
	return -ENOMEM;
}

void ct_ckpt_close(ct_ckpt_t *c)
{
	if (!c)
		return;
	json_decref(c->root);
	free(c->path);
	free(c->source);
	ct_dedup_free(&c->dedup);
	if (c->mu_init)
		pthread_mutex_destroy(&c->mu);
	memset(c, 0, sizeof(*c));
}

bool ct_ckpt_is_done(ct_ckpt_t *c, const char *name)
{
	bool done;

	pthread_mutex_lock(&c->mu);
	done = c->objects && json_object_get(c->objects, name) != NULL;
	pthread_mutex_unlock(&c->mu);
	return done;
}

int ct_ckpt_mark_done(ct_ckpt_t *c, const char *name)
{
	int rc;

	pthread_mutex_lock(&c->mu);
	rc = json_object_set_new(c->objects, name, json_integer((json_int_t)time(NULL)));
	c->dirty = true;
	pthread_mutex_unlock(&c->mu);
	return rc < 0 ? -ENOMEM : 0;
}

size_t ct_ckpt_done_count(ct_ckpt_t *c)
{
	size_t n;

	if (!c->mu_init)
		return 0;
	pthread_mutex_lock(&c->mu);
	n = c->objects ? json_object_size(c->objects) : 0;
	pthread_mutex_unlock(&c->mu);
	return n;
}

static int write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

int ct_ckpt_flush(ct_ckpt_t *c, bool force, uint64_t min_interval_ms, char *err, size_t errlen)
{
	json_t *mine, *ids = NULL;
	char *text = NULL, *tmp = NULL;
	uint64_t now = sk__ct_now_ms();
	size_t i;
	int fd = -1, rc = 0;

	if (!c->path || !c->dirty)
		return 0;
	if (!force && now - c->last_write_ms < min_interval_ms)
		return 0;
	mine = json_object_get(json_object_get(c->root, "sources"), c->source);
	if (!(ids = json_array()))
		goto nomem;
	for (i = 0; i < c->dedup.count; i++) {
		char hx[17];

		snprintf(hx, sizeof(hx), "%016" PRIx64, c->dedup.ring[(c->dedup.head + i) % c->dedup.cap]);
		if (json_array_append_new(ids, json_string(hx)) < 0)
			goto nomem;
	}
	if (json_object_set(mine, "event_ids", ids) < 0)
		goto nomem;
	pthread_mutex_lock(&c->mu);
	text = json_dumps(c->root, JSON_COMPACT);
	pthread_mutex_unlock(&c->mu);
	if (!text || asprintf(&tmp, "%s.tmp", c->path) < 0) {
		tmp = NULL;
		goto nomem;
	}
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0 || (rc = write_all(fd, text, strlen(text))) < 0 || fsync(fd) < 0) {
		rc = rc ? rc : -errno;
		snprintf(err, errlen, "cannot write checkpoint %s: %s", tmp, strerror(-rc));
		goto out;
	}
	close(fd);
	fd = -1;
	if (rename(tmp, c->path) < 0) {
		rc = -errno;
		snprintf(err, errlen, "cannot rename %s to %s: %s", tmp, c->path, strerror(errno));
		goto out;
	}
	c->dirty = false;
	c->last_write_ms = now;
	goto out;
nomem:
	rc = -ENOMEM;
	snprintf(err, errlen, "out of memory writing the checkpoint");
out:
	if (fd >= 0)
		close(fd);
	if (rc < 0 && tmp)
		unlink(tmp);
	json_decref(ids);
	free(text);
	free(tmp);
	return rc;
}

int ct_ckpt_seen(ct_ckpt_t *c, const char *id, size_t len)
{
	int r = ct_dedup_check_add(&c->dedup, id, len);

	if (r == 0 && c->dedup.cap)
		c->dirty = true;
	return r;
}
