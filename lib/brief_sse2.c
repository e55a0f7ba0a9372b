/* ccad_book_assess_range's SSE2 kernel: brief_one() (brief.c) four
 * records at a time. */
#include "brief.h"

#ifdef CCAD__BRIEF_SSE2
#include <stddef.h>

/* ---- the same decisions four records at a time (SSE2) ----
 *
 * brief_one() lane by lane: each group of four records is loaded as three
 * 16-byte rows per record (volume .. request, last_contact .. no_progress,
 * the last word: grades, status, complaint, bits) and transposed into
 * int32 lanes; conditions are all-ones masks, selects are and/andnot/or;
 * the four briefs are transposed back and stored whole. Arithmetic on a
 * lane whose result is masked away (a missing due date) may wrap, which
 * SSE2 integer arithmetic does without undefined behaviour. The weekday is
 * (offset + BIAS) % 7 through a float multiply by 1/7 (exact: a due date
 * is the day or a stored date plus at most 3,660 days, so offset + BIAS
 * lies in 662,576 .. 4,314,634, below 2^24); the shift to the next
 * working weekday is read from a 21-bit word of 3-bit shifts, scaled by
 * 2^(-3 * weekday) built from float exponent bits. Wide lanes are then
 * redone by the full path; a group with side-table entries takes their
 * let-go by position into the lanes and their flags from brief_extra.c. test_brief.c compares both paths. */

/* The loads below rely on the record's layout. */
#define CR_AT(f) ((int)offsetof(struct crec, f))
typedef char ccad__brief_row_a[CR_AT(purchase) == CR_AT(volume) + 8 &&
                                       CR_AT(complaint_date) == CR_AT(volume) + 10 &&
                                       CR_AT(request) == CR_AT(volume) + 12
                                   ? 1
                                   : -1];
typedef char ccad__brief_row_b[CR_AT(last_visit) == CR_AT(last_contact) + 2 &&
                                       CR_AT(next_step) == CR_AT(last_contact) + 4 &&
                                       CR_AT(last_gap) == CR_AT(last_contact) + 6 &&
                                       CR_AT(margin_bp) == CR_AT(last_contact) + 8 &&
                                       CR_AT(contacts) == CR_AT(last_contact) + 10 &&
                                       CR_AT(no_progress) == CR_AT(last_contact) + 12 &&
                                       CR_AT(order_off) == CR_AT(last_contact) + 15
                                   ? 1
                                   : -1];
typedef char ccad__brief_row_c[CR_AT(status) == CR_AT(grades) + 1 &&
                                       CR_AT(complaint) == CR_AT(grades) + 2 &&
                                       CR_AT(bits) == CR_AT(grades) + 3 &&
                                       CR_AT(grades) + 4 == (int)sizeof(struct crec)
                                   ? 1
                                   : -1];
typedef char
    ccad__brief_out[offsetof(ccad_brief, days_overdue) == 4 && offsetof(ccad_brief, flags) == 8 &&
                            offsetof(ccad_brief, grade) == 12 &&
                            offsetof(ccad_brief, urgency) == 13 &&
                            offsetof(ccad_brief, quadrant) == 14 &&
                            offsetof(ccad_brief, escalation) == 15 && sizeof(ccad_brief) == 16
                        ? 1
                        : -1];

/* The rules as lanes. */
struct brief_lanes {
    __m128i t, urg_week1, urg_two1, urg_two, urg_req1, follow, care, lead, dmax, dmin;
    __m128i order_lo, order_hi; /* orders closing */
    __m128i esc_rep1, esc_man1, esc_reas1, esc_all, stall1, patience;
    __m128i self1, push1, unmov1, lift1, never, clock_any;
    __m128i band_days1; /* the purchase band's widest limit + 1 (brief.h) */
    __m128i all_open;   /* all-ones: PATIENCE's count guards every open customer */
    __m128i important;  /* bit g: grade g */
    /* TRIAGE by position (side-table entries): by_position as a mask, the
     * share's thresholds - 1 and the rank's + 1, by kind; unmovable ones
     * count as push without triage.band */
    __m128i by_position, share_self1, share_push1, share_unmov1, rank_self1, rank_push1,
        rank_unmov1;
    __m128i shifts;    /* shift k in bits 3k..3k+2 */
    const char *cells; /* prepared->cell: interval, GAP limits and clock by grade, band, let go */
};

/* x - 1 as an int32 threshold for "> x - 1", saturated: a threshold above
 * every int32 is never reached, one below every int32 always. */
