/* The team handle's layout, shared by team.c and plan/team_plan.c. */
#ifndef CCAD_TEAM_H
#define CCAD_TEAM_H

#include "internal.h"

struct team_rep {
    char *id;        /* owned copy of the rep's id */
    ccad_rep given;  /* as given, given.id pointing at id */
    ccad_book *book; /* borrowed */
};

struct ccad_team {
    ccad_ctx *ctx;
    ccad_team_options opt;
    struct team_rep *rep; /* in id order (strcmp) */
    size_t n, cap;
};

/* The calendar flags of rep `index` on `day` (valid): the team calendar,
 * else the context's (team.c). */
int ccad__team_flags(const ccad_team *team, size_t index, int32_t day, uint32_t *out);

/* The first checks of every team entry point that makes an object, in
 * this order: a NULL team (CCAD_EINVAL, nothing to record it in), a call
 * from inside a host callback (CCAD_EBUSY, no message), a NULL `out`. The
 * caller clears its *out before. */
int ccad__team_guard(const ccad_team *team, const void *out, const char *fn);

#endif
