/* ct_sqs.c - log files announced by S3 notifications in an SQS queue
 * (JSON protocol): long polling, fetching, deleting a message only once
 * every record of its objects was handed over. */
#include "ct_provider.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ct_aws.h"
#include "ct_s3.h"

typedef struct ct_msg {
	char *handle;             /* receipt handle */
	atomic_uint remaining;    /* objects not yet committed */
} ct_msg_t;

typedef struct ct_sqs_src {
	ct_env_t env;
	ct_aws_t aws;
	atomic_bool stop;
	char *queue, *queue_url, *endpoint;
	sk_sdk_queue_t out;
	pthread_t thr;
	bool started;
	CURL *commit_h;           /* source thread's handle for deletes */
} ct_sqs_src_t;

static int sqs_call(ct_sqs_src_t *s, CURL *h, const char *action, json_t *req, json_t **resp,
	char *err, size_t errlen)
{
	char target[64];
	char *body = json_dumps(req, JSON_COMPACT);
	sk_sdk_buf_t out = { 0 };
	long status = 0;
	int rc;
	ct_req_t r = { .service = "sqs", .method = "POST", .url = s->endpoint,
		       .content_type = "application/x-amz-json-1.0", .target = target,
		       .max_response = 16 << 20 };

	if (!body) {
		snprintf(err, errlen, "out of memory");
		return -ENOMEM;
	}
	snprintf(target, sizeof(target), "AmazonSQS.%s", action);
	r.body = body;
	r.body_len = strlen(body);
	rc = ct_aws_send(&s->aws, h, &r, &status, &out, err, errlen);
	free(body);
	if (rc < 0)
		return rc;
	if (status != 200) {
		snprintf(err, errlen, "SQS %s: HTTP %ld: %.300s", action, status, out.p ? out.p : "");
		sk_sdk_buf_free(&out);
		return -EIO;
	}
	*resp = json_loadb(out.p ? out.p : "{}", out.n ? out.n : 2, 0, NULL);
	sk_sdk_buf_free(&out);
	if (!*resp) {
		snprintf(err, errlen, "SQS %s: the answer is not JSON", action);
		return -EIO;
	}
	return 0;
}

static void delete_msg(ct_sqs_src_t *s, CURL *h, ct_msg_t *m)
{
	char err[512];
	json_t *resp = NULL, *req;

	/* When stopping, the message stays: SQS delivers it again and the
	 * checkpoint / eventID window recognise what was already read. */
	if (s->env.cfg->sqs_delete && h && !atomic_load(&s->stop)) {
		req = json_pack("{s:s,s:s}", "QueueUrl", s->queue_url, "ReceiptHandle", m->handle);
		if (req && sqs_call(s, h, "DeleteMessage", req, &resp, err, sizeof(err)) == 0)
			ct_count(s->env.c, CT_C_SQS_DELETED, 1);
		else if (req)
			sk_sdk_logf(s->env.log, SS_PLUGIN_LOG_SEV_ERROR, "cannot delete an SQS message "
				"(it will be received again): %s", err);
		json_decref(req);
		json_decref(resp);
	}
	free(m->handle);
	free(m);
}

static void release(ct_sqs_src_t *s, CURL *h, ct_msg_t *m, unsigned n)
{
	if (atomic_fetch_sub(&m->remaining, n) == n)
		delete_msg(s, h, m);
}

/* S3 event notification keys are form-encoded ('+' is a space). */
static char *url_decode(const char *s)
{
	char *out = malloc(strlen(s) + 1), *o = out;

	if (!out)
		return NULL;
	for (; *s; s++) {
		unsigned v;

		if (*s == '+')
			*o++ = ' ';
		else if (*s == '%' && s[1] && s[2] && sscanf(s + 1, "%2x", &v) == 1) {
			*o++ = (char)v;
			s += 2;
		} else
			*o++ = *s;
	}
	*o = '\0';
	return out;
}

/* Pairs (bucket, key) announced by one message body into `pairs` (an array
 * of [bucket, key]). 0, or -EINVAL for a body that is not a notification. */
