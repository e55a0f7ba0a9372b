/* Misuse: plan and route options at and past every documented bound.
 * World and MUST_FAIL: tests/misuse_env.h. */
#include "misuse_env.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------ */
/* 6. Plan and route options at and past their bounds                         */

typedef struct opt_case {
    const char *what;
    int field;
    double v;
    int code; /* CCAD_OK: at the bound, accepted */
} opt_case;

enum {
    O_FIRST,
    O_DAYS,
    O_VISITS,
    O_MINUTES,
    O_OVERLOAD,
    O_KEEP,
    O_ROUTE,
    O_ASSIGN,
    O_BASEX,
    O_BASEY,
    O_METRIC,
    O_SCALE,
    O_UPM,
    O_START,
    O_DAYMIN,
    O_EFFORT
};

static void set_opt(ccad_plan_options *o, int field, double v)
{
    switch (field) {
    case O_FIRST: o->first_day = (int32_t)v; break;
    case O_DAYS: o->days = (int32_t)v; break;
    case O_VISITS: o->visits_per_day = (int32_t)v; break;
    case O_MINUTES: o->minutes_per_day = (int32_t)v; break;
    case O_OVERLOAD: o->overload = (int32_t)v; break;
    case O_KEEP: o->keep_reasons = (int32_t)v; break;
    case O_ROUTE: o->route = (int32_t)v; break;
    case O_ASSIGN: o->assign_days = (int32_t)v; break;
    case O_BASEX: o->base_x = v; break;
    case O_BASEY: o->base_y = v; break;
    case O_METRIC: o->metric = (int)v; break;
    case O_SCALE: o->scale = v; break;
    case O_UPM: o->units_per_minute = v; break;
    case O_START: o->day_start_min = (int32_t)v; break;
    case O_DAYMIN: o->day_minutes = (int32_t)v; break;
    default: o->effort = (int32_t)v; break;
    }
}

