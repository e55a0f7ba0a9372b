/* The re-entry tests' world (tests/test_reentry.c and the census's
 * faults_reentry.c): a host whose callbacks (allocator, clock, calendar,
 * travel, store) call back into their own context in the mode armed, and
 * the checks that every guarded call was refused with CCAD_EBUSY and the
 * context is usable afterwards. */
#ifndef CCAD_REENTRY_ENV_H
#define CCAD_REENTRY_ENV_H

#include "testutil.h"

enum mode {
    M_NONE,
    M_ADD,            /* ccad_book_add of new customers to the same book */
    M_SET_STORE_NULL, /* ccad_ctx_set_store(ctx, NULL) */
    M_SET_STORE,      /* ccad_ctx_set_store(ctx, &another) */
    M_STORE_RECORD,   /* a nested ccad_store_record */
    M_SCHEDULE,       /* ccad_schedule_new on the same book */
    M_ROUTE,          /* ccad_route_solve with the same context */
    M_TODAY,          /* ccad_ctx_today and ccad_ctx_day_flags */
    M_ALL,            /* every guarded function, and the readers */
    M_CTX_FREE,       /* ccad_ctx_free(ctx): must do nothing */
    M_FREE_OTHER      /* ccad_book_free of another book of the context: allowed */
};

#define NPTS 6
#define MAX_INNER 4096

typedef struct rw {
    ccad_ctx *ctx;
    ccad_book *b;
    ccad_rules *r;
    ccad_book *other;     /* for M_FREE_OTHER */
    ccad_schedule *sched; /* of b, for ccad_schedule_replan */
    ccad_store store;
    int mode;
    const char *where;    /* the callback that re-enters ("save", "begin", ...; NULL: all) */
    int fail_cb;          /* 1: that callback fails after its re-entry attempts */
    int depth;            /* re-entry attempts in progress (no recursion without the guard) */
    int inner[MAX_INNER]; /* statuses of the nested calls */
    size_t ninner;
    int added;     /* ids made by M_ADD */
    int add_count; /* customers M_ADD adds per attempt (0: 100) */
    int add_wide;  /* 1: with a monthly volume beyond 31 bits (the book's wide table) */
    long begins, commits, rollbacks, saves, appends, loads, iterates, open_tx;
    tu_alloc al;       /* the shared counting allocator (testutil.c) */
    int alloc_reenter; /* 1: the allocator itself re-enters */
    int32_t today;
    double x[NPTS], y[NPTS];
} rw;

/* Customer i of the world's book (its id written into id). */
ccad_customer rw_cust(int i, char *id, size_t cap);

/* A world: context on the re-entering host, rules, a graded book; and
 * its end (fails the test on a leak). */
rw *world_new(void);
void world_free(rw *w);

/* Arms re-entry: mode (enum mode) from the callback `where` (NULL: all);
 * fail_cb: the re-entering callback then reports a failure. */
void arm(rw *w, int mode, const char *where, int fail_cb);

/* Plan and route options for the world's book. */
ccad_plan_options plan_opts(const rw *w);
ccad_route_options rw_route_opts(void);

/* Every nested call got EBUSY (and there was at least one). */
void all_busy(const rw *w);

/* The context is idle again: calls that check the guard work. */
void usable(rw *w);

/* A contact to record in the world. */
ccad_contact a_contact(const rw *w);

#endif
