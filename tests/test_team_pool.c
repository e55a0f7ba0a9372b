/* Team proposals (issue 14, parts 3 and 4): releases to the pool with
 * their grounds and PATIENCE, assignments from the pool to the nearest rep
 * with room, moves from reps over capacity, the workload table and the
 * balance before and after; nothing moves until the host transfers. */
#include "testutil.h"

#include <stdio.h>
#include <string.h>

typedef struct world {
    tu_fixture fx; /* counting allocator, context, rules (testutil); no book */
    ccad_book *ann, *bob, *carl, *pool;
    ccad_team *team;
    char ids[64][32];
    int n_ids;
} world;

static int32_t today(void) { return tu_date("2026-06-03"); } /* a Wednesday */

/* An active, capable customer of value 1000 at (x, y), its id the prefix and
 * the world's next number (held in w->ids). */
static ccad_customer numbered_customer_at(world *w, const char *prefix, int grade, int32_t last,
                                          uint32_t contacts, double x, double y)
{
    char *id = w->ids[w->n_ids++];
    tu_cust_spec spec = {id, grade, CCAD_STATUS_ACTIVE, 1000, last, contacts};
    ccad_customer c;
    snprintf(id, sizeof w->ids[0], "%s%02d", prefix, w->n_ids);
    c = tu_customer(&spec);
    c.capable = 1;
    c.has_location = 1;
    c.x = x;
    c.y = y;
    return c;
}

static ccad_rep rep(const char *id, double x, double y, int vpd)
{
    ccad_rep r = CCAD_REP_INIT;
    r.id = id;
    r.base_x = x;
    r.base_y = y;
    r.visits_per_day = vpd;
    return r;
}

static void add(ccad_book *b, const ccad_customer *c)
{
    TU_PASS(ccad_book_ctx(b), ccad_book_add(b, c, NULL));
}

/* ann (0,0) 1 visit a day: 3 A and 8 B customers, 60 contacts a month
 * against 22; bob (20,0) 5 a day, empty; carl (1,1) 2 a day, empty; a
 * pool of two released C customers, one near bob and one near carl. */
static void world_open(world *w)
{
    ccad_host h;
    ccad_rep r;
    int i;
    memset(w, 0, sizeof *w);
    h = tu_host(&w->fx.al);
    assert_int_equal(tu_fixture_open_no_book(&w->fx, &h), 0);
    TU_PASS(w->fx.ctx, ccad_book_new(&w->ann, w->fx.ctx, 0));
    TU_PASS(w->fx.ctx, ccad_book_new(&w->bob, w->fx.ctx, 0));
    TU_PASS(w->fx.ctx, ccad_book_new(&w->carl, w->fx.ctx, 0));
    TU_PASS(w->fx.ctx, ccad_book_new(&w->pool, w->fx.ctx, 0));
    for (i = 0; i < 3; i++) {
        ccad_customer c = numbered_customer_at(w, "a", CCAD_GRADE_A, today() - 1, 9, 0.5, 0.1 * i);
        add(w->ann, &c);
    }
    for (i = 0; i < 8; i++) {
        ccad_customer c = numbered_customer_at(w, "b", CCAD_GRADE_B, today() - 1, 9, 0.1 * i, 1.0);
        add(w->ann, &c);
    }
    for (i = 0; i < 2; i++) {
        ccad_customer c = numbered_customer_at(w, "p", CCAD_GRADE_C, today() - 60, 3,
                                               i ? 1.0 : 20.0, i ? 2.0 : 1.0);
        c.status = CCAD_STATUS_RELEASED;
        add(w->pool, &c);
    }
    TU_PASS(w->fx.ctx, ccad_team_new(&w->team, w->fx.ctx, NULL));
    r = rep("carl", 1, 1, 2);
    TU_PASS(w->fx.ctx, ccad_team_add(w->team, &r, w->carl));
    r = rep("ann", 0, 0, 1);
    TU_PASS(w->fx.ctx, ccad_team_add(w->team, &r, w->ann));
    r = rep("bob", 20, 0, 5);
    TU_PASS(w->fx.ctx, ccad_team_add(w->team, &r, w->bob));
    TU_PASS(w->fx.ctx, ccad_book_grade(w->ann, w->fx.r));
    TU_PASS(w->fx.ctx, ccad_book_grade(w->bob, w->fx.r));
    TU_PASS(w->fx.ctx, ccad_book_grade(w->carl, w->fx.r));
    TU_PASS(w->fx.ctx, ccad_book_grade(w->pool, w->fx.r));
}

