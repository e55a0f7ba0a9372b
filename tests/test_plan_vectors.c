/* Conformance vectors for plans: runs every tests/plan-vectors/NAME.txt
 * through the public API (ccad_schedule_new, ccad_book_workload,
 * ccad_book_platform). The format is specified in docs/vectors.md, section
 * "Plan cases"; this program is its reference runner. It reuses the
 * assessment runner (tests/test_vectors.c: files, cases, rules, customers,
 * contacts, expect, summary) and adds the calendar, the plan and its
 * expectations through the runner's hooks. */
#define CCAD_VECTORS_NO_MAIN

struct run;
static int plan_directive(struct run *R, char **tok, int n);
static void plan_begin(struct run *R);
static void plan_end(struct run *R);
#define VEC_EXTRA_DIRECTIVE(R, tok, n) plan_directive((R), (tok), (n))
#define VEC_BEGIN_CASE(R) plan_begin(R)
#define VEC_END_CASE(R) plan_end(R)

#include "test_vectors.c"

#define PLAN_VECTOR_DIR CCAD_VECTOR_DIR "/../plan-vectors"
#define MAX_DATES 64

static const char *const item_kind_names[] = {NULL, "visit", "call", "persist", "care", "touch"};
static const char *const delegation_names[] = {"rep", "colleague", "substitute"};
static const char *const finding_names[] = {NULL,
                                            "unplanned",
                                            "overdue",
                                            "cooling",
                                            "cold",
                                            "stalled",
                                            "release_risk",
                                            "never_contacted",
                                            "over_capacity",
                                            "dropped",
                                            "gap",
                                            "platform",
                                            "route",
                                            "release_proposed",
                                            "assign_proposed",
                                            "move_proposed",
                                            "persist_lacking"};
#define N_FINDINGS (int)(sizeof finding_names / sizeof finding_names[0])
static const char *const overload_names[] = {"report", "stretch"};
static const char *const metric_names[] = {NULL, "planar", "geo", "host"};

/* The case's calendar and plan (one case at a time). */
static struct plan_state {
    uint32_t workdays; /* weekday mask, bit 0 = Monday */
    int32_t holiday[MAX_DATES], absent[MAX_DATES], special[MAX_DATES];
    int nholiday, nabsent, nspecial;
    ccad_schedule *s;
    int32_t first, days;
    int known_bug;
    int failures_at_begin;
    int known_bug_cases, known_bug_failures, plans;
} P;

static int in_dates(const int32_t *list, int n, int32_t d)
{
    int i;
    for (i = 0; i < n; i++)
        if (list[i] == d)
            return 1;
    return 0;
}

static int calendar_cb(void *user, int32_t day, uint32_t *out)
{
    int wd = 0;
    uint32_t f = 0;
    (void)user;
    if (ccad_date_weekday(&wd, day) != CCAD_OK)
        return -1;
    if (P.workdays & (1u << (wd - 1)))
        f = CCAD_DAY_WORKING;
    if (in_dates(P.holiday, P.nholiday, day))
        f = CCAD_DAY_HOLIDAY;
    else if (in_dates(P.absent, P.nabsent, day) && (f & CCAD_DAY_WORKING))
        f |= CCAD_DAY_ABSENT;
    if (in_dates(P.special, P.nspecial, day))
        f |= CCAD_DAY_SPECIAL;
    *out = f;
    return 0;
}

static void team_case_end(void);

static void plan_begin(struct run *R)
{
    team_case_end();
    ccad_schedule_free(P.s);
    P.s = NULL;
    P.workdays = 0x1f;
    P.nholiday = P.nabsent = P.nspecial = 0;
    P.known_bug = 0;
    P.failures_at_begin = R->failures;
}

static void plan_end(struct run *R)
{
    team_case_end();
    ccad_schedule_free(P.s);
    P.s = NULL;
    if (P.known_bug) {
        int extra = R->failures - P.failures_at_begin;
        P.known_bug_cases++;
        if (extra > 0) {
            print_message("%s:%d: case %s: known-bug: %d mismatch(es) above, not counted\n",
                          R->file, R->line, R->case_name, extra);
            P.known_bug_failures += extra;
            R->failures -= extra;
        } else
            print_message("%s:%d: case %s: known-bug, but every check holds: remove the mark\n",
                          R->file, R->line, R->case_name);
    }
}

/* HH:MM or a number of minutes. */
static int parse_clock(const char *s, int64_t *out)
{
    int h, m;
    char tail;
    if (strlen(s) == 5 && s[2] == ':' && sscanf(s, "%2d:%2d%c", &h, &m, &tail) == 2 && h >= 0 &&
        m >= 0 && m < 60) {
        *out = h * 60 + m;
        return 0;
    }
    return parse_int(s, out);
}

static int parse_mask(const char *s, int64_t *out)
{
    static const struct fdesc days = {"visit_days", F_DAYS, 0, NULL, 0};
    return parse_field(&days, s, out);
}

