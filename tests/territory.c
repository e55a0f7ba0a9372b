/* Seeded random territories for the planner's property tests: see territory.h. */
#include "territory.h"

#include <stdio.h>
#include <string.h>

static int listed(const int32_t *list, int n, int32_t d)
{
    int i;
    for (i = 0; i < n; i++)
        if (list[i] == d)
            return 1;
    return 0;
}

uint32_t tt_flags(const tt_territory *t, int32_t day)
{
    int wd = 0;
    uint32_t f;
    if (ccad_date_weekday(&wd, day) != CCAD_OK)
        return 0;
    f = (wd <= 5 || (wd == 6 && t->work_saturday)) ? (uint32_t)CCAD_DAY_WORKING : 0u;
    if (listed(t->holiday, t->n_holiday, day))
        f = CCAD_DAY_HOLIDAY;
    if ((f & CCAD_DAY_WORKING) && listed(t->absent, t->n_absent, day))
        f |= CCAD_DAY_ABSENT; /* an absence is a working day the substitute covers */
    if (listed(t->special, t->n_special, day))
        f |= CCAD_DAY_SPECIAL;
    return f;
}

static int calendar(void *user, int32_t day, uint32_t *out)
{
    *out = tt_flags((const tt_territory *)user, day);
    return 0;
}

int32_t tt_service_min(const tt_territory *t, size_t index)
{
    static const char *const name[4] = {"route.service_a_min", "route.service_b_min",
                                        "route.service_c_min", "route.service_d_min"};
    int g = ccad_book_grade_of(t->book, index);
    int64_t v = 0;
    if (g < CCAD_GRADE_A || g > CCAD_GRADE_D)
        g = CCAD_GRADE_C;
    TU_PASS(ccad_rules_ctx(t->rules), ccad_rules_get(t->rules, name[g - 1], &v));
    return (int32_t)v;
}

/* A mask of 1..3 weekdays, Monday..Friday, sometimes Saturday too. */
static uint32_t visit_days(uint64_t *s)
{
    uint32_t m = 0;
    int k, n = (int)tu_rng_range(s, 1, 3);
    for (k = 0; k < n; k++)
        m |= 1u << tu_rng_range(s, 0, 4);
    if (tu_rng_pct(s, 10))
        m |= CCAD_SAT;
    return m;
}

/* Visit hours of 2..6 hours inside 07:00..19:00. With fit, the part of the
 * window inside the working day holds the service time. */
static void visit_hours(uint64_t *s, int fit, int32_t service, int32_t ds, int32_t de,
                        int32_t *open, int32_t *close)
{
    int tries;
    for (tries = 0; tries < 50; tries++) {
        int32_t len = (int32_t)tu_rng_range(s, 120, 360);
        int32_t o = (int32_t)tu_rng_range(s, 420, 1140 - len) / 15 * 15;
        int32_t lo = o > ds ? o : ds, hi = o + len < de ? o + len : de;
        *open = o;
        *close = o + len;
        if (!fit || hi - lo >= service)
            return;
    }
    *open = ds; /* fall back on the working day's first hours */
    *close = ds + 180;
}

static void gen_calendar(tt_territory *t, uint64_t *s)
{
    const ccad_plan_options *o = &t->options;
    int k, n;
    t->work_saturday = tu_rng_pct(s, 10);
    t->n_holiday = t->n_absent = t->n_special = 0;
    n = (int)tu_rng_range(s, 0, 3);
    for (k = 0; k < n; k++)
        t->holiday[t->n_holiday++] = o->first_day + (int32_t)tu_rng_range(s, 0, o->days - 1);
    if (tu_rng_pct(s, 60)) { /* a leave of 1..3 days, and maybe a single day */
        int32_t at = o->first_day + (int32_t)tu_rng_range(s, 0, o->days - 1);
        n = (int)tu_rng_range(s, 1, 3);
        for (k = 0; k < n; k++)
            t->absent[t->n_absent++] = at + k;
        if (tu_rng_pct(s, 40))
            t->absent[t->n_absent++] = o->first_day + (int32_t)tu_rng_range(s, 0, o->days - 1);
    }
    n = (int)tu_rng_range(s, 0, 3);
    for (k = 0; k < n; k++)
        t->special[t->n_special++] = o->first_day + (int32_t)tu_rng_range(s, 0, o->days - 1);
}

