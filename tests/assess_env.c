/* Helpers of tests/assess_env.h. */
#include "assess_env.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An active customer with a hand-set grade, enough contacts for PATIENCE,
 * a recorded latest contact and no next step. */
ccad_customer cust(const char *id, int grade, int32_t last)
{
    tu_cust_spec spec = {id, grade, CCAD_STATUS_ACTIVE, 1000, last, 10};
    return tu_customer(&spec);
}

size_t add(tu_fixture *f, const ccad_customer *c)
{
    size_t i = 0;
    TU_PASS(f->ctx, ccad_book_add(f->b, c, &i));
    return i;
}

ccad_assessment assess(tu_fixture *f, size_t i, int32_t today)
{
    ccad_assessment a = CCAD_ASSESSMENT_INIT;
    TU_PASS(f->ctx, ccad_book_grade(f->b, f->r));
    TU_PASS(f->ctx, ccad_book_assess(f->b, f->r, i, today, &a));
    return a;
}

/* Adds c and assesses it on TODAY. */
ccad_assessment add_assess(tu_fixture *f, const ccad_customer *c)
{
    return assess(f, add(f, c), TODAY);
}

const ccad_reason *why(const ccad_assessment *a, int code)
{
    uint32_t k;
    for (k = 0; k < a->reason_count; k++)
        if (a->reasons[k].why == code)
            return &a->reasons[k];
    return NULL;
}

void set(tu_fixture *f, const char *name, int64_t v)
{
    TU_PASS(f->ctx, ccad_rules_set(f->r, name, v));
}

int expected_rule(int w)
{
    switch (w) {
    case CCAD_WHY_GRADE_MANUAL:
    case CCAD_WHY_GRADE_RANK:
    case CCAD_WHY_GRADE_THRESHOLD: return CCAD_RULE_GRADE;
    case CCAD_WHY_URGENCY_PURCHASE:
    case CCAD_WHY_URGENCY_COMPLAINT:
    case CCAD_WHY_URGENCY_REQUEST:
    case CCAD_WHY_URGENCY_PASSED:
    case CCAD_WHY_DUE_EVENT: return CCAD_RULE_URGENCY;
    case CCAD_WHY_QUADRANT: return CCAD_RULE_QUADRANT;
    case CCAD_WHY_FREQ:
    case CCAD_WHY_FREQ_NONE:
    case CCAD_WHY_FREQ_LET_GO:
    case CCAD_WHY_FREQ_RAMP:
    case CCAD_WHY_INACTIVE: return CCAD_RULE_FREQ;
    case CCAD_WHY_DUE:
    case CCAD_WHY_Q1_VISITS_ONLY: return CCAD_RULE_CLOCK;
    case CCAD_WHY_DUE_NEXT_STEP:
    case CCAD_WHY_NO_RECORD:
    case CCAD_WHY_NO_NEXT_STEP:
    case CCAD_WHY_REMINDER: return CCAD_RULE_FOLLOWUP;
    case CCAD_WHY_OVERDUE: return CCAD_RULE_ESCALATE;
    case CCAD_WHY_GAP_WARN:
    case CCAD_WHY_GAP_ALERT: return CCAD_RULE_GAP;
    case CCAD_WHY_STALLED: return CCAD_RULE_STALL;
    case CCAD_WHY_PATIENCE:
    case CCAD_WHY_PATIENCE_RHYTHM:
    case CCAD_WHY_RELEASED_EARLY:
    case CCAD_WHY_PATIENCE_RUN: return CCAD_RULE_PATIENCE;
    case CCAD_WHY_RECORD_LATE:
    case CCAD_WHY_RECORD_INCOMPLETE: return CCAD_RULE_FOLLOWUP;
    case CCAD_WHY_STALL_REPEATED:
    case CCAD_WHY_STALL_NO_CLOSE: return CCAD_RULE_STALL;
    case CCAD_WHY_PERSIST_LACKING: return CCAD_RULE_PERSIST;
    case CCAD_WHY_OWNERSHIP: return CCAD_RULE_OWNERSHIP;
    case CCAD_WHY_TRIAGE:
    case CCAD_WHY_TRIAGE_MARGIN:
    case CCAD_WHY_TRIAGE_SHARE:
    case CCAD_WHY_TRIAGE_RANK: return CCAD_RULE_TRIAGE;
    case CCAD_WHY_COMPLAINT_OPEN:
    case CCAD_WHY_COMPLAINT_CARE: return CCAD_RULE_COMPLAINT;
    case CCAD_WHY_NEVER_CONTACTED: return CCAD_RULE_NEVER;
    case CCAD_WHY_SERVICE: return CCAD_RULE_SERVICE;
    default: return 0;
    }
}
