/* Book snapshots (1.1): ccad_book_snapshot / ccad_book_from_snapshot round
 * trips over generated books, the size query, damaged and forged inputs,
 * and the failing allocator. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef tu_fixture fixture; /* context, rules and book, leak-checked (testutil) */

/* A generated book of n customers: hand grades, wide ones, locations,
 * windows, and orders recorded near a purchase date (the book's own memory). */
static ccad_book *gen_book(fixture *f, size_t n, uint64_t seed)
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

static void books_equal(fixture *f, ccad_book *a, ccad_book *b)
{
    size_t i, n = ccad_book_count(a);
    int32_t day = tu_date("2026-10-20");
    assert_int_equal(ccad_book_count(b), n);
    assert_int_equal(ccad_book_grade(a, f->r), CCAD_OK);
    assert_int_equal(ccad_book_grade(b, f->r), CCAD_OK);
    for (i = 0; i < n; i++) {
        ccad_customer x = CCAD_CUSTOMER_INIT, y = CCAD_CUSTOMER_INIT;
        ccad_assessment s = CCAD_ASSESSMENT_INIT, t = CCAD_ASSESSMENT_INIT;
        size_t at = 0;
        assert_int_equal(ccad_book_get(a, i, &x), CCAD_OK);
        assert_int_equal(ccad_book_get(b, i, &y), CCAD_OK);
        tu_customer_equal(&x, &y);
        assert_int_equal(ccad_book_find(b, x.id, &at), CCAD_OK);
        assert_int_equal(at, i);
        /* the assessment sees the remembered order too (ORDER_CLOSED) */
        assert_int_equal(ccad_book_assess(a, f->r, i, day, &s), CCAD_OK);
        assert_int_equal(ccad_book_assess(b, f->r, i, day, &t), CCAD_OK);
        assert_memory_equal(&s, &t, sizeof s);
    }
}

static void round_trip_generated(void **state)
{
    fixture *f = *state;
    uint64_t seed;
    for (seed = 1; seed <= 20; seed++) {
        size_t n = seed == 1 ? 0 : (size_t)(seed * 37 % 500), len, len2;
        ccad_book *a = gen_book(f, n, seed), *b = NULL;
        unsigned char *buf = tu_snapshot_take(a, &len), *again;
        TU_PASS(f->ctx, ccad_book_from_snapshot(&b, f->ctx, buf, len));
        books_equal(f, a, b);
        again = tu_snapshot_take(b, &len2); /* the same bytes again: the format is canonical */
        assert_int_equal(len2, len);
        assert_memory_equal(buf, again, len);
        free(again);
        free(buf);
        ccad_book_free(a);
        ccad_book_free(b);
    }
}

static void size_query_and_errors(void **state)
{
    fixture *f = *state;
    ccad_book *a = gen_book(f, 30, 5), *b = (ccad_book *)(void *)f;
    size_t len = 0, got = 0;
    unsigned char *buf = tu_snapshot_take(a, &len);
    unsigned char *small = malloc(len);
    assert_non_null(small);
    memset(small, 0x5a, len);
    assert_int_equal(ccad_book_snapshot(a, small, len - 1, &got), CCAD_ENOSPC);
    assert_int_equal(got, len);
    assert_non_null(strstr(ccad_ctx_errmsg(f->ctx), "bytes needed"));
    assert_int_equal(small[0], 0x5a); /* untouched */
    assert_int_equal(ccad_book_snapshot(NULL, small, len, &got), CCAD_EINVAL);
    assert_int_equal(ccad_book_snapshot(a, small, len, NULL), CCAD_EINVAL);
    assert_int_equal(ccad_book_snapshot(a, NULL, 5, &got), CCAD_EINVAL);
    assert_int_equal(ccad_book_from_snapshot(&b, NULL, buf, len), CCAD_EINVAL);
    assert_null(b);
    assert_int_equal(ccad_book_from_snapshot(NULL, f->ctx, buf, len), CCAD_EINVAL);
    assert_int_equal(ccad_book_from_snapshot(&b, f->ctx, NULL, len), CCAD_EINVAL);
    free(small);
    free(buf);
    ccad_book_free(a);
}

