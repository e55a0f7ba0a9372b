/* A teammate's day route as the team planner extends it: the teammate's own
 * routed stops in their planned order, with delegated stops inserted where
 * every stop still keeps its visit hours and the teammate is back by the
 * day's end. Nothing already in the route is moved or dropped. */
#include "team.h"

#include <math.h>
#include <string.h>

#define LEG_MAX 100000 /* minutes, as the single-rep planner's legs */

int ccad__team_leg(const struct tctx *team_ctx, double x1, double y1, double x2, double y2,
                   int32_t *out)
{
    double m;
    if (team_ctx->o->metric == CCAD_METRIC_HOST) {
        int rc = ccad__travel(team_ctx->ctx, x1, y1, x2, y2, out);
        if (rc == CCAD_OK && *out > LEG_MAX)
            *out = LEG_MAX;
        return rc;
    }
    m = (double)ccad__straight_cost(team_ctx->o->metric, team_ctx->o->scale, x1, y1, x2, y2) /
        team_ctx->o->units_per_minute;
    *out = m > (double)LEG_MAX ? LEG_MAX : (int32_t)ceil(m);
    return CCAD_OK;
}

/* The route rep_day with s at pos (pos = UINT32_MAX: without s), timed from the
 * base: *ok = 1 when every stop keeps its window and the way back ends by
 * `end`; *travel the legs with the way back. */
static int walk(const struct tctx *team_ctx, const struct tday *rep_day, double bx, double by,
                int32_t start, int32_t end, const struct tstop *s, uint32_t pos, int *ok,
                int32_t *travel)
{
    double px = bx, py = by;
    int32_t t = start, leg;
    uint32_t k, n = rep_day->n + (pos != UINT32_MAX);
    int rc;
    *ok = 1;
    *travel = 0;
    for (k = 0; k < n; k++) {
        const struct tstop *q = pos == UINT32_MAX || k < pos ? &rep_day->stop[k]
                                : k == pos                   ? s
                                                             : &rep_day->stop[k - 1];
        if ((rc = ccad__team_leg(team_ctx, px, py, q->x, q->y, &leg)) != 0)
            return rc;
        *travel += leg;
        t += leg;
        t = t < q->open ? q->open : t;
        if (t + q->svc > q->close)
            *ok = 0;
        t += q->svc;
        px = q->x;
        py = q->y;
    }
    if ((rc = ccad__team_leg(team_ctx, px, py, bx, by, &leg)) != 0)
        return rc;
    *travel += leg;
    if (t + leg > end)
        *ok = 0;
    return CCAD_OK;
}

int ccad__team_fit(const struct tctx *team_ctx, const struct tday *rep_day, double bx, double by,
                   int32_t start, int32_t end, const struct tstop *s, uint32_t *out_pos,
                   int32_t *out_cost)
{
    int32_t base, travel;
    uint32_t pos;
    int ok, rc;
    *out_pos = UINT32_MAX;
    *out_cost = 0;
    if ((rc = walk(team_ctx, rep_day, bx, by, start, end, s, UINT32_MAX, &ok, &base)) != 0)
        return rc;
    for (pos = 0; pos <= rep_day->n; pos++) {
        if ((rc = walk(team_ctx, rep_day, bx, by, start, end, s, pos, &ok, &travel)) != 0)
            return rc;
        if (ok && (*out_pos == UINT32_MAX || travel - base < *out_cost)) {
            *out_pos = pos;
            *out_cost = travel - base;
        }
    }
    return CCAD_OK;
}

int ccad__team_reserve(ccad_ctx *ctx, struct tday *rep_day)
{
    size_t cap = rep_day->cap;
    int rc = ccad__plan_reserve(ctx, (void **)&rep_day->stop, &cap, (size_t)rep_day->n + 1,
                                sizeof *rep_day->stop);
    rep_day->cap = (uint32_t)cap;
    return rc;
}

void ccad__team_insert(struct tday *rep_day, const struct tstop *s, uint32_t pos)
{
    memmove(&rep_day->stop[pos + 1], &rep_day->stop[pos],
            (rep_day->n - pos) * sizeof *rep_day->stop);
    rep_day->stop[pos] = *s;
    rep_day->n++;
}

int ccad__team_times(const struct tctx *team_ctx, const struct tday *rep_day, double bx, double by,
                     int32_t start, struct titem *items)
{
    double px = bx, py = by;
    int32_t t = start, leg;
    uint32_t k;
    int rc;
    for (k = 0; k < rep_day->n; k++) {
        const struct tstop *q = &rep_day->stop[k];
        struct titem *it = &items[q->titem];
        if ((rc = ccad__team_leg(team_ctx, px, py, q->x, q->y, &leg)) != 0)
            return rc;
        t += leg;
        t = t < q->open ? q->open : t;
        it->seq = (int32_t)k + 1;
        it->travel = leg;
        it->eta = t;
        t += q->svc;
        it->depart = t;
        px = q->x;
        py = q->y;
    }
    return CCAD_OK;
}
