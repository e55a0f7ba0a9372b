/* The English text of a reason (ccad_reason_format): each reason code's
 * figures written out as dates, money, counts and names. The names of the
 * codes and their figure kinds are in names.c; other languages in lang.c. */
#include "internal.h"

#include <limits.h>
#include <stdio.h>

static const char *grade_letter(int64_t g)
{
    static const char l[][2] = {"-", "A", "B", "C", "D"};
    return g >= 0 && g <= 4 ? l[g] : "?";
}

/* Writes money in minor units as a decimal with two places. */
static void money_text(char buf[32], int64_t m)
{
    uint64_t u = m < 0 ? (uint64_t)0 - (uint64_t)m : (uint64_t)m;
    snprintf(buf, 32, "%s%llu.%02llu", m < 0 ? "-" : "", (unsigned long long)(u / 100),
             (unsigned long long)(u % 100));
}

/* "s" unless n is 1, for plurals. */
static const char *pl(long long n) { return n == 1 ? "" : "s"; }

/* Writes a date figure as YYYY-MM-DD, or "none". */
static void date_text(char buf[16], int64_t d)
{
    if (d < CCAD_DATE_MIN || d > CCAD_DATE_MAX || ccad_date_format(buf, 16, (int32_t)d) != 0)
        snprintf(buf, 16, "none");
}

/* a - b without overflow: saturates at the ends of int64_t. */
long long ccad__sat_sub(long long a, long long b)
{
    if (b < 0 && a > LLONG_MAX + b)
        return LLONG_MAX;
    if (b > 0 && a < LLONG_MIN + b)
        return LLONG_MIN;
    return a - b;
}

/* Writes minutes after midnight as HH:MM; a negative figure as -HH:MM of its
 * magnitude (no signed arithmetic, so INT64_MIN is fine too). */
void ccad__clock_text(char buf[32], int64_t m)
{
    uint64_t u = m < 0 ? (uint64_t)0 - (uint64_t)m : (uint64_t)m;
    snprintf(buf, 32, "%s%02llu:%02llu", m < 0 ? "-" : "", (unsigned long long)(u / 60),
             (unsigned long long)(u % 60));
}

/* Writes a weekday mask (bit 0 = Monday) as "Mon Wed Fri", or "none". */
static void weekdays_text(char *buf, size_t cap, int64_t mask_figure)
{
    uint64_t mask = (uint64_t)mask_figure;
    static const char day[][4] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    size_t len = 0;
    int k;
    buf[0] = '\0';
    for (k = 0; k < 7; k++)
        if ((mask >> k) & 1) {
            int w = snprintf(buf + len, cap - len, "%s%s", len ? " " : "", day[k]);
            if (w < 0 || (size_t)w >= cap - len)
                break;
            len += (size_t)w;
        }
    if (len == 0)
        snprintf(buf, cap, "none");
}

/* The figures of a reason and their texts, prepared once for the family
 * helpers below. */
struct reason_text {
    long long a, b, c;
    char d1[16], d2[16], m1[32], m2[32], m3[32];
};

#define IDX(t, x) ((x) >= 0 && (x) < (long long)(sizeof t / sizeof t[0]) ? t[x] : "?")

/* The record parts of bit set `bits` as words, comma-separated. */
static void parts_text(char *buf, size_t cap, long long bits)
{
    static const char names[][14] = {"purpose", "what was said", "state", "solved", "next problem"};
    size_t used = 0;
    int k;
    buf[0] = '\0';
    for (k = 0; k < 5; k++)
        if ((bits >> k) & 1) {
            int w = snprintf(buf + used, cap - used, "%s%s", used ? ", " : "", names[k]);
            if (w < 0 || (size_t)w >= cap - used)
                return;
            used += (size_t)w;
        }
}

/* Names the assessment reasons use for an enumeration figure. */
static const char urg[][24] = {"not urgent", "urgent within two weeks", "urgent this week",
                               "urgent today"};
static const char kinds[][12] = {"-", "self-driven", "push-needed", "unmovable"};
static const char levels[][16] = {"not escalated", "remind the rep", "rep and manager", "reassign"};
static const char svc[][12] = {"-", "basic", "satisfying", "value-added", "moving"};
static const char status[][11] = {"?", "prospect", "active", "key", "released", "eliminated"};

/* The assessment rules' reasons (ccad_assess) of grade, urgency, quadrant,
 * frequency, due date, gap and follow-up: writes the text to buf, its snprintf result
 * to *n, and returns 1; 0 when r->why is not one of them. */
