/* get_fields JSON, routing-source JSON arrays, tables vtables for plugins. */
#include "plugin.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#ifdef SK_HAVE_TABLES
#include "tables.h"
#endif

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

/* ---- tables ------------------------------------------------------------ */

#ifdef SK_HAVE_TABLES
const ss_plugin_init_tables_input *sk__tables_input(void) { return sk_tables_init_input(); }
ss_plugin_table_reader_vtable sk__tables_reader(void) { return sk_tables_reader(); }
ss_plugin_table_reader_vtable_ext *sk__tables_reader_ext(void) { return sk_tables_reader_ext(); }
ss_plugin_table_writer_vtable sk__tables_writer(void) { return sk_tables_writer(); }
ss_plugin_table_writer_vtable_ext *sk__tables_writer_ext(void) { return sk_tables_writer_ext(); }
#else
/* No table registry built: an empty one whose calls all fail cleanly. */
static ss_plugin_table_info *no_list(ss_plugin_owner_t *o, uint32_t *n)
{
	(void)o;
	*n = 0;
	return NULL;
}
static ss_plugin_table_t *no_get(ss_plugin_owner_t *o, const char *name, ss_plugin_state_type k)
{
	(void)o, (void)name, (void)k;
	return NULL;
}
static ss_plugin_rc no_add(ss_plugin_owner_t *o, const void *in)
{
	(void)o, (void)in;
	return SS_PLUGIN_FAILURE;
}
static const ss_plugin_table_fieldinfo *no_fields(ss_plugin_table_t *t, uint32_t *n)
{
	(void)t;
	*n = 0;
	return NULL;
}
static ss_plugin_table_field_t *no_field(ss_plugin_table_t *t, const char *n, ss_plugin_state_type d)
{
	(void)t, (void)n, (void)d;
	return NULL;
}
static const char *no_name(ss_plugin_table_t *t) { (void)t; return NULL; }
static uint64_t no_size(ss_plugin_table_t *t) { (void)t; return 0; }
static ss_plugin_table_entry_t *no_entry(ss_plugin_table_t *t, const ss_plugin_state_data *k)
{
	(void)t, (void)k;
	return NULL;
}
static ss_plugin_rc no_read(ss_plugin_table_t *t, ss_plugin_table_entry_t *e,
	const ss_plugin_table_field_t *f, ss_plugin_state_data *o)
{
	(void)t, (void)e, (void)f, (void)o;
	return SS_PLUGIN_FAILURE;
}
static void no_release(ss_plugin_table_t *t, ss_plugin_table_entry_t *e) { (void)t, (void)e; }
static ss_plugin_bool no_iter(ss_plugin_table_t *t, ss_plugin_table_iterator_func_t f,
	ss_plugin_table_iterator_state_t *s)
{
	(void)t, (void)f, (void)s;
	return 0;
}
static ss_plugin_rc no_clear(ss_plugin_table_t *t) { (void)t; return SS_PLUGIN_FAILURE; }
static ss_plugin_rc no_erase(ss_plugin_table_t *t, const ss_plugin_state_data *k)
{
	(void)t, (void)k;
	return SS_PLUGIN_FAILURE;
}
static ss_plugin_table_entry_t *no_create(ss_plugin_table_t *t) { (void)t; return NULL; }
static void no_destroy(ss_plugin_table_t *t, ss_plugin_table_entry_t *e) { (void)t, (void)e; }
static ss_plugin_table_entry_t *no_addent(ss_plugin_table_t *t, const ss_plugin_state_data *k,
	ss_plugin_table_entry_t *e)
{
	(void)t, (void)k, (void)e;
	return NULL;
}
static ss_plugin_rc no_write(ss_plugin_table_t *t, ss_plugin_table_entry_t *e,
	const ss_plugin_table_field_t *f, const ss_plugin_state_data *i)
{
	(void)t, (void)e, (void)f, (void)i;
	return SS_PLUGIN_FAILURE;
}

static ss_plugin_table_fields_vtable_ext g_fields_ext = {no_fields, no_field, no_field};
static ss_plugin_table_reader_vtable_ext g_reader_ext = {no_name, no_size, no_entry, no_read,
	no_release, no_iter};
static ss_plugin_table_writer_vtable_ext g_writer_ext = {no_clear, no_erase, no_create,
	no_destroy, no_addent, no_write};
static const ss_plugin_init_tables_input g_tables = {
	.list_tables = no_list, .get_table = no_get, .add_table = no_add,
	.fields = {no_fields, no_field, no_field}, .fields_ext = &g_fields_ext,
	.reader_ext = &g_reader_ext, .writer_ext = &g_writer_ext,
};

const ss_plugin_init_tables_input *sk__tables_input(void) { return &g_tables; }
ss_plugin_table_reader_vtable sk__tables_reader(void)
{
	return (ss_plugin_table_reader_vtable){no_name, no_size, no_entry, no_read};
}
ss_plugin_table_reader_vtable_ext *sk__tables_reader_ext(void) { return &g_reader_ext; }
ss_plugin_table_writer_vtable sk__tables_writer(void)
{
	return (ss_plugin_table_writer_vtable){no_clear, no_erase, no_create, no_destroy, no_addent,
		no_write};
}
ss_plugin_table_writer_vtable_ext *sk__tables_writer_ext(void) { return &g_writer_ext; }
#endif
