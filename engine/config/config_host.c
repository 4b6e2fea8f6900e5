/* The host's typed view of the configuration tree. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/log.h"

void sk_config_clear(sk_config_t *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->nrules_files; i++)
		free(c->rules_files[i]);
	free(c->rules_files);
	for (size_t i = 0; i < c->nplugins; i++) {
		free(c->plugins[i].name);
		free(c->plugins[i].library_path);
		free(c->plugins[i].init_config);
		free(c->plugins[i].open_params);
	}
	free(c->plugins);
	for (size_t i = 0; i < c->nselectors; i++)
		free(c->selectors[i]);
	free(c->selectors);
	for (size_t i = 0; i < c->nappends; i++) {
		sk_config_append_t *a = &c->appends[i];
		free(a->source);
		free(a->rule);
		for (size_t j = 0; j < a->ntags; j++)
			free(a->tags[j]);
		free(a->tags);
		free(a->extra_output);
		for (size_t j = 0; j < a->nextra_fields; j++)
			free(a->extra_fields[j]);
		free(a->extra_fields);
	}
	free(c->appends);
	memset(c, 0, sizeof(*c));
}

static int push_str(char ***v, size_t *n, const char *s)
{
	char **nv = realloc(*v, (*n + 1) * sizeof(**v));
	if (!nv)
		return -ENOMEM;
	*v = nv;
	if (!(nv[*n] = strdup(s)))
		return -ENOMEM;
	(*n)++;
	return 0;
}

static int read_rules_files(const json_t *root, sk_config_t *c, char *err, size_t errlen)
{
	const json_t *v = json_object_get(root, "rules_files");
	const char *key = "rules_files";
	if (!v) {
		v = json_object_get(root, "rules_file"); /* Falco's legacy spelling */
		key = "rules_file";
	}
	if (!v || json_is_null(v))
		return 0;
	if (json_is_string(v))
		return push_str(&c->rules_files, &c->nrules_files, json_string_value(v));
	if (!json_is_array(v))
		goto bad;
	size_t i;
	const json_t *e;
	json_array_foreach(v, i, e) {
		if (!json_is_string(e) || !json_string_length(e))
			goto bad;
		if (push_str(&c->rules_files, &c->nrules_files, json_string_value(e)))
			return -ENOMEM;
	}
	return 0;
bad:
	snprintf(err, errlen, "invalid value for '%s': expected a list of file or directory paths",
		key);
	return -EINVAL;
}

/* Falco passes a map init_config as its JSON text and a scalar as-is. */
static char *init_config_text(const json_t *v)
{
	if (!v || json_is_null(v))
		return strdup("");
	if (json_is_string(v))
		return strdup(json_string_value(v));
	if (json_is_object(v) || json_is_array(v))
		return json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
	return json_dumps(v, JSON_ENCODE_ANY);
}

