/* Planner: schedules (QUADRANT, CAPACITY, FREQ, GAP, PERSIST, COMPLAINT,
 * KEEPWARM, FOLLOWUP), the workload table (WORKLOAD) and the platforms
 * (PLATFORM). The catalogue's worked examples 2-5 (seeds 000, 004, 002) are
 * reproduced first, then each planner rule, properties over generated books,
 * error paths and allocation failures.
 *
 * Dates: D0 is Monday 2026-03-02; D0+5/+6 and D0+12/+13 are weekends. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------------- */
/* Fixture: a context whose host has the counting allocator and a calendar
 * with holidays, absences and special days. */

#define MAX_DAYS 16

typedef struct env {
    tu_alloc al; /* first member: the allocator callbacks receive &env */
    int32_t holiday[MAX_DAYS];
    int n_holiday;
    int32_t absent[MAX_DAYS];
    int n_absent;
    int32_t special[MAX_DAYS];
    int n_special;
    long cal_calls;   /* calendar calls so far */
    long cal_fail_at; /* 1-based call that fails; 0 = never */
    ccad_ctx *ctx;
    ccad_rules *r;
    ccad_book *b;
} env;

static int in_list(const int32_t *list, int n, int32_t d)
{
    int i;
    for (i = 0; i < n; i++)
        if (list[i] == d)
            return 1;
    return 0;
}

static int calendar(void *user, int32_t day, uint32_t *out)
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
        f = CCAD_DAY_ABSENT;
    if (in_list(e->special, e->n_special, day))
        f |= CCAD_DAY_SPECIAL;
    *out = f;
    return 0;
}

static int env_setup(void **state)
{
    env *e = calloc(1, sizeof *e);
    ccad_host h;
    if (e == NULL)
        return -1;
    h = tu_host(&e->al);
    h.user = e;
    h.calendar = calendar;
    if (ccad_ctx_new(&e->ctx, &h) != CCAD_OK || ccad_rules_new(&e->r, e->ctx) != CCAD_OK ||
        ccad_book_new(&e->b, e->ctx, 0) != CCAD_OK)
        return -1;
    *state = e;
    return 0;
}

static int env_teardown(void **state)
{
    env *e = *state;
    long live;
    ccad_book_free(e->b);
    ccad_rules_free(e->r);
    ccad_ctx_free(e->ctx);
    live = e->al.live;
    free(e);
    return live == 0 ? 0 : -1;
}

#define D0 tu_date("2026-03-02")

static ccad_customer cust(const char *id, int grade, int64_t value, int32_t last)
{
    ccad_customer c = CCAD_CUSTOMER_INIT;
    c.id = id;
    c.grade = grade;
    c.value = value;
    c.last_contact = last;
    c.last_visit = last;
    c.contacts = last == CCAD_NO_DATE ? 0u : 6u;
    return c;
}

static uint32_t add(env *e, const ccad_customer *c)
{
    size_t i = 0;
    int rc = ccad_book_add(e->b, c, &i);
    if (rc != CCAD_OK)
        print_message("ccad_book_add: %s\n", ccad_ctx_errmsg(e->ctx));
    assert_int_equal(rc, CCAD_OK);
    return (uint32_t)i;
}

static uint32_t add_simple(env *e, const char *id, int grade, int64_t value, int32_t last)
{
    ccad_customer c = cust(id, grade, value, last);
    return add(e, &c);
}

static void set(env *e, const char *name, int64_t v)
{
    assert_int_equal(ccad_rules_set(e->r, name, v), CCAD_OK);
}

static void grade(env *e) { assert_int_equal(ccad_book_grade(e->b, e->r), CCAD_OK); }

static ccad_plan_options opts(int32_t first, int32_t days, int32_t vpd)
{
    ccad_plan_options o = CCAD_PLAN_OPTIONS_INIT;
    o.first_day = first;
    o.days = days;
    o.visits_per_day = vpd;
    return o;
}

static ccad_schedule *plan_o(env *e, const ccad_plan_options *o)
{
    ccad_schedule *s = NULL;
    int rc = ccad_schedule_new(&s, e->b, e->r, o);
    if (rc != CCAD_OK)
        print_message("ccad_schedule_new: %s\n", ccad_ctx_errmsg(e->ctx));
    assert_int_equal(rc, CCAD_OK);
    assert_non_null(s);
    return s;
}

static ccad_schedule *plan(env *e, int32_t first, int32_t days, int32_t vpd)
{
    ccad_plan_options o = opts(first, days, vpd);
    return plan_o(e, &o);
}

static ccad_item item(const ccad_schedule *s, size_t i)
{
    ccad_item it = CCAD_ITEM_INIT;
    assert_int_equal(ccad_schedule_item(s, i, &it), CCAD_OK);
    return it;
}

static ccad_finding finding(const ccad_schedule *s, size_t i)
{
    ccad_finding f = CCAD_FINDING_INIT;
    assert_int_equal(ccad_schedule_finding(s, i, &f), CCAD_OK);
    return f;
}

/* Items of one customer in schedule order; touches only if want_touch. */
static size_t items_of(const ccad_schedule *s, uint32_t c, int want_touch, ccad_item *out,
                       size_t cap)
{
    size_t i, n = 0;
    for (i = 0; i < ccad_schedule_item_count(s); i++) {
        ccad_item it = item(s, i);
        if (it.customer != c || ((it.kind == CCAD_ITEM_TOUCH) != (want_touch != 0)))
            continue;
        if (n < cap)
            out[n] = it;
        n++;
    }
    return n;
}

/* The one non-touch item of customer c on day d; fails if there is none. */
static ccad_item item_on(const ccad_schedule *s, uint32_t c, int32_t d)
{
    size_t i;
    for (i = 0; i < ccad_schedule_item_count(s); i++) {
        ccad_item it = item(s, i);
        if (it.customer == c && it.date == d && it.kind != CCAD_ITEM_TOUCH)
            return it;
    }
    print_message("no item for customer %u on D0%+d\n", c, (int)(d - D0));
    fail();
    return item(s, 0);
}

static int has_item_on(const ccad_schedule *s, uint32_t c, int32_t d)
{
    size_t i;
    for (i = 0; i < ccad_schedule_item_count(s); i++) {
        ccad_item it = item(s, i);
        if (it.customer == c && it.date == d && it.kind != CCAD_ITEM_TOUCH)
            return 1;
    }
    return 0;
}

static size_t count_findings(const ccad_schedule *s, int kind, int64_t customer)
{
    size_t i, n = 0;
    for (i = 0; i < ccad_schedule_finding_count(s); i++) {
        ccad_finding f = finding(s, i);
        if (f.kind == kind && (customer == -2 || f.customer == customer))
            n++;
    }
    return n;
}

/* Over-capacity findings about single days (not the workload's). */
static size_t count_day_overcap(const ccad_schedule *s)
{
    size_t i, n = 0;
    for (i = 0; i < ccad_schedule_finding_count(s); i++) {
        ccad_finding f = finding(s, i);
        n += f.kind == CCAD_FIND_OVER_CAPACITY && f.date != CCAD_NO_DATE;
    }
    return n;
}

/* The workload's over-capacity finding (date unset); fails if none. */
static ccad_finding workload_finding(const ccad_schedule *s)
{
    size_t i;
    for (i = 0; i < ccad_schedule_finding_count(s); i++) {
        ccad_finding f = finding(s, i);
        if (f.kind == CCAD_FIND_OVER_CAPACITY && f.date == CCAD_NO_DATE)
            return f;
    }
    fail();
    return finding(s, 0);
}

/* First finding of a kind about a customer (-1: about the plan). */
static ccad_finding find_of(const ccad_schedule *s, int kind, int64_t customer)
{
    size_t i;
    for (i = 0; i < ccad_schedule_finding_count(s); i++) {
        ccad_finding f = finding(s, i);
        if (f.kind == kind && f.customer == customer)
            return f;
    }
    print_message("no finding of kind %d for customer %lld\n", kind, (long long)customer);
    fail();
    return finding(s, 0);
}

static void reason_is(const ccad_reason *r, int rule, int why, int64_t a, int64_t b, int64_t c)
{
    assert_int_equal(r->rule, rule);
    assert_int_equal(r->why, why);
    assert_true(r->a == a);
    assert_true(r->b == b);
    assert_true(r->c == c);
}

static int weekday(int32_t d)
{
    int wd = 0;
    assert_int_equal(ccad_date_weekday(&wd, d), CCAD_OK);
    return wd;
}

/* ---------------------------------------------------------------------- */
/* Worked examples of the catalogue */

/* Example 2 (seed 000): a 1.5M negotiation the day after tomorrow keeps the
 * rep; a 30k customer asking to be seen tomorrow is delegated when that day
 * is full (capacity 1 visit a day). */
static void example2_delegation(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    ccad_customer big = cust("big", CCAD_GRADE_A, 150000000, d0 - 1);
    ccad_customer small = cust("small", CCAD_GRADE_C, 3000000, d0 - 10);
    uint32_t ib, is;
    ccad_schedule *s;
    ccad_item it;
    int k;
    big.purchase_date = d0 + 2;
    small.request_date = d0 + 1;
    ib = add(e, &big);
    is = add(e, &small);
    grade(e);
    s = plan(e, d0, 3, 1);
    for (k = 0; k < 3; k++) {
        it = item_on(s, ib, d0 + k);
        assert_int_equal(it.delegated, CCAD_BY_REP);
        assert_int_equal(it.quadrant, CCAD_Q1);
        assert_int_equal(it.kind, CCAD_ITEM_VISIT);
        assert_int_equal(it.priority, 1);
    }
    assert_false(has_item_on(s, is, d0));
    it = item_on(s, is, d0 + 1);
    assert_int_equal(it.delegated, CCAD_BY_COLLEAGUE);
    assert_int_equal(it.quadrant, CCAD_Q3);
    assert_int_equal(it.kind, CCAD_ITEM_VISIT);
    assert_int_equal(it.priority, 2);
    assert_true(it.reason_count >= 1);
    reason_is(&it.reasons[0], CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_DELEGATED, 1, 1, 0);
    /* the request is answered: nothing more for the 30k customer */
    assert_false(has_item_on(s, is, d0 + 2));
    /* the delegated contact does not count against the rep's day */
    assert_int_equal(count_findings(s, CCAD_FIND_OVER_CAPACITY, -2), 0);
    ccad_schedule_free(s);
}

/* Example 3 (seed 004, table 1): A 10 x 2/week = 20, B 20 x 1/week = 20. */
static void example3_workload_table(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    char id[16];
    int i;
    ccad_workload w = CCAD_WORKLOAD_INIT;
    for (i = 0; i < 30; i++) {
        snprintf(id, sizeof id, "t%02d", i);
        add_simple(e, id, i < 10 ? CCAD_GRADE_A : CCAD_GRADE_B, (int64_t)(100 - i) * 100000,
                   d0 - 1);
    }
    grade(e);
    w.period_days = 7;
    w.field_days = 5;
    w.visits_per_day = 8;
    assert_int_equal(ccad_book_workload(e->b, e->r, d0, &w), CCAD_OK);
    assert_true(w.rows[0].customers == 10 && w.rows[0].visits == 20);
    assert_true(w.rows[1].customers == 20 && w.rows[1].visits == 20);
    assert_true(w.rows[2].customers == 0 && w.rows[2].visits == 0);
    assert_true(w.rows[3].customers == 0 && w.rows[3].visits == 0);
    assert_true(w.visits == 40);
    assert_true(w.capacity == 40);
    assert_int_equal(w.over, 0);
    assert_int_equal(w.rounds_x100, 133);
    assert_int_equal(w.stretch_x100, 100);
    for (i = 0; i < 4; i++)
        assert_true(w.cut[i] == 0);
    /* 7 visits a day: 5 over, cut from the lowest grade that has visits */
    w.visits_per_day = 7;
    assert_int_equal(ccad_book_workload(e->b, e->r, d0, &w), CCAD_OK);
    assert_true(w.capacity == 35);
    assert_int_equal(w.over, 1);
    assert_true(w.cut[0] == 0 && w.cut[1] == 5 && w.cut[2] == 0 && w.cut[3] == 0);
    assert_int_equal(w.stretch_x100, 115); /* ceil(40 * 100 / 35) */
    /* no field days given: workload.field_days (22) x 7 / 30 = 5.13 -> 5 */
    w.field_days = 0;
    w.visits_per_day = 8;
    assert_int_equal(ccad_book_workload(e->b, e->r, d0, &w), CCAD_OK);
    assert_true(w.capacity == 40);
    assert_int_equal(w.field_days, 0); /* an input: left as given */
}

