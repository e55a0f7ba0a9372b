/* Batch briefs against single assessments: ccad_book_assess_range reads
 * the stored records through its own table-driven path, so on random books
 * (narrow and wide records) under random rules and days, every brief must
 * equal the matching fields of ccad_book_assess. The planner's brief of a
 * working form (ccad__brief_cust, internal) must equal them too, also for
 * the views the day loop makes with contacts planned and for visit
 * summaries of every kind (planner_brief_equals_assessment). */
#include "testutil.h"

#include "../lib/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define D0 20514       /* 2026-03-02, a Monday */
#define EARLY (-14500) /* 1930-04-21, near the first day a record holds (1930-04-16) */

static int32_t maybe_date(uint64_t *s, int pct, int32_t lo, int32_t hi)
{
    return tu_rng_pick(s, 0, 99) < pct ? (int32_t)tu_rng_pick(s, lo, hi) : CCAD_NO_DATE;
}

static ccad_customer random_customer(uint64_t *s, const char *id)
{
    ccad_customer c = CCAD_CUSTOMER_INIT;
    c.id = id;
    c.value = tu_rng_pick(s, 0, 99) < 5 ? (int64_t)INT32_MAX + tu_rng_pick(s, 1, 1000)
                                        : tu_rng_pick(s, 0, 5000000);
    c.grade = tu_rng_pick(s, 0, 99) < 15 ? (int)tu_rng_pick(s, CCAD_GRADE_A, CCAD_GRADE_D)
                                         : CCAD_GRADE_NONE;
    c.status = (int)tu_rng_pick(s, CCAD_STATUS_PROSPECT, CCAD_STATUS_ELIMINATED);
    c.purchase_date = maybe_date(s, 40, D0 - 20, D0 + 30);
    c.monthly_volume = tu_rng_pick(s, 0, 99) < 30 ? -1 : tu_rng_pick(s, 0, 16) * 500000;
    c.margin_bp = tu_rng_pick(s, 0, 99) < 30 ? -1 : (int32_t)tu_rng_pick(s, 0, 20) * 500;
    c.capable = (int)tu_rng_pick(s, 0, 1);
    c.last_contact = maybe_date(s, 80, D0 - 90, D0 + 5);
    if (c.last_contact != CCAD_NO_DATE) {
        c.last_visit = maybe_date(s, 70, c.last_contact - 30, c.last_contact);
        c.next_step_date = maybe_date(s, 40, c.last_contact, c.last_contact + 40);
        c.contacts = (uint32_t)tu_rng_pick(s, 0, 12);
        c.last_gap_days = tu_rng_pick(s, 0, 9) == 0 ? -1 : (int32_t)tu_rng_pick(s, 0, 60);
        c.last_recorded = (int)tu_rng_pick(s, 0, 1);
    } else {
        c.contacts = tu_rng_pick(s, 0, 3) == 0 ? (uint32_t)tu_rng_pick(s, 1, 3) : 0;
        c.next_step_date = maybe_date(s, 10, D0 - 10, D0 + 20);
    }
    c.no_progress = (uint32_t)tu_rng_pick(s, 0, 5);
    c.complaint = (int)tu_rng_pick(s, 0, 9) < 2
                      ? (int)tu_rng_pick(s, CCAD_COMPLAINT_OPEN, CCAD_COMPLAINT_RESOLVED)
                      : CCAD_COMPLAINT_NONE;
    if (c.complaint != CCAD_COMPLAINT_NONE)
        c.complaint_date = (int32_t)tu_rng_pick(s, D0 - 40, D0 + 3);
    c.request_date = maybe_date(s, 10, D0 - 10, D0 + 20);
    if (c.last_contact != CCAD_NO_DATE && tu_rng_pick(s, 0, 99) < 5)
        c.request_date = c.last_contact; /* asked for the day of the last contact */
    c.owned_since = maybe_date(s, 30, D0 - 400, D0);
    /* a few wide records: a far date or a count beyond 16 bits */
    /* wide records take the working-form path: most through a count no
     * decision reads, so every rule still sees everyday values */
    if (tu_rng_pick(s, 0, 99) < 20)
        c.missing_records = 70000;
    if (tu_rng_pick(s, 0, 99) < 5)
        c.contacts = 70000;
    if (tu_rng_pick(s, 0, 99) < 3)
        c.request_date = D0 + 40000;
    return c;
}

