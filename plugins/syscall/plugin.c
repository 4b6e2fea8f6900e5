/* plugin.c - the syscall plugin's exported entry points (Falco plugin API 3.x). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fields.h"
#include "plugin_api.h"
#include "sk_plugin_sdk.h"
#include "source.h"
#include "statetable.h"
#include "sys.h"

#define EXPORT __attribute__((visibility("default")))

static const char *const config_keys[] = {"max_threads", "max_fds", "max_users", "batch_size",
	"ring_bytes", "cpus_per_ring", "snaplen", "drop_failed", "seed_proc", "proc_root", NULL};

EXPORT const char *plugin_get_required_api_version(void)
{
	return "3.10.0";
}

EXPORT const char *plugin_get_version(void)
{
	return "0.1.0";
}

EXPORT const char *plugin_get_name(void)
{
	return "syscall";
}

EXPORT const char *plugin_get_description(void)
{
	return "Syscall events through eBPF or from .scap captures, with process, fd and user "
	       "state and the proc.*, thread.*, fd.*, user.*, group.* and syscall evt.* fields";
}

EXPORT const char *plugin_get_contact(void)
{
	return "saker project";
}

EXPORT const char *plugin_get_init_schema(ss_plugin_schema_type *t)
{
	*t = SS_PLUGIN_SCHEMA_JSON;
	return "{\"type\":\"object\",\"properties\":{"
	       "\"max_threads\":{\"type\":\"integer\",\"minimum\":1},"
	       "\"max_fds\":{\"type\":\"integer\",\"minimum\":1},"
	       "\"max_users\":{\"type\":\"integer\",\"minimum\":1},"
	       "\"batch_size\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":4096},"
	       "\"ring_bytes\":{\"type\":\"integer\",\"minimum\":0},"
	       "\"cpus_per_ring\":{\"type\":\"integer\",\"minimum\":0},"
	       "\"snaplen\":{\"type\":\"integer\",\"minimum\":0},"
	       "\"drop_failed\":{\"type\":\"boolean\"},"
	       "\"seed_proc\":{\"type\":\"boolean\"},"
	       "\"proc_root\":{\"type\":\"string\"}},"
	       "\"additionalProperties\":false}";
}

static int load_config(sk_sys_t *s, const char *text, char *err, size_t errlen)
{
	json_t *cfg = NULL;
	uint64_t v;
	bool b;
	int rc;
	s->cfg.max_threads = 131072;
	s->cfg.max_fds = 4096;
	s->cfg.max_users = 65536;
	s->cfg.batch_size = 512;
	s->cfg.seed_proc = true;
	snprintf(s->cfg.proc_root, sizeof(s->cfg.proc_root), "/proc");
	if ((rc = sk_sdk_config_parse(text, &cfg, err, errlen)) < 0)
		return rc;
	if ((rc = sk_sdk_config_check_keys(cfg, config_keys, err, errlen)) < 0)
		goto out;
#define U64(key, field, def, min, max) do { \
		if ((rc = sk_sdk_config_u64(cfg, key, def, min, max, &v, err, errlen)) < 0) goto out; \
		s->cfg.field = (uint32_t)v; } while (0)
	U64("max_threads", max_threads, 131072, 1, 1u << 22);
	U64("max_fds", max_fds, 4096, 1, 1u << 20);
	U64("max_users", max_users, 65536, 1, 1u << 20);
	U64("batch_size", batch_size, 512, 1, 4096);
	U64("ring_bytes", ring_bytes, 0, 0, 1u << 30);
	U64("cpus_per_ring", cpus_per_ring, 0, 0, 4096);
	U64("snaplen", snaplen, 0, 0, 65536);
#undef U64
	if ((rc = sk_sdk_config_bool(cfg, "drop_failed", false, &b, err, errlen)) < 0)
		goto out;
	s->cfg.drop_failed = b;
	if ((rc = sk_sdk_config_bool(cfg, "seed_proc", true, &b, err, errlen)) < 0)
		goto out;
	s->cfg.seed_proc = b;
	const char *root = NULL;
	if ((rc = sk_sdk_config_string(cfg, "proc_root", "/proc", &root, err, errlen)) < 0)
		goto out;
	snprintf(s->cfg.proc_root, sizeof(s->cfg.proc_root), "%s", root);
	rc = 0;
out:
	json_decref(cfg);
	return rc;
}

EXPORT void plugin_destroy(ss_plugin_t *st);

EXPORT ss_plugin_t *plugin_init(const ss_plugin_init_input *in, ss_plugin_rc *rc)
{
	sk_sys_t *s = calloc(1, sizeof(*s));
	*rc = SS_PLUGIN_FAILURE;
	if (!s)
		return NULL;
	sk_sdk_extract_init(&s->x);
	if (in) {
		s->owner = in->owner;
		s->log_fn = in->log_fn;
	}
	if (load_config(s, in ? in->config : NULL, s->lasterr, sizeof(s->lasterr)) < 0)
		return s; /* FAILURE: the host reads get_last_error, then destroys */
	s->threads = sk_threads_new(s->cfg.max_threads, s->cfg.max_fds, NULL);
	s->users = sk_users_new(s->cfg.max_users);
	if (!s->threads || !s->users) {
		snprintf(s->lasterr, sizeof(s->lasterr), "syscall: out of memory");
		return s;
	}
	if (in && in->tables) {
		char err[256];
		int trc = sk_statetable_publish(s, in->tables, err, sizeof(err));
		if (trc < 0 && trc != -ENOTSUP && s->log_fn)
			s->log_fn(s->owner, NULL, err, SS_PLUGIN_LOG_SEV_WARNING);
	}
	*rc = SS_PLUGIN_SUCCESS;
	return s;
}

