/* gh_fields.c - github.* extraction straight from the payload text (no DOM). */
#include "gh_fields.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *gh_fields_json(void)
{
	sk_sdk_field_t *rows = calloc(sk__gh_ndefs, sizeof(*rows));
	char *out;
	size_t i;

	if (!rows)
		return NULL;
	for (i = 0; i < sk__gh_ndefs; i++)
		rows[i] = sk__gh_defs[i].f;
	out = sk_sdk_fields_json(rows, sk__gh_ndefs, NULL, 0);
	free(rows);
	return out;
}

void gh_extractor_init(gh_extractor_t *e)
{
	memset(e, 0, sizeof(*e));
	sk_sdk_extract_init(&e->x);
}

void gh_extractor_free(gh_extractor_t *e)
{
	if (!e)
		return;
	sk_sdk_extract_free(&e->x);
	sk_sdk_buf_free(&e->buf);
	memset(e, 0, sizeof(*e));
}

void gh_extract_begin(gh_extractor_t *e)
{
	sk_sdk_extract_reset(&e->x);
}

static int put(gh_extractor_t *e, const char *s, size_t n)
{
	return sk_sdk_buf_append(&e->buf, s, n);
}

/* Appends ',' before every item but the first. */
static int put_item(gh_extractor_t *e, const char *s, size_t n)
{
	int rc = 0;

	if (e->buf.n)
		rc = put(e, ",", 1);
	return rc < 0 ? rc : put(e, s, n);
}

static int put_text(gh_extractor_t *e, const sk_sdk_jval_t *v, bool item)
{
	size_t n;
	const char *s = sk_sdk_jscan_text(&e->x, v, &n);

	if (!s)
		return -ENOMEM;
	return item ? put_item(e, s, n) : put(e, s, n);
}

static int set_str(gh_extractor_t *e, ss_plugin_extract_field *f, const char *s, size_t n)
{
	return sk_sdk_extract_str(&e->x, f, s, n);
}

static int commit_files(gh_extractor_t *e, const sk_sdk_jval_t *root, const char *key,
	ss_plugin_extract_field *f)
{
	sk_sdk_jval_t commits, it = { 0 }, c, list, it2, name;
	int rc;

	if (sk_sdk_jscan_get(root, "commits", 7, &commits) == 0 && commits.t == SK_JT_ARRAY) {
		while (sk_sdk_jscan_next(&commits, &it, &c) == 1) {
			if (sk_sdk_jscan_get(&c, key, strlen(key), &list) < 0 || list.t != SK_JT_ARRAY)
				continue;
			memset(&it2, 0, sizeof(it2));
			while (sk_sdk_jscan_next(&list, &it2, &name) == 1)
				if (name.t == SK_JT_STRING && (rc = put_text(e, &name, true)) < 0)
					return rc;
		}
	}
	return set_str(e, f, e->buf.p ? e->buf.p : "", e->buf.n);
}

/* Walk files[].matches[] calling the row's renderer for each match. */
static int secret_matches(gh_extractor_t *e, const sk_sdk_jval_t *root, uint8_t kind,
	ss_plugin_extract_field *f)
{
	sk_sdk_jval_t files, it = { 0 }, file, name, ms, it2, m, v, url, head;
	bool any = false, have_url, have_head;
	char num[32];
	int rc = 0;

	if (sk_sdk_jscan_get(root, "files", 5, &files) < 0 || files.t != SK_JT_ARRAY)
		return 0;
	have_url = sk_sdk_jscan_path(root, (const char *const[]){ "repository", "html_url", NULL },
		&url) == 0 && url.t == SK_JT_STRING;
	have_head = sk_sdk_jscan_path(root, (const char *const[]){ "head_commit", "id", NULL },
		&head) == 0 && head.t == SK_JT_STRING;
	while (rc == 0 && sk_sdk_jscan_next(&files, &it, &file) == 1) {
		if (sk_sdk_jscan_get(&file, "matches", 7, &ms) < 0 || ms.t != SK_JT_ARRAY)
			continue;
		if (sk_sdk_jscan_get(&file, "name", 4, &name) < 0 || name.t != SK_JT_STRING)
			name.t = SK_JT_NONE;
		memset(&it2, 0, sizeof(it2));
		while (rc == 0 && sk_sdk_jscan_next(&ms, &it2, &m) == 1) {
			any = true;
			switch (kind) {
			case G_SECRET_DESC:
			case G_SECRET_MASKED:
				if (sk_sdk_jscan_get(&m, kind == G_SECRET_DESC ? "desc" : "masked",
					    kind == G_SECRET_DESC ? 4 : 6, &v) == 0 && v.t == SK_JT_STRING)
					rc = put_text(e, &v, true);
				else
					rc = put_item(e, "", 0);
				break;
			case G_SECRET_FILES:
				rc = name.t ? put_text(e, &name, true) : put_item(e, "", 0);
				break;
			case G_SECRET_LINES:
			case G_SECRET_LINKS:
				if (sk_sdk_jscan_get(&m, "line", 4, &v) < 0 || v.t != SK_JT_NUMBER ||
				    v.n >= sizeof(num))
					v.n = 0;
				snprintf(num, sizeof(num), "%.*s", (int)v.n, v.p);
				if (kind == G_SECRET_LINES) {
					rc = put_item(e, num, strlen(num));
					break;
				}
				rc = put_item(e, "", 0);
				if (rc == 0 && have_url)
					rc = put_text(e, &url, false);
				if (rc == 0)
					rc = put(e, "/blob/", 6);
				if (rc == 0 && have_head)
					rc = put_text(e, &head, false);
				if (rc == 0)
					rc = put(e, "/", 1);
				if (rc == 0 && name.t)
					rc = put_text(e, &name, false);
				if (rc == 0)
					rc = put(e, "#L", 2);
				if (rc == 0)
					rc = put(e, num, strlen(num));
				break;
			}
		}
	}
	if (rc < 0)
		return rc;
	if (kind == G_HAS_SECRETS)
		return sk_sdk_extract_str_ref(&e->x, f, any ? "true" : "false");
	return set_str(e, f, e->buf.p ? e->buf.p : "", e->buf.n);
}

