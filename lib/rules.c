/* Rules: the parameter table, validated access and the strict text format
 * (its parser of whole texts, ccad_rules_parse, is in rules_parse.c). */
#include "internal.h"

#include <stdio.h>
#include <string.h>

enum pkind { K_INT, K_BOOL, K_ENUM, K_MASK, K_DAYS };

/* Character arrays rather than pointers keep the table in read-only data
 * (no relocations), so the shared library has no writable data at all. */
struct param {
    char name[32];
    int rule;
    enum pkind kind;
    int64_t min, max, def;
    char unit[8];
    char keywords[2][12]; /* K_ENUM: keyword of value 0 and 1 */
    char help[88];
};

#define MONEY_MAX INT64_C(1000000000000000) /* 10^15 minor units */
#define DAYS_MAX 3660

/* Order matters: it is enum ccad__param's order and the serialization order. */
static const struct param params[P__COUNT] = {
    {"grade.method", CCAD_RULE_GRADE, K_ENUM, 0, 1, CCAD_GRADE_BY_RANK, "enum", {"rank", "threshold"},
     "grade by rank share (rank) or by value thresholds (threshold)"},
    {"grade.share_a_pct", CCAD_RULE_GRADE, K_INT, 0, 100, 15, "pct", {"", ""},
     "rank method: share of customers graded A, highest value first"},
    {"grade.share_b_pct", CCAD_RULE_GRADE, K_INT, 0, 100, 25, "pct", {"", ""},
     "rank method: share graded B after the A share"},
    {"grade.share_c_pct", CCAD_RULE_GRADE, K_INT, 0, 100, 60, "pct", {"", ""},
     "rank method with grade D on: share graded C; the rest is D"},
    {"grade.use_d", CCAD_RULE_GRADE, K_BOOL, 0, 1, 0, "bool", {"", ""},
     "use a fourth grade D below C"},
    {"grade.threshold_a", CCAD_RULE_GRADE, K_INT, 0, MONEY_MAX, 10000000, "minor", {"", ""},
     "threshold method: value (minor units) from which a customer is A"},
    {"grade.threshold_b", CCAD_RULE_GRADE, K_INT, 0, MONEY_MAX, 2000000, "minor", {"", ""},
     "threshold method: value from which a customer is B"},
    {"grade.threshold_c", CCAD_RULE_GRADE, K_INT, 0, MONEY_MAX, 500000, "minor", {"", ""},
     "threshold method with grade D on: value from which a customer is C"},
    {"urgency.week_days", CCAD_RULE_URGENCY, K_INT, 0, 366, 7, "days", {"", ""},
     "purchase decision within this many days: urgent this week"},
    {"urgency.two_weeks_days", CCAD_RULE_URGENCY, K_INT, 0, 366, 14, "days", {"", ""},
     "purchase decision within this many days: urgent within two weeks"},
    {"urgency.request_days", CCAD_RULE_URGENCY, K_INT, 0, 366, 1, "days", {"", ""},
     "a pending visit request at most this many days ahead is urgent"},
    {"quadrant.important", CCAD_RULE_QUADRANT, K_MASK, 0, 15, 3, "mask", {"", ""},
     "grades that count as important (letters A-D)"},
    {"freq.q1_week_count", CCAD_RULE_FREQ, K_INT, 0, 366, 1, "count", {"", ""},
     "important and buying within urgency.week_days: contacts per period"},
    {"freq.q1_week_days", CCAD_RULE_FREQ, K_INT, 1, 366, 1, "days", {"", ""},
     "period of freq.q1_week_count"},
    {"freq.q1_two_weeks_count", CCAD_RULE_FREQ, K_INT, 0, 366, 3, "count", {"", ""},
     "important and buying within urgency.two_weeks_days: contacts per period"},
    {"freq.q1_two_weeks_days", CCAD_RULE_FREQ, K_INT, 1, 366, 7, "days", {"", ""},
     "period of freq.q1_two_weeks_count"},
    {"freq.a_count", CCAD_RULE_FREQ, K_INT, 0, 366, 2, "count", {"", ""},
     "grade A: contacts per period"},
    {"freq.a_days", CCAD_RULE_FREQ, K_INT, 1, 366, 7, "days", {"", ""}, "period of freq.a_count"},
    {"freq.b_count", CCAD_RULE_FREQ, K_INT, 0, 366, 1, "count", {"", ""},
     "grade B: contacts per period"},
    {"freq.b_days", CCAD_RULE_FREQ, K_INT, 1, 366, 7, "days", {"", ""}, "period of freq.b_count"},
    {"freq.c_count", CCAD_RULE_FREQ, K_INT, 0, 366, 1, "count", {"", ""},
     "grade C: contacts per period (best effort)"},
    {"freq.c_days", CCAD_RULE_FREQ, K_INT, 1, 366, 28, "days", {"", ""}, "period of freq.c_count"},
    {"freq.d_count", CCAD_RULE_FREQ, K_INT, 0, 366, 0, "count", {"", ""},
     "grade D: contacts per period (0 = no fixed duty)"},
    {"freq.d_days", CCAD_RULE_FREQ, K_INT, 1, 366, 28, "days", {"", ""}, "period of freq.d_count"},
    {"freq.work_days", CCAD_RULE_FREQ, K_DAYS, 1, 127, 31, "mask", {"", ""},
     "weekdays on which contacts fall due (Mon+Tue+...); other due dates move to the next"},
    {"freq.let_go_factor", CCAD_RULE_TRIAGE, K_INT, 1, 10, 2, "factor", {"", ""},
     "self-driven customers not urgent: interval multiplied by this (1 = off)"},
    {"gap.max_days", CCAD_RULE_GAP, K_INT, 1, 366, 14, "days", {"", ""},
     "longest gap between contacts before a warning"},
    {"gap.alert_days", CCAD_RULE_GAP, K_INT, 1, 366, 21, "days", {"", ""},
     "gap from which the warning becomes an alert"},
    {"gap.grades", CCAD_RULE_GAP, K_MASK, 0, 15, 3, "mask", {"", ""},
     "grades whose gaps are watched (letters A-D)"},
    {"gap.half_life_days", CCAD_RULE_GAP, K_INT, 1, 366, 14, "days", {"", ""},
     "temperature halves every this many days without contact"},
    {"followup.reminder_lead_days", CCAD_RULE_FOLLOWUP, K_INT, 0, 30, 1, "days", {"", ""},
     "reminder this many days before a due contact"},
    {"stall.after", CCAD_RULE_STALL, K_INT, 1, 1000, 3, "count", {"", ""},
     "consecutive contacts without progress that mark a customer stalled"},
    {"patience.min_contacts", CCAD_RULE_PATIENCE, K_INT, 0, 1000, 5, "count", {"", ""},
     "contacts before a release is not premature"},
    {"triage.self_driven_volume", CCAD_RULE_TRIAGE, K_INT, 0, MONEY_MAX, 8000000, "minor", {"", ""},
     "monthly volume with us from which a customer is self-driven"},
    {"triage.push_volume", CCAD_RULE_TRIAGE, K_INT, 0, MONEY_MAX, 5000000, "minor", {"", ""},
     "monthly volume from which a customer is push-needed"},
    {"triage.unmovable_volume", CCAD_RULE_TRIAGE, K_INT, 0, MONEY_MAX, 3000000, "minor", {"", ""},
     "monthly volume below which a customer is unmovable"},
    {"triage.band", CCAD_RULE_TRIAGE, K_ENUM, 0, 1, 0, "enum", {"push", "unmovable"},
     "kind of the band between unmovable_volume and push_volume: push or unmovable"},
    {"triage.margin_lift_bp", CCAD_RULE_TRIAGE, K_INT, 0, 10000, 3000, "bp", {"", ""},
     "their margin on our product from which the kind is lifted one step (0 = off)"},
    {"complaint.followup_days", CCAD_RULE_COMPLAINT, K_INT, 1, 366, 1, "days", {"", ""},
     "open complaint: days between follow-up contacts"},
    {"complaint.care_after_days", CCAD_RULE_COMPLAINT, K_INT, 0, 366, 7, "days", {"", ""},
     "care contact this many days after a complaint is resolved"},
    {"clock.any_contact", CCAD_RULE_CLOCK, K_BOOL, 0, 1, 1, "bool", {"", ""},
     "any logged contact restarts the clock (0: only visits)"},
    {"escalate.rep_days", CCAD_RULE_ESCALATE, K_INT, 1, 366, 3, "days", {"", ""},
     "days overdue from which the rep is reminded"},
    {"escalate.manager_days", CCAD_RULE_ESCALATE, K_INT, 1, 366, 5, "days", {"", ""},
     "days overdue from which the manager is told"},
    {"escalate.reassign_days", CCAD_RULE_ESCALATE, K_INT, 1, 366, 7, "days", {"", ""},
     "days overdue from which the customer is flagged for reassignment"},
    {"escalate.q4", CCAD_RULE_ESCALATE, K_BOOL, 0, 1, 0, "bool", {"", ""},
     "escalate overdue Q4 (best-effort) customers too"},
    {"ownership.days", CCAD_RULE_OWNERSHIP, K_INT, 0, DAYS_MAX, 90, "days", {"", ""},
     "days a rep owns a customer from owned_since before it would be released"},
    {"never.due_now", CCAD_RULE_NEVER, K_BOOL, 0, 1, 1, "bool", {"", ""},
     "a customer never contacted is due on the day assessed"},
    {"capacity.q4_rollover_days", CCAD_RULE_CAPACITY, K_INT, 0, 366, 3, "days", {"", ""},
     "a best-effort (Q4) contact waits at most this many days for room, then is dropped"},
    {"capacity.delegate_q3", CCAD_RULE_CAPACITY, K_BOOL, 0, 1, 1, "bool", {"", ""},
     "urgent but unimportant (Q3) contacts without room are delegated (0: they wait)"},
    {"persist.block_days", CCAD_RULE_PERSIST, K_INT, 1, 10, 3, "days", {"", ""},
     "consecutive working days of a persist block for push-needed customers"},
    {"persist.cycle_days", CCAD_RULE_PERSIST, K_INT, 1, 366, 28, "days", {"", ""},
     "at most one persist block per customer in this many days"},
    {"keepwarm.grades", CCAD_RULE_KEEPWARM, K_MASK, 0, 15, 3, "mask", {"", ""},
     "grades that get a touch on each special date (letters A-D)"},
    {"route.service_a_min", CCAD_RULE_ROUTE, K_INT, 1, 1440, 60, "min", {"", ""},
     "service time of a visit to an A customer"},
    {"route.service_b_min", CCAD_RULE_ROUTE, K_INT, 1, 1440, 45, "min", {"", ""},
     "service time of a visit to a B customer"},
    {"route.service_c_min", CCAD_RULE_ROUTE, K_INT, 1, 1440, 30, "min", {"", ""},
     "service time of a visit to a C customer"},
    {"route.service_d_min", CCAD_RULE_ROUTE, K_INT, 1, 1440, 30, "min", {"", ""},
     "service time of a visit to a D customer"},
    {"workload.field_days", CCAD_RULE_WORKLOAD, K_INT, 1, 31, 22, "days", {"", ""},
     "field days in 30 calendar days, when the caller gives none"},
    {"platform.working_cap", CCAD_RULE_PLATFORM, K_INT, 0, 1000000, 50, "count", {"", ""},
     "most customers on the working platform (reserve aside)"},
    {"platform.cap_a", CCAD_RULE_PLATFORM, K_INT, 0, 1000000, 20, "count", {"", ""},
     "A slots when choosing a working platform"},
    {"platform.cap_b", CCAD_RULE_PLATFORM, K_INT, 0, 1000000, 30, "count", {"", ""},
     "B slots when choosing a working platform"},
    {"platform.reserve", CCAD_RULE_PLATFORM, K_INT, 0, 1000000, 10, "count", {"", ""},
     "reserve slots (next best B, then A) beside the working platform"},
    {"platform.c_max_pct", CCAD_RULE_PLATFORM, K_INT, 0, 100, 50, "pct", {"", ""},
     "warn when C and D customers exceed this share of the working platform"},
    {"capacity.pull_ahead_days", CCAD_RULE_CAPACITY, K_INT, 0, 30, 2, "days", {"", ""},
     "spare room takes important contacts due within this many days (0 = never early)"},
    {"route.move_days", CCAD_RULE_ROUTE, K_INT, 0, 14, 2, "days", {"", ""},
     "days a flexible visit may move from its planned day to group stops (0 = never)"},
    {"urgency.order_days", CCAD_RULE_URGENCY, K_INT, 0, CCAD__ORDER_REACH, 14, "days", {"", ""},
     "an order within this many days of the purchase date closes that purchase decision"},
    {"pool.release_days", CCAD_RULE_OWNERSHIP, K_INT, 1, DAYS_MAX, 30, "days", {"", ""},
     "days without a contact after which a customer's release to the pool is proposed (teams)"},
};

