/* Misuse: NULL for every pointer argument of every public function (one
 * table row per function and argument), the NULLs that are allowed, and a
 * schedule past the calendar's end. World and MUST_FAIL: tests/misuse_env.h. */
#include "misuse_env.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------ */
/* 1. The message of a plan range that runs past the calendar's end          */

static void schedule_past_calendar_end(void **state)
{
    world *w = *state;
    ccad_plan_options o = CCAD_PLAN_OPTIONS_INIT;
    ccad_schedule *s = (ccad_schedule *)&o;
    const char *m;
    o.first_day = CCAD_DATE_MAX;
    o.days = 2;
    MUST_FAIL(ccad_schedule_new(&s, w->book, w->rules, &o), CCAD_ERANGE, 1);
    assert_null(s);
    m = ccad_ctx_errmsg(w->ctx);
    /* both values are valid on their own: the message must name the range's
     * end and the last valid date, not blame first_day or days */
    assert_non_null(strstr(m, "runs past the calendar's end"));
    assert_non_null(strstr(m, "day 2932897"));
    assert_non_null(strstr(m, "last valid date 9999-12-31"));
    assert_null(strstr(m, "must be a valid date"));
    /* the last day alone plans */
    o.days = 1;
    TU_PASS(w->ctx, ccad_schedule_new(&s, w->book, w->rules, &o));
    ccad_schedule_free(s);
    /* a first_day or a day count bad on its own is named as such */
    o.first_day = CCAD_DATE_MAX + 1;
    MUST_FAIL(ccad_schedule_new(&s, w->book, w->rules, &o), CCAD_ERANGE, 1);
    assert_non_null(strstr(ccad_ctx_errmsg(w->ctx), "first_day 2932897 is not a valid date"));
    o.first_day = w->today;
    o.days = 367;
    MUST_FAIL(ccad_schedule_new(&s, w->book, w->rules, &o), CCAD_ERANGE, 1);
    assert_non_null(strstr(ccad_ctx_errmsg(w->ctx), "days 367 is outside 1..366"));
}

/* ------------------------------------------------------------------------ */
/* 2. NULL for every pointer argument                                         */

/* Each row calls one function with argument `arg` (1-based) replaced by
 * NULL; every other argument is valid. */
#define N(i, v) (arg == (i) ? NULL : (v))

typedef int (*null_fn)(world *w, int arg);

typedef struct null_row {
    const char *fn;
    int arg; /* 1-based position of the NULL argument */
    null_fn call;
    int code; /* expected status */
    int msg;  /* 1: a message is expected on the world's context */
} null_row;

