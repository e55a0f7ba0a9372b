/* Part of the plan vector runner (tests/plan_vectors.h): the team plan cases
 * (docs/vectors.md, "Team cases"): the reps of a case, who owns which customer, the team
 * plan (ccad_team_schedule_new, run twice: reps added in the file's order
 * and in reverse, which must give the same plan) and its expectations; the
 * team proposals (ccad_team_proposals_new, with the case's pool, run twice
 * the same way) and theirs. */

#define _POSIX_C_SOURCE 200809L /* strtok_r */

#include "plan_vectors.h"

#define TEAM_MAX 8

static struct team_state {
    int n;
    char id[TEAM_MAX][CCAD_ID_MAX + 1];
    ccad_rep rep[TEAM_MAX];
    int32_t absent[TEAM_MAX][MAX_DATES];
    int nabsent[TEAM_MAX];
    char owner_of[256][CCAD_ID_MAX + 1]; /* customer id -> rep id, as listed */
    char owned[256][CCAD_ID_MAX + 1];
    int nowned;
    ccad_book *book[TEAM_MAX];
    ccad_team *team;
    ccad_team_schedule *ts;
    int plans;
    ccad_book *pool; /* the customers owned by "pool" */
    ccad_team_proposals *tp;
} T;

void pv_team_case_end(void)
{
    int i;
    ccad_team_schedule_free(T.ts);
    ccad_team_proposals_free(T.tp);
    ccad_team_free(T.team);
    for (i = 0; i < T.n; i++)
        ccad_book_free(T.book[i]);
    ccad_book_free(T.pool);
    i = T.plans;
    memset(&T, 0, sizeof T);
    T.plans = i;
}

int pv_team_plans(void) { return T.plans; }

static int team_rep_index(const char *id)
{
    int i;
    for (i = 0; i < T.n; i++)
        if (strcmp(T.id[i], id) == 0)
            return i;
    return -1;
}

static int team_calendar_cb(void *user, const char *rep_id, int32_t day, uint32_t *out)
{
    int r = team_rep_index(rep_id);
    (void)user;
    if (pv_calendar_cb(NULL, day, out) != 0)
        return -1;
    *out &= ~(uint32_t)CCAD_DAY_ABSENT; /* absences are the reps' own */
    if (r >= 0 && (*out & CCAD_DAY_WORKING) && pv_in_dates(T.absent[r], T.nabsent[r], day))
        *out |= CCAD_DAY_ABSENT;
    return 0;
}

/* rep ID [base=X,Y] [visits_per_day=N] [minutes_per_day=N] [day_start=T] [day_end=T] */
static int do_rep(struct run *R, char **tok, int n)
{
    ccad_rep p = CCAD_REP_INIT;
    int i;
    if (n < 2 || T.n == TEAM_MAX || strlen(tok[1]) > CCAD_ID_MAX) {
        vec_synf(R, "rep takes ID OPTION=VALUE... (at most %d reps)", TEAM_MAX);
        return -1;
    }
    snprintf(T.id[T.n], sizeof T.id[T.n], "%s", tok[1]);
    for (i = 2; i < n; i++) {
        char *eq = strchr(tok[i], '=');
        int64_t x = 0;
        int bad = eq == NULL;
        if (!bad) {
            *eq = '\0';
            if (strcmp(tok[i], "base") == 0)
                bad = sscanf(eq + 1, "%lf,%lf", &p.base_x, &p.base_y) != 2;
            else if (strcmp(tok[i], "visits_per_day") == 0 ||
                     strcmp(tok[i], "minutes_per_day") == 0) {
                bad = vec_parse_int(eq + 1, &x) != 0;
                *(tok[i][0] == 'v' ? &p.visits_per_day : &p.minutes_per_day) = (int32_t)x;
            } else if (strcmp(tok[i], "day_start") == 0) {
                bad = pv_parse_clock(eq + 1, &x) != 0;
                p.day_start_min = (int32_t)x;
            } else if (strcmp(tok[i], "day_end") == 0) {
                bad = pv_parse_clock(eq + 1, &x) != 0; /* day_start must come first */
                p.day_minutes = (int32_t)x - p.day_start_min;
            } else
                bad = 1;
        }
        if (bad) {
            vec_synf(R, "bad rep option '%s'", tok[i]);
            return -1;
        }
    }
    T.rep[T.n++] = p;
    return 0;
}

