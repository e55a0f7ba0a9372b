/* Stage 1, demand and first assignment: the range simulated day by day.
 *
 * Every open customer is assessed each working day against a shadow of its
 * contact summary, in which each planned contact restarts its clock. The
 * customers due that day are taken big rocks first (quadrant, persist
 * blocks, escalation, grade, days overdue, value) and placed while the day
 * has room: the rep's count and minute limits and, with routes, the day's
 * time (dayroute.c), so that every placed stop keeps its visit hours and
 * the rep is back by the day's end. In-person contacts fall only on the
 * customer's visit days. Spare room then takes important contacts due in
 * the next days (levelling, pull_ahead.c), and special dates get keep-warm
 * touches. The memo (events.c) keeps each customer's brief between the
 * days it can change, and lets the scan pass by a customer that is not
 * due; in a large book, due customers that only wait day after day are
 * kept aside in an order of their own (dormant.c) and merged into the
 * day's order. */
#include "kind.h"
#include "plan.h"
#include "today.h"

#include <stdlib.h>
#include <string.h>

/* 1: the day loop keeps each customer's brief between the days it can
 * change (events.c); tests/sim_env_ref.c builds it with 0, briefing every
 * customer every day, as the reference the plans must equal. */
#ifndef SIM_EVENTS
#define SIM_EVENTS 1
#endif

void ccad__plan_sim_view(const struct cust *c, const struct sim *m, struct cust *out)
{
    *out = *c;
    if (m->planned > 0) {
        if (c->last_contact != CCAD_NO_DATE && m->last > c->last_contact)
            out->last_gap = m->last - c->last_contact;
        out->last_contact = m->last;
        out->last_visit = m->last;
        out->next_step = m->next_step;
        out->contacts = c->contacts + m->planned;
    }
}

/* 1 if customer i may be seen in person on day d (visit_days). */
static int sees_on(const struct plan *plan, uint32_t i, int32_t d)
{
    return ccad__plan_sees(ccad__plan_visit_days(plan, i), d);
}

/* Days overdue on day d, not counting the days of the range on which the
 * customer could not be seen: holidays, absences and days outside its
 * visit days are planned-away, not late. */
static int32_t days_late(const struct plan *plan, uint32_t i, int32_t due, int32_t d, int32_t over)
{
    int32_t e = due > plan->o->first_day ? due : plan->o->first_day;
    for (; e < d && over > 0; e++)
        if (!ccad__plan_available(plan, ccad__plan_visit_days(plan, i), e))
            over--;
    return over;
}

static void fill_cand(struct cand *k, uint32_t i, const ccad_brief *br, int64_t value, int block)
{
    k->idx = i;
    k->quadrant = (uint8_t)br->quadrant;
    k->cls = (uint8_t)br->quadrant;
    k->esc = (uint8_t)br->escalation;
    k->over = br->days_overdue;
    k->due = br->due_date;
    k->grade = (uint8_t)br->grade;
    k->value = value;
    k->block = (uint8_t)block;
    ccad__cand_rank(k);
}

/* Due customer i's candidate of today from its brief br. */
static void fill_due(struct plan *plan, const struct today *today, uint32_t i, const ccad_brief *br,
                     struct cand *k)
{
    fill_cand(k, i, br, ccad__plan_value(plan, i), plan->sim[i].block_left > 0);
    if (br->due_date != CCAD_NO_DATE && br->due_date < today->d)
        k->over = days_late(plan, i, br->due_date, today->d, br->days_overdue);
}

/* A customer not due today: count it in the load of the coming days, and
 * keep an important one as a candidate to pull forward into spare room. */
