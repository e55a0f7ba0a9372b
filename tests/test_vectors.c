/* Conformance vectors: runs every tests/vectors/NAME.txt through the public API.
 * The format is specified in docs/vectors.md; this program is its reference
 * runner. Any mismatch or malformed vector fails the test with the file, the
 * line and the case name. */
#define _POSIX_C_SOURCE 200809L

#include "testutil.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef CCAD_VECTOR_DIR
#error "CCAD_VECTOR_DIR must name the vector directory"
#endif

/* tests/test_plan_vectors.c includes this file for its parser and
 * directives: it defines CCAD_VECTORS_NO_MAIN and these hooks (a directive
 * this file does not know: 0 handled, 1 unknown, -1 syntax error). */
#ifndef VEC_EXTRA_DIRECTIVE
#define VEC_EXTRA_DIRECTIVE(R, tok, n) 1
#endif
#ifndef VEC_BEGIN_CASE
#define VEC_BEGIN_CASE(R) ((void)0)
#endif
#ifndef VEC_END_CASE
#define VEC_END_CASE(R) ((void)0)
#endif

#define LINE_CAP 4096
#define MAX_TOKENS 64
#define MAX_FILES 256
#define MAX_CASES 4096
#define N_RULES 23 /* rule ids 1..22 */
#define N_TAGS 25  /* plus INPUT (23) and FORMAT (24) */

/* ------------------------------------------------------------------ */
/* Name tables (docs/vectors.md): index = numeric value, NULL = no name. */

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

/* ------------------------------------------------------------------ */
/* Field descriptions of the three structs a vector can address. */

enum ftype { F_I64, F_INT, F_I32, F_U32, F_DATE, F_DBL, F_DAYS, F_SVC, F_BITS };

struct fdesc {
    const char *name;
    enum ftype type;
    size_t off;
    const char *const *names; /* enumerated field: name of each value */
    int nnames;
};

#define CF(n, t) \
    { \
#n, t, offsetof(ccad_customer, n), NULL, 0 \
    }
#define CE(n, tab) \
    { \
#n, F_INT, offsetof(ccad_customer, n), NAMES(tab) \
    }
#define CB(n, tab) \
    { \
#n, F_BITS, offsetof(ccad_customer, n), NAMES(tab) \
    }
static const struct fdesc customer_fields[] = {
    CF(value, F_I64),
    CE(grade, grade_names),
    CE(status, status_names),
    CF(purchase_date, F_DATE),
    CF(monthly_volume, F_I64),
    CF(margin_bp, F_I32),
    CF(capable, F_INT),
    CF(has_location, F_INT),
    CF(x, F_DBL),
    CF(y, F_DBL),
    CE(complaint, complaint_names),
    CF(complaint_date, F_DATE),
    CF(request_date, F_DATE),
    CF(visit_days, F_DAYS),
    CF(visit_open_min, F_I32),
    CF(visit_close_min, F_I32),
    CF(owned_since, F_DATE),
    CF(last_contact, F_DATE),
    CF(last_visit, F_DATE),
    CF(last_gap_days, F_I32),
    CF(contacts, F_U32),
    CF(no_progress, F_U32),
    CF(missing_records, F_U32),
    CF(last_recorded, F_INT),
    CF(next_step_date, F_DATE),
    CF(service_counts, F_SVC),
    CF(share_pct, F_I64),
    CF(supplier_rank, F_U32),
    CF(prospect_run, F_I32),
    CF(prospect_gap, F_I32),
    CF(prospect_tail, F_I32),
    CB(last_purposes, purpose_names),
    CF(aimless, F_U32),
    CF(closes_asked, F_U32),
    CB(last_parts, part_names),
    CF(last_entered, F_DATE),
    {"owner_sale_1", F_DATE, offsetof(ccad_customer, owner_sales), NULL, 0},
    {"owner_sale_2", F_DATE, offsetof(ccad_customer, owner_sales) + sizeof(int32_t), NULL, 0},
    {"owner_sale_3", F_DATE, offsetof(ccad_customer, owner_sales) + 2 * sizeof(int32_t), NULL, 0}};
#undef CF
#undef CE
#undef CB

#define KF(n, t) \
    { \
#n, t, offsetof(ccad_contact, n), NULL, 0 \
    }
#define KE(n, tab) \
    { \
#n, F_INT, offsetof(ccad_contact, n), NAMES(tab) \
    }
static const struct fdesc contact_fields[] = {
    KF(date, F_DATE),
    KE(kind, kind_names),
    KE(outcome, outcome_names),
    KF(recorded, F_INT),
    KF(next_date, F_DATE),
    KE(service_level, service_names),
    {"purposes", F_BITS, offsetof(ccad_contact, purposes), NAMES(purpose_names)},
    KF(close_asked, F_INT),
    KF(owner_present, F_INT),
    KE(activity, activity_names),
    {"record_parts", F_BITS, offsetof(ccad_contact, record_parts), NAMES(part_names)},
    KF(entered, F_DATE)};
#undef KF
#undef KE

#define AF(n, t) \
    { \
#n, t, offsetof(ccad_assessment, n), NULL, 0 \
    }
#define AE(n, tab) \
    { \
#n, F_INT, offsetof(ccad_assessment, n), NAMES(tab) \
    }
