/*
 * gh_scan.h - content scanners run on text fetched from the GitHub API:
 * secrets in the lines a push adds (from a compare response), and
 * crypto-miner patterns in a workflow file. Results are JSON fragments
 * merged into the delivery payload:
 *
 *   "files":[{"name":F,"matches":[{"line":N,"type":T,"desc":D,
 *             "platform":P,"masked":M}]}]
 *   "workflow_miner_detections":{"matches":[{"line":N,"type":T}]}
 *
 * A secret never leaves the scanner: only its kind, position and a masked
 * form (its first 4 characters, then "****") are written.
 *
 * Ownership: gh_scan_t is owned by the caller (init/free). Threading: the
 * compiled patterns are read-only; each call allocates its own match data,
 * so one gh_scan_t serves every webhook thread at once.
 */
#ifndef GH_SCAN_H
#define GH_SCAN_H

#include <stddef.h>

#include "gh_buf.h"

typedef struct gh_scan {
	struct gh_re *secrets;  /* one per secret rule */
	size_t nsecrets;
	struct gh_re *miners;   /* one per miner word */
	size_t nminers;
} gh_scan_t;

int gh_scan_init(gh_scan_t *s, char *err, size_t errlen);
void gh_scan_free(gh_scan_t *s);

/* Scan the "+" lines of every files[].patch of a compare response (JSON
 * text). Appends the "files":[...] member (without leading comma) to out.
 * Returns the number of secrets found, -EINVAL when json is not a compare
 * response, or out->err when an append to out failed (-ENOMEM). */
int gh_scan_compare(const gh_scan_t *s, const char *json, size_t len, sk_sdk_buf_t *out);

/* Scan a workflow file; appends "workflow_miner_detections":{...}.
 * Returns the number of matches, or out->err when an append failed. */
int gh_scan_workflow(const gh_scan_t *s, const char *text, size_t len, sk_sdk_buf_t *out);

/* Mask a secret for display: first 4 bytes then "****" (NUL-terminated,
 * out has >= 9 bytes). */
void gh_scan_mask(const char *secret, size_t len, char out[9]);

#endif /* GH_SCAN_H */
