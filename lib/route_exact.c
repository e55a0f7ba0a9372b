/* ROUTE: the exact tour for at most CCAD__ROUTE_EXACT_MAX stops, by
 * dynamic programming over subsets (Held-Karp), for ccad_route_solve
 * (route.c), which gives the costs. */
#include "internal.h"

#include "route_exact.h"

#include <math.h>
#include <string.h>

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

#if !CCAD__HAVE_EXACT_COLS
EXACT_ROW(exact_rowf, float)
EXACT_FILL(exact_fillf, float, exact_rowf)
#endif

/* The costs between stops (Dr[k][j], stop k to stop j) in the value type,
 * zero beyond m. */
#define EXACT_DIST(NAME, T) \
    static void NAME(const int64_t *D, uint32_t m, T *Dr) \
    { \
        uint32_t w = m + 1, j, k; \
        memset(Dr, 0, sizeof(T) * EXACT_MAX * EXACT_MAX); \
        for (k = 0; k < m; k++) \
            for (j = 0; j < m; j++) \
                Dr[k * EXACT_MAX + j] = (T)D[(k + 1) * w + j + 1]; \
    }

/* The tour from a filled table whose entry E[S][j] sits at
 * E[S * per_set + j * per_stop] (rows or columns). */
#define EXACT_TOUR(NAME, T) \
    static void NAME(const T *E, size_t per_set, size_t per_stop, const T *Dr, const int64_t *D, \
                     uint32_t m, int open, uint32_t *order, int64_t *cost) \
    { \
        uint32_t full = (1u << m) - 1, w = m + 1, j, k, last = 0, mask; \
        int64_t best = INT64_MAX; \
        for (j = 0; j < m; j++) { \
            int64_t c = (int64_t)E[(full & ~(1u << j)) * per_set + j * per_stop] + \
                        (open ? 0 : D[(j + 1) * w]); \
            if (c < best) { \
                best = c; \
                last = j; \
            } \
        } \
        mask = full; \
        for (k = m; k >= 1; k--) { \
            uint32_t prev = mask & ~(1u << last), bits; \
            T val = E[prev * per_set + last * per_stop]; \
            order[k] = last + 1; \
            for (bits = prev; bits != 0; bits &= bits - 1) { \
                j = ccad__lowest_bit(bits); \
                if (E[(prev & ~(1u << j)) * per_set + j * per_stop] + Dr[j * EXACT_MAX + last] == \
                    val) \
                    break; \
            } \
            mask = prev; \
            last = bits != 0 ? j : 0; \
        } \
        order[0] = 0; \
        *cost = best; \
    }

/* The table by rows (rows 1.. by FILL) and the tour from it. */
#define EXACT_ROWS(NAME, T, DIST, TOUR) \
    static void NAME(const int64_t *D, uint32_t m, int open, T *E, \
                     void (*fill)(T *, const T *, uint32_t), uint32_t *order, int64_t *cost) \
    { \
        T Dr[EXACT_MAX * EXACT_MAX]; \
        uint32_t j; \
        DIST(D, m, Dr); \
        for (j = 0; j < EXACT_MAX; j++) \
            E[j] = j < m ? (T)D[j + 1] : 0; \
        fill(E, Dr, m); \
        TOUR(E, EXACT_MAX, 1, Dr, D, m, open, order, cost); \
    }

EXACT_DIST(exact_distf, float)
EXACT_DIST(exact_dist32, int32_t)
EXACT_DIST(exact_dist64, int64_t)
EXACT_TOUR(exact_tourf, float)
EXACT_TOUR(exact_tour32, int32_t)
EXACT_TOUR(exact_tour64, int64_t)
#if CCAD__HAVE_AVX2_KERNELS || !CCAD__HAVE_EXACT_COLS
EXACT_ROWS(exact_rowsf, float, exact_distf, exact_tourf)
#endif
EXACT_ROWS(exact_rows32, int32_t, exact_dist32, exact_tour32)
EXACT_ROWS(exact_rows64, int64_t, exact_dist64, exact_tour64)

/* The float table's path: by rows with AVX2 (route_exact_avx2.c) when the
 * context's processor has it, else by columns with SSE2
 * (route_exact_sse2.c), or by rows in plain C where SSE2 is missing. */
static int exact_float(ccad_ctx *ctx, const int64_t *D, uint32_t m, int open, uint32_t *order,
                       int64_t *cost)
{
    float *E;
#if CCAD__HAVE_EXACT_COLS
    float Dr[EXACT_MAX * EXACT_MAX];
    size_t rows = CCAD__EXACT_COL_ROWS(m);
    uint32_t j;
#endif
#if CCAD__HAVE_AVX2_KERNELS
    if ((ctx->cpu & CCAD__CPU_AVX2) != 0) {
        E = ccad__alloc(ctx, ((size_t)1 << (m < 2 ? 2 : m)) * EXACT_MAX * sizeof *E);
        if (E == NULL)
            return CCAD_ENOMEM;
        exact_rowsf(D, m, open, E, ccad__route_exact_fill_avx2, order, cost);
        ccad__free(ctx, E);
        return CCAD_OK;
    }
#endif
#if CCAD__HAVE_EXACT_COLS
    E = ccad__alloc(ctx, CCAD__EXACT_COLS(m) * rows * sizeof *E);
    if (E == NULL)
        return CCAD_ENOMEM;
    exact_distf(D, m, Dr);
    for (j = 0; j < CCAD__EXACT_COLS(m); j++)
        E[j * rows] = j < m ? (float)D[j + 1] : 0.0f;
    ccad__route_exact_fill_cols(E, rows, Dr, m);
    exact_tourf(E, 1, rows, Dr, D, m, open, order, cost);
#else
    E = ccad__alloc(ctx, ((size_t)1 << (m < 2 ? 2 : m)) * EXACT_MAX * sizeof *E);
    if (E == NULL)
        return CCAD_ENOMEM;
    exact_rowsf(D, m, open, E, exact_fillf, order, cost);
#endif
    ccad__free(ctx, E);
    return CCAD_OK;
}

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
    if (maxd <= FLOAT_EXACT / ((int64_t)w + 1))
        return exact_float(ctx, D, m, open, order, cost);
    if (maxd <= INT32_MAX / (int64_t)w) {
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
