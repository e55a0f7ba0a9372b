/* Planner 2: the planner's new rules, one test function per rule (visit
 * days, blocked customers, visit hours and the day's end, Q3 delegated for
 * lack of time, TRIAGE give up, visit requests, planned-away days,
 * reminders, let go, a closing holiday). Weekly assignment and repair:
 * test_plan_week.c; the error paths: faults_plan.c. Fixture:
 * tests/plan_env.h.
 *
 * Dates: D0 is Monday 2026-03-02; D0+5/+6, D0+12/+13, D0+19/+20 are weekends. */
#include "plan_env.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------------- */
/* Rule 1 (ROUTE, visit days): in-person items (visits, persist days, care
 * contacts; by the rep, a colleague or the substitute; routed or not) fall
 * only on the customer's visit days; calls and touches do not. A contact
 * due on another weekday is planned on the next allowed day with
 * PLAN_VISIT_DAY(due date, mask) right after the lead reason; a daily
 * customer seen Mon/Wed/Fri gets exactly Mon, Wed and Fri. */
static void visit_days_respected(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    const uint32_t mwf = CCAD_MON | CCAD_WED | CCAD_FRI;
    ccad_customer c;
    ccad_item its[16];
    uint32_t idaily, icall, itouch;
    char id[16];
    int i, route;
    size_t n, seen[6] = {0, 0, 0, 0, 0, 0}, free_call = 0, free_touch = 0;
    ccad_schedule *s;

    c = cust("daily", CCAD_GRADE_A, 900, d0 - 1);
    c.purchase_date = d0 + 4; /* within a week: Q1, one contact a day */
    c.visit_days = mwf;
    idaily = add(e, &c);
    grade(e);
    s = plan(e, d0, 5, 8);
    n = tu_items_of(s, idaily, 0, its, 16);
    assert_int_equal(n, 3);
    for (i = 0; i < 3; i++) {
        assert_int_equal(its[i].date, d0 + 2 * i);
        assert_int_equal(its[i].kind, CCAD_ITEM_VISIT);
        assert_int_equal(its[i].quadrant, CCAD_Q1);
        assert_true(its[i].reason_count >= 2);
    }
    tu_reason_is(&its[0].reasons[0], CCAD_RULE_QUADRANT, CCAD_WHY_PLAN_DUE, d0, CCAD_Q1, 0);
    assert_null(tu_reason_of(its[0].reasons, its[0].reason_count, CCAD_WHY_PLAN_VISIT_DAY));
    for (i = 1; i < 3; i++) {
        /* due the day before (Tue, Thu): not overdue, a visit-day wait */
        tu_reason_is(&its[i].reasons[0], CCAD_RULE_QUADRANT, CCAD_WHY_PLAN_DUE, d0 + 2 * i - 1,
                     CCAD_Q1, 0);
        tu_reason_is(&its[i].reasons[1], CCAD_RULE_ROUTE, CCAD_WHY_PLAN_VISIT_DAY, d0 + 2 * i - 1,
                     mwf, 0);
    }
    ccad_schedule_free(s);

    /* a mixed book: persist blocks, a care contact, a delegated Q3, an
     * absence, calls and touches, each customer with its own visit days */
    for (i = 0; i < 4; i++) { /* fillers: the Monday is full (3 a day) */
        snprintf(id, sizeof id, "a%d", i);
        c = cust(id, CCAD_GRADE_A, 800 - i, d0 - 10);
        c.visit_days = i % 2 ? 0u : (uint32_t)(CCAD_MON | CCAD_THU);
        c.has_location = 1;
        c.x = 5.0 + i;
        add(e, &c);
    }
    c = cust("persist", CCAD_GRADE_B, 500, d0 - 10);
    c.status = CCAD_STATUS_ACTIVE;
    c.monthly_volume = 6000000; /* push: persist blocks */
    c.visit_days = CCAD_TUE | CCAD_THU;
    c.has_location = 1;
    add(e, &c);
    c = cust("care", CCAD_GRADE_B, 400, d0 - 8);
    c.complaint = CCAD_COMPLAINT_RESOLVED;
    c.complaint_date = d0 - 6; /* care due D0+1 (Tue), seen Wed */
    c.visit_days = CCAD_WED;
    c.has_location = 1;
    add(e, &c);
    c = cust("q3", CCAD_GRADE_C, 50, d0 - 40);
    c.purchase_date = d0 + 3; /* urgent, unimportant: Q3, delegated on the full Monday */
    c.visit_days = CCAD_MON;
    c.has_location = 1;
    add(e, &c);
    c = cust("call", CCAD_GRADE_C, 40, d0 - 30); /* Q4: a call, any day */
    c.visit_days = CCAD_SAT;
    icall = add(e, &c);
    c = cust("touch", CCAD_GRADE_B, 300, d0 - 2);
    c.visit_days = CCAD_FRI;
    c.has_location = 1;
    itouch = add(e, &c);
    grade(e);
    e->absent[e->n_absent++] = d0 + 8;    /* Tuesday of week 2: the substitute */
    e->special[e->n_special++] = d0 + 10; /* Thursday of week 2: touches */
    for (route = 0; route <= 1; route++) {
        ccad_plan_options o = route ? route_opts(d0, 14, 3) : opts(d0, 14, 3);
        s = plan_o(e, &o);
        for (n = 0; n < ccad_schedule_item_count(s); n++) {
            ccad_item it = tu_item(s, n);
            uint32_t mask = customer_at(e, it.customer).visit_days;
            if (in_person(it.kind)) {
                assert_true(mask == 0 || (mask & wd_bit(it.date)) != 0);
                seen[it.kind == CCAD_ITEM_PERSIST ? 0 : it.kind == CCAD_ITEM_CARE ? 1 : 2]++;
                seen[3 + it.delegated]++;
                if (route && it.delegated == CCAD_BY_REP)
                    assert_true(it.seq > 0);
            }
            free_call += it.customer == icall && it.kind == CCAD_ITEM_CALL &&
                         !(mask & wd_bit(it.date));
            free_touch += it.customer == itouch && it.kind == CCAD_ITEM_TOUCH &&
                          !(mask & wd_bit(it.date));
        }
        ccad_schedule_free(s);
    }
    /* every kind and delegation was seen, and calls and touches were free */
    for (i = 0; i < 6; i++)
        assert_true(seen[i] > 0);
    assert_true(free_call > 0);
    assert_int_equal(free_touch, 2);
}

