/* The shared seeded generator (tu_rng.h). */
#include "tu_rng.h"

uint64_t tu_rng_seed(uint64_t seed)
{
    uint64_t s = seed * UINT64_C(0x9E3779B97F4A7C15) + 1;
    return s != 0 ? s : 1;
}

uint64_t tu_rng_next(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *s = x;
    return x * UINT64_C(2685821657736338717);
}

int64_t tu_rng_range(uint64_t *s, int64_t lo, int64_t hi)
{
    return lo + (int64_t)(tu_rng_next(s) % (uint64_t)(hi - lo + 1));
}

int64_t tu_rng_pick(uint64_t *s, int64_t lo, int64_t hi)
{
    return lo + (int64_t)((tu_rng_next(s) >> 32) % (uint64_t)(hi - lo + 1));
}

int tu_rng_pct(uint64_t *s, int pct) { return tu_rng_range(s, 0, 99) < pct; }

double tu_rng_unit(uint64_t *s) { return (double)(tu_rng_next(s) >> 11) / 9007199254740992.0; }
