/* ct_s3.c - log files from an S3 prefix: ListObjectsV2 pages, filtered
 * keys, bounded concurrent downloads, optional follow. */
#include "ct_provider.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ct_aws.h"
#include "ct_config.h"
#include "ct_s3.h"

typedef struct ct_s3_src {
	ct_env_t env;
	ct_aws_t aws;
	atomic_bool stop;
	char *bucket, *prefix, *bucket_url;
	sk_sdk_queue_t keys;    /* s3_key_t to download; closed when listed */
	sk_sdk_queue_t out;     /* ct_object_t ready for the source */
	pthread_t lister;
	pthread_t *workers;
	size_t nworkers, started;
	atomic_size_t live_workers;
	bool lister_started;
	json_t *seen;           /* keys queued during this run (lister thread only) */
	pthread_mutex_t mu;     /* guards the follow wait */
	pthread_cond_t cv;
} ct_s3_src_t;

typedef struct s3_key {
	sk_sdk_qnode_t node;
	char name[];
} s3_key_t;

/* Queues a copy of key for the download workers. */
static int push_key(ct_s3_src_t *s, const char *key)
{
	size_t n = strlen(key);
	s3_key_t *k = malloc(sizeof(*k) + n + 1);

	if (!k)
		return -ENOMEM;
	k->node.bytes = 0;
	memcpy(k->name, key, n + 1);
	if (sk_sdk_queue_push1(&s->keys, &k->node, -1) < 0) {
		free(k);
		return -EPIPE;
	}
	return 0;
}

char *ct_s3_bucket_url(const ct_aws_t *a, const char *bucket)
{
	char *u;

	int n = a->endpoint ? asprintf(&u, "%s/%s", a->endpoint, bucket) :
			      asprintf(&u, "https://%s.s3.%s.amazonaws.com", bucket, a->region);

	if (n < 0)
		return NULL;
	return u;
}

