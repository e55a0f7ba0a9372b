/* GAP's thresholds: how long a gap may grow before the warning and the
 * alert, from the customer's own cycle (docs/cadence-rules.md, "GAP — the
 * rhythm must not stretch"). Shared by the assessment (watch.c), the batch
 * kernels (assess.c, brief.c) and the planner (window.c, findings.c), so
 * that every place judges a gap the same way. */
#include "decide.h"

/* Days the move to a working weekday (freq.work_days) can add to a due
 * date `cycle` days after a contact on a working day: the rhythm itself,
 * kept exactly, leaves gaps this much longer than its cycle. */
static int64_t working_day_slack(const int64_t *v, int64_t cycle)
{
    int64_t most = 0;
    int w;
    for (w = 0; w < 7; w++) {
        int d = (int)((w + cycle) % 7), n = 0;
        if (!(v[P_FREQ_WORK_DAYS] & (1 << w)))
            continue;
        while (n < 7 && !(v[P_FREQ_WORK_DAYS] & (1 << d))) {
            n++;
            d = (d + 1) % 7;
        }
        if (n > most)
            most = n;
    }
    return most;
}

void ccad__gap_limits(const int64_t *v, int grade, int64_t stretch, int64_t *max, int64_t *alert)
{
    int64_t count = 0, days = 1, cycle, slack;
    if (grade >= CCAD_GRADE_A && grade <= CCAD_GRADE_D) {
        count = v[P_FREQ_A_COUNT + 2 * (grade - 1)];
        days = v[P_FREQ_A_DAYS + 2 * (grade - 1)];
    }
    if (!v[P_GAP_BY_CYCLE] || count <= 0) {
        /* 1.0's fixed limits; also a grade without a rhythm of its own */
        *max = v[P_GAP_MAX] * stretch;
        *alert = v[P_GAP_ALERT] * stretch;
        return;
    }
    cycle = ccad__imax(1, days / count) * stretch;
    slack = working_day_slack(v, cycle);
    *max = cycle * v[P_GAP_WARN_PCT] / 100 + slack;
    *alert = (cycle * v[P_GAP_ALERT_PCT] + 99) / 100 + slack;
    if (*alert <= *max)
        *alert = *max + 1; /* a warning always comes before the alert */
}