/* Adds c; for some customers with a purchase date, records an order near
 * it (across the urgency.order_days window and beyond), and sometimes moves
 * the purchase date afterwards, which reopens the decision. */
static void add_customer(uint64_t *s, ccad_book *b, const ccad_customer *c)
{
    size_t idx;
    TU_PASS(ccad_book_ctx(b), ccad_book_add(b, c, &idx));
    if (c->purchase_date != CCAD_NO_DATE && tu_rng_pick(s, 0, 99) < 40) {
        ccad_contact e = CCAD_CONTACT_INIT;
        e.date = c->purchase_date + (int32_t)tu_rng_pick(s, -35, 35);
        e.outcome = CCAD_OUTCOME_ORDER;
        TU_PASS(ccad_book_ctx(b), ccad_book_record(b, idx, &e));
        if (tu_rng_pick(s, 0, 3) == 0) {
            ccad_customer u = CCAD_CUSTOMER_INIT;
            TU_PASS(ccad_book_ctx(b), ccad_book_get(b, idx, &u));
            u.purchase_date += (int32_t)tu_rng_pick(s, -3, 20); /* 0: the same date stays closed */
            TU_PASS(ccad_book_ctx(b), ccad_book_update(b, idx, &u));
        }
    }
}

/* Rules drawn around the defaults, each parameter the brief reads moved;
 * triage volumes and the margin lift on the customers' grid (`scale`), so
 * that ties at the thresholds happen. */
static void random_rules(uint64_t *s, ccad_rules *r)
{
    static const struct {
        const char *name;
        int64_t lo, hi, scale;
    } p[] = {
        {"grade.method", 0, 1, 1},
        {"grade.use_d", 0, 1, 1},
        {"urgency.week_days", 0, 10, 1},
        {"urgency.two_weeks_days", 10, 20, 1},
        {"urgency.request_days", 0, 7, 1},
        {"quadrant.important", 0, 15, 1},
        {"freq.q1_week_count", 0, 7, 1},
        {"freq.q1_week_days", 1, 7, 1},
        {"freq.q1_two_weeks_count", 0, 4, 1},
        {"freq.a_count", 0, 5, 1},
        {"freq.a_days", 1, 30, 1},
        {"freq.b_count", 0, 3, 1},
        {"freq.c_count", 0, 2, 1},
        {"freq.d_count", 0, 1, 1},
        {"freq.work_days", 1, 127, 1},
        {"freq.let_go_factor", 1, 4, 1},
        {"gap.max_days", 5, 30, 1},
        {"gap.alert_days", 30, 60, 1},
        {"gap.grades", 0, 15, 1},
        {"followup.reminder_lead_days", 0, 5, 1},
        {"stall.after", 0, 4, 1},
        {"patience.min_contacts", 0, 6, 1},
        {"triage.self_driven_volume", 8, 16, 500000},
        {"triage.push_volume", 2, 8, 500000},
        {"triage.unmovable_volume", 0, 2, 500000},
        {"triage.band", 0, 1, 1},
        {"triage.margin_lift_bp", 0, 10, 500},
        {"complaint.followup_days", 0, 5, 1},
        {"complaint.care_after_days", 0, 20, 1},
        {"clock.any_contact", 0, 1, 1},
        {"escalate.rep_days", 0, 5, 1},
        {"escalate.manager_days", 5, 15, 1},
        {"escalate.reassign_days", 15, 30, 1},
        {"escalate.q4", 0, 1, 1},
        {"never.due_now", 0, 1, 1},
        {"urgency.order_days", 0, 30, 1},
        {"clock.q1_visits_only", 0, 1, 1},
        {"freq.ramp_within_days", 0, 60, 1},
        {"freq.ramp_count", 0, 3, 1},
        {"freq.ramp_days", 3, 14, 1},
        {"gap.by_cycle", 0, 1, 1},
        {"gap.warn_pct", 80, 150, 1},
        {"gap.alert_pct", 150, 250, 1},
        {"patience.prospects_only", 0, 1, 1},
    };
    int64_t want[sizeof p / sizeof p[0]];
    size_t i;
    int pass;
    for (i = 0; i < sizeof p / sizeof p[0]; i++) /* -1: keep the default */
        want[i] = tu_rng_pick(s, 0, 2) == 0 ? -1 : tu_rng_pick(s, p[i].lo, p[i].hi) * p[i].scale;
    /* a value the rules refuse (an ordering between parameters) is not
     * taken, so the rules stay valid; a second pass takes most of those */
    for (pass = 0; pass < 2; pass++)
        for (i = 0; i < sizeof p / sizeof p[0]; i++)
            if (want[i] >= 0)
                (void)ccad_rules_set(r, p[i].name, want[i]);
}

