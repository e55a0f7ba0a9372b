/* Names of enumeration values (ccad_name, ccad_name_parse) and the kinds of
 * reason figures (ccad_why_figure). */
#include "testutil.h"

#include <string.h>

/* Every value of every kind, with its name. */
typedef struct named {
    int value;
    const char *name;
} named;

static const named grades[] = {{0, "-"}, {1, "A"}, {2, "B"}, {3, "C"}, {4, "D"}};
static const named statuses[] = {
    {1, "prospect"}, {2, "active"}, {3, "key"}, {4, "released"}, {5, "eliminated"}};
static const named complaints[] = {{0, "none"}, {1, "open"}, {2, "resolved"}};
static const named kinds[] = {
    {1, "visit"}, {2, "call"}, {3, "message"}, {4, "email"}, {5, "other"}};
static const named outcomes[] = {{1, "progress"},
                                 {2, "no_progress"},
                                 {3, "order"},
                                 {4, "complaint_opened"},
                                 {5, "complaint_resolved"}};
static const named services[] = {
    {0, "none"}, {1, "basic"}, {2, "satisfying"}, {3, "value_added"}, {4, "moving"}};
static const named triages[] = {{0, "none"}, {1, "self_driven"}, {2, "push"}, {3, "unmovable"}};
static const named strategies[] = {{0, "none"}, {1, "let_go"}, {2, "persist"}, {3, "give_up"}};
static const named escalations[] = {{0, "none"}, {1, "rep"}, {2, "manager"}, {3, "reassign"}};
static const named urgencies[] = {{0, "none"}, {1, "two_weeks"}, {2, "week"}, {3, "event"}};
static const named quadrants[] = {{1, "Q1"}, {2, "Q2"}, {3, "Q3"}, {4, "Q4"}};
static const named weekdays[] = {{1, "Mon"}, {2, "Tue"}, {3, "Wed"}, {4, "Thu"},
                                 {5, "Fri"}, {6, "Sat"}, {7, "Sun"}};
static const named item_kinds[] = {{CCAD_ITEM_VISIT, "visit"},
                                   {CCAD_ITEM_CALL, "call"},
                                   {CCAD_ITEM_PERSIST, "persist"},
                                   {CCAD_ITEM_CARE, "care"},
                                   {CCAD_ITEM_TOUCH, "touch"}};
static const named delegations[] = {
    {CCAD_BY_REP, "rep"}, {CCAD_BY_COLLEAGUE, "colleague"}, {CCAD_BY_SUBSTITUTE, "substitute"}};
