/* loader_yaml.c - libyaml documents to a small DOM that keeps raw scalar
 * text (no YAML 1.1 coercion) and source positions. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

#include "loader_int.h"

typedef struct conv {
	yaml_document_t *doc;
	const char *buf;
	size_t len;
	size_t *line_off; /* byte offset of each line start */
	size_t nlines;
	size_t nodes;     /* total nodes produced, bounds alias expansion */
	size_t max_depth, max_nodes;
	yaml_mark_t bad;  /* where a limit was hit */
	size_t c_line, c_col, c_off; /* last mark converted (nodes come in order) */
} conv_t;

sk_rules_limits_t sk__rules_limits(const sk_rules_limits_t *lim)
{
	sk_rules_limits_t l = lim ? *lim : (sk_rules_limits_t){ 0 };
	if (!l.max_list_items)
		l.max_list_items = SK_RULES_DEFAULT_MAX_LIST_ITEMS;
	if (!l.max_cond_nodes)
		l.max_cond_nodes = SK_RULES_DEFAULT_MAX_COND_NODES;
	if (!l.max_cond_bytes)
		l.max_cond_bytes = SK_RULES_DEFAULT_MAX_COND_BYTES;
	if (!l.max_yaml_depth)
		l.max_yaml_depth = SK_RULES_DEFAULT_MAX_YAML_DEPTH;
	if (!l.max_yaml_nodes)
		l.max_yaml_nodes = SK_RULES_DEFAULT_MAX_YAML_NODES;
	return l;
}

static size_t mark_to_off(conv_t *c, const yaml_mark_t *m)
{
	if (m->line >= c->nlines)
		return c->len;
	size_t off = c->line_off[m->line], col = 0;
	/* resume from the previous mark on the same line: one long line of
	 * nodes would otherwise be walked again for every node */
	if (c->c_line == m->line && c->c_col <= m->column && c->c_off >= off) {
		off = c->c_off;
		col = c->c_col;
	}
	/* libyaml columns count characters; walk UTF-8 to get bytes */
	for (; col < m->column && off < c->len && c->buf[off] != '\n'; col++) {
		off++;
		while (off < c->len && ((unsigned char)c->buf[off] & 0xC0) == 0x80)
			off++;
	}
	c->c_line = m->line;
	c->c_col = col;
	c->c_off = off;
	return off;
}

/* libyaml's scanner keeps one possible simple key per open flow collection
 * and rescans them for every token, so a long run of '[' is quadratic in
 * yaml_parser_load before any depth check could run on the tree. This pass
 * reads events only and stops at the first collection deeper than the
 * budget (or past the node budget), before the document is built. A YAML
 * error is left to the loading pass, which reports it. */
static int precheck(conv_t *c, const char *buf, size_t len)
{
	yaml_parser_t p;
	if (!yaml_parser_initialize(&p))
		return -ENOMEM;
	yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
	size_t depth = 0, nodes = 0;
	int rc = 0;
	for (;;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&p, &ev))
			break;
		yaml_event_type_t t = ev.type;
		yaml_mark_t m = ev.start_mark;
		yaml_event_delete(&ev);
		if (t == YAML_STREAM_END_EVENT)
			break;
		if (t == YAML_DOCUMENT_START_EVENT)
			nodes = 0;
		if (t == YAML_SEQUENCE_START_EVENT || t == YAML_MAPPING_START_EVENT) {
			if (++depth > c->max_depth) {
				c->bad = m;
				rc = -ELOOP;
				break;
			}
		} else if (t == YAML_SEQUENCE_END_EVENT || t == YAML_MAPPING_END_EVENT) {
			depth--;
		}
		if ((t == YAML_SEQUENCE_START_EVENT || t == YAML_MAPPING_START_EVENT ||
			    t == YAML_SCALAR_EVENT || t == YAML_ALIAS_EVENT) &&
			++nodes > c->max_nodes) {
			c->bad = m;
			rc = -E2BIG;
			break;
		}
	}
	yaml_parser_delete(&p);
	return rc;
}

