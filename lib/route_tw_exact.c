/* Routes with time windows, exact for up to TW_EXACT_MAX stops: dynamic
 * programming over (visited set, last stop) with Pareto labels.
 *
 * A label is a path from the base through the set, ending at the last stop:
 * its criterion `a` (travel minutes when looking for feasible orders, the
 * minutes late so far when none is feasible), the minute its service ends,
 * its travel and its predecessor label. A label dominates another of the same
 * state when its `a` and its end are both no greater: waiting is allowed, so
 * whatever order of the remaining stops works after the later end works after
 * the earlier one, with no more minutes and no later times. Keeping every
 * non-dominated label therefore keeps an optimal order.
 *
 * Where exactness ends: each state keeps at most TW_LABEL_CAP labels (those
 * with the least `a`, then the earliest end). Wide windows give one label per
 * state (no waiting: the end grows with the travel); several appear only when
 * waiting makes a longer path end earlier. Only a state with more than
 * TW_LABEL_CAP such trade-offs can lose the optimum.
 *
 * Labels are built state by state (sets in increasing order, so every
 * predecessor is complete) into one pool; off[S * m + j] is where the labels
 * of (S, stop j) begin. Ties between equal labels go to the first found;
 * ties between final orders of equal key to the lexicographically smaller. */
#include "grow.h"
#include "route_tw.h"

#include <string.h>

#if defined(__SSE2__) && !defined(CCAD_SCALAR_ROUTE)
#include <emmintrin.h>
#define WIDE_SSE 1
#endif

#define TW_LABEL_CAP 16
#define WIDE_MAX_LEG (1 << 26) /* legs and services of the 32-bit Held-Karp */
#define WIDE_INF (INT32_MAX / 2)
#define WIDE_FLOAT_LEG (1 << 24) /* legs of the float lanes: at most this / (m + 2) */
#define NO_PRED UINT32_MAX

struct label {
    int64_t a, end, travel;
    uint32_t pred; /* pool index, NO_PRED from the base */
    uint32_t last; /* stop index 0..m-1 (point last + 1) */
};

struct dp {
    ccad_ctx *ctx;
    const struct ccad__tw *p;
    uint32_t m;
    int late_mode;
    int64_t D[(TW_EXACT_MAX + 1) * (TW_EXACT_MAX + 1)];  /* legs, w = m + 1 wide */
    int64_t sp[(TW_EXACT_MAX + 1) * (TW_EXACT_MAX + 1)]; /* shortest paths over legs */
    int64_t latest[TW_EXACT_MAX + 1]; /* latest service start; [0]: the day's end */
    uint32_t *off;
    struct label *pool;
    size_t npool, cap;
};

/* Adds candidate c to the Pareto set kept[0..nk); returns the new count. */
static uint32_t pareto_add(struct label *kept, uint32_t nk, const struct label *c)
{
    uint32_t i, w;
    for (i = 0; i < nk; i++) {
        const struct label *k = &kept[i];
        if (k->a <= c->a && k->end <= c->end &&
            (k->a < c->a || k->end < c->end || k->travel <= c->travel))
            return nk;
    }
    for (i = w = 0; i < nk; i++)
        if (!(c->a <= kept[i].a && c->end <= kept[i].end))
            kept[w++] = kept[i];
    kept[w++] = *c;
    return w;
}

/* Keeps the TW_LABEL_CAP best labels by (a, end), in that order. */
static uint32_t cap_labels(struct label *kept, uint32_t nk)
{
    uint32_t i, j;
    if (nk <= TW_LABEL_CAP)
        return nk;
    for (i = 1; i < nk; i++) {
        struct label t = kept[i];
        for (j = i;
             j > 0 && (kept[j - 1].a > t.a || (kept[j - 1].a == t.a && kept[j - 1].end > t.end));
             j--)
            kept[j] = kept[j - 1];
        kept[j] = t;
    }
    return TW_LABEL_CAP;
}

/* Legs, shortest paths (Floyd-Warshall: a rep may drive through any
 * point) and latest starts, for the pruning of dead_end(). */
