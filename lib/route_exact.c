/* ROUTE: the exact tour for at most CCAD__ROUTE_EXACT_MAX stops, by
 * dynamic programming over subsets (Held-Karp), for ccad_route_solve
 * (route.c), which gives the costs. */
#include "internal.h"

#include <string.h>

#define EXACT_MAX CCAD__ROUTE_EXACT_MAX

/* Held-Karp by rows: E[S][j] is the shortest path from the base through
 * the stop set S (bits of stops 0..m-1, point k+1 is stop k) that then
 * goes on to stop j, for j outside S (lanes of stops inside S hold sums
 * nobody reads). A row is the lane-wise minimum over the last stop k of S of
 * E[S - k][k] + D[k][*], so the inner loop runs over EXACT_MAX lanes with
 * no branches. The tour is the plain Held-Karp one with its tie rules: the
 * first (lowest) last stop of least cost, and back from each stop the first
 * predecessor of least cost, found again from the values. T is the type of
 * the values: int32_t when every path fits, else int64_t. */
#define EXACT_ROWS(NAME, T)                                                                   \
    static void NAME(const int64_t *D, uint32_t m, int open, T *E, uint32_t *order,         \
                     int64_t *cost)                                                          \
    {                                                                                        \
        uint32_t full = (1u << m) - 1, w = m + 1, S, j, k, last = 0, mask;                   \
        T Dr[EXACT_MAX * EXACT_MAX];                                                         \
        int64_t best = INT64_MAX;                                                            \
        memset(Dr, 0, sizeof Dr);                                                            \
        for (k = 0; k < m; k++)                                                              \
            for (j = 0; j < m; j++)                                                          \
                Dr[k * EXACT_MAX + j] = (T)D[(k + 1) * w + j + 1];                           \
        for (j = 0; j < EXACT_MAX; j++)                                                      \
            E[j] = j < m ? (T)D[j + 1] : 0;                                                  \
        for (S = 1; S < full; S++) {                                                         \
            T t[EXACT_MAX], val;                                                             \
            const T *dr;                                                                     \
            uint32_t bits = S, l;                                                            \
            k = ccad__lowest_bit(bits);                                                    \
            bits &= bits - 1;                                                                \
            val = E[(size_t)(S & ~(1u << k)) * EXACT_MAX + k];                               \
            dr = Dr + k * EXACT_MAX;                                                         \
            for (l = 0; l < EXACT_MAX; l++)                                                  \
                t[l] = (T)(val + dr[l]);                                                     \
            while (bits != 0) {                                                              \
                k = ccad__lowest_bit(bits);                                                \
                bits &= bits - 1;                                                            \
                val = E[(size_t)(S & ~(1u << k)) * EXACT_MAX + k];                           \
                dr = Dr + k * EXACT_MAX;                                                     \
                for (l = 0; l < EXACT_MAX; l++) {                                            \
                    T c = (T)(val + dr[l]);                                                  \
                    t[l] = c < t[l] ? c : t[l];                                              \
                }                                                                            \
            }                                                                                \
            memcpy(E + (size_t)S * EXACT_MAX, t, sizeof t);                                  \
        }                                                                                    \
        for (j = 0; j < m; j++) {                                                            \
            int64_t c = (int64_t)E[(size_t)(full & ~(1u << j)) * EXACT_MAX + j] +            \
                        (open ? 0 : D[(j + 1) * w]);                                         \
            if (c < best) {                                                                  \
                best = c;                                                                    \
                last = j;                                                                    \
            }                                                                                \
        }                                                                                    \
        mask = full;                                                                         \
        for (k = m; k >= 1; k--) {                                                           \
            uint32_t prev = mask & ~(1u << last), bits;                                      \
            T val = E[(size_t)prev * EXACT_MAX + last];                                      \
            order[k] = last + 1;                                                             \
            for (bits = prev; bits != 0; bits &= bits - 1) {                                 \
                j = ccad__lowest_bit(bits);                                                \
                if (E[(size_t)(prev & ~(1u << j)) * EXACT_MAX + j] + Dr[j * EXACT_MAX + last] == \
                    val)                                                                     \
                    break;                                                                   \
            }                                                                                \
            mask = prev;                                                                     \
            last = bits != 0 ? j : 0;                                                        \
        }                                                                                    \
        order[0] = 0;                                                                        \
        *cost = best;                                                                        \
    }

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
    if (maxd <= INT32_MAX / (int64_t)w) {
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