static const named findings[] = {
    {CCAD_FIND_UNPLANNED, "unplanned"},
    {CCAD_FIND_OVERDUE, "overdue"},
    {CCAD_FIND_COOLING, "cooling"},
    {CCAD_FIND_COLD, "cold"},
    {CCAD_FIND_STALLED, "stalled"},
    {CCAD_FIND_RELEASE_RISK, "release_risk"},
    {CCAD_FIND_NEVER_CONTACTED, "never_contacted"},
    {CCAD_FIND_OVER_CAPACITY, "over_capacity"},
    {CCAD_FIND_DROPPED, "dropped"},
    {CCAD_FIND_GAP, "gap"},
    {CCAD_FIND_PLATFORM, "platform"},
    {CCAD_FIND_ROUTE, "route"},
    {CCAD_FIND_RELEASE_PROPOSED, "release_proposed"},
    {CCAD_FIND_ASSIGN_PROPOSED, "assign_proposed"},
    {CCAD_FIND_MOVE_PROPOSED, "move_proposed"},
    {CCAD_FIND_PERSIST_LACKING, "persist_lacking"},
};
static const named flags[] = {
    {CCAD_F_DUE, "DUE"},
    {CCAD_F_OVERDUE, "OVERDUE"},
    {CCAD_F_COOLING, "COOLING"},
    {CCAD_F_COLD, "COLD"},
    {CCAD_F_STALLED, "STALLED"},
    {CCAD_F_NEVER_CONTACTED, "NEVER_CONTACTED"},
    {CCAD_F_NO_RECORD, "NO_RECORD"},
    {CCAD_F_NO_NEXT_STEP, "NO_NEXT_STEP"},
    {CCAD_F_RELEASE_PREMATURE, "RELEASE_PREMATURE"},
    {CCAD_F_RELEASED_EARLY, "RELEASED_EARLY"},
    {CCAD_F_COMPLAINT_OPEN, "COMPLAINT_OPEN"},
    {CCAD_F_CARE_DUE, "CARE_DUE"},
    {CCAD_F_REMINDER, "REMINDER"},
    {CCAD_F_INACTIVE, "INACTIVE"},
    {CCAD_F_REASONS_TRUNCATED, "REASONS_TRUNCATED"},
    {CCAD_F_RECORD_LATE, "RECORD_LATE"},
    {CCAD_F_RECORD_INCOMPLETE, "RECORD_INCOMPLETE"},
};
static const named rules[] = {
    {CCAD_RULE_GRADE, "GRADE"},
    {CCAD_RULE_URGENCY, "URGENCY"},
    {CCAD_RULE_QUADRANT, "QUADRANT"},
    {CCAD_RULE_FREQ, "FREQ"},
    {CCAD_RULE_WORKLOAD, "WORKLOAD"},
    {CCAD_RULE_CAPACITY, "CAPACITY"},
    {CCAD_RULE_GAP, "GAP"},
    {CCAD_RULE_FOLLOWUP, "FOLLOWUP"},
    {CCAD_RULE_STALL, "STALL"},
    {CCAD_RULE_PATIENCE, "PATIENCE"},
    {CCAD_RULE_TRIAGE, "TRIAGE"},
    {CCAD_RULE_PERSIST, "PERSIST"},
    {CCAD_RULE_COMPLAINT, "COMPLAINT"},
    {CCAD_RULE_PLATFORM, "PLATFORM"},
    {CCAD_RULE_KEEPWARM, "KEEPWARM"},
    {CCAD_RULE_ROUTE, "ROUTE"},
    {CCAD_RULE_SERVICE, "SERVICE"},
    {CCAD_RULE_EXPLAIN, "EXPLAIN"},
    {CCAD_RULE_CLOCK, "CLOCK"},
    {CCAD_RULE_ESCALATE, "ESCALATE"},
    {CCAD_RULE_OWNERSHIP, "OWNERSHIP"},
    {CCAD_RULE_NEVER, "NEVER"},
};
static const named whys[] = {
    {CCAD_WHY_GRADE_MANUAL, "GRADE_MANUAL"},
    {CCAD_WHY_GRADE_RANK, "GRADE_RANK"},
    {CCAD_WHY_GRADE_THRESHOLD, "GRADE_THRESHOLD"},
    {CCAD_WHY_URGENCY_PURCHASE, "URGENCY_PURCHASE"},
    {CCAD_WHY_URGENCY_COMPLAINT, "URGENCY_COMPLAINT"},
    {CCAD_WHY_URGENCY_REQUEST, "URGENCY_REQUEST"},
    {CCAD_WHY_URGENCY_PASSED, "URGENCY_PASSED"},
    {CCAD_WHY_QUADRANT, "QUADRANT"},
    {CCAD_WHY_FREQ, "FREQ"},
    {CCAD_WHY_FREQ_NONE, "FREQ_NONE"},
    {CCAD_WHY_FREQ_LET_GO, "FREQ_LET_GO"},
    {CCAD_WHY_DUE, "DUE"},
    {CCAD_WHY_DUE_NEXT_STEP, "DUE_NEXT_STEP"},
    {CCAD_WHY_DUE_EVENT, "DUE_EVENT"},
    {CCAD_WHY_OVERDUE, "OVERDUE"},
    {CCAD_WHY_GAP_WARN, "GAP_WARN"},
    {CCAD_WHY_GAP_ALERT, "GAP_ALERT"},
    {CCAD_WHY_NO_RECORD, "NO_RECORD"},
    {CCAD_WHY_NO_NEXT_STEP, "NO_NEXT_STEP"},
    {CCAD_WHY_REMINDER, "REMINDER"},
    {CCAD_WHY_STALLED, "STALLED"},
    {CCAD_WHY_PATIENCE, "PATIENCE"},
    {CCAD_WHY_PATIENCE_RHYTHM, "PATIENCE_RHYTHM"},
    {CCAD_WHY_RELEASED_EARLY, "RELEASED_EARLY"},
    {CCAD_WHY_OWNERSHIP, "OWNERSHIP"},
    {CCAD_WHY_TRIAGE, "TRIAGE"},
    {CCAD_WHY_TRIAGE_MARGIN, "TRIAGE_MARGIN"},
    {CCAD_WHY_COMPLAINT_OPEN, "COMPLAINT_OPEN"},
    {CCAD_WHY_COMPLAINT_CARE, "COMPLAINT_CARE"},
    {CCAD_WHY_NEVER_CONTACTED, "NEVER_CONTACTED"},
    {CCAD_WHY_INACTIVE, "INACTIVE"},
    {CCAD_WHY_SERVICE, "SERVICE"},
    {CCAD_WHY_PLAN_DUE, "PLAN_DUE"},
    {CCAD_WHY_PLAN_ROLLED, "PLAN_ROLLED"},
    {CCAD_WHY_PLAN_DELEGATED, "PLAN_DELEGATED"},
    {CCAD_WHY_PLAN_ABSENT, "PLAN_ABSENT"},
    {CCAD_WHY_PERSIST_BLOCK, "PERSIST_BLOCK"},
    {CCAD_WHY_KEEPWARM_TOUCH, "KEEPWARM_TOUCH"},
    {CCAD_WHY_CAPACITY_FULL, "CAPACITY_FULL"},
    {CCAD_WHY_WORKLOAD_OVER, "WORKLOAD_OVER"},
    {CCAD_WHY_PLATFORM_OVER_CAP, "PLATFORM_OVER_CAP"},
    {CCAD_WHY_PLATFORM_C_HEAVY, "PLATFORM_C_HEAVY"},
    {CCAD_WHY_PLAN_DROPPED, "PLAN_DROPPED"},
    {CCAD_WHY_PLAN_UNPLANNED, "PLAN_UNPLANNED"},
    {CCAD_WHY_GAP_PLANNED, "GAP_PLANNED"},
    {CCAD_WHY_CARE_CONTACT, "CARE_CONTACT"},
    {CCAD_WHY_REMINDER_DUE, "REMINDER_DUE"},
    {CCAD_WHY_PLAN_EARLY, "PLAN_EARLY"},
    {CCAD_WHY_ROUTE_LATE, "ROUTE_LATE"},
    {CCAD_WHY_ROUTE_DAY, "ROUTE_DAY"},
    {CCAD_WHY_PLAN_BLOCKED_DAYS, "PLAN_BLOCKED_DAYS"},
    {CCAD_WHY_PLAN_BLOCKED_HOURS, "PLAN_BLOCKED_HOURS"},
    {CCAD_WHY_PLAN_BLOCKED_TIME, "PLAN_BLOCKED_TIME"},
    {CCAD_WHY_PLAN_VISIT_DAY, "PLAN_VISIT_DAY"},
    {CCAD_WHY_GIVE_UP, "GIVE_UP"},
    {CCAD_WHY_ORDER_CLOSED, "ORDER_CLOSED"},
    {CCAD_WHY_PLATFORM_UNDER_MIN, "PLATFORM_UNDER_MIN"},
    {CCAD_WHY_Q1_VISITS_ONLY, "Q1_VISITS_ONLY"},
    {CCAD_WHY_FREQ_RAMP, "FREQ_RAMP"},
    {CCAD_WHY_TEAM_CARRIER, "TEAM_CARRIER"},
    {CCAD_WHY_TEAM_NO_CARRIER, "TEAM_NO_CARRIER"},
    {CCAD_WHY_POOL_RELEASE, "POOL_RELEASE"},
    {CCAD_WHY_POOL_IDLE, "POOL_IDLE"},
    {CCAD_WHY_POOL_ASSIGN, "POOL_ASSIGN"},
    {CCAD_WHY_TEAM_MOVE, "TEAM_MOVE"},
    {CCAD_WHY_TRIAGE_SHARE, "TRIAGE_SHARE"},
    {CCAD_WHY_TRIAGE_RANK, "TRIAGE_RANK"},
    {CCAD_WHY_RECORD_LATE, "RECORD_LATE"},
    {CCAD_WHY_RECORD_INCOMPLETE, "RECORD_INCOMPLETE"},
    {CCAD_WHY_STALL_REPEATED, "STALL_REPEATED"},
    {CCAD_WHY_STALL_NO_CLOSE, "STALL_NO_CLOSE"},
    {CCAD_WHY_PATIENCE_RUN, "PATIENCE_RUN"},
    {CCAD_WHY_PERSIST_LACKING, "PERSIST_LACKING"},
};

