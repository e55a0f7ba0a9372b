/* Part of the fault census (tests/test_faults.c, declared in faults.h),
 * formerly in test_snapshot.c: every allocation of ccad_book_from_snapshot
 * failing in turn on a generated book of 300 customers; a failing round
 * leaves no book and no live block, the first round to succeed gives the
 * same book (helpers: snapshot_env.h; fixture: tu_fixture_setup). */
#include "faults.h"
#include "snapshot_env.h"

#include <stdlib.h>

void faults_snapshot_from_alloc(void **state)
{
    tu_fixture *f = *state;
    ccad_book *a = snapshot_gen_book(f, 300, 11), *b;
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
    snapshot_books_equal(f, a, b);
    ccad_book_free(b);
    free(buf);
    ccad_book_free(a);
}