static int format_cadence_reason(char *buf, size_t cap, const ccad_reason *r, struct reason_text *t,
                                 int *n)
{
    switch (r->why) {
    case CCAD_WHY_GRADE_MANUAL:
        *n = snprintf(buf, cap, "GRADE: %s set by hand", grade_letter(t->a));
        return 1;
    case CCAD_WHY_GRADE_RANK:
        if (t->a == 0)
            *n = snprintf(buf, cap,
                          "GRADE: not ranked (left the book), value within the top %lld %% of the "
                          "%lld ranked",
                          t->c, t->b);
        else
            *n = snprintf(buf, cap, "GRADE: rank %lld of %lld by value, within the top %lld %%",
                          t->a, t->b, t->c);
        return 1;
    case CCAD_WHY_GRADE_THRESHOLD:
        *n = snprintf(buf, cap, "GRADE: value %s, threshold %s", t->m1, t->m2);
        return 1;
    case CCAD_WHY_URGENCY_PURCHASE:
        *n = snprintf(buf, cap, "URGENCY: purchase decision in %lld day%s (within %lld)", t->a,
                      pl(t->a), t->b);
        return 1;
    case CCAD_WHY_URGENCY_COMPLAINT:
        *n = snprintf(buf, cap, "URGENCY: complaint open since %s (%lld day%s)", t->d1, t->b,
                      pl(t->b));
        return 1;
    case CCAD_WHY_URGENCY_REQUEST:
        if (t->b < 0)
            *n = snprintf(buf, cap, "URGENCY: customer asked to be seen on %s (%llu day%s ago)",
                          t->d1, (unsigned long long)0 - (unsigned long long)t->b,
                          pl(t->b == -1 ? 1 : 2));
        else
            *n = snprintf(buf, cap, "URGENCY: customer asked to be seen on %s (in %lld day%s)",
                          t->d1, t->b, pl(t->b));
        return 1;
    case CCAD_WHY_URGENCY_PASSED:
        *n = snprintf(buf, cap, "URGENCY: expected purchase date passed %lld day%s ago; update it",
                      t->a, pl(t->a));
        return 1;
    case CCAD_WHY_QUADRANT:
        *n = snprintf(buf, cap, "QUADRANT: Q%lld (grade %s, %s)", t->a, grade_letter(t->b),
                      IDX(urg, t->c));
        return 1;
    case CCAD_WHY_FREQ:
        *n = snprintf(buf, cap, "FREQ: %lld per %lld day%s: every %lld day%s", t->a, t->b, pl(t->b),
                      t->c, pl(t->c));
        return 1;
    case CCAD_WHY_FREQ_NONE:
        *n = snprintf(buf, cap, "FREQ: no fixed contact duty for grade %s", grade_letter(t->a));
        return 1;
    case CCAD_WHY_FREQ_LET_GO:
        *n = snprintf(buf, cap, "FREQ: self-driven, interval x%lld: %lld -> %lld days", t->a, t->b,
                      t->c);
        return 1;
    case CCAD_WHY_DUE: {
        char d3[16];
        date_text(d3, r->c);
        *n = snprintf(buf, cap, "CLOCK: last contact %s + %lld day%s = due %s", t->d1, t->b,
                      pl(t->b), d3);
        return 1;
    }
    case CCAD_WHY_DUE_NEXT_STEP:
        *n = snprintf(buf, cap, "FOLLOWUP: next step agreed for %s", t->d1);
        return 1;
    case CCAD_WHY_DUE_EVENT:
        *n = snprintf(buf, cap, "URGENCY: urgent matter due %s", t->d1);
        return 1;
    case CCAD_WHY_OVERDUE:
        *n = snprintf(buf, cap, "ESCALATE: %lld day%s overdue: %s (this level from %lld)", t->a,
                      pl(t->a), IDX(levels, t->b), t->c);
        return 1;
    case CCAD_WHY_GAP_WARN:
        *n = snprintf(buf, cap, "GAP: %lld-day gap between contacts, maximum %lld (%lld over)",
                      t->a, t->b, t->c);
        return 1;
    case CCAD_WHY_GAP_ALERT:
        *n = snprintf(buf, cap,
                      "GAP: %lld-day gap between contacts, alert at %lld (%lld over the maximum)",
                      t->a, t->b, t->c);
        return 1;
    case CCAD_WHY_NO_RECORD:
        *n = snprintf(buf, cap, "FOLLOWUP: latest contact has no record (%lld without record)",
                      t->a);
        return 1;
    case CCAD_WHY_NO_NEXT_STEP:
        *n = snprintf(buf, cap, "FOLLOWUP: contact on %s set no next step", t->d1);
        return 1;
    case CCAD_WHY_REMINDER:
        *n = snprintf(buf, cap, "FOLLOWUP: reminder today (%s) for the contact due %s", t->d1,
                      t->d2);
        return 1;
    default: return 0;
    }
}

