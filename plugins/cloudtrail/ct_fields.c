/* ct_fields.c - field extraction straight from the record's JSON text. */
#include "ct_fields_int.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ct_extractor_init(ct_extractor_t *e)
{
	memset(e, 0, sizeof(*e));
	sk_sdk_extract_init(&e->x);
}

void ct_extractor_free(ct_extractor_t *e)
{
	if (!e)
		return;
	sk_sdk_extract_free(&e->x);
	memset(e, 0, sizeof(*e));
}

void ct_extract_begin(ct_extractor_t *e)
{
	sk_sdk_extract_reset(&e->x);
}

static void load_event(ct_extractor_t *e, const ss_plugin_event_input *ev)
{
	const uint8_t *pl;
	uint32_t len;

	if (e->have && e->evtnum == ev->evtnum && e->evt == ev->evt)
		return;
	e->have = true;
	e->indexed = false;
	e->ntop = 0;
	e->evtnum = ev->evtnum;
	e->evt = ev->evt;
	e->valid = sk_sdk_event_payload(ev->evt, &pl, &len, NULL, NULL, 0) == 0 &&
		   sk_sdk_jscan_root((const char *)pl, len, &e->root) == 0 &&
		   e->root.t == SK_JT_OBJECT;
	if (!e->valid)
		e->parse_errors++;
}

/* An index that overflows (a record with more than 48 members) falls back
 * to scanning the whole record. */
static void build_index(ct_extractor_t *e)
{
	sk_sdk_jval_t it = { 0 }, k, v;

	e->indexed = true;
	e->ntop = 0;
	while (sk_sdk_jscan_next_member(&e->root, &it, &k, &v) == 1) {
		if (e->ntop == sizeof(e->top) / sizeof(e->top[0])) {
			e->ntop = SIZE_MAX;
			return;
		}
		e->top[e->ntop].k = k.p;
		e->top[e->ntop].kn = k.n;
		e->top[e->ntop].v = v;
		e->ntop++;
	}
}

static int get(ct_extractor_t *e, const char *const *path, sk_sdk_jval_t *v)
{
	size_t i, n;

	if (!path[0])
		return -ENOENT;
	if (!e->indexed)
		build_index(e);
	if (e->ntop == SIZE_MAX)
		return sk_sdk_jscan_path(&e->root, path, v);
	n = strlen(path[0]);
	for (i = 0; i < e->ntop; i++) {
		if (e->top[i].kn == n && memcmp(e->top[i].k, path[0], n) == 0) {
			if (!path[1]) {
				*v = e->top[i].v;
				return 0;
			}
			return sk_sdk_jscan_path(&e->top[i].v, path + 1, v);
		}
	}
	return -ENOENT;
}

static int get1(ct_extractor_t *e, const char *k1, const char *k2, sk_sdk_jval_t *v)
{
	const char *path[3] = { k1, k2, NULL };

	return get(e, path, v);
}

/* Value text, or NULL for a missing or null value. */
static const char *text_at(ct_extractor_t *e, const char *k1, const char *k2, size_t *n)
{
	sk_sdk_jval_t v;

	if (get1(e, k1, k2, &v) < 0 || v.t == SK_JT_NULL)
		return NULL;
	return sk_sdk_jscan_text(&e->x, &v, n);
}

static int put_str(ct_extractor_t *e, ss_plugin_extract_field *f, const char *s, size_t n)
{
	if (!s) {
		sk_sdk_extract_none(f);
		return 0;
	}
	return sk_sdk_extract_str(&e->x, f, s, n);
}