static int32_t gt_threshold(int64_t x)
{
    return x > INT32_MAX ? INT32_MAX : x - 1 < INT32_MIN ? INT32_MIN : (int32_t)(x - 1);
}

static void brief_lanes_init(struct brief_lanes *lanes, const struct brief_rules *prepared,
                             const int64_t *v)
{
    int32_t shifts = 0;
    int k;
    for (k = 0; k < 7; k++)
        shifts |= (int32_t)prepared->shift[k] << (3 * k);
    lanes->t = _mm_set1_epi32(prepared->t);
    lanes->urg_week1 = _mm_set1_epi32(prepared->urg_week + 1);
    lanes->urg_two1 = _mm_set1_epi32(prepared->urg_two + 1);
    lanes->urg_two = _mm_set1_epi32(prepared->urg_two);
    lanes->urg_req1 = _mm_set1_epi32(prepared->urg_req + 1);
    lanes->follow = _mm_set1_epi32(prepared->follow);
    lanes->care = _mm_set1_epi32(prepared->care);
    lanes->lead = _mm_set1_epi32(prepared->lead);
    lanes->dmax = _mm_set1_epi32(prepared->dmax);
    lanes->dmin = _mm_set1_epi32(prepared->dmin);
    lanes->order_lo = _mm_set1_epi32(-prepared->order_days - 1);
    lanes->order_hi = _mm_set1_epi32(prepared->order_days + 1);
    lanes->esc_rep1 = _mm_set1_epi32(gt_threshold(prepared->esc_rep));
    lanes->esc_man1 = _mm_set1_epi32(gt_threshold(prepared->esc_man));
    lanes->esc_reas1 = _mm_set1_epi32(gt_threshold(prepared->esc_reas));
    lanes->esc_all = _mm_set1_epi32(prepared->esc_q4 ? -1 : 0);
    lanes->stall1 = _mm_set1_epi32(gt_threshold(prepared->stall));
    lanes->patience = _mm_set1_epi32(prepared->patience > INT32_MAX ? INT32_MAX
                                                                    : (int32_t)prepared->patience);
    lanes->self1 = _mm_set1_epi32(gt_threshold(prepared->self));
    lanes->push1 = _mm_set1_epi32(gt_threshold(prepared->push));
    lanes->unmov1 = _mm_set1_epi32(prepared->band ? INT32_MAX : gt_threshold(prepared->unmov));
    lanes->lift1 = _mm_set1_epi32(gt_threshold(prepared->lift));
    lanes->never = _mm_set1_epi32(prepared->never_due ? -1 : 0);
    lanes->clock_any = _mm_set1_epi32(prepared->clock_any ? -1 : 0);
    lanes->band_days1 = _mm_set1_epi32(prepared->band_days + 1);
    lanes->all_open = _mm_set1_epi32(prepared->prospects_only ? 0 : -1);
    lanes->important = _mm_set1_epi32((int32_t)prepared->lean.important);
    lanes->by_position = _mm_set1_epi32(v[P_TRIAGE_BY_POSITION] ? -1 : 0);
    lanes->share_self1 = _mm_set1_epi32((int32_t)v[P_TRIAGE_SHARE_SELF] - 1);
    lanes->share_push1 = _mm_set1_epi32((int32_t)v[P_TRIAGE_SHARE_PUSH] - 1);
    lanes->share_unmov1 = _mm_set1_epi32(prepared->band ? INT32_MAX
                                                        : (int32_t)v[P_TRIAGE_SHARE_UNMOVABLE] - 1);
    lanes->rank_self1 = _mm_set1_epi32((int32_t)v[P_TRIAGE_RANK_SELF] + 1);
    lanes->rank_push1 = _mm_set1_epi32((int32_t)v[P_TRIAGE_RANK_PUSH] + 1);
    lanes->rank_unmov1 = _mm_set1_epi32(prepared->band ? INT32_MIN
                                                       : (int32_t)v[P_TRIAGE_RANK_UNMOVABLE] + 1);
    lanes->shifts = _mm_set1_epi32(shifts);
    lanes->cells = (const char *)(const void *)prepared->cell;
}

#define V_SET(x) _mm_set1_epi32(x)
static __m128i v_sel(__m128i m, __m128i a, __m128i b)
{
    return _mm_or_si128(_mm_and_si128(m, a), _mm_andnot_si128(m, b));
}
static __m128i v_min(__m128i a, __m128i b) { return v_sel(_mm_cmpgt_epi32(a, b), b, a); }
static __m128i v_max(__m128i a, __m128i b) { return v_sel(_mm_cmpgt_epi32(a, b), a, b); }
/* the low and high int16 halves of each lane, sign-extended */
static __m128i v_lo16(__m128i x) { return _mm_srai_epi32(_mm_slli_epi32(x, 16), 16); }
static __m128i v_hi16(__m128i x) { return _mm_srai_epi32(x, 16); }
/* m ? flag : 0 */
static __m128i v_flag(__m128i m, uint32_t flag) { return _mm_and_si128(m, V_SET((int32_t)flag)); }

