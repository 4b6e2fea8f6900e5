/* saker: command line, wiring of config, plugins, rules, outputs, web, runtime. */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <uv.h>

#include "cli.h"
#include "config.h"
#include "registry.h"
#include "runtime.h"
#include "../outputs/outputs.h"
#include "../rules/rules.h"
#include "../util/log.h"
#include "../web/web.h"

/* The version and the installed paths, from CMake (cmake/SakerPackaging.cmake). */
#if !defined(SAKER_VERSION) || !defined(SAKER_DEFAULT_SYSCALL_LIB) || !defined(SAKER_DEFAULT_RULES_DIR)
#error "SAKER_VERSION, SAKER_DEFAULT_SYSCALL_LIB and SAKER_DEFAULT_RULES_DIR come from the build system"
#endif

typedef struct strv {
	char **v;
	size_t n;
} strv_t;

typedef struct app {
	const char *config_path;
	strv_t rules_args, overrides, validate, enable_src, disable_src;
	bool dry_run, list, list_plugins, list_corr;
	const char *plugin_info;
	const char *list_source;
	uint64_t duration_ms;
	/* The configuration tree in force. Everything built from a tree (typed
	 * config, plugins, rules, outputs, web server) copies what it keeps, so
	 * a tree replaced by a reload is released at once. */
	json_t *tree;
	sk_config_t cfg;
	sk_registry_t *reg;
	uv_loop_t loop;
	sk_web_t *web;
	char hostname[256];
	/* what reload_prepare built on the pool for the next reload_cb */
	json_t *next_tree;
	sk_config_t next_cfg;
	sk_ruleset_t *next_rules;
} app_t;

static const char usage[] =
	"Usage: saker [options]\n"
	"\n"
	"Options:\n"
	"  -c <path>                 Configuration file (YAML). Without it, built-in defaults:\n"
	"                            the installed syscall plugin live and the installed rules:\n"
	"                            " SAKER_DEFAULT_SYSCALL_LIB "\n"
	"                            " SAKER_DEFAULT_RULES_DIR "\n"
	"  -r <file or dir>          Rules file or directory (repeatable); replaces rules_files.\n"
	"  -o, --option <key>=<val>  Override a configuration key (repeatable). Keys are dot paths\n"
	"                            with list indexes (plugins[0].open_params=x); values are YAML.\n"
	"  -V, --validate <rules>    Validate rules files (repeatable) with the configured plugins,\n"
	"                            print every diagnostic, exit 1 on error.\n"
	"  --dry-run                 Load configuration, plugins and rules, then exit.\n"
	"  -L, --list [<source>]     List the fields usable for each (or one) event source.\n"
	"  --list-plugins            List the loaded plugins and their capabilities.\n"
	"  --list-correlations       List the correlations of the rules files (with -V files,\n"
	"                            those), enabled or not, with their steps.\n"
	"  --plugin-info <name>      Details of one loaded plugin (init schema, open params).\n"
	"  --enable-source <src>     Open only these event sources (repeatable).\n"
	"  --disable-source <src>    Do not open this event source (repeatable).\n"
	"  -M <secs>                 Stop after <secs> seconds.\n"
	"  --version                 Print version information.\n"
	"  -h, --help                Print this help.\n"
	"\n"
	"Environment: SAKER_SYSCALL_PLUGIN and SAKER_RULES_DIR override the built-in defaults;\n"
	"SAKER_HOSTNAME (or FALCO_HOSTNAME) overrides the host name in alerts;\n"
	"SAKER_CONFIG_MAX_BYTES caps the size of the -c file (default 16777216).\n";

static void die_usage(const char *fmt, const char *arg)
{
	fprintf(stderr, "Error: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\nTry 'saker --help' for more information.\n");
	exit(1);
}

static void strv_push(strv_t *s, const char *v)
{
	char **nv = realloc(s->v, (s->n + 1) * sizeof(char *));
	if (!nv || !(nv[s->n] = strdup(v))) {
		fprintf(stderr, "Error: out of memory\n");
		exit(1);
	}
	s->v = nv;
	s->n++;
}