/* Rule 2 (ROUTE): no working day of the range on the customer's visit days
 * (Saturday only; Wednesday only with Wednesday a holiday): no item, and an
 * UNPLANNED finding whose second reason is PLAN_BLOCKED_DAYS(first due, mask). */
static void visit_days_none_in_range(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    ccad_customer c = cust("sat", CCAD_GRADE_A, 900, d0 - 10);
    uint32_t isat, iwed, iok;
    ccad_schedule *s;
    ccad_finding f;
    c.visit_days = CCAD_SAT;
    isat = add(e, &c);
    c = cust("wed", CCAD_GRADE_B, 800, d0 - 10);
    c.visit_days = CCAD_WED;
    iwed = add(e, &c);
    c = cust("thu", CCAD_GRADE_B, 700, d0 - 10);
    c.visit_days = CCAD_THU;
    iok = add(e, &c);
    grade(e);
    e->holiday[e->n_holiday++] = d0 + 2;
    s = plan(e, d0, 5, 8);
    assert_int_equal(tu_items_of(s, isat, 0, NULL, 0), 0);
    assert_int_equal(tu_items_of(s, iwed, 0, NULL, 0), 0);
    assert_int_equal(tu_items_of(s, iok, 0, NULL, 0), 1); /* control: Thursday */
    f = tu_find_of(s, CCAD_FIND_UNPLANNED, isat);
    assert_int_equal(f.date, d0);
    assert_int_equal(f.reason_count, 2);
    tu_reason_is(&f.reasons[0], CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_UNPLANNED, d0, 0, 0);
    tu_reason_is(&f.reasons[1], CCAD_RULE_ROUTE, CCAD_WHY_PLAN_BLOCKED_DAYS, d0, CCAD_SAT, 0);
    f = tu_find_of(s, CCAD_FIND_UNPLANNED, iwed);
    assert_int_equal(f.reason_count, 2);
    tu_reason_is(&f.reasons[1], CCAD_RULE_ROUTE, CCAD_WHY_PLAN_BLOCKED_DAYS, d0, CCAD_WED, 0);
    assert_int_equal(tu_count_findings(s, CCAD_FIND_UNPLANNED, iok), 0);
    ccad_schedule_free(s);
}

