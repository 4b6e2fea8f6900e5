/*
 * cloudtrail.c - the cloudtrail plugin: config, open over a file/S3/SQS
 * provider, next_batch (records, skips, de-duplication, checkpoint
 * commits), extraction and metrics as hooks of the SDK's source skeleton
 * (sk_sdk_source.h), plus plugin_get_progress.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cloudtrail.h"
#include "ct_ckpt.h"
#include "ct_config.h"
#include "ct_fields.h"
#include "ct_provider.h"
#include "ct_split.h"
#include "sk_sdk_source.h"

/* Longest a next_batch call waits for data, so the host stays responsive. */
#define CT_IDLE_WAIT_MS 200

typedef struct ct_state {
	sk_sdk_plugin_t base;
	ct_config_t cfg;
	ct_counters_t c;
	ct_extractor_t ex;
	char progress[16];
} ct_state_t;

typedef struct ct_inst {
	sk_sdk_inst_t base;
	ct_state_t *st;
	ct_provider_t prov;
	ct_ckpt_t ckpt;
	ct_object_t *cur;          /* object being split */
	ct_split_t split;
	ct_object_t *delivered;    /* fully handed over, not yet committed */
	ct_object_t **delivered_tail;
	bool eof;
} ct_inst_t;

static const char open_params[] =
	"[{\"value\":\"/var/log/cloudtrail\",\"desc\":\"local .json/.json.gz file or directory "
	"tree\"},"
	"{\"value\":\"s3://bucket/prefix\",\"desc\":\"CloudTrail logs in an S3 bucket\"},"
	"{\"value\":\"sqs://queue-name\",\"desc\":\"S3 notifications of new logs in an SQS "
	"queue\"}]";

static int ct_init(sk_sdk_plugin_t *p, const char *config)
{
	ct_state_t *st = (ct_state_t *)p;
	int r;

	ct_extractor_init(&st->ex);
	p->counters = st->c.v;
	r = ct_config_load(&st->cfg, config, p->err.msg, sizeof(p->err.msg));
	p->batch_max = (uint32_t)st->cfg.batch_max_events;
	return r;
}

static void ct_destroy(sk_sdk_plugin_t *p)
{
	ct_state_t *st = (ct_state_t *)p;

	ct_extractor_free(&st->ex);
	ct_config_free(&st->cfg);
}

/* Writes the checkpoint when it changed and the interval passed (or now). */
static void flush(ct_inst_t *in, bool force)
{
	ct_state_t *st = in->st;
	char err[256];

	if (!in->ckpt.path || !in->ckpt.dirty)
		return;
	if (!force && sk__ct_now_ms() - in->ckpt.last_write_ms < st->cfg.checkpoint_interval_ms)
		return;
	if (ct_ckpt_flush(&in->ckpt, true, 0, err, sizeof(err)) < 0) {
		ct_count(&st->c, CT_C_CHECKPOINT_ERRORS, 1);
		sk_sdk_logf(&st->base, SS_PLUGIN_LOG_SEV_ERROR, "%s", err);
	} else {
		ct_count(&st->c, CT_C_CHECKPOINT_WRITES, 1);
	}
}

/* Objects in `delivered` had all their records in batches the host has
 * since come back from: mark them done, persist, and let the provider
 * finish them (SQS deletes the message only after the checkpoint says the
 * object is done, so a redelivered notification is recognised). */
static void commit_delivered(ct_inst_t *in, bool force)
{
	ct_state_t *st = in->st;
	ct_object_t *o;

	if (!in->delivered) {
		flush(in, force);
		return;
	}
	for (o = in->delivered; o; o = o->next)
		if (!o->transient && ct_ckpt_mark_done(&in->ckpt, o->name) < 0)
			sk_sdk_logf(&st->base, SS_PLUGIN_LOG_SEV_ERROR,
				"out of memory recording %s in the checkpoint", o->name);
	flush(in, force || in->prov.durable_commit);
	while ((o = in->delivered)) {
		in->delivered = o->next;
		o->next = NULL;
		in->prov.commit(in->prov.self, o);
	}
	in->delivered_tail = &in->delivered;
}

static void ct_close(sk_sdk_inst_t *base)
{
	ct_inst_t *in = (ct_inst_t *)base;
	ct_object_t *o;

	/* close comes after the host evaluated the last batch it received */
	if (in->prov.commit)
		commit_delivered(in, true);
	if (in->cur && in->prov.drop)
		in->prov.drop(in->prov.self, in->cur);
	else
		ct_object_free(in->cur);
	while ((o = in->delivered)) {
		in->delivered = o->next;
		ct_object_free(o);
	}
	if (in->prov.destroy)
		in->prov.destroy(in->prov.self);
	ct_ckpt_close(&in->ckpt);
}

