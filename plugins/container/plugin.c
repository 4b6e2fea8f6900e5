/*
 * plugin.c - the container plugin's ABI glue: info, init config, the
 * threads table binding, parse_event and metrics.
 */
#include "ctr_plugin.h"

#include <errno.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sk_event_schema.h"

#define EXPORT __attribute__((visibility("default")))

EXPORT const char *plugin_get_required_api_version(void) { return "3.10.0"; }
EXPORT const char *plugin_get_version(void) { return SK_CTR_PLUGIN_VERSION; }
EXPORT const char *plugin_get_name(void) { return SK_CTR_PLUGIN_NAME; }
EXPORT const char *plugin_get_contact(void) { return "saker project"; }
EXPORT const char *plugin_get_description(void)
{
	return "Container and Kubernetes metadata (container.*, k8s.*) for syscall events, from "
	       "cgroups and the container runtime APIs (Docker/podman, CRI-O)";
}
EXPORT const char *plugin_get_extract_event_sources(void) { return "[\"syscall\"]"; }
EXPORT const char *plugin_get_parse_event_sources(void) { return "[\"syscall\"]"; }

static const char k_schema[] =
	"{\"type\":\"object\",\"properties\":{"
	"\"engines\":{\"type\":\"object\"},"
	"\"lookup_timeout_ms\":{\"type\":\"integer\",\"minimum\":1},"
	"\"lookup_wait_ms\":{\"type\":\"integer\",\"minimum\":0},"
	"\"max_containers\":{\"type\":\"integer\",\"minimum\":1},"
	"\"lookup_queue\":{\"type\":\"integer\",\"minimum\":1},"
	"\"retry_interval_ms\":{\"type\":\"integer\",\"minimum\":0},"
	"\"max_lookup_attempts\":{\"type\":\"integer\",\"minimum\":1},"
	"\"max_response_bytes\":{\"type\":\"integer\",\"minimum\":1024},"
	"\"label_max_len\":{\"type\":\"integer\",\"minimum\":0},"
	"\"proc_fallback\":{\"type\":\"boolean\"},"
	"\"host_root\":{\"type\":\"string\"},"
	"\"k8s_log_dir\":{\"type\":\"string\"},"
	"\"verbosity\":{\"type\":\"string\"},"
	"\"with_size\":{\"type\":\"boolean\"},"
	"\"hooks\":{\"type\":\"array\"}}}";

EXPORT const char *plugin_get_init_schema(ss_plugin_schema_type *t)
{
	*t = SS_PLUGIN_SCHEMA_JSON;
	return k_schema;
}

EXPORT const char *plugin_get_fields(void)
{
	static char *json;
	if (!json) {
		char err[256];
		json = sk_sdk_fields_json(sk_ctr_fields, sk_ctr_nfields, err, sizeof(err));
	}
	return json ? json : "[]";
}

EXPORT const char *plugin_get_last_error(ss_plugin_t *s)
{
	return s ? ((sk_ctr_plugin_t *)s)->err.msg : "no plugin state";
}

/* ---- config ------------------------------------------------------------- */

static const char *const k_known_keys[] = {"engines", "lookup_timeout_ms", "lookup_wait_ms",
	"max_containers", "lookup_queue", "retry_interval_ms", "max_lookup_attempts",
	"max_response_bytes", "label_max_len", "proc_fallback", "host_root", "k8s_log_dir", "verbosity",
	"with_size", "hooks", NULL};

/* engines.<name>: {enabled, sockets}; absent -> defaults. Socket paths are
 * prefixed with host_root (for a containerised saker seeing the host's
 * sockets under e.g. /host). */