static void prepare(struct dp *table)
{
    const struct ccad__tw *p = table->p;
    uint32_t w = table->m + 1, i, j, k;
    for (i = 0; i < w; i++)
        for (j = 0; j < w; j++)
            table->D[i * w + j] = table->sp[i * w + j] = ccad__tw_leg(p, i, j);
    for (k = 0; k < w; k++)
        for (i = 0; i < w; i++)
            for (j = 0; j < w; j++)
                if (table->sp[i * w + k] + table->sp[k * w + j] < table->sp[i * w + j])
                    table->sp[i * w + j] = table->sp[i * w + k] + table->sp[k * w + j];
    table->latest[0] = p->end;
    for (k = 1; k < w; k++)
        table->latest[k] = (int64_t)p->close[k] - p->service[k];
}

/* Looking for feasible orders: 1 if a path ending at point j at minute
 * `end` can no longer reach some stop outside S, or the base, in time. Any
 * way there takes at least the shortest path, so no completion is lost. */
static int dead_end(const struct dp *table, uint32_t S, uint32_t j, int64_t end)
{
    uint32_t w = table->m + 1, k, rest = ~S & ((1u << table->m) - 1);
    const int64_t *sp = table->sp + (size_t)j * w;
    if (end + sp[0] > table->latest[0])
        return 1;
    for (; rest != 0; rest &= rest - 1) {
        k = ccad__lowest_bit(rest) + 1;
        if (end + sp[k] > table->latest[k])
            return 1;
    }
    return 0;
}

/* The labels of (S, j) from every label of (S - j, i), into kept. */
static uint32_t extend_state(const struct dp *table, uint32_t S, uint32_t j, struct label *kept)
{
    const struct ccad__tw *p = table->p;
    uint32_t prev = S & ~(1u << j), nk = 0, bits, m = table->m, w = m + 1;
    struct label c;
    c.last = j;
    if (prev == 0) {
        int64_t late = 0, d = table->D[j + 1];
        c.end = ccad__tw_serve(p, j + 1, (int64_t)p->start + d, &late);
        c.travel = d;
        c.a = table->late_mode ? late : d;
        c.pred = NO_PRED;
        if (!table->late_mode && (late > 0 || dead_end(table, S, j + 1, c.end)))
            return 0;
        return pareto_add(kept, 0, &c);
    }
    for (bits = prev; bits != 0; bits &= bits - 1) {
        uint32_t i = ccad__lowest_bit(bits), q;
        uint32_t lo = table->off[(size_t)prev * m + i], hi = table->off[(size_t)prev * m + i + 1];
        int64_t d = table->D[(i + 1) * w + j + 1];
        for (q = lo; q < hi; q++) {
            const struct label *label = &table->pool[q];
            int64_t late = 0;
            c.end = ccad__tw_serve(p, j + 1, label->end + d, &late);
            c.travel = label->travel + d;
            if (!table->late_mode && (late > 0 || dead_end(table, S, j + 1, c.end)))
                continue;
            c.a = table->late_mode ? label->a + late : c.travel;
            c.pred = q;
            nk = pareto_add(kept, nk, &c);
        }
    }
    return cap_labels(kept, nk);
}

/* Room for the labels one state can hold while it is built (kept[] of
 * extend_state), at the end of the pool. */
#define TW_STATE_ROOM (TW_EXACT_MAX * TW_LABEL_CAP + 1)

static int build(struct dp *table)
{
    uint32_t m = table->m, full = (1u << m) - 1, S, j;
    table->npool = 0;
    for (S = 0; S <= full; S++)
        for (j = 0; j < m; j++) {
            table->off[(size_t)S * m + j] = (uint32_t)
                                                table->npool; /* before: (S - 1, m - 1) ends here */
            if (!(S & (1u << j)))
                continue;
            if (table->npool + TW_STATE_ROOM > table->cap && /* the room test inline: per state */
                ccad__grow(table->ctx, &table->pool, &table->cap, table->npool + TW_STATE_ROOM,
                           sizeof *table->pool, TW_STATE_ROOM, SIZE_MAX) != CCAD_OK)
                return CCAD_ENOMEM; /* the caller reports it as out of memory */
            /* built in place: the predecessors all lie before table->npool */
            table->npool += extend_state(table, S, j, table->pool + table->npool);
        }
    table->off[(size_t)(full + 1) * m] = (uint32_t)table->npool;
    return CCAD_OK;
}