static void strv_free(strv_t *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

static void parse_args(app_t *a, int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		const char *o = argv[i];
		const char *next = i + 1 < argc ? argv[i + 1] : NULL;
#define NEED_ARG()                                                \
	do {                                                      \
		if (!next)                                        \
			die_usage("option '%s' requires an argument", o); \
		i++;                                              \
	} while (0)
		if (!strcmp(o, "-h") || !strcmp(o, "--help")) {
			fputs(usage, stdout);
			exit(0);
		} else if (!strcmp(o, "--version")) {
			printf("saker version: %s\nPlugin API: %s\n", SAKER_VERSION, PLUGIN_API_VERSION_STR);
			exit(0);
		} else if (!strcmp(o, "-c") || !strcmp(o, "--config")) {
			NEED_ARG();
			a->config_path = next;
		} else if (!strcmp(o, "-r")) {
			NEED_ARG();
			strv_push(&a->rules_args, next);
		} else if (!strcmp(o, "-o") || !strcmp(o, "--option")) {
			NEED_ARG();
			strv_push(&a->overrides, next);
		} else if (!strncmp(o, "--option=", 9)) {
			strv_push(&a->overrides, o + 9);
		} else if (!strcmp(o, "-V") || !strcmp(o, "--validate")) {
			NEED_ARG();
			strv_push(&a->validate, next);
		} else if (!strncmp(o, "--validate=", 11)) {
			strv_push(&a->validate, o + 11);
		} else if (!strcmp(o, "--enable-source") || !strcmp(o, "--disable-source")) {
			NEED_ARG();
			strv_push(o[2] == 'e' ? &a->enable_src : &a->disable_src, next);
		} else if (!strncmp(o, "--enable-source=", 16)) {
			strv_push(&a->enable_src, o + 16);
		} else if (!strncmp(o, "--disable-source=", 17)) {
			strv_push(&a->disable_src, o + 17);
		} else if (!strcmp(o, "--dry-run")) {
			a->dry_run = true;
		} else if (!strcmp(o, "-L") || !strcmp(o, "--list")) {
			a->list = true;
			if (next && next[0] != '-') {
				a->list_source = next;
				i++;
			}
		} else if (!strncmp(o, "--list=", 7)) {
			a->list = true;
			a->list_source = o + 7;
		} else if (!strcmp(o, "--list-plugins")) {
			a->list_plugins = true;
		} else if (!strcmp(o, "--list-correlations")) {
			a->list_corr = true;
		} else if (!strcmp(o, "--plugin-info")) {
			NEED_ARG();
			a->plugin_info = next;
		} else if (!strcmp(o, "-M")) {
			NEED_ARG();
			char *end;
			errno = 0;
			unsigned long long s = strtoull(next, &end, 10);
			if (errno || *end || !*next || s > 100000000ull)
				die_usage("invalid value for -M: '%s' (expected seconds)", next);
			a->duration_ms = s * 1000;
		} else {
			die_usage("unknown option '%s'", o);
		}
#undef NEED_ARG
	}
	if (a->enable_src.n && a->disable_src.n)
		die_usage("%s", "--enable-source and --disable-source cannot be used together");
}

static bool in_strv(const strv_t *v, const char *s)
{
	for (size_t i = 0; i < v->n; i++)
		if (!strcmp(v->v[i], s))
			return true;
	return false;
}

static bool source_enabled(void *ud, const char *source)
{
	app_t *a = ud;
	if (a->enable_src.n)
		return in_strv(&a->enable_src, source);
	return !in_strv(&a->disable_src, source);
}

/* Falco's checks: named sources must exist, and one must stay enabled. */
static int check_sources(app_t *a, char *err, size_t errlen)
{
	const strv_t *v = a->enable_src.n ? &a->enable_src : &a->disable_src;
	for (size_t i = 0; i < v->n; i++) {
		if (!sk_registry_source_known(a->reg, v->v[i])) {
			snprintf(err, errlen, "Attempted %s an unknown event source: %s",
				a->enable_src.n ? "enabling" : "disabling", v->v[i]);
			return -ENOENT;
		}
	}
	size_t enabled = 0;
	for (size_t i = 0; i < a->reg->n; i++)
		if ((a->reg->plugins[i]->caps & CAP_SOURCING) && source_enabled(a, a->reg->plugins[i]->source))
			enabled++;
	if (v->n && enabled == 0) {
		snprintf(err, errlen, "Must enable at least one event source");
		return -EINVAL;
	}
	return 0;
}

