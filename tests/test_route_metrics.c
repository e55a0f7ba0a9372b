/* Routes on the GEO metric (great-circle metres) and the HOST metric (the
 * travel callback: costs, errors, asymmetric times), and the exact solver's
 * very tour among equally short ones on all three metrics. Helpers:
 * tests/route_env.h. */
#include "route_env.h"
#include "route_env_host.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ==== GEO ==== */

static double haversine(double lon1, double lat1, double lon2, double lat2)
{
    double p1 = lat1 * DEG, p2 = lat2 * DEG, dp = p2 - p1, dl = (lon2 - lon1) * DEG;
    double s1 = sin(dp / 2), s2 = sin(dl / 2);
    double hv = s1 * s1 + cos(p1) * cos(p2) * s2 * s2;
    return 2.0 * EARTH_M * asin(sqrt(hv));
}

static void geo_metric(void **state)
{
    tu_alloc al;
    ccad_host h;
    ccad_ctx *ctx = new_ctx(&al, &h);
    static const size_t sizes[] = {2, 7, 13, 40};
    double x[40], y[40];
    uint32_t order[40];
    size_t s;
    (void)state;
    rng_seed(15);
    for (s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        int closed;
        for (closed = 0; closed <= 1; closed++) {
            size_t n = sizes[s], k, edges;
            ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
            int64_t cost = -1;
            double sum = 0.0;
            o.metric = CCAD_METRIC_GEO;
            o.closed = closed;
            for (k = 0; k < n; k++) { /* within about 15 km of (31.2 N, 121.4 E) */
                x[k] = 121.4 + (rng_unit() - 0.5) * 0.3;
                y[k] = 31.2 + (rng_unit() - 0.5) * 0.3;
            }
            TU_PASS(ctx, ccad_route_solve(ctx, x, y, n, &o, order, &cost));
            assert_tour(order, n);
            edges = closed ? n : n - 1;
            for (k = 0; k < edges; k++)
                sum += haversine(x[order[k]], y[order[k]], x[order[(k + 1) % n]],
                                 y[order[(k + 1) % n]]);
            assert_true(fabs((double)cost - sum) <= (double)edges * 1.0);
            assert_true(cost > 0);
        }
    }
    /* a known distance: one degree of latitude is about 111.2 km */
    {
        double gx[2] = {121.4, 121.4}, gy[2] = {31.2, 32.2};
        ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
        int64_t cost = 0;
        o.metric = CCAD_METRIC_GEO;
        o.closed = 0;
        TU_PASS(ctx, ccad_route_solve(ctx, gx, gy, 2, &o, order, &cost));
        assert_true(fabs((double)cost - EARTH_M * DEG) <= 1.0);
    }
    /* latitude beyond 90 degrees */
    {
        double gx[3] = {121.4, 121.5, 121.6}, gy[3] = {31.2, 90.5, 31.3};
        ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
        int64_t cost = 77;
        o.metric = CCAD_METRIC_GEO;
        fill_sentinel(order, 3);
        TU_FAIL(ctx, ccad_route_solve(ctx, gx, gy, 3, &o, order, &cost), CCAD_ERANGE);
        gy[1] = -90.001;
        TU_FAIL(ctx, ccad_route_solve(ctx, gx, gy, 3, &o, order, &cost), CCAD_ERANGE);
        assert_sentinel(order, 3);
        assert_int_equal(cost, 77);
        gy[1] = 90.0; /* the pole itself is fine */
        TU_PASS(ctx, ccad_route_solve(ctx, gx, gy, 3, &o, order, &cost));
        assert_tour(order, 3);
    }
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
}

/* ==== HOST ==== */

static int64_t host_cost(const struct travel_log *L, const uint32_t *order, size_t n, int closed)
{
    int64_t c = 0;
    size_t k;
    for (k = 0; k + 1 < n; k++)
        c += manhattan(L->x[order[k]], L->y[order[k]], L->x[order[k + 1]], L->y[order[k + 1]],
                       L->asymmetric);
    if (closed && n > 1)
        c += manhattan(L->x[order[n - 1]], L->y[order[n - 1]], L->x[order[0]], L->y[order[0]],
                       L->asymmetric);
    return c;
}

