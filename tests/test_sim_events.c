/* The day loop keeps each customer's brief between the days on which it
 * can change (lib/plan/events.c). That must leave every plan as it was:
 * over generated territories (tests/territory.c), routed and not, with
 * daily-visit customers, with reasons kept or not, under drawn rules
 * (urgency windows, the purchase ramp, request days, escalation of Q4,
 * never-contacted customers due now or not, the clock, pulling ahead, Q4
 * rollover and delegation, persist blocks, working weekdays) and with
 * extra purchase decisions, requests and persist activities placed inside
 * the range, the library's schedule equals, item for item and finding for
 * finding, the schedule of the reference build that briefs every customer
 * every day and takes a day's candidates off a heap over all of them
 * (tests/sim_env_ref.c); a quarter of the books hold each customer three
 * times, so that days have more candidates than the bounded selection
 * reads alone, and some unrouted days have room for more than its 64, so
 * that the heap after it is used too. Team plans of two reps sharing such a
 * territory, likewise, against the team planner built over the reference
 * loop (tests/sim_env_ref_team.c). And the calendar's last days: ranges
 * ending on 9999-12-31, where moving a due date to a working weekday stops
 * at the last date. And one book large enough for the loop's read-ahead.
 *
 * The day loop keeps the due customers that wait day after day aside, in
 * an order that holds across days (lib/plan/dormant.c), from books of 256
 * customers on; a third build keeps them in books of any size
 * (tests/sim_env_dormant.c), and its plans must equal the reference's too:
 * over the same territories, and over books made to keep many customers
 * waiting (one rep with a few visits a day for several copies of a
 * territory) under drawn escalation thresholds, so that waiting customers
 * cross them, with the territories' visit days, holidays, absences and
 * special days, Q3 delegation on and off, routed and not. */
#include "testutil.h"
#include "territory.h"

#include <stdio.h>
#include <stdlib.h>

/* tests/sim_env_ref.c */
int ref_sim_schedule_new(ccad_schedule **out, const ccad_book *book, const ccad_rules *rules,
                         const ccad_plan_options *options);
/* tests/sim_env_dormant.c: the library's loop, keeping dormant customers
 * in books of any size */
int dorm_sim_schedule_new(ccad_schedule **out, const ccad_book *book, const ccad_rules *rules,
                          const ccad_plan_options *options);
/* tests/sim_env_ref_team.c */
int ref_sim_team_schedule_new(ccad_team_schedule **out, const ccad_team *team,
                              const ccad_rules *rules, const ccad_plan_options *options);

#define TERRITORIES 160

static void set_rule(tt_territory *t, const char *name, int64_t value)
{
    TU_PASS(t->ctx, ccad_rules_set(t->rules, name, value));
}

/* Rules drawn for the territory, each within [lo, hi]: the ones whose
 * thresholds move a brief from day to day, and the ones the day loop reads. */
static const struct {
    const char *name;
    int64_t lo, hi;
} drawn[] = {
    {"urgency.request_days", 0, 6},     {"freq.ramp_within_days", 0, 60},
    {"freq.ramp_count", 0, 3},          {"escalate.q4", 0, 1},
    {"escalate.rep_days", 1, 4},        {"never.due_now", 0, 1},
    {"clock.any_contact", 0, 1},        {"clock.q1_visits_only", 0, 1},
    {"capacity.pull_ahead_days", 0, 6}, {"capacity.q4_rollover_days", 0, 5},
    {"capacity.delegate_q3", 0, 1},     {"persist.block_days", 1, 4},
    {"persist.cycle_days", 5, 30},      {"complaint.care_after_days", 0, 20},
};

