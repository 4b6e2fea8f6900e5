/*
 * arena.h - per-event bump allocator of a source worker: copies of values
 * extracted by plugins live here until the worker moves to the next event.
 * Threading: one arena per worker thread.
 */
#ifndef SK_HOST_ARENA_H
#define SK_HOST_ARENA_H

#include <stddef.h>

typedef struct sk_arena {
	struct arena_chunk *head;
} sk_arena_t;

void *sk__arena_alloc(sk_arena_t *a, size_t n); /* 16-byte aligned, NULL on OOM */
void sk__arena_reset(sk_arena_t *a);            /* keeps one standard chunk */
void sk__arena_free(sk_arena_t *a);

#endif
