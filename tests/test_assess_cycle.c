/* Assessment over the contact cycle: an order closing a purchase, LETGO,
 * the clock, never-contacted customers, ranks without released customers,
 * PATIENCE's rhythm, work days, inactive customers, FOLLOWUP reminders and
 * SERVICE. Helpers: tests/assess_env.h. */
#include "assess_env.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void brief_agrees(tu_fixture *f, size_t i, int32_t day, const ccad_assessment *a)
{
    ccad_brief br;
    TU_PASS(f->ctx, ccad_book_assess_range(f->b, f->r, i, 1, day, &br, sizeof br));
    assert_int_equal(br.urgency, a->urgency);
    assert_int_equal(br.quadrant, a->quadrant);
    assert_int_equal(br.due_date, a->due_date);
    assert_int_equal(br.flags, a->flags);
}

static void record_order(tu_fixture *f, size_t i, int32_t day)
{
    ccad_contact e = CCAD_CONTACT_INIT;
    e.date = day;
    e.outcome = CCAD_OUTCOME_ORDER;
    TU_PASS(f->ctx, ccad_book_record(f->b, i, &e));
}

/* URGENCY: an order within urgency.order_days of the purchase date on
 * record closes that purchase decision; a new purchase date reopens it. */
static void order_closes_purchase(void **state)
{
    tu_fixture *f = *state;
    int32_t T = TODAY;
    ccad_customer c = cust("won", CCAD_GRADE_A, T - 1), u = CCAD_CUSTOMER_INIT;
    ccad_assessment a;
    size_t i, j, k;
    c.purchase_date = T + 3;
    i = add(f, &c);
    a = assess(f, i, T);
    assert_int_equal(a.urgency, CCAD_URGENCY_WEEK);
    assert_int_equal(a.interval_days, 1);
    record_order(f, i, T);
    a = assess(f, i, T);
    assert_int_equal(a.urgency, CCAD_URGENCY_NONE);
    assert_int_equal(a.quadrant, CCAD_Q2);
    assert_int_equal(a.interval_days, 3); /* back to A's rhythm */
    EXPECT_WHY(a, CCAD_WHY_ORDER_CLOSED, T, T + 3, 0);
    NO_WHY(a, CCAD_WHY_URGENCY_PURCHASE);
    brief_agrees(f, i, T, &a);
    /* an update that keeps the purchase date keeps it closed */
    TU_PASS(f->ctx, ccad_book_get(f->b, i, &u));
    u.value = 2000;
    TU_PASS(f->ctx, ccad_book_update(f->b, i, &u));
    a = assess(f, i, T);
    EXPECT_WHY(a, CCAD_WHY_ORDER_CLOSED, T, T + 3, 0);
    /* a new purchase date reopens the decision, and the old one does not
     * come back with the date */
    u.purchase_date = T + 10;
    TU_PASS(f->ctx, ccad_book_update(f->b, i, &u));
    a = assess(f, i, T);
    assert_int_equal(a.urgency, CCAD_URGENCY_TWO_WEEKS);
    NO_WHY(a, CCAD_WHY_ORDER_CLOSED);
    brief_agrees(f, i, T, &a);
    u.purchase_date = T + 3;
    TU_PASS(f->ctx, ccad_book_update(f->b, i, &u));
    assert_int_equal(assess(f, i, T).urgency, CCAD_URGENCY_WEEK);

    /* the window: 14 days either way by default, inclusive */
    c = cust("early", CCAD_GRADE_A, T - 1);
    c.purchase_date = T + 5;
    j = add(f, &c);
    record_order(f, j, T + 5 - 15);
    a = assess(f, j, T);
    assert_int_equal(a.urgency, CCAD_URGENCY_WEEK);
    NO_WHY(a, CCAD_WHY_ORDER_CLOSED);
    brief_agrees(f, j, T, &a);
    set(f, "urgency.order_days", 15);
    a = assess(f, j, T);
    assert_int_equal(a.urgency, CCAD_URGENCY_NONE);
    EXPECT_WHY(a, CCAD_WHY_ORDER_CLOSED, T - 10, T + 5, 0);
    brief_agrees(f, j, T, &a);
    set(f, "urgency.order_days", 14);
    /* a passed purchase date closed by a late order: ORDER_CLOSED, not PASSED */
    c = cust("late", CCAD_GRADE_B, T - 1);
    c.purchase_date = T - 20;
    k = add(f, &c);
    record_order(f, k, T - 6);
    a = assess(f, k, T);
    EXPECT_WHY(a, CCAD_WHY_ORDER_CLOSED, T - 6, T - 20, 0);
    NO_WHY(a, CCAD_WHY_URGENCY_PASSED);
    /* an order beyond the reach (120 days) is not remembered at all */
    c = cust("far", CCAD_GRADE_A, T - 1);
    c.purchase_date = T + 2;
    j = add(f, &c);
    record_order(f, j, T + 2 - 121);
    set(f, "urgency.order_days", 120);
    a = assess(f, j, T);
    assert_int_equal(a.urgency, CCAD_URGENCY_WEEK);
    record_order(f, j, T + 2 - 120);
    assert_int_equal(assess(f, j, T).urgency, CCAD_URGENCY_NONE);
    /* an unimportant customer's Q3 same-day event ends with the decision */
    set(f, "urgency.order_days", 14);
    c = cust("q3", CCAD_GRADE_C, T - 20);
    c.purchase_date = T + 4;
    j = add(f, &c);
    record_order(f, j, T - 1);
    a = assess(f, j, T);
    assert_int_equal(a.quadrant, CCAD_Q4);
    assert_int_equal(a.due_date, T + 28); /* T - 1 + 28 is a Sunday */
    brief_agrees(f, j, T, &a);
}