static bool is_null_scalar(const yaml_node_t *n)
{
	if (n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	const char *s = (const char *)n->data.scalar.value;
	size_t l = n->data.scalar.length;
	/* libyaml's loader tags every untagged scalar !!str, so an explicit
	 * tag cannot be told apart: plain null spellings are null */
	return l == 0 || (l == 1 && s[0] == '~') ||
		(l == 4 && (!strcmp(s, "null") || !strcmp(s, "Null") || !strcmp(s, "NULL")));
}

static int conv_node(conv_t *c, yaml_node_t *yn, sk__ynode_t *out, int depth)
{
	memset(out, 0, sizeof(*out));
	if (!yn || (size_t)depth > c->max_depth || ++c->nodes > c->max_nodes) {
		if (yn)
			c->bad = yn->start_mark;
		return yn && (size_t)depth > c->max_depth ? -ELOOP : -E2BIG;
	}
	out->line = (uint32_t)yn->start_mark.line + 1;
	out->col = (uint32_t)yn->start_mark.column + 1;
	out->off = mark_to_off(c, &yn->start_mark);
	switch (yn->type) {
	case YAML_SCALAR_NODE:
		if (is_null_scalar(yn)) {
			out->kind = SK_Y_NULL;
			return 0;
		}
		out->kind = SK_Y_SCALAR;
		switch (yn->data.scalar.style) {
		case YAML_SINGLE_QUOTED_SCALAR_STYLE: out->style = SK_YS_SQUOTED; break;
		case YAML_DOUBLE_QUOTED_SCALAR_STYLE: out->style = SK_YS_DQUOTED; break;
		case YAML_LITERAL_SCALAR_STYLE: out->style = SK_YS_LITERAL; break;
		case YAML_FOLDED_SCALAR_STYLE: out->style = SK_YS_FOLDED; break;
		default: out->style = SK_YS_PLAIN; break;
		}
		out->slen = yn->data.scalar.length;
		out->s = malloc(out->slen + 1);
		if (!out->s)
			return -ENOMEM;
		memcpy(out->s, yn->data.scalar.value, out->slen);
		out->s[out->slen] = '\0';
		return 0;
	case YAML_SEQUENCE_NODE: {
		out->kind = SK_Y_SEQ;
		size_t n = (size_t)(yn->data.sequence.items.top - yn->data.sequence.items.start);
		if (n == 0)
			return 0;
		out->v = calloc(n, sizeof(*out->v));
		if (!out->v)
			return -ENOMEM;
		for (size_t i = 0; i < n; i++) {
			yaml_node_t *it = yaml_document_get_node(c->doc, yn->data.sequence.items.start[i]);
			out->n = i + 1;
			int rc = conv_node(c, it, &out->v[i], depth + 1);
			if (rc)
				return rc;
		}
		return 0;
	}
	case YAML_MAPPING_NODE: {
		out->kind = SK_Y_MAP;
		size_t n = (size_t)(yn->data.mapping.pairs.top - yn->data.mapping.pairs.start);
		if (n == 0)
			return 0;
		out->v = calloc(n, sizeof(*out->v));
		out->k = calloc(n, sizeof(*out->k));
		if (!out->v || !out->k)
			return -ENOMEM;
		for (size_t i = 0; i < n; i++) {
			yaml_node_pair_t *p = &yn->data.mapping.pairs.start[i];
			out->n = i + 1;
			int rc = conv_node(c, yaml_document_get_node(c->doc, p->key), &out->k[i], depth + 1);
			if (!rc)
				rc = conv_node(c, yaml_document_get_node(c->doc, p->value), &out->v[i],
					depth + 1);
			if (rc)
				return rc;
		}
		return 0;
	}
	default:
		out->kind = SK_Y_NULL;
		return 0;
	}
}

void sk__ynode_free(sk__ynode_t *n)
{
	if (!n)
		return;
	free(n->s);
	for (size_t i = 0; i < n->n; i++) {
		if (n->v)
			sk__ynode_free(&n->v[i]);
		if (n->k)
			sk__ynode_free(&n->k[i]);
	}
	free(n->v);
	free(n->k);
	memset(n, 0, sizeof(*n));
}

void sk__ydocs_free(sk__ynode_t *docs, size_t n)
{
	if (!docs)
		return;
	for (size_t i = 0; i < n; i++)
		sk__ynode_free(&docs[i]);
	free(docs);
}

int sk__ynode_copy(sk__ynode_t *dst, const sk__ynode_t *src)
{
	*dst = *src;
	dst->s = NULL;
	dst->v = dst->k = NULL;
	dst->n = 0;
	if (src->s && !(dst->s = strdup(src->s)))
		return -ENOMEM;
	if (src->n) {
		dst->v = calloc(src->n, sizeof(*dst->v));
		if (!dst->v)
			return -ENOMEM;
		if (src->k && !(dst->k = calloc(src->n, sizeof(*dst->k))))
			return -ENOMEM;
		for (size_t i = 0; i < src->n; i++) {
			dst->n = i + 1;
			if (sk__ynode_copy(&dst->v[i], &src->v[i]))
				return -ENOMEM;
			if (src->k && sk__ynode_copy(&dst->k[i], &src->k[i]))
				return -ENOMEM;
		}
	}
	return 0;
}

const sk__ynode_t *sk__ymap_get(const sk__ynode_t *map, const char *key)
{
	if (!map || map->kind != SK_Y_MAP)
		return NULL;
	for (size_t i = 0; i < map->n; i++)
		if (map->k[i].kind == SK_Y_SCALAR && !strcmp(map->k[i].s, key))
			return &map->v[i];
	return NULL;
}

int sk__yaml_bool(const sk__ynode_t *n, bool *out)
{
	static const char *const t[] = { "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE",
		"on", "On", "ON" };
	static const char *const f[] = { "n", "N", "no", "No", "NO", "false", "False", "FALSE",
		"off", "Off", "OFF" };
	if (!n || n->kind != SK_Y_SCALAR)
		return -EINVAL;
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		if (!strcmp(n->s, t[i])) {
			*out = true;
			return 0;
		}
		if (!strcmp(n->s, f[i])) {
			*out = false;
			return 0;
		}
	}
	return -EINVAL;
}

