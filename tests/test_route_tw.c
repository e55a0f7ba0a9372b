/* Routes with time windows: ccad_route_solve_tw against brute force (1..9
 * stops: the same feasibility and optimum; infeasible: the same least
 * lateness), against branch and bound seeded with the answer (10..12
 * stops), the local search (13..60 stops) from feasible and infeasible
 * hints through ccad__tw_solve, determinism, the HOST metric, every error
 * path, and the outcome of infeasible days. Minutes, times and lateness are
 * recomputed here from the documented formulas: a PLANAR leg is
 * ceil(nint(distance x scale) / units_per_minute); service starts at
 * max(arrival, open) and must end by close; the return must be by end. */
#include "testutil.h"

#include "../lib/internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXP 64
#define SENT 0x5Au

/* ---- the seeded generator (tu_rng.h) on one state for the whole file ---- */

static uint64_t rs;
static void rseed(uint64_t s) { rs = tu_rng_seed(s); }
static uint32_t rnd(uint32_t below) { return (uint32_t)(tu_rng_next(&rs) % below); }

/* ---- instances and their independent evaluation ---- */

struct inst {
    size_t n;
    double x[MAXP], y[MAXP];
    int32_t open[MAXP], close[MAXP], svc[MAXP];
    int32_t start, end;
    double upm;
    int32_t mat[MAXP * MAXP];
};

static int32_t ref_leg(const struct inst *I, size_t i, size_t j)
{
    double dx = I->x[i] - I->x[j], dy = I->y[i] - I->y[j];
    double cost = floor(sqrt(dx * dx + dy * dy) + 0.5), m = cost / I->upm;
    return m > 100000.0 ? 100000 : (int32_t)ceil(m);
}

static void make_matrix(struct inst *I)
{
    size_t i, j;
    for (i = 0; i < I->n; i++)
        for (j = 0; j < I->n; j++)
            I->mat[i * I->n + j] = i == j ? 0 : ref_leg(I, i, j);
}

struct res {
    int64_t late, travel, back;
    int64_t starts[MAXP];
};

static void ref_eval(const struct inst *I, const uint32_t *order, struct res *r)
{
    int64_t t = I->start;
    size_t k;
    r->late = r->travel = 0;
    for (k = 1; k < I->n; k++) {
        uint32_t a = order[k - 1], b = order[k];
        int64_t d = I->mat[a * I->n + b], s;
        r->travel += d;
        s = t + d > I->open[b] ? t + d : I->open[b];
        r->starts[b] = s;
        t = s + I->svc[b];
        if (t > I->close[b])
            r->late += t - I->close[b];
    }
    t += I->mat[order[I->n - 1] * I->n];
    r->travel += I->mat[order[I->n - 1] * I->n];
    r->back = t;
    if (t > I->end)
        r->late += t - I->end;
}

/* windows: 0 none, 1 tight, 2 half the stops tight */
static void gen(struct inst *I, size_t n, int windows, int32_t end)
{
    size_t i;
    memset(I, 0, sizeof *I);
    I->n = n;
    I->start = 480;
    I->end = end;
    I->upm = 1.0;
    for (i = 0; i < n; i++) {
        I->x[i] = rnd(40);
        I->y[i] = rnd(40);
        I->open[i] = 0;
        I->close[i] = 1440;
        I->svc[i] = i == 0 ? 0 : 5 + (int32_t)rnd(26);
        if (i > 0 && (windows == 1 || (windows == 2 && rnd(2)))) {
            I->open[i] = 480 + (int32_t)rnd(400);
            I->close[i] = I->open[i] + I->svc[i] + 20 + (int32_t)rnd(120);
            if (I->close[i] > 1440)
                I->close[i] = 1440;
        }
    }
    make_matrix(I);
}

static int solve(ccad_ctx *ctx, const struct inst *I, uint32_t *order, int32_t *starts,
                 int64_t *cost)
{
    ccad_route_times t = CCAD_ROUTE_TIMES_INIT;
    t.open_min = I->open;
    t.close_min = I->close;
    t.service_min = I->svc;
    t.start_min = I->start;
    t.end_min = I->end;
    t.units_per_minute = I->upm;
    return ccad_route_solve_tw(ctx, I->x, I->y, I->n, NULL, &t, order, starts, cost);
}

static void assert_perm(const uint32_t *order, size_t n)
{
    unsigned char seen[MAXP] = {0};
    size_t k;
    assert_int_equal(order[0], 0);
    for (k = 0; k < n; k++) {
        assert_true(order[k] < n);
        assert_false(seen[order[k]]);
        seen[order[k]] = 1;
    }
}