static int engine_sockets(json_t *engines, const char *name, const char *const *defs,
	const char *host_root, char store[][300], const char **out, size_t *n, char *err,
	size_t errlen)
{
	json_t *e = json_object_get(engines, name);
	*n = 0;
	if (e && !json_is_object(e)) {
		snprintf(err, errlen, "engines.%s: must be an object", name);
		return -EINVAL;
	}
	json_t *en = json_object_get(e, "enabled");
	if (en && !json_is_boolean(en)) {
		snprintf(err, errlen, "engines.%s.enabled: must be a boolean", name);
		return -EINVAL;
	}
	if (en && json_is_false(en))
		return 0;
	json_t *socks = json_object_get(e, "sockets");
	if (socks && !json_is_array(socks)) {
		snprintf(err, errlen, "engines.%s.sockets: must be an array of paths", name);
		return -EINVAL;
	}
	size_t cnt = socks ? json_array_size(socks) : 0;
	if (!socks)
		while (defs[cnt])
			cnt++;
	if (cnt > SK_CTR_MAX_SOCKETS) {
		snprintf(err, errlen, "engines.%s.sockets: at most %d sockets", name,
			SK_CTR_MAX_SOCKETS);
		return -EINVAL;
	}
	for (size_t i = 0; i < cnt; i++) {
		const char *path = socks ? json_string_value(json_array_get(socks, i)) : defs[i];
		if (!path || path[0] != '/') {
			snprintf(err, errlen, "engines.%s.sockets[%zu]: must be an absolute path", name, i);
			return -EINVAL;
		}
		int w = snprintf(store[i], 300, "%s%s", host_root, path);
		if (w < 0 || w >= 300) {
			snprintf(err, errlen, "engines.%s.sockets[%zu]: path too long", name, i);
			return -EINVAL;
		}
		out[i] = store[i];
	}
	*n = cnt;
	return 0;
}

static int configure(sk_ctr_plugin_t *p, const char *text, char *err, size_t errlen)
{
	json_t *cfg = NULL;
	int rc = sk_sdk_config_parse(text, &cfg, err, errlen);
	if (rc)
		return rc;
	uint64_t timeout, wait, maxc, qlen, retry, attempts, maxresp, lablen;
	bool procfb;
	const char *host_root, *logdir;
	if ((rc = sk_sdk_config_check_keys(cfg, k_known_keys, err, errlen)) ||
	    (rc = sk_sdk_config_u64(cfg, "lookup_timeout_ms", 2000, 1, 600000, &timeout, err, errlen)) ||
	    (rc = sk_sdk_config_u64(cfg, "lookup_wait_ms", 250, 0, 60000, &wait, err, errlen)) ||
	    (rc = sk_sdk_config_u64(cfg, "max_containers", 4096, 1, 1u << 22, &maxc, err, errlen)) ||
	    (rc = sk_sdk_config_u64(cfg, "lookup_queue", 512, 1, 1u << 20, &qlen, err, errlen)) ||
	    (rc = sk_sdk_config_u64(cfg, "retry_interval_ms", 10000, 0, 86400000, &retry, err, errlen)) ||
	    (rc = sk_sdk_config_u64(cfg, "max_lookup_attempts", 3, 1, 1000, &attempts, err, errlen)) ||
	    (rc = sk_sdk_config_u64(cfg, "max_response_bytes", 4u << 20, 1024, 1u << 30, &maxresp, err, errlen)) ||
	    (rc = sk_sdk_config_u64(cfg, "label_max_len", 100, 0, 1u << 20, &lablen, err, errlen)) ||
	    (rc = sk_sdk_config_bool(cfg, "proc_fallback", true, &procfb, err, errlen)) ||
	    (rc = sk_sdk_config_string(cfg, "host_root", "", &host_root, err, errlen)) ||
	    (rc = sk_sdk_config_string(cfg, "k8s_log_dir", "/var/log/containers", &logdir, err,
		     errlen)))
		goto out;
	json_t *engines = json_object_get(cfg, "engines");
	if (engines && !json_is_object(engines)) {
		snprintf(err, errlen, "engines: must be an object");
		rc = -EINVAL;
		goto out;
	}
	/* Upstream's engine names are accepted; containerd, lxc, libvirt_lxc and
	 * bpm have nothing to query here (cgroup data, kubelet log links). */
	static const char *const k_engines[] = {"docker", "podman", "cri", "containerd", "lxc",
		"libvirt_lxc", "bpm", NULL};
	const char *ename;
	json_t *eval;
	json_object_foreach(engines, ename, eval) {
		size_t i = 0;
		while (k_engines[i] && strcmp(k_engines[i], ename) != 0)
			i++;
		if (!k_engines[i]) {
			snprintf(err, errlen, "engines.%s: unknown engine (known: docker, podman, cri, "
				"containerd, lxc, libvirt_lxc, bpm)", ename);
			rc = -EINVAL;
			goto out;
		}
	}
	static const char *const d_docker[] = {"/var/run/docker.sock", NULL};
	static const char *const d_podman[] = {"/run/podman/podman.sock", NULL};
	static const char *const d_crio[] = {"/run/crio/crio.sock", "/var/run/crio/crio.sock", NULL};
	char s_docker[SK_CTR_MAX_SOCKETS][300], s_podman[SK_CTR_MAX_SOCKETS][300],
		s_crio[SK_CTR_MAX_SOCKETS][300];
	sk_ctr_store_opts_t o;
	memset(&o, 0, sizeof(o));
	if ((rc = engine_sockets(engines, "docker", d_docker, host_root, s_docker, o.docker,
		     &o.ndocker, err, errlen)) ||
	    (rc = engine_sockets(engines, "podman", d_podman, host_root, s_podman, o.podman,
		     &o.npodman, err, errlen)) ||
	    (rc = engine_sockets(engines, "cri", d_crio, host_root, s_crio, o.crio, &o.ncrio, err,
		     errlen)))
		goto out;
	/* Rootless podman: one socket per user, when the default list is used. */
	json_t *pe = json_object_get(engines, "podman");
	if (o.npodman && !json_object_get(pe, "sockets")) {
		char pat[320];
		glob_t g;
		snprintf(pat, sizeof(pat), "%s/run/user/*/podman/podman.sock", host_root);
		if (glob(pat, 0, NULL, &g) == 0) {
			for (size_t i = 0; i < g.gl_pathc && o.npodman < SK_CTR_MAX_SOCKETS; i++) {
				snprintf(s_podman[o.npodman], 300, "%s", g.gl_pathv[i]);
				o.podman[o.npodman] = s_podman[o.npodman];
				o.npodman++;
			}
			globfree(&g);
		}
	}
	char logpath[300];
	if (logdir[0] && logdir[0] != '/') {
		snprintf(err, errlen, "k8s_log_dir: must be an absolute path or \"\"");
		rc = -EINVAL;
		goto out;
	}
	snprintf(logpath, sizeof(logpath), "%s%s", host_root, logdir);
	o.k8s_log_dir = logdir[0] ? logpath : NULL;
	o.timeout_ms = (int)timeout;
	o.max_containers = maxc;
	o.queue_len = qlen;
	o.retry_ms = (int)retry;
	o.max_attempts = (unsigned)attempts;
	o.max_response_bytes = maxresp;
	o.label_max_len = lablen;
	/* An event never waits longer than a lookup may take. */
	p->wait_ms = (int)(wait < timeout ? wait : timeout);
	p->proc_fallback = procfb;
	snprintf(p->proc_root, sizeof(p->proc_root), "%s/proc", host_root);
	rc = sk_ctr_store_new(&o, &p->store, err, errlen);
out:
	json_decref(cfg);
	return rc;
}