static int read_plugins(const json_t *root, sk_config_t *c, char *err, size_t errlen)
{
	const json_t *pl = json_object_get(root, "plugins");
	const json_t *lp = json_object_get(root, "load_plugins");
	if (pl && !json_is_null(pl) && !json_is_array(pl)) {
		snprintf(err, errlen, "invalid value for 'plugins': expected a list");
		return -EINVAL;
	}
	if (lp && !json_is_null(lp) && !json_is_array(lp)) {
		snprintf(err, errlen, "invalid value for 'load_plugins': expected a list of names");
		return -EINVAL;
	}
	size_t n = json_array_size(pl);
	sk_config_plugin_t *all = calloc(n ? n : 1, sizeof(*all));
	if (!all)
		return -ENOMEM;
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		const json_t *p = json_array_get(pl, i);
		const json_t *name = json_object_get(p, "name");
		const json_t *lib = json_object_get(p, "library_path");
		const json_t *op = json_object_get(p, "open_params");
		if (!json_is_object(p)) {
			snprintf(err, errlen, "invalid value for 'plugins[%zu]': expected a map", i);
			rc = -EINVAL;
			goto out;
		}
		if (!json_is_string(name) || !json_string_length(name)) {
			snprintf(err, errlen, "invalid value for 'plugins[%zu].name': expected a non-empty string", i);
			rc = -EINVAL;
			goto out;
		}
		if (!json_is_string(lib) || !json_string_length(lib)) {
			snprintf(err, errlen,
				"invalid value for 'plugins[%zu].library_path': expected a non-empty string", i);
			rc = -EINVAL;
			goto out;
		}
		if (op && !json_is_null(op) && (json_is_object(op) || json_is_array(op))) {
			snprintf(err, errlen, "invalid value for 'plugins[%zu].open_params': expected a string", i);
			rc = -EINVAL;
			goto out;
		}
		for (size_t j = 0; j < i; j++) {
			if (strcmp(all[j].name, json_string_value(name)) == 0) {
				snprintf(err, errlen, "invalid value for 'plugins[%zu].name': duplicate plugin name '%s'",
					i, json_string_value(name));
				rc = -EINVAL;
				goto out;
			}
		}
		all[i].name = strdup(json_string_value(name));
		all[i].library_path = strdup(json_string_value(lib));
		all[i].init_config = init_config_text(json_object_get(p, "init_config"));
		/* A scalar given as a YAML number or bool is the plugin's text. */
		all[i].open_params = init_config_text(op);
		if (!all[i].name || !all[i].library_path || !all[i].init_config || !all[i].open_params) {
			rc = -ENOMEM;
			goto out;
		}
	}
	/* load_plugins absent: every configured plugin; present (even empty):
	 * only the named ones, in the order of `plugins`. */
	bool *keep = calloc(n ? n : 1, sizeof(bool));
	if (!keep) {
		rc = -ENOMEM;
		goto out;
	}
	if (!lp || json_is_null(lp)) {
		for (size_t i = 0; i < n; i++)
			keep[i] = true;
	} else {
		size_t i;
		const json_t *e;
		json_array_foreach(lp, i, e) {
			if (!json_is_string(e)) {
				snprintf(err, errlen, "invalid value for 'load_plugins[%zu]': expected a plugin name", i);
				rc = -EINVAL;
				free(keep);
				goto out;
			}
			bool found = false;
			for (size_t j = 0; j < n; j++) {
				if (strcmp(all[j].name, json_string_value(e)) == 0)
					keep[j] = found = true;
			}
			if (!found) {
				snprintf(err, errlen,
					"Cannot load plugin '%s': plugin config not found for given name",
					json_string_value(e));
				rc = -EINVAL;
				free(keep);
				goto out;
			}
		}
	}
	c->plugins = calloc(n ? n : 1, sizeof(*c->plugins));
	if (!c->plugins) {
		free(keep);
		rc = -ENOMEM;
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		if (keep[i]) {
			c->plugins[c->nplugins++] = all[i];
			memset(&all[i], 0, sizeof(all[i]));
		}
	}
	free(keep);
out:
	for (size_t i = 0; i < n; i++) {
		free(all[i].name);
		free(all[i].library_path);
		free(all[i].init_config);
		free(all[i].open_params);
	}
	free(all);
	return rc;
}

/* rules: [- enable: {rule: glob}, - disable: {tag: t}] -> "enable:glob", "disable_tag:t" */
static int read_selectors(const json_t *root, sk_config_t *c, char *err, size_t errlen)
{
	const json_t *r = json_object_get(root, "rules");
	if (!r || json_is_null(r))
		return 0;
	if (!json_is_array(r))
		goto bad;
	size_t i;
	const json_t *e;
	json_array_foreach(r, i, e) {
		if (!json_is_object(e) || json_object_size(e) != 1)
			goto bad;
		const char *verb;
		json_t *sel;
		json_object_foreach((json_t *)e, verb, sel) {
			bool en = strcmp(verb, "enable") == 0;
			if ((!en && strcmp(verb, "disable") != 0) || !json_is_object(sel))
				goto bad;
			const json_t *rule = json_object_get(sel, "rule");
			const json_t *tag = json_object_get(sel, "tag");
			if ((rule && !json_is_string(rule)) || (tag && !json_is_string(tag)) ||
				(!rule && !tag))
				goto bad;
			char buf[1024];
			if (rule) {
				snprintf(buf, sizeof(buf), "%s:%s", verb, json_string_value(rule));
				if (push_str(&c->selectors, &c->nselectors, buf))
					return -ENOMEM;
			}
			if (tag) {
				snprintf(buf, sizeof(buf), "%s_tag:%s", verb, json_string_value(tag));
				if (push_str(&c->selectors, &c->nselectors, buf))
					return -ENOMEM;
			}
		}
	}
	return 0;
bad:
	snprintf(err, errlen, "invalid value for 'rules': expected a list of "
			      "{enable|disable: {rule: <glob>} or {tag: <tag>}}");
	return -EINVAL;
}