static void world_close(world *w)
{
    ccad_team_free(w->team);
    ccad_book_free(w->ann);
    ccad_book_free(w->bob);
    ccad_book_free(w->carl);
    ccad_book_free(w->pool);
    assert_int_equal(tu_fixture_close(&w->fx), 0); /* fails on a leak */
}

/* Kilometres, cost in metres, 30 km/h. */
static ccad_team_proposal_options opts(int move_a)
{
    ccad_team_proposal_options o = CCAD_TEAM_PROPOSAL_OPTIONS_INIT;
    o.today = today();
    o.move_a = move_a;
    o.scale = 1000.0;
    o.units_per_minute = 500.0;
    return o;
}

static ccad_team_proposal prop(const ccad_team_proposals *tp, size_t i)
{
    ccad_team_proposal p = CCAD_TEAM_PROPOSAL_INIT;
    assert_int_equal(ccad_team_proposals_item(tp, i, &p), CCAD_OK);
    return p;
}

static size_t count_kind(const ccad_team_proposals *tp, int kind)
{
    size_t i, n = 0;
    for (i = 0; i < ccad_team_proposals_count(tp); i++)
        n += prop(tp, i).finding.kind == kind;
    return n;
}

/* ---- balance ---- */

static void moves_relieve_the_overloaded_rep(void **state)
{
    world w;
    ccad_team_proposals *tp = NULL;
    ccad_team_proposal_options o = opts(0);
    ccad_team_load L = CCAD_TEAM_LOAD_INIT, C = CCAD_TEAM_LOAD_INIT;
    ccad_team_balance bal = CCAD_TEAM_BALANCE_INIT;
    ccad_workload wl = CCAD_WORKLOAD_INIT;
    size_t i;
    (void)state;
    world_open(&w);
    TU_PASS(w.fx.ctx, ccad_team_proposals_new(&tp, w.team, NULL, w.fx.r, &o));
    /* the workload table: ann's line is ccad_book_workload's */
    TU_PASS(w.fx.ctx, ccad_team_proposals_load(tp, 0, &L));
    TU_PASS(ccad_book_ctx(w.ann), ccad_book_workload(w.ann, w.fx.r, today(), &wl));
    assert_int_equal(L.before.visits, wl.visits);
    assert_int_equal(L.before.rows[0].visits, wl.rows[0].visits);
    assert_int_equal(L.before.capacity, 22);
    assert_int_equal(L.before.visits, 60);
    assert_int_equal(L.before.over, 1);
    /* every B moves to carl (nearest), no A moves: ann stays over */
    assert_int_equal(ccad_team_proposals_count(tp), 8);
    for (i = 0; i < 8; i++) {
        ccad_team_proposal p = prop(tp, i);
        assert_int_equal(p.finding.kind, CCAD_FIND_MOVE_PROPOSED);
        assert_int_equal(p.rep, 0);
        assert_int_equal(p.to_rep, 2);
        assert_int_equal(ccad_book_grade_of(w.ann, (size_t)p.finding.customer), CCAD_GRADE_B);
        assert_int_equal(p.finding.reasons[0].why, CCAD_WHY_TEAM_MOVE);
        assert_int_equal(p.finding.reasons[0].rule, CCAD_RULE_WORKLOAD);
        assert_true(p.finding.reasons[0].a <= 0); /* carl is nearer to every B */
    }
    TU_PASS(w.fx.ctx, ccad_team_proposals_load(tp, 2, &C));
    assert_int_equal(C.customers_after, 8);
    assert_true(C.visits_after <= C.before.capacity);
    TU_PASS(w.fx.ctx, ccad_team_proposals_load(tp, 0, &L));
    assert_int_equal(L.visits_after, 26);
    TU_PASS(w.fx.ctx, ccad_team_proposals_balance(tp, &bal));
    assert_int_equal(bal.moves, 8);
    assert_int_equal(bal.over_after, 1);
    assert_int_equal(bal.spread_before_x100, 0); /* bob and carl had nothing */
    assert_true(bal.travel_after < bal.travel_before);
    /* nothing moved */
    assert_int_equal(ccad_book_count(w.ann), 11);
    assert_int_equal(ccad_book_count(w.carl), 0);
    ccad_team_proposals_free(tp);
    /* asked to: an A as near to carl as ann goes too (before the last B,
     * by book order) and ann fits */
    o = opts(1);
    TU_PASS(w.fx.ctx, ccad_team_proposals_new(&tp, w.team, NULL, w.fx.r, &o));
    assert_int_equal(ccad_team_proposals_count(tp), 8);
    assert_int_equal(ccad_book_grade_of(w.ann, (size_t)prop(tp, 7).finding.customer), CCAD_GRADE_A);
    TU_PASS(w.fx.ctx, ccad_team_proposals_balance(tp, &bal));
    assert_int_equal(bal.over_after, 0);
    ccad_team_proposals_free(tp);
    world_close(&w);
}

