/* Routes at scale, property tests over generated point sets (uniform,
 * clustered, integer grids with duplicates, collinear):
 *   - the neighbour lists of the k-d tree (lib/route_neigh.c) equal a
 *     brute-force ranking of every pair: the k nearest by cost then index,
 *     and the quadrant lists the planar search uses;
 *   - ccad_route_solve gives a permutation from the base whose recomputed
 *     cost is the one reported, the same tour on every call and in a fresh
 *     context, and a closed tour never longer than the nearest-neighbour
 *     tour built here independently (the search starts from it). */
#include "testutil.h"

#include "../lib/route_search.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define K CCAD__ROUTE_K

enum shape { UNIFORM, CLUSTERED, GRID, LINE, SHAPES };

static void gen_points(uint64_t *rng, enum shape sh, double *x, double *y, size_t n)
{
    size_t i;
    double cx = 0, cy = 0;
    for (i = 0; i < n; i++) {
        switch (sh) {
        case UNIFORM:
            x[i] = (double)tu_rng_range(rng, 0, 1000000) / 100.0;
            y[i] = (double)tu_rng_range(rng, 0, 1000000) / 100.0;
            break;
        case CLUSTERED: /* a new tight cluster every 20 points, far apart */
            if (i % 20 == 0) {
                cx = (double)tu_rng_range(rng, 0, 100000);
                cy = (double)tu_rng_range(rng, 0, 100000);
            }
            x[i] = cx + (double)tu_rng_range(rng, 0, 300) / 10.0;
            y[i] = cy + (double)tu_rng_range(rng, 0, 300) / 10.0;
            break;
        case GRID: /* few distinct places: duplicates and tied costs */
            x[i] = (double)tu_rng_range(rng, 0, 7);
            y[i] = (double)tu_rng_range(rng, 0, 7);
            break;
        default:
            x[i] = (double)tu_rng_range(rng, 0, 1000);
            y[i] = 2.0 * x[i] + 5.0;
            break;
        }
    }
}

/* ---- costs the tests compute themselves ---- */

struct pts {
    const double *x, *y, *u;
    double scale;
};

static int64_t planar(const struct pts *P, uint32_t i, uint32_t j)
{
    double dx = P->x[i] - P->x[j], dy = P->y[i] - P->y[j];
    return (int64_t)(sqrt(dx * dx + dy * dy) * P->scale + 0.5);
}

static int64_t planar_cb(const void *u, uint32_t i, uint32_t j) { return planar(u, i, j); }

static int64_t geo_cb(const void *user, uint32_t i, uint32_t j)
{
    const struct pts *P = user;
    const double *a = P->u + 3 * (size_t)i, *b = P->u + 3 * (size_t)j;
    double c = sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) +
                    (a[2] - b[2]) * (a[2] - b[2]));
    return (int64_t)(2.0 * asin(fmin(c, 2.0) / 2.0) * CCAD__EARTH_M + 0.5);
}

/* ---- brute-force lists ---- */

struct ranked {
    int64_t cost;
    uint32_t j;
};

static int by_cost_index(const void *a, const void *b)
{
    const struct ranked *p = a, *q = b;
    if (p->cost != q->cost)
        return p->cost < q->cost ? -1 : 1;
    return p->j < q->j ? -1 : p->j > q->j;
}

static int in_quadrant(const double *c, uint32_t i, uint32_t j, int quad)
{
    double dx = c[2 * j] - c[2 * i], dy = c[2 * j + 1] - c[2 * i + 1];
    return quad == 0   ? dx > 0 && dy >= 0
           : quad == 1 ? dx <= 0 && dy > 0
           : quad == 2 ? dx < 0 && dy <= 0
                       : dx >= 0 && dy < 0;
}

/* The documented list of point i, by sorting every other point. */
static void brute_list(const double *c, ccad__edge_cost cost, const void *user, uint32_t n,
                       uint32_t i, uint32_t per_quad, uint32_t *out)
{
    struct ranked *r = malloc(n * sizeof *r), pick[K];
    uint32_t m = 0, j, got = 0, q;
    assert_non_null(r);
    for (j = 0; j < n; j++)
        if (j != i) {
            r[m].cost = cost(user, i, j);
            r[m++].j = j;
        }
    qsort(r, m, sizeof *r, by_cost_index);
    for (q = 0; per_quad > 0 && q < 4; q++) {
        uint32_t taken = 0;
        for (j = 0; j < m && taken < per_quad; j++)
            if (in_quadrant(c, i, r[j].j, (int)q)) {
                pick[got++] = r[j];
                taken++;
            }
    }
    for (j = 0; got < K; j++) {
        uint32_t s;
        for (s = 0; s < got && pick[s].j != r[j].j; s++)
            ;
        if (s == got)
            pick[got++] = r[j];
    }
    qsort(pick, got, sizeof *pick, by_cost_index);
    for (j = 0; j < K; j++)
        out[j] = pick[j].j;
    free(r);
}