/* owner REP|pool ID...: the customers REP owns, or the pool holds (the
 * others: the first rep's). */
static int do_owner(struct run *R, char **tok, int n)
{
    int i;
    if (n < 3 || (team_rep_index(tok[1]) < 0 && strcmp(tok[1], "pool") != 0)) {
        vec_synf(R, "%s", "owner takes a declared REP (or pool) and customer IDs");
        return -1;
    }
    for (i = 2; i < n; i++) {
        if (T.nowned == 256) {
            vec_synf(R, "%s", "too many owner entries");
            return -1;
        }
        snprintf(T.owned[T.nowned], sizeof T.owned[0], "%s", tok[i]);
        snprintf(T.owner_of[T.nowned++], sizeof T.owner_of[0], "%s", tok[1]);
    }
    return 0;
}

/* The book of the customer's owner: a rep's, or the pool's. */
static ccad_book *owner_book(const char *customer)
{
    int i;
    for (i = 0; i < T.nowned; i++)
        if (strcmp(T.owned[i], customer) == 0)
            return strcmp(T.owner_of[i], "pool") == 0 ? T.pool
                                                      : T.book[team_rep_index(T.owner_of[i])];
    return T.book[0];
}

/* Moves the case's customers into their owners' books (once). */
static int team_books(struct run *R)
{
    int i, rc;
    if (T.book[0] != NULL)
        return 0;
    for (i = 0; i < T.n; i++)
        if ((rc = ccad_book_new(&T.book[i], R->ctx, 0)) != CCAD_OK)
            return vec_failf(R, "ccad_book_new: %s", ccad_ctx_errmsg(R->ctx)), -1;
    if ((rc = ccad_book_new(&T.pool, R->ctx, 0)) != CCAD_OK)
        return vec_failf(R, "ccad_book_new: %s", ccad_ctx_errmsg(R->ctx)), -1;
    while (ccad_book_count(R->book) > 0)
        if ((rc = ccad_book_transfer(R->book, 0, owner_book(ccad_book_id(R->book, 0)), NULL)) !=
            CCAD_OK)
            return vec_failf(R, "ccad_book_transfer: %s", ccad_ctx_errmsg(R->ctx)), -1;
    for (i = 0; i <= T.n; i++)
        if ((rc = ccad_book_grade(i < T.n ? T.book[i] : T.pool, R->rules)) != CCAD_OK)
            return vec_failf(R, "ccad_book_grade: %s", ccad_ctx_errmsg(R->ctx)), -1;
    return 0;
}

/* The team with the reps added in `order` (1 forward, -1 reverse). */
static int team_made(struct run *R, int order, ccad_team **out_team)
{
    ccad_team_options to = CCAD_TEAM_OPTIONS_INIT;
    int k, rc;
    to.calendar = team_calendar_cb;
    *out_team = NULL;
    if (ccad_team_new(out_team, R->ctx, &to) != CCAD_OK)
        return -1;
    for (k = 0; k < T.n; k++) {
        int i = order > 0 ? k : T.n - 1 - k;
        ccad_rep p = T.rep[i];
        p.id = T.id[i];
        if ((rc = ccad_team_add(*out_team, &p, T.book[i])) != CCAD_OK) {
            vec_failf(R, "ccad_team_add(%s): %s", T.id[i], ccad_ctx_errmsg(R->ctx));
            return -1;
        }
    }
    return 0;
}

/* The team with the reps added in `order` (1 forward, -1 reverse), planned. */
static ccad_team_schedule *team_run(struct run *R, const ccad_plan_options *o, int order,
                                    ccad_team **out_team)
{
    ccad_team_schedule *ts = NULL;
    int rc;
    if (team_made(R, order, out_team) != 0)
        return NULL;
    if ((rc = ccad_team_schedule_new(&ts, *out_team, R->rules, o)) != CCAD_OK)
        vec_failf(R, "ccad_team_schedule_new: %s: %s", vec_errname(rc), ccad_ctx_errmsg(R->ctx));
    return ts;
}

