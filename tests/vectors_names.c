/* Part of the conformance vector runners (tests/vectors.h): the name tables
 * of rule ids, tags, reasons, flags, error codes and every enumeration a
 * vector names (docs/vectors.md). */
#include "vectors.h"

/* Index = numeric value, NULL = no name. */
const char *const vec_grade_names[] = {"none", "A", "B", "C", "D"};
const char *const vec_status_names[] = {NULL,  "prospect", "active",
                                        "key", "released", "eliminated"};
const char *const vec_complaint_names[] = {"none", "open", "resolved"};
const char *const vec_kind_names[] = {NULL, "visit", "call", "message", "email", "other"};
const char *const vec_outcome_names[] = {NULL,    "progress",         "no_progress",
                                         "order", "complaint_opened", "complaint_resolved"};
const char *const vec_service_names[] = {"none", "basic", "satisfying", "value_added", "moving"};
const char *const vec_urgency_names[] = {"none", "two_weeks", "week", "event"};
const char *const vec_quadrant_names[] = {NULL, "Q1", "Q2", "Q3", "Q4"};
const char *const vec_escalation_names[] = {"none", "rep", "manager", "reassign"};
const char *const vec_triage_names[] = {"none", "self_driven", "push", "unmovable"};
const char *const vec_strategy_names[] = {"none", "let_go", "persist", "give_up"};
const char *const vec_weekday_names[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
/* 1.1 contact fields: bit names of the purpose and record-part sets, by bit */
const char *const vec_purpose_names[] = {"none",    "order",   "product", "activity",
                                         "problem", "payment", "other"};
const char *const vec_part_names[] = {"purpose", "said", "state", "solved", "next_problem"};
const char *const vec_activity_names[] = {"none", "held", "sale"};

const char *const vec_rule_names[] = {
    NULL,       "GRADE",   "URGENCY",  "QUADRANT", "FREQ",     "WORKLOAD",  "CAPACITY", "GAP",
    "FOLLOWUP", "STALL",   "PATIENCE", "TRIAGE",   "PERSIST",  "COMPLAINT", "PLATFORM", "KEEPWARM",
    "ROUTE",    "SERVICE", "EXPLAIN",  "CLOCK",    "ESCALATE", "OWNERSHIP", "NEVER"};

/* Tags: the rule ids, plus INPUT (argument validation) and FORMAT (rules text). */
const char *const vec_tag_names[] = {NULL,       "GRADE",     "URGENCY", "QUADRANT",  "FREQ",
                                     "WORKLOAD", "CAPACITY",  "GAP",     "FOLLOWUP",  "STALL",
                                     "PATIENCE", "TRIAGE",    "PERSIST", "COMPLAINT", "PLATFORM",
                                     "KEEPWARM", "ROUTE",     "SERVICE", "EXPLAIN",   "CLOCK",
                                     "ESCALATE", "OWNERSHIP", "NEVER",   "INPUT",     "FORMAT"};

const char *const vec_why_names[] = {
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

const char *const vec_flag_names[] = {"DUE",
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

const struct vec_error_name vec_error_names[] = {
    {"OK", CCAD_OK},           {"EINVAL", CCAD_EINVAL},       {"ENOMEM", CCAD_ENOMEM},
    {"ERANGE", CCAD_ERANGE},   {"EPARSE", CCAD_EPARSE},       {"ENOTFOUND", CCAD_ENOTFOUND},
    {"EEXIST", CCAD_EEXIST},   {"EOVERFLOW", CCAD_EOVERFLOW}, {"ENOSPC", CCAD_ENOSPC},
    {"ESTALE", CCAD_ESTALE},   {"ECALLBACK", CCAD_ECALLBACK}, {"EVERSION", CCAD_EVERSION},
    {"ENOTSUP", CCAD_ENOTSUP}, {"ECONFLICT", CCAD_ECONFLICT}, {"EBUSY", CCAD_EBUSY}};