static const struct fdesc assess_fields[] = {
    AE(grade, grade_names),         AF(grade_manual, F_INT),
    AE(urgency, urgency_names),     AE(quadrant, quadrant_names),
    AF(freq_count, F_I32),          AF(freq_period_days, F_I32),
    AF(interval_days, F_I32),       AF(due_date, F_DATE),
    AF(days_overdue, F_I32),        AE(escalation, escalation_names),
    AF(days_since_contact, F_I32),  AF(temperature, F_I32),
    AF(reminder_date, F_DATE),      AF(contacts, F_U32),
    AF(min_contacts, F_U32),        AF(ownership_end, F_DATE),
    AF(ownership_days_left, F_I32), AE(triage, triage_names),
    AE(strategy, strategy_names),   AE(complaint, complaint_names),
    AF(care_date, F_DATE),          AF(reason_count, F_U32)};
#undef AF
#undef AE

#define NFIELDS(t) (sizeof t / sizeof t[0])

/* ------------------------------------------------------------------ */
/* Run state. */

struct run {
    ccad_ctx *ctx;
    const char *file;
    int line;
    char case_name[128];
    int in_case;
    int failures;
    int cases;
    int checks;
    int per_rule[N_TAGS];
    char *case_names[MAX_CASES];
    int ncase_names;
    /* current case */
    unsigned long tags;
    char *rtext;
    size_t rlen, rcap;
    int rules_done;
    ccad_rules *rules;
    ccad_book *book;
    int dirty;
    int have_today;
    int32_t today;
    int expectations;
    int syntax; /* set by a syntax error: the rest of the file is skipped */
};

static void failf(struct run *R, const char *fmt, ...) CMOCKA_PRINTF_ATTRIBUTE(2, 3);

static void failf(struct run *R, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    R->failures++;
    if (R->in_case)
        print_error("%s:%d: case %s: %s\n", R->file, R->line, R->case_name, msg);
    else
        print_error("%s:%d: %s\n", R->file, R->line, msg);
}

#define synf(R, ...) ((R)->syntax = 1, failf((R), __VA_ARGS__))

static const char *errname(int code)
{
    int i;
    for (i = 0; i < N_ERRORS; i++)
        if (error_names[i].code == code)
            return error_names[i].name;
    return "?";
}

/* Parses a whole decimal integer with optional sign. */
static int parse_int(const char *s, int64_t *out)
{
    char *end;
    long long v;
    if (*s == '\0' || *s == '+')
        return -1;
    errno = 0;
    v = strtoll(s, &end, 10);
    if (errno != 0 || *end != '\0' || end == s)
        return -1;
    *out = (int64_t)v;
    return 0;
}

static int lookup(const char *const *names, int n, const char *s)
{
    int i;
    for (i = 0; i < n; i++)
        if (names[i] != NULL && strcmp(names[i], s) == 0)
            return i;
    return -1;
}

/* A date figure: YYYY-MM-DD, none, or a raw day number. */
static int parse_date(const char *s, int64_t *out)
{
    size_t n = strlen(s);
    int32_t d;
    if (strcmp(s, "none") == 0) {
        *out = CCAD_NO_DATE;
        return 0;
    }
    if (n == 10 && s[4] == '-') {
        if (ccad_date_parse(&d, s, n) != CCAD_OK)
            return -1;
        *out = d;
        return 0;
    }
    return parse_int(s, out);
}

static void format_date(char *buf, size_t cap, int64_t d)
{
    if (d == CCAD_NO_DATE)
        snprintf(buf, cap, "none");
    else if (d < CCAD_DATE_MIN || d > CCAD_DATE_MAX || ccad_date_format(buf, cap, (int32_t)d) != 0)
        snprintf(buf, cap, "%lld", (long long)d);
}

/* A bit set: an integer, or bit names joined by '+' ("order+product",
 * "Mon+Wed"). */
static int parse_bits(const char *const *names, int n, const char *s, int64_t *out)
{
    int64_t m = 0;
    char tmp[128];
    char *p, *save = NULL;
    if (parse_int(s, out) == 0)
        return 0;
    if (strlen(s) >= sizeof tmp)
        return -1;
    strcpy(tmp, s);
    for (p = strtok_r(tmp, "+", &save); p != NULL; p = strtok_r(NULL, "+", &save)) {
        int k = lookup(names, n, p);
        if (k < 0)
            return -1;
        m |= (int64_t)1 << k;
    }
    *out = m;
    return 0;
}

/* Value text of field f -> integer (all types but F_DBL and F_SVC). */
static int parse_field(const struct fdesc *f, const char *s, int64_t *out)
{
    if (f->type == F_DATE)
        return parse_date(s, out);
    if (f->type == F_BITS)
        return parse_bits(f->names, f->nnames, s, out);
    if (f->names != NULL) {
        int k = lookup(f->names, f->nnames, s);
        if (k >= 0) {
            *out = k;
            return 0;
        }
        return parse_int(s, out);
    }
    if (f->type == F_DAYS) {
        if (strcmp(s, "any") == 0) {
            *out = 0;
            return 0;
        }
        return parse_bits(weekday_names, 7, s, out);
    }
    return parse_int(s, out);
}

static int64_t field_get(const void *base, const struct fdesc *f)
{
    const char *p = (const char *)base + f->off;
    switch (f->type) {
    case F_I64: {
        int64_t v;
        memcpy(&v, p, sizeof v);
        return v;
    }
    case F_INT: {
        int v;
        memcpy(&v, p, sizeof v);
        return v;
    }
    case F_I32:
    case F_DATE: {
        int32_t v;
        memcpy(&v, p, sizeof v);
        return v;
    }
    case F_U32:
    case F_BITS:
    case F_DAYS: {
        uint32_t v;
        memcpy(&v, p, sizeof v);
        return v;
    }
    default: return 0;
    }
}

