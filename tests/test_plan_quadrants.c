/* Planner rules QUADRANT and CAPACITY: big rocks first, Q3 delegated or
 * waiting, Q4 rolling over, non-working days and absences covered by the
 * substitute. Fixture: tests/plan_env.h.
 *
 * Dates: D0 is Monday 2026-03-02; D0+5/+6 and D0+12/+13 are weekends. */
#include "plan_env.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------------- */
/* Planner rules */

/* Big rocks first: Q1, Q2, Q3, Q4 within a day; within a class the higher
 * escalation level first, then the higher grade (bigger rocks), then the
 * more overdue, then the higher value. */
static void big_rocks_first(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    ccad_customer q4 = cust("q4", CCAD_GRADE_C, 10, d0 - 28);
    ccad_customer q3 = cust("q3", CCAD_GRADE_C, 20, d0 - 3);
    ccad_customer q2 = cust("q2", CCAD_GRADE_B, 30, d0 - 7);
    ccad_customer q2o = cust("q2o", CCAD_GRADE_B, 5, d0 - 12);
    ccad_customer q2a = cust("q2a", CCAD_GRADE_A, 1, d0 - 3);
    ccad_customer q2b = cust("q2b", CCAD_GRADE_B, 2, d0 - 10); /* due Friday: 3 days overdue */
    ccad_customer q1 = cust("q1", CCAD_GRADE_B, 40, d0 - 1);
    uint32_t i4, i3, i2, i2o, i2a, i2b, i1;
    ccad_schedule *s;
    q3.request_date = d0;
    q1.purchase_date = d0 + 3;
    i4 = add(e, &q4);
    i3 = add(e, &q3);
    i2 = add(e, &q2);
    i2o = add(e, &q2o);
    i2a = add(e, &q2a);
    i2b = add(e, &q2b);
    set(e, "escalate.rep_days", 4); /* 3 days overdue: no escalation yet */
    i1 = add(e, &q1);
    grade(e);
    s = plan(e, d0, 1, 10);
    assert_int_equal(ccad_schedule_item_count(s), 7);
    {
        /* Q2: q2o escalated (5 days overdue: the manager), then the A
         * customer due today before the B one 3 days overdue, then the B
         * one due today */
        const uint32_t want[7] = {i1, i2o, i2a, i2b, i2, i3, i4};
        const int quad[7] = {CCAD_Q1, CCAD_Q2, CCAD_Q2, CCAD_Q2, CCAD_Q2, CCAD_Q3, CCAD_Q4};
        size_t k;
        for (k = 0; k < 7; k++) {
            ccad_item it = tu_item(s, k);
            assert_int_equal(it.customer, want[k]);
            assert_int_equal(it.quadrant, quad[k]);
            assert_int_equal(it.priority, (int32_t)k + 1);
            assert_int_equal(it.date, d0);
            assert_int_equal(it.delegated, CCAD_BY_REP);
            assert_int_equal(it.kind, k == 6 ? CCAD_ITEM_CALL : CCAD_ITEM_VISIT);
            assert_true(it.reason_count >= 2);
            assert_int_equal(it.reasons[0].why, CCAD_WHY_PLAN_DUE);
            assert_int_equal(it.reasons[0].rule, CCAD_RULE_QUADRANT);
            assert_true(it.reasons[0].b == (int64_t)quad[k]);              /* planning class */
            assert_true(it.reasons[0].c == (k == 1 ? 5 : k == 3 ? 3 : 0)); /* days overdue */
        }
    }
    /* with room for 3, the big rocks take it; Q2 is over capacity, not Q3/Q4 */
    ccad_schedule_free(s);
    s = plan(e, d0, 1, 3);
    assert_int_equal(ccad_schedule_item_count(s), 4); /* Q3 delegated */
    assert_int_equal(tu_item(s, 0).customer, i1);
    assert_int_equal(tu_item(s, 1).customer, i2o);
    assert_int_equal(tu_item(s, 2).customer, i2a);
    assert_int_equal(tu_item(s, 3).customer, i3);
    assert_int_equal(tu_item(s, 3).delegated, CCAD_BY_COLLEAGUE);
    assert_int_equal(tu_count_findings(s, CCAD_FIND_OVER_CAPACITY, -1), 1);
    ccad_schedule_free(s);
}

/* Q3 without room: delegated to a colleague; with capacity.delegate_q3 = 0
 * it waits and is planned on the next day with room, rolled over. */