/* ---- brute force / branch and bound ---- */

struct bf {
    const struct inst *I;
    int late_mode;     /* 0: feasible orders by (travel, back); 1: by (late, travel, back) */
    int found;
    int64_t late, travel, back;
    int64_t minin[MAXP]; /* cheapest leg into each point */
    unsigned char used[MAXP];
};

static int better(const struct bf *B, int64_t late, int64_t travel, int64_t back)
{
    if (!B->found)
        return 1;
    if (late != B->late)
        return late < B->late;
    if (travel != B->travel)
        return travel < B->travel;
    return back < B->back;
}

static void bf_rec(struct bf *B, size_t depth, uint32_t prev, int64_t t, int64_t late,
                   int64_t trav, int64_t lb_rest)
{
    const struct inst *I = B->I;
    size_t n = I->n;
    uint32_t k;
    if (depth == n) {
        int64_t d = I->mat[prev * n], back = t + d;
        int64_t L = late + (back > I->end ? back - I->end : 0);
        if ((B->late_mode || L == 0) && better(B, L, trav + d, back)) {
            B->found = 1;
            B->late = L;
            B->travel = trav + d;
            B->back = back;
        }
        return;
    }
    for (k = 1; k < n; k++) {
        int64_t d, s, f, l2;
        if (B->used[k])
            continue;
        d = I->mat[prev * n + k];
        s = t + d > I->open[k] ? t + d : I->open[k];
        f = s + I->svc[k];
        l2 = late + (f > I->close[k] ? f - I->close[k] : 0);
        if (!B->late_mode && (l2 > 0 || f > I->end))
            continue;
        if (!B->late_mode && B->found && trav + d + lb_rest - B->minin[k] > B->travel)
            continue;
        if (B->late_mode && B->found && l2 > B->late)
            continue;
        B->used[k] = 1;
        bf_rec(B, depth + 1, k, f, l2, trav + d, lb_rest - B->minin[k]);
        B->used[k] = 0;
    }
}

/* The best by brute force; `seed_*` (found = 1) starts branch and bound from a known order. */
static void brute(struct bf *B, const struct inst *I, int late_mode, const struct res *seed)
{
    size_t i, j;
    int64_t lb = 0;
    memset(B, 0, sizeof *B);
    B->I = I;
    B->late_mode = late_mode;
    for (j = 0; j < I->n; j++) {
        B->minin[j] = INT64_MAX;
        for (i = 0; i < I->n; i++)
            if (i != j && I->mat[i * I->n + j] < B->minin[j])
                B->minin[j] = I->mat[i * I->n + j];
        if (I->n == 1)
            B->minin[j] = 0;
        lb += B->minin[j];
    }
    if (seed != NULL) {
        B->found = 1;
        B->late = seed->late;
        B->travel = seed->travel;
        B->back = seed->back;
    }
    B->used[0] = 1;
    bf_rec(B, 1, 0, I->start, 0, 0, lb);
}

static ccad_ctx *new_ctx(tu_alloc *al)
{
    ccad_host h = tu_host(al);
    ccad_ctx *ctx = NULL;
    memset(al, 0, sizeof *al);
    assert_int_equal(ccad_ctx_new(&ctx, &h), CCAD_OK);
    return ctx;
}

/* Checks one solved instance against brute force (or branch and bound). */
static int check_exact(ccad_ctx *ctx, const struct inst *I, int full_brute)
{
    uint32_t order[MAXP];
    int32_t starts[MAXP];
    int64_t cost = -1;
    struct res r;
    struct bf B;
    size_t k;
    int rc = solve(ctx, I, order, starts, &cost);
    assert_true(rc == CCAD_OK || rc == CCAD_ERANGE);
    assert_perm(order, I->n);
    ref_eval(I, order, &r);
    assert_int_equal(cost, r.travel);
    for (k = 1; k < I->n; k++)
        assert_int_equal(starts[order[k]], r.starts[order[k]]);
    assert_true(starts[0] >= I->start);
    brute(&B, I, 0, full_brute || rc != CCAD_OK ? NULL : &r);
    if (rc == CCAD_OK) {
        assert_int_equal(r.late, 0);
        /* branch and bound from the answer finds nothing strictly better */
        assert_int_equal(B.travel, r.travel);
        assert_int_equal(B.back, r.back);
        return rc;
    }
    assert_false(B.found);
    assert_true(r.late > 0);
    assert_non_null(strstr(ccad_ctx_errmsg(ctx), "no feasible order"));
    brute(&B, I, 1, full_brute ? NULL : &r); /* the least lateness (not the travel among those) */
    assert_int_equal(B.late, r.late);
    return rc;
}

