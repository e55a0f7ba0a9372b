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

#include <math.h>
#include <string.h>

#define LEG_MAX 100000 /* minutes; legs beyond are clamped */

static void point(const struct plan *P, uint32_t ci, double *x, double *y)
{
    const struct cust *c;
    if (ci == UINT32_MAX) {
        *x = P->o->base_x;
        *y = P->o->base_y;
        return;
    }
    c = &P->cw[ci];
    if (c->bits & CB_HAS_LOC) {
        *x = c->x;
        *y = c->y;
    } else {
        *x = P->o->base_x; /* no location: treated as at the base */
        *y = P->o->base_y;
    }
}

int ccad__plan_leg_compute(const struct plan *P, uint32_t a, uint32_t b, int32_t *out)
{
    double x1, y1, x2, y2, m;
    point(P, a, &x1, &y1);
    point(P, b, &x2, &y2);
    if (P->o->metric == CCAD_METRIC_HOST) {
        int rc = ccad__travel(P->s->ctx, x1, y1, x2, y2, out);
        if (rc == CCAD_OK && *out > LEG_MAX)
            *out = LEG_MAX; /* "unreachable": far past any day, and no sum overflows */
        return rc;
    }
    m = (double)ccad__straight_cost(P->o->metric, P->o->scale, x1, y1, x2, y2) /
        P->o->units_per_minute;
    *out = m > (double)LEG_MAX ? LEG_MAX : (int32_t)ceil(m);
    return CCAD_OK;
}

int ccad__plan_legs_init(struct plan *P)
{
    size_t n = P->b->n + 1;
    P->legs = NULL;
    if (!P->o->route || P->o->metric == CCAD_METRIC_HOST || P->b->n > CCAD_PLAN_LEGS_MAX)
        return CCAD_OK;
    P->legs = ccad__alloc(P->s->ctx, n * n * sizeof *P->legs);
    if (P->legs == NULL)
        return ccad__fail(P->s->ctx, CCAD_ENOMEM, "out of memory");
    memset(P->legs, 0, n * n * sizeof *P->legs);
    return CCAD_OK;
}

static int32_t open_of(const struct plan *P, uint32_t ci) { return P->cw[ci].open_min; }
static int32_t close_of(const struct plan *P, uint32_t ci) { return P->cw[ci].close_min; }

int ccad__plan_alone(const struct plan *P, uint32_t i, int32_t *out)
{
    int32_t l1, l2, svc = ccad__plan_service(P, i), st;
    int32_t day_start = P->o->day_start_min;
    int32_t from = open_of(P, i) > day_start ? open_of(P, i) : day_start;
    int32_t until = close_of(P, i) < P->day_end ? close_of(P, i) : P->day_end;
    int rc;
    if (from + svc > until) {
        *out = -1; /* the visit hours cannot hold it inside the day */
        return CCAD_OK;
    }
    if ((rc = ccad__plan_leg(P, UINT32_MAX, i, &l1)) != 0 ||
        (rc = ccad__plan_leg(P, i, UINT32_MAX, &l2)) != 0)
        return rc;
    st = day_start + l1 > open_of(P, i) ? day_start + l1 : open_of(P, i);
    *out = l1 + svc + l2;
    if (st + svc > close_of(P, i) || st + svc + l2 > P->day_end)
        *out = -2 - *out; /* travel makes it miss: -2 - minutes needed */
    return CCAD_OK;
}

/* The most time a stop inserted anywhere may take: at each place, the
 * latest start of the next stop (or the day's end) less its arrival now.
 * Legs that keep the triangle inequality (PLANAR and GEO, up to the minute
 * of rounding) make a stop longer than that fit nowhere, so ccad__route_fit
 * can refuse it without trying every place. */
static void set_room(const struct plan *P, struct dayroute *R)
{
    int32_t t = P->o->day_start_min, room, back;
    uint32_t k;
    if (R->n == 0) {
        R->room = P->day_end - P->o->day_start_min;
        return;
    }
    back = R->start[R->n - 1] + P->s->items[R->stop[R->n - 1]].svc + R->back_leg;
    room = P->day_end - back;
    for (k = 0; k < R->n; k++) {
        if (R->latest[k] - (t + R->leg[k]) > room)
            room = R->latest[k] - (t + R->leg[k]);
        t = R->start[k] + P->s->items[R->stop[k]].svc;
    }
    R->room = room;
}

static uint32_t cust_of(const struct plan *P, const struct dayroute *R, uint32_t pos)
{
    return pos < R->n ? P->s->items[R->stop[pos]].customer : UINT32_MAX;
}

/* The leg between real stops a and b (UINT32_MAX: the base) once what lies
 * between them is gone: R's own leg when they are consecutive, else fresh. */
