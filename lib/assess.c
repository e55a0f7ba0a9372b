/* Assessment: one customer on one day -> decisions and reasons.
 * Pure: reads the book and the rules, calls no host callback, allocates
 * nothing. assess_one runs the rules of lib/rules/ in the order of the
 * reasons; the batch kernels are in lib/brief.c. */
#include "internal.h"
#include "rules/decide.h"

#include <string.h>

/* 100 at day 0, halving every half-life days, linear within a half-life;
 * integer arithmetic only, so every platform gives the same figure. */
static int32_t temperature(int32_t days, int64_t half_life)
{
    int64_t k = days / half_life, r = days % half_life, t;
    if (k >= 40)
        return 0;
    t = (INT64_C(100) << 20) >> k;
    t -= (t / 2) * r / half_life;
    return (int32_t)((t + (INT64_C(1) << 19)) >> 20);
}

/* The figures every assessment carries before the rules run; the
 * temperature for every customer (GAP). */
static void assess_start(struct ccad__decide *d)
{
    ccad_assessment *a = d->a;
    const struct cust *c = d->c;
    int32_t last = d->last, today = d->today;
    a->today = today;
    a->contacts = c->contacts;
    a->min_contacts = (uint32_t)d->v[P_PATIENCE_MIN];
    a->complaint = c->complaint;
    a->due_date = CCAD_NO_DATE;
    a->reminder_date = CCAD_NO_DATE;
    a->ownership_end = CCAD_NO_DATE;
    a->care_date = CCAD_NO_DATE;
    a->days_since_contact = last == CCAD_NO_DATE ? -1
                                                 : (int32_t)ccad__imax(0, (int64_t)today - last);
    a->temperature = last == CCAD_NO_DATE
                         ? -1
                         : temperature(a->days_since_contact, d->v[P_GAP_HALF_LIFE]);
}

/* The steps of docs/cadence-rules.md, "The assessment, step by step", in
 * the order of the reasons. */
static void assess_one(struct ccad__decide *d)
{
    assess_start(d);
    ccad__rule_grade(d);
    ccad__rule_triage(d);
    ccad__rule_urgency(d);
    ccad__rule_quadrant(d);
    ccad__rule_freq(d); /* INACTIVE instead for an inactive customer */
    ccad__rule_clock(d);
    ccad__rule_escalate(d);
    ccad__rule_reminder(d);
    ccad__rule_gap(d);
    ccad__rule_followup(d);
    ccad__rule_stall(d);
    ccad__rule_patience(d);
    ccad__rule_ownership(d);
    ccad__rule_complaint(d);
    ccad__rule_never(d);
    ccad__rule_service(d);
}

void ccad__assess(const ccad_book *b, const int64_t *v, const struct cust *c, int32_t today,
                  ccad_assessment *a, int keep_reasons)
{
    struct ccad__decide d;
    /* the reasons past reason_count are left as they are: the planner reads
     * reasons[0..reason_count) only, and the public entry point clears the
     * whole assessment before this (the reason slots are a kilobyte to
     * clear for every candidate the planner places) */
    memset(a, 0, offsetof(ccad_assessment, reasons));
    a->size = (uint32_t)sizeof *a;
    memset(&d, 0, sizeof d);
    d.b = b;
    d.v = v;
    d.c = c;
    d.a = a;
    d.keep = keep_reasons;
    d.today = today;
    d.active = c->status != CCAD_STATUS_RELEASED && c->status != CCAD_STATUS_ELIMINATED;
    d.last = v[P_CLOCK_ANY] ? c->last_contact : c->last_visit;
    d.due = CCAD_NO_DATE;
    d.gap = -1;
    assess_one(&d);
}

