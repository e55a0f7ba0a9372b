/* Internal declarations shared by the library's translation units.
 * Nothing here is part of the public API. */
#ifndef CCAD_INTERNAL_H
#define CCAD_INTERNAL_H

#include "custcadence.h"

#include <stdarg.h>
#include <stddef.h>

#define CCAD_ERRMSG_CAP 256

struct ccad_ctx {
    ccad_host host; /* the caller's interface, zero beyond the caller's size */
    int errcode;
    uint32_t errline, errcol; /* position of the last parse error, 0 if none */
    ccad_store store;         /* valid when has_store */
    int has_store;
    ccad_store_moves moves; /* valid when has_moves (teams: remove, set_owner) */
    int has_moves;
    unsigned busy;       /* host calls in progress: the busy guard (see below) */
    int lang;            /* ccad_lang of the rules-text messages (ccad_ctx_set_lang) */
    uint64_t books_made; /* books created in this context: each book's serial */
    unsigned cpu;        /* CCAD__CPU_* kernels this processor runs (cpu.c); tests clear it */
    char errmsg[CCAD_ERRMSG_CAP];
};

/* The busy guard (docs/integration.md, "Re-entry"). ctx.c, the only code
 * that calls host function pointers, counts each host call in progress in
 * ctx->busy. Every entry point that changes a handle of the context or
 * calls the host refuses while it is not 0 (the call comes from inside a
 * callback) with CCAD_EBUSY, before touching anything; ccad__fail records
 * nothing then, so the running call's message stays its own. Readers
 * (const handles) do not check. Not a lock: one thread per context. */
static inline int ccad__busy(const ccad_ctx *ctx) { return ctx->busy != 0; }

/* Allocation through the context's allocator. n must be > 0. */
void *ccad__alloc(ccad_ctx *ctx, size_t n);
/* Resize; old_n is the current size (used when the host gives no realloc). */
void *ccad__realloc(ccad_ctx *ctx, void *p, size_t old_n, size_t n);
void ccad__free(ccad_ctx *ctx, void *p);

/* Records code and message on ctx (if not NULL) and returns code. The
 * message names its function first (docs/design.md, "Errors"):
 * "ccad_book_add: customer id \"x\" already in the book". */
