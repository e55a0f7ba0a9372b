/* CAPACITY in a large book: the due customers that wait day after day
 * (dormant), kept in an order that holds across days so that the day loop
 * (simulate.c) does not go through them every working day.
 *
 * With one rep and many due customers, most of a day's candidates are
 * customers that were due and found no room before, and will find none
 * today either. For such a customer a working day changes nothing but the
 * day's count of important contacts without room (cap_full), as long as
 * its brief holds (events.c: its memo's wake lies ahead) and its place in
 * the big-rocks order (select.c) moves with the others'. A waiting
 * customer is dormant from the end of a day on which it
 *   - is due and waits (sim.waiting), with no persist block under way, not
 *     dropped and not blocked;
 *   - is in Q1 or Q2, or in Q3 while capacity.delegate_q3 is off (a
 *     delegated Q3 contact gets an item every day, and a Q4 one may still
 *     take the room of a day that is not full);
 *   - already paused on a day outside its visit days, if it has any
 *     (sim.day_wait), and with routes already found a day without time
 *     left for it (sim.time_short): what a waiting day would set is set;
 * until the first of: its memo's wake (its brief may change), the day its
 * days overdue cross the next escalation threshold (escalate.*, counted
 * from the due date: its place in the order changes), an absent day (the
 * substitute takes every due contact) and, for a customer due now, a
 * working day outside freq.work_days (it is not due on such a day). Then
 * it wakes: it goes back to the day loop's scan, which briefs it as
 * before.
 *
 * The order. Dormant customers are kept in classes by visit days and by
 * whether they are due now; each class is a binary heap in the big-rocks
 * order. Within a class the order holds from day to day: the quadrant,
 * escalation and grade stay while the customer is dormant, no block is
 * under way, and the days overdue, which do not count the days on which
 * the customer could not be seen (simulate.c's days_late), grow by the
 * same number of days for every member (the days the class's visit days
 * were available) or, for customers due now, stay 0. So a member is kept
 * with its days overdue less the class's available days so far (ref), a
 * number that no working day changes. A day takes its candidates in order
 * from a merge of its other candidates and the first member of each
 * class (ccad__dormant_peek); a member taken so leaves its class and is
 * placed like any candidate, and comes back at the day's end if it still
 * waits. When the day can take no further stop, every member left would
 * only wait: the classes add their important members to cap_full on their
 * visit days (ccad__dormant_count) and nothing else changes.
 *
 * tests/test_sim_events.c compares the plans against the reference loop
 * (tests/sim_env_ref.c), which keeps no memo and so no dormant customer. */
#include "plan.h"

#include <string.h>

/* A class: visit days (7 bits) and due now (1 bit) for Q1 to Q3; Q4 has
 * two more (due now or not), which a day that is not full wakes at once. */
#define KLASS_DUE_NOW 128
#define KLASS_Q4 256
#define KLASSES (KLASS_Q4 + 2)

/* A dormant customer in its class. */
struct member {
    int64_t value;
    uint32_t idx;
    int32_t ref;   /* days overdue less the class's available days before the day (0: due now) */
    uint32_t rank; /* its candidate's rank (select.c); no block under way */
    uint8_t cls, esc, grade;
};

struct klass {
    struct member *a; /* a heap in the big-rocks order */
    size_t n, cap;
    size_t important;          /* members in Q1 or Q2 */
    int32_t avail_day, avail;  /* its available days before avail_day */
};

/* The first day on which a dormant customer must wake. */
struct alarm {
    int32_t day;
    uint32_t idx;
};

struct ccad__dormant {
    struct klass klass[KLASSES];
    uint32_t *pos;     /* per customer: its place in its class's heap */
    uint16_t *klass_of; /* per customer: its class, while dormant */
    struct alarm *alarm; /* a heap, earliest first; an alarm of a customer no */
    size_t n_alarm, cap_alarm; /* longer dormant is dropped when it rings */
    size_t members;
    int next; /* the class whose first member comes first, -1: not known */
};

