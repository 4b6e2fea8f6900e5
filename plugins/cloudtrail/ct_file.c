/* ct_file.c - log files from a local file or a directory tree. */
#include "ct_provider.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct ct_file_src {
	ct_env_t env;
	char **paths;
	uint64_t *sizes;
	size_t n, cap, next;
	uint64_t total, done_bytes;
} ct_file_src_t;

static int add_path(ct_file_src_t *f, const char *path, uint64_t size)
{
	if (f->n == f->cap) {
		size_t ncap = f->cap ? f->cap * 2 : 64;
		char **np = realloc(f->paths, ncap * sizeof(*np));
		uint64_t *ns;

		if (!np)
			return -ENOMEM;
		f->paths = np;
		ns = realloc(f->sizes, ncap * sizeof(*ns));
		if (!ns)
			return -ENOMEM;
		f->sizes = ns;
		f->cap = ncap;
	}
	if (!(f->paths[f->n] = strdup(path)))
		return -ENOMEM;
	f->sizes[f->n++] = size;
	f->total += size;
	return 0;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Entries in name order, so a tree is read in the order CloudTrail names
 * its files (account/region/date). Symlinked directories are not entered
 * (no loops); symlinked files are read. */
static int walk(ct_file_src_t *f, const char *dir, int depth, char *err, size_t errlen)
{
	DIR *d;
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, cap = 0, i;
	int rc = 0;

	if (depth > 64)
		return 0;
	if (!(d = opendir(dir))) {
		snprintf(err, errlen, "cannot open directory %s: %s", dir, strerror(errno));
		return -errno;
	}
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.' && (!de->d_name[1] || (de->d_name[1] == '.' && !de->d_name[2])))
			continue;
		if (n == cap) {
			char **nn = realloc(names, (cap = cap ? cap * 2 : 32) * sizeof(*nn));

			if (!nn) {
				rc = -ENOMEM;
				goto out;
			}
			names = nn;
		}
		if (!(names[n] = strdup(de->d_name))) {
			rc = -ENOMEM;
			goto out;
		}
		n++;
	}
	if (n > 1)
		qsort(names, n, sizeof(*names), cmp_name);
	for (i = 0; i < n && rc == 0; i++) {
		char *p;
		struct stat st, lst;

		if (asprintf(&p, "%s/%s", dir, names[i]) < 0) {
			rc = -ENOMEM;
			break;
		}
		if (stat(p, &st) == 0) {
			if (S_ISDIR(st.st_mode) && lstat(p, &lst) == 0 && !S_ISLNK(lst.st_mode))
				rc = walk(f, p, depth + 1, err, errlen);
			else if (S_ISREG(st.st_mode) && ct_is_log_name(names[i]))
				rc = add_path(f, p, (uint64_t)st.st_size);
		}
		free(p);
	}
out:
	if (rc == -ENOMEM)
		snprintf(err, errlen, "out of memory");
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	closedir(d);
	return rc;
}

static int read_file(const char *path, char **buf, size_t *len, size_t max, char *err,
	size_t errlen)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	char *b;
	size_t got = 0;

	if (fd < 0 || fstat(fd, &st) < 0) {
		snprintf(err, errlen, "cannot read: %s", strerror(errno));
		if (fd >= 0)
			close(fd);
		return -EIO;
	}
	if ((uint64_t)st.st_size > max) {
		snprintf(err, errlen, "file size %lld over the %zu-byte limit (maxObjectSize)",
			(long long)st.st_size, max);
		close(fd);
		return -EFBIG;
	}
	b = malloc((size_t)st.st_size + 1);
	if (!b) {
		close(fd);
		snprintf(err, errlen, "out of memory");
		return -ENOMEM;
	}
	while (got < (size_t)st.st_size) {
		ssize_t r = read(fd, b + got, (size_t)st.st_size - got);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	close(fd);
	b[got] = '\0';
	*buf = b;
	*len = got;
	return 0;
}

static int file_next(void *self, ct_object_t **out, int wait_ms, char *err, size_t errlen)
{
	ct_file_src_t *f = self;
	const ct_config_t *cfg = f->env.cfg;
	ct_object_t *o;
	char why[256];
	char *raw = NULL;
	size_t rawlen = 0;

	(void)wait_ms;
	while (f->next < f->n && ct_ckpt_is_done(f->env.ckpt, f->paths[f->next])) {
		ct_count(f->env.c, CT_C_OBJECTS_SKIPPED_DONE, 1);
		f->done_bytes += f->sizes[f->next++];
	}
	if (f->next >= f->n)
		return -ENODATA;
	if (!(o = ct_object_new(f->paths[f->next]))) {
		snprintf(err, errlen, "out of memory");
		return -ENOMEM;
	}
	o->raw_size = f->sizes[f->next];
	f->done_bytes += f->sizes[f->next++];
	if (read_file(o->name, &raw, &rawlen, cfg->max_object_size, why, sizeof(why)) < 0) {
		ct_object_fail(o, "%s", why);
	} else if (rawlen >= 2 && (unsigned char)raw[0] == 0x1f && (unsigned char)raw[1] == 0x8b) {
		if (ct_decode(raw, rawlen, cfg->max_object_size, &o->data, &o->len, why,
			    sizeof(why)) < 0)
			ct_object_fail(o, "%s", why);
		free(raw);
	} else {
		o->data = raw;
		o->len = rawlen;
	}
	*out = o;
	return 1;
}

static void file_commit(void *self, ct_object_t *o)
{
	(void)self;
	ct_object_free(o);
}

static int file_progress(void *self)
{
	ct_file_src_t *f = self;

	if (!f->total)
		return f->next >= f->n ? 10000 : 0;
	return (int)(f->done_bytes * 10000 / f->total);
}

static void file_destroy(void *self)
{
	ct_file_src_t *f = self;
	size_t i;

	if (!f)
		return;
	for (i = 0; i < f->n; i++)
		free(f->paths[i]);
	free(f->paths);
	free(f->sizes);
	free(f);
}

int ct_file_provider(ct_provider_t *p, const char *path, const ct_env_t *env, char *err,
	size_t errlen)
{
	ct_file_src_t *f = calloc(1, sizeof(*f));
	struct stat st;
	int rc;

	if (!f) {
		snprintf(err, errlen, "out of memory");
		return -ENOMEM;
	}
	f->env = *env;
	if (stat(path, &st) < 0) {
		rc = -errno;
		snprintf(err, errlen, "cannot open %s: %s", path, strerror(errno));
		goto fail;
	}
	if (S_ISDIR(st.st_mode)) {
		size_t l = strlen(path);
		char *d = strndup(path, l > 1 && path[l - 1] == '/' ? l - 1 : l);

		if (!d) {
			rc = -ENOMEM;
			snprintf(err, errlen, "out of memory");
			goto fail;
		}
		rc = walk(f, d, 0, err, errlen);
		free(d);
		if (rc < 0)
			goto fail;
	} else if ((rc = add_path(f, path, (uint64_t)st.st_size)) < 0) {
		snprintf(err, errlen, "out of memory");
		goto fail;
	}
	if (!f->n) {
		snprintf(err, errlen, "no json files found in %s", path);
		rc = -ENOENT;
		goto fail;
	}
	p->self = f;
	p->next = file_next;
	p->commit = file_commit;
	p->drop = file_commit;
	p->progress = file_progress;
	p->destroy = file_destroy;
	return 0;
fail:
	file_destroy(f);
	return rc;
}
