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
 * substitute takes every due contact; the walk in order would reach and
 * place every member anyway, so this wake only keeps such a day on the
 * plain path, which no test finds different) and, for a customer due now, a
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
#define TIDY_DAYS 200 /* fewer than 256 */

/* A dormant customer in its class. A customer that wakes leaves its entry
 * behind, stale, until it comes to the top or the classes are tidied:
 * an entry is live while the customer is dormant and gen is its latest
 * dormancy (memo.dormancy). Dormancies are counted modulo 256; a customer
 * becomes dormant at most once a working day, and the classes are tidied
 * at least every TIDY_DAYS working days, so a stale entry never meets a
 * later dormancy with the same count. */
struct member {
    int64_t value;
    uint32_t idx;
    int32_t ref;   /* days overdue less the class's available days before the day (0: due now) */
    uint32_t rank; /* its candidate's rank (select.c); no block under way */
    uint8_t gen;   /* the customer's dormancy it belongs to */
};

struct klass {
    struct member *a; /* a heap in the big-rocks order */
    size_t n, cap;
    size_t important;         /* live members in Q1 or Q2 */
    int32_t avail_day, avail; /* its available days before avail_day */
    /* The day's walk through its members in order (head_of, _pop): a heap
     * of places in a[], the first one first, where a member taken in order
     * makes way for its two children. The members stay where they are: one
     * that still waits after its day need not come back. */
    uint32_t *walk;
    size_t n_walk, cap_walk;
    int32_t walk_day;        /* the day the walk is for (INT32_MIN: none) */
    size_t walked_important; /* members in Q1 or Q2 the walk took */
    /* its first member left as a candidate of the walk's day, while head_ok */
    struct cand head;
    uint8_t head_gen, head_ok;
};

/* The customers to wake on one day of the range, each with its dormancy
 * (stale when it woke before). */
struct call {
    uint32_t idx;
    uint8_t gen;
};
struct bell {
    struct call *a;
    size_t n, cap;
};

struct ccad__dormant {
    struct klass klass[KLASSES];
    struct bell *bell; /* per day of the range */
    int untidy;        /* working days since the classes were last tidied */
    int32_t rung;      /* days of the range whose bells have rung */
    size_t members, stale;
    int next;   /* the class whose first member comes first, -1: not known */
    int n_open; /* classes that may have members, open[0..n_open) */
    int open[KLASSES];
    uint8_t is_open[KLASSES];
};

int ccad__dormant_init(struct plan *plan)
{
    ccad_ctx *ctx = plan->s->ctx;
    size_t days = (size_t)plan->o->days;
    struct ccad__dormant *dm = ccad__alloc(ctx, sizeof *dm);
    int c;
    if (dm == NULL)
        return ccad__fail(ctx, CCAD_ENOMEM, "out of memory");
    memset(dm, 0, sizeof *dm);
    for (c = 0; c < KLASSES; c++)
        dm->klass[c].avail_day = dm->klass[c].walk_day = INT32_MIN;
    dm->next = -1;
    plan->dormant = dm;
    if (days == 0)
        return CCAD_OK;
    dm->bell = ccad__alloc(ctx, days * sizeof *dm->bell);
    if (dm->bell == NULL)
        return ccad__fail(ctx, CCAD_ENOMEM, "out of memory");
    memset(dm->bell, 0, days * sizeof *dm->bell);
    return CCAD_OK;
}

void ccad__dormant_free(struct plan *plan)
{
    ccad_ctx *ctx = plan->s->ctx;
    struct ccad__dormant *dm = plan->dormant;
    int c;
    if (dm == NULL)
        return;
    for (c = 0; c < KLASSES; c++) {
        ccad__free(ctx, dm->klass[c].a);
        ccad__free(ctx, dm->klass[c].walk);
    }
    for (c = 0; dm->bell != NULL && c < plan->o->days; c++)
        ccad__free(ctx, dm->bell[c].a);
    ccad__free(ctx, dm->bell);
    ccad__free(ctx, dm);
    plan->dormant = NULL;
}

/* The visit days of the members of class c, and 1 if they are due now. */
static uint8_t days_of(int c) { return (uint8_t)(c & KLASS_Q4 ? 0 : c & 127); }
static int due_now_of(int c) { return c & KLASS_Q4 ? c & 1 : (c & KLASS_DUE_NOW) != 0; }

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

