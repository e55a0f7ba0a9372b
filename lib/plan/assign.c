/* Stage 2, the week grouped by area (ROUTE, periodic routing).
 *
 * The simulation chose each contact's day by its due date alone. A
 * flexible visit (Q2, by the rep, neither part of a persist block nor a care
 * contact, its customer located and without an open complaint) may take any day of its allowed window: within
 * route.move_days of the day the simulation chose, a working day on which
 * the rep is present and the customer may be seen, no closer than two days
 * to another contact with the same customer (so the order of its contacts
 * and its rhythm stay), no gap growing past gap.max_days for a watched
 * grade, and
 * a day whose limits and time still hold it (dayroute.c). Inside those
 * windows, moves of one visit and swaps of two visits between days are
 * made while they shorten the sum of the day routes: stops that lie
 * together end up on the same day, within and across weeks. Q1, complaint
 * and persist visits keep their day; a rolled-over visit moves only to days
 * after the one it first waited on, and its reason then counts the days it
 * waited up to its new day (ccad__plan_rolled_waits). */
#include "insertion.h"

#include <string.h>

#define PASSES 4
/* 1: skip the items tried in vain whose inputs did not change, and keep
 * each item's allowed window (struct since); tests/assign_env_ref.c builds
 * the reference with 0, which tries every item in every pass and asks for
 * each day of a window afresh. */
#ifndef ASSIGN_REUSE
#define ASSIGN_REUSE 1
#endif

static int flexible(const struct plan *plan, const struct item_rec *it)
{
    const struct cust *c = &plan->cw[it->customer];
    return ccad__plan_routed(it) && it->kind == CCAD_ITEM_VISIT && it->quadrant == CCAD_Q2 &&
           it->block_day == 0 && (c->bits & CB_HAS_LOC) && c->complaint != CCAD_COMPLAINT_OPEN;
}

static uint32_t pos_of(const struct dayroute *route, uint32_t x)
{
    uint32_t k;
    for (k = 0; k < route->n && route->stop[k] != x; k++)
        ;
    return k;
}

/* 1 if day route has count and minute room for a stop of `svc` more minutes. */
static int limits_hold(const struct plan *plan, const struct dayroute *route, int extra,
                       int32_t svc)
{
    const ccad_plan_options *o = plan->o;
    return (o->visits_per_day == 0 || route->count + extra <= o->visits_per_day) &&
           (o->minutes_per_day == 0 || route->minutes + svc <= o->minutes_per_day);
}

static void set_day(struct item_rec *it, int32_t d, int32_t saved)
{
    if (it->moved_from == CCAD_NO_DATE)
        it->moved_from = it->date;
    it->saved += saved;
    it->date = d;
    it->priority = UINT32_MAX; /* after the day's own items; renumbered later */
    if (it->moved_from == d) {
        it->moved_from = CCAD_NO_DATE;
        it->saved = 0;
    }
}

/* What the passes remember, so that a later pass skips an item whose
 * moves and swaps were all tried in vain and whose inputs have not changed
 * since: the routes, counts and minutes of the days of its window, and the
 * contact dates of its customer and of every customer with a stop on those
 * days (the allowed windows). Everything its attempts read lies there, and
 * they are deterministic, so a skipped item would again change nothing;
 * the passes make the same moves and swaps as trying every item each time.
 * Each item's allowed window is kept too, until a contact of its customer
 * moves. Times are the count of changes made so far. */
struct since {
    const struct ccad__by_cust *by_cust;
    uint32_t clock;      /* changes made */
    uint64_t *window;    /* per item: its allowed days (allowed_days) */
    uint32_t *window_at; /* per item: 1 + the time window was taken; 0: not yet */
    uint32_t *tried;     /* per item: 1 + the time its attempts were in vain; 0: never */
    uint32_t *day_time;  /* per day: the time of its route's last change */
    uint32_t *cust_time; /* per customer: the time a contact of it last moved */
    uint8_t *flex;       /* per item: 1 if flexible (fixed while the passes run) */
    /* the insertion tables of the swaps (ASSIGN_REUSE), each kept while
     * its route has not changed (day_time) */
    struct ccad__ins_cache tables;
};

