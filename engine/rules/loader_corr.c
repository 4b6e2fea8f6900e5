/* loader_corr.c - reading `correlation:` items (definition, redefinition,
 * override, standalone enabled). Compilation is in corr_compile.c. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "loader_corr.h"
#include "loader_items.h"

#define KIND "correlation"

static const char *const corr_keys[] = { "correlation", "desc", "kind", "within", "steps",
	"until", "threshold", "field", "output", "priority", "tags", "enabled", "append",
	"override", NULL };
static const char *const corr_app[] = { "steps", "tags", "desc", "output", NULL };
static const char *const corr_rep[] = { "desc", "kind", "within", "steps", "until", "threshold",
	"field", "output", "priority", "tags", "enabled", NULL };
static const char *const step_keys[] = { "rule", "condition", "source", "by", "name", NULL };

static const char *const kind_names[] = { "sequence", "all", "count", "distinct" };

const char *sk_corr_kind_name(sk_corr_kind_t k)
{
	return (unsigned)k < 4 ? kind_names[k] : "?";
}

int sk__corr_parse_duration(const char *s, uint64_t *ns)
{
	static const struct { const char *unit; uint64_t mul; } units[] = {
		{ "ms", 1000000ull }, { "s", 1000000000ull }, { "m", 60000000000ull },
		{ "h", 3600000000000ull },
	};
	char *end;
	if (!s || *s < '0' || *s > '9')
		return -EINVAL;
	unsigned long long v = strtoull(s, &end, 10);
	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		if (strcmp(end, units[i].unit))
			continue;
		if (v == 0 || v > UINT64_MAX / units[i].mul)
			return -EINVAL;
		*ns = v * units[i].mul;
		return 0;
	}
	return -EINVAL;
}

static void step_clear(sk__ld_cstep_t *s)
{
	if (!s)
		return;
	free(s->rule);
	sk__text_free(&s->cond);
	free(s->source);
	free(s->name);
	sk__ld_strv_free(s->by, s->nby);
	free(s->by_locs);
	memset(s, 0, sizeof(*s));
}

static void steps_free(sk__ld_cstep_t *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		step_clear(&v[i]);
	free(v);
}

static void corr_clear(sk__ld_corr_t *c)
{
	free(c->name);
	free(c->desc);
	free(c->field);
	steps_free(c->steps, c->nsteps);
	if (c->until)
		steps_free(c->until, 1);
	sk__text_free(&c->output);
	sk__ld_strv_free(c->tags, c->ntags);
	memset(c, 0, sizeof(*c));
}

void sk__ld_corrs_free(sk__ld_state_t *st)
{
	if (!st->corrs)
		return;
	for (size_t i = 0; i < st->corrs->n; i++)
		corr_clear(&st->corrs->v[i]);
	free(st->corrs->v);
	free(st->corrs);
	st->corrs = NULL;
}

static sk__ld_corr_t *find_corr(sk__ld_state_t *st, const char *name)
{
	for (size_t i = 0; st->corrs && i < st->corrs->n; i++)
		if (!strcmp(st->corrs->v[i].name, name))
			return &st->corrs->v[i];
	return NULL;
}

static int read_step(sk__ld_state_t *st, const sk__src_t *src, const sk__ynode_t *n,
	const char *name, sk__ld_cstep_t *s)
{
	sk__ld_loc_t l = sk__ld_loc(src, n);
	memset(s, 0, sizeof(*s));
	s->loc = l;
	if (n->kind != SK_Y_MAP)
		return sk__ld_err(st, &l, KIND, name, "LOAD_ERR_YAML_VALIDATE",
			"A correlation step must be a mapping with 'rule' or 'condition'");
	sk__ld_check_keys(st, src, n, KIND, name, step_keys);
	const sk__ynode_t *r, *c, *so, *nm;
	int rc;
	if ((rc = sk__ld_get_scalar(st, src, n, "rule", false, KIND, name, &r)) ||
		(rc = sk__ld_get_scalar(st, src, n, "condition", false, KIND, name, &c)) ||
		(rc = sk__ld_get_scalar(st, src, n, "source", false, KIND, name, &so)) ||
		(rc = sk__ld_get_scalar(st, src, n, "name", false, KIND, name, &nm)))
		return rc;
	if ((r && c) || (!r && !c))
		return sk__ld_err(st, &l, KIND, name, "LOAD_ERR_YAML_VALIDATE",
			"A correlation step needs exactly one of 'rule' or 'condition'");
	if (r && so) {
		l = sk__ld_loc(src, so);
		return sk__ld_err(st, &l, KIND, name, "LOAD_ERR_YAML_VALIDATE",
			"A step naming a rule takes the rule's source; 'source' is for inline conditions");
	}
	if (r && !(s->rule = strdup(r->s)))
		return -ENOMEM;
	if (c && (rc = sk__text_set_scalar(&s->cond, src, c)))
		return rc;
	if (so && so->slen && !(s->source = strdup(so->s)))
		return -ENOMEM;
	if (nm && nm->slen && !(s->name = strdup(nm->s)))
		return -ENOMEM;
	const sk__ynode_t *by = sk__ymap_get(n, "by");
	if (by) {
		s->by_loc = sk__ld_loc(src, by);
		if (by->kind == SK_Y_SCALAR && by->slen) {
			/* `by: field` is a one-field key */
			s->by = calloc(1, sizeof(char *));
			if (!s->by || !(s->by[0] = strdup(by->s)))
				return -ENOMEM;
			s->nby = 1;
		} else if ((rc = sk__ld_get_strv(st, src, by, "by", KIND, name, &s->by, &s->nby))) {
			return rc;
		}
		s->by_locs = calloc(s->nby ? s->nby : 1, sizeof(*s->by_locs));
		if (!s->by_locs)
			return -ENOMEM;
		for (size_t i = 0; i < s->nby; i++)
			s->by_locs[i] = by->kind == SK_Y_SEQ ? sk__ld_loc(src, &by->v[i]) : s->by_loc;
	}
	return 0;
}

