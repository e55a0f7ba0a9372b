/* Fault census cases: the context, the rules and the book: constructors, growth, snapshots, grading, the wide table, the clock and the calendar.
 * tests/test_faults.c runs every case of the table at the end (faults_cases.h). */
#include "faults_cases.h"

#include <stdlib.h>
#include <string.h>

static int run_ctx_new(world *w, uint64_t *digest)
{
    ccad_ctx *c = (ccad_ctx *)(void *)w;
    int32_t d = 0;
    int rc = ccad_ctx_new(&c, &w->host);
    settle(w);
    if (rc != CCAD_OK) {
        assert_null(c);
        return rc;
    }
    TU_PASS(c, ccad_ctx_errcode(c));
    /* the copy calls the same host */
    TU_PASS(c, ccad_ctx_today(c, &d));
    *digest = (uint64_t)d;
    ccad_ctx_free(c);
    return rc;
}

static int run_rules_new(world *w, uint64_t *digest)
{
    ccad_rules *r = (ccad_rules *)(void *)w;
    size_t len = 0;
    int rc = ccad_rules_new(&r, w->ctx);
    settle(w);
    if (rc != CCAD_OK) {
        assert_null(r);
        return rc;
    }
    assert_int_equal(ccad_rules_serialize(r, NULL, 0, &len), CCAD_ENOSPC);
    *digest = len;
    ccad_rules_free(r);
    return rc;
}

static int run_rules_copy(world *w, uint64_t *digest)
{
    ccad_rules *r = (ccad_rules *)(void *)w;
    int rc = ccad_rules_copy(&r, w->ctx, w->r2);
    settle(w);
    if (rc != CCAD_OK) {
        assert_null(r);
        return rc;
    }
    assert_true(ccad_rules_equal(r, w->r2));
    *digest = 1;
    ccad_rules_free(r);
    return rc;
}

static int book_new_hint(world *w, uint64_t *digest, size_t hint)
{
    ccad_book *b = (ccad_book *)(void *)w;
    char id[16];
    ccad_customer c = gen_customer(7, id, w->today);
    int rc = ccad_book_new(&b, w->ctx, hint);
    settle(w);
    if (rc != CCAD_OK) {
        assert_null(b);
        return rc;
    }
    TU_PASS(w->ctx, ccad_book_add(b, &c, NULL));
    *digest = book_digest(b, NULL, w->today);
    ccad_book_free(b);
    return rc;
}

static int run_book_new(world *w, uint64_t *digest) { return book_new_hint(w, digest, 0); }
static int run_book_new_hint(world *w, uint64_t *digest) { return book_new_hint(w, digest, 3000); }

static int run_book_add(world *w, uint64_t *digest)
{
    ccad_customer c = CCAD_CUSTOMER_INIT;
    size_t at = 4242, k;
    char id[CCAD_ID_MAX + 1];
    int rc;
    /* a 64-byte id: the customer array, the id arena and the index grow */
    for (k = 0; k < CCAD_ID_MAX; k++)
        id[k] = (char)('a' + k % 26);
    id[CCAD_ID_MAX] = '\0';
    c.id = id;
    c.value = 777777;
    c.has_location = 1;
    c.x = 3.0;
    c.y = 4.0;
    rc = ccad_book_add(w->b, &c, &at);
    settle(w);
    if (rc != CCAD_OK) {
        size_t f = 99;
        assert_int_equal(at, 4242);
        assert_int_equal(ccad_book_find(w->b, id, &f), CCAD_ENOTFOUND);
        assert_int_equal(f, 99);
        return rc;
    }
    assert_int_equal(at, NCUST);
    TU_PASS(ccad_book_ctx(w->b), ccad_book_grade(w->b, w->r));
    *digest = book_digest(w->b, w->r, w->today);
    return rc;
}

/* ccad_book_add_many of 40 customers with 64-byte ids, one of them wide:
 * every array grows, and a failure anywhere takes back the ones added. */
