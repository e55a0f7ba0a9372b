/* Part of the fault census (tests/test_faults.c, declared in faults.h),
 * formerly in test_route_tw.c: every allocation of ccad_route_solve_tw
 * failing in turn on 9 and 30 stops; the order untouched on failure, the
 * reference answer after; and the exact solver's every path (float and
 * 64-bit tables, labels, on each kernel) with every allocation failing in
 * turn. Helpers: tests/route_env_tw.h, tests/route_env_tw_day.h. */
#include "faults.h"
#include "route_env_tw.h"
#include "route_env_tw_day.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void faults_route_solve_tw(void **state)
{
    tu_alloc al;
    ccad_ctx *ctx = tw_new_ctx(&al);
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

/* Every allocation of the solver failing in turn, on each path: wide days
 * in float lanes (scale 1) and in 64-bit lanes (scale 1000001), on each
 * kernel, days where waiting happens (the labels) and wide days with no
 * feasible order (the table, then the labels). A failure is CCAD_ENOMEM
 * with nothing leaked and the order untouched; the first call that
 * succeeds gives the fault-free answer (test_route_tw_same.c checks that
 * one against the reference solver). */
void faults_route_tw_exact_paths(void **state)
{
    static const int32_t scales[] = {1, 1000001};
    static const unsigned kernels[] = {0, CCAD__CPU_AVX2};
    tu_alloc al;
    ccad_host h = tu_host(&al);
    ccad_ctx *ctx = NULL;
    size_t sc, kn;
    int windows;
    long failures = 0;
    uint64_t rng;
    (void)state;
    memset(&al, 0, sizeof al);
    TU_PASS(ctx, ccad_ctx_new(&ctx, &h));
    rng = tu_rng_seed(31);
    for (kn = 0; kn < 2; kn++) {
        ctx->cpu = kernels[kn] & ccad__cpu_features();
        for (sc = 0; sc < 2; sc++)
            for (windows = 0; windows <= 2; windows++) {
                static struct tw_day d;
                uint32_t got[NMAX], want[NMAX];
                struct tw_key kg, kw;
                long N, live = al.live;
                tw_day_make(&d, &rng, 10, 0, scales[sc], windows);
                assert_int_equal(ccad__tw_exact(ctx, &d.p, want, &kw), CCAD_OK); /* fault-free */
                for (N = 1;; N++) {
                    int rc;
                    assert_true(N < 10);
                    memset(got, 0x5A, sizeof got);
                    tu_fail_at(&al, N, 0);
                    rc = ccad__tw_exact(ctx, &d.p, got, &kg);
                    tu_fail_at(&al, 0, 0);
                    assert_int_equal(al.live, live);
                    if (rc == CCAD_OK)
                        break;
                    assert_int_equal(rc, CCAD_ENOMEM);
                    assert_int_equal(got[0], 0x5A5A5A5Au);
                    failures++;
                }
                assert_int_equal(kg.late, kw.late);
                assert_int_equal(kg.travel, kw.travel);
                assert_int_equal(kg.back, kw.back);
                assert_memory_equal(got, want, 10 * sizeof *got);
            }
    }
    assert_true(failures >= 12); /* at least one allocation on every path */
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
}
