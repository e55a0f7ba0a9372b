/* ccad_team_schedule_new: every rep's own plan (the single-rep planner,
 * under the rep's calendar, base, limits and day), then the delegated
 * items handed to named teammates (see team.h). */
#include "team.h"

#include <stdlib.h>
#include <string.h>

/* The calendar of rep `rep` for ccad__schedule_new, kept in `dst` too. */
struct flag_arg {
    const ccad_team *team;
    size_t rep;
    int32_t first;
    uint32_t *dst;
};

static int rep_flags(void *arg, int32_t day, uint32_t *out)
{
    struct flag_arg *f = arg;
    int rc = ccad__team_flags(f->team, f->rep, day, out);
    if (rc == CCAD_OK)
        f->dst[day - f->first] = *out;
    return rc;
}

/* The working state of a run. */
struct run {
    const ccad_team *team;
    ccad_team_schedule *ts;
    ccad_plan_options o;  /* common options */
    ccad_plan_options oc; /* for travel costs (HOST metric without routes: planar) */
    struct tctx team_ctx;
    uint32_t *flags;  /* rep x day */
    struct tday *day; /* rep x day */
};

/* Rep r's plan options: the common ones with the rep's base, limits and day. */
static ccad_plan_options rep_options(const struct run *run, size_t r)
{
    ccad_plan_options o = run->o;
    const ccad_rep *rep = &run->team->rep[r].given;
    o.base_x = rep->base_x;
    o.base_y = rep->base_y;
    o.visits_per_day = rep->visits_per_day;
    o.minutes_per_day = rep->minutes_per_day;
    o.day_start_min = rep->day_start_min;
    o.day_minutes = rep->day_minutes;
    return o;
}

static int plan_reps(struct run *run, const ccad_rules *rules)
{
    size_t r;
    int rc;
    for (r = 0; r < run->ts->nrep; r++) {
        ccad_plan_options o = rep_options(run, r);
        struct flag_arg f;
        f.team = run->team;
        f.rep = r;
        f.first = o.first_day;
        f.dst = run->flags + r * (size_t)o.days;
        if ((rc = ccad__schedule_new(&run->ts->rep[r], run->team->rep[r].book, rules, &o, rep_flags,
                                     &f, "ccad_team_schedule_new")) != 0)
            return rc;
        run->ts->vpd[r] = o.visits_per_day;
    }
    return CCAD_OK;
}

static const struct item_rec *src_item(const ccad_team_schedule *ts, const struct titem *t)
{
    return &ts->rep[t->owner]->items[t->src];
}

/* Customer c of rep r's book as a stop (no location: at the owner's base). */
static void make_stop(const struct run *run, size_t r, const struct item_rec *it, uint32_t titem,
                      struct tstop *s)
{
    struct cust c;
    ccad__unpack(run->team->rep[r].book, it->customer, &c);
    s->x = (c.bits & CB_HAS_LOC) ? c.x : run->team->rep[r].given.base_x;
    s->y = (c.bits & CB_HAS_LOC) ? c.y : run->team->rep[r].given.base_y;
    s->open = c.open_min;
    s->close = c.close_min;
    s->svc = it->svc;
    s->titem = titem;
}

/* Team items for every item of every rep's plan; the reps' own contacts
 * fill their days (count, minutes, routed stops in route order). */
static int own_items(struct run *run)
{
    ccad_team_schedule *ts = run->ts;
    size_t r, i, total = 0;
    int rc;
    for (r = 0; r < ts->nrep; r++)
        total += ts->rep[r]->n_items;
    if ((rc = ccad__plan_reserve(ts->ctx, (void **)&ts->items, &ts->cap_items, total ? total : 1,
                                 sizeof *ts->items)) != 0)
        return rc;
    for (r = 0; r < ts->nrep; r++)
        for (i = 0; i < ts->rep[r]->n_items; i++) {
            const struct item_rec *it = &ts->rep[r]->items[i];
            struct titem *t = &ts->items[ts->n_items];
            struct tday *rep_day =
                &run->day[r * (size_t)run->o.days + (size_t)(it->date - run->o.first_day)];
            memset(t, 0, sizeof *t);
            t->owner = (uint32_t)r;
            t->src = (uint32_t)i;
            t->carrier = it->delegated == CCAD_BY_REP ? (uint32_t)r : UINT32_MAX;
            t->seq = it->seq;
            t->eta = it->eta;
            t->depart = it->depart;
            t->travel = it->travel;
            if (it->delegated == CCAD_BY_REP && it->kind != CCAD_ITEM_TOUCH) {
                rep_day->count++;
                rep_day->minutes += it->svc;
            }
            if (it->delegated == CCAD_BY_REP && it->seq > 0) {
                if ((rc = ccad__team_reserve(ts->ctx, rep_day)) != 0)
                    return rc;
                make_stop(run, r, it, (uint32_t)ts->n_items, &rep_day->stop[rep_day->n++]);
            }
            ts->n_items++;
        }
    return CCAD_OK;
}

