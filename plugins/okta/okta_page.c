/* okta_page.c - response body -> event slices. */
#include "okta_page.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "okta.h"
#include "sk_plugin_sdk.h"

void sk__ok_page_clear(ok_page_t *pg)
{
	pg->n = 0;
	pg->not_objects = 0;
}

void sk__ok_page_free(ok_page_t *pg)
{
	if (!pg)
		return;
	free(pg->ev);
	memset(pg, 0, sizeof(*pg));
}

static int push(ok_page_t *pg, const ok_evref_t *e)
{
	ok_evref_t *nv;
	size_t nc;

	if (pg->n == pg->cap) {
		nc = pg->cap ? pg->cap * 2 : 256;
		nv = realloc(pg->ev, nc * sizeof(*nv));
		if (!nv)
			return -ENOMEM;
		pg->ev = nv;
		pg->cap = nc;
	}
	pg->ev[pg->n++] = *e;
	return 0;
}

int sk__ok_page_decode(ok_page_t *pg, const char *body, size_t len, char *err, size_t errlen)
{
	sk_sdk_jval_t root, it = { 0 }, el, v;
	ok_evref_t e;
	uint64_t ts;
	int rc;

	sk__ok_page_clear(pg);
	/* Strict validation first: the scanner below trusts the text. */
	rc = sk_sdk_jscan_validate(body, len, 64, err, errlen);
	if (rc < 0)
		return rc;
	if (sk_sdk_jscan_root(body, len, &root) < 0 || root.t != SK_JT_ARRAY) {
		sk_sdk_errf(err, errlen, "the body is JSON but not an array of events");
		return -EINVAL;
	}
	while ((rc = sk_sdk_jscan_next(&root, &it, &el)) == 1) {
		if (el.t != SK_JT_OBJECT) {
			pg->not_objects++;
			continue;
		}
		memset(&e, 0, sizeof(e));
		e.p = el.p;
		e.n = el.n;
		e.ts = -1;
		if (sk_sdk_jscan_get(&el, "published", 9, &v) == 0 && v.t == SK_JT_STRING &&
		    sk_sdk_rfc3339_ns(v.p + 1, v.n - 2, &ts) == 0)
			e.ts = (int64_t)ts;
		if (sk_sdk_jscan_get(&el, "uuid", 4, &v) == 0 && v.t == SK_JT_STRING) {
			e.uuid = v.p + 1;
			e.uuid_n = v.n - 2;
		}
		if ((rc = push(pg, &e)) < 0)
			return rc;
	}
	if (rc < 0) {
		sk_sdk_errf(err, errlen, "malformed array");
		return -EINVAL;
	}
	return 0;
}

bool sk__ok_page_uuid_is(const ok_page_t *pg, size_t i, const char *u)
{
	return i < pg->n && pg->ev[i].uuid && strlen(u) == pg->ev[i].uuid_n &&
	       memcmp(pg->ev[i].uuid, u, pg->ev[i].uuid_n) == 0;
}
