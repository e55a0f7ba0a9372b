/* Names and texts: status codes, rule ids, reason codes, version. */
#include "internal.h"

#include <limits.h>
#include <stdio.h>

const char *ccad_strerror(int code)
{
    switch (code) {
    case CCAD_OK: return "success";
    case CCAD_EINVAL: return "invalid argument";
    case CCAD_ENOMEM: return "out of memory";
    case CCAD_ERANGE: return "value out of range";
    case CCAD_EPARSE: return "malformed rules text";
    case CCAD_ENOTFOUND: return "not found";
    case CCAD_EEXIST: return "already exists";
    case CCAD_EOVERFLOW: return "count or size would overflow";
    case CCAD_ENOSPC: return "buffer too small";
    case CCAD_ESTALE: return "grades out of date";
    case CCAD_ECALLBACK: return "host callback failed";
    case CCAD_EVERSION: return "struct size not supported";
    case CCAD_ENOTSUP: return "host callback not provided";
    case CCAD_ECONFLICT: return "conflicts with another value";
    case CCAD_EBUSY: return "context busy in a callback";
    default: return "unknown error";
    }
}

int ccad_version_number(void) { return CCAD_VERSION_NUMBER; }
const char *ccad_version_string(void) { return CCAD_VERSION_STRING; }
size_t ccad_reasons_max(void) { return CCAD_REASONS_MAX; }

static const char rule_names[][10] = {
    "?",        "GRADE",   "URGENCY",  "QUADRANT", "FREQ",     "WORKLOAD",  "CAPACITY", "GAP",
    "FOLLOWUP", "STALL",   "PATIENCE", "TRIAGE",   "PERSIST",  "COMPLAINT", "PLATFORM", "KEEPWARM",
    "ROUTE",    "SERVICE", "EXPLAIN",  "CLOCK",    "ESCALATE", "OWNERSHIP", "NEVER",
};

const char *ccad_rule_name(int rule)
{
    if (rule < 1 || rule >= (int)(sizeof rule_names / sizeof rule_names[0]))
        return "?";
    return rule_names[rule];
}

int ccad__rule_count(void) { return (int)(sizeof rule_names / sizeof rule_names[0]) - 1; }

static const char why_names[][20] = {
    "?",
    "GRADE_MANUAL",
    "GRADE_RANK",
    "GRADE_THRESHOLD",
    "URGENCY_PURCHASE",
    "URGENCY_COMPLAINT",
    "URGENCY_REQUEST",
    "URGENCY_PASSED",
    "QUADRANT",
    "FREQ",
    "FREQ_NONE",
    "FREQ_LET_GO",
    "DUE",
    "DUE_NEXT_STEP",
    "DUE_EVENT",
    "OVERDUE",
    "GAP_WARN",
    "GAP_ALERT",
    "NO_RECORD",
    "NO_NEXT_STEP",
    "REMINDER",
    "STALLED",
    "PATIENCE",
    "PATIENCE_RHYTHM",
    "RELEASED_EARLY",
    "OWNERSHIP",
    "TRIAGE",
    "TRIAGE_MARGIN",
    "COMPLAINT_OPEN",
    "COMPLAINT_CARE",
    "NEVER_CONTACTED",
    "INACTIVE",
    "SERVICE",
    "PLAN_DUE",
    "PLAN_ROLLED",
    "PLAN_DELEGATED",
    "PLAN_ABSENT",
    "PERSIST_BLOCK",
    "KEEPWARM_TOUCH",
    "CAPACITY_FULL",
    "WORKLOAD_OVER",
    "PLATFORM_OVER_CAP",
    "PLATFORM_C_HEAVY",
    "PLAN_DROPPED",
    "PLAN_UNPLANNED",
    "GAP_PLANNED",
    "CARE_CONTACT",
    "REMINDER_DUE",
    "PLAN_EARLY",
    "ROUTE_LATE",
    "ROUTE_DAY",
    "PLAN_BLOCKED_DAYS",
    "PLAN_BLOCKED_HOURS",
    "PLAN_BLOCKED_TIME",
    "PLAN_VISIT_DAY",
    "GIVE_UP",
    "ORDER_CLOSED",
    "PLATFORM_UNDER_MIN",
    "Q1_VISITS_ONLY",
    "FREQ_RAMP",
    "TEAM_CARRIER",
    "TEAM_NO_CARRIER",
    "POOL_RELEASE",
    "POOL_IDLE",
    "POOL_ASSIGN",
    "TEAM_MOVE",
    "TRIAGE_SHARE",
    "TRIAGE_RANK",
    "RECORD_LATE",
    "RECORD_INCOMPLETE",
    "STALL_REPEATED",
    "STALL_NO_CLOSE",
    "PATIENCE_RUN",
    "PERSIST_LACKING",
};

