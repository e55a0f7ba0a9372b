/* Route checkers for the planner tests (tests/plan_env.h): what a routed
 * schedule must satisfy, computed independently of the library (straight
 * line costs, leg minutes, the best order of a small day). */
#include "plan_env.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Straight-line cost as the library defines it (include/custcadence.h,
 * ccad_metric): PLANAR nint(distance x scale), GEO great-circle metres. */
static int64_t line_cost(int metric, double scale, double x1, double y1, double x2, double y2)
{
    if (metric == CCAD_METRIC_GEO) {
        const double pi = 3.14159265358979323846, r = 6371008.8;
        double la1 = y1 * (pi / 180.0), lo1 = x1 * (pi / 180.0);
        double la2 = y2 * (pi / 180.0), lo2 = x2 * (pi / 180.0);
        double ax = cos(la1) * cos(lo1), ay = cos(la1) * sin(lo1), az = sin(la1);
        double bx = cos(la2) * cos(lo2), by = cos(la2) * sin(lo2), bz = sin(la2);
        double dx = ax - bx, dy = ay - by, dz = az - bz;
        double chord = sqrt(dx * dx + dy * dy + dz * dz);
        if (chord > 2.0)
            chord = 2.0;
        return (int64_t)(2.0 * asin(chord / 2.0) * r + 0.5);
    }
    {
        double dx = x1 - x2, dy = y1 - y2;
        return (int64_t)(sqrt(dx * dx + dy * dy) * (metric == CCAD_METRIC_PLANAR ? scale : 1.0) +
                         0.5);
    }
}

ccad_plan_options route_opts(int32_t first, int32_t days, int32_t vpd)
{
    ccad_plan_options o = opts(first, days, vpd);
    o.route = 1;
    o.assign_days = 0; /* CCAD_PLAN_OPTIONS_INIT has 1 */
    o.metric = CCAD_METRIC_PLANAR;
    o.base_x = 0.0;
    o.base_y = 0.0;
    o.scale = 1.0;
    o.units_per_minute = 1.0;
    return o;
}

static int32_t service_min(env *e, int grade_)
{
    static const char *const name[4] = {"route.service_a_min", "route.service_b_min",
                                        "route.service_c_min", "route.service_d_min"};
    int64_t v = 0;
    assert_true(grade_ >= CCAD_GRADE_A && grade_ <= CCAD_GRADE_D);
    TU_PASS(e->fx.ctx, ccad_rules_get(e->fx.r, name[grade_ - 1], &v));
    return (int32_t)v;
}

/* Stops the rep drives to: the rep's visits, persist days and care
 * contacts; calls and touches are made from anywhere. */
static int item_routed(const ccad_item *it)
{
    return it->delegated == CCAD_BY_REP && it->kind != CCAD_ITEM_TOUCH &&
           it->kind != CCAD_ITEM_CALL;
}

/* Service minutes of an item, by the customer's effective grade (an
 * ungraded customer counts as C, as the planner does). */
int32_t item_service(env *e, uint32_t customer)
{
    int g = ccad_book_grade_of(e->fx.b, customer);
    return service_min(e, g == CCAD_GRADE_NONE ? CCAD_GRADE_C : g);
}

/* Where a customer is for routing: its location, or the base without one. */
static void cust_at(env *e, const ccad_plan_options *o, uint32_t ci, double *x, double *y)
{
    ccad_customer c = CCAD_CUSTOMER_INIT;
    TU_PASS(e->fx.ctx, ccad_book_get(e->fx.b, ci, &c));
    *x = c.has_location ? c.x : o->base_x;
    *y = c.has_location ? c.y : o->base_y;
}

/* Travel of one leg in minutes, as the schedule must report it. */
static int32_t leg_minutes(env *e, const ccad_plan_options *o, double x1, double y1, double x2,
                           double y2)
{
    if (o->metric == CCAD_METRIC_HOST) {
        int32_t m = 0;
        assert_int_equal(env_travel(e, x1, y1, x2, y2, &m), 0);
        return m;
    }
    return (int32_t)ceil((double)line_cost(o->metric, o->scale, x1, y1, x2, y2) /
                         o->units_per_minute);
}