static void draw_rules(tt_territory *t, uint64_t *s)
{
    int64_t two = tu_rng_range(s, 3, 21);
    size_t k;
    set_rule(t, "urgency.week_days", 0); /* at most two_weeks_days at every step */
    set_rule(t, "urgency.two_weeks_days", two);
    set_rule(t, "urgency.week_days", tu_rng_range(s, 0, two));
    for (k = 0; k < sizeof drawn / sizeof drawn[0]; k++)
        set_rule(t, drawn[k].name, tu_rng_range(s, drawn[k].lo, drawn[k].hi));
    if (tu_rng_pct(s, 30))
        set_rule(t, "freq.work_days", tu_rng_range(s, 1, 127));
    if (tu_rng_pct(s, 25)) { /* A daily, B three times a week: full days */
        set_rule(t, "freq.a_count", 7);
        set_rule(t, "freq.a_days", 7);
        set_rule(t, "freq.b_count", 3);
        set_rule(t, "freq.b_days", 7);
    }
}

/* Purchase decisions, requests and persist activities with dates inside
 * the range (and a little before), on about a fifth of the customers;
 * among them customers due now (contacted but never visited, or never
 * contacted) and complaints resolved around the range's start (care
 * contacts due before, inside or after it, with the last contact before or
 * after the care date); the number of customers changed. */
static size_t draw_dates(tt_territory *t, uint64_t *s)
{
    size_t i, n = ccad_book_count(t->book), changed = 0;
    int32_t d0 = t->options.first_day, days = t->options.days;
    for (i = 0; i < n; i++) {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        int k;
        if (!tu_rng_pct(s, 20))
            continue;
        TU_PASS(t->ctx, ccad_book_get(t->book, i, &c));
        if (tu_rng_pct(s, 60))
            c.purchase_date = d0 + (int32_t)tu_rng_range(s, -3, days + 45);
        if (tu_rng_pct(s, 40))
            c.request_date = d0 + (int32_t)tu_rng_range(s, -2, days);
        if (tu_rng_pct(s, 30) && c.last_contact != CCAD_NO_DATE)
            for (k = 0; k < 3; k++)
                c.owner_sales[k] = k == 0 ? c.last_contact - (int32_t)tu_rng_range(s, 0, 3)
                                          : c.owner_sales[k - 1] - (int32_t)tu_rng_range(s, 1, 9);
        if (tu_rng_pct(s, 25) && c.last_contact != CCAD_NO_DATE)
            c.last_visit = CCAD_NO_DATE; /* contacted, never visited: due now */
        else if (tu_rng_pct(s, 10) && c.complaint == CCAD_COMPLAINT_NONE) {
            c.last_contact = c.last_visit = c.next_step_date = CCAD_NO_DATE; /* never contacted */
            c.contacts = 0;
        }
        if (tu_rng_pct(s, 40) && c.last_contact != CCAD_NO_DATE) {
            c.complaint = CCAD_COMPLAINT_RESOLVED;
            c.complaint_date = c.last_contact - (int32_t)tu_rng_range(s, -2, 20);
            if (c.complaint_date > d0 - 1)
                c.complaint_date = d0 - 1;
        }
        changed += ccad_book_update(t->book, i, &c) == CCAD_OK;
    }
    return changed;
}

