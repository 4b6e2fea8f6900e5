/*
 * ka_file.h - reading audit events from files.
 *
 * Plain path: a file, or every regular file of a directory in mtime order,
 * read once; then EOF. Content may be JSON lines or (pretty-printed) JSON
 * documents one after another; each is an Event, an EventList or an array.
 * file://<path>: the file is read from its start and then followed: new
 * lines are picked up, rotation (a new inode at the path) and truncation
 * are detected by polling, a partial last line waits for its newline.
 *
 * A line longer than max_line is never held in memory: it is read through,
 * skipped and counted (long_lines, last_line_err names file and line), and
 * the next line is processed as usual.
 *
 * Ownership: the source owns its buffers; events are appended to the
 * caller's chain. Threading: one thread at a time (the next_batch caller).
 */
#ifndef KA_FILE_H
#define KA_FILE_H

#include <stdio.h>
#include <sys/types.h>

#include "ka_parse.h"
#include "sk_sdk_util.h"

typedef struct ka_file_src {
	bool follow;
	char **files;
	size_t nfiles, cur;
	FILE *fp;
	char *path;
	dev_t dev;
	ino_t ino;
	struct timespec eof_mtime; /* mtime when EOF was last reached */
	bool read_since_check;     /* lines consumed since the last follow check */
	sk_sdk_buf_t acc;      /* document being accumulated */
	char *line;
	size_t line_cap;
	size_t max_doc, max_event, max_line;
	uint64_t lineno;       /* lines of the current file consumed so far */
	uint64_t long_lines;   /* lines over max_line skipped */
	char last_line_err[512];
	sk_sdk_qchain_t pending;    /* parsed events not yet handed out */
	ka_parse_stats_t st;
	uint64_t bad_documents;
	char last_doc_err[256];
} ka_file_src_t;

int ka_file_open(ka_file_src_t *f, const char *path, bool follow, size_t max_event,
	size_t max_doc, size_t max_line, char *err, size_t errlen);
/* Move up to max events into out. Returns 0 (maybe none yet: follow mode
 * idle), 1 at the end of a plain source, or a negative errno with err. */
int ka_file_read(ka_file_src_t *f, sk_sdk_qchain_t *out, size_t max, char *err, size_t errlen);
void ka_file_close(ka_file_src_t *f);

#endif /* KA_FILE_H */
