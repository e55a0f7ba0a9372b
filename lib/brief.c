/* Briefs straight from the stored records (ccad_book_assess_range): the
 * scalar batch kernel and the entry point (the SSE2 kernel is in
 * brief_sse2.c). Pure: reads the book and the rules, allocates nothing. */
#include "brief.h"

#include <string.h>

/* The cells (brief.h): prepared->lean must be ready. */
static void brief_cells_init(struct brief_rules *prepared, const int64_t *v)
{
    int32_t ramp_iv = 0;
    int g, band, k;
    if (v[P_FREQ_RAMP_COUNT] > 0)
        ramp_iv = v[P_FREQ_RAMP_DAYS] / v[P_FREQ_RAMP_COUNT] > 1
                      ? (int32_t)(v[P_FREQ_RAMP_DAYS] / v[P_FREQ_RAMP_COUNT])
                      : 1;
    for (g = 0; g < BRIEF_GRADES; g++)
        for (band = 0; band < 4; band++)
            for (k = 0; k < 4; k++) {
                struct brief_cell *c = &prepared->cell[g][band][k];
                int lg = g <= CCAD_GRADE_D ? g : CCAD_GRADE_NONE; /* never stored */
                int important = (int)((prepared->lean.important >> lg) & 1);
                int watched = (int)((prepared->lean.watched >> lg) & 1), letgo = k & 1;
                int plevel = band > BAND_RAMP ? band - 1 : CCAD_URGENCY_NONE;
                c->iv = prepared->lean.ival[lg][plevel][k >> 1];
                /* FREQ's ramp, when tighter than the interval (or no interval) */
                if (band == BAND_RAMP && important && ramp_iv > 0 &&
                    (c->iv <= 0 || c->iv > ramp_iv))
                    c->iv = ramp_iv;
                c->gmax = watched ? prepared->lean.gap_max[lg][letgo] : INT32_MAX;
                c->galert1 = watched ? prepared->lean.gap_alert[lg][letgo] - 1 : INT32_MAX;
                c->q1v = ccad__q1_visits_only(v, important, plevel) ? -1 : 0;
            }
}

/* The rules and the day as the kernels read them. */
void ccad__brief_rules_init(struct brief_rules *prepared, const int64_t *v, int32_t today)
{
    int k;
    memset(prepared, 0, sizeof *prepared);
    ccad__lean_init(&prepared->lean, v, today);
    prepared->quad[1][1] = CCAD_Q1;
    prepared->quad[1][0] = CCAD_Q2;
    prepared->quad[0][1] = CCAD_Q3;
    prepared->quad[0][0] = CCAD_Q4;
    for (k = 0; k < 7; k++) /* offset o with (o + BIAS) % 7 == k is the day CR_EPOCH + o */
        prepared->shift[k] = prepared->lean.shift[ccad__weekday(CR_EPOCH + k)];
    prepared->t = today - CR_EPOCH;
    prepared->urg_week = (int32_t)v[P_URG_WEEK];
    prepared->urg_two = (int32_t)v[P_URG_TWO_WEEKS];
    prepared->urg_req = (int32_t)v[P_URG_REQUEST];
    prepared->follow = (int32_t)v[P_COMPLAINT_FOLLOWUP];
    prepared->care = (int32_t)v[P_COMPLAINT_CARE];
    prepared->lead = (int32_t)v[P_FOLLOWUP_LEAD];
    prepared->order_days = (int32_t)v[P_URG_ORDER];
    prepared->esc_rep = (int32_t)v[P_ESC_REP];
    prepared->esc_man = (int32_t)v[P_ESC_MANAGER];
    prepared->esc_reas = (int32_t)v[P_ESC_REASSIGN];
    prepared->esc_q4 = v[P_ESC_Q4] != 0;
    prepared->dmax = CCAD_DATE_MAX - CR_EPOCH;
    prepared->dmin = CCAD_DATE_MIN - CR_EPOCH;
    prepared->self = v[P_TRIAGE_SELF];
    prepared->push = v[P_TRIAGE_PUSH];
    prepared->unmov = v[P_TRIAGE_UNMOVABLE];
    prepared->lift = v[P_TRIAGE_MARGIN_LIFT] > 0 ? v[P_TRIAGE_MARGIN_LIFT] : INT64_MAX;
    prepared->stall = (uint32_t)v[P_STALL_AFTER];
    prepared->patience = (uint32_t)v[P_PATIENCE_MIN];
    prepared->clock_any = v[P_CLOCK_ANY] != 0;
    prepared->never_due = v[P_NEVER_DUE_NOW] != 0;
    prepared->band = v[P_TRIAGE_BAND] != 0;
    prepared->band_days = v[P_FREQ_RAMP_COUNT] > 0 && v[P_FREQ_RAMP_WITHIN] > v[P_URG_TWO_WEEKS]
                              ? (int32_t)v[P_FREQ_RAMP_WITHIN]
                              : (int32_t)v[P_URG_TWO_WEEKS];
    prepared->prospects_only = v[P_PATIENCE_PROSPECTS] != 0;
    prepared->by_run = v[P_PATIENCE_CONSECUTIVE] != 0;
    for (k = 0; k <= CCAD_GRADE_D; k++)
        prepared->run_break[k] = ccad__patience_break(v, prepared->lean.gap_max[k][0]);
    brief_cells_init(prepared, v);
}

