/* ROUTE: one table row of twelve float lanes in one 8-lane and one 4-lane
 * AVX2 register, the row type of the float block (route_exact_block.h) for
 * the AVX2 kernels (route_exact_avx2.c, route_tw_exact_avx2.c): two
 * additions and two minimums per row and stop instead of SSE2's three of
 * each. Include after <immintrin.h> and <math.h>, with ROWS_TARGET the
 * target attribute. */
#ifndef CCAD_ROUTE_ROWS_AVX2_H
#define CCAD_ROUTE_ROWS_AVX2_H

typedef struct {
    __m256 a;
    __m128 b;
} row_t;
static inline ROWS_TARGET void row_store(float *p, row_t r)
{
    _mm256_storeu_ps(p, r.a);
    _mm_storeu_ps(p + 8, r.b);
}
static inline ROWS_TARGET row_t row_inf(void)
{
    row_t r = {_mm256_set1_ps(HUGE_VALF), _mm_set1_ps(HUGE_VALF)};
    return r;
}
static inline ROWS_TARGET row_t row_min(row_t x, row_t y)
{
    row_t r = {_mm256_min_ps(x.a, y.a), _mm_min_ps(x.b, y.b)};
    return r;
}
static inline ROWS_TARGET row_t row_plus(const float *v, const float *p)
{
    __m256 s = _mm256_broadcast_ss(v);
    row_t r = {_mm256_add_ps(s, _mm256_loadu_ps(p)),
               _mm_add_ps(_mm256_castps256_ps128(s), _mm_loadu_ps(p + 8))};
    return r;
}
/* The lanes of x above the limit at lim (twelve floats) become infinite. */
static inline ROWS_TARGET row_t row_clip(row_t x, const float *lim)
{
    row_t r = {_mm256_blendv_ps(_mm256_set1_ps(HUGE_VALF), x.a,
                                _mm256_cmp_ps(x.a, _mm256_loadu_ps(lim), _CMP_LE_OQ)),
               _mm_blendv_ps(_mm_set1_ps(HUGE_VALF), x.b,
                             _mm_cmp_ps(x.b, _mm_loadu_ps(lim + 8), _CMP_LE_OQ))};
    return r;
}

#endif
