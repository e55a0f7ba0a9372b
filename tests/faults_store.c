/* Part of the fault census (tests/test_faults.c, declared in faults.h),
 * formerly in test_store.c: every storage operation with callback call N
 * failing, alone and combined with the failing allocator, and the
 * allocation failures of loading. Helpers: tests/store_env.h. */
#include "faults.h"
#include "store_env.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------ */
/* The failure loop                                                           */

enum op { OP_RECORD, OP_SAVE_BOOK, OP_LOAD_BOOK, OP_LOAD_ADD, OP_LOAD_REPLACE };

static const char *const op_fn[] = {"ccad_store_record", "ccad_store_save_book",
                                    "ccad_store_load_book", "ccad_store_load_customer",
                                    "ccad_store_load_customer"};

/* Name of the callback made as call number n (1-based) of a successful run. */
static const char *op_callback(enum op op, long n, size_t nbook)
{
    switch (op) {
    case OP_RECORD: {
        static const char *const seq[] = {"begin", "save", "append_contact", "commit"};
        return n <= 4 ? seq[n - 1] : NULL;
    }
    case OP_SAVE_BOOK:
        if (n == 1)
            return "begin";
        if ((size_t)n <= nbook + 1)
            return "save";
        return (size_t)n == nbook + 2 ? "commit" : NULL;
    case OP_LOAD_BOOK: {
        static const char *const seq[] = {"begin", "iterate", "commit"};
        return n <= 3 ? seq[n - 1] : NULL;
    }
    default: {
        static const char *const seq[] = {"begin", "load", "commit"};
        return n <= 3 ? seq[n - 1] : NULL;
    }
    }
}

static int run_op(fx *x, enum op op, ccad_book **out, size_t *idx)
{
    ccad_contact k = call_contact();
    switch (op) {
    case OP_RECORD: return ccad_store_record(x->base.b, 2, &k);
    case OP_SAVE_BOOK: return ccad_store_save_book(x->base.b);
    case OP_LOAD_BOOK: return ccad_store_load_book(out, x->base.ctx);
    case OP_LOAD_ADD: return ccad_store_load_customer(x->base.b, "C-009", idx);
    default: return ccad_store_load_customer(x->base.b, "C-001", idx);
    }
}

/* Runs op failing callback call N = 1, 2, ... until it succeeds; returns the
 * number of rounds that failed. */
static long fault_loop(enum op op, int after)
{
    fx x;
    fk_state initial;
    long n, failed = 0;
    const size_t nbook = 4;
    fx_open(&x, (int)nbook, 1);
    /* store contents differ from the book where the operation would show it */
    {
        char id[16];
        ccad_customer c = rich_customer(9, id);
        fk_put(&x.f->cur, &c); /* C-009: in the store only */
        c = rich_customer(1, id);
        c.value = 42;
        c.contacts = 99;
        fk_put(&x.f->cur, &c); /* C-001: changed in the store */
    }
    if (op == OP_SAVE_BOOK)
        x.f->cur.n = 2; /* the store lacks C-002, C-003 and C-009 */
    initial = x.f->cur;
    for (n = 1;; n++) {
        tu_snap sn;
        ccad_book *out = (ccad_book *)&out;
        size_t idx = 12345;
        long live = x.base.al.live;
        const char *name = op_callback(op, n, nbook);
        const char *msg;
        char want[96];
        int rc;
        x.f->cur = initial;
        x.f->in_tx = 0;
        fk_reset_counts(x.f);
        fk_arm(x.f, n, after);
        tu_snap_take(&sn, x.base.b);
        rc = run_op(&x, op, &out, &idx);
        fk_arm(x.f, 0, 0);
        assert_false(x.f->in_tx);
        msg = ccad_ctx_errmsg(x.base.ctx);
        if (rc == CCAD_OK) {
            assert_null(name); /* every callback call succeeded */
            assert_int_equal(x.f->n_rollback, 0);
            if (op == OP_LOAD_BOOK) {
                tu_snap_free(&sn);
                tu_snap_take(&sn, out);
                store_equals_book(x.f, out);
                ccad_book_free(out);
            } else if (op == OP_SAVE_BOOK) {
                store_equals_book(x.f, x.base.b);
            } else if (op == OP_RECORD) {
                assert_int_equal(x.f->cur.nlog, initial.nlog + 1);
                assert_string_equal(x.f->cur.log[initial.nlog].id, "C-002");
                store_has(x.f, x.base.b, 2);
            } else {
                assert_int_equal(idx, op == OP_LOAD_ADD ? nbook : 1);
                store_has(x.f, x.base.b, idx);
                state_equal(&x.f->cur, &initial);
            }
            tu_snap_free(&sn);
            break;
        }
        failed++;
        assert_non_null(name);
        assert_int_equal(rc, CCAD_ECALLBACK);
        assert_int_equal(ccad_ctx_errcode(x.base.ctx), CCAD_ECALLBACK);
        snprintf(want, sizeof want, "%s: %s callback failed", op_fn[op], name);
        if (strstr(msg, want) == NULL)
            print_message("round %ld: \"%s\" lacks \"%s\"\n", n, msg, want);
        assert_non_null(strstr(msg, want));
        /* rollback called exactly when a transaction had begun */
        assert_int_equal(x.f->n_rollback, n > 1 ? 1 : 0);
        assert_int_equal(x.f->n_begin, 1);
        if (after && n > 1)
            assert_non_null(strstr(msg, "rollback callback failed too"));
        else
            assert_null(strstr(msg, "rollback callback failed too"));
        /* the book is unchanged, and no output came out */
        tu_snap_check(&sn, x.base.b);
        tu_snap_free(&sn);
        if (op == OP_LOAD_BOOK)
            assert_null(out);
        else
            assert_int_equal(idx, 12345);
        /* the store is as before when its rollback worked */
        if (!(after && n > 1))
            state_equal(&x.f->cur, &initial);
        assert_int_equal(x.base.al.live, live);
        assert_true(n < 100);
    }
    fx_close(&x);
    return failed;
}

