/*
 * format.c - rule output formats: "%field", "%field[arg]", "%12field",
 * "%tolower(field)", compiled once; rendered per alert from the same
 * per-event field cache the conditions use, into the text line and the
 * typed output_fields object.
 */
#include "cond_int.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void ferr(sk__compile_err_t *err, const char *text, size_t at, const char *fmt, ...)
{
	if (!err)
		return;
	memset(err, 0, sizeof(*err));
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	sk__pos_t p;
	sk__pos_at(text, (uint32_t)at, &p);
	err->off = err->ref_off = p.off;
	err->line = err->ref_line = p.line;
	err->col = err->ref_col = p.col;
}

void sk__fmt_free(sk__fmt_t *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->ntok; i++) {
		free(f->tok[i].lit);
		sk__opnd_free(f->tok[i].op);
	}
	free(f->tok);
	free(f->tail);
	free(f->jf);
	free(f->jkey);
	sk__fieldtab_unref(f->tab);
	free(f);
}

static int add_json(sk__fmt_t *f, sk__opnd_t *o)
{
	if (o->kind == SK__O_XFORM) {
		for (size_t i = 0; i < o->nargs; i++)
			if (add_json(f, o->args[i]))
				return -ENOMEM;
		return 0;
	}
	if (o->kind != SK__O_FIELD)
		return 0;
	for (size_t i = 0; i < f->njf; i++)
		if (!strcmp(f->jkey[i], o->key))
			return 0;
	if (sk__grow(&f->jf, f->njf, sizeof(*f->jf)) ||
		sk__grow(&f->jkey, f->njf, sizeof(*f->jkey)))
		return -ENOMEM;
	f->jf[f->njf] = o;
	f->jkey[f->njf++] = o->key;
	return 0;
}

static int add_tok(sk__fmt_t *f, char *lit, sk__opnd_t *o, int width, bool text)
{
	if (sk__grow(&f->tok, f->ntok, sizeof(*f->tok)))
		return -ENOMEM;
	f->tok[f->ntok++] = (sk__ftok_t){.lit = lit, .op = o, .key = o->key, .width = width,
					 .text = text};
	return add_json(f, o);
}

static bool name_char(char c)
{
	return isalnum((unsigned char)c) || c == '_' || c == '.';
}

/* Field token at text+i: the longest name (with an optional [arg]) that
 * resolves; shorter prefixes are retried as Falco's formatter does. */
/* Longest field name and argument tried: each shorter prefix of a name is
 * retried, so an unbounded name would be quadratic. */
#define FMT_MAX_NAME 1024
#define FMT_MAX_ARG 4096

/* Advance the position cursor *c (off, line, col) to `at` (at >= c->off). */
static void pos_adv(const char *text, sk__pos_t *c, size_t at)
{
	for (size_t k = c->off; k < at && text[k]; k++) {
		if (text[k] == '\n') {
			c->line++;
			c->col = 1;
		} else {
			c->col++;
		}
	}
	c->off = (uint32_t)at;
}

static int field_token(const char *text, size_t i, const sk__pos_t *pos,
	const sk__compile_env_t *env, sk__opnd_t **out, size_t *end, sk__compile_err_t *err)
{
	size_t j = i;
	while (name_char(text[j]) && j - i <= FMT_MAX_NAME)
		j++;
	while (j > i && text[j - 1] == '.')
		j--;
	sk__expr_t e = {.kind = SK__EXPR_FIELD};
	e.pos = *pos;
	int rc = -EINVAL;
	if (j - i > FMT_MAX_NAME) {
		ferr(err, text, i, "invalid output format: field name longer than %d bytes",
			FMT_MAX_NAME);
		return -EINVAL;
	}
	if (text[j] == '[') {
		size_t k = j;
		while (text[k] && text[k] != ']' && k - j < FMT_MAX_ARG)
			k++;
		const char *close = text[k] == ']' ? text + k : NULL;
		if (close) {
			e.text = strndup(text + i, j - i);
			e.arg = strndup(text + j + 1, (size_t)(close - text - j - 1));
			e.has_arg = true;
			if (!e.text || !e.arg)
				rc = -ENOMEM;
			else
				rc = sk__opnd_compile(&e, env, out, err);
			free(e.text);
			free(e.arg);
			if (rc == 0)
				*end = (size_t)(close - text) + 1;
			if (rc != -EINVAL)
				return rc;
			e.arg = NULL;
			e.has_arg = false;
		}
	}
	for (size_t k = j; k > i; k--) {
		if (text[k - 1] == '.' || !memchr(text + i, '.', k - i))
			continue;
		e.text = strndup(text + i, k - i);
		if (!e.text)
			return -ENOMEM;
		rc = sk__opnd_compile(&e, env, out, err);
		free(e.text);
		if (rc == 0) {
			*end = k;
			return 0;
		}
		if (rc != -EINVAL)
			return rc;
	}
	char name[128];
	snprintf(name, sizeof(name), "%.*s", (int)(j - i), text + i);
	ferr(err, text, i, "invalid output format: unknown field '%s' for source '%s'", name,
		env->source);
	return -EINVAL;
}

