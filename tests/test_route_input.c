/* Routes: bad input, edge cases (0, 1, 2 stops, duplicates), large costs
 * and cost overflow. Helpers: tests/route_env.h. */
#include "route_env.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ==== bad input ==== */

static void bad_input(void **state)
{
    tu_alloc al;
    ccad_host h;
    ccad_ctx *ctx = new_ctx(&al, &h);
    double x[8] = {0, 1, 2, 3, 4, 5, 6, 7}, y[8] = {0, 3, 1, 4, 1, 5, 9, 2};
    uint32_t order[8];
    int64_t cost = 99;
    ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
    size_t big = (size_t)CCAD_ROUTE_MAX_POINTS + 1;
    double *bx, *by;
    uint32_t *bo;
    int k;
    (void)state;
    assert_int_equal(ccad_route_max_points(), (size_t)CCAD_ROUTE_MAX_POINTS);
    fill_sentinel(order, 8);

    /* NULL pointers */
    assert_int_equal(ccad_route_solve(NULL, x, y, 8, &o, order, &cost), CCAD_EINVAL);
    TU_FAIL(ctx, ccad_route_solve(ctx, NULL, y, 8, &o, order, &cost), CCAD_EINVAL);
    TU_FAIL(ctx, ccad_route_solve(ctx, x, NULL, 8, &o, order, &cost), CCAD_EINVAL);
    TU_FAIL(ctx, ccad_route_solve(ctx, x, y, 8, &o, NULL, &cost), CCAD_EINVAL);

    /* point count */
    TU_FAIL(ctx, ccad_route_solve(ctx, x, y, 0, &o, order, &cost), CCAD_ERANGE);
    bx = calloc(big, sizeof *bx);
    by = calloc(big, sizeof *by);
    bo = malloc(big * sizeof *bo);
    assert_non_null(bx);
    assert_non_null(by);
    assert_non_null(bo);
    fill_sentinel(bo, big);
    TU_FAIL(ctx, ccad_route_solve(ctx, bx, by, big, &o, bo, &cost), CCAD_ERANGE);
    assert_sentinel(bo, big);
    free(bx);
    free(by);
    free(bo);

    /* coordinates */
    for (k = 0; k < 4; k++) {
        double sx[8], sy[8];
        double bad = k == 0 ? NAN : k == 1 ? INFINITY : k == 2 ? -INFINITY : -NAN;
        memcpy(sx, x, sizeof sx);
        memcpy(sy, y, sizeof sy);
        sx[5] = bad;
        TU_FAIL(ctx, ccad_route_solve(ctx, sx, sy, 8, &o, order, &cost), CCAD_ERANGE);
        sx[5] = x[5];
        sy[0] = bad;
        TU_FAIL(ctx, ccad_route_solve(ctx, sx, sy, 8, &o, order, &cost), CCAD_ERANGE);
        /* the heuristic path checks too */
        {
            double hx[20], hy[20];
            uint32_t ho[20];
            rng_seed(19);
            random_points(hx, hy, 20, 10.0, 0);
            hy[19] = bad;
            fill_sentinel(ho, 20);
            TU_FAIL(ctx, ccad_route_solve(ctx, hx, hy, 20, &o, ho, &cost), CCAD_ERANGE);
            assert_sentinel(ho, 20);
        }
    }

    /* options */
    o.size = 0;
    TU_FAIL(ctx, ccad_route_solve(ctx, x, y, 8, &o, order, &cost), CCAD_EVERSION);
    o.size = (uint32_t)sizeof o - 1;
    TU_FAIL(ctx, ccad_route_solve(ctx, x, y, 8, &o, order, &cost), CCAD_EVERSION);
    o.size = (uint32_t)sizeof o + 8;
    TU_FAIL(ctx, ccad_route_solve(ctx, x, y, 8, &o, order, &cost), CCAD_EVERSION);
    o = (ccad_route_options)CCAD_ROUTE_OPTIONS_INIT;
    o.metric = 0;
    TU_FAIL(ctx, ccad_route_solve(ctx, x, y, 8, &o, order, &cost), CCAD_EINVAL);
    o.metric = 4;
    TU_FAIL(ctx, ccad_route_solve(ctx, x, y, 8, &o, order, &cost), CCAD_EINVAL);
    o.metric = -1;
    TU_FAIL(ctx, ccad_route_solve(ctx, x, y, 8, &o, order, &cost), CCAD_EINVAL);
    o = (ccad_route_options)CCAD_ROUTE_OPTIONS_INIT;
    o.closed = 2;
    TU_FAIL(ctx, ccad_route_solve(ctx, x, y, 8, &o, order, &cost), CCAD_EINVAL);
    o.closed = -1;
    TU_FAIL(ctx, ccad_route_solve(ctx, x, y, 8, &o, order, &cost), CCAD_EINVAL);
    o = (ccad_route_options)CCAD_ROUTE_OPTIONS_INIT;
    o.effort = -1;
    TU_FAIL(ctx, ccad_route_solve(ctx, x, y, 8, &o, order, &cost), CCAD_ERANGE);
    o.effort = 10001;
    TU_FAIL(ctx, ccad_route_solve(ctx, x, y, 8, &o, order, &cost), CCAD_ERANGE);
    o.effort = INT32_MIN;
    TU_FAIL(ctx, ccad_route_solve(ctx, x, y, 8, &o, order, &cost), CCAD_ERANGE);
    o = (ccad_route_options)CCAD_ROUTE_OPTIONS_INIT;
    o.scale = 0.0;
    TU_FAIL(ctx, ccad_route_solve(ctx, x, y, 8, &o, order, &cost), CCAD_ERANGE);
    o.scale = -1.0;
    TU_FAIL(ctx, ccad_route_solve(ctx, x, y, 8, &o, order, &cost), CCAD_ERANGE);
    o.scale = NAN;
    TU_FAIL(ctx, ccad_route_solve(ctx, x, y, 8, &o, order, &cost), CCAD_ERANGE);
    o.scale = INFINITY;
    TU_FAIL(ctx, ccad_route_solve(ctx, x, y, 8, &o, order, &cost), CCAD_ERANGE);
    assert_sentinel(order, 8);
    assert_int_equal(cost, 99);

    /* the limits themselves are accepted */
    o = (ccad_route_options)CCAD_ROUTE_OPTIONS_INIT;
    o.effort = 10000;
    (void)solve_planar(ctx, x, y, 8, &o, order);
    o.effort = 0;
    o.closed = 0;
    o.scale = 1e-9;
    (void)solve_planar(ctx, x, y, 8, &o, order);
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
}

