/* Part of the fault census (tests/test_faults.c, declared in faults.h),
 * formerly in test_reentry.c: allocation N fails in a routed plan whose
 * callbacks re-enter; whatever the outcome, the context is idle and usable
 * afterwards. Helpers: tests/reentry_env.h. */
#include "faults.h"
#include "reentry_env.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Allocation N fails in a call whose callbacks re-enter: whatever the
 * outcome, the context is idle afterwards. */
void faults_reentry_schedule(void **state)
{
    long n;
    (void)state;
    for (n = 1;; n++) {
        rw *w = world_new();
        ccad_plan_options o = plan_opts(w);
        ccad_schedule *s = NULL;
        int rc;
        o.route = 1;
        o.metric = CCAD_METRIC_HOST;
        arm(w, M_ALL, NULL, 0);
        tu_fail_at(&w->al, n, 0);
        rc = ccad_schedule_new(&s, w->b, w->r, &o);
        tu_fail_at(&w->al, 0, 0);
        assert_true(rc == CCAD_OK || rc == CCAD_ENOMEM);
        if (w->ninner > 0) /* allocation 1 may fail before any callback */
            all_busy(w);
        ccad_schedule_free(s);
        usable(w);
        world_free(w);
        if (rc == CCAD_OK)
            break;
        assert_true(n < 5000);
    }
}
