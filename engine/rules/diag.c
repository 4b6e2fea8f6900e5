/* diag.c - diagnostics list and formatting. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

int sk__diag_add(sk_diags_t *d, sk_diag_level_t level, const char *file, uint32_t line,
	uint32_t col, const char *kind, const char *name, const char *code, const char *fmt, ...)
{
	if (!d)
		return 0;
	if (d->n == d->cap) {
		size_t ncap = d->cap ? d->cap * 2 : 8;
		sk_diag_t *nv = realloc(d->v, ncap * sizeof(*nv));
		if (!nv)
			return -ENOMEM;
		d->v = nv;
		d->cap = ncap;
	}
	char msg[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);

	sk_diag_t *g = &d->v[d->n];
	memset(g, 0, sizeof(*g));
	g->level = level;
	g->line = line;
	g->col = col;
	g->file = dup_or_null(file);
	g->item_kind = dup_or_null(kind);
	g->item_name = dup_or_null(name);
	g->code = dup_or_null(code);
	g->message = strdup(msg);
	if ((file && !g->file) || (kind && !g->item_kind) || (name && !g->item_name) ||
		(code && !g->code) || !g->message) {
		free(g->file);
		free(g->item_kind);
		free(g->item_name);
		free(g->code);
		free(g->message);
		return -ENOMEM;
	}
	d->n++;
	if (level == SK_DIAG_ERROR)
		d->nerrors++;
	else
		d->nwarnings++;
	return 0;
}

void sk_diags_free(sk_diags_t *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].item_kind);
		free(d->v[i].item_name);
		free(d->v[i].code);
		free(d->v[i].message);
	}
	free(d->v);
	memset(d, 0, sizeof(*d));
}

void sk_diag_format(const sk_diag_t *d, char *buf, size_t len)
{
	if (!buf || len == 0)
		return;
	buf[0] = '\0';
	if (!d)
		return;
	size_t off = 0;
#define PUT(...)                                                                    \
	do {                                                                        \
		if (off < len) {                                                    \
			int w_ = snprintf(buf + off, len - off, __VA_ARGS__);       \
			if (w_ > 0)                                                 \
				off += (size_t)w_ < len - off ? (size_t)w_ : len - off; \
		}                                                                   \
	} while (0)
	if (d->file) {
		PUT("%s:", d->file);
		if (d->line) {
			PUT("%u:", d->line);
			if (d->col)
				PUT("%u:", d->col);
		}
		PUT(" ");
	}
	PUT("%s: ", d->level == SK_DIAG_ERROR ? "error" : "warning");
	if (d->item_kind && d->item_name)
		PUT("%s '%s': ", d->item_kind, d->item_name);
	else if (d->item_kind)
		PUT("%s: ", d->item_kind);
	PUT("%s", d->message ? d->message : "");
	if (d->code)
		PUT(" [%s]", d->code);
#undef PUT
}