static void small_vs_bruteforce(void **state)
{
    tu_alloc al;
    ccad_ctx *ctx = new_ctx(&al);
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
    ccad_ctx *ctx = new_ctx(&al);
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
    ccad_ctx *ctx = new_ctx(&al);
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
        assert_int_equal(ccad__tw_solve(ctx, &p, hint, (uint64_t)round, order, &back), CCAD_OK);
        assert_perm(order, n);
        ref_eval(&I, order, &ro);
        if (rh.late == 0) {
            assert_int_equal(ro.late, 0);
            assert_int_equal(back, ro.back);
        }
        assert_true(ro.late < rh.late || (ro.late == rh.late && (ro.travel < rh.travel ||
                                          (ro.travel == rh.travel && ro.back <= rh.back))));
        assert_int_equal(back, ro.late == 0 ? ro.back : -1);
        strictly += ro.travel < rh.travel || ro.late < rh.late;
        /* deterministic for the same input and seed; no hint works too */
        assert_int_equal(ccad__tw_solve(ctx, &p, hint, (uint64_t)round, again, &back2), CCAD_OK);
        assert_memory_equal(order, again, n * sizeof *order);
        assert_int_equal(ccad__tw_solve(ctx, &p, NULL, 9, again, &back2), CCAD_OK);
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
    ccad_ctx *ctx = new_ctx(&al);
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
    ccad_ctx *c1 = new_ctx(&al1), *c2 = new_ctx(&al2);
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
    ccad_ctx *ctx = new_ctx(&al);
    double x[3] = {0, 3000, 0}, y[3] = {0, 4000, 0};
    uint32_t order[3];
    int32_t starts[3];
    int64_t cost = -1;
    (void)state;
    assert_int_equal(ccad_route_solve_tw(ctx, x, y, 1, NULL, NULL, order, starts, &cost), CCAD_OK);
    assert_int_equal(order[0], 0);
    assert_int_equal(starts[0], 480);
    assert_int_equal(cost, 0);
    /* defaults: 500 units a minute, leave at 480: 5000 units = 10 minutes each way */
    assert_int_equal(ccad_route_solve_tw(ctx, x, y, 3, NULL, NULL, order, starts, &cost), CCAD_OK);
    assert_int_equal(cost, 20);
    assert_int_equal(starts[0], 480);
    assert_int_equal(starts[order[1]], order[1] == 1 ? 490 : 480);
    assert_int_equal(ccad_route_solve_tw(ctx, x, y, 2, NULL, NULL, order, NULL, NULL), CCAD_OK);
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
}

static void departure_waits_for_first_opening(void **state)
{
    tu_alloc al;
    ccad_ctx *ctx = new_ctx(&al);
    double x[2] = {0, 5000}, y[2] = {0, 0};
    int32_t op[2] = {0, 600}, starts[2];
    uint32_t order[2];
    ccad_route_times t = CCAD_ROUTE_TIMES_INIT;
    (void)state;
    t.open_min = op;
    assert_int_equal(ccad_route_solve_tw(ctx, x, y, 2, NULL, &t, order, starts, NULL), CCAD_OK);
    assert_int_equal(starts[0], 590);
    assert_int_equal(starts[1], 600);
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
}

/* ---- HOST ---- */

struct host_user {
    tu_alloc al;
    const struct inst *I;
    long calls, fail_at;
};

static int travel_cb(void *user, double fx, double fy, double tx, double ty, int32_t *out)
{
    struct host_user *u = user;
    if (++u->calls == u->fail_at)
        return 1;
    /* Manhattan, and 7 more when going up: directed times */
    *out = (int32_t)(fabs(fx - tx) + fabs(fy - ty) + (ty > fy ? 7 : 0));
    return 0;
}

static ccad_ctx *host_ctx(struct host_user *u)
{
    ccad_host h = tu_host(&u->al);
    ccad_ctx *ctx = NULL;
    h.user = u;
    h.travel = travel_cb;
    assert_int_equal(ccad_ctx_new(&ctx, &h), CCAD_OK);
    return ctx;
}

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
                I.mat[i * I.n + j] = i == j ? 0 : (int32_t)(fabs(I.x[i] - I.x[j]) + fabs(I.y[i] - I.y[j]) + (I.y[j] > I.y[i] ? 7 : 0));
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
    ccad_ctx *ctx = new_ctx(&al);
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

/* ---- errors: each case changes nothing ---- */

static double big_x[CCAD_ROUTE_TW_MAX_POINTS + 1], big_y[CCAD_ROUTE_TW_MAX_POINTS + 1];