static int n_date_from_ymd(world *w, int arg)
{
    (void)w;
    return ccad_date_from_ymd(N(1, &(int32_t){0}), 2026, 1, 1);
}
static int n_date_weekday(world *w, int arg)
{
    (void)w;
    return ccad_date_weekday(N(1, &(int){0}), 0);
}
static int n_date_iso_week(world *w, int arg)
{
    (void)w;
    return ccad_date_iso_week(N(1, &(int){0}), N(2, &(int){0}), 0);
}
static int n_date_parse(world *w, int arg)
{
    (void)w;
    return ccad_date_parse(N(1, &(int32_t){0}), N(2, "2026-01-01"), 10);
}
static int n_date_format(world *w, int arg)
{
    char b[11];
    (void)w;
    return ccad_date_format(N(1, b), 11, 0);
}
static int n_ctx_new(world *w, int arg)
{
    ccad_ctx *c = NULL;
    int rc;
    (void)w;
    rc = ccad_ctx_new(N(1, &c), NULL);
    ccad_ctx_free(c);
    return rc;
}
static int n_ctx_errpos(world *w, int arg)
{
    return ccad_ctx_errpos(N(1, w->ctx), N(2, &(uint32_t){0}), N(3, &(uint32_t){0}));
}
static int n_ctx_today(world *w, int arg)
{
    return ccad_ctx_today(N(1, w->ctx), N(2, &(int32_t){0}));
}
static int n_ctx_day_flags(world *w, int arg)
{
    return ccad_ctx_day_flags(N(1, w->ctx), N(2, &(uint32_t){0}), w->today);
}
static int n_name_parse(world *w, int arg)
{
    (void)w;
    return ccad_name_parse(N(1, &(int){0}), CCAD_NAME_GRADE, N(3, "A"), 1);
}
static int n_rules_new(world *w, int arg)
{
    ccad_rules *r = NULL;
    int rc = ccad_rules_new(N(1, &r), N(2, w->ctx));
    ccad_rules_free(r);
    return rc;
}
static int n_rules_copy(world *w, int arg)
{
    ccad_rules *r = NULL;
    int rc = ccad_rules_copy(N(1, &r), N(2, w->ctx), N(3, w->rules));
    ccad_rules_free(r);
    return rc;
}
static int n_rules_param_info(world *w, int arg)
{
    ccad_param_info i = CCAD_PARAM_INFO_INIT;
    (void)w;
    return ccad_rules_param_info(N(1, &i), 0);
}
static int n_rules_get(world *w, int arg)
{
    return ccad_rules_get(N(1, w->rules), N(2, "gap.max_days"), N(3, &(int64_t){0}));
}
static int n_rules_set(world *w, int arg)
{
    return ccad_rules_set(N(1, w->rules), N(2, "gap.max_days"), 12);
}
static int n_rules_set_text(world *w, int arg)
{
    return ccad_rules_set_text(N(1, w->rules), N(2, "gap.max_days"), N(3, "12"));
}
static int n_rules_parse(world *w, int arg)
{
    return ccad_rules_parse(N(1, w->rules), N(2, "gap.max_days = 12\n"), 18);
}
static int n_rules_serialize(world *w, int arg)
{
    char b[16384];
    return ccad_rules_serialize(N(1, w->rules), N(2, b), sizeof b, N(4, &(size_t){0}));
}
static int n_book_new(world *w, int arg)
{
    ccad_book *b = NULL;
    int rc = ccad_book_new(N(1, &b), N(2, w->ctx), 0);
    ccad_book_free(b);
    return rc;
}
static int n_book_add(world *w, int arg)
{
    ccad_customer c = CCAD_CUSTOMER_INIT;
    c.id = "NEW-1";
    return ccad_book_add(N(1, w->book), N(2, &c), &(size_t){0});
}
static int n_book_add_id(world *w, int arg)
{
    ccad_customer c = CCAD_CUSTOMER_INIT;
    (void)arg;
    c.id = NULL; /* the struct's own pointer member */
    return ccad_book_add(w->book, &c, NULL);
}
static int n_book_find(world *w, int arg)
{
    return ccad_book_find(N(1, w->book), N(2, "M-01"), N(3, &(size_t){0}));
}
static int n_book_get(world *w, int arg)
{
    ccad_customer c = CCAD_CUSTOMER_INIT;
    return ccad_book_get(N(1, w->book), 0, N(3, &c));
}
static int n_book_update(world *w, int arg)
{
    ccad_customer c = CCAD_CUSTOMER_INIT;
    if (arg != 1)
        TU_PASS(w->ctx, ccad_book_get(w->book, 1, &c));
    c.value += 1;
    return ccad_book_update(N(1, w->book), 1, N(3, &c));
}
static int n_book_record(world *w, int arg)
{
    ccad_contact k = CCAD_CONTACT_INIT;
    k.date = w->today;
    return ccad_book_record(N(1, w->book), 1, N(3, &k));
}
static int n_book_grade(world *w, int arg)
{
    return ccad_book_grade(N(1, w->book), N(2, w->rules2));
}
static int n_set_store(world *w, int arg)
{
    ccad_store s = fs_callbacks(&w->fs);
    return ccad_ctx_set_store(N(1, w->ctx), &s);
}
static int n_set_store_member(world *w, int arg)
{
    ccad_store s = fs_callbacks(&w->fs);
    switch (arg) {
    case 3: s.begin = NULL; break;
    case 4: s.commit = NULL; break;
    case 5: s.rollback = NULL; break;
    case 6: s.load = NULL; break;
    case 7: s.save = NULL; break;
    case 8: s.append_contact = NULL; break;
    default: s.iterate = NULL; break;
    }
    return ccad_ctx_set_store(w->ctx, &s);
}
static int n_store_record(world *w, int arg)
{
    ccad_contact k = CCAD_CONTACT_INIT;
    k.date = w->today;
    return ccad_store_record(N(1, w->book), 1, N(3, &k));
}
static int n_store_save_book(world *w, int arg) { return ccad_store_save_book(N(1, w->book)); }
static int n_store_load_book(world *w, int arg)
{
    ccad_book *b = NULL;
    int rc = ccad_store_load_book(N(1, &b), N(2, w->ctx));
    ccad_book_free(b);
    return rc;
}
static int n_store_load_customer(world *w, int arg)
{
    return ccad_store_load_customer(N(1, w->book), N(2, "M-01"), NULL);
}
static int n_book_assess(world *w, int arg)
{
    ccad_assessment a = CCAD_ASSESSMENT_INIT;
    return ccad_book_assess(N(1, w->book), N(2, w->rules), 0, w->today, N(5, &a));
}
static int n_book_assess_range(world *w, int arg)
{
    ccad_brief br[2];
    return ccad_book_assess_range(N(1, w->book), N(2, w->rules), 0, 2, w->today, N(6, br),
                                  sizeof *br);
}
static int n_reason_format(world *w, int arg)
{
    ccad_reason r = {CCAD_RULE_GAP, CCAD_WHY_GAP_ALERT, 22, 21, 8};
    char b[256];
    (void)w;
    return ccad_reason_format(N(1, b), sizeof b, N(3, &r), NULL);
}
static int n_schedule_new(world *w, int arg)
{
    ccad_plan_options o = CCAD_PLAN_OPTIONS_INIT;
    ccad_schedule *s = NULL;
    int rc;
    o.first_day = w->today;
    rc = ccad_schedule_new(N(1, &s), N(2, w->book), N(3, w->rules), N(4, &o));
    ccad_schedule_free(s);
    return rc;
}
static int n_schedule_item(world *w, int arg)
{
    ccad_item it = CCAD_ITEM_INIT;
    return ccad_schedule_item(N(1, w->sched), 0, N(3, &it));
}
static int n_schedule_finding(world *w, int arg)
{
    ccad_finding f = CCAD_FINDING_INIT;
    return ccad_schedule_finding(N(1, w->sched), 0, N(3, &f));
}
static int n_schedule_reminders(world *w, int arg)
{
    size_t idx[64];
    return ccad_schedule_reminders(N(1, w->sched), w->today, N(3, idx), 64, N(5, &(size_t){0}));
}
static int n_book_workload(world *w, int arg)
{
    ccad_workload io = CCAD_WORKLOAD_INIT;
    return ccad_book_workload(N(1, w->book), N(2, w->rules), w->today, N(4, &io));
}
static int n_schedule_day(world *w, int arg)
{
    ccad_day d = CCAD_DAY_INIT;
    return ccad_schedule_day(N(1, w->sched), w->today, N(3, &d));
}
static int n_book_platform(world *w, int arg)
{
    ccad_platform p = CCAD_PLATFORM_INIT;
    return ccad_book_platform(N(1, w->book), N(2, w->rules), N(3, &p));
}
static int n_book_choose_working(world *w, int arg)
{
    uint8_t ch[NCUST];
    return ccad_book_choose_working(N(1, w->book), N(2, w->rules), N(3, ch), NCUST);
}
static int n_route_solve(world *w, int arg)
{
    uint32_t order[NCUST + 1];
    return ccad_route_solve(N(1, w->ctx), N(2, w->x), N(3, w->y), NCUST + 1, NULL, N(6, order),
                            NULL);
}
static int n_route_solve_tw(world *w, int arg)
{
    uint32_t order[NCUST + 1];
    return ccad_route_solve_tw(N(1, w->ctx), N(2, w->x), N(3, w->y), NCUST + 1, NULL, NULL,
                               N(7, order), NULL, NULL);
}

