/* Planner rules PERSIST, COMPLAINT and KEEPWARM: persist blocks, open and
 * resolved complaints, special-day touches and one item per customer and
 * day. Fixture: tests/plan_env.h.
 *
 * Dates: D0 is Monday 2026-03-02; D0+5/+6 and D0+12/+13 are weekends. */
#include "plan_env.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* PERSIST: a push-needed active customer gets a block of persist.block_days
 * (3) consecutive working days, block_day 1..3, and no second block within
 * persist.cycle_days (28). */
static void persist_blocks(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    ccad_customer p = cust("push", CCAD_GRADE_B, 100, d0 - 4); /* due Thursday d0 + 3 */
    ccad_customer sd = cust("self", CCAD_GRADE_B, 90, d0 - 4);
    uint32_t ip, isd;
    ccad_item it[40];
    ccad_schedule *s;
    size_t n, k, starts = 0;
    int32_t last_start = CCAD_NO_DATE;
    set(e, "capacity.pull_ahead_days", 0);
    p.status = CCAD_STATUS_ACTIVE;
    p.monthly_volume = 6000000; /* between triage.push_volume and self_driven */
    sd.status = CCAD_STATUS_ACTIVE;
    sd.monthly_volume = 9000000; /* self-driven: never persisted */
    ip = add(e, &p);
    isd = add(e, &sd);
    grade(e);
    s = plan(e, d0, 60, 8);
    n = tu_items_of(s, ip, 0, it, 40);
    assert_true(n >= 4);
    /* the first block: Thursday, Friday, Monday */
    {
        const int32_t want[3] = {3, 4, 7};
        for (k = 0; k < 3; k++) {
            assert_int_equal(it[k].date, d0 + want[k]);
            assert_int_equal(it[k].kind, CCAD_ITEM_PERSIST);
            assert_int_equal(it[k].block_day, (int32_t)k + 1);
            tu_reason_is(&it[k].reasons[0], CCAD_RULE_PERSIST, CCAD_WHY_PERSIST_BLOCK,
                         (int64_t)k + 1, 3, 28);
        }
    }
    /* after the block the weekly rhythm; blocks again only after 28 days */
    assert_int_equal(it[3].kind, CCAD_ITEM_VISIT);
    assert_int_equal(it[3].block_day, 0);
    for (k = 0; k < n; k++) {
        if (it[k].block_day == 1) {
            if (last_start != CCAD_NO_DATE)
                assert_true(it[k].date - last_start >= 28);
            last_start = it[k].date;
            starts++;
            /* each block: block_day 1..3 on consecutive working days */
            assert_true(k + 2 < n);
            assert_int_equal(it[k + 1].block_day, 2);
            assert_int_equal(it[k + 2].block_day, 3);
            {
                int32_t d;
                for (d = it[k].date + 1; d < it[k + 2].date; d++)
                    if (d != it[k + 1].date)
                        assert_true(tu_weekday(d) > 5);
            }
        } else if (it[k].kind == CCAD_ITEM_PERSIST) {
            assert_true(it[k].block_day == 2 || it[k].block_day == 3);
        }
    }
    assert_int_equal(starts, 2);
    n = tu_items_of(s, isd, 0, it, 40);
    for (k = 0; k < n; k++)
        assert_int_equal(it[k].kind, CCAD_ITEM_VISIT);
    ccad_schedule_free(s);
}

/* PERSIST: a block is the rep's own work and starts only on one of the
 * rep's days. Due on an absent Thursday, the push-needed customer is a plain
 * visit for the substitute (no block day); the clock restarts that day, and
 * the block starts on the next Thursday the rep is there: D0+10, 11, 14. */
