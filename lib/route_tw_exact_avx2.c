/* ROUTE: the float table of the time-window solver's wide case with AVX2
 * (route_tw_wide.c chooses it when ctx->cpu says the processor has AVX2):
 * the four-row block of the exact solvers (route_exact_block.h) in the
 * AVX2 row type (route_rows_avx2.h), each finished row clipped to the
 * limits stored after the steps; for days of at most eight stops, the
 * same block over the first eight lanes only. Lanes hold whole numbers below 2^24, so
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
#undef EXACT_BLOCK
#undef EXACT_BLOCK_FILL

/* The narrow kernel, for days of at most eight stops: only lanes 0..7 of
 * each row, in one 8-lane register. Every value the block reads from the
 * table is of a stop of the day, so of a lane below 8, and each lane is
 * computed as the twelve-lane kernel computes it: the table's lanes of
 * the day's stops are the same; lanes 8..11 of rows 1.. are left as they
 * were and never read. */
typedef __m256 row8_t;
static inline EXACT_TARGET void row8_store(float *p, row8_t r) { _mm256_storeu_ps(p, r); }
static inline EXACT_TARGET row8_t row8_inf(void) { return _mm256_set1_ps(HUGE_VALF); }
static inline EXACT_TARGET row8_t row8_min(row8_t x, row8_t y) { return _mm256_min_ps(x, y); }
static inline EXACT_TARGET row8_t row8_plus(const float *v, const float *p)
{
    return _mm256_add_ps(_mm256_broadcast_ss(v), _mm256_loadu_ps(p));
}
static inline EXACT_TARGET row8_t row8_clip(row8_t x, const float *lim)
{
    return _mm256_blendv_ps(_mm256_set1_ps(HUGE_VALF), x,
                            _mm256_cmp_ps(x, _mm256_loadu_ps(lim), _CMP_LE_OQ));
}
/* the block's names for the row type and its operations */
#define row_t row8_t
#define row_store row8_store
#define row_inf row8_inf
#define row_min row8_min
#define row_plus row8_plus
#define EXACT_BLOCK tw_block8_avx2
#define EXACT_CLIP(r) row8_clip(r, Dr + EXACT_MAX * EXACT_MAX)
#define EXACT_BLOCK_FILL ccad__tw_fill8_avx2
#include "route_exact_block.h"
#undef row_t
#undef row_store
#undef row_inf
#undef row_min
#undef row_plus
#else
typedef int ccad__route_tw_exact_avx2_unused; /* ISO C: no empty translation unit */
#endif