/* The routed items of the day starting at schedule index *pos (advanced
 * past the day): indices into out (cap entries) in planning order (by
 * priority), the order in which the planner hands the day's points to the
 * route search; the schedule itself lists them in route order. */
static size_t day_routed(const ccad_schedule *s, size_t *pos, int32_t *out_date, size_t *out,
                         size_t cap)
{
    size_t i = *pos, n = 0, total = ccad_schedule_item_count(s), k;
    int32_t d = tu_item(s, i).date;
    for (; i < total; i++) {
        ccad_item it = tu_item(s, i);
        if (it.date != d)
            break;
        if (!item_routed(&it))
            continue;
        assert_true(n < cap);
        /* insertion by priority */
        for (k = n; k > 0 && tu_item(s, out[k - 1]).priority > it.priority; k--)
            out[k] = out[k - 1];
        out[k] = i;
        n++;
    }
    *pos = i;
    *out_date = d;
    return n;
}

/* ccad_schedule_day for every day of a schedule made with options o agrees
 * with its items: counts, the rep's service minutes, stops and lateness;
 * with routes the travel of the day's tour, the way back to the base
 * included, and the time back at the base. */
void check_days(env *e, const ccad_schedule *s, const ccad_plan_options *o)
{
    int32_t d;
    size_t i, n = ccad_schedule_item_count(s);
    for (d = o->first_day; d < o->first_day + o->days; d++) {
        ccad_day day = CCAD_DAY_INIT;
        uint32_t fl = 0;
        int32_t items = 0, by_rep = 0, delegated = 0, touches = 0, stops = 0, svc = 0;
        int32_t travel_sum = 0, late = 0, last_depart = -1;
        uint32_t last_cust = 0;
        TU_PASS(e->fx.ctx, ccad_schedule_day(s, d, &day));
        assert_int_equal(day.size, (uint32_t)sizeof day);
        assert_int_equal(day.date, d);
        TU_PASS(e->fx.ctx, ccad_ctx_day_flags(e->fx.ctx, &fl, d));
        assert_int_equal(day.flags, fl);
        for (i = 0; i < n; i++) {
            ccad_item it = tu_item(s, i);
            if (it.date != d)
                continue;
            items++;
            if (it.kind == CCAD_ITEM_TOUCH)
                touches++;
            else if (it.delegated != CCAD_BY_REP)
                delegated++;
            else {
                by_rep++;
                svc += item_service(e, it.customer);
            }
            if (it.seq > 0) {
                stops++;
                travel_sum += it.travel_min;
                late += it.late;
                if (it.depart_min > last_depart) {
                    last_depart = it.depart_min;
                    last_cust = it.customer;
                }
            }
        }
        assert_int_equal(day.items, items);
        assert_int_equal(day.by_rep, by_rep);
        /* a day's over-capacity finding counts the day's contacts in the
         * final plan, after weekly assignment moved some */
        for (i = 0; i < ccad_schedule_finding_count(s); i++) {
            ccad_finding f = tu_finding(s, i);
            if (f.kind == CCAD_FIND_OVER_CAPACITY && f.date == d && o->keep_reasons)
                assert_int_equal(f.reasons[0].b, by_rep);
        }
        assert_int_equal(day.delegated, delegated);
        assert_int_equal(day.touches, touches);
        assert_int_equal(day.stops, stops);
        assert_int_equal(day.service_min, svc);
        assert_int_equal(day.late, late);
        if (!o->route)
            assert_int_equal(stops, 0);
        if (stops == 0) {
            assert_int_equal(day.travel_min, 0);
            assert_int_equal(day.back_min, -1);
        } else {
            double x, y;
            int32_t back;
            cust_at(e, o, last_cust, &x, &y);
            back = leg_minutes(e, o, x, y, o->base_x, o->base_y);
            assert_int_equal(day.travel_min, travel_sum + back);
            assert_int_equal(day.back_min, last_depart + back);
        }
    }
}

#define ROUTE_CAP 256

/* Total closed-tour cost (in the metric's unit; minutes for HOST) of every
 * day, computed from the items' seq order. */
