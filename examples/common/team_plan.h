/* team_plan.h - a team's plan as the example programs make it: ccad-team
 * prints it, ccad-ics --rep writes one rep's part of it as a calendar. One
 * place, so both read the same files and plan alike (docs/cli.md).
 *
 * The plan: the reps file and the customers file (owner column), the
 * contacts recorded, every customer moved into its owner's book, every book
 * graded with the default rules, then ccad_team_schedule_new() over --days
 * days from --today, routed with great-circle distances at 30 km/h, weekly
 * assignment on; Monday to Friday working, each rep's absent dates flagged.
 * Without files, the bundled team (team-reps.csv, team-customers.csv). */
#ifndef CCAD_EXAMPLES_TEAM_PLAN_H
#define CCAD_EXAMPLES_TEAM_PLAN_H

#include <stddef.h>
#include <stdint.h>

#include "csv.h"
#include "customers.h"
#include "custcadence.h"
#include "team.h"

/** The bundled team, found in the data directory (datadir.h). */
#define CCEX_TEAM_REPS "team-reps.csv"
#define CCEX_TEAM_CUSTOMERS "team-customers.csv"

/** What the team plan is made from. */
typedef struct ccex_team_args {
    const char *reps, *customers; /**< Both or neither (NULL: the bundled team). */
    const char *contacts;         /**< NULL: none. */
    int have_today;
    int32_t today; /**< First day (else the host clock's date). */
    int32_t days;  /**< Days planned, 1..366. */
    int lang;      /**< ::ccad_lang of the context (reasons, messages). */
    int proposals; /**< 1: also the pool and balance proposals on the first day. */
} ccex_team_args;

/** A team's plan and everything it was made from. */
typedef struct ccex_team_plan {
    ccad_ctx *ctx;
    ccad_rules *rules;
    ccex_customers cs;
    ccex_team_in in;
    ccad_team *team;
    ccad_team_schedule *ts;
    ccad_team_proposals *tp;           /**< NULL unless asked for. */
    ccex_rep *by_index[CCEX_TEAM_MAX]; /**< The team's rep index -> the rep's input. */
    ccad_plan_options o;
} ccex_team_plan;

/** Loads, plans and (when asked) proposes. On failure prints "prog: ..."
 *  (file:line:column for bad input) to stderr and returns -1; the plan
 *  must still be freed. 0 on success. */
int ccex_team_plan_make(ccex_team_plan *T, const ccex_team_args *a, const char *prog);

/** Frees everything; the struct is zeroed. */
void ccex_team_plan_free(ccex_team_plan *T);

/** Item @p i of the schedule. */
ccad_team_item ccex_team_plan_item(const ccex_team_plan *T, size_t i);

/** Rep @p index of the team, or the pool for UINT32_MAX. */
const ccex_rep *ccex_team_plan_rep(const ccex_team_plan *T, uint32_t index);

/** The id and the name of customer @p customer of rep @p owner's book. */
const char *ccex_team_plan_cust_id(const ccex_team_plan *T, uint32_t owner, uint32_t customer);
const char *ccex_team_plan_cust_name(const ccex_team_plan *T, uint32_t owner, uint32_t customer);

#endif /* CCAD_EXAMPLES_TEAM_PLAN_H */