/* The config file's size cap cannot come from the file itself. */
static int config_max_bytes(uint64_t *out, char *err, size_t errlen)
{
	const char *v = getenv("SAKER_CONFIG_MAX_BYTES");
	*out = SK_CONFIG_MAX_FILE_DEFAULT;
	if (!v || !*v)
		return 0;
	char *end;
	errno = 0;
	unsigned long long n = strtoull(v, &end, 10);
	if (errno || *end || n == 0 || v[0] == '-') {
		snprintf(err, errlen, "invalid value for SAKER_CONFIG_MAX_BYTES: '%s' (expected a "
			"positive number of bytes)", v);
		return -EINVAL;
	}
	*out = n;
	return 0;
}

static int build_config(app_t *a, json_t **out_tree, sk_config_t *cfg, char *err, size_t errlen)
{
	json_t *tree = NULL;
	int rc;
	*out_tree = NULL;
	if (a->config_path) {
		uint64_t max;
		if ((rc = config_max_bytes(&max, err, errlen)))
			return rc;
		if ((rc = sk_config_load_file(a->config_path, max, &tree, err, errlen))) {
			if (rc == -EFBIG) {
				size_t l = strlen(err);
				snprintf(err + l, errlen - l, " (the cap is set by SAKER_CONFIG_MAX_BYTES)");
			}
			return rc;
		}
	} else {
		const char *lib = getenv("SAKER_SYSCALL_PLUGIN");
		const char *rules = getenv("SAKER_RULES_DIR");
		tree = sk_config_defaults(lib && *lib ? lib : SAKER_DEFAULT_SYSCALL_LIB,
			rules && *rules ? rules : SAKER_DEFAULT_RULES_DIR);
		if (!tree) {
			snprintf(err, errlen, "out of memory");
			return -ENOMEM;
		}
	}
	for (size_t i = 0; i < a->overrides.n; i++) {
		if ((rc = sk_config_apply_override(tree, a->overrides.v[i], err, errlen))) {
			json_decref(tree);
			return rc;
		}
	}
	if (a->rules_args.n) {
		json_t *arr = json_array();
		for (size_t i = 0; i < a->rules_args.n; i++)
			json_array_append_new(arr, json_string(a->rules_args.v[i]));
		json_object_set_new(tree, "rules_files", arr);
	}
	if ((rc = sk_config_read(tree, cfg, err, errlen))) {
		json_decref(tree);
		return rc;
	}
	*out_tree = tree;
	return 0;
}

static void keep_tree(app_t *a, json_t *t)
{
	json_decref(a->tree);
	a->tree = t;
}

static int is_rules_file(const struct dirent *d)
{
	size_t l = strlen(d->d_name);
	return d->d_name[0] != '.' && ((l > 4 && !strcmp(d->d_name + l - 4, ".yml")) ||
					      (l > 5 && !strcmp(d->d_name + l - 5, ".yaml")));
}

/* Directories expand to their .yml/.yaml files in alphabetical order. */
static int expand_rules(char *const *paths, size_t n, strv_t *out, char *err, size_t errlen)
{
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		if (stat(paths[i], &st) != 0) {
			snprintf(err, errlen, "cannot read rules path %s: %s", paths[i], strerror(errno));
			return -errno;
		}
		if (!S_ISDIR(st.st_mode)) {
			strv_push(out, paths[i]);
			continue;
		}
		struct dirent **ents;
		int ne = scandir(paths[i], &ents, is_rules_file, alphasort);
		if (ne < 0) {
			snprintf(err, errlen, "cannot read rules directory %s: %s", paths[i], strerror(errno));
			return -errno;
		}
		for (int k = 0; k < ne; k++) {
			char full[4096];
			snprintf(full, sizeof(full), "%s/%s", paths[i], ents[k]->d_name);
			strv_push(out, full);
			free(ents[k]);
		}
		free(ents);
	}
	return 0;
}