static int read_steps(sk__ld_state_t *st, const sk__src_t *src, const sk__ynode_t *v,
	const char *name, sk__ld_cstep_t **out, size_t *nout)
{
	sk__ld_loc_t l = sk__ld_loc(src, v);
	*out = NULL;
	*nout = 0;
	if (v->kind != SK_Y_SEQ || !v->n)
		return sk__ld_err(st, &l, KIND, name, "LOAD_ERR_YAML_VALIDATE",
			"Value for key 'steps' must be a non-empty sequence of steps");
	sk__ld_cstep_t *s = calloc(v->n, sizeof(*s));
	if (!s)
		return -ENOMEM;
	int rc = 0;
	size_t i;
	for (i = 0; i < v->n && !rc; i++)
		rc = read_step(st, src, &v->v[i], name, &s[i]);
	if (rc) {
		steps_free(s, i);
		return rc;
	}
	*out = s;
	*nout = v->n;
	return 0;
}

static int get_u32(sk__ld_state_t *st, const sk__src_t *src, const sk__ynode_t *v, const char *key,
	const char *name, uint32_t *out)
{
	sk__ld_loc_t l = sk__ld_loc(src, v);
	char *end = NULL;
	unsigned long long x = v->kind == SK_Y_SCALAR && v->slen ? strtoull(v->s, &end, 10) : 0;
	if (!end || *end || v->s[0] == '-' || x == 0 || x > 1000000)
		return sk__ld_err(st, &l, KIND, name, "LOAD_ERR_YAML_VALIDATE",
			"Value for key '%s' must be an integer between 1 and 1000000", key);
	*out = (uint32_t)x;
	return 0;
}