static int field_put(void *base, const struct fdesc *f, int64_t v)
{
    char *p = (char *)base + f->off;
    switch (f->type) {
    case F_I64: memcpy(p, &v, sizeof v); return 0;
    case F_INT: {
        int x;
        if (v < INT_MIN || v > INT_MAX)
            return -1;
        x = (int)v;
        memcpy(p, &x, sizeof x);
        return 0;
    }
    case F_I32:
    case F_DATE: {
        int32_t x;
        if (v < INT32_MIN || v > INT32_MAX)
            return -1;
        x = (int32_t)v;
        memcpy(p, &x, sizeof x);
        return 0;
    }
    case F_U32:
    case F_BITS:
    case F_DAYS: {
        uint32_t x;
        if (v < 0 || v > (int64_t)UINT32_MAX)
            return -1;
        x = (uint32_t)v;
        memcpy(p, &x, sizeof x);
        return 0;
    }
    default: return -1;
    }
}

static int parse_svc(const char *s, uint32_t out[4])
{
    char tmp[128];
    char *p, *save = NULL;
    int k = 0;
    if (strlen(s) >= sizeof tmp)
        return -1;
    strcpy(tmp, s);
    for (p = strtok_r(tmp, ",", &save); p != NULL; p = strtok_r(NULL, ",", &save)) {
        int64_t v;
        if (k == 4 || parse_int(p, &v) != 0 || v < 0 || v > (int64_t)UINT32_MAX)
            return -1;
        out[k++] = (uint32_t)v;
    }
    return k == 4 ? 0 : -1;
}

static const struct fdesc *find_field(const struct fdesc *t, size_t n, const char *name, size_t len)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (strlen(t[i].name) == len && memcmp(t[i].name, name, len) == 0)
            return &t[i];
    return NULL;
}

/* Applies "name=value" to a struct. Returns 0, or -1 after reporting. */
static int assign(struct run *R, void *base, const struct fdesc *t, size_t n, const char *tok)
{
    const char *eq = strchr(tok, '=');
    const struct fdesc *f;
    int64_t v;
    if (eq == NULL || eq == tok) {
        synf(R, "expected name=value, found '%s'", tok);
        return -1;
    }
    f = find_field(t, n, tok, (size_t)(eq - tok));
    if (f == NULL) {
        synf(R, "unknown field '%.*s'", (int)(eq - tok), tok);
        return -1;
    }
    if (f->type == F_DBL) {
        char *end;
        double d = strtod(eq + 1, &end);
        if (end == eq + 1 || *end != '\0') {
            synf(R, "bad number in '%s'", tok);
            return -1;
        }
        memcpy((char *)base + f->off, &d, sizeof d);
        return 0;
    }
    if (f->type == F_SVC) {
        uint32_t s[4];
        if (parse_svc(eq + 1, s) != 0) {
            synf(R, "service_counts takes four counts a,b,c,d, not '%s'", eq + 1);
            return -1;
        }
        memcpy((char *)base + f->off, s, sizeof s);
        return 0;
    }
    if (parse_field(f, eq + 1, &v) != 0 || field_put(base, f, v) != 0) {
        synf(R, "bad value in '%s'", tok);
        return -1;
    }
    return 0;
}

static void describe(char *buf, size_t cap, const struct fdesc *f, int64_t v)
{
    if (f->type == F_DATE)
        format_date(buf, cap, v);
    else if (f->type != F_BITS && f->names != NULL && v >= 0 && v < f->nnames &&
             f->names[v] != NULL)
        snprintf(buf, cap, "%s", f->names[v]);
    else
        snprintf(buf, cap, "%lld", (long long)v);
}

