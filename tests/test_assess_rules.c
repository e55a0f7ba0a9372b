/* Assessment rules FREQ, URGENCY, QUADRANT, COMPLAINT, ESCALATE, GAP,
 * TEMPERATURE, STALL/PATIENCE/OWNERSHIP and TRIAGE, each with its reasons.
 * Helpers: tests/assess_env.h. */
#include "assess_env.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- frequency, urgency, quadrant ---- */

static void frequency_by_grade_and_urgency(void **state)
{
    tu_fixture *f = *state;
    int32_t T = TODAY;
    ccad_customer c;
    ccad_assessment a;

    /* A, purchase within 7 days: Q1, daily */
    c = cust("a-week", CCAD_GRADE_A, T - 1);
    c.purchase_date = T + 5;
    a = add_assess(f, &c);
    assert_int_equal(a.urgency, CCAD_URGENCY_WEEK);
    assert_int_equal(a.quadrant, CCAD_Q1);
    assert_int_equal(a.freq_count, 1);
    assert_int_equal(a.freq_period_days, 1);
    assert_int_equal(a.interval_days, 1);
    assert_int_equal(a.due_date, T);
    assert_true(a.flags & CCAD_F_DUE);
    assert_false(a.flags & CCAD_F_OVERDUE);
    EXPECT_WHY(a, CCAD_WHY_URGENCY_PURCHASE, 5, 7, 0);
    EXPECT_WHY(a, CCAD_WHY_QUADRANT, CCAD_Q1, CCAD_GRADE_A, CCAD_URGENCY_WEEK);
    EXPECT_WHY(a, CCAD_WHY_FREQ, 1, 1, 1);
    EXPECT_WHY(a, CCAD_WHY_DUE, T - 1, 1, T);

    /* exactly 7 days is still this week; today too */
    c = cust("a-week7", CCAD_GRADE_A, T - 1);
    c.purchase_date = T + 7;
    assert_int_equal(add_assess(f, &c).urgency, CCAD_URGENCY_WEEK);
    c = cust("a-week0", CCAD_GRADE_A, T - 1);
    c.purchase_date = T;
    a = add_assess(f, &c);
    assert_int_equal(a.urgency, CCAD_URGENCY_WEEK);
    EXPECT_WHY(a, CCAD_WHY_URGENCY_PURCHASE, 0, 7, 0);

    /* A, purchase within 8..14 days: 3 per 7 days -> every 2 days */
    c = cust("a-2w", CCAD_GRADE_A, T - 1);
    c.purchase_date = T + 8;
    a = add_assess(f, &c);
    assert_int_equal(a.urgency, CCAD_URGENCY_TWO_WEEKS);
    assert_int_equal(a.quadrant, CCAD_Q1);
    assert_int_equal(a.freq_count, 3);
    assert_int_equal(a.freq_period_days, 7);
    assert_int_equal(a.interval_days, 2);
    assert_int_equal(a.due_date, T + 1);
    EXPECT_WHY(a, CCAD_WHY_URGENCY_PURCHASE, 8, 14, 0);
    c = cust("a-2w14", CCAD_GRADE_A, T - 1);
    c.purchase_date = T + 14;
    assert_int_equal(add_assess(f, &c).interval_days, 2);

    /* beyond 14 days: not urgent, A in Q2: 2 per 7 days -> every 3 days */
    c = cust("a-q2", CCAD_GRADE_A, T - 1);
    c.purchase_date = T + 15;
    a = add_assess(f, &c);
    assert_int_equal(a.urgency, CCAD_URGENCY_NONE);
    assert_int_equal(a.quadrant, CCAD_Q2);
    assert_int_equal(a.freq_count, 2);
    assert_int_equal(a.freq_period_days, 7);
    assert_int_equal(a.interval_days, 3);
    assert_int_equal(a.due_date, T + 2);
    NO_WHY(a, CCAD_WHY_URGENCY_PURCHASE);
    assert_false(a.flags & CCAD_F_DUE);

    /* B: weekly, Q2 */
    c = cust("b", CCAD_GRADE_B, T - 1);
    a = add_assess(f, &c);
    assert_int_equal(a.quadrant, CCAD_Q2);
    assert_int_equal(a.interval_days, 7);
    /* T - 1 + 7 is Sunday T + 6: due Monday T + 7 (freq.work_days Mon..Fri) */
    assert_int_equal(a.due_date, T + 7);
    assert_int_equal(a.reminder_date, T + 6);
    EXPECT_WHY(a, CCAD_WHY_FREQ, 1, 7, 7);
    EXPECT_WHY(a, CCAD_WHY_DUE, T - 1, 7, T + 6);

    /* C: every 28 days, Q4 */
    c = cust("c", CCAD_GRADE_C, T - 1);
    a = add_assess(f, &c);
    assert_int_equal(a.quadrant, CCAD_Q4);
    assert_int_equal(a.interval_days, 28);
    /* T - 1 + 28 is Sunday T + 27: due Monday T + 28 */
    assert_int_equal(a.due_date, T + 28);
    EXPECT_WHY(a, CCAD_WHY_FREQ, 1, 28, 28);
    EXPECT_WHY(a, CCAD_WHY_DUE, T - 1, 28, T + 27);

    /* D: no fixed duty */
    c = cust("d", CCAD_GRADE_D, T - 1);
    a = add_assess(f, &c);
    assert_int_equal(a.quadrant, CCAD_Q4);
    assert_int_equal(a.freq_count, 0);
    assert_int_equal(a.interval_days, 0);
    assert_int_equal(a.due_date, CCAD_NO_DATE);
    assert_int_equal(a.reminder_date, CCAD_NO_DATE);
    assert_false(a.flags & (CCAD_F_DUE | CCAD_F_OVERDUE));
    EXPECT_WHY(a, CCAD_WHY_FREQ_NONE, CCAD_GRADE_D, 0, 0);
    NO_WHY(a, CCAD_WHY_FREQ);
    NO_WHY(a, CCAD_WHY_DUE);

    /* purchase date passed: not urgent, asks for an update */
    c = cust("passed", CCAD_GRADE_A, T - 1);
    c.purchase_date = T - 3;
    a = add_assess(f, &c);
    assert_int_equal(a.urgency, CCAD_URGENCY_NONE);
    assert_int_equal(a.quadrant, CCAD_Q2);
    EXPECT_WHY(a, CCAD_WHY_URGENCY_PASSED, 3, 0, 0);

    /* important grades come from quadrant.important */
    set(f, "quadrant.important", CCAD_GRADE_BIT_C);
    c = cust("c-imp", CCAD_GRADE_C, T - 1);
    a = add_assess(f, &c);
    assert_int_equal(a.quadrant, CCAD_Q2);
    c = cust("a-unimp", CCAD_GRADE_A, T - 1);
    a = add_assess(f, &c);
    assert_int_equal(a.quadrant, CCAD_Q4);
    assert_int_equal(a.interval_days, 3); /* frequency still by grade */
}

