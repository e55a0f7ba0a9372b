/* FREQ, the due date, ESCALATE and the FOLLOWUP reminder: when the next
 * contact falls due, and how late it is. */
#include "decide.h"

/* FREQ's ramp (docs/cadence-rules.md, "FREQ", the ramp): an important
 * customer whose purchase decision is weeks away, not yet two, is
 * contacted at least as often as freq.ramp_count per freq.ramp_days.
 * Returns the interval, tightened if the ramp is tighter. */
static int64_t freq_ramp(struct ccad__decide *d, int64_t interval)
{
    const struct cust *c = d->c;
    int64_t ramp = ccad__ramp_interval(d->v, d->important, c->purchase, c->order, d->today);
    if (ramp <= 0 || (interval > 0 && interval <= ramp))
        return interval;
    ccad__why(d, CCAD_RULE_FREQ, CCAD_WHY_FREQ_RAMP, (int64_t)c->purchase - d->today, interval,
              ramp);
    return ramp;
}

/* FREQ: docs/cadence-rules.md, "FREQ — contacts per period, as an interval";
 * an inactive customer gets INACTIVE instead, and no due date. */
void ccad__rule_freq(struct ccad__decide *d)
{
    const int64_t *v = d->v;
    ccad_assessment *a = d->a;
    int grade = d->grade;
    int64_t count, days, interval = 0;
    if (!d->active) {
        a->flags |= CCAD_F_INACTIVE;
        ccad__why(d, CCAD_RULE_FREQ, CCAD_WHY_INACTIVE, d->c->status, 0, 0);
        return;
    }
    if (d->important && d->plevel == CCAD_URGENCY_WEEK) {
        count = v[P_FREQ_Q1W_COUNT];
        days = v[P_FREQ_Q1W_DAYS];
    } else if (d->important && d->plevel == CCAD_URGENCY_TWO_WEEKS) {
        count = v[P_FREQ_Q1TW_COUNT];
        days = v[P_FREQ_Q1TW_DAYS];
    } else {
        int k = (grade >= CCAD_GRADE_A && grade <= CCAD_GRADE_D) ? grade - 1 : 2;
        count = v[P_FREQ_A_COUNT + 2 * k];
        days = v[P_FREQ_A_DAYS + 2 * k];
    }
    a->freq_count = (int32_t)count;
    a->freq_period_days = (int32_t)days;
    if (count > 0) {
        interval = ccad__imax(1, days / count);
        ccad__why(d, CCAD_RULE_FREQ, CCAD_WHY_FREQ, count, days, interval);
        if (d->urg == CCAD_URGENCY_NONE && ccad__let_go_stretch(v, a->strategy) > 1) {
            ccad__why(d, CCAD_RULE_FREQ, CCAD_WHY_FREQ_LET_GO, v[P_FREQ_LET_GO], interval,
                      interval * v[P_FREQ_LET_GO]);
            interval *= v[P_FREQ_LET_GO];
        }
    } else {
        ccad__why(d, CCAD_RULE_FREQ, CCAD_WHY_FREQ_NONE, grade, 0, 0);
    }
    interval = freq_ramp(d, interval);
    d->interval = interval;
    a->interval_days = (int32_t)interval;
}

/* The events that pull the due date earlier (URGENCY, COMPLAINT): an open
 * complaint, a pending request, a Q3 purchase window, a care contact. */
static void due_events(struct ccad__decide *d)
{
    const int64_t *v = d->v;
    const struct cust *c = d->c;
    int32_t last = d->last, ev[3];
    int nev = 0, k;
    if (c->complaint == CCAD_COMPLAINT_OPEN)
        ev[nev++] = (last != CCAD_NO_DATE && last >= c->complaint_date)
                        ? ccad__clamp_date(last + v[P_COMPLAINT_FOLLOWUP])
                        : c->complaint_date;
    if (d->request_pending)
        ev[nev++] = c->request;
    if (!d->important && d->plevel != CCAD_URGENCY_NONE &&
        (last == CCAD_NO_DATE || last < (int64_t)c->purchase - v[P_URG_TWO_WEEKS]))
        ev[nev++] = d->today; /* Q3: the urgent matter is handled the same day */
    if (c->complaint == CCAD_COMPLAINT_RESOLVED) {
        int32_t care = ccad__clamp_date((int64_t)c->complaint_date + v[P_COMPLAINT_CARE]);
        d->a->care_date = care;
        if (last == CCAD_NO_DATE || last < care)
            ev[nev++] = care;
    }
    for (k = 0; k < nev; k++)
        if (d->due == CCAD_NO_DATE || ev[k] < d->due) {
            d->due = ev[k];
            ccad__why(d, CCAD_RULE_URGENCY, CCAD_WHY_DUE_EVENT, d->due, 0, 0);
        }
}

/* CLOCK, the purchase-window duty: an important customer in its purchase
 * window (seed 000: be at the customer every day, or three times a week)
 * counts visits only (clock.q1_visits_only); a later call or message does
 * not restart that duty's clock. Returns the clock's last contact. */
