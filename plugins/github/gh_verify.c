/* gh_verify.c - HMAC-SHA256 signature check and the delivery-id window. */
#include "gh_verify.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

enum gh_sig_result gh_verify_signature(const char *header, const void *body, size_t len,
	char *const *secrets, size_t nsecrets)
{
	unsigned char want[32], mac[EVP_MAX_MD_SIZE];
	unsigned int maclen;
	int hi, lo, match = 0;
	size_t i;

	if (!header)
		return GH_SIG_MISSING;
	if (strncmp(header, "sha256=", 7) != 0 || strlen(header + 7) != 64)
		return GH_SIG_MALFORMED;
	for (i = 0; i < 32; i++) {
		hi = hexval((unsigned char)header[7 + 2 * i]);
		lo = hexval((unsigned char)header[8 + 2 * i]);
		if (hi < 0 || lo < 0)
			return GH_SIG_MALFORMED;
		want[i] = (unsigned char)(hi << 4 | lo);
	}
	for (i = 0; i < nsecrets; i++) {
		maclen = 0;
		if (!HMAC(EVP_sha256(), secrets[i], (int)strlen(secrets[i]), body, len, mac, &maclen) ||
		    maclen != 32)
			continue;
		match |= CRYPTO_memcmp(mac, want, 32) == 0;
	}
	OPENSSL_cleanse(mac, sizeof(mac));
	return match ? GH_SIG_OK : GH_SIG_MISMATCH;
}

void gh_sign(const char *secret, const void *body, size_t len, char out[72])
{
	unsigned char mac[EVP_MAX_MD_SIZE];
	unsigned int maclen = 0, i;

	HMAC(EVP_sha256(), secret, (int)strlen(secret), body, len, mac, &maclen);
	memcpy(out, "sha256=", 7);
	for (i = 0; i < 32; i++)
		snprintf(out + 7 + 2 * i, 3, "%02x", mac[i]);
}

/* FNV-1a: ids only reach the window after their delivery verified */
static size_t bucket_of(const gh_dedup_t *d, const char *id)
{
	uint64_t h = 1469598103934665603ULL;
	size_t i;

	for (i = 0; id[i] && i < GH_DELIVERY_ID_MAX; i++)
		h = (h ^ (unsigned char)id[i]) * 1099511628211ULL;
	return (size_t)(h & (d->nbuckets - 1));
}

int gh_dedup_init(gh_dedup_t *d, size_t cap)
{
	size_t i;

	memset(d, 0, sizeof(*d));
	if (cap > (1u << 30))
		return -EINVAL;
	if (pthread_mutex_init(&d->mu, NULL) != 0)
		return -ENOMEM;
	d->cap = cap;
	if (!cap)
		return 0;
	for (d->nbuckets = 16; d->nbuckets < cap * 2; d->nbuckets *= 2)
		;
	d->ring = calloc(cap, sizeof(*d->ring));
	d->buckets = malloc(d->nbuckets * sizeof(*d->buckets));
	if (!d->ring || !d->buckets) {
		gh_dedup_destroy(d);
		return -ENOMEM;
	}
	for (i = 0; i < d->nbuckets; i++)
		d->buckets[i] = -1;
	return 0;
}

void gh_dedup_destroy(gh_dedup_t *d)
{
	if (!d)
		return;
	free(d->ring);
	free(d->buckets);
	pthread_mutex_destroy(&d->mu);
	memset(d, 0, sizeof(*d));
}

static int32_t *find_link(gh_dedup_t *d, const char *id)
{
	int32_t *link = &d->buckets[bucket_of(d, id)];

	while (*link >= 0 && strncmp(d->ring[*link].id, id, GH_DELIVERY_ID_MAX) != 0)
		link = &d->ring[*link].next;
	return link;
}

static void unlink_ent(gh_dedup_t *d, int32_t idx)
{
	int32_t *link = find_link(d, d->ring[idx].id);

	if (*link == idx)
		*link = d->ring[idx].next;
	d->ring[idx].used = false;
	d->ring[idx].id[0] = '\0';
}

bool gh_dedup_check_add(gh_dedup_t *d, const char *id)
{
	gh_dedup_ent_t *e;
	int32_t *link, idx;
	bool seen;

	if (!d->cap)
		return false;
	pthread_mutex_lock(&d->mu);
	link = find_link(d, id);
	seen = *link >= 0;
	if (!seen) {
		idx = (int32_t)d->head;
		if (d->ring[idx].used)
			unlink_ent(d, idx);
		else
			d->count++;
		e = &d->ring[idx];
		snprintf(e->id, sizeof(e->id), "%s", id);
		e->used = true;
		link = &d->buckets[bucket_of(d, e->id)];
		e->next = *link;
		*link = idx;
		d->head = (d->head + 1) % d->cap;
	}
	pthread_mutex_unlock(&d->mu);
	return seen;
}

void gh_dedup_forget(gh_dedup_t *d, const char *id)
{
	int32_t *link;

	if (!d->cap)
		return;
	pthread_mutex_lock(&d->mu);
	link = find_link(d, id);
	if (*link >= 0) {
		d->ring[*link].used = false;
		d->ring[*link].id[0] = '\0';
		*link = d->ring[*link].next;
	}
	pthread_mutex_unlock(&d->mu);
}
