/* Crash test of the SQLite store: a child process records contacts and saves
 * books through the library's store functions in a loop on a file database;
 * the parent kills it with SIGKILL at a random moment, then reopens the file
 * and checks that what is there is whole:
 *
 *   - PRAGMA integrity_check says "ok";
 *   - every contact row belongs to a stored customer;
 *   - each customer's stored contact count equals its contact rows, and its
 *     last_contact is the latest of their dates (the store writes the
 *     summary and the event in one transaction, docs/integration.md);
 *   - ccad_store_load_book() loads every stored customer, with those counts;
 *   - nothing committed is lost: the number of contact rows never falls.
 *
 * Usage: ccad-sqlite-crash-test DATABASE-FILE [KILLS [SEED]]
 * (the file is recreated; defaults: 30 kills, seed 17). POSIX only. */
#define _POSIX_C_SOURCE 200809L

#include "sqlite_store.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define NCUST 24
#define BASE_DAY 20000 /* 2024-10-04 */

static const char *path;

static void die(const char *what, const char *detail)
{
    fprintf(stderr, "sqlite crash test: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    exit(1);
}

static uint64_t rng_state;
static uint64_t rng(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 2685821657736338717ull;
}

/* ---- the child: record and save until killed ---- */

static void child(uint64_t seed)
{
    ccad_sqlite_store *st = NULL;
    ccad_ctx *ctx = NULL;
    ccad_book *book = NULL;
    ccad_store s;
    char err[256];
    unsigned long n = 0;

    rng_state = seed | 1;
    if (ccad_sqlite_store_open(&st, path, err, sizeof err) != SQLITE_OK)
        die("child: open", err);
    if (ccad_ctx_new(&ctx, NULL) != CCAD_OK)
        die("child: ccad_ctx_new", NULL);
    s = ccad_sqlite_store_callbacks(st);
    if (ccad_ctx_set_store(ctx, &s) != CCAD_OK)
        die("child: ccad_ctx_set_store", ccad_ctx_errmsg(ctx));
    if (ccad_store_load_book(&book, ctx) != CCAD_OK)
        die("child: ccad_store_load_book", ccad_ctx_errmsg(ctx));
    if (ccad_book_count(book) == 0) {
        int i;
        for (i = 0; i < NCUST; i++) {
            ccad_customer c = CCAD_CUSTOMER_INIT;
            char id[32];
            snprintf(id, sizeof id, "K-%03d", i);
            c.id = id;
            c.value = 1000 * (i + 1);
            c.status = CCAD_STATUS_ACTIVE;
            if (ccad_book_add(book, &c, NULL) != CCAD_OK)
                die("child: ccad_book_add", ccad_ctx_errmsg(ctx));
        }
        if (ccad_store_save_book(book) != CCAD_OK)
            die("child: first ccad_store_save_book", ccad_ctx_errmsg(ctx));
    }
    for (;;) {
        size_t i = (size_t)(rng() % ccad_book_count(book));
        ccad_customer c = CCAD_CUSTOMER_INIT;
        ccad_contact k = CCAD_CONTACT_INIT;
        if (ccad_book_get(book, i, &c) != CCAD_OK)
            die("child: ccad_book_get", ccad_ctx_errmsg(ctx));
        k.date = (c.last_contact == CCAD_NO_DATE ? BASE_DAY : c.last_contact) + 1;
        k.kind = 1 + (int)(rng() % 5);
        k.outcome = rng() % 2 ? CCAD_OUTCOME_PROGRESS : CCAD_OUTCOME_NO_PROGRESS;
        k.recorded = (int)(rng() % 2);
        k.service_level = (int)(rng() % 5);
        if (ccad_store_record(book, i, &k) != CCAD_OK)
            die("child: ccad_store_record", ccad_ctx_errmsg(ctx));
        if (++n % 7 == 0 && ccad_store_save_book(book) != CCAD_OK)
            die("child: ccad_store_save_book", ccad_ctx_errmsg(ctx));
    }
}

/* ---- the parent's checks after each kill ---- */

static long long scalar(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *q = NULL;
    long long v;
    if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK || sqlite3_step(q) != SQLITE_ROW)
        die(sql, sqlite3_errmsg(db));
    v = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    return v;
}

