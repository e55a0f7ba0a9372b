/* bench-perf: the performance benchmark suite of libcustcadence (see
 * docs/performance.md, "Benchmark suite"; tests/bench.sh runs all of it).
 * Run from a Release build. One line per figure; never fails on timing.
 *
 *   bench-perf assess N      batch assessment of N generated customers with
 *                            ccad_book_assess_range, beside the same due-date
 *                            and quadrant rules as one SQL query in an
 *                            in-memory SQLite (when built with SQLite) and a
 *                            plain read pass over the bytes the library reads
 *   bench-perf plan          four routed weeks for 1 x 1,000, 1 x 100,000,
 *                            1,000 x 100 and 10,000 x 100 customers
 *   bench-perf mem N         bytes per customer held in a book (counting
 *                            allocator through ccad_host)
 *   bench-perf ab N LIB...   batch assessment of the N customers of "assess"
 *                            by each shared library LIB (other builds of
 *                            libcustcadence.so.1, dlopen'ed side by side),
 *                            interleaved, 11 rounds: per round and library
 *                            ns per customer, then each library's best and
 *                            median, its ratio to the first LIB per round
 *                            (median, range) and whether its briefs equal
 *                            those of the LIB before it
 *   bench-perf ab-position N LIB...  the same with a position (share and
 *                            rank, 1.1) on every customer
 *   bench-perf ab-visits N LIB...    the same with every prospect's run
 *                            (PATIENCE, 1.1) known, as after recorded
 *                            contacts: the customers the side table holds
 *   bench-perf pyref N FILE  writes the N customers of "assess" to FILE (an
 *                            array of ccad_customer, ids "c<index>") for
 *                            tests/bench_perf.py and prints the C figure
 *
 * Every run ends with a "rss" line: the process's peak resident memory
 * (getrusage ru_maxrss). Data comes from a counter-based generator with a
 * fixed seed, so everything but the times is the same on every run. */
#define _POSIX_C_SOURCE 200809L

#include "custcadence.h"
#include "bench_gen.h"
/* sizeof(struct crec): the per-customer record the assessment reads. */
#include "../lib/internal.h"

#include <dlfcn.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#if defined(CCAD_HAVE_SQLITE) && CCAD_HAVE_SQLITE
#include <sqlite3.h>
#define HAVE_SQLITE 1
#else
#define HAVE_SQLITE 0
#endif

/* ---- helpers ---------------------------------------------------------- */

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void die(const char *what, int rc, ccad_ctx *ctx)
{
    fprintf(stderr, "bench-perf: %s: %s (%s)\n", what, ccad_strerror(rc),
            ctx != NULL ? ccad_ctx_errmsg(ctx) : "");
    exit(1);
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n == 0 ? 1 : n);
    if (p == NULL) {
        fprintf(stderr, "bench-perf: out of memory (%lu bytes)\n", (unsigned long)n);
        exit(1);
    }
    return p;
}

static void print_rss(const char *run)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("rss run=%s peak_mb=%.1f\n", run, (double)ru.ru_maxrss / 1024.0);
    fflush(stdout);
}

/* ---- counting allocator ------------------------------------------------ */

struct counter {
    size_t live, peak, calls;
};

#define HDR 16 /* keeps 16-byte alignment */

static void *cnt_alloc(void *user, size_t n)
{
    struct counter *k = user;
    unsigned char *p = malloc(n + HDR);
    if (p == NULL)
        return NULL;
    memcpy(p, &n, sizeof n);
    k->live += n;
    k->calls++;
    if (k->live > k->peak)
        k->peak = k->live;
    return p + HDR;
}

static void cnt_free(void *user, void *ptr)
{
    struct counter *k = user;
    unsigned char *p = (unsigned char *)ptr - HDR;
    size_t n;
    memcpy(&n, p, sizeof n);
    k->live -= n;
    free(p);
}

static void *cnt_realloc(void *user, void *ptr, size_t n)
{
    struct counter *k = user;
    unsigned char *p = (unsigned char *)ptr - HDR, *q;
    size_t old;
    memcpy(&old, p, sizeof old);
    q = realloc(p, n + HDR);
    if (q == NULL)
        return NULL;
    memcpy(q, &n, sizeof n);
    k->live = k->live - old + n;
    k->calls++;
    if (k->live > k->peak)
        k->peak = k->live;
    return q + HDR;
}

/* ---- assess ------------------------------------------------------------ */

#define SEED UINT64_C(0xC0FFEE)

/* The book of the n customers gen_customer (bench_gen.h) makes from SEED,
 * graded; *ms: how long building it took. */
static ccad_book *generated_graded_book(ccad_ctx *ctx, const ccad_rules *r, size_t n, int32_t d0,
                                        double *ms)
{
    ccad_book *b = NULL;
    char id[32];
    size_t i;
    int rc;
    double t0 = now_ms();
    if ((rc = ccad_book_new(&b, ctx, n)) != CCAD_OK)
        die("ccad_book_new", rc, ctx);
    for (i = 0; i < n; i++) {
        ccad_customer c;
        gen_customer(&c, SEED, i, d0);
        snprintf(id, sizeof id, "c%lu", (unsigned long)i);
        c.id = id;
        if ((rc = ccad_book_add(b, &c, NULL)) != CCAD_OK)
            die("ccad_book_add", rc, ctx);
    }
    if ((rc = ccad_book_grade(b, r)) != CCAD_OK)
        die("ccad_book_grade", rc, ctx);
    *ms = now_ms() - t0;
    return b;
}