int64_t schedule_travel(env *e, const ccad_schedule *s, const ccad_plan_options *o)
{
    size_t pos = 0, idx[ROUTE_CAP], by_seq[ROUTE_CAP + 1];
    int64_t total = 0;
    while (pos < ccad_schedule_item_count(s)) {
        int32_t d;
        size_t n = day_routed(s, &pos, &d, idx, ROUTE_CAP), k;
        double px = o->base_x, py = o->base_y, x, y;
        for (k = 0; k < n; k++) {
            ccad_item it = tu_item(s, idx[k]);
            assert_true(it.seq >= 1 && (size_t)it.seq <= n);
            by_seq[it.seq] = idx[k];
        }
        for (k = 1; k <= n; k++) {
            cust_at(e, o, tu_item(s, by_seq[k]).customer, &x, &y);
            total += o->metric == CCAD_METRIC_HOST ? leg_minutes(e, o, px, py, x, y)
                                                   : line_cost(o->metric, o->scale, px, py, x, y);
            px = x;
            py = y;
        }
        if (n > 0)
            total += o->metric == CCAD_METRIC_HOST
                         ? leg_minutes(e, o, px, py, o->base_x, o->base_y)
                         : line_cost(o->metric, o->scale, px, py, o->base_x, o->base_y);
    }
    return total;
}

/* Travel minutes of the best feasible order of the day's stops (in seq
 * order in by_seq[1..n], points xs/ys with the base first), from
 * ccad_route_solve_tw with the stops' windows and service times. */
static int64_t best_day_minutes(env *e, const ccad_plan_options *o, const double *xs,
                                const double *ys, size_t n, const size_t *by_seq,
                                const ccad_schedule *s)
{
    ccad_route_options ro = CCAD_ROUTE_OPTIONS_INIT;
    ccad_route_times rt = CCAD_ROUTE_TIMES_INIT;
    int32_t open[ROUTE_CAP + 1], close[ROUTE_CAP + 1], svc[ROUTE_CAP + 1], starts[ROUTE_CAP + 1];
    double px[ROUTE_CAP + 1], py[ROUTE_CAP + 1];
    uint32_t order[ROUTE_CAP + 1];
    int64_t cost = 0, total = 0;
    size_t k;
    ro.metric = o->metric;
    ro.scale = o->scale;
    rt.start_min = o->day_start_min;
    rt.end_min = o->day_start_min + o->day_minutes;
    rt.units_per_minute = o->units_per_minute;
    px[0] = o->base_x;
    py[0] = o->base_y;
    open[0] = close[0] = svc[0] = 0;
    for (k = 1; k <= n; k++) {
        ccad_item it = tu_item(s, by_seq[k]);
        ccad_customer c = CCAD_CUSTOMER_INIT;
        TU_PASS(e->fx.ctx, ccad_book_get(e->fx.b, it.customer, &c));
        cust_at(e, o, it.customer, &px[k], &py[k]);
        open[k] = c.visit_open_min;
        close[k] = c.visit_close_min;
        svc[k] = it.depart_min - it.eta_min;
    }
    (void)xs;
    (void)ys;
    rt.open_min = open;
    rt.close_min = close;
    rt.service_min = svc;
    TU_PASS(e->fx.ctx,
            ccad_route_solve_tw(e->fx.ctx, px, py, n + 1, &ro, &rt, order, starts, &cost));
    for (k = 0; k <= n; k++)
        total += leg_minutes(e, o, px[order[k]], py[order[k]], px[order[(k + 1) % (n + 1)]],
                             py[order[(k + 1) % (n + 1)]]);
    return total;
}

/* Every routing property of a schedule made with options o (route = 1):
 * seq a permutation 1..k per day; unrouted items without times; travel,
 * ETA, departure and lateness recomputed leg by leg; every stop inside its
 * visit hours and the rep back by the day's end; up to 12 stops the day's
 * travel minutes equal the best feasible order's (ccad_route_solve_tw);
 * one ROUTE finding per late stop, with its figures, after every other
 * finding. Returns the number of late stops. */