static void host_metric(void **state)
{
    static const size_t sizes[] = {1, 2, 5, 9, 13, 40};
    size_t s;
    (void)state;
    rng_seed(16);
    for (s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        int closed;
        for (closed = 0; closed <= 1; closed++) {
            struct travel_host u;
            struct travel_log L;
            ccad_ctx *ctx;
            double x[HMAX], y[HMAX];
            uint32_t order[HMAX];
            size_t n = sizes[s], i, j;
            ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
            int64_t cost = -1;
            memset(&L, 0, sizeof L);
            distinct_points(x, y, n, 100);
            L.x = x;
            L.y = y;
            L.n = n;
            ctx = new_host_ctx(&u, &L);
            o.metric = CCAD_METRIC_HOST;
            o.closed = closed;
            TU_PASS(ctx, ccad_route_solve(ctx, x, y, n, &o, order, &cost));
            assert_tour(order, n);
            assert_int_equal(cost, host_cost(&L, order, n, closed));
            /* every ordered pair of distinct points exactly once */
            assert_int_equal(L.calls, (long)(n * (n - 1)));
            assert_int_equal(L.bad_pair, 0);
            for (i = 0; i < n; i++)
                for (j = 0; j < n; j++)
                    assert_int_equal(L.seen[i][j], i == j ? 0 : 1);
            if (n <= 10) {
                int64_t *d = malloc(n * n * sizeof *d);
                assert_non_null(d);
                for (i = 0; i < n; i++)
                    for (j = 0; j < n; j++)
                        d[i * n + j] = manhattan(x[i], y[i], x[j], y[j], 0);
                assert_int_equal(cost, brute_force(d, n, closed));
                free(d);
            }
            ccad_ctx_free(ctx);
            assert_int_equal(u.al.live, 0);
        }
    }
}

static void host_errors(void **state)
{
    struct travel_host u;
    struct travel_log L;
    ccad_ctx *ctx;
    double x[HMAX], y[HMAX];
    uint32_t order[HMAX];
    (void)state;
    /* (the travel callback failing at each call in turn: faults_route_host.c,
     * in the fault census) */
    rng_seed(17);
    distinct_points(x, y, 5, 100);
    /* no travel callback */
    {
        tu_alloc al;
        ccad_host h;
        ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
        ctx = new_ctx(&al, &h);
        o.metric = CCAD_METRIC_HOST;
        fill_sentinel(order, 5);
        TU_FAIL(ctx, ccad_route_solve(ctx, x, y, 5, &o, order, NULL), CCAD_ENOTSUP);
        assert_sentinel(order, 5);
        ccad_ctx_free(ctx);
        assert_int_equal(al.live, 0);
    }
    /* at most 2048 points */
    {
        size_t n = 2049, i;
        double *bx = malloc(n * sizeof *bx), *by = malloc(n * sizeof *by);
        uint32_t *bo = malloc(n * sizeof *bo);
        ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
        int64_t cost = 0;
        assert_non_null(bx);
        assert_non_null(by);
        assert_non_null(bo);
        for (i = 0; i < n; i++) {
            bx[i] = (double)(i % 64);
            by[i] = (double)(i / 64);
        }
        memset(&L, 0, sizeof L);
        L.x = bx;
        L.y = by;
        L.n = n;
        ctx = new_host_ctx(&u, &L);
        o.metric = CCAD_METRIC_HOST;
        o.effort = 0;
        fill_sentinel(bo, n);
        TU_FAIL(ctx, ccad_route_solve(ctx, bx, by, n, &o, bo, &cost), CCAD_ERANGE);
        assert_sentinel(bo, n);
        assert_int_equal(L.calls, 0);
        /* 2048 is accepted */
        TU_PASS(ctx, ccad_route_solve(ctx, bx, by, 2048, &o, bo, &cost));
        assert_tour(bo, 2048);
        assert_int_equal(L.calls, 2048L * 2047L);
        assert_int_equal(cost, host_cost(&L, bo, 2048, 1));
        ccad_ctx_free(ctx);
        assert_int_equal(u.al.live, 0);
        free(bx);
        free(by);
        free(bo);
    }
}

/* Travel times differ by direction (one-way streets, hills): the cost of
 * the returned order, driven in the returned direction, must equal
 * out_cost, and the call must return. Run in a child process with a time
 * limit so that a hang fails this test instead of the whole suite. */
static int asymmetric_case(size_t n, int closed)
{
    struct travel_host u;
    struct travel_log L;
    ccad_ctx *ctx;
    double x[HMAX], y[HMAX];
    uint32_t order[HMAX];
    ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
    int64_t cost = -1;
    size_t k;
    unsigned char seen[HMAX] = {0};
    memset(&L, 0, sizeof L);
    rng_seed(18 + n);
    distinct_points(x, y, n, 100);
    L.x = x;
    L.y = y;
    L.n = n;
    L.asymmetric = 1;
    ctx = new_host_ctx(&u, &L);
    o.metric = CCAD_METRIC_HOST;
    o.closed = closed;
    if (ccad_route_solve(ctx, x, y, n, &o, order, &cost) != CCAD_OK)
        return 2;
    if (order[0] != 0)
        return 3;
    for (k = 0; k < n; k++) {
        if (order[k] >= n || seen[order[k]])
            return 3;
        seen[order[k]] = 1;
    }
    if (cost != host_cost(&L, order, n, closed))
        return 4;
    ccad_ctx_free(ctx);
    return u.al.live == 0 ? 0 : 5;
}

