/* GAP's thresholds: how long a gap may grow before the warning and the
 * alert, from the customer's own cycle (docs/cadence-rules.md, "GAP — the
 * rhythm must not stretch"). Shared by the assessment (watch.c), the batch
 * kernels (assess.c, brief.c) and the planner (window.c, findings.c), so
 * that every place judges a gap the same way. */
#include "decide.h"

/* Days the move to a working weekday (freq.work_days) can add to a due
 * date `cycle` days after a contact on a working day: the rhythm itself,
 * kept exactly, leaves gaps this much longer than its cycle. Computed on
 * the week's bit masks (bit w: ISO weekday w + 1), as the assessment calls
 * it once a customer: `due` holds the weekdays a due date falls on
 * (the working days moved on by the cycle), `idle` the days off over two
 * weeks, and `run` the days that begin k days off in a row, for k = 1, 2,
 * ...; the slack is the longest run that begins on a due weekday. */
static int64_t working_day_slack(const int64_t *v, int64_t cycle)
{
    unsigned work = (unsigned)(v[P_FREQ_WORK_DAYS] & 127), shift = (unsigned)(cycle % 7);
    unsigned due = ((work << shift) | (work >> (7 - shift))) & 127u;
    unsigned idle = ~work & 127u, run;
    int64_t most = 0;
    idle |= idle << 7;
    run = idle;
    while (most < 7 && (run & due) != 0) {
        most++;
        run &= idle >> most;
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