static void print_diags(const sk_diags_t *d, FILE *errs, FILE *warns)
{
	char line[4096];
	for (size_t i = 0; i < d->n; i++) {
		sk_diag_format(&d->v[i], line, sizeof(line));
		if (d->v[i].level == SK_DIAG_ERROR)
			fprintf(errs, "%s\n", line);
		else if (warns)
			fprintf(warns, "%s\n", line);
		else
			sk_log(SK_LOG_WARNING, "rules", "%s", line);
	}
}

static int load_rules(app_t *a, const json_t *tree, const sk_config_t *cfg, char *const *files,
	size_t nfiles, bool validate, sk_ruleset_t **out)
{
	char err[1024];
	strv_t paths = {0};
	sk_config_rules_limits_t lim;
	*out = NULL;
	if (sk_config_rules_limits(tree, &lim, err, sizeof(err))) {
		fprintf(stderr, "Error: %s\n", err);
		return -EINVAL;
	}
	if (expand_rules(files, nfiles, &paths, err, sizeof(err))) {
		fprintf(stderr, "Error: %s\n", err);
		strv_free(&paths);
		return -ENOENT;
	}
	sk_rules_append_t *appends = cfg->nappends ? calloc(cfg->nappends, sizeof(*appends)) : NULL;
	if (cfg->nappends && !appends) {
		fprintf(stderr, "Error: out of memory\n");
		strv_free(&paths);
		return -ENOMEM;
	}
	for (size_t i = 0; i < cfg->nappends; i++) {
		const sk_config_append_t *c = &cfg->appends[i];
		appends[i] = (sk_rules_append_t){
			.source = c->source,
			.rule = c->rule,
			.tags = (const char *const *)c->tags,
			.ntags = c->ntags,
			.extra_output = c->extra_output,
			.extra_fields = (const char *const *)c->extra_fields,
			.nextra_fields = c->nextra_fields,
			.suggested_output = c->suggested_output,
		};
	}
	sk_rules_opts_t opts = {
		.min_priority = cfg->priority,
		.matching = cfg->match_all ? SK_MATCH_ALL : SK_MATCH_FIRST,
		.selectors = (const char *const *)cfg->selectors,
		.nselectors = cfg->nselectors,
		.appends = appends,
		.nappends = cfg->nappends,
		.limits = {
			.max_list_items = (size_t)lim.max_list_items,
			.max_cond_nodes = (size_t)lim.max_cond_nodes,
			.max_cond_bytes = (size_t)lim.max_cond_bytes,
			.max_yaml_depth = (size_t)lim.max_yaml_depth,
			.max_yaml_nodes = (size_t)lim.max_yaml_nodes,
		},
		.event_deliverable = sk_registry_event_deliverable,
		.event_ctx = a->reg,
	};
	sk_diags_t diags = {0};
	int rc = sk_ruleset_load(&a->reg->host, (const char *const *)paths.v, paths.n, &opts, out,
		&diags);
	free(appends);
	if (validate) {
		print_diags(&diags, stdout, stdout);
		if (rc == 0 && diags.nerrors == 0)
			for (size_t i = 0; i < paths.n; i++)
				printf("%s: Ok%s\n", paths.v[i], diags.nwarnings ? ", with warnings" : "");
	} else {
		print_diags(&diags, stderr, NULL);
	}
	if (rc == 0 && diags.nerrors) {
		sk_ruleset_unref(*out);
		*out = NULL;
		rc = -EINVAL;
	}
	if (rc && !validate)
		fprintf(stderr, "Error: rules could not be loaded (%zu error%s)\n", diags.nerrors,
			diags.nerrors == 1 ? "" : "s");
	sk_diags_free(&diags);
	strv_free(&paths);
	return rc;
}

static void reload_discard(void *ud)
{
	app_t *a = ud;
	sk_ruleset_unref(a->next_rules);
	a->next_rules = NULL;
	sk_config_clear(&a->next_cfg);
	json_decref(a->next_tree);
	a->next_tree = NULL;
}

/* SIGHUP, on a pool thread: read the configuration and compile the rules
 * (reads only what the loop does not change: paths, -o, the registry). */
