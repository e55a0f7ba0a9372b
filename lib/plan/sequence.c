/* Stage 3, sequencing and repair: each day's order and times (ROUTE).
 *
 * The day's stops arrive in a feasible order (the order in which they were
 * placed). The time-window route solver (route_tw.c) looks for a shorter
 * order that keeps every window and the day's end, starting from that one,
 * so the order kept is never worse. The times are then written into the
 * items: travel from the previous stop, arrival (after waiting for the
 * window to open) and departure.
 *
 * Repair: a stop can only miss its window or the day's end when the host's
 * travel callback answers differently from one call to the next. Such a
 * stop moves to the nearest day of its allowed window (window.c, as in
 * assign.c) that has room and time; if none has, it stays, marked late, and
 * a ROUTE finding says by how much. */
#include "plan.h"

#include "../route_tw.h"

#include <stdlib.h>
#include <string.h>

#ifndef SEQ_EXACT_MAX
#define SEQ_EXACT_MAX 12
#endif

/* The day's matrix and windows for the solver, and the solver's table,
 * kept from one day to the next. */
struct day_problem {
    int32_t *minutes, *open, *close, *service;
    uint32_t *hint, *order;
    struct ccad__tw_scratch scratch;
};

static int solve_day(struct plan *plan, struct dayroute *route, struct day_problem *problem)
{
    struct ccad__tw tw;
    size_t n = (size_t)route->n + 1, i, j;
    int32_t back;
    int rc;
    for (i = 0; i < n; i++) {
        uint32_t ci = i == 0 ? UINT32_MAX : plan->s->items[route->stop[i - 1]].customer;
        for (j = 0; j < n; j++) {
            uint32_t cj = j == 0 ? UINT32_MAX : plan->s->items[route->stop[j - 1]].customer;
            problem->minutes[i * n + j] = 0;
            if (i != j && (rc = ccad__plan_leg(plan, ci, cj, &problem->minutes[i * n + j])) != 0)
                return rc;
        }
        problem->open[i] = i ? plan->cw[ci].open_min : 0;
        problem->close[i] = i ? plan->cw[ci].close_min : 1440;
        problem->service[i] = i ? plan->s->items[route->stop[i - 1]].svc : 0;
        problem->hint[i] = (uint32_t)i;
    }
    tw.n = n;
    tw.exact_max = SEQ_EXACT_MAX;
    tw.minutes = problem->minutes;
    tw.open = problem->open;
    tw.close = problem->close;
    tw.service = problem->service;
    tw.start = plan->o->day_start_min;
    tw.end = plan->day_end;
    if ((rc = ccad__tw_solve_in(plan->s->ctx, &tw, problem->hint, plan->o->seed, &problem->scratch,
                                problem->order, &back)) != 0)
        return rc;
    if (back < 0)
        return CCAD_OK; /* keep the placed order (it cannot happen with a feasible hint) */
    for (i = 1; i < n; i++)
        problem->hint[i] = route->stop[problem->order[i] - 1];
    for (i = 1; i < n; i++)
        route->stop[i - 1] = problem->hint[i];
    return ccad__route_retime(plan, route);
}

/* Minutes by which stop k of route misses its window or the day's end. */
static int32_t late_by(const struct plan *plan, const struct dayroute *route, uint32_t k)
{
    const struct item_rec *it = &plan->s->items[route->stop[k]];
    int32_t dep = route->start[k] + it->svc, over = dep - plan->cw[it->customer].close_min;
    int32_t back = k + 1 == route->n ? dep + route->back_leg : dep;
    if (back - plan->day_end > over)
        over = back - plan->day_end;
    return over;
}

/* Moves the late stop k of day di to the nearest day of its allowed window
 * (window.c) whose route has count room and time for it; *out_moved is set
 * when it did. */
