/* GRADE, URGENCY, QUADRANT: what kind of customer, how urgent (TRIAGE is in
 * triage.c). */
#include "decide.h"

/* GRADE: docs/cadence-rules.md, "GRADE — A/B/C(/D) by value" */
void ccad__rule_grade(struct ccad__decide *d)
{
    const int64_t *v = d->v;
    const struct cust *c = d->c;
    int grade;
    if (c->grade_manual != CCAD_GRADE_NONE) {
        grade = c->grade_manual;
        d->a->grade_manual = 1;
        ccad__why(d, CCAD_RULE_GRADE, CCAD_WHY_GRADE_MANUAL, grade, 0, 0);
    } else {
        grade = c->grade_computed;
        if (v[P_GRADE_METHOD] == CCAD_GRADE_BY_RANK) {
            int64_t lim = 100;
            if (grade == CCAD_GRADE_A)
                lim = v[P_GRADE_SHARE_A];
            else if (grade == CCAD_GRADE_B)
                lim = v[P_GRADE_SHARE_A] + v[P_GRADE_SHARE_B];
            else if (grade == CCAD_GRADE_C && v[P_GRADE_USE_D])
                lim = v[P_GRADE_SHARE_A] + v[P_GRADE_SHARE_B] + v[P_GRADE_SHARE_C];
            ccad__why(d, CCAD_RULE_GRADE, CCAD_WHY_GRADE_RANK, c->rank, (int64_t)d->b->ranked, lim);
        } else {
            int64_t thr = 0;
            if (grade == CCAD_GRADE_A)
                thr = v[P_GRADE_THRESHOLD_A];
            else if (grade == CCAD_GRADE_B)
                thr = v[P_GRADE_THRESHOLD_B];
            else if (grade == CCAD_GRADE_C && v[P_GRADE_USE_D])
                thr = v[P_GRADE_THRESHOLD_C];
            ccad__why(d, CCAD_RULE_GRADE, CCAD_WHY_GRADE_THRESHOLD, c->value, thr, 0);
        }
    }
    d->grade = grade;
    d->a->grade = grade;
}

/* The purchase window of an open customer: its level, with its reason. An
 * order that closed the purchase decision ends it (ORDER_CLOSED). */
static int purchase_level(struct ccad__decide *d)
{
    const int64_t *v = d->v;
    const struct cust *c = d->c;
    int64_t days = (int64_t)c->purchase - d->today;
    if (c->purchase == CCAD_NO_DATE)
        return CCAD_URGENCY_NONE;
    if (ccad__order_closes(c->purchase, c->order, v[P_URG_ORDER])) {
        ccad__why(d, CCAD_RULE_URGENCY, CCAD_WHY_ORDER_CLOSED, c->order, c->purchase, 0);
        return CCAD_URGENCY_NONE;
    }
    if (days < 0) {
        ccad__why(d, CCAD_RULE_URGENCY, CCAD_WHY_URGENCY_PASSED, -days, 0, 0);
        return CCAD_URGENCY_NONE;
    }
    if (days <= v[P_URG_WEEK]) {
        ccad__why(d, CCAD_RULE_URGENCY, CCAD_WHY_URGENCY_PURCHASE, days, v[P_URG_WEEK], 0);
        return CCAD_URGENCY_WEEK;
    }
    if (days <= v[P_URG_TWO_WEEKS]) {
        ccad__why(d, CCAD_RULE_URGENCY, CCAD_WHY_URGENCY_PURCHASE, days, v[P_URG_TWO_WEEKS], 0);
        return CCAD_URGENCY_TWO_WEEKS;
    }
    return CCAD_URGENCY_NONE;
}

/* URGENCY: docs/cadence-rules.md, "URGENCY — time to the purchase decision,
 * and same-day events"; purchase window, then complaint, then request. */
void ccad__rule_urgency(struct ccad__decide *d)
{
    const struct cust *c = d->c;
    int32_t today = d->today;
    int urg;
    d->plevel = CCAD_URGENCY_NONE;
    if (d->active)
        d->plevel = purchase_level(d);
    urg = d->plevel;
    if (d->active && c->complaint == CCAD_COMPLAINT_OPEN) {
        urg = CCAD_URGENCY_EVENT;
        ccad__why(d, CCAD_RULE_URGENCY, CCAD_WHY_URGENCY_COMPLAINT, c->complaint_date,
                  ccad__imax(0, (int64_t)today - c->complaint_date), 0);
    }
    d->request_pending = d->active && c->request != CCAD_NO_DATE &&
                         (d->last == CCAD_NO_DATE || d->last < c->request);
    if (d->request_pending && (int64_t)c->request - today <= d->v[P_URG_REQUEST]) {
        urg = CCAD_URGENCY_EVENT;
        ccad__why(d, CCAD_RULE_URGENCY, CCAD_WHY_URGENCY_REQUEST, c->request,
                  (int64_t)c->request - today, 0);
    }
    d->urg = urg;
    d->a->urgency = urg;
}

/* QUADRANT: docs/cadence-rules.md, "QUADRANT — importance × urgency" */
void ccad__rule_quadrant(struct ccad__decide *d)
{
    int grade = d->grade, urg = d->urg, q;
    d->important = grade != CCAD_GRADE_NONE && (d->v[P_QUAD_IMPORTANT] & (1 << (grade - 1))) != 0;
    q = d->important ? (urg ? CCAD_Q1 : CCAD_Q2) : (urg ? CCAD_Q3 : CCAD_Q4);
    d->q = q;
    d->a->quadrant = q;
    ccad__why(d, CCAD_RULE_QUADRANT, CCAD_WHY_QUADRANT, q, grade, urg);
}
