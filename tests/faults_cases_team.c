/* Fault census cases: teams: the handle, its calendar, transfers, team plans and proposals.
 * tests/test_faults.c runs every case of the table at the end (faults_cases.h). */
#include "faults_cases.h"

#include <stdlib.h>
#include <string.h>

static int run_team_new(world *w, uint64_t *digest)
{
    ccad_team *t = (ccad_team *)(void *)w;
    int rc = ccad_team_new(&t, w->ctx, NULL);
    settle(w);
    if (rc != CCAD_OK) {
        assert_null(t);
        return rc;
    }
    *digest = ccad_team_count(t);
    ccad_team_free(t);
    return rc;
}

/* a fifth rep: the team's array grows */
static int run_team_add(world *w, uint64_t *digest)
{
    ccad_rep r = fault_rep("r0", 5.0, 4);
    ccad_rep got = CCAD_REP_INIT;
    int rc = ccad_team_add(w->team, &r, w->b5);
    settle(w);
    if (rc != CCAD_OK) {
        assert_int_equal(ccad_team_count(w->team), 4);
        return rc;
    }
    assert_int_equal(ccad_team_count(w->team), 5);
    TU_PASS(w->ctx, ccad_team_rep(w->team, 0, &got, NULL));
    assert_string_equal(got.id, "r0");
    *digest = ccad_team_count(w->team);
    return rc;
}

static int run_team_day_flags(world *w, uint64_t *digest)
{
    uint32_t f = 0x5a5a;
    int rc = ccad_team_day_flags(w->team, 1, w->today + 2, &f);
    settle(w);
    if (rc != CCAD_OK) {
        assert_int_equal(f, 0x5a5a);
        return rc;
    }
    assert_int_equal(f, CCAD_DAY_WORKING | CCAD_DAY_ABSENT); /* r2 is away */
    *digest = f;
    return rc;
}

/* customer 3 of b into b2, whose arrays are exactly full */
static int run_book_transfer(world *w, uint64_t *digest)
{
    size_t at = 4242;
    int rc = ccad_book_transfer(w->b, 3, w->b2, &at);
    settle(w);
    if (rc != CCAD_OK) {
        assert_int_equal(at, 4242);
        return rc;
    }
    assert_int_equal(at, 16);
    TU_PASS(ccad_book_ctx(w->b2), ccad_book_grade(w->b2, w->r));
    *digest = mix(book_digest(w->b2, w->r, w->today), ccad_book_count(w->b));
    return rc;
}

static uint64_t team_schedule_digest(const ccad_team_schedule *ts)
{
    uint64_t h = UINT64_C(1469598103934665603);
    size_t i;
    for (i = 0; i < ccad_team_schedule_item_count(ts); i++) {
        ccad_team_item t = CCAD_TEAM_ITEM_INIT;
        assert_int_equal(ccad_team_schedule_item(ts, i, &t), CCAD_OK);
        h = mix(h, t.carrier);
        h = mix(h, t.owner);
        h = mix(h, (uint64_t)t.item.date);
        h = mix(h, t.item.customer);
        h = mix(h, (uint64_t)t.item.delegated);
        h = mix(h, (uint64_t)t.item.seq);
        h = mix(h, (uint64_t)t.item.eta_min);
        h = mix_reasons(h, t.item.reasons, t.item.reason_count);
    }
    for (i = 0; i < ccad_team_schedule_finding_count(ts); i++) {
        ccad_team_finding f = CCAD_TEAM_FINDING_INIT;
        assert_int_equal(ccad_team_schedule_finding(ts, i, &f), CCAD_OK);
        h = mix(h, f.rep);
        h = mix(h, (uint64_t)f.finding.kind);
        h = mix(h, (uint64_t)f.finding.customer);
        h = mix_reasons(h, f.finding.reasons, f.finding.reason_count);
    }
    return h;
}

static int team_schedule_run(world *w, uint64_t *digest, int metric)
{
    ccad_team_schedule *ts = (ccad_team_schedule *)(void *)w;
    ccad_plan_options o = census_plan_opts(w, 1, 1, metric);
    int rc;
    o.days = 7;
    rc = ccad_team_schedule_new(&ts, w->team, w->r, &o);
    settle(w);
    if (rc != CCAD_OK) {
        assert_null(ts);
        return rc;
    }
    *digest = team_schedule_digest(ts);
    ccad_team_schedule_free(ts);
    return rc;
}

static int run_team_plan(world *w, uint64_t *d)
{
    return team_schedule_run(w, d, CCAD_METRIC_PLANAR);
}
static int run_team_plan_host(world *w, uint64_t *d)
{
    return team_schedule_run(w, d, CCAD_METRIC_HOST);
}

/* Team proposals over the team with b5 as the pool, a tight capacity
 * (every rep over it) so that moves and assignments are tried too. */
static int run_team_proposals(world *w, uint64_t *digest)
{
    ccad_team_proposals *tp = (ccad_team_proposals *)(void *)w;
    ccad_team_proposal_options o = CCAD_TEAM_PROPOSAL_OPTIONS_INIT;
    ccad_team_balance bal = CCAD_TEAM_BALANCE_INIT;
    uint64_t h = UINT64_C(1469598103934665603);
    size_t i;
    int rc;
    o.today = w->today;
    o.field_days = 3;
    rc = ccad_team_proposals_new(&tp, w->team, w->b5, w->r, &o);
    settle(w);
    if (rc != CCAD_OK) {
        assert_null(tp);
        return rc;
    }
    for (i = 0; i < ccad_team_proposals_count(tp); i++) {
        ccad_team_proposal p = CCAD_TEAM_PROPOSAL_INIT;
        TU_PASS(w->ctx, ccad_team_proposals_item(tp, i, &p));
        h = mix(h, p.rep);
        h = mix(h, p.to_rep);
        h = mix(h, (uint64_t)p.finding.kind);
        h = mix(h, (uint64_t)p.finding.customer);
        h = mix_reasons(h, p.finding.reasons, p.finding.reason_count);
    }
    TU_PASS(w->ctx, ccad_team_proposals_balance(tp, &bal));
    h = mix(h, (uint64_t)bal.spread_after_x100);
    h = mix(h, (uint64_t)bal.travel_after);
    *digest = h;
    ccad_team_proposals_free(tp);
    return rc;
}

static const fcase cases[] = {
    {"ccad_team_new", "ccad_team_new", run_team_new, 0, 0},
    {"ccad_team_add:growth", "ccad_team_add", run_team_add, W_TEAM, 0},
    {"ccad_team_day_flags", "ccad_team_day_flags", run_team_day_flags, W_TEAM, 0},
    {"ccad_book_transfer:growth", "ccad_book_transfer", run_book_transfer, W_TEAM, 0},
    {"ccad_team_schedule_new:route", "ccad_team_schedule_new", run_team_plan, W_TEAM, 0},
    {"ccad_team_schedule_new:route-host-travel", "ccad_team_schedule_new", run_team_plan_host,
     W_TEAM, 0},
    {"ccad_team_proposals_new", "ccad_team_proposals_new", run_team_proposals, W_TEAM, 0},
};
const fcase_table faults_cases_team = {cases, sizeof cases / sizeof cases[0]};