#define KIND(k, t) \
    { \
        k, t, sizeof t / sizeof t[0] \
    }
static const struct {
    int kind;
    const named *v;
    size_t n;
} all_kinds[] = {
    KIND(CCAD_NAME_GRADE, grades),
    KIND(CCAD_NAME_STATUS, statuses),
    KIND(CCAD_NAME_COMPLAINT, complaints),
    KIND(CCAD_NAME_CONTACT_KIND, kinds),
    KIND(CCAD_NAME_OUTCOME, outcomes),
    KIND(CCAD_NAME_SERVICE, services),
    KIND(CCAD_NAME_TRIAGE, triages),
    KIND(CCAD_NAME_STRATEGY, strategies),
    KIND(CCAD_NAME_ESCALATION, escalations),
    KIND(CCAD_NAME_URGENCY, urgencies),
    KIND(CCAD_NAME_QUADRANT, quadrants),
    KIND(CCAD_NAME_WEEKDAY, weekdays),
    KIND(CCAD_NAME_FLAG, flags),
    KIND(CCAD_NAME_RULE, rules),
    KIND(CCAD_NAME_WHY, whys),
    KIND(CCAD_NAME_ITEM_KIND, item_kinds),
    KIND(CCAD_NAME_DELEGATION, delegations),
    KIND(CCAD_NAME_FINDING, findings),
};
#define N_KINDS (sizeof all_kinds / sizeof all_kinds[0])

/* Lowest and highest value of a kind's table. */
static void value_range(size_t k, int *lo, int *hi)
{
    size_t i;
    *lo = *hi = all_kinds[k].v[0].value;
    for (i = 1; i < all_kinds[k].n; i++) {
        if (all_kinds[k].v[i].value < *lo)
            *lo = all_kinds[k].v[i].value;
        if (all_kinds[k].v[i].value > *hi)
            *hi = all_kinds[k].v[i].value;
    }
}

static void every_kind_is_covered(void **state)
{
    (void)state;
    assert_int_equal(N_KINDS, 18);
    {
        size_t k;
        for (k = 0; k < N_KINDS; k++) /* kinds 1..18, in order */
            assert_int_equal(all_kinds[k].kind, (int)k + 1);
    }
    assert_int_equal(all_kinds[N_KINDS - 1].kind, CCAD_NAME_FINDING);
    /* the planner's enumerations are complete: values 1..n (delegation 0..n-1) */
    assert_int_equal(sizeof item_kinds / sizeof item_kinds[0], CCAD_ITEM_TOUCH);
    assert_int_equal(sizeof delegations / sizeof delegations[0], CCAD_BY_SUBSTITUTE + 1);
    assert_int_equal(sizeof findings / sizeof findings[0], CCAD_FIND_PERSIST_LACKING);
    /* the tables agree with the other name functions */
    {
        size_t i;
        for (i = 0; i < sizeof rules / sizeof rules[0]; i++)
            assert_string_equal(ccad_rule_name(rules[i].value), rules[i].name);
        for (i = 0; i < sizeof whys / sizeof whys[0]; i++)
            assert_string_equal(ccad_why_name(whys[i].value), whys[i].name);
    }
}

