/* ct_split.c - CloudTrail log file to records. */
#include "ct_split.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

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
	if (string_body(tv, tve, &b, &n) < 0 || ct_parse_time(b, n, &r->ts) < 0) {
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

static int digits(const char *s, size_t n, unsigned *out)
{
	unsigned v = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -EINVAL;
		v = v * 10 + (unsigned)(s[i] - '0');
	}
	*out = v;
	return 0;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
 * civil-from-days inverse). */
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
	int64_t era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

int ct_parse_time(const char *s, size_t n, uint64_t *ns)
{
	unsigned y, mo, d, h, mi, sec, oh = 0, om = 0;
	uint64_t frac = 0, scale = 1000000000ULL;
	int64_t secs, off = 0;
	size_t i = 19;

	if (n < 20 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't') ||
	    s[13] != ':' || s[16] != ':')
		return -EINVAL;
	if (digits(s, 4, &y) < 0 || digits(s + 5, 2, &mo) < 0 || digits(s + 8, 2, &d) < 0 ||
	    digits(s + 11, 2, &h) < 0 || digits(s + 14, 2, &mi) < 0 ||
	    digits(s + 17, 2, &sec) < 0)
		return -EINVAL;
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60 || y < 1970)
		return -EINVAL;
	if (s[i] == '.') {
		i++;
		if (i >= n || s[i] < '0' || s[i] > '9')
			return -EINVAL;
		for (; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
			if (scale > 1) {
				scale /= 10;
				frac += (uint64_t)(s[i] - '0') * scale;
			}
		}
	}
	if (i < n && (s[i] == 'Z' || s[i] == 'z') && i + 1 == n) {
		off = 0;
	} else if (i + 6 == n && (s[i] == '+' || s[i] == '-') && s[i + 3] == ':' &&
		   digits(s + i + 1, 2, &oh) == 0 && digits(s + i + 4, 2, &om) == 0 && oh < 24 &&
		   om < 60) {
		off = (int64_t)(oh * 3600 + om * 60) * (s[i] == '+' ? 1 : -1);
	} else {
		return -EINVAL;
	}
	secs = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec - off;
	if (secs < 0)
		return -EINVAL;
	*ns = (uint64_t)secs * 1000000000ULL + frac;
	return 0;
}
