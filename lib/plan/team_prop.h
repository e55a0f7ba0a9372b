/* Team proposals (team_propose.c, team_balance.c): releases to the pool,
 * moves between reps, assignments from the pool, and the workload table
 * they are measured against. Nothing here changes a book: the host decides. */
#ifndef CCAD_PLAN_TEAM_PROP_H
#define CCAD_PLAN_TEAM_PROP_H

#include "../team.h"
#include "plan.h"

#define TP_NONE UINT32_MAX /* no rep: the pool */

/* One proposal as stored. */
struct tprop {
    uint32_t rep, to;
    ccad_finding f;
};

/* One open customer of a rep or of the pool, as the balance sees it. */
struct tcust {
    double x, y;
    int64_t milli;   /* contacts x 1000 it needs in the period */
    uint32_t rep;    /* its rep (TP_NONE: the pool) */
    uint32_t index;  /* in that book */
    uint32_t owner;  /* its rep once the proposals are carried out (TP_NONE: stays in the pool) */
    uint8_t row;     /* 0..3: grade A..D */
    uint8_t located; /* has a place */
    uint8_t fixed;   /* not movable: grade A (unless move_a) or proposed for release */
};

struct ccad_team_proposals {
    ccad_ctx *ctx;
    size_t nrep;
    struct tprop *prop;
    size_t n_prop, cap_prop;
    ccad_team_load *load; /* per rep */
    ccad_team_balance bal;
};

/* The run: inputs and the working state of the balance. */
struct prun {
    const ccad_team *team;
    const ccad_book *pool;
    const int64_t *v;
    ccad_team_proposal_options o;
    ccad_team_proposals *tp;
    struct tcust *cust;     /* every rep's open customers (rep by rep), then the pool's */
    size_t n_cust, n_owned; /* all, and the reps' part */
    int64_t *cap;           /* per rep: capacity in the period (contacts) */
    int64_t *gm;            /* per rep, 4 rows (grades A..D): running load x 1000 */
};

/* team_propose.c */
int ccad__tp_add(struct prun *prop_run, uint32_t rep, uint32_t to, int kind, uint32_t index,
                 const ccad_reason *reasons, uint32_t n);
int32_t ccad__tp_minutes(const struct prun *prop_run, uint32_t rep, const struct tcust *c);

/* team_balance.c */
int ccad__tp_moves(struct prun *prop_run);
int ccad__tp_assigns(struct prun *prop_run);
void ccad__tp_measure(struct prun *prop_run, int after);
/* Rep r's load in contacts as the workload table rounds it (each grade's
 * row rounded), with `add` x 1000 more in row `row`. */
int64_t ccad__tp_visits(const struct prun *prop_run, size_t r, int row, int64_t add);

#endif