static void name_of_every_value(void **state)
{
    size_t k, i;
    (void)state;
    for (k = 0; k < N_KINDS; k++) {
        int lo, hi;
        for (i = 0; i < all_kinds[k].n; i++)
            assert_string_equal(ccad_name(all_kinds[k].kind, all_kinds[k].v[i].value),
                                all_kinds[k].v[i].name);
        /* just outside the table: "?" */
        value_range(k, &lo, &hi);
        if (all_kinds[k].kind == CCAD_NAME_FLAG) {
            assert_string_equal(ccad_name(CCAD_NAME_FLAG, 0), "?");
            assert_string_equal(ccad_name(CCAD_NAME_FLAG, hi << 1), "?");
            assert_string_equal(ccad_name(CCAD_NAME_FLAG, CCAD_F_DUE | CCAD_F_OVERDUE), "?");
            assert_string_equal(ccad_name(CCAD_NAME_FLAG, -1), "?");
            assert_string_equal(ccad_name(CCAD_NAME_FLAG, INT32_MIN), "?");
        } else {
            assert_string_equal(ccad_name(all_kinds[k].kind, lo - 1), "?");
            assert_string_equal(ccad_name(all_kinds[k].kind, hi + 1), "?");
            assert_string_equal(ccad_name(all_kinds[k].kind, -1000000), "?");
            assert_string_equal(ccad_name(all_kinds[k].kind, INT32_MAX), "?");
            assert_string_equal(ccad_name(all_kinds[k].kind, INT32_MIN), "?");
        }
    }
    /* unknown kinds */
    assert_string_equal(ccad_name(0, 1), "?");
    assert_string_equal(ccad_name(19, 1), "?");
    assert_string_equal(ccad_name(-1, 0), "?");
    assert_string_equal(ccad_name(INT32_MAX, 0), "?");
}

static void parse_round_trip(void **state)
{
    size_t k, i;
    (void)state;
    for (k = 0; k < N_KINDS; k++)
        for (i = 0; i < all_kinds[k].n; i++) {
            const char *name = ccad_name(all_kinds[k].kind, all_kinds[k].v[i].value);
            int v = -12345;
            assert_int_equal(ccad_name_parse(&v, all_kinds[k].kind, name, strlen(name)), CCAD_OK);
            assert_int_equal(v, all_kinds[k].v[i].value);
        }
}

static void parse_case_insensitive_and_exact_length(void **state)
{
    int v = -1;
    char buf[64];
    size_t k, i, j;
    (void)state;
    for (k = 0; k < N_KINDS; k++)
        for (i = 0; i < all_kinds[k].n; i++) {
            const char *name = all_kinds[k].v[i].name;
            size_t len = strlen(name);
            /* upper and lower case */
            for (j = 0; j <= len; j++)
                buf[j] = (char)((name[j] >= 'a' && name[j] <= 'z') ? name[j] - 'a' + 'A' : name[j]);
            v = -1;
            assert_int_equal(ccad_name_parse(&v, all_kinds[k].kind, buf, len), CCAD_OK);
            assert_int_equal(v, all_kinds[k].v[i].value);
            for (j = 0; j <= len; j++)
                buf[j] = (char)((name[j] >= 'A' && name[j] <= 'Z') ? name[j] - 'A' + 'a' : name[j]);
            v = -1;
            assert_int_equal(ccad_name_parse(&v, all_kinds[k].kind, buf, len), CCAD_OK);
            assert_int_equal(v, all_kinds[k].v[i].value);
            /* only len bytes are read: a longer buffer, no NUL needed */
            memcpy(buf, name, len);
            memcpy(buf + len, "XYZ", 3);
            v = -1;
            assert_int_equal(ccad_name_parse(&v, all_kinds[k].kind, buf, len), CCAD_OK);
            assert_int_equal(v, all_kinds[k].v[i].value);
            /* a prefix or an extension is not the name */
            v = -7;
            if (len > 1)
                assert_int_equal(ccad_name_parse(&v, all_kinds[k].kind, name, len - 1),
                                 CCAD_ENOTFOUND);
            assert_int_equal(ccad_name_parse(&v, all_kinds[k].kind, buf, len + 1), CCAD_ENOTFOUND);
            assert_int_equal(v, -7);
        }
    /* examples */
    assert_int_equal(ccad_name_parse(&v, CCAD_NAME_WEEKDAY, "sUn", 3), CCAD_OK);
    assert_int_equal(v, 7);
    assert_int_equal(ccad_name_parse(&v, CCAD_NAME_FLAG, "cold", 4), CCAD_OK);
    assert_int_equal(v, CCAD_F_COLD);
    assert_int_equal(ccad_name_parse(&v, CCAD_NAME_GRADE, "d", 1), CCAD_OK);
    assert_int_equal(v, CCAD_GRADE_D);
    assert_int_equal(ccad_name_parse(&v, CCAD_NAME_WHY, "gap_alert", 9), CCAD_OK);
    assert_int_equal(v, CCAD_WHY_GAP_ALERT);
    assert_int_equal(ccad_name_parse(&v, CCAD_NAME_RULE, "Never", 5), CCAD_OK);
    assert_int_equal(v, CCAD_RULE_NEVER);
    /* the same word in two kinds: each kind has its own value */
    assert_int_equal(ccad_name_parse(&v, CCAD_NAME_ITEM_KIND, "Call", 4), CCAD_OK);
    assert_int_equal(v, CCAD_ITEM_CALL);
    assert_int_equal(ccad_name_parse(&v, CCAD_NAME_DELEGATION, "REP", 3), CCAD_OK);
    assert_int_equal(v, CCAD_BY_REP);
    assert_int_equal(ccad_name_parse(&v, CCAD_NAME_ESCALATION, "rep", 3), CCAD_OK);
    assert_int_equal(v, CCAD_ESCALATE_REP);
    assert_int_equal(ccad_name_parse(&v, CCAD_NAME_FINDING, "Overdue", 7), CCAD_OK);
    assert_int_equal(v, CCAD_FIND_OVERDUE);
    assert_int_equal(ccad_name_parse(&v, CCAD_NAME_FLAG, "Overdue", 7), CCAD_OK);
    assert_int_equal(v, CCAD_F_OVERDUE);
}