/* ==== edge cases ==== */

static void edge_cases(void **state)
{
    tu_alloc al;
    ccad_host h;
    ccad_ctx *ctx = new_ctx(&al, &h);
    double x[64], y[64];
    uint32_t order[64];
    int64_t cost;
    int closed, metric;
    size_t n, k;
    (void)state;
    for (metric = CCAD_METRIC_PLANAR; metric <= CCAD_METRIC_GEO; metric++)
        for (closed = 0; closed <= 1; closed++) {
            ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
            o.metric = metric;
            o.closed = closed;
            /* one point */
            x[0] = 3.5;
            y[0] = 4.5;
            cost = -1;
            order[0] = SENTINEL;
            TU_PASS(ctx, ccad_route_solve(ctx, x, y, 1, &o, order, &cost));
            assert_int_equal(order[0], 0);
            assert_int_equal(cost, 0);
            TU_PASS(ctx, ccad_route_solve(ctx, x, y, 1, &o, order, NULL));
            /* all points identical: every edge has length 0 */
            for (n = 2; n <= 60; n += n < 16 ? 1 : 22) {
                for (k = 0; k < n; k++) {
                    x[k] = 12.25;
                    y[k] = 31.5;
                }
                cost = -1;
                TU_PASS(ctx, ccad_route_solve(ctx, x, y, n, &o, order, &cost));
                assert_tour(order, n);
                assert_int_equal(cost, 0);
            }
        }
    for (closed = 0; closed <= 1; closed++) {
        ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
        o.closed = closed;
        /* two points: 3-4-5 triangle side */
        x[0] = 0;
        y[0] = 0;
        x[1] = 3;
        y[1] = 4;
        cost = solve_planar(ctx, x, y, 2, &o, order);
        assert_int_equal(order[1], 1);
        assert_int_equal(cost, closed ? 10 : 5);
        /* three points */
        x[2] = 3;
        y[2] = 0;
        cost = solve_planar(ctx, x, y, 3, &o, order);
        assert_int_equal(cost, closed ? 12 : 7); /* open: 0 -> (3,0) -> (3,4) */
        if (!closed)
            assert_int_equal(order[1], 2);
        /* collinear points on a line, base in the middle, shuffled */
        for (n = 8; n <= 40; n += 32) {
            int64_t lo = 0, hi = 0, x0;
            rng_seed(20 + n);
            for (k = 0; k < n; k++) {
                x[k] = (double)(k * 7) - 100.0;
                y[k] = 2.0 * x[k] + 5.0; /* along a slanted line: length sqrt(5) per unit of x */
            }
            for (k = n - 1; k > 0; k--) {
                size_t j = (size_t)(rng_next() % (k + 1));
                double t = x[k];
                x[k] = x[j];
                x[j] = t;
                t = y[k];
                y[k] = y[j];
                y[j] = t;
            }
            for (k = 0; k < n; k++) {
                if (x[k] < x[lo])
                    lo = (int64_t)k;
                if (x[k] > x[hi])
                    hi = (int64_t)k;
            }
            x0 = 0;
            cost = solve_planar(ctx, x, y, n, &o, order);
            {
                int64_t span = planar_edge(x, y, (size_t)lo, (size_t)hi, 1.0);
                int64_t left = planar_edge(x, y, (size_t)x0, (size_t)lo, 1.0);
                int64_t right = planar_edge(x, y, (size_t)x0, (size_t)hi, 1.0);
                /* each edge is rounded separately, so allow 1 per edge */
                int64_t ideal = closed ? 2 * span : span + (left < right ? left : right);
                assert_true(cost >= ideal - (int64_t)n && cost <= ideal + (int64_t)n);
            }
        }
        /* duplicates mixed with distinct points: exact and heuristic */
        for (n = 9; n <= 60; n += 51) {
            int64_t *d;
            rng_seed(30 + n);
            random_points(x, y, n, 50.0, 1);
            for (k = 1; k < n; k += 3) {
                x[k] = x[k - 1];
                y[k] = y[k - 1];
            }
            x[n - 1] = x[0];
            y[n - 1] = y[0];
            cost = solve_planar(ctx, x, y, n, &o, order);
            if (n <= 10) {
                d = planar_matrix(x, y, n, 1.0);
                assert_int_equal(cost, brute_force(d, n, closed));
                free(d);
            } else {
                assert_int_equal(improving_2opt(x, y, order, n, closed), 0);
            }
        }
    }
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
}

