/* The one seeded generator of the tests and the benchmark programs
 * (xorshift64*): the same seed gives the same sequence on every machine.
 * A state must not be 0; tu_rng_seed() maps any seed to a good state.
 * No cmocka here: the benchmark programs link it without the test helpers. */
#ifndef CCAD_TU_RNG_H
#define CCAD_TU_RNG_H

#include <stdint.h>

/* A state for @p seed (any value, 0 included). */
uint64_t tu_rng_seed(uint64_t seed);
/* The next 64-bit value. */
uint64_t tu_rng_next(uint64_t *s);
/* A value in [lo, hi] (lo <= hi). */
int64_t tu_rng_range(uint64_t *s, int64_t lo, int64_t hi);
/* A value in [lo, hi] (lo <= hi) from the high 32 bits of the next value.
 * The low bits of xorshift64* are weak (linear): over many draws modulo a
 * small range they miss combinations; prefer this to tu_rng_range in new
 * code. tu_rng_range keeps its form because the seeded territories'
 * figures (tests/territory.c, the planner's baseline) come from it. */
int64_t tu_rng_pick(uint64_t *s, int64_t lo, int64_t hi);
/* 1 with probability pct/100. */
int tu_rng_pct(uint64_t *s, int pct);
/* A double in [0, 1), 53 random bits. */
double tu_rng_unit(uint64_t *s);

#endif
