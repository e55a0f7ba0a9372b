/* Planner 2, over the week: weekly assignment (rule 11: moved items carry
 * ROUTE_DAY and keep their windows, visit days and hours) and route repair
 * with travel answers that change during planning (rule 12). Fixture:
 * tests/plan_env.h.
 *
 * Dates: D0 is Monday 2026-03-02; D0+5/+6, D0+12/+13, D0+19/+20 are weekends. */
#include "plan_env.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A territory for the weekly assignment: three clusters, grades A-C, visit
 * days, a holiday and an absence. */
static void territory(env *e, int n)
{
    static const uint32_t masks[5] = {0, CCAD_MON | CCAD_WED | CCAD_FRI, CCAD_TUE | CCAD_THU, 0,
                                      CCAD_MON | CCAD_TUE | CCAD_WED};
    int32_t d0 = D0;
    char id[16];
    int i;
    for (i = 0; i < n; i++) {
        ccad_customer c;
        snprintf(id, sizeof id, "t%02d", i);
        c = cust(id,
                 i % 5 == 0   ? CCAD_GRADE_A
                 : i % 5 == 4 ? CCAD_GRADE_C
                              : CCAD_GRADE_B,
                 1000 - i, d0 - 1 - (i * 3) % 9);
        c.has_location = 1;
        c.x = (i % 3 == 0 ? -30.0 : i % 3 == 1 ? 30.0 : 0.0) + (double)(i * 7 % 5);
        c.y = (i % 3 == 2 ? 35.0 : 0.0) + (double)(i * 3 % 7);
        c.visit_days = masks[i % 5];
        if (i % 11 == 3) {
            c.visit_open_min = 600;
            c.visit_close_min = 840;
        }
        add(e, &c);
    }
    grade(e);
    e->holiday[e->n_holiday++] = D0 + 9;
    e->absent[e->n_absent++] = D0 + 3;
}

/* Checks the moved items of s against the rule; returns how many moved,
 * and in *out_rolled how many of them were rolled over. */
static size_t check_moves(env *e, const ccad_schedule *s, int32_t move_days, size_t *out_rolled)
{
    size_t i, j, moved = 0, rolled = 0;
    for (i = 0; i < ccad_schedule_item_count(s); i++) {
        ccad_item it = tu_item(s, i);
        const ccad_reason *r = tu_reason_of(it.reasons, it.reason_count, CCAD_WHY_ROUTE_DAY);
        ccad_day day = CCAD_DAY_INIT;
        uint32_t mask;
        if (r == NULL)
            continue;
        moved++;
        assert_int_equal(r->rule, CCAD_RULE_ROUTE);
        assert_true(r->a != it.date);
        assert_true(r->a - it.date <= move_days && it.date - r->a <= move_days);
        assert_true(r->b >= 0);
        if (it.rolled_from != CCAD_NO_DATE) { /* stays after its first day of waiting */
            const ccad_reason *w = tu_reason_of(it.reasons, it.reason_count, CCAD_WHY_PLAN_ROLLED);
            assert_true(it.date > it.rolled_from);
            assert_non_null(w);
            assert_int_equal(w->a, it.rolled_from);
            assert_int_equal(w->b, it.date - it.rolled_from);
            rolled++;
        }
        assert_int_equal(it.kind, CCAD_ITEM_VISIT);
        assert_int_equal(it.quadrant, CCAD_Q2);
        assert_int_equal(it.delegated, CCAD_BY_REP);
        assert_true(it.seq > 0);
        TU_PASS(e->fx.ctx, ccad_schedule_day(s, it.date, &day));
        assert_true((day.flags & CCAD_DAY_WORKING) && !(day.flags & CCAD_DAY_ABSENT));
        mask = customer_at(e, it.customer).visit_days;
        assert_true(mask == 0 || (mask & wd_bit(it.date)));
        for (j = 0; j < ccad_schedule_item_count(s); j++) {
            ccad_item o = tu_item(s, j);
            if (j == i || o.customer != it.customer || o.kind == CCAD_ITEM_TOUCH)
                continue;
            assert_true(o.date > it.date + 1 || o.date < it.date - 1);
        }
    }
    if (out_rolled != NULL)
        *out_rolled = rolled;
    return moved;
}

/* Rule 11 (ROUTE, weekly assignment): moved items carry ROUTE_DAY(original
 * date, saving >= 0), stay within route.move_days (2 by default; 1; 0 =
 * never), are the rep's Q2 visits, fall on working days the rep is present
 * and the customer may be seen, never next to another contact of the same
 * customer, and a rolled-over visit stays after the day it first waited,
 * its PLAN_ROLLED reason counting the days up to its new day; with
 * move_days 0 the plan is assign_days = 0's item for item. 30 customers at
 * 6 visits a day: some visits roll over, and one of them moves. */
static void weekly_assignment(void **state)
{
    env *e = *state;
    ccad_plan_options o = route_opts(D0, 14, 6), plain;
    ccad_schedule *s, *p;
    int64_t md;
    size_t rolled = 0;
    territory(e, 30);
    TU_PASS(e->fx.ctx, ccad_rules_get(e->fx.r, "route.move_days", &md));
    assert_int_equal(md, 2);
    o.assign_days = 1;
    s = plan_o(e, &o);
    assert_true(check_moves(e, s, 2, &rolled) > 0);
    assert_true(rolled > 0);
    check_times(e, s, &o);
    ccad_schedule_free(s);
    set(e, "route.move_days", 1);
    s = plan_o(e, &o);
    assert_true(check_moves(e, s, 1, NULL) > 0);
    check_times(e, s, &o);
    ccad_schedule_free(s);
    set(e, "route.move_days", 0);
    s = plan_o(e, &o);
    assert_int_equal(check_moves(e, s, 0, NULL), 0);
    plain = o;
    plain.assign_days = 0;
    p = plan_o(e, &plain);
    tu_schedules_equal(s, p);
    ccad_schedule_free(s);
    ccad_schedule_free(p);
}

