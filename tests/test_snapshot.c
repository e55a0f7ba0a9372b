/* Book snapshots (1.1): ccad_book_snapshot / ccad_book_from_snapshot round
 * trips over generated books, the size query, damaged and forged inputs.
 * (The failing allocator: faults_snapshot.c, in the fault census.) */
#include "snapshot_env.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef tu_fixture fixture; /* context, rules and book, leak-checked (testutil) */

static void round_trip_generated(void **state)
{
    fixture *f = *state;
    uint64_t seed;
    for (seed = 1; seed <= 20; seed++) {
        size_t n = seed == 1 ? 0 : (size_t)(seed * 37 % 500), len, len2;
        ccad_book *a = snapshot_gen_book(f, n, seed), *b = NULL;
        unsigned char *buf = tu_snapshot_take(a, &len), *again;
        TU_PASS(f->ctx, ccad_book_from_snapshot(&b, f->ctx, buf, len));
        snapshot_books_equal(f, a, b);
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
    ccad_book *a = snapshot_gen_book(f, 30, 5), *b = (ccad_book *)(void *)f;
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
    ccad_book *a = snapshot_gen_book(f, 12, 9), *b;
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

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, tu_fixture_setup, tu_fixture_teardown)
    const struct CMUnitTest tests[] = {
        T(round_trip_generated),
        T(size_query_and_errors),
        T(damaged_inputs_refused),
        T(duplicate_ids_refused),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