static void host_asymmetric(void **state)
{
    static const size_t sizes[] = {8, 13, 14, 30, 60};
    size_t s;
    (void)state;
    for (s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        int closed;
        for (closed = 0; closed <= 1; closed++) {
#ifdef TR_HAVE_FORK
            pid_t pid;
            int status = 0, waited = 0;
            fflush(NULL);
            pid = fork();
            assert_true(pid >= 0);
            if (pid == 0)
                _exit(asymmetric_case(sizes[s], closed));
            for (;;) {
                struct timespec ts = {0, 50000000L};
                pid_t r = waitpid(pid, &status, WNOHANG);
                assert_true(r >= 0);
                if (r == pid)
                    break;
                if (++waited > 10 * 20) { /* 10 s */
                    kill(pid, SIGKILL);
                    (void)waitpid(pid, &status, 0);
                    fail_msg("asymmetric travel times, %lu points, closed=%d: "
                             "ccad_route_solve did not return within 10 s",
                             (unsigned long)sizes[s], closed);
                }
                nanosleep(&ts, NULL);
            }
            assert_true(WIFEXITED(status));
            if (WEXITSTATUS(status) != 0)
                fail_msg("asymmetric travel times, %lu points, closed=%d: check %d failed "
                         "(2 = error code, 3 = not a permutation from 0, 4 = out_cost differs "
                         "from the directed cost of the order, 5 = leak)",
                         (unsigned long)sizes[s], closed, WEXITSTATUS(status));
#else
            assert_int_equal(asymmetric_case(sizes[s], closed), 0);
#endif
        }
    }
}

/* The plain Held-Karp of the exact solver as first written, with its tie
 * rules: each state keeps the first (lowest) predecessor of least cost and
 * the tour ends at the first (lowest) last stop of least cost. Gives the
 * order, so that a faster exact solver can be held to the very same tour
 * among equally short ones. */
static int64_t held_karp_order(const int64_t *d, size_t n, int closed, uint32_t *order)
{
    size_t m = n - 1, S, j, k, full, mask, last = 0;
    int64_t *g, best = INT64_MAX;
    unsigned char *from;
    order[0] = 0;
    if (m == 0)
        return 0;
    full = ((size_t)1 << m) - 1;
    g = malloc((full + 1) * m * sizeof *g);
    from = malloc((full + 1) * m);
    assert_non_null(g);
    assert_non_null(from);
    for (S = 1; S <= full; S++)
        for (j = 0; j < m; j++) {
            int64_t v = INT64_MAX;
            unsigned char f = 0;
            size_t rest = S & ~((size_t)1 << j);
            if (!(S & ((size_t)1 << j)))
                continue;
            if (rest == 0)
                v = d[j + 1];
            else
                for (k = 0; k < m; k++)
                    if (rest & ((size_t)1 << k)) {
                        int64_t w = g[rest * m + k] + d[(k + 1) * n + j + 1];
                        if (w < v) {
                            v = w;
                            f = (unsigned char)k;
                        }
                    }
            g[S * m + j] = v;
            from[S * m + j] = f;
        }
    for (j = 0; j < m; j++) {
        int64_t w = g[full * m + j] + (closed ? d[(j + 1) * n] : 0);
        if (w < best) {
            best = w;
            last = j;
        }
    }
    mask = full;
    for (k = m; k >= 1; k--) {
        size_t f = from[mask * m + last];
        order[k] = (uint32_t)(last + 1);
        mask &= ~((size_t)1 << last);
        last = f;
    }
    free(g);
    free(from);
    return best;
}

/* The library's great-circle cost, written the same way (unit vectors,
 * chord, arc) so that the matrices agree to the unit. */
static int64_t geo_edge(double lon1, double lat1, double lon2, double lat2)
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

/* Up to 12 stops the solver returns exactly the plain Held-Karp tour,
 * ties included: few distinct points on a small grid (many equal tours),
 * repeated points and points at the base, great-circle costs, and costs
 * beyond 2^31 (a tour that needs 64-bit sums) as well as small ones. */
