/* Planner error paths: bad options and handles, a failing calendar
 * callback, item and finding readers, day totals, book_grade_of, workload
 * and platform arguments, and the empty book. Fixture: tests/plan_env.h. */
#include "plan_env.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------------- */
/* Error paths */

static void errors_schedule_new(void **state)
{
    env *e = *state;
    ccad_plan_options o = opts(D0, 7, 8), bad;
    ccad_schedule *s = (ccad_schedule *)(void *)e;
    long live;
    small_book(e);
    live = e->fx.al.live;
    /* NULL arguments */
    assert_int_equal(ccad_schedule_new(NULL, e->fx.b, e->fx.r, &o), CCAD_EINVAL);
    assert_int_equal(ccad_schedule_new(&s, NULL, e->fx.r, &o), CCAD_EINVAL);
    assert_null(s);
    SCHED_FAIL(e, NULL, CCAD_EINVAL);
    {
        ccad_schedule *s2 = (ccad_schedule *)(void *)e;
        TU_FAIL(e->fx.ctx, ccad_schedule_new(&s2, e->fx.b, NULL, &o), CCAD_EINVAL);
        assert_null(s2);
    }
    /* sizes */
    bad = o;
    bad.size = (uint32_t)sizeof bad - 1;
    SCHED_FAIL(e, &bad, CCAD_EVERSION);
    bad.size = (uint32_t)sizeof bad + 4;
    SCHED_FAIL(e, &bad, CCAD_EVERSION);
    bad.size = 0;
    SCHED_FAIL(e, &bad, CCAD_EVERSION);
    /* ranges */
    bad = opts(CCAD_NO_DATE, 7, 8); /* the INIT default: no day set */
    SCHED_FAIL(e, &bad, CCAD_ERANGE);
    bad = opts(CCAD_DATE_MAX, 2, 8);
    SCHED_FAIL(e, &bad, CCAD_ERANGE);
    bad = opts(CCAD_DATE_MIN - 1, 1, 8);
    SCHED_FAIL(e, &bad, CCAD_ERANGE);
    bad = opts(D0, 0, 8);
    SCHED_FAIL(e, &bad, CCAD_ERANGE);
    bad = opts(D0, 367, 8);
    SCHED_FAIL(e, &bad, CCAD_ERANGE);
    bad = opts(D0, -1, 8);
    SCHED_FAIL(e, &bad, CCAD_ERANGE);
    bad = opts(D0, 7, -1);
    SCHED_FAIL(e, &bad, CCAD_ERANGE);
    bad = opts(D0, 7, 1001);
    SCHED_FAIL(e, &bad, CCAD_ERANGE);
    bad = opts(D0, 7, 8);
    bad.minutes_per_day = -1;
    SCHED_FAIL(e, &bad, CCAD_ERANGE);
    bad.minutes_per_day = 1441;
    SCHED_FAIL(e, &bad, CCAD_ERANGE);
    /* no limit at all */
    bad = opts(D0, 7, 0);
    SCHED_FAIL(e, &bad, CCAD_EINVAL);
    /* unknown policy, keep_reasons */
    bad = opts(D0, 7, 8);
    bad.overload = 2;
    SCHED_FAIL(e, &bad, CCAD_EINVAL);
    bad.overload = -1;
    SCHED_FAIL(e, &bad, CCAD_EINVAL);
    bad = opts(D0, 7, 8);
    bad.keep_reasons = 2;
    SCHED_FAIL(e, &bad, CCAD_EINVAL);
    /* the limits of the ranges are accepted */
    bad = opts(CCAD_DATE_MAX - 365, 366, 1000);
    bad.minutes_per_day = 1440;
    s = plan_o(e, &bad);
    ccad_schedule_free(s);
    bad = opts(CCAD_DATE_MIN, 1, 0);
    bad.minutes_per_day = 1;
    s = plan_o(e, &bad);
    ccad_schedule_free(s);
    assert_int_equal(e->fx.al.live, live);
    /* stale book: a customer added after grading */
    add_simple(e, "z", CCAD_GRADE_B, 5, D0 - 3);
    SCHED_FAIL(e, &o, CCAD_ESTALE);
    grade(e);
    /* stale: graded with other grading rules */
    {
        ccad_rules *r2 = NULL;
        ccad_schedule *s2 = (ccad_schedule *)(void *)e;
        TU_PASS(e->fx.ctx, ccad_rules_copy(&r2, e->fx.ctx, e->fx.r));
        TU_PASS(e->fx.ctx, ccad_rules_set(r2, "grade.share_a_pct", 30));
        TU_FAIL(e->fx.ctx, ccad_schedule_new(&s2, e->fx.b, r2, &o), CCAD_ESTALE);
        assert_null(s2);
        /* non-grading parameters may differ */
        TU_PASS(e->fx.ctx, ccad_rules_set(r2, "grade.share_a_pct", 15));
        TU_PASS(e->fx.ctx, ccad_rules_set(r2, "gap.max_days", 10));
        TU_PASS(e->fx.ctx, ccad_schedule_new(&s2, e->fx.b, r2, &o));
        ccad_schedule_free(s2);
        ccad_rules_free(r2);
    }
}

