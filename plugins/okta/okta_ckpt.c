/* okta_ckpt.c - checkpoint file: JSON, atomically replaced. */
#include "okta_ckpt.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "sk_plugin_sdk.h"

void sk__ok_ckpt_free(ok_ckpt_t *c)
{
	if (!c)
		return;
	free(c->base_url);
	free(c->cursor);
	free(c->last_uuid);
	memset(c, 0, sizeof(*c));
}

static char *dup_str(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));

	return s ? strdup(s) : NULL;
}

int sk__ok_ckpt_load(const char *path, ok_ckpt_t *out, char *err, size_t errlen)
{
	json_error_t je;
	json_t *j, *d;

	memset(out, 0, sizeof(*out));
	if (access(path, F_OK) != 0 && errno == ENOENT)
		return -ENOENT;
	j = json_load_file(path, 0, &je);
	if (!j) {
		sk_sdk_errf(err, errlen, "checkpoint file %s is not valid JSON: %s", path, je.text);
		return -EINVAL;
	}
	d = json_object_get(j, "delivered");
	out->base_url = dup_str(j, "base_url");
	out->cursor = dup_str(j, "cursor");
	out->last_uuid = dup_str(j, "last_uuid");
	out->delivered = json_is_integer(d) && json_integer_value(d) > 0 ?
		(uint64_t)json_integer_value(d) : 0;
	json_decref(j);
	if (!out->cursor || out->cursor[0] != '/' || !out->base_url ||
	    (out->delivered && !out->last_uuid)) {
		sk_sdk_errf(err, errlen, "checkpoint file %s lacks base_url, cursor or last_uuid",
			path);
		sk__ok_ckpt_free(out);
		return -EINVAL;
	}
	return 0;
}

static int fsync_dir(const char *path)
{
	char *p = strdup(path);
	int fd, rc = 0;

	if (!p)
		return -ENOMEM;
	fd = open(dirname(p), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	free(p);
	if (fd < 0)
		return -errno;
	if (fsync(fd) < 0)
		rc = -errno;
	close(fd);
	return rc;
}

int sk__ok_ckpt_save(const char *path, const ok_ckpt_t *c, char *err, size_t errlen)
{
	char *tmp = NULL, *text = NULL;
	json_t *j;
	size_t n, off = 0;
	ssize_t w;
	int fd = -1, rc = -ENOMEM;

	j = json_pack("{s:i, s:s, s:s, s:I}", "version", 1, "base_url", c->base_url, "cursor",
		c->cursor, "delivered", (json_int_t)c->delivered);
	if (!j)
		goto out;
	if (c->delivered && c->last_uuid &&
	    json_object_set_new(j, "last_uuid", json_string(c->last_uuid)) < 0)
		goto out;
	text = json_dumps(j, JSON_COMPACT);
	if (!text || asprintf(&tmp, "%s.tmp.%d", path, (int)getpid()) < 0) {
		tmp = NULL;
		goto out;
	}
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0) {
		rc = -errno;
		sk_sdk_errf(err, errlen, "cannot write checkpoint %s: %s", tmp, strerror(-rc));
		goto out;
	}
	n = strlen(text);
	while (off < n) {
		w = write(fd, text + off, n - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			rc = w < 0 ? -errno : -EIO;
			sk_sdk_errf(err, errlen, "cannot write checkpoint %s: %s", tmp, strerror(-rc));
			goto out_unlink;
		}
		off += (size_t)w;
	}
	if (fsync(fd) < 0 || close(fd) < 0) {
		rc = -errno;
		fd = -1;
		sk_sdk_errf(err, errlen, "cannot sync checkpoint %s: %s", tmp, strerror(-rc));
		goto out_unlink;
	}
	fd = -1;
	if (rename(tmp, path) < 0) {
		rc = -errno;
		sk_sdk_errf(err, errlen, "cannot rename checkpoint to %s: %s", path, strerror(-rc));
		goto out_unlink;
	}
	rc = fsync_dir(path);
	if (rc < 0)
		sk_sdk_errf(err, errlen, "cannot sync the directory of %s: %s", path, strerror(-rc));
	goto out;
out_unlink:
	if (fd >= 0)
		close(fd);
	fd = -1;
	unlink(tmp);
out:
	if (fd >= 0)
		close(fd);
	if (rc == -ENOMEM)
		sk_sdk_errf(err, errlen, "checkpoint: out of memory");
	free(tmp);
	free(text);
	json_decref(j);
	return rc;
}
