/* The team's balance: each rep's demand against its capacity, the moves
 * that relieve reps over capacity, the assignments of pool customers, and
 * the spread and travel before and after. Proposals only: the customers'
 * `owner` records who would hold them, no book changes. */
#include "team_prop.h"

#include <string.h>

#define R_(rule, why, a, b, c) ccad__plan_reason(CCAD_RULE_##rule, CCAD_WHY_##why, a, b, c)

int64_t ccad__tp_visits(const struct prun *prop_run, size_t r, int row, int64_t add)
{
    const int64_t *gm = &prop_run->gm[4 * r];
    int64_t v = 0;
    int g;
    for (g = 0; g < 4; g++)
        v += (gm[g] + (g == row ? add : 0) + 500) / 1000;
    return v;
}

/* Rep r's load in % of its capacity with `add` x 1000 more in row `row`. */
static int64_t pct(const struct prun *prop_run, size_t r, int row, int64_t add)
{
    return ccad__tp_visits(prop_run, r, row, add) * 100 / prop_run->cap[r];
}

/* 1 if rep r, with `add` x 1000 more in row `row`, stays within capacity. */
static int fits(const struct prun *prop_run, size_t r, int row, int64_t add)
{
    return ccad__tp_visits(prop_run, r, row, add) <= prop_run->cap[r];
}

/* Rep r's load over its capacity. */
static double ratio(const struct prun *prop_run, size_t r)
{
    return (double)ccad__tp_visits(prop_run, r, 0, 0) / (double)prop_run->cap[r];
}

/* Largest over smallest load ratio (load / capacity) x 100; 0 when a rep
 * has no load. */
static int32_t spread_x100(const struct prun *prop_run)
{
    double hi = 0, lo = 0;
    size_t r;
    for (r = 0; r < prop_run->tp->nrep; r++) {
        double q = ratio(prop_run, r);
        if (r == 0 || q > hi)
            hi = q;
        if (r == 0 || q < lo)
            lo = q;
    }
    if (lo <= 0)
        return 0;
    return hi / lo * 100 > (double)INT32_MAX ? INT32_MAX : (int32_t)(hi / lo * 100 + 0.5);
}

/* The workload table before the proposals (after = 0: each customer with
 * its rep) or after them (with its owner), and the balance's figures. */
void ccad__tp_measure(struct prun *prop_run, int after)
{
    ccad_team_proposals *tp = prop_run->tp;
    size_t r, k;
    for (r = 0; r < tp->nrep; r++) {
        ccad_team_load *rep_load = &tp->load[r];
        struct load load;
        int64_t travel = 0, customers = 0;
        int g;
        memset(&load, 0, sizeof load);
        for (k = 0; k < prop_run->n_cust; k++) {
            const struct tcust *t = &prop_run->cust[k];
            if ((after ? t->owner : t->rep) != r)
                continue;
            load.customers[t->row]++;
            load.milli[t->row] += t->milli;
            travel += ccad__tp_minutes(prop_run, (uint32_t)r, t);
        }
        for (g = 0; g < 4; g++) {
            customers += load.customers[g];
            prop_run->gm[4 * r + (size_t)g] = load.milli[g];
        }
        if (!after) {
            ccad__plan_fill_workload(&load, prop_run->cap[r], &rep_load->before);
            rep_load->travel_before = travel;
            tp->bal.travel_before += travel;
        } else {
            rep_load->customers_after = customers;
            rep_load->visits_after = ccad__tp_visits(prop_run, r, 0, 0);
            rep_load->travel_after = travel;
            tp->bal.travel_after += travel;
            tp->bal.over_after += !fits(prop_run, r, 0, 0);
        }
    }
    if (after)
        tp->bal.spread_after_x100 = spread_x100(prop_run);
    else
        tp->bal.spread_before_x100 = spread_x100(prop_run);
}

/* The cheapest move out of rep s: its customer (k, in [lo, hi)) and the
 * teammate with room for it (*out_to) for whom the territories' travel
 * grows least (*out_delta); ties: the earlier customer, then the earlier
 * rep. Returns 0 when none can move. */