static void open_complaint(void **state)
{
    tu_fixture *f = *state;
    int32_t T = TODAY;
    ccad_customer c;
    ccad_assessment a;

    /* complaint opened after the last contact: due on the complaint date,
     * Saturday T - 2, which moves to Monday T (freq.work_days Mon..Fri) */
    c = cust("cpl", CCAD_GRADE_C, T - 5);
    c.complaint = CCAD_COMPLAINT_OPEN;
    c.complaint_date = T - 2;
    a = add_assess(f, &c);
    assert_int_equal(a.urgency, CCAD_URGENCY_EVENT);
    assert_int_equal(a.quadrant, CCAD_Q3);
    assert_int_equal(a.complaint, CCAD_COMPLAINT_OPEN);
    assert_int_equal(a.due_date, T);
    assert_int_equal(a.days_overdue, 0);
    assert_true(a.flags & CCAD_F_COMPLAINT_OPEN);
    assert_false(a.flags & CCAD_F_OVERDUE);
    assert_true(a.flags & CCAD_F_DUE);
    EXPECT_WHY(a, CCAD_WHY_URGENCY_COMPLAINT, T - 2, 2, 0);
    EXPECT_WHY(a, CCAD_WHY_COMPLAINT_OPEN, T - 2, 2, 0);
    EXPECT_WHY(a, CCAD_WHY_DUE_EVENT, T - 2, 0, 0);
    NO_WHY(a, CCAD_WHY_OVERDUE);
    /* EVENT urgency does not change the frequency: interval stays the grade's */
    assert_int_equal(a.interval_days, 28);
    assert_int_equal(a.escalation, CCAD_ESCALATE_NONE);
    /* opened on Friday T - 3: no move, 3 days overdue, and Q3 escalates */
    c = cust("cplF", CCAD_GRADE_C, T - 5);
    c.complaint = CCAD_COMPLAINT_OPEN;
    c.complaint_date = T - 3;
    a = add_assess(f, &c);
    assert_int_equal(a.due_date, T - 3);
    assert_int_equal(a.days_overdue, 3);
    assert_true(a.flags & CCAD_F_OVERDUE);
    assert_int_equal(a.escalation, CCAD_ESCALATE_REP);
    EXPECT_WHY(a, CCAD_WHY_OVERDUE, 3, CCAD_ESCALATE_REP, 3);
    /* an important customer with a complaint is Q1 */
    c = cust("cplA", CCAD_GRADE_A, T - 5);
    c.complaint = CCAD_COMPLAINT_OPEN;
    c.complaint_date = T - 2;
    a = add_assess(f, &c);
    assert_int_equal(a.quadrant, CCAD_Q1);
    assert_int_equal(a.urgency, CCAD_URGENCY_EVENT);

    /* contacted since: due last contact + complaint.followup_days */
    c = cust("cpl2", CCAD_GRADE_C, T - 1);
    c.complaint = CCAD_COMPLAINT_OPEN;
    c.complaint_date = T - 4;
    a = add_assess(f, &c);
    assert_int_equal(a.urgency, CCAD_URGENCY_EVENT);
    assert_int_equal(a.quadrant, CCAD_Q3);
    assert_int_equal(a.due_date, T);
    EXPECT_WHY(a, CCAD_WHY_DUE_EVENT, T, 0, 0);
    set(f, "complaint.followup_days", 3);
    a = assess(f, 3, T);
    assert_int_equal(a.due_date, T + 2);
    /* contact on the complaint day counts as contacted since: T - 4 + 3 is
     * Sunday T - 1, due Monday T (not the complaint day T - 4) */
    c = cust("cpl3", CCAD_GRADE_C, T - 4);
    c.complaint = CCAD_COMPLAINT_OPEN;
    c.complaint_date = T - 4;
    a = add_assess(f, &c);
    assert_int_equal(a.due_date, T);
    EXPECT_WHY(a, CCAD_WHY_DUE_EVENT, T - 1, 0, 0);
}