static int since_new(struct plan *plan, const struct ccad__by_cust *by_cust, struct since *since)
{
    size_t items = plan->s->n_items, days = (size_t)plan->o->days, n = plan->b->n;
    size_t words = 2 * items + days + n, i, flex = 0;
    since->by_cust = by_cust;
    since->clock = 0;
    since->window = ccad__alloc(plan->s->ctx, items * sizeof *since->window + words * 4 + items);
    if (since->window == NULL)
        return ccad__fail(plan->s->ctx, CCAD_ENOMEM, "out of memory");
    since->window_at = (uint32_t *)(since->window + items);
    memset(since->window_at, 0, words * sizeof *since->window_at);
    since->tried = since->window_at + items;
    since->day_time = since->tried + items;
    since->cust_time = since->day_time + days;
    since->flex = (uint8_t *)(since->cust_time + n);
    for (i = 0; i < items; i++)
        flex += since->flex[i] = (uint8_t)flexible(plan, &plan->s->items[i]);
    return ASSIGN_REUSE ? ccad__ins_cache_init(plan->s->ctx, &since->tables, flex, plan->o->days)
                        : CCAD_OK;
}

/* Notes a change to the days d1 and d2 and the customers of items x and y
 * (UINT32_MAX: none). */
static void since_change(const struct plan *plan, struct since *since, int32_t d1, int32_t d2,
                         uint32_t x, uint32_t y)
{
    since->clock++;
    since->day_time[d1 - plan->o->first_day] = since->clock;
    since->day_time[d2 - plan->o->first_day] = since->clock;
    since->cust_time[plan->s->items[x].customer] = since->clock;
    if (y != UINT32_MAX)
        since->cust_time[plan->s->items[y].customer] = since->clock;
}

/* 1 if day d's route, count and minutes, and the contacts of the
 * customers with a stop on it, are as they were at time `at`. */
static int day_unchanged(const struct plan *plan, const struct since *since, int32_t d, uint32_t at)
{
    const struct dayroute *route = &plan->day[d - plan->o->first_day];
    uint32_t j;
    if (since->day_time[d - plan->o->first_day] >= at)
        return 0;
    for (j = 0; j < route->n; j++)
        if (since->cust_time[route->cust[j]] >= at)
            return 0;
    return 1;
}

/* The lowest set bit of a window mask (not 0): the offset of its first
 * day; the masks' days are visited set bit by set bit, in order, without
 * a guess per day of the window. */
static int first_day_of(uint64_t mask)
{
    return (uint32_t)mask != 0 ? (int)ccad__lowest_bit((uint32_t)mask)
                               : 32 + (int)ccad__lowest_bit((uint32_t)(mask >> 32));
}

/* 1 if item x was tried in vain and nothing it reads has changed since:
 * its customer's contacts (and so its allowed window, still the one kept),
 * its own day and the days of that window; the days around it outside the
 * window are never read. */
static int since_unchanged(const struct plan *plan, const struct since *since, uint32_t x)
{
    const struct item_rec *it = &plan->s->items[x];
    uint32_t at = since->tried[x];
    int32_t k = (int32_t)plan->v[P_ROUTE_MOVE_DAYS];
    uint64_t mask;
    if (!ASSIGN_REUSE || at == 0 || since->cust_time[it->customer] >= at)
        return 0;
    /* taken at the try (allowed_days) and kept since: no contact of the
     * customer moved */
    mask = since->window[x];
    for (; mask != 0; mask &= mask - 1)
        if (!day_unchanged(plan, since, it->date - 2 * k + first_day_of(mask), at))
            return 0;
    return day_unchanged(plan, since, it->date, at);
}

/* Item x's allowed window, taken afresh and kept (allowed_days). */
static uint64_t window_taken(const struct plan *plan, struct since *since, uint32_t x)
{
    int32_t k = (int32_t)plan->v[P_ROUTE_MOVE_DAYS], home = plan->s->items[x].date, j;
    uint64_t mask = 0;
    if (ASSIGN_REUSE)
        mask = ccad__plan_allowed_days(plan, since->by_cust, x, home - 2 * k, 4 * k + 1);
    else /* the reference: day by day */
        for (j = 0; j <= 4 * k; j++)
            if (ccad__plan_allowed(plan, since->by_cust, x, home - 2 * k + j))
                mask |= UINT64_C(1) << j;
    since->window[x] = mask;
    since->window_at[x] = since->clock + 1;
    return mask;
}