/* Outcome of one repair run: stops moved by repair, stops left late. */
struct repair_out {
    size_t moved, late;
};

/* The final plan is back by the day's end, or its late stops are marked
 * late, each with exactly one ROUTE finding ROUTE_LATE(eta, limit, minutes
 * over). */
static struct repair_out check_repair(env *e, const ccad_schedule *s, const ccad_plan_options *o)
{
    struct repair_out out = {0, 0};
    int32_t end = o->day_start_min + o->day_minutes, d;
    size_t i;
    for (d = o->first_day; d < o->first_day + o->days; d++) {
        ccad_day day = CCAD_DAY_INIT;
        TU_PASS(e->fx.ctx, ccad_schedule_day(s, d, &day));
        assert_true(day.back_min <= end || day.late > 0);
    }
    for (i = 0; i < ccad_schedule_item_count(s); i++) {
        ccad_item it = tu_item(s, i);
        ccad_customer c = customer_at(e, it.customer);
        int32_t limit = c.visit_close_min < end ? c.visit_close_min : end, over;
        size_t k, nf = 0;
        ccad_day day = CCAD_DAY_INIT;
        if (tu_reason_of(it.reasons, it.reason_count, CCAD_WHY_ROUTE_DAY) != NULL)
            out.moved++;
        if (!it.late) {
            assert_true(it.seq == 0 || it.depart_min <= c.visit_close_min);
            continue;
        }
        out.late++;
        TU_PASS(e->fx.ctx, ccad_schedule_day(s, it.date, &day));
        over = it.depart_min - c.visit_close_min;
        if (it.seq == day.stops && day.back_min - end > over)
            over = day.back_min - end; /* the last stop: the way back counts */
        if (it.seq == day.stops && end - (day.back_min - it.depart_min) < limit)
            limit = end - (day.back_min - it.depart_min); /* latest departure home in time */
        assert_true(over > 0);
        assert_int_equal(over, it.depart_min - limit);
        for (k = 0; k < ccad_schedule_finding_count(s); k++) {
            ccad_finding f = tu_finding(s, k);
            if (f.kind != CCAD_FIND_ROUTE || f.customer != (int64_t)it.customer ||
                f.date != it.date)
                continue;
            nf++;
            tu_reason_is(&f.reasons[0], CCAD_RULE_ROUTE, CCAD_WHY_ROUTE_LATE, it.eta_min, limit,
                         over);
        }
        assert_int_equal(nf, 1);
    }
    assert_int_equal(tu_count_findings(s, CCAD_FIND_ROUTE, -2), out.late);
    return out;
}

static void repair_book(env *e)
{
    char id[16];
    int i;
    set(e, "capacity.pull_ahead_days", 0);
    for (i = 0; i < 6; i++) {
        ccad_customer c;
        snprintf(id, sizeof id, "h%d", i);
        c = cust(id, CCAD_GRADE_A, 900 - i, D0 - 3 + (i % 2));
        c.has_location = 1;
        c.x = 10.0 + 5.0 * i;
        c.y = (double)(i % 3) * 5.0;
        if (i == 2) {
            c.visit_open_min = 480;
            c.visit_close_min = 660;
        }
        add(e, &c);
    }
    grade(e);
}

/* Rule 12 (ROUTE repair): with the HOST metric and travel answers that
 * grow by 30 minutes after the planner's first K calls, the final plan is
 * still back by the day's end, or its late stops are marked late with one
 * ROUTE finding each; some K moves a stop to another day (ROUTE_DAY, the
 * item's date changed) and some K leaves one late. */
static void repair_changing_travel(void **state)
{
    env *e = *state;
    ccad_plan_options o = route_opts(D0, 5, 8);
    ccad_schedule *s;
    long total, k;
    size_t runs_moved = 0, runs_late = 0;
    repair_book(e);
    o.metric = CCAD_METRIC_HOST;
    o.day_minutes = 300;
    e->travel_calls = 0;
    s = plan_o(e, &o);
    total = e->travel_calls;
    check_times(e, s, &o);
    ccad_schedule_free(s);
    assert_true(total > 10);
    e->grow_by = 30;
    for (k = 1; k <= total; k++) {
        struct repair_out r;
        uint32_t c;
        e->travel_calls = 0;
        e->grow_after = k;
        s = plan_o(e, &o);
        r = check_repair(e, s, &o);
        runs_moved += r.moved > 0;
        runs_late += r.late > 0;
        /* a repaired stop keeps its customer's rhythm: no two contacts of
         * one customer on the same or adjacent days */
        for (c = 0; c < 6; c++) {
            ccad_item its[8];
            size_t n = tu_items_of(s, c, 0, its, 8), j;
            for (j = 1; j < n && j < 8; j++)
                assert_true(its[j].date - its[j - 1].date >= 2);
        }
        ccad_schedule_free(s);
    }
    e->grow_after = 0;
    print_message("repair: %lu of %ld runs moved a stop, %lu left one late\n",
                  (unsigned long)runs_moved, total, (unsigned long)runs_late);
    assert_true(runs_moved > 0);
    assert_true(runs_late > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        PLAN_TEST(weekly_assignment),
        PLAN_TEST(repair_changing_travel),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