struct errfix {
    tu_alloc al;
    ccad_ctx *ctx, *use;
    double x[4], y[4];
    const double *px, *py;
    size_t n;
    ccad_route_options o;
    const ccad_route_options *po;
    ccad_route_times t;
    const ccad_route_times *pt;
    int32_t open[4], close[4], svc[4];
    uint32_t order[4], *porder;
    int32_t starts[4];
    int64_t cost;
};

static void err_begin(struct errfix *F)
{
    size_t i;
    ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
    ccad_route_times t = CCAD_ROUTE_TIMES_INIT;
    memset(F, 0, sizeof *F);
    F->ctx = F->use = new_ctx(&F->al);
    for (i = 0; i < 4; i++) {
        F->x[i] = (double)i * 1000;
        F->y[i] = 0;
        F->open[i] = 500;
        F->close[i] = 900;
        F->svc[i] = 10;
    }
    F->px = F->x;
    F->py = F->y;
    F->n = 4;
    F->o = o;
    F->po = &F->o;
    F->t = t;
    F->t.open_min = F->open;
    F->t.close_min = F->close;
    F->t.service_min = F->svc;
    F->pt = &F->t;
    F->porder = F->order;
    memset(F->order, SENT, sizeof F->order);
    memset(F->starts, SENT, sizeof F->starts);
    F->cost = -99;
}

static void err_check(struct errfix *F, int code)
{
    uint32_t so[4];
    int32_t ss[4];
    if (F->use != NULL) {
        TU_FAIL(F->ctx, ccad_route_solve_tw(F->use, F->px, F->py, F->n, F->po, F->pt, F->porder,
                                            F->starts, &F->cost),
                code);
    } else {
        assert_int_equal(ccad_route_solve_tw(NULL, F->px, F->py, F->n, F->po, F->pt, F->porder,
                                             F->starts, &F->cost),
                         code);
    }
    memset(so, SENT, sizeof so);
    memset(ss, SENT, sizeof ss);
    assert_memory_equal(F->order, so, sizeof so);
    assert_memory_equal(F->starts, ss, sizeof ss);
    assert_int_equal(F->cost, -99);
    ccad_ctx_free(F->ctx);
    assert_int_equal(F->al.live, 0);
}

#define ERR_CASE(name, code, setup)                                                          \
    static void name(void **state)                                                           \
    {                                                                                        \
        struct errfix F;                                                                     \
        (void)state;                                                                         \
        err_begin(&F);                                                                       \
        setup;                                                                               \
        err_check(&F, code);                                                                 \
    }

ERR_CASE(err_null_ctx, CCAD_EINVAL, F.use = NULL)
ERR_CASE(err_null_x, CCAD_EINVAL, F.px = NULL)
ERR_CASE(err_null_y, CCAD_EINVAL, F.py = NULL)
ERR_CASE(err_null_order, CCAD_EINVAL, F.porder = NULL)
ERR_CASE(err_options_size, CCAD_EVERSION, F.o.size = 8)
ERR_CASE(err_times_size, CCAD_EVERSION, F.t.size = (uint32_t)sizeof F.t + 8)
ERR_CASE(err_no_points, CCAD_ERANGE, F.n = 0)
ERR_CASE(err_too_many_points, CCAD_ERANGE,
         (F.px = big_x, F.py = big_y, F.n = CCAD_ROUTE_TW_MAX_POINTS + 1))
ERR_CASE(err_metric, CCAD_EINVAL, F.o.metric = 9)
ERR_CASE(err_open_tour, CCAD_EINVAL, F.o.closed = 0)
ERR_CASE(err_effort, CCAD_ERANGE, F.o.effort = -1)
ERR_CASE(err_scale, CCAD_ERANGE, F.o.scale = 0)
ERR_CASE(err_coordinate, CCAD_ERANGE, F.x[2] = NAN)
ERR_CASE(err_geo_latitude, CCAD_ERANGE, (F.o.metric = CCAD_METRIC_GEO, F.y[1] = 91))
ERR_CASE(err_open_after_close, CCAD_ERANGE, (F.open[2] = 700, F.close[2] = 600))
ERR_CASE(err_open_negative, CCAD_ERANGE, F.open[1] = -1)
ERR_CASE(err_close_past_midnight, CCAD_ERANGE, F.close[3] = 1441)
ERR_CASE(err_service_negative, CCAD_ERANGE, F.svc[1] = -5)
ERR_CASE(err_service_too_long, CCAD_ERANGE, F.svc[2] = 1441)
ERR_CASE(err_start_negative, CCAD_ERANGE, F.t.start_min = -1)
ERR_CASE(err_end_before_start, CCAD_ERANGE, (F.t.start_min = 600, F.t.end_min = 599))
ERR_CASE(err_end_past_midnight, CCAD_ERANGE, F.t.end_min = 1441)
ERR_CASE(err_speed_zero, CCAD_ERANGE, F.t.units_per_minute = 0)
ERR_CASE(err_speed_nan, CCAD_ERANGE, F.t.units_per_minute = NAN)
ERR_CASE(err_host_no_callback, CCAD_ENOTSUP, F.o.metric = CCAD_METRIC_HOST)

