/* Overrides, defaults, the host's typed keys, typed-read helpers. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/log.h"

/* ---- -o key=value ----------------------------------------------------- */

typedef struct seg {
	char *key;     /* map key, or NULL when this is an index */
	size_t index;
} seg_t;

static void segs_free(seg_t *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(s[i].key);
	free(s);
}

/* Split "a.b\.c[2].d" into a, "b.c", [2], d. */
static int split_path(const char *path, seg_t **out, size_t *nout, char *err, size_t errlen)
{
	size_t cap = 8, n = 0, plen = strlen(path);
	seg_t *s = calloc(cap, sizeof(*s));
	char *cur = malloc(plen + 1);
	size_t cl = 0;
	if (!s || !cur)
		goto nomem;
	bool need_key = true; /* a name is expected (start or after a dot) */
	for (size_t i = 0; i <= plen; i++) {
		char ch = path[i];
		if (ch == '\\' && (path[i + 1] == '.' || path[i + 1] == '[' || path[i + 1] == '\\')) {
			cur[cl++] = path[++i];
			continue;
		}
		if (ch == '.' || ch == '[' || ch == '\0') {
			if (cl == 0 && need_key)
				goto bad;
			if (cl > 0) {
				if (n + 1 >= cap) {
					seg_t *ns = realloc(s, 2 * cap * sizeof(*s));
					if (!ns)
						goto nomem;
					s = ns;
					cap *= 2;
				}
				cur[cl] = '\0';
				s[n].key = strdup(cur);
				if (!s[n].key)
					goto nomem;
				s[n++].index = 0;
				cl = 0;
			}
			need_key = ch == '.';
			while (ch == '[') {
				char *end;
				const char *num = path + i + 1;
				if (*num < '0' || *num > '9')
					goto bad;
				errno = 0;
				unsigned long long v = strtoull(num, &end, 10);
				if (errno || *end != ']' || v > (1u << 20))
					goto bad;
				if (n + 1 >= cap) {
					seg_t *ns = realloc(s, 2 * cap * sizeof(*s));
					if (!ns)
						goto nomem;
					s = ns;
					cap *= 2;
				}
				s[n].key = NULL;
				s[n++].index = (size_t)v;
				i = (size_t)(end - path) + 1;
				ch = path[i];
				if (ch == '.') {
					need_key = true;
				} else if (ch != '[' && ch != '\0') {
					goto bad;
				}
			}
			if (ch == '\0')
				break;
			continue;
		}
		cur[cl++] = ch;
	}
	if (n == 0)
		goto bad;
	free(cur);
	*out = s;
	*nout = n;
	return 0;
bad:
	snprintf(err, errlen, "invalid option key '%s'", path);
	segs_free(s, n);
	free(cur);
	return -EINVAL;
nomem:
	snprintf(err, errlen, "out of memory");
	segs_free(s, n);
	free(cur);
	return -ENOMEM;
}

static json_t *parse_value(const char *v)
{
	if (!*v)
		return json_string("");
	char err[256];
	json_t *j = NULL;
	if (sk_config_parse_yaml(v, strlen(v), "-o", &j, err, sizeof(err)) != 0 || !j)
		return json_string(v);
	/* "a: b" without braces is almost certainly a string the user meant. */
	if ((json_is_object(j) && v[0] != '{') || (json_is_array(j) && v[0] != '[')) {
		json_decref(j);
		return json_string(v);
	}
	return j;
}

int sk_config_apply_override(json_t *root, const char *kv, char *err, size_t errlen)
{
	const char *eq = strchr(kv, '=');
	if (!eq || eq == kv) {
		snprintf(err, errlen, "invalid option '%s': expected <key>=<value>", kv);
		return -EINVAL;
	}
	char *path = strndup(kv, (size_t)(eq - kv));
	if (!path)
		return -ENOMEM;
	seg_t *segs = NULL;
	size_t n = 0;
	int rc = split_path(path, &segs, &n, err, errlen);
	if (rc)
		goto out;
	json_t *val = parse_value(eq + 1);
	if (!val) {
		snprintf(err, errlen, "invalid option '%s': value is not valid UTF-8", kv);
		rc = -EINVAL;
		goto out;
	}
	json_t *cur = root;
	for (size_t i = 0; i < n; i++) {
		bool last = i + 1 == n;
		json_t *next = NULL;
		json_t *fresh = last ? val : (segs[i + 1].key ? json_object() : json_array());
		if (segs[i].key) {
			if (!json_is_object(cur)) {
				snprintf(err, errlen, "invalid option '%s': '%s' is not inside a map", path,
					segs[i].key);
				if (!last)
					json_decref(fresh);
				goto fail;
			}
			next = last ? NULL : json_object_get(cur, segs[i].key);
			if (!next || (segs[i + 1].key ? !json_is_object(next) : !json_is_array(next))) {
				json_object_set_new(cur, segs[i].key, fresh);
				next = fresh;
			} else {
				json_decref(fresh);
			}
		} else {
			if (!json_is_array(cur)) {
				snprintf(err, errlen, "invalid option '%s': index used on a non-list", path);
				if (!last)
					json_decref(fresh);
				goto fail;
			}
			size_t sz = json_array_size(cur);
			if (segs[i].index > sz) {
				snprintf(err, errlen,
					"invalid option '%s': index %zu out of range (list has %zu entries)",
					path, segs[i].index, sz);
				if (!last)
					json_decref(fresh);
				goto fail;
			}
			next = (last || segs[i].index == sz) ? NULL : json_array_get(cur, segs[i].index);
			if (!next || (segs[i + 1].key ? !json_is_object(next) : !json_is_array(next))) {
				if (segs[i].index == sz)
					json_array_append_new(cur, fresh);
				else
					json_array_set_new(cur, segs[i].index, fresh);
				next = fresh;
			} else {
				json_decref(fresh);
			}
		}
		cur = next;
	}
	rc = 0;
	goto out;
fail:
	/* val is owned by the tree only once inserted as the last segment. */
	rc = -EINVAL;
	json_decref(val);
out:
	segs_free(segs, n);
	free(path);
	return rc;
}