/* Compares "name=value" with a struct; reports a mismatch. -1 on bad syntax. */
static int compare(struct run *R, const void *base, const struct fdesc *t, size_t n, const char *id,
                   const char *tok)
{
    const char *eq = strchr(tok, '=');
    const struct fdesc *f;
    int64_t want, got;
    char w[64], g[64];
    if (eq == NULL || eq == tok) {
        synf(R, "expected name=value, found '%s'", tok);
        return -1;
    }
    f = find_field(t, n, tok, (size_t)(eq - tok));
    if (f == NULL) {
        synf(R, "unknown field '%.*s'", (int)(eq - tok), tok);
        return -1;
    }
    R->checks++;
    if (f->type == F_DBL) {
        char *end;
        double d = strtod(eq + 1, &end), a;
        if (end == eq + 1 || *end != '\0') {
            synf(R, "bad number in '%s'", tok);
            return -1;
        }
        memcpy(&a, (const char *)base + f->off, sizeof a);
        if (a != d)
            failf(R, "%s: %s expected %g, got %g", id, f->name, d, a);
        return 0;
    }
    if (f->type == F_SVC) {
        uint32_t s[4], a[4];
        if (parse_svc(eq + 1, s) != 0) {
            synf(R, "service_counts takes four counts a,b,c,d, not '%s'", eq + 1);
            return -1;
        }
        memcpy(a, (const char *)base + f->off, sizeof a);
        if (memcmp(a, s, sizeof s) != 0)
            failf(R, "%s: service_counts expected %s, got %lu,%lu,%lu,%lu", id, eq + 1,
                  (unsigned long)a[0], (unsigned long)a[1], (unsigned long)a[2],
                  (unsigned long)a[3]);
        return 0;
    }
    if (parse_field(f, eq + 1, &want) != 0) {
        synf(R, "bad value in '%s'", tok);
        return -1;
    }
    got = field_get(base, f);
    if (got != want) {
        describe(w, sizeof w, f, want);
        describe(g, sizeof g, f, got);
        failf(R, "%s: %s expected %s, got %s", id, f->name, w, g);
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Flags and reasons. */

static int parse_flags(const char *s, uint32_t *out)
{
    char tmp[512];
    char *p, *save = NULL;
    uint32_t m = 0;
    if (strcmp(s, "none") == 0) {
        *out = 0;
        return 0;
    }
    if (strlen(s) >= sizeof tmp)
        return -1;
    strcpy(tmp, s);
    for (p = strtok_r(tmp, ",", &save); p != NULL; p = strtok_r(NULL, ",", &save)) {
        int k = lookup(flag_names, N_FLAGS, p);
        if (k < 0)
            return -1;
        m |= 1u << k;
    }
    *out = m;
    return 0;
}

static void flags_text(char *buf, size_t cap, uint32_t m)
{
    size_t n = 0;
    int k;
    buf[0] = '\0';
    for (k = 0; k < 32; k++)
        if (m & (1u << k)) {
            n += (size_t)snprintf(buf + n, n < cap ? cap - n : 0, "%s%s", n ? "," : "",
                                  k < N_FLAGS ? flag_names[k] : "?");
            if (n >= cap)
                break;
        }
    if (m == 0)
        snprintf(buf, cap, "none");
}

struct why_spec {
    int rule; /* 0: any */
    int code;
    int nfig;
    int wild[3];
    int64_t fig[3];
};

/* [RULE:]CODE[(f[,f[,f]])], f = integer | YYYY-MM-DD | none | _ */
static int parse_why(const char *s, struct why_spec *w)
{
    char tmp[256];
    char *p = tmp, *colon, *paren;
    memset(w, 0, sizeof *w);
    if (strlen(s) >= sizeof tmp)
        return -1;
    strcpy(tmp, s);
    colon = strchr(p, ':');
    if (colon != NULL) {
        *colon = '\0';
        w->rule = lookup(rule_names, N_RULES, p);
        if (w->rule < 0)
            return -1;
        p = colon + 1;
    }
    paren = strchr(p, '(');
    if (paren != NULL) {
        char *q, *save = NULL;
        size_t n = strlen(paren);
        if (n < 3 || paren[n - 1] != ')')
            return -1;
        paren[n - 1] = '\0';
        *paren = '\0';
        for (q = strtok_r(paren + 1, ",", &save); q != NULL; q = strtok_r(NULL, ",", &save)) {
            if (w->nfig == 3)
                return -1;
            if (strcmp(q, "_") == 0)
                w->wild[w->nfig] = 1;
            else if (parse_date(q, &w->fig[w->nfig]) != 0)
                return -1;
            w->nfig++;
        }
        if (w->nfig == 0)
            return -1;
    }
    w->code = lookup(why_names, N_WHY, p);
    return w->code < 0 ? -1 : 0;
}

static int why_matches(const struct why_spec *w, const ccad_reason *r)
{
    int64_t f[3];
    int k;
    if (r->why != w->code || (w->rule != 0 && r->rule != w->rule))
        return 0;
    f[0] = r->a;
    f[1] = r->b;
    f[2] = r->c;
    for (k = 0; k < w->nfig; k++)
        if (!w->wild[k] && f[k] != w->fig[k])
            return 0;
    return 1;
}

static void reasons_text(char *buf, size_t cap, const ccad_assessment *a)
{
    size_t n = 0;
    uint32_t i;
    buf[0] = '\0';
    for (i = 0; i < a->reason_count && i < CCAD_REASONS_MAX && n < cap; i++) {
        const ccad_reason *r = &a->reasons[i];
        const char *rn = r->rule > 0 && r->rule < N_RULES ? rule_names[r->rule] : "?";
        const char *wn = r->why > 0 && r->why < N_WHY ? why_names[r->why] : "?";
        n += (size_t)snprintf(buf + n, cap - n, "%s%s:%s(%lld,%lld,%lld)", i ? " " : "", rn, wn,
                              (long long)r->a, (long long)r->b, (long long)r->c);
    }
    if (a->reason_count == 0)
        snprintf(buf, cap, "none");
}

/* ------------------------------------------------------------------ */
/* Directives. */

static int split(char *line, char **tok)
{
    int n = 0;
    char *p = line;
    for (;;) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p == '\0')
            return n;
        if (n == MAX_TOKENS)
            return -1;
        tok[n++] = p;
        while (*p != '\0' && *p != ' ' && *p != '\t')
            p++;
        if (*p != '\0')
            *p++ = '\0';
    }
}

static int find_customer(struct run *R, const char *id, size_t *idx)
{
    if (ccad_book_find(R->book, id, idx) != CCAD_OK) {
        failf(R, "no customer '%s' in the book", id);
        return -1;
    }
    return 0;
}

/* Makes sure the case's rules text has been parsed. expect_code is the
 * code an "expect-error rules" line wants, or 1 if the parse must succeed. */