static void pending_request(void **state)
{
    tu_fixture *f = *state;
    int32_t T = TODAY;
    ccad_customer c;
    ccad_assessment a;

    /* tomorrow, not handled yet: urgent today (request_days = 1) */
    c = cust("rq", CCAD_GRADE_C, T - 3);
    c.request_date = T + 1;
    a = add_assess(f, &c);
    assert_int_equal(a.urgency, CCAD_URGENCY_EVENT);
    assert_int_equal(a.quadrant, CCAD_Q3);
    assert_int_equal(a.due_date, T + 1);
    EXPECT_WHY(a, CCAD_WHY_URGENCY_REQUEST, T + 1, 1, 0);
    EXPECT_WHY(a, CCAD_WHY_DUE_EVENT, T + 1, 0, 0);

    /* two days ahead: due then, but not urgent yet */
    c = cust("rq2", CCAD_GRADE_C, T - 3);
    c.request_date = T + 2;
    a = add_assess(f, &c);
    assert_int_equal(a.urgency, CCAD_URGENCY_NONE);
    assert_int_equal(a.quadrant, CCAD_Q4);
    assert_int_equal(a.due_date, T + 2);
    NO_WHY(a, CCAD_WHY_URGENCY_REQUEST);

    /* late request: negative days */
    c = cust("rq3", CCAD_GRADE_A, T - 9);
    c.request_date = T - 2;
    a = add_assess(f, &c);
    assert_int_equal(a.urgency, CCAD_URGENCY_EVENT);
    assert_int_equal(a.quadrant, CCAD_Q1);
    EXPECT_WHY(a, CCAD_WHY_URGENCY_REQUEST, T - 2, -2, 0);
    assert_int_equal(a.due_date, T - 6); /* the regular due date is earlier */

    /* handled: a contact on or after the requested date */
    c = cust("rq4", CCAD_GRADE_C, T - 1);
    c.request_date = T - 1;
    a = add_assess(f, &c);
    assert_int_equal(a.urgency, CCAD_URGENCY_NONE);
    assert_int_equal(a.due_date, T + 28); /* T - 1 + 28 is a Sunday */
    NO_WHY(a, CCAD_WHY_URGENCY_REQUEST);
}