static double time_assess(const ccad_book *b, const ccad_rules *r, size_t n, int32_t d0,
                          ccad_brief *out)
{
    double t0 = now_ms();
    int rc = ccad_book_assess_range(b, r, 0, n, d0, out, sizeof *out);
    double t = now_ms() - t0;
    if (rc != CCAD_OK)
        die("ccad_book_assess_range", rc, ccad_book_ctx(b));
    return t;
}

/* The bandwidth limit: sums `words` uint64 words (4 independent sums). */
static uint64_t read_pass(const uint64_t *p, size_t words)
{
    uint64_t s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    size_t i;
    for (i = 0; i + 4 <= words; i += 4) {
        s0 += p[i];
        s1 += p[i + 1];
        s2 += p[i + 2];
        s3 += p[i + 3];
    }
    for (; i < words; i++)
        s0 += p[i];
    return s0 + s1 + s2 + s3;
}

#if HAVE_SQLITE
static void sql_check(sqlite3 *db, int rc, const char *what)
{
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        fprintf(stderr, "bench-perf: sqlite %s: %s\n", what, sqlite3_errmsg(db));
        exit(1);
    }
}

static int64_t rv(const ccad_rules *r, const char *name)
{
    int64_t v = 0;
    if (ccad_rules_get(r, name, &v) != CCAD_OK) {
        fprintf(stderr, "bench-perf: no parameter %s\n", name);
        exit(1);
    }
    return v;
}

/* Interval of a frequency tier: days / count (at least 1), 0 without duty. */
static int64_t tier(const ccad_rules *r, const char *count, const char *days)
{
    int64_t c = rv(r, count), d = rv(r, days);
    return c > 0 ? (d / c > 1 ? d / c : 1) : 0;
}