static __m128i v_load(const struct crec *r, int off)
{
    return _mm_loadu_si128((const __m128i *)(const void *)((const char *)r + off));
}

/* brief_four's parts: the records' fields as lanes, the urgency and the
 * interval, the due date, the flags. Inlined into it. */

/* The four records' fields as int32 lanes, and the masks derived from them. */
struct four_rec {
    __m128i vol, p, cd, req, lc, lv, last, next, lgap, margin, contacts, noprog, closed;
    __m128i gsb, status, grade, imp, open, resolved, act, nolast, nolc, nonext;
};

/* Loads r[0..3] as three 16-byte rows each and transposes them into lanes. */
static inline void four_load(const struct brief_lanes *lanes, const struct crec *r,
                             struct four_rec *f)
{
    const __m128i no_date = V_SET(CR_NO_DATE);
    __m128i pcd, rqo, lcv, ngp, mct, npm;
    __m128i a0 = v_load(r, CR_AT(volume)), a1 = v_load(r + 1, CR_AT(volume)),
            a2 = v_load(r + 2, CR_AT(volume)), a3 = v_load(r + 3, CR_AT(volume));
    __m128i b0 = v_load(r, CR_AT(last_contact)), b1 = v_load(r + 1, CR_AT(last_contact)),
            b2 = v_load(r + 2, CR_AT(last_contact)), b3 = v_load(r + 3, CR_AT(last_contact));
    __m128i c0 = v_load(r, CR_AT(grades) - 12), c1 = v_load(r + 1, CR_AT(grades) - 12),
            c2 = v_load(r + 2, CR_AT(grades) - 12), c3 = v_load(r + 3, CR_AT(grades) - 12);
    __m128i t0 = _mm_unpacklo_epi32(a0, a1), t1 = _mm_unpacklo_epi32(a2, a3);
    __m128i t2 = _mm_unpackhi_epi32(a0, a1), t3 = _mm_unpackhi_epi32(a2, a3);
    f->vol = _mm_unpacklo_epi64(t0, t1);
    pcd = _mm_unpacklo_epi64(t2, t3);
    rqo = _mm_unpackhi_epi64(t2, t3);
    t0 = _mm_unpacklo_epi32(b0, b1);
    t1 = _mm_unpacklo_epi32(b2, b3);
    t2 = _mm_unpackhi_epi32(b0, b1);
    t3 = _mm_unpackhi_epi32(b2, b3);
    lcv = _mm_unpacklo_epi64(t0, t1);
    ngp = _mm_unpackhi_epi64(t0, t1);
    mct = _mm_unpacklo_epi64(t2, t3);
    npm = _mm_unpackhi_epi64(t2, t3);
    f->gsb = _mm_unpackhi_epi64(_mm_unpackhi_epi32(c0, c1), _mm_unpackhi_epi32(c2, c3));
    f->p = v_lo16(pcd);
    f->cd = v_hi16(pcd);
    f->req = v_lo16(rqo);
    f->lc = v_lo16(lcv);
    f->lv = v_hi16(lcv);
    f->last = v_sel(lanes->clock_any, f->lc, f->lv);
    f->next = v_lo16(ngp);
    f->lgap = v_hi16(ngp);
    f->margin = v_lo16(mct);
    f->contacts = _mm_srli_epi32(mct, 16);
    f->noprog = _mm_and_si128(npm, V_SET(0xffff));
    /* the order offset (top byte; CR_NO_ORDER lies below every -order_days) */
    f->closed = _mm_srai_epi32(npm, 24);
    f->closed = _mm_and_si128(_mm_cmpgt_epi32(f->closed, lanes->order_lo),
                              _mm_cmpgt_epi32(lanes->order_hi, f->closed));
    f->status = _mm_and_si128(_mm_srli_epi32(f->gsb, 8), V_SET(0xff));
    {
        __m128i gm4 = _mm_and_si128(f->gsb, V_SET(15)),
                gc4 = _mm_and_si128(_mm_srli_epi32(f->gsb, 4), V_SET(15));
        __m128i gbit, cpl = _mm_and_si128(_mm_srli_epi32(f->gsb, 16), V_SET(0xff));
        f->grade = v_sel(_mm_cmpeq_epi32(gm4, _mm_setzero_si128()), gc4, gm4);
        /* 1 << grade, from the float 2^grade */
        gbit = _mm_cvttps_epi32(
            _mm_castsi128_ps(_mm_slli_epi32(_mm_add_epi32(f->grade, V_SET(127)), 23)));
        f->imp = _mm_cmpeq_epi32(_mm_and_si128(gbit, lanes->important), gbit);
        f->open = _mm_cmpeq_epi32(cpl, V_SET(CCAD_COMPLAINT_OPEN));
        f->resolved = _mm_cmpeq_epi32(cpl, V_SET(CCAD_COMPLAINT_RESOLVED));
    }
    /* released (4) or eliminated (5) */
    f->act = _mm_xor_si128(
        _mm_cmpeq_epi32(_mm_and_si128(f->status, V_SET(~1)), V_SET(CCAD_STATUS_RELEASED)),
        V_SET(-1));
    f->nolast = _mm_cmpeq_epi32(f->last, no_date);
    f->nolc = _mm_cmpeq_epi32(f->lc, no_date);
    f->nonext = _mm_cmpeq_epi32(f->next, no_date);
}