static void q3_due_today_until_handled(void **state)
{
    tu_fixture *f = *state;
    int32_t T = TODAY;
    ccad_customer c;
    ccad_assessment a;

    /* C customer buying in 5 days, last contact before purchase - 14 */
    c = cust("q3", CCAD_GRADE_C, T - 10);
    c.purchase_date = T + 5;
    a = add_assess(f, &c);
    assert_int_equal(a.urgency, CCAD_URGENCY_WEEK);
    assert_int_equal(a.quadrant, CCAD_Q3);
    assert_int_equal(a.interval_days, 28); /* Q1 frequencies are for important customers */
    assert_int_equal(a.due_date, T);
    assert_true(a.flags & CCAD_F_DUE);
    EXPECT_WHY(a, CCAD_WHY_DUE_EVENT, T, 0, 0);
    /* the next day it is due that day */
    a = assess(f, 0, T + 1);
    assert_int_equal(a.due_date, T + 1);

    /* handled: a contact within the urgent window */
    c = cust("q3h", CCAD_GRADE_C, T - 9);
    c.purchase_date = T + 5;
    a = add_assess(f, &c);
    assert_int_equal(a.quadrant, CCAD_Q3);
    assert_int_equal(a.due_date, T + 21); /* T - 9 + 28 = T + 19 is a Saturday */
    EXPECT_WHY(a, CCAD_WHY_DUE, T - 9, 28, T + 19);
    NO_WHY(a, CCAD_WHY_DUE_EVENT);

    /* never contacted Q3 */
    c = cust("q3n", CCAD_GRADE_D, CCAD_NO_DATE);
    c.contacts = 0;
    c.purchase_date = T + 10;
    a = add_assess(f, &c);
    assert_int_equal(a.quadrant, CCAD_Q3);
    assert_int_equal(a.due_date, T);
}

static void resolved_complaint_care(void **state)
{
    tu_fixture *f = *state;
    int32_t T = TODAY;
    ccad_customer c;
    ccad_assessment a;

    c = cust("care", CCAD_GRADE_C, T - 8);
    c.complaint = CCAD_COMPLAINT_RESOLVED;
    c.complaint_date = T - 7;
    a = add_assess(f, &c);
    assert_int_equal(a.urgency, CCAD_URGENCY_NONE);
    assert_int_equal(a.care_date, T);
    assert_int_equal(a.due_date, T);
    assert_true(a.flags & CCAD_F_CARE_DUE);
    assert_false(a.flags & CCAD_F_COMPLAINT_OPEN);
    EXPECT_WHY(a, CCAD_WHY_COMPLAINT_CARE, T - 7, T, 0);
    EXPECT_WHY(a, CCAD_WHY_DUE_EVENT, T, 0, 0);
    /* before the care date: not yet due */
    a = assess(f, 0, T - 1);
    assert_int_equal(a.due_date, T);
    assert_false(a.flags & CCAD_F_CARE_DUE);
    assert_true(a.flags & CCAD_F_REMINDER);

    /* care contact made */
    c = cust("cared", CCAD_GRADE_C, T);
    c.complaint = CCAD_COMPLAINT_RESOLVED;
    c.complaint_date = T - 7;
    a = add_assess(f, &c);
    assert_int_equal(a.care_date, T);
    assert_int_equal(a.due_date, T + 28);
    assert_false(a.flags & CCAD_F_CARE_DUE);
    EXPECT_WHY(a, CCAD_WHY_COMPLAINT_CARE, T - 7, T, 0);

    /* complaint.care_after_days */
    set(f, "complaint.care_after_days", 3);
    a = assess(f, 0, T);
    assert_int_equal(a.care_date, T - 4);
    assert_int_equal(a.due_date, T - 4);
    assert_true(a.flags & CCAD_F_CARE_DUE);
}