int ccad__fail(ccad_ctx *ctx, int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Puts fn, the API function returning rc, in front of the message of the
 * failure rc that an internal helper shared by several API functions
 * recorded without a name (an allocation in the planner, a host
 * callback); a message already naming its function is kept. Returns rc. */
int ccad__fail_in(ccad_ctx *ctx, const char *fn, int rc);

/* Records the position of the error just recorded by ccad__fail. */
static inline int ccad__errpos(ccad_ctx *ctx, int code, unsigned long line, unsigned long col)
{
    ctx->errline = line > UINT32_MAX ? UINT32_MAX : (uint32_t)line;
    ctx->errcol = col > UINT32_MAX ? UINT32_MAX : (uint32_t)col;
    return code;
}

/* Struct sizes this version accepts. When a versioned struct grows (so
 * far ccad_param_info and ccad_platform, in 1.1), its first released size stays accepted and the
 * library fills or reads only the members that size covers. A size larger
 * than this version knows comes from a newer header and is refused, so new
 * members are never silently ignored. */
#define CCAD__SIZE_OK(sz, type) ((size_t)(sz) == sizeof(type))

/* ccad_customer and ccad_contact grew in 1.1 (what a visit holds): the
 * 1.0 members end at CCAD__*_1_0_END, and the 1.0 struct's size is that
 * rounded up to the struct's alignment. */
#define CCAD__ALIGN_OF(type) \
    offsetof( \
        struct { \
            char c_; \
            type x_; \
        }, \
        x_)
#define CCAD__CUSTOMER_1_0_END (offsetof(ccad_customer, service_counts) + 4 * sizeof(uint32_t))
#define CCAD__CUSTOMER_SIZE_1_0 \
    ((CCAD__CUSTOMER_1_0_END + CCAD__ALIGN_OF(ccad_customer) - 1) / \
     CCAD__ALIGN_OF(ccad_customer) * CCAD__ALIGN_OF(ccad_customer))
#define CCAD__CUSTOMER_SIZE_OK(sz) \
    (CCAD__SIZE_OK(sz, ccad_customer) || (size_t)(sz) == CCAD__CUSTOMER_SIZE_1_0)
#define CCAD__CONTACT_1_0_END (offsetof(ccad_contact, service_level) + sizeof(int))
#define CCAD__CONTACT_SIZE_1_0 \
    ((CCAD__CONTACT_1_0_END + CCAD__ALIGN_OF(ccad_contact) - 1) / CCAD__ALIGN_OF(ccad_contact) * \
     CCAD__ALIGN_OF(ccad_contact))
#define CCAD__CONTACT_SIZE_OK(sz) \
    (CCAD__SIZE_OK(sz, ccad_contact) || (size_t)(sz) == CCAD__CONTACT_SIZE_1_0)

/* Host calls other than allocator, clock and calendar (ctx.c): the only
 * places where travel and storage callbacks are called. ccad__travel
 * records a message on failure; the store calls return the host's value. */
int ccad__travel(ccad_ctx *ctx, double x1, double y1, double x2, double y2, int32_t *out_minutes);
int ccad__store_begin(ccad_ctx *ctx);
int ccad__store_commit(ccad_ctx *ctx);
int ccad__store_rollback(ccad_ctx *ctx);
int ccad__store_save(ccad_ctx *ctx, const ccad_customer *c);
int ccad__store_append(ccad_ctx *ctx, const char *id, const ccad_contact *e);
int ccad__store_load(ccad_ctx *ctx, const char *id, ccad_customer *out, int *found);
int ccad__store_iterate(ccad_ctx *ctx, ccad_store_each_fn each, void *each_user);
int ccad__store_remove(ccad_ctx *ctx, const char *id);
int ccad__store_set_owner(ccad_ctx *ctx, const char *id, const char *owner);
/* Cleans a calendar's flags as ccad_ctx_day_flags does (ctx.c). */
uint32_t ccad__clean_day_flags(uint32_t flags);
/* The team calendar `cal` for rep `rep` on `day`, cleaned, into *out;
 * CCAD_ECALLBACK recorded on failure (ctx.c). */
int ccad__team_calendar(ccad_ctx *ctx, int (*cal)(void *, const char *, int32_t, uint32_t *),
                        void *user, const char *rep, int32_t day, uint32_t *out);

/* 1 if day is a valid date (not CCAD_NO_DATE). */
static inline int ccad__date_ok(int32_t d) { return d >= CCAD_DATE_MIN && d <= CCAD_DATE_MAX; }
/* 1 if d is CCAD_NO_DATE or a valid date. */
static inline int ccad__opt_date_ok(int32_t d) { return d == CCAD_NO_DATE || ccad__date_ok(d); }
/* ISO weekday 1..7 of a valid day number. */
static inline int ccad__weekday(int32_t d)
{
    int w = (int)((d % 7 + 7 + 3) % 7); /* 1970-01-01 was a Thursday (3 from Monday) */
    return w + 1;
}

/* ---- rules ---- */
enum ccad__param {
    P_GRADE_METHOD,
    P_GRADE_SHARE_A,
    P_GRADE_SHARE_B,
    P_GRADE_SHARE_C,
    P_GRADE_USE_D,
    P_GRADE_THRESHOLD_A,
    P_GRADE_THRESHOLD_B,
    P_GRADE_THRESHOLD_C,
    P_URG_WEEK,
    P_URG_TWO_WEEKS,
    P_URG_REQUEST,
    P_QUAD_IMPORTANT,
    P_FREQ_Q1W_COUNT,
    P_FREQ_Q1W_DAYS,
    P_FREQ_Q1TW_COUNT,
    P_FREQ_Q1TW_DAYS,
    P_FREQ_A_COUNT,
    P_FREQ_A_DAYS,
    P_FREQ_B_COUNT,
    P_FREQ_B_DAYS,
    P_FREQ_C_COUNT,
    P_FREQ_C_DAYS,
    P_FREQ_D_COUNT,
    P_FREQ_D_DAYS,
    P_FREQ_WORK_DAYS,
    P_FREQ_LET_GO,
    P_GAP_MAX,
    P_GAP_ALERT,
    P_GAP_GRADES,
    P_GAP_HALF_LIFE,
    P_FOLLOWUP_LEAD,
    P_STALL_AFTER,
    P_PATIENCE_MIN,
    P_TRIAGE_SELF,
    P_TRIAGE_PUSH,
    P_TRIAGE_UNMOVABLE,
    P_TRIAGE_BAND,
    P_TRIAGE_MARGIN_LIFT,
    P_COMPLAINT_FOLLOWUP,
    P_COMPLAINT_CARE,
    P_CLOCK_ANY,
    P_ESC_REP,
    P_ESC_MANAGER,
    P_ESC_REASSIGN,
    P_ESC_Q4,
    P_OWNERSHIP_DAYS,
    P_NEVER_DUE_NOW,
    P_CAP_Q4_ROLLOVER,
    P_CAP_DELEGATE_Q3,
    P_PERSIST_BLOCK,
    P_PERSIST_CYCLE,
    P_KEEPWARM_GRADES,
    P_SERVICE_A,
    P_SERVICE_B,
    P_SERVICE_C,
    P_SERVICE_D,
    P_WORKLOAD_FIELD_DAYS,
    P_PLATFORM_CAP,
    P_PLATFORM_CAP_A,
    P_PLATFORM_CAP_B,
    P_PLATFORM_RESERVE,
    P_PLATFORM_C_MAX,
    P_CAP_PULL_AHEAD,
    P_ROUTE_MOVE_DAYS,
    P_URG_ORDER,
    P_PLATFORM_MIN, /* 1.1: parameters from issue 20 (faithful to the texts) */
    P_CLOCK_Q1_VISITS,
    P_GAP_BY_CYCLE,
    P_GAP_WARN_PCT,
    P_GAP_ALERT_PCT,
    P_FREQ_RAMP_WITHIN,
    P_FREQ_RAMP_COUNT,
    P_FREQ_RAMP_DAYS,
    P_PATIENCE_PROSPECTS,
    P_POOL_RELEASE_DAYS,  /* 1.1: teams (issue 14) */
    P_TRIAGE_BY_POSITION, /* 1.1: TRIAGE by our position (issue 20) */
    P_TRIAGE_SHARE_SELF,
    P_TRIAGE_SHARE_PUSH,
    P_TRIAGE_SHARE_UNMOVABLE,
    P_TRIAGE_RANK_SELF,
    P_TRIAGE_RANK_PUSH,
    P_TRIAGE_RANK_UNMOVABLE,
    P_FOLLOWUP_ENTRY_DAYS, /* 1.1: what a visit holds (issue 20, item 3) */
    P_FOLLOWUP_PARTS,
    P_PATIENCE_CONSECUTIVE,
    P_PATIENCE_BREAK_PCT,
    P_PERSIST_EFFECTIVE,
    P__COUNT
};

/* The grading parameters are contiguous: a book remembers them. */
#define P_GRADE_FIRST P_GRADE_METHOD
#define P_GRADE_COUNT (P_GRADE_THRESHOLD_C - P_GRADE_METHOD + 1)

struct ccad_rules {
    ccad_ctx *ctx;
    int64_t v[P__COUNT];
};

/* Sorts idx[0..n) by value descending, then id ascending (grade.c). */
struct ccad_book;
void ccad__sort_by_value(const struct ccad_book *b, uint32_t *idx, uint32_t *tmp, size_t n);

/* ---- book ---- */

/* Released and eliminated customers have left the rep's book. */
static inline int ccad__inactive(int status)
{
    return status == CCAD_STATUS_RELEASED || status == CCAD_STATUS_ELIMINATED;
}

/* Customer flag bits (struct cust.bits and struct crec.bits). */
#define CB_CAPABLE 1u
#define CB_HAS_LOC 2u
#define CB_LAST_RECORDED 4u
#define CB_WIDE 8u       /* struct crec only: the fields live in the book's wide table */
#define CB_EXTRA 16u     /* struct crec only: the value and the 1.1 extras live in the side table */
#define CB_EXTRA_POS 32u /* struct crec only, with CB_EXTRA: the entry holds a known position */
#define CB_EXTRA_VIS 64u /* struct crec only, with CB_EXTRA: the entry's visit summary is set */

#include "visits.h" /* struct ccad__visits, 1.1: what the contacts held */

/* One customer at full width: the working form every rule reads. Dates are
 * day numbers or CCAD_NO_DATE. */
struct cust {
    int64_t value;
    int64_t volume; /* -1 unknown */
    double x, y;
    int32_t purchase, complaint_date, request, owned, last_contact, last_visit, next_step;
    int32_t order;     /* latest order recorded while `purchase` was on record and
                             within CCAD__ORDER_REACH days of it, or CCAD_NO_DATE */
    int32_t last_gap;  /* -1 unknown */
    int32_t margin_bp; /* -1 unknown */
    uint32_t rank;     /* 1-based rank by value from the last grading */
    uint32_t contacts, no_progress, missing;
    uint32_t svc[4];
    int32_t share_pct;      /* our share of its sales, CCAD_SHARE_UNKNOWN (-1) unknown */
    uint32_t supplier_rank; /* our rank among its suppliers, 0 unknown */
    uint16_t open_min, close_min;
    uint8_t grade_manual, grade_computed, status, complaint, visit_days, bits;
    struct ccad__visits vis; /* 1.1: what the visits held (visits.c); at its defaults
                                for every customer a 1.0 caller makes */
};

/* The highest ccad_customer.supplier_rank accepted. */
#define CCAD__SUPPLIER_RANK_MAX 1000000u

/* 1 if the customer's position in its own sales is known (TRIAGE): such a
 * customer is stored in the wide table, so the batch kernels, which read
 * only the 64-byte records, never need to know about it. */
static inline int ccad__has_position(const struct cust *c)
{
    return c->share_pct != CCAD_SHARE_UNKNOWN || c->supplier_rank != CCAD_RANK_UNKNOWN;
}

/* One customer as the book stores it: 64 bytes, one cache line. Dates are
 * 16-bit offsets from CR_EPOCH (2020-01-01), so 1930-04-16 .. 2109-09-18,
 * with CR_NO_DATE for none; values, volumes and gaps fit 31 and 15 bits;
 * contacts and the no-progress run 16 bits, missing records and service
 * counts 8 bits; the remembered order is a signed 8-bit offset from the
 * purchase date (always within CCAD__ORDER_REACH). A customer whose fields do not
 * all fit is stored whole in the book's wide table (CB_WIDE set, `value`
 * holds the slot); x, y, rank, the grades, status, complaint and bits are
 * always valid here. ccad__unpack() gives the working form. */
struct crec {
    double x, y;
    int32_t value;  /* or the wide slot */
    int32_t volume; /* -1 unknown */
    uint32_t rank;
    int16_t purchase, complaint_date, request, owned, last_contact, last_visit, next_step;
    int16_t last_gap;  /* -1 unknown */
    int16_t margin_bp; /* -1 unknown */
    uint16_t contacts, no_progress;
    uint8_t missing;
    int8_t order_off; /* the order date minus the purchase date, CR_NO_ORDER for none */
    uint8_t svc[4];
    uint32_t window; /* open_min | close_min << 11 | visit_days << 22 */
    uint8_t grades;  /* hand-set grade | computed grade << 4 */
    uint8_t status, complaint, bits;
};

#define CR_EPOCH 18262 /* 2020-01-01 */
#define CR_NO_DATE INT16_MIN
#define CR_NO_ORDER INT8_MIN

/* How far (days, either way) an order may lie from the purchase date on
 * record and still be remembered: the upper bound of urgency.order_days. */
#define CCAD__ORDER_REACH 120

/* 1 if the order remembered with a purchase date closes it (URGENCY): it
 * lies within `days` of that date, before or after. */
static inline int ccad__order_closes(int32_t purchase, int32_t order, int64_t days)
{
    return purchase != CCAD_NO_DATE && order != CCAD_NO_DATE && (int64_t)order - purchase <= days &&
           (int64_t)purchase - order <= days;
}

/* One rules parameter. Character arrays rather than pointers keep the
 * table in read-only data (no relocations), so the shared library has no
 * writable data at all. */
enum ccad__pkind { K_INT, K_BOOL, K_ENUM, K_MASK, K_DAYS };

struct ccad__param_def {
    char name[32];
    int rule;
    enum ccad__pkind kind;
    int64_t min, max, def;
    char unit[8];
    char keywords[2][12]; /* K_ENUM: keyword of value 0 and 1 */
    char help[88];
    char source[72]; /* "seed NNN, line L: ..." or "project default: ..." */
};
/* The parameter table, one row at the index of each enum ccad__param value
 * (rules_table.c, designated initializers). */
extern const struct ccad__param_def ccad__params[P__COUNT];

/* 1 if the customer's duty is the purchase window's (important, purchase
 * level week or two weeks: FREQ's Q1 rows) and clock.q1_visits_only makes
 * only visits count for it (CLOCK). */
static inline int ccad__q1_visits_only(const int64_t *v, int important, int plevel)
{
    return important && plevel != CCAD_URGENCY_NONE && v[P_CLOCK_Q1_VISITS] != 0;
}

/* GAP: the longest gap that only warns (*max: a gap above it warns) and
 * the gap from which it alerts (*alert), for a customer of `grade` whose
 * interval stretches by `stretch` (the let-go factor, else 1): factors of
 * the customer's own cycle (gap.by_cycle), or 1.0's fixed gap.max_days and
 * gap.alert_days (rules/gap_limits.c). */
void ccad__gap_limits(const int64_t *v, int grade, int64_t stretch, int64_t *max, int64_t *alert);

/* FREQ's ramp towards a distant purchase decision: the ramp's interval
 * (0: none) when an important customer's open purchase decision lies
 * beyond urgency.two_weeks_days but within freq.ramp_within_days of today. */
static inline int64_t ccad__ramp_interval(const int64_t *v, int important, int32_t purchase,
                                          int32_t order, int32_t today)
{
    int64_t days = (int64_t)purchase - today;
    if (!important || purchase == CCAD_NO_DATE || v[P_FREQ_RAMP_COUNT] <= 0 ||
        days <= v[P_URG_TWO_WEEKS] || days > v[P_FREQ_RAMP_WITHIN] ||
        ccad__order_closes(purchase, order, v[P_URG_ORDER]))
        return 0;
    return v[P_FREQ_RAMP_DAYS] / v[P_FREQ_RAMP_COUNT] > 1
               ? v[P_FREQ_RAMP_DAYS] / v[P_FREQ_RAMP_COUNT]
               : 1;
}

/* PATIENCE: 1 if an open customer's release would be premature by its
 * contact count: fewer than patience.min_contacts, and a prospect unless
 * patience.prospects_only is 0 (seed 003: five contacts win a prospect). */
static inline int ccad__too_few_contacts(const int64_t *v, int status, uint64_t contacts)
{
    return contacts < (uint64_t)v[P_PATIENCE_MIN] &&
           (status == CCAD_STATUS_PROSPECT || !v[P_PATIENCE_PROSPECTS]);
}

/* A compile-time check that struct crec is one cache line. */
typedef char ccad__crec_is_64_bytes[sizeof(struct crec) == 64 ? 1 : -1];

static inline int32_t ccad__rdate(int16_t d)
{
    return d == CR_NO_DATE ? CCAD_NO_DATE : (int32_t)d + CR_EPOCH;
}

static inline int ccad__rgrade(const struct crec *r)
{
    int m = r->grades & 15;
    return m != CCAD_GRADE_NONE ? m : r->grades >> 4;
}

struct ccad_book {
    ccad_ctx *ctx;
    struct crec *c;
    size_t n, cap;
    uint32_t *id_off;  /* per customer: its id in the arena (cap entries) */
    struct cust *wide; /* customers whose fields do not fit a struct crec */
    size_t nwide, capwide;
    struct ccad__extra *extra; /* the side table: 1.1 extras of records that fit (book_extra.c) */
    size_t nextra, capextra;
    char *ids; /* arena of NUL-terminated ids */
    size_t ids_len, ids_cap;
    uint32_t *slots;     /* open addressing: index + 1, 0 = empty */
    size_t nslots;       /* power of two */
    uint64_t generation; /* bumped on every change that affects grading */
    uint64_t graded_generation;
    int graded;    /* 1 once ccad_book_grade() ran */
    size_t ranked; /* customers ranked by the last rank grading */
    int64_t grade_params[P_GRADE_COUNT];
    uint64_t serial; /* ccad_ctx.books_made when created: tells books apart */
    uint64_t edits;  /* bumped on every change of a customer, its count or grades */
};

#include "book_extra.h" /* the side table of 1.1 extras */

/* The assessment of one stored customer (assess.c, with the rules of
 * lib/rules/); keep_reasons 0 skips writing reasons. The reason slots past
 * a->reason_count are not cleared: a caller that hands the whole struct
 * out clears it first. */
void ccad__assess(const ccad_book *b, const int64_t *v, const struct cust *c, int32_t today,
                  ccad_assessment *a, int keep_reasons);
/* Rule tables for briefs on day `today` (assess.c). */
struct ccad__lean {
    const int64_t *v;
    int32_t today;
    int32_t ival[5][3][2]; /* interval days by grade (0 = none), purchase level, let go */
    unsigned important;    /* bit g: grade g is important */
    unsigned watched;      /* bit g: grade g's rhythm is watched */
    uint8_t shift[8];      /* by ISO weekday: days to the next working one */
    int32_t gap_max[5][2], gap_alert[5][2]; /* GAP limits by grade, let go */
};
void ccad__lean_init(struct ccad__lean *lean, const int64_t *v, int32_t today);
/* The brief of customer c in working form: the fields of ccad_book_assess
 * that a ccad_brief holds (assess.c). */
void ccad__brief_cust(const struct ccad__lean *lean, const struct cust *c, ccad_brief *o);
/* CCAD_OK if the book is graded with these rules, else CCAD_ESTALE (recorded). */
int ccad__check_graded(const ccad_book *book, const ccad_rules *rules, const char *fn);
/* CCAD_OK if rules and today are valid and the book is graded with these
 * rules, else the error (recorded) (assess.c). */
int ccad__check_ready(const ccad_book *book, const ccad_rules *rules, int32_t today,
                      const char *fn);
/* 1 if two grading parameter blocks grade the same way (only the
 * parameters the method uses count) (grade.c). */
int ccad__same_grading(const int64_t *a, const int64_t *b);
/* Effective grade: hand-set, else computed. */
static inline int ccad__grade(const struct cust *c)
{
    return c->grade_manual != CCAD_GRADE_NONE ? c->grade_manual : c->grade_computed;
}

/* The rules' parameter table (rules.c), for the text parser (rules_parse.c):
 * the index of the parameter named [name, name+len) or -1; the name of
 * parameter i; the defaults into v[P__COUNT]; the first broken cross-
 * parameter constraint (1, with a message and the two parameters, or 0);
 * parameter i's value from the token [s, s+n): 0, or -1 (malformed) or -2
 * (out of range) with a message. */
int ccad__rules_find(const char *name, size_t len);
const char *ccad__rules_param_name(int i);
void ccad__rules_defaults(int64_t *v);
int ccad__rules_conflict(const int64_t *v, int *culprit, int *other, char *msg, size_t cap,
                         int lang);
int ccad__rules_value(int i, const char *s, size_t n, int64_t *out, char *msg, size_t cap,
                      int lang);

/* TRIAGE of one customer (lib/rules/triage.c): the final kind
 * (CCAD_TRIAGE_NONE when not triaged), the kind before the margin lift into
 * *out_before and the threshold applied into *out_thr; and the strategy a
 * kind gives. ccad__triage_read also says what decided: the reason code
 * (CCAD_WHY_TRIAGE by volume, _SHARE or _RANK by our position), the
 * customer's figure and the threshold. */
struct ccad__triage_read {
    int kind, before, why;
    int64_t figure, thr;
};
int ccad__triage_read(const int64_t *v, const struct cust *c, struct ccad__triage_read *t);
int ccad__triage(const int64_t *v, const struct cust *c, int *out_before, int64_t *out_thr);
int ccad__strategy_of(int kind, const struct cust *c);

/* Index of the lowest set bit of x (x != 0). */
static inline uint32_t ccad__lowest_bit(uint32_t x)
{
#if defined(__GNUC__) || defined(__clang__)
    return (uint32_t)__builtin_ctz(x);
#else
    uint32_t i = 0;
    while (((x >> i) & 1u) == 0)
        i++;
    return i;
#endif
}

#include "routes.h"

/* The contact `contact` applied to customer `index`, checked, into *out;
 * the book is not changed (book.c). */
int ccad__record_apply(const ccad_book *book, size_t index, const ccad_contact *contact,
                       struct cust *out, const char *fn);
/* 1 and *out_index if id is in the book, else 0; records nothing (book.c). */
int ccad__find(const ccad_book *book, const char *id, size_t *out_index);
/* 64-bit FNV-1a of n bytes: the book's id hash and the snapshot checksum. */
static inline uint64_t ccad__fnv1a(const void *p, size_t n)
{
    const unsigned char *b = p;
    uint64_t h = UINT64_C(14695981039346656037);
    size_t i;
    for (i = 0; i < n; i++) {
        h ^= b[i];
        h *= UINT64_C(1099511628211);
    }
    return h;
}
/* Adds one validated customer (book.c); fn names the call in messages. */
int ccad__book_add_one(ccad_book *book, const char *fn, const ccad_customer *customer,
                       size_t *out_index);
/* Takes back the customer added last (bulk rollback). */
void ccad__book_drop_last(ccad_book *book);
/* Customer `index` as the public struct, its fields from *d (book.c). */
void ccad__export(const ccad_book *book, size_t index, const struct cust *d, ccad_customer *out);
/* Customer `index` in its working form (book.c). */
void ccad__unpack(const ccad_book *book, size_t index, struct cust *out);
/* Makes sure ccad__pack(book, index, c) cannot fail: CCAD_OK, or
 * CCAD_ENOMEM (recorded) when c needs a wide slot that cannot be had
 * (CCAD_EOVERFLOW past SIZE_MAX bytes, which a book of at most 2^31-1
 * customers cannot reach). */
int ccad__pack_reserve(ccad_book *book, size_t index, const struct cust *c, const char *fn);
/* Gives back a wide table that ccad__pack_reserve created and nothing used,
 * so that a call failing after the reservation leaves no new block behind
 * (a table that only grew stays grown; the customers are unchanged). */
void ccad__pack_unreserve(ccad_book *book);
/* Stores c as customer `index` (after ccad__pack_reserve); keeps the rank
 * and the computed grade already stored. */
void ccad__pack(ccad_book *book, size_t index, const struct cust *c);
/* Room in the book for one more customer with an id of idlen bytes and
 * fields c: CCAD_OK or the error (recorded); the customers are unchanged
 * (book.c). */
int ccad__book_reserve(ccad_book *book, size_t idlen, const struct cust *c, const char *fn);
/* Appends customer c with id [id, id+idlen) after ccad__book_reserve;
 * returns its index (book.c). */
size_t ccad__book_append(ccad_book *book, const char *id, size_t idlen, const struct cust *c);
/* Rebuilds the id index from the ids (book.c). */
void ccad__book_reindex(ccad_book *book);
/* Value of stored customer `index`. */
static inline int64_t ccad__value(const ccad_book *book, size_t index)
{
    const struct crec *r = &book->c[index];
    if (r->bits & CB_EXTRA)
        return book->extra[(uint32_t)r->value].value;
    return (r->bits & CB_WIDE) ? book->wide[(uint32_t)r->value].value : r->value;
}

/* ---- names and languages (names.c, enum_names.c, lang*.c) ---- */

/* Number of rule ids and of reason codes (both start at 1). */
int ccad__rule_count(void);
int ccad__why_count(void);
/* Values of a ccad_name_kind: how many (0 for an unknown kind), the index
 * of a value in the kind's tables (-1 if not a value of it), and the value
 * at an index. Rule ids and reason codes are kinds too. */
int ccad__name_count(int kind);
int ccad__name_index(int kind, int value);
int ccad__name_value(int kind, int index);
/* a - b, saturating at the ends of int64_t. */
long long ccad__sat_sub(long long a, long long b);
/* Minutes after midnight as HH:MM (-HH:MM for a negative figure). */
void ccad__clock_text(char buf[32], int64_t m);

/* Pseudo-kinds of the language catalogues beside the ccad_name_kind values:
 * the reason templates (indexed by reason code) and the words the
 * formatter itself writes (CCAD__WORD_*). */
#define CCAD__TEXT_WHY 0
#define CCAD__TEXT_WORD 100
enum ccad__word {
    CCAD__WORD_YUAN = 0,     /* unit of money below ten thousand */
    CCAD__WORD_WAN = 1,      /* ten thousand */
    CCAD__WORD_YI = 2,       /* a hundred million */
    CCAD__WORD_NO_DATE = 3,  /* a date figure that is not a date */
    CCAD__WORD_NO_DAYS = 4,  /* an empty set of weekdays */
    CCAD__WORD_LIST_SEP = 5, /* between the items of a list */
    CCAD__WORD_MONTH = 6,    /* after the month of a date */
    CCAD__WORD_DAY = 7,      /* after the day of a date */
    CCAD__WORD_UNKNOWN = 8,  /* "reason" of an unknown reason code */
    CCAD__WORD_COLON = 9,    /* after the rule's name */
    CCAD__WORD_COUNT = 10
};
/* The text of a language's catalogue (lang > CCAD_LANG_EN) for a kind and
 * index (a reason code for CCAD__TEXT_WHY); NULL when it has none. */
const char *ccad__lang_text(int lang, int kind, int index);
const char *ccad__zh_hans_text(int kind, int index);
const char *ccad__zh_hant_text(int kind, int index);

#include "rules_msg.h"

#endif
