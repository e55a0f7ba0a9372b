/* Array growth (grow.h): the capacity doubles, checked against overflow,
 * and the block moves through the context's allocator. */
#include "grow.h"

#include <string.h>

int ccad__grow(ccad_ctx *ctx, void *block_ptr, size_t *cap, size_t need, size_t elem_size,
               size_t first_cap, size_t max_cap)
{
    size_t new_cap = *cap != 0 ? *cap : first_cap;
    void *block, *moved;
    if (need <= *cap)
        return CCAD_OK;
    if (need > max_cap || elem_size == 0 || need > SIZE_MAX / elem_size)
        return CCAD_EOVERFLOW;
    if (new_cap == 0)
        new_cap = 1;
    while (new_cap < need)
        new_cap = new_cap > max_cap / 2 ? max_cap : new_cap * 2;
    if (new_cap > max_cap)
        new_cap = max_cap;
    if (new_cap > SIZE_MAX / elem_size)
        new_cap = SIZE_MAX / elem_size; /* still >= need, checked above */
    /* the pointer is copied, not read through a void **, so any pointer type works */
    memcpy(&block, block_ptr, sizeof block);
    moved = ccad__realloc(ctx, block, *cap * elem_size, new_cap * elem_size);
    if (moved == NULL)
        return CCAD_ENOMEM;
    memcpy(block_ptr, &moved, sizeof moved);
    *cap = new_cap;
    return CCAD_OK;
}