/* Rules (the defaults in round 0, else random_rules) and a graded book of
 * n random customers with ids tag<round>-<i>. */
static void random_book(uint64_t *s, ccad_ctx *ctx, const char *tag, int round, int n,
                        ccad_rules **r, ccad_book **b)
{
    int i;
    TU_PASS(ctx, ccad_rules_new(r, ctx));
    TU_PASS(ctx, ccad_book_new(b, ctx, 0));
    if (round > 0)
        random_rules(s, *r);
    for (i = 0; i < n; i++) {
        char id[24];
        ccad_customer c;
        snprintf(id, sizeof id, "%s%d-%d", tag, round, i);
        c = random_customer(s, id);
        add_customer(s, *b, &c);
    }
    TU_PASS(ctx, ccad_book_grade(*b, *r));
}

static void compare(ccad_book *b, ccad_rules *r, int32_t day, long *checked)
{
    size_t n = ccad_book_count(b), i;
    ccad_brief *br = calloc(n, sizeof *br);
    assert_non_null(br);
    TU_PASS(ccad_book_ctx(b), ccad_book_assess_range(b, r, 0, n, day, br, sizeof *br));
    for (i = 0; i < n; i++) {
        ccad_assessment a = CCAD_ASSESSMENT_INIT;
        TU_PASS(ccad_book_ctx(b), ccad_book_assess(b, r, i, day, &a));
        if (br[i].due_date != a.due_date || br[i].days_overdue != a.days_overdue ||
            br[i].flags != a.flags || br[i].grade != a.grade || br[i].urgency != a.urgency ||
            br[i].quadrant != a.quadrant || br[i].escalation != a.escalation)
            fail_msg("customer %lu day %ld: brief due %ld over %ld flags %#lx g%d u%d q%d e%d; "
                     "assessment due %ld over %ld flags %#lx g%d u%d q%d e%d",
                     (unsigned long)i, (long)day, (long)br[i].due_date, (long)br[i].days_overdue,
                     (unsigned long)br[i].flags, br[i].grade, br[i].urgency, br[i].quadrant,
                     br[i].escalation, (long)a.due_date, (long)a.days_overdue,
                     (unsigned long)a.flags, a.grade, a.urgency, a.quadrant, a.escalation);
        (*checked)++;
    }
    free(br);
}

static void brief_equals_assessment(void **state)
{
    tu_alloc al = {0, 0, 0, 0, 0};
    ccad_host h = tu_host(&al);
    ccad_ctx *ctx = NULL;
    uint64_t s = tu_rng_seed(12345);
    long checked = 0;
    int round;
    (void)state;
    TU_PASS(ctx, ccad_ctx_new(&ctx, &h));
    for (round = 0; round < 60; round++) {
        ccad_rules *r = NULL;
        ccad_book *b = NULL;
        int d;
        random_book(&s, ctx, "r", round, 400, &r, &b);
        for (d = 0; d < 4; d++)
            compare(b, r, D0 + (int32_t)tu_rng_pick(&s, -20, 40), &checked);
        ccad_book_free(b);
        ccad_rules_free(r);
    }
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
    assert_true(checked == 60L * 400 * 4);
}

/* The calendar's edges and the stored dates' edges agree on both paths
 * too: a due date pushed past 9999-12-31 by the working days, a reminder
 * before 0001-01-01, a purchase date near the first day a record holds. */