/* Example 4 (seed 004): a market of 300 (A 20, B 40, the rest C) gives the
 * working platform A 20 + B 30 with 10 reserve B; no C is chosen. */
static void example4_platforms(void **state)
{
    env *e = *state;
    char id[16];
    int i, nA = 0, nB = 0, nR = 0;
    uint8_t choice[300];
    ccad_platform p = CCAD_PLATFORM_INIT;
    for (i = 0; i < 300; i++) {
        /* insertion order differs from value order */
        int pos = (i * 37) % 300; /* 0 = most valuable */
        ccad_customer c = cust(id, pos < 20 ? CCAD_GRADE_A : pos < 60 ? CCAD_GRADE_B : CCAD_GRADE_C,
                               (int64_t)(300 - pos) * 1000000, CCAD_NO_DATE);
        snprintf(id, sizeof id, "m%03d", i);
        add(e, &c);
    }
    grade(e);
    memset(choice, 0xAA, sizeof choice);
    assert_int_equal(ccad_book_choose_working(e->b, e->r, choice, 300), CCAD_OK);
    for (i = 0; i < 300; i++) {
        int pos = (i * 37) % 300;
        int want = pos < 20 ? CCAD_CHOICE_A : pos < 50 ? CCAD_CHOICE_B
                   : pos < 60                           ? CCAD_CHOICE_RESERVE
                                                        : CCAD_CHOICE_NONE;
        assert_int_equal(choice[i], want);
        nA += choice[i] == CCAD_CHOICE_A;
        nB += choice[i] == CCAD_CHOICE_B;
        nR += choice[i] == CCAD_CHOICE_RESERVE;
    }
    assert_int_equal(nA, 20);
    assert_int_equal(nB, 30);
    assert_int_equal(nR, 10);

    /* The whole market managed: over the cap and dominated by C. */
    assert_int_equal(ccad_book_platform(e->b, e->r, &p), CCAD_OK);
    assert_true(p.market[0] == 300 && p.market[1] == 20 && p.market[2] == 40 &&
                p.market[3] == 240 && p.market[4] == 0);
    assert_true(p.working[0] == 300 && p.buying[0] == 0 && p.key_accounts == 0);
    assert_true(p.working_cap == 50);
    assert_int_equal(p.over_cap, 1);
    assert_int_equal(p.c_heavy, 1);

    /* Manage only the chosen A and B slots; the reserve and the rest stay in
     * the market (released); two A buy, one of them a key account. */
    for (i = 0; i < 300; i++) {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        assert_int_equal(ccad_book_get(e->b, (size_t)i, &c), CCAD_OK);
        if (choice[i] == CCAD_CHOICE_NONE || choice[i] == CCAD_CHOICE_RESERVE)
            c.status = CCAD_STATUS_RELEASED;
        else if ((i * 37) % 300 == 0)
            c.status = CCAD_STATUS_KEY;
        else if ((i * 37) % 300 == 1)
            c.status = CCAD_STATUS_ACTIVE;
        assert_int_equal(ccad_book_update(e->b, (size_t)i, &c), CCAD_OK);
    }
    grade(e);
    assert_int_equal(ccad_book_platform(e->b, e->r, &p), CCAD_OK);
    assert_true(p.market[0] == 300);
    assert_true(p.working[0] == 50 && p.working[1] == 20 && p.working[2] == 30 &&
                p.working[3] == 0);
    assert_true(p.buying[0] == 2 && p.buying[1] == 2 && p.key_accounts == 1);
    assert_int_equal(p.over_cap, 0);
    assert_int_equal(p.c_heavy, 0);
}

/* PLATFORM warnings at their boundaries: 50 working is not over the cap, 51
 * is; C at exactly c_max_pct (50 %) is not heavy, above it is. */
static void platform_warning_bounds(void **state)
{
    env *e = *state;
    char id[16];
    int i;
    ccad_platform p = CCAD_PLATFORM_INIT;
    for (i = 0; i < 50; i++) {
        ccad_customer c = cust(id, i < 25 ? CCAD_GRADE_B : CCAD_GRADE_C, 1000 - i, CCAD_NO_DATE);
        snprintf(id, sizeof id, "w%02d", i);
        add(e, &c);
    }
    grade(e);
    assert_int_equal(ccad_book_platform(e->b, e->r, &p), CCAD_OK);
    assert_true(p.working[0] == 50 && p.working[3] == 25);
    assert_int_equal(p.over_cap, 0);
    assert_int_equal(p.c_heavy, 0);
    add_simple(e, "w50", CCAD_GRADE_D, 1, CCAD_NO_DATE); /* D counts with C */
    grade(e);
    assert_int_equal(ccad_book_platform(e->b, e->r, &p), CCAD_OK);
    assert_int_equal(p.over_cap, 1);
    assert_int_equal(p.c_heavy, 1);
    /* an eliminated customer is not even in the market */
    {
        ccad_customer c = cust("gone", CCAD_GRADE_A, 5, CCAD_NO_DATE);
        c.status = CCAD_STATUS_ELIMINATED;
        add(e, &c);
    }
    grade(e);
    assert_int_equal(ccad_book_platform(e->b, e->r, &p), CCAD_OK);
    assert_true(p.market[0] == 51 && p.working[0] == 51);
}

/* ccad_book_choose_working: when B is short, the reserve takes the next
 * best B, then the next best A; C never. */
static void choose_working_reserve_order(void **state)
{
    env *e = *state;
    char id[16];
    int i;
    uint8_t ch[100];
    for (i = 0; i < 100; i++) {
        /* 25 A, 33 B, 42 C, values descending with the index */
        ccad_customer c = cust(id, i < 25 ? CCAD_GRADE_A : i < 58 ? CCAD_GRADE_B : CCAD_GRADE_C,
                               (int64_t)(1000 - i), CCAD_NO_DATE);
        snprintf(id, sizeof id, "r%02d", i);
        add(e, &c);
    }
    grade(e);
    assert_int_equal(ccad_book_choose_working(e->b, e->r, ch, 100), CCAD_OK);
    for (i = 0; i < 100; i++) {
        int want = i < 20   ? CCAD_CHOICE_A
                   : i < 25 ? CCAD_CHOICE_RESERVE /* next best A, after the 3 spare B */
                   : i < 55 ? CCAD_CHOICE_B
                   : i < 58 ? CCAD_CHOICE_RESERVE
                            : CCAD_CHOICE_NONE;
        assert_int_equal(ch[i], want);
    }
}

/* Example 5 (seed 002): 7 customers, 22 field days, 1 a day -> 3.14 rounds. */
static void example5_rounds(void **state)
{
    env *e = *state;
    char id[16];
    int i;
    ccad_workload w = CCAD_WORKLOAD_INIT;
    for (i = 0; i < 7; i++) {
        snprintf(id, sizeof id, "k%d", i);
        add_simple(e, id, CCAD_GRADE_B, 1000 - i, D0 - 1);
    }
    grade(e);
    assert_int_equal(w.period_days, 30);
    assert_int_equal(w.field_days, 22);
    assert_int_equal(w.visits_per_day, 1);
    assert_int_equal(ccad_book_workload(e->b, e->r, D0, &w), CCAD_OK);
    assert_true(w.capacity == 22);
    assert_int_equal(w.rounds_x100, 314);
    assert_int_equal(w.rounds_x100 / 100, 3); /* "about 3 rounds a month" */
    /* the same from workload.field_days over a 30-day period */
    w.field_days = 0;
    assert_int_equal(ccad_book_workload(e->b, e->r, D0, &w), CCAD_OK);
    assert_int_equal(w.rounds_x100, 314);
}

/* ---------------------------------------------------------------------- */
/* Planner rules */

/* Big rocks first: Q1, Q2, Q3, Q4 within a day; within a class the more
 * overdue first, then the higher grade, then the higher value. */
static void big_rocks_first(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    ccad_customer q4 = cust("q4", CCAD_GRADE_C, 10, d0 - 28);
    ccad_customer q3 = cust("q3", CCAD_GRADE_C, 20, d0 - 3);
    ccad_customer q2 = cust("q2", CCAD_GRADE_B, 30, d0 - 7);
    ccad_customer q2o = cust("q2o", CCAD_GRADE_B, 5, d0 - 12);
    ccad_customer q2a = cust("q2a", CCAD_GRADE_A, 1, d0 - 3);
    ccad_customer q1 = cust("q1", CCAD_GRADE_B, 40, d0 - 1);
    uint32_t i4, i3, i2, i2o, i2a, i1;
    ccad_schedule *s;
    q3.request_date = d0;
    q1.purchase_date = d0 + 3;
    i4 = add(e, &q4);
    i3 = add(e, &q3);
    i2 = add(e, &q2);
    i2o = add(e, &q2o);
    i2a = add(e, &q2a);
    i1 = add(e, &q1);
    grade(e);
    s = plan(e, d0, 1, 10);
    assert_int_equal(ccad_schedule_item_count(s), 6);
    {
        const uint32_t want[6] = {i1, i2o, i2a, i2, i3, i4};
        const int quad[6] = {CCAD_Q1, CCAD_Q2, CCAD_Q2, CCAD_Q2, CCAD_Q3, CCAD_Q4};
        size_t k;
        for (k = 0; k < 6; k++) {
            ccad_item it = item(s, k);
            assert_int_equal(it.customer, want[k]);
            assert_int_equal(it.quadrant, quad[k]);
            assert_int_equal(it.priority, (int32_t)k + 1);
            assert_int_equal(it.date, d0);
            assert_int_equal(it.delegated, CCAD_BY_REP);
            assert_int_equal(it.kind, k == 5 ? CCAD_ITEM_CALL : CCAD_ITEM_VISIT);
            assert_true(it.reason_count >= 2);
            assert_int_equal(it.reasons[0].why, CCAD_WHY_PLAN_DUE);
            assert_int_equal(it.reasons[0].rule, CCAD_RULE_QUADRANT);
            assert_true(it.reasons[0].b == (int64_t)quad[k]); /* planning class */
        }
    }
    /* with room for 3, the big rocks take it; Q2 is over capacity, not Q3/Q4 */
    ccad_schedule_free(s);
    s = plan(e, d0, 1, 3);
    assert_int_equal(ccad_schedule_item_count(s), 4); /* Q3 delegated */
    assert_int_equal(item(s, 0).customer, i1);
    assert_int_equal(item(s, 1).customer, i2o);
    assert_int_equal(item(s, 2).customer, i2a);
    assert_int_equal(item(s, 3).customer, i3);
    assert_int_equal(item(s, 3).delegated, CCAD_BY_COLLEAGUE);
    assert_int_equal(count_findings(s, CCAD_FIND_OVER_CAPACITY, -1), 1);
    ccad_schedule_free(s);
}

/* Q3 without room: delegated to a colleague; with capacity.delegate_q3 = 0
 * it waits and is planned on the next day with room, rolled over. */
static void q3_delegated_or_waits(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    ccad_customer a = cust("a", CCAD_GRADE_A, 100, d0 - 1);
    ccad_customer c = cust("c", CCAD_GRADE_C, 1, d0 - 5);
    uint32_t ia, ic;
    ccad_schedule *s;
    ccad_item it;
    a.purchase_date = d0; /* Q1 today only; next A contact due d0 + 3 */
    c.request_date = d0;
    ia = add(e, &a);
    ic = add(e, &c);
    grade(e);
    s = plan(e, d0, 3, 1);
    assert_int_equal(item_on(s, ia, d0).delegated, CCAD_BY_REP);
    it = item_on(s, ic, d0);
    assert_int_equal(it.delegated, CCAD_BY_COLLEAGUE);
    assert_int_equal(it.rolled_from, CCAD_NO_DATE);
    assert_int_equal(count_day_overcap(s), 0);
    ccad_schedule_free(s);

    set(e, "capacity.delegate_q3", 0);
    s = plan(e, d0, 3, 1);
    assert_false(has_item_on(s, ic, d0));
    it = item_on(s, ic, d0 + 1);
    assert_int_equal(it.delegated, CCAD_BY_REP);
    assert_int_equal(it.rolled_from, d0);
    reason_is(&it.reasons[0], CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_ROLLED, d0, 1, 0);
    /* a waiting Q3 is not an important contact: no over-capacity finding */
    assert_int_equal(count_day_overcap(s), 0);
    ccad_schedule_free(s);
}

