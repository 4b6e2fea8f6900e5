/* sk_webhook_tls.c - PEM loading, the mandatory-client-certificate hook,
 * and the per-request authentication checks. */
#include "sk_webhook_tls.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PEM_MAX (1 << 20)

static pthread_mutex_t g_reg_mu = PTHREAD_MUTEX_INITIALIZER;
static sk__wh_tls_t *g_reg;

static char *read_pem(const char *path, const char *what, char *err, size_t errlen)
{
	FILE *f = fopen(path, "re");
	char *buf = NULL;
	size_t n;

	if (!f) {
		snprintf(err, errlen, "cannot read %s file %s: %s", what, path, strerror(errno));
		return NULL;
	}
	buf = malloc(PEM_MAX + 1);
	n = buf ? fread(buf, 1, PEM_MAX + 1, f) : 0;
	fclose(f);
	if (!buf || n == 0 || n > PEM_MAX) {
		free(buf);
		snprintf(err, errlen, "cannot read %s file %s (empty, too large or unreadable)", what,
			path);
		return NULL;
	}
	buf[n] = '\0';
	return buf;
}

static int load_chain(sk__wh_tls_t *t, char *err, size_t errlen)
{
	gnutls_datum_t d;
	int rc;

	d.data = (unsigned char *)t->cert_pem;
	d.size = (unsigned)strlen(t->cert_pem);
	t->npcert = 8;
	rc = gnutls_pcert_list_import_x509_raw(t->pcert, &t->npcert, &d, GNUTLS_X509_FMT_PEM,
		GNUTLS_X509_CRT_LIST_IMPORT_FAIL_IF_EXCEED);
	if (rc < 0) {
		t->npcert = 0;
		snprintf(err, errlen, "bad TLS certificate: %s", gnutls_strerror(rc));
		return -EINVAL;
	}
	d.data = (unsigned char *)t->key_pem;
	d.size = (unsigned)strlen(t->key_pem);
	if ((rc = gnutls_privkey_init(&t->key)) < 0 ||
	    (rc = gnutls_privkey_import_x509_raw(t->key, &d, GNUTLS_X509_FMT_PEM, NULL, 0)) < 0) {
		snprintf(err, errlen, "bad TLS key: %s", gnutls_strerror(rc));
		return -EINVAL;
	}
	return 0;
}

int sk__wh_tls_load(sk__wh_tls_t *t, const sk_webhook_config_t *cfg, char *err,
	size_t errlen)
{
	const char *cn = cfg->cert_setting ? cfg->cert_setting : "certificate";

	if (!cfg->cert_file) {
		snprintf(err, errlen, "an https webhook needs a certificate file (%s)", cn);
		return -EINVAL;
	}
	t->cert_pem = read_pem(cfg->cert_file, cn, err, errlen);
	if (!t->cert_pem)
		return -EINVAL;
	t->key_pem = cfg->key_file ? read_pem(cfg->key_file, cfg->key_setting ?
		cfg->key_setting : "key", err, errlen) : read_pem(cfg->cert_file, cn, err, errlen);
	if (!t->key_pem)
		return -EINVAL;
	if (!cfg->client_ca_file)
		return 0;
	t->ca_pem = read_pem(cfg->client_ca_file, cfg->ca_setting ? cfg->ca_setting :
		"client CA", err, errlen);
	if (!t->ca_pem)
		return -EINVAL;
	return load_chain(t, err, errlen);
}

void sk__wh_tls_register(sk__wh_tls_t *t)
{
	pthread_mutex_lock(&g_reg_mu);
	t->next = g_reg;
	g_reg = t;
	t->registered = 1;
	pthread_mutex_unlock(&g_reg_mu);
}

void sk__wh_tls_free(sk__wh_tls_t *t)
{
	sk__wh_tls_t **pp;
	unsigned i;

	if (t->registered) {
		pthread_mutex_lock(&g_reg_mu);
		for (pp = &g_reg; *pp; pp = &(*pp)->next) {
			if (*pp == t) {
				*pp = t->next;
				break;
			}
		}
		pthread_mutex_unlock(&g_reg_mu);
		t->registered = 0;
	}
	for (i = 0; i < t->npcert; i++)
		gnutls_pcert_deinit(&t->pcert[i]);
	t->npcert = 0;
	if (t->key)
		gnutls_privkey_deinit(t->key);
	t->key = NULL;
	free(t->cert_pem);
	if (t->key_pem) {
		/* private key material is wiped before release */
		explicit_bzero(t->key_pem, strlen(t->key_pem));
		free(t->key_pem);
	}
	free(t->ca_pem);
	t->cert_pem = t->key_pem = t->ca_pem = NULL;
}

int sk__wh_tls_cert_cb(gnutls_session_t s, const gnutls_datum_t *req_ca_dn, int nreqs,
	const gnutls_pk_algorithm_t *pk_algos, int pk_algos_length, gnutls_pcert_st **pcert,
	unsigned int *pcert_length, gnutls_privkey_t *privkey)
{
	sk__wh_tls_t *t;
	int fd = gnutls_transport_get_int(s);

	(void)req_ca_dn;
	(void)nreqs;
	(void)pk_algos;
	(void)pk_algos_length;
	pthread_mutex_lock(&g_reg_mu);
	for (t = g_reg; t; t = t->next)
		if (sk__wguard_has_fd(t->guard, fd))
			break;
	pthread_mutex_unlock(&g_reg_mu);
	if (!t)
		return -1;
	/* still inside the ClientHello processing: the CertificateRequest
	 * sent next now demands a certificate, verified against the trust
	 * list during the handshake */
	gnutls_certificate_server_set_request(s, GNUTLS_CERT_REQUIRE);
	gnutls_session_set_verify_cert(s, NULL, 0);
	*pcert = t->pcert;
	*pcert_length = t->npcert;
	*privkey = t->key;
	return 0;
}

bool sk__wh_token_equal(const char *a, size_t alen, const char *b, size_t blen)
{
	volatile unsigned char diff = (unsigned char)(alen != blen);
	size_t i, n = alen > blen ? alen : blen;

	/* time depends only on the longer length, never on where bytes differ */
	for (i = 0; i < n; i++)
		diff |= (unsigned char)((i < alen ? a[i] : 0) ^ (i < blen ? b[i] : 0));
	return diff == 0;
}

bool sk__wh_client_cert_ok(struct MHD_Connection *conn)
{
	const union MHD_ConnectionInfo *ci;
	gnutls_session_t s;
	unsigned int status = 0, n = 0;

	ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_GNUTLS_SESSION);
	if (!ci || !ci->tls_session)
		return false;
	s = (gnutls_session_t)ci->tls_session;
	if (!gnutls_certificate_get_peers(s, &n) || n == 0)
		return false;
	if (gnutls_certificate_verify_peers2(s, &status) != GNUTLS_E_SUCCESS)
		return false;
	return status == 0;
}