static void brief_calendar_edges(void **state)
{
    tu_alloc al = {0, 0, 0, 0, 0};
    ccad_host h = tu_host(&al);
    ccad_ctx *ctx = NULL;
    ccad_rules *r = NULL;
    ccad_book *b = NULL;
    ccad_customer c = CCAD_CUSTOMER_INIT;
    long checked = 0;
    (void)state;
    TU_PASS(ctx, ccad_ctx_new(&ctx, &h));
    TU_PASS(ctx, ccad_rules_new(&r, ctx));
    TU_PASS(ctx, ccad_book_new(&b, ctx, 0));
    c.id = "end";
    c.last_contact = CCAD_DATE_MAX - 2;
    c.contacts = 3;
    TU_PASS(ctx, ccad_book_add(b, &c, NULL));
    c.id = "narrow";
    c.last_contact = D0 - 3; /* a Friday */
    TU_PASS(ctx, ccad_book_add(b, &c, NULL));
    /* never contacted: due on the day itself, whatever day that is */
    c = (ccad_customer)CCAD_CUSTOMER_INIT;
    c.id = "never";
    TU_PASS(ctx, ccad_book_add(b, &c, NULL));
    /* not important, buying within two weeks of a day in 1930, never
     * contacted: a Q3 matter handled the same day */
    c.id = "early";
    c.grade = CCAD_GRADE_D;
    c.purchase_date = EARLY + 5;
    TU_PASS(ctx, ccad_book_add(b, &c, NULL));
    TU_PASS(ctx, ccad_book_grade(b, r));
    compare(b, r, CCAD_DATE_MAX, &checked);
    compare(b, r, CCAD_DATE_MIN, &checked);
    compare(b, r, EARLY, &checked);
    compare(b, r, D0, &checked);
    /* no working day is refused; Sundays only moves a due date up to 6
     * days, past the calendar's end from 9999-12-31, a Friday */
    TU_FAIL(ctx, ccad_rules_set(r, "freq.work_days", 0), CCAD_ERANGE);
    TU_PASS(ctx, ccad_rules_set(r, "freq.work_days", 64));
    compare(b, r, CCAD_DATE_MAX, &checked);
    compare(b, r, CCAD_DATE_MIN, &checked);
    compare(b, r, EARLY, &checked);
    compare(b, r, D0, &checked);
    /* without never.due_now only the Q3 rule makes "early" due */
    TU_PASS(ctx, ccad_rules_set(r, "never.due_now", 0));
    compare(b, r, EARLY, &checked);
    assert_true(checked == 36);
    ccad_book_free(b);
    ccad_rules_free(r);
    ccad_ctx_free(ctx);
}

/* Ranges of every length and start against single assessments: the
 * batch path works in groups of records (four at a time where SIMD is
 * used, the rest one by one), so lengths and starts off the group size, a
 * range shorter than a group, n = 0, runs of wide records inside a group
 * and at its edges. Guards before and after the output show that nothing
 * outside it is written. */
static void compare_range(ccad_book *b, ccad_rules *r, size_t first, size_t n, int32_t day,
                          long *checked)
{
    ccad_brief *br = malloc((n + 2) * sizeof *br), guard;
    size_t i;
    assert_non_null(br);
    memset(br, 0xA5, (n + 2) * sizeof *br);
    memset(&guard, 0xA5, sizeof guard);
    TU_PASS(ccad_book_ctx(b), ccad_book_assess_range(b, r, first, n, day, br + 1, sizeof *br));
    assert_memory_equal(&br[0], &guard, sizeof guard);
    assert_memory_equal(&br[n + 1], &guard, sizeof guard);
    for (i = 0; i < n; i++) {
        ccad_assessment a = CCAD_ASSESSMENT_INIT;
        const ccad_brief *o = &br[i + 1];
        TU_PASS(ccad_book_ctx(b), ccad_book_assess(b, r, first + i, day, &a));
        if (o->due_date != a.due_date || o->days_overdue != a.days_overdue || o->flags != a.flags ||
            o->grade != a.grade || o->urgency != a.urgency || o->quadrant != a.quadrant ||
            o->escalation != a.escalation)
            fail_msg("range %lu+%lu, customer %lu day %ld: brief due %ld over %ld flags %#lx "
                     "g%d u%d q%d e%d; assessment due %ld over %ld flags %#lx g%d u%d q%d e%d",
                     (unsigned long)first, (unsigned long)n, (unsigned long)(first + i), (long)day,
                     (long)o->due_date, (long)o->days_overdue, (unsigned long)o->flags, o->grade,
                     o->urgency, o->quadrant, o->escalation, (long)a.due_date, (long)a.days_overdue,
                     (unsigned long)a.flags, a.grade, a.urgency, a.quadrant, a.escalation);
        (*checked)++;
    }
    free(br);
}

