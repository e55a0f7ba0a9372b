/* TRIAGE: how much the customer cares about us (docs/cadence-rules.md,
 * "TRIAGE — problem customers"). Seed 002 judges it by our position in the
 * customer's sales first, by their profit on our product second; a volume
 * example (80k/50k/30k a month) stands in when the position is not known. */
#include "decide.h"

/* The kind of a figure where more is better, against its three thresholds:
 * self-driven from `self`, push-needed from `push`, the band from
 * `unmovable` up to `push` by triage.band, unmovable below. *thr receives
 * the threshold that decided. */
static int kind_by_thresholds(const int64_t *v, int64_t figure, int64_t self, int64_t push,
                              int64_t unmovable, int64_t *thr)
{
    if (figure >= self) {
        *thr = self;
        return CCAD_TRIAGE_SELF_DRIVEN;
    }
    if (figure >= push) {
        *thr = push;
        return CCAD_TRIAGE_PUSH;
    }
    *thr = unmovable;
    if (figure >= unmovable)
        return v[P_TRIAGE_BAND] == 0 ? CCAD_TRIAGE_PUSH : CCAD_TRIAGE_UNMOVABLE;
    return CCAD_TRIAGE_UNMOVABLE;
}

/* By our share of the customer's sales (percent). */
static int kind_by_share(const int64_t *v, int32_t share, int64_t *thr)
{
    return kind_by_thresholds(v, share, v[P_TRIAGE_SHARE_SELF], v[P_TRIAGE_SHARE_PUSH],
                              v[P_TRIAGE_SHARE_UNMOVABLE], thr);
}

/* By our rank among the customer's suppliers: a smaller rank is better, so
 * the rank and its thresholds are compared negated. */
static int kind_by_rank(const int64_t *v, uint32_t rank, int64_t *thr)
{
    int64_t neg_thr;
    int kind = kind_by_thresholds(v, -(int64_t)rank, -v[P_TRIAGE_RANK_SELF], -v[P_TRIAGE_RANK_PUSH],
                                  -v[P_TRIAGE_RANK_UNMOVABLE], &neg_thr);
    *thr = -neg_thr;
    return kind;
}

/* The kind by our position, when the share or the rank is known: the
 * better of the two when both are (either shows the place we hold). */
static void triage_by_position(const int64_t *v, const struct cust *c, struct ccad__triage_read *t)
{
    int64_t thr;
    t->before = CCAD_TRIAGE_NONE;
    if (c->share_pct != CCAD_SHARE_UNKNOWN) {
        t->before = kind_by_share(v, c->share_pct, &t->thr);
        t->why = CCAD_WHY_TRIAGE_SHARE;
        t->figure = c->share_pct;
    }
    if (c->supplier_rank != CCAD_RANK_UNKNOWN) {
        int kind = kind_by_rank(v, c->supplier_rank, &thr);
        if (t->before == CCAD_TRIAGE_NONE || kind < t->before) {
            t->before = kind;
            t->thr = thr;
            t->why = CCAD_WHY_TRIAGE_RANK;
            t->figure = c->supplier_rank;
        }
    }
}

int ccad__triage_read(const int64_t *v, const struct cust *c, struct ccad__triage_read *t)
{
    t->kind = t->before = CCAD_TRIAGE_NONE;
    t->why = 0;
    t->figure = t->thr = 0;
    if (c->status != CCAD_STATUS_ACTIVE && c->status != CCAD_STATUS_KEY)
        return CCAD_TRIAGE_NONE;
    if (v[P_TRIAGE_BY_POSITION] && ccad__has_position(c)) {
        triage_by_position(v, c, t);
    } else if (c->volume >= 0) {
        t->before = kind_by_thresholds(v, c->volume, v[P_TRIAGE_SELF], v[P_TRIAGE_PUSH],
                                       v[P_TRIAGE_UNMOVABLE], &t->thr);
        t->why = CCAD_WHY_TRIAGE;
        t->figure = c->volume;
    } else {
        return CCAD_TRIAGE_NONE;
    }
    /* the second criterion: their profit on our product lifts one step */
    t->kind = t->before;
    if (v[P_TRIAGE_MARGIN_LIFT] > 0 && c->margin_bp >= v[P_TRIAGE_MARGIN_LIFT] &&
        t->kind != CCAD_TRIAGE_SELF_DRIVEN)
        t->kind--;
    return t->kind;
}

int ccad__triage(const int64_t *v, const struct cust *c, int *out_before, int64_t *out_thr)
{
    struct ccad__triage_read t;
    int kind = ccad__triage_read(v, c, &t);
    *out_before = t.before;
    *out_thr = t.thr;
    return kind;
}

int ccad__strategy_of(int kind, const struct cust *c)
{
    switch (kind) {
    case CCAD_TRIAGE_SELF_DRIVEN: return CCAD_STRATEGY_LET_GO;
    case CCAD_TRIAGE_PUSH: return CCAD_STRATEGY_PERSIST;
    case CCAD_TRIAGE_UNMOVABLE:
        return (c->bits & CB_CAPABLE) ? CCAD_STRATEGY_PERSIST : CCAD_STRATEGY_GIVE_UP;
    default: return CCAD_STRATEGY_NONE;
    }
}

/* TRIAGE: docs/cadence-rules.md, "TRIAGE — problem customers"; customers
 * that buy from us, by our position in their sales when known, else by
 * their volume when known. */
void ccad__rule_triage(struct ccad__decide *d)
{
    const struct cust *c = d->c;
    struct ccad__triage_read t;
    if (ccad__triage_read(d->v, c, &t) == CCAD_TRIAGE_NONE)
        return;
    ccad__why(d, CCAD_RULE_TRIAGE, t.why, t.before, t.figure, t.thr);
    if (t.kind != t.before)
        ccad__why(d, CCAD_RULE_TRIAGE, CCAD_WHY_TRIAGE_MARGIN, c->margin_bp,
                  d->v[P_TRIAGE_MARGIN_LIFT], 0);
    d->a->triage = t.kind;
    d->a->strategy = ccad__strategy_of(t.kind, c);
}
