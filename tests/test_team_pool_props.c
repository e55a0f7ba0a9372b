/* Property tests of team proposals over 80 generated teams (seeds 1..80,
 * the same on every machine): 2..5 reps in one city (planar kilometres,
 * 30 km/h), 5..60 customers each with hand-set grades (so that a transfer
 * does not regrade them), 1..7 visits a day, and a pool of 0..15 open
 * customers; half the teams allow A customers to move. Checked:
 *
 *   keep_a     without move_a no move proposal concerns a grade A customer;
 *   capacity   the moves and assignments carried out with
 *              ccad_book_transfer(), every rep that received a customer is
 *              within its capacity (ccad_book_workload of its book), and
 *              every rep's load is the one the proposals announced;
 *   order      the team added in reverse and in a shuffled order proposes
 *              the same, proposal for proposal, with the same balance.
 *
 * checkers_catch_violations feeds altered proposals to the checkers, so a
 * checker that cannot fail is caught. */
#include "testutil.h"

#include <stdio.h>
#include <string.h>

#define N_TEAMS 80
#define MAXREP 5
#define MAXCUST 60
#define MAXPOOL 15
#define MAXPROP (MAXREP * MAXCUST + MAXPOOL)

typedef struct gen {
    tu_fixture fx; /* counting allocator, context, rules (testutil); no book */
    int n;
    ccad_book *book[MAXREP], *pool;
    ccad_rep rep[MAXREP];
    char rep_id[MAXREP][16];
    char cust_id[MAXREP + 1][MAXCUST][24];
    ccad_team_proposal_options o;
} gen;

/* The proposals as read, with the balance. */
typedef struct props {
    size_t n;
    ccad_team_proposal p[MAXPROP];
    ccad_team_load load[MAXREP];
    ccad_team_balance bal;
} props;

static void gen_book(gen *g, uint64_t *s, int b, ccad_book **out, double bx, double by, int nmin,
                     int nmax)
{
    int i, n = (int)tu_rng_range(s, nmin, nmax);
    int32_t today = g->o.today;
    TU_PASS(g->fx.ctx, ccad_book_new(out, g->fx.ctx, 0));
    for (i = 0; i < n; i++) {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        snprintf(g->cust_id[b][i], sizeof g->cust_id[b][i], "k%d-%02d", b, i);
        c.id = g->cust_id[b][i];
        c.value = tu_rng_range(s, 0, 50000000);
        c.grade = (int)tu_rng_range(s, CCAD_GRADE_A, CCAD_GRADE_D);
        c.status = tu_rng_pct(s, 50) ? CCAD_STATUS_ACTIVE : CCAD_STATUS_PROSPECT;
        c.capable = tu_rng_pct(s, 80);
        c.last_contact = c.last_visit = today - (int32_t)tu_rng_range(s, 1, 45);
        c.contacts = (uint32_t)tu_rng_range(s, 0, 9);
        c.has_location = tu_rng_pct(s, 95);
        c.x = bx + (double)tu_rng_range(s, -8000, 8000) / 1000.0;
        c.y = by + (double)tu_rng_range(s, -8000, 8000) / 1000.0;
        TU_PASS(g->fx.ctx, ccad_book_add(*out, &c, NULL));
    }
    TU_PASS(g->fx.ctx, ccad_rules_set(g->fx.r, "freq.d_count", 1));
    TU_PASS(g->fx.ctx, ccad_book_grade(*out, g->fx.r));
}

static void gen_make(gen *g, uint64_t seed)
{
    uint64_t s = tu_rng_seed(seed);
    ccad_host h;
    int r;
    memset(g, 0, sizeof *g);
    h = tu_host(&g->fx.al);
    assert_int_equal(tu_fixture_open_no_book(&g->fx, &h), 0);
    g->o = (ccad_team_proposal_options)CCAD_TEAM_PROPOSAL_OPTIONS_INIT;
    g->o.today = tu_date("2026-06-03") + (int32_t)tu_rng_range(&s, 0, 60);
    g->o.move_a = tu_rng_pct(&s, 50);
    g->o.period_days = (int32_t)tu_rng_range(&s, 14, 60);
    g->o.scale = 1000.0;
    g->o.units_per_minute = 500.0;
    g->n = (int)tu_rng_range(&s, 2, MAXREP);
    for (r = 0; r < g->n; r++) {
        ccad_rep p = CCAD_REP_INIT;
        snprintf(g->rep_id[r], sizeof g->rep_id[r], "r%d", (int)tu_rng_range(&s, 0, 999) * 10 + r);
        p.id = g->rep_id[r];
        p.base_x = (double)tu_rng_range(&s, -15, 15);
        p.base_y = (double)tu_rng_range(&s, -15, 15);
        p.visits_per_day = (int32_t)tu_rng_range(&s, 1, 7);
        g->rep[r] = p;
        gen_book(g, &s, r, &g->book[r], p.base_x, p.base_y, 5, MAXCUST);
    }
    gen_book(g, &s, MAXREP, &g->pool, 0, 0, 0, MAXPOOL);
}