/* The urgency, the purchase level, the events, and from the cells the
 * interval, the GAP limits and the clock's choice (brief_cell). */
struct four_urg {
    __m128i pl, pnz, pending, unz, urg, iv, gmax, galert1, q1v;
};

/* The four cells at byte offsets idx (lanes) of lanes->cells, transposed. */
static inline void four_cells(const struct brief_lanes *lanes, __m128i idx, struct four_urg *u)
{
#define CELL_AT(off) _mm_loadu_si128((const __m128i *)(const void *)(lanes->cells + (off)))
    __m128i c0 = CELL_AT(_mm_cvtsi128_si32(idx)), c1 = CELL_AT(_mm_extract_epi16(idx, 2));
    __m128i c2 = CELL_AT(_mm_extract_epi16(idx, 4)), c3 = CELL_AT(_mm_extract_epi16(idx, 6));
#undef CELL_AT
    __m128i t0 = _mm_unpacklo_epi32(c0, c1), t1 = _mm_unpacklo_epi32(c2, c3);
    __m128i t2 = _mm_unpackhi_epi32(c0, c1), t3 = _mm_unpackhi_epi32(c2, c3);
    u->iv = _mm_unpacklo_epi64(t0, t1);
    u->gmax = _mm_unpackhi_epi64(t0, t1);
    u->galert1 = _mm_unpacklo_epi64(t2, t3);
    u->q1v = _mm_unpackhi_epi64(t2, t3);
}

/* The positions of the four records' side-table entries (CB_EXTRA_POS):
 * the share (-1 unknown) and the rank (0 unknown) as lanes, and `known`
 * all-ones where the record has a position. */
struct four_position {
    __m128i share, rank, known;
};

/* TRIAGE by position (lib/rules/triage.c, lane by lane): where a known
 * position decides (triage.by_position, an active or key customer), the
 * let-go is the position's kind being self-driven, or push-needed lifted
 * by the margin (the better kind of share and rank counts); elsewhere
 * `letgo` stays the volume's. */
static inline __m128i four_letgo_by_position(const struct brief_lanes *lanes,
                                             const struct four_rec *f,
                                             const struct four_position *pos, __m128i letgo)
{
    __m128i has_rank = _mm_xor_si128(_mm_cmpeq_epi32(pos->rank, _mm_setzero_si128()), V_SET(-1));
    __m128i self = _mm_or_si128(
        _mm_cmpgt_epi32(pos->share, lanes->share_self1),
        _mm_and_si128(has_rank, _mm_cmpgt_epi32(lanes->rank_self1, pos->rank)));
    __m128i push = _mm_or_si128(
        _mm_or_si128(_mm_cmpgt_epi32(pos->share, lanes->share_push1),
                     _mm_cmpgt_epi32(pos->share, lanes->share_unmov1)),
        _mm_and_si128(has_rank, _mm_or_si128(_mm_cmpgt_epi32(lanes->rank_push1, pos->rank),
                                             _mm_cmpgt_epi32(lanes->rank_unmov1, pos->rank))));
    __m128i by_pos = _mm_or_si128(self,
                                  _mm_and_si128(push, _mm_cmpgt_epi32(f->margin, lanes->lift1)));
    /* active (2) or key (3) */
    __m128i open = _mm_cmpeq_epi32(_mm_and_si128(f->status, V_SET(~1)), V_SET(CCAD_STATUS_ACTIVE));
    __m128i decides = _mm_and_si128(_mm_and_si128(pos->known, lanes->by_position), open);
    return v_sel(decides, by_pos, letgo);
}