/* FNV-1a as docs/snapshot.md defines it: to forge a valid checksum. */
static void damaged_inputs_refused(void **state)
{
    fixture *f = *state;
    ccad_book *a = gen_book(f, 12, 9), *b;
    size_t len = 0, i;
    unsigned char *buf = tu_snapshot_take(a, &len), *w = malloc(len + 16);
    int bit;
    assert_non_null(w);
    /* every single-bit flip anywhere */
    for (i = 0; i < len; i++) {
        for (bit = 0; bit < 8; bit++) {
            memcpy(w, buf, len);
            w[i] ^= (unsigned char)(1u << bit);
            b = (ccad_book *)(void *)f;
            assert_int_not_equal(ccad_book_from_snapshot(&b, f->ctx, w, len), CCAD_OK);
            assert_null(b);
        }
    }
    /* every truncation, and extra bytes */
    for (i = 0; i < len; i++) {
        b = NULL;
        assert_int_equal(ccad_book_from_snapshot(&b, f->ctx, buf, i), CCAD_EPARSE);
        assert_null(b);
    }
    memcpy(w, buf, len);
    memset(w + len, 0, 16);
    assert_int_equal(ccad_book_from_snapshot(&b, f->ctx, w, len + 16), CCAD_EPARSE);
    /* forged with a valid checksum: version, flags, count, a bad field, a duplicate id */
    memcpy(w, buf, len);
    w[8] = 3; /* 1 and 2 are read (2 since 1.1) */
    tu_snapshot_reseal(w, len);
    assert_int_equal(ccad_book_from_snapshot(&b, f->ctx, w, len), CCAD_EVERSION);
    assert_non_null(strstr(ccad_ctx_errmsg(f->ctx), "version 3"));
    memcpy(w, buf, len);
    w[12] = 1;
    tu_snapshot_reseal(w, len);
    assert_int_equal(ccad_book_from_snapshot(&b, f->ctx, w, len), CCAD_EPARSE);
    memcpy(w, buf, len);
    w[16] = 11; /* one customer fewer than the bytes hold */
    tu_snapshot_reseal(w, len);
    assert_int_equal(ccad_book_from_snapshot(&b, f->ctx, w, len), CCAD_EPARSE);
    assert_non_null(strstr(ccad_ctx_errmsg(f->ctx), "after the last customer"));
    memcpy(w, buf, len);
    w[16] = 200; /* more customers than bytes */
    tu_snapshot_reseal(w, len);
    assert_int_equal(ccad_book_from_snapshot(&b, f->ctx, w, len), CCAD_EPARSE);
    memcpy(w, buf, len);
    w[32 + 8 + 7] = 0x80; /* the first customer's monthly volume negative */
    tu_snapshot_reseal(w, len);
    assert_int_equal(ccad_book_from_snapshot(&b, f->ctx, w, len), CCAD_ERANGE);
    memcpy(w, buf, len);
    w[32 + 108] = 0x40; /* an unknown customer bit */
    tu_snapshot_reseal(w, len);
    assert_int_equal(ccad_book_from_snapshot(&b, f->ctx, w, len), CCAD_EPARSE);
    assert_null(b);
    free(w);
    free(buf);
    ccad_book_free(a);
}

static void duplicate_ids_refused(void **state)
{
    fixture *f = *state;
    ccad_book *a, *b = NULL;
    ccad_customer c = CCAD_CUSTOMER_INIT;
    size_t len = 0;
    unsigned char *buf;
    char *second;
    TU_PASS(f->ctx, ccad_book_new(&a, f->ctx, 0));
    c.id = "dup-A";
    TU_PASS(f->ctx, ccad_book_add(a, &c, NULL));
    c.id = "dup-B";
    TU_PASS(f->ctx, ccad_book_add(a, &c, NULL));
    buf = tu_snapshot_take(a, &len);
    second = memchr(buf + 32 + 118 + 5, 'B', len - 32 - 118 - 5);
    assert_non_null(second);
    *second = 'A';
    tu_snapshot_reseal(buf, len);
    assert_int_equal(ccad_book_from_snapshot(&b, f->ctx, buf, len), CCAD_EEXIST);
    assert_null(b);
    free(buf);
    ccad_book_free(a);
}

static void failing_allocator(void **state)
{
    fixture *f = *state;
    ccad_book *a = gen_book(f, 300, 11), *b;
    size_t len = 0;
    unsigned char *buf = tu_snapshot_take(a, &len);
    long n, live = f->al.live;
    for (n = 1;; n++) {
        int rc;
        b = (ccad_book *)(void *)f;
        tu_fail_at(&f->al, n, 0);
        rc = ccad_book_from_snapshot(&b, f->ctx, buf, len);
        tu_fail_at(&f->al, 0, 0);
        if (rc == CCAD_OK)
            break;
        assert_int_equal(rc, CCAD_ENOMEM);
        assert_null(b);
        assert_int_equal(f->al.live, live);
    }
    assert_true(n > 2);
    books_equal(f, a, b);
    ccad_book_free(b);
    free(buf);
    ccad_book_free(a);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, tu_fixture_setup, tu_fixture_teardown)
    const struct CMUnitTest tests[] = {
        T(round_trip_generated),  T(size_query_and_errors), T(damaged_inputs_refused),
        T(duplicate_ids_refused), T(failing_allocator),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
