/* ffi-scenario: the scenario every FFI example (bindings/node,
 * examples/rust) drives, written in C. Its output is the reference the
 * other languages' outputs must equal line for line (docs/ffi.md,
 * "The shared scenario").
 *
 * Context with a clock callback, a rules text whose grade A threshold
 * needs 64 bits, a book of four customers, contacts recorded, grading,
 * assessments with their reasons, a 5-day schedule, and a clock callback
 * that fails. */
#include <stdio.h>
#include <string.h>

#include "custcadence.h"

#define CHECK(call) \
    do { \
        int rc_ = (call); \
        if (rc_ != CCAD_OK) { \
            fprintf(stderr, "%s: %s\n", #call, ccad_strerror(rc_)); \
            return 1; \
        } \
    } while (0)

static int clock_at(void *user, int64_t *out_local_seconds)
{
    *out_local_seconds = *(const int32_t *)user * (int64_t)86400 + 9 * 3600;
    return 0;
}

static int clock_broken(void *user, int64_t *out_local_seconds)
{
    (void)user;
    (void)out_local_seconds;
    return -1;
}

static const char *day_text(int32_t day, char *buf)
{
    if (ccad_date_format(buf, 11, day) != CCAD_OK)
        strcpy(buf, "-");
    return buf;
}

static int print_assessment(const ccad_book *book, const ccad_rules *rules, size_t i, int32_t today)
{
    ccad_assessment a;
    char date[16], line[256];
    uint32_t r;
    ccad_assessment_init(&a);
    CHECK(ccad_book_assess(book, rules, i, today, &a));
    printf("assess %s grade=%s quadrant=%s due=%s flags=0x%x reasons=%u\n", ccad_book_id(book, i),
           ccad_name(CCAD_NAME_GRADE, a.grade), ccad_name(CCAD_NAME_QUADRANT, a.quadrant),
           day_text(a.due_date, date), (unsigned)a.flags, (unsigned)a.reason_count);
    for (r = 0; r < a.reason_count; r++) {
        ccad_reason_format(line, sizeof line, &a.reasons[r], NULL);
        printf("  %s\n", line);
    }
    return 0;
}

static int add_customer(ccad_book *book, const char *id, int64_t value, int32_t complaint_date)
{
    ccad_customer c;
    ccad_customer_init(&c);
    c.id = id;
    c.value = value;
    c.status = CCAD_STATUS_ACTIVE;
    if (complaint_date != CCAD_NO_DATE) {
        c.complaint = CCAD_COMPLAINT_OPEN;
        c.complaint_date = complaint_date;
    }
    return ccad_book_add(book, &c, NULL);
}

static int record(ccad_book *book, const char *id, int32_t date, int kind, int outcome,
                  int32_t next)
{
    ccad_contact k;
    size_t index;
    int rc = ccad_book_find(book, id, &index);
    if (rc != CCAD_OK)
        return rc;
    ccad_contact_init(&k);
    k.date = date;
    k.kind = kind;
    k.outcome = outcome;
    k.next_date = next;
    return ccad_book_record(book, index, &k);
}

static int print_schedule(const ccad_book *book, const ccad_rules *rules, int32_t today)
{
    ccad_plan_options o;
    ccad_schedule *s = NULL;
    size_t i;
    char date[16];
    ccad_plan_options_init(&o);
    o.first_day = today;
    o.days = 5;
    o.visits_per_day = 2;
    CHECK(ccad_schedule_new(&s, book, rules, &o));
    printf("schedule items=%zu findings=%zu\n", ccad_schedule_item_count(s),
           ccad_schedule_finding_count(s));
    for (i = 0; i < ccad_schedule_item_count(s); i++) {
        ccad_item it;
        ccad_item_init(&it);
        CHECK(ccad_schedule_item(s, i, &it));
        printf("item %s %s %s by=%s\n", day_text(it.date, date), ccad_book_id(book, it.customer),
               ccad_name(CCAD_NAME_ITEM_KIND, it.kind),
               ccad_name(CCAD_NAME_DELEGATION, it.delegated));
    }
    for (i = 0; i < ccad_schedule_finding_count(s); i++) {
        ccad_finding f;
        ccad_finding_init(&f);
        CHECK(ccad_schedule_finding(s, i, &f));
        printf("finding %s %s\n", ccad_name(CCAD_NAME_FINDING, f.kind),
               f.customer < 0 ? "-" : ccad_book_id(book, (size_t)f.customer));
    }
    ccad_schedule_free(s);
    return 0;
}

static int failing_callback(void)
{
    ccad_host h;
    ccad_ctx *ctx = NULL;
    int32_t day = 0;
    int rc;
    ccad_host_init(&h);
    h.clock = clock_broken;
    CHECK(ccad_ctx_new(&ctx, &h));
    rc = ccad_ctx_today(ctx, &day);
    printf("broken clock: %d %s: %s\n", rc, ccad_strerror(rc), ccad_ctx_errmsg(ctx));
    ccad_ctx_free(ctx);
    return 0;
}

static const char RULES_TEXT[] = "grade.method = threshold\n"
                                 "grade.threshold_a = 10000000000\n"
                                 "grade.threshold_b = 50000000\n";

int main(void)
{
    int32_t start = 0, today = 0, d;
    int64_t threshold = 0;
    ccad_host h;
    ccad_ctx *ctx = NULL;
    ccad_rules *rules = NULL;
    ccad_book *book = NULL;
    size_t i;
    int rc = 1;

    CHECK(ccad_date_from_ymd(&start, 2026, 3, 2));
    ccad_host_init(&h);
    h.user = &start;
    h.clock = clock_at;
    CHECK(ccad_ctx_new(&ctx, &h));
    if (ccad_ctx_today(ctx, &today) != CCAD_OK || ccad_rules_new(&rules, ctx) != CCAD_OK ||
        ccad_rules_parse(rules, RULES_TEXT, strlen(RULES_TEXT)) != CCAD_OK ||
        ccad_rules_get(rules, "grade.threshold_a", &threshold) != CCAD_OK ||
        ccad_book_new(&book, ctx, 0) != CCAD_OK)
        goto out;
    printf("version %s today %d threshold_a %lld\n", ccad_version_string(), (int)today,
           (long long)threshold);
    d = today;
    if (add_customer(book, "acme", 12000000000LL, CCAD_NO_DATE) ||
        add_customer(book, "bolt", 80000000, CCAD_NO_DATE) ||
        add_customer(book, "cask", 3000000, d - 3) ||
        add_customer(book, "dune", 900000, CCAD_NO_DATE))
        goto out;
    if (record(book, "acme", d - 20, CCAD_CONTACT_VISIT, CCAD_OUTCOME_PROGRESS, d + 1) ||
        record(book, "bolt", d - 45, CCAD_CONTACT_CALL, CCAD_OUTCOME_NO_PROGRESS, CCAD_NO_DATE) ||
        record(book, "cask", d - 5, CCAD_CONTACT_VISIT, CCAD_OUTCOME_PROGRESS, CCAD_NO_DATE) ||
        ccad_book_grade(book, rules))
        goto out;
    for (i = 0; i < ccad_book_count(book); i++)
        if (print_assessment(book, rules, i, today))
            goto out;
    if (print_schedule(book, rules, today) || failing_callback())
        goto out;
    rc = 0;
out:
    if (rc)
        fprintf(stderr, "ffi-scenario: %s\n", ccad_ctx_errmsg(ctx));
    ccad_book_free(book);
    ccad_rules_free(rules);
    ccad_ctx_free(ctx);
    return rc;
}
