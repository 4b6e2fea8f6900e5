/*
 * cloudtrail.c - the cloudtrail plugin entry points: config, open over a
 * file/S3/SQS provider, next_batch (records, skips, de-duplication,
 * checkpoint commits), extraction, progress and metrics.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cloudtrail.h"
#include "ct_ckpt.h"
#include "ct_config.h"
#include "ct_fields.h"
#include "ct_provider.h"
#include "ct_split.h"
#include "sk_plugin_sdk.h"

/* Longest a next_batch call waits for data, so the host stays responsive. */
#define CT_IDLE_WAIT_MS 200

typedef struct ct_state {
	sk_sdk_err_t err;
	ct_config_t cfg;
	ct_counters_t c;
	ct_extractor_t ex;
	ss_plugin_owner_t *owner;
	ss_plugin_log_fn_t log;
	ct_logger_t logger;
	ss_plugin_metric metrics[CT_C_COUNT + 2];
	char progress[16];
	struct ct_inst *inst;
} ct_state_t;

typedef struct ct_inst {
	ct_state_t *st;
	ct_provider_t prov;
	ct_ckpt_t ckpt;
	sk_sdk_batch_t batch;
	ct_object_t *cur;          /* object being split */
	ct_split_t split;
	ct_object_t *delivered;    /* fully handed over, not yet committed */
	ct_object_t **delivered_tail;
	bool eof;
} ct_inst_t;

static char *g_fields_json;

__attribute__((constructor)) static void ct_load(void)
{
	g_fields_json = ct_fields_json();
}

__attribute__((destructor)) static void ct_unload(void)
{
	free(g_fields_json);
	g_fields_json = NULL;
}

void sk__ct_logf(const ct_logger_t *lg, ss_plugin_log_severity sev, const char *fmt, ...)
{
	char msg[768];
	va_list ap;

	if (!lg || !lg->fn)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	lg->fn(lg->ctx, sev, msg);
}

static void host_log(void *ctx, ss_plugin_log_severity sev, const char *msg)
{
	ct_state_t *st = ctx;

	if (st->log)
		st->log(st->owner, NULL, msg, sev);
	else if (sev <= SS_PLUGIN_LOG_SEV_WARNING)
		fprintf(stderr, "cloudtrail: %s\n", msg);
}

SK_PLUGIN_EXPORT const char *plugin_get_required_api_version(void)
{
	return "3.11.0";
}

SK_PLUGIN_EXPORT const char *plugin_get_version(void)
{
	return CT_PLUGIN_VERSION;
}

SK_PLUGIN_EXPORT const char *plugin_get_name(void)
{
	return CT_PLUGIN_NAME;
}

SK_PLUGIN_EXPORT const char *plugin_get_description(void)
{
	return "AWS CloudTrail records from local files, S3 and SQS";
}

SK_PLUGIN_EXPORT const char *plugin_get_contact(void)
{
	return "saker project";
}

SK_PLUGIN_EXPORT uint32_t plugin_get_id(void)
{
	return CT_PLUGIN_ID;
}

SK_PLUGIN_EXPORT const char *plugin_get_event_source(void)
{
	return CT_EVENT_SOURCE;
}

SK_PLUGIN_EXPORT const char *plugin_get_fields(void)
{
	return g_fields_json ? g_fields_json : "[]";
}

SK_PLUGIN_EXPORT const char *plugin_get_extract_event_sources(void)
{
	return "[\"" CT_EVENT_SOURCE "\"]";
}

SK_PLUGIN_EXPORT uint16_t *plugin_get_extract_event_types(uint32_t *numtypes, ss_plugin_t *s)
{
	static uint16_t types[] = { PPME_PLUGINEVENT_E };

	(void)s;
	*numtypes = 1;
	return types;
}

SK_PLUGIN_EXPORT const char *plugin_get_init_schema(ss_plugin_schema_type *t)
{
	*t = SS_PLUGIN_SCHEMA_JSON;
	return ct_config_schema();
}

SK_PLUGIN_EXPORT const char *plugin_list_open_params(ss_plugin_t *s, ss_plugin_rc *rc)
{
	(void)s;
	*rc = SS_PLUGIN_SUCCESS;
	return "[{\"value\":\"/var/log/cloudtrail\",\"desc\":\"local .json/.json.gz file or "
	       "directory tree\"},"
	       "{\"value\":\"s3://bucket/prefix\",\"desc\":\"CloudTrail logs in an S3 bucket\"},"
	       "{\"value\":\"sqs://queue-name\",\"desc\":\"S3 notifications of new logs in an SQS "
	       "queue\"}]";
}

