/* GAP's thresholds (lib/rules/gap_limits.c) against a plain reference.
 *
 * The library finds the working-day slack of a cycle on the week's bit
 * masks, because the assessment asks for it once a customer. The
 * reference below walks the week day by day, as the rule reads in
 * docs/cadence-rules.md: from each working weekday, move on by the cycle,
 * then count the days off until the next working one; the slack is the
 * longest such wait. Every week pattern (all 128 masks), every cycle from
 * 1 to 800 days, each grade and let-go stretch, and both the cycle-based
 * and the fixed limits must give the same thresholds. */
#include "testutil.h"

#include "../lib/internal.h"

#include <string.h>

static int64_t ref_slack(int64_t work, int64_t cycle)
{
    int64_t most = 0;
    int w;
    for (w = 0; w < 7; w++) {
        int d = (int)((w + cycle) % 7), n = 0;
        if (!(work & (1 << w)))
            continue;
        while (n < 7 && !(work & (1 << d))) {
            n++;
            d = (d + 1) % 7;
        }
        most = n > most ? n : most;
    }
    return most;
}

/* The thresholds as the rule states them, with the reference slack. */
static void ref_limits(const int64_t *v, int grade, int64_t stretch, int64_t *max, int64_t *alert)
{
    int64_t count = 0, days = 1, cycle, slack;
    if (grade >= CCAD_GRADE_A && grade <= CCAD_GRADE_D) {
        count = v[P_FREQ_A_COUNT + 2 * (grade - 1)];
        days = v[P_FREQ_A_DAYS + 2 * (grade - 1)];
    }
    if (!v[P_GAP_BY_CYCLE] || count <= 0) {
        *max = v[P_GAP_MAX] * stretch;
        *alert = v[P_GAP_ALERT] * stretch;
        return;
    }
    cycle = (days / count > 1 ? days / count : 1) * stretch;
    slack = ref_slack(v[P_FREQ_WORK_DAYS], cycle);
    *max = cycle * v[P_GAP_WARN_PCT] / 100 + slack;
    *alert = (cycle * v[P_GAP_ALERT_PCT] + 99) / 100 + slack;
    if (*alert <= *max)
        *alert = *max + 1;
}

/* The slack alone is what changed: a grade whose cycle is `cycle` days
 * (count 1 per `cycle` days) under every week pattern. */
static void slack_matches_walk(void **state)
{
    int64_t v[P__COUNT];
    int64_t work, cycle, max, alert, rmax, ralert, checked = 0;
    (void)state;
    memset(v, 0, sizeof v);
    v[P_GAP_BY_CYCLE] = 1;
    v[P_GAP_WARN_PCT] = 100;
    v[P_GAP_ALERT_PCT] = 100;
    v[P_FREQ_A_COUNT] = 1;
    for (work = 0; work < 128; work++)
        for (cycle = 1; cycle <= 800; cycle++) {
            v[P_FREQ_WORK_DAYS] = work;
            v[P_FREQ_A_DAYS] = cycle;
            ccad__gap_limits(v, CCAD_GRADE_A, 1, &max, &alert);
            ref_limits(v, CCAD_GRADE_A, 1, &rmax, &ralert);
            if (max != rmax || alert != ralert)
                fail_msg("work days %#lx cycle %ld: max %ld alert %ld, walk says %ld %ld",
                         (unsigned long)work, (long)cycle, (long)max, (long)alert, (long)rmax,
                         (long)ralert);
            /* with a 100 % warning the slack is max minus the cycle */
            assert_int_equal(max - cycle, ref_slack(work, cycle));
            checked++;
        }
    assert_int_equal(checked, 128 * 800);
}

/* Random rules: every grade (none included), stretches 1 to 10, fixed and
 * cycle-based limits, counts that round the interval down or to zero. */
static void limits_match_reference(void **state)
{
    uint64_t s = tu_rng_seed(20261205);
    int64_t v[P__COUNT];
    int round, grade;
    (void)state;
    for (round = 0; round < 20000; round++) {
        int k;
        memset(v, 0, sizeof v);
        v[P_GAP_BY_CYCLE] = tu_rng_pick(&s, 0, 3) != 0;
        v[P_GAP_WARN_PCT] = tu_rng_pick(&s, 50, 300);
        v[P_GAP_ALERT_PCT] = tu_rng_pick(&s, 50, 400);
        v[P_GAP_MAX] = tu_rng_pick(&s, 1, 60);
        v[P_GAP_ALERT] = tu_rng_pick(&s, 1, 90);
        v[P_FREQ_WORK_DAYS] = tu_rng_pick(&s, 0, 127);
        for (k = 0; k < 4; k++) {
            v[P_FREQ_A_COUNT + 2 * k] = tu_rng_pick(&s, 0, 8);
            v[P_FREQ_A_DAYS + 2 * k] = tu_rng_pick(&s, 1, 366);
        }
        for (grade = CCAD_GRADE_NONE; grade <= CCAD_GRADE_D; grade++) {
            int64_t stretch = tu_rng_pick(&s, 1, 10), max, alert, rmax, ralert;
            ccad__gap_limits(v, grade, stretch, &max, &alert);
            ref_limits(v, grade, stretch, &rmax, &ralert);
            if (max != rmax || alert != ralert)
                fail_msg("round %d grade %d stretch %ld: max %ld alert %ld, reference %ld %ld",
                         round, grade, (long)stretch, (long)max, (long)alert, (long)rmax,
                         (long)ralert);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(slack_matches_walk),
        cmocka_unit_test(limits_match_reference),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
