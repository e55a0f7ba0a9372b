/* Team proposals: the entry point, the customers as the balance sees them,
 * the release proposals (the pool's way in) and the readers. The moves and
 * the assignments are chosen in team_balance.c. */
#include "team_prop.h"

#include <math.h>
#include <string.h>

#define R_(rule, why, a, b, c) ccad__plan_reason(CCAD_RULE_##rule, CCAD_WHY_##why, a, b, c)

int ccad__tp_add(struct prun *prop_run, uint32_t rep, uint32_t to, int kind, uint32_t index,
                 const ccad_reason *reasons, uint32_t n)
{
    ccad_team_proposals *tp = prop_run->tp;
    struct tprop *p;
    ccad_finding f = CCAD_FINDING_INIT;
    int rc;
    if ((rc = ccad__plan_reserve(tp->ctx, (void **)&tp->prop, &tp->cap_prop, tp->n_prop + 1,
                                 sizeof *tp->prop)) != 0)
        return rc;
    if (n > CCAD_ITEM_REASONS_MAX)
        n = CCAD_ITEM_REASONS_MAX;
    f.kind = kind;
    f.customer = index;
    f.date = prop_run->o.today;
    f.reason_count = n;
    memcpy(f.reasons, reasons, n * sizeof *reasons);
    p = &tp->prop[tp->n_prop++];
    p->rep = rep;
    p->to = to;
    p->f = f;
    return CCAD_OK;
}

/* Travel minutes from rep `rep`'s base to customer c (0 without a place). */
int32_t ccad__tp_minutes(const struct prun *prop_run, uint32_t rep, const struct tcust *c)
{
    const ccad_rep *info = &prop_run->team->rep[rep].given;
    double m;
    if (!c->located)
        return 0;
    m = (double)ccad__straight_cost(prop_run->o.metric, prop_run->o.scale, info->base_x,
                                    info->base_y, c->x, c->y) /
        prop_run->o.units_per_minute;
    return m > 100000.0 ? 100000 : (int32_t)ceil(m);
}

/* The grounds for releasing customer c (assessed as a) to the pool, into
 * rs[1..]; rs[0] is the lead POOL_RELEASE reason. Returns the count, 0 for
 * no grounds. ESCALATE flags it for reassignment, TRIAGE gives it up (as
 * the planner does: an open complaint is answered first), or it has been
 * idle for pool.release_days; PATIENCE's reasons follow when premature. */
static uint32_t release_reasons(const struct prun *prop_run, const struct cust *c,
                                const ccad_assessment *a, ccad_reason *rs)
{
    const int64_t *v = prop_run->v;
    int32_t today = prop_run->o.today,
            from = c->last_contact != CCAD_NO_DATE ? c->last_contact : c->owned;
    int premature = (a->flags & CCAD_F_RELEASE_PREMATURE) != 0, before;
    int64_t thr;
    uint32_t n = 1, k;
    if (a->escalation == CCAD_ESCALATE_REASSIGN)
        rs[n++] = R_(ESCALATE, OVERDUE, a->days_overdue, CCAD_ESCALATE_REASSIGN, v[P_ESC_REASSIGN]);
    if (ccad__strategy_of(ccad__triage(v, c, &before, &thr), c) == CCAD_STRATEGY_GIVE_UP &&
        c->complaint != CCAD_COMPLAINT_OPEN)
        rs[n++] = R_(TRIAGE, GIVE_UP, c->contacts, v[P_PATIENCE_MIN], premature);
    if (from != CCAD_NO_DATE && today - from >= v[P_POOL_RELEASE_DAYS])
        rs[n++] = R_(OWNERSHIP, POOL_IDLE, today - from, v[P_POOL_RELEASE_DAYS], from);
    if (n == 1)
        return 0;
    rs[0] = R_(OWNERSHIP, POOL_RELEASE, c->contacts, v[P_PATIENCE_MIN], premature);
    for (k = 0; premature && k < a->reason_count && n < CCAD_ITEM_REASONS_MAX; k++)
        if (a->reasons[k].why == CCAD_WHY_PATIENCE || a->reasons[k].why == CCAD_WHY_PATIENCE_RHYTHM)
            rs[n++] = a->reasons[k];
    return n;
}

