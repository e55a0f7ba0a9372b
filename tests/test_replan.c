/* ccad_schedule_replan (docs/planning.md, "Re-planning"): over random
 * sequences of changes (contacts recorded, customers added, removed and
 * updated, a new today, a holiday added or taken away, a rule changed, no
 * change at all) to the property tests' generated territories
 * (tests/territory.c), with and without routes, a replanned schedule equals, item
 * for item and finding for finding, the schedule ccad_schedule_new makes
 * from scratch, and says why it planned again (or that it kept the plan);
 * bad arguments and a failing calendar leave the schedule as it was; a
 * team's rep plan is refused; the call is refused from inside a callback. */
#include "testutil.h"
#include "territory.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HOLI_MAX 16

/* The host: a calendar of weekdays less some holidays, one that can fail,
 * and a re-entry probe. */
typedef struct host_state {
    int32_t holiday[HOLI_MAX];
    int holidays;
    int fail;             /* the calendar fails while set */
    ccad_schedule *probe; /* replanned from inside the calendar when set */
    const ccad_book *probe_book;
    const ccad_rules *probe_rules;
    const ccad_plan_options *probe_opts;
    int probe_rc;
} host_state;

static int calendar(void *user, int32_t day, uint32_t *out)
{
    host_state *h = user;
    int k, wd = tu_weekday(day);
    if (h->fail)
        return 1;
    if (h->probe != NULL) {
        h->probe_rc = ccad_schedule_replan(h->probe, h->probe_book, h->probe_rules, h->probe_opts,
                                           NULL);
        h->probe = NULL;
    }
    *out = wd <= 5 ? CCAD_DAY_WORKING : 0;
    for (k = 0; k < h->holidays; k++)
        if (h->holiday[k] == day)
            *out = 0;
    return 0;
}

typedef struct world {
    host_state h;
    ccad_ctx *ctx;
    ccad_rules *r;
    ccad_book *b;
    ccad_plan_options o;
    int32_t today;
} world;

/* Customer i of the small worlds of the error and busy tests. */
static ccad_customer small_customer(world *w, int i, char *id, size_t cap)
{
    ccad_customer c = CCAD_CUSTOMER_INIT;
    snprintf(id, cap, "c%d", i);
    c.id = id;
    c.value = (int64_t)(i % 7) * 900000 + i;
    c.status = i % 3 == 0 ? CCAD_STATUS_ACTIVE : CCAD_STATUS_PROSPECT;
    c.last_contact = c.last_visit = w->today - 1 - i % 20;
    c.contacts = 3;
    return c;
}

static void world_open(world *w, int route)
{
    ccad_host host = CCAD_HOST_INIT;
    char id[32];
    int i, n = 40;
    memset(w, 0, sizeof *w);
    w->today = tu_date("2026-11-23");
    host.user = &w->h;
    host.calendar = calendar;
    TU_PASS(w->ctx, ccad_ctx_new(&w->ctx, &host));
    TU_PASS(w->ctx, ccad_rules_new(&w->r, w->ctx));
    TU_PASS(w->ctx, ccad_book_new(&w->b, w->ctx, 0));
    for (i = 0; i < n; i++) {
        ccad_customer c = small_customer(w, i, id, sizeof id);
        TU_PASS(w->ctx, ccad_book_add(w->b, &c, NULL));
    }
    TU_PASS(w->ctx, ccad_book_grade(w->b, w->r));
    w->o = (ccad_plan_options)CCAD_PLAN_OPTIONS_INIT;
    w->o.first_day = w->today;
    w->o.days = 10;
    w->o.visits_per_day = 3;
    w->o.route = route;
    w->o.metric = CCAD_METRIC_PLANAR;
    w->o.units_per_minute = 250.0;
    w->o.day_minutes = 540;
}

static void world_close(world *w)
{
    ccad_book_free(w->b);
    ccad_rules_free(w->r);
    ccad_ctx_free(w->ctx);
}

/* One random change of territory t (its options in *o); the cause a
 * replan must report. */