/* Carried out with ccad_book_transfer, the moves give the loads the
 * proposals announced. */
static void moves_carried_out_match(void **state)
{
    world w;
    ccad_team_proposals *tp = NULL;
    ccad_team_proposal_options o = opts(1);
    ccad_team_load L = CCAD_TEAM_LOAD_INIT;
    ccad_book *books[3];
    char moved[16][16];
    uint32_t to[16];
    size_t i, n, at, r;
    (void)state;
    world_open(&w);
    books[0] = w.ann;
    books[1] = w.bob;
    books[2] = w.carl;
    TU_PASS(w.fx.ctx, ccad_team_proposals_new(&tp, w.team, NULL, w.fx.r, &o));
    n = ccad_team_proposals_count(tp);
    for (i = 0; i < n; i++) {
        ccad_team_proposal p = prop(tp, i);
        snprintf(moved[i], sizeof moved[i], "%s", ccad_book_id(w.ann, (size_t)p.finding.customer));
        to[i] = p.to_rep;
    }
    for (i = 0; i < n; i++) {
        TU_PASS(ccad_book_ctx(w.ann), ccad_book_find(w.ann, moved[i], &at));
        TU_PASS(ccad_book_ctx(w.ann), ccad_book_transfer(w.ann, at, books[to[i]], NULL));
    }
    for (r = 0; r < 3; r++) {
        ccad_workload wl = CCAD_WORKLOAD_INIT;
        TU_PASS(ccad_book_ctx(books[r]), ccad_book_grade(books[r], w.fx.r));
        TU_PASS(ccad_book_ctx(books[r]), ccad_book_workload(books[r], w.fx.r, today(), &wl));
        wl.visits_per_day = r == 0 ? 1 : r == 1 ? 5 : 2;
        TU_PASS(ccad_book_ctx(books[r]), ccad_book_workload(books[r], w.fx.r, today(), &wl));
        TU_PASS(w.fx.ctx, ccad_team_proposals_load(tp, r, &L));
        assert_int_equal(wl.visits, L.visits_after);
        assert_int_equal(wl.over, 0);
    }
    ccad_team_proposals_free(tp);
    world_close(&w);
}

/* A rep limited by minutes only counts minutes_per_day /
 * route.service_b_min visits a day; field_days and period_days set the
 * capacity. */
static void capacity_of_a_minutes_only_rep(void **state)
{
    world w;
    ccad_team_proposals *tp = NULL;
    ccad_team_proposal_options o = opts(0);
    ccad_team_load L = CCAD_TEAM_LOAD_INIT;
    ccad_team *t = NULL;
    ccad_rep r = rep("dora", 0, 0, 0);
    (void)state;
    world_open(&w);
    r.minutes_per_day = 480;
    TU_PASS(w.fx.ctx, ccad_team_new(&t, w.fx.ctx, NULL));
    TU_PASS(w.fx.ctx, ccad_team_add(t, &r, w.bob));
    TU_PASS(w.fx.ctx, ccad_team_proposals_new(&tp, t, NULL, w.fx.r, &o));
    TU_PASS(w.fx.ctx, ccad_team_proposals_load(tp, 0, &L));
    assert_int_equal(L.before.visits_per_day, 480 / 45);
    assert_int_equal(L.before.capacity, 22 * (480 / 45));
    ccad_team_proposals_free(tp);
    o.period_days = 10;
    o.field_days = 4;
    TU_PASS(w.fx.ctx, ccad_team_proposals_new(&tp, t, NULL, w.fx.r, &o));
    TU_PASS(w.fx.ctx, ccad_team_proposals_load(tp, 0, &L));
    assert_int_equal(L.before.capacity, 4 * (480 / 45));
    assert_int_equal(L.before.period_days, 10);
    ccad_team_proposals_free(tp);
    ccad_team_free(t);
    world_close(&w);
}