/* GAP: a let-go customer's thresholds stretch by freq.let_go_factor, as
 * its interval does; PATIENCE's rhythm test uses the stretched maximum. */
static void let_go_stretches_gap(void **state)
{
    tu_fixture *f = *state;
    set(f, "gap.by_cycle", 0); /* 1.0's fixed limits (gap.max_days 14, alert 21) */
    int32_t T = TODAY;
    ccad_customer c;
    ccad_assessment a;
    size_t i;
    c = cust("lg28", CCAD_GRADE_B, T - 28);
    c.monthly_volume = 9000000;
    i = add(f, &c);
    a = assess(f, i, T);
    assert_int_equal(a.strategy, CCAD_STRATEGY_LET_GO);
    assert_int_equal(a.interval_days, 14);
    assert_false(a.flags & (CCAD_F_COOLING | CCAD_F_COLD | CCAD_F_RELEASE_PREMATURE));
    NO_WHY(a, CCAD_WHY_GAP_WARN);
    brief_agrees(f, i, T, &a);
    a = assess(f, i, T + 1); /* 29 days: one over the stretched maximum */
    assert_true(a.flags & CCAD_F_COOLING);
    EXPECT_WHY(a, CCAD_WHY_GAP_WARN, 29, 28, 1);
    EXPECT_WHY(a, CCAD_WHY_PATIENCE_RHYTHM, 29, 28, 0);
    brief_agrees(f, i, T + 1, &a);
    a = assess(f, i, T + 14); /* 42 days: the stretched alert */
    assert_true(a.flags & CCAD_F_COLD);
    EXPECT_WHY(a, CCAD_WHY_GAP_ALERT, 42, 42, 14);
    brief_agrees(f, i, T + 14, &a);
    /* urgent (an open complaint): the interval is not stretched, the gap
     * left by the stretched rhythm still raises nothing */
    c = cust("lg-complaint", CCAD_GRADE_B, T - 20);
    c.monthly_volume = 9000000;
    c.complaint = CCAD_COMPLAINT_OPEN;
    c.complaint_date = T;
    i = add(f, &c);
    a = assess(f, i, T);
    assert_int_equal(a.interval_days, 7);
    assert_false(a.flags & (CCAD_F_COOLING | CCAD_F_COLD));
    brief_agrees(f, i, T, &a);
    /* not let go: the plain thresholds */
    c = cust("persist", CCAD_GRADE_B, T - 15);
    c.monthly_volume = 6000000;
    i = add(f, &c);
    a = assess(f, i, T);
    EXPECT_WHY(a, CCAD_WHY_GAP_WARN, 15, 14, 1);
    /* factor 3; factor 1 turns the stretch off */
    set(f, "freq.let_go_factor", 3);
    a = assess(f, 0, T + 14);
    NO_WHY(a, CCAD_WHY_GAP_WARN);
    a = assess(f, 0, T + 15);
    EXPECT_WHY(a, CCAD_WHY_GAP_WARN, 43, 42, 1);
    NO_WHY(a, CCAD_WHY_GAP_ALERT);
    set(f, "freq.let_go_factor", 1);
    a = assess(f, 0, T);
    EXPECT_WHY(a, CCAD_WHY_GAP_ALERT, 28, 21, 14);
    brief_agrees(f, 0, T, &a);
}

