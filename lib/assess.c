/* Assessment: one customer on one day -> decisions and reasons.
 * Pure: reads the book and the rules, calls no host callback, allocates
 * nothing. The order of the steps below is the order of the reasons. */
#include "internal.h"

#include <string.h>

struct sink {
    ccad_assessment *a;
    int keep; /* 0: batch mode, reasons are not written */
};

static void why(struct sink *s, int rule, int code, int64_t x, int64_t y, int64_t z)
{
    ccad_assessment *a = s->a;
    ccad_reason *r;
    if (!s->keep)
        return;
    if (a->reason_count >= CCAD_REASONS_MAX) {
        a->flags |= CCAD_F_REASONS_TRUNCATED;
        return;
    }
    r = &a->reasons[a->reason_count++];
    r->rule = rule;
    r->why = code;
    r->a = x;
    r->b = y;
    r->c = z;
}

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

static int64_t imax(int64_t a, int64_t b) { return a > b ? a : b; }

/* Dates computed from stored dates plus days stay inside the calendar. */
static int32_t clamp_date(int64_t d)
{
    return (int32_t)(d > CCAD_DATE_MAX ? CCAD_DATE_MAX : d < CCAD_DATE_MIN ? CCAD_DATE_MIN : d);
}

static void assess_one(const ccad_book *b, const int64_t *v, const struct cust *c, int32_t T,
                       struct sink *s);

