/* fuzz_contacts.c - customers, ccad_book_record() and assessments
 * (lib/book.c, lib/grade.c, lib/assess.c, lib/rules/, lib/brief.c).
 *
 * Input layout (every read past the end gives 0):
 *   byte       customers 1 + byte % 4; bits 6-7 the base day: near
 *              2026-01-01, near CCAD_DATE_MIN or near CCAD_DATE_MAX
 *   u16        base day offset
 *   byte       rules variant (bits select non-default parameters)
 *   per customer 15-16 bytes: id, value, grade, status, dates, volume, margin,
 *              complaint, visit window, contact summary (invalid values
 *              included: the add may fail)
 *   then 6 bytes per contact event (at most 64): customer index (n: out of
 *              range), date, kind (bits 0-2) + outcome (bits 3-5) + recorded
 *              (bits 6-7), next date, service, size tweak (255: a wrong
 *              size) - invalid values included. See make-corpus.py.
 *
 * Invariants after each ccad_book_record():
 * - it succeeds exactly when the contact is valid (oracle computed here);
 * - on error every customer is unchanged and the context's code is the
 *   code returned;
 * - on success only that customer changed: contacts + 1, last_contact never
 *   moves back (and is the later of the old one and the date),
 *   last_visit <= last_contact, next_step_date >= last_contact when set,
 *   no_progress <= contacts (when it held before), missing records and
 *   service counts as the contact says, complaint states consistent
 *   (opened -> open, resolved -> resolved, else unchanged, a date whenever a
 *   complaint is on record), a prospect that orders becomes active, and the
 *   stored customer is still valid input (ccad_book_update with itself).
 * Then the book is graded and every customer assessed on several days:
 * grade and quadrant 1..4, urgency and escalation in range, days_overdue >= 0
 * and consistent with the due date, due date valid or CCAD_NO_DATE,
 * reason_count <= CCAD_REASONS_MAX, every reason's rule and why code named,
 * ccad_reason_format() succeeds in 256 bytes, and ccad_book_assess_range()
 * agrees with ccad_book_assess(). */
#include "fuzz.h"

#include <string.h>

#include "custcadence.h"

#define MAXC 4

/* Field by field (the struct has padding), ids by text. */
static int same_customer(const ccad_customer *a, const ccad_customer *b)
{
    int k;
    for (k = 0; k < 4; k++)
        if (a->service_counts[k] != b->service_counts[k])
            return 0;
    return strcmp(a->id, b->id) == 0 && a->size == b->size && a->value == b->value &&
           a->grade == b->grade && a->status == b->status && a->purchase_date == b->purchase_date &&
           a->monthly_volume == b->monthly_volume && a->margin_bp == b->margin_bp &&
           a->capable == b->capable && a->has_location == b->has_location && a->x == b->x &&
           a->y == b->y && a->complaint == b->complaint && a->complaint_date == b->complaint_date &&
           a->request_date == b->request_date && a->visit_days == b->visit_days &&
           a->visit_open_min == b->visit_open_min && a->visit_close_min == b->visit_close_min &&
           a->owned_since == b->owned_since && a->last_contact == b->last_contact &&
           a->last_visit == b->last_visit && a->last_gap_days == b->last_gap_days &&
           a->contacts == b->contacts && a->no_progress == b->no_progress &&
           a->missing_records == b->missing_records && a->last_recorded == b->last_recorded &&
           a->next_step_date == b->next_step_date;
}

static void get(const ccad_book *book, size_t i, ccad_customer *out)
{
    ccad_customer c = CCAD_CUSTOMER_INIT;
    FUZZ_CHECK(ccad_book_get(book, i, &c) == CCAD_OK);
    *out = c;
}

static int32_t clamp32(int64_t d)
{
    return (int32_t)(d > INT32_MAX ? INT32_MAX : d <= INT32_MIN ? INT32_MIN + 1 : d);
}

