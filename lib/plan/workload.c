/* WORKLOAD and PLATFORM: the contacts a book needs against the rep's
 * capacity, the platforms' sizes and the choice of a working platform. */
#include "plan.h"

#include <string.h>

/* ---- workload ---- */

/* The grade row (0..3 for A..D) of an assessed customer and the contacts
 * x 1000 it needs in `period` days at its frequency (self-driven let-go
 * included). */
int ccad__plan_load_of(const ccad_assessment *a, int32_t period, int64_t *out_milli)
{
    int g = a->grade >= CCAD_GRADE_A && a->grade <= CCAD_GRADE_D ? a->grade - 1 : 2;
    *out_milli = 0;
    if (a->freq_count > 0 && a->interval_days > 0) {
        int64_t base = a->freq_period_days / a->freq_count;
        int64_t factor = base > 0 && a->interval_days > base ? a->interval_days / base : 1;
        *out_milli = (int64_t)a->freq_count * period * 1000 / (a->freq_period_days * factor);
    }
    return g;
}

/* Contacts each grade needs in `period` days, from each customer's
 * frequency on `today`. */
void ccad__plan_measure_load(const ccad_book *b, const int64_t *v, int32_t today, int32_t period,
                             struct load *load)
{
    ccad_assessment a;
    size_t i;
    memset(load, 0, sizeof *load);
    for (i = 0; i < b->n; i++) {
        struct cust c;
        int64_t milli;
        int g;
        if (ccad__inactive(b->c[i].status))
            continue;
        ccad__unpack(b, i, &c);
        ccad__assess(b, v, &c, today, &a, 0);
        g = ccad__plan_load_of(&a, period, &milli);
        load->customers[g]++;
        load->milli[g] += milli;
    }
}

static int32_t clamp32(int64_t v) { return v > INT32_MAX ? INT32_MAX : (int32_t)v; }

void ccad__plan_fill_workload(const struct load *load, int64_t capacity, ccad_workload *w)
{
    int64_t total_c = 0, excess;
    int g;
    w->visits = 0;
    for (g = 0; g < 4; g++) {
        w->rows[g].customers = load->customers[g];
        w->rows[g].visits = (load->milli[g] + 500) / 1000;
        w->visits += w->rows[g].visits;
        total_c += load->customers[g];
        w->cut[g] = 0;
    }
    w->capacity = capacity;
    w->rounds_x100 = total_c > 0 ? clamp32(capacity * 100 / total_c) : 0;
    w->over = w->visits > capacity;
    excess = w->visits - capacity;
    for (g = 3; g >= 0 && excess > 0; g--) {
        w->cut[g] = w->rows[g].visits < excess ? w->rows[g].visits : excess;
        excess -= w->cut[g];
    }
    w->stretch_x100 = w->over && capacity > 0 ? clamp32((w->visits * 100 + capacity - 1) / capacity)
                                              : 100;
}

int ccad_book_workload(const ccad_book *book, const ccad_rules *rules, int32_t today,
                       ccad_workload *io)
{
    static const char fn[] = "ccad_book_workload";
    struct load load;
    ccad_workload w;
    int64_t field;
    int rc;
    if (book == NULL)
        return CCAD_EINVAL;
    if (rules == NULL || io == NULL)
        return ccad__fail(book->ctx, CCAD_EINVAL, "%s: NULL argument", fn);
    if (!CCAD__SIZE_OK(io->size, ccad_workload))
        return ccad__fail(book->ctx, CCAD_EVERSION, "%s: ccad_workload.size %lu not supported", fn,
                          (unsigned long)io->size);
    if (!ccad__date_ok(today))
        return ccad__fail(book->ctx, CCAD_ERANGE, "%s: bad day", fn);
    if (io->period_days < 1 || io->period_days > 366 || io->field_days < 0 ||
        io->field_days > io->period_days || io->visits_per_day < 1 || io->visits_per_day > 1000)
        return ccad__fail(book->ctx, CCAD_ERANGE,
                          "%s: period 1..366 days, field days 0..period, visits per day 1..1000",
                          fn);
    if ((rc = ccad__check_graded(book, rules, fn)) != 0)
        return rc;
    w = *io;
    field = w.field_days > 0 ? w.field_days
                             : (rules->v[P_WORKLOAD_FIELD_DAYS] * w.period_days + 15) / 30;
    ccad__plan_measure_load(book, rules->v, today, w.period_days, &load);
    ccad__plan_fill_workload(&load, field * w.visits_per_day, &w);
    *io = w;
    return CCAD_OK;
}

/* ---- platforms ---- */

/* The platform sizes and warnings of a book (PLATFORM); shared by
 * ccad_book_platform and the schedule's findings. */