/* The assessment rules' reasons of stall, patience, ownership,
 * triage, complaint and service (as format_cadence_reason). */
static int format_relation_reason(char *buf, size_t cap, const ccad_reason *r,
                                  struct reason_text *t, int *n)
{
    switch (r->why) {
    case CCAD_WHY_STALLED:
        *n = snprintf(buf, cap,
                      "STALL: %lld contact%s without progress (limit %lld): change strategy or ask "
                      "for the close",
                      t->a, pl(t->a), t->b);
        return 1;
    case CCAD_WHY_PATIENCE:
        *n = snprintf(buf, cap, "PATIENCE: %lld of %lld contacts; a release now would be premature",
                      t->a, t->b);
        return 1;
    case CCAD_WHY_PATIENCE_RHYTHM:
        *n = snprintf(buf, cap, "PATIENCE: rhythm broken (%lld-day gap, maximum %lld)", t->a, t->b);
        return 1;
    case CCAD_WHY_RELEASED_EARLY:
        *n = snprintf(buf, cap, "PATIENCE: released after %lld of %lld contacts", t->a, t->b);
        return 1;
    case CCAD_WHY_OWNERSHIP: {
        char d3[16];
        date_text(d3, r->c);
        if (t->a < 0)
            *n = snprintf(
                buf, cap, "OWNERSHIP: the %lld days of ownership ended %llu day%s ago (%s)", t->b,
                (unsigned long long)0 - (unsigned long long)t->a, pl(t->a == -1 ? 1 : 2), d3);
        else
            *n = snprintf(buf, cap, "OWNERSHIP: %lld day%s left of %lld (ends %s)", t->a, pl(t->a),
                          t->b, d3);
        return 1;
    }
    case CCAD_WHY_TRIAGE:
        *n = snprintf(buf, cap, "TRIAGE: %s, monthly volume %s (threshold %s)", IDX(kinds, t->a),
                      t->m2, t->m3);
        return 1;
    case CCAD_WHY_TRIAGE_MARGIN:
        *n = snprintf(buf, cap, "TRIAGE: margin %lld bp >= %lld bp lifts the kind one step", t->a,
                      t->b);
        return 1;
    case CCAD_WHY_TRIAGE_SHARE:
        *n = snprintf(buf, cap, "TRIAGE: %s, our share of its sales %lld %% (threshold %lld %%)",
                      IDX(kinds, t->a), t->b, t->c);
        return 1;
    case CCAD_WHY_TRIAGE_RANK:
        *n = snprintf(buf, cap,
                      "TRIAGE: %s, we rank no. %lld among its suppliers (threshold no. %lld)",
                      IDX(kinds, t->a), t->b, t->c);
        return 1;
    case CCAD_WHY_COMPLAINT_OPEN:
        *n = snprintf(buf, cap, "COMPLAINT: open since %s (%lld day%s): follow up until resolved",
                      t->d1, t->b, pl(t->b));
        return 1;
    case CCAD_WHY_COMPLAINT_CARE:
        *n = snprintf(buf, cap, "COMPLAINT: resolved %s, care contact %s", t->d1, t->d2);
        return 1;
    case CCAD_WHY_NEVER_CONTACTED:
        *n = snprintf(buf, cap, "NEVER: never contacted%s", t->a ? ", due now" : "");
        return 1;
    case CCAD_WHY_INACTIVE:
        *n = snprintf(buf, cap, "FREQ: %s, no contact duty", IDX(status, t->a));
        return 1;
    case CCAD_WHY_GIVE_UP:
        *n = snprintf(buf, cap,
                      "TRIAGE: given up: no contact planned; release proposed after %lld contact%s "
                      "(patience asks for %lld)%s",
                      t->a, pl(t->a), t->b, t->c ? ": premature" : "");
        return 1;
    case CCAD_WHY_FREQ_RAMP:
        *n = snprintf(
            buf, cap,
            "FREQ: purchase decision in %lld days: ramp up from every %lld to every %lld day%s",
            t->a, t->b, t->c, pl(t->c));
        return 1;
    case CCAD_WHY_Q1_VISITS_ONLY:
        if (t->b < 0)
            *n = snprintf(buf, cap,
                          "CLOCK: the purchase window asks for visits; the contact of %s is not "
                          "one, and no visit yet: due now",
                          t->d1);
        else
            *n = snprintf(buf, cap,
                          "CLOCK: the purchase window asks for visits; the contact of %s is not "
                          "one (last visit %lld day%s ago)",
                          t->d1, t->b, pl(t->b));
        return 1;
    case CCAD_WHY_ORDER_CLOSED:
        *n = snprintf(buf, cap, "URGENCY: the order of %s closed the purchase decision of %s",
                      t->d1, t->d2);
        return 1;
    case CCAD_WHY_SERVICE:
        *n = snprintf(buf, cap, "SERVICE: %lld contact%s at the %s level", t->b, pl(t->b),
                      IDX(svc, t->a));
        return 1;
    default: return 0;
    }
}

