/* The one way lib/ grows an array: overflow-checked doubling through the
 * context's allocator (docs/design.md, "Writing code in lib/"). */
#ifndef CCAD_GROW_H
#define CCAD_GROW_H

#include "internal.h"

/* Makes the array whose pointer is at *block_ptr (any object pointer type,
 * passed as its address), *cap elements of elem_size bytes, hold at least
 * need elements. The capacity doubles, from first_cap when it is 0, until
 * need fits, and is held to max_cap elements; the array moves through
 * ccad__realloc. Returns CCAD_OK (at once when need already fits),
 * CCAD_EOVERFLOW when need is above max_cap or the bytes would not fit a
 * size_t, or CCAD_ENOMEM; on failure *block_ptr and *cap are unchanged.
 * Records no message: the caller names its function and what was full. */
int ccad__grow(ccad_ctx *ctx, void *block_ptr, size_t *cap, size_t need, size_t elem_size,
               size_t first_cap, size_t max_cap);

#endif
