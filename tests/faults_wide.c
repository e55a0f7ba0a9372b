/* Part of the fault census (tests/test_faults.c, declared in faults.h):
 * allocation failures while the book's wide table or side table grows
 * (lib/book_extra.c: customers with a position or a visit summary).
 * The first two loops run on the testutil fixture (tu_fixture_setup);
 * they were in test_triage_share.c (customers added with a position) and
 * test_visit_fields.c (a contact record that adds a summary). The last
 * was in test_extra.c (every edit that needs a side-table entry). */
#include "faults.h"

#include <stdio.h>
#include <stdlib.h>

/* Adding customers with a position grows the side table: an allocation
 * failure refuses the customer being added, the ones added before stay. */
void faults_wide_position_add(void **state)
{
    tu_fixture *f = *state;
    long n;
    int done = 0;
    for (n = 1; n < 50 && !done; n++) {
        size_t i, count = ccad_book_count(f->b);
        int rc = CCAD_OK;
        tu_fail_at(&f->al, n, 0);
        for (i = 0; i < 40 && rc == CCAD_OK; i++) {
            char id[16];
            tu_cust_spec active = {id, CCAD_GRADE_NONE,       CCAD_STATUS_ACTIVE,
                                   0,  tu_date("2026-11-01"), 6};
            ccad_customer c = tu_customer(&active);
            snprintf(id, sizeof id, "w%ld-%lu", n, (unsigned long)i);
            c.supplier_rank = (uint32_t)(i + 1);
            rc = ccad_book_add(f->b, &c, NULL);
        }
        tu_fail_at(&f->al, 0, 0);
        if (rc == CCAD_OK) {
            done = 1;
        } else {
            assert_int_equal(rc, CCAD_ENOMEM);
            /* the customers added before the failure stay; the failed one did not go in */
            assert_int_equal(ccad_book_count(f->b), count + i - 1);
        }
    }
    assert_true(f->al.failures > 0);
}

/* Recording a contact that gives a customer a visit summary (a side-table
 * entry), under
 * an allocator failing at each call in turn: ENOMEM and nothing changed,
 * until it succeeds. The book: six B prospects, graded. */
void faults_wide_record(void **state)
{
    tu_fixture *f = *state;
    ccad_contact e = CCAD_CONTACT_INIT;
    long n;
    int i;
    tu_snap s;
    for (i = 0; i < 6; i++) {
        char id[8];
        tu_cust_spec prospect = {
            id, CCAD_GRADE_B, CCAD_STATUS_PROSPECT, 1000 * (i + 1), CCAD_NO_DATE, 0};
        ccad_customer c = tu_customer(&prospect);
        snprintf(id, sizeof id, "v%d", i);
        TU_PASS(f->ctx, ccad_book_add(f->b, &c, NULL));
    }
    TU_PASS(f->ctx, ccad_book_grade(f->b, f->r));
    e.date = tu_date("2026-06-01");
    e.purposes = CCAD_PURPOSE_ORDER;
    e.record_parts = CCAD_RECORD_PURPOSE;
    tu_snap_take(&s, f->b);
    for (n = 1;; n++) {
        int rc;
        tu_fail_at(&f->al, n, 0);
        rc = ccad_book_record(f->b, 2, &e);
        tu_fail_at(&f->al, 0, 0);
        if (rc == CCAD_OK)
            break;
        assert_int_equal(rc, CCAD_ENOMEM);
        tu_snap_check(&s, f->b);
    }
    assert_true(n > 1); /* the side table had to grow */
    tu_snap_free(&s);
}

/* Each edit that needs a new side-table entry, with the allocator
 * failing at every call in turn: the call fails with CCAD_ENOMEM and the
 * book's snapshot is the same bytes as before; then it succeeds. */
static int extra_edit(ccad_book *b, ccad_book *to, int which)
{
    ccad_customer c = CCAD_CUSTOMER_INIT;
    ccad_contact e = CCAD_CONTACT_INIT;
    TU_PASS(ccad_book_ctx(b), ccad_book_get(b, 1, &c));
    switch (which) {
    case 0: /* a position for a customer stored compact */
        c.share_pct = 40;
        return ccad_book_update(b, 1, &c);
    case 1: /* a prospect's first recorded contact starts its run */
        e.date = tu_date("2026-03-02");
        e.purposes = CCAD_PURPOSE_ACTIVITY;
        return ccad_book_record(b, 1, &e);
    case 2: /* a new customer with a position */
        c.id = "new";
        c.supplier_rank = 3;
        return ccad_book_add(b, &c, NULL);
    default: /* a customer with an entry into a book without a side table */
        return ccad_book_transfer(b, 2, to, NULL);
    }
}

void faults_side_table_edits(void **state)
{
    tu_alloc al = {0, 0, 0, 0, 0};
    ccad_host h = tu_host(&al);
    ccad_ctx *ctx = NULL;
    int which;
    long rounds = 0;
    (void)state;
    assert_int_equal(ccad_ctx_new(&ctx, &h), CCAD_OK);
    for (which = 0; which < 4; which++) {
        long n;
        for (n = 1;; n++) {
            ccad_book *b = NULL, *to = NULL;
            ccad_customer c = CCAD_CUSTOMER_INIT;
            unsigned char *before, *after;
            size_t len, len2, n_to;
            int i, rc;
            TU_PASS(ctx, ccad_book_new(&b, ctx, 0));
            TU_PASS(ctx, ccad_book_new(&to, ctx, 0));
            for (i = 0; i < 3; i++) {
                char id[8];
                snprintf(id, sizeof id, "f%d", i);
                c.id = id;
                c.status = CCAD_STATUS_PROSPECT;
                /* customer 2 has an entry for the transfer only: the other
                 * edits make the book's first */
                c.share_pct = i == 2 && which == 3 ? 25 : CCAD_SHARE_UNKNOWN;
                TU_PASS(ccad_book_ctx(b), ccad_book_add(b, &c, NULL));
            }
            before = tu_snapshot_take(b, &len);
            n_to = ccad_book_count(to);
            tu_fail_at(&al, n, 0);
            rc = extra_edit(b, to, which);
            tu_fail_at(&al, 0, 0);
            rounds++;
            if (rc == CCAD_OK) {
                assert_true(al.failures == 0 || n > 1);
                ccad_book_free(b);
                ccad_book_free(to);
                free(before);
                break;
            }
            assert_int_equal(rc, CCAD_ENOMEM);
            after = tu_snapshot_take(b, &len2);
            assert_int_equal(len, len2);
            assert_memory_equal(before, after, len);
            assert_int_equal(ccad_book_count(to), n_to);
            free(before);
            free(after);
            ccad_book_free(b);
            ccad_book_free(to);
            al.failures = 0;
        }
        assert_true(n > 1); /* every one of these edits allocates */
    }
    print_message("side-table faults: %ld rounds\n", rounds);
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
}