static int run_book_add_many(world *w, uint64_t *digest)
{
    ccad_customer c[40];
    char ids[40][CCAD_ID_MAX + 1];
    size_t first = 4242, i, k;
    int rc;
    for (i = 0; i < 40; i++) {
        ccad_customer x = CCAD_CUSTOMER_INIT;
        for (k = 0; k < CCAD_ID_MAX; k++)
            ids[i][k] = (char)('a' + (k + i) % 26);
        ids[i][0] = (char)('A' + i % 26);
        ids[i][1] = (char)('A' + i / 26);
        ids[i][CCAD_ID_MAX] = '\0';
        x.id = ids[i];
        x.value = 1000 + (int64_t)i;
        if (i == 20)
            x.contacts = 70000; /* beyond the packed record: the wide table */
        c[i] = x;
    }
    rc = ccad_book_add_many(w->b, c, 40, &first);
    settle(w);
    if (rc != CCAD_OK) {
        size_t f = 99;
        assert_int_equal(first, 4242);
        assert_int_equal(ccad_book_find(w->b, ids[0], &f), CCAD_ENOTFOUND);
        assert_int_equal(ccad_book_find(w->b, ids[39], &f), CCAD_ENOTFOUND);
        assert_int_equal(f, 99);
        return rc;
    }
    assert_int_equal(first, NCUST);
    TU_PASS(ccad_book_ctx(w->b), ccad_book_grade(w->b, w->r));
    *digest = book_digest(w->b, w->r, w->today);
    return rc;
}

/* ccad_book_from_snapshot of the world's book: a new book of 64 customers,
 * freed again on failure; on success it assesses as the world's book. */
static int run_book_from_snapshot(world *w, uint64_t *digest)
{
    static unsigned char buf[64 * 200];
    size_t len = 0;
    ccad_book *b = (ccad_book *)(void *)w;
    int rc;
    TU_PASS(w->ctx, ccad_book_snapshot(w->b, buf, sizeof buf, &len));
    rc = ccad_book_from_snapshot(&b, w->ctx, buf, len);
    settle(w);
    if (rc != CCAD_OK) {
        assert_null(b);
        return rc;
    }
    TU_PASS(w->ctx, ccad_book_grade(b, w->r));
    *digest = book_digest(b, w->r, w->today);
    assert_true(*digest == book_digest(w->b, w->r, w->today));
    ccad_book_free(b);
    return rc;
}

static int run_book_grade(world *w, uint64_t *digest)
{
    int rc = ccad_book_grade(w->b, w->r2);
    settle(w);
    if (rc != CCAD_OK)
        return rc;
    *digest = book_digest(w->b, w->r2, w->today);
    return rc;
}

static int run_choose_working(world *w, uint64_t *digest)
{
    uint8_t ch[NCUST];
    size_t i;
    int rc;
    memset(ch, 0x77, sizeof ch);
    rc = ccad_book_choose_working(w->b, w->r, ch, NCUST);
    settle(w);
    if (rc != CCAD_OK) {
        for (i = 0; i < NCUST; i++)
            assert_int_equal(ch[i], 0x77);
        return rc;
    }
    *digest = UINT64_C(1469598103934665603);
    for (i = 0; i < NCUST; i++)
        *digest = mix(*digest, ch[i]);
    return rc;
}

/* The contact takes customer 3 past 65,535 contacts (W_WIDE_NEXT). */
static int run_book_record_wide(world *w, uint64_t *digest)
{
    ccad_contact k = fault_contact(w);
    int rc = ccad_book_record(w->b, 3, &k);
    settle(w);
    if (rc != CCAD_OK)
        return rc;
    *digest = book_digest(w->b, w->r, w->today);
    return rc;
}

