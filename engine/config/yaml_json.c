/* YAML text -> jansson tree (libyaml document API). */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

/* Aliases can expand exponentially ("billion laughs"); cap the output. */
#define MAX_OUTPUT_NODES (1u << 20)
#define MAX_DEPTH 128

typedef struct conv {
	yaml_document_t *doc;
	const char *name;
	size_t produced;
	char *err;
	size_t errlen;
} conv_t;

static int conv_fail(conv_t *c, const yaml_node_t *n, const char *what)
{
	snprintf(c->err, c->errlen, "%s:%zu:%zu: %s", c->name,
		n ? n->start_mark.line + 1 : 0, n ? n->start_mark.column + 1 : 0, what);
	return -EINVAL;
}

static bool is_int_text(const char *s, long long *out)
{
	char *end;
	errno = 0;
	const char *p = s;
	if (*p == '+' || *p == '-')
		p++;
	if (!*p)
		return false;
	int base = 10;
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
		base = 16;
	else if (p[0] == '0' && p[1] == 'o')
		base = 8;
	for (const char *q = p + (base == 10 ? 0 : 2); *q; q++) {
		bool ok = base == 16 ? (q[0] >= '0' && q[0] <= '9') || (q[0] >= 'a' && q[0] <= 'f') ||
				(q[0] >= 'A' && q[0] <= 'F')
				     : (q[0] >= '0' && q[0] <= (base == 8 ? '7' : '9'));
		if (!ok)
			return false;
	}
	if (base != 10 && !p[2])
		return false;
	long long v = base == 10 ? strtoll(s, &end, 10) : strtoll(p + 2, &end, base);
	if (errno || *end)
		return false;
	*out = (s[0] == '-' && base != 10) ? -v : v;
	return true;
}

static bool is_float_text(const char *s, double *out)
{
	/* digits '.' digits with optional exponent; keeps "1.2.3" and
	 * version-like text as strings. */
	const char *p = s;
	if (*p == '+' || *p == '-')
		p++;
	size_t digits = 0, dots = 0;
	for (; *p; p++) {
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (*p == '.')
			dots++;
		else if (*p == 'e' || *p == 'E')
			break;
		else
			return false;
	}
	if (dots != 1 || digits == 0)
		return false;
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	if (errno || *end)
		return false;
	*out = v;
	return true;
}

