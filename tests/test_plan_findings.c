/* Planner rules FOLLOWUP, GAP and WORKLOAD: reminders, the findings of a
 * schedule (kinds, order, planned gaps, platform warnings), the overload
 * policy, minute-based capacity and lean schedules. Fixture:
 * tests/plan_env.h.
 *
 * Dates: D0 is Monday 2026-03-02; D0+5/+6 and D0+12/+13 are weekends. */
#include "plan_env.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* FOLLOWUP: reminders of day D are exactly the items whose reminder falls
 * on D: `lead` days before the item, on the working day at or before it
 * (a weekend, a holiday or an absence moves it earlier). */
static void reminders(void **state)
{
    env *e = *state;
    int32_t d0 = D0, d;
    char id[16];
    int i, lead;
    ccad_schedule *s;
    for (i = 0; i < 12; i++) {
        snprintf(id, sizeof id, "c%02d", i);
        add_simple(e, id,
                   i < 3   ? CCAD_GRADE_A
                   : i < 6 ? CCAD_GRADE_B
                           : CCAD_GRADE_C,
                   100 - i, d0 - 1 - 3 * i);
    }
    grade(e);
    e->holiday[e->n_holiday++] = d0 + 3;
    e->absent[e->n_absent++] = d0 + 8;
    for (lead = 0; lead <= 3; lead += 3) {
        set(e, "followup.reminder_lead_days", lead);
        s = plan(e, d0, 14, 2);
        assert_true(ccad_schedule_item_count(s) > 4);
        for (d = d0 - 5; d < d0 + 20; d++) {
            size_t idx[64], n = 999, k, j = 0, want = 0;
            TU_PASS(e->fx.ctx, ccad_schedule_reminders(s, d, idx, 64, &n));
            for (k = 0; k < ccad_schedule_item_count(s); k++) {
                ccad_item it = tu_item(s, k);
                assert_int_equal(it.reminder_date, want_reminder(e, it.date, lead));
                assert_true(lead == 0 || tu_weekday(it.reminder_date) <= 5);
                if (it.reminder_date == d) {
                    assert_true(j < n);
                    assert_int_equal(idx[j], k);
                    j++;
                    want++;
                }
            }
            assert_int_equal(n, want);
            if (want >= 2) {
                size_t one[1] = {12345}, m = 0;
                assert_int_equal(ccad_schedule_reminders(s, d, one, 1, &m), CCAD_ENOSPC);
                assert_int_equal(m, want);
                assert_int_equal(one[0], idx[0]);
                assert_int_equal(ccad_schedule_reminders(s, d, NULL, 0, &m), CCAD_ENOSPC);
                assert_int_equal(m, want);
            }
        }
        {
            size_t n = 7;
            TU_PASS(e->fx.ctx, ccad_schedule_reminders(s, d0 + 400, NULL, 0, &n));
            assert_int_equal(n, 0);
            assert_int_equal(ccad_schedule_reminders(s, d0, NULL, 0, NULL), CCAD_EINVAL);
            assert_int_equal(ccad_schedule_reminders(s, d0, NULL, 3, &n), CCAD_EINVAL);
            assert_int_equal(ccad_schedule_reminders(NULL, d0, NULL, 0, &n), CCAD_EINVAL);
        }
        ccad_schedule_free(s);
    }
}

/* Findings: unplanned (never contacted first), per-customer findings on the
 * first day, dropped, planned gaps, over capacity (days, workload),
 * platform; in that order. */