size_t check_routes(env *e, const ccad_schedule *s, const ccad_plan_options *o)
{
    size_t pos = 0, i, late = 0, nf = ccad_schedule_finding_count(s), first_route = nf;
    size_t idx[ROUTE_CAP], by_seq[ROUTE_CAP + 1];
    double xs[ROUTE_CAP + 1], ys[ROUTE_CAP + 1];
    int32_t end = o->day_start_min + o->day_minutes;
    /* within a day: routed stops first in route order (seq 1..k), then the
     * other items by priority, touches last */
    {
        int32_t d = CCAD_NO_DATE, seq = 0, prio = 0;
        int touch = 0;
        for (i = 0; i < ccad_schedule_item_count(s); i++) {
            ccad_item it = tu_item(s, i);
            if (it.date != d) {
                assert_true(d == CCAD_NO_DATE || it.date > d);
                d = it.date;
                seq = prio = touch = 0;
            }
            if (it.seq > 0) {
                assert_int_equal(it.seq, seq + 1);
                assert_int_equal(prio, 0);
                seq = it.seq;
            } else {
                assert_true(it.priority > prio);
                prio = it.priority;
                if (it.kind == CCAD_ITEM_TOUCH)
                    touch = 1;
                else
                    assert_false(touch);
            }
        }
    }
    check_days(e, s, o);
    for (i = 0; i < ccad_schedule_item_count(s); i++) {
        ccad_item it = tu_item(s, i);
        if (!item_routed(&it)) {
            assert_int_equal(it.seq, 0);
            assert_int_equal(it.eta_min, -1);
            assert_int_equal(it.depart_min, -1);
            assert_int_equal(it.travel_min, 0);
            assert_int_equal(it.late, 0);
        }
    }
    for (i = 0; i < nf; i++) {
        ccad_finding f = tu_finding(s, i);
        if (f.kind == CCAD_FIND_ROUTE && first_route == nf)
            first_route = i;
        if (first_route < nf)
            assert_int_equal(f.kind, CCAD_FIND_ROUTE); /* ROUTE findings come last */
    }
    while (pos < ccad_schedule_item_count(s)) {
        int32_t d, t = o->day_start_min;
        size_t n = day_routed(s, &pos, &d, idx, ROUTE_CAP), k;
        double px = o->base_x, py = o->base_y;
        int64_t mine = 0, solver_minutes = -1;
        int32_t minutes_sum = 0;
        ccad_day day = CCAD_DAY_INIT;
        if (n == 0)
            continue;
        memset(by_seq, 0xff, sizeof by_seq);
        xs[0] = o->base_x;
        ys[0] = o->base_y;
        for (k = 0; k < n; k++) {
            ccad_item it = tu_item(s, idx[k]);
            assert_true(it.seq >= 1 && (size_t)it.seq <= n);
            assert_true(by_seq[it.seq] == (size_t)-1); /* a permutation */
            by_seq[it.seq] = idx[k];
            cust_at(e, o, it.customer, &xs[k + 1], &ys[k + 1]);
        }
        /* the order is feasible by construction and, up to 12 stops, as
         * short in travel minutes as ccad_route_solve_tw's exact order */
        if (n <= 12)
            solver_minutes = best_day_minutes(e, o, xs, ys, n, by_seq, s);
        for (k = 1; k <= n; k++) {
            ccad_item it = tu_item(s, by_seq[k]);
            ccad_customer c = CCAD_CUSTOMER_INIT;
            ccad_assessment a = CCAD_ASSESSMENT_INIT;
            double x, y;
            int32_t leg, limit;
            TU_PASS(e->fx.ctx, ccad_book_get(e->fx.b, it.customer, &c));
            TU_PASS(e->fx.ctx, ccad_book_assess(e->fx.b, e->fx.r, it.customer, d, &a));
            cust_at(e, o, it.customer, &x, &y);
            leg = leg_minutes(e, o, px, py, x, y);
            mine += o->metric == CCAD_METRIC_HOST ? leg
                                                  : line_cost(o->metric, o->scale, px, py, x, y);
            minutes_sum += leg;
            assert_int_equal(it.travel_min, leg);
            assert_int_equal(it.eta_min, t + leg > c.visit_open_min ? t + leg : c.visit_open_min);
            assert_true(it.eta_min >= t + it.travel_min);
            assert_true(it.eta_min >= c.visit_open_min);
            assert_int_equal(it.depart_min, it.eta_min + item_service(e, it.customer));
            limit = c.visit_close_min < end ? c.visit_close_min : end;
            assert_int_equal(it.late, it.depart_min > limit);
            if (it.late) {
                size_t m, seen = 0;
                late++;
                for (m = first_route; m < nf; m++) {
                    ccad_finding f = tu_finding(s, m);
                    if (f.customer != (int64_t)it.customer || f.date != d)
                        continue;
                    seen++;
                    assert_int_equal(f.reason_count, o->keep_reasons ? 1 : 0);
                    if (o->keep_reasons)
                        tu_reason_is(&f.reasons[0], CCAD_RULE_ROUTE, CCAD_WHY_ROUTE_LATE,
                                     it.eta_min, limit, it.depart_min - limit);
                }
                assert_int_equal(seen, 1);
            }
            t = it.depart_min;
            px = x;
            py = y;
        }
        mine += o->metric == CCAD_METRIC_HOST
                    ? leg_minutes(e, o, px, py, o->base_x, o->base_y)
                    : line_cost(o->metric, o->scale, px, py, o->base_x, o->base_y);
        (void)mine;
        minutes_sum += leg_minutes(e, o, px, py, o->base_x, o->base_y);
        TU_PASS(e->fx.ctx, ccad_schedule_day(s, d, &day));
        assert_int_equal(day.travel_min, minutes_sum);
        assert_true(day.back_min <= end); /* the day's end is respected */
        assert_int_equal(day.back_min, t + leg_minutes(e, o, px, py, o->base_x, o->base_y));
        if (solver_minutes >= 0)
            assert_int_equal(minutes_sum, solver_minutes);
    }
    assert_int_equal(nf - first_route, late);
    return late;
}