/* Bit j of the result: day date - 2k + j lies in item x's allowed window
 * (window.c), for the 4k + 1 days around its day; route.move_days k is at
 * most 14, so they fit 64 bits. Kept until a contact of x's customer moves
 * (x's own move included), which is all that changes it; asked for every
 * swap partner, so the kept answer is read inline. */
static inline uint64_t allowed_days(const struct plan *plan, struct since *since, uint32_t x)
{
    uint32_t at = since->window_at[x];
    if (ASSIGN_REUSE && at != 0 && since->cust_time[plan->s->items[x].customer] < at)
        return since->window[x];
    return window_taken(plan, since, x);
}

/* Moves item x to the allowed day (mask: allowed_days) where it adds the
 * least travel, if that saves more than its removal costs; *moved is set
 * when it moved. */
static int try_move(struct plan *plan, uint64_t mask, uint32_t x, int *moved)
{
    struct item_rec *it = &plan->s->items[x];
    struct dayroute *from = &plan->day[it->date - plan->o->first_day];
    int32_t k = (int32_t)plan->v[P_ROUTE_MOVE_DAYS], d, best_d = CCAD_NO_DATE, saving;
    int32_t best = 0, cost;
    uint32_t pos = pos_of(from, x), at, best_at = 0;
    int rc;
    if ((rc = ccad__route_saving(plan, from, pos, &saving)) != 0)
        return rc;
    for (; mask != 0; mask &= mask - 1) {
        struct dayroute *to;
        d = it->date - 2 * k + first_day_of(mask);
        to = &plan->day[d - plan->o->first_day];
        if (!limits_hold(plan, to, 1, it->svc))
            continue;
        if ((rc = ccad__route_fit(plan, to, it->customer, &at, &cost)) != 0)
            return rc;
        if (at != UINT32_MAX && saving - cost > best) {
            best = saving - cost;
            best_d = d;
            best_at = at;
        }
    }
    if (best_d == CCAD_NO_DATE)
        return CCAD_OK;
    if ((rc = ccad__route_remove(plan, from, pos)) != 0)
        return rc;
    if (!ccad__route_ok(plan, from)) /* travel without the triangle inequality */
        return ccad__route_insert(plan, from, x, pos);
    from->count--;
    from->minutes -= it->svc;
    set_day(it, best_d, best);
    from = &plan->day[best_d - plan->o->first_day];
    from->count++;
    from->minutes += it->svc;
    *moved = 1;
    return ccad__route_insert(plan, from, x, best_at);
}

/* Where x stands in its day's route and what taking it out saves, the
 * same for every partner of its swaps; x's table into the day being tried
 * (NULL: none yet), the same for every partner on that day while no
 * partner's table takes its slot (no route changes before a swap is
 * made, which ends the search). */
struct swap_from {
    uint32_t px;
    int32_t sx;
    const struct ccad__ins *there;
};

/* Customer ci's insertion table into route (day index day), kept or
 * filled afresh (since->tables). */
static int table_of(const struct plan *plan, struct since *since, const struct dayroute *route,
                    int32_t day, uint32_t ci, const struct ccad__ins **out)
{
    return ccad__ins_get(plan, &since->tables, route, day, ci, since->day_time[day], since->clock,
                         out);
}

/* Where x's stop (customer cx_of) goes in route_y (day index day_y)
 * without its stop at py: *ax at travel *cx, and *sy, what taking py out
 * saves; route_y takes a table. */
static int fit_there(const struct plan *plan, struct since *since, struct swap_from *from,
                     const struct dayroute *route_y, int32_t day_y, uint32_t py, uint32_t cx_of,
                     uint32_t *ax, int32_t *cx, int32_t *sy)
{
    int rc;
    if ((from->there == NULL || from->there->day != day_y || from->there->who != cx_of) &&
        (rc = table_of(plan, since, route_y, day_y, cx_of, &from->there)) != 0)
        return rc;
    return ccad__ins_fit_skip(plan, route_y, from->there, py, ax, cx, sy);
}

/* Where partner y's stop goes in route_x, x's route (day index day_x),
 * without x: *ay at travel *cy; from y's table where the route takes one. */
