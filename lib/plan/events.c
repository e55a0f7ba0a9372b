/* The day loop's memory of each customer's brief (simulate.c's scan).
 *
 * Every working day the simulation needs, for every open customer, five
 * fields of its brief: whether it is due, its due date, its quadrant, its
 * days overdue and its escalation. Between two planned contacts a
 * customer's shadow (ccad__plan_sim_view) does not change, so its brief
 * depends on the day alone, and only in a few ways:
 *
 *   - the purchase decision's urgency changes on the days the decision
 *     comes within urgency.two_weeks_days and urgency.week_days, and the
 *     day after it passes; FREQ's ramp starts freq.ramp_within_days before
 *     it and ends where the two-week urgency begins;
 *   - a pending request becomes urgent urgency.request_days before its date;
 *   - a customer not yet due becomes due on its due date;
 *   - once overdue, the days overdue grow by one a day and the escalation
 *     follows them (escalate.*): a pure function of the days overdue.
 *
 * Everything else the brief reads is the shadow or the rules. A due date
 * taken from the day itself ("due now": contacted but never visited, never
 * contacted with rules.never_due_now, an unimportant customer's purchase
 * decision) is never before the day, and moving it to a working weekday
 * keeps it in step with the day; once the due date lies before the day it
 * is one of the fixed dates and stays. So a brief taken on day d0 holds,
 * with its days overdue and escalation recomputed, on every day before the
 * first of those change days after d0 (its wake), except when the due date
 * is d0 itself (it may be the day's own date): then the next day looks
 * again, unless the brief is known to be due now (below). A planned
 * contact changes the shadow and forgets the memo.
 *
 * Due today. Take a brief on day d whose due date is d, and the range's
 * last day X before the customer's next change day. Its due date on every
 * day d' from d to X is the earliest of its fixed dates F (the clock's, the
 * next step, the complaint's, the request, the care date), which are the
 * same on all those days, and, when a "due now" term is in force (in force
 * on all of them or none), d' itself; moved to a working weekday
 * (freq.work_days). Briefed on X, the same shadow is due on g, the earlier
 * of X and F moved so. When g is d, F came first on d and stays first: the
 * due date is d through X, a fixed one. When g is later, through the earlier
 * of X and g the brief follows the day, as if F were not there: before F
 * because the day comes first; from F to g because every day of [F, g) is
 * a non-working weekday, so that the day and F both move to g (moving
 * stops at CCAD_DATE_MAX, which keeps the order of dates, so the same
 * holds with the last date in place of a working weekday past it). Such a
 * brief is due on a working weekday (and on the last date), due on the
 * next one otherwise, never overdue, and the memo keeps it so
 * (MEMO_DUE_NOW) instead of briefing the customer again each day: in a
 * large book with one overloaded rep, a tenth of the customers are due
 * on the day they are briefed, most of them on their own due date and the
 * rest due now, waiting day after day.
 *
 * The memo also keeps the three facts of the assessment that decide the
 * kind of a due customer's contact (strategy, complaint, care date): they
 * read neither the day nor the contacts, so a candidate that waits day
 * after day is assessed once in the range, not daily; the full assessment
 * is taken when it gets an item. With them it keeps whether the contact
 * on record lies before the care date, so that a waiting customer's record
 * is not read again to decide a care contact. The memo holds, besides, what the day
 * loop reads of the record every day (open or not, grade, visit days,
 * value, request date), so that a large book's records stay out of the
 * cache on the days they are not needed. A memo is 32 bytes a customer;
 * the simulation allocates the array for its run (ccad__plan_memo_init)
 * and frees it when the range is planned.
 * tests/test_sim_events.c compares plans against a build of the loop that
 * briefs every customer every day (tests/sim_env_ref.c). */
#include "plan.h"

#include <string.h>

/* The first of `best` and `day` when day lies after d (dates in int64, as
 * rule parameters shift them). */
static int32_t first_after(int32_t d, int64_t day, int32_t best)
{
    return day > d && day < best ? (int32_t)day : best;
}

/* The first day after d on which customer c's urgency, FREQ's ramp or a
 * request's urgency may change (INT32_MAX: none). */
static int32_t change_day(const int64_t *v, const struct cust *c, int32_t d)
{
    int32_t wake = INT32_MAX;
    if (c->purchase != CCAD_NO_DATE) {
        wake = first_after(d, (int64_t)c->purchase - v[P_FREQ_RAMP_WITHIN], wake);
        wake = first_after(d, (int64_t)c->purchase - v[P_URG_TWO_WEEKS], wake);
        wake = first_after(d, (int64_t)c->purchase - v[P_URG_WEEK], wake);
        wake = first_after(d, (int64_t)c->purchase + 1, wake);
    }
    if (c->request != CCAD_NO_DATE)
        wake = first_after(d, (int64_t)c->request - v[P_URG_REQUEST], wake);
    return wake;
}

