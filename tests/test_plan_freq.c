/* Planner rule FREQ: contact dates from the frequencies and pull-ahead
 * (levelling, days without room, the minute limit, an early contact that
 * must not cost a Q1 customer its week). Fixture: tests/plan_env.h.
 *
 * Dates: D0 is Monday 2026-03-02; D0+5/+6 and D0+12/+13 are weekends. */
#include "plan_env.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* FREQ as dates (pull-ahead off, ample room): A every 3 days, B weekly,
 * Q1 within a week every working day; each planned contact restarts the
 * clock; due dates on weekends move to Monday. */
static void freq_as_dates(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    ccad_customer q1 = cust("q1", CCAD_GRADE_A, 300, d0 - 1);
    uint32_t ia, ib, iq;
    ccad_item it[32];
    ccad_schedule *s;
    size_t n, k;
    set(e, "capacity.pull_ahead_days", 0);
    q1.purchase_date = d0 + 4;
    ia = add_simple(e, "a", CCAD_GRADE_A, 200, d0 - 1); /* due d0 + 2 */
    ib = add_simple(e, "b", CCAD_GRADE_B, 100, d0 - 3); /* due d0 + 4 */
    iq = add(e, &q1);
    grade(e);
    s = plan(e, d0, 28, 8);
    {
        const int32_t want[] = {2, 7, 10, 14, 17, 21, 24};
        n = tu_items_of(s, ia, 0, it, 32);
        assert_int_equal(n, sizeof want / sizeof want[0]);
        for (k = 0; k < n; k++) {
            assert_int_equal(it[k].date, d0 + want[k]);
            assert_int_equal(it[k].kind, CCAD_ITEM_VISIT);
            assert_int_equal(it[k].quadrant, CCAD_Q2);
        }
        /* the reasons carry the frequency and the clock */
        tu_reason_is(&it[1].reasons[0], CCAD_RULE_QUADRANT, CCAD_WHY_PLAN_DUE, d0 + 7, 2, 0);
    }
    {
        const int32_t want[] = {4, 11, 18, 25};
        n = tu_items_of(s, ib, 0, it, 32);
        assert_int_equal(n, 4);
        for (k = 0; k < n; k++)
            assert_int_equal(it[k].date, d0 + want[k]);
    }
    {
        /* Q1 within 7 days: Mon..Fri, then (purchase passed) A every 3 days */
        const int32_t want[] = {0, 1, 2, 3, 4, 7, 10, 14, 17, 21, 24};
        n = tu_items_of(s, iq, 0, it, 32);
        assert_int_equal(n, sizeof want / sizeof want[0]);
        for (k = 0; k < n; k++)
            assert_int_equal(it[k].date, d0 + want[k]);
        for (k = 0; k < 5; k++)
            assert_int_equal(it[k].quadrant, CCAD_Q1);
        assert_int_equal(it[5].quadrant, CCAD_Q2);
    }
    ccad_schedule_free(s);
}

/* Pull-ahead never raises a frequency without need: with room on every day
 * and no coming day over its capacity nothing is planned early, and the
 * schedule is the one planned with capacity.pull_ahead_days = 0, item for
 * item: the A customer (every 3 days) on its due days D0+2, 7, 10, 14, 17,
 * 21, 24, the B customer (weekly) on D0+4, 11, 18, 25, no more than the
 * workload table asks for. */