/* ---- init / destroy ------------------------------------------------------ */

static void bind_threads(sk_ctr_plugin_t *p, const ss_plugin_init_tables_input *t)
{
	if (!t || !t->get_table)
		return;
	p->threads = t->get_table(p->owner, "threads", SS_PLUGIN_ST_INT64);
	if (!p->threads)
		return;
	ss_plugin_table_fields_vtable_ext *fx = t->fields_ext;
	ss_plugin_table_field_t *(*get)(ss_plugin_table_t *, const char *, ss_plugin_state_type) =
		fx ? fx->get_table_field : t->fields.get_table_field;
	ss_plugin_table_field_t *(*add)(ss_plugin_table_t *, const char *, ss_plugin_state_type) =
		fx ? fx->add_table_field : t->fields.add_table_field;
	if (!get)
		return;
	p->f_pidns_start = get(p->threads, "pidns_init_start_ts", SS_PLUGIN_ST_UINT64);
	/* container_id is ours, a dynamic field, as upstream's container plugin
	 * adds it (add returns the existing one when already there). */
	if (add)
		p->f_container_id = add(p->threads, "container_id", SS_PLUGIN_ST_STRING);
	/* cgroups is a sub-table (key: index; fields first = subsystem, second =
	 * path). Its fields are looked up on the sub-table of a scratch entry. */
	p->f_cgroups = get(p->threads, "cgroups", SS_PLUGIN_ST_TABLE);
	ss_plugin_table_writer_vtable_ext *wx = t->writer_ext;
	ss_plugin_table_reader_vtable_ext *rx = t->reader_ext;
	if (!p->f_cgroups || !wx || !rx || !wx->create_table_entry)
		goto nocg;
	ss_plugin_table_entry_t *e = wx->create_table_entry(p->threads);
	ss_plugin_state_data v = {0};
	if (e && rx->read_entry_field(p->threads, e, p->f_cgroups, &v) == SS_PLUGIN_SUCCESS &&
		v.table) {
		p->f_cg_first = get(v.table, "first", SS_PLUGIN_ST_STRING);
		p->f_cg_second = get(v.table, "second", SS_PLUGIN_ST_STRING);
	}
	if (e && wx->destroy_table_entry)
		wx->destroy_table_entry(p->threads, e);
	if (p->f_cg_first && p->f_cg_second)
		return;
nocg:
	p->f_cgroups = p->f_cg_first = p->f_cg_second = NULL;
}