static void let_go_factor(void **state)
{
    tu_fixture *f = *state;
    int32_t T = TODAY;
    ccad_customer c;
    ccad_assessment a;
    size_t i;
    c = cust("lg", CCAD_GRADE_A, T - 1);
    c.monthly_volume = 9000000;
    i = add(f, &c);
    a = assess(f, i, T);
    assert_int_equal(a.strategy, CCAD_STRATEGY_LET_GO);
    assert_int_equal(a.interval_days, 6);
    assert_int_equal(a.due_date, T + 7); /* T - 1 + 6 is Saturday T + 5 */
    EXPECT_WHY(a, CCAD_WHY_DUE, T - 1, 6, T + 5);
    EXPECT_WHY(a, CCAD_WHY_FREQ, 2, 7, 3);
    EXPECT_WHY(a, CCAD_WHY_FREQ_LET_GO, 2, 3, 6);
    set(f, "freq.let_go_factor", 3);
    assert_int_equal(assess(f, i, T).interval_days, 9);
    set(f, "freq.let_go_factor", 1);
    a = assess(f, i, T);
    assert_int_equal(a.interval_days, 3);
    NO_WHY(a, CCAD_WHY_FREQ_LET_GO);
    set(f, "freq.let_go_factor", 2);
    /* urgent (buying this week): no stretching */
    c = cust("lg-urgent", CCAD_GRADE_A, T - 1);
    c.monthly_volume = 9000000;
    c.purchase_date = T + 3;
    a = add_assess(f, &c);
    assert_int_equal(a.interval_days, 1);
    NO_WHY(a, CCAD_WHY_FREQ_LET_GO);
    /* not self-driven: no stretching */
    c = cust("push", CCAD_GRADE_A, T - 1);
    c.monthly_volume = 6000000;
    a = add_assess(f, &c);
    assert_int_equal(a.interval_days, 3);
    NO_WHY(a, CCAD_WHY_FREQ_LET_GO);
}

/* The let-go stretch applies only to customers not urgent at all: a pending
 * visit request or an open complaint (urgency EVENT) prevents it too. */
static void let_go_not_when_urgent_event(void **state)
{
    tu_fixture *f = *state;
    int32_t T = TODAY;
    ccad_customer c = cust("lg-req", CCAD_GRADE_A, T - 1);
    ccad_assessment a;
    c.monthly_volume = 9000000;
    c.request_date = T + 1;
    a = add_assess(f, &c);
    assert_int_equal(a.strategy, CCAD_STRATEGY_LET_GO);
    assert_int_equal(a.urgency, CCAD_URGENCY_EVENT);
    assert_int_equal(a.interval_days, 3);
    NO_WHY(a, CCAD_WHY_FREQ_LET_GO);
    c = cust("lg-cpl", CCAD_GRADE_A, T - 1);
    c.monthly_volume = 9000000;
    c.complaint = CCAD_COMPLAINT_OPEN;
    c.complaint_date = T - 1;
    a = add_assess(f, &c);
    assert_int_equal(a.strategy, CCAD_STRATEGY_LET_GO);
    assert_int_equal(a.urgency, CCAD_URGENCY_EVENT);
    assert_int_equal(a.interval_days, 3);
    NO_WHY(a, CCAD_WHY_FREQ_LET_GO);
    /* a resolved complaint and a request further ahead are not urgent: stretched */
    c = cust("lg-res", CCAD_GRADE_A, T - 1);
    c.monthly_volume = 9000000;
    c.complaint = CCAD_COMPLAINT_RESOLVED;
    c.complaint_date = T - 20;
    c.request_date = T + 9;
    a = add_assess(f, &c);
    assert_int_equal(a.urgency, CCAD_URGENCY_NONE);
    assert_int_equal(a.interval_days, 6);
    EXPECT_WHY(a, CCAD_WHY_FREQ_LET_GO, 2, 3, 6);
}

