/* ROUTE: the exact tour for at most CCAD__ROUTE_EXACT_MAX stops, by
 * dynamic programming over subsets (Held-Karp), for ccad_route_solve
 * (route.c), which gives the costs. */
#include "internal.h"

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

EXACT_ROW(exact_row32, int32_t)
EXACT_ROW(exact_row64, int64_t)

#ifdef EXACT_SSE
/* The float row with SSE: the twelve lanes in three registers, minps doing
 * in one instruction what whole numbers need four for without SSE4.1
 * (minps(c, t) is c < t ? c : t, the rule above). */
static void exact_rowf(float *E, const float *Dr, uint32_t S)
{
    __m128 t0, t1, t2;
    uint32_t bits = S, k = ccad__lowest_bit(bits);
    __m128 v = _mm_set1_ps(E[(size_t)(S & ~(1u << k)) * EXACT_MAX + k]);
    const float *dr = Dr + k * EXACT_MAX;
    t0 = _mm_add_ps(v, _mm_loadu_ps(dr));
    t1 = _mm_add_ps(v, _mm_loadu_ps(dr + 4));
    t2 = _mm_add_ps(v, _mm_loadu_ps(dr + 8));
    for (bits &= bits - 1; bits != 0; bits &= bits - 1) {
        k = ccad__lowest_bit(bits);
        v = _mm_set1_ps(E[(size_t)(S & ~(1u << k)) * EXACT_MAX + k]);
        dr = Dr + k * EXACT_MAX;
        t0 = _mm_min_ps(_mm_add_ps(v, _mm_loadu_ps(dr)), t0);
        t1 = _mm_min_ps(_mm_add_ps(v, _mm_loadu_ps(dr + 4)), t1);
        t2 = _mm_min_ps(_mm_add_ps(v, _mm_loadu_ps(dr + 8)), t2);
    }
    _mm_storeu_ps(E + (size_t)S * EXACT_MAX, t0);
    _mm_storeu_ps(E + (size_t)S * EXACT_MAX + 4, t1);
    _mm_storeu_ps(E + (size_t)S * EXACT_MAX + 8, t2);
}
#else
EXACT_ROW(exact_rowf, float)
#endif

/* The rows (ROW above) and the tour from them. */
#define EXACT_ROWS(NAME, T, ROW) \
    static void NAME(const int64_t *D, uint32_t m, int open, T *E, uint32_t *order, int64_t *cost) \
    { \
        uint32_t full = (1u << m) - 1, w = m + 1, S, j, k, last = 0, mask; \
        T Dr[EXACT_MAX * EXACT_MAX]; \
        int64_t best = INT64_MAX; \
        memset(Dr, 0, sizeof Dr); \
        for (k = 0; k < m; k++) \
            for (j = 0; j < m; j++) \
                Dr[k * EXACT_MAX + j] = (T)D[(k + 1) * w + j + 1]; \
        for (j = 0; j < EXACT_MAX; j++) \
            E[j] = j < m ? (T)D[j + 1] : 0; \
        for (S = 1; S < full; S++) \
            ROW(E, Dr, S); \
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

EXACT_ROWS(exact_rowsf, float, exact_rowf)
EXACT_ROWS(exact_rows32, int32_t, exact_row32)
EXACT_ROWS(exact_rows64, int64_t, exact_row64)

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
        E = ccad__alloc(ctx, rows * EXACT_MAX * sizeof(float));
        if (E == NULL)
            return CCAD_ENOMEM;
        exact_rowsf(D, m, open, E, order, cost);
    } else if (maxd <= INT32_MAX / (int64_t)w) {
        E = ccad__alloc(ctx, rows * EXACT_MAX * sizeof(int32_t));
        if (E == NULL)
            return CCAD_ENOMEM;
        exact_rows32(D, m, open, E, order, cost);
    } else {
        E = ccad__alloc(ctx, rows * EXACT_MAX * sizeof(int64_t));
        if (E == NULL)
            return CCAD_ENOMEM;
        exact_rows64(D, m, open, E, order, cost);
    }
    ccad__free(ctx, E);
    return CCAD_OK;
}
