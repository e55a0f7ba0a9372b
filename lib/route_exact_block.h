/* ROUTE: four rows of an exact solver's float table at once, included by
 * route_tw_wide.c (SSE2, route_rows_sse2.h) and by route_exact_avx2.c and
 * route_tw_exact_avx2.c (AVX2, route_rows_avx2.h)
 * after they define the row type for their registers:
 *
 *   EXACT_BLOCK   the function's name; EXACT_TARGET its attributes (the ISA)
 *   row_t         twelve float lanes (one table row) in registers
 *   row_store(p, r), row_inf(), row_min(a, b)
 *   row_plus(v, p)  the scalar *v added to every lane of the row at p
 *   EXACT_BLOCK_FILL the name of the table's fill (rows 1..2^m - 1, block
 *                   by block), EXACT_BLOCK_FILL_SCOPE its linkage (static or empty)
 *   EXACT_CLIP(r)   optional: what becomes of a finished row before it is
 *                   stored (the time-window solver's closes, route_tw_wide.c);
 *                   the row itself when not defined
 *
 * Rows H..H+3 (H a multiple of 4) share their high stops: for each stop k
 * of H the distance row Dr[k] is loaded once and serves all four rows,
 * whose sources E[(H - k) + L][k] are four rows apart. The two low stops
 * (L's bits) come last, in the order the rows depend on each other: row H
 * first, then H+1 and H+2 from it, then H+3 from those two. Each lane is a
 * minimum of whole numbers below 2^24, exact in float, so the order in
 * which the candidates are compared does not change any value: the table
 * (and with it the tour and its ties) is the row-by-row one. Row 0, the
 * costs from the base, is the caller's; rows 1..3 of block 0 have no high
 * stops. The caller allocates at least four rows. */
#ifndef EXACT_CLIP
#define EXACT_CLIP(r) (r)
#endif
static EXACT_TARGET void EXACT_BLOCK(float *E, const float *Dr, uint32_t H)
{
    float *e = E + (size_t)H * EXACT_MAX;
    row_t r0 = row_inf(), r1 = r0, r2 = r0, r3 = r0;
    uint32_t bits;
    for (bits = H; bits != 0; bits &= bits - 1) {
        uint32_t k = ccad__lowest_bit(bits);
        const float *src = E + (size_t)(H & ~(1u << k)) * EXACT_MAX + k;
        const float *dr = Dr + k * EXACT_MAX;
        r0 = row_min(r0, row_plus(src, dr));
        r1 = row_min(r1, row_plus(src + EXACT_MAX, dr));
        r2 = row_min(r2, row_plus(src + 2 * EXACT_MAX, dr));
        r3 = row_min(r3, row_plus(src + 3 * EXACT_MAX, dr));
    }
    if (H != 0)
        row_store(e, EXACT_CLIP(r0));
    /* stop 0 last: H+1 from H; stop 1 last: H+2 from H; H+3 from both */
    row_store(e + EXACT_MAX, EXACT_CLIP(row_min(r1, row_plus(e, Dr))));
    row_store(e + 2 * EXACT_MAX, EXACT_CLIP(row_min(r2, row_plus(e + 1, Dr + EXACT_MAX))));
    r3 = row_min(r3, row_plus(e + 2 * EXACT_MAX, Dr));
    row_store(e + 3 * EXACT_MAX,
              EXACT_CLIP(row_min(r3, row_plus(e + EXACT_MAX + 1, Dr + EXACT_MAX))));
}

EXACT_BLOCK_FILL_SCOPE EXACT_TARGET void EXACT_BLOCK_FILL(float *E, const float *Dr, uint32_t m)
{
    uint32_t H;
    for (H = 0; H < (1u << m); H += 4)
        EXACT_BLOCK(E, Dr, H);
}
#undef EXACT_CLIP