void ccad__assess(const ccad_book *b, const int64_t *v, const struct cust *c, int32_t T,
                  ccad_assessment *a, int keep_reasons)
{
    struct sink s;
    memset(a, 0, keep_reasons ? sizeof *a : offsetof(ccad_assessment, reasons));
    a->size = (uint32_t)sizeof *a;
    s.a = a;
    s.keep = keep_reasons;
    assess_one(b, v, c, T, &s);
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

static void assess_one(const ccad_book *b, const int64_t *v, const struct cust *c, int32_t T,
                       struct sink *s)
{
    ccad_assessment *a = s->a;
    int grade, important, urg = CCAD_URGENCY_NONE, plevel = CCAD_URGENCY_NONE, q;
    int inactive = c->status == CCAD_STATUS_RELEASED || c->status == CCAD_STATUS_ELIMINATED;
    int active = !inactive;
    int32_t last = v[P_CLOCK_ANY] ? c->last_contact : c->last_visit;
    int32_t due = CCAD_NO_DATE;
    int64_t count, days, interval = 0, gap = -1;
    int never_due = 0; /* due on T because never contacted */
    int watched;       /* grade in gap.grades: the rhythm is watched */

    a->today = T;
    a->contacts = c->contacts;
    a->min_contacts = (uint32_t)v[P_PATIENCE_MIN];
    a->complaint = c->complaint;
    a->due_date = CCAD_NO_DATE;
    a->reminder_date = CCAD_NO_DATE;
    a->ownership_end = CCAD_NO_DATE;
    a->care_date = CCAD_NO_DATE;
    a->days_since_contact = last == CCAD_NO_DATE ? -1 : (int32_t)imax(0, (int64_t)T - last);
    a->temperature = last == CCAD_NO_DATE ? -1 : temperature(a->days_since_contact, v[P_GAP_HALF_LIFE]);

    /* GRADE */
    if (c->grade_manual != CCAD_GRADE_NONE) {
        grade = c->grade_manual;
        a->grade_manual = 1;
        why(s, CCAD_RULE_GRADE, CCAD_WHY_GRADE_MANUAL, grade, 0, 0);
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
            why(s, CCAD_RULE_GRADE, CCAD_WHY_GRADE_RANK, c->rank, (int64_t)b->ranked, lim);
        } else {
            int64_t thr = 0;
            if (grade == CCAD_GRADE_A)
                thr = v[P_GRADE_THRESHOLD_A];
            else if (grade == CCAD_GRADE_B)
                thr = v[P_GRADE_THRESHOLD_B];
            else if (grade == CCAD_GRADE_C && v[P_GRADE_USE_D])
                thr = v[P_GRADE_THRESHOLD_C];
            why(s, CCAD_RULE_GRADE, CCAD_WHY_GRADE_THRESHOLD, c->value, thr, 0);
        }
    }
    a->grade = grade;

    /* TRIAGE: customers that buy from us and whose volume is known. */
    if ((c->status == CCAD_STATUS_ACTIVE || c->status == CCAD_STATUS_KEY) && c->volume >= 0) {
        int kind;
        int64_t thr;
        if (c->volume >= v[P_TRIAGE_SELF]) {
            kind = CCAD_TRIAGE_SELF_DRIVEN;
            thr = v[P_TRIAGE_SELF];
        } else if (c->volume >= v[P_TRIAGE_PUSH]) {
            kind = CCAD_TRIAGE_PUSH;
            thr = v[P_TRIAGE_PUSH];
        } else if (c->volume >= v[P_TRIAGE_UNMOVABLE]) {
            kind = v[P_TRIAGE_BAND] == 0 ? CCAD_TRIAGE_PUSH : CCAD_TRIAGE_UNMOVABLE;
            thr = v[P_TRIAGE_UNMOVABLE];
        } else {
            kind = CCAD_TRIAGE_UNMOVABLE;
            thr = v[P_TRIAGE_UNMOVABLE];
        }
        why(s, CCAD_RULE_TRIAGE, CCAD_WHY_TRIAGE, kind, c->volume, thr);
        if (v[P_TRIAGE_MARGIN_LIFT] > 0 && c->margin_bp >= v[P_TRIAGE_MARGIN_LIFT] &&
            kind != CCAD_TRIAGE_SELF_DRIVEN) {
            kind--;
            why(s, CCAD_RULE_TRIAGE, CCAD_WHY_TRIAGE_MARGIN, c->margin_bp, v[P_TRIAGE_MARGIN_LIFT],
                0);
        }
        a->triage = kind;
        a->strategy = kind == CCAD_TRIAGE_SELF_DRIVEN ? CCAD_STRATEGY_LET_GO
                      : kind == CCAD_TRIAGE_PUSH      ? CCAD_STRATEGY_PERSIST
                      : (c->bits & CB_CAPABLE)        ? CCAD_STRATEGY_PERSIST
                                                      : CCAD_STRATEGY_GIVE_UP;
    }

    /* URGENCY */
    if (active && c->purchase != CCAD_NO_DATE) {
        int64_t d = (int64_t)c->purchase - T;
        if (d < 0) {
            why(s, CCAD_RULE_URGENCY, CCAD_WHY_URGENCY_PASSED, -d, 0, 0);
        } else if (d <= v[P_URG_WEEK]) {
            plevel = CCAD_URGENCY_WEEK;
            why(s, CCAD_RULE_URGENCY, CCAD_WHY_URGENCY_PURCHASE, d, v[P_URG_WEEK], 0);
        } else if (d <= v[P_URG_TWO_WEEKS]) {
            plevel = CCAD_URGENCY_TWO_WEEKS;
            why(s, CCAD_RULE_URGENCY, CCAD_WHY_URGENCY_PURCHASE, d, v[P_URG_TWO_WEEKS], 0);
        }
    }
    urg = plevel;
    if (active && c->complaint == CCAD_COMPLAINT_OPEN) {
        urg = CCAD_URGENCY_EVENT;
        why(s, CCAD_RULE_URGENCY, CCAD_WHY_URGENCY_COMPLAINT, c->complaint_date,
            imax(0, (int64_t)T - c->complaint_date), 0);
    }
    int request_pending = active && c->request != CCAD_NO_DATE &&
                          (last == CCAD_NO_DATE || last < c->request);
    if (request_pending && (int64_t)c->request - T <= v[P_URG_REQUEST]) {
        urg = CCAD_URGENCY_EVENT;
        why(s, CCAD_RULE_URGENCY, CCAD_WHY_URGENCY_REQUEST, c->request, (int64_t)c->request - T, 0);
    }
    a->urgency = urg;

    /* QUADRANT */
    important = grade != CCAD_GRADE_NONE && (v[P_QUAD_IMPORTANT] & (1 << (grade - 1))) != 0;
    q = important ? (urg ? CCAD_Q1 : CCAD_Q2) : (urg ? CCAD_Q3 : CCAD_Q4);
    a->quadrant = q;
    why(s, CCAD_RULE_QUADRANT, CCAD_WHY_QUADRANT, q, grade, urg);

    if (inactive) {
        a->flags |= CCAD_F_INACTIVE;
        why(s, CCAD_RULE_FREQ, CCAD_WHY_INACTIVE, c->status, 0, 0);
    } else {
        /* FREQ */
        if (important && plevel == CCAD_URGENCY_WEEK) {
            count = v[P_FREQ_Q1W_COUNT];
            days = v[P_FREQ_Q1W_DAYS];
        } else if (important && plevel == CCAD_URGENCY_TWO_WEEKS) {
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
            interval = imax(1, days / count);
            why(s, CCAD_RULE_FREQ, CCAD_WHY_FREQ, count, days, interval);
            if (a->strategy == CCAD_STRATEGY_LET_GO && urg == CCAD_URGENCY_NONE &&
                v[P_FREQ_LET_GO] > 1) {
                why(s, CCAD_RULE_FREQ, CCAD_WHY_FREQ_LET_GO, v[P_FREQ_LET_GO], interval,
                    interval * v[P_FREQ_LET_GO]);
                interval *= v[P_FREQ_LET_GO];
            }
        } else {
            why(s, CCAD_RULE_FREQ, CCAD_WHY_FREQ_NONE, grade, 0, 0);
        }
        a->interval_days = (int32_t)interval;

        /* Due date: the clock restarts at the last contact (CLOCK). */
        if (last != CCAD_NO_DATE && interval > 0) {
            due = clamp_date((int64_t)last + interval);
            why(s, CCAD_RULE_CLOCK, CCAD_WHY_DUE, last, interval, due);
        } else if (last == CCAD_NO_DATE && v[P_NEVER_DUE_NOW] && (interval > 0 || urg)) {
            due = T;
            never_due = 1;
            why(s, CCAD_RULE_NEVER, CCAD_WHY_NEVER_CONTACTED, 1, 0, 0);
        }
        if (c->next_step != CCAD_NO_DATE && (due == CCAD_NO_DATE || c->next_step < due)) {
            due = c->next_step;
            why(s, CCAD_RULE_FOLLOWUP, CCAD_WHY_DUE_NEXT_STEP, c->next_step, 0, 0);
        }
        {
            int32_t ev[3];
            int nev = 0, k;
            if (c->complaint == CCAD_COMPLAINT_OPEN)
                ev[nev++] = (last != CCAD_NO_DATE && last >= c->complaint_date)
                                ? clamp_date(last + v[P_COMPLAINT_FOLLOWUP])
                                : c->complaint_date;
            if (request_pending)
                ev[nev++] = c->request;
            if (!important && plevel != CCAD_URGENCY_NONE &&
                (last == CCAD_NO_DATE || last < (int64_t)c->purchase - v[P_URG_TWO_WEEKS]))
                ev[nev++] = T; /* Q3: the urgent matter is handled the same day */
            if (c->complaint == CCAD_COMPLAINT_RESOLVED) {
                int32_t care = clamp_date((int64_t)c->complaint_date + v[P_COMPLAINT_CARE]);
                a->care_date = care;
                if (last == CCAD_NO_DATE || last < care)
                    ev[nev++] = care;
            }
            for (k = 0; k < nev; k++)
                if (due == CCAD_NO_DATE || ev[k] < due) {
                    due = ev[k];
                    why(s, CCAD_RULE_URGENCY, CCAD_WHY_DUE_EVENT, due, 0, 0);
                }
        }
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
        a->due_date = due;
        if (due != CCAD_NO_DATE) {
            if (due <= T)
                a->flags |= CCAD_F_DUE;
            if (due < T) {
                int64_t over = (int64_t)T - due, thr = 0;
                int level = CCAD_ESCALATE_NONE;
                a->flags |= CCAD_F_OVERDUE;
                a->days_overdue = (int32_t)over;
                if (q != CCAD_Q4 || v[P_ESC_Q4]) {
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
                why(s, CCAD_RULE_ESCALATE, CCAD_WHY_OVERDUE, over, level, thr);
            }
            a->reminder_date = clamp_date(due - v[P_FOLLOWUP_LEAD]);
            if (a->reminder_date == T) {
                a->flags |= CCAD_F_REMINDER;
                why(s, CCAD_RULE_FOLLOWUP, CCAD_WHY_REMINDER, a->reminder_date, due, 0);
            }
        }
    }

    /* GAP: the open gap, or the latest closed one if longer. */
    if (last != CCAD_NO_DATE)
        gap = imax(a->days_since_contact, c->last_gap);
    watched = grade != CCAD_GRADE_NONE && (v[P_GAP_GRADES] & (1 << (grade - 1))) != 0;
    if (active && gap >= 0 && watched) {
        if (gap >= v[P_GAP_ALERT]) {
            a->flags |= CCAD_F_COLD;
            why(s, CCAD_RULE_GAP, CCAD_WHY_GAP_ALERT, gap, v[P_GAP_ALERT], gap - v[P_GAP_MAX]);
        } else if (gap > v[P_GAP_MAX]) {
            a->flags |= CCAD_F_COOLING;
            why(s, CCAD_RULE_GAP, CCAD_WHY_GAP_WARN, gap, v[P_GAP_MAX], gap - v[P_GAP_MAX]);
        }
    }

    /* FOLLOWUP */
    if (active && c->last_contact != CCAD_NO_DATE) {
        if (!(c->bits & CB_LAST_RECORDED)) {
            a->flags |= CCAD_F_NO_RECORD;
            why(s, CCAD_RULE_FOLLOWUP, CCAD_WHY_NO_RECORD, c->missing, 0, 0);
        }
        if (c->next_step == CCAD_NO_DATE) {
            a->flags |= CCAD_F_NO_NEXT_STEP;
            why(s, CCAD_RULE_FOLLOWUP, CCAD_WHY_NO_NEXT_STEP, c->last_contact, 0, 0);
        }
    }

    /* STALL */
    if (active && c->no_progress >= (uint64_t)v[P_STALL_AFTER]) {
        a->flags |= CCAD_F_STALLED;
        why(s, CCAD_RULE_STALL, CCAD_WHY_STALLED, c->no_progress, v[P_STALL_AFTER], 0);
    }

    /* PATIENCE */
    if (c->status == CCAD_STATUS_RELEASED) {
        if (c->contacts < (uint64_t)v[P_PATIENCE_MIN]) {
            a->flags |= CCAD_F_RELEASED_EARLY;
            why(s, CCAD_RULE_PATIENCE, CCAD_WHY_RELEASED_EARLY, c->contacts, v[P_PATIENCE_MIN], 0);
        }
        if (c->last_gap > v[P_GAP_MAX] && watched) {
            a->flags |= CCAD_F_RELEASED_EARLY;
            why(s, CCAD_RULE_PATIENCE, CCAD_WHY_PATIENCE_RHYTHM, c->last_gap, v[P_GAP_MAX], 0);
        }
    } else if (active) {
        if (c->contacts < (uint64_t)v[P_PATIENCE_MIN]) {
            a->flags |= CCAD_F_RELEASE_PREMATURE;
            why(s, CCAD_RULE_PATIENCE, CCAD_WHY_PATIENCE, c->contacts, v[P_PATIENCE_MIN], 0);
        }
        if (gap > v[P_GAP_MAX] && watched) {
            a->flags |= CCAD_F_RELEASE_PREMATURE;
            why(s, CCAD_RULE_PATIENCE, CCAD_WHY_PATIENCE_RHYTHM, gap, v[P_GAP_MAX], 0);
        }
    }

    /* OWNERSHIP */
    if (active && c->owned != CCAD_NO_DATE) {
        a->ownership_end = clamp_date(c->owned + v[P_OWNERSHIP_DAYS]);
        a->ownership_days_left = a->ownership_end - T;
        why(s, CCAD_RULE_OWNERSHIP, CCAD_WHY_OWNERSHIP, a->ownership_days_left,
            v[P_OWNERSHIP_DAYS], a->ownership_end);
    }

    /* COMPLAINT */
    if (active && c->complaint == CCAD_COMPLAINT_OPEN) {
        a->flags |= CCAD_F_COMPLAINT_OPEN;
        why(s, CCAD_RULE_COMPLAINT, CCAD_WHY_COMPLAINT_OPEN, c->complaint_date,
            imax(0, (int64_t)T - c->complaint_date), 0);
    } else if (active && a->care_date != CCAD_NO_DATE) {
        if (T >= a->care_date && (last == CCAD_NO_DATE || last < a->care_date))
            a->flags |= CCAD_F_CARE_DUE;
        why(s, CCAD_RULE_COMPLAINT, CCAD_WHY_COMPLAINT_CARE, c->complaint_date, a->care_date, 0);
    }

    /* NEVER */
    if (c->last_contact == CCAD_NO_DATE && c->contacts == 0) {
        a->flags |= CCAD_F_NEVER_CONTACTED;
        if (!never_due)
            why(s, CCAD_RULE_NEVER, CCAD_WHY_NEVER_CONTACTED, 0, 0, 0);
    }

    /* SERVICE */
    {
        int k;
        for (k = 3; k >= 0; k--)
            if (c->svc[k] > 0) {
                why(s, CCAD_RULE_SERVICE, CCAD_WHY_SERVICE, k + 1, c->svc[k], 0);
                break;
            }
    }
}

static int check_ready(const ccad_book *book, const ccad_rules *rules, int32_t today,
                       const char *fn)
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
    if ((rc = check_ready(book, rules, today, fn)) != 0)
        return rc;
    if (index >= book->n)
        return ccad__fail(book->ctx, CCAD_ENOTFOUND, "%s: index %lu out of range", fn,
                          (unsigned long)index);
    {
        struct cust w;
        ccad__unpack(book, index, &w);
        ccad__assess(book, rules->v, &w, today, &a, 1);
    }
    memcpy(out, &a, sizeof a);
    return CCAD_OK;
}

