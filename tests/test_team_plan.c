/* Team planning (issue 14, part 2): each rep's own plan, Q3 overflow to the
 * named colleague with room for whom the visit adds the least travel,
 * absences to a named substitute with room, the visit hours and day's end
 * of the carrier's day, TEAM_NO_CARRIER when nobody has room, and
 * independence from the order reps were added in. */
#include "testutil.h"

#include <stdio.h>
#include <string.h>

#define D0 tu_date("2026-03-02") /* a Monday */
#define MAXREP 4

typedef struct tenv {
    tu_fixture fx; /* counting allocator, context, rules (testutil); no book */
    ccad_team *t;
    ccad_book *book[MAXREP];
    const char *id[MAXREP];
    int n;
    /* team calendar: rep `away[k]` absent on day `away_day[k]` */
    const char *away[4];
    int32_t away_day[4];
    int n_away;
    int fail_calendar;
} tenv;

static int team_cal(void *user, const char *rep_id, int32_t day, uint32_t *out)
{
    tenv *e = user;
    int k;
    if (e->fail_calendar)
        return 1;
    *out = tu_weekday(day) <= 5 ? CCAD_DAY_WORKING : 0;
    for (k = 0; k < e->n_away; k++)
        if (e->away_day[k] == day && strcmp(e->away[k], rep_id) == 0)
            *out |= CCAD_DAY_ABSENT;
    return 0;
}

static void env_open(tenv *e)
{
    ccad_host h;
    memset(e, 0, sizeof *e);
    h = tu_host(&e->fx.al);
    assert_int_equal(tu_fixture_open_no_book(&e->fx, &h), 0);
}

/* Adds a rep with an empty book (its base and limits are given to env_team). */
static int env_rep(tenv *e, const char *id)
{
    assert_true(e->n < MAXREP);
    TU_PASS(e->fx.ctx, ccad_book_new(&e->book[e->n], e->fx.ctx, 0));
    e->id[e->n] = id;
    return e->n++;
}

/* Ann (at 0 on the x axis), Bob (at 10) and Cat (at 1), with empty books. */
static void env_abc(tenv *e)
{
    env_open(e);
    env_rep(e, "ann");
    env_rep(e, "bob");
    env_rep(e, "cat");
}

/* Builds the team from the reps, adding them in `order`. */
static void env_team(tenv *e, const int *order, const double *x, const int *vpd,
                     const int32_t *start)
{
    ccad_team_options o = CCAD_TEAM_OPTIONS_INIT;
    int k;
    o.user = e;
    o.calendar = team_cal;
    TU_PASS(e->fx.ctx, ccad_team_new(&e->t, e->fx.ctx, &o));
    for (k = 0; k < e->n; k++) {
        int i = order[k];
        ccad_rep r = CCAD_REP_INIT;
        r.id = e->id[i];
        r.base_x = x[i];
        r.visits_per_day = vpd[i];
        r.day_start_min = start != NULL ? start[i] : 480;
        r.day_minutes = 540;
        TU_PASS(e->fx.ctx, ccad_team_add(e->t, &r, e->book[i]));
        TU_PASS(e->fx.ctx, ccad_book_grade(e->book[i], e->fx.r));
    }
}

static void env_close(tenv *e)
{
    int i;
    ccad_team_free(e->t);
    for (i = 0; i < e->n; i++)
        ccad_book_free(e->book[i]);
    assert_int_equal(tu_fixture_close(&e->fx), 0); /* fails on a leak */
}

/* A prospect placed at x (y 0), contacted six times. */
static ccad_customer prospect_at(const char *id, int grade, int64_t value, int32_t last, double x)
{
    tu_cust_spec spec = {id, grade, CCAD_STATUS_PROSPECT, value, last, 6};
    ccad_customer c = tu_customer(&spec);
    c.has_location = 1;
    c.x = x;
    return c;
}