size_t ccad_rules_param_count(void) { return P__COUNT; }

int ccad_rules_param_info(ccad_param_info *info, size_t index)
{
    ccad_param_info o;
    const struct param *p;
    if (info == NULL)
        return CCAD_EINVAL;
    if (!CCAD__SIZE_OK(info->size, ccad_param_info))
        return CCAD_EVERSION;
    if (index >= P__COUNT)
        return CCAD_ENOTFOUND;
    p = &params[index];
    o.size = info->size;
    o.name = p->name;
    o.rule = p->rule;
    o.min_value = p->min;
    o.max_value = p->max;
    o.default_value = p->def;
    o.unit = p->unit;
    o.help = p->help;
    *info = o;
    return CCAD_OK;
}

int ccad__rules_find(const char *name, size_t len)
{
    int i;
    for (i = 0; i < P__COUNT; i++)
        if (strlen(params[i].name) == len && memcmp(params[i].name, name, len) == 0)
            return i;
    return -1;
}

const char *ccad__rules_param_name(int i) { return params[i].name; }

void ccad__rules_defaults(int64_t *v)
{
    int i;
    for (i = 0; i < P__COUNT; i++)
        v[i] = params[i].def;
}

/* Cross-parameter constraints. Returns -1 if all hold, otherwise the index
 * of the constraint broken; *a and *b name the two parameters involved. */