/* An empty book plans nothing (also routed). Last in the list: under UBSan
 * (-fno-sanitize-recover) a qsort of no candidates from NULL aborts the
 * program. */
/* An empty book and a book of one (no sorting of nothing, UBSan-clean):
 * with and without routes and weekly assignment. */
static void empty_book(void **state)
{
    env *e = *state;
    ccad_plan_options o = route_opts(D0, 7, 8);
    int mode;
    for (mode = 0; mode < 3; mode++) {
        ccad_book *empty = NULL;
        ccad_schedule *s2 = NULL;
        o.route = mode > 0;
        o.assign_days = mode > 1;
        TU_PASS(e->fx.ctx, ccad_book_new(&empty, e->fx.ctx, 0));
        TU_PASS(e->fx.ctx, ccad_book_grade(empty, e->fx.r));
        TU_PASS(e->fx.ctx, ccad_schedule_new(&s2, empty, e->fx.r, &o));
        assert_int_equal(ccad_schedule_item_count(s2), 0);
        assert_int_equal(ccad_schedule_finding_count(s2), 0);
        {
            ccad_day day = CCAD_DAY_INIT;
            TU_PASS(e->fx.ctx, ccad_schedule_day(s2, D0, &day));
            assert_int_equal(day.items, 0);
            assert_int_equal(day.travel_min, 0);
            assert_int_equal(day.back_min, -1);
        }
        ccad_schedule_free(s2);
        ccad_book_free(empty);
    }
    {
        ccad_customer c = cust("one", CCAD_GRADE_A, 5, D0 - 3);
        ccad_schedule *s;
        c.has_location = 1;
        c.x = 3;
        c.y = 4;
        add(e, &c);
        grade(e);
        for (mode = 0; mode < 3; mode++) {
            o.route = mode > 0;
            o.assign_days = mode > 1;
            s = plan_o(e, &o);
            if (o.route)
                (void)check_routes(e, s, &o);
            else
                check_days(e, s, &o);
            assert_int_equal(tu_item(s, 0).date, D0);
            assert_int_equal(tu_item(s, 0).seq, o.route ? 1 : 0);
            if (o.route) {
                ccad_day day = CCAD_DAY_INIT;
                TU_PASS(e->fx.ctx, ccad_schedule_day(s, D0, &day));
                assert_int_equal(day.stops, 1);
                assert_int_equal(day.travel_min, 10); /* 5 there, 5 back */
                assert_int_equal(day.back_min, 480 + 5 + 60 + 5);
            }
            ccad_schedule_free(s);
        }
    }
}

