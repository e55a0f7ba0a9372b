/* Part of the conformance vector runner: tests/test_vectors.c includes the parts in this order
 * (names, fields, why, directives), each using the ones before it, and
 * tests/test_plan_vectors.c includes test_vectors.c. This part holds the name tables: rule
 * ids, tags, reasons, flags, error codes and every enumeration a vector names
 * (docs/vectors.md). */

/* Index = numeric value, NULL = no name. */
static const char *const grade_names[] = {"none", "A", "B", "C", "D"};
static const char *const status_names[] = {NULL,  "prospect", "active",
                                           "key", "released", "eliminated"};
static const char *const complaint_names[] = {"none", "open", "resolved"};
static const char *const kind_names[] = {NULL, "visit", "call", "message", "email", "other"};
static const char *const outcome_names[] = {NULL,    "progress",         "no_progress",
                                            "order", "complaint_opened", "complaint_resolved"};
static const char *const service_names[] = {"none", "basic", "satisfying", "value_added", "moving"};
static const char *const urgency_names[] = {"none", "two_weeks", "week", "event"};
static const char *const quadrant_names[] = {NULL, "Q1", "Q2", "Q3", "Q4"};
static const char *const escalation_names[] = {"none", "rep", "manager", "reassign"};
static const char *const triage_names[] = {"none", "self_driven", "push", "unmovable"};
static const char *const strategy_names[] = {"none", "let_go", "persist", "give_up"};
static const char *const weekday_names[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
/* 1.1 contact fields: bit names of the purpose and record-part sets, by bit */
static const char *const purpose_names[] = {"none",    "order",   "product", "activity",
                                            "problem", "payment", "other"};
static const char *const part_names[] = {"purpose", "said", "state", "solved", "next_problem"};
static const char *const activity_names[] = {"none", "held", "sale"};

static const char *const rule_names[N_RULES] = {
    NULL,       "GRADE",   "URGENCY",  "QUADRANT", "FREQ",     "WORKLOAD",  "CAPACITY", "GAP",
    "FOLLOWUP", "STALL",   "PATIENCE", "TRIAGE",   "PERSIST",  "COMPLAINT", "PLATFORM", "KEEPWARM",
    "ROUTE",    "SERVICE", "EXPLAIN",  "CLOCK",    "ESCALATE", "OWNERSHIP", "NEVER"};

/* Tags: the rule ids, plus INPUT (argument validation) and FORMAT (rules text). */
static const char *const tag_names[N_TAGS] = {
    NULL,        "GRADE",    "URGENCY", "QUADRANT", "FREQ",    "WORKLOAD", "CAPACITY",
    "GAP",       "FOLLOWUP", "STALL",   "PATIENCE", "TRIAGE",  "PERSIST",  "COMPLAINT",
    "PLATFORM",  "KEEPWARM", "ROUTE",   "SERVICE",  "EXPLAIN", "CLOCK",    "ESCALATE",
    "OWNERSHIP", "NEVER",    "INPUT",   "FORMAT"};

static const char *const why_names[] = {
    NULL, "GRADE_MANUAL", "GRADE_RANK", "GRADE_THRESHOLD", "URGENCY_PURCHASE", "URGENCY_COMPLAINT",
    "URGENCY_REQUEST", "URGENCY_PASSED", "QUADRANT", "FREQ", "FREQ_NONE", "FREQ_LET_GO", "DUE",
    "DUE_NEXT_STEP", "DUE_EVENT", "OVERDUE", "GAP_WARN", "GAP_ALERT", "NO_RECORD", "NO_NEXT_STEP",
    "REMINDER", "STALLED", "PATIENCE", "PATIENCE_RHYTHM", "RELEASED_EARLY", "OWNERSHIP", "TRIAGE",
    "TRIAGE_MARGIN", "COMPLAINT_OPEN", "COMPLAINT_CARE", "NEVER_CONTACTED", "INACTIVE", "SERVICE",
    /* the planner's codes (33..55) are never in an assessment */
    "PLAN_DUE", "PLAN_ROLLED", "PLAN_DELEGATED", "PLAN_ABSENT", "PERSIST_BLOCK", "KEEPWARM_TOUCH",
    "CAPACITY_FULL", "WORKLOAD_OVER", "PLATFORM_OVER_CAP", "PLATFORM_C_HEAVY", "PLAN_DROPPED",
    "PLAN_UNPLANNED", "GAP_PLANNED", "CARE_CONTACT", "REMINDER_DUE", "PLAN_EARLY", "ROUTE_LATE",
    "ROUTE_DAY", "PLAN_BLOCKED_DAYS", "PLAN_BLOCKED_HOURS", "PLAN_BLOCKED_TIME", "PLAN_VISIT_DAY",
    "GIVE_UP", "ORDER_CLOSED", "PLATFORM_UNDER_MIN", "Q1_VISITS_ONLY", "FREQ_RAMP", "TEAM_CARRIER",
    "TEAM_NO_CARRIER", "POOL_RELEASE", "POOL_IDLE", "POOL_ASSIGN", "TEAM_MOVE", "TRIAGE_SHARE",
    "TRIAGE_RANK", "RECORD_LATE", "RECORD_INCOMPLETE", "STALL_REPEATED", "STALL_NO_CLOSE",
    "PATIENCE_RUN", "PERSIST_LACKING"};
#define N_WHY (int)(sizeof why_names / sizeof why_names[0])

static const char *const flag_names[] = {"DUE",
                                         "OVERDUE",
                                         "COOLING",
                                         "COLD",
                                         "STALLED",
                                         "NEVER_CONTACTED",
                                         "NO_RECORD",
                                         "NO_NEXT_STEP",
                                         "RELEASE_PREMATURE",
                                         "RELEASED_EARLY",
                                         "COMPLAINT_OPEN",
                                         "CARE_DUE",
                                         "REMINDER",
                                         "INACTIVE",
                                         "REASONS_TRUNCATED",
                                         "RECORD_LATE",
                                         "RECORD_INCOMPLETE"};
#define N_FLAGS (int)(sizeof flag_names / sizeof flag_names[0])

static const struct {
    const char *name;
    int code;
} error_names[] = {
    {"OK", CCAD_OK},           {"EINVAL", CCAD_EINVAL},       {"ENOMEM", CCAD_ENOMEM},
    {"ERANGE", CCAD_ERANGE},   {"EPARSE", CCAD_EPARSE},       {"ENOTFOUND", CCAD_ENOTFOUND},
    {"EEXIST", CCAD_EEXIST},   {"EOVERFLOW", CCAD_EOVERFLOW}, {"ENOSPC", CCAD_ENOSPC},
    {"ESTALE", CCAD_ESTALE},   {"ECALLBACK", CCAD_ECALLBACK}, {"EVERSION", CCAD_EVERSION},
    {"ENOTSUP", CCAD_ENOTSUP}, {"ECONFLICT", CCAD_ECONFLICT}, {"EBUSY", CCAD_EBUSY}};
#define N_ERRORS (int)(sizeof error_names / sizeof error_names[0])

#define NAMES(t) t, (int)(sizeof t / sizeof t[0])
