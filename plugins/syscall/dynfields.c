/* dynfields.c - dynamic state-table fields (see dynfields.h). */
#include "dynfields.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int sk_dynset_find(const sk_dynset_t *s, const char *name)
{
	for (uint32_t i = 0; i < s->n; i++)
		if (!strcmp(s->names[i], name))
			return (int)i;
	return -1;
}

/* The listing has room for every possible dynamic field from the start, so
 * a pointer a plugin got from list_table_fields stays valid (and grows). */
static int rebuild(sk_dynset_t *s, const ss_plugin_table_fieldinfo *statics, uint32_t nstatics)
{
	if (!s->infos) {
		s->infos = calloc((size_t)nstatics + SK_DYN_FIELDS_MAX + 1, sizeof(*s->infos));
		if (!s->infos)
			return -ENOMEM;
		memcpy(s->infos, statics, nstatics * sizeof(*s->infos));
	}
	for (uint32_t i = 0; i < s->n; i++)
		s->infos[nstatics + i] = (ss_plugin_table_fieldinfo){s->names[i], s->types[i], 0};
	s->ninfos = nstatics + s->n;
	return 0;
}

int sk_dynset_add(sk_dynset_t *s, const char *name, ss_plugin_state_type type,
	const ss_plugin_table_fieldinfo *statics, uint32_t nstatics)
{
	if (type == SS_PLUGIN_ST_TABLE)
		return -EINVAL;
	if (s->n >= SK_DYN_FIELDS_MAX)
		return -ENOSPC;
	char *n = strdup(name);
	if (!n)
		return -ENOMEM;
	s->names[s->n] = n;
	s->types[s->n] = type;
	s->n++;
	if (rebuild(s, statics, nstatics)) {
		free(s->names[--s->n]);
		return -ENOMEM;
	}
	return (int)s->n - 1;
}

const ss_plugin_table_fieldinfo *sk_dynset_list(sk_dynset_t *s,
	const ss_plugin_table_fieldinfo *statics, uint32_t nstatics, uint32_t *n)
{
	if (!s->infos && rebuild(s, statics, nstatics)) {
		*n = 0;
		return NULL;
	}
	*n = s->ninfos;
	return s->infos;
}

void sk_dynset_clear(sk_dynset_t *s)
{
	for (uint32_t i = 0; i < s->n; i++)
		free(s->names[i]);
	free(s->infos);
	memset(s, 0, sizeof(*s));
}

void sk_dynvals_read(const sk_dynvals_t *v, uint32_t idx, ss_plugin_state_type type,
	ss_plugin_state_data *out)
{
	memset(out, 0, sizeof(*out));
	if (v && idx < v->n)
		*out = v->v[idx].d;
	if (type == SS_PLUGIN_ST_STRING && !out->str)
		out->str = "";
}

int sk_dynvals_write(sk_dynvals_t **pv, uint32_t idx, ss_plugin_state_type type,
	const ss_plugin_state_data *in)
{
	sk_dynvals_t *v = *pv;
	if (!v || idx >= v->n) {
		uint32_t n = idx + 1;
		sk_dynvals_t *nv = realloc(v, sizeof(*nv) + (size_t)n * sizeof(nv->v[0]));
		if (!nv)
			return -ENOMEM;
		uint32_t old = v ? nv->n : 0;
		memset(&nv->v[old], 0, (size_t)(n - old) * sizeof(nv->v[0]));
		nv->n = n;
		*pv = v = nv;
	}
	sk_dynval_t *d = &v->v[idx];
	if (type == SS_PLUGIN_ST_STRING) {
		const char *src = in->str ? in->str : "";
		size_t len = strnlen(src, SK_DYN_STR_MAX + 1);
		if (len > SK_DYN_STR_MAX)
			return -E2BIG;
		char *c = malloc(len + 1);
		if (!c)
			return -ENOMEM;
		memcpy(c, src, len);
		c[len] = 0;
		if (d->is_str)
			free((char *)d->d.str);
		d->d.str = c;
		d->is_str = true;
		return 0;
	}
	if (d->is_str)
		free((char *)d->d.str);
	d->is_str = false;
	memset(&d->d, 0, sizeof(d->d));
	switch (type) {
	case SS_PLUGIN_ST_INT8: case SS_PLUGIN_ST_UINT8: d->d.u8 = in->u8; break;
	case SS_PLUGIN_ST_INT16: case SS_PLUGIN_ST_UINT16: d->d.u16 = in->u16; break;
	case SS_PLUGIN_ST_INT32: case SS_PLUGIN_ST_UINT32: d->d.u32 = in->u32; break;
	case SS_PLUGIN_ST_BOOL: d->d.b = in->b ? 1 : 0; break;
	default: d->d.u64 = in->u64; break;
	}
	return 0;
}

void sk_dynvals_free(sk_dynvals_t *v)
{
	if (!v)
		return;
	for (uint32_t i = 0; i < v->n; i++)
		if (v->v[i].is_str)
			free((char *)v->v[i].d.str);
	free(v);
}