void ccad__plan_platform_counts(const ccad_book *book, const int64_t *v, ccad_platform *p)
{
    size_t i;
    for (i = 0; i < book->n; i++) {
        const struct crec *c = &book->c[i];
        int g = ccad__rgrade(c);
        if (c->status == CCAD_STATUS_ELIMINATED)
            continue;
        p->market[0]++;
        p->market[g]++;
        if (c->status == CCAD_STATUS_RELEASED)
            continue;
        p->working[0]++;
        p->working[g]++;
        if (c->status == CCAD_STATUS_ACTIVE || c->status == CCAD_STATUS_KEY) {
            p->buying[0]++;
            p->buying[g]++;
        }
        if (c->status == CCAD_STATUS_KEY)
            p->key_accounts++;
    }
    p->working_cap = v[P_PLATFORM_CAP];
    p->over_cap = p->working_cap > 0 && p->working[0] > p->working_cap;
    p->working_min = v[P_PLATFORM_MIN];
    p->under_min = p->market[0] > 0 && p->working[0] < p->working_min; /* not an empty book */
    p->c_heavy = (p->working[CCAD_GRADE_C] + p->working[CCAD_GRADE_D]) * 100 >
                 v[P_PLATFORM_C_MAX] * p->working[0];
}

/* ccad_platform as 1.0 released it: every member up to c_heavy. */
#define PLATFORM_SIZE_1_0 (offsetof(ccad_platform, c_heavy) + sizeof(int32_t))

int ccad_book_platform(const ccad_book *book, const ccad_rules *rules, ccad_platform *out)
{
    static const char fn[] = "ccad_book_platform";
    ccad_platform p;
    int rc;
    if (book == NULL)
        return CCAD_EINVAL;
    if (rules == NULL || out == NULL)
        return ccad__fail(book->ctx, CCAD_EINVAL, "%s: NULL argument", fn);
    if (!CCAD__SIZE_OK(out->size, ccad_platform) && out->size != PLATFORM_SIZE_1_0)
        return ccad__fail(book->ctx, CCAD_EVERSION, "%s: ccad_platform.size not supported", fn);
    if ((rc = ccad__check_graded(book, rules, fn)) != 0)
        return rc;
    memset(&p, 0, sizeof p);
    p.size = out->size;
    ccad__plan_platform_counts(book, rules->v, &p);
    memcpy(out, &p, out->size); /* 1.0's size ends before working_min */
    return CCAD_OK;
}

int ccad_book_choose_working(const ccad_book *book, const ccad_rules *rules, uint8_t *out_choice,
                             size_t n)
{
    static const char fn[] = "ccad_book_choose_working";
    uint32_t *idx;
    size_t i, m = 0;
    int64_t a_left, b_left, r_left;
    int rc, pass;
    if (book == NULL)
        return CCAD_EINVAL;
    if (rules == NULL || out_choice == NULL || n != book->n)
        return ccad__fail(book->ctx, CCAD_EINVAL, "%s: NULL argument or n is not the book's count",
                          fn);
    if ((rc = ccad__check_graded(book, rules, fn)) != 0)
        return rc;
    if (n == 0)
        return CCAD_OK;
    idx = ccad__alloc(book->ctx, 2 * n * sizeof *idx);
    if (idx == NULL)
        return ccad__fail(book->ctx, CCAD_ENOMEM, "%s: out of memory", fn);
    for (i = 0; i < n; i++)
        if (!ccad__inactive(book->c[i].status))
            idx[m++] = (uint32_t)i;
    ccad__sort_by_value(book, idx, idx + n, m);
    memset(out_choice, CCAD_CHOICE_NONE, n);
    a_left = rules->v[P_PLATFORM_CAP_A];
    b_left = rules->v[P_PLATFORM_CAP_B];
    r_left = rules->v[P_PLATFORM_RESERVE];
    for (i = 0; i < m; i++) {
        int g = ccad__rgrade(&book->c[idx[i]]);
        if (g == CCAD_GRADE_A && a_left > 0) {
            out_choice[idx[i]] = CCAD_CHOICE_A;
            a_left--;
        } else if (g == CCAD_GRADE_B && b_left > 0) {
            out_choice[idx[i]] = CCAD_CHOICE_B;
            b_left--;
        }
    }
    /* reserve: the next best B, then the next best A */
    for (pass = CCAD_GRADE_B; pass >= CCAD_GRADE_A; pass--)
        for (i = 0; i < m && r_left > 0; i++)
            if (out_choice[idx[i]] == CCAD_CHOICE_NONE && ccad__rgrade(&book->c[idx[i]]) == pass) {
                out_choice[idx[i]] = CCAD_CHOICE_RESERVE;
                r_left--;
            }
    ccad__free(book->ctx, idx);
    return CCAD_OK;
}