/* Q4 rolls over day to day (rolled_from set) and is dropped after
 * capacity.q4_rollover_days with a DROPPED finding. */
static void q4_rolls_over_and_drops(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    ccad_customer a = cust("a", CCAD_GRADE_A, 100, d0 - 1);
    uint32_t ia, ic;
    ccad_schedule *s;
    ccad_finding f;
    a.purchase_date = d0 + 6; /* Q1, daily, the whole week */
    ia = add(e, &a);
    ic = add_simple(e, "c", CCAD_GRADE_C, 1, d0 - 28); /* Q4, due d0 */
    grade(e);
    s = plan(e, d0, 7, 1);
    assert_int_equal(items_of(s, ic, 0, NULL, 0), 0);
    assert_int_equal(items_of(s, ia, 0, NULL, 0), 5);
    assert_int_equal(count_findings(s, CCAD_FIND_DROPPED, -2), 1);
    f = find_of(s, CCAD_FIND_DROPPED, ic);
    assert_int_equal(f.date, d0 + 3);
    assert_true(f.reason_count >= 1);
    reason_is(&f.reasons[0], CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_DROPPED, d0, 3, 0);
    /* dropped is not also unplanned, and a waiting Q4 is not over capacity */
    assert_int_equal(count_findings(s, CCAD_FIND_UNPLANNED, ic), 0);
    assert_int_equal(count_day_overcap(s), 0);
    ccad_schedule_free(s);

    /* drop after one day of waiting */
    set(e, "capacity.q4_rollover_days", 1);
    s = plan(e, d0, 7, 1);
    f = find_of(s, CCAD_FIND_DROPPED, ic);
    assert_int_equal(f.date, d0 + 1);
    reason_is(&f.reasons[0], CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_DROPPED, d0, 1, 0);
    ccad_schedule_free(s);
}

static void q4_rolled_then_planned(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    ccad_customer a = cust("a", CCAD_GRADE_A, 100, d0 - 1);
    uint32_t ic;
    ccad_schedule *s;
    ccad_item it;
    a.purchase_date = d0; /* Q1 on d0 only */
    add(e, &a);
    ic = add_simple(e, "c", CCAD_GRADE_C, 1, d0 - 28);
    grade(e);
    s = plan(e, d0, 3, 1);
    assert_false(has_item_on(s, ic, d0));
    it = item_on(s, ic, d0 + 1);
    assert_int_equal(it.kind, CCAD_ITEM_CALL); /* Q4 contacts are calls */
    assert_int_equal(it.quadrant, CCAD_Q4);
    assert_int_equal(it.rolled_from, d0);
    assert_int_equal(it.delegated, CCAD_BY_REP);
    reason_is(&it.reasons[0], CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_ROLLED, d0, 1, 0);
    assert_int_equal(count_findings(s, CCAD_FIND_DROPPED, -2), 0);
    ccad_schedule_free(s);
}

/* Nothing is planned on days that are not working days (a holiday, the
 * weekend); the contact falls on the next working day. */
static void non_working_days(void **state)
{
    env *e = *state;
    int32_t d0 = D0, d;
    ccad_customer a = cust("a", CCAD_GRADE_A, 100, d0 - 1);
    uint32_t ia;
    ccad_schedule *s;
    size_t i;
    a.purchase_date = d0 + 7;
    ia = add(e, &a);
    add_simple(e, "c", CCAD_GRADE_C, 1, d0 - 30);
    grade(e);
    e->holiday[e->n_holiday++] = d0 + 2; /* Wednesday */
    s = plan(e, d0, 8, 8);
    for (i = 0; i < ccad_schedule_item_count(s); i++) {
        ccad_item it = item(s, i);
        assert_true(it.date != d0 + 2 && it.date != d0 + 5 && it.date != d0 + 6);
    }
    for (d = d0; d < d0 + 8; d++)
        assert_int_equal(has_item_on(s, ia, d), d != d0 + 2 && d != d0 + 5 && d != d0 + 6);
    /* Thursday's contact was due on the holiday: one day overdue */
    assert_true(item_on(s, ia, d0 + 3).reasons[0].c == 1);
    assert_int_equal(e->cal_calls, 8); /* one calendar call per day */
    ccad_schedule_free(s);
}

/* Absence: Q1-Q3 contacts due that day go to the substitute; Q4 waits. */
static void absence_substitute(void **state)
{
    env *e = *state;
    int32_t d0 = D0, da = D0 + 1;
    ccad_customer q1 = cust("q1", CCAD_GRADE_A, 100, d0 - 1);
    ccad_customer q3 = cust("q3", CCAD_GRADE_C, 2, d0 - 5);
    uint32_t i1, i2, i3, i4;
    ccad_schedule *s;
    ccad_item it;
    q1.purchase_date = d0 + 4;
    q3.request_date = da;
    set(e, "capacity.pull_ahead_days", 0);
    i1 = add(e, &q1);
    i2 = add_simple(e, "q2", CCAD_GRADE_B, 50, da - 7);
    i3 = add(e, &q3);
    i4 = add_simple(e, "q4", CCAD_GRADE_C, 1, da - 28);
    grade(e);
    e->absent[e->n_absent++] = da;
    s = plan(e, d0, 5, 8);
    {
        const uint32_t who[3] = {i1, i2, i3};
        int k;
        for (k = 0; k < 3; k++) {
            it = item_on(s, who[k], da);
            assert_int_equal(it.delegated, CCAD_BY_SUBSTITUTE);
            reason_is(&it.reasons[0], CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_ABSENT, da, 0, 0);
        }
    }
    assert_false(has_item_on(s, i4, da));
    /* the Q4 call waited through the absence and is planned next, rolled */
    it = item_on(s, i4, da + 1);
    assert_int_equal(it.delegated, CCAD_BY_REP);
    assert_int_equal(it.rolled_from, da);
    /* the substitute's visits restart the clock: Q1 is due again next day */
    assert_int_equal(item_on(s, i1, da + 1).priority, 1);
    ccad_schedule_free(s);
}

/* An absence that covers a weekend (a leave from Saturday to Monday)
 * hands the substitute nothing on Saturday and Sunday: contacts fall due on
 * working weekdays only (freq.work_days), and the absence replaces the rep
 * only on days the rep would have worked. A contact left over from Friday
 * goes to the substitute on Monday. */
static void absence_on_weekend(void **state)
{
    env *e = *state;
    int32_t d0 = D0, fri = D0 + 4;
    ccad_customer q1 = cust("q1", CCAD_GRADE_A, 100, d0 + 3);
    uint32_t i1, ib;
    ccad_schedule *s;
    size_t i;
    q1.purchase_date = d0 + 6;
    i1 = add(e, &q1);
    ib = add_simple(e, "b", CCAD_GRADE_B, 50, d0 - 5); /* overdue since d0 + 2 */
    grade(e);
    e->absent[e->n_absent++] = fri + 1;
    e->absent[e->n_absent++] = fri + 2;
    e->absent[e->n_absent++] = fri + 3;
    s = plan(e, fri, 5, 1);
    assert_int_equal(item_on(s, i1, fri).delegated, CCAD_BY_REP);
    assert_false(has_item_on(s, ib, fri));
    for (i = 0; i < ccad_schedule_item_count(s); i++) {
        ccad_item it = item(s, i);
        if (it.date == fri + 1 || it.date == fri + 2)
            print_message("item on the weekend: customer %u, D0%+d, delegated %d\n", it.customer,
                          (int)(it.date - d0), it.delegated);
        assert_true(it.date != fri + 1 && it.date != fri + 2);
    }
    assert_int_equal(item_on(s, ib, fri + 3).delegated, CCAD_BY_SUBSTITUTE);
    assert_int_equal(item_on(s, i1, fri + 3).delegated, CCAD_BY_SUBSTITUTE);
    ccad_schedule_free(s);
}

/* FREQ as dates (pull-ahead off, ample room): A every 3 days, B weekly,
 * Q1 within a week every working day; each planned contact restarts the
 * clock; due dates on weekends move to Monday. */
static void freq_as_dates(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    ccad_customer q1 = cust("q1", CCAD_GRADE_A, 300, d0 - 1);
    uint32_t ia, ib, iq;
    ccad_item it[32];
    ccad_schedule *s;
    size_t n, k;
    set(e, "capacity.pull_ahead_days", 0);
    q1.purchase_date = d0 + 4;
    ia = add_simple(e, "a", CCAD_GRADE_A, 200, d0 - 1); /* due d0 + 2 */
    ib = add_simple(e, "b", CCAD_GRADE_B, 100, d0 - 3); /* due d0 + 4 */
    iq = add(e, &q1);
    grade(e);
    s = plan(e, d0, 28, 8);
    {
        const int32_t want[] = {2, 7, 10, 14, 17, 21, 24};
        n = items_of(s, ia, 0, it, 32);
        assert_int_equal(n, sizeof want / sizeof want[0]);
        for (k = 0; k < n; k++) {
            assert_int_equal(it[k].date, d0 + want[k]);
            assert_int_equal(it[k].kind, CCAD_ITEM_VISIT);
            assert_int_equal(it[k].quadrant, CCAD_Q2);
        }
        /* the reasons carry the frequency and the clock */
        reason_is(&it[1].reasons[0], CCAD_RULE_QUADRANT, CCAD_WHY_PLAN_DUE, d0 + 7, 2, 0);
    }
    {
        const int32_t want[] = {4, 11, 18, 25};
        n = items_of(s, ib, 0, it, 32);
        assert_int_equal(n, 4);
        for (k = 0; k < n; k++)
            assert_int_equal(it[k].date, d0 + want[k]);
    }
    {
        /* Q1 within 7 days: Mon..Fri, then (purchase passed) A every 3 days */
        const int32_t want[] = {0, 1, 2, 3, 4, 7, 10, 14, 17, 21, 24};
        n = items_of(s, iq, 0, it, 32);
        assert_int_equal(n, sizeof want / sizeof want[0]);
        for (k = 0; k < n; k++)
            assert_int_equal(it[k].date, d0 + want[k]);
        for (k = 0; k < 5; k++)
            assert_int_equal(it[k].quadrant, CCAD_Q1);
        assert_int_equal(it[5].quadrant, CCAD_Q2);
    }
    ccad_schedule_free(s);
}

/* Pull-ahead levels work; it must not raise the frequency. With ample room
 * and the default rules, an A customer (2 per 7 days, every 3 days) gets at
 * most ceil(28 / 3) = 10 contacts in four weeks, a B (weekly) at most 4 + 1. */
static void pull_ahead_keeps_frequency(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    uint32_t ia, ib;
    ccad_schedule *s;
    ccad_workload w = CCAD_WORKLOAD_INIT;
    ia = add_simple(e, "a", CCAD_GRADE_A, 200, d0 - 1);
    ib = add_simple(e, "b", CCAD_GRADE_B, 100, d0 - 3);
    grade(e);
    s = plan(e, d0, 28, 8);
    w.period_days = 28;
    w.visits_per_day = 8;
    assert_int_equal(ccad_book_workload(e->b, e->r, d0, &w), CCAD_OK);
    print_message("A: %lu contacts planned in 28 days (FREQ: %lld), B: %lu (FREQ: %lld)\n",
                  (unsigned long)items_of(s, ia, 0, NULL, 0), (long long)w.rows[0].visits,
                  (unsigned long)items_of(s, ib, 0, NULL, 0), (long long)w.rows[1].visits);
    assert_true(items_of(s, ia, 0, NULL, 0) <= 10);
    assert_true(items_of(s, ib, 0, NULL, 0) <= 5);
    ccad_schedule_free(s);
}

/* Pull-ahead: a day with spare room takes an important contact due within
 * capacity.pull_ahead_days (PLAN_EARLY); not Q3/Q4, not without room, not
 * with the parameter at 0. */
