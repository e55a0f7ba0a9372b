/* The team: reps in id order, each with its capacity, day and a borrowed
 * book (the customers it owns), and the team calendar (absences per rep).
 * Team planning is in plan/team_plan.c. */
#include "grow.h"
#include "team.h"

#include <math.h>
#include <string.h>

int ccad_team_new(ccad_team **out, ccad_ctx *ctx, const ccad_team_options *options)
{
    ccad_team *team;
    if (out != NULL)
        *out = NULL;
    if (ctx == NULL)
        return CCAD_EINVAL;
    if (ccad__busy(ctx))
        return CCAD_EBUSY;
    if (out == NULL)
        return ccad__fail(ctx, CCAD_EINVAL, "ccad_team_new: out is NULL");
    if (options != NULL && !CCAD__SIZE_OK(options->size, ccad_team_options))
        return ccad__fail(ctx, CCAD_EVERSION,
                          "ccad_team_new: ccad_team_options.size %lu not supported",
                          (unsigned long)options->size);
    team = ccad__alloc(ctx, sizeof *team);
    if (team == NULL)
        return ccad__fail(ctx, CCAD_ENOMEM, "ccad_team_new: out of memory");
    memset(team, 0, sizeof *team);
    team->ctx = ctx;
    if (options != NULL)
        team->opt = *options;
    *out = team;
    return CCAD_OK;
}

void ccad_team_free(ccad_team *team)
{
    size_t i;
    if (team == NULL)
        return;
    for (i = 0; i < team->n; i++)
        ccad__free(team->ctx, team->rep[i].id);
    ccad__free(team->ctx, team->rep);
    ccad__free(team->ctx, team);
}

static int check_rep(ccad_ctx *ctx, const ccad_rep *rep, const char *fn)
{
    size_t len;
    if (!CCAD__SIZE_OK(rep->size, ccad_rep))
        return ccad__fail(ctx, CCAD_EVERSION, "%s: ccad_rep.size %lu not supported", fn,
                          (unsigned long)rep->size);
    if (rep->id == NULL || (len = strlen(rep->id)) == 0 || len > CCAD_ID_MAX)
        return ccad__fail(ctx, CCAD_EINVAL, "%s: the rep id must have 1..%d bytes", fn,
                          (int)CCAD_ID_MAX);
    if (rep->visits_per_day < 0 || rep->visits_per_day > 1000 || rep->minutes_per_day < 0 ||
        rep->minutes_per_day > 1440)
        return ccad__fail(ctx, CCAD_ERANGE,
                          "%s: rep '%s': visits_per_day 0..1000 and minutes_per_day 0..1440", fn,
                          rep->id);
    if (rep->visits_per_day == 0 && rep->minutes_per_day == 0)
        return ccad__fail(ctx, CCAD_EINVAL, "%s: rep '%s': set visits_per_day or minutes_per_day",
                          fn, rep->id);
    if (!isfinite(rep->base_x) || !isfinite(rep->base_y) || rep->day_start_min < 0 ||
        rep->day_start_min > 1440 || rep->day_minutes < 1 || rep->day_minutes > 1440)
        return ccad__fail(ctx, CCAD_ERANGE,
                          "%s: rep '%s': a finite base, day start 0..1440, day 1..1440 minutes", fn,
                          rep->id);
    return CCAD_OK;
}

