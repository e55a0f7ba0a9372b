/* Part of the fault census (tests/test_faults.c, declared in faults.h):
 * allocation failures while the book's wide table grows, each loop on the
 * testutil fixture (tu_fixture_setup). Formerly in test_triage_share.c
 * (customers added with a position) and test_visit_fields.c (a contact
 * record that needs the wide table). */
#include "faults.h"

#include <stdio.h>

/* Adding customers with a position grows the wide table: an allocation
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

/* Recording a contact that moves a customer into the wide table, under
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
    assert_true(n > 1); /* the wide table had to grow */
    tu_snap_free(&s);
}
