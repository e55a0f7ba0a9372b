/* ccad_schedule_new: checks its arguments, reads the calendar, then runs
 * the planner's stages (plan.h) and keeps the result. */
#include "plan.h"

#include <math.h>
#include <string.h>

/* With routes, the base and every located customer must fit the route
 * solver's limits (finite, within 1e12; GEO latitude and longitude in range;
 * PLANAR distances times scale below 2^40). */
static int check_locations(const ccad_book *book, const ccad_plan_options *o, const char *fn)
{
    double x0 = o->base_x, x1 = o->base_x, y0 = o->base_y, y1 = o->base_y;
    size_t i;
    for (i = 0; i <= book->n; i++) {
        double x = i < book->n ? book->c[i].x : o->base_x;
        double y = i < book->n ? book->c[i].y : o->base_y;
        const char *who = i < book->n ? ccad_book_id(book, i) : "the base";
        if (i < book->n && !(book->c[i].bits & CB_HAS_LOC))
            continue;
        if (fabs(x) > 1e12 || fabs(y) > 1e12 ||
            (o->metric == CCAD_METRIC_GEO && (fabs(y) > 90.0 || fabs(x) > 360.0)))
            return ccad__fail(book->ctx, CCAD_ERANGE,
                              "%s: location of %.70s is out of range for routing", fn, who);
        x0 = x < x0 ? x : x0;
        x1 = x > x1 ? x : x1;
        y0 = y < y0 ? y : y0;
        y1 = y > y1 ? y : y1;
    }
    if (o->metric == CCAD_METRIC_PLANAR &&
        sqrt((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0)) * o->scale > 1099511627776.0)
        return ccad__fail(book->ctx, CCAD_ERANGE,
                          "%s: distances times scale exceed 2^40 cost units", fn);
    return CCAD_OK;
}

/* Checks the options; CCAD_OK or a recorded error. */
static int check_options(ccad_ctx *ctx, const ccad_plan_options *o, const char *fn)
{
    if (!ccad__date_ok(o->first_day))
        return ccad__fail(ctx, CCAD_ERANGE, "%s: first_day %ld is not a valid date (%d..%d)", fn,
                          (long)o->first_day, (int)CCAD_DATE_MIN, (int)CCAD_DATE_MAX);
    if (o->days < 1 || o->days > 366)
        return ccad__fail(ctx, CCAD_ERANGE, "%s: days %ld is outside 1..366", fn, (long)o->days);
    if (!ccad__date_ok(o->first_day + o->days - 1)) {
        char last[11];
        (void)ccad_date_format(last, sizeof last, CCAD_DATE_MAX);
        return ccad__fail(ctx, CCAD_ERANGE,
                          "%s: the range of %ld days from day %ld runs past the calendar's end: "
                          "day %ld is after the last valid date %s (day %d)",
                          fn, (long)o->days, (long)o->first_day, (long)o->first_day + o->days - 1,
                          last, (int)CCAD_DATE_MAX);
    }
    if (o->visits_per_day < 0 || o->visits_per_day > 1000 || o->minutes_per_day < 0 ||
        o->minutes_per_day > 1440)
        return ccad__fail(ctx, CCAD_ERANGE,
                          "%s: visits_per_day 0..1000 and minutes_per_day 0..1440", fn);
    if (o->visits_per_day == 0 && o->minutes_per_day == 0)
        return ccad__fail(ctx, CCAD_EINVAL, "%s: set visits_per_day or minutes_per_day", fn);
    if (o->overload != CCAD_OVERLOAD_REPORT && o->overload != CCAD_OVERLOAD_STRETCH)
        return ccad__fail(ctx, CCAD_EINVAL, "%s: overload policy %d unknown", fn, (int)o->overload);
    if (o->keep_reasons != 0 && o->keep_reasons != 1)
        return ccad__fail(ctx, CCAD_EINVAL, "%s: keep_reasons must be 0 or 1", fn);
    if ((o->route != 0 && o->route != 1) || (o->assign_days != 0 && o->assign_days != 1))
        return ccad__fail(ctx, CCAD_EINVAL, "%s: route and assign_days must be 0 or 1", fn);
    if (!o->route)
        return CCAD_OK;
    if (o->metric != CCAD_METRIC_PLANAR && o->metric != CCAD_METRIC_GEO &&
        o->metric != CCAD_METRIC_HOST)
        return ccad__fail(ctx, CCAD_EINVAL, "%s: metric %d unknown", fn, o->metric);
    if (o->metric == CCAD_METRIC_HOST && ctx->host.travel == NULL)
        return ccad__fail(ctx, CCAD_ENOTSUP, "%s: the host gave no travel callback", fn);
    if (!isfinite(o->base_x) || !isfinite(o->base_y) || !isfinite(o->scale) || o->scale <= 0 ||
        !isfinite(o->units_per_minute) || o->units_per_minute <= 0 || o->day_start_min < 0 ||
        o->day_start_min > 1440 || o->day_minutes < 1 || o->day_minutes > 1440 || o->effort < 0 ||
        o->effort > 10000)
        return ccad__fail(ctx, CCAD_ERANGE,
                          "%s: base, scale and speed finite (scale and speed above 0), day start "
                          "0..1440, day 1..1440 minutes, effort 0..10000",
                          fn);
    return CCAD_OK;
}