static void findings_kinds_and_order(void **state)
{
    env *e = *state;
    TU_PASS(e->fx.ctx, ccad_rules_set(e->fx.r, "gap.by_cycle", 0)); /* fixed GAP limits */
    int32_t d0 = D0;
    ccad_customer q1 = cust("q1", CCAD_GRADE_A, 1000, d0 - 1);
    ccad_customer nv = cust("never", CCAD_GRADE_B, 10, CCAD_NO_DATE);
    ccad_customer st = cust("stalled", CCAD_GRADE_C, 3, d0 - 2);
    ccad_customer rel = cust("released", CCAD_GRADE_B, 4, d0 - 30);
    ccad_customer own = cust("owned", CCAD_GRADE_C, 2, d0 - 2);
    uint32_t iq, ic, inv, iov, icool, icold, ist, irel, iown, iq4;
    ccad_schedule *s;
    ccad_finding f;
    size_t i;
    int last_rank = 0;
    q1.purchase_date = d0 + 2; /* Q1 daily d0..d0+2 */
    st.no_progress = 3;
    rel.status = CCAD_STATUS_RELEASED;
    rel.contacts = 3;
    own.owned_since = d0 - 89; /* ownership ends d0 + 1 */
    own.contacts = 2;
    iq = add(e, &q1);
    ic = add_simple(e, "contacted", CCAD_GRADE_B, 20, d0 - 7); /* due d0 */
    inv = add(e, &nv);
    iov = add_simple(e, "overdue", CCAD_GRADE_B, 30, d0 - 12); /* 5 days overdue */
    icool = add_simple(e, "cooling", CCAD_GRADE_A, 40, d0 - 16);
    icold = add_simple(e, "cold", CCAD_GRADE_A, 50, d0 - 22);
    ist = add(e, &st);
    irel = add(e, &rel);
    iown = add(e, &own);
    iq4 = add_simple(e, "q4", CCAD_GRADE_C, 1, d0 - 28);
    grade(e);
    s = plan(e, d0, 3, 1);

    /* unplanned: the never-contacted first, then the others by index */
    f = tu_finding(s, 0);
    assert_int_equal(f.kind, CCAD_FIND_UNPLANNED);
    assert_true(f.customer == inv);
    tu_reason_is(&f.reasons[0], CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_UNPLANNED, d0, 1, 0);
    f = tu_find_of(s, CCAD_FIND_UNPLANNED, ic);
    assert_int_equal(f.date, d0);
    tu_reason_is(&f.reasons[0], CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_UNPLANNED, d0, 0, 0);
    assert_int_equal(tu_count_findings(s, CCAD_FIND_UNPLANNED, iq), 0);

    /* first-day findings */
    f = tu_find_of(s, CCAD_FIND_OVERDUE, iov);
    assert_int_equal(f.date, d0);
    assert_true(f.reason_count >= 1);
    {
        int seen = 0;
        uint32_t k;
        for (k = 0; k < f.reason_count; k++)
            if (f.reasons[k].why == CCAD_WHY_OVERDUE) {
                tu_reason_is(&f.reasons[k], CCAD_RULE_ESCALATE, CCAD_WHY_OVERDUE, 5,
                             CCAD_ESCALATE_MANAGER, 5);
                seen = 1;
            }
        assert_true(seen);
    }
    f = tu_find_of(s, CCAD_FIND_COOLING, icool);
    tu_reason_is(&f.reasons[0], CCAD_RULE_GAP, CCAD_WHY_GAP_WARN, 16, 14, 2);
    f = tu_find_of(s, CCAD_FIND_COLD, icold);
    tu_reason_is(&f.reasons[0], CCAD_RULE_GAP, CCAD_WHY_GAP_ALERT, 22, 21, 8);
    assert_int_equal(tu_count_findings(s, CCAD_FIND_COOLING, icold), 0);
    f = tu_find_of(s, CCAD_FIND_STALLED, ist);
    tu_reason_is(&f.reasons[0], CCAD_RULE_STALL, CCAD_WHY_STALLED, 3, 3, 0);
    f = tu_find_of(s, CCAD_FIND_RELEASE_RISK, irel);
    tu_reason_is(&f.reasons[0], CCAD_RULE_PATIENCE, CCAD_WHY_RELEASED_EARLY, 3, 5, 0);
    f = tu_find_of(s, CCAD_FIND_RELEASE_RISK, iown);
    assert_int_equal(f.date, d0 + 1);
    f = tu_find_of(s, CCAD_FIND_NEVER_CONTACTED, inv);
    assert_int_equal(f.date, d0);
    /* a Q4 waiting three days is dropped on d0 + 3: outside this range */
    assert_int_equal(tu_count_findings(s, CCAD_FIND_DROPPED, iq4), 0);
    assert_int_equal(tu_count_findings(s, CCAD_FIND_UNPLANNED, iq4), 1);

    /* over capacity on each day: important contacts without room */
    for (i = 0; i < 3; i++) {
        size_t k;
        int seen = 0;
        for (k = 0; k < ccad_schedule_finding_count(s); k++) {
            f = tu_finding(s, k);
            if (f.kind == CCAD_FIND_OVER_CAPACITY && f.date == d0 + (int32_t)i) {
                assert_true(f.customer == -1);
                tu_reason_is(&f.reasons[0], CCAD_RULE_CAPACITY, CCAD_WHY_CAPACITY_FULL,
                             d0 + (int32_t)i, 1, 1);
                seen++;
            }
        }
        assert_int_equal(seen, 1);
    }
    /* the workload (3 days x 1 visit) is exceeded */
    {
        int seen = 0;
        for (i = 0; i < ccad_schedule_finding_count(s); i++) {
            f = tu_finding(s, i);
            if (f.kind == CCAD_FIND_OVER_CAPACITY && f.date == CCAD_NO_DATE) {
                assert_int_equal(f.reasons[0].why, CCAD_WHY_WORKLOAD_OVER);
                assert_int_equal(f.reasons[0].rule, CCAD_RULE_WORKLOAD);
                assert_true(f.reasons[0].b == 3);
                assert_true(f.reasons[0].a > 3);
                seen++;
            }
        }
        assert_int_equal(seen, 1);
    }

    /* order of kinds */
    for (i = 0; i < ccad_schedule_finding_count(s); i++) {
        int rank;
        f = tu_finding(s, i);
        switch (f.kind) {
        case CCAD_FIND_UNPLANNED: rank = 1; break;
        case CCAD_FIND_OVERDUE:
        case CCAD_FIND_COOLING:
        case CCAD_FIND_COLD:
        case CCAD_FIND_STALLED:
        case CCAD_FIND_RELEASE_RISK:
        case CCAD_FIND_NEVER_CONTACTED: rank = 2; break;
        case CCAD_FIND_DROPPED: rank = 3; break;
        case CCAD_FIND_GAP: rank = 4; break;
        case CCAD_FIND_OVER_CAPACITY: rank = f.date != CCAD_NO_DATE ? 5 : 6; break;
        case CCAD_FIND_PLATFORM: rank = 7; break;
        default: rank = 0; fail();
        }
        assert_true(rank >= last_rank);
        last_rank = rank;
        if (f.kind == CCAD_FIND_UNPLANNED && i > 0 &&
            tu_finding(s, i - 1).kind == CCAD_FIND_UNPLANNED)
            assert_true(f.reasons[0].b <= tu_finding(s, i - 1).reasons[0].b);
    }
    ccad_schedule_free(s);
}

