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

#include <math.h>
#include <stdlib.h>

#define NMAX (TW_EXACT_MAX + 1)

static uint64_t rng_state; /* tu_rng_next's state (testutil.h) */

static uint64_t rng_next(void) { return tu_rng_next(&rng_state); }

struct day {
    int32_t minutes[NMAX * NMAX], open[NMAX], close[NMAX], service[NMAX];
    struct ccad__tw p;
};

/* Day of n points: kind 0 random, 1 grid (ties), 2 repeats; legs times
 * `scale` (large scales leave the float lanes); windows: 0 wide, 1 tight
 * opens (waiting), 2 closes too early for some stops (infeasible). */
static void make_day(struct day *d, uint32_t n, int kind, int32_t scale, int windows)
{
    double x[NMAX], y[NMAX];
    uint32_t i, j;
    for (i = 0; i < n; i++) {
        x[i] = kind == 1 ? (double)(rng_next() % 3) * 4000.0 : (double)(rng_next() % 20000);
        y[i] = kind == 1 ? (double)(rng_next() % 3) * 4000.0 : (double)(rng_next() % 20000);
        if (kind == 2 && i > 0 && rng_next() % 3 == 0) {
            uint32_t src = (uint32_t)(rng_next() % i);
            x[i] = x[src];
            y[i] = y[src];
        }
    }
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++) {
            double dx = x[i] - x[j], dy = y[i] - y[j];
            d->minutes[i * n + j] = (int32_t)ceil(sqrt(dx * dx + dy * dy) / 500.0) * scale;
        }
    for (i = 0; i < n; i++) {
        d->open[i] = 0;
        d->close[i] = scale > 1 ? 1000000000 : 1440; /* long legs: a long day */
        d->service[i] = i ? 15 : 0;
        if (windows == 1 && i > 0 && rng_next() % 2 == 0)
            d->open[i] = 480 + (int32_t)(rng_next() % 300);
        if (windows == 2 && i > 0 && rng_next() % 3 == 0)
            d->close[i] = 500 + (int32_t)(rng_next() % 60);
    }
    d->p.n = n;
    d->p.minutes = d->minutes;
    d->p.open = d->open;
    d->p.close = d->close;
    d->p.service = d->service;
    d->p.start = 480;
    d->p.end = scale > 1 ? 1000000000 : 1020;
    d->p.exact_max = 0;
}

/* Every generated day through the kernel `cpu` selects (ctx->cpu: 0 the
 * portable SSE2 one, CCAD__CPU_AVX2 the AVX2 one) against the reference;
 * the count of days, the feasible ones into *feasible. */
static long same_order_on_kernel(ccad_ctx *ctx, unsigned cpu, long *feasible)
{
    static const int32_t scales[] = {1, 3, 90001,
                                     1000001}; /* odd: no power of two to hide rounding */
    uint32_t n;
    long cases = 0;
    ctx->cpu = cpu;
    rng_state = tu_rng_seed(29);
    for (n = 2; n <= NMAX; n++) {
        int kind, windows, rep;
        size_t sc;
        for (sc = 0; sc < sizeof scales / sizeof scales[0]; sc++)
            for (kind = 0; kind <= 2; kind++)
                for (windows = 0; windows <= 2; windows++)
                    for (rep = 0; rep < (n <= 10 ? 6 : 2); rep++) {
                        static struct day d;
                        uint32_t got[NMAX], want[NMAX];
                        struct tw_key kg, kw;
                        make_day(&d, n, kind, scales[sc], windows);
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
    return cases;
}

static void same_order_as_before(void **state)
{
    ccad_ctx *ctx = NULL;
    unsigned found;
    long cases, feasible = 0;
    (void)state;
    TU_PASS(ctx, ccad_ctx_new(&ctx, NULL));
    found = ctx->cpu;
    cases = same_order_on_kernel(ctx, 0, &feasible);
    print_message("route tw exact, portable kernel: %ld days with the earlier solver's order (%ld "
                  "feasible)\n",
                  cases, feasible);
    assert_true(feasible > cases / 3);
    if (found & CCAD__CPU_AVX2) {
        feasible = 0;
        cases = same_order_on_kernel(ctx, CCAD__CPU_AVX2, &feasible);
        print_message("route tw exact, AVX2 kernel: %ld days with the earlier solver's order (%ld "
                      "feasible)\n",
                      cases, feasible);
    } else {
        print_message("route tw exact: this processor has no AVX2, its kernel untested here\n");
    }
    ccad_ctx_free(ctx);
}

/* Every allocation of the solver failing in turn, on each path: wide days
 * in float lanes (scale 1) and in 64-bit lanes (scale 1000001), on each
 * kernel, days where waiting happens (the labels) and wide days with no
 * feasible order (the table, then the labels). A failure is CCAD_ENOMEM
 * with nothing leaked and the order untouched; the first call that
 * succeeds gives the reference's answer. */
static void failing_allocator_on_every_path(void **state)
{
    static const int32_t scales[] = {1, 1000001};
    static const unsigned kernels[] = {0, CCAD__CPU_AVX2};
    tu_alloc al;
    ccad_host h = tu_host(&al);
    ccad_ctx *ctx = NULL;
    size_t sc, kn;
    int windows;
    long failures = 0;
    (void)state;
    memset(&al, 0, sizeof al);
    TU_PASS(ctx, ccad_ctx_new(&ctx, &h));
    rng_state = tu_rng_seed(31);
    for (kn = 0; kn < 2; kn++) {
        ctx->cpu = kernels[kn] & ccad__cpu_features();
        for (sc = 0; sc < 2; sc++)
            for (windows = 0; windows <= 2; windows++) {
                static struct day d;
                uint32_t got[NMAX], want[NMAX];
                struct tw_key kg, kw;
                long N, live = al.live;
                make_day(&d, 10, 0, scales[sc], windows);
                assert_int_equal(ref_tw_exact(ctx, &d.p, want, &kw), CCAD_OK);
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(same_order_as_before),
        cmocka_unit_test(failing_allocator_on_every_path),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