/* Returns the number of contact rows. */
static long long check_db(int round)
{
    ccad_sqlite_store *st = NULL;
    ccad_ctx *ctx = NULL;
    ccad_book *book = NULL;
    ccad_store s;
    sqlite3 *db;
    sqlite3_stmt *q = NULL;
    char err[256], where[64];
    long long customers, rows, bad;
    size_t i;

    snprintf(where, sizeof where, "after kill %d", round);
    if (ccad_sqlite_store_open(&st, path, err, sizeof err) != SQLITE_OK)
        die(where, err);
    db = ccad_sqlite_store_db(st);
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &q, NULL) != SQLITE_OK ||
        sqlite3_step(q) != SQLITE_ROW)
        die("integrity_check", sqlite3_errmsg(db));
    if (strcmp((const char *)sqlite3_column_text(q, 0), "ok") != 0)
        die("integrity_check", (const char *)sqlite3_column_text(q, 0));
    sqlite3_finalize(q);
    customers = scalar(db, "SELECT count(*) FROM customers");
    rows = scalar(db, "SELECT count(*) FROM contacts");
    if (customers != 0 && customers != NCUST)
        die(where, "a partly saved first book");
    bad = scalar(
        db, "SELECT count(*) FROM contacts WHERE customer_id NOT IN (SELECT id FROM customers)");
    if (bad != 0)
        die(where, "contact rows without their customer");
    bad = scalar(db, "SELECT count(*) FROM customers c WHERE c.contacts != "
                     "(SELECT count(*) FROM contacts k WHERE k.customer_id = c.id)");
    if (bad != 0)
        die(where, "a customer's contact count differs from its contact rows");
    bad = scalar(db, "SELECT count(*) FROM customers c WHERE c.last_contact IS NOT "
                     "(SELECT max(date) FROM contacts k WHERE k.customer_id = c.id)");
    if (bad != 0)
        die(where, "a customer's last_contact is not its latest contact row");

    if (ccad_ctx_new(&ctx, NULL) != CCAD_OK)
        die("ccad_ctx_new", NULL);
    s = ccad_sqlite_store_callbacks(st);
    if (ccad_ctx_set_store(ctx, &s) != CCAD_OK || ccad_store_load_book(&book, ctx) != CCAD_OK)
        die("ccad_store_load_book", ccad_ctx_errmsg(ctx));
    if ((long long)ccad_book_count(book) != customers)
        die(where, "the loaded book's count differs from the customers table");
    for (i = 0; i < ccad_book_count(book); i++) {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        char sql[160];
        if (ccad_book_get(book, i, &c) != CCAD_OK)
            die("ccad_book_get", ccad_ctx_errmsg(ctx));
        snprintf(sql, sizeof sql, "SELECT count(*) FROM contacts WHERE customer_id = '%s'", c.id);
        if ((long long)c.contacts != scalar(db, sql))
            die(where, "a loaded customer's contact count differs from its rows");
    }
    ccad_book_free(book);
    ccad_ctx_free(ctx);
    if (ccad_sqlite_store_close(st) != SQLITE_OK)
        die(where, "close");
    return rows;
}

static void remove_db(void)
{
    static const char *const tails[] = {"", "-journal", "-wal", "-shm"};
    char p[4096];
    size_t k;
    for (k = 0; k < sizeof tails / sizeof *tails; k++) {
        snprintf(p, sizeof p, "%s%s", path, tails[k]);
        if (remove(p) != 0 && errno != ENOENT)
            die("cannot remove", p);
    }
}

int main(int argc, char **argv)
{
    int kills = 30, round, hot = 0;
    uint64_t seed = 17;
    long long rows = 0, prev = 0;

    if (argc < 2 || argc > 4) {
        fprintf(stderr, "usage: ccad-sqlite-crash-test DATABASE-FILE [KILLS [SEED]]\n");
        return 2;
    }
    path = argv[1];
    if (argc > 2)
        kills = atoi(argv[2]);
    if (argc > 3)
        seed = strtoull(argv[3], NULL, 10);
    rng_state = seed * 0x9E3779B97F4A7C15ull | 1;
    remove_db();
    for (round = 1; round <= kills; round++) {
        uint64_t child_seed = rng();
        struct timespec t;
        int status = 0;
        pid_t pid;
        fflush(NULL);
        pid = fork();
        if (pid < 0)
            die("fork", strerror(errno));
        if (pid == 0) {
            child(child_seed); /* returns only by exit(1) on a failure */
            _exit(1);
        }
        /* 0..60 ms: from before the child opened the file to well into its loop. */
        t.tv_sec = 0;
        t.tv_nsec = (long)(rng() % 60000) * 1000L;
        nanosleep(&t, NULL);
        if (kill(pid, SIGKILL) != 0)
            die("kill", strerror(errno));
        if (waitpid(pid, &status, 0) != pid)
            die("waitpid", strerror(errno));
        if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGKILL)
            die("the child stopped before it was killed", NULL);
        {
            char j[4096];
            snprintf(j, sizeof j, "%s-journal", path);
            if (access(j, F_OK) == 0)
                hot++; /* killed killed in a write transaction: its journal is rolled back at the open */
        }
        rows = check_db(round);
        if (rows < prev)
            die("committed contacts were lost", NULL);
        prev = rows;
    }
    printf("sqlite crash test: %d kills (seed %llu), %d left a journal behind, "
           "%lld contacts committed, every check passed\n",
           kills, (unsigned long long)seed, hot, rows);
    return 0;
}