/* ---- batch: briefs straight from the stored records ----
 *
 * The same decisions as assess_one() for what a ccad_brief holds, without
 * reasons, read from the 64-byte records. The rules and the day are turned
 * once per call into tables and thresholds; dates stay 16-bit offsets from
 * CR_EPOCH, where CR_NO_DATE is below every date, so "no date or earlier"
 * is one comparison; a missing due date is INF while taking minima. Every
 * rule parameter in days is at most 366 (let-go factor 10), so sums of a
 * stored date and a parameter cannot leave the calendar or int32. Most
 * conditions become selects instead of branches: random books defeat
 * branch prediction. Wide records take the full path. test_brief.c checks
 * both paths agree on random books and rules. */

#define INF INT32_MAX

struct brief_rules {
    int32_t ival[5][3][2]; /* interval days by grade (0 = none), purchase level, let go; 0 = none */
    uint8_t quad[2][2];    /* quadrant by importance and urgency */
    unsigned important;    /* bit g: grade g is important */
    unsigned watched;      /* bit g: grade g's rhythm is watched (gap.grades) */
    uint8_t shift[7];      /* by (offset + BIAS) % 7: days to the next working weekday */
    int32_t t;             /* the day, as an offset */
    int32_t urg_week, urg_two, urg_req, follow, care, lead;
    int32_t gap_max, gap_alert, esc_rep, esc_man, esc_reas, esc_q4;
    int32_t dmax, dmin;    /* the calendar, as offsets */
    int64_t self, push, unmov, lift;
    uint32_t stall, patience;
    int clock_any, never_due, band;
};