/* Customer i of `book` as the balance sees it; for the pool (rep TP_NONE) a
 * released customer is assessed as if open again, for the load it would
 * bring. Reps' customers with grounds get a release proposal. */
static int take(struct prun *prop_run, const ccad_book *book, uint32_t rep, size_t i)
{
    struct tcust *t = &prop_run->cust[prop_run->n_cust];
    ccad_reason rs[CCAD_ITEM_REASONS_MAX];
    ccad_assessment a;
    struct cust c;
    uint32_t n = 0;
    ccad__unpack(book, i, &c);
    if (rep == TP_NONE && c.status == CCAD_STATUS_RELEASED)
        c.status = CCAD_STATUS_PROSPECT;
    ccad__assess(book, prop_run->v, &c, prop_run->o.today, &a, rep != TP_NONE);
    memset(t, 0, sizeof *t);
    t->row = (uint8_t)ccad__plan_load_of(&a, prop_run->o.period_days, &t->milli);
    t->x = c.x;
    t->y = c.y;
    t->located = (c.bits & CB_HAS_LOC) != 0;
    t->rep = t->owner = rep;
    t->index = (uint32_t)i;
    t->fixed = t->row == 0 && !prop_run->o.move_a;
    prop_run->n_cust++;
    if (rep != TP_NONE && (n = release_reasons(prop_run, &c, &a, rs)) > 0) {
        t->fixed = 1;
        return ccad__tp_add(prop_run, rep, TP_NONE, CCAD_FIND_RELEASE_PROPOSED, (uint32_t)i, rs, n);
    }
    return CCAD_OK;
}

/* Every open customer of every rep (release proposals on the way), then the
 * pool's customers not eliminated. */
static int collect(struct prun *prop_run)
{
    const ccad_team *team = prop_run->team;
    size_t r, i, total = prop_run->pool != NULL ? prop_run->pool->n : 0;
    int rc;
    for (r = 0; r < team->n; r++)
        total += team->rep[r].book->n;
    prop_run->cust = ccad__alloc(team->ctx, (total > 0 ? total : 1) * sizeof *prop_run->cust);
    if (prop_run->cust == NULL)
        return ccad__fail(team->ctx, CCAD_ENOMEM, "ccad_team_proposals_new: out of memory");
    for (r = 0; r < team->n; r++) {
        const ccad_book *b = team->rep[r].book;
        for (i = 0; i < b->n; i++)
            if (!ccad__inactive(b->c[i].status) && (rc = take(prop_run, b, (uint32_t)r, i)) != 0)
                return rc;
    }
    prop_run->n_owned = prop_run->n_cust;
    for (i = 0; prop_run->pool != NULL && i < prop_run->pool->n; i++)
        if (prop_run->pool->c[i].status != CCAD_STATUS_ELIMINATED &&
            (rc = take(prop_run, prop_run->pool, TP_NONE, i)) != 0)
            return rc;
    return CCAD_OK;
}

/* Each rep's capacity in the period: field days x visits a day,
 * a minutes-only rep counting minutes_per_day / route.service_b_min. */
static void capacities(struct prun *prop_run)
{
    int64_t field = prop_run->o.field_days > 0
                        ? prop_run->o.field_days
                        : (prop_run->v[P_WORKLOAD_FIELD_DAYS] * prop_run->o.period_days + 15) / 30;
    size_t r;
    for (r = 0; r < prop_run->team->n; r++) {
        const ccad_rep *rep = &prop_run->team->rep[r].given;
        int64_t vpd = rep->visits_per_day > 0 ? rep->visits_per_day
                                              : rep->minutes_per_day / prop_run->v[P_SERVICE_B];
        ccad_team_load *rep_load = &prop_run->tp->load[r];
        rep_load->before.period_days = prop_run->o.period_days;
        rep_load->before.field_days = (int32_t)field;
        rep_load->before.visits_per_day = (int32_t)(vpd > 0 ? vpd : 1);
        prop_run->cap[r] = field * rep_load->before.visits_per_day;
    }
}