int ccad__check_graded(const ccad_book *book, const ccad_rules *rules, const char *fn)
{
    if (!book->graded || book->graded_generation != book->generation)
        return ccad__fail(book->ctx, CCAD_ESTALE,
                          "%s: the book changed since it was graded; call ccad_book_grade", fn);
    if (!ccad__same_grading(book->grade_params, rules->v + P_GRADE_FIRST))
        return ccad__fail(book->ctx, CCAD_ESTALE,
                          "%s: the book was graded with other grading rules; call ccad_book_grade",
                          fn);
    return CCAD_OK;
}

int ccad__check_ready(const ccad_book *book, const ccad_rules *rules, int32_t today, const char *fn)
{
    if (rules == NULL)
        return ccad__fail(book->ctx, CCAD_EINVAL, "%s: rules is NULL", fn);
    if (!ccad__date_ok(today))
        return ccad__fail(book->ctx, CCAD_ERANGE, "%s: day %ld is not a valid date", fn,
                          (long)today);
    return ccad__check_graded(book, rules, fn);
}

int ccad_book_assess(const ccad_book *book, const ccad_rules *rules, size_t index, int32_t today,
                     ccad_assessment *out)
{
    static const char fn[] = "ccad_book_assess";
    ccad_assessment a;
    int rc;
    if (book == NULL)
        return CCAD_EINVAL;
    if (out == NULL)
        return ccad__fail(book->ctx, CCAD_EINVAL, "%s: out is NULL", fn);
    if (!CCAD__SIZE_OK(out->size, ccad_assessment))
        return ccad__fail(book->ctx, CCAD_EVERSION, "%s: ccad_assessment.size %lu not supported",
                          fn, (unsigned long)out->size);
    if ((rc = ccad__check_ready(book, rules, today, fn)) != 0)
        return rc;
    if (index >= book->n)
        return ccad__fail(book->ctx, CCAD_ENOTFOUND, "%s: index %lu out of range", fn,
                          (unsigned long)index);
    {
        struct cust w;
        memset(&a, 0, sizeof a); /* every reason slot, used or not */
        ccad__unpack(book, index, &w);
        ccad__assess(book, rules->v, &w, today, &a, 1);
    }
    memcpy(out, &a, sizeof a);
    return CCAD_OK;
}
/* ---- briefs of the working form, for the planner's daily scan ----
 *
 * What a ccad_brief holds, decided as assess_one() decides it, without
 * reasons and without the figures a brief does not carry (temperature,
 * ownership, care and reminder dates): the planner looks at every customer
 * every day and needs only these. Dates are full day numbers here. */

void ccad__lean_init(struct ccad__lean *lean, const int64_t *v, int32_t today)
{
    int g, p, k;
    memset(lean, 0, sizeof *lean);
    lean->v = v;
    lean->today = today;
    for (g = CCAD_GRADE_A; g <= CCAD_GRADE_D; g++) {
        if (v[P_QUAD_IMPORTANT] & (1 << (g - 1)))
            lean->important |= 1u << g;
        if (v[P_GAP_GRADES] & (1 << (g - 1)))
            lean->watched |= 1u << g;
    }
    for (g = 0; g <= CCAD_GRADE_D; g++)
        for (p = 0; p < 3; p++) {
            int64_t count, days, i;
            int imp = (lean->important >> g) & 1;
            if (imp && p == CCAD_URGENCY_WEEK) {
                count = v[P_FREQ_Q1W_COUNT];
                days = v[P_FREQ_Q1W_DAYS];
            } else if (imp && p == CCAD_URGENCY_TWO_WEEKS) {
                count = v[P_FREQ_Q1TW_COUNT];
                days = v[P_FREQ_Q1TW_DAYS];
            } else {
                k = g >= CCAD_GRADE_A ? g - 1 : 2;
                count = v[P_FREQ_A_COUNT + 2 * k];
                days = v[P_FREQ_A_DAYS + 2 * k];
            }
            i = count > 0 ? ccad__imax(1, days / count) : 0;
            lean->ival[g][p][0] = (int32_t)i;
            lean->ival[g][p][1] = (int32_t)(v[P_FREQ_LET_GO] > 1 ? i * v[P_FREQ_LET_GO] : i);
        }
    for (g = 0; g <= CCAD_GRADE_D; g++)
        for (k = 0; k < 2; k++) {
            int64_t max, alert;
            ccad__gap_limits(v, g, k && v[P_FREQ_LET_GO] > 1 ? v[P_FREQ_LET_GO] : 1, &max, &alert);
            lean->gap_max[g][k] = (int32_t)max;
            lean->gap_alert[g][k] = (int32_t)alert;
        }
    for (k = 1; k <= 7; k++) {
        int wd = k, n = 0;
        while (n < 7 && !(v[P_FREQ_WORK_DAYS] & (1 << (wd - 1)))) {
            n++;
            wd = wd == 7 ? 1 : wd + 1;
        }
        lean->shift[k] = (uint8_t)n;
    }
}