/* A non-negative multiple of 7 that makes any offset of a valid date positive. */
#define BIAS (7 * 200000)

static void brief_rules_init(struct brief_rules *R, const int64_t *v, int32_t T)
{
    int g, p, k;
    memset(R, 0, sizeof *R);
    for (g = CCAD_GRADE_A; g <= CCAD_GRADE_D; g++) {
        if (v[P_QUAD_IMPORTANT] & (1 << (g - 1)))
            R->important |= 1u << g;
        if (v[P_GAP_GRADES] & (1 << (g - 1)))
            R->watched |= 1u << g;
    }
    for (g = 0; g <= CCAD_GRADE_D; g++)
        for (p = 0; p < 3; p++) {
            int64_t count, days, i;
            int imp = (R->important >> g) & 1;
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
            i = count > 0 ? imax(1, days / count) : 0;
            R->ival[g][p][0] = (int32_t)i;
            R->ival[g][p][1] = (int32_t)(v[P_FREQ_LET_GO] > 1 ? i * v[P_FREQ_LET_GO] : i);
        }
    R->quad[1][1] = CCAD_Q1;
    R->quad[1][0] = CCAD_Q2;
    R->quad[0][1] = CCAD_Q3;
    R->quad[0][0] = CCAD_Q4;
    for (k = 0; k < 7; k++) {
        /* offset o with (o + BIAS) % 7 == k is the day CR_EPOCH + o */
        int wd = ccad__weekday(CR_EPOCH + k), n = 0;
        while (n < 7 && !(v[P_FREQ_WORK_DAYS] & (1 << (wd - 1)))) {
            n++;
            wd = wd == 7 ? 1 : wd + 1;
        }
        R->shift[k] = (uint8_t)n;
    }
    R->t = T - CR_EPOCH;
    R->urg_week = (int32_t)v[P_URG_WEEK];
    R->urg_two = (int32_t)v[P_URG_TWO_WEEKS];
    R->urg_req = (int32_t)v[P_URG_REQUEST];
    R->follow = (int32_t)v[P_COMPLAINT_FOLLOWUP];
    R->care = (int32_t)v[P_COMPLAINT_CARE];
    R->lead = (int32_t)v[P_FOLLOWUP_LEAD];
    R->gap_max = (int32_t)v[P_GAP_MAX];
    R->gap_alert = (int32_t)v[P_GAP_ALERT];
    R->esc_rep = (int32_t)v[P_ESC_REP];
    R->esc_man = (int32_t)v[P_ESC_MANAGER];
    R->esc_reas = (int32_t)v[P_ESC_REASSIGN];
    R->esc_q4 = v[P_ESC_Q4] != 0;
    R->dmax = CCAD_DATE_MAX - CR_EPOCH;
    R->dmin = CCAD_DATE_MIN - CR_EPOCH;
    R->self = v[P_TRIAGE_SELF];
    R->push = v[P_TRIAGE_PUSH];
    R->unmov = v[P_TRIAGE_UNMOVABLE];
    R->lift = v[P_TRIAGE_MARGIN_LIFT] > 0 ? v[P_TRIAGE_MARGIN_LIFT] : INT64_MAX;
    R->stall = (uint32_t)v[P_STALL_AFTER];
    R->patience = (uint32_t)v[P_PATIENCE_MIN];
    R->clock_any = v[P_CLOCK_ANY] != 0;
    R->never_due = v[P_NEVER_DUE_NOW] != 0;
    R->band = v[P_TRIAGE_BAND] != 0;
}

