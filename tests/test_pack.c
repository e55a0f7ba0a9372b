/* The book's stored form: a customer whose fields fit the 64-byte record
 * and one that needs the wide table must read back, grade and assess the
 * same; the edges of every narrowed field are checked from both sides, and
 * growing the wide table is all or nothing under allocation failure. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EPOCH 18262 /* 2020-01-01, the stored dates' origin */

/* An ordinary customer: every field set, every one narrow. */
static ccad_customer base(const char *id)
{
    ccad_customer c = CCAD_CUSTOMER_INIT;
    c.id = id;
    c.value = 250000;
    c.status = CCAD_STATUS_ACTIVE;
    c.purchase_date = EPOCH + 2500;
    c.monthly_volume = 90000;
    c.margin_bp = 1500;
    c.has_location = 1;
    c.x = 121.47;
    c.y = 31.23;
    c.complaint = CCAD_COMPLAINT_RESOLVED;
    c.complaint_date = EPOCH + 2400;
    c.request_date = EPOCH + 2510;
    c.visit_days = CCAD_TUE | CCAD_THU;
    c.visit_open_min = 540;
    c.visit_close_min = 1080;
    c.owned_since = EPOCH + 2000;
    c.last_contact = EPOCH + 2450;
    c.last_visit = EPOCH + 2440;
    c.last_gap_days = 12;
    c.contacts = 9;
    c.no_progress = 1;
    c.missing_records = 2;
    c.last_recorded = 1;
    c.next_step_date = EPOCH + 2460;
    c.service_counts[1] = 5;
    return c;
}

/* One edge case: which field, and its value. */
typedef struct edge {
    const char *what;
    int field;
    int64_t v;
} edge;

enum {
    F_VALUE,
    F_VOLUME,
    F_GAP,
    F_CONTACTS,
    F_NOPROG,
    F_MISSING,
    F_SVC,
    F_PURCHASE,
    F_COMPLAINT,
    F_REQUEST,
    F_OWNED,
    F_LAST,
    F_VISIT,
    F_NEXT
};

static void apply(ccad_customer *c, const edge *e)
{
    switch (e->field) {
    case F_VALUE: c->value = e->v; break;
    case F_VOLUME: c->monthly_volume = e->v; break;
    case F_GAP: c->last_gap_days = (int32_t)e->v; break;
    case F_CONTACTS: c->contacts = (uint32_t)e->v; break;
    case F_NOPROG: c->no_progress = (uint32_t)e->v; break;
    case F_MISSING: c->missing_records = (uint32_t)e->v; break;
    case F_SVC: c->service_counts[3] = (uint32_t)e->v; break;
    case F_PURCHASE: c->purchase_date = (int32_t)e->v; break;
    case F_COMPLAINT: c->complaint_date = (int32_t)e->v; break;
    case F_REQUEST: c->request_date = (int32_t)e->v; break;
    case F_OWNED: c->owned_since = (int32_t)e->v; break;
    case F_LAST: /* the contact summary moves together */
        c->last_contact = (int32_t)e->v;
        c->last_visit = (int32_t)e->v;
        c->next_step_date = (int32_t)e->v;
        break;
    case F_VISIT: c->last_visit = (int32_t)e->v; break;
    default: c->next_step_date = (int32_t)e->v; break;
    }
}