EXPORT void plugin_destroy(ss_plugin_t *st)
{
	sk_sys_t *s = st;
	if (!s)
		return;
	sk_src_close(s, s->inst);
	sk_statetable_free(s);
	sk_threads_free(s->threads);
	sk_users_free(s->users);
	sk_sdk_extract_free(&s->x);
	free(s->fields_json);
	free(s->pre_types);
	free(s);
}

EXPORT const char *plugin_get_last_error(ss_plugin_t *st)
{
	return st ? ((sk_sys_t *)st)->lasterr : "syscall: no state";
}

EXPORT uint32_t plugin_get_id(void)
{
	return 0;
}

EXPORT const char *plugin_get_event_source(void)
{
	return "";
}

EXPORT const char *plugin_list_open_params(ss_plugin_t *st, ss_plugin_rc *rc)
{
	(void)st;
	*rc = SS_PLUGIN_SUCCESS;
	return "[{\"value\":\"live\",\"desc\":\"live capture through eBPF\"},"
	       "{\"value\":\"{\\\"capture\\\":\\\"/path/file.scap\\\"}\",\"desc\":\"replay a capture\"},"
	       "{\"value\":\"{\\\"live\\\":true,\\\"write\\\":\\\"/path/out.scap\\\"}\","
	       "\"desc\":\"live capture, also written to a capture file\"}]";
}

EXPORT ss_instance_t *plugin_open(ss_plugin_t *st, const char *params, ss_plugin_rc *rc)
{
	sk_sys_t *s = st;
	sk_sys_inst_t *in = NULL;
	*rc = SS_PLUGIN_FAILURE;
	if (s->inst) {
		snprintf(s->lasterr, sizeof(s->lasterr), "syscall: a capture is already open");
		return NULL;
	}
	if (sk_src_open(s, params, &in, s->lasterr, sizeof(s->lasterr)) < 0)
		return NULL;
	s->inst = in;
	s->view_evt = NULL;
	*rc = SS_PLUGIN_SUCCESS;
	return in;
}

EXPORT void plugin_close(ss_plugin_t *st, ss_instance_t *h)
{
	sk_sys_t *s = st;
	sk_src_close(s, h);
	if (s->inst == h)
		s->inst = NULL;
	s->view_evt = NULL;
}

EXPORT ss_plugin_rc plugin_next_batch(ss_plugin_t *st, ss_instance_t *h, uint32_t *nevts,
	ss_plugin_event ***evts)
{
	sk_sys_t *s = st;
	s->view_evt = NULL;
	return sk_src_next(s, h, nevts, evts);
}

EXPORT const char *plugin_get_progress(ss_plugin_t *st, ss_instance_t *h, uint32_t *pct)
{
	sk_sys_t *s = st;
	*pct = sk_src_progress(h);
	snprintf(s->sbuf[SK_SBUF_EVT], sizeof(s->sbuf[SK_SBUF_EVT]), "%.2f", *pct / 100.0);
	return s->sbuf[SK_SBUF_EVT];
}

/* get_fields has no state: the JSON is built once and freed at unload. */
static const char *g_fields_json;

__attribute__((destructor)) static void free_fields_json(void)
{
	free((void *)g_fields_json);
	g_fields_json = NULL;
}

EXPORT const char *plugin_get_fields(void)
{
	if (!g_fields_json)
		g_fields_json = sk_sys_fields_json(NULL);
	return g_fields_json ? g_fields_json : "[]";
}

EXPORT const char *plugin_get_extract_event_sources(void)
{
	return "[\"syscall\"]";
}

EXPORT ss_plugin_rc plugin_extract_fields(ss_plugin_t *st, const ss_plugin_event_input *ev,
	const ss_plugin_field_extract_input *in)
{
	return sk_sys_extract(st, ev, in);
}

EXPORT const char *plugin_get_parse_event_sources(void)
{
	return "[\"syscall\"]";
}

EXPORT ss_plugin_rc plugin_parse_event(ss_plugin_t *st, const ss_plugin_event_input *ev,
	const ss_plugin_event_parse_input *in)
{
	(void)in;
	sk_sys_t *s = st;
	s->view_evt = NULL;
	sk_sys_parse(s, ev->evt);
	return SS_PLUGIN_SUCCESS;
}

EXPORT ss_plugin_metric *plugin_get_metrics(ss_plugin_t *st, uint32_t *n)
{
	sk_sys_t *s = st;
	return sk_src_metrics(s, s->inst, n);
}

EXPORT ss_plugin_rc saker_set_event_types(ss_plugin_t *st, ss_instance_t *h,
	const uint16_t *types, uint32_t ntypes)
{
	sk_sys_t *s = st;
	if (sk_src_set_types(s, h, types, ntypes, s->lasterr, sizeof(s->lasterr)) < 0)
		return SS_PLUGIN_FAILURE;
	return SS_PLUGIN_SUCCESS;
}

const char *sk__event_names(const char *open_params);

EXPORT const char *saker_get_event_names(const char *open_params)
{
	return sk__event_names(open_params);
}

EXPORT ss_plugin_rc saker_capture_write(ss_plugin_t *st, ss_instance_t *h,
	const ss_plugin_event *evt)
{
	sk_sys_t *s = st;
	return sk_src_capture_write(s, h, evt);
}