static void reconstruct(const struct dp *table, uint32_t q, uint32_t *order)
{
    uint32_t k = table->m;
    while (q != NO_PRED && k >= 1) {
        order[k--] = table->pool[q].last + 1;
        q = table->pool[q].pred;
    }
    order[0] = 0;
}

/* Keeps in `order` the lexicographically smaller of it and cand. */
static void lex_keep(uint32_t *order, const uint32_t *cand, size_t n)
{
    size_t x = 1;
    while (x < n && cand[x] == order[x])
        x++;
    if (x < n && cand[x] < order[x])
        memcpy(order, cand, n * sizeof *order);
}

/* The best complete label into order and key; 0 if there is none. */
static int best_final(const struct dp *table, uint32_t *order, struct tw_key *key)
{
    const struct ccad__tw *p = table->p;
    uint32_t m = table->m, full = (1u << m) - 1, j, q, found = 0;
    uint32_t cand[TW_EXACT_MAX + 1];
    for (j = 0; j < m; j++) {
        size_t s = (size_t)full * m + j;
        int64_t d = ccad__tw_leg(p, j + 1, 0);
        for (q = table->off[s]; q < table->off[s + 1]; q++) {
            const struct label *label = &table->pool[q];
            struct tw_key k;
            int c;
            k.back = label->end + d;
            k.travel = label->travel + d;
            k.late = table->late_mode ? label->a + (k.back > p->end ? k.back - p->end : 0) : 0;
            if (!table->late_mode && k.back > p->end)
                continue;
            c = found ? ccad__tw_key_cmp(&k, key) : -1;
            if (c == 0) {
                reconstruct(table, q, cand);
                lex_keep(order, cand, p->n);
                continue;
            }
            if (c < 0) {
                *key = k;
                reconstruct(table, q, order);
                found = 1;
            }
        }
    }
    return (int)found;
}

/* 1 if no stop can ever be reached before it opens (every arrival is at
 * least p->start plus the cheapest leg into the stop) and the legs and
 * services are small enough for the 32-bit lanes of wide_dp. Then a path's
 * end is start + travel + the service of its set, one value per state
 * suffices and the Held-Karp of wide_dp is exact. */
static int never_waits(const struct ccad__tw *p)
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

/* The order of wide_dp's path ending at stop `last`: back from each stop
 * the lowest predecessor whose path plus the leg gives its value. */
static void wide_path(const int32_t *E, const int32_t *Dr, uint32_t m, uint32_t last,
                      uint32_t *order)
{
    uint32_t mask = (1u << m) - 1, k, bits, j = 0;
    for (k = m; k >= 1; k--) {
        uint32_t prev = mask & ~(1u << last);
        int32_t val = E[(size_t)prev * TW_EXACT_MAX + last];
        order[k] = last + 1;
        for (bits = prev; bits != 0; bits &= bits - 1) {
            j = ccad__lowest_bit(bits);
            if (E[(size_t)(prev & ~(1u << j)) * TW_EXACT_MAX + j] + Dr[j * TW_EXACT_MAX + last] ==
                val)
                break;
        }
        mask = prev;
        last = j;
    }
    order[0] = 0;
}

/* Row S's lane-wise minimum over the stops k of S of E[S - k][k] + leg(k, *),
 * starting from t, into t. */
static void wide_row(const int32_t *E, const int32_t *Dr, uint32_t S, int32_t *t)
{
    uint32_t bits, k, l;
    for (bits = S; bits != 0; bits &= bits - 1) {
        const int32_t *dr;
        int32_t val;
        k = ccad__lowest_bit(bits);
        val = E[(size_t)(S & ~(1u << k)) * TW_EXACT_MAX + k];
        dr = Dr + k * TW_EXACT_MAX;
        for (l = 0; l < TW_EXACT_MAX; l++) { /* WIDE_INF + a leg stays below 2^31 */
            int32_t c = val + dr[l];
            t[l] = c < t[l] ? c : t[l];
        }
    }
}

