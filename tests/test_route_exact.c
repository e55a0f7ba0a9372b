/* The exact solver (lib/route_exact.c) against the one it replaced.
 *
 * ref_exact below is the lane-wise Held-Karp of the 1.0 library, kept here
 * word for word (only renamed) as the reference: the tie rules of the
 * library's exact tours are whatever it did, so the new solver must return
 * the very same order and cost on every input, ties included. The inputs
 * are generated matrices of 1 to 12 stops, open and closed: random
 * distances, points on small grids and regular polygons around the base
 * (many equally short tours, mirror images), repeated points (zero edges),
 * all-equal and all-zero matrices, costs that differ by direction, and
 * costs large enough for each value type the solvers choose (float below
 * 2^24, 32-bit, 64-bit). Then bad sizes and a failing allocator. */
#include "route_env_kernels.h"
#include "testutil.h"

#include "../lib/internal.h"
#include "../lib/route_exact.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define REF_MAX 12

static uint32_t ref_lowest_bit(uint32_t x)
{
    uint32_t i = 0;
    while (((x >> i) & 1u) == 0)
        i++;
    return i;
}

#define REF_ROWS(NAME, T) \
    static void NAME(const int64_t *D, uint32_t m, int open, T *E, uint32_t *order, int64_t *cost) \
    { \
        uint32_t full = (1u << m) - 1, w = m + 1, S, j, k, last = 0, mask; \
        T Dr[REF_MAX * REF_MAX]; \
        int64_t best = INT64_MAX; \
        memset(Dr, 0, sizeof Dr); \
        for (k = 0; k < m; k++) \
            for (j = 0; j < m; j++) \
                Dr[k * REF_MAX + j] = (T)D[(k + 1) * w + j + 1]; \
        for (j = 0; j < REF_MAX; j++) \
            E[j] = j < m ? (T)D[j + 1] : 0; \
        for (S = 1; S < full; S++) { \
            T t[REF_MAX], val; \
            const T *dr; \
            uint32_t bits = S, l; \
            k = ref_lowest_bit(bits); \
            bits &= bits - 1; \
            val = E[(size_t)(S & ~(1u << k)) * REF_MAX + k]; \
            dr = Dr + k * REF_MAX; \
            for (l = 0; l < REF_MAX; l++) \
                t[l] = (T)(val + dr[l]); \
            while (bits != 0) { \
                k = ref_lowest_bit(bits); \
                bits &= bits - 1; \
                val = E[(size_t)(S & ~(1u << k)) * REF_MAX + k]; \
                dr = Dr + k * REF_MAX; \
                for (l = 0; l < REF_MAX; l++) { \
                    T c = (T)(val + dr[l]); \
                    t[l] = c < t[l] ? c : t[l]; \
                } \
            } \
            memcpy(E + (size_t)S * REF_MAX, t, sizeof t); \
        } \
        for (j = 0; j < m; j++) { \
            int64_t c = (int64_t)E[(size_t)(full & ~(1u << j)) * REF_MAX + j] + \
                        (open ? 0 : D[(j + 1) * w]); \
            if (c < best) { \
                best = c; \
                last = j; \
            } \
        } \
        mask = full; \
        for (k = m; k >= 1; k--) { \
            uint32_t prev = mask & ~(1u << last), bits; \
            T val = E[(size_t)prev * REF_MAX + last]; \
            order[k] = last + 1; \
            for (bits = prev; bits != 0; bits &= bits - 1) { \
                j = ref_lowest_bit(bits); \
                if (E[(size_t)(prev & ~(1u << j)) * REF_MAX + j] + Dr[j * REF_MAX + last] == val) \
                    break; \
            } \
            mask = prev; \
            last = bits != 0 ? j : 0; \
        } \
        order[0] = 0; \
        *cost = best; \
    }

REF_ROWS(ref_rows32, int32_t)
REF_ROWS(ref_rows64, int64_t)

static int64_t ref_exact(const int64_t *D, uint32_t m, int open, uint32_t *order)
{
    uint32_t w = m + 1, j;
    int64_t maxd = 0, cost = 0;
    size_t rows = (size_t)1 << m;
    for (j = 0; j < w * w; j++)
        if (D[j] > maxd)
            maxd = D[j];
    if (maxd <= INT32_MAX / (int64_t)w) {
        int32_t *E = malloc(rows * REF_MAX * sizeof *E);
        assert_non_null(E);
        ref_rows32(D, m, open, E, order, &cost);
        free(E);
    } else {
        int64_t *E = malloc(rows * REF_MAX * sizeof *E);
        assert_non_null(E);
        ref_rows64(D, m, open, E, order, &cost);
        free(E);
    }
    return cost;
}