static int do_team_plan(struct run *R, char **tok, int n)
{
    ccad_plan_options o;
    ccad_team *rev_team = NULL;
    ccad_team_schedule *rev;
    if (T.n == 0) {
        vec_synf(R, "%s", "team-plan needs rep lines first");
        return -1;
    }
    if (pv_parse_plan_options(R, tok, n, &o) != 0)
        return -1;
    if (vec_ensure_graded(R) != 0 || team_books(R) != 0)
        return 0;
    ccad_team_schedule_free(T.ts);
    ccad_team_free(T.team);
    T.ts = team_run(R, &o, 1, &T.team);
    rev = team_run(R, &o, -1, &rev_team);
    T.plans++;
    R->checks++;
    if (T.ts != NULL && rev != NULL && !tu_team_same(T.ts, rev))
        vec_failf(R, "%s", "the team plan depends on the order reps were added in");
    ccad_team_schedule_free(rev);
    ccad_team_free(rev_team);
    return 0;
}

/* The team item of customer ID on DATE, into *out; the number found. */
static size_t team_items_of(const char *id, int64_t d, ccad_team_item *out)
{
    size_t i, cnt = 0;
    for (i = 0; i < ccad_team_schedule_item_count(T.ts); i++) {
        ccad_team_item x = CCAD_TEAM_ITEM_INIT;
        ccad_book *b = NULL;
        assert_int_equal(ccad_team_schedule_item(T.ts, i, &x), CCAD_OK);
        assert_int_equal(ccad_team_rep(T.team, x.owner, NULL, &b), CCAD_OK);
        if (strcmp(ccad_book_id(b, x.item.customer), id) == 0 && (d < 0 || x.item.date == d))
            if (cnt++ == 0 && out != NULL)
                *out = x;
    }
    return cnt;
}

static const char *team_rep_id(uint32_t index)
{
    ccad_rep p = CCAD_REP_INIT;
    return ccad_team_rep(T.team, index, &p, NULL) == CCAD_OK ? p.id : "?";
}

/* One check of a titem line: 1 holds, 0 not, -1 syntax. */
static int titem_check(struct run *R, char *tok, const ccad_team_item *t)
{
    char *eq = strchr(tok, '=');
    int64_t want = 0, got = 0;
    int r = pv_why_check(R, tok, t->item.reasons, t->item.reason_count);
    if (r != -2)
        return r;
    if (eq == NULL) {
        vec_synf(R, "expected a check, found '%s'", tok);
        return -1;
    }
    *eq = '\0';
    if (strcmp(tok, "carrier") == 0 || strcmp(tok, "owner") == 0)
        return strcmp(team_rep_id(tok[0] == 'c' ? t->carrier : t->owner), eq + 1) == 0;
    if (strcmp(tok, "seq") == 0) {
        if (vec_parse_int(eq + 1, &want) != 0)
            r = -1;
        else
            return want == t->item.seq;
    } else if ((r = pv_item_field(&t->item, tok, eq + 1, &want, &got)) == 0)
        return want == got;
    vec_synf(R, "bad titem check '%s=%s'", tok, eq + 1);
    return -1;
}

/* titem ID DATE CHECK...: the customer's one team item on DATE. */
static int do_titem(struct run *R, char **tok, int n)
{
    ccad_team_item t = CCAD_TEAM_ITEM_INIT;
    char text[2048];
    int64_t d;
    size_t cnt;
    int k;
    if (n < 3 || vec_parse_date(tok[2], &d) != 0) {
        vec_synf(R, "%s", "titem takes ID DATE CHECK...");
        return -1;
    }
    R->expectations++;
    if (T.ts == NULL)
        return vec_failf(R, "%s", "no team schedule (a team-plan line must come first)"), 0;
    if ((cnt = team_items_of(tok[1], d, &t)) != 1)
        return vec_failf(R, "%zu team items for %s on %s, expected one", cnt, tok[1], tok[2]), 0;
    pv_item_text(text, sizeof text, &t.item);
    for (k = 3; k < n; k++) {
        char copy[256];
        int r;
        snprintf(copy, sizeof copy, "%s", tok[k]);
        R->checks++;
        if ((r = titem_check(R, tok[k], &t)) < 0)
            return -1;
        if (r == 0)
            vec_failf(R, "team item of %s: %s does not hold; carrier %s owner %s seq %d: %s",
                      tok[1], copy, team_rep_id(t.carrier), team_rep_id(t.owner), (int)t.item.seq,
                      text);
    }
    return 0;
}

