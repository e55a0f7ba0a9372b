/* Benchmark of team planning against planning the same reps one by one, in
 * one run. Run by hand from a Release build:
 *
 *   cmake -DCMAKE_BUILD_TYPE=Release -B build-rel -S . && cmake --build build-rel
 *   ./build-rel/tests/bench-team [REPS CUSTOMERS DAYS]...
 *
 * Without arguments: the bundled team itself (examples/data/team-*.csv,
 * loaded and planned as ccad-team does, from 2026-11-23), its shape
 * generated (5 reps x 300 customers, one routed week) and 100 reps x 300
 * customers over four routed weeks. Each generated team is generated with a fixed seed (reps in one city, working customers
 * around each base (six in ten worked), a few small customers asking for a visit, a rep away
 * two days a week). One line per team:
 *   team reps=R customers=C days=D one_by_one_ms=A team_ms=B ratio=B/A
 *        delegated=N carried=K
 * one_by_one: ccad_schedule_new() for each rep (its base, limits, day and
 * calendar); team: ccad_team_schedule_new() for the whole team. Each time
 * is the best of five runs. Never fails on timing. */
#define _POSIX_C_SOURCE 199309L

#include "custcadence.h"
#include "tu_rng.h"
#include "datadir.h"
#include "plan.h"
#include "team.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAXREPS 200

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void die(const char *what, int rc, ccad_ctx *ctx)
{
    fprintf(stderr, "bench-team: %s: %s (%s)\n", what, ccad_strerror(rc), ccad_ctx_errmsg(ctx));
    exit(1);
}

struct bench {
    ccad_ctx *ctx;
    ccad_rules *rules;
    size_t n;
    ccad_book *book[MAXREPS];
    ccad_rep rep[MAXREPS];
    char id[MAXREPS][16];
    int32_t d0;
    size_t calendar_rep; /* the rep whose calendar the context callback answers for */
};

/* Every fifth rep is away on Tuesday and Wednesday. */
static uint32_t flags_of(const char *rep_id, int32_t day)
{
    int wd = 0;
    uint32_t f;
    (void)ccad_date_weekday(&wd, day);
    f = wd <= 5 ? CCAD_DAY_WORKING : 0;
    if ((wd == 2 || wd == 3) && atoi(rep_id + 1) % 5 == 0)
        f |= CCAD_DAY_ABSENT;
    return f;
}

static int team_cal(void *user, const char *rep_id, int32_t day, uint32_t *out)
{
    (void)user;
    *out = flags_of(rep_id, day);
    return 0;
}

static int ctx_cal(void *user, int32_t day, uint32_t *out)
{
    struct bench *B = user;
    *out = flags_of(B->id[B->calendar_rep], day);
    return 0;
}

static void gen_book(struct bench *B, size_t r, uint64_t *s, size_t n)
{
    size_t i;
    int rc;
    char id[32];
    if ((rc = ccad_book_new(&B->book[r], B->ctx, n)) != CCAD_OK)
        die("book", rc, B->ctx);
    for (i = 0; i < n; i++) {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        int64_t k = tu_rng_range(s, 0, 99);
        snprintf(id, sizeof id, "%s-%04u", B->id[r], (unsigned)i);
        c.id = id;
        c.value = k < 15 ? tu_rng_range(s, 5000000, 50000000) : tu_rng_range(s, 0, 3000000);
        c.status = k < 30   ? CCAD_STATUS_ACTIVE
                   : k < 60 ? CCAD_STATUS_PROSPECT
                            : CCAD_STATUS_RELEASED;
        c.last_contact = c.last_visit = B->d0 - (int32_t)tu_rng_range(s, 1, 14);
        c.contacts = (uint32_t)tu_rng_range(s, 1, 12);
        if (tu_rng_range(s, 0, 99) < 6)
            c.request_date = B->d0 + (int32_t)tu_rng_range(s, 0, 20);
        if (tu_rng_range(s, 0, 99) < 8)
            c.purchase_date = B->d0 + (int32_t)tu_rng_range(s, 0, 20);
        c.has_location = 1;
        c.x = B->rep[r].base_x + (double)tu_rng_range(s, -300, 300) / 10000.0;
        c.y = B->rep[r].base_y + (double)tu_rng_range(s, -300, 300) / 10000.0;
        if ((rc = ccad_book_add(B->book[r], &c, NULL)) != CCAD_OK)
            die("add", rc, B->ctx);
    }
    if ((rc = ccad_book_grade(B->book[r], B->rules)) != CCAD_OK)
        die("grade", rc, B->ctx);
}

