/* A day's route under construction: the rep's stops in visiting order and
 * the times of that order. The planner places a stop only where every stop
 * keeps its visit hours and the rep is back by the day's end, so a day is
 * feasible at every step: the day's budget is service plus travel.
 *
 * Times: the rep leaves the base at the day's start; a stop's service
 * starts on arrival, or when its visit hours open (waiting is allowed),
 * and must end by the time they close; the way back must reach the base by
 * the day's end. latest[i] is the latest service start of stop i that keeps
 * it and every later stop feasible, so a place is tested in constant time. */
#include "plan.h"

#include "../route_search.h"

#include <math.h>
#include <string.h>

#define LEG_MAX 100000 /* minutes; legs beyond are clamped */

static void point(const struct plan *plan, uint32_t ci, double *x, double *y)
{
    const struct cust *c;
    if (ci == UINT32_MAX) {
        *x = plan->o->base_x;
        *y = plan->o->base_y;
        return;
    }
    c = &plan->cw[ci];
    if (c->bits & CB_HAS_LOC) {
        *x = c->x;
        *y = c->y;
    } else {
        *x = plan->o->base_x; /* no location: treated as at the base */
        *y = plan->o->base_y;
    }
}

/* GEO: the unit vector of customer ci (UINT32_MAX: the base), computed the
 * first time it is asked for and kept, so that a leg costs a chord and an
 * arcsine instead of four more sines and cosines; the same bits as
 * ccad__straight_cost, which computes the vectors the same way. */
static const double *unit_of(const struct plan *plan, uint32_t ci)
{
    double *u = plan->unit + 3 * (ci == UINT32_MAX ? plan->b->n : (size_t)ci), x, y;
    if (u[0] > 1.5) {
        point(plan, ci, &x, &y);
        ccad__geo_unit(x, y, u);
    }
    return u;
}

int ccad__plan_leg_compute(const struct plan *plan, uint32_t a, uint32_t b, int32_t *out)
{
    double x1, y1, x2, y2, m;
    if (plan->unit != NULL) {
        m = (double)ccad__chord_cost(unit_of(plan, a), unit_of(plan, b)) /
            plan->o->units_per_minute;
        *out = m > (double)LEG_MAX ? LEG_MAX : (int32_t)ceil(m);
        return CCAD_OK;
    }
    point(plan, a, &x1, &y1);
    point(plan, b, &x2, &y2);
    if (plan->o->metric == CCAD_METRIC_HOST) {
        int rc = ccad__travel(plan->s->ctx, x1, y1, x2, y2, out);
        if (rc == CCAD_OK && *out > LEG_MAX)
            *out = LEG_MAX; /* "unreachable": far past any day, and no sum overflows */
        return rc;
    }
    m = (double)ccad__straight_cost(plan->o->metric, plan->o->scale, x1, y1, x2, y2) /
        plan->o->units_per_minute;
    *out = m > (double)LEG_MAX ? LEG_MAX : (int32_t)ceil(m);
    return CCAD_OK;
}

int ccad__plan_legs_init(struct plan *plan)
{
    size_t n = plan->b->n + 1, k;
    plan->legs = NULL;
    plan->unit = NULL;
    if (plan->o->route && plan->o->metric == CCAD_METRIC_GEO) {
        plan->unit = ccad__alloc(plan->s->ctx, 3 * n * sizeof *plan->unit);
        if (plan->unit == NULL)
            return ccad__fail(plan->s->ctx, CCAD_ENOMEM, "out of memory");
        for (k = 0; k < n; k++)
            plan->unit[3 * k] = 2.0; /* not yet known: a unit vector's parts are at most 1 */
    }
    if (!plan->o->route || plan->o->metric == CCAD_METRIC_HOST || plan->b->n > CCAD_PLAN_LEGS_MAX)
        return CCAD_OK;
    plan->legs = ccad__alloc(plan->s->ctx, n * n * sizeof *plan->legs);
    if (plan->legs == NULL)
        return ccad__fail(plan->s->ctx, CCAD_ENOMEM, "out of memory");
    memset(plan->legs, 0, n * n * sizeof *plan->legs);
    return CCAD_OK;
}