/* The first day after d on which customer c's brief, taken on d as br,
 * may differ other than by its days overdue: see the file comment. */
static int32_t wake_of(const int64_t *v, const struct cust *c, int32_t d, const ccad_brief *br)
{
    int32_t wake = change_day(v, c, d);
    if (br->due_date == d)
        return d + 1;
    if (br->due_date != CCAD_NO_DATE && br->due_date > d && br->due_date < wake)
        wake = br->due_date;
    return wake;
}

/* The due date g of shadow `view` of customer c briefed on X, the range's
 * last day before c's next change day, for its brief br taken on day
 * lean->today = d and due on d (see the file comment), with X in *out_x;
 * CCAD_NO_DATE when X is not after d or the brief on X tells nothing. */
static int32_t probe_due(const struct plan *plan, const struct ccad__lean *lean,
                         const struct cust *c, const struct cust *view, const ccad_brief *br,
                         int32_t *out_x)
{
    struct ccad__lean probe;
    ccad_brief then;
    int32_t d = lean->today, x = plan->o->first_day + plan->o->days - 1,
            change = change_day(plan->v, c, d);
    if (change <= x)
        x = change - 1;
    *out_x = x;
    if (x <= d)
        return CCAD_NO_DATE;
    probe = *lean; /* its tables read the rules alone */
    probe.today = x;
    ccad__brief_cust(&probe, view, &then);
    if (then.quadrant != br->quadrant || then.urgency != br->urgency)
        return CCAD_NO_DATE;
    return then.due_date;
}

/* Memo m of a brief due on its own day d (see the file comment): a due
 * date that stays through X is kept as a fixed one, a brief due now is
 * kept as such (MEMO_DUE_NOW) through the earlier of g and X; else the
 * next day looks again. */
static void keep_due_today(const struct plan *plan, const struct ccad__lean *lean,
                           const struct cust *c, const struct cust *view, const ccad_brief *br,
                           struct ccad__memo *m)
{
    int32_t d = lean->today, x, g = probe_due(plan, lean, c, view, br, &x);
    if (g == d) {
        m->wake = x + 1;
    } else if (g != CCAD_NO_DATE && g > d) {
        m->bits |= MEMO_DUE_NOW;
        m->wake = (g < x ? g : x) + 1;
    }
}

/* ESCALATE: the level of a customer `over` days overdue whose quadrant
 * escalates (every quadrant but Q4, and Q4 with escalate.q4). */
static int level_of(const int64_t *v, int32_t over)
{
    return over >= v[P_ESC_REASSIGN]  ? CCAD_ESCALATE_REASSIGN
           : over >= v[P_ESC_MANAGER] ? CCAD_ESCALATE_MANAGER
           : over >= v[P_ESC_REP]     ? CCAD_ESCALATE_REP
                                      : CCAD_ESCALATE_NONE;
}

int ccad__plan_memo_init(struct plan *plan)
{
    size_t i, n = plan->b->n;
    plan->memo = n ? ccad__alloc(plan->s->ctx, n * sizeof *plan->memo) : NULL;
    plan->quiet = n ? ccad__alloc(plan->s->ctx, n * sizeof *plan->quiet) : NULL;
    if (n && (plan->memo == NULL || plan->quiet == NULL))
        return ccad__fail(plan->s->ctx, CCAD_ENOMEM, "out of memory");
    for (i = 0; i < n; i++) { /* no brief or facts known yet */
        struct ccad__memo *memo = &plan->memo[i];
        const struct cust *c = &plan->cw[i];
        memo->wake = INT32_MIN;
        memo->value = c->value;
        memo->request = c->request;
        memo->grade = (uint8_t)ccad__grade(c);
        memo->visit_days = c->visit_days;
        memo->dormancy = 0;
        memo->bits = !ccad__inactive(c->status) && !plan->sim[i].given_up ? MEMO_OPEN : 0;
        plan->quiet[i] = (memo->bits & MEMO_OPEN) ? INT32_MIN : INT32_MAX;
        ccad__plan_state_note(plan, (uint32_t)i);
    }
    return CCAD_OK;
}

void ccad__plan_memo_free(struct plan *plan)
{
    ccad__free(plan->s->ctx, plan->memo);
    ccad__free(plan->s->ctx, plan->quiet);
    plan->memo = NULL;
    plan->quiet = NULL;
}