static int parse_body(const char *body, json_t *pairs)
{
	json_t *b = json_loads(body, 0, NULL), *inner = NULL, *v, *recs, *rec, *keys;
	const char *msg, *bucket;
	size_t i;
	int rc = -EINVAL;

	if (!b)
		return -EINVAL;
	msg = json_string_value(json_object_get(b, "Message"));
	if (msg && (v = json_object_get(b, "Type")) && json_is_string(v))
		inner = json_loads(msg, 0, NULL); /* SNS envelope */
	else
		inner = json_incref(b);
	if (!json_is_object(inner))
		goto out;
	/* CloudTrail's own SNS notification */
	bucket = json_string_value(json_object_get(inner, "s3Bucket"));
	keys = json_object_get(inner, "s3ObjectKey");
	if (bucket && json_is_array(keys)) {
		json_array_foreach(keys, i, v)
			if (json_is_string(v))
				json_array_append_new(pairs, json_pack("[s,O]", bucket, v));
		rc = 0;
		goto out;
	}
	/* S3 event notification, direct or wrapped in SNS */
	recs = json_object_get(inner, "Records");
	if (json_is_array(recs)) {
		json_array_foreach(recs, i, rec) {
			const char *bn = json_string_value(json_object_get(json_object_get(
				json_object_get(rec, "s3"), "bucket"), "name"));
			const char *kn = json_string_value(json_object_get(json_object_get(
				json_object_get(rec, "s3"), "object"), "key"));
			char *k;

			if (!bn || !kn || !(k = url_decode(kn)))
				continue;
			json_array_append_new(pairs, json_pack("[s,s]", bn, k));
			free(k);
		}
		rc = json_array_size(pairs) ? 0 : -EINVAL;
		goto out;
	}
	if ((v = json_object_get(inner, "Event")) && json_is_string(v) &&
	    strcmp(json_string_value(v), "s3:TestEvent") == 0)
		rc = 0;
out:
	json_decref(inner);
	json_decref(b);
	return rc;
}

static void handle_message(ct_sqs_src_t *s, CURL *h, json_t *m)
{
	const char *body = json_string_value(json_object_get(m, "Body"));
	const char *rh = json_string_value(json_object_get(m, "ReceiptHandle"));
	json_t *pairs = json_array(), *pr;
	ct_msg_t *msg;
	size_t i, n;

	ct_count(s->env.c, CT_C_SQS_MESSAGES, 1);
	msg = pairs && rh ? calloc(1, sizeof(*msg)) : NULL;
	if (!msg || !(msg->handle = strdup(rh))) {
		free(msg);
		json_decref(pairs);
		if (rh && pairs)
			sk_sdk_logf(s->env.log, SS_PLUGIN_LOG_SEV_ERROR, "out of memory");
		return;
	}
	if (!body || parse_body(body, pairs) < 0) {
		ct_count(s->env.c, CT_C_SQS_BAD_MESSAGES, 1);
		sk_sdk_logf(s->env.log, SS_PLUGIN_LOG_SEV_WARNING,
			"skipping SQS message %s: not an S3 or CloudTrail notification",
			json_string_value(json_object_get(m, "MessageId")) ?: "?");
		json_array_clear(pairs);
	}
	n = json_array_size(pairs);
	atomic_store(&msg->remaining, (unsigned)n + 1); /* +1: held while queueing */
	json_array_foreach(pairs, i, pr) {
		const char *bucket = json_string_value(json_array_get(pr, 0));
		const char *key = json_string_value(json_array_get(pr, 1));
		char *burl = ct_s3_bucket_url(&s->aws, bucket), *name = NULL;
		ct_object_t *o = NULL;

		if (burl && asprintf(&name, "s3://%s/%s", bucket, key) >= 0 &&
		    ct_ckpt_is_done(s->env.ckpt, name)) {
			ct_count(s->env.c, CT_C_OBJECTS_SKIPPED_DONE, 1);
			release(s, h, msg, 1);
		} else if (!burl || ct_s3_fetch(&s->aws, h, burl, bucket, key, &s->env, &o) < 0) {
			release(s, h, msg, 1);
		} else {
			o->owner = msg;
			if (ct_object_push(&s->out, o) < 0) {
				ct_object_free(o);
				release(s, h, msg, 1);
			}
		}
		free(name);
		free(burl);
	}
	json_decref(pairs);
	release(s, h, msg, 1);
}

static void *receiver_main(void *arg)
{
	ct_sqs_src_t *s = arg;
	CURL *h = curl_easy_init();
	char err[512];

	while (h && !atomic_load(&s->stop)) {
		json_t *req = json_pack("{s:s,s:i,s:i}", "QueueUrl", s->queue_url,
			"MaxNumberOfMessages", 10, "WaitTimeSeconds", (int)s->env.cfg->sqs_wait_s);
		json_t *resp = NULL, *msgs, *m;
		size_t i;
		int rc = req ? sqs_call(s, h, "ReceiveMessage", req, &resp, err, sizeof(err)) : -ENOMEM;

		json_decref(req);
		if (rc < 0) {
			if (rc != -ECANCELED)
				sk_sdk_logf(s->env.log, SS_PLUGIN_LOG_SEV_ERROR,
					"receiving from SQS queue %s: %s", s->queue, err);
			/* the retries already backed off; a pause keeps a dead endpoint cheap */
			for (i = 0; i < 50 && !atomic_load(&s->stop); i++) {
				struct timespec ts = { 0, 20 * 1000000L };

				nanosleep(&ts, NULL);
			}
			continue;
		}
		msgs = json_object_get(resp, "Messages");
		json_array_foreach(msgs, i, m) {
			if (atomic_load(&s->stop))
				break;
			handle_message(s, h, m);
		}
		json_decref(resp);
	}
	curl_easy_cleanup(h);
	sk_sdk_queue_close(&s->out);
	return NULL;
}