static void persist_block_needs_rep(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    ccad_customer p = cust("push", CCAD_GRADE_B, 100, d0 - 4); /* due Thursday d0 + 3 */
    uint32_t ip;
    ccad_item it[8];
    ccad_schedule *s;
    size_t n, k;
    set(e, "capacity.pull_ahead_days", 0);
    p.status = CCAD_STATUS_ACTIVE;
    p.monthly_volume = 6000000;
    ip = add(e, &p);
    grade(e);
    e->absent[e->n_absent++] = d0 + 3;
    s = plan(e, d0, 15, 8);
    n = tu_items_of(s, ip, 0, it, 8);
    assert_int_equal(n, 4);
    assert_int_equal(it[0].date, d0 + 3);
    assert_int_equal(it[0].kind, CCAD_ITEM_VISIT);
    assert_int_equal(it[0].block_day, 0);
    assert_int_equal(it[0].delegated, CCAD_BY_SUBSTITUTE);
    tu_reason_is(&it[0].reasons[0], CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_ABSENT, d0 + 3, 0, 0);
    {
        const int32_t want[3] = {10, 11, 14};
        for (k = 0; k < 3; k++) {
            assert_int_equal(it[k + 1].date, d0 + want[k]);
            assert_int_equal(it[k + 1].kind, CCAD_ITEM_PERSIST);
            assert_int_equal(it[k + 1].block_day, (int32_t)k + 1);
            assert_int_equal(it[k + 1].delegated, CCAD_BY_REP);
        }
    }
    ccad_schedule_free(s);
    /* the substitute on a block's later day: the block goes on, by the
     * substitute (only its first day must be the rep's) */
    e->n_absent = 0;
    e->absent[e->n_absent++] = d0 + 4;
    s = plan(e, d0, 8, 8);
    n = tu_items_of(s, ip, 0, it, 8);
    assert_int_equal(n, 3);
    assert_int_equal(it[0].block_day, 1);
    assert_int_equal(it[0].delegated, CCAD_BY_REP);
    assert_int_equal(it[1].date, d0 + 4);
    assert_int_equal(it[1].block_day, 2);
    assert_int_equal(it[1].delegated, CCAD_BY_SUBSTITUTE);
    assert_int_equal(it[2].date, d0 + 7);
    assert_int_equal(it[2].block_day, 3);
    ccad_schedule_free(s);
}

/* COMPLAINT: an open complaint is contacted every working day. */
static void complaint_open_daily(void **state)
{
    env *e = *state;
    int32_t d0 = D0, d;
    ccad_customer b = cust("b", CCAD_GRADE_B, 100, d0 - 2);
    ccad_customer c = cust("c", CCAD_GRADE_C, 1, d0 - 2);
    uint32_t ib, ic;
    ccad_schedule *s;
    b.complaint = CCAD_COMPLAINT_OPEN;
    b.complaint_date = d0 - 1;
    c.complaint = CCAD_COMPLAINT_OPEN;
    c.complaint_date = d0;
    ib = add(e, &b);
    ic = add(e, &c);
    grade(e);
    s = plan(e, d0, 14, 8);
    for (d = d0; d < d0 + 14; d++) {
        int work = tu_weekday(d) <= 5;
        assert_int_equal(has_item_on(s, ib, d), work);
        assert_int_equal(has_item_on(s, ic, d), work);
        if (work) {
            assert_int_equal(item_on(s, ib, d).quadrant, CCAD_Q1);
            assert_int_equal(item_on(s, ic, d).quadrant, CCAD_Q3);
            assert_int_equal(item_on(s, ic, d).delegated, CCAD_BY_REP);
        }
    }
    ccad_schedule_free(s);
}

/* COMPLAINT + CAPACITY: an open complaint of an unimportant customer is
 * "same day, personally or delegated"; with no room it is an urgent,
 * unimportant (Q3) matter and goes to a colleague that day. */
static void complaint_unimportant_delegated(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    ccad_customer a = cust("a", CCAD_GRADE_A, 100, d0 - 1);
    ccad_customer c = cust("c", CCAD_GRADE_C, 1, d0 - 2);
    uint32_t ic;
    ccad_schedule *s;
    ccad_item it;
    a.purchase_date = d0 + 3;
    c.complaint = CCAD_COMPLAINT_OPEN;
    c.complaint_date = d0;
    add(e, &a);
    ic = add(e, &c);
    grade(e);
    s = plan(e, d0, 1, 1);
    it = item_on(s, ic, d0);
    assert_int_equal(it.delegated, CCAD_BY_COLLEAGUE);
    ccad_schedule_free(s);
}

/* COMPLAINT: a resolved complaint gets one CARE contact on the care date
 * (complaint.care_after_days = 7 after resolution), not before. */
