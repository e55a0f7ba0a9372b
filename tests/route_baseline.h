/* A plain iterated 2-opt + Or-opt tour search for EUC_2D points, the
 * yardstick route-bench measures the library against (route_baseline.c). */
#ifndef ROUTE_BASELINE_H
#define ROUTE_BASELINE_H

#include <stddef.h>
#include <stdint.h>

/* Nearest neighbour from point 0, then 2-opt and Or-opt (1 to 3 points)
 * over each point's 10 nearest neighbours from a uniform grid, then random
 * local double bridges each followed by the same local search (kept when
 * no longer, undone otherwise) until the process has used `ms` more
 * milliseconds of CPU time since the
 * call. Writes the closed tour to order (from point 0) and returns its
 * length, or -1 when out of memory. Deterministic in the seed except for
 * how many rounds fit in the time. */
int64_t route_baseline(const double *x, const double *y, size_t n, double ms, uint64_t seed,
                       uint32_t *order);

#endif