static void ensure_rules(struct run *R, int expect_code, int at_line, int at_col)
{
    int rc;
    if (R->rules_done)
        return;
    R->rules_done = 1;
    rc = ccad_rules_parse(R->rules, R->rtext != NULL ? R->rtext : "", R->rlen);
    if (expect_code == 1) {
        if (rc != CCAD_OK) {
            failf(R, "rules text rejected: %s: %s", errname(rc), ccad_ctx_errmsg(R->ctx));
            return;
        }
    } else {
        R->checks++;
        if (rc != expect_code) {
            failf(R, "rules text: expected %s, got %s (%s)", errname(expect_code), errname(rc),
                  rc ? ccad_ctx_errmsg(R->ctx) : "accepted");
        } else if (at_line > 0) {
            char want[64];
            snprintf(want, sizeof want, "line %d, column %d:", at_line, at_col);
            if (strstr(ccad_ctx_errmsg(R->ctx), want) == NULL)
                failf(R, "rules text: expected the error at %d:%d, message is '%s'", at_line,
                      at_col, ccad_ctx_errmsg(R->ctx));
        }
        if (rc != CCAD_OK) {
            /* all or nothing: the rules still hold every default */
            ccad_rules *d = NULL;
            assert_int_equal(ccad_rules_new(&d, R->ctx), CCAD_OK);
            if (!ccad_rules_equal(d, R->rules))
                failf(R, "rejected rules text changed the rules");
            ccad_rules_free(d);
        }
    }
    if (rc == CCAD_OK) {
        /* serialize -> parse gives identical rules */
        size_t len = 0;
        char *buf;
        ccad_rules *copy = NULL;
        assert_int_equal(ccad_rules_serialize(R->rules, NULL, 0, &len), CCAD_ENOSPC);
        buf = malloc(len + 1);
        assert_non_null(buf);
        assert_int_equal(ccad_rules_serialize(R->rules, buf, len + 1, &len), CCAD_OK);
        assert_int_equal(ccad_rules_new(&copy, R->ctx), CCAD_OK);
        if (ccad_rules_parse(copy, buf, len) != CCAD_OK || !ccad_rules_equal(copy, R->rules))
            failf(R, "rules do not survive serialize + parse");
        ccad_rules_free(copy);
        free(buf);
    }
}

static void do_customer(struct run *R, char **tok, int n, int want)
{
    ccad_customer c = CCAD_CUSTOMER_INIT;
    size_t before = ccad_book_count(R->book);
    int i, rc;
    if (n < 2) {
        synf(R, "customer needs an id");
        return;
    }
    c.id = tok[1];
    for (i = 2; i < n; i++)
        if (assign(R, &c, customer_fields, NFIELDS(customer_fields), tok[i]) != 0)
            return;
    rc = ccad_book_add(R->book, &c, NULL);
    if (want == CCAD_OK) {
        if (rc != CCAD_OK)
            failf(R, "customer %s refused: %s: %s", tok[1], errname(rc), ccad_ctx_errmsg(R->ctx));
        else
            R->dirty = 1;
        return;
    }
    R->checks++;
    if (rc != want)
        failf(R, "customer %s: expected %s, got %s", tok[1], errname(want), errname(rc));
    if (rc == CCAD_OK)
        R->dirty = 1;
    else if (ccad_book_count(R->book) != before)
        failf(R, "customer %s: a refused customer changed the book", tok[1]);
}

static void do_contact(struct run *R, char **tok, int n, int want)
{
    ccad_contact e = CCAD_CONTACT_INIT;
    ccad_customer b0 = CCAD_CUSTOMER_INIT, b1 = CCAD_CUSTOMER_INIT;
    size_t idx;
    int i, rc;
    if (n < 2) {
        synf(R, "contact needs a customer id");
        return;
    }
    if (find_customer(R, tok[1], &idx) != 0)
        return;
    for (i = 2; i < n; i++)
        if (assign(R, &e, contact_fields, NFIELDS(contact_fields), tok[i]) != 0)
            return;
    assert_int_equal(ccad_book_get(R->book, idx, &b0), CCAD_OK);
    rc = ccad_book_record(R->book, idx, &e);
    if (want == CCAD_OK) {
        if (rc != CCAD_OK)
            failf(R, "contact with %s refused: %s: %s", tok[1], errname(rc),
                  ccad_ctx_errmsg(R->ctx));
        return;
    }
    R->checks++;
    if (rc != want)
        failf(R, "contact with %s: expected %s, got %s", tok[1], errname(want), errname(rc));
    if (rc != CCAD_OK) {
        size_t k;
        assert_int_equal(ccad_book_get(R->book, idx, &b1), CCAD_OK);
        for (k = 0; k < NFIELDS(customer_fields); k++) {
            const struct fdesc *f = &customer_fields[k];
            size_t sz = f->type == F_DBL ? sizeof(double) : 4 * sizeof(uint32_t);
            int same = f->type == F_DBL || f->type == F_SVC
                           ? memcmp((char *)&b0 + f->off, (char *)&b1 + f->off, sz) == 0
                           : field_get(&b0, f) == field_get(&b1, f);
            if (!same) {
                failf(R, "contact with %s: a refused contact changed %s", tok[1], f->name);
                break;
            }
        }
    }
}

/* update ID FIELD=VALUE...: the customer as stored, with these fields
 * changed, through ccad_book_update(), which must succeed. */
static void do_update(struct run *R, char **tok, int n)
{
    ccad_customer c = CCAD_CUSTOMER_INIT;
    size_t idx;
    int i, rc;
    if (n < 3) {
        synf(R, "update needs an id and a field");
        return;
    }
    if (find_customer(R, tok[1], &idx) != 0)
        return;
    assert_int_equal(ccad_book_get(R->book, idx, &c), CCAD_OK);
    for (i = 2; i < n; i++)
        if (assign(R, &c, customer_fields, NFIELDS(customer_fields), tok[i]) != 0)
            return;
    rc = ccad_book_update(R->book, idx, &c);
    if (rc != CCAD_OK)
        failf(R, "update of %s refused: %s: %s", tok[1], errname(rc), ccad_ctx_errmsg(R->ctx));
    else
        R->dirty = 1; /* a value or status change makes the grades stale */
}

static int ensure_graded(struct run *R)
{
    int rc;
    if (!R->dirty)
        return 0;
    rc = ccad_book_grade(R->book, R->rules);
    if (rc != CCAD_OK) {
        failf(R, "ccad_book_grade failed: %s", errname(rc));
        return -1;
    }
    R->dirty = 0;
    return 0;
}