static void escalation_ladder(void **state)
{
    tu_fixture *f = *state;
    int32_t T = TODAY;
    /* T is a Monday; last contact + 3 on a weekend moves to the Monday after,
     * and the days overdue count from there */
    static const struct {
        int32_t last_ago;
        int32_t due; /* offset from T */
        int32_t over;
        int level;
        int thr;
    } t[] = {
        {3, 0, 0, 0, 0},   {4, 0, 0, 0, 0},   {5, 0, 0, 0, 0},     {6, -3, 3, 1, 3},
        {7, -4, 4, 1, 3},  {8, -5, 5, 2, 5},  {9, -6, 6, 2, 5},    {10, -7, 7, 3, 7},
        {11, -7, 7, 3, 7}, {12, -7, 7, 3, 7}, {13, -10, 10, 3, 7}, {40, -35, 35, 3, 7},
    };
    size_t i;
    char id[32];
    ccad_assessment a;
    ccad_customer c;
    for (i = 0; i < sizeof t / sizeof t[0]; i++) {
        snprintf(id, sizeof id, "e%lu", (unsigned long)i);
        c = cust(id, CCAD_GRADE_A, T - t[i].last_ago); /* A: every 3 days */
        a = add_assess(f, &c);
        assert_int_equal(a.due_date, T + t[i].due);
        EXPECT_WHY(a, CCAD_WHY_DUE, T - t[i].last_ago, 3, T - t[i].last_ago + 3);
        assert_int_equal(a.days_overdue, t[i].over);
        assert_int_equal(a.escalation, t[i].level);
        if (t[i].over > 0) {
            assert_true(a.flags & CCAD_F_OVERDUE);
            EXPECT_WHY(a, CCAD_WHY_OVERDUE, t[i].over, t[i].level, t[i].thr);
        } else {
            assert_false(a.flags & CCAD_F_OVERDUE);
            NO_WHY(a, CCAD_WHY_OVERDUE);
        }
    }
    /* Q4: overdue but not escalated unless escalate.q4 */
    c = cust("q4", CCAD_GRADE_C, T - 35);
    i = add(f, &c);
    a = assess(f, i, T);
    assert_int_equal(a.quadrant, CCAD_Q4);
    assert_int_equal(a.days_overdue, 7);
    assert_int_equal(a.escalation, CCAD_ESCALATE_NONE);
    assert_true(a.flags & CCAD_F_OVERDUE);
    EXPECT_WHY(a, CCAD_WHY_OVERDUE, 7, 0, 0);
    set(f, "escalate.q4", 1);
    a = assess(f, i, T);
    assert_int_equal(a.escalation, CCAD_ESCALATE_REASSIGN);
    EXPECT_WHY(a, CCAD_WHY_OVERDUE, 7, 3, 7);
}

static void gap_warning_and_alert(void **state)
{
    tu_fixture *f = *state;
    set(f, "gap.by_cycle", 0); /* 1.0's fixed limits (gap.max_days 14, alert 21) */
    int32_t T = TODAY;
    static const struct {
        int grade;
        int32_t ago;
        int32_t closed;
        uint32_t flag;
    } t[] = {
        {CCAD_GRADE_A, 14, -1, 0},
        {CCAD_GRADE_A, 15, -1, CCAD_F_COOLING},
        {CCAD_GRADE_B, 20, -1, CCAD_F_COOLING},
        {CCAD_GRADE_B, 21, -1, CCAD_F_COLD},
        {CCAD_GRADE_A, 60, -1, CCAD_F_COLD},
        {CCAD_GRADE_C, 60, -1, 0},
        {CCAD_GRADE_D, 60, -1, 0},
        {CCAD_GRADE_A, 1, 21, CCAD_F_COLD}, /* closed gap longer */
        {CCAD_GRADE_A, 2, 15, CCAD_F_COOLING},
        {CCAD_GRADE_B, 16, 3, CCAD_F_COOLING}, /* open gap longer */
        {CCAD_GRADE_A, 0, 14, 0},
    };
    size_t i;
    char id[32];
    for (i = 0; i < sizeof t / sizeof t[0]; i++) {
        ccad_customer c;
        ccad_assessment a;
        int32_t gap = t[i].ago > t[i].closed ? t[i].ago : t[i].closed;
        snprintf(id, sizeof id, "g%lu", (unsigned long)i);
        c = cust(id, t[i].grade, T - t[i].ago);
        c.last_gap_days = t[i].closed;
        a = add_assess(f, &c);
        assert_int_equal(a.flags & (CCAD_F_COOLING | CCAD_F_COLD), t[i].flag);
        if (t[i].flag == CCAD_F_COLD)
            EXPECT_WHY(a, CCAD_WHY_GAP_ALERT, gap, 21, gap - 14);
        else
            NO_WHY(a, CCAD_WHY_GAP_ALERT);
        if (t[i].flag == CCAD_F_COOLING)
            EXPECT_WHY(a, CCAD_WHY_GAP_WARN, gap, 14, gap - 14);
        else
            NO_WHY(a, CCAD_WHY_GAP_WARN);
    }
}

