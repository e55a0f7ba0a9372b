/* ROUTE: the exact solver's float table with AVX2 (route_exact.c chooses
 * it when ctx->cpu says the processor has AVX2, cpu.c): a row of twelve
 * lanes in one 8-lane and one 4-lane register (route_rows_avx2.h), four
 * rows at a time (route_exact_block.h). Without AVX2 the table is filled
 * by columns instead (route_exact_sse2.c); minimums of exact whole numbers
 * are the same in any order and width, so both kernels give the values
 * the tour reads to the bit (tests/test_route_exact.c). */
#include "internal.h"

#if CCAD__HAVE_AVX2_KERNELS
#include <immintrin.h>
#include <math.h>

#define EXACT_MAX CCAD__ROUTE_EXACT_MAX
#define EXACT_TARGET __attribute__((target("avx2")))

#define ROWS_TARGET EXACT_TARGET
#include "route_rows_avx2.h"
#define EXACT_BLOCK exact_block_avx2
#define EXACT_BLOCK_FILL ccad__route_exact_fill_avx2
#define EXACT_BLOCK_FILL_SCOPE
#include "route_exact_block.h"
#else
typedef int ccad__route_exact_avx2_unused; /* ISO C: no empty translation unit */
#endif
