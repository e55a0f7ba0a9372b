/* Benchmark of routed weekly planning: one week (Monday to Friday) for a
 * generated territory of 300 customers in a fictional city (great-circle
 * coordinates around 31.2 N, 121.4 E, within about 15 km of the base, in a
 * few clusters), graded 15 % A, 25 % B, 60 % C by value (seed 004's market
 * platform). Run by hand from a Release build:
 *
 *   cmake -DCMAKE_BUILD_TYPE=Release -B build-rel -S . && cmake --build build-rel
 *   ./build-rel/tests/bench-week
 *
 * About two customers in three are released (RELEASED_PCT 67: not
 * planned), so the week has spare capacity and weekly assignment room to
 * move visits: visits_per_day 0, minutes_per_day 1440 (MINUTES_PER_DAY;
 * no limit binds), the day 08:00-17:00 (day_minutes 540), GEO metric at
 * 500 m a minute (30 km/h). With -DRELEASED_PCT=0 -DMINUTES_PER_DAY=480
 * every day is full and nothing can move. Figures:
 *
 *   week customers=300 visits=N travel_m=T ms=M mode=assign moved=K  (route=1, assign_days=1;
 *        K visits moved to another day)
 *   week customers=300 visits=N travel_m=T ms=M mode=plain   (route=1, assign_days=0)
 *   week customers=300 visits=N travel_m=T ms=M mode=naive   (plain's visits dealt
 *        round-robin over the week's working days in customer order, each day
 *        routed with ccad_route_solve)
 *   week ratio assign/naive=R plain/naive=R
 *
 * Visits are the routed stops (calls are not stops). travel_m is the sum
 * over the days of the closed tour from the base in seq order (great-circle metres, as the GEO metric measures them). The data is
 * generated with a fixed seed, so every figure but ms is the same on every
 * run. Never fails on timing.
 *
 * Mode "territory": the bundled territory as ccad-plan plans it.
 *
 *   ./build/rel/tests/bench-week territory [DAYS ...]   (default: 28 7)
 *
 * Loads examples/data/territory.csv and contacts.csv with the examples'
 * loader (examples/common, built into this program) and plans from
 * 2026-11-23 exactly as ccad-plan does (ccex_plan_make: capacity 8 visits
 * and 480 service minutes a day, GEO metric, 30 km/h, base at the
 * territory's centroid, 08:00-17:00, route and assign_days on). One line
 * per DAYS:
 *
 *   territory days=28 stops=S travel_min=T min_per_stop=R back_after_end=B
 *        outside_visit_days=V outside_hours=H late=L gap_findings=G moved=M ms=X
 *
 *   stops               routed stops (sum of ccad_day.stops)
 *   travel_min          sum of ccad_day.travel_min (the way back included)
 *   min_per_stop        travel_min / stops
 *   back_after_end      days whose ccad_day.back_min is after 17:00
 *   outside_visit_days  visits, persist days and care contacts (by anyone)
 *                       on a weekday outside the customer's visit_days
 *   outside_hours       stops with eta_min < visit_open_min or depart_min >
 *                       visit_close_min (territory.csv sets no visit hours,
 *                       so this is 0 unless the file gains them)
 *   late                items with late = 1
 *   gap_findings        CCAD_FIND_GAP findings
 *   moved               items moved by weekly assignment (reason ROUTE_DAY)
 *
 * docs/performance.md ("Week plans on the bundled territory") keeps the
 * figures. */
#define _POSIX_C_SOURCE 199309L

#include "custcadence.h"
#include "tu_rng.h"
#include "plan.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define N_CUST 300
#ifndef RELEASED_PCT
#define RELEASED_PCT 67 /* customers released to colleagues: not planned */
#endif
#ifndef MINUTES_PER_DAY
#define MINUTES_PER_DAY 1440 /* no binding limit: the week has room */
#endif
#define DAYS 5
#define BASE_X 121.4
#define BASE_Y 31.2

