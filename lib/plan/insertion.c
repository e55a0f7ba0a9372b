/* A stop's insertion table for one day route (insertion.h). The weekly
 * assignment tries to swap a visit with every flexible stop of the days
 * around it; each try asks where the visit's stop would go in the other
 * day's route without the partner. Asked one by one
 * (ccad__route_fit_skip), every question walks the whole route. The table
 * walks it once per stop and route: for every place of the whole route,
 * the travel the stop would add there, or that it cannot go there. Taking
 * one stop q out of the route leaves the places before q and those after
 * q + 1 as they were (their legs, departures and latest starts are read
 * from the whole route, as ccad__route_fit_skip reads them); only the
 * place that joins q's neighbours is new. So the cheapest place without q
 * is the cheapest of three: the first cheapest place before q, the new
 * place, and the first cheapest after q + 1, kept for every q.
 *
 * The legs from the stop to each stop of the route are asked for once and
 * serve both the place before and the place after that stop: outside HOST
 * a leg is the same both ways (ccad__plan_leg). */
#include "insertion.h"

/* The travel the stop adds at a place reached by leg l1 from a departure
 * at dep, left by leg l2 to a stop that must start by limit, in place of a
 * leg of `old` minutes; INT32_MAX when its hours or the limit forbid it.
 * The tests are ccad__route_fit_skip's. */
static int32_t place_cost(const struct ccad__ins *s, int32_t dep, int32_t l1, int32_t l2,
                          int32_t limit, int32_t old)
{
    int32_t st = dep + l1 > s->open ? dep + l1 : s->open;
    /* both tests at once, for a select rather than a guess */
    int fits = (st + s->svc <= s->close) & (st + s->svc + l2 <= limit);
    return fits ? l1 + l2 - old : INT32_MAX;
}

static int32_t cost_at(const struct ccad__ins *ins, uint8_t p)
{
    return p == CCAD_INS_NONE ? INT32_MAX : ins->cost[p];
}

int ccad__ins_usable(const struct plan *plan, const struct dayroute *route)
{
    return plan->o->metric != CCAD_METRIC_HOST && route->n + 1 <= CCAD_INS_PLACES;
}

/* The first cheapest feasible place before and after every place, with
 * the cost of the best so far at hand (what cost_at would read back). */
static void set_first_last(struct ccad__ins *ins)
{
    uint32_t p, m = ins->n - 1;
    int32_t best = INT32_MAX;
    uint8_t at = CCAD_INS_NONE;
    for (p = 0; p <= m; p++) { /* strictly cheaper: the first of equals stays */
        int cheaper = ins->cost[p] < best;
        ins->first[p] = at;
        at = cheaper ? (uint8_t)p : at;
        best = cheaper ? ins->cost[p] : best;
    }
    ins->first[m + 1] = at;
    best = INT32_MAX;
    at = CCAD_INS_NONE;
    ins->last[m + 1] = ins->last[m + 2] = CCAD_INS_NONE;
    for (p = m + 1; p-- > 0;) { /* as cheap, and feasible: the first of equals wins */
        int as_cheap = (ins->cost[p] != INT32_MAX) & (ins->cost[p] <= best);
        at = as_cheap ? (uint8_t)p : at;
        best = as_cheap ? ins->cost[p] : best;
        ins->last[p] = at;
    }
}

int ccad__ins_fill(const struct plan *plan, const struct dayroute *route, int32_t day, uint32_t ci,
                   struct ccad__ins *ins)
{
    uint32_t p, m = route->n;
    int rc;
    ins->svc = ccad__plan_service(plan, ci);
    ins->open = plan->cw[ci].open_min;
    ins->close = plan->cw[ci].close_min;
    ins->day = day;
    ins->n = m + 1;
    ins->who = ci;
    if ((rc = ccad__plan_leg(plan, ci, UINT32_MAX, &ins->home)) != 0)
        return rc;
    if (plan->legs != NULL) { /* ci's row of the kept legs, read straight */
        const int32_t *row = plan->legs + (size_t)ci * (plan->b->n + 1);
        for (p = 0; p < m; p++)
            if ((ins->to[p] = row[route->cust[p]] - 1) < 0 &&
                (rc = ccad__plan_leg(plan, ci, route->cust[p], &ins->to[p])) != 0)
                return rc;
    } else
        for (p = 0; p < m; p++)
            if ((rc = ccad__plan_leg(plan, ci, route->cust[p], &ins->to[p])) != 0)
                return rc;
    /* place p: after stop p - 1, before stop p; the two ends touch the base */
    if (m == 0)
        ins->cost[0] = place_cost(ins, plan->o->day_start_min, ins->home, ins->home, plan->day_end,
                                  route->back_leg);
    else {
        ins->cost[0] = place_cost(ins, plan->o->day_start_min, ins->home, ins->to[0],
                                  route->latest[0], route->leg[0]);
        for (p = 1; p < m; p++)
            ins->cost[p] = place_cost(ins, route->dep[p - 1], ins->to[p - 1], ins->to[p],
                                      route->latest[p], route->leg[p]);
        ins->cost[m] = place_cost(ins, route->dep[m - 1], ins->to[m - 1], ins->home, plan->day_end,
                                  route->back_leg);
    }
    set_first_last(ins);
    return CCAD_OK;
}