static void complaint_care(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    ccad_customer b = cust("b", CCAD_GRADE_B, 100, d0 - 1); /* weekly: due d0 + 7 */
    ccad_customer w = cust("w", CCAD_GRADE_B, 90, d0 - 1);
    uint32_t ib, iw;
    ccad_item it[16];
    ccad_schedule *s;
    size_t n, k, care = 0;
    set(e, "capacity.pull_ahead_days", 0);
    b.complaint = CCAD_COMPLAINT_RESOLVED;
    b.complaint_date = d0 - 3; /* care on d0 + 4 (Friday) */
    w.complaint = CCAD_COMPLAINT_RESOLVED;
    w.complaint_date = d0 - 2; /* care on d0 + 5 (Saturday) -> Monday */
    ib = add(e, &b);
    iw = add(e, &w);
    grade(e);
    s = plan(e, d0, 21, 8);
    n = tu_items_of(s, ib, 0, it, 16);
    assert_true(n >= 2);
    assert_int_equal(it[0].date, d0 + 4);
    assert_int_equal(it[0].kind, CCAD_ITEM_CARE);
    tu_reason_is(&it[0].reasons[0], CCAD_RULE_COMPLAINT, CCAD_WHY_CARE_CONTACT, d0 - 3, d0 + 4, 0);
    for (k = 0; k < n; k++)
        care += it[k].kind == CCAD_ITEM_CARE;
    assert_int_equal(care, 1);
    assert_int_equal(it[1].kind, CCAD_ITEM_VISIT);
    assert_int_equal(it[1].date, d0 + 11);
    n = tu_items_of(s, iw, 0, it, 16);
    assert_true(n >= 1);
    assert_int_equal(it[0].kind, CCAD_ITEM_CARE);
    assert_true(it[0].date >= d0 + 5);
    assert_int_equal(it[0].date, d0 + 7);
    ccad_schedule_free(s);
}

/* KEEPWARM: special days give A and B a touch (no capacity used), also on
 * a day that is not a working day; keepwarm.grades selects the grades. */
static void keepwarm_touches(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    ccad_customer gone = cust("gone", CCAD_GRADE_A, 500, d0 - 1);
    ccad_customer q1 = cust("q1", CCAD_GRADE_A, 400, d0 - 1);
    uint32_t ia, ib, ic, ig, iq;
    ccad_item it[8];
    ccad_schedule *s;
    size_t i, rep_owned = 0;
    gone.status = CCAD_STATUS_RELEASED;
    q1.purchase_date = d0 + 4;
    ia = add_simple(e, "a", CCAD_GRADE_A, 300, d0 - 1);
    ib = add_simple(e, "b", CCAD_GRADE_B, 200, d0 - 1);
    ic = add_simple(e, "c", CCAD_GRADE_C, 100, d0 - 1);
    ig = add(e, &gone);
    iq = add(e, &q1);
    grade(e);
    e->special[e->n_special++] = d0 + 2; /* Wednesday, working */
    e->special[e->n_special++] = d0 + 5; /* Saturday */
    s = plan(e, d0, 7, 1);
    assert_int_equal(tu_items_of(s, ia, 1, it, 8), 2);
    assert_int_equal(it[0].date, d0 + 2);
    assert_int_equal(it[1].date, d0 + 5);
    assert_int_equal(it[0].kind, CCAD_ITEM_TOUCH);
    assert_int_equal(it[0].delegated, CCAD_BY_REP);
    assert_int_equal(it[0].block_day, 0);
    assert_true(it[0].reason_count >= 1);
    tu_reason_is(&it[0].reasons[0], CCAD_RULE_KEEPWARM, CCAD_WHY_KEEPWARM_TOUCH, d0 + 2, 0, 0);
    assert_int_equal(tu_items_of(s, ib, 1, it, 8), 2);
    assert_int_equal(tu_items_of(s, ic, 1, it, 8), 0);
    assert_int_equal(tu_items_of(s, ig, 1, it, 8), 0);
    /* the Q1 customer is visited on Wednesday: no touch that day, only
     * Saturday's */
    assert_int_equal(tu_items_of(s, iq, 1, it, 8), 1);
    assert_int_equal(it[0].date, d0 + 5);
    /* touches use no capacity: the Q1 visit is still planned on Wednesday */
    assert_int_equal(item_on(s, iq, d0 + 2).delegated, CCAD_BY_REP);
    for (i = 0; i < ccad_schedule_item_count(s); i++) {
        ccad_item x = tu_item(s, i);
        if (x.date == d0 + 2 && x.kind != CCAD_ITEM_TOUCH && x.delegated == CCAD_BY_REP)
            rep_owned++;
    }
    assert_int_equal(rep_owned, 1);
    /* Wednesday: the visit first (priority 1), then the touches of a and b
     * (priorities 2, 3, in book order) */
    {
        const uint32_t who[3] = {iq, ia, ib};
        const int kind[3] = {CCAD_ITEM_VISIT, CCAD_ITEM_TOUCH, CCAD_ITEM_TOUCH};
        size_t k = 0;
        for (i = 0; i < ccad_schedule_item_count(s); i++) {
            ccad_item x = tu_item(s, i);
            if (x.date != d0 + 2)
                continue;
            assert_true(k < 3);
            assert_int_equal(x.customer, who[k]);
            assert_int_equal(x.kind, kind[k]);
            assert_int_equal(x.priority, (int32_t)k + 1);
            k++;
        }
        assert_int_equal(k, 3);
    }
    ccad_schedule_free(s);

    set(e, "keepwarm.grades", CCAD_GRADE_BIT_A);
    s = plan(e, d0, 7, 1);
    assert_int_equal(tu_items_of(s, ia, 1, it, 8), 2);
    assert_int_equal(tu_items_of(s, ib, 1, it, 8), 0);
    ccad_schedule_free(s);
}