static void do_expect(struct run *R, char **tok, int n)
{
    ccad_assessment a = CCAD_ASSESSMENT_INIT;
    size_t idx;
    int i, rc;
    char buf[4096];
    if (n < 3) {
        synf(R, "expect needs an id and at least one field");
        return;
    }
    if (!R->have_today) {
        synf(R, "expect before any today line");
        return;
    }
    if (ensure_graded(R) != 0 || find_customer(R, tok[1], &idx) != 0)
        return;
    rc = ccad_book_assess(R->book, R->rules, idx, R->today, &a);
    if (rc != CCAD_OK) {
        failf(R, "ccad_book_assess(%s) failed: %s: %s", tok[1], errname(rc),
              ccad_ctx_errmsg(R->ctx));
        return;
    }
    R->expectations++;
    for (i = 2; i < n; i++) {
        const char *t = tok[i];
        if (strncmp(t, "flags=", 6) == 0 || strncmp(t, "flags+=", 7) == 0 ||
            strncmp(t, "flags-=", 7) == 0) {
            int mode = t[5] == '=' ? 0 : t[5] == '+' ? 1 : 2;
            uint32_t m;
            if (parse_flags(t + (mode ? 7 : 6), &m) != 0) {
                synf(R, "bad flag list in '%s'", t);
                return;
            }
            R->checks++;
            if ((mode == 0 && a.flags != m) || (mode == 1 && (a.flags & m) != m) ||
                (mode == 2 && (a.flags & m) != 0)) {
                flags_text(buf, sizeof buf, a.flags);
                failf(R, "%s: %s does not hold; flags are %s", tok[1], t, buf);
            }
        } else if (strncmp(t, "why+=", 5) == 0 || strncmp(t, "why-=", 5) == 0) {
            struct why_spec w;
            uint32_t k;
            int found = 0;
            if (parse_why(t + 5, &w) != 0) {
                synf(R, "bad reason in '%s'", t);
                return;
            }
            R->checks++;
            for (k = 0; k < a.reason_count && k < CCAD_REASONS_MAX; k++)
                if (why_matches(&w, &a.reasons[k]))
                    found = 1;
            if (found != (t[3] == '+')) {
                reasons_text(buf, sizeof buf, &a);
                failf(R, "%s: %s does not hold; reasons are %s", tok[1], t, buf);
            }
        } else if (strncmp(t, "why=", 4) == 0) {
            char tmp[1024], *p, *save = NULL;
            uint32_t k = 0;
            int ok = 1;
            if (strlen(t + 4) >= sizeof tmp) {
                synf(R, "reason list too long");
                return;
            }
            strcpy(tmp, t + 4);
            R->checks++;
            if (strcmp(tmp, "none") != 0)
                for (p = strtok_r(tmp, ",", &save); p != NULL; p = strtok_r(NULL, ",", &save)) {
                    int code = lookup(why_names, N_WHY, p);
                    if (code < 0) {
                        synf(R, "unknown reason code '%s'", p);
                        return;
                    }
                    if (k >= a.reason_count || a.reasons[k].why != code)
                        ok = 0;
                    k++;
                }
            if (k != a.reason_count)
                ok = 0;
            if (!ok) {
                reasons_text(buf, sizeof buf, &a);
                failf(R, "%s: %s does not hold; reasons are %s", tok[1], t, buf);
            }
        } else if (compare(R, &a, assess_fields, NFIELDS(assess_fields), tok[1], t) != 0) {
            return;
        }
    }
}

static void do_summary(struct run *R, char **tok, int n)
{
    ccad_customer c = CCAD_CUSTOMER_INIT;
    size_t idx;
    int i;
    if (n < 3) {
        synf(R, "summary needs an id and at least one field");
        return;
    }
    if (find_customer(R, tok[1], &idx) != 0)
        return;
    assert_int_equal(ccad_book_get(R->book, idx, &c), CCAD_OK);
    R->expectations++;
    for (i = 2; i < n; i++)
        if (compare(R, &c, customer_fields, NFIELDS(customer_fields), tok[1], tok[i]) != 0)
            return;
}

static void end_case(struct run *R)
{
    int k;
    if (R->tags == 0)
        failf(R, "case has no tags line");
    if (R->expectations == 0)
        failf(R, "case checks nothing");
    VEC_END_CASE(R);
    for (k = 1; k < N_TAGS; k++)
        if (R->tags & (1ul << k))
            R->per_rule[k]++;
    R->cases++;
    ccad_book_free(R->book);
    ccad_rules_free(R->rules);
    free(R->rtext);
    R->book = NULL;
    R->rules = NULL;
    R->rtext = NULL;
    R->rlen = R->rcap = 0;
    R->in_case = 0;
}

static void begin_case(struct run *R, const char *name)
{
    int i;
    snprintf(R->case_name, sizeof R->case_name, "%s", name);
    R->in_case = 1;
    for (i = 0; i < R->ncase_names; i++)
        if (strcmp(R->case_names[i], name) == 0)
            failf(R, "case name used twice");
    if (R->ncase_names < MAX_CASES) {
        R->case_names[R->ncase_names] = strdup(name);
        assert_non_null(R->case_names[R->ncase_names]);
        R->ncase_names++;
    }
    R->tags = 0;
    R->rules_done = 0;
    R->dirty = 0;
    R->have_today = 0;
    R->expectations = 0;
    assert_int_equal(ccad_rules_new(&R->rules, R->ctx), CCAD_OK);
    assert_int_equal(ccad_book_new(&R->book, R->ctx, 0), CCAD_OK);
    VEC_BEGIN_CASE(R);
}