static int add_dates(struct run *R, int32_t *list, int *n, char **tok, int ntok)
{
    int i;
    for (i = 1; i < ntok; i++) {
        int64_t d;
        if (parse_date(tok[i], &d) != 0 || d == CCAD_NO_DATE || *n == MAX_DATES) {
            synf(R, "%s takes dates, not '%s'", tok[0], tok[i]);
            return -1;
        }
        list[(*n)++] = (int32_t)d;
    }
    if (ntok < 2) {
        synf(R, "%s needs at least one date", tok[0]);
        return -1;
    }
    return 0;
}

/* plan FIELD=VALUE...: sets the options and makes the schedule. */
/* The options of a plan or team-plan line into *o; 0, or -1 after a syntax error. */
static int parse_plan_options(struct run *R, char **tok, int n, ccad_plan_options *out)
{
    ccad_plan_options o = CCAD_PLAN_OPTIONS_INIT;
    int i;
    for (i = 1; i < n; i++) {
        char *eq = strchr(tok[i], '=');
        const char *k = tok[i], *v;
        int64_t x = 0;
        int bad = 0;
        if (eq == NULL) {
            synf(R, "plan takes FIELD=VALUE, not '%s'", tok[i]);
            return -1;
        }
        *eq = '\0';
        v = eq + 1;
        if (strcmp(k, "first_day") == 0) {
            bad = parse_date(v, &x) != 0;
            o.first_day = (int32_t)x;
        } else if (strcmp(k, "days") == 0 || strcmp(k, "visits_per_day") == 0 ||
                   strcmp(k, "minutes_per_day") == 0 || strcmp(k, "route") == 0 ||
                   strcmp(k, "assign_days") == 0 || strcmp(k, "day_minutes") == 0 ||
                   strcmp(k, "keep_reasons") == 0 || strcmp(k, "effort") == 0 ||
                   strcmp(k, "seed") == 0) {
            bad = parse_int(v, &x) != 0 || x < INT32_MIN || x > INT32_MAX;
            if (k[0] == 'd' && k[1] == 'a' && k[3] == 's')
                o.days = (int32_t)x;
            else if (k[0] == 'v')
                o.visits_per_day = (int32_t)x;
            else if (k[0] == 'm')
                o.minutes_per_day = (int32_t)x;
            else if (strcmp(k, "route") == 0)
                o.route = (int32_t)x;
            else if (k[0] == 'a')
                o.assign_days = (int32_t)x;
            else if (strcmp(k, "day_minutes") == 0)
                o.day_minutes = (int32_t)x;
            else if (k[0] == 'k')
                o.keep_reasons = (int32_t)x;
            else if (k[0] == 'e')
                o.effort = (int32_t)x;
            else
                o.seed = (uint64_t)x;
        } else if (strcmp(k, "day_start") == 0) {
            bad = parse_clock(v, &x) != 0;
            o.day_start_min = (int32_t)x;
        } else if (strcmp(k, "day_end") == 0) {
            bad = parse_clock(v, &x) != 0;
            o.day_minutes = (int32_t)x - o.day_start_min; /* day_start must come first */
        } else if (strcmp(k, "overload") == 0) {
            int e = lookup(overload_names, 2, v);
            bad = e < 0;
            o.overload = e;
        } else if (strcmp(k, "metric") == 0) {
            int e = lookup(metric_names, 4, v);
            bad = e < 0;
            o.metric = e;
        } else if (strcmp(k, "base") == 0) {
            bad = sscanf(v, "%lf,%lf", &o.base_x, &o.base_y) != 2;
        } else if (strcmp(k, "scale") == 0 || strcmp(k, "speed") == 0) {
            char *end;
            double d = strtod(v, &end);
            bad = end == v || *end != '\0';
            if (k[0] == 's' && k[1] == 'c')
                o.scale = d;
            else
                o.units_per_minute = d;
        } else {
            synf(R, "unknown plan option '%s'", k);
            return -1;
        }
        if (bad) {
            synf(R, "bad value of plan option %s: '%s'", k, v);
            return -1;
        }
    }
    *out = o;
    return 0;
}

static int do_plan(struct run *R, char **tok, int n)
{
    ccad_plan_options o;
    int rc;
    if (parse_plan_options(R, tok, n, &o) != 0)
        return -1;
    if (ensure_graded(R) != 0)
        return 0;
    ccad_schedule_free(P.s);
    P.s = NULL;
    rc = ccad_schedule_new(&P.s, R->book, R->rules, &o);
    P.plans++;
    if (rc != CCAD_OK) {
        failf(R, "ccad_schedule_new: %s: %s", errname(rc), ccad_ctx_errmsg(R->ctx));
        P.s = NULL;
        return 0;
    }
    P.first = o.first_day;
    P.days = o.days;
    return 0;
}