static void clock_any_contact(void **state)
{
    tu_fixture *f = *state;
    int32_t T = TODAY;
    ccad_customer c = cust("clk", CCAD_GRADE_A, T - 1);
    ccad_assessment a;
    size_t i;
    c.last_visit = T - 10;
    i = add(f, &c);
    a = assess(f, i, T);
    assert_int_equal(a.days_since_contact, 1);
    assert_int_equal(a.due_date, T + 2);
    set(f, "clock.any_contact", 0);
    a = assess(f, i, T);
    assert_int_equal(a.days_since_contact, 10);
    assert_int_equal(a.due_date, T - 7);
    assert_int_equal(a.days_overdue, 7);
    EXPECT_WHY(a, CCAD_WHY_DUE, T - 10, 3, T - 7);
    assert_true(a.flags & CCAD_F_OVERDUE);
    /* never visited, but called: due now by the never-contacted rule, which
     * NEVER_CONTACTED(1) names among the due reasons, yet not flagged */
    c = cust("clk2", CCAD_GRADE_A, T - 1);
    c.last_visit = CCAD_NO_DATE;
    i = add(f, &c);
    a = assess(f, i, T);
    assert_int_equal(a.days_since_contact, -1);
    assert_int_equal(a.due_date, T);
    assert_false(a.flags & CCAD_F_NEVER_CONTACTED);
    EXPECT_WHY(a, CCAD_WHY_NEVER_CONTACTED, 1, 0, 0);
    assert_int_equal(why(&a, CCAD_WHY_NEVER_CONTACTED)->rule, CCAD_RULE_NEVER);
    NO_WHY(a, CCAD_WHY_DUE);
    /* with never.due_now = 0 nothing makes it due, and no NEVER reason at all */
    set(f, "never.due_now", 0);
    a = assess(f, i, T);
    assert_int_equal(a.due_date, CCAD_NO_DATE);
    NO_WHY(a, CCAD_WHY_NEVER_CONTACTED);
}

static void never_contacted(void **state)
{
    tu_fixture *f = *state;
    set(f, "patience.prospects_only", 0); /* PATIENCE for the active customers too */
    int32_t T = TODAY;
    ccad_customer c = cust("nv", CCAD_GRADE_B, CCAD_NO_DATE);
    ccad_assessment a;
    size_t i, j;
    c.contacts = 0;
    i = add(f, &c);
    a = assess(f, i, T);
    assert_int_equal(a.due_date, T);
    assert_true(a.flags & CCAD_F_DUE);
    assert_true(a.flags & CCAD_F_NEVER_CONTACTED);
    assert_false(a.flags & CCAD_F_OVERDUE);
    assert_false(a.flags & (CCAD_F_NO_RECORD | CCAD_F_NO_NEXT_STEP));
    EXPECT_WHY(a, CCAD_WHY_NEVER_CONTACTED, 1, 0, 0); /* a = 1: due because never contacted */
    NO_WHY(a, CCAD_WHY_DUE);
    /* emitted once, among the due reasons: right after FREQ, before PATIENCE */
    {
        uint32_t k, seen = 0;
        for (k = 0; k < a.reason_count; k++)
            if (a.reasons[k].why == CCAD_WHY_NEVER_CONTACTED) {
                seen++;
                assert_true(k > 0);
                assert_int_equal(a.reasons[k - 1].why, CCAD_WHY_FREQ);
                assert_true(k + 1 < a.reason_count);
                assert_int_equal(a.reasons[k + 1].why, CCAD_WHY_PATIENCE);
            }
        assert_int_equal(seen, 1);
    }
    /* no duty, not urgent: nothing due */
    c = cust("nvd", CCAD_GRADE_D, CCAD_NO_DATE);
    c.contacts = 0;
    j = add(f, &c);
    a = assess(f, j, T);
    assert_int_equal(a.due_date, CCAD_NO_DATE);
    assert_true(a.flags & CCAD_F_NEVER_CONTACTED);
    EXPECT_WHY(a, CCAD_WHY_NEVER_CONTACTED, 0, 0, 0);
    /* never.due_now = 0 */
    set(f, "never.due_now", 0);
    a = assess(f, i, T);
    assert_int_equal(a.due_date, CCAD_NO_DATE);
    assert_true(a.flags & CCAD_F_NEVER_CONTACTED);
    EXPECT_WHY(a, CCAD_WHY_NEVER_CONTACTED, 0, 0, 0);
}