static int ct_open(sk_sdk_plugin_t *p, sk_sdk_inst_t *base, const char *params)
{
	ct_state_t *st = (ct_state_t *)p;
	ct_inst_t *in = (ct_inst_t *)base;
	const char *scheme_end = strstr(params, "://");
	char *e = p->err.msg;
	size_t el = sizeof(p->err.msg);
	ct_env_t env;
	int r;

	in->st = st;
	in->delivered_tail = &in->delivered;
	if (!*params) {
		sk_sdk_err_set(&p->err, "open params are empty: give a file or directory, "
			"s3://bucket[/prefix] or sqs://queue-name");
		return -EINVAL;
	}
	r = ct_ckpt_open(&in->ckpt, st->cfg.checkpoint_file, params, st->cfg.dedup_window, e, el);
	if (r < 0)
		return r;
	env.cfg = &st->cfg;
	env.c = &st->c;
	env.ckpt = &in->ckpt;
	env.log = &st->base;
	if (strncmp(params, "s3://", 5) == 0)
		r = ct_s3_provider(&in->prov, params + 5, &env, e, el);
	else if (strncmp(params, "sqs://", 6) == 0)
		r = ct_sqs_provider(&in->prov, params + 6, &env, e, el);
	else if (scheme_end)
		r = (snprintf(e, el, "scheme \"%.*s\" is not supported (file path, s3:// or sqs://)",
			     (int)(scheme_end - params), params), -EINVAL);
	else
		r = ct_file_provider(&in->prov, params, &env, e, el);
	if (r < 0)
		return r;
	if (in->ckpt.path)
		sk_sdk_logf(&st->base, SS_PLUGIN_LOG_SEV_INFO,
			"checkpoint %s: %zu objects already done, %zu eventIDs remembered",
			in->ckpt.path, ct_ckpt_done_count(&in->ckpt), in->ckpt.dedup.count);
	return 0;
}

static void deliver(ct_inst_t *in, ct_object_t *o)
{
	*in->delivered_tail = o;
	in->delivered_tail = &o->next;
}

/* Take the next object from the provider: 1 when in->cur is ready to split,
 * 0 when none is ready, -ENODATA at the end, other negatives fatal. */
static int next_object(ct_inst_t *in, int wait_ms)
{
	ct_state_t *st = in->st;
	ct_object_t *o = NULL;
	char why[256];
	int r;

	for (;;) {
		r = in->prov.next(in->prov.self, &o, wait_ms, st->base.err.msg,
			sizeof(st->base.err.msg));
		if (r <= 0)
			return r;
		if (!o->error && ct_split_begin(&in->split, o->data, o->len, st->cfg.max_record_size,
					why, sizeof(why)) < 0)
			ct_object_fail(o, "%s", why);
		if (!o->error) {
			in->cur = o;
			return 1;
		}
		ct_count(&st->c, CT_C_BAD_OBJECTS, 1);
		sk_sdk_logf(&st->base, SS_PLUGIN_LOG_SEV_WARNING, "skipping %s: %s", o->name,
			o->error);
		deliver(in, o);
		wait_ms = 0;
	}
}

static void count_skip(ct_inst_t *in, const ct_record_t *r)
{
	ct_state_t *st = in->st;

	switch (r->status) {
	case CT_REC_NO_TIME:
		ct_count(&st->c, CT_C_SKIP_NO_TIME, 1);
		break;
	case CT_REC_NO_TYPE:
		ct_count(&st->c, CT_C_SKIP_NO_TYPE, 1);
		break;
	case CT_REC_INSIGHT:
		ct_count(&st->c, CT_C_SKIP_INSIGHT, 1);
		break;
	case CT_REC_TOO_LARGE:
		ct_count(&st->c, CT_C_SKIP_TOO_LARGE, 1);
		sk_sdk_logf(&st->base, SS_PLUGIN_LOG_SEV_WARNING,
			"skipping record %zu of %s: %zu bytes over maxRecordSize (%llu)",
			in->split.index, in->cur->name, r->n,
			(unsigned long long)st->cfg.max_record_size);
		break;
	case CT_REC_NOT_OBJECT:
		ct_count(&st->c, CT_C_SKIP_BAD_RECORD, 1);
		sk_sdk_logf(&st->base, SS_PLUGIN_LOG_SEV_WARNING,
			"skipping record %zu of %s: not a JSON object", in->split.index,
			in->cur->name);
		break;
	case CT_REC_OK:
		break;
	}
}

