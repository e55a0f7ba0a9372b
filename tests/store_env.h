/* The storage tests' helpers (tests/test_store.c and the census's
 * faults_store.c): a fake in-memory store with real transactions (snapshot
 * at begin, restored at rollback) and a call counter that fails the Nth
 * callback call; comparisons of the store with a book; rich customers; a
 * context + rules + book (+ store) fixture. */
#ifndef CCAD_STORE_ENV_H
#define CCAD_STORE_ENV_H

#include "testutil.h"

#define FK_MAXC 64
#define FK_MAXLOG 256

typedef struct fk_cust {
    char id[CCAD_ID_MAX + 1]; /* the store's own copy of the id */
    ccad_customer c;          /* c.id is NULL while stored */
} fk_cust;

typedef struct fk_log {
    char id[CCAD_ID_MAX + 1];
    ccad_contact k;
} fk_log;

typedef struct fk_state {
    size_t n;
    fk_cust c[FK_MAXC]; /* in insertion order: iterate order is stable */
    size_t nlog;
    fk_log log[FK_MAXLOG];
} fk_state;

typedef struct fake {
    fk_state cur;  /* the store's data */
    fk_state snap; /* taken at begin, restored at rollback */
    int in_tx;
    /* fault injection: call number fail_at (1-based, counted over every
     * callback call) fails; with fail_after every later call fails too */
    long calls, fail_at, failures;
    int fail_after;
    /* per-callback counts */
    long n_begin, n_commit, n_rollback, n_load, n_save, n_append, n_iterate;
    char trace[512]; /* one letter per call: b c r l s a i */
    size_t ntrace;
    long iterate_stop_after;       /* >= 0: iterate fails after that many customers */
    int iterate_ignores_each;      /* iterate goes on and returns 0 whatever each says */
    char scratch[CCAD_ID_MAX + 1]; /* id handed out by load, scribbled later */
    char iter_id[CCAD_ID_MAX + 1]; /* id handed out by iterate, scribbled later */
} fake;

typedef struct fx {
    tu_fixture base; /* counting allocator, context, rules, book (testutil) */
    fake *f;
} fx;

/* Arms the fake store: callback call n fails (and every later one if
 * after); fk_reset_counts clears its counters and trace. */
void fk_arm(fake *f, long n, int after);

void fk_reset_counts(fake *f);

/* Stores a customer in a state of the fake store (replacing one of its id). */
void fk_put(fk_state *s, const ccad_customer *c);

/* The store callbacks of the fake store f. */
ccad_store fk_store(fake *f);

/* Asserts two contacts are equal field by field. */
void contact_equal(const ccad_contact *a, const ccad_contact *b);

/* The two store states hold the same customers and contact log. */
void state_equal(const fk_state *a, const fk_state *b);

/* Every customer of the book is in the store with the same data, and the
 * store holds nothing else. */
void store_equals_book(fake *f, const ccad_book *b);

/* Customer `i` of the book is in the store with the same data. */
void store_has(fake *f, const ccad_book *b, size_t i);

/* The tests' "today", 2026-11-23; call_contact(): a call on that day. */
int32_t base_day(void);

/* Customer i with every field away from its default (and valid). */
ccad_customer rich_customer(int i, char *idbuf);

ccad_contact call_contact(void);

/* Opens a context, a book of n rich customers and a fake store holding
 * that book, set on the context if with_store; fx_close frees them and
 * fails on a leak. */
void fx_open(fx *x, int n, int with_store);

void fx_close(fx *x);

#endif
