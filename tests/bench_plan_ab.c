/* bench-plan-ab: the planner of two (or more) builds of libcustcadence side
 * by side in one run (docs/performance.md). Run from a Release build; each
 * LIB is a libcustcadence.so.1, dlopen'ed, the first one the reference
 * (the books: bench-perf's generated customers, tests/bench_gen.h):
 *
 * --cpu (before the libraries) times with the process's CPU clock instead
 * of the wall clock, for a machine whose other loads preempt the run.
 *
 *   bench-plan-ab scale [--plain] LIB... [-- N...]   one book of N customers
 *                                       each (default 10000 100000 1000000)
 *   bench-plan-ab reps [--plain] LIB... [-- R]   R books of 100 (default 10000)
 *   bench-plan-ab replan [--plain] LIB [-- N]    ccad_schedule_replan of a
 *                                       book of N (default 100000): one week
 *
 * Both plan four routed weeks (28 days from Monday 2026-03-02, 480 service
 * minutes a day, GEO metric at 30 km/h, weekly assignment on, as
 * bench-perf plan does) for generated books in a ~15 km city; with
 * --plain four weeks without routes at 8 visits a day (as bench-plan
 * does). Every
 * library plans the same books, in turn, twice (ABAB..., the better time of
 * the two kept). One line per library and size:
 *
 *   scale lib=K customers=N ms=T us_per_customer=U ratio=R sum=H same=S
 *
 * ratio is T against the first library; sum a hash of every item and
 * finding of every schedule (all public fields and reasons); same=1 when
 * it equals the first library's. Never fails on timing; exits 1 when a
 * plan differs. The replan mode (a library with ccad_schedule_replan)
 * plans one week, records one contact on the first customer planned and
 * replans (the first replan, which keeps the trace later replans reuse),
 * records one on the second customer planned and replans again, then
 * replans with nothing changed, each against a plan from scratch of the
 * same state, best of three:
 *
 *   replan customers=N full_ms=F first_ms=R contact_ms=C kept_ms=K
 *          contact_ratio=C/F kept_ratio=K/F same=S cause_contact=1
 *          cause_kept=0 */
#define _POSIX_C_SOURCE 200809L

#include "custcadence.h"
#include "bench_gen.h"

#include <dlfcn.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define LIBS_MAX 4

struct lib {
    const char *path;
    int (*ctx_new)(ccad_ctx **, const ccad_host *);
    int (*rules_new)(ccad_rules **, ccad_ctx *);
    int (*book_new)(ccad_book **, ccad_ctx *, size_t);
    int (*book_add)(ccad_book *, const ccad_customer *, size_t *);
    int (*book_grade)(ccad_book *, const ccad_rules *);
    void (*book_free)(ccad_book *);
    int (*sched_new)(ccad_schedule **, const ccad_book *, const ccad_rules *,
                     const ccad_plan_options *);
    void (*sched_free)(ccad_schedule *);
    size_t (*item_count)(const ccad_schedule *);
    int (*item)(const ccad_schedule *, size_t, ccad_item *);
    size_t (*find_count)(const ccad_schedule *);
    int (*find)(const ccad_schedule *, size_t, ccad_finding *);
    int (*replan)(ccad_schedule *, const ccad_book *, const ccad_rules *, const ccad_plan_options *,
                  ccad_replan_info *);
    int (*record)(ccad_book *, size_t, const ccad_contact *);
    ccad_ctx *ctx;
    ccad_rules *rules;
};