static void gen_free(gen *g)
{
    int r;
    for (r = 0; r < g->n; r++)
        ccad_book_free(g->book[r]);
    ccad_book_free(g->pool);
    assert_int_equal(tu_fixture_close(&g->fx), 0); /* fails on a leak */
}

/* The team with the reps added in `order`, and its proposals into *P. */
static void propose(gen *g, const int *order, props *P)
{
    ccad_team *t = NULL;
    ccad_team_proposals *tp = NULL;
    size_t i;
    int k;
    TU_PASS(g->fx.ctx, ccad_team_new(&t, g->fx.ctx, NULL));
    for (k = 0; k < g->n; k++)
        TU_PASS(g->fx.ctx, ccad_team_add(t, &g->rep[order[k]], g->book[order[k]]));
    TU_PASS(g->fx.ctx, ccad_team_proposals_new(&tp, t, g->pool, g->fx.r, &g->o));
    memset(P, 0, sizeof *P);
    P->n = ccad_team_proposals_count(tp);
    assert_true(P->n <= MAXPROP);
    for (i = 0; i < P->n; i++) {
        P->p[i] = (ccad_team_proposal)CCAD_TEAM_PROPOSAL_INIT;
        TU_PASS(g->fx.ctx, ccad_team_proposals_item(tp, i, &P->p[i]));
    }
    for (k = 0; k < g->n; k++) {
        P->load[k] = (ccad_team_load)CCAD_TEAM_LOAD_INIT;
        TU_PASS(g->fx.ctx, ccad_team_proposals_load(tp, (size_t)k, &P->load[k]));
    }
    P->bal = (ccad_team_balance)CCAD_TEAM_BALANCE_INIT;
    TU_PASS(g->fx.ctx, ccad_team_proposals_balance(tp, &P->bal));
    ccad_team_proposals_free(tp);
    ccad_team_free(t);
}

/* Rep index (id order) -> generated rep. */
static void id_order(const gen *g, int *by_index)
{
    int r, k, n = 0;
    for (r = 0; r < g->n; r++) {
        n = 0;
        for (k = 0; k < g->n; k++)
            n += strcmp(g->rep_id[k], g->rep_id[r]) < 0;
        by_index[n] = r;
    }
}

/* keep_a: violations counted. */
static long check_keep_a(const gen *g, const props *P, const int *by_index)
{
    size_t i;
    long bad = 0;
    for (i = 0; i < P->n; i++)
        if (P->p[i].finding.kind == CCAD_FIND_MOVE_PROPOSED && !g->o.move_a &&
            ccad_book_grade_of(g->book[by_index[P->p[i].rep]], (size_t)P->p[i].finding.customer) ==
                CCAD_GRADE_A)
            bad++;
    return bad;
}

/* capacity: carries the moves and assignments out (the books change) and
 * counts receiving reps over capacity and loads not as announced. */
static long check_capacity(gen *g, const props *P, const int *by_index)
{
    char ids[MAXPROP][24];
    ccad_book *from[MAXPROP], *to[MAXPROP];
    int got[MAXREP] = {0};
    size_t i, m = 0, at;
    long bad = 0;
    int k;
    for (i = 0; i < P->n; i++) {
        const ccad_team_proposal *p = &P->p[i];
        if (p->finding.kind == CCAD_FIND_RELEASE_PROPOSED)
            continue;
        from[m] = p->rep == UINT32_MAX ? g->pool : g->book[by_index[p->rep]];
        to[m] = g->book[by_index[p->to_rep]];
        got[p->to_rep] = 1;
        snprintf(ids[m], sizeof ids[0], "%s", ccad_book_id(from[m], (size_t)p->finding.customer));
        m++;
    }
    for (i = 0; i < m; i++) {
        TU_PASS(ccad_book_ctx(from[i]), ccad_book_find(from[i], ids[i], &at));
        TU_PASS(ccad_book_ctx(from[i]), ccad_book_transfer(from[i], at, to[i], NULL));
    }
    for (k = 0; k < g->n; k++) {
        ccad_book *b = g->book[by_index[k]];
        ccad_workload w = CCAD_WORKLOAD_INIT;
        w.period_days = g->o.period_days;
        w.field_days = 0; /* workload.field_days x period / 30, as the proposals */
        w.visits_per_day = g->rep[by_index[k]].visits_per_day;
        TU_PASS(ccad_book_ctx(b), ccad_book_grade(b, g->fx.r));
        TU_PASS(ccad_book_ctx(b), ccad_book_workload(b, g->fx.r, g->o.today, &w));
        if ((got[k] && w.visits > w.capacity) || w.visits != P->load[k].visits_after)
            bad++;
    }
    return bad;
}