/* ccad__brief_cust's parts, one per rule family; inlined into it. */

/* URGENCY: the urgency of the purchase decision alone (*plevel, which picks
 * the interval) and the customer's urgency (returned), which an open
 * complaint or a pending request raises to an event. */
static inline int brief_urgency(const struct ccad__lean *lean, const struct cust *c, int32_t last,
                                int *plevel, int *request_pending)
{
    const int64_t *v = lean->v;
    int32_t today = lean->today;
    int urg = CCAD_URGENCY_NONE;
    if (c->purchase != CCAD_NO_DATE && !ccad__order_closes(c->purchase, c->order, v[P_URG_ORDER])) {
        int64_t d = (int64_t)c->purchase - today;
        if (d >= 0)
            urg = d <= v[P_URG_WEEK]        ? CCAD_URGENCY_WEEK
                  : d <= v[P_URG_TWO_WEEKS] ? CCAD_URGENCY_TWO_WEEKS
                                            : CCAD_URGENCY_NONE;
    }
    *plevel = urg;
    *request_pending = c->request != CCAD_NO_DATE && (last == CCAD_NO_DATE || last < c->request);
    if (c->complaint == CCAD_COMPLAINT_OPEN ||
        (*request_pending && (int64_t)c->request - today <= v[P_URG_REQUEST]))
        urg = CCAD_URGENCY_EVENT;
    return urg;
}

/* TRIAGE: 1 if the customer is self-driven (or lifted to it by its margin),
 * so that FREQ lets it go (stretches the interval). */
static inline int brief_lets_go(const int64_t *v, const struct cust *c)
{
    int64_t vol = c->volume;
    int push;
    if (ccad__has_position(c)) { /* stored wide only: the rule's own path */
        struct ccad__triage_read t;
        return ccad__triage_read(v, c, &t) == CCAD_TRIAGE_SELF_DRIVEN;
    }
    if (!((c->status == CCAD_STATUS_ACTIVE || c->status == CCAD_STATUS_KEY) && vol >= 0))
        return 0;
    push = vol < v[P_TRIAGE_SELF] &&
           (vol >= v[P_TRIAGE_PUSH] || (vol >= v[P_TRIAGE_UNMOVABLE] && v[P_TRIAGE_BAND] == 0));
    return vol >= v[P_TRIAGE_SELF] ||
           (push && v[P_TRIAGE_MARGIN_LIFT] > 0 && c->margin_bp >= v[P_TRIAGE_MARGIN_LIFT]);
}

/* DUE: the earliest of due and the dates of the urgent matters (the open
 * complaint's follow-up, the requested date, the purchase decision of an
 * unimportant customer, the care contact after a resolved complaint). */
