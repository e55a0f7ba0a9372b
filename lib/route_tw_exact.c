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
 * Days where no stop is reached before it opens (wide windows) go to the
 * Held-Karp of route_tw_wide.c instead; this file takes the others, and
 * the wide days without a feasible order (the least late one).
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

#define TW_LABEL_CAP 16
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
                ccad__tw_lex_keep(order, cand, p->n);
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

int ccad__tw_exact(ccad_ctx *ctx, const struct ccad__tw *p, uint32_t *order, struct tw_key *key)
{
    return ccad__tw_exact_in(ctx, p, NULL, order, key);
}

int ccad__tw_exact_in(ccad_ctx *ctx, const struct ccad__tw *p, struct ccad__tw_scratch *scratch,
                      uint32_t *order, struct tw_key *key)
{
    struct dp table;
    uint32_t m = (uint32_t)p->n - 1;
    int rc = CCAD_OK, found, late_mode = 0;
    if (m == 0 || m > TW_EXACT_MAX) {
        order[0] = 0;
        ccad__tw_eval(p, order, key);
        return CCAD_OK;
    }
    if (ccad__tw_never_waits(p)) {
        found = ccad__tw_wide(ctx, p, scratch, order, key);
        if (found < 0)
            return ccad__fail(ctx, CCAD_ENOMEM, "out of memory");
        if (found)
            return CCAD_OK;
        late_mode = 1; /* no feasible order: the least late one */
    }
    memset(&table, 0, sizeof table); /* the labels' only: the wide days need none */
    table.ctx = ctx;
    table.p = p;
    table.m = m;
    table.late_mode = late_mode;
    prepare(&table); /* only the labels use the shortest paths */
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