static const char *user_name(ct_extractor_t *e, size_t *n)
{
	sk_sdk_jval_t t;
	const char *s;

	if (get1(e, "userIdentity", "type", &t) < 0 || t.t != SK_JT_STRING)
		return NULL;
	if (sk_sdk_jscan_streq(&t, "Root") || sk_sdk_jscan_streq(&t, "IAMUser"))
		return text_at(e, "userIdentity", "userName", n);
	if (sk_sdk_jscan_streq(&t, "AWSService"))
		return text_at(e, "userIdentity", "invokedBy", n);
	if (sk_sdk_jscan_streq(&t, "AssumedRole")) {
		const char *p[5] = { "userIdentity", "sessionContext", "sessionIssuer", "userName",
			NULL };
		sk_sdk_jval_t v;

		if (get(e, p, &v) == 0 && v.t != SK_JT_NULL &&
		    (s = sk_sdk_jscan_text(&e->x, &v, n)))
			return s;
		*n = 11;
		return "AssumedRole";
	}
	if (sk_sdk_jscan_streq(&t, "AWSAccount")) {
		*n = 10;
		return "AWSAccount";
	}
	if (sk_sdk_jscan_streq(&t, "FederatedUser")) {
		*n = 13;
		return "FederatedUser";
	}
	return NULL;
}

static const char *orig_user(ct_extractor_t *e, size_t *n)
{
	sk_sdk_jval_t t;
	const char *s, *a, *b;

	if (get1(e, "userIdentity", "type", &t) == 0 && sk_sdk_jscan_streq(&t, "AssumedRole")) {
		/* arn:aws:sts::<acct>:assumed-role/<role>/<session> */
		if ((s = text_at(e, "userIdentity", "arn", n)) && (a = strchr(s, '/')) &&
		    (b = strchr(a + 1, '/')) && !strchr(b + 1, '/')) {
			*n = strlen(b + 1);
			return b + 1;
		}
		/* <role id>:<session> */
		if ((s = text_at(e, "userIdentity", "principalId", n)) && (a = strchr(s, ':')) &&
		    !strchr(a + 1, ':')) {
			*n = strlen(a + 1);
			return a + 1;
		}
		return NULL;
	}
	return text_at(e, "userIdentity", "userName", n);
}

static bool has_prefix_any(const char *s)
{
	static const char *const verbs[] = { "Start", "Stop", "Create", "Destroy", "Delete", "Add",
		"Remove", "Terminate", "Put", "Associate", "Disassociate", "Attach", "Detach", "Open",
		"Close", "Wipe", "Update", "Upgrade", "Unlink", "Assign", "Unassign", "Suspend", "Set",
		"Run", "Register", "Deregister", "Reboot", "Purchase", "Modify", "Initialize",
		"Enable", "Disable", "Cancel", "Admin", "Activate", NULL };
	size_t i;

	for (i = 0; verbs[i]; i++)
		if (strncmp(s, verbs[i], strlen(verbs[i])) == 0)
			return true;
	return false;
}

static const char *readonly(ct_extractor_t *e)
{
	sk_sdk_jval_t v;
	const char *name;
	size_t n;

	if (get1(e, "readOnly", NULL, &v) == 0)
		return v.t == SK_JT_TRUE ? "true" : "false";
	if (!(name = text_at(e, "eventName", NULL, &n)))
		return NULL;
	return has_prefix_any(name) ? "false" : "true";
}

static int num_at(ct_extractor_t *e, const char *k1, const char *k2, uint64_t *out)
{
	sk_sdk_jval_t v;
	char buf[64];
	double d;

	if (get1(e, k1, k2, &v) < 0 || v.t != SK_JT_NUMBER || v.n >= sizeof(buf))
		return -ENOENT;
	memcpy(buf, v.p, v.n);
	buf[v.n] = '\0';
	if (!strpbrk(buf, ".eE-")) {
		*out = strtoull(buf, NULL, 10);
		return 0;
	}
	d = strtod(buf, NULL);
	*out = d > 0 ? (uint64_t)d : 0;
	return 0;
}

static int s3_bytes(ct_extractor_t *e, uint64_t *out)
{
	uint64_t in = 0, o = 0;
	int a = num_at(e, "additionalEventData", "bytesTransferredIn", &in);
	int b = num_at(e, "additionalEventData", "bytesTransferredOut", &o);

	if (a < 0 && b < 0)
		return -ENOENT;
	*out = in + o;
	return 0;
}

static const char *s3_uri(ct_extractor_t *e, size_t *n)
{
	size_t bn, kn;
	const char *b = text_at(e, "requestParameters", "bucketName", &bn);
	const char *k = b ? text_at(e, "requestParameters", "key", &kn) : NULL;
	char *s;

	if (!b || !k || !(s = sk_sdk_extract_alloc(&e->x, bn + kn + 7)))
		return NULL;
	*n = (size_t)sprintf(s, "s3://%s/%s", b, k);
	return s;
}