static ss_plugin_rc ct_next_batch(sk_sdk_plugin_t *p, sk_sdk_inst_t *base)
{
	ct_state_t *st = (ct_state_t *)p;
	ct_inst_t *in = (ct_inst_t *)base;
	sk_sdk_batch_t *b = &base->batch;
	uint64_t deadline = sk__ct_now_ms() + CT_IDLE_WAIT_MS, now;
	ct_record_t rec;
	int r;

	/* The host came back: everything of the previous batch was evaluated. */
	commit_delivered(in, false);
	while (!sk_sdk_batch_full(b) && !in->eof) {
		if (!in->cur) {
			/* Wait only while the batch is empty, and for one bounded
			 * time per call however many empty objects arrive. */
			now = sk__ct_now_ms();
			r = next_object(in, b->count || now >= deadline ? 0 :
						    (int)(deadline - now));
			if (r == 0)
				break;
			if (r == -ENODATA) {
				in->eof = true;
				break;
			}
			if (r < 0)
				return SS_PLUGIN_FAILURE;
		}
		while (!sk_sdk_batch_full(b)) {
			if (ct_split_next(&in->split, &rec) == 0) {
				ct_count(&st->c, CT_C_OBJECTS, 1);
				ct_count(&st->c, CT_C_BYTES, in->cur->len);
				free(in->cur->data);
				in->cur->data = NULL;
				deliver(in, in->cur);
				in->cur = NULL;
				break;
			}
			if (rec.status != CT_REC_OK) {
				count_skip(in, &rec);
				continue;
			}
			if (rec.id && ct_ckpt_seen(&in->ckpt, rec.id, rec.idlen)) {
				ct_count(&st->c, CT_C_SKIP_DUPLICATE, 1);
				continue;
			}
			if (sk_sdk_batch_add(b, rec.ts, CT_PLUGIN_ID, rec.p, rec.n) < 0) {
				sk_sdk_err_set(&p->err, "out of memory building a batch");
				return SS_PLUGIN_FAILURE;
			}
		}
	}
	if (b->count) {
		ct_count(&st->c, CT_C_RECORDS, b->count);
		return SS_PLUGIN_SUCCESS;
	}
	if (in->eof && !in->cur) {
		commit_delivered(in, true);
		return SS_PLUGIN_EOF;
	}
	return SS_PLUGIN_TIMEOUT;
}

SK_PLUGIN_EXPORT const char *plugin_get_progress(ss_plugin_t *s, ss_instance_t *h,
	uint32_t *progress_pct)
{
	ct_state_t *st = s;
	ct_inst_t *in = h;
	int p = in && in->prov.progress ? in->prov.progress(in->prov.self) : -1;

	if (p < 0)
		p = 0;
	if (in && in->eof && !in->cur)
		p = 10000;
	*progress_pct = (uint32_t)p;
	snprintf(st->progress, sizeof(st->progress), "%d.%02d", p / 100, p % 100);
	return st->progress;
}

static const char *const counter_names[CT_C_COUNT] = {
	[CT_C_RECORDS] = "cloudtrail.records.emitted",
	[CT_C_OBJECTS] = "cloudtrail.objects.read",
	[CT_C_BYTES] = "cloudtrail.objects.bytes",
	[CT_C_SKIP_NO_TIME] = "cloudtrail.records.skipped_no_event_time",
	[CT_C_SKIP_NO_TYPE] = "cloudtrail.records.skipped_no_event_type",
	[CT_C_SKIP_INSIGHT] = "cloudtrail.records.skipped_insight",
	[CT_C_SKIP_TOO_LARGE] = "cloudtrail.records.skipped_too_large",
	[CT_C_SKIP_BAD_RECORD] = "cloudtrail.records.skipped_not_object",
	[CT_C_SKIP_DUPLICATE] = "cloudtrail.records.skipped_duplicate",
	[CT_C_BAD_OBJECTS] = "cloudtrail.objects.skipped_bad",
	[CT_C_OBJECTS_SKIPPED_DONE] = "cloudtrail.objects.skipped_checkpoint",
	[CT_C_OBJECTS_FILTERED] = "cloudtrail.objects.filtered",
	[CT_C_OBJECT_ERRORS] = "cloudtrail.objects.fetch_errors",
	[CT_C_AWS_REQUESTS] = "cloudtrail.aws.requests",
	[CT_C_AWS_RETRIES] = "cloudtrail.aws.retries",
	[CT_C_AWS_ERRORS] = "cloudtrail.aws.errors",
	[CT_C_SQS_MESSAGES] = "cloudtrail.sqs.messages",
	[CT_C_SQS_DELETED] = "cloudtrail.sqs.deleted",
	[CT_C_SQS_BAD_MESSAGES] = "cloudtrail.sqs.bad_messages",
	[CT_C_CHECKPOINT_WRITES] = "cloudtrail.checkpoint.writes",
	[CT_C_CHECKPOINT_ERRORS] = "cloudtrail.checkpoint.errors",
};

static uint32_t ct_metrics(sk_sdk_plugin_t *p, ss_plugin_metric *m)
{
	ct_state_t *st = (ct_state_t *)p;
	ct_inst_t *in = p->inst;

	sk_sdk_metric_u64(&m[0], "cloudtrail.checkpoint.objects",
		SS_PLUGIN_METRIC_TYPE_NON_MONOTONIC, in ? ct_ckpt_done_count(&in->ckpt) : 0);
	sk_sdk_metric_u64(&m[1], "cloudtrail.extract.parse_errors", SS_PLUGIN_METRIC_TYPE_MONOTONIC,
		st->ex.parse_errors);
	return 2;
}

SK_SDK_EXTRACT_HOOKS(ct, ct_state_t, ex, ct_extract_begin, ct_extract)

SK_SDK_SOURCE_DEFINE(ct, CT,
	.description = "AWS CloudTrail records from local files, S3 and SQS",
	.init_schema = sk__ct_init_schema,
	.open_params = open_params,
	.nextra = 2);
