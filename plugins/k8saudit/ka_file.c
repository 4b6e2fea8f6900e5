/* ka_file.c - file, directory and followed-file audit sources. */
#include "ka_file.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct fent {
	char *path;
	struct timespec mtime;
} fent_t;

static int fent_cmp(const void *a, const void *b)
{
	const fent_t *x = a, *y = b;

	if (x->mtime.tv_sec != y->mtime.tv_sec)
		return x->mtime.tv_sec < y->mtime.tv_sec ? -1 : 1;
	if (x->mtime.tv_nsec != y->mtime.tv_nsec)
		return x->mtime.tv_nsec < y->mtime.tv_nsec ? -1 : 1;
	return strcmp(x->path, y->path);
}

static int list_dir(ka_file_src_t *f, const char *dir, char *err, size_t errlen)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	fent_t *ents = NULL, *ne;
	size_t n = 0, cap = 0, i;
	struct stat sb;
	char *p;
	int rc = 0;

	if (!d) {
		snprintf(err, errlen, "cannot open directory %s: %s", dir, strerror(errno));
		return -errno;
	}
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		if (asprintf(&p, "%s/%s", dir, de->d_name) < 0) {
			rc = -ENOMEM;
			break;
		}
		if (stat(p, &sb) < 0 || !S_ISREG(sb.st_mode)) {
			free(p);
			continue;
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			ne = realloc(ents, cap * sizeof(*ents));
			if (!ne) {
				free(p);
				rc = -ENOMEM;
				break;
			}
			ents = ne;
		}
		ents[n].path = p;
		ents[n].mtime = sb.st_mtim;
		n++;
	}
	closedir(d);
	if (rc == 0) {
		qsort(ents, n, sizeof(*ents), fent_cmp);
		f->files = calloc(n ? n : 1, sizeof(char *));
		if (!f->files)
			rc = -ENOMEM;
	}
	for (i = 0; i < n; i++) {
		if (rc == 0)
			f->files[f->nfiles++] = ents[i].path;
		else
			free(ents[i].path);
	}
	free(ents);
	if (rc)
		snprintf(err, errlen, "out of memory listing %s", dir);
	return rc;
}

int ka_file_open(ka_file_src_t *f, const char *path, bool follow, size_t max_event,
	size_t max_doc, size_t max_line, char *err, size_t errlen)
{
	struct stat sb;

	memset(f, 0, sizeof(*f));
	f->follow = follow;
	f->max_event = max_event;
	f->max_doc = max_doc;
	f->max_line = max_line;
	if (!*path) {
		snprintf(err, errlen, "empty file path");
		return -EINVAL;
	}
	if (follow) {
		f->path = strdup(path);
		if (!f->path)
			return -ENOMEM;
		f->fp = fopen(path, "r");
		if (!f->fp) {
			snprintf(err, errlen, "cannot open %s: %s", path, strerror(errno));
			return -errno;
		}
		if (fstat(fileno(f->fp), &sb) == 0) {
			f->dev = sb.st_dev;
			f->ino = sb.st_ino;
		}
		return 0;
	}
	if (stat(path, &sb) < 0) {
		snprintf(err, errlen, "cannot open %s: %s", path, strerror(errno));
		return -errno;
	}
	if (S_ISDIR(sb.st_mode))
		return list_dir(f, path, err, errlen);
	f->files = calloc(1, sizeof(char *));
	if (!f->files || !(f->files[0] = strdup(path)))
		return -ENOMEM;
	f->nfiles = 1;
	return 0;
}

void ka_file_close(ka_file_src_t *f)
{
	size_t i;

	if (!f)
		return;
	if (f->fp)
		fclose(f->fp);
	for (i = 0; i < f->nfiles; i++)
		free(f->files[i]);
	free(f->files);
	free(f->path);
	sk_sdk_buf_free(&f->acc);
	free(f->line);
	sk_sdk_qchain_free(&f->pending, NULL);
	memset(f, 0, sizeof(*f));
}

