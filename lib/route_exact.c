/* ROUTE: the exact tour for at most CCAD__ROUTE_EXACT_MAX stops, by
 * dynamic programming over subsets (Held-Karp), for ccad_route_solve
 * (route.c), which gives the costs. */
#include "internal.h"

#include <math.h>
#include <string.h>

#if defined(__SSE2__) && !defined(CCAD_SCALAR_ROUTE)
#include <emmintrin.h>
#define EXACT_SSE 1
#endif

#define EXACT_MAX CCAD__ROUTE_EXACT_MAX
/* Below 2^24 every whole number is a float, and sums of such numbers that
 * stay below it are exact. */
#define FLOAT_EXACT (INT64_C(1) << 24)

/* Held-Karp by rows: E[S][j] is the shortest path from the base through
 * the stop set S (bits of stops 0..m-1, point k+1 is stop k) that then
 * goes on to stop j, for j outside S (lanes of stops inside S hold sums
 * nobody reads). A row is the lane-wise minimum over the last stop k of S of
 * E[S - k][k] + D[k][*], so the inner loop runs over EXACT_MAX lanes with
 * no branches. The tour is the plain Held-Karp one with its tie rules: the
 * first (lowest) last stop of least cost, and back from each stop the first
 * predecessor of least cost, found again from the values. T is the type of
 * the values: int32_t when every path fits, else int64_t. */
/* Row S (S > 0) of E: the lane-wise minimum over the stops k of S of
 * E[S - k][k] + Dr[k][*]. */
#define EXACT_ROW(NAME, T) \
    static void NAME(T *E, const T *Dr, uint32_t S) \
    { \
        T t[EXACT_MAX], val; \
        const T *dr; \
        uint32_t bits = S, k, l; \
        k = ccad__lowest_bit(bits); \
        bits &= bits - 1; \
        val = E[(size_t)(S & ~(1u << k)) * EXACT_MAX + k]; \
        dr = Dr + k * EXACT_MAX; \
        for (l = 0; l < EXACT_MAX; l++) \
            t[l] = (T)(val + dr[l]); \
        while (bits != 0) { \
            k = ccad__lowest_bit(bits); \
            bits &= bits - 1; \
            val = E[(size_t)(S & ~(1u << k)) * EXACT_MAX + k]; \
            dr = Dr + k * EXACT_MAX; \
            for (l = 0; l < EXACT_MAX; l++) { \
                T c = (T)(val + dr[l]); \
                t[l] = c < t[l] ? c : t[l]; \
            } \
        } \
        memcpy(E + (size_t)S * EXACT_MAX, t, sizeof t); \
    }

/* The whole table row by row, row 0 aside. */
#define EXACT_FILL(NAME, T, ROW) \
    static void NAME(T *E, const T *Dr, uint32_t m) \
    { \
        uint32_t S; \
        for (S = 1; S < (1u << m) - 1; S++) \
            ROW(E, Dr, S); \
    }

EXACT_ROW(exact_row32, int32_t)
EXACT_ROW(exact_row64, int64_t)
EXACT_FILL(exact_fill32, int32_t, exact_row32)
EXACT_FILL(exact_fill64, int64_t, exact_row64)

#ifdef EXACT_SSE
/* The float table with SSE2 (the row type of route_rows_sse2.h), four
 * rows at a time. */
#include "route_rows_sse2.h"
#define EXACT_BLOCK exact_block_sse2
#define EXACT_TARGET
#define EXACT_BLOCK_FILL exact_fillf
#define EXACT_BLOCK_FILL_SCOPE static
#include "route_exact_block.h"
#undef EXACT_BLOCK
#undef EXACT_TARGET
#else
EXACT_ROW(exact_rowf, float)
EXACT_FILL(exact_fillf, float, exact_rowf)
#endif

/* The table (rows 1.. by FILL) and the tour from it. */
#define EXACT_ROWS(NAME, T) \
    static void NAME(const int64_t *D, uint32_t m, int open, T *E, \
                     void (*fill)(T *, const T *, uint32_t), uint32_t *order, int64_t *cost) \
    { \
        uint32_t full = (1u << m) - 1, w = m + 1, j, k, last = 0, mask; \
        T Dr[EXACT_MAX * EXACT_MAX]; \
        int64_t best = INT64_MAX; \
        memset(Dr, 0, sizeof Dr); \
        for (k = 0; k < m; k++) \
            for (j = 0; j < m; j++) \
                Dr[k * EXACT_MAX + j] = (T)D[(k + 1) * w + j + 1]; \
        for (j = 0; j < EXACT_MAX; j++) \
            E[j] = j < m ? (T)D[j + 1] : 0; \
        fill(E, Dr, m); \
        for (j = 0; j < m; j++) { \
            int64_t c = (int64_t)E[(size_t)(full & ~(1u << j)) * EXACT_MAX + j] + \
                        (open ? 0 : D[(j + 1) * w]); \
            if (c < best) { \
                best = c; \
                last = j; \
            } \
        } \
        mask = full; \
        for (k = m; k >= 1; k--) { \
            uint32_t prev = mask & ~(1u << last), bits; \
            T val = E[(size_t)prev * EXACT_MAX + last]; \
            order[k] = last + 1; \
            for (bits = prev; bits != 0; bits &= bits - 1) { \
                j = ccad__lowest_bit(bits); \
                if (E[(size_t)(prev & ~(1u << j)) * EXACT_MAX + j] + Dr[j * EXACT_MAX + last] == \
                    val) \
                    break; \
            } \
            mask = prev; \
            last = bits != 0 ? j : 0; \
        } \
        order[0] = 0; \
        *cost = best; \
    }

EXACT_ROWS(exact_rowsf, float)
EXACT_ROWS(exact_rows32, int32_t)
EXACT_ROWS(exact_rows64, int64_t)

int ccad__route_exact(ccad_ctx *ctx, const int64_t *D, uint32_t m, int open, uint32_t *order,
                      int64_t *cost)
{
    uint32_t w = m + 1, j;
    int64_t maxd = 0;
    size_t rows;
    void *E;
    if (m == 0 || m > EXACT_MAX) /* callers ensure it; this tells the compiler too */
        return CCAD_EINVAL;
    for (j = 0; j < w * w; j++)
        if (D[j] > maxd)
            maxd = D[j];
    rows = (size_t)1 << m;
    if (maxd <= FLOAT_EXACT / ((int64_t)w + 1)) {
        E = ccad__alloc(ctx, (rows < 4 ? 4 : rows) * EXACT_MAX * sizeof(float));
        if (E == NULL)
            return CCAD_ENOMEM;
        exact_rowsf(D, m, open, E,
#if CCAD__HAVE_AVX2_KERNELS
                    (ctx->cpu & CCAD__CPU_AVX2) != 0 ? ccad__route_exact_fill_avx2 :
#endif
                                                     exact_fillf,
                    order, cost);
    } else if (maxd <= INT32_MAX / (int64_t)w) {
        E = ccad__alloc(ctx, rows * EXACT_MAX * sizeof(int32_t));
        if (E == NULL)
            return CCAD_ENOMEM;
        exact_rows32(D, m, open, E, exact_fill32, order, cost);
    } else {
        E = ccad__alloc(ctx, rows * EXACT_MAX * sizeof(int64_t));
        if (E == NULL)
            return CCAD_ENOMEM;
        exact_rows64(D, m, open, E, exact_fill64, order, cost);
    }
    ccad__free(ctx, E);
    return CCAD_OK;
}
