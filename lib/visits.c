/* What the visits held (1.1, issue 20 item 3): the contact's purposes,
 * close asked, owner present, effective activity, record parts and entry
 * day, and the customer summary they feed (struct ccad__visits):
 * FOLLOWUP's record parts and entry day, STALL's aimless contacts and
 * closes asked, PATIENCE's run of contacts while a prospect, PERSIST's
 * effective activities with the owner (docs/cadence-rules.md, "The contact
 * summary"). Checking, recording, and the public struct's members. */
#include "internal.h"

void ccad__visits_default(struct ccad__visits *s)
{
    s->prospect_run = -1;
    s->prospect_gap = -1;
    s->prospect_tail = 0;
    s->last_purposes = 0;
    s->aimless = 0;
    s->closes_asked = 0;
    s->last_parts = CCAD_RECORD_ALL;
    s->last_entered = CCAD_NO_DATE;
    s->owner_sales[0] = s->owner_sales[1] = s->owner_sales[2] = CCAD_NO_DATE;
}

int ccad__visits_is_default(const struct ccad__visits *s)
{
    return s->prospect_run == -1 && s->prospect_gap == -1 && s->prospect_tail == 0 &&
           s->last_purposes == 0 && s->aimless == 0 && s->closes_asked == 0 &&
           s->last_parts == CCAD_RECORD_ALL && s->last_entered == CCAD_NO_DATE &&
           s->owner_sales[0] == CCAD_NO_DATE && s->owner_sales[1] == CCAD_NO_DATE &&
           s->owner_sales[2] == CCAD_NO_DATE;
}

void ccad__visits_take(struct ccad__visits *s, const ccad_customer *c)
{
    int k;
    s->prospect_run = c->prospect_run;
    s->prospect_gap = c->prospect_gap;
    s->prospect_tail = c->prospect_tail;
    s->last_purposes = c->last_purposes;
    s->aimless = c->aimless;
    s->closes_asked = c->closes_asked;
    s->last_parts = c->last_parts;
    s->last_entered = c->last_entered;
    for (k = 0; k < 3; k++)
        s->owner_sales[k] = c->owner_sales[k];
}

void ccad__visits_give(const struct ccad__visits *s, ccad_customer *c)
{
    int k;
    c->prospect_run = s->prospect_run;
    c->prospect_gap = s->prospect_gap;
    c->prospect_tail = s->prospect_tail;
    c->last_purposes = s->last_purposes;
    c->aimless = s->aimless;
    c->closes_asked = s->closes_asked;
    c->last_parts = s->last_parts;
    c->last_entered = s->last_entered;
    for (k = 0; k < 3; k++)
        c->owner_sales[k] = s->owner_sales[k];
}

/* 1 if p is a valid purpose set: bits of CCAD_PURPOSE_ALL, NONE alone. */
static int purposes_ok(uint32_t p)
{
    return (p & ~CCAD_PURPOSE_ALL) == 0 && (!(p & CCAD_PURPOSE_NONE) || p == CCAD_PURPOSE_NONE);
}

int ccad__visits_check_customer(ccad_ctx *ctx, const char *fn, const ccad_customer *c)
{
    int k;
    if (c->prospect_run < -1 || c->prospect_gap < -1 || c->prospect_tail < 0)
        return ccad__fail(
            ctx, CCAD_ERANGE,
            "%s: prospect_run, prospect_gap and prospect_tail must not be below -1, -1 and 0", fn);
    if (c->prospect_tail > (c->prospect_run < 0 ? 0 : c->prospect_run))
        return ccad__fail(ctx, CCAD_ERANGE, "%s: prospect_tail %ld is more than the run of %ld", fn,
                          (long)c->prospect_tail, (long)c->prospect_run);
    if (!purposes_ok(c->last_purposes))
        return ccad__fail(ctx, CCAD_EINVAL, "%s: last_purposes 0x%lx is not a purpose set", fn,
                          (unsigned long)c->last_purposes);
    if (c->aimless > c->no_progress || c->closes_asked > c->no_progress)
        return ccad__fail(ctx, CCAD_ERANGE,
                          "%s: aimless and closes_asked count within no_progress (%lu)", fn,
                          (unsigned long)c->no_progress);
    if (c->last_parts & ~CCAD_RECORD_ALL)
        return ccad__fail(ctx, CCAD_EINVAL, "%s: last_parts 0x%lx has bits beyond the record parts",
                          fn, (unsigned long)c->last_parts);
    if (!ccad__opt_date_ok(c->last_entered) ||
        (c->last_entered != CCAD_NO_DATE &&
         (c->last_contact == CCAD_NO_DATE || c->last_entered < c->last_contact)))
        return ccad__fail(ctx, CCAD_ERANGE,
                          "%s: last_entered must be a valid date on or after last_contact", fn);
    for (k = 0; k < 3; k++)
        if (!ccad__opt_date_ok(c->owner_sales[k]) ||
            (k > 0 && c->owner_sales[k] != CCAD_NO_DATE &&
             (c->owner_sales[k - 1] == CCAD_NO_DATE || c->owner_sales[k] > c->owner_sales[k - 1])))
            return ccad__fail(ctx, CCAD_ERANGE,
                              "%s: owner_sales must hold valid dates, latest first", fn);
    return CCAD_OK;
}

