/* Rules: validated access to the parameters (their table is in
 * rules_table.c) and the strict text format (its parser of whole texts,
 * ccad_rules_parse, is in rules_parse.c). */
#include "internal.h"

#include <stdio.h>
#include <string.h>

size_t ccad_rules_param_count(void) { return P__COUNT; }

/* ccad_param_info as 1.0 released it: every member up to help. */
#define CCAD__PARAM_INFO_SIZE_1_0 (offsetof(ccad_param_info, help) + sizeof(const char *))

int ccad_rules_param_info(ccad_param_info *info, size_t index)
{
    ccad_param_info o;
    const struct ccad__param_def *p;
    if (info == NULL)
        return CCAD_EINVAL;
    if (!CCAD__SIZE_OK(info->size, ccad_param_info) && info->size != CCAD__PARAM_INFO_SIZE_1_0)
        return CCAD_EVERSION;
    if (index >= P__COUNT)
        return CCAD_ENOTFOUND;
    p = &ccad__params[index];
    memset(&o, 0, sizeof o);
    o.size = info->size;
    o.name = p->name;
    o.rule = p->rule;
    o.min_value = p->min;
    o.max_value = p->max;
    o.default_value = p->def;
    o.unit = p->unit;
    o.help = p->help;
    o.source = p->source;
    memcpy(info, &o, info->size); /* 1.0's size ends before source */
    return CCAD_OK;
}

int ccad__rules_find(const char *name, size_t len)
{
    int i;
    for (i = 0; i < P__COUNT; i++)
        if (strlen(ccad__params[i].name) == len && memcmp(ccad__params[i].name, name, len) == 0)
            return i;
    return -1;
}

const char *ccad__rules_param_name(int i) { return ccad__params[i].name; }

void ccad__rules_defaults(int64_t *v)
{
    int i;
    for (i = 0; i < P__COUNT; i++)
        v[i] = ccad__params[i].def;
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
    {P_PLATFORM_MIN, P_PLATFORM_CAP, 0},
    {P_GAP_WARN_PCT, P_GAP_ALERT_PCT, 1},
    {P_FREQ_RAMP_COUNT, P_FREQ_RAMP_DAYS, 0},
    {P_TRIAGE_SHARE_PUSH, P_TRIAGE_SHARE_SELF, 1},
    {P_TRIAGE_SHARE_UNMOVABLE, P_TRIAGE_SHARE_PUSH, 1},
    {P_TRIAGE_RANK_SELF, P_TRIAGE_RANK_PUSH, 1},
    {P_TRIAGE_RANK_PUSH, P_TRIAGE_RANK_UNMOVABLE, 1},
};
#define N_ORDERS (int)(sizeof orders / sizeof orders[0])

/* Writes a description of the first broken constraint into msg and names
 * two parameters it involves; returns 1 if one is broken. Rules are always
 * consistent before a change, so after ccad_rules_set the broken constraint
 * is one the changed parameter takes part in. */