struct order {
    int lo, hi;
    int strict; /* 1: v[lo] < v[hi]; 0: v[lo] <= v[hi] */
};
static const struct order orders[] = {
    {P_GRADE_THRESHOLD_B, P_GRADE_THRESHOLD_A, 1},
    {P_GRADE_THRESHOLD_C, P_GRADE_THRESHOLD_B, 1}, /* only with grade.use_d */
    {P_URG_WEEK, P_URG_TWO_WEEKS, 0},
    {P_FREQ_Q1W_COUNT, P_FREQ_Q1W_DAYS, 0},
    {P_FREQ_Q1TW_COUNT, P_FREQ_Q1TW_DAYS, 0},
    {P_FREQ_A_COUNT, P_FREQ_A_DAYS, 0},
    {P_FREQ_B_COUNT, P_FREQ_B_DAYS, 0},
    {P_FREQ_C_COUNT, P_FREQ_C_DAYS, 0},
    {P_FREQ_D_COUNT, P_FREQ_D_DAYS, 0},
    {P_GAP_MAX, P_GAP_ALERT, 1},
    {P_TRIAGE_PUSH, P_TRIAGE_SELF, 1},
    {P_TRIAGE_UNMOVABLE, P_TRIAGE_PUSH, 1},
    {P_ESC_REP, P_ESC_MANAGER, 1},
    {P_ESC_MANAGER, P_ESC_REASSIGN, 1},
    {P_PLATFORM_CAP_A, P_PLATFORM_CAP, 0},
    {P_PERSIST_BLOCK, P_PERSIST_CYCLE, 0},
    {P_PLATFORM_CAP_B, P_PLATFORM_CAP, 0},
};
#define N_ORDERS (int)(sizeof orders / sizeof orders[0])

