/* grow.h - the one array-growth helper of the example programs. */
#ifndef CCAD_EXAMPLES_GROW_H
#define CCAD_EXAMPLES_GROW_H

#include <stddef.h>

/** Grows the malloc'ed array *buf (elements of @p elem bytes, *cap of them
 *  allocated) so that it holds at least @p need elements, doubling from 16.
 *  Returns 0, or -1 if out of memory or the size would overflow (*buf and
 *  *cap are then unchanged). */
int ccex_grow(void **buf, size_t *cap, size_t need, size_t elem);

#endif /* CCAD_EXAMPLES_GROW_H */
