/* ROUTE: time-window days where no stop is ever reached before it opens
 * (wide windows), exact for up to TW_EXACT_MAX stops, for the exact solver
 * (route_tw_exact.c). Without waiting a path's end is the start plus its
 * travel plus the services of its stops, so one value per state (visited
 * set, next stop) suffices: a Held-Karp with the closes as limits.
 *
 * The table holds F[S][l], the least travel plus services of a path from
 * the base through the stops of S that then goes to stop l (outside S),
 * counted up to l's arrival, when l's service then ends by its close; else
 * infinite. A row is the lane-wise minimum over the last stop k of S of
 * F[S - k][k] + (service of k + leg k to l), then clipped: lanes above
 * their limit (close - service - start of l) become infinite. Counting the
 * services into the table (instead of adding those of S to each row)
 * makes the limit one number per lane, the same for every row, so the
 * rows are the plain solver's with a clip: the same four-row block
 * (route_exact_block.h) fills them, in SSE2 or AVX2 float lanes
 * (route_tw_exact_avx2.c) when every path stays a whole number below 2^24,
 * else in 64-bit whole numbers. The services of S are the same for every
 * candidate of a row, so the minimum, the order and its ties are those of
 * the travel alone. */
#include "route_tw.h"

#include <math.h>
#include <string.h>

#if defined(__SSE2__) && !defined(CCAD_SCALAR_ROUTE)
#include <emmintrin.h>
#define WIDE_SSE 1
#endif

#define EXACT_MAX TW_EXACT_MAX
#define WIDE_MAX_LEG (1 << 26)   /* legs and services the wide case takes */
#define WIDE_FLOAT (1 << 24)     /* float lanes: paths below this are exact */
#define WIDE_INF (INT64_MAX / 4) /* the 64-bit table's infinity */
/* The highest limit: the earlier 32-bit table's, so that a day whose legs
 * come near WIDE_MAX_LEG keeps the very same orders. */
#define WIDE_LIM_MAX (INT32_MAX / 2 - 1)

typedef char wide_lanes_are_the_exact_solvers[EXACT_MAX == CCAD__ROUTE_EXACT_MAX ? 1 : -1];

#ifdef WIDE_SSE
#include "route_rows_sse2.h"
#define EXACT_BLOCK tw_block_sse2
#define EXACT_TARGET
#define EXACT_CLIP(r) row_clip(r, Dr + EXACT_MAX * EXACT_MAX)
#define EXACT_BLOCK_FILL tw_fill_sse2
#define EXACT_BLOCK_FILL_SCOPE static
#include "route_exact_block.h"
#undef EXACT_BLOCK
#undef EXACT_BLOCK_FILL

/* The narrow kernel for days of at most TW_NARROW (eight) stops: lanes
 * 0..7 in two registers (route_tw_exact_avx2.c says why the table's
 * lanes of the day's stops are the same). */
typedef struct {
    __m128 a, b;
} row8_t;
static inline void row8_store(float *p, row8_t r)
{
    _mm_storeu_ps(p, r.a);
    _mm_storeu_ps(p + 4, r.b);
}
static inline row8_t row8_inf(void)
{
    row8_t r = {_mm_set1_ps(HUGE_VALF), _mm_set1_ps(HUGE_VALF)};
    return r;
}
static inline row8_t row8_min(row8_t x, row8_t y)
{
    row8_t r = {_mm_min_ps(x.a, y.a), _mm_min_ps(x.b, y.b)};
    return r;
}
static inline row8_t row8_plus(const float *v, const float *p)
{
    __m128 s = _mm_set1_ps(*v);
    row8_t r = {_mm_add_ps(s, _mm_loadu_ps(p)), _mm_add_ps(s, _mm_loadu_ps(p + 4))};
    return r;
}
static inline row8_t row8_clip(row8_t x, const float *lim)
{
    row8_t r = {lanes_clip(x.a, lim), lanes_clip(x.b, lim + 4)};
    return r;
}
/* the block's names for the row type and its operations */
#define row_t row8_t
#define row_store row8_store
#define row_inf row8_inf
#define row_min row8_min
#define row_plus row8_plus
#define EXACT_BLOCK tw_block8_sse2
#define EXACT_CLIP(r) row8_clip(r, Dr + EXACT_MAX * EXACT_MAX)
#define EXACT_BLOCK_FILL tw_fill8_sse2
#include "route_exact_block.h"
#undef row_t
#undef row_store
#undef row_inf
#undef row_min
#undef row_plus
#undef EXACT_TARGET
#endif

struct wide {
    const struct ccad__tw *p;
    uint32_t m;
    int64_t Dr[EXACT_MAX * EXACT_MAX];     /* [k][l]: service of stop k + leg k to l */
    int64_t lim[EXACT_MAX];                /* close - service - start of l; -1 past m */
    float Df[(EXACT_MAX + 1) * EXACT_MAX]; /* Dr in floats, then lim (clamped) */
    const float *Ef;                       /* the table: floats, or */
    int64_t *Ei;                           /* whole numbers */
};