/* Released and eliminated customers stay out of the ranking; they take the
 * grade of the first band whose last ranked member they would rank before. */
static void rank_without_released(void **state)
{
    tu_fixture *f = *state;
    static const struct {
        const char *id;
        int64_t value;
        int status;
        int grade;
        int64_t rank, lim;
    } t[] = {
        /* 7 open customers: A = round(1.05) = 1, A + B = round(2.8) = 3 */
        {"o1", 700, CCAD_STATUS_ACTIVE, CCAD_GRADE_A, 1, 15},
        {"o2", 600, CCAD_STATUS_PROSPECT, CCAD_GRADE_B, 2, 40},
        {"o3", 500, CCAD_STATUS_KEY, CCAD_GRADE_B, 3, 40},
        {"o4", 400, CCAD_STATUS_ACTIVE, CCAD_GRADE_C, 4, 100},
        {"o5", 300, CCAD_STATUS_ACTIVE, CCAD_GRADE_C, 5, 100},
        {"o6", 200, CCAD_STATUS_ACTIVE, CCAD_GRADE_C, 6, 100},
        {"o7", 100, CCAD_STATUS_ACTIVE, CCAD_GRADE_C, 7, 100},
        /* aside: by where their value would fall */
        {"x1", 9000, CCAD_STATUS_RELEASED, CCAD_GRADE_A, 0, 15},
        {"o0", 700, CCAD_STATUS_ELIMINATED, CCAD_GRADE_A, 0, 15}, /* "o0" < "o1" */
        {"o2a", 700, CCAD_STATUS_RELEASED, CCAD_GRADE_B, 0, 40},  /* "o2a" > "o1" */
        {"x3", 500, CCAD_STATUS_RELEASED, CCAD_GRADE_C, 0, 100},  /* "x3" > "o3" */
        {"x4", 1, CCAD_STATUS_ELIMINATED, CCAD_GRADE_C, 0, 100},
    };
    size_t i, n = sizeof t / sizeof t[0];
    ccad_customer c = CCAD_CUSTOMER_INIT;
    ccad_assessment a;
    for (i = 0; i < n; i++) {
        c.id = t[i].id;
        c.value = t[i].value;
        c.status = t[i].status;
        add(f, &c);
    }
    TU_PASS(f->ctx, ccad_book_grade(f->b, f->r));
    for (i = 0; i < n; i++) {
        a = assess(f, i, TODAY);
        assert_int_equal(a.grade, t[i].grade);
        EXPECT_WHY(a, CCAD_WHY_GRADE_RANK, t[i].rank, 7, t[i].lim);
    }
    /* with grade D on (10/20/30 of 7: 1 A, 1 B, 2 C, 3 D) the lowest grade is D */
    set(f, "grade.use_d", 1);
    set(f, "grade.share_a_pct", 10);
    set(f, "grade.share_b_pct", 20);
    set(f, "grade.share_c_pct", 30);
    TU_PASS(f->ctx, ccad_book_grade(f->b, f->r));
    a = assess(f, 11, TODAY); /* x4 */
    assert_int_equal(a.grade, CCAD_GRADE_D);
    EXPECT_WHY(a, CCAD_WHY_GRADE_RANK, 0, 7, 100);
    a = assess(f, 10, TODAY); /* x3, 500 after o3 (rank 3, C) and before o4 (rank 4, C) */
    assert_int_equal(a.grade, CCAD_GRADE_C);
    EXPECT_WHY(a, CCAD_WHY_GRADE_RANK, 0, 7, 60);
    a = assess(f, 3, TODAY); /* o4: rank 4 is the last C */
    assert_int_equal(a.grade, CCAD_GRADE_C);
    a = assess(f, 4, TODAY); /* o5 */
    assert_int_equal(a.grade, CCAD_GRADE_D);

    /* status changes in or out of released/eliminated make the grades stale */
    TU_PASS(f->ctx, ccad_book_get(f->b, 0, &c));
    c.status = CCAD_STATUS_RELEASED;
    TU_PASS(f->ctx, ccad_book_update(f->b, 0, &c));
    a = (ccad_assessment)CCAD_ASSESSMENT_INIT;
    TU_FAIL(f->ctx, ccad_book_assess(f->b, f->r, 1, TODAY, &a), CCAD_ESTALE);
    TU_PASS(f->ctx, ccad_book_grade(f->b, f->r));
    a = assess(f, 1, TODAY); /* o2 now ranks first of 6 */
    EXPECT_WHY(a, CCAD_WHY_GRADE_RANK, 1, 6, 10);
    a = assess(f, 0, TODAY); /* o1 aside, still above every ranked value */
    EXPECT_WHY(a, CCAD_WHY_GRADE_RANK, 0, 6, 10);
    /* released -> eliminated stays aside: not stale */
    c.status = CCAD_STATUS_ELIMINATED;
    TU_PASS(f->ctx, ccad_book_update(f->b, 0, &c));
    a = assess(f, 0, TODAY);
    assert_int_equal(a.grade, CCAD_GRADE_A);
    /* open -> open (prospect to key) neither */
    TU_PASS(f->ctx, ccad_book_get(f->b, 1, &c));
    c.status = CCAD_STATUS_KEY;
    TU_PASS(f->ctx, ccad_book_update(f->b, 1, &c));
    a = assess(f, 1, TODAY);
    /* back into the book: stale again */
    TU_PASS(f->ctx, ccad_book_get(f->b, 0, &c));
    c.status = CCAD_STATUS_ACTIVE;
    TU_PASS(f->ctx, ccad_book_update(f->b, 0, &c));
    TU_FAIL(f->ctx, ccad_book_assess(f->b, f->r, 0, TODAY, &a), CCAD_ESTALE);
}