static int dup_opt_string(const json_t *v, char **out)
{
	if (!v || json_is_null(v))
		return 0;
	return (*out = strdup(json_string_value(v))) ? 0 : -ENOMEM;
}

/* A list of strings at key (absent: none). */
static int read_str_list(const json_t *v, char ***out, size_t *n, const char *key, char *err,
	size_t errlen)
{
	if (!v || json_is_null(v))
		return 0;
	if (json_is_string(v))
		return push_str(out, n, json_string_value(v));
	if (!json_is_array(v))
		goto bad;
	size_t i;
	const json_t *e;
	json_array_foreach(v, i, e) {
		if (!json_is_string(e))
			goto bad;
		if (push_str(out, n, json_string_value(e)))
			return -ENOMEM;
	}
	return 0;
bad:
	snprintf(err, errlen, "invalid value for '%s': expected a list of strings", key);
	return -EINVAL;
}

static int read_append_entry(const json_t *e, size_t idx, sk_config_append_t *a, char *err,
	size_t errlen)
{
	char key[96];
	const char *k;
	const json_t *v;
	int rc;
	json_object_foreach((json_t *)e, k, v) {
		snprintf(key, sizeof(key), "append_output[%zu].%s", idx, k);
		if (strcmp(k, "match") == 0) {
			if (!json_is_object(v))
				goto bad_type;
			const char *mk;
			const json_t *mv;
			json_object_foreach((json_t *)v, mk, mv) {
				snprintf(key, sizeof(key), "append_output[%zu].match.%s", idx, mk);
				if (strcmp(mk, "tags") == 0) {
					if ((rc = read_str_list(mv, &a->tags, &a->ntags, key, err, errlen)))
						return rc;
					continue;
				}
				if (strcmp(mk, "source") != 0 && strcmp(mk, "rule") != 0) {
					snprintf(err, errlen, "invalid value for '%s': unknown match key "
						"(expected source, tags, rule)", key);
					return -EINVAL;
				}
				if (!json_is_string(mv) && !json_is_null(mv))
					goto bad_type;
				if ((rc = dup_opt_string(mv, mk[0] == 's' ? &a->source : &a->rule)))
					return rc;
			}
		} else if (strcmp(k, "extra_output") == 0) {
			if (!json_is_string(v) && !json_is_null(v))
				goto bad_type;
			if ((rc = dup_opt_string(v, &a->extra_output)))
				return rc;
		} else if (strcmp(k, "extra_fields") == 0) {
			if (json_is_array(v)) {
				size_t i;
				const json_t *f;
				json_array_foreach(v, i, f) {
					if (json_is_object(f)) {
						snprintf(err, errlen, "invalid value for '%s[%zu]': constant "
							"extra fields are not supported; use static_fields",
							key, i);
						return -EINVAL;
					}
				}
			}
			if ((rc = read_str_list(v, &a->extra_fields, &a->nextra_fields, key, err, errlen)))
				return rc;
		} else if (strcmp(k, "suggested_output") == 0) {
			if (!json_is_boolean(v))
				goto bad_type;
			a->suggested_output = json_is_true(v);
		} else {
			snprintf(err, errlen, "invalid value for '%s': unknown key (expected match, "
				"extra_output, extra_fields, suggested_output)", key);
			return -EINVAL;
		}
	}
	return 0;
bad_type:
	snprintf(err, errlen, "invalid value for '%s': wrong type", key);
	return -EINVAL;
}

static int read_appends(const json_t *root, sk_config_t *c, char *err, size_t errlen)
{
	const json_t *v = json_object_get(root, "append_output");
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_array(v)) {
		snprintf(err, errlen, "invalid value for 'append_output': expected a list of "
			"{match, extra_output, extra_fields, suggested_output}");
		return -EINVAL;
	}
	size_t n = json_array_size(v);
	if (n == 0)
		return 0;
	if (!(c->appends = calloc(n, sizeof(*c->appends))))
		return -ENOMEM;
	for (size_t i = 0; i < n; i++) {
		const json_t *e = json_array_get(v, i);
		c->nappends = i + 1;
		if (!json_is_object(e)) {
			snprintf(err, errlen, "invalid value for 'append_output[%zu]': expected a map", i);
			return -EINVAL;
		}
		int rc = read_append_entry(e, i, &c->appends[i], err, errlen);
		if (rc)
			return rc;
	}
	return 0;
}