static void member_up(struct klass *kl, size_t k)
{
    struct member held = kl->a[k];
    while (k > 0 && member_before(&held, &kl->a[(k - 1) / 2])) {
        kl->a[k] = kl->a[(k - 1) / 2];
        k = (k - 1) / 2;
    }
    kl->a[k] = held;
}

static void member_down(struct klass *kl, size_t k)
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
        kl->a[k] = kl->a[child];
        k = child;
    }
    kl->a[k] = held;
}

/* Removes the first member of class kl (live or stale). */
static void drop_first(struct klass *kl)
{
    kl->head_ok = 0;
    kl->walk_day = INT32_MIN;
    kl->a[0] = kl->a[--kl->n];
    if (kl->n > 0)
        member_down(kl, 0);
}

/* 1 if the entry of customer i's dormancy gen is live. */
static int live(const struct plan *plan, uint32_t i, uint8_t gen)
{
    return (plan->memo[i].bits & MEMO_DORMANT) && plan->memo[i].dormancy == gen;
}

/* The class of a customer with memo m (a dormant one's memo holds). */
static int klass_of(const struct ccad__memo *m)
{
    int due_now = (m->bits & MEMO_DUE_NOW) != 0;
    return m->quadrant == CCAD_Q4 ? KLASS_Q4 + due_now
                                  : (m->visit_days & 127) | (due_now ? KLASS_DUE_NOW : 0);
}

/* Dormant customer i wakes: its entry in its class goes stale. */
static void wake_one(struct plan *plan, uint32_t i)
{
    struct ccad__dormant *dm = plan->dormant;
    if (plan->memo[i].quadrant <= CCAD_Q2)
        dm->klass[klass_of(&plan->memo[i])].important--;
    plan->memo[i].bits &= (uint8_t)~MEMO_DORMANT;
    plan->quiet[i] = INT32_MIN;
    dm->members--;
    dm->stale++;
    dm->next = -1;
}

/* Wakes every member of class c and empties it. */
static void wake_klass(struct plan *plan, int c)
{
    struct klass *kl = &plan->dormant->klass[c];
    size_t k;
    for (k = 0; k < kl->n; k++)
        if (live(plan, kl->a[k].idx, kl->a[k].gen))
            wake_one(plan, kl->a[k].idx);
    plan->dormant->stale -= kl->n;
    kl->n = 0;
    kl->head_ok = 0;
    kl->walk_day = INT32_MIN;
}

/* Drops the stale entries of every class once they outnumber the live
 * ones by more than 4096 (so that the classes stay in proportion to the
 * dormant customers), and at least every TIDY_DAYS working days (so that a
 * stale entry never meets a later dormancy with the same count). */
