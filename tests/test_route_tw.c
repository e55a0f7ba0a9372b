/* Routes with time windows: ccad_route_solve_tw against brute force (1..9
 * stops: the same feasibility and optimum; infeasible: the same least
 * lateness), against branch and bound seeded with the answer (10..12
 * stops), the local search (13..60 stops) from feasible and infeasible
 * hints through ccad__tw_solve, determinism, the HOST metric and the
 * outcome of infeasible days. Error paths: test_route_tw_errors.c.
 * Helpers: tests/route_env_tw.h. */
#include "route_env_tw.h"

#include "../lib/internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void small_vs_bruteforce(void **state)
{
    tu_alloc al;
    ccad_ctx *ctx = tw_new_ctx(&al);
    int round, feasible = 0, infeasible = 0;
    (void)state;
    rseed(1);
    for (round = 0; round < 600; round++) {
        struct inst I;
        size_t n = 1 + (size_t)(round % 10);
        gen(&I, n, round % 3, 700 + (int32_t)rnd(400));
        if (check_exact(ctx, &I, 1) == CCAD_ERANGE)
            infeasible++;
        else
            feasible++;
    }
    print_message("tw brute force: %d feasible, %d infeasible\n", feasible, infeasible);
    assert_true(feasible > 100 && infeasible > 50);
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
}

static void medium_vs_branch_and_bound(void **state)
{
    tu_alloc al;
    ccad_ctx *ctx = tw_new_ctx(&al);
    int round;
    (void)state;
    rseed(2);
    for (round = 0; round < 24; round++) {
        struct inst I;
        size_t n = 11 + (size_t)(round % 3);
        if (round % 4 == 3) /* wide: the whole day, so the feasibility search stays small */
            gen(&I, n, 0, 1440);
        else
            gen(&I, n, 1 + round % 2, 900 + (int32_t)rnd(540));
        check_exact(ctx, &I, 0);
    }
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
}

static struct ccad__tw as_tw(const struct inst *I)
{
    struct ccad__tw p;
    p.n = I->n;
    p.exact_max = 0;
    p.minutes = I->mat;
    p.open = I->open;
    p.close = I->close;
    p.service = I->svc;
    p.start = I->start;
    p.end = I->end;
    return p;
}

/* Windows around a random order's times, so that order is feasible. */
static void gen_around(struct inst *I, size_t n, uint32_t *hint, int32_t slack)
{
    struct res r;
    size_t k;
    gen(I, n, 0, 1440);
    I->start = 60;
    for (k = 0; k < n; k++) { /* shorter legs: 60 stops fit a day */
        I->x[k] *= 0.4;
        I->y[k] *= 0.4;
    }
    make_matrix(I);
    for (k = 1; k < n; k++)
        I->svc[k] = 2 + (int32_t)rnd(5);
    for (k = 0; k < n; k++)
        hint[k] = (uint32_t)k;
    for (k = n - 1; k > 1; k--) {
        uint32_t j = 1 + rnd((uint32_t)k), t = hint[k];
        hint[k] = hint[j];
        hint[j] = t;
    }
    ref_eval(I, hint, &r);
    assert_true(r.back <= 1440);
    for (k = 1; k < n; k++) {
        int64_t o = r.starts[k] - (int64_t)rnd((uint32_t)slack + 1);
        int64_t c = r.starts[k] + I->svc[k] + (int64_t)rnd((uint32_t)slack + 1);
        I->open[k] = (int32_t)(o < 0 ? 0 : o);
        I->close[k] = (int32_t)(c > 1440 ? 1440 : c);
    }
    I->end = (int32_t)(r.back + rnd(30) > 1440 ? 1440 : r.back + rnd(30));
}

static void large_from_hint(void **state)
{
    tu_alloc al;
    ccad_ctx *ctx = tw_new_ctx(&al);
    int round, strictly = 0;
    (void)state;
    rseed(3);
    for (round = 0; round < 60; round++) {
        struct inst I;
        uint32_t hint[MAXP], order[MAXP], again[MAXP];
        int32_t back = -7, back2 = -7;
        struct res rh, ro;
        struct ccad__tw p;
        size_t n = 14 + (size_t)rnd(47);
        gen_around(&I, n, hint, round % 2 ? 10 : 120);
        if (round % 5 == 4) /* an infeasible hint: random windows */
            gen(&I, n, 1, 1440);
        p = as_tw(&I);
        ref_eval(&I, hint, &rh);
        TU_PASS(ctx, ccad__tw_solve(ctx, &p, hint, (uint64_t)round, order, &back));
        assert_perm(order, n);
        ref_eval(&I, order, &ro);
        if (rh.late == 0) {
            assert_int_equal(ro.late, 0);
            assert_int_equal(back, ro.back);
        }
        assert_true(ro.late < rh.late ||
                    (ro.late == rh.late &&
                     (ro.travel < rh.travel || (ro.travel == rh.travel && ro.back <= rh.back))));
        assert_int_equal(back, ro.late == 0 ? ro.back : -1);
        strictly += ro.travel < rh.travel || ro.late < rh.late;
        /* deterministic for the same input and seed; no hint works too */
        TU_PASS(ctx, ccad__tw_solve(ctx, &p, hint, (uint64_t)round, again, &back2));
        assert_memory_equal(order, again, n * sizeof *order);
        TU_PASS(ctx, ccad__tw_solve(ctx, &p, NULL, 9, again, &back2));
        assert_perm(again, n);
    }
    print_message("tw local search improved %d of 60 hints\n", strictly);
    assert_true(strictly > 30);
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
}