/* URGENCY, TRIAGE (let go; by position where pos says so, when not NULL),
 * then the cells of FREQ, CLOCK and GAP. */
static inline void four_urgency(const struct brief_lanes *lanes, const struct four_rec *f,
                                const struct four_position *pos, struct four_urg *u)
{
    const __m128i t = lanes->t;
    __m128i d, okp, mw, m2, evt, letgo, band, idx;
    /* URGENCY: the purchase level 0..2, then the events */
    d = _mm_sub_epi32(f->p, t);
    okp = _mm_andnot_si128(_mm_or_si128(_mm_cmpeq_epi32(f->p, V_SET(CR_NO_DATE)), f->closed),
                           _mm_cmpgt_epi32(d, V_SET(-1)));
    mw = _mm_and_si128(okp, _mm_cmpgt_epi32(lanes->urg_week1, d));
    m2 = _mm_and_si128(okp, _mm_cmpgt_epi32(lanes->urg_two1, d));
    u->pl = _mm_sub_epi32(_mm_setzero_si128(), _mm_add_epi32(mw, m2));
    u->pnz = _mm_or_si128(mw, m2);
    u->pending = _mm_cmpgt_epi32(f->req, f->last);
    evt = _mm_or_si128(
        f->open,
        _mm_and_si128(u->pending, _mm_cmpgt_epi32(lanes->urg_req1, _mm_sub_epi32(f->req, t))));
    u->unz = _mm_or_si128(evt, u->pnz);
    u->urg = v_sel(evt, V_SET(CCAD_URGENCY_EVENT), u->pl);
    /* TRIAGE: let go */
    letgo = _mm_or_si128(_mm_cmpgt_epi32(f->vol, lanes->self1),
                         _mm_and_si128(_mm_or_si128(_mm_cmpgt_epi32(f->vol, lanes->push1),
                                                    _mm_cmpgt_epi32(f->vol, lanes->unmov1)),
                                       _mm_cmpgt_epi32(f->margin, lanes->lift1)));
    letgo = _mm_and_si128(letgo, _mm_cmpgt_epi32(f->vol, V_SET(-1)));
    letgo = _mm_andnot_si128(_mm_cmpeq_epi32(f->status, V_SET(CCAD_STATUS_PROSPECT)), letgo);
    if (pos != NULL)
        letgo = four_letgo_by_position(lanes, f, pos, letgo);
    /* the purchase band (brief.h): the level plus one, or 1 in the ramp window */
    band = _mm_sub_epi32(u->pl, _mm_and_si128(okp, _mm_cmpgt_epi32(lanes->band_days1, d)));
    /* the cell's byte offset: grade & 7, band, let go without urgency (the
     * interval), let go of an open customer (GAP; an inactive one's
     * RELEASED_EARLY reads the cell without let-go) */
    idx = _mm_slli_epi32(_mm_and_si128(f->grade, V_SET(BRIEF_GRADES - 1)), 8);
    idx = _mm_or_si128(idx, _mm_slli_epi32(band, 6));
    idx = _mm_or_si128(idx, _mm_and_si128(_mm_andnot_si128(u->unz, letgo), V_SET(32)));
    idx = _mm_or_si128(idx, _mm_and_si128(_mm_and_si128(f->act, letgo), V_SET(16)));
    four_cells(lanes, idx, u);
}

/* The due date, INT32_MAX for none: CLOCK, NEVER, FOLLOWUP, then the
 * events; *fa gets CCAD_F_CARE_DUE. The dates are chosen independently
 * and their minimum taken as a tree: the kernel is bound by the latency
 * of this chain more than by its instruction count. */
