/*
 * harness.c - a minimal plugin host for tests: dlopens a source plugin and
 * extractor plugins, drives open/next_batch/extract_fields the way the
 * Falco/saker host does (field ids from get_fields, argument rules, event
 * type and plugin id checks), and prints one JSON line per event.
 *
 *   harness fields <plugin.so>
 *   harness run --source <so> [--config <json>] --open <params>
 *               [--extractor <so>]... [--field <name[arg]>]...
 *               [--max-events N] [--idle-ms M] [--pause-ms P] [--eof-ok]
 *               [--start-file PATH] [--stop-file PATH]
 *
 * Readiness signals for tests on a loaded machine (no timing guesses):
 * --start-file: after the open line, next_batch is first called once PATH
 * exists (at most 120 s later), so a test can fill the source's queue first;
 * --stop-file: the run ends ("stopped") at the first next_batch timeout
 * after PATH exists, i.e. once everything the source holds was delivered.
 *
 * Output of run: {"open":"ok","port":P} first, then
 * {"n":<evtnum>,"ts":<ts>,"f":{"<field>":[values...]|null}} per event and
 * {"end":"eof|idle|max|stopped|error","metrics":{...},"error":"..."} last.
 * Exit 0 unless the ABI was violated or the plugin failed.
 */
#include <dlfcn.h>
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "plugin_api.h"
#include "sk_event_schema.h"

#define MAXP 8
#define MAXF 128

typedef struct plug {
	void *dl;
	plugin_api_fns f;
	ss_plugin_t *st;
	json_t *fields;
	const char *name;
	const char *src; /* event source for sourcing plugins */
} plug_t;

typedef struct req {
	char *text;        /* as given, e.g. json.value[/stage] */
	plug_t *p;
	uint32_t id;
	uint32_t ftype;
	bool list;
	ss_plugin_extract_field ef;
	char *arg;
} req_t;

static uint64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

#define SYM(p, n) (*(void **)&(p)->f.n = dlsym((p)->dl, "plugin_" #n))

static int load(plug_t *p, const char *path)
{
	memset(p, 0, sizeof(*p));
	p->dl = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (!p->dl) {
		fprintf(stderr, "harness: cannot load %s: %s\n", path, dlerror());
		return -1;
	}
	SYM(p, get_required_api_version);
	SYM(p, get_version);
	SYM(p, get_name);
	SYM(p, get_description);
	SYM(p, get_contact);
	SYM(p, init);
	SYM(p, destroy);
	SYM(p, get_last_error);
	SYM(p, get_init_schema);
	SYM(p, get_metrics);
	SYM(p, get_id);
	SYM(p, get_event_source);
	SYM(p, open);
	SYM(p, close);
	SYM(p, next_batch);
	SYM(p, get_fields);
	SYM(p, extract_fields);
	SYM(p, get_extract_event_sources);
	SYM(p, get_extract_event_types);
	if (!p->f.get_required_api_version || !p->f.get_version || !p->f.get_name ||
	    !p->f.get_description || !p->f.get_contact || !p->f.init || !p->f.destroy ||
	    !p->f.get_last_error) {
		fprintf(stderr, "harness: %s misses a required symbol\n", path);
		return -1;
	}
	unsigned maj, min, pat;
	if (sscanf(p->f.get_required_api_version(), "%u.%u.%u", &maj, &min, &pat) != 3 ||
	    maj != PLUGIN_API_VERSION_MAJOR || min > PLUGIN_API_VERSION_MINOR) {
		fprintf(stderr, "harness: %s: incompatible API version %s\n", path,
			p->f.get_required_api_version());
		return -1;
	}
	if (sscanf(p->f.get_version(), "%u.%u.%u", &maj, &min, &pat) != 3) {
		fprintf(stderr, "harness: %s: bad version string\n", path);
		return -1;
	}
	p->name = p->f.get_name();
	if (p->f.get_fields) {
		p->fields = json_loads(p->f.get_fields(), 0, NULL);
		if (!json_is_array(p->fields)) {
			fprintf(stderr, "harness: %s: get_fields is not a JSON array\n", path);
			return -1;
		}
	}
	if (p->f.get_event_source)
		p->src = p->f.get_event_source();
	return 0;
}

static int init_plug(plug_t *p, const char *cfg)
{
	ss_plugin_init_input in = { .config = cfg };
	ss_plugin_rc rc = SS_PLUGIN_FAILURE;

	p->st = p->f.init(&in, &rc);
	if (rc != SS_PLUGIN_SUCCESS) {
		fprintf(stderr, "harness: init of %s failed: %s\n", p->name,
			p->st ? p->f.get_last_error(p->st) : "(no state)");
		return -1;
	}
	return 0;
}

