/* ka_parse.c - audit payload recognition and per-event records. */
#include "ka_parse.h"

#include "sk_plugin_sdk.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define KA_MAX_NESTING 8

static bool api_version_ok(const sk_sdk_jval_t *o)
{
	sk_sdk_jval_t v;

	if (sk_sdk_jscan_get(o, "apiVersion", 10, &v) < 0)
		return true;
	return sk_sdk_jscan_streq(&v, "audit.k8s.io/v1") ||
	       sk_sdk_jscan_streq(&v, "audit.k8s.io/v1beta1");
}

/* The event is stored compacted (blanks outside strings removed), which is
 * what upstream's re-serialisation produces for the usual inputs, without
 * building a tree. */
static int add_event(const sk_sdk_jval_t *ev, size_t max_event_size, sk_sdk_qchain_t *out,
	ka_parse_stats_t *st)
{
	sk_sdk_jval_t ts;
	char tsbuf[64];
	uint64_t ns;
	size_t n;
	sk_sdk_qitem_t *it;

	if (sk_sdk_jscan_get(ev, "stageTimestamp", 14, &ts) < 0 || ts.t != SK_JT_STRING ||
	    ts.n - 2 >= sizeof(tsbuf) || memchr(ts.p + 1, '\\', ts.n - 2)) {
		st->no_timestamp++;
		return 0;
	}
	memcpy(tsbuf, ts.p + 1, ts.n - 2);
	tsbuf[ts.n - 2] = '\0';
	if (sk_sdk_rfc3339_ns(tsbuf, strlen(tsbuf), &ns) < 0) {
		st->no_timestamp++;
		return 0;
	}
	it = sk_sdk_qitem_new(ns, NULL, ev->n);
	if (!it)
		return -ENOMEM;
	n = sk_sdk_jscan_compact(ev, it->data);
	if (n > max_event_size) {
		free(it);
		st->too_large++;
		return 0;
	}
	sk_sdk_qitem_trim(it, n);
	sk_sdk_qchain_append(out, &it->node);
	st->events++;
	return 0;
}

/* Returns 1 when v was recognised, 0 when not, <0 on allocation failure. */
static int walk(const sk_sdk_jval_t *v, int depth, size_t max_event_size, sk_sdk_qchain_t *out,
	ka_parse_stats_t *st)
{
	sk_sdk_jval_t kind, items, it = { 0 }, el;
	int rc, any = 0, r;

	if (depth > KA_MAX_NESTING)
		return 0;
	if (v->t == SK_JT_ARRAY) {
		while ((r = sk_sdk_jscan_next(v, &it, &el)) == 1) {
			rc = walk(&el, depth + 1, max_event_size, out, st);
			if (rc < 0)
				return rc;
			if (rc == 0)
				st->not_event++;
			any = 1;
		}
		return any || r == 0;
	}
	if (v->t != SK_JT_OBJECT || !api_version_ok(v) ||
	    sk_sdk_jscan_get(v, "kind", 4, &kind) < 0 || kind.t != SK_JT_STRING)
		return 0;
	if (sk_sdk_jscan_streq(&kind, "Event")) {
		rc = add_event(v, max_event_size, out, st);
		return rc < 0 ? rc : 1;
	}
	if (!sk_sdk_jscan_streq(&kind, "EventList"))
		return 0;
	if (sk_sdk_jscan_get(v, "items", 5, &items) < 0 || items.t == SK_JT_NULL)
		return 1; /* an empty list is a valid (if useless) batch */
	if (items.t != SK_JT_ARRAY)
		return 0;
	while (sk_sdk_jscan_next(&items, &it, &el) == 1) {
		rc = walk(&el, depth + 1, max_event_size, out, st);
		if (rc < 0)
			return rc;
		if (rc == 0)
			st->not_event++;
	}
	return 1;
}

int ka_parse_payload(const char *buf, size_t len, size_t max_event_size, sk_sdk_qchain_t *out,
	ka_parse_stats_t *st, char *err, size_t errlen)
{
	char verr[160];
	sk_sdk_jval_t root;
	int rc;

	rc = sk_sdk_jscan_validate(buf, len, 128, verr, sizeof(verr));
	if (rc < 0) {
		snprintf(err, errlen, "malformed JSON: %s%s", verr,
			rc == -EAGAIN ? " (premature end of input)" : "");
		return rc;
	}
	if (sk_sdk_jscan_root(buf, len, &root) < 0) {
		snprintf(err, errlen, "malformed JSON");
		return -EINVAL;
	}
	rc = walk(&root, 0, max_event_size, out, st);
	if (rc < 0) {
		snprintf(err, errlen, "out of memory");
		return rc;
	}
	if (rc == 0) {
		snprintf(err, errlen, "data not recognized as a k8s audit event (want kind Event or "
			"EventList, apiVersion audit.k8s.io/v1 or v1beta1, or an array of them)");
		return -EINVAL;
	}
	return 0;
}
