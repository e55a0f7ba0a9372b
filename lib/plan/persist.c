/* PERSIST, 1.1 (docs/cadence-rules.md, "PERSIST"): what a persist block
 * must contain. Seed 002 (line 7) asks for three days at the customer with
 * at least three effective activities (ones that sell) done with the owner
 * present; the book keeps the days of the latest three such activities
 * (ccad_customer.owner_sales). At the start of a plan the planner reads
 * them: a block of this round already done waits for the next round, a
 * block begun but not done stays open up to its length, and a block whose
 * length has passed without them gets a PERSIST_LACKING finding. */
#include "plan.h"

/* Effective activities with the owner in the round that ends on day d
 * (the persist.cycle_days before it), and the earliest of their days. */
static int in_round(const int64_t *v, const struct cust *c, int32_t d, int32_t *first)
{
    int k, n = 0;
    *first = CCAD_NO_DATE;
    for (k = 0; k < 3; k++) {
        int32_t s = c->vis.owner_sales[k];
        if (s != CCAD_NO_DATE && s < d && (int64_t)d - s <= v[P_PERSIST_CYCLE]) {
            n++;
            *first = s;
        }
    }
    return n;
}

void ccad__plan_persist_start(struct plan *plan, size_t i)
{
    const int64_t *v = plan->v;
    struct sim *m = &plan->sim[i];
    int32_t d0 = plan->o->first_day, first;
    int64_t used;
    int n;
    if (v[P_PERSIST_EFFECTIVE] == 0)
        return; /* 1.0: the planner does not look at the book's blocks */
    n = in_round(v, &plan->cw[i], d0, &first);
    if (n == 0)
        return;
    m->block_start = first; /* this round's block began with its first activity */
    if (n >= v[P_PERSIST_EFFECTIVE])
        return; /* done: the next block waits for the next round */
    used = (int64_t)d0 - first;
    if (used < v[P_PERSIST_BLOCK]) {
        m->block_left = (uint8_t)(v[P_PERSIST_BLOCK] - used); /* kept open up to its length */
    } else {
        m->persist_lacking = (uint8_t)n; /* closed without being done */
        m->persist_from = first;
    }
}

int ccad__plan_persist_findings(struct plan *plan)
{
    size_t i;
    int rc;
    for (i = 0; i < plan->b->n; i++) {
        const struct sim *m = &plan->sim[i];
        ccad_reason r;
        if (m->persist_lacking == 0)
            continue;
        r = ccad__plan_reason(CCAD_RULE_PERSIST, CCAD_WHY_PERSIST_LACKING, m->persist_lacking,
                              plan->v[P_PERSIST_EFFECTIVE], m->persist_from);
        if ((rc = ccad__plan_add_finding(plan->s, CCAD_FIND_PERSIST_LACKING, (int64_t)i,
                                         m->persist_from, &r, 1)) != 0)
            return rc;
    }
    return CCAD_OK;
}
