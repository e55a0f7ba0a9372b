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
    ccad_plan_options o;   /* common options */
    ccad_plan_options oc;  /* for travel costs (HOST metric without routes: planar) */
    struct tctx T;
    uint32_t *flags;       /* rep x day */
    struct tday *day;      /* rep x day */
};

/* Rep r's plan options: the common ones with the rep's base, limits and day. */
static ccad_plan_options rep_options(const struct run *R, size_t r)
{
    ccad_plan_options o = R->o;
    const ccad_rep *p = &R->team->rep[r].r;
    o.base_x = p->base_x;
    o.base_y = p->base_y;
    o.visits_per_day = p->visits_per_day;
    o.minutes_per_day = p->minutes_per_day;
    o.day_start_min = p->day_start_min;
    o.day_minutes = p->day_minutes;
    return o;
}

static int plan_reps(struct run *R, const ccad_rules *rules)
{
    size_t r;
    int rc;
    for (r = 0; r < R->ts->nrep; r++) {
        ccad_plan_options o = rep_options(R, r);
        struct flag_arg f;
        f.team = R->team;
        f.rep = r;
        f.first = o.first_day;
        f.dst = R->flags + r * (size_t)o.days;
        if ((rc = ccad__schedule_new(&R->ts->rep[r], R->team->rep[r].book, rules, &o, rep_flags, &f,
                                     "ccad_team_schedule_new")) != 0)
            return rc;
        R->ts->vpd[r] = o.visits_per_day;
    }
    return CCAD_OK;
}

static const struct item_rec *src_item(const ccad_team_schedule *ts, const struct titem *t)
{
    return &ts->rep[t->owner]->items[t->src];
}

/* Customer c of rep r's book as a stop (no location: at the owner's base). */
static void make_stop(const struct run *R, size_t r, const struct item_rec *it, uint32_t titem,
                      struct tstop *s)
{
    struct cust c;
    ccad__unpack(R->team->rep[r].book, it->customer, &c);
    s->x = (c.bits & CB_HAS_LOC) ? c.x : R->team->rep[r].r.base_x;
    s->y = (c.bits & CB_HAS_LOC) ? c.y : R->team->rep[r].r.base_y;
    s->open = c.open_min;
    s->close = c.close_min;
    s->svc = it->svc;
    s->titem = titem;
}

/* Team items for every item of every rep's plan; the reps' own contacts
 * fill their days (count, minutes, routed stops in route order). */
