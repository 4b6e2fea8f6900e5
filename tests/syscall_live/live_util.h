/*
 * live_util.h - helpers for the live capture tests: parameter access on
 * scap events and the root/BPF skip check.
 */
#ifndef SAKER_TEST_LIVE_UTIL_H
#define SAKER_TEST_LIVE_UTIL_H

#include <stddef.h>
#include <stdint.h>

#include "live.h"

#define SKIP_RC 77

/* Exits with 77 and a loud message when live capture cannot run here. */
void lu_require_bpf(const char *test);

/* Pointer/length of parameter i (0-based); 0 on success. */
int lu_param(const ss_plugin_event *ev, uint32_t i, const uint8_t **p, uint16_t *len);
int64_t lu_s64(const ss_plugin_event *ev, uint32_t i);
uint32_t lu_u32(const ss_plugin_event *ev, uint32_t i);
/* String parameter or "" */
const char *lu_str(const ss_plugin_event *ev, uint32_t i);
/* pid (tgid) of the thread that produced the event, from /proc at read time
 * is not reliable; tests match on tid of known single-threaded children. */

#endif