/* Writes a description of the first broken constraint into msg and names
 * two parameters it involves; returns 1 if one is broken. Rules are always
 * consistent before a change, so after ccad_rules_set the broken constraint
 * is one the changed parameter takes part in. */
int ccad__rules_conflict(const int64_t *v, int *culprit, int *other, char *msg, size_t cap)
{
    int i;
    int64_t sum;
    for (i = 0; i < N_ORDERS; i++) {
        const struct order *o = &orders[i];
        int ok = o->strict ? v[o->lo] < v[o->hi] : v[o->lo] <= v[o->hi];
        if (o->lo == P_GRADE_THRESHOLD_C && !v[P_GRADE_USE_D])
            ok = 1; /* grade C's threshold matters only when grade D is on */
        if (ok)
            continue;
        *culprit = o->hi;
        *other = o->lo;
        snprintf(msg, cap, "%s (%lld) must be %s %s (%lld)", params[o->lo].name,
                 (long long)v[o->lo], o->strict ? "below" : "at most", params[o->hi].name,
                 (long long)v[o->hi]);
        return 1;
    }
    /* Shares: A + B at most 100; with grade D on, A + B + C too. */
    sum = v[P_GRADE_SHARE_A] + v[P_GRADE_SHARE_B] + (v[P_GRADE_USE_D] ? v[P_GRADE_SHARE_C] : 0);
    if (sum > 100) {
        *culprit = P_GRADE_SHARE_B;
        *other = P_GRADE_SHARE_A;
        snprintf(msg, cap, "grade.share_a_pct + grade.share_b_pct%s = %lld, above 100",
                 v[P_GRADE_USE_D] ? " + grade.share_c_pct" : "", (long long)sum);
        return 1;
    }
    if (v[P_PLATFORM_CAP_A] + v[P_PLATFORM_CAP_B] > v[P_PLATFORM_CAP]) {
        *culprit = P_PLATFORM_CAP_B;
        *other = P_PLATFORM_CAP_A;
        snprintf(msg, cap, "platform.cap_a + platform.cap_b = %lld, above platform.working_cap (%lld)",
                 (long long)(v[P_PLATFORM_CAP_A] + v[P_PLATFORM_CAP_B]),
                 (long long)v[P_PLATFORM_CAP]);
        return 1;
    }
    return 0;
}