static void parse_codes(sk_ctr_plugin_t *p)
{
	static const char *const clones[] = {"clone", "fork", "vfork", "clone3"};
	static const char *const execs[] = {"execve", "execveat"};
	uint16_t codes[16];
	for (size_t i = 0; i < 4 + 2; i++) {
		const char *name = i < 4 ? clones[i] : execs[i - 4];
		size_t n = sk_evt_codes_by_name(name, codes, 16);
		for (size_t k = 0; k < n && k < 16; k++) {
			if (!sk_evt_is_exit(codes[k]))
				continue;
			if (p->nparse_types < sizeof(p->parse_types) / sizeof(p->parse_types[0]))
				p->parse_types[p->nparse_types++] = codes[k];
			if (i < 4 && p->nclone_types < sizeof(p->clone_types) / sizeof(p->clone_types[0]))
				p->clone_types[p->nclone_types++] = codes[k];
		}
	}
}

EXPORT void plugin_destroy(ss_plugin_t *s)
{
	sk_ctr_plugin_t *p = s;
	if (!p)
		return;
	sk_ctr_store_free(p->store);
	sk_sdk_extract_free(&p->x);
	free(p->tids);
	free(p);
}

EXPORT ss_plugin_t *plugin_init(const ss_plugin_init_input *in, ss_plugin_rc *rc)
{
	sk_ctr_plugin_t *p = calloc(1, sizeof(*p));
	*rc = SS_PLUGIN_FAILURE;
	if (!p)
		return NULL;
	sk_sdk_extract_init(&p->x);
	p->owner = in ? in->owner : NULL;
	p->log = in ? in->log_fn : NULL;
	char err[512] = "";
	if (configure(p, in ? in->config : NULL, err, sizeof(err))) {
		sk_sdk_err_set(&p->err, "container: %s", err);
		return p;
	}
	if (!(p->tids = calloc(SK_CTR_TID_CACHE, sizeof(*p->tids)))) {
		sk_sdk_err_set(&p->err, "container: out of memory");
		return p;
	}
	bind_threads(p, in ? in->tables : NULL);
	parse_codes(p);
	if (p->log) {
		char msg[256];
		snprintf(msg, sizeof(msg), "threads table %s (cgroups field %s, container_id %s)",
			p->threads ? "bound" : "absent: using /proc", p->f_cgroups ? "yes" : "no",
			p->f_container_id ? "yes" : "no");
		p->log(p->owner, NULL, msg, SS_PLUGIN_LOG_SEV_INFO);
	}
	*rc = SS_PLUGIN_SUCCESS;
	return p;
}

EXPORT uint16_t *plugin_get_parse_event_types(uint32_t *numtypes, ss_plugin_t *s)
{
	sk_ctr_plugin_t *p = s;
	static uint16_t none[1];
	if (!p) {
		*numtypes = 0;
		return none;
	}
	*numtypes = p->nparse_types;
	return p->parse_types;
}

/* ---- parse / extract ----------------------------------------------------- */

static void update_thread(sk_ctr_plugin_t *p, int64_t tid, const ss_plugin_event_parse_input *in)
{
	sk_ctr_ref_t ref;
	uint64_t pidns;
	sk_ctr_tid_forget(p, tid);
	sk_ctr_resolve(p, tid, in->table_reader_ext, &ref, &pidns);
	sk_ctr_write_container_id(p, tid, in->table_reader_ext, in->table_writer_ext, &ref);
	sk_ctr_store_touch(p->store, &ref, p->wait_ms);
}

