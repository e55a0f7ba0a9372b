/* The single-customer rules of docs/cadence-rules.md, one function a rule
 * family. assess_one (lib/assess.c) calls them in the order of the doc's
 * "The assessment, step by step", which is the order of the reasons:
 *   class.c  GRADE, URGENCY, QUADRANT
 *   triage.c TRIAGE (by our position in the customer's sales, else volume)
 *   due.c    FREQ, the due date (CLOCK, FOLLOWUP, URGENCY, COMPLAINT, NEVER),
 *            ESCALATE, the FOLLOWUP reminder
 *   watch.c  GAP, FOLLOWUP, STALL, PATIENCE
 *   care.c   OWNERSHIP, COMPLAINT, NEVER, SERVICE
 * Each rule reads the customer and what the earlier rules decided (struct
 * ccad__decide), fills its part of the assessment and writes its reasons. */
#ifndef CCAD_RULES_DECIDE_H
#define CCAD_RULES_DECIDE_H

#include "../internal.h"

/* One customer on one day, and what has been decided so far. */
struct ccad__decide {
    const ccad_book *b;
    const int64_t *v; /* the rules' values */
    const struct cust *c;
    ccad_assessment *a;  /* the assessment being filled; its reasons */
    int keep;            /* 0: batch mode, reasons are not written */
    int32_t today;       /* the day */
    int active;          /* neither released nor eliminated */
    int32_t last;        /* the contact that restarts the clock (CLOCK) */
    int grade;           /* GRADE: the effective grade */
    int plevel;          /* URGENCY of the purchase window alone */
    int urg;             /* URGENCY: the level with events */
    int request_pending; /* URGENCY: a visit request not answered yet */
    int important;       /* QUADRANT: the grade is important */
    int q;               /* QUADRANT */
    int64_t interval;    /* FREQ: days between contacts, 0 for none */
    int32_t due;         /* the due date, before the assessment holds it */
    int never_due;       /* due today because never contacted (NEVER) */
    int64_t gap;         /* GAP: the gap looked at, -1 without contacts */
    int64_t gap_max;     /* GAP: gap.max_days, stretched for let-go */
    int watched;         /* GAP: grade in gap.grades, the rhythm is watched */
};

/* A reason of rule `rule`, with its figures x, y, z. */
static inline void ccad__why(struct ccad__decide *d, int rule, int code, int64_t x, int64_t y,
                             int64_t z)
{
    ccad_assessment *a = d->a;
    ccad_reason *r;
    if (!d->keep)
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

static inline int64_t ccad__imax(int64_t a, int64_t b) { return a > b ? a : b; }

/* Dates computed from stored dates plus days stay inside the calendar. */
static inline int32_t ccad__clamp_date(int64_t d)
{
    return (int32_t)(d > CCAD_DATE_MAX ? CCAD_DATE_MAX : d < CCAD_DATE_MIN ? CCAD_DATE_MIN : d);
}

/* The factor by which a let-go customer's GAP thresholds and FREQ interval
 * stretch (TRIAGE): freq.let_go_factor; 1 for every other strategy. */
static inline int64_t ccad__let_go_stretch(const int64_t *v, int strategy)
{
    return strategy == CCAD_STRATEGY_LET_GO && v[P_FREQ_LET_GO] > 1 ? v[P_FREQ_LET_GO] : 1;
}

/* class.c */
void ccad__rule_grade(struct ccad__decide *d);
void ccad__rule_triage(struct ccad__decide *d);
void ccad__rule_urgency(struct ccad__decide *d);
void ccad__rule_quadrant(struct ccad__decide *d);
/* due.c: INACTIVE or FREQ; the rest for active customers only */
void ccad__rule_freq(struct ccad__decide *d);
void ccad__rule_clock(struct ccad__decide *d);
void ccad__rule_escalate(struct ccad__decide *d);
void ccad__rule_reminder(struct ccad__decide *d);
/* watch.c */
void ccad__rule_gap(struct ccad__decide *d);
void ccad__rule_followup(struct ccad__decide *d);
void ccad__rule_stall(struct ccad__decide *d);
void ccad__rule_patience(struct ccad__decide *d);
void ccad__followup_record(struct ccad__decide *d);
/* care.c */
void ccad__rule_ownership(struct ccad__decide *d);
void ccad__rule_complaint(struct ccad__decide *d);
void ccad__rule_never(struct ccad__decide *d);
void ccad__rule_service(struct ccad__decide *d);

#endif