static void pull_ahead_keeps_frequency(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    uint32_t ia, ib;
    ccad_schedule *s, *s0;
    ccad_item it[32];
    ccad_workload w = CCAD_WORKLOAD_INIT;
    size_t n, k;
    ia = add_simple(e, "a", CCAD_GRADE_A, 200, d0 - 1);
    ib = add_simple(e, "b", CCAD_GRADE_B, 100, d0 - 3);
    grade(e);
    s = plan(e, d0, 28, 8);
    w.period_days = 28;
    w.visits_per_day = 8;
    TU_PASS(e->fx.ctx, ccad_book_workload(e->fx.b, e->fx.r, d0, &w));
    print_message("A: %lu contacts planned in 28 days (FREQ: %lld), B: %lu (FREQ: %lld)\n",
                  (unsigned long)tu_items_of(s, ia, 0, NULL, 0), (long long)w.rows[0].visits,
                  (unsigned long)tu_items_of(s, ib, 0, NULL, 0), (long long)w.rows[1].visits);
    {
        const int32_t due[7] = {2, 7, 10, 14, 17, 21, 24};
        n = tu_items_of(s, ia, 0, it, 32);
        assert_int_equal(n, 7);
        for (k = 0; k < n; k++) {
            assert_int_equal(it[k].date, d0 + due[k]);
            tu_reason_is(&it[k].reasons[0], CCAD_RULE_QUADRANT, CCAD_WHY_PLAN_DUE, d0 + due[k], 2,
                         0);
        }
    }
    {
        const int32_t due[4] = {4, 11, 18, 25};
        n = tu_items_of(s, ib, 0, it, 32);
        assert_int_equal(n, 4);
        for (k = 0; k < n; k++) {
            assert_int_equal(it[k].date, d0 + due[k]);
            tu_reason_is(&it[k].reasons[0], CCAD_RULE_QUADRANT, CCAD_WHY_PLAN_DUE, d0 + due[k], 2,
                         0);
        }
    }
    assert_true((int64_t)tu_items_of(s, ia, 0, NULL, 0) <= w.rows[0].visits);
    assert_true((int64_t)tu_items_of(s, ib, 0, NULL, 0) <= w.rows[1].visits);
    set(e, "capacity.pull_ahead_days", 0);
    s0 = plan(e, d0, 28, 8);
    tu_schedules_equal(s, s0);
    ccad_schedule_free(s0);
    ccad_schedule_free(s);
}

/* The early contacts of one day: customer and due date, in planning order. */
static size_t early_on(const ccad_schedule *s, int32_t d, uint32_t *who, int32_t *due, size_t cap)
{
    size_t i, n = 0;
    for (i = 0; i < ccad_schedule_item_count(s); i++) {
        ccad_item it = tu_item(s, i);
        if (it.date != d || it.kind == CCAD_ITEM_TOUCH || it.reason_count == 0 ||
            it.reasons[0].why != CCAD_WHY_PLAN_EARLY)
            continue;
        assert_int_equal(it.reasons[0].rule, CCAD_RULE_CAPACITY);
        assert_int_equal(it.reasons[0].b, it.reasons[0].a - d);
        assert_int_equal(it.delegated, CCAD_BY_REP);
        assert_true(n < cap);
        who[n] = it.customer;
        due[n] = (int32_t)it.reasons[0].a;
        n++;
    }
    return n;
}

/* Pull-ahead levelling: a day with spare room takes important contacts
 * forward only from coming days (within capacity.pull_ahead_days) that are
 * over their capacity, at most each such day's excess, earliest due first
 * (then as the day's own order: grade, value). */
