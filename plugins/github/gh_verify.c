/* gh_verify.c - HMAC-SHA256 signature check and the delivery-id window. */
#include "gh_verify.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/core_names.h>
#include <openssl/hmac.h>
#include <openssl/params.h>

#include "sk_sdk_util.h"

/* "sha256=" + 64 hex digits into want; GH_SIG_OK when well formed. */
static enum gh_sig_result parse_header(const char *header, unsigned char want[32])
{
	if (!header)
		return GH_SIG_MISSING;
	if (strncmp(header, "sha256=", 7) != 0 || strlen(header + 7) != 64)
		return GH_SIG_MALFORMED;
	return sk_sdk_hex_decode(header + 7, 32, want) < 0 ? GH_SIG_MALFORMED : GH_SIG_OK;
}

enum gh_sig_result gh_verify_signature(const char *header, const void *body, size_t len,
	char *const *secrets, size_t nsecrets)
{
	unsigned char want[32], mac[EVP_MAX_MD_SIZE];
	unsigned int maclen;
	enum gh_sig_result r = parse_header(header, want);
	int match = 0;
	size_t i;

	if (r != GH_SIG_OK)
		return r;
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

int gh_verifier_init(gh_verifier_t *v, char *const *secrets, size_t nsecrets)
{
	OSSL_PARAM params[2];
	char digest[] = "SHA256";
	size_t i;

	memset(v, 0, sizeof(*v));
	if (nsecrets > sizeof(v->keyed) / sizeof(v->keyed[0]))
		return -EINVAL;
	v->mac = EVP_MAC_fetch(NULL, "HMAC", NULL);
	if (!v->mac)
		return -ENOSYS;
	params[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0);
	params[1] = OSSL_PARAM_construct_end();
	for (i = 0; i < nsecrets; i++) {
		v->keyed[i] = EVP_MAC_CTX_new(v->mac);
		if (!v->keyed[i] || !EVP_MAC_init(v->keyed[i], (const unsigned char *)secrets[i],
			    strlen(secrets[i]), params)) {
			v->n = i + 1;
			gh_verifier_free(v);
			return -ENOMEM;
		}
	}
	v->n = nsecrets;
	return 0;
}

void gh_verifier_free(gh_verifier_t *v)
{
	size_t i;

	if (!v)
		return;
	for (i = 0; i < v->n; i++)
		EVP_MAC_CTX_free(v->keyed[i]);
	EVP_MAC_free(v->mac);
	memset(v, 0, sizeof(*v));
}

enum gh_sig_result gh_verifier_check(const gh_verifier_t *v, const char *header, const void *body,
	size_t len)
{
	unsigned char want[32], mac[EVP_MAX_MD_SIZE];
	enum gh_sig_result r = parse_header(header, want);
	EVP_MAC_CTX *c;
	size_t i, maclen;
	int match = 0;

	if (r != GH_SIG_OK)
		return r;
	/* every secret is tried: the time does not tell which one matched */
	for (i = 0; i < v->n; i++) {
		maclen = 0;
		c = EVP_MAC_CTX_dup(v->keyed[i]);
		if (c && EVP_MAC_update(c, body, len) && EVP_MAC_final(c, mac, &maclen, sizeof(mac)) &&
		    maclen == 32)
			match |= CRYPTO_memcmp(mac, want, 32) == 0;
		EVP_MAC_CTX_free(c);
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