static void note_coming(struct plan *plan, struct today *today, uint32_t i, const ccad_brief *br)
{
    int pull = (int)plan->v[P_CAP_PULL_AHEAD];
    int ah;
    if (br->due_date == CCAD_NO_DATE || br->due_date > today->d + pull)
        return;
    ah = (int)(br->due_date - today->d);
    today->over_by[ah]++;
    today->over_min[ah] += ccad__plan_service(plan, i);
    if (!today->absent && (br->quadrant == CCAD_Q1 || br->quadrant == CCAD_Q2) &&
        sees_on(plan, i, today->d) && !plan->sim[i].blocked)
        fill_cand(&plan->cand[plan->b->n - 1 - today->ne++], i, br, ccad__plan_value(plan, i), 0);
}

/* A customer whose next contact waits for the visit it asked for: an
 * unimportant customer with a pending request on a later day of the range
 * is seen on that day, which answers the request. */
static int waits_for_request(const struct plan *plan, uint32_t i, const ccad_brief *br, int32_t d)
{
    int32_t request, last;
    if (br->quadrant != CCAD_Q3 && br->quadrant != CCAD_Q4)
        return 0;
    request = ccad__plan_request(plan, i);
    if (request == CCAD_NO_DATE || request <= d || request >= plan->o->first_day + plan->o->days)
        return 0;
    last = plan->sim[i].planned ? plan->sim[i].last : plan->cw[i].last_contact;
    return last == CCAD_NO_DATE || last < request;
}

/* The smallest book in which the day loop keeps dormant customers
 * (dormant.c): in a book of a few hundred customers a rep's day has
 * little to skip, and keeping them would only cost. tests/sim_env_dormant.c
 * builds the loop with 0, so that the books of the tests keep them. */
#ifndef DORMANT_BOOK
#define DORMANT_BOOK 256
#endif

/* How many customers ahead the day's passes start loading the records
 * they will read (prefetch hints), in books of at least FAR_BOOK customers,
 * whose records a day's pass pushes out of the caches; in smaller books the
 * hints would only cost instructions. */
#ifndef BRIEF_AHEAD
#define BRIEF_AHEAD 16
#endif
#ifndef FAR_BOOK
#define FAR_BOOK 16384
#endif

/* The end of a pass over n records (customers or candidates) up to which
 * it loads BRIEF_AHEAD records ahead: 0 in a small book. */
static size_t ahead_end(const struct plan *plan, size_t n)
{
    return plan->b->n >= FAR_BOOK && n > BRIEF_AHEAD ? n - BRIEF_AHEAD : 0;
}

/* The customers due today into plan->cand[0..nc), in no order; the coming
 * load. */
static void scan(struct plan *plan, struct today *today)
{
    const ccad_book *b = plan->b;
    ccad_brief br;
    size_t i, ahead = ahead_end(plan, b->n);
    for (i = 0; i < b->n; i++) {
        struct sim *m = &plan->sim[i];
        if (i < ahead)
            ccad__plan_brief_ahead(plan, (uint32_t)(i + BRIEF_AHEAD), today->d);
        if (ccad__plan_quiet(plan, (uint32_t)i, today->d) || !ccad__plan_open(plan, (uint32_t)i) ||
            ccad__plan_dormant(plan, (uint32_t)i))
            continue;
        ccad__plan_brief_on(plan, &today->lean, (uint32_t)i, &br);
        if (ccad__plan_dropped(plan, (uint32_t)i)) {
            /* a dropped best-effort contact stays dropped while the customer
             * is in Q4; anything urgent or important brings it back */
            if (br.quadrant == CCAD_Q4) {
                ccad__plan_quiet_until(plan, (uint32_t)i, today->d);
                continue;
            }
            m->dropped = 0;
            m->waiting = CCAD_NO_DATE;
            ccad__plan_state_note(plan, (uint32_t)i);
        }
        if (!ccad__plan_in_block(plan, (uint32_t)i) && !(br.flags & CCAD_F_DUE)) {
            note_coming(plan, today, (uint32_t)i, &br);
            ccad__plan_quiet_until(plan, (uint32_t)i, today->d);
            continue;
        }
        if (m->first_due == CCAD_NO_DATE)
            m->first_due = today->d;
        if (waits_for_request(plan, (uint32_t)i, &br, today->d))
            continue;
        fill_due(plan, today, (uint32_t)i, &br, &plan->cand[today->nc++]);
    }
}

