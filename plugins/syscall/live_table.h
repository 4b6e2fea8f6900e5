/*
 * live_table.h - internal: the syscall -> (exit event, BPF handler) table
 * of the live capture. Static data; no ownership or threading concerns.
 */
#ifndef SAKER_SYSCALL_LIVE_TABLE_H
#define SAKER_SYSCALL_LIVE_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "live.h"

#define SK_LIVE_MAX_ALIASES 16

typedef struct sk_live_row {
	uint32_t nr;       /* x86_64 syscall number (or the procexit slot) */
	uint16_t evt;      /* exit event code emitted */
	uint8_t handler;   /* enum sk_handler */
	uint8_t lifecycle; /* never dropped by drop_failed */
	uint16_t aliases[SK_LIVE_MAX_ALIASES]; /* other codes selecting it, 0-ended */
} sk_live_row_t;

extern const sk_live_row_t sk__live_rows[];
extern const size_t sk__live_nrows;

/* 1 when the row is selected by the type list (NULL/0 selects all). */
int sk__live_row_selected(const sk_live_row_t *r, const uint16_t *types, size_t n);

#endif /* SAKER_SYSCALL_LIVE_TABLE_H */
