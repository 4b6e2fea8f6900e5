/* ct_split.c - CloudTrail log file to records. */
#include "ct_split.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "sk_sdk_util.h"

/* A log file nests records a few levels deep; records nest their request
 * parameters. 512 keeps hostile input from recursing without bound. */
#define CT_MAX_DEPTH 512

int ct_split_begin(ct_split_t *s, const char *buf, size_t len, size_t max_record, char *err,
	size_t errlen)
{
	sk_sdk_jval_t root;
	int rc;

	memset(s, 0, sizeof(*s));
	s->max_record = max_record;
	rc = sk_sdk_jscan_validate(buf, len, CT_MAX_DEPTH, err, errlen);
	if (rc == -EAGAIN) {
		char why[160];

		snprintf(why, sizeof(why), "%s", err ? err : "");
		sk_sdk_errf(err, errlen, "truncated JSON (%s)", why);
		return -EINVAL;
	}
	if (rc < 0) {
		char why[160];

		snprintf(why, sizeof(why), "%s", err ? err : "");
		sk_sdk_errf(err, errlen, "invalid JSON: %s", why);
		return -EINVAL;
	}
	if (sk_sdk_jscan_root(buf, len, &root) < 0 || root.t != SK_JT_OBJECT) {
		sk_sdk_errf(err, errlen, "not a CloudTrail log file: the document is not an object");
		return -EINVAL;
	}
	if (sk_sdk_jscan_get(&root, "Records", 7, &s->records) < 0 ||
	    s->records.t != SK_JT_ARRAY) {
		sk_sdk_errf(err, errlen, "not a CloudTrail log file: no \"Records\" array");
		return -EINVAL;
	}
	return 0;
}

/* The document was validated by ct_split_begin(), so the scanner below
 * only has to find boundaries: one pass per record both delimits it and
 * picks the three members the source needs (two passes with the generic
 * scanner were a third of the source's time). */
static const char *ws(const char *p, const char *e)
{
	return sk_sdk_jscan_ws(p, e);
}

/* The text is valid, so a value always ends before e. */
static const char *val_end(const char *p, const char *e)
{
	const char *q = sk_sdk_jscan_skip(p, e);

	return q ? q : e;
}

static int string_body(const char *p, const char *end, const char **out, size_t *n)
{
	if (!p || end - p < 2 || *p != '"')
		return -EINVAL;
	*out = p + 1;
	*n = (size_t)(end - p - 2);
	return 0;
}

/* Scans the object at p (validated): fills r with its extent and the
 * eventTime / eventType / eventID values. */
static void scan_record(const char *p, const char *e, ct_record_t *r, const char **tv,
	const char **tve, const char **ty, const char **tye)
{
	const char *k, *ke, *v, *ve;

	r->p = p;
	p = ws(p + 1, e);
	while (p < e && *p != '}') {
		k = p;
		ke = val_end(k, e);
		v = ws(ke, e);
		v = ws(v + 1, e); /* past ':' */
		ve = val_end(v, e);
		if (ke - k == 11 && memcmp(k, "\"eventTime\"", 11) == 0) {
			*tv = v;
			*tve = ve;
		} else if (ke - k == 11 && memcmp(k, "\"eventType\"", 11) == 0) {
			*ty = v;
			*tye = ve;
		} else if (ke - k == 9 && memcmp(k, "\"eventID\"", 9) == 0 && *v == '"') {
			r->id = v + 1;
			r->idlen = (size_t)(ve - v - 2);
		}
		p = ws(ve, e);
		if (p < e && *p == ',')
			p = ws(p + 1, e);
	}
	r->n = (size_t)(p + 1 - r->p);
}

int ct_split_next(ct_split_t *s, ct_record_t *r)
{
	const char *e = s->records.p + s->records.n - 1; /* the closing ']' */
	const char *p = s->pos ? s->pos : s->records.p + 1;
	const char *tv = NULL, *tve = NULL, *ty = NULL, *tye = NULL, *b;
	size_t n;

	p = ws(p, e);
	if (p < e && *p == ',')
		p = ws(p + 1, e);
	if (p >= e)
		return 0;
	s->index++;
	memset(r, 0, sizeof(*r));
	if (*p != '{') {
		r->p = p;
		s->pos = val_end(p, e);
		r->n = (size_t)(s->pos - p);
		r->status = CT_REC_NOT_OBJECT;
		return 1;
	}
	scan_record(p, e, r, &tv, &tve, &ty, &tye);
	s->pos = r->p + r->n;
	if (r->n > s->max_record) {
		r->status = CT_REC_TOO_LARGE;
		return 1;
	}
	if (string_body(tv, tve, &b, &n) < 0 || sk_sdk_rfc3339_ns(b, n, &r->ts) < 0) {
		r->status = CT_REC_NO_TIME;
		return 1;
	}
	if (!ty || *ty != '"') {
		r->status = CT_REC_NO_TYPE;
		return 1;
	}
	if (tye - ty == 22 && memcmp(ty, "\"AwsCloudTrailInsight\"", 22) == 0) {
		r->status = CT_REC_INSIGHT;
		return 1;
	}
	if (!r->idlen)
		r->id = NULL;
	return 1;
}

