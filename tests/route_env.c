/* Helpers of tests/route_env.h. */
#include "route_env.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- fixed-seed generator: tu_rng on one state for the whole file ---- */

static uint64_t rng_state;

void rng_seed(uint64_t s) { rng_state = tu_rng_seed(s); }

uint64_t rng_next(void) { return tu_rng_next(&rng_state); }

double rng_unit(void) { return tu_rng_unit(&rng_state); }

/* random points in [0, span)^2; integer coordinates when grid is set */
void random_points(double *x, double *y, size_t n, double span, int grid)
{
    size_t i;
    for (i = 0; i < n; i++) {
        x[i] = rng_unit() * span;
        y[i] = rng_unit() * span;
        if (grid) {
            x[i] = floor(x[i]);
            y[i] = floor(y[i]);
        }
    }
}

/* ---- costs recomputed independently ---- */

int64_t planar_edge(const double *x, const double *y, size_t i, size_t j, double scale)
{
    double dx = x[i] - x[j], dy = y[i] - y[j];
    return (int64_t)floor(sqrt(dx * dx + dy * dy) * scale + 0.5);
}

int64_t planar_cost(const double *x, const double *y, const uint32_t *order, size_t n, int closed,
                    double scale)
{
    int64_t c = 0;
    size_t k;
    for (k = 0; k + 1 < n; k++)
        c += planar_edge(x, y, order[k], order[k + 1], scale);
    if (closed && n > 1)
        c += planar_edge(x, y, order[n - 1], order[0], scale);
    return c;
}

/* Asserts order is a permutation of 0..n-1 that starts with 0. */
void assert_tour(const uint32_t *order, size_t n)
{
    unsigned char *seen = calloc(n, 1);
    size_t k;
    assert_non_null(seen);
    assert_int_equal(order[0], 0);
    for (k = 0; k < n; k++) {
        assert_true(order[k] < n);
        assert_int_equal(seen[order[k]], 0);
        seen[order[k]] = 1;
    }
    free(seen);
}

/* ---- brute force over all orders of the stops (base fixed first) ---- */

struct bf {
    const int64_t *d; /* n x n */
    size_t n;
    int closed;
    uint32_t perm[16];
    unsigned char used[16];
    int64_t best;
};

static void bf_rec(struct bf *B, size_t depth, int64_t sofar)
{
    size_t j;
    if (depth == B->n) {
        int64_t c = sofar + (B->closed ? B->d[(size_t)B->perm[depth - 1] * B->n] : 0);
        if (c < B->best)
            B->best = c;
        return;
    }
    for (j = 1; j < B->n; j++) {
        if (B->used[j])
            continue;
        B->used[j] = 1;
        B->perm[depth] = (uint32_t)j;
        bf_rec(B, depth + 1, sofar + B->d[(size_t)B->perm[depth - 1] * B->n + j]);
        B->used[j] = 0;
    }
}

int64_t brute_force(const int64_t *d, size_t n, int closed)
{
    struct bf B;
    memset(&B, 0, sizeof B);
    B.d = d;
    B.n = n;
    B.closed = closed;
    B.best = INT64_MAX;
    B.perm[0] = 0;
    B.used[0] = 1;
    bf_rec(&B, 1, 0);
    return n == 1 ? 0 : B.best;
}

/* ---- a separately written Held-Karp: g[S][j] = shortest path from the
 *      base through the stop set S (bits of stops 1..n-1) ending at j ---- */

int64_t held_karp(const int64_t *d, size_t n, int closed)
{
    size_t m = n - 1, S, j, k, full;
    int64_t *g, best = INT64_MAX;
    if (m == 0)
        return 0;
    full = ((size_t)1 << m) - 1;
    g = malloc((full + 1) * m * sizeof *g);
    assert_non_null(g);
    for (S = 1; S <= full; S++)
        for (j = 0; j < m; j++) {
            int64_t v = INT64_MAX;
            size_t rest = S & ~((size_t)1 << j);
            if (!(S & ((size_t)1 << j)))
                continue;
            if (rest == 0)
                v = d[j + 1];
            else
                for (k = 0; k < m; k++)
                    if (rest & ((size_t)1 << k)) {
                        int64_t w = g[rest * m + k] + d[(k + 1) * n + j + 1];
                        if (w < v)
                            v = w;
                    }
            g[S * m + j] = v;
        }
    for (j = 0; j < m; j++) {
        int64_t w = g[full * m + j] + (closed ? d[(j + 1) * n] : 0);
        if (w < best)
            best = w;
    }
    free(g);
    return best;
}

int64_t *planar_matrix(const double *x, const double *y, size_t n, double scale)
{
    int64_t *d = malloc(n * n * sizeof *d);
    size_t i, j;
    assert_non_null(d);
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
            d[i * n + j] = planar_edge(x, y, i, j, scale);
    return d;
}

/* ---- fixtures ---- */

ccad_ctx *new_ctx(tu_alloc *al, ccad_host *h)
{
    ccad_ctx *ctx = NULL;
    *h = tu_host(al);
    TU_PASS(ctx, ccad_ctx_new(&ctx, h));
    return ctx;
}

void fill_sentinel(uint32_t *order, size_t n)
{
    size_t k;
    for (k = 0; k < n; k++)
        order[k] = SENTINEL;
}

void assert_sentinel(const uint32_t *order, size_t n)
{
    size_t k;
    for (k = 0; k < n; k++)
        assert_int_equal(order[k], SENTINEL);
}

/* Solves with the given options and checks the generic invariants:
 * a permutation from 0 and out_cost = the recomputed planar cost. */
int64_t solve_planar(ccad_ctx *ctx, const double *x, const double *y, size_t n,
                     const ccad_route_options *o, uint32_t *order)
{
    int64_t cost = -1;
    TU_PASS(ctx, ccad_route_solve(ctx, x, y, n, o, order, &cost));
    assert_tour(order, n);
    assert_int_equal(cost, planar_cost(x, y, order, n, o->closed, o->scale));
    return cost;
}

/* Number of improving 2-opt moves on the tour (all pairs). Open tours also
 * allow reversing a suffix (the last stop is free). */
long improving_2opt(const double *x, const double *y, const uint32_t *o, size_t n, int closed)
{
    long found = 0;
    size_t a, b;
#define E(p, q) planar_edge(x, y, o[p], o[q], 1.0)
    for (a = 0; a + 1 < n; a++)
        for (b = a + 2; b < n; b++) {
            int64_t before, after;
            if (b + 1 < n) {
                before = E(a, a + 1) + E(b, b + 1);
                after = E(a, b) + E(a + 1, b + 1);
            } else if (closed) {
                if (a == 0)
                    continue; /* the same edge pair, nothing to reverse */
                before = E(a, a + 1) + E(b, 0);
                after = E(a, b) + E(a + 1, 0);
            } else {
                before = E(a, a + 1);
                after = E(a, b);
            }
            if (after < before)
                found++;
        }
#undef E
    return found;
}
