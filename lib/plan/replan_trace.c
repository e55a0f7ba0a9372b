/* The trace a schedule keeps for ccad_schedule_replan (plan.h, "incremental
 * re-planning").
 *
 * Customers are coupled in a plan only through the room of each day (the
 * day loop, simulate.c) and through the book's workload, which may stretch
 * every interval. Everything else the planner works out for a customer
 * depends on that customer's record, the rules in force, the options and
 * the calendar alone:
 *   - its working form (the book's record unpacked);
 *   - its state when the range begins: the TRIAGE strategy (given up, let
 *     go), the persist block under way, and, with routes, whether any day
 *     can hold its stop (the travel to it and back, ccad__plan_find_blocked);
 *   - its share of the workload (contacts a period needs at its frequency);
 *   - its per-customer findings on the first day (findings.c);
 *   - the facts of its assessment that decide the kind of its contact
 *     (struct ccad__facts: strategy, complaint, care date), once the day
 *     loop has taken them; they read neither the day nor the contacts.
 * The trace keeps these for every customer. A replan that only the book's
 * records separate from the plan (same rules, options and calendar, and as
 * many customers) compares each customer's working form with the trace's
 * and reuses the rest for every customer whose form is unchanged. The
 * workload is then summed from the kept shares; if it stretches the rules
 * otherwise than before, nothing is reused (ccad__trace_drop_old). */
#include "plan.h"

#include <string.h>

struct ccad__replan_trace {
    size_t n;
    size_t ranked;             /* customers ranked by the grading (the GRADE reasons) */
    int64_t v[P__COUNT];       /* the rules in force (stretched under the stretch policy) */
    struct cust *cw;           /* each customer's working form */
    struct sim *start;         /* each customer's state when the range begins */
    int64_t *load_milli;       /* each customer's contacts x 1000 over the range */
    int8_t *load_row;          /* its grade row (0..3), -1 when inactive */
    uint32_t *find_first;      /* n + 1: its first per-customer finding */
    struct ccad__facts *facts; /* each customer's facts, when the day loop took them */
    uint8_t *facts_known;      /* per customer: 1 if facts[i] holds them */
};

void ccad__trace_free(ccad_ctx *ctx, struct ccad__replan_trace *trace)
{
    if (trace == NULL)
        return;
    ccad__free(ctx, trace->cw);
    ccad__free(ctx, trace->start);
    ccad__free(ctx, trace->load_milli);
    ccad__free(ctx, trace->load_row);
    ccad__free(ctx, trace->find_first);
    ccad__free(ctx, trace->facts);
    ccad__free(ctx, trace->facts_known);
    ccad__free(ctx, trace);
}

/* The old schedule's trace, if it can serve a plan of this book. */
static const struct ccad__replan_trace *usable(const struct plan *plan)
{
    const struct ccad__replan_trace *t = plan->old != NULL ? plan->old->trace : NULL;
    if (t == NULL || t->n != plan->b->n || t->ranked != plan->b->ranked)
        return NULL;
    return t;
}

static int alloc_trace(struct plan *plan)
{
    ccad_ctx *ctx = plan->b->ctx;
    size_t n = plan->b->n;
    struct ccad__replan_trace *t = ccad__alloc(ctx, sizeof *t);
    if (t == NULL)
        return ccad__fail(ctx, CCAD_ENOMEM, "out of memory");
    memset(t, 0, sizeof *t);
    plan->trace = t;
    t->n = n;
    t->ranked = plan->b->ranked;
    t->start = n ? ccad__alloc(ctx, n * sizeof *t->start) : NULL;
    t->load_milli = n ? ccad__alloc(ctx, n * sizeof *t->load_milli) : NULL;
    t->load_row = n ? ccad__alloc(ctx, n * sizeof *t->load_row) : NULL;
    t->find_first = ccad__alloc(ctx, (n + 1) * sizeof *t->find_first);
    t->facts = n ? ccad__alloc(ctx, n * sizeof *t->facts) : NULL;
    t->facts_known = n ? ccad__alloc(ctx, n) : NULL;
    if ((n && (t->start == NULL || t->load_milli == NULL || t->load_row == NULL ||
               t->facts == NULL || t->facts_known == NULL)) ||
        t->find_first == NULL)
        return ccad__fail(ctx, CCAD_ENOMEM, "out of memory");
    return CCAD_OK;
}