/* Text between <tag> and </tag> from *pos on, XML entities decoded. */
static char *xml_take(const char **pos, const char *end, const char *tag)
{
	char open[64], close[64];
	const char *a, *b;
	char *out, *o;

	snprintf(open, sizeof(open), "<%s>", tag);
	snprintf(close, sizeof(close), "</%s>", tag);
	if (!(a = strstr(*pos, open)) || a >= end)
		return NULL;
	a += strlen(open);
	if (!(b = strstr(a, close)) || b > end)
		return NULL;
	*pos = b + strlen(close);
	if (!(out = malloc((size_t)(b - a) + 1)))
		return NULL;
	for (o = out; a < b; a++) {
		static const struct { const char *ent; char ch; } ents[] = {
			{ "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' },
			{ "&apos;", '\'' }, { "&#13;", '\r' }, { "&#10;", '\n' } };
		size_t i;

		if (*a == '&') {
			for (i = 0; i < sizeof(ents) / sizeof(ents[0]); i++) {
				size_t l = strlen(ents[i].ent);

				if ((size_t)(b - a) >= l && strncmp(a, ents[i].ent, l) == 0) {
					*o++ = ents[i].ch;
					a += l - 1;
					break;
				}
			}
			if (i < sizeof(ents) / sizeof(ents[0]))
				continue;
		}
		*o++ = *a;
	}
	*o = '\0';
	return out;
}

static bool account_match(const char *list, const char *key)
{
	const char *p = list;

	while (*p) {
		const char *e = strchr(p, ',');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		char seg[80];

		while (n && *p == ' ')
			p++, n--;
		while (n && p[n - 1] == ' ')
			n--;
		if (n && n < sizeof(seg) - 2) {
			snprintf(seg, sizeof(seg), "/%.*s/", (int)n, p);
			if (strstr(key, seg) || (strncmp(key, seg + 1, n + 1) == 0))
				return true;
		}
		if (!e)
			break;
		p = e + 1;
	}
	return false;
}

/* Whether key should be read now (counts the filtered ones). */
static bool want_key(ct_s3_src_t *s, const char *key)
{
	const ct_config_t *cfg = s->env.cfg;
	char *name;
	bool done;
	int64_t t;

	if (json_object_get(s->seen, key))
		return false;
	if (!ct_is_log_name(key) || strstr(key, "CloudTrail-Digest/") ||
	    (cfg->s3_account_list && !account_match(cfg->s3_account_list, key)) ||
	    ((cfg->interval_start || cfg->interval_end != INT64_MAX) &&
	     (ct_key_time(key, &t) < 0 || t < cfg->interval_start || t > cfg->interval_end))) {
		ct_count(s->env.c, CT_C_OBJECTS_FILTERED, 1);
		json_object_set_new(s->seen, key, json_true());
		return false;
	}
	json_object_set_new(s->seen, key, json_true());
	if (asprintf(&name, "s3://%s/%s", s->bucket, key) < 0)
		return true;
	done = ct_ckpt_is_done(s->env.ckpt, name);
	free(name);
	if (done)
		ct_count(s->env.c, CT_C_OBJECTS_SKIPPED_DONE, 1);
	return !done;
}

/* One full listing of the prefix. 0, or negative errno (logged). */
static int list_once(ct_s3_src_t *s, CURL *h)
{
	char *token = NULL, *url = NULL, *eprefix = ct_uri_encode(s->prefix, false);
	char err[512];
	sk_sdk_buf_t body = { 0 };
	long status;
	int rc = 0;

	if (!eprefix)
		return -ENOMEM;
	for (;;) {
		char *etok = token ? ct_uri_encode(token, false) : NULL;
		const char *p, *end;
		bool truncated;
		ct_req_t r = { .service = "s3", .method = "GET", .max_response = 64 << 20 };

		/* SigV4 wants the query sorted by name; build it that way. */
		if ((token && !etok) ||
		    asprintf(&url, "%s%s?%s%s%slist-type=2&prefix=%s", s->bucket_url,
			    s->aws.endpoint ? "" : "/", etok ? "continuation-token=" : "",
			    etok ? etok : "", etok ? "&" : "", eprefix) < 0) {
			free(etok);
			url = NULL;
			rc = -ENOMEM;
			break;
		}
		free(etok);
		r.url = url;
		rc = ct_aws_send(&s->aws, h, &r, &status, &body, err, sizeof(err));
		if (rc < 0) {
			if (rc != -ECANCELED)
				sk_sdk_logf(s->env.log, SS_PLUGIN_LOG_SEV_ERROR, "listing s3://%s/%s: %s",
					s->bucket, s->prefix, err);
			break;
		}
		if (status != 200) {
			sk_sdk_logf(s->env.log, SS_PLUGIN_LOG_SEV_ERROR,
				"listing s3://%s/%s: HTTP %ld: %.300s", s->bucket, s->prefix, status,
				body.p ? body.p : "");
			rc = -EIO;
			break;
		}
		p = body.p ? body.p : "";
		end = p + body.n;
		for (;;) {
			const char *c = strstr(p, "<Contents>"), *ce;
			char *key;

			if (!c || !(ce = strstr(c, "</Contents>")))
				break;
			key = xml_take(&c, ce, "Key");
			p = ce + 11;
			if (key && want_key(s, key))
				push_key(s, key);
			free(key);
			if (atomic_load(&s->stop))
				break;
		}
		p = body.p ? body.p : "";
		{
			char *tr = xml_take(&p, end, "IsTruncated");

			truncated = tr && strcmp(tr, "true") == 0;
			free(tr);
		}
		free(token);
		p = body.p ? body.p : "";
		token = truncated ? xml_take(&p, end, "NextContinuationToken") : NULL;
		sk_sdk_buf_free(&body);
		free(url);
		url = NULL;
		if (!token || atomic_load(&s->stop))
			break;
	}
	sk_sdk_buf_free(&body);
	free(url);
	free(token);
	free(eprefix);
	return rc;
}

static void *lister_main(void *arg)
{
	ct_s3_src_t *s = arg;
	CURL *h = curl_easy_init();

	while (h && !atomic_load(&s->stop)) {
		list_once(s, h);
		if (!s->env.cfg->follow)
			break;
		pthread_mutex_lock(&s->mu);
		if (!atomic_load(&s->stop)) {
			struct timespec dl;
			uint64_t ms = s->env.cfg->follow_interval_ms;

			clock_gettime(CLOCK_MONOTONIC, &dl);
			dl.tv_sec += (time_t)(ms / 1000);
			dl.tv_nsec += (long)(ms % 1000) * 1000000L;
			if (dl.tv_nsec >= 1000000000L) {
				dl.tv_sec++;
				dl.tv_nsec -= 1000000000L;
			}
			pthread_cond_timedwait(&s->cv, &s->mu, &dl);
		}
		pthread_mutex_unlock(&s->mu);
	}
	if (!h)
		sk_sdk_logf(s->env.log, SS_PLUGIN_LOG_SEV_ERROR, "cannot create a curl handle");
	curl_easy_cleanup(h);
	/* the workers download what is queued, then stop */
	sk_sdk_queue_close(&s->keys);
	return NULL;
}

int ct_s3_fetch(ct_aws_t *aws, CURL *h, const char *bucket_url, const char *bucket,
	const char *key, const ct_env_t *env, ct_object_t **out)
{
	char *ekey = ct_uri_encode(key, true), *url = NULL, *name = NULL;
	char err[512], why[256];
	sk_sdk_buf_t body = { 0 };
	ct_object_t *o = NULL;
	long status = 0;
	int rc;
	ct_req_t r = { .service = "s3", .method = "GET",
		       .max_response = env->cfg->max_object_size + 1 };

	if (!ekey || asprintf(&url, "%s/%s", bucket_url, ekey) < 0 ||
	    asprintf(&name, "s3://%s/%s", bucket, key) < 0 || !(o = ct_object_new(name))) {
		free(ekey);
		free(name);
		return -ENOMEM;
	}
	free(ekey);
	free(name);
	r.url = url;
	rc = ct_aws_send(aws, h, &r, &status, &body, err, sizeof(err));
	if (rc == -ECANCELED) {
		ct_object_free(o);
		free(url);
		return rc;
	}
	if (rc < 0) {
		ct_count(env->c, CT_C_OBJECT_ERRORS, 1);
		ct_object_fail(o, "cannot fetch: %s", err);
		o->transient = rc != -EFBIG;
	} else if (status != 200) {
		ct_count(env->c, CT_C_OBJECT_ERRORS, 1);
		ct_object_fail(o, "cannot fetch: HTTP %ld%s", status,
			body.p && strstr(body.p, "NoSuchKey") ? " (NoSuchKey: the object does not exist)" :
								"");
		o->transient = status >= 500 || status == 429;
	} else {
		o->raw_size = body.n;
		if (ct_decode(body.p ? body.p : "", body.n, env->cfg->max_object_size, &o->data,
			    &o->len, why, sizeof(why)) < 0)
			ct_object_fail(o, "%s", why);
	}
	sk_sdk_buf_free(&body);
	free(url);
	*out = o;
	return 0;
}

static void *worker_main(void *arg)
{
	ct_s3_src_t *s = arg;
	CURL *h = curl_easy_init();
	sk_sdk_qchain_t one = { 0 };

	while (h && sk_sdk_queue_pop(&s->keys, &one, 1, -1) == 0) {
		s3_key_t *k = SK_SDK_QENTRY(one.head, s3_key_t, node);
		ct_object_t *o = NULL;

		if (ct_s3_fetch(&s->aws, h, s->bucket_url, s->bucket, k->name, &s->env, &o) == 0 &&
		    ct_object_push(&s->out, o) < 0)
			ct_object_free(o);
		sk_sdk_qchain_free(&one, NULL);
	}
	curl_easy_cleanup(h);
	if (atomic_fetch_sub(&s->live_workers, 1) == 1)
		sk_sdk_queue_close(&s->out);
	return NULL;
}

static int s3_next(void *self, ct_object_t **out, int wait_ms, char *err, size_t errlen)
{
	ct_s3_src_t *s = self;

	(void)err, (void)errlen;
	return ct_object_pop(&s->out, out, wait_ms);
}

static void s3_commit(void *self, ct_object_t *o)
{
	(void)self;
	ct_object_free(o);
}

static int s3_progress(void *self)
{
	(void)self;
	return -1;
}

static void s3_destroy(void *self)
{
	ct_s3_src_t *s = self;
	size_t i;

	if (!s)
		return;
	atomic_store(&s->stop, true);
	pthread_mutex_lock(&s->mu);
	pthread_cond_broadcast(&s->cv);
	pthread_mutex_unlock(&s->mu);
	sk_sdk_queue_close(&s->keys);
	sk_sdk_queue_close(&s->out);
	if (s->lister_started)
		pthread_join(s->lister, NULL);
	for (i = 0; i < s->started; i++)
		pthread_join(s->workers[i], NULL);
	sk_sdk_queue_destroy(&s->keys, NULL);
	sk_sdk_queue_destroy(&s->out, ct_object_free_node);
	pthread_mutex_destroy(&s->mu);
	pthread_cond_destroy(&s->cv);
	json_decref(s->seen);
	ct_aws_free(&s->aws);
	free(s->workers);
	free(s->bucket);
	free(s->prefix);
	free(s->bucket_url);
	free(s);
}

int ct_s3_provider(ct_provider_t *p, const char *bucket_prefix, const ct_env_t *env, char *err,
	size_t errlen)
{
	ct_s3_src_t *s = calloc(1, sizeof(*s));
	const char *slash = strchr(bucket_prefix, '/');
	pthread_condattr_t ca;
	size_t i;
	int rc = -ENOMEM;

	if (!s) {
		snprintf(err, errlen, "out of memory");
		return -ENOMEM;
	}
	s->env = *env;
	pthread_mutex_init(&s->mu, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&s->cv, &ca);
	pthread_condattr_destroy(&ca);
	s->bucket = slash ? strndup(bucket_prefix, (size_t)(slash - bucket_prefix)) :
			    strdup(bucket_prefix);
	s->prefix = strdup(slash ? slash + 1 : "");
	s->seen = json_object();
	if (!s->bucket || !s->prefix || !s->seen)
		goto nomem;
	if (!*s->bucket) {
		snprintf(err, errlen, "s3:// open params need a bucket: s3://bucket[/prefix]");
		rc = -EINVAL;
		goto fail;
	}
	if ((rc = ct_aws_init(&s->aws, env->cfg, env->c, env->log, &s->stop, err, errlen)) < 0)
		goto fail;
	rc = -ENOMEM;
	s->nworkers = env->cfg->s3_concurrency;
	if (!(s->bucket_url = ct_s3_bucket_url(&s->aws, s->bucket)) ||
	    !(s->workers = calloc(s->nworkers, sizeof(*s->workers))) ||
	    sk_sdk_queue_init(&s->keys, s->nworkers * 4 + 16, 0) < 0 ||
	    sk_sdk_queue_init(&s->out, env->cfg->queue_max_objects,
			      env->cfg->queue_max_bytes) < 0)
		goto nomem;
	atomic_store(&s->live_workers, s->nworkers);
	for (i = 0; i < s->nworkers; i++, s->started++) {
		if (pthread_create(&s->workers[i], NULL, worker_main, s) != 0) {
			atomic_fetch_sub(&s->live_workers, s->nworkers - i);
			snprintf(err, errlen, "cannot start S3 download threads");
			rc = -EAGAIN;
			goto fail;
		}
	}
	if (pthread_create(&s->lister, NULL, lister_main, s) != 0) {
		snprintf(err, errlen, "cannot start the S3 listing thread");
		rc = -EAGAIN;
		goto fail;
	}
	s->lister_started = true;
	sk_sdk_logf(env->log, SS_PLUGIN_LOG_SEV_INFO, "reading s3://%s/%s (region %s%s%s)%s",
		s->bucket, s->prefix, s->aws.region, s->aws.endpoint ? ", endpoint " : "",
		s->aws.endpoint ? s->aws.endpoint : "", env->cfg->follow ? ", following" : "");
	p->self = s;
	p->next = s3_next;
	p->commit = s3_commit;
	p->drop = s3_commit;
	p->progress = s3_progress;
	p->destroy = s3_destroy;
	return 0;
nomem:
	snprintf(err, errlen, "out of memory");
fail:
	s3_destroy(s);
	return rc;
}