/* ---- the pool ---- */

static void pool_customers_go_to_the_nearest_rep_with_room(void **state)
{
    world w;
    ccad_team_proposals *tp = NULL;
    ccad_team_proposal_options o = opts(0);
    ccad_team_balance bal = CCAD_TEAM_BALANCE_INIT;
    ccad_team_proposal p;
    (void)state;
    world_open(&w);
    TU_PASS(ccad_book_ctx(w.pool), ccad_team_proposals_new(&tp, w.team, w.pool, w.fx.r, &o));
    assert_int_equal(count_kind(tp, CCAD_FIND_ASSIGN_PROPOSED), 2);
    p = prop(tp, 8); /* after the 8 moves, in pool order */
    assert_int_equal(p.finding.kind, CCAD_FIND_ASSIGN_PROPOSED);
    assert_int_equal(p.rep, UINT32_MAX);
    assert_int_equal(p.finding.customer, 0);
    assert_int_equal(p.to_rep, 1); /* bob: (20,1) is next to him */
    assert_int_equal(p.finding.reasons[0].why, CCAD_WHY_POOL_ASSIGN);
    assert_int_equal(p.finding.reasons[0].a, 2); /* 1 km at 30 km/h */
    assert_int_equal(p.finding.reasons[0].c, 1); /* one C contact a month */
    assert_int_equal(p.finding.reasons[0].b, 110 - 1);
    p = prop(tp, 9);
    assert_int_equal(p.to_rep, 2); /* carl, not ann (over capacity) */
    TU_PASS(w.fx.ctx, ccad_team_proposals_balance(tp, &bal));
    assert_int_equal(bal.assigns, 2);
    assert_int_equal(bal.releases, 0);
    assert_true(bal.spread_after_x100 > 0);
    assert_int_equal(ccad_book_count(w.pool), 2);
    ccad_team_proposals_free(tp);
    world_close(&w);
}

static int has_reason(const ccad_finding *f, int why)
{
    uint32_t k;
    for (k = 0; k < f->reason_count; k++)
        if (f->reasons[k].why == why)
            return (int)k;
    return -1;
}

/* The proposal about customer `id` of dan's book (rep 3), or NULL. */
static const ccad_team_proposal *release_of(const ccad_team_proposal *all, size_t n,
                                            const ccad_book *b, const char *id)
{
    size_t i, at;
    TU_PASS(ccad_book_ctx(b), ccad_book_find(b, id, &at));
    for (i = 0; i < n; i++)
        if (all[i].finding.kind == CCAD_FIND_RELEASE_PROPOSED && all[i].rep == 3 &&
            (size_t)all[i].finding.customer == at)
            return &all[i];
    return NULL;
}