int ccad__tw_never_waits(const struct ccad__tw *p)
{
    uint32_t n = (uint32_t)p->n, i, k;
    for (k = 1; k < n; k++) {
        int64_t in = INT64_MAX;
        for (i = 0; i < n; i++) {
            if (ccad__tw_leg(p, i, k) > WIDE_MAX_LEG)
                return 0;
            if (i != k && ccad__tw_leg(p, i, k) < in)
                in = ccad__tw_leg(p, i, k);
        }
        if (p->open[k] > (int64_t)p->start + in || p->service[k] > WIDE_MAX_LEG)
            return 0;
    }
    return 1;
}

/* Dr, lim and their floats; 1 if the float lanes are exact: every path of
 * at most m + 1 steps stays below WIDE_FLOAT. Only the rows of the day's
 * stops (k < m) are read, each in every lane (lanes past m hold 0, which
 * the limit -1 clips), and rows 0 and 1 by the first block whatever m. */
static int wide_prepare(struct wide *w)
{
    const struct ccad__tw *p = w->p;
    uint32_t m = w->m, rows = m < 2 ? 2 : m, k, l;
    int64_t most = 0;
    for (l = 0; l < EXACT_MAX; l++) {
        w->lim[l] = l < m ? (int64_t)p->close[l + 1] - p->service[l + 1] - p->start : -1;
        w->lim[l] = w->lim[l] < -1 ? -1 : w->lim[l] > WIDE_LIM_MAX ? WIDE_LIM_MAX : w->lim[l];
        if (l < m && ccad__tw_leg(p, 0, l + 1) > most)
            most = ccad__tw_leg(p, 0, l + 1);
    }
    for (k = 0; k < rows; k++)
        for (l = 0; l < EXACT_MAX; l++) {
            int64_t step = k < m && l < m ? p->service[k + 1] + ccad__tw_leg(p, k + 1, l + 1) : 0;
            w->Dr[k * EXACT_MAX + l] = step;
            w->Df[k * EXACT_MAX + l] = (float)step;
            most = step > most ? step : most;
        }
    for (l = 0; l < EXACT_MAX; l++)
        w->Df[EXACT_MAX * EXACT_MAX + l] = (float)(w->lim[l] > WIDE_FLOAT ? WIDE_FLOAT : w->lim[l]);
    return most <= WIDE_FLOAT / ((int64_t)m + 2);
}

/* F[S][l] as a whole number, WIDE_INF when infinite. */
static int64_t wide_at(const struct wide *w, uint32_t S, uint32_t l)
{
    size_t i = (size_t)S * EXACT_MAX + l;
    if (w->Ef != NULL)
        return w->Ef[i] < (float)WIDE_FLOAT ? (int64_t)w->Ef[i] : WIDE_INF;
    return w->Ei[i];
}

/* Rows 1.. of the 64-bit table, one by one (row 0 is the caller's). */
static void wide_fill64(struct wide *w)
{
    uint32_t S, bits, k, l;
    int64_t *E = w->Ei;
    for (S = 1; S < (1u << w->m); S++) {
        int64_t *row = E + (size_t)S * EXACT_MAX;
        for (l = 0; l < EXACT_MAX; l++)
            row[l] = WIDE_INF;
        for (bits = S; bits != 0; bits &= bits - 1) {
            int64_t val;
            k = ccad__lowest_bit(bits);
            val = E[(size_t)(S & ~(1u << k)) * EXACT_MAX + k];
            for (l = 0; l < EXACT_MAX; l++) /* WIDE_INF plus a leg cannot overflow */
                row[l] = val + w->Dr[k * EXACT_MAX + l] < row[l] ? val + w->Dr[k * EXACT_MAX + l]
                                                                 : row[l];
        }
        for (l = 0; l < EXACT_MAX; l++)
            row[l] = row[l] <= w->lim[l] ? row[l] : WIDE_INF;
    }
}

/* The order of the path ending at stop `last`: back from each stop the
 * lowest predecessor whose path plus the step gives its value. */
static void wide_path(const struct wide *w, uint32_t last, uint32_t *order)
{
    uint32_t mask = (1u << w->m) - 1, k, bits, j = 0;
    for (k = w->m; k >= 1; k--) {
        uint32_t prev = mask & ~(1u << last);
        int64_t val = wide_at(w, prev, last);
        order[k] = last + 1;
        for (bits = prev; bits != 0; bits &= bits - 1) {
            j = ccad__lowest_bit(bits);
            if (wide_at(w, prev & ~(1u << j), j) + w->Dr[j * EXACT_MAX + last] == val)
                break;
        }
        mask = prev;
        last = j;
    }
    order[0] = 0;
}

/* The travel of the feasible path that ends at stop j and then goes back
 * to the base, or INT64_MAX when it has none (all: the services of every
 * stop). */