int sk_config_read(const json_t *root, sk_config_t *c, char *err, size_t errlen)
{
	memset(c, 0, sizeof(*c));
	int rc;
	if (!json_is_object(root)) {
		snprintf(err, errlen, "the configuration must be a map");
		return -EINVAL;
	}
	if ((rc = read_rules_files(root, c, err, errlen)) || (rc = read_plugins(root, c, err, errlen)) ||
		(rc = read_selectors(root, c, err, errlen)) || (rc = read_appends(root, c, err, errlen)))
		goto fail;

	const char *s;
	if ((rc = sk_config_string(root, "priority", "debug", &s, err, errlen)))
		goto fail;
	if (sk_priority_parse(s, &c->priority)) {
		snprintf(err, errlen, "invalid value for 'priority': '%s' is not a priority "
				      "(emergency, alert, critical, error, warning, notice, informational, debug)", s);
		rc = -EINVAL;
		goto fail;
	}
	if ((rc = sk_config_string(root, "rule_matching", "first", &s, err, errlen)))
		goto fail;
	if (strcmp(s, "first") && strcmp(s, "all")) {
		snprintf(err, errlen, "invalid value for 'rule_matching': '%s' (expected first or all)", s);
		rc = -EINVAL;
		goto fail;
	}
	c->match_all = strcmp(s, "all") == 0;
	if ((rc = sk_config_string(root, "log_level", "info", &s, err, errlen)))
		goto fail;
	sk_log_level_t lvl;
	if (sk_log_parse_level(s, &lvl)) {
		snprintf(err, errlen, "invalid value for 'log_level': '%s' (expected error, warning, notice, info or debug)", s);
		rc = -EINVAL;
		goto fail;
	}
	c->log_level = (int)lvl;

	const json_t *sk = json_object_get(root, "saker");
	if (sk && !json_is_null(sk) && !json_is_object(sk)) {
		snprintf(err, errlen, "invalid value for 'saker': expected a map");
		rc = -EINVAL;
		goto fail;
	}
	uint64_t u;
	if ((rc = sk_config_u64(root, "saker.alert_queue_size", SK_CONFIG_ALERT_QUEUE_DEFAULT,
		     1u << 24, &u, err, errlen)))
		goto fail;
	if (u == 0) {
		snprintf(err, errlen, "invalid value for 'saker.alert_queue_size': must be at least 1");
		rc = -EINVAL;
		goto fail;
	}
	c->alert_queue_size = (uint32_t)u;
	if ((rc = sk_config_u64(root, "saker.alert_queue_block_ms", 100, 60000, &u, err, errlen)))
		goto fail;
	c->alert_queue_block_ms = (uint32_t)u;
	if ((rc = sk_config_u64(root, "saker.async_queue_size", 4096, 1u << 20, &u, err, errlen)))
		goto fail;
	if (u == 0) {
		snprintf(err, errlen, "invalid value for 'saker.async_queue_size': must be at least 1");
		rc = -EINVAL;
		goto fail;
	}
	c->async_queue_size = (uint32_t)u;
	if ((rc = sk_config_u64(root, "saker.idle_sleep_us", 1000, 1000000, &u, err, errlen)))
		goto fail;
	c->idle_sleep_us = (uint32_t)u;
	if ((rc = sk_config_u64(root, "saker.flush_timeout_ms", 5000, 600000, &u, err, errlen)))
		goto fail;
	c->flush_timeout_ms = (uint32_t)u;
	static const char *const sk_keys[] = {"alert_queue_size", "alert_queue_block_ms", "async_queue_size", "idle_sleep_us", "flush_timeout_ms",
		"rules_limits", NULL};
	const char *k;
	json_t *v;
	json_object_foreach((json_t *)sk, k, v) {
		bool known = false;
		for (size_t i = 0; sk_keys[i]; i++)
			known = known || strcmp(sk_keys[i], k) == 0;
		if (!known)
			sk_log(SK_LOG_WARNING, "config", "unknown configuration key 'saker.%s' ignored", k);
	}
	return 0;
fail:
	sk_config_clear(c);
	return rc ? rc : -EINVAL;
}