/* Set one key of c from the item (append = add to the current value). */
static int apply_key(sk__ld_state_t *st, const sk__src_t *src, const sk__ynode_t *item,
	sk__ld_corr_t *c, const char *key, bool app)
{
	const sk__ynode_t *v = sk__ymap_get(item, key);
	if (!v)
		return 0;
	const char *name = c->name;
	sk__ld_loc_t l = sk__ld_loc(src, v);
	int rc;
	if (!strcmp(key, "steps") || !strcmp(key, "until")) {
		sk__ld_cstep_t *s;
		size_t n;
		if (!strcmp(key, "until")) {
			s = calloc(1, sizeof(*s));
			if (!s)
				return -ENOMEM;
			if ((rc = read_step(st, src, v, name, s))) {
				steps_free(s, 1);
				return rc;
			}
			if (c->until)
				steps_free(c->until, 1);
			c->until = s;
			return 0;
		}
		if ((rc = read_steps(st, src, v, name, &s, &n)))
			return rc;
		if (app) {
			sk__ld_cstep_t *nv = realloc(c->steps, (c->nsteps + n) * sizeof(*nv));
			if (!nv) {
				steps_free(s, n);
				return -ENOMEM;
			}
			memcpy(nv + c->nsteps, s, n * sizeof(*s));
			free(s);
			c->steps = nv;
			c->nsteps += n;
			return 0;
		}
		steps_free(c->steps, c->nsteps);
		c->steps = s;
		c->nsteps = n;
		c->steps_loc = l;
		return 0;
	}
	if (!strcmp(key, "tags")) {
		char **tv;
		size_t tn;
		if ((rc = sk__ld_get_strv(st, src, v, "tags", KIND, name, &tv, &tn)))
			return rc;
		if (!app) {
			sk__ld_strv_free(c->tags, c->ntags);
			c->tags = NULL;
			c->ntags = 0;
		}
		rc = sk__ld_strv_append(&c->tags, &c->ntags, tv, tn);
		sk__ld_strv_free(tv, tn);
		return rc;
	}
	if (!strcmp(key, "enabled")) {
		bool present;
		return sk__ld_get_bool(st, src, item, key, KIND, name, &present, &c->enabled);
	}
	const sk__ynode_t *s;
	if ((rc = sk__ld_get_scalar(st, src, item, key, true, KIND, name, &s)))
		return rc;
	if (!strcmp(key, "output")) {
		if (app)
			return sk__text_append_scalar(&c->output, " ", src, s);
		return sk__text_set_scalar(&c->output, src, s);
	}
	if (!strcmp(key, "desc")) {
		size_t ol = app && c->desc ? strlen(c->desc) : 0;
		char *d = malloc(ol + s->slen + 2);
		if (!d)
			return -ENOMEM;
		if (ol)
			memcpy(d, c->desc, ol), d[ol++] = ' ';
		memcpy(d + ol, s->s, s->slen + 1);
		free(c->desc);
		c->desc = d;
		return 0;
	}
	if (!strcmp(key, "kind")) {
		for (int k = 0; k < 4; k++) {
			if (!strcmp(s->s, kind_names[k])) {
				c->kind = (sk_corr_kind_t)k;
				c->has_kind = true;
				return 0;
			}
		}
		return sk__ld_err(st, &l, KIND, name, "LOAD_ERR_YAML_VALIDATE",
			"Invalid kind '%s': expected sequence, all, count or distinct", s->s);
	}
	if (!strcmp(key, "within")) {
		if (sk__corr_parse_duration(s->s, &c->within_ns))
			return sk__ld_err(st, &l, KIND, name, "LOAD_ERR_YAML_VALIDATE",
				"Invalid window '%s': expected a positive integer followed by ms, s, m or h",
				s->s);
		return 0;
	}
	if (!strcmp(key, "threshold"))
		return get_u32(st, src, s, key, name, &c->threshold);
	if (!strcmp(key, "field")) {
		free(c->field);
		c->field_loc = l;
		return (c->field = strdup(s->s)) ? 0 : -ENOMEM;
	}
	if (!strcmp(key, "priority")) {
		if (sk_priority_parse(s->s, &c->prio))
			return sk__ld_err(st, &l, KIND, name, "LOAD_ERR_YAML_VALIDATE",
				"Invalid priority '%s'", s->s);
		return 0;
	}
	return 0;
}