static int32_t min32(int32_t a, int32_t b) { return b < a ? b : a; }
static int32_t max32(int32_t a, int32_t b) { return b > a ? b : a; }

/* cond ? flag : 0, without a branch */
#define IF_FLAG(cond, flag) (((uint32_t)0 - (uint32_t)(cond)) & (uint32_t)(flag))

static void brief_one(const struct brief_rules *R, const struct crec *r, ccad_brief *o)
{
    int grade = ccad__rgrade(r), status = r->status, complaint = r->complaint;
    int important = (int)((R->important >> grade) & 1), watched = (int)((R->watched >> grade) & 1);
    int32_t t = R->t, lc = r->last_contact, next = r->next_step;
    int32_t last = R->clock_any ? lc : r->last_visit;
    int has_last = last != CR_NO_DATE;
    uint32_t flags;
    int urg = CCAD_URGENCY_NONE, level = 0, q;
    int32_t due = INF, over = 0;

    if (ccad__inactive(status)) {
        q = important ? CCAD_Q2 : CCAD_Q4;
        flags = CCAD_F_INACTIVE |
                IF_FLAG(status == CCAD_STATUS_RELEASED &&
                            (r->contacts < R->patience || (r->last_gap > R->gap_max && watched)),
                        CCAD_F_RELEASED_EARLY);
    } else {
        int32_t p = r->purchase, d = p - t, req = r->request, cd = r->complaint_date;
        int32_t interval, gap, care;
        int has_p = p != CR_NO_DATE, open = complaint == CCAD_COMPLAINT_OPEN;
        int resolved = complaint == CCAD_COMPLAINT_RESOLVED;
        int plevel = (has_p & (d >= 0)) * ((d <= R->urg_week) + (d <= R->urg_two));
        int pending = last < req; /* a request after the last contact */
        int letgo, care_open;
        int64_t vol = r->volume;
        urg = (open | (pending & (req - t <= R->urg_req))) ? CCAD_URGENCY_EVENT : plevel;
        q = R->quad[important][urg != 0];
        /* TRIAGE: only whether the strategy is to let go */
        letgo = (status != CCAD_STATUS_PROSPECT) & (vol >= 0) &
                ((vol >= R->self) |
                 (((vol >= R->push) | ((vol >= R->unmov) & !R->band)) & (r->margin_bp >= R->lift)));
        interval = R->ival[grade][plevel][letgo & (urg == 0)];

        /* the due date: CLOCK, NEVER, FOLLOWUP, then the events */
        due = has_last && interval > 0 ? last + interval : INF;
        due = !has_last && R->never_due && (interval > 0 || urg) ? t : due;
        due = min32(due, next != CR_NO_DATE ? next : INF);
        due = min32(due, open ? (last >= cd ? last + R->follow : cd) : INF);
        due = min32(due, pending ? req : INF);
        due = min32(due, !important && plevel && (!has_last || last < p - R->urg_two) ? t : INF);
        care = cd + R->care;
        care_open = resolved & (last < care);
        due = min32(due, care_open ? care : INF);
        flags = IF_FLAG(care_open & (t >= care), CCAD_F_CARE_DUE);
        if (due != INF) {
            due = min32(due + R->shift[(uint32_t)(due + BIAS) % 7], R->dmax);
            over = max32(t - due, 0);
            flags |= IF_FLAG(due <= t, CCAD_F_DUE) | IF_FLAG(over > 0, CCAD_F_OVERDUE) |
                     IF_FLAG(max32(due - R->lead, R->dmin) == t, CCAD_F_REMINDER);
            level = ((q != CCAD_Q4) | R->esc_q4) *
                    ((over >= R->esc_rep) + (over >= R->esc_man) + (over >= R->esc_reas));
        }

        /* GAP, FOLLOWUP, STALL, PATIENCE, COMPLAINT */
        gap = has_last ? max32(max32(t - last, 0), r->last_gap) : -1;
        flags |= IF_FLAG(watched & has_last & (gap >= R->gap_alert), CCAD_F_COLD) |
                 IF_FLAG(watched & has_last & (gap < R->gap_alert) & (gap > R->gap_max),
                         CCAD_F_COOLING) |
                 IF_FLAG((lc != CR_NO_DATE) & !(r->bits & CB_LAST_RECORDED), CCAD_F_NO_RECORD) |
                 IF_FLAG((lc != CR_NO_DATE) & (next == CR_NO_DATE), CCAD_F_NO_NEXT_STEP) |
                 IF_FLAG(r->no_progress >= R->stall, CCAD_F_STALLED) |
                 IF_FLAG((r->contacts < R->patience) | ((gap > R->gap_max) & watched),
                         CCAD_F_RELEASE_PREMATURE) |
                 IF_FLAG(open, CCAD_F_COMPLAINT_OPEN);
    }
    flags |= IF_FLAG((lc == CR_NO_DATE) & (r->contacts == 0), CCAD_F_NEVER_CONTACTED);
    o->due_date = due == INF ? CCAD_NO_DATE : due + CR_EPOCH;
    o->days_overdue = over;
    o->flags = flags;
    o->grade = (uint8_t)grade;
    o->urgency = (uint8_t)urg;
    o->quadrant = (uint8_t)q;
    o->escalation = (uint8_t)level;
}

