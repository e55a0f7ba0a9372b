/* OWNERSHIP, COMPLAINT, NEVER, SERVICE: the customer's standing. */
#include "decide.h"

/* OWNERSHIP: docs/cadence-rules.md, "OWNERSHIP — remaining days of ownership
 * (beyond the texts)" */
void ccad__rule_ownership(struct ccad__decide *d)
{
    const struct cust *c = d->c;
    ccad_assessment *a = d->a;
    if (d->active && c->owned != CCAD_NO_DATE) {
        a->ownership_end = ccad__clamp_date(c->owned + d->v[P_OWNERSHIP_DAYS]);
        a->ownership_days_left = a->ownership_end - d->today;
        ccad__why(d, CCAD_RULE_OWNERSHIP, CCAD_WHY_OWNERSHIP, a->ownership_days_left,
                  d->v[P_OWNERSHIP_DAYS], a->ownership_end);
    }
}

/* COMPLAINT: docs/cadence-rules.md, "COMPLAINT — a complaint is an
 * opportunity"; an open complaint, or the care contact after one. */
void ccad__rule_complaint(struct ccad__decide *d)
{
    const struct cust *c = d->c;
    ccad_assessment *a = d->a;
    int32_t today = d->today, last = d->last;
    if (d->active && c->complaint == CCAD_COMPLAINT_OPEN) {
        a->flags |= CCAD_F_COMPLAINT_OPEN;
        ccad__why(d, CCAD_RULE_COMPLAINT, CCAD_WHY_COMPLAINT_OPEN, c->complaint_date,
                  ccad__imax(0, (int64_t)today - c->complaint_date), 0);
    } else if (d->active && a->care_date != CCAD_NO_DATE) {
        if (today >= a->care_date && (last == CCAD_NO_DATE || last < a->care_date))
            a->flags |= CCAD_F_CARE_DUE;
        ccad__why(d, CCAD_RULE_COMPLAINT, CCAD_WHY_COMPLAINT_CARE, c->complaint_date, a->care_date,
                  0);
    }
}

/* NEVER: docs/cadence-rules.md, "NEVER — customers nobody ever contacted
 * (beyond the texts)"; the reason once, here unless the due date gave it. */
void ccad__rule_never(struct ccad__decide *d)
{
    const struct cust *c = d->c;
    if (c->last_contact == CCAD_NO_DATE && c->contacts == 0) {
        d->a->flags |= CCAD_F_NEVER_CONTACTED;
        if (!d->never_due)
            ccad__why(d, CCAD_RULE_NEVER, CCAD_WHY_NEVER_CONTACTED, 0, 0, 0);
    }
}

/* SERVICE: docs/cadence-rules.md, "SERVICE — four levels of service"; the
 * highest level with services. */
void ccad__rule_service(struct ccad__decide *d)
{
    int k;
    for (k = 3; k >= 0; k--)
        if (d->c->svc[k] > 0) {
            ccad__why(d, CCAD_RULE_SERVICE, CCAD_WHY_SERVICE, k + 1, d->c->svc[k], 0);
            break;
        }
}