/* Rule 3 (ROUTE, visit hours and the day's end): every stop starts within
 * its visit hours and ends by their close, the rep is back by the day's
 * end; visit hours that cannot hold the visit give PLAN_BLOCKED_HOURS(open,
 * close, service), a stop too far to go and come back within the day
 * PLAN_BLOCKED_TIME(first due, leg there + service + leg back, day
 * minutes); no ROUTE finding and no late stop. */
static void visit_hours_and_day_end(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    ccad_plan_options o = route_opts(d0, 5, 8);
    ccad_customer c;
    uint32_t ishort, ifar, iwin;
    char id[16];
    int i;
    ccad_schedule *s;
    ccad_finding f;
    set(e, "capacity.pull_ahead_days", 0);
    for (i = 0; i < 6; i++) {
        snprintf(id, sizeof id, "w%d", i);
        c = cust(id, i < 3 ? CCAD_GRADE_A : CCAD_GRADE_B, 900 - i, d0 - 3);
        c.has_location = 1;
        c.x = 8.0 * (i + 1);
        c.y = 4.0 * (i % 2);
        c.visit_open_min = i % 2 ? 600 : 480;  /* from 10:00 */
        c.visit_close_min = i % 3 ? 720 : 660; /* until 12:00 or 11:00 */
        add(e, &c);
    }
    c = cust("short", CCAD_GRADE_A, 100, d0 - 3);
    c.has_location = 1;
    c.visit_open_min = 600;
    c.visit_close_min = 630; /* 10:00-10:30 for a 60-minute visit */
    ishort = add(e, &c);
    c = cust("far", CCAD_GRADE_A, 90, d0 - 3);
    c.has_location = 1;
    c.x = 100.0; /* 100 minutes each way */
    ifar = add(e, &c);
    c = cust("win", CCAD_GRADE_B, 80, d0 - 6); /* due Tuesday, alone */
    c.has_location = 1;
    c.x = 10.0;
    c.visit_open_min = 650;
    c.visit_close_min = 700; /* a tight window that still holds 45 minutes */
    iwin = add(e, &c);
    grade(e);
    o.day_minutes = 240; /* 08:00-12:00 */
    s = plan_o(e, &o);
    assert_true(check_times(e, s, &o) >= 4);
    assert_int_equal(tu_items_of(s, ishort, 0, NULL, 0), 0);
    f = tu_find_of(s, CCAD_FIND_UNPLANNED, ishort);
    assert_int_equal(f.reason_count, 2);
    tu_reason_is(&f.reasons[0], CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_UNPLANNED, d0, 0, 0);
    tu_reason_is(&f.reasons[1], CCAD_RULE_ROUTE, CCAD_WHY_PLAN_BLOCKED_HOURS, 600, 630, 60);
    assert_int_equal(tu_items_of(s, ifar, 0, NULL, 0), 0);
    f = tu_find_of(s, CCAD_FIND_UNPLANNED, ifar);
    assert_int_equal(f.reason_count, 2);
    tu_reason_is(&f.reasons[1], CCAD_RULE_ROUTE, CCAD_WHY_PLAN_BLOCKED_TIME, d0, 100 + 60 + 100,
                 240);
    {
        ccad_item it;
        assert_int_equal(tu_items_of(s, iwin, 0, &it, 1), 1);
        assert_int_equal(it.date, d0 + 1);
        assert_true(it.seq == 1 && it.eta_min == 650 && it.depart_min == 695);
    }
    ccad_schedule_free(s);
    /* the same with a whole day: the far stop fits (back by 20:00) */
    o.day_minutes = 720;
    s = plan_o(e, &o);
    check_times(e, s, &o);
    assert_int_equal(tu_items_of(s, ifar, 0, NULL, 0), 2); /* Mon, Thu */
    assert_int_equal(tu_count_findings(s, CCAD_FIND_UNPLANNED, ifar), 0);
    assert_int_equal(tu_count_findings(s, CCAD_FIND_UNPLANNED, ishort), 1);
    ccad_schedule_free(s);
}

