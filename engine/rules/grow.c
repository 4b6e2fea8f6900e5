/* grow.c - doubling arrays (see grow.h). */
#include "grow.h"

#include <errno.h>
#include <stdlib.h>

size_t sk__grow_cap(size_t n)
{
	size_t c = 1;
	while (c < n)
		c *= 2;
	return c;
}

int sk__grow(void *pv, size_t n, size_t elem)
{
	void **v = pv;
	if (n & (n - 1))
		return 0; /* not a power of two: there is room left */
	void *nv = realloc(*v, (n ? 2 * n : 1) * elem);
	if (!nv)
		return -ENOMEM;
	*v = nv;
	return 0;
}