static int32_t min32(int32_t a, int32_t b) { return b < a ? b : a; }
static int32_t max32(int32_t a, int32_t b) { return b > a ? b : a; }

/* cond ? flag : 0, without a branch */
#define IF_FLAG(cond, flag) (((uint32_t)0 - (uint32_t)(cond)) & (uint32_t)(flag))

/* The brief of record r; letgo_fix is TRIAGE's let-go by position (0, 1),
 * or -1 to judge by the volume (brief_extra.c). */
static void brief_one(const struct brief_rules *prepared, const struct crec *r, int letgo_fix,
                      ccad_brief *o)
{
    int grade = ccad__rgrade(r), status = r->status, complaint = r->complaint;
    int important = (int)((prepared->lean.important >> grade) & 1);
    int32_t t = prepared->t, lc = r->last_contact, next = r->next_step;
    int32_t last = prepared->clock_any ? lc : r->last_visit;
    int has_last = last != CR_NO_DATE;
    uint32_t flags;
    int urg = CCAD_URGENCY_NONE, level = 0, q;
    int32_t due = INF, over = 0;

    if (ccad__inactive(status)) {
        q = important ? CCAD_Q2 : CCAD_Q4;
        flags = CCAD_F_INACTIVE | IF_FLAG(status == CCAD_STATUS_RELEASED &&
                                              (r->contacts < prepared->patience ||
                                               r->last_gap > prepared->cell[grade & 7][0][0].gmax),
                                          CCAD_F_RELEASED_EARLY);
    } else {
        int32_t p = r->purchase, d = p - t, req = r->request, cd = r->complaint_date;
        int32_t gap, care, off = r->order_off, clock;
        /* an order within urgency.order_days closed the purchase decision */
        int closed = (off != CR_NO_ORDER) & (off >= -prepared->order_days) &
                     (off <= prepared->order_days);
        int has_p = (p != CR_NO_DATE) & !closed, open = complaint == CCAD_COMPLAINT_OPEN;
        int resolved = complaint == CCAD_COMPLAINT_RESOLVED;
        int plevel = (has_p & (d >= 0)) * ((d <= prepared->urg_week) + (d <= prepared->urg_two));
        int pending = last < req; /* a request after the last contact */
        int letgo, care_open, band;
        const struct brief_cell *c;
        int64_t vol = r->volume;
        urg = (open | (pending & (req - t <= prepared->urg_req))) ? CCAD_URGENCY_EVENT : plevel;
        q = prepared->quad[important][urg != 0];
        /* TRIAGE: only whether the strategy is to let go */
        letgo = (status != CCAD_STATUS_PROSPECT) & (vol >= 0) &
                ((vol >= prepared->self) |
                 (((vol >= prepared->push) | ((vol >= prepared->unmov) & !prepared->band)) &
                  (r->margin_bp >= prepared->lift)));
        letgo = letgo_fix >= 0 ? letgo_fix : letgo;
        /* FREQ, CLOCK and GAP by grade, purchase band and let-go (brief.h) */
        band = plevel + (has_p & (d >= 0) & (d <= prepared->band_days));
        c = &prepared->cell[grade & 7][band][2 * (letgo & (urg == 0)) + letgo];

        /* the due date: CLOCK (the purchase-window duty counts visits
         * only), NEVER, FOLLOWUP, then the events */
        clock = c->q1v ? r->last_visit : last;
        due = clock != CR_NO_DATE && c->iv > 0 ? clock + c->iv : INF;
        due = clock == CR_NO_DATE && has_last && c->iv > 0 ? t : due;
        due = !has_last && prepared->never_due && (c->iv > 0 || urg) ? t : due;
        due = min32(due, next != CR_NO_DATE ? next : INF);
        due = min32(due, open ? (last >= cd ? last + prepared->follow : cd) : INF);
        due = min32(due, pending ? req : INF);
        due = min32(due,
                    !important && plevel && (!has_last || last < p - prepared->urg_two) ? t : INF);
        care = cd + prepared->care;
        care_open = resolved & (last < care);
        due = min32(due, care_open ? care : INF);
        flags = IF_FLAG(care_open & (t >= care), CCAD_F_CARE_DUE);
        if (due != INF) {
            due = min32(due + prepared->shift[(uint32_t)(due + BIAS) % 7], prepared->dmax);
            over = max32(t - due, 0);
            flags |= IF_FLAG(due <= t, CCAD_F_DUE) | IF_FLAG(over > 0, CCAD_F_OVERDUE) |
                     IF_FLAG(max32(due - prepared->lead, prepared->dmin) == t, CCAD_F_REMINDER);
            level = ((q != CCAD_Q4) | prepared->esc_q4) *
                    ((over >= prepared->esc_rep) + (over >= prepared->esc_man) +
                     (over >= prepared->esc_reas));
        }

        /* GAP, FOLLOWUP, STALL, PATIENCE, COMPLAINT */
        gap = has_last ? max32(max32(t - last, 0), r->last_gap) : -1;
        /* the customer's own cycle (a let-go one's stretches with its
         * interval); the limits of an unwatched grade are never passed */
        flags |= IF_FLAG(has_last & (gap > c->galert1), CCAD_F_COLD) |
                 IF_FLAG(has_last & (gap <= c->galert1) & (gap > c->gmax), CCAD_F_COOLING) |
                 IF_FLAG((lc != CR_NO_DATE) & !(r->bits & CB_LAST_RECORDED), CCAD_F_NO_RECORD) |
                 IF_FLAG((lc != CR_NO_DATE) & (next == CR_NO_DATE), CCAD_F_NO_NEXT_STEP) |
                 IF_FLAG(r->no_progress >= prepared->stall, CCAD_F_STALLED) |
                 IF_FLAG(((r->contacts < prepared->patience) &
                          ((status == CCAD_STATUS_PROSPECT) | !prepared->prospects_only)) |
                             (gap > c->gmax),
                         CCAD_F_RELEASE_PREMATURE) |
                 IF_FLAG(open, CCAD_F_COMPLAINT_OPEN);
    }
    flags |= IF_FLAG((lc == CR_NO_DATE) & (r->contacts == 0), CCAD_F_NEVER_CONTACTED);
    o->due_date = due == INF ? CCAD_NO_DATE : due + CR_EPOCH;
    o->days_overdue = over;
    o->flags = flags;
    o->grade = (uint8_t)grade;
    o->urgency = (uint8_t)urg;
    o->quadrant = (uint8_t)q;
    o->escalation = (uint8_t)level;
}

