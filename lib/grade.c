/* GRADE: computing every customer's grade for a book. */
#include "internal.h"

#include <string.h>

/* 1 if customer i ranks before customer j: higher value first, then id
 * bytewise ascending (ids are unique, so the order is total). */
static int before(const ccad_book *b, uint32_t i, uint32_t j)
{
    int64_t x = ccad__value(b, i), y = ccad__value(b, j);
    if (x != y)
        return x > y;
    return strcmp(b->ids + b->id_off[i], b->ids + b->id_off[j]) < 0;
}

/* Bottom-up merge sort of idx[0..n) using tmp; stable and deterministic. */
void ccad__sort_by_value(const ccad_book *b, uint32_t *idx, uint32_t *tmp, size_t n)
{
    size_t width, i;
    uint32_t *src = idx, *dst = tmp;
    for (width = 1; width < n; width *= 2) {
        for (i = 0; i < n; i += 2 * width) {
            size_t lo = i, mid = i + width < n ? i + width : n;
            size_t hi = i + 2 * width < n ? i + 2 * width : n;
            size_t a = lo, c = mid, k = lo;
            while (a < mid && c < hi)
                dst[k++] = before(b, src[c], src[a]) ? src[c++] : src[a++];
            while (a < mid)
                dst[k++] = src[a++];
            while (c < hi)
                dst[k++] = src[c++];
        }
        {
            uint32_t *t = src;
            src = dst;
            dst = t;
        }
    }
    if (src != idx)
        memcpy(idx, src, n * sizeof *idx);
}

static void set_computed(struct crec *c, int g)
{
    c->grades = (uint8_t)((c->grades & 15u) | (unsigned)g << 4);
}

/* Rounded cumulative count for a share in percent: round(n * pct / 100). */
static size_t cum(size_t n, int64_t pct)
{
    return (size_t)(((uint64_t)n * (uint64_t)pct + 50) / 100);
}

int ccad__same_grading(const int64_t *a, const int64_t *b)
{
    /* offsets within the grading block (P_GRADE_FIRST = P_GRADE_METHOD) */
    enum { M = P_GRADE_METHOD - P_GRADE_FIRST, D = P_GRADE_USE_D - P_GRADE_FIRST };
    int k;
    if (a[M] != b[M] || a[D] != b[D])
        return 0;
    for (k = 0; k < P_GRADE_COUNT; k++) {
        int p = P_GRADE_FIRST + k;
        int rank_param = p == P_GRADE_SHARE_A || p == P_GRADE_SHARE_B || p == P_GRADE_SHARE_C;
        int thr_param = p == P_GRADE_THRESHOLD_A || p == P_GRADE_THRESHOLD_B ||
                        p == P_GRADE_THRESHOLD_C;
        int used = a[M] == CCAD_GRADE_BY_RANK ? rank_param : thr_param;
        /* grade C's share and threshold matter only with grade D */
        if ((p == P_GRADE_SHARE_C || p == P_GRADE_THRESHOLD_C) && !a[D])
            used = 0;
        if (used && a[k] != b[k])
            return 0;
    }
    return 1;
}

int ccad_book_grade_of(const ccad_book *book, size_t index)
{
    if (book == NULL || index >= book->n)
        return CCAD_GRADE_NONE;
    if ((book->c[index].grades & 15) != CCAD_GRADE_NONE)
        return book->c[index].grades & 15;
    return book->graded ? book->c[index].grades >> 4 : CCAD_GRADE_NONE;
}

int ccad_book_grade(ccad_book *book, const ccad_rules *rules)
{
    const int64_t *v;
    size_t i, n;
    if (book == NULL)
        return CCAD_EINVAL;
    if (ccad__busy(book->ctx))
        return CCAD_EBUSY;
    if (rules == NULL)
        return ccad__fail(book->ctx, CCAD_EINVAL, "ccad_book_grade: rules is NULL");
    v = rules->v;
    n = book->n;
    if (v[P_GRADE_METHOD] == CCAD_GRADE_BY_THRESHOLD) {
        for (i = 0; i < n; i++) {
            struct crec *c = &book->c[i];
            int64_t value = ccad__value(book, i);
            int g;
            if (value >= v[P_GRADE_THRESHOLD_A])
                g = CCAD_GRADE_A;
            else if (value >= v[P_GRADE_THRESHOLD_B])
                g = CCAD_GRADE_B;
            else if (!v[P_GRADE_USE_D] || value >= v[P_GRADE_THRESHOLD_C])
                g = CCAD_GRADE_C;
            else
                g = CCAD_GRADE_D;
            set_computed(c, g);
            c->rank = 0;
        }
    } else if (n > 0) {
        /* Rank the customers in the book (released and eliminated ones
         * aside), then grade those aside by where their value would rank. */
        size_t na = 0, cut[3], k;
        uint32_t *idx = ccad__alloc(book->ctx, 2 * n * sizeof *idx);
        if (idx == NULL)
            return ccad__fail(book->ctx, CCAD_ENOMEM, "ccad_book_grade: out of memory");
        for (i = 0; i < n; i++)
            if (!ccad__inactive(book->c[i].status))
                idx[na++] = (uint32_t)i;
        ccad__sort_by_value(book, idx, idx + n, na);
        cut[0] = cum(na, v[P_GRADE_SHARE_A]);
        cut[1] = cum(na, v[P_GRADE_SHARE_A] + v[P_GRADE_SHARE_B]);
        cut[2] = v[P_GRADE_USE_D]
                     ? cum(na, v[P_GRADE_SHARE_A] + v[P_GRADE_SHARE_B] + v[P_GRADE_SHARE_C])
                     : na;
        for (i = 0; i < na; i++) {
            struct crec *c = &book->c[idx[i]];
            set_computed(c, i < cut[0]   ? CCAD_GRADE_A
                            : i < cut[1] ? CCAD_GRADE_B
                            : i < cut[2] ? CCAD_GRADE_C
                                         : CCAD_GRADE_D);
            c->rank = (uint32_t)(i + 1);
        }
        for (i = 0; i < n; i++) {
            struct crec *c = &book->c[i];
            if (!ccad__inactive(c->status))
                continue;
            /* the grade of the last ranked customer it would come before */
            set_computed(c, v[P_GRADE_USE_D] ? CCAD_GRADE_D : CCAD_GRADE_C);
            for (k = 0; k < 3; k++)
                if (cut[k] > 0 && (k == 0 || cut[k] > cut[k - 1]) &&
                    before(book, (uint32_t)i, idx[cut[k] - 1])) {
                    set_computed(c, CCAD_GRADE_A + (int)k);
                    break;
                }
            c->rank = 0;
        }
        ccad__free(book->ctx, idx);
        book->ranked = na;
    }
    memcpy(book->grade_params, v + P_GRADE_FIRST, sizeof book->grade_params);
    book->graded = 1;
    book->graded_generation = book->generation;
    book->edits++;
    return CCAD_OK;
}
