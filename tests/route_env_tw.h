/* The time-window route tests' helpers (tests/test_route_tw*.c and the
 * census's faults_route_tw.c): instances and their independent evaluation
 * from the documented formulas (a PLANAR leg is ceil(nint(distance x scale)
 * / units_per_minute); service starts at max(arrival, open) and must end by
 * close; the return must be by end), brute force and branch and bound. */
#ifndef CCAD_ROUTE_ENV_TW_H
#define CCAD_ROUTE_ENV_TW_H

#include "testutil.h"

#define MAXP 64

#define SENT 0x5Au

struct inst {
    size_t n;
    double x[MAXP], y[MAXP];
    int32_t open[MAXP], close[MAXP], svc[MAXP];
    int32_t start, end;
    double upm;
    int32_t mat[MAXP * MAXP];
};

struct res {
    int64_t late, travel, back;
    int64_t starts[MAXP];
};

struct bf {
    const struct inst *I;
    int late_mode; /* 0: feasible orders by (travel, back); 1: by (late, travel, back) */
    int found;
    int64_t late, travel, back;
    int64_t minin[MAXP]; /* cheapest leg into each point */
    unsigned char used[MAXP];
};

struct host_user {
    tu_alloc al;
    const struct inst *I;
    long calls, fail_at;
};

/* Seeds / draws from the file-wide generator (tu_rng): a value below `below`. */
void rseed(uint64_t s);
uint32_t rnd(uint32_t below);

/* Fills I->mat with the leg minutes of the documented formula. */
void make_matrix(struct inst *I);

/* Evaluates an order independently: starts, lateness, travel, return time. */
void ref_eval(const struct inst *I, const uint32_t *order, struct res *r);

/* windows: 0 none, 1 tight, 2 half the stops tight */
void gen(struct inst *I, size_t n, int windows, int32_t end);

/* ccad_route_solve_tw on an instance. */
int solve(ccad_ctx *ctx, const struct inst *I, uint32_t *order, int32_t *starts, int64_t *cost);

/* Asserts order is a permutation of 0..n-1 starting at 0. */
void assert_perm(const uint32_t *order, size_t n);

/* The best by brute force; `seed_*` (found = 1) starts branch and bound from a known order. */
void brute(struct bf *B, const struct inst *I, int late_mode, const struct res *seed);

/* A context with the counting allocator al. */
ccad_ctx *tw_new_ctx(tu_alloc *al);

/* Checks one solved instance against brute force (or branch and bound). */
int check_exact(ccad_ctx *ctx, const struct inst *I, int full_brute);

/* A context whose travel callback is the HOST metric of u. */
ccad_ctx *host_ctx(struct host_user *u);

#endif