static int need_plan(struct run *R)
{
    if (P.s == NULL) {
        failf(R, "%s", "no schedule (a plan line must come first, and succeed)");
        return -1;
    }
    R->expectations++;
    return 0;
}

static void item_reasons_text(char *buf, size_t cap, const ccad_reason *rs, uint32_t count)
{
    size_t n = 0;
    uint32_t i;
    buf[0] = '\0';
    for (i = 0; i < count && i < CCAD_ITEM_REASONS_MAX && n < cap; i++) {
        const ccad_reason *r = &rs[i];
        const char *rn = r->rule > 0 && r->rule < N_RULES ? rule_names[r->rule] : "?";
        const char *wn = r->why > 0 && r->why < N_WHY ? why_names[r->why] : "?";
        n += (size_t)snprintf(buf + n, cap - n, "%s%s:%s(%lld,%lld,%lld)", i ? " " : "", rn, wn,
                              (long long)r->a, (long long)r->b, (long long)r->c);
    }
    if (count == 0)
        snprintf(buf, cap, "none");
}

/* why1=, why+=, why-=, why= against a reason list: 1 holds, 0 not, -1 syntax. */
static int why_check(struct run *R, const char *tok, const ccad_reason *rs, uint32_t count)
{
    struct why_spec w;
    uint32_t i;
    uint32_t m = count < CCAD_ITEM_REASONS_MAX ? count : CCAD_ITEM_REASONS_MAX;
    if (strncmp(tok, "why1=", 5) == 0) {
        if (parse_why(tok + 5, &w) != 0) {
            synf(R, "bad reason '%s'", tok + 5);
            return -1;
        }
        return m > 0 && why_matches(&w, &rs[0]);
    }
    if (strncmp(tok, "why+=", 5) == 0 || strncmp(tok, "why-=", 5) == 0) {
        int found = 0;
        if (parse_why(tok + 5, &w) != 0) {
            synf(R, "bad reason '%s'", tok + 5);
            return -1;
        }
        for (i = 0; i < m; i++)
            found |= why_matches(&w, &rs[i]);
        return tok[3] == '+' ? found : !found;
    }
    if (strncmp(tok, "why=", 4) == 0) {
        char tmp[512], *p, *save = NULL;
        uint32_t k = 0;
        int ok = 1;
        if (strlen(tok + 4) >= sizeof tmp) {
            synf(R, "%s", "reason list too long");
            return -1;
        }
        strcpy(tmp, tok + 4);
        if (strcmp(tmp, "none") == 0)
            return m == 0;
        for (p = strtok_r(tmp, ",", &save); p != NULL; p = strtok_r(NULL, ",", &save)) {
            int code = lookup(why_names, N_WHY, p);
            if (code < 0) {
                synf(R, "unknown reason code '%s'", p);
                return -1;
            }
            if (k >= m || rs[k].why != code)
                ok = 0;
            k++;
        }
        return ok && k == m;
    }
    return -2; /* not a reason check */
}

static int find_cust(struct run *R, const char *id, int64_t *idx)
{
    size_t i;
    if (strcmp(id, "-") == 0) {
        *idx = -1;
        return 0;
    }
    if (find_customer(R, id, &i) != 0)
        return -1;
    *idx = (int64_t)i;
    return 0;
}

static ccad_item get_item(size_t i)
{
    ccad_item it = CCAD_ITEM_INIT;
    assert_int_equal(ccad_schedule_item(P.s, i, &it), CCAD_OK);
    return it;
}

static void item_text(char *buf, size_t cap, const ccad_item *it)
{
    char d[16], rm[16], rf[16], rs[1024];
    format_date(d, sizeof d, it->date);
    format_date(rm, sizeof rm, it->reminder_date);
    format_date(rf, sizeof rf, it->rolled_from);
    item_reasons_text(rs, sizeof rs, it->reasons, it->reason_count);
    snprintf(buf, cap, "%s %s by %s %s priority %d reminder %s rolled_from %s block_day %d: %s", d,
             it->kind > 0 && it->kind < 6 ? item_kind_names[it->kind] : "?",
             it->delegated >= 0 && it->delegated < 3 ? delegation_names[it->delegated] : "?",
             it->quadrant > 0 && it->quadrant < 5 ? quadrant_names[it->quadrant] : "?",
             (int)it->priority, rm, rf, (int)it->block_day, rs);
}

