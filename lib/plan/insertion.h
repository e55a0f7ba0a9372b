/* A stop's insertion table for one day route (insertion.c): what placing
 * one customer's stop at each place of the route would cost, with the
 * first cheapest place before and after every place, so that the cheapest
 * place in the route without any one of its stops is found in constant
 * time. The weekly assignment's swaps (assign.c) ask that of a visit for
 * every partner on a day. */
#ifndef CCAD_PLAN_INSERTION_H
#define CCAD_PLAN_INSERTION_H

#include "plan.h"

/* Places a table holds: routes of fewer stops than this. */
#define CCAD_INS_PLACES 64
#define CCAD_INS_NONE 0xffu /* no feasible place */

/* Place p lies between stop p - 1 and stop p of the route, the base at
 * either end. */
struct ccad__ins {
    int32_t day;              /* the day index (date - first_day) it was taken for; -1: none yet */
    uint32_t at;              /* the owner's stamp (assign.c: 1 + its clock when taken) */
    uint32_t n;               /* places: the route's stops + 1 */
    uint32_t who;             /* the customer whose stop it places */
    int32_t home;             /* minutes from that customer to the base */
    int32_t svc, open, close; /* its stop's service minutes and visit hours */
    /* to[k]: minutes from it to stop k */
    int32_t to[CCAD_INS_PLACES];
    /* cost[p]: the travel its stop adds at place p; INT32_MAX if its hours
     * or the later stops forbid it there */
    int32_t cost[CCAD_INS_PLACES];
    /* first[p]: the first cheapest feasible place of places 0..p-1, and
     * last[p] of places p..n-1; CCAD_INS_NONE: none */
    uint8_t first[CCAD_INS_PLACES + 1];
    uint8_t last[CCAD_INS_PLACES + 2];
};

/* 1 if a table can describe route: a metric whose legs are pure functions
 * of the two points, symmetric to the bit (not HOST; see ccad__plan_leg),
 * and fewer than CCAD_INS_PLACES stops. */
int ccad__ins_usable(const struct plan *plan, const struct dayroute *route);

/* Fills ins for customer ci's stop in route (usable), day index `day`.
 * The costs are those ccad__route_fit_skip finds at each place of the
 * whole route. */
int ccad__ins_fill(const struct plan *plan, const struct dayroute *route, int32_t day, uint32_t ci,
                   struct ccad__ins *ins);

/* ccad__route_fit_skip(plan, route, skip, ins->who, ...) for a stop `skip`
 * of route (skip < route->n), from ins filled for that route: the same
 * place and cost, ties to the first place. *out_saving is what taking
 * `skip` out saves (ccad__route_saving), which needs the same new leg. */
int ccad__ins_fit_skip(const struct plan *plan, const struct dayroute *route,
                       const struct ccad__ins *ins, uint32_t skip, uint32_t *out_pos,
                       int32_t *out_cost, int32_t *out_saving);

/* The tables the weekly assignment has filled, kept while their routes
 * stay as they were. A table depends only on its customer and on its
 * route, so the table of customer c into day d filled at time t serves
 * every later question about c and d until d's route changes; the
 * assignment asks the same ones again and again, pass after pass (x into
 * a partner's day, a partner into x's day). Direct-mapped: (customer,
 * day) picks one slot, and a table filled there replaces the one before,
 * so memory stays at about four tables a flexible visit, and bounded.
 * Times are the assignment's clock of changes (assign.c, struct since). */
struct ccad__ins_cache {
    struct ccad__ins *slot;
    uint32_t mask; /* slots - 1: a power of two */
    uint32_t days; /* the plan's days, for the key */
};

/* Room for about 4 x `tables` tables (a power of two, at most
 * CCAD_INS_CACHE_MAX: 11 MB), all empty; CCAD_OK or a recorded
 * CCAD_ENOMEM. */
#define CCAD_INS_CACHE_MAX ((size_t)1 << 14)
int ccad__ins_cache_init(ccad_ctx *ctx, struct ccad__ins_cache *cache, size_t tables, int32_t days);
void ccad__ins_cache_free(ccad_ctx *ctx, struct ccad__ins_cache *cache);

/* Customer ci's table into route (usable), day index `day`, into *out:
 * the kept one when it was filled after the route last changed (at time
 * `changed`, the clock then; no change since the start: 0), else filled
 * afresh now (time `now`, the clock so far). *out stays valid until the
 * next call. */
int ccad__ins_get(const struct plan *plan, struct ccad__ins_cache *cache,
                  const struct dayroute *route, int32_t day, uint32_t ci, uint32_t changed,
                  uint32_t now, const struct ccad__ins **out);

#endif
