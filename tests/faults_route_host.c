/* Part of the fault census (tests/test_faults.c, declared in faults.h),
 * formerly in test_route_metrics.c: the HOST metric's travel callback
 * failing (or answering a negative time) at each call in turn, on 6 and
 * 20 points, open and closed: ccad_route_solve returns CCAD_ECALLBACK with
 * a message, leaves its outputs untouched, stops at the failing call and
 * leaks nothing (helpers: route_env_host.h). */
#include "faults.h"
#include "route_env_host.h"

#include <string.h>

void faults_route_host_travel(void **state)
{
    struct travel_host u;
    struct travel_log L;
    ccad_ctx *ctx;
    static const size_t sizes[] = {6, 20};
    double x[HMAX], y[HMAX];
    uint32_t order[HMAX];
    size_t s;
    (void)state;
    rng_seed(17);
    for (s = 0; s < 2; s++) {
        size_t n = sizes[s];
        long N, total = (long)(n * (n - 1));
        int neg;
        memset(&L, 0, sizeof L);
        distinct_points(x, y, n, 100);
        L.x = x;
        L.y = y;
        L.n = n;
        ctx = new_host_ctx(&u, &L);
        for (neg = 0; neg <= 1; neg++)
            for (N = 1; N <= total; N++) {
                ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
                int64_t cost = 55;
                long live = u.al.live;
                o.metric = CCAD_METRIC_HOST;
                o.closed = (int)(N % 2);
                L.calls = 0;
                L.fail_at = N;
                L.negative = neg;
                fill_sentinel(order, n);
                TU_FAIL(ctx, ccad_route_solve(ctx, x, y, n, &o, order, &cost), CCAD_ECALLBACK);
                assert_sentinel(order, n);
                assert_int_equal(cost, 55);
                assert_int_equal(L.calls, N); /* stops at the first failure */
                assert_int_equal(u.al.live, live);
            }
        ccad_ctx_free(ctx);
        assert_int_equal(u.al.live, 0);
    }
}