/* PATIENCE's broken rhythm is judged only for grades in gap.grades; the
 * contact count for every grade. */
static void patience_rhythm_watched_grades(void **state)
{
    tu_fixture *f = *state;
    set(f, "gap.by_cycle", 0); /* 1.0's fixed limits (gap.max_days 14, alert 21) */
    int32_t T = TODAY;
    ccad_customer c;
    ccad_assessment a;
    size_t open_c, rel_c;
    c = cust("pc", CCAD_GRADE_C, T - 28);
    c.last_gap_days = 28;
    open_c = add(f, &c);
    c = cust("pr", CCAD_GRADE_C, T - 28);
    c.last_gap_days = 28;
    c.status = CCAD_STATUS_RELEASED;
    rel_c = add(f, &c);
    c = cust("pd", CCAD_GRADE_D, T - 40);
    c.last_gap_days = 40;
    c.contacts = 2;
    c.status = CCAD_STATUS_PROSPECT;
    add(f, &c);
    a = assess(f, open_c, T);
    assert_false(a.flags & (CCAD_F_RELEASE_PREMATURE | CCAD_F_COLD | CCAD_F_COOLING));
    NO_WHY(a, CCAD_WHY_PATIENCE_RHYTHM);
    a = assess(f, rel_c, T);
    assert_false(a.flags & CCAD_F_RELEASED_EARLY);
    NO_WHY(a, CCAD_WHY_PATIENCE_RHYTHM);
    a = assess(f, 2, T);
    assert_true(a.flags & CCAD_F_RELEASE_PREMATURE);
    EXPECT_WHY(a, CCAD_WHY_PATIENCE, 2, 5, 0);
    NO_WHY(a, CCAD_WHY_PATIENCE_RHYTHM);
    set(f, "gap.grades", CCAD_GRADE_BIT_C);
    a = assess(f, open_c, T);
    assert_true(a.flags & CCAD_F_RELEASE_PREMATURE);
    EXPECT_WHY(a, CCAD_WHY_PATIENCE_RHYTHM, 28, 14, 0);
    a = assess(f, rel_c, T);
    assert_true(a.flags & CCAD_F_RELEASED_EARLY);
    EXPECT_WHY(a, CCAD_WHY_PATIENCE_RHYTHM, 28, 14, 0);
    set(f, "gap.grades", 0);
    a = assess(f, open_c, T);
    NO_WHY(a, CCAD_WHY_PATIENCE_RHYTHM);
}