static void gap_closed_by_records(void **state)
{
    tu_fixture *f = *state;
    set(f, "gap.by_cycle", 0); /* 1.0's fixed limits (gap.max_days 14, alert 21) */
    int32_t T = TODAY;
    ccad_customer c = cust("rec", CCAD_GRADE_A, CCAD_NO_DATE);
    ccad_contact e = CCAD_CONTACT_INIT;
    ccad_assessment a;
    size_t i;
    i = add(f, &c);
    e.date = T - 22;
    TU_PASS(f->ctx, ccad_book_record(f->b, i, &e));
    e.date = T - 1; /* a 21-day gap, closed by a fresh contact */
    TU_PASS(f->ctx, ccad_book_record(f->b, i, &e));
    a = assess(f, i, T);
    assert_int_equal(a.days_since_contact, 1);
    assert_true(a.flags & CCAD_F_COLD);
    EXPECT_WHY(a, CCAD_WHY_GAP_ALERT, 21, 21, 7);
    /* PATIENCE: the broken rhythm also makes a release premature */
    assert_true(a.flags & CCAD_F_RELEASE_PREMATURE);
    EXPECT_WHY(a, CCAD_WHY_PATIENCE_RHYTHM, 21, 14, 0);
    /* a short regular gap after that clears it */
    e.date = T;
    TU_PASS(f->ctx, ccad_book_record(f->b, i, &e));
    a = assess(f, i, T);
    assert_false(a.flags & (CCAD_F_COLD | CCAD_F_COOLING));
}

static void temperature_and_days_since(void **state)
{
    tu_fixture *f = *state;
    int32_t T = TODAY;
    static const struct {
        int32_t ago;
        int32_t temp;
    } t[] = {{0, 100}, {7, 75}, {14, 50}, {21, 38}, {28, 25}, {42, 13}, {56, 6}, {1000, 0}};
    size_t i;
    char id[32];
    ccad_customer c;
    ccad_assessment a;
    for (i = 0; i < sizeof t / sizeof t[0]; i++) {
        snprintf(id, sizeof id, "t%lu", (unsigned long)i);
        c = cust(id, CCAD_GRADE_C, T - t[i].ago);
        a = add_assess(f, &c);
        assert_int_equal(a.days_since_contact, t[i].ago);
        assert_int_equal(a.temperature, t[i].temp);
    }
    c = cust("never", CCAD_GRADE_C, CCAD_NO_DATE);
    a = add_assess(f, &c);
    assert_int_equal(a.days_since_contact, -1);
    assert_int_equal(a.temperature, -1);
    /* a contact after the day assessed counts as 0 days */
    c = cust("future", CCAD_GRADE_C, T + 3);
    a = add_assess(f, &c);
    assert_int_equal(a.days_since_contact, 0);
    assert_int_equal(a.temperature, 100);
    /* half-life parameter */
    set(f, "gap.half_life_days", 7);
    a = assess(f, 2, T); /* 14 days ago */
    assert_int_equal(a.temperature, 25);
}

