/* Fault census cases: the route solvers: ccad_route_solve and ccad_route_solve_tw over every metric.
 * tests/test_faults.c runs every case of the table at the end (faults_cases.h). */
#include "faults_cases.h"

#include <stdlib.h>
#include <string.h>

static int route_run(world *w, uint64_t *digest, size_t n, int metric, int closed)
{
    double x[64], y[64];
    uint32_t order[64];
    int64_t cost = -77;
    ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
    size_t i;
    int rc;
    assert_true(n <= 64);
    for (i = 0; i < n; i++) {
        x[i] = (double)((i * 37) % 23) - 11.0 + (double)i * 0.01;
        y[i] = (double)((i * 53) % 29) - 14.0;
    }
    o.metric = metric;
    o.closed = closed;
    o.effort = 3;
    for (i = 0; i < n; i++)
        order[i] = 0xdeadbeefu;
    rc = ccad_route_solve(w->ctx, x, y, n, &o, order, &cost);
    settle(w);
    if (rc != CCAD_OK) {
        for (i = 0; i < n; i++)
            assert_int_equal(order[i], 0xdeadbeefu);
        assert_int_equal(cost, -77);
        return rc;
    }
    *digest = mix(UINT64_C(1469598103934665603), (uint64_t)cost);
    for (i = 0; i < n; i++)
        *digest = mix(*digest, order[i]);
    return rc;
}

static int run_route_exact_planar(world *w, uint64_t *d)
{
    return route_run(w, d, 10, CCAD_METRIC_PLANAR, 1);
}
static int run_route_exact_open(world *w, uint64_t *d)
{
    return route_run(w, d, 13, CCAD_METRIC_PLANAR, 0);
}
static int run_route_heur_planar(world *w, uint64_t *d)
{
    return route_run(w, d, 60, CCAD_METRIC_PLANAR, 1);
}
static int run_route_heur_open(world *w, uint64_t *d)
{
    return route_run(w, d, 40, CCAD_METRIC_PLANAR, 0);
}
static int run_route_exact_geo(world *w, uint64_t *d)
{
    return route_run(w, d, 9, CCAD_METRIC_GEO, 1);
}
static int run_route_heur_geo(world *w, uint64_t *d)
{
    return route_run(w, d, 30, CCAD_METRIC_GEO, 1);
}
static int run_route_exact_host(world *w, uint64_t *d)
{
    return route_run(w, d, 6, CCAD_METRIC_HOST, 1);
}
static int run_route_heur_host(world *w, uint64_t *d)
{
    return route_run(w, d, 15, CCAD_METRIC_HOST, 0);
}
/* route-small: 13 stops through the distance table (route_dist.c) */
static int run_route_small_geo(world *w, uint64_t *d)
{
    return route_run(w, d, 14, CCAD_METRIC_GEO, 0);
}

/* Time windows: every odd stop 09:00-15:00, 10 minutes of service each. */
static int route_tw_run(world *w, uint64_t *digest, size_t n, int metric)
{
    double x[64], y[64];
    uint32_t order[64];
    int32_t starts[64], open[64], close[64], svc[64];
    int64_t cost = -77;
    ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
    ccad_route_times t = CCAD_ROUTE_TIMES_INIT;
    size_t i;
    int rc;
    assert_true(n <= 64);
    for (i = 0; i < n; i++) {
        double unit = metric == CCAD_METRIC_GEO ? 0.002 : metric == CCAD_METRIC_HOST ? 1.0 : 400.0;
        x[i] = (double)((i * 37) % 23) * unit;
        y[i] = (double)((i * 53) % 29) * unit;
        open[i] = i % 2 ? 540 : 0;
        close[i] = i % 2 ? 900 : 1440;
        svc[i] = 10;
        order[i] = 0xdeadbeefu;
        starts[i] = -77;
    }
    o.metric = metric;
    t.open_min = open;
    t.close_min = close;
    t.service_min = svc;
    t.end_min = 1440;
    rc = ccad_route_solve_tw(w->ctx, x, y, n, &o, &t, order, starts, &cost);
    settle(w);
    if (rc != CCAD_OK) {
        for (i = 0; i < n; i++) {
            assert_int_equal(order[i], 0xdeadbeefu);
            assert_int_equal(starts[i], -77);
        }
        assert_int_equal(cost, -77);
        return rc;
    }
    *digest = mix(UINT64_C(1469598103934665603), (uint64_t)cost);
    for (i = 0; i < n; i++)
        *digest = mix(mix(*digest, order[i]), (uint64_t)starts[i]);
    return rc;
}

static int run_route_tw_exact(world *w, uint64_t *d)
{
    return route_tw_run(w, d, 9, CCAD_METRIC_PLANAR);
}
static int run_route_tw_search(world *w, uint64_t *d)
{
    return route_tw_run(w, d, 25, CCAD_METRIC_GEO);
}
static int run_route_tw_host(world *w, uint64_t *d)
{
    return route_tw_run(w, d, 7, CCAD_METRIC_HOST);
}

static const fcase cases[] = {
    {"ccad_route_solve:exact-planar", "ccad_route_solve", run_route_exact_planar, 0, 0},
    {"ccad_route_solve:exact-planar-open", "ccad_route_solve", run_route_exact_open, 0, 0},
    {"ccad_route_solve:heuristic-planar", "ccad_route_solve", run_route_heur_planar, 0, 0},
    {"ccad_route_solve:heuristic-planar-open", "ccad_route_solve", run_route_heur_open, 0, 0},
    {"ccad_route_solve:exact-geo", "ccad_route_solve", run_route_exact_geo, 0, 0},
    {"ccad_route_solve:heuristic-geo", "ccad_route_solve", run_route_heur_geo, 0, 0},
    {"ccad_route_solve:small-table-geo-open", "ccad_route_solve", run_route_small_geo, 0, 0},
    {"ccad_route_solve:exact-host", "ccad_route_solve", run_route_exact_host, 0, 0},
    {"ccad_route_solve:heuristic-host-open", "ccad_route_solve", run_route_heur_host, 0, 0},
    {"ccad_route_solve_tw:exact-planar", "ccad_route_solve_tw", run_route_tw_exact, 0, 0},
    {"ccad_route_solve_tw:search-geo", "ccad_route_solve_tw", run_route_tw_search, 0, 0},
    {"ccad_route_solve_tw:exact-host", "ccad_route_solve_tw", run_route_tw_host, 0, 0},
};
const fcase_table faults_cases_route = {cases, sizeof cases / sizeof cases[0]};