static void add(tenv *e, int rep, const ccad_customer *c)
{
    TU_PASS(ccad_book_ctx(e->book[rep]), ccad_book_add(e->book[rep], c, NULL));
}

/* Seed 000's pair for rep `rep`: a big negotiation (Q1 every day) and a
 * small customer asking to be seen on day 1 (Q3: delegated when full). */
static void seed000(tenv *e, int rep, const char *big_id, const char *small_id, double x)
{
    ccad_customer big = prospect_at(big_id, CCAD_GRADE_A, 150000000, D0 - 1, x);
    ccad_customer small = prospect_at(small_id, CCAD_GRADE_C, 3000000, D0 - 10, x + 0.5);
    big.purchase_date = D0 + 2;
    small.request_date = D0 + 1;
    add(e, rep, &big);
    add(e, rep, &small);
}

/* Cat's own big rock: Q1 every day of the first days. */
static void add_cat_big(tenv *e)
{
    ccad_customer own = prospect_at("cat-big", CCAD_GRADE_A, 150000000, D0 - 1, 1.0);
    own.purchase_date = D0 + 2;
    add(e, 2, &own);
}

static ccad_team_schedule *plan(tenv *e, int days)
{
    ccad_plan_options o = CCAD_PLAN_OPTIONS_INIT;
    ccad_team_schedule *ts = NULL;
    int rc;
    o.first_day = D0;
    o.days = days;
    o.route = 1;
    o.metric = CCAD_METRIC_PLANAR;
    o.scale = 1.0;
    o.units_per_minute = 1.0; /* one unit a minute */
    rc = ccad_team_schedule_new(&ts, e->t, e->fx.r, &o);
    if (rc != CCAD_OK)
        print_message("ccad_team_schedule_new: %s\n", ccad_ctx_errmsg(e->fx.ctx));
    assert_int_equal(rc, CCAD_OK);
    return ts;
}

static size_t rep_index(const tenv *e, const char *id)
{
    size_t at = 99;
    TU_PASS(e->fx.ctx, ccad_team_find(e->t, id, &at));
    return at;
}

/* The team item of customer `id` on day d; fails when there is none. */
static ccad_team_item titem_of(const tenv *e, const ccad_team_schedule *ts, const char *id,
                               int32_t d)
{
    size_t i;
    for (i = 0; i < ccad_team_schedule_item_count(ts); i++) {
        ccad_team_item t = CCAD_TEAM_ITEM_INIT;
        ccad_book *b = NULL;
        assert_int_equal(ccad_team_schedule_item(ts, i, &t), CCAD_OK);
        assert_int_equal(ccad_team_rep(e->t, t.owner, NULL, &b), CCAD_OK);
        if (t.item.date == d && strcmp(ccad_book_id(b, t.item.customer), id) == 0)
            return t;
    }
    fail_msg("no team item for %s on day %ld", id, (long)d);
    {
        ccad_team_item none = CCAD_TEAM_ITEM_INIT;
        return none;
    }
}

static const int order_abc[3] = {0, 1, 2}, order_cba[3] = {2, 1, 0};
static const double xs[3] = {0.0, 10.0, 1.0};