static void errors_item_finding(void **state)
{
    env *e = *state;
    ccad_schedule *s;
    ccad_item it = CCAD_ITEM_INIT, keep;
    ccad_finding f = CCAD_FINDING_INIT, fkeep;
    size_t ni, nf;
    small_book(e);
    s = plan(e, D0, 7, 8);
    ni = ccad_schedule_item_count(s);
    nf = ccad_schedule_finding_count(s);
    assert_true(ni > 0 && nf > 0);
    assert_int_equal(ccad_schedule_item_count(NULL), 0);
    assert_int_equal(ccad_schedule_finding_count(NULL), 0);
    assert_int_equal(ccad_schedule_item(NULL, 0, &it), CCAD_EINVAL);
    assert_int_equal(ccad_schedule_finding(NULL, 0, &f), CCAD_EINVAL);
    TU_FAIL(e->fx.ctx, ccad_schedule_item(s, 0, NULL), CCAD_EINVAL);
    TU_FAIL(e->fx.ctx, ccad_schedule_finding(s, 0, NULL), CCAD_EINVAL);
    it.date = 777;
    keep = it;
    TU_FAIL(e->fx.ctx, ccad_schedule_item(s, ni, &it), CCAD_ENOTFOUND);
    TU_FAIL(e->fx.ctx, ccad_schedule_item(s, (size_t)-1, &it), CCAD_ENOTFOUND);
    assert_memory_equal(&it, &keep, sizeof it);
    it.size = (uint32_t)sizeof it - 1;
    TU_FAIL(e->fx.ctx, ccad_schedule_item(s, 0, &it), CCAD_EVERSION);
    it.size = (uint32_t)sizeof it + 8;
    TU_FAIL(e->fx.ctx, ccad_schedule_item(s, 0, &it), CCAD_EVERSION);
    f.date = 777;
    fkeep = f;
    TU_FAIL(e->fx.ctx, ccad_schedule_finding(s, nf, &f), CCAD_ENOTFOUND);
    assert_memory_equal(&f, &fkeep, sizeof f);
    f.size = 0;
    TU_FAIL(e->fx.ctx, ccad_schedule_finding(s, 0, &f), CCAD_EVERSION);
    f.size = (uint32_t)sizeof f + 8;
    TU_FAIL(e->fx.ctx, ccad_schedule_finding(s, 0, &f), CCAD_EVERSION);
    /* the last index works */
    (void)tu_item(s, ni - 1);
    (void)tu_finding(s, nf - 1);
    ccad_schedule_free(s);
    ccad_schedule_free(NULL);
}

/* ccad_schedule_day: every day of the range, totals as the items say; the
 * error paths leave the caller's struct alone. */