static void pull_ahead_levelling(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    uint32_t ia, ic;
    ccad_schedule *s;
    ccad_item it;
    ia = add_simple(e, "a", CCAD_GRADE_A, 200, d0 - 1); /* due d0 + 2 */
    ic = add_simple(e, "c", CCAD_GRADE_C, 1, d0 - 27);  /* Q4 due d0 + 1 */
    grade(e);
    s = plan(e, d0, 1, 8);
    it = item_on(s, ia, d0);
    assert_int_equal(it.delegated, CCAD_BY_REP);
    assert_int_equal(it.kind, CCAD_ITEM_VISIT);
    reason_is(&it.reasons[0], CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_EARLY, d0 + 2, 2, 0);
    assert_false(has_item_on(s, ic, d0));
    ccad_schedule_free(s);

    set(e, "capacity.pull_ahead_days", 1);
    s = plan(e, d0, 1, 8);
    assert_int_equal(ccad_schedule_item_count(s), 0);
    ccad_schedule_free(s);
    set(e, "capacity.pull_ahead_days", 0);
    s = plan(e, d0, 1, 8);
    assert_int_equal(ccad_schedule_item_count(s), 0);
    ccad_schedule_free(s);
    set(e, "capacity.pull_ahead_days", 2);

    /* a full day pulls nothing */
    {
        ccad_customer q1 = cust("q1", CCAD_GRADE_B, 300, d0 - 1);
        q1.purchase_date = d0 + 3;
        add(e, &q1);
        grade(e);
    }
    s = plan(e, d0, 1, 1);
    assert_int_equal(ccad_schedule_item_count(s), 1);
    assert_false(has_item_on(s, ia, d0));
    ccad_schedule_free(s);
    /* an absent day pulls nothing forward */
    e->absent[e->n_absent++] = d0;
    s = plan(e, d0, 1, 8);
    assert_false(has_item_on(s, ia, d0));
    ccad_schedule_free(s);
}

/* PERSIST: a push-needed active customer gets a block of persist.block_days
 * (3) consecutive working days, block_day 1..3, and no second block within
 * persist.cycle_days (28). */
static void persist_blocks(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    ccad_customer p = cust("push", CCAD_GRADE_B, 100, d0 - 4); /* due Thursday d0 + 3 */
    ccad_customer sd = cust("self", CCAD_GRADE_B, 90, d0 - 4);
    uint32_t ip, isd;
    ccad_item it[40];
    ccad_schedule *s;
    size_t n, k, starts = 0;
    int32_t last_start = CCAD_NO_DATE;
    set(e, "capacity.pull_ahead_days", 0);
    p.status = CCAD_STATUS_ACTIVE;
    p.monthly_volume = 6000000; /* between triage.push_volume and self_driven */
    sd.status = CCAD_STATUS_ACTIVE;
    sd.monthly_volume = 9000000; /* self-driven: never persisted */
    ip = add(e, &p);
    isd = add(e, &sd);
    grade(e);
    s = plan(e, d0, 60, 8);
    n = items_of(s, ip, 0, it, 40);
    assert_true(n >= 4);
    /* the first block: Thursday, Friday, Monday */
    {
        const int32_t want[3] = {3, 4, 7};
        for (k = 0; k < 3; k++) {
            assert_int_equal(it[k].date, d0 + want[k]);
            assert_int_equal(it[k].kind, CCAD_ITEM_PERSIST);
            assert_int_equal(it[k].block_day, (int32_t)k + 1);
            reason_is(&it[k].reasons[0], CCAD_RULE_PERSIST, CCAD_WHY_PERSIST_BLOCK,
                      (int64_t)k + 1, 3, 28);
        }
    }
    /* after the block the weekly rhythm; blocks again only after 28 days */
    assert_int_equal(it[3].kind, CCAD_ITEM_VISIT);
    assert_int_equal(it[3].block_day, 0);
    for (k = 0; k < n; k++) {
        if (it[k].block_day == 1) {
            if (last_start != CCAD_NO_DATE)
                assert_true(it[k].date - last_start >= 28);
            last_start = it[k].date;
            starts++;
            /* each block: block_day 1..3 on consecutive working days */
            assert_true(k + 2 < n);
            assert_int_equal(it[k + 1].block_day, 2);
            assert_int_equal(it[k + 2].block_day, 3);
            {
                int32_t d;
                for (d = it[k].date + 1; d < it[k + 2].date; d++)
                    if (d != it[k + 1].date)
                        assert_true(weekday(d) > 5);
            }
        } else if (it[k].kind == CCAD_ITEM_PERSIST) {
            assert_true(it[k].block_day == 2 || it[k].block_day == 3);
        }
    }
    assert_int_equal(starts, 2);
    n = items_of(s, isd, 0, it, 40);
    for (k = 0; k < n; k++)
        assert_int_equal(it[k].kind, CCAD_ITEM_VISIT);
    ccad_schedule_free(s);
}

/* COMPLAINT: an open complaint is contacted every working day. */
static void complaint_open_daily(void **state)
{
    env *e = *state;
    int32_t d0 = D0, d;
    ccad_customer b = cust("b", CCAD_GRADE_B, 100, d0 - 2);
    ccad_customer c = cust("c", CCAD_GRADE_C, 1, d0 - 2);
    uint32_t ib, ic;
    ccad_schedule *s;
    b.complaint = CCAD_COMPLAINT_OPEN;
    b.complaint_date = d0 - 1;
    c.complaint = CCAD_COMPLAINT_OPEN;
    c.complaint_date = d0;
    ib = add(e, &b);
    ic = add(e, &c);
    grade(e);
    s = plan(e, d0, 14, 8);
    for (d = d0; d < d0 + 14; d++) {
        int work = weekday(d) <= 5;
        assert_int_equal(has_item_on(s, ib, d), work);
        assert_int_equal(has_item_on(s, ic, d), work);
        if (work) {
            assert_int_equal(item_on(s, ib, d).quadrant, CCAD_Q1);
            assert_int_equal(item_on(s, ic, d).quadrant, CCAD_Q3);
            assert_int_equal(item_on(s, ic, d).delegated, CCAD_BY_REP);
        }
    }
    ccad_schedule_free(s);
}

/* COMPLAINT + CAPACITY: an open complaint of an unimportant customer is
 * "same day, personally or delegated"; with no room it is an urgent,
 * unimportant (Q3) matter and goes to a colleague that day. */
static void complaint_unimportant_delegated(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    ccad_customer a = cust("a", CCAD_GRADE_A, 100, d0 - 1);
    ccad_customer c = cust("c", CCAD_GRADE_C, 1, d0 - 2);
    uint32_t ic;
    ccad_schedule *s;
    ccad_item it;
    a.purchase_date = d0 + 3;
    c.complaint = CCAD_COMPLAINT_OPEN;
    c.complaint_date = d0;
    add(e, &a);
    ic = add(e, &c);
    grade(e);
    s = plan(e, d0, 1, 1);
    it = item_on(s, ic, d0);
    assert_int_equal(it.delegated, CCAD_BY_COLLEAGUE);
    ccad_schedule_free(s);
}

/* COMPLAINT: a resolved complaint gets one CARE contact on the care date
 * (complaint.care_after_days = 7 after resolution), not before. */
static void complaint_care(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    ccad_customer b = cust("b", CCAD_GRADE_B, 100, d0 - 1); /* weekly: due d0 + 7 */
    ccad_customer w = cust("w", CCAD_GRADE_B, 90, d0 - 1);
    uint32_t ib, iw;
    ccad_item it[16];
    ccad_schedule *s;
    size_t n, k, care = 0;
    set(e, "capacity.pull_ahead_days", 0);
    b.complaint = CCAD_COMPLAINT_RESOLVED;
    b.complaint_date = d0 - 3; /* care on d0 + 4 (Friday) */
    w.complaint = CCAD_COMPLAINT_RESOLVED;
    w.complaint_date = d0 - 2; /* care on d0 + 5 (Saturday) -> Monday */
    ib = add(e, &b);
    iw = add(e, &w);
    grade(e);
    s = plan(e, d0, 21, 8);
    n = items_of(s, ib, 0, it, 16);
    assert_true(n >= 2);
    assert_int_equal(it[0].date, d0 + 4);
    assert_int_equal(it[0].kind, CCAD_ITEM_CARE);
    reason_is(&it[0].reasons[0], CCAD_RULE_COMPLAINT, CCAD_WHY_CARE_CONTACT, d0 - 3, d0 + 4, 0);
    for (k = 0; k < n; k++)
        care += it[k].kind == CCAD_ITEM_CARE;
    assert_int_equal(care, 1);
    assert_int_equal(it[1].kind, CCAD_ITEM_VISIT);
    assert_int_equal(it[1].date, d0 + 11);
    n = items_of(s, iw, 0, it, 16);
    assert_true(n >= 1);
    assert_int_equal(it[0].kind, CCAD_ITEM_CARE);
    assert_true(it[0].date >= d0 + 5);
    assert_int_equal(it[0].date, d0 + 7);
    ccad_schedule_free(s);
}

/* KEEPWARM: special days give A and B a touch (no capacity used), also on
 * a day that is not a working day; keepwarm.grades selects the grades. */
static void keepwarm_touches(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    ccad_customer gone = cust("gone", CCAD_GRADE_A, 500, d0 - 1);
    ccad_customer q1 = cust("q1", CCAD_GRADE_A, 400, d0 - 1);
    uint32_t ia, ib, ic, ig, iq;
    ccad_item it[8];
    ccad_schedule *s;
    size_t i, rep_owned = 0;
    gone.status = CCAD_STATUS_RELEASED;
    q1.purchase_date = d0 + 4;
    ia = add_simple(e, "a", CCAD_GRADE_A, 300, d0 - 1);
    ib = add_simple(e, "b", CCAD_GRADE_B, 200, d0 - 1);
    ic = add_simple(e, "c", CCAD_GRADE_C, 100, d0 - 1);
    ig = add(e, &gone);
    iq = add(e, &q1);
    grade(e);
    e->special[e->n_special++] = d0 + 2; /* Wednesday, working */
    e->special[e->n_special++] = d0 + 5; /* Saturday */
    s = plan(e, d0, 7, 1);
    assert_int_equal(items_of(s, ia, 1, it, 8), 2);
    assert_int_equal(it[0].date, d0 + 2);
    assert_int_equal(it[1].date, d0 + 5);
    assert_int_equal(it[0].kind, CCAD_ITEM_TOUCH);
    assert_int_equal(it[0].delegated, CCAD_BY_REP);
    assert_int_equal(it[0].block_day, 0);
    assert_true(it[0].reason_count >= 1);
    reason_is(&it[0].reasons[0], CCAD_RULE_KEEPWARM, CCAD_WHY_KEEPWARM_TOUCH, d0 + 2, 0, 0);
    assert_int_equal(items_of(s, ib, 1, it, 8), 2);
    assert_int_equal(items_of(s, ic, 1, it, 8), 0);
    assert_int_equal(items_of(s, ig, 1, it, 8), 0);
    assert_int_equal(items_of(s, iq, 1, it, 8), 2);
    /* touches use no capacity: the Q1 visit is still planned on Wednesday */
    assert_int_equal(item_on(s, iq, d0 + 2).delegated, CCAD_BY_REP);
    for (i = 0; i < ccad_schedule_item_count(s); i++) {
        ccad_item x = item(s, i);
        if (x.date == d0 + 2 && x.kind != CCAD_ITEM_TOUCH && x.delegated == CCAD_BY_REP)
            rep_owned++;
    }
    assert_int_equal(rep_owned, 1);
    ccad_schedule_free(s);

    set(e, "keepwarm.grades", CCAD_GRADE_BIT_A);
    s = plan(e, d0, 7, 1);
    assert_int_equal(items_of(s, ia, 1, it, 8), 2);
    assert_int_equal(items_of(s, ib, 1, it, 8), 0);
    ccad_schedule_free(s);
}

/* One item per customer and day: on a special working day a customer that
 * is due gets its visit, not a visit and a touch besides. */
static void touch_and_visit_same_day(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    ccad_customer q1 = cust("q1", CCAD_GRADE_A, 400, d0 - 1);
    uint32_t iq;
    ccad_schedule *s;
    ccad_item it[8];
    q1.purchase_date = d0 + 4;
    iq = add(e, &q1);
    grade(e);
    e->special[e->n_special++] = d0 + 2;
    s = plan(e, d0, 5, 8);
    assert_true(has_item_on(s, iq, d0 + 2));
    {
        size_t n = items_of(s, iq, 1, it, 8), k, same = 0;
        for (k = 0; k < n; k++)
            same += it[k].date == d0 + 2;
        print_message("customer with a visit on the special day: %lu touch(es) that day\n",
                      (unsigned long)same);
        assert_int_equal(same, 0);
    }
    ccad_schedule_free(s);
}

