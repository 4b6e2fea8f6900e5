/*
 * okta_ckpt.h - the resume point of the System Log stream, kept in a small
 * JSON file replaced atomically (temporary file, fsync, rename, fsync of the
 * directory), so a crash leaves either the old or the new point.
 *
 * The point is "request `cursor` next, and skip its first `delivered`
 * events when the last of them still has uuid `last_uuid`" (a page handed
 * out in several batches, or a polling page that had no next link).
 *
 * Ownership: strings are malloc'd and owned by the struct.
 * Threading: none; callers serialise.
 */
#ifndef OKTA_CKPT_H
#define OKTA_CKPT_H

#include <stddef.h>
#include <stdint.h>

typedef struct ok_ckpt {
	char *base_url;   /* the stream the cursor belongs to */
	char *cursor;     /* path+query of the next request */
	uint64_t delivered;
	char *last_uuid;
} ok_ckpt_t;

/* 0, -ENOENT (no file) or -EINVAL/-EIO with err naming the file. */
int sk__ok_ckpt_load(const char *path, ok_ckpt_t *out, char *err, size_t errlen);
/* Atomic replace. 0 or -errno with err. */
int sk__ok_ckpt_save(const char *path, const ok_ckpt_t *c, char *err, size_t errlen);
void sk__ok_ckpt_free(ok_ckpt_t *c);

#endif /* OKTA_CKPT_H */