/* Item fields a check can compare. */
static int item_field(const ccad_item *it, const char *name, const char *v, int64_t *want,
                      int64_t *got)
{
    int e;
    if (strcmp(name, "kind") == 0) {
        *got = it->kind;
        return (e = lookup(item_kind_names, 6, v)) < 0 ? -1 : (*want = e, 0);
    }
    if (strcmp(name, "delegated") == 0) {
        *got = it->delegated;
        return (e = lookup(delegation_names, 3, v)) < 0 ? -1 : (*want = e, 0);
    }
    if (strcmp(name, "quadrant") == 0) {
        *got = it->quadrant;
        return (e = lookup(quadrant_names, 5, v)) < 0 ? -1 : (*want = e, 0);
    }
    if (strcmp(name, "rolled_from") == 0) {
        *got = it->rolled_from;
        return parse_date(v, want);
    }
    if (strcmp(name, "reminder_date") == 0) {
        *got = it->reminder_date;
        return parse_date(v, want);
    }
    if (strcmp(name, "priority") == 0) {
        *got = it->priority;
        return parse_int(v, want);
    }
    if (strcmp(name, "block_day") == 0) {
        *got = it->block_day;
        return parse_int(v, want);
    }
    if (strcmp(name, "late") == 0) {
        *got = it->late;
        return parse_int(v, want);
    }
    return -2;
}

/* item ID DATE CHECK...: the customer's one item on DATE. */
static int do_item(struct run *R, char **tok, int n)
{
    int64_t c, d;
    size_t i, cnt = 0;
    ccad_item it = CCAD_ITEM_INIT;
    char text[2048];
    int k;
    if (n < 3 || find_cust(R, tok[1], &c) != 0 || c < 0 || parse_date(tok[2], &d) != 0) {
        if (!R->syntax && n < 3)
            synf(R, "%s", "item takes ID DATE CHECK...");
        return R->syntax ? -1 : 0;
    }
    if (need_plan(R) != 0)
        return 0;
    for (i = 0; i < ccad_schedule_item_count(P.s); i++) {
        ccad_item x = get_item(i);
        if ((int64_t)x.customer == c && x.date == d) {
            if (cnt++ == 0)
                it = x;
        }
    }
    if (cnt != 1) {
        failf(R, "%zu items for %s on %s, expected one", cnt, tok[1], tok[2]);
        return 0;
    }
    item_text(text, sizeof text, &it);
    for (k = 3; k < n; k++) {
        char *eq = strchr(tok[k], '=');
        int64_t want = 0, got = 0;
        int r = why_check(R, tok[k], it.reasons, it.reason_count);
        R->checks++;
        if (r == -1)
            return -1;
        if (r == 0) {
            failf(R, "item of %s: %s does not hold; item: %s", tok[1], tok[k], text);
            continue;
        }
        if (r == 1)
            continue;
        if (eq == NULL) {
            synf(R, "expected a check, found '%s'", tok[k]);
            return -1;
        }
        *eq = '\0';
        r = item_field(&it, tok[k], eq + 1, &want, &got);
        if (r == -2) {
            synf(R, "unknown item field '%s'", tok[k]);
            return -1;
        }
        if (r != 0) {
            synf(R, "bad value '%s' for %s", eq + 1, tok[k]);
            return -1;
        }
        if (want != got)
            failf(R, "item of %s: %s=%s expected; item: %s", tok[1], tok[k], eq + 1, text);
    }
    return 0;
}

/* no-item ID [DATE]: no item for the customer (on that day). */
static int do_no_item(struct run *R, char **tok, int n)
{
    int64_t c, d = CCAD_NO_DATE;
    size_t i;
    if (n < 2 || n > 3) {
        synf(R, "%s", "no-item takes ID [DATE]");
        return -1;
    }
    if (find_cust(R, tok[1], &c) != 0 || c < 0)
        return 0;
    if (n == 3 && (parse_date(tok[2], &d) != 0 || d == CCAD_NO_DATE)) {
        synf(R, "bad date '%s'", tok[2]);
        return -1;
    }
    if (need_plan(R) != 0)
        return 0;
    R->checks++;
    for (i = 0; i < ccad_schedule_item_count(P.s); i++) {
        ccad_item x = get_item(i);
        if ((int64_t)x.customer == c && (n == 2 || x.date == d)) {
            char text[2048];
            item_text(text, sizeof text, &x);
            failf(R, "unexpected item for %s: %s", tok[1], text);
            break;
        }
    }
    return 0;
}

/* items ID|* [kind=K] [delegated=D] [from=DATE] [to=DATE] [on=MASK] [count=N]
 * [count<=N] [count>=N]: the items that pass the filters; on= checks that
 * every one falls on those weekdays. */