static int miners(gh_extractor_t *e, const sk_sdk_jval_t *root, uint8_t kind,
	ss_plugin_extract_field *f)
{
	sk_sdk_jval_t ms, it = { 0 }, m, t;
	const char *s;
	size_t n, pos;
	bool any = false, dup;
	int rc;

	if (sk_sdk_jscan_path(root, (const char *const[]){ "workflow_miner_detections", "matches",
		    NULL }, &ms) < 0 || ms.t != SK_JT_ARRAY)
		return 0;
	while (sk_sdk_jscan_next(&ms, &it, &m) == 1) {
		any = true;
		if (kind != G_MINER_TYPES || sk_sdk_jscan_get(&m, "type", 4, &t) < 0 ||
		    t.t != SK_JT_STRING)
			continue;
		if (!(s = sk_sdk_jscan_text(&e->x, &t, &n)))
			return -ENOMEM;
		dup = false;
		for (pos = 0; !dup && pos < e->buf.n; pos += strcspn(e->buf.p + pos, ",") + 1)
			dup = strncmp(e->buf.p + pos, s, n) == 0 &&
				(e->buf.p[pos + n] == ',' || e->buf.p[pos + n] == '\0');
		if (!dup && (rc = put_item(e, s, n)) < 0)
			return rc;
	}
	if (kind == G_HAS_MINERS)
		return sk_sdk_extract_str_ref(&e->x, f, any ? "true" : "false");
	return set_str(e, f, e->buf.p ? e->buf.p : "", e->buf.n);
}

static int extract_row(gh_extractor_t *e, const sk_sdk_jval_t *root, const gh_def_t *d,
	ss_plugin_extract_field *f)
{
	sk_sdk_jval_t v;
	const char *s, *p;
	size_t n;
	bool found = d->path[0] && sk_sdk_jscan_path(root, d->path, &v) == 0;

	switch (d->kind) {
	case G_STR:
	case G_REPO_NAME:
		if (!found || v.t != SK_JT_STRING)
			return sk_sdk_extract_str_ref(&e->x, f, "");
		if (!(s = sk_sdk_jscan_text(&e->x, &v, &n)))
			return -ENOMEM;
		if (d->kind == G_REPO_NAME && (p = strstr(s, "://")) && (p = strchr(p + 3, '/'))) {
			n -= (size_t)(p + 1 - s);
			s = p + 1;
		}
		return sk_sdk_extract_str(&e->x, f, s, n);
	case G_PUBLIC:
		return sk_sdk_extract_str_ref(&e->x, f, found && v.t == SK_JT_TRUE ? "false" : "true");
	case G_NUM:
		if (!found || v.t != SK_JT_NUMBER)
			return sk_sdk_extract_str_ref(&e->x, f, "0");
		return sk_sdk_extract_str(&e->x, f, v.p, v.n);
	case G_COMMIT_FILES:
		return commit_files(e, root, d->a, f);
	case G_HAS_SECRETS:
	case G_SECRET_DESC:
	case G_SECRET_FILES:
	case G_SECRET_LINES:
	case G_SECRET_LINKS:
	case G_SECRET_MASKED:
		return secret_matches(e, root, d->kind, f);
	case G_HAS_MINERS:
	case G_MINER_TYPES:
		return miners(e, root, d->kind, f);
	case G_VALUE:
		if (!f->arg_present || !f->arg_key ||
		    sk_sdk_jscan_pointer(root, f->arg_key, &v) < 0 || v.t == SK_JT_NULL)
			return 0;
		if (!(s = sk_sdk_jscan_text(&e->x, &v, &n)))
			return -ENOMEM;
		return sk_sdk_extract_str_ref(&e->x, f, s);
	}
	return -EINVAL;
}

int gh_extract(gh_extractor_t *e, const ss_plugin_event_input *ev, ss_plugin_extract_field *f)
{
	const uint8_t *pl;
	uint32_t len;
	sk_sdk_jval_t root;

	sk_sdk_extract_none(f);
	if (f->field_id >= sk__gh_ndefs)
		return -EINVAL;
	if (sk_sdk_event_payload(ev->evt, &pl, &len, NULL, NULL, 0) < 0 || len < 2 || pl[0] != '{') {
		e->parse_errors++;
		return 0;
	}
	/* The receiver writes '{' first and validated the whole text; lookups
	 * stay in bounds on any input, so the root needs no scan of its own
	 * (which would cost a pass over the payload per field). */
	root.p = (const char *)pl;
	root.n = len;
	root.t = SK_JT_OBJECT;
	sk_sdk_buf_clear(&e->buf);
	return extract_row(e, &root, &sk__gh_defs[f->field_id], f);
}