static void err_host_callback_fails(void **state)
{
    struct host_user u;
    struct errfix F;
    (void)state;
    memset(&u, 0, sizeof u);
    err_begin(&F);
    ccad_ctx_free(F.ctx);
    F.ctx = F.use = host_ctx(&u);
    F.o.metric = CCAD_METRIC_HOST;
    u.fail_at = 5;
    TU_FAIL(F.ctx, ccad_route_solve_tw(F.ctx, F.x, F.y, 4, &F.o, &F.t, F.order, F.starts, &F.cost),
            CCAD_ECALLBACK);
    assert_int_equal(F.cost, -99);
    assert_int_equal(F.order[0], (uint32_t)0x5A5A5A5Au);
    ccad_ctx_free(F.ctx);
    assert_int_equal(u.al.live, 0);
}

static void err_ignored_entries(void **state)
{
    struct errfix F;
    (void)state;
    err_begin(&F);
    /* entry [0] of every array is ignored, as is the speed for HOST */
    F.open[0] = -50;
    F.close[0] = 5000;
    F.svc[0] = -1;
    assert_int_equal(ccad_route_solve_tw(F.ctx, F.x, F.y, 4, &F.o, &F.t, F.order, F.starts, &F.cost),
                     CCAD_OK);
    assert_perm(F.order, 4);
    ccad_ctx_free(F.ctx);
    assert_int_equal(F.al.live, 0);
}

static void alloc_failures(void **state)
{
    tu_alloc al;
    ccad_ctx *ctx = new_ctx(&al);
    static const size_t sizes[] = {9, 30};
    size_t s;
    (void)state;
    rseed(8);
    for (s = 0; s < 2; s++) {
        struct inst I;
        uint32_t ref[MAXP], order[MAXP];
        int32_t starts[MAXP];
        int64_t cost;
        long N;
        int refrc;
        gen(&I, sizes[s], 2, 1440);
        refrc = solve(ctx, &I, ref, starts, &cost);
        for (N = 1;; N++) {
            long live = al.live;
            int rc;
            assert_true(N < 1000);
            memset(order, SENT, sizeof order);
            tu_fail_at(&al, N, 0);
            rc = solve(ctx, &I, order, starts, &cost);
            tu_fail_at(&al, 0, 0);
            assert_int_equal(al.live, live);
            if (rc != CCAD_ENOMEM) {
                assert_int_equal(rc, refrc);
                assert_memory_equal(order, ref, I.n * sizeof *ref);
                break;
            }
            assert_int_equal(order[0], (uint32_t)0x5A5A5A5Au);
        }
    }
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
        cmocka_unit_test(err_null_ctx),
        cmocka_unit_test(err_null_x),
        cmocka_unit_test(err_null_y),
        cmocka_unit_test(err_null_order),
        cmocka_unit_test(err_options_size),
        cmocka_unit_test(err_times_size),
        cmocka_unit_test(err_no_points),
        cmocka_unit_test(err_too_many_points),
        cmocka_unit_test(err_metric),
        cmocka_unit_test(err_open_tour),
        cmocka_unit_test(err_effort),
        cmocka_unit_test(err_scale),
        cmocka_unit_test(err_coordinate),
        cmocka_unit_test(err_geo_latitude),
        cmocka_unit_test(err_open_after_close),
        cmocka_unit_test(err_open_negative),
        cmocka_unit_test(err_close_past_midnight),
        cmocka_unit_test(err_service_negative),
        cmocka_unit_test(err_service_too_long),
        cmocka_unit_test(err_start_negative),
        cmocka_unit_test(err_end_before_start),
        cmocka_unit_test(err_end_past_midnight),
        cmocka_unit_test(err_speed_zero),
        cmocka_unit_test(err_speed_nan),
        cmocka_unit_test(err_host_no_callback),
        cmocka_unit_test(err_host_callback_fails),
        cmocka_unit_test(err_ignored_entries),
        cmocka_unit_test(alloc_failures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