int ccad_rules_new(ccad_rules **out, ccad_ctx *ctx)
{
    ccad_rules *r;
    if (out != NULL)
        *out = NULL;
    if (out == NULL || ctx == NULL)
        return ctx == NULL ? CCAD_EINVAL
                           : ccad__fail(ctx, CCAD_EINVAL, "ccad_rules_new: out is NULL");
    if (ccad__busy(ctx))
        return CCAD_EBUSY;
    r = ccad__alloc(ctx, sizeof *r);
    if (r == NULL)
        return ccad__fail(ctx, CCAD_ENOMEM, "ccad_rules_new: out of memory");
    r->ctx = ctx;
    ccad__rules_defaults(r->v);
    *out = r;
    return CCAD_OK;
}

int ccad_rules_copy(ccad_rules **out, ccad_ctx *ctx, const ccad_rules *src)
{
    int rc;
    if (out == NULL || ctx == NULL || src == NULL) {
        if (out != NULL)
            *out = NULL;
        return ctx == NULL ? CCAD_EINVAL
                           : ccad__fail(ctx, CCAD_EINVAL, "ccad_rules_copy: NULL argument");
    }
    if (ccad__busy(ctx)) {
        *out = NULL;
        return CCAD_EBUSY;
    }
    rc = ccad_rules_new(out, ctx);
    if (rc == CCAD_OK)
        memcpy((*out)->v, src->v, sizeof src->v);
    return rc;
}