#ifdef WIDE_SSE
/* wide_row in float lanes (minps in place of four instructions for whole
 * numbers without SSE4.1), for legs small enough that every path is a whole
 * number below 2^24, which floats hold and add exactly. WIDE_INF and its
 * sums are not exact as floats but stay above WIDE_INF - 1, so the lanes'
 * test in wide_dp turns them back into WIDE_INF: E holds the same values. */
static void wide_row_sse(const int32_t *E, const float *Df, uint32_t S, int32_t *t)
{
    __m128 t0 = _mm_cvtepi32_ps(_mm_loadu_si128((const __m128i *)(const void *)t));
    __m128 t1 = _mm_cvtepi32_ps(_mm_loadu_si128((const __m128i *)(const void *)(t + 4)));
    __m128 t2 = _mm_cvtepi32_ps(_mm_loadu_si128((const __m128i *)(const void *)(t + 8)));
    uint32_t bits;
    for (bits = S; bits != 0; bits &= bits - 1) {
        uint32_t k = ccad__lowest_bit(bits);
        __m128 v = _mm_set1_ps((float)E[(size_t)(S & ~(1u << k)) * TW_EXACT_MAX + k]);
        const float *df = Df + k * TW_EXACT_MAX;
        t0 = _mm_min_ps(_mm_add_ps(v, _mm_loadu_ps(df)), t0);
        t1 = _mm_min_ps(_mm_add_ps(v, _mm_loadu_ps(df + 4)), t1);
        t2 = _mm_min_ps(_mm_add_ps(v, _mm_loadu_ps(df + 8)), t2);
    }
    _mm_storeu_si128((__m128i *)(void *)t, _mm_cvttps_epi32(t0));
    _mm_storeu_si128((__m128i *)(void *)(t + 4), _mm_cvttps_epi32(t1));
    _mm_storeu_si128((__m128i *)(void *)(t + 8), _mm_cvttps_epi32(t2));
}
#endif

/* Held-Karp by rows, as route.c: E[S * TW_EXACT_MAX + l] is the least travel
 * from the base through the stops of S that then serves stop l (outside S)
 * by its close, WIDE_INF if none does. A row is the lane-wise minimum over
 * the last stop k of S of E[S - k][k] + leg(k, l), then the lanes whose
 * service would end after their close are set to WIDE_INF. 1 if a feasible
 * order was found (into order and key); ties between final orders of equal
 * travel (and so equal return) go to the lexicographically smaller. */