static void releases_with_grounds_and_patience(void **state)
{
    world w;
    ccad_book *dan;
    ccad_rep r = rep("dan", 5, 5, 4);
    ccad_team_proposals *tp = NULL;
    ccad_team_proposal_options o = opts(0);
    ccad_team_proposal all[16];
    const ccad_team_proposal *p;
    ccad_customer c;
    size_t i, n;
    int k;
    (void)state;
    world_open(&w);
    TU_PASS(w.fx.ctx, ccad_book_new(&dan, w.fx.ctx, 0));
    c = numbered_customer_at(&w, "idle", CCAD_GRADE_C, today() - 40, 7, 5, 5);
    add(dan, &c);
    c = numbered_customer_at(&w, "few", CCAD_GRADE_C, today() - 40, 2, 5, 5);
    c.status = CCAD_STATUS_PROSPECT; /* PATIENCE counts a prospect's contacts */
    add(dan, &c);
    c = numbered_customer_at(&w, "late", CCAD_GRADE_B, today() - 17, 7, 5, 5);
    add(dan, &c);
    c = numbered_customer_at(&w, "gone", CCAD_GRADE_C, today() - 2, 7, 5, 5);
    c.capable = 0;
    c.monthly_volume = 1000000;
    add(dan, &c);
    c = numbered_customer_at(&w, "fresh", CCAD_GRADE_C, today() - 12, 7, 5, 5);
    add(dan, &c);
    c = numbered_customer_at(&w, "out", CCAD_GRADE_C, today() - 90, 7, 5, 5);
    c.status = CCAD_STATUS_RELEASED;
    add(dan, &c);
    TU_PASS(w.fx.ctx, ccad_team_add(w.team, &r, dan));
    TU_PASS(w.fx.ctx, ccad_book_grade(dan, w.fx.r));
    TU_PASS(w.fx.ctx, ccad_team_proposals_new(&tp, w.team, NULL, w.fx.r, &o));
    n = ccad_team_proposals_count(tp);
    assert_true(n <= 16);
    for (i = 0; i < n; i++)
        all[i] = prop(tp, i);
    assert_int_equal(count_kind(tp, CCAD_FIND_RELEASE_PROPOSED), 4);
    /* idle: POOL_IDLE, not premature */
    p = release_of(all, n, dan, "idle14");
    assert_non_null(p);
    assert_int_equal(p->to_rep, UINT32_MAX);
    assert_int_equal(p->finding.reasons[0].why, CCAD_WHY_POOL_RELEASE);
    assert_int_equal(p->finding.reasons[0].rule, CCAD_RULE_OWNERSHIP);
    assert_int_equal(p->finding.reasons[0].a, 7);
    assert_int_equal(p->finding.reasons[0].c, 0);
    k = has_reason(&p->finding, CCAD_WHY_POOL_IDLE);
    assert_true(k > 0);
    assert_int_equal(p->finding.reasons[k].a, 40);
    assert_int_equal(p->finding.reasons[k].b, 30);
    assert_int_equal(p->finding.reasons[k].c, today() - 40);
    assert_int_equal(p->finding.date, today());
    /* few: premature, with PATIENCE's reason */
    p = release_of(all, n, dan, "few15");
    assert_non_null(p);
    assert_int_equal(p->finding.reasons[0].c, 1);
    k = has_reason(&p->finding, CCAD_WHY_PATIENCE);
    assert_true(k > 0);
    assert_int_equal(p->finding.reasons[k].a, 2);
    assert_int_equal(p->finding.reasons[k].b, 5);
    /* late: flagged for reassignment (ESCALATE) */
    p = release_of(all, n, dan, "late16");
    assert_non_null(p);
    k = has_reason(&p->finding, CCAD_WHY_OVERDUE);
    assert_true(k > 0);
    assert_int_equal(p->finding.reasons[k].b, CCAD_ESCALATE_REASSIGN);
    assert_int_equal(has_reason(&p->finding, CCAD_WHY_POOL_IDLE), -1);
    /* gone: TRIAGE gave it up */
    p = release_of(all, n, dan, "gone17");
    assert_non_null(p);
    assert_true(has_reason(&p->finding, CCAD_WHY_GIVE_UP) > 0);
    assert_null(release_of(all, n, dan, "fresh18"));
    assert_null(release_of(all, n, dan, "out19"));
    ccad_team_proposals_free(tp);
    /* pool.release_days 10: the 12-day idle one too */
    TU_PASS(w.fx.ctx, ccad_rules_set(w.fx.r, "pool.release_days", 10));
    TU_PASS(w.fx.ctx, ccad_team_proposals_new(&tp, w.team, NULL, w.fx.r, &o));
    assert_int_equal(count_kind(tp, CCAD_FIND_RELEASE_PROPOSED), 5);
    ccad_team_proposals_free(tp);
    ccad_book_free(dan);
    world_close(&w);
}

