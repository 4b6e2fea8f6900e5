/*
 * live_table.h - internal: the syscall -> (exit event, BPF handler) table
 * of the live capture. Static data; no ownership or threading concerns.
 */
#ifndef SAKER_SYSCALL_LIVE_TABLE_H
#define SAKER_SYSCALL_LIVE_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "live.h"
#include "bpf/sk_bpf_args.h"
#include "bpf/sk_bpf_shared.h"

#define SK_LIVE_MAX_ALIASES 16

typedef struct sk_live_row {
	uint32_t nr;       /* x86_64 syscall number (or the procexit slot) */
	uint16_t evt;      /* exit event code emitted */
	uint8_t handler;   /* enum sk_handler */
	uint8_t lifecycle; /* never dropped by drop_failed */
	uint16_t aliases[SK_LIVE_MAX_ALIASES]; /* other codes selecting it, 0-ended */
} sk_live_row_t;

/* A syscall of the table-driven (SK_H_ARGS) or vectored (SK_H_IOV) kind,
 * and the other handlers added with them; its own event code and the
 * enter code (code - 1) select it. */
typedef struct sk_live_xrow {
	uint32_t nr;
	uint16_t evt;
	uint8_t handler;
	uint16_t args[SK_ARGS_NMAX]; /* SK_H_ARGS: the parameter program (SK_P codes) */
} sk_live_xrow_t;

/* A syscall delivered as the generic event when it has no row. */
typedef struct sk_live_generic {
	uint16_t nr;     /* x86_64 syscall number */
	uint16_t ppm_sc; /* upstream syscall code (the event's ID parameter) */
} sk_live_generic_t;

extern const sk_live_row_t sk__live_rows[];
extern const size_t sk__live_nrows;
extern const sk_live_xrow_t sk__live_xrows[];
extern const size_t sk__live_nxrows;
extern const sk_live_generic_t sk__live_generic[];
extern const size_t sk__live_ngeneric;

/* 1 when the row is selected by the type list (NULL/0 selects all). */
int sk__live_row_selected(const sk_live_row_t *r, const uint16_t *types, size_t n);

/* The kernel table entries of syscall slot nr (0 .. SK_MAX_SYSCALLS-1) for
 * the type list: its own row, else the generic event (selected by code 0
 * or 1), else nothing (all zero). */
void sk__live_entry(uint32_t nr, const uint16_t *types, size_t n, struct sk_sc_entry *ent,
	struct sk_sc_args *args);

#endif /* SAKER_SYSCALL_LIVE_TABLE_H */