#undef IF_FLAG
#undef INF

int ccad_book_assess_range(const ccad_book *book, const ccad_rules *rules, size_t first,
                           size_t n, int32_t today, ccad_brief *out, size_t elem_size)
{
    static const char fn[] = "ccad_book_assess_range";
    struct brief_rules R;
    ccad_assessment a;
    size_t i;
    int rc;
    if (book == NULL)
        return CCAD_EINVAL;
    if (out == NULL && n > 0)
        return ccad__fail(book->ctx, CCAD_EINVAL, "%s: out is NULL", fn);
    if (!CCAD__SIZE_OK(elem_size, ccad_brief))
        return ccad__fail(book->ctx, CCAD_EVERSION, "%s: elem_size %lu not supported", fn,
                          (unsigned long)elem_size);
    if ((rc = check_ready(book, rules, today, fn)) != 0)
        return rc;
    if (first > book->n || n > book->n - first)
        return ccad__fail(book->ctx, CCAD_ENOTFOUND, "%s: range %lu+%lu leaves the book of %lu",
                          fn, (unsigned long)first, (unsigned long)n, (unsigned long)book->n);
    brief_rules_init(&R, rules->v, today);
    for (i = 0; i < n; i++) {
        ccad_brief *o = (ccad_brief *)(void *)((char *)out + i * elem_size);
        const struct crec *r = &book->c[first + i];
        struct cust w;
        if (!(r->bits & CB_WIDE)) {
            brief_one(&R, r, o);
            continue;
        }
        ccad__unpack(book, first + i, &w);
        ccad__assess(book, rules->v, &w, today, &a, 0);
        o->due_date = a.due_date;
        o->days_overdue = a.days_overdue;
        o->flags = a.flags;
        o->grade = (uint8_t)a.grade;
        o->urgency = (uint8_t)a.urgency;
        o->quadrant = (uint8_t)a.quadrant;
        o->escalation = (uint8_t)a.escalation;
    }
    return CCAD_OK;
}