static void insertion_finds_feasible(void **state)
{
    tu_alloc al;
    ccad_ctx *ctx = tw_new_ctx(&al);
    int round, ok = 0;
    (void)state;
    rseed(4);
    for (round = 0; round < 40; round++) {
        struct inst I;
        uint32_t hint[MAXP], order[MAXP];
        int32_t starts[MAXP];
        int64_t cost;
        struct res r;
        gen_around(&I, 13 + (size_t)rnd(40), hint, 30);
        if (solve(ctx, &I, order, starts, &cost) == CCAD_OK) {
            ref_eval(&I, order, &r);
            assert_int_equal(r.late, 0);
            assert_int_equal(cost, r.travel);
            ok++;
        }
    }
    print_message("tw without a hint: feasible found for %d of 40 feasible days\n", ok);
    assert_true(ok >= 30);
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
}

static void determinism(void **state)
{
    tu_alloc al1, al2;
    ccad_ctx *c1 = tw_new_ctx(&al1), *c2 = tw_new_ctx(&al2);
    int round;
    (void)state;
    rseed(5);
    for (round = 0; round < 40; round++) {
        struct inst I;
        uint32_t o1[MAXP], o2[MAXP];
        int32_t s1[MAXP], s2[MAXP];
        int64_t k1, k2;
        int rc;
        /* duplicate points make ties */
        gen(&I, 4 + (size_t)(round % 9), round % 3, 1020);
        I.x[2] = I.x[1];
        I.y[2] = I.y[1];
        I.svc[2] = I.svc[1];
        make_matrix(&I);
        rc = solve(c1, &I, o1, s1, &k1);
        assert_int_equal(rc, solve(c2, &I, o2, s2, &k2));
        assert_memory_equal(o1, o2, I.n * sizeof *o1);
        assert_memory_equal(s1, s2, I.n * sizeof *s1);
        assert_int_equal(k1, k2);
        assert_int_equal(solve(c1, &I, o2, s2, &k2), rc);
        assert_memory_equal(o1, o2, I.n * sizeof *o1);
    }
    ccad_ctx_free(c1);
    ccad_ctx_free(c2);
}

static void one_point_and_defaults(void **state)
{
    tu_alloc al;
    ccad_ctx *ctx = tw_new_ctx(&al);
    double x[3] = {0, 3000, 0}, y[3] = {0, 4000, 0};
    uint32_t order[3];
    int32_t starts[3];
    int64_t cost = -1;
    (void)state;
    TU_PASS(ctx, ccad_route_solve_tw(ctx, x, y, 1, NULL, NULL, order, starts, &cost));
    assert_int_equal(order[0], 0);
    assert_int_equal(starts[0], 480);
    assert_int_equal(cost, 0);
    /* defaults: 500 units a minute, leave at 480: 5000 units = 10 minutes each way */
    TU_PASS(ctx, ccad_route_solve_tw(ctx, x, y, 3, NULL, NULL, order, starts, &cost));
    assert_int_equal(cost, 20);
    assert_int_equal(starts[0], 480);
    assert_int_equal(starts[order[1]], order[1] == 1 ? 490 : 480);
    TU_PASS(ctx, ccad_route_solve_tw(ctx, x, y, 2, NULL, NULL, order, NULL, NULL));
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
}

static void departure_waits_for_first_opening(void **state)
{
    tu_alloc al;
    ccad_ctx *ctx = tw_new_ctx(&al);
    double x[2] = {0, 5000}, y[2] = {0, 0};
    int32_t op[2] = {0, 600}, starts[2];
    uint32_t order[2];
    ccad_route_times t = CCAD_ROUTE_TIMES_INIT;
    (void)state;
    t.open_min = op;
    TU_PASS(ctx, ccad_route_solve_tw(ctx, x, y, 2, NULL, &t, order, starts, NULL));
    assert_int_equal(starts[0], 590);
    assert_int_equal(starts[1], 600);
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
}

