/* The fault census's world (tests/test_faults.c): host callbacks with one
 * fault counter (clock, calendar, travel, storage), a fake transactional
 * store, digests of books, rules, schedules and the store, and the world a
 * round starts from: a context, two rule sets, a graded book of 64
 * customers whose arrays are exactly full, and (W_TEAM) a team of four. */
#ifndef CCAD_FAULTS_ENV_H
#define CCAD_FAULTS_ENV_H

#include "testutil.h"

#define NCUST 64 /* the book's arrays are exactly full at 64 */

#define NSTORED 64 /* customers in the fake store */

#define ROUND_LIMIT 5000
#define FS_MAX 96

typedef struct cbs {
    long calls, fail_at, failures;
    int fail_after;
    long rollbacks_failed;
} cbs;

typedef struct fs_state {
    size_t n, nlog;
    char ids[FS_MAX][CCAD_ID_MAX + 1];
    ccad_customer c[FS_MAX]; /* c.id NULL while stored */
} fs_state;

typedef struct world {
    tu_alloc al;
    cbs cb;
    ccad_host host;
    ccad_ctx *ctx;
    ccad_rules *r, *r_saved, *r2, *r2_saved;
    ccad_book *b;
    tu_snap snap;
    /* W_TEAM: a team of four reps (b and three more books; b2 exactly
     * full), a fifth book outside it, and the store's move callbacks */
    ccad_team *team;
    ccad_book *b2, *b3, *b4, *b5;
    tu_snap snap2;
    /* W_BIG: a graded book of BIG_CUST customers, large enough for the
     * planner's day loop to keep dormant customers (lib/plan/dormant.c) */
    ccad_book *big;
    /* W_SCHED: a schedule of b (census_plan_opts plain) and its digest */
    ccad_schedule *sched;
    uint64_t sched_digest;
    ccad_assessment *as; /* every customer's assessment, under r */
    fs_state cur, tx, initial;
    int in_tx;
    int32_t today;
    /* set by settle() right after the call under test */
    long injected, allocs_made, cbs_made;
    int errcode; /* the context's code and message right after the call */
    char errmsg[256];
} world;

/* W_WIDE_NEXT: customer 3 has 65,535 contacts, so that the next contact
 * no longer fits its compact record and the book's wide table must grow. */
enum {
    W_EMULATE_REALLOC = 1,
    W_WIDE_NEXT = 2,
    W_TEAM = 4,
    W_SCHED = 8,
    W_SCHED_STALE = 16,
    W_BIG = 32
};
#define BIG_CUST 320

/* Arms the callback counter: call n fails (and every later one if after). */
void cb_arm(cbs *c, long n, int after);

/* Ends the fault window right after the call under test (before any check
 * or digest that could allocate or call the host) and notes what it did. */
void settle(world *w);

/* Asserts two states of the fake store are the same. */
void fs_equal(const fs_state *a, const fs_state *b);

/* FNV-1a digests: a value, reasons, a schedule (every item and finding
 * and the days of the range), the fake store. */
uint64_t mix(uint64_t h, uint64_t v);

uint64_t mix_reasons(uint64_t h, const ccad_reason *r, uint32_t n);

/* The whole book under rules r: customers, then assessments (if graded). */
uint64_t book_digest(const ccad_book *b, const ccad_rules *r, int32_t today);

uint64_t schedule_digest(const ccad_schedule *s, int32_t first, int32_t days);
ccad_plan_options census_plan_opts(const world *w, int route, int assign, int metric);

uint64_t store_digest(const fs_state *s);

/* Customer i of the world's book (id: 16 bytes). */
ccad_customer gen_customer(int i, char *id, int32_t today);

/* The census's contact: a call today without progress, next step in ten days. */
ccad_contact fault_contact(const world *w);

/* A rep based at (x, 0) with vpd visits a day. */
ccad_rep fault_rep(const char *id, double x, int vpd);

/* Opens a round's world (flags: W_*), checks it is unchanged after a
 * failing call, and closes it (counting a leak in `leaks`). */
void world_open(world *w, int flags);

void world_check(world *w);

void world_close(world *w, const char *name);

/* Rounds that leaked, over the census (world_close counts them). */
extern long leaks;

#endif