static inline int32_t brief_event_due(const struct ccad__lean *lean, const struct cust *c,
                                      int32_t last, int32_t due, int important, int plevel,
                                      int request_pending, uint32_t *flags)
{
    const int64_t *v = lean->v;
    int32_t today = lean->today;
    int32_t ev[3];
    int nev = 0, k;
    if (c->complaint == CCAD_COMPLAINT_OPEN)
        ev[nev++] = (last != CCAD_NO_DATE && last >= c->complaint_date)
                        ? ccad__clamp_date((int64_t)last + v[P_COMPLAINT_FOLLOWUP])
                        : c->complaint_date;
    if (request_pending)
        ev[nev++] = c->request;
    if (!important && plevel != CCAD_URGENCY_NONE &&
        (last == CCAD_NO_DATE || last < (int64_t)c->purchase - v[P_URG_TWO_WEEKS]))
        ev[nev++] = today;
    if (c->complaint == CCAD_COMPLAINT_RESOLVED) {
        int32_t care = ccad__clamp_date((int64_t)c->complaint_date + v[P_COMPLAINT_CARE]);
        if (last == CCAD_NO_DATE || last < care) {
            ev[nev++] = care;
            if (today >= care)
                *flags |= CCAD_F_CARE_DUE;
        }
    }
    for (k = 0; k < nev; k++)
        if (due == CCAD_NO_DATE || ev[k] < due)
            due = ev[k];
    return due;
}

/* DUE and ESCALATE: moves due to a working weekday (returned), sets the
 * due, overdue and reminder flags, the days overdue and the escalation level. */
static inline int32_t brief_due_date(const struct ccad__lean *lean, int32_t due, int important,
                                     int urg, int32_t *over, int *level, uint32_t *flags)
{
    const int64_t *v = lean->v;
    int32_t today = lean->today;
    if (due == CCAD_NO_DATE)
        return due;
    due += lean->shift[ccad__weekday(due)];
    if (due > CCAD_DATE_MAX)
        due = CCAD_DATE_MAX;
    if (due <= today)
        *flags |= CCAD_F_DUE;
    if (due < today) {
        *over = today - due;
        *flags |= CCAD_F_OVERDUE;
        if (!important && !urg ? v[P_ESC_Q4] : 1)
            *level = *over >= v[P_ESC_REASSIGN]  ? CCAD_ESCALATE_REASSIGN
                     : *over >= v[P_ESC_MANAGER] ? CCAD_ESCALATE_MANAGER
                     : *over >= v[P_ESC_REP]     ? CCAD_ESCALATE_REP
                                                 : CCAD_ESCALATE_NONE;
    }
    if (ccad__clamp_date((int64_t)due - v[P_FOLLOWUP_LEAD]) == today)
        *flags |= CCAD_F_REMINDER;
    return due;
}

/* GAP, FOLLOWUP, STALL, PATIENCE and COMPLAINT: the watch flags of an
 * active customer. */
static inline uint32_t brief_watch_flags(const struct ccad__lean *lean, const struct cust *c,
                                         int32_t last, int watched, int letgo)
{
    const int64_t *v = lean->v;
    uint32_t flags = 0;
    int grade = ccad__grade(c);
    int64_t gap = -1, max = lean->gap_max[grade][letgo != 0];
    if (last != CCAD_NO_DATE)
        gap = ccad__imax(ccad__imax(0, (int64_t)lean->today - last), c->last_gap);
    if (watched && gap >= 0) {
        if (gap >= lean->gap_alert[grade][letgo != 0])
            flags |= CCAD_F_COLD;
        else if (gap > max)
            flags |= CCAD_F_COOLING;
    }
    if (c->last_contact != CCAD_NO_DATE) {
        if (!(c->bits & CB_LAST_RECORDED))
            flags |= CCAD_F_NO_RECORD;
        else if (c->vis.last_entered != CCAD_NO_DATE || c->vis.last_parts != CCAD_RECORD_ALL)
            /* FOLLOWUP 1.1: a record with no entry day and every part is
             * neither late nor lacking, which most customers' records are */
            flags |= (ccad__record_late(v, c) > 0 ? CCAD_F_RECORD_LATE : 0u) |
                     (ccad__record_lacking(v, c) != 0 ? CCAD_F_RECORD_INCOMPLETE : 0u);
        if (c->next_step == CCAD_NO_DATE)
            flags |= CCAD_F_NO_NEXT_STEP;
    }
    if ((uint64_t)c->no_progress >= (uint64_t)v[P_STALL_AFTER])
        flags |= CCAD_F_STALLED;
    {
        /* PATIENCE counts a run only when the run is known; else every contact */
        int64_t broke, count = (int64_t)c->contacts;
        if (c->vis.prospect_run >= 0)
            count = ccad__patience_count(v, c, lean->today, ccad__patience_break(v, max), &broke);
        if (ccad__too_few_contacts(v, c->status, (uint64_t)count) || (gap > max && watched))
            flags |= CCAD_F_RELEASE_PREMATURE;
    }
    if (c->complaint == CCAD_COMPLAINT_OPEN)
        flags |= CCAD_F_COMPLAINT_OPEN;
    return flags;
}

