/*
 * ct_creds.h - temporary AWS credentials that expire and are refreshed:
 * web identity (EKS IRSA: AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN through
 * STS AssumeRoleWithWebIdentity; AWS_ENDPOINT_URL_STS overrides the STS
 * address), the ECS/EKS container credentials endpoint
 * (AWS_CONTAINER_CREDENTIALS_FULL_URI / _RELATIVE_URI, with
 * AWS_CONTAINER_AUTHORIZATION_TOKEN[_FILE]) and the EC2 instance metadata
 * service (IMDSv2; AWS_EC2_METADATA_SERVICE_ENDPOINT overrides the address,
 * AWS_EC2_METADATA_DISABLED=true turns it off).
 *
 * Threading: ct_creds_get() may be called from any thread; it serialises
 * refreshes with a mutex. Secrets are wiped when replaced or freed.
 */
#ifndef CT_CREDS_H
#define CT_CREDS_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

enum { CT_CREDS_NONE = 0, CT_CREDS_WEB, CT_CREDS_ECS, CT_CREDS_IMDS };

typedef struct ct_creds {
	pthread_mutex_t mu;
	int source;
	char *ak, *sk, *tok;
	int64_t expires;      /* unix seconds */
	char *url;            /* ECS: credentials URL; IMDS: base address */
	char *auth;           /* ECS authorization token */
	char *role;           /* IMDS: instance role; web identity: role ARN */
	char *token_file;     /* web identity token file */
	char *region;         /* web identity: STS region */
} ct_creds_t;

/* Find a dynamic source and fetch credentials once. 0, -ENOENT when no
 * source applies (err says why), or another negative errno. */
int ct_creds_init(ct_creds_t *c, const char *region, char *err, size_t errlen);
void ct_creds_free(ct_creds_t *c);

/* malloc'd "AKID:SECRET" into *userpwd and the session token (or NULL) into
 * *token, refreshing first when less than five minutes are left. The caller
 * wipes and frees both. 0 or negative errno with err. */
int ct_creds_get(ct_creds_t *c, char **userpwd, char **token, char *err, size_t errlen);

/* IMDS region of the instance (malloc'd), or NULL when IMDS is not there. */
char *ct_creds_imds_region(void);

#endif /* CT_CREDS_H */
