/* source.c - replay / live event source with exit-event completion (see source.h). */
#include "source.h"

#include <errno.h>
#include <stdint.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "render.h"
#include "sk_sdk_util.h"
#include "scap_read.h"
#include "scap_write.h"
#ifdef SAKER_HAVE_LIVE
#include "live.h"
#endif

#define PEND_BUCKETS 1024
#define PEND_MAX 65536

typedef struct pend {
	int64_t tid;
	uint8_t *evt;
	uint32_t len, cap;
	bool used;
	struct pend *next;
} pend_t;

enum { MODE_REPLAY = 1, MODE_LIVE = 2 };

struct sk_sys_inst {
	int mode;
	bool all_events;
	sk_scap_reader_t *rd;
#ifdef SAKER_HAVE_LIVE
	sk_live_t *live;
#endif
	sk_scap_writer_t *wr;
	bool eof;
	pend_t *pend[PEND_BUCKETS];
	uint32_t npend;
	/* batch arena */
	uint8_t *arena;
	size_t acap, aused;
	size_t *offs;
	size_t *eoffs;     /* offset of the event's enter copy, or SIZE_MAX */
	ss_plugin_event **ptrs;
	uint32_t n, max;
	/* counters */
	uint64_t read, delivered, merged, upgraded, enter_dropped, internal_dropped, pend_dropped;
	uint64_t write_errors;
	char lasterr[256];
	/* per-CPU metric names and storage (live) */
	ss_plugin_metric *mx;
	char (*mnames)[48];
	uint32_t mcap, ncpu_names;
};

/* Older event versions and the current code of the same syscall (exit codes). */
static const struct {
	uint16_t from, to;
} upgrades[] = {
	{103, 307}, /* openat */
	{99, 277},  /* mkdir */
	{101, 279}, /* rmdir */
	{105, 309}, /* link */
	{107, 311}, /* linkat */
	{109, 301}, /* unlink */
	{111, 303}, /* unlinkat */
};

static uint16_t upgrade_of(uint16_t code)
{
	for (size_t i = 0; i < sizeof(upgrades) / sizeof(upgrades[0]); i++)
		if (upgrades[i].from == code)
			return upgrades[i].to;
	return code;
}

static pend_t *pend_find(sk_sys_inst_t *in, int64_t tid, bool create)
{
	uint32_t b = (uint32_t)((uint64_t)tid * 0x9E3779B97F4A7C15ull >> 54) % PEND_BUCKETS;
	for (pend_t *p = in->pend[b]; p; p = p->next)
		if (p->tid == tid)
			return p;
	if (!create)
		return NULL;
	if (in->npend >= PEND_MAX) {
		in->pend_dropped++;
		return NULL;
	}
	pend_t *p = calloc(1, sizeof(*p));
	if (!p)
		return NULL;
	p->tid = tid;
	p->next = in->pend[b];
	in->pend[b] = p;
	in->npend++;
	return p;
}

static void pend_free_all(sk_sys_inst_t *in)
{
	for (int i = 0; i < PEND_BUCKETS; i++) {
		pend_t *p = in->pend[i];
		while (p) {
			pend_t *n = p->next;
			free(p->evt);
			free(p);
			p = n;
		}
		in->pend[i] = NULL;
	}
	in->npend = 0;
}

static void batch_reset(sk_sys_inst_t *in)
{
	in->aused = 0;
	in->n = 0;
}

/* Reserves len bytes (8-aligned) in the arena; returns the offset or
 * SIZE_MAX (offsets survive a realloc, pointers do not). */
static size_t arena_alloc(sk_sys_inst_t *in, size_t len)
{
	size_t start = (in->aused + 7) & ~(size_t)7;
	if (start + len > in->acap) {
		size_t nc = in->acap ? in->acap : 1 << 20;
		while (nc < start + len)
			nc *= 2;
		uint8_t *na = realloc(in->arena, nc);
		if (!na)
			return SIZE_MAX;
		in->arena = na;
		in->acap = nc;
	}
	in->aused = start + len;
	return start;
}