static int cheapest_move(const struct prun *prop_run, uint32_t s, size_t lo, size_t hi,
                         size_t *out_k, uint32_t *out_to, int32_t *out_delta)
{
    size_t k, r;
    int found = 0;
    for (k = lo; k < hi; k++) {
        const struct tcust *t = &prop_run->cust[k];
        int32_t here;
        if (t->owner != s || t->fixed || t->milli == 0)
            continue;
        here = ccad__tp_minutes(prop_run, s, t);
        for (r = 0; r < prop_run->tp->nrep; r++) {
            int32_t delta;
            if (r == s || !fits(prop_run, r, t->row, t->milli))
                continue;
            delta = ccad__tp_minutes(prop_run, (uint32_t)r, t) - here;
            if (!found || delta < *out_delta) {
                found = 1;
                *out_k = k;
                *out_to = (uint32_t)r;
                *out_delta = delta;
            }
        }
    }
    return found;
}

/* Relieves rep s: moves its cheapest customers to teammates with room
 * until it fits or none can take one. */
static int relieve(struct prun *prop_run, uint32_t s)
{
    size_t lo = 0, hi, k = 0;
    while (lo < prop_run->n_owned && prop_run->cust[lo].rep != s)
        lo++;
    for (hi = lo; hi < prop_run->n_owned && prop_run->cust[hi].rep == s; hi++)
        ;
    while (!fits(prop_run, s, 0, 0)) {
        struct tcust *t;
        ccad_reason rs[1];
        uint32_t to = 0;
        int32_t delta = 0;
        int rc;
        if (!cheapest_move(prop_run, s, lo, hi, &k, &to, &delta))
            break;
        t = &prop_run->cust[k];
        rs[0] = R_(WORKLOAD, TEAM_MOVE, delta, pct(prop_run, s, 0, 0),
                   pct(prop_run, to, t->row, t->milli));
        if ((rc = ccad__tp_add(prop_run, s, to, CCAD_FIND_MOVE_PROPOSED, t->index, rs, 1)) != 0)
            return rc;
        t->owner = to;
        prop_run->gm[4 * s + t->row] -= t->milli;
        prop_run->gm[4 * to + t->row] += t->milli;
        prop_run->tp->bal.moves++;
    }
    return CCAD_OK;
}

/* 1 if rep a is more loaded than rep b (load / capacity), ties by index. */
static int heavier(const struct prun *prop_run, uint32_t a, uint32_t b)
{
    double qa = ratio(prop_run, a), qb = ratio(prop_run, b);
    return qa > qb || (qa == qb && a < b);
}

/* The reps over capacity, the most loaded first, each relieved in turn. */
int ccad__tp_moves(struct prun *prop_run)
{
    size_t n = prop_run->tp->nrep;
    uint32_t r, best;
    uint8_t *done = ccad__alloc(prop_run->tp->ctx, n);
    int rc = CCAD_OK;
    if (done == NULL)
        return ccad__fail(prop_run->tp->ctx, CCAD_ENOMEM, "ccad_team_proposals_new: out of memory");
    memset(done, 0, n);
    for (;;) {
        best = TP_NONE;
        for (r = 0; r < n; r++)
            if (!done[r] && !fits(prop_run, r, 0, 0) &&
                (best == TP_NONE || heavier(prop_run, r, best)))
                best = r;
        if (best == TP_NONE || (rc = relieve(prop_run, best)) != 0)
            break;
        done[best] = 1;
    }
    ccad__free(prop_run->tp->ctx, done);
    return rc;
}

/* Each pool customer, in pool order, to the nearest rep with room for it
 * (ties: the most room left, then the earlier rep). */
int ccad__tp_assigns(struct prun *prop_run)
{
    size_t k, r;
    for (k = prop_run->n_owned; k < prop_run->n_cust; k++) {
        struct tcust *t = &prop_run->cust[k];
        uint32_t to = TP_NONE;
        int32_t best = 0;
        int64_t room = 0;
        ccad_reason rs[1];
        int rc;
        for (r = 0; r < prop_run->tp->nrep; r++) {
            int64_t left = prop_run->cap[r] - ccad__tp_visits(prop_run, r, t->row, t->milli);
            int32_t d;
            if (left < 0)
                continue;
            d = ccad__tp_minutes(prop_run, (uint32_t)r, t);
            if (to == TP_NONE || d < best || (d == best && left > room)) {
                to = (uint32_t)r;
                best = d;
                room = left;
            }
        }
        if (to == TP_NONE)
            continue;
        rs[0] = R_(WORKLOAD, POOL_ASSIGN, best, room, (t->milli + 500) / 1000);
        if ((rc = ccad__tp_add(prop_run, TP_NONE, to, CCAD_FIND_ASSIGN_PROPOSED, t->index, rs,
                               1)) != 0)
            return rc;
        t->owner = to;
        prop_run->gm[4 * to + t->row] += t->milli;
        prop_run->tp->bal.assigns++;
    }
    return CCAD_OK;
}
