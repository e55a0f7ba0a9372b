/* Part of the fault census (tests/test_faults.c, declared in faults.h),
 * formerly in test_route_tw.c: every allocation of ccad_route_solve_tw
 * failing in turn on 9 and 30 stops; the order untouched on failure, the
 * reference answer after. Helpers: tests/route_env_tw.h. */
#include "faults.h"
#include "route_env_tw.h"

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
