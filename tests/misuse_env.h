/* Misuse suite (tests/test_misuse_*.c, one file per kind of misuse; this
 * header holds their world): every public function called the way a
 * careless or hostile host would call it.
 *
 *   - NULL for every pointer argument of every public function (one table
 *     row per function and argument);
 *   - extremes: INT32_MIN/MAX dates, INT64 extremes for money and rules
 *     values, counts and sizes at their limits;
 *   - bad struct sizes (0, too small, one short, one over, too large) for
 *     every size-versioned struct;
 *   - 10 MB ids, names and rules lines; random and NUL-laden rules text;
 *   - plan and route options at and past every documented bound;
 *   - failing and lying host callbacks (clock, calendar, travel, store).
 *
 * Each failing call must return its documented code, record a message where
 * a context is reachable, change nothing (a digest of the book, its grades
 * and both rule sets is compared before and after) and never crash (the file
 * also runs under CCAD_SANITIZE). */
#ifndef CCAD_MISUSE_ENV_H
#define CCAD_MISUSE_ENV_H

#include "testutil.h"

#include <limits.h>

#define NCUST 6

#define BIG (10u * 1024u * 1024u) /* 10 MB */

typedef struct liar {
    int clock_rc;         /* returned by the clock */
    int64_t clock_secs;   /* written by the clock */
    int calendar_rc;      /* returned by the calendar */
    uint32_t calendar_or; /* extra bits or'ed into every day's flags */
    int travel_rc;        /* returned by travel */
    int32_t travel_fixed; /* if not 0: every leg takes this many minutes */
    long calendar_calls, travel_calls;
} liar;

enum { S_BEGIN, S_COMMIT, S_ROLLBACK, S_LOAD, S_SAVE, S_APPEND, S_ITERATE, S_N };
/* The names of the store steps, for messages. */
extern const char *const s_names[S_N];

typedef struct fstore {
    ccad_customer c[NCUST + 2];
    char ids[NCUST + 2][CCAD_ID_MAX + 1];
    size_t n;
    unsigned long contacts; /* append_contact calls kept */
    /* the transaction's copy */
    ccad_customer tc[NCUST + 2];
    char tids[NCUST + 2][CCAD_ID_MAX + 1];
    size_t tn;
    unsigned long tcontacts;
    int in_tx;
    int fail; /* S_* that fails, or -1 */
    int lie;  /* 1: load/iterate hand back an invalid customer */
    long calls[S_N];
} fstore;

typedef struct world {
    liar l;
    fstore fs;
    ccad_ctx *ctx;
    ccad_rules *rules, *rules2;
    ccad_book *book;
    ccad_schedule *sched;
    int32_t today;
    double x[NCUST + 1], y[NCUST + 1];
} world;

/* The world of the running test (set by world_setup), and the failing
 * calls checked so far in this program. */
extern world *W;
extern long cases;

/* Runs `call` (an expression using the world) expecting `code`; msg: 1 if
 * a message must be recorded on the world's context. */
#define MUST_FAIL(call, code, msg) \
    do { \
        uint64_t d_ = digest(); \
        const char *m_ = mark_ctx(W->ctx); \
        char mark_[256]; \
        int rc_; \
        strncpy(mark_, m_, sizeof mark_ - 1); \
        mark_[sizeof mark_ - 1] = '\0'; \
        rc_ = (call); \
        expect_fail(#call, rc_, (code), (msg), d_, mark_); \
        cases++; \
    } while (0)

/* The store callbacks of the fake store f. */
ccad_store fs_callbacks(fstore *f);

/* Adds customer i (with a contact) to b. */
void add_customer(ccad_book *b, int i, int32_t today);

/* cmocka setup / teardown of the world (W points to it meanwhile). */
int world_setup(void **state);

int world_teardown(void **state);

/* FNV-1a of n bytes; digest(): of the whole world (book, grades, both
 * rule sets, schedule). */
uint64_t fnv(uint64_t h, const void *p, size_t n);

uint64_t digest(void);

/* Puts the context in a known failure state with a message no call under
 * test can produce, and returns a copy of that message. */
const char *mark_ctx(ccad_ctx *ctx);

/* The call must fail with `code`, change nothing, and (msg) record that code
 * and a new, non-empty message on the world's context. */
void expect_fail(const char *what, int rc, int code, int msg, uint64_t before, const char *mark);

#endif