/* GAP in the plan: a watched customer that waits too long for room. */
static void findings_planned_gap(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    ccad_customer q1 = cust("q1", CCAD_GRADE_A, 1000, d0 - 1);
    uint32_t ig;
    ccad_schedule *s;
    ccad_finding f;
    q1.purchase_date = d0 + 6; /* Q1 daily Mon..Fri */
    add(e, &q1);
    ig = add_simple(e, "g", CCAD_GRADE_A, 10, d0 - 10); /* overdue since d0 - 7 */
    grade(e);
    s = plan(e, d0, 10, 1);
    assert_int_equal(item_on(s, ig, d0 + 7).rolled_from, d0);
    f = tu_find_of(s, CCAD_FIND_GAP, ig);
    assert_int_equal(f.date, d0 + 7);
    tu_reason_is(&f.reasons[0], CCAD_RULE_GAP, CCAD_WHY_GAP_PLANNED, 17, 14, d0 + 7);
    ccad_schedule_free(s);
}

/* Platform warnings appear as findings of the schedule. */
static void findings_platform(void **state)
{
    env *e = *state;
    char id[16];
    int i;
    ccad_schedule *s;
    ccad_finding f;
    for (i = 0; i < 51; i++) {
        ccad_customer c = cust(id, i < 20 ? CCAD_GRADE_B : CCAD_GRADE_C, 100 - i, D0 - 1);
        snprintf(id, sizeof id, "p%02d", i);
        add(e, &c);
    }
    grade(e);
    /* 1.1's defaults: no fixed cap, at least 50: only C-heavy */
    s = plan(e, D0, 1, 100);
    assert_int_equal(tu_count_findings(s, CCAD_FIND_PLATFORM, -1), 1);
    f = tu_find_of(s, CCAD_FIND_PLATFORM, -1);
    tu_reason_is(&f.reasons[0], CCAD_RULE_PLATFORM, CCAD_WHY_PLATFORM_C_HEAVY, 31, 51, 50);
    ccad_schedule_free(s);
    /* 1.0's cap of 50 back */
    TU_PASS(e->fx.ctx, ccad_rules_set(e->fx.r, "platform.working_cap", 50));
    s = plan(e, D0, 1, 100);
    assert_int_equal(tu_count_findings(s, CCAD_FIND_PLATFORM, -1), 2);
    f = tu_find_of(s, CCAD_FIND_PLATFORM, -1);
    assert_int_equal(f.date, CCAD_NO_DATE);
    tu_reason_is(&f.reasons[0], CCAD_RULE_PLATFORM, CCAD_WHY_PLATFORM_OVER_CAP, 51, 50, 0);
    f = tu_finding(s, ccad_schedule_finding_count(s) - 1);
    tu_reason_is(&f.reasons[0], CCAD_RULE_PLATFORM, CCAD_WHY_PLATFORM_C_HEAVY, 31, 51, 50);
    ccad_schedule_free(s);
    /* a minimum above the platform: under it, before C-heavy */
    assert_int_equal(ccad_rules_set(e->fx.r, "platform.working_min", 52), CCAD_ECONFLICT);
    TU_PASS(e->fx.ctx, ccad_rules_set(e->fx.r, "platform.working_cap", 0));
    TU_PASS(e->fx.ctx, ccad_rules_set(e->fx.r, "platform.working_min", 52));
    s = plan(e, D0, 1, 100);
    assert_int_equal(tu_count_findings(s, CCAD_FIND_PLATFORM, -1), 2);
    f = tu_find_of(s, CCAD_FIND_PLATFORM, -1);
    tu_reason_is(&f.reasons[0], CCAD_RULE_PLATFORM, CCAD_WHY_PLATFORM_UNDER_MIN, 51, 52, 0);
    ccad_schedule_free(s);
}