/* The planner's reasons of quadrant, capacity, workload, platform, gap
 * and reminders (as format_cadence_reason). */
static int format_planner_reason(char *buf, size_t cap, const ccad_reason *r, struct reason_text *t,
                                 int *n)
{
    switch (r->why) {
    case CCAD_WHY_PLAN_DUE:
        if (t->c > 0)
            *n = snprintf(
                buf, cap,
                "QUADRANT: planned as Q%lld (big rocks first), due %s, %lld day%s overdue", t->b,
                t->d1, t->c, pl(t->c));
        else
            *n = snprintf(buf, cap, "QUADRANT: planned as Q%lld (big rocks first), due %s", t->b,
                          t->d1);
        return 1;
    case CCAD_WHY_PLAN_ROLLED:
        *n = snprintf(buf, cap, "CAPACITY: rolled over from %s (%lld day%s waiting for room)",
                      t->d1, t->b, pl(t->b));
        return 1;
    case CCAD_WHY_PLAN_DELEGATED:
        *n = snprintf(buf, cap,
                      "CAPACITY: urgent but not important and the day is full (%lld of %lld%s): "
                      "delegated to a colleague",
                      t->a, t->b, t->c ? " min" : "");
        return 1;
    case CCAD_WHY_PLAN_ABSENT:
        *n = snprintf(buf, cap, "CAPACITY: the rep is away on %s: handed to the substitute", t->d1);
        return 1;
    case CCAD_WHY_PERSIST_BLOCK:
        *n = snprintf(buf, cap, "PERSIST: day %lld of a %lld-day block (one block per %lld days)",
                      t->a, t->b, t->c);
        return 1;
    case CCAD_WHY_KEEPWARM_TOUCH:
        *n = snprintf(buf, cap, "KEEPWARM: touch on the special date %s", t->d1);
        return 1;
    case CCAD_WHY_CAPACITY_FULL:
        *n = snprintf(
            buf, cap,
            "CAPACITY: important contacts did not fit on %s (%lld planned, capacity %lld)", t->d1,
            t->b, t->c);
        return 1;
    case CCAD_WHY_WORKLOAD_OVER:
        *n = snprintf(buf, cap,
                      "WORKLOAD: %lld contacts needed, capacity %lld (cut %lld, or stretch "
                      "intervals x%lld/100)",
                      t->a, t->b, ccad__sat_sub(t->a, t->b), t->c);
        return 1;
    case CCAD_WHY_PLATFORM_OVER_CAP:
        *n = snprintf(buf, cap, "PLATFORM: working platform of %lld customers, cap %lld", t->a,
                      t->b);
        return 1;
    case CCAD_WHY_PLATFORM_UNDER_MIN:
        *n = snprintf(buf, cap,
                      "PLATFORM: working platform of %lld customers, under the minimum of %lld",
                      t->a, t->b);
        return 1;
    case CCAD_WHY_PLATFORM_C_HEAVY:
        *n = snprintf(buf, cap,
                      "PLATFORM: %lld of %lld working customers are C or D (limit %lld %%)", t->a,
                      t->b, t->c);
        return 1;
    case CCAD_WHY_PLAN_DROPPED:
        *n = snprintf(buf, cap,
                      "CAPACITY: best-effort contact dropped after waiting since %s (%lld day%s)",
                      t->d1, t->b, pl(t->b));
        return 1;
    case CCAD_WHY_PLAN_UNPLANNED:
        *n = snprintf(buf, cap, "CAPACITY: due %s but not planned in the range%s", t->d1,
                      t->b ? " (never contacted)" : "");
        return 1;
    case CCAD_WHY_GAP_PLANNED: {
        char d3[16];
        date_text(d3, r->c);
        *n = snprintf(buf, cap, "GAP: the plan leaves a %lld-day gap ending %s (maximum %lld)",
                      t->a, d3, t->b);
        return 1;
    }
    case CCAD_WHY_CARE_CONTACT:
        *n = snprintf(buf, cap,
                      "COMPLAINT: care contact after the complaint resolved %s (care due %s)",
                      t->d1, t->d2);
        return 1;
    case CCAD_WHY_REMINDER_DUE:
        *n = snprintf(buf, cap, "FOLLOWUP: reminder on %s for the contact on %s", t->d1, t->d2);
        return 1;
    case CCAD_WHY_PLAN_EARLY:
        *n = snprintf(buf, cap, "CAPACITY: spare room: planned %lld day%s before its due date %s",
                      t->b, pl(t->b), t->d1);
        return 1;
    default: return 0;
    }
}