static int info(ct_extractor_t *e, ss_plugin_extract_field *f)
{
	const char *user, *ip, *name, *ro, *v;
	size_t un, ipn, nn, vn;
	sk_sdk_jval_t pab, x;
	sk_sdk_buf_t b = { 0 };
	uint64_t bytes;
	int rc;

	if (!(user = user_name(e, &un)))
		return sk_sdk_extract_str_ref(&e->x, f,
			"<invalid cloudtrail event: userIdentity field missing>");
	if (!(ip = text_at(e, "sourceIPAddress", NULL, &ipn)))
		return sk_sdk_extract_str_ref(&e->x, f,
			"<invalid cloudtrail event: eventSource field missing>");
	if (!(name = text_at(e, "eventName", NULL, &nn)))
		return sk_sdk_extract_str_ref(&e->x, f,
			"<invalid cloudtrail event: eventName field missing>");
	ro = readonly(e);
	/* appends fail sticky: b.err is checked once at the end */
	sk_sdk_buf_str(&b, user);
	if (strcmp(user, ip) != 0) {
		sk_sdk_buf_str(&b, " via ");
		sk_sdk_buf_str(&b, ip);
	}
	sk_sdk_buf_str(&b, " ");
	if (get1(e, "errorCode", NULL, &x) == 0)
		sk_sdk_buf_str(&b, "!");
	sk_sdk_buf_str(&b, ro && strcmp(ro, "false") == 0 ? "\xe2\x86\x92" : "\xe2\x86\x90");
	sk_sdk_buf_str(&b, " ");
	sk_sdk_buf_str(&b, name);
	if (strcmp(name, "PutBucketPublicAccessBlock") == 0) {
		static const char *const keys[] = { "BlockPublicAcls", "BlockPublicPolicy",
			"IgnorePublicAcls", "RestrictPublicBuckets" };
		size_t i;

		if (get1(e, "requestParameters", "PublicAccessBlockConfiguration", &pab) == 0 &&
		    pab.t == SK_JT_OBJECT) {
			for (i = 0; i < 4; i++) {
				bool t = sk_sdk_jscan_get(&pab, keys[i], strlen(keys[i]), &x) == 0 &&
					 x.t == SK_JT_TRUE;

				sk_sdk_buf_str(&b, " ");
				sk_sdk_buf_str(&b, keys[i]);
				sk_sdk_buf_str(&b, t ? "=true" : "=false");
			}
			sk_sdk_buf_str(&b, " ");
		}
		goto done;
	}
	if (s3_bytes(e, &bytes) == 0) {
		char num[32];

		snprintf(num, sizeof(num), " Size=%llu", (unsigned long long)bytes);
		sk_sdk_buf_str(&b, num);
	}
	if ((v = s3_uri(e, &vn))) {
		sk_sdk_buf_str(&b, " URI=");
		sk_sdk_buf_append(&b, v, vn);
	} else if ((v = text_at(e, "requestParameters", "bucketName", &vn))) {
		sk_sdk_buf_str(&b, " Bucket=");
		sk_sdk_buf_append(&b, v, vn);
	} else if ((v = text_at(e, "requestParameters", "key", &vn))) {
		sk_sdk_buf_str(&b, " Key=");
		sk_sdk_buf_append(&b, v, vn);
	} else if ((v = text_at(e, "requestParameters", "Host", &vn))) {
		sk_sdk_buf_str(&b, " Host=");
		sk_sdk_buf_append(&b, v, vn);
	}
done:
	rc = b.err ? b.err : sk_sdk_extract_str(&e->x, f, b.p, b.n);
	sk_sdk_buf_free(&b);
	return rc;
}