static int change(tt_territory *t, ccad_plan_options *o, uint64_t *s, unsigned *added)
{
    size_t n = ccad_book_count(t->book), i = n ? (size_t)tu_rng_range(s, 0, (int64_t)n - 1) : 0;
    char id[32];
    switch (tu_rng_range(s, 0, 8)) {
    case 0:
    case 1: { /* a contact recorded today or in the last days */
        ccad_contact k = CCAD_CONTACT_INIT;
        k.date = o->first_day - (int32_t)tu_rng_range(s, 0, 2);
        k.outcome = (int)tu_rng_range(s, 1, 5);
        k.kind = tu_rng_pct(s, 70) ? CCAD_CONTACT_VISIT : CCAD_CONTACT_CALL;
        if (tu_rng_pct(s, 30))
            k.next_date = k.date + (int32_t)tu_rng_range(s, 1, 10);
        if (n == 0 || ccad_book_record(t->book, i, &k) != CCAD_OK)
            return CCAD_REPLAN_KEPT; /* refused (before the last contact): no change */
        return CCAD_REPLAN_BOOK;
    }
    case 2: { /* a customer added: a copy of another one under a new id */
        ccad_customer c = CCAD_CUSTOMER_INIT;
        if (n == 0)
            return CCAD_REPLAN_KEPT;
        TU_PASS(ccad_book_ctx(t->book), ccad_book_get(t->book, i, &c));
        snprintf(id, sizeof id, "new%u", (*added)++);
        c.id = id;
        c.value = tu_rng_range(s, 0, 60000000);
        TU_PASS(ccad_book_ctx(t->book), ccad_book_add(t->book, &c, NULL));
        return CCAD_REPLAN_BOOK;
    }
    case 3: /* a customer removed */
        if (n < 2)
            return CCAD_REPLAN_KEPT;
        TU_PASS(ccad_book_ctx(t->book), ccad_book_remove(t->book, i));
        return CCAD_REPLAN_BOOK;
    case 4: { /* a customer changed: value, status, visit days */
        ccad_customer c = CCAD_CUSTOMER_INIT;
        if (n == 0)
            return CCAD_REPLAN_KEPT;
        TU_PASS(ccad_book_ctx(t->book), ccad_book_get(t->book, i, &c));
        c.value = tu_rng_range(s, 0, 60000000);
        c.visit_days = (uint8_t)(tu_rng_pct(s, 50) ? 0 : tu_rng_range(s, 1, 127));
        if (tu_rng_pct(s, 30))
            c.status = (int)tu_rng_range(s, CCAD_STATUS_PROSPECT, CCAD_STATUS_KEY);
        TU_PASS(ccad_book_ctx(t->book), ccad_book_update(t->book, i, &c));
        return CCAD_REPLAN_BOOK;
    }
    case 5: /* a new today */
        o->first_day += (int32_t)tu_rng_range(s, 1, 3);
        return CCAD_REPLAN_OPTIONS;
    case 6: /* the calendar: a holiday in the range, or one taken away */
        if (t->n_holiday > 0 && tu_rng_pct(s, 40)) {
            t->n_holiday--;
            return CCAD_REPLAN_CALENDAR; /* (a cause only if it lay in the range) */
        }
        if (t->n_holiday == TT_MAX_LIST)
            return CCAD_REPLAN_KEPT;
        t->holiday[t->n_holiday++] = o->first_day + (int32_t)tu_rng_range(s, 0, o->days - 1);
        return CCAD_REPLAN_CALENDAR;
    case 7: /* a rule changed (the book is graded again after it) */
        TU_PASS(ccad_rules_ctx(t->rules),
                ccad_rules_set(t->rules, "capacity.pull_ahead_days", tu_rng_range(s, 0, 3)));
        return CCAD_REPLAN_RULES;
    default: return CCAD_REPLAN_KEPT;
    }
}

/* Whether the calendar of the range differs from what schedule x read. */
static int calendar_changed(const tt_territory *t, const ccad_plan_options *o,
                            const ccad_schedule *x)
{
    int32_t d;
    for (d = o->first_day; d < o->first_day + o->days; d++) {
        ccad_day day = CCAD_DAY_INIT;
        if (ccad_schedule_day(x, d, &day) != CCAD_OK)
            return 1; /* a new range */
        if ((uint32_t)day.flags != tt_flags(t, d))
            return 1;
    }
    return 0;
}

/* Territories 1..40 (tests/territory.c: holidays, absences, special days,
 * visit days and hours, GEO or planar, routes with or without weekly
 * assignment), each through 10 random changes; route 0 plans them without
 * routes. */