/* A monthly volume beyond 31 bits: customer 5 moves to the wide table. */
static int run_book_update_wide(world *w, uint64_t *digest)
{
    ccad_customer c = CCAD_CUSTOMER_INIT;
    int rc;
    TU_PASS(ccad_book_ctx(w->b), ccad_book_get(w->b, 5, &c));
    c.monthly_volume = INT64_C(1) << 40;
    rc = ccad_book_update(w->b, 5, &c);
    settle(w);
    if (rc != CCAD_OK)
        return rc;
    *digest = book_digest(w->b, w->r, w->today);
    return rc;
}

/* TRIAGE's position (1.1): a customer with a share or rank takes a side-table
 * entry (lib/book_extra.c). */
static int run_book_update_position(world *w, uint64_t *digest)
{
    ccad_customer c = CCAD_CUSTOMER_INIT;
    int rc;
    TU_PASS(ccad_book_ctx(w->b), ccad_book_get(w->b, 5, &c));
    c.share_pct = 12;
    c.supplier_rank = 2;
    rc = ccad_book_update(w->b, 5, &c);
    settle(w);
    if (rc != CCAD_OK)
        return rc;
    *digest = book_digest(w->b, w->r, w->today);
    return rc;
}

static int run_today(world *w, uint64_t *digest)
{
    int32_t d = 12345;
    int rc = ccad_ctx_today(w->ctx, &d);
    settle(w);
    if (rc != CCAD_OK) {
        assert_int_equal(d, 12345);
        return rc;
    }
    assert_int_equal(d, w->today);
    *digest = (uint64_t)d;
    return rc;
}

static int run_day_flags(world *w, uint64_t *digest)
{
    uint32_t f = 0x5a5a;
    int rc = ccad_ctx_day_flags(w->ctx, &f, w->today + 3);
    settle(w);
    if (rc != CCAD_OK) {
        assert_int_equal(f, 0x5a5a);
        return rc;
    }
    assert_int_equal(f, CCAD_DAY_WORKING | CCAD_DAY_SPECIAL);
    *digest = f;
    return rc;
}

static const fcase cases[] = {
    {"ccad_ctx_new", "ccad_ctx_new", run_ctx_new, 0, 0},
    {"ccad_rules_new", "ccad_rules_new", run_rules_new, 0, 0},
    {"ccad_rules_copy", "ccad_rules_copy", run_rules_copy, 0, 0},
    {"ccad_book_new", "ccad_book_new", run_book_new, 0, 0},
    {"ccad_book_new:hint3000", "ccad_book_new", run_book_new_hint, 0, 0},
    {"ccad_book_add:growth", "ccad_book_add", run_book_add, 0, 0},
    {"ccad_book_add:growth-no-host-realloc", "ccad_book_add", run_book_add, W_EMULATE_REALLOC, 0},
    {"ccad_book_add_many:growth+wide", "ccad_book_add_many", run_book_add_many, 0, 0},
    {"ccad_book_add_many:no-host-realloc", "ccad_book_add_many", run_book_add_many,
     W_EMULATE_REALLOC, 0},
    {"ccad_book_from_snapshot", "ccad_book_from_snapshot", run_book_from_snapshot, 0, 0},
    {"ccad_book_grade", "ccad_book_grade", run_book_grade, 0, 0},
    {"ccad_book_choose_working", "ccad_book_choose_working", run_choose_working, 0, 0},
    {"ccad_book_record:to-wide", "ccad_book_record", run_book_record_wide, W_WIDE_NEXT, 0},
    {"ccad_book_update:to-wide", "ccad_book_update", run_book_update_wide, 0, 0},
    {"ccad_book_update:side-table-by-position", "ccad_book_update", run_book_update_position, 0, 0},
    {"ccad_ctx_today", "ccad_ctx_today", run_today, 0, 0},
    {"ccad_ctx_day_flags", "ccad_ctx_day_flags", run_day_flags, 0, 0},
};
const fcase_table faults_cases_book = {cases, sizeof cases / sizeof cases[0]};