int ccad__dormant_init(struct plan *plan)
{
    ccad_ctx *ctx = plan->s->ctx;
    size_t n = plan->b->n;
    struct ccad__dormant *dm = ccad__alloc(ctx, sizeof *dm);
    int c;
    if (dm == NULL)
        return ccad__fail(ctx, CCAD_ENOMEM, "out of memory");
    memset(dm, 0, sizeof *dm);
    for (c = 0; c < KLASSES; c++)
        dm->klass[c].avail_day = INT32_MIN;
    dm->next = -1;
    plan->dormant = dm;
    if (n == 0)
        return CCAD_OK;
    dm->pos = ccad__alloc(ctx, n * sizeof *dm->pos);
    dm->klass_of = ccad__alloc(ctx, n * sizeof *dm->klass_of);
    if (dm->pos == NULL || dm->klass_of == NULL)
        return ccad__fail(ctx, CCAD_ENOMEM, "out of memory");
    return CCAD_OK;
}

void ccad__dormant_free(struct plan *plan)
{
    ccad_ctx *ctx = plan->s->ctx;
    struct ccad__dormant *dm = plan->dormant;
    int c;
    if (dm == NULL)
        return;
    for (c = 0; c < KLASSES; c++)
        ccad__free(ctx, dm->klass[c].a);
    ccad__free(ctx, dm->pos);
    ccad__free(ctx, dm->klass_of);
    ccad__free(ctx, dm->alarm);
    ccad__free(ctx, dm);
    plan->dormant = NULL;
}

/* The visit days of the members of class c, and 1 if they are due now. */
static uint8_t days_of(int c)
{
    return (uint8_t)(c & KLASS_Q4 ? 0 : c & 127);
}
static int due_now_of(int c)
{
    return c & KLASS_Q4 ? c & 1 : (c & KLASS_DUE_NOW) != 0;
}

/* Whether member a comes before member b of the same class. */
static int member_before(const struct member *a, const struct member *b)
{
    if (a->rank != b->rank)
        return a->rank < b->rank;
    if (a->ref != b->ref)
        return a->ref > b->ref;
    if (a->value != b->value)
        return a->value > b->value;
    return a->idx < b->idx;
}

static void member_at(struct ccad__dormant *dm, struct klass *kl, size_t k, const struct member *e)
{
    kl->a[k] = *e;
    dm->pos[e->idx] = (uint32_t)k;
}

static void member_up(struct ccad__dormant *dm, struct klass *kl, size_t k)
{
    struct member held = kl->a[k];
    while (k > 0 && member_before(&held, &kl->a[(k - 1) / 2])) {
        member_at(dm, kl, k, &kl->a[(k - 1) / 2]);
        k = (k - 1) / 2;
    }
    member_at(dm, kl, k, &held);
}

static void member_down(struct ccad__dormant *dm, struct klass *kl, size_t k)
{
    struct member held = kl->a[k];
    for (;;) {
        size_t child = 2 * k + 1;
        if (child >= kl->n)
            break;
        if (child + 1 < kl->n && member_before(&kl->a[child + 1], &kl->a[child]))
            child++;
        if (!member_before(&kl->a[child], &held))
            break;
        member_at(dm, kl, k, &kl->a[child]);
        k = child;
    }
    member_at(dm, kl, k, &held);
}

/* Customer i leaves its class: it is no longer dormant. */
static void leave(struct plan *plan, uint32_t i)
{
    struct ccad__dormant *dm = plan->dormant;
    struct klass *kl = &dm->klass[dm->klass_of[i]];
    size_t k = dm->pos[i];
    if (kl->a[k].cls <= CCAD_Q2)
        kl->important--;
    plan->memo[i].bits &= (uint8_t)~MEMO_DORMANT;
    dm->members--;
    dm->next = -1;
    if (k == --kl->n)
        return;
    member_at(dm, kl, k, &kl->a[kl->n]); /* the last member fills the gap */
    if (k > 0 && member_before(&kl->a[k], &kl->a[(k - 1) / 2]))
        member_up(dm, kl, k);
    else
        member_down(dm, kl, k);
}

/* The available days (simulate.c's days_late) of visit days `days`
 * before day d in the range, kept for the class's last day asked. */
static int32_t avail_before(const struct plan *plan, struct klass *kl, uint8_t days, int32_t d)
{
    int32_t e, n = 0;
    if (kl->avail_day == d)
        return kl->avail;
    for (e = plan->o->first_day; e < d; e++)
        n += ccad__plan_available(plan, days, e);
    kl->avail_day = d;
    kl->avail = n;
    return n;
}

