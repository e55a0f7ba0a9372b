/* Small routes (13 to 30 stops and a little beyond): the distance table of
 * one ccad_route_solve call (lib/route_dist.c) and the search that reads it.
 *
 * - table_entries: every entry of the table is the value the cost function
 *   gives for that pair, both ways, 0 on the diagonal; bad sizes and a
 *   failing allocator leave nothing behind.
 * - table_same_tours_as_fresh_costs: the reference. The HOST metric never
 *   uses the table: it asks the travel callback for every pair, and its
 *   search works on t(i,j) + t(j,i), twice a symmetric cost, which makes
 *   every decision the same. A callback that computes the PLANAR or GEO
 *   cost afresh (written here the library's way) must therefore give the
 *   very same order and cost as PLANAR or GEO through the table, on random
 *   points, grids full of ties, repeated points, open and closed tours, on
 *   both sides of the table's size limit.
 * - same_input_same_tour: determinism, also across contexts, with ties.
 * - small_tour_quality: with the default effort (a quarter of the rounds up
 *   to 30 stops), the mean gap to the best of 100 runs of a separately
 *   written local search (2-opt and single-stop moves from random starts)
 *   stays within 0.1 % at 13, 20 and 30 stops. */
#include "testutil.h"

#include "../lib/internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAXP 300
#define EARTH_M 6371008.8
#define DEG (3.14159265358979323846 / 180.0)

static uint64_t rng_state; /* tu_rng_next's state (testutil.h) */

static uint64_t rng_next(void) { return tu_rng_next(&rng_state); }

static double rng_unit(void) { return (double)(rng_next() >> 11) / 9007199254740992.0; }

/* Points of kind 0 (random), 1 (a small grid: many equal edges), 2 (random
 * with repeats, some at the base); GEO in degrees around Shanghai, PLANAR
 * in metres. */
static void make_points(double *x, double *y, size_t n, int kind, int geo)
{
    size_t i;
    for (i = 0; i < n; i++) {
        if (kind == 1) {
            x[i] = (double)(rng_next() % 5);
            y[i] = (double)(rng_next() % 5);
        } else {
            x[i] = rng_unit() * 20000.0;
            y[i] = rng_unit() * 20000.0;
        }
        if (kind == 2 && i > 0 && rng_next() % 3 == 0) {
            size_t src = (size_t)(rng_next() % i);
            x[i] = x[src];
            y[i] = y[src];
        }
        if (geo) { /* 20 km is about 0.2 degrees; grids stay grids */
            x[i] = 121.4 + x[i] * (kind == 1 ? 0.01 : 1e-5);
            y[i] = 31.2 + y[i] * (kind == 1 ? 0.01 : 1e-5);
        }
    }
}

/* The library's costs, written the same way (route.c, docs/routes.md). */
static int64_t planar_cost(double x1, double y1, double x2, double y2)
{
    double dx = x1 - x2, dy = y1 - y2;
    return (int64_t)(sqrt(dx * dx + dy * dy) * 1.0 + 0.5);
}

static int64_t geo_cost(double lon1, double lat1, double lon2, double lat2)
{
    double a[3], b[3], dx, dy, dz, chord;
    a[0] = cos(lat1 * DEG) * cos(lon1 * DEG);
    a[1] = cos(lat1 * DEG) * sin(lon1 * DEG);
    a[2] = sin(lat1 * DEG);
    b[0] = cos(lat2 * DEG) * cos(lon2 * DEG);
    b[1] = cos(lat2 * DEG) * sin(lon2 * DEG);
    b[2] = sin(lat2 * DEG);
    dx = a[0] - b[0];
    dy = a[1] - b[1];
    dz = a[2] - b[2];
    chord = sqrt(dx * dx + dy * dy + dz * dz);
    if (chord > 2.0)
        chord = 2.0;
    return (int64_t)(2.0 * asin(chord / 2.0) * EARTH_M + 0.5);
}

struct pts {
    const double *x, *y;
    int metric;
    long calls;
};

static int64_t pts_cost(const void *arg, uint32_t i, uint32_t j)
{
    struct pts *p = (struct pts *)(uintptr_t)arg;
    p->calls++;
    return ccad__straight_cost(p->metric, 1.0, p->x[i], p->y[i], p->x[j], p->y[j]);
}