static int date_ok(int32_t d) { return d >= CCAD_DATE_MIN && d <= CCAD_DATE_MAX; }
static int opt_date_ok(int32_t d) { return d == CCAD_NO_DATE || date_ok(d); }

/* A day near base, from one byte: mostly small offsets, sometimes far, out
 * of range or CCAD_NO_DATE. */
static int32_t pick_day(int32_t base, uint8_t b)
{
    int64_t d;
    switch (b >> 5) {
    case 0: return CCAD_NO_DATE;
    case 7:
        switch (b & 7) {
        case 0: return CCAD_DATE_MIN;
        case 1: return CCAD_DATE_MAX;
        case 2: return CCAD_DATE_MIN - 1;
        case 3: return CCAD_DATE_MAX + 1;
        case 4: return INT32_MAX;
        case 5: return CCAD_NO_DATE + 1;
        default: d = (int64_t)base + 400 * ((b & 7) - 5); break;
        }
        break;
    default: d = (int64_t)base + (int64_t)(b & 63) - 32; break;
    }
    return clamp32(d);
}

/* Copies values of the fuzzer's choice into the rules (some may be refused). */
static void pick_rules(ccad_rules *r, uint8_t v)
{
    if (v & 1)
        (void)ccad_rules_set(r, "grade.method", 1);
    if (v & 2) {
        (void)ccad_rules_set(r, "grade.use_d", 1);
        (void)ccad_rules_set(r, "freq.d_count", 1);
    }
    if (v & 4)
        (void)ccad_rules_set(r, "clock.any_contact", 0);
    if (v & 8)
        (void)ccad_rules_set(r, "never.due_now", 0);
    if (v & 16)
        (void)ccad_rules_set(r, "escalate.q4", 1);
    if (v & 32)
        (void)ccad_rules_set(r, "freq.work_days", 64); /* Sundays only */
    if (v & 64) {
        (void)ccad_rules_set(r, "stall.after", 1);
        (void)ccad_rules_set(r, "gap.half_life_days", 1);
        (void)ccad_rules_set(r, "followup.reminder_lead_days", 30);
        (void)ccad_rules_set(r, "complaint.care_after_days", 366);
        (void)ccad_rules_set(r, "ownership.days", 3660);
    }
    if (v & 128) {
        (void)ccad_rules_set(r, "quadrant.important", 15);
        (void)ccad_rules_set(r, "gap.grades", 15);
        (void)ccad_rules_set(r, "triage.margin_lift_bp", 1);
    }
}