static void stall_patience_ownership(void **state)
{
    tu_fixture *f = *state;
    set(f, "gap.by_cycle", 0); /* 1.0's fixed limits (gap.max_days 14, alert 21) */
    int32_t T = TODAY;
    ccad_customer c;
    ccad_assessment a;

    c = cust("st2", CCAD_GRADE_B, T - 1);
    c.no_progress = 2;
    a = add_assess(f, &c);
    assert_false(a.flags & CCAD_F_STALLED);
    NO_WHY(a, CCAD_WHY_STALLED);
    c = cust("st3", CCAD_GRADE_B, T - 1);
    c.no_progress = 3;
    a = add_assess(f, &c);
    assert_true(a.flags & CCAD_F_STALLED);
    EXPECT_WHY(a, CCAD_WHY_STALLED, 3, 3, 0);

    /* patience */
    c = cust("p4a", CCAD_GRADE_B, T - 1);
    c.contacts = 4; /* a buying customer: the count guards prospects only */
    a = add_assess(f, &c);
    assert_false(a.flags & CCAD_F_RELEASE_PREMATURE);
    NO_WHY(a, CCAD_WHY_PATIENCE);
    c = cust("p4", CCAD_GRADE_B, T - 1);
    c.contacts = 4;
    c.status = CCAD_STATUS_PROSPECT;
    a = add_assess(f, &c);
    assert_true(a.flags & CCAD_F_RELEASE_PREMATURE);
    assert_false(a.flags & CCAD_F_RELEASED_EARLY);
    assert_int_equal(a.contacts, 4);
    assert_int_equal(a.min_contacts, 5);
    EXPECT_WHY(a, CCAD_WHY_PATIENCE, 4, 5, 0);
    c = cust("p5", CCAD_GRADE_B, T - 1);
    c.contacts = 5;
    a = add_assess(f, &c);
    assert_false(a.flags & CCAD_F_RELEASE_PREMATURE);
    NO_WHY(a, CCAD_WHY_PATIENCE);
    c = cust("rel4", CCAD_GRADE_B, T - 1);
    c.contacts = 4;
    c.status = CCAD_STATUS_RELEASED;
    a = add_assess(f, &c);
    assert_true(a.flags & CCAD_F_RELEASED_EARLY);
    assert_true(a.flags & CCAD_F_INACTIVE);
    assert_false(a.flags & CCAD_F_RELEASE_PREMATURE);
    EXPECT_WHY(a, CCAD_WHY_RELEASED_EARLY, 4, 5, 0);
    c = cust("rel5", CCAD_GRADE_B, T - 1);
    c.contacts = 5;
    c.status = CCAD_STATUS_RELEASED;
    a = add_assess(f, &c);
    assert_false(a.flags & CCAD_F_RELEASED_EARLY);
    c = cust("relgap", CCAD_GRADE_B, T - 1);
    c.contacts = 9;
    c.last_gap_days = 20;
    c.status = CCAD_STATUS_RELEASED;
    a = add_assess(f, &c);
    assert_true(a.flags & CCAD_F_RELEASED_EARLY);
    EXPECT_WHY(a, CCAD_WHY_PATIENCE_RHYTHM, 20, 14, 0);
    c = cust("elim", CCAD_GRADE_B, T - 1);
    c.contacts = 1;
    c.status = CCAD_STATUS_ELIMINATED;
    a = add_assess(f, &c);
    assert_false(a.flags & (CCAD_F_RELEASED_EARLY | CCAD_F_RELEASE_PREMATURE));

    /* ownership */
    c = cust("own", CCAD_GRADE_B, T - 1);
    c.owned_since = T - 80;
    a = add_assess(f, &c);
    assert_int_equal(a.ownership_end, T + 10);
    assert_int_equal(a.ownership_days_left, 10);
    EXPECT_WHY(a, CCAD_WHY_OWNERSHIP, 10, 90, T + 10);
    c = cust("own-past", CCAD_GRADE_B, T - 1);
    c.owned_since = T - 100;
    a = add_assess(f, &c);
    assert_int_equal(a.ownership_days_left, -10);
    c = cust("own-none", CCAD_GRADE_B, T - 1);
    a = add_assess(f, &c);
    assert_int_equal(a.ownership_end, CCAD_NO_DATE);
    assert_int_equal(a.ownership_days_left, 0);
    NO_WHY(a, CCAD_WHY_OWNERSHIP);
}

static int triage_kind(tu_fixture *f, int64_t volume, int32_t margin, int capable, int *strategy)
{
    static int n = 0;
    char id[32];
    ccad_customer c;
    ccad_assessment a;
    snprintf(id, sizeof id, "tr%d", n++);
    c = cust(id, CCAD_GRADE_C, TODAY - 1);
    c.monthly_volume = volume;
    c.margin_bp = margin;
    c.capable = capable;
    a = add_assess(f, &c);
    if (strategy)
        *strategy = a.strategy;
    return a.triage;
}

