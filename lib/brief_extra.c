/* The batch kernels' view of a record with a side-table entry (CB_EXTRA,
 * book_extra.c): what the entry's position and visit summary change in a
 * brief. The record holds every other field, so the kernels compute the
 * brief from it as usual, with the let-go that TRIAGE finds by position
 * (ccad__brief_extra_letgo, decided before the brief), then correct the
 * flags that the visit summary decides (ccad__brief_extra_flags):
 * FOLLOWUP's record flags and PATIENCE by the run. A prospect is never let
 * go, so PATIENCE's gap limit is the grade's without let-go. Both read the
 * rules' own functions (lib/rules/triage.c, visits.c) on a working form
 * that the caller clears (ccad__brief_extra_view: once per batch in the
 * scalar kernel, once per group of four with a summary in the SSE2 one)
 * and that they fill with the fields those functions read: a field a rule starts to read
 * without being set here holds zero, the same for every record, never
 * what an earlier record or the stack left. test_extra.c checks the
 * briefs against books where the same customers are stored wide. */
#include "brief.h"

/* The working-form fields that TRIAGE (ccad__triage_read) reads, from
 * record r and its entry x; the rest of *c stays as the batch cleared it. */
static void position_view(const struct crec *r, const struct ccad__extra *x, struct cust *c)
{
    c->status = r->status;
    c->volume = r->volume;
    c->margin_bp = r->margin_bp;
    c->share_pct = x->share_pct;
    c->supplier_rank = x->supplier_rank;
}

/* The fields that FOLLOWUP (ccad__record_late, _lacking) and PATIENCE
 * (ccad__patience_by_run, _count) read; the rest of *c stays cleared (the
 * fields position_view sets are not read by these). */
static void visits_view(const struct crec *r, const struct ccad__extra *x, struct cust *c)
{
    c->status = r->status;
    c->last_contact = ccad__rdate(r->last_contact);
    c->contacts = r->contacts;
    c->vis = x->vis;
}

static const struct ccad__extra *entry_of(const ccad_book *book, const struct crec *r)
{
    return &book->extra[(uint32_t)r->value];
}

int ccad__brief_extra_letgo(const ccad_book *book, const struct brief_rules *prepared,
                            const struct crec *r, struct cust *view)
{
    const int64_t *v = prepared->lean.v;
    const struct ccad__extra *x = entry_of(book, r);
    struct ccad__triage_read t;
    if (!v[P_TRIAGE_BY_POSITION] || !(r->bits & CB_EXTRA_POS) ||
        (r->status != CCAD_STATUS_ACTIVE && r->status != CCAD_STATUS_KEY))
        return -1; /* TRIAGE reads the volume, as the kernels do */
    position_view(r, x, view);
    return ccad__triage_read(v, view, &t) == CCAD_TRIAGE_SELF_DRIVEN;
}

/* PATIENCE by the run: 1 if the release of prospect c (a known run) would
 * be premature: its run too short, or its gap past GAP's limit. */
static int premature_by_run(const struct brief_rules *prepared, const struct crec *r,
                            const struct cust *c)
{
    const struct ccad__lean *lean = &prepared->lean;
    int grade = ccad__rgrade(r);
    int64_t max = lean->gap_max[grade][0], gap = -1, broke, count;
    int32_t last = ccad__rdate(prepared->clock_any ? r->last_contact : r->last_visit);
    if (last != CCAD_NO_DATE)
        gap = (int64_t)lean->today - last > r->last_gap ? (int64_t)lean->today - last : r->last_gap;
    gap = last != CCAD_NO_DATE && gap < 0 ? 0 : gap;
    count = ccad__patience_count(lean->v, c, lean->today, prepared->run_break[grade], &broke);
    return ccad__too_few_contacts(lean->v, c->status, (uint64_t)count) ||
           (gap > max && ((lean->watched >> grade) & 1));
}

void ccad__brief_extra_flags(const ccad_book *book, const struct brief_rules *prepared,
                             const struct crec *r, struct cust *view, ccad_brief *o)
{
    const int64_t *v = prepared->lean.v;
    const struct ccad__extra *x = entry_of(book, r);
    if (ccad__inactive(r->status) || !(r->bits & CB_EXTRA_VIS))
        return; /* the summary's defaults change nothing */
    /* the rules' functions below only for what can change a flag: a
     * record with an entry day or a missing part (FOLLOWUP), a prospect
     * with patience.consecutive on (PATIENCE by the run) */
    if (r->last_contact != CR_NO_DATE && (r->bits & CB_LAST_RECORDED) &&
        (x->vis.last_entered != CCAD_NO_DATE || x->vis.last_parts != CCAD_RECORD_ALL)) {
        visits_view(r, x, view);
        o->flags |= (ccad__record_late(v, view) > 0 ? CCAD_F_RECORD_LATE : 0u) |
                    (ccad__record_lacking(v, view) != 0 ? CCAD_F_RECORD_INCOMPLETE : 0u);
    }
    if (!prepared->by_run || r->status != CCAD_STATUS_PROSPECT)
        return;
    visits_view(r, x, view);
    if (ccad__patience_by_run(v, view)) {
        if (premature_by_run(prepared, r, view))
            o->flags |= CCAD_F_RELEASE_PREMATURE;
        else
            o->flags &= ~(uint32_t)CCAD_F_RELEASE_PREMATURE;
    }
}
