/* Planning: schedules over a date range under capacity, the workload table
 * and the platforms. The calendar is read once through the context; the
 * simulation after that is pure. */
#include "internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- small growable arrays ---- */

static int reserve(ccad_ctx *ctx, void **p, size_t *cap, size_t need, size_t elem)
{
    size_t nc;
    void *q;
    if (need <= *cap)
        return CCAD_OK;
    nc = *cap ? *cap : 64;
    while (nc < need) {
        if (nc > SIZE_MAX / 2 / elem)
            return ccad__fail(ctx, CCAD_EOVERFLOW, "schedule too large");
        nc *= 2;
    }
    q = ccad__realloc(ctx, *p, *cap * elem, nc * elem);
    if (q == NULL)
        return ccad__fail(ctx, CCAD_ENOMEM, "ccad_schedule_new: out of memory");
    *p = q;
    *cap = nc;
    return CCAD_OK;
}

struct item_rec {
    int32_t date;
    uint32_t customer;
    int32_t rolled_from;
    uint32_t reason_off;
    int32_t moved_from;   /* weekly assignment: the planner's day, or CCAD_NO_DATE */
    int32_t saved;        /* weekly assignment: estimated travel saved */
    int32_t eta, depart;  /* minutes after midnight, -1 if not routed */
    int32_t travel;
    uint32_t priority;
    uint16_t seq, svc; /* svc: service minutes of the contact */
    uint8_t kind, quadrant, delegated, block_day, reason_n, late;
};

struct find_rec {
    int64_t customer;
    int32_t date;
    uint32_t reason_off;
    uint8_t kind, reason_n;
};

struct ccad_schedule {
    ccad_ctx *ctx;
    struct item_rec *items;
    size_t n_items, cap_items;
    struct find_rec *finds;
    size_t n_finds, cap_finds;
    ccad_reason *reasons;
    size_t n_reasons, cap_reasons;
    int32_t lead;
    int keep;
    int32_t first_day, days;
    uint32_t *day_flags; /* calendar flags of each day */
    int32_t *day_travel; /* route travel with the way back, per day */
    int32_t *day_back;   /* back at base, per day; -1 if not routed */
};

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
    if ((rc = reserve(s->ctx, (void **)&s->reasons, &s->cap_reasons, s->n_reasons + n,
                      sizeof *s->reasons)) != 0)
        return rc;
    memcpy(s->reasons + s->n_reasons, r, n * sizeof *r);
    *off = (uint32_t)s->n_reasons;
    *count = (uint8_t)n;
    s->n_reasons += n;
    return CCAD_OK;
}

static ccad_reason reason(int rule, int why, int64_t a, int64_t b, int64_t c)
{
    ccad_reason r;
    r.rule = rule;
    r.why = why;
    r.a = a;
    r.b = b;
    r.c = c;
    return r;
}