static int repair_stop(struct plan *plan, const struct ccad__by_cust *by_cust, int di, uint32_t k,
                       int *out_moved)
{
    struct dayroute *route = &plan->day[di];
    uint32_t x = route->stop[k], at;
    struct item_rec *it = &plan->s->items[x];
    int32_t w = (int32_t)plan->v[P_ROUTE_MOVE_DAYS], off, cost;
    int rc, side;
    *out_moved = 0;
    for (off = 1; off <= 2 * w; off++)
        for (side = -1; side <= 1; side += 2) {
            int32_t d = it->date + side * off;
            struct dayroute *target;
            if (!ccad__plan_allowed(plan, by_cust, x, d))
                continue;
            target = &plan->day[d - plan->o->first_day];
            if (plan->o->visits_per_day > 0 && target->count >= plan->o->visits_per_day)
                continue;
            if (plan->o->minutes_per_day > 0 &&
                target->minutes + it->svc > plan->o->minutes_per_day)
                continue;
            if ((rc = ccad__route_fit(plan, target, it->customer, &at, &cost)) != 0)
                return rc;
            if (at == UINT32_MAX)
                continue;
            if ((rc = ccad__route_remove(plan, route, k)) != 0)
                return rc;
            route->count--;
            route->minutes -= it->svc;
            target->count++;
            target->minutes += it->svc;
            if (it->moved_from == CCAD_NO_DATE)
                it->moved_from = it->date;
            it->saved = 0; /* moved to be in time, not to save travel */
            it->date = d;
            it->priority = UINT32_MAX;
            *out_moved = 1;
            return ccad__route_insert(plan, target, x, at);
        }
    return CCAD_OK;
}

/* Writes the route's times into the day's items and the day's totals. */
static void write_times(struct plan *plan, int di)
{
    struct dayroute *route = &plan->day[di];
    uint32_t k;
    for (k = 0; k < route->n; k++) {
        struct item_rec *it = &plan->s->items[route->stop[k]];
        it->seq = (uint16_t)(k + 1);
        it->eta = route->start[k];
        it->depart = route->start[k] + it->svc;
        it->travel = route->leg[k];
        it->late = late_by(plan, route, k) > 0;
    }
    plan->s->day_travel[di] = route->travel;
    plan->s->day_back[di] = route->n ? route->start[route->n - 1] +
                                           plan->s->items[route->stop[route->n - 1]].svc +
                                           route->back_leg
                                     : -1;
}

static int repair_day(struct plan *plan, const struct ccad__by_cust *by_cust, int di)
{
    struct dayroute *route = &plan->day[di];
    uint32_t k = route->n;
    int rc;
    while (k-- > 0) {
        int moved = 0;
        if (k >= route->n || late_by(plan, route, k) <= 0)
            continue;
        if ((rc = repair_stop(plan, by_cust, di, k, &moved)) != 0)
            return rc;
        if (moved)
            k = route->n; /* the times changed: look again from the end */
    }
    return CCAD_OK;
}

static int alloc_problem(ccad_ctx *ctx, size_t n, struct day_problem *problem)
{
    memset(problem, 0, sizeof *problem);
    problem->minutes = ccad__alloc(ctx, n * n * sizeof *problem->minutes);
    problem->open = ccad__alloc(ctx, 3 * n * sizeof *problem->open);
    problem->hint = ccad__alloc(ctx, 2 * n * sizeof *problem->hint);
    if (problem->minutes == NULL || problem->open == NULL || problem->hint == NULL)
        return ccad__fail(ctx, CCAD_ENOMEM, "out of memory");
    problem->close = problem->open + n;
    problem->service = problem->open + 2 * n;
    problem->order = problem->hint + n;
    return CCAD_OK;
}

int ccad__plan_sequence(struct plan *plan)
{
    ccad_ctx *ctx = plan->s->ctx;
    struct day_problem problem;
    struct ccad__by_cust by_cust = {NULL, NULL};
    size_t most = 0;
    int di, rc;
    for (di = 0; di < plan->o->days; di++)
        if (plan->day[di].n > most)
            most = plan->day[di].n;
    if (most == 0)
        return CCAD_OK;
    if ((rc = alloc_problem(ctx, most + 1, &problem)) != 0 ||
        (rc = ccad__plan_index_customers(plan, &by_cust)) != 0)
        goto done;
    for (di = 0; di < plan->o->days && rc == CCAD_OK; di++)
        if (plan->day[di].n > 1)
            rc = solve_day(plan, &plan->day[di], &problem);
    for (di = 0; di < plan->o->days && rc == CCAD_OK; di++)
        rc = repair_day(plan, &by_cust, di);
    for (di = 0; di < plan->o->days && rc == CCAD_OK; di++)
        write_times(plan, di);
done:
    ccad__free(ctx, problem.minutes);
    ccad__free(ctx, problem.open);
    ccad__free(ctx, problem.hint);
    ccad__free(ctx, problem.scratch.table);
    ccad__plan_index_free(ctx, &by_cust);
    return rc;
}