/* The working memory of a planning run (all of it freed by release()). */
static int acquire(ccad_ctx *ctx, struct plan *plan, const ccad_plan_options *o, size_t n)
{
    ccad_schedule *s = ccad__alloc(ctx, sizeof *s);
    int di;
    if (s != NULL)
        memset(s, 0, sizeof *s);
    plan->s = s;
    plan->sim = n ? ccad__alloc(ctx, n * sizeof *plan->sim) : NULL;
    plan->cand = n ? ccad__alloc(ctx, 2 * n * sizeof *plan->cand) : NULL; /* with the heap's room */
    plan->cw = n ? ccad__alloc(ctx, n * sizeof *plan->cw) : NULL;
    plan->cap_full = ccad__alloc(ctx, 2 * (size_t)o->days * sizeof *plan->cap_full);
    plan->day = o->route ? ccad__alloc(ctx, (size_t)o->days * sizeof *plan->day) : NULL;
    if (plan->day != NULL)
        memset(plan->day, 0, (size_t)o->days * sizeof *plan->day);
    if (s != NULL)
        s->day_travel = ccad__alloc(ctx, 2 * (size_t)o->days * sizeof *s->day_travel);
    if (s == NULL || (n && (plan->sim == NULL || plan->cand == NULL || plan->cw == NULL)) ||
        plan->cap_full == NULL || s->day_travel == NULL || (o->route && plan->day == NULL))
        return ccad__fail(ctx, CCAD_ENOMEM, "out of memory");
    s->day_back = s->day_travel + o->days;
    plan->heap = plan->cand != NULL ? plan->cand + n : NULL;
    for (di = 0; di < o->days; di++) {
        s->day_travel[di] = 0;
        s->day_back[di] = -1;
    }
    s->first_day = o->first_day;
    s->days = o->days;
    s->ctx = ctx;
    s->keep = o->keep_reasons;
    plan->cap_used = plan->cap_full + o->days;
    memset(plan->cap_full, 0, 2 * (size_t)o->days * sizeof *plan->cap_full);
    return ccad__plan_legs_init(plan);
}

static void release(ccad_ctx *ctx, struct plan *plan)
{
    int di;
    if (plan->day != NULL)
        for (di = 0; di < plan->o->days; di++)
            ccad__route_free(ctx, &plan->day[di]);
    ccad__free(ctx, plan->day);
    ccad__free(ctx, plan->sim);
    ccad__free(ctx, plan->cand);
    ccad__free(ctx, plan->cw);
    ccad__trace_release(plan);
    ccad__free(ctx, plan->cap_full);
    ccad__free(ctx, plan->legs);
    ccad__free(ctx, plan->unit);
}

