/*
 * ct_s3.h - S3 helpers shared by the S3 and SQS providers.
 */
#ifndef CT_S3_H
#define CT_S3_H

#include "ct_aws.h"
#include "ct_object.h"
#include "ct_provider.h"

/* Base URL of a bucket: "<endpoint>/<bucket>" (path style) with an endpoint
 * override, else the virtual-hosted AWS URL. Malloc'd. */
char *ct_s3_bucket_url(const ct_aws_t *a, const char *bucket);

/* GET bucket/key and decode it into a new object named s3://bucket/key. A
 * failed fetch still yields an object, with its error set (transient for
 * network errors and 5xx). 0, -ENOMEM, or -ECANCELED when stopping. */
int ct_s3_fetch(ct_aws_t *aws, CURL *h, const char *bucket_url, const char *bucket,
	const char *key, const ct_env_t *env, ct_object_t **out);

#endif /* CT_S3_H */