/* FOLLOWUP: reminders of day D are exactly the items dated D + lead. */
static void reminders(void **state)
{
    env *e = *state;
    int32_t d0 = D0, d;
    char id[16];
    int i, lead;
    ccad_schedule *s;
    for (i = 0; i < 12; i++) {
        snprintf(id, sizeof id, "c%02d", i);
        add_simple(e, id, i < 3 ? CCAD_GRADE_A : i < 6 ? CCAD_GRADE_B : CCAD_GRADE_C, 100 - i,
                   d0 - 1 - 3 * i);
    }
    grade(e);
    for (lead = 0; lead <= 3; lead += 3) {
        set(e, "followup.reminder_lead_days", lead);
        s = plan(e, d0, 14, 2);
        assert_true(ccad_schedule_item_count(s) > 4);
        for (d = d0 - 5; d < d0 + 20; d++) {
            size_t idx[64], n = 999, k, j = 0, want = 0;
            assert_int_equal(ccad_schedule_reminders(s, d, idx, 64, &n), CCAD_OK);
            for (k = 0; k < ccad_schedule_item_count(s); k++) {
                ccad_item it = item(s, k);
                assert_int_equal(it.reminder_date, it.date - lead);
                if (it.date == d + lead) {
                    assert_true(j < n);
                    assert_int_equal(idx[j], k);
                    j++;
                    want++;
                }
            }
            assert_int_equal(n, want);
            if (want >= 2) {
                size_t one[1] = {12345}, m = 0;
                assert_int_equal(ccad_schedule_reminders(s, d, one, 1, &m), CCAD_ENOSPC);
                assert_int_equal(m, want);
                assert_int_equal(one[0], idx[0]);
                assert_int_equal(ccad_schedule_reminders(s, d, NULL, 0, &m), CCAD_ENOSPC);
                assert_int_equal(m, want);
            }
        }
        {
            size_t n = 7;
            assert_int_equal(ccad_schedule_reminders(s, d0 + 400, NULL, 0, &n), CCAD_OK);
            assert_int_equal(n, 0);
            assert_int_equal(ccad_schedule_reminders(s, d0, NULL, 0, NULL), CCAD_EINVAL);
            assert_int_equal(ccad_schedule_reminders(s, d0, NULL, 3, &n), CCAD_EINVAL);
            assert_int_equal(ccad_schedule_reminders(NULL, d0, NULL, 0, &n), CCAD_EINVAL);
        }
        ccad_schedule_free(s);
    }
}

/* Findings: unplanned (never contacted first), per-customer findings on the
 * first day, dropped, planned gaps, over capacity (days, workload),
 * platform; in that order. */
static void findings_kinds_and_order(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    ccad_customer q1 = cust("q1", CCAD_GRADE_A, 1000, d0 - 1);
    ccad_customer nv = cust("never", CCAD_GRADE_B, 10, CCAD_NO_DATE);
    ccad_customer st = cust("stalled", CCAD_GRADE_C, 3, d0 - 2);
    ccad_customer rel = cust("released", CCAD_GRADE_B, 4, d0 - 30);
    ccad_customer own = cust("owned", CCAD_GRADE_C, 2, d0 - 2);
    uint32_t iq, ic, inv, iov, icool, icold, ist, irel, iown, iq4;
    ccad_schedule *s;
    ccad_finding f;
    size_t i;
    int last_rank = 0;
    q1.purchase_date = d0 + 2; /* Q1 daily d0..d0+2 */
    st.no_progress = 3;
    rel.status = CCAD_STATUS_RELEASED;
    rel.contacts = 3;
    own.owned_since = d0 - 89; /* ownership ends d0 + 1 */
    own.contacts = 2;
    iq = add(e, &q1);
    ic = add_simple(e, "contacted", CCAD_GRADE_B, 20, d0 - 7); /* due d0 */
    inv = add(e, &nv);
    iov = add_simple(e, "overdue", CCAD_GRADE_B, 30, d0 - 12); /* 5 days overdue */
    icool = add_simple(e, "cooling", CCAD_GRADE_A, 40, d0 - 16);
    icold = add_simple(e, "cold", CCAD_GRADE_A, 50, d0 - 22);
    ist = add(e, &st);
    irel = add(e, &rel);
    iown = add(e, &own);
    iq4 = add_simple(e, "q4", CCAD_GRADE_C, 1, d0 - 28);
    grade(e);
    s = plan(e, d0, 3, 1);

    /* unplanned: the never-contacted first, then the others by index */
    f = finding(s, 0);
    assert_int_equal(f.kind, CCAD_FIND_UNPLANNED);
    assert_true(f.customer == inv);
    reason_is(&f.reasons[0], CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_UNPLANNED, d0, 1, 0);
    f = find_of(s, CCAD_FIND_UNPLANNED, ic);
    assert_int_equal(f.date, d0);
    reason_is(&f.reasons[0], CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_UNPLANNED, d0, 0, 0);
    assert_int_equal(count_findings(s, CCAD_FIND_UNPLANNED, iq), 0);

    /* first-day findings */
    f = find_of(s, CCAD_FIND_OVERDUE, iov);
    assert_int_equal(f.date, d0);
    assert_true(f.reason_count >= 1);
    {
        int seen = 0;
        uint32_t k;
        for (k = 0; k < f.reason_count; k++)
            if (f.reasons[k].why == CCAD_WHY_OVERDUE) {
                reason_is(&f.reasons[k], CCAD_RULE_ESCALATE, CCAD_WHY_OVERDUE, 5,
                          CCAD_ESCALATE_MANAGER, 5);
                seen = 1;
            }
        assert_true(seen);
    }
    f = find_of(s, CCAD_FIND_COOLING, icool);
    reason_is(&f.reasons[0], CCAD_RULE_GAP, CCAD_WHY_GAP_WARN, 16, 14, 2);
    f = find_of(s, CCAD_FIND_COLD, icold);
    reason_is(&f.reasons[0], CCAD_RULE_GAP, CCAD_WHY_GAP_ALERT, 22, 21, 8);
    assert_int_equal(count_findings(s, CCAD_FIND_COOLING, icold), 0);
    f = find_of(s, CCAD_FIND_STALLED, ist);
    reason_is(&f.reasons[0], CCAD_RULE_STALL, CCAD_WHY_STALLED, 3, 3, 0);
    f = find_of(s, CCAD_FIND_RELEASE_RISK, irel);
    reason_is(&f.reasons[0], CCAD_RULE_PATIENCE, CCAD_WHY_RELEASED_EARLY, 3, 5, 0);
    f = find_of(s, CCAD_FIND_RELEASE_RISK, iown);
    assert_int_equal(f.date, d0 + 1);
    f = find_of(s, CCAD_FIND_NEVER_CONTACTED, inv);
    assert_int_equal(f.date, d0);
    /* a Q4 waiting three days is dropped on d0 + 3: outside this range */
    assert_int_equal(count_findings(s, CCAD_FIND_DROPPED, iq4), 0);
    assert_int_equal(count_findings(s, CCAD_FIND_UNPLANNED, iq4), 1);

    /* over capacity on each day: important contacts without room */
    for (i = 0; i < 3; i++) {
        size_t k;
        int seen = 0;
        for (k = 0; k < ccad_schedule_finding_count(s); k++) {
            f = finding(s, k);
            if (f.kind == CCAD_FIND_OVER_CAPACITY && f.date == d0 + (int32_t)i) {
                assert_true(f.customer == -1);
                reason_is(&f.reasons[0], CCAD_RULE_CAPACITY, CCAD_WHY_CAPACITY_FULL,
                          d0 + (int32_t)i, 1, 1);
                seen++;
            }
        }
        assert_int_equal(seen, 1);
    }
    /* the workload (3 days x 1 visit) is exceeded */
    {
        int seen = 0;
        for (i = 0; i < ccad_schedule_finding_count(s); i++) {
            f = finding(s, i);
            if (f.kind == CCAD_FIND_OVER_CAPACITY && f.date == CCAD_NO_DATE) {
                assert_int_equal(f.reasons[0].why, CCAD_WHY_WORKLOAD_OVER);
                assert_int_equal(f.reasons[0].rule, CCAD_RULE_WORKLOAD);
                assert_true(f.reasons[0].b == 3);
                assert_true(f.reasons[0].a > 3);
                seen++;
            }
        }
        assert_int_equal(seen, 1);
    }

    /* order of kinds */
    for (i = 0; i < ccad_schedule_finding_count(s); i++) {
        int rank;
        f = finding(s, i);
        switch (f.kind) {
        case CCAD_FIND_UNPLANNED: rank = 1; break;
        case CCAD_FIND_OVERDUE:
        case CCAD_FIND_COOLING:
        case CCAD_FIND_COLD:
        case CCAD_FIND_STALLED:
        case CCAD_FIND_RELEASE_RISK:
        case CCAD_FIND_NEVER_CONTACTED: rank = 2; break;
        case CCAD_FIND_DROPPED: rank = 3; break;
        case CCAD_FIND_GAP: rank = 4; break;
        case CCAD_FIND_OVER_CAPACITY: rank = f.date != CCAD_NO_DATE ? 5 : 6; break;
        case CCAD_FIND_PLATFORM: rank = 7; break;
        default: rank = 0; fail();
        }
        assert_true(rank >= last_rank);
        last_rank = rank;
        if (f.kind == CCAD_FIND_UNPLANNED && i > 0 && finding(s, i - 1).kind == CCAD_FIND_UNPLANNED)
            assert_true(f.reasons[0].b <= finding(s, i - 1).reasons[0].b);
    }
    ccad_schedule_free(s);
}

/* GAP in the plan: a watched customer that waits too long for room. */
static void findings_planned_gap(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    ccad_customer q1 = cust("q1", CCAD_GRADE_A, 1000, d0 - 1);
    uint32_t ig;
    ccad_schedule *s;
    ccad_finding f;
    q1.purchase_date = d0 + 6; /* Q1 daily Mon..Fri */
    add(e, &q1);
    ig = add_simple(e, "g", CCAD_GRADE_A, 10, d0 - 10); /* overdue since d0 - 7 */
    grade(e);
    s = plan(e, d0, 10, 1);
    assert_int_equal(item_on(s, ig, d0 + 7).rolled_from, d0);
    f = find_of(s, CCAD_FIND_GAP, ig);
    assert_int_equal(f.date, d0 + 7);
    reason_is(&f.reasons[0], CCAD_RULE_GAP, CCAD_WHY_GAP_PLANNED, 17, 14, d0 + 7);
    ccad_schedule_free(s);
}

/* Platform warnings appear as findings of the schedule. */
static void findings_platform(void **state)
{
    env *e = *state;
    char id[16];
    int i;
    ccad_schedule *s;
    ccad_finding f;
    for (i = 0; i < 51; i++) {
        ccad_customer c = cust(id, i < 20 ? CCAD_GRADE_B : CCAD_GRADE_C, 100 - i, D0 - 1);
        snprintf(id, sizeof id, "p%02d", i);
        add(e, &c);
    }
    grade(e);
    s = plan(e, D0, 1, 100);
    assert_int_equal(count_findings(s, CCAD_FIND_PLATFORM, -1), 2);
    f = find_of(s, CCAD_FIND_PLATFORM, -1);
    assert_int_equal(f.date, CCAD_NO_DATE);
    reason_is(&f.reasons[0], CCAD_RULE_PLATFORM, CCAD_WHY_PLATFORM_OVER_CAP, 51, 50, 0);
    f = finding(s, ccad_schedule_finding_count(s) - 1);
    reason_is(&f.reasons[0], CCAD_RULE_PLATFORM, CCAD_WHY_PLATFORM_C_HEAVY, 31, 51, 50);
    ccad_schedule_free(s);
}

/* WORKLOAD, overload policy: stretching every interval plans fewer contacts
 * than reporting on an overloaded book. */