/* ---- briefs of the working form, for the planner's daily scan ----
 *
 * What a ccad_brief holds, decided as assess_one() decides it, without
 * reasons and without the figures a brief does not carry (temperature,
 * ownership, care and reminder dates): the planner looks at every customer
 * every day and needs only these. Dates are full day numbers here. */

void ccad__lean_init(struct ccad__lean *L, const int64_t *v, int32_t T)
{
    int g, p, k;
    memset(L, 0, sizeof *L);
    L->v = v;
    L->T = T;
    for (g = CCAD_GRADE_A; g <= CCAD_GRADE_D; g++) {
        if (v[P_QUAD_IMPORTANT] & (1 << (g - 1)))
            L->important |= 1u << g;
        if (v[P_GAP_GRADES] & (1 << (g - 1)))
            L->watched |= 1u << g;
    }
    for (g = 0; g <= CCAD_GRADE_D; g++)
        for (p = 0; p < 3; p++) {
            int64_t count, days, i;
            int imp = (L->important >> g) & 1;
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
            i = count > 0 ? imax(1, days / count) : 0;
            L->ival[g][p][0] = (int32_t)i;
            L->ival[g][p][1] = (int32_t)(v[P_FREQ_LET_GO] > 1 ? i * v[P_FREQ_LET_GO] : i);
        }
    for (k = 1; k <= 7; k++) {
        int wd = k, n = 0;
        while (n < 7 && !(v[P_FREQ_WORK_DAYS] & (1 << (wd - 1)))) {
            n++;
            wd = wd == 7 ? 1 : wd + 1;
        }
        L->shift[k] = (uint8_t)n;
    }
}