/* Q3 overflow goes to the colleague nearest the stop: cat (1 away), not bob. */
static void q3_to_nearest_colleague(void **state)
{
    tenv e;
    const int vpd[3] = {1, 3, 3};
    ccad_team_schedule *ts;
    ccad_team_item t;
    const ccad_reason *r;
    (void)state;
    env_abc(&e);
    seed000(&e, 0, "big", "small", 0.0);
    env_team(&e, order_cba, xs, vpd, NULL);
    ts = plan(&e, 3);
    t = titem_of(&e, ts, "small", D0 + 1);
    assert_int_equal(t.owner, rep_index(&e, "ann"));
    assert_int_equal(t.carrier, rep_index(&e, "cat"));
    assert_int_equal(t.item.delegated, CCAD_BY_COLLEAGUE);
    assert_int_equal(t.item.seq, 1);
    assert_int_equal(t.item.travel_min, 1); /* from cat's base at 1 to 0.5: rounded up */
    assert_int_equal(t.item.eta_min, 481);
    r = tu_reason_of(t.item.reasons, t.item.reason_count, CCAD_WHY_TEAM_CARRIER);
    assert_non_null(r);
    assert_ptr_equal(r, &t.item.reasons[1]); /* right after the planner's own lead */
    tu_reason_is(r, CCAD_RULE_CAPACITY, CCAD_WHY_TEAM_CARRIER, 2, 1, 3);
    /* the owner's own plan still says "a colleague", without a name */
    {
        const ccad_schedule *own = ccad_team_schedule_rep(ts, t.owner);
        assert_non_null(own);
        assert_int_equal(tu_count_findings(own, CCAD_FIND_UNPLANNED, -2), 0);
    }
    assert_int_equal(ccad_team_schedule_finding_count(ts),
                     ccad_schedule_finding_count(ccad_team_schedule_rep(ts, 0)) +
                         ccad_schedule_finding_count(ccad_team_schedule_rep(ts, 1)) +
                         ccad_schedule_finding_count(ccad_team_schedule_rep(ts, 2)));
    ccad_team_schedule_free(ts);
    env_close(&e);
}

/* A colleague without room is passed over: cat's own big rock fills its one
 * visit a day, so bob carries the visit although it lies further away. */
static void capacity_of_colleague(void **state)
{
    tenv e;
    const int vpd[3] = {1, 3, 1};
    ccad_team_schedule *ts;
    ccad_team_item t;
    (void)state;
    env_abc(&e);
    seed000(&e, 0, "big", "small", 0.0);
    add_cat_big(&e);
    env_team(&e, order_abc, xs, vpd, NULL);
    ts = plan(&e, 3);
    t = titem_of(&e, ts, "small", D0 + 1);
    assert_int_equal(t.carrier, rep_index(&e, "bob"));
    t = titem_of(&e, ts, "cat-big", D0 + 1); /* cat's own visit stays */
    assert_int_equal(t.carrier, rep_index(&e, "cat"));
    assert_int_equal(t.item.delegated, CCAD_BY_REP);
    ccad_team_schedule_free(ts);
    env_close(&e);
}

/* Nobody with room: an UNPLANNED finding whose lead is TEAM_NO_CARRIER. */
static void no_carrier_finding(void **state)
{
    tenv e;
    const int vpd[2] = {1, 1};
    const int order[2] = {1, 0};
    ccad_team_schedule *ts;
    size_t i, n, found = 0;
    (void)state;
    env_open(&e);
    env_rep(&e, "ann");
    env_rep(&e, "bob");
    seed000(&e, 0, "big", "small", 0.0);
    seed000(&e, 1, "bob-big", "bob-small", 10.0);
    env_team(&e, order, xs, vpd, NULL);
    ts = plan(&e, 3);
    n = ccad_team_schedule_finding_count(ts);
    for (i = 0; i < n; i++) {
        ccad_team_finding f = CCAD_TEAM_FINDING_INIT;
        TU_PASS(e.fx.ctx, ccad_team_schedule_finding(ts, i, &f));
        if (f.finding.reason_count > 0 && f.finding.reasons[0].why == CCAD_WHY_TEAM_NO_CARRIER) {
            assert_int_equal(f.finding.kind, CCAD_FIND_UNPLANNED);
            assert_int_equal(f.finding.date, D0 + 1);
            tu_reason_is(&f.finding.reasons[0], CCAD_RULE_CAPACITY, CCAD_WHY_TEAM_NO_CARRIER,
                         D0 + 1, 1, CCAD_BY_COLLEAGUE);
            assert_int_equal(f.finding.reasons[1].why, CCAD_WHY_PLAN_DELEGATED);
            found++;
        }
    }
    assert_int_equal(found, 2); /* each rep's small customer */
    for (i = 0; i < ccad_team_schedule_item_count(ts); i++) {
        ccad_team_item t = CCAD_TEAM_ITEM_INIT;
        TU_PASS(e.fx.ctx, ccad_team_schedule_item(ts, i, &t));
        assert_int_equal(t.item.delegated, CCAD_BY_REP); /* nothing delegated found a carrier */
    }
    ccad_team_schedule_free(ts);
    env_close(&e);
}