static void parse_errors(void **state)
{
    int v = 42;
    size_t k;
    (void)state;
    /* NULL pointers */
    assert_int_equal(ccad_name_parse(NULL, CCAD_NAME_GRADE, "A", 1), CCAD_EINVAL);
    assert_int_equal(ccad_name_parse(&v, CCAD_NAME_GRADE, NULL, 1), CCAD_EINVAL);
    assert_int_equal(ccad_name_parse(&v, CCAD_NAME_GRADE, NULL, 0), CCAD_EINVAL);
    /* unknown kinds */
    assert_int_equal(ccad_name_parse(&v, 0, "A", 1), CCAD_EINVAL);
    assert_int_equal(ccad_name_parse(&v, 19, "A", 1), CCAD_EINVAL);
    assert_int_equal(ccad_name_parse(&v, 19, "visit", 5), CCAD_EINVAL);
    assert_int_equal(ccad_name_parse(&v, -1, "none", 4), CCAD_EINVAL);
    assert_int_equal(v, 42);
    /* unknown names, in every kind */
    for (k = 0; k < N_KINDS; k++) {
        assert_int_equal(ccad_name_parse(&v, all_kinds[k].kind, "", 0), CCAD_ENOTFOUND);
        assert_int_equal(ccad_name_parse(&v, all_kinds[k].kind, "bogus", 5), CCAD_ENOTFOUND);
        assert_int_equal(ccad_name_parse(&v, all_kinds[k].kind, "?", 1), CCAD_ENOTFOUND);
        assert_int_equal(ccad_name_parse(&v, all_kinds[k].kind, "1", 1), CCAD_ENOTFOUND);
    }
    assert_int_equal(v, 42);
    /* a NUL inside the text is part of it */
    assert_int_equal(ccad_name_parse(&v, CCAD_NAME_GRADE, "A\0", 2), CCAD_ENOTFOUND);
    assert_int_equal(ccad_name_parse(&v, CCAD_NAME_WEEKDAY, "Mo\0", 3), CCAD_ENOTFOUND);
    /* names of one kind are not names of another */
    assert_int_equal(ccad_name_parse(&v, CCAD_NAME_STATUS, "none", 4), CCAD_ENOTFOUND);
    assert_int_equal(ccad_name_parse(&v, CCAD_NAME_WEEKDAY, "Monday", 6), CCAD_ENOTFOUND);
    assert_int_equal(ccad_name_parse(&v, CCAD_NAME_FLAG, "GAP_ALERT", 9), CCAD_ENOTFOUND);
    assert_int_equal(ccad_name_parse(&v, CCAD_NAME_ITEM_KIND, "message", 7), CCAD_ENOTFOUND);
    assert_int_equal(ccad_name_parse(&v, CCAD_NAME_DELEGATION, "manager", 7), CCAD_ENOTFOUND);
    assert_int_equal(ccad_name_parse(&v, CCAD_NAME_FINDING, "OVERDUE", 6), CCAD_ENOTFOUND);
    assert_int_equal(ccad_name_parse(&v, CCAD_NAME_FINDING, "route_late", 10), CCAD_ENOTFOUND);
    assert_int_equal(v, 42);
}

