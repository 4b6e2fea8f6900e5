/*
 * cloudtrail.h - shared types of the cloudtrail plugin: configuration and
 * the counters every part updates.
 *
 * Threading: counters are atomics (S3 download threads and the source
 * thread update them, plugin_get_metrics reads them); the config is
 * immutable after plugin_init.
 */
#ifndef CLOUDTRAIL_H
#define CLOUDTRAIL_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "plugin_api.h"
#include "sk_sdk_source.h"

#define CT_PLUGIN_ID 2
#define CT_PLUGIN_NAME "cloudtrail"
#define CT_PLUGIN_VERSION "0.17.1"
#define CT_EVENT_SOURCE "aws_cloudtrail"

typedef struct ct_aws_opts {
	char *profile;      /* aws.profile (default: $AWS_PROFILE, else "default") */
	char *region;       /* aws.region (default: $AWS_REGION / $AWS_DEFAULT_REGION / config) */
	char *config;       /* aws.config: shared config file path */
	char *credentials;  /* aws.credentials: shared credentials file path */
} ct_aws_opts_t;

typedef struct ct_config {
	uint64_t s3_concurrency;      /* s3DownloadConcurrency */
	char *s3_interval;            /* s3Interval, as given */
	int64_t interval_start;       /* parsed s3Interval, unix seconds (0: open) */
	int64_t interval_end;         /* INT64_MAX when open-ended */
	bool sqs_delete;              /* sqsDelete */
	bool use_s3_sns;              /* useS3SNS */
	char *s3_account_list;        /* s3AccountList (comma separated) */
	char *sqs_owner_account;      /* sqsOwnerAccount */
	ct_aws_opts_t aws;
	char *endpoint;               /* endpoint: S3/SQS base URL override */
	char *checkpoint_file;        /* checkpoint_file ("" = none) */
	bool follow;                  /* follow: keep listing an S3 prefix */
	uint64_t follow_interval_ms;  /* followIntervalMs: pause between listings */
	uint64_t max_record_size;     /* maxRecordSize (bytes of one record) */
	uint64_t max_object_size;     /* maxObjectSize (bytes of one decompressed log file) */
	uint64_t batch_max_events;    /* batchMaxEvents (events per next_batch) */
	uint64_t queue_max_objects;   /* queueMaxObjects: downloaded objects waiting */
	uint64_t queue_max_bytes;     /* queueMaxBytes: their decompressed bytes */
	uint64_t dedup_window;        /* dedupWindow: eventIDs remembered */
	uint64_t checkpoint_interval_ms; /* checkpointIntervalMs: min gap between writes */
	uint64_t sqs_wait_s;          /* sqsWaitSeconds: long polling */
	uint64_t retries;             /* maxRetries for AWS requests */
	uint64_t timeout_ms;          /* requestTimeoutMs for AWS requests */
} ct_config_t;

enum ct_counter {
	CT_C_RECORDS,            /* records handed to the host */
	CT_C_OBJECTS,            /* log files / objects fully read */
	CT_C_BYTES,              /* decompressed bytes read */
	CT_C_SKIP_NO_TIME,       /* records without a valid eventTime */
	CT_C_SKIP_NO_TYPE,       /* records without eventType */
	CT_C_SKIP_INSIGHT,       /* AwsCloudTrailInsight records */
	CT_C_SKIP_TOO_LARGE,     /* records over maxRecordSize */
	CT_C_SKIP_BAD_RECORD,    /* records that are not valid JSON objects */
	CT_C_SKIP_DUPLICATE,     /* records whose eventID was already delivered */
	CT_C_BAD_OBJECTS,        /* objects skipped: bad gzip, bad JSON, no Records */
	CT_C_OBJECTS_SKIPPED_DONE, /* objects skipped because the checkpoint has them */
	CT_C_OBJECTS_FILTERED,   /* S3 objects outside s3Interval / not .json(.gz) */
	CT_C_OBJECT_ERRORS,      /* objects that could not be fetched */
	CT_C_AWS_REQUESTS,       /* HTTP requests sent to AWS */
	CT_C_AWS_RETRIES,        /* retried requests (throttling, 5xx, network) */
	CT_C_AWS_ERRORS,         /* requests that failed after the retries */
	CT_C_SQS_MESSAGES,       /* SQS messages received */
	CT_C_SQS_DELETED,        /* SQS messages deleted */
	CT_C_SQS_BAD_MESSAGES,   /* SQS messages that were not S3 notifications */
	CT_C_CHECKPOINT_WRITES,  /* checkpoint files written */
	CT_C_CHECKPOINT_ERRORS,  /* checkpoint writes that failed */
	CT_C_COUNT
};

typedef struct ct_counters {
	_Atomic uint64_t v[CT_C_COUNT];
} ct_counters_t;

static inline void ct_count(ct_counters_t *c, enum ct_counter k, uint64_t n)
{
	atomic_fetch_add_explicit(&c->v[k], n, memory_order_relaxed);
}

/* Every part logs through the plugin's SDK state (sk_sdk_logf). */
typedef sk_sdk_plugin_t ct_logger_t;

#endif /* CLOUDTRAIL_H */
