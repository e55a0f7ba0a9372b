/* Property tests of the planner ("Planner 2"): plans a rep can follow.
 *
 * 100 random territories (tests/territory.c, seeds 1..100, so every run is
 * the same) are planned with routing on, and every plan is checked for the
 * properties below, one checker each:
 *
 *   visit_days  no in-person item (visit, persist day, care contact; by
 *               anyone) on a weekday outside the customer's visit_days;
 *   hours       no routed stop outside its visit hours (eta_min >=
 *               visit_open_min, depart_min <= visit_close_min);
 *   day_end     no day back at the base after the day's end, no stop
 *               leaving after it, stops in seq order with eta_min >= the
 *               previous departure (the day's start for the first) + travel;
 *   capacity    the rep's items per working day <= visits_per_day and their
 *               service minutes <= minutes_per_day (when set);
 *   calendar    no contact on a non-working day or holiday, touches only
 *               on special dates, no rep-owned contact on an absent day;
 *   give_up     no contact for a customer whose TRIAGE strategy is give up
 *               and who has no open complaint;
 *   late        no late item and no ROUTE finding when every customer's
 *               visit hours can hold its service time inside the day;
 *   lost        every open customer due in the range is planned, or has an
 *               UNPLANNED, DROPPED or RELEASE_PROPOSED finding;
 *   rolled      a rolled-over item lies after the first day it waited, and
 *               its PLAN_ROLLED reason names that day and the days from it
 *               to the item's date (the weekly assignment may move it).
 *
 * A violation prints "seed S: property: customer ID (#index) on DATE: what";
 * the first few of each property are printed, then the totals per property
 * (violations and territories affected). TT_SEED=N runs territory N alone
 * and prints every violation. checkers_catch_violations feeds hand-made
 * violating plans to each checker, so a checker that can never fail is
 * itself caught.
 *
 * Against the 1.0 planner this test fails: its totals are the baseline that
 * Planner 2 is measured against. */
#include "territory.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    P_VISIT_DAYS,
    P_HOURS,
    P_DAY_END,
    P_CAPACITY,
    P_CALENDAR,
    P_GIVE_UP,
    P_LATE,
    P_LOST,
    P_ROLLED,
    P_COUNT
};

static const char *const prop_name[P_COUNT] = {
    "visit_days", "hours", "day_end", "capacity", "calendar", "give_up", "late", "lost", "rolled"};

#define N_TERRITORIES 100
#define SHOW_PER_PROPERTY 5

/* A plan as the checkers see it: plain arrays, so a test can hand-make one. */
typedef struct pv {
    uint64_t seed;
    ccad_plan_options o;
    size_t n_cust;
    ccad_customer *cust; /* ids point into the book (or the test's strings) */
    int32_t *service;    /* service minutes per customer */
    int *strategy;       /* ::ccad_strategy assessed on the first day */
    int32_t *due_date;   /* due date assessed on the first day, or CCAD_NO_DATE */
    uint32_t *flags;     /* calendar flags of each day of the range */
    ccad_day *days;      /* ccad_schedule_day() of each day of the range */
    ccad_item *items;
    size_t n_items;
    ccad_finding *finds;
    size_t n_finds;
    int hours_fit;       /* every window holds its service time inside the day */
    long count[P_COUNT]; /* violations found */
    long show;           /* messages still to print per property (-1: all) */
    long shown[P_COUNT];
} pv;

