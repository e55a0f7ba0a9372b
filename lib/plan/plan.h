/* The planner's stages and the records they hand to each other.
 *
 * ccad_schedule_new (schedule.c) runs the stages in this order:
 *   1. simulate.c  demand and first assignment: day by day, which customers
 *                  are due (each planned contact restarts its clock), in
 *                  which order they take the day (big rocks first), and
 *                  whether they fit: visit days, the count and minute limits
 *                  and, with routes, the day's time (dayroute.c);
 *   2. assign.c    the week grouped by area: flexible visits move, or swap,
 *                  to other allowed days where their stops lie closer;
 *   3. sequence.c  each day's order and times (time-window route solver),
 *                  then repair: a stop that cannot keep its window or the
 *                  day's end moves to another allowed day, or is left out;
 *   4. findings.c  what the rep and the manager should look at;
 *   workload.c     the WORKLOAD and PLATFORM arithmetic, shared with the
 *                  public ccad_book_workload and ccad_book_platform.
 * records.c keeps the schedule's growable arrays (items, findings, reasons).
 * Nothing here calls the host except through ccad_ctx_day_flags (the
 * calendar, once per day, in schedule.c) and ccad__travel (HOST metric). */
#ifndef CCAD_PLAN_H
#define CCAD_PLAN_H

#include "../internal.h"

/* One planned contact, as the schedule stores it. */
struct item_rec {
    int32_t date;
    uint32_t customer;
    int32_t rolled_from;
    uint32_t reason_off;
    int32_t moved_from;  /* weekly assignment: the planner's day, or CCAD_NO_DATE */
    int32_t saved;       /* weekly assignment: estimated travel saved (minutes) */
    int32_t eta, depart; /* minutes after midnight, -1 if not routed */
    int32_t travel;
    int32_t reminder; /* reminder day (FOLLOWUP): a working day */
    uint32_t priority;
    uint16_t seq, svc; /* svc: service minutes of the contact */
    uint8_t kind, quadrant, delegated, block_day, reason_n, late, flexible;
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
    int keep;
    int32_t first_day, days;
    uint32_t *day_flags; /* calendar flags of each day */
    int32_t *day_travel; /* route travel with the way back, per day */
    int32_t *day_back;   /* back at base, per day; -1 if not routed */
    /* what it was planned from, for ccad_schedule_replan (replan.c) */
    int replannable; /* 1 if made by ccad_schedule_new (not a team's rep plan) */
    const ccad_book *book;
    uint64_t book_serial, book_edits;
    size_t book_n;
    ccad_plan_options opts;
    int64_t rules_v[P__COUNT];
    struct ccad__replan_trace *trace; /* what a replan can reuse (replan_trace.c), or NULL */
};

/* What the simulation keeps of one customer. */
struct sim {
    int32_t last;        /* simulated last contact, CCAD_NO_DATE if none */
    int32_t next_step;   /* next step still pending */
    int32_t waiting;     /* first day it was due and got no room */
    int32_t day_wait;    /* first day it was due on a day outside its visit days */
    int32_t block_start; /* first day of the latest persist block */
    int32_t first_due;   /* first day in the range it was due */
    uint32_t planned;    /* contacts planned for it */
    int32_t contact_day; /* day of the latest planned contact */
    int32_t dropped_from, dropped_on;
    uint8_t block_left; /* persist block days still to place */
    uint8_t dropped;    /* best-effort contact dropped */
    uint8_t given_up;   /* TRIAGE give up: never planned (open complaints aside) */
    uint8_t blocked;    /* a PLAN_BLOCKED_* reason: no day can take its visit */
    uint8_t time_short; /* 1 once a day had no time left for it */
    int32_t alone_min;  /* minutes its stop needs alone (travel both ways + service) */
    uint8_t let_go;     /* TRIAGE let go: its GAP limits stretch like its interval */
    int32_t gap_prev, worst_gap, worst_gap_end; /* the final plan's longest gap (findings.c) */
    int32_t taken;           /* the last day it was placed as a candidate (simulate.c) */
    int32_t persist_from;    /* PERSIST 1.1 (persist.c): first day of a block closed undone */
    uint8_t persist_lacking; /* its effective activities with the owner (0: none closed undone) */
};