static void add_customer(ccad_book *book, fuzz_bytes *in, int32_t base, int k)
{
    ccad_customer c = CCAD_CUSTOMER_INIT;
    char id[CCAD_ID_MAX + 8];
    uint8_t b0 = fuzz_u8(in), b;
    size_t before = ccad_book_count(book), index = 99;
    int rc;

    /* id: c<k>, a duplicate, empty, the longest allowed or one too long */
    switch (b0 & 7) {
    case 5: id[0] = '\0'; break;
    case 6:
        memset(id, 'x', CCAD_ID_MAX);
        id[CCAD_ID_MAX] = '\0';
        break;
    case 7:
        memset(id, 'y', CCAD_ID_MAX + 1);
        id[CCAD_ID_MAX + 1] = '\0';
        break;
    case 4: snprintf(id, sizeof id, "c%d", k > 0 ? k - 1 : 0); break;
    default: snprintf(id, sizeof id, "c%d", k); break;
    }
    c.id = id;
    b = fuzz_u8(in);
    c.value = (b == 255) ? -1 : (int64_t)b * 100000 * (b0 & 8 ? 1000 : 1);
    c.grade = (int)(fuzz_u8(in) % 7) - 1; /* -1..5: 0 computed, -1 and 5 invalid */
    c.status = (int)(fuzz_u8(in) % 7);    /* 0 and 6 invalid */
    c.purchase_date = pick_day(base, fuzz_u8(in));
    b = fuzz_u8(in);
    c.monthly_volume = b < 8 ? (int64_t)b - 2 : (int64_t)b * 100000;
    b = fuzz_u8(in);
    c.margin_bp = b < 4 ? (int32_t)b - 2 : b == 255 ? 10001 : (int32_t)b * 40;
    b = fuzz_u8(in);
    c.capable = b % 3 == 2 ? (b & 4 ? -1 : 2) : b % 3;
    c.complaint = (b >> 3) % 4 == 3 ? ((b & 128) ? -1 : 3) : (b >> 3) % 4;
    c.complaint_date = pick_day(base, fuzz_u8(in));
    c.request_date = pick_day(base, fuzz_u8(in));
    c.owned_since = pick_day(base, fuzz_u8(in));
    b = fuzz_u8(in);
    c.visit_days = b & 128 ? 128u + b : b & 127;
    c.has_location = (b & 64) ? 1 : 0;
    c.x = (double)(b & 15);
    c.y = (double)(b >> 4);
    b = fuzz_u8(in);
    if (b & 1) {
        c.visit_open_min = (int32_t)(b & 0x0e) * 100 - 200; /* may be negative or wide */
        c.visit_close_min = (int32_t)(b >> 4) * 100;
    }
    c.last_contact = pick_day(base, fuzz_u8(in));
    b = fuzz_u8(in);
    if (!(b & 1))
        c.last_visit = CCAD_NO_DATE;
    else if (c.last_contact == CCAD_NO_DATE)
        c.last_visit = (b & 2) ? base : CCAD_NO_DATE; /* a visit without a contact: refused */
    else
        c.last_visit = clamp32((int64_t)c.last_contact - (b >> 1) % 40 + 2);
    c.next_step_date = (b & 4) ? pick_day(base, fuzz_u8(in)) : CCAD_NO_DATE;
    b = fuzz_u8(in);
    switch (b & 3) {
    case 0: break;
    case 1:
        c.contacts = b >> 2;
        c.no_progress = (b >> 4) & 3;
        break;
    case 2: /* counts at the edge of overflow */
        c.contacts = UINT32_MAX - (b >> 6);
        c.no_progress = UINT32_MAX - ((b >> 4) & 3);
        c.missing_records = UINT32_MAX - ((b >> 2) & 1);
        c.service_counts[(b >> 3) & 3] = UINT32_MAX;
        break;
    default:
        c.contacts = 3;
        c.no_progress = 7;
        break; /* inconsistent, not checked by add */
    }
    c.last_gap_days = (b & 128) ? -2 : (b & 64) ? 10 : -1;
    c.last_recorded = (b0 & 16) ? 0 : (b0 & 32) ? 2 : 1;

    rc = ccad_book_add(book, &c, &index);
    if (rc == CCAD_OK) {
        ccad_customer back;
        FUZZ_CHECK(index == before && ccad_book_count(book) == before + 1);
        get(book, index, &back);
        FUZZ_CHECK(strcmp(back.id, id) == 0);
        FUZZ_CHECK(back.value == c.value && back.status == c.status && back.grade == c.grade);
        FUZZ_CHECK(back.last_contact == c.last_contact && back.contacts == c.contacts);
    } else {
        FUZZ_CHECK(ccad_book_count(book) == before && index == 99);
        FUZZ_CHECK(rc == CCAD_EINVAL || rc == CCAD_ERANGE || rc == CCAD_EEXIST);
    }
}