/* ---- defaults --------------------------------------------------------- */

json_t *sk_config_defaults(const char *syscall_library, const char *rules_dir)
{
	return json_pack("{s:[s], s:[{s:s, s:s, s:s, s:s}], s:[s], s:s, s:s, s:b, s:b, s:b,"
			 " s:{s:b}, s:{s:b}, s:{s:b, s:s, s:i, s:b}, s:s, s:{s:i}}",
		"rules_files", rules_dir,
		"plugins", "name", "syscall", "library_path", syscall_library, "init_config", "",
		"open_params", "",
		"load_plugins", "syscall",
		"priority", "debug",
		"rule_matching", "first",
		"json_output", 0,
		"json_include_output_property", 1,
		"json_include_tags_property", 1,
		"stdout_output", "enabled", 1,
		"syslog_output", "enabled", 0,
		"webserver", "enabled", 0, "listen_address", "0.0.0.0", "listen_port", 8765,
		"prometheus_metrics_enabled", 0,
		"log_level", "info",
		"saker", "alert_queue_size", (int)SK_CONFIG_ALERT_QUEUE_DEFAULT);
}

/* Keys saker reads or knowingly accepts (Falco's falco.yaml keys included so
 * an upstream falco.yaml loads with warnings only for what is unknown). */
static const char *const known_keys[] = {
	"rules_files", "rules_file", "rules", "plugins", "load_plugins", "priority",
	"rule_matching", "json_output", "json_include_output_property",
	"json_include_tags_property", "json_include_message_property",
	"json_include_output_fields_property", "time_format_iso_8601", "buffered_outputs",
	"outputs_queue", "append_output", "static_fields", "stdout_output", "file_output",
	"syslog_output", "program_output", "http_output", "webserver", "metrics", "log_level",
	"log_stderr", "log_syslog", "libs_logger", "engine", "capture", "watch_config_files",
	"config_files", "output_timeout", "outputs", "syscall_event_drops",
	"syscall_event_timeouts", "base_syscalls", "falco_libs", "container_engines",
	"correlation", "saker", NULL,
};

size_t sk_config_warn_unknown(const json_t *root)
{
	size_t n = 0;
	const char *k;
	json_t *v;
	json_object_foreach((json_t *)root, k, v) {
		bool known = false;
		for (size_t i = 0; known_keys[i]; i++)
			known = known || strcmp(known_keys[i], k) == 0;
		if (!known) {
			sk_log(SK_LOG_WARNING, "config", "unknown configuration key '%s' ignored", k);
			n++;
		}
	}
	return n;
}

/* ---- typed reads ------------------------------------------------------ */

const json_t *sk_config_get(const json_t *root, const char *path)
{
	const json_t *cur = root;
	const char *p = path;
	char key[256];
	while (cur && *p) {
		const char *dot = strchr(p, '.');
		size_t l = dot ? (size_t)(dot - p) : strlen(p);
		if (l >= sizeof(key) || !json_is_object(cur))
			return NULL;
		memcpy(key, p, l);
		key[l] = '\0';
		cur = json_object_get(cur, key);
		p += l + (dot ? 1 : 0);
	}
	return cur;
}

int sk_config_bool(const json_t *root, const char *path, bool def, bool *out, char *err,
	size_t errlen)
{
	const json_t *v = sk_config_get(root, path);
	if (!v || json_is_null(v)) {
		*out = def;
		return 0;
	}
	if (!json_is_boolean(v)) {
		snprintf(err, errlen, "invalid value for '%s': expected true or false", path);
		return -EINVAL;
	}
	*out = json_is_true(v);
	return 0;
}

int sk_config_u64(const json_t *root, const char *path, uint64_t def, uint64_t max,
	uint64_t *out, char *err, size_t errlen)
{
	const json_t *v = sk_config_get(root, path);
	if (!v || json_is_null(v)) {
		*out = def;
		return 0;
	}
	if (!json_is_integer(v) || json_integer_value(v) < 0 ||
		(uint64_t)json_integer_value(v) > max) {
		snprintf(err, errlen, "invalid value for '%s': expected an integer in 0..%llu", path,
			(unsigned long long)max);
		return -EINVAL;
	}
	*out = (uint64_t)json_integer_value(v);
	return 0;
}

int sk_config_string(const json_t *root, const char *path, const char *def, const char **out,
	char *err, size_t errlen)
{
	const json_t *v = sk_config_get(root, path);
	if (!v || json_is_null(v)) {
		*out = def;
		return 0;
	}
	if (!json_is_string(v)) {
		snprintf(err, errlen, "invalid value for '%s': expected a string", path);
		return -EINVAL;
	}
	*out = json_string_value(v);
	return 0;
}