static uint64_t rng_state; /* tu_rng_next's state (testutil.h) */

static uint64_t rng_next(void) { return tu_rng_next(&rng_state); }

/* A matrix of w = m + 1 points of kind `kind`, costs multiplied by `unit`. */
static void make_matrix(int64_t *D, uint32_t w, int kind, int64_t unit)
{
    double x[REF_MAX + 1], y[REF_MAX + 1];
    uint32_t i, j;
    for (i = 0; i < w; i++) {
        switch (kind) {
        case 0: /* random points */
        case 5: /* random points, costs differing by direction */
            x[i] = (double)(rng_next() % 1000);
            y[i] = (double)(rng_next() % 1000);
            break;
        case 1: /* a 3 x 3 grid */
            x[i] = (double)(rng_next() % 3);
            y[i] = (double)(rng_next() % 3);
            break;
        case 2: /* a regular polygon around the base: mirror images tie */
            x[i] = i == 0 ? 0.0 : 100.0 * cos(6.283185307179586 * i / (w - 1));
            y[i] = i == 0 ? 0.0 : 100.0 * sin(6.283185307179586 * i / (w - 1));
            break;
        case 3: /* repeated points, some at the base */
            x[i] = i > 0 && rng_next() % 2 ? x[rng_next() % i] : (double)(rng_next() % 50);
            y[i] = i > 0 && rng_next() % 2 ? y[rng_next() % i] : (double)(rng_next() % 50);
            if (i > 0 && rng_next() % 4 == 0)
                x[i] = x[0], y[i] = y[0];
            break;
        default: /* all at one place: every tour costs 0, or all edges equal */ x[i] = y[i] = 0.0;
        }
    }
    for (i = 0; i < w; i++)
        for (j = 0; j < w; j++) {
            double dx = x[i] - x[j], dy = y[i] - y[j];
            int64_t c = (int64_t)(sqrt(dx * dx + dy * dy) + 0.5);
            if (kind == 5 && i != j)
                c += (int64_t)(rng_next() % 300); /* one-way streets */
            if (kind == 6 && i != j)
                c = 7;
            D[i * w + j] = c * unit;
        }
}

/* Every matrix through the kernel ctx->cpu selects (route_env_kernels.h)
 * against the reference; the matrices built for ties into *ties. */
static long same_tours_on_kernel(ccad_ctx *ctx, long *ties)
{
    /* odd units: costs are no multiples of a power of two that a float could
     * carry exactly beyond 2^24 */
    static const int64_t units[] = {1, 997, 3001, 40001, 5000001, INT64_C(200000000001)};
    uint32_t m;
    long cases = 0;
    rng_state = tu_rng_seed(3);
    for (m = 1; m <= REF_MAX; m++) {
        int kind, rep, open;
        size_t u;
        for (u = 0; u < sizeof units / sizeof units[0]; u++)
            for (kind = 0; kind <= 6; kind++)
                for (rep = 0; rep < (m <= 9 ? 12 : 4); rep++)
                    for (open = 0; open <= 1; open++) {
                        int64_t D[(REF_MAX + 1) * (REF_MAX + 1)], want, got = -1;
                        uint32_t ref[REF_MAX + 1], order[REF_MAX + 1];
                        make_matrix(D, m + 1, kind, units[u]);
                        want = ref_exact(D, m, open, ref);
                        TU_PASS(ctx, ccad__route_exact(ctx, D, m, open, order, &got));
                        assert_int_equal(got, want);
                        assert_memory_equal(order, ref, (m + 1) * sizeof *order);
                        cases++;
                        *ties += kind >= 1 && kind <= 4;
                    }
    }
    return cases;
}

static void same_tours_as_the_old_solver(void **state)
{
    (void)state;
    route_each_kernel(same_tours_on_kernel, "route exact", "matrices with the old solver's tour",
                      "built for ties");
}

#if CCAD__HAVE_EXACT_COLS
/* The SSE2 kernel's table by columns (lib/route_exact_sse2.c) against the
 * row-by-row recurrence, entry by entry: every E[S][j] with j outside S
 * (the entries the tour reads) is the same float, for 1 to 12 stops, costs
 * from 0 up to the float path's limit, many of them equal (ties). */