/* A customer competing for a day's room. */
struct cand {
    uint32_t idx;
    uint32_t rank; /* cls, block, esc and grade packed by ccad__cand_rank: smaller first */
    uint8_t cls;   /* the quadrant CCAD_Q1..CCAD_Q4: big rocks first */
    uint8_t block; /* 1 if a persist block is under way: first within its quadrant */
    uint8_t esc, grade, quadrant;
    int32_t over, due;
    int64_t value;
};

/* One day's route under construction: the rep's stops in visiting order,
 * with the times of that order (dayroute.c). */
struct dayroute {
    uint32_t *stop;  /* item indices in order */
    int32_t *start;  /* service start of each stop */
    int32_t *latest; /* latest service start that keeps the rest feasible */
    int32_t *leg;    /* leg[i]: minutes from the previous stop (base for 0) to stop i */
    uint32_t *cust;  /* customer of each stop (set with the times) */
    int32_t *dep;    /* departure from each stop: its start and service */
    uint32_t n, cap;
    int32_t back_leg; /* last stop (or base) to the base */
    int32_t travel;   /* all legs and the way back */
    int32_t minutes;  /* service minutes of the rep's contacts this day, routed or not */
    int32_t count;    /* the rep's contacts this day (calls included) */
    int32_t room;     /* most minutes a new stop could add anywhere (see dayroute.c) */
};

struct plan {
    const ccad_book *b;
    struct cust *cw;  /* the book's customers in working form */
    const int64_t *v; /* rules in force (stretched copy under the stretch policy) */
    ccad_schedule *s;
    struct sim *sim;
    struct cand *cand; /* a day's candidates, in book order */
    struct cand *heap; /* room for a heap over a copy of them (select.c) */
    const uint32_t *day_flags;
    const ccad_plan_options *o;
    int32_t *cap_full; /* per day: important contacts without room */
    int32_t *cap_used;
    struct dayroute *day; /* per day, with routes on; else NULL */
    int32_t day_end;      /* minutes after midnight */
    int32_t
        room_margin; /* minutes a detour may undercut the direct leg by rounding; -1: no bound (HOST) */
    int32_t *legs; /* travel minutes + 1 by (from, to), 0 = not yet known; the base
                           * is point n; NULL when not kept (HOST metric, large books) */
    /* incremental re-planning (replan_trace.c): the trace this run records
     * (NULL: none), and the schedule whose trace it reuses with the
     * customers whose record changed since (NULL: a plan from scratch) */
    struct ccad__replan_trace *trace;
    const ccad_schedule *old;
    const uint8_t *changed;  /* per customer: 1 if its record differs from old's */
    struct ccad__memo *memo; /* the day loop's brief of each customer (events.c), or NULL */
    int32_t *quiet; /* with the memo: per customer, the first day the scan must look at it */
    struct ccad__dormant *dormant; /* the day loop's dormant customers (dormant.c), or NULL */
    double *unit; /* GEO routes: each point's unit vector (3 doubles, the base point n),
                   * u[0] > 1 until first asked for (dayroute.c); else NULL */
};

/* records.c */
int ccad__plan_reserve(ccad_ctx *ctx, void **p, size_t *cap, size_t need, size_t elem);
ccad_reason ccad__plan_reason(int rule, int why, int64_t a, int64_t b, int64_t c);
int ccad__plan_add_finding(ccad_schedule *s, int kind, int64_t customer, int32_t date,
                           const ccad_reason *r, size_t n);
/* A rolled-over visit that the weekly assignment or the repair of a late
 * stop moved to another day: its PLAN_ROLLED reason counts the days it
 * waited up to that day (the window keeps it after its first waiting day). */
void ccad__plan_rolled_waits(ccad_schedule *s);
/* Appends an item with `lead` first, then `extra` (if its why is not 0),
 * then the assessment's reasons that explain a contact. */
int ccad__plan_add_item(ccad_schedule *s, const struct cand *c, int32_t d, int kind, int delegated,
                        int32_t rolled_from, int block_day, uint32_t priority,
                        const ccad_reason *lead, const ccad_reason *extra,
                        const ccad_assessment *a);
void ccad__plan_free_parts(ccad_ctx *ctx, ccad_schedule *s);

/* workload.c */
struct load {
    int64_t customers[4];
    int64_t milli[4]; /* contacts needed x 1000 */
};
int ccad__plan_load_of(const ccad_assessment *a, int32_t period, int64_t *out_milli);
void ccad__plan_measure_load(const ccad_book *b, const int64_t *v, int32_t today, int32_t period,
                             struct load *load);
