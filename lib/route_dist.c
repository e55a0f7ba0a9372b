/* ROUTE: the distance table of one route call.
 *
 * A small tour asks for the same edge many times: the exact solver reads
 * every pair, and the local search and its perturbation rounds read the
 * edges around each move again and again. For PLANAR (a square root) and
 * GEO (an arcsine) each of those was a fresh computation. The table holds
 * the n x n costs, computed once per call by the caller's own cost function,
 * so a lookup returns exactly the value a fresh computation would: the
 * tours, their costs and their ties stay the same to the bit.
 *
 * Only for symmetric costs (cost(i, j) == cost(j, i) to the bit, which the
 * point metrics give: swapping the points only flips the signs of the
 * differences) and at most CCAD__ROUTE_TABLE_MAX points, where the table
 * stays within half a megabyte and is filled faster than the search would
 * have asked for its entries. */
#include "internal.h"

int ccad__route_table_new(ccad_ctx *ctx, uint32_t n,
                          int64_t (*cost)(const void *arg, uint32_t i, uint32_t j), const void *arg,
                          int64_t **out)
{
    int64_t *d;
    uint32_t i, j;
    *out = NULL;
    if (n == 0 || n > CCAD__ROUTE_TABLE_MAX) /* callers ensure it */
        return CCAD_EINVAL;
    d = ccad__alloc(ctx, (size_t)n * n * sizeof *d);
    if (d == NULL)
        return CCAD_ENOMEM;
    for (i = 0; i < n; i++) {
        d[(size_t)i * n + i] = 0;
        for (j = i + 1; j < n; j++)
            d[(size_t)i * n + j] = d[(size_t)j * n + i] = cost(arg, i, j);
    }
    *out = d;
    return CCAD_OK;
}