static void brief_ranges(void **state)
{
    static const size_t starts[] = {0, 1, 2, 3, 4, 5, 61, 63, 64, 65};
    static const size_t lens[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 63, 64, 65, 127, 128, 129};
    tu_alloc al = {0, 0, 0, 0, 0};
    ccad_host h = tu_host(&al);
    ccad_ctx *ctx = NULL;
    uint64_t s = tu_rng_seed(777);
    long checked = 0, expect = 0;
    int round;
    (void)state;
    TU_PASS(ctx, ccad_ctx_new(&ctx, &h));
    for (round = 0; round < 6; round++) {
        ccad_rules *r = NULL;
        ccad_book *b = NULL;
        size_t count = 200, si, li;
        int i;
        TU_PASS(ctx, ccad_rules_new(&r, ctx));
        TU_PASS(ctx, ccad_book_new(&b, ctx, 0));
        if (round > 0)
            random_rules(&s, r);
        for (i = 0; i < (int)count; i++) {
            char id[24];
            ccad_customer c;
            snprintf(id, sizeof id, "g%d-%d", round, i);
            c = random_customer(&s, id);
            /* wide records: one in four at random, and a run of five
             * (130..134) across a group edge */
            if (tu_rng_pick(&s, 0, 3) == 0 || (i >= 130 && i < 135))
                c.contacts = 70000;
            add_customer(&s, b, &c);
        }
        TU_PASS(ctx, ccad_book_grade(b, r));
        for (si = 0; si < sizeof starts / sizeof starts[0]; si++)
            for (li = 0; li < sizeof lens / sizeof lens[0]; li++) {
                int32_t day = D0 + (int32_t)tu_rng_pick(&s, -20, 40);
                if (starts[si] + lens[li] > count)
                    continue;
                compare_range(b, r, starts[si], lens[li], day, &checked);
                expect += (long)lens[li];
            }
        /* the rest of the book from odd starts, and the whole book */
        compare_range(b, r, 1, count - 1, D0, &checked);
        compare_range(b, r, 3, count - 3, D0 + 7, &checked);
        compare_range(b, r, 0, count, D0 - 3, &checked);
        compare_range(b, r, count, 0, D0, &checked);
        expect += (long)(count - 1 + count - 3 + count);
        ccad_book_free(b);
        ccad_rules_free(r);
    }
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
    assert_true(checked == expect);
}

/* The planner's brief of customer w on `day` against the full assessment
 * of the same working form. */
static void compare_planner(ccad_book *b, const ccad_rules *r, const struct cust *w, int32_t day,
                            long *checked)
{
    struct ccad__lean lean;
    ccad_assessment a;
    ccad_brief o;
    ccad__lean_init(&lean, r->v, day);
    ccad__brief_cust(&lean, w, &o);
    memset(&a, 0, sizeof a);
    ccad__assess(b, r->v, w, day, &a, 1);
    if (o.due_date != a.due_date || o.days_overdue != a.days_overdue || o.flags != a.flags ||
        o.grade != a.grade || o.urgency != a.urgency || o.quadrant != a.quadrant ||
        o.escalation != a.escalation)
        fail_msg("day %ld: planner's brief due %ld over %ld flags %#lx g%d u%d q%d e%d; "
                 "assessment due %ld over %ld flags %#lx g%d u%d q%d e%d",
                 (long)day, (long)o.due_date, (long)o.days_overdue, (unsigned long)o.flags, o.grade,
                 o.urgency, o.quadrant, o.escalation, (long)a.due_date, (long)a.days_overdue,
                 (unsigned long)a.flags, a.grade, a.urgency, a.quadrant, a.escalation);
    (*checked)++;
}