void ccad_rules_free(ccad_rules *rules)
{
    if (rules != NULL)
        ccad__free(rules->ctx, rules);
}

int ccad_rules_get(const ccad_rules *rules, const char *name, int64_t *out_value)
{
    int i;
    if (rules == NULL || name == NULL || out_value == NULL)
        return CCAD_EINVAL;
    i = ccad__rules_find(name, strlen(name));
    if (i < 0)
        return CCAD_ENOTFOUND;
    *out_value = rules->v[i];
    return CCAD_OK;
}

int ccad_rules_set(ccad_rules *rules, const char *name, int64_t value)
{
    int i, culprit, other;
    int64_t v[P__COUNT];
    char msg[200];
    if (rules == NULL)
        return CCAD_EINVAL;
    if (ccad__busy(rules->ctx))
        return CCAD_EBUSY;
    if (name == NULL)
        return ccad__fail(rules->ctx, CCAD_EINVAL, "ccad_rules_set: name is NULL");
    i = ccad__rules_find(name, strlen(name));
    if (i < 0)
        return ccad__fail(rules->ctx, CCAD_ENOTFOUND, "no rules parameter named '%.64s'", name);
    if (value < params[i].min || value > params[i].max)
        return ccad__fail(rules->ctx, CCAD_ERANGE, "%s = %lld is outside %lld..%lld",
                          params[i].name, (long long)value, (long long)params[i].min,
                          (long long)params[i].max);
    memcpy(v, rules->v, sizeof v);
    v[i] = value;
    if (ccad__rules_conflict(v, &culprit, &other, msg, sizeof msg))
        return ccad__fail(rules->ctx, CCAD_ECONFLICT, "%s = %lld refused: %s", params[i].name,
                          (long long)value, msg);
    rules->v[i] = value;
    return CCAD_OK;
}

int ccad_rules_set_text(ccad_rules *rules, const char *name, const char *value)
{
    int i;
    int64_t v;
    char msg[200];
    size_t n;
    if (rules == NULL)
        return CCAD_EINVAL;
    if (ccad__busy(rules->ctx))
        return CCAD_EBUSY;
    if (name == NULL || value == NULL)
        return ccad__fail(rules->ctx, CCAD_EINVAL, "ccad_rules_set_text: NULL argument");
    i = ccad__rules_find(name, strlen(name));
    if (i < 0)
        return ccad__fail(rules->ctx, CCAD_ENOTFOUND, "no rules parameter named '%.64s'", name);
    n = strlen(value);
    if (n == 0)
        return ccad__fail(rules->ctx, CCAD_EPARSE, "%s: empty value", params[i].name);
    switch (ccad__rules_value(i, value, n, &v, msg, sizeof msg)) {
    case 0:
        break;
    case -2:
        return ccad__fail(rules->ctx, CCAD_ERANGE, "%s", msg);
    default:
        return ccad__fail(rules->ctx, CCAD_EPARSE, "%s", msg);
    }
    return ccad_rules_set(rules, params[i].name, v);
}

ccad_ctx *ccad_rules_ctx(const ccad_rules *rules) { return rules == NULL ? NULL : rules->ctx; }

