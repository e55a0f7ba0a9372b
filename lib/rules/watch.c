/* GAP, FOLLOWUP, STALL, PATIENCE: is the rhythm kept, is the work recorded
 * and moving, is a release premature. */
#include "decide.h"

/* GAP: docs/cadence-rules.md, "GAP — the rhythm must not stretch"; the open
 * gap, or the latest closed one if longer, against the customer's own cycle
 * (ccad__gap_limits); a let-go customer's cycle is its stretched interval
 * (the figures are the thresholds applied). */
void ccad__rule_gap(struct ccad__decide *d)
{
    const int64_t *v = d->v;
    ccad_assessment *a = d->a;
    int grade = d->grade;
    int64_t stretch = ccad__let_go_stretch(v, a->strategy), gap = -1, max, alert;
    if (d->last != CCAD_NO_DATE)
        gap = ccad__imax(a->days_since_contact, d->c->last_gap);
    d->gap = gap;
    d->watched = grade != CCAD_GRADE_NONE && (v[P_GAP_GRADES] & (1 << (grade - 1))) != 0;
    ccad__gap_limits(v, grade, stretch, &max, &alert);
    d->gap_max = max;
    if (!d->active || gap < 0 || !d->watched)
        return;
    if (gap >= alert) {
        a->flags |= CCAD_F_COLD;
        ccad__why(d, CCAD_RULE_GAP, CCAD_WHY_GAP_ALERT, gap, alert, gap - max);
    } else if (gap > max) {
        a->flags |= CCAD_F_COOLING;
        ccad__why(d, CCAD_RULE_GAP, CCAD_WHY_GAP_WARN, gap, max, gap - max);
    }
}

/* FOLLOWUP: docs/cadence-rules.md, "FOLLOWUP — records, next steps,
 * reminders"; the last contact's record and its next step. */
void ccad__rule_followup(struct ccad__decide *d)
{
    const struct cust *c = d->c;
    if (!d->active || c->last_contact == CCAD_NO_DATE)
        return;
    if (!(c->bits & CB_LAST_RECORDED)) {
        d->a->flags |= CCAD_F_NO_RECORD;
        ccad__why(d, CCAD_RULE_FOLLOWUP, CCAD_WHY_NO_RECORD, c->missing, 0, 0);
    }
    if (c->next_step == CCAD_NO_DATE) {
        d->a->flags |= CCAD_F_NO_NEXT_STEP;
        ccad__why(d, CCAD_RULE_FOLLOWUP, CCAD_WHY_NO_NEXT_STEP, c->last_contact, 0, 0);
    }
    if (c->bits & CB_LAST_RECORDED)
        ccad__followup_record(d);
}

/* FOLLOWUP, 1.1: the latest record, entered late or lacking a part (seed
 * 001: every part, entered the same day). */
void ccad__followup_record(struct ccad__decide *d)
{
    const int64_t *v = d->v;
    const struct cust *c = d->c;
    int64_t late = ccad__record_late(v, c);
    uint32_t lacking = ccad__record_lacking(v, c);
    if (late > 0) {
        d->a->flags |= CCAD_F_RECORD_LATE;
        ccad__why(d, CCAD_RULE_FOLLOWUP, CCAD_WHY_RECORD_LATE, c->last_contact, c->vis.last_entered,
                  late);
    }
    if (lacking != 0) {
        int n = 0, k;
        for (k = 0; k < 5; k++)
            n += (int)((lacking >> k) & 1u);
        d->a->flags |= CCAD_F_RECORD_INCOMPLETE;
        ccad__why(d, CCAD_RULE_FOLLOWUP, CCAD_WHY_RECORD_INCOMPLETE, n, lacking, 0);
    }
}

/* STALL: docs/cadence-rules.md, "STALL — contacts that do not move the deal" */
void ccad__rule_stall(struct ccad__decide *d)
{
    const int64_t *v = d->v;
    const struct cust *c = d->c;
    if (d->active && c->no_progress >= (uint64_t)v[P_STALL_AFTER]) {
        d->a->flags |= CCAD_F_STALLED;
        ccad__why(d, CCAD_RULE_STALL, CCAD_WHY_STALLED, c->no_progress, v[P_STALL_AFTER], 0);
        /* 1.1: what kind of visits stalled (seed 001, lines 77-83) */
        if (c->vis.aimless > 0)
            ccad__why(d, CCAD_RULE_STALL, CCAD_WHY_STALL_REPEATED, c->no_progress, c->vis.aimless,
                      c->vis.closes_asked);
        else if (c->vis.last_purposes != 0 && c->vis.closes_asked == 0)
            ccad__why(d, CCAD_RULE_STALL, CCAD_WHY_STALL_NO_CLOSE, c->no_progress, 0, 0);
    }
}

/* PATIENCE: docs/cadence-rules.md, "PATIENCE — do not release too early";
 * a released customer was released early, an active one would be. */
void ccad__rule_patience(struct ccad__decide *d)
{
    const int64_t *v = d->v;
    const struct cust *c = d->c;
    ccad_assessment *a = d->a;
    if (c->status == CCAD_STATUS_RELEASED) {
        int64_t max, alert; /* a released customer's own, unstretched cycle */
        ccad__gap_limits(v, d->grade, 1, &max, &alert);
        if (c->contacts < (uint64_t)v[P_PATIENCE_MIN]) {
            a->flags |= CCAD_F_RELEASED_EARLY;
            ccad__why(d, CCAD_RULE_PATIENCE, CCAD_WHY_RELEASED_EARLY, c->contacts,
                      v[P_PATIENCE_MIN], 0);
        }
        if (c->last_gap > max && d->watched) {
            a->flags |= CCAD_F_RELEASED_EARLY;
            ccad__why(d, CCAD_RULE_PATIENCE, CCAD_WHY_PATIENCE_RHYTHM, c->last_gap, max, 0);
        }
    } else if (d->active) {
        int64_t broke, count = ccad__patience_count(v, c, d->today,
                                                    ccad__patience_break(v, d->gap_max), &broke);
        if (ccad__too_few_contacts(v, c->status, (uint64_t)count)) {
            a->flags |= CCAD_F_RELEASE_PREMATURE;
            if (count != (int64_t)c->contacts || broke != 0)
                ccad__why(d, CCAD_RULE_PATIENCE, CCAD_WHY_PATIENCE_RUN, count, v[P_PATIENCE_MIN],
                          broke);
            else
                ccad__why(d, CCAD_RULE_PATIENCE, CCAD_WHY_PATIENCE, count, v[P_PATIENCE_MIN], 0);
        }
        if (d->gap > d->gap_max && d->watched) {
            a->flags |= CCAD_F_RELEASE_PREMATURE;
            ccad__why(d, CCAD_RULE_PATIENCE, CCAD_WHY_PATIENCE_RHYTHM, d->gap, d->gap_max, 0);
        }
    }
}