static bool blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return false;
	return true;
}

/* An incomplete document that has outgrown max_doc is counted bad and dropped. */
static void drop_oversized(ka_file_src_t *f)
{
	if (f->acc.n > f->max_doc) {
		snprintf(f->last_doc_err, sizeof(f->last_doc_err),
			"document larger than %zu bytes", f->max_doc);
		f->bad_documents++;
		sk_sdk_buf_clear(&f->acc);
	}
}

/* Parses the accumulated document. final: no more input will come, so an
 * incomplete document is an error too. */
static int try_doc(ka_file_src_t *f, bool final)
{
	int rc;

	rc = ka_parse_payload(f->acc.p, f->acc.n, f->max_event, &f->pending, &f->st, f->last_doc_err,
		sizeof(f->last_doc_err));
	if (rc == -ENOMEM)
		return rc;
	if (rc == -EAGAIN && !final) {
		drop_oversized(f);
		return 0;
	}
	if (rc < 0)
		f->bad_documents++;
	sk_sdk_buf_clear(&f->acc);
	return 0;
}

/* A document is tried when it is a single line (JSON lines) or when a line
 * starts with a closing bracket (end of a pretty-printed document), so a
 * long multi-line document is not re-parsed on every line. */
static int feed_line(ka_file_src_t *f, const char *line, size_t n)
{
	bool was_empty = f->acc.n == 0;
	int rc;

	/* a bracket in column 0 starts a new top-level document: whatever is
	 * pending (e.g. a truncated JSON line) is finished, good or bad */
	if (!was_empty && (line[0] == '{' || line[0] == '[')) {
		if ((rc = try_doc(f, true)) < 0)
			return rc;
		was_empty = true;
	}
	if ((rc = sk_sdk_buf_append(&f->acc, line, n)) < 0) {
		/* without this line the document cannot parse; the clear also
		 * lifts the buffer's sticky error for the next one */
		sk_sdk_buf_clear(&f->acc);
		return rc;
	}
	if (blank(f->acc.p, f->acc.n)) {
		sk_sdk_buf_clear(&f->acc);
		return 0;
	}
	if (!was_empty && line[0] != '}' && line[0] != ']') {
		drop_oversized(f);
		return 0;
	}
	return try_doc(f, false);
}

static void take_pending(ka_file_src_t *f, sk_sdk_qchain_t *out, size_t max)
{
	if (out->n < max)
		sk_sdk_qchain_move(out, &f->pending, max - out->n);
}

/* getline with a cap: at most max_line bytes are kept, the rest of a
 * longer line is read through (*too_long set). Returns the bytes kept, or
 * -1 at EOF with nothing read; *ended tells whether a newline was seen. */
static ssize_t read_line(ka_file_src_t *f, bool *too_long, bool *ended)
{
	size_t n = 0, ncap;
	bool any = false;
	char *nb;
	int c;

	*too_long = false;
	*ended = false;
	while ((c = getc_unlocked(f->fp)) != EOF) {
		any = true;
		if (n == f->max_line && c != '\n')
			*too_long = true;
		if (!*too_long) {
			if (n + 2 > f->line_cap) {
				ncap = f->line_cap ? f->line_cap * 2 : 4096;
				if (ncap > f->max_line + 2)
					ncap = f->max_line + 2;
				nb = realloc(f->line, ncap);
				if (!nb)
					return -2;
				f->line = nb;
				f->line_cap = ncap;
			}
			f->line[n++] = (char)c;
		}
		if (c == '\n') {
			*ended = true;
			break;
		}
	}
	if (!any)
		return -1;
	f->line[n] = '\0';
	return (ssize_t)n;
}

static const char *cur_name(const ka_file_src_t *f)
{
	return f->follow ? f->path : f->files[f->cur];
}

/* Reads complete lines until `out` is full or the file has no more
 * complete lines. Returns 1 at EOF, 0 when stopped early, <0 on error. */