static void violation(pv *p, int prop, int64_t customer, int32_t date, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

static void violation(pv *p, int prop, int64_t customer, int32_t date, const char *fmt, ...)
{
    char what[256], day[16] = "-", who[96] = "-";
    va_list ap;
    p->count[prop]++;
    if (p->show >= 0 && p->shown[prop] >= p->show)
        return;
    p->shown[prop]++;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    if (date != CCAD_NO_DATE)
        (void)ccad_date_format(day, sizeof day, date);
    if (customer >= 0 && (size_t)customer < p->n_cust)
        snprintf(who, sizeof who, "%s (#%lld)", p->cust[customer].id, (long long)customer);
    print_message("seed %llu: %s: customer %s on %s: %s\n", (unsigned long long)p->seed,
                  prop_name[prop], who, day, what);
}

static int weekday(int32_t d)
{
    int wd = 0;
    assert_int_equal(ccad_date_weekday(&wd, d), CCAD_OK);
    return wd;
}

static int in_person(const ccad_item *it)
{
    return it->kind == CCAD_ITEM_VISIT || it->kind == CCAD_ITEM_PERSIST ||
           it->kind == CCAD_ITEM_CARE;
}

static int rep_owned(const ccad_item *it)
{
    return it->delegated == CCAD_BY_REP && it->kind != CCAD_ITEM_TOUCH;
}

static int day_index(const pv *p, int32_t date)
{
    int32_t k = date - p->o.first_day;
    assert_true(k >= 0 && k < p->o.days);
    return (int)k;
}

static int32_t day_end(const pv *p) { return p->o.day_start_min + p->o.day_minutes; }

/* ---------------------------------------------------------------------- */
/* The checkers: each counts (and reports) the violations of its property. */

static void chk_visit_days(pv *p)
{
    size_t i;
    for (i = 0; i < p->n_items; i++) {
        const ccad_item *it = &p->items[i];
        uint32_t allowed = p->cust[it->customer].visit_days;
        int wd;
        if (!in_person(it) || allowed == 0)
            continue;
        wd = weekday(it->date);
        if (!(allowed & (1u << (wd - 1))))
            violation(p, P_VISIT_DAYS, it->customer, it->date,
                      "%s (%s) on %s, visit days mask 0x%02x",
                      ccad_name(CCAD_NAME_ITEM_KIND, it->kind),
                      ccad_name(CCAD_NAME_DELEGATION, it->delegated),
                      ccad_name(CCAD_NAME_WEEKDAY, wd), (unsigned)allowed);
    }
}

static void chk_hours(pv *p)
{
    size_t i;
    for (i = 0; i < p->n_items; i++) {
        const ccad_item *it = &p->items[i];
        const ccad_customer *c = &p->cust[it->customer];
        if (it->seq <= 0)
            continue;
        if (it->eta_min < c->visit_open_min || it->depart_min > c->visit_close_min)
            violation(p, P_HOURS, it->customer, it->date,
                      "stop %d served %d..%d outside its hours %d..%d (minutes after midnight)",
                      (int)it->seq, (int)it->eta_min, (int)it->depart_min, (int)c->visit_open_min,
                      (int)c->visit_close_min);
    }
}

static void chk_day_end(pv *p)
{
    int32_t end = day_end(p), prev_date = CCAD_NO_DATE, prev_depart = 0, next_seq = 1;
    size_t i;
    int d;
    for (d = 0; d < p->o.days; d++)
        if (p->days[d].back_min >= 0 && p->days[d].back_min > end)
            violation(p, P_DAY_END, -1, p->days[d].date,
                      "back at the base at %d, after the day's end %d (%d stops)",
                      (int)p->days[d].back_min, (int)end, (int)p->days[d].stops);
    for (i = 0; i < p->n_items; i++) {
        const ccad_item *it = &p->items[i];
        if (it->seq <= 0)
            continue;
        if (it->date != prev_date) {
            prev_date = it->date;
            prev_depart = p->o.day_start_min;
            next_seq = 1;
        }
        if (it->depart_min > end)
            violation(p, P_DAY_END, it->customer, it->date,
                      "stop %d leaves at %d, after the day's end %d", (int)it->seq,
                      (int)it->depart_min, (int)end);
        if (it->seq != next_seq)
            violation(p, P_DAY_END, it->customer, it->date,
                      "stop %d listed where stop %d was expected", (int)it->seq, (int)next_seq);
        if (it->eta_min < prev_depart + it->travel_min)
            violation(p, P_DAY_END, it->customer, it->date,
                      "stop %d starts at %d, before the previous departure %d + %d min travel",
                      (int)it->seq, (int)it->eta_min, (int)prev_depart, (int)it->travel_min);
        next_seq = it->seq + 1;
        prev_depart = it->depart_min;
    }
}

static void chk_capacity(pv *p)
{
    int d;
    for (d = 0; d < p->o.days; d++) {
        int32_t date = p->o.first_day + d, n = 0, minutes = 0;
        size_t i;
        for (i = 0; i < p->n_items; i++)
            if (p->items[i].date == date && rep_owned(&p->items[i])) {
                n++;
                minutes += p->service[p->items[i].customer];
            }
        if (p->o.visits_per_day > 0 && n > p->o.visits_per_day)
            violation(p, P_CAPACITY, -1, date, "%d rep items, visits_per_day %d", (int)n,
                      (int)p->o.visits_per_day);
        if (p->o.minutes_per_day > 0 && minutes > p->o.minutes_per_day)
            violation(p, P_CAPACITY, -1, date, "%d service minutes, minutes_per_day %d",
                      (int)minutes, (int)p->o.minutes_per_day);
    }
}

static void chk_calendar(pv *p)
{
    size_t i;
    for (i = 0; i < p->n_items; i++) {
        const ccad_item *it = &p->items[i];
        uint32_t f = p->flags[day_index(p, it->date)];
        if (it->kind == CCAD_ITEM_TOUCH) {
            if (!(f & CCAD_DAY_SPECIAL))
                violation(p, P_CALENDAR, it->customer, it->date,
                          "touch on a day that is not special (flags 0x%x)", (unsigned)f);
            continue;
        }
        if (!(f & CCAD_DAY_WORKING) || (f & CCAD_DAY_HOLIDAY))
            violation(p, P_CALENDAR, it->customer, it->date, "%s on a %s",
                      ccad_name(CCAD_NAME_ITEM_KIND, it->kind),
                      (f & CCAD_DAY_HOLIDAY) ? "holiday" : "non-working day");
        else if ((f & CCAD_DAY_ABSENT) && it->delegated == CCAD_BY_REP)
            violation(p, P_CALENDAR, it->customer, it->date, "%s by the rep on an absent day",
                      ccad_name(CCAD_NAME_ITEM_KIND, it->kind));
    }
}

static void chk_give_up(pv *p)
{
    size_t i;
    for (i = 0; i < p->n_items; i++) {
        const ccad_item *it = &p->items[i];
        if (it->kind == CCAD_ITEM_TOUCH || p->strategy[it->customer] != CCAD_STRATEGY_GIVE_UP ||
            p->cust[it->customer].complaint == CCAD_COMPLAINT_OPEN)
            continue;
        violation(p, P_GIVE_UP, it->customer, it->date, "%s (%s) for a given-up customer",
                  ccad_name(CCAD_NAME_ITEM_KIND, it->kind),
                  ccad_name(CCAD_NAME_DELEGATION, it->delegated));
    }
}

static void chk_late(pv *p)
{
    size_t i;
    if (!p->hours_fit)
        return;
    for (i = 0; i < p->n_items; i++)
        if (p->items[i].late)
            violation(p, P_LATE, p->items[i].customer, p->items[i].date,
                      "stop %d late (eta %d, depart %d) though every window fits the day",
                      (int)p->items[i].seq, (int)p->items[i].eta_min, (int)p->items[i].depart_min);
    for (i = 0; i < p->n_finds; i++) {
        const ccad_finding *f = &p->finds[i];
        size_t j;
        int item_late = 0; /* a late stop's own finding is not counted twice */
        if (f->kind != CCAD_FIND_ROUTE)
            continue;
        for (j = 0; j < p->n_items && !item_late; j++)
            item_late = p->items[j].late && p->items[j].date == f->date &&
                        (int64_t)p->items[j].customer == f->customer;
        if (!item_late)
            violation(p, P_LATE, f->customer, f->date,
                      "ROUTE finding though every window fits the day");
    }
}

static void chk_lost(pv *p)
{
    int32_t last = p->o.first_day + p->o.days - 1;
    size_t c, i;
    for (c = 0; c < p->n_cust; c++) {
        int st = p->cust[c].status, kept = 0;
        if (st == CCAD_STATUS_RELEASED || st == CCAD_STATUS_ELIMINATED ||
            p->due_date[c] == CCAD_NO_DATE || p->due_date[c] > last)
            continue;
        for (i = 0; i < p->n_items && !kept; i++)
            kept = p->items[i].customer == c && p->items[i].kind != CCAD_ITEM_TOUCH;
        for (i = 0; i < p->n_finds && !kept; i++)
            kept = p->finds[i].customer == (int64_t)c &&
                   (p->finds[i].kind == CCAD_FIND_UNPLANNED ||
                    p->finds[i].kind == CCAD_FIND_DROPPED ||
                    p->finds[i].kind == CCAD_FIND_RELEASE_PROPOSED);
        if (!kept) {
            int32_t on = p->due_date[c] < p->o.first_day ? p->o.first_day : p->due_date[c];
            violation(p, P_LOST, (int64_t)c, on,
                      "due (%s, day flags 0x%x, %d days in the range) but neither planned nor "
                      "in an UNPLANNED, DROPPED or RELEASE_PROPOSED finding",
                      p->due_date[c] < p->o.first_day ? "overdue on the first day" : "that day",
                      (unsigned)p->flags[day_index(p, on)], (int)p->o.days);
        }
    }
}

static void chk_rolled(pv *p)
{
    size_t i;
    uint32_t k;
    for (i = 0; i < p->n_items; i++) {
        const ccad_item *it = &p->items[i];
        if (it->rolled_from == CCAD_NO_DATE)
            continue;
        if (it->date <= it->rolled_from)
            violation(p, P_ROLLED, it->customer, it->date, "rolled over from %d, on or before it",
                      (int)it->rolled_from);
        for (k = 0; k < it->reason_count; k++) {
            const ccad_reason *r = &it->reasons[k];
            if (r->why == CCAD_WHY_PLAN_ROLLED &&
                (r->a != it->rolled_from || r->b != it->date - it->rolled_from))
                violation(p, P_ROLLED, it->customer, it->date,
                          "PLAN_ROLLED(%lld, %lld) for an item rolled over from %d",
                          (long long)r->a, (long long)r->b, (int)it->rolled_from);
        }
    }
}

typedef void (*checker)(pv *p);
static const checker checkers[P_COUNT] = {chk_visit_days, chk_hours,    chk_day_end,
                                          chk_capacity,   chk_calendar, chk_give_up,
                                          chk_late,       chk_lost,     chk_rolled};

/* Runs the checker of property k; returns the violations it found. */
static long check(pv *p, int k)
{
    long before = p->count[k];
    checkers[k](p);
    return p->count[k] - before;
}

/* ---------------------------------------------------------------------- */
/* A planned territory as a pv */

static void pv_load(pv *p, const tt_territory *t, const ccad_schedule *s)
{
    size_t i, n = ccad_book_count(t->book);
    int d;
    memset(p, 0, sizeof *p);
    p->seed = t->seed;
    p->o = t->options;
    p->hours_fit = t->hours_fit;
    p->n_cust = n;
    p->cust = calloc(n, sizeof *p->cust);
    p->service = calloc(n, sizeof *p->service);
    p->strategy = calloc(n, sizeof *p->strategy);
    p->due_date = calloc(n, sizeof *p->due_date);
    p->flags = calloc((size_t)p->o.days, sizeof *p->flags);
    p->days = calloc((size_t)p->o.days, sizeof *p->days);
    p->n_items = ccad_schedule_item_count(s);
    p->n_finds = ccad_schedule_finding_count(s);
    p->items = calloc(p->n_items + 1, sizeof *p->items);
    p->finds = calloc(p->n_finds + 1, sizeof *p->finds);
    assert_true(p->cust && p->service && p->strategy && p->due_date && p->flags && p->days &&
                p->items && p->finds);
    for (i = 0; i < n; i++) {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        ccad_assessment a = CCAD_ASSESSMENT_INIT;
        TU_PASS(ccad_book_ctx(t->book), ccad_book_get(t->book, i, &c));
        TU_PASS(ccad_book_ctx(t->book), ccad_book_assess(t->book, t->rules, i, p->o.first_day, &a));
        p->cust[i] = c;
        p->service[i] = tt_service_min(t, i);
        p->strategy[i] = a.strategy;
        p->due_date[i] = a.due_date;
    }
    for (d = 0; d < p->o.days; d++) {
        ccad_day day = CCAD_DAY_INIT;
        assert_int_equal(ccad_schedule_day(s, p->o.first_day + d, &day), CCAD_OK);
        p->days[d] = day;
        p->flags[d] = tt_flags(t, p->o.first_day + d);
    }
    for (i = 0; i < p->n_items; i++) {
        ccad_item it = CCAD_ITEM_INIT;
        assert_int_equal(ccad_schedule_item(s, i, &it), CCAD_OK);
        assert_true(it.customer < n);
        p->items[i] = it;
    }
    for (i = 0; i < p->n_finds; i++) {
        ccad_finding f = CCAD_FINDING_INIT;
        assert_int_equal(ccad_schedule_finding(s, i, &f), CCAD_OK);
        p->finds[i] = f;
    }
    p->show = SHOW_PER_PROPERTY;
}

static void pv_free(pv *p)
{
    free(p->cust);
    free(p->service);
    free(p->strategy);
    free(p->due_date);
    free(p->flags);
    free(p->days);
    free(p->items);
    free(p->finds);
    memset(p, 0, sizeof *p);
}

/* ---------------------------------------------------------------------- */
/* The properties over 100 territories */

static void plan_properties(void **state)
{
    long total[P_COUNT], territories[P_COUNT], shown[P_COUNT], sum = 0;
    uint64_t first = 1, last = N_TERRITORIES, seed;
    const char *one = getenv("TT_SEED");
    int k, fit = 0;
    (void)state;
    memset(total, 0, sizeof total);
    memset(territories, 0, sizeof territories);
    memset(shown, 0, sizeof shown);
    if (one != NULL && *one != '\0')
        first = last = strtoull(one, NULL, 10);
    for (seed = first; seed <= last; seed++) {
        tt_territory *t = calloc(1, sizeof *t);
        ccad_schedule *s = NULL;
        pv p;
        int rc;
        assert_non_null(t);
        tt_make(t, seed);
        rc = ccad_schedule_new(&s, t->book, t->rules, &t->options);
        if (rc != CCAD_OK)
            print_message("seed %llu: ccad_schedule_new: %s\n", (unsigned long long)seed,
                          ccad_ctx_errmsg(t->ctx));
        assert_int_equal(rc, CCAD_OK);
        pv_load(&p, t, s);
        fit += p.hours_fit;
        for (k = 0; k < P_COUNT; k++) {
            /* print the first few of each property over the whole run */
            p.show = one != NULL                    ? -1
                     : shown[k] < SHOW_PER_PROPERTY ? SHOW_PER_PROPERTY - shown[k]
                                                    : 0;
            if (check(&p, k) > 0)
                territories[k]++;
            total[k] += p.count[k];
            shown[k] += p.shown[k];
        }
        pv_free(&p);
        ccad_schedule_free(s);
        tt_free(t);
        free(t);
    }
    print_message("plan properties over territories %llu..%llu (%d with every visit window "
                  "inside the day):\n",
                  (unsigned long long)first, (unsigned long long)last, fit);
    for (k = 0; k < P_COUNT; k++) {
        print_message("  %-10s %6ld violations in %3ld territories\n", prop_name[k], total[k],
                      territories[k]);
        sum += total[k];
    }
    if (sum > 0)
        fail_msg("%ld property violations (see above)", sum);
}

/* ---------------------------------------------------------------------- */
/* The checkers can fail: a hand-made plan that breaks each property once. */

/* Monday 2026-03-02 .. Friday: Wednesday a holiday, Thursday absent,
 * Friday special. Customer 0: Mondays only, 09:00-11:00, given up;
 * customer 1: any day, any hour. */
static void tiny(pv *p, ccad_customer cust[2], int32_t service[2], int strategy[2], int32_t due[2],
                 uint32_t flags[5], ccad_day days[5])
{
    ccad_customer c0 = CCAD_CUSTOMER_INIT, c1 = CCAD_CUSTOMER_INIT;
    int d;
    memset(p, 0, sizeof *p);
    p->seed = 0;
    ccad_plan_options_init(&p->o);
    p->o.first_day = tu_date("2026-03-02");
    p->o.days = 5;
    p->o.visits_per_day = 1;
    p->o.minutes_per_day = 60;
    p->o.route = 1;
    p->o.day_start_min = 480;
    p->o.day_minutes = 540;
    c0.id = "c0";
    c0.status = CCAD_STATUS_ACTIVE;
    c0.visit_days = CCAD_MON;
    c0.visit_open_min = 540;
    c0.visit_close_min = 660;
    c1.id = "c1";
    cust[0] = c0;
    cust[1] = c1;
    service[0] = service[1] = 45;
    strategy[0] = CCAD_STRATEGY_GIVE_UP;
    strategy[1] = CCAD_STRATEGY_NONE;
    due[0] = CCAD_NO_DATE;
    due[1] = p->o.first_day + 1;
    for (d = 0; d < 5; d++) {
        ccad_day_init(&days[d]);
        days[d].date = p->o.first_day + d;
        flags[d] = CCAD_DAY_WORKING;
    }
    flags[2] = CCAD_DAY_HOLIDAY;
    flags[3] |= CCAD_DAY_ABSENT;
    flags[4] |= CCAD_DAY_SPECIAL;
    p->n_cust = 2;
    p->cust = cust;
    p->service = service;
    p->strategy = strategy;
    p->due_date = due;
    p->flags = flags;
    p->days = days;
    p->hours_fit = 1;
    p->show = -1;
}

static ccad_item stop(int32_t date, uint32_t customer, int32_t seq, int32_t eta, int32_t depart,
                      int32_t travel)
{
    ccad_item it = CCAD_ITEM_INIT;
    it.date = date;
    it.customer = customer;
    it.kind = CCAD_ITEM_VISIT;
    it.delegated = CCAD_BY_REP;
    it.seq = seq;
    it.eta_min = eta;
    it.depart_min = depart;
    it.travel_min = travel;
    return it;
}

static void checkers_catch_violations(void **state)
{
    ccad_customer cust[2];
    int32_t service[2], due[2];
    int strategy[2], k;
    uint32_t flags[5];
    ccad_day days[5];
    ccad_item items[4];
    ccad_finding f = CCAD_FINDING_INIT;
    pv p;
    int32_t mon;
    (void)state;

    /* a clean plan: customer 1 visited on Tuesday within every limit;
     * customer 0 (given up, not due) has nothing */
    tiny(&p, cust, service, strategy, due, flags, days);
    mon = p.o.first_day;
    items[0] = stop(mon + 1, 1, 1, 500, 545, 20);
    days[1].stops = 1;
    days[1].back_min = 565;
    p.items = items;
    p.n_items = 1;
    for (k = 0; k < P_COUNT; k++)
        assert_int_equal(check(&p, k), 0);

    /* visit_days: customer 0 seen on a Tuesday (and, being given up, give_up) */
    tiny(&p, cust, service, strategy, due, flags, days);
    items[0] = stop(mon + 1, 0, 1, 560, 605, 20);
    p.items = items;
    p.n_items = 1;
    assert_int_equal(check(&p, P_VISIT_DAYS), 1);
    assert_int_equal(check(&p, P_GIVE_UP), 1);
    /* a call is no visit: no violation */
    items[0].kind = CCAD_ITEM_CALL;
    items[0].seq = 0;
    assert_int_equal(check(&p, P_VISIT_DAYS), 0);

    /* hours: customer 0 on Monday from 10:30 to 11:15 (closes at 11:00) */
    tiny(&p, cust, service, strategy, due, flags, days);
    items[0] = stop(mon, 0, 1, 630, 675, 20);
    p.items = items;
    p.n_items = 1;
    assert_int_equal(check(&p, P_HOURS), 1);
    items[0].eta_min = 500; /* before it opens */
    items[0].depart_min = 545;
    assert_int_equal(check(&p, P_HOURS), 1);

    /* day_end: back after 17:00, a stop leaving after it, a stop starting
     * before the previous one left plus travel, seq out of order */
    tiny(&p, cust, service, strategy, due, flags, days);
    days[1].stops = 2;
    days[1].back_min = 1030;
    p.items = items;
    p.n_items = 1;
    items[0] = stop(mon + 1, 1, 1, 500, 545, 20);
    assert_int_equal(check(&p, P_DAY_END), 1); /* the back time alone */
    days[1].back_min = 1000;
    items[0] = stop(mon + 1, 1, 1, 990, 1035, 20);
    assert_int_equal(check(&p, P_DAY_END), 1); /* leaves at 17:15 */
    items[0] = stop(mon + 1, 1, 1, 500, 545, 20);
    items[1] = stop(mon + 1, 1, 2, 550, 595, 10); /* 545 + 10 > 550 */
    p.n_items = 2;
    assert_int_equal(check(&p, P_DAY_END), 1);
    items[1] = stop(mon + 1, 1, 3, 560, 605, 10); /* seq 3 after seq 1 */
    assert_int_equal(check(&p, P_DAY_END), 1);
    items[0] = stop(mon + 1, 1, 1, 490, 535, 20); /* 480 + 20 > 490 */
    items[1] = stop(mon + 1, 1, 2, 560, 605, 10);
    assert_int_equal(check(&p, P_DAY_END), 1);

    /* capacity: two rep items on Tuesday (1 allowed, 60 minutes) */
    tiny(&p, cust, service, strategy, due, flags, days);
    items[0] = stop(mon + 1, 1, 1, 500, 545, 20);
    items[1] = stop(mon + 1, 1, 2, 560, 605, 10);
    p.items = items;
    p.n_items = 2;
    assert_int_equal(check(&p, P_CAPACITY), 2); /* the count and the minutes */
    items[1].delegated = CCAD_BY_COLLEAGUE;     /* a colleague's item is no load */
    items[1].seq = 0;
    assert_int_equal(check(&p, P_CAPACITY), 0);

    /* calendar: a visit on the holiday, one by the rep on the absent day,
     * a touch on a plain day (and one on the special day, which is fine) */
    tiny(&p, cust, service, strategy, due, flags, days);
    items[0] = stop(mon + 2, 1, 0, -1, -1, 0);
    items[1] = stop(mon + 3, 1, 0, -1, -1, 0);
    items[2] = stop(mon + 1, 1, 0, -1, -1, 0);
    items[2].kind = CCAD_ITEM_TOUCH;
    items[3] = stop(mon + 4, 1, 0, -1, -1, 0);
    items[3].kind = CCAD_ITEM_TOUCH; /* on the special Friday: fine */
    p.items = items;
    p.n_items = 4;
    assert_int_equal(check(&p, P_CALENDAR), 3);
    items[1].delegated = CCAD_BY_SUBSTITUTE; /* the substitute covers the absence */
    assert_int_equal(check(&p, P_CALENDAR), 2);
    flags[3] = 0; /* now Thursday is a day off: the substitute's item is wrong too */
    assert_int_equal(check(&p, P_CALENDAR), 3);

    /* give_up: with an open complaint the customer must be seen */
    tiny(&p, cust, service, strategy, due, flags, days);
    items[0] = stop(mon, 0, 1, 560, 605, 20);
    p.items = items;
    p.n_items = 1;
    assert_int_equal(check(&p, P_GIVE_UP), 1);
    cust[0].complaint = CCAD_COMPLAINT_OPEN;
    assert_int_equal(check(&p, P_GIVE_UP), 0);

    /* late: a late item and a ROUTE finding; nothing when windows do not fit */
    tiny(&p, cust, service, strategy, due, flags, days);
    items[0] = stop(mon + 1, 1, 1, 500, 545, 20);
    items[0].late = 1;
    f.kind = CCAD_FIND_ROUTE;
    f.customer = 1;
    f.date = mon + 1;
    p.items = items;
    p.n_items = 1;
    p.finds = &f;
    p.n_finds = 1;
    assert_int_equal(check(&p, P_LATE), 1); /* the stop, its finding not twice */
    f.customer = 0;
    assert_int_equal(check(&p, P_LATE), 2); /* a finding of its own */
    p.hours_fit = 0;
    assert_int_equal(check(&p, P_LATE), 0);

    /* lost: customer 1 due on Tuesday, with no item and no finding */
    tiny(&p, cust, service, strategy, due, flags, days);
    p.n_items = 0;
    assert_int_equal(check(&p, P_LOST), 1);
    f.kind = CCAD_FIND_OVERDUE; /* not a finding that accounts for it */
    f.customer = 1;
    p.finds = &f;
    p.n_finds = 1;
    assert_int_equal(check(&p, P_LOST), 1);
    f.kind = CCAD_FIND_UNPLANNED;
    assert_int_equal(check(&p, P_LOST), 0);
    f.kind = CCAD_FIND_RELEASE_PROPOSED;
    assert_int_equal(check(&p, P_LOST), 0);
    p.n_finds = 0;
    items[0] = stop(mon + 4, 1, 0, -1, -1, 0);
    items[0].kind = CCAD_ITEM_TOUCH; /* a touch is no contact */
    p.items = items;
    p.n_items = 1;
    assert_int_equal(check(&p, P_LOST), 1);
    items[0].kind = CCAD_ITEM_CALL;
    assert_int_equal(check(&p, P_LOST), 0);
    cust[1].status = CCAD_STATUS_RELEASED; /* released: no duty */
    p.n_items = 0;
    assert_int_equal(check(&p, P_LOST), 0);

    /* rolled: an item on the day it first waited, then one whose reason
     * counts the days to another day than its own */
    tiny(&p, cust, service, strategy, due, flags, days);
    items[0] = stop(mon + 1, 1, 1, 500, 545, 20);
    items[0].rolled_from = mon;
    items[0].reason_count = 1;
    items[0].reasons[0].rule = CCAD_RULE_CAPACITY;
    items[0].reasons[0].why = CCAD_WHY_PLAN_ROLLED;
    items[0].reasons[0].a = mon;
    items[0].reasons[0].b = 1;
    p.items = items;
    p.n_items = 1;
    assert_int_equal(check(&p, P_ROLLED), 0);
    items[0].rolled_from = mon + 1;
    items[0].reasons[0].a = mon + 1;
    items[0].reasons[0].b = 0;
    assert_int_equal(check(&p, P_ROLLED), 1);
    items[0].rolled_from = mon;
    items[0].reasons[0].a = mon;
    items[0].reasons[0].b = 2; /* waited one day, not two */
    assert_int_equal(check(&p, P_ROLLED), 1);
}

/* The generator itself: deterministic, within its documented ranges. */
static void territories_in_range(void **state)
{
    uint64_t seed;
    int visit_days = 0, hours = 0, give_up = 0, customers = 0;
    (void)state;
    for (seed = 1; seed <= N_TERRITORIES; seed++) {
        tt_territory *a = calloc(1, sizeof *a), *b = calloc(1, sizeof *b);
        size_t i, n;
        assert_non_null(a);
        assert_non_null(b);
        tt_make(a, seed);
        tt_make(b, seed);
        n = ccad_book_count(a->book);
        assert_true(n >= 20 && n <= TT_MAX_CUSTOMERS);
        assert_int_equal(n, ccad_book_count(b->book));
        assert_true(a->options.days >= 7 && a->options.days <= 28);
        assert_true(a->options.visits_per_day == 0 ||
                    (a->options.visits_per_day >= 4 && a->options.visits_per_day <= 12));
        assert_true(a->options.visits_per_day > 0 || a->options.minutes_per_day > 0);
        assert_int_equal(memcmp(&a->options, &b->options, sizeof a->options), 0);
        for (i = 0; i < n; i++) {
            ccad_customer x = CCAD_CUSTOMER_INIT, y = CCAD_CUSTOMER_INIT;
            ccad_assessment as = CCAD_ASSESSMENT_INIT;
            TU_PASS(ccad_book_ctx(a->book), ccad_book_get(a->book, i, &x));
            TU_PASS(ccad_book_ctx(b->book), ccad_book_get(b->book, i, &y));
            tu_customer_equal(&x, &y);
            visit_days += x.visit_days != 0;
            if (x.visit_open_min != 0 || x.visit_close_min != 1440) {
                hours++;
                assert_true(x.visit_open_min >= 420 && x.visit_close_min <= 1140);
                assert_true(x.visit_close_min - x.visit_open_min >= 120);
                assert_true(x.visit_close_min - x.visit_open_min >= tt_service_min(a, i));
            }
            TU_PASS(ccad_book_ctx(a->book),
                    ccad_book_assess(a->book, a->rules, i, a->options.first_day, &as));
            give_up += as.strategy == CCAD_STRATEGY_GIVE_UP;
        }
        customers += (int)n;
        tt_free(a);
        tt_free(b);
        free(a);
        free(b);
    }
    print_message("territories: %d customers, %d with visit days, %d with visit hours, %d "
                  "given up\n",
                  customers, visit_days, hours, give_up);
    /* about a third each; some given up */
    assert_true(visit_days * 4 > customers && visit_days * 5 < customers * 2);
    assert_true(hours * 4 > customers && hours * 5 < customers * 2);
    assert_true(give_up > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(checkers_catch_violations),
        cmocka_unit_test(territories_in_range),
        cmocka_unit_test(plan_properties),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
