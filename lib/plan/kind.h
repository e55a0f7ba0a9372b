/* The kind of a due customer's contact (PERSIST, COMPLAINT's care contact,
 * QUADRANT's visit or call) and the planner's lead reason for it, from its
 * simulated state and the facts of its assessment (simulate.c's place).
 *
 * The kind reads no record: the memo keeps, with the facts, whether the
 * contact on record lies before the care date (events.c), so that a
 * candidate that waits day after day, as most do in a large book with one
 * overloaded rep, costs its memo and state alone. The lead reason names
 * the complaint's date of a care contact, which is in the record; it is
 * built only for a contact that gets an item.
 *
 * Only simulate.c includes it: the day loop asks for every waiting
 * candidate's kind every day, so the functions are put inline there. */
#ifndef CCAD_PLAN_KIND_H
#define CCAD_PLAN_KIND_H

#include "plan.h"

/* 1 if customer i's latest contact in its shadow (recorded or planned)
 * lies before its care date, or it has none. The memo's facts tell for the
 * recorded one; without a memo (the reference build) the record does. */
static inline int ccad__plan_care_open(const struct plan *plan, uint32_t i,
                                       const struct ccad__facts *facts)
{
    const struct sim *m = &plan->sim[i];
    if (m->planned > 0)
        return m->last < facts->care_date;
    if (plan->memo != NULL)
        return facts->care_open;
    return ccad__plan_record_before(&plan->cw[i], facts->care_date); /* the reference build's */
}

static inline int ccad__plan_kind_of(const struct plan *plan, const struct cand *k,
                                     const struct ccad__facts *facts, int32_t d, int *block_day)
{
    const int64_t *v = plan->v;
    const struct sim *m = &plan->sim[k->idx];
    *block_day = 0;
    if (m->block_left > 0) {
        *block_day = (int)(v[P_PERSIST_BLOCK] - m->block_left + 1);
        return CCAD_ITEM_PERSIST;
    }
    if (facts->strategy == CCAD_STRATEGY_PERSIST &&
        (m->block_start == CCAD_NO_DATE || d - m->block_start >= v[P_PERSIST_CYCLE])) {
        *block_day = 1;
        return CCAD_ITEM_PERSIST;
    }
    if (facts->complaint == CCAD_COMPLAINT_RESOLVED && facts->care_date != CCAD_NO_DATE &&
        facts->care_date <= d && ccad__plan_care_open(plan, k->idx, facts))
        return CCAD_ITEM_CARE;
    return k->quadrant == CCAD_Q4 ? CCAD_ITEM_CALL : CCAD_ITEM_VISIT;
}

static inline ccad_reason ccad__plan_lead_of(const struct plan *plan, const struct cand *k,
                                             const struct ccad__facts *facts, int kind,
                                             int block_day)
{
    const int64_t *v = plan->v;
    if (block_day > 0)
        return ccad__plan_reason(CCAD_RULE_PERSIST, CCAD_WHY_PERSIST_BLOCK, block_day,
                                 v[P_PERSIST_BLOCK], v[P_PERSIST_CYCLE]);
    if (kind == CCAD_ITEM_CARE)
        return ccad__plan_reason(CCAD_RULE_COMPLAINT, CCAD_WHY_CARE_CONTACT,
                                 plan->cw[k->idx].complaint_date, facts->care_date, 0);
    return ccad__plan_reason(CCAD_RULE_QUADRANT, CCAD_WHY_PLAN_DUE, k->due, k->cls, k->over);
}

#endif
