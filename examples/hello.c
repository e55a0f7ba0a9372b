#include <custcadence.h>
#include <stdio.h>

int main(void)
{
    ccad_ctx *ctx;
    ccad_rules *rules;
    ccad_book *book;
    ccad_customer c = CCAD_CUSTOMER_INIT;
    ccad_contact visit = CCAD_CONTACT_INIT;
    ccad_assessment a = CCAD_ASSESSMENT_INIT;
    int32_t today;
    size_t i, k;
    char line[160];

    if (ccad_ctx_new(&ctx, NULL) != CCAD_OK) return 1;  /* default host */
    ccad_rules_new(&rules, ctx);
    ccad_book_new(&book, ctx, 0);

    c.id = "acme-trading";
    c.value = 15000000;                  /* 150,000.00 in minor units */
    c.grade = CCAD_GRADE_A;              /* hand-set; else computed by rank */
    ccad_date_from_ymd(&c.purchase_date, 2026, 11, 27);
    if (ccad_book_add(book, &c, &i) != CCAD_OK)
        fprintf(stderr, "%s\n", ccad_ctx_errmsg(ctx));

    ccad_date_from_ymd(&visit.date, 2026, 11, 20);
    visit.outcome = CCAD_OUTCOME_PROGRESS;
    ccad_book_record(book, i, &visit);

    ccad_book_grade(book, rules);        /* after adds or value changes */
    ccad_date_from_ymd(&today, 2026, 11, 23);
    if (ccad_book_assess(book, rules, i, today, &a) == CCAD_OK)
        for (k = 0; k < a.reason_count; k++) {
            ccad_reason_format(line, sizeof line, &a.reasons[k], NULL);
            printf("%s\n", line);        /* e.g. "FREQ: 1 per 1 day: every 1 day" */
        }

    ccad_book_free(book);
    ccad_rules_free(rules);
    ccad_ctx_free(ctx);
    return 0;
}