static void run_sequences(int route)
{
    uint64_t seed;
    for (seed = 1; seed <= 40; seed++) {
        uint64_t s = tu_rng_seed(seed * 7 + (uint64_t)route);
        tt_territory *t = malloc(sizeof *t);
        ccad_plan_options o;
        ccad_schedule *sched = NULL;
        unsigned added = 0;
        int step;
        assert_non_null(t);
        tt_make(t, seed);
        o = t->options;
        if (!route)
            o.route = o.assign_days = 0;
        TU_PASS(t->ctx, ccad_schedule_new(&sched, t->book, t->rules, &o));
        for (step = 0; step < 10; step++) {
            ccad_replan_info info = CCAD_REPLAN_INFO_INIT;
            ccad_schedule *scratch = NULL;
            int want = change(t, &o, &s, &added), cal;
            if (want == CCAD_REPLAN_BOOK || want == CCAD_REPLAN_RULES)
                TU_PASS(t->ctx, ccad_book_grade(t->book, t->rules));
            cal = calendar_changed(t, &o, sched);
            info.cause = -1;
            if (ccad_schedule_replan(sched, t->book, t->rules, &o, &info) != CCAD_OK)
                fail_msg("seed %lu step %d: %s", (unsigned long)seed, step,
                         ccad_ctx_errmsg(t->ctx));
            TU_PASS(t->ctx, ccad_schedule_new(&scratch, t->book, t->rules, &o));
            tu_schedules_equal(sched, scratch);
            if (want == CCAD_REPLAN_CALENDAR)
                want = cal ? CCAD_REPLAN_CALENDAR : CCAD_REPLAN_KEPT;
            if (want == CCAD_REPLAN_RULES)
                want = CCAD_REPLAN_BOOK; /* grading again counts as a change of the book */
            assert_int_equal(info.cause, want);
            ccad_schedule_free(scratch);
        }
        ccad_schedule_free(sched);
        tt_free(t);
        free(t);
    }
}

static void test_sequences_plain(void **state)
{
    (void)state;
    run_sequences(0);
}

static void test_sequences_routed(void **state)
{
    (void)state;
    run_sequences(1);
}

/* A rule that does not take part in grading: the book is not graded again,
 * and the replan names the rules. */
static void test_rules_cause(void **state)
{
    world w;
    ccad_schedule *sched = NULL, *scratch = NULL;
    ccad_replan_info info = CCAD_REPLAN_INFO_INIT;
    (void)state;
    world_open(&w, 0);
    TU_PASS(ccad_book_ctx(w.b), ccad_schedule_new(&sched, w.b, w.r, &w.o));
    TU_PASS(ccad_rules_ctx(w.r), ccad_rules_set(w.r, "capacity.q4_rollover_days", 1));
    TU_PASS(ccad_book_ctx(w.b), ccad_schedule_replan(sched, w.b, w.r, &w.o, &info));
    assert_int_equal(info.cause, CCAD_REPLAN_RULES);
    TU_PASS(ccad_book_ctx(w.b), ccad_schedule_new(&scratch, w.b, w.r, &w.o));
    tu_schedules_equal(sched, scratch);
    ccad_schedule_free(scratch);
    ccad_schedule_free(sched);
    world_close(&w);
}

/* Errors leave the schedule as it was (compared with a copy planned from
 * the same state), with a message; the replan works afterwards. */
static void test_errors_leave_it(void **state)
{
    world w, other;
    ccad_schedule *sched = NULL, *before = NULL;
    ccad_replan_info info = CCAD_REPLAN_INFO_INIT, bad_info = CCAD_REPLAN_INFO_INIT;
    ccad_plan_options bad = CCAD_PLAN_OPTIONS_INIT;
    ccad_contact k = CCAD_CONTACT_INIT;
    (void)state;
    world_open(&w, 0);
    world_open(&other, 0);
    TU_PASS(w.ctx, ccad_schedule_new(&sched, w.b, w.r, &w.o));
    TU_PASS(w.ctx, ccad_schedule_new(&before, w.b, w.r, &w.o));
    assert_int_equal(ccad_schedule_replan(NULL, w.b, w.r, &w.o, NULL), CCAD_EINVAL);
    assert_int_equal(ccad_schedule_replan(sched, NULL, w.r, &w.o, NULL), CCAD_EINVAL);
    TU_FAIL(w.ctx, ccad_schedule_replan(sched, w.b, NULL, &w.o, NULL), CCAD_EINVAL);
    TU_FAIL(w.ctx, ccad_schedule_replan(sched, w.b, w.r, NULL, NULL), CCAD_EINVAL);
    TU_FAIL(w.ctx, ccad_schedule_replan(sched, other.b, w.r, &w.o, NULL), CCAD_EINVAL);
    bad = w.o;
    bad.size = 8;
    TU_FAIL(w.ctx, ccad_schedule_replan(sched, w.b, w.r, &bad, NULL), CCAD_EVERSION);
    bad_info.size = 4;
    TU_FAIL(w.ctx, ccad_schedule_replan(sched, w.b, w.r, &w.o, &bad_info), CCAD_EVERSION);
    bad = w.o;
    bad.days = 0;
    TU_FAIL(w.ctx, ccad_schedule_replan(sched, w.b, w.r, &bad, NULL), CCAD_ERANGE);
    tu_schedules_equal(sched, before);
    /* a contact recorded and the book not graded again: still graded */
    k.date = w.today;
    TU_PASS(w.ctx, ccad_book_record(w.b, 0, &k));
    /* a failing calendar */
    w.h.fail = 1;
    TU_FAIL(w.ctx, ccad_schedule_replan(sched, w.b, w.r, &w.o, &info), CCAD_ECALLBACK);
    tu_schedules_equal(sched, before);
    /* nothing changed but the calendar fails: kept plans read it too */
    w.h.fail = 0;
    TU_PASS(w.ctx, ccad_schedule_replan(sched, w.b, w.r, &w.o, &info));
    assert_int_equal(info.cause, CCAD_REPLAN_BOOK);
    w.h.fail = 1;
    TU_FAIL(w.ctx, ccad_schedule_replan(sched, w.b, w.r, &w.o, &info), CCAD_ECALLBACK);
    w.h.fail = 0;
    /* a value change makes the book stale until graded again */
    {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        ccad_schedule *now = NULL;
        TU_PASS(w.ctx, ccad_schedule_new(&now, w.b, w.r, &w.o));
        TU_PASS(w.ctx, ccad_book_get(w.b, 1, &c));
        c.value += 123456789;
        TU_PASS(w.ctx, ccad_book_update(w.b, 1, &c));
        TU_FAIL(w.ctx, ccad_schedule_replan(sched, w.b, w.r, &w.o, NULL), CCAD_ESTALE);
        tu_schedules_equal(sched, now);
        ccad_schedule_free(now);
    }
    ccad_schedule_free(before);
    ccad_schedule_free(sched);
    world_close(&other);
    world_close(&w);
}

