/* Benchmark of the planner: four weeks (28 days, 8 visits a day) for
 * generated books. Run by hand from a Release build:
 *
 *   cmake -DCMAKE_BUILD_TYPE=Release -B build-rel -S . && cmake --build build-rel
 *   ./build-rel/tests/bench-plan
 *
 * One line per figure:
 *   plan customers=N books=B days=28 items=I findings=F ms=T ms_per_rep=R
 * The time covers ccad_schedule_new() only (grading is done beforehand);
 * books are generated with a fixed seed, so items and findings are the same
 * on every run. Never fails on timing. */
#define _POSIX_C_SOURCE 199309L

#include "custcadence.h"
#include "tu_rng.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define DAYS 28
#define VISITS 8

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void die(const char *what, int rc, ccad_ctx *ctx)
{
    fprintf(stderr, "bench-plan: %s: %s (%s)\n", what, ccad_strerror(rc), ccad_ctx_errmsg(ctx));
    exit(1);
}

/* A book of n customers: values such that rank grading (15/25/60 %) gives
 * A, B and C with the value mostly in A; purchase dates, a few complaints
 * and requests, statuses, triage volumes. */
static ccad_book *gen_book(ccad_ctx *ctx, const ccad_rules *r, uint64_t *s, size_t n, int32_t d0,
                           unsigned rep)
{
    ccad_book *b = NULL;
    size_t i;
    char id[32];
    int rc;
    if ((rc = ccad_book_new(&b, ctx, n)) != CCAD_OK)
        die("ccad_book_new", rc, ctx);
    for (i = 0; i < n; i++) {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        int64_t k = tu_rng_range(s, 0, 99);
        snprintf(id, sizeof id, "r%u-c%lu", rep, (unsigned long)i);
        c.id = id;
        c.value = k < 15   ? tu_rng_range(s, 5000000, 50000000)
                  : k < 40 ? tu_rng_range(s, 1000000, 5000000)
                           : tu_rng_range(s, 0, 1000000);
        k = tu_rng_range(s, 0, 99);
        c.status = k < 60   ? CCAD_STATUS_PROSPECT
                   : k < 88 ? CCAD_STATUS_ACTIVE
                   : k < 95 ? CCAD_STATUS_KEY
                            : CCAD_STATUS_RELEASED;
        if (c.status == CCAD_STATUS_ACTIVE || c.status == CCAD_STATUS_KEY)
            c.monthly_volume = tu_rng_range(s, 0, 10000000);
        if (tu_rng_range(s, 0, 99) < 20)
            c.purchase_date = d0 + (int32_t)tu_rng_range(s, -5, 45);
        if (tu_rng_range(s, 0, 99) < 90) {
            c.last_contact = d0 - (int32_t)tu_rng_range(s, 1, 35);
            c.last_visit = c.last_contact;
            c.contacts = (uint32_t)tu_rng_range(s, 1, 12);
        }
        k = tu_rng_range(s, 0, 99);
        if (k < 2) {
            c.complaint = CCAD_COMPLAINT_OPEN;
            c.complaint_date = d0 - (int32_t)tu_rng_range(s, 0, 3);
        } else if (k < 4) {
            c.complaint = CCAD_COMPLAINT_RESOLVED;
            c.complaint_date = d0 - (int32_t)tu_rng_range(s, 0, 10);
        }
        if (c.last_contact != CCAD_NO_DATE && c.complaint != CCAD_COMPLAINT_NONE &&
            c.last_contact < c.complaint_date - 20)
            c.last_contact = c.last_visit = c.complaint_date - 20;
        if (tu_rng_range(s, 0, 99) < 2)
            c.request_date = d0 + (int32_t)tu_rng_range(s, 0, 10);
        if ((rc = ccad_book_add(b, &c, NULL)) != CCAD_OK)
            die("ccad_book_add", rc, ctx);
    }
    if ((rc = ccad_book_grade(b, r)) != CCAD_OK)
        die("ccad_book_grade", rc, ctx);
    return b;
}

/* Plans `books` books of `per_book` customers each and prints one line. */
static void run(ccad_ctx *ctx, const ccad_rules *r, size_t per_book, unsigned books, int32_t d0)
{
    ccad_book **bk = calloc(books, sizeof *bk);
    uint64_t seed = UINT64_C(0x5eed) + per_book * 131u + books;
    size_t items = 0, findings = 0;
    double t0, ms = 0;
    unsigned i;
    ccad_plan_options o = CCAD_PLAN_OPTIONS_INIT;
    if (bk == NULL) {
        fprintf(stderr, "bench-plan: out of memory\n");
        exit(1);
    }
    o.first_day = d0;
    o.days = DAYS;
    o.visits_per_day = VISITS;
    for (i = 0; i < books; i++)
        bk[i] = gen_book(ctx, r, &seed, per_book, d0, i);
    for (i = 0; i < books; i++) {
        ccad_schedule *s = NULL;
        int rc;
        t0 = now_ms();
        rc = ccad_schedule_new(&s, bk[i], r, &o);
        ms += now_ms() - t0;
        if (rc != CCAD_OK)
            die("ccad_schedule_new", rc, ctx);
        items += ccad_schedule_item_count(s);
        findings += ccad_schedule_finding_count(s);
        ccad_schedule_free(s);
    }
    printf("plan customers=%lu books=%u days=%d items=%lu findings=%lu ms=%.1f ms_per_rep=%.3f\n",
           (unsigned long)(per_book * books), books, DAYS, (unsigned long)items,
           (unsigned long)findings, ms, ms / books);
    fflush(stdout);
    for (i = 0; i < books; i++)
        ccad_book_free(bk[i]);
    free(bk);
}

int main(int argc, char **argv)
{
    ccad_ctx *ctx = NULL;
    ccad_rules *r = NULL;
    int32_t d0 = 0;
    int rc, big = 1;
    if (argc > 1 && strcmp(argv[1], "--small") == 0)
        big = 0; /* skip the 100,000-customer book */
    if ((rc = ccad_ctx_new(&ctx, NULL)) != CCAD_OK || (rc = ccad_rules_new(&r, ctx)) != CCAD_OK) {
        fprintf(stderr, "bench-plan: setup: %s\n", ccad_strerror(rc));
        return 1;
    }
    ccad_date_from_ymd(&d0, 2026, 3, 2); /* a Monday */
    run(ctx, r, 1000, 1, d0);
    if (big)
        run(ctx, r, 100000, 1, d0);
    run(ctx, r, 100, 1000, d0);
    ccad_rules_free(r);
    ccad_ctx_free(ctx);
    return 0;
}