/* Rule 4 (CAPACITY): a Q3 contact that does not fit in the day's remaining
 * time, the count limit not reached, is delegated to a colleague with
 * PLAN_DELEGATED(minutes the route already takes, day minutes, 2). */
static void q3_delegated_for_time(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    ccad_plan_options o = route_opts(d0, 1, 8);
    ccad_customer c;
    uint32_t iq3, ia, ib;
    ccad_item it;
    ccad_schedule *s;
    set(e, "capacity.pull_ahead_days", 0);
    c = cust("a1", CCAD_GRADE_A, 900, d0 - 3);
    c.has_location = 1;
    c.x = 10.0;
    ia = add(e, &c);
    c = cust("a2", CCAD_GRADE_A, 800, d0 - 3);
    c.has_location = 1;
    c.x = 20.0;
    ib = add(e, &c);
    c = cust("q3", CCAD_GRADE_C, 50, d0 - 40);
    c.purchase_date = d0 + 3;
    c.has_location = 1;
    c.y = 5.0;
    iq3 = add(e, &c);
    grade(e);
    o.day_minutes = 180; /* 10 + 60 + 10 + 60 + 20 = 160 taken, 20 left */
    s = plan_o(e, &o);
    assert_int_equal(tu_items_of(s, ia, 0, NULL, 0), 1);
    assert_int_equal(tu_items_of(s, ib, 0, NULL, 0), 1);
    assert_int_equal(tu_items_of(s, iq3, 0, &it, 1), 1);
    assert_int_equal(it.date, d0);
    assert_int_equal(it.quadrant, CCAD_Q3);
    assert_int_equal(it.kind, CCAD_ITEM_VISIT);
    assert_int_equal(it.delegated, CCAD_BY_COLLEAGUE);
    assert_int_equal(it.seq, 0);
    assert_true(it.reason_count >= 1);
    tu_reason_is(&it.reasons[0], CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_DELEGATED, 160, 180, 2);
    check_times(e, s, &o);
    ccad_schedule_free(s);
    /* control: with 55 minutes more the rep takes it (first stop: 5 + 30 +
     * 12 - 10 more minutes) */
    o.day_minutes = 235;
    s = plan_o(e, &o);
    assert_int_equal(tu_items_of(s, iq3, 0, &it, 1), 1);
    assert_int_equal(it.delegated, CCAD_BY_REP);
    ccad_schedule_free(s);
}

/* Rule 5 (TRIAGE give up: unmovable and not capable): no item at all over
 * a multi-week plan, and one RELEASE_PROPOSED finding on the first day with
 * GIVE_UP(contacts, patience.min_contacts, premature) first; with fewer
 * contacts than the minimum, c = 1 and the finding carries PATIENCE too.
 * An open complaint is still answered. */