static size_t rep_items(const ccad_schedule *s)
{
    size_t i, n = 0;
    for (i = 0; i < ccad_schedule_item_count(s); i++) {
        ccad_item it = item(s, i);
        n += it.kind != CCAD_ITEM_TOUCH && it.delegated == CCAD_BY_REP;
    }
    return n;
}

static void stretch_policy(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    char id[16];
    int i;
    ccad_schedule *rep, *str;
    ccad_plan_options o = opts(d0, 28, 3);
    ccad_finding f;
    for (i = 0; i < 10; i++) {
        snprintf(id, sizeof id, "a%d", i);
        add_simple(e, id, CCAD_GRADE_A, 100 - i, d0 - 1 - (i % 3));
    }
    grade(e);
    rep = plan_o(e, &o);
    o.overload = CCAD_OVERLOAD_STRETCH;
    str = plan_o(e, &o);
    print_message("overloaded book: report plans %lu contacts, stretch %lu\n",
                  (unsigned long)rep_items(rep), (unsigned long)rep_items(str));
    /* the workload finding names the stretch factor in both */
    f = workload_finding(rep);
    reason_is(&f.reasons[0], CCAD_RULE_WORKLOAD, CCAD_WHY_WORKLOAD_OVER, 80, 60, 134);
    assert_true(rep_items(str) < rep_items(rep));
    f = workload_finding(str);
    reason_is(&f.reasons[0], CCAD_RULE_WORKLOAD, CCAD_WHY_WORKLOAD_OVER, 80, 60, 134);
    ccad_schedule_free(rep);
    ccad_schedule_free(str);

    /* the same with pull-ahead off */
    set(e, "capacity.pull_ahead_days", 0);
    o.overload = CCAD_OVERLOAD_REPORT;
    rep = plan_o(e, &o);
    o.overload = CCAD_OVERLOAD_STRETCH;
    str = plan_o(e, &o);
    assert_true(rep_items(str) < rep_items(rep));
    ccad_schedule_free(rep);
    ccad_schedule_free(str);
}

/* Minute-based capacity: service minutes per grade (route.service_*_min). */
static void minutes_capacity(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    uint32_t a1, a2, b1, c1;
    ccad_schedule *s;
    ccad_plan_options o = opts(d0, 1, 0);
    set(e, "capacity.pull_ahead_days", 0);
    a1 = add_simple(e, "a1", CCAD_GRADE_A, 100, d0 - 3);
    a2 = add_simple(e, "a2", CCAD_GRADE_A, 90, d0 - 3);
    b1 = add_simple(e, "b1", CCAD_GRADE_B, 50, d0 - 7);
    c1 = add_simple(e, "c1", CCAD_GRADE_C, 10, d0 - 28);
    grade(e);
    o.minutes_per_day = 120; /* A 60 + A 60 */
    s = plan_o(e, &o);
    assert_int_equal(ccad_schedule_item_count(s), 2);
    assert_true(has_item_on(s, a1, d0) && has_item_on(s, a2, d0));
    assert_int_equal(count_findings(s, CCAD_FIND_OVER_CAPACITY, -1) >= 1, 1);
    ccad_schedule_free(s);
    o.minutes_per_day = 150; /* B (45) does not fit after 120, C (30) does */
    s = plan_o(e, &o);
    assert_int_equal(ccad_schedule_item_count(s), 3);
    assert_false(has_item_on(s, b1, d0));
    assert_true(has_item_on(s, c1, d0));
    ccad_schedule_free(s);
    /* other service times */
    set(e, "route.service_a_min", 30);
    s = plan_o(e, &o); /* 30 + 30 + 45 + 30 = 135 */
    assert_int_equal(ccad_schedule_item_count(s), 4);
    ccad_schedule_free(s);
    /* both limits: the tighter one wins */
    o.visits_per_day = 2;
    s = plan_o(e, &o);
    assert_int_equal(ccad_schedule_item_count(s), 2);
    ccad_schedule_free(s);
}

/* keep_reasons = 0: the same plan without reasons. */
static void lean_schedules(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    char id[16];
    int i;
    ccad_schedule *s1, *s0;
    ccad_plan_options o = opts(d0, 14, 3);
    size_t k;
    for (i = 0; i < 20; i++) {
        snprintf(id, sizeof id, "l%02d", i);
        add_simple(e, id, i < 4 ? CCAD_GRADE_A : i < 9 ? CCAD_GRADE_B : CCAD_GRADE_C, 100 - i,
                   i == 5 ? CCAD_NO_DATE : d0 - 1 - 2 * i);
    }
    grade(e);
    s1 = plan_o(e, &o);
    o.keep_reasons = 0;
    s0 = plan_o(e, &o);
    assert_int_equal(ccad_schedule_item_count(s0), ccad_schedule_item_count(s1));
    assert_int_equal(ccad_schedule_finding_count(s0), ccad_schedule_finding_count(s1));
    for (k = 0; k < ccad_schedule_item_count(s0); k++) {
        ccad_item a = item(s0, k), b = item(s1, k);
        assert_int_equal(a.reason_count, 0);
        assert_true(b.reason_count >= 1);
        assert_int_equal(a.date, b.date);
        assert_int_equal(a.customer, b.customer);
        assert_int_equal(a.kind, b.kind);
        assert_int_equal(a.priority, b.priority);
    }
    for (k = 0; k < ccad_schedule_finding_count(s0); k++) {
        ccad_finding a = finding(s0, k), b = finding(s1, k);
        assert_int_equal(a.reason_count, 0);
        assert_int_equal(a.kind, b.kind);
        assert_true(a.customer == b.customer);
    }
    ccad_schedule_free(s0);
    ccad_schedule_free(s1);
}

/* ---------------------------------------------------------------------- */
/* Properties over generated books */

static uint64_t rng_next(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *s = x;
    return x * UINT64_C(2685821657736338717);
}

static int64_t rng_range(uint64_t *s, int64_t lo, int64_t hi) /* [lo, hi] */
{
    return lo + (int64_t)(rng_next(s) % (uint64_t)(hi - lo + 1));
}

/* A realistic book: Pareto-like values (rank grading 15/25/60), purchase
 * dates, complaints, requests, statuses, triage volumes, owners. */
static void gen_book(env *e, uint64_t seed, int n, int32_t d0)
{
    uint64_t s = seed * UINT64_C(0x9E3779B97F4A7C15) + 1;
    int i;
    char id[24];
    for (i = 0; i < n; i++) {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        int64_t r = rng_range(&s, 0, 99);
        snprintf(id, sizeof id, "g%llu-%04d", (unsigned long long)seed, i);
        c.id = id;
        c.value = r < 15 ? rng_range(&s, 5000000, 50000000)
                  : r < 40 ? rng_range(&s, 1000000, 5000000)
                           : rng_range(&s, 0, 1000000);
        r = rng_range(&s, 0, 99);
        c.status = r < 60 ? CCAD_STATUS_PROSPECT : r < 85 ? CCAD_STATUS_ACTIVE
                   : r < 93                          ? CCAD_STATUS_KEY
                   : r < 97                          ? CCAD_STATUS_RELEASED
                                                     : CCAD_STATUS_ELIMINATED;
        if (c.status == CCAD_STATUS_ACTIVE || c.status == CCAD_STATUS_KEY)
            c.monthly_volume = rng_range(&s, 0, 10000000);
        if (rng_range(&s, 0, 99) < 30)
            c.purchase_date = d0 + (int32_t)rng_range(&s, -10, 40);
        r = rng_range(&s, 0, 99);
        if (r < 4) {
            c.complaint = CCAD_COMPLAINT_OPEN;
            c.complaint_date = d0 - (int32_t)rng_range(&s, 0, 5);
        } else if (r < 8) {
            c.complaint = CCAD_COMPLAINT_RESOLVED;
            c.complaint_date = d0 - (int32_t)rng_range(&s, 0, 10);
        }
        if (rng_range(&s, 0, 99) < 4)
            c.request_date = d0 + (int32_t)rng_range(&s, -1, 10);
        if (rng_range(&s, 0, 99) < 90) {
            c.last_contact = d0 - (int32_t)rng_range(&s, 1, 40);
            c.last_visit = c.last_contact;
            c.contacts = (uint32_t)rng_range(&s, 1, 12);
            c.no_progress = (uint32_t)rng_range(&s, 0, 4);
            if (c.no_progress > c.contacts)
                c.no_progress = c.contacts;
            if (rng_range(&s, 0, 99) < 20)
                c.next_step_date = c.last_contact + (int32_t)rng_range(&s, 1, 20);
        }
        if (c.complaint != CCAD_COMPLAINT_NONE && c.last_contact != CCAD_NO_DATE &&
            c.last_contact < c.complaint_date - 20)
            c.last_contact = c.last_visit = c.complaint_date - 20;
        if (c.next_step_date != CCAD_NO_DATE && c.next_step_date < c.last_contact)
            c.next_step_date = c.last_contact + 1;
        if (rng_range(&s, 0, 99) < 30)
            c.owned_since = d0 - (int32_t)rng_range(&s, 0, 120);
        add(e, &c);
    }
    grade(e);
}

static void gen_calendar(env *e, int32_t d0)
{
    e->n_holiday = e->n_absent = e->n_special = 0;
    e->holiday[e->n_holiday++] = d0 + 3;
    e->absent[e->n_absent++] = d0 + 9;
    e->absent[e->n_absent++] = d0 + 13; /* a Sunday marked absent */
    e->special[e->n_special++] = d0 + 5;
    e->special[e->n_special++] = d0 + 16;
}

static void item_equal(const ccad_item *a, const ccad_item *b)
{
    uint32_t k;
    assert_int_equal(a->size, b->size);
    assert_int_equal(a->date, b->date);
    assert_int_equal(a->customer, b->customer);
    assert_int_equal(a->kind, b->kind);
    assert_int_equal(a->quadrant, b->quadrant);
    assert_int_equal(a->priority, b->priority);
    assert_int_equal(a->delegated, b->delegated);
    assert_int_equal(a->rolled_from, b->rolled_from);
    assert_int_equal(a->reminder_date, b->reminder_date);
    assert_int_equal(a->block_day, b->block_day);
    assert_int_equal(a->reason_count, b->reason_count);
    for (k = 0; k < a->reason_count; k++)
        assert_memory_equal(&a->reasons[k], &b->reasons[k], sizeof a->reasons[k]);
}

static void schedules_equal(const ccad_schedule *x, const ccad_schedule *y)
{
    size_t i;
    assert_int_equal(ccad_schedule_item_count(x), ccad_schedule_item_count(y));
    assert_int_equal(ccad_schedule_finding_count(x), ccad_schedule_finding_count(y));
    for (i = 0; i < ccad_schedule_item_count(x); i++) {
        ccad_item a = item(x, i), b = item(y, i);
        item_equal(&a, &b);
    }
    for (i = 0; i < ccad_schedule_finding_count(x); i++) {
        ccad_finding a = finding(x, i), b = finding(y, i);
        uint32_t k;
        assert_int_equal(a.kind, b.kind);
        assert_true(a.customer == b.customer);
        assert_int_equal(a.date, b.date);
        assert_int_equal(a.reason_count, b.reason_count);
        for (k = 0; k < a.reason_count; k++)
            assert_memory_equal(&a.reasons[k], &b.reasons[k], sizeof a.reasons[k]);
    }
}

#define GEN_N 200
#define GEN_DAYS 28