/* ---- HOST ---- */

static void host_metric(void **state)
{
    struct host_user u;
    ccad_ctx *ctx;
    int round;
    (void)state;
    memset(&u, 0, sizeof u);
    ctx = host_ctx(&u);
    rseed(6);
    for (round = 0; round < 60; round++) {
        struct inst I;
        ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
        ccad_route_times t = CCAD_ROUTE_TIMES_INIT;
        uint32_t order[MAXP];
        int32_t starts[MAXP];
        int64_t cost;
        size_t i, j;
        struct res r;
        struct bf B;
        int rc;
        gen(&I, 2 + (size_t)(round % 8), round % 3, 800 + (int32_t)rnd(300));
        for (i = 0; i < I.n; i++)
            for (j = 0; j < I.n; j++)
                I.mat[i * I.n + j] = i == j
                                         ? 0
                                         : (int32_t)(fabs(I.x[i] - I.x[j]) + fabs(I.y[i] - I.y[j]) +
                                                     (I.y[j] > I.y[i] ? 7 : 0));
        o.metric = CCAD_METRIC_HOST;
        t.open_min = I.open;
        t.close_min = I.close;
        t.service_min = I.svc;
        t.end_min = I.end;
        t.units_per_minute = 0; /* ignored for HOST */
        u.calls = 0;
        rc = ccad_route_solve_tw(ctx, I.x, I.y, I.n, &o, &t, order, starts, &cost);
        assert_int_equal(u.calls, (long)(I.n * (I.n - 1)));
        ref_eval(&I, order, &r);
        assert_int_equal(cost, r.travel);
        brute(&B, &I, 0, NULL);
        assert_int_equal(rc, B.found ? CCAD_OK : CCAD_ERANGE);
        if (B.found) {
            assert_int_equal(r.travel, B.travel);
            assert_int_equal(r.back, B.back);
        }
    }
    ccad_ctx_free(ctx);
    assert_int_equal(u.al.live, 0);
}

/* ---- infeasible days ---- */

static void infeasible_outcome(void **state)
{
    tu_alloc al;
    ccad_ctx *ctx = tw_new_ctx(&al);
    struct inst I;
    uint32_t order[MAXP];
    int32_t starts[MAXP];
    int64_t cost = -1;
    struct res r;
    struct bf B;
    (void)state;
    rseed(7);
    /* a stop that closes before anyone can reach it */
    gen(&I, 6, 0, 1020);
    I.close[3] = 480;
    assert_int_equal(solve(ctx, &I, order, starts, &cost), CCAD_ERANGE);
    assert_non_null(strstr(ccad_ctx_errmsg(ctx), "point 3 cannot be served in time even alone"));
    assert_perm(order, I.n);
    ref_eval(&I, order, &r);
    brute(&B, &I, 1, NULL);
    assert_int_equal(r.late, B.late);
    assert_int_equal(cost, r.travel);
    /* two stops each possible alone, not together */
    gen(&I, 3, 0, 1020);
    I.open[1] = I.open[2] = 600;
    I.close[1] = I.close[2] = 640;
    I.svc[1] = I.svc[2] = 30;
    assert_int_equal(solve(ctx, &I, order, starts, &cost), CCAD_ERANGE);
    assert_non_null(strstr(ccad_ctx_errmsg(ctx), "of the least-late order"));
    ref_eval(&I, order, &r);
    brute(&B, &I, 1, NULL);
    assert_int_equal(r.late, B.late);
    /* only the day's end: each alone fits, both do not */
    gen(&I, 3, 0, 1020);
    I.svc[1] = I.svc[2] = 200;
    I.end = 480 + 300;
    I.x[1] = I.y[1] = 10;
    I.x[2] = I.y[2] = 20;
    I.x[0] = I.y[0] = 0;
    make_matrix(&I);
    assert_int_equal(solve(ctx, &I, order, starts, &cost), CCAD_ERANGE);
    assert_non_null(strstr(ccad_ctx_errmsg(ctx), "after end_min"));
    ref_eval(&I, order, &r);
    assert_int_equal(r.late, r.back - I.end);
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(small_vs_bruteforce),
        cmocka_unit_test(medium_vs_branch_and_bound),
        cmocka_unit_test(large_from_hint),
        cmocka_unit_test(insertion_finds_feasible),
        cmocka_unit_test(determinism),
        cmocka_unit_test(one_point_and_defaults),
        cmocka_unit_test(departure_waits_for_first_opening),
        cmocka_unit_test(host_metric),
        cmocka_unit_test(infeasible_outcome),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