#define EI CCAD_EINVAL
static const null_row null_rows[] = {
    {"ccad_date_from_ymd", 1, n_date_from_ymd, EI, 0},
    {"ccad_date_weekday", 1, n_date_weekday, EI, 0},
    {"ccad_date_iso_week", 1, n_date_iso_week, EI, 0},
    {"ccad_date_iso_week", 2, n_date_iso_week, EI, 0},
    {"ccad_date_parse", 1, n_date_parse, EI, 0},
    {"ccad_date_parse", 2, n_date_parse, EI, 0},
    {"ccad_date_format", 1, n_date_format, EI, 0},
    {"ccad_ctx_new", 1, n_ctx_new, EI, 0},
    {"ccad_ctx_errpos", 1, n_ctx_errpos, EI, 0},
    {"ccad_ctx_errpos", 2, n_ctx_errpos, EI, 0},
    {"ccad_ctx_errpos", 3, n_ctx_errpos, EI, 0},
    {"ccad_ctx_today", 1, n_ctx_today, EI, 0},
    {"ccad_ctx_today", 2, n_ctx_today, EI, 1},
    {"ccad_ctx_day_flags", 1, n_ctx_day_flags, EI, 0},
    {"ccad_ctx_day_flags", 2, n_ctx_day_flags, EI, 1},
    {"ccad_name_parse", 1, n_name_parse, EI, 0},
    {"ccad_name_parse", 3, n_name_parse, EI, 0},
    {"ccad_rules_new", 1, n_rules_new, EI, 1},
    {"ccad_rules_new", 2, n_rules_new, EI, 0},
    {"ccad_rules_copy", 1, n_rules_copy, EI, 1},
    {"ccad_rules_copy", 2, n_rules_copy, EI, 0},
    {"ccad_rules_copy", 3, n_rules_copy, EI, 1},
    {"ccad_rules_param_info", 1, n_rules_param_info, EI, 0},
    {"ccad_rules_get", 1, n_rules_get, EI, 0},
    {"ccad_rules_get", 2, n_rules_get, EI, 0}, /* read-only rules: no message */
    {"ccad_rules_get", 3, n_rules_get, EI, 0},
    {"ccad_rules_set", 1, n_rules_set, EI, 0},
    {"ccad_rules_set", 2, n_rules_set, EI, 1},
    {"ccad_rules_set_text", 1, n_rules_set_text, EI, 0},
    {"ccad_rules_set_text", 2, n_rules_set_text, EI, 1},
    {"ccad_rules_set_text", 3, n_rules_set_text, EI, 1},
    {"ccad_rules_parse", 1, n_rules_parse, EI, 0},
    {"ccad_rules_parse", 2, n_rules_parse, EI, 1},
    {"ccad_rules_serialize", 1, n_rules_serialize, EI, 0},
    {"ccad_rules_serialize", 2, n_rules_serialize, EI, 0},
    {"ccad_rules_serialize", 4, n_rules_serialize, EI, 0},
    {"ccad_book_new", 1, n_book_new, EI, 1},
    {"ccad_book_new", 2, n_book_new, EI, 0},
    {"ccad_book_add", 1, n_book_add, EI, 0},
    {"ccad_book_add", 2, n_book_add, EI, 1},
    {"ccad_book_add (customer.id)", 2, n_book_add_id, EI, 1},
    {"ccad_book_find", 1, n_book_find, EI, 0},
    {"ccad_book_find", 2, n_book_find, EI, 1},
    {"ccad_book_find", 3, n_book_find, EI, 1},
    {"ccad_book_get", 1, n_book_get, EI, 0},
    {"ccad_book_get", 3, n_book_get, EI, 1},
    {"ccad_book_update", 1, n_book_update, EI, 0},
    {"ccad_book_update", 3, n_book_update, EI, 1},
    {"ccad_book_record", 1, n_book_record, EI, 0},
    {"ccad_book_record", 3, n_book_record, EI, 1},
    {"ccad_book_grade", 1, n_book_grade, EI, 0},
    {"ccad_book_grade", 2, n_book_grade, EI, 1},
    {"ccad_ctx_set_store", 1, n_set_store, EI, 0},
    {"ccad_ctx_set_store (begin)", 3, n_set_store_member, EI, 1},
    {"ccad_ctx_set_store (commit)", 4, n_set_store_member, EI, 1},
    {"ccad_ctx_set_store (rollback)", 5, n_set_store_member, EI, 1},
    {"ccad_ctx_set_store (load)", 6, n_set_store_member, EI, 1},
    {"ccad_ctx_set_store (save)", 7, n_set_store_member, EI, 1},
    {"ccad_ctx_set_store (append_contact)", 8, n_set_store_member, EI, 1},
    {"ccad_ctx_set_store (iterate)", 9, n_set_store_member, EI, 1},
    {"ccad_store_record", 1, n_store_record, EI, 0},
    {"ccad_store_record", 3, n_store_record, EI, 1},
    {"ccad_store_save_book", 1, n_store_save_book, EI, 0},
    {"ccad_store_load_book", 1, n_store_load_book, EI, 1},
    {"ccad_store_load_book", 2, n_store_load_book, EI, 0},
    {"ccad_store_load_customer", 1, n_store_load_customer, EI, 0},
    {"ccad_store_load_customer", 2, n_store_load_customer, EI, 1},
    {"ccad_book_assess", 1, n_book_assess, EI, 0},
    {"ccad_book_assess", 2, n_book_assess, EI, 1},
    {"ccad_book_assess", 5, n_book_assess, EI, 1},
    {"ccad_book_assess_range", 1, n_book_assess_range, EI, 0},
    {"ccad_book_assess_range", 2, n_book_assess_range, EI, 1},
    {"ccad_book_assess_range", 6, n_book_assess_range, EI, 1},
    {"ccad_reason_format", 1, n_reason_format, EI, 0},
    {"ccad_reason_format", 3, n_reason_format, EI, 0},
    {"ccad_schedule_new", 1, n_schedule_new, EI, 1},
    {"ccad_schedule_new", 2, n_schedule_new, EI, 0},
    {"ccad_schedule_new", 3, n_schedule_new, EI, 1},
    {"ccad_schedule_new", 4, n_schedule_new, EI, 1},
    {"ccad_schedule_item", 1, n_schedule_item, EI, 0},
    {"ccad_schedule_item", 3, n_schedule_item, EI, 1},
    {"ccad_schedule_finding", 1, n_schedule_finding, EI, 0},
    {"ccad_schedule_finding", 3, n_schedule_finding, EI, 1},
    {"ccad_schedule_reminders", 1, n_schedule_reminders, EI, 0},
    {"ccad_schedule_reminders", 3, n_schedule_reminders, EI, 1},
    {"ccad_schedule_reminders", 5, n_schedule_reminders, EI, 1},
    {"ccad_book_workload", 1, n_book_workload, EI, 0},
    {"ccad_book_workload", 2, n_book_workload, EI, 1},
    {"ccad_book_workload", 4, n_book_workload, EI, 1},
    {"ccad_schedule_day", 1, n_schedule_day, EI, 0},
    {"ccad_schedule_day", 3, n_schedule_day, EI, 1},
    {"ccad_book_platform", 1, n_book_platform, EI, 0},
    {"ccad_book_platform", 2, n_book_platform, EI, 1},
    {"ccad_book_platform", 3, n_book_platform, EI, 1},
    {"ccad_book_choose_working", 1, n_book_choose_working, EI, 0},
    {"ccad_book_choose_working", 2, n_book_choose_working, EI, 1},
    {"ccad_book_choose_working", 3, n_book_choose_working, EI, 1},
    {"ccad_route_solve", 1, n_route_solve, EI, 0},
    {"ccad_route_solve", 2, n_route_solve, EI, 1},
    {"ccad_route_solve", 3, n_route_solve, EI, 1},
    {"ccad_route_solve", 6, n_route_solve, EI, 1},
    {"ccad_route_solve_tw", 1, n_route_solve_tw, EI, 0},
    {"ccad_route_solve_tw", 2, n_route_solve_tw, EI, 1},
    {"ccad_route_solve_tw", 3, n_route_solve_tw, EI, 1},
    {"ccad_route_solve_tw", 7, n_route_solve_tw, EI, 1},
};
#undef EI

