/* Planner rule ROUTE, one day at a time: each day's rep-owned visits in a
 * closed tour from the base with times, on the PLANAR, GEO and HOST metrics,
 * the day's end and visit hours, and bad route options. Checkers:
 * tests/plan_env_routes.c. */
#include "plan_env.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A small planar day: stops around the base, a delegated Q3, touches, a
 * call (not a stop), a customer without location (a stop at the base) and
 * one whose window opens at 10:00. */
static void route_planar_day(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    const double px[6] = {10, -20, 30, 5, -8, 25}, py[6] = {0, 15, -10, 40, -30, 25};
    char id[16];
    int i;
    uint32_t ilate, inoloc, iq3, ihome = 0;
    ccad_plan_options o = route_opts(d0, 5, 7);
    ccad_schedule *s;
    size_t k, routed_n = 0;
    set(e, "capacity.pull_ahead_days", 0);
    for (i = 0; i < 6; i++) {
        ccad_customer c = cust(id, i < 2 ? CCAD_GRADE_A : CCAD_GRADE_B, 100 - i, d0 - 7);
        snprintf(id, sizeof id, "p%d", i);
        c.has_location = i != 5; /* p5: no location, a stop at the base */
        c.x = px[i];
        c.y = py[i];
        if (i < 2)
            c.purchase_date = d0 + 3; /* Q1 daily */
        if (i == 5)
            ihome = add(e, &c);
        else
            add(e, &c);
    }
    {
        ccad_customer c = cust("window", CCAD_GRADE_B, 50, d0 - 7);
        c.has_location = 1;
        c.x = 1;
        c.y = 1;
        c.visit_open_min = 600;
        ilate = add(e, &c);
    }
    inoloc = add_simple(e, "noloc", CCAD_GRADE_C, 10, d0 - 28); /* Q4: a call */
    {
        ccad_customer c = cust("q3", CCAD_GRADE_C, 5, d0 - 3);
        c.request_date = d0; /* Q3: no room on d0 -> colleague */
        c.has_location = 1;
        c.x = 3;
        c.y = 3;
        iq3 = add(e, &c);
    }
    grade(e);
    e->special[e->n_special++] = d0 + 1;
    s = plan_o(e, &o);
    (void)check_routes(e, s, &o);
    /* the window: served from 10:00 on, never before */
    {
        ccad_item it[8];
        size_t n = tu_items_of(s, ilate, 0, it, 8);
        assert_true(n >= 1);
        for (k = 0; k < n && k < 8; k++) {
            assert_true(it[k].seq >= 1);
            assert_true(it[k].eta_min >= 600);
        }
    }
    assert_int_equal(item_on(s, iq3, d0).delegated, CCAD_BY_COLLEAGUE);
    assert_int_equal(item_on(s, iq3, d0).seq, 0);
    assert_int_equal(item_on(s, iq3, d0).eta_min, -1);
    for (k = 0; k < ccad_schedule_item_count(s); k++) {
        ccad_item it = tu_item(s, k);
        if (it.kind == CCAD_ITEM_TOUCH) {
            assert_int_equal(it.seq, 0);
            assert_int_equal(it.eta_min, -1);
        }
        routed_n += it.seq > 0;
    }
    assert_true(routed_n > 6);
    /* the Q4 customer gets calls: made from anywhere, not stops */
    {
        ccad_item it[8];
        size_t n = tu_items_of(s, inoloc, 0, it, 8);
        assert_true(n >= 1);
        for (k = 0; k < n; k++) {
            assert_int_equal(it[k].kind, CCAD_ITEM_CALL);
            assert_int_equal(it[k].delegated, CCAD_BY_REP);
            assert_int_equal(it[k].seq, 0);
            assert_int_equal(it[k].eta_min, -1);
            assert_int_equal(it[k].depart_min, -1);
            assert_int_equal(it[k].travel_min, 0);
        }
    }
    /* the customer without location is a stop at the base: 0 travel from
     * the base or to it from a stop at the base */
    {
        ccad_item it;
        assert_true(tu_items_of(s, ihome, 0, &it, 1) >= 1);
        assert_int_equal(it.kind, CCAD_ITEM_VISIT);
        assert_true(it.seq >= 1);
        if (it.seq == 1)
            assert_int_equal(it.travel_min, 0);
    }
    /* without route: no times at all */
    {
        ccad_plan_options o0 = o;
        ccad_schedule *s0;
        o0.route = 0;
        s0 = plan_o(e, &o0);
        assert_true(ccad_schedule_item_count(s0) > 0);
        check_days(e, s0, &o0);
        for (k = 0; k < ccad_schedule_item_count(s0); k++) {
            ccad_item a = tu_item(s0, k);
            size_t j, same = 0;
            assert_int_equal(a.seq, 0);
            assert_int_equal(a.eta_min, -1);
            assert_int_equal(a.depart_min, -1);
            assert_int_equal(a.travel_min, 0);
            assert_int_equal(a.late, 0);
            /* without times the day's limits are the count and minutes only */
            (void)j;
            (void)same;
        }
        assert_int_equal(tu_count_findings(s0, CCAD_FIND_ROUTE, -2), 0);
        ccad_schedule_free(s0);
    }
    ccad_schedule_free(s);
}