static int resources(ct_extractor_t *e, ss_plugin_extract_field *f)
{
	sk_sdk_jval_t arr, it = { 0 }, el;
	sk_sdk_buf_t b = { 0 };
	int rc;

	if (get1(e, "resources", NULL, &arr) < 0 || arr.t != SK_JT_ARRAY) {
		sk_sdk_extract_none(f);
		return 0;
	}
	while (!b.err && sk_sdk_jscan_next(&arr, &it, &el) == 1) {
		char *c = sk_sdk_extract_alloc(&e->x, el.n + 1);

		if (!c) {
			sk_sdk_buf_free(&b);
			return -ENOMEM;
		}
		if (b.n)
			sk_sdk_buf_str(&b, ",");
		sk_sdk_buf_append(&b, c, sk_sdk_jscan_compact(&el, c));
	}
	if (b.err || !b.n) {
		rc = b.err;
		sk_sdk_buf_free(&b);
		if (!rc)
			sk_sdk_extract_none(f);
		return rc;
	}
	rc = sk_sdk_extract_str(&e->x, f, b.p, b.n);
	sk_sdk_buf_free(&b);
	return rc;
}

static const char *ec2_name(ct_extractor_t *e, size_t *n)
{
	sk_sdk_jval_t items, it = { 0 }, item, tags, tit, tag, k, v;
	const char *path[4] = { "requestParameters", "tagSpecificationSet", "items", NULL };

	if (get(e, path, &items) < 0 || items.t != SK_JT_ARRAY)
		return NULL;
	while (sk_sdk_jscan_next(&items, &it, &item) == 1) {
		if (sk_sdk_jscan_get(&item, "resourceType", 12, &v) < 0 ||
		    !sk_sdk_jscan_streq(&v, "instance") ||
		    sk_sdk_jscan_get(&item, "tags", 4, &tags) < 0 || tags.t != SK_JT_ARRAY)
			continue;
		memset(&tit, 0, sizeof(tit));
		while (sk_sdk_jscan_next(&tags, &tit, &tag) == 1) {
			const char *s;

			if (sk_sdk_jscan_get(&tag, "key", 3, &k) == 0 && sk_sdk_jscan_streq(&k, "Name") &&
			    sk_sdk_jscan_get(&tag, "value", 5, &v) == 0 && v.t == SK_JT_STRING &&
			    (s = sk_sdk_jscan_text(&e->x, &v, n)) && *n)
				return s;
		}
	}
	return NULL;
}

/* Image ids of instancesSet items in the response, else in the request;
 * idx < 0: all of them into the list, else only that one into *one. */
static int image_ids(ct_extractor_t *e, int64_t idx, bool list, const char **one, size_t *n)
{
	static const char *const where[2] = { "responseElements", "requestParameters" };
	sk_sdk_jval_t items, it, item, v;
	int w, rc, found = 0;
	int64_t i;

	for (w = 0; w < 2 && !found; w++) {
		const char *path[4] = { where[w], "instancesSet", "items", NULL };

		if (get(e, path, &items) < 0 || items.t != SK_JT_ARRAY)
			continue;
		memset(&it, 0, sizeof(it));
		for (i = 0; sk_sdk_jscan_next(&items, &it, &item) == 1; i++) {
			const char *s;
			size_t sn;

			if (sk_sdk_jscan_get(&item, "imageId", 7, &v) < 0 || v.t != SK_JT_STRING ||
			    (idx >= 0 && i != idx))
				continue;
			if (!(s = sk_sdk_jscan_text(&e->x, &v, &sn)))
				return -ENOMEM;
			found++;
			if (!list) {
				*one = s;
				*n = sn;
				return 1;
			}
			if ((rc = sk_sdk_extract_list_add_str_ref(&e->x, s)) < 0)
				return rc;
		}
	}
	return found;
}

static int ec2_images(ct_extractor_t *e, ss_plugin_extract_field *f)
{
	int64_t idx = f->arg_present ? (int64_t)f->arg_index : -1;
	int rc;

	if ((rc = sk_sdk_extract_list_begin(&e->x)) < 0 ||
	    (rc = image_ids(e, idx, true, NULL, NULL)) < 0)
		return rc;
	return sk_sdk_extract_list_end(&e->x, f);
}