static void plan_options(void **state)
{
    world *w = *state;
    const double I32MIN = (double)INT32_MIN, I32MAX = (double)INT32_MAX;
    const opt_case oc[] = {
        {"first_day NO_DATE", O_FIRST, I32MIN, CCAD_ERANGE},
        {"first_day DATE_MIN-1", O_FIRST, CCAD_DATE_MIN - 1, CCAD_ERANGE},
        {"first_day DATE_MIN", O_FIRST, CCAD_DATE_MIN, CCAD_OK},
        {"first_day DATE_MAX-6", O_FIRST, CCAD_DATE_MAX - 6, CCAD_OK},
        {"first_day DATE_MAX-5", O_FIRST, CCAD_DATE_MAX - 5, CCAD_ERANGE},
        {"first_day INT32_MAX", O_FIRST, I32MAX, CCAD_ERANGE},
        {"days INT32_MIN", O_DAYS, I32MIN, CCAD_ERANGE},
        {"days 0", O_DAYS, 0, CCAD_ERANGE},
        {"days 1", O_DAYS, 1, CCAD_OK},
        {"days 366", O_DAYS, 366, CCAD_OK},
        {"days 367", O_DAYS, 367, CCAD_ERANGE},
        {"days INT32_MAX", O_DAYS, I32MAX, CCAD_ERANGE},
        {"visits_per_day -1", O_VISITS, -1, CCAD_ERANGE},
        {"visits_per_day INT32_MIN", O_VISITS, I32MIN, CCAD_ERANGE},
        {"visits_per_day 1000", O_VISITS, 1000, CCAD_OK},
        {"visits_per_day 1001", O_VISITS, 1001, CCAD_ERANGE},
        {"visits_per_day INT32_MAX", O_VISITS, I32MAX, CCAD_ERANGE},
        {"visits_per_day 0, minutes 0", O_VISITS, 0, CCAD_EINVAL},
        {"minutes_per_day -1", O_MINUTES, -1, CCAD_ERANGE},
        {"minutes_per_day 1440", O_MINUTES, 1440, CCAD_OK},
        {"minutes_per_day 1441", O_MINUTES, 1441, CCAD_ERANGE},
        {"minutes_per_day INT32_MAX", O_MINUTES, I32MAX, CCAD_ERANGE},
        {"overload -1", O_OVERLOAD, -1, CCAD_EINVAL},
        {"overload 2", O_OVERLOAD, 2, CCAD_EINVAL},
        {"keep_reasons 2", O_KEEP, 2, CCAD_EINVAL},
        {"keep_reasons -1", O_KEEP, -1, CCAD_EINVAL},
        {"route 2", O_ROUTE, 2, CCAD_EINVAL},
        {"assign_days -1", O_ASSIGN, -1, CCAD_EINVAL},
    };
    /* with route = 1 */
    const opt_case rc_[] = {
        {"metric 0", O_METRIC, 0, CCAD_EINVAL},
        {"metric 4", O_METRIC, 4, CCAD_EINVAL},
        {"base_x NaN", O_BASEX, NAN, CCAD_ERANGE},
        {"base_x inf", O_BASEX, INFINITY, CCAD_ERANGE},
        {"base_y -inf", O_BASEY, -INFINITY, CCAD_ERANGE},
        {"base_x 1e13", O_BASEX, 1e13, CCAD_ERANGE},
        {"base_y DBL_MAX", O_BASEY, 1.7976931348623157e308, CCAD_ERANGE},
        {"scale 0", O_SCALE, 0, CCAD_ERANGE},
        {"scale -1", O_SCALE, -1, CCAD_ERANGE},
        {"scale NaN", O_SCALE, NAN, CCAD_ERANGE},
        {"scale inf", O_SCALE, INFINITY, CCAD_ERANGE},
        {"scale 1e300", O_SCALE, 1e300, CCAD_ERANGE},
        {"units_per_minute 0", O_UPM, 0, CCAD_ERANGE},
        {"units_per_minute -0.5", O_UPM, -0.5, CCAD_ERANGE},
        {"units_per_minute NaN", O_UPM, NAN, CCAD_ERANGE},
        {"units_per_minute inf", O_UPM, INFINITY, CCAD_ERANGE},
        {"units_per_minute 1e-300", O_UPM, 1e-300, CCAD_OK},
        {"units_per_minute 1e300", O_UPM, 1e300, CCAD_OK},
        {"day_start_min -1", O_START, -1, CCAD_ERANGE},
        {"day_start_min 0", O_START, 0, CCAD_OK},
        {"day_start_min 1440", O_START, 1440, CCAD_OK},
        {"day_start_min 1441", O_START, 1441, CCAD_ERANGE},
        {"day_minutes 0", O_DAYMIN, 0, CCAD_ERANGE},
        {"day_minutes 1", O_DAYMIN, 1, CCAD_OK},
        {"day_minutes 1440", O_DAYMIN, 1440, CCAD_OK},
        {"day_minutes 1441", O_DAYMIN, 1441, CCAD_ERANGE},
        {"effort -1", O_EFFORT, -1, CCAD_ERANGE},
        {"effort 0", O_EFFORT, 0, CCAD_OK},
        {"effort 10000", O_EFFORT, 10000, CCAD_OK},
        {"effort 10001", O_EFFORT, 10001, CCAD_ERANGE},
        {"effort INT32_MIN", O_EFFORT, I32MIN, CCAD_ERANGE},
        {"assign_days 2", O_ASSIGN, 2, CCAD_EINVAL},
    };
    size_t i;
    int pass;
    long n = 0;
    for (pass = 0; pass < 2; pass++) {
        const opt_case *t = pass ? rc_ : oc;
        size_t nt = pass ? sizeof rc_ / sizeof *rc_ : sizeof oc / sizeof *oc;
        for (i = 0; i < nt; i++) {
            ccad_plan_options o = CCAD_PLAN_OPTIONS_INIT;
            ccad_schedule *s = (ccad_schedule *)&o;
            char what[128];
            uint64_t d = digest();
            char mark[256];
            int rc;
            o.first_day = w->today;
            o.route = pass;
            o.assign_days = pass;
            if (t[i].field == O_VISITS && t[i].code == CCAD_EINVAL)
                o.minutes_per_day = 0;
            set_opt(&o, t[i].field, t[i].v);
            if (t[i].field == O_START && t[i].code == CCAD_OK && t[i].v == 1440)
                o.day_minutes = 1; /* a day that starts at midnight's end is one minute long */
            strncpy(mark, mark_ctx(w->ctx), sizeof mark - 1);
            mark[sizeof mark - 1] = '\0';
            rc = ccad_schedule_new(&s, w->book, w->rules, &o);
            snprintf(what, sizeof what, "ccad_schedule_new with %s%s", t[i].what,
                     pass ? " (route on)" : "");
            if (t[i].code == CCAD_OK) {
                if (rc != CCAD_OK)
                    fail_msg("%s: %d (%s)", what, rc, ccad_ctx_errmsg(w->ctx));
                ccad_schedule_free(s);
            } else {
                expect_fail(what, rc, t[i].code, 1, d, mark);
                assert_null(s);
            }
            cases++;
            n++;
        }
    }
    print_message("misuse: %ld plan option cases\n", n);
}

