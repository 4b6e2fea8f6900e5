/*
 * ctr_plugin.h - internal state of the container plugin, shared by its
 * ABI glue (plugin.c), its field extraction (fields.c) and its thread
 * resolution (threads.c). Not installed; plugins and the engine never
 * include it.
 *
 * Threading: the host calls parse_event and extract_fields on one worker
 * thread (one plugin state is single-threaded by the ABI); everything here
 * except the store (store.h, internally locked) is touched only there.
 */
#ifndef SAKER_CONTAINER_PLUGIN_INT_H
#define SAKER_CONTAINER_PLUGIN_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "cgroup.h"
#include "plugin_api.h"
#include "sk_plugin_sdk.h"
#include "store.h"

#define SK_CTR_PLUGIN_NAME "container"
#define SK_CTR_PLUGIN_VERSION "0.4.1"
#define SK_CTR_TID_CACHE 4096 /* direct-mapped tid -> container cache (power of 2) */

typedef struct sk_ctr_tid_slot {
	int64_t tid;
	uint64_t pidns_start;
	sk_ctr_ref_t ref;
} sk_ctr_tid_slot_t;

typedef struct sk_ctr_plugin {
	sk_sdk_err_t err;
	ss_plugin_owner_t *owner;
	ss_plugin_log_fn_t log;
	sk_ctr_store_t *store;
	int wait_ms;
	bool proc_fallback;
	char proc_root[256];

	/* The syscall plugin's "threads" table, through the host. */
	ss_plugin_table_t *threads;
	ss_plugin_table_field_t *f_cgroups;      /* sub-table, may be NULL */
	ss_plugin_table_field_t *f_cg_first, *f_cg_second; /* its fields */
	ss_plugin_table_field_t *f_container_id; /* string, may be NULL */
	ss_plugin_table_field_t *f_pidns_start;  /* uint64, may be NULL */

	/* Event codes parsed (clone family + execve family exits). */
	uint16_t parse_types[64];
	uint32_t nparse_types;
	uint16_t clone_types[48];
	uint32_t nclone_types;

	/* Per-event resolution cache (extract is called once per field). */
	uint64_t cache_evtnum;
	int64_t cache_tid;
	sk_ctr_ref_t cache_ref;
	uint64_t cache_pidns_start;
	bool cache_valid;

	/* tid -> container, filled on first use, dropped when parse_event sees
	 * the tid clone or exec (the only ways its container changes). */
	sk_ctr_tid_slot_t *tids;

	sk_sdk_extract_t x;
	char *fields_json;

	/* counters for plugin_get_metrics */
	uint64_t n_proc_reads, n_proc_fail, n_table_miss, n_table_write_fail;
	ss_plugin_metric metrics[12];
} sk_ctr_plugin_t;

/* fields.c */
extern const sk_sdk_field_t sk_ctr_fields[];
extern const size_t sk_ctr_nfields;
ss_plugin_rc sk_ctr_extract(sk_ctr_plugin_t *p, const ss_plugin_event_input *ev,
	const ss_plugin_field_extract_input *in);

/* threads.c: the container of the thread behind an event. reader is the
 * host's reader vtable of the current call (NULL: no table access). Sets
 * *pidns_start (0 if unknown). */
void sk_ctr_resolve(sk_ctr_plugin_t *p, int64_t tid, ss_plugin_table_reader_vtable_ext *reader,
	sk_ctr_ref_t *ref, uint64_t *pidns_start);
/* Forget the /proc-cache slot of tid (its process changed). */
void sk_ctr_tid_forget(sk_ctr_plugin_t *p, int64_t tid);
/* Store container_id for tid in the threads table (best effort). */
void sk_ctr_write_container_id(sk_ctr_plugin_t *p, int64_t tid,
	ss_plugin_table_reader_vtable_ext *reader, ss_plugin_table_writer_vtable_ext *writer,
	const sk_ctr_ref_t *ref);

#endif /* SAKER_CONTAINER_PLUGIN_INT_H */