static int do_items(struct run *R, char **tok, int n)
{
    int64_t c = -1, kind = -1, del = -1, from = INT32_MIN, to = INT32_MAX, mask = -1;
    int64_t cnt_eq = -1, cnt_le = -1, cnt_ge = -1, got = 0;
    size_t i;
    int k;
    if (n < 3) {
        synf(R, "%s", "items takes ID|* and checks");
        return -1;
    }
    if (strcmp(tok[1], "*") != 0 && (find_cust(R, tok[1], &c) != 0 || c < 0))
        return 0;
    for (k = 2; k < n; k++) {
        const char *t = tok[k];
        int bad = 0;
        if (strncmp(t, "kind=", 5) == 0)
            bad = (kind = lookup(item_kind_names, 6, t + 5)) < 0;
        else if (strncmp(t, "delegated=", 10) == 0)
            bad = (del = lookup(delegation_names, 3, t + 10)) < 0;
        else if (strncmp(t, "from=", 5) == 0)
            bad = parse_date(t + 5, &from) != 0;
        else if (strncmp(t, "to=", 3) == 0)
            bad = parse_date(t + 3, &to) != 0;
        else if (strncmp(t, "on=", 3) == 0)
            bad = parse_mask(t + 3, &mask) != 0;
        else if (strncmp(t, "count=", 6) == 0)
            bad = parse_int(t + 6, &cnt_eq) != 0;
        else if (strncmp(t, "count<=", 7) == 0)
            bad = parse_int(t + 7, &cnt_le) != 0;
        else if (strncmp(t, "count>=", 7) == 0)
            bad = parse_int(t + 7, &cnt_ge) != 0;
        else
            bad = 1;
        if (bad) {
            synf(R, "bad items check '%s'", t);
            return -1;
        }
    }
    if (need_plan(R) != 0)
        return 0;
    for (i = 0; i < ccad_schedule_item_count(P.s); i++) {
        ccad_item x = get_item(i);
        int wd = 0;
        if ((c >= 0 && (int64_t)x.customer != c) || (kind >= 0 && x.kind != kind) ||
            (del >= 0 && x.delegated != del) || x.date < from || x.date > to)
            continue;
        got++;
        if (mask >= 0) {
            R->checks++;
            assert_int_equal(ccad_date_weekday(&wd, x.date), CCAD_OK);
            if (!(mask & (1 << (wd - 1)))) {
                char text[2048];
                item_text(text, sizeof text, &x);
                failf(R, "item of %s off the weekdays %s: %s", tok[1], tok[n - 1], text);
            }
        }
    }
    if (cnt_eq >= 0 && (R->checks++, got != cnt_eq))
        failf(R, "%lld items, expected %lld", (long long)got, (long long)cnt_eq);
    if (cnt_le >= 0 && (R->checks++, got > cnt_le))
        failf(R, "%lld items, expected at most %lld", (long long)got, (long long)cnt_le);
    if (cnt_ge >= 0 && (R->checks++, got < cnt_ge))
        failf(R, "%lld items, expected at least %lld", (long long)got, (long long)cnt_ge);
    return 0;
}

/* finding KIND ID|- [date=DATE] [why...]: some finding matches every check.
 * no-finding KIND [ID|-]: none of that kind (for that customer). */
static int do_finding(struct run *R, char **tok, int n, int negate)
{
    int kind, k;
    int64_t c = -2, d = -1;
    size_t i, nf;
    int found = 0;
    char all[4096];
    size_t an = 0;
    if (n < 2 || (kind = lookup(finding_names, N_FINDINGS, tok[1])) < 0) {
        synf(R, "%s takes a finding kind", tok[0]);
        return -1;
    }
    if (n >= 3 && find_cust(R, tok[2], &c) != 0)
        return 0;
    if (negate && n > 3) {
        synf(R, "%s", "no-finding takes KIND [ID|-]");
        return -1;
    }
    if (!negate && n < 3) {
        synf(R, "%s", "finding takes KIND ID|- [checks]");
        return -1;
    }
    for (k = 3; k < n; k++)
        if (strncmp(tok[k], "date=", 5) == 0) {
            if (parse_date(tok[k] + 5, &d) != 0) {
                synf(R, "bad date in '%s'", tok[k]);
                return -1;
            }
        } else {
            struct why_spec w;
            const char *p = strchr(tok[k], '=');
            if (p == NULL || strncmp(tok[k], "why", 3) != 0 ||
                (strncmp(tok[k], "why=", 4) != 0 && parse_why(p + 1, &w) != 0)) {
                synf(R, "bad finding check '%s'", tok[k]);
                return -1;
            }
        }
    if (need_plan(R) != 0)
        return 0;
    R->checks++;
    all[0] = '\0';
    nf = ccad_schedule_finding_count(P.s);
    for (i = 0; i < nf; i++) {
        ccad_finding f = CCAD_FINDING_INIT;
        int ok = 1;
        assert_int_equal(ccad_schedule_finding(P.s, i, &f), CCAD_OK);
        if (f.kind != kind || (c != -2 && f.customer != c))
            continue;
        if (an < sizeof all) {
            char rs[1024], ds[16];
            item_reasons_text(rs, sizeof rs, f.reasons, f.reason_count);
            format_date(ds, sizeof ds, f.date);
            an += (size_t)snprintf(all + an, sizeof all - an, " [customer %lld %s: %s]",
                                   (long long)f.customer, ds, rs);
        }
        if (d != -1 && f.date != d)
            ok = 0;
        for (k = 3; k < n && ok; k++)
            if (strncmp(tok[k], "date=", 5) != 0 &&
                why_check(R, tok[k], f.reasons, f.reason_count) != 1)
                ok = 0;
        found |= ok;
    }
    if (negate && found)
        failf(R, "unexpected %s finding:%s", tok[1], all);
    if (!negate && !found)
        failf(R, "no %s finding for %s matches; found:%s", tok[1], tok[2], an ? all : " none");
    return 0;
}