void ccad__brief_cust(const struct ccad__lean *lean, const struct cust *c, ccad_brief *o)
{
    const int64_t *v = lean->v;
    int32_t today = lean->today;
    int grade = ccad__grade(c), status = c->status;
    int important = (int)((lean->important >> grade) & 1),
        watched = (int)((lean->watched >> grade) & 1);
    int32_t last = v[P_CLOCK_ANY] ? c->last_contact : c->last_visit;
    int32_t due = CCAD_NO_DATE;
    uint32_t flags = 0;
    int urg = CCAD_URGENCY_NONE, level = CCAD_ESCALATE_NONE, q;
    int32_t over = 0;

    if (!ccad__inactive(status)) {
        int plevel, request_pending, letgo;
        int64_t interval;
        int32_t clock;
        urg = brief_urgency(lean, c, last, &plevel, &request_pending);
        letgo = brief_lets_go(v, c);
        interval = lean->ival[grade][plevel][letgo && urg == CCAD_URGENCY_NONE];
        {
            /* FREQ's ramp towards a purchase decision weeks away */
            int64_t ramp = ccad__ramp_interval(v, important, c->purchase, c->order, today);
            if (ramp > 0 && (interval <= 0 || interval > ramp))
                interval = ramp;
        }
        /* CLOCK: the purchase-window duty counts visits only */
        clock = ccad__q1_visits_only(v, important, plevel) && interval > 0 ? c->last_visit : last;
        if (clock != CCAD_NO_DATE && interval > 0)
            due = ccad__clamp_date((int64_t)clock + interval);
        else if (last != CCAD_NO_DATE && interval > 0)
            due = today; /* contacted, never visited: the visit is due now */
        else if (last == CCAD_NO_DATE && v[P_NEVER_DUE_NOW] && (interval > 0 || urg))
            due = today;
        if (c->next_step != CCAD_NO_DATE && (due == CCAD_NO_DATE || c->next_step < due))
            due = c->next_step;
        due = brief_event_due(lean, c, last, due, important, plevel, request_pending, &flags);
        due = brief_due_date(lean, due, important, urg, &over, &level, &flags);
        flags |= brief_watch_flags(lean, c, last, watched, letgo);
    } else {
        flags = CCAD_F_INACTIVE;
        if (status == CCAD_STATUS_RELEASED &&
            ((uint64_t)c->contacts < (uint64_t)v[P_PATIENCE_MIN] ||
             ((int64_t)c->last_gap > lean->gap_max[grade][0] && watched)))
            flags |= CCAD_F_RELEASED_EARLY;
    }
    q = important ? (urg ? CCAD_Q1 : CCAD_Q2) : (urg ? CCAD_Q3 : CCAD_Q4);
    if (c->last_contact == CCAD_NO_DATE && c->contacts == 0)
        flags |= CCAD_F_NEVER_CONTACTED;
    o->due_date = due;
    o->days_overdue = over;
    o->flags = flags;
    o->grade = (uint8_t)grade;
    o->urgency = (uint8_t)urg;
    o->quadrant = (uint8_t)q;
    o->escalation = (uint8_t)level;
}
