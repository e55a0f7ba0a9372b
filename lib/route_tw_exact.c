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
        for (j = i; j > 0 && (kept[j - 1].a > t.a || (kept[j - 1].a == t.a && kept[j - 1].end > t.end));
             j--)
            kept[j] = kept[j - 1];
        kept[j] = t;
    }
    return TW_LABEL_CAP;
}

/* The labels of (S, j) from every label of (S - j, i), into kept. */
static uint32_t extend_state(const struct dp *D, uint32_t S, uint32_t j, struct label *kept)
{
    const struct ccad__tw *p = D->p;
    uint32_t prev = S & ~(1u << j), nk = 0, i, m = D->m;
    struct label c;
    c.last = j;
    if (prev == 0) {
        int64_t late = 0, d = ccad__tw_leg(p, 0, j + 1);
        c.end = ccad__tw_serve(p, j + 1, (int64_t)p->start + d, &late);
        c.travel = d;
        c.a = D->late_mode ? late : d;
        c.pred = NO_PRED;
        return (D->late_mode || late == 0) ? pareto_add(kept, 0, &c) : 0;
    }
    for (i = 0; i < m; i++) {
        uint32_t q, lo, hi;
        int64_t d;
        if (!(prev & (1u << i)))
            continue;
        lo = D->off[(size_t)prev * m + i];
        hi = D->off[(size_t)prev * m + i + 1];
        d = ccad__tw_leg(p, i + 1, j + 1);
        for (q = lo; q < hi; q++) {
            const struct label *L = &D->pool[q];
            int64_t late = 0;
            c.end = ccad__tw_serve(p, j + 1, L->end + d, &late);
            if (!D->late_mode && late > 0)
                continue;
            c.travel = L->travel + d;
            c.a = D->late_mode ? L->a + late : c.travel;
            c.pred = q;
            nk = pareto_add(kept, nk, &c);
        }
    }
    return cap_labels(kept, nk);
}

/* Room for the labels one state can hold while it is built (kept[] of
 * extend_state), at the end of the pool. */
#define TW_STATE_ROOM (TW_EXACT_MAX * TW_LABEL_CAP + 1)

static int build(struct dp *D)
{
    uint32_t m = D->m, full = (1u << m) - 1, S, j;
    D->npool = 0;
    for (S = 0; S <= full; S++)
        for (j = 0; j < m; j++) {
            D->off[(size_t)S * m + j] = (uint32_t)D->npool; /* before: (S - 1, m - 1) ends here */
            if (!(S & (1u << j)))
                continue;
            if (D->npool + TW_STATE_ROOM > D->cap) {
                size_t nc = D->cap * 2 + TW_STATE_ROOM;
                struct label *np = ccad__realloc(D->ctx, D->pool, D->cap * sizeof *np, nc * sizeof *np);
                if (np == NULL)
                    return CCAD_ENOMEM;
                D->pool = np;
                D->cap = nc;
            }
            /* built in place: the predecessors all lie before D->npool */
            D->npool += extend_state(D, S, j, D->pool + D->npool);
        }
    D->off[(size_t)(full + 1) * m] = (uint32_t)D->npool;
    return CCAD_OK;
}

static void reconstruct(const struct dp *D, uint32_t q, uint32_t *order)
{
    uint32_t k = D->m;
    while (q != NO_PRED && k >= 1) {
        order[k--] = D->pool[q].last + 1;
        q = D->pool[q].pred;
    }
    order[0] = 0;
}

/* The best complete label into order and key; 0 if there is none. */
static int best_final(const struct dp *D, uint32_t *order, struct tw_key *key)
{
    const struct ccad__tw *p = D->p;
    uint32_t m = D->m, full = (1u << m) - 1, j, q, found = 0;
    uint32_t cand[TW_EXACT_MAX + 1];
    for (j = 0; j < m; j++) {
        size_t s = (size_t)full * m + j;
        int64_t d = ccad__tw_leg(p, j + 1, 0);
        for (q = D->off[s]; q < D->off[s + 1]; q++) {
            const struct label *L = &D->pool[q];
            struct tw_key k;
            int c;
            k.back = L->end + d;
            k.travel = L->travel + d;
            k.late = D->late_mode ? L->a + (k.back > p->end ? k.back - p->end : 0) : 0;
            if (!D->late_mode && k.back > p->end)
                continue;
            c = found ? ccad__tw_key_cmp(&k, key) : -1;
            if (c == 0) {
                uint32_t x = 1;
                reconstruct(D, q, cand);
                while (x < p->n && cand[x] == order[x])
                    x++;
                if (x < p->n && cand[x] < order[x])
                    memcpy(order, cand, p->n * sizeof *order);
                continue;
            }
            if (c < 0) {
                *key = k;
                reconstruct(D, q, order);
                found = 1;
            }
        }
    }
    return (int)found;
}

int ccad__tw_exact(ccad_ctx *ctx, const struct ccad__tw *p, uint32_t *order, struct tw_key *key)
{
    struct dp D;
    uint32_t m = (uint32_t)p->n - 1;
    int rc = CCAD_OK, found;
    memset(&D, 0, sizeof D);
    D.ctx = ctx;
    D.p = p;
    D.m = m;
    if (m == 0 || m > TW_EXACT_MAX) {
        order[0] = 0;
        ccad__tw_eval(p, order, key);
        return CCAD_OK;
    }
    D.off = ccad__alloc(ctx, (((size_t)1 << m) * m + 1) * sizeof *D.off);
    D.cap = ((size_t)1 << m) * m + TW_STATE_ROOM;
    D.pool = ccad__alloc(ctx, D.cap * sizeof *D.pool);
    if (D.off == NULL || D.pool == NULL)
        rc = CCAD_ENOMEM;
    for (D.late_mode = 0; rc == CCAD_OK && D.late_mode <= 1; D.late_mode++) {
        rc = build(&D);
        found = rc == CCAD_OK && best_final(&D, order, key);
        if (found)
            break;
    }
    ccad__free(ctx, D.off);
    ccad__free(ctx, D.pool);
    if (rc != CCAD_OK)
        return ccad__fail(ctx, CCAD_ENOMEM, "route with time windows: out of memory");
    return CCAD_OK;
}