static long rounds_record, rounds_save, rounds_load_book, rounds_load_customer;
static long rounds_alloc;

void faults_store_record(void **state)
{
    (void)state;
    rounds_record += fault_loop(OP_RECORD, 0);
    rounds_record += fault_loop(OP_RECORD, 1);
    assert_int_equal(rounds_record, 8);
}

void faults_store_save_book(void **state)
{
    (void)state;
    rounds_save += fault_loop(OP_SAVE_BOOK, 0);
    rounds_save += fault_loop(OP_SAVE_BOOK, 1);
    assert_int_equal(rounds_save, 2 * (4 + 2));
}

void faults_store_load_book(void **state)
{
    (void)state;
    rounds_load_book += fault_loop(OP_LOAD_BOOK, 0);
    rounds_load_book += fault_loop(OP_LOAD_BOOK, 1);
    assert_int_equal(rounds_load_book, 6);
}

void faults_store_load_customer(void **state)
{
    (void)state;
    rounds_load_customer += fault_loop(OP_LOAD_ADD, 0);
    rounds_load_customer += fault_loop(OP_LOAD_ADD, 1);
    rounds_load_customer += fault_loop(OP_LOAD_REPLACE, 0);
    rounds_load_customer += fault_loop(OP_LOAD_REPLACE, 1);
    assert_int_equal(rounds_load_customer, 12);
}

/* load_book with allocation N failing (alone, or with every later one). */
void faults_store_load_book_alloc(void **state)
{
    int after;
    (void)state;
    for (after = 0; after <= 1; after++) {
        fx x;
        long n;
        fx_open(&x, 40, 1); /* the book grows twice while loading */
        for (n = 1;; n++) {
            ccad_book *out = (ccad_book *)&out;
            fk_state before = x.f->cur;
            long live = x.base.al.live;
            int rc;
            fk_reset_counts(x.f);
            tu_fail_at(&x.base.al, n, after);
            rc = ccad_store_load_book(&out, x.base.ctx);
            tu_fail_at(&x.base.al, 0, 0);
            assert_false(x.f->in_tx);
            if (rc == CCAD_OK) {
                tu_snap sn;
                assert_string_equal(x.f->trace, "bic");
                tu_snap_take(&sn, x.base.b);
                tu_snap_check(&sn, out);
                tu_snap_free(&sn);
                ccad_book_free(out);
                break;
            }
            rounds_alloc++;
            assert_int_equal(rc, CCAD_ENOMEM);
            assert_int_equal(ccad_ctx_errcode(x.base.ctx), CCAD_ENOMEM);
            assert_null(out);
            /* rolled back exactly when the transaction had begun */
            assert_int_equal(x.f->n_rollback, x.f->n_begin);
            assert_int_equal(x.f->n_commit, 0);
            if (x.f->n_begin == 1)
                assert_string_equal(x.f->trace, "bir");
            else
                assert_string_equal(x.f->trace, "");
            state_equal(&x.f->cur, &before);
            assert_int_equal(x.base.al.live, live);
            assert_true(n < 100);
        }
        fx_close(&x);
    }
    assert_true(rounds_alloc >= 2 * 5); /* book_new's 4 blocks, then growth */
}

/* load_customer adding to a full book: allocation fails after the commit;
 * the book is unchanged and nothing is rolled back. */
void faults_store_load_customer_alloc(void **state)
{
    fx x;
    long n;
    char id[16];
    ccad_customer c = rich_customer(50, id);
    (void)state;
    fx_open(&x, 16, 1); /* the book's first capacity is 16 */
    fk_put(&x.f->cur, &c);
    for (n = 1;; n++) {
        tu_snap sn;
        size_t idx = 7;
        long live = x.base.al.live;
        int rc;
        fk_reset_counts(x.f);
        tu_snap_take(&sn, x.base.b);
        tu_fail_at(&x.base.al, n, 1);
        rc = ccad_store_load_customer(x.base.b, "C-050", &idx);
        tu_fail_at(&x.base.al, 0, 0);
        assert_string_equal(x.f->trace, "blc");
        if (rc == CCAD_OK) {
            assert_int_equal(idx, 16);
            store_equals_book(x.f, x.base.b);
            tu_snap_free(&sn);
            break;
        }
        rounds_alloc++;
        assert_int_equal(rc, CCAD_ENOMEM);
        assert_int_equal(idx, 7);
        tu_snap_check(&sn, x.base.b);
        tu_snap_free(&sn);
        (void)live; /* grown blocks may stay with the book; freed with it */
        assert_true(n < 100);
    }
    fx_close(&x);
}

void faults_store_report(void)
{
    print_message("store fault rounds: %ld (record %ld, save_book %ld, load_book %ld, "
                  "load_customer %ld)\n",
                  rounds_record + rounds_save + rounds_load_book + rounds_load_customer,
                  rounds_record, rounds_save, rounds_load_book, rounds_load_customer);
    print_message("store allocation-failure rounds: %ld\n", rounds_alloc);
}
