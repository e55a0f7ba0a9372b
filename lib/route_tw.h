/* Routes with time windows: what route_tw.c, route_tw_exact.c and
 * route_tw_search.c share. Not installed, not part of the API. */
#ifndef CCAD_ROUTE_TW_H
#define CCAD_ROUTE_TW_H

#include "internal.h"

#include <string.h>

/* Most stops the exact solver takes (n <= TW_EXACT_MAX + 1 points). */
#define TW_EXACT_MAX 12

/* The objective of an order, compared member by member: total lateness
 * (0 when feasible), total travel minutes (the way back included), the
 * return time. All int64: sums of int32 legs cannot overflow. */
struct tw_key {
    int64_t late, travel, back;
};

static inline int ccad__tw_key_cmp(const struct tw_key *a, const struct tw_key *b)
{
    if (a->late != b->late)
        return a->late < b->late ? -1 : 1;
    if (a->travel != b->travel)
        return a->travel < b->travel ? -1 : 1;
    if (a->back != b->back)
        return a->back < b->back ? -1 : 1;
    return 0;
}

static inline int64_t ccad__tw_leg(const struct ccad__tw *p, uint32_t i, uint32_t j)
{
    return p->minutes[(size_t)i * p->n + j];
}

/* Serves stop j reached at `arrive`: waits for its opening, returns the
 * minute its service ends and adds the minutes past its close to *late. */
static inline int64_t ccad__tw_serve(const struct ccad__tw *p, uint32_t j, int64_t arrive,
                                     int64_t *late)
{
    int64_t s = arrive > p->open[j] ? arrive : p->open[j];
    int64_t f = s + p->service[j];
    if (f > p->close[j])
        *late += f - p->close[j];
    return f;
}

/* The key of a whole order (n entries, base first), leaving at p->start. */
void ccad__tw_eval(const struct ccad__tw *p, const uint32_t *order, struct tw_key *key);

/* Exact: the best order of at most TW_EXACT_MAX stops by the key above
 * (feasible orders first; the least late when none is). CCAD_ENOMEM only,
 * recorded. */
int ccad__tw_exact(ccad_ctx *ctx, const struct ccad__tw *p, uint32_t *order, struct tw_key *key);

/* Keeps in `order` the lexicographically smaller of it and cand (n
 * entries, the base first). */
static inline void ccad__tw_lex_keep(uint32_t *order, const uint32_t *cand, size_t n)
{
    size_t x = 1;
    while (x < n && cand[x] == order[x])
        x++;
    if (x < n && cand[x] < order[x])
        memcpy(order, cand, n * sizeof *order);
}

/* 1 if no stop can ever be reached before it opens and the legs and
 * services are at most 2^26 minutes: then ccad__tw_wide takes the day. */
int ccad__tw_never_waits(const struct ccad__tw *p);

/* A table kept from one solve to the next (the planner solves every routed
 * day of a schedule in turn): ccad__tw_wide's table grows in it instead of
 * being allocated and freed on every call. Starts as {NULL, 0}; the
 * caller frees `table` through ctx when done. */
struct ccad__tw_scratch {
    void *table;
    size_t bytes;
};

/* ccad__tw_solve and ccad__tw_exact with a scratch table kept across
 * calls (NULL: none, each call allocates its own). */
int ccad__tw_solve_in(ccad_ctx *ctx, const struct ccad__tw *p, const uint32_t *hint, uint64_t seed,
                      struct ccad__tw_scratch *scratch, uint32_t *order, int32_t *out_back);
int ccad__tw_exact_in(ccad_ctx *ctx, const struct ccad__tw *p, struct ccad__tw_scratch *scratch,
                      uint32_t *order, struct tw_key *key);

/* The wide case of ccad__tw_exact (route_tw_wide.c), for a day where
 * ccad__tw_never_waits: 1 with the best feasible order in order and key, 0
 * if no order is feasible, -1 out of memory (not recorded). Its table is
 * scratch's (grown as needed) when scratch is not NULL. */
int ccad__tw_wide(ccad_ctx *ctx, const struct ccad__tw *p, struct ccad__tw_scratch *scratch,
                  uint32_t *order, struct tw_key *key);

/* Rows 1..2^m - 1 of ccad__tw_wide's float table with AVX2 (Df: the steps,
 * then the limits), the same values as its SSE2 kernel; only when ctx->cpu
 * has CCAD__CPU_AVX2 (route_tw_exact_avx2.c). */
void ccad__tw_fill_avx2(float *E, const float *Df, uint32_t m);
/* The same for m <= TW_NARROW stops, over lanes 0..7 of each row only
 * (the lanes of the day's stops; lanes 8..11 of rows 1.. are not written). */
#define TW_NARROW 8
void ccad__tw_fill8_avx2(float *E, const float *Df, uint32_t m);

/* Local search from `hint` (if a valid base-first permutation) or a
 * cheapest insertion; never worse than its start. CCAD_ENOMEM only,
 * recorded. */
int ccad__tw_search(ccad_ctx *ctx, const struct ccad__tw *p, const uint32_t *hint, uint64_t seed,
                    uint32_t *order, struct tw_key *key);

#endif