static void check_properties(env *e, const ccad_schedule *s, int32_t d0, int32_t vpd,
                             int strict_q1)
{
    size_t i, n = ccad_schedule_item_count(s), nb = ccad_book_count(e->b);
    int day_rep[GEN_DAYS];
    int32_t last_date = CCAD_NO_DATE, last_prio = -1;
    uint8_t *seen = calloc(nb * GEN_DAYS, 1), *touched = calloc(nb * GEN_DAYS, 1);
    uint32_t flags[GEN_DAYS];
    int di;
    assert_non_null(seen);
    assert_non_null(touched);
    memset(day_rep, 0, sizeof day_rep);
    for (di = 0; di < GEN_DAYS; di++)
        assert_int_equal(ccad_ctx_day_flags(e->ctx, &flags[di], d0 + di), CCAD_OK);
    for (i = 0; i < n; i++) {
        ccad_item it = item(s, i);
        int k = it.date - d0;
        assert_true(k >= 0 && k < GEN_DAYS);
        assert_true(it.customer < nb);
        /* sorted by date, then priority */
        assert_true(last_date == CCAD_NO_DATE || it.date > last_date ||
                    (it.date == last_date && it.priority >= last_prio));
        if (it.date != last_date)
            last_prio = -1;
        last_date = it.date;
        last_prio = it.priority;
        if (it.kind == CCAD_ITEM_TOUCH) {
            assert_true(flags[k] & CCAD_DAY_SPECIAL);
            assert_false(touched[(size_t)k * nb + it.customer]);
            touched[(size_t)k * nb + it.customer] = 1;
            continue;
        }
        /* nothing on days neither working nor absent */
        assert_true(flags[k] & (CCAD_DAY_WORKING | CCAD_DAY_ABSENT));
        if (flags[k] & CCAD_DAY_ABSENT)
            assert_int_equal(it.delegated, CCAD_BY_SUBSTITUTE);
        /* at most one contact per customer and day */
        assert_false(seen[(size_t)k * nb + it.customer]);
        seen[(size_t)k * nb + it.customer] = 1;
        if (it.delegated == CCAD_BY_REP)
            day_rep[k]++;
        assert_true(it.block_day >= 0 && it.block_day <= 3);
        assert_true((it.kind == CCAD_ITEM_PERSIST) == (it.block_day > 0));
    }
    for (di = 0; di < GEN_DAYS; di++)
        assert_true(day_rep[di] <= vpd);
    if (strict_q1) {
        /* every open A/B customer buying within 7 days: an item every
         * working day (by the substitute on an absent weekday) */
        for (i = 0; i < nb; i++) {
            ccad_customer c = CCAD_CUSTOMER_INIT;
            assert_int_equal(ccad_book_get(e->b, i, &c), CCAD_OK);
            if (c.status == CCAD_STATUS_RELEASED || c.status == CCAD_STATUS_ELIMINATED ||
                c.purchase_date == CCAD_NO_DATE)
                continue;
            for (di = 0; di < GEN_DAYS; di++) {
                ccad_assessment a = CCAD_ASSESSMENT_INIT;
                int32_t left = c.purchase_date - (d0 + di);
                /* working days, and absent days that are weekdays */
                int plan_day = (flags[di] & CCAD_DAY_WORKING) ||
                               ((flags[di] & CCAD_DAY_ABSENT) && weekday(d0 + di) <= 5);
                if (!plan_day || left < 0 || left > 7)
                    continue;
                assert_int_equal(ccad_book_assess(e->b, e->r, i, d0 + di, &a), CCAD_OK);
                if (a.quadrant != CCAD_Q1)
                    continue;
                if (!seen[(size_t)di * nb + i])
                    print_message("customer %lu (Q1, buying in %d days) has no item on D0%+d\n",
                                  (unsigned long)i, (int)left, di);
                assert_true(seen[(size_t)di * nb + i]);
            }
        }
    }
    free(seen);
    free(touched);
}

static void properties_generated(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    uint64_t seed;
    for (seed = 1; seed <= 6; seed++) {
        ccad_schedule *s1, *s2;
        ccad_plan_options o = opts(d0, GEN_DAYS, 8);
        ccad_book_free(e->b);
        assert_int_equal(ccad_book_new(&e->b, e->ctx, 0), CCAD_OK);
        gen_book(e, seed, GEN_N, d0);
        gen_calendar(e, d0);
        s1 = plan_o(e, &o);
        s2 = plan_o(e, &o);
        check_properties(e, s1, d0, 8, 0);
        schedules_equal(s1, s2); /* deterministic */
        ccad_schedule_free(s1);
        ccad_schedule_free(s2);
        /* minute limit and the stretch policy keep the same properties */
        o.minutes_per_day = 300;
        o.overload = CCAD_OVERLOAD_STRETCH;
        s1 = plan_o(e, &o);
        check_properties(e, s1, d0, 8, 0);
        ccad_schedule_free(s1);
        /* capacity large: Q1 within a week gets every working day */
        o = opts(d0, GEN_DAYS, 1000);
        s1 = plan_o(e, &o);
        check_properties(e, s1, d0, 1000, 1);
        ccad_schedule_free(s1);
    }
}

/* Determinism across books built in another insertion order is not
 * promised (indices differ), but the same inputs in a fresh context give
 * the same schedule. */
static void determinism_fresh_context(void **state)
{
    env *e = *state;
    env f;
    ccad_host h;
    ccad_schedule *s1, *s2;
    ccad_plan_options o = opts(D0, GEN_DAYS, 6);
    gen_book(e, 42, GEN_N, D0);
    gen_calendar(e, D0);
    s1 = plan_o(e, &o);
    memset(&f, 0, sizeof f);
    h = tu_host(&f.al);
    h.user = &f;
    h.calendar = calendar;
    assert_int_equal(ccad_ctx_new(&f.ctx, &h), CCAD_OK);
    assert_int_equal(ccad_rules_new(&f.r, f.ctx), CCAD_OK);
    assert_int_equal(ccad_book_new(&f.b, f.ctx, 1000), CCAD_OK);
    gen_book(&f, 42, GEN_N, D0);
    gen_calendar(&f, D0);
    s2 = plan_o(&f, &o);
    schedules_equal(s1, s2);
    ccad_schedule_free(s1);
    ccad_schedule_free(s2);
    ccad_book_free(f.b);
    ccad_rules_free(f.r);
    ccad_ctx_free(f.ctx);
    assert_int_equal(f.al.live, 0);
}

/* ---------------------------------------------------------------------- */
/* Error paths */

static void small_book(env *e)
{
    add_simple(e, "x", CCAD_GRADE_A, 10, D0 - 5);
    add_simple(e, "y", CCAD_GRADE_C, 1, D0 - 40);
    grade(e);
}

#define SCHED_FAIL(e, o, code)                                                  \
    do {                                                                        \
        ccad_schedule *s_ = (ccad_schedule *)(void *)&(e);                      \
        TU_FAIL((e)->ctx, ccad_schedule_new(&s_, (e)->b, (e)->r, (o)), (code)); \
        assert_null(s_);                                                        \
    } while (0)

static void errors_schedule_new(void **state)
{
    env *e = *state;
    ccad_plan_options o = opts(D0, 7, 8), bad;
    ccad_schedule *s = (ccad_schedule *)(void *)e;
    long live;
    small_book(e);
    live = e->al.live;
    /* NULL arguments */
    assert_int_equal(ccad_schedule_new(NULL, e->b, e->r, &o), CCAD_EINVAL);
    assert_int_equal(ccad_schedule_new(&s, NULL, e->r, &o), CCAD_EINVAL);
    assert_null(s);
    SCHED_FAIL(e, NULL, CCAD_EINVAL);
    {
        ccad_schedule *s2 = (ccad_schedule *)(void *)e;
        TU_FAIL(e->ctx, ccad_schedule_new(&s2, e->b, NULL, &o), CCAD_EINVAL);
        assert_null(s2);
    }
    /* sizes */
    bad = o;
    bad.size = (uint32_t)sizeof bad - 1;
    SCHED_FAIL(e, &bad, CCAD_EVERSION);
    bad.size = (uint32_t)sizeof bad + 4;
    SCHED_FAIL(e, &bad, CCAD_EVERSION);
    bad.size = 0;
    SCHED_FAIL(e, &bad, CCAD_EVERSION);
    /* ranges */
    bad = opts(CCAD_NO_DATE, 7, 8); /* the INIT default: no day set */
    SCHED_FAIL(e, &bad, CCAD_ERANGE);
    bad = opts(CCAD_DATE_MAX, 2, 8);
    SCHED_FAIL(e, &bad, CCAD_ERANGE);
    bad = opts(CCAD_DATE_MIN - 1, 1, 8);
    SCHED_FAIL(e, &bad, CCAD_ERANGE);
    bad = opts(D0, 0, 8);
    SCHED_FAIL(e, &bad, CCAD_ERANGE);
    bad = opts(D0, 367, 8);
    SCHED_FAIL(e, &bad, CCAD_ERANGE);
    bad = opts(D0, -1, 8);
    SCHED_FAIL(e, &bad, CCAD_ERANGE);
    bad = opts(D0, 7, -1);
    SCHED_FAIL(e, &bad, CCAD_ERANGE);
    bad = opts(D0, 7, 1001);
    SCHED_FAIL(e, &bad, CCAD_ERANGE);
    bad = opts(D0, 7, 8);
    bad.minutes_per_day = -1;
    SCHED_FAIL(e, &bad, CCAD_ERANGE);
    bad.minutes_per_day = 1441;
    SCHED_FAIL(e, &bad, CCAD_ERANGE);
    /* no limit at all */
    bad = opts(D0, 7, 0);
    SCHED_FAIL(e, &bad, CCAD_EINVAL);
    /* unknown policy, keep_reasons */
    bad = opts(D0, 7, 8);
    bad.overload = 2;
    SCHED_FAIL(e, &bad, CCAD_EINVAL);
    bad.overload = -1;
    SCHED_FAIL(e, &bad, CCAD_EINVAL);
    bad = opts(D0, 7, 8);
    bad.keep_reasons = 2;
    SCHED_FAIL(e, &bad, CCAD_EINVAL);
    /* the limits of the ranges are accepted */
    bad = opts(CCAD_DATE_MAX - 365, 366, 1000);
    bad.minutes_per_day = 1440;
    s = plan_o(e, &bad);
    ccad_schedule_free(s);
    bad = opts(CCAD_DATE_MIN, 1, 0);
    bad.minutes_per_day = 1;
    s = plan_o(e, &bad);
    ccad_schedule_free(s);
    assert_int_equal(e->al.live, live);
    /* stale book: a customer added after grading */
    add_simple(e, "z", CCAD_GRADE_B, 5, D0 - 3);
    SCHED_FAIL(e, &o, CCAD_ESTALE);
    grade(e);
    /* stale: graded with other grading rules */
    {
        ccad_rules *r2 = NULL;
        ccad_schedule *s2 = (ccad_schedule *)(void *)e;
        assert_int_equal(ccad_rules_copy(&r2, e->ctx, e->r), CCAD_OK);
        assert_int_equal(ccad_rules_set(r2, "grade.share_a_pct", 30), CCAD_OK);
        TU_FAIL(e->ctx, ccad_schedule_new(&s2, e->b, r2, &o), CCAD_ESTALE);
        assert_null(s2);
        /* non-grading parameters may differ */
        assert_int_equal(ccad_rules_set(r2, "grade.share_a_pct", 15), CCAD_OK);
        assert_int_equal(ccad_rules_set(r2, "gap.max_days", 10), CCAD_OK);
        assert_int_equal(ccad_schedule_new(&s2, e->b, r2, &o), CCAD_OK);
        ccad_schedule_free(s2);
        ccad_rules_free(r2);
    }
    /* empty book */
    {
        ccad_book *empty = NULL;
        ccad_schedule *s2 = NULL;
        assert_int_equal(ccad_book_new(&empty, e->ctx, 0), CCAD_OK);
        assert_int_equal(ccad_book_grade(empty, e->r), CCAD_OK);
        assert_int_equal(ccad_schedule_new(&s2, empty, e->r, &o), CCAD_OK);
        assert_int_equal(ccad_schedule_item_count(s2), 0);
        ccad_schedule_free(s2);
        ccad_book_free(empty);
    }
}

/* The calendar callback failing on the Nth day, for every N. */
static void errors_calendar_callback(void **state)
{
    env *e = *state;
    ccad_plan_options o = opts(D0, 10, 8);
    long n, live;
    small_book(e);
    live = e->al.live;
    for (n = 1; n <= 10; n++) {
        ccad_schedule *s = (ccad_schedule *)(void *)e;
        e->cal_calls = 0;
        e->cal_fail_at = n;
        TU_FAIL(e->ctx, ccad_schedule_new(&s, e->b, e->r, &o), CCAD_ECALLBACK);
        e->cal_fail_at = 0;
        assert_null(s);
        assert_non_null(strstr(ccad_ctx_errmsg(e->ctx), "calendar"));
        assert_int_equal(e->al.live, live);
        assert_int_equal(e->cal_calls, n); /* stops at the failing day */
    }
    {
        ccad_schedule *s = plan_o(e, &o);
        ccad_schedule_free(s);
    }
}

