/* Stage 4, findings: what the rep or the manager should look at, in this
 * order: unplanned (never contacted first) with the constraint that kept
 * each out, per-customer findings on the first day, releases proposed for
 * customers given up, dropped best-effort contacts, gaps the final plan
 * leaves, days over capacity, the workload, the platforms, late stops. */
#include "plan.h"

#include <string.h>

#define R(rule, why, a, b, c) ccad__plan_reason(CCAD_RULE_##rule, CCAD_WHY_##why, a, b, c)

/* 1 if some day of the range from `from` on could take customer c in person. */
static int has_visit_day(const struct plan *plan, const struct cust *c, int32_t from)
{
    int32_t d;
    for (d = from; d < plan->o->first_day + plan->o->days; d++) {
        uint32_t f = plan->day_flags[d - plan->o->first_day];
        if ((f & CCAD_DAY_WORKING) && ccad__plan_visit_day(c, d))
            return 1;
    }
    return 0;
}

/* The reason after PLAN_UNPLANNED that names the constraint, or 0 reasons. */
static size_t blocked_reason(const struct plan *plan, size_t i, ccad_reason *r)
{
    const struct cust *c = &plan->cw[i];
    const struct sim *m = &plan->sim[i];
    int32_t day_min = plan->day_end - plan->o->day_start_min;
    if (m->blocked == CCAD_WHY_PLAN_BLOCKED_HOURS) {
        *r = R(ROUTE, PLAN_BLOCKED_HOURS, c->open_min, c->close_min,
               ccad__plan_service(plan, (uint32_t)i));
        return 1;
    }
    if (m->blocked == CCAD_WHY_PLAN_BLOCKED_TIME || m->time_short) {
        *r = R(ROUTE, PLAN_BLOCKED_TIME, m->first_due, m->alone_min, day_min);
        return 1;
    }
    if (c->visit_days != 0 && !has_visit_day(plan, c, m->first_due)) {
        *r = R(ROUTE, PLAN_BLOCKED_DAYS, m->first_due, c->visit_days, 0);
        return 1;
    }
    return 0;
}

static int unplanned(struct plan *plan)
{
    ccad_reason r[2];
    size_t i;
    int pass, rc;
    for (pass = 0; pass < 2; pass++)
        for (i = 0; i < plan->b->n; i++) {
            const struct cust *c = &plan->cw[i];
            const struct sim *m = &plan->sim[i];
            int never = c->last_contact == CCAD_NO_DATE && c->contacts == 0;
            size_t n;
            if (m->first_due == CCAD_NO_DATE || m->planned > 0 || m->dropped || m->given_up ||
                never != (pass == 0))
                continue;
            r[0] = R(CAPACITY, PLAN_UNPLANNED, m->first_due, never, 0);
            n = 1 + blocked_reason(plan, i, &r[1]);
            if ((rc = ccad__plan_add_finding(plan->s, CCAD_FIND_UNPLANNED, (int64_t)i, m->first_due,
                                             r, n)) != 0)
                return rc;
        }
    return CCAD_OK;
}

/* Which of the assessment's reasons go with a finding of this kind. */
static int belongs(int kind, int w)
{
    switch (kind) {
    case CCAD_FIND_OVERDUE: return w == CCAD_WHY_OVERDUE || w == CCAD_WHY_DUE;
    case CCAD_FIND_COLD:
    case CCAD_FIND_COOLING: return w == CCAD_WHY_GAP_ALERT || w == CCAD_WHY_GAP_WARN;
    case CCAD_FIND_STALLED:
        return w == CCAD_WHY_STALLED || w == CCAD_WHY_STALL_REPEATED ||
               w == CCAD_WHY_STALL_NO_CLOSE;
    case CCAD_FIND_RELEASE_RISK:
        return w == CCAD_WHY_RELEASED_EARLY || w == CCAD_WHY_PATIENCE_RHYTHM;
    case CCAD_FIND_NEVER_CONTACTED: return w == CCAD_WHY_NEVER_CONTACTED;
    case CCAD_FIND_RELEASE_PROPOSED:
        return w == CCAD_WHY_TRIAGE || w == CCAD_WHY_PATIENCE || w == CCAD_WHY_PATIENCE_RUN ||
               w == CCAD_WHY_PATIENCE_RHYTHM;
    default: /* ownership ending while a release would be premature */
        return w == CCAD_WHY_OWNERSHIP || w == CCAD_WHY_PATIENCE || w == CCAD_WHY_PATIENCE_RUN ||
               w == CCAD_WHY_PATIENCE_RHYTHM;
    }
}

/* Adds a finding of `kind` with `lead` (if not NULL) and the assessment's
 * reasons that belong to a finding of kind `sel` (0: ownership ending). */