static int32_t q1_visit_clock(struct ccad__decide *d)
{
    const struct cust *c = d->c;
    if (!ccad__q1_visits_only(d->v, d->important, d->plevel) || d->interval <= 0 ||
        d->last == CCAD_NO_DATE || c->last_visit == d->last)
        return d->last;
    ccad__why(d, CCAD_RULE_CLOCK, CCAD_WHY_Q1_VISITS_ONLY, d->last,
              c->last_visit == CCAD_NO_DATE ? -1 : (int64_t)d->today - c->last_visit, 0);
    return c->last_visit;
}

/* CLOCK: docs/cadence-rules.md, "The due date (CLOCK, FOLLOWUP, URGENCY,
 * COMPLAINT, NEVER)"; the clock restarts at the last contact. */
void ccad__rule_clock(struct ccad__decide *d)
{
    const int64_t *v = d->v;
    const struct cust *c = d->c;
    int32_t last, due = CCAD_NO_DATE;
    if (!d->active)
        return;
    last = q1_visit_clock(d);
    if (last == CCAD_NO_DATE && d->last != CCAD_NO_DATE) {
        due = d->today; /* contacted, never visited: the visit is due now */
    } else if (last != CCAD_NO_DATE && d->interval > 0) {
        due = ccad__clamp_date((int64_t)last + d->interval);
        ccad__why(d, CCAD_RULE_CLOCK, CCAD_WHY_DUE, last, d->interval, due);
    } else if (last == CCAD_NO_DATE && v[P_NEVER_DUE_NOW] && (d->interval > 0 || d->urg)) {
        due = d->today;
        d->never_due = 1;
        ccad__why(d, CCAD_RULE_NEVER, CCAD_WHY_NEVER_CONTACTED, 1, 0, 0);
    }
    if (c->next_step != CCAD_NO_DATE && (due == CCAD_NO_DATE || c->next_step < due)) {
        due = c->next_step;
        ccad__why(d, CCAD_RULE_FOLLOWUP, CCAD_WHY_DUE_NEXT_STEP, c->next_step, 0, 0);
    }
    d->due = due;
    due_events(d);
    due = d->due;
    if (due != CCAD_NO_DATE) {
        /* Contacts fall due on working weekdays only (freq.work_days). */
        int k, wd = ccad__weekday(due);
        for (k = 0; k < 7 && !(v[P_FREQ_WORK_DAYS] & (1 << (wd - 1))); k++) {
            due++;
            wd = wd == 7 ? 1 : wd + 1;
        }
        if (due > CCAD_DATE_MAX) /* the calendar ends on 9999-12-31 */
            due = CCAD_DATE_MAX;
    }
    d->due = due;
    d->a->due_date = due;
}

/* ESCALATE: docs/cadence-rules.md, "ESCALATE — overdue ladder (beyond the
 * texts)"; also the DUE and OVERDUE flags. */
void ccad__rule_escalate(struct ccad__decide *d)
{
    const int64_t *v = d->v;
    ccad_assessment *a = d->a;
    int64_t over, thr = 0;
    int level = CCAD_ESCALATE_NONE;
    if (!d->active || d->due == CCAD_NO_DATE)
        return;
    if (d->due <= d->today)
        a->flags |= CCAD_F_DUE;
    if (d->due >= d->today)
        return;
    over = (int64_t)d->today - d->due;
    a->flags |= CCAD_F_OVERDUE;
    a->days_overdue = (int32_t)over;
    if (d->q != CCAD_Q4 || v[P_ESC_Q4]) {
        if (over >= v[P_ESC_REASSIGN]) {
            level = CCAD_ESCALATE_REASSIGN;
            thr = v[P_ESC_REASSIGN];
        } else if (over >= v[P_ESC_MANAGER]) {
            level = CCAD_ESCALATE_MANAGER;
            thr = v[P_ESC_MANAGER];
        } else if (over >= v[P_ESC_REP]) {
            level = CCAD_ESCALATE_REP;
            thr = v[P_ESC_REP];
        }
    }
    a->escalation = level;
    ccad__why(d, CCAD_RULE_ESCALATE, CCAD_WHY_OVERDUE, over, level, thr);
}

/* FOLLOWUP reminder: docs/cadence-rules.md, "FOLLOWUP — records, next steps,
 * reminders"; the reminder date, followup.lead_days before the due date. */
void ccad__rule_reminder(struct ccad__decide *d)
{
    ccad_assessment *a = d->a;
    int32_t due = d->due;
    if (!d->active || due == CCAD_NO_DATE)
        return;
    a->reminder_date = ccad__clamp_date(due - d->v[P_FOLLOWUP_LEAD]);
    if (a->reminder_date == d->today) {
        a->flags |= CCAD_F_REMINDER;
        ccad__why(d, CCAD_RULE_FOLLOWUP, CCAD_WHY_REMINDER, a->reminder_date, due, 0);
    }
}