/* 1 if ccad_book_record() must accept the contact for customer `cur`. */
static int contact_valid(const ccad_contact *e, size_t index, size_t n, const ccad_customer *cur)
{
    if (e->size != sizeof(ccad_contact) || index >= n)
        return 0;
    if (!date_ok(e->date) || !opt_date_ok(e->next_date) ||
        (e->next_date != CCAD_NO_DATE && e->next_date < e->date))
        return 0;
    if (e->kind < 1 || e->kind > 5 || e->outcome < 1 || e->outcome > 5 ||
        (e->recorded != 0 && e->recorded != 1) || e->service_level < 0 || e->service_level > 4)
        return 0;
    if (e->outcome == CCAD_OUTCOME_COMPLAINT_RESOLVED && cur->complaint != CCAD_COMPLAINT_OPEN)
        return 0;
    if (cur->contacts == UINT32_MAX || (!e->recorded && cur->missing_records == UINT32_MAX) ||
        (e->service_level > 0 && cur->service_counts[e->service_level - 1] == UINT32_MAX) ||
        (e->outcome == CCAD_OUTCOME_NO_PROGRESS && cur->no_progress == UINT32_MAX))
        return 0;
    return 1;
}

static void record_one(ccad_book *book, ccad_ctx *ctx, fuzz_bytes *in, int32_t base)
{
    ccad_customer all[MAXC], cur = CCAD_CUSTOMER_INIT, now;
    char ids[MAXC][CCAD_ID_MAX + 1];
    ccad_contact e = CCAD_CONTACT_INIT;
    size_t n = ccad_book_count(book), index, i;
    uint8_t b;
    int rc, valid;

    for (i = 0; i < n; i++) {
        get(book, i, &all[i]);
        snprintf(ids[i], sizeof ids[i], "%s", all[i].id);
        all[i].id = ids[i];
    }
    index = fuzz_u8(in) % (n + 1); /* n: out of range */
    e.date = pick_day(base, fuzz_u8(in));
    b = fuzz_u8(in);
    e.kind = b & 7;           /* 0, 6, 7 invalid */
    e.outcome = (b >> 3) & 7; /* 0, 6, 7 invalid */
    e.recorded = b >> 6;      /* 2, 3 invalid */
    b = fuzz_u8(in);
    if (b < 96)
        e.next_date = CCAD_NO_DATE;
    else if (b < 240) /* from 4 days before the contact (invalid) to 59 after */
        e.next_date = e.date == CCAD_NO_DATE ? CCAD_NO_DATE
                                             : clamp32((int64_t)e.date + (b - 100) % 60);
    else
        e.next_date = pick_day(base, (uint8_t)(b * 37));
    b = fuzz_u8(in);
    e.service_level = b % 7 == 6 ? -1 : b % 7; /* -1 and 5 invalid */
    b = fuzz_u8(in);
    if (b == 255)
        e.size = (uint32_t)sizeof(ccad_contact) - 4;
    if (index < n)
        cur = all[index];

    valid = contact_valid(&e, index, n, &cur);
    rc = ccad_book_record(book, index, &e);
    FUZZ_CHECKF((rc == CCAD_OK) == (valid != 0),
                "rc %d (%s) but the contact is %svalid (date %ld next %ld kind %d outcome %d "
                "recorded %d service %d index %lu of %lu)",
                rc, ccad_ctx_errmsg(ctx), valid ? "" : "in", (long)e.date, (long)e.next_date,
                e.kind, e.outcome, e.recorded, e.service_level, (unsigned long)index,
                (unsigned long)n);
    FUZZ_CHECK(ccad_book_count(book) == n);
    if (rc != CCAD_OK) {
        FUZZ_CHECK(ccad_ctx_errcode(ctx) == rc);
        FUZZ_CHECK(rc == CCAD_EINVAL || rc == CCAD_EVERSION || rc == CCAD_ENOTFOUND ||
                   rc == CCAD_ERANGE || rc == CCAD_EOVERFLOW || rc == CCAD_ECONFLICT);
        for (i = 0; i < n; i++) {
            get(book, i, &now);
            FUZZ_CHECKF(same_customer(&now, &all[i]), "customer %lu changed by a failed record",
                        (unsigned long)i);
        }
        return;
    }
    for (i = 0; i < n; i++) {
        get(book, i, &now);
        if (i != index)
            FUZZ_CHECK(same_customer(&now, &all[i]));
    }
    get(book, index, &now);
    FUZZ_CHECK(strcmp(now.id, cur.id) == 0);
    FUZZ_CHECK(now.contacts == cur.contacts + 1);
    FUZZ_CHECK(now.last_contact != CCAD_NO_DATE);
    FUZZ_CHECK(now.last_contact >= cur.last_contact); /* CCAD_NO_DATE is INT32_MIN */
    FUZZ_CHECK(now.last_contact == (e.date > cur.last_contact ? e.date : cur.last_contact));
    FUZZ_CHECK(now.last_visit == CCAD_NO_DATE || now.last_visit <= now.last_contact);
    FUZZ_CHECK(now.last_visit >= cur.last_visit);
    if (e.kind == CCAD_CONTACT_VISIT)
        FUZZ_CHECK(now.last_visit >= e.date);
    else
        FUZZ_CHECK(now.last_visit == cur.last_visit);
    if (now.next_step_date != CCAD_NO_DATE)
        FUZZ_CHECKF(now.next_step_date >= now.last_contact, "next step %ld before last contact %ld",
                    (long)now.next_step_date, (long)now.last_contact);
    if (cur.no_progress <= cur.contacts)
        FUZZ_CHECK(now.no_progress <= now.contacts);
    FUZZ_CHECK(now.missing_records == cur.missing_records + (e.recorded ? 0u : 1u));
    for (i = 0; i < 4; i++)
        FUZZ_CHECK(now.service_counts[i] ==
                   cur.service_counts[i] + ((int)i + 1 == e.service_level ? 1u : 0u));
    FUZZ_CHECK(now.last_gap_days >= -1);
    if (e.date > cur.last_contact && cur.last_contact != CCAD_NO_DATE)
        FUZZ_CHECK(now.last_gap_days == e.date - cur.last_contact);
    else
        FUZZ_CHECK(now.last_gap_days == cur.last_gap_days);
    if (e.date >= cur.last_contact) {
        FUZZ_CHECK(now.next_step_date == e.next_date);
        FUZZ_CHECK(now.last_recorded == e.recorded);
        FUZZ_CHECK(now.no_progress ==
                   (e.outcome == CCAD_OUTCOME_NO_PROGRESS ? cur.no_progress + 1 : 0u));
    } else {
        FUZZ_CHECK(now.next_step_date == cur.next_step_date);
        FUZZ_CHECK(now.no_progress == cur.no_progress);
    }
    switch (e.outcome) {
    case CCAD_OUTCOME_COMPLAINT_OPENED:
        FUZZ_CHECK(now.complaint == CCAD_COMPLAINT_OPEN);
        FUZZ_CHECK(cur.complaint == CCAD_COMPLAINT_OPEN ? now.complaint_date == cur.complaint_date
                                                        : now.complaint_date == e.date);
        break;
    case CCAD_OUTCOME_COMPLAINT_RESOLVED:
        FUZZ_CHECK(cur.complaint == CCAD_COMPLAINT_OPEN);
        FUZZ_CHECK(now.complaint == CCAD_COMPLAINT_RESOLVED);
        FUZZ_CHECK(now.complaint_date >= cur.complaint_date && now.complaint_date >= e.date);
        break;
    default:
        FUZZ_CHECK(now.complaint == cur.complaint && now.complaint_date == cur.complaint_date);
        break;
    }
    FUZZ_CHECK(now.complaint >= CCAD_COMPLAINT_NONE && now.complaint <= CCAD_COMPLAINT_RESOLVED);
    if (now.complaint != CCAD_COMPLAINT_NONE)
        FUZZ_CHECK(date_ok(now.complaint_date));
    if (e.outcome == CCAD_OUTCOME_ORDER && cur.status == CCAD_STATUS_PROSPECT)
        FUZZ_CHECK(now.status == CCAD_STATUS_ACTIVE);
    else
        FUZZ_CHECK(now.status == cur.status);
    FUZZ_CHECK(now.value == cur.value && now.grade == cur.grade &&
               now.purchase_date == cur.purchase_date && now.request_date == cur.request_date &&
               now.owned_since == cur.owned_since && now.visit_days == cur.visit_days);
    /* What the book holds is valid input for the book. */
    rc = ccad_book_update(book, index, &now);
    FUZZ_CHECKF(rc == CCAD_OK, "the recorded customer is refused by ccad_book_update: %s",
                ccad_ctx_errmsg(ctx));
}