static int64_t wide_travel_via(const struct wide *w, uint32_t j, int64_t all)
{
    const struct ccad__tw *p = w->p;
    int64_t f = wide_at(w, ((1u << w->m) - 1) & ~(1u << j), j), d = ccad__tw_leg(p, j + 1, 0);
    int64_t e = f - (all - p->service[j + 1]); /* the travel up to stop j */
    return f < WIDE_INF && p->start + e + all + d <= p->end ? e + d : INT64_MAX;
}

/* The feasible order of least travel from the full table: ties between
 * orders of equal travel (and so equal return) go to the lexicographically
 * smaller. The least travel first, then the orders of only the stops that
 * end a path of that travel. */
static int wide_best(const struct wide *w, uint32_t *order, struct tw_key *key)
{
    const struct ccad__tw *p = w->p;
    uint32_t m = w->m, j;
    int64_t all = 0, best = INT64_MAX;
    int found = 0;
    for (j = 1; j <= m; j++)
        all += p->service[j];
    for (j = 0; j < m; j++) {
        int64_t t = wide_travel_via(w, j, all);
        best = t < best ? t : best;
    }
    key->travel = best;
    key->late = 0;
    if (best == INT64_MAX)
        return 0;
    key->back = p->start + best + all;
    for (j = 0; j < m; j++) {
        uint32_t cand[TW_EXACT_MAX + 1];
        if (wide_travel_via(w, j, all) != best)
            continue;
        wide_path(w, j, found ? cand : order);
        if (found)
            ccad__tw_lex_keep(order, cand, m + 1);
        found = 1;
    }
    return 1;
}

#ifdef WIDE_SSE
/* Rows 1.. of the float table with the kernel for the processor and the
 * day's size. */
static void wide_fill_floats(const ccad_ctx *ctx, float *E, const float *Df, uint32_t m)
{
#if CCAD__HAVE_AVX2_KERNELS
    if ((ctx->cpu & CCAD__CPU_AVX2) != 0) {
        if (m <= TW_NARROW)
            ccad__tw_fill8_avx2(E, Df, m);
        else
            ccad__tw_fill_avx2(E, Df, m);
        return;
    }
#endif
    if (m <= TW_NARROW)
        tw_fill8_sse2(E, Df, m);
    else
        tw_fill_sse2(E, Df, m);
}
#endif

/* Room for the table of `bytes`: scratch's, grown when too small, or a
 * table of its own (NULL: out of memory). */
static void *wide_table(ccad_ctx *ctx, struct ccad__tw_scratch *scratch, size_t bytes)
{
    if (scratch == NULL)
        return ccad__alloc(ctx, bytes);
    if (scratch->bytes < bytes) {
        ccad__free(ctx, scratch->table);
        scratch->bytes = 0;
        if ((scratch->table = ccad__alloc(ctx, bytes)) != NULL)
            scratch->bytes = bytes;
    }
    return scratch->table;
}

/* Gives back a table from wide_table. */
static void wide_done(ccad_ctx *ctx, const struct ccad__tw_scratch *scratch, void *table)
{
    if (scratch == NULL)
        ccad__free(ctx, table);
}

int ccad__tw_wide(ccad_ctx *ctx, const struct ccad__tw *p, struct ccad__tw_scratch *scratch,
                  uint32_t *order, struct tw_key *key)
{
    struct wide w;
    uint32_t m = (uint32_t)p->n - 1, l;
    size_t rows = (size_t)1 << m;
    int found;
    w.p = p;
    w.m = m;
    w.Ef = NULL;
    w.Ei = NULL;
#ifdef WIDE_SSE
    if (wide_prepare(&w)) {
        float *E = wide_table(ctx, scratch, (rows < 4 ? 4 : rows) * EXACT_MAX * sizeof *E);
        if (E == NULL)
            return -1;
        for (l = 0; l < EXACT_MAX; l++) /* row 0: from the base */
            E[l] = l < m && ccad__tw_leg(p, 0, l + 1) <= w.lim[l] ? (float)ccad__tw_leg(p, 0, l + 1)
                                                                  : HUGE_VALF;
        wide_fill_floats(ctx, E, w.Df, m);
        w.Ef = E;
        found = wide_best(&w, order, key);
        wide_done(ctx, scratch, E);
        return found;
    }
#else
    (void)wide_prepare(&w);
#endif
    w.Ei = wide_table(ctx, scratch, rows * EXACT_MAX * sizeof *w.Ei);
    if (w.Ei == NULL)
        return -1;
    for (l = 0; l < EXACT_MAX; l++)
        w.Ei[l] = l < m && ccad__tw_leg(p, 0, l + 1) <= w.lim[l] ? ccad__tw_leg(p, 0, l + 1)
                                                                 : WIDE_INF;
    wide_fill64(&w);
    found = wide_best(&w, order, key);
    wide_done(ctx, scratch, w.Ei);
    return found;
}