int ccad__rules_conflict(const int64_t *v, int *culprit, int *other, char *msg, size_t cap,
                         int lang)
{
    int i;
    int64_t sum;
    for (i = 0; i < N_ORDERS; i++) {
        const struct order *o = &orders[i];
        int ok = o->strict ? v[o->lo] < v[o->hi] : v[o->lo] <= v[o->hi];
        if (o->lo == P_GRADE_THRESHOLD_C && !v[P_GRADE_USE_D])
            ok = 1; /* grade C's threshold matters only when grade D is on */
        if (o->hi == P_PLATFORM_CAP && v[P_PLATFORM_CAP] == 0)
            ok = 1; /* working_cap 0: no fixed cap to stay under */
        if (ok)
            continue;
        *culprit = o->hi;
        *other = o->lo;
        snprintf(msg, cap, ccad__rules_msg(lang, o->strict ? CCAD__RM_BELOW : CCAD__RM_AT_MOST),
                 ccad__params[o->lo].name, (long long)v[o->lo], ccad__params[o->hi].name,
                 (long long)v[o->hi]);
        return 1;
    }
    /* Shares: A + B at most 100; with grade D on, A + B + C too. */
    sum = v[P_GRADE_SHARE_A] + v[P_GRADE_SHARE_B] + (v[P_GRADE_USE_D] ? v[P_GRADE_SHARE_C] : 0);
    if (sum > 100) {
        *culprit = P_GRADE_SHARE_B;
        *other = P_GRADE_SHARE_A;
        snprintf(msg, cap, ccad__rules_msg(lang, CCAD__RM_SHARES),
                 v[P_GRADE_USE_D] ? " + grade.share_c_pct" : "", (long long)sum);
        return 1;
    }
    if (v[P_PLATFORM_CAP] > 0 && v[P_PLATFORM_CAP_A] + v[P_PLATFORM_CAP_B] > v[P_PLATFORM_CAP]) {
        *culprit = P_PLATFORM_CAP_B;
        *other = P_PLATFORM_CAP_A;
        snprintf(msg, cap, ccad__rules_msg(lang, CCAD__RM_CAPS),
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

/* Sets parameter i to value for ccad_rules_set and ccad_rules_set_text
 * (fn): the range and the constraints with the other parameters checked
 * first. Changes nothing on failure. */
static int set_value(ccad_rules *rules, int i, int64_t value, const char *fn)
{
    int culprit, other;
    int64_t v[P__COUNT];
    char msg[200];
    if (value < ccad__params[i].min || value > ccad__params[i].max)
        return ccad__rules_fail(rules->ctx, CCAD_ERANGE, fn, CCAD__RM_RANGE, ccad__params[i].name,
                                (long long)value, (long long)ccad__params[i].min,
                                (long long)ccad__params[i].max);
    memcpy(v, rules->v, sizeof v);
    v[i] = value;
    if (ccad__rules_conflict(v, &culprit, &other, msg, sizeof msg, rules->ctx->lang))
        return ccad__rules_fail(rules->ctx, CCAD_ECONFLICT, fn, CCAD__RM_REFUSED,
                                ccad__params[i].name, (long long)value, msg);
    rules->v[i] = value;
    return CCAD_OK;
}

int ccad_rules_set(ccad_rules *rules, const char *name, int64_t value)
{
    static const char fn[] = "ccad_rules_set";
    int i;
    if (rules == NULL)
        return CCAD_EINVAL;
    if (ccad__busy(rules->ctx))
        return CCAD_EBUSY;
    if (name == NULL)
        return ccad__fail(rules->ctx, CCAD_EINVAL, "%s: name is NULL", fn);
    i = ccad__rules_find(name, strlen(name));
    if (i < 0)
        return ccad__rules_fail(rules->ctx, CCAD_ENOTFOUND, fn, CCAD__RM_NO_PARAM, name);
    return set_value(rules, i, value, fn);
}

int ccad_rules_set_text(ccad_rules *rules, const char *name, const char *value)
{
    static const char fn[] = "ccad_rules_set_text";
    int i;
    int64_t v;
    char msg[200];
    size_t n;
    if (rules == NULL)
        return CCAD_EINVAL;
    if (ccad__busy(rules->ctx))
        return CCAD_EBUSY;
    if (name == NULL || value == NULL)
        return ccad__fail(rules->ctx, CCAD_EINVAL, "%s: NULL argument", fn);
    i = ccad__rules_find(name, strlen(name));
    if (i < 0)
        return ccad__rules_fail(rules->ctx, CCAD_ENOTFOUND, fn, CCAD__RM_NO_PARAM, name);
    n = strlen(value);
    if (n == 0)
        return ccad__rules_fail(rules->ctx, CCAD_EPARSE, fn, CCAD__RM_EMPTY, ccad__params[i].name);
    switch (ccad__rules_value(i, value, n, &v, msg, sizeof msg, rules->ctx->lang)) {
    case 0: break;
    case -2: return ccad__fail(rules->ctx, CCAD_ERANGE, "%s: %s", fn, msg);
    default: return ccad__fail(rules->ctx, CCAD_EPARSE, "%s: %s", fn, msg);
    }
    return set_value(rules, i, v, fn);
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
    const struct ccad__param_def *p = &ccad__params[i];
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
        n = (size_t)snprintf(line, sizeof line, "%s = ", ccad__params[i].name);
        n += format_value(line + n, sizeof line - n, i, rules->v[i]);
        total += n + 1;
    }
    *out_len = total;
    if (buf == NULL || cap < total + 1)
        return CCAD_ENOSPC;
    memcpy(buf, head, sizeof head - 1);
    n = sizeof head - 1;
    for (i = 0; i < P__COUNT; i++) {
        size_t k = (size_t)snprintf(line, sizeof line, "%s = ", ccad__params[i].name);
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
static int parse_days(const struct ccad__param_def *p, const char *s, size_t n, int64_t *out,
                      char *msg, size_t cap, int lang)
{
    int64_t m = 0;
    size_t k = 0;
    while (k < n) {
        int wd;
        if (n - k < 3 || ccad_name_parse(&wd, CCAD_NAME_WEEKDAY, s + k, 3) != CCAD_OK ||
            memcmp(ccad_name(CCAD_NAME_WEEKDAY, wd), s + k, 3) != 0 || /* exact case */
            (m & (1 << (wd - 1))) || (k + 3 < n && (s[k + 3] != '+' || k + 4 == n))) {
            snprintf(msg, cap, ccad__rules_msg(lang, CCAD__RM_DAYS), p->name,
                     (int)(n > 40 ? 40 : n), s);
            return -1;
        }
        m |= 1 << (wd - 1);
        k += k + 3 < n ? 4 : 3;
    }
    *out = m;
    return 0;
}

static int parse_mask(const struct ccad__param_def *p, const char *s, size_t n, int64_t *out,
                      char *msg, size_t cap, int lang)
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
            snprintf(msg, cap, ccad__rules_msg(lang, CCAD__RM_MASK), p->name,
                     (int)(n > 40 ? 40 : n), s);
            return -1;
        }
        bit = 1 << (s[k] - 'A');
        m |= bit;
    }
    *out = m;
    return 0;
}

static int parse_integer(const struct ccad__param_def *p, const char *s, size_t n, int64_t *out,
                         char *msg, size_t cap, int lang)
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
        snprintf(msg, cap, ccad__rules_msg(lang, CCAD__RM_SIGN), p->name, s[0]);
        return -1;
    }
    for (; k < n; k++) {
        int d;
        if (s[k] < '0' || s[k] > '9') {
            snprintf(msg, cap, ccad__rules_msg(lang, CCAD__RM_INTEGER), p->name,
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
        snprintf(msg, cap, ccad__rules_msg(lang, neg ? CCAD__RM_TOO_SMALL : CCAD__RM_TOO_LARGE),
                 p->name, (int)(n > 40 ? 40 : n), s, n > 40 ? "..." : "", (long long)p->min,
                 (long long)p->max);
        return -2; /* well formed, out of range */
    }
    v = neg ? (u == (uint64_t)INT64_MAX + 1u ? INT64_MIN : -(int64_t)u) : (int64_t)u;
    if (v < p->min || v > p->max) {
        snprintf(msg, cap, ccad__rules_msg(lang, CCAD__RM_RANGE), p->name, (long long)v,
                 (long long)p->min, (long long)p->max);
        return -2; /* well formed, out of range */
    }
    *out = v;
    return 0;
}

/* Parses the value token [s, s+n) of parameter i. Returns 0 and *out on
 * success; otherwise writes a message and returns -1 (malformed) or -2
 * (a number outside the parameter's range). */
int ccad__rules_value(int i, const char *s, size_t n, int64_t *out, char *msg, size_t cap, int lang)
{
    const struct ccad__param_def *p = &ccad__params[i];
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
        snprintf(msg, cap, ccad__rules_msg(lang, CCAD__RM_KEYWORD), p->name, p->keywords[0],
                 p->keywords[1], (int)(n > 40 ? 40 : n), s);
        return -1;
    }
    if (p->kind == K_DAYS && !numeric)
        return parse_days(p, s, n, out, msg, cap, lang);
    if (p->kind == K_MASK && !numeric)
        return parse_mask(p, s, n, out, msg, cap, lang);
    return parse_integer(p, s, n, out, msg, cap, lang);
}