/* The simulation's starting shadow of each customer (its working form is
 * in plan->cw); the strategies that change the plan (TRIAGE give up and
 * let go). A replan takes an unchanged customer's from the old trace. */
static void start_customers(struct plan *plan)
{
    size_t i;
    for (i = 0; i < plan->b->n; i++) {
        struct sim *m = &plan->sim[i];
        int before, strategy;
        int64_t thr;
        if (ccad__trace_reused(plan, i)) {
            ccad__trace_start_of(plan, i);
            continue;
        }
        memset(m, 0, sizeof *m);
        m->last = plan->cw[i].last_contact;
        m->next_step = plan->cw[i].next_step;
        m->waiting = m->block_start = m->first_due = m->day_wait = CCAD_NO_DATE;
        m->dropped_from = m->dropped_on = m->worst_gap_end = CCAD_NO_DATE;
        m->contact_day = m->taken = CCAD_NO_DATE;
        if (ccad__inactive(plan->cw[i].status))
            continue;
        strategy = ccad__strategy_of(ccad__triage(plan->v, &plan->cw[i], &before, &thr),
                                     &plan->cw[i]);
        /* an open complaint is answered even for a customer given up */
        m->given_up = strategy == CCAD_STRATEGY_GIVE_UP &&
                      plan->cw[i].complaint != CCAD_COMPLAINT_OPEN;
        m->let_go = strategy == CCAD_STRATEGY_LET_GO;
        if (strategy == CCAD_STRATEGY_PERSIST)
            ccad__plan_persist_start(plan, i);
    }
}

/* Customers due by the last day who never came up on a working day (due on
 * a closing holiday, say): they are due in the range all the same. */
static void due_at_end(struct plan *plan)
{
    int32_t last = plan->o->first_day + plan->o->days - 1;
    struct ccad__lean lean;
    ccad_brief br;
    struct cust view;
    size_t i;
    ccad__lean_init(&lean, plan->v, last);
    for (i = 0; i < plan->b->n; i++) {
        struct sim *m = &plan->sim[i];
        if (ccad__inactive(plan->cw[i].status) || m->given_up || m->first_due != CCAD_NO_DATE ||
            m->planned > 0)
            continue;
        ccad__plan_sim_view(&plan->cw[i], m, &view);
        ccad__brief_cust(&lean, &view, &br);
        if ((br.flags & CCAD_F_DUE) && br.due_date != CCAD_NO_DATE)
            m->first_due = br.due_date < plan->o->first_day ? plan->o->first_day : br.due_date;
    }
}

/* FOLLOWUP: each item's reminder falls followup.reminder_lead_days before
 * it, moved back to a working day on which the rep is present (before the
 * range: a working weekday, freq.work_days). */
static void set_reminders(struct plan *plan)
{
    ccad_schedule *s = plan->s;
    size_t i;
    for (i = 0; i < s->n_items; i++) {
        int32_t d = s->items[i].date - (int32_t)plan->v[P_FOLLOWUP_LEAD], k;
        for (k = 0; k < 31 && plan->v[P_FOLLOWUP_LEAD] > 0; k++, d--) {
            int32_t di = d - plan->o->first_day;
            int ok = di >= 0 && di < plan->o->days
                         ? (plan->day_flags[di] & CCAD_DAY_WORKING) &&
                               !(plan->day_flags[di] & CCAD_DAY_ABSENT)
                         : (int)((plan->v[P_FREQ_WORK_DAYS] >> (ccad__weekday(d) - 1)) & 1);
            if (ok)
                break;
        }
        s->items[i].reminder = k < 31 ? d : s->items[i].date - (int32_t)plan->v[P_FOLLOWUP_LEAD];
    }
}