/* Loads the book's customers into table cust (dates NULL when unknown). */
static double sql_load(sqlite3 *db, const ccad_book *b, size_t n)
{
    sqlite3_stmt *st = NULL;
    size_t i;
    double t0 = now_ms();
    sql_check(
        db,
        sqlite3_exec(
            db,
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-4000000;"
            "CREATE TABLE cust(idx INTEGER PRIMARY KEY, id TEXT NOT NULL, value INTEGER,"
            " grade INTEGER, status INTEGER, purchase INTEGER, volume INTEGER, margin_bp INTEGER,"
            " capable INTEGER, complaint INTEGER, complaint_date INTEGER, request INTEGER,"
            " owned INTEGER, last_contact INTEGER, last_visit INTEGER, last_gap INTEGER,"
            " contacts INTEGER, no_progress INTEGER, missing INTEGER, last_recorded INTEGER,"
            " next_step INTEGER, x REAL, y REAL); BEGIN;",
            NULL, NULL, NULL),
        "create");
    sql_check(
        db,
        sqlite3_prepare_v2(
            db,
            "INSERT INTO cust VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,"
            "?18,?19,?20,?21,?22,?23)",
            -1, &st, NULL),
        "prepare insert");
    for (i = 0; i < n; i++) {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        int k = 1;
        ccad_book_get(b, i, &c);
#define BIND_I(v) sqlite3_bind_int64(st, k++, (sqlite3_int64)(v))
#define BIND_D(v) ((v) == CCAD_NO_DATE ? sqlite3_bind_null(st, k++) : BIND_I(v))
        BIND_I(i);
        sqlite3_bind_text(st, k++, c.id, -1, SQLITE_TRANSIENT);
        BIND_I(c.value);
        BIND_I(ccad_book_grade_of(b, i)); /* the precomputed grade column */
        BIND_I(c.status);
        BIND_D(c.purchase_date);
        BIND_I(c.monthly_volume);
        BIND_I(c.margin_bp);
        BIND_I(c.capable);
        BIND_I(c.complaint);
        BIND_D(c.complaint_date);
        BIND_D(c.request_date);
        BIND_D(c.owned_since);
        BIND_D(c.last_contact);
        BIND_D(c.last_visit);
        BIND_I(c.last_gap_days);
        BIND_I(c.contacts);
        BIND_I(c.no_progress);
        BIND_I(c.missing_records);
        BIND_I(c.last_recorded);
        BIND_D(c.next_step_date);
        sqlite3_bind_double(st, k++, c.x);
        sqlite3_bind_double(st, k++, c.y);
#undef BIND_I
#undef BIND_D
        sql_check(db, sqlite3_step(st), "insert");
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    sql_check(db, sqlite3_exec(db, "COMMIT;", NULL, NULL, NULL), "commit");
    return now_ms() - t0;
}

/* The library's urgency, quadrant, interval (the grade's tier, the Q1
 * tiers, the let-go stretch, FREQ's ramp towards a purchase decision
 * weeks away), due date (the clock, which for an important customer in
 * the purchase window is the last visit under clock.q1_visits_only; never
 * contacted, next step, complaint / request / Q3 / care events, the move
 * to a working weekday) and days overdue, as one query with the rules'
 * values as literals, every customer figure read from a column. Dates are
 * NULL when unknown. */
/* Ends each derived table with an optimisation fence: SQLite then runs it
 * as a co-routine that computes each column once per row. Flattened, every
 * use of a derived column would repeat its whole CASE tree (the nesting
 * makes that exponential: 15 s instead of about 2 s for 1M rows). */
#define F " LIMIT -1 OFFSET 0"

static char *sql_text(const ccad_rules *r, int32_t T)
{
    char *q = xmalloc(16384);
    int64_t mask = rv(r, "freq.work_days"), imp = rv(r, "quadrant.important");
    int64_t ramp_iv = tier(r, "freq.ramp_count", "freq.ramp_days");
    char shift[1024];
    int k, len = 0;
    /* days to the first working weekday from weekday w (0 = Monday) */
    len += snprintf(shift + len, sizeof shift - (size_t)len, "CASE");
    for (k = 0; k < 7; k++)
        len += snprintf(shift + len, sizeof shift - (size_t)len,
                        " WHEN (%lld >> ((w + %d) %% 7)) & 1 THEN %d", (long long)mask, k, k);
    snprintf(shift + len, sizeof shift - (size_t)len, " ELSE 7 END");
    snprintf(
        q, 16384,
        "SELECT idx, due, CASE WHEN due < %ld THEN %ld - due ELSE 0 END, quadrant, urg FROM ("
        /* L4: move to a working weekday, clamp to the calendar */
        " SELECT idx, quadrant, urg, CASE WHEN due0 IS NULL THEN NULL"
        "  ELSE min(due0 + (%s), %d) END AS due FROM ("
        /* L3: due date */
        "  SELECT idx, quadrant, urg, ((due1 %% 7 + 7 + 3) %% 7) AS w, due1 AS due0 FROM ("
        "   SELECT idx, quadrant, urg, CASE WHEN NOT active THEN NULL ELSE nullif(min("
        "     coalesce(CASE WHEN next_step IS NOT NULL AND (base IS NULL OR next_step < base)"
        "       THEN next_step ELSE base END, 2147483647),"
        "     CASE WHEN complaint = 1 THEN CASE WHEN lc IS NOT NULL AND lc >= complaint_date"
        "       THEN lc + %lld ELSE complaint_date END ELSE 2147483647 END,"
        "     CASE WHEN req THEN request ELSE 2147483647 END,"
        "     CASE WHEN NOT important AND plevel > 0 AND (lc IS NULL OR lc < purchase - %lld)"
        "       THEN %ld ELSE 2147483647 END,"
        "     CASE WHEN complaint = 2 AND (lc IS NULL OR lc < complaint_date + %lld)"
        "       THEN complaint_date + %lld ELSE 2147483647 END), 2147483647) END AS due1 FROM ("
        /* L2: quadrant, interval, clock */
        "    SELECT *, CASE WHEN important THEN CASE WHEN urg > 0 THEN 1 ELSE 2 END"
        "      ELSE CASE WHEN urg > 0 THEN 3 ELSE 4 END END AS quadrant,"
        "     CASE WHEN clock IS NOT NULL AND ival > 0 THEN clock + ival"
        "      WHEN lc IS NOT NULL AND ival > 0 THEN %ld"
        "      WHEN lc IS NULL AND %lld AND (ival > 0 OR urg > 0) THEN %ld END AS base FROM ("
        /* L2a: the let-go stretch, FREQ's ramp, the Q1 clock (visits only) */
        "     SELECT *, CASE WHEN %lld AND important AND plevel > 0 THEN last_visit ELSE lc END"
        "       AS clock FROM ("
        "     SELECT *, CASE WHEN ramp AND (lgiv <= 0 OR lgiv > %lld) THEN %lld ELSE lgiv END"
        "       AS ival FROM ("
        "     SELECT *, CASE WHEN iv > 0 AND letgo AND urg = 0 AND %lld > 1 THEN iv * %lld"
        "       ELSE iv END AS lgiv,"
        "      (%lld AND important AND purchase IS NOT NULL AND purchase - %ld > %lld"
        "       AND purchase - %ld <= %lld) AS ramp FROM ("
        /* L1: urgency, importance, frequency tier, triage */
        "      SELECT idx, complaint, complaint_date, request, purchase, next_step, lc, last_visit,"
        "       active,"
        "       plevel, req, important,"
        "       CASE WHEN req AND request - %ld <= %lld THEN 3"
        "        WHEN active AND complaint = 1 THEN 3 ELSE plevel END AS urg,"
        "       CASE WHEN important AND plevel = 2 THEN %lld WHEN important AND plevel = 1 THEN "
        "%lld"
        "        WHEN grade = 1 THEN %lld WHEN grade = 2 THEN %lld WHEN grade = 4 THEN %lld"
        "        ELSE %lld END AS iv,"
        "       (status IN (2, 3) AND volume >= 0 AND (volume >= %lld OR (%lld > 0 AND"
        "        margin_bp >= %lld AND (volume >= %lld OR (%lld = 0 AND volume >= %lld)))))"
        "        AS letgo FROM ("
        "       SELECT *, CASE WHEN active AND purchase IS NOT NULL AND purchase - %ld BETWEEN 0 "
        "AND %lld"
        "         THEN 2 WHEN active AND purchase IS NOT NULL AND purchase - %ld BETWEEN 0 AND %lld"
        "         THEN 1 ELSE 0 END AS plevel,"
        "        (active AND request IS NOT NULL AND (lc IS NULL OR lc < request)) AS req,"
        "        (grade > 0 AND (%lld >> (grade - 1)) & 1) AS important FROM ("
        "        SELECT *, status NOT IN (4, 5) AS active, %s AS lc FROM cust" F ")" F ")" F ")" F
        ")" F ")" F ")" F ")" F ")" F ")" F ")" F,
        (long)T, (long)T, shift, CCAD_DATE_MAX, (long long)rv(r, "complaint.followup_days"),
        (long long)rv(r, "urgency.two_weeks_days"), (long)T,
        (long long)rv(r, "complaint.care_after_days"),
        (long long)rv(r, "complaint.care_after_days"), (long)T, (long long)rv(r, "never.due_now"),
        (long)T, (long long)rv(r, "clock.q1_visits_only"), (long long)ramp_iv, (long long)ramp_iv,
        (long long)rv(r, "freq.let_go_factor"), (long long)rv(r, "freq.let_go_factor"),
        (long long)(rv(r, "freq.ramp_count") > 0), (long)T,
        (long long)rv(r, "urgency.two_weeks_days"), (long)T,
        (long long)rv(r, "freq.ramp_within_days"), (long)T,
        (long long)rv(r, "urgency.request_days"),
        (long long)tier(r, "freq.q1_week_count", "freq.q1_week_days"),
        (long long)tier(r, "freq.q1_two_weeks_count", "freq.q1_two_weeks_days"),
        (long long)tier(r, "freq.a_count", "freq.a_days"),
        (long long)tier(r, "freq.b_count", "freq.b_days"),
        (long long)tier(r, "freq.d_count", "freq.d_days"),
        (long long)tier(r, "freq.c_count", "freq.c_days"),
        (long long)rv(r, "triage.self_driven_volume"), (long long)rv(r, "triage.margin_lift_bp"),
        (long long)rv(r, "triage.margin_lift_bp"), (long long)rv(r, "triage.push_volume"),
        (long long)rv(r, "triage.band"), (long long)rv(r, "triage.unmovable_volume"), (long)T,
        (long long)rv(r, "urgency.week_days"), (long)T, (long long)rv(r, "urgency.two_weeks_days"),
        (long long)imp, rv(r, "clock.any_contact") ? "last_contact" : "last_visit");
    /* letgo: self-driven by volume, or push (the band below push counts as push
     * with triage.band 0) lifted one kind by the margin */
    return q;
}

struct sqlres {
    int32_t due, over;
    uint8_t quadrant, urg;
};

/* Runs the query over every row, keeping each row's figures. */
static double sql_run(sqlite3 *db, const char *q, struct sqlres *res, size_t n, size_t *rows)
{
    sqlite3_stmt *st = NULL;
    double t0 = now_ms();
    int rc;
    *rows = 0;
    sql_check(db, sqlite3_prepare_v2(db, q, -1, &st, NULL), "prepare query");
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        sqlite3_int64 i = sqlite3_column_int64(st, 0);
        if (i >= 0 && (size_t)i < n) {
            struct sqlres *o = &res[i];
            o->due = sqlite3_column_type(st, 1) == SQLITE_NULL ? CCAD_NO_DATE
                                                               : sqlite3_column_int(st, 1);
            o->over = sqlite3_column_int(st, 2);
            o->quadrant = (uint8_t)sqlite3_column_int(st, 3);
            o->urg = (uint8_t)sqlite3_column_int(st, 4);
        }
        (*rows)++;
    }
    sql_check(db, rc, "step");
    sqlite3_finalize(st);
    return now_ms() - t0;
}
#endif