EXPORT ss_plugin_rc plugin_parse_event(ss_plugin_t *s, const ss_plugin_event_input *ev,
	const ss_plugin_event_parse_input *in)
{
	sk_ctr_plugin_t *p = s;
	const ss_plugin_event *evt = ev->evt;
	if (!evt || evt->tid == UINT64_MAX)
		return SS_PLUGIN_SUCCESS;
	bool parse = false, is_clone = false;
	for (uint32_t i = 0; i < p->nparse_types; i++)
		parse |= p->parse_types[i] == evt->type;
	for (uint32_t i = 0; i < p->nclone_types; i++)
		is_clone |= p->clone_types[i] == evt->type;
	if (!parse)
		return SS_PLUGIN_SUCCESS;
	p->cache_valid = false; /* the thread's container may have changed */
	sk_evt_param_t res;
	int64_t r = -1;
	if (sk_evt_param(evt, 0, &res) == 0 && res.len == 8)
		memcpy(&r, res.data, 8);
	if (is_clone && r > 0) {
		update_thread(p, r, in); /* the parent's view: r is the child */
		return SS_PLUGIN_SUCCESS;
	}
	if (r == 0 || !is_clone)
		update_thread(p, (int64_t)evt->tid, in);
	return SS_PLUGIN_SUCCESS;
}

EXPORT ss_plugin_rc plugin_extract_fields(ss_plugin_t *s, const ss_plugin_event_input *ev,
	const ss_plugin_field_extract_input *in)
{
	return sk_ctr_extract(s, ev, in);
}

/* ---- metrics --------------------------------------------------------------- */

EXPORT ss_plugin_metric *plugin_get_metrics(ss_plugin_t *s, uint32_t *num)
{
	sk_ctr_plugin_t *p = s;
	if (!p || !p->store) {
		*num = 0;
		return NULL;
	}
	const sk_ctr_stats_t *st = sk_ctr_store_stats(p->store);
	struct {
		const char *name;
		ss_plugin_metric_type type;
		uint64_t v;
	} rows[] = {
		{"container_lookups_ok", SS_PLUGIN_METRIC_TYPE_MONOTONIC, atomic_load(&st->lookups_ok)},
		{"container_lookups_failed", SS_PLUGIN_METRIC_TYPE_MONOTONIC, atomic_load(&st->lookups_failed)},
		{"container_lookups_unsupported", SS_PLUGIN_METRIC_TYPE_MONOTONIC, atomic_load(&st->lookups_unsupported)},
		{"container_lookup_queue_drops", SS_PLUGIN_METRIC_TYPE_MONOTONIC, atomic_load(&st->queue_drops)},
		{"container_lookup_wait_timeouts", SS_PLUGIN_METRIC_TYPE_MONOTONIC, atomic_load(&st->wait_timeouts)},
		{"container_evictions", SS_PLUGIN_METRIC_TYPE_MONOTONIC, atomic_load(&st->evictions)},
		{"container_cached", SS_PLUGIN_METRIC_TYPE_NON_MONOTONIC, sk_ctr_store_size(p->store)},
		{"container_proc_reads", SS_PLUGIN_METRIC_TYPE_MONOTONIC, p->n_proc_reads},
		{"container_proc_read_failures", SS_PLUGIN_METRIC_TYPE_MONOTONIC, p->n_proc_fail},
		{"container_thread_misses", SS_PLUGIN_METRIC_TYPE_MONOTONIC, p->n_table_miss},
		{"container_thread_write_failures", SS_PLUGIN_METRIC_TYPE_MONOTONIC, p->n_table_write_fail},
	};
	size_t n = sizeof(rows) / sizeof(rows[0]);
	_Static_assert(sizeof(rows) / sizeof(rows[0]) <= sizeof(p->metrics) / sizeof(p->metrics[0]),
		"metrics array");
	for (size_t i = 0; i < n; i++) {
		p->metrics[i].name = rows[i].name;
		p->metrics[i].type = rows[i].type;
		p->metrics[i].value.u64 = rows[i].v;
		p->metrics[i].value_type = SS_PLUGIN_METRIC_VALUE_TYPE_U64;
	}
	*num = (uint32_t)n;
	return p->metrics;
}