static void limit_diag(sk_diags_t *diags, const char *file, const conv_t *c, int rc)
{
	if (rc == -ELOOP)
		sk__diag_add(diags, SK_DIAG_ERROR, file, (uint32_t)c->bad.line + 1,
			(uint32_t)c->bad.column + 1, NULL, NULL, "LOAD_ERR_YAML_PARSE",
			"YAML nesting deeper than %zu levels (limit saker.rules_limits.max_yaml_depth)",
			c->max_depth);
	else
		sk__diag_add(diags, SK_DIAG_ERROR, file, (uint32_t)c->bad.line + 1,
			(uint32_t)c->bad.column + 1, NULL, NULL, "LOAD_ERR_YAML_PARSE",
			"YAML document too large (> %zu nodes after alias expansion; limit "
			"saker.rules_limits.max_yaml_nodes)", c->max_nodes);
}

int sk__yaml_parse(const char *file, const char *buf, size_t len, const sk_rules_limits_t *lim,
	sk__ynode_t **docs, size_t *ndocs, sk_diags_t *diags)
{
	int rc = 0;
	yaml_parser_t parser;
	sk_rules_limits_t l = sk__rules_limits(lim);
	conv_t c = { .buf = buf, .len = len, .max_depth = l.max_yaml_depth,
		.max_nodes = l.max_yaml_nodes, .c_line = (size_t)-1 };
	sk__ynode_t *v = NULL;
	size_t n = 0, cap = 0;

	*docs = NULL;
	*ndocs = 0;
	size_t nl = 1;
	for (size_t i = 0; i < len; i++)
		nl += buf[i] == '\n';
	c.line_off = malloc(nl * sizeof(size_t));
	if (!c.line_off)
		return -ENOMEM;
	c.line_off[0] = 0;
	c.nlines = 1;
	for (size_t i = 0; i < len; i++)
		if (buf[i] == '\n')
			c.line_off[c.nlines++] = i + 1;

	rc = precheck(&c, buf, len);
	if (rc) {
		free(c.line_off);
		if (rc == -ENOMEM)
			return rc;
		limit_diag(diags, file, &c, rc);
		return -EINVAL;
	}
	if (!yaml_parser_initialize(&parser)) {
		free(c.line_off);
		return -ENOMEM;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
	for (;;) {
		yaml_document_t doc;
		if (!yaml_parser_load(&parser, &doc)) {
			const yaml_mark_t *m = parser.problem ? &parser.problem_mark : &parser.mark;
			if (parser.context)
				sk__diag_add(diags, SK_DIAG_ERROR, file, (uint32_t)m->line + 1,
					(uint32_t)m->column + 1, NULL, NULL, "LOAD_ERR_YAML_PARSE",
					"invalid YAML: %s %s", parser.problem ? parser.problem : "error",
					parser.context);
			else
				sk__diag_add(diags, SK_DIAG_ERROR, file, (uint32_t)m->line + 1,
					(uint32_t)m->column + 1, NULL, NULL, "LOAD_ERR_YAML_PARSE",
					"invalid YAML: %s", parser.problem ? parser.problem : "error");
			rc = -EINVAL;
			goto out;
		}
		yaml_node_t *root = yaml_document_get_root_node(&doc);
		if (!root) {
			yaml_document_delete(&doc);
			break;
		}
		if (n == cap) {
			size_t ncap = cap ? cap * 2 : 4;
			sk__ynode_t *nv = realloc(v, ncap * sizeof(*nv));
			if (!nv) {
				yaml_document_delete(&doc);
				rc = -ENOMEM;
				goto out;
			}
			v = nv;
			cap = ncap;
		}
		c.doc = &doc;
		c.nodes = 0;
		c.c_line = (size_t)-1;
		rc = conv_node(&c, root, &v[n], 0);
		n++;
		yaml_document_delete(&doc);
		if (rc == -E2BIG || rc == -ELOOP) {
			limit_diag(diags, file, &c, rc);
			rc = -EINVAL;
		}
		if (rc)
			goto out;
	}
out:
	yaml_parser_delete(&parser);
	free(c.line_off);
	if (rc) {
		sk__ydocs_free(v, n);
		return rc;
	}
	*docs = v;
	*ndocs = n;
	return 0;
}