static void same_plans_as_briefing_every_day(void **state)
{
    /* CCAD_TEST_LIGHT (tests/valgrind.sh sets it): every fourth territory */
    uint64_t seed, stride = getenv("CCAD_TEST_LIGHT") != NULL ? 4 : 1;
    size_t changed = 0, items = 0, variants[4] = {0, 0, 0, 0};
    (void)state;
    for (seed = 1; seed <= TERRITORIES; seed += stride) {
        tt_territory *t = malloc(sizeof *t);
        ccad_schedule *fast = NULL, *ref = NULL;
        ccad_book *book;
        ccad_plan_options o;
        uint64_t s = tu_rng_seed(seed * 7 + 3);
        int v = (int)((seed - 1) / stride % 4); /* every variant under any stride */
        assert_non_null(t);
        tt_make(t, seed + 9000);
        o = t->options;
        if (v == 1 || v == 3) /* unrouted: the count or minute limits alone */
            o.route = o.assign_days = 0;
        o.keep_reasons = v != 3;
        if (v == 3 && tu_rng_pct(&s, 50)) { /* days that take more than FIRST_MAX */
            o.visits_per_day = 0;
            o.minutes_per_day = 1440;
        }
        draw_rules(t, &s);
        changed += draw_dates(t, &s);
        TU_PASS(t->ctx, ccad_book_grade(t->book, t->rules));
        book = v == 1 ? tt_repeated(t, 3) : t->book;
        TU_PASS(t->ctx, ccad_schedule_new(&fast, book, t->rules, &o));
        TU_PASS(t->ctx, ref_sim_schedule_new(&ref, book, t->rules, &o));
        tu_schedules_equal(fast, ref);
        ccad_schedule_free(fast);
        TU_PASS(t->ctx, dorm_sim_schedule_new(&fast, book, t->rules, &o));
        tu_schedules_equal(fast, ref);
        if (book != t->book)
            ccad_book_free(book);
        items += ccad_schedule_item_count(fast);
        variants[v]++;
        ccad_schedule_free(fast);
        ccad_schedule_free(ref);
        tt_free(t);
        free(t);
    }
    print_message("sim-events territories=%lu changed=%lu items=%lu\n",
                  (unsigned long)((TERRITORIES - 1) / stride + 1), (unsigned long)changed,
                  (unsigned long)items);
    /* the drawn dates took, and the plans are not empty */
    assert_true(changed > 100 / stride);
    assert_true(items > 1000 / stride);
    assert_true(variants[0] > 0 && variants[1] > 0 && variants[2] > 0 && variants[3] > 0);
}

/* Escalation thresholds drawn small and close together, so that waiting
 * customers cross them during the range. */
static void draw_escalation(tt_territory *t, uint64_t *s)
{
    int64_t rep = tu_rng_range(s, 1, 3), manager = rep + tu_rng_range(s, 1, 3);
    set_rule(t, "escalate.reassign_days", 366); /* each below the next, at every step */
    set_rule(t, "escalate.manager_days", 365);
    set_rule(t, "escalate.rep_days", rep);
    set_rule(t, "escalate.manager_days", manager);
    set_rule(t, "escalate.reassign_days", manager + tu_rng_range(s, 1, 4));
}

/* Plans `book` (a copy of t's, freed here) by the library, by the build
 * that keeps dormant customers in any book and by the reference; the three
 * schedules must be the same. Adds the items and the over-capacity
 * findings to *items and *over. */
static void same_three_ways(tt_territory *t, ccad_book *book, const ccad_plan_options *o,
                            size_t *items, size_t *over)
{
    ccad_schedule *fast = NULL, *dorm = NULL, *ref = NULL;
    TU_PASS(t->ctx, ccad_schedule_new(&fast, book, t->rules, o));
    TU_PASS(t->ctx, dorm_sim_schedule_new(&dorm, book, t->rules, o));
    TU_PASS(t->ctx, ref_sim_schedule_new(&ref, book, t->rules, o));
    tu_schedules_equal(dorm, ref);
    tu_schedules_equal(fast, ref);
    *items += ccad_schedule_item_count(ref);
    *over += tu_count_findings(ref, CCAD_FIND_OVER_CAPACITY, -1);
    ccad_book_free(book);
    ccad_schedule_free(fast);
    ccad_schedule_free(dorm);
    ccad_schedule_free(ref);
}

/* Books that keep many customers waiting: `copies` copies of a territory
 * planned by one rep with a few visits a day (or a short minute limit),
 * so that most due customers wait day after day and become dormant; the
 * plans of the library, of the build that keeps dormant customers in any
 * book and of the reference are the same. */
