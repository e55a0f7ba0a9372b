/* The batch kernels of ccad_book_assess_range (brief.c, scalar; brief_sse2.c,
 * four records at a time): the rules as they read them. Internal. */
#ifndef CCAD_BRIEF_H
#define CCAD_BRIEF_H

#include "internal.h"

#include <string.h>

/* The batch kernel's SSE2 path (lib/brief_sse2.c): x86-64 always has SSE2;
 * CCAD_SCALAR_BRIEF (CMake option) forces the scalar path. */
#if defined(__SSE2__) && !defined(CCAD_SCALAR_BRIEF)
#define CCAD__BRIEF_SSE2 1
#include <emmintrin.h>
#endif

/* ---- batch: briefs straight from the stored records ----
 *
 * The same decisions as assess_one() for what a ccad_brief holds, without
 * reasons, read from the 64-byte records. The rules and the day are turned
 * once per call into tables and thresholds; dates stay 16-bit offsets from
 * CR_EPOCH, where CR_NO_DATE is below every date, so "no date or earlier"
 * is one comparison; a missing due date is INF while taking minima. Every
 * rule parameter in days is at most 366 (let-go factor 10), so sums of a
 * stored date and a parameter cannot leave the calendar or int32. Most
 * conditions become selects instead of branches: random books defeat
 * branch prediction. Wide records take the full path; records with a
 * side-table entry take the kernels with brief_extra.c's let-go and flags.
 * test_brief.c and test_extra.c check the paths agree on random books and
 * rules. */

#define INF INT32_MAX

/* What FREQ, CLOCK and GAP decide from the grade, the purchase band and
 * the let-go, turned into one 16-byte cell per combination once per call,
 * so that a record needs one lookup (the SSE2 kernel: four loads and a
 * transpose) instead of per-grade selects. The purchase band counts the
 * limits an open purchase decision d days ahead is within: 3 within
 * urgency.week_days, 2 within urgency.two_weeks_days, 1 within band_days
 * (FREQ's ramp window past two weeks), 0 none; that is the purchase level
 * plus one (the rules keep week_days <= two_weeks_days), or 1 (BAND_RAMP)
 * in the ramp window. */
#define BAND_RAMP 1
#define BRIEF_GRADES 8 /* the grade is read as grade & 7 (valid grades are 0..4) */
struct brief_cell {
    int32_t iv;      /* FREQ: the interval (0: none): grade, Q1, let-go stretch, ramp */
    int32_t gmax;    /* GAP: a gap above this cools (INT32_MAX: the grade is not watched) */
    int32_t galert1; /* GAP: a gap above this is cold (alert - 1; INT32_MAX: not watched) */
    int32_t q1v;     /* CLOCK: -1 if the duty counts visits only (important, in the window) */
};

struct brief_rules {
    /* by grade & 7, purchase band, 2 * let go for the interval (no urgency) +
     * let go for GAP */
    struct brief_cell cell[BRIEF_GRADES][4][4];
    struct ccad__lean lean; /* intervals, important and watched grades (shared) */
    uint8_t quad[2][2];     /* quadrant by importance and urgency */
    uint8_t shift[7];       /* by (offset + BIAS) % 7: days to the next working weekday */
    int32_t t;              /* the day, as an offset */
    int32_t urg_week, urg_two, urg_req, follow, care, lead;
    int32_t esc_rep, esc_man, esc_reas, esc_q4;
    int32_t order_days; /* urgency.order_days */
    int32_t dmax, dmin; /* the calendar, as offsets */
    int64_t self, push, unmov, lift;
    uint32_t stall, patience;
    int clock_any, never_due, band;
    int32_t band_days;  /* the purchase band's widest limit: the ramp's window (when
                            * on and past two weeks) or urgency.two_weeks_days */
    int prospects_only; /* patience.prospects_only */
    int by_run;         /* patience.consecutive: a prospect's known run counts */
    int64_t run_break[CCAD_GRADE_D + 1]; /* by grade: the gap that breaks a run
                                            (ccad__patience_break of GAP's maximum) */
};

/* A non-negative multiple of 7 that makes any offset of a valid date positive. */
#define BIAS (7 * 200000)

/* The rules and the day as the kernels read them (brief.c). */
void ccad__brief_rules_init(struct brief_rules *prepared, const int64_t *v, int32_t today);
/* A wide record's brief through the full path (brief.c). */
void ccad__brief_wide(const ccad_book *book, const struct brief_rules *prepared, size_t index,
                      ccad_brief *o);
/* A record with a side-table entry (CB_EXTRA; brief_extra.c): the let-go
 * TRIAGE finds by its position (0 or 1), or -1 when the position does not
 * decide (the kernels then read the volume); and the brief o computed from
 * the record with that let-go, corrected by the visit summary (FOLLOWUP's
 * record flags, PATIENCE by the run). */
int ccad__brief_extra_letgo(const ccad_book *book, const struct brief_rules *prepared,
                            const struct crec *r, struct cust *view);
void ccad__brief_extra_flags(const ccad_book *book, const struct brief_rules *prepared,
                             const struct crec *r, struct cust *view, ccad_brief *o);
/* Clears the working form the two above fill in: they set only the fields
 * the rules they call read, so every other field holds a defined zero. */
static inline void ccad__brief_extra_view(struct cust *view) { memset(view, 0, sizeof *view); }
#ifdef CCAD__BRIEF_SSE2
/* Briefs of records first.. of the book four at a time, wide ones through
 * the full path, those with a side-table entry through brief_extra.c, into out (16-byte briefs); returns how many were done (a
 * multiple of 4, at most n) (brief_sse2.c). */
size_t ccad__brief_sse2(const ccad_book *book, const struct brief_rules *prepared, const int64_t *v,
                        size_t first, size_t n, ccad_brief *out);
#endif

#endif
