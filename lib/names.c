/* Names and texts: status codes, rule ids, reason codes, version. */
#include "internal.h"

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
    default: return "unknown error";
    }
}

int ccad_version_number(void) { return CCAD_VERSION_NUMBER; }
const char *ccad_version_string(void) { return CCAD_VERSION_STRING; }
size_t ccad_reasons_max(void) { return CCAD_REASONS_MAX; }

static const char rule_names[][10] = {
    "?",        "GRADE",   "URGENCY",  "QUADRANT", "FREQ",     "WORKLOAD", "CAPACITY", "GAP",
    "FOLLOWUP", "STALL",   "PATIENCE", "TRIAGE",   "PERSIST",  "COMPLAINT", "PLATFORM",
    "KEEPWARM", "ROUTE",   "SERVICE",  "EXPLAIN",  "CLOCK",    "ESCALATE", "OWNERSHIP", "NEVER",
};

const char *ccad_rule_name(int rule)
{
    if (rule < 1 || rule >= (int)(sizeof rule_names / sizeof rule_names[0]))
        return "?";
    return rule_names[rule];
}

static const char why_names[][18] = {
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
};

const char *ccad_why_name(int why)
{
    if (why < 1 || why >= (int)(sizeof why_names / sizeof why_names[0]))
        return "?";
    return why_names[why];
}

static const char *grade_letter(int64_t g)
{
    static const char l[][2] = {"-", "A", "B", "C", "D"};
    return g >= 0 && g <= 4 ? l[g] : "?";
}

/* Writes a date figure as YYYY-MM-DD, or "none". */
static void date_text(char buf[16], int64_t d)
{
    if (d < CCAD_DATE_MIN || d > CCAD_DATE_MAX || ccad_date_format(buf, 16, (int32_t)d) != 0)
        snprintf(buf, 16, "none");
}

