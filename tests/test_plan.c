/* Planner: schedules (QUADRANT, CAPACITY, FREQ, GAP, PERSIST, COMPLAINT,
 * KEEPWARM, FOLLOWUP), the workload table (WORKLOAD) and the platforms
 * (PLATFORM). The catalogue's worked examples 2-5 (seeds 000, 004, 002) are
 * reproduced first, then each planner rule, properties over generated books,
 * error paths and allocation failures.
 *
 * Dates: D0 is Monday 2026-03-02; D0+5/+6 and D0+12/+13 are weekends. */
#include "testutil.h"

#include <math.h>
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
    long travel_calls;   /* travel calls so far */
    long travel_fail_at; /* 1-based travel call that fails; 0 = never */
    int travel_negative; /* 1: the failing call reports -1 minutes instead */
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
        f |= CCAD_DAY_ABSENT; /* an absence is a working day the substitute covers */
    if (in_list(e->special, e->n_special, day))
        f |= CCAD_DAY_SPECIAL;
    *out = f;
    return 0;
}

/* Host travel time: Manhattan distance in minutes, rounded up (a road grid). */
static int travel(void *user, double fx, double fy, double tx, double ty, int32_t *out)
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
    h.travel = travel;
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

static void schedules_equal(const ccad_schedule *x, const ccad_schedule *y);
static void check_days(env *e, const ccad_schedule *s, const ccad_plan_options *o);
static size_t check_routes(env *e, const ccad_schedule *s, const ccad_plan_options *o);
static ccad_plan_options route_opts(int32_t first, int32_t days, int32_t vpd);

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

    /* The whole market managed: dominated by C, not under the minimum of
     * 50 (seed 004); no fixed cap by default (1.1), over 1.0's cap of 50. */
    assert_int_equal(ccad_book_platform(e->b, e->r, &p), CCAD_OK);
    assert_true(p.market[0] == 300 && p.market[1] == 20 && p.market[2] == 40 &&
                p.market[3] == 240 && p.market[4] == 0);
    assert_true(p.working[0] == 300 && p.buying[0] == 0 && p.key_accounts == 0);
    assert_true(p.working_cap == 0 && p.working_min == 50);
    assert_int_equal(p.over_cap, 0);
    assert_int_equal(p.under_min, 0);
    assert_int_equal(p.c_heavy, 1);
    assert_int_equal(ccad_rules_set(e->r, "platform.working_cap", 50), CCAD_OK);
    assert_int_equal(ccad_book_platform(e->b, e->r, &p), CCAD_OK);
    assert_true(p.working_cap == 50);
    assert_int_equal(p.over_cap, 1);

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

/* A caller built against 1.0 passes ccad_platform as it was (up to
 * c_heavy): it gets those members, and nothing past its size is written. */
static void platform_old_size(void **state)
{
    env *e = *state;
    size_t old = offsetof(ccad_platform, c_heavy) + sizeof(int32_t), k;
    union {
        ccad_platform p;
        unsigned char bytes[sizeof(ccad_platform) + 16];
    } u;
    ccad_platform full = CCAD_PLATFORM_INIT;
    add_simple(e, "o1", CCAD_GRADE_C, 10, CCAD_NO_DATE);
    grade(e);
    assert_true(old < sizeof(ccad_platform));
    memset(&u, 0xA5, sizeof u);
    u.p.size = (uint32_t)old;
    assert_int_equal(ccad_book_platform(e->b, e->r, &u.p), CCAD_OK);
    assert_int_equal(ccad_book_platform(e->b, e->r, &full), CCAD_OK);
    assert_int_equal(full.under_min, 1);
    assert_true(u.p.working[0] == 1 && u.p.market[3] == 1 && u.p.c_heavy == 1);
    for (k = old; k < sizeof u.bytes; k++)
        assert_int_equal(u.bytes[k], 0xA5);
    /* a size between the two is refused */
    u.p.size = (uint32_t)old + 4;
    assert_int_equal(ccad_book_platform(e->b, e->r, &u.p), CCAD_EVERSION);
}

/* PLATFORM warnings at their boundaries: 50 working is not over a cap of
 * 50 (1.0's default), 51 is; 49 is under the minimum of 50, 50 is not; C at
 * exactly c_max_pct (50 %) is not heavy, above it is. */