static void same_plans_with_dormant_customers(void **state)
{
    uint64_t seed, stride = getenv("CCAD_TEST_LIGHT") != NULL ? 4 : 1;
    size_t items = 0, over = 0, customers = 0, variants[4] = {0, 0, 0, 0};
    (void)state;
    for (seed = 1; seed <= TERRITORIES / 2; seed += stride) {
        tt_territory *t = malloc(sizeof *t);
        ccad_book *book;
        ccad_plan_options o;
        uint64_t s = tu_rng_seed(seed * 11 + 5);
        int v = (int)((seed - 1) / stride % 4);
        assert_non_null(t);
        tt_make(t, seed + 19000);
        o = t->options;
        if (v >= 2) /* unrouted */
            o.route = o.assign_days = 0;
        if (v == 1 || v == 3) { /* a short minute limit instead of a count */
            o.visits_per_day = 0;
            o.minutes_per_day = (int32_t)tu_rng_range(&s, 2, 4) * 60;
        } else if (v == 0) { /* routed: days that fill by the count or by the day's time */
            o.visits_per_day = (int32_t)tu_rng_range(&s, 2, 8);
            o.days = 28; /* long enough for customers never planned */
            if (tu_rng_pct(&s, 50))
                o.day_minutes = (int32_t)tu_rng_range(&s, 4, 6) * 60;
        } else {
            o.visits_per_day = (int32_t)tu_rng_range(&s, 1, 4);
        }
        o.keep_reasons = tu_rng_pct(&s, 70);
        draw_rules(t, &s);
        draw_escalation(t, &s);
        draw_dates(t, &s);
        TU_PASS(t->ctx, ccad_book_grade(t->book, t->rules));
        book = tt_repeated(t, (int)tu_rng_range(&s, 2, 5));
        customers += ccad_book_count(book);
        same_three_ways(t, book, &o, &items, &over);
        variants[v]++;
        tt_free(t);
        free(t);
    }
    print_message("dormant books customers=%lu items=%lu over-capacity=%lu\n",
                  (unsigned long)customers, (unsigned long)items, (unsigned long)over);
    assert_true(items > 1000 / stride);
    assert_true(variants[0] > 0 && variants[1] > 0 && variants[2] > 0 && variants[3] > 0);
}

/* The extremes of the rules the dormant customers' wakes read: no pulling
 * ahead or a month of it, Q4 dropped the day it first waits or the next,
 * or after a month. */
static void draw_extreme_capacity(tt_territory *t, uint64_t *s)
{
    static const int64_t pull[] = {0, 0, 1, 30}, rollover[] = {0, 1, 1, 30};
    set_rule(t, "capacity.pull_ahead_days", pull[tu_rng_range(s, 0, 3)]);
    set_rule(t, "capacity.q4_rollover_days", rollover[tu_rng_range(s, 0, 3)]);
}

/* Visit days of a single weekday (or any set) on some customers, and the
 * status, volume, capability and progress that decide triage (customers
 * persisted with, given up, let go) on others. */
static void draw_visit_days_and_triage(tt_territory *t, uint64_t *s)
{
    size_t i, n = ccad_book_count(t->book);
    for (i = 0; i < n; i++) {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        TU_PASS(t->ctx, ccad_book_get(t->book, i, &c));
        if (tu_rng_pct(s, 25))
            c.visit_days = 1u << tu_rng_range(s, 0, 6);
        else if (tu_rng_pct(s, 15))
            c.visit_days = (uint32_t)tu_rng_range(s, 1, 127);
        if (tu_rng_pct(s, 30)) {
            c.status = (int)tu_rng_range(s, CCAD_STATUS_PROSPECT, CCAD_STATUS_KEY);
            c.monthly_volume = tu_rng_range(s, -1, 10000000);
            c.capable = (int)tu_rng_range(s, 0, 1);
            c.no_progress = (uint32_t)tu_rng_range(s, 0, 6);
        }
        if (tu_rng_pct(s, 10) && c.last_contact != CCAD_NO_DATE) /* a next step inside the range */
            c.next_step_date = t->options.first_day + (int32_t)tu_rng_range(s, 0, t->options.days);
        TU_PASS(t->ctx, ccad_book_update(t->book, i, &c));
    }
}