static int check_args(const ccad_team *team, const ccad_book *pool, const ccad_rules *rules,
                      const ccad_team_proposal_options *o, const char *fn)
{
    size_t r;
    int rc;
    if (rules == NULL || o == NULL)
        return ccad__fail(team->ctx, CCAD_EINVAL, "%s: NULL argument", fn);
    if (!CCAD__SIZE_OK(o->size, ccad_team_proposal_options))
        return ccad__fail(team->ctx, CCAD_EVERSION,
                          "%s: ccad_team_proposal_options.size %lu not supported", fn,
                          (unsigned long)o->size);
    if (team->n == 0)
        return ccad__fail(team->ctx, CCAD_EINVAL, "%s: the team has no reps", fn);
    if (o->metric != CCAD_METRIC_PLANAR && o->metric != CCAD_METRIC_GEO)
        return ccad__fail(team->ctx, CCAD_EINVAL, "%s: metric must be planar or geo", fn);
    if (!ccad__date_ok(o->today) || o->period_days < 1 || o->period_days > 366 ||
        o->field_days < 0 || o->field_days > o->period_days ||
        !(o->scale > 0 && o->scale < 1e300) ||
        !(o->units_per_minute > 0 && o->units_per_minute < 1e300))
        return ccad__fail(team->ctx, CCAD_ERANGE,
                          "%s: bad day, period (1..366), field days (0..period), scale or speed",
                          fn);
    for (r = 0; pool != NULL && r < team->n; r++)
        if (team->rep[r].book == pool)
            return ccad__fail(team->ctx, CCAD_EINVAL, "%s: the pool is a rep's book", fn);
    if (pool != NULL && pool->ctx != team->ctx)
        return ccad__fail(team->ctx, CCAD_EINVAL, "%s: the pool belongs to another context", fn);
    for (r = 0; r < team->n; r++)
        if ((rc = ccad__check_graded(team->rep[r].book, rules, fn)) != 0)
            return rc;
    return pool != NULL ? ccad__check_graded(pool, rules, fn) : CCAD_OK;
}

static int run(struct prun *prop_run)
{
    ccad_ctx *ctx = prop_run->team->ctx;
    size_t r, n = prop_run->team->n;
    int rc;
    prop_run->tp->load = ccad__alloc(ctx, n * sizeof *prop_run->tp->load);
    prop_run->cap = ccad__alloc(ctx, 5 * n * sizeof *prop_run->cap);
    if (prop_run->tp->load == NULL || prop_run->cap == NULL)
        return ccad__fail(ctx, CCAD_ENOMEM, "ccad_team_proposals_new: out of memory");
    prop_run->gm = prop_run->cap + n;
    for (r = 0; r < n; r++) {
        ccad_team_load empty_load = CCAD_TEAM_LOAD_INIT;
        prop_run->tp->load[r] = empty_load;
    }
    capacities(prop_run);
    if ((rc = collect(prop_run)) != 0)
        return rc;
    prop_run->tp->bal.releases = (int64_t)prop_run->tp->n_prop;
    ccad__tp_measure(prop_run, 0);
    if ((rc = ccad__tp_moves(prop_run)) != 0 || (rc = ccad__tp_assigns(prop_run)) != 0)
        return rc;
    ccad__tp_measure(prop_run, 1);
    return CCAD_OK;
}

