/* ROUTE: the float table of the time-window solver's wide case with AVX2
 * (route_tw_wide.c chooses it when ctx->cpu says the processor has AVX2):
 * the four-row block of the exact solvers (route_exact_block.h) in the
 * AVX2 row type (route_rows_avx2.h), each finished row clipped to the
 * limits stored after the steps. Lanes hold whole numbers below 2^24, so
 * the table is the SSE2 kernel's to the bit (tests/test_route_tw_same.c). */
#include "route_tw.h"

#if CCAD__HAVE_AVX2_KERNELS
#include <immintrin.h>
#include <math.h>

#define EXACT_MAX TW_EXACT_MAX
#define EXACT_TARGET __attribute__((target("avx2")))
#define ROWS_TARGET EXACT_TARGET
#include "route_rows_avx2.h"
#define EXACT_BLOCK tw_block_avx2
#define EXACT_CLIP(r) row_clip(r, Dr + EXACT_MAX * EXACT_MAX)
#define EXACT_BLOCK_FILL ccad__tw_fill_avx2
#define EXACT_BLOCK_FILL_SCOPE
#include "route_exact_block.h"
#else
typedef int ccad__route_tw_exact_avx2_unused; /* ISO C: no empty translation unit */
#endif