static void errors_item_finding(void **state)
{
    env *e = *state;
    ccad_schedule *s;
    ccad_item it = CCAD_ITEM_INIT, keep;
    ccad_finding f = CCAD_FINDING_INIT, fkeep;
    size_t ni, nf;
    small_book(e);
    s = plan(e, D0, 7, 8);
    ni = ccad_schedule_item_count(s);
    nf = ccad_schedule_finding_count(s);
    assert_true(ni > 0 && nf > 0);
    assert_int_equal(ccad_schedule_item_count(NULL), 0);
    assert_int_equal(ccad_schedule_finding_count(NULL), 0);
    assert_int_equal(ccad_schedule_item(NULL, 0, &it), CCAD_EINVAL);
    assert_int_equal(ccad_schedule_finding(NULL, 0, &f), CCAD_EINVAL);
    TU_FAIL(e->ctx, ccad_schedule_item(s, 0, NULL), CCAD_EINVAL);
    TU_FAIL(e->ctx, ccad_schedule_finding(s, 0, NULL), CCAD_EINVAL);
    it.date = 777;
    keep = it;
    TU_FAIL(e->ctx, ccad_schedule_item(s, ni, &it), CCAD_ENOTFOUND);
    TU_FAIL(e->ctx, ccad_schedule_item(s, (size_t)-1, &it), CCAD_ENOTFOUND);
    assert_memory_equal(&it, &keep, sizeof it);
    it.size = (uint32_t)sizeof it - 1;
    TU_FAIL(e->ctx, ccad_schedule_item(s, 0, &it), CCAD_EVERSION);
    it.size = (uint32_t)sizeof it + 8;
    TU_FAIL(e->ctx, ccad_schedule_item(s, 0, &it), CCAD_EVERSION);
    f.date = 777;
    fkeep = f;
    TU_FAIL(e->ctx, ccad_schedule_finding(s, nf, &f), CCAD_ENOTFOUND);
    assert_memory_equal(&f, &fkeep, sizeof f);
    f.size = 0;
    TU_FAIL(e->ctx, ccad_schedule_finding(s, 0, &f), CCAD_EVERSION);
    f.size = (uint32_t)sizeof f + 8;
    TU_FAIL(e->ctx, ccad_schedule_finding(s, 0, &f), CCAD_EVERSION);
    /* the last index works */
    (void)item(s, ni - 1);
    (void)finding(s, nf - 1);
    ccad_schedule_free(s);
    ccad_schedule_free(NULL);
}

static void errors_workload_platform(void **state)
{
    env *e = *state;
    ccad_workload w = CCAD_WORKLOAD_INIT, keep;
    ccad_platform p = CCAD_PLATFORM_INIT;
    uint8_t ch[3];
    small_book(e);
    keep = w;
    assert_int_equal(ccad_book_workload(NULL, e->r, D0, &w), CCAD_EINVAL);
    TU_FAIL(e->ctx, ccad_book_workload(e->b, NULL, D0, &w), CCAD_EINVAL);
    TU_FAIL(e->ctx, ccad_book_workload(e->b, e->r, D0, NULL), CCAD_EINVAL);
    w.size = 0;
    TU_FAIL(e->ctx, ccad_book_workload(e->b, e->r, D0, &w), CCAD_EVERSION);
    w = keep;
    TU_FAIL(e->ctx, ccad_book_workload(e->b, e->r, CCAD_NO_DATE, &w), CCAD_ERANGE);
#define WL_BAD(field, val)                                                      \
    do {                                                                        \
        ccad_workload b_ = keep, k_;                                            \
        b_.field = (val);                                                       \
        k_ = b_;                                                                \
        TU_FAIL(e->ctx, ccad_book_workload(e->b, e->r, D0, &b_), CCAD_ERANGE); \
        assert_memory_equal(&b_, &k_, sizeof b_);                               \
    } while (0)
    WL_BAD(period_days, 0);
    WL_BAD(period_days, 367);
    WL_BAD(field_days, -1);
    WL_BAD(field_days, 31); /* more field days than the 30-day period */
    WL_BAD(visits_per_day, 0);
    WL_BAD(visits_per_day, -3);
    WL_BAD(visits_per_day, 1001);
#undef WL_BAD
    assert_memory_equal(&w, &keep, sizeof w);

    assert_int_equal(ccad_book_platform(NULL, e->r, &p), CCAD_EINVAL);
    TU_FAIL(e->ctx, ccad_book_platform(e->b, NULL, &p), CCAD_EINVAL);
    TU_FAIL(e->ctx, ccad_book_platform(e->b, e->r, NULL), CCAD_EINVAL);
    p.size = (uint32_t)sizeof p + 1;
    TU_FAIL(e->ctx, ccad_book_platform(e->b, e->r, &p), CCAD_EVERSION);
    p.size = (uint32_t)sizeof p;

    assert_int_equal(ccad_book_choose_working(NULL, e->r, ch, 2), CCAD_EINVAL);
    TU_FAIL(e->ctx, ccad_book_choose_working(e->b, NULL, ch, 2), CCAD_EINVAL);
    TU_FAIL(e->ctx, ccad_book_choose_working(e->b, e->r, NULL, 2), CCAD_EINVAL);
    memset(ch, 0x55, sizeof ch);
    TU_FAIL(e->ctx, ccad_book_choose_working(e->b, e->r, ch, 1), CCAD_EINVAL);
    TU_FAIL(e->ctx, ccad_book_choose_working(e->b, e->r, ch, 3), CCAD_EINVAL);
    TU_FAIL(e->ctx, ccad_book_choose_working(e->b, e->r, ch, 0), CCAD_EINVAL);
    assert_int_equal(ch[0], 0x55);
    assert_int_equal(ch[2], 0x55);
    assert_int_equal(ccad_book_choose_working(e->b, e->r, ch, 2), CCAD_OK);

    /* stale book */
    add_simple(e, "late", CCAD_GRADE_A, 3, D0 - 1);
    TU_FAIL(e->ctx, ccad_book_workload(e->b, e->r, D0, &w), CCAD_ESTALE);
    TU_FAIL(e->ctx, ccad_book_platform(e->b, e->r, &p), CCAD_ESTALE);
    TU_FAIL(e->ctx, ccad_book_choose_working(e->b, e->r, ch, 3), CCAD_ESTALE);
}

/* ---------------------------------------------------------------------- */
/* Allocation failures */

static int plan_alloc_rounds;

static void alloc_book(env *e)
{
    char id[16];
    int i;
    for (i = 0; i < 40; i++) {
        ccad_customer c = cust(id, CCAD_GRADE_NONE, (int64_t)(i * 7919 % 100) * 100000,
                               i % 9 == 0 ? CCAD_NO_DATE : D0 - 1 - (i % 30));
        snprintf(id, sizeof id, "f%02d", i);
        if (i % 5 == 0)
            c.purchase_date = D0 + i % 10;
        if (i % 11 == 0) {
            c.complaint = CCAD_COMPLAINT_OPEN;
            c.complaint_date = D0 - 1;
        }
        if (i % 7 == 0) {
            c.status = CCAD_STATUS_ACTIVE;
            c.monthly_volume = 6000000;
        }
        add(e, &c);
    }
    grade(e);
    e->special[e->n_special++] = D0 + 4;
    e->absent[e->n_absent++] = D0 + 8;
}

static void alloc_failure_schedule_new(void **state)
{
    env *e = *state;
    ccad_plan_options o = opts(D0, 28, 3);
    ccad_schedule *ref;
    ccad_assessment before[40];
    size_t i, n;
    int mode;
    long base;
    alloc_book(e);
    n = ccad_book_count(e->b);
    for (i = 0; i < n; i++) {
        memset(&before[i], 0, sizeof before[i]);
        before[i].size = (uint32_t)sizeof before[i];
        assert_int_equal(ccad_book_assess(e->b, e->r, i, D0, &before[i]), CCAD_OK);
    }
    ref = plan_o(e, &o);
    base = e->al.live;
    for (mode = 0; mode < 2; mode++) {
        long k;
        for (k = 1;; k++) {
            ccad_schedule *s = (ccad_schedule *)(void *)e;
            int rc;
            assert_true(k < 10000);
            tu_fail_at(&e->al, k, mode);
            e->al.failures = 0;
            rc = ccad_schedule_new(&s, e->b, e->r, &o);
            tu_fail_at(&e->al, 0, 0);
            plan_alloc_rounds++;
            if (rc == CCAD_OK) {
                assert_int_equal(e->al.failures, 0);
                schedules_equal(s, ref);
                ccad_schedule_free(s);
                break;
            }
            assert_int_equal(rc, CCAD_ENOMEM);
            assert_int_equal(ccad_ctx_errcode(e->ctx), CCAD_ENOMEM);
            assert_null(s);
            assert_int_equal(e->al.live, base);
            for (i = 0; i < n; i++) {
                ccad_assessment a;
                memset(&a, 0, sizeof a);
                a.size = (uint32_t)sizeof a;
                assert_int_equal(ccad_book_assess(e->b, e->r, i, D0, &a), CCAD_OK);
                assert_memory_equal(&a, &before[i], sizeof a);
            }
        }
    }
    /* keep_reasons = 0 allocates differently */
    o.keep_reasons = 0;
    for (mode = 0; mode < 2; mode++) {
        long k;
        for (k = 1;; k++) {
            ccad_schedule *s = NULL;
            int rc;
            assert_true(k < 10000);
            tu_fail_at(&e->al, k, mode);
            rc = ccad_schedule_new(&s, e->b, e->r, &o);
            tu_fail_at(&e->al, 0, 0);
            plan_alloc_rounds++;
            if (rc == CCAD_OK) {
                ccad_schedule_free(s);
                break;
            }
            assert_int_equal(rc, CCAD_ENOMEM);
            assert_null(s);
            assert_int_equal(e->al.live, base);
        }
    }
    ccad_schedule_free(ref);
}

static void alloc_failure_choose_working(void **state)
{
    env *e = *state;
    uint8_t ref[40], ch[40];
    int mode;
    long base;
    alloc_book(e);
    assert_int_equal(ccad_book_choose_working(e->b, e->r, ref, 40), CCAD_OK);
    base = e->al.live;
    for (mode = 0; mode < 2; mode++) {
        long k;
        for (k = 1;; k++) {
            int rc;
            assert_true(k < 1000);
            memset(ch, 0x77, sizeof ch);
            tu_fail_at(&e->al, k, mode);
            rc = ccad_book_choose_working(e->b, e->r, ch, 40);
            tu_fail_at(&e->al, 0, 0);
            plan_alloc_rounds++;
            if (rc == CCAD_OK) {
                assert_memory_equal(ch, ref, sizeof ch);
                break;
            }
            assert_int_equal(rc, CCAD_ENOMEM);
            assert_int_equal(e->al.live, base);
            assert_int_equal(ch[0], 0x77); /* untouched on error */
            assert_int_equal(ch[39], 0x77);
        }
    }
}

static int report(void **state)
{
    (void)state;
    print_message("plan alloc-failure rounds: %d\n", plan_alloc_rounds);
    return 0;
}

#define T(f) cmocka_unit_test_setup_teardown(f, env_setup, env_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(example2_delegation),
        T(example3_workload_table),
        T(example4_platforms),
        T(platform_warning_bounds),
        T(choose_working_reserve_order),
        T(example5_rounds),
        T(big_rocks_first),
        T(q3_delegated_or_waits),
        T(q4_rolls_over_and_drops),
        T(q4_rolled_then_planned),
        T(non_working_days),
        T(absence_substitute),
        T(absence_on_weekend),
        T(freq_as_dates),
        T(pull_ahead_keeps_frequency),
        T(pull_ahead_levelling),
        T(persist_blocks),
        T(complaint_open_daily),
        T(complaint_unimportant_delegated),
        T(complaint_care),
        T(keepwarm_touches),
        T(touch_and_visit_same_day),
        T(reminders),
        T(findings_kinds_and_order),
        T(findings_planned_gap),
        T(findings_platform),
        T(stretch_policy),
        T(minutes_capacity),
        T(lean_schedules),
        T(properties_generated),
        T(determinism_fresh_context),
        T(errors_schedule_new),
        T(errors_calendar_callback),
        T(errors_item_finding),
        T(errors_workload_platform),
        T(alloc_failure_schedule_new),
        T(alloc_failure_choose_working),
    };
    return cmocka_run_group_tests(tests, NULL, report);
}