static int read_lines(ka_file_src_t *f, sk_sdk_qchain_t *out, size_t max)
{
	bool too_long, ended;
	ssize_t n;
	long pos;
	int rc;

	for (;;) {
		take_pending(f, out, max);
		if (out->n >= max)
			return 0;
		pos = ftell(f->fp);
		n = read_line(f, &too_long, &ended);
		if (n == -2)
			return -ENOMEM;
		if (n < 0) {
			clearerr(f->fp);
			return 1;
		}
		if (f->follow && !ended) {
			/* partial last line: retry once the writer finishes it */
			clearerr(f->fp);
			fseek(f->fp, pos, SEEK_SET);
			return 1;
		}
		f->read_since_check = true;
		f->lineno++;
		if (too_long) {
			/* a document cut by the skipped line cannot parse: start over */
			sk_sdk_buf_clear(&f->acc);
			f->long_lines++;
			snprintf(f->last_line_err, sizeof(f->last_line_err),
				"%s:%llu: line larger than %zu bytes (fileMaxLineSize), skipped",
				cur_name(f), (unsigned long long)f->lineno, f->max_line);
			continue;
		}
		if ((rc = feed_line(f, f->line, (size_t)n)) < 0)
			return rc;
	}
}

static void follow_check(ka_file_src_t *f)
{
	struct stat sb, cur;

	if (stat(f->path, &sb) < 0)
		return; /* rotated away, new file not there yet */
	if (sb.st_ino != f->ino || sb.st_dev != f->dev) {
		FILE *nfp = fopen(f->path, "r");

		if (!nfp)
			return;
		fclose(f->fp);
		f->fp = nfp;
		f->ino = sb.st_ino;
		f->dev = sb.st_dev;
		sk_sdk_buf_clear(&f->acc);
		f->lineno = 0;
		return;
	}
	if (fstat(fileno(f->fp), &cur) < 0)
		return;
	/* truncated in place: smaller than our offset, or rewritten to the same
	 * size (modified since we reached EOF without growing) */
	if (cur.st_size < ftell(f->fp) ||
	    (cur.st_size == ftell(f->fp) && f->eof_mtime.tv_sec && !f->read_since_check &&
	     (cur.st_mtim.tv_sec != f->eof_mtime.tv_sec ||
	      cur.st_mtim.tv_nsec != f->eof_mtime.tv_nsec))) {
		fseek(f->fp, 0, SEEK_SET);
		sk_sdk_buf_clear(&f->acc);
		f->lineno = 0;
	}
	f->eof_mtime = cur.st_mtim;
	f->read_since_check = false;
}

int ka_file_read(ka_file_src_t *f, sk_sdk_qchain_t *out, size_t max, char *err, size_t errlen)
{
	int rc;

	for (;;) {
		if (!f->fp) {
			take_pending(f, out, max);
			if (out->n >= max)
				return 0;
			if (f->follow || f->cur >= f->nfiles)
				return out->n || f->pending.n ? 0 : 1;
			f->fp = fopen(f->files[f->cur], "r");
			if (!f->fp) {
				snprintf(err, errlen, "cannot open %s: %s", f->files[f->cur],
					strerror(errno));
				return -EIO;
			}
			sk_sdk_buf_clear(&f->acc);
			f->lineno = 0;
		}
		rc = read_lines(f, out, max);
		if (rc < 0) {
			snprintf(err, errlen, "out of memory reading audit events");
			return rc;
		}
		if (rc == 0)
			return 0;
		if (f->follow) {
			/* drained what is there; rotation is handled only at EOF so the
			 * rest of the old file is never lost */
			follow_check(f);
			if (out->n == 0)
				rc = read_lines(f, out, max);
			return rc < 0 ? rc : 0;
		}
		/* end of this file: a trailing document without newline ends here */
		if (f->acc.n && try_doc(f, true) < 0) {
			snprintf(err, errlen, "out of memory reading audit events");
			return -ENOMEM;
		}
		fclose(f->fp);
		f->fp = NULL;
		f->cur++;
	}
}
