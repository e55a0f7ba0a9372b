/* KEEPWARM (docs/cadence-rules.md, "KEEPWARM"): the keep-warm touches the
 * simulation (simulate.c) adds on a special day, after the day's other
 * contacts. */
#include "plan.h"

#include <string.h>

int ccad__plan_keepwarm(struct plan *plan, int di, int32_t d, uint32_t *prio)
{
    const int64_t *v = plan->v;
    ccad_assessment a;
    struct cust view;
    size_t i;
    int rc;
    if (!(plan->day_flags[di] & CCAD_DAY_SPECIAL))
        return CCAD_OK;
    for (i = 0; i < plan->b->n; i++) {
        const struct cust *c = &plan->cw[i];
        int g = ccad__grade(c);
        struct cand k;
        ccad_reason r = ccad__plan_reason(CCAD_RULE_KEEPWARM, CCAD_WHY_KEEPWARM_TOUCH, d, 0, 0);
        if (ccad__inactive(c->status) || plan->sim[i].given_up || g == CCAD_GRADE_NONE ||
            !(v[P_KEEPWARM_GRADES] & (1 << (g - 1))))
            continue; /* a customer given up gets no touch either */
        if (plan->sim[i].planned > 0 && plan->sim[i].contact_day == d)
            continue;
        memset(&k, 0, sizeof k);
        k.idx = (uint32_t)i;
        ccad__plan_sim_view(c, &plan->sim[i], &view);
        ccad__assess(plan->b, v, &view, d, &a, 0);
        k.quadrant = (uint8_t)a.quadrant;
        a.reason_count = 0;
        if ((rc = ccad__plan_add_item(plan->s, &k, d, CCAD_ITEM_TOUCH, CCAD_BY_REP, CCAD_NO_DATE, 0,
                                      ++*prio, &r, NULL, &a)) != 0)
            return rc;
    }
    return CCAD_OK;
}