static void q3_delegated_or_waits(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    ccad_customer a = cust("a", CCAD_GRADE_A, 100, d0 - 1);
    ccad_customer c = cust("c", CCAD_GRADE_C, 1, d0 - 5);
    uint32_t ia, ic;
    ccad_schedule *s;
    ccad_item it;
    a.purchase_date = d0; /* Q1 today only; next A contact due d0 + 3 */
    c.request_date = d0;
    ia = add(e, &a);
    ic = add(e, &c);
    grade(e);
    s = plan(e, d0, 3, 1);
    assert_int_equal(item_on(s, ia, d0).delegated, CCAD_BY_REP);
    it = item_on(s, ic, d0);
    assert_int_equal(it.delegated, CCAD_BY_COLLEAGUE);
    assert_int_equal(it.rolled_from, CCAD_NO_DATE);
    assert_int_equal(count_day_overcap(s), 0);
    ccad_schedule_free(s);

    set(e, "capacity.delegate_q3", 0);
    s = plan(e, d0, 3, 1);
    assert_false(has_item_on(s, ic, d0));
    it = item_on(s, ic, d0 + 1);
    assert_int_equal(it.delegated, CCAD_BY_REP);
    assert_int_equal(it.rolled_from, d0);
    tu_reason_is(&it.reasons[0], CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_ROLLED, d0, 1, 0);
    /* a waiting Q3 is not an important contact: no over-capacity finding */
    assert_int_equal(count_day_overcap(s), 0);
    ccad_schedule_free(s);
}

/* Q4 rolls over day to day (rolled_from set) and is dropped after
 * capacity.q4_rollover_days with a DROPPED finding. */
static void q4_rolls_over_and_drops(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    ccad_customer a = cust("a", CCAD_GRADE_A, 100, d0 - 1);
    uint32_t ia, ic;
    ccad_schedule *s;
    ccad_finding f;
    a.purchase_date = d0 + 6; /* Q1, daily, the whole week */
    ia = add(e, &a);
    ic = add_simple(e, "c", CCAD_GRADE_C, 1, d0 - 28); /* Q4, due d0 */
    grade(e);
    s = plan(e, d0, 7, 1);
    assert_int_equal(tu_items_of(s, ic, 0, NULL, 0), 0);
    assert_int_equal(tu_items_of(s, ia, 0, NULL, 0), 5);
    assert_int_equal(tu_count_findings(s, CCAD_FIND_DROPPED, -2), 1);
    f = tu_find_of(s, CCAD_FIND_DROPPED, ic);
    assert_int_equal(f.date, d0 + 3);
    assert_true(f.reason_count >= 1);
    tu_reason_is(&f.reasons[0], CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_DROPPED, d0, 3, 0);
    /* dropped is not also unplanned, and a waiting Q4 is not over capacity */
    assert_int_equal(tu_count_findings(s, CCAD_FIND_UNPLANNED, ic), 0);
    assert_int_equal(count_day_overcap(s), 0);
    ccad_schedule_free(s);

    /* drop after one day of waiting */
    set(e, "capacity.q4_rollover_days", 1);
    s = plan(e, d0, 7, 1);
    f = tu_find_of(s, CCAD_FIND_DROPPED, ic);
    assert_int_equal(f.date, d0 + 1);
    tu_reason_is(&f.reasons[0], CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_DROPPED, d0, 1, 0);
    ccad_schedule_free(s);
}

static void q4_rolled_then_planned(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    ccad_customer a = cust("a", CCAD_GRADE_A, 100, d0 - 1);
    uint32_t ic;
    ccad_schedule *s;
    ccad_item it;
    a.purchase_date = d0; /* Q1 on d0 only */
    add(e, &a);
    ic = add_simple(e, "c", CCAD_GRADE_C, 1, d0 - 28);
    grade(e);
    s = plan(e, d0, 3, 1);
    assert_false(has_item_on(s, ic, d0));
    it = item_on(s, ic, d0 + 1);
    assert_int_equal(it.kind, CCAD_ITEM_CALL); /* Q4 contacts are calls */
    assert_int_equal(it.quadrant, CCAD_Q4);
    assert_int_equal(it.rolled_from, d0);
    assert_int_equal(it.delegated, CCAD_BY_REP);
    tu_reason_is(&it.reasons[0], CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_ROLLED, d0, 1, 0);
    assert_int_equal(tu_count_findings(s, CCAD_FIND_DROPPED, -2), 0);
    ccad_schedule_free(s);
}

/* Nothing is planned on days that are not working days (a holiday, the
 * weekend); the contact falls on the next working day. */
