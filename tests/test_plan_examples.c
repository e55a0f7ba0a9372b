/* Planner, the catalogue's worked examples 2-5 (seeds 000, 004, 002):
 * delegation, the workload table, the platforms and the rounds, reproduced
 * with their figures. Fixture: tests/plan_env.h.
 *
 * Dates: D0 is Monday 2026-03-02; D0+5/+6 and D0+12/+13 are weekends. */
#include "plan_env.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------------- */
/* Worked examples of the catalogue */

/* Example 2 (seed 000): a 1.5M negotiation the day after tomorrow keeps the
 * rep; a 30k customer asking to be seen tomorrow is delegated when that day
 * is full (capacity 1 visit a day). */
static void example2_delegation(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    ccad_customer big = cust("big", CCAD_GRADE_A, 150000000, d0 - 1);
    ccad_customer small = cust("small", CCAD_GRADE_C, 3000000, d0 - 10);
    uint32_t ib, is;
    ccad_schedule *s;
    ccad_item it;
    int k;
    big.purchase_date = d0 + 2;
    small.request_date = d0 + 1;
    ib = add(e, &big);
    is = add(e, &small);
    grade(e);
    s = plan(e, d0, 3, 1);
    for (k = 0; k < 3; k++) {
        it = item_on(s, ib, d0 + k);
        assert_int_equal(it.delegated, CCAD_BY_REP);
        assert_int_equal(it.quadrant, CCAD_Q1);
        assert_int_equal(it.kind, CCAD_ITEM_VISIT);
        assert_int_equal(it.priority, 1);
    }
    assert_false(has_item_on(s, is, d0));
    it = item_on(s, is, d0 + 1);
    assert_int_equal(it.delegated, CCAD_BY_COLLEAGUE);
    assert_int_equal(it.quadrant, CCAD_Q3);
    assert_int_equal(it.kind, CCAD_ITEM_VISIT);
    assert_int_equal(it.priority, 2);
    assert_true(it.reason_count >= 1);
    tu_reason_is(&it.reasons[0], CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_DELEGATED, 1, 1, 0);
    /* the request is answered: nothing more for the 30k customer */
    assert_false(has_item_on(s, is, d0 + 2));
    /* the delegated contact does not count against the rep's day */
    assert_int_equal(tu_count_findings(s, CCAD_FIND_OVER_CAPACITY, -2), 0);
    ccad_schedule_free(s);
}

/* Example 3 (seed 004, table 1): A 10 x 2/week = 20, B 20 x 1/week = 20. */
static void example3_workload_table(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    char id[16];
    int i;
    ccad_workload w = CCAD_WORKLOAD_INIT;
    for (i = 0; i < 30; i++) {
        snprintf(id, sizeof id, "t%02d", i);
        add_simple(e, id, i < 10 ? CCAD_GRADE_A : CCAD_GRADE_B, (int64_t)(100 - i) * 100000,
                   d0 - 1);
    }
    grade(e);
    w.period_days = 7;
    w.field_days = 5;
    w.visits_per_day = 8;
    TU_PASS(e->fx.ctx, ccad_book_workload(e->fx.b, e->fx.r, d0, &w));
    assert_true(w.rows[0].customers == 10 && w.rows[0].visits == 20);
    assert_true(w.rows[1].customers == 20 && w.rows[1].visits == 20);
    assert_true(w.rows[2].customers == 0 && w.rows[2].visits == 0);
    assert_true(w.rows[3].customers == 0 && w.rows[3].visits == 0);
    assert_true(w.visits == 40);
    assert_true(w.capacity == 40);
    assert_int_equal(w.over, 0);
    assert_int_equal(w.rounds_x100, 133);
    assert_int_equal(w.stretch_x100, 100);
    for (i = 0; i < 4; i++)
        assert_true(w.cut[i] == 0);
    /* 7 visits a day: 5 over, cut from the lowest grade that has visits */
    w.visits_per_day = 7;
    TU_PASS(e->fx.ctx, ccad_book_workload(e->fx.b, e->fx.r, d0, &w));
    assert_true(w.capacity == 35);
    assert_int_equal(w.over, 1);
    assert_true(w.cut[0] == 0 && w.cut[1] == 5 && w.cut[2] == 0 && w.cut[3] == 0);
    assert_int_equal(w.stretch_x100, 115); /* ceil(40 * 100 / 35) */
    /* no field days given: workload.field_days (22) x 7 / 30 = 5.13 -> 5 */
    w.field_days = 0;
    w.visits_per_day = 8;
    TU_PASS(e->fx.ctx, ccad_book_workload(e->fx.b, e->fx.r, d0, &w));
    assert_true(w.capacity == 40);
    assert_int_equal(w.field_days, 0); /* an input: left as given */
}