static void check_assessment(const ccad_book *book, const ccad_rules *rules, ccad_ctx *ctx,
                             size_t i, int32_t day)
{
    ccad_assessment a = CCAD_ASSESSMENT_INIT;
    ccad_brief brief;
    ccad_customer c;
    uint32_t k;
    int rc = ccad_book_assess(book, rules, i, day, &a);
    if (!date_ok(day)) {
        FUZZ_CHECK(rc == CCAD_ERANGE);
        return;
    }
    FUZZ_CHECKF(rc == CCAD_OK, "assess: %s", ccad_ctx_errmsg(ctx));
    get(book, i, &c);
    FUZZ_CHECK(a.today == day);
    FUZZ_CHECK(a.grade >= 1 && a.grade <= 4);
    FUZZ_CHECK(a.quadrant >= 1 && a.quadrant <= 4);
    FUZZ_CHECK(a.urgency >= 0 && a.urgency <= 3);
    FUZZ_CHECK(a.escalation >= 0 && a.escalation <= 3);
    FUZZ_CHECK(a.triage >= 0 && a.triage <= 3 && a.strategy >= 0 && a.strategy <= 3);
    FUZZ_CHECK(a.days_overdue >= 0);
    FUZZ_CHECK(a.due_date == CCAD_NO_DATE || date_ok(a.due_date));
    if (a.due_date == CCAD_NO_DATE) {
        FUZZ_CHECK(a.days_overdue == 0 && !(a.flags & (CCAD_F_DUE | CCAD_F_OVERDUE)));
    } else {
        FUZZ_CHECK(((a.flags & CCAD_F_DUE) != 0) == (a.due_date <= day));
        FUZZ_CHECK(((a.flags & CCAD_F_OVERDUE) != 0) == (a.due_date < day));
        FUZZ_CHECK(a.days_overdue == (a.due_date < day ? day - a.due_date : 0));
    }
    FUZZ_CHECK(a.reminder_date == CCAD_NO_DATE || date_ok(a.reminder_date));
    FUZZ_CHECK(a.care_date == CCAD_NO_DATE || date_ok(a.care_date));
    FUZZ_CHECK(a.ownership_end == CCAD_NO_DATE || date_ok(a.ownership_end));
    FUZZ_CHECK(a.temperature >= -1 && a.temperature <= 100);
    FUZZ_CHECK(a.days_since_contact >= -1);
    FUZZ_CHECK(a.contacts == c.contacts);
    FUZZ_CHECK(a.interval_days >= 0 && a.freq_count >= 0);
    FUZZ_CHECK(a.reason_count <= CCAD_REASONS_MAX);
    FUZZ_CHECK(a.grade_manual == (c.grade != CCAD_GRADE_NONE));
    if (c.grade != CCAD_GRADE_NONE)
        FUZZ_CHECK(a.grade == c.grade);
    for (k = 0; k < a.reason_count; k++) {
        const ccad_reason *r = &a.reasons[k];
        char buf[256];
        size_t len = 0;
        FUZZ_CHECKF(strcmp(ccad_rule_name(r->rule), "?") != 0, "reason %u rule %d", k,
                    (int)r->rule);
        FUZZ_CHECKF(strcmp(ccad_why_name(r->why), "?") != 0, "reason %u why %d", k, (int)r->why);
        FUZZ_CHECKF(strcmp(ccad_name(CCAD_NAME_WHY, r->why), "?") != 0, "why %d", (int)r->why);
        rc = ccad_reason_format(buf, sizeof buf, r, &len);
        FUZZ_CHECKF(rc == CCAD_OK, "ccad_reason_format %d for %s %lld %lld %lld", rc,
                    ccad_why_name(r->why), (long long)r->a, (long long)r->b, (long long)r->c);
        FUZZ_CHECK(len < sizeof buf && strlen(buf) == len && len > 0);
    }
    /* The batch form agrees with the single one. */
    memset(&brief, 0xa5, sizeof brief);
    rc = ccad_book_assess_range(book, rules, i, 1, day, &brief, sizeof brief);
    FUZZ_CHECK(rc == CCAD_OK);
    FUZZ_CHECK(brief.due_date == a.due_date && brief.days_overdue == a.days_overdue);
    FUZZ_CHECK(brief.flags == (a.flags & ~(uint32_t)CCAD_F_REASONS_TRUNCATED));
    FUZZ_CHECK(brief.grade == a.grade && brief.urgency == a.urgency &&
               brief.quadrant == a.quadrant && brief.escalation == a.escalation);
}