/* day DATE|all FIELD{=,<=,>=}VALUE...: the ccad_day totals. */
static int do_day(struct run *R, char **tok, int n)
{
    int64_t d = 0;
    int all = 0, k;
    int32_t day, last;
    if (n < 3) {
        synf(R, "%s", "day takes DATE|all and checks");
        return -1;
    }
    if (strcmp(tok[1], "all") == 0)
        all = 1;
    else if (parse_date(tok[1], &d) != 0 || d == CCAD_NO_DATE) {
        synf(R, "bad day '%s'", tok[1]);
        return -1;
    }
    if (need_plan(R) != 0)
        return 0;
    day = all ? P.first : (int32_t)d;
    last = all ? P.first + P.days - 1 : (int32_t)d;
    for (; day <= last; day++) {
        ccad_day y = CCAD_DAY_INIT;
        char ds[16];
        int rc = ccad_schedule_day(P.s, day, &y);
        format_date(ds, sizeof ds, day);
        if (rc != CCAD_OK) {
            failf(R, "ccad_schedule_day %s: %s", ds, errname(rc));
            return 0;
        }
        for (k = 2; k < n; k++) {
            static const char *const names[] = {"items",      "by_rep",   "delegated",
                                                "touches",    "stops",    "service_min",
                                                "travel_min", "back_min", "late"};
            const int32_t vals[] = {y.items,       y.by_rep,     y.delegated, y.touches, y.stops,
                                    y.service_min, y.travel_min, y.back_min,  y.late};
            const char *t = tok[k];
            size_t len = strcspn(t, "<>=");
            int op = 0, f; /* 0 =, 1 <=, 2 >= */
            const char *v;
            int64_t want;
            for (f = 0; f < 9; f++)
                if (strlen(names[f]) == len && strncmp(names[f], t, len) == 0)
                    break;
            v = t + len;
            if (strncmp(v, "<=", 2) == 0)
                op = 1, v += 2;
            else if (strncmp(v, ">=", 2) == 0)
                op = 2, v += 2;
            else if (*v == '=')
                v++;
            else
                f = 9;
            if (f == 9 || parse_clock(v, &want) != 0) {
                synf(R, "bad day check '%s'", t);
                return -1;
            }
            R->checks++;
            if ((op == 0 && vals[f] != want) || (op == 1 && vals[f] > want) ||
                (op == 2 && vals[f] < want))
                failf(R, "day %s: %s is %d", ds, t, (int)vals[f]);
        }
    }
    return 0;
}

/* reminders DATE ID...|none: the items whose reminder falls on DATE belong
 * to exactly these customers (in any order). */
static int do_reminders(struct run *R, char **tok, int n)
{
    int64_t d, c;
    size_t idx[64], cnt = 0, i;
    int k, want = 0;
    if (n < 3 || parse_date(tok[1], &d) != 0 || d == CCAD_NO_DATE) {
        synf(R, "%s", "reminders takes DATE ID...|none");
        return -1;
    }
    if (need_plan(R) != 0)
        return 0;
    R->checks++;
    if (ccad_schedule_reminders(P.s, (int32_t)d, idx, 64, &cnt) != CCAD_OK) {
        failf(R, "%s", "ccad_schedule_reminders failed");
        return 0;
    }
    if (strcmp(tok[2], "none") != 0)
        want = n - 2;
    if ((int)cnt != want)
        failf(R, "%zu reminders on %s, expected %d", cnt, tok[1], want);
    for (k = 2; k < n && want > 0; k++) {
        int hit = 0;
        if (find_cust(R, tok[k], &c) != 0)
            return 0;
        for (i = 0; i < cnt && i < 64; i++)
            hit |= (int64_t)get_item(idx[i]).customer == c;
        if (!hit)
            failf(R, "no reminder on %s for %s", tok[1], tok[k]);
    }
    return 0;
}

/* workload DATE period_days=N field_days=N visits_per_day=N : CHECK...
 * platform CHECK... */
static int compare_named(struct run *R, const char *what, const char *t, const char *const *names,
                         const int64_t *vals, int nv)
{
    const char *eq = strchr(t, '=');
    int f;
    int64_t want;
    if (eq == NULL) {
        synf(R, "bad %s check '%s'", what, t);
        return -1;
    }
    for (f = 0; f < nv; f++)
        if (strlen(names[f]) == (size_t)(eq - t) && strncmp(names[f], t, (size_t)(eq - t)) == 0)
            break;
    if (f == nv || parse_int(eq + 1, &want) != 0) {
        synf(R, "bad %s check '%s'", what, t);
        return -1;
    }
    R->checks++;
    if (vals[f] != want)
        failf(R, "%s: %s expected, got %lld", what, t, (long long)vals[f]);
    return 0;
}