/* The alarm heap, earliest first. */
static void alarm_up(struct alarm *a, size_t k)
{
    struct alarm held = a[k];
    while (k > 0 && held.day < a[(k - 1) / 2].day) {
        a[k] = a[(k - 1) / 2];
        k = (k - 1) / 2;
    }
    a[k] = held;
}

static void alarm_pop(struct ccad__dormant *dm)
{
    struct alarm held = dm->alarm[--dm->n_alarm];
    size_t k = 0, n = dm->n_alarm;
    for (;;) {
        size_t child = 2 * k + 1;
        if (child >= n)
            break;
        if (child + 1 < n && dm->alarm[child + 1].day < dm->alarm[child].day)
            child++;
        if (dm->alarm[child].day >= held.day)
            break;
        dm->alarm[k] = dm->alarm[child];
        k = child;
    }
    if (n > 0)
        dm->alarm[k] = held;
}

/* Wakes every member of every class, or (due_now) of the classes of
 * customers due now. */
static void wake_klasses(struct plan *plan, int due_now)
{
    struct ccad__dormant *dm = plan->dormant;
    int c;
    for (c = 0; c < KLASSES; c++)
        while ((!due_now || due_now_of(c)) && dm->klass[c].n > 0)
            leave(plan, dm->klass[c].a[dm->klass[c].n - 1].idx);
}

uint32_t ccad__dormant_wake_q4(struct plan *plan)
{
    struct ccad__dormant *dm = plan->dormant;
    unsigned c;
    uint32_t i;
    if (dm == NULL || dm->members == 0)
        return UINT32_MAX;
    for (c = KLASS_Q4; c < KLASSES; c++)
        if (dm->klass[c].n > 0) {
            i = dm->klass[c].a[dm->klass[c].n - 1].idx;
            leave(plan, i);
            return i;
        }
    return UINT32_MAX;
}

void ccad__dormant_wake(struct plan *plan, int32_t d, int absent, int not_due_now)
{
    struct ccad__dormant *dm = plan->dormant;
    while (dm->n_alarm > 0 && dm->alarm[0].day <= d) {
        uint32_t i = dm->alarm[0].idx;
        alarm_pop(dm);
        if (plan->memo[i].bits & MEMO_DORMANT)
            leave(plan, i);
    }
    if (dm->members > 0 && absent)
        wake_klasses(plan, 0);
    else if (dm->members > 0 && not_due_now)
        wake_klasses(plan, 1);
}

/* The first member of class c as a candidate of day d, in the fields the
 * big-rocks order reads. */
static void head_of(struct plan *plan, int c, int32_t d, struct cand *out)
{
    struct klass *kl = &plan->dormant->klass[c];
    const struct member *e = &kl->a[0];
    memset(out, 0, sizeof *out);
    out->idx = e->idx;
    out->cls = out->quadrant = e->cls;
    out->esc = e->esc;
    out->grade = e->grade;
    out->value = e->value;
    out->rank = e->rank;
    out->over = due_now_of(c) ? 0 : e->ref + avail_before(plan, kl, days_of(c), d);
}

int ccad__dormant_peek(struct plan *plan, int32_t d, struct cand *out)
{
    struct ccad__dormant *dm = plan->dormant;
    struct cand k;
    int c;
    if (dm == NULL || dm->members == 0)
        return 0;
    if (dm->next < 0)
        for (c = 0; c < KLASSES; c++) {
            if (dm->klass[c].n == 0)
                continue;
            head_of(plan, c, d, &k);
            if (dm->next < 0 || ccad__plan_cand_cmp(&k, out) < 0) {
                dm->next = c;
                *out = k;
            }
        }
    else
        head_of(plan, dm->next, d, out);
    return 1;
}

uint32_t ccad__dormant_pop(struct plan *plan)
{
    struct ccad__dormant *dm = plan->dormant;
    uint32_t i = dm->klass[dm->next].a[0].idx;
    leave(plan, i);
    return i;
}

void ccad__dormant_count(struct plan *plan, int32_t d, int di)
{
    struct ccad__dormant *dm = plan->dormant;
    int c;
    if (dm == NULL || dm->members == 0)
        return;
    for (c = 0; c < KLASSES; c++)
        if (dm->klass[c].important > 0 && ccad__plan_sees(days_of(c), d))
            plan->cap_full[di] += (int32_t)dm->klass[c].important;
}

