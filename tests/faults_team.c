/* Part of the fault census (tests/test_faults.c, declared in faults.h),
 * formerly in test_team.c: every allocation of ccad_book_transfer failing
 * in turn, into a book whose arrays are exactly full (helpers:
 * team_env.h). */
#include "faults.h"
#include "team_env.h"

#include <stdio.h>

/* Every allocation of a transfer failing in turn: ENOMEM, both books as
 * they were, nothing leaked; then it succeeds. */
void faults_team_transfer(void **state)
{
    team_world w;
    long n;
    int done = 0;
    (void)state;
    team_world_open(&w, 40, 3);
    {
        ccad_customer c = team_customer("a-filler", 1,
                                        0); /* receiving book's arrays exactly full */
        int i;
        char id[16];
        for (i = 0; i < 16; i++) {
            snprintf(id, sizeof id, "b%02d", i);
            c.id = id;
            TU_PASS(ccad_book_ctx(w.b), ccad_book_add(w.b, &c, NULL));
        }
    }
    for (n = 1; !done && n < 50; n++) {
        tu_snap sa, sb;
        long live;
        int rc;
        tu_snap_take(&sa, w.a);
        tu_snap_take(&sb, w.b);
        live = w.fx.al.live;
        tu_fail_at(&w.fx.al, n, 0);
        rc = ccad_book_transfer(w.a, 3, w.b, NULL);
        tu_fail_at(&w.fx.al, 0, 0);
        if (rc == CCAD_OK) {
            done = 1;
            assert_int_equal(ccad_book_count(w.b), 17);
        } else {
            assert_int_equal(rc, CCAD_ENOMEM);
            assert_true(w.fx.al.live <= live + 2); /* grown arrays stay grown, none new */
            tu_snap_check(&sa, w.a);
            tu_snap_check(&sb, w.b);
        }
        tu_snap_free(&sa);
        tu_snap_free(&sb);
    }
    assert_true(done);
    assert_true(n > 2); /* at least one allocation was needed and failed first */
    team_world_close(&w);
}