void ccad__brief_cust(const struct ccad__lean *L, const struct cust *c, ccad_brief *o)
{
    const int64_t *v = L->v;
    int32_t T = L->T;
    int grade = ccad__grade(c), status = c->status, complaint = c->complaint;
    int important = (int)((L->important >> grade) & 1), watched = (int)((L->watched >> grade) & 1);
    int active = !ccad__inactive(status);
    int32_t last = v[P_CLOCK_ANY] ? c->last_contact : c->last_visit;
    int32_t due = CCAD_NO_DATE;
    uint32_t flags = 0;
    int urg = CCAD_URGENCY_NONE, plevel = CCAD_URGENCY_NONE, level = CCAD_ESCALATE_NONE, q;
    int32_t over = 0;
    int64_t gap = -1;

    if (active) {
        int letgo = 0, request_pending;
        int64_t interval;
        if (c->purchase != CCAD_NO_DATE) {
            int64_t d = (int64_t)c->purchase - T;
            if (d >= 0)
                plevel = d <= v[P_URG_WEEK]        ? CCAD_URGENCY_WEEK
                         : d <= v[P_URG_TWO_WEEKS] ? CCAD_URGENCY_TWO_WEEKS
                                                   : CCAD_URGENCY_NONE;
        }
        urg = plevel;
        request_pending = c->request != CCAD_NO_DATE && (last == CCAD_NO_DATE || last < c->request);
        if (complaint == CCAD_COMPLAINT_OPEN ||
            (request_pending && (int64_t)c->request - T <= v[P_URG_REQUEST]))
            urg = CCAD_URGENCY_EVENT;
        if ((status == CCAD_STATUS_ACTIVE || status == CCAD_STATUS_KEY) && c->volume >= 0) {
            int64_t vol = c->volume;
            int push = vol < v[P_TRIAGE_SELF] &&
                       (vol >= v[P_TRIAGE_PUSH] ||
                        (vol >= v[P_TRIAGE_UNMOVABLE] && v[P_TRIAGE_BAND] == 0));
            letgo = vol >= v[P_TRIAGE_SELF] || (push && v[P_TRIAGE_MARGIN_LIFT] > 0 &&
                                                c->margin_bp >= v[P_TRIAGE_MARGIN_LIFT]);
        }
        interval = L->ival[grade][plevel][letgo && urg == CCAD_URGENCY_NONE];
        if (last != CCAD_NO_DATE && interval > 0)
            due = clamp_date((int64_t)last + interval);
        else if (last == CCAD_NO_DATE && v[P_NEVER_DUE_NOW] && (interval > 0 || urg))
            due = T;
        if (c->next_step != CCAD_NO_DATE && (due == CCAD_NO_DATE || c->next_step < due))
            due = c->next_step;
        {
            int32_t ev[3];
            int nev = 0, k;
            if (complaint == CCAD_COMPLAINT_OPEN)
                ev[nev++] = (last != CCAD_NO_DATE && last >= c->complaint_date)
                                ? clamp_date((int64_t)last + v[P_COMPLAINT_FOLLOWUP])
                                : c->complaint_date;
            if (request_pending)
                ev[nev++] = c->request;
            if (!important && plevel != CCAD_URGENCY_NONE &&
                (last == CCAD_NO_DATE || last < (int64_t)c->purchase - v[P_URG_TWO_WEEKS]))
                ev[nev++] = T;
            if (complaint == CCAD_COMPLAINT_RESOLVED) {
                int32_t care = clamp_date((int64_t)c->complaint_date + v[P_COMPLAINT_CARE]);
                if (last == CCAD_NO_DATE || last < care) {
                    ev[nev++] = care;
                    if (T >= care)
                        flags |= CCAD_F_CARE_DUE;
                }
            }
            for (k = 0; k < nev; k++)
                if (due == CCAD_NO_DATE || ev[k] < due)
                    due = ev[k];
        }
        if (due != CCAD_NO_DATE) {
            due += L->shift[ccad__weekday(due)];
            if (due > CCAD_DATE_MAX)
                due = CCAD_DATE_MAX;
            if (due <= T)
                flags |= CCAD_F_DUE;
            if (due < T) {
                over = T - due;
                flags |= CCAD_F_OVERDUE;
                if (!important && !urg ? v[P_ESC_Q4] : 1)
                    level = over >= v[P_ESC_REASSIGN]  ? CCAD_ESCALATE_REASSIGN
                            : over >= v[P_ESC_MANAGER] ? CCAD_ESCALATE_MANAGER
                            : over >= v[P_ESC_REP]     ? CCAD_ESCALATE_REP
                                                       : CCAD_ESCALATE_NONE;
            }
            if (clamp_date((int64_t)due - v[P_FOLLOWUP_LEAD]) == T)
                flags |= CCAD_F_REMINDER;
        }
        if (last != CCAD_NO_DATE)
            gap = imax(imax(0, (int64_t)T - last), c->last_gap);
        if (watched && gap >= 0) {
            if (gap >= v[P_GAP_ALERT])
                flags |= CCAD_F_COLD;
            else if (gap > v[P_GAP_MAX])
                flags |= CCAD_F_COOLING;
        }
        if (c->last_contact != CCAD_NO_DATE) {
            if (!(c->bits & CB_LAST_RECORDED))
                flags |= CCAD_F_NO_RECORD;
            if (c->next_step == CCAD_NO_DATE)
                flags |= CCAD_F_NO_NEXT_STEP;
        }
        if ((uint64_t)c->no_progress >= (uint64_t)v[P_STALL_AFTER])
            flags |= CCAD_F_STALLED;
        if ((uint64_t)c->contacts < (uint64_t)v[P_PATIENCE_MIN] || (gap > v[P_GAP_MAX] && watched))
            flags |= CCAD_F_RELEASE_PREMATURE;
        if (complaint == CCAD_COMPLAINT_OPEN)
            flags |= CCAD_F_COMPLAINT_OPEN;
    } else {
        flags = CCAD_F_INACTIVE;
        if (status == CCAD_STATUS_RELEASED &&
            ((uint64_t)c->contacts < (uint64_t)v[P_PATIENCE_MIN] ||
             ((int64_t)c->last_gap > v[P_GAP_MAX] && watched)))
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