/* Ann away on day 1: her contacts go to a named substitute present that
 * day (bob is away too, so cat), and cat's own big rock keeps its place. */
static void absence_to_named_substitute(void **state)
{
    tenv e;
    const int vpd[3] = {2, 3, 2};
    ccad_team_schedule *ts;
    ccad_team_item t;
    (void)state;
    env_abc(&e);
    seed000(&e, 0, "big", "small", 0.0);
    add_cat_big(&e);
    e.away[0] = "ann";
    e.away_day[0] = D0 + 1;
    e.away[1] = "bob";
    e.away_day[1] = D0 + 1;
    e.n_away = 2;
    env_team(&e, order_cba, xs, vpd, NULL);
    ts = plan(&e, 3);
    t = titem_of(&e, ts, "big", D0 + 1);
    assert_int_equal(t.item.delegated, CCAD_BY_SUBSTITUTE);
    assert_int_equal(t.carrier, rep_index(&e, "cat"));
    assert_int_equal(t.item.quadrant, CCAD_Q1);
    t = titem_of(&e, ts, "cat-big", D0 + 1);
    assert_int_equal(t.carrier, rep_index(&e, "cat"));
    /* cat had room for one of ann's two contacts only: the big rock went first */
    {
        size_t i, n_cat = 0;
        for (i = 0; i < ccad_team_schedule_item_count(ts); i++) {
            ccad_team_item x = CCAD_TEAM_ITEM_INIT;
            TU_PASS(e.fx.ctx, ccad_team_schedule_item(ts, i, &x));
            if (x.item.date == D0 + 1 && x.carrier == rep_index(&e, "cat") &&
                x.item.kind != CCAD_ITEM_TOUCH)
                n_cat++;
        }
        assert_true(n_cat <= 2);
    }
    ccad_team_schedule_free(ts);
    env_close(&e);
}

/* Visit hours and the carrier's day: the small customer can be seen only
 * 08:00-09:00; cat starts at 10:00, so bob (starting 08:00, 10 minutes
 * away) carries it although cat is nearer. */
static void carrier_day_and_hours(void **state)
{
    tenv e;
    const int vpd[3] = {1, 3, 3};
    const int32_t start[3] = {480, 480, 600};
    ccad_team_schedule *ts;
    ccad_team_item t;
    (void)state;
    env_abc(&e);
    {
        ccad_customer big = prospect_at("big", CCAD_GRADE_A, 150000000, D0 - 1, 0.0);
        ccad_customer small = prospect_at("small", CCAD_GRADE_C, 3000000, D0 - 10, 0.5);
        big.purchase_date = D0 + 2;
        small.request_date = D0 + 1;
        small.visit_open_min = 480;
        small.visit_close_min = 540;
        add(&e, 0, &big);
        add(&e, 0, &small);
    }
    env_team(&e, order_abc, xs, vpd, start);
    ts = plan(&e, 3);
    t = titem_of(&e, ts, "small", D0 + 1);
    assert_int_equal(t.carrier, rep_index(&e, "bob"));
    assert_int_equal(t.item.eta_min, 480 + 10);
    assert_true(t.item.depart_min <= 540);
    ccad_team_schedule_free(ts);
    env_close(&e);
}