/* 1 if candidate k, placed on day d, waits as a dormant customer would:
 * see the file comment. */
static int stays_waiting(const struct plan *plan, const struct cand *k)
{
    const struct sim *m = &plan->sim[k->idx];
    if (m->waiting == CCAD_NO_DATE || m->block_left > 0 || k->block || m->dropped || m->blocked)
        return 0;
    if (k->cls == CCAD_Q4) /* no visit days: its contact never pauses */
        return plan->memo[k->idx].visit_days == 0;
    if (k->cls != CCAD_Q1 && k->cls != CCAD_Q2 && (k->cls != CCAD_Q3 || plan->v[P_CAP_DELEGATE_Q3]))
        return 0;
    if (plan->memo[k->idx].visit_days != 0 && m->day_wait == CCAD_NO_DATE)
        return 0;
    return plan->day == NULL || m->time_short;
}

/* The first day after d on which candidate k must wake: its memo's wake or
 * the next escalation threshold its days overdue cross. */
static int32_t wake_day(const struct plan *plan, const struct cand *k, int32_t d)
{
    const struct ccad__memo *memo = &plan->memo[k->idx];
    static const int esc[3] = {P_ESC_REP, P_ESC_MANAGER, P_ESC_REASSIGN};
    int64_t wake = memo->wake, over = (int64_t)d - memo->due;
    int t;
    if (!(memo->bits & MEMO_DUE_NOW) && (memo->bits & MEMO_ESCALATES))
        for (t = 0; t < 3; t++)
            if (plan->v[esc[t]] > over && memo->due + plan->v[esc[t]] < wake)
                wake = memo->due + plan->v[esc[t]];
    if (k->cls == CCAD_Q4 && plan->sim[k->idx].waiting + plan->v[P_CAP_Q4_ROLLOVER] < wake)
        wake = plan->sim[k->idx].waiting + plan->v[P_CAP_Q4_ROLLOVER]; /* it is dropped then */
    return (int32_t)wake;
}

int ccad__dormant_admit(struct plan *plan, const struct cand *k, int32_t d)
{
    struct ccad__dormant *dm = plan->dormant;
    struct ccad__memo *memo = &plan->memo[k->idx];
    struct klass *kl;
    struct member e;
    int32_t wake;
    int rc;
    if (!stays_waiting(plan, k) || (wake = wake_day(plan, k, d)) <= d + 1)
        return CCAD_OK;
    dm->klass_of[k->idx] =
        (uint16_t)(k->cls == CCAD_Q4 ? KLASS_Q4 + ((memo->bits & MEMO_DUE_NOW) ? 1u : 0u)
                                     : (memo->visit_days & 127u) |
                                           ((memo->bits & MEMO_DUE_NOW) ? KLASS_DUE_NOW : 0u));
    kl = &dm->klass[dm->klass_of[k->idx]];
    if (wake != INT32_MAX) {
        if ((rc = ccad__plan_reserve(plan->s->ctx, (void **)&dm->alarm, &dm->cap_alarm,
                                     dm->n_alarm + 1, sizeof *dm->alarm)) != 0)
            return rc;
        dm->alarm[dm->n_alarm].day = wake;
        dm->alarm[dm->n_alarm].idx = k->idx;
        alarm_up(dm->alarm, dm->n_alarm++);
    }
    if ((rc = ccad__plan_reserve(plan->s->ctx, (void **)&kl->a, &kl->cap, kl->n + 1,
                                 sizeof *kl->a)) != 0)
        return rc;
    memset(&e, 0, sizeof e);
    e.value = k->value;
    e.idx = k->idx;
    e.rank = k->rank;
    e.cls = k->cls;
    e.esc = k->esc;
    e.grade = k->grade;
    e.ref = (memo->bits & MEMO_DUE_NOW)
                ? 0
                : k->over - avail_before(plan, kl, days_of(dm->klass_of[k->idx]), d);
    member_at(dm, kl, kl->n++, &e);
    member_up(dm, kl, kl->n - 1);
    kl->important += k->cls <= CCAD_Q2;
    memo->bits |= MEMO_DORMANT;
    dm->members++;
    dm->next = -1;
    return CCAD_OK;
}