static int ec2_image(ct_extractor_t *e, ss_plugin_extract_field *f)
{
	const char *path[4] = { "responseElements", "tagSpecificationSet", "items", NULL };
	sk_sdk_jval_t items, first, v;
	const char *s = NULL;
	size_t n = 0;
	int rc;

	/* The upstream plugin reads the first tag specification item; real
	 * RunInstances responses carry the image in instancesSet. */
	if (get(e, path, &items) == 0 && sk_sdk_jscan_get(&items, "0", 1, &first) == 0 &&
	    sk_sdk_jscan_get(&first, "imageId", 7, &v) == 0 && v.t == SK_JT_STRING &&
	    (s = sk_sdk_jscan_text(&e->x, &v, &n)) && n)
		return sk_sdk_extract_str(&e->x, f, s, n);
	if ((rc = image_ids(e, 0, false, &s, &n)) < 0)
		return rc;
	return put_str(e, f, rc && n ? s : NULL, n);
}

int ct_extract(ct_extractor_t *e, const ss_plugin_event_input *ev, ss_plugin_extract_field *f)
{
	const ct_def_t *d;
	const char *s = NULL, *ename;
	sk_sdk_jval_t v;
	uint64_t u;
	size_t n = 0;

	if (f->field_id >= sk__ct_ndefs) {
		sk_sdk_extract_none(f);
		return 0;
	}
	d = &sk__ct_defs[f->field_id];
	load_event(e, ev);
	if (!e->valid) {
		sk_sdk_extract_none(f);
		return 0;
	}
	switch (d->kind) {
	case K_STR:
	case K_JSON:
		if (get(e, d->path, &v) < 0 || v.t == SK_JT_NULL)
			return put_str(e, f, NULL, 0);
		if (!(s = sk_sdk_jscan_text(&e->x, &v, &n)))
			return -ENOMEM;
		return sk_sdk_extract_str(&e->x, f, s, n);
	case K_SHORTSRC:
		if ((s = text_at(e, "eventSource", NULL, &n)) && n > 14 &&
		    strcmp(s + n - 14, ".amazonaws.com") == 0)
			n -= 14;
		return put_str(e, f, s, n);
	case K_USER:
		s = user_name(e, &n);
		return put_str(e, f, s, n);
	case K_ORIGUSER:
		s = orig_user(e, &n);
		return put_str(e, f, s, n);
	case K_ACCOUNT:
		if (!(s = text_at(e, "userIdentity", "accountId", &n)))
			s = text_at(e, "recipientAccountId", NULL, &n);
		return put_str(e, f, s, n);
	case K_INFO:
		return info(e, f);
	case K_BOOL:
		if (get(e, d->path, &v) < 0 || (v.t != SK_JT_TRUE && v.t != SK_JT_FALSE))
			return put_str(e, f, NULL, 0);
		return sk_sdk_extract_str_ref(&e->x, f, v.t == SK_JT_TRUE ? "true" : "false");
	case K_READONLY:
		s = readonly(e);
		return s ? sk_sdk_extract_str_ref(&e->x, f, s) : put_str(e, f, NULL, 0);
	case K_RESOURCES:
		return resources(e, f);
	case K_S3URI:
		s = s3_uri(e, &n);
		return put_str(e, f, s, n);
	case K_BYTES:
		if (s3_bytes(e, &u) < 0)
			break;
		return sk_sdk_extract_u64(&e->x, f, u);
	case K_U64:
		if (num_at(e, d->path[0], d->path[1], &u) < 0)
			break;
		return sk_sdk_extract_u64(&e->x, f, u);
	case K_CNT_GET:
	case K_CNT_PUT:
	case K_CNT_OTHER:
		ename = text_at(e, "eventName", NULL, &n);
		if (d->kind == K_CNT_GET ? (ename && strcmp(ename, "GetObject") == 0) :
		    d->kind == K_CNT_PUT ? (ename && strcmp(ename, "PutObject") == 0) :
		    !(ename && (strcmp(ename, "GetObject") == 0 || strcmp(ename, "PutObject") == 0)))
			return sk_sdk_extract_u64(&e->x, f, 1);
		break;
	case K_EC2NAME:
		s = ec2_name(e, &n);
		return put_str(e, f, s, n);
	case K_EC2IMAGE:
		return ec2_image(e, f);
	case K_EC2IMAGES:
		return ec2_images(e, f);
	}
	sk_sdk_extract_none(f);
	return 0;
}