/* no-titem ID [DATE] */
static int do_no_titem(struct run *R, char **tok, int n)
{
    int64_t d = -1;
    if (n < 2 || n > 3 || (n == 3 && vec_parse_date(tok[2], &d) != 0)) {
        vec_synf(R, "%s", "no-titem takes ID [DATE]");
        return -1;
    }
    R->expectations++;
    R->checks++;
    if (T.ts == NULL)
        return vec_failf(R, "%s", "no team schedule (a team-plan line must come first)"), 0;
    if (team_items_of(tok[1], d, NULL) != 0)
        vec_failf(R, "unexpected team item for %s", tok[1]);
    return 0;
}

/* tfinding KIND REP ID|- CHECK...: some team finding of that kind, about
 * that rep and customer, with every reason check. */
static int do_tfinding(struct run *R, char **tok, int n)
{
    int kind, k, found = 0;
    size_t i;
    if (n < 4 || (kind = vec_lookup(pv_finding_names, N_FINDINGS, tok[1])) < 0) {
        vec_synf(R, "%s", "tfinding takes KIND REP ID|- CHECK...");
        return -1;
    }
    R->expectations++;
    R->checks++;
    if (T.ts == NULL)
        return vec_failf(R, "%s", "no team schedule (a team-plan line must come first)"), 0;
    for (i = 0; i < ccad_team_schedule_finding_count(T.ts); i++) {
        ccad_team_finding f = CCAD_TEAM_FINDING_INIT;
        ccad_book *b = NULL;
        int ok;
        assert_int_equal(ccad_team_schedule_finding(T.ts, i, &f), CCAD_OK);
        assert_int_equal(ccad_team_rep(T.team, f.rep, NULL, &b), CCAD_OK);
        ok = f.finding.kind == kind && strcmp(team_rep_id(f.rep), tok[2]) == 0 &&
             (strcmp(tok[3], "-") == 0
                  ? f.finding.customer < 0
                  : f.finding.customer >= 0 &&
                        strcmp(ccad_book_id(b, (size_t)f.finding.customer), tok[3]) == 0);
        for (k = 4; k < n && ok; k++) {
            int r = pv_why_check(R, tok[k], f.finding.reasons, f.finding.reason_count);
            if (r == -1 || r == -2) {
                vec_synf(R, "bad tfinding check '%s'", tok[k]);
                return -1;
            }
            ok = r == 1;
        }
        found |= ok;
    }
    if (!found)
        vec_failf(R, "no %s team finding of %s about %s matches", tok[1], tok[2], tok[3]);
    return 0;
}

/* The proposals of the team with the reps added in `order`. */
static ccad_team_proposals *team_propose(struct run *R, const ccad_team_proposal_options *o,
                                         int order, ccad_team **out_team)
{
    ccad_team_proposals *tp = NULL;
    int rc;
    if (team_made(R, order, out_team) != 0)
        return NULL;
    if ((rc = ccad_team_proposals_new(&tp, *out_team, T.pool, R->rules, o)) != CCAD_OK)
        vec_failf(R, "ccad_team_proposals_new: %s: %s", vec_errname(rc), ccad_ctx_errmsg(R->ctx));
    return tp;
}

