/* The planner tests' fixture (tests/test_plan_*.c): tu_fixture (counting
 * allocator, context, rules, book, leak check) with a host calendar and a
 * host travel time the tests steer, and the helpers that build a book and
 * plan it. The route checkers of tests/plan_env_routes.c are declared here
 * too.
 *
 * Dates: D0 is Monday 2026-03-02; D0+5/+6, D0+12/+13 and D0+19/+20 are
 * weekends. */
#ifndef CCAD_PLAN_ENV_H
#define CCAD_PLAN_ENV_H

#include "testutil.h"

#define MAX_DAYS 16

typedef struct env {
    tu_fixture fx;             /* first member: the allocator callbacks receive &env */
    int32_t holiday[MAX_DAYS]; /* days the calendar calls holidays */
    int n_holiday;
    int32_t absent[MAX_DAYS]; /* working days the rep is away (the substitute covers) */
    int n_absent;
    int32_t special[MAX_DAYS]; /* special days (KEEPWARM touches) */
    int n_special;
    long cal_calls;      /* calendar calls so far */
    long cal_fail_at;    /* 1-based call that fails; 0 = never */
    long travel_calls;   /* travel calls so far */
    long travel_fail_at; /* 1-based travel call that fails; 0 = never */
    int travel_negative; /* 1: the failing call reports -1 minutes instead */
    long grow_after;     /* legs grow by grow_by minutes after this many calls; 0 = never */
    int32_t grow_by;
} env;

/* cmocka setup / teardown of an env (the teardown fails on a leak). */
int env_setup(void **state);
int env_teardown(void **state);
/* 1 if day d is among the n days of list. */
int in_list(const int32_t *list, int n, int32_t d);
/* The host calendar callback of an env (user is the env): Monday to Friday
 * working, with its holidays, absences and special days. */
int env_calendar(void *user, int32_t day, uint32_t *out);
/* The host travel callback of an env (user is the env): Manhattan minutes. */
int env_travel(void *user, double fx, double fy, double tx, double ty, int32_t *out);
#define PLAN_TEST(f) cmocka_unit_test_setup_teardown(f, env_setup, env_teardown)

#define D0 tu_date("2026-03-02")

/* A planner test's customer (tu_customer): a prospect last contacted and
 * visited on `last`, six contacts so far (none when last is CCAD_NO_DATE). */
ccad_customer cust(const char *id, int grade, int64_t value, int32_t last);
/* Adds a customer to the book (fails the test on an error); its index. */
uint32_t add(env *e, const ccad_customer *c);
uint32_t add_simple(env *e, const char *id, int grade, int64_t value, int32_t last);
/* Sets a rule parameter / grades the book (fail the test on an error). */
void set(env *e, const char *name, int64_t v);
void grade(env *e);
/* Plan options for days from `first`, vpd visits a day; route_opts adds
 * PLANAR routes from (0, 0), one unit a minute, no weekly assignment. */
ccad_plan_options opts(int32_t first, int32_t days, int32_t vpd);
ccad_plan_options route_opts(int32_t first, int32_t days, int32_t vpd);
/* A schedule of the book (fails the test on an error). */
ccad_schedule *plan_o(env *e, const ccad_plan_options *o);
ccad_schedule *plan(env *e, int32_t first, int32_t days, int32_t vpd);
/* The one non-touch item of customer c on day d (fails if none) / whether
 * there is one. */
ccad_item item_on(const ccad_schedule *s, uint32_t c, int32_t d);
int has_item_on(const ccad_schedule *s, uint32_t c, int32_t d);
/* Two customers, "x" (A, seen D0-5) and "y" (C, seen D0-40), graded. */
void small_book(env *e);
/* Twelve located customers for the HOST metric, graded; returns the
 * options that route them on it (3 days from D0, 5 visits a day). */
ccad_plan_options host_book(env *e);
/* The reminder day of a contact on `date`: `lead` days before, moved back
 * to a working day the rep is present. */
int32_t want_reminder(const env *e, int32_t date, int lead);
/* Over-capacity findings about single days; the workload's one (fails if
 * none). */
size_t count_day_overcap(const ccad_schedule *s);
ccad_finding workload_finding(const ccad_schedule *s);

/* Asserts that ccad_schedule_new fails with code, recording it on the
 * context, and leaves the output NULL. */
#define SCHED_FAIL(e, o, code) \
    do { \
        ccad_schedule *s_ = (ccad_schedule *)(void *)&(e); \
        TU_FAIL((e)->fx.ctx, ccad_schedule_new(&s_, (e)->fx.b, (e)->fx.r, (o)), (code)); \
        assert_null(s_); \
    } while (0)

/* ---- route checkers (tests/plan_env_routes.c) ---- */

/* Service minutes of a customer's item, by its effective grade. */
int32_t item_service(env *e, uint32_t customer);
/* Asserts the day totals of a schedule (ccad_schedule_day) add up. */
void check_days(env *e, const ccad_schedule *s, const ccad_plan_options *o);
/* Total closed-tour cost of every day of a routed schedule. */
int64_t schedule_travel(env *e, const ccad_schedule *s, const ccad_plan_options *o);
/* Asserts every routing property of a schedule; returns the stops seen. */
size_t check_routes(env *e, const ccad_schedule *s, const ccad_plan_options *o);
/* Customer i of the book (fails the test on an error). */
ccad_customer customer_at(env *e, uint32_t i);
/* The visit_days bit of a day (CCAD_MON for a Monday, ...). */
uint32_t wd_bit(int32_t d);
/* 1 for the item kinds the rep makes in person (not calls, not touches). */
int in_person(int kind);
/* Asserts every routed stop keeps its visit hours, none is late, every day
 * is back by its end, and no ROUTE finding; returns the stops seen. */
size_t check_times(env *e, const ccad_schedule *s, const ccad_plan_options *o);
/* The ROUTE_DAY reason of an item, or NULL. */
const ccad_reason *route_day_reason(const ccad_item *it);

#endif