static int reload_prepare(void *ud)
{
	app_t *a = ud;
	char err[2048];
	reload_discard(a);
	if (build_config(a, &a->next_tree, &a->next_cfg, err, sizeof(err))) {
		sk_log(SK_LOG_ERROR, "config", "%s", err);
		return -1;
	}
	if (load_rules(a, a->next_tree, &a->next_cfg, a->next_cfg.rules_files,
		    a->next_cfg.nrules_files, false, &a->next_rules)) {
		reload_discard(a);
		return -1;
	}
	return 0;
}

/* SIGHUP, on the loop, with what reload_prepare built: rules, priority,
 * rule selection and outputs change, plugins stay as loaded. */
static int reload_cb(void *ud, sk_ruleset_t **rs, sk_outputs_t **outs)
{
	app_t *a = ud;
	char err[2048];
	json_t *tree = a->next_tree;
	sk_config_t cfg = a->next_cfg;
	a->next_tree = NULL;
	memset(&a->next_cfg, 0, sizeof(a->next_cfg));
	if (!tree) {
		reload_discard(a);
		return -1;
	}
	sk_log_set_level((sk_log_level_t)cfg.log_level);
	bool same = cfg.nplugins == a->cfg.nplugins;
	for (size_t i = 0; same && i < cfg.nplugins; i++) {
		const sk_config_plugin_t *x = &cfg.plugins[i], *y = &a->cfg.plugins[i];
		same = !strcmp(x->name, y->name) && !strcmp(x->library_path, y->library_path) &&
			!strcmp(x->init_config, y->init_config) && !strcmp(x->open_params, y->open_params);
	}
	if (!same)
		sk_log(SK_LOG_WARNING, "config", "plugin configuration changed: plugins and sources keep "
						 "running as loaded until a restart");
	*rs = a->next_rules;
	a->next_rules = NULL;
	if (sk_outputs_new(&a->loop, tree, a->hostname, outs, err, sizeof(err))) {
		sk_log(SK_LOG_ERROR, "outputs", "%s", err);
		sk_ruleset_unref(*rs);
		*rs = NULL;
		sk_config_clear(&cfg);
		json_decref(tree);
		return -1;
	}
	sk_config_clear(&a->cfg);
	a->cfg = cfg;
	keep_tree(a, tree);
	return 0;
}

static void on_exit_cb(void *ud)
{
	app_t *a = ud;
	sk_web_stop(a->web);
	a->web = NULL;
}

static void close_walk(uv_handle_t *h, void *ud)
{
	(void)ud;
	if (!uv_is_closing(h))
		uv_close(h, NULL);
}

static void set_hostname(app_t *a)
{
	const char *h = getenv("SAKER_HOSTNAME");
	if (!h || !*h)
		h = getenv("FALCO_HOSTNAME");
	if (h && *h)
		snprintf(a->hostname, sizeof(a->hostname), "%s", h);
	else if (gethostname(a->hostname, sizeof(a->hostname)) != 0)
		snprintf(a->hostname, sizeof(a->hostname), "localhost");
	a->hostname[sizeof(a->hostname) - 1] = '\0';
}

/* Falco's replay switch: engine.kind=replay + engine.replay.capture_file
 * become the syscall source's open params when those are empty. */
static int apply_engine_kind(app_t *a, const json_t *tree, char *err, size_t errlen)
{
	const char *kind, *file;
	int rc;
	if ((rc = sk_config_string(tree, "engine.kind", "modern_ebpf", &kind, err, errlen)))
		return rc;
	static const char *const kinds[] = {"modern_ebpf", "kmod", "ebpf", "replay", "nodriver", "gvisor", NULL};
	bool known = false;
	for (size_t i = 0; kinds[i]; i++)
		known = known || strcmp(kinds[i], kind) == 0;
	if (!known) {
		snprintf(err, errlen, "invalid value for 'engine.kind': '%s' (expected modern_ebpf or replay)", kind);
		return -EINVAL;
	}
	if (strcmp(kind, "replay") != 0)
		return 0;
	if ((rc = sk_config_string(tree, "engine.replay.capture_file", "", &file, err, errlen)))
		return rc;
	if (!file[0]) {
		snprintf(err, errlen, "invalid value for 'engine.replay.capture_file': required with engine.kind=replay");
		return -EINVAL;
	}
	for (size_t i = 0; i < a->reg->n; i++) {
		sk_plugin_t *p = a->reg->plugins[i];
		if (!p->syscall_source)
			continue;
		if (p->open_params && p->open_params[0])
			return 0;
		json_t *o = json_pack("{s:s}", "capture", file);
		char *txt = o ? json_dumps(o, JSON_COMPACT) : NULL;
		json_decref(o);
		if (!txt)
			return -ENOMEM;
		free(p->open_params);
		p->open_params = txt;
		return 0;
	}
	snprintf(err, errlen, "engine.kind=replay needs the syscall plugin (no loaded plugin provides the syscall source)");
	return -ENOENT;
}