static void table_entries(void **state)
{
    static const uint32_t sizes[] = {1, 2, 14, 31, 100, CCAD__ROUTE_TABLE_MAX};
    static double x[CCAD__ROUTE_TABLE_MAX], y[CCAD__ROUTE_TABLE_MAX];
    tu_alloc al;
    ccad_host h = tu_host(&al);
    ccad_ctx *ctx = NULL;
    size_t s;
    int geo;
    int64_t *d = NULL;
    struct pts p;
    (void)state;
    memset(&al, 0, sizeof al);
    TU_PASS(ctx, ccad_ctx_new(&ctx, &h));
    rng_state = tu_rng_seed(5);
    for (geo = 0; geo <= 1; geo++)
        for (s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
            uint32_t n = sizes[s], i, j;
            make_points(x, y, n, (int)(s % 3), geo);
            p.x = x;
            p.y = y;
            p.metric = geo ? CCAD_METRIC_GEO : CCAD_METRIC_PLANAR;
            p.calls = 0;
            TU_PASS(ctx, ccad__route_table_new(ctx, n, pts_cost, &p, &d));
            assert_non_null(d);
            assert_int_equal(p.calls, (long)n * (n - 1) / 2); /* each pair once */
            for (i = 0; i < n; i++)
                for (j = 0; j < n; j++) {
                    int64_t want = i == j ? 0
                                   : geo  ? geo_cost(x[i], y[i], x[j], y[j])
                                          : planar_cost(x[i], y[i], x[j], y[j]);
                    assert_int_equal(d[(size_t)i * n + j], want);
                }
            ccad__free(ctx, d);
        }
    /* sizes outside 1..max and a failing allocator: nothing made */
    d = (int64_t *)(uintptr_t)1;
    assert_int_equal(ccad__route_table_new(ctx, 0, pts_cost, &p, &d), CCAD_EINVAL);
    assert_null(d);
    assert_int_equal(ccad__route_table_new(ctx, CCAD__ROUTE_TABLE_MAX + 1, pts_cost, &p, &d),
                     CCAD_EINVAL);
    assert_null(d);
    tu_fail_at(&al, 1, 0);
    assert_int_equal(ccad__route_table_new(ctx, 20, pts_cost, &p, &d), CCAD_ENOMEM);
    assert_null(d);
    tu_fail_at(&al, 0, 0);
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
}

/* The travel callback of the reference: the PLANAR or GEO cost afresh. */
static int fresh_travel(void *user, double fx, double fy, double tx, double ty, int32_t *out)
{
    const int *geo = user;
    int64_t c = *geo ? geo_cost(fx, fy, tx, ty) : planar_cost(fx, fy, tx, ty);
    if (c > INT32_MAX)
        return -1;
    *out = (int32_t)c;
    return 0;
}

static void table_same_tours_as_fresh_costs(void **state)
{
    static const size_t sizes[] = {
        14, 17, 21, 26, 31, 45, 120, CCAD__ROUTE_TABLE_MAX, CCAD__ROUTE_TABLE_MAX + 1};
    static double x[MAXP], y[MAXP];
    static uint32_t got[MAXP], want[MAXP];
    int geo = 0, cases = 0;
    ccad_host h = CCAD_HOST_INIT;
    ccad_ctx *plain = NULL, *host = NULL;
    size_t s;
    (void)state;
    h.travel = fresh_travel;
    h.user = &geo;
    assert_int_equal(ccad_ctx_new(&plain, NULL), CCAD_OK);
    assert_int_equal(ccad_ctx_new(&host, &h), CCAD_OK);
    rng_state = tu_rng_seed(11);
    for (s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        int inst, per = sizes[s] <= 31 ? 12 : 2;
        for (inst = 0; inst < per; inst++)
            /* GEO only: PLANAR searches over per-quadrant neighbour lists
             * (lib/route_neigh.c) and HOST over the plain nearest, so their
             * tours may differ for reasons other than the table; PLANAR's
             * table is checked entry by entry above. */
            for (geo = 1; geo <= 1; geo++) {
                ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT, r = CCAD_ROUTE_OPTIONS_INIT;
                int64_t cg = -1, cw = -2;
                size_t n = sizes[s];
                make_points(x, y, n, inst % 3, geo);
                o.metric = geo ? CCAD_METRIC_GEO : CCAD_METRIC_PLANAR;
                o.closed = r.closed = inst % 2;
                o.seed = r.seed = (uint64_t)inst + 1;
                r.metric = CCAD_METRIC_HOST;
                TU_PASS(plain, ccad_route_solve(plain, x, y, n, &o, got, &cg));
                TU_PASS(host, ccad_route_solve(host, x, y, n, &r, want, &cw));
                assert_int_equal(cg, cw);
                assert_memory_equal(got, want, n * sizeof *got);
                cases++;
            }
    }
    print_message("route small: %d tours through the table equal to fresh costs\n", cases);
    ccad_ctx_free(plain);
    ccad_ctx_free(host);
}

static void same_input_same_tour(void **state)
{
    static double x[40], y[40];
    uint32_t a[40], b[40];
    ccad_ctx *c1 = NULL, *c2 = NULL;
    int inst;
    (void)state;
    assert_int_equal(ccad_ctx_new(&c1, NULL), CCAD_OK);
    assert_int_equal(ccad_ctx_new(&c2, NULL), CCAD_OK);
    rng_state = tu_rng_seed(17);
    for (inst = 0; inst < 60; inst++) {
        ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
        size_t n = 14 + (size_t)inst % 26;
        int64_t ca = -1, cb = -2;
        make_points(x, y, n, inst % 3, inst % 2);
        o.metric = inst % 2 ? CCAD_METRIC_GEO : CCAD_METRIC_PLANAR;
        o.closed = inst % 4 < 2;
        TU_PASS(c1, ccad_route_solve(c1, x, y, n, &o, a, &ca));
        TU_PASS(c2, ccad_route_solve(c2, x, y, n, &o, b, &cb));
        assert_int_equal(ca, cb);
        assert_memory_equal(a, b, n * sizeof *a);
        TU_PASS(c1, ccad_route_solve(c1, x, y, n, &o, b, &cb));
        assert_memory_equal(a, b, n * sizeof *a);
    }
    ccad_ctx_free(c1);
    ccad_ctx_free(c2);
}