static void tidy(struct plan *plan)
{
    struct ccad__dormant *dm = plan->dormant;
    size_t k, m;
    int c;
    if (dm->stale <= dm->members + 4096 && ++dm->untidy < TIDY_DAYS)
        return;
    dm->untidy = 0;
    for (c = 0; c < KLASSES; c++) {
        struct klass *kl = &dm->klass[c];
        for (k = m = 0; k < kl->n; k++)
            if (live(plan, kl->a[k].idx, kl->a[k].gen))
                kl->a[m++] = kl->a[k];
        kl->n = m;
        kl->head_ok = 0;
        kl->walk_day = INT32_MIN;
        for (k = m / 2; k-- > 0;)
            member_down(kl, k);
    }
    dm->stale = 0;
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

void ccad__dormant_wake(struct plan *plan, int32_t d, int absent, int not_due_now)
{
    struct ccad__dormant *dm = plan->dormant;
    int c;
    dm->next = -1; /* the first member changes with the day (days overdue) */
    for (; dm->bell != NULL && dm->rung <= d - plan->o->first_day; dm->rung++) {
        struct bell *bell = &dm->bell[dm->rung];
        size_t k;
        for (k = 0; k < bell->n; k++)
            if (live(plan, bell->a[k].idx, bell->a[k].gen))
                wake_one(plan, bell->a[k].idx);
        bell->n = 0;
    }
    for (c = 0; c < KLASSES; c++)
        if (absent || (not_due_now && due_now_of(c)))
            wake_klass(plan, c);
    tidy(plan);
}

uint32_t ccad__dormant_wake_q4(struct plan *plan, int32_t d)
{
    struct ccad__dormant *dm = plan->dormant;
    int c;
    if (dm == NULL || dm->members == 0)
        return UINT32_MAX;
    for (c = KLASS_Q4; c < KLASSES; c++) {
        struct klass *kl = &dm->klass[c];
        kl->head_ok = 0;
        kl->walk_day = INT32_MIN;
        while (kl->n > 0) { /* the last entry: the rest stays a heap */
            const struct member *e = &kl->a[--kl->n];
            int was_live = live(plan, e->idx, e->gen);
            if (was_live)
                wake_one(plan, e->idx);
            dm->stale--;
            if (was_live && plan->sim[e->idx].taken != d) /* else taken in order today */
                return e->idx;
        }
    }
    return UINT32_MAX;
}

/* Whether the member at place p of class kl comes before the one at q. */
static int place_before(const struct klass *kl, uint32_t p, uint32_t q)
{
    return member_before(&kl->a[p], &kl->a[q]);
}

/* Adds place p to the walk. */
static void walk_push(struct klass *kl, uint32_t p)
{
    size_t j = kl->n_walk++;
    while (j > 0 && place_before(kl, p, kl->walk[(j - 1) / 2])) {
        kl->walk[j] = kl->walk[(j - 1) / 2];
        j = (j - 1) / 2;
    }
    kl->walk[j] = p;
}

/* The walk takes its first place: its children in the class's heap take
 * part instead (each member comes after its parent there). */
static void walk_on(struct klass *kl)
{
    uint32_t first = kl->walk[0], held = kl->walk[--kl->n_walk];
    size_t k = 0, n = kl->n_walk;
    kl->head_ok = 0;
    if (n > 0) {
        for (;;) {
            size_t child = 2 * k + 1;
            if (child >= n)
                break;
            if (child + 1 < n && place_before(kl, kl->walk[child + 1], kl->walk[child]))
                child++;
            if (!place_before(kl, kl->walk[child], held))
                break;
            kl->walk[k] = kl->walk[child];
            k = child;
        }
        kl->walk[k] = held;
    }
    if (2 * (size_t)first + 1 < kl->n)
        walk_push(kl, 2 * first + 1);
    if (2 * (size_t)first + 2 < kl->n)
        walk_push(kl, 2 * first + 2);
}

/* The first live member of class c as a candidate of day d, in the fields
 * the big-rocks order reads; 0 when the class has none. Kept in the class
 * until its first member changes, goes stale or the day ends. */
static int head_of(struct plan *plan, int c, int32_t d, struct cand *out)
{
    struct ccad__dormant *dm = plan->dormant;
    struct klass *kl = &dm->klass[c];
    const struct member *e;
    if (kl->walk_day != d) { /* the day's walk starts at the first live member */
        while (kl->n > 0 && !live(plan, kl->a[0].idx, kl->a[0].gen)) {
            drop_first(kl);
            dm->stale--;
        }
        kl->n_walk = 0;
        if (kl->n > 0)
            kl->walk[kl->n_walk++] = 0;
        kl->walk_day = d;
        kl->walked_important = 0;
        kl->head_ok = 0;
    }
    if (kl->head_ok && live(plan, kl->head.idx, kl->head_gen)) {
        *out = kl->head;
        return 1;
    }
    while (kl->n_walk > 0 && !live(plan, kl->a[kl->walk[0]].idx, kl->a[kl->walk[0]].gen))
        walk_on(kl);
    if (kl->n_walk == 0)
        return 0;
    e = &kl->a[kl->walk[0]];
    memset(out, 0, sizeof *out);
    out->idx = e->idx;
    out->rank = e->rank;
    out->cls = out->quadrant = (uint8_t)(e->rank >> 24);
    out->esc = (uint8_t) ~(e->rank >> 8);
    out->grade = (uint8_t)e->rank;
    out->value = e->value;
    out->over = due_now_of(c) ? 0 : e->ref + avail_before(plan, kl, days_of(c), d);
    kl->head = *out;
    kl->head_gen = e->gen;
    kl->head_ok = 1;
    return 1;
}

int ccad__dormant_peek(struct plan *plan, int32_t d, struct cand *out)
{
    struct ccad__dormant *dm = plan->dormant;
    struct cand k;
    int c, j;
    if (dm == NULL || dm->members == 0)
        return 0;
    if (dm->next >= 0)
        return head_of(plan, dm->next, d, out);
    for (j = 0; j < dm->n_open;) {
        c = dm->open[j];
        if (!head_of(plan, c, d, &k)) {
            if (dm->klass[c].n == 0) { /* empty: no longer open */
                dm->is_open[c] = 0;
                dm->open[j] = dm->open[--dm->n_open];
            } else {
                j++; /* every member taken in order today */
            }
            continue;
        }
        if (dm->next < 0 || ccad__plan_cand_cmp(&k, out) < 0) {
            dm->next = c;
            *out = k;
        }
        j++;
    }
    return dm->next >= 0; /* 0: every member was taken in order today */
}

uint32_t ccad__dormant_pop(struct plan *plan)
{
    struct klass *kl = &plan->dormant->klass[plan->dormant->next];
    const struct member *e = &kl->a[kl->walk[0]];
    kl->walked_important += (e->rank >> 24) <= CCAD_Q2;
    plan->dormant->next = -1;
    walk_on(kl);
    return e->idx;
}

void ccad__dormant_count(struct plan *plan, int32_t d, int di)
{
    struct ccad__dormant *dm = plan->dormant;
    int c;
    if (dm == NULL || dm->members == 0)
        return;
    for (c = 0; c < KLASSES; c++)
        if (dm->klass[c].important > 0 && ccad__plan_sees(days_of(c), d))
            plan->cap_full[di] +=
                (int32_t)(dm->klass[c].important -
                          (dm->klass[c].walk_day == d ? dm->klass[c].walked_important : 0));
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
    return wake < INT32_MAX ? (int32_t)wake : INT32_MAX;
}

int ccad__dormant_admit(struct plan *plan, const struct cand *k, int32_t d)
{
    struct ccad__dormant *dm = plan->dormant;
    struct ccad__memo *memo = &plan->memo[k->idx];
    struct klass *kl;
    struct member e;
    int32_t wake, last = plan->o->first_day + plan->o->days - 1;
    int rc, c;
    if (memo->bits & MEMO_DORMANT) { /* taken in order while dormant (the day's walk) */
        if (!stays_waiting(plan, k))
            wake_one(plan, k->idx); /* it got an item */
        return CCAD_OK;
    }
    if (!stays_waiting(plan, k) || (wake = wake_day(plan, k, d)) <= d + 1)
        return CCAD_OK;
    c = klass_of(memo);
    kl = &dm->klass[c];
    if (!dm->is_open[c]) {
        dm->is_open[c] = 1;
        dm->open[dm->n_open++] = c;
    }
    if (wake <= last) {
        struct bell *bell = &dm->bell[wake - plan->o->first_day];
        if ((rc = ccad__plan_reserve(plan->s->ctx, (void **)&bell->a, &bell->cap, bell->n + 1,
                                     sizeof *bell->a)) != 0)
            return rc;
        bell->a[bell->n].idx = k->idx;
        bell->a[bell->n++].gen = (uint8_t)(memo->dormancy + 1);
    }
    if ((rc = ccad__plan_reserve(plan->s->ctx, (void **)&kl->a, &kl->cap, kl->n + 1,
                                 sizeof *kl->a)) != 0 ||
        (rc = ccad__plan_reserve(plan->s->ctx, (void **)&kl->walk, &kl->cap_walk, kl->n + 1,
                                 sizeof *kl->walk)) != 0)
        return rc;
    e.value = k->value;
    e.idx = k->idx;
    e.rank = k->rank;
    e.gen = ++memo->dormancy;
    e.ref = (memo->bits & MEMO_DUE_NOW) ? 0 : k->over - avail_before(plan, kl, days_of(c), d);
    kl->a[kl->n++] = e;
    member_up(kl, kl->n - 1);
    kl->head_ok = 0;
    kl->walk_day = INT32_MIN;
    kl->important += k->cls <= CCAD_Q2;
    memo->bits |= MEMO_DORMANT;
    plan->quiet[k->idx] = INT32_MAX;
    dm->members++;
    dm->next = -1;
    return CCAD_OK;
}