/* order: differences between two runs' proposals and balances. */
static long check_same(const props *a, const props *b)
{
    size_t i;
    if (a->n != b->n || memcmp(&a->bal, &b->bal, sizeof a->bal) != 0)
        return 1;
    for (i = 0; i < a->n; i++)
        if (memcmp(&a->p[i], &b->p[i], sizeof a->p[i]) != 0)
            return 1;
    return 0;
}

static void properties_hold(void **state)
{
    long bad_a = 0, bad_cap = 0, bad_order = 0, moves = 0, assigns = 0, releases = 0, a_moved = 0;
    uint64_t seed;
    static props P, Q;
    (void)state;
    for (seed = 1; seed <= N_TEAMS; seed++) {
        gen g;
        int fwd[MAXREP], rev[MAXREP], shuf[MAXREP], by_index[MAXREP], k;
        size_t i;
        gen_make(&g, seed);
        for (k = 0; k < g.n; k++) {
            fwd[k] = k;
            rev[k] = g.n - 1 - k;
            shuf[k] = (k * 3 + 1) % g.n;
        }
        if (g.n % 3 == 0)
            for (k = 0; k < g.n; k++)
                shuf[k] = (k + 1) % g.n;
        id_order(&g, by_index);
        propose(&g, fwd, &P);
        propose(&g, rev, &Q);
        bad_order += check_same(&P, &Q);
        propose(&g, shuf, &Q);
        bad_order += check_same(&P, &Q);
        bad_a += check_keep_a(&g, &P, by_index);
        for (i = 0; i < P.n; i++)
            a_moved += P.p[i].finding.kind == CCAD_FIND_MOVE_PROPOSED &&
                       ccad_book_grade_of(g.book[by_index[P.p[i].rep]],
                                          (size_t)P.p[i].finding.customer) == CCAD_GRADE_A;
        moves += P.bal.moves;
        assigns += P.bal.assigns;
        releases += P.bal.releases;
        bad_cap += check_capacity(&g, &P, by_index);
        gen_free(&g);
    }
    print_message("team proposals: %d teams, %ld moves (%ld of A customers, move_a teams), "
                  "%ld assignments, %ld releases; violations keep_a=%ld capacity=%ld order=%ld\n",
                  N_TEAMS, moves, a_moved, assigns, releases, bad_a, bad_cap, bad_order);
    /* the generator exercises what is checked */
    assert_true(moves > 50);
    assert_true(assigns > 50);
    assert_true(releases > 50);
    assert_true(a_moved > 0);
    assert_int_equal(bad_a, 0);
    assert_int_equal(bad_cap, 0);
    assert_int_equal(bad_order, 0);
}

/* Each checker fails on an altered proposal list. */
static void checkers_catch_violations(void **state)
{
    static props P, Q;
    uint64_t seed;
    int caught_a = 0, caught_cap = 0;
    (void)state;
    for (seed = 1; seed <= 20 && !(caught_a && caught_cap); seed++) {
        gen g;
        int fwd[MAXREP], by_index[MAXREP], k;
        size_t i;
        gen_make(&g, seed);
        for (k = 0; k < g.n; k++)
            fwd[k] = k;
        id_order(&g, by_index);
        propose(&g, fwd, &P);
        Q = P;
        assert_int_equal(check_same(&P, &Q), 0);
        Q.bal.moves++;
        assert_int_equal(check_same(&P, &Q), 1);
        /* an A customer of the first rep proposed to move: keep_a objects */
        g.o.move_a = 0;
        for (i = 0; i < ccad_book_count(g.book[by_index[0]]); i++)
            if (ccad_book_grade_of(g.book[by_index[0]], i) == CCAD_GRADE_A) {
                Q = P;
                Q.p[0].finding.kind = CCAD_FIND_MOVE_PROPOSED;
                Q.p[0].rep = 0;
                Q.p[0].to_rep = 1;
                Q.p[0].finding.customer = (int64_t)i;
                Q.n = Q.n > 0 ? Q.n : 1;
                caught_a |= check_keep_a(&g, &Q, by_index) > 0;
                break;
            }
        /* every customer of the first rep proposed to the second: capacity objects */
        Q = P;
        Q.n = 0;
        for (i = 0; i < ccad_book_count(g.book[by_index[0]]); i++) {
            Q.p[Q.n] = (ccad_team_proposal)CCAD_TEAM_PROPOSAL_INIT;
            Q.p[Q.n].finding.kind = CCAD_FIND_MOVE_PROPOSED;
            Q.p[Q.n].rep = 0;
            Q.p[Q.n].to_rep = 1;
            Q.p[Q.n++].finding.customer = (int64_t)i;
        }
        caught_cap |= check_capacity(&g, &Q, by_index) > 0;
        gen_free(&g);
    }
    assert_true(caught_a);
    assert_true(caught_cap);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(properties_hold),
        cmocka_unit_test(checkers_catch_violations),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
