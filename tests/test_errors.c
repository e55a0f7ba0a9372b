/* The error-message convention (docs/design.md, "Errors"): every failing
 * call leaves a message that starts with the name of the API function
 * called, also when the failure comes from a host callback or from a
 * helper that several API functions share. */
#include "testutil.h"

#include <stdio.h>
#include <string.h>

/* Fails the test unless the context's message starts with "fn: ". */
static void named(ccad_ctx *ctx, const char *fn)
{
    const char *msg = ccad_ctx_errmsg(ctx);
    size_t n = strlen(fn);
    if (strncmp(msg, fn, n) != 0 || msg[n] != ':' || msg[n + 1] != ' ')
        fail_msg("message of %s does not start with its name: \"%s\"", fn, msg);
}

static int failing_clock(void *user, int64_t *out)
{
    (void)user;
    *out = 0;
    return -1;
}

static int far_clock(void *user, int64_t *out)
{
    (void)user;
    *out = INT64_MAX;
    return 0;
}

static int failing_calendar(void *user, int32_t day, uint32_t *out)
{
    (void)user;
    (void)day;
    *out = 0;
    return -1;
}

static int failing_travel(void *user, double x1, double y1, double x2, double y2,
                          int32_t *out_minutes)
{
    (void)user;
    (void)x1;
    (void)y1;
    (void)x2;
    (void)y2;
    *out_minutes = 0;
    return -1;
}

/* The context's own calls to the host: clock and calendar. */
static void host_callbacks_named(void **state)
{
    tu_alloc al;
    ccad_host h = tu_host(&al);
    ccad_ctx *ctx = NULL;
    int32_t day = 0;
    uint32_t flags = 0;
    (void)state;
    memset(&al, 0, sizeof al);
    h = tu_host(&al);
    h.clock = failing_clock;
    h.calendar = failing_calendar;
    assert_int_equal(ccad_ctx_new(&ctx, &h), CCAD_OK);
    assert_int_equal(ccad_ctx_today(ctx, &day), CCAD_ECALLBACK);
    named(ctx, "ccad_ctx_today");
    assert_int_equal(ccad_ctx_day_flags(ctx, &flags, 20000), CCAD_ECALLBACK);
    named(ctx, "ccad_ctx_day_flags");
    ccad_ctx_free(ctx);
    h.clock = far_clock;
    assert_int_equal(ccad_ctx_new(&ctx, &h), CCAD_OK);
    assert_int_equal(ccad_ctx_today(ctx, &day), CCAD_ERANGE);
    named(ctx, "ccad_ctx_today");
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
}

/* The book's and the rules' messages, the translated ones included. */
static void book_and_rules_named(void **state)
{
    tu_fixture *f = *state;
    ccad_ctx *ctx = f->ctx;
    ccad_rules *r = f->r;
    size_t at = 0;
    int lang;
    static const char bad_text[] = "gap.max_days = 3\ngap.max_day = 4\n";
    assert_int_equal(ccad_book_find(f->b, "nobody", &at), CCAD_ENOTFOUND);
    named(ctx, "ccad_book_find");
    assert_int_equal(ccad_book_find(f->b, "", &at), CCAD_ENOTFOUND);
    named(ctx, "ccad_book_find");
    for (lang = 0; lang < CCAD_LANG_COUNT; lang++) {
        assert_int_equal(ccad_ctx_set_lang(ctx, lang), CCAD_OK);
        assert_int_equal(ccad_rules_parse(r, bad_text, strlen(bad_text)), CCAD_EPARSE);
        named(ctx, "ccad_rules_parse");
        assert_int_equal(ccad_rules_parse(r, "gap.max_days = 30\n", 18), CCAD_EPARSE);
        named(ctx, "ccad_rules_parse"); /* a constraint broken: above gap.alert_days */
        assert_int_equal(ccad_rules_set(r, "gap.max_day", 3), CCAD_ENOTFOUND);
        named(ctx, "ccad_rules_set");
        assert_int_equal(ccad_rules_set(r, "stall.after", 0), CCAD_ERANGE);
        named(ctx, "ccad_rules_set");
        assert_int_equal(ccad_rules_set(r, "gap.max_days", 300), CCAD_ECONFLICT);
        named(ctx, "ccad_rules_set");
        assert_int_equal(ccad_rules_set_text(r, "gap.max_days", "300"), CCAD_ECONFLICT);
        named(ctx, "ccad_rules_set_text");
        assert_int_equal(ccad_rules_set_text(r, "gap.max_days", "x"), CCAD_EPARSE);
        named(ctx, "ccad_rules_set_text");
        assert_int_equal(ccad_rules_set_text(r, "gap.max_days", "99999"), CCAD_ERANGE);
        named(ctx, "ccad_rules_set_text");
        assert_int_equal(ccad_rules_set_text(r, "gap.max_days", ""), CCAD_EPARSE);
        named(ctx, "ccad_rules_set_text");
        assert_int_equal(ccad_rules_set_text(r, "nope", "1"), CCAD_ENOTFOUND);
        named(ctx, "ccad_rules_set_text");
    }
}