static json_t *scalar_to_json(const yaml_node_t *n)
{
	const char *s = (const char *)n->data.scalar.value;
	size_t len = n->data.scalar.length;
	if (n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return json_stringn(s, len);
	if (len == 0 || strcmp(s, "~") == 0 || strcasecmp(s, "null") == 0)
		return json_null();
	static const char *const t[] = {"true", "yes", "on"};
	static const char *const f[] = {"false", "no", "off"};
	for (size_t i = 0; i < 3; i++) {
		if (strcasecmp(s, t[i]) == 0)
			return json_true();
		if (strcasecmp(s, f[i]) == 0)
			return json_false();
	}
	long long iv;
	if (strlen(s) == len && is_int_text(s, &iv))
		return json_integer(iv);
	double dv;
	if (strlen(s) == len && is_float_text(s, &dv))
		return json_real(dv);
	return json_stringn(s, len);
}

static int node_to_json(conv_t *c, yaml_node_t *n, int depth, json_t **out);

static int merge_into(conv_t *c, json_t *obj, yaml_node_t *src, int depth)
{
	json_t *m = NULL;
	int rc = node_to_json(c, src, depth + 1, &m);
	if (rc)
		return rc;
	if (json_is_object(m)) {
		const char *k;
		json_t *v;
		json_object_foreach(m, k, v) {
			if (!json_object_get(obj, k))
				json_object_set(obj, k, v);
		}
	} else if (json_is_array(m)) {
		size_t i;
		json_t *e;
		json_array_foreach(m, i, e) {
			if (!json_is_object(e)) {
				json_decref(m);
				return conv_fail(c, src, "merge key '<<' needs a mapping or a list of mappings");
			}
			const char *k;
			json_t *v;
			json_object_foreach(e, k, v) {
				if (!json_object_get(obj, k))
					json_object_set(obj, k, v);
			}
		}
	} else {
		json_decref(m);
		return conv_fail(c, src, "merge key '<<' needs a mapping or a list of mappings");
	}
	json_decref(m);
	return 0;
}

static int node_to_json(conv_t *c, yaml_node_t *n, int depth, json_t **out)
{
	*out = NULL;
	if (!n)
		return conv_fail(c, NULL, "dangling YAML node");
	if (depth > MAX_DEPTH)
		return conv_fail(c, n, "YAML nesting too deep");
	if (++c->produced > MAX_OUTPUT_NODES)
		return conv_fail(c, n, "YAML document expands to too many nodes (alias bomb?)");
	switch (n->type) {
	case YAML_SCALAR_NODE:
		*out = scalar_to_json(n);
		if (!*out)
			return conv_fail(c, n, "scalar is not valid UTF-8");
		return 0;
	case YAML_SEQUENCE_NODE: {
		json_t *a = json_array();
		for (yaml_node_item_t *it = n->data.sequence.items.start;
			it < n->data.sequence.items.top; it++) {
			json_t *v;
			int rc = node_to_json(c, yaml_document_get_node(c->doc, *it), depth + 1, &v);
			if (rc) {
				json_decref(a);
				return rc;
			}
			json_array_append_new(a, v);
		}
		*out = a;
		return 0;
	}
	case YAML_MAPPING_NODE: {
		json_t *o = json_object();
		yaml_node_pair_t *merge = NULL;
		for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top;
			p++) {
			yaml_node_t *k = yaml_document_get_node(c->doc, p->key);
			if (!k || k->type != YAML_SCALAR_NODE) {
				json_decref(o);
				return conv_fail(c, k ? k : n, "mapping keys must be scalars");
			}
			const char *key = (const char *)k->data.scalar.value;
			if (strlen(key) != k->data.scalar.length) {
				json_decref(o);
				return conv_fail(c, k, "mapping key contains a NUL byte");
			}
			if (k->data.scalar.style == YAML_PLAIN_SCALAR_STYLE && strcmp(key, "<<") == 0) {
				merge = p;
				continue;
			}
			json_t *v;
			int rc = node_to_json(c, yaml_document_get_node(c->doc, p->value), depth + 1, &v);
			if (rc) {
				json_decref(o);
				return rc;
			}
			if (json_object_set_new(o, key, v)) {
				json_decref(o);
				return conv_fail(c, k, "mapping key is not valid UTF-8");
			}
		}
		if (merge) {
			int rc = merge_into(c, o, yaml_document_get_node(c->doc, merge->value), depth);
			if (rc) {
				json_decref(o);
				return rc;
			}
		}
		*out = o;
		return 0;
	}
	default:
		return conv_fail(c, n, "empty YAML node");
	}
}

/* libyaml rescans one possible simple key per open flow collection for
 * every token, so yaml_parser_load is quadratic on a long run of '[' or
 * '{' long before the tree could be checked. Events are read first, and
 * the first collection deeper than MAX_DEPTH (or past MAX_OUTPUT_NODES
 * nodes) stops everything; a syntax error is left to the loading pass. */