static void append_rules(struct run *R, const char *s)
{
    size_t n = strlen(s);
    if (R->rlen + n + 2 > R->rcap) {
        size_t cap = (R->rlen + n + 2) * 2;
        char *p = realloc(R->rtext, cap);
        assert_non_null(p);
        R->rtext = p;
        R->rcap = cap;
    }
    memcpy(R->rtext + R->rlen, s, n);
    R->rlen += n;
    R->rtext[R->rlen++] = '\n';
    R->rtext[R->rlen] = '\0';
}

static int do_line1(struct run *R, char *line);

/* Handles one line; returns -1 on a syntax error (the file is abandoned). */
static int do_line(struct run *R, char *line)
{
    R->syntax = 0;
    if (do_line1(R, line) != 0 || R->syntax)
        return -1;
    return 0;
}

static int do_line1(struct run *R, char *line)
{
    char *tok[MAX_TOKENS];
    char *hash, *kw;
    int n, rc;
    while (*line == ' ' || *line == '\t')
        line++;
    if (strncmp(line, "rules", 5) == 0 && (line[5] == ' ' || line[5] == '\t' || line[5] == '\0')) {
        if (!R->in_case) {
            failf(R, "rules line outside a case");
            return -1;
        }
        if (R->rules_done) {
            failf(R, "rules line after the case's setup began");
            return -1;
        }
        line += 5;
        if (*line != '\0')
            line++; /* exactly one separator; the rest is verbatim */
        append_rules(R, line);
        return 0;
    }
    hash = strchr(line, '#');
    if (hash != NULL)
        *hash = '\0';
    n = split(line, tok);
    if (n < 0) {
        failf(R, "too many tokens");
        return -1;
    }
    if (n == 0)
        return 0;
    kw = tok[0];
    if (!R->in_case) {
        if (strcmp(kw, "case") != 0 || n != 2) {
            failf(R, "expected 'case NAME', found '%s'", kw);
            return -1;
        }
        begin_case(R, tok[1]);
        return 0;
    }
    if (strcmp(kw, "case") == 0) {
        failf(R, "case inside a case (missing end)");
        return -1;
    }
    if (strcmp(kw, "tags") == 0) {
        int i;
        if (n < 2) {
            failf(R, "tags needs at least one rule id");
            return -1;
        }
        for (i = 1; i < n; i++) {
            int k = lookup(tag_names, N_TAGS, tok[i]);
            if (k < 0) {
                failf(R, "unknown tag '%s'", tok[i]);
                return -1;
            }
            R->tags |= 1ul << k;
        }
        return 0;
    }
    if (strcmp(kw, "expect-error") == 0) {
        int code = -999, i, at_l = 0, at_c = 0, arrow = -1;
        for (i = 1; i < n; i++)
            if (strcmp(tok[i], "->") == 0)
                arrow = i;
        if (arrow < 2 || arrow + 1 >= n) {
            failf(R, "expect-error needs '-> CODE'");
            return -1;
        }
        for (i = 0; i < N_ERRORS; i++)
            if (strcmp(error_names[i].name, tok[arrow + 1]) == 0)
                code = error_names[i].code;
        if (code == -999) {
            failf(R, "unknown status code '%s'", tok[arrow + 1]);
            return -1;
        }
        if (arrow + 2 < n) {
            if (arrow + 4 != n || strcmp(tok[arrow + 2], "at") != 0 ||
                sscanf(tok[arrow + 3], "%d:%d", &at_l, &at_c) != 2 || at_l <= 0 || at_c <= 0) {
                failf(R, "expected 'at LINE:COLUMN' after the code");
                return -1;
            }
        }
        R->expectations++;
        if (strcmp(tok[1], "rules") == 0) {
            if (arrow != 2 || R->rules_done) {
                failf(R, "'expect-error rules -> CODE' must directly follow the rules lines");
                return -1;
            }
            ensure_rules(R, code, at_l, at_c);
            return 0;
        }
        if (at_l != 0) {
            failf(R, "'at LINE:COLUMN' is for rules only");
            return -1;
        }
        ensure_rules(R, 1, 0, 0);
        tok[arrow] = NULL;
        if (strcmp(tok[1], "customer") == 0)
            do_customer(R, tok + 1, arrow - 1, code);
        else if (strcmp(tok[1], "contact") == 0)
            do_contact(R, tok + 1, arrow - 1, code);
        else {
            failf(R, "expect-error takes rules, customer or contact");
            return -1;
        }
        return 0;
    }
    if (strcmp(kw, "end") == 0) {
        if (n != 1) {
            failf(R, "end takes nothing");
            return -1;
        }
        ensure_rules(R, 1, 0, 0);
        end_case(R);
        return 0;
    }
    ensure_rules(R, 1, 0, 0);
    if (strcmp(kw, "customer") == 0)
        do_customer(R, tok, n, CCAD_OK);
    else if (strcmp(kw, "contact") == 0)
        do_contact(R, tok, n, CCAD_OK);
    else if (strcmp(kw, "update") == 0)
        do_update(R, tok, n);
    else if (strcmp(kw, "today") == 0) {
        int64_t d;
        if (n != 2 || parse_date(tok[1], &d) != 0 || d == CCAD_NO_DATE || d < CCAD_DATE_MIN ||
            d > CCAD_DATE_MAX) {
            failf(R, "today takes one date");
            return -1;
        }
        R->today = (int32_t)d;
        R->have_today = 1;
    } else if (strcmp(kw, "expect") == 0)
        do_expect(R, tok, n);
    else if (strcmp(kw, "summary") == 0)
        do_summary(R, tok, n);
    else if ((rc = VEC_EXTRA_DIRECTIVE(R, tok, n)) <= 0)
        return rc;
    else {
        failf(R, "unknown directive '%s'", kw);
        return -1;
    }
    return 0;
}

