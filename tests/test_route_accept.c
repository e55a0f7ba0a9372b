/* The perturbation's acceptance rule (lib/route_perturb.c), property tests
 * over generated point sets (uniform and clustered, 40 to 1,500 points),
 * driving the internal search directly:
 *   - it ends on the best tour it saw: the cost it reports is the recomputed
 *     cost of its tour, never above the tour it started from, and never
 *     above what fewer rounds reach (the first rounds of a longer run are
 *     the shorter run, so a run that ended on a walk away from its best
 *     fails this), with the undo log empty and pos the inverse of the tour;
 *   - every shorter run is a prefix of a longer one, so the cost it ends on
 *     never rises as rounds are added;
 *   - it keeps worse rounds and restarts stalled walks up to 1,024 points
 *     and only there;
 *   - the same start and seed give the same tour, rounds kept and returns;
 *   - the rounds by size (ccad__route_rounds);
 *   - the restarts reach what long runs reach on tours of 100 points;
 *   - the neighbour costs the local search reads are the edge costs. */
#include "testutil.h"

#include "../lib/route_search.h"

#include <stdlib.h>
#include <string.h>

#define K CCAD__ROUTE_K

struct accept_case {
    ccad_ctx *ctx;
    double *x, *y, *xy;
    struct rt search;
};

static int64_t planar_cb(const void *user, uint32_t i, uint32_t j)
{
    const struct rt *search = user;
    return ccad__rt_dist(search, i, j);
}

static void gen_points(uint64_t *rng, int clustered, double *x, double *y, uint32_t n)
{
    double cx = 0, cy = 0;
    uint32_t i;
    for (i = 0; i < n; i++) {
        if (!clustered) {
            x[i] = (double)tu_rng_pick(rng, 0, 1000000) / 100.0;
            y[i] = (double)tu_rng_pick(rng, 0, 1000000) / 100.0;
            continue;
        }
        if (i % 25 == 0) { /* a tight cluster every 25 points, far apart */
            cx = (double)tu_rng_pick(rng, 0, 100000);
            cy = (double)tu_rng_pick(rng, 0, 100000);
        }
        x[i] = cx + (double)tu_rng_pick(rng, 0, 500) / 10.0;
        y[i] = cy + (double)tu_rng_pick(rng, 0, 500) / 10.0;
    }
}

/* A closed planar search over n generated points, its tour in generation
 * order after the local search: where the perturbation starts. */
static void case_open(struct accept_case *c, uint64_t seed, int clustered, uint32_t n)
{
    struct rt *s = &c->search;
    uint64_t rng = tu_rng_seed(seed);
    uint32_t i;
    memset(c, 0, sizeof *c);
    assert_int_equal(ccad_ctx_new(&c->ctx, NULL), CCAD_OK);
    c->x = malloc(n * sizeof *c->x);
    c->y = malloc(n * sizeof *c->y);
    c->xy = malloc(2 * (size_t)n * sizeof *c->xy);
    assert_non_null(c->x);
    assert_non_null(c->y);
    assert_non_null(c->xy);
    gen_points(&rng, clustered, c->x, c->y, n);
    for (i = 0; i < n; i++) {
        c->xy[2 * (size_t)i] = c->x[i];
        c->xy[2 * (size_t)i + 1] = c->y[i];
    }
    s->ctx = c->ctx;
    s->n = s->real = n;
    s->metric = CCAD_METRIC_PLANAR;
    s->scale = 1.0;
    s->x = c->x;
    s->y = c->y;
    s->k = K;
    s->t = malloc(n * sizeof *s->t);
    s->pos = malloc(n * sizeof *s->pos);
    s->neigh = malloc((size_t)n * K * sizeof *s->neigh);
    s->queue = malloc(n * sizeof *s->queue);
    s->queued = calloc(n, 1);
    assert_true(s->t && s->pos && s->neigh && s->queue && s->queued);
    assert_int_equal(
        ccad__route_neighbours(c->ctx, c->xy, 2, 1.0, planar_cb, s, n, K, 2, s->neigh, K), CCAD_OK);
    assert_int_equal(ccad__rt_neighbour_costs(s), CCAD_OK);
    for (i = 0; i < n; i++) {
        s->t[i] = s->pos[i] = i;
        s->cost += ccad__rt_dist(s, i, (i + 1) % n);
        ccad__rt_push(s, i);
    }
    assert_int_equal(ccad__rt_local_search(s), CCAD_OK);
}