int ccad_reason_format(char *buf, size_t cap, const ccad_reason *r, size_t *out_len)
{
    static const char urg[][24] = {"not urgent", "urgent within two weeks",
                                      "urgent this week", "urgent today"};
    static const char kinds[][12] = {"-", "self-driven", "push-needed", "unmovable"};
    static const char levels[][16] = {"not escalated", "remind the rep",
                                         "rep and manager", "reassign"};
    static const char svc[][12] = {"-", "basic", "satisfying", "value-added", "moving"};
    static const char status[][11] = {"?", "prospect", "active", "key", "released",
                                         "eliminated"};
    char d1[16], d2[16];
    int n;
    long long a, b, c;
    if (buf == NULL || cap == 0 || r == NULL)
        return CCAD_EINVAL;
    a = (long long)r->a;
    b = (long long)r->b;
    c = (long long)r->c;
    date_text(d1, r->a);
    date_text(d2, r->b);
#define IDX(t, x) ((x) >= 0 && (x) < (long long)(sizeof t / sizeof t[0]) ? t[x] : "?")
    switch (r->why) {
    case CCAD_WHY_GRADE_MANUAL: n = snprintf(buf, cap, "GRADE: %s set by hand", grade_letter(a)); break;
    case CCAD_WHY_GRADE_RANK: n = snprintf(buf, cap, "GRADE: rank %lld of %lld by value, within the top %lld %%", a, b, c); break;
    case CCAD_WHY_GRADE_THRESHOLD: n = snprintf(buf, cap, "GRADE: value %lld, threshold %lld", a, b); break;
    case CCAD_WHY_URGENCY_PURCHASE: n = snprintf(buf, cap, "URGENCY: purchase decision in %lld days (within %lld)", a, b); break;
    case CCAD_WHY_URGENCY_COMPLAINT: n = snprintf(buf, cap, "URGENCY: complaint open since %s (%lld days)", d1, b); break;
    case CCAD_WHY_URGENCY_REQUEST: n = snprintf(buf, cap, "URGENCY: customer asked to be seen on %s (in %lld days)", d1, b); break;
    case CCAD_WHY_URGENCY_PASSED: n = snprintf(buf, cap, "URGENCY: expected purchase date passed %lld days ago; update it", a); break;
    case CCAD_WHY_QUADRANT: n = snprintf(buf, cap, "QUADRANT: Q%lld (grade %s, %s)", a, grade_letter(b), IDX(urg, c)); break;
    case CCAD_WHY_FREQ: n = snprintf(buf, cap, "FREQ: %lld contacts per %lld days, every %lld days", a, b, c); break;
    case CCAD_WHY_FREQ_NONE: n = snprintf(buf, cap, "FREQ: no fixed contact duty for grade %s", grade_letter(a)); break;
    case CCAD_WHY_FREQ_LET_GO: n = snprintf(buf, cap, "FREQ: self-driven, interval x%lld: %lld -> %lld days", a, b, c); break;
    case CCAD_WHY_DUE: {
        char d3[16];
        date_text(d3, r->c);
        n = snprintf(buf, cap, "CLOCK: last contact %s + %lld days = due %s", d1, b, d3);
        break;
    }
    case CCAD_WHY_DUE_NEXT_STEP: n = snprintf(buf, cap, "FOLLOWUP: next step agreed for %s", d1); break;
    case CCAD_WHY_DUE_EVENT: n = snprintf(buf, cap, "URGENCY: urgent matter due %s", d1); break;
    case CCAD_WHY_OVERDUE: n = snprintf(buf, cap, "ESCALATE: %lld days overdue: %s", a, IDX(levels, b)); break;
    case CCAD_WHY_GAP_WARN: n = snprintf(buf, cap, "GAP: %lld days without contact, maximum %lld (%lld over)", a, b, c); break;
    case CCAD_WHY_GAP_ALERT: n = snprintf(buf, cap, "GAP: %lld days without contact, alert at %lld (%lld over the maximum)", a, b, c); break;
    case CCAD_WHY_NO_RECORD: n = snprintf(buf, cap, "FOLLOWUP: latest contact has no record (%lld without record)", a); break;
    case CCAD_WHY_NO_NEXT_STEP: n = snprintf(buf, cap, "FOLLOWUP: contact on %s set no next step", d1); break;
    case CCAD_WHY_REMINDER: n = snprintf(buf, cap, "FOLLOWUP: reminder today for the contact due %s", d2); break;
    case CCAD_WHY_STALLED: n = snprintf(buf, cap, "STALL: %lld contacts without progress (limit %lld): change strategy or ask for the close", a, b); break;
    case CCAD_WHY_PATIENCE: n = snprintf(buf, cap, "PATIENCE: %lld of %lld contacts; a release now is premature", a, b); break;
    case CCAD_WHY_PATIENCE_RHYTHM: n = snprintf(buf, cap, "PATIENCE: rhythm broken (%lld-day gap, maximum %lld)", a, b); break;
    case CCAD_WHY_RELEASED_EARLY: n = snprintf(buf, cap, "PATIENCE: released after %lld of %lld contacts", a, b); break;
    case CCAD_WHY_OWNERSHIP: {
        char d3[16];
        date_text(d3, r->c);
        n = snprintf(buf, cap, "OWNERSHIP: %lld days left (ends %s)", a, d3);
        break;
    }
    case CCAD_WHY_TRIAGE: n = snprintf(buf, cap, "TRIAGE: %s, monthly volume %lld (threshold %lld)", IDX(kinds, a), b, c); break;
    case CCAD_WHY_TRIAGE_MARGIN: n = snprintf(buf, cap, "TRIAGE: margin %lld bp >= %lld bp lifts the kind one step", a, b); break;
    case CCAD_WHY_COMPLAINT_OPEN: n = snprintf(buf, cap, "COMPLAINT: open since %s (%lld days): contact daily until resolved", d1, b); break;
    case CCAD_WHY_COMPLAINT_CARE: n = snprintf(buf, cap, "COMPLAINT: resolved %s, care contact %s", d1, d2); break;
    case CCAD_WHY_NEVER_CONTACTED: n = snprintf(buf, cap, "NEVER: never contacted"); break;
    case CCAD_WHY_INACTIVE: n = snprintf(buf, cap, "FREQ: %s, no contact duty", IDX(status, a)); break;
    case CCAD_WHY_SERVICE: n = snprintf(buf, cap, "SERVICE: %lld contacts at the %s level", b, IDX(svc, a)); break;
    default: n = snprintf(buf, cap, "%s: reason %ld (%lld, %lld, %lld)", ccad_rule_name(r->rule), (long)r->why, a, b, c); break;
    }
#undef IDX
    if (n < 0) {
        buf[0] = '\0';
        n = 0;
    }
    if (out_len != NULL)
        *out_len = (size_t)n;
    return (size_t)n < cap ? CCAD_OK : CCAD_ENOSPC;
}