static const edge edges[] = {
    {"value fits", F_VALUE, INT32_MAX},
    {"value wide", F_VALUE, (int64_t)INT32_MAX + 1},
    {"value max", F_VALUE, INT64_MAX},
    {"volume fits", F_VOLUME, INT32_MAX},
    {"volume wide", F_VOLUME, (int64_t)INT32_MAX + 1},
    {"volume unknown", F_VOLUME, -1},
    {"gap fits", F_GAP, 32767},
    {"gap wide", F_GAP, 32768},
    {"gap unknown", F_GAP, -1},
    {"contacts fit", F_CONTACTS, 65535},
    {"contacts wide", F_CONTACTS, 65536},
    {"no progress fits", F_NOPROG, 65535},
    {"no progress wide", F_NOPROG, UINT32_MAX},
    {"missing fits", F_MISSING, 255},
    {"missing wide", F_MISSING, 256},
    {"service fits", F_SVC, 255},
    {"service wide", F_SVC, 256},
    {"purchase lowest narrow", F_PURCHASE, EPOCH - 32767},
    {"purchase below", F_PURCHASE, EPOCH - 32768},
    {"purchase highest narrow", F_PURCHASE, EPOCH + 32767},
    {"purchase above", F_PURCHASE, EPOCH + 32768},
    {"purchase none", F_PURCHASE, CCAD_NO_DATE},
    {"purchase calendar end", F_PURCHASE, CCAD_DATE_MAX},
    {"complaint date early", F_COMPLAINT, EPOCH - 32768},
    {"request far", F_REQUEST, CCAD_DATE_MAX},
    {"request first day", F_REQUEST, CCAD_DATE_MIN},
    {"owned early", F_OWNED, EPOCH - 40000},
    {"last contact far", F_LAST, EPOCH + 40000},
    {"last contact narrow edge", F_LAST, EPOCH + 32767},
    {"last visit early", F_VISIT, EPOCH - 32768},
    {"next step far", F_NEXT, EPOCH + 32768},
};
#define N_EDGES (sizeof edges / sizeof edges[0])

static ccad_customer get_c(const ccad_book *b, size_t i)
{
    ccad_customer c = CCAD_CUSTOMER_INIT;
    TU_PASS(ccad_book_ctx(b), ccad_book_get(b, i, &c));
    return c;
}

static void assessments_equal(const ccad_assessment *a, const ccad_assessment *b)
{
    /* everything but the reasons' customer-specific figures */
    assert_int_equal(a->due_date, b->due_date);
    assert_int_equal(a->flags, b->flags);
    assert_int_equal(a->quadrant, b->quadrant);
    assert_int_equal(a->urgency, b->urgency);
    assert_int_equal(a->grade, b->grade);
    assert_int_equal(a->days_overdue, b->days_overdue);
    assert_int_equal(a->escalation, b->escalation);
    assert_int_equal(a->interval_days, b->interval_days);
    assert_int_equal(a->reason_count, b->reason_count);
}

/* Every edge reads back exactly after add, after update and after an
 * update back to the ordinary values. */
static void edges_round_trip(void **state)
{
    tu_fixture *f = *state;
    size_t i;
    for (i = 0; i < N_EDGES; i++) {
        char id[32], id2[32];
        ccad_customer c, back, plain;
        size_t at, at2;
        snprintf(id, sizeof id, "edge-%lu", (unsigned long)i);
        snprintf(id2, sizeof id2, "upd-%lu", (unsigned long)i);
        c = base(id);
        apply(&c, &edges[i]);
        TU_PASS(f->ctx, ccad_book_add(f->b, &c, &at));
        back = get_c(f->b, at);
        tu_customer_equal(&back, &c);
        /* an ordinary customer updated to the edge, and back again */
        plain = base(id2);
        TU_PASS(f->ctx, ccad_book_add(f->b, &plain, &at2));
        c.id = id2;
        TU_PASS(f->ctx, ccad_book_update(f->b, at2, &c));
        back = get_c(f->b, at2);
        tu_customer_equal(&back, &c);
        TU_PASS(f->ctx, ccad_book_update(f->b, at2, &plain));
        back = get_c(f->b, at2);
        tu_customer_equal(&back, &plain);
    }
}

/* A wide customer and its narrow twin (the same but for a field that no
 * rule reads at that size) grade and assess alike, single and in batch. */
