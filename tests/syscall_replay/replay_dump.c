/*
 * replay_dump - loads the syscall plugin with dlopen, opens a source with the
 * given open_params and prints, for every delivered event, the requested
 * fields separated by "|#|" ("<NA>" when a field has no value). evt.num is
 * the harness's running count (as a host numbers events).
 *
 * usage: replay_dump PLUGIN.so OPEN_PARAMS FIELD [FIELD...]
 * FIELD: a field name, "name[arg]", or evt.arg.NAME / evt.rawarg.NAME; "@code"
 * and "@ts" print the event's type code and timestamp (ns).
 * SK_DUMP_ABSENT=TEXT prints TEXT instead of "<NA>" for a field without value
 * (so a literal "<NA>" value can be told apart).
 * A live run ends after SK_DUMP_SECONDS or at SIGINT/SIGTERM, whichever comes
 * first, and then closes the source (and the capture it writes) normally.
 * SK_DUMP_TREE=PID prints only the events of PID and its descendants (a
 * thread joins when its proc.ppid is a member); every event is still parsed
 * (and written). A live test thus reads its own processes' events, not the
 * whole host's.
 */
#include <dlfcn.h>
#include <inttypes.h>
#include <jansson.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "plugin_api.h"
#include "sk_event_schema.h"

typedef struct req {
	char name[128];
	char arg[128];
	bool has_arg;
	uint32_t id, ftype;
	bool num; /* evt.num */
	bool code; /* @code */
	bool ts;   /* @ts: the event's timestamp (ns), to join with other readers */
} req_t;

static void *sym(void *h, const char *n)
{
	void *p = dlsym(h, n);
	if (!p) {
		fprintf(stderr, "missing symbol %s\n", n);
		exit(2);
	}
	return p;
}

static volatile sig_atomic_t g_stop;

/* SK_DUMP_TREE members: a process tree a test starts, small. */
typedef struct tree {
	uint64_t *tids;
	size_t n, cap;
} tree_t;

static bool tree_has(const tree_t *t, uint64_t tid)
{
	for (size_t i = 0; i < t->n; i++)
		if (t->tids[i] == tid)
			return true;
	return false;
}

static void tree_add(tree_t *t, uint64_t tid)
{
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 64;
		uint64_t *p = realloc(t->tids, cap * sizeof(*p));
		if (!p) {
			fprintf(stderr, "out of memory\n");
			exit(2);
		}
		t->tids = p;
		t->cap = cap;
	}
	t->tids[t->n++] = tid;
}