static bool runtime_ready(void *ud)
{
	return sk_runtime_ready(ud);
}

static int run(app_t *a)
{
	char err[PLUGIN_MAX_ERRLEN + 1024];
	json_t *tree = NULL;
	sk_ruleset_t *rs = NULL;
	sk_outputs_t *outs = NULL;
	sk_runtime_t *rt = NULL;
	int code = 1;
	bool loop_ok = false;

	if (build_config(a, &tree, &a->cfg, err, sizeof(err))) {
		fprintf(stderr, "Error: %s\n", err);
		return 1;
	}
	keep_tree(a, tree);
	sk_log_set_level((sk_log_level_t)a->cfg.log_level);
	bool log_syslog = false;
	if (sk_config_bool(tree, "log_syslog", false, &log_syslog, err, sizeof(err))) {
		fprintf(stderr, "Error: %s\n", err);
		return 1;
	}
	sk_log_set_syslog(log_syslog);
	sk_config_warn_unknown(tree);
	set_hostname(a);

	if (sk_registry_load(a->cfg.plugins, a->cfg.nplugins, &a->reg, err, sizeof(err))) {
		const char *envlib = getenv("SAKER_SYSCALL_PLUGIN");
		bool builtin = !a->config_path && !(envlib && *envlib);
		fprintf(stderr, "Error: %s%s\n", err, builtin ? " (the built-in default is the installed "
			"plugin; from a build tree run with -c saker.yaml or set SAKER_SYSCALL_PLUGIN)" : "");
		return 1;
	}
	if (a->list_plugins) {
		sk_cli_list_plugins(stdout, a->reg);
		return 0;
	}
	if (a->plugin_info) {
		if (sk_cli_plugin_info(stdout, a->reg, a->plugin_info)) {
			fprintf(stderr, "Error: plugin '%s' is not loaded\n", a->plugin_info);
			return 1;
		}
		return 0;
	}
	if (a->list) {
		if (sk_cli_list_fields(stdout, a->reg, a->list_source)) {
			fprintf(stderr, "Error: unknown event source '%s'\n", a->list_source);
			return 1;
		}
		return 0;
	}
	if (a->list_corr) {
		int rc = a->validate.n
			? load_rules(a, tree, &a->cfg, a->validate.v, a->validate.n, false, &rs)
			: load_rules(a, tree, &a->cfg, a->cfg.rules_files, a->cfg.nrules_files, false, &rs);
		if (!rc)
			sk_cli_list_correlations(stdout, rs);
		sk_ruleset_unref(rs);
		return rc ? 1 : 0;
	}
	if (a->validate.n) {
		int rc = load_rules(a, tree, &a->cfg, a->validate.v, a->validate.n, true, &rs);
		if (!rc)
			sk_cli_correlation_summary(stdout, rs);
		sk_ruleset_unref(rs);
		return rc ? 1 : 0;
	}
	if (sk_registry_check_used(a->reg, err, sizeof(err)) ||
		apply_engine_kind(a, tree, err, sizeof(err)) || check_sources(a, err, sizeof(err))) {
		fprintf(stderr, "Error: %s\n", err);
		return 1;
	}
	if (load_rules(a, tree, &a->cfg, a->cfg.rules_files, a->cfg.nrules_files, false, &rs))
		return 1;
	sk_ruleset_stats_t st;
	sk_ruleset_stats(rs, &st);
	sk_log(SK_LOG_INFO, NULL, "loaded %zu rules (%zu enabled), %zu macros, %zu lists from %zu path(s)",
		st.rules, st.rules_enabled, st.macros, st.lists, a->cfg.nrules_files);
	sk_cli_correlation_summary(NULL, rs);
	if (a->dry_run) {
		sk_ruleset_unref(rs);
		printf("Dry run: configuration, %zu plugin(s) and rules loaded\n", a->reg->n);
		return 0;
	}

	if (uv_loop_init(&a->loop) != 0) {
		fprintf(stderr, "Error: cannot initialise the event loop\n");
		goto out;
	}
	loop_ok = true;
	if (sk_outputs_new(&a->loop, tree, a->hostname, &outs, err, sizeof(err))) {
		fprintf(stderr, "Error: %s\n", err);
		goto out;
	}
	char *versions = sk_cli_versions_json(a->reg);
	int wrc = sk_web_start(&a->loop, tree, versions ? versions : "{}", &a->web, err, sizeof(err));
	free(versions);
	if (wrc) {
		fprintf(stderr, "Error: %s\n", err);
		goto out;
	}
	sk_correlator_opts_t co = {0};
	uint64_t corr_tick = 0, corr_progress = 0;
	if (sk_correlator_config(tree, &co, &corr_tick, &corr_progress, err, sizeof(err))) {
		fprintf(stderr, "Error: %s\n", err);
		goto out;
	}
	sk_runtime_opts_t ro = {
		.corr = &co, .corr_tick_ms = corr_tick, .corr_progress_ms = corr_progress,
		.loop = &a->loop, .reg = a->reg, .rules = rs, .outputs = outs,
		.alert_queue_size = a->cfg.alert_queue_size,
		.alert_queue_block_ms = a->cfg.alert_queue_block_ms, .idle_sleep_us = a->cfg.idle_sleep_us,
		.async_queue_size = a->cfg.async_queue_size,
		.flush_timeout_ms = a->cfg.flush_timeout_ms, .duration_ms = a->duration_ms,
		.hostname = a->hostname, .reload = reload_cb, .reload_prepare = reload_prepare,
		.reload_discard = reload_discard, .on_exit = on_exit_cb, .ud = a,
		.source_enabled = source_enabled,
	};
	if (sk_runtime_new(&ro, &rt, err, sizeof(err))) {
		fprintf(stderr, "Error: %s\n", err);
		goto out;
	}
	outs = NULL; /* owned by the runtime */
	sk_web_set_ready(a->web, runtime_ready, rt);
	code = sk_runtime_run(rt);
	sk_web_set_ready(a->web, NULL, NULL);
	if (sk_runtime_fatal(rt))
		fprintf(stderr, "Error: %s\n", sk_runtime_fatal(rt));
	if (sk_runtime_abandoned(rt)) {
		/* A plugin thread is still inside next_batch: its states must not be
		 * destroyed under it. Outputs are flushed; leave now. */
		sk_web_stop(a->web);
		fflush(stdout);
		fflush(stderr);
		_exit(code);
	}
out:
	sk_runtime_free(rt);
	sk_outputs_destroy(outs);
	sk_web_stop(a->web);
	a->web = NULL;
	sk_ruleset_unref(rs);
	if (loop_ok) {
		uv_walk(&a->loop, close_walk, NULL);
		uv_run(&a->loop, UV_RUN_DEFAULT);
		uv_loop_close(&a->loop);
	}
	return code;
}

int main(int argc, char **argv)
{
	app_t a = {0};
	/* A closed stdout or program-output pipe must not kill the engine. */
	signal(SIGPIPE, SIG_IGN);
	/* Until the loop handles it: a SIGHUP during startup (the config is
	 * being read anyway) must not kill the process. */
	signal(SIGHUP, SIG_IGN);
	parse_args(&a, argc, argv);
	int code = run(&a);
	reload_discard(&a);
	sk_registry_free(a.reg);
	sk_config_clear(&a.cfg);
	json_decref(a.tree);
	strv_free(&a.rules_args);
	strv_free(&a.overrides);
	strv_free(&a.validate);
	strv_free(&a.enable_src);
	strv_free(&a.disable_src);
	fflush(stdout);
	return code;
}