/* The reasons of team plans and proposals, and the planner's and rules'
 * reasons of what the visits held (as format_cadence_reason). */
static int format_team_visit_reason(char *buf, size_t cap, const ccad_reason *r,
                                    struct reason_text *t, int *n)
{
    switch (r->why) {
    case CCAD_WHY_TEAM_CARRIER:
        *n = snprintf(buf, cap,
                      "CAPACITY: carried out by a teammate with room (%lld min more travel; %lld "
                      "contact%s that day, limit %lld)",
                      t->a, t->b, pl(t->b), t->c);
        return 1;
    case CCAD_WHY_TEAM_NO_CARRIER:
        *n = snprintf(buf, cap,
                      "CAPACITY: no teammate had room on %s (%lld present) for this %s contact",
                      t->d1, t->b, t->c == CCAD_BY_SUBSTITUTE ? "substitute's" : "colleague's");
        return 1;
    case CCAD_WHY_POOL_RELEASE:
        *n = snprintf(buf, cap,
                      "OWNERSHIP: release to the pool proposed after %lld contact%s (patience asks "
                      "for %lld)%s",
                      t->a, pl(t->a), t->b, t->c ? ": premature" : "");
        return 1;
    case CCAD_WHY_POOL_IDLE: {
        char d3[16];
        date_text(d3, r->c);
        *n = snprintf(buf, cap, "OWNERSHIP: idle for %lld day%s since %s (release after %lld)",
                      t->a, pl(t->a), d3, t->b);
        return 1;
    }
    case CCAD_WHY_POOL_ASSIGN:
        *n = snprintf(buf, cap,
                      "WORKLOAD: pool customer proposed to the nearest rep with room (%lld min "
                      "from the base; %lld contact%s of room left, it needs %lld)",
                      t->a, t->b, pl(t->b), t->c);
        return 1;
    case CCAD_WHY_TEAM_MOVE:
        *n = snprintf(buf, cap,
                      "WORKLOAD: move proposed from an overloaded rep (%lld %% of capacity) to one "
                      "with room (%lld %% after it); territory travel %+lld min",
                      t->b, t->c, t->a);
        return 1;
    case CCAD_WHY_RECORD_LATE:
        *n = snprintf(
            buf, cap,
            "FOLLOWUP: the record of the contact on %s was entered on %s, %lld day%s late", t->d1,
            t->d2, t->c, pl(t->c));
        return 1;
    case CCAD_WHY_RECORD_INCOMPLETE: {
        char parts[64];
        parts_text(parts, sizeof parts, t->b);
        *n = snprintf(buf, cap, "FOLLOWUP: the latest record lacks %lld part%s: %s", t->a, pl(t->a),
                      parts);
        return 1;
    }
    case CCAD_WHY_STALL_REPEATED:
        *n = snprintf(buf, cap,
                      "STALL: %lld of %lld contacts without progress had no sales purpose or "
                      "repeated the last (close asked %lld time%s): give each visit a new purpose",
                      t->b, t->a, t->c, pl(t->c));
        return 1;
    case CCAD_WHY_STALL_NO_CLOSE:
        *n = snprintf(buf, cap,
                      "STALL: %lld contact%s with a purpose but no progress, and the close never "
                      "asked: ask for the close",
                      t->a, pl(t->a));
        return 1;
    case CCAD_WHY_PERSIST_LACKING: {
        char d3[16];
        date_text(d3, r->c);
        *n = snprintf(buf, cap,
                      "PERSIST: the block begun on %s closed with %lld of %lld effective "
                      "activities done with the owner",
                      d3, t->a, t->b);
        return 1;
    }
    case CCAD_WHY_PATIENCE_RUN:
        if (t->c > 0)
            *n = snprintf(buf, cap,
                          "PATIENCE: %lld of %lld consecutive contacts (a %lld-day gap broke the "
                          "run); a release now would be premature",
                          t->a, t->b, t->c);
        else
            *n = snprintf(
                buf, cap,
                "PATIENCE: %lld of %lld consecutive contacts; a release now would be premature",
                t->a, t->b);
        return 1;
    default: return 0;
    }
}