static int from_assessment(struct plan *plan, int kind, int sel, size_t i, int32_t date,
                           const ccad_reason *lead, const ccad_assessment *a)
{
    ccad_reason r[CCAD_ITEM_REASONS_MAX];
    size_t n = 0;
    uint32_t k;
    if (lead != NULL)
        r[n++] = *lead;
    for (k = 0; k < a->reason_count && n < CCAD_ITEM_REASONS_MAX; k++)
        if (belongs(sel, a->reasons[k].why))
            r[n++] = a->reasons[k];
    return ccad__plan_add_finding(plan->s, kind, (int64_t)i, date, r, n);
}

static int per_customer(struct plan *plan)
{
    static const struct {
        uint32_t flag;
        int kind;
    } map[] = {{CCAD_F_OVERDUE, CCAD_FIND_OVERDUE},
               {CCAD_F_COLD, CCAD_FIND_COLD},
               {CCAD_F_COOLING, CCAD_FIND_COOLING},
               {CCAD_F_STALLED, CCAD_FIND_STALLED},
               {CCAD_F_RELEASED_EARLY, CCAD_FIND_RELEASE_RISK},
               {CCAD_F_NEVER_CONTACTED, CCAD_FIND_NEVER_CONTACTED}};
    const ccad_plan_options *o = plan->o;
    ccad_assessment a;
    size_t i, f;
    int rc, done = 0;
    for (i = 0; i < plan->b->n; i++) {
        const struct cust *c = &plan->cw[i];
        /* a replan copies an unchanged customer's findings (replan_trace.c) */
        if (plan->trace != NULL && (rc = ccad__trace_findings_of(plan, i, &done)) != 0)
            return rc;
        if (c->status == CCAD_STATUS_ELIMINATED || done)
            continue;
        ccad__assess(plan->b, plan->v, c, o->first_day, &a, 1);
        for (f = 0; f < sizeof map / sizeof map[0]; f++)
            if ((a.flags & map[f].flag) && (rc = from_assessment(plan, map[f].kind, map[f].kind, i,
                                                                 o->first_day, NULL, &a)) != 0)
                return rc;
        if ((a.flags & CCAD_F_RELEASE_PREMATURE) && a.ownership_end != CCAD_NO_DATE &&
            a.ownership_end < o->first_day + o->days &&
            (rc = from_assessment(plan, CCAD_FIND_RELEASE_RISK, 0, i, a.ownership_end, NULL, &a)) !=
                0)
            return rc;
        if (plan->sim[i].given_up) {
            int premature = (a.flags & CCAD_F_RELEASE_PREMATURE) != 0;
            ccad_reason lead = R(TRIAGE, GIVE_UP, c->contacts, plan->v[P_PATIENCE_MIN], premature);
            if ((rc = from_assessment(plan, CCAD_FIND_RELEASE_PROPOSED, CCAD_FIND_RELEASE_PROPOSED,
                                      i, o->first_day, &lead, &a)) != 0)
                return rc;
        }
    }
    return plan->trace != NULL ? ccad__trace_findings_of(plan, i, &done) : CCAD_OK;
}

/* The longest gap between consecutive contacts the final plan leaves each
 * watched customer (GAP grades), the last contact on record included. */
static void measure_gaps(struct plan *plan)
{
    const ccad_schedule *s = plan->s;
    size_t i;
    for (i = 0; i < plan->b->n; i++) {
        plan->sim[i].gap_prev = plan->cw[i].last_contact;
        plan->sim[i].worst_gap = 0;
        plan->sim[i].worst_gap_end = CCAD_NO_DATE;
    }
    for (i = 0; i < s->n_items; i++) {
        const struct item_rec *it = &s->items[i];
        struct sim *m = &plan->sim[it->customer];
        int g = ccad__grade(&plan->cw[it->customer]);
        if (it->kind == CCAD_ITEM_TOUCH)
            continue;
        if (m->gap_prev != CCAD_NO_DATE && g != CCAD_GRADE_NONE &&
            (plan->v[P_GAP_GRADES] & (1 << (g - 1))) && it->date - m->gap_prev > m->worst_gap) {
            m->worst_gap = it->date - m->gap_prev;
            m->worst_gap_end = it->date;
        }
        m->gap_prev = it->date;
    }
}

static int plan_gaps(struct plan *plan)
{
    ccad_reason r;
    size_t i;
    int rc;
    measure_gaps(plan);
    for (i = 0; i < plan->b->n; i++) {
        const struct sim *m = &plan->sim[i];
        int64_t limit = plan->v[P_GAP_MAX];
        if (m->let_go && plan->v[P_FREQ_LET_GO] > 1)
            limit *= plan->v[P_FREQ_LET_GO]; /* our own choice raises no warning */
        if (m->worst_gap <= limit)
            continue;
        r = R(GAP, GAP_PLANNED, m->worst_gap, limit, m->worst_gap_end);
        if ((rc = ccad__plan_add_finding(plan->s, CCAD_FIND_GAP, (int64_t)i, m->worst_gap_end, &r,
                                         1)) != 0)
            return rc;
    }
    return CCAD_OK;
}