static void case_close(struct accept_case *c)
{
    ccad__free(c->ctx, c->search.log);
    ccad__free(c->ctx, c->search.ncost);
    free(c->search.t);
    free(c->search.pos);
    free(c->search.neigh);
    free(c->search.queue);
    free(c->search.queued);
    free(c->x);
    free(c->y);
    free(c->xy);
    ccad_ctx_free(c->ctx);
}

static int64_t tour_cost(const struct rt *s)
{
    int64_t total = 0;
    uint32_t i;
    for (i = 0; i < s->n; i++) {
        assert_int_equal(s->pos[s->t[i]], i);
        total += ccad__rt_dist(s, s->t[i], s->t[(i + 1) % s->n]);
    }
    return total;
}

/* The perturbation from the case's start: rounds, the resulting tour into
 * tour (n points) and the search state left in *out. */
static void perturb_from_start(uint64_t seed, int clustered, uint32_t n, uint64_t rounds,
                               uint32_t *tour, struct rt *out, int64_t *start_cost)
{
    struct accept_case c;
    case_open(&c, seed, clustered, n);
    *start_cost = c.search.cost;
    assert_int_equal(ccad__rt_perturb(&c.search, seed * 7 + 1, rounds), CCAD_OK);
    assert_int_equal(c.search.nlog, 0);
    assert_int_equal(c.search.logging, 0);
    assert_int_equal(tour_cost(&c.search), c.search.cost);
    memcpy(tour, c.search.t, n * sizeof *tour);
    *out = c.search;
    case_close(&c);
}

static void ends_on_best_tour(void **state)
{
    static const uint32_t sizes[] = {40, 120, 400, 1100};
    /* CCAD_TEST_LIGHT (tests/valgrind.sh sets it): fewer rounds on the two
     * larger sizes */
    uint64_t large_rounds = getenv("CCAD_TEST_LIGHT") != NULL ? 300 : 1200;
    unsigned si, clustered;
    uint64_t kept_small = 0, kept_large = 0, returns = 0, restarts_small = 0, restarts_large = 0;
    (void)state;
    for (si = 0; si < sizeof sizes / sizeof *sizes; si++)
        for (clustered = 0; clustered < 2; clustered++) {
            uint32_t n = sizes[si], *full = malloc(n * sizeof *full), *part;
            uint64_t seed = 100 + si * 2 + clustered,
                     rounds = n < 200 ? 20 * (uint64_t)n : large_rounds;
            struct rt a, b;
            int64_t start, again;
            part = malloc(n * sizeof *part);
            assert_non_null(full);
            assert_non_null(part);
            perturb_from_start(seed, (int)clustered, n, rounds, full, &a, &start);
            assert_true(a.cost <= start);
            /* fewer rounds are a prefix of the run: never shorter */
            perturb_from_start(seed, (int)clustered, n, rounds / 3, part, &b, &again);
            assert_int_equal(again, start);
            assert_true(a.cost <= b.cost);
            /* the same run again: the same tour and the same walk */
            perturb_from_start(seed, (int)clustered, n, rounds, part, &b, &again);
            assert_memory_equal(full, part, n * sizeof *full);
            assert_int_equal(a.cost, b.cost);
            assert_int_equal(a.kept_worse, b.kept_worse);
            assert_int_equal(a.returns, b.returns);
            assert_int_equal(a.restarts, b.restarts);
            if (n <= 1024) {
                kept_small += a.kept_worse;
                restarts_small += a.restarts;
            } else {
                kept_large += a.kept_worse;
                restarts_large += a.restarts;
            }
            returns += a.returns;
            free(full);
            free(part);
        }
    assert_true(kept_small > 0); /* the rule is at work on small tours */
    /* walks that lead nowhere end: back to the best tour, or restarted */
    assert_true(returns + restarts_small > 0);
    assert_int_equal(kept_large, 0);
    assert_true(restarts_small > 0); /* stalled walks restart on small tours */
    assert_int_equal(restarts_large, 0);
}

/* Every round count of a run from 1 up is a prefix of the longer runs:
 * ending on the best tour seen, the cost can only fall as rounds are
 * added. A search that ended on a walk above its best (worse rounds are
 * kept all along on these small tours) rises somewhere. */
