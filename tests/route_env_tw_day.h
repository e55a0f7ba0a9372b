/* A generated day for the time-window exact solver (lib/route_tw.h's
 * struct ccad__tw): shared by test_route_tw_same.c (against the reference
 * solver) and the fault census's faults_route_tw.c (every allocation
 * failing in turn on each of the solver's paths). */
#ifndef CCAD_ROUTE_ENV_TW_DAY_H
#define CCAD_ROUTE_ENV_TW_DAY_H

#include "testutil.h"
#include "../lib/route_tw.h"

#define NMAX (TW_EXACT_MAX + 1)

struct tw_day {
    int32_t minutes[NMAX * NMAX], open[NMAX], close[NMAX], service[NMAX];
    struct ccad__tw p;
};

/* Day of n points drawn from *rng (tu_rng): kind 0 random, 1 grid (ties),
 * 2 repeats; legs times `scale` (large scales leave the float lanes);
 * windows: 0 wide, 1 tight opens (waiting), 2 closes too early for some
 * stops (infeasible). */
void tw_day_make(struct tw_day *d, uint64_t *rng, uint32_t n, int kind, int32_t scale, int windows);

#endif