/* BENCH_PERF_RULES="name=value,...": rule values other than the defaults,
 * used by both the library and the SQL query (the "rules" line shows them). */
static void set_rules(ccad_rules *r, const char *spec)
{
    char buf[512], *item, *save = NULL;
    if (spec == NULL || *spec == '\0') {
        printf("assess-rules defaults\n");
        return;
    }
    snprintf(buf, sizeof buf, "%s", spec);
    for (item = strtok_r(buf, ",", &save); item != NULL; item = strtok_r(NULL, ",", &save)) {
        char *eq = strchr(item, '=');
        int rc;
        if (eq == NULL) {
            fprintf(stderr, "bench-perf: BENCH_PERF_RULES: '%s' is not name=value\n", item);
            exit(2);
        }
        *eq = '\0';
        if ((rc = ccad_rules_set(r, item, strtoll(eq + 1, NULL, 10))) != CCAD_OK)
            die(item, rc, NULL);
    }
    printf("assess-rules %s\n", spec);
}

static void run_assess(size_t n)
{
    ccad_ctx *ctx = NULL;
    ccad_rules *r = NULL;
    ccad_book *b;
    ccad_brief *out;
    uint64_t *buf;
    size_t rec = sizeof(struct crec), bytes = n * rec, words = bytes / 8, i;
    int32_t d0 = 0;
    double build_ms, lib_ms = 1e300, bw_ms = 1e300, lib_rate, bw_rate;
    volatile uint64_t sink = 0;
    int rep, reps = n > 2000000 ? 3 : 5;
    if (ccad_ctx_new(&ctx, NULL) != CCAD_OK || ccad_rules_new(&r, ctx) != CCAD_OK)
        die("setup", CCAD_ENOMEM, NULL);
    set_rules(r, getenv("BENCH_PERF_RULES"));
    ccad_date_from_ymd(&d0, D0_Y, D0_M, D0_D);
    b = generated_graded_book(ctx, r, n, d0, &build_ms);
    out = xmalloc(n * sizeof *out);
    memset(out, 0, n * sizeof *out);
    buf = xmalloc(words * 8 + 8);
    for (i = 0; i < words; i++)
        buf[i] = i;
    printf("assess-setup customers=%lu build_ms=%.0f record_bytes=%lu\n", (unsigned long)n,
           build_ms, (unsigned long)rec);
    /* interleaved, best of `reps` each */
    for (rep = 0; rep < reps; rep++) {
        double t = time_assess(b, r, n, d0, out), t0;
        if (t < lib_ms)
            lib_ms = t;
        t0 = now_ms();
        sink += read_pass(buf, words);
        t = now_ms() - t0;
        if (t < bw_ms)
            bw_ms = t;
    }
    lib_rate = (double)n / (lib_ms / 1e3);
    bw_rate = (double)n / (bw_ms / 1e3);
    {
        size_t due = 0;
        for (i = 0; i < n; i++)
            due += (out[i].flags & CCAD_F_DUE) != 0;
        printf("assess-lib customers=%lu ms=%.1f per_s=%.3e ns_per_customer=%.1f due=%lu\n",
               (unsigned long)n, lib_ms, lib_rate, lib_ms * 1e6 / (double)n, (unsigned long)due);
    }
    printf("assess-bandwidth customers=%lu bytes=%lu ms=%.1f gb_s=%.2f per_s=%.3e\n",
           (unsigned long)n, (unsigned long)bytes, bw_ms, (double)bytes / (bw_ms / 1e3) / 1e9,
           bw_rate);
#if HAVE_SQLITE
    {
        sqlite3 *db = NULL;
        struct sqlres *res = xmalloc(n * sizeof *res);
        char *q = sql_text(r, d0);
        size_t rows = 0, bad = 0;
        double load_ms, sql_ms = 1e300, sql_rate;
        int sreps = n > 2000000 ? 1 : 2;
        if (getenv("BENCH_PERF_SHOW_SQL") != NULL)
            printf("%s\n", q);
        sql_check(db, sqlite3_open(":memory:", &db), "open");
        load_ms = sql_load(db, b, n);
        for (rep = 0; rep < sreps; rep++) {
            double t = sql_run(db, q, res, n, &rows);
            if (t < sql_ms)
                sql_ms = t;
        }
        for (i = 0; i < n; i++)
            if (res[i].due != out[i].due_date || res[i].over != out[i].days_overdue ||
                res[i].quadrant != out[i].quadrant || res[i].urg != out[i].urgency) {
                if (bad < 3)
                    fprintf(stderr,
                            "sql mismatch at %lu: sql due %ld over %ld q %u u %u; lib due %ld over "
                            "%ld q %u u %u\n",
                            (unsigned long)i, (long)res[i].due, (long)res[i].over, res[i].quadrant,
                            res[i].urg, (long)out[i].due_date, (long)out[i].days_overdue,
                            out[i].quadrant, out[i].urgency);
                bad++;
            }
        sql_rate = (double)rows / (sql_ms / 1e3);
        printf("assess-sqlite customers=%lu rows=%lu ms=%.1f per_s=%.3e load_ms=%.0f "
               "mismatches=%lu sqlite=%s\n",
               (unsigned long)n, (unsigned long)rows, sql_ms, sql_rate, load_ms, (unsigned long)bad,
               sqlite3_libversion());
        printf("assess-ratio customers=%lu lib/sqlite=%.1f lib/bandwidth=%.3f (targets >= 20 and "
               ">= 0.125)\n",
               (unsigned long)n, lib_rate / sql_rate, lib_rate / bw_rate);
        sqlite3_close(db);
        free(q);
        free(res);
    }
#else
    printf("assess-sqlite customers=%lu skipped (built without SQLite)\n", (unsigned long)n);
    printf("assess-ratio customers=%lu lib/sqlite=skipped lib/bandwidth=%.3f (target >= 0.125)\n",
           (unsigned long)n, lib_rate / bw_rate);
#endif
    (void)sink;
    free(buf);
    free(out);
    ccad_book_free(b);
    ccad_rules_free(r);
    ccad_ctx_free(ctx);
}

