/* bench-position: what TRIAGE's position (ccad_customer.share_pct and
 * supplier_rank, 1.1) costs in batch assessment and in memory. The same N
 * generated customers go into two books, one without any position and one
 * where every customer has both; a customer with a position keeps its
 * record plus an entry in the book's side table, whose position the batch
 * kernels read beside the record. ccad_book_assess_range runs over both books, interleaved, 11
 * rounds, in one process. Run by hand from a Release build:
 *
 *   ./build-rel/tests/bench-position 1000000
 *
 * Figures (fixed seed: everything but the times is the same every run):
 *
 *   position-mem book=plain|positioned customers=N bytes_per_customer=B
 *   position-round K plain_ns=X positioned_ns=Y
 *   position customers=N plain_median_ns=X positioned_median_ns=Y ratio_median=R
 *            ratio_range=LO..HI positioned_share=100
 *
 * Never fails on timing. */
#define _POSIX_C_SOURCE 200809L

#include "bench_gen.h"
#include "custcadence.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define ROUNDS 11

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static void check(int rc, const char *what)
{
    if (rc != CCAD_OK) {
        fprintf(stderr, "bench-position: %s failed (%d)\n", what, rc);
        exit(1);
    }
}

/* Bytes the library holds, through the context's allocator. */
static size_t live_bytes;

static void *count_alloc(void *user, size_t n)
{
    size_t *p = malloc(n + sizeof(size_t) * 2);
    (void)user;
    if (p == NULL)
        return NULL;
    p[0] = n;
    live_bytes += n;
    return p + 2;
}

static void count_free(void *user, void *ptr)
{
    (void)user;
    if (ptr != NULL) {
        size_t *p = (size_t *)ptr - 2;
        live_bytes -= p[0];
        free(p);
    }
}

static void *count_realloc(void *user, void *ptr, size_t n)
{
    void *q = count_alloc(user, n);
    if (q != NULL && ptr != NULL) {
        size_t old = ((size_t *)ptr)[-2];
        memcpy(q, ptr, old < n ? old : n);
        count_free(user, ptr);
    }
    return q;
}

#define SEED UINT64_C(0x2002)

/* n graded customers drawn from the seed, with TRIAGE's position fields
 * (share_pct, supplier_rank) when `positioned`. */
static ccad_book *graded_book_positioned(ccad_ctx *ctx, const ccad_rules *r, size_t n, int32_t day,
                                         int positioned)
{
    ccad_book *b = NULL;
    size_t i;
    check(ccad_book_new(&b, ctx, n), "ccad_book_new");
    for (i = 0; i < n; i++) {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        char id[24];
        uint64_t h = mix(SEED, i, 0); /* bench_gen.h's counter-based generator */
        snprintf(id, sizeof id, "c%lu", (unsigned long)i);
        c.id = id;
        c.value = (int64_t)(h % 1000000);
        c.status = (int)(h >> 20 & 1) ? CCAD_STATUS_ACTIVE : CCAD_STATUS_KEY;
        c.monthly_volume = (int64_t)(h >> 24 & 0xffffff) % 10000000;
        c.last_contact = c.last_visit = day - (int32_t)(h >> 48 & 31);
        c.contacts = 3;
        if ((h >> 53 & 3) == 0)
            c.purchase_date = day + (int32_t)(h >> 56 & 63);
        if (positioned) {
            c.share_pct = (int64_t)(h >> 8 & 127) % 101;
            c.supplier_rank = 1 + (uint32_t)(h >> 40 & 31);
        }
        check(ccad_book_add(b, &c, NULL), "ccad_book_add");
    }
    check(ccad_book_grade(b, r), "ccad_book_grade");
    return b;
}

static double ns_per_customer(const ccad_book *b, const ccad_rules *r, size_t n, int32_t day,
                              ccad_brief *out)
{
    double t0 = now_ms();
    check(ccad_book_assess_range(b, r, 0, n, day, out, sizeof *out), "assess_range");
    return (now_ms() - t0) * 1e6 / (double)n;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    size_t n = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 1000000;
    ccad_host h = CCAD_HOST_INIT;
    ccad_ctx *ctx = NULL;
    ccad_rules *r = NULL;
    ccad_book *book[2];
    ccad_brief *out;
    double ns[2][ROUNDS], ratio[ROUNDS], med[2];
    int32_t day = 0;
    int k, round;
    if (n == 0) {
        fprintf(stderr, "usage: bench-position [N > 0]\n");
        return 2;
    }
    h.alloc = count_alloc;
    h.realloc = count_realloc;
    h.free = count_free;
    check(ccad_ctx_new(&ctx, &h), "ccad_ctx_new");
    check(ccad_rules_new(&r, ctx), "ccad_rules_new");
    check(ccad_date_from_ymd(&day, 2026, 11, 2), "ccad_date_from_ymd");
    for (k = 0; k < 2; k++) {
        size_t before = live_bytes;
        book[k] = graded_book_positioned(ctx, r, n, day, k);
        printf("position-mem book=%s customers=%lu bytes_per_customer=%.1f\n",
               k ? "positioned" : "plain", (unsigned long)n,
               (double)(live_bytes - before) / (double)n);
    }
    out = malloc(n * sizeof *out);
    if (out == NULL)
        return 1;
    for (round = 0; round < ROUNDS; round++) {
        for (k = 0; k < 2; k++) { /* which book goes first alternates by round */
            int which = (round + k) % 2;
            ns[which][round] = ns_per_customer(book[which], r, n, day, out);
        }
        ratio[round] = ns[1][round] / ns[0][round];
        printf("position-round %d plain_ns=%.2f positioned_ns=%.2f\n", round + 1, ns[0][round],
               ns[1][round]);
    }
    for (k = 0; k < 2; k++) {
        qsort(ns[k], ROUNDS, sizeof ns[k][0], cmp_double);
        med[k] = ns[k][ROUNDS / 2];
    }
    qsort(ratio, ROUNDS, sizeof ratio[0], cmp_double);
    printf("position customers=%lu plain_median_ns=%.2f positioned_median_ns=%.2f "
           "ratio_median=%.2f ratio_range=%.2f..%.2f positioned_share=100\n",
           (unsigned long)n, med[0], med[1], ratio[ROUNDS / 2], ratio[0], ratio[ROUNDS - 1]);
    free(out);
    for (k = 0; k < 2; k++)
        ccad_book_free(book[k]);
    ccad_rules_free(r);
    ccad_ctx_free(ctx);
    return 0;
}