SK_PLUGIN_EXPORT ss_plugin_t *plugin_init(const ss_plugin_init_input *in, ss_plugin_rc *rc)
{
	ct_state_t *st = calloc(1, sizeof(*st));

	if (!st) {
		*rc = SS_PLUGIN_FAILURE;
		return NULL;
	}
	ct_extractor_init(&st->ex);
	if (in) {
		st->owner = in->owner;
		st->log = in->log_fn;
	}
	st->logger.fn = host_log;
	st->logger.ctx = st;
	*rc = ct_config_load(&st->cfg, in ? in->config : NULL, st->err.msg, sizeof(st->err.msg)) < 0 ?
		SS_PLUGIN_FAILURE : SS_PLUGIN_SUCCESS;
	return st;
}

SK_PLUGIN_EXPORT void plugin_destroy(ss_plugin_t *s)
{
	ct_state_t *st = s;

	if (!st)
		return;
	ct_extractor_free(&st->ex);
	ct_config_free(&st->cfg);
	free(st);
}

SK_PLUGIN_EXPORT const char *plugin_get_last_error(ss_plugin_t *s)
{
	ct_state_t *st = s;

	return st ? st->err.msg : "cloudtrail: no state";
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
		sk__ct_logf(&st->logger, SS_PLUGIN_LOG_SEV_ERROR, "%s", err);
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
			sk__ct_logf(&st->logger, SS_PLUGIN_LOG_SEV_ERROR,
				"out of memory recording %s in the checkpoint", o->name);
	flush(in, force || in->prov.durable_commit);
	while ((o = in->delivered)) {
		in->delivered = o->next;
		o->next = NULL;
		in->prov.commit(in->prov.self, o);
	}
	in->delivered_tail = &in->delivered;
}

static void inst_free(ct_inst_t *in)
{
	ct_object_t *o;

	if (!in)
		return;
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
	sk_sdk_batch_free(&in->batch);
	free(in);
}

SK_PLUGIN_EXPORT ss_instance_t *plugin_open(ss_plugin_t *s, const char *params, ss_plugin_rc *rc)
{
	ct_state_t *st = s;
	ct_inst_t *in = calloc(1, sizeof(*in));
	char *e = st->err.msg;
	size_t el = sizeof(st->err.msg);
	const char *p = params ? params : "";
	ct_env_t env;
	int r;

	*rc = SS_PLUGIN_FAILURE;
	if (!in) {
		sk_sdk_err_set(&st->err, "out of memory");
		return NULL;
	}
	in->st = st;
	in->delivered_tail = &in->delivered;
	if (!*p) {
		sk_sdk_err_set(&st->err, "open params are empty: give a file or directory, "
			"s3://bucket[/prefix] or sqs://queue-name");
		goto fail;
	}
	if (sk_sdk_batch_init(&in->batch, (uint32_t)st->cfg.batch_max_events, 0) < 0) {
		sk_sdk_err_set(&st->err, "out of memory");
		goto fail;
	}
	if (ct_ckpt_open(&in->ckpt, st->cfg.checkpoint_file, p, st->cfg.dedup_window, e, el) < 0)
		goto fail;
	env.cfg = &st->cfg;
	env.c = &st->c;
	env.ckpt = &in->ckpt;
	env.log = &st->logger;
	if (strncmp(p, "s3://", 5) == 0)
		r = ct_s3_provider(&in->prov, p + 5, &env, e, el);
	else if (strncmp(p, "sqs://", 6) == 0)
		r = ct_sqs_provider(&in->prov, p + 6, &env, e, el);
	else if (strstr(p, "://"))
		r = (snprintf(e, el, "scheme \"%.*s\" is not supported (file path, s3:// or sqs://)",
			     (int)(strstr(p, "://") - p), p), -EINVAL);
	else
		r = ct_file_provider(&in->prov, p, &env, e, el);
	if (r < 0)
		goto fail;
	if (in->ckpt.path)
		sk__ct_logf(&st->logger, SS_PLUGIN_LOG_SEV_INFO,
			"checkpoint %s: %zu objects already done, %zu eventIDs remembered",
			in->ckpt.path, ct_ckpt_done_count(&in->ckpt), in->ckpt.dedup.count);
	st->inst = in;
	*rc = SS_PLUGIN_SUCCESS;
	return in;
fail:
	inst_free(in);
	return NULL;
}