static int32_t open_of(const struct plan *plan, uint32_t ci) { return plan->cw[ci].open_min; }
static int32_t close_of(const struct plan *plan, uint32_t ci) { return plan->cw[ci].close_min; }

int ccad__plan_alone(const struct plan *plan, uint32_t i, int32_t *out)
{
    int32_t l1, l2, svc = ccad__plan_service(plan, i), st;
    int32_t day_start = plan->o->day_start_min;
    int32_t from = open_of(plan, i) > day_start ? open_of(plan, i) : day_start;
    int32_t until = close_of(plan, i) < plan->day_end ? close_of(plan, i) : plan->day_end;
    int rc;
    if (from + svc > until) {
        *out = -1; /* the visit hours cannot hold it inside the day */
        return CCAD_OK;
    }
    if ((rc = ccad__plan_leg(plan, UINT32_MAX, i, &l1)) != 0 ||
        (rc = ccad__plan_leg(plan, i, UINT32_MAX, &l2)) != 0)
        return rc;
    st = day_start + l1 > open_of(plan, i) ? day_start + l1 : open_of(plan, i);
    *out = l1 + svc + l2;
    if (st + svc > close_of(plan, i) || st + svc + l2 > plan->day_end)
        *out = -2 - *out; /* travel makes it miss: -2 - minutes needed */
    return CCAD_OK;
}

/* The most time a stop inserted anywhere may take: at each place, the
 * latest start of the next stop (or the day's end) less its arrival now.
 * Legs that keep the triangle inequality (PLANAR and GEO, up to the minute
 * of rounding) make a stop longer than that fit nowhere, so ccad__route_fit
 * can refuse it without trying every place. */
static void set_room(const struct plan *plan, struct dayroute *route)
{
    int32_t t = plan->o->day_start_min, room, back;
    uint32_t k;
    if (route->n == 0) {
        route->room = plan->day_end - plan->o->day_start_min;
        return;
    }
    back = route->dep[route->n - 1] + route->back_leg;
    room = plan->day_end - back;
    for (k = 0; k < route->n; k++) {
        if (route->latest[k] - (t + route->leg[k]) > room)
            room = route->latest[k] - (t + route->leg[k]);
        t = route->dep[k];
    }
    route->room = room;
}

/* The leg between real stops a and b (UINT32_MAX: the base) once what lies
 * between them is gone: route's own leg when they are consecutive, else fresh. */
static int gap_leg(const struct plan *plan, const struct dayroute *route, uint32_t a, uint32_t b,
                   uint32_t prev, uint32_t next, int32_t *out)
{
    int64_t ra = a == UINT32_MAX ? -1 : (int64_t)a, rb = b == UINT32_MAX ? (int64_t)route->n : b;
    if (rb == ra + 1) {
        *out = b != UINT32_MAX ? route->leg[b] : route->back_leg;
        return CCAD_OK;
    }
    if (prev == UINT32_MAX && next == UINT32_MAX) {
        *out = 0; /* the route held only the skipped stop */
        return CCAD_OK;
    }
    return ccad__plan_leg(plan, prev, next, out);
}

