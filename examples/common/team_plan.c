/* team_plan.c - loading and planning a team for the example programs
 * (team_plan.h). */
#define _POSIX_C_SOURCE 200809L

#include "team_plan.h"
#include "contacts.h"

#include <stdio.h>
#include <string.h>

#include "datadir.h"
#include "plan.h"

static int load(ccex_team_plan *T, const ccex_team_args *a, const char *prog)
{
    static char reps[4096], customers[4096];
    ccex_err err;
    if (a->reps == NULL) {
        if (ccex_data_path(reps, sizeof reps, CCEX_TEAM_REPS, prog) != 0 ||
            ccex_data_path(customers, sizeof customers, CCEX_TEAM_CUSTOMERS, prog) != 0)
            return -1;
    } else {
        snprintf(reps, sizeof reps, "%s", a->reps);
        snprintf(customers, sizeof customers, "%s", a->customers);
    }
    if (ccex_load_reps(&T->in, reps, &err) != CCEX_OK ||
        ccex_load_customers(&T->cs, T->ctx, customers, &err) != CCEX_OK ||
        (a->contacts != NULL &&
         ccex_load_contacts(&T->cs, T->ctx, a->contacts, NULL, &err) != CCEX_OK) ||
        ccex_split_by_owner(&T->in, &T->cs, T->ctx, &err) != CCEX_OK) {
        fprintf(stderr, "%s: %s\n", prog, err.msg);
        return -1;
    }
    return 0;
}

static int make_team(ccex_team_plan *T)
{
    ccad_team_options to = CCAD_TEAM_OPTIONS_INIT;
    size_t k, at;
    to.user = &T->in;
    to.calendar = ccex_team_calendar;
    if (ccad_team_new(&T->team, T->ctx, &to) != CCAD_OK)
        return -1;
    for (k = 0; k < T->in.n; k++) {
        ccex_rep *p = &T->in.rep[k];
        ccad_rep r = ccex_rep_of(p);
        if (ccad_book_grade(p->book, T->rules) != CCAD_OK ||
            ccad_team_add(T->team, &r, p->book) != CCAD_OK)
            return -1;
    }
    for (k = 0; k < T->in.n; k++)
        if (ccad_team_find(T->team, T->in.rep[k].id, &at) == CCAD_OK)
            T->by_index[at] = &T->in.rep[k];
    return 0;
}

/* The pool and the balance on the first day: releases, assignments of
 * the pool's customers (owner "pool") and moves between reps, over a
 * 30-day period, great-circle distances at 30 km/h. */
static int propose(ccex_team_plan *T)
{
    ccad_team_proposal_options po = CCAD_TEAM_PROPOSAL_OPTIONS_INIT;
    po.today = T->o.first_day;
    po.metric = CCAD_METRIC_GEO;
    po.units_per_minute = CCEX_SPEED_M_PER_MIN;
    if (T->in.pool.book != NULL && ccad_book_grade(T->in.pool.book, T->rules) != CCAD_OK)
        return -1;
    return ccad_team_proposals_new(&T->tp, T->team, T->in.pool.book, T->rules, &po) == CCAD_OK ? 0
                                                                                               : -1;
}

int ccex_team_plan_make(ccex_team_plan *T, const ccex_team_args *a, const char *prog)
{
    ccad_host host = CCAD_HOST_INIT;
    memset(T, 0, sizeof *T);
    host.clock = ccex_host_clock;
    if (ccad_ctx_new(&T->ctx, &host) != CCAD_OK) {
        fprintf(stderr, "%s: cannot create a libcustcadence context\n", prog);
        return -1;
    }
    (void)ccad_ctx_set_lang(T->ctx, a->lang); /* a valid tag (ccex_lang_opt) */
    T->o = (ccad_plan_options)CCAD_PLAN_OPTIONS_INIT;
    T->o.first_day = a->today;
    if (!a->have_today && ccad_ctx_today(T->ctx, &T->o.first_day) != CCAD_OK) {
        fprintf(stderr, "%s: cannot read the clock: %s\n", prog, ccad_ctx_errmsg(T->ctx));
        return -1;
    }
    T->o.days = a->days;
    T->o.route = 1;
    T->o.assign_days = 1;
    T->o.metric = CCAD_METRIC_GEO;
    T->o.units_per_minute = CCEX_SPEED_M_PER_MIN;
    if (ccad_rules_new(&T->rules, T->ctx) != CCAD_OK || load(T, a, prog) != 0)
        return -1;
    if (make_team(T) != 0 || ccad_team_schedule_new(&T->ts, T->team, T->rules, &T->o) != CCAD_OK ||
        (a->proposals && propose(T) != 0)) {
        fprintf(stderr, "%s: planning: %s\n", prog, ccad_ctx_errmsg(T->ctx));
        return -1;
    }
    return 0;
}

void ccex_team_plan_free(ccex_team_plan *T)
{
    ccad_team_schedule_free(T->ts);
    ccad_team_proposals_free(T->tp);
    ccad_team_free(T->team);
    ccex_team_in_free(&T->in);
    ccex_customers_free(&T->cs);
    ccad_rules_free(T->rules);
    ccad_ctx_free(T->ctx);
    memset(T, 0, sizeof *T);
}

ccad_team_item ccex_team_plan_item(const ccex_team_plan *T, size_t i)
{
    ccad_team_item t = CCAD_TEAM_ITEM_INIT;
    (void)ccad_team_schedule_item(T->ts, i, &t);
    return t;
}

const ccex_rep *ccex_team_plan_rep(const ccex_team_plan *T, uint32_t index)
{
    return index == UINT32_MAX ? &T->in.pool : T->by_index[index];
}

const char *ccex_team_plan_cust_id(const ccex_team_plan *T, uint32_t owner, uint32_t customer)
{
    return ccad_book_id(ccex_team_plan_rep(T, owner)->book, customer);
}

const char *ccex_team_plan_cust_name(const ccex_team_plan *T, uint32_t owner, uint32_t customer)
{
    return ccex_customers_name(&T->cs, ccex_team_plan_rep(T, owner)->orig[customer]);
}