static void pull_ahead_levelling(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    uint32_t i3, i2, i1, who[8];
    int32_t due[8];
    ccad_schedule *s;
    ccad_item it;
    /* three A customers due D0+2 (Wed), room for 2 a day: Wednesday is over
     * by one, so Monday takes exactly one, the most valuable */
    i3 = add_simple(e, "a300", CCAD_GRADE_A, 300, d0 - 1);
    i2 = add_simple(e, "a200", CCAD_GRADE_A, 200, d0 - 1);
    i1 = add_simple(e, "a100", CCAD_GRADE_A, 100, d0 - 1);
    grade(e);
    s = plan(e, d0, 3, 2);
    assert_int_equal(early_on(s, d0, who, due, 8), 1);
    assert_int_equal(who[0], i3);
    assert_int_equal(due[0], d0 + 2);
    it = item_on(s, i3, d0);
    assert_int_equal(it.kind, CCAD_ITEM_VISIT);
    assert_int_equal(it.quadrant, CCAD_Q2);
    assert_int_equal(it.priority, 1);
    tu_reason_is(&it.reasons[0], CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_EARLY, d0 + 2, 2, 0);
    /* Tuesday: Wednesday is no longer over, nothing early */
    assert_int_equal(early_on(s, d0 + 1, who, due, 8), 0);
    assert_false(has_item_on(s, i3, d0 + 1));
    /* Wednesday: the other two, on their due day; the early contact's
     * clock restarted on Monday (due Thursday), so not again */
    tu_reason_is(&item_on(s, i2, d0 + 2).reasons[0], CCAD_RULE_QUADRANT, CCAD_WHY_PLAN_DUE, d0 + 2,
                 2, 0);
    tu_reason_is(&item_on(s, i1, d0 + 2).reasons[0], CCAD_RULE_QUADRANT, CCAD_WHY_PLAN_DUE, d0 + 2,
                 2, 0);
    assert_false(has_item_on(s, i3, d0 + 2));
    assert_int_equal(ccad_schedule_item_count(s), 3);
    assert_int_equal(count_day_overcap(s), 0);
    ccad_schedule_free(s);
    /* room for 3: no coming day over, nothing early */
    s = plan(e, d0, 3, 3);
    assert_int_equal(early_on(s, d0, who, due, 8) + early_on(s, d0 + 1, who, due, 8), 0);
    assert_int_equal(ccad_schedule_item_count(s), 3);
    ccad_schedule_free(s);
    /* the coming day beyond the range: not known, nothing early */
    s = plan(e, d0, 2, 2);
    assert_int_equal(ccad_schedule_item_count(s), 0);
    ccad_schedule_free(s);
    /* capacity.pull_ahead_days 1: Wednesday is two days ahead of Monday,
     * one ahead of Tuesday: Tuesday takes the excess */
    set(e, "capacity.pull_ahead_days", 1);
    s = plan(e, d0, 3, 2);
    assert_int_equal(early_on(s, d0, who, due, 8), 0);
    assert_int_equal(early_on(s, d0 + 1, who, due, 8), 1);
    assert_int_equal(who[0], i3);
    tu_reason_is(&item_on(s, i3, d0 + 1).reasons[0], CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_EARLY,
                 d0 + 2, 1, 0);
    ccad_schedule_free(s);
    /* 0: never early; Wednesday's third contact waits for Thursday */
    set(e, "capacity.pull_ahead_days", 0);
    s = plan(e, d0, 4, 2);
    assert_int_equal(early_on(s, d0, who, due, 8) + early_on(s, d0 + 1, who, due, 8), 0);
    assert_true(has_item_on(s, i3, d0 + 2));
    assert_true(has_item_on(s, i2, d0 + 2));
    assert_int_equal(item_on(s, i1, d0 + 3).reasons[0].why, CCAD_WHY_PLAN_ROLLED);
    assert_int_equal(count_day_overcap(s), 1);
    ccad_schedule_free(s);
    set(e, "capacity.pull_ahead_days", 2);
    /* earliest due first: two customers due Tuesday (worth less) besides
     * the three due Wednesday, room for 1 a day: Tuesday is over by 1 and
     * Wednesday by 2; Monday's one slot goes to Tuesday's excess */
    {
        uint32_t j2 = add_simple(e, "t20", CCAD_GRADE_A, 20, d0 - 2); /* due D0+1 */
        uint32_t j1 = add_simple(e, "t10", CCAD_GRADE_A, 10, d0 - 2);
        grade(e);
        s = plan(e, d0, 3, 1);
        assert_int_equal(early_on(s, d0, who, due, 8), 1);
        assert_int_equal(who[0], j2); /* due Tuesday, though worth less */
        assert_int_equal(due[0], d0 + 1);
        /* Tuesday is full with its own contact: nothing early */
        assert_int_equal(early_on(s, d0 + 1, who, due, 8), 0);
        assert_true(has_item_on(s, j1, d0 + 1));
        ccad_schedule_free(s);
        /* room for 3: Tuesday (2 due) is not over, Wednesday (3) is not
         * either: nothing early */
        s = plan(e, d0, 3, 3);
        assert_int_equal(early_on(s, d0, who, due, 8), 0);
        ccad_schedule_free(s);
    }
}