static void best_never_rises_with_rounds(void **state)
{
    static const uint32_t sizes[] = {30, 50};
    unsigned si, clustered;
    /* CCAD_TEST_LIGHT: the smaller size only, from 6n rounds */
    int light = getenv("CCAD_TEST_LIGHT") != NULL;
    uint64_t walked = 0, from = light ? 6 : 4; /* x n rounds */
    (void)state;
    for (si = 0; si < (light ? 1u : 2u); si++)
        for (clustered = 0; clustered < 2; clustered++) {
            uint32_t n = sizes[si], *tour = malloc(n * sizeof *tour);
            uint64_t seed = 300 + si * 2 + clustered, rounds;
            int64_t last = INT64_MAX, start;
            struct rt s;
            assert_non_null(tour);
            for (rounds = from * n; rounds <= 7 * (uint64_t)n; rounds++) {
                perturb_from_start(seed, (int)clustered, n, rounds, tour, &s, &start);
                assert_true(s.cost <= last);
                last = s.cost;
                walked += s.kept_worse;
            }
            free(tour);
        }
    assert_true(walked > 0);
}

/* The restarts reach what long runs reach: on 30 generated tours of 100
 * points (uniform), the default effort ends exactly on the best of two
 * runs at five times the effort, every time. Restarts from three kicks
 * missed on one of them (on 4 of the first 60 such tours, and on kroE100
 * and kroB150 of TSPLIB); ten kicks miss none. CCAD_TEST_LIGHT (tests/valgrind.sh sets
 * it): the first tour only (the memory checks need no more). */
static void restarts_reach_long_runs(void **state)
{
    enum { POINTS = 100, TOURS = 30 };
    uint64_t tours = getenv("CCAD_TEST_LIGHT") != NULL ? 1 : TOURS, i;
    ccad_ctx *ctx;
    (void)state;
    assert_int_equal(ccad_ctx_new(&ctx, NULL), CCAD_OK);
    for (i = 0; i < tours; i++) {
        uint64_t rng = tu_rng_seed(1000 + i), seed;
        double x[POINTS], y[POINTS];
        uint32_t order[POINTS], p;
        int64_t at_default, long_best = INT64_MAX, cost;
        ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
        for (p = 0; p < POINTS; p++) {
            x[p] = (double)tu_rng_pick(&rng, 0, 10000);
            y[p] = (double)tu_rng_pick(&rng, 0, 10000);
        }
        TU_PASS(ctx, ccad_route_solve(ctx, x, y, POINTS, &o, order, &at_default));
        o.effort *= 5;
        for (seed = 1; seed <= 2; seed++) {
            o.seed = seed;
            TU_PASS(ctx, ccad_route_solve(ctx, x, y, POINTS, &o, order, &cost));
            if (cost < long_best)
                long_best = cost;
        }
        if (at_default != long_best)
            fail_msg("tour %llu: default effort %lld, long runs %lld", (unsigned long long)i,
                     (long long)at_default, (long long)long_best);
    }
    ccad_ctx_free(ctx);
}

/* The neighbour costs the local search reads are the search's costs of the
 * listed edges, slot by slot, and stay so through the perturbation. */
static void neighbour_costs_are_edge_costs(void **state)
{
    struct accept_case c;
    uint32_t a, m;
    (void)state;
    case_open(&c, 7, 1, 300);
    assert_int_equal(ccad__rt_perturb(&c.search, 3, 600), CCAD_OK);
    for (a = 0; a < c.search.n; a++)
        for (m = 0; m < c.search.k; m++) {
            size_t slot = (size_t)a * K + m;
            assert_int_equal(c.search.ncost[slot],
                             ccad__rt_dist(&c.search, a, c.search.neigh[slot]));
        }
    case_close(&c);
}

/* The share of effort x n rounds by size (lib/routes.h): a fifth up to
 * 30 stops, all of it from 31 to 1,024 stops, three fifths beyond. */
static void rounds_by_size(void **state)
{
    (void)state;
    assert_int_equal(ccad__route_rounds(20, 31, 31), 124);
    assert_int_equal(ccad__route_rounds(20, 32, 32), 640);
    assert_int_equal(ccad__route_rounds(20, 1025, 1024), 20500);
    assert_int_equal(ccad__route_rounds(20, 1025, 1025), 12300);
    assert_int_equal(ccad__route_rounds(20, 6000, 6000), 72000);
    assert_int_equal(ccad__route_rounds(20, 100001, 100000), 1200012);
    assert_int_equal(ccad__route_rounds(0, 5000, 5000), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ends_on_best_tour),
        cmocka_unit_test(best_never_rises_with_rounds),
        cmocka_unit_test(rounds_by_size),
        cmocka_unit_test(restarts_reach_long_runs),
        cmocka_unit_test(neighbour_costs_are_edge_costs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