/* Expected figure kinds (a, b, c) and, for enumerations, the name kinds. */
static const struct {
    int why;
    int fig[3];
    int name[3];
} figures[] = {
    {CCAD_WHY_GRADE_MANUAL, {CCAD_FIG_ENUM, 0, 0}, {CCAD_NAME_GRADE, 0, 0}},
    {CCAD_WHY_GRADE_RANK, {CCAD_FIG_COUNT, CCAD_FIG_COUNT, CCAD_FIG_PCT}, {0, 0, 0}},
    {CCAD_WHY_GRADE_THRESHOLD, {CCAD_FIG_MONEY, CCAD_FIG_MONEY, 0}, {0, 0, 0}},
    {CCAD_WHY_URGENCY_PURCHASE, {CCAD_FIG_DAYS, CCAD_FIG_DAYS, 0}, {0, 0, 0}},
    {CCAD_WHY_URGENCY_COMPLAINT, {CCAD_FIG_DATE, CCAD_FIG_DAYS, 0}, {0, 0, 0}},
    {CCAD_WHY_URGENCY_REQUEST, {CCAD_FIG_DATE, CCAD_FIG_DAYS, 0}, {0, 0, 0}},
    {CCAD_WHY_URGENCY_PASSED, {CCAD_FIG_DAYS, 0, 0}, {0, 0, 0}},
    {CCAD_WHY_QUADRANT,
     {CCAD_FIG_ENUM, CCAD_FIG_ENUM, CCAD_FIG_ENUM},
     {CCAD_NAME_QUADRANT, CCAD_NAME_GRADE, CCAD_NAME_URGENCY}},
    {CCAD_WHY_FREQ, {CCAD_FIG_COUNT, CCAD_FIG_DAYS, CCAD_FIG_DAYS}, {0, 0, 0}},
    {CCAD_WHY_FREQ_NONE, {CCAD_FIG_ENUM, 0, 0}, {CCAD_NAME_GRADE, 0, 0}},
    {CCAD_WHY_FREQ_LET_GO, {CCAD_FIG_FACTOR, CCAD_FIG_DAYS, CCAD_FIG_DAYS}, {0, 0, 0}},
    {CCAD_WHY_DUE, {CCAD_FIG_DATE, CCAD_FIG_DAYS, CCAD_FIG_DATE}, {0, 0, 0}},
    {CCAD_WHY_DUE_NEXT_STEP, {CCAD_FIG_DATE, 0, 0}, {0, 0, 0}},
    {CCAD_WHY_DUE_EVENT, {CCAD_FIG_DATE, 0, 0}, {0, 0, 0}},
    {CCAD_WHY_OVERDUE, {CCAD_FIG_DAYS, CCAD_FIG_ENUM, CCAD_FIG_DAYS}, {0, CCAD_NAME_ESCALATION, 0}},
    {CCAD_WHY_GAP_WARN, {CCAD_FIG_DAYS, CCAD_FIG_DAYS, CCAD_FIG_DAYS}, {0, 0, 0}},
    {CCAD_WHY_GAP_ALERT, {CCAD_FIG_DAYS, CCAD_FIG_DAYS, CCAD_FIG_DAYS}, {0, 0, 0}},
    {CCAD_WHY_NO_RECORD, {CCAD_FIG_COUNT, 0, 0}, {0, 0, 0}},
    {CCAD_WHY_NO_NEXT_STEP, {CCAD_FIG_DATE, 0, 0}, {0, 0, 0}},
    {CCAD_WHY_REMINDER, {CCAD_FIG_DATE, CCAD_FIG_DATE, 0}, {0, 0, 0}},
    {CCAD_WHY_STALLED, {CCAD_FIG_COUNT, CCAD_FIG_COUNT, 0}, {0, 0, 0}},
    {CCAD_WHY_PATIENCE, {CCAD_FIG_COUNT, CCAD_FIG_COUNT, 0}, {0, 0, 0}},
    {CCAD_WHY_PATIENCE_RHYTHM, {CCAD_FIG_DAYS, CCAD_FIG_DAYS, 0}, {0, 0, 0}},
    {CCAD_WHY_RELEASED_EARLY, {CCAD_FIG_COUNT, CCAD_FIG_COUNT, 0}, {0, 0, 0}},
    {CCAD_WHY_OWNERSHIP, {CCAD_FIG_DAYS, CCAD_FIG_DAYS, CCAD_FIG_DATE}, {0, 0, 0}},
    {CCAD_WHY_TRIAGE, {CCAD_FIG_ENUM, CCAD_FIG_MONEY, CCAD_FIG_MONEY}, {CCAD_NAME_TRIAGE, 0, 0}},
    {CCAD_WHY_TRIAGE_MARGIN, {CCAD_FIG_BP, CCAD_FIG_BP, 0}, {0, 0, 0}},
    {CCAD_WHY_COMPLAINT_OPEN, {CCAD_FIG_DATE, CCAD_FIG_DAYS, 0}, {0, 0, 0}},
    {CCAD_WHY_COMPLAINT_CARE, {CCAD_FIG_DATE, CCAD_FIG_DATE, 0}, {0, 0, 0}},
    {CCAD_WHY_NEVER_CONTACTED, {CCAD_FIG_COUNT, 0, 0}, {0, 0, 0}},
    {CCAD_WHY_INACTIVE, {CCAD_FIG_ENUM, 0, 0}, {CCAD_NAME_STATUS, 0, 0}},
    {CCAD_WHY_SERVICE, {CCAD_FIG_ENUM, CCAD_FIG_COUNT, 0}, {CCAD_NAME_SERVICE, 0, 0}},
    {CCAD_WHY_PLAN_DUE, {CCAD_FIG_DATE, CCAD_FIG_ENUM, CCAD_FIG_DAYS}, {0, CCAD_NAME_QUADRANT, 0}},
    {CCAD_WHY_PLAN_ROLLED, {CCAD_FIG_DATE, CCAD_FIG_DAYS, 0}, {0, 0, 0}},
    {CCAD_WHY_PLAN_DELEGATED, {CCAD_FIG_COUNT, CCAD_FIG_COUNT, CCAD_FIG_COUNT}, {0, 0, 0}},
    {CCAD_WHY_PLAN_ABSENT, {CCAD_FIG_DATE, 0, 0}, {0, 0, 0}},
    {CCAD_WHY_PERSIST_BLOCK, {CCAD_FIG_COUNT, CCAD_FIG_DAYS, CCAD_FIG_DAYS}, {0, 0, 0}},
    {CCAD_WHY_KEEPWARM_TOUCH, {CCAD_FIG_DATE, 0, 0}, {0, 0, 0}},
    {CCAD_WHY_CAPACITY_FULL, {CCAD_FIG_DATE, CCAD_FIG_COUNT, CCAD_FIG_COUNT}, {0, 0, 0}},
    {CCAD_WHY_WORKLOAD_OVER, {CCAD_FIG_COUNT, CCAD_FIG_COUNT, CCAD_FIG_FACTOR}, {0, 0, 0}},
    {CCAD_WHY_PLATFORM_OVER_CAP, {CCAD_FIG_COUNT, CCAD_FIG_COUNT, 0}, {0, 0, 0}},
    {CCAD_WHY_PLATFORM_C_HEAVY, {CCAD_FIG_COUNT, CCAD_FIG_COUNT, CCAD_FIG_PCT}, {0, 0, 0}},
    {CCAD_WHY_PLAN_DROPPED, {CCAD_FIG_DATE, CCAD_FIG_DAYS, 0}, {0, 0, 0}},
    {CCAD_WHY_PLAN_UNPLANNED, {CCAD_FIG_DATE, CCAD_FIG_COUNT, 0}, {0, 0, 0}},
    {CCAD_WHY_GAP_PLANNED, {CCAD_FIG_DAYS, CCAD_FIG_DAYS, CCAD_FIG_DATE}, {0, 0, 0}},
    {CCAD_WHY_CARE_CONTACT, {CCAD_FIG_DATE, CCAD_FIG_DATE, 0}, {0, 0, 0}},
    {CCAD_WHY_REMINDER_DUE, {CCAD_FIG_DATE, CCAD_FIG_DATE, 0}, {0, 0, 0}},
    {CCAD_WHY_PLAN_EARLY, {CCAD_FIG_DATE, CCAD_FIG_DAYS, 0}, {0, 0, 0}},
    /* minutes after midnight (start, limit) and minutes over: counts */
    {CCAD_WHY_ROUTE_LATE, {CCAD_FIG_CLOCK, CCAD_FIG_CLOCK, CCAD_FIG_MINUTES}, {0, 0, 0}},
    /* the original date, the saving in the metric's unit */
    {CCAD_WHY_ROUTE_DAY, {CCAD_FIG_DATE, CCAD_FIG_COUNT, 0}, {0, 0, 0}},
    {CCAD_WHY_PLAN_BLOCKED_DAYS, {CCAD_FIG_DATE, CCAD_FIG_WEEKDAYS, 0}, {0, 0, 0}},
    {CCAD_WHY_PLAN_BLOCKED_HOURS, {CCAD_FIG_CLOCK, CCAD_FIG_CLOCK, CCAD_FIG_MINUTES}, {0, 0, 0}},
    {CCAD_WHY_PLAN_BLOCKED_TIME, {CCAD_FIG_DATE, CCAD_FIG_MINUTES, CCAD_FIG_MINUTES}, {0, 0, 0}},
    {CCAD_WHY_PLAN_VISIT_DAY, {CCAD_FIG_DATE, CCAD_FIG_WEEKDAYS, 0}, {0, 0, 0}},
    {CCAD_WHY_GIVE_UP, {CCAD_FIG_COUNT, CCAD_FIG_COUNT, CCAD_FIG_COUNT}, {0, 0, 0}},
    {CCAD_WHY_ORDER_CLOSED, {CCAD_FIG_DATE, CCAD_FIG_DATE, 0}, {0, 0, 0}},
    {CCAD_WHY_PLATFORM_UNDER_MIN, {CCAD_FIG_COUNT, CCAD_FIG_COUNT, 0}, {0, 0, 0}},
    {CCAD_WHY_Q1_VISITS_ONLY, {CCAD_FIG_DATE, CCAD_FIG_DAYS, 0}, {0, 0, 0}},
    {CCAD_WHY_FREQ_RAMP, {CCAD_FIG_DAYS, CCAD_FIG_DAYS, CCAD_FIG_DAYS}, {0, 0, 0}},
    {CCAD_WHY_TEAM_CARRIER, {CCAD_FIG_MINUTES, CCAD_FIG_COUNT, CCAD_FIG_COUNT}, {0, 0, 0}},
    {CCAD_WHY_TEAM_NO_CARRIER,
     {CCAD_FIG_DATE, CCAD_FIG_COUNT, CCAD_FIG_ENUM},
     {0, 0, CCAD_NAME_DELEGATION}},
    {CCAD_WHY_POOL_RELEASE, {CCAD_FIG_COUNT, CCAD_FIG_COUNT, CCAD_FIG_COUNT}, {0, 0, 0}},
    {CCAD_WHY_POOL_IDLE, {CCAD_FIG_DAYS, CCAD_FIG_DAYS, CCAD_FIG_DATE}, {0, 0, 0}},
    {CCAD_WHY_POOL_ASSIGN, {CCAD_FIG_MINUTES, CCAD_FIG_COUNT, CCAD_FIG_COUNT}, {0, 0, 0}},
    {CCAD_WHY_TEAM_MOVE, {CCAD_FIG_MINUTES, CCAD_FIG_PCT, CCAD_FIG_PCT}, {0, 0, 0}},
    {CCAD_WHY_TRIAGE_SHARE, {CCAD_FIG_ENUM, CCAD_FIG_PCT, CCAD_FIG_PCT}, {CCAD_NAME_TRIAGE, 0, 0}},
    {CCAD_WHY_TRIAGE_RANK,
     {CCAD_FIG_ENUM, CCAD_FIG_COUNT, CCAD_FIG_COUNT},
     {CCAD_NAME_TRIAGE, 0, 0}},
    {CCAD_WHY_RECORD_LATE, {CCAD_FIG_DATE, CCAD_FIG_DATE, CCAD_FIG_DAYS}, {0, 0, 0}},
    {CCAD_WHY_RECORD_INCOMPLETE, {CCAD_FIG_COUNT, CCAD_FIG_COUNT, CCAD_FIG_NONE}, {0, 0, 0}},
    {CCAD_WHY_STALL_REPEATED, {CCAD_FIG_COUNT, CCAD_FIG_COUNT, CCAD_FIG_COUNT}, {0, 0, 0}},
    {CCAD_WHY_STALL_NO_CLOSE, {CCAD_FIG_COUNT, CCAD_FIG_NONE, CCAD_FIG_NONE}, {0, 0, 0}},
    {CCAD_WHY_PATIENCE_RUN, {CCAD_FIG_COUNT, CCAD_FIG_COUNT, CCAD_FIG_DAYS}, {0, 0, 0}},
    {CCAD_WHY_PERSIST_LACKING, {CCAD_FIG_COUNT, CCAD_FIG_COUNT, CCAD_FIG_DATE}, {0, 0, 0}},
};