/* ==== large costs ==== */

/* Open tours with large costs: coordinates up to 1e9 and scale 1e8 give edges
 * up to 1.4e17 and a tour near 1e18, which still fits in int64_t. The
 * answer must be right, or refused with CCAD_ERANGE; never a wrong cost. */
static void large_costs(void **state)
{
    tu_alloc al;
    ccad_host h;
    ccad_ctx *ctx = new_ctx(&al, &h);
    enum { N = 200 };
    static double x[N], y[N];
    static uint32_t order[N];
    int closed;
    (void)state;
    rng_seed(21);
    random_points(x, y, N, 1e9, 0);
    for (closed = 0; closed <= 1; closed++) {
        ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
        int64_t cost = -1;
        int rc;
        o.closed = closed;
        o.scale = 1e8;
        fill_sentinel(order, N);
        rc = ccad_route_solve(ctx, x, y, N, &o, order, &cost);
        if (rc == CCAD_ERANGE) {
            assert_sentinel(order, N);
            continue;
        }
        assert_int_equal(rc, CCAD_OK);
        assert_tour(order, N);
        assert_int_equal(cost, planar_cost(x, y, order, N, closed, o.scale));
    }
    /* 21 points on a line 1e15 apart after scaling, the base in the middle:
     * the best open tour walks to one end and back across (3e16 in all);
     * costs fit easily in int64_t, so the answer must be exact */
    for (closed = 0; closed <= 1; closed++) {
        ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
        enum { G = 21 };
        double gx[G], gy[G];
        int64_t cost = -1;
        int rc, k;
        for (k = 0; k < G; k++) {
            gx[k] = (double)((k + 10) % G) - 10.0; /* base at 0, others -10..10 */
            gy[k] = 0.0;
        }
        o.closed = closed;
        o.scale = 1e15;
        fill_sentinel(order, G);
        rc = ccad_route_solve(ctx, gx, gy, G, &o, order, &cost);
        if (rc == CCAD_ERANGE) {
            assert_sentinel(order, G);
            continue;
        }
        assert_int_equal(rc, CCAD_OK);
        assert_tour(order, G);
        assert_int_equal(cost, planar_cost(gx, gy, order, G, closed, o.scale));
        assert_int_equal(cost, (closed ? 40 : 30) * INT64_C(1000000000000000));
    }
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
}

/* An edge that no int64_t can hold: refused, not a wrapped cost. */
static void cost_overflow(void **state)
{
    tu_alloc al;
    ccad_host h;
    ccad_ctx *ctx = new_ctx(&al, &h);
    uint32_t order[2];
    (void)state;
    {
        double gx[2] = {0, 0}, gy[2] = {0, 1};
        ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
        int64_t cost = 123;
        o.closed = 0;
        o.scale = 1e300;
        fill_sentinel(order, 2);
        TU_FAIL(ctx, ccad_route_solve(ctx, gx, gy, 2, &o, order, &cost), CCAD_ERANGE);
        assert_sentinel(order, 2);
        assert_int_equal(cost, 123);
    }
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bad_input),
        cmocka_unit_test(edge_cases),
        cmocka_unit_test(large_costs),
        cmocka_unit_test(cost_overflow),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