void ccad__plan_fill_workload(const struct load *load, int64_t capacity, ccad_workload *w);
void ccad__plan_platform_counts(const ccad_book *book, const int64_t *v, ccad_platform *p);

/* select.c: the order of a day's candidates (big rocks first; for pulling
 * ahead, earliest due first), both total, and a binary heap that yields
 * candidates in such an order one at a time. */
int ccad__plan_cand_cmp(const void *a, const void *b);
/* Packs k's cls, block, esc and grade into k->rank, so that one unsigned
 * comparison of two ranks decides the big-rocks order as those four keys
 * would one after another (select.c). Call it after setting any of them. */
void ccad__cand_rank(struct cand *k);
int ccad__plan_early_cmp(const void *a, const void *b);
struct ccad__cand_heap {
    struct cand *a; /* a[0..n) the heap; popped candidates follow it */
    size_t n;
    int (*cmp)(const void *, const void *);
};
/* Arranges a[0..n) into a heap by cmp, in O(n). */
void ccad__cand_heap_init(struct ccad__cand_heap *heap, struct cand *a, size_t n,
                          int (*cmp)(const void *, const void *));
/* The same over a copy of src[0..n) in a[0..n). */
void ccad__cand_heap_copy(struct ccad__cand_heap *heap, struct cand *a, const struct cand *src,
                          size_t n, int (*cmp)(const void *, const void *));
/* The first candidate left by cmp (it stays valid until the next pop), or
 * NULL when none is left; O(log n). */
const struct cand *ccad__cand_heap_pop(struct ccad__cand_heap *heap);

/* The first min(want, n) candidates of src[0..n) by cmp, in that order,
 * into a[0..): one pass over src with a heap of at most `want` (a day reads
 * only the first few of many candidates), O(n log want). Returns how many. */
size_t ccad__cand_first(struct cand *a, size_t want, const struct cand *src, size_t n,
                        int (*cmp)(const void *, const void *));

/* simulate.c */
int ccad__plan_simulate(struct plan *plan);
/* keepwarm.c: KEEPWARM on day d (index di), when it is special: a touch for
 * each customer of a kept-warm grade, unless it already has a contact
 * planned that day; each takes the day's next priority (*prio). */
int ccad__plan_keepwarm(struct plan *plan, int di, int32_t d, uint32_t *prio);
/* The stored customer as the simulation sees it after its planned contacts. */
void ccad__plan_sim_view(const struct cust *c, const struct sim *m, struct cust *out);

/* events.c: the day loop's memory of each customer's brief between the
 * days on which it can change. */
struct ccad__memo {
    int64_t value; /* set once for the run: the customer's value and request date */
    int32_t request;
    int32_t due;       /* the brief's due date */
    int32_t wake;      /* first day it must be taken afresh (INT32_MIN: now) */
    int32_t care_date; /* the assessment's facts (struct ccad__facts), when known */
    uint8_t quadrant, urgency, strategy, complaint;
    /* set once for the run: the customer's grade, visit days and MEMO_* flags */
    uint8_t grade, visit_days, bits;
    uint8_t dormancy; /* its latest dormancy, counted modulo 256 (dormant.c) */
};
#define MEMO_OPEN 1u      /* open (not released or eliminated) and not given up */
#define MEMO_ESCALATES 2u /* the brief's quadrant escalates when overdue (escalate.*) */
#define MEMO_FACTS 4u     /* care_date, strategy and complaint are known */
#define MEMO_CARE_OPEN 8u /* with MEMO_FACTS: no contact on record since the care date */
#define MEMO_DUE_NOW 16u  /* the brief is due now until its wake (events.c) */
#define MEMO_DORMANT 32u  /* the customer is dormant (dormant.c): the scan passes it by */
#define MEMO_DROPPED 128u /* its state: a dropped best-effort contact (sim.dropped) */
#define MEMO_BLOCK 64u    /* its state: a persist block under way (sim.block_left > 0) */
/* What decides the kind of a due customer's contact besides its own
 * state: the assessment's strategy (TRIAGE: status, volume or position,
 * margin, capability), complaint and care date (the complaint's date and
 * the rules). None of them reads the day or the contacts, so they hold for
 * the whole range. */