static void platform_warning_bounds(void **state)
{
    env *e = *state;
    char id[16];
    int i;
    ccad_platform p = CCAD_PLATFORM_INIT;
    assert_int_equal(ccad_rules_set(e->r, "platform.working_cap", 50), CCAD_OK);
    grade(e);
    assert_int_equal(ccad_book_platform(e->b, e->r, &p), CCAD_OK);
    assert_int_equal(p.under_min, 0); /* an empty book has no platform to judge */
    for (i = 0; i < 50; i++) {
        if (i == 49) {
            grade(e);
            assert_int_equal(ccad_book_platform(e->b, e->r, &p), CCAD_OK);
            assert_true(p.working[0] == 49 && p.working_min == 50);
            assert_int_equal(p.under_min, 1);
        }
        ccad_customer c = cust(id, i < 25 ? CCAD_GRADE_B : CCAD_GRADE_C, 1000 - i, CCAD_NO_DATE);
        snprintf(id, sizeof id, "w%02d", i);
        add(e, &c);
    }
    grade(e);
    assert_int_equal(ccad_book_platform(e->b, e->r, &p), CCAD_OK);
    assert_true(p.working[0] == 50 && p.working[3] == 25);
    assert_int_equal(p.over_cap, 0);
    assert_int_equal(p.under_min, 0);
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

/* Big rocks first: Q1, Q2, Q3, Q4 within a day; within a class the higher
 * escalation level first, then the higher grade (bigger rocks), then the
 * more overdue, then the higher value. */
static void big_rocks_first(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    ccad_customer q4 = cust("q4", CCAD_GRADE_C, 10, d0 - 28);
    ccad_customer q3 = cust("q3", CCAD_GRADE_C, 20, d0 - 3);
    ccad_customer q2 = cust("q2", CCAD_GRADE_B, 30, d0 - 7);
    ccad_customer q2o = cust("q2o", CCAD_GRADE_B, 5, d0 - 12);
    ccad_customer q2a = cust("q2a", CCAD_GRADE_A, 1, d0 - 3);
    ccad_customer q2b = cust("q2b", CCAD_GRADE_B, 2, d0 - 10); /* due Friday: 3 days overdue */
    ccad_customer q1 = cust("q1", CCAD_GRADE_B, 40, d0 - 1);
    uint32_t i4, i3, i2, i2o, i2a, i2b, i1;
    ccad_schedule *s;
    q3.request_date = d0;
    q1.purchase_date = d0 + 3;
    i4 = add(e, &q4);
    i3 = add(e, &q3);
    i2 = add(e, &q2);
    i2o = add(e, &q2o);
    i2a = add(e, &q2a);
    i2b = add(e, &q2b);
    set(e, "escalate.rep_days", 4); /* 3 days overdue: no escalation yet */
    i1 = add(e, &q1);
    grade(e);
    s = plan(e, d0, 1, 10);
    assert_int_equal(ccad_schedule_item_count(s), 7);
    {
        /* Q2: q2o escalated (5 days overdue: the manager), then the A
         * customer due today before the B one 3 days overdue, then the B
         * one due today */
        const uint32_t want[7] = {i1, i2o, i2a, i2b, i2, i3, i4};
        const int quad[7] = {CCAD_Q1, CCAD_Q2, CCAD_Q2, CCAD_Q2, CCAD_Q2, CCAD_Q3, CCAD_Q4};
        size_t k;
        for (k = 0; k < 7; k++) {
            ccad_item it = item(s, k);
            assert_int_equal(it.customer, want[k]);
            assert_int_equal(it.quadrant, quad[k]);
            assert_int_equal(it.priority, (int32_t)k + 1);
            assert_int_equal(it.date, d0);
            assert_int_equal(it.delegated, CCAD_BY_REP);
            assert_int_equal(it.kind, k == 6 ? CCAD_ITEM_CALL : CCAD_ITEM_VISIT);
            assert_true(it.reason_count >= 2);
            assert_int_equal(it.reasons[0].why, CCAD_WHY_PLAN_DUE);
            assert_int_equal(it.reasons[0].rule, CCAD_RULE_QUADRANT);
            assert_true(it.reasons[0].b == (int64_t)quad[k]); /* planning class */
            assert_true(it.reasons[0].c == (k == 1 ? 5 : k == 3 ? 3 : 0)); /* days overdue */
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
    /* Thursday's contact was due on the holiday: planned-away, not late */
    assert_true(item_on(s, ia, d0 + 3).reasons[0].c == 0);
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

/* Pull-ahead never raises a frequency without need: with room on every day
 * and no coming day over its capacity nothing is planned early, and the
 * schedule is the one planned with capacity.pull_ahead_days = 0, item for
 * item: the A customer (every 3 days) on its due days D0+2, 7, 10, 14, 17,
 * 21, 24, the B customer (weekly) on D0+4, 11, 18, 25, no more than the
 * workload table asks for. */
static void pull_ahead_keeps_frequency(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    uint32_t ia, ib;
    ccad_schedule *s, *s0;
    ccad_item it[32];
    ccad_workload w = CCAD_WORKLOAD_INIT;
    size_t n, k;
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
    {
        const int32_t due[7] = {2, 7, 10, 14, 17, 21, 24};
        n = items_of(s, ia, 0, it, 32);
        assert_int_equal(n, 7);
        for (k = 0; k < n; k++) {
            assert_int_equal(it[k].date, d0 + due[k]);
            reason_is(&it[k].reasons[0], CCAD_RULE_QUADRANT, CCAD_WHY_PLAN_DUE, d0 + due[k], 2, 0);
        }
    }
    {
        const int32_t due[4] = {4, 11, 18, 25};
        n = items_of(s, ib, 0, it, 32);
        assert_int_equal(n, 4);
        for (k = 0; k < n; k++) {
            assert_int_equal(it[k].date, d0 + due[k]);
            reason_is(&it[k].reasons[0], CCAD_RULE_QUADRANT, CCAD_WHY_PLAN_DUE, d0 + due[k], 2, 0);
        }
    }
    assert_true((int64_t)items_of(s, ia, 0, NULL, 0) <= w.rows[0].visits);
    assert_true((int64_t)items_of(s, ib, 0, NULL, 0) <= w.rows[1].visits);
    set(e, "capacity.pull_ahead_days", 0);
    s0 = plan(e, d0, 28, 8);
    schedules_equal(s, s0);
    ccad_schedule_free(s0);
    ccad_schedule_free(s);
}

/* The early contacts of one day: customer and due date, in planning order. */
static size_t early_on(const ccad_schedule *s, int32_t d, uint32_t *who, int32_t *due, size_t cap)
{
    size_t i, n = 0;
    for (i = 0; i < ccad_schedule_item_count(s); i++) {
        ccad_item it = item(s, i);
        if (it.date != d || it.kind == CCAD_ITEM_TOUCH || it.reason_count == 0 ||
            it.reasons[0].why != CCAD_WHY_PLAN_EARLY)
            continue;
        assert_int_equal(it.reasons[0].rule, CCAD_RULE_CAPACITY);
        assert_int_equal(it.reasons[0].b, it.reasons[0].a - d);
        assert_int_equal(it.delegated, CCAD_BY_REP);
        assert_true(n < cap);
        who[n] = it.customer;
        due[n] = (int32_t)it.reasons[0].a;
        n++;
    }
    return n;
}

/* Pull-ahead levelling: a day with spare room takes important contacts
 * forward only from coming days (within capacity.pull_ahead_days) that are
 * over their capacity, at most each such day's excess, earliest due first
 * (then as the day's own order: grade, value). */
static void pull_ahead_levelling(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    uint32_t i3, i2, i1, who[8];
    int32_t due[8];
    ccad_schedule *s;
    ccad_item it;
    /* three A customers due D0+2 (Wed), room for 2 a day: Wednesday is over
     * by one, so Monday takes exactly one, the most valuable */
    i3 = add_simple(e, "a300", CCAD_GRADE_A, 300, d0 - 1);
    i2 = add_simple(e, "a200", CCAD_GRADE_A, 200, d0 - 1);
    i1 = add_simple(e, "a100", CCAD_GRADE_A, 100, d0 - 1);
    grade(e);
    s = plan(e, d0, 3, 2);
    assert_int_equal(early_on(s, d0, who, due, 8), 1);
    assert_int_equal(who[0], i3);
    assert_int_equal(due[0], d0 + 2);
    it = item_on(s, i3, d0);
    assert_int_equal(it.kind, CCAD_ITEM_VISIT);
    assert_int_equal(it.quadrant, CCAD_Q2);
    assert_int_equal(it.priority, 1);
    reason_is(&it.reasons[0], CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_EARLY, d0 + 2, 2, 0);
    /* Tuesday: Wednesday is no longer over, nothing early */
    assert_int_equal(early_on(s, d0 + 1, who, due, 8), 0);
    assert_false(has_item_on(s, i3, d0 + 1));
    /* Wednesday: the other two, on their due day; the early contact's
     * clock restarted on Monday (due Thursday), so not again */
    reason_is(&item_on(s, i2, d0 + 2).reasons[0], CCAD_RULE_QUADRANT, CCAD_WHY_PLAN_DUE, d0 + 2,
              2, 0);
    reason_is(&item_on(s, i1, d0 + 2).reasons[0], CCAD_RULE_QUADRANT, CCAD_WHY_PLAN_DUE, d0 + 2,
              2, 0);
    assert_false(has_item_on(s, i3, d0 + 2));
    assert_int_equal(ccad_schedule_item_count(s), 3);
    assert_int_equal(count_day_overcap(s), 0);
    ccad_schedule_free(s);
    /* room for 3: no coming day over, nothing early */
    s = plan(e, d0, 3, 3);
    assert_int_equal(early_on(s, d0, who, due, 8) + early_on(s, d0 + 1, who, due, 8), 0);
    assert_int_equal(ccad_schedule_item_count(s), 3);
    ccad_schedule_free(s);
    /* the coming day beyond the range: not known, nothing early */
    s = plan(e, d0, 2, 2);
    assert_int_equal(ccad_schedule_item_count(s), 0);
    ccad_schedule_free(s);
    /* capacity.pull_ahead_days 1: Wednesday is two days ahead of Monday,
     * one ahead of Tuesday: Tuesday takes the excess */
    set(e, "capacity.pull_ahead_days", 1);
    s = plan(e, d0, 3, 2);
    assert_int_equal(early_on(s, d0, who, due, 8), 0);
    assert_int_equal(early_on(s, d0 + 1, who, due, 8), 1);
    assert_int_equal(who[0], i3);
    reason_is(&item_on(s, i3, d0 + 1).reasons[0], CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_EARLY, d0 + 2,
              1, 0);
    ccad_schedule_free(s);
    /* 0: never early; Wednesday's third contact waits for Thursday */
    set(e, "capacity.pull_ahead_days", 0);
    s = plan(e, d0, 4, 2);
    assert_int_equal(early_on(s, d0, who, due, 8) + early_on(s, d0 + 1, who, due, 8), 0);
    assert_true(has_item_on(s, i3, d0 + 2));
    assert_true(has_item_on(s, i2, d0 + 2));
    assert_int_equal(item_on(s, i1, d0 + 3).reasons[0].why, CCAD_WHY_PLAN_ROLLED);
    assert_int_equal(count_day_overcap(s), 1);
    ccad_schedule_free(s);
    set(e, "capacity.pull_ahead_days", 2);
    /* earliest due first: two customers due Tuesday (worth less) besides
     * the three due Wednesday, room for 1 a day: Tuesday is over by 1 and
     * Wednesday by 2; Monday's one slot goes to Tuesday's excess */
    {
        uint32_t j2 = add_simple(e, "t20", CCAD_GRADE_A, 20, d0 - 2); /* due D0+1 */
        uint32_t j1 = add_simple(e, "t10", CCAD_GRADE_A, 10, d0 - 2);
        grade(e);
        s = plan(e, d0, 3, 1);
        assert_int_equal(early_on(s, d0, who, due, 8), 1);
        assert_int_equal(who[0], j2); /* due Tuesday, though worth less */
        assert_int_equal(due[0], d0 + 1);
        /* Tuesday is full with its own contact: nothing early */
        assert_int_equal(early_on(s, d0 + 1, who, due, 8), 0);
        assert_true(has_item_on(s, j1, d0 + 1));
        ccad_schedule_free(s);
        /* room for 3: Tuesday (2 due) is not over, Wednesday (3) is not
         * either: nothing early */
        s = plan(e, d0, 3, 3);
        assert_int_equal(early_on(s, d0, who, due, 8), 0);
        ccad_schedule_free(s);
    }
}

/* Pull-ahead from a coming day without room: a non-working day (a holiday)
 * or an absence counts as over by all the contacts falling due on it, so
 * the rep meets them before; not Q3/Q4 contacts, not on an absent day, not
 * without room; the minute limit counts too. */
static void pull_ahead_days_without_room(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    uint32_t ia, ic, who[8];
    int32_t due[8];
    ccad_schedule *s;
    ia = add_simple(e, "a", CCAD_GRADE_A, 200, d0 - 1); /* due D0+2 */
    ic = add_simple(e, "c", CCAD_GRADE_C, 1, d0 - 26);  /* Q4, due D0+2 */
    grade(e);
    /* Wednesday a holiday: the A contact due that day is met on Monday
     * (the first day it is within 2 days), with an honest clock: due again
     * on Thursday, a full interval after Monday */
    e->holiday[e->n_holiday++] = d0 + 2;
    s = plan(e, d0, 5, 8);
    assert_int_equal(early_on(s, d0, who, due, 8), 1);
    assert_int_equal(who[0], ia);
    reason_is(&item_on(s, ia, d0).reasons[0], CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_EARLY, d0 + 2, 2,
              0);
    assert_false(has_item_on(s, ia, d0 + 1));
    reason_is(&item_on(s, ia, d0 + 3).reasons[0], CCAD_RULE_QUADRANT, CCAD_WHY_PLAN_DUE, d0 + 3,
              2, 0);
    assert_false(has_item_on(s, ia, d0 + 4));
    /* the Q4 customer due on the holiday is not pulled: it waits for
     * Thursday, rolled over */
    assert_false(has_item_on(s, ic, d0));
    assert_false(has_item_on(s, ic, d0 + 1));
    assert_int_equal(item_on(s, ic, d0 + 3).kind, CCAD_ITEM_CALL);
    ccad_schedule_free(s);
    /* days without spare room pull nothing: a Q1 customer due every day
     * fills Monday and Tuesday (room for 1) */
    {
        ccad_customer q1 = cust("q1", CCAD_GRADE_B, 300, d0 - 1);
        q1.purchase_date = d0 + 3; /* Q1, due every day */
        add(e, &q1);
        grade(e);
    }
    s = plan(e, d0, 5, 1);
    assert_int_equal(early_on(s, d0, who, due, 8), 0);
    assert_int_equal(early_on(s, d0 + 1, who, due, 8), 0); /* Tuesday full too */
    assert_false(has_item_on(s, ia, d0));
    assert_false(has_item_on(s, ia, d0 + 1));
    ccad_schedule_free(s);
    e->n_holiday = 0;
    /* Tuesday absent: the A customer due Wednesday is not early from an
     * absent day; Wednesday is not over: on its day */
    e->absent[e->n_absent++] = d0 + 1;
    s = plan(e, d0, 3, 8);
    assert_int_equal(early_on(s, d0, who, due, 8), 0);
    assert_int_equal(early_on(s, d0 + 1, who, due, 8), 0);
    assert_int_equal(item_on(s, ia, d0 + 2).reasons[0].why, CCAD_WHY_PLAN_DUE);
    ccad_schedule_free(s);
    e->n_absent = 0;
    /* Wednesday absent: counted as over, the A contact is met on Monday by
     * the rep rather than by the substitute */
    e->absent[e->n_absent++] = d0 + 2;
    s = plan(e, d0, 3, 8);
    assert_int_equal(early_on(s, d0, who, due, 8), 1);
    assert_int_equal(who[0], ia);
    assert_false(has_item_on(s, ia, d0 + 2));
    ccad_schedule_free(s);
    e->n_absent = 0;
}

/* The minute limit: a coming day over its minutes is over by the minutes
 * beyond it in B visits (route.service_b_min), rounded up. */
static void pull_ahead_minutes(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    uint32_t who[8];
    int32_t due[8];
    ccad_schedule *s;
    ccad_plan_options o = opts(d0, 3, 0);
    uint32_t i3 = add_simple(e, "a300", CCAD_GRADE_A, 300, d0 - 1); /* due D0+2, 60 min */
    add_simple(e, "a200", CCAD_GRADE_A, 200, d0 - 1);
    add_simple(e, "a100", CCAD_GRADE_A, 100, d0 - 1);
    grade(e);
    /* 180 minutes due Wednesday, 150 a day: over by ceil(30 / 45) = 1 */
    o.minutes_per_day = 150;
    s = plan_o(e, &o);
    assert_int_equal(early_on(s, d0, who, due, 8), 1);
    assert_int_equal(who[0], i3);
    assert_int_equal(early_on(s, d0 + 1, who, due, 8), 0);
    ccad_schedule_free(s);
    /* 180 a day: not over */
    o.minutes_per_day = 180;
    s = plan_o(e, &o);
    assert_int_equal(early_on(s, d0, who, due, 8), 0);
    ccad_schedule_free(s);
    /* 90 a day: over by ceil(90 / 45) = 2, and Monday has room for one
     * A visit (60 minutes) only */
    o.minutes_per_day = 90;
    s = plan_o(e, &o);
    assert_int_equal(early_on(s, d0, who, due, 8), 1);
    assert_int_equal(early_on(s, d0 + 1, who, due, 8), 1);
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

/* PERSIST: a block is the rep's own work and starts only on one of the
 * rep's days. Due on an absent Thursday, the push-needed customer is a plain
 * visit for the substitute (no block day); the clock restarts that day, and
 * the block starts on the next Thursday the rep is there: D0+10, 11, 14. */
static void persist_block_needs_rep(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    ccad_customer p = cust("push", CCAD_GRADE_B, 100, d0 - 4); /* due Thursday d0 + 3 */
    uint32_t ip;
    ccad_item it[8];
    ccad_schedule *s;
    size_t n, k;
    set(e, "capacity.pull_ahead_days", 0);
    p.status = CCAD_STATUS_ACTIVE;
    p.monthly_volume = 6000000;
    ip = add(e, &p);
    grade(e);
    e->absent[e->n_absent++] = d0 + 3;
    s = plan(e, d0, 15, 8);
    n = items_of(s, ip, 0, it, 8);
    assert_int_equal(n, 4);
    assert_int_equal(it[0].date, d0 + 3);
    assert_int_equal(it[0].kind, CCAD_ITEM_VISIT);
    assert_int_equal(it[0].block_day, 0);
    assert_int_equal(it[0].delegated, CCAD_BY_SUBSTITUTE);
    reason_is(&it[0].reasons[0], CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_ABSENT, d0 + 3, 0, 0);
    {
        const int32_t want[3] = {10, 11, 14};
        for (k = 0; k < 3; k++) {
            assert_int_equal(it[k + 1].date, d0 + want[k]);
            assert_int_equal(it[k + 1].kind, CCAD_ITEM_PERSIST);
            assert_int_equal(it[k + 1].block_day, (int32_t)k + 1);
            assert_int_equal(it[k + 1].delegated, CCAD_BY_REP);
        }
    }
    ccad_schedule_free(s);
    /* the substitute on a block's later day: the block goes on, by the
     * substitute (only its first day must be the rep's) */
    e->n_absent = 0;
    e->absent[e->n_absent++] = d0 + 4;
    s = plan(e, d0, 8, 8);
    n = items_of(s, ip, 0, it, 8);
    assert_int_equal(n, 3);
    assert_int_equal(it[0].block_day, 1);
    assert_int_equal(it[0].delegated, CCAD_BY_REP);
    assert_int_equal(it[1].date, d0 + 4);
    assert_int_equal(it[1].block_day, 2);
    assert_int_equal(it[1].delegated, CCAD_BY_SUBSTITUTE);
    assert_int_equal(it[2].date, d0 + 7);
    assert_int_equal(it[2].block_day, 3);
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
    /* the Q1 customer is visited on Wednesday: no touch that day, only
     * Saturday's */
    assert_int_equal(items_of(s, iq, 1, it, 8), 1);
    assert_int_equal(it[0].date, d0 + 5);
    /* touches use no capacity: the Q1 visit is still planned on Wednesday */
    assert_int_equal(item_on(s, iq, d0 + 2).delegated, CCAD_BY_REP);
    for (i = 0; i < ccad_schedule_item_count(s); i++) {
        ccad_item x = item(s, i);
        if (x.date == d0 + 2 && x.kind != CCAD_ITEM_TOUCH && x.delegated == CCAD_BY_REP)
            rep_owned++;
    }
    assert_int_equal(rep_owned, 1);
    /* Wednesday: the visit first (priority 1), then the touches of a and b
     * (priorities 2, 3, in book order) */
    {
        const uint32_t who[3] = {iq, ia, ib};
        const int kind[3] = {CCAD_ITEM_VISIT, CCAD_ITEM_TOUCH, CCAD_ITEM_TOUCH};
        size_t k = 0;
        for (i = 0; i < ccad_schedule_item_count(s); i++) {
            ccad_item x = item(s, i);
            if (x.date != d0 + 2)
                continue;
            assert_true(k < 3);
            assert_int_equal(x.customer, who[k]);
            assert_int_equal(x.kind, kind[k]);
            assert_int_equal(x.priority, (int32_t)k + 1);
            k++;
        }
        assert_int_equal(k, 3);
    }
    ccad_schedule_free(s);

    set(e, "keepwarm.grades", CCAD_GRADE_BIT_A);
    s = plan(e, d0, 7, 1);
    assert_int_equal(items_of(s, ia, 1, it, 8), 2);
    assert_int_equal(items_of(s, ib, 1, it, 8), 0);
    ccad_schedule_free(s);
}

/* One item per customer and day: on a special working day a customer that
 * has a contact that day (due, or pulled ahead into spare room) gets it, not
 * a touch besides; the others get their touches after the day's contacts,
 * with priorities following the contacts'. Friday D0+4 is a holiday, so the
 * B customer due that day is met on Wednesday (two days ahead). */
static void touch_and_visit_same_day(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    ccad_customer q1 = cust("q1", CCAD_GRADE_A, 400, d0 - 1);
    uint32_t iq, ie, iw;
    ccad_schedule *s;
    ccad_item it[8];
    size_t i, n, k;
    q1.purchase_date = d0 + 4;
    iq = add(e, &q1);
    ie = add_simple(e, "early", CCAD_GRADE_B, 300, d0 - 3); /* due d0 + 4, a holiday */
    iw = add_simple(e, "warm", CCAD_GRADE_B, 200, d0 - 1);  /* due d0 + 6 -> d0 + 7 */
    grade(e);
    e->special[e->n_special++] = d0 + 2;
    e->holiday[e->n_holiday++] = d0 + 4;
    s = plan(e, d0, 5, 8);
    assert_true(has_item_on(s, iq, d0 + 2));
    {
        size_t same = 0;
        n = items_of(s, iq, 1, it, 8);
        for (k = 0; k < n; k++)
            same += it[k].date == d0 + 2;
        print_message("customer with a visit on the special day: %lu touch(es) that day\n",
                      (unsigned long)same);
        assert_int_equal(same, 0);
    }
    /* the B customer due on the holiday is pulled ahead to Wednesday: no touch */
    reason_is(&item_on(s, ie, d0 + 2).reasons[0], CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_EARLY,
              d0 + 4, 2, 0);
    assert_int_equal(items_of(s, ie, 0, NULL, 0), 1);
    assert_int_equal(items_of(s, ie, 1, NULL, 0), 0);
    /* Wednesday: q1's visit, the early visit, then the one touch */
    n = 0;
    for (i = 0; i < ccad_schedule_item_count(s); i++) {
        ccad_item x = item(s, i);
        if (x.date != d0 + 2)
            continue;
        assert_true(n < 3);
        it[n++] = x;
    }
    assert_int_equal(n, 3);
    assert_int_equal(it[0].customer, iq);
    assert_int_equal(it[0].kind, CCAD_ITEM_VISIT);
    assert_int_equal(it[1].customer, ie);
    assert_int_equal(it[1].kind, CCAD_ITEM_VISIT);
    assert_int_equal(it[2].customer, iw);
    assert_int_equal(it[2].kind, CCAD_ITEM_TOUCH);
    for (k = 0; k < 3; k++)
        assert_int_equal(it[k].priority, (int32_t)k + 1);
    reason_is(&it[2].reasons[0], CCAD_RULE_KEEPWARM, CCAD_WHY_KEEPWARM_TOUCH, d0 + 2, 0, 0);
    ccad_schedule_free(s);
    /* without the holiday Friday has room: the B customer is met on its due
     * day and gets Wednesday's touch */
    e->n_holiday = 0;
    s = plan(e, d0, 5, 8);
    reason_is(&item_on(s, ie, d0 + 4).reasons[0], CCAD_RULE_QUADRANT, CCAD_WHY_PLAN_DUE, d0 + 4,
              2, 0);
    assert_int_equal(items_of(s, ie, 0, NULL, 0), 1);
    assert_int_equal(items_of(s, ie, 1, it, 8), 1);
    assert_int_equal(it[0].date, d0 + 2);
    ccad_schedule_free(s);
}

/* FREQ and pull-ahead: an early contact must not cost an important
 * customer's daily contacts in its purchase week. A customer buying on D0+8
 * is at the two-weeks level on D0 (every 2 days, due D0+1) and at the week
 * level from D0+1 (every day): a contact is due on every working day
 * D0+1..D0+8. With room nothing is early; with Tuesday over its capacity
 * (room for 2, three contacts due) Monday takes the Q1 contact first, and
 * the clock restarting on Monday it is still met every day after. */
static void q1_week_after_early_contact(void **state)
{
    env *e = *state;
    int32_t d0 = D0, d;
    ccad_customer q = cust("q", CCAD_GRADE_A, 100, d0 - 1);
    uint32_t iq, x1 = 0, x2 = 0;
    ccad_schedule *s;
    int round;
    q.purchase_date = d0 + 8;
    iq = add(e, &q);
    grade(e);
    for (round = 0; round < 2; round++) {
        s = plan(e, d0, 9, round == 0 ? 8 : 2);
        if (round == 0) {
            assert_false(has_item_on(s, iq, d0));
        } else {
            ccad_item it = item_on(s, iq, d0);
            assert_int_equal(it.quadrant, CCAD_Q1);
            reason_is(&it.reasons[0], CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_EARLY, d0 + 1, 1, 0);
            /* exactly Tuesday's excess: one */
            assert_false(has_item_on(s, x1, d0));
            assert_false(has_item_on(s, x2, d0));
        }
        for (d = d0 + 1; d <= d0 + 8; d++) {
            if (weekday(d) > 5)
                continue;
            if (!has_item_on(s, iq, d))
                print_message("Q1 (buying D0+8) has no contact on D0%+d\n", (int)(d - d0));
            assert_true(has_item_on(s, iq, d));
            assert_int_equal(item_on(s, iq, d).reasons[0].why, CCAD_WHY_PLAN_DUE);
        }
        ccad_schedule_free(s);
        if (round == 0) {
            x1 = add_simple(e, "x1", CCAD_GRADE_A, 900, d0 - 2); /* due D0+1 */
            x2 = add_simple(e, "x2", CCAD_GRADE_A, 800, d0 - 2);
            grade(e);
        }
    }
}

/* The reminder day of a contact on `date`: `lead` days before, moved back
 * to a working day the rep is present (weekdays, holidays and absences of
 * the test calendar). */
static int32_t want_reminder(const env *e, int32_t date, int lead)
{
    int32_t d = date - lead;
    int k;
    for (k = 0; k < 31 && lead > 0; k++, d--)
        if (weekday(d) <= 5 && !in_list(e->holiday, e->n_holiday, d) &&
            !in_list(e->absent, e->n_absent, d))
            return d;
    return date - lead;
}

/* FOLLOWUP: reminders of day D are exactly the items whose reminder falls
 * on D: `lead` days before the item, on the working day at or before it
 * (a weekend, a holiday or an absence moves it earlier). */
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
    e->holiday[e->n_holiday++] = d0 + 3;
    e->absent[e->n_absent++] = d0 + 8;
    for (lead = 0; lead <= 3; lead += 3) {
        set(e, "followup.reminder_lead_days", lead);
        s = plan(e, d0, 14, 2);
        assert_true(ccad_schedule_item_count(s) > 4);
        for (d = d0 - 5; d < d0 + 20; d++) {
            size_t idx[64], n = 999, k, j = 0, want = 0;
            assert_int_equal(ccad_schedule_reminders(s, d, idx, 64, &n), CCAD_OK);
            for (k = 0; k < ccad_schedule_item_count(s); k++) {
                ccad_item it = item(s, k);
                assert_int_equal(it.reminder_date, want_reminder(e, it.date, lead));
                assert_true(lead == 0 || weekday(it.reminder_date) <= 5);
                if (it.reminder_date == d) {
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
    assert_int_equal(ccad_rules_set(e->r, "gap.by_cycle", 0), CCAD_OK); /* fixed GAP limits */
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
    /* 1.1's defaults: no fixed cap, at least 50: only C-heavy */
    s = plan(e, D0, 1, 100);
    assert_int_equal(count_findings(s, CCAD_FIND_PLATFORM, -1), 1);
    f = find_of(s, CCAD_FIND_PLATFORM, -1);
    reason_is(&f.reasons[0], CCAD_RULE_PLATFORM, CCAD_WHY_PLATFORM_C_HEAVY, 31, 51, 50);
    ccad_schedule_free(s);
    /* 1.0's cap of 50 back */
    assert_int_equal(ccad_rules_set(e->r, "platform.working_cap", 50), CCAD_OK);
    s = plan(e, D0, 1, 100);
    assert_int_equal(count_findings(s, CCAD_FIND_PLATFORM, -1), 2);
    f = find_of(s, CCAD_FIND_PLATFORM, -1);
    assert_int_equal(f.date, CCAD_NO_DATE);
    reason_is(&f.reasons[0], CCAD_RULE_PLATFORM, CCAD_WHY_PLATFORM_OVER_CAP, 51, 50, 0);
    f = finding(s, ccad_schedule_finding_count(s) - 1);
    reason_is(&f.reasons[0], CCAD_RULE_PLATFORM, CCAD_WHY_PLATFORM_C_HEAVY, 31, 51, 50);
    ccad_schedule_free(s);
    /* a minimum above the platform: under it, before C-heavy */
    assert_int_equal(ccad_rules_set(e->r, "platform.working_min", 52), CCAD_ECONFLICT);
    assert_int_equal(ccad_rules_set(e->r, "platform.working_cap", 0), CCAD_OK);
    assert_int_equal(ccad_rules_set(e->r, "platform.working_min", 52), CCAD_OK);
    s = plan(e, D0, 1, 100);
    assert_int_equal(count_findings(s, CCAD_FIND_PLATFORM, -1), 2);
    f = find_of(s, CCAD_FIND_PLATFORM, -1);
    reason_is(&f.reasons[0], CCAD_RULE_PLATFORM, CCAD_WHY_PLATFORM_UNDER_MIN, 51, 52, 0);
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
    assert_int_equal(a->seq, b->seq);
    assert_int_equal(a->eta_min, b->eta_min);
    assert_int_equal(a->depart_min, b->depart_min);
    assert_int_equal(a->travel_min, b->travel_min);
    assert_int_equal(a->late, b->late);
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
    int32_t last_date = CCAD_NO_DATE, last_prio = -1, last_touch_date = CCAD_NO_DATE;
    int in_touches = 0;
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
        /* priorities 1.. within each day, without gaps */
        if (it.date != last_date) {
            last_prio = 0;
            in_touches = 0;
        }
        assert_int_equal(it.priority, last_prio + 1);
        last_date = it.date;
        last_prio = it.priority;
        if (it.kind == CCAD_ITEM_TOUCH)
            last_touch_date = it.date;
        /* at most one item per customer and day, touches included */
        assert_false(seen[(size_t)k * nb + it.customer]);
        seen[(size_t)k * nb + it.customer] = 1;
        if (it.kind == CCAD_ITEM_TOUCH) {
            assert_true(flags[k] & CCAD_DAY_SPECIAL);
            assert_int_equal(it.delegated, CCAD_BY_REP);
            touched[(size_t)k * nb + it.customer] = 1;
            in_touches = 1;
            continue;
        }
        /* touches come after the day's contacts */
        assert_false(in_touches && it.date == last_touch_date);
        /* contacts only on working days; an absent day's go to the substitute */
        assert_true(flags[k] & CCAD_DAY_WORKING);
        if (flags[k] & CCAD_DAY_ABSENT)
            assert_int_equal(it.delegated, CCAD_BY_SUBSTITUTE);
        else
            assert_int_not_equal(it.delegated, CCAD_BY_SUBSTITUTE);
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
                int contact;
                /* working days (an absent day is a working day the substitute covers) */
                int plan_day = (flags[di] & CCAD_DAY_WORKING) != 0;
                if (!plan_day || left < 0 || left > 7)
                    continue;
                assert_int_equal(ccad_book_assess(e->b, e->r, i, d0 + di, &a), CCAD_OK);
                if (a.quadrant != CCAD_Q1)
                    continue;
                contact = seen[(size_t)di * nb + i] && !touched[(size_t)di * nb + i];
                if (!contact)
                    print_message("customer %lu (Q1, buying in %d days) has no contact on D0%+d\n",
                                  (unsigned long)i, (int)left, di);
                assert_true(contact);
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
        check_days(e, s1, &o);
        schedules_equal(s1, s2); /* deterministic */
        ccad_schedule_free(s1);
        ccad_schedule_free(s2);
        /* minute limit and the stretch policy keep the same properties */
        o.minutes_per_day = 300;
        o.overload = CCAD_OVERLOAD_STRETCH;
        s1 = plan_o(e, &o);
        check_properties(e, s1, d0, 8, 0);
        check_days(e, s1, &o);
        ccad_schedule_free(s1);
        /* capacity large: the same properties */
        o = opts(d0, GEN_DAYS, 1000);
        s1 = plan_o(e, &o);
        check_properties(e, s1, d0, 1000, 0);
        ccad_schedule_free(s1);
    }
}

/* FREQ: an important customer buying within urgency.week_days (Q1, one
 * contact a day) gets a contact on every working day of that week when
 * there is room (by the substitute on an absent day), whatever spare room
 * did before: an early contact must not take the place of a Q1 day. */
static void properties_q1_daily(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    uint64_t seed;
    for (seed = 1; seed <= 6; seed++) {
        ccad_schedule *s1;
        ccad_plan_options o = opts(d0, GEN_DAYS, 1000);
        ccad_book_free(e->b);
        assert_int_equal(ccad_book_new(&e->b, e->ctx, 0), CCAD_OK);
        gen_book(e, seed, GEN_N, d0);
        gen_calendar(e, d0);
        s1 = plan_o(e, &o);
        print_message("seed %llu\n", (unsigned long long)seed);
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
}

/* An empty book plans nothing (also routed). Last in the list: under UBSan
 * (-fno-sanitize-recover) a qsort of no candidates from NULL aborts the
 * program. */
/* An empty book and a book of one (no sorting of nothing, UBSan-clean):
 * with and without routes and weekly assignment. */
static void empty_book(void **state)
{
    env *e = *state;
    ccad_plan_options o = route_opts(D0, 7, 8);
    int mode;
    for (mode = 0; mode < 3; mode++) {
        ccad_book *empty = NULL;
        ccad_schedule *s2 = NULL;
        o.route = mode > 0;
        o.assign_days = mode > 1;
        assert_int_equal(ccad_book_new(&empty, e->ctx, 0), CCAD_OK);
        assert_int_equal(ccad_book_grade(empty, e->r), CCAD_OK);
        assert_int_equal(ccad_schedule_new(&s2, empty, e->r, &o), CCAD_OK);
        assert_int_equal(ccad_schedule_item_count(s2), 0);
        assert_int_equal(ccad_schedule_finding_count(s2), 0);
        {
            ccad_day day = CCAD_DAY_INIT;
            assert_int_equal(ccad_schedule_day(s2, D0, &day), CCAD_OK);
            assert_int_equal(day.items, 0);
            assert_int_equal(day.travel_min, 0);
            assert_int_equal(day.back_min, -1);
        }
        ccad_schedule_free(s2);
        ccad_book_free(empty);
    }
    {
        ccad_customer c = cust("one", CCAD_GRADE_A, 5, D0 - 3);
        ccad_schedule *s;
        c.has_location = 1;
        c.x = 3;
        c.y = 4;
        add(e, &c);
        grade(e);
        for (mode = 0; mode < 3; mode++) {
            o.route = mode > 0;
            o.assign_days = mode > 1;
            s = plan_o(e, &o);
            if (o.route)
                (void)check_routes(e, s, &o);
            else
                check_days(e, s, &o);
            assert_int_equal(item(s, 0).date, D0);
            assert_int_equal(item(s, 0).seq, o.route ? 1 : 0);
            if (o.route) {
                ccad_day day = CCAD_DAY_INIT;
                assert_int_equal(ccad_schedule_day(s, D0, &day), CCAD_OK);
                assert_int_equal(day.stops, 1);
                assert_int_equal(day.travel_min, 10); /* 5 there, 5 back */
                assert_int_equal(day.back_min, 480 + 5 + 60 + 5);
            }
            ccad_schedule_free(s);
        }
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

/* ccad_schedule_day: every day of the range, totals as the items say; the
 * error paths leave the caller's struct alone. */
static void schedule_day_totals(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    ccad_plan_options o = opts(d0, 7, 2);
    ccad_schedule *s;
    ccad_day day = CCAD_DAY_INIT, keep;
    uint32_t ia, ib, iq3, ic;
    ia = add_simple(e, "a", CCAD_GRADE_A, 300, d0 - 3); /* due D0 */
    ib = add_simple(e, "b", CCAD_GRADE_B, 200, d0 - 7); /* due D0 */
    {
        ccad_customer c = cust("q3", CCAD_GRADE_C, 20, d0 - 3);
        c.request_date = d0; /* Q3, no room on D0: a colleague */
        iq3 = add(e, &c);
    }
    ic = add_simple(e, "c", CCAD_GRADE_C, 10, d0 - 27); /* Q4 call, due D0+1 */
    grade(e);
    e->special[e->n_special++] = d0 + 2;
    e->absent[e->n_absent++] = d0 + 3;
    s = plan_o(e, &o);
    check_days(e, s, &o);
    /* Monday: a and b by the rep (60 + 45 minutes), q3 by a colleague */
    assert_int_equal(ccad_schedule_day(s, d0, &day), CCAD_OK);
    assert_int_equal(day.date, d0);
    assert_int_equal(day.flags, (uint32_t)CCAD_DAY_WORKING);
    assert_int_equal(day.items, 3);
    assert_int_equal(day.by_rep, 2);
    assert_int_equal(day.delegated, 1);
    assert_int_equal(day.touches, 0);
    assert_int_equal(day.service_min, 60 + 45);
    assert_int_equal(day.stops, 0);
    assert_int_equal(day.travel_min, 0);
    assert_int_equal(day.back_min, -1);
    assert_int_equal(day.late, 0);
    assert_int_equal(item_on(s, iq3, d0).delegated, CCAD_BY_COLLEAGUE);
    /* Tuesday: the call (30 minutes, a C customer), and the A customer due
     * on the absent Thursday, met early by the rep (60 minutes) */
    assert_int_equal(ccad_schedule_day(s, d0 + 1, &day), CCAD_OK);
    assert_int_equal(day.items, 2);
    assert_int_equal(day.by_rep, 2);
    assert_int_equal(day.delegated, 0);
    assert_int_equal(day.service_min, 30 + 60);
    assert_int_equal(item_on(s, ic, d0 + 1).kind, CCAD_ITEM_CALL);
    reason_is(&item_on(s, ia, d0 + 1).reasons[0], CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_EARLY, d0 + 3,
              2, 0);
    /* Wednesday, special: the touches of a and b (A and B) */
    assert_int_equal(ccad_schedule_day(s, d0 + 2, &day), CCAD_OK);
    assert_int_equal(day.flags, (uint32_t)(CCAD_DAY_WORKING | CCAD_DAY_SPECIAL));
    assert_int_equal(day.touches, 2);
    assert_int_equal(day.by_rep, 0);
    assert_int_equal(day.service_min, 0);
    /* Thursday absent: nothing left for the substitute */
    assert_int_equal(ccad_schedule_day(s, d0 + 3, &day), CCAD_OK);
    assert_int_equal(day.flags, (uint32_t)(CCAD_DAY_WORKING | CCAD_DAY_ABSENT));
    assert_int_equal(day.items, 0);
    /* Friday: the A customer, a full interval after Tuesday */
    assert_int_equal(ccad_schedule_day(s, d0 + 4, &day), CCAD_OK);
    assert_int_equal(day.items, 1);
    assert_int_equal(day.service_min, 60);
    assert_true(has_item_on(s, ia, d0 + 4));
    /* Sunday: nothing */
    assert_int_equal(ccad_schedule_day(s, d0 + 6, &day), CCAD_OK);
    assert_int_equal(day.date, d0 + 6);
    assert_int_equal(day.flags, 0u);
    assert_int_equal(day.items, 0);
    assert_int_equal(day.back_min, -1);
    (void)ib;
    /* errors */
    day.date = 777;
    keep = day;
    assert_int_equal(ccad_schedule_day(NULL, d0, &day), CCAD_EINVAL);
    TU_FAIL(e->ctx, ccad_schedule_day(s, d0, NULL), CCAD_EINVAL);
    TU_FAIL(e->ctx, ccad_schedule_day(s, d0 - 1, &day), CCAD_ENOTFOUND);
    TU_FAIL(e->ctx, ccad_schedule_day(s, d0 + 7, &day), CCAD_ENOTFOUND);
    TU_FAIL(e->ctx, ccad_schedule_day(s, CCAD_NO_DATE, &day), CCAD_ENOTFOUND);
    TU_FAIL(e->ctx, ccad_schedule_day(s, INT32_MAX, &day), CCAD_ENOTFOUND);
    assert_memory_equal(&day, &keep, sizeof day);
    day.size = (uint32_t)sizeof day - 4;
    keep = day;
    TU_FAIL(e->ctx, ccad_schedule_day(s, d0, &day), CCAD_EVERSION);
    assert_memory_equal(&day, &keep, sizeof day);
    day.size = 0;
    TU_FAIL(e->ctx, ccad_schedule_day(s, d0, &day), CCAD_EVERSION);
    day.size = (uint32_t)sizeof day + 8;
    TU_FAIL(e->ctx, ccad_schedule_day(s, d0, &day), CCAD_EVERSION);
    ccad_schedule_free(s);
}

/* ccad_book_grade_of: the effective grade (by hand, else computed by the
 * last ccad_book_grade), NONE for a NULL book, a bad index or a book never
 * graded, with no message recorded. */
static void book_grade_of(void **state)
{
    env *e = *state;
    ccad_book *b2 = NULL;
    ccad_customer c = CCAD_CUSTOMER_INIT;
    size_t i, n;
    uint32_t ihand;
    char id[16];
    for (i = 0; i < 10; i++) {
        snprintf(id, sizeof id, "g%lu", (unsigned long)i);
        add_simple(e, id, CCAD_GRADE_NONE, (int64_t)(1000 - 100 * (int64_t)i), D0 - 3);
    }
    ihand = add_simple(e, "hand", CCAD_GRADE_D, 5000, D0 - 3);
    n = ccad_book_count(e->b);
    /* never graded: the hand grade only */
    assert_int_equal(ccad_book_grade_of(e->b, 0), CCAD_GRADE_NONE);
    assert_int_equal(ccad_book_grade_of(e->b, ihand), CCAD_GRADE_D);
    grade(e);
    for (i = 0; i < n; i++) {
        ccad_assessment a = CCAD_ASSESSMENT_INIT;
        assert_int_equal(ccad_book_assess(e->b, e->r, i, D0, &a), CCAD_OK);
        assert_int_equal(ccad_book_grade_of(e->b, i), a.grade);
    }
    /* the rank method (15 % A, 25 % B of 11): the top value is the hand D */
    assert_int_equal(ccad_book_grade_of(e->b, ihand), CCAD_GRADE_D);
    assert_int_equal(ccad_book_grade_of(e->b, 0), CCAD_GRADE_A);
    assert_int_equal(ccad_book_grade_of(e->b, 9), CCAD_GRADE_C);
    /* a grade set by hand wins at once */
    assert_int_equal(ccad_book_get(e->b, 9, &c), CCAD_OK);
    c.grade = CCAD_GRADE_A;
    assert_int_equal(ccad_book_update(e->b, 9, &c), CCAD_OK);
    assert_int_equal(ccad_book_grade_of(e->b, 9), CCAD_GRADE_A);
    /* bad index, NULL book: NONE, nothing recorded */
    TU_FAIL(e->ctx, ccad_book_update(e->b, n, &c), CCAD_ENOTFOUND); /* a known last error */
    {
        char msg[256];
        snprintf(msg, sizeof msg, "%s", ccad_ctx_errmsg(e->ctx));
        assert_int_equal(ccad_book_grade_of(e->b, n), CCAD_GRADE_NONE);
        assert_int_equal(ccad_book_grade_of(e->b, (size_t)-1), CCAD_GRADE_NONE);
        assert_int_equal(ccad_book_grade_of(NULL, 0), CCAD_GRADE_NONE);
        assert_int_equal(ccad_ctx_errcode(e->ctx), CCAD_ENOTFOUND);
        assert_string_equal(ccad_ctx_errmsg(e->ctx), msg);
    }
    /* an empty book */
    assert_int_equal(ccad_book_new(&b2, e->ctx, 0), CCAD_OK);
    assert_int_equal(ccad_book_grade_of(b2, 0), CCAD_GRADE_NONE);
    ccad_book_free(b2);
}

/* ccad_workload up to its last member: its 4 bytes of tail padding are
 * indeterminate after struct assignment (valgrind reports reading them). */
#define WL_BYTES (offsetof(ccad_workload, stretch_x100) + sizeof(int32_t))

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
        assert_memory_equal(&b_, &k_, WL_BYTES);                                \
    } while (0)
    WL_BAD(period_days, 0);
    WL_BAD(period_days, 367);
    WL_BAD(field_days, -1);
    WL_BAD(field_days, 31); /* more field days than the 30-day period */
    WL_BAD(visits_per_day, 0);
    WL_BAD(visits_per_day, -3);
    WL_BAD(visits_per_day, 1001);
#undef WL_BAD
    assert_memory_equal(&w, &keep, WL_BYTES);

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
/* Routes (ROUTE): each day's rep-owned visits ordered into a closed tour
 * from the base, with times; weekly day assignment. */

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

static ccad_plan_options route_opts(int32_t first, int32_t days, int32_t vpd)
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
    assert_int_equal(ccad_rules_get(e->r, name[grade_ - 1], &v), CCAD_OK);
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
static int32_t item_service(env *e, uint32_t customer)
{
    int g = ccad_book_grade_of(e->b, customer);
    return service_min(e, g == CCAD_GRADE_NONE ? CCAD_GRADE_C : g);
}

/* Where a customer is for routing: its location, or the base without one. */
static void cust_at(env *e, const ccad_plan_options *o, uint32_t ci, double *x, double *y)
{
    ccad_customer c = CCAD_CUSTOMER_INIT;
    assert_int_equal(ccad_book_get(e->b, ci, &c), CCAD_OK);
    *x = c.has_location ? c.x : o->base_x;
    *y = c.has_location ? c.y : o->base_y;
}

/* Travel of one leg in minutes, as the schedule must report it. */
static int32_t leg_minutes(env *e, const ccad_plan_options *o, double x1, double y1, double x2,
                           double y2)
{
    if (o->metric == CCAD_METRIC_HOST) {
        int32_t m = 0;
        assert_int_equal(travel(e, x1, y1, x2, y2, &m), 0);
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
    int32_t d = item(s, i).date;
    for (; i < total; i++) {
        ccad_item it = item(s, i);
        if (it.date != d)
            break;
        if (!item_routed(&it))
            continue;
        assert_true(n < cap);
        /* insertion by priority */
        for (k = n; k > 0 && item(s, out[k - 1]).priority > it.priority; k--)
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
static void check_days(env *e, const ccad_schedule *s, const ccad_plan_options *o)
{
    int32_t d;
    size_t i, n = ccad_schedule_item_count(s);
    for (d = o->first_day; d < o->first_day + o->days; d++) {
        ccad_day day = CCAD_DAY_INIT;
        uint32_t fl = 0;
        int32_t items = 0, by_rep = 0, delegated = 0, touches = 0, stops = 0, svc = 0;
        int32_t travel_sum = 0, late = 0, last_depart = -1;
        uint32_t last_cust = 0;
        assert_int_equal(ccad_schedule_day(s, d, &day), CCAD_OK);
        assert_int_equal(day.size, (uint32_t)sizeof day);
        assert_int_equal(day.date, d);
        assert_int_equal(ccad_ctx_day_flags(e->ctx, &fl, d), CCAD_OK);
        assert_int_equal(day.flags, fl);
        for (i = 0; i < n; i++) {
            ccad_item it = item(s, i);
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
            ccad_finding f = finding(s, i);
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
static int64_t schedule_travel(env *e, const ccad_schedule *s, const ccad_plan_options *o)
{
    size_t pos = 0, idx[ROUTE_CAP], by_seq[ROUTE_CAP + 1];
    int64_t total = 0;
    while (pos < ccad_schedule_item_count(s)) {
        int32_t d;
        size_t n = day_routed(s, &pos, &d, idx, ROUTE_CAP), k;
        double px = o->base_x, py = o->base_y, x, y;
        for (k = 0; k < n; k++) {
            ccad_item it = item(s, idx[k]);
            assert_true(it.seq >= 1 && (size_t)it.seq <= n);
            by_seq[it.seq] = idx[k];
        }
        for (k = 1; k <= n; k++) {
            cust_at(e, o, item(s, by_seq[k]).customer, &x, &y);
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
        ccad_item it = item(s, by_seq[k]);
        ccad_customer c = CCAD_CUSTOMER_INIT;
        assert_int_equal(ccad_book_get(e->b, it.customer, &c), CCAD_OK);
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
    assert_int_equal(ccad_route_solve_tw(e->ctx, px, py, n + 1, &ro, &rt, order, starts, &cost),
                     CCAD_OK);
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
static size_t check_routes(env *e, const ccad_schedule *s, const ccad_plan_options *o)
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
            ccad_item it = item(s, i);
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
        ccad_item it = item(s, i);
        if (!item_routed(&it)) {
            assert_int_equal(it.seq, 0);
            assert_int_equal(it.eta_min, -1);
            assert_int_equal(it.depart_min, -1);
            assert_int_equal(it.travel_min, 0);
            assert_int_equal(it.late, 0);
        }
    }
    for (i = 0; i < nf; i++) {
        ccad_finding f = finding(s, i);
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
            ccad_item it = item(s, idx[k]);
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
            ccad_item it = item(s, by_seq[k]);
            ccad_customer c = CCAD_CUSTOMER_INIT;
            ccad_assessment a = CCAD_ASSESSMENT_INIT;
            double x, y;
            int32_t leg, limit;
            assert_int_equal(ccad_book_get(e->b, it.customer, &c), CCAD_OK);
            assert_int_equal(ccad_book_assess(e->b, e->r, it.customer, d, &a), CCAD_OK);
            cust_at(e, o, it.customer, &x, &y);
            leg = leg_minutes(e, o, px, py, x, y);
            mine += o->metric == CCAD_METRIC_HOST ? leg : line_cost(o->metric, o->scale, px, py, x, y);
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
                    ccad_finding f = finding(s, m);
                    if (f.customer != (int64_t)it.customer || f.date != d)
                        continue;
                    seen++;
                    assert_int_equal(f.reason_count, o->keep_reasons ? 1 : 0);
                    if (o->keep_reasons)
                        reason_is(&f.reasons[0], CCAD_RULE_ROUTE, CCAD_WHY_ROUTE_LATE, it.eta_min,
                                  limit, it.depart_min - limit);
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
        assert_int_equal(ccad_schedule_day(s, d, &day), CCAD_OK);
        assert_int_equal(day.travel_min, minutes_sum);
        assert_true(day.back_min <= end); /* the day's end is respected */
        assert_int_equal(day.back_min, t + leg_minutes(e, o, px, py, o->base_x, o->base_y));
        if (solver_minutes >= 0)
            assert_int_equal(minutes_sum, solver_minutes);
    }
    assert_int_equal(nf - first_route, late);
    return late;
}

/* A small planar day: stops around the base, a delegated Q3, touches, a
 * call (not a stop), a customer without location (a stop at the base) and
 * one whose window opens at 10:00. */
static void route_planar_day(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    const double px[6] = {10, -20, 30, 5, -8, 25}, py[6] = {0, 15, -10, 40, -30, 25};
    char id[16];
    int i;
    uint32_t ilate, inoloc, iq3, ihome = 0;
    ccad_plan_options o = route_opts(d0, 5, 7);
    ccad_schedule *s;
    size_t k, routed_n = 0;
    set(e, "capacity.pull_ahead_days", 0);
    for (i = 0; i < 6; i++) {
        ccad_customer c = cust(id, i < 2 ? CCAD_GRADE_A : CCAD_GRADE_B, 100 - i, d0 - 7);
        snprintf(id, sizeof id, "p%d", i);
        c.has_location = i != 5; /* p5: no location, a stop at the base */
        c.x = px[i];
        c.y = py[i];
        if (i < 2)
            c.purchase_date = d0 + 3; /* Q1 daily */
        if (i == 5)
            ihome = add(e, &c);
        else
            add(e, &c);
    }
    {
        ccad_customer c = cust("window", CCAD_GRADE_B, 50, d0 - 7);
        c.has_location = 1;
        c.x = 1;
        c.y = 1;
        c.visit_open_min = 600;
        ilate = add(e, &c);
    }
    inoloc = add_simple(e, "noloc", CCAD_GRADE_C, 10, d0 - 28); /* Q4: a call */
    {
        ccad_customer c = cust("q3", CCAD_GRADE_C, 5, d0 - 3);
        c.request_date = d0; /* Q3: no room on d0 -> colleague */
        c.has_location = 1;
        c.x = 3;
        c.y = 3;
        iq3 = add(e, &c);
    }
    grade(e);
    e->special[e->n_special++] = d0 + 1;
    s = plan_o(e, &o);
    (void)check_routes(e, s, &o);
    /* the window: served from 10:00 on, never before */
    {
        ccad_item it[8];
        size_t n = items_of(s, ilate, 0, it, 8);
        assert_true(n >= 1);
        for (k = 0; k < n && k < 8; k++) {
            assert_true(it[k].seq >= 1);
            assert_true(it[k].eta_min >= 600);
        }
    }
    assert_int_equal(item_on(s, iq3, d0).delegated, CCAD_BY_COLLEAGUE);
    assert_int_equal(item_on(s, iq3, d0).seq, 0);
    assert_int_equal(item_on(s, iq3, d0).eta_min, -1);
    for (k = 0; k < ccad_schedule_item_count(s); k++) {
        ccad_item it = item(s, k);
        if (it.kind == CCAD_ITEM_TOUCH) {
            assert_int_equal(it.seq, 0);
            assert_int_equal(it.eta_min, -1);
        }
        routed_n += it.seq > 0;
    }
    assert_true(routed_n > 6);
    /* the Q4 customer gets calls: made from anywhere, not stops */
    {
        ccad_item it[8];
        size_t n = items_of(s, inoloc, 0, it, 8);
        assert_true(n >= 1);
        for (k = 0; k < n; k++) {
            assert_int_equal(it[k].kind, CCAD_ITEM_CALL);
            assert_int_equal(it[k].delegated, CCAD_BY_REP);
            assert_int_equal(it[k].seq, 0);
            assert_int_equal(it[k].eta_min, -1);
            assert_int_equal(it[k].depart_min, -1);
            assert_int_equal(it[k].travel_min, 0);
        }
    }
    /* the customer without location is a stop at the base: 0 travel from
     * the base or to it from a stop at the base */
    {
        ccad_item it;
        assert_true(items_of(s, ihome, 0, &it, 1) >= 1);
        assert_int_equal(it.kind, CCAD_ITEM_VISIT);
        assert_true(it.seq >= 1);
        if (it.seq == 1)
            assert_int_equal(it.travel_min, 0);
    }
    /* without route: no times at all */
    {
        ccad_plan_options o0 = o;
        ccad_schedule *s0;
        o0.route = 0;
        s0 = plan_o(e, &o0);
        assert_true(ccad_schedule_item_count(s0) > 0);
        check_days(e, s0, &o0);
        for (k = 0; k < ccad_schedule_item_count(s0); k++) {
            ccad_item a = item(s0, k);
            size_t j, same = 0;
            assert_int_equal(a.seq, 0);
            assert_int_equal(a.eta_min, -1);
            assert_int_equal(a.depart_min, -1);
            assert_int_equal(a.travel_min, 0);
            assert_int_equal(a.late, 0);
            /* without times the day's limits are the count and minutes only */
            (void)j;
            (void)same;
        }
        assert_int_equal(count_findings(s0, CCAD_FIND_ROUTE, -2), 0);
        ccad_schedule_free(s0);
    }
    ccad_schedule_free(s);
}

/* The day's end and the visit hours are respected, not reported: eight A
 * customers (60 minutes each) over a 3-hour day take the days they fit in,
 * and a customer whose window closes at 09:30, 71 minutes from the base,
 * can never be served: it is left out with PLAN_BLOCKED_TIME. A window
 * shorter than the visit gives PLAN_BLOCKED_HOURS. */
static void route_day_end_respected(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    char id[16];
    int i;
    uint32_t iwin = 0, ishort;
    ccad_plan_options o = route_opts(d0, 5, 8);
    ccad_schedule *s;
    ccad_finding f;
    int32_t d;
    set(e, "capacity.pull_ahead_days", 0);
    for (i = 0; i < 8; i++) {
        ccad_customer c = cust(id, CCAD_GRADE_A, 100 - i, d0 - 3);
        snprintf(id, sizeof id, "l%d", i);
        c.has_location = 1;
        c.x = 10.0 * (i % 3);
        c.y = 10.0 * (i / 3);
        if (i == 7) {
            c.visit_close_min = 570;
            c.x = 50;
            c.y = 50;
        }
        iwin = add(e, &c);
    }
    {
        ccad_customer c = cust("short", CCAD_GRADE_A, 10, d0 - 3);
        c.has_location = 1;
        c.visit_open_min = 600;
        c.visit_close_min = 630; /* 30 minutes for a 60-minute visit */
        ishort = add(e, &c);
    }
    grade(e);
    o.day_minutes = 180; /* 08:00-11:00 */
    s = plan_o(e, &o);
    assert_int_equal(check_routes(e, s, &o), 0);
    assert_int_equal(count_findings(s, CCAD_FIND_ROUTE, -2), 0);
    for (d = d0; d < d0 + 5; d++) {
        ccad_day day = CCAD_DAY_INIT;
        assert_int_equal(ccad_schedule_day(s, d, &day), CCAD_OK);
        assert_true(day.back_min <= 660);
        assert_true(day.stops >= 1 && day.stops <= 3); /* three hours hold at most 3 */
    }
    assert_int_equal(items_of(s, iwin, 0, NULL, 0), 0);
    f = find_of(s, CCAD_FIND_UNPLANNED, iwin);
    assert_int_equal(f.reason_count, 2);
    reason_is(&f.reasons[1], CCAD_RULE_ROUTE, CCAD_WHY_PLAN_BLOCKED_TIME, d0, 71 + 60 + 71, 180);
    assert_int_equal(items_of(s, ishort, 0, NULL, 0), 0);
    f = find_of(s, CCAD_FIND_UNPLANNED, ishort);
    reason_is(&f.reasons[1], CCAD_RULE_ROUTE, CCAD_WHY_PLAN_BLOCKED_HOURS, 600, 630, 60);
    ccad_schedule_free(s);
    /* a day long enough: every other stop on the first day, none late; the
     * far customer still cannot be reached before its window closes */
    o.day_minutes = 1440 - o.day_start_min;
    s = plan_o(e, &o);
    assert_int_equal(check_routes(e, s, &o), 0);
    for (i = 0; i < 7; i++)
        assert_int_equal(item_on(s, (uint32_t)i, d0).late, 0);
    assert_int_equal(items_of(s, iwin, 0, NULL, 0), 0);
    f = find_of(s, CCAD_FIND_UNPLANNED, iwin);
    reason_is(&f.reasons[1], CCAD_RULE_ROUTE, CCAD_WHY_PLAN_BLOCKED_TIME, d0, 202,
              1440 - o.day_start_min);
    ccad_schedule_free(s);
}

/* GEO metric: longitude/latitude, metres, units_per_minute metres a minute. */
static void route_geo(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    char id[16];
    int i;
    ccad_plan_options o = route_opts(d0, 5, 8);
    ccad_schedule *s;
    uint64_t r = 99;
    for (i = 0; i < 30; i++) {
        ccad_customer c = cust(id, i < 5 ? CCAD_GRADE_A : i < 12 ? CCAD_GRADE_B : CCAD_GRADE_C,
                               300 - i, D0 - 1 - (int32_t)rng_range(&r, 0, 27));
        snprintf(id, sizeof id, "geo%02d", i);
        c.has_location = 1;
        c.x = 121.4 + (double)rng_range(&r, -1000, 1000) / 10000.0;
        c.y = 31.2 + (double)rng_range(&r, -1000, 1000) / 10000.0;
        add(e, &c);
    }
    grade(e);
    o.metric = CCAD_METRIC_GEO;
    o.base_x = 121.4;
    o.base_y = 31.2;
    o.units_per_minute = 500.0; /* 30 km/h */
    s = plan_o(e, &o);
    (void)check_routes(e, s, &o);
    print_message("GEO week: %lld m\n", (long long)schedule_travel(e, s, &o));
    assert_true(schedule_travel(e, s, &o) > 0);
    ccad_schedule_free(s);
    /* PLANAR with a scale: the same points read as planar, costs x 1000 */
    o.metric = CCAD_METRIC_PLANAR;
    o.scale = 1000.0;
    o.units_per_minute = 2.0;
    s = plan_o(e, &o);
    (void)check_routes(e, s, &o);
    ccad_schedule_free(s);
}

/* HOST metric: the travel callback gives minutes; a failing callback (or a
 * negative time) fails the schedule with CCAD_ECALLBACK and leaks nothing;
 * no callback: CCAD_ENOTSUP. */
static void route_host(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    char id[16];
    int i;
    ccad_plan_options o = route_opts(d0, 3, 5);
    ccad_schedule *s;
    long calls, k, live;
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
    e->travel_calls = 0;
    s = plan_o(e, &o);
    calls = e->travel_calls;
    assert_true(calls > 0);
    (void)check_routes(e, s, &o);
    ccad_schedule_free(s);
    live = e->al.live;
    for (k = 1; k <= calls; k++) {
        for (e->travel_negative = 0; e->travel_negative <= 1; e->travel_negative++) {
            ccad_schedule *sf = (ccad_schedule *)(void *)e;
            e->travel_calls = 0;
            e->travel_fail_at = k;
            TU_FAIL(e->ctx, ccad_schedule_new(&sf, e->b, e->r, &o), CCAD_ECALLBACK);
            assert_null(sf);
            assert_non_null(strstr(ccad_ctx_errmsg(e->ctx), "travel"));
            assert_int_equal(e->al.live, live);
            assert_int_equal(e->travel_calls, k); /* stops at the failing call */
        }
    }
    e->travel_fail_at = 0;
    e->travel_negative = 0;
    /* no travel callback: not supported (only for HOST) */
    {
        ccad_ctx *ctx2 = NULL;
        ccad_book *b2 = NULL;
        ccad_schedule *s2 = (ccad_schedule *)(void *)e;
        assert_int_equal(ccad_ctx_new(&ctx2, NULL), CCAD_OK); /* every default */
        assert_int_equal(ccad_book_new(&b2, ctx2, 0), CCAD_OK);
        {
            ccad_customer c = cust("one", CCAD_GRADE_A, 5, d0 - 3);
            assert_int_equal(ccad_book_add(b2, &c, NULL), CCAD_OK);
        }
        assert_int_equal(ccad_book_grade(b2, e->r), CCAD_OK);
        TU_FAIL(ctx2, ccad_schedule_new(&s2, b2, e->r, &o), CCAD_ENOTSUP);
        assert_null(s2);
        o.metric = CCAD_METRIC_PLANAR;
        assert_int_equal(ccad_schedule_new(&s2, b2, e->r, &o), CCAD_OK);
        ccad_schedule_free(s2);
        ccad_book_free(b2);
        ccad_ctx_free(ctx2);
    }
}

/* Bad route options: ERANGE for figures, EINVAL for flags and the metric;
 * ignored when route = 0. */
static void route_options_errors(void **state)
{
    env *e = *state;
    ccad_plan_options o = route_opts(D0, 7, 8), bad;
    ccad_schedule *s;
    add_simple(e, "x", CCAD_GRADE_A, 10, D0 - 5);
    grade(e);
#define RT_BAD(field, val, code)  \
    do {                          \
        bad = o;                  \
        bad.field = (val);        \
        SCHED_FAIL(e, &bad, code); \
    } while (0)
    RT_BAD(route, 2, CCAD_EINVAL);
    RT_BAD(route, -1, CCAD_EINVAL);
    RT_BAD(assign_days, 2, CCAD_EINVAL);
    RT_BAD(assign_days, -1, CCAD_EINVAL);
    RT_BAD(metric, 0, CCAD_EINVAL);
    RT_BAD(metric, 4, CCAD_EINVAL);
    RT_BAD(base_x, NAN, CCAD_ERANGE);
    RT_BAD(base_y, INFINITY, CCAD_ERANGE);
    RT_BAD(scale, 0.0, CCAD_ERANGE);
    RT_BAD(scale, -1.0, CCAD_ERANGE);
    RT_BAD(scale, NAN, CCAD_ERANGE);
    RT_BAD(units_per_minute, 0.0, CCAD_ERANGE);
    RT_BAD(units_per_minute, -2.0, CCAD_ERANGE);
    RT_BAD(units_per_minute, INFINITY, CCAD_ERANGE);
    RT_BAD(day_start_min, -1, CCAD_ERANGE);
    RT_BAD(day_start_min, 1441, CCAD_ERANGE);
    RT_BAD(day_minutes, 0, CCAD_ERANGE);
    RT_BAD(day_minutes, 1441, CCAD_ERANGE);
    RT_BAD(effort, -1, CCAD_ERANGE);
    RT_BAD(effort, 10001, CCAD_ERANGE);
#undef RT_BAD
    /* the limits are accepted */
    bad = o;
    bad.day_start_min = 1440;
    bad.day_minutes = 1440;
    bad.effort = 10000;
    s = plan_o(e, &bad);
    ccad_schedule_free(s);
    bad = o;
    bad.day_start_min = 0;
    bad.day_minutes = 1;
    bad.effort = 0;
    bad.assign_days = 1;
    s = plan_o(e, &bad);
    ccad_schedule_free(s);
    /* route = 0: the route fields are not looked at */
    bad = o;
    bad.route = 0;
    bad.metric = 99;
    bad.scale = -1.0;
    bad.units_per_minute = NAN;
    bad.day_minutes = 0;
    s = plan_o(e, &bad);
    ccad_schedule_free(s);
}

/* A clustered planar territory: n customers in `clusters` groups of radius
 * 8 around points 40..60 from the base; grades by value 15/25/60 %; last
 * contacts spread over four weeks; some with visit weekdays, some without
 * location. */
static void gen_territory(env *e, uint64_t seed, int n, int clusters, int32_t d0)
{
    static const double cx[3] = {-45, 40, 5}, cy[3] = {5, 20, 55};
    uint64_t r = seed * UINT64_C(0x9E3779B97F4A7C15) + 7;
    char id[24];
    int i;
    for (i = 0; i < n; i++) {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        int64_t k = rng_range(&r, 0, 99);
        int cl = (int)rng_range(&r, 0, clusters - 1);
        snprintf(id, sizeof id, "t%llu-%03d", (unsigned long long)seed, i);
        c.id = id;
        c.value = k < 15 ? rng_range(&r, 5000000, 50000000)
                  : k < 40 ? rng_range(&r, 1000000, 5000000)
                           : rng_range(&r, 0, 1000000);
        c.last_contact = d0 - (int32_t)rng_range(&r, 1, 28);
        c.last_visit = c.last_contact;
        c.contacts = 5;
        c.has_location = rng_range(&r, 0, 99) < 95;
        c.x = cx[cl] + (double)rng_range(&r, -80, 80) / 10.0;
        c.y = cy[cl] + (double)rng_range(&r, -80, 80) / 10.0;
        k = rng_range(&r, 0, 99);
        if (k < 10)
            c.visit_days = CCAD_TUE | CCAD_THU;
        else if (k < 15)
            c.visit_days = CCAD_MON | CCAD_WED | CCAD_FRI;
        if (rng_range(&r, 0, 99) < 5)
            c.purchase_date = d0 + (int32_t)rng_range(&r, 0, 12);
        add(e, &c);
    }
    grade(e);
}

/* The ROUTE_DAY reason of an item, or NULL. */
static const ccad_reason *route_day_reason(const ccad_item *it)
{
    uint32_t k;
    for (k = 0; k < it->reason_count; k++)
        if (it->reasons[k].why == CCAD_WHY_ROUTE_DAY)
            return &it->reasons[k];
    return NULL;
}

/* Weekly assignment: every moved item keeps the invariants (its window:
 * route.move_days, a working day the rep is present and the customer may
 * be seen, no other contact of the customer within a day), and the plan is
 * otherwise the plain routed plan's. Returns the number moved. */
static size_t check_assign(env *e, const ccad_schedule *s, const ccad_schedule *plain,
                           const ccad_plan_options *o)
{
    size_t i, j, moved = 0, n = ccad_schedule_item_count(s), nb = ccad_book_count(e->b);
    int32_t *reps = calloc((size_t)o->days, sizeof *reps), *mins = calloc((size_t)o->days, sizeof *mins);
    uint8_t *matched = calloc(ccad_schedule_item_count(plain) + 1, 1);
    assert_non_null(reps);
    assert_non_null(mins);
    assert_non_null(matched);
    assert_int_equal(n, ccad_schedule_item_count(plain));
    for (i = 0; i < n; i++) {
        ccad_item it = item(s, i);
        const ccad_reason *r = route_day_reason(&it);
        int32_t orig = r != NULL ? (int32_t)r->a : it.date;
        int found = 0;
        assert_true(it.customer < nb);
        /* capacity counts every item of the rep's (calls too, touches aside) */
        if (it.delegated == CCAD_BY_REP && it.kind != CCAD_ITEM_TOUCH) {
            reps[it.date - o->first_day]++;
            mins[it.date - o->first_day] += item_service(e, it.customer);
        }
        if (r != NULL) {
            ccad_customer c = CCAD_CUSTOMER_INIT;
            uint32_t fl = 0;
            moved++;
            assert_int_equal(r->rule, CCAD_RULE_ROUTE);
            assert_true(r->b >= 0); /* the estimated saving (a swap's partner: 0) */
            assert_int_equal(r->c, 0);
            /* within route.move_days of the planner's day, across weeks too */
            {
                int64_t move = 0;
                assert_int_equal(ccad_rules_get(e->r, "route.move_days", &move), CCAD_OK);
                if (it.date - orig > move || orig - it.date > move)
                    print_message("moved %d days: customer %u D0%+d -> D0%+d\n",
                                  (int)(it.date - orig), it.customer, (int)(orig - D0),
                                  (int)(it.date - D0));
                assert_true(it.date != orig && it.date - orig <= move && orig - it.date <= move);
            }
            /* a flexible visit by the rep: Q2, not a block, no care contact */
            assert_int_equal(it.quadrant, CCAD_Q2);
            assert_int_equal(it.delegated, CCAD_BY_REP);
            assert_int_equal(it.kind, CCAD_ITEM_VISIT);
            assert_int_equal(it.block_day, 0);
            /* to a working, non-absent day its visit weekdays allow */
            assert_int_equal(ccad_ctx_day_flags(e->ctx, &fl, it.date), CCAD_OK);
            assert_true(fl & CCAD_DAY_WORKING);
            assert_false(fl & CCAD_DAY_ABSENT);
            assert_int_equal(ccad_book_get(e->b, it.customer, &c), CCAD_OK);
            assert_int_equal(c.has_location, 1);
            if (c.visit_days != 0)
                assert_true(c.visit_days & (1u << (weekday(it.date) - 1)));
            /* no other contact of the customer within a day */
            for (j = 0; j < n; j++) {
                ccad_item x = item(s, j);
                if (j == i || x.customer != it.customer || x.kind == CCAD_ITEM_TOUCH)
                    continue;
                assert_true(x.date - it.date > 1 || it.date - x.date > 1);
            }
        }
        /* the same item in the plain plan, on its original day */
        for (j = 0; j < ccad_schedule_item_count(plain) && !found; j++) {
            ccad_item p = item(plain, j);
            if (!matched[j] && p.customer == it.customer && p.date == orig && p.kind == it.kind &&
                p.delegated == it.delegated && p.quadrant == it.quadrant) {
                matched[j] = 1;
                found = 1;
            }
        }
        if (!found)
            print_message("no match in the plain plan: customer %u D0%+d (from D0%+d) kind %d "
                          "quadrant %d delegated %d\n",
                          it.customer, (int)(it.date - D0), (int)(orig - D0), it.kind,
                          it.quadrant, it.delegated);
        assert_true(found);
    }
    /* capacity per day */
    for (i = 0; i < (size_t)o->days; i++) {
        if (o->visits_per_day > 0)
            assert_true(reps[i] <= o->visits_per_day);
        if (o->minutes_per_day > 0)
            assert_true(mins[i] <= o->minutes_per_day);
    }
    free(reps);
    free(mins);
    free(matched);
    return moved;
}

/* assign_days: invariants of every moved item over two weeks with a
 * holiday and an absence, for several territories and both capacity
 * limits; the routes of the result are checked like any other. */
static void assign_days_invariants(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    uint64_t seed;
    size_t total_moved = 0;
    for (seed = 1; seed <= 4; seed++) {
        int lim;
        ccad_book_free(e->b);
        assert_int_equal(ccad_book_new(&e->b, e->ctx, 0), CCAD_OK);
        gen_territory(e, seed, 80, 3, d0);
        e->n_holiday = e->n_absent = e->n_special = 0;
        e->holiday[e->n_holiday++] = d0 + 3; /* Thursday */
        e->absent[e->n_absent++] = d0 + 8;   /* Tuesday of week 2 */
        e->special[e->n_special++] = d0 + 10;
        for (lim = 0; lim < 2; lim++) {
            ccad_plan_options o = route_opts(d0, 14, lim == 0 ? 12 : 0), oa;
            ccad_schedule *plain, *as;
            size_t moved;
            if (lim == 1)
                o.minutes_per_day = 480;
            oa = o;
            oa.assign_days = 1;
            plain = plan_o(e, &o);
            as = plan_o(e, &oa);
            (void)check_routes(e, as, &oa);
            moved = check_assign(e, as, plain, &oa);
            total_moved += moved;
            ccad_schedule_free(plain);
            ccad_schedule_free(as);
        }
    }
    print_message("assign_days moved %lu visits over 8 plans\n", (unsigned long)total_moved);
    assert_true(total_moved > 0);
}

/* Routed schedules are deterministic: two runs, and a fresh context. */
static void route_determinism(void **state)
{
    env *e = *state;
    ccad_plan_options o = route_opts(D0, 14, 8);
    ccad_schedule *s1, *s2;
    gen_territory(e, 11, 90, 3, D0);
    o.assign_days = 1;
    o.seed = 12345;
    s1 = plan_o(e, &o);
    s2 = plan_o(e, &o);
    schedules_equal(s1, s2);
    ccad_schedule_free(s2);
    o.effort = 0;
    s2 = plan_o(e, &o);
    (void)check_routes(e, s2, &o);
    ccad_schedule_free(s2);
    ccad_schedule_free(s1);
}

/* assign_days on clustered territories: the total weekly travel (closed
 * tours from the base in seq order) is lower than without it. */
static void assign_days_saves_travel(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    int clusters;
    int64_t sum_plain = 0, sum_assign = 0;
    for (clusters = 2; clusters <= 3; clusters++) {
        uint64_t seed;
        for (seed = 1; seed <= 3; seed++) {
            ccad_plan_options o = route_opts(d0, 5, 20), oa;
            ccad_schedule *plain, *as;
            int64_t tp, ta;
            ccad_book_free(e->b);
            assert_int_equal(ccad_book_new(&e->b, e->ctx, 0), CCAD_OK);
            gen_territory(e, 100 + seed, 70, clusters, d0);
            oa = o;
            oa.assign_days = 1;
            plain = plan_o(e, &o);
            as = plan_o(e, &oa);
            tp = schedule_travel(e, plain, &o);
            ta = schedule_travel(e, as, &oa);
            {
                size_t k, moved = 0;
                for (k = 0; k < ccad_schedule_item_count(as); k++) {
                    ccad_item it = item(as, k);
                    moved += route_day_reason(&it) != NULL;
                }
                print_message("clusters=%d seed=%llu weekly travel: assign_days=0 %lld, "
                              "assign_days=1 %lld (%lu moved)\n",
                              clusters, (unsigned long long)seed, (long long)tp, (long long)ta,
                              (unsigned long)moved);
            }
            /* an estimate (the nearest stop of the other day), not a
             * search: a territory may come out slightly worse, never by
             * more than 1 %; over all of them it saves */
            assert_true(ta * 100 <= tp * 101);
            sum_plain += tp;
            sum_assign += ta;
            ccad_schedule_free(plain);
            ccad_schedule_free(as);
        }
    }
    print_message("six territories: assign_days=0 %lld, assign_days=1 %lld\n",
                  (long long)sum_plain, (long long)sum_assign);
    assert_true(sum_assign < sum_plain);
}

/* keep_reasons = 0 with routes and weekly assignment: no reasons anywhere
 * (neither ROUTE_DAY on moved items nor the blocked reasons of unplanned
 * findings), and the same plan otherwise. */
static void route_lean(void **state)
{
    env *e = *state;
    ccad_plan_options o = route_opts(D0, 5, 12);
    ccad_schedule *s, *full;
    size_t k, moved = 0;
    gen_territory(e, 21, 80, 3, D0);
    o.assign_days = 1;
    o.day_minutes = 480; /* more due than the days hold: unplanned findings */
    full = plan_o(e, &o);
    o.keep_reasons = 0;
    s = plan_o(e, &o);
    (void)check_routes(e, s, &o);
    assert_int_equal(ccad_schedule_item_count(s), ccad_schedule_item_count(full));
    for (k = 0; k < ccad_schedule_item_count(full); k++) {
        ccad_item a = item(full, k);
        moved += route_day_reason(&a) != NULL;
    }
    print_message("route_lean: %lu moved\n", (unsigned long)moved);
    assert_true(moved > 0);
    assert_true(count_findings(s, CCAD_FIND_UNPLANNED, -2) > 0);
    for (k = 0; k < ccad_schedule_item_count(s); k++) {
        ccad_item a = item(s, k), b = item(full, k);
        if (a.reason_count != 0)
            print_message("keep_reasons = 0: item %lu has %u reason(s), first why %d\n",
                          (unsigned long)k, a.reason_count, a.reasons[0].why);
        assert_int_equal(a.reason_count, 0);
        assert_int_equal(a.date, b.date);
        assert_int_equal(a.seq, b.seq);
        assert_int_equal(a.eta_min, b.eta_min);
    }
    for (k = 0; k < ccad_schedule_finding_count(s); k++)
        assert_int_equal(finding(s, k).reason_count, 0);
    ccad_schedule_free(s);
    ccad_schedule_free(full);
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
        /* two clusters, for the routed rounds (the others ignore it) */
        c.has_location = i % 13 != 0;
        c.x = (i % 2 ? 40.0 : -40.0) + (double)(i * 7 % 9);
        c.y = (double)(i * 5 % 11);
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
    /* routes and weekly assignment allocate too */
    o = opts(D0, 28, 20);
    o.route = 1;
    o.assign_days = 1;
    ref = plan_o(e, &o);
    {
        size_t moved = 0;
        for (i = 0; i < ccad_schedule_item_count(ref); i++) {
            ccad_item it = item(ref, i);
            moved += route_day_reason(&it) != NULL;
        }
        assert_true(moved > 0);
    }
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
        T(platform_old_size),
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
        T(pull_ahead_days_without_room),
        T(pull_ahead_minutes),
        T(persist_blocks),
        T(persist_block_needs_rep),
        T(complaint_open_daily),
        T(complaint_unimportant_delegated),
        T(complaint_care),
        T(keepwarm_touches),
        T(touch_and_visit_same_day),
        T(q1_week_after_early_contact),
        T(reminders),
        T(findings_kinds_and_order),
        T(findings_planned_gap),
        T(findings_platform),
        T(stretch_policy),
        T(minutes_capacity),
        T(lean_schedules),
        T(properties_generated),
        T(properties_q1_daily),
        T(determinism_fresh_context),
        T(errors_schedule_new),
        T(errors_calendar_callback),
        T(errors_item_finding),
        T(errors_workload_platform),
        T(schedule_day_totals),
        T(book_grade_of),
        T(route_planar_day),
        T(route_day_end_respected),
        T(route_geo),
        T(route_host),
        T(route_options_errors),
        T(assign_days_invariants),
        T(route_determinism),
        T(assign_days_saves_travel),
        T(route_lean),
        T(alloc_failure_schedule_new),
        T(alloc_failure_choose_working),
        T(empty_book),
    };
    return cmocka_run_group_tests(tests, NULL, report);
}
