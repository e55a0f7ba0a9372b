/* ROUTE: the exact solver's float table with AVX2 (route_exact.c chooses
 * it when ctx->cpu says the processor has AVX2, cpu.c): a row of twelve
 * lanes in one 8-lane and one 4-lane register, so two additions and two
 * minimums per row and stop instead of SSE2's three of each. The block is
 * the one route_exact.c uses (route_exact_block.h); only the registers
 * differ, and minimums of exact whole numbers are the same in any width,
 * so both kernels give the same table to the bit (tests/test_route_exact_isa.c). */
#include "internal.h"

#if CCAD__HAVE_AVX2_KERNELS
#include <immintrin.h>
#include <math.h>

#define EXACT_MAX CCAD__ROUTE_EXACT_MAX
#define EXACT_TARGET __attribute__((target("avx2")))

typedef struct {
    __m256 a;
    __m128 b;
} row_t;
static inline EXACT_TARGET void row_store(float *p, row_t r)
{
    _mm256_storeu_ps(p, r.a);
    _mm_storeu_ps(p + 8, r.b);
}
static inline EXACT_TARGET row_t row_inf(void)
{
    row_t r = {_mm256_set1_ps(HUGE_VALF), _mm_set1_ps(HUGE_VALF)};
    return r;
}
static inline EXACT_TARGET row_t row_min(row_t x, row_t y)
{
    row_t r = {_mm256_min_ps(x.a, y.a), _mm_min_ps(x.b, y.b)};
    return r;
}
static inline EXACT_TARGET row_t row_plus(const float *v, const float *p)
{
    __m256 s = _mm256_broadcast_ss(v);
    row_t r = {_mm256_add_ps(s, _mm256_loadu_ps(p)),
               _mm_add_ps(_mm256_castps256_ps128(s), _mm_loadu_ps(p + 8))};
    return r;
}
#define EXACT_BLOCK exact_block_avx2
#include "route_exact_block.h"

EXACT_TARGET void ccad__route_exact_fill_avx2(float *E, const float *Dr, uint32_t m)
{
    uint32_t H;
    for (H = 0; H < (1u << m); H += 4)
        exact_block_avx2(E, Dr, H);
}
#else
typedef int ccad__route_exact_avx2_unused; /* ISO C: no empty translation unit */
#endif