static void give_up(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    ccad_customer c;
    uint32_t igu, igu2, icompl, icap;
    ccad_assessment a;
    ccad_finding f;
    ccad_schedule *s;
    /* the contact count guards every open customer here, as in 1.0 (by
     * default it guards prospects only; these customers buy) */
    TU_PASS(e->fx.ctx, ccad_rules_set(e->fx.r, "patience.prospects_only", 0));
    c = cust("gu", CCAD_GRADE_B, 500, d0 - 3);
    c.status = CCAD_STATUS_ACTIVE;
    c.monthly_volume = 1000000; /* below triage.unmovable_volume */
    c.capable = 0;
    igu = add(e, &c);
    c.id = "gu2";
    c.contacts = 2;
    igu2 = add(e, &c);
    c.id = "compl";
    c.contacts = 6;
    c.complaint = CCAD_COMPLAINT_OPEN;
    c.complaint_date = d0 - 1;
    icompl = add(e, &c);
    c.id = "capable"; /* control: capable, so persist */
    c.complaint = CCAD_COMPLAINT_NONE;
    c.complaint_date = CCAD_NO_DATE;
    c.capable = 1;
    icap = add(e, &c);
    grade(e);
    memset(&a, 0, sizeof a);
    a.size = (uint32_t)sizeof a;
    TU_PASS(e->fx.ctx, ccad_book_assess(e->fx.b, e->fx.r, igu, d0, &a));
    assert_int_equal(a.strategy, CCAD_STRATEGY_GIVE_UP);
    e->special[e->n_special++] = d0 + 9;
    s = plan(e, d0, 21, 8);
    assert_int_equal(tu_items_of(s, igu, 0, NULL, 0), 0);
    assert_int_equal(tu_items_of(s, igu2, 0, NULL, 0), 0);
    assert_int_equal(tu_count_findings(s, CCAD_FIND_RELEASE_PROPOSED, igu), 1);
    f = tu_find_of(s, CCAD_FIND_RELEASE_PROPOSED, igu);
    assert_int_equal(f.date, d0);
    tu_reason_is(&f.reasons[0], CCAD_RULE_TRIAGE, CCAD_WHY_GIVE_UP, 6, 5, 0);
    assert_non_null(tu_reason_of(f.reasons, f.reason_count, CCAD_WHY_TRIAGE));
    assert_null(tu_reason_of(f.reasons, f.reason_count, CCAD_WHY_PATIENCE));
    assert_int_equal(tu_count_findings(s, CCAD_FIND_RELEASE_PROPOSED, igu2), 1);
    f = tu_find_of(s, CCAD_FIND_RELEASE_PROPOSED, igu2);
    assert_int_equal(f.date, d0);
    tu_reason_is(&f.reasons[0], CCAD_RULE_TRIAGE, CCAD_WHY_GIVE_UP, 2, 5, 1);
    assert_non_null(tu_reason_of(f.reasons, f.reason_count, CCAD_WHY_PATIENCE));
    tu_reason_is(tu_reason_of(f.reasons, f.reason_count, CCAD_WHY_PATIENCE), CCAD_RULE_PATIENCE,
                 CCAD_WHY_PATIENCE, 2, 5, 0);
    /* not unplanned either: the release is the finding */
    assert_int_equal(tu_count_findings(s, CCAD_FIND_UNPLANNED, igu), 0);
    /* the complaint is answered; the capable one is worked */
    assert_true(tu_items_of(s, icompl, 0, NULL, 0) >= 1);
    assert_true(tu_items_of(s, icap, 0, NULL, 0) >= 1);
    assert_int_equal(tu_count_findings(s, CCAD_FIND_RELEASE_PROPOSED, icap), 0);
    /* no keep-warm touch either, though it is grade B and D0+9 is special */
    assert_int_equal(tu_items_of(s, igu, 1, NULL, 0), 0);
    assert_int_equal(tu_items_of(s, igu2, 1, NULL, 0), 0);
    ccad_schedule_free(s);
}

/* Rule 6 (URGENCY request): an unimportant customer asking to be seen on
 * Tuesday (plan from Monday) gets one item on Tuesday (rep or colleague),
 * none on Monday, and none for the request after it -- whether it was not
 * due otherwise, or due (overdue) on Monday already. */