/* Pull-ahead from a coming day without room: a non-working day (a holiday)
 * or an absence counts as over by all the contacts falling due on it, so
 * the rep meets them before; not Q3/Q4 contacts, not on an absent day, not
 * without room; the minute limit counts too. */
static void pull_ahead_days_without_room(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    uint32_t ia, ic, who[8];
    int32_t due[8];
    ccad_schedule *s;
    ia = add_simple(e, "a", CCAD_GRADE_A, 200, d0 - 1); /* due D0+2 */
    ic = add_simple(e, "c", CCAD_GRADE_C, 1, d0 - 26);  /* Q4, due D0+2 */
    grade(e);
    /* Wednesday a holiday: the A contact due that day is met on Monday
     * (the first day it is within 2 days), with an honest clock: due again
     * on Thursday, a full interval after Monday */
    e->holiday[e->n_holiday++] = d0 + 2;
    s = plan(e, d0, 5, 8);
    assert_int_equal(early_on(s, d0, who, due, 8), 1);
    assert_int_equal(who[0], ia);
    tu_reason_is(&item_on(s, ia, d0).reasons[0], CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_EARLY, d0 + 2, 2,
                 0);
    assert_false(has_item_on(s, ia, d0 + 1));
    tu_reason_is(&item_on(s, ia, d0 + 3).reasons[0], CCAD_RULE_QUADRANT, CCAD_WHY_PLAN_DUE, d0 + 3,
                 2, 0);
    assert_false(has_item_on(s, ia, d0 + 4));
    /* the Q4 customer due on the holiday is not pulled: it waits for
     * Thursday, rolled over */
    assert_false(has_item_on(s, ic, d0));
    assert_false(has_item_on(s, ic, d0 + 1));
    assert_int_equal(item_on(s, ic, d0 + 3).kind, CCAD_ITEM_CALL);
    ccad_schedule_free(s);
    /* days without spare room pull nothing: a Q1 customer due every day
     * fills Monday and Tuesday (room for 1) */
    {
        ccad_customer q1 = cust("q1", CCAD_GRADE_B, 300, d0 - 1);
        q1.purchase_date = d0 + 3; /* Q1, due every day */
        add(e, &q1);
        grade(e);
    }
    s = plan(e, d0, 5, 1);
    assert_int_equal(early_on(s, d0, who, due, 8), 0);
    assert_int_equal(early_on(s, d0 + 1, who, due, 8), 0); /* Tuesday full too */
    assert_false(has_item_on(s, ia, d0));
    assert_false(has_item_on(s, ia, d0 + 1));
    ccad_schedule_free(s);
    e->n_holiday = 0;
    /* Tuesday absent: the A customer due Wednesday is not early from an
     * absent day; Wednesday is not over: on its day */
    e->absent[e->n_absent++] = d0 + 1;
    s = plan(e, d0, 3, 8);
    assert_int_equal(early_on(s, d0, who, due, 8), 0);
    assert_int_equal(early_on(s, d0 + 1, who, due, 8), 0);
    assert_int_equal(item_on(s, ia, d0 + 2).reasons[0].why, CCAD_WHY_PLAN_DUE);
    ccad_schedule_free(s);
    e->n_absent = 0;
    /* Wednesday absent: counted as over, the A contact is met on Monday by
     * the rep rather than by the substitute */
    e->absent[e->n_absent++] = d0 + 2;
    s = plan(e, d0, 3, 8);
    assert_int_equal(early_on(s, d0, who, due, 8), 1);
    assert_int_equal(who[0], ia);
    assert_false(has_item_on(s, ia, d0 + 2));
    ccad_schedule_free(s);
    e->n_absent = 0;
}

/* The minute limit: a coming day over its minutes is over by the minutes
 * beyond it in B visits (route.service_b_min), rounded up. */