static void gen(struct bench *B, size_t reps, size_t customers)
{
    ccad_host h = CCAD_HOST_INIT;
    uint64_t s = UINT64_C(0x9E3779B97F4A7C15) ^ reps ^ (customers << 20);
    size_t r;
    int rc;
    memset(B, 0, sizeof *B);
    h.user = B;
    h.calendar = ctx_cal;
    if (ccad_ctx_new(&B->ctx, &h) != CCAD_OK || ccad_rules_new(&B->rules, B->ctx) != CCAD_OK)
        die("ctx", CCAD_ENOMEM, B->ctx);
    (void)ccad_date_from_ymd(&B->d0, 2026, 11, 23);
    B->n = reps;
    for (r = 0; r < reps; r++) {
        ccad_rep p = CCAD_REP_INIT;
        snprintf(B->id[r], sizeof B->id[r], "r%03u", (unsigned)r);
        p.id = B->id[r];
        p.base_x = 121.40 + (double)tu_rng_range(&s, -800, 800) / 10000.0;
        p.base_y = 31.20 + (double)tu_rng_range(&s, -800, 800) / 10000.0;
        p.visits_per_day = (int32_t)tu_rng_range(&s, 6, 10);
        p.minutes_per_day = 480;
        p.day_start_min = 480;
        p.day_minutes = 540;
        B->rep[r] = p;
        gen_book(B, r, &s, customers);
    }
    (void)rc;
}

static ccad_plan_options options(const struct bench *B, int32_t days)
{
    ccad_plan_options o = CCAD_PLAN_OPTIONS_INIT;
    o.first_day = B->d0;
    o.days = days;
    o.route = 1;
    o.assign_days = 1;
    o.metric = CCAD_METRIC_GEO;
    o.units_per_minute = 500.0;
    o.effort = 5;
    o.keep_reasons = 1;
    return o;
}

static double one_by_one(struct bench *B, int32_t days, size_t *delegated)
{
    double t0 = now_ms();
    size_t r, i;
    *delegated = 0;
    for (r = 0; r < B->n; r++) {
        ccad_plan_options o = options(B, days);
        ccad_schedule *sc = NULL;
        int rc;
        o.base_x = B->rep[r].base_x;
        o.base_y = B->rep[r].base_y;
        o.visits_per_day = B->rep[r].visits_per_day;
        o.minutes_per_day = B->rep[r].minutes_per_day;
        o.day_start_min = B->rep[r].day_start_min;
        o.day_minutes = B->rep[r].day_minutes;
        B->calendar_rep = r;
        if ((rc = ccad_schedule_new(&sc, B->book[r], B->rules, &o)) != CCAD_OK)
            die("schedule", rc, B->ctx);
        for (i = 0; i < ccad_schedule_item_count(sc); i++) {
            ccad_item it = CCAD_ITEM_INIT;
            (void)ccad_schedule_item(sc, i, &it);
            *delegated += it.delegated != CCAD_BY_REP;
        }
        ccad_schedule_free(sc);
    }
    return now_ms() - t0;
}

