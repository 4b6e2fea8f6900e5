/* evview.c - decoded event view with enter-event fallback (see evview.h). */
#include "evview.h"

#include <errno.h>
#include <string.h>

int sk_evview_init(sk_evview_t *v, const ss_plugin_event *evt, const uint8_t *enter)
{
	uint16_t type = sk_evt_get_type(evt);
	v->ts = sk_evt_get_ts(evt);
	v->tid = sk_evt_get_tid(evt);
	v->evt = evt;
	v->type = type;
	v->info = sk_evt_info(type);
	v->einfo = NULL;
	v->en = 0;
	v->n = sk_evt_params(evt, v->p, SK_EVT_MAX_PARAMS);
	if (v->n < 0 || !v->info) {
		v->n = 0;
		return -EINVAL;
	}
	if (v->n > SK_EVT_MAX_PARAMS)
		v->n = SK_EVT_MAX_PARAMS;
	if (enter && sk_evt_is_exit(type)) {
		uint16_t et = sk_evt_get_type(enter);
		if (et + 1 == type) {
			int en = sk_evt_params((const ss_plugin_event *)enter, v->ep, SK_EVT_MAX_PARAMS);
			if (en >= 0) {
				v->einfo = sk_evt_info(et);
				v->en = en > SK_EVT_MAX_PARAMS ? SK_EVT_MAX_PARAMS : en;
			}
		}
	}
	return 0;
}

static bool find(const sk_evt_info_t *info, int n, const sk_evt_param_t *p, const char *name,
	sk_evt_param_t *out, const sk_evt_param_info_t **pi)
{
	uint32_t lim = (uint32_t)n < info->nparams ? (uint32_t)n : info->nparams;
	for (uint32_t i = 0; i < lim; i++) {
		if (strcmp(info->params[i].name, name) == 0) {
			*out = p[i];
			if (pi)
				*pi = &info->params[i];
			return true;
		}
	}
	return false;
}

bool sk_ev_param(const sk_evview_t *v, const char *name, sk_evt_param_t *out,
	const sk_evt_param_info_t **info)
{
	if (find(v->info, v->n, v->p, name, out, info))
		return true;
	if (v->einfo && find(v->einfo, v->en, v->ep, name, out, info))
		return true;
	return false;
}

bool sk_ev_param_at(const sk_evview_t *v, uint32_t idx, sk_evt_param_t *out,
	const sk_evt_param_info_t **info)
{
	if (idx >= (uint32_t)v->n || idx >= v->info->nparams)
		return false;
	*out = v->p[idx];
	if (info)
		*info = &v->info->params[idx];
	return true;
}

int64_t sk_param_int(const sk_evt_param_t *p, uint8_t type)
{
	switch (p->len) {
	case 1: {
		uint8_t u = p->data[0];
		return type == PT_INT8 ? (int8_t)u : (int64_t)u;
	}
	case 2: {
		uint16_t u;
		memcpy(&u, p->data, 2);
		return type == PT_INT16 ? (int16_t)u : (int64_t)u;
	}
	case 4: {
		uint32_t u;
		memcpy(&u, p->data, 4);
		return type == PT_INT32 ? (int32_t)u : (int64_t)u;
	}
	case 8: {
		int64_t s;
		memcpy(&s, p->data, 8);
		return s;
	}
	default:
		return 0;
	}
}

bool sk_ev_int(const sk_evview_t *v, const char *name, int64_t *out)
{
	sk_evt_param_t p;
	const sk_evt_param_info_t *pi;
	if (!sk_ev_param(v, name, &p, &pi))
		return false;
	if (p.len != 1 && p.len != 2 && p.len != 4 && p.len != 8)
		return false;
	if (pi->type == PT_DYN)
		return false;
	*out = sk_param_int(&p, pi->type);
	return true;
}

const char *sk_ev_str(const sk_evview_t *v, const char *name)
{
	sk_evt_param_t p;
	const sk_evt_param_info_t *pi;
	if (!sk_ev_param(v, name, &p, &pi))
		return NULL;
	if (pi->type != PT_CHARBUF && pi->type != PT_FSPATH && pi->type != PT_FSRELPATH)
		return NULL;
	if (p.len == 0 || p.data[p.len - 1] != 0)
		return NULL;
	return (const char *)p.data;
}

bool sk_ev_res(const sk_evview_t *v, int64_t *out)
{
	if (!sk_evt_is_exit(v->type) || v->n < 1 || v->info->nparams < 1)
		return false;
	uint8_t t = v->info->params[0].type;
	bool named_res = strcmp(v->info->params[0].name, "res") == 0;
	if ((t != PT_ERRNO && t != PT_FD && t != PT_PID && !named_res) || v->p[0].len != 8)
		return false;
	*out = sk_param_int(&v->p[0], t);
	return true;
}

bool sk_ev_fd(const sk_evview_t *v, int64_t *out)
{
	uint32_t fl = v->info->flags;
	if ((fl & SK_EF_CREATES_FD) && sk_evt_is_exit(v->type) && v->n >= 1 &&
		v->info->params[0].type == PT_FD && v->p[0].len == 8) {
		*out = sk_param_int(&v->p[0], PT_FD);
		return true;
	}
	if ((fl & SK_EF_CREATES_FD) && sk_evt_is_exit(v->type)) {
		int64_t r;
		if (sk_ev_res(v, &r) && strcmp(v->info->name, "pipe") != 0 &&
			strcmp(v->info->name, "pipe2") != 0 && strcmp(v->info->name, "socketpair") != 0) {
			*out = r;
			return true;
		}
	}
	if (fl & (SK_EF_USES_FD | SK_EF_CREATES_FD | SK_EF_DESTROYS_FD)) {
		if (sk_ev_int(v, "fd", out))
			return true;
		if (sk_ev_int(v, "fd2", out)) /* pipe, socketpair: the last fd, as sysdig */
			return true;
		return sk_ev_int(v, "fd1", out);
	}
	return false;
}
