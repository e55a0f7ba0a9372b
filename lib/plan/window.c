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
static int keeps_rhythm(const struct plan *P, const struct ccad__by_cust *B, uint32_t x,
                        int32_t d)
{
    const struct item_rec *it = &P->s->items[x];
    const struct cust *c = &P->cw[it->customer];
    int g = ccad__grade(c);
    int64_t limit = g != CCAD_GRADE_NONE && (P->v[P_GAP_GRADES] & (1 << (g - 1)))
                        ? P->v[P_GAP_MAX]
                        : INT32_MAX;
    int32_t orig = it->moved_from != CCAD_NO_DATE ? it->moved_from : it->date;
    int32_t prev = c->last_contact, next = CCAD_NO_DATE;
    uint32_t k;
    for (k = B->off[it->customer]; k < B->off[it->customer + 1]; k++) {
        const struct item_rec *o = &P->s->items[B->item[k]];
        if (B->item[k] == x || o->kind == CCAD_ITEM_TOUCH)
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
int ccad__plan_allowed(const struct plan *P, const struct ccad__by_cust *B, uint32_t x, int32_t d)
{
    const struct item_rec *it = &P->s->items[x];
    int32_t orig = it->moved_from != CCAD_NO_DATE ? it->moved_from : it->date;
    int32_t k = (int32_t)P->v[P_ROUTE_MOVE_DAYS];
    uint32_t f;
    if (d == it->date || d < orig - k || d > orig + k || d < P->o->first_day ||
        d >= P->o->first_day + P->o->days)
        return 0;
    f = P->day_flags[d - P->o->first_day];
    if (!(f & CCAD_DAY_WORKING) || (f & CCAD_DAY_ABSENT) ||
        !ccad__plan_visit_day(&P->cw[it->customer], d))
        return 0;
    return keeps_rhythm(P, B, x, d);
}

int ccad__plan_index_customers(struct plan *P, struct ccad__by_cust *B)
{
    const ccad_schedule *s = P->s;
    size_t n = P->b->n, i;
    B->off = ccad__alloc(s->ctx, (n + 1) * sizeof *B->off);
    B->item = ccad__alloc(s->ctx, (s->n_items ? s->n_items : 1) * sizeof *B->item);
    if (B->off == NULL || B->item == NULL)
        return ccad__fail(s->ctx, CCAD_ENOMEM, "out of memory");
    memset(B->off, 0, (n + 1) * sizeof *B->off);
    for (i = 0; i < s->n_items; i++)
        B->off[s->items[i].customer + 1]++;
    for (i = 0; i < n; i++)
        B->off[i + 1] += B->off[i];
    for (i = 0; i < s->n_items; i++)
        B->item[B->off[s->items[i].customer]++] = (uint32_t)i;
    for (i = n; i > 0; i--)
        B->off[i] = B->off[i - 1];
    B->off[0] = 0;
    return CCAD_OK;
}

void ccad__plan_index_free(ccad_ctx *ctx, struct ccad__by_cust *B)
{
    ccad__free(ctx, B->off);
    ccad__free(ctx, B->item);
    B->off = B->item = NULL;
}
