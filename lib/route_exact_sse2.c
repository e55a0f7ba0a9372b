/* ROUTE: the exact solver's float table with SSE2, held by columns (one
 * per stop, route_exact.h), for processors without AVX2 (route_exact.c
 * chooses it).
 *
 * A register holds four subsets of one column: S = H..H+3, H a multiple of
 * four, which differ only in stops 0 and 1 (the low stops). Entry
 * E[S][j] counts only for j outside S, so a block H computes only the
 * columns of stops outside H, and for each only the high stops k of H as
 * the last stop before j: the lane-wise minimum of E[H - k + l][k] for
 * l = 0..3 (four subsets of column k in one load) plus the cost from k to
 * j, the same in every lane. That skips the columns of stops inside H,
 * about half the work the row-by-row table spends on values nobody reads.
 *
 * The low stops come last, as in route_exact_block.h: E[H+1][j] may end
 * with stop 0 after E[H][0], E[H+2][j] with stop 1 after E[H][1], and
 * E[H+3][j] with stop 0 after E[H+2][0] or stop 1 after E[H+1][1]. Those
 * four values are found once a block (from columns 0 and 1, which every
 * block computes first) and serve every column in two additions and two
 * minimums. Every value is a whole number below 2^24, exact in float, so
 * the order of the candidates changes no minimum: the values read are
 * those of the row-by-row table, and with them the tour and its ties.
 *
 * How many high stops a block has decides how often its loops run. In
 * increasing order of H that count changes from one block to the next in
 * a way the processor cannot guess, and a wrong guess costs more than the
 * work of a column; so the blocks go by that count instead (all blocks of
 * one high stop, then of two, ...; a block only reads blocks of fewer),
 * and each count is a compiled case of its own, its loops unrolled. */
#include "internal.h"

#include "route_exact.h"

#if CCAD__HAVE_EXACT_COLS
#include <emmintrin.h>
#include <math.h>

#define EXACT_MAX CCAD__ROUTE_EXACT_MAX
#define LOW_STOPS 3u /* stops 0 and 1: the lanes of a register */

/* What every block reads besides the table: the costs between stops in
 * every lane, and for the low stops the costs from stops 0 and 1 laid out
 * along the lanes they serve. */
struct cols_costs {
    __m128 to[EXACT_MAX][EXACT_MAX]; /* to[k][j]: the cost from k to j */
    __m128 low0[EXACT_MAX];          /* [inf, cost 0->j, cost 1->j, cost 0->j] */
    __m128 low1[EXACT_MAX];          /* [inf, inf, inf, cost 1->j] */
    float *col[EXACT_MAX];           /* the columns */
    const float *back[EXACT_MAX];    /* back[k] + H: column k at H - {k} */
};

#if defined(__GNUC__) || defined(__clang__)
#define COLS_INLINE static inline __attribute__((always_inline))
#else
#define COLS_INLINE static inline
#endif

/* Column j of a block before its low stops: the minimum over its n high
 * stops (sources src, costs from) of E[H - k][k] + cost(k, j), lane by
 * lane; `start` when n is 0 (block 0: the costs from the base). */
COLS_INLINE __m128 cols_high(const __m128 *src, const __m128 *const *from, uint32_t n, uint32_t j,
                             __m128 start)
{
    __m128 acc;
    uint32_t i;
    if (n == 0)
        return start;
    acc = _mm_add_ps(src[0], from[0][j]);
    for (i = 1; i < n; i++)
        acc = _mm_min_ps(acc, _mm_add_ps(src[i], from[i][j]));
    return acc;
}

/* Block H, whose high stops number n (a constant where inlined): block 0
 * (no high stop) starts from row 0, the costs from the base, with the
 * other lanes infinite. */