static void exact_same_tour_as_plain_dp(void **state)
{
    tu_alloc al;
    ccad_host h;
    ccad_ctx *ctx = new_ctx(&al, &h);
    static const double scales[] = {1.0, 1e7, 3e5, 0.01};
    size_t stops;
    int cases = 0, wide = 0;
    (void)state;
    rng_seed(23);
    for (stops = 0; stops <= 12; stops++) {
        int inst, closed, per = stops <= 9 ? 24 : 8;
        for (inst = 0; inst < per; inst++)
            for (closed = 0; closed <= 1; closed++) {
                double x[16], y[16];
                uint32_t order[16], ref[16];
                size_t n = stops + 1, i, j;
                ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
                int64_t d[16 * 16], cost = -1, want;
                int kind = inst % 6;
                o.closed = closed;
                o.scale = scales[(inst / 6) % 4];
                if (kind == 0) {
                    random_points(x, y, n, 1000.0, 0);
                } else if (kind == 1) {
                    random_points(x, y, n, 4.0, 1); /* a 4 x 4 grid: many ties */
                } else if (kind == 2) {
                    random_points(x, y, n, 1000.0, 0);
                    for (i = 1; i < n; i++) /* repeated points, some at the base */
                        if (rng_next() % 3 == 0) {
                            size_t src = (size_t)(rng_next() % n);
                            x[i] = x[src];
                            y[i] = y[src];
                        }
                } else if (kind == 3) {
                    random_points(x, y, n, 3.0, 1);
                    x[0] = 1.0; /* the base in the middle of a 3 x 3 grid */
                    y[0] = 1.0;
                } else {
                    o.metric = CCAD_METRIC_GEO;
                    for (i = 0; i < n; i++) {
                        x[i] = 121.4 + (rng_unit() - 0.5) * (kind == 4 ? 0.3 : 100.0);
                        y[i] = 31.2 + (rng_unit() - 0.5) * (kind == 4 ? 0.3 : 100.0);
                        if (kind == 5 && i > 0 && rng_next() % 4 == 0) {
                            x[i] = x[0];
                            y[i] = y[0];
                        }
                    }
                }
                for (i = 0; i < n; i++)
                    for (j = 0; j < n; j++)
                        d[i * n + j] = o.metric == CCAD_METRIC_GEO
                                           ? (i == j ? 0 : geo_edge(x[i], y[i], x[j], y[j]))
                                           : planar_edge(x, y, i, j, o.scale);
                want = held_karp_order(d, n, closed, ref);
                TU_PASS(ctx, ccad_route_solve(ctx, x, y, n, &o, order, &cost));
                assert_int_equal(cost, want);
                assert_memory_equal(order, ref, n * sizeof *order);
                cases++;
                wide += want > INT32_MAX;
            }
    }
    /* directed travel times (one-way streets, hills) through the host */
    for (stops = 1; stops <= 12; stops++) {
        int inst, closed;
        for (inst = 0; inst < 4; inst++)
            for (closed = 0; closed <= 1; closed++) {
                struct travel_host u;
                struct travel_log L;
                ccad_ctx *hctx;
                double x[16], y[16];
                uint32_t order[16], ref[16];
                size_t n = stops + 1, i, j;
                ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
                int64_t d[16 * 16], cost = -1, want;
                memset(&L, 0, sizeof L);
                distinct_points(x, y, n, inst % 2 ? 100 : 6);
                L.x = x;
                L.y = y;
                L.n = n;
                L.asymmetric = inst >= 2;
                hctx = new_host_ctx(&u, &L);
                o.metric = CCAD_METRIC_HOST;
                o.closed = closed;
                for (i = 0; i < n; i++)
                    for (j = 0; j < n; j++)
                        d[i * n + j] = i == j ? 0 : manhattan(x[i], y[i], x[j], y[j], L.asymmetric);
                want = held_karp_order(d, n, closed, ref);
                TU_PASS(hctx, ccad_route_solve(hctx, x, y, n, &o, order, &cost));
                assert_int_equal(cost, want);
                assert_memory_equal(order, ref, n * sizeof *order);
                ccad_ctx_free(hctx);
                assert_int_equal(u.al.live, 0);
                cases++;
            }
    }
    print_message("route exact: %d instances with the plain DP's tour (%d beyond 2^31)\n", cases,
                  wide);
    assert_true(wide > 20);
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(geo_metric),
        cmocka_unit_test(host_metric),
        cmocka_unit_test(host_errors),
        cmocka_unit_test(host_asymmetric),
        cmocka_unit_test(exact_same_tour_as_plain_dp),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