/* The day's end and the visit hours are respected, not reported: eight A
 * customers (60 minutes each) over a 3-hour day take the days they fit in,
 * and a customer whose window closes at 09:30, 71 minutes from the base,
 * can never be served: it is left out with PLAN_BLOCKED_TIME. A window
 * shorter than the visit gives PLAN_BLOCKED_HOURS. */
static void route_day_end_respected(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    char id[16];
    int i;
    uint32_t iwin = 0, ishort;
    ccad_plan_options o = route_opts(d0, 5, 8);
    ccad_schedule *s;
    ccad_finding f;
    int32_t d;
    set(e, "capacity.pull_ahead_days", 0);
    for (i = 0; i < 8; i++) {
        ccad_customer c = cust(id, CCAD_GRADE_A, 100 - i, d0 - 3);
        snprintf(id, sizeof id, "l%d", i);
        c.has_location = 1;
        c.x = 10.0 * (i % 3);
        c.y = 10.0 * (i / 3);
        if (i == 7) {
            c.visit_close_min = 570;
            c.x = 50;
            c.y = 50;
        }
        iwin = add(e, &c);
    }
    {
        ccad_customer c = cust("short", CCAD_GRADE_A, 10, d0 - 3);
        c.has_location = 1;
        c.visit_open_min = 600;
        c.visit_close_min = 630; /* 30 minutes for a 60-minute visit */
        ishort = add(e, &c);
    }
    grade(e);
    o.day_minutes = 180; /* 08:00-11:00 */
    s = plan_o(e, &o);
    assert_int_equal(check_routes(e, s, &o), 0);
    assert_int_equal(tu_count_findings(s, CCAD_FIND_ROUTE, -2), 0);
    for (d = d0; d < d0 + 5; d++) {
        ccad_day day = CCAD_DAY_INIT;
        TU_PASS(e->fx.ctx, ccad_schedule_day(s, d, &day));
        assert_true(day.back_min <= 660);
        assert_true(day.stops >= 1 && day.stops <= 3); /* three hours hold at most 3 */
    }
    assert_int_equal(tu_items_of(s, iwin, 0, NULL, 0), 0);
    f = tu_find_of(s, CCAD_FIND_UNPLANNED, iwin);
    assert_int_equal(f.reason_count, 2);
    tu_reason_is(&f.reasons[1], CCAD_RULE_ROUTE, CCAD_WHY_PLAN_BLOCKED_TIME, d0, 71 + 60 + 71, 180);
    assert_int_equal(tu_items_of(s, ishort, 0, NULL, 0), 0);
    f = tu_find_of(s, CCAD_FIND_UNPLANNED, ishort);
    tu_reason_is(&f.reasons[1], CCAD_RULE_ROUTE, CCAD_WHY_PLAN_BLOCKED_HOURS, 600, 630, 60);
    ccad_schedule_free(s);
    /* a day long enough: every other stop on the first day, none late; the
     * far customer still cannot be reached before its window closes */
    o.day_minutes = 1440 - o.day_start_min;
    s = plan_o(e, &o);
    assert_int_equal(check_routes(e, s, &o), 0);
    for (i = 0; i < 7; i++)
        assert_int_equal(item_on(s, (uint32_t)i, d0).late, 0);
    assert_int_equal(tu_items_of(s, iwin, 0, NULL, 0), 0);
    f = tu_find_of(s, CCAD_FIND_UNPLANNED, iwin);
    tu_reason_is(&f.reasons[1], CCAD_RULE_ROUTE, CCAD_WHY_PLAN_BLOCKED_TIME, d0, 202,
                 1440 - o.day_start_min);
    ccad_schedule_free(s);
}

/* GEO metric: longitude/latitude, metres, units_per_minute metres a minute. */
static void route_geo(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    char id[16];
    int i;
    ccad_plan_options o = route_opts(d0, 5, 8);
    ccad_schedule *s;
    uint64_t r = 99;
    for (i = 0; i < 30; i++) {
        ccad_customer c = cust(id,
                               i < 5    ? CCAD_GRADE_A
                               : i < 12 ? CCAD_GRADE_B
                                        : CCAD_GRADE_C,
                               300 - i, D0 - 1 - (int32_t)tu_rng_range(&r, 0, 27));
        snprintf(id, sizeof id, "geo%02d", i);
        c.has_location = 1;
        c.x = 121.4 + (double)tu_rng_range(&r, -1000, 1000) / 10000.0;
        c.y = 31.2 + (double)tu_rng_range(&r, -1000, 1000) / 10000.0;
        add(e, &c);
    }
    grade(e);
    o.metric = CCAD_METRIC_GEO;
    o.base_x = 121.4;
    o.base_y = 31.2;
    o.units_per_minute = 500.0; /* 30 km/h */
    s = plan_o(e, &o);
    (void)check_routes(e, s, &o);
    print_message("GEO week: %lld m\n", (long long)schedule_travel(e, s, &o));
    assert_true(schedule_travel(e, s, &o) > 0);
    ccad_schedule_free(s);
    /* PLANAR with a scale: the same points read as planar, costs x 1000 */
    o.metric = CCAD_METRIC_PLANAR;
    o.scale = 1000.0;
    o.units_per_minute = 2.0;
    s = plan_o(e, &o);
    (void)check_routes(e, s, &o);
    ccad_schedule_free(s);
}