struct ccad__facts {
    int32_t care_date;
    uint8_t strategy, complaint;
    uint8_t care_open; /* 1 if the contact on record (if any) lies before care_date */
};
/* 1 and customer i's facts in *out when the memo knows them, else 0. */
int ccad__plan_facts_of(const struct plan *plan, uint32_t i, struct ccad__facts *out);
/* Customer i's facts from its assessment a into *out, kept in the memo. */
void ccad__plan_facts_keep(struct plan *plan, uint32_t i, const ccad_assessment *a,
                           struct ccad__facts *out);
/* 1 if the contact on record of customer c lies before `day`, or it has
 * none: whether a resolved complaint's care contact is still open, before
 * any planned contact (the facts' care_open; kind.h without a memo). */
static inline int ccad__plan_record_before(const struct cust *c, int32_t day)
{
    return c->last_contact == CCAD_NO_DATE || c->last_contact < day;
}
/* Keeps *facts as customer i's in the memo (when there is one). */
void ccad__plan_facts_set(struct plan *plan, uint32_t i, const struct ccad__facts *facts);
/* Allocates plan->memo (every customer to be briefed afresh); CCAD_OK or a
 * recorded CCAD_ENOMEM. */
int ccad__plan_memo_init(struct plan *plan);
void ccad__plan_memo_free(struct plan *plan);
/* Customer i's brief on day lean->today, as ccad__brief_cust gives it for
 * the shadow of plan->sim[i] in the fields the day loop reads (due flag,
 * due date, quadrant, urgency, grade, days overdue, escalation); from the
 * memo while it holds, else taken afresh (always when plan->memo is NULL). */
void ccad__plan_brief_on(struct plan *plan, const struct ccad__lean *lean, uint32_t i,
                         ccad_brief *out);
/* Customer i's shadow changed (a planned contact): its memo no longer holds. */
static inline void ccad__plan_memo_forget(struct plan *plan, uint32_t i)
{
    if (plan->memo != NULL) {
        plan->memo[i].wake = INT32_MIN; /* the facts stay: they read no contact */
        plan->quiet[i] = INT32_MIN;
    }
}
/* 1 if the scan of day d has nothing to do for customer i: closed, dormant
 * (dormant.c), or quiet until a later day (ccad__plan_quiet_until). */
static inline int ccad__plan_quiet(const struct plan *plan, uint32_t i, int32_t d)
{
    return plan->quiet != NULL && plan->quiet[i] > d;
}
/* Customer i, seen by the scan of day d with memo holding and not due:
 * when nothing of its brief or state can make the scan do anything for it
 * before day q (see events.c), the scans of days before q pass it by. */
void ccad__plan_quiet_until(struct plan *plan, uint32_t i, int32_t d);
/* 1 if customer i's best-effort contact is dropped (sim.dropped), and 1 if
 * a persist block is under way (sim.block_left > 0): from the memo when
 * there is one, so that the scan reads the state of a customer only when
 * it is due. */
static inline int ccad__plan_dropped(const struct plan *plan, uint32_t i)
{
    if (plan->memo != NULL)
        return (plan->memo[i].bits & MEMO_DROPPED) != 0;
    return plan->sim[i].dropped;
}
static inline int ccad__plan_in_block(const struct plan *plan, uint32_t i)
{
    if (plan->memo != NULL)
        return (plan->memo[i].bits & MEMO_BLOCK) != 0;
    return plan->sim[i].block_left > 0;
}
/* Notes both in the memo, after the day loop changed sim[i].dropped or
 * sim[i].block_left. */
static inline void ccad__plan_state_note(struct plan *plan, uint32_t i)
{
    if (plan->memo != NULL) {
        plan->memo[i].bits &= (uint8_t) ~(MEMO_DROPPED | MEMO_BLOCK);
        plan->memo[i].bits |= (uint8_t)((plan->sim[i].dropped ? MEMO_DROPPED : 0u) |
                                        (plan->sim[i].block_left > 0 ? MEMO_BLOCK : 0u));
    }
}
/* The prefetch hints below must be put inline where they are called: gcc
 * 12 drops a call to a separate function that only prefetches, as one
 * without effect. */
#if defined(__GNUC__) || defined(__clang__)
#define CCAD__HINT static inline __attribute__((always_inline))
#else
#define CCAD__HINT static inline
#endif
/* Asks the processor to start loading the bytes at p..p+len (len at most
 * 192, a compile-time size) into the cache: a hint that changes no value,
 * and nothing with a compiler that has none. Written without a loop, which
 * the compiler would drop as having no effect. */