/* The reasons of the route and the visit-day and visit-hour constraints. */
static int format_route_reason(char *buf, size_t cap, const ccad_reason *r, struct reason_text *t,
                               int *n)
{
    switch (r->why) {
    case CCAD_WHY_ROUTE_LATE:
        ccad__clock_text(t->m1, r->a);
        ccad__clock_text(t->m2, r->b);
        *n = snprintf(buf, cap, "ROUTE: starts %s, limit %s: %lld min late", t->m1, t->m2, t->c);
        return 1;
    case CCAD_WHY_ROUTE_DAY:
        *n = snprintf(
            buf, cap,
            "ROUTE: moved from %s to lie closer to the day's other stops (saves about %lld)", t->d1,
            t->b);
        return 1;
    case CCAD_WHY_PLAN_BLOCKED_DAYS: {
        char wd[32];
        weekdays_text(wd, sizeof wd, t->b);
        *n = snprintf(
            buf, cap,
            "ROUTE: due %s, but no working day of the range is one of its visit days (%s)", t->d1,
            wd);
        return 1;
    }
    case CCAD_WHY_PLAN_BLOCKED_HOURS:
        ccad__clock_text(t->m1, r->a);
        ccad__clock_text(t->m2, r->b);
        *n = snprintf(
            buf, cap,
            "ROUTE: visit hours %s-%s cannot hold a %lld-min visit within the working day", t->m1,
            t->m2, t->c);
        return 1;
    case CCAD_WHY_PLAN_BLOCKED_TIME:
        *n = snprintf(buf, cap,
                      "ROUTE: due %s, but no allowed day had time for it (alone it needs %lld of "
                      "the day's %lld min)",
                      t->d1, t->b, t->c);
        return 1;
    case CCAD_WHY_PLAN_VISIT_DAY: {
        char wd[32];
        weekdays_text(wd, sizeof wd, t->b);
        *n = snprintf(buf, cap, "ROUTE: due %s, planned on its next visit day (%s)", t->d1, wd);
        return 1;
    }
    default: return 0;
    }
}

#undef IDX

int ccad_reason_format(char *buf, size_t cap, const ccad_reason *r, size_t *out_len)
{
    struct reason_text t;
    int n;
    if (buf == NULL || cap == 0 || r == NULL)
        return CCAD_EINVAL;
    t.a = (long long)r->a;
    t.b = (long long)r->b;
    t.c = (long long)r->c;
    date_text(t.d1, r->a);
    date_text(t.d2, r->b);
    money_text(t.m1, r->a);
    money_text(t.m2, r->b);
    money_text(t.m3, r->c);
    if (!format_cadence_reason(buf, cap, r, &t, &n) &&
        !format_relation_reason(buf, cap, r, &t, &n) &&
        !format_planner_reason(buf, cap, r, &t, &n) &&
        !format_team_visit_reason(buf, cap, r, &t, &n) && !format_route_reason(buf, cap, r, &t, &n))
        n = snprintf(buf, cap, "%s: reason %ld (%lld, %lld, %lld)", ccad_rule_name(r->rule),
                     (long)r->why, t.a, t.b, t.c);
    if (n < 0) {
        buf[0] = '\0';
        n = 0;
    }
    if (out_len != NULL)
        *out_len = (size_t)n;
    return (size_t)n < cap ? CCAD_OK : CCAD_ENOSPC;
}