int ccad_team_proposals_new(ccad_team_proposals **out, const ccad_team *team, const ccad_book *pool,
                            const ccad_rules *rules, const ccad_team_proposal_options *options)
{
    static const char fn[] = "ccad_team_proposals_new";
    ccad_team_balance bal = CCAD_TEAM_BALANCE_INIT;
    struct prun prop_run;
    int rc;
    if (out != NULL)
        *out = NULL;
    if ((rc = ccad__team_guard(team, out, fn)) != 0 ||
        (rc = check_args(team, pool, rules, options, fn)) != 0)
        return rc;
    memset(&prop_run, 0, sizeof prop_run);
    prop_run.team = team;
    prop_run.pool = pool;
    prop_run.v = rules->v;
    prop_run.o = *options;
    if ((prop_run.tp = ccad__alloc(team->ctx, sizeof *prop_run.tp)) == NULL)
        return ccad__fail(team->ctx, CCAD_ENOMEM, "%s: out of memory", fn);
    memset(prop_run.tp, 0, sizeof *prop_run.tp);
    prop_run.tp->ctx = team->ctx;
    prop_run.tp->nrep = team->n;
    prop_run.tp->bal = bal;
    rc = run(&prop_run);
    ccad__free(team->ctx, prop_run.cust);
    ccad__free(team->ctx, prop_run.cap);
    if (rc != CCAD_OK) {
        ccad_team_proposals_free(prop_run.tp);
        return ccad__fail_in(team->ctx, fn, rc);
    }
    *out = prop_run.tp;
    return CCAD_OK;
}

/* ---- readers ---- */

void ccad_team_proposals_free(ccad_team_proposals *tp)
{
    if (tp == NULL)
        return;
    ccad__free(tp->ctx, tp->prop);
    ccad__free(tp->ctx, tp->load);
    ccad__free(tp->ctx, tp);
}

size_t ccad_team_proposals_count(const ccad_team_proposals *tp)
{
    return tp == NULL ? 0 : tp->n_prop;
}

static int check_read(const ccad_team_proposals *tp, const void *out, size_t index, size_t count,
                      int sizes_ok, const char *fn)
{
    if (out == NULL)
        return ccad__fail(tp->ctx, CCAD_EINVAL, "%s: out is NULL", fn);
    if (!sizes_ok)
        return ccad__fail(tp->ctx, CCAD_EVERSION, "%s: size not supported", fn);
    if (index >= count)
        return ccad__fail(tp->ctx, CCAD_ENOTFOUND, "%s: index %lu out of range", fn,
                          (unsigned long)index);
    return CCAD_OK;
}

int ccad_team_proposals_item(const ccad_team_proposals *tp, size_t index, ccad_team_proposal *out)
{
    const struct tprop *p;
    int rc;
    if (tp == NULL)
        return CCAD_EINVAL;
    if ((rc = check_read(tp, out, index, tp->n_prop,
                         out != NULL && CCAD__SIZE_OK(out->size, ccad_team_proposal) &&
                             CCAD__SIZE_OK(out->finding.size, ccad_finding),
                         "ccad_team_proposals_item")) != 0)
        return rc;
    p = &tp->prop[index];
    out->rep = p->rep;
    out->to_rep = p->to;
    out->finding = p->f;
    return CCAD_OK;
}

int ccad_team_proposals_load(const ccad_team_proposals *tp, size_t rep, ccad_team_load *out)
{
    int rc;
    if (tp == NULL)
        return CCAD_EINVAL;
    if ((rc = check_read(tp, out, rep, tp->nrep,
                         out != NULL && CCAD__SIZE_OK(out->size, ccad_team_load) &&
                             CCAD__SIZE_OK(out->before.size, ccad_workload),
                         "ccad_team_proposals_load")) != 0)
        return rc;
    *out = tp->load[rep];
    return CCAD_OK;
}

int ccad_team_proposals_balance(const ccad_team_proposals *tp, ccad_team_balance *out)
{
    int rc;
    if (tp == NULL)
        return CCAD_EINVAL;
    if ((rc = check_read(tp, out, 0, 1, out != NULL && CCAD__SIZE_OK(out->size, ccad_team_balance),
                         "ccad_team_proposals_balance")) != 0)
        return rc;
    *out = tp->bal;
    return CCAD_OK;
}