int ccad__route_fit_skip(const struct plan *plan, const struct dayroute *route, uint32_t skip,
                         uint32_t i, uint32_t *out_pos, int32_t *out_cost)
{
    int32_t svc = ccad__plan_service(plan, i), open = open_of(plan, i), close = close_of(plan, i);
    int32_t best = INT32_MAX;
    uint32_t nv = skip < route->n ? route->n - 1 : route->n, p, best_pos = UINT32_MAX;
    int rc;
    *out_pos = UINT32_MAX;
    *out_cost = 0;
    if (route->n > 0 && skip >= route->n && plan->room_margin >= 0 &&
        svc - plan->room_margin > route->room)
        return CCAD_OK; /* longer than any gap in the day, rounding of the legs allowed for */
    for (p = 0; p <= nv; p++) {
        /* virtual position p lies between real stops a (or the base) and b */
        uint32_t a = p == 0 ? UINT32_MAX : (p - 1 < skip ? p - 1 : p);
        uint32_t b = p == nv ? UINT32_MAX : (p < skip ? p : p + 1);
        uint32_t prev = a == UINT32_MAX ? UINT32_MAX : route->cust[a];
        uint32_t next = b == UINT32_MAX ? UINT32_MAX : route->cust[b];
        int32_t dep = a == UINT32_MAX ? plan->o->day_start_min : route->dep[a];
        int32_t l1, l2, st, arr, old, cost;
        if ((rc = ccad__plan_leg(plan, prev, i, &l1)) != 0)
            return rc;
        st = dep + l1 > open ? dep + l1 : open;
        if (st + svc > close)
            continue;
        if ((rc = ccad__plan_leg(plan, i, next, &l2)) != 0)
            return rc;
        arr = st + svc + l2;
        if (b != UINT32_MAX ? arr > route->latest[b] : arr > plan->day_end)
            continue;
        if ((rc = gap_leg(plan, route, a, b, prev, next, &old)) != 0)
            return rc;
        cost = l1 + l2 - old;
        if (cost < best) {
            best = cost;
            best_pos = p;
        }
    }
    *out_pos = best_pos;
    *out_cost = best_pos == UINT32_MAX ? 0 : best;
    return CCAD_OK;
}

/* The leg between customer i and point j (UINT32_MAX: the base) from i's
 * row of the kept legs (plan->legs), which holds both directions of a leg
 * once either was asked for; a leg not yet known is asked for from i to j
 * (to_j) or from j to i, as ccad__route_fit_skip asks it. */
static int row_leg(const struct plan *plan, const int32_t *row, uint32_t i, uint32_t j, int to_j,
                   int32_t *out)
{
    int32_t v = row[j == UINT32_MAX ? plan->b->n : j];
    if (v != 0) {
        *out = v - 1;
        return CCAD_OK;
    }
    return to_j ? ccad__plan_leg(plan, i, j, out) : ccad__plan_leg(plan, j, i, out);
}

/* The legs from customer i to every stop of route into i's row of the
 * kept legs (row), those not yet known asked for from i to the stop. */
static int legs_to(const struct plan *plan, const int32_t *row, uint32_t i,
                   const struct dayroute *route)
{
    uint32_t p;
    int32_t leg;
    int rc;
    for (p = 0; p < route->n; p++)
        if (row[route->cust[p]] == 0 && (rc = ccad__plan_leg(plan, i, route->cust[p], &leg)) != 0)
            return rc;
    return CCAD_OK;
}

int ccad__route_fit(const struct plan *plan, const struct dayroute *route, uint32_t i,
                    uint32_t *out_pos, int32_t *out_cost)
{
    int32_t svc = ccad__plan_service(plan, i), open = open_of(plan, i), close = close_of(plan, i);
    int32_t best = INT32_MAX, home, l1;
    uint32_t p, m = route->n, best_pos = UINT32_MAX;
    const int32_t *row;
    int rc;
    if (plan->legs == NULL)
        return ccad__route_fit_skip(plan, route, UINT32_MAX, i, out_pos, out_cost);
    /* ccad__route_fit_skip without a stop skipped: the same tests on the
     * same legs. That walk asks for the leg to every stop (a place i's
     * hours refuse still asks for the one to its stop, the next place's
     * first leg), so they are all asked for first, where they do not wait
     * for one another, and each place is then a test without a guess. */
    *out_pos = UINT32_MAX;
    *out_cost = 0;
    if (m > 0 && plan->room_margin >= 0 && svc - plan->room_margin > route->room)
        return CCAD_OK; /* as ccad__route_fit_skip */
    row = plan->legs + (size_t)i * (plan->b->n + 1);
    if ((rc = row_leg(plan, row, i, UINT32_MAX, 0, &home)) != 0 ||
        (rc = legs_to(plan, row, i, route)) != 0)
        return rc;
    l1 = home;
    for (p = 0; p <= m; p++) { /* place p: after stop p - 1, before stop p */
        int32_t dep = p == 0 ? plan->o->day_start_min : route->dep[p - 1];
        int32_t l2 = p < m ? row[route->cust[p]] - 1 : home;
        int32_t st = dep + l1 > open ? dep + l1 : open;
        int32_t cost = l1 + l2 - (p < m ? route->leg[p] : route->back_leg);
        int better = (st + svc <= close) &
                     (st + svc + l2 <= (p < m ? route->latest[p] : plan->day_end)) & (cost < best);
        best = better ? cost : best;
        best_pos = better ? p : best_pos;
        l1 = l2; /* the next place's first leg */
    }
    *out_pos = best_pos;
    *out_cost = best_pos == UINT32_MAX ? 0 : best;
    return CCAD_OK;
}

