/* The day the planner's day loop is planning (simulate.c) and what the
 * loop's parts share of it: the rep's room left, and the steps that place
 * a contact (simulate.c), which pulling ahead (pull_ahead.c) uses too. */
#ifndef CCAD_PLAN_TODAY_H
#define CCAD_PLAN_TODAY_H

#include "plan.h"

#define PULL_MAX 31 /* capacity.pull_ahead_days is at most 30 */

/* The state of the day being planned. */
struct today {
    int32_t d;
    int di, absent;
    struct ccad__lean lean; /* the day's brief tables */
    int32_t used, minutes;  /* the rep's contacts and their service minutes */
    uint32_t prio;
    size_t nc, ne; /* due candidates; early candidates (at the end of plan->cand) */
    size_t nd;     /* dormant customers taken in order (after the due candidates) */
    int64_t over_by[PULL_MAX], over_min[PULL_MAX];
};

/* The shortest service of any customer (route.service_*). */
static inline int32_t ccad__plan_shortest_service(const struct plan *plan)
{
    int32_t shortest = INT32_MAX;
    int g;
    for (g = 0; g < 4; g++)
        if (plan->v[P_SERVICE_A + g] < shortest)
            shortest = (int32_t)plan->v[P_SERVICE_A + g];
    return shortest;
}

/* 1 when the rep's day can take no further contact of any customer: the
 * count limit is reached, or not even the shortest service fits in the
 * minutes left. Never on an absent day (the substitute has no limit). */
static inline int ccad__plan_day_full(const struct plan *plan, const struct today *today)
{
    const ccad_plan_options *o = plan->o;
    if (today->absent)
        return 0;
    if (o->visits_per_day > 0 && today->used >= o->visits_per_day)
        return 1;
    return o->minutes_per_day > 0 &&
           today->minutes + ccad__plan_shortest_service(plan) > o->minutes_per_day;
}

/* 1 when, besides, the day's route has no gap long enough for the shortest
 * service (the test ccad__route_fit makes first): no further stop fits,
 * though a call still may. */
static inline int ccad__plan_settled(const struct plan *plan, const struct today *today)
{
    const struct dayroute *route = plan->day != NULL ? &plan->day[today->di] : NULL;
    if (ccad__plan_day_full(plan, today))
        return 1;
    return !today->absent && route != NULL && route->n > 0 && plan->room_margin >= 0 &&
           ccad__plan_shortest_service(plan) - plan->room_margin > route->room;
}

/* Whether the rep has room today for a contact with customer i: *out_fits
 * is 1 if so, 0 when the count or minute limit is reached, -1 when the
 * day's route has no time left for the stop; *pos receives its place. */
int ccad__plan_room(struct plan *plan, const struct today *today, uint32_t i, int routed,
                    uint32_t *pos, int *out_fits);
/* Adds the item, counts it against the rep's day and places its stop. */
int ccad__plan_commit(struct plan *plan, struct today *today, const struct cand *k, int kind,
                      int delegated, int32_t rolled, int block_day, const ccad_reason *lead,
                      const ccad_reason *extra, const ccad_assessment *a, uint32_t pos);
/* The assessment of customer i's shadow on day d, into *a. */
void ccad__plan_assess_on(const struct plan *plan, uint32_t i, int32_t d, ccad_assessment *a);
/* pull_ahead.c: spare room takes important contacts due in the next days
 * (CAPACITY's levelling). */
int ccad__plan_pull_ahead(struct plan *plan, struct today *today);

#endif