static void schedule_day_totals(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    ccad_plan_options o = opts(d0, 7, 2);
    ccad_schedule *s;
    ccad_day day = CCAD_DAY_INIT, keep;
    uint32_t ia, ib, iq3, ic;
    ia = add_simple(e, "a", CCAD_GRADE_A, 300, d0 - 3); /* due D0 */
    ib = add_simple(e, "b", CCAD_GRADE_B, 200, d0 - 7); /* due D0 */
    {
        ccad_customer c = cust("q3", CCAD_GRADE_C, 20, d0 - 3);
        c.request_date = d0; /* Q3, no room on D0: a colleague */
        iq3 = add(e, &c);
    }
    ic = add_simple(e, "c", CCAD_GRADE_C, 10, d0 - 27); /* Q4 call, due D0+1 */
    grade(e);
    e->special[e->n_special++] = d0 + 2;
    e->absent[e->n_absent++] = d0 + 3;
    s = plan_o(e, &o);
    check_days(e, s, &o);
    /* Monday: a and b by the rep (60 + 45 minutes), q3 by a colleague */
    TU_PASS(e->fx.ctx, ccad_schedule_day(s, d0, &day));
    assert_int_equal(day.date, d0);
    assert_int_equal(day.flags, (uint32_t)CCAD_DAY_WORKING);
    assert_int_equal(day.items, 3);
    assert_int_equal(day.by_rep, 2);
    assert_int_equal(day.delegated, 1);
    assert_int_equal(day.touches, 0);
    assert_int_equal(day.service_min, 60 + 45);
    assert_int_equal(day.stops, 0);
    assert_int_equal(day.travel_min, 0);
    assert_int_equal(day.back_min, -1);
    assert_int_equal(day.late, 0);
    assert_int_equal(item_on(s, iq3, d0).delegated, CCAD_BY_COLLEAGUE);
    /* Tuesday: the call (30 minutes, a C customer), and the A customer due
     * on the absent Thursday, met early by the rep (60 minutes) */
    TU_PASS(e->fx.ctx, ccad_schedule_day(s, d0 + 1, &day));
    assert_int_equal(day.items, 2);
    assert_int_equal(day.by_rep, 2);
    assert_int_equal(day.delegated, 0);
    assert_int_equal(day.service_min, 30 + 60);
    assert_int_equal(item_on(s, ic, d0 + 1).kind, CCAD_ITEM_CALL);
    tu_reason_is(&item_on(s, ia, d0 + 1).reasons[0], CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_EARLY,
                 d0 + 3, 2, 0);
    /* Wednesday, special: the touches of a and b (A and B) */
    TU_PASS(e->fx.ctx, ccad_schedule_day(s, d0 + 2, &day));
    assert_int_equal(day.flags, (uint32_t)(CCAD_DAY_WORKING | CCAD_DAY_SPECIAL));
    assert_int_equal(day.touches, 2);
    assert_int_equal(day.by_rep, 0);
    assert_int_equal(day.service_min, 0);
    /* Thursday absent: nothing left for the substitute */
    TU_PASS(e->fx.ctx, ccad_schedule_day(s, d0 + 3, &day));
    assert_int_equal(day.flags, (uint32_t)(CCAD_DAY_WORKING | CCAD_DAY_ABSENT));
    assert_int_equal(day.items, 0);
    /* Friday: the A customer, a full interval after Tuesday */
    TU_PASS(e->fx.ctx, ccad_schedule_day(s, d0 + 4, &day));
    assert_int_equal(day.items, 1);
    assert_int_equal(day.service_min, 60);
    assert_true(has_item_on(s, ia, d0 + 4));
    /* Sunday: nothing */
    TU_PASS(e->fx.ctx, ccad_schedule_day(s, d0 + 6, &day));
    assert_int_equal(day.date, d0 + 6);
    assert_int_equal(day.flags, 0u);
    assert_int_equal(day.items, 0);
    assert_int_equal(day.back_min, -1);
    (void)ib;
    /* errors */
    day.date = 777;
    keep = day;
    assert_int_equal(ccad_schedule_day(NULL, d0, &day), CCAD_EINVAL);
    TU_FAIL(e->fx.ctx, ccad_schedule_day(s, d0, NULL), CCAD_EINVAL);
    TU_FAIL(e->fx.ctx, ccad_schedule_day(s, d0 - 1, &day), CCAD_ENOTFOUND);
    TU_FAIL(e->fx.ctx, ccad_schedule_day(s, d0 + 7, &day), CCAD_ENOTFOUND);
    TU_FAIL(e->fx.ctx, ccad_schedule_day(s, CCAD_NO_DATE, &day), CCAD_ENOTFOUND);
    TU_FAIL(e->fx.ctx, ccad_schedule_day(s, INT32_MAX, &day), CCAD_ENOTFOUND);
    assert_memory_equal(&day, &keep, sizeof day);
    day.size = (uint32_t)sizeof day - 4;
    keep = day;
    TU_FAIL(e->fx.ctx, ccad_schedule_day(s, d0, &day), CCAD_EVERSION);
    assert_memory_equal(&day, &keep, sizeof day);
    day.size = 0;
    TU_FAIL(e->fx.ctx, ccad_schedule_day(s, d0, &day), CCAD_EVERSION);
    day.size = (uint32_t)sizeof day + 8;
    TU_FAIL(e->fx.ctx, ccad_schedule_day(s, d0, &day), CCAD_EVERSION);
    ccad_schedule_free(s);
}

/* ccad_book_grade_of: the effective grade (by hand, else computed by the
 * last ccad_book_grade), NONE for a NULL book, a bad index or a book never
 * graded, with no message recorded. */