static int add_finding(ccad_schedule *s, int kind, int64_t customer, int32_t date,
                       const ccad_reason *r, size_t n)
{
    struct find_rec *f;
    int rc;
    if ((rc = reserve(s->ctx, (void **)&s->finds, &s->cap_finds, s->n_finds + 1,
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

/* ---- workload ---- */

struct load {
    int64_t customers[4];
    int64_t milli[4]; /* contacts needed x 1000 */
};

/* Contacts each grade needs in `period` days, from each customer's
 * frequency on `today` (self-driven let-go included). */
static void measure_load(const ccad_book *b, const int64_t *v, int32_t today, int32_t period,
                         struct load *L)
{
    ccad_assessment a;
    size_t i;
    memset(L, 0, sizeof *L);
    for (i = 0; i < b->n; i++) {
        struct cust c;
        int g;
        if (ccad__inactive(b->c[i].status))
            continue;
        ccad__unpack(b, i, &c);
        ccad__assess(b, v, &c, today, &a, 0);
        g = a.grade >= CCAD_GRADE_A && a.grade <= CCAD_GRADE_D ? a.grade - 1 : 2;
        L->customers[g]++;
        if (a.freq_count > 0 && a.interval_days > 0) {
            int64_t base = a.freq_period_days / a.freq_count;
            int64_t factor = base > 0 && a.interval_days > base ? a.interval_days / base : 1;
            L->milli[g] += (int64_t)a.freq_count * period * 1000 / (a.freq_period_days * factor);
        }
    }
}

static int32_t clamp32(int64_t v) { return v > INT32_MAX ? INT32_MAX : (int32_t)v; }

static void fill_workload(const struct load *L, int64_t capacity, ccad_workload *w)
{
    int64_t total_c = 0, excess;
    int g;
    w->visits = 0;
    for (g = 0; g < 4; g++) {
        w->rows[g].customers = L->customers[g];
        w->rows[g].visits = (L->milli[g] + 500) / 1000;
        w->visits += w->rows[g].visits;
        total_c += L->customers[g];
        w->cut[g] = 0;
    }
    w->capacity = capacity;
    w->rounds_x100 = total_c > 0 ? clamp32(capacity * 100 / total_c) : 0;
    w->over = w->visits > capacity;
    excess = w->visits - capacity;
    for (g = 3; g >= 0 && excess > 0; g--) {
        w->cut[g] = w->rows[g].visits < excess ? w->rows[g].visits : excess;
        excess -= w->cut[g];
    }
    w->stretch_x100 = w->over && capacity > 0
                          ? clamp32((w->visits * 100 + capacity - 1) / capacity)
                          : 100;
}

int ccad_book_workload(const ccad_book *book, const ccad_rules *rules, int32_t today,
                       ccad_workload *io)
{
    static const char fn[] = "ccad_book_workload";
    struct load L;
    ccad_workload w;
    int64_t field;
    int rc;
    if (book == NULL)
        return CCAD_EINVAL;
    if (rules == NULL || io == NULL)
        return ccad__fail(book->ctx, CCAD_EINVAL, "%s: NULL argument", fn);
    if (!CCAD__SIZE_OK(io->size, ccad_workload))
        return ccad__fail(book->ctx, CCAD_EVERSION, "%s: ccad_workload.size %lu not supported",
                          fn, (unsigned long)io->size);
    if (!ccad__date_ok(today))
        return ccad__fail(book->ctx, CCAD_ERANGE, "%s: bad day", fn);
    if (io->period_days < 1 || io->period_days > 366 || io->field_days < 0 ||
        io->field_days > io->period_days || io->visits_per_day < 1 ||
        io->visits_per_day > 1000)
        return ccad__fail(book->ctx, CCAD_ERANGE,
                          "%s: period 1..366 days, field days 0..period, visits per day 1..1000",
                          fn);
    if ((rc = ccad__check_graded(book, rules, fn)) != 0)
        return rc;
    w = *io;
    field = w.field_days > 0 ? w.field_days
                             : (rules->v[P_WORKLOAD_FIELD_DAYS] * w.period_days + 15) / 30;
    measure_load(book, rules->v, today, w.period_days, &L);
    fill_workload(&L, field * w.visits_per_day, &w);
    *io = w;
    return CCAD_OK;
}

/* ---- platforms ---- */

/* The platform sizes and warnings of a book (PLATFORM); shared by
 * ccad_book_platform and the schedule's findings. */
static void platform_counts(const ccad_book *book, const int64_t *v, ccad_platform *p)
{
    size_t i;
    for (i = 0; i < book->n; i++) {
        const struct crec *c = &book->c[i];
        int g = ccad__rgrade(c);
        if (c->status == CCAD_STATUS_ELIMINATED)
            continue;
        p->market[0]++;
        p->market[g]++;
        if (c->status == CCAD_STATUS_RELEASED)
            continue;
        p->working[0]++;
        p->working[g]++;
        if (c->status == CCAD_STATUS_ACTIVE || c->status == CCAD_STATUS_KEY) {
            p->buying[0]++;
            p->buying[g]++;
        }
        if (c->status == CCAD_STATUS_KEY)
            p->key_accounts++;
    }
    p->working_cap = v[P_PLATFORM_CAP];
    p->over_cap = p->working[0] > p->working_cap;
    p->c_heavy = (p->working[CCAD_GRADE_C] + p->working[CCAD_GRADE_D]) * 100 >
                 v[P_PLATFORM_C_MAX] * p->working[0];
}

int ccad_book_platform(const ccad_book *book, const ccad_rules *rules, ccad_platform *out)
{
    static const char fn[] = "ccad_book_platform";
    ccad_platform p;
    int rc;
    if (book == NULL)
        return CCAD_EINVAL;
    if (rules == NULL || out == NULL)
        return ccad__fail(book->ctx, CCAD_EINVAL, "%s: NULL argument", fn);
    if (!CCAD__SIZE_OK(out->size, ccad_platform))
        return ccad__fail(book->ctx, CCAD_EVERSION, "%s: ccad_platform.size not supported", fn);
    if ((rc = ccad__check_graded(book, rules, fn)) != 0)
        return rc;
    memset(&p, 0, sizeof p);
    p.size = out->size;
    platform_counts(book, rules->v, &p);
    *out = p;
    return CCAD_OK;
}

int ccad_book_choose_working(const ccad_book *book, const ccad_rules *rules,
                             uint8_t *out_choice, size_t n)
{
    static const char fn[] = "ccad_book_choose_working";
    uint32_t *idx;
    size_t i, m = 0;
    int64_t a_left, b_left, r_left;
    int rc, pass;
    if (book == NULL)
        return CCAD_EINVAL;
    if (rules == NULL || out_choice == NULL || n != book->n)
        return ccad__fail(book->ctx, CCAD_EINVAL,
                          "%s: NULL argument or n is not the book's count", fn);
    if ((rc = ccad__check_graded(book, rules, fn)) != 0)
        return rc;
    if (n == 0)
        return CCAD_OK;
    idx = ccad__alloc(book->ctx, 2 * n * sizeof *idx);
    if (idx == NULL)
        return ccad__fail(book->ctx, CCAD_ENOMEM, "%s: out of memory", fn);
    for (i = 0; i < n; i++)
        if (!ccad__inactive(book->c[i].status))
            idx[m++] = (uint32_t)i;
    ccad__sort_by_value(book, idx, idx + n, m);
    memset(out_choice, CCAD_CHOICE_NONE, n);
    a_left = rules->v[P_PLATFORM_CAP_A];
    b_left = rules->v[P_PLATFORM_CAP_B];
    r_left = rules->v[P_PLATFORM_RESERVE];
    for (i = 0; i < m; i++) {
        int g = ccad__rgrade(&book->c[idx[i]]);
        if (g == CCAD_GRADE_A && a_left > 0) {
            out_choice[idx[i]] = CCAD_CHOICE_A;
            a_left--;
        } else if (g == CCAD_GRADE_B && b_left > 0) {
            out_choice[idx[i]] = CCAD_CHOICE_B;
            b_left--;
        }
    }
    /* reserve: the next best B, then the next best A */
    for (pass = CCAD_GRADE_B; pass >= CCAD_GRADE_A; pass--)
        for (i = 0; i < m && r_left > 0; i++)
            if (out_choice[idx[i]] == CCAD_CHOICE_NONE && ccad__rgrade(&book->c[idx[i]]) == pass) {
                out_choice[idx[i]] = CCAD_CHOICE_RESERVE;
                r_left--;
            }
    ccad__free(book->ctx, idx);
    return CCAD_OK;
}

/* ---- schedules ---- */

struct sim {
    int32_t last;        /* simulated last contact, CCAD_NO_DATE if none */
    int32_t next_step;   /* next step still pending */
    int32_t waiting;     /* first day it was due and got no room */
    int32_t block_start; /* first day of the latest persist block */
    int32_t first_due;   /* first day in the range it was due */
    int32_t worst_gap, worst_gap_end; /* longest planned gap of a watched customer */
    uint32_t planned;    /* contacts planned for it */
    int32_t contact_day; /* day of the latest planned contact */
    uint8_t block_left;  /* persist block days still to place */
    uint8_t dropped;     /* best-effort contact dropped */
    int32_t dropped_from, dropped_on;
};

struct cand {
    uint32_t idx;
    uint8_t cls;    /* the quadrant 1..4: big rocks first */
    uint8_t block;  /* 1 if a persist block is under way: first within its quadrant */
    uint8_t esc, grade, quadrant;
    int32_t over, due;
    int64_t value;
};

static int cand_cmp(const void *pa, const void *pb)
{
    const struct cand *a = pa, *b = pb;
    if (a->cls != b->cls)
        return a->cls < b->cls ? -1 : 1;
    if (a->block != b->block)
        return a->block > b->block ? -1 : 1;
    if (a->esc != b->esc)
        return a->esc > b->esc ? -1 : 1;
    if (a->grade != b->grade) /* bigger rocks first */
        return a->grade < b->grade ? -1 : 1;
    if (a->over != b->over)
        return a->over > b->over ? -1 : 1;
    if (a->value != b->value)
        return a->value > b->value ? -1 : 1;
    return a->idx < b->idx ? -1 : a->idx > b->idx;
}

static int early_cmp(const void *pa, const void *pb)
{
    const struct cand *a = pa, *b = pb;
    if (a->due != b->due)
        return a->due < b->due ? -1 : 1;
    return cand_cmp(pa, pb);
}

/* The stored customer as the simulation sees it on a day. */
static void sim_view(const struct cust *c, const struct sim *m, struct cust *out)
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

static int grade_index(int g) { return g >= CCAD_GRADE_A && g <= CCAD_GRADE_D ? g - 1 : 2; }

/* Appends an item with the planner's reason first, then the assessment's
 * reasons that explain the contact. */
static int add_item(ccad_schedule *s, const struct cand *c, int32_t d, int kind, int delegated,
                    int32_t rolled_from, int block_day, uint32_t priority, const ccad_reason *lead,
                    const ccad_assessment *a)
{
    ccad_reason r[CCAD_ITEM_REASONS_MAX];
    size_t n = 0;
    uint32_t k;
    struct item_rec *it;
    int rc;
    if ((rc = reserve(s->ctx, (void **)&s->items, &s->cap_items, s->n_items + 1,
                      sizeof *s->items)) != 0)
        return rc;
    if (s->keep) {
        r[n++] = *lead;
        for (k = 0; k < a->reason_count && n < CCAD_ITEM_REASONS_MAX; k++) {
            int w = a->reasons[k].why;
            if (w == CCAD_WHY_URGENCY_PURCHASE || w == CCAD_WHY_URGENCY_COMPLAINT ||
                w == CCAD_WHY_URGENCY_REQUEST || w == CCAD_WHY_QUADRANT || w == CCAD_WHY_FREQ ||
                w == CCAD_WHY_FREQ_LET_GO || w == CCAD_WHY_DUE || w == CCAD_WHY_DUE_NEXT_STEP ||
                w == CCAD_WHY_DUE_EVENT || w == CCAD_WHY_OVERDUE || w == CCAD_WHY_NEVER_CONTACTED ||
                w == CCAD_WHY_TRIAGE)
                r[n++] = a->reasons[k];
        }
    }
    it = &s->items[s->n_items];
    it->date = d;
    it->customer = c->idx;
    it->kind = (uint8_t)kind;
    it->quadrant = c->quadrant;
    it->delegated = (uint8_t)delegated;
    it->rolled_from = rolled_from;
    it->block_day = (uint8_t)block_day;
    it->priority = priority;
    it->svc = 0;
    it->moved_from = CCAD_NO_DATE;
    it->saved = 0;
    it->eta = it->depart = -1;
    it->travel = 0;
    it->seq = 0;
    it->late = 0;
    if ((rc = add_reasons(s, r, n, &it->reason_off, &it->reason_n)) != 0)
        return rc;
    s->n_items++;
    return CCAD_OK;
}

struct plan {
    const ccad_book *b;
    struct cust *cw;      /* the book's customers in working form */
    const int64_t *v;     /* rules in force (stretched copy under the stretch policy) */
    ccad_schedule *s;
    struct sim *sim;
    struct cand *cand;
    const uint32_t *day_flags;
    const ccad_plan_options *o;
    int32_t *cap_full;    /* per day: important contacts without room */
    int32_t *cap_used;
};

/* Records that customer c was contacted on day d in the simulation. */
static void contacted(struct plan *P, uint32_t i, int32_t d)
{
    struct sim *m = &P->sim[i];
    const struct cust *c = &P->cw[i];
    int32_t prev = m->planned ? m->contact_day : c->last_contact;
    int g = ccad__grade(c);
    if (prev != CCAD_NO_DATE && g != CCAD_GRADE_NONE && (P->v[P_GAP_GRADES] & (1 << (g - 1))) &&
        d - prev > m->worst_gap) {
        m->worst_gap = d - prev;
        m->worst_gap_end = d;
    }
    m->last = d;
    m->contact_day = d;
    m->next_step = CCAD_NO_DATE;
    m->planned++;
    m->waiting = CCAD_NO_DATE;
}

/* KEEPWARM: a touch for each A/B customer on a special date, unless the
 * customer already has a contact planned that day; touches come last. */
static int add_touches(struct plan *P, int di, uint32_t prio)
{
    const ccad_book *b = P->b;
    const int64_t *v = P->v;
    ccad_schedule *s = P->s;
    int32_t d = P->o->first_day + di;
    ccad_assessment a;
    struct cust view;
    size_t i;
    int rc;
    if (!(P->day_flags[di] & CCAD_DAY_SPECIAL))
        return CCAD_OK;
    for (i = 0; i < b->n; i++) {
        const struct cust *c = &P->cw[i];
        int g = ccad__grade(c);
        struct cand k;
        ccad_reason r = reason(CCAD_RULE_KEEPWARM, CCAD_WHY_KEEPWARM_TOUCH, d, 0, 0);
        if (ccad__inactive(c->status) || g == CCAD_GRADE_NONE ||
            !(v[P_KEEPWARM_GRADES] & (1 << (g - 1))))
            continue;
        if (P->sim[i].planned > 0 && P->sim[i].contact_day == d)
            continue;
        memset(&k, 0, sizeof k);
        k.idx = (uint32_t)i;
        sim_view(c, &P->sim[i], &view);
        ccad__assess(b, v, &view, d, &a, 0);
        k.quadrant = (uint8_t)a.quadrant;
        a.reason_count = 0;
        if ((rc = add_item(s, &k, d, CCAD_ITEM_TOUCH, CCAD_BY_REP, CCAD_NO_DATE, 0, ++prio, &r,
                           &a)) != 0)
            return rc;
    }
    return CCAD_OK;
}

static int plan_day(struct plan *P, int di)
{
    const ccad_book *b = P->b;
    const int64_t *v = P->v;
    ccad_schedule *s = P->s;
    int32_t d = P->o->first_day + di;
    uint32_t fl = P->day_flags[di];
    int working = (fl & CCAD_DAY_WORKING) != 0, absent = (fl & CCAD_DAY_ABSENT) != 0;
    size_t i, nc = 0, ne = 0;
    int32_t used = 0, minutes = 0;
    uint32_t prio = 0;
    ccad_assessment a;
    ccad_brief br;
    struct ccad__lean L;
    struct cust view;
    int rc, ahead;
    /* levelling: contacts falling due on each of the next days beyond that
     * day's capacity (over_by), from the due counts (and minutes) */
    int pull = (int)v[P_CAP_PULL_AHEAD];
    int64_t over_by[31], over_min[31];

    memset(over_by, 0, sizeof over_by);
    memset(over_min, 0, sizeof over_min);
    if (!working) {
        P->cap_used[di] = 0;
        return add_touches(P, di, 0);
    }

    /* the day's scan needs only what a brief holds */
    ccad__lean_init(&L, v, d);

    for (i = 0; i < b->n; i++) {
        const struct cust *c = &P->cw[i];
        struct sim *m = &P->sim[i];
        struct cand *k = &P->cand[nc];
        if (ccad__inactive(c->status))
            continue;
        sim_view(c, m, &view);
        ccad__brief_cust(&L, &view, &br);
        if (m->dropped) {
            /* a dropped best-effort contact stays dropped while the customer
             * is in Q4; anything urgent or important brings it back */
            if (br.quadrant == CCAD_Q4)
                continue;
            m->dropped = 0;
            m->waiting = CCAD_NO_DATE;
        }
        if (m->block_left == 0 && !(br.flags & CCAD_F_DUE)) {
            /* not due: count the load of the coming days, and keep important
             * contacts as candidates to pull forward into spare room */
            if (br.due_date != CCAD_NO_DATE && br.due_date <= d + pull) {
                int ah = (int)(br.due_date - d);
                over_by[ah]++;
                over_min[ah] += v[P_SERVICE_A + grade_index(br.grade)];
            }
            if (!absent && br.due_date != CCAD_NO_DATE && br.due_date <= d + pull &&
                (br.quadrant == CCAD_Q1 || br.quadrant == CCAD_Q2)) {
                struct cand *e = &P->cand[b->n - 1 - ne++];
                e->idx = (uint32_t)i;
                e->quadrant = (uint8_t)br.quadrant;
                e->cls = (uint8_t)br.quadrant;
                e->block = 0;
                e->esc = 0;
                e->over = 0;
                e->due = br.due_date;
                e->grade = (uint8_t)br.grade;
                e->value = c->value;
            }
            continue;
        }
        if (m->first_due == CCAD_NO_DATE)
            m->first_due = d;
        k->idx = (uint32_t)i;
        k->quadrant = (uint8_t)br.quadrant;
        /* An open complaint makes the customer urgent, so it is Q1 when
         * important and Q3 (delegable) when not. */
        k->cls = (uint8_t)br.quadrant;
        k->block = m->block_left > 0;
        k->esc = (uint8_t)br.escalation;
        k->over = br.days_overdue;
        k->due = br.due_date;
        k->grade = (uint8_t)br.grade;
        k->value = c->value;
        nc++;
    }
    if (nc > 1)
        qsort(P->cand, nc, sizeof *P->cand, cand_cmp);

    for (i = 0; i < nc; i++) {
        const struct cand *k = &P->cand[i];
        const struct cust *c = &P->cw[k->idx];
        struct sim *m = &P->sim[k->idx];
        int32_t svc = (int32_t)v[P_SERVICE_A + grade_index(k->grade)];
        int fits = (P->o->visits_per_day == 0 || used < P->o->visits_per_day) &&
                   (P->o->minutes_per_day == 0 || minutes + svc <= P->o->minutes_per_day);
        int kind = k->quadrant == CCAD_Q4 ? CCAD_ITEM_CALL : CCAD_ITEM_VISIT;
        int block_day = 0, delegated = CCAD_BY_REP;
        int32_t rolled = m->waiting;
        ccad_reason lead;

        sim_view(c, m, &view);
        ccad__assess(b, v, &view, d, &a, s->keep);
        lead = reason(CCAD_RULE_QUADRANT, CCAD_WHY_PLAN_DUE, k->due, k->cls, k->over);
        if (m->block_left > 0) {
            kind = CCAD_ITEM_PERSIST;
            block_day = (int)(v[P_PERSIST_BLOCK] - m->block_left + 1);
        } else if (a.strategy == CCAD_STRATEGY_PERSIST &&
                   (m->block_start == CCAD_NO_DATE || d - m->block_start >= v[P_PERSIST_CYCLE])) {
            kind = CCAD_ITEM_PERSIST;
            block_day = 1;
        } else if (a.complaint == CCAD_COMPLAINT_RESOLVED && a.care_date != CCAD_NO_DATE &&
                   a.care_date <= d &&
                   (view.last_contact == CCAD_NO_DATE || view.last_contact < a.care_date)) {
            kind = CCAD_ITEM_CARE;
            lead = reason(CCAD_RULE_COMPLAINT, CCAD_WHY_CARE_CONTACT, c->complaint_date, a.care_date, 0);
        }
        if (block_day > 0)
            lead = reason(CCAD_RULE_PERSIST, CCAD_WHY_PERSIST_BLOCK, block_day, v[P_PERSIST_BLOCK],
                          v[P_PERSIST_CYCLE]);

        if (absent) {
            if (k->cls == 4 && !k->block) {
                if (m->waiting == CCAD_NO_DATE)
                    m->waiting = d;
                continue;
            }
            delegated = CCAD_BY_SUBSTITUTE;
            lead = reason(CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_ABSENT, d, 0, 0);
        } else if (!fits) {
            if (k->cls == 3 && !k->block && v[P_CAP_DELEGATE_Q3]) {
                delegated = CCAD_BY_COLLEAGUE;
                lead = P->o->visits_per_day > 0
                           ? reason(CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_DELEGATED, used,
                                    P->o->visits_per_day, 0)
                           : reason(CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_DELEGATED, minutes,
                                    P->o->minutes_per_day, 1);
            } else {
                if (m->waiting == CCAD_NO_DATE)
                    m->waiting = d;
                if (k->cls == 4 && !k->block && d - m->waiting >= v[P_CAP_Q4_ROLLOVER]) {
                    m->dropped = 1;
                    m->dropped_from = m->waiting;
                    m->dropped_on = d;
                } else if (k->cls <= 2) {
                    P->cap_full[di]++;
                }
                if (m->block_left > 0)
                    m->block_left = 0; /* a block broken by lack of room ends */
                continue;
            }
        }
        if (block_day == 1 && delegated != CCAD_BY_REP) {
            /* a block is the rep's own work: a delegated first day is a plain visit */
            block_day = 0;
            kind = k->quadrant == CCAD_Q4 ? CCAD_ITEM_CALL : CCAD_ITEM_VISIT;
        }
        if (rolled != CCAD_NO_DATE && delegated == CCAD_BY_REP && block_day <= 1 &&
            lead.why == CCAD_WHY_PLAN_DUE)
            lead = reason(CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_ROLLED, rolled, d - rolled, 0);
        if (block_day == 1) {
            m->block_start = d;
            m->block_left = (uint8_t)(v[P_PERSIST_BLOCK] - 1);
        } else if (block_day > 1) {
            m->block_left--;
        }
        prio++;
        if ((rc = add_item(s, k, d, kind, delegated, rolled, block_day, prio, &lead, &a)) != 0)
            return rc;
        s->items[s->n_items - 1].svc = (uint16_t)svc;
        if (delegated == CCAD_BY_REP) {
            used++;
            minutes += svc;
        }
        contacted(P, k->idx, d);
    }
    /* How far each coming day is over its capacity (0 if not working). */
    for (ahead = 1; ahead <= pull && di + ahead < P->o->days; ahead++) {
        uint32_t f = P->day_flags[di + ahead];
        int room = (f & CCAD_DAY_WORKING) && !(f & CCAD_DAY_ABSENT);
        int64_t over = 0;
        if (!room)
            over = over_by[ahead];
        else {
            if (P->o->visits_per_day > 0 && over_by[ahead] > P->o->visits_per_day)
                over = over_by[ahead] - P->o->visits_per_day;
            if (P->o->minutes_per_day > 0 && over_min[ahead] > P->o->minutes_per_day) {
                int64_t by_min = (over_min[ahead] - P->o->minutes_per_day +
                                  v[P_SERVICE_B] - 1) / v[P_SERVICE_B];
                if (by_min > over)
                    over = by_min;
            }
        }
        over_by[ahead] = over;
    }
    for (; ahead <= pull; ahead++)
        over_by[ahead] = 0; /* beyond the range: no knowledge, no pulling */
    /* Spare room: pull important contacts forward from coming days that are
     * over capacity, earliest first, so that work is levelled across days
     * without raising anyone's frequency. */
    if (!absent && ne > 0) {
        struct cand *e = P->cand + b->n - ne;
        qsort(e, ne, sizeof *e, early_cmp);
        for (i = 0; i < ne; i++) {
            const struct cand *k = &e[i];
            const struct cust *c = &P->cw[k->idx];
            int32_t svc = (int32_t)v[P_SERVICE_A + grade_index(k->grade)];
            ccad_reason lead;
            if ((P->o->visits_per_day > 0 && used >= P->o->visits_per_day) ||
                (P->o->minutes_per_day > 0 && minutes + svc > P->o->minutes_per_day))
                break;
            if (over_by[k->due - d] <= 0)
                continue;
            sim_view(c, &P->sim[k->idx], &view);
            ccad__assess(b, v, &view, d, &a, s->keep);
            lead = reason(CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_EARLY, k->due, k->due - d, 0);
            prio++;
            if ((rc = add_item(s, k, d, k->quadrant == CCAD_Q4 ? CCAD_ITEM_CALL : CCAD_ITEM_VISIT,
                               CCAD_BY_REP, CCAD_NO_DATE, 0, prio, &lead, &a)) != 0)
                return rc;
            s->items[s->n_items - 1].svc = (uint16_t)svc;
            used++;
            minutes += svc;
            contacted(P, k->idx, d);
            over_by[k->due - d]--;
        }
    }
    P->cap_used[di] = used;
    return add_touches(P, di, prio);
}

/* ---- routes: weekly day assignment and time arrangement ---- */

static int item_cmp(const void *pa, const void *pb)
{
    const struct item_rec *a = pa, *b = pb;
    if (a->date != b->date)
        return a->date < b->date ? -1 : 1;
    if ((a->kind == CCAD_ITEM_TOUCH) != (b->kind == CCAD_ITEM_TOUCH))
        return a->kind == CCAD_ITEM_TOUCH ? 1 : -1; /* touches last */
    if (a->priority != b->priority)
        return a->priority < b->priority ? -1 : 1;
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    return a->customer < b->customer ? -1 : a->customer > b->customer;
}

/* Final order: by day; routed stops in route order, then the rest by
 * priority (touches last). */
static int route_cmp(const void *pa, const void *pb)
{
    const struct item_rec *a = pa, *b = pb;
    if (a->date != b->date)
        return a->date < b->date ? -1 : 1;
    if ((a->seq == 0) != (b->seq == 0))
        return a->seq != 0 ? -1 : 1;
    if (a->seq != b->seq)
        return a->seq < b->seq ? -1 : 1;
    return item_cmp(pa, pb);
}

/* Items by day, then priority (touches last); priorities renumbered 1.. per day. */
static void sort_items(ccad_schedule *s)
{
    size_t i;
    uint32_t prio = 0;
    qsort(s->items, s->n_items, sizeof *s->items, item_cmp);
    for (i = 0; i < s->n_items; i++) {
        if (i == 0 || s->items[i].date != s->items[i - 1].date)
            prio = 0;
        s->items[i].priority = ++prio;
    }
}

/* Stops the rep drives to: visits, persist days and care contacts by the
 * rep (calls and touches are made from anywhere). */
static int routed(const struct item_rec *it)
{
    return it->delegated == CCAD_BY_REP && it->kind != CCAD_ITEM_TOUCH &&
           it->kind != CCAD_ITEM_CALL;
}

static void cust_xy(const struct plan *P, uint32_t ci, double *x, double *y)
{
    const struct cust *c = &P->cw[ci];
    if (c->bits & CB_HAS_LOC) {
        *x = c->x;
        *y = c->y;
    } else {
        *x = P->o->base_x; /* no location: treated as at the base */
        *y = P->o->base_y;
    }
}

static int64_t straight(const struct plan *P, double x1, double y1, double x2, double y2)
{
    return ccad__straight_cost(P->o->metric, P->o->scale, x1, y1, x2, y2);
}

/* Distance from item i's customer to the nearest other routed stop of day
 * d, or to the base. */
static int64_t nearest_on(const struct plan *P, size_t i, int32_t d, const uint32_t *head,
                          const uint32_t *next)
{
    const ccad_schedule *s = P->s;
    double x, y, bx = P->o->base_x, by = P->o->base_y;
    int64_t best;
    uint32_t j;
    cust_xy(P, s->items[i].customer, &x, &y);
    best = straight(P, x, y, bx, by);
    for (j = head[d - P->o->first_day]; j != UINT32_MAX; j = next[j]) {
        double x2, y2;
        int64_t c;
        if (j == i || !routed(&s->items[j]))
            continue;
        cust_xy(P, s->items[j].customer, &x2, &y2);
        c = straight(P, x, y, x2, y2);
        if (c < best)
            best = c;
    }
    return best;
}

static int64_t week_of(int32_t d) { return d >= -3 ? (d + 3) / 7 : -((-(int64_t)d - 3 + 6) / 7); }

/* Moves flexible visits (Q2/Q4, by the rep, not rolled over, not blocks)
 * to the day before or after, in the same ISO week, when the stop lies
 * closer to that day's other stops; capacity, visit weekdays and a
 * one-day distance to the customer's other contacts are kept. */
static int assign_days(struct plan *P)
{
    ccad_schedule *s = P->s;
    const ccad_plan_options *o = P->o;
    const int64_t *v = P->v;
    size_t n = s->n_items, i;
    uint32_t *head, *next;
    int32_t *load, *mins;
    int pass, rc = CCAD_OK;
    if (n == 0)
        return CCAD_OK;
    head = ccad__alloc(s->ctx, (size_t)o->days * sizeof *head);
    next = ccad__alloc(s->ctx, n * sizeof *next);
    load = ccad__alloc(s->ctx, 2 * (size_t)o->days * sizeof *load);
    if (head == NULL || next == NULL || load == NULL) {
        rc = ccad__fail(s->ctx, CCAD_ENOMEM, "ccad_schedule_new: out of memory");
        goto done;
    }
    mins = load + o->days;
    memset(load, 0, 2 * (size_t)o->days * sizeof *load);
    for (i = 0; i < (size_t)o->days; i++)
        head[i] = UINT32_MAX;
    for (i = n; i-- > 0;) {
        struct item_rec *it = &s->items[i];
        size_t di = (size_t)(it->date - o->first_day);
        next[i] = head[di];
        head[di] = (uint32_t)i;
        if (it->delegated == CCAD_BY_REP && it->kind != CCAD_ITEM_TOUCH) {
            /* capacity counts all the rep's contacts, calls included */
            load[di]++;
            mins[di] += (int32_t)v[P_SERVICE_A + grade_index(ccad__grade(&P->cw[it->customer]))];
        }
    }
    for (pass = 0; pass < 4; pass++) {
        int moved = 0;
        for (i = 0; i < n; i++) {
            struct item_rec *it = &s->items[i];
            const struct cust *c = &P->cw[it->customer];
            int32_t cur = it->date, best_d = cur, dd;
            int32_t svc = (int32_t)v[P_SERVICE_A + grade_index(ccad__grade(c))];
            int64_t here, best = 0;
            if (!routed(it) || (it->quadrant != CCAD_Q2 && it->quadrant != CCAD_Q4) ||
                it->rolled_from != CCAD_NO_DATE || it->block_day != 0 || !(c->bits & CB_HAS_LOC))
                continue;
            here = nearest_on(P, i, cur, head, next);
            for (dd = -1; dd <= 1; dd++) {
                /* at most one day from the day the planner chose */
                int32_t orig = it->moved_from != CCAD_NO_DATE ? it->moved_from : cur;
                int32_t d = orig + dd, e;
                size_t di;
                int clash = 0;
                int64_t there;
                if (d == cur)
                    continue;
                di = (size_t)(d - o->first_day);
                if (d < o->first_day || d >= o->first_day + o->days || week_of(d) != week_of(cur))
                    continue;
                if (!(P->day_flags[di] & CCAD_DAY_WORKING) || (P->day_flags[di] & CCAD_DAY_ABSENT))
                    continue;
                if (c->visit_days && !(c->visit_days & (1u << (ccad__weekday(d) - 1))))
                    continue;
                if ((o->visits_per_day > 0 && load[di] >= o->visits_per_day) ||
                    (o->minutes_per_day > 0 && mins[di] + svc > o->minutes_per_day))
                    continue;
                for (e = d - 1; e <= d + 1 && !clash; e++) {
                    uint32_t j;
                    if (e < o->first_day || e >= o->first_day + o->days)
                        continue;
                    for (j = head[e - o->first_day]; j != UINT32_MAX; j = next[j])
                        if (j != i && s->items[j].customer == it->customer)
                            clash = 1;
                }
                if (clash)
                    continue;
                there = nearest_on(P, i, d, head, next);
                if (there - here < best) {
                    best = there - here;
                    best_d = d;
                }
            }
            if (best_d != cur) {
                size_t from = (size_t)(cur - o->first_day), to = (size_t)(best_d - o->first_day);
                uint32_t *pp = &head[from];
                while (*pp != i)
                    pp = &next[*pp];
                *pp = next[i];
                next[i] = head[to];
                head[to] = (uint32_t)i;
                load[from]--;
                mins[from] -= svc;
                load[to]++;
                mins[to] += svc;
                if (it->moved_from == CCAD_NO_DATE)
                    it->moved_from = cur;
                it->saved += (int32_t)(-best > INT32_MAX ? INT32_MAX : -best);
                if (it->moved_from == best_d) {
                    it->moved_from = CCAD_NO_DATE;
                    it->saved = 0;
                }
                it->date = best_d;
                it->priority = UINT32_MAX; /* after the day's own items; renumbered below */
                moved++;
            }
        }
        if (moved == 0)
            break;
    }
    sort_items(s);
done:
    ccad__free(s->ctx, head);
    ccad__free(s->ctx, next);
    ccad__free(s->ctx, load);
    return rc;
}

/* Orders each day's routed stops and gives them times. */
static int route_days(struct plan *P)
{
    ccad_schedule *s = P->s;
    const ccad_plan_options *o = P->o;
    const int64_t *v = P->v;
    ccad_ctx *ctx = s->ctx;
    size_t a = 0, maxday = 0, i;
    double *xs = NULL, *ys = NULL;
    uint32_t *order = NULL, *stop = NULL;
    int rc = CCAD_OK;
    ccad_route_options ro = CCAD_ROUTE_OPTIONS_INIT;

    for (i = 0; i < s->n_items;) {
        size_t j = i, cnt = 0;
        while (j < s->n_items && s->items[j].date == s->items[i].date)
            cnt += (size_t)routed(&s->items[j++]);
        if (cnt > maxday)
            maxday = cnt;
        i = j;
    }
    if (maxday == 0)
        return CCAD_OK;
    xs = ccad__alloc(ctx, (maxday + 1) * sizeof *xs);
    ys = ccad__alloc(ctx, (maxday + 1) * sizeof *ys);
    order = ccad__alloc(ctx, (maxday + 1) * sizeof *order);
    stop = ccad__alloc(ctx, (maxday + 1) * sizeof *stop);
    if (xs == NULL || ys == NULL || order == NULL || stop == NULL) {
        rc = ccad__fail(ctx, CCAD_ENOMEM, "ccad_schedule_new: out of memory");
        goto done;
    }
    ro.metric = o->metric;
    ro.scale = o->scale;
    ro.seed = o->seed;
    ro.effort = o->effort;
    ro.closed = 1;
    while (a < s->n_items && rc == CCAD_OK) {
        size_t b = a, n = 1, k;
        int32_t t = o->day_start_min, end = o->day_start_min + o->day_minutes;
        double px = o->base_x, py = o->base_y;
        xs[0] = o->base_x;
        ys[0] = o->base_y;
        while (b < s->n_items && s->items[b].date == s->items[a].date) {
            if (routed(&s->items[b])) {
                stop[n] = (uint32_t)b;
                cust_xy(P, s->items[b].customer, &xs[n], &ys[n]);
                n++;
            }
            b++;
        }
        if (n > 1 && (rc = ccad_route_solve(ctx, xs, ys, n, &ro, order, NULL)) != CCAD_OK)
            break;
        for (k = 1; k < n; k++) {
            struct item_rec *it = &s->items[stop[order[k]]];
            const struct cust *c = &P->cw[it->customer];
            int32_t leg, svc = (int32_t)v[P_SERVICE_A + grade_index(ccad__grade(c))];
            int32_t over;
            if (o->metric == CCAD_METRIC_HOST) {
                if ((rc = ccad__travel(ctx, px, py, xs[order[k]], ys[order[k]], &leg)) != 0)
                    break;
            } else {
                int64_t cost = straight(P, px, py, xs[order[k]], ys[order[k]]);
                double m = (double)cost / o->units_per_minute;
                leg = m > 100000.0 ? 100000 : (int32_t)ceil(m);
            }
            t += leg;
            it->travel = leg;
            it->eta = t > c->open_min ? t : c->open_min;
            it->depart = it->eta + svc;
            it->seq = (uint16_t)k;
            over = it->depart - c->close_min;
            if (it->depart - end > over)
                over = it->depart - end;
            it->late = over > 0;
            t = it->depart;
            px = xs[order[k]];
            py = ys[order[k]];
        }
        if (rc == CCAD_OK && n > 1) {
            /* the way back to the base closes the day */
            int32_t leg, di = s->items[a].date - o->first_day, travel = 0;
            if (o->metric == CCAD_METRIC_HOST) {
                if ((rc = ccad__travel(ctx, px, py, o->base_x, o->base_y, &leg)) != 0)
                    break;
            } else {
                double m = (double)straight(P, px, py, o->base_x, o->base_y) / o->units_per_minute;
                leg = m > 100000.0 ? 100000 : (int32_t)ceil(m);
            }
            for (k = 1; k < n; k++)
                travel += s->items[stop[order[k]]].travel;
            s->day_travel[di] = travel + leg;
            s->day_back[di] = t + leg;
        }
        a = b;
    }
    if (rc == CCAD_OK)
        qsort(s->items, s->n_items, sizeof *s->items, route_cmp);
done:
    ccad__free(ctx, xs);
    ccad__free(ctx, ys);
    ccad__free(ctx, order);
    ccad__free(ctx, stop);
    return rc;
}

/* Findings, in this order: unplanned (never contacted first), per-customer
 * findings on the first day, dropped, planned gaps, capacity, platform. */
static int findings(struct plan *P, const struct load *L, int64_t capacity)
{
    const ccad_book *b = P->b;
    const int64_t *v = P->v;
    ccad_schedule *s = P->s;
    const ccad_plan_options *o = P->o;
    ccad_assessment a;
    ccad_reason r[CCAD_ITEM_REASONS_MAX];
    size_t i;
    int pass, rc, di;

    for (pass = 0; pass < 2; pass++)
        for (i = 0; i < b->n; i++) {
            const struct cust *c = &P->cw[i];
            const struct sim *m = &P->sim[i];
            int never = c->last_contact == CCAD_NO_DATE && c->contacts == 0;
            if (m->first_due == CCAD_NO_DATE || m->planned > 0 || m->dropped ||
                never != (pass == 0))
                continue;
            r[0] = reason(CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_UNPLANNED, m->first_due, never, 0);
            if ((rc = add_finding(s, CCAD_FIND_UNPLANNED, (int64_t)i, m->first_due, r, 1)) != 0)
                return rc;
        }

    for (i = 0; i < b->n; i++) {
        const struct cust *c = &P->cw[i];
        uint32_t k;
        static const struct {
            uint32_t flag;
            int kind;
        } map[] = {{CCAD_F_OVERDUE, CCAD_FIND_OVERDUE},
                   {CCAD_F_COLD, CCAD_FIND_COLD},
                   {CCAD_F_COOLING, CCAD_FIND_COOLING},
                   {CCAD_F_STALLED, CCAD_FIND_STALLED},
                   {CCAD_F_RELEASED_EARLY, CCAD_FIND_RELEASE_RISK},
                   {CCAD_F_NEVER_CONTACTED, CCAD_FIND_NEVER_CONTACTED}};
        size_t f;
        if (c->status == CCAD_STATUS_ELIMINATED)
            continue;
        ccad__assess(b, v, c, o->first_day, &a, 1);
        for (f = 0; f < sizeof map / sizeof map[0]; f++) {
            size_t n = 0;
            if (!(a.flags & map[f].flag))
                continue;
            for (k = 0; k < a.reason_count && n < CCAD_ITEM_REASONS_MAX; k++) {
                int w = a.reasons[k].why;
                int keep = (map[f].kind == CCAD_FIND_OVERDUE && (w == CCAD_WHY_OVERDUE || w == CCAD_WHY_DUE)) ||
                           ((map[f].kind == CCAD_FIND_COLD || map[f].kind == CCAD_FIND_COOLING) &&
                            (w == CCAD_WHY_GAP_ALERT || w == CCAD_WHY_GAP_WARN)) ||
                           (map[f].kind == CCAD_FIND_STALLED && w == CCAD_WHY_STALLED) ||
                           (map[f].kind == CCAD_FIND_RELEASE_RISK &&
                            (w == CCAD_WHY_RELEASED_EARLY || w == CCAD_WHY_PATIENCE_RHYTHM)) ||
                           (map[f].kind == CCAD_FIND_NEVER_CONTACTED && w == CCAD_WHY_NEVER_CONTACTED);
                if (keep)
                    r[n++] = a.reasons[k];
            }
            if ((rc = add_finding(s, map[f].kind, (int64_t)i, o->first_day, r, n)) != 0)
                return rc;
        }
        /* ownership ending in the range while a release would be premature */
        if ((a.flags & CCAD_F_RELEASE_PREMATURE) && a.ownership_end != CCAD_NO_DATE &&
            a.ownership_end < o->first_day + o->days) {
            size_t n = 0;
            for (k = 0; k < a.reason_count && n < CCAD_ITEM_REASONS_MAX; k++)
                if (a.reasons[k].why == CCAD_WHY_OWNERSHIP || a.reasons[k].why == CCAD_WHY_PATIENCE ||
                    a.reasons[k].why == CCAD_WHY_PATIENCE_RHYTHM)
                    r[n++] = a.reasons[k];
            if ((rc = add_finding(s, CCAD_FIND_RELEASE_RISK, (int64_t)i, a.ownership_end, r, n)) != 0)
                return rc;
        }
    }

    for (i = 0; i < b->n; i++) {
        const struct sim *m = &P->sim[i];
        if (m->dropped_on == CCAD_NO_DATE)
            continue;
        r[0] = reason(CCAD_RULE_CAPACITY, CCAD_WHY_PLAN_DROPPED, m->dropped_from,
                      m->dropped_on - m->dropped_from, 0);
        if ((rc = add_finding(s, CCAD_FIND_DROPPED, (int64_t)i, m->dropped_on, r, 1)) != 0)
            return rc;
    }
    for (i = 0; i < b->n; i++) {
        const struct sim *m = &P->sim[i];
        if (m->worst_gap <= v[P_GAP_MAX])
            continue;
        r[0] = reason(CCAD_RULE_GAP, CCAD_WHY_GAP_PLANNED, m->worst_gap, v[P_GAP_MAX],
                      m->worst_gap_end);
        if ((rc = add_finding(s, CCAD_FIND_GAP, (int64_t)i, m->worst_gap_end, r, 1)) != 0)
            return rc;
    }
    for (di = 0; di < o->days; di++) {
        if (P->cap_full[di] == 0)
            continue;
        r[0] = reason(CCAD_RULE_CAPACITY, CCAD_WHY_CAPACITY_FULL, o->first_day + di,
                      P->cap_used[di], o->visits_per_day > 0 ? o->visits_per_day : 0);
        if ((rc = add_finding(s, CCAD_FIND_OVER_CAPACITY, -1, o->first_day + di, r, 1)) != 0)
            return rc;
    }
    {
        ccad_workload w;
        memset(&w, 0, sizeof w);
        fill_workload(L, capacity, &w);
        if (w.over) {
            r[0] = reason(CCAD_RULE_WORKLOAD, CCAD_WHY_WORKLOAD_OVER, w.visits, w.capacity,
                          w.stretch_x100);
            if ((rc = add_finding(s, CCAD_FIND_OVER_CAPACITY, -1, CCAD_NO_DATE, r, 1)) != 0)
                return rc;
        }
    }
    {
        ccad_platform p;
        memset(&p, 0, sizeof p);
        platform_counts(b, v, &p);
        if (p.over_cap) {
            r[0] = reason(CCAD_RULE_PLATFORM, CCAD_WHY_PLATFORM_OVER_CAP, p.working[0],
                          p.working_cap, 0);
            if ((rc = add_finding(s, CCAD_FIND_PLATFORM, -1, CCAD_NO_DATE, r, 1)) != 0)
                return rc;
        }
        if (p.c_heavy) {
            r[0] = reason(CCAD_RULE_PLATFORM, CCAD_WHY_PLATFORM_C_HEAVY,
                          p.working[CCAD_GRADE_C] + p.working[CCAD_GRADE_D], p.working[0],
                          v[P_PLATFORM_C_MAX]);
            if ((rc = add_finding(s, CCAD_FIND_PLATFORM, -1, CCAD_NO_DATE, r, 1)) != 0)
                return rc;
        }
    }
    for (i = 0; i < s->n_items; i++) {
        const struct item_rec *it = &s->items[i];
        const struct cust *c = &P->cw[it->customer];
        int32_t end = o->day_start_min + o->day_minutes, limit = c->close_min;
        if (!it->late)
            continue;
        if (it->depart - end > it->depart - limit)
            limit = end;
        r[0] = reason(CCAD_RULE_ROUTE, CCAD_WHY_ROUTE_LATE, it->eta, limit, it->depart - limit);
        if ((rc = add_finding(s, CCAD_FIND_ROUTE, (int64_t)it->customer, it->date, r, 1)) != 0)
            return rc;
    }
    return CCAD_OK;
}

static void free_parts(ccad_ctx *ctx, ccad_schedule *s)
{
    if (s == NULL)
        return;
    ccad__free(ctx, s->day_flags);
    ccad__free(ctx, s->day_travel);
    ccad__free(ctx, s->items);
    ccad__free(ctx, s->finds);
    ccad__free(ctx, s->reasons);
    ccad__free(ctx, s);
}

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

int ccad_schedule_new(ccad_schedule **out, const ccad_book *book, const ccad_rules *rules,
                      const ccad_plan_options *options)
{
    static const char fn[] = "ccad_schedule_new";
    ccad_ctx *ctx;
    ccad_plan_options o;
    struct plan P;
    struct load L;
    int64_t vs[P__COUNT];
    uint32_t *flags = NULL;
    int32_t working_days = 0;
    int di, rc;
    size_t n;

    if (out != NULL)
        *out = NULL;
    if (book == NULL)
        return CCAD_EINVAL;
    ctx = book->ctx;
    if (out == NULL || rules == NULL || options == NULL)
        return ccad__fail(ctx, CCAD_EINVAL, "%s: NULL argument", fn);
    if (!CCAD__SIZE_OK(options->size, ccad_plan_options))
        return ccad__fail(ctx, CCAD_EVERSION, "%s: ccad_plan_options.size %lu not supported", fn,
                          (unsigned long)options->size);
    o = *options;
    if (!ccad__date_ok(o.first_day) || o.days < 1 || o.days > 366 ||
        !ccad__date_ok(o.first_day + o.days - 1))
        return ccad__fail(ctx, CCAD_ERANGE, "%s: first_day must be a valid date and days 1..366",
                          fn);
    if (o.visits_per_day < 0 || o.visits_per_day > 1000 || o.minutes_per_day < 0 ||
        o.minutes_per_day > 1440)
        return ccad__fail(ctx, CCAD_ERANGE,
                          "%s: visits_per_day 0..1000 and minutes_per_day 0..1440", fn);
    if (o.visits_per_day == 0 && o.minutes_per_day == 0)
        return ccad__fail(ctx, CCAD_EINVAL, "%s: set visits_per_day or minutes_per_day", fn);
    if (o.overload != CCAD_OVERLOAD_REPORT && o.overload != CCAD_OVERLOAD_STRETCH)
        return ccad__fail(ctx, CCAD_EINVAL, "%s: overload policy %d unknown", fn, (int)o.overload);
    if (o.keep_reasons != 0 && o.keep_reasons != 1)
        return ccad__fail(ctx, CCAD_EINVAL, "%s: keep_reasons must be 0 or 1", fn);
    if ((o.route != 0 && o.route != 1) || (o.assign_days != 0 && o.assign_days != 1))
        return ccad__fail(ctx, CCAD_EINVAL, "%s: route and assign_days must be 0 or 1", fn);
    if (o.route) {
        if (o.metric != CCAD_METRIC_PLANAR && o.metric != CCAD_METRIC_GEO &&
            o.metric != CCAD_METRIC_HOST)
            return ccad__fail(ctx, CCAD_EINVAL, "%s: metric %d unknown", fn, o.metric);
        if (o.metric == CCAD_METRIC_HOST && ctx->host.travel == NULL)
            return ccad__fail(ctx, CCAD_ENOTSUP, "%s: the host gave no travel callback", fn);
        if (!isfinite(o.base_x) || !isfinite(o.base_y) || !isfinite(o.scale) || o.scale <= 0 ||
            !isfinite(o.units_per_minute) || o.units_per_minute <= 0 || o.day_start_min < 0 ||
            o.day_start_min > 1440 || o.day_minutes < 1 || o.day_minutes > 1440 ||
            o.effort < 0 || o.effort > 10000)
            return ccad__fail(ctx, CCAD_ERANGE,
                              "%s: base, scale and speed finite (scale and speed above 0), day start 0..1440, day 1..1440 minutes, effort 0..10000",
                              fn);
    }
    if ((rc = ccad__check_graded(book, rules, fn)) != 0)
        return rc;
    if (o.route && (rc = check_locations(book, &o, fn)) != 0)
        return rc;

    /* The calendar of each day, before anything else. */
    flags = ccad__alloc(ctx, (size_t)o.days * sizeof *flags);
    if (flags == NULL)
        return ccad__fail(ctx, CCAD_ENOMEM, "%s: out of memory", fn);
    for (di = 0; di < o.days; di++)
        if ((rc = ccad_ctx_day_flags(ctx, &flags[di], o.first_day + di)) != 0) {
            ccad__free(ctx, flags);
            return rc;
        }
    for (di = 0; di < o.days; di++)
        working_days += (flags[di] & CCAD_DAY_WORKING) != 0;

    memset(&P, 0, sizeof P);
    P.b = book;
    P.o = &o;
    P.day_flags = flags;
    memcpy(vs, rules->v, sizeof vs);
    P.v = vs;
    /* WORKLOAD over the range; the stretch policy lengthens every interval. */
    measure_load(book, vs, o.first_day, o.days, &L);
    {
        ccad_workload w;
        /* capacity in contacts; with a minute limit only, at B's service time */
        int64_t cap = (int64_t)working_days *
                      (o.visits_per_day > 0 ? o.visits_per_day
                                            : o.minutes_per_day / vs[P_SERVICE_B]);
        memset(&w, 0, sizeof w);
        fill_workload(&L, cap, &w);
        if (o.overload == CCAD_OVERLOAD_STRETCH && w.over) {
            int k;
            for (k = P_FREQ_A_DAYS; k <= P_FREQ_D_DAYS; k += 2) {
                int64_t d = (vs[k] * w.stretch_x100 + 99) / 100;
                vs[k] = d > 366 ? 366 : d;
            }
        }
        n = book->n;
        P.s = ccad__alloc(ctx, sizeof *P.s);
        P.sim = n ? ccad__alloc(ctx, n * sizeof *P.sim) : NULL;
        P.cand = n ? ccad__alloc(ctx, n * sizeof *P.cand) : NULL;
        P.cw = n ? ccad__alloc(ctx, n * sizeof *P.cw) : NULL;
        P.cap_full = ccad__alloc(ctx, 2 * (size_t)o.days * sizeof *P.cap_full);
        if (P.s != NULL)
            P.s->day_travel = ccad__alloc(ctx, 2 * (size_t)o.days * sizeof *P.s->day_travel);
        if (P.s == NULL || (n && (P.sim == NULL || P.cand == NULL || P.cw == NULL)) ||
            P.cap_full == NULL ||
            P.s->day_travel == NULL) {
            if (P.s != NULL)
                ccad__free(ctx, P.s->day_travel);
            ccad__free(ctx, P.s);
            ccad__free(ctx, P.sim);
            ccad__free(ctx, P.cand);
            ccad__free(ctx, P.cw);
            ccad__free(ctx, P.cap_full);
            ccad__free(ctx, flags);
            return ccad__fail(ctx, CCAD_ENOMEM, "%s: out of memory", fn);
        }
        {
            int32_t *dt = P.s->day_travel;
            memset(P.s, 0, sizeof *P.s);
            P.s->day_travel = dt;
        }
        P.s->day_back = P.s->day_travel + o.days;
        for (di = 0; di < o.days; di++) {
            P.s->day_travel[di] = 0;
            P.s->day_back[di] = -1;
        }
        P.s->first_day = o.first_day;
        P.s->days = o.days;
        P.s->ctx = ctx;
        P.s->keep = o.keep_reasons;
        P.s->lead = (int32_t)vs[P_FOLLOWUP_LEAD];
        P.cap_used = P.cap_full + o.days;
        memset(P.cap_full, 0, 2 * (size_t)o.days * sizeof *P.cap_full);
        for (size_t i = 0; i < n; i++) {
            struct sim *m = &P.sim[i];
            memset(m, 0, sizeof *m);
            ccad__unpack(book, i, &P.cw[i]);
            m->last = P.cw[i].last_contact;
            m->next_step = P.cw[i].next_step;
            m->waiting = m->block_start = m->first_due = CCAD_NO_DATE;
            m->dropped_from = m->dropped_on = m->worst_gap_end = CCAD_NO_DATE;
            m->contact_day = CCAD_NO_DATE;
        }
        rc = CCAD_OK;
        for (di = 0; di < o.days && rc == CCAD_OK; di++)
            rc = plan_day(&P, di);
        if (rc == CCAD_OK && o.route && o.assign_days)
            rc = assign_days(&P);
        if (rc == CCAD_OK && o.route)
            rc = route_days(&P);
        if (rc == CCAD_OK)
            rc = findings(&P, &L, cap);
    }
    ccad__free(ctx, P.sim);
    ccad__free(ctx, P.cand);
    ccad__free(ctx, P.cw);
    ccad__free(ctx, P.cap_full);
    if (rc != CCAD_OK) {
        ccad__free(ctx, flags);
        free_parts(ctx, P.s);
        return rc;
    }
    P.s->day_flags = flags; /* kept for ccad_schedule_day */
    *out = P.s;
    return CCAD_OK;
}

void ccad_schedule_free(ccad_schedule *s)
{
    if (s != NULL)
        free_parts(s->ctx, s);
}

size_t ccad_schedule_item_count(const ccad_schedule *s) { return s == NULL ? 0 : s->n_items; }
size_t ccad_schedule_finding_count(const ccad_schedule *s) { return s == NULL ? 0 : s->n_finds; }
size_t ccad_item_reasons_max(void) { return CCAD_ITEM_REASONS_MAX; }

int ccad_schedule_item(const ccad_schedule *s, size_t index, ccad_item *out)
{
    ccad_item it;
    const struct item_rec *r;
    if (s == NULL)
        return CCAD_EINVAL;
    if (out == NULL)
        return ccad__fail(s->ctx, CCAD_EINVAL, "ccad_schedule_item: out is NULL");
    if (!CCAD__SIZE_OK(out->size, ccad_item))
        return ccad__fail(s->ctx, CCAD_EVERSION, "ccad_schedule_item: ccad_item.size not supported");
    if (index >= s->n_items)
        return ccad__fail(s->ctx, CCAD_ENOTFOUND, "ccad_schedule_item: index %lu out of range",
                          (unsigned long)index);
    r = &s->items[index];
    memset(&it, 0, sizeof it);
    it.size = out->size;
    it.date = r->date;
    it.customer = r->customer;
    it.kind = r->kind;
    it.quadrant = r->quadrant;
    it.priority = (int32_t)r->priority;
    it.delegated = r->delegated;
    it.rolled_from = r->rolled_from;
    it.reminder_date = r->date - s->lead;
    it.block_day = r->block_day;
    it.seq = r->seq;
    it.eta_min = r->eta;
    it.depart_min = r->depart;
    it.travel_min = r->travel;
    it.late = r->late;
    it.reason_count = r->reason_n;
    if (r->reason_n > 0)
        memcpy(it.reasons, s->reasons + r->reason_off, r->reason_n * sizeof *it.reasons);
    if (s->keep && r->moved_from != CCAD_NO_DATE && it.reason_count < CCAD_ITEM_REASONS_MAX) {
        ccad_reason *m = &it.reasons[it.reason_count++];
        m->rule = CCAD_RULE_ROUTE;
        m->why = CCAD_WHY_ROUTE_DAY;
        m->a = r->moved_from;
        m->b = r->saved;
        m->c = 0;
    }
    *out = it;
    return CCAD_OK;
}

int ccad_schedule_finding(const ccad_schedule *s, size_t index, ccad_finding *out)
{
    ccad_finding f;
    const struct find_rec *r;
    if (s == NULL)
        return CCAD_EINVAL;
    if (out == NULL)
        return ccad__fail(s->ctx, CCAD_EINVAL, "ccad_schedule_finding: out is NULL");
    if (!CCAD__SIZE_OK(out->size, ccad_finding))
        return ccad__fail(s->ctx, CCAD_EVERSION,
                          "ccad_schedule_finding: ccad_finding.size not supported");
    if (index >= s->n_finds)
        return ccad__fail(s->ctx, CCAD_ENOTFOUND, "ccad_schedule_finding: index %lu out of range",
                          (unsigned long)index);
    r = &s->finds[index];
    memset(&f, 0, sizeof f);
    f.size = out->size;
    f.kind = r->kind;
    f.customer = r->customer;
    f.date = r->date;
    f.reason_count = r->reason_n;
    if (r->reason_n > 0)
        memcpy(f.reasons, s->reasons + r->reason_off, r->reason_n * sizeof *f.reasons);
    *out = f;
    return CCAD_OK;
}

int ccad_schedule_day(const ccad_schedule *s, int32_t day, ccad_day *out)
{
    ccad_day r;
    size_t lo = 0, hi, i;
    int32_t di;
    if (s == NULL)
        return CCAD_EINVAL;
    if (out == NULL)
        return ccad__fail(s->ctx, CCAD_EINVAL, "ccad_schedule_day: out is NULL");
    if (!CCAD__SIZE_OK(out->size, ccad_day))
        return ccad__fail(s->ctx, CCAD_EVERSION, "ccad_schedule_day: ccad_day.size not supported");
    if (day < s->first_day || day >= s->first_day + s->days)
        return ccad__fail(s->ctx, CCAD_ENOTFOUND, "ccad_schedule_day: day outside the schedule");
    di = day - s->first_day;
    memset(&r, 0, sizeof r);
    r.size = out->size;
    r.date = day;
    r.flags = s->day_flags[di];
    r.travel_min = s->day_travel[di];
    r.back_min = s->day_back[di];
    hi = s->n_items;
    while (lo < hi) { /* first item of the day */
        size_t mid = lo + (hi - lo) / 2;
        if (s->items[mid].date < day)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (i = lo; i < s->n_items && s->items[i].date == day; i++) {
        const struct item_rec *it = &s->items[i];
        r.items++;
        if (it->kind == CCAD_ITEM_TOUCH)
            r.touches++;
        else if (it->delegated != CCAD_BY_REP)
            r.delegated++;
        else {
            r.by_rep++;
            r.service_min += it->svc;
        }
        r.stops += it->seq > 0;
        r.late += it->late;
    }
    *out = r;
    return CCAD_OK;
}

int ccad_schedule_reminders(const ccad_schedule *s, int32_t day, size_t *out_indices, size_t cap,
                            size_t *out_count)
{
    size_t i, n = 0;
    if (s == NULL)
        return CCAD_EINVAL;
    if (out_count == NULL || (out_indices == NULL && cap > 0))
        return ccad__fail(s->ctx, CCAD_EINVAL, "ccad_schedule_reminders: NULL argument");
    for (i = 0; i < s->n_items; i++)
        if (s->items[i].date - s->lead == day) {
            if (n < cap)
                out_indices[n] = i;
            n++;
        }
    *out_count = n;
    return n <= cap ? CCAD_OK : CCAD_ENOSPC;
}