static int dropped(struct plan *plan)
{
    ccad_reason r;
    size_t i;
    int rc;
    for (i = 0; i < plan->b->n; i++) {
        const struct sim *m = &plan->sim[i];
        if (m->dropped_on == CCAD_NO_DATE)
            continue;
        r = R(CAPACITY, PLAN_DROPPED, m->dropped_from, m->dropped_on - m->dropped_from, 0);
        if ((rc = ccad__plan_add_finding(plan->s, CCAD_FIND_DROPPED, (int64_t)i, m->dropped_on, &r,
                                         1)) != 0)
            return rc;
    }
    return CCAD_OK;
}

static int whole_plan(struct plan *plan, const struct load *load, int64_t capacity)
{
    const ccad_plan_options *o = plan->o;
    ccad_workload w;
    ccad_platform p;
    ccad_reason r;
    int di, rc;
    for (di = 0; di < o->days; di++) {
        if (plan->cap_full[di] == 0)
            continue;
        /* the day's contacts in the final plan (weekly assignment may move some) */
        r = R(CAPACITY, CAPACITY_FULL, o->first_day + di,
              plan->day != NULL ? plan->day[di].count : plan->cap_used[di],
              o->visits_per_day > 0 ? o->visits_per_day : 0);
        if ((rc = ccad__plan_add_finding(plan->s, CCAD_FIND_OVER_CAPACITY, -1, o->first_day + di,
                                         &r, 1)) != 0)
            return rc;
    }
    memset(&w, 0, sizeof w);
    ccad__plan_fill_workload(load, capacity, &w);
    r = R(WORKLOAD, WORKLOAD_OVER, w.visits, w.capacity, w.stretch_x100);
    if (w.over && (rc = ccad__plan_add_finding(plan->s, CCAD_FIND_OVER_CAPACITY, -1, CCAD_NO_DATE,
                                               &r, 1)) != 0)
        return rc;
    memset(&p, 0, sizeof p);
    ccad__plan_platform_counts(plan->b, plan->v, &p);
    r = R(PLATFORM, PLATFORM_OVER_CAP, p.working[0], p.working_cap, 0);
    if (p.over_cap &&
        (rc = ccad__plan_add_finding(plan->s, CCAD_FIND_PLATFORM, -1, CCAD_NO_DATE, &r, 1)) != 0)
        return rc;
    r = R(PLATFORM, PLATFORM_UNDER_MIN, p.working[0], p.working_min, 0);
    if (p.under_min &&
        (rc = ccad__plan_add_finding(plan->s, CCAD_FIND_PLATFORM, -1, CCAD_NO_DATE, &r, 1)) != 0)
        return rc;
    r = R(PLATFORM, PLATFORM_C_HEAVY, p.working[CCAD_GRADE_C] + p.working[CCAD_GRADE_D],
          p.working[0], plan->v[P_PLATFORM_C_MAX]);
    if (p.c_heavy &&
        (rc = ccad__plan_add_finding(plan->s, CCAD_FIND_PLATFORM, -1, CCAD_NO_DATE, &r, 1)) != 0)
        return rc;
    return CCAD_OK;
}

/* ROUTE: one finding per late stop. The limit is the earlier of the
 * window's close and the day's end; for the day's last stop, the day's end
 * less the way back (the latest departure that is home in time). */
static int late_stops(struct plan *plan)
{
    const ccad_schedule *s = plan->s;
    size_t i;
    int rc;
    for (i = 0; i < s->n_items; i++) {
        const struct item_rec *it = &s->items[i];
        int32_t limit = plan->cw[it->customer].close_min, end = plan->day_end;
        int last = i + 1 == s->n_items || s->items[i + 1].date != it->date ||
                   s->items[i + 1].seq == 0;
        ccad_reason r;
        if (!it->late)
            continue;
        if (last && it->seq > 0)
            end -= s->day_back[it->date - plan->o->first_day] - it->depart;
        if (end < limit)
            limit = end;
        r = R(ROUTE, ROUTE_LATE, it->eta, limit, it->depart - limit);
        if ((rc = ccad__plan_add_finding(plan->s, CCAD_FIND_ROUTE, (int64_t)it->customer, it->date,
                                         &r, 1)) != 0)
            return rc;
    }
    return CCAD_OK;
}

int ccad__plan_findings(struct plan *plan, const struct load *load, int64_t capacity)
{
    int rc;
    if ((rc = unplanned(plan)) != 0 || (rc = per_customer(plan)) != 0 ||
        (rc = dropped(plan)) != 0 || (rc = plan_gaps(plan)) != 0 ||
        (rc = whole_plan(plan, load, capacity)) != 0 ||
        (rc = ccad__plan_persist_findings(plan)) != 0)
        return rc;
    return late_stops(plan);
}