static void pull_ahead_minutes(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    uint32_t who[8];
    int32_t due[8];
    ccad_schedule *s;
    ccad_plan_options o = opts(d0, 3, 0);
    uint32_t i3 = add_simple(e, "a300", CCAD_GRADE_A, 300, d0 - 1); /* due D0+2, 60 min */
    add_simple(e, "a200", CCAD_GRADE_A, 200, d0 - 1);
    add_simple(e, "a100", CCAD_GRADE_A, 100, d0 - 1);
    grade(e);
    /* 180 minutes due Wednesday, 150 a day: over by ceil(30 / 45) = 1 */
    o.minutes_per_day = 150;
    s = plan_o(e, &o);
    assert_int_equal(early_on(s, d0, who, due, 8), 1);
    assert_int_equal(who[0], i3);
    assert_int_equal(early_on(s, d0 + 1, who, due, 8), 0);
    ccad_schedule_free(s);
    /* 180 a day: not over */
    o.minutes_per_day = 180;
    s = plan_o(e, &o);
    assert_int_equal(early_on(s, d0, who, due, 8), 0);
    ccad_schedule_free(s);
    /* 90 a day: over by ceil(90 / 45) = 2, and Monday has room for one
     * A visit (60 minutes) only */
    o.minutes_per_day = 90;
    s = plan_o(e, &o);
    assert_int_equal(early_on(s, d0, who, due, 8), 1);
    assert_int_equal(early_on(s, d0 + 1, who, due, 8), 1);
    ccad_schedule_free(s);
}

/* FREQ and pull-ahead: an early contact must not cost an important
 * customer's daily contacts in its purchase week. A customer buying on D0+8
 * is at the two-weeks level on D0 (every 2 days, due D0+1) and at the week
 * level from D0+1 (every day): a contact is due on every working day
 * D0+1..D0+8. With room nothing is early; with Tuesday over its capacity
 * (room for 2, three contacts due) Monday takes the Q1 contact first, and
 * the clock restarting on Monday it is still met every day after. */
static void q1_week_after_early_contact(void **state)
{
    env *e = *state;
    int32_t d0 = D0, d;
    ccad_customer q = cust("q", CCAD_GRADE_A, 100, d0 - 1);
    uint32_t iq, x1 = 0, x2 = 0;
    ccad_schedule *s;
    int round;
    q.purchase_date = d0 + 8;
    iq = add(e, &q);
    grade(e);
    for (round = 0; round < 2; round++) {
        s = plan(e, d0, 9, round == 0 ? 8 : 2);
        if (round == 0) {
            assert_false(has_item_on(s, iq, d0));
        } else {
            ccad_item it = item_on(s, iq, d0);
            assert_int_equal(it.quadrant, CCAD_Q1);
            tu_reason_is(&it.reasons[0], CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_EARLY, d0 + 1, 1, 0);
            /* exactly Tuesday's excess: one */
            assert_false(has_item_on(s, x1, d0));
            assert_false(has_item_on(s, x2, d0));
        }
        for (d = d0 + 1; d <= d0 + 8; d++) {
            if (tu_weekday(d) > 5)
                continue;
            if (!has_item_on(s, iq, d))
                print_message("Q1 (buying D0+8) has no contact on D0%+d\n", (int)(d - d0));
            assert_true(has_item_on(s, iq, d));
            assert_int_equal(item_on(s, iq, d).reasons[0].why, CCAD_WHY_PLAN_DUE);
        }
        ccad_schedule_free(s);
        if (round == 0) {
            x1 = add_simple(e, "x1", CCAD_GRADE_A, 900, d0 - 2); /* due D0+1 */
            x2 = add_simple(e, "x2", CCAD_GRADE_A, 800, d0 - 2);
            grade(e);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        PLAN_TEST(freq_as_dates),        PLAN_TEST(pull_ahead_keeps_frequency),
        PLAN_TEST(pull_ahead_levelling), PLAN_TEST(pull_ahead_days_without_room),
        PLAN_TEST(pull_ahead_minutes),   PLAN_TEST(q1_week_after_early_contact),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