static int item_cmp(const void *pa, const void *pb)
{
    const struct item_rec *a = pa, *b = pb;
    if (a->date != b->date)
        return a->date < b->date ? -1 : 1;
    if ((a->kind == CCAD_ITEM_TOUCH) != (b->kind == CCAD_ITEM_TOUCH))
        return a->kind == CCAD_ITEM_TOUCH ? 1 : -1; /* touches last */
    if (a->priority != b->priority)
        return a->priority < b->priority ? -1 : 1;
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    return a->customer < b->customer ? -1 : a->customer > b->customer;
}

/* Final order: by day; routed stops in route order, then the rest by
 * priority (touches last). */
static int route_cmp(const void *pa, const void *pb)
{
    const struct item_rec *a = pa, *b = pb;
    if (a->date != b->date)
        return a->date < b->date ? -1 : 1;
    if ((a->seq == 0) != (b->seq == 0))
        return a->seq != 0 ? -1 : 1;
    if (a->seq != b->seq)
        return a->seq < b->seq ? -1 : 1;
    return item_cmp(pa, pb);
}

/* Sorts a[0..n) by item_cmp. The planner hands the items over nearly in
 * that order (day by day, each day's in the order they took it, the
 * weekly assignment's moves a few days away at most), so an insertion
 * sort does it in close to n steps; should it have to move items more
 * than a few times n positions, qsort sorts the rest of the way. A plan
 * holds one item per customer and day, so no two items compare equal and
 * both ways give the one order. */
static void sort_nearly(struct item_rec *a, size_t n)
{
    size_t i, j, budget = 4 * n + 64;
    for (i = 1; i < n; i++) {
        struct item_rec held = a[i];
        for (j = i; j > 0 && item_cmp(&a[j - 1], &held) > 0; j--)
            a[j] = a[j - 1];
        a[j] = held;
        if (i - j > budget) {
            qsort(a, n, sizeof *a, item_cmp);
            return;
        }
        budget -= i - j;
    }
}

#define DAY_INSERTION_MAX 32 /* a longer day's items go to qsort */

/* Sorts one day's items a[0..n) by route_cmp: by insertion, which moves a
 * day's few items less than a general sort moves them, or by qsort for a
 * long day. Once the priorities are numbered day by day no two items of a
 * day compare equal, so any sort gives this one order. */
static void sort_day(struct item_rec *a, size_t n)
{
    size_t i, j;
    if (n > DAY_INSERTION_MAX) {
        qsort(a, n, sizeof *a, route_cmp);
        return;
    }
    for (i = 1; i < n; i++) {
        struct item_rec held = a[i];
        for (j = i; j > 0 && route_cmp(&a[j - 1], &held) > 0; j--)
            a[j] = a[j - 1];
        a[j] = held;
    }
}

void ccad__plan_sort_items(ccad_schedule *s)
{
    size_t i, from = 0;
    uint32_t prio = 0;
    if (s->n_items == 0)
        return;
    sort_nearly(s->items, s->n_items);
    for (i = 0; i < s->n_items; i++) {
        if (i == 0 || s->items[i].date != s->items[i - 1].date)
            prio = 0;
        s->items[i].priority = ++prio;
    }
    /* Already in day order: route order is needed only within each day. */
    for (i = 1; i <= s->n_items; i++)
        if (i == s->n_items || s->items[i].date != s->items[from].date) {
            sort_day(&s->items[from], i - from);
            from = i;
        }
}
