/* A flexible visit's allowed window (ROUTE): the days it may move to, for
 * the weekly assignment (assign.c) and the repair of a late stop
 * (sequence.c). A day is in the window when it lies within route.move_days
 * of the day the simulation chose and in the range, is working with the
 * rep present, is one of the customer's visit days, and keeps the
 * customer's rhythm: no other contact of the customer on it or next to it
 * (so the order of its contacts stays), and no gap to its neighbouring
 * contacts growing past gap.max_days for a watched grade. Room and time on
 * the day are the caller's to check (dayroute.c). */
#include "plan.h"

#include <string.h>

/* 1 if item x may be on day d as far as its customer's other contacts go. */
static int keeps_rhythm(const struct plan *plan, const struct ccad__by_cust *by_cust, uint32_t x,
                        int32_t d)
{
    const struct item_rec *it = &plan->s->items[x];
    const struct cust *c = &plan->cw[it->customer];
    int g = ccad__grade(c);
    int64_t limit = g != CCAD_GRADE_NONE && (plan->v[P_GAP_GRADES] & (1 << (g - 1)))
                        ? plan->v[P_GAP_MAX]
                        : INT32_MAX;
    int32_t orig = it->moved_from != CCAD_NO_DATE ? it->moved_from : it->date;
    int32_t prev = c->last_contact, next = CCAD_NO_DATE;
    uint32_t k;
    for (k = by_cust->off[it->customer]; k < by_cust->off[it->customer + 1]; k++) {
        const struct item_rec *o = &plan->s->items[by_cust->item[k]];
        if (by_cust->item[k] == x || o->kind == CCAD_ITEM_TOUCH)
            continue;
        if (o->date >= d - 1 && o->date <= d + 1)
            return 0;
        if (o->date < orig && (prev == CCAD_NO_DATE || o->date > prev))
            prev = o->date;
        if (o->date > orig && (next == CCAD_NO_DATE || o->date < next))
            next = o->date;
    }
    /* a gap may not grow past the limit (one already past it may shrink) */
    if (prev != CCAD_NO_DATE && (d <= prev || (d - prev > limit && d > orig)))
        return 0;
    return next == CCAD_NO_DATE || (d < next && (next - d <= limit || d < orig));
}

/* 1 if day d lies in item x's allowed window. */
int ccad__plan_allowed(const struct plan *plan, const struct ccad__by_cust *by_cust, uint32_t x,
                       int32_t d)
{
    const struct item_rec *it = &plan->s->items[x];
    int32_t orig = it->moved_from != CCAD_NO_DATE ? it->moved_from : it->date;
    int32_t k = (int32_t)plan->v[P_ROUTE_MOVE_DAYS];
    uint32_t f;
    if (d == it->date || d < orig - k || d > orig + k || d < plan->o->first_day ||
        d >= plan->o->first_day + plan->o->days)
        return 0;
    f = plan->day_flags[d - plan->o->first_day];
    if (!(f & CCAD_DAY_WORKING) || (f & CCAD_DAY_ABSENT) ||
        !ccad__plan_visit_day(&plan->cw[it->customer], d))
        return 0;
    return keeps_rhythm(plan, by_cust, x, d);
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
