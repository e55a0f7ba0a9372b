/* ccad_schedule_replan: a schedule brought up to date with its book.
 *
 * A schedule made by ccad_schedule_new remembers what it was planned
 * from: the book (its serial in the context and its edit count, which
 * every change of a customer, of the customer count or of the grades
 * bumps), the rules' values and the options, and the calendar flags of
 * each day (kept for ccad_schedule_day anyway). A replan compares all of
 * that with what it is given: when nothing differs the schedule is kept as
 * it is, without planning; otherwise the plan is made again into a new
 * schedule, whose contents then replace the old ones, so the handle stays
 * the caller's and a failed replan leaves it as it was. When only the
 * book's records changed (same customer count, rules, options and
 * calendar), the new plan reuses the old one's trace for every customer
 * whose record is unchanged (replan_trace.c); otherwise it is made from
 * scratch.
 *
 * The book tracks its own changes: a caller who forgets to say what
 * changed cannot get a stale plan. With the HOST metric the travel
 * callback's answers cannot be compared, so such a schedule is always
 * planned again. */
#include "plan.h"

#include <stddef.h>
#include <string.h>

/* The calendar of a range, read once up front for ccad__schedule_new. */
struct calendar {
    int32_t first_day;
    uint32_t *flags;
};

static int flags_of(void *arg, int32_t day, uint32_t *out)
{
    const struct calendar *c = arg;
    *out = c->flags[day - c->first_day];
    return CCAD_OK;
}

static int same_options(const ccad_plan_options *a, const ccad_plan_options *b)
{
    return a->first_day == b->first_day && a->days == b->days &&
           a->visits_per_day == b->visits_per_day && a->minutes_per_day == b->minutes_per_day &&
           a->overload == b->overload && a->keep_reasons == b->keep_reasons &&
           a->route == b->route && a->assign_days == b->assign_days && a->base_x == b->base_x &&
           a->base_y == b->base_y && a->metric == b->metric && a->scale == b->scale &&
           a->units_per_minute == b->units_per_minute && a->day_start_min == b->day_start_min &&
           a->day_minutes == b->day_minutes && a->seed == b->seed && a->effort == b->effort;
}

void ccad__plan_remember(ccad_schedule *s, const ccad_book *book, const ccad_rules *rules,
                         const ccad_plan_options *o)
{
    s->replannable = 1;
    s->book = book;
    s->book_serial = book->serial;
    s->book_edits = book->edits;
    s->book_n = book->n;
    s->opts = *o;
    memcpy(s->rules_v, rules->v, sizeof s->rules_v);
}

/* What, apart from the calendar, differs from what s was planned from:
 * a CCAD_REPLAN_* cause, or CCAD_REPLAN_KEPT when nothing does. */
static int what_changed(const ccad_schedule *s, const ccad_book *book, const ccad_rules *rules,
                        const ccad_plan_options *o)
{
    if (s->book != book || s->book_serial != book->serial)
        return CCAD_REPLAN_OTHER_BOOK;
    if (s->book_edits != book->edits || s->book_n != book->n)
        return CCAD_REPLAN_BOOK;
    if (memcmp(s->rules_v, rules->v, sizeof s->rules_v) != 0)
        return CCAD_REPLAN_RULES;
    if (!same_options(&s->opts, o))
        return CCAD_REPLAN_OPTIONS;
    if (o->route && o->metric == CCAD_METRIC_HOST)
        return CCAD_REPLAN_HOST_TRAVEL;
    return CCAD_REPLAN_KEPT;
}

/* The calendar of the range into cal; *same is 1 when it equals the
 * schedule's. */
static int read_calendar(ccad_ctx *ctx, const ccad_schedule *s, const ccad_plan_options *o,
                         struct calendar *cal, int *same)
{
    int di, rc;
    cal->first_day = o->first_day;
    *same = s->first_day == o->first_day && s->days == o->days;
    for (di = 0; di < o->days; di++) {
        if ((rc = ccad_ctx_day_flags(ctx, &cal->flags[di], o->first_day + di)) != 0)
            return rc;
        *same = *same && s->day_flags[di] == cal->flags[di];
    }
    return CCAD_OK;
}

/* Plans again into a new schedule and moves its contents into s. With
 * `reuse`, the new plan reuses s's trace for the customers whose record is
 * unchanged; *out_changed counts the changed ones, SIZE_MAX when the plan
 * was made from scratch. */