static void lists_equal_brute(const double *c, uint32_t dim, double mult, ccad__edge_cost cost,
                              const void *user, uint32_t n, uint32_t per_quad)
{
    tu_alloc al;
    ccad_host h;
    ccad_ctx *ctx = NULL;
    uint32_t *got = malloc((size_t)n * K * sizeof *got), want[K], i;
    memset(&al, 0, sizeof al);
    h = tu_host(&al);
    assert_non_null(got);
    TU_PASS(ctx, ccad_ctx_new(&ctx, &h));
    TU_PASS(ctx, ccad__route_neighbours(ctx, c, dim, mult, cost, user, n, K, per_quad, got, K));
    for (i = 0; i < n; i++) {
        brute_list(c, cost, user, n, i, per_quad, want);
        assert_memory_equal(got + (size_t)i * K, want, sizeof want);
    }
    /* comparing every pair (no coordinates) ranks the same way */
    if (per_quad == 0) {
        TU_PASS(ctx, ccad__route_neighbours(ctx, NULL, 0, 0.0, cost, user, n, K, 0, got, K));
        for (i = 0; i < n; i++) {
            brute_list(c, cost, user, n, i, 0, want);
            assert_memory_equal(got + (size_t)i * K, want, sizeof want);
        }
    }
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
    free(got);
}

static void neighbours_match_bruteforce(void **state)
{
    uint64_t rng = tu_rng_seed(18);
    int round;
    (void)state;
    for (round = 0; round < 120; round++) {
        uint32_t n = (uint32_t)tu_rng_range(&rng, K + 1, round < 100 ? 120 : 700), i;
        enum shape sh = (enum shape)(round % SHAPES);
        double *x = malloc(n * sizeof *x), *y = malloc(n * sizeof *y),
               *xy = malloc(2 * n * sizeof *xy);
        double *u = malloc(3 * n * sizeof *u);
        struct pts P;
        assert_true(x && y && xy && u);
        gen_points(&rng, sh, x, y, n);
        P.x = x;
        P.y = y;
        P.u = u;
        P.scale = round % 3 == 0 ? 1.0 : round % 3 == 1 ? 0.37 : 1000.0;
        for (i = 0; i < n; i++) {
            xy[2 * i] = x[i];
            xy[2 * i + 1] = y[i];
        }
        lists_equal_brute(xy, 2, P.scale, planar_cb, &P, n, 0);
        lists_equal_brute(xy, 2, P.scale, planar_cb, &P, n, 2);
        /* GEO: unit vectors of points around a city (x, y scaled to degrees) */
        for (i = 0; i < n; i++) {
            double lon = (116.0 + x[i] / 1e5) * 3.14159265358979323846 / 180.0;
            double lat = (39.0 + y[i] / 1e5) * 3.14159265358979323846 / 180.0;
            u[3 * i] = cos(lat) * cos(lon);
            u[3 * i + 1] = cos(lat) * sin(lon);
            u[3 * i + 2] = sin(lat);
        }
        lists_equal_brute(u, 3, CCAD__EARTH_M, geo_cb, &P, n, 0);
        free(x);
        free(y);
        free(xy);
        free(u);
    }
}

static void neighbours_bad_arguments(void **state)
{
    double xy[2 * 12] = {0};
    struct pts P = {xy, xy, NULL, 1.0};
    uint32_t out[12 * K];
    ccad_ctx *ctx = NULL;
    (void)state;
    TU_PASS(ctx, ccad_ctx_new(&ctx, NULL));
    assert_int_equal(ccad__route_neighbours(ctx, xy, 2, 1.0, planar_cb, &P, 12, 0, 0, out, K),
                     CCAD_EINVAL);
    assert_int_equal(ccad__route_neighbours(ctx, xy, 2, 1.0, planar_cb, &P, 10, K, 0, out, K),
                     CCAD_EINVAL);
    assert_int_equal(ccad__route_neighbours(ctx, xy, 2, 1.0, planar_cb, &P, 12, K, 3, out, K),
                     CCAD_EINVAL);
    assert_int_equal(ccad__route_neighbours(ctx, NULL, 0, 1.0, planar_cb, &P, 12, K, 2, out, K),
                     CCAD_EINVAL);
    ccad_ctx_free(ctx);
}

