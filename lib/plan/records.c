/* The schedule's growable arrays: items, findings and their reasons. */
#include "plan.h"
#include "../grow.h"

#include <string.h>

int ccad__plan_reserve(ccad_ctx *ctx, void **p, size_t *cap, size_t need, size_t elem)
{
    int rc;
    if (need <= *cap)
        return CCAD_OK; /* the common case, one record at a time: no call */
    rc = ccad__grow(ctx, p, cap, need, elem, 64, SIZE_MAX);
    if (rc == CCAD_ENOMEM)
        return ccad__fail(ctx, CCAD_ENOMEM, "out of memory");
    if (rc != CCAD_OK)
        return ccad__fail(ctx, rc, "schedule too large");
    return CCAD_OK;
}

static int add_reasons(ccad_schedule *s, const ccad_reason *r, size_t n, uint32_t *off,
                       uint8_t *count)
{
    int rc;
    if (!s->keep || n == 0) {
        *off = 0;
        *count = 0;
        return CCAD_OK;
    }
    if (n > CCAD_ITEM_REASONS_MAX)
        n = CCAD_ITEM_REASONS_MAX;
    if (s->n_reasons + n > UINT32_MAX)
        return ccad__fail(s->ctx, CCAD_EOVERFLOW, "schedule too large");
    if ((rc = ccad__plan_reserve(s->ctx, (void **)&s->reasons, &s->cap_reasons, s->n_reasons + n,
                                 sizeof *s->reasons)) != 0)
        return rc;
    memcpy(s->reasons + s->n_reasons, r, n * sizeof *r);
    *off = (uint32_t)s->n_reasons;
    *count = (uint8_t)n;
    s->n_reasons += n;
    return CCAD_OK;
}

ccad_reason ccad__plan_reason(int rule, int why, int64_t a, int64_t b, int64_t c)
{
    ccad_reason r;
    r.rule = rule;
    r.why = why;
    r.a = a;
    r.b = b;
    r.c = c;
    return r;
}

int ccad__plan_add_finding(ccad_schedule *s, int kind, int64_t customer, int32_t date,
                           const ccad_reason *r, size_t n)
{
    struct find_rec *f;
    int rc;
    if ((rc = ccad__plan_reserve(s->ctx, (void **)&s->finds, &s->cap_finds, s->n_finds + 1,
                                 sizeof *s->finds)) != 0)
        return rc;
    f = &s->finds[s->n_finds];
    f->kind = (uint8_t)kind;
    f->customer = customer;
    f->date = date;
    if ((rc = add_reasons(s, r, n, &f->reason_off, &f->reason_n)) != 0)
        return rc;
    s->n_finds++;
    return CCAD_OK;
}

/* The assessment reasons that explain why a contact is planned. */
static int explains_contact(int w)
{
    return w == CCAD_WHY_URGENCY_PURCHASE || w == CCAD_WHY_URGENCY_COMPLAINT ||
           w == CCAD_WHY_URGENCY_REQUEST || w == CCAD_WHY_URGENCY_PASSED ||
           w == CCAD_WHY_ORDER_CLOSED || w == CCAD_WHY_QUADRANT || w == CCAD_WHY_FREQ ||
           w == CCAD_WHY_FREQ_LET_GO || w == CCAD_WHY_DUE || w == CCAD_WHY_DUE_NEXT_STEP ||
           w == CCAD_WHY_DUE_EVENT || w == CCAD_WHY_OVERDUE || w == CCAD_WHY_NEVER_CONTACTED ||
           w == CCAD_WHY_TRIAGE;
}

int ccad__plan_add_item(ccad_schedule *s, const struct cand *c, int32_t d, int kind, int delegated,
                        int32_t rolled_from, int block_day, uint32_t priority,
                        const ccad_reason *lead, const ccad_reason *extra, const ccad_assessment *a)
{
    ccad_reason r[CCAD_ITEM_REASONS_MAX];
    size_t n = 0;
    uint32_t k;
    struct item_rec *it;
    int rc;
    if ((rc = ccad__plan_reserve(s->ctx, (void **)&s->items, &s->cap_items, s->n_items + 1,
                                 sizeof *s->items)) != 0)
        return rc;
    if (s->keep) {
        r[n++] = *lead;
        if (extra != NULL && extra->why != 0)
            r[n++] = *extra;
        for (k = 0; k < a->reason_count && n < CCAD_ITEM_REASONS_MAX; k++)
            if (explains_contact(a->reasons[k].why))
                r[n++] = a->reasons[k];
    }
    it = &s->items[s->n_items];
    memset(it, 0, sizeof *it);
    it->date = d;
    it->customer = c->idx;
    it->kind = (uint8_t)kind;
    it->quadrant = c->quadrant;
    it->delegated = (uint8_t)delegated;
    it->rolled_from = rolled_from;
    it->block_day = (uint8_t)block_day;
    it->priority = priority;
    it->moved_from = CCAD_NO_DATE;
    it->eta = it->depart = -1;
    it->reminder = d;
    if ((rc = add_reasons(s, r, n, &it->reason_off, &it->reason_n)) != 0)
        return rc;
    s->n_items++;
    return CCAD_OK;
}

void ccad__plan_free_parts(ccad_ctx *ctx, ccad_schedule *s)
{
    if (s == NULL)
        return;
    ccad__free(ctx, s->day_flags);
    ccad__free(ctx, s->day_travel);
    ccad__free(ctx, s->items);
    ccad__free(ctx, s->finds);
    ccad__free(ctx, s->reasons);
    ccad__trace_free(ctx, s->trace);
    ccad__free(ctx, s);
}

void ccad__plan_rolled_waits(ccad_schedule *s)
{
    size_t i;
    uint32_t k;
    for (i = 0; i < s->n_items; i++) {
        const struct item_rec *it = &s->items[i];
        if (it->rolled_from == CCAD_NO_DATE || it->moved_from == CCAD_NO_DATE)
            continue;
        for (k = 0; k < it->reason_n; k++) {
            ccad_reason *r = &s->reasons[it->reason_off + k];
            if (r->rule == CCAD_RULE_CAPACITY && r->why == CCAD_WHY_PLAN_ROLLED)
                r->b = it->date - it->rolled_from;
        }
    }
}