static int plan_again(ccad_schedule *s, const ccad_book *book, const ccad_rules *rules,
                      const ccad_plan_options *o, struct calendar *cal, int reuse,
                      size_t *out_changed)
{
    static const char fn[] = "ccad_schedule_replan";
    ccad_schedule *fresh = NULL, old;
    const ccad_schedule *from = reuse ? s : NULL;
    int rc = cal->flags != NULL ? ccad__schedule_renew(&fresh, book, rules, o, flags_of, cal, fn,
                                                       from, out_changed)
                                : ccad__schedule_renew(&fresh, book, rules, o, ccad__ctx_flags,
                                                       book->ctx, fn, from, out_changed);
    if (rc != CCAD_OK)
        return ccad__fail_in(book->ctx, fn, rc);
    old = *s;
    *s = *fresh;
    *fresh = old;
    ccad__plan_free_parts(s->ctx, fresh); /* the old contents, and the new shell */
    ccad__plan_remember(s, book, rules, o);
    return CCAD_OK;
}

/* ccad_replan_info before it said whether the path was incremental: the
 * size and the cause only (accepted, and filled that far). */
#define REPLAN_INFO_SIZE_CAUSE (offsetof(ccad_replan_info, incremental))

static int check_args(ccad_schedule *s, const ccad_book *book, const ccad_rules *rules,
                      const ccad_plan_options *o, const ccad_replan_info *info)
{
    static const char fn[] = "ccad_schedule_replan";
    if (rules == NULL || o == NULL)
        return ccad__fail(s->ctx, CCAD_EINVAL, "%s: NULL argument", fn);
    if (book->ctx != s->ctx)
        return ccad__fail(s->ctx, CCAD_EINVAL,
                          "%s: the book belongs to another context than the schedule", fn);
    if (!s->replannable)
        return ccad__fail(s->ctx, CCAD_EINVAL,
                          "%s: the schedule is part of a team schedule; replan the team", fn);
    if (!CCAD__SIZE_OK(o->size, ccad_plan_options))
        return ccad__fail(s->ctx, CCAD_EVERSION, "%s: ccad_plan_options.size %lu not supported", fn,
                          (unsigned long)o->size);
    if (info != NULL && !CCAD__SIZE_OK(info->size, ccad_replan_info) &&
        info->size != REPLAN_INFO_SIZE_CAUSE)
        return ccad__fail(s->ctx, CCAD_EVERSION, "%s: ccad_replan_info.size %lu not supported", fn,
                          (unsigned long)info->size);
    return CCAD_OK;
}

/* Reads the calendar into cal (allocated) when the cause leaves the plan
 * kept or only the book changed; then *cause becomes CCAD_REPLAN_CALENDAR
 * if the calendar differs and the plan would be kept, and *reuse is 1 when
 * only the book's records changed (the incremental path). */
static int check_calendar(ccad_schedule *s, const ccad_book *book, const ccad_plan_options *o,
                          struct calendar *cal, int *cause, int *reuse)
{
    int same = 0, rc;
    *reuse = 0;
    if (*cause != CCAD_REPLAN_KEPT && *cause != CCAD_REPLAN_BOOK)
        return CCAD_OK;
    /* the calendar is the host's: read it, and keep the plan (or its
     * trace) only if it says what it said before (the range's bounds are
     * those checked) */
    cal->flags = ccad__alloc(book->ctx, (size_t)o->days * sizeof *cal->flags);
    if (cal->flags == NULL)
        return ccad__fail(book->ctx, CCAD_ENOMEM, "ccad_schedule_replan: out of memory");
    if ((rc = read_calendar(book->ctx, s, o, cal, &same)) != 0)
        return rc;
    if (*cause == CCAD_REPLAN_KEPT && !same)
        *cause = CCAD_REPLAN_CALENDAR;
    /* HOST travel is the callback's answer of the moment: never reused */
    *reuse = *cause == CCAD_REPLAN_BOOK && same && s->book_n == book->n &&
             !(o->route && o->metric == CCAD_METRIC_HOST);
    return CCAD_OK;
}

int ccad_schedule_replan(ccad_schedule *schedule, const ccad_book *book, const ccad_rules *rules,
                         const ccad_plan_options *options, ccad_replan_info *info)
{
    struct calendar cal = {0, NULL};
    size_t changed = SIZE_MAX;
    int cause, reuse, rc;
    if (schedule == NULL || book == NULL)
        return CCAD_EINVAL;
    if (ccad__busy(schedule->ctx) || ccad__busy(book->ctx))
        return CCAD_EBUSY;
    if ((rc = check_args(schedule, book, rules, options, info)) != 0)
        return rc;
    cause = what_changed(schedule, book, rules, options);
    rc = check_calendar(schedule, book, options, &cal, &cause, &reuse);
    if (rc == CCAD_OK && cause != CCAD_REPLAN_KEPT)
        rc = plan_again(schedule, book, rules, options, &cal, reuse, &changed);
    ccad__free(book->ctx, cal.flags);
    if (rc == CCAD_OK && info != NULL)
        info->cause = cause;
    if (rc == CCAD_OK && info != NULL && info->size != REPLAN_INFO_SIZE_CAUSE) {
        info->incremental = changed != SIZE_MAX;
        info->changed = changed != SIZE_MAX ? (uint64_t)changed : 0;
    }
    return rc;
}
