/*
 * config.h - saker.yaml as one jansson tree: YAML (libyaml) -> json_t,
 * Falco-style `-o key=value` overrides, built-in defaults, and the typed
 * view of the keys the host itself reads.
 *
 * YAML scalars are typed like YAML 1.1 plain scalars: null/~ -> null,
 * true/false/yes/no/on/off -> bool, decimal/0x/0o integers -> integer,
 * decimal floats -> real, everything else (and every quoted scalar) ->
 * string. Anchors/aliases are resolved by copy; `<<` merge keys are honoured.
 *
 * Ownership: every json_t returned is a new reference owned by the caller.
 * Threading: pure functions, callable from any thread.
 */
#ifndef SK_CONFIG_H
#define SK_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

#include "../util/alert.h"

/* Parse a YAML document held in memory. `name` is used in messages
 * ("<name>:<line>:<col>: <problem>"). An empty document gives an empty object. */
int sk_config_parse_yaml(const char *text, size_t len, const char *name, json_t **out,
	char *err, size_t errlen);
/* Read and parse a YAML file; the top level must be a mapping. A file
 * longer than max_bytes fails with -EFBIG before more is read. */
#define SK_CONFIG_MAX_FILE_DEFAULT (16ull << 20)
int sk_config_load_file(const char *path, uint64_t max_bytes, json_t **out, char *err,
	size_t errlen);

/* Apply one `-o key=value` override. key: dot-separated path, `\.` escapes a
 * dot, `name[N]` indexes a list (N == length appends). value is parsed as a
 * YAML flow node, so `x=[a,b]` sets a list and `x={a: 1}` a map; an empty
 * value sets an empty string. Missing intermediate maps/lists are created. */
int sk_config_apply_override(json_t *root, const char *kv, char *err, size_t errlen);

/* Built-in defaults used when no -c is given: the syscall plugin live
 * (syscall_library) and rules from rules_dir. */
json_t *sk_config_defaults(const char *syscall_library, const char *rules_dir);

/* Warn (through sk_log) about top-level keys saker does not know. Returns
 * the number of unknown keys. */
size_t sk_config_warn_unknown(const json_t *root);

/* ---- typed view of the host's keys ---------------------------------- */

typedef struct sk_config_plugin {
	char *name;
	char *library_path;
	char *init_config;  /* "" when absent; a map is serialised as JSON */
	char *open_params;  /* "" when absent */
} sk_config_plugin_t;

/* One append_output entry (Falco's form):
 * {match: {source, tags, rule}, extra_output, extra_fields, suggested_output}. */
typedef struct sk_config_append {
	char *source;        /* NULL: any */
	char *rule;          /* NULL: any */
	char **tags;         /* the rule must carry all of them */
	size_t ntags;
	char *extra_output;  /* NULL: none */
	char **extra_fields; /* field names, added to output_fields only */
	size_t nextra_fields;
	bool suggested_output;
} sk_config_append_t;

typedef struct sk_config {
	char **rules_files;
	size_t nrules_files;
	sk_config_plugin_t *plugins;       /* after load_plugins selection */
	size_t nplugins;
	sk_priority_t priority;            /* priority: default debug */
	bool match_all;                    /* rule_matching: first|all */
	int log_level;                     /* sk_log_level_t */
	char **selectors;                  /* from `rules:` enable/disable entries */
	size_t nselectors;
	sk_config_append_t *appends;       /* append_output entries */
	size_t nappends;
	/* saker: section */
	uint32_t alert_queue_size;         /* saker.alert_queue_size, default 65536 */
	uint32_t alert_queue_block_ms;     /* saker.alert_queue_block_ms: wait for room before dropping, default 100 */
	uint32_t async_queue_size;         /* saker.async_queue_size: async events waiting per worker, default 4096 */
	uint32_t idle_sleep_us;            /* saker.idle_sleep_us: sleep after TIMEOUT with no events, default 1000 */
	uint32_t flush_timeout_ms;         /* saker.flush_timeout_ms: output flush bound at exit, default 5000 */
} sk_config_t;

#define SK_CONFIG_ALERT_QUEUE_DEFAULT 65536u

/* Read and validate the host's keys. Invalid values fail with a message
 * naming the key (e.g. "invalid value for 'priority': ..."). */
int sk_config_read(const json_t *root, sk_config_t *out, char *err, size_t errlen);
void sk_config_clear(sk_config_t *c); /* NULL-safe; frees members */

/* Helpers for other modules: typed reads with defaults. Return 0, or
 * -EINVAL with err naming `path` when the value has the wrong type.
 * path is dot separated ("webserver.listen_port"). */
const json_t *sk_config_get(const json_t *root, const char *path);
int sk_config_bool(const json_t *root, const char *path, bool def, bool *out, char *err,
	size_t errlen);
int sk_config_u64(const json_t *root, const char *path, uint64_t def, uint64_t max,
	uint64_t *out, char *err, size_t errlen);
int sk_config_string(const json_t *root, const char *path, const char *def, const char **out,
	char *err, size_t errlen);

/* saker.rules_limits: budgets on what rules files may expand to (see
 * sk_rules_limits_t in rules/rules.h; 0 = the rules engine's default). */
typedef struct sk_config_rules_limits {
	uint64_t max_list_items;      /* max_list_items */
	uint64_t max_cond_nodes;      /* max_condition_nodes */
	uint64_t max_cond_bytes;      /* max_condition_bytes */
	uint64_t max_yaml_depth;      /* max_yaml_depth */
	uint64_t max_yaml_nodes;      /* max_yaml_nodes */
} sk_config_rules_limits_t;
/* Read saker.rules_limits (absent: all 0). -EINVAL with err naming the key
 * for a value that is not an integer in range; unknown keys are warned about. */
int sk_config_rules_limits(const json_t *root, sk_config_rules_limits_t *out, char *err,
	size_t errlen);

#endif