static bool type_ok(plug_t *p, uint16_t t)
{
	uint32_t n = 0, i;
	uint16_t *ty;

	if (!p->f.get_extract_event_types)
		return t == PPME_PLUGINEVENT_E;
	ty = p->f.get_extract_event_types(&n, p->st);
	for (i = 0; i < n; i++)
		if (ty[i] == t)
			return true;
	return false;
}

static bool source_ok(plug_t *p, const char *src)
{
	json_t *a, *v;
	size_t i;
	bool ok = false;

	if (p->src && strcmp(p->src, src) == 0)
		return true;
	if (!p->f.get_extract_event_sources)
		return !p->src;
	a = json_loads(p->f.get_extract_event_sources(), 0, NULL);
	if (json_array_size(a) == 0)
		ok = true;
	json_array_foreach(a, i, v)
		if (json_is_string(v) && strcmp(json_string_value(v), src) == 0)
			ok = true;
	json_decref(a);
	return ok;
}

static int resolve(req_t *r, plug_t *ps, int np)
{
	char *b = strchr(r->text, '[');
	size_t nlen = b ? (size_t)(b - r->text) : strlen(r->text);
	int i;

	if (b) {
		size_t al = strlen(b + 1);

		if (al == 0 || b[al] != ']') {
			fprintf(stderr, "harness: bad field argument in %s\n", r->text);
			return -1;
		}
		r->arg = strndup(b + 1, al - 1);
	}
	for (i = 0; i < np; i++) {
		json_t *f;
		size_t k;

		json_array_foreach(ps[i].fields, k, f) {
			const char *n = json_string_value(json_object_get(f, "name"));
			const char *t = json_string_value(json_object_get(f, "type"));
			json_t *arg = json_object_get(f, "arg");
			bool isidx = json_is_true(json_object_get(arg, "isIndex"));
			bool iskey = json_is_true(json_object_get(arg, "isKey"));
			bool isreq = json_is_true(json_object_get(arg, "isRequired"));

			if (!n || strlen(n) != nlen || strncmp(n, r->text, nlen) != 0)
				continue;
			r->p = &ps[i];
			r->id = (uint32_t)k;
			r->list = json_is_true(json_object_get(f, "isList"));
			r->ftype = !t ? 0 : strcmp(t, "string") == 0 ? FTYPE_STRING :
				strcmp(t, "uint64") == 0 ? FTYPE_UINT64 : strcmp(t, "bool") == 0 ?
				FTYPE_BOOL : strcmp(t, "abstime") == 0 ? FTYPE_ABSTIME : FTYPE_RELTIME;
			if (isreq && !r->arg) {
				fprintf(stderr, "harness: %s requires an argument\n", n);
				return -1;
			}
			if (r->arg && !isidx && !iskey) {
				fprintf(stderr, "harness: %s does not allow an argument\n", n);
				return -1;
			}
			memset(&r->ef, 0, sizeof(r->ef));
			r->ef.field_id = r->id;
			r->ef.field = n;
			r->ef.ftype = r->ftype;
			r->ef.flist = r->list;
			r->ef.arg_index = UINT64_MAX;
			r->ef.arg_present = r->arg != NULL;
			if (r->arg && iskey)
				r->ef.arg_key = r->arg;
			if (r->arg && isidx) {
				char *end;
				unsigned long long v;

				errno = 0;
				v = strtoull(r->arg, &end, 10);
				if (*end || errno || (r->arg[0] == '0' && r->arg[1])) {
					if (!iskey) {
						fprintf(stderr, "harness: %s: bad index %s\n", n, r->arg);
						return -1;
					}
				} else {
					r->ef.arg_index = v;
				}
			}
			return 0;
		}
	}
	fprintf(stderr, "harness: no loaded plugin has field %.*s\n", (int)nlen, r->text);
	return -1;
}

static void print_metrics(plug_t *p, json_t *out)
{
	ss_plugin_metric *m;
	uint32_t n = 0, i;

	if (!p->f.get_metrics)
		return;
	m = p->f.get_metrics(p->st, &n);
	for (i = 0; i < n; i++)
		if (m[i].value_type == SS_PLUGIN_METRIC_VALUE_TYPE_U64)
			json_object_set_new(out, m[i].name, json_integer((json_int_t)m[i].value.u64));
}