/* Latest starts from the end back to stop 0 (the latest departure from the
 * last stop is the day's end less the way back), then the day's room. */
static void set_latest(const struct plan *plan, struct dayroute *route)
{
    int32_t t = plan->day_end - route->back_leg;
    uint32_t k;
    for (k = route->n; k-- > 0;) {
        const struct item_rec *it = &plan->s->items[route->stop[k]];
        int32_t lim = close_of(plan, it->customer);
        if (t < lim)
            lim = t;
        route->latest[k] = lim - it->svc;
        t = route->latest[k] - route->leg[k];
    }
    set_room(plan, route);
}

int ccad__route_retime(const struct plan *plan, struct dayroute *route)
{
    int32_t t = plan->o->day_start_min;
    uint32_t k, prev = UINT32_MAX;
    int rc;
    route->travel = 0;
    route->back_leg = 0;
    if (route->n == 0) {
        set_room(plan, route);
        return CCAD_OK;
    }
    for (k = 0; k < route->n; k++) {
        const struct item_rec *it = &plan->s->items[route->stop[k]];
        int32_t open = open_of(plan, it->customer);
        if ((rc = ccad__plan_leg(plan, prev, it->customer, &route->leg[k])) != 0)
            return rc;
        route->travel += route->leg[k];
        t += route->leg[k];
        route->start[k] = t > open ? t : open;
        t = route->dep[k] = route->start[k] + it->svc;
        prev = route->cust[k] = it->customer;
    }
    if ((rc = ccad__plan_leg(plan, prev, UINT32_MAX, &route->back_leg)) != 0)
        return rc;
    route->travel += route->back_leg;
    set_latest(plan, route);
    return CCAD_OK;
}

static int grow(ccad_ctx *ctx, struct dayroute *route)
{
    uint32_t nc = route->cap ? 2 * route->cap : 8;
    uint32_t *stop = ccad__alloc(ctx, (size_t)nc * 6 * sizeof *stop);
    if (stop == NULL)
        return ccad__fail(ctx, CCAD_ENOMEM, "out of memory");
    if (route->n > 0) {
        memcpy(stop, route->stop, route->n * sizeof *stop);
        memcpy(stop + nc, route->start, route->n * sizeof *stop);
        memcpy(stop + 2 * nc, route->latest, route->n * sizeof *stop);
        memcpy(stop + 3 * nc, route->leg, route->n * sizeof *stop);
        memcpy(stop + 4 * nc, route->cust, route->n * sizeof *stop);
        memcpy(stop + 5 * nc, route->dep, route->n * sizeof *stop);
    }
    ccad__free(ctx, route->stop);
    route->stop = stop;
    route->start = (int32_t *)(stop + nc);
    route->latest = (int32_t *)(stop + 2 * nc);
    route->leg = (int32_t *)(stop + 3 * nc);
    route->cust = stop + 4 * nc;
    route->dep = (int32_t *)(stop + 5 * nc);
    route->cap = nc;
    return CCAD_OK;
}

/* Times of route from stop `from` on (legs from..from+1 fresh, the rest kept),
 * and latest starts from the end back to stop 0. */