static void request_answered_on_day(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    ccad_customer c;
    uint32_t ic[2];
    ccad_item its[8];
    ccad_schedule *s;
    int k;
    c = cust("req", CCAD_GRADE_C, 50, d0 - 5);
    c.request_date = d0 + 1;
    ic[0] = add(e, &c);
    c = cust("req_due", CCAD_GRADE_C, 40, d0 - 30); /* C interval 28: due D0-2 */
    c.request_date = d0 + 1;
    ic[1] = add(e, &c);
    grade(e);
    s = plan(e, d0, 14, 8);
    for (k = 0; k < 2; k++) {
        assert_int_equal(tu_items_of(s, ic[k], 0, its, 8), 1);
        assert_int_equal(its[0].date, d0 + 1);
        assert_int_equal(its[0].kind, CCAD_ITEM_VISIT);
        assert_int_equal(its[0].quadrant, CCAD_Q3);
        assert_true(its[0].delegated == CCAD_BY_REP || its[0].delegated == CCAD_BY_COLLEAGUE);
        assert_non_null(
            tu_reason_of(its[0].reasons, its[0].reason_count, CCAD_WHY_URGENCY_REQUEST));
        assert_int_equal(tu_count_findings(s, CCAD_FIND_UNPLANNED, ic[k]), 0);
    }
    ccad_schedule_free(s);
}

/* Rule 7 (planned-away days): days on which the rep could not have seen the
 * customer -- holidays, absences, days outside its visit days -- do not
 * count as overdue: PLAN_DUE(due, quadrant, c = 0). A customer already
 * overdue before the range keeps its days (the control). */
static void planned_away_not_late(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    ccad_customer c;
    uint32_t idaily, ivd, ilate;
    ccad_item its[8];
    ccad_schedule *s;
    size_t n;
    set(e, "capacity.pull_ahead_days", 0);
    c = cust("daily", CCAD_GRADE_A, 900, d0 - 1);
    c.purchase_date = d0 + 6;
    idaily = add(e, &c);
    c = cust("vd", CCAD_GRADE_A, 800, d0 - 2); /* interval 3: due Tuesday */
    c.visit_days = CCAD_MON | CCAD_FRI;
    ivd = add(e, &c);
    c = cust("late", CCAD_GRADE_A, 700, d0 - 10);
    ilate = add(e, &c);
    grade(e);
    e->holiday[e->n_holiday++] = d0 + 1; /* Tuesday */
    e->holiday[e->n_holiday++] = d0 + 2; /* Wednesday */
    e->absent[e->n_absent++] = d0 + 3;   /* Thursday */
    s = plan(e, d0, 5, 8);
    n = tu_items_of(s, idaily, 0, its, 8);
    assert_int_equal(n, 3); /* Mon, Thu (substitute), Fri */
    assert_int_equal(its[0].date, d0);
    assert_int_equal(its[1].date, d0 + 3);
    assert_int_equal(its[1].delegated, CCAD_BY_SUBSTITUTE);
    /* due on the holiday Tuesday, handed over on the next working day */
    tu_reason_is(&its[1].reasons[0], CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_ABSENT, d0 + 3, 0, 0);
    assert_int_equal(its[2].date, d0 + 4);
    tu_reason_is(&its[2].reasons[0], CCAD_RULE_QUADRANT, CCAD_WHY_PLAN_DUE, d0 + 4, CCAD_Q1, 0);
    /* due Tue; Tue outside its days, Wed a holiday, Thu absent: Friday, 0 late */
    n = tu_items_of(s, ivd, 0, its, 8);
    assert_int_equal(n, 1);
    assert_int_equal(its[0].date, d0 + 4);
    tu_reason_is(&its[0].reasons[0], CCAD_RULE_QUADRANT, CCAD_WHY_PLAN_DUE, d0 + 1, CCAD_Q2, 0);
    tu_reason_is(&its[0].reasons[1], CCAD_RULE_ROUTE, CCAD_WHY_PLAN_VISIT_DAY, d0 + 1,
                 CCAD_MON | CCAD_FRI, 0);
    n = tu_items_of(s, ilate, 0, its, 8);
    assert_true(n >= 1);
    tu_reason_is(&its[0].reasons[0], CCAD_RULE_QUADRANT, CCAD_WHY_PLAN_DUE, d0 - 7, CCAD_Q2, 7);
    ccad_schedule_free(s);
    /* a daily customer due on a holiday: the next working day, 0 late */
    e->n_absent = 0;
    e->n_holiday = 0;
    e->holiday[e->n_holiday++] = d0 + 2;
    s = plan(e, d0, 5, 8);
    n = tu_items_of(s, idaily, 0, its, 8);
    assert_int_equal(n, 4);
    assert_int_equal(its[2].date, d0 + 3);
    tu_reason_is(&its[2].reasons[0], CCAD_RULE_QUADRANT, CCAD_WHY_PLAN_DUE, d0 + 2, CCAD_Q1, 0);
    ccad_schedule_free(s);
}

