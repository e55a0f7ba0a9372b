/* read_schedule.c - one idea: reading a schedule back (docs/planning.md).
 *
 * A schedule is immutable once planned. It is read in three ways: the
 * totals of each day (ccad_schedule_day), the planned items in day order
 * (ccad_schedule_items, many in one call; ccad_schedule_item reads one),
 * each with the reasons it was planned, and the findings: what the plan
 * could not do or wants the rep to know (ccad_schedule_finding).
 *
 * Four customers are planned for a week of at most two visits a day.
 *
 * Build: cc read_schedule.c $(pkg-config --cflags --libs custcadence)
 */
#include <custcadence.h>
#include <stdio.h>
#include <stdlib.h>

struct sample {
    const char *id;
    int64_t value;         /* minor units */
    int last_contact_mday; /* November 2026; 0 = never contacted */
};

static const struct sample customers[] = {
    {"acme-trading", 15000000, 16},
    {"blue-river", 6000000, 2},
    {"cedar-works", 900000, 0},
    {"delta-foods", 300000, 10},
};

static int build_book(ccad_book *book, const ccad_rules *rules)
{
    size_t i;
    for (i = 0; i < sizeof customers / sizeof customers[0]; i++) {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        c.id = customers[i].id;
        c.value = customers[i].value;
        c.status = CCAD_STATUS_ACTIVE;
        if (customers[i].last_contact_mday > 0) {
            ccad_date_from_ymd(&c.last_contact, 2026, 11, customers[i].last_contact_mday);
            c.last_visit = c.last_contact;
            c.contacts = 1;
        }
        if (ccad_book_add(book, &c, NULL) != CCAD_OK)
            return -1;
    }
    return ccad_book_grade(book, rules) == CCAD_OK ? 0 : -1;
}

/* The days: how full each one is. */
static int print_days(const ccad_schedule *schedule, const ccad_plan_options *options)
{
    int32_t d;
    for (d = 0; d < options->days; d++) {
        ccad_day day = CCAD_DAY_INIT;
        char date[16];
        int weekday;
        if (ccad_schedule_day(schedule, options->first_day + d, &day) != CCAD_OK)
            return -1;
        ccad_date_format(date, sizeof date, day.date);
        ccad_date_weekday(&weekday, day.date);
        printf("%s %s: items %d, by the rep %d\n", ccad_name(CCAD_NAME_WEEKDAY, weekday), date,
               (int)day.items, (int)day.by_rep);
    }
    return 0;
}

/* The items, all read in one call into an array the caller owns; each
 * with the first line of why it is planned. */
static int print_items(const ccad_schedule *schedule, const ccad_book *book)
{
    size_t n = ccad_schedule_item_count(schedule), i;
    ccad_item *items = n > 0 ? malloc(n * sizeof *items) : NULL;
    if (n > 0 && items == NULL)
        return -1;
    if (n > 0) {
        ccad_item_init(&items[0]); /* the first element's size sets the stride */
        if (ccad_schedule_items(schedule, 0, n, items) != CCAD_OK) {
            free(items);
            return -1;
        }
    }
    for (i = 0; i < n; i++) {
        const ccad_item *it = &items[i];
        char date[16], why[160] = "";
        ccad_date_format(date, sizeof date, it->date);
        if (it->reason_count > 0)
            ccad_reason_format(why, sizeof why, &it->reasons[0], NULL);
        printf("%s #%d %s %s (%s): %s\n", date, (int)it->priority,
               ccad_name(CCAD_NAME_ITEM_KIND, it->kind), ccad_book_id(book, it->customer),
               ccad_name(CCAD_NAME_QUADRANT, it->quadrant), why);
    }
    free(items);
    return 0;
}

/* The findings, one at a time; customer -1 means the plan as a whole. */
static int print_findings(const ccad_schedule *schedule, const ccad_book *book)
{
    size_t n = ccad_schedule_finding_count(schedule), i;
    for (i = 0; i < n; i++) {
        ccad_finding f = CCAD_FINDING_INIT;
        char why[160] = "";
        if (ccad_schedule_finding(schedule, i, &f) != CCAD_OK)
            return -1;
        if (f.reason_count > 0)
            ccad_reason_format(why, sizeof why, &f.reasons[0], NULL);
        printf("finding %s %s: %s\n", ccad_name(CCAD_NAME_FINDING, f.kind),
               f.customer >= 0 ? ccad_book_id(book, (size_t)f.customer) : "(plan)", why);
    }
    return 0;
}

int main(void)
{
    ccad_ctx *ctx;
    ccad_rules *rules = NULL;
    ccad_book *book = NULL;
    ccad_schedule *schedule = NULL;
    ccad_plan_options options = CCAD_PLAN_OPTIONS_INIT;
    int rc = 1;

    if (ccad_ctx_new(&ctx, NULL) != CCAD_OK)
        return 1;
    if (ccad_rules_new(&rules, ctx) != CCAD_OK || ccad_book_new(&book, ctx, 0) != CCAD_OK ||
        build_book(book, rules) != 0)
        goto done;
    ccad_date_from_ymd(&options.first_day, 2026, 11, 23); /* a Monday */
    options.days = 7;
    options.visits_per_day = 2;
    if (ccad_schedule_new(&schedule, book, rules, &options) != CCAD_OK)
        goto done;
    printf("Days:\n");
    if (print_days(schedule, &options) != 0)
        goto done;
    printf("Items:\n");
    if (print_items(schedule, book) != 0)
        goto done;
    printf("Findings:\n");
    if (print_findings(schedule, book) != 0)
        goto done;
    rc = 0;
done:
    if (rc != 0)
        fprintf(stderr, "read_schedule: %s\n", ccad_ctx_errmsg(ctx));
    ccad_schedule_free(schedule);
    ccad_book_free(book);
    ccad_rules_free(rules);
    ccad_ctx_free(ctx);
    return rc;
}