/* freq.work_days: the combined due date moves forward to the next weekday in
 * the mask (T is a Monday). */
static void work_days_mask(void **state)
{
    tu_fixture *f = *state;
    int32_t T = TODAY;
    int wd = 0;
    ccad_customer c = cust("wd", CCAD_GRADE_B, T - 7); /* due T (Monday) */
    ccad_assessment a;
    size_t i = add(f, &c);
    TU_PASS(f->ctx, ccad_date_weekday(&wd, T));
    assert_int_equal(wd, 1);
    a = assess(f, i, T);
    assert_int_equal(a.due_date, T);
    set(f, "freq.work_days", 2 | 8); /* Tue + Thu */
    a = assess(f, i, T);
    assert_int_equal(a.due_date, T + 1);
    assert_int_equal(a.reminder_date, T);
    assert_false(a.flags & CCAD_F_DUE);
    assert_true(a.flags & CCAD_F_REMINDER);
    EXPECT_WHY(a, CCAD_WHY_DUE, T - 7, 7, T);
    set(f, "freq.work_days", 64); /* Sunday only: six days on */
    a = assess(f, i, T);
    assert_int_equal(a.due_date, T + 6);
    a = assess(f, i, T + 10);
    assert_int_equal(a.days_overdue, 4);
    set(f, "freq.work_days", 127);
    c = cust("sat", CCAD_GRADE_B, T - 9); /* due Saturday T - 2 */
    i = add(f, &c);
    a = assess(f, i, T);
    assert_int_equal(a.due_date, T - 2);
    assert_int_equal(a.days_overdue, 2);
    set(f, "freq.work_days", 31);
    a = assess(f, i, T);
    assert_int_equal(a.due_date, T);
    assert_int_equal(a.days_overdue, 0);
    /* the move applies to ccad_book_assess_range too */
    {
        ccad_brief br;
        TU_PASS(f->ctx, ccad_book_assess_range(f->b, f->r, i, 1, T, &br, sizeof br));
        assert_int_equal(br.due_date, T);
    }
}

static void inactive_customers(void **state)
{
    tu_fixture *f = *state;
    int32_t T = TODAY;
    int st;
    for (st = CCAD_STATUS_RELEASED; st <= CCAD_STATUS_ELIMINATED; st++) {
        ccad_customer c = cust(st == CCAD_STATUS_RELEASED ? "rel" : "eli", CCAD_GRADE_A, T - 60);
        ccad_assessment a;
        c.status = st;
        c.purchase_date = T + 2;
        c.next_step_date = T - 50;
        c.complaint = CCAD_COMPLAINT_OPEN;
        c.complaint_date = T - 30;
        c.owned_since = T - 10;
        c.no_progress = 9;
        c.last_recorded = 0;
        a = add_assess(f, &c);
        assert_true(a.flags & CCAD_F_INACTIVE);
        assert_int_equal(a.due_date, CCAD_NO_DATE);
        assert_int_equal(a.urgency, CCAD_URGENCY_NONE);
        assert_int_equal(a.quadrant, CCAD_Q2);
        assert_int_equal(a.interval_days, 0);
        assert_int_equal(a.escalation, CCAD_ESCALATE_NONE);
        assert_int_equal(a.ownership_end, CCAD_NO_DATE);
        assert_false(a.flags &
                     (CCAD_F_DUE | CCAD_F_OVERDUE | CCAD_F_COLD | CCAD_F_COOLING | CCAD_F_STALLED |
                      CCAD_F_COMPLAINT_OPEN | CCAD_F_NO_RECORD | CCAD_F_REMINDER));
        EXPECT_WHY(a, CCAD_WHY_INACTIVE, st, 0, 0);
    }
}