static int cpu_clock; /* --cpu: the process's CPU time instead of the wall clock */

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(cpu_clock ? CLOCK_PROCESS_CPUTIME_ID : CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void die(const char *what, const char *why)
{
    fprintf(stderr, "bench-plan-ab: %s: %s\n", what, why);
    exit(2);
}

static void *sym(void *so, const char *path, const char *name)
{
    void *f = dlsym(so, name);
    if (f == NULL)
        die(path, name);
    return f;
}

static void open_lib(struct lib *L, const char *path)
{
    void *so = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (so == NULL)
        die(path, dlerror());
    L->path = path;
    /* data pointers to function pointers: POSIX dlsym's documented use */
    *(void **)(void *)&L->ctx_new = sym(so, path, "ccad_ctx_new");
    *(void **)(void *)&L->rules_new = sym(so, path, "ccad_rules_new");
    *(void **)(void *)&L->book_new = sym(so, path, "ccad_book_new");
    *(void **)(void *)&L->book_add = sym(so, path, "ccad_book_add");
    *(void **)(void *)&L->book_grade = sym(so, path, "ccad_book_grade");
    *(void **)(void *)&L->book_free = sym(so, path, "ccad_book_free");
    *(void **)(void *)&L->sched_new = sym(so, path, "ccad_schedule_new");
    *(void **)(void *)&L->sched_free = sym(so, path, "ccad_schedule_free");
    *(void **)(void *)&L->item_count = sym(so, path, "ccad_schedule_item_count");
    *(void **)(void *)&L->item = sym(so, path, "ccad_schedule_item");
    *(void **)(void *)&L->find_count = sym(so, path, "ccad_schedule_finding_count");
    *(void **)(void *)&L->find = sym(so, path, "ccad_schedule_finding");
    /* 1.1 with issue 18 only; NULL in older builds */
    *(void **)(void *)&L->replan = dlsym(so, "ccad_schedule_replan");
    *(void **)(void *)&L->record = dlsym(so, "ccad_book_record");
    if (L->ctx_new(&L->ctx, NULL) != CCAD_OK || L->rules_new(&L->rules, L->ctx) != CCAD_OK)
        die(path, "setup");
}

static ccad_book *gen_book(const struct lib *L, uint64_t book, size_t n, int32_t d0)
{
    ccad_book *b = NULL;
    char id[40];
    size_t i;
    if (L->book_new(&b, L->ctx, n) != CCAD_OK)
        die(L->path, "ccad_book_new");
    for (i = 0; i < n; i++) {
        ccad_customer c;
        gen_customer(&c, book, i, d0);
        gen_locate(&c, book, i);
        snprintf(id, sizeof id, "b%lu-c%lu", (unsigned long)book, (unsigned long)i);
        c.id = id;
        /* 1.0's struct size, which every build takes (the generator sets
         * no member of 1.1) */
        c.size = (uint32_t)((offsetof(ccad_customer, padding_1_0) + 7) / 8 * 8);
        if (L->book_add(b, &c, NULL) != CCAD_OK)
            die(L->path, "ccad_book_add");
    }
    if (L->book_grade(b, L->rules) != CCAD_OK)
        die(L->path, "ccad_book_grade");
    return b;
}

static uint64_t fnv(uint64_t h, int64_t x)
{
    int k;
    for (k = 0; k < 8; k++) {
        h ^= (uint64_t)(x >> (8 * k)) & 0xff;
        h *= UINT64_C(0x100000001b3);
    }
    return h;
}

static uint64_t hash_reasons(uint64_t h, const ccad_reason *r, uint32_t n)
{
    uint32_t k;
    h = fnv(h, n);
    for (k = 0; k < n && k < CCAD_ITEM_REASONS_MAX; k++)
        h = fnv(fnv(fnv(fnv(fnv(h, r[k].rule), r[k].why), r[k].a), r[k].b), r[k].c);
    return h;
}

/* Every public field of every item and finding of s. */
static uint64_t hash_schedule(const struct lib *L, const ccad_schedule *s, uint64_t h)
{
    size_t i, n = L->item_count(s);
    h = fnv(h, (int64_t)n);
    for (i = 0; i < n; i++) {
        ccad_item it = CCAD_ITEM_INIT;
        if (L->item(s, i, &it) != CCAD_OK)
            die(L->path, "ccad_schedule_item");
        h = fnv(fnv(fnv(fnv(fnv(fnv(h, it.date), it.customer), it.kind), it.quadrant), it.priority),
                it.delegated);
        h = fnv(fnv(fnv(fnv(fnv(fnv(h, it.rolled_from), it.reminder_date), it.block_day), it.seq),
                    it.eta_min),
                it.depart_min);
        h = fnv(fnv(h, it.travel_min), it.late);
        h = hash_reasons(h, it.reasons, it.reason_count);
    }
    n = L->find_count(s);
    h = fnv(h, (int64_t)n);
    for (i = 0; i < n; i++) {
        ccad_finding f = CCAD_FINDING_INIT;
        if (L->find(s, i, &f) != CCAD_OK)
            die(L->path, "ccad_schedule_finding");
        h = fnv(fnv(fnv(h, f.kind), f.customer), f.date);
        h = hash_reasons(h, f.reasons, f.reason_count);
    }
    return h;
}

static int plain; /* --plain: without routes, 8 visits a day */

static void options(ccad_plan_options *o, int32_t d0)
{
    ccad_plan_options z = CCAD_PLAN_OPTIONS_INIT;
    *o = z;
    o->first_day = d0;
    o->days = 28;
    if (plain)
        return; /* 8 visits a day, no minute limit, no routes */
    o->visits_per_day = 0;
    o->minutes_per_day = 480;
    o->route = 1;
    o->assign_days = 1;
    o->metric = CCAD_METRIC_GEO;
    o->base_x = CITY_X;
    o->base_y = CITY_Y;
    o->units_per_minute = 500.0;
    o->seed = 1;
    o->effort = 20;
}

/* Plans `books` books of `per` customers with L; the planning time in ms
 * (books are made outside the clock) and the hash of the schedules. */
static double plan_books(const struct lib *L, size_t per, unsigned books, int32_t d0, uint64_t *sum)
{
    ccad_plan_options o;
    double ms = 0;
    unsigned k;
    options(&o, d0);
    *sum = UINT64_C(0xcbf29ce484222325);
    for (k = 0; k < books; k++) {
        ccad_book *b = gen_book(L, k + 1, per, d0);
        ccad_schedule *s = NULL;
        double t0 = now_ms();
        if (L->sched_new(&s, b, L->rules, &o) != CCAD_OK)
            die(L->path, "ccad_schedule_new");
        ms += now_ms() - t0;
        *sum = hash_schedule(L, s, *sum);
        L->sched_free(s);
        L->book_free(b);
    }
    return ms;
}

static int compare(const char *what, struct lib *L, int nlib, size_t per, unsigned books,
                   int32_t d0)
{
    double best[LIBS_MAX];
    uint64_t sum[LIBS_MAX];
    int k, round, differ = 0;
    for (round = 0; round < 2; round++)
        for (k = 0; k < nlib; k++) {
            double ms = plan_books(&L[k], per, books, d0, &sum[k]);
            if (round == 0 || ms < best[k])
                best[k] = ms;
        }
    for (k = 0; k < nlib; k++) {
        differ |= sum[k] != sum[0];
        printf("%s lib=%d customers=%lu books=%u ms=%.1f us_per_customer=%.3f ratio=%.3f "
               "sum=%016llx same=%d\n",
               what, k, (unsigned long)(per * books), books, best[k],
               best[k] * 1e3 / (double)(per * books), best[k] / best[0], (unsigned long long)sum[k],
               sum[k] == sum[0]);
    }
    fflush(stdout);
    return differ;
}

/* One replan of s after `change` (1: a contact recorded on customer ci),
 * timed; *same is cleared when s then differs from a plan from scratch. */
static double replan_once(const struct lib *L, ccad_schedule *s, ccad_book *b,
                          const ccad_plan_options *o, int change, uint32_t ci, int *cause,
                          int *same)
{
    ccad_replan_info info = CCAD_REPLAN_INFO_INIT;
    ccad_schedule *fresh = NULL;
    double t0, ms;
    if (change) {
        ccad_contact k = CCAD_CONTACT_INIT;
        k.date = o->first_day;
        if (L->record(b, ci, &k) != CCAD_OK)
            die(L->path, "ccad_book_record");
    }
    t0 = now_ms();
    if (L->replan(s, b, L->rules, o, &info) != CCAD_OK)
        die(L->path, "ccad_schedule_replan");
    ms = now_ms() - t0;
    *cause = info.cause;
    if (L->sched_new(&fresh, b, L->rules, o) != CCAD_OK)
        die(L->path, "ccad_schedule_new");
    *same &= hash_schedule(L, s, 1) == hash_schedule(L, fresh, 1);
    L->sched_free(fresh);
    return ms;
}

static int run_replan(const struct lib *L, size_t n, int32_t d0)
{
    ccad_plan_options o;
    ccad_book *b = gen_book(L, 1, n, d0);
    double full = 0, first = 0, contact = 0, kept = 0;
    int round, same = 1, c1 = -1, c0 = -1;
    if (L->replan == NULL)
        die(L->path, "no ccad_schedule_replan");
    options(&o, d0);
    o.days = 7;
    for (round = 0; round < 3; round++) {
        ccad_schedule *s = NULL;
        ccad_item it = CCAD_ITEM_INIT;
        double t0 = now_ms(), t;
        if (L->sched_new(&s, b, L->rules, &o) != CCAD_OK)
            die(L->path, "ccad_schedule_new");
        t = now_ms() - t0;
        full = round == 0 || t < full ? t : full;
        if (L->item_count(s) < 2 || L->item(s, 0, &it) != CCAD_OK)
            die(L->path, "no item");
        t = replan_once(L, s, b, &o, 1, it.customer, &c1, &same);
        first = round == 0 || t < first ? t : first;
        if (L->item(s, 1, &it) != CCAD_OK)
            die(L->path, "no second item");
        t = replan_once(L, s, b, &o, 1, it.customer, &c1, &same);
        contact = round == 0 || t < contact ? t : contact;
        t = replan_once(L, s, b, &o, 0, 0, &c0, &same);
        kept = round == 0 || t < kept ? t : kept;
        L->sched_free(s);
    }
    printf("replan customers=%lu days=7 full_ms=%.2f first_ms=%.2f contact_ms=%.2f kept_ms=%.3f "
           "contact_ratio=%.3f kept_ratio=%.5f same=%d cause_contact=%d cause_kept=%d\n",
           (unsigned long)n, full, first, contact, kept, contact / full, kept / full, same, c1, c0);
    L->book_free(b);
    return !same;
}

int main(int argc, char **argv)
{
    struct lib L[LIBS_MAX];
    int nlib = 0, a, differ = 0;
    int32_t d0 = 0;
    if (argc < 3 || (strcmp(argv[1], "scale") != 0 && strcmp(argv[1], "reps") != 0 &&
                     strcmp(argv[1], "replan") != 0)) {
        fprintf(stderr,
                "usage: bench-plan-ab scale|reps|replan [--plain] [--cpu] LIB... [-- N...]\n");
        return 2;
    }
    ccad_date_from_ymd(&d0, 2026, 3, 2); /* a Monday */
    for (a = 2; a < argc && strcmp(argv[a], "--") != 0; a++) {
        if (strcmp(argv[a], "--plain") == 0) {
            plain = 1;
            continue;
        }
        if (strcmp(argv[a], "--cpu") == 0) {
            cpu_clock = 1;
            continue;
        }
        if (nlib == LIBS_MAX)
            die("usage", "at most 4 libraries");
        open_lib(&L[nlib++], argv[a]);
    }
    if (strcmp(argv[1], "replan") == 0)
        return run_replan(&L[0], a + 1 < argc ? (size_t)strtoul(argv[a + 1], NULL, 10) : 100000,
                          d0);
    if (strcmp(argv[1], "scale") == 0) {
        static const size_t def[] = {10000, 100000, 1000000};
        if (a + 1 < argc)
            for (a++; a < argc; a++)
                differ |= compare("scale", L, nlib, (size_t)strtoul(argv[a], NULL, 10), 1, d0);
        else
            for (a = 0; a < 3; a++)
                differ |= compare("scale", L, nlib, def[a], 1, d0);
    } else {
        unsigned reps = a + 1 < argc ? (unsigned)strtoul(argv[a + 1], NULL, 10) : 10000u;
        differ |= compare("reps", L, nlib, 100, reps, d0);
    }
    return differ;
}