/* WORKLOAD over the range: the capacity in contacts (with a minute limit
 * only, at B's service time); the stretch policy lengthens every interval. */
static int64_t apply_workload(struct plan *plan, int64_t *vs, struct load *load)
{
    const ccad_plan_options *o = plan->o;
    ccad_workload w;
    int32_t working_days = 0;
    int64_t cap;
    int di, k;
    for (di = 0; di < o->days; di++)
        working_days += (plan->day_flags[di] & CCAD_DAY_WORKING) != 0;
    ccad__trace_measure_load(plan, vs, load);
    cap = (int64_t)working_days *
          (o->visits_per_day > 0 ? o->visits_per_day : o->minutes_per_day / vs[P_SERVICE_B]);
    memset(&w, 0, sizeof w);
    ccad__plan_fill_workload(load, cap, &w);
    if (o->overload == CCAD_OVERLOAD_STRETCH && w.over)
        for (k = P_FREQ_A_DAYS; k <= P_FREQ_D_DAYS; k += 2) {
            int64_t d = (vs[k] * w.stretch_x100 + 99) / 100;
            vs[k] = d > 366 ? 366 : d;
        }
    return cap;
}

static int run_stages(struct plan *plan, const struct load *load, int64_t cap)
{
    int rc;
    start_customers(plan);
    if ((rc = ccad__plan_simulate(plan)) != 0)
        return rc;
    due_at_end(plan);
    if (plan->o->route && plan->o->assign_days && (rc = ccad__plan_assign(plan)) != 0)
        return rc;
    if (plan->o->route && (rc = ccad__plan_sequence(plan)) != 0)
        return rc;
    ccad__plan_rolled_waits(plan->s);
    ccad__plan_sort_items(plan->s);
    set_reminders(plan);
    return ccad__plan_findings(plan, load, cap);
}

/* Plans into a new plan->s with the rules vs (stretched here under the
 * stretch policy). With `record`, the schedule gets a trace, reusing
 * plan->old's for the unchanged customers (*out_changed as for
 * ccad__schedule_renew); without, every customer is worked out. */
static int run_plan(struct plan *plan, int64_t *vs, int record, size_t *out_changed)
{
    struct load load;
    int64_t cap;
    size_t i;
    int rc = acquire(plan->b->ctx, plan, plan->o, plan->b->n);
    *out_changed = SIZE_MAX;
    if (rc == CCAD_OK && record)
        rc = ccad__trace_begin(plan, out_changed);
    else if (rc == CCAD_OK)
        for (i = 0; i < plan->b->n; i++)
            ccad__unpack(plan->b, i, &plan->cw[i]);
    if (rc != CCAD_OK)
        return rc;
    cap = apply_workload(plan, vs, &load);
    ccad__trace_check_rules(plan, out_changed);
    if ((rc = run_stages(plan, &load, cap)) != 0)
        return rc;
    if (record)
        ccad__trace_finish(plan);
    return CCAD_OK;
}

static int plan_new(ccad_schedule **out, const ccad_book *book, const ccad_rules *rules,
                    const ccad_plan_options *options, ccad__day_flags_fn day_flags, void *flags_arg,
                    const char *fn, int record, const ccad_schedule *old, size_t *out_changed);

int ccad__ctx_flags(void *arg, int32_t day, uint32_t *out)
{
    return ccad_ctx_day_flags((ccad_ctx *)arg, out, day);
}

int ccad_schedule_new(ccad_schedule **out, const ccad_book *book, const ccad_rules *rules,
                      const ccad_plan_options *options)
{
    int rc;
    if (out != NULL)
        *out = NULL;
    if (book == NULL)
        return CCAD_EINVAL;
    if (ccad__busy(book->ctx))
        return CCAD_EBUSY;
    rc = ccad__fail_in(book->ctx, "ccad_schedule_new",
                       ccad__schedule_new(out, book, rules, options, ccad__ctx_flags, book->ctx,
                                          "ccad_schedule_new"));
    if (rc == CCAD_OK)
        ccad__plan_remember(*out, book, rules, options);
    return rc;
}