static double team(struct bench *B, int32_t days, size_t *carried)
{
    ccad_team_options to = CCAD_TEAM_OPTIONS_INIT;
    ccad_plan_options o = options(B, days);
    ccad_team *t = NULL;
    ccad_team_schedule *ts = NULL;
    double t0;
    size_t r, i;
    int rc;
    to.calendar = team_cal;
    if ((rc = ccad_team_new(&t, B->ctx, &to)) != CCAD_OK)
        die("team", rc, B->ctx);
    for (r = 0; r < B->n; r++)
        if ((rc = ccad_team_add(t, &B->rep[r], B->book[r])) != CCAD_OK)
            die("team_add", rc, B->ctx);
    t0 = now_ms();
    if ((rc = ccad_team_schedule_new(&ts, t, B->rules, &o)) != CCAD_OK)
        die("team_schedule", rc, B->ctx);
    t0 = now_ms() - t0;
    *carried = 0;
    for (i = 0; i < ccad_team_schedule_item_count(ts); i++) {
        ccad_team_item x = CCAD_TEAM_ITEM_INIT;
        (void)ccad_team_schedule_item(ts, i, &x);
        *carried += x.carrier != x.owner;
    }
    ccad_team_schedule_free(ts);
    ccad_team_free(t);
    return t0;
}

static void run(size_t reps, size_t customers, int32_t days)
{
    struct bench *B = malloc(sizeof *B);
    double a = 1e300, b = 1e300;
    size_t delegated = 0, carried = 0, r;
    int k;
    if (B == NULL || reps < 1 || reps > MAXREPS) {
        fprintf(stderr, "bench-team: 1..%d reps\n", MAXREPS);
        exit(1);
    }
    gen(B, reps, customers);
    for (k = 0; k < 5; k++) {
        double x = one_by_one(B, days, &delegated), y = team(B, days, &carried);
        a = x < a ? x : a;
        b = y < b ? y : b;
    }
    printf("team reps=%lu customers=%lu days=%ld one_by_one_ms=%.1f team_ms=%.1f ratio=%.3f "
           "delegated=%lu carried=%lu\n",
           (unsigned long)reps, (unsigned long)customers, (long)days, a, b, b / a,
           (unsigned long)delegated, (unsigned long)carried);
    for (r = 0; r < reps; r++)
        ccad_book_free(B->book[r]);
    ccad_rules_free(B->rules);
    ccad_ctx_free(B->ctx);
    free(B);
}

/* The bundled team, as ccad-team plans it; one-by-one plans use the same
 * calendar through the context, for the rep being planned. */
struct bundled {
    ccex_team_in in;
    const char *current;
};

static int bundled_cal(void *user, int32_t day, uint32_t *out)
{
    struct bundled *b = user;
    return ccex_team_calendar(&b->in, b->current, day, out);
}

static ccad_plan_options bundled_options(const ccex_rep *p, int32_t d0)
{
    ccad_plan_options o = CCAD_PLAN_OPTIONS_INIT;
    ccad_rep r = ccex_rep_of(p);
    o.first_day = d0;
    o.route = 1;
    o.assign_days = 1;
    o.metric = CCAD_METRIC_GEO;
    o.units_per_minute = CCEX_SPEED_M_PER_MIN;
    o.base_x = r.base_x;
    o.base_y = r.base_y;
    o.visits_per_day = r.visits_per_day;
    o.minutes_per_day = r.minutes_per_day;
    o.day_start_min = r.day_start_min;
    o.day_minutes = r.day_minutes;
    return o;
}