/* 1 if two runs proposed the same, proposal for proposal. */
static int team_proposals_same(const ccad_team_proposals *a, const ccad_team_proposals *b)
{
    ccad_team_balance x = CCAD_TEAM_BALANCE_INIT, y = CCAD_TEAM_BALANCE_INIT;
    size_t i, n = ccad_team_proposals_count(a);
    if (n != ccad_team_proposals_count(b) || ccad_team_proposals_balance(a, &x) != CCAD_OK ||
        ccad_team_proposals_balance(b, &y) != CCAD_OK || memcmp(&x, &y, sizeof x) != 0)
        return 0;
    for (i = 0; i < n; i++) {
        ccad_team_proposal p = CCAD_TEAM_PROPOSAL_INIT, q = CCAD_TEAM_PROPOSAL_INIT;
        if (ccad_team_proposals_item(a, i, &p) != CCAD_OK ||
            ccad_team_proposals_item(b, i, &q) != CCAD_OK || memcmp(&p, &q, sizeof p) != 0)
            return 0;
    }
    return 1;
}

/* team-propose today=D [period=N] [field_days=N] [move_a=0|1] [scale=X]
 * [speed=X]: planar metric. */
static int do_team_propose(struct run *R, char **tok, int n)
{
    ccad_team_proposal_options o = CCAD_TEAM_PROPOSAL_OPTIONS_INIT;
    ccad_team *rev_team = NULL;
    ccad_team_proposals *rev;
    int k;
    o.today = CCAD_NO_DATE;
    for (k = 1; k < n; k++) {
        char *v = strchr(tok[k], '=');
        int64_t x = 0;
        int bad;
        if (v == NULL) {
            vec_synf(R, "bad team-propose option '%s'", tok[k]);
            return -1;
        }
        *v++ = '\0';
        if (strcmp(tok[k], "scale") == 0 || strcmp(tok[k], "speed") == 0) {
            char *end;
            double d = strtod(v, &end);
            bad = *end != '\0';
            *(tok[k][1] == 'c' ? &o.scale : &o.units_per_minute) = d;
        } else {
            bad = (strcmp(tok[k], "today") == 0 ? vec_parse_date(v, &x) : vec_parse_int(v, &x)) !=
                  0;
            if (strcmp(tok[k], "today") == 0)
                o.today = (int32_t)x;
            else if (strcmp(tok[k], "period") == 0)
                o.period_days = (int32_t)x;
            else if (strcmp(tok[k], "field_days") == 0)
                o.field_days = (int32_t)x;
            else if (strcmp(tok[k], "move_a") == 0)
                o.move_a = (int32_t)x;
            else
                bad = 1;
        }
        if (bad) {
            vec_synf(R, "bad team-propose option '%s=%s'", tok[k], v);
            return -1;
        }
    }
    if (T.n == 0 || o.today == CCAD_NO_DATE) {
        vec_synf(R, "%s", "team-propose needs rep lines first and today=");
        return -1;
    }
    if (vec_ensure_graded(R) != 0 || team_books(R) != 0)
        return 0;
    ccad_team_proposals_free(T.tp);
    ccad_team_free(T.team);
    T.tp = team_propose(R, &o, 1, &T.team);
    rev = team_propose(R, &o, -1, &rev_team);
    R->checks++;
    if (T.tp != NULL && rev != NULL && !team_proposals_same(T.tp, rev))
        vec_failf(R, "%s", "the team proposals depend on the order reps were added in");
    ccad_team_proposals_free(rev);
    ccad_team_free(rev_team);
    return 0;
}

/* The customer id a proposal concerns. */
static const char *proposal_customer(const ccad_team_proposal *p)
{
    ccad_book *b = T.pool;
    if (p->rep != UINT32_MAX)
        assert_int_equal(ccad_team_rep(T.team, p->rep, NULL, &b), CCAD_OK);
    return ccad_book_id(b, (size_t)p->finding.customer);
}

/* Prints the proposals about customer `id` (after a failure). */
static void team_show_proposals(const char *id)
{
    size_t i;
    for (i = 0; i < ccad_team_proposals_count(T.tp); i++) {
        ccad_team_proposal p = CCAD_TEAM_PROPOSAL_INIT;
        const ccad_reason *r = &p.finding.reasons[0];
        assert_int_equal(ccad_team_proposals_item(T.tp, i, &p), CCAD_OK);
        if (strcmp(proposal_customer(&p), id) == 0)
            printf("    %s of %s to %s: %s(%lld,%lld,%lld)\n",
                   ccad_name(CCAD_NAME_FINDING, p.finding.kind),
                   p.rep == UINT32_MAX ? "pool" : team_rep_id(p.rep),
                   p.to_rep == UINT32_MAX ? "pool" : team_rep_id(p.to_rep), ccad_why_name(r->why),
                   (long long)r->a, (long long)r->b, (long long)r->c);
    }
}

