/* Fault census cases: the storage operations: record, save, load and the team moves through the store.
 * tests/test_faults.c runs every case of the table at the end (faults_cases.h). */
#include "faults_cases.h"

#include <stdlib.h>
#include <string.h>

static int run_store_record(world *w, uint64_t *digest)
{
    ccad_contact k = fault_contact(w);
    int rc = ccad_store_record(w->b, 3, &k);
    settle(w);
    if (rc != CCAD_OK)
        return rc;
    assert_int_equal(w->cur.nlog, w->initial.nlog + 1);
    *digest = mix(store_digest(&w->cur), book_digest(w->b, w->r, w->today));
    return rc;
}

static int run_store_save_book(world *w, uint64_t *digest)
{
    int rc = ccad_store_save_book(w->b);
    settle(w);
    if (rc != CCAD_OK)
        return rc;
    assert_int_equal(w->cur.n, NCUST + NSTORED - 32);
    *digest = store_digest(&w->cur);
    return rc;
}

static int run_store_load_book(world *w, uint64_t *digest)
{
    ccad_book *b = (ccad_book *)(void *)w;
    int rc = ccad_store_load_book(&b, w->ctx);
    settle(w);
    if (rc != CCAD_OK) {
        assert_null(b);
        return rc;
    }
    assert_int_equal(ccad_book_count(b), NSTORED);
    *digest = book_digest(b, NULL, w->today);
    ccad_book_free(b);
    return rc;
}

static int load_customer(world *w, uint64_t *digest, const char *id, size_t want)
{
    size_t at = 4242;
    int rc = ccad_store_load_customer(w->b, id, &at);
    settle(w);
    if (rc != CCAD_OK) {
        assert_int_equal(at, 4242);
        return rc;
    }
    assert_int_equal(at, want);
    TU_PASS(ccad_book_ctx(w->b), ccad_book_grade(w->b, w->r));
    *digest = book_digest(w->b, w->r, w->today);
    return rc;
}

/* a customer of the store only: added to the full book (growth) */
static int run_load_customer_add(world *w, uint64_t *d)
{
    return load_customer(w, d, "cust-0000001040", NCUST);
}

/* a customer of both, changed in the store: replaced in place */
static int run_load_customer_replace(world *w, uint64_t *d)
{
    return load_customer(w, d, "cust-0000000008", 8);
}

static int run_store_transfer(world *w, uint64_t *digest)
{
    size_t at = 4242;
    int rc = ccad_store_transfer(w->b, 8, w->b2, "r2", &at);
    settle(w);
    if (rc != CCAD_OK) {
        assert_int_equal(at, 4242);
        return rc;
    }
    assert_int_equal(at, 16);
    assert_int_equal(w->cur.nlog, w->initial.nlog + 1);
    *digest = mix(store_digest(&w->cur), ccad_book_count(w->b2));
    return rc;
}

static int run_store_remove(world *w, uint64_t *digest)
{
    int rc = ccad_store_remove(w->b, 8);
    settle(w);
    if (rc != CCAD_OK)
        return rc;
    assert_int_equal(w->cur.n, w->initial.n - 1);
    assert_int_equal(ccad_book_count(w->b), NCUST - 1);
    *digest = store_digest(&w->cur);
    return rc;
}

static const fcase cases[] = {
    {"ccad_store_record", "ccad_store_record", run_store_record, 0, 1},
    {"ccad_store_record:to-wide", "ccad_store_record", run_store_record, W_WIDE_NEXT, 1},
    {"ccad_store_save_book", "ccad_store_save_book", run_store_save_book, 0, 1},
    {"ccad_store_load_book", "ccad_store_load_book", run_store_load_book, 0, 0},
    {"ccad_store_load_customer:add-growth", "ccad_store_load_customer", run_load_customer_add, 0,
     0},
    {"ccad_store_load_customer:replace", "ccad_store_load_customer", run_load_customer_replace, 0,
     0},
    {"ccad_store_transfer:growth", "ccad_store_transfer", run_store_transfer, W_TEAM, 1},
    {"ccad_store_remove", "ccad_store_remove", run_store_remove, W_TEAM, 1},
};
const fcase_table faults_cases_store = {cases, sizeof cases / sizeof cases[0]};