/* The travel callback fails inside the route solvers' shared matrix
 * helper: the message names the solver called. */
static void route_travel_named(void **state)
{
    tu_alloc al;
    ccad_host h = tu_host(&al);
    ccad_ctx *ctx = NULL;
    ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
    ccad_route_times t = CCAD_ROUTE_TIMES_INIT;
    static const double x[4] = {0, 1000, 2000, 3000}, y[4] = {0, 500, 0, 500};
    uint32_t order[4];
    int32_t start[4];
    int64_t cost = 0;
    (void)state;
    h.travel = failing_travel;
    assert_int_equal(ccad_ctx_new(&ctx, &h), CCAD_OK);
    o.metric = CCAD_METRIC_HOST;
    assert_int_equal(ccad_route_solve(ctx, x, y, 4, &o, order, &cost), CCAD_ECALLBACK);
    named(ctx, "ccad_route_solve");
    assert_int_equal(ccad_route_solve_tw(ctx, x, y, 4, &o, &t, order, start, &cost),
                     CCAD_ECALLBACK);
    named(ctx, "ccad_route_solve_tw");
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
}

/* Out of memory at each allocation of a plan in turn: the planner's
 * stages record it without a name, ccad_schedule_new puts its own first. */
static void schedule_out_of_memory_named(void **state)
{
    tu_fixture *f = *state;
    ccad_schedule *s = NULL;
    ccad_plan_options o = CCAD_PLAN_OPTIONS_INIT;
    ccad_customer c = CCAD_CUSTOMER_INIT;
    char id[16];
    long n;
    int i, rc = CCAD_ENOMEM;
    for (i = 0; i < 30; i++) {
        snprintf(id, sizeof id, "c%d", i);
        c.id = id;
        c.value = 1000000 * (i + 1);
        c.last_contact = tu_date("2026-10-01") + i;
        c.contacts = 3;
        c.has_location = 1;
        c.x = 1000.0 * (i % 6);
        c.y = 700.0 * (i / 6);
        assert_int_equal(ccad_book_add(f->b, &c, NULL), CCAD_OK);
    }
    assert_int_equal(ccad_book_grade(f->b, f->r), CCAD_OK);
    o.first_day = tu_date("2026-11-02");
    o.days = 10;
    o.route = 1;
    for (n = 1; rc == CCAD_ENOMEM; n++) {
        tu_fail_at(&f->al, n, 0);
        rc = ccad_schedule_new(&s, f->b, f->r, &o);
        if (rc == CCAD_ENOMEM)
            named(f->ctx, "ccad_schedule_new");
    }
    tu_fail_at(&f->al, 0, 0);
    assert_int_equal(rc, CCAD_OK);
    assert_true(n > 3);
    ccad_schedule_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(host_callbacks_named),
        cmocka_unit_test_setup_teardown(book_and_rules_named, tu_fixture_setup,
                                        tu_fixture_teardown),
        cmocka_unit_test(route_travel_named),
        cmocka_unit_test_setup_teardown(schedule_out_of_memory_named, tu_fixture_setup,
                                        tu_fixture_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