static int own_items(struct run *R)
{
    ccad_team_schedule *ts = R->ts;
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
            struct tday *D = &R->day[r * (size_t)R->o.days + (size_t)(it->date - R->o.first_day)];
            memset(t, 0, sizeof *t);
            t->owner = (uint32_t)r;
            t->src = (uint32_t)i;
            t->carrier = it->delegated == CCAD_BY_REP ? (uint32_t)r : UINT32_MAX;
            t->seq = it->seq;
            t->eta = it->eta;
            t->depart = it->depart;
            t->travel = it->travel;
            if (it->delegated == CCAD_BY_REP && it->kind != CCAD_ITEM_TOUCH) {
                D->count++;
                D->minutes += it->svc;
            }
            if (it->delegated == CCAD_BY_REP && it->seq > 0) {
                if ((rc = ccad__team_reserve(ts->ctx, D)) != 0)
                    return rc;
                make_stop(R, r, it, (uint32_t)ts->n_items, &D->stop[D->n++]);
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

/* 1 if rep c has room on day D for a contact of svc minutes. */
static int has_room(const ccad_rep *c, const struct tday *D, int32_t svc)
{
    return (c->visits_per_day == 0 || D->count < c->visits_per_day) &&
           (c->minutes_per_day == 0 || D->minutes + svc <= c->minutes_per_day);
}

/* The travel rep c's day adds for stop s: with routes the cheapest
 * feasible insertion (*pos, or UINT32_MAX: none), else the round trip from
 * c's base. */
static int cost_for(const struct run *R, size_t c, const struct tday *D, const struct tstop *s,
                    int routed, uint32_t *pos, int32_t *cost)
{
    const ccad_rep *p = &R->team->rep[c].r;
    struct tctx Tc;
    int32_t leg;
    int rc;
    if (routed)
        return ccad__team_fit(&R->T, D, p->base_x, p->base_y, p->day_start_min,
                              p->day_start_min + p->day_minutes, s, pos, cost);
    Tc.ctx = R->T.ctx;
    Tc.o = &R->oc;
    *pos = 0;
    if ((rc = ccad__team_leg(&Tc, p->base_x, p->base_y, s->x, s->y, &leg)) != 0)
        return rc;
    *cost = 2 * leg;
    return CCAD_OK;
}

/* Hands delegated item k to the teammate with room for whom it adds the
 * least travel (ties: the first in id order), or records a miss. */
static int place(struct run *R, const struct dkey *k)
{
    ccad_team_schedule *ts = R->ts;
    struct titem *t = &ts->items[k->titem];
    const struct item_rec *it = src_item(ts, t);
    size_t di = (size_t)(k->date - R->o.first_day), c, best = SIZE_MAX;
    int routed = R->o.route && ccad__plan_in_person(it->kind);
    uint32_t pos, best_pos = 0;
    int32_t cost, best_cost = 0, present = 0;
    struct tstop s;
    int rc;
    make_stop(R, t->owner, it, k->titem, &s);
    for (c = 0; c < ts->nrep; c++) {
        uint32_t f = R->flags[c * (size_t)R->o.days + di];
        struct tday *D = &R->day[c * (size_t)R->o.days + di];
        if (c == t->owner || !(f & CCAD_DAY_WORKING) || (f & CCAD_DAY_ABSENT))
            continue;
        present++;
        if (!has_room(&R->team->rep[c].r, D, it->svc))
            continue;
        if ((rc = cost_for(R, c, D, &s, routed, &pos, &cost)) != 0)
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
        struct tday *D = &R->day[best * (size_t)R->o.days + di];
        if (routed) {
            if ((rc = ccad__team_reserve(ts->ctx, D)) != 0)
                return rc;
            ccad__team_insert(D, &s, best_pos);
        }
        D->count++;
        D->minutes += it->svc;
        t->carrier = (uint32_t)best;
        t->added = best_cost;
        t->carrier_count = D->count;
    }
    return CCAD_OK;
}

static int delegate(struct run *R)
{
    ccad_team_schedule *ts = R->ts;
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
        rc = place(R, &keys[i]);
    ccad__free(ts->ctx, keys);
    return rc;
}

/* Drops the items without a carrier and times every carrier's day anew. */
static int finish_items(struct run *R)
{
    ccad_team_schedule *ts = R->ts;
    size_t i, j = 0, r;
    int32_t di;
    int rc;
    for (r = 0; r < ts->nrep && R->o.route; r++)
        for (di = 0; di < R->o.days; di++) {
            const ccad_rep *p = &R->team->rep[r].r;
            if ((rc = ccad__team_times(&R->T, &R->day[r * (size_t)R->o.days + (size_t)di],
                                       p->base_x, p->base_y, p->day_start_min, ts->items)) != 0)
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

static int run_all(struct run *R, const ccad_rules *rules)
{
    int rc;
    if ((rc = plan_reps(R, rules)) != 0 || (rc = own_items(R)) != 0 || (rc = delegate(R)) != 0 ||
        (rc = finish_items(R)) != 0)
        return rc;
    return sort_items(R->ts);
}

/* The run's working memory: the team schedule's arrays, the flags and days. */
static int acquire(struct run *R)
{
    ccad_team_schedule *ts = R->ts;
    size_t n = ts->nrep, cells = n * (size_t)R->o.days;
    ts->rep = ccad__alloc(ts->ctx, n * sizeof *ts->rep);
    ts->vpd = ccad__alloc(ts->ctx, n * sizeof *ts->vpd);
    R->flags = ccad__alloc(ts->ctx, cells * sizeof *R->flags);
    R->day = ccad__alloc(ts->ctx, cells * sizeof *R->day);
    if (ts->rep != NULL)
        memset(ts->rep, 0, n * sizeof *ts->rep);
    if (R->day != NULL)
        memset(R->day, 0, cells * sizeof *R->day);
    if (ts->rep == NULL || ts->vpd == NULL || R->flags == NULL || R->day == NULL)
        return ccad__fail(ts->ctx, CCAD_ENOMEM, "ccad_team_schedule_new: out of memory");
    memset(R->flags, 0, cells * sizeof *R->flags);
    return CCAD_OK;
}

static void release(struct run *R)
{
    size_t i, cells = R->ts->nrep * (size_t)R->o.days;
    if (R->day != NULL)
        for (i = 0; i < cells; i++)
            ccad__free(R->ts->ctx, R->day[i].stop);
    ccad__free(R->ts->ctx, R->day);
    ccad__free(R->ts->ctx, R->flags);
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

int ccad_team_schedule_new(ccad_team_schedule **out, const ccad_team *team,
                           const ccad_rules *rules, const ccad_plan_options *options)
{
    static const char fn[] = "ccad_team_schedule_new";
    struct run R;
    int rc;
    if (out != NULL)
        *out = NULL;
    if ((rc = ccad__team_guard(team, out, fn)) != 0 ||
        (rc = check_args(team, rules, options, fn)) != 0)
        return rc;
    memset(&R, 0, sizeof R);
    R.team = team;
    R.o = *options;
    R.oc = *options;
    if (R.oc.metric == CCAD_METRIC_HOST && !R.oc.route)
        R.oc.metric = CCAD_METRIC_PLANAR; /* without routes no travel callback is asked */
    if (!R.oc.route && !(R.oc.scale > 0 && R.oc.scale < 1e300 && R.oc.units_per_minute > 0 &&
                         R.oc.units_per_minute < 1e300)) {
        R.oc.scale = 1.0; /* (unchecked without routes: straight distance as it is) */
        R.oc.units_per_minute = 1.0;
    }
    R.T.ctx = team->ctx;
    R.T.o = &R.o;
    if ((R.ts = ccad__alloc(team->ctx, sizeof *R.ts)) == NULL)
        return ccad__fail(team->ctx, CCAD_ENOMEM, "%s: out of memory", fn);
    memset(R.ts, 0, sizeof *R.ts);
    R.ts->ctx = team->ctx;
    R.ts->nrep = team->n;
    R.ts->keep = options->keep_reasons;
    rc = acquire(&R);
    if (rc == CCAD_OK)
        rc = run_all(&R, rules);
    release(&R);
    if (rc != CCAD_OK) {
        ccad_team_schedule_free(R.ts);
        return ccad__fail_in(team->ctx, fn, rc);
    }
    *out = R.ts;
    return CCAD_OK;
}