static int check_event(plug_t *src, ss_plugin_event *e, uint32_t id)
{
	uint32_t l0, l1, pid;

	if (e->type != PPME_PLUGINEVENT_E || e->nparams != 2 || e->len < SK_EVT_PLUGIN_HDR_LEN) {
		fprintf(stderr, "harness: malformed plugin event produced by plugin: '%s'\n", src->name);
		return -1;
	}
	l0 = sk_evt_get_len32(e, 0);
	l1 = sk_evt_get_len32(e, 1);
	pid = sk_evt_get_plugin_id(e);
	if (l0 != 4 || SK_EVT_PLUGIN_HDR_LEN + (uint64_t)l1 != e->len) {
		fprintf(stderr, "harness: bad parameter lengths in event\n");
		return -1;
	}
	if (pid == 0)
		sk_evt_set_plugin_id(e, id);
	else if (pid != id) {
		fprintf(stderr, "harness: unexpected plugin ID in plugin event: plugin='%s', "
			"expected_id=%u, actual_id=%u\n", src->name, id, pid);
		return -1;
	}
	return 0;
}

static int cmd_run(int argc, char **argv)
{
	plug_t ps[MAXP];
	req_t rq[MAXF];
	int np = 1, nr = 0, i, rc = 0;
	const char *srcpath = NULL, *cfg = "", *open_p = NULL, *exts[MAXP];
	int next = 0;
	uint64_t max_events = UINT64_MAX, idle_ms = 3000, pause_ms = 0, seen = 0, last = 0;
	const char *start_file = NULL, *stop_file = NULL;
	const char *endwhy = "eof";
	ss_instance_t *h;
	ss_plugin_rc orc;
	json_t *endj;
	uint32_t id;

	for (i = 0; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (!v) {
			fprintf(stderr, "harness: %s needs a value\n", a);
			return 2;
		}
		i++;
		if (!strcmp(a, "--source"))
			srcpath = v;
		else if (!strcmp(a, "--config"))
			cfg = v;
		else if (!strcmp(a, "--open"))
			open_p = v;
		else if (!strcmp(a, "--extractor") && next < MAXP - 1)
			exts[next++] = v;
		else if (!strcmp(a, "--field") && nr < MAXF)
			rq[nr++] = (req_t){ .text = (char *)v };
		else if (!strcmp(a, "--max-events"))
			max_events = strtoull(v, NULL, 10);
		else if (!strcmp(a, "--idle-ms"))
			idle_ms = strtoull(v, NULL, 10);
		else if (!strcmp(a, "--pause-ms"))
			pause_ms = strtoull(v, NULL, 10);
		else if (!strcmp(a, "--start-file"))
			start_file = v;
		else if (!strcmp(a, "--stop-file"))
			stop_file = v;
		else {
			fprintf(stderr, "harness: unknown option %s\n", a);
			return 2;
		}
	}
	if (!srcpath || !open_p) {
		fprintf(stderr, "harness: --source and --open are required\n");
		return 2;
	}
	if (load(&ps[0], srcpath) || init_plug(&ps[0], cfg))
		return 1;
	if (!ps[0].f.open || !ps[0].f.next_batch || !ps[0].f.close || !ps[0].f.get_id) {
		fprintf(stderr, "harness: %s has no sourcing capability\n", srcpath);
		return 1;
	}
	id = ps[0].f.get_id();
	for (i = 0; i < next; i++, np++)
		if (load(&ps[np], exts[i]) || init_plug(&ps[np], ""))
			return 1;
	for (i = 0; i < nr; i++)
		if (resolve(&rq[i], ps, np))
			return 1;
	h = ps[0].f.open(ps[0].st, open_p, &orc);
	if (orc != SS_PLUGIN_SUCCESS) {
		endj = json_pack("{s:s, s:s}", "end", "error", "error", ps[0].f.get_last_error(ps[0].st));
		json_dumpf(endj, stdout, JSON_COMPACT);
		printf("\n");
		fflush(stdout);
		json_decref(endj);
		rc = 1;
		goto cleanup;
	}
	{
		json_t *m = json_object();

		print_metrics(&ps[0], m);
		printf("{\"open\":\"ok\",\"port\":%lld}\n",
			(long long)json_integer_value(json_object_get(m, "k8saudit.webhook.port")));
		fflush(stdout);
		json_decref(m);
	}
	if (pause_ms) {
		struct timespec ts = { (time_t)(pause_ms / 1000), (long)(pause_ms % 1000) * 1000000L };

		nanosleep(&ts, NULL);
	}
	if (start_file) {
		struct timespec ts = { 0, 10 * 1000000L };
		uint64_t until = now_ms() + 120000;

		while (access(start_file, F_OK) != 0 && now_ms() < until)
			nanosleep(&ts, NULL);
	}
	last = now_ms();
	while (seen < max_events) {
		uint32_t n = 0, k;
		ss_plugin_event **evs = NULL;
		ss_plugin_rc r;
		uint64_t t0 = now_ms();

		r = ps[0].f.next_batch(ps[0].st, h, &n, &evs);
		if (now_ms() - t0 > 1000) {
			fprintf(stderr, "harness: next_batch blocked for %llu ms\n",
				(unsigned long long)(now_ms() - t0));
			rc = 1;
		}
		if (r == SS_PLUGIN_SUCCESS && n == 0) {
			fprintf(stderr, "harness: unexpected 0 size event returned by plugin %s\n",
				ps[0].name);
			rc = 1;
			break;
		}
		for (k = 0; k < n && seen < max_events; k++) {
			ss_plugin_event_input ei = { .evt = evs[k], .evtnum = ++seen, .evtsrc = ps[0].src };
			json_t *line, *fo;

			if (check_event(&ps[0], evs[k], id)) {
				rc = 1;
				goto done;
			}
			line = json_pack("{s:I, s:I}", "n", (json_int_t)seen, "ts", (json_int_t)evs[k]->ts);
			fo = json_object();
			for (i = 0; i < nr; i++) {
				ss_plugin_field_extract_input in = { 0 };
				json_t *vals;
				uint64_t j;

				if (!type_ok(rq[i].p, evs[k]->type) || !source_ok(rq[i].p, ps[0].src)) {
					json_object_set_new(fo, rq[i].text, json_null());
					continue;
				}
				in.num_fields = 1;
				in.fields = &rq[i].ef;
				rq[i].ef.res_len = 0;
				if (rq[i].p->f.extract_fields(rq[i].p->st, &ei, &in) != SS_PLUGIN_SUCCESS ||
				    rq[i].ef.res_len == 0) {
					json_object_set_new(fo, rq[i].text, json_null());
					continue;
				}
				if (!rq[i].list && rq[i].ef.res_len != 1) {
					fprintf(stderr, "harness: %s: %llu values for a non-list field\n",
						rq[i].text, (unsigned long long)rq[i].ef.res_len);
					rc = 1;
				}
				vals = json_array();
				for (j = 0; j < rq[i].ef.res_len; j++) {
					if (rq[i].ftype == FTYPE_STRING)
						json_array_append_new(vals, json_string(rq[i].ef.res.str[j]));
					else if (rq[i].ftype == FTYPE_BOOL)
						json_array_append_new(vals, json_boolean(rq[i].ef.res.boolean[j]));
					else
						json_array_append_new(vals,
							json_integer((json_int_t)rq[i].ef.res.u64[j]));
				}
				json_object_set_new(fo, rq[i].text, vals);
			}
			json_object_set_new(line, "f", fo);
			json_dumpf(line, stdout, JSON_COMPACT);
			printf("\n");
			json_decref(line);
		}
		fflush(stdout);
		if (n)
			last = now_ms();
		if (r == SS_PLUGIN_EOF)
			break;
		if (r == SS_PLUGIN_FAILURE || r == SS_PLUGIN_NOT_SUPPORTED) {
			fprintf(stderr, "harness: next_batch failed: %s\n",
				ps[0].f.get_last_error(ps[0].st));
			endwhy = "error";
			rc = 1;
			break;
		}
		if (r == SS_PLUGIN_TIMEOUT && stop_file && access(stop_file, F_OK) == 0) {
			endwhy = "stopped";
			break;
		}
		if (r == SS_PLUGIN_TIMEOUT && now_ms() - last > idle_ms) {
			endwhy = "idle";
			break;
		}
	}
	if (seen >= max_events)
		endwhy = "max";
done:
	endj = json_object();
	json_object_set_new(endj, "end", json_string(endwhy));
	json_object_set_new(endj, "events", json_integer((json_int_t)seen));
	{
		json_t *m = json_object();

		print_metrics(&ps[0], m);
		json_object_set_new(endj, "metrics", m);
	}
	ps[0].f.close(ps[0].st, h);
	json_dumpf(endj, stdout, JSON_COMPACT);
	printf("\n");
	fflush(stdout);
	json_decref(endj);
cleanup:
	for (i = 0; i < np; i++) {
		ps[i].f.destroy(ps[i].st);
		json_decref(ps[i].fields);
	}
	for (i = 0; i < nr; i++)
		free(rq[i].arg);
	return rc;
}

int main(int argc, char **argv)
{
	plug_t p;

	setvbuf(stdout, NULL, _IOFBF, 1 << 16);
	if (argc >= 3 && strcmp(argv[1], "fields") == 0) {
		if (load(&p, argv[2]))
			return 1;
		printf("{\"name\":\"%s\",\"version\":\"%s\",\"id\":%u,\"source\":\"%s\",\"fields\":%s}\n",
			p.name, p.f.get_version(), p.f.get_id ? p.f.get_id() : 0,
			p.src ? p.src : "", p.f.get_fields ? p.f.get_fields() : "[]");
		json_decref(p.fields);
		return 0;
	}
	if (argc >= 2 && strcmp(argv[1], "run") == 0)
		return cmd_run(argc - 2, argv + 2);
	fprintf(stderr, "usage: harness fields <so> | harness run --source <so> --open <p> ...\n");
	return 2;
}
