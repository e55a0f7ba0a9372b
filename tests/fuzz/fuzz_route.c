/* fuzz_route.c - ccad_route_solve() (lib/route.c) on small planar instances.
 *
 * Input layout (every read past the end gives 0):
 *   byte   points n = 1 + byte % 40 (the base is point 0)
 *   byte   options: bit 0 closed, bits 1-2 effort 0..3, bits 3-4 the
 *          coordinate range (0..3, 0..15, -128..127, clustered), bits 5-6
 *          the scale (1, 1, 0.5, 7.25)
 *   u64    seed
 *   2 bytes per point: x, y (missing points repeat (0,0): duplicates).
 *
 * Invariants: the solve succeeds; the order is a permutation of 0..n-1
 * starting with 0; the cost equals the cost recomputed from the order with
 * PLANAR = floor(sqrt(dx^2 + dy^2) x scale + 0.5) per edge, the return edge
 * added for a closed tour; solving again with the same seed gives the same
 * order and cost; for n - 1 <= 8 the cost equals the optimum found here by
 * brute force over every order of the stops. */
#include "fuzz.h"

#include <math.h>
#include <string.h>

#include "custcadence.h"

#define MAXP 40
#define BRUTE_MAX 8 /* stops, not counting the base */

static int64_t edge(const double *x, const double *y, size_t i, size_t j, double scale)
{
    double dx = x[i] - x[j], dy = y[i] - y[j];
    return (int64_t)floor(sqrt(dx * dx + dy * dy) * scale + 0.5);
}

/* Optimal tour cost over every permutation of the stops 1..n-1. */
static int64_t brute_force(int64_t d[MAXP][MAXP], size_t n, int closed)
{
    size_t perm[BRUTE_MAX + 1], c[BRUTE_MAX + 1], m = n - 1, i;
    int64_t best = INT64_MAX;
    if (n <= 1)
        return 0;
    for (i = 0; i < m; i++) {
        perm[i] = i + 1;
        c[i] = 0;
    }
    /* Heap's algorithm, iterative. */
    for (i = 0;;) {
        int64_t cost = d[0][perm[0]];
        size_t k;
        for (k = 1; k < m; k++)
            cost += d[perm[k - 1]][perm[k]];
        if (closed)
            cost += d[perm[m - 1]][0];
        if (cost < best)
            best = cost;
        while (i < m && c[i] >= i) {
            c[i] = 0;
            i++;
        }
        if (i >= m)
            break;
        {
            size_t a = (i % 2 == 0) ? 0 : c[i], t = perm[a];
            perm[a] = perm[i];
            perm[i] = t;
        }
        c[i]++;
        i = 0;
    }
    return best;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const double scales[4] = {1.0, 1.0, 0.5, 7.25};
    fuzz_bytes in = {data, size, 0};
    ccad_ctx *ctx = NULL;
    ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
    double x[MAXP], y[MAXP];
    uint32_t order[MAXP], order2[MAXP];
    int64_t d[MAXP][MAXP], cost = -1, cost2 = -2, again = 0;
    uint8_t seen[MAXP];
    size_t n = 1 + fuzz_u8(&in) % MAXP, i, j;
    uint8_t opt = fuzz_u8(&in);
    int range = (opt >> 3) & 3, rc;

    o.metric = CCAD_METRIC_PLANAR;
    o.closed = opt & 1;
    o.effort = (opt >> 1) & 3;
    o.scale = scales[(opt >> 5) & 3];
    o.seed = fuzz_u64(&in);
    for (i = 0; i < n; i++) {
        uint8_t bx = fuzz_u8(&in), by = fuzz_u8(&in);
        switch (range) {
        case 0:
            x[i] = bx & 3;
            y[i] = by & 3;
            break;
        case 1:
            x[i] = bx & 15;
            y[i] = by & 15;
            break;
        case 2:
            x[i] = (int8_t)bx;
            y[i] = (int8_t)by;
            break;
        default: /* two clusters far apart */
            x[i] = (bx & 7) + ((bx & 128) ? 1000 : 0);
            y[i] = (by & 7) + ((by & 128) ? 1000 : 0);
            break;
        }
    }

    FUZZ_CHECK(ccad_ctx_new(&ctx, NULL) == CCAD_OK);
    rc = ccad_route_solve(ctx, x, y, n, &o, order, &cost);
    FUZZ_CHECKF(rc == CCAD_OK, "route_solve %d: %s", rc, ccad_ctx_errmsg(ctx));
    memset(seen, 0, sizeof seen);
    FUZZ_CHECK(order[0] == 0);
    for (i = 0; i < n; i++) {
        FUZZ_CHECKF(order[i] < n && !seen[order[i]], "order[%lu] = %lu", (unsigned long)i,
                    (unsigned long)order[i]);
        seen[order[i]] = 1;
    }
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
            d[i][j] = edge(x, y, i, j, o.scale);
    for (i = 1; i < n; i++)
        again += d[order[i - 1]][order[i]];
    if (o.closed && n > 1)
        again += d[order[n - 1]][0];
    FUZZ_CHECKF(cost == again, "reported cost %lld, the order costs %lld (n %lu, %s)",
                (long long)cost, (long long)again, (unsigned long)n, o.closed ? "closed" : "open");

    rc = ccad_route_solve(ctx, x, y, n, &o, order2, &cost2);
    FUZZ_CHECK(rc == CCAD_OK && cost2 == cost && memcmp(order, order2, n * sizeof *order) == 0);

    if (n - 1 <= BRUTE_MAX) {
        int64_t best = brute_force(d, n, o.closed);
        FUZZ_CHECKF(cost == best, "cost %lld, optimum %lld (n %lu, %s)", (long long)cost,
                    (long long)best, (unsigned long)n, o.closed ? "closed" : "open");
    }
    ccad_ctx_free(ctx);
    return 0;
}