/* The order delegated items are handed out in: by day, big rocks first,
 * then owner (id order) and the owner's own order. */
struct dkey {
    int32_t date;
    uint32_t quadrant, owner, src, titem;
};

static int dkey_cmp(const void *a, const void *b)
{
    const struct dkey *x = a, *y = b;
    if (x->date != y->date)
        return x->date < y->date ? -1 : 1;
    if (x->quadrant != y->quadrant)
        return x->quadrant < y->quadrant ? -1 : 1;
    if (x->owner != y->owner)
        return x->owner < y->owner ? -1 : 1;
    return x->src < y->src ? -1 : x->src > y->src;
}

/* 1 if the rep has room on day rep_day for a contact of svc minutes. */
static int has_room(const ccad_rep *rep, const struct tday *rep_day, int32_t svc)
{
    return (rep->visits_per_day == 0 || rep_day->count < rep->visits_per_day) &&
           (rep->minutes_per_day == 0 || rep_day->minutes + svc <= rep->minutes_per_day);
}

/* The travel rep c's day adds for stop s: with routes the cheapest
 * feasible insertion (*pos, or UINT32_MAX: none), else the round trip from
 * c's base. */
static int cost_for(const struct run *run, size_t c, const struct tday *rep_day,
                    const struct tstop *s, int routed, uint32_t *pos, int32_t *cost)
{
    const ccad_rep *rep = &run->team->rep[c].given;
    struct tctx trip_ctx;
    int32_t leg;
    int rc;
    if (routed)
        return ccad__team_fit(&run->team_ctx, rep_day, rep->base_x, rep->base_y, rep->day_start_min,
                              rep->day_start_min + rep->day_minutes, s, pos, cost);
    trip_ctx.ctx = run->team_ctx.ctx;
    trip_ctx.o = &run->oc;
    *pos = 0;
    if ((rc = ccad__team_leg(&trip_ctx, rep->base_x, rep->base_y, s->x, s->y, &leg)) != 0)
        return rc;
    *cost = 2 * leg;
    return CCAD_OK;
}

/* Hands delegated item k to the teammate with room for whom it adds the
 * least travel (ties: the first in id order), or records a miss. */
static int place(struct run *run, const struct dkey *k)
{
    ccad_team_schedule *ts = run->ts;
    struct titem *t = &ts->items[k->titem];
    const struct item_rec *it = src_item(ts, t);
    size_t di = (size_t)(k->date - run->o.first_day), c, best = SIZE_MAX;
    int routed = run->o.route && ccad__plan_in_person(it->kind);
    uint32_t pos, best_pos = 0;
    int32_t cost, best_cost = 0, present = 0;
    struct tstop s;
    int rc;
    make_stop(run, t->owner, it, k->titem, &s);
    for (c = 0; c < ts->nrep; c++) {
        uint32_t f = run->flags[c * (size_t)run->o.days + di];
        struct tday *rep_day = &run->day[c * (size_t)run->o.days + di];
        if (c == t->owner || !(f & CCAD_DAY_WORKING) || (f & CCAD_DAY_ABSENT))
            continue;
        present++;
        if (!has_room(&run->team->rep[c].given, rep_day, it->svc))
            continue;
        if ((rc = cost_for(run, c, rep_day, &s, routed, &pos, &cost)) != 0)
            return rc;
        if (pos != UINT32_MAX && (best == SIZE_MAX || cost < best_cost)) {
            best = c;
            best_pos = pos;
            best_cost = cost;
        }
    }
    if (best == SIZE_MAX) {
        if ((rc = ccad__plan_reserve(ts->ctx, (void **)&ts->miss, &ts->cap_miss, ts->n_miss + 1,
                                     sizeof *ts->miss)) != 0)
            return rc;
        ts->miss[ts->n_miss].owner = t->owner;
        ts->miss[ts->n_miss].src = t->src;
        ts->miss[ts->n_miss++].present = present;
        return CCAD_OK;
    }
    {
        struct tday *rep_day = &run->day[best * (size_t)run->o.days + di];
        if (routed) {
            if ((rc = ccad__team_reserve(ts->ctx, rep_day)) != 0)
                return rc;
            ccad__team_insert(rep_day, &s, best_pos);
        }
        rep_day->count++;
        rep_day->minutes += it->svc;
        t->carrier = (uint32_t)best;
        t->added = best_cost;
        t->carrier_count = rep_day->count;
    }
    return CCAD_OK;
}