static void assess_all(ccad_book *book, const ccad_rules *rules, ccad_ctx *ctx, int32_t base,
                       uint8_t pick)
{
    size_t n = ccad_book_count(book), i;
    ccad_assessment a = CCAD_ASSESSMENT_INIT;
    int rc;
    if (n > 0) {
        rc = ccad_book_assess(book, rules, 0, base, &a);
        FUZZ_CHECK(rc == CCAD_ESTALE || rc == CCAD_OK || rc == CCAD_ERANGE);
    }
    FUZZ_CHECKF(ccad_book_grade(book, rules) == CCAD_OK, "grade: %s", ccad_ctx_errmsg(ctx));
    for (i = 0; i < n; i++) {
        ccad_customer c;
        int32_t days[6];
        size_t k;
        get(book, i, &c);
        days[0] = base;
        days[1] = pick_day(base, pick);
        days[2] = CCAD_DATE_MIN;
        days[3] = CCAD_DATE_MAX;
        days[4] = c.last_contact == CCAD_NO_DATE ? base + 40 : c.last_contact;
        days[5] = c.next_step_date == CCAD_NO_DATE ? base - 40 : c.next_step_date + 1;
        for (k = 0; k < 6; k++)
            if (days[k] != CCAD_NO_DATE)
                check_assessment(book, rules, ctx, i, days[k]);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_bytes in = {data, size, 0};
    ccad_ctx *ctx = NULL;
    ccad_rules *rules = NULL;
    ccad_book *book = NULL;
    uint8_t head = fuzz_u8(&in), mode;
    uint16_t off = fuzz_u16(&in);
    int32_t base, d2026 = 0;
    int ncust = 1 + head % MAXC, k, events = 0;

    FUZZ_CHECK(ccad_ctx_new(&ctx, NULL) == CCAD_OK);
    FUZZ_CHECK(ccad_rules_new(&rules, ctx) == CCAD_OK);
    FUZZ_CHECK(ccad_book_new(&book, ctx, 0) == CCAD_OK);
    FUZZ_CHECK(ccad_date_from_ymd(&d2026, 2026, 1, 1) == CCAD_OK);
    pick_rules(rules, fuzz_u8(&in));
    mode = (uint8_t)(head >> 6);
    base = mode == 1   ? CCAD_DATE_MIN + (off & 127)
           : mode == 2 ? CCAD_DATE_MAX - (off & 127)
                       : d2026 + (off & 1023);
    for (k = 0; k < ncust; k++)
        add_customer(book, &in, base, k);
    while (fuzz_left(&in) && events < 64) {
        record_one(book, ctx, &in, base);
        events++;
        if (events % 16 == 0)
            assess_all(book, rules, ctx, base, (uint8_t)events);
    }
    assess_all(book, rules, ctx, base, (uint8_t)(head ^ off));
    ccad_book_free(book);
    ccad_rules_free(rules);
    ccad_ctx_free(ctx);
    return 0;
}