static void items_equal(const ccad_team_schedule *x, const ccad_team_schedule *y)
{
    size_t i;
    assert_int_equal(ccad_team_schedule_item_count(x), ccad_team_schedule_item_count(y));
    for (i = 0; i < ccad_team_schedule_item_count(x); i++) {
        ccad_team_item a = CCAD_TEAM_ITEM_INIT, b = CCAD_TEAM_ITEM_INIT;
        assert_int_equal(ccad_team_schedule_item(x, i, &a), CCAD_OK);
        assert_int_equal(ccad_team_schedule_item(y, i, &b), CCAD_OK);
        assert_int_equal(a.carrier, b.carrier);
        assert_int_equal(a.owner, b.owner);
        tu_item_equal(&a.item, &b.item);
    }
    assert_int_equal(ccad_team_schedule_finding_count(x), ccad_team_schedule_finding_count(y));
}

/* Errors: nothing created, a message recorded. */
static void errors(void **state)
{
    tenv e;
    const int vpd[3] = {1, 3, 3};
    ccad_plan_options o = CCAD_PLAN_OPTIONS_INIT;
    ccad_team_schedule *ts = (ccad_team_schedule *)&e;
    ccad_team *empty = NULL;
    (void)state;
    env_abc(&e);
    seed000(&e, 0, "big", "small", 0.0);
    env_team(&e, order_abc, xs, vpd, NULL);
    o.first_day = D0;
    TU_FAIL(e.fx.ctx, ccad_team_schedule_new(&ts, e.t, NULL, &o), CCAD_EINVAL);
    assert_null(ts);
    TU_FAIL(e.fx.ctx, ccad_team_schedule_new(NULL, e.t, e.fx.r, &o), CCAD_EINVAL);
    assert_int_equal(ccad_team_schedule_new(&ts, NULL, e.fx.r, &o), CCAD_EINVAL);
    o.size = 8;
    TU_FAIL(e.fx.ctx, ccad_team_schedule_new(&ts, e.t, e.fx.r, &o), CCAD_EVERSION);
    o.size = (uint32_t)sizeof o;
    o.days = 0;
    TU_FAIL(e.fx.ctx, ccad_team_schedule_new(&ts, e.t, e.fx.r, &o), CCAD_ERANGE);
    o.days = 3;
    e.fail_calendar = 1;
    TU_FAIL(e.fx.ctx, ccad_team_schedule_new(&ts, e.t, e.fx.r, &o), CCAD_ECALLBACK);
    e.fail_calendar = 0;
    {
        ccad_customer c = prospect_at("late", CCAD_GRADE_B, 10, D0 - 3, 0.0);
        add(&e, 1, &c); /* bob's book changed: not graded */
        TU_FAIL(e.fx.ctx, ccad_team_schedule_new(&ts, e.t, e.fx.r, &o), CCAD_ESTALE);
    }
    assert_null(ts);
    TU_PASS(e.fx.ctx, ccad_team_new(&empty, e.fx.ctx, NULL));
    TU_FAIL(e.fx.ctx, ccad_team_schedule_new(&ts, empty, e.fx.r, &o), CCAD_EINVAL);
    ccad_team_free(empty);
    /* readers */
    assert_int_equal(ccad_team_schedule_item_count(NULL), 0);
    assert_int_equal(ccad_team_schedule_finding_count(NULL), 0);
    assert_null(ccad_team_schedule_rep(NULL, 0));
    ccad_team_schedule_free(NULL);
    TU_PASS(e.fx.ctx, ccad_book_grade(e.book[1], e.fx.r));
    ts = plan(&e, 3);
    assert_null(ccad_team_schedule_rep(ts, 3));
    {
        ccad_team_item t = CCAD_TEAM_ITEM_INIT;
        ccad_team_finding f = CCAD_TEAM_FINDING_INIT;
        TU_FAIL(e.fx.ctx, ccad_team_schedule_item(ts, ccad_team_schedule_item_count(ts), &t),
                CCAD_ENOTFOUND);
        t.item.size = 4;
        TU_FAIL(e.fx.ctx, ccad_team_schedule_item(ts, 0, &t), CCAD_EVERSION);
        TU_FAIL(e.fx.ctx, ccad_team_schedule_item(ts, 0, NULL), CCAD_EINVAL);
        f.size = 4;
        TU_FAIL(e.fx.ctx, ccad_team_schedule_finding(ts, 0, &f), CCAD_EVERSION);
    }
    ccad_team_schedule_free(ts);
    env_close(&e);
}