static int delegate(struct run *run)
{
    ccad_team_schedule *ts = run->ts;
    struct dkey *keys;
    size_t i, n = 0;
    int rc = CCAD_OK;
    for (i = 0; i < ts->n_items; i++)
        n += ts->items[i].carrier == UINT32_MAX;
    if (n == 0)
        return CCAD_OK;
    if ((keys = ccad__alloc(ts->ctx, n * sizeof *keys)) == NULL)
        return ccad__fail(ts->ctx, CCAD_ENOMEM, "ccad_team_schedule_new: out of memory");
    for (i = 0, n = 0; i < ts->n_items; i++)
        if (ts->items[i].carrier == UINT32_MAX) {
            const struct item_rec *it = src_item(ts, &ts->items[i]);
            keys[n].date = it->date;
            keys[n].quadrant = it->quadrant;
            keys[n].owner = ts->items[i].owner;
            keys[n].src = ts->items[i].src;
            keys[n++].titem = (uint32_t)i;
        }
    qsort(keys, n, sizeof *keys, dkey_cmp);
    for (i = 0; i < n && rc == CCAD_OK; i++)
        rc = place(run, &keys[i]);
    ccad__free(ts->ctx, keys);
    return rc;
}

/* Drops the items without a carrier and times every carrier's day anew. */
static int finish_items(struct run *run)
{
    ccad_team_schedule *ts = run->ts;
    size_t i, j = 0, r;
    int32_t di;
    int rc;
    for (r = 0; r < ts->nrep && run->o.route; r++)
        for (di = 0; di < run->o.days; di++) {
            const ccad_rep *rep = &run->team->rep[r].given;
            if ((rc = ccad__team_times(&run->team_ctx,
                                       &run->day[r * (size_t)run->o.days + (size_t)di], rep->base_x,
                                       rep->base_y, rep->day_start_min, ts->items)) != 0)
                return rc;
        }
    for (i = 0; i < ts->n_items; i++)
        if (ts->items[i].carrier != UINT32_MAX)
            ts->items[j++] = ts->items[i];
    ts->n_items = j;
    return CCAD_OK;
}

/* The team items' order: day, carrier, routed stops in route order, then
 * priority, owner and the owner's order. */
struct okey {
    int32_t date, seq;
    uint32_t carrier, priority, owner, src;
    struct titem t;
};

static int okey_cmp(const void *a, const void *b)
{
    const struct okey *x = a, *y = b;
    if (x->date != y->date)
        return x->date < y->date ? -1 : 1;
    if (x->carrier != y->carrier)
        return x->carrier < y->carrier ? -1 : 1;
    if (x->seq != y->seq)
        return x->seq < y->seq ? -1 : 1;
    if (x->priority != y->priority)
        return x->priority < y->priority ? -1 : 1;
    if (x->owner != y->owner)
        return x->owner < y->owner ? -1 : 1;
    return x->src < y->src ? -1 : x->src > y->src;
}

static int sort_items(ccad_team_schedule *ts)
{
    struct okey *k;
    size_t i;
    if (ts->n_items == 0)
        return CCAD_OK;
    if ((k = ccad__alloc(ts->ctx, ts->n_items * sizeof *k)) == NULL)
        return ccad__fail(ts->ctx, CCAD_ENOMEM, "ccad_team_schedule_new: out of memory");
    for (i = 0; i < ts->n_items; i++) {
        const struct item_rec *it = src_item(ts, &ts->items[i]);
        k[i].date = it->date;
        k[i].seq = ts->items[i].seq > 0 ? ts->items[i].seq : INT32_MAX;
        k[i].carrier = ts->items[i].carrier;
        k[i].priority = it->priority;
        k[i].owner = ts->items[i].owner;
        k[i].src = ts->items[i].src;
        k[i].t = ts->items[i];
    }
    qsort(k, ts->n_items, sizeof *k, okey_cmp);
    for (i = 0; i < ts->n_items; i++)
        ts->items[i] = k[i].t;
    ccad__free(ts->ctx, k);
    return CCAD_OK;
}