/* Rule 8 (FOLLOWUP reminders): an item's reminder_date is
 * followup.reminder_lead_days before it, moved back past weekends,
 * holidays and absences; ccad_schedule_reminders(day) lists exactly the
 * items whose reminder falls on that day. */
static void reminders_on_working_days(void **state)
{
    env *e = *state;
    int32_t d0 = D0, d;
    char id[16];
    int i, moved = 0;
    ccad_schedule *s;
    for (i = 0; i < 10; i++) {
        ccad_customer c;
        snprintf(id, sizeof id, "r%d", i);
        c = cust(id, i < 4 ? CCAD_GRADE_A : CCAD_GRADE_B, 100 - i, d0 - 1 - i);
        if (i == 0)
            c.purchase_date = d0 + 10; /* daily */
        add(e, &c);
    }
    grade(e);
    e->holiday[e->n_holiday++] = d0 + 7;
    e->absent[e->n_absent++] = d0 + 8;
    e->absent[e->n_absent++] = d0 + 3;
    set(e, "followup.reminder_lead_days", 2);
    s = plan(e, d0, 14, 4);
    for (d = d0 - 6; d < d0 + 16; d++) {
        size_t idx[64], n = 999, k, j = 0;
        TU_PASS(e->fx.ctx, ccad_schedule_reminders(s, d, idx, 64, &n));
        for (k = 0; k < ccad_schedule_item_count(s); k++) {
            ccad_item it = tu_item(s, k);
            if (d == d0) { /* once per item */
                assert_int_equal(it.reminder_date, want_reminder(e, it.date, 2));
                assert_true(tu_weekday(it.reminder_date) <= 5);
                assert_false(in_list(e->holiday, e->n_holiday, it.reminder_date));
                assert_false(in_list(e->absent, e->n_absent, it.reminder_date));
                moved += it.reminder_date != it.date - 2;
            }
            if (it.reminder_date == d) {
                assert_true(j < n);
                assert_int_equal(idx[j], k);
                j++;
            }
        }
        assert_int_equal(n, j);
    }
    assert_true(moved > 0);
    ccad_schedule_free(s);
}

/* Rule 9 (TRIAGE let go, GAP): a self-driven customer's planned gaps are
 * measured against gap.max_days x freq.let_go_factor: a gap that reaches
 * the stretched limit raises no GAP finding, one over it gets
 * GAP_PLANNED(gap, stretched limit, end date). */