int sk__fmt_compile_ex(const char *text, const char *const *extra, size_t nextra,
	const sk__compile_env_t *env, sk__fmt_t **out, sk__compile_err_t *err)
{
	int rc = -ENOMEM;
	*out = NULL;
	if (err)
		memset(err, 0, sizeof(*err));
	if (!env || !env->fields) {
		ferr(err, "", 0, "format: missing field table");
		return -EINVAL;
	}
	if (!text)
		text = "";
	sk__fmt_t *f = calloc(1, sizeof(*f));
	if (!f)
		return -ENOMEM;
	f->tab = env->fields;
	sk__fieldtab_ref(f->tab);
	size_t i = text[0] == '*' ? 1 : 0, litstart = i;
	sk__pos_t cur = {0, 1, 1};
	while (text[i]) {
		if (text[i] != '%') {
			i++;
			continue;
		}
		size_t at = i++;
		int width = 0;
		while (isdigit((unsigned char)text[i]) && width < 100000)
			width = width * 10 + (text[i++] - '0');
		if (!isalpha((unsigned char)text[i])) {
			ferr(err, text, at, "invalid output format: '%%' must be followed by a field");
			rc = -EINVAL;
			goto fail;
		}
		sk__opnd_t *o = NULL;
		size_t end = i;
		sk__expr_t *ex = NULL;
		sk__parse_err_t pe;
		static const char *xf[] = {"tolower(", "toupper(", "b64(", "basename(", "len(",
					   "join(", "concat(", "getopt("};
		bool isx = false;
		for (size_t k = 0; k < sizeof(xf) / sizeof(xf[0]); k++)
			isx = isx || !strncmp(text + i, xf[k], strlen(xf[k]));
		pos_adv(text, &cur, i);
		if (isx) {
			rc = sk__cond_parse_expr(text, i, &cur, &end, &ex, &pe);
			if (rc) {
				ferr(err, text, pe.off, "invalid output format: %s", pe.msg);
				goto fail;
			}
			rc = sk__opnd_compile(ex, env, &o, err);
			sk__expr_free(ex);
		} else {
			rc = field_token(text, i, &cur, env, &o, &end, err);
		}
		if (rc)
			goto fail;
		char *lit = strndup(text + litstart, at - litstart);
		if (!lit || add_tok(f, lit, o, width, true)) {
			free(lit);
			sk__opnd_free(o);
			rc = -ENOMEM;
			goto fail;
		}
		i = litstart = end;
	}
	if (!(f->tail = strdup(text + litstart)))
		goto fail;
	for (size_t k = 0; k < nextra; k++) {
		sk__expr_t *ex = NULL;
		sk__parse_err_t pe;
		size_t end;
		sk__opnd_t *o = NULL;
		sk__compile_err_t e2;
		if (sk__cond_parse_expr(extra[k], 0, NULL, &end, &ex, &pe) || extra[k][end] != 0) {
			sk__expr_free(ex);
			continue;
		}
		rc = sk__opnd_compile(ex, env, &o, &e2);
		sk__expr_free(ex);
		if (rc == -ENOMEM)
			goto fail;
		if (rc)
			continue; /* not a field of this source */
		char *lit = strdup("");
		if (!lit || add_tok(f, lit, o, 0, false)) {
			free(lit);
			sk__opnd_free(o);
			rc = -ENOMEM;
			goto fail;
		}
	}
	*out = f;
	return 0;
fail:
	if (rc == -ENOMEM && err && !err->msg[0])
		ferr(err, text, 0, "out of memory");
	sk__fmt_free(f);
	return rc;
}

int sk__fmt_compile(const char *text, const sk__compile_env_t *env, sk__fmt_t **out,
	sk__compile_err_t *err)
{
	return sk__fmt_compile_ex(text, NULL, 0, env, out, err);
}