static inline __m128i four_due_raw(const struct brief_lanes *lanes, const struct four_rec *f,
                                   const struct four_urg *u, __m128i *fa)
{
    const __m128i t = lanes->t, inf = V_SET(INT32_MAX);
    __m128i m, due, x, care, care_open, clock, noclock, now, e_next, e_open, e_req, e_q3, e_care;
    m = _mm_cmpgt_epi32(u->iv, _mm_setzero_si128());
    /* CLOCK: the purchase-window duty counts visits only */
    clock = v_sel(u->q1v, f->lv, f->last);
    noclock = _mm_cmpeq_epi32(clock, V_SET(CR_NO_DATE));
    /* due now: contacted but never visited (the clock), or never contacted */
    now = _mm_or_si128(
        _mm_andnot_si128(f->nolast, _mm_and_si128(noclock, m)),
        _mm_and_si128(_mm_and_si128(f->nolast, lanes->never), _mm_or_si128(m, u->unz)));
    due = v_sel(now, t, v_sel(_mm_andnot_si128(noclock, m), _mm_add_epi32(clock, u->iv), inf));
    e_next = v_sel(f->nonext, inf, f->next);
    x = v_sel(_mm_cmpgt_epi32(f->cd, f->last), f->cd, _mm_add_epi32(f->last, lanes->follow));
    e_open = v_sel(f->open, x, inf);
    e_req = v_sel(u->pending, f->req, inf);
    m = _mm_or_si128(f->nolast, _mm_cmpgt_epi32(_mm_sub_epi32(f->p, lanes->urg_two), f->last));
    e_q3 = v_sel(_mm_and_si128(_mm_andnot_si128(f->imp, u->pnz), m), t, inf);
    care = _mm_add_epi32(f->cd, lanes->care);
    care_open = _mm_and_si128(f->resolved, _mm_cmpgt_epi32(care, f->last));
    e_care = v_sel(care_open, care, inf);
    due = v_min(v_min(v_min(due, e_next), v_min(e_open, e_req)), v_min(e_q3, e_care));
    *fa = v_flag(_mm_andnot_si128(_mm_cmpgt_epi32(care, t), care_open), CCAD_F_CARE_DUE);
    return due;
}

/* The due date moved to the next working weekday (returned); *over the
 * days overdue (0 without a due date); the due, overdue and reminder
 * flags added to *fa. */
static inline __m128i four_due_date(const struct brief_lanes *lanes, __m128i due, __m128i nodue,
                                    __m128i *over, __m128i *fa)
{
    const __m128i t = lanes->t;
    __m128i x, q7, wd, e, sh, m;
    /* the working weekday: wd = (due + BIAS) % 7 with the quotient from a
     * float multiply, exact for 0 < x < 2^24: x is exact as a float, the
     * float 1/7 is above 1/7 so the rounded product never falls below an
     * integer quotient, and it exceeds x / 7 by less than 0.06 (checked
     * for every x a due date gives) */
    x = _mm_add_epi32(due, V_SET(BIAS));
    q7 = _mm_cvttps_epi32(_mm_mul_ps(_mm_cvtepi32_ps(x), _mm_set1_ps(1.0f / 7.0f)));
    wd = _mm_sub_epi32(x, _mm_sub_epi32(_mm_slli_epi32(q7, 3), q7));
    /* shifts >> (3 * wd), as shifts * 2^(-3 * wd) */
    e = _mm_slli_epi32(_mm_sub_epi32(V_SET(127), _mm_add_epi32(wd, _mm_add_epi32(wd, wd))), 23);
    sh = _mm_cvttps_epi32(_mm_mul_ps(_mm_cvtepi32_ps(lanes->shifts), _mm_castsi128_ps(e)));
    sh = _mm_and_si128(sh, V_SET(7));
    due = v_min(_mm_add_epi32(due, sh), lanes->dmax);
    *over = _mm_andnot_si128(nodue, v_max(_mm_sub_epi32(t, due), _mm_setzero_si128()));
    m = _mm_or_si128(nodue, _mm_cmpgt_epi32(due, t));
    *fa = _mm_or_si128(*fa, _mm_andnot_si128(m, V_SET(CCAD_F_DUE)));
    *fa = _mm_or_si128(*fa, v_flag(_mm_cmpgt_epi32(*over, _mm_setzero_si128()), CCAD_F_OVERDUE));
    m = _mm_cmpeq_epi32(v_max(_mm_sub_epi32(due, lanes->lead), lanes->dmin), t);
    *fa = _mm_or_si128(*fa, v_flag(_mm_andnot_si128(nodue, m), CCAD_F_REMINDER));
    return due;
}

/* The flags of the four customers: fa (the active customer's flags so
 * far) with GAP, FOLLOWUP, STALL, PATIENCE and COMPLAINT, or for the
 * inactive ones INACTIVE and RELEASED_EARLY; NEVER_CONTACTED for both. */