static void let_go_gap_limit(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    ccad_customer c = cust("lg", CCAD_GRADE_B, 500, d0 - 3); /* Friday */
    uint32_t ilg;
    ccad_assessment a;
    ccad_item its[4];
    ccad_finding f;
    ccad_schedule *s;
    c.status = CCAD_STATUS_ACTIVE;
    c.monthly_volume = 9000000; /* self-driven: let go, interval 7 x 2 = 14 */
    ilg = add(e, &c);
    grade(e);
    memset(&a, 0, sizeof a);
    a.size = (uint32_t)sizeof a;
    TU_PASS(e->fx.ctx, ccad_book_assess(e->fx.b, e->fx.r, ilg, d0, &a));
    assert_int_equal(a.strategy, CCAD_STRATEGY_LET_GO);
    assert_int_equal(a.interval_days, 14);
    set(e, "gap.max_days", 7); /* stretched: 14, reached exactly */
    s = plan(e, d0, 14, 8);
    assert_int_equal(tu_items_of(s, ilg, 0, its, 4), 1);
    assert_int_equal(its[0].date, d0 + 11);
    assert_int_equal(tu_count_findings(s, CCAD_FIND_GAP, -2), 0);
    ccad_schedule_free(s);
    set(e, "gap.max_days", 6); /* stretched: 12, the 14-day gap is over */
    s = plan(e, d0, 14, 8);
    assert_int_equal(tu_count_findings(s, CCAD_FIND_GAP, ilg), 1);
    f = tu_find_of(s, CCAD_FIND_GAP, ilg);
    assert_int_equal(f.date, d0 + 11);
    assert_int_equal(f.reason_count, 1);
    tu_reason_is(&f.reasons[0], CCAD_RULE_GAP, CCAD_WHY_GAP_PLANNED, 14, 12, d0 + 11);
    ccad_schedule_free(s);
    /* without the stretch (factor 1) the limit is gap.max_days itself */
    set(e, "freq.let_go_factor", 1);
    set(e, "gap.max_days", 13);
    grade(e);
    s = plan(e, d0, 14, 8);
    assert_int_equal(tu_count_findings(s, CCAD_FIND_GAP, ilg), 0); /* 7-day gaps now */
    ccad_schedule_free(s);
}

/* Rule 10: a customer due only on the last day of the range, a holiday,
 * is not lost: an UNPLANNED finding (due date, not never contacted). */
static void due_on_closing_holiday(void **state)
{
    env *e = *state;
    int32_t d0 = D0;
    uint32_t ib;
    ccad_customer c = cust("b", CCAD_GRADE_B, 500, d0 - 3); /* due Friday D0+4 */
    ccad_finding f;
    ccad_schedule *s;
    set(e, "capacity.pull_ahead_days", 0); /* else pulled before the holiday */
    ib = add(e, &c);
    /* a second customer, so that the plan is not empty (an empty one is
     * checked under UBSan by test_plan's pull_ahead_levelling) */
    c = cust("other", CCAD_GRADE_A, 900, d0 - 1);
    add(e, &c);
    grade(e);
    e->holiday[e->n_holiday++] = d0 + 4;
    s = plan(e, d0, 5, 8);
    assert_int_equal(tu_items_of(s, ib, 0, NULL, 0), 0);
    assert_int_equal(tu_count_findings(s, CCAD_FIND_UNPLANNED, ib), 1);
    f = tu_find_of(s, CCAD_FIND_UNPLANNED, ib);
    assert_int_equal(f.date, d0 + 4);
    tu_reason_is(&f.reasons[0], CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_UNPLANNED, d0 + 4, 0, 0);
    ccad_schedule_free(s);
    /* one day shorter: not due in the range, no finding */
    s = plan(e, d0, 4, 8);
    assert_int_equal(tu_count_findings(s, CCAD_FIND_UNPLANNED, ib), 0);
    ccad_schedule_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        PLAN_TEST(visit_days_respected),
        PLAN_TEST(visit_days_none_in_range),
        PLAN_TEST(visit_hours_and_day_end),
        PLAN_TEST(q3_delegated_for_time),
        PLAN_TEST(give_up),
        PLAN_TEST(request_answered_on_day),
        PLAN_TEST(planned_away_not_late),
        PLAN_TEST(reminders_on_working_days),
        PLAN_TEST(let_go_gap_limit),
        PLAN_TEST(due_on_closing_holiday),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