static void book_grade_of(void **state)
{
    env *e = *state;
    ccad_book *b2 = NULL;
    ccad_customer c = CCAD_CUSTOMER_INIT;
    size_t i, n;
    uint32_t ihand;
    char id[16];
    for (i = 0; i < 10; i++) {
        snprintf(id, sizeof id, "g%lu", (unsigned long)i);
        add_simple(e, id, CCAD_GRADE_NONE, (int64_t)(1000 - 100 * (int64_t)i), D0 - 3);
    }
    ihand = add_simple(e, "hand", CCAD_GRADE_D, 5000, D0 - 3);
    n = ccad_book_count(e->fx.b);
    /* never graded: the hand grade only */
    assert_int_equal(ccad_book_grade_of(e->fx.b, 0), CCAD_GRADE_NONE);
    assert_int_equal(ccad_book_grade_of(e->fx.b, ihand), CCAD_GRADE_D);
    grade(e);
    for (i = 0; i < n; i++) {
        ccad_assessment a = CCAD_ASSESSMENT_INIT;
        TU_PASS(e->fx.ctx, ccad_book_assess(e->fx.b, e->fx.r, i, D0, &a));
        assert_int_equal(ccad_book_grade_of(e->fx.b, i), a.grade);
    }
    /* the rank method (15 % A, 25 % B of 11): the top value is the hand D */
    assert_int_equal(ccad_book_grade_of(e->fx.b, ihand), CCAD_GRADE_D);
    assert_int_equal(ccad_book_grade_of(e->fx.b, 0), CCAD_GRADE_A);
    assert_int_equal(ccad_book_grade_of(e->fx.b, 9), CCAD_GRADE_C);
    /* a grade set by hand wins at once */
    TU_PASS(e->fx.ctx, ccad_book_get(e->fx.b, 9, &c));
    c.grade = CCAD_GRADE_A;
    TU_PASS(e->fx.ctx, ccad_book_update(e->fx.b, 9, &c));
    assert_int_equal(ccad_book_grade_of(e->fx.b, 9), CCAD_GRADE_A);
    /* bad index, NULL book: NONE, nothing recorded */
    TU_FAIL(e->fx.ctx, ccad_book_update(e->fx.b, n, &c), CCAD_ENOTFOUND); /* a known last error */
    {
        char msg[256];
        snprintf(msg, sizeof msg, "%s", ccad_ctx_errmsg(e->fx.ctx));
        assert_int_equal(ccad_book_grade_of(e->fx.b, n), CCAD_GRADE_NONE);
        assert_int_equal(ccad_book_grade_of(e->fx.b, (size_t)-1), CCAD_GRADE_NONE);
        assert_int_equal(ccad_book_grade_of(NULL, 0), CCAD_GRADE_NONE);
        assert_int_equal(ccad_ctx_errcode(e->fx.ctx), CCAD_ENOTFOUND);
        assert_string_equal(ccad_ctx_errmsg(e->fx.ctx), msg);
    }
    /* an empty book */
    TU_PASS(e->fx.ctx, ccad_book_new(&b2, e->fx.ctx, 0));
    assert_int_equal(ccad_book_grade_of(b2, 0), CCAD_GRADE_NONE);
    ccad_book_free(b2);
}

/* ccad_workload up to its last member: its 4 bytes of tail padding are
 * indeterminate after struct assignment (valgrind reports reading them). */
#define WL_BYTES (offsetof(ccad_workload, stretch_x100) + sizeof(int32_t))