int ccad_rules_equal(const ccad_rules *a, const ccad_rules *b)
{
    if (a == NULL || b == NULL)
        return 0;
    return memcmp(a->v, b->v, sizeof a->v) == 0;
}

/* ---- text form ---- */

static size_t format_value(char *buf, size_t cap, int i, int64_t value)
{
    const struct param *p = &params[i];
    if (p->kind == K_ENUM)
        return (size_t)snprintf(buf, cap, "%s", p->keywords[value]);
    if (p->kind == K_DAYS) {
        char t[32]; /* "Mon+Tue+Wed+Thu+Fri+Sat+Sun" at most */
        size_t n = 0;
        int d;
        for (d = 0; d < 7; d++)
            if (value & (1 << d)) {
                if (n > 0)
                    t[n++] = '+';
                memcpy(t + n, ccad_name(CCAD_NAME_WEEKDAY, d + 1), 3);
                n += 3;
            }
        t[n] = '\0';
        return (size_t)snprintf(buf, cap, "%s", t);
    }
    if (p->kind == K_MASK) {
        char t[5];
        size_t n = 0;
        int g;
        if (value == 0)
            return (size_t)snprintf(buf, cap, "none");
        for (g = 0; g < 4; g++)
            if (value & (1 << g))
                t[n++] = (char)('A' + g);
        t[n] = '\0';
        return (size_t)snprintf(buf, cap, "%s", t);
    }
    return (size_t)snprintf(buf, cap, "%lld", (long long)value);
}

int ccad_rules_serialize(const ccad_rules *rules, char *buf, size_t cap, size_t *out_len)
{
    static const char head[] = "# libcustcadence rules (docs/rules-format.md)\n";
    size_t total = sizeof head - 1, n;
    char line[160];
    int i;
    if (rules == NULL || out_len == NULL || (buf == NULL && cap > 0))
        return CCAD_EINVAL;
    for (i = 0; i < P__COUNT; i++) {
        n = (size_t)snprintf(line, sizeof line, "%s = ", params[i].name);
        n += format_value(line + n, sizeof line - n, i, rules->v[i]);
        total += n + 1;
    }
    *out_len = total;
    if (buf == NULL || cap < total + 1)
        return CCAD_ENOSPC;
    memcpy(buf, head, sizeof head - 1);
    n = sizeof head - 1;
    for (i = 0; i < P__COUNT; i++) {
        size_t k = (size_t)snprintf(line, sizeof line, "%s = ", params[i].name);
        k += format_value(line + k, sizeof line - k, i, rules->v[i]);
        memcpy(buf + n, line, k);
        n += k;
        buf[n++] = '\n';
    }
    buf[n] = '\0';
    return CCAD_OK;
}

/* ccad__rules_value's forms other than a keyword of an enumeration: a
 * weekday set, a grade mask, an integer; same returns. */
static int parse_days(const struct param *p, const char *s, size_t n, int64_t *out, char *msg,
                      size_t cap)
{
    int64_t m = 0;
    size_t k = 0;
    while (k < n) {
        int wd;
        if (n - k < 3 || ccad_name_parse(&wd, CCAD_NAME_WEEKDAY, s + k, 3) != CCAD_OK ||
            memcmp(ccad_name(CCAD_NAME_WEEKDAY, wd), s + k, 3) != 0 || /* exact case */
            (m & (1 << (wd - 1))) ||
            (k + 3 < n && (s[k + 3] != '+' || k + 4 == n))) {
            snprintf(msg, cap, "%s takes distinct weekdays joined by '+' (Mon+Tue+...), not '%.*s'",
                     p->name, (int)(n > 40 ? 40 : n), s);
            return -1;
        }
        m |= 1 << (wd - 1);
        k += k + 3 < n ? 4 : 3;
    }
    *out = m;
    return 0;
}