CCAD__HINT void ccad__prefetch(const void *p, size_t len)
{
#if defined(__GNUC__) || defined(__clang__)
    const char *c = (const char *)p;
    __builtin_prefetch(c);
    if (len > 64)
        __builtin_prefetch(c + 64);
    if (len > 128)
        __builtin_prefetch(c + 128);
    __builtin_prefetch(c + len - 1);
#else
    (void)p;
    (void)len;
#endif
}
/* Customer i is about to be briefed on day d by ccad__plan_brief_on: when
 * its memo will not hold, its record and shadow are read, so start
 * loading them (a large book's are far from the cache). */
CCAD__HINT void ccad__plan_brief_ahead(const struct plan *plan, uint32_t i, int32_t d)
{
    if (plan->memo != NULL && plan->quiet[i] <= d && plan->memo[i].wake <= d &&
        (plan->memo[i].bits & MEMO_OPEN)) {
        ccad__prefetch(&plan->cw[i], sizeof plan->cw[i]);
        ccad__prefetch(&plan->sim[i], sizeof plan->sim[i]);
    }
}
/* Customer i is about to be placed: its state and memo are read, and its
 * record when the memo does not know its facts yet or (item: 1) it is
 * likely to get an item, as the candidates taken in order are; both read
 * its record for the assessment. Start loading them. */
CCAD__HINT void ccad__plan_place_ahead(const struct plan *plan, uint32_t i, int item)
{
    ccad__prefetch(&plan->sim[i], sizeof plan->sim[i]);
    if (plan->memo != NULL) {
        ccad__prefetch(&plan->memo[i], sizeof plan->memo[i]);
        if (item || !(plan->memo[i].bits & MEMO_FACTS))
            ccad__prefetch(&plan->cw[i], sizeof plan->cw[i]);
    }
}
/* The day loop's reads of the customer's record, from the memo when there
 * is one (it holds what they read, compactly: a large book's records stay
 * out of the cache on days they are not needed). 1 if customer i is open
 * and not given up: */
static inline int ccad__plan_open(const struct plan *plan, uint32_t i)
{
    if (plan->memo != NULL)
        return (plan->memo[i].bits & MEMO_OPEN) != 0;
    return !ccad__inactive(plan->cw[i].status) && !plan->sim[i].given_up;
}
/* The visit days of customer i (0: every day). */
static inline uint8_t ccad__plan_visit_days(const struct plan *plan, uint32_t i)
{
    return plan->memo != NULL ? plan->memo[i].visit_days : plan->cw[i].visit_days;
}
/* The value and the visit request date of customer i. */
static inline int64_t ccad__plan_value(const struct plan *plan, uint32_t i)
{
    return plan->memo != NULL ? plan->memo[i].value : plan->cw[i].value;
}
static inline int32_t ccad__plan_request(const struct plan *plan, uint32_t i)
{
    return plan->memo != NULL ? plan->memo[i].request : plan->cw[i].request;
}
/* The grade of customer i (ccad__grade). */
static inline int ccad__plan_grade(const struct plan *plan, uint32_t i)
{
    return plan->memo != NULL ? plan->memo[i].grade : ccad__grade(&plan->cw[i]);
}

/* 1 if a customer of visit days `days` (0: every day) may be seen in
 * person on day d. */
static inline int ccad__plan_sees(uint8_t days, int32_t d)
{
    return days == 0 || (days & (1u << (ccad__weekday(d) - 1))) != 0;
}
/* 1 if the rep could have seen a customer of visit days `days` in person on
 * day d of the range: a working day, not absent, one of its visit days. */
static inline int ccad__plan_available(const struct plan *plan, uint8_t days, int32_t d)
{
    uint32_t f = plan->day_flags[d - plan->o->first_day];
    return (f & CCAD_DAY_WORKING) && !(f & CCAD_DAY_ABSENT) && ccad__plan_sees(days, d);
}

/* dormant.c: the due customers that wait day after day (dormant), kept in
 * an order that holds across days, so that a working day goes only through
 * the others and those it takes in order. */
struct ccad__dormant;
/* Allocates plan->dormant, with no customer dormant; CCAD_OK or a
 * recorded CCAD_ENOMEM (plan->dormant may then be partly made:
 * ccad__dormant_free frees it). */