static int do_workload(struct run *R, char **tok, int n)
{
    static const char *const names[] = {
        "A_customers", "A_visits", "B_customers", "B_visits", "C_customers", "C_visits",
        "D_customers", "D_visits", "visits",      "capacity", "rounds_x100", "over",
        "cut_A",       "cut_B",    "cut_C",       "cut_D",    "stretch_x100"};
    ccad_workload w = CCAD_WORKLOAD_INIT;
    int64_t d, v[17];
    int k, colon = -1, rc;
    if (n < 3 || parse_date(tok[1], &d) != 0 || d == CCAD_NO_DATE) {
        synf(R, "%s", "workload takes DATE INPUT... : CHECK...");
        return -1;
    }
    for (k = 2; k < n; k++)
        if (strcmp(tok[k], ":") == 0)
            colon = k;
    if (colon < 0) {
        synf(R, "%s", "workload needs ':' before its checks");
        return -1;
    }
    for (k = 2; k < colon; k++) {
        int64_t x;
        const char *eq = strchr(tok[k], '=');
        if (eq == NULL || parse_int(eq + 1, &x) != 0) {
            synf(R, "bad workload input '%s'", tok[k]);
            return -1;
        }
        if (strncmp(tok[k], "period_days=", 12) == 0)
            w.period_days = (int32_t)x;
        else if (strncmp(tok[k], "field_days=", 11) == 0)
            w.field_days = (int32_t)x;
        else if (strncmp(tok[k], "visits_per_day=", 15) == 0)
            w.visits_per_day = (int32_t)x;
        else {
            synf(R, "bad workload input '%s'", tok[k]);
            return -1;
        }
    }
    if (ensure_graded(R) != 0)
        return 0;
    R->expectations++;
    rc = ccad_book_workload(R->book, R->rules, (int32_t)d, &w);
    if (rc != CCAD_OK) {
        failf(R, "ccad_book_workload: %s", errname(rc));
        return 0;
    }
    for (k = 0; k < 4; k++) {
        v[2 * k] = w.rows[k].customers;
        v[2 * k + 1] = w.rows[k].visits;
        v[12 + k] = w.cut[k];
    }
    v[8] = w.visits;
    v[9] = w.capacity;
    v[10] = w.rounds_x100;
    v[11] = w.over;
    v[16] = w.stretch_x100;
    for (k = colon + 1; k < n; k++)
        if (compare_named(R, "workload", tok[k], names, v, 17) != 0)
            return -1;
    return 0;
}

static int do_platform(struct run *R, char **tok, int n)
{
    static const char *const names[] = {
        "market",    "market_A",    "market_B",  "market_C",     "market_D",    "working",
        "working_A", "working_B",   "working_C", "working_D",    "buying",      "buying_A",
        "buying_B",  "buying_C",    "buying_D",  "key_accounts", "working_cap", "over_cap",
        "c_heavy",   "working_min", "under_min"};
    ccad_platform p = CCAD_PLATFORM_INIT;
    int64_t v[21];
    int k, rc;
    if (ensure_graded(R) != 0)
        return 0;
    R->expectations++;
    rc = ccad_book_platform(R->book, R->rules, &p);
    if (rc != CCAD_OK) {
        failf(R, "ccad_book_platform: %s", errname(rc));
        return 0;
    }
    for (k = 0; k < 5; k++) {
        v[k] = p.market[k];
        v[5 + k] = p.working[k];
        v[10 + k] = p.buying[k];
    }
    v[15] = p.key_accounts;
    v[16] = p.working_cap;
    v[17] = p.over_cap;
    v[18] = p.c_heavy;
    v[19] = p.working_min;
    v[20] = p.under_min;
    for (k = 1; k < n; k++)
        if (compare_named(R, "platform", tok[k], names, v, 21) != 0)
            return -1;
    return 0;
}

/* choice ID a|b|reserve|none: ccad_book_choose_working() for the customer. */
static int do_choice(struct run *R, char **tok, int n)
{
    static const char *const names[] = {"none", "A", "B", "reserve"};
    size_t idx, cnt;
    uint8_t *ch;
    int want;
    if (n != 3 || (want = lookup(names, 4, tok[2])) < 0) {
        synf(R, "%s", "choice takes ID none|A|B|reserve");
        return -1;
    }
    if (ensure_graded(R) != 0 || find_customer(R, tok[1], &idx) != 0)
        return 0;
    R->expectations++;
    R->checks++;
    cnt = ccad_book_count(R->book);
    ch = calloc(cnt, 1);
    assert_non_null(ch);
    assert_int_equal(ccad_book_choose_working(R->book, R->rules, ch, cnt), CCAD_OK);
    if (ch[idx] != want)
        failf(R, "choice of %s: %s expected, got %s", tok[1], tok[2],
              ch[idx] < 4 ? names[ch[idx]] : "?");
    free(ch);
    return 0;
}