/* HOST metric: the travel callback gives minutes; no callback:
 * CCAD_ENOTSUP. (A failing callback: faults_plan_route_host, in the fault
 * census.) */
static void route_host(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    ccad_plan_options o = host_book(e);
    ccad_schedule *s;
    long calls;
    e->travel_calls = 0;
    s = plan_o(e, &o);
    calls = e->travel_calls;
    assert_true(calls > 0);
    (void)check_routes(e, s, &o);
    ccad_schedule_free(s);
    /* no travel callback: not supported (only for HOST) */
    {
        ccad_ctx *ctx2 = NULL;
        ccad_book *b2 = NULL;
        ccad_schedule *s2 = (ccad_schedule *)(void *)e;
        TU_PASS(ctx2, ccad_ctx_new(&ctx2, NULL)); /* every default */
        TU_PASS(ctx2, ccad_book_new(&b2, ctx2, 0));
        {
            ccad_customer c = cust("one", CCAD_GRADE_A, 5, d0 - 3);
            TU_PASS(ctx2, ccad_book_add(b2, &c, NULL));
        }
        TU_PASS(ctx2, ccad_book_grade(b2, e->fx.r));
        TU_FAIL(ctx2, ccad_schedule_new(&s2, b2, e->fx.r, &o), CCAD_ENOTSUP);
        assert_null(s2);
        o.metric = CCAD_METRIC_PLANAR;
        TU_PASS(ctx2, ccad_schedule_new(&s2, b2, e->fx.r, &o));
        ccad_schedule_free(s2);
        ccad_book_free(b2);
        ccad_ctx_free(ctx2);
    }
}

/* Bad route options: ERANGE for figures, EINVAL for flags and the metric;
 * ignored when route = 0. */
static void route_options_errors(void **state)
{
    env *e = *state;
    ccad_plan_options o = route_opts(D0, 7, 8), bad;
    ccad_schedule *s;
    add_simple(e, "x", CCAD_GRADE_A, 10, D0 - 5);
    grade(e);
#define RT_BAD(field, val, code) \
    do { \
        bad = o; \
        bad.field = (val); \
        SCHED_FAIL(e, &bad, code); \
    } while (0)
    RT_BAD(route, 2, CCAD_EINVAL);
    RT_BAD(route, -1, CCAD_EINVAL);
    RT_BAD(assign_days, 2, CCAD_EINVAL);
    RT_BAD(assign_days, -1, CCAD_EINVAL);
    RT_BAD(metric, 0, CCAD_EINVAL);
    RT_BAD(metric, 4, CCAD_EINVAL);
    RT_BAD(base_x, NAN, CCAD_ERANGE);
    RT_BAD(base_y, INFINITY, CCAD_ERANGE);
    RT_BAD(scale, 0.0, CCAD_ERANGE);
    RT_BAD(scale, -1.0, CCAD_ERANGE);
    RT_BAD(scale, NAN, CCAD_ERANGE);
    RT_BAD(units_per_minute, 0.0, CCAD_ERANGE);
    RT_BAD(units_per_minute, -2.0, CCAD_ERANGE);
    RT_BAD(units_per_minute, INFINITY, CCAD_ERANGE);
    RT_BAD(day_start_min, -1, CCAD_ERANGE);
    RT_BAD(day_start_min, 1441, CCAD_ERANGE);
    RT_BAD(day_minutes, 0, CCAD_ERANGE);
    RT_BAD(day_minutes, 1441, CCAD_ERANGE);
    RT_BAD(effort, -1, CCAD_ERANGE);
    RT_BAD(effort, 10001, CCAD_ERANGE);
#undef RT_BAD
    /* the limits are accepted */
    bad = o;
    bad.day_start_min = 1440;
    bad.day_minutes = 1440;
    bad.effort = 10000;
    s = plan_o(e, &bad);
    ccad_schedule_free(s);
    bad = o;
    bad.day_start_min = 0;
    bad.day_minutes = 1;
    bad.effort = 0;
    bad.assign_days = 1;
    s = plan_o(e, &bad);
    ccad_schedule_free(s);
    /* route = 0: the route fields are not looked at */
    bad = o;
    bad.route = 0;
    bad.metric = 99;
    bad.scale = -1.0;
    bad.units_per_minute = NAN;
    bad.day_minutes = 0;
    s = plan_o(e, &bad);
    ccad_schedule_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        PLAN_TEST(route_planar_day), PLAN_TEST(route_day_end_respected), PLAN_TEST(route_geo),
        PLAN_TEST(route_host),       PLAN_TEST(route_options_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