int ccad__dormant_init(struct plan *plan);
void ccad__dormant_free(struct plan *plan);
/* 1 if customer i is dormant: the scan passes it by. */
static inline int ccad__plan_dormant(const struct plan *plan, uint32_t i)
{
    return plan->dormant != NULL && (plan->memo[i].bits & MEMO_DORMANT) != 0;
}
/* Before working day d's scan: wakes the customers whose wake day has come,
 * every one on an absent day, and those due now on a day when the due now
 * are not due (not_due_now: outside freq.work_days). */
void ccad__dormant_wake(struct plan *plan, int32_t d, int absent, int not_due_now);
/* 1 and the first dormant customer in the big-rocks order on day d in
 * *out (the fields the order reads), or 0 when none is dormant. */
int ccad__dormant_peek(struct plan *plan, int32_t d, struct cand *out);
/* Takes a dormant Q4 customer out of dormancy and returns its index, or
 * UINT32_MAX when none is left: on a day d that is not full, a Q4
 * contact's place depends on its order again (simulate.c's still_ordered).
 * Those already taken in order on d leave dormancy but are not returned. */
uint32_t ccad__dormant_wake_q4(struct plan *plan, int32_t d);
/* Takes the customer ccad__dormant_peek gave in order and returns its
 * index: it stays dormant while it is placed, and ccad__dormant_admit
 * then keeps it so or lets it go. */
uint32_t ccad__dormant_pop(struct plan *plan);
/* The day index di (day d) has no room for another stop: each dormant
 * customer would wait, and counts in cap_full when important and d is
 * one of its visit days. */
void ccad__dormant_count(struct plan *plan, int32_t d, int di);
/* Candidate k, placed on day d: when it waits as a dormant customer does,
 * it becomes dormant until its wake day. CCAD_OK or a recorded
 * CCAD_ENOMEM. */
int ccad__dormant_admit(struct plan *plan, const struct cand *k, int32_t d);

/* dayroute.c */
static inline int ccad__grade_index(int g)
{
    return g >= CCAD_GRADE_A && g <= CCAD_GRADE_D ? g - 1 : 2;
}
/* Service minutes of a contact with customer i. */
static inline int32_t ccad__plan_service(const struct plan *plan, uint32_t i)
{
    return (int32_t)plan->v[P_SERVICE_A + ccad__grade_index(ccad__plan_grade(plan, i))];
}
/* 1 if the customer may be seen in person on day d (visit_days). */
static inline int ccad__plan_visit_day(const struct cust *c, int32_t d)
{
    return c->visit_days == 0 || (c->visit_days & (1u << (ccad__weekday(d) - 1))) != 0;
}
/* Stops the rep drives to: visits, persist days and care contacts by the
 * rep (calls and touches are made from anywhere). */
static inline int ccad__plan_routed(const struct item_rec *it)
{
    return it->delegated == CCAD_BY_REP && it->kind != CCAD_ITEM_TOUCH &&
           it->kind != CCAD_ITEM_CALL;
}
/* In-person items (any delegation): they keep the customer's visit days. */
static inline int ccad__plan_in_person(int kind)
{
    return kind != CCAD_ITEM_TOUCH && kind != CCAD_ITEM_CALL;
}
/* Travel minutes from customer a to customer b (UINT32_MAX = the base),
 * computed each time; ccad__plan_leg keeps them in plan->legs. */
int ccad__plan_leg_compute(const struct plan *plan, uint32_t a, uint32_t b, int32_t *out);
/* Travel minutes from customer a to customer b (UINT32_MAX = the base).
 * PLANAR and GEO legs depend on the two points only, so each is computed
 * once per schedule (plan->legs); HOST legs ask the callback every time. They
 * are symmetric to the bit (the coordinate differences only change sign),
 * so one computation fills both directions. */
static inline int ccad__plan_leg(const struct plan *plan, uint32_t a, uint32_t b, int32_t *out)
{
    size_t n = plan->b->n + 1, ia = a == UINT32_MAX ? n - 1 : a, ib = b == UINT32_MAX ? n - 1 : b;
    int rc;
    if (plan->legs == NULL)
        return ccad__plan_leg_compute(plan, a, b, out);
    if (plan->legs[ia * n + ib] != 0) {
        *out = plan->legs[ia * n + ib] - 1;
        return CCAD_OK;
    }
    if ((rc = ccad__plan_leg_compute(plan, a, b, out)) == CCAD_OK)
        plan->legs[ia * n + ib] = plan->legs[ib * n + ia] = *out + 1;
    return rc;
}
/* Allocates plan->legs, all unknown, for PLANAR and GEO routes of books of at
 * most CCAD_PLAN_LEGS_MAX customers (4 MB); leaves it NULL otherwise. For
 * GEO routes of any size, plan->unit too, all unknown. */
