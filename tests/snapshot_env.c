/* The snapshot tests' helpers (declared and described in snapshot_env.h). */
#include "snapshot_env.h"

#include <stdio.h>

/* A generated book of n customers: hand grades, wide ones, locations,
 * windows, and orders recorded near a purchase date (the book's own memory). */
ccad_book *snapshot_gen_book(tu_fixture *f, size_t n, uint64_t seed)
{
    ccad_book *b;
    uint64_t rng = tu_rng_seed(seed);
    int32_t day = tu_date("2026-09-01");
    size_t i;
    TU_PASS(f->ctx, ccad_book_new(&b, f->ctx, 0));
    for (i = 0; i < n; i++) {
        char id[40];
        ccad_customer c = CCAD_CUSTOMER_INIT;
        snprintf(id, sizeof id, "%s-%lu", i % 5 ? "cust" : "\xe5\xae\xa2", (unsigned long)i);
        c.id = id;
        c.value = tu_rng_range(&rng, 0, i % 9 == 4 ? 9000000000 : 2000000);
        c.grade = (int)tu_rng_range(&rng, 0, 4);
        c.status = (int)tu_rng_range(&rng, CCAD_STATUS_PROSPECT, CCAD_STATUS_ELIMINATED);
        c.purchase_date = tu_rng_pct(&rng, 40) ? day + (int32_t)tu_rng_range(&rng, 0, 60)
                                               : CCAD_NO_DATE;
        c.monthly_volume = tu_rng_pct(&rng, 50) ? tu_rng_range(&rng, 0, 99999) : -1;
        c.margin_bp = tu_rng_pct(&rng, 50) ? (int32_t)tu_rng_range(&rng, 0, 10000) : -1;
        c.capable = tu_rng_pct(&rng, 80);
        c.has_location = tu_rng_pct(&rng, 70);
        c.x = c.has_location ? (double)tu_rng_range(&rng, -90000, 90000) / 1000.0 : 0.0;
        c.y = c.has_location ? (double)tu_rng_range(&rng, -90000, 90000) / 1000.0 : 0.0;
        c.visit_days = (uint32_t)tu_rng_range(&rng, 0, 127);
        c.visit_open_min = (int32_t)tu_rng_range(&rng, 0, 600);
        c.visit_close_min = c.visit_open_min + (int32_t)tu_rng_range(&rng, 1, 840);
        c.last_gap_days = tu_rng_pct(&rng, 30) ? (int32_t)tu_rng_range(&rng, 0, 90) : -1;
        c.contacts = i % 7 == 3 ? 70000u : (uint32_t)tu_rng_range(&rng, 0, 20);
        c.missing_records = (uint32_t)tu_rng_range(&rng, 0, 3);
        c.service_counts[1] = (uint32_t)tu_rng_range(&rng, 0, 300);
        TU_PASS(f->ctx, ccad_book_add(b, &c, NULL));
        if (c.purchase_date != CCAD_NO_DATE && tu_rng_pct(&rng, 50)) {
            ccad_contact k = CCAD_CONTACT_INIT;
            k.date = c.purchase_date - (int32_t)tu_rng_range(&rng, 0, 20);
            k.outcome = CCAD_OUTCOME_ORDER;
            TU_PASS(f->ctx, ccad_book_record(b, i, &k));
        }
    }
    return b;
}

void snapshot_books_equal(tu_fixture *f, ccad_book *a, ccad_book *b)
{
    size_t i, n = ccad_book_count(a);
    int32_t day = tu_date("2026-10-20");
    assert_int_equal(ccad_book_count(b), n);
    TU_PASS(ccad_book_ctx(a), ccad_book_grade(a, f->r));
    TU_PASS(ccad_book_ctx(b), ccad_book_grade(b, f->r));
    for (i = 0; i < n; i++) {
        ccad_customer x = CCAD_CUSTOMER_INIT, y = CCAD_CUSTOMER_INIT;
        ccad_assessment s = CCAD_ASSESSMENT_INIT, t = CCAD_ASSESSMENT_INIT;
        size_t at = 0;
        TU_PASS(ccad_book_ctx(a), ccad_book_get(a, i, &x));
        TU_PASS(ccad_book_ctx(b), ccad_book_get(b, i, &y));
        tu_customer_equal(&x, &y);
        TU_PASS(ccad_book_ctx(b), ccad_book_find(b, x.id, &at));
        assert_int_equal(at, i);
        /* the assessment sees the remembered order too (ORDER_CLOSED) */
        TU_PASS(ccad_book_ctx(a), ccad_book_assess(a, f->r, i, day, &s));
        TU_PASS(ccad_book_ctx(b), ccad_book_assess(b, f->r, i, day, &t));
        assert_memory_equal(&s, &t, sizeof s);
    }
}
