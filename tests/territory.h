/* Seeded random territories for property tests of the planner: a book of
 * 20..120 customers spread over an area (planar kilometres or GEO around a
 * city, up to about 50 km across), a calendar with holidays, absences and
 * special dates, and plan options (7..28 days, a visit or minute limit,
 * routing on, weekly assignment on or off, various working days). The same
 * seed gives the same territory on every machine (tu_rng_*). */
#ifndef CCAD_TERRITORY_H
#define CCAD_TERRITORY_H

#include "testutil.h"

#define TT_MAX_CUSTOMERS 120
#define TT_MAX_LIST 8

typedef struct tt_territory {
    tu_alloc al; /* first member: the allocator callbacks receive the territory */
    uint64_t seed;
    ccad_ctx *ctx;     /* its host has the counting allocator and tt's calendar */
    ccad_rules *rules; /* library defaults */
    ccad_book *book;   /* graded */
    ccad_plan_options options;
    /* calendar: Monday..Friday work (Saturday too when work_saturday), then */
    int work_saturday;
    int32_t holiday[TT_MAX_LIST];
    int n_holiday;
    int32_t absent[TT_MAX_LIST];
    int n_absent;
    int32_t special[TT_MAX_LIST];
    int n_special;
    /* 1 when every located customer's visit hours can hold its service
     * time inside the working day (the generator then draws them so) */
    int hours_fit;
    char ids[TT_MAX_CUSTOMERS][16];
} tt_territory;

/* Builds territory @p seed (fails the test on a library error). */
void tt_make(tt_territory *t, uint64_t seed);
/* A new book holding t's customers @p copies times over (ids prefixed
 * "x<copy>-"), graded under t's rules: books larger than a territory. */
ccad_book *tt_repeated(tt_territory *t, int copies);
/* Frees it; asserts the allocator has nothing left. */
void tt_free(tt_territory *t);
/* The calendar flags the territory's host reports for @p day. */
uint32_t tt_flags(const tt_territory *t, int32_t day);
/* Service minutes of customer @p index by its effective grade
 * (route.service_*_min; an ungraded customer counts as C). */
int32_t tt_service_min(const tt_territory *t, size_t index);

#endif