#define CCAD_PLAN_LEGS_MAX 1024
int ccad__plan_legs_init(struct plan *plan);
/* Minutes the stop of customer i needs alone on an empty day (-1 if its
 * visit hours cannot hold it inside the day), into *out. */
int ccad__plan_alone(const struct plan *plan, uint32_t i, int32_t *out);
/* Marks the customers no day can take (sim[i].blocked, alone_min) from
 * ccad__plan_alone, skipping a replan's unchanged customers, whose marks
 * come from the old trace (dayroute.c). CCAD_OK or the failure of a
 * travel callback. */
int ccad__plan_find_blocked(struct plan *plan);
/* The cheapest feasible place for customer i's stop in route route: *out_pos
 * (0..n) and the added travel *out_cost; *out_pos = UINT32_MAX if none.
 * ccad__route_fit_skip without a stop skipped, reading i's row of the kept
 * legs when there is one (the same legs asked for, the same answer). */
int ccad__route_fit(const struct plan *plan, const struct dayroute *route, uint32_t i,
                    uint32_t *out_pos, int32_t *out_cost);
/* As ccad__route_fit, for route without its stop at `skip` (UINT32_MAX: none):
 * *out_pos counts positions in that shorter route. Conservative: the times
 * of route with the stop are used, so a place found stays feasible once the
 * stop is removed. */
int ccad__route_fit_skip(const struct plan *plan, const struct dayroute *route, uint32_t skip,
                         uint32_t i, uint32_t *out_pos, int32_t *out_cost);
/* Inserts item `item` at `pos` (found by ccad__route_fit) and updates times. */
int ccad__route_insert(const struct plan *plan, struct dayroute *route, uint32_t item,
                       uint32_t pos);
/* 1 if every stop of route keeps its window and the rep is back in time. A
 * stop taken out can make a route late when travel breaks the triangle
 * inequality (a HOST callback, or legs rounded up from small units). */
int ccad__route_ok(const struct plan *plan, const struct dayroute *route);
/* The travel the route saves without its stop at `pos`, into *out. */
int ccad__route_saving(const struct plan *plan, const struct dayroute *route, uint32_t pos,
                       int32_t *out);
/* Removes the stop at `pos` and updates times. */
int ccad__route_remove(const struct plan *plan, struct dayroute *route, uint32_t pos);
/* Recomputes times, latest starts and travel of route from its order. */
int ccad__route_retime(const struct plan *plan, struct dayroute *route);
void ccad__route_free(ccad_ctx *ctx, struct dayroute *route);

/* window.c: the contacts of each customer, as item indices (CSR layout) */
struct ccad__by_cust {
    uint32_t *off;  /* customers + 1 offsets */
    uint32_t *item; /* item indices */
};
int ccad__plan_index_customers(struct plan *plan, struct ccad__by_cust *by_cust);
void ccad__plan_index_free(ccad_ctx *ctx, struct ccad__by_cust *by_cust);
/* 1 if day d lies in item x's allowed window (see window.c). */
int ccad__plan_allowed(const struct plan *plan, const struct ccad__by_cust *by_cust, uint32_t x,
                       int32_t d);
/* The same for `count` days (at most 64) from `first` at once: bit j for day
 * first + j; the customer's contacts are read once. */
uint64_t ccad__plan_allowed_days(const struct plan *plan, const struct ccad__by_cust *by_cust,
                                 uint32_t x, int32_t first, int count);

/* assign.c */
int ccad__plan_assign(struct plan *plan);

/* sequence.c */
int ccad__plan_sequence(struct plan *plan);
void ccad__plan_sort_items(ccad_schedule *s);

/* schedule.c: ccad_schedule_new with the calendar flags of each day from
 * day_flags(flags_arg, day, &flags) (CCAD_OK or a recorded error); the
 * arguments' checks report as `fn`. The caller checked book and busy. */