static void gen_options(tt_territory *t, uint64_t *s)
{
    static const int32_t starts[4] = {420, 480, 540, 600}, lengths[3] = {480, 540, 600};
    ccad_plan_options o = CCAD_PLAN_OPTIONS_INIT;
    int32_t d0 = 0;
    assert_int_equal(ccad_date_from_ymd(&d0, 2026, 1, 5), CCAD_OK); /* a Monday */
    o.first_day = d0 + 7 * (int32_t)tu_rng_range(s, 0, 50) +
                  (tu_rng_pct(s, 70) ? 0 : (int32_t)tu_rng_range(s, 1, 6));
    o.days = (int32_t)tu_rng_range(s, 7, 28);
    if (tu_rng_pct(s, 75)) {
        o.visits_per_day = (int32_t)tu_rng_range(s, 4, 12);
        o.minutes_per_day = tu_rng_pct(s, 50) ? 480 : 0;
    } else {
        o.visits_per_day = 0;
        o.minutes_per_day = (int32_t)tu_rng_range(s, 4, 9) * 60;
    }
    o.route = 1;
    o.assign_days = tu_rng_pct(s, 50);
    if (tu_rng_pct(s, 50)) {
        o.day_start_min = 480;
        o.day_minutes = 540; /* 08:00-17:00, as the examples */
    } else {
        o.day_start_min = starts[tu_rng_range(s, 0, 3)];
        o.day_minutes = lengths[tu_rng_range(s, 0, 2)];
    }
    o.seed = 1;
    o.effort = 5;
    t->options = o;
}

