/* ROUTE: one table row of twelve float lanes in three SSE2 registers, the
 * row type of the float block (route_exact_block.h) for the time-window
 * solver's wide days (route_tw_wide.c; the plain exact solver's SSE2
 * kernel works by columns, route_exact_sse2.c). minps does in one instruction what
 * whole numbers need four for without SSE4.1: minps(c, t) is
 * c < t ? c : t. Include after <emmintrin.h> and <math.h>. */
#ifndef CCAD_ROUTE_ROWS_SSE2_H
#define CCAD_ROUTE_ROWS_SSE2_H

typedef struct {
    __m128 a, b, c;
} row_t;
static inline void row_store(float *p, row_t r)
{
    _mm_storeu_ps(p, r.a);
    _mm_storeu_ps(p + 4, r.b);
    _mm_storeu_ps(p + 8, r.c);
}
static inline row_t row_inf(void)
{
    row_t r = {_mm_set1_ps(HUGE_VALF), _mm_set1_ps(HUGE_VALF), _mm_set1_ps(HUGE_VALF)};
    return r;
}
static inline row_t row_min(row_t x, row_t y)
{
    row_t r = {_mm_min_ps(x.a, y.a), _mm_min_ps(x.b, y.b), _mm_min_ps(x.c, y.c)};
    return r;
}
static inline row_t row_plus(const float *v, const float *p)
{
    __m128 s = _mm_set1_ps(*v);
    row_t r = {_mm_add_ps(s, _mm_loadu_ps(p)), _mm_add_ps(s, _mm_loadu_ps(p + 4)),
               _mm_add_ps(s, _mm_loadu_ps(p + 8))};
    return r;
}
/* The lanes of x above the limit at lim (twelve floats) become infinite. */
static inline __m128 lanes_clip(__m128 x, const float *lim)
{
    __m128 keep = _mm_cmple_ps(x, _mm_loadu_ps(lim));
    return _mm_or_ps(_mm_and_ps(keep, x), _mm_andnot_ps(keep, _mm_set1_ps(HUGE_VALF)));
}
static inline row_t row_clip(row_t x, const float *lim)
{
    row_t r = {lanes_clip(x.a, lim), lanes_clip(x.b, lim + 4), lanes_clip(x.c, lim + 8)};
    return r;
}

#endif