SK_PLUGIN_EXPORT void plugin_close(ss_plugin_t *s, ss_instance_t *h)
{
	ct_state_t *st = s;

	if (st && st->inst == h)
		st->inst = NULL;
	inst_free(h);
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
		r = in->prov.next(in->prov.self, &o, wait_ms, st->err.msg, sizeof(st->err.msg));
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
		sk__ct_logf(&st->logger, SS_PLUGIN_LOG_SEV_WARNING, "skipping %s: %s", o->name,
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
		sk__ct_logf(&st->logger, SS_PLUGIN_LOG_SEV_WARNING,
			"skipping record %zu of %s: %zu bytes over maxRecordSize (%llu)",
			in->split.index, in->cur->name, r->n,
			(unsigned long long)st->cfg.max_record_size);
		break;
	case CT_REC_NOT_OBJECT:
		ct_count(&st->c, CT_C_SKIP_BAD_RECORD, 1);
		sk__ct_logf(&st->logger, SS_PLUGIN_LOG_SEV_WARNING,
			"skipping record %zu of %s: not a JSON object", in->split.index,
			in->cur->name);
		break;
	case CT_REC_OK:
		break;
	}
}

SK_PLUGIN_EXPORT ss_plugin_rc plugin_next_batch(ss_plugin_t *s, ss_instance_t *h, uint32_t *nevts,
	ss_plugin_event ***evts)
{
	ct_state_t *st = s;
	ct_inst_t *in = h;
	uint64_t deadline = sk__ct_now_ms() + CT_IDLE_WAIT_MS, now;
	ct_record_t rec;
	int r;

	*nevts = 0;
	*evts = NULL;
	/* The host came back: everything of the previous batch was evaluated. */
	commit_delivered(in, false);
	sk_sdk_batch_reset(&in->batch);
	while (!sk_sdk_batch_full(&in->batch) && !in->eof) {
		if (!in->cur) {
			/* Wait only while the batch is empty, and for one bounded
			 * time per call however many empty objects arrive. */
			now = sk__ct_now_ms();
			r = next_object(in, in->batch.count || now >= deadline ? 0 :
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
		while (!sk_sdk_batch_full(&in->batch)) {
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
			if (sk_sdk_batch_add(&in->batch, rec.ts, CT_PLUGIN_ID, rec.p, rec.n) < 0) {
				sk_sdk_err_set(&st->err, "out of memory building a batch");
				return SS_PLUGIN_FAILURE;
			}
		}
	}
	if (in->batch.count) {
		*nevts = in->batch.count;
		*evts = sk_sdk_batch_events(&in->batch);
		ct_count(&st->c, CT_C_RECORDS, in->batch.count);
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

SK_PLUGIN_EXPORT ss_plugin_rc plugin_extract_fields(ss_plugin_t *s, const ss_plugin_event_input *ev,
	const ss_plugin_field_extract_input *in)
{
	ct_state_t *st = s;
	uint32_t i;

	ct_extract_begin(&st->ex);
	for (i = 0; i < in->num_fields; i++) {
		if (ct_extract(&st->ex, ev, &in->fields[i]) < 0) {
			sk_sdk_err_set(&st->err, "cloudtrail: cannot extract %s: out of memory",
				in->fields[i].field ? in->fields[i].field : "?");
			return SS_PLUGIN_FAILURE;
		}
	}
	return SS_PLUGIN_SUCCESS;
}

static const char *const metric_names[CT_C_COUNT] = {
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

SK_PLUGIN_EXPORT ss_plugin_metric *plugin_get_metrics(ss_plugin_t *s, uint32_t *num_metrics)
{
	ct_state_t *st = s;
	ss_plugin_metric *m = st->metrics;
	uint32_t i, n = 0;

	for (i = 0; i < CT_C_COUNT; i++, n++) {
		m[n].name = metric_names[i];
		m[n].type = SS_PLUGIN_METRIC_TYPE_MONOTONIC;
		m[n].value_type = SS_PLUGIN_METRIC_VALUE_TYPE_U64;
		m[n].value.u64 = atomic_load_explicit(&st->c.v[i], memory_order_relaxed);
	}
	m[n].name = "cloudtrail.checkpoint.objects";
	m[n].type = SS_PLUGIN_METRIC_TYPE_NON_MONOTONIC;
	m[n].value_type = SS_PLUGIN_METRIC_VALUE_TYPE_U64;
	m[n].value.u64 = st->inst ? ct_ckpt_done_count(&st->inst->ckpt) : 0;
	n++;
	m[n].name = "cloudtrail.extract.parse_errors";
	m[n].type = SS_PLUGIN_METRIC_TYPE_MONOTONIC;
	m[n].value_type = SS_PLUGIN_METRIC_VALUE_TYPE_U64;
	m[n].value.u64 = st->ex.parse_errors;
	n++;
	*num_metrics = n;
	return m;
}
