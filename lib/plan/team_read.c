/* The team schedule's readers: each rep's own plan, the team items (an
 * item of the owner's plan with its carrier and the carrier's route times)
 * and the findings (the reps' own, then the delegated items no teammate
 * could take). */
#include "team.h"

#include <string.h>

void ccad_team_schedule_free(ccad_team_schedule *ts)
{
    size_t r;
    if (ts == NULL)
        return;
    for (r = 0; ts->rep != NULL && r < ts->nrep; r++)
        ccad_schedule_free(ts->rep[r]);
    ccad__free(ts->ctx, ts->rep);
    ccad__free(ts->ctx, ts->vpd);
    ccad__free(ts->ctx, ts->items);
    ccad__free(ts->ctx, ts->miss);
    ccad__free(ts->ctx, ts);
}

const ccad_schedule *ccad_team_schedule_rep(const ccad_team_schedule *ts, size_t rep)
{
    return ts == NULL || rep >= ts->nrep ? NULL : ts->rep[rep];
}

size_t ccad_team_schedule_item_count(const ccad_team_schedule *ts)
{
    return ts == NULL ? 0 : ts->n_items;
}

size_t ccad_team_schedule_finding_count(const ccad_team_schedule *ts)
{
    size_t r, n = 0;
    if (ts == NULL)
        return 0;
    for (r = 0; r < ts->nrep; r++)
        n += ts->rep[r]->n_finds;
    return n + ts->n_miss;
}

/* Puts r at position `at` of the reasons, the later ones moving down (the
 * last one drops out when all places are taken). */
static void insert_reason(ccad_reason *rs, uint32_t *n, uint32_t at, ccad_reason r)
{
    uint32_t k = *n < CCAD_ITEM_REASONS_MAX ? *n : CCAD_ITEM_REASONS_MAX - 1;
    if (at > k)
        at = k;
    memmove(&rs[at + 1], &rs[at], (k - at) * sizeof *rs);
    rs[at] = r;
    *n = k + 1;
}

static int check_out(const ccad_team_schedule *ts, size_t index, size_t count, int sizes_ok,
                     const char *fn)
{
    if (!sizes_ok)
        return ccad__fail(ts->ctx, CCAD_EVERSION, "%s: size not supported", fn);
    if (index >= count)
        return ccad__fail(ts->ctx, CCAD_ENOTFOUND, "%s: index %lu out of range", fn,
                          (unsigned long)index);
    return CCAD_OK;
}

int ccad_team_schedule_item(const ccad_team_schedule *ts, size_t index, ccad_team_item *out)
{
    static const char fn[] = "ccad_team_schedule_item";
    const struct titem *t;
    ccad_team_item v;
    int rc;
    if (ts == NULL)
        return CCAD_EINVAL;
    if (out == NULL)
        return ccad__fail(ts->ctx, CCAD_EINVAL, "%s: out is NULL", fn);
    if ((rc = check_out(ts, index, ts->n_items,
                        CCAD__SIZE_OK(out->size, ccad_team_item) &&
                            CCAD__SIZE_OK(out->item.size, ccad_item),
                        fn)) != 0)
        return rc;
    t = &ts->items[index];
    v = *out;
    if ((rc = ccad_schedule_item(ts->rep[t->owner], t->src, &v.item)) != 0)
        return rc;
    v.carrier = t->carrier;
    v.owner = t->owner;
    v.item.seq = t->seq;
    v.item.eta_min = t->eta;
    v.item.depart_min = t->depart;
    v.item.travel_min = t->travel;
    if (t->carrier != t->owner && ts->keep)
        insert_reason(v.item.reasons, &v.item.reason_count, 1,
                      ccad__plan_reason(CCAD_RULE_CAPACITY, CCAD_WHY_TEAM_CARRIER, t->added,
                                        t->carrier_count, ts->vpd[t->carrier]));
    *out = v;
    return CCAD_OK;
}

/* The finding of a delegated item no teammate could take. */
static int miss_finding(const ccad_team_schedule *ts, const struct tmiss *m, ccad_team_finding *v)
{
    ccad_item it = CCAD_ITEM_INIT;
    int rc = ccad_schedule_item(ts->rep[m->owner], m->src, &it);
    if (rc != 0)
        return rc;
    v->rep = m->owner;
    v->finding.kind = CCAD_FIND_UNPLANNED;
    v->finding.customer = it.customer;
    v->finding.date = it.date;
    v->finding.reason_count = 0;
    if (!ts->keep)
        return CCAD_OK;
    v->finding.reasons[0] = ccad__plan_reason(CCAD_RULE_CAPACITY, CCAD_WHY_TEAM_NO_CARRIER, it.date,
                                              m->present, it.delegated);
    v->finding.reason_count = it.reason_count < CCAD_ITEM_REASONS_MAX ? it.reason_count + 1
                                                                      : CCAD_ITEM_REASONS_MAX;
    memcpy(&v->finding.reasons[1], it.reasons, (v->finding.reason_count - 1) * sizeof *it.reasons);
    return CCAD_OK;
}

int ccad_team_schedule_finding(const ccad_team_schedule *ts, size_t index, ccad_team_finding *out)
{
    static const char fn[] = "ccad_team_schedule_finding";
    ccad_team_finding v;
    size_t r, at = index;
    int rc;
    if (ts == NULL)
        return CCAD_EINVAL;
    if (out == NULL)
        return ccad__fail(ts->ctx, CCAD_EINVAL, "%s: out is NULL", fn);
    if ((rc = check_out(ts, index, ccad_team_schedule_finding_count(ts),
                        CCAD__SIZE_OK(out->size, ccad_team_finding) &&
                            CCAD__SIZE_OK(out->finding.size, ccad_finding),
                        fn)) != 0)
        return rc;
    v = *out;
    memset(&v.finding.reasons, 0, sizeof v.finding.reasons);
    for (r = 0; r < ts->nrep; r++) {
        if (at < ts->rep[r]->n_finds) {
            v.rep = (uint32_t)r;
            if ((rc = ccad_schedule_finding(ts->rep[r], at, &v.finding)) != 0)
                return rc;
            *out = v;
            return CCAD_OK;
        }
        at -= ts->rep[r]->n_finds;
    }
    if ((rc = miss_finding(ts, &ts->miss[at], &v)) != 0)
        return rc;
    *out = v;
    return CCAD_OK;
}
