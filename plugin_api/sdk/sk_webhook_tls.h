/*
 * sk_webhook_tls.h - internal to sk_webhook: the listening socket, PEM
 * files, and the GnuTLS certificate callback that makes a client
 * certificate mandatory during the handshake when a client CA is set.
 *
 * libmicrohttpd 0.9.75 only asks for a client certificate (GNUTLS_CERT_
 * REQUEST) when given a trust list, so a certless peer completes the
 * handshake and holds a slot until the request is read. Serving the server
 * certificate from MHD_OPTION_HTTPS_CERT_CALLBACK gives access to the
 * session during the handshake, before the CertificateRequest is sent:
 * there it is switched to GNUTLS_CERT_REQUIRE with peer verification
 * against the trust list, so a missing or untrusted certificate fails the
 * handshake itself.
 *
 * Threading: the callback runs on MHD threads and finds its webhook by
 * the connection's fd in a registry guarded by a mutex.
 */
#ifndef SK_WEBHOOK_TLS_H
#define SK_WEBHOOK_TLS_H

#include <stdbool.h>
#include <stddef.h>

#include <gnutls/abstract.h>
#include <gnutls/gnutls.h>

#include "sk_webhook.h"

typedef struct sk__wh_tls {
	char *cert_pem, *key_pem, *ca_pem;
	gnutls_pcert_st pcert[8];
	unsigned npcert;
	gnutls_privkey_t key;
	const sk_wguard_t *guard;   /* to recognise this webhook's connections */
	struct sk__wh_tls *next;
	int registered;
} sk__wh_tls_t;

/* Reads the PEMs (key defaults to the certificate file). With ca_file,
 * also prepares the certificate callback's chain and key. */
int sk__wh_tls_load(sk__wh_tls_t *t, const sk_webhook_config_t *cfg, char *err,
	size_t errlen);
/* Registers t for the callback (mTLS only); guard must be set. */
void sk__wh_tls_register(sk__wh_tls_t *t);
void sk__wh_tls_free(sk__wh_tls_t *t); /* unregisters; wipes the key */

/* For MHD_OPTION_HTTPS_CERT_CALLBACK. */
int sk__wh_tls_cert_cb(gnutls_session_t s, const gnutls_datum_t *req_ca_dn, int nreqs,
	const gnutls_pk_algorithm_t *pk_algos, int pk_algos_length, gnutls_pcert_st **pcert,
	unsigned int *pcert_length, gnutls_privkey_t *privkey);

/* Binds and listens (sk_webhook_addr.c); an empty host means every
 * address (dual-stack when possible). */
int sk__wh_bind_listen(const char *host, unsigned port, unsigned backlog, int *fd_out, bool *v6,
	char *err, size_t errlen);

/* Constant-time token comparison (time depends on the longer length only). */
bool sk__wh_token_equal(const char *a, size_t alen, const char *b, size_t blen);
/* The TLS peer presented a certificate that verifies against the trust list. */
bool sk__wh_client_cert_ok(struct MHD_Connection *conn);

/* Whether the guard tracks a connection on fd (sk_wguard.c). */
int sk__wguard_has_fd(const sk_wguard_t *g, int fd);

#endif /* SK_WEBHOOK_TLS_H */