const char *ccad_why_name(int why)
{
    if (why < 1 || why >= (int)(sizeof why_names / sizeof why_names[0]))
        return "?";
    return why_names[why];
}

int ccad__why_count(void) { return (int)(sizeof why_names / sizeof why_names[0]) - 1; }

/* ---- figure kinds of each reason code ---- */

#define F(a, b, c) (unsigned short)((a) | ((b) << 4) | ((c) << 8))
#define N CCAD_FIG_NONE
#define CN CCAD_FIG_COUNT
#define DY CCAD_FIG_DAYS
#define DT CCAD_FIG_DATE
#define MO CCAD_FIG_MONEY
#define PC CCAD_FIG_PCT
#define BP CCAD_FIG_BP
#define EN CCAD_FIG_ENUM
#define FA CCAD_FIG_FACTOR
#define CK CCAD_FIG_CLOCK
#define MI CCAD_FIG_MINUTES
#define WD CCAD_FIG_WEEKDAYS
static const unsigned short figures[] = {
    F(N, N, N),    /* 0 unused */
    F(EN, N, N),   /* GRADE_MANUAL: grade */
    F(CN, CN, PC), /* GRADE_RANK */
    F(MO, MO, N),  /* GRADE_THRESHOLD */
    F(DY, DY, N),  /* URGENCY_PURCHASE */
    F(DT, DY, N),  /* URGENCY_COMPLAINT */
    F(DT, DY, N),  /* URGENCY_REQUEST */
    F(DY, N, N),   /* URGENCY_PASSED */
    F(EN, EN, EN), /* QUADRANT: quadrant, grade, urgency */
    F(CN, DY, DY), /* FREQ */
    F(EN, N, N),   /* FREQ_NONE: grade */
    F(FA, DY, DY), /* FREQ_LET_GO */
    F(DT, DY, DT), /* DUE */
    F(DT, N, N),   /* DUE_NEXT_STEP */
    F(DT, N, N),   /* DUE_EVENT */
    F(DY, EN, DY), /* OVERDUE: days, escalation, threshold */
    F(DY, DY, DY), /* GAP_WARN */
    F(DY, DY, DY), /* GAP_ALERT */
    F(CN, N, N),   /* NO_RECORD */
    F(DT, N, N),   /* NO_NEXT_STEP */
    F(DT, DT, N),  /* REMINDER */
    F(CN, CN, N),  /* STALLED */
    F(CN, CN, N),  /* PATIENCE */
    F(DY, DY, N),  /* PATIENCE_RHYTHM */
    F(CN, CN, N),  /* RELEASED_EARLY */
    F(DY, DY, DT), /* OWNERSHIP */
    F(EN, MO, MO), /* TRIAGE: kind, volume, threshold */
    F(BP, BP, N),  /* TRIAGE_MARGIN */
    F(DT, DY, N),  /* COMPLAINT_OPEN */
    F(DT, DT, N),  /* COMPLAINT_CARE */
    F(CN, N, N),   /* NEVER_CONTACTED: 1 if due on the day assessed */
    F(EN, N, N),   /* INACTIVE: status */
    F(EN, CN, N),  /* SERVICE: level, count */
    F(DT, EN, DY), /* PLAN_DUE: due, quadrant, days overdue */
    F(DT, DY, N),  /* PLAN_ROLLED */
    F(CN, CN, CN), /* PLAN_DELEGATED: planned, limit, 1 if minutes */
    F(DT, N, N),   /* PLAN_ABSENT */
    F(CN, DY, DY), /* PERSIST_BLOCK */
    F(DT, N, N),   /* KEEPWARM_TOUCH */
    F(DT, CN, CN), /* CAPACITY_FULL */
    F(CN, CN, FA), /* WORKLOAD_OVER: visits, capacity, stretch x100 */
    F(CN, CN, N),  /* PLATFORM_OVER_CAP */
    F(CN, CN, PC), /* PLATFORM_C_HEAVY */
    F(DT, DY, N),  /* PLAN_DROPPED */
    F(DT, CN, N),  /* PLAN_UNPLANNED */
    F(DY, DY, DT), /* GAP_PLANNED */
    F(DT, DT, N),  /* CARE_CONTACT */
    F(DT, DT, N),  /* REMINDER_DUE */
    F(DT, DY, N),  /* PLAN_EARLY */
    F(CK, CK, MI), /* ROUTE_LATE: start and limit (times of day), minutes over */
    F(DT, CN, N),  /* ROUTE_DAY: original date, saving in the metric's unit */
    F(DT, WD, N),  /* PLAN_BLOCKED_DAYS: due date, visit days */
    F(CK, CK, MI), /* PLAN_BLOCKED_HOURS: opens, closes, service minutes */
    F(DT, MI, MI), /* PLAN_BLOCKED_TIME: due date, minutes the stop needs, day minutes */
    F(DT, WD, N),  /* PLAN_VISIT_DAY: due date, visit days */
    F(CN, CN, CN), /* GIVE_UP: contacts, minimum, 1 if premature */
    F(DT, DT, N),  /* ORDER_CLOSED: order date, purchase date closed */
    F(CN, CN, N),  /* PLATFORM_UNDER_MIN: working platform size, minimum */
    F(DT, DY, N),  /* Q1_VISITS_ONLY: the contact not counted, days since the last visit */
    F(DY, DY, DY), /* FREQ_RAMP: days to the purchase decision, interval before, ramp's */
    F(MI, CN, CN), /* TEAM_CARRIER: travel added, carrier's contacts, its limit */
    F(DT, CN, EN), /* TEAM_NO_CARRIER: day, teammates present, delegation */
    F(CN, CN, CN), /* POOL_RELEASE: contacts, minimum, 1 if premature */
    F(DY, DY, DT), /* POOL_IDLE: idle days, pool.release_days, counted from */
    F(MI, CN, CN), /* POOL_ASSIGN: travel, room left, contacts needed */
    F(MI, PC, PC), /* TEAM_MOVE: travel change, owner's load %, new rep's load % */
    F(EN, PC, PC), /* TRIAGE_SHARE: kind, our share %, threshold % */
    F(EN, CN, CN), /* TRIAGE_RANK: kind, our rank, threshold rank */
    F(DT, DT, DY), /* RECORD_LATE: contact date, entered date, days late */
    F(CN, CN, N),  /* RECORD_INCOMPLETE: parts lacking, their bits */
    F(CN, CN, CN), /* STALL_REPEATED: without progress, aimless, closes asked */
    F(CN, N, N),   /* STALL_NO_CLOSE: contacts without progress */
    F(CN, CN, DY), /* PATIENCE_RUN: consecutive contacts, minimum, gap that broke the run */
    F(CN, CN, DT), /* PERSIST_LACKING: effective activities with the owner, minimum, block start */
};
#undef F
#undef WD