/* ---- ab ---------------------------------------------------------------- */

/* One build of the library, dlopen'ed, with its book of the assess data. */
struct ab_lib {
    const char *path;
    void *so;
    int (*ctx_new)(ccad_ctx **, const ccad_host *);
    int (*rules_new)(ccad_rules **, ccad_ctx *);
    int (*book_new)(ccad_book **, ccad_ctx *, size_t);
    int (*book_add)(ccad_book *, const ccad_customer *, size_t *);
    int (*book_grade)(ccad_book *, const ccad_rules *);
    int (*assess_range)(const ccad_book *, const ccad_rules *, size_t, size_t, int32_t,
                        ccad_brief *, size_t);
    ccad_ctx *ctx;
    ccad_rules *rules;
    ccad_book *book;
    ccad_brief *out;
    double ns[16];
};

static void *ab_sym(struct ab_lib *L, const char *name)
{
    void *f = dlsym(L->so, name);
    if (f == NULL) {
        fprintf(stderr, "bench-perf: %s: no %s\n", L->path, name);
        exit(1);
    }
    return f;
}

/* What ab adds to the generated customers (1.1 members, so every LIB
 * must be 1.1): nothing, a position, or a prospect's known run. */
enum ab_extra { AB_PLAIN, AB_POSITION, AB_VISITS };