/* One item per customer and day: on a special working day a customer that
 * has a contact that day (due, or pulled ahead into spare room) gets it, not
 * a touch besides; the others get their touches after the day's contacts,
 * with priorities following the contacts'. Friday D0+4 is a holiday, so the
 * B customer due that day is met on Wednesday (two days ahead). */
static void touch_and_visit_same_day(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    ccad_customer q1 = cust("q1", CCAD_GRADE_A, 400, d0 - 1);
    uint32_t iq, ie, iw;
    ccad_schedule *s;
    ccad_item it[8];
    size_t i, n, k;
    q1.purchase_date = d0 + 4;
    iq = add(e, &q1);
    ie = add_simple(e, "early", CCAD_GRADE_B, 300, d0 - 3); /* due d0 + 4, a holiday */
    iw = add_simple(e, "warm", CCAD_GRADE_B, 200, d0 - 1);  /* due d0 + 6 -> d0 + 7 */
    grade(e);
    e->special[e->n_special++] = d0 + 2;
    e->holiday[e->n_holiday++] = d0 + 4;
    s = plan(e, d0, 5, 8);
    assert_true(has_item_on(s, iq, d0 + 2));
    {
        size_t same = 0;
        n = tu_items_of(s, iq, 1, it, 8);
        for (k = 0; k < n; k++)
            same += it[k].date == d0 + 2;
        print_message("customer with a visit on the special day: %lu touch(es) that day\n",
                      (unsigned long)same);
        assert_int_equal(same, 0);
    }
    /* the B customer due on the holiday is pulled ahead to Wednesday: no touch */
    tu_reason_is(&item_on(s, ie, d0 + 2).reasons[0], CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_EARLY,
                 d0 + 4, 2, 0);
    assert_int_equal(tu_items_of(s, ie, 0, NULL, 0), 1);
    assert_int_equal(tu_items_of(s, ie, 1, NULL, 0), 0);
    /* Wednesday: q1's visit, the early visit, then the one touch */
    n = 0;
    for (i = 0; i < ccad_schedule_item_count(s); i++) {
        ccad_item x = tu_item(s, i);
        if (x.date != d0 + 2)
            continue;
        assert_true(n < 3);
        it[n++] = x;
    }
    assert_int_equal(n, 3);
    assert_int_equal(it[0].customer, iq);
    assert_int_equal(it[0].kind, CCAD_ITEM_VISIT);
    assert_int_equal(it[1].customer, ie);
    assert_int_equal(it[1].kind, CCAD_ITEM_VISIT);
    assert_int_equal(it[2].customer, iw);
    assert_int_equal(it[2].kind, CCAD_ITEM_TOUCH);
    for (k = 0; k < 3; k++)
        assert_int_equal(it[k].priority, (int32_t)k + 1);
    tu_reason_is(&it[2].reasons[0], CCAD_RULE_KEEPWARM, CCAD_WHY_KEEPWARM_TOUCH, d0 + 2, 0, 0);
    ccad_schedule_free(s);
    /* without the holiday Friday has room: the B customer is met on its due
     * day and gets Wednesday's touch */
    e->n_holiday = 0;
    s = plan(e, d0, 5, 8);
    tu_reason_is(&item_on(s, ie, d0 + 4).reasons[0], CCAD_RULE_QUADRANT, CCAD_WHY_PLAN_DUE, d0 + 4,
                 2, 0);
    assert_int_equal(tu_items_of(s, ie, 0, NULL, 0), 1);
    assert_int_equal(tu_items_of(s, ie, 1, it, 8), 1);
    assert_int_equal(it[0].date, d0 + 2);
    ccad_schedule_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        PLAN_TEST(persist_blocks),           PLAN_TEST(persist_block_needs_rep),
        PLAN_TEST(complaint_open_daily),     PLAN_TEST(complaint_unimportant_delegated),
        PLAN_TEST(complaint_care),           PLAN_TEST(keepwarm_touches),
        PLAN_TEST(touch_and_visit_same_day),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