static void wide_and_narrow_assess_alike(void **state)
{
    tu_fixture *f = *state;
    static const int32_t days[] = {EPOCH + 2450, EPOCH + 2470, EPOCH + 2520, EPOCH + 2700};
    ccad_customer n = base("narrow"), w = base("wide");
    ccad_assessment an = CCAD_ASSESSMENT_INIT, aw = CCAD_ASSESSMENT_INIT;
    ccad_brief br[2];
    size_t d;
    w.missing_records = 70000; /* read by no decision, only echoed in a reason */
    n.missing_records = 7;
    TU_PASS(f->ctx, ccad_book_add(f->b, &n, NULL));
    TU_PASS(f->ctx, ccad_book_add(f->b, &w, NULL));
    /* by threshold, so that equal values get equal grades */
    TU_PASS(f->ctx, ccad_rules_set_text(f->r, "grade.method", "threshold"));
    TU_PASS(f->ctx, ccad_book_grade(f->b, f->r));
    assert_int_equal(ccad_book_grade_of(f->b, 0), ccad_book_grade_of(f->b, 1));
    for (d = 0; d < sizeof days / sizeof days[0]; d++) {
        TU_PASS(f->ctx, ccad_book_assess(f->b, f->r, 0, days[d], &an));
        TU_PASS(f->ctx, ccad_book_assess(f->b, f->r, 1, days[d], &aw));
        assessments_equal(&an, &aw);
        TU_PASS(f->ctx, ccad_book_assess_range(f->b, f->r, 0, 2, days[d], br, sizeof br[0]));
        assert_memory_equal(&br[0], &br[1], sizeof br[0]);
        assert_int_equal(br[0].due_date, an.due_date);
        assert_int_equal(br[0].flags, an.flags);
    }
}

/* Ranking reads wide values: the widest value ranks first, and a hand-set
 * grade and the computed one survive updates of either form. */
static void wide_values_rank(void **state)
{
    tu_fixture *f = *state;
    ccad_customer c;
    int i;
    char id[16];
    ccad_assessment a = CCAD_ASSESSMENT_INIT;
    for (i = 0; i < 10; i++) {
        snprintf(id, sizeof id, "r%d", i);
        c = base(id);
        c.value = i == 7 ? INT64_MAX : 1000 + i;
        TU_PASS(f->ctx, ccad_book_add(f->b, &c, NULL));
    }
    TU_PASS(f->ctx, ccad_book_grade(f->b, f->r));
    assert_int_equal(ccad_book_grade_of(f->b, 7), CCAD_GRADE_A);
    TU_PASS(f->ctx, ccad_book_assess(f->b, f->r, 7, EPOCH + 2450, &a));
    assert_int_equal(a.reasons[0].why, CCAD_WHY_GRADE_RANK);
    assert_int_equal(a.reasons[0].a, 1); /* rank 1 */
    assert_int_equal(ccad_book_grade_of(f->b, 0), CCAD_GRADE_C);
    /* a hand-set grade on the wide customer, then back to computed */
    c = get_c(f->b, 7);
    c.grade = CCAD_GRADE_D;
    TU_PASS(f->ctx, ccad_book_update(f->b, 7, &c));
    assert_int_equal(ccad_book_grade_of(f->b, 7), CCAD_GRADE_D);
    c.grade = CCAD_GRADE_NONE;
    TU_PASS(f->ctx, ccad_book_update(f->b, 7, &c));
    assert_int_equal(ccad_book_grade_of(f->b, 7), CCAD_GRADE_A); /* value unchanged: still graded */
    TU_PASS(f->ctx, ccad_book_assess(f->b, f->r, 7, EPOCH + 2450, &a));
    assert_int_equal(a.reasons[0].a, 1);
    /* narrowing the value again keeps the customer readable and ranked anew */
    c.value = 5;
    TU_PASS(f->ctx, ccad_book_update(f->b, 7, &c));
    TU_PASS(f->ctx, ccad_book_grade(f->b, f->r));
    assert_int_equal(ccad_book_grade_of(f->b, 9), CCAD_GRADE_A);
    c = get_c(f->b, 7);
    assert_int_equal(c.value, 5);
}