/* Records that customer i was contacted on day d in the simulation. */
static void contacted(struct plan *plan, uint32_t i, int32_t d)
{
    struct sim *m = &plan->sim[i];
    m->last = d;
    m->contact_day = d;
    m->next_step = CCAD_NO_DATE;
    m->planned++;
    m->waiting = CCAD_NO_DATE;
    m->day_wait = CCAD_NO_DATE;
    ccad__plan_memo_forget(plan, i);
}

/* Whether the rep has room today for a contact with customer i: *out_fits
 * is 1 if so, 0 when the count or minute limit is reached, -1 when the
 * day's route has no time left for the stop; *pos receives its place. */
int ccad__plan_room(struct plan *plan, const struct today *today, uint32_t i, int routed,
                    uint32_t *pos, int *out_fits)
{
    const ccad_plan_options *o = plan->o;
    int32_t svc = ccad__plan_service(plan, i), cost;
    int rc;
    *pos = UINT32_MAX;
    *out_fits = (o->visits_per_day == 0 || today->used < o->visits_per_day) &&
                (o->minutes_per_day == 0 || today->minutes + svc <= o->minutes_per_day);
    if (!*out_fits || !routed || plan->day == NULL)
        return CCAD_OK;
    if ((rc = ccad__route_fit(plan, &plan->day[today->di], i, pos, &cost)) != 0)
        return rc;
    if (*pos == UINT32_MAX) {
        *out_fits = -1;
        plan->sim[i].time_short = 1;
    }
    return CCAD_OK;
}

/* Adds the item, counts it against the rep's day and places its stop. */
int ccad__plan_commit(struct plan *plan, struct today *today, const struct cand *k, int kind,
                      int delegated, int32_t rolled, int block_day, const ccad_reason *lead,
                      const ccad_reason *extra, const ccad_assessment *a, uint32_t pos)
{
    ccad_schedule *s = plan->s;
    int32_t svc = ccad__plan_service(plan, k->idx);
    int rc;
    today->prio++;
    if ((rc = ccad__plan_add_item(s, k, today->d, kind, delegated, rolled, block_day, today->prio,
                                  lead, extra, a)) != 0)
        return rc;
    s->items[s->n_items - 1].svc = (uint16_t)svc;
    if (delegated == CCAD_BY_REP) {
        today->used++;
        today->minutes += svc;
        if (pos != UINT32_MAX && (rc = ccad__route_insert(plan, &plan->day[today->di],
                                                          (uint32_t)(s->n_items - 1), pos)) != 0)
            return rc;
    }
    contacted(plan, k->idx, today->d);
    return CCAD_OK;
}

/* The assessment of customer i's shadow on day d, into *a. */
void ccad__plan_assess_on(const struct plan *plan, uint32_t i, int32_t d, ccad_assessment *a)
{
    struct cust view;
    ccad__plan_sim_view(&plan->cw[i], &plan->sim[i], &view);
    ccad__assess(plan->b, plan->v, &view, d, a, plan->s->keep);
}

/* No room for a due contact: it waits, and Q4 is dropped after waiting
 * capacity.q4_rollover_days; a block broken by lack of room ends. */
static void no_room(struct plan *plan, const struct today *today, const struct cand *k)
{
    struct sim *m = &plan->sim[k->idx];
    if (m->waiting == CCAD_NO_DATE)
        m->waiting = today->d;
    if (k->cls == CCAD_Q4 && !k->block && today->d - m->waiting >= plan->v[P_CAP_Q4_ROLLOVER]) {
        m->dropped = 1;
        m->dropped_from = m->waiting;
        m->dropped_on = today->d;
    } else if (k->cls <= CCAD_Q2) {
        plan->cap_full[today->di]++;
    }
    m->block_left = 0;
    ccad__plan_state_note(plan, k->idx);
}