/* Eight holidays and eight absent days drawn in the range. */
static void dense_calendar(tt_territory *t, const ccad_plan_options *o, uint64_t *s)
{
    int k;
    t->n_holiday = t->n_absent = 0;
    for (k = 0; k < TT_MAX_LIST; k++) {
        t->holiday[t->n_holiday++] = o->first_day + (int32_t)tu_rng_range(s, 0, o->days - 1);
        t->absent[t->n_absent++] = o->first_day + (int32_t)tu_rng_range(s, 0, o->days - 1);
    }
}

/* Date d moved by `by` days, no later than the calendar's last date. */
static int32_t moved(int32_t d, int32_t by)
{
    if (d == CCAD_NO_DATE)
        return d;
    return d + by > CCAD_DATE_MAX ? CCAD_DATE_MAX : d + by;
}

/* The territory moved by whole weeks so that its range ends in the
 * calendar's last week: every date of its customers and its calendar. */
static void to_the_last_week(tt_territory *t, ccad_plan_options *o)
{
    int32_t by = CCAD_DATE_MAX - (o->first_day + o->days - 1);
    size_t i, n = ccad_book_count(t->book);
    int k;
    by -= by % 7;
    for (i = 0; i < n; i++) {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        TU_PASS(t->ctx, ccad_book_get(t->book, i, &c));
        c.last_contact = moved(c.last_contact, by);
        c.last_visit = moved(c.last_visit, by);
        c.next_step_date = moved(c.next_step_date, by);
        c.purchase_date = moved(c.purchase_date, by);
        c.request_date = moved(c.request_date, by);
        c.complaint_date = moved(c.complaint_date, by);
        c.owned_since = moved(c.owned_since, by);
        c.last_entered = moved(c.last_entered, by);
        for (k = 0; k < 3; k++)
            c.owner_sales[k] = moved(c.owner_sales[k], by);
        TU_PASS(t->ctx, ccad_book_update(t->book, i, &c));
    }
    for (k = 0; k < t->n_holiday; k++)
        t->holiday[k] += by;
    for (k = 0; k < t->n_absent; k++)
        t->absent[k] += by;
    for (k = 0; k < t->n_special; k++)
        t->special[k] += by;
    o->first_day += by;
}

/* Plan options for an overloaded rep: one visit a day, a few, an hour or
 * a few, routed or not, over a week to two months or most of a year,
 * stretching or not. */
static void overloaded_options(ccad_plan_options *o, uint64_t *s, int v)
{
    if (v >= 2)
        o->route = o->assign_days = 0;
    if (v == 1 || v == 3) {
        o->visits_per_day = 0;
        o->minutes_per_day = (int32_t)tu_rng_range(s, 1, 4) * 60;
    } else {
        o->visits_per_day = (int32_t)tu_rng_range(s, 1, 4);
        o->minutes_per_day = tu_rng_pct(s, 30) ? 90 : 0;
    }
    if (tu_rng_pct(s, 20))
        o->days = (int32_t)tu_rng_range(s, 20, 60);
    else if (tu_rng_pct(s, 6)) /* more than TIDY_DAYS working days (dormant.c) */
        o->days = (int32_t)tu_rng_range(s, 300, 366);
    if (tu_rng_pct(s, 30))
        o->overload = CCAD_OVERLOAD_STRETCH;
    o->keep_reasons = tu_rng_pct(s, 70);
}

/* The dormant customers under extreme parameters: escalation thresholds
 * of a few days, pull_ahead 0 or 30, Q4 dropped after 0, 1 or 30 days,
 * one visit a day or an hour, visit days of one weekday, eight holidays
 * and eight absences in a range, dates inside the range, triage, ranges
 * ending in the calendar's last week, ranges of most of a year (the
 * classes tidied on their working-day count), the workload stretched: the library,
 * the build that keeps dormant customers in any book and the reference
 * plan the same. */