/* The place of rep `id` in id order: its index when *found, else where it goes. */
static size_t rep_place(const ccad_team *team, const char *id, int *found)
{
    size_t lo = 0, hi = team->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(team->rep[mid].id, id);
        if (c == 0) {
            *found = 1;
            return mid;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *found = 0;
    return lo;
}

static int check_book(const ccad_team *team, const ccad_book *book, const char *fn)
{
    size_t i;
    if (book->ctx != team->ctx)
        return ccad__fail(team->ctx, CCAD_EINVAL, "%s: the book belongs to another context", fn);
    for (i = 0; i < team->n; i++)
        if (team->rep[i].book == book)
            return ccad__fail(team->ctx, CCAD_EINVAL, "%s: the book is rep '%s''s already", fn,
                              team->rep[i].id);
    return CCAD_OK;
}

int ccad_team_add(ccad_team *team, const ccad_rep *rep, ccad_book *book)
{
    static const char fn[] = "ccad_team_add";
    size_t at, len;
    int found, rc;
    char *id;
    if (team == NULL)
        return CCAD_EINVAL;
    if (ccad__busy(team->ctx))
        return CCAD_EBUSY;
    if (rep == NULL || book == NULL)
        return ccad__fail(team->ctx, CCAD_EINVAL, "%s: NULL argument", fn);
    if ((rc = check_rep(team->ctx, rep, fn)) != 0 || (rc = check_book(team, book, fn)) != 0)
        return rc;
    at = rep_place(team, rep->id, &found);
    if (found)
        return ccad__fail(team->ctx, CCAD_EEXIST, "%s: rep '%s' is in the team already", fn,
                          rep->id);
    len = strlen(rep->id);
    if ((id = ccad__alloc(team->ctx, len + 1)) == NULL)
        return ccad__fail(team->ctx, CCAD_ENOMEM, "%s: out of memory", fn);
    rc = ccad__grow(team->ctx, &team->rep, &team->cap, team->n + 1, sizeof *team->rep, 4, SIZE_MAX);
    if (rc != CCAD_OK) {
        ccad__free(team->ctx, id);
        if (rc == CCAD_ENOMEM)
            return ccad__fail(team->ctx, CCAD_ENOMEM, "%s: out of memory", fn);
        return ccad__fail(team->ctx, rc, "%s: the team is full", fn);
    }
    memcpy(id, rep->id, len + 1);
    memmove(&team->rep[at + 1], &team->rep[at], (team->n - at) * sizeof *team->rep);
    team->rep[at].given = *rep;
    team->rep[at].given.id = id;
    team->rep[at].id = id;
    team->rep[at].book = book;
    team->n++;
    return CCAD_OK;
}

size_t ccad_team_count(const ccad_team *team) { return team == NULL ? 0 : team->n; }

int ccad_team_rep(const ccad_team *team, size_t index, ccad_rep *out, ccad_book **out_book)
{
    if (team == NULL)
        return CCAD_EINVAL;
    if (out != NULL && !CCAD__SIZE_OK(out->size, ccad_rep))
        return CCAD_EVERSION;
    if (index >= team->n)
        return CCAD_ENOTFOUND;
    if (out != NULL)
        *out = team->rep[index].given;
    if (out_book != NULL)
        *out_book = team->rep[index].book;
    return CCAD_OK;
}

int ccad_team_find(const ccad_team *team, const char *rep_id, size_t *out_index)
{
    int found;
    size_t at;
    if (team == NULL || rep_id == NULL || out_index == NULL)
        return CCAD_EINVAL;
    at = rep_place(team, rep_id, &found);
    if (!found)
        return CCAD_ENOTFOUND;
    *out_index = at;
    return CCAD_OK;
}

int ccad_team_owner(const ccad_team *team, const char *customer_id, size_t *out_rep,
                    size_t *out_index)
{
    size_t i, at;
    if (team == NULL || customer_id == NULL || out_rep == NULL)
        return CCAD_EINVAL;
    for (i = 0; i < team->n; i++)
        if (ccad__find(team->rep[i].book, customer_id, &at)) {
            *out_rep = i;
            if (out_index != NULL)
                *out_index = at;
            return CCAD_OK;
        }
    return CCAD_ENOTFOUND;
}

int ccad__team_flags(const ccad_team *team, size_t index, int32_t day, uint32_t *out)
{
    if (team->opt.calendar == NULL)
        return ccad_ctx_day_flags(team->ctx, out, day);
    return ccad__team_calendar(team->ctx, team->opt.calendar, team->opt.user, team->rep[index].id,
                               day, out);
}

int ccad_team_day_flags(ccad_team *team, size_t index, int32_t day, uint32_t *out_flags)
{
    if (team == NULL)
        return CCAD_EINVAL;
    if (ccad__busy(team->ctx))
        return CCAD_EBUSY;
    if (out_flags == NULL)
        return ccad__fail(team->ctx, CCAD_EINVAL, "ccad_team_day_flags: out_flags is NULL");
    if (index >= team->n)
        return ccad__fail(team->ctx, CCAD_ENOTFOUND, "ccad_team_day_flags: no rep at index %lu",
                          (unsigned long)index);
    if (!ccad__date_ok(day))
        return ccad__fail(team->ctx, CCAD_ERANGE, "ccad_team_day_flags: day %ld out of range",
                          (long)day);
    return ccad__fail_in(team->ctx, "ccad_team_day_flags",
                         ccad__team_flags(team, index, day, out_flags));
}

int ccad__team_guard(const ccad_team *team, const void *out, const char *fn)
{
    if (team == NULL)
        return CCAD_EINVAL;
    if (ccad__busy(team->ctx))
        return CCAD_EBUSY;
    if (out == NULL)
        return ccad__fail(team->ctx, CCAD_EINVAL, "%s: out is NULL", fn);
    return CCAD_OK;
}