int ccad__ins_fit_skip(const struct plan *plan, const struct dayroute *route,
                       const struct ccad__ins *ins, uint32_t skip, uint32_t *out_pos,
                       int32_t *out_cost, int32_t *out_saving)
{
    uint8_t before = ins->first[skip], after = ins->last[skip + 2];
    int32_t best = cost_at(ins, before), joined, old = 0; /* 0: the route held only `skip` */
    uint32_t pos = before == CCAD_INS_NONE ? UINT32_MAX : before, m = route->n;
    int rc;
    /* the place joining the neighbours of stop `skip`, at `skip` without it */
    if (m > 1 &&
        (rc = ccad__plan_leg(plan, skip == 0 ? UINT32_MAX : route->cust[skip - 1],
                             skip + 1 == m ? UINT32_MAX : route->cust[skip + 1], &old)) != 0)
        return rc;
    *out_saving = route->leg[skip] + (skip + 1 == m ? route->back_leg : route->leg[skip + 1]) - old;
    joined = place_cost(ins, skip == 0 ? plan->o->day_start_min : route->dep[skip - 1],
                        skip == 0 ? ins->home : ins->to[skip - 1],
                        skip + 1 == m ? ins->home : ins->to[skip + 1],
                        skip + 1 == m ? plan->day_end : route->latest[skip + 1], old);
    if (joined < best) {
        best = joined;
        pos = skip;
    }
    if (cost_at(ins, after) < best) { /* places after skip + 1 move one down */
        best = cost_at(ins, after);
        pos = (uint32_t)after - 1;
    }
    *out_pos = pos;
    *out_cost = pos == UINT32_MAX ? 0 : best;
    return CCAD_OK;
}

int ccad__ins_cache_init(ccad_ctx *ctx, struct ccad__ins_cache *cache, size_t tables, int32_t days)
{
    size_t slots = 1, k;
    while (slots < 4 * tables && slots < CCAD_INS_CACHE_MAX)
        slots *= 2;
    cache->mask = (uint32_t)(slots - 1);
    cache->days = (uint32_t)days;
    cache->slot = ccad__alloc(ctx, slots * sizeof *cache->slot);
    if (cache->slot == NULL)
        return ccad__fail(ctx, CCAD_ENOMEM, "out of memory");
    for (k = 0; k < slots; k++)
        cache->slot[k].day = -1; /* empty */
    return CCAD_OK;
}

void ccad__ins_cache_free(ccad_ctx *ctx, struct ccad__ins_cache *cache)
{
    ccad__free(ctx, cache->slot);
    cache->slot = NULL;
}

int ccad__ins_get(const struct plan *plan, struct ccad__ins_cache *cache,
                  const struct dayroute *route, int32_t day, uint32_t ci, uint32_t changed,
                  uint32_t now, const struct ccad__ins **out)
{
    /* Fibonacci hashing of the key: the high bits of a multiple */
    uint64_t key = ((uint64_t)ci * cache->days + (uint32_t)day) * UINT64_C(0x9e3779b97f4a7c15);
    struct ccad__ins *ins = &cache->slot[(uint32_t)(key >> 32) & cache->mask];
    int rc;
    *out = ins;
    /* at = 1 + the clock when filled: a change at that clock or later is newer */
    if (ins->day == day && ins->who == ci && changed < ins->at)
        return CCAD_OK;
    if ((rc = ccad__ins_fill(plan, route, day, ci, ins)) != 0) {
        ins->day = -1; /* half filled: empty */
        return rc;
    }
    ins->at = now + 1;
    return CCAD_OK;
}