/* WORKLOAD, overload policy: stretching every interval plans fewer contacts
 * than reporting on an overloaded book. */
static size_t rep_items(const ccad_schedule *s)
{
    size_t i, n = 0;
    for (i = 0; i < ccad_schedule_item_count(s); i++) {
        ccad_item it = tu_item(s, i);
        n += it.kind != CCAD_ITEM_TOUCH && it.delegated == CCAD_BY_REP;
    }
    return n;
}

static void stretch_policy(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    char id[16];
    int i;
    ccad_schedule *rep, *str;
    ccad_plan_options o = opts(d0, 28, 3);
    ccad_finding f;
    for (i = 0; i < 10; i++) {
        snprintf(id, sizeof id, "a%d", i);
        add_simple(e, id, CCAD_GRADE_A, 100 - i, d0 - 1 - (i % 3));
    }
    grade(e);
    rep = plan_o(e, &o);
    o.overload = CCAD_OVERLOAD_STRETCH;
    str = plan_o(e, &o);
    print_message("overloaded book: report plans %lu contacts, stretch %lu\n",
                  (unsigned long)rep_items(rep), (unsigned long)rep_items(str));
    /* the workload finding names the stretch factor in both */
    f = workload_finding(rep);
    tu_reason_is(&f.reasons[0], CCAD_RULE_WORKLOAD, CCAD_WHY_WORKLOAD_OVER, 80, 60, 134);
    assert_true(rep_items(str) < rep_items(rep));
    f = workload_finding(str);
    tu_reason_is(&f.reasons[0], CCAD_RULE_WORKLOAD, CCAD_WHY_WORKLOAD_OVER, 80, 60, 134);
    ccad_schedule_free(rep);
    ccad_schedule_free(str);

    /* the same with pull-ahead off */
    set(e, "capacity.pull_ahead_days", 0);
    o.overload = CCAD_OVERLOAD_REPORT;
    rep = plan_o(e, &o);
    o.overload = CCAD_OVERLOAD_STRETCH;
    str = plan_o(e, &o);
    assert_true(rep_items(str) < rep_items(rep));
    ccad_schedule_free(rep);
    ccad_schedule_free(str);
}

