/* The team tests' world (tests/test_team.c and the census's faults_team.c):
 * the testutil fixture's context and rules with two books, a and b, and
 * customers with a history. */
#ifndef CCAD_TEAM_ENV_H
#define CCAD_TEAM_ENV_H

#include "testutil.h"

typedef struct team_world {
    tu_fixture fx; /* counting allocator, context, rules (testutil); no book */
    ccad_book *a, *b;
} team_world;

/* Monday 2026-03-02, the day the customers' histories are dated from. */
int32_t team_day0(void);

/* A customer with a history: contacts, a last contact and visit, a next
 * step, a location and visit hours; `wide` makes it need the wide table. */
ccad_customer team_customer(const char *id, int64_t value, int wide);

/* Opens the world with n_a customers c00, c01, ... in book a (the one at
 * wide_at wide; -1: none) and an empty book b; team_world_close frees it
 * and fails on a leak. */
void team_world_open(team_world *w, int n_a, int wide_at);
void team_world_close(team_world *w);

#endif
