/* fakehost.c - see fakehost.h. */
#include <dlfcn.h>
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fakehost.h"

typedef struct fh_plugin {
	void *dl;
	char *name, *version, *source; /* source NULL: extractor only */
	char **xsrc;                    /* extract sources; NULL/0 = see fh_compatible */
	size_t nxsrc;
	sk_field_info_t *fields;
	size_t nfields;
} fh_plugin_t;

struct fh_host {
	sk_rules_host_t h;
	fh_plugin_t *p;
	size_t np;
	sk_field_info_t *generic;
	size_t ngeneric;
};

/* Fields the host itself serves for every source (engine/events). */
static const struct {
	const char *name;
	uint32_t type;
} g_generic[] = {
	{ "evt.num", FTYPE_UINT64 }, { "evt.time", FTYPE_ABSTIME },
	{ "evt.time.iso8601", FTYPE_STRING }, { "evt.datetime", FTYPE_STRING },
	{ "evt.rawtime", FTYPE_ABSTIME }, { "evt.source", FTYPE_STRING },
	{ "evt.plugininfo", FTYPE_STRING }, { "evt.pluginname", FTYPE_STRING },
	{ "evt.hostname", FTYPE_STRING },
};

static uint32_t ftype_of(const char *t)
{
	if (!strcmp(t, "string"))
		return FTYPE_STRING;
	if (!strcmp(t, "uint64"))
		return FTYPE_UINT64;
	if (!strcmp(t, "int64"))
		return SK_FTYPE_INT64;
	if (!strcmp(t, "bool"))
		return FTYPE_BOOL;
	if (!strcmp(t, "reltime"))
		return FTYPE_RELTIME;
	if (!strcmp(t, "abstime"))
		return FTYPE_ABSTIME;
	if (!strcmp(t, "ipaddr"))
		return FTYPE_IPADDR;
	if (!strcmp(t, "ipnet"))
		return FTYPE_IPNET;
	return 0;
}

static int load_fields(fh_plugin_t *p, const char *json, uint32_t index)
{
	json_error_t je;
	json_t *a = json_loads(json, 0, &je);
	if (!json_is_array(a)) {
		fprintf(stderr, "fakehost: %s: get_fields is not a JSON array: %s\n", p->name, je.text);
		json_decref(a);
		return -EINVAL;
	}
	p->nfields = json_array_size(a);
	p->fields = calloc(p->nfields ? p->nfields : 1, sizeof(*p->fields));
	for (size_t i = 0; i < p->nfields; i++) {
		json_t *f = json_array_get(a, i);
		sk_field_info_t *fi = &p->fields[i];
		const char *name = json_string_value(json_object_get(f, "name"));
		const char *type = json_string_value(json_object_get(f, "type"));
		if (!name || !type || !(fi->ftype = ftype_of(type))) {
			fprintf(stderr, "fakehost: %s: bad field #%zu\n", p->name, i);
			json_decref(a);
			return -EINVAL;
		}
		fi->name = strdup(name);
		fi->desc = "";
		fi->extractor = index;
		fi->field_id = (uint32_t)i;
		if (json_is_true(json_object_get(f, "isList")))
			fi->flags |= SK_FIELD_IS_LIST;
		if (json_is_true(json_object_get(f, "addOutput")))
			fi->flags |= SK_FIELD_ADD_OUTPUT;
		json_t *arg = json_object_get(f, "arg");
		if (json_is_true(json_object_get(arg, "isRequired")))
			fi->flags |= SK_FIELD_ARG_REQUIRED;
		if (json_is_true(json_object_get(arg, "isIndex")))
			fi->flags |= SK_FIELD_ARG_INDEX;
		if (json_is_true(json_object_get(arg, "isKey")))
			fi->flags |= SK_FIELD_ARG_KEY;
	}
	json_decref(a);
	return 0;
}

static bool compatible(const fh_plugin_t *p, const char *source)
{
	if (p->nxsrc) {
		for (size_t i = 0; i < p->nxsrc; i++)
			if (!strcmp(p->xsrc[i], source))
				return true;
		return false;
	}
	/* empty list: a sourcing plugin extracts from its own source, an
	 * extractor-only plugin from every source */
	return p->source ? !strcmp(p->source, source) : true;
}

static int find_field(void *ctx, const char *source, const char *name,
	const sk_field_info_t **out)
{
	fh_host_t *h = ctx;
	for (size_t i = 0; i < h->np; i++) {
		if (!compatible(&h->p[i], source))
			continue;
		for (size_t j = 0; j < h->p[i].nfields; j++)
			if (!strcmp(h->p[i].fields[j].name, name)) {
				*out = &h->p[i].fields[j];
				return 0;
			}
	}
	for (size_t j = 0; j < h->ngeneric; j++)
		if (!strcmp(h->generic[j].name, name)) {
			*out = &h->generic[j];
			return 0;
		}
	return -ENOENT;
}

