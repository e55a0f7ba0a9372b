/* A flexible visit's allowed window (ROUTE): the days it may move to, for
 * the weekly assignment (assign.c) and the repair of a late stop
 * (sequence.c). A day is in the window when it lies within route.move_days
 * of the day the simulation chose and in the range, is working with the
 * rep present, is one of the customer's visit days, lies after the day a
 * rolled-over visit first waited for room, and keeps the customer's rhythm: no other contact of the customer on it or next to it
 * (so the order of its contacts stays), and no gap to its neighbouring
 * contacts growing past gap.max_days for a watched grade. Room and time on
 * the day are the caller's to check (dayroute.c). */
#include "plan.h"

#include <string.h>

/* What item x's customer's other contacts allow: the days they take (with
 * the day on either side), the contacts before and after x's first day,
 * and the longest gap a watched grade may have. */
struct rhythm {
    int32_t prev, next; /* CCAD_NO_DATE: none */
    int64_t limit;
    uint64_t taken; /* bit j: day first + j lies next to or on another contact */
};

static void rhythm_of(const struct plan *plan, const struct ccad__by_cust *by_cust, uint32_t x,
                      int32_t first, int count, struct rhythm *r)
{
    const struct item_rec *it = &plan->s->items[x];
    const struct cust *c = &plan->cw[it->customer];
    int g = ccad__grade(c);
    int32_t orig = it->moved_from != CCAD_NO_DATE ? it->moved_from : it->date, d;
    uint32_t k;
    r->limit = g != CCAD_GRADE_NONE && (plan->v[P_GAP_GRADES] & (1 << (g - 1))) ? plan->v[P_GAP_MAX]
                                                                                : INT32_MAX;
    r->prev = c->last_contact;
    r->next = CCAD_NO_DATE;
    r->taken = 0;
    for (k = by_cust->off[it->customer]; k < by_cust->off[it->customer + 1]; k++) {
        const struct item_rec *o = &plan->s->items[by_cust->item[k]];
        if (by_cust->item[k] == x || o->kind == CCAD_ITEM_TOUCH)
            continue;
        for (d = o->date - 1; d <= o->date + 1; d++)
            if (d >= first && d < first + count)
                r->taken |= UINT64_C(1) << (d - first);
        if (o->date < orig && (r->prev == CCAD_NO_DATE || o->date > r->prev))
            r->prev = o->date;
        if (o->date > orig && (r->next == CCAD_NO_DATE || o->date < r->next))
            r->next = o->date;
    }
}

/* 1 if day d keeps the customer's rhythm r for item x first placed on orig:
 * no other contact on it or next to it, and no gap to its neighbouring
 * contacts growing past the limit (one already past it may shrink). */
static int keeps_rhythm(const struct rhythm *r, int32_t first, int32_t orig, int32_t d)
{
    if (r->taken >> (d - first) & 1u)
        return 0;
    if (r->prev != CCAD_NO_DATE && (d <= r->prev || (d - r->prev > r->limit && d > orig)))
        return 0;
    return r->next == CCAD_NO_DATE || (d < r->next && (r->next - d <= r->limit || d < orig));
}

/* 1 if day d is in the window and the calendar lets x's customer be seen
 * on it; the rhythm aside. */
static int day_open(const struct plan *plan, const struct item_rec *it, int32_t d)
{
    int32_t orig = it->moved_from != CCAD_NO_DATE ? it->moved_from : it->date;
    int32_t k = (int32_t)plan->v[P_ROUTE_MOVE_DAYS];
    uint32_t f;
    if (d == it->date || d < orig - k || d > orig + k || d < plan->o->first_day ||
        d >= plan->o->first_day + plan->o->days)
        return 0;
    if (it->rolled_from != CCAD_NO_DATE && d <= it->rolled_from)
        return 0; /* a rolled-over visit stays after the day it first waited */
    f = plan->day_flags[d - plan->o->first_day];
    return (f & CCAD_DAY_WORKING) && !(f & CCAD_DAY_ABSENT) &&
           ccad__plan_visit_day(&plan->cw[it->customer], d);
}

uint64_t ccad__plan_allowed_days(const struct plan *plan, const struct ccad__by_cust *by_cust,
                                 uint32_t x, int32_t first, int count)
{
    const struct item_rec *it = &plan->s->items[x];
    int32_t orig = it->moved_from != CCAD_NO_DATE ? it->moved_from : it->date;
    struct rhythm r;
    uint64_t mask = 0;
    int j;
    if (count > 64)
        count = 64;
    for (j = 0; j < count; j++)
        if (day_open(plan, it, first + j))
            mask |= UINT64_C(1) << j;
    if (mask == 0)
        return 0; /* no need to read the customer's contacts */
    rhythm_of(plan, by_cust, x, first, count, &r);
    for (j = 0; j < count; j++)
        if ((mask >> j & 1u) && !keeps_rhythm(&r, first, orig, first + j))
            mask &= ~(UINT64_C(1) << j);
    return mask;
}

int ccad__plan_allowed(const struct plan *plan, const struct ccad__by_cust *by_cust, uint32_t x,
                       int32_t d)
{
    return (int)(ccad__plan_allowed_days(plan, by_cust, x, d, 1) & 1u);
}

int ccad__plan_index_customers(struct plan *plan, struct ccad__by_cust *by_cust)
{
    const ccad_schedule *s = plan->s;
    size_t n = plan->b->n, i;
    by_cust->off = ccad__alloc(s->ctx, (n + 1) * sizeof *by_cust->off);
    by_cust->item = ccad__alloc(s->ctx, (s->n_items ? s->n_items : 1) * sizeof *by_cust->item);
    if (by_cust->off == NULL || by_cust->item == NULL)
        return ccad__fail(s->ctx, CCAD_ENOMEM, "out of memory");
    memset(by_cust->off, 0, (n + 1) * sizeof *by_cust->off);
    for (i = 0; i < s->n_items; i++)
        by_cust->off[s->items[i].customer + 1]++;
    for (i = 0; i < n; i++)
        by_cust->off[i + 1] += by_cust->off[i];
    for (i = 0; i < s->n_items; i++)
        by_cust->item[by_cust->off[s->items[i].customer]++] = (uint32_t)i;
    for (i = n; i > 0; i--)
        by_cust->off[i] = by_cust->off[i - 1];
    by_cust->off[0] = 0;
    return CCAD_OK;
}

void ccad__plan_index_free(ccad_ctx *ctx, struct ccad__by_cust *by_cust)
{
    ccad__free(ctx, by_cust->off);
    ccad__free(ctx, by_cust->item);
    by_cust->off = by_cust->item = NULL;
}