static void same_plans_under_extreme_parameters(void **state)
{
    uint64_t seed, stride = getenv("CCAD_TEST_LIGHT") != NULL ? 4 : 1;
    size_t items = 0, over = 0, variants[4] = {0, 0, 0, 0};
    (void)state;
    for (seed = 1; seed <= 2 * TERRITORIES; seed += stride) {
        tt_territory *t = malloc(sizeof *t);
        ccad_book *book;
        ccad_plan_options o;
        uint64_t s = tu_rng_seed(seed * 13 + 1);
        int v = (int)((seed - 1) / stride % 4);
        assert_non_null(t);
        tt_make(t, seed + 50000);
        o = t->options;
        overloaded_options(&o, &s, v);
        if (tu_rng_pct(&s, 40))
            dense_calendar(t, &o, &s);
        draw_rules(t, &s);
        draw_escalation(t, &s);
        draw_extreme_capacity(t, &s);
        draw_dates(t, &s);
        draw_visit_days_and_triage(t, &s);
        if (tu_rng_pct(&s, 15))
            to_the_last_week(t, &o);
        TU_PASS(t->ctx, ccad_book_grade(t->book, t->rules));
        book = tt_repeated(t, (int)tu_rng_range(&s, 1, 4));
        same_three_ways(t, book, &o, &items, &over);
        variants[v]++;
        tt_free(t);
        free(t);
    }
    print_message("extreme books items=%lu over-capacity=%lu\n", (unsigned long)items,
                  (unsigned long)over);
    assert_true(items > 1000 / stride);
    assert_true(over > 1000 / stride); /* overloaded: customers waited */
    assert_true(variants[0] > 0 && variants[1] > 0 && variants[2] > 0 && variants[3] > 0);
}

/* A book of more than 16,384 customers, the size from which the day loop
 * starts loading the records it will read a few customers ahead
 * (simulate.c, FAR_BOOK): the same plans as the reference, unrouted under
 * a minute limit so that most customers wait and the book-order pass and
 * the ordered heap run too. The hints change no value; this runs their
 * code under the sanitizers and valgrind. */
static void same_plans_in_a_far_book(void **state)
{
    tt_territory *t = malloc(sizeof *t);
    ccad_schedule *fast = NULL, *ref = NULL;
    ccad_book *book;
    ccad_plan_options o;
    uint64_t s = tu_rng_seed(77);
    int copies;
    (void)state;
    assert_non_null(t);
    tt_make(t, 9077);
    o = t->options;
    o.route = o.assign_days = 0;
    o.days = 14;
    o.minutes_per_day = 240;
    draw_rules(t, &s);
    set_rule(t, "capacity.delegate_q3", 1); /* delegated Q3 contacts: the ordered heap */
    draw_dates(t, &s);
    TU_PASS(t->ctx, ccad_book_grade(t->book, t->rules));
    copies = (int)(16384 / ccad_book_count(t->book)) + 1;
    book = tt_repeated(t, copies);
    assert_true(ccad_book_count(book) > 16384);
    TU_PASS(t->ctx, ccad_schedule_new(&fast, book, t->rules, &o));
    TU_PASS(t->ctx, ref_sim_schedule_new(&ref, book, t->rules, &o));
    tu_schedules_equal(fast, ref);
    assert_true(ccad_schedule_item_count(fast) > 0);
    print_message("far book customers=%lu items=%lu\n", (unsigned long)ccad_book_count(book),
                  (unsigned long)ccad_schedule_item_count(fast));
    ccad_schedule_free(fast);
    ccad_schedule_free(ref);
    ccad_book_free(book);
    tt_free(t);
    free(t);
}

/* The territory's customers split between two reps, every third to the
 * second, each book graded: a team under the territory's calendar. */
