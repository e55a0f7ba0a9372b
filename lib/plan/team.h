/* The team planner's records (team_plan.c, team_route.c, team_read.c).
 *
 * ccad_team_schedule_new plans each rep with the single-rep planner
 * (ccad__schedule_new, under the rep's calendar), then hands every
 * delegated item, day by day and big rocks first, to the teammate present
 * that day with room for whom it adds the least travel (team_plan.c); with
 * routes the item is inserted into that teammate's day route at its
 * cheapest place where every stop keeps its visit hours and the day's end
 * holds (team_route.c). */
#ifndef CCAD_PLAN_TEAM_H
#define CCAD_PLAN_TEAM_H

#include "../team.h"
#include "plan.h"

/* One team item: an item of the owner's schedule and who carries it out. */
struct titem {
    uint32_t carrier, owner;
    uint32_t src;                     /* index in the owner's schedule */
    int32_t seq, eta, depart, travel; /* the carrier's route (seq 0: not routed) */
    int32_t added;                    /* delegated: travel minutes added to the carrier's day */
    int32_t carrier_count;            /* delegated: the carrier's contacts that day with it */
};

/* A delegated item no teammate could take. */
struct tmiss {
    uint32_t owner, src;
    int32_t present; /* teammates present that day */
};

struct ccad_team_schedule {
    ccad_ctx *ctx;
    size_t nrep;
    ccad_schedule **rep; /* each rep's own plan */
    int32_t *vpd;        /* each rep's visits_per_day (for TEAM_CARRIER's c) */
    struct titem *items;
    size_t n_items, cap_items;
    struct tmiss *miss;
    size_t n_miss, cap_miss;
    int keep;
};

/* One stop of a carrier's day route. */
struct tstop {
    double x, y;
    int32_t open, close, svc;
    uint32_t titem; /* its team item */
};

/* A rep's day as the team planner fills it. */
struct tday {
    struct tstop *stop;
    uint32_t n, cap;
    int32_t count, minutes; /* contacts (calls included, touches aside) and service minutes */
};

/* What the route code needs of the run. */
struct tctx {
    ccad_ctx *ctx;
    const ccad_plan_options *o;
};

/* Travel minutes between two points (as the planner's legs). */
int ccad__team_leg(const struct tctx *team_ctx, double x1, double y1, double x2, double y2,
                   int32_t *out);
/* The cheapest feasible place for stop s in day rep_day of a rep based at
 * (bx, by) working [start, end): *out_pos (0..n, UINT32_MAX if none) and
 * the travel it adds *out_cost. */
int ccad__team_fit(const struct tctx *team_ctx, const struct tday *rep_day, double bx, double by,
                   int32_t start, int32_t end, const struct tstop *s, uint32_t *out_pos,
                   int32_t *out_cost);
/* Inserts s at pos (room reserved by the caller's ccad__team_reserve). */
void ccad__team_insert(struct tday *rep_day, const struct tstop *s, uint32_t pos);
int ccad__team_reserve(ccad_ctx *ctx, struct tday *rep_day);
/* Writes the route's seq and times into the team items. */
int ccad__team_times(const struct tctx *team_ctx, const struct tday *rep_day, double bx, double by,
                     int32_t start, struct titem *items);

#endif
