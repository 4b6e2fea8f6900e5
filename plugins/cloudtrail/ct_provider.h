/*
 * ct_provider.h - where log files come from: a local file or directory
 * tree, an S3 prefix, or an SQS queue of S3 notifications. The source
 * (cloudtrail.c) pulls objects from a provider, splits them into records,
 * and calls commit() once every record of an object was handed to the host
 * and the host came back for more (so they were evaluated).
 *
 * Threading: every callback runs on the source thread; a provider may run
 * its own threads behind them (S3 downloads).
 */
#ifndef CT_PROVIDER_H
#define CT_PROVIDER_H

#include <stdbool.h>
#include <stdint.h>

#include "cloudtrail.h"
#include "ct_ckpt.h"
#include "ct_object.h"

typedef struct ct_provider ct_provider_t;

struct ct_provider {
	void *self;
	/* 1 with *out (caller owns it until commit), 0 when nothing is ready
	 * within wait_ms, -ENODATA at the end, other negative errno on a fatal
	 * error (err filled). */
	int (*next)(void *self, ct_object_t **out, int wait_ms, char *err, size_t errlen);
	/* Every record of o was handed over; the provider takes o back. */
	void (*commit)(void *self, ct_object_t *o);
	/* o will not be finished (closing mid-object); the provider takes it
	 * back without committing it (SQS keeps the message). */
	void (*drop)(void *self, ct_object_t *o);
	/* Progress in hundredths of a percent, or -1 when unknown. */
	int (*progress)(void *self);
	void (*destroy)(void *self);
	/* commit() has effects a restart cannot undo (SQS deletes the message):
	 * the checkpoint is written before it is called. */
	bool durable_commit;
};

/* Everything a provider may need, borrowed from the plugin. */
typedef struct ct_env {
	const ct_config_t *cfg;
	ct_counters_t *c;
	ct_ckpt_t *ckpt;
	const ct_logger_t *log;
} ct_env_t;

int ct_file_provider(ct_provider_t *p, const char *path, const ct_env_t *env, char *err,
	size_t errlen);
int ct_s3_provider(ct_provider_t *p, const char *bucket_prefix, const ct_env_t *env, char *err,
	size_t errlen);
int ct_sqs_provider(ct_provider_t *p, const char *queue, const ct_env_t *env, char *err,
	size_t errlen);

#endif /* CT_PROVIDER_H */