static void triage_kinds(void **state)
{
    tu_fixture *f = *state;
    int st = -1;
    assert_int_equal(triage_kind(f, 8000000, -1, 1, &st), CCAD_TRIAGE_SELF_DRIVEN);
    assert_int_equal(st, CCAD_STRATEGY_LET_GO);
    assert_int_equal(triage_kind(f, 90000000, -1, 0, &st), CCAD_TRIAGE_SELF_DRIVEN);
    assert_int_equal(triage_kind(f, 7999999, -1, 0, &st), CCAD_TRIAGE_PUSH);
    assert_int_equal(st, CCAD_STRATEGY_PERSIST);
    assert_int_equal(triage_kind(f, 5000000, -1, 0, &st), CCAD_TRIAGE_PUSH);
    /* the band 30k..50k is push by default */
    assert_int_equal(triage_kind(f, 4999999, -1, 0, &st), CCAD_TRIAGE_PUSH);
    assert_int_equal(st, CCAD_STRATEGY_PERSIST);
    assert_int_equal(triage_kind(f, 3000000, -1, 0, &st), CCAD_TRIAGE_PUSH);
    assert_int_equal(triage_kind(f, 2999999, -1, 0, &st), CCAD_TRIAGE_UNMOVABLE);
    assert_int_equal(st, CCAD_STRATEGY_GIVE_UP);
    assert_int_equal(triage_kind(f, 0, -1, 1, &st), CCAD_TRIAGE_UNMOVABLE);
    assert_int_equal(st, CCAD_STRATEGY_PERSIST); /* capable: not given up */
    /* unknown volume: not triaged */
    assert_int_equal(triage_kind(f, -1, 5000, 0, &st), CCAD_TRIAGE_NONE);
    assert_int_equal(st, CCAD_STRATEGY_NONE);
    /* margin lifts one kind */
    assert_int_equal(triage_kind(f, 7999999, 3000, 0, &st), CCAD_TRIAGE_SELF_DRIVEN);
    assert_int_equal(st, CCAD_STRATEGY_LET_GO);
    assert_int_equal(triage_kind(f, 7999999, 2999, 0, &st), CCAD_TRIAGE_PUSH);
    assert_int_equal(triage_kind(f, 1000, 10000, 0, &st), CCAD_TRIAGE_PUSH);
    assert_int_equal(st, CCAD_STRATEGY_PERSIST);
    assert_int_equal(triage_kind(f, 9000000, 9000, 0, &st), CCAD_TRIAGE_SELF_DRIVEN);
    /* band unmovable */
    set(f, "triage.band", 1);
    assert_int_equal(triage_kind(f, 4999999, -1, 0, &st), CCAD_TRIAGE_UNMOVABLE);
    assert_int_equal(st, CCAD_STRATEGY_GIVE_UP);
    assert_int_equal(triage_kind(f, 3000000, -1, 1, &st), CCAD_TRIAGE_UNMOVABLE);
    assert_int_equal(st, CCAD_STRATEGY_PERSIST);
    assert_int_equal(triage_kind(f, 5000000, -1, 0, &st), CCAD_TRIAGE_PUSH);
    assert_int_equal(triage_kind(f, 3000000, 3000, 0, &st), CCAD_TRIAGE_PUSH);
    /* margin lift off */
    set(f, "triage.margin_lift_bp", 0);
    assert_int_equal(triage_kind(f, 7999999, 10000, 0, &st), CCAD_TRIAGE_PUSH);
}

static void triage_reasons_and_status(void **state)
{
    tu_fixture *f = *state;
    int32_t T = TODAY;
    ccad_customer c;
    ccad_assessment a;
    c = cust("trr", CCAD_GRADE_C, T - 1);
    c.monthly_volume = 4000000;
    c.margin_bp = 3500;
    a = add_assess(f, &c);
    EXPECT_WHY(a, CCAD_WHY_TRIAGE, CCAD_TRIAGE_PUSH, 4000000, 3000000);
    EXPECT_WHY(a, CCAD_WHY_TRIAGE_MARGIN, 3500, 3000, 0);
    assert_int_equal(a.triage, CCAD_TRIAGE_SELF_DRIVEN);
    /* key accounts are triaged, prospects and released customers not */
    c = cust("key", CCAD_GRADE_C, T - 1);
    c.status = CCAD_STATUS_KEY;
    c.monthly_volume = 100;
    a = add_assess(f, &c);
    assert_int_equal(a.triage, CCAD_TRIAGE_UNMOVABLE);
    c.id = "prosp";
    c.status = CCAD_STATUS_PROSPECT;
    a = add_assess(f, &c);
    assert_int_equal(a.triage, CCAD_TRIAGE_NONE);
    NO_WHY(a, CCAD_WHY_TRIAGE);
    c.id = "relsd";
    c.status = CCAD_STATUS_RELEASED;
    a = add_assess(f, &c);
    assert_int_equal(a.triage, CCAD_TRIAGE_NONE);
}

/* The brief of customer i agrees with its assessment on the decisions. */

#define T(fn) cmocka_unit_test_setup_teardown(fn, tu_fixture_setup, tu_fixture_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(frequency_by_grade_and_urgency),
        T(open_complaint),
        T(pending_request),
        T(q3_due_today_until_handled),
        T(resolved_complaint_care),
        T(escalation_ladder),
        T(gap_warning_and_alert),
        T(gap_closed_by_records),
        T(temperature_and_days_since),
        T(stall_patience_ownership),
        T(triage_kinds),
        T(triage_reasons_and_status),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