int ccad__visits_check_contact(ccad_ctx *ctx, const char *fn, const ccad_contact *e)
{
    if (!purposes_ok(e->purposes))
        return ccad__fail(ctx, CCAD_EINVAL,
                          "%s: purposes 0x%lx is not a purpose set (NONE stands alone)", fn,
                          (unsigned long)e->purposes);
    if (e->close_asked != 0 && e->close_asked != 1)
        return ccad__fail(ctx, CCAD_EINVAL, "%s: close_asked must be 0 or 1", fn);
    if (e->owner_present != 0 && e->owner_present != 1)
        return ccad__fail(ctx, CCAD_EINVAL, "%s: owner_present must be 0 or 1", fn);
    if (e->activity < CCAD_ACTIVITY_NONE || e->activity > CCAD_ACTIVITY_SALE)
        return ccad__fail(ctx, CCAD_EINVAL, "%s: activity %d unknown", fn, e->activity);
    if (e->record_parts & ~CCAD_RECORD_ALL)
        return ccad__fail(ctx, CCAD_EINVAL,
                          "%s: record_parts 0x%lx has bits beyond the record parts", fn,
                          (unsigned long)e->record_parts);
    if (!ccad__opt_date_ok(e->entered) || (e->entered != CCAD_NO_DATE && e->entered < e->date))
        return ccad__fail(ctx, CCAD_ERANGE,
                          "%s: entered must be a valid date on or after the contact", fn);
    return CCAD_OK;
}
#undef BAD

/* PATIENCE's run: one more contact on a new day while a prospect, `gap`
 * days after the one before (-1: none before). A run not known yet starts
 * from the summary: every contact so far, the latest gap the only one known. */
static void run_step(struct ccad__visits *s, uint32_t contacts_before, int32_t last_gap,
                     int32_t gap)
{
    if (s->prospect_run < 0) {
        s->prospect_run = contacts_before > INT32_MAX - 1 ? INT32_MAX - 1
                                                          : (int32_t)contacts_before;
        s->prospect_gap = s->prospect_run > 0 ? last_gap : -1;
        s->prospect_tail = s->prospect_gap >= 0 ? 1 : s->prospect_run;
    }
    if (s->prospect_run < INT32_MAX)
        s->prospect_run++;
    if (gap >= 0 && gap >= s->prospect_gap) {
        s->prospect_gap = gap;
        s->prospect_tail = 1;
    } else if (s->prospect_tail < s->prospect_run) {
        s->prospect_tail++;
    }
}

/* PERSIST: the day of an effective activity with the owner, kept among the
 * latest three, latest first. */
static void owner_sale(struct ccad__visits *s, int32_t day)
{
    int k = 3;
    while (k > 0 && (s->owner_sales[k - 1] == CCAD_NO_DATE || s->owner_sales[k - 1] < day))
        k--;
    if (k >= 3)
        return;
    if (k < 2)
        s->owner_sales[2] = s->owner_sales[1];
    if (k < 1)
        s->owner_sales[1] = s->owner_sales[0];
    s->owner_sales[k] = day;
}

void ccad__visits_record(struct cust *n, const ccad_contact *e, const struct cust *before)
{
    struct ccad__visits *s = &n->vis;
    int latest = before->last_contact == CCAD_NO_DATE || e->date >= before->last_contact;
    int new_day = before->last_contact == CCAD_NO_DATE || e->date > before->last_contact;
    if (latest) {
        int repeat = e->purposes == CCAD_PURPOSE_NONE ||
                     (e->purposes != 0 && e->purposes == before->vis.last_purposes);
        s->last_parts = e->record_parts;
        s->last_entered = e->entered;
        if (e->outcome == CCAD_OUTCOME_NO_PROGRESS) {
            s->aimless += (uint32_t)repeat;
            s->closes_asked += (uint32_t)(e->close_asked != 0);
        } else {
            s->aimless = s->closes_asked = 0;
        }
        s->last_purposes = e->purposes;
    }
    if (latest && new_day && before->status == CCAD_STATUS_PROSPECT)
        run_step(s, before->contacts, before->last_gap,
                 before->last_contact == CCAD_NO_DATE ? -1 : e->date - before->last_contact);
    if (e->activity == CCAD_ACTIVITY_SALE && e->owner_present)
        owner_sale(s, e->date);
}

int64_t ccad__patience_count(const int64_t *v, const struct cust *c, int32_t today, int64_t limit,
                             int64_t *broke)
{
    const struct ccad__visits *s = &c->vis;
    *broke = 0;
    if (!ccad__patience_by_run(v, c))
        return (int64_t)c->contacts;
    if (c->last_contact != CCAD_NO_DATE && (int64_t)today - c->last_contact > limit) {
        *broke = (int64_t)today - c->last_contact;
        return 0;
    }
    if (s->prospect_gap > limit) {
        *broke = s->prospect_gap;
        return s->prospect_tail;
    }
    return s->prospect_run;
}

int64_t ccad__record_late(const int64_t *v, const struct cust *c)
{
    int64_t late;
    if (c->vis.last_entered == CCAD_NO_DATE || c->last_contact == CCAD_NO_DATE)
        return 0;
    late = (int64_t)c->vis.last_entered - c->last_contact - v[P_FOLLOWUP_ENTRY_DAYS];
    return late > 0 ? late : 0;
}

uint32_t ccad__record_lacking(const int64_t *v, const struct cust *c)
{
    return v[P_FOLLOWUP_PARTS] ? CCAD_RECORD_ALL & ~c->vis.last_parts : 0u;
}

int ccad__patience_by_run(const int64_t *v, const struct cust *c)
{
    return v[P_PATIENCE_CONSECUTIVE] && c->vis.prospect_run >= 0 &&
           c->status == CCAD_STATUS_PROSPECT;
}

int64_t ccad__patience_break(const int64_t *v, int64_t gap_max)
{
    return gap_max * v[P_PATIENCE_BREAK_PCT] / 100;
}
