/* The planner tests' fixture and book/plan helpers (tests/plan_env.h). */
#include "plan_env.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int in_list(const int32_t *list, int n, int32_t d)
{
    int i;
    for (i = 0; i < n; i++)
        if (list[i] == d)
            return 1;
    return 0;
}

int env_calendar(void *user, int32_t day, uint32_t *out)
{
    env *e = user;
    int wd = 0;
    uint32_t f;
    e->cal_calls++;
    if (e->cal_fail_at > 0 && e->cal_calls == e->cal_fail_at)
        return -1;
    if (ccad_date_weekday(&wd, day) != CCAD_OK)
        return -1;
    f = wd <= 5 ? (uint32_t)CCAD_DAY_WORKING : 0u;
    if (in_list(e->holiday, e->n_holiday, day))
        f = CCAD_DAY_HOLIDAY;
    if (in_list(e->absent, e->n_absent, day))
        f |= CCAD_DAY_ABSENT; /* an absence is a working day the substitute covers */
    if (in_list(e->special, e->n_special, day))
        f |= CCAD_DAY_SPECIAL;
    *out = f;
    return 0;
}

/* Host travel time: Manhattan distance in minutes, rounded up (a road grid);
 * it can fail at a given call (or report -1 minutes there), and answer
 * grow_by minutes more after grow_after calls, as a host whose traffic
 * estimates change during planning. */
int env_travel(void *user, double fx, double fy, double tx, double ty, int32_t *out)
{
    env *e = user;
    double dx = fx - tx, dy = fy - ty;
    e->travel_calls++;
    if (e->travel_fail_at > 0 && e->travel_calls == e->travel_fail_at) {
        if (!e->travel_negative)
            return 3;
        *out = -1;
        return 0;
    }
    *out = (int32_t)ceil((dx < 0 ? -dx : dx) + (dy < 0 ? -dy : dy));
    if (e->grow_after > 0 && e->travel_calls > e->grow_after)
        *out += e->grow_by;
    return 0;
}

int env_setup(void **state)
{
    env *e = calloc(1, sizeof *e);
    ccad_host h;
    if (e == NULL)
        return -1;
    h = tu_host(&e->fx.al);
    h.user = e;
    h.calendar = env_calendar;
    h.travel = env_travel;
    if (tu_fixture_open(&e->fx, &h) != 0)
        return -1;
    *state = e;
    return 0;
}

int env_teardown(void **state)
{
    env *e = *state;
    int rc = tu_fixture_close(&e->fx);
    free(e);
    return rc;
}

ccad_customer cust(const char *id, int grade, int64_t value, int32_t last)
{
    tu_cust_spec spec = {id,    grade, CCAD_STATUS_PROSPECT,
                         value, last,  last == CCAD_NO_DATE ? 0u : 6u};
    return tu_customer(&spec);
}

uint32_t add(env *e, const ccad_customer *c)
{
    size_t i = 0;
    TU_PASS(e->fx.ctx, ccad_book_add(e->fx.b, c, &i));
    return (uint32_t)i;
}

uint32_t add_simple(env *e, const char *id, int grade, int64_t value, int32_t last)
{
    ccad_customer c = cust(id, grade, value, last);
    return add(e, &c);
}

void set(env *e, const char *name, int64_t v)
{
    TU_PASS(e->fx.ctx, ccad_rules_set(e->fx.r, name, v));
}

void grade(env *e) { TU_PASS(ccad_book_ctx(e->fx.b), ccad_book_grade(e->fx.b, e->fx.r)); }

ccad_plan_options opts(int32_t first, int32_t days, int32_t vpd)
{
    ccad_plan_options o = CCAD_PLAN_OPTIONS_INIT;
    o.first_day = first;
    o.days = days;
    o.visits_per_day = vpd;
    return o;
}

ccad_schedule *plan_o(env *e, const ccad_plan_options *o)
{
    ccad_schedule *s = NULL;
    TU_PASS(e->fx.ctx, ccad_schedule_new(&s, e->fx.b, e->fx.r, o));
    assert_non_null(s);
    return s;
}

ccad_schedule *plan(env *e, int32_t first, int32_t days, int32_t vpd)
{
    ccad_plan_options o = opts(first, days, vpd);
    return plan_o(e, &o);
}

/* The one non-touch item of customer c on day d; fails if there is none. */
ccad_item item_on(const ccad_schedule *s, uint32_t c, int32_t d)
{
    size_t i;
    for (i = 0; i < ccad_schedule_item_count(s); i++) {
        ccad_item it = tu_item(s, i);
        if (it.customer == c && it.date == d && it.kind != CCAD_ITEM_TOUCH)
            return it;
    }
    print_message("no item for customer %u on D0%+d\n", c, (int)(d - D0));
    fail();
    return tu_item(s, 0);
}

int has_item_on(const ccad_schedule *s, uint32_t c, int32_t d)
{
    size_t i;
    for (i = 0; i < ccad_schedule_item_count(s); i++) {
        ccad_item it = tu_item(s, i);
        if (it.customer == c && it.date == d && it.kind != CCAD_ITEM_TOUCH)
            return 1;
    }
    return 0;
}

/* Over-capacity findings about single days (not the workload's). */
size_t count_day_overcap(const ccad_schedule *s)
{
    size_t i, n = 0;
    for (i = 0; i < ccad_schedule_finding_count(s); i++) {
        ccad_finding f = tu_finding(s, i);
        n += f.kind == CCAD_FIND_OVER_CAPACITY && f.date != CCAD_NO_DATE;
    }
    return n;
}

/* The workload's over-capacity tu_finding (date unset); fails if none. */
ccad_finding workload_finding(const ccad_schedule *s)
{
    size_t i;
    for (i = 0; i < ccad_schedule_finding_count(s); i++) {
        ccad_finding f = tu_finding(s, i);
        if (f.kind == CCAD_FIND_OVER_CAPACITY && f.date == CCAD_NO_DATE)
            return f;
    }
    fail();
    return tu_finding(s, 0);
}

void small_book(env *e)
{
    add_simple(e, "x", CCAD_GRADE_A, 10, D0 - 5);
    add_simple(e, "y", CCAD_GRADE_C, 1, D0 - 40);
    grade(e);
}

/* Twelve located customers (three A, the rest B) seen from D0-1 back, for
 * the HOST metric's tests; returns the options that route them on it. */
ccad_plan_options host_book(env *e)
{
    ccad_plan_options o = route_opts(D0, 3, 5);
    int32_t d0 = D0;
    char id[16];
    int i;
    for (i = 0; i < 12; i++) {
        ccad_customer c = cust(id, i < 3 ? CCAD_GRADE_A : CCAD_GRADE_B, 100 - i, d0 - 1 - i);
        snprintf(id, sizeof id, "h%02d", i);
        c.has_location = 1;
        c.x = (double)(i * 7 % 11) * 4.0;
        c.y = (double)(i * 5 % 13) * 3.0;
        add(e, &c);
    }
    grade(e);
    o.metric = CCAD_METRIC_HOST;
    o.units_per_minute = 1.0;
    return o;
}

/* The reminder day of a contact on `date`: `lead` days before, moved back
 * to a working day the rep is present (weekdays, holidays and absences of
 * the test calendar). */
int32_t want_reminder(const env *e, int32_t date, int lead)
{
    int32_t d = date - lead;
    int k;
    for (k = 0; k < 31 && lead > 0; k++, d--)
        if (tu_weekday(d) <= 5 && !in_list(e->holiday, e->n_holiday, d) &&
            !in_list(e->absent, e->n_absent, d))
            return d;
    return date - lead;
}