static void errors_workload_platform(void **state)
{
    env *e = *state;
    ccad_workload w = CCAD_WORKLOAD_INIT, keep;
    ccad_platform p = CCAD_PLATFORM_INIT;
    uint8_t ch[3];
    small_book(e);
    keep = w;
    assert_int_equal(ccad_book_workload(NULL, e->fx.r, D0, &w), CCAD_EINVAL);
    TU_FAIL(e->fx.ctx, ccad_book_workload(e->fx.b, NULL, D0, &w), CCAD_EINVAL);
    TU_FAIL(e->fx.ctx, ccad_book_workload(e->fx.b, e->fx.r, D0, NULL), CCAD_EINVAL);
    w.size = 0;
    TU_FAIL(e->fx.ctx, ccad_book_workload(e->fx.b, e->fx.r, D0, &w), CCAD_EVERSION);
    w = keep;
    TU_FAIL(e->fx.ctx, ccad_book_workload(e->fx.b, e->fx.r, CCAD_NO_DATE, &w), CCAD_ERANGE);
#define WL_BAD(field, val) \
    do { \
        ccad_workload b_ = keep, k_; \
        b_.field = (val); \
        k_ = b_; \
        TU_FAIL(e->fx.ctx, ccad_book_workload(e->fx.b, e->fx.r, D0, &b_), CCAD_ERANGE); \
        assert_memory_equal(&b_, &k_, WL_BYTES); \
    } while (0)
    WL_BAD(period_days, 0);
    WL_BAD(period_days, 367);
    WL_BAD(field_days, -1);
    WL_BAD(field_days, 31); /* more field days than the 30-day period */
    WL_BAD(visits_per_day, 0);
    WL_BAD(visits_per_day, -3);
    WL_BAD(visits_per_day, 1001);
#undef WL_BAD
    assert_memory_equal(&w, &keep, WL_BYTES);

    assert_int_equal(ccad_book_platform(NULL, e->fx.r, &p), CCAD_EINVAL);
    TU_FAIL(e->fx.ctx, ccad_book_platform(e->fx.b, NULL, &p), CCAD_EINVAL);
    TU_FAIL(e->fx.ctx, ccad_book_platform(e->fx.b, e->fx.r, NULL), CCAD_EINVAL);
    p.size = (uint32_t)sizeof p + 1;
    TU_FAIL(e->fx.ctx, ccad_book_platform(e->fx.b, e->fx.r, &p), CCAD_EVERSION);
    p.size = (uint32_t)sizeof p;

    assert_int_equal(ccad_book_choose_working(NULL, e->fx.r, ch, 2), CCAD_EINVAL);
    TU_FAIL(e->fx.ctx, ccad_book_choose_working(e->fx.b, NULL, ch, 2), CCAD_EINVAL);
    TU_FAIL(e->fx.ctx, ccad_book_choose_working(e->fx.b, e->fx.r, NULL, 2), CCAD_EINVAL);
    memset(ch, 0x55, sizeof ch);
    TU_FAIL(e->fx.ctx, ccad_book_choose_working(e->fx.b, e->fx.r, ch, 1), CCAD_EINVAL);
    TU_FAIL(e->fx.ctx, ccad_book_choose_working(e->fx.b, e->fx.r, ch, 3), CCAD_EINVAL);
    TU_FAIL(e->fx.ctx, ccad_book_choose_working(e->fx.b, e->fx.r, ch, 0), CCAD_EINVAL);
    assert_int_equal(ch[0], 0x55);
    assert_int_equal(ch[2], 0x55);
    TU_PASS(e->fx.ctx, ccad_book_choose_working(e->fx.b, e->fx.r, ch, 2));

    /* stale book */
    add_simple(e, "late", CCAD_GRADE_A, 3, D0 - 1);
    TU_FAIL(e->fx.ctx, ccad_book_workload(e->fx.b, e->fx.r, D0, &w), CCAD_ESTALE);
    TU_FAIL(e->fx.ctx, ccad_book_platform(e->fx.b, e->fx.r, &p), CCAD_ESTALE);
    TU_FAIL(e->fx.ctx, ccad_book_choose_working(e->fx.b, e->fx.r, ch, 3), CCAD_ESTALE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        PLAN_TEST(errors_schedule_new),
        PLAN_TEST(errors_item_finding),
        PLAN_TEST(errors_workload_platform),
        PLAN_TEST(schedule_day_totals),
        PLAN_TEST(book_grade_of),
        PLAN_TEST(empty_book),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