/* A visit summary off its defaults for half the customers: a known or
 * unknown prospect run, a gap that breaks it or not, a record entered
 * late or in time, parts missing. */
static void random_visits(uint64_t *s, struct cust *w)
{
    struct ccad__visits *vis = &w->vis;
    if (tu_rng_pick(s, 0, 1) == 0)
        return;
    vis->prospect_run = tu_rng_pick(s, 0, 3) == 0 ? -1 : (int32_t)tu_rng_pick(s, 0, 8);
    vis->prospect_gap = tu_rng_pick(s, 0, 3) == 0 ? -1 : (int32_t)tu_rng_pick(s, 0, 90);
    vis->prospect_tail = (int32_t)tu_rng_pick(s, 0, 6);
    vis->last_parts = tu_rng_pick(s, 0, 1) ? CCAD_RECORD_ALL : (uint32_t)tu_rng_pick(s, 0, 31);
    vis->last_entered = w->last_contact != CCAD_NO_DATE && tu_rng_pick(s, 0, 1)
                            ? w->last_contact + (int32_t)tu_rng_pick(s, 0, 10)
                            : CCAD_NO_DATE;
}

/* The view the day loop makes of a customer with contacts planned, the
 * last one up to 40 days before `day` (as ccad__plan_sim_view makes it). */
static void planned_view(uint64_t *s, struct cust *w, int32_t day)
{
    int32_t last = day - (int32_t)tu_rng_pick(s, 0, 40);
    if (w->last_contact != CCAD_NO_DATE && last > w->last_contact)
        w->last_gap = last - w->last_contact;
    w->last_contact = last;
    w->last_visit = last;
    w->next_step = tu_rng_pick(s, 0, 1) ? last + (int32_t)tu_rng_pick(s, 0, 30) : CCAD_NO_DATE;
    w->contacts += (uint32_t)tu_rng_pick(s, 1, 5);
}

static void planner_brief_equals_assessment(void **state)
{
    tu_alloc al = {0, 0, 0, 0, 0};
    ccad_host h = tu_host(&al);
    ccad_ctx *ctx = NULL;
    uint64_t s = tu_rng_seed(4242);
    long checked = 0;
    int round;
    (void)state;
    TU_PASS(ctx, ccad_ctx_new(&ctx, &h));
    for (round = 0; round < 40; round++) {
        ccad_rules *r = NULL;
        ccad_book *b = NULL;
        size_t i;
        random_book(&s, ctx, "p", round, 300, &r, &b);
        if (round > 0) { /* the 1.1 visit summary's rules, which random_rules leaves */
            TU_PASS(ctx, ccad_rules_set(r, "patience.consecutive", (int64_t)tu_rng_pick(&s, 0, 1)));
            TU_PASS(ctx,
                    ccad_rules_set(r, "patience.break_pct", (int64_t)tu_rng_pick(&s, 50, 300)));
            TU_PASS(ctx, ccad_rules_set(r, "followup.entry_days", (int64_t)tu_rng_pick(&s, 0, 5)));
            TU_PASS(ctx,
                    ccad_rules_set(r, "followup.record_parts", (int64_t)tu_rng_pick(&s, 0, 1)));
        }
        for (i = 0; i < 300; i++) {
            int32_t day = D0 + (int32_t)tu_rng_pick(&s, -20, 40);
            struct cust w;
            ccad__unpack(b, i, &w);
            random_visits(&s, &w);
            compare_planner(b, r, &w, day, &checked);
            planned_view(&s, &w, day);
            compare_planner(b, r, &w, day, &checked);
        }
        ccad_book_free(b);
        ccad_rules_free(r);
    }
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
    assert_true(checked == 40L * 300 * 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(brief_equals_assessment),
        cmocka_unit_test(brief_calendar_edges),
        cmocka_unit_test(brief_ranges),
        cmocka_unit_test(planner_brief_equals_assessment),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