static int add_corr(sk__ld_state_t *st, sk__ld_corr_t *c)
{
	if (!st->corrs && !(st->corrs = calloc(1, sizeof(*st->corrs))))
		return -ENOMEM;
	sk__ld_corr_t *nv = realloc(st->corrs->v, (st->corrs->n + 1) * sizeof(*nv));
	if (!nv)
		return -ENOMEM;
	st->corrs->v = nv;
	nv[st->corrs->n++] = *c;
	return 0;
}

int sk__ld_do_correlation(sk__ld_state_t *st, const sk__src_t *src, const sk__ynode_t *item)
{
	const sk__ynode_t *nn;
	int rc = sk__ld_get_scalar(st, src, item, "correlation", true, KIND, NULL, &nn);
	if (rc)
		return rc;
	const char *name = nn->s;
	sk__ld_loc_t loc = sk__ld_loc(src, item);
	sk__ld_check_keys(st, src, item, KIND, name, corr_keys);
	bool app = false, has_app;
	if ((rc = sk__ld_get_bool(st, src, item, "append", KIND, name, &has_app, &app)))
		return rc;
	sk__ld_corr_t *prev = find_corr(st, name);
	const sk__ynode_t *ov = sk__ymap_get(item, "override");
	if (ov || app) {
		if (ov && (rc = sk__ld_override_check(st, src, item, ov, app, KIND, name, corr_app,
				   corr_rep)))
			return rc;
		if (!prev)
			return sk__ld_err(st, &loc, KIND, name, "LOAD_ERR_VALIDATE",
				"Correlation uses 'append' or 'override' but no correlation by that name "
				"already exists");
		if (!ov) {
			for (size_t i = 0; corr_app[i] && !rc; i++)
				rc = apply_key(st, src, item, prev, corr_app[i], true);
			return rc;
		}
		for (size_t i = 0; i < ov->n && !rc; i++)
			rc = apply_key(st, src, item, prev, ov->k[i].s, !strcmp(ov->v[i].s, "append"));
		return rc;
	}
	bool has_def = sk__ymap_get(item, "steps") || sk__ymap_get(item, "output") ||
		sk__ymap_get(item, "kind");
	if (!has_def && sk__ymap_get(item, "enabled")) {
		if (!prev)
			return sk__ld_err(st, &loc, KIND, name, "LOAD_ERR_VALIDATE",
				"Correlation has 'enabled' key but no correlation by that name already "
				"exists");
		return apply_key(st, src, item, prev, "enabled", false);
	}
	static const char *const required[] = { "kind", "within", "steps", "output", "priority",
		NULL };
	for (size_t i = 0; required[i]; i++) {
		if (sk__ymap_get(item, required[i]))
			continue;
		return sk__ld_err(st, &loc, KIND, name, "LOAD_ERR_YAML_VALIDATE",
			"Item has no mapping for key '%s'", required[i]);
	}
	sk__ld_corr_t c = { 0 };
	c.name = strdup(name);
	c.loc = loc;
	c.enabled = true;
	if (!c.name)
		return -ENOMEM;
	for (size_t i = 0; corr_rep[i] && !rc; i++)
		rc = apply_key(st, src, item, &c, corr_rep[i], false);
	if (!rc && !c.desc && !(c.desc = strdup("")))
		rc = -ENOMEM;
	if (rc) {
		corr_clear(&c);
		return rc;
	}
	if (prev) {
		corr_clear(prev);
		*prev = c;
		return 0;
	}
	if ((rc = add_corr(st, &c)))
		corr_clear(&c);
	return rc;
}