/* The ROUTE_DAY reason of an item, or NULL. */
const ccad_reason *route_day_reason(const ccad_item *it)
{
    uint32_t k;
    for (k = 0; k < it->reason_count; k++)
        if (it->reasons[k].why == CCAD_WHY_ROUTE_DAY)
            return &it->reasons[k];
    return NULL;
}

ccad_customer customer_at(env *e, uint32_t i)
{
    ccad_customer c = CCAD_CUSTOMER_INIT;
    TU_PASS(e->fx.ctx, ccad_book_get(e->fx.b, i, &c));
    return c;
}

uint32_t wd_bit(int32_t d) { return 1u << (tu_weekday(d) - 1); }

int in_person(int kind) { return kind != CCAD_ITEM_TOUCH && kind != CCAD_ITEM_CALL; }

/* Every routed stop keeps its visit hours, no stop is late, every day is
 * back by its end, and no ROUTE finding is made. Returns the stops seen. */
size_t check_times(env *e, const ccad_schedule *s, const ccad_plan_options *o)
{
    size_t i, stops = 0;
    int32_t d;
    for (i = 0; i < ccad_schedule_item_count(s); i++) {
        ccad_item it = tu_item(s, i);
        assert_int_equal(it.late, 0);
        if (it.seq > 0) {
            ccad_customer c = customer_at(e, it.customer);
            assert_true(it.eta_min >= c.visit_open_min);
            assert_true(it.eta_min >= o->day_start_min);
            assert_true(it.depart_min <= c.visit_close_min);
            assert_true(it.depart_min <= o->day_start_min + o->day_minutes);
            stops++;
        }
    }
    for (d = o->first_day; d < o->first_day + o->days; d++) {
        ccad_day day = CCAD_DAY_INIT;
        TU_PASS(e->fx.ctx, ccad_schedule_day(s, d, &day));
        assert_true(day.back_min <= o->day_start_min + o->day_minutes);
        assert_int_equal(day.late, 0);
    }
    assert_int_equal(tu_count_findings(s, CCAD_FIND_ROUTE, -2), 0);
    return stops;
}
