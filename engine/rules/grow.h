/*
 * grow.h - arrays that grow by doubling, for the rules loader and compiler.
 * The capacity is implied by the element count (the next power of two), so
 * callers keep only the count: appending one element at a time stays
 * linear overall, even with allocators that copy on every realloc (ASan).
 */
#ifndef SK_RULES_GROW_H
#define SK_RULES_GROW_H

#include <stddef.h>

/* Before storing element n (0-based) in the array *pv of elem-sized
 * elements holding n elements: make room. *pv must have been allocated
 * by this function (or be NULL with n == 0). 0 or -ENOMEM (*pv unchanged). */
int sk__grow(void *pv, size_t n, size_t elem);
/* The capacity sk__grow assumes for n elements (n rounded up to a power of
 * two): arrays allocated elsewhere and then grown by sk__grow must be
 * allocated with at least this many elements. */
size_t sk__grow_cap(size_t n);

#endif