/* Example 4 (seed 004): a market of 300 (A 20, B 40, the rest C) gives the
 * working platform A 20 + B 30 with 10 reserve B; no C is chosen. */
static void example4_platforms(void **state)
{
    env *e = *state;
    char id[16];
    int i, nA = 0, nB = 0, nR = 0;
    uint8_t choice[300];
    ccad_platform p = CCAD_PLATFORM_INIT;
    for (i = 0; i < 300; i++) {
        /* insertion order differs from value order */
        int pos = (i * 37) % 300; /* 0 = most valuable */
        ccad_customer c = cust(id,
                               pos < 20   ? CCAD_GRADE_A
                               : pos < 60 ? CCAD_GRADE_B
                                          : CCAD_GRADE_C,
                               (int64_t)(300 - pos) * 1000000, CCAD_NO_DATE);
        snprintf(id, sizeof id, "m%03d", i);
        add(e, &c);
    }
    grade(e);
    memset(choice, 0xAA, sizeof choice);
    TU_PASS(e->fx.ctx, ccad_book_choose_working(e->fx.b, e->fx.r, choice, 300));
    for (i = 0; i < 300; i++) {
        int pos = (i * 37) % 300;
        int want = pos < 20   ? CCAD_CHOICE_A
                   : pos < 50 ? CCAD_CHOICE_B
                   : pos < 60 ? CCAD_CHOICE_RESERVE
                              : CCAD_CHOICE_NONE;
        assert_int_equal(choice[i], want);
        nA += choice[i] == CCAD_CHOICE_A;
        nB += choice[i] == CCAD_CHOICE_B;
        nR += choice[i] == CCAD_CHOICE_RESERVE;
    }
    assert_int_equal(nA, 20);
    assert_int_equal(nB, 30);
    assert_int_equal(nR, 10);

    /* The whole market managed: dominated by C, not under the minimum of
     * 50 (seed 004); no fixed cap by default (1.1), over 1.0's cap of 50. */
    TU_PASS(e->fx.ctx, ccad_book_platform(e->fx.b, e->fx.r, &p));
    assert_true(p.market[0] == 300 && p.market[1] == 20 && p.market[2] == 40 &&
                p.market[3] == 240 && p.market[4] == 0);
    assert_true(p.working[0] == 300 && p.buying[0] == 0 && p.key_accounts == 0);
    assert_true(p.working_cap == 0 && p.working_min == 50);
    assert_int_equal(p.over_cap, 0);
    assert_int_equal(p.under_min, 0);
    assert_int_equal(p.c_heavy, 1);
    TU_PASS(e->fx.ctx, ccad_rules_set(e->fx.r, "platform.working_cap", 50));
    TU_PASS(e->fx.ctx, ccad_book_platform(e->fx.b, e->fx.r, &p));
    assert_true(p.working_cap == 50);
    assert_int_equal(p.over_cap, 1);

    /* Manage only the chosen A and B slots; the reserve and the rest stay in
     * the market (released); two A buy, one of them a key account. */
    for (i = 0; i < 300; i++) {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        TU_PASS(e->fx.ctx, ccad_book_get(e->fx.b, (size_t)i, &c));
        if (choice[i] == CCAD_CHOICE_NONE || choice[i] == CCAD_CHOICE_RESERVE)
            c.status = CCAD_STATUS_RELEASED;
        else if ((i * 37) % 300 == 0)
            c.status = CCAD_STATUS_KEY;
        else if ((i * 37) % 300 == 1)
            c.status = CCAD_STATUS_ACTIVE;
        TU_PASS(e->fx.ctx, ccad_book_update(e->fx.b, (size_t)i, &c));
    }
    grade(e);
    TU_PASS(e->fx.ctx, ccad_book_platform(e->fx.b, e->fx.r, &p));
    assert_true(p.market[0] == 300);
    assert_true(p.working[0] == 50 && p.working[1] == 20 && p.working[2] == 30 &&
                p.working[3] == 0);
    assert_true(p.buying[0] == 2 && p.buying[1] == 2 && p.key_accounts == 1);
    assert_int_equal(p.over_cap, 0);
    assert_int_equal(p.c_heavy, 0);
}