static void route_options(void **state)
{
    world *w = *state;
    uint32_t order[NCUST + 1], keep[NCUST + 1];
    int32_t open[NCUST + 1], close[NCUST + 1], service[NCUST + 1], start[NCUST + 1];
    double bx[NCUST + 1];
    int64_t cost = 4242;
    size_t i;
    int k;
    memset(keep, 0xAB, sizeof keep);
    for (i = 0; i <= NCUST; i++) {
        open[i] = 0;
        close[i] = 1440;
        service[i] = 10;
    }
#define ROUTE(opt, code) \
    do { \
        memcpy(order, keep, sizeof order); \
        cost = 4242; \
        MUST_FAIL(ccad_route_solve(w->ctx, w->x, w->y, NCUST + 1, (opt), order, &cost), (code), \
                  1); \
        assert_memory_equal(order, keep, sizeof order); \
        MUST_FAIL( \
            ccad_route_solve_tw(w->ctx, w->x, w->y, NCUST + 1, (opt), NULL, order, start, &cost), \
            (code), 1); \
        assert_memory_equal(order, keep, sizeof order); \
        assert_int_equal(cost, 4242); \
    } while (0)
    for (k = 0; k < 16; k++) {
        ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
        int code = CCAD_ERANGE;
        switch (k) {
        case 0:
            o.metric = 0;
            code = CCAD_EINVAL;
            break;
        case 1:
            o.metric = 4;
            code = CCAD_EINVAL;
            break;
        case 2:
            o.closed = 2;
            code = CCAD_EINVAL;
            break;
        case 3:
            o.closed = -1;
            code = CCAD_EINVAL;
            break;
        case 4: o.effort = -1; break;
        case 5: o.effort = 10001; break;
        case 6: o.effort = INT32_MAX; break;
        case 7: o.scale = 0; break;
        case 8: o.scale = -1; break;
        case 9: o.scale = NAN; break;
        case 10: o.scale = INFINITY; break;
        case 11: o.scale = 1e300; break;
        case 12:
            o.metric = CCAD_METRIC_GEO;
            code = CCAD_ERANGE;
            break; /* y up to 21: fine; set below */
        default: o.effort = INT32_MIN; break;
        }
        if (k == 12)
            continue;
        ROUTE(&o, code);
    }
    /* coordinates */
    memcpy(bx, w->x, sizeof bx);
    for (k = 0; k < 4; k++) {
        double v = k == 0 ? NAN : k == 1 ? INFINITY : k == 2 ? -INFINITY : 1e300;
        ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
        w->x[3] = v;
        ROUTE(&o, CCAD_ERANGE);
        w->x[3] = bx[3];
    }
    {
        ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
        double y3 = w->y[3];
        o.metric = CCAD_METRIC_GEO;
        w->y[3] = 90.5;
        ROUTE(&o, CCAD_ERANGE);
        w->y[3] = y3;
    }
    /* n at and past its limits */
    MUST_FAIL(ccad_route_solve(w->ctx, w->x, w->y, 0, NULL, order, NULL), CCAD_ERANGE, 1);
    MUST_FAIL(ccad_route_solve(w->ctx, w->x, w->y, CCAD_ROUTE_MAX_POINTS + 1, NULL, order, NULL),
              CCAD_ERANGE, 1);
    MUST_FAIL(ccad_route_solve(w->ctx, w->x, w->y, SIZE_MAX, NULL, order, NULL), CCAD_ERANGE, 1);
    MUST_FAIL(ccad_route_solve_tw(w->ctx, w->x, w->y, 0, NULL, NULL, order, NULL, NULL),
              CCAD_ERANGE, 1);
    MUST_FAIL(ccad_route_solve_tw(w->ctx, w->x, w->y, CCAD_ROUTE_TW_MAX_POINTS + 1, NULL, NULL,
                                  order, NULL, NULL),
              CCAD_ERANGE, 1);
    MUST_FAIL(ccad_route_solve_tw(w->ctx, w->x, w->y, SIZE_MAX, NULL, NULL, order, NULL, NULL),
              CCAD_ERANGE, 1);
    TU_PASS(w->ctx, ccad_route_solve(w->ctx, w->x, w->y, 1, NULL, order, &cost));
    assert_int_equal(order[0], 0);
    /* HOST metric with a travel callback that fails / lies */
    {
        ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
        o.metric = CCAD_METRIC_HOST;
        w->l.travel_rc = 1;
        ROUTE(&o, CCAD_ECALLBACK);
        w->l.travel_rc = 0;
        w->l.travel_fixed = -1;
        ROUTE(&o, CCAD_ECALLBACK);
        w->l.travel_fixed = INT32_MIN;
        ROUTE(&o, CCAD_ECALLBACK);
        /* huge but valid minutes: the plain tour sums them, the day cannot hold them */
        w->l.travel_fixed = INT32_MAX;
        TU_PASS(w->ctx, ccad_route_solve(w->ctx, w->x, w->y, NCUST + 1, &o, order, &cost));
        assert_true(cost == (int64_t)INT32_MAX * (NCUST + 1));
        assert_int_equal(
            ccad_route_solve_tw(w->ctx, w->x, w->y, NCUST + 1, &o, NULL, order, start, &cost),
            CCAD_ERANGE);
        w->l.travel_fixed = 0;
    }
    /* the times at and past their bounds */
    for (k = 0; k < 15; k++) {
        ccad_route_times t = CCAD_ROUTE_TIMES_INIT;
        int code = CCAD_ERANGE;
        t.open_min = open;
        t.close_min = close;
        t.service_min = service;
        switch (k) {
        case 0: open[2] = -1; break;
        case 1:
            open[2] = 1441;
            close[2] = 1441;
            break;
        case 2:
            open[2] = 600;
            close[2] = 599;
            break;
        case 3: close[2] = 1441; break;
        case 4: close[2] = INT32_MIN; break;
        case 5: service[2] = -1; break;
        case 6: service[2] = 1441; break;
        case 7: service[2] = INT32_MAX; break;
        case 8: t.start_min = -1; break;
        case 9:
            t.start_min = 1441;
            t.end_min = 1441;
            break;
        case 10: t.end_min = 1441; break;
        case 11:
            t.start_min = 600;
            t.end_min = 599;
            break;
        case 12: t.units_per_minute = 0; break;
        case 13: t.units_per_minute = NAN; break;
        default: t.units_per_minute = -INFINITY; break;
        }
        memcpy(order, keep, sizeof order);
        MUST_FAIL(ccad_route_solve_tw(w->ctx, w->x, w->y, NCUST + 1, NULL, &t, order, start, &cost),
                  code, 1);
        assert_memory_equal(order, keep, sizeof order);
        open[2] = 0;
        close[2] = 1440;
        service[2] = 10;
    }
#undef ROUTE
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, world_setup, world_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(plan_options),
        T(route_options),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