static int fit_partner(const struct plan *plan, struct since *since, const struct swap_from *from,
                       const struct dayroute *route_x, int32_t day_x, uint32_t y, uint32_t *ay,
                       int32_t *cy)
{
    const struct ccad__ins *ins;
    int32_t saving;
    int rc;
    if (!ASSIGN_REUSE || !ccad__ins_usable(plan, route_x))
        return ccad__route_fit_skip(plan, route_x, from->px, plan->s->items[y].customer, ay, cy);
    if ((rc = table_of(plan, since, route_x, day_x, plan->s->items[y].customer, &ins)) != 0)
        return rc;
    return ccad__ins_fit_skip(plan, route_x, ins, from->px, ay, cy, &saving);
}

/* Exchanges x (at `from` in its route) and y, at position py of its route,
 * between their days when both stay feasible and the two routes get
 * shorter; *swapped is set when they did. The day limits are the caller's
 * to check (swap_limits_hold). Each is placed in the other's route without
 * it (a conservative test, see ccad__route_fit_skip), so nothing changes
 * unless the swap is made. Where legs keep the triangle inequality up to
 * room_margin, no place of y in x's route gains more than room_margin, so
 * x's place, the cheaper question with its table, is asked first and
 * refuses most partners alone. */
static int try_swap(struct plan *plan, struct since *since, struct swap_from *from, uint32_t x,
                    uint32_t y, uint32_t py, int *swapped)
{
    struct item_rec *ix = &plan->s->items[x], *iy = &plan->s->items[y];
    struct dayroute *route_x = &plan->day[ix->date - plan->o->first_day];
    struct dayroute *route_y = &plan->day[iy->date - plan->o->first_day];
    uint32_t px = from->px, ax = UINT32_MAX, ay;
    int32_t sx = from->sx, sy, cx = 0, cy, dA = ix->date, dB = iy->date;
    int rc, early = ASSIGN_REUSE && plan->room_margin >= 0 && ccad__ins_usable(plan, route_y);
    if (early) {
        if ((rc = fit_there(plan, since, from, route_y, dB - plan->o->first_day, py, ix->customer,
                            &ax, &cx, &sy)) != 0)
            return rc;
        if (ax == UINT32_MAX || sx + sy - cx + plan->room_margin <= 0)
            return CCAD_OK;
    } else if ((rc = ccad__route_saving(plan, route_y, py, &sy)) != 0)
        return rc;
    if ((rc = fit_partner(plan, since, from, route_x, dA - plan->o->first_day, y, &ay, &cy)) != 0)
        return rc;
    if (ay == UINT32_MAX || sx + sy - cy <= 0)
        return CCAD_OK;
    if (!early && (rc = ccad__route_fit_skip(plan, route_y, py, ix->customer, &ax, &cx)) != 0)
        return rc;
    if (ax == UINT32_MAX || sx + sy - cy - cx <= 0)
        return CCAD_OK;
    if ((rc = ccad__route_remove(plan, route_x, px)) != 0 ||
        (rc = ccad__route_remove(plan, route_y, py)) != 0 ||
        (rc = ccad__route_insert(plan, route_x, y, ay)) != 0 ||
        (rc = ccad__route_insert(plan, route_y, x, ax)) != 0)
        return rc;
    if (!ccad__route_ok(plan, route_x) || !ccad__route_ok(plan, route_y)) {
        /* travel without the triangle inequality: put both back */
        if ((rc = ccad__route_remove(plan, route_x, ay)) != 0 ||
            (rc = ccad__route_remove(plan, route_y, ax)) != 0 ||
            (rc = ccad__route_insert(plan, route_x, x, px)) != 0)
            return rc;
        return ccad__route_insert(plan, route_y, y, py);
    }
    route_x->minutes += iy->svc - ix->svc;
    route_y->minutes += ix->svc - iy->svc;
    set_day(ix, dB, sx + sy - cy - cx); /* the swap's saving, on the visit that led it */
    set_day(iy, dA, 0);
    *swapped = 1;
    return CCAD_OK;
}

/* 1 if both days keep their count and minute limits once x and y trade
 * places. */
static int swap_limits_hold(const struct plan *plan, const struct item_rec *ix,
                            const struct item_rec *iy)
{
    return limits_hold(plan, &plan->day[ix->date - plan->o->first_day], 0, iy->svc - ix->svc) &&
           limits_hold(plan, &plan->day[iy->date - plan->o->first_day], 0, ix->svc - iy->svc);
}

/* Bit j: stop base + j of route is flexible, for up to 32 stops (one
 * test a stop without a branch, so that the partners are visited in order
 * without a guess per stop). */
