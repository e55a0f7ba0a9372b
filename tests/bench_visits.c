/* bench-visits [N]: what the 1.1 visit summary costs. Two books of the
 * same N customers (55 % prospects, contacts set in the summary) in one
 * run: "compact", where no customer has a visit summary (1.0's form), and
 * "summary", where every prospect's consecutive run is known (as after
 * recording its contacts: the customer keeps its record plus an entry in
 * the book's side table). Prints the bytes
 * each book holds (through a counting allocator) and the time of
 * ccad_book_assess_range over each, and their ratios. Figures only; it
 * never fails on timing (docs/performance.md). */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "custcadence.h"

static long long live_bytes;

static void *count_alloc(void *user, size_t n)
{
    size_t *p = malloc(n + sizeof(size_t) * 2);
    (void)user;
    if (p == NULL)
        return NULL;
    p[0] = n;
    live_bytes += (long long)n;
    return p + 2;
}

static void count_free(void *user, void *q)
{
    size_t *p = q;
    (void)user;
    if (q == NULL)
        return;
    live_bytes -= (long long)p[-2];
    free(p - 2);
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* The book of n customers, prospects and active ones; with_runs 1: each
 * prospect's run is known. */
static ccad_book *prospect_book(ccad_ctx *ctx, size_t n, int with_runs, int32_t today)
{
    ccad_book *b = NULL;
    size_t i;
    if (ccad_book_new(&b, ctx, n) != CCAD_OK)
        return NULL;
    for (i = 0; i < n; i++) {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        char id[24];
        unsigned k = (unsigned)(i * 2654435761u >> 7) % 100u;
        snprintf(id, sizeof id, "c%lu", (unsigned long)i);
        c.id = id;
        c.value = (int64_t)(k * 1000 + i % 997);
        c.status = k < 55 ? CCAD_STATUS_PROSPECT : CCAD_STATUS_ACTIVE;
        c.last_contact = c.last_visit = today - (int32_t)(k % 20);
        c.contacts = 1 + k % 8;
        c.last_gap_days = (int32_t)(k % 12);
        c.next_step_date = c.last_contact + 7;
        if (with_runs && c.status == CCAD_STATUS_PROSPECT) {
            c.prospect_run = (int32_t)c.contacts;
            c.prospect_gap = c.last_gap_days;
            c.prospect_tail = 1;
        }
        if (ccad_book_add(b, &c, NULL) != CCAD_OK) {
            ccad_book_free(b);
            return NULL;
        }
    }
    return b;
}

int main(int argc, char **argv)
{
    size_t n = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 200000;
    ccad_host h = CCAD_HOST_INIT;
    ccad_ctx *ctx = NULL;
    ccad_rules *rules = NULL;
    ccad_brief *out = malloc(n * sizeof *out);
    int32_t today = 0;
    double ms[2] = {0, 0};
    long long bytes[2];
    int form, rep;
    h.alloc = count_alloc;
    h.free = count_free;
    if (out == NULL || ccad_ctx_new(&ctx, &h) != CCAD_OK ||
        ccad_rules_new(&rules, ctx) != CCAD_OK ||
        ccad_date_parse(&today, "2026-11-23", 10) != CCAD_OK)
        return 1;
    for (form = 0; form < 2; form++) {
        long long before = live_bytes;
        ccad_book *b = prospect_book(ctx, n, form, today);
        if (b == NULL || ccad_book_grade(b, rules) != CCAD_OK)
            return 1;
        bytes[form] = live_bytes - before;
        for (rep = 0; rep < 5; rep++) { /* the best of five */
            double t0 = now_ms(), t;
            if (ccad_book_assess_range(b, rules, 0, n, today, out, sizeof *out) != CCAD_OK)
                return 1;
            t = now_ms() - t0;
            if (rep == 0 || t < ms[form])
                ms[form] = t;
        }
        ccad_book_free(b);
    }
    printf("visits customers=%lu compact_bytes_per_customer=%.1f summary_bytes_per_customer=%.1f "
           "ratio=%.2f\n",
           (unsigned long)n, (double)bytes[0] / (double)n, (double)bytes[1] / (double)n,
           (double)bytes[1] / (double)bytes[0]);
    printf("visits assess_range compact_ms=%.2f summary_ms=%.2f ratio=%.2f\n", ms[0], ms[1],
           ms[1] / ms[0]);
    ccad_rules_free(rules);
    ccad_ctx_free(ctx);
    free(out);
    return 0;
}