/* ---- an independent reference for small closed tours: 2-opt and moves
 * of single stops from random starts, on the same costs ---- */

static int64_t cost_of(const int64_t *d, uint32_t n, uint32_t a, uint32_t b)
{
    return d[(size_t)a * n + b];
}

/* Improves the closed tour t[0..n) (t[0] stays the base) until neither a
 * reversal nor a move of one stop shortens it; symmetric costs. */
static void local_opt(const int64_t *d, uint32_t n, uint32_t *t)
{
    int better = 1;
    while (better) {
        uint32_t i, j;
        better = 0;
        for (i = 1; i + 1 < n; i++)
            for (j = i + 1; j < n; j++) {
                uint32_t a = t[i - 1], b = t[i], c = t[j], e = t[(j + 1) % n];
                if (cost_of(d, n, a, c) + cost_of(d, n, b, e) <
                    cost_of(d, n, a, b) + cost_of(d, n, c, e)) {
                    uint32_t lo = i, hi = j;
                    while (lo < hi) {
                        uint32_t x = t[lo];
                        t[lo++] = t[hi];
                        t[hi--] = x;
                    }
                    better = 1;
                }
            }
        for (i = 1; i < n; i++) { /* stop t[i] between t[j] and t[j + 1] */
            uint32_t v = t[i], p = t[i - 1], q = t[(i + 1) % n];
            int64_t gain = cost_of(d, n, p, v) + cost_of(d, n, v, q) - cost_of(d, n, p, q);
            for (j = 0; j < n; j++) {
                uint32_t x = t[j], y = t[(j + 1) % n], k;
                if (j == i || j + 1 == i || (j + 1) % n == i)
                    continue;
                if (cost_of(d, n, x, v) + cost_of(d, n, v, y) - cost_of(d, n, x, y) < gain) {
                    if (j > i) { /* shift left, put v after x */
                        for (k = i; k < j; k++)
                            t[k] = t[k + 1];
                        t[j] = v;
                    } else {
                        for (k = i; k > j + 1; k--)
                            t[k] = t[k - 1];
                        t[j + 1] = v;
                    }
                    better = 1;
                    break;
                }
            }
        }
    }
}

/* The shortest closed tour the reference finds from `starts` random starts. */
static int64_t reference_best(const double *x, const double *y, uint32_t n, int metric, int starts)
{
    static int64_t d[32 * 32];
    uint32_t t[32], i, k;
    int64_t best = INT64_MAX;
    int s;
    for (i = 0; i < n; i++)
        for (k = 0; k < n; k++)
            d[i * n + k] = i == k ? 0 : ccad__straight_cost(metric, 1.0, x[i], y[i], x[k], y[k]);
    for (s = 0; s < starts; s++) {
        int64_t c = 0;
        for (i = 0; i < n; i++)
            t[i] = i;
        for (i = n - 1; i > 1; i--) {
            uint32_t j = 1 + (uint32_t)(rng_next() % i), v = t[i];
            t[i] = t[j];
            t[j] = v;
        }
        local_opt(d, n, t);
        for (i = 0; i < n; i++)
            c += cost_of(d, n, t[i], t[(i + 1) % n]);
        best = c < best ? c : best;
    }
    return best;
}

static void small_tour_quality(void **state)
{
    static const uint32_t sizes[] = {14, 21, 31};
    static double x[32], y[32];
    uint32_t order[32];
    ccad_ctx *ctx = NULL;
    size_t s;
    (void)state;
    TU_PASS(ctx, ccad_ctx_new(&ctx, NULL));
    rng_state = tu_rng_seed(23);
    for (s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        double gap = 0.0, worst = 0.0;
        int inst, runs = 0;
        for (inst = 0; inst < 30; inst++) {
            ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
            int64_t c = 0, best;
            double g;
            make_points(x, y, sizes[s], 0, inst % 2);
            o.metric = inst % 2 ? CCAD_METRIC_GEO : CCAD_METRIC_PLANAR;
            TU_PASS(ctx, ccad_route_solve(ctx, x, y, sizes[s], &o, order, &c));
            best = reference_best(x, y, sizes[s], o.metric, 100);
            best = c < best ? c : best;
            g = 100.0 * (double)(c - best) / (double)best;
            gap += g;
            worst = g > worst ? g : worst;
            runs++;
        }
        gap /= runs;
        print_message("route small: %lu stops: mean gap %.4f %%, worst %.3f %% to the best of "
                      "100 independent local searches\n",
                      (unsigned long)(sizes[s] - 1), gap, worst);
        assert_true(gap <= 0.1);
    }
    ccad_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(table_entries),
        cmocka_unit_test(table_same_tours_as_fresh_costs),
        cmocka_unit_test(same_input_same_tour),
        cmocka_unit_test(small_tour_quality),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