static inline __m128i four_flags(const struct brief_lanes *lanes, const struct four_rec *f,
                                 const struct four_urg *u, __m128i fa)
{
    const __m128i zero = _mm_setzero_si128();
    __m128i gap, ga, gm, m, pm, fi, flags;
    /* the cell's limits: the customer's own cycle, stretched when let go;
     * never passed for a grade GAP does not watch */
    gap = v_max(v_max(_mm_sub_epi32(lanes->t, f->last), zero), f->lgap);
    ga = _mm_andnot_si128(f->nolast, _mm_cmpgt_epi32(gap, u->galert1));
    gm = _mm_andnot_si128(f->nolast, _mm_cmpgt_epi32(gap, u->gmax));
    fa = _mm_or_si128(fa, v_flag(ga, CCAD_F_COLD));
    fa = _mm_or_si128(fa, v_flag(_mm_andnot_si128(ga, gm), CCAD_F_COOLING));
    m = _mm_cmpeq_epi32(_mm_and_si128(f->gsb, V_SET((int32_t)CB_LAST_RECORDED << 24)), zero);
    fa = _mm_or_si128(fa, v_flag(_mm_andnot_si128(f->nolc, m), CCAD_F_NO_RECORD));
    fa = _mm_or_si128(fa, v_flag(_mm_andnot_si128(f->nolc, f->nonext), CCAD_F_NO_NEXT_STEP));
    fa = _mm_or_si128(fa, v_flag(_mm_cmpgt_epi32(f->noprog, lanes->stall1), CCAD_F_STALLED));
    m = _mm_cmpgt_epi32(lanes->patience, f->contacts);
    /* an open customer's count guards prospects only (patience.prospects_only) */
    pm = _mm_and_si128(
        m, _mm_or_si128(lanes->all_open, _mm_cmpeq_epi32(f->status, V_SET(CCAD_STATUS_PROSPECT))));
    fa = _mm_or_si128(fa, v_flag(_mm_or_si128(pm, gm), CCAD_F_RELEASE_PREMATURE));
    fa = _mm_or_si128(fa, v_flag(f->open, CCAD_F_COMPLAINT_OPEN));
    /* inactive: released early? (the cell without let-go) */
    fi = _mm_and_si128(_mm_cmpeq_epi32(f->status, V_SET(CCAD_STATUS_RELEASED)),
                       _mm_or_si128(m, _mm_cmpgt_epi32(f->lgap, u->gmax)));
    fi = _mm_or_si128(v_flag(fi, CCAD_F_RELEASED_EARLY), V_SET(CCAD_F_INACTIVE));
    flags = v_sel(f->act, fa, fi);
    return _mm_or_si128(flags, v_flag(_mm_and_si128(f->nolc, _mm_cmpeq_epi32(f->contacts, zero)),
                                      CCAD_F_NEVER_CONTACTED));
}

/* The positions of the side-table entries of r[0..3] (CB_EXTRA_POS) as
 * lanes, for four_letgo_by_position. */
static void four_position_gather(const ccad_book *book, const struct crec *r,
                                 struct four_position *pos)
{
    int32_t share[4] = {-1, -1, -1, -1}, rank[4] = {0, 0, 0, 0}, known[4] = {0, 0, 0, 0};
    int k;
    for (k = 0; k < 4; k++)
        if (r[k].bits & CB_EXTRA_POS) {
            const struct ccad__extra *x = &book->extra[(uint32_t)r[k].value];
            share[k] = x->share_pct;
            /* ranks past the thresholds' range (1000) all count as 1001 */
            rank[k] = x->supplier_rank > 1001u ? 1001 : (int32_t)x->supplier_rank;
            known[k] = -1;
        }
    pos->share = _mm_setr_epi32(share[0], share[1], share[2], share[3]);
    pos->rank = _mm_setr_epi32(rank[0], rank[1], rank[2], rank[3]);
    pos->known = _mm_setr_epi32(known[0], known[1], known[2], known[3]);
}

/* Briefs of the four narrow-or-wide records r[0..3] of book into
 * out[0..3] (16 bytes each), TRIAGE by the positions of their side-table
 * entries where known; returns a bit per wide record, whose brief is left
 * to the caller, and sets *vis to a bit per record whose entry holds a
 * visit summary, whose flags are left to the caller too. */