/* Quiet days. A customer whose memo holds and who is not due asks nothing
 * of the scan (simulate.c) but, when its due date comes within
 * capacity.pull_ahead_days, to be counted in the coming load and perhaps
 * pulled ahead; a dropped Q4 contact asks nothing while it stays in Q4.
 * Neither can change before its memo's wake or before a planned contact
 * (which forgets the memo): a customer with a persist block under way or
 * a dropped contact is only changed by the scan itself. So the scans
 * before the first of those days pass it by, reading one number of it. A
 * brief due now moves with the day and is looked at every day, unless its
 * contact is dropped. */
void ccad__plan_quiet_until(struct plan *plan, uint32_t i, int32_t d)
{
    const struct ccad__memo *memo = plan->memo != NULL ? &plan->memo[i] : NULL;
    int64_t q;
    if (memo == NULL)
        return; /* the reference build's scan looks at every customer */
    q = memo->wake;
    if (memo->wake <= d || (memo->bits & MEMO_BLOCK))
        return;
    if (memo->bits & MEMO_DROPPED) {
        /* the scan calls it for a dropped contact only in Q4, where it stays
         * dropped, due or not */
    } else if (memo->bits & MEMO_DUE_NOW) {
        return;
    } else if (memo->due != CCAD_NO_DATE && (int64_t)memo->due - plan->v[P_CAP_PULL_AHEAD] < q) {
        q = (int64_t)memo->due - plan->v[P_CAP_PULL_AHEAD];
    }
    if (q > d + 1)
        plan->quiet[i] = (int32_t)q;
}

void ccad__plan_brief_on(struct plan *plan, const struct ccad__lean *lean, uint32_t i,
                         ccad_brief *out)
{
    const struct cust *c = &plan->cw[i];
    struct ccad__memo *memo = plan->memo != NULL ? &plan->memo[i] : NULL;
    int32_t d = lean->today;
    struct cust view;
    if (memo == NULL || memo->wake <= d) {
        ccad__plan_sim_view(c, &plan->sim[i], &view);
        ccad__brief_cust(lean, &view, out);
        if (memo != NULL) {
            memo->due = out->due_date;
            memo->wake = wake_of(plan->v, c, d, out);
            memo->quadrant = out->quadrant;
            memo->urgency = out->urgency;
            memo->bits &= (uint8_t) ~(MEMO_ESCALATES | MEMO_DUE_NOW);
            if (out->quadrant != CCAD_Q4 || plan->v[P_ESC_Q4])
                memo->bits |= MEMO_ESCALATES;
            if (out->due_date == d)
                keep_due_today(plan, lean, c, &view, out, memo);
        }
        return;
    }
    memset(out, 0, sizeof *out);
    out->due_date = memo->due;
    out->quadrant = memo->quadrant;
    out->grade = memo->grade;
    out->urgency = memo->urgency;
    if (memo->bits & MEMO_DUE_NOW) { /* moved as the brief moves it: at most to the last date */
        int32_t due = d + lean->shift[ccad__weekday(d)];
        out->due_date = due < CCAD_DATE_MAX ? due : CCAD_DATE_MAX;
        out->flags = out->due_date <= d ? CCAD_F_DUE : 0u;
        return;
    }
    if (memo->due == CCAD_NO_DATE || memo->due > d)
        return;
    out->flags = CCAD_F_DUE;
    if (memo->due == d)
        return;
    out->flags |= CCAD_F_OVERDUE;
    out->days_overdue = d - memo->due;
    if (memo->bits & MEMO_ESCALATES)
        out->escalation = (uint8_t)level_of(plan->v, out->days_overdue);
}

int ccad__plan_facts_of(const struct plan *plan, uint32_t i, struct ccad__facts *out)
{
    const struct ccad__memo *memo = plan->memo != NULL ? &plan->memo[i] : NULL;
    if (memo == NULL || !(memo->bits & MEMO_FACTS))
        return 0;
    out->care_date = memo->care_date;
    out->strategy = memo->strategy;
    out->complaint = memo->complaint;
    out->care_open = (memo->bits & MEMO_CARE_OPEN) != 0;
    return 1;
}

void ccad__plan_facts_set(struct plan *plan, uint32_t i, const struct ccad__facts *facts)
{
    if (plan->memo != NULL) {
        plan->memo[i].care_date = facts->care_date;
        plan->memo[i].strategy = facts->strategy;
        plan->memo[i].complaint = facts->complaint;
        plan->memo[i].bits |= MEMO_FACTS | (facts->care_open ? MEMO_CARE_OPEN : 0u);
    }
}

void ccad__plan_facts_keep(struct plan *plan, uint32_t i, const ccad_assessment *a,
                           struct ccad__facts *out)
{
    out->care_date = a->care_date;
    out->strategy = (uint8_t)a->strategy;
    out->complaint = (uint8_t)a->complaint;
    out->care_open = (uint8_t)ccad__plan_record_before(&plan->cw[i], a->care_date);
    ccad__plan_facts_set(plan, i, out);
}