static void reason_texts(void **state)
{
    char buf[256];
    size_t len = 0;
    ccad_reason r = {CCAD_RULE_OWNERSHIP, CCAD_WHY_POOL_IDLE, 40, 30, 0};
    (void)state;
    r.c = tu_date("2026-04-24");
    assert_int_equal(ccad_reason_format(buf, sizeof buf, &r, &len), CCAD_OK);
    assert_string_equal(buf, "OWNERSHIP: idle for 40 days since 2026-04-24 (release after 30)");
    r = (ccad_reason){CCAD_RULE_OWNERSHIP, CCAD_WHY_POOL_RELEASE, 2, 5, 1};
    assert_int_equal(ccad_reason_format(buf, sizeof buf, &r, &len), CCAD_OK);
    assert_string_equal(buf, "OWNERSHIP: release to the pool proposed after 2 contacts (patience "
                             "asks for 5): premature");
    r = (ccad_reason){CCAD_RULE_WORKLOAD, CCAD_WHY_POOL_ASSIGN, 2, 109, 1};
    assert_int_equal(ccad_reason_format(buf, sizeof buf, &r, &len), CCAD_OK);
    assert_string_equal(buf, "WORKLOAD: pool customer proposed to the nearest rep with room (2 min "
                             "from the base; 109 contacts of room left, it needs 1)");
    r = (ccad_reason){CCAD_RULE_WORKLOAD, CCAD_WHY_TEAM_MOVE, -3, 272, 77};
    assert_int_equal(ccad_reason_format(buf, sizeof buf, &r, &len), CCAD_OK);
    assert_string_equal(buf, "WORKLOAD: move proposed from an overloaded rep (272 % of capacity) "
                             "to one with room (77 % after it); territory travel -3 min");
    assert_string_equal(ccad_name(CCAD_NAME_FINDING, CCAD_FIND_ASSIGN_PROPOSED), "assign_proposed");
    assert_string_equal(ccad_name(CCAD_NAME_FINDING, CCAD_FIND_MOVE_PROPOSED), "move_proposed");
    assert_int_equal(ccad_why_figure(CCAD_WHY_POOL_IDLE, 2, NULL), CCAD_FIG_DATE);
    assert_int_equal(ccad_why_figure(CCAD_WHY_TEAM_MOVE, 1, NULL), CCAD_FIG_PCT);
}

/* ---- misuse ---- */

static int busy_rc;
static world *busy_w;

static int busy_cal(void *user, const char *rep_id, int32_t day, uint32_t *out)
{
    ccad_team_proposals *tp = (ccad_team_proposals *)user;
    ccad_team_proposal_options o = opts(0);
    (void)rep_id;
    (void)day;
    busy_rc = ccad_team_proposals_new(&tp, busy_w->team, NULL, busy_w->fx.r, &o);
    assert_null(tp);
    *out = CCAD_DAY_WORKING;
    return 0;
}