static int wide_dp(const struct ccad__tw *p, uint32_t m, int32_t *E, uint32_t *order,
                   struct tw_key *key)
{
    uint32_t full = (1u << m) - 1, S, j, k, l;
    int32_t Dr[TW_EXACT_MAX * TW_EXACT_MAX], lim[TW_EXACT_MAX], most = 0;
    int64_t sv = 0, all = 0;
#ifdef WIDE_SSE
    float Df[TW_EXACT_MAX * TW_EXACT_MAX];
#endif
    memset(Dr, 0, sizeof Dr);
    for (l = 0; l < TW_EXACT_MAX; l++) {
        /* lane l keeps a travel t when start + t + service(S) + service(l) <= close(l) */
        int64_t x = l < m ? (int64_t)p->close[l + 1] - p->service[l + 1] - p->start : -1;
        lim[l] = (int32_t)(x > WIDE_INF - 1 ? WIDE_INF - 1 : x < -1 ? -1 : x);
        for (k = 0; k < m && l < m; k++)
            Dr[k * TW_EXACT_MAX + l] = (int32_t)ccad__tw_leg(p, k + 1, l + 1);
        all += l < m ? p->service[l + 1] : 0;
    }
    for (k = 0; k < TW_EXACT_MAX * TW_EXACT_MAX; k++)
        most = Dr[k] > most ? Dr[k] : most;
    for (l = 1; l <= m; l++)
        most = ccad__tw_leg(p, 0, l) > most ? (int32_t)ccad__tw_leg(p, 0, l) : most;
#ifdef WIDE_SSE
    for (k = 0; k < TW_EXACT_MAX * TW_EXACT_MAX; k++)
        Df[k] = (float)Dr[k];
#endif
    for (S = 0; S < full; S++) {
        int32_t t[TW_EXACT_MAX];
        uint32_t bits = S;
        for (l = 0; l < TW_EXACT_MAX; l++)
            t[l] = S == 0 && l < m ? (int32_t)ccad__tw_leg(p, 0, l + 1) : WIDE_INF;
        for (sv = 0; bits != 0; bits &= bits - 1)
            sv += p->service[ccad__lowest_bit(bits) + 1];
#ifdef WIDE_SSE
        if (most <= WIDE_FLOAT_LEG / ((int32_t)m + 2))
            wide_row_sse(E, Df, S, t);
        else
#endif
            wide_row(E, Dr, S, t);
        for (l = 0; l < TW_EXACT_MAX; l++)
            E[(size_t)S * TW_EXACT_MAX + l] = (int64_t)t[l] + sv <= lim[l] ? t[l] : WIDE_INF;
    }
    key->travel = INT64_MAX;
    for (j = 0; j < m; j++) {
        int64_t e = E[(size_t)(full & ~(1u << j)) * TW_EXACT_MAX + j],
                d = ccad__tw_leg(p, j + 1, 0);
        if (e < WIDE_INF && p->start + e + all + d <= p->end && e + d <= key->travel) {
            uint32_t cand[TW_EXACT_MAX + 1];
            int tie = e + d == key->travel;
            wide_path(E, Dr, m, j, tie ? cand : order);
            if (tie)
                lex_keep(order, cand, m + 1);
            key->travel = e + d;
            key->back = p->start + e + all + d;
        }
    }
    key->late = 0;
    return key->travel != INT64_MAX;
}

int ccad__tw_exact(ccad_ctx *ctx, const struct ccad__tw *p, uint32_t *order, struct tw_key *key)
{
    struct dp table;
    uint32_t m = (uint32_t)p->n - 1;
    int rc = CCAD_OK, found;
    memset(&table, 0, sizeof table);
    table.ctx = ctx;
    table.p = p;
    table.m = m;
    if (m > 0 && m <= TW_EXACT_MAX)
        prepare(&table);
    if (m == 0 || m > TW_EXACT_MAX) {
        order[0] = 0;
        ccad__tw_eval(p, order, key);
        return CCAD_OK;
    }
    if (never_waits(p)) {
        int32_t *E = ccad__alloc(ctx, ((size_t)1 << m) * TW_EXACT_MAX * sizeof *E);
        if (E == NULL)
            return ccad__fail(ctx, CCAD_ENOMEM, "out of memory");
        found = wide_dp(p, m, E, order, key);
        ccad__free(ctx, E);
        if (found)
            return CCAD_OK;
        table.late_mode = 1; /* no feasible order: the least late one */
    }
    table.off = ccad__alloc(ctx, (((size_t)1 << m) * m + 1) * sizeof *table.off);
    table.cap = ((size_t)1 << m) * m + TW_STATE_ROOM;
    table.pool = ccad__alloc(ctx, table.cap * sizeof *table.pool);
    if (table.off == NULL || table.pool == NULL)
        rc = CCAD_ENOMEM;
    for (; rc == CCAD_OK && table.late_mode <= 1; table.late_mode++) {
        rc = build(&table);
        found = rc == CCAD_OK && best_final(&table, order, key);
        if (found)
            break;
    }
    ccad__free(ctx, table.off);
    ccad__free(ctx, table.pool);
    if (rc != CCAD_OK)
        return ccad__fail(ctx, CCAD_ENOMEM, "out of memory");
    return CCAD_OK;
}
