/* Part of the fault census (tests/test_faults.c, declared in faults.h),
 * formerly in test_route.c: every allocation of ccad_route_solve failing in
 * turn, on 8 and 200 stops, open and closed; the order output untouched and
 * the cost unchanged on failure, the reference tour after. */
#include "faults.h"
#include "route_env.h"

#include "../lib/internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ==== allocation failures ==== */

void faults_route_solve(void **state)
{
    static const size_t sizes[] = {8, 200};
    tu_alloc al;
    ccad_host h;
    ccad_ctx *ctx = new_ctx(&al, &h);
    static double x[200], y[200];
    static uint32_t order[200], ref[200];
    int rounds = 0;
    size_t s;
    (void)state;
    rng_seed(22);
    random_points(x, y, 200, 1000.0, 0);
    for (s = 0; s < 2; s++) {
        int and_after, closed;
        for (closed = 0; closed <= 1; closed++) {
            ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
            size_t n = sizes[s];
            int64_t refcost = 0;
            o.closed = closed;
            tu_fail_at(&al, 0, 0);
            TU_PASS(ctx, ccad_route_solve(ctx, x, y, n, &o, ref, &refcost));
            for (and_after = 0; and_after <= 1; and_after++) {
                long N;
                for (N = 1;; N++) {
                    int64_t cost = -5;
                    long live = al.live;
                    int rc;
                    assert_true(N < 10000);
                    fill_sentinel(order, n);
                    tu_mark(ctx);
                    tu_fail_at(&al, N, and_after);
                    rc = ccad_route_solve(ctx, x, y, n, &o, order, &cost);
                    tu_fail_at(&al, 0, 0);
                    rounds++;
                    assert_int_equal(al.live, live);
                    if (rc == CCAD_OK) {
                        assert_int_equal(cost, refcost);
                        assert_memory_equal(order, ref, n * sizeof *order);
                        break;
                    }
                    assert_int_equal(rc, CCAD_ENOMEM);
                    assert_int_equal(ccad_ctx_errcode(ctx), CCAD_ENOMEM);
                    assert_true(ccad_ctx_errmsg(ctx)[0] != '\0');
                    assert_sentinel(order, n);
                    assert_int_equal(cost, -5);
                }
            }
        }
    }
    print_message("route alloc-failure rounds: %d\n", rounds);
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
}

/* The exact solver's float table on each kernel the processor has
 * (ctx->cpu: 0 the portable SSE2 one by columns, AVX2 by rows): every
 * allocation of ccad_route_solve failing in turn, on 2, 6 and 12 stops,
 * open and closed; nothing leaked, the outputs untouched, then the
 * fault-free tour. */
void faults_route_exact_kernels(void **state)
{
    static const unsigned kernels[] = {0, CCAD__CPU_AVX2};
    static const size_t sizes[] = {3, 7, 13};
    tu_alloc al;
    ccad_host h;
    ccad_ctx *ctx = new_ctx(&al, &h);
    unsigned found = ctx->cpu;
    double x[13], y[13];
    int rounds = 0;
    size_t kn, s;
    (void)state;
    rng_seed(23);
    random_points(x, y, 13, 1000.0, 0);
    for (kn = 0; kn < sizeof kernels / sizeof kernels[0]; kn++) {
        if ((kernels[kn] & found) != kernels[kn])
            continue; /* the processor lacks it */
        ctx->cpu = kernels[kn];
        for (s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
            int closed;
            for (closed = 0; closed <= 1; closed++) {
                ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
                uint32_t order[13], ref[13];
                int64_t refcost = 0;
                long N;
                o.closed = closed;
                TU_PASS(ctx, ccad_route_solve(ctx, x, y, sizes[s], &o, ref, &refcost));
                for (N = 1;; N++) {
                    int64_t cost = -5;
                    long live = al.live;
                    int rc;
                    assert_true(N < 100);
                    fill_sentinel(order, sizes[s]);
                    tu_fail_at(&al, N, 0);
                    rc = ccad_route_solve(ctx, x, y, sizes[s], &o, order, &cost);
                    tu_fail_at(&al, 0, 0);
                    rounds++;
                    assert_int_equal(al.live, live);
                    if (rc == CCAD_OK) {
                        assert_int_equal(cost, refcost);
                        assert_memory_equal(order, ref, sizes[s] * sizeof *order);
                        break;
                    }
                    assert_int_equal(rc, CCAD_ENOMEM);
                    assert_sentinel(order, sizes[s]);
                    assert_int_equal(cost, -5);
                }
            }
        }
    }
    print_message("route exact kernels alloc-failure rounds: %d\n", rounds);
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
}