static int gap_leg(const struct plan *P, const struct dayroute *R, uint32_t a, uint32_t b,
                   uint32_t prev, uint32_t next, int32_t *out)
{
    int64_t ra = a == UINT32_MAX ? -1 : (int64_t)a, rb = b == UINT32_MAX ? (int64_t)R->n : b;
    if (rb == ra + 1) {
        *out = b != UINT32_MAX ? R->leg[b] : R->back_leg;
        return CCAD_OK;
    }
    if (prev == UINT32_MAX && next == UINT32_MAX) {
        *out = 0; /* the route held only the skipped stop */
        return CCAD_OK;
    }
    return ccad__plan_leg(P, prev, next, out);
}

int ccad__route_fit_skip(const struct plan *P, const struct dayroute *R, uint32_t skip,
                         uint32_t i, uint32_t *out_pos, int32_t *out_cost)
{
    int32_t svc = ccad__plan_service(P, i), open = open_of(P, i), close = close_of(P, i);
    int32_t best = INT32_MAX;
    uint32_t nv = skip < R->n ? R->n - 1 : R->n, p, best_pos = UINT32_MAX;
    int rc;
    *out_pos = UINT32_MAX;
    *out_cost = 0;
    if (R->n > 0 && skip >= R->n && P->room_margin >= 0 && svc - P->room_margin > R->room)
        return CCAD_OK; /* longer than any gap in the day, rounding of the legs allowed for */
    for (p = 0; p <= nv; p++) {
        /* virtual position p lies between real stops a (or the base) and b */
        uint32_t a = p == 0 ? UINT32_MAX : (p - 1 < skip ? p - 1 : p);
        uint32_t b = p == nv ? UINT32_MAX : (p < skip ? p : p + 1);
        uint32_t prev = a == UINT32_MAX ? UINT32_MAX : cust_of(P, R, a);
        uint32_t next = b == UINT32_MAX ? UINT32_MAX : cust_of(P, R, b);
        int32_t dep = a == UINT32_MAX ? P->o->day_start_min
                                      : R->start[a] + P->s->items[R->stop[a]].svc;
        int32_t l1, l2, st, arr, old, cost;
        if ((rc = ccad__plan_leg(P, prev, i, &l1)) != 0)
            return rc;
        st = dep + l1 > open ? dep + l1 : open;
        if (st + svc > close)
            continue;
        if ((rc = ccad__plan_leg(P, i, next, &l2)) != 0)
            return rc;
        arr = st + svc + l2;
        if (b != UINT32_MAX ? arr > R->latest[b] : arr > P->day_end)
            continue;
        if ((rc = gap_leg(P, R, a, b, prev, next, &old)) != 0)
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

int ccad__route_fit(const struct plan *P, const struct dayroute *R, uint32_t i, uint32_t *out_pos,
                    int32_t *out_cost)
{
    return ccad__route_fit_skip(P, R, UINT32_MAX, i, out_pos, out_cost);
}

/* Latest starts from the end back to stop 0 (the latest departure from the
 * last stop is the day's end less the way back), then the day's room. */
static void set_latest(const struct plan *P, struct dayroute *R)
{
    int32_t t = P->day_end - R->back_leg;
    uint32_t k;
    for (k = R->n; k-- > 0;) {
        const struct item_rec *it = &P->s->items[R->stop[k]];
        int32_t lim = close_of(P, it->customer);
        if (t < lim)
            lim = t;
        R->latest[k] = lim - it->svc;
        t = R->latest[k] - R->leg[k];
    }
    set_room(P, R);
}

int ccad__route_retime(const struct plan *P, struct dayroute *R)
{
    int32_t t = P->o->day_start_min;
    uint32_t k, prev = UINT32_MAX;
    int rc;
    R->travel = 0;
    R->back_leg = 0;
    if (R->n == 0) {
        set_room(P, R);
        return CCAD_OK;
    }
    for (k = 0; k < R->n; k++) {
        const struct item_rec *it = &P->s->items[R->stop[k]];
        int32_t open = open_of(P, it->customer);
        if ((rc = ccad__plan_leg(P, prev, it->customer, &R->leg[k])) != 0)
            return rc;
        R->travel += R->leg[k];
        t += R->leg[k];
        R->start[k] = t > open ? t : open;
        t = R->start[k] + it->svc;
        prev = it->customer;
    }
    if ((rc = ccad__plan_leg(P, prev, UINT32_MAX, &R->back_leg)) != 0)
        return rc;
    R->travel += R->back_leg;
    set_latest(P, R);
    return CCAD_OK;
}

static int grow(ccad_ctx *ctx, struct dayroute *R)
{
    uint32_t nc = R->cap ? 2 * R->cap : 8;
    uint32_t *stop = ccad__alloc(ctx, (size_t)nc * 4 * sizeof *stop);
    if (stop == NULL)
        return ccad__fail(ctx, CCAD_ENOMEM, "out of memory");
    if (R->n > 0) {
        memcpy(stop, R->stop, R->n * sizeof *stop);
        memcpy(stop + nc, R->start, R->n * sizeof *stop);
        memcpy(stop + 2 * nc, R->latest, R->n * sizeof *stop);
        memcpy(stop + 3 * nc, R->leg, R->n * sizeof *stop);
    }
    ccad__free(ctx, R->stop);
    R->stop = stop;
    R->start = (int32_t *)(stop + nc);
    R->latest = (int32_t *)(stop + 2 * nc);
    R->leg = (int32_t *)(stop + 3 * nc);
    R->cap = nc;
    return CCAD_OK;
}

/* Times of R from stop `from` on (legs from..from+1 fresh, the rest kept),
 * and latest starts from the end back to stop 0. */
static int retime_from(const struct plan *P, struct dayroute *R, uint32_t from)
{
    int32_t t;
    uint32_t k, prev;
    int rc;
    if (R->n == 0 || from == 0)
        return ccad__route_retime(P, R);
    prev = P->s->items[R->stop[from - 1]].customer;
    t = R->start[from - 1] + P->s->items[R->stop[from - 1]].svc;
    for (k = from; k < R->n; k++) {
        const struct item_rec *it = &P->s->items[R->stop[k]];
        int32_t open = open_of(P, it->customer);
        if (k <= from + 1) {
            R->travel -= R->leg[k];
            if ((rc = ccad__plan_leg(P, prev, it->customer, &R->leg[k])) != 0)
                return rc;
            R->travel += R->leg[k];
        }
        t += R->leg[k];
        R->start[k] = t > open ? t : open;
        t = R->start[k] + it->svc;
        prev = it->customer;
    }
    if (from + 1 >= R->n) {
        R->travel -= R->back_leg;
        if ((rc = ccad__plan_leg(P, prev, UINT32_MAX, &R->back_leg)) != 0)
            return rc;
        R->travel += R->back_leg;
    }
    set_latest(P, R);
    return CCAD_OK;
}

int ccad__route_insert(const struct plan *P, struct dayroute *R, uint32_t item, uint32_t pos)
{
    int rc;
    if (R->n == R->cap && (rc = grow(P->s->ctx, R)) != 0)
        return rc;
    memmove(R->stop + pos + 1, R->stop + pos, (R->n - pos) * sizeof *R->stop);
    memmove(R->start + pos + 1, R->start + pos, (R->n - pos) * sizeof *R->start);
    memmove(R->leg + pos + 1, R->leg + pos, (R->n - pos) * sizeof *R->leg);
    R->stop[pos] = item;
    R->leg[pos] = 0; /* replaced by retime_from, which counts it in */
    R->n++;
    return retime_from(P, R, pos);
}

int ccad__route_remove(const struct plan *P, struct dayroute *R, uint32_t pos)
{
    R->travel -= R->leg[pos];
    memmove(R->stop + pos, R->stop + pos + 1, (R->n - pos - 1) * sizeof *R->stop);
    memmove(R->start + pos, R->start + pos + 1, (R->n - pos - 1) * sizeof *R->start);
    memmove(R->leg + pos, R->leg + pos + 1, (R->n - pos - 1) * sizeof *R->leg);
    R->n--;
    return R->n == 0 ? ccad__route_retime(P, R) : retime_from(P, R, pos);
}

int ccad__route_ok(const struct plan *P, const struct dayroute *R)
{
    uint32_t k;
    for (k = 0; k < R->n; k++)
        if (R->start[k] > R->latest[k])
            return 0;
    return R->n == 0 ||
           R->start[R->n - 1] + P->s->items[R->stop[R->n - 1]].svc + R->back_leg <= P->day_end;
}

int ccad__route_saving(const struct plan *P, const struct dayroute *R, uint32_t pos,
                       int32_t *out)
{
    uint32_t prev = pos > 0 ? P->s->items[R->stop[pos - 1]].customer : UINT32_MAX;
    uint32_t next = pos + 1 < R->n ? P->s->items[R->stop[pos + 1]].customer : UINT32_MAX;
    int32_t direct;
    int rc;
    if ((rc = ccad__plan_leg(P, prev, next, &direct)) != 0)
        return rc;
    *out = R->leg[pos] + (pos + 1 < R->n ? R->leg[pos + 1] : R->back_leg) - direct;
    return CCAD_OK;
}

void ccad__route_free(ccad_ctx *ctx, struct dayroute *R)
{
    ccad__free(ctx, R->stop);
    memset(R, 0, sizeof *R);
}