static void make_team(tt_territory *t, const ccad_plan_options *o, ccad_book *book[2],
                      ccad_team **team)
{
    static const char *const ids[2] = {"rep-a", "rep-b"};
    ccad_team_options to = CCAD_TEAM_OPTIONS_INIT;
    size_t i, n = ccad_book_count(t->book);
    int r;
    for (r = 0; r < 2; r++)
        TU_PASS(t->ctx, ccad_book_new(&book[r], t->ctx, n));
    for (i = 0; i < n; i++) {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        TU_PASS(t->ctx, ccad_book_get(t->book, i, &c));
        TU_PASS(t->ctx, ccad_book_add(book[i % 3 == 2], &c, NULL));
    }
    TU_PASS(t->ctx, ccad_team_new(team, t->ctx, &to));
    for (r = 0; r < 2; r++) {
        ccad_rep rep = CCAD_REP_INIT;
        rep.id = ids[r];
        rep.base_x = o->base_x;
        rep.base_y = o->base_y;
        rep.visits_per_day = o->visits_per_day;
        rep.minutes_per_day = o->minutes_per_day;
        rep.day_start_min = o->day_start_min;
        rep.day_minutes = o->day_minutes;
        TU_PASS(t->ctx, ccad_book_grade(book[r], t->rules));
        TU_PASS(t->ctx, ccad_team_add(*team, &rep, book[r]));
    }
}

/* Team plans: each rep's plan, then the team's own pass (delegated items
 * to teammates), equal to the reference build's. */
static void same_team_plans_as_briefing_every_day(void **state)
{
    uint64_t seed, stride = getenv("CCAD_TEST_LIGHT") != NULL ? 4 : 1;
    size_t items = 0;
    (void)state;
    for (seed = 1; seed <= TERRITORIES / 4; seed += stride) {
        tt_territory *t = malloc(sizeof *t);
        ccad_team_schedule *fast = NULL, *ref = NULL;
        ccad_book *book[2];
        ccad_team *team = NULL;
        ccad_plan_options o;
        uint64_t s = tu_rng_seed(seed * 11 + 5);
        size_t r;
        assert_non_null(t);
        tt_make(t, seed + 19000);
        o = t->options;
        if ((seed - 1) / stride % 2)
            o.route = o.assign_days = 0;
        draw_rules(t, &s);
        (void)draw_dates(t, &s);
        make_team(t, &o, book, &team);
        TU_PASS(t->ctx, ccad_team_schedule_new(&fast, team, t->rules, &o));
        TU_PASS(t->ctx, ref_sim_team_schedule_new(&ref, team, t->rules, &o));
        for (r = 0; r < 2; r++)
            tu_schedules_equal(ccad_team_schedule_rep(fast, r), ccad_team_schedule_rep(ref, r));
        assert_true(tu_team_same(fast, ref));
        items += ccad_team_schedule_item_count(fast);
        ccad_team_schedule_free(fast);
        ccad_team_schedule_free(ref);
        ccad_team_free(team);
        ccad_book_free(book[0]);
        ccad_book_free(book[1]);
        tt_free(t);
        free(t);
    }
    print_message("sim-events teams=%lu items=%lu\n",
                  (unsigned long)((TERRITORIES / 4 - 1) / stride + 1), (unsigned long)items);
    assert_true(items > 200 / stride);
}

/* Customers due now on the range's last day, 9999-12-31 (a Friday), under
 * freq.work_days Monday to Thursday and the default calendar (which works
 * that Friday): the next working weekday lies past the last date, so the
 * due date is clamped to it, the day of the brief itself, and they are
 * candidates that day. Three never-contacted customers (due now) and one
 * visit a day: the two that wait on Thursday are due again on Friday and
 * find no room there either (an over-capacity finding each day), as in
 * the reference build. A brief kept as due now (MEMO_DUE_NOW) must clamp
 * its due date as the brief does. */