/* A wide record through the full path, into a brief. */
void ccad__brief_wide(const ccad_book *book, const struct brief_rules *prepared, size_t index,
                      ccad_brief *o)
{
    struct cust w;
    ccad__unpack(book, index, &w);
    ccad__brief_cust(&prepared->lean, &w, o);
}

#undef IF_FLAG
#undef INF

int ccad_book_assess_range(const ccad_book *book, const ccad_rules *rules, size_t first, size_t n,
                           int32_t today, ccad_brief *out, size_t elem_size)
{
    static const char fn[] = "ccad_book_assess_range";
    struct brief_rules prepared;
    struct cust view; /* the side-table entries' working form (brief_extra.c) */
    size_t i;
    int rc;
    if (book == NULL)
        return CCAD_EINVAL;
    if (out == NULL && n > 0)
        return ccad__fail(book->ctx, CCAD_EINVAL, "%s: out is NULL", fn);
    if (!CCAD__SIZE_OK(elem_size, ccad_brief))
        return ccad__fail(book->ctx, CCAD_EVERSION, "%s: elem_size %lu not supported", fn,
                          (unsigned long)elem_size);
    if ((rc = ccad__check_ready(book, rules, today, fn)) != 0)
        return rc;
    if (first > book->n || n > book->n - first)
        return ccad__fail(book->ctx, CCAD_ENOTFOUND, "%s: range %lu+%lu leaves the book of %lu", fn,
                          (unsigned long)first, (unsigned long)n, (unsigned long)book->n);
    ccad__brief_rules_init(&prepared, rules->v, today);
    ccad__brief_extra_view(&view);
    i = 0;
#ifdef CCAD__BRIEF_SSE2
    if (n > 0) /* elem_size is sizeof(ccad_brief) */
        i = ccad__brief_sse2(book, &prepared, rules->v, first, n, out);
#endif
    for (; i < n; i++) {
        ccad_brief *o = (ccad_brief *)(void *)((char *)out + i * elem_size);
        const struct crec *r = &book->c[first + i];
        if (r->bits & CB_WIDE) {
            ccad__brief_wide(book, &prepared, first + i, o);
        } else if (r->bits & (CB_EXTRA_POS | CB_EXTRA_VIS)) {
            brief_one(&prepared, r, ccad__brief_extra_letgo(book, &prepared, r, &view), o);
            ccad__brief_extra_flags(book, &prepared, r, &view, o);
        } else {
            brief_one(&prepared, r, -1, o);
        }
    }
    return CCAD_OK;
}
