/* Bump allocator reset per event: extracted values live until the next event. */
#include "arena.h"

#include <stdlib.h>

#define CHUNK 65536

struct arena_chunk {
	struct arena_chunk *next;
	size_t cap, used;
	_Alignas(16) unsigned char data[];
};

void *sk__arena_alloc(sk_arena_t *a, size_t n)
{
	n = (n + 15) & ~(size_t)15;
	for (struct arena_chunk *c = a->head; c; c = c->next) {
		if (c->cap - c->used >= n) {
			void *p = c->data + c->used;
			c->used += n;
			return p;
		}
	}
	size_t cap = n > CHUNK ? n : CHUNK;
	struct arena_chunk *c = malloc(sizeof(*c) + cap);
	if (!c)
		return NULL;
	c->cap = cap;
	c->used = n;
	c->next = a->head;
	a->head = c;
	return c->data;
}

void sk__arena_reset(sk_arena_t *a)
{
	/* Keep one chunk; big one-off chunks go back to the allocator. */
	struct arena_chunk *keep = NULL;
	for (struct arena_chunk *c = a->head, *next; c; c = next) {
		next = c->next;
		if (!keep && c->cap == CHUNK) {
			keep = c;
			keep->used = 0;
			keep->next = NULL;
		} else {
			free(c);
		}
	}
	a->head = keep;
}

void sk__arena_free(sk_arena_t *a)
{
	for (struct arena_chunk *c = a->head, *next; c; c = next) {
		next = c->next;
		free(c);
	}
	a->head = NULL;
}

