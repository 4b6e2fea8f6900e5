/*
 * arena.h - a bump allocator for memory that lives until the next reset:
 * values extracted for one event (the source worker) and transformer
 * results (the rules evaluator). Allocations never move; reset frees every
 * chunk but one standard-size chunk, so a one-off large value does not stay
 * resident.
 *
 * Ownership: the arena owns its chunks; pointers it returns are valid until
 * sk_arena_reset or sk_arena_free. Threading: one arena per thread.
 */
#ifndef SK_UTIL_ARENA_H
#define SK_UTIL_ARENA_H

#include <stddef.h>

#define SK_ARENA_CHUNK_DEFAULT 65536

typedef struct sk_arena {
	struct sk_arena_chunk *head;
	size_t chunk; /* standard chunk size; 0 means SK_ARENA_CHUNK_DEFAULT */
} sk_arena_t;

/* A zeroed sk_arena_t is ready for use; this picks another chunk size. */
void sk_arena_init(sk_arena_t *a, size_t chunk);
void *sk_arena_alloc(sk_arena_t *a, size_t n); /* 16-byte aligned, NULL on OOM */
void sk_arena_reset(sk_arena_t *a);            /* keeps one standard chunk */
void sk_arena_free(sk_arena_t *a);             /* back to a zeroed arena's state */
size_t sk_arena_chunks(const sk_arena_t *a);   /* chunks held */
size_t sk_arena_reserved(const sk_arena_t *a); /* bytes held in chunks */

#endif