static void non_working_days(void **state)
{
    env *e = *state;
    int32_t d0 = D0, d;
    ccad_customer a = cust("a", CCAD_GRADE_A, 100, d0 - 1);
    uint32_t ia;
    ccad_schedule *s;
    size_t i;
    a.purchase_date = d0 + 7;
    ia = add(e, &a);
    add_simple(e, "c", CCAD_GRADE_C, 1, d0 - 30);
    grade(e);
    e->holiday[e->n_holiday++] = d0 + 2; /* Wednesday */
    s = plan(e, d0, 8, 8);
    for (i = 0; i < ccad_schedule_item_count(s); i++) {
        ccad_item it = tu_item(s, i);
        assert_true(it.date != d0 + 2 && it.date != d0 + 5 && it.date != d0 + 6);
    }
    for (d = d0; d < d0 + 8; d++)
        assert_int_equal(has_item_on(s, ia, d), d != d0 + 2 && d != d0 + 5 && d != d0 + 6);
    /* Thursday's contact was due on the holiday: planned-away, not late */
    assert_true(item_on(s, ia, d0 + 3).reasons[0].c == 0);
    assert_int_equal(e->cal_calls, 8); /* one calendar call per day */
    ccad_schedule_free(s);
}

/* Absence: Q1-Q3 contacts due that day go to the substitute; Q4 waits. */
static void absence_substitute(void **state)
{
    env *e = *state;
    int32_t d0 = D0, da = D0 + 1;
    ccad_customer q1 = cust("q1", CCAD_GRADE_A, 100, d0 - 1);
    ccad_customer q3 = cust("q3", CCAD_GRADE_C, 2, d0 - 5);
    uint32_t i1, i2, i3, i4;
    ccad_schedule *s;
    ccad_item it;
    q1.purchase_date = d0 + 4;
    q3.request_date = da;
    set(e, "capacity.pull_ahead_days", 0);
    i1 = add(e, &q1);
    i2 = add_simple(e, "q2", CCAD_GRADE_B, 50, da - 7);
    i3 = add(e, &q3);
    i4 = add_simple(e, "q4", CCAD_GRADE_C, 1, da - 28);
    grade(e);
    e->absent[e->n_absent++] = da;
    s = plan(e, d0, 5, 8);
    {
        const uint32_t who[3] = {i1, i2, i3};
        int k;
        for (k = 0; k < 3; k++) {
            it = item_on(s, who[k], da);
            assert_int_equal(it.delegated, CCAD_BY_SUBSTITUTE);
            tu_reason_is(&it.reasons[0], CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_ABSENT, da, 0, 0);
        }
    }
    assert_false(has_item_on(s, i4, da));
    /* the Q4 call waited through the absence and is planned next, rolled */
    it = item_on(s, i4, da + 1);
    assert_int_equal(it.delegated, CCAD_BY_REP);
    assert_int_equal(it.rolled_from, da);
    /* the substitute's visits restart the clock: Q1 is due again next day */
    assert_int_equal(item_on(s, i1, da + 1).priority, 1);
    ccad_schedule_free(s);
}

/* An absence that covers a weekend (a leave from Saturday to Monday)
 * hands the substitute nothing on Saturday and Sunday: contacts fall due on
 * working weekdays only (freq.work_days), and the absence replaces the rep
 * only on days the rep would have worked. A contact left over from Friday
 * goes to the substitute on Monday. */
static void absence_on_weekend(void **state)
{
    env *e = *state;
    int32_t d0 = D0, fri = D0 + 4;
    ccad_customer q1 = cust("q1", CCAD_GRADE_A, 100, d0 + 3);
    uint32_t i1, ib;
    ccad_schedule *s;
    size_t i;
    q1.purchase_date = d0 + 6;
    i1 = add(e, &q1);
    ib = add_simple(e, "b", CCAD_GRADE_B, 50, d0 - 5); /* overdue since d0 + 2 */
    grade(e);
    e->absent[e->n_absent++] = fri + 1;
    e->absent[e->n_absent++] = fri + 2;
    e->absent[e->n_absent++] = fri + 3;
    s = plan(e, fri, 5, 1);
    assert_int_equal(item_on(s, i1, fri).delegated, CCAD_BY_REP);
    assert_false(has_item_on(s, ib, fri));
    for (i = 0; i < ccad_schedule_item_count(s); i++) {
        ccad_item it = tu_item(s, i);
        if (it.date == fri + 1 || it.date == fri + 2)
            print_message("item on the weekend: customer %u, D0%+d, delegated %d\n", it.customer,
                          (int)(it.date - d0), it.delegated);
        assert_true(it.date != fri + 1 && it.date != fri + 2);
    }
    assert_int_equal(item_on(s, ib, fri + 3).delegated, CCAD_BY_SUBSTITUTE);
    assert_int_equal(item_on(s, i1, fri + 3).delegated, CCAD_BY_SUBSTITUTE);
    ccad_schedule_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        PLAN_TEST(big_rocks_first),         PLAN_TEST(q3_delegated_or_waits),
        PLAN_TEST(q4_rolls_over_and_drops), PLAN_TEST(q4_rolled_then_planned),
        PLAN_TEST(non_working_days),        PLAN_TEST(absence_substitute),
        PLAN_TEST(absence_on_weekend),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