static unsigned brief_four(const struct brief_lanes *lanes, const ccad_book *book,
                           const struct crec *r, char *out, unsigned *vis)
{
    const __m128i zero = _mm_setzero_si128();
    struct four_rec f;
    struct four_urg u;
    struct four_position pos;
    __m128i due, nodue, over, lvl, fa, flags, q, packed, o0, o1, o2, o3;
    four_load(lanes, r, &f);
    /* CB_EXTRA_POS (bit 5 of the top byte) and CB_EXTRA_VIS (bit 6) at the sign bit */
    if (_mm_movemask_ps(_mm_castsi128_ps(_mm_slli_epi32(f.gsb, 2))) != 0) {
        four_position_gather(book, r, &pos);
        four_urgency(lanes, &f, &pos, &u);
    } else {
        four_urgency(lanes, &f, NULL, &u);
    }
    *vis = (unsigned)_mm_movemask_ps(_mm_castsi128_ps(_mm_slli_epi32(f.gsb, 1)));
    due = four_due_raw(lanes, &f, &u, &fa);
    nodue = _mm_cmpeq_epi32(due, V_SET(INT32_MAX));
    due = four_due_date(lanes, due, nodue, &over, &fa);
    /* ESCALATE: not for Q4 unless escalate.q4; over is 0 without a due date */
    lvl = _mm_add_epi32(_mm_add_epi32(_mm_cmpgt_epi32(over, lanes->esc_rep1),
                                      _mm_cmpgt_epi32(over, lanes->esc_man1)),
                        _mm_cmpgt_epi32(over, lanes->esc_reas1));
    lvl = _mm_and_si128(_mm_sub_epi32(zero, lvl),
                        _mm_or_si128(_mm_or_si128(f.imp, u.unz), lanes->esc_all));
    flags = four_flags(lanes, &f, &u, fa);
    /* the briefs: due, overdue, flags, grade | urgency | quadrant | escalation */
    due = v_sel(_mm_andnot_si128(nodue, f.act), _mm_add_epi32(due, V_SET(CR_EPOCH)),
                V_SET(CCAD_NO_DATE));
    over = _mm_and_si128(f.act, over);
    /* quadrant 4 - 2 * important - urgent, with masks as -1 */
    q = _mm_add_epi32(V_SET(CCAD_Q4),
                      _mm_add_epi32(_mm_add_epi32(f.imp, f.imp), _mm_and_si128(f.act, u.unz)));
    packed = _mm_or_si128(
        _mm_or_si128(f.grade, _mm_slli_epi32(_mm_and_si128(f.act, u.urg), 8)),
        _mm_or_si128(_mm_slli_epi32(q, 16), _mm_slli_epi32(_mm_and_si128(f.act, lvl), 24)));
    o0 = _mm_unpacklo_epi32(due, over);
    o1 = _mm_unpacklo_epi32(flags, packed);
    o2 = _mm_unpackhi_epi32(due, over);
    o3 = _mm_unpackhi_epi32(flags, packed);
    _mm_storeu_si128((__m128i *)(void *)out, _mm_unpacklo_epi64(o0, o1));
    _mm_storeu_si128((__m128i *)(void *)(out + 16), _mm_unpackhi_epi64(o0, o1));
    _mm_storeu_si128((__m128i *)(void *)(out + 32), _mm_unpacklo_epi64(o2, o3));
    _mm_storeu_si128((__m128i *)(void *)(out + 48), _mm_unpackhi_epi64(o2, o3));
    /* CB_WIDE is bit 3 of the top byte: shifted to the sign bit */
    return (unsigned)_mm_movemask_ps(_mm_castsi128_ps(_mm_slli_epi32(f.gsb, 4)));
}

/* The flags of the records of group r[0..3] whose side-table entry holds a
 * visit summary (bit k of vis: r[k]), corrected by brief_extra.c on a
 * working form cleared here: out of the kernel's loop, so that a book
 * without summaries does not pay for it. */
static void four_visit_flags(const ccad_book *book, const struct brief_rules *prepared,
                             const struct crec *r, unsigned vis, ccad_brief *out)
{
    struct cust view;
    unsigned k;
    ccad__brief_extra_view(&view);
    for (k = 0; vis != 0; k++, vis >>= 1)
        if (vis & 1)
            ccad__brief_extra_flags(book, prepared, &r[k], &view, out + k);
}

size_t ccad__brief_sse2(const ccad_book *book, const struct brief_rules *prepared, const int64_t *v,
                        size_t first, size_t n, ccad_brief *out)
{
    struct brief_lanes lanes;
    size_t i;
    brief_lanes_init(&lanes, prepared, v);
    /* sizeof(ccad_brief) is 16: four briefs are 64 bytes */
    for (i = 0; n - i >= 4; i += 4) {
        const struct crec *r = &book->c[first + i];
        unsigned vis, wide = brief_four(&lanes, book, r, (char *)(void *)(out + i), &vis), k;
        if (vis != 0) /* side-table entries' visit summaries */
            four_visit_flags(book, prepared, r, vis, out + i);
        for (k = 0; wide != 0; k++, wide >>= 1)
            if (wide & 1)
                ccad__brief_wide(book, prepared, first + i + k, out + i + k);
    }
    return i;
}

#undef V_SET
#undef CR_AT
#else
typedef int ccad__brief_sse2_unused; /* ISO C: a translation unit is not empty */
#endif /* CCAD__BRIEF_SSE2 */