static void on_stop(int sig)
{
	(void)sig;
	g_stop = 1;
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: %s PLUGIN.so OPEN_PARAMS FIELD...\n", argv[0]);
		return 2;
	}
	void *h = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		fprintf(stderr, "dlopen: %s\n", dlerror());
		return 2;
	}
	ss_plugin_t *(*init)(const ss_plugin_init_input *, ss_plugin_rc *) = sym(h, "plugin_init");
	const char *(*lasterr)(ss_plugin_t *) = sym(h, "plugin_get_last_error");
	const char *(*get_fields)(void) = sym(h, "plugin_get_fields");
	ss_instance_t *(*op)(ss_plugin_t *, const char *, ss_plugin_rc *) = sym(h, "plugin_open");
	void (*cl)(ss_plugin_t *, ss_instance_t *) = sym(h, "plugin_close");
	void (*destroy)(ss_plugin_t *) = sym(h, "plugin_destroy");
	ss_plugin_rc (*next)(ss_plugin_t *, ss_instance_t *, uint32_t *, ss_plugin_event ***) =
		sym(h, "plugin_next_batch");
	ss_plugin_rc (*parse)(ss_plugin_t *, const ss_plugin_event_input *,
		const ss_plugin_event_parse_input *) = sym(h, "plugin_parse_event");
	ss_plugin_rc (*extract)(ss_plugin_t *, const ss_plugin_event_input *,
		const ss_plugin_field_extract_input *) = sym(h, "plugin_extract_fields");

	json_error_t je;
	json_t *fields = json_loads(get_fields(), 0, &je);
	if (!fields) {
		fprintf(stderr, "bad fields json: %s\n", je.text);
		return 2;
	}
	int nreq = argc - 3;
	req_t *rq = calloc((size_t)nreq, sizeof(*rq));
	for (int i = 0; i < nreq; i++) {
		const char *spec = argv[3 + i];
		req_t *r = &rq[i];
		if (!strcmp(spec, "evt.num")) {
			r->num = true;
			continue;
		}
		if (!strcmp(spec, "@code")) { /* the event's type code, for test alignment */
			r->code = true;
			continue;
		}
		if (!strcmp(spec, "@ts")) {
			r->ts = true;
			continue;
		}
		if (!strncmp(spec, "evt.arg.", 8) || !strncmp(spec, "evt.rawarg.", 11)) {
			const char *dot = strchr(spec + 4, '.');
			snprintf(r->name, sizeof(r->name), "%.*s", (int)(dot - spec), spec);
			snprintf(r->arg, sizeof(r->arg), "%s", dot + 1);
			r->has_arg = true;
		} else {
			const char *br = strchr(spec, '[');
			if (br) {
				snprintf(r->name, sizeof(r->name), "%.*s", (int)(br - spec), spec);
				snprintf(r->arg, sizeof(r->arg), "%.*s", (int)(strlen(br + 1) - 1), br + 1);
				r->has_arg = true;
			} else {
				snprintf(r->name, sizeof(r->name), "%s", spec);
			}
		}
		size_t k;
		json_t *f;
		bool found = false;
		json_array_foreach(fields, k, f) {
			if (!strcmp(json_string_value(json_object_get(f, "name")), r->name)) {
				r->id = (uint32_t)k;
				const char *t = json_string_value(json_object_get(f, "type"));
				r->ftype = !strcmp(t, "string") ? FTYPE_STRING : !strcmp(t, "bool") ? FTYPE_BOOL :
					!strcmp(t, "ipaddr") ? FTYPE_IPADDR : !strcmp(t, "ipnet") ? FTYPE_IPNET :
					!strcmp(t, "int64") ? 4 : FTYPE_UINT64;
				found = true;
			}
		}
		if (!found) {
			fprintf(stderr, "unknown field %s\n", spec);
			return 2;
		}
	}

	tree_t tree = {0};
	uint32_t ppid_id = UINT32_MAX, ppid_type = FTYPE_UINT64;
	const char *tree_root = getenv("SK_DUMP_TREE");
	if (tree_root) {
		size_t k;
		json_t *f;
		json_array_foreach(fields, k, f) {
			if (!strcmp(json_string_value(json_object_get(f, "name")), "proc.ppid")) {
				ppid_id = (uint32_t)k;
				if (!strcmp(json_string_value(json_object_get(f, "type")), "int64"))
					ppid_type = 4;
			}
		}
		if (ppid_id == UINT32_MAX) {
			fprintf(stderr, "SK_DUMP_TREE: the plugin has no proc.ppid\n");
			return 2;
		}
		tree_add(&tree, strtoull(tree_root, NULL, 10));
	}

	ss_plugin_rc rc;
	/* SK_DUMP_INIT: the plugin's init config (JSON), e.g. a larger live ring. */
	const char *init_cfg = getenv("SK_DUMP_INIT");
	ss_plugin_init_input in = {.config = init_cfg ? init_cfg : ""};
	ss_plugin_t *s = init(&in, &rc);
	if (rc != SS_PLUGIN_SUCCESS) {
		fprintf(stderr, "init: %s\n", s ? lasterr(s) : "?");
		return 2;
	}
	ss_instance_t *inst = op(s, argv[2], &rc);
	if (rc != SS_PLUGIN_SUCCESS) {
		fprintf(stderr, "open: %s\n", lasterr(s));
		return 2;
	}
	/* SK_DUMP_TYPES="openat,execve": hand the host-side selection to the
	 * source through the saker_set_event_types extension (live filtering). */
	const char *tl = getenv("SK_DUMP_TYPES");
	saker_set_event_types_fn set_types = (saker_set_event_types_fn)dlsym(h, SAKER_SYM_SET_EVENT_TYPES);
	if (tl && set_types) {
		uint16_t types[512];
		uint32_t nt = 0;
		char *copy = strdup(tl), *save = NULL;
		for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
			nt += (uint32_t)sk_evt_codes_by_name(tok, types + nt, 512 - nt);
		free(copy);
		if (set_types(s, inst, types, nt) != SS_PLUGIN_SUCCESS) {
			fprintf(stderr, "saker_set_event_types: %s\n", lasterr(s));
			return 2;
		}
	}
	const char *absent = getenv("SK_DUMP_ABSENT");
	if (!absent)
		absent = "<NA>";
	uint64_t num = 0;
	int status = 0;
	/* Live sources never end: SK_DUMP_SECONDS bounds the run. */
	const char *secs = getenv("SK_DUMP_SECONDS");
	time_t deadline = secs ? time(NULL) + atoi(secs) : 0;
	/* A live run's reader acts on the first line: it must not sit in a
	 * pipe buffer until exit. */
	if (secs) {
		setvbuf(stdout, NULL, _IOLBF, 0);
		struct sigaction sa = { .sa_handler = on_stop };
		sigemptyset(&sa.sa_mask);
		sigaction(SIGINT, &sa, NULL);
		sigaction(SIGTERM, &sa, NULL);
	}
	for (;;) {
		if (g_stop || (deadline && time(NULL) >= deadline))
			break;
		uint32_t n = 0;
		ss_plugin_event **evts = NULL;
		rc = next(s, inst, &n, &evts);
		if (rc == SS_PLUGIN_EOF)
			break;
		if (rc == SS_PLUGIN_TIMEOUT)
			continue;
		if (rc != SS_PLUGIN_SUCCESS) {
			fprintf(stderr, "next_batch: %s\n", lasterr(s));
			status = 1;
			break;
		}
		for (uint32_t i = 0; i < n; i++) {
			ss_plugin_event_input ei = {.evt = evts[i], .evtnum = ++num, .evtsrc = "syscall"};
			ss_plugin_event_parse_input pi = {0};
			parse(s, &ei, &pi);
			if (tree_root && !tree_has(&tree, evts[i]->tid)) {
				ss_plugin_extract_field pf;
				memset(&pf, 0, sizeof(pf));
				pf.field_id = ppid_id;
				pf.field = "proc.ppid";
				pf.ftype = ppid_type;
				pf.arg_index = UINT64_MAX;
				ss_plugin_field_extract_input px = {.num_fields = 1, .fields = &pf};
				if (extract(s, &ei, &px) != SS_PLUGIN_SUCCESS || pf.res_len == 0 ||
				    !tree_has(&tree, pf.res.u64[0]))
					continue;
				tree_add(&tree, evts[i]->tid);
			}
			for (int r = 0; r < nreq; r++) {
				if (r)
					fputs("|#|", stdout);
				if (rq[r].num) {
					printf("%" PRIu64, num);
					continue;
				}
				if (rq[r].code) {
					printf("%u", sk_evt_get_type(evts[i]));
					continue;
				}
				if (rq[r].ts) {
					printf("%" PRIu64, sk_evt_get_ts(evts[i]));
					continue;
				}
				ss_plugin_extract_field f;
				memset(&f, 0, sizeof(f));
				f.field_id = rq[r].id;
				f.field = rq[r].name;
				f.ftype = rq[r].ftype;
				f.arg_present = rq[r].has_arg;
				f.arg_key = rq[r].has_arg ? rq[r].arg : NULL;
				f.arg_index = rq[r].has_arg ? strtoull(rq[r].arg, NULL, 10) : UINT64_MAX;
				ss_plugin_field_extract_input xi = {.num_fields = 1, .fields = &f};
				if (extract(s, &ei, &xi) != SS_PLUGIN_SUCCESS || f.res_len == 0) {
					fputs(absent, stdout);
					continue;
				}
				for (uint64_t v = 0; v < f.res_len; v++) {
					if (v)
						fputs(",", stdout);
					switch (f.ftype) {
					case FTYPE_STRING: fputs(f.res.str[v], stdout); break;
					case FTYPE_BOOL: fputs(f.res.boolean[v] ? "true" : "false", stdout); break;
					case 4: printf("%" PRId64, (int64_t)f.res.u64[v]); break;
					case FTYPE_IPADDR:
					case FTYPE_IPNET:
						for (uint32_t b = 0; b < f.res.buf[v].len; b++)
							printf("%s%u", b ? "." : "", ((const uint8_t *)f.res.buf[v].ptr)[b]);
						break;
					default: printf("%" PRIu64, f.res.u64[v]); break;
					}
				}
			}
			fputs("\n", stdout);
		}
	}
	if (getenv("SK_DUMP_METRICS")) {
		ss_plugin_metric *(*gm)(ss_plugin_t *, uint32_t *) =
			(ss_plugin_metric * (*)(ss_plugin_t *, uint32_t *)) dlsym(h, "plugin_get_metrics");
		uint32_t nm = 0;
		ss_plugin_metric *m = gm ? gm(s, &nm) : NULL;
		for (uint32_t i = 0; m && i < nm; i++)
			fprintf(stderr, "metric %s %" PRIu64 "\n", m[i].name, m[i].value.u64);
	}
	cl(s, inst);
	destroy(s);
	json_decref(fields);
	free(tree.tids);
	free(rq);
	dlclose(h);
	return status;
}