static void null_arguments(void **state)
{
    world *w = *state;
    size_t i, nrows = sizeof null_rows / sizeof *null_rows;
    for (i = 0; i < nrows; i++) {
        const null_row *r = &null_rows[i];
        char what[96];
        uint64_t d = digest();
        char mark[256];
        int rc;
        strncpy(mark, mark_ctx(w->ctx), sizeof mark - 1);
        mark[sizeof mark - 1] = '\0';
        rc = r->call(w, r->arg);
        snprintf(what, sizeof what, "%s with argument %d NULL", r->fn, r->arg);
        expect_fail(what, rc, r->code, r->msg, d, mark);
        cases++;
    }
    print_message("misuse: %lu NULL-argument rows\n", (unsigned long)nrows);
}

/* NULL where the documentation allows it (or for the functions with no
 * status): no crash, the documented result, nothing changed. */
static void null_allowed(void **state)
{
    world *w = *state;
    uint64_t d = digest();
    ccad_customer c = CCAD_CUSTOMER_INIT;
    ccad_ctx *ctx = NULL;
    int32_t day = 0;
    int kind = -1;
    size_t len = 0;
    ccad_reason r = {CCAD_RULE_GAP, CCAD_WHY_GAP_ALERT, 22, 21, 8};
    char b[256];
    ccad_ctx_free(NULL);
    ccad_rules_free(NULL);
    ccad_book_free(NULL);
    ccad_schedule_free(NULL);
    assert_string_equal(ccad_ctx_errmsg(NULL), "no context");
    assert_int_equal(ccad_ctx_errcode(NULL), CCAD_EINVAL);
    assert_null(ccad_rules_ctx(NULL));
    assert_null(ccad_book_ctx(NULL));
    assert_int_equal(ccad_book_count(NULL), 0);
    assert_null(ccad_book_id(NULL, 0));
    assert_int_equal(ccad_book_grade_of(NULL, 0), CCAD_GRADE_NONE);
    assert_int_equal(ccad_rules_equal(NULL, w->rules), 0);
    assert_int_equal(ccad_rules_equal(w->rules, NULL), 0);
    assert_int_equal(ccad_rules_equal(NULL, NULL), 0);
    assert_int_equal(ccad_schedule_item_count(NULL), 0);
    assert_int_equal(ccad_schedule_finding_count(NULL), 0);
    assert_int_equal(ccad_date_to_ymd(0, NULL, NULL, NULL), CCAD_OK);
    assert_int_equal(ccad_why_figure(CCAD_WHY_GAP_ALERT, 0, NULL), CCAD_FIG_DAYS);
    assert_int_equal(ccad_why_figure(CCAD_WHY_GAP_ALERT, 3, &kind), CCAD_FIG_NONE);
    assert_int_equal(ccad_reason_format(b, sizeof b, &r, NULL), CCAD_OK);
    assert_int_equal(ccad_rules_serialize(w->rules, NULL, 0, &len), CCAD_ENOSPC);
    assert_true(len > 0);
    {
        int rc = ccad_schedule_reminders(w->sched, w->today, NULL, 0, &len); /* cap 0: NULL ok */
        assert_true(rc == CCAD_OK || rc == CCAD_ENOSPC);
    }
    assert_int_equal(ccad_ctx_new(&ctx, NULL), CCAD_OK);
    assert_int_equal(ccad_ctx_today(ctx, &day), CCAD_ENOTSUP); /* no clock */
    assert_true(ccad_ctx_errmsg(ctx)[0] != '\0');
    ccad_ctx_free(ctx);
    c.id = "M-01";
    TU_PASS(ccad_book_ctx(w->book), ccad_book_get(w->book, 1, &c));
    c.id = NULL; /* update: NULL id means "the stored one" */
    TU_PASS(ccad_book_ctx(w->book), ccad_book_update(w->book, 1, &c));
    ccad_host_init(NULL);
    ccad_param_info_init(NULL);
    ccad_customer_init(NULL);
    ccad_contact_init(NULL);
    ccad_store_init(NULL);
    ccad_assessment_init(NULL);
    ccad_plan_options_init(NULL);
    ccad_item_init(NULL);
    ccad_finding_init(NULL);
    ccad_workload_init(NULL);
    ccad_platform_init(NULL);
    ccad_day_init(NULL);
    ccad_route_options_init(NULL);
    ccad_route_times_init(NULL);
    assert_true(digest() == d);
    /* removing the store (NULL) and putting it back */
    TU_PASS(w->ctx, ccad_ctx_set_store(w->ctx, NULL));
    MUST_FAIL(ccad_store_save_book(w->book), CCAD_ENOTSUP, 1);
    {
        ccad_store s = fs_callbacks(&w->fs);
        TU_PASS(w->ctx, ccad_ctx_set_store(w->ctx, &s));
    }
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, world_setup, world_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(schedule_past_calendar_end),
        T(null_arguments),
        T(null_allowed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
