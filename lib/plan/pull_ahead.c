/* CAPACITY's levelling (docs/cadence-rules.md, "CAPACITY"): a working day
 * with spare room takes important contacts due in the next days that are
 * over capacity, after the day's due contacts (simulate.c), so that work
 * is levelled across days without raising anyone's frequency. The early
 * candidates are those the day's scan noted as coming. */
#include "today.h"

/* How far each coming day is over its capacity (0 if not working). */
static void coming_excess(const struct plan *plan, struct today *today)
{
    const ccad_plan_options *o = plan->o;
    int pull = (int)plan->v[P_CAP_PULL_AHEAD], ahead;
    for (ahead = 1; ahead <= pull && today->di + ahead < o->days; ahead++) {
        uint32_t f = plan->day_flags[today->di + ahead];
        int64_t over = 0;
        if (!(f & CCAD_DAY_WORKING) || (f & CCAD_DAY_ABSENT))
            over = today->over_by[ahead];
        else {
            if (o->visits_per_day > 0 && today->over_by[ahead] > o->visits_per_day)
                over = today->over_by[ahead] - o->visits_per_day;
            if (o->minutes_per_day > 0 && today->over_min[ahead] > o->minutes_per_day) {
                int64_t by_min = (today->over_min[ahead] - o->minutes_per_day +
                                  plan->v[P_SERVICE_B] - 1) /
                                 plan->v[P_SERVICE_B];
                if (by_min > over)
                    over = by_min;
            }
        }
        today->over_by[ahead] = over;
    }
    for (; ahead <= pull; ahead++)
        today->over_by[ahead] = 0; /* beyond the range: no knowledge, no pulling */
}

/* Early candidate k takes the day if its due day is over capacity and
 * the day has room for it. */
static int pull_one(struct plan *plan, struct today *today, const struct cand *k)
{
    int kind = k->quadrant == CCAD_Q4 ? CCAD_ITEM_CALL : CCAD_ITEM_VISIT, fits, rc;
    uint32_t pos;
    ccad_reason lead;
    ccad_assessment a;
    if (today->over_by[k->due - today->d] <= 0)
        return CCAD_OK;
    if ((rc = ccad__plan_room(plan, today, k->idx, ccad__plan_in_person(kind), &pos, &fits)) != 0)
        return rc;
    if (fits != 1)
        return CCAD_OK; /* no room; with routes a nearer stop may still fit */
    ccad__plan_assess_on(plan, k->idx, today->d, &a);
    lead = ccad__plan_reason(CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_EARLY, k->due, k->due - today->d, 0);
    if ((rc = ccad__plan_commit(plan, today, k, kind, CCAD_BY_REP, CCAD_NO_DATE, 0, &lead, NULL, &a,
                                pos)) != 0)
        return rc;
    today->over_by[k->due - today->d]--;
    return CCAD_OK;
}

/* Spare room: important contacts pulled forward from coming days that are
 * over capacity, earliest first, so that work is levelled across days
 * without raising anyone's frequency. They come off a heap while the day
 * may take a stop; once it is settled none can take it (they are all
 * visits), and the rest, in book order, only note that the day had no time
 * for them. */
int ccad__plan_pull_ahead(struct plan *plan, struct today *today)
{
    struct ccad__cand_heap heap;
    const struct cand *k, *e;
    size_t i;
    int rc;
    if (today->absent || today->ne == 0 || ccad__plan_day_full(plan, today))
        return CCAD_OK; /* a full day: nothing fits, and a test of room changes nothing */
    coming_excess(plan, today);
    e = plan->cand + plan->b->n - today->ne;
    ccad__cand_heap_copy(&heap, plan->heap, e, today->ne, ccad__plan_early_cmp);
    while (!ccad__plan_settled(plan, today) && (k = ccad__cand_heap_pop(&heap)) != NULL) {
        plan->sim[k->idx].taken = today->d;
        if ((rc = pull_one(plan, today, k)) != 0)
            return rc;
    }
    for (i = 0; i < today->ne && heap.n > 0; i++)
        if (plan->sim[e[i].idx].taken != today->d && (rc = pull_one(plan, today, &e[i])) != 0)
            return rc;
    return CCAD_OK;
}