/* Recording contacts carries counts and dates across the narrow limits. */
static void record_crosses_limits(void **state)
{
    tu_fixture *f = *state;
    ccad_customer c = base("rec"), back;
    ccad_contact e = CCAD_CONTACT_INIT;
    c.contacts = 65535;
    c.no_progress = 65535;
    c.missing_records = 65535;
    c.service_counts[2] = 255;
    TU_PASS(f->ctx, ccad_book_add(f->b, &c, NULL));
    e.date = EPOCH + 2460;
    e.outcome = CCAD_OUTCOME_NO_PROGRESS;
    e.recorded = 0;
    e.service_level = CCAD_SERVICE_VALUE;
    TU_PASS(f->ctx, ccad_book_record(f->b, 0, &e));
    back = get_c(f->b, 0);
    assert_int_equal(back.contacts, 65536);
    assert_int_equal(back.no_progress, 65536);
    assert_int_equal(back.missing_records, 65536);
    assert_int_equal(back.service_counts[2], 256);
    assert_int_equal(back.last_gap_days, 10);
    /* a contact 40,000 days on: a date and a gap beyond 16 bits */
    e.date = EPOCH + 2460 + 40000;
    e.next_date = e.date + 7;
    e.outcome = CCAD_OUTCOME_PROGRESS;
    TU_PASS(f->ctx, ccad_book_record(f->b, 0, &e));
    back = get_c(f->b, 0);
    assert_int_equal(back.last_contact, e.date);
    assert_int_equal(back.next_step_date, e.date + 7);
    assert_int_equal(back.last_gap_days, 40000);
    assert_int_equal(back.no_progress, 0);
    assert_int_equal(back.contacts, 65537);
}

/* Growing the wide table fails cleanly: add, update and record leave the
 * book as it was, then succeed once memory is back. */
static void wide_growth_all_or_nothing(void **state)
{
    tu_fixture *f = *state;
    ccad_customer c;
    ccad_contact e = CCAD_CONTACT_INIT;
    tu_snap s;
    int i;
    char id[16];
    for (i = 0; i < 4; i++) {
        snprintf(id, sizeof id, "n%d", i);
        c = base(id);
        if (i == 3)
            c.contacts = 65535;
        TU_PASS(f->ctx, ccad_book_add(f->b, &c, NULL));
    }
    tu_snap_take(&s, f->b);
    /* add */
    c = base("w-add");
    c.value = INT64_MAX;
    tu_fail_at(&f->al, 1, 1);
    TU_FAIL(f->ctx, ccad_book_add(f->b, &c, NULL), CCAD_ENOMEM);
    tu_snap_check(&s, f->b);
    /* update */
    c = get_c(f->b, 1);
    c.monthly_volume = INT64_MAX;
    TU_FAIL(f->ctx, ccad_book_update(f->b, 1, &c), CCAD_ENOMEM);
    tu_snap_check(&s, f->b);
    /* record: the contact count leaves 16 bits */
    e.date = EPOCH + 2460;
    TU_FAIL(f->ctx, ccad_book_record(f->b, 3, &e), CCAD_ENOMEM);
    tu_snap_check(&s, f->b);
    tu_fail_at(&f->al, 0, 0);
    TU_PASS(f->ctx, ccad_book_record(f->b, 3, &e));
    assert_int_equal(get_c(f->b, 3).contacts, 65536);
    TU_PASS(f->ctx, ccad_book_update(f->b, 1, &c));
    assert_int_equal(get_c(f->b, 1).monthly_volume, INT64_MAX);
    c = base("w-add");
    c.value = INT64_MAX;
    TU_PASS(f->ctx, ccad_book_add(f->b, &c, NULL));
    assert_int_equal(get_c(f->b, 4).value, INT64_MAX);
    tu_snap_free(&s);
}

/* Many wide customers: the table grows geometrically and every one reads
 * back, interleaved with narrow ones. */
static void many_wide(void **state)
{
    tu_fixture *f = *state;
    int i;
    char id[16];
    for (i = 0; i < 300; i++) {
        ccad_customer c;
        snprintf(id, sizeof id, "m%d", i);
        c = base(id);
        if (i % 3 == 0)
            c.value = (int64_t)INT32_MAX + i;
        TU_PASS(f->ctx, ccad_book_add(f->b, &c, NULL));
    }
    for (i = 0; i < 300; i++) {
        ccad_customer c = get_c(f->b, (size_t)i);
        assert_int_equal(c.value, i % 3 == 0 ? (int64_t)INT32_MAX + i : 250000);
        assert_int_equal(c.contacts, 9);
    }
}

/* The planner reads the book's working form: the same customers planned
 * from narrow records and from wide ones (a service count beyond 8 bits,
 * read by no decision) give the same items, routes and findings. */
