/* ROUTE: the exact solver's float table with SSE2, held by columns (one
 * per stop, route_exact.h), for processors without AVX2 (route_exact.c
 * chooses it).
 *
 * A register holds four subsets of one column: S = H..H+3, H a multiple of
 * four, which differ only in stops 0 and 1 (the low stops). Entry
 * E[S][j] counts only for j outside S, so a block H computes only the
 * columns of stops outside H, and for each only the high stops k of H as
 * the last stop before j: the lane-wise minimum of E[H - k][k..k+3] (four
 * subsets of column k, four rows back in one load) plus the cost from k
 * to j, the same in every lane. That skips the columns of stops inside H,
 * about half the work the row-by-row table spends on values nobody reads.
 *
 * The low stops come last, as in route_exact_block.h: E[H+1][j] may end
 * with stop 0 after E[H][0], E[H+2][j] with stop 1 after E[H][1], and
 * E[H+3][j] with stop 0 after E[H+2][0] or stop 1 after E[H+1][1]. Those
 * four values are found once a block (from columns 0 and 1, which every
 * block computes first) and serve every column in two additions and two
 * minimums. Every value is a whole number below 2^24, exact in float, so
 * the order of the candidates changes no minimum: the values read are
 * those of the row-by-row table, and with them the tour and its ties. */
#include "internal.h"

#include "route_exact.h"

#if defined(__SSE2__) && !defined(CCAD_SCALAR_ROUTE)
#include <emmintrin.h>
#include <math.h>

#define EXACT_MAX CCAD__ROUTE_EXACT_MAX
#define LOW_STOPS 3u /* stops 0 and 1: the lanes of a register */

/* What every block reads besides the table: the costs between stops in
 * every lane, and for the low stops the costs from stops 0 and 1 laid out
 * along the lanes they serve. */
struct cols_costs {
    __m128 to[EXACT_MAX][EXACT_MAX]; /* to[k][j]: the cost from k to j */
    __m128 low0[EXACT_MAX];          /* [0, cost 0->j, cost 1->j, cost 0->j] */
    __m128 low1[EXACT_MAX];          /* [0, 0, 0, cost 1->j] */
};

/* The high stops of a block: the four-subset sources of each, and the
 * costs from each. */
struct cols_block {
    __m128 src[EXACT_MAX];
    const __m128 *from[EXACT_MAX];
    uint32_t count;
};

/* Column j of block H before its low stops: the minimum over the high stops
 * k of H of E[H - k][k] + cost(k, j), lane by lane; `start` the value
 * before any (row 0's costs in block 0, else infinite). */
static inline __m128 cols_high(const struct cols_block *b, uint32_t j, __m128 start)
{
    __m128 acc = start;
    uint32_t i;
    for (i = 0; i < b->count; i++)
        acc = _mm_min_ps(acc, _mm_add_ps(b->src[i], b->from[i][j]));
    return acc;
}

static inline __m128 cols_start(const float *E, size_t rows, uint32_t H, uint32_t j)
{
    __m128 inf = _mm_set1_ps(HUGE_VALF);
    return H != 0 ? inf : _mm_move_ss(inf, _mm_load_ss(E + j * rows));
}

static void cols_fill_block(float *E, size_t rows, const struct cols_costs *c, uint32_t H,
                            uint32_t m)
{
    struct cols_block b;
    uint32_t bits, outside = ~H & (((uint32_t)1 << m) - 1) & ~LOW_STOPS;
    __m128 a0, a1, via0, via1;
    float e0, e1, e02, e11;
    b.count = 0;
    for (bits = H; bits != 0; bits &= bits - 1) {
        uint32_t k = ccad__lowest_bit(bits);
        b.src[b.count] = _mm_loadu_ps(E + k * rows + (H & ~(1u << k)));
        b.from[b.count++] = c->to[k];
    }
    a0 = cols_high(&b, 0, cols_start(E, rows, H, 0));
    a1 = cols_high(&b, 1, cols_start(E, rows, H, 1));
    /* E[H][0], E[H][1], then E[H+2][0] (stop 1 last) and E[H+1][1] (stop 0
     * last), the sources of the low stops */
    e0 = _mm_cvtss_f32(a0);
    e1 = _mm_cvtss_f32(a1);
    e02 = _mm_cvtss_f32(_mm_shuffle_ps(a0, a0, 2));
    e11 = _mm_cvtss_f32(_mm_shuffle_ps(a1, a1, 1));
    e02 = e02 < e1 + _mm_cvtss_f32(c->to[1][0]) ? e02 : e1 + _mm_cvtss_f32(c->to[1][0]);
    e11 = e11 < e0 + _mm_cvtss_f32(c->to[0][1]) ? e11 : e0 + _mm_cvtss_f32(c->to[0][1]);
    via0 = _mm_setr_ps(HUGE_VALF, e0, e1, e02);
    via1 = _mm_setr_ps(HUGE_VALF, HUGE_VALF, HUGE_VALF, e11);
#define COLS_LOW(a, j) \
    _mm_min_ps(a, _mm_min_ps(_mm_add_ps(via0, c->low0[j]), _mm_add_ps(via1, c->low1[j])))
    _mm_storeu_ps(E + H, COLS_LOW(a0, 0));
    _mm_storeu_ps(E + rows + H, COLS_LOW(a1, 1));
    for (bits = outside; bits != 0; bits &= bits - 1) {
        uint32_t j = ccad__lowest_bit(bits);
        _mm_storeu_ps(E + j * rows + H, COLS_LOW(cols_high(&b, j, cols_start(E, rows, H, j)), j));
    }
#undef COLS_LOW
}

void ccad__route_exact_fill_cols(float *E, size_t rows, const float *Dr, uint32_t m)
{
    struct cols_costs c;
    uint32_t cols = CCAD__EXACT_COLS(m), k, j, H;
    for (k = 0; k < cols; k++)
        for (j = 0; j < cols; j++)
            c.to[k][j] = _mm_set1_ps(Dr[k * EXACT_MAX + j]);
    for (j = 0; j < cols; j++) {
        c.low0[j] = _mm_setr_ps(0.0f, Dr[j], Dr[EXACT_MAX + j], Dr[j]);
        c.low1[j] = _mm_setr_ps(0.0f, 0.0f, 0.0f, Dr[EXACT_MAX + j]);
    }
    for (H = 0; H < ((uint32_t)1 << m); H += 4)
        cols_fill_block(E, rows, &c, H, m);
}
#else
typedef int ccad__route_exact_sse2_unused; /* ISO C: no empty translation unit */
#endif