static void columns_hold_the_row_table(void **state)
{
    static float rows_ref[(1u << REF_MAX) * REF_MAX], cols[(1u << REF_MAX) * REF_MAX];
    uint32_t m;
    long checked = 0;
    (void)state;
    rng_state = tu_rng_seed(41);
    for (m = 1; m <= REF_MAX; m++) {
        int rep;
        for (rep = 0; rep < 6; rep++) {
            /* the limit route_exact.c puts on the float path: paths stay
             * below 2^24 */
            uint64_t top = rep % 3 == 0 ? 4 : rep % 3 == 1 ? 1000 : ((uint64_t)1 << 24) / (m + 2);
            size_t nrows = CCAD__EXACT_COL_ROWS(m);
            float Dr[REF_MAX * REF_MAX];
            uint32_t S, j, k;
            memset(Dr, 0, sizeof Dr);
            for (k = 0; k < m; k++)
                for (j = 0; j < m; j++)
                    Dr[k * REF_MAX + j] = k == j ? 0.0f : (float)(rng_next() % (top + 1));
            memset(cols, 0xA5, sizeof cols);
            for (j = 0; j < CCAD__EXACT_COLS(m); j++)
                cols[j * nrows] = rows_ref[j] = j < m ? (float)(rng_next() % (top + 1)) : 0.0f;
            for (S = 1; S < (1u << m); S++)
                for (j = 0; j < m; j++) {
                    float best = HUGE_VALF;
                    for (k = 0; k < m; k++)
                        if ((S >> k & 1u) != 0) {
                            float c = rows_ref[(S & ~(1u << k)) * REF_MAX + k] +
                                      Dr[k * REF_MAX + j];
                            best = c < best ? c : best;
                        }
                    rows_ref[S * REF_MAX + j] = best;
                }
            ccad__route_exact_fill_cols(cols, nrows, Dr, m);
            for (S = 0; S < (1u << m); S++)
                for (j = 0; j < m; j++)
                    if ((S >> j & 1u) == 0) {
                        assert_true(cols[j * nrows + S] == rows_ref[S * REF_MAX + j]);
                        checked++;
                    }
        }
    }
    print_message("route exact, SSE2 columns: %ld entries equal to the row-by-row table\n",
                  checked);
}
#endif

/* The context holds what the processor has: compared with the compiler's
 * own detection (tests may use its global state; the library may not). */
static void kernels_chosen_from_the_processor(void **state)
{
    ccad_ctx *ctx = NULL;
    (void)state;
    TU_PASS(ctx, ccad_ctx_new(&ctx, NULL));
    assert_int_equal(ctx->cpu, ccad__cpu_features());
#if CCAD__HAVE_AVX2_KERNELS
    __builtin_cpu_init();
    assert_int_equal((ctx->cpu & CCAD__CPU_AVX2) != 0, __builtin_cpu_supports("avx2") != 0);
#else
    assert_int_equal(ctx->cpu, 0);
#endif
    ccad_ctx_free(ctx);
}

static void bad_sizes_and_failing_allocator(void **state)
{
    tu_alloc al;
    ccad_host h = tu_host(&al);
    ccad_ctx *ctx = NULL;
    int64_t D[(REF_MAX + 2) * (REF_MAX + 2)], cost = 5;
    uint32_t order[REF_MAX + 2] = {9};
    int64_t u;
    long live;
    (void)state;
    memset(&al, 0, sizeof al);
    TU_PASS(ctx, ccad_ctx_new(&ctx, &h));
    live = al.live; /* the context's own blocks */
    memset(D, 0, sizeof D);
    assert_int_equal(ccad__route_exact(ctx, D, 0, 0, order, &cost), CCAD_EINVAL);
    assert_int_equal(ccad__route_exact(ctx, D, REF_MAX + 1, 0, order, &cost), CCAD_EINVAL);
    assert_int_equal(cost, 5);
    assert_int_equal(order[0], 9);
    for (u = 1; u <= INT64_C(100000000000); u *= 100000) { /* each value type */
        make_matrix(D, 9, 0, u);
        tu_fail_at(&al, 1, 0);
        assert_int_equal(ccad__route_exact(ctx, D, 8, 0, order, &cost), CCAD_ENOMEM);
        assert_int_equal(cost, 5);
        tu_fail_at(&al, 0, 0);
        assert_int_equal(al.live, live);
    }
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(same_tours_as_the_old_solver),
#if CCAD__HAVE_EXACT_COLS
        cmocka_unit_test(columns_hold_the_row_table),
#endif
        cmocka_unit_test(kernels_chosen_from_the_processor),
        cmocka_unit_test(bad_sizes_and_failing_allocator),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
