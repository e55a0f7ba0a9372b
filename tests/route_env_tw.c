/* Helpers of tests/route_env_tw.h. */
#include "route_env_tw.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the seeded generator (tu_rng.h) on one state for the whole file ---- */

static uint64_t rs;
void rseed(uint64_t s) { rs = tu_rng_seed(s); }
uint32_t rnd(uint32_t below) { return (uint32_t)(tu_rng_next(&rs) % below); }

/* ---- instances and their independent evaluation ---- */

static int32_t ref_leg(const struct inst *I, size_t i, size_t j)
{
    double dx = I->x[i] - I->x[j], dy = I->y[i] - I->y[j];
    double cost = floor(sqrt(dx * dx + dy * dy) + 0.5), m = cost / I->upm;
    return m > 100000.0 ? 100000 : (int32_t)ceil(m);
}

void make_matrix(struct inst *I)
{
    size_t i, j;
    for (i = 0; i < I->n; i++)
        for (j = 0; j < I->n; j++)
            I->mat[i * I->n + j] = i == j ? 0 : ref_leg(I, i, j);
}

void ref_eval(const struct inst *I, const uint32_t *order, struct res *r)
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
void gen(struct inst *I, size_t n, int windows, int32_t end)
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

int solve(ccad_ctx *ctx, const struct inst *I, uint32_t *order, int32_t *starts, int64_t *cost)
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

void assert_perm(const uint32_t *order, size_t n)
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

static void bf_rec(struct bf *B, size_t depth, uint32_t prev, int64_t t, int64_t late, int64_t trav,
                   int64_t lb_rest)
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
void brute(struct bf *B, const struct inst *I, int late_mode, const struct res *seed)
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

ccad_ctx *tw_new_ctx(tu_alloc *al)
{
    ccad_host h = tu_host(al);
    ccad_ctx *ctx = NULL;
    memset(al, 0, sizeof *al);
    TU_PASS(ctx, ccad_ctx_new(&ctx, &h));
    return ctx;
}

/* Checks one solved instance against brute force (or branch and bound). */
int check_exact(ccad_ctx *ctx, const struct inst *I, int full_brute)
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

static int travel_cb(void *user, double fx, double fy, double tx, double ty, int32_t *out)
{
    struct host_user *u = user;
    if (++u->calls == u->fail_at)
        return 1;
    /* Manhattan, and 7 more when going up: directed times */
    *out = (int32_t)(fabs(fx - tx) + fabs(fy - ty) + (ty > fy ? 7 : 0));
    return 0;
}

ccad_ctx *host_ctx(struct host_user *u)
{
    ccad_host h = tu_host(&u->al);
    ccad_ctx *ctx = NULL;
    h.user = u;
    h.travel = travel_cb;
    TU_PASS(ctx, ccad_ctx_new(&ctx, &h));
    return ctx;
}