/* The reason a Q3 contact goes to a colleague: the count, the minutes or
 * (c = 2) the day's time that left no room. */
static ccad_reason delegated_why(const struct plan *plan, const struct today *today, int fits)
{
    const ccad_plan_options *o = plan->o;
    const struct dayroute *route = plan->day != NULL ? &plan->day[today->di] : NULL;
    if (fits < 0 && route != NULL)
        return ccad__plan_reason(CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_DELEGATED,
                                 route->n ? route->start[route->n - 1] +
                                                plan->s->items[route->stop[route->n - 1]].svc +
                                                route->back_leg - o->day_start_min
                                          : 0,
                                 plan->day_end - o->day_start_min, 2);
    return o->visits_per_day > 0 ? ccad__plan_reason(CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_DELEGATED,
                                                     today->used, o->visits_per_day, 0)
                                 : ccad__plan_reason(CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_DELEGATED,
                                                     today->minutes, o->minutes_per_day, 1);
}

/* Places the due candidate k: the rep, a colleague or the substitute, or
 * it waits. */
static int place(struct plan *plan, struct today *today, const struct cand *k)
{
    struct sim *m = &plan->sim[k->idx];
    ccad_assessment a;
    struct ccad__facts facts;
    ccad_reason lead, extra;
    int kind, block_day, delegated = CCAD_BY_REP, fits, rc, assessed = 0;
    int32_t rolled = m->waiting;
    uint32_t pos = UINT32_MAX;

    /* the assessment itself only for an item: a candidate that waits needs
     * the facts of its kind, which hold for the whole range */
    if (!ccad__plan_facts_of(plan, k->idx, &facts)) {
        ccad__plan_assess_on(plan, k->idx, today->d, &a);
        assessed = 1;
        ccad__plan_facts_keep(plan, k->idx, &a, &facts);
    }
    kind = ccad__plan_kind_of(plan, k, &facts, today->d, &block_day);
    if (ccad__plan_in_person(kind) && !sees_on(plan, k->idx, today->d)) {
        if (m->day_wait == CCAD_NO_DATE)
            m->day_wait = k->due != CCAD_NO_DATE && k->due < today->d ? k->due : today->d;
        return CCAD_OK; /* a block pauses, like on a day off */
    }
    if (today->absent) {
        if (k->cls == CCAD_Q4 && !k->block) {
            if (m->waiting == CCAD_NO_DATE)
                m->waiting = today->d;
            return CCAD_OK;
        }
        delegated = CCAD_BY_SUBSTITUTE;
        lead = ccad__plan_reason(CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_ABSENT, today->d, 0, 0);
    } else {
        if (m->blocked && ccad__plan_in_person(kind))
            fits = -1; /* no day can take the rep's visit: a finding says why */
        else if ((rc = ccad__plan_room(plan, today, k->idx, ccad__plan_in_person(kind), &pos,
                                       &fits)) != 0)
            return rc;
        if (fits != 1 && k->cls == CCAD_Q3 && !k->block && plan->v[P_CAP_DELEGATE_Q3]) {
            delegated = CCAD_BY_COLLEAGUE;
            lead = delegated_why(plan, today, fits);
        } else if (m->blocked && ccad__plan_in_person(kind)) {
            return CCAD_OK;
        } else if (fits != 1) {
            no_room(plan, today, k);
            return CCAD_OK;
        }
    }
    if (delegated == CCAD_BY_REP)
        lead = ccad__plan_lead_of(plan, k, &facts, kind, block_day);
    memset(&extra, 0, sizeof extra);
    if (m->day_wait != CCAD_NO_DATE)
        extra = ccad__plan_reason(CCAD_RULE_ROUTE, CCAD_WHY_PLAN_VISIT_DAY, m->day_wait,
                                  ccad__plan_visit_days(plan, k->idx), 0);
    if (block_day == 1 && delegated != CCAD_BY_REP) {
        /* a block is the rep's own work: a delegated first day is a plain visit */
        block_day = 0;
        kind = k->quadrant == CCAD_Q4 ? CCAD_ITEM_CALL : CCAD_ITEM_VISIT;
    }
    if (rolled != CCAD_NO_DATE && delegated == CCAD_BY_REP && block_day <= 1 &&
        lead.why == CCAD_WHY_PLAN_DUE)
        lead = ccad__plan_reason(CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_ROLLED, rolled,
                                 today->d - rolled, 0);
    if (block_day == 1) {
        m->block_start = today->d;
        m->block_left = (uint8_t)(plan->v[P_PERSIST_BLOCK] - 1);
    } else if (block_day > 1) {
        m->block_left--;
    }
    ccad__plan_state_note(plan, k->idx);
    if (!assessed)
        ccad__plan_assess_on(plan, k->idx, today->d, &a);
    return ccad__plan_commit(plan, today, k, kind, delegated, rolled, block_day, &lead, &extra, &a,
                             delegated == CCAD_BY_REP ? pos : UINT32_MAX);
}