static int retime_from(const struct plan *plan, struct dayroute *route, uint32_t from)
{
    int32_t t;
    uint32_t k, prev;
    int rc;
    if (route->n == 0 || from == 0)
        return ccad__route_retime(plan, route);
    prev = route->cust[from - 1];
    t = route->dep[from - 1];
    for (k = from; k < route->n; k++) {
        const struct item_rec *it = &plan->s->items[route->stop[k]];
        int32_t open = open_of(plan, it->customer);
        if (k <= from + 1) {
            route->travel -= route->leg[k];
            if ((rc = ccad__plan_leg(plan, prev, it->customer, &route->leg[k])) != 0)
                return rc;
            route->travel += route->leg[k];
        }
        t += route->leg[k];
        route->start[k] = t > open ? t : open;
        t = route->dep[k] = route->start[k] + it->svc;
        prev = route->cust[k] = it->customer;
    }
    if (from + 1 >= route->n) {
        route->travel -= route->back_leg;
        if ((rc = ccad__plan_leg(plan, prev, UINT32_MAX, &route->back_leg)) != 0)
            return rc;
        route->travel += route->back_leg;
    }
    set_latest(plan, route);
    return CCAD_OK;
}

int ccad__route_insert(const struct plan *plan, struct dayroute *route, uint32_t item, uint32_t pos)
{
    int rc;
    if (route->n == route->cap && (rc = grow(plan->s->ctx, route)) != 0)
        return rc;
    memmove(route->stop + pos + 1, route->stop + pos, (route->n - pos) * sizeof *route->stop);
    memmove(route->start + pos + 1, route->start + pos, (route->n - pos) * sizeof *route->start);
    memmove(route->leg + pos + 1, route->leg + pos, (route->n - pos) * sizeof *route->leg);
    route->stop[pos] = item;
    route->leg[pos] = 0; /* replaced by retime_from, which counts it in */
    route->n++;
    return retime_from(plan, route, pos);
}

int ccad__route_remove(const struct plan *plan, struct dayroute *route, uint32_t pos)
{
    route->travel -= route->leg[pos];
    memmove(route->stop + pos, route->stop + pos + 1, (route->n - pos - 1) * sizeof *route->stop);
    memmove(route->start + pos, route->start + pos + 1,
            (route->n - pos - 1) * sizeof *route->start);
    memmove(route->leg + pos, route->leg + pos + 1, (route->n - pos - 1) * sizeof *route->leg);
    route->n--;
    return route->n == 0 ? ccad__route_retime(plan, route) : retime_from(plan, route, pos);
}

int ccad__route_ok(const struct plan *plan, const struct dayroute *route)
{
    uint32_t k;
    for (k = 0; k < route->n; k++)
        if (route->start[k] > route->latest[k])
            return 0;
    return route->n == 0 || route->start[route->n - 1] +
                                    plan->s->items[route->stop[route->n - 1]].svc +
                                    route->back_leg <=
                                plan->day_end;
}

int ccad__route_saving(const struct plan *plan, const struct dayroute *route, uint32_t pos,
                       int32_t *out)
{
    uint32_t prev = pos > 0 ? route->cust[pos - 1] : UINT32_MAX;
    uint32_t next = pos + 1 < route->n ? route->cust[pos + 1] : UINT32_MAX;
    int32_t direct;
    int rc;
    if ((rc = ccad__plan_leg(plan, prev, next, &direct)) != 0)
        return rc;
    *out = route->leg[pos] + (pos + 1 < route->n ? route->leg[pos + 1] : route->back_leg) - direct;
    return CCAD_OK;
}

void ccad__route_free(ccad_ctx *ctx, struct dayroute *route)
{
    ccad__free(ctx, route->stop);
    memset(route, 0, sizeof *route);
}

/* Customers no day can take: visit hours that cannot hold the visit inside
 * the day, or a stop too far to reach and return from within the day. A
 * replan's unchanged customers have theirs from the old trace already. */
int ccad__plan_find_blocked(struct plan *plan)
{
    size_t i;
    int rc;
    for (i = 0; i < plan->b->n; i++) {
        struct sim *m = &plan->sim[i];
        if (ccad__inactive(plan->cw[i].status) || m->given_up || ccad__trace_reused(plan, i))
            continue;
        if ((rc = ccad__plan_alone(plan, (uint32_t)i, &m->alone_min)) != 0)
            return rc;
        if (m->alone_min == -1)
            m->blocked = CCAD_WHY_PLAN_BLOCKED_HOURS;
        else if (m->alone_min < -1) {
            m->blocked = CCAD_WHY_PLAN_BLOCKED_TIME;
            m->alone_min = -2 - m->alone_min;
        }
    }
    return CCAD_OK;
}