/* A caller built against 1.0 passes ccad_platform as it was (up to
 * c_heavy): it gets those members, and nothing past its size is written. */
static void platform_old_size(void **state)
{
    env *e = *state;
    size_t old = offsetof(ccad_platform, c_heavy) + sizeof(int32_t), k;
    union {
        ccad_platform p;
        unsigned char bytes[sizeof(ccad_platform) + 16];
    } u;
    ccad_platform full = CCAD_PLATFORM_INIT;
    add_simple(e, "o1", CCAD_GRADE_C, 10, CCAD_NO_DATE);
    grade(e);
    assert_true(old < sizeof(ccad_platform));
    memset(&u, 0xA5, sizeof u);
    u.p.size = (uint32_t)old;
    TU_PASS(e->fx.ctx, ccad_book_platform(e->fx.b, e->fx.r, &u.p));
    TU_PASS(e->fx.ctx, ccad_book_platform(e->fx.b, e->fx.r, &full));
    assert_int_equal(full.under_min, 1);
    assert_true(u.p.working[0] == 1 && u.p.market[3] == 1 && u.p.c_heavy == 1);
    for (k = old; k < sizeof u.bytes; k++)
        assert_int_equal(u.bytes[k], 0xA5);
    /* a size between the two is refused */
    u.p.size = (uint32_t)old + 4;
    assert_int_equal(ccad_book_platform(e->fx.b, e->fx.r, &u.p), CCAD_EVERSION);
}

/* PLATFORM warnings at their boundaries: 50 working is not over a cap of
 * 50 (1.0's default), 51 is; 49 is under the minimum of 50, 50 is not; C at
 * exactly c_max_pct (50 %) is not heavy, above it is. */
static void platform_warning_bounds(void **state)
{
    env *e = *state;
    char id[16];
    int i;
    ccad_platform p = CCAD_PLATFORM_INIT;
    TU_PASS(e->fx.ctx, ccad_rules_set(e->fx.r, "platform.working_cap", 50));
    grade(e);
    TU_PASS(e->fx.ctx, ccad_book_platform(e->fx.b, e->fx.r, &p));
    assert_int_equal(p.under_min, 0); /* an empty book has no platform to judge */
    for (i = 0; i < 50; i++) {
        if (i == 49) {
            grade(e);
            TU_PASS(e->fx.ctx, ccad_book_platform(e->fx.b, e->fx.r, &p));
            assert_true(p.working[0] == 49 && p.working_min == 50);
            assert_int_equal(p.under_min, 1);
        }
        ccad_customer c = cust(id, i < 25 ? CCAD_GRADE_B : CCAD_GRADE_C, 1000 - i, CCAD_NO_DATE);
        snprintf(id, sizeof id, "w%02d", i);
        add(e, &c);
    }
    grade(e);
    TU_PASS(e->fx.ctx, ccad_book_platform(e->fx.b, e->fx.r, &p));
    assert_true(p.working[0] == 50 && p.working[3] == 25);
    assert_int_equal(p.over_cap, 0);
    assert_int_equal(p.under_min, 0);
    assert_int_equal(p.c_heavy, 0);
    add_simple(e, "w50", CCAD_GRADE_D, 1, CCAD_NO_DATE); /* D counts with C */
    grade(e);
    TU_PASS(e->fx.ctx, ccad_book_platform(e->fx.b, e->fx.r, &p));
    assert_int_equal(p.over_cap, 1);
    assert_int_equal(p.c_heavy, 1);
    /* an eliminated customer is not even in the market */
    {
        ccad_customer c = cust("gone", CCAD_GRADE_A, 5, CCAD_NO_DATE);
        c.status = CCAD_STATUS_ELIMINATED;
        add(e, &c);
    }
    grade(e);
    TU_PASS(e->fx.ctx, ccad_book_platform(e->fx.b, e->fx.r, &p));
    assert_true(p.market[0] == 51 && p.working[0] == 51);
}