COLS_INLINE void cols_block(const struct cols_costs *c, uint32_t H, uint32_t m, uint32_t n)
{
    __m128 src[EXACT_MAX], a0, a1, low, via0, via1, inf = _mm_set1_ps(HUGE_VALF);
    const __m128 *from[EXACT_MAX];
    uint32_t bits = H, i;
    for (i = 0; i < n; i++) {
        uint32_t k = ccad__lowest_bit(bits);
        bits &= bits - 1;
        src[i] = _mm_loadu_ps(c->back[k] + H);
        from[i] = c->to[k];
    }
#define COLS_START(j) (n != 0 ? inf : _mm_move_ss(inf, _mm_load_ss(c->col[j])))
    a0 = cols_high(src, from, n, 0, COLS_START(0));
    a1 = cols_high(src, from, n, 1, COLS_START(1));
    /* The sources of the low stops: E[H][0] and E[H][1] (lanes 0 of a0,
     * a1), E[H+2][0] (stop 1 last, lane 2 of via0) and E[H+1][1] (stop 0
     * last, lane 1 of via1), laid out along the lanes they serve: via0 =
     * [-, E[H][0], E[H][1], E[H+2][0]], via1 = [-, -, -, E[H+1][1]]. */
    via0 = _mm_min_ps(a0, _mm_add_ps(_mm_shuffle_ps(a1, a1, 0), c->to[1][0]));
    via1 = _mm_min_ps(a1, _mm_add_ps(_mm_shuffle_ps(a0, a0, 0), c->to[0][1]));
    low = _mm_shuffle_ps(_mm_unpacklo_ps(a0, a1), via0, _MM_SHUFFLE(2, 2, 1, 0));
    via0 = _mm_castsi128_ps(_mm_slli_si128(_mm_castps_si128(low), 4));
    via1 = _mm_shuffle_ps(via1, via1, _MM_SHUFFLE(1, 1, 1, 1));
#define COLS_LOW(a, j) \
    _mm_min_ps(a, _mm_min_ps(_mm_add_ps(via0, c->low0[j]), _mm_add_ps(via1, c->low1[j])))
    _mm_storeu_ps(c->col[0] + H, COLS_LOW(a0, 0));
    _mm_storeu_ps(c->col[1] + H, COLS_LOW(a1, 1));
    for (bits = ~H & (((uint32_t)1 << m) - 1) & ~LOW_STOPS; bits != 0; bits &= bits - 1) {
        uint32_t j = ccad__lowest_bit(bits);
        _mm_storeu_ps(c->col[j] + H, COLS_LOW(cols_high(src, from, n, j, COLS_START(j)), j));
    }
#undef COLS_LOW
#undef COLS_START
}

/* Every block whose high stops number n, in increasing order of their
 * sets (the next set of as many stops from each, Gosper's way); the blocks
 * they read have fewer high stops, filled before. */
COLS_INLINE void cols_layer(const struct cols_costs *c, uint32_t m, uint32_t n)
{
    uint32_t high = m > 2 ? m - 2 : 0, set = ((uint32_t)1 << n) - 1;
    if (n == 0) {
        cols_block(c, 0, m, 0);
        return;
    }
    while (set < ((uint32_t)1 << high)) {
        uint32_t low = set & (0u - set), up = set + low;
        cols_block(c, set << 2, m, n);
        set = up | (((set ^ up) >> 2) >> ccad__lowest_bit(set));
    }
}

void ccad__route_exact_fill_cols(float *E, size_t rows, const float *Dr, uint32_t m)
{
    struct cols_costs c;
    uint32_t cols = CCAD__EXACT_COLS(m), k, j, n;
    for (k = 0; k < cols; k++)
        for (j = 0; j < cols; j++)
            c.to[k][j] = _mm_set1_ps(Dr[k * EXACT_MAX + j]);
    for (j = 0; j < cols; j++) {
        c.low0[j] = _mm_setr_ps(HUGE_VALF, Dr[j], Dr[EXACT_MAX + j], Dr[j]);
        c.low1[j] = _mm_setr_ps(HUGE_VALF, HUGE_VALF, HUGE_VALF, Dr[EXACT_MAX + j]);
        c.col[j] = E + j * rows;
        c.back[j] = j < 2 ? NULL : E + j * rows - ((size_t)1 << j); /* high stops only */
    }
    for (n = 0; n + 2 <= m || n == 0; n++)
        switch (n) { /* the count a constant in each, for the compiler */
        case 0: cols_layer(&c, m, 0); break;
        case 1: cols_layer(&c, m, 1); break;
        case 2: cols_layer(&c, m, 2); break;
        case 3: cols_layer(&c, m, 3); break;
        case 4: cols_layer(&c, m, 4); break;
        case 5: cols_layer(&c, m, 5); break;
        case 6: cols_layer(&c, m, 6); break;
        case 7: cols_layer(&c, m, 7); break;
        case 8: cols_layer(&c, m, 8); break;
        case 9: cols_layer(&c, m, 9); break;
        default: cols_layer(&c, m, 10); break;
        }
}
#else
typedef int ccad__route_exact_sse2_unused; /* ISO C: no empty translation unit */
#endif