static void why_figure_every_code(void **state)
{
    size_t i;
    int idx;
    (void)state;
    assert_int_equal(sizeof figures / sizeof figures[0], CCAD_WHY_PERSIST_LACKING);
    for (i = 0; i < sizeof figures / sizeof figures[0]; i++) {
        assert_int_equal(figures[i].why, (int)i + 1);
        for (idx = 0; idx < 3; idx++) {
            int nk = -1;
            assert_int_equal(ccad_why_figure(figures[i].why, idx, &nk), figures[i].fig[idx]);
            assert_int_equal(nk, figures[i].name[idx]);
            assert_int_equal(ccad_why_figure(figures[i].why, idx, NULL), figures[i].fig[idx]);
            /* enumerated figures name a kind that ccad_name knows */
            if (figures[i].fig[idx] == CCAD_FIG_ENUM)
                assert_string_not_equal(ccad_name(nk, 1), "?");
        }
    }
}

static void why_figure_errors(void **state)
{
    int nk = 99;
    (void)state;
    /* unknown codes: NONE, name kind 0 */
    assert_int_equal(ccad_why_figure(0, 0, &nk), CCAD_FIG_NONE);
    assert_int_equal(nk, 0);
    nk = 99;
    assert_int_equal(ccad_why_figure(CCAD_WHY_PERSIST_LACKING + 1, 0, &nk), CCAD_FIG_NONE);
    assert_int_equal(nk, 0);
    nk = 99;
    assert_int_equal(ccad_why_figure(-1, 1, &nk), CCAD_FIG_NONE);
    assert_int_equal(nk, 0);
    assert_int_equal(ccad_why_figure(INT32_MAX, 0, NULL), CCAD_FIG_NONE);
    /* index out of 0..2 */
    nk = 99;
    assert_int_equal(ccad_why_figure(CCAD_WHY_QUADRANT, 3, &nk), CCAD_FIG_NONE);
    assert_int_equal(nk, 0);
    nk = 99;
    assert_int_equal(ccad_why_figure(CCAD_WHY_QUADRANT, -1, &nk), CCAD_FIG_NONE);
    assert_int_equal(nk, 0);
    assert_int_equal(ccad_why_figure(CCAD_WHY_DUE, INT32_MIN, NULL), CCAD_FIG_NONE);
    assert_int_equal(ccad_why_figure(CCAD_WHY_DUE, INT32_MAX, NULL), CCAD_FIG_NONE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_kind_is_covered),
        cmocka_unit_test(name_of_every_value),
        cmocka_unit_test(parse_round_trip),
        cmocka_unit_test(parse_case_insensitive_and_exact_length),
        cmocka_unit_test(parse_errors),
        cmocka_unit_test(why_figure_every_code),
        cmocka_unit_test(why_figure_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