/* Space for the next event of the batch. */
static uint8_t *batch_alloc(sk_sys_inst_t *in, size_t len)
{
	size_t off = arena_alloc(in, len);
	if (off == SIZE_MAX)
		return NULL;
	in->offs[in->n] = off;
	in->eoffs[in->n] = SIZE_MAX;
	return in->arena + off;
}

/* Keeps a copy of the enter event next to the event just added. */
static void attach_enter(sk_sys_inst_t *in, const uint8_t *enter)
{
	uint32_t len = sk_evt_get_len(enter);
	size_t off = arena_alloc(in, len);
	if (off == SIZE_MAX)
		return;
	memcpy(in->arena + off, enter, len);
	in->eoffs[in->n - 1] = off;
}

const uint8_t *sk_src_enter_of(sk_sys_inst_t *in, const ss_plugin_event *evt)
{
	if (!in || !in->arena || in->n == 0)
		return NULL;
	const uint8_t *p = (const uint8_t *)evt;
	if (p < in->arena || p >= in->arena + in->aused)
		return NULL;
	size_t off = (size_t)(p - in->arena);
	uint32_t lo = 0, hi = in->n;
	while (lo < hi) {
		uint32_t mid = (lo + hi) / 2;
		if (in->offs[mid] < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < in->n && in->offs[lo] == off && in->eoffs[lo] != SIZE_MAX)
		return in->arena + in->eoffs[lo];
	return NULL;
}

static int push_copy(sk_sys_inst_t *in, const ss_plugin_event *evt)
{
	uint32_t len = sk_evt_get_len(evt);
	uint8_t *d = batch_alloc(in, len);
	if (!d)
		return -ENOMEM;
	memcpy(d, evt, len);
	in->n++;
	return 0;
}

/* Builds the completed exit event: the row of the (upgraded) code, each
 * parameter from the exit event, else the enter event, by name. */
static int push_merged(sk_sys_inst_t *in, const ss_plugin_event *x, const uint8_t *enter)
{
	uint16_t xt = sk_evt_get_type(x);
	uint16_t to = upgrade_of(xt);
	const sk_evt_info_t *xi = sk_evt_info(xt), *ti = sk_evt_info(to);
	sk_evt_param_t xp[SK_EVT_MAX_PARAMS], ep[SK_EVT_MAX_PARAMS], out[SK_EVT_MAX_PARAMS];
	int xn = sk_evt_params(x, xp, SK_EVT_MAX_PARAMS);
	if (xn < 0 || !xi || !ti)
		return push_copy(in, x);
	int en = 0;
	const sk_evt_info_t *ei = NULL;
	if (enter) {
		uint16_t et = sk_evt_get_type(enter);
		ei = sk_evt_info(et);
		en = sk_evt_params((const ss_plugin_event *)enter, ep, SK_EVT_MAX_PARAMS);
		if (en < 0 || !ei)
			en = 0;
	}
	if (to == xt && (uint32_t)xn >= ti->nparams) {
		int rc = push_copy(in, x);
		if (rc == 0 && enter)
			attach_enter(in, enter);
		return rc;
	}
	uint32_t n = ti->nparams > SK_EVT_MAX_PARAMS ? SK_EVT_MAX_PARAMS : ti->nparams;
	if ((uint32_t)xn > n && to == xt)
		n = (uint32_t)xn;
	for (uint32_t i = 0; i < n; i++) {
		const char *name = i < ti->nparams ? ti->params[i].name : NULL;
		out[i].data = NULL;
		out[i].len = 0;
		bool found = false;
		if (to == xt && i < (uint32_t)xn) {
			out[i] = xp[i];
			continue;
		}
		for (int k = 0; name && !found && k < xn && (uint32_t)k < xi->nparams; k++) {
			if (!strcmp(xi->params[k].name, name)) {
				out[i] = xp[k];
				found = true;
			}
		}
		for (int k = 0; name && !found && k < en && (uint32_t)k < ei->nparams; k++) {
			if (!strcmp(ei->params[k].name, name)) {
				out[i] = ep[k];
				found = true;
			}
		}
	}
	/* Parameters no source could fill are dropped from the tail, so a
	 * reader never mistakes an empty number for a zero. */
	uint32_t keep = to == xt ? (uint32_t)xn : 0;
	for (uint32_t i = 0; i < n; i++)
		if (out[i].len)
			keep = i + 1 > keep ? i + 1 : keep;
	n = keep;
	if (to == xt && n == (uint32_t)xn) {
		int rc = push_copy(in, x);
		if (rc == 0 && enter)
			attach_enter(in, enter);
		return rc;
	}
	size_t total = 26 + 2 * (size_t)n;
	for (uint32_t i = 0; i < n; i++)
		total += out[i].len;
	uint8_t *d = batch_alloc(in, total);
	if (!d)
		return -ENOMEM;
	uint64_t ts, tid;
	ts = sk_evt_get_ts(x);
	tid = sk_evt_get_tid(x);
	int rc = sk_evt_build(d, total, ts, tid, to, n, out);
	if (rc < 0)
		return rc;
	if (to != xt)
		in->upgraded++;
	in->merged++;
	in->n++;
	if (enter)
		attach_enter(in, enter);
	return 0;
}

static bool is_internal(const sk_evt_info_t *i)
{
	return !strcmp(i->name, "procinfo") || !strcmp(i->name, "container") ||
		(i->category & SK_EC_INTERNAL);
}

/* One replayed event: deliver, merge or hold. */
static int replay_one(sk_sys_inst_t *in, const ss_plugin_event *evt)
{
	uint16_t type;
	int64_t tid;
	type = sk_evt_get_type(evt);
	tid = sk_evt_get_tid(evt);
	const sk_evt_info_t *info = sk_evt_info(type);
	in->read++;
	if (in->all_events || !info)
		return push_copy(in, evt);
	if (is_internal(info)) {
		in->internal_dropped++;
		return 0;
	}
	if (!sk_evt_is_exit(type)) {
		const sk_evt_info_t *xi = sk_evt_info((uint16_t)(type + 1));
		if (!xi || (xi->flags & SK_EF_UNUSED) || strcmp(xi->name, info->name) != 0)
			return push_copy(in, evt); /* enter-only event */
		pend_t *p = pend_find(in, tid, true);
		if (!p) {
			in->enter_dropped++;
			return 0;
		}
		uint32_t len = sk_evt_get_len(evt);
		if (p->cap < len) {
			uint8_t *nb = realloc(p->evt, len);
			if (!nb)
				return -ENOMEM;
			p->evt = nb;
			p->cap = len;
		}
		memcpy(p->evt, evt, len);
		p->len = len;
		p->used = true;
		in->enter_dropped++;
		return 0;
	}
	pend_t *p = pend_find(in, tid, false);
	const uint8_t *enter = NULL;
	if (p && p->used) {
		uint16_t et = sk_evt_get_type(p->evt);
		if (et + 1 == type)
			enter = p->evt;
		p->used = false;
	}
	return push_merged(in, evt, enter);
}

static int parse_params(const char *params, char *capture, char *write, bool *live,
	bool *all, char *err, size_t errlen)
{
	capture[0] = write[0] = 0;
	*live = false;
	*all = false;
	while (params && (*params == ' ' || *params == '\t' || *params == '\n'))
		params++;
	if (!params || !*params || !strcmp(params, "live")) {
		*live = true;
		return 0;
	}
	if (params[0] != '{') {
		snprintf(capture, 4096, "%s", params);
		return 0;
	}
	json_error_t je;
	json_t *j = json_loads(params, 0, &je);
	if (!j || !json_is_object(j)) {
		snprintf(err, errlen, "syscall open_params: invalid JSON: %s", j ? "not an object" : je.text);
		json_decref(j);
		return -EINVAL;
	}
	const char *key;
	json_t *val;
	json_object_foreach(j, key, val) {
		if (!strcmp(key, "capture") && json_is_string(val)) {
			snprintf(capture, 4096, "%s", json_string_value(val));
		} else if (!strcmp(key, "write") && json_is_string(val)) {
			snprintf(write, 4096, "%s", json_string_value(val));
		} else if (!strcmp(key, "live") && json_is_boolean(val)) {
			*live = json_is_true(val);
		} else if (!strcmp(key, "all_events") && json_is_boolean(val)) {
			*all = json_is_true(val);
		} else {
			snprintf(err, errlen, "syscall open_params: unknown or mistyped key '%s'", key);
			json_decref(j);
			return -EINVAL;
		}
	}
	json_decref(j);
	if (*live && capture[0]) {
		snprintf(err, errlen, "syscall open_params: 'live' and 'capture' are exclusive");
		return -EINVAL;
	}
	if (!*live && !capture[0]) {
		snprintf(err, errlen, "syscall open_params: give 'capture' or 'live'");
		return -EINVAL;
	}
	return 0;
}

bool sk_src_params_live(const char *params)
{
	char capture[4096], write[4096], err[256];
	bool live = false, all = false;
	return parse_params(params, capture, write, &live, &all, err, sizeof(err)) == 0 && live;
}

#ifdef SAKER_HAVE_LIVE
/* types plus what the state tracking needs, in a new array (*out). */
static int with_state_types(const uint16_t *types, uint32_t n, uint16_t **out, size_t *nout)
{
	uint32_t ns = 0;
	const uint16_t *st = sk_src_state_types(&ns);
	uint16_t *all = malloc(sizeof(uint16_t) * ((size_t)n + ns));
	if (!all)
		return -ENOMEM;
	if (n)
		memcpy(all, types, sizeof(uint16_t) * n);
	memcpy(all + n, st, sizeof(uint16_t) * ns);
	*out = all;
	*nout = (size_t)n + ns;
	return 0;
}
#endif

int sk_src_open(sk_sys_t *s, const char *params, sk_sys_inst_t **out, char *err, size_t errlen)
{
	char capture[4096], write[4096];
	bool live, all;
	int rc;
	*out = NULL;
	if ((rc = parse_params(params, capture, write, &live, &all, err, errlen)) < 0)
		return rc;
	sk_sys_inst_t *in = calloc(1, sizeof(*in));
	if (!in)
		return -ENOMEM;
	in->all_events = all;
	in->max = s->cfg.batch_size ? s->cfg.batch_size : 512;
	in->offs = calloc(in->max, sizeof(*in->offs));
	in->eoffs = calloc(in->max, sizeof(*in->eoffs));
	in->ptrs = calloc(in->max, sizeof(*in->ptrs));
	if (!in->offs || !in->eoffs || !in->ptrs) {
		rc = -ENOMEM;
		goto fail;
	}
	sk_threads_clear(s->threads);
	s->pend_close = false;
	if (!live) {
		sk_scap_callbacks_t cb = {sk__src_on_proc, sk__src_on_fd, sk__src_on_user, sk__src_on_group};
		in->mode = MODE_REPLAY;
		if ((rc = sk_scap_open(capture, &cb, s, &in->rd, err, errlen)) < 0)
			goto fail;
	} else {
#ifdef SAKER_HAVE_LIVE
		in->mode = MODE_LIVE;
		sk_live_opts_t o;
		memset(&o, 0, sizeof(o));
		o.ring_bytes = s->cfg.ring_bytes;
		o.cpus_per_ring = s->cfg.cpus_per_ring;
		o.snaplen = s->cfg.snaplen;
		o.drop_failed = s->cfg.drop_failed;
		/* The host named the rules' types before open: only the programs
		 * they and the state tracking need are loaded (no set: all). */
		uint16_t *types = NULL;
		size_t ntypes = 0;
		if (s->has_pre_types &&
			with_state_types(s->pre_types, s->n_pre_types, &types, &ntypes)) {
			rc = -ENOMEM;
			goto fail;
		}
		o.types = types;
		o.ntypes = ntypes;
		/* Capture first, then scan /proc: whatever starts while the scan
		 * runs waits in the rings and is parsed after the seed (parsing
		 * tolerates events of threads the scan already saw), so no process
		 * falls between the snapshot and the event stream. */
		uint64_t t0 = sk_sdk_now_ns(CLOCK_MONOTONIC) / 1000000u;
		rc = sk_live_open(&o, &in->live, err, errlen);
		free(types);
		if (rc < 0)
			goto fail;
		uint64_t t1 = sk_sdk_now_ns(CLOCK_MONOTONIC) / 1000000u;
		if (s->cfg.seed_proc && (rc = sk_proc_seed(s, s->cfg.proc_root, err, errlen)) < 0)
			goto fail;
		uint64_t t2 = sk_sdk_now_ns(CLOCK_MONOTONIC) / 1000000u;
		sk_users_load(s->users, NULL, NULL);
		sk_users_set_refresh(s->users, 10ull * 1000000000ull);
		if (s->log_fn) {
			sk_live_info_t li;
			char msg[256];
			sk_live_info(in->live, &li);
			snprintf(msg, sizeof(msg), "capture started: %u BPF programs, %u CPUs, %u ring(s) "
				"of %zu bytes (%zu ring bytes); load %llu ms, /proc scan %llu ms", li.nprogs,
				li.ncpus, li.nrings, li.ring_bytes, li.ring_bytes * li.nrings,
				(unsigned long long)(t1 - t0), (unsigned long long)(t2 - t1));
			s->log_fn(s->owner, NULL, msg, SS_PLUGIN_LOG_SEV_INFO);
		}
#else
		snprintf(err, errlen, "syscall: live capture is not built in (SAKER_BPF=OFF)");
		rc = -ENOTSUP;
		goto fail;
#endif
	}
	if (write[0]) {
		if ((rc = sk_scap_writer_open(write, &in->wr, err, errlen)) < 0)
			goto fail;
		if ((rc = sk_scap_writer_header(in->wr, s->threads, s->users, err, errlen)) < 0)
			goto fail;
		uint32_t iltype;
		size_t illen;
		const uint8_t *il = in->rd ? sk_scap_iflist(in->rd, &iltype, &illen) : NULL;
		if (il && (rc = sk_scap_writer_raw_block(in->wr, iltype, il, illen)) < 0) {
			snprintf(err, errlen, "cannot write the interface list to %s", write);
			goto fail;
		}
	}
	*out = in;
	return 0;
fail:
	sk_src_close(s, in);
	return rc;
}

ss_plugin_rc sk_src_next(sk_sys_t *s, sk_sys_inst_t *in, uint32_t *n, ss_plugin_event ***evts)
{
	char err[256];
	batch_reset(in);
	*n = 0;
	if (in->mode == MODE_REPLAY) {
		while (in->n < in->max && !in->eof) {
			const ss_plugin_event *e;
			int rc = sk_scap_next(in->rd, &e, NULL, err, sizeof(err));
			if (rc == 1) {
				in->eof = true;
				break;
			}
			if (rc < 0) {
				snprintf(s->lasterr, sizeof(s->lasterr), "syscall replay: %s", err);
				return SS_PLUGIN_FAILURE;
			}
			if (replay_one(in, e) < 0) {
				snprintf(s->lasterr, sizeof(s->lasterr), "syscall replay: out of memory");
				return SS_PLUGIN_FAILURE;
			}
		}
		for (uint32_t i = 0; i < in->n; i++)
			in->ptrs[i] = (ss_plugin_event *)(in->arena + in->offs[i]);
	}
#ifdef SAKER_HAVE_LIVE
	else if (in->mode == MODE_LIVE) {
		const ss_plugin_event *le[1024];
		uint32_t want = in->max < 1024 ? in->max : 1024;
		int k = sk_live_next(in->live, le, want, 100);
		if (k < 0) {
			snprintf(s->lasterr, sizeof(s->lasterr), "syscall live: %s", strerror(-k));
			return SS_PLUGIN_FAILURE;
		}
		if (k == 0)
			return SS_PLUGIN_TIMEOUT;
		for (int i = 0; i < k; i++)
			in->ptrs[i] = (ss_plugin_event *)le[i];
		in->n = (uint32_t)k;
		in->read += (uint64_t)k;
	}
#endif
	if (in->n == 0)
		return in->eof ? SS_PLUGIN_EOF : SS_PLUGIN_TIMEOUT;
	if (in->wr) {
		for (uint32_t i = 0; i < in->n; i++) {
			const uint8_t *enter = in->mode == MODE_REPLAY ?
				sk_src_enter_of(in, in->ptrs[i]) : NULL;
			int wrc = in->all_events ?
				sk_scap_writer_event(in->wr, in->ptrs[i], 0, err, sizeof(err)) :
				sk_scap_writer_event_pair(in->wr, in->ptrs[i], enter, 0, err, sizeof(err));
			if (wrc < 0)
				in->write_errors++;
		}
	}
	in->delivered += in->n;
	*n = in->n;
	*evts = in->ptrs;
	return SS_PLUGIN_SUCCESS;
}

ss_plugin_rc sk_src_capture_write(sk_sys_t *s, sk_sys_inst_t *in, const ss_plugin_event *evt)
{
	char err[256];
	if (!in || !in->wr)
		return SS_PLUGIN_NOT_SUPPORTED;
	if (!evt)
		return SS_PLUGIN_SUCCESS;
	if (sk_scap_writer_event(in->wr, evt, 0, err, sizeof(err)) < 0) {
		in->write_errors++;
		snprintf(s->lasterr, sizeof(s->lasterr), "syscall: %s", err);
		return SS_PLUGIN_FAILURE;
	}
	return SS_PLUGIN_SUCCESS;
}

void sk_src_close(sk_sys_t *s, sk_sys_inst_t *in)
{
	(void)s;
	if (!in)
		return;
	sk_scap_close(in->rd);
#ifdef SAKER_HAVE_LIVE
	sk_live_close(in->live);
#endif
	sk_scap_writer_close(in->wr);
	pend_free_all(in);
	free(in->arena);
	free(in->mx);
	free(in->mnames);
	free(in->offs);
	free(in->eoffs);
	free(in->ptrs);
	free(in);
}

bool sk_src_is_live(const sk_sys_inst_t *in)
{
	return in && in->mode == MODE_LIVE;
}

uint32_t sk_src_progress(sk_sys_inst_t *in)
{
	if (!in || in->mode != MODE_REPLAY)
		return 0;
	return in->eof ? 10000 : sk_scap_progress(in->rd);
}

int sk_src_set_types(sk_sys_t *s, sk_sys_inst_t *in, const uint16_t *types, uint32_t n,
	char *err, size_t errlen)
{
	if (!in) {
		/* before open: kept for the next live open */
		uint16_t *copy = malloc(sizeof(uint16_t) * (n ? n : 1));
		if (!copy)
			return -ENOMEM;
		if (n)
			memcpy(copy, types, sizeof(uint16_t) * n);
		free(s->pre_types);
		s->pre_types = copy;
		s->n_pre_types = n;
		s->has_pre_types = true;
		return 0;
	}
#ifdef SAKER_HAVE_LIVE
	if (in->mode == MODE_LIVE) {
		uint16_t *all;
		size_t nall;
		if (with_state_types(types, n, &all, &nall))
			return -ENOMEM;
		sk_live_info_t before, after;
		sk_live_info(in->live, &before);
		int rc = sk_live_set_types(in->live, all, nall, err, errlen);
		free(all);
		sk_live_info(in->live, &after);
		if (after.nprogs > before.nprogs && s->log_fn) {
			char msg[160];
			snprintf(msg, sizeof(msg), "capture extended: %u more BPF programs (%u in all) "
				"for the new event types", after.nprogs - before.nprogs, after.nprogs);
			s->log_fn(s->owner, NULL, msg, SS_PLUGIN_LOG_SEV_INFO);
		}
		return rc;
	}
#else
	(void)types;
	(void)n;
	(void)err;
	(void)errlen;
#endif
	return 0; /* replay delivers every event; filtering is the host's job */
}

static void metric(ss_plugin_metric *m, const char *name, uint64_t v, bool mono)
{
	m->name = name;
	m->type = mono ? SS_PLUGIN_METRIC_TYPE_MONOTONIC : SS_PLUGIN_METRIC_TYPE_NON_MONOTONIC;
	m->value_type = SS_PLUGIN_METRIC_VALUE_TYPE_U64;
	m->value.u64 = v;
}

ss_plugin_metric *sk_src_metrics(sk_sys_t *s, sk_sys_inst_t *in, uint32_t *n)
{
	ss_plugin_metric *m = s->metrics;
	uint32_t max = sizeof(s->metrics) / sizeof(s->metrics[0]), k = 0;
#ifdef SAKER_HAVE_LIVE
	sk_live_stats_t ls;
	bool have_ls = in && in->live && sk_live_stats(in->live, &ls) == 0;
	if (have_ls) {
		/* Room for the fixed metrics plus two per CPU, names kept stable. */
		uint32_t need = max + 2 * ls.ncpus;
		if (in->mcap < need) {
			ss_plugin_metric *nm = realloc(in->mx, need * sizeof(*nm));
			char(*nn)[48] = realloc(in->mnames, (size_t)2 * ls.ncpus * sizeof(*nn));
			if (nm)
				in->mx = nm;
			if (nn)
				in->mnames = nn;
			if (nm && nn) {
				in->mcap = need;
				for (uint32_t c = 0; c < ls.ncpus; c++) {
					snprintf(in->mnames[2 * c], 48, "syscall_cpu%u_events_total", c);
					snprintf(in->mnames[2 * c + 1], 48, "syscall_cpu%u_drops_total", c);
				}
				in->ncpu_names = ls.ncpus;
			}
		}
		if (in->mcap >= need) {
			m = in->mx;
			max = in->mcap;
		}
	}
#endif
	const sk_threads_stats_t *st = sk_threads_stats(s->threads);
#define M(name, v, mono) do { if (k < max) metric(&m[k++], name, (uint64_t)(v), mono); } while (0)
	M("syscall_threads", st->count, false);
	M("syscall_threads_max", sk_threads_max(s->threads), false);
	M("syscall_threads_evicted_dead_total", st->evicted_dead, true);
	M("syscall_threads_evicted_live_total", st->evicted_live, true);
	M("syscall_fds_dropped_total", sk_threads_fd_dropped(s->threads), true);
	M("syscall_users_dropped_total", sk_users_dropped(s->users), true);
	M("syscall_events_malformed_total", s->n_malformed, true);
	if (in) {
		M("syscall_events_read_total", in->read, true);
		M("syscall_events_delivered_total", in->delivered, true);
		M("syscall_events_merged_total", in->merged, true);
		M("syscall_events_internal_dropped_total", in->internal_dropped, true);
		M("syscall_enter_pending_dropped_total", in->pend_dropped, true);
		M("syscall_capture_write_errors_total", in->write_errors, true);
#ifdef SAKER_HAVE_LIVE
		if (have_ls) {
			M("syscall_kernel_events_total", ls.events, true);
			M("syscall_kernel_drops_total", ls.drops, true);
			for (uint32_t c = 0; c < ls.ncpus && c < in->ncpu_names && m == in->mx; c++) {
				M(in->mnames[2 * c], ls.cpu[c].events, true);
				M(in->mnames[2 * c + 1], ls.cpu[c].drops + ls.cpu[c].drops_other, true);
			}
		}
#endif
	}
#undef M
	*n = k;
	return m;
}