/* 1 if, on a settled day, candidate k's place still depends on its order:
 * a Q3 contact delegated to a colleague (its item takes the day's next
 * priority) or, while the day is not full, a Q4 call (it may still take
 * the rep's room). Every other candidate can only wait. */
static int still_ordered(const struct plan *plan, const struct today *today, const struct cand *k)
{
    return (k->cls == CCAD_Q3 && !k->block && plan->v[P_CAP_DELEGATE_Q3]) ||
           (k->cls == CCAD_Q4 && !ccad__plan_day_full(plan, today));
}

/* Places candidate k and notes that it was placed today. */
static int take(struct plan *plan, struct today *today, const struct cand *k)
{
    plan->sim[k->idx].taken = today->d;
    return place(plan, today, k);
}

/* How many candidates a day takes in order from a bounded selection before
 * it falls back to a heap over all of them: more than a day's room. */
#ifndef FIRST_MAX
#define FIRST_MAX 64 /* tests/sim_env_ref.c: 0, the heap over all of them */
#endif

/* Dormant customer i (dormant.c), out of its class, as a due candidate
 * after the others in plan->cand. */
static struct cand *woken(struct plan *plan, struct today *today, uint32_t i)
{
    struct cand *k = &plan->cand[today->nc + today->nd++];
    ccad_brief br;
    ccad__plan_brief_on(plan, &today->lean, i, &br); /* its memo holds */
    fill_due(plan, today, i, &br, k);
    return k;
}

/* The first dormant customer in order, *first as ccad__dormant_peek gave
 * it (its days overdue from its class, the same as days_late's), placed. */
static int take_dormant(struct plan *plan, struct today *today, const struct cand *first)
{
    struct cand *k = &plan->cand[today->nc + today->nd++];
    ccad_brief br;
    uint32_t i = ccad__dormant_pop(plan);
    ccad__plan_brief_on(plan, &today->lean, i, &br); /* its memo holds: the due date */
    *k = *first;
    k->due = br.due_date;
    return take(plan, today, k);
}

/* Takes today's due candidates in order while the day may take a stop;
 * *out_taken receives how many. When they are many, the first FIRST_MAX
 * come from one pass over the candidates (ccad__cand_first); the rest, if
 * the day is still not settled, off a heap over those not taken: the
 * order of a full sort either way. The dormant customers (dormant.c) are
 * merged in: whichever of the next candidate and the first dormant one
 * comes first in the order is taken. */