#include "team_vectors.c"

static int plan_directive(struct run *R, char **tok, int n)
{
    const char *kw = tok[0];
    int t;
    if ((t = team_directive(R, tok, n)) != 1)
        return t;
    if (strcmp(kw, "workdays") == 0) {
        int64_t m;
        if (n != 2 || parse_mask(tok[1], &m) != 0) {
            synf(R, "%s", "workdays takes a weekday mask");
            return -1;
        }
        P.workdays = (uint32_t)m;
        return 0;
    }
    if (strcmp(kw, "holiday") == 0)
        return add_dates(R, P.holiday, &P.nholiday, tok, n);
    if (strcmp(kw, "absent") == 0)
        return add_dates(R, P.absent, &P.nabsent, tok, n);
    if (strcmp(kw, "special") == 0)
        return add_dates(R, P.special, &P.nspecial, tok, n);
    if (strcmp(kw, "known-bug") == 0) {
        P.known_bug = 1;
        return 0;
    }
    if (strcmp(kw, "plan") == 0)
        return do_plan(R, tok, n);
    if (strcmp(kw, "item") == 0)
        return do_item(R, tok, n);
    if (strcmp(kw, "no-item") == 0)
        return do_no_item(R, tok, n);
    if (strcmp(kw, "items") == 0)
        return do_items(R, tok, n);
    if (strcmp(kw, "finding") == 0)
        return do_finding(R, tok, n, 0);
    if (strcmp(kw, "no-finding") == 0)
        return do_finding(R, tok, n, 1);
    if (strcmp(kw, "day") == 0)
        return do_day(R, tok, n);
    if (strcmp(kw, "reminders") == 0)
        return do_reminders(R, tok, n);
    if (strcmp(kw, "workload") == 0)
        return do_workload(R, tok, n);
    if (strcmp(kw, "platform") == 0)
        return do_platform(R, tok, n);
    if (strcmp(kw, "choice") == 0)
        return do_choice(R, tok, n);
    return 1;
}

static void plan_vectors(void **state)
{
    struct run R;
    tu_alloc al;
    ccad_host h = tu_host(&al);
    char *files[MAX_FILES], counts[1024];
    int nfiles, i, k;
    size_t n = 0;
    (void)state;
    memset(&R, 0, sizeof R);
    memset(&P, 0, sizeof P);
    P.workdays = 0x1f;
    h.calendar = calendar_cb;
    assert_int_equal(ccad_ctx_new(&R.ctx, &h), CCAD_OK);
    for (k = 1; k < N_FINDINGS; k++)
        assert_string_equal(ccad_name(CCAD_NAME_FINDING, k), finding_names[k]);
    for (k = 1; k < 6; k++)
        assert_string_equal(ccad_name(CCAD_NAME_ITEM_KIND, k), item_kind_names[k]);
    for (k = 0; k < 3; k++)
        assert_string_equal(ccad_name(CCAD_NAME_DELEGATION, k), delegation_names[k]);
    for (k = 1; k < N_WHY; k++)
        assert_string_equal(ccad_why_name(k), why_names[k]);

    nfiles = vector_files(PLAN_VECTOR_DIR, files, MAX_FILES);
    for (i = 0; i < nfiles; i++)
        run_file(&R, PLAN_VECTOR_DIR, files[i]);
    ccad_schedule_free(P.s); /* a case abandoned by a syntax error */
    P.s = NULL;

    counts[0] = '\0';
    for (k = 1; k < N_TAGS; k++)
        if (R.per_rule[k] > 0 && n < sizeof counts)
            n += (size_t)snprintf(counts + n, sizeof counts - n, "%s%s %d", n ? ", " : "",
                                  tag_names[k], R.per_rule[k]);
    print_message("plan vectors: %d files, %d cases, %d plans, %d checks, %d known-bug case(s) "
                  "(%d mismatch(es) not counted)\n",
                  nfiles, R.cases, P.plans, R.checks, P.known_bug_cases, P.known_bug_failures);
    print_message("plan vectors: %s\n", counts);
    /* the team cases after the plan counts (the Python runner compares those) */
    k = R.cases;
    i = R.checks;
    run_file(&R, TEAM_VECTOR_DIR, TEAM_VECTOR_FILE);
    team_case_end();
    print_message("team vectors: %d cases, %d team plans (each also with the reps added in "
                  "reverse), %d checks\n",
                  R.cases - k, T.plans, R.checks - i);
    if (T.plans == 0)
        fail_msg("%s", "no team plan ran");
    for (i = 0; i < nfiles; i++)
        free(files[i]);
    for (i = 0; i < R.ncase_names; i++)
        free(R.case_names[i]);
    ccad_ctx_free(R.ctx);
    assert_int_equal(al.live, 0);
    if (R.failures > 0)
        fail_msg("%d plan vector failure(s), see above", R.failures);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(plan_vectors)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