/* ---- rendering ------------------------------------------------------------ */

typedef struct obuf {
	char *b;
	size_t n, cap;
	bool oom;
} obuf_t;

static void ob_put(obuf_t *o, const char *s, size_t l)
{
	if (o->oom)
		return;
	if (o->n + l + 1 > o->cap) {
		size_t nc = o->cap ? o->cap * 2 : 256;
		while (nc < o->n + l + 1)
			nc *= 2;
		char *b = realloc(o->b, nc);
		if (!b) {
			o->oom = true;
			return;
		}
		o->b = b;
		o->cap = nc;
	}
	memcpy(o->b + o->n, s, l);
	o->n += l;
	o->b[o->n] = 0;
}

static void render_values(obuf_t *o, const sk__opnd_t *op, const sk__rv_t *v, uint32_t n)
{
	bool paren = op->list;
	if (paren)
		ob_put(o, "(", 1);
	for (uint32_t i = 0; i < (paren ? n : (n ? 1 : 0)); i++) {
		char buf[64];
		if (i)
			ob_put(o, ",", 1);
		const char *t = sk__rv_text(op->vt, &v[i], buf, sizeof(buf));
		ob_put(o, t, op->vt == SK__VT_BUF ? strlen(buf) : strlen(t));
	}
	if (paren)
		ob_put(o, ")", 1);
}

static json_t *json_str(const char *s, size_t l)
{
	json_t *j = json_stringn(s, l);
	if (j)
		return j;
	/* not valid UTF-8: keep ASCII, replace the rest */
	char *c = malloc(l + 1);
	if (!c)
		return NULL;
	for (size_t i = 0; i < l; i++)
		c[i] = (unsigned char)s[i] < 0x80 && s[i] ? s[i] : '?';
	c[l] = 0;
	j = json_stringn(c, l);
	free(c);
	return j;
}

static json_t *json_val(sk__vt_t vt, const sk__rv_t *v)
{
	char buf[64];
	switch (vt) {
	case SK__VT_STR:
		return json_str(v->p, v->len);
	case SK__VT_BUF:
		return json_str(v->p, v->len);
	case SK__VT_U64:
	case SK__VT_I64:
		return json_integer((json_int_t)v->u);
	case SK__VT_BOOL:
		return json_boolean(v->u != 0);
	case SK__VT_IP:
	case SK__VT_NET:
		return json_string(sk__rv_text(vt, v, buf, sizeof(buf)));
	default:
		return json_null();
	}
}

int sk__fmt_render(sk__evctx_t *ec, const sk__fmt_t *f, char **text, json_t **fields)
{
	obuf_t o = {0};
	const sk__rv_t *v;
	uint32_t n;
	*text = NULL;
	*fields = NULL;
	for (size_t i = 0; i < f->ntok; i++) {
		const sk__ftok_t *t = &f->tok[i];
		if (!t->text)
			continue;
		ob_put(&o, t->lit, strlen(t->lit));
		size_t start = o.n;
		if (sk__opnd_values(ec, t->op, &v, &n) && n)
			render_values(&o, t->op, v, n);
		else
			ob_put(&o, "<NA>", 4);
		if (t->width > 0 && !o.oom) {
			size_t w = (size_t)t->width, got = o.n - start;
			if (got > w) {
				o.n = start + w;
				o.b[o.n] = 0;
			}
			while (o.n - start < w && !o.oom)
				ob_put(&o, " ", 1);
		}
	}
	ob_put(&o, f->tail, strlen(f->tail));
	if (!o.b && !o.oom)
		ob_put(&o, "", 0);
	json_t *j = json_object();
	if (o.oom || !j)
		goto oom;
	for (size_t i = 0; i < f->njf; i++) {
		const sk__opnd_t *op = f->jf[i];
		json_t *val;
		if (!sk__opnd_values(ec, op, &v, &n) || n == 0) {
			val = json_null();
		} else if (op->list) {
			val = json_array();
			for (uint32_t k = 0; val && k < n; k++)
				if (json_array_append_new(val, json_val(op->vt, &v[k])))
					break;
		} else {
			val = json_val(op->vt, &v[0]);
		}
		if (!val || json_object_set_new(j, f->jkey[i], val))
			goto oom;
	}
	*text = o.b;
	*fields = j;
	return 0;
oom:
	free(o.b);
	json_decref(j);
	return -ENOMEM;
}