static int take_first(struct plan *plan, struct today *today, size_t *out_taken)
{
    struct ccad__cand_heap heap;
    struct cand first_dormant;
    size_t i, got, m = 0;
    int rc, heaped = 0;
    got = today->nc > 2 * FIRST_MAX
              ? ccad__cand_first(plan->heap, FIRST_MAX, plan->cand, today->nc, ccad__plan_cand_cmp)
              : 0; /* a few: the heap is cheaper */
    *out_taken = 0;
    while (!ccad__plan_settled(plan, today)) {
        const struct cand *k = NULL;
        if (*out_taken < got) {
            k = &plan->heap[*out_taken];
        } else if (got < today->nc) {
            if (!heaped) { /* the first FIRST_MAX are taken: a heap over the rest */
                for (i = 0; i < today->nc; i++)
                    if (plan->sim[plan->cand[i].idx].taken != today->d)
                        plan->heap[m++] = plan->cand[i];
                ccad__cand_heap_init(&heap, plan->heap, m, ccad__plan_cand_cmp);
                heaped = 1;
            }
            k = heap.n > 0 ? &heap.a[0] : NULL;
        }
        if (ccad__dormant_peek(plan, today->d, &first_dormant) &&
            (k == NULL || ccad__plan_cand_cmp(&first_dormant, k) < 0)) {
            if ((rc = take_dormant(plan, today, &first_dormant)) != 0)
                return rc;
            continue;
        }
        if (k == NULL)
            break;
        if (heaped)
            k = ccad__cand_heap_pop(&heap);
        if ((rc = take(plan, today, k)) != 0)
            return rc;
        ++*out_taken;
    }
    return CCAD_OK;
}

/* Places candidate k, which becomes dormant if it waits as a dormant
 * customer does (dormant.c). */
static int take_keep(struct plan *plan, struct today *today, const struct cand *k);

/* On a full day of a large book, the candidates still in order are all
 * Q3 contacts delegated to a colleague, and each takes the next priority:
 * the whole heap is sorted first (the order it would yield them in), so
 * that the records of the next ones can be loaded while one is placed. */
static int take_sorted(struct plan *plan, struct today *today, struct ccad__cand_heap *heap)
{
    size_t j, m = heap->n;
    int rc;
    while (ccad__cand_heap_pop(heap) != NULL)
        ; /* each rests just past the heap: a[m - 1] is the first */
    for (j = m; j-- > 0;) {
        if (j >= BRIEF_AHEAD)
            ccad__plan_place_ahead(plan, heap->a[j - BRIEF_AHEAD].idx, 1);
        if ((rc = take_keep(plan, today, &heap->a[j])) != 0)
            return rc;
    }
    return CCAD_OK;
}

static int take_keep(struct plan *plan, struct today *today, const struct cand *k)
{
    int rc;
    if ((rc = take(plan, today, k)) != 0)
        return rc;
    return plan->dormant != NULL ? ccad__dormant_admit(plan, k, today->d) : CCAD_OK;
}

/* Places today's due candidates big rocks first. They come in order
 * (take_first) while the day may take a stop. Once it is settled, a
 * candidate that can only wait changes nothing but its own state and the
 * day's count of important contacts without room, whenever it is placed:
 * those are placed in book order, and the dormant customers left only
 * count (dormant.c). The rest (still_ordered) come off a second heap in
 * order, until the day is full and only Q4 contacts are left, which can
 * then only wait too. The plan is the one a full sort would give. A
 * candidate that then waits as a dormant customer does becomes one. */