/* ccad_book_choose_working: when B is short, the reserve takes the next
 * best B, then the next best A; C never. */
static void choose_working_reserve_order(void **state)
{
    env *e = *state;
    char id[16];
    int i;
    uint8_t ch[100];
    for (i = 0; i < 100; i++) {
        /* 25 A, 33 B, 42 C, values descending with the index */
        ccad_customer c = cust(id,
                               i < 25   ? CCAD_GRADE_A
                               : i < 58 ? CCAD_GRADE_B
                                        : CCAD_GRADE_C,
                               (int64_t)(1000 - i), CCAD_NO_DATE);
        snprintf(id, sizeof id, "r%02d", i);
        add(e, &c);
    }
    grade(e);
    TU_PASS(e->fx.ctx, ccad_book_choose_working(e->fx.b, e->fx.r, ch, 100));
    for (i = 0; i < 100; i++) {
        int want = i < 20   ? CCAD_CHOICE_A
                   : i < 25 ? CCAD_CHOICE_RESERVE /* next best A, after the 3 spare B */
                   : i < 55 ? CCAD_CHOICE_B
                   : i < 58 ? CCAD_CHOICE_RESERVE
                            : CCAD_CHOICE_NONE;
        assert_int_equal(ch[i], want);
    }
}

/* Example 5 (seed 002): 7 customers, 22 field days, 1 a day -> 3.14 rounds. */
static void example5_rounds(void **state)
{
    env *e = *state;
    char id[16];
    int i;
    ccad_workload w = CCAD_WORKLOAD_INIT;
    for (i = 0; i < 7; i++) {
        snprintf(id, sizeof id, "k%d", i);
        add_simple(e, id, CCAD_GRADE_B, 1000 - i, D0 - 1);
    }
    grade(e);
    assert_int_equal(w.period_days, 30);
    assert_int_equal(w.field_days, 22);
    assert_int_equal(w.visits_per_day, 1);
    TU_PASS(e->fx.ctx, ccad_book_workload(e->fx.b, e->fx.r, D0, &w));
    assert_true(w.capacity == 22);
    assert_int_equal(w.rounds_x100, 314);
    assert_int_equal(w.rounds_x100 / 100, 3); /* "about 3 rounds a month" */
    /* the same from workload.field_days over a 30-day period */
    w.field_days = 0;
    TU_PASS(e->fx.ctx, ccad_book_workload(e->fx.b, e->fx.r, D0, &w));
    assert_int_equal(w.rounds_x100, 314);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        PLAN_TEST(example2_delegation), PLAN_TEST(example3_workload_table),
        PLAN_TEST(example4_platforms),  PLAN_TEST(platform_warning_bounds),
        PLAN_TEST(platform_old_size),   PLAN_TEST(choose_working_reserve_order),
        PLAN_TEST(example5_rounds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