static double bundled_team_ms(struct bundled *bd, ccad_ctx *ctx, ccad_rules *rules, int32_t d0)
{
    ccad_team_options to = CCAD_TEAM_OPTIONS_INIT;
    ccad_plan_options o = bundled_options(&bd->in.rep[0], d0);
    ccad_team *t = NULL;
    ccad_team_schedule *ts = NULL;
    size_t k;
    double t0;
    to.user = &bd->in;
    to.calendar = ccex_team_calendar;
    if (ccad_team_new(&t, ctx, &to) != CCAD_OK)
        die("team", CCAD_ENOMEM, ctx);
    for (k = 0; k < bd->in.n; k++) {
        ccad_rep r = ccex_rep_of(&bd->in.rep[k]);
        if (ccad_team_add(t, &r, bd->in.rep[k].book) != CCAD_OK)
            die("team_add", CCAD_EINVAL, ctx);
    }
    t0 = now_ms();
    if (ccad_team_schedule_new(&ts, t, rules, &o) != CCAD_OK)
        die("team_schedule", CCAD_EINVAL, ctx);
    t0 = now_ms() - t0;
    ccad_team_schedule_free(ts);
    ccad_team_free(t);
    return t0;
}

static void run_bundled(void)
{
    static char reps[4096], customers[4096];
    struct bundled bd;
    ccad_host h = CCAD_HOST_INIT;
    ccad_ctx *ctx = NULL;
    ccad_rules *rules = NULL;
    ccex_customers cs;
    ccex_err err;
    double a = 1e300, b = 1e300;
    int32_t d0 = 0;
    size_t k, n = 0;
    int round;
    memset(&bd, 0, sizeof bd);
    h.user = &bd;
    h.calendar = bundled_cal;
    (void)ccad_date_from_ymd(&d0, 2026, 11, 23);
    if (ccex_data_path(reps, sizeof reps, "team-reps.csv", "bench-team") != 0 ||
        ccex_data_path(customers, sizeof customers, "team-customers.csv", "bench-team") != 0)
        exit(1);
    if (ccad_ctx_new(&ctx, &h) != CCAD_OK || ccad_rules_new(&rules, ctx) != CCAD_OK ||
        ccex_load_reps(&bd.in, reps, &err) != CCEX_OK ||
        ccex_load_customers(&cs, ctx, customers, &err) != CCEX_OK ||
        ccex_split_by_owner(&bd.in, &cs, ctx, &err) != CCEX_OK) {
        fprintf(stderr, "bench-team: %s\n", err.msg);
        exit(1);
    }
    for (k = 0; k < bd.in.n; k++) {
        n += ccad_book_count(bd.in.rep[k].book);
        if (ccad_book_grade(bd.in.rep[k].book, rules) != CCAD_OK)
            die("grade", CCAD_EINVAL, ctx);
    }
    for (round = 0; round < 5; round++) {
        double t0 = now_ms(), y;
        for (k = 0; k < bd.in.n; k++) {
            ccad_plan_options o = bundled_options(&bd.in.rep[k], d0);
            ccad_schedule *sc = NULL;
            bd.current = bd.in.rep[k].id;
            if (ccad_schedule_new(&sc, bd.in.rep[k].book, rules, &o) != CCAD_OK)
                die("schedule", CCAD_EINVAL, ctx);
            ccad_schedule_free(sc);
        }
        t0 = now_ms() - t0;
        y = bundled_team_ms(&bd, ctx, rules, d0);
        a = t0 < a ? t0 : a;
        b = y < b ? y : b;
    }
    printf("team bundled reps=%lu customers=%lu days=7 one_by_one_ms=%.1f team_ms=%.1f "
           "ratio=%.3f\n",
           (unsigned long)bd.in.n, (unsigned long)n, a, b, b / a);
    ccex_team_in_free(&bd.in);
    ccex_customers_free(&cs);
    ccad_rules_free(rules);
    ccad_ctx_free(ctx);
}

int main(int argc, char **argv)
{
    int i;
    ccex_data_init(argv[0]);
    if (argc > 1) {
        for (i = 1; i + 2 < argc; i += 3)
            run((size_t)atol(argv[i]), (size_t)atol(argv[i + 1]), (int32_t)atol(argv[i + 2]));
        return 0;
    }
    run_bundled();
    run(5, 300, 7);
    run(100, 300, 28);
    return 0;
}