/* proposal KIND REP|pool ID [to=REP] CHECK...: some proposal of that kind
 * about that customer of that rep (or of the pool), with every check;
 * no-proposal ID: none about the customer. */
static int do_proposal(struct run *R, char **tok, int n)
{
    int none = strcmp(tok[0], "no-proposal") == 0, kind = 0, k, found = 0;
    size_t i;
    if (none ? n != 2 : n < 4 || (kind = vec_lookup(pv_finding_names, N_FINDINGS, tok[1])) < 0) {
        vec_synf(R, "%s", "proposal takes KIND REP|pool ID CHECK...; no-proposal takes ID");
        return -1;
    }
    R->expectations++;
    R->checks++;
    if (T.tp == NULL)
        return vec_failf(R, "%s", "no team proposals (a team-propose line must come first)"), 0;
    for (i = 0; i < ccad_team_proposals_count(T.tp); i++) {
        ccad_team_proposal p = CCAD_TEAM_PROPOSAL_INIT;
        int ok;
        assert_int_equal(ccad_team_proposals_item(T.tp, i, &p), CCAD_OK);
        if (none) {
            found |= strcmp(proposal_customer(&p), tok[1]) == 0;
            continue;
        }
        ok = p.finding.kind == kind &&
             strcmp(p.rep == UINT32_MAX ? "pool" : team_rep_id(p.rep), tok[2]) == 0 &&
             strcmp(proposal_customer(&p), tok[3]) == 0;
        for (k = 4; k < n && ok; k++) {
            int r = strncmp(tok[k], "to=", 3) == 0
                        ? p.to_rep != UINT32_MAX && strcmp(team_rep_id(p.to_rep), tok[k] + 3) == 0
                        : pv_why_check(R, tok[k], p.finding.reasons, p.finding.reason_count);
            if (r == -1 || r == -2) {
                vec_synf(R, "bad proposal check '%s'", tok[k]);
                return -1;
            }
            ok = r == 1;
        }
        found |= ok;
    }
    if (none ? found : !found) {
        vec_failf(
            R, none ? "unexpected proposal about %s%s%s" : "no %s proposal of %s about %s matches",
            tok[1], none ? "" : tok[2], none ? "" : tok[3]);
        team_show_proposals(none ? tok[1] : tok[3]);
    }
    return 0;
}

/* 1 if not a team directive. */
int pv_team_directive(struct run *R, char **tok, int n)
{
    const char *kw = tok[0];
    if (strcmp(kw, "rep") == 0)
        return do_rep(R, tok, n);
    if (strcmp(kw, "rep-absent") == 0) {
        int r = n >= 2 ? team_rep_index(tok[1]) : -1;
        if (r < 0) {
            vec_synf(R, "%s", "rep-absent takes a declared REP and dates");
            return -1;
        }
        return pv_add_dates(R, T.absent[r], &T.nabsent[r], tok + 1, n - 1);
    }
    if (strcmp(kw, "owner") == 0)
        return do_owner(R, tok, n);
    if (strcmp(kw, "team-plan") == 0)
        return do_team_plan(R, tok, n);
    if (strcmp(kw, "titem") == 0)
        return do_titem(R, tok, n);
    if (strcmp(kw, "no-titem") == 0)
        return do_no_titem(R, tok, n);
    if (strcmp(kw, "tfinding") == 0)
        return do_tfinding(R, tok, n);
    if (strcmp(kw, "team-propose") == 0)
        return do_team_propose(R, tok, n);
    if (strcmp(kw, "proposal") == 0 || strcmp(kw, "no-proposal") == 0)
        return do_proposal(R, tok, n);
    return 1;
}