/* ---- tours ---- */

/* Nearest neighbour from the base (ties by index), back to the base. */
static int64_t nn_tour_cost(const struct pts *P, size_t n, int closed)
{
    unsigned char *used = calloc(n, 1);
    uint32_t cur = 0;
    size_t step;
    int64_t total = 0;
    assert_non_null(used);
    used[0] = 1;
    for (step = 1; step < n; step++) {
        uint32_t j, best = 0;
        int64_t bd = INT64_MAX;
        for (j = 0; j < n; j++)
            if (!used[j] && planar(P, cur, j) < bd) {
                bd = planar(P, cur, j);
                best = j;
            }
        used[best] = 1;
        total += bd;
        cur = best;
    }
    free(used);
    return total + (closed ? planar(P, cur, 0) : 0);
}

static void check_tour(const struct pts *P, const uint32_t *order, size_t n, int closed,
                       int64_t cost)
{
    unsigned char *seen = calloc(n, 1);
    int64_t total = 0;
    size_t k;
    assert_non_null(seen);
    assert_int_equal(order[0], 0);
    for (k = 0; k < n; k++) {
        assert_true(order[k] < n);
        assert_false(seen[order[k]]);
        seen[order[k]] = 1;
        if (k > 0)
            total += planar(P, order[k - 1], order[k]);
    }
    if (closed)
        total += planar(P, order[n - 1], 0);
    assert_int_equal(total, cost);
    free(seen);
}

static void tours_valid_deterministic(void **state)
{
    uint64_t rng = tu_rng_seed(1577);
    /* CCAD_TEST_LIGHT (tests/valgrind.sh sets it): the 32 rounds of up to
     * 400 points only, not the 8 of up to 3,000 that take minutes there */
    int round, rounds = getenv("CCAD_TEST_LIGHT") != NULL ? 32 : 40;
    (void)state;
    for (round = 0; round < rounds; round++) {
        size_t n = (size_t)tu_rng_range(&rng, 14, round < 32 ? 400 : 3000);
        double *x = malloc(n * sizeof *x), *y = malloc(n * sizeof *y);
        uint32_t *o1 = malloc(n * sizeof *o1), *o2 = malloc(n * sizeof *o2);
        ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
        struct pts P;
        ccad_ctx *c1 = NULL, *c2 = NULL;
        int64_t cost1 = -1, cost2 = -2;
        assert_true(x && y && o1 && o2);
        gen_points(&rng, (enum shape)(round % SHAPES), x, y, n);
        o.closed = round % 4 != 3;
        o.effort = round % 5 == 4 ? 0 : 5;
        o.scale = round % 2 ? 1.0 : 3.5;
        o.seed = (uint64_t)round;
        P.x = x;
        P.y = y;
        P.u = NULL;
        P.scale = o.scale;
        assert_int_equal(ccad_ctx_new(&c1, NULL), CCAD_OK);
        assert_int_equal(ccad_ctx_new(&c2, NULL), CCAD_OK);
        TU_PASS(c1, ccad_route_solve(c1, x, y, n, &o, o1, &cost1));
        check_tour(&P, o1, n, o.closed, cost1);
        if (o.closed) /* the search starts from this very tour */
            assert_true(cost1 <= nn_tour_cost(&P, n, 1));
        /* the same tour again, and in another context */
        TU_PASS(c1, ccad_route_solve(c1, x, y, n, &o, o2, &cost2));
        assert_memory_equal(o1, o2, n * sizeof *o1);
        TU_PASS(c2, ccad_route_solve(c2, x, y, n, &o, o2, &cost2));
        assert_memory_equal(o1, o2, n * sizeof *o1);
        assert_int_equal(cost1, cost2);
        ccad_ctx_free(c1);
        ccad_ctx_free(c2);
        free(x);
        free(y);
        free(o1);
        free(o2);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(neighbours_match_bruteforce),
        cmocka_unit_test(neighbours_bad_arguments),
        cmocka_unit_test(tours_valid_deterministic),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