/* Minute-based capacity: service minutes per grade (route.service_*_min). */
static void minutes_capacity(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    uint32_t a1, a2, b1, c1;
    ccad_schedule *s;
    ccad_plan_options o = opts(d0, 1, 0);
    set(e, "capacity.pull_ahead_days", 0);
    a1 = add_simple(e, "a1", CCAD_GRADE_A, 100, d0 - 3);
    a2 = add_simple(e, "a2", CCAD_GRADE_A, 90, d0 - 3);
    b1 = add_simple(e, "b1", CCAD_GRADE_B, 50, d0 - 7);
    c1 = add_simple(e, "c1", CCAD_GRADE_C, 10, d0 - 28);
    grade(e);
    o.minutes_per_day = 120; /* A 60 + A 60 */
    s = plan_o(e, &o);
    assert_int_equal(ccad_schedule_item_count(s), 2);
    assert_true(has_item_on(s, a1, d0) && has_item_on(s, a2, d0));
    assert_int_equal(tu_count_findings(s, CCAD_FIND_OVER_CAPACITY, -1) >= 1, 1);
    ccad_schedule_free(s);
    o.minutes_per_day = 150; /* B (45) does not fit after 120, C (30) does */
    s = plan_o(e, &o);
    assert_int_equal(ccad_schedule_item_count(s), 3);
    assert_false(has_item_on(s, b1, d0));
    assert_true(has_item_on(s, c1, d0));
    ccad_schedule_free(s);
    /* other service times */
    set(e, "route.service_a_min", 30);
    s = plan_o(e, &o); /* 30 + 30 + 45 + 30 = 135 */
    assert_int_equal(ccad_schedule_item_count(s), 4);
    ccad_schedule_free(s);
    /* both limits: the tighter one wins */
    o.visits_per_day = 2;
    s = plan_o(e, &o);
    assert_int_equal(ccad_schedule_item_count(s), 2);
    ccad_schedule_free(s);
}

/* keep_reasons = 0: the same plan without reasons. */
static void lean_schedules(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    char id[16];
    int i;
    ccad_schedule *s1, *s0;
    ccad_plan_options o = opts(d0, 14, 3);
    size_t k;
    for (i = 0; i < 20; i++) {
        snprintf(id, sizeof id, "l%02d", i);
        add_simple(e, id,
                   i < 4   ? CCAD_GRADE_A
                   : i < 9 ? CCAD_GRADE_B
                           : CCAD_GRADE_C,
                   100 - i, i == 5 ? CCAD_NO_DATE : d0 - 1 - 2 * i);
    }
    grade(e);
    s1 = plan_o(e, &o);
    o.keep_reasons = 0;
    s0 = plan_o(e, &o);
    assert_int_equal(ccad_schedule_item_count(s0), ccad_schedule_item_count(s1));
    assert_int_equal(ccad_schedule_finding_count(s0), ccad_schedule_finding_count(s1));
    for (k = 0; k < ccad_schedule_item_count(s0); k++) {
        ccad_item a = tu_item(s0, k), b = tu_item(s1, k);
        assert_int_equal(a.reason_count, 0);
        assert_true(b.reason_count >= 1);
        assert_int_equal(a.date, b.date);
        assert_int_equal(a.customer, b.customer);
        assert_int_equal(a.kind, b.kind);
        assert_int_equal(a.priority, b.priority);
    }
    for (k = 0; k < ccad_schedule_finding_count(s0); k++) {
        ccad_finding a = tu_finding(s0, k), b = tu_finding(s1, k);
        assert_int_equal(a.reason_count, 0);
        assert_int_equal(a.kind, b.kind);
        assert_true(a.customer == b.customer);
    }
    ccad_schedule_free(s0);
    ccad_schedule_free(s1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        PLAN_TEST(reminders),
        PLAN_TEST(findings_kinds_and_order),
        PLAN_TEST(findings_planned_gap),
        PLAN_TEST(findings_platform),
        PLAN_TEST(stretch_policy),
        PLAN_TEST(minutes_capacity),
        PLAN_TEST(lean_schedules),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
