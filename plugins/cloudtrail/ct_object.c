/* ct_object.c - log file objects and gzip decoding (zlib). */
#include "ct_object.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

ct_object_t *ct_object_new(const char *name)
{
	ct_object_t *o = calloc(1, sizeof(*o));

	if (!o)
		return NULL;
	o->name = strdup(name);
	if (!o->name) {
		free(o);
		return NULL;
	}
	return o;
}

void ct_object_free(ct_object_t *o)
{
	if (!o)
		return;
	free(o->name);
	free(o->data);
	free(o->error);
	free(o);
}

ct_object_t *ct_object_of(sk_sdk_qnode_t *node)
{
	return node ? SK_SDK_QENTRY(node, ct_object_t, qnode) : NULL;
}

void ct_object_free_node(sk_sdk_qnode_t *node)
{
	ct_object_free(ct_object_of(node));
}

int ct_object_push(sk_sdk_queue_t *q, ct_object_t *o)
{
	o->qnode.bytes = o->len;
	return sk_sdk_queue_push1(q, &o->qnode, -1);
}

int ct_object_pop(sk_sdk_queue_t *q, ct_object_t **out, int wait_ms)
{
	sk_sdk_qchain_t c = { 0 };
	int r = sk_sdk_queue_pop(q, &c, 1, wait_ms);

	if (r == -ETIMEDOUT)
		return 0;
	if (r < 0)
		return r;
	*out = ct_object_of(c.head);
	return 1;
}

void ct_object_fail(ct_object_t *o, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	free(o->error);
	o->error = strdup(buf);
	free(o->data);
	o->data = NULL;
	o->len = 0;
}

int ct_is_log_name(const char *name)
{
	size_t n = strlen(name);

	return (n >= 5 && strcmp(name + n - 5, ".json") == 0) ||
	       (n >= 8 && strcmp(name + n - 8, ".json.gz") == 0);
}

static int grow(char **buf, size_t *cap, size_t need, size_t max)
{
	size_t ncap = *cap ? *cap : 65536;
	char *nb;

	while (ncap < need)
		ncap *= 2;
	if (ncap > max + 1)
		ncap = max + 1;
	if (ncap < need)
		return -EFBIG;
	nb = realloc(*buf, ncap);
	if (!nb)
		return -ENOMEM;
	*buf = nb;
	*cap = ncap;
	return 0;
}

static int gunzip(const unsigned char *in, size_t inlen, size_t max, char **out, size_t *outlen,
	char *err, size_t errlen)
{
	z_stream z;
	char *buf = NULL;
	size_t cap = 0, len = 0;
	int zr = Z_OK, rc = 0;

	memset(&z, 0, sizeof(z));
	if (inflateInit2(&z, 15 + 16) != Z_OK) {
		snprintf(err, errlen, "cannot initialise zlib");
		return -ENOMEM;
	}
	/* The input size guess keeps reallocations few for typical 10:1 logs. */
	if ((rc = grow(&buf, &cap, inlen * 8 + 1 < max ? inlen * 8 + 1 : max + 1, max)) < 0)
		goto out;
	z.next_in = (unsigned char *)in;
	for (;;) {
		size_t chunk;

		z.avail_in = (uInt)(inlen - (size_t)(z.next_in - in) > UINT32_MAX ? UINT32_MAX :
			inlen - (size_t)(z.next_in - in));
		if (cap - len < 2 && (rc = grow(&buf, &cap, cap + 65536, max)) < 0) {
			snprintf(err, errlen, "decompressed size over the %zu-byte limit "
				"(maxObjectSize)", max);
			goto out;
		}
		chunk = cap - len - 1;
		z.next_out = (unsigned char *)buf + len;
		z.avail_out = (uInt)(chunk > UINT32_MAX ? UINT32_MAX : chunk);
		zr = inflate(&z, Z_NO_FLUSH);
		len = (size_t)((char *)z.next_out - buf);
		if (zr == Z_STREAM_END) {
			/* Concatenated members are one valid gzip file. */
			if ((size_t)(z.next_in - in) < inlen && in[z.next_in - in] == 0x1f) {
				inflateReset(&z);
				continue;
			}
			break;
		}
		if (zr == Z_BUF_ERROR && z.avail_in == 0) {
			snprintf(err, errlen, "truncated gzip data (ends after %zu compressed bytes)",
				inlen);
			rc = -EINVAL;
			goto out;
		}
		if (zr != Z_OK && zr != Z_BUF_ERROR) {
			snprintf(err, errlen, "corrupt gzip data: %s", z.msg ? z.msg : "inflate error");
			rc = -EINVAL;
			goto out;
		}
	}
	buf[len] = '\0';
	*out = buf;
	*outlen = len;
	buf = NULL;
out:
	inflateEnd(&z);
	free(buf);
	return rc;
}

int ct_decode(const void *in, size_t inlen, size_t max, char **out, size_t *outlen, char *err,
	size_t errlen)
{
	const unsigned char *b = in;
	char *copy;

	if (inlen >= 2 && b[0] == 0x1f && b[1] == 0x8b)
		return gunzip(b, inlen, max, out, outlen, err, errlen);
	if (inlen > max) {
		snprintf(err, errlen, "size %zu over the %zu-byte limit (maxObjectSize)", inlen, max);
		return -EFBIG;
	}
	copy = malloc(inlen + 1);
	if (!copy) {
		snprintf(err, errlen, "out of memory");
		return -ENOMEM;
	}
	memcpy(copy, in, inlen);
	copy[inlen] = '\0';
	*out = copy;
	*outlen = inlen;
	return 0;
}
