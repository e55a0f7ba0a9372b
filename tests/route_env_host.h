/* The HOST-metric helpers of the route tests (tests/test_route_metrics.c
 * and the census's faults_route_host.c): a travel callback on integer
 * points that logs its calls and can fail at the Nth, with the counting
 * allocator beside it. */
#ifndef CCAD_ROUTE_ENV_HOST_H
#define CCAD_ROUTE_ENV_HOST_H

#include "route_env.h"

enum { HMAX = 64 };

struct travel_log {
    const double *x, *y;
    size_t n;
    long calls;
    long fail_at; /* 1-based call that fails; 0 = never */
    int negative; /* 1: report -1 minutes instead of failing */
    int asymmetric;
    int bad_pair; /* a call with from == to or unknown coordinates */
    unsigned char seen[HMAX][HMAX];
};

/* host user data: the counting allocator followed by the travel log */
struct travel_host {
    tu_alloc al;
    struct travel_log *log;
};

/* Manhattan minutes; asymmetric: going up (y grows) costs 3 more per unit. */
int32_t manhattan(double fx, double fy, double tx, double ty, int asymmetric);

/* A context on u's counting allocator whose travel callback reads and
 * logs into L. */
ccad_ctx *new_host_ctx(struct travel_host *u, struct travel_log *L);

/* n distinct integer points in [0, span)^2 from the route tests'
 * generator (rng_seed), so the callback can tell them apart. */
void distinct_points(double *x, double *y, size_t n, int span);

#endif
