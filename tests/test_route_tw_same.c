/* The time-window exact solver (lib/route_tw_exact.c) against its earlier
 * self: tests/ref/route_tw_exact_int.c is the solver as it was before the
 * float lanes of its Held-Karp, kept as the reference. Both must give the
 * very same order and key on every day: wide days (the Held-Karp, in float
 * lanes when the legs are small and in whole numbers when not), days where
 * waiting happens (the label programme), infeasible days, and days full of
 * ties (stops on a small grid, repeated stops, a stop at the base). */
#include "testutil.h"

#define ccad__tw_exact ref_tw_exact
#include "ref/route_tw_exact_int.c"
#undef ccad__tw_exact
int ccad__tw_exact(ccad_ctx *ctx, const struct ccad__tw *p, uint32_t *order, struct tw_key *key);

#include "route_env_kernels.h"
#include "route_env_tw_day.h"

#include <math.h>
#include <stdlib.h>

static uint64_t rng_state; /* tu_rng_next's state (testutil.h) */

/* Every generated day through the kernel ctx->cpu selects
 * (route_env_kernels.h) against the reference; the count of days, the
 * feasible ones into *feasible. */
static long same_order_on_kernel(ccad_ctx *ctx, long *feasible)
{
    static const int32_t scales[] = {1, 3, 90001,
                                     1000001}; /* odd: no power of two to hide rounding */
    uint32_t n;
    long cases = 0;
    rng_state = tu_rng_seed(29);
    for (n = 2; n <= NMAX; n++) {
        int kind, windows, rep;
        size_t sc;
        for (sc = 0; sc < sizeof scales / sizeof scales[0]; sc++)
            for (kind = 0; kind <= 2; kind++)
                for (windows = 0; windows <= 2; windows++)
                    for (rep = 0; rep < (n <= 10 ? 6 : 2); rep++) {
                        static struct tw_day d;
                        uint32_t got[NMAX], want[NMAX];
                        struct tw_key kg, kw;
                        tw_day_make(&d, &rng_state, n, kind, scales[sc], windows);
                        assert_int_equal(ref_tw_exact(ctx, &d.p, want, &kw), CCAD_OK);
                        TU_PASS(ctx, ccad__tw_exact(ctx, &d.p, got, &kg));
                        assert_int_equal(kg.late, kw.late);
                        assert_int_equal(kg.travel, kw.travel);
                        assert_int_equal(kg.back, kw.back);
                        assert_memory_equal(got, want, n * sizeof *got);
                        cases++;
                        *feasible += kw.late == 0;
                    }
    }
    assert_true(*feasible > cases / 3);
    return cases;
}

static void same_order_as_before(void **state)
{
    (void)state;
    route_each_kernel(same_order_on_kernel, "route tw exact",
                      "days with the earlier solver's order", "feasible");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(same_order_as_before),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