static int precheck(const char *text, size_t len, const char *name, char *err, size_t errlen)
{
	yaml_parser_t p;
	if (!yaml_parser_initialize(&p)) {
		snprintf(err, errlen, "%s: cannot initialise the YAML parser", name);
		return -ENOMEM;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	size_t depth = 0, nodes = 0;
	int rc = 0;
	yaml_event_t ev;
	while (!rc && yaml_parser_parse(&p, &ev)) {
		yaml_event_type_t t = ev.type;
		yaml_mark_t m = ev.start_mark;
		yaml_event_delete(&ev);
		if (t == YAML_STREAM_END_EVENT)
			break;
		bool open = t == YAML_SEQUENCE_START_EVENT || t == YAML_MAPPING_START_EVENT;
		if (open && ++depth > MAX_DEPTH) {
			snprintf(err, errlen, "%s:%zu:%zu: YAML nesting too deep (more than %d levels)", name,
				m.line + 1, m.column + 1, MAX_DEPTH);
			rc = -EINVAL;
		} else if (t == YAML_SEQUENCE_END_EVENT || t == YAML_MAPPING_END_EVENT) {
			depth--;
		} else if ((open || t == YAML_SCALAR_EVENT || t == YAML_ALIAS_EVENT) &&
			++nodes > MAX_OUTPUT_NODES) {
			snprintf(err, errlen, "%s:%zu:%zu: YAML document has too many nodes (more than %u)",
				name, m.line + 1, m.column + 1, MAX_OUTPUT_NODES);
			rc = -EINVAL;
		}
	}
	yaml_parser_delete(&p);
	return rc;
}

int sk_config_parse_yaml(const char *text, size_t len, const char *name, json_t **out,
	char *err, size_t errlen)
{
	*out = NULL;
	yaml_parser_t p;
	yaml_document_t doc;
	int prc = precheck(text, len, name, err, errlen);
	if (prc)
		return prc;
	if (!yaml_parser_initialize(&p)) {
		snprintf(err, errlen, "%s: cannot initialise the YAML parser", name);
		return -ENOMEM;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	if (!yaml_parser_load(&p, &doc)) {
		snprintf(err, errlen, "%s:%zu:%zu: invalid YAML: %s%s%s", name,
			p.problem_mark.line + 1, p.problem_mark.column + 1,
			p.problem ? p.problem : "parse error", p.context ? " " : "",
			p.context ? p.context : "");
		yaml_parser_delete(&p);
		return -EINVAL;
	}
	int rc = 0;
	yaml_node_t *root = yaml_document_get_root_node(&doc);
	if (!root) {
		*out = json_object();
	} else {
		conv_t c = {.doc = &doc, .name = name, .err = err, .errlen = errlen};
		rc = node_to_json(&c, root, 0, out);
	}
	yaml_document_delete(&doc);
	yaml_parser_delete(&p);
	return rc;
}

int sk_config_load_file(const char *path, uint64_t max_bytes, json_t **out, char *err,
	size_t errlen)
{
	*out = NULL;
	FILE *f = fopen(path, "rb");
	if (!f) {
		snprintf(err, errlen, "cannot open configuration file %s: %s", path, strerror(errno));
		return -errno;
	}
	char *buf = NULL;
	size_t len = 0, cap = 0;
	int rc = 0;
	for (;;) {
		/* Checked before growing: /dev/zero or a runaway file must fail
		 * fast instead of taking the machine's memory. */
		if (len > max_bytes) {
			rc = -EFBIG;
			snprintf(err, errlen, "configuration file %s is larger than %llu bytes", path,
				(unsigned long long)max_bytes);
			goto out;
		}
		if (len + 4096 > cap) {
			cap = cap ? cap * 2 : 8192;
			char *nb = realloc(buf, cap);
			if (!nb) {
				rc = -ENOMEM;
				snprintf(err, errlen, "%s: out of memory", path);
				goto out;
			}
			buf = nb;
		}
		size_t n = fread(buf + len, 1, cap - len, f);
		len += n;
		if (n == 0)
			break;
	}
	if (ferror(f)) {
		rc = -EIO;
		snprintf(err, errlen, "cannot read configuration file %s", path);
		goto out;
	}
	rc = sk_config_parse_yaml(buf, len, path, out, err, errlen);
	if (rc == 0 && !json_is_object(*out)) {
		json_decref(*out);
		*out = NULL;
		snprintf(err, errlen, "%s: the configuration must be a YAML mapping", path);
		rc = -EINVAL;
	}
out:
	free(buf);
	fclose(f);
	return rc;
}