static void misuse(void **state)
{
    world w;
    ccad_team_proposals *tp = (ccad_team_proposals *)(void *)&w;
    ccad_team_proposal_options o = opts(0);
    ccad_team_proposal p = CCAD_TEAM_PROPOSAL_INIT;
    ccad_team_load L = CCAD_TEAM_LOAD_INIT;
    ccad_team_balance bal = CCAD_TEAM_BALANCE_INIT;
    ccad_team *empty = NULL;
    ccad_book *raw = NULL;
    ccad_host h;
    uint32_t f;
    (void)state;
    world_open(&w);
    assert_int_equal(ccad_team_proposals_new(&tp, NULL, NULL, w.fx.r, &o), CCAD_EINVAL);
    assert_null(tp);
    assert_int_equal(ccad_team_proposals_new(NULL, w.team, NULL, w.fx.r, &o), CCAD_EINVAL);
    assert_int_equal(ccad_team_proposals_new(&tp, w.team, NULL, NULL, &o), CCAD_EINVAL);
    assert_int_equal(ccad_team_proposals_new(&tp, w.team, NULL, w.fx.r, NULL), CCAD_EINVAL);
    o.size = 8;
    assert_int_equal(ccad_team_proposals_new(&tp, w.team, NULL, w.fx.r, &o), CCAD_EVERSION);
    o = opts(0);
    o.metric = CCAD_METRIC_HOST;
    assert_int_equal(ccad_team_proposals_new(&tp, w.team, NULL, w.fx.r, &o), CCAD_EINVAL);
    o = opts(0);
    o.period_days = 0;
    assert_int_equal(ccad_team_proposals_new(&tp, w.team, NULL, w.fx.r, &o), CCAD_ERANGE);
    o = opts(0);
    o.field_days = 31;
    assert_int_equal(ccad_team_proposals_new(&tp, w.team, NULL, w.fx.r, &o), CCAD_ERANGE);
    o = opts(0);
    o.units_per_minute = 0;
    assert_int_equal(ccad_team_proposals_new(&tp, w.team, NULL, w.fx.r, &o), CCAD_ERANGE);
    o = opts(0);
    o.today = CCAD_NO_DATE;
    assert_int_equal(ccad_team_proposals_new(&tp, w.team, NULL, w.fx.r, &o), CCAD_ERANGE);
    o = opts(0);
    assert_int_equal(ccad_team_proposals_new(&tp, w.team, w.ann, w.fx.r, &o), CCAD_EINVAL);
    assert_non_null(strstr(ccad_ctx_errmsg(w.fx.ctx), "rep's book"));
    TU_PASS(w.fx.ctx, ccad_book_new(&raw, w.fx.ctx, 0));
    {
        ccad_customer c = numbered_customer_at(&w, "u", CCAD_GRADE_NONE, today() - 3, 1, 0, 0);
        add(raw, &c);
    }
    assert_int_equal(ccad_team_proposals_new(&tp, w.team, raw, w.fx.r, &o), CCAD_ESTALE);
    TU_PASS(w.fx.ctx, ccad_team_new(&empty, w.fx.ctx, NULL));
    assert_int_equal(ccad_team_proposals_new(&tp, empty, NULL, w.fx.r, &o), CCAD_EINVAL);
    assert_null(tp);
    /* readers */
    TU_PASS(w.fx.ctx, ccad_team_proposals_new(&tp, w.team, NULL, w.fx.r, &o));
    assert_int_equal(ccad_team_proposals_count(NULL), 0);
    assert_int_equal(ccad_team_proposals_item(NULL, 0, &p), CCAD_EINVAL);
    assert_int_equal(ccad_team_proposals_item(tp, 0, NULL), CCAD_EINVAL);
    assert_int_equal(ccad_team_proposals_item(tp, 99, &p), CCAD_ENOTFOUND);
    p.finding.size = 4;
    assert_int_equal(ccad_team_proposals_item(tp, 0, &p), CCAD_EVERSION);
    assert_int_equal(ccad_team_proposals_load(NULL, 0, &L), CCAD_EINVAL);
    assert_int_equal(ccad_team_proposals_load(tp, 3, &L), CCAD_ENOTFOUND);
    L.before.size = 4;
    assert_int_equal(ccad_team_proposals_load(tp, 0, &L), CCAD_EVERSION);
    assert_int_equal(ccad_team_proposals_balance(NULL, &bal), CCAD_EINVAL);
    assert_int_equal(ccad_team_proposals_balance(tp, NULL), CCAD_EINVAL);
    bal.size = 4;
    assert_int_equal(ccad_team_proposals_balance(tp, &bal), CCAD_EVERSION);
    ccad_team_proposals_free(tp);
    ccad_team_proposals_free(NULL);
    ccad_team_free(empty);
    ccad_book_free(raw);
    /* the busy guard: refused from inside a host callback */
    {
        ccad_team *t = NULL;
        ccad_team_options to = CCAD_TEAM_OPTIONS_INIT;
        ccad_rep r = rep("ann", 0, 0, 1);
        busy_w = &w;
        busy_rc = 0;
        to.calendar = busy_cal;
        to.user = (void *)&w;
        TU_PASS(w.fx.ctx, ccad_team_new(&t, w.fx.ctx, &to));
        TU_PASS(w.fx.ctx, ccad_team_add(t, &r, w.bob));
        TU_PASS(w.fx.ctx, ccad_team_day_flags(t, 0, today(), &f));
        assert_int_equal(busy_rc, CCAD_EBUSY);
        ccad_team_free(t);
    }
    (void)h;
    world_close(&w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(moves_relieve_the_overloaded_rep),
        cmocka_unit_test(moves_carried_out_match),
        cmocka_unit_test(capacity_of_a_minutes_only_rep),
        cmocka_unit_test(pool_customers_go_to_the_nearest_rep_with_room),
        cmocka_unit_test(releases_with_grounds_and_patience),
        cmocka_unit_test(reason_texts),
        cmocka_unit_test(misuse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