static void ab_extra_fields(ccad_customer *c, size_t i, enum ab_extra extra)
{
    c->size = sizeof *c;
    if (extra == AB_POSITION) {
        c->share_pct = (int64_t)(i * 37 % 101);
        c->supplier_rank = 1 + (uint32_t)(i * 11 % 32);
    } else if (c->status == CCAD_STATUS_PROSPECT) {
        c->prospect_run = (int32_t)(c->contacts > 8 ? 8 : c->contacts);
    }
}

static void ab_open(struct ab_lib *L, const char *path, size_t n, int32_t d0, enum ab_extra extra)
{
    char id[32];
    size_t i;
    L->path = path;
    if ((L->so = dlopen(path, RTLD_NOW | RTLD_LOCAL)) == NULL) {
        fprintf(stderr, "bench-perf: %s\n", dlerror());
        exit(1);
    }
    /* data pointers to function pointers: POSIX dlsym's documented use */
    *(void **)(void *)&L->ctx_new = ab_sym(L, "ccad_ctx_new");
    *(void **)(void *)&L->rules_new = ab_sym(L, "ccad_rules_new");
    *(void **)(void *)&L->book_new = ab_sym(L, "ccad_book_new");
    *(void **)(void *)&L->book_add = ab_sym(L, "ccad_book_add");
    *(void **)(void *)&L->book_grade = ab_sym(L, "ccad_book_grade");
    *(void **)(void *)&L->assess_range = ab_sym(L, "ccad_book_assess_range");
    if (L->ctx_new(&L->ctx, NULL) != CCAD_OK || L->rules_new(&L->rules, L->ctx) != CCAD_OK ||
        L->book_new(&L->book, L->ctx, n) != CCAD_OK)
        die(path, CCAD_ENOMEM, NULL);
    for (i = 0; i < n; i++) {
        ccad_customer c;
        gen_customer(&c, SEED, i, d0);
        snprintf(id, sizeof id, "c%lu", (unsigned long)i);
        c.id = id;
        /* 1.0's struct size, which every build takes */
        c.size = (uint32_t)((offsetof(ccad_customer, padding_1_0) + 7) / 8 * 8);
        if (extra != AB_PLAIN)
            ab_extra_fields(&c, i, extra);
        if (L->book_add(L->book, &c, NULL) != CCAD_OK)
            die("ccad_book_add", CCAD_EINVAL, NULL);
    }
    if (L->book_grade(L->book, L->rules) != CCAD_OK)
        die("ccad_book_grade", CCAD_EINVAL, NULL);
    L->out = xmalloc(n * sizeof *L->out);
    memset(L->out, 0, n * sizeof *L->out);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(const double *x, int n)
{
    double s[16];
    memcpy(s, x, (size_t)n * sizeof *s);
    qsort(s, (size_t)n, sizeof *s, cmp_double);
    return s[n / 2];
}

/* The libraries' books and briefs are released at exit. */
static void run_ab(size_t n, int nlib, char **paths, enum ab_extra extra)
{
    struct ab_lib L[8];
    int32_t d0 = 0;
    int k, round, rounds = 11;
    if (nlib > 8) {
        fprintf(stderr, "bench-perf: at most 8 libraries\n");
        exit(2);
    }
    ccad_date_from_ymd(&d0, D0_Y, D0_M, D0_D);
    memset(L, 0, sizeof L);
    for (k = 0; k < nlib; k++)
        ab_open(&L[k], paths[k], n, d0, extra);
    for (round = 0; round < rounds; round++) {
        printf("ab-round %d", round + 1);
        for (k = 0; k < nlib; k++) {
            double t0 = now_ms();
            if (L[k].assess_range(L[k].book, L[k].rules, 0, n, d0, L[k].out, sizeof *L[k].out) !=
                CCAD_OK)
                die("ccad_book_assess_range", CCAD_EINVAL, NULL);
            L[k].ns[round] = (now_ms() - t0) * 1e6 / (double)n;
            printf(" %s=%.2f", k == 0 ? "base" : "lib", L[k].ns[round]);
        }
        printf("\n");
    }
    for (k = 0; k < nlib; k++) {
        double best = 1e300, r[16], lo = 1e300, hi = 0;
        for (round = 0; round < rounds; round++) {
            r[round] = L[k].ns[round] / L[0].ns[round];
            best = L[k].ns[round] < best ? L[k].ns[round] : best;
            lo = r[round] < lo ? r[round] : lo;
            hi = r[round] > hi ? r[round] : hi;
        }
        printf("ab-lib %s customers=%lu best_ns=%.2f median_ns=%.2f ratio_to_first median=%.3f "
               "range=%.3f..%.3f briefs_equal_previous=%s\n",
               L[k].path, (unsigned long)n, best, median(L[k].ns, rounds), median(r, rounds), lo,
               hi,
               k == 0                                                      ? "-"
               : memcmp(L[k].out, L[k - 1].out, n * sizeof *L[0].out) == 0 ? "yes"
                                                                           : "no");
    }
}

/* ---- pyref ------------------------------------------------------------- */

static void run_pyref(size_t n, const char *path)
{
    ccad_ctx *ctx = NULL;
    ccad_rules *r = NULL;
    ccad_book *b;
    ccad_brief *out;
    int32_t d0 = 0;
    double build_ms, best = 1e300;
    size_t i;
    int rep;
    FILE *f = fopen(path, "wb");
    if (f == NULL) {
        fprintf(stderr, "bench-perf: cannot write %s\n", path);
        exit(1);
    }
    if (ccad_ctx_new(&ctx, NULL) != CCAD_OK || ccad_rules_new(&r, ctx) != CCAD_OK)
        die("setup", CCAD_ENOMEM, NULL);
    ccad_date_from_ymd(&d0, D0_Y, D0_M, D0_D);
    for (i = 0; i < n; i++) {
        ccad_customer c;
        gen_customer(&c, SEED, i, d0);
        c.id = NULL;
        if (fwrite(&c, sizeof c, 1, f) != 1) {
            fprintf(stderr, "bench-perf: write error on %s\n", path);
            exit(1);
        }
    }
    fclose(f);
    b = generated_graded_book(ctx, r, n, d0, &build_ms);
    out = xmalloc(n * sizeof *out);
    memset(out, 0, n * sizeof *out);
    for (rep = 0; rep < 5; rep++) {
        double t = time_assess(b, r, n, d0, out);
        if (t < best)
            best = t;
    }
    {
        uint64_t ck = 0;
        for (i = 0; i < n; i++)
            ck = ck * 31u + (uint64_t)(uint32_t)out[i].due_date + out[i].flags + out[i].quadrant;
        printf("pyref-c customers=%lu day=%ld ms=%.2f per_s=%.3e checksum=%llu\n", (unsigned long)n,
               (long)d0, best, (double)n / (best / 1e3), (unsigned long long)ck);
    }
    free(out);
    ccad_book_free(b);
    ccad_rules_free(r);
    ccad_ctx_free(ctx);
}

/* ---- plan -------------------------------------------------------------- */

/* A rep's book of n customers in a ~15 km city (GEO: x = longitude, y =
 * latitude within about 7.5 km of the base), the assessment mix. */
static ccad_book *plan_book(ccad_ctx *ctx, const ccad_rules *r, size_t n, uint64_t rep, int32_t d0)
{
    ccad_book *b = NULL;
    char id[32];
    size_t i;
    int rc;
    if ((rc = ccad_book_new(&b, ctx, n)) != CCAD_OK)
        die("ccad_book_new", rc, ctx);
    for (i = 0; i < n; i++) {
        ccad_customer c;
        gen_customer(&c, SEED + rep * 7919u, i, d0);
        gen_locate(&c, SEED + rep * 7919u, i);
        snprintf(id, sizeof id, "r%lu-c%lu", (unsigned long)rep, (unsigned long)i);
        c.id = id;
        if ((rc = ccad_book_add(b, &c, NULL)) != CCAD_OK)
            die("ccad_book_add", rc, ctx);
    }
    if ((rc = ccad_book_grade(b, r)) != CCAD_OK)
        die("ccad_book_grade", rc, ctx);
    return b;
}

static void plan_run(ccad_ctx *ctx, const ccad_rules *r, size_t per, unsigned reps, int32_t d0)
{
    ccad_plan_options o = CCAD_PLAN_OPTIONS_INIT;
    double ms = 0, worst = 0, gen_ms = 0, t0;
    size_t items = 0, findings = 0, stops = 0;
    unsigned k;
    o.first_day = d0;
    o.days = 28;
    o.visits_per_day = 0;
    o.minutes_per_day = 480;
    o.route = 1;
    o.assign_days = 1;
    o.metric = CCAD_METRIC_GEO;
    o.base_x = CITY_X;
    o.base_y = CITY_Y;
    o.units_per_minute = 500.0;
    o.seed = 1;
    o.effort = 20;
    o.keep_reasons = 1;
    for (k = 0; k < reps; k++) {
        ccad_schedule *s = NULL;
        ccad_book *b;
        double t;
        int rc;
        int32_t d;
        t0 = now_ms();
        b = plan_book(ctx, r, per, k, d0);
        gen_ms += now_ms() - t0;
        t0 = now_ms();
        rc = ccad_schedule_new(&s, b, r, &o);
        t = now_ms() - t0;
        if (rc != CCAD_OK)
            die("ccad_schedule_new", rc, ctx);
        ms += t;
        if (t > worst)
            worst = t;
        items += ccad_schedule_item_count(s);
        findings += ccad_schedule_finding_count(s);
        for (d = d0; d < d0 + o.days; d++) {
            ccad_day day = CCAD_DAY_INIT;
            if (ccad_schedule_day(s, d, &day) == CCAD_OK)
                stops += (size_t)day.stops;
        }
        ccad_schedule_free(s);
        ccad_book_free(b);
    }
    printf(
        "plan customers=%lu reps=%u per_rep=%lu days=28 route=1 assign_days=1 items=%lu stops=%lu "
        "findings=%lu ms=%.1f ms_per_rep=%.3f worst_rep_ms=%.3f us_per_customer=%.2f gen_ms=%.0f\n",
        (unsigned long)(per * reps), reps, (unsigned long)per, (unsigned long)items,
        (unsigned long)stops, (unsigned long)findings, ms, ms / reps, worst,
        ms * 1e3 / (double)(per * reps), gen_ms);
    fflush(stdout);
}

static void run_plan(int quick)
{
    ccad_ctx *ctx = NULL;
    ccad_rules *r = NULL;
    int32_t d0 = 0;
    if (ccad_ctx_new(&ctx, NULL) != CCAD_OK || ccad_rules_new(&r, ctx) != CCAD_OK)
        die("setup", CCAD_ENOMEM, NULL);
    ccad_date_from_ymd(&d0, D0_Y, D0_M, D0_D);
    plan_run(ctx, r, 1000, 1, d0);
    if (!quick)
        plan_run(ctx, r, 100000, 1, d0);
    plan_run(ctx, r, 100, 1000, d0);
    plan_run(ctx, r, 100, quick ? 1000u : 10000u, d0);
    ccad_rules_free(r);
    ccad_ctx_free(ctx);
}

/* ---- mem --------------------------------------------------------------- */

static size_t pow2_at_least(size_t x)
{
    size_t p = 32;
    while (p < x)
        p *= 2;
    return p;
}

static void mem_one(size_t n, int hinted)
{
    struct counter k = {0, 0, 0};
    ccad_host h = CCAD_HOST_INIT;
    ccad_ctx *ctx = NULL;
    ccad_book *b = NULL;
    char id[32];
    size_t i, empty, idbytes = 0, arena, slots, offs, live;
    int32_t d0 = 0;
    int rc;
    h.user = &k;
    h.alloc = cnt_alloc;
    h.realloc = cnt_realloc;
    h.free = cnt_free;
    if ((rc = ccad_ctx_new(&ctx, &h)) != CCAD_OK)
        die("ccad_ctx_new", rc, NULL);
    ccad_date_from_ymd(&d0, D0_Y, D0_M, D0_D);
    empty = k.live; /* the context */
    if ((rc = ccad_book_new(&b, ctx, hinted ? n : 0)) != CCAD_OK)
        die("ccad_book_new", rc, ctx);
    for (i = 0; i < n; i++) {
        ccad_customer c;
        gen_customer(&c, SEED, i, d0);
        snprintf(id, sizeof id, "c%lu", (unsigned long)i);
        idbytes += strlen(id) + 1;
        c.id = id;
        if ((rc = ccad_book_add(b, &c, NULL)) != CCAD_OK)
            die("ccad_book_add", rc, ctx);
    }
    live = k.live - empty;
    /* The id arena (reserved at 16 bytes a customer of the hint, at least
     * 16 customers, doubled when full), the hash slots (uint32, a power
     * of two at least twice the count) and the id offsets (uint32 per
     * customer of the record capacity), as lib/book.c sizes them. */
    {
        size_t cap = hinted ? (n < 16 ? 16 : n) : 16, rcap = cap;
        arena = cap * 16;
        while (arena < idbytes)
            arena *= 2;
        slots = 4 * pow2_at_least(2 * n);
        while (rcap < n)
            rcap *= 2;
        offs = 4 * rcap;
    }
    printf("mem customers=%lu hint=%s live_bytes=%lu bytes_per_customer=%.1f ids_arena=%lu "
           "hash_slots=%lu id_offsets=%lu ids_aside_per_customer=%.1f id_bytes_used=%.1f "
           "record_bytes=%lu (target <= 64 ids aside)\n",
           (unsigned long)n, hinted ? "n" : "0", (unsigned long)live, (double)live / (double)n,
           (unsigned long)arena, (unsigned long)slots, (unsigned long)offs,
           (double)(live - arena - slots - offs) / (double)n, (double)idbytes / (double)n,
           (unsigned long)sizeof(struct crec));
    ccad_book_free(b);
    ccad_ctx_free(ctx);
}

static void run_mem(size_t n)
{
    mem_one(n, 1);
    mem_one(n, 0);
}

/* ---- main -------------------------------------------------------------- */

static size_t arg_n(const char *s)
{
    char *e;
    unsigned long v = strtoul(s, &e, 10);
    if (*e != '\0' || v == 0) {
        fprintf(stderr, "bench-perf: bad count '%s'\n", s);
        exit(2);
    }
    return (size_t)v;
}

int main(int argc, char **argv)
{
    const char *cmd = argc > 1 ? argv[1] : "all";
    if (strcmp(cmd, "assess") == 0 && argc == 3) {
        run_assess(arg_n(argv[2]));
        print_rss("assess");
    } else if (strcmp(cmd, "plan") == 0) {
        run_plan(argc > 2 && strcmp(argv[2], "--quick") == 0);
        print_rss("plan");
    } else if (strcmp(cmd, "mem") == 0 && argc == 3) {
        run_mem(arg_n(argv[2]));
        print_rss("mem");
    } else if (strcmp(cmd, "ab") == 0 && argc >= 4) {
        run_ab(arg_n(argv[2]), argc - 3, argv + 3, AB_PLAIN);
        print_rss("ab");
    } else if (strcmp(cmd, "ab-position") == 0 && argc >= 4) {
        run_ab(arg_n(argv[2]), argc - 3, argv + 3, AB_POSITION);
        print_rss("ab-position");
    } else if (strcmp(cmd, "ab-visits") == 0 && argc >= 4) {
        run_ab(arg_n(argv[2]), argc - 3, argv + 3, AB_VISITS);
        print_rss("ab-visits");
    } else if (strcmp(cmd, "pyref") == 0 && argc == 4) {
        run_pyref(arg_n(argv[2]), argv[3]);
        print_rss("pyref");
    } else if (strcmp(cmd, "all") == 0) {
        run_mem(1000000);
        run_assess(1000000);
        run_plan(1);
        print_rss("all");
    } else {
        fprintf(stderr, "usage: bench-perf assess N | ab|ab-position|ab-visits N LIB... | plan "
                        "[--quick] | mem N | pyref N FILE | all\n");
        return 2;
    }
    return 0;
}