int ccad__trace_begin(struct plan *plan, size_t *out_changed)
{
    const struct ccad__replan_trace *old;
    uint8_t *changed;
    size_t i, n = plan->b->n;
    int rc;
    *out_changed = SIZE_MAX;
    if ((rc = alloc_trace(plan)) != 0)
        return rc;
    for (i = 0; i < n; i++)
        ccad__unpack(plan->b, i, &plan->cw[i]);
    if ((old = usable(plan)) == NULL) {
        plan->old = NULL;
        return CCAD_OK;
    }
    changed = ccad__alloc(plan->b->ctx, n ? n : 1);
    if (changed == NULL)
        return ccad__fail(plan->b->ctx, CCAD_ENOMEM, "out of memory");
    *out_changed = 0;
    for (i = 0; i < n; i++) {
        changed[i] = memcmp(&plan->cw[i], &old->cw[i], sizeof *plan->cw) != 0;
        *out_changed += changed[i];
    }
    plan->changed = changed;
    return CCAD_OK;
}

void ccad__trace_check_rules(struct plan *plan, size_t *out_changed)
{
    if (plan->old == NULL || memcmp(plan->v, plan->old->trace->v, sizeof plan->old->trace->v) == 0)
        return;
    ccad__free(plan->b->ctx, (void *)plan->changed);
    plan->changed = NULL;
    plan->old = NULL;
    *out_changed = SIZE_MAX;
}

void ccad__trace_measure_load(struct plan *plan, const int64_t *v, struct load *load)
{
    struct ccad__replan_trace *t = plan->trace;
    const struct ccad__replan_trace *old = plan->old != NULL ? plan->old->trace : NULL;
    ccad_assessment a;
    size_t i;
    memset(load, 0, sizeof *load);
    for (i = 0; i < plan->b->n; i++) {
        int64_t milli = 0;
        int row = -1;
        if (ccad__trace_reused(plan, i)) {
            row = old->load_row[i];
            milli = old->load_milli[i];
        } else if (!ccad__inactive(plan->cw[i].status)) {
            ccad__assess(plan->b, v, &plan->cw[i], plan->o->first_day, &a, 0);
            row = ccad__plan_load_of(&a, plan->o->days, &milli);
        }
        if (t != NULL) {
            t->load_row[i] = (int8_t)row;
            t->load_milli[i] = milli;
        }
        if (row >= 0) {
            load->customers[row]++;
            load->milli[row] += milli;
        }
    }
}

void ccad__trace_start_of(struct plan *plan, size_t i)
{
    plan->sim[i] = plan->old->trace->start[i];
}

void ccad__trace_keep_start(struct plan *plan)
{
    if (plan->b->n > 0)
        memcpy(plan->trace->start, plan->sim, plan->b->n * sizeof *plan->sim);
}

void ccad__trace_facts_in(struct plan *plan)
{
    const struct ccad__replan_trace *old = plan->old != NULL ? plan->old->trace : NULL;
    size_t i;
    if (old == NULL)
        return;
    for (i = 0; i < plan->b->n; i++)
        if (ccad__trace_reused(plan, i) && old->facts_known[i])
            ccad__plan_facts_set(plan, (uint32_t)i, &old->facts[i]);
}

void ccad__trace_facts_out(struct plan *plan)
{
    struct ccad__replan_trace *t = plan->trace;
    size_t i;
    if (t == NULL)
        return;
    for (i = 0; i < plan->b->n; i++)
        t->facts_known[i] = (uint8_t)ccad__plan_facts_of(plan, (uint32_t)i, &t->facts[i]);
}

int ccad__trace_findings_of(struct plan *plan, size_t i, int *done)
{
    const ccad_schedule *old = plan->old;
    uint32_t k;
    int rc;
    plan->trace->find_first[i] = (uint32_t)plan->s->n_finds;
    *done = i < plan->b->n && ccad__trace_reused(plan, i);
    if (!*done)
        return CCAD_OK;
    for (k = old->trace->find_first[i]; k < old->trace->find_first[i + 1]; k++) {
        const struct find_rec *f = &old->finds[k];
        if ((rc = ccad__plan_add_finding(plan->s, f->kind, f->customer, f->date,
                                         f->reason_n ? old->reasons + f->reason_off : NULL,
                                         f->reason_n)) != 0)
            return rc;
    }
    return CCAD_OK;
}

void ccad__trace_finish(struct plan *plan)
{
    struct ccad__replan_trace *t = plan->trace;
    memcpy(t->v, plan->v, sizeof t->v);
    t->cw = plan->cw;
    plan->cw = NULL;
    plan->s->trace = t;
    plan->trace = NULL;
}

void ccad__trace_release(struct plan *plan)
{
    ccad__trace_free(plan->b->ctx, plan->trace);
    plan->trace = NULL;
    ccad__free(plan->b->ctx, (void *)plan->changed);
    plan->changed = NULL;
}