static void run_file(struct run *R, const char *dir, const char *name)
{
    char path[1024], line[LINE_CAP];
    FILE *fp;
    int ok = 1;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    R->file = name;
    R->line = 0;
    R->in_case = 0;
    fp = fopen(path, "r");
    if (fp == NULL) {
        failf(R, "cannot open %s", path);
        return;
    }
    while (ok && fgets(line, sizeof line, fp) != NULL) {
        size_t len = strlen(line);
        R->line++;
        if (len > 0 && line[len - 1] == '\n')
            line[--len] = '\0';
        else if (!feof(fp)) {
            failf(R, "line longer than %d bytes", LINE_CAP - 2);
            ok = 0;
            break;
        }
        if (len > 0 && line[len - 1] == '\r')
            line[--len] = '\0';
        if (memchr(line, '\0', len) != NULL || strlen(line) != len) {
            failf(R, "NUL byte in the line");
            ok = 0;
            break;
        }
        if (do_line(R, line) != 0)
            ok = 0;
    }
    if (ok && R->in_case)
        failf(R, "end of file inside a case");
    if (R->in_case) {
        /* abandoned case: release its objects without counting it */
        ccad_book_free(R->book);
        ccad_rules_free(R->rules);
        free(R->rtext);
        R->book = NULL;
        R->rules = NULL;
        R->rtext = NULL;
        R->rlen = R->rcap = 0;
        R->in_case = 0;
    }
    fclose(fp);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The vector files (*.txt, not hidden) of dir, sorted by name, into files
 * (strdup'ed: the caller frees them); returns how many. Fails the test
 * when the directory cannot be read, holds none, or more than max. Shared
 * with the plan vector runner, which includes this file. */
static int vector_files(const char *dir, char **files, int max)
{
    int nfiles = 0;
    DIR *d = opendir(dir);
    struct dirent *e;
    if (d == NULL)
        fail_msg("cannot open the vector directory %s", dir);
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len > 4 && strcmp(e->d_name + len - 4, ".txt") == 0 && e->d_name[0] != '.') {
            if (nfiles == max)
                fail_msg("more than %d vector files in %s", max, dir);
            files[nfiles] = strdup(e->d_name);
            assert_non_null(files[nfiles]);
            nfiles++;
        }
    }
    closedir(d);
    if (nfiles == 0)
        fail_msg("no vector files in %s", dir);
    qsort(files, (size_t)nfiles, sizeof files[0], cmp_names);
    return nfiles;
}

#ifndef CCAD_VECTORS_NO_MAIN

static void vectors(void **state)
{
    static const int implemented[] = {
        CCAD_RULE_GRADE,  CCAD_RULE_URGENCY,   CCAD_RULE_QUADRANT,  CCAD_RULE_FREQ,
        CCAD_RULE_GAP,    CCAD_RULE_FOLLOWUP,  CCAD_RULE_STALL,     CCAD_RULE_PATIENCE,
        CCAD_RULE_TRIAGE, CCAD_RULE_COMPLAINT, CCAD_RULE_SERVICE,   CCAD_RULE_EXPLAIN,
        CCAD_RULE_CLOCK,  CCAD_RULE_ESCALATE,  CCAD_RULE_OWNERSHIP, CCAD_RULE_NEVER};
    struct run R;
    tu_alloc al;
    ccad_host h = tu_host(&al);
    char *files[MAX_FILES], counts[1024];
    int nfiles, i, k;
    size_t n = 0;
    (void)state;
    memset(&R, 0, sizeof R);
    assert_int_equal(ccad_ctx_new(&R.ctx, &h), CCAD_OK);

    /* The rule names here must be the library's. */
    for (k = 1; k < N_RULES; k++)
        assert_string_equal(ccad_rule_name(k), rule_names[k]);
    for (k = 1; k < N_WHY; k++)
        assert_string_equal(ccad_why_name(k), why_names[k]);

    nfiles = vector_files(CCAD_VECTOR_DIR, files, MAX_FILES);

    for (i = 0; i < nfiles; i++)
        run_file(&R, CCAD_VECTOR_DIR, files[i]);

    R.file = "(all)";
    R.line = 0;
    for (k = 0; k < (int)(sizeof implemented / sizeof implemented[0]); k++)
        if (R.per_rule[implemented[k]] == 0)
            failf(&R, "no vector is tagged %s", rule_names[implemented[k]]);

    counts[0] = '\0';
    for (k = 1; k < N_TAGS; k++)
        if (R.per_rule[k] > 0 && n < sizeof counts)
            n += (size_t)snprintf(counts + n, sizeof counts - n, "%s%s %d", n ? ", " : "",
                                  tag_names[k], R.per_rule[k]);
    print_message("vectors: %d files, %d cases, %d checks\n", nfiles, R.cases, R.checks);
    print_message("vectors: %s\n", counts);

    for (i = 0; i < nfiles; i++)
        free(files[i]);
    for (i = 0; i < R.ncase_names; i++)
        free(R.case_names[i]);
    ccad_ctx_free(R.ctx);
    assert_int_equal(al.live, 0);
    if (R.failures > 0)
        fail_msg("%d vector failure(s), see above", R.failures);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(vectors)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
#endif /* CCAD_VECTORS_NO_MAIN */