/* Without routes: the HOST metric asks no travel callback (the round trip
 * is the straight distance), odd speeds are not checked; a team whose
 * books are empty plans nothing. */
static void unrouted_and_empty(void **state)
{
    tenv e;
    const int vpd[3] = {1, 3, 3};
    ccad_plan_options o = CCAD_PLAN_OPTIONS_INIT;
    ccad_team_schedule *ts = NULL;
    ccad_team_item t = CCAD_TEAM_ITEM_INIT;
    ccad_team_finding f = CCAD_TEAM_FINDING_INIT;
    (void)state;
    env_abc(&e);
    env_team(&e, order_abc, xs, vpd, NULL);
    o.first_day = D0;
    TU_PASS(e.fx.ctx, ccad_team_schedule_new(&ts, e.t, e.fx.r, &o));
    assert_int_equal(ccad_team_schedule_item_count(ts), 0);
    assert_int_equal(ccad_team_schedule_finding_count(ts), 0);
    TU_FAIL(e.fx.ctx, ccad_team_schedule_item(ts, 0, &t), CCAD_ENOTFOUND);
    TU_FAIL(e.fx.ctx, ccad_team_schedule_finding(ts, 0, &f), CCAD_ENOTFOUND);
    TU_FAIL(e.fx.ctx, ccad_team_schedule_finding(ts, 0, NULL), CCAD_EINVAL);
    ccad_team_schedule_free(ts);
    env_close(&e);

    env_abc(&e);
    seed000(&e, 0, "big", "small", 0.0);
    env_team(&e, order_abc, xs, vpd, NULL);
    o.metric = CCAD_METRIC_HOST; /* no travel callback: fine without routes */
    o.units_per_minute = -1.0;
    TU_PASS(e.fx.ctx, ccad_team_schedule_new(&ts, e.t, e.fx.r, &o));
    t = titem_of(&e, ts, "small", D0 + 1);
    assert_int_equal(t.carrier, rep_index(&e, "cat")); /* base 1 from 0.5: nearer than bob */
    assert_int_equal(t.item.seq, 0);
    ccad_team_schedule_free(ts);
    env_close(&e);
}

/* The same team added in another order plans the same, item for item. */
static void rep_order_does_not_matter(void **state)
{
    tenv e1, e2;
    const int vpd[3] = {1, 2, 1};
    ccad_team_schedule *a, *b;
    (void)state;
    env_abc(&e1);
    env_abc(&e2);
    seed000(&e1, 0, "big", "small", 0.0);
    seed000(&e1, 2, "cbig", "csmall", 1.0);
    seed000(&e2, 0, "big", "small", 0.0);
    seed000(&e2, 2, "cbig", "csmall", 1.0);
    env_team(&e1, order_abc, xs, vpd, NULL);
    env_team(&e2, order_cba, xs, vpd, NULL);
    a = plan(&e1, 5);
    b = plan(&e2, 5);
    items_equal(a, b);
    ccad_team_schedule_free(a);
    ccad_team_schedule_free(b);
    env_close(&e1);
    env_close(&e2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(q3_to_nearest_colleague),
        cmocka_unit_test(capacity_of_colleague),
        cmocka_unit_test(no_carrier_finding),
        cmocka_unit_test(absence_to_named_substitute),
        cmocka_unit_test(carrier_day_and_hours),
        cmocka_unit_test(rep_order_does_not_matter),
        cmocka_unit_test(errors),
        cmocka_unit_test(unrouted_and_empty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