static void reminder_next_step_followup(void **state)
{
    tu_fixture *f = *state;
    int32_t T = TODAY;
    ccad_customer c;
    ccad_assessment a;
    size_t i;

    c = cust("rem", CCAD_GRADE_A, T - 2); /* due T + 1 */
    i = add(f, &c);
    a = assess(f, i, T);
    assert_int_equal(a.due_date, T + 1);
    assert_int_equal(a.reminder_date, T);
    assert_true(a.flags & CCAD_F_REMINDER);
    EXPECT_WHY(a, CCAD_WHY_REMINDER, T, T + 1, 0);
    a = assess(f, i, T - 1);
    assert_int_equal(a.reminder_date, T);
    assert_false(a.flags & CCAD_F_REMINDER);
    set(f, "followup.reminder_lead_days", 3);
    a = assess(f, i, T - 2);
    assert_int_equal(a.reminder_date, T - 2);
    assert_true(a.flags & CCAD_F_REMINDER);
    set(f, "followup.reminder_lead_days", 1);

    /* next step earlier than the regular due date wins */
    c = cust("ns", CCAD_GRADE_B, T - 1);
    c.next_step_date = T + 2;
    a = add_assess(f, &c);
    assert_int_equal(a.due_date, T + 2);
    EXPECT_WHY(a, CCAD_WHY_DUE_NEXT_STEP, T + 2, 0, 0);
    assert_false(a.flags & CCAD_F_NO_NEXT_STEP);
    /* a later next step does not postpone the duty */
    c = cust("ns2", CCAD_GRADE_B, T - 1);
    c.next_step_date = T + 20;
    i = add(f, &c);
    a = assess(f, i, T);
    /* T - 1 + 7 is Sunday T + 6: due Monday T + 7, reminder from the moved date */
    assert_int_equal(a.due_date, T + 7);
    assert_int_equal(a.reminder_date, T + 6);
    EXPECT_WHY(a, CCAD_WHY_DUE, T - 1, 7, T + 6);
    NO_WHY(a, CCAD_WHY_DUE_NEXT_STEP);
    a = assess(f, i, T + 6);
    assert_true(a.flags & CCAD_F_REMINDER);
    assert_false(a.flags & CCAD_F_DUE);
    EXPECT_WHY(a, CCAD_WHY_REMINDER, T + 6, T + 7, 0);
    a = assess(f, i, T + 9);
    assert_int_equal(a.days_overdue, 2);
    EXPECT_WHY(a, CCAD_WHY_OVERDUE, 2, CCAD_ESCALATE_NONE, 0);
    /* next step for a D customer gives it a due date (Sunday T + 20 -> T + 21) */
    c = cust("ns3", CCAD_GRADE_D, T - 1);
    c.next_step_date = T + 20;
    a = add_assess(f, &c);
    assert_int_equal(a.due_date, T + 21);
    EXPECT_WHY(a, CCAD_WHY_DUE_NEXT_STEP, T + 20, 0, 0);

    /* no record, no next step */
    c = cust("nr", CCAD_GRADE_B, T - 1);
    c.last_recorded = 0;
    c.missing_records = 4;
    a = add_assess(f, &c);
    assert_true(a.flags & CCAD_F_NO_RECORD);
    assert_true(a.flags & CCAD_F_NO_NEXT_STEP);
    EXPECT_WHY(a, CCAD_WHY_NO_RECORD, 4, 0, 0);
    EXPECT_WHY(a, CCAD_WHY_NO_NEXT_STEP, T - 1, 0, 0);
}

static void service_reason(void **state)
{
    tu_fixture *f = *state;
    ccad_customer c = cust("svc", CCAD_GRADE_B, TODAY - 1);
    ccad_assessment a;
    c.service_counts[0] = 1;
    c.service_counts[2] = 2;
    a = add_assess(f, &c);
    EXPECT_WHY(a, CCAD_WHY_SERVICE, 3, 2, 0);
    c = cust("nosvc", CCAD_GRADE_B, TODAY - 1);
    a = add_assess(f, &c);
    NO_WHY(a, CCAD_WHY_SERVICE);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, tu_fixture_setup, tu_fixture_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(let_go_factor),
        T(order_closes_purchase),
        T(let_go_stretches_gap),
        T(let_go_not_when_urgent_event),
        T(clock_any_contact),
        T(never_contacted),
        T(rank_without_released),
        T(patience_rhythm_watched_grades),
        T(work_days_mask),
        T(inactive_customers),
        T(reminder_next_step_followup),
        T(service_reason),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