static void due_now_on_the_last_date(void **state)
{
    tu_fixture *f = *state;
    ccad_plan_options o = CCAD_PLAN_OPTIONS_INIT;
    ccad_schedule *fast = NULL, *ref = NULL;
    static const char *const ids[3] = {"c1", "c2", "c3"};
    int k;
    assert_int_equal(tu_weekday(CCAD_DATE_MAX), 5);
    TU_PASS(f->ctx, ccad_rules_set(f->r, "freq.work_days", 15));
    for (k = 0; k < 3; k++) {
        tu_cust_spec spec = {ids[k], CCAD_GRADE_B, CCAD_STATUS_PROSPECT, 1000, CCAD_NO_DATE, 0};
        ccad_customer c = tu_customer(&spec);
        TU_PASS(f->ctx, ccad_book_add(f->b, &c, NULL));
    }
    TU_PASS(f->ctx, ccad_book_grade(f->b, f->r));
    o.first_day = CCAD_DATE_MAX - 1;
    o.days = 2;
    o.visits_per_day = 1;
    o.route = o.assign_days = 0;
    TU_PASS(f->ctx, ccad_schedule_new(&fast, f->b, f->r, &o));
    TU_PASS(f->ctx, ref_sim_schedule_new(&ref, f->b, f->r, &o));
    assert_int_equal(ccad_schedule_item_count(ref), 2);
    assert_int_equal(tu_count_findings(ref, CCAD_FIND_OVER_CAPACITY, -1), 2);
    tu_schedules_equal(fast, ref);
    ccad_schedule_free(fast);
    ccad_schedule_free(ref);
}

/* The last days of the calendar swept: ranges of 1 to 12 days ending on
 * 9999-12-31, under every set of working weekdays (freq.work_days), both
 * clocks, and customers never contacted, contacted but never visited and
 * visited, one visit a day; each plan equals the reference build's. */
static void same_plans_up_to_the_last_date(void **state)
{
    tu_fixture *f = *state;
    int mask, off, k, clk;
    for (clk = 0; clk < 2; clk++)
        for (mask = 1; mask < 128; mask++)
            for (off = 0; off < 12; off++) {
                ccad_book *b = NULL;
                ccad_plan_options o = CCAD_PLAN_OPTIONS_INIT;
                ccad_schedule *fast = NULL, *ref = NULL;
                TU_PASS(f->ctx, ccad_rules_set(f->r, "freq.work_days", mask));
                TU_PASS(f->ctx, ccad_rules_set(f->r, "clock.any_contact", clk));
                TU_PASS(f->ctx, ccad_book_new(&b, f->ctx, 8));
                for (k = 0; k < 5; k++) {
                    char id[8];
                    tu_cust_spec spec = {id,
                                         CCAD_GRADE_A + k % 3,
                                         CCAD_STATUS_ACTIVE,
                                         1000 + k,
                                         k < 2 ? CCAD_NO_DATE : CCAD_DATE_MAX - 20 - 3 * k,
                                         k < 2 ? 0u : 3u};
                    ccad_customer c;
                    snprintf(id, sizeof id, "c%d", k);
                    c = tu_customer(&spec);
                    if (k == 2 || k == 3)
                        c.last_visit = CCAD_NO_DATE; /* contacted, never visited */
                    TU_PASS(f->ctx, ccad_book_add(b, &c, NULL));
                }
                TU_PASS(f->ctx, ccad_book_grade(b, f->r));
                o.first_day = CCAD_DATE_MAX - off;
                o.days = off + 1;
                o.visits_per_day = 1;
                o.route = o.assign_days = 0;
                TU_PASS(f->ctx, ccad_schedule_new(&fast, b, f->r, &o));
                TU_PASS(f->ctx, ref_sim_schedule_new(&ref, b, f->r, &o));
                tu_schedules_equal(fast, ref);
                ccad_schedule_free(fast);
                ccad_schedule_free(ref);
                ccad_book_free(b);
            }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(same_plans_as_briefing_every_day),
        cmocka_unit_test(same_team_plans_as_briefing_every_day),
        cmocka_unit_test(same_plans_in_a_far_book),
        cmocka_unit_test(same_plans_with_dormant_customers),
        cmocka_unit_test(same_plans_under_extreme_parameters),
        cmocka_unit_test_setup_teardown(same_plans_up_to_the_last_date, tu_fixture_setup,
                                        tu_fixture_teardown),
        cmocka_unit_test_setup_teardown(due_now_on_the_last_date, tu_fixture_setup,
                                        tu_fixture_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