int ccad__schedule_new(ccad_schedule **out, const ccad_book *book, const ccad_rules *rules,
                       const ccad_plan_options *options, ccad__day_flags_fn day_flags,
                       void *flags_arg, const char *fn)
{
    return plan_new(out, book, rules, options, day_flags, flags_arg, fn, 0, NULL, NULL);
}

int ccad__schedule_renew(ccad_schedule **out, const ccad_book *book, const ccad_rules *rules,
                         const ccad_plan_options *options, ccad__day_flags_fn day_flags,
                         void *flags_arg, const char *fn, const ccad_schedule *old,
                         size_t *out_changed)
{
    return plan_new(out, book, rules, options, day_flags, flags_arg, fn, 1, old, out_changed);
}

/* ccad__schedule_new, with a trace when `record` (then reusing old's). */
static int plan_new(ccad_schedule **out, const ccad_book *book, const ccad_rules *rules,
                    const ccad_plan_options *options, ccad__day_flags_fn day_flags, void *flags_arg,
                    const char *fn, int record, const ccad_schedule *old, size_t *out_changed)
{
    ccad_ctx *ctx;
    ccad_plan_options o;
    struct plan plan;
    int64_t vs[P__COUNT];
    uint32_t *flags = NULL;
    size_t changed;
    int di, rc;

    ctx = book->ctx;
    if (out == NULL || rules == NULL || options == NULL)
        return ccad__fail(ctx, CCAD_EINVAL, "%s: NULL argument", fn);
    if (!CCAD__SIZE_OK(options->size, ccad_plan_options))
        return ccad__fail(ctx, CCAD_EVERSION, "%s: ccad_plan_options.size %lu not supported", fn,
                          (unsigned long)options->size);
    o = *options;
    if ((rc = check_options(ctx, &o, fn)) != 0 || (rc = ccad__check_graded(book, rules, fn)) != 0 ||
        (o.route && (rc = check_locations(book, &o, fn)) != 0))
        return rc;

    /* The calendar of each day, before anything else. */
    flags = ccad__alloc(ctx, (size_t)o.days * sizeof *flags);
    if (flags == NULL)
        return ccad__fail(ctx, CCAD_ENOMEM, "%s: out of memory", fn);
    for (di = 0; di < o.days; di++)
        if ((rc = day_flags(flags_arg, o.first_day + di, &flags[di])) != 0) {
            ccad__free(ctx, flags);
            return rc;
        }

    memset(&plan, 0, sizeof plan);
    plan.b = book;
    plan.o = &o;
    plan.day_flags = flags;
    plan.day_end = o.day_start_min + o.day_minutes;
    /* legs are whole minutes rounded up from whole cost units: a detour can
     * undercut the direct leg by one unit's minutes and one minute of each
     * rounding; HOST minutes promise no triangle inequality at all */
    plan.room_margin = !o.route || o.metric == CCAD_METRIC_HOST ||
                               !(o.units_per_minute >= 1.0 / 60.0)
                           ? -1 /* (without routes the speed is not checked: it may be anything) */
                           : 2 + (int32_t)ceil(1.0 / o.units_per_minute);
    memcpy(vs, rules->v, sizeof vs);
    plan.v = vs;
    plan.old = old;
    rc = run_plan(&plan, vs, record, &changed);
    if (out_changed != NULL)
        *out_changed = changed;
    release(ctx, &plan);
    if (rc != CCAD_OK) {
        ccad__free(ctx, flags);
        ccad__plan_free_parts(ctx, plan.s);
        return rc;
    }
    plan.s->day_flags = flags; /* kept for ccad_schedule_day */
    *out = plan.s;
    return CCAD_OK;
}
