/* get_fields JSON and routing-source JSON arrays of a loaded plugin. */
#include "plugin.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "tables.h"

/* null counts as absent (plugin-sdk-go emits "properties":null). */
static const json_t *opt(const json_t *o, const char *k)
{
	const json_t *v = json_object_get(o, k);
	return json_is_null(v) ? NULL : v;
}

static int opt_bool(const json_t *o, const char *k, bool *out, const char *plugin,
	const char *field, const char *msg_suffix, char *err, size_t errlen)
{
	const json_t *v = opt(o, k);
	*out = false;
	if (!v)
		return 0;
	if (!json_is_boolean(v)) {
		snprintf(err, errlen, "error in plugin %s: field %s %s property is not boolean%s", plugin,
			field, k, msg_suffix);
		return -EINVAL;
	}
	*out = json_is_true(v);
	return 0;
}

static int parse_one(const char *pn, const json_t *e, sk_field_info_t *f, char *err, size_t errlen)
{
	const json_t *type = opt(e, "type"), *name = opt(e, "name"), *desc = opt(e, "desc");
	if (!json_is_object(e)) {
		snprintf(err, errlen, "error in plugin %s: get_fields returned an invalid JSON", pn);
		return -EINVAL;
	}
	if (!json_is_string(type)) {
		snprintf(err, errlen, "error in plugin %s: field JSON entry has no type", pn);
		return -EINVAL;
	}
	if (!json_is_string(name) || !json_string_length(name)) {
		snprintf(err, errlen, "error in plugin %s: field JSON entry has no name", pn);
		return -EINVAL;
	}
	if (!json_is_string(desc) || !json_string_length(desc)) {
		snprintf(err, errlen, "error in plugin %s: field JSON entry has no desc", pn);
		return -EINVAL;
	}
	const char *fname = json_string_value(name);
	const char *tname = json_string_value(type);
	if (sk_ftype_parse(tname, &f->ftype) < 0) {
		snprintf(err, errlen, "error in plugin %s: invalid field type %s", pn, tname);
		return -EINVAL;
	}
	bool b;
	f->flags = 0;
	if (opt_bool(e, "isList", &b, pn, fname, " ", err, errlen))
		return -EINVAL;
	f->flags |= b ? SK_FIELD_IS_LIST : 0;
	if (opt_bool(e, "addOutput", &b, pn, fname, " ", err, errlen))
		return -EINVAL;
	f->flags |= b ? SK_FIELD_ADD_OUTPUT : 0;
	const json_t *props = opt(e, "properties");
	if (props) {
		if (!json_is_array(props)) {
			snprintf(err, errlen, "error in plugin %s: field %s properties property is not array ",
				pn, fname);
			return -EINVAL;
		}
		size_t i;
		const json_t *pv;
		json_array_foreach(props, i, pv) {
			if (!json_is_string(pv)) {
				snprintf(err, errlen,
					"error in plugin %s: field %s properties value is not string ", pn, fname);
				return -EINVAL;
			}
			if (strcmp(json_string_value(pv), "hidden") == 0)
				f->flags |= SK_FIELD_HIDDEN;
			else if (strcmp(json_string_value(pv), SK_FIELD_PROP_ANY_OF) == 0)
				f->flags |= SK_FIELD_ANY_OF;
		}
	}
	const json_t *arg = opt(e, "arg");
	if (arg) {
		bool req = false, idx = false, key = false;
		if (json_is_object(arg)) {
			if (opt_bool(arg, "isRequired", &req, pn, fname, "", err, errlen) ||
				opt_bool(arg, "isIndex", &idx, pn, fname, "", err, errlen) ||
				opt_bool(arg, "isKey", &key, pn, fname, "", err, errlen))
				return -EINVAL;
		}
		if (req && !idx && !key) {
			snprintf(err, errlen,
				"error in plugin %s: field %s arg has isRequired true, but none of isKey nor isIndex is true",
				pn, fname);
			return -EINVAL;
		}
		f->flags |= (req ? SK_FIELD_ARG_REQUIRED : 0) | (idx ? SK_FIELD_ARG_INDEX : 0) |
			(key ? SK_FIELD_ARG_KEY : 0);
	}
	f->name = strdup(fname);
	f->desc = strdup(json_string_value(desc));
	if (!f->name || !f->desc) {
		snprintf(err, errlen, "out of memory");
		return -ENOMEM;
	}
	return 0;
}

bool sk_plugin_field_values_ok(const sk_plugin_t *p, const ss_plugin_extract_field *f)
{
	if (f->res_len <= 1 || f->flist)
		return true;
	return f->field_id < p->nfields && (p->fields[f->field_id].flags & SK_FIELD_ANY_OF);
}

int sk_plugin_parse_fields(sk_plugin_t *p, const char *text, char *err, size_t errlen)
{
	const char *pn = p->name ? p->name : "";
	if (!text) {
		snprintf(err, errlen, "error in plugin %s: get_fields returned a null string", pn);
		return -EINVAL;
	}
	json_error_t jerr;
	json_t *root = json_loads(text, JSON_DECODE_ANY, &jerr);
	if (!json_is_array(root)) {
		json_decref(root);
		snprintf(err, errlen, "error in plugin %s: get_fields returned an invalid JSON", pn);
		return -EINVAL;
	}
	size_t n = json_array_size(root);
	int rc = 0;
	sk_field_info_t *fields = calloc(n ? n : 1, sizeof(*fields));
	if (!fields) {
		rc = -ENOMEM;
		snprintf(err, errlen, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		if ((rc = parse_one(pn, json_array_get(root, i), &fields[i], err, errlen)))
			break;
		fields[i].field_id = (uint32_t)i;
		fields[i].extractor = p->index + 1;
	}
	if (!rc && n == 0) {
		snprintf(err, errlen,
			"error in plugin %s: plugins with extraction capability must export at least one field", pn);
		rc = -EINVAL;
	}
	if (rc) {
		for (size_t i = 0; i < n; i++) {
			free((char *)fields[i].name);
			free((char *)fields[i].desc);
		}
		free(fields);
		goto out;
	}
	p->fields = fields;
	p->nfields = n;
out:
	json_decref(root);
	return rc;
}

int sk_plugin_parse_sources(const char *plugin, const char *symbol, const char *text,
	sk_srcset_t *out, char *err, size_t errlen)
{
	out->v = NULL;
	out->n = 0;
	if (!text || !text[0])
		return 0;
	json_error_t jerr;
	json_t *root = json_loads(text, JSON_DECODE_ANY, &jerr);
	int rc = 0;
	if (!json_is_array(root))
		goto bad;
	size_t i;
	json_t *e;
	json_array_foreach(root, i, e) {
		if (!json_is_string(e))
			goto bad;
	}
	out->v = calloc(json_array_size(root) + 1, sizeof(char *));
	if (!out->v) {
		rc = -ENOMEM;
		goto done;
	}
	json_array_foreach(root, i, e) {
		if (!json_string_length(e))
			continue; /* empty names are dropped */
		if (!(out->v[out->n] = strdup(json_string_value(e)))) {
			rc = -ENOMEM;
			goto done;
		}
		out->n++;
	}
	goto done;
bad:
	snprintf(err, errlen, "error in plugin %s: '%s' did not return a json array", plugin, symbol);
	rc = -EINVAL;
done:
	if (rc)
		sk_srcset_clear(out);
	json_decref(root);
	return rc;
}