static int place_due(struct plan *plan, struct today *today)
{
    struct ccad__cand_heap heap;
    const struct cand *k;
    size_t i, m = 0, taken, all, ahead;
    uint32_t q4;
    int rc;
    if ((rc = take_first(plan, today, &taken)) != 0)
        return rc;
    while (!ccad__plan_day_full(plan, today) &&
           (q4 = ccad__dormant_wake_q4(plan, today->d)) != UINT32_MAX)
        woken(plan, today, q4); /* they may still take the room: in order */
    if (plan->dormant != NULL)
        ccad__dormant_count(plan, today->d, today->di);
    all = today->nc + today->nd;
    ahead = ahead_end(plan, all);
    for (i = 0; i < all; i++) {
        const struct cand *c = &plan->cand[i];
        if (i < ahead)
            ccad__plan_place_ahead(plan, plan->cand[i + BRIEF_AHEAD].idx, 0);
        if (plan->sim[c->idx].taken == today->d) { /* in order */
            if (plan->dormant != NULL && (rc = ccad__dormant_admit(plan, c, today->d)) != 0)
                return rc;
        } else if (still_ordered(plan, today, c)) {
            plan->heap[m++] = *c;
        } else if ((rc = take_keep(plan, today, c)) != 0) {
            return rc;
        }
    }
    ccad__cand_heap_init(&heap, plan->heap, m, ccad__plan_cand_cmp);
    if (ahead > 0 && ccad__plan_day_full(plan, today))
        return take_sorted(plan, today, &heap);
    while ((k = ccad__cand_heap_pop(&heap)) != NULL) {
        if (heap.n > 0 && ahead > 0) /* the next one, while this one is placed */
            ccad__plan_place_ahead(plan, heap.a[0].idx, 1);
        if ((rc = take_keep(plan, today, k)) != 0)
            return rc;
        if (k->cls == CCAD_Q4 && ccad__plan_day_full(plan, today))
            break;
    }
    for (i = 0; i < all && heap.n > 0; i++)
        if (plan->sim[plan->cand[i].idx].taken != today->d &&
            (rc = take_keep(plan, today, &plan->cand[i])) != 0)
            return rc;
    return CCAD_OK;
}

static int plan_day(struct plan *plan, int di)
{
    struct today today;
    uint32_t fl = plan->day_flags[di];
    int rc;
    memset(&today, 0, sizeof today);
    today.d = plan->o->first_day + di;
    today.di = di;
    today.absent = (fl & CCAD_DAY_ABSENT) != 0;
    if (fl & CCAD_DAY_WORKING) {
        ccad__lean_init(&today.lean, plan->v, today.d);
        if (plan->dormant != NULL)
            ccad__dormant_wake(plan, today.d, today.absent,
                               today.lean.shift[ccad__weekday(today.d)] != 0);
        scan(plan, &today);
        if ((rc = place_due(plan, &today)) != 0)
            return rc;
        if ((rc = ccad__plan_pull_ahead(plan, &today)) != 0)
            return rc;
    }
    plan->cap_used[di] = today.used;
    if (plan->day != NULL) {
        plan->day[di].count = today.used;
        plan->day[di].minutes = today.minutes;
    }
    return ccad__plan_keepwarm(plan, di, today.d, &today.prio);
}

int ccad__plan_simulate(struct plan *plan)
{
    int di, rc;
    if (plan->day != NULL && (rc = ccad__plan_find_blocked(plan)) != 0)
        return rc;
    if (plan->trace != NULL)
        ccad__trace_keep_start(plan);
    if (SIM_EVENTS && (rc = ccad__plan_memo_init(plan)) != 0) {
        ccad__plan_memo_free(plan);
        return rc;
    }
    if (SIM_EVENTS && (int64_t)plan->b->n >= DORMANT_BOOK && (rc = ccad__dormant_init(plan)) != 0) {
        ccad__dormant_free(plan);
        ccad__plan_memo_free(plan);
        return rc;
    }
    ccad__trace_facts_in(plan);
    for (di = 0, rc = CCAD_OK; di < plan->o->days && rc == CCAD_OK; di++)
        rc = plan_day(plan, di);
    if (rc == CCAD_OK)
        ccad__trace_facts_out(plan);
    ccad__dormant_free(plan);
    ccad__plan_memo_free(plan);
    return rc;
}