static int sqs_next(void *self, ct_object_t **out, int wait_ms, char *err, size_t errlen)
{
	ct_sqs_src_t *s = self;

	(void)err, (void)errlen;
	return ct_object_pop(&s->out, out, wait_ms);
}

static void sqs_commit(void *self, ct_object_t *o)
{
	ct_sqs_src_t *s = self;

	if (o->owner) {
		if (!s->commit_h)
			s->commit_h = curl_easy_init();
		release(s, s->commit_h, o->owner, 1);
	}
	ct_object_free(o);
}

/* Drops the object's hold on its message without deleting it. */
static void sqs_drop(void *self, ct_object_t *o)
{
	ct_msg_t *m = o->owner;

	(void)self;
	if (m && atomic_fetch_sub(&m->remaining, 1) == 1) {
		free(m->handle);
		free(m);
	}
	ct_object_free(o);
}

static void drop_node(sk_sdk_qnode_t *node)
{
	sqs_drop(NULL, ct_object_of(node));
}

static int sqs_progress(void *self)
{
	(void)self;
	return -1;
}

static void sqs_destroy(void *self)
{
	ct_sqs_src_t *s = self;

	if (!s)
		return;
	atomic_store(&s->stop, true);
	sk_sdk_queue_close(&s->out);
	if (s->started)
		pthread_join(s->thr, NULL);
	/* Objects never handed over keep their message: it is not deleted and
	 * SQS delivers it again after its visibility timeout. */
	sk_sdk_queue_destroy(&s->out, drop_node);
	curl_easy_cleanup(s->commit_h);
	ct_aws_free(&s->aws);
	free(s->queue);
	free(s->queue_url);
	free(s->endpoint);
	free(s);
}

int ct_sqs_provider(ct_provider_t *p, const char *queue, const ct_env_t *env, char *err,
	size_t errlen)
{
	ct_sqs_src_t *s = calloc(1, sizeof(*s));
	json_t *req = NULL, *resp = NULL;
	CURL *h = NULL;
	int rc = -ENOMEM;

	if (!s) {
		snprintf(err, errlen, "out of memory");
		return -ENOMEM;
	}
	s->env = *env;
	if (!(s->queue = strdup(queue)))
		goto nomem;
	if (!*queue || strchr(queue, '/')) {
		snprintf(err, errlen, "sqs:// open params need a queue name: sqs://queue-name");
		rc = -EINVAL;
		goto fail;
	}
	if ((rc = ct_aws_init(&s->aws, env->cfg, env->c, env->log, &s->stop, err, errlen)) < 0)
		goto fail;
	rc = -ENOMEM;
	if ((s->aws.endpoint ? asprintf(&s->endpoint, "%s/", s->aws.endpoint) :
			       asprintf(&s->endpoint, "https://sqs.%s.amazonaws.com/", s->aws.region)) < 0) {
		s->endpoint = NULL;
		goto nomem;
	}
	if (sk_sdk_queue_init(&s->out, env->cfg->queue_max_objects,
			      env->cfg->queue_max_bytes) < 0 || !(h = curl_easy_init()))
		goto nomem;
	req = env->cfg->sqs_owner_account ?
		json_pack("{s:s,s:s}", "QueueName", queue, "QueueOwnerAWSAccountId",
			env->cfg->sqs_owner_account) :
		json_pack("{s:s}", "QueueName", queue);
	if (!req)
		goto nomem;
	if ((rc = sqs_call(s, h, "GetQueueUrl", req, &resp, err, errlen)) < 0)
		goto fail;
	if (!json_is_string(json_object_get(resp, "QueueUrl"))) {
		snprintf(err, errlen, "SQS GetQueueUrl for %s: no QueueUrl in the answer", queue);
		rc = -EIO;
		goto fail;
	}
	if (!(s->queue_url = strdup(json_string_value(json_object_get(resp, "QueueUrl")))))
		goto nomem;
	if (pthread_create(&s->thr, NULL, receiver_main, s) != 0) {
		snprintf(err, errlen, "cannot start the SQS thread");
		rc = -EAGAIN;
		goto fail;
	}
	s->started = true;
	sk_sdk_logf(env->log, SS_PLUGIN_LOG_SEV_INFO, "reading S3 notifications from %s",
		s->queue_url);
	json_decref(req);
	json_decref(resp);
	curl_easy_cleanup(h);
	p->self = s;
	p->next = sqs_next;
	p->commit = sqs_commit;
	p->drop = sqs_drop;
	p->progress = sqs_progress;
	p->destroy = sqs_destroy;
	p->durable_commit = true;
	return 0;
nomem:
	snprintf(err, errlen, "out of memory");
fail:
	json_decref(req);
	json_decref(resp);
	curl_easy_cleanup(h);
	sqs_destroy(s);
	return rc;
}
