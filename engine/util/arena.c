#include "arena.h"

#include <stdint.h>
#include <stdlib.h>

struct sk_arena_chunk {
	struct sk_arena_chunk *next;
	size_t cap, used;
	_Alignas(16) unsigned char data[];
};

static size_t chunk_size(const sk_arena_t *a)
{
	return a->chunk ? a->chunk : SK_ARENA_CHUNK_DEFAULT;
}

void sk_arena_init(sk_arena_t *a, size_t chunk)
{
	a->head = NULL;
	a->chunk = chunk;
}

void *sk_arena_alloc(sk_arena_t *a, size_t n)
{
	if (n > SIZE_MAX - 15)
		return NULL;
	n = (n + 15) & ~(size_t)15;
	for (struct sk_arena_chunk *c = a->head; c; c = c->next) {
		if (c->cap - c->used >= n) {
			void *p = c->data + c->used;
			c->used += n;
			return p;
		}
	}
	size_t std = chunk_size(a), cap = n > std ? n : std;
	if (cap > SIZE_MAX - sizeof(struct sk_arena_chunk))
		return NULL;
	struct sk_arena_chunk *c = malloc(sizeof(*c) + cap);
	if (!c)
		return NULL;
	c->cap = cap;
	c->used = n;
	c->next = a->head;
	a->head = c;
	return c->data;
}

void sk_arena_reset(sk_arena_t *a)
{
	size_t std = chunk_size(a);
	struct sk_arena_chunk *keep = NULL;
	for (struct sk_arena_chunk *c = a->head, *next; c; c = next) {
		next = c->next;
		if (!keep && c->cap == std) {
			keep = c;
			keep->used = 0;
			keep->next = NULL;
		} else {
			free(c);
		}
	}
	a->head = keep;
}

void sk_arena_free(sk_arena_t *a)
{
	for (struct sk_arena_chunk *c = a->head, *next; c; c = next) {
		next = c->next;
		free(c);
	}
	a->head = NULL;
}

size_t sk_arena_chunks(const sk_arena_t *a)
{
	size_t n = 0;
	for (const struct sk_arena_chunk *c = a->head; c; c = c->next)
		n++;
	return n;
}

size_t sk_arena_reserved(const sk_arena_t *a)
{
	size_t n = 0;
	for (const struct sk_arena_chunk *c = a->head; c; c = c->next)
		n += c->cap;
	return n;
}