static bool source_known(void *ctx, const char *source)
{
	fh_host_t *h = ctx;
	if (!strcmp(source, "syscall"))
		return true;
	for (size_t i = 0; i < h->np; i++)
		if (h->p[i].source && !strcmp(h->p[i].source, source))
			return true;
	return false;
}

static const char *plugin_version(void *ctx, const char *name)
{
	fh_host_t *h = ctx;
	for (size_t i = 0; i < h->np; i++)
		if (!strcmp(h->p[i].name, name))
			return h->p[i].version;
	return NULL;
}

static void plugin_clear(fh_plugin_t *p);

void fh_free(fh_host_t *h)
{
	if (!h)
		return;
	for (size_t i = 0; i < h->np; i++)
		plugin_clear(&h->p[i]);
	free(h->p);
	free(h->generic);
	free(h);
}

static void plugin_clear(fh_plugin_t *p)
{
	free(p->name);
	free(p->version);
	free(p->source);
	for (size_t j = 0; j < p->nxsrc; j++)
		free(p->xsrc[j]);
	free(p->xsrc);
	for (size_t j = 0; j < p->nfields; j++)
		free((char *)p->fields[j].name);
	free(p->fields);
	if (p->dl)
		dlclose(p->dl);
	memset(p, 0, sizeof(*p));
}

static int load_plugin(fh_host_t *h, const char *path, uint32_t index)
{
	fh_plugin_t *p = &h->p[h->np];
	p->dl = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (!p->dl) {
		fprintf(stderr, "fakehost: %s\n", dlerror());
		return -1;
	}
	const char *(*s)(void);
	s = (const char *(*)(void))dlsym(p->dl, "plugin_get_name");
	p->name = strdup(s ? s() : "?");
	s = (const char *(*)(void))dlsym(p->dl, "plugin_get_version");
	p->version = strdup(s ? s() : "0.0.0");
	s = (const char *(*)(void))dlsym(p->dl, "plugin_get_event_source");
	if (s)
		p->source = strdup(s());
	s = (const char *(*)(void))dlsym(p->dl, "plugin_get_extract_event_sources");
	if (s) {
		json_t *a = json_loads(s(), 0, NULL);
		size_t k;
		json_t *v;
		p->xsrc = calloc(json_array_size(a) + 1, sizeof(char *));
		json_array_foreach(a, k, v)
			if (json_is_string(v))
				p->xsrc[p->nxsrc++] = strdup(json_string_value(v));
		json_decref(a);
	}
	s = (const char *(*)(void))dlsym(p->dl, "plugin_get_fields");
	if (!s || load_fields(p, s(), index) || p->nfields == 0) {
		fprintf(stderr, "fakehost: %s declares no usable fields\n", path);
		plugin_clear(p);
		return -1;
	}
	h->np++;
	return 0;
}

fh_host_t *fh_new(const char *const *paths, size_t n)
{
	fh_host_t *h = calloc(1, sizeof(*h));
	h->p = calloc(n ? n : 1, sizeof(*h->p));
	h->ngeneric = sizeof(g_generic) / sizeof(g_generic[0]);
	h->generic = calloc(h->ngeneric, sizeof(*h->generic));
	for (size_t i = 0; i < h->ngeneric; i++) {
		h->generic[i].name = g_generic[i].name;
		h->generic[i].desc = "";
		h->generic[i].ftype = g_generic[i].type;
		h->generic[i].extractor = 1000;
		h->generic[i].field_id = (uint32_t)i;
	}
	h->h.ctx = h;
	h->h.find_field = find_field;
	h->h.source_known = source_known;
	h->h.plugin_version = plugin_version;
	for (size_t i = 0; i < n; i++) {
		/* "real.so|fallback.so": use the real plugin when it loads and
		 * declares fields, else the test plugin */
		char *alt = strdup(paths[i]), *bar = strchr(alt, '|');
		const char *try[2] = { alt, NULL };
		if (bar) {
			*bar = '\0';
			try[1] = bar + 1;
		}
		int rc = -1;
		for (int t = 0; t < 2 && try[t] && rc; t++) {
			rc = load_plugin(h, try[t], (uint32_t)i);
			if (rc && t == 0 && try[1])
				fprintf(stderr, "fakehost: %s unusable, using %s\n", try[0], try[1]);
		}
		free(alt);
		if (rc) {
			fh_free(h);
			return NULL;
		}
	}
	return h;
}

const sk_rules_host_t *fh_rules_host(fh_host_t *h)
{
	return &h->h;
}
