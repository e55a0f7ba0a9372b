/* The schedule's readers: items, findings, day totals and reminders. */
#include "plan.h"

#include <string.h>

void ccad_schedule_free(ccad_schedule *s)
{
    if (s != NULL)
        ccad__plan_free_parts(s->ctx, s);
}

size_t ccad_schedule_item_count(const ccad_schedule *s) { return s == NULL ? 0 : s->n_items; }
size_t ccad_schedule_finding_count(const ccad_schedule *s) { return s == NULL ? 0 : s->n_finds; }
size_t ccad_item_reasons_max(void) { return CCAD_ITEM_REASONS_MAX; }

int ccad_schedule_item(const ccad_schedule *s, size_t index, ccad_item *out)
{
    ccad_item it;
    const struct item_rec *r;
    if (s == NULL)
        return CCAD_EINVAL;
    if (out == NULL)
        return ccad__fail(s->ctx, CCAD_EINVAL, "ccad_schedule_item: out is NULL");
    if (!CCAD__SIZE_OK(out->size, ccad_item))
        return ccad__fail(s->ctx, CCAD_EVERSION,
                          "ccad_schedule_item: ccad_item.size not supported");
    if (index >= s->n_items)
        return ccad__fail(s->ctx, CCAD_ENOTFOUND, "ccad_schedule_item: index %lu out of range",
                          (unsigned long)index);
    r = &s->items[index];
    memset(&it, 0, sizeof it);
    it.size = out->size;
    it.date = r->date;
    it.customer = r->customer;
    it.kind = r->kind;
    it.quadrant = r->quadrant;
    it.priority = (int32_t)r->priority;
    it.delegated = r->delegated;
    it.rolled_from = r->rolled_from;
    it.reminder_date = r->reminder;
    it.block_day = r->block_day;
    it.seq = r->seq;
    it.eta_min = r->eta;
    it.depart_min = r->depart;
    it.travel_min = r->travel;
    it.late = r->late;
    it.reason_count = r->reason_n;
    if (r->reason_n > 0)
        memcpy(it.reasons, s->reasons + r->reason_off, r->reason_n * sizeof *it.reasons);
    if (s->keep && r->moved_from != CCAD_NO_DATE && it.reason_count < CCAD_ITEM_REASONS_MAX) {
        ccad_reason *m = &it.reasons[it.reason_count++];
        m->rule = CCAD_RULE_ROUTE;
        m->why = CCAD_WHY_ROUTE_DAY;
        m->a = r->moved_from;
        m->b = r->saved;
        m->c = 0;
    }
    *out = it;
    return CCAD_OK;
}

int ccad_schedule_items(const ccad_schedule *s, size_t first, size_t count, ccad_item *out)
{
    size_t k;
    uint32_t size;
    if (s == NULL)
        return CCAD_EINVAL;
    if (count == 0)
        return CCAD_OK;
    if (out == NULL)
        return ccad__fail(s->ctx, CCAD_EINVAL, "ccad_schedule_items: out is NULL");
    size = out[0].size;
    if (!CCAD__SIZE_OK(size, ccad_item))
        return ccad__fail(s->ctx, CCAD_EVERSION,
                          "ccad_schedule_items: ccad_item.size not supported");
    if (first > s->n_items || count > s->n_items - first)
        return ccad__fail(s->ctx, CCAD_ENOTFOUND,
                          "ccad_schedule_items: items %lu..%lu run past the last (%lu items)",
                          (unsigned long)first, (unsigned long)(first + count - 1),
                          (unsigned long)s->n_items);
    for (k = 0; k < count; k++) {
        ccad_item *o = (ccad_item *)((char *)out + k * size);
        o->size = size;
        (void)ccad_schedule_item(s, first + k, o);
    }
    return CCAD_OK;
}

int ccad_schedule_finding(const ccad_schedule *s, size_t index, ccad_finding *out)
{
    ccad_finding f;
    const struct find_rec *r;
    if (s == NULL)
        return CCAD_EINVAL;
    if (out == NULL)
        return ccad__fail(s->ctx, CCAD_EINVAL, "ccad_schedule_finding: out is NULL");
    if (!CCAD__SIZE_OK(out->size, ccad_finding))
        return ccad__fail(s->ctx, CCAD_EVERSION,
                          "ccad_schedule_finding: ccad_finding.size not supported");
    if (index >= s->n_finds)
        return ccad__fail(s->ctx, CCAD_ENOTFOUND, "ccad_schedule_finding: index %lu out of range",
                          (unsigned long)index);
    r = &s->finds[index];
    memset(&f, 0, sizeof f);
    f.size = out->size;
    f.kind = r->kind;
    f.customer = r->customer;
    f.date = r->date;
    f.reason_count = r->reason_n;
    if (r->reason_n > 0)
        memcpy(f.reasons, s->reasons + r->reason_off, r->reason_n * sizeof *f.reasons);
    *out = f;
    return CCAD_OK;
}

int ccad_schedule_day(const ccad_schedule *s, int32_t day, ccad_day *out)
{
    ccad_day r;
    size_t lo = 0, hi, i;
    int32_t di;
    if (s == NULL)
        return CCAD_EINVAL;
    if (out == NULL)
        return ccad__fail(s->ctx, CCAD_EINVAL, "ccad_schedule_day: out is NULL");
    if (!CCAD__SIZE_OK(out->size, ccad_day))
        return ccad__fail(s->ctx, CCAD_EVERSION, "ccad_schedule_day: ccad_day.size not supported");
    if (day < s->first_day || day >= s->first_day + s->days)
        return ccad__fail(s->ctx, CCAD_ENOTFOUND, "ccad_schedule_day: day outside the schedule");
    di = day - s->first_day;
    memset(&r, 0, sizeof r);
    r.size = out->size;
    r.date = day;
    r.flags = s->day_flags[di];
    r.travel_min = s->day_travel[di];
    r.back_min = s->day_back[di];
    hi = s->n_items;
    while (lo < hi) { /* first item of the day */
        size_t mid = lo + (hi - lo) / 2;
        if (s->items[mid].date < day)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (i = lo; i < s->n_items && s->items[i].date == day; i++) {
        const struct item_rec *it = &s->items[i];
        r.items++;
        if (it->kind == CCAD_ITEM_TOUCH)
            r.touches++;
        else if (it->delegated != CCAD_BY_REP)
            r.delegated++;
        else {
            r.by_rep++;
            r.service_min += it->svc;
        }
        r.stops += it->seq > 0;
        r.late += it->late;
    }
    *out = r;
    return CCAD_OK;
}

int ccad_schedule_reminders(const ccad_schedule *s, int32_t day, size_t *out_indices, size_t cap,
                            size_t *out_count)
{
    size_t i, n = 0;
    if (s == NULL)
        return CCAD_EINVAL;
    if (out_count == NULL || (out_indices == NULL && cap > 0))
        return ccad__fail(s->ctx, CCAD_EINVAL, "ccad_schedule_reminders: NULL argument");
    for (i = 0; i < s->n_items; i++)
        if (s->items[i].reminder == day) {
            if (n < cap)
                out_indices[n] = i;
            n++;
        }
    *out_count = n;
    return n <= cap ? CCAD_OK : CCAD_ENOSPC;
}