/* Roughly normal in [-1, 1] (sum of uniforms). */
static double rng_spread(uint64_t *s)
{
    int k;
    double v = 0;
    for (k = 0; k < 4; k++)
        v += (double)tu_rng_range(s, -1000, 1000) / 1000.0;
    return v / 4.0;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void die(const char *what, int rc, ccad_ctx *ctx)
{
    fprintf(stderr, "bench-week: %s: %s (%s)\n", what, ccad_strerror(rc), ccad_ctx_errmsg(ctx));
    exit(1);
}

/* Great-circle metres as CCAD_METRIC_GEO measures them (chord on the unit
 * sphere, radius 6371008.8 m, rounded). */
static int64_t geo_m(double x1, double y1, double x2, double y2)
{
    const double pi = 3.14159265358979323846, r = 6371008.8;
    double la1 = y1 * (pi / 180.0), lo1 = x1 * (pi / 180.0);
    double la2 = y2 * (pi / 180.0), lo2 = x2 * (pi / 180.0);
    double dx = cos(la1) * cos(lo1) - cos(la2) * cos(lo2);
    double dy = cos(la1) * sin(lo1) - cos(la2) * sin(lo2);
    double dz = sin(la1) - sin(la2);
    double chord = sqrt(dx * dx + dy * dy + dz * dz);
    if (chord > 2.0)
        chord = 2.0;
    return (int64_t)(2.0 * asin(chord / 2.0) * r + 0.5);
}

static ccad_book *gen_territory(ccad_ctx *ctx, const ccad_rules *r, int32_t d0)
{
    /* four districts: centre offsets in degrees (about 9 km at most) */
    static const double cx[4] = {-0.08, 0.07, 0.02, -0.03}, cy[4] = {0.05, 0.06, -0.07, -0.02};
    uint64_t s = UINT64_C(0x3ee4);
    ccad_book *b = NULL;
    char id[32];
    int i, rc;
    if ((rc = ccad_book_new(&b, ctx, N_CUST)) != CCAD_OK)
        die("ccad_book_new", rc, ctx);
    for (i = 0; i < N_CUST; i++) {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        int64_t k = tu_rng_range(&s, 0, 99);
        int d = (int)tu_rng_range(&s, 0, 3);
        snprintf(id, sizeof id, "w%03d", i);
        c.id = id;
        /* values: a few large accounts carry most of the value */
        c.value = k < 15   ? tu_rng_range(&s, 5000000, 50000000)
                  : k < 40 ? tu_rng_range(&s, 1000000, 5000000)
                           : tu_rng_range(&s, 0, 1000000);
        c.status = tu_rng_range(&s, 0, 99) < 60 ? CCAD_STATUS_PROSPECT : CCAD_STATUS_ACTIVE;
        if (tu_rng_range(&s, 0, 99) < RELEASED_PCT)
            c.status = CCAD_STATUS_RELEASED; /* not planned: room in the week */
        c.last_contact = d0 - (int32_t)tu_rng_range(&s, 1, 28);
        c.last_visit = c.last_contact;
        c.contacts = (uint32_t)tu_rng_range(&s, 1, 12);
        if (tu_rng_range(&s, 0, 99) < 3)
            c.purchase_date = d0 + (int32_t)tu_rng_range(&s, 2, 20);
        c.has_location = 1;
        c.x = BASE_X + cx[d] + 0.035 * rng_spread(&s);
        c.y = BASE_Y + cy[d] + 0.03 * rng_spread(&s);
        if ((rc = ccad_book_add(b, &c, NULL)) != CCAD_OK)
            die("ccad_book_add", rc, ctx);
    }
    if ((rc = ccad_book_grade(b, r)) != CCAD_OK)
        die("ccad_book_grade", rc, ctx);
    return b;
}

/* Stops: the rep's visits, persist days and care contacts (calls and
 * touches are made from anywhere). */
static int routed(const ccad_item *it)
{
    return it->delegated == CCAD_BY_REP && it->kind != CCAD_ITEM_TOUCH &&
           it->kind != CCAD_ITEM_CALL;
}

/* Sum over the days of the closed tour from the base in seq order. */
static int64_t travel_of(const ccad_book *b, const ccad_schedule *s, int32_t d0, size_t *visits)
{
    int64_t total = 0;
    int day;
    *visits = 0;
    for (day = 0; day < DAYS; day++) {
        double px = BASE_X, py = BASE_Y;
        int32_t seq;
        for (seq = 1;; seq++) {
            size_t i;
            int found = 0;
            for (i = 0; i < ccad_schedule_item_count(s) && !found; i++) {
                ccad_item it = CCAD_ITEM_INIT;
                ccad_customer c = CCAD_CUSTOMER_INIT;
                ccad_schedule_item(s, i, &it);
                if (it.date != d0 + day || !routed(&it) || it.seq != seq)
                    continue;
                ccad_book_get(b, it.customer, &c);
                total += geo_m(px, py, c.x, c.y);
                px = c.x;
                py = c.y;
                found = 1;
                (*visits)++;
            }
            if (!found)
                break;
        }
        total += geo_m(px, py, BASE_X, BASE_Y);
    }
    return total;
}

static ccad_schedule *plan(ccad_ctx *ctx, const ccad_book *b, const ccad_rules *r, int32_t d0,
                           int assign, double *ms)
{
    ccad_plan_options o = CCAD_PLAN_OPTIONS_INIT;
    ccad_schedule *s = NULL;
    double t0;
    int rc;
    o.first_day = d0;
    o.days = DAYS;
    o.visits_per_day = 0;
    o.minutes_per_day = MINUTES_PER_DAY;
    o.route = 1;
    o.assign_days = assign;
    o.metric = CCAD_METRIC_GEO;
    o.base_x = BASE_X;
    o.base_y = BASE_Y;
    o.units_per_minute = 500.0;
    o.day_start_min = 480;
    o.day_minutes = 540;
    o.seed = 1;
    o.effort = 20;
    t0 = now_ms();
    rc = ccad_schedule_new(&s, b, r, &o);
    *ms = now_ms() - t0;
    if (rc != CCAD_OK)
        die("ccad_schedule_new", rc, ctx);
    return s;
}

/* The plain plan's routed visits dealt round-robin over the days in
 * customer order, each day routed with ccad_route_solve. */
static int64_t naive(ccad_ctx *ctx, const ccad_book *b, const ccad_schedule *plain, size_t *visits,
                     double *ms)
{
    size_t n = ccad_schedule_item_count(plain), i, m = 0;
    uint32_t *who = malloc((n + 1) * sizeof *who), *order = malloc((n + 1) * sizeof *order);
    double *xs = malloc((n + 1) * sizeof *xs), *ys = malloc((n + 1) * sizeof *ys);
    ccad_route_options ro = CCAD_ROUTE_OPTIONS_INIT;
    int64_t total = 0;
    double t0;
    int day, rc;
    if (who == NULL || order == NULL || xs == NULL || ys == NULL) {
        fprintf(stderr, "bench-week: out of memory\n");
        exit(1);
    }
    for (i = 0; i < n; i++) {
        ccad_item it = CCAD_ITEM_INIT;
        ccad_schedule_item(plain, i, &it);
        if (routed(&it))
            who[m++] = it.customer;
    }
    /* customer order (a customer seen twice keeps both visits) */
    for (i = 1; i < m; i++) {
        uint32_t v = who[i];
        size_t j = i;
        while (j > 0 && who[j - 1] > v) {
            who[j] = who[j - 1];
            j--;
        }
        who[j] = v;
    }
    ro.metric = CCAD_METRIC_GEO;
    ro.closed = 1;
    ro.seed = 1;
    ro.effort = 20;
    t0 = now_ms();
    for (day = 0; day < DAYS; day++) {
        size_t k = 1;
        int64_t cost = 0;
        xs[0] = BASE_X;
        ys[0] = BASE_Y;
        for (i = (size_t)day; i < m; i += DAYS) {
            ccad_customer c = CCAD_CUSTOMER_INIT;
            ccad_book_get(b, who[i], &c);
            xs[k] = c.x;
            ys[k] = c.y;
            k++;
        }
        if ((rc = ccad_route_solve(ctx, xs, ys, k, &ro, order, &cost)) != CCAD_OK)
            die("ccad_route_solve", rc, ctx);
        total += cost;
    }
    *ms = now_ms() - t0;
    *visits = m;
    free(who);
    free(order);
    free(xs);
    free(ys);
    return total;
}

/* ---------------------------------------------------------------------- */
/* Mode "territory": the bundled territory, planned as ccad-plan plans it. */

static int in_person(const ccad_item *it)
{
    return it->kind == CCAD_ITEM_VISIT || it->kind == CCAD_ITEM_PERSIST ||
           it->kind == CCAD_ITEM_CARE;
}

static int territory_line(int32_t days)
{
    ccex_plan_args a;
    ccex_plan p;
    long stops = 0, travel = 0, back_late = 0, off_days = 0, off_hours = 0, late = 0, gaps = 0,
         moved = 0;
    int32_t end;
    double t0, ms;
    size_t i;
    ccex_plan_args_init(&a);
    a.have_today = 1;
    ccad_date_from_ymd(&a.today, 2026, 11, 23);
    a.days = days;
    t0 = now_ms();
    if (ccex_plan_make(&p, &a, "bench-week") != CCEX_EXIT_OK)
        return 1;
    ms = now_ms() - t0; /* loading the files included */
    end = p.options.day_start_min + p.options.day_minutes;
    for (i = 0; i < p.n_days; i++) {
        stops += (long)p.days[i].stops;
        travel += p.days[i].travel_min;
        back_late += p.days[i].back_min > end;
    }
    for (i = 0; i < p.n_items; i++) {
        const ccad_item *it = &p.items[i];
        ccad_customer c = CCAD_CUSTOMER_INIT;
        uint32_t k;
        int wd = 0;
        ccad_book_get(p.cs.book, it->customer, &c);
        ccad_date_weekday(&wd, it->date);
        off_days += in_person(it) && c.visit_days != 0 && !(c.visit_days & (1u << (wd - 1)));
        off_hours += it->seq > 0 &&
                     (it->eta_min < c.visit_open_min || it->depart_min > c.visit_close_min);
        late += it->late != 0;
        for (k = 0; k < it->reason_count; k++)
            moved += it->reasons[k].why == CCAD_WHY_ROUTE_DAY;
    }
    for (i = 0; i < ccad_schedule_finding_count(p.schedule); i++) {
        ccad_finding f = CCAD_FINDING_INIT;
        ccad_schedule_finding(p.schedule, i, &f);
        gaps += f.kind == CCAD_FIND_GAP;
    }
    printf("territory days=%ld stops=%ld travel_min=%ld min_per_stop=%.1f back_after_end=%ld "
           "outside_visit_days=%ld outside_hours=%ld late=%ld gap_findings=%ld moved=%ld "
           "ms=%.2f\n",
           (long)days, stops, travel, stops > 0 ? (double)travel / (double)stops : 0.0, back_late,
           off_days, off_hours, late, gaps, moved, ms);
    ccex_plan_free(&p);
    return 0;
}

static int territory_mode(int argc, char **argv)
{
    int i;
    if (argc <= 2)
        return territory_line(28) || territory_line(7);
    for (i = 2; i < argc; i++) {
        long d = strtol(argv[i], NULL, 10);
        if (d < 1 || d > 366) {
            fprintf(stderr, "bench-week: territory: '%s' is not a number of days, 1..366\n",
                    argv[i]);
            return 2;
        }
        if (territory_line((int32_t)d) != 0)
            return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    ccad_ctx *ctx = NULL;
    ccad_rules *r = NULL;
    ccad_book *b;
    ccad_schedule *sa, *sp;
    int32_t d0 = 0;
    int64_t ta, tp, tn;
    size_t va, vp, vn;
    double msa, msp, msn;
    int rc;
    if (argc > 1 && strcmp(argv[1], "territory") == 0)
        return territory_mode(argc, argv);
    if (argc > 1) {
        fprintf(stderr, "usage: bench-week [territory [DAYS ...]]\n");
        return 2;
    }
    if ((rc = ccad_ctx_new(&ctx, NULL)) != CCAD_OK || (rc = ccad_rules_new(&r, ctx)) != CCAD_OK) {
        fprintf(stderr, "bench-week: setup: %s\n", ccad_strerror(rc));
        return 1;
    }
    ccad_date_from_ymd(&d0, 2026, 3, 2); /* a Monday */
    b = gen_territory(ctx, r, d0);
    sa = plan(ctx, b, r, d0, 1, &msa);
    sp = plan(ctx, b, r, d0, 0, &msp);
    ta = travel_of(b, sa, d0, &va);
    tp = travel_of(b, sp, d0, &vp);
    tn = naive(ctx, b, sp, &vn, &msn);
    {
        size_t i, moved = 0;
        for (i = 0; i < ccad_schedule_item_count(sa); i++) {
            ccad_item it = CCAD_ITEM_INIT;
            uint32_t k;
            ccad_schedule_item(sa, i, &it);
            for (k = 0; k < it.reason_count; k++)
                moved += it.reasons[k].why == CCAD_WHY_ROUTE_DAY;
        }
        printf("week customers=%d visits=%lu travel_m=%lld ms=%.2f mode=assign moved=%lu\n", N_CUST,
               (unsigned long)va, (long long)ta, msa, (unsigned long)moved);
    }
    printf("week customers=%d visits=%lu travel_m=%lld ms=%.2f mode=plain\n", N_CUST,
           (unsigned long)vp, (long long)tp, msp);
    printf("week customers=%d visits=%lu travel_m=%lld ms=%.2f mode=naive\n", N_CUST,
           (unsigned long)vn, (long long)tn, msn);
    printf("week ratio assign/naive=%.3f plain/naive=%.3f\n",
           tn > 0 ? (double)ta / (double)tn : 0.0, tn > 0 ? (double)tp / (double)tn : 0.0);
    ccad_schedule_free(sa);
    ccad_schedule_free(sp);
    ccad_book_free(b);
    ccad_rules_free(r);
    ccad_ctx_free(ctx);
    return 0;
}