static int run_all(struct run *run, const ccad_rules *rules)
{
    int rc;
    if ((rc = plan_reps(run, rules)) != 0 || (rc = own_items(run)) != 0 ||
        (rc = delegate(run)) != 0 || (rc = finish_items(run)) != 0)
        return rc;
    return sort_items(run->ts);
}

/* The run's working memory: the team schedule's arrays, the flags and days. */
static int acquire(struct run *run)
{
    ccad_team_schedule *ts = run->ts;
    size_t n = ts->nrep, cells = n * (size_t)run->o.days;
    ts->rep = ccad__alloc(ts->ctx, n * sizeof *ts->rep);
    ts->vpd = ccad__alloc(ts->ctx, n * sizeof *ts->vpd);
    run->flags = ccad__alloc(ts->ctx, cells * sizeof *run->flags);
    run->day = ccad__alloc(ts->ctx, cells * sizeof *run->day);
    if (ts->rep != NULL)
        memset(ts->rep, 0, n * sizeof *ts->rep);
    if (run->day != NULL)
        memset(run->day, 0, cells * sizeof *run->day);
    if (ts->rep == NULL || ts->vpd == NULL || run->flags == NULL || run->day == NULL)
        return ccad__fail(ts->ctx, CCAD_ENOMEM, "ccad_team_schedule_new: out of memory");
    memset(run->flags, 0, cells * sizeof *run->flags);
    return CCAD_OK;
}

static void release(struct run *run)
{
    size_t i, cells = run->ts->nrep * (size_t)run->o.days;
    if (run->day != NULL)
        for (i = 0; i < cells; i++)
            ccad__free(run->ts->ctx, run->day[i].stop);
    ccad__free(run->ts->ctx, run->day);
    ccad__free(run->ts->ctx, run->flags);
}

static int check_args(const ccad_team *team, const ccad_rules *rules,
                      const ccad_plan_options *options, const char *fn)
{
    if (rules == NULL || options == NULL)
        return ccad__fail(team->ctx, CCAD_EINVAL, "%s: NULL argument", fn);
    if (!CCAD__SIZE_OK(options->size, ccad_plan_options))
        return ccad__fail(team->ctx, CCAD_EVERSION, "%s: ccad_plan_options.size %lu not supported",
                          fn, (unsigned long)options->size);
    if (team->n == 0)
        return ccad__fail(team->ctx, CCAD_EINVAL, "%s: the team has no reps", fn);
    if (options->days < 1 || options->days > 366)
        return ccad__fail(team->ctx, CCAD_ERANGE, "%s: days %ld is outside 1..366", fn,
                          (long)options->days);
    return CCAD_OK;
}

int ccad_team_schedule_new(ccad_team_schedule **out, const ccad_team *team, const ccad_rules *rules,
                           const ccad_plan_options *options)
{
    static const char fn[] = "ccad_team_schedule_new";
    struct run run;
    int rc;
    if (out != NULL)
        *out = NULL;
    if ((rc = ccad__team_guard(team, out, fn)) != 0 ||
        (rc = check_args(team, rules, options, fn)) != 0)
        return rc;
    memset(&run, 0, sizeof run);
    run.team = team;
    run.o = *options;
    run.oc = *options;
    if (run.oc.metric == CCAD_METRIC_HOST && !run.oc.route)
        run.oc.metric = CCAD_METRIC_PLANAR; /* without routes no travel callback is asked */
    if (!run.oc.route && !(run.oc.scale > 0 && run.oc.scale < 1e300 &&
                           run.oc.units_per_minute > 0 && run.oc.units_per_minute < 1e300)) {
        run.oc.scale = 1.0; /* (unchecked without routes: straight distance as it is) */
        run.oc.units_per_minute = 1.0;
    }
    run.team_ctx.ctx = team->ctx;
    run.team_ctx.o = &run.o;
    if ((run.ts = ccad__alloc(team->ctx, sizeof *run.ts)) == NULL)
        return ccad__fail(team->ctx, CCAD_ENOMEM, "%s: out of memory", fn);
    memset(run.ts, 0, sizeof *run.ts);
    run.ts->ctx = team->ctx;
    run.ts->nrep = team->n;
    run.ts->keep = options->keep_reasons;
    rc = acquire(&run);
    if (rc == CCAD_OK)
        rc = run_all(&run, rules);
    release(&run);
    if (rc != CCAD_OK) {
        ccad_team_schedule_free(run.ts);
        return ccad__fail_in(team->ctx, fn, rc);
    }
    *out = run.ts;
    return CCAD_OK;
}