void tt_make(tt_territory *t, uint64_t seed)
{
    uint64_t s = tu_rng_seed(seed);
    ccad_host h;
    double cx[4], cy[4], side_km;
    int geo, n, i, clusters, k;
    int32_t d0, ds, de;
    memset(t, 0, sizeof *t);
    t->seed = seed;
    h = tu_host(&t->al);
    h.user = t;
    h.calendar = calendar;
    TU_PASS(t->ctx, ccad_ctx_new(&t->ctx, &h));
    TU_PASS(t->ctx, ccad_rules_new(&t->rules, t->ctx));
    gen_options(t, &s);
    gen_calendar(t, &s);
    d0 = t->options.first_day;
    ds = t->options.day_start_min;
    de = ds + t->options.day_minutes;
    t->hours_fit = tu_rng_pct(&s, 80);

    /* the area: planar kilometres (cost in metres: scale 1000) or degrees
     * around 31.2 N 121.4 E; 30 km/h either way */
    geo = tu_rng_pct(&s, 50);
    side_km = (double)tu_rng_range(&s, 5, 50);
    clusters = (int)tu_rng_range(&s, 1, 4);
    for (k = 0; k < clusters; k++) {
        cx[k] = (double)tu_rng_range(&s, -350, 350) / 1000.0 * side_km;
        cy[k] = (double)tu_rng_range(&s, -350, 350) / 1000.0 * side_km;
    }
    t->options.metric = geo ? CCAD_METRIC_GEO : CCAD_METRIC_PLANAR;
    t->options.scale = 1000.0;
    t->options.units_per_minute = 500.0;
    t->options.base_x = geo ? 121.4 : 0.0;
    t->options.base_y = geo ? 31.2 : 0.0;

    n = (int)tu_rng_range(&s, 20, TT_MAX_CUSTOMERS);
    TU_PASS(t->ctx, ccad_book_new(&t->book, t->ctx, (size_t)n));
    for (i = 0; i < n; i++) {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        int64_t r = tu_rng_range(&s, 0, 99);
        double px, py;
        int32_t service;
        snprintf(t->ids[i], sizeof t->ids[i], "t%llu-%03d", (unsigned long long)seed, i);
        c.id = t->ids[i];
        c.value = r < 15   ? tu_rng_range(&s, 5000000, 50000000)
                  : r < 40 ? tu_rng_range(&s, 1000000, 5000000)
                           : tu_rng_range(&s, 0, 1000000);
        if (tu_rng_pct(&s, 5))
            c.grade = (int)tu_rng_range(&s, CCAD_GRADE_A, CCAD_GRADE_C);
        r = tu_rng_range(&s, 0, 99);
        c.status = r < 50   ? CCAD_STATUS_PROSPECT
                   : r < 80 ? CCAD_STATUS_ACTIVE
                   : r < 92 ? CCAD_STATUS_KEY
                   : r < 97 ? CCAD_STATUS_RELEASED
                            : CCAD_STATUS_ELIMINATED;
        if (c.status == CCAD_STATUS_ACTIVE || c.status == CCAD_STATUS_KEY) {
            c.monthly_volume = tu_rng_range(&s, 0, 10000000);
            if (tu_rng_pct(&s, 30))
                c.margin_bp = (int32_t)tu_rng_range(&s, 0, 5000);
        }
        c.capable = tu_rng_pct(&s, 70);
        if (tu_rng_pct(&s, 25))
            c.purchase_date = d0 + (int32_t)tu_rng_range(&s, -10, 40);
        r = tu_rng_range(&s, 0, 99);
        if (r < 5) {
            c.complaint = CCAD_COMPLAINT_OPEN;
            c.complaint_date = d0 - (int32_t)tu_rng_range(&s, 0, 5);
        } else if (r < 10) {
            c.complaint = CCAD_COMPLAINT_RESOLVED;
            c.complaint_date = d0 - (int32_t)tu_rng_range(&s, 0, 10);
        }
        if (tu_rng_pct(&s, 4))
            c.request_date = d0 + (int32_t)tu_rng_range(&s, -1, 10);
        if (tu_rng_pct(&s, 88)) {
            c.last_contact = d0 - (int32_t)tu_rng_range(&s, 1, 40);
            c.last_visit = c.last_contact -
                           (tu_rng_pct(&s, 70) ? 0 : (int32_t)tu_rng_range(&s, 1, 20));
            c.contacts = (uint32_t)tu_rng_range(&s, 1, 12);
            c.no_progress = (uint32_t)tu_rng_range(&s, 0, 4);
            if (c.no_progress > c.contacts)
                c.no_progress = c.contacts;
            if (tu_rng_pct(&s, 20))
                c.next_step_date = c.last_contact + (int32_t)tu_rng_range(&s, 1, 20);
        }
        if (c.complaint != CCAD_COMPLAINT_NONE && c.last_contact != CCAD_NO_DATE &&
            c.last_contact < c.complaint_date - 20)
            c.last_contact = c.last_visit = c.complaint_date - 20;
        if (c.next_step_date != CCAD_NO_DATE && c.next_step_date < c.last_contact)
            c.next_step_date = c.last_contact + 1;
        if (tu_rng_pct(&s, 30))
            c.owned_since = d0 - (int32_t)tu_rng_range(&s, 0, 120);
        k = (int)tu_rng_range(&s, 0, clusters - 1);
        px = cx[k] + (double)tu_rng_range(&s, -150, 150) / 1000.0 * side_km;
        py = cy[k] + (double)tu_rng_range(&s, -150, 150) / 1000.0 * side_km;
        c.has_location = tu_rng_pct(&s, 95);
        c.x = geo ? 121.4 + px / 95.0 : px; /* about 95 km a degree of longitude there */
        c.y = geo ? 31.2 + py / 111.0 : py;
        if (tu_rng_pct(&s, 33))
            c.visit_days = visit_days(&s);
        /* the service time needs the grade: drawn for the largest (A, 60) */
        service = 60;
        if (tu_rng_pct(&s, 33))
            visit_hours(&s, t->hours_fit, service, ds, de, &c.visit_open_min, &c.visit_close_min);
        if (ccad_book_add(t->book, &c, NULL) != CCAD_OK)
            fail_msg("territory %llu: ccad_book_add(%s): %s", (unsigned long long)seed, c.id,
                     ccad_ctx_errmsg(t->ctx));
    }
    TU_PASS(t->ctx, ccad_book_grade(t->book, t->rules));
    if (!t->hours_fit) { /* it may still hold by chance: say so only when it does */
        t->hours_fit = 1;
        for (i = 0; i < n && t->hours_fit; i++) {
            ccad_customer c = CCAD_CUSTOMER_INIT;
            int32_t lo, hi;
            TU_PASS(t->ctx, ccad_book_get(t->book, (size_t)i, &c));
            lo = c.visit_open_min > ds ? c.visit_open_min : ds;
            hi = c.visit_close_min < de ? c.visit_close_min : de;
            if (hi - lo < tt_service_min(t, (size_t)i))
                t->hours_fit = 0;
        }
    }
}

ccad_book *tt_repeated(tt_territory *t, int copies)
{
    ccad_book *book = NULL;
    size_t i, n = ccad_book_count(t->book);
    int k;
    TU_PASS(t->ctx, ccad_book_new(&book, t->ctx, (size_t)copies * n));
    for (k = 0; k < copies; k++)
        for (i = 0; i < n; i++) {
            ccad_customer c = CCAD_CUSTOMER_INIT;
            char id[40];
            TU_PASS(t->ctx, ccad_book_get(t->book, i, &c));
            snprintf(id, sizeof id, "x%d-%s", k, c.id);
            c.id = id;
            TU_PASS(t->ctx, ccad_book_add(book, &c, NULL));
        }
    TU_PASS(t->ctx, ccad_book_grade(book, t->rules));
    return book;
}

void tt_free(tt_territory *t)
{
    ccad_book_free(t->book);
    ccad_rules_free(t->rules);
    ccad_ctx_free(t->ctx);
    assert_int_equal(t->al.live, 0);
    memset(t, 0, sizeof *t);
}
