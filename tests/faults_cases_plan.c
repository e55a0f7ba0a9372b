/* Fault census cases: the planner: ccad_schedule_new in seven configurations and ccad_schedule_replan.
 * tests/test_faults.c runs every case of the table at the end (faults_cases.h). */
#include "faults_cases.h"

#include <stdlib.h>
#include <string.h>

static int schedule_of(world *w, const ccad_book *b, const ccad_plan_options *o, uint64_t *digest)
{
    ccad_schedule *s = (ccad_schedule *)(void *)w;
    int rc = ccad_schedule_new(&s, b, w->r, o);
    settle(w);
    if (rc != CCAD_OK) {
        assert_null(s);
        return rc;
    }
    *digest = schedule_digest(s, o->first_day, o->days);
    ccad_schedule_free(s);
    return rc;
}

static int schedule_run(world *w, const ccad_plan_options *o, uint64_t *digest)
{
    return schedule_of(w, w->b, o, digest);
}

static int run_sched_plain(world *w, uint64_t *digest)
{
    ccad_plan_options o = census_plan_opts(w, 0, 0, CCAD_METRIC_PLANAR);
    return schedule_run(w, &o, digest);
}

static int run_sched_lean(world *w, uint64_t *digest)
{
    ccad_plan_options o = census_plan_opts(w, 0, 0, CCAD_METRIC_PLANAR);
    o.keep_reasons = 0;
    o.overload = CCAD_OVERLOAD_STRETCH;
    o.visits_per_day = 0;
    o.minutes_per_day = 120;
    return schedule_run(w, &o, digest);
}

static int run_sched_route(world *w, uint64_t *digest)
{
    ccad_plan_options o = census_plan_opts(w, 1, 1, CCAD_METRIC_PLANAR);
    return schedule_run(w, &o, digest);
}

static int run_sched_geo(world *w, uint64_t *digest)
{
    ccad_plan_options o = census_plan_opts(w, 1, 0, CCAD_METRIC_GEO);
    return schedule_run(w, &o, digest);
}

static int run_sched_host(world *w, uint64_t *digest)
{
    ccad_plan_options o = census_plan_opts(w, 1, 1, CCAD_METRIC_HOST);
    o.days = 7;
    return schedule_run(w, &o, digest);
}

/* The big book with two visits a day for four weeks: most due customers
 * wait day after day and become dormant (lib/plan/dormant.c: the classes,
 * the days' wake lists); with routes too. */
static int run_sched_dormant(world *w, uint64_t *digest)
{
    ccad_plan_options o = census_plan_opts(w, 0, 0, CCAD_METRIC_PLANAR);
    o.visits_per_day = 2;
    o.days = 28;
    return schedule_of(w, w->big, &o, digest);
}

static int run_sched_dormant_routed(world *w, uint64_t *digest)
{
    ccad_plan_options o = census_plan_opts(w, 1, 0, CCAD_METRIC_PLANAR);
    o.visits_per_day = 0;
    o.minutes_per_day = 240;
    o.days = 28;
    return schedule_of(w, w->big, &o, digest);
}

/* ccad_schedule_replan of the world's schedule with options o; a failure
 * leaves the schedule as it was. */
static int replan_run(world *w, const ccad_plan_options *o, int want_cause, uint64_t *digest)
{
    ccad_plan_options o0 = census_plan_opts(w, 0, 0, 0);
    ccad_replan_info info = CCAD_REPLAN_INFO_INIT;
    int rc = ccad_schedule_replan(w->sched, w->b, w->r, o, &info);
    settle(w);
    if (rc != CCAD_OK) {
        assert_true(schedule_digest(w->sched, o0.first_day, o0.days) == w->sched_digest);
        return rc;
    }
    assert_int_equal(info.cause, want_cause);
    /* the world's schedule has a trace (sched_open replanned it once): a
     * recorded contact takes the incremental path (replan_trace.c) */
    assert_int_equal(info.incremental, want_cause == CCAD_REPLAN_BOOK);
    *digest = schedule_digest(w->sched, o->first_day, o->days);
    return rc;
}

static int run_replan_kept(world *w, uint64_t *digest)
{
    ccad_plan_options o = census_plan_opts(w, 0, 0, 0);
    return replan_run(w, &o, CCAD_REPLAN_KEPT, digest);
}

static int run_replan_book(world *w, uint64_t *digest)
{
    ccad_plan_options o = census_plan_opts(w, 0, 0, 0);
    return replan_run(w, &o, CCAD_REPLAN_BOOK, digest);
}

static int run_replan_today(world *w, uint64_t *digest)
{
    ccad_plan_options o = census_plan_opts(w, 1, 1, CCAD_METRIC_GEO);
    o.first_day++;
    return replan_run(w, &o, CCAD_REPLAN_OPTIONS, digest);
}

static const fcase cases[] = {
    {"ccad_schedule_new:plain", "ccad_schedule_new", run_sched_plain, 0, 0},
    {"ccad_schedule_new:lean-stretch-minutes", "ccad_schedule_new", run_sched_lean, 0, 0},
    {"ccad_schedule_new:route+assign_days", "ccad_schedule_new", run_sched_route, 0, 0},
    {"ccad_schedule_new:route-geo", "ccad_schedule_new", run_sched_geo, 0, 0},
    {"ccad_schedule_new:route-host-travel", "ccad_schedule_new", run_sched_host, 0, 0},
    {"ccad_schedule_new:dormant", "ccad_schedule_new", run_sched_dormant, W_BIG, 0},
    {"ccad_schedule_new:dormant-routed", "ccad_schedule_new", run_sched_dormant_routed, W_BIG, 0},
    /* incremental re-planning (issue 18) */
    {"ccad_schedule_replan:kept", "ccad_schedule_replan", run_replan_kept, W_SCHED, 0},
    {"ccad_schedule_replan:contact-recorded", "ccad_schedule_replan", run_replan_book,
     W_SCHED_STALE, 0},
    {"ccad_schedule_replan:new-today-routed", "ccad_schedule_replan", run_replan_today, W_SCHED, 0},
};
const fcase_table faults_cases_plan = {cases, sizeof cases / sizeof cases[0]};