typedef int (*ccad__day_flags_fn)(void *arg, int32_t day, uint32_t *out);
int ccad__schedule_new(ccad_schedule **out, const ccad_book *book, const ccad_rules *rules,
                       const ccad_plan_options *options, ccad__day_flags_fn day_flags,
                       void *flags_arg, const char *fn);

/* The host calendar through the context: a ccad__day_flags_fn over a ccad_ctx. */
int ccad__ctx_flags(void *ctx, int32_t day, uint32_t *out);

/* schedule.c: as ccad__schedule_new, recording a trace in the schedule
 * (replan_trace.c) and, when `old` is not NULL, reusing old's trace for the
 * customers whose record is unchanged; *out_changed receives how many
 * changed (the incremental path), or SIZE_MAX when the run planned from
 * scratch (no usable trace, or the rules in force differ). */
int ccad__schedule_renew(ccad_schedule **out, const ccad_book *book, const ccad_rules *rules,
                         const ccad_plan_options *options, ccad__day_flags_fn day_flags,
                         void *flags_arg, const char *fn, const ccad_schedule *old,
                         size_t *out_changed);

/* ---- incremental re-planning (replan_trace.c) ----
 * A schedule keeps a trace of the per-customer work of its plan that does
 * not depend on other customers: each customer's working form, its state
 * when the range begins (strategy, blocked stops, persist blocks), its share
 * of the workload and its per-customer findings. A replan after changes to
 * the book reuses all of it for the customers whose record is unchanged. */
struct ccad__replan_trace;
/* Unpacks every customer into plan->cw and allocates plan->trace; with
 * plan->old, marks in plan->changed the customers whose working form
 * differs and counts them into *out_changed. CCAD_OK or a recorded error. */
int ccad__trace_begin(struct plan *plan, size_t *out_changed);
/* With plan->v the rules in force: when they differ from those of
 * plan->old's plan (the workload stretched them otherwise), stops reusing
 * plan->old, which leaves a plan from scratch (*out_changed = SIZE_MAX). */
void ccad__trace_check_rules(struct plan *plan, size_t *out_changed);
/* The workload of the book with rules v (as ccad__plan_measure_load, from
 * plan->cw), noting each customer's share in the trace if there is one. */
void ccad__trace_measure_load(struct plan *plan, const int64_t *v, struct load *load);
/* 1 if customer i's start state and findings can come from plan->old. */
static inline int ccad__trace_reused(const struct plan *plan, size_t i)
{
    return plan->old != NULL && !plan->changed[i];
}
/* Customer i's state at the start of the range from plan->old's trace. */
void ccad__trace_start_of(struct plan *plan, size_t i);
/* Notes every customer's state at the start of the range in the trace. */
void ccad__trace_keep_start(struct plan *plan);
/* The facts that decide a due customer's contact (struct ccad__facts) read
 * only its record and the rules, so a replan hands the day loop's memo
 * those the old plan took for every unchanged customer (facts_in, after
 * the memo is made), and a plan that keeps a trace notes those it took
 * (facts_out, before the memo is freed). */
void ccad__trace_facts_in(struct plan *plan);
void ccad__trace_facts_out(struct plan *plan);
/* Before customer i's per-customer findings: notes where they begin; when
 * reused, copies plan->old's and sets *done. Called with i = n after the
 * last customer, to note their end. CCAD_OK or a recorded error. */
int ccad__trace_findings_of(struct plan *plan, size_t i, int *done);
/* Hands the trace to the schedule (plan->cw moves into it) after a
 * successful run, noting the rules in force. */
void ccad__trace_finish(struct plan *plan);
/* Frees what begin allocated and the run did not hand over. */
void ccad__trace_release(struct plan *plan);
void ccad__trace_free(ccad_ctx *ctx, struct ccad__replan_trace *trace);

/* replan.c: notes in s what it was planned from (ccad_schedule_new). */
void ccad__plan_remember(ccad_schedule *s, const ccad_book *book, const ccad_rules *rules,
                         const ccad_plan_options *o);

/* findings.c */
int ccad__plan_findings(struct plan *plan, const struct load *load, int64_t capacity);

/* ---- PERSIST 1.1: the book's effective activities with the owner (persist.c) ---- */
/* Customer i (strategy persist) at the plan's start: a block of this round
 * done, still open (block_left) or closed without being done. */
void ccad__plan_persist_start(struct plan *plan, size_t i);
/* A PERSIST_LACKING finding for each block closed without being done. */
int ccad__plan_persist_findings(struct plan *plan);

#endif