int ccad_why_figure(int why, int index, int *out_name_kind)
{
    int kind, name = 0;
    if (out_name_kind != NULL)
        *out_name_kind = 0;
    if (why < 1 || why >= (int)(sizeof figures / sizeof figures[0]) || index < 0 || index > 2)
        return CCAD_FIG_NONE;
    kind = (figures[why] >> (4 * index)) & 15;
    if (kind == CCAD_FIG_ENUM) {
        switch (why) {
        case CCAD_WHY_PLAN_DUE: name = CCAD_NAME_QUADRANT; break;
        case CCAD_WHY_QUADRANT:
            name = index == 0   ? CCAD_NAME_QUADRANT
                   : index == 1 ? CCAD_NAME_GRADE
                                : CCAD_NAME_URGENCY;
            break;
        case CCAD_WHY_OVERDUE: name = CCAD_NAME_ESCALATION; break;
        case CCAD_WHY_TRIAGE:
        case CCAD_WHY_TRIAGE_SHARE:
        case CCAD_WHY_TRIAGE_RANK: name = CCAD_NAME_TRIAGE; break;
        case CCAD_WHY_INACTIVE: name = CCAD_NAME_STATUS; break;
        case CCAD_WHY_SERVICE: name = CCAD_NAME_SERVICE; break;
        case CCAD_WHY_TEAM_NO_CARRIER: name = CCAD_NAME_DELEGATION; break;
        default: name = CCAD_NAME_GRADE; break;
        }
    }
    if (out_name_kind != NULL)
        *out_name_kind = name;
    return kind;
}
