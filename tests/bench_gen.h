/* The generated customers of the benchmark programs (bench-perf,
 * bench-plan-ab): a counter-based generator, so the same seed and index give
 * the same customer in every program and any order. */
#ifndef CCAD_BENCH_GEN_H
#define CCAD_BENCH_GEN_H

#include "custcadence.h"

#include <math.h>

/* Counter-based generator: field f of customer i is mix(seed, i, f), so any
 * customer can be made alone and in any order. splitmix64's finaliser. */
static inline uint64_t mix(uint64_t seed, uint64_t i, uint64_t f)
{
    uint64_t z = seed + i * UINT64_C(0x9E3779B97F4A7C15) * 8u + f * UINT64_C(0xBF58476D1CE4E5B9);
    z ^= z >> 30;
    z *= UINT64_C(0xBF58476D1CE4E5B9);
    z ^= z >> 27;
    z *= UINT64_C(0x94D049BB133111EB);
    z ^= z >> 31;
    return z;
}

/* lo..hi from 32 bits of h */
static inline int64_t pick(uint64_t h, int64_t lo, int64_t hi)
{
    return lo + (int64_t)((h & 0xffffffffu) % (uint64_t)(hi - lo + 1));
}

#define D0_Y 2026
#define D0_M 3
#define D0_D 2 /* Monday 2026-03-02 */
#define CITY_X 121.4
#define CITY_Y 31.2

/* Customer i of the assessment data (day d0): values 15 % large, 25 %
 * middle, 60 % small (rank grading 15/25/60 % then gives mostly A for the
 * large ones), statuses, purchase dates, contacts with gaps, next steps,
 * complaints, requests, ownership, triage volumes and margins. */
static inline void gen_customer(ccad_customer *c, uint64_t seed, uint64_t i, int32_t d0)
{
    uint64_t h0 = mix(seed, i, 0), h1 = mix(seed, i, 1), h2 = mix(seed, i, 2), h3 = mix(seed, i, 3),
             h4 = mix(seed, i, 4), h5 = mix(seed, i, 5);
    int64_t k = pick(h0, 0, 99);
    ccad_customer z = CCAD_CUSTOMER_INIT;
    *c = z;
    c->value = k < 15   ? pick(h0 >> 32, 5000000, 50000000)
               : k < 40 ? pick(h0 >> 32, 1000000, 5000000)
                        : pick(h0 >> 32, 0, 1000000);
    k = pick(h1, 0, 99);
    c->status = k < 55   ? CCAD_STATUS_PROSPECT
                : k < 83 ? CCAD_STATUS_ACTIVE
                : k < 93 ? CCAD_STATUS_KEY
                : k < 97 ? CCAD_STATUS_RELEASED
                         : CCAD_STATUS_ELIMINATED;
    if (c->status == CCAD_STATUS_ACTIVE || c->status == CCAD_STATUS_KEY) {
        c->monthly_volume = pick(h1 >> 32, 0, 10000000);
        if ((h5 & 1) == 0)
            c->margin_bp = (int32_t)pick(h5 >> 1, 0, 6000);
    }
    c->capable = (int)((h5 >> 40) & 1);
    if (pick(h2, 0, 99) < 25)
        c->purchase_date = d0 + (int32_t)pick(h2 >> 32, -10, 45);
    if (pick(h3, 0, 99) < 90) {
        int64_t g = pick(h3 >> 8, 0, 99);
        c->last_contact = d0 - (int32_t)pick(h3 >> 32, 1, 60);
        c->last_visit = g < 70   ? c->last_contact
                        : g < 90 ? c->last_contact - (int32_t)(g - 60)
                                 : CCAD_NO_DATE;
        c->contacts = (uint32_t)pick(h4, 1, 15);
        c->last_gap_days = (int32_t)pick(h4 >> 8, 1, 40);
        c->no_progress = (uint32_t)pick(h4 >> 16, 0, 4);
        c->last_recorded = pick(h4 >> 24, 0, 99) < 80;
        c->missing_records = c->last_recorded ? 0u : 1u;
        if (pick(h4 >> 32, 0, 99) < 30)
            c->next_step_date = c->last_contact + (int32_t)pick(h4 >> 40, 0, 30);
        c->service_counts[(h5 >> 8) & 3] = c->contacts;
    }
    k = pick(h2 >> 8, 0, 99);
    if (k < 3) {
        c->complaint = CCAD_COMPLAINT_OPEN;
        c->complaint_date = d0 - (int32_t)pick(h2 >> 16, 0, 5);
    } else if (k < 6) {
        c->complaint = CCAD_COMPLAINT_RESOLVED;
        c->complaint_date = d0 - (int32_t)pick(h2 >> 16, 0, 15);
    }
    if (pick(h5 >> 16, 0, 99) < 2)
        c->request_date = d0 + (int32_t)pick(h5 >> 24, -3, 10);
    if (pick(h5 >> 32, 0, 99) < 50)
        c->owned_since = d0 - (int32_t)pick(h5 >> 44, 0, 200);
}

/* Customer i of book `seed` located in a ~15 km city (GEO: x = longitude,
 * y = latitude, within about 7.5 km of CITY_X, CITY_Y). */
static inline void gen_locate(ccad_customer *c, uint64_t seed, uint64_t i)
{
    uint64_t h = mix(seed, i, 6);
    double ang = (double)(h & 0xffff) / 65536.0 * 6.283185307179586;
    double rad = sqrt((double)((h >> 16) & 0xffff) / 65536.0) * 7500.0; /* metres */
    c->has_location = 1;
    c->x = CITY_X + rad * cos(ang) / (111320.0 * cos(CITY_Y * 3.141592653589793 / 180.0));
    c->y = CITY_Y + rad * sin(ang) / 110540.0;
}

#endif