static uint32_t flex_bits(const struct since *since, const struct dayroute *route, uint32_t base)
{
    uint32_t bits = 0, j;
    for (j = 0; j < 32 && base + j < route->n; j++)
        bits |= (uint32_t)since->flex[route->stop[base + j]] << j;
    return bits;
}

/* Swaps for flexible item x with the flexible stops of its allowed days
 * (mask: allowed_days); *partner is the item it swapped with, if any. The
 * cheap tests come first; each only decides whether a swap is tried, so
 * their order changes nothing. */
static int swaps_of(struct plan *plan, struct since *since, uint64_t mask, uint32_t x,
                    uint32_t *partner)
{
    const struct item_rec *ix = &plan->s->items[x];
    int32_t k = (int32_t)plan->v[P_ROUTE_MOVE_DAYS], d, home = ix->date;
    struct dayroute *route_x = &plan->day[home - plan->o->first_day];
    struct swap_from from;
    int rc;
    if (mask == 0)
        return CCAD_OK;
    from.px = pos_of(route_x, x);
    from.there = NULL;
    if ((rc = ccad__route_saving(plan, route_x, from.px, &from.sx)) != 0)
        return rc;
    for (; mask != 0; mask &= mask - 1) {
        struct dayroute *route;
        uint32_t base, bits;
        d = home - 2 * k + first_day_of(mask);
        route = &plan->day[d - plan->o->first_day];
        for (base = 0; base < route->n; base += 32) /* the flexible stops, in order */
            for (bits = flex_bits(since, route, base); bits != 0; bits &= bits - 1) {
                uint32_t j = base + ccad__lowest_bit(bits), y = route->stop[j];
                const struct item_rec *iy = &plan->s->items[y];
                int swapped = 0;
                if (iy->customer == ix->customer || !swap_limits_hold(plan, ix, iy) ||
                    !(allowed_days(plan, since, y) >> (home - (iy->date - 2 * k)) & 1u))
                    continue;
                if ((rc = try_swap(plan, since, &from, x, y, j, &swapped)) != 0)
                    return rc;
                if (swapped) {
                    *partner = y;
                    return CCAD_OK;
                }
            }
    }
    return CCAD_OK;
}

/* The moves and swaps of flexible item x; *changed is set when it made one. */
static int assign_one(struct plan *plan, struct since *since, uint32_t x, int *changed)
{
    struct item_rec *it = &plan->s->items[x];
    int32_t home = it->date;
    uint32_t partner = UINT32_MAX;
    uint64_t mask = allowed_days(plan, since, x);
    int moved = 0, rc;
    if ((rc = try_move(plan, mask, x, &moved)) != 0)
        return rc;
    if (moved) {
        since_change(plan, since, home, it->date, x, UINT32_MAX);
        home = it->date;
        mask = allowed_days(plan, since, x); /* around its new day */
    }
    if ((rc = swaps_of(plan, since, mask, x, &partner)) != 0)
        return rc;
    if (partner != UINT32_MAX)
        since_change(plan, since, home, it->date, x, partner);
    *changed |= moved || partner != UINT32_MAX;
    /* clock + 1: 0 stays "never", and a later change stamps clock + 1 or more */
    since->tried[x] = moved || partner != UINT32_MAX ? 0 : since->clock + 1;
    return CCAD_OK;
}

int ccad__plan_assign(struct plan *plan)
{
    ccad_schedule *s = plan->s;
    struct ccad__by_cust by_cust = {NULL, NULL};
    struct since since;
    int pass, rc;
    size_t i;
    memset(&since, 0, sizeof since);
    if (s->n_items == 0 || plan->v[P_ROUTE_MOVE_DAYS] == 0)
        return CCAD_OK;
    if ((rc = ccad__plan_index_customers(plan, &by_cust)) != 0 ||
        (rc = since_new(plan, &by_cust, &since)) != 0)
        goto done;
    for (pass = 0; pass < PASSES; pass++) {
        int changed = 0;
        for (i = 0; i < s->n_items; i++) {
            if (!since.flex[i] || since_unchanged(plan, &since, (uint32_t)i))
                continue;
            if ((rc = assign_one(plan, &since, (uint32_t)i, &changed)) != 0)
                goto done;
        }
        if (!changed)
            break;
    }
done:
    ccad__free(s->ctx, since.window);
    ccad__ins_cache_free(s->ctx, &since.tables);
    ccad__plan_index_free(s->ctx, &by_cust);
    return rc;
}