static int parse_mask(const struct param *p, const char *s, size_t n, int64_t *out, char *msg,
                      size_t cap)
{
    int64_t m = 0;
    size_t k;
    if (n == 4 && memcmp(s, "none", 4) == 0) {
        *out = 0;
        return 0;
    }
    for (k = 0; k < n; k++) {
        int bit;
        if (s[k] < 'A' || s[k] > 'D' || (m & (1 << (s[k] - 'A')))) {
            snprintf(msg, cap, "%s takes distinct grade letters A-D or none, not '%.*s'",
                     p->name, (int)(n > 40 ? 40 : n), s);
            return -1;
        }
        bit = 1 << (s[k] - 'A');
        m |= bit;
    }
    *out = m;
    return 0;
}

static int parse_integer(const struct param *p, const char *s, size_t n, int64_t *out, char *msg,
                         size_t cap)
{
    size_t k = 0;
    int neg = 0, big = 0;
    int64_t v = 0;
    uint64_t u = 0, lim;
    if (s[0] == '-' || s[0] == '+') {
        neg = s[0] == '-';
        k = 1;
    }
    if (k == n) { /* a sign alone */
        snprintf(msg, cap, "%s needs an integer, not '%c'", p->name, s[0]);
        return -1;
    }
    for (; k < n; k++) {
        int d;
        if (s[k] < '0' || s[k] > '9') {
            snprintf(msg, cap, "%s needs an integer, not '%.*s'", p->name,
                     (int)(n > 40 ? 40 : n), s);
            return -1;
        }
        d = s[k] - '0';
        /* magnitudes up to 2^63 (INT64_MIN); beyond, the digits are
         * still checked, and the value is out of every range */
        lim = neg ? (uint64_t)INT64_MAX + 1u : (uint64_t)INT64_MAX;
        if (!big && u > (lim - (uint64_t)d) / 10u)
            big = 1;
        else if (!big)
            u = u * 10u + (uint64_t)d;
    }
    if (big) {
        snprintf(msg, cap, "%s = %.*s%s is too %s (outside %lld..%lld)", p->name,
                 (int)(n > 40 ? 40 : n), s, n > 40 ? "..." : "", neg ? "small" : "large",
                 (long long)p->min, (long long)p->max);
        return -2; /* well formed, out of range */
    }
    v = neg ? (u == (uint64_t)INT64_MAX + 1u ? INT64_MIN : -(int64_t)u) : (int64_t)u;
    if (v < p->min || v > p->max) {
        snprintf(msg, cap, "%s = %lld is outside %lld..%lld", p->name, (long long)v,
                 (long long)p->min, (long long)p->max);
        return -2; /* well formed, out of range */
    }
    *out = v;
    return 0;
}

/* Parses the value token [s, s+n) of parameter i. Returns 0 and *out on
 * success; otherwise writes a message and returns -1 (malformed) or -2
 * (a number outside the parameter's range). */
int ccad__rules_value(int i, const char *s, size_t n, int64_t *out, char *msg, size_t cap)
{
    const struct param *p = &params[i];
    /* Enumerations and masks take their keywords or, like every parameter,
     * a plain integer. */
    /* callers pass a token of at least one byte */
    int numeric = (s[0] >= '0' && s[0] <= '9') || s[0] == '-' || s[0] == '+';
    if (p->kind == K_ENUM && !numeric) {
        int k;
        for (k = 0; k < 2; k++)
            if (strlen(p->keywords[k]) == n && memcmp(p->keywords[k], s, n) == 0) {
                *out = k;
                return 0;
            }
        snprintf(msg, cap, "%.31s takes %.11s or %.11s, not '%.*s'", p->name, p->keywords[0],
                 p->keywords[1], (int)(n > 40 ? 40 : n), s);
        return -1;
    }
    if (p->kind == K_DAYS && !numeric)
        return parse_days(p, s, n, out, msg, cap);
    if (p->kind == K_MASK && !numeric)
        return parse_mask(p, s, n, out, msg, cap);
    return parse_integer(p, s, n, out, msg, cap);
}