/* Kept: the same book, rules, options and calendar plan nothing and keep
 * the items where they are. */
static void test_kept(void **state)
{
    world w;
    ccad_schedule *sched = NULL;
    ccad_replan_info info = CCAD_REPLAN_INFO_INIT;
    ccad_item first = CCAD_ITEM_INIT, again = CCAD_ITEM_INIT;
    (void)state;
    world_open(&w, 1);
    TU_PASS(ccad_book_ctx(w.b), ccad_schedule_new(&sched, w.b, w.r, &w.o));
    assert_true(ccad_schedule_item_count(sched) > 0);
    TU_PASS(w.ctx, ccad_schedule_item(sched, 0, &first));
    TU_PASS(ccad_book_ctx(w.b), ccad_schedule_replan(sched, w.b, w.r, &w.o, &info));
    assert_int_equal(info.cause, CCAD_REPLAN_KEPT);
    TU_PASS(w.ctx, ccad_schedule_item(sched, 0, &again));
    tu_item_equal(&first, &again);
    /* a book graded again with the same rules is a change all the same */
    TU_PASS(ccad_book_ctx(w.b), ccad_book_grade(w.b, w.r));
    TU_PASS(ccad_book_ctx(w.b), ccad_schedule_replan(sched, w.b, w.r, &w.o, &info));
    assert_int_equal(info.cause, CCAD_REPLAN_BOOK);
    TU_PASS(ccad_book_ctx(w.b), ccad_schedule_replan(sched, w.b, w.r, &w.o, NULL));
    ccad_schedule_free(sched);
    world_close(&w);
}

/* A team's rep plan is refused; from inside a callback, the busy guard. */
static void test_team_and_busy(void **state)
{
    world w;
    ccad_schedule *sched = NULL;
    ccad_team *team = NULL;
    ccad_team_schedule *ts = NULL;
    ccad_rep rep = CCAD_REP_INIT;
    (void)state;
    world_open(&w, 0);
    TU_PASS(w.ctx, ccad_schedule_new(&sched, w.b, w.r, &w.o));
    TU_PASS(w.ctx, ccad_team_new(&team, w.ctx, NULL));
    rep.id = "rep1";
    rep.visits_per_day = 4;
    TU_PASS(w.ctx, ccad_team_add(team, &rep, w.b));
    TU_PASS(w.ctx, ccad_team_schedule_new(&ts, team, w.r, &w.o));
    TU_FAIL(w.ctx,
            ccad_schedule_replan((ccad_schedule *)(uintptr_t)ccad_team_schedule_rep(ts, 0), w.b,
                                 w.r, &w.o, NULL),
            CCAD_EINVAL);
    /* busy: replanned from inside the calendar of another replan */
    w.o.first_day++;
    w.h.probe = sched;
    w.h.probe_book = w.b;
    w.h.probe_rules = w.r;
    w.h.probe_opts = &w.o;
    w.h.probe_rc = -1;
    TU_PASS(w.ctx, ccad_schedule_replan(sched, w.b, w.r, &w.o, NULL));
    assert_int_equal(w.h.probe_rc, CCAD_EBUSY);
    ccad_team_schedule_free(ts);
    ccad_team_free(team);
    ccad_schedule_free(sched);
    world_close(&w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sequences_plain),
        cmocka_unit_test(test_sequences_routed),
        cmocka_unit_test(test_rules_cause),
        cmocka_unit_test(test_errors_leave_it),
        cmocka_unit_test(test_kept),
        cmocka_unit_test(test_team_and_busy),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