static void planner_reads_wide_alike(void **state)
{
    tu_fixture *f = *state;
    ccad_book *wb = NULL;
    ccad_schedule *sn = NULL, *sw = NULL;
    ccad_plan_options o = CCAD_PLAN_OPTIONS_INIT;
    uint64_t rng = tu_rng_seed(99), x;
    size_t i, n;
    int k;
    TU_PASS(f->ctx, ccad_book_new(&wb, f->ctx, 0));
    for (k = 0; k < 80; k++) {
        char id[16];
        ccad_customer c = base(id);
        snprintf(id, sizeof id, "p%d", k);
        x = tu_rng_next(&rng);
        c.value = (int64_t)(x >> 40);
        c.status = (int)(x >> 20 & 3) == 0 ? CCAD_STATUS_PROSPECT : CCAD_STATUS_ACTIVE;
        c.purchase_date = (x >> 13 & 3) == 0 ? EPOCH + 2460 + (int32_t)(x >> 30 & 15)
                                             : CCAD_NO_DATE;
        c.complaint = (x >> 17 & 15) == 0 ? CCAD_COMPLAINT_OPEN : CCAD_COMPLAINT_NONE;
        c.complaint_date = c.complaint ? EPOCH + 2455 : CCAD_NO_DATE;
        c.request_date = CCAD_NO_DATE;
        c.last_contact = EPOCH + 2400 + (int32_t)(x >> 24 & 63);
        c.last_visit = c.last_contact;
        c.next_step_date = (x >> 9 & 1) ? c.last_contact + 20 : CCAD_NO_DATE;
        c.x = (double)(x >> 44 & 1023) / 100.0;
        c.y = (double)(x >> 34 & 1023) / 100.0;
        c.visit_days = 0;
        c.visit_open_min = 0;
        c.visit_close_min = 1440;
        TU_PASS(f->ctx, ccad_book_add(f->b, &c, NULL));
        c.service_counts[3] = 300 + (uint32_t)k;
        TU_PASS(f->ctx, ccad_book_add(wb, &c, NULL));
    }
    TU_PASS(f->ctx, ccad_book_grade(f->b, f->r));
    TU_PASS(f->ctx, ccad_book_grade(wb, f->r));
    o.first_day = EPOCH + 2469; /* 2026-10-05, a Monday */
    o.days = 14;
    o.visits_per_day = 6;
    o.route = 1;
    o.assign_days = 1;
    o.metric = CCAD_METRIC_PLANAR;
    o.scale = 1000.0;
    o.units_per_minute = 500.0;
    TU_PASS(f->ctx, ccad_schedule_new(&sn, f->b, f->r, &o));
    TU_PASS(f->ctx, ccad_schedule_new(&sw, wb, f->r, &o));
    n = ccad_schedule_item_count(sn);
    assert_true(n > 30);
    assert_int_equal(ccad_schedule_item_count(sw), n);
    for (i = 0; i < n; i++) {
        ccad_item a = CCAD_ITEM_INIT, b = CCAD_ITEM_INIT;
        TU_PASS(f->ctx, ccad_schedule_item(sn, i, &a));
        TU_PASS(f->ctx, ccad_schedule_item(sw, i, &b));
        assert_memory_equal(&a, &b, sizeof a);
    }
    n = ccad_schedule_finding_count(sn);
    assert_int_equal(ccad_schedule_finding_count(sw), n);
    for (i = 0; i < n; i++) {
        ccad_finding a = CCAD_FINDING_INIT, b = CCAD_FINDING_INIT;
        TU_PASS(f->ctx, ccad_schedule_finding(sn, i, &a));
        TU_PASS(f->ctx, ccad_schedule_finding(sw, i, &b));
        assert_int_equal(a.kind, b.kind);
        assert_int_equal(a.customer, b.customer);
        assert_int_equal(a.date, b.date);
    }
    ccad_schedule_free(sn);
    ccad_schedule_free(sw);
    ccad_book_free(wb);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, tu_fixture_setup, tu_fixture_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(edges_round_trip),         T(wide_and_narrow_assess_alike), T(wide_values_rank),
        T(record_crosses_limits),    T(wide_growth_all_or_nothing),   T(many_wide),
        T(planner_reads_wide_alike),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
