/* Conformance vectors for plans: runs every tests/plan-vectors/NAME.txt
 * through the public API (ccad_schedule_new, ccad_book_workload,
 * ccad_book_platform). The format is specified in docs/vectors.md, section
 * "Plan cases"; this program is its reference runner. It reuses the
 * assessment runner's parts (tests/vectors.h: files, cases, rules, customers,
 * contacts, expect, summary) and adds the calendar, the plan and its
 * expectations through the hooks of struct run; its checks are in parts
 * (tests/plan_vectors.h). */
#define _POSIX_C_SOURCE 200809L /* strtok_r */

#include "plan_vectors.h"

const char *const pv_item_kind_names[] = {NULL, "visit", "call", "persist", "care", "touch"};
const char *const pv_delegation_names[] = {"rep", "colleague", "substitute"};
const char *const pv_finding_names[] = {NULL,
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
static const char *const overload_names[] = {"report", "stretch"};
static const char *const metric_names[] = {NULL, "planar", "geo", "host"};

struct pv_plan_state pv_plan;

int pv_in_dates(const int32_t *list, int n, int32_t d)
{
    int i;
    for (i = 0; i < n; i++)
        if (list[i] == d)
            return 1;
    return 0;
}

int pv_calendar_cb(void *user, int32_t day, uint32_t *out)
{
    int wd = 0;
    uint32_t f = 0;
    (void)user;
    if (ccad_date_weekday(&wd, day) != CCAD_OK)
        return -1;
    if (pv_plan.workdays & (1u << (wd - 1)))
        f = CCAD_DAY_WORKING;
    if (pv_in_dates(pv_plan.holiday, pv_plan.nholiday, day))
        f = CCAD_DAY_HOLIDAY;
    else if (pv_in_dates(pv_plan.absent, pv_plan.nabsent, day) && (f & CCAD_DAY_WORKING))
        f |= CCAD_DAY_ABSENT;
    if (pv_in_dates(pv_plan.special, pv_plan.nspecial, day))
        f |= CCAD_DAY_SPECIAL;
    *out = f;
    return 0;
}

static void plan_begin(struct run *R)
{
    pv_team_case_end();
    ccad_schedule_free(pv_plan.s);
    pv_plan.s = NULL;
    pv_plan.workdays = 0x1f;
    pv_plan.nholiday = pv_plan.nabsent = pv_plan.nspecial = 0;
    pv_plan.known_bug = 0;
    pv_plan.failures_at_begin = R->failures;
}

static void plan_end(struct run *R)
{
    pv_team_case_end();
    ccad_schedule_free(pv_plan.s);
    pv_plan.s = NULL;
    if (pv_plan.known_bug) {
        int extra = R->failures - pv_plan.failures_at_begin;
        pv_plan.known_bug_cases++;
        if (extra > 0) {
            print_message("%s:%d: case %s: known-bug: %d mismatch(es) above, not counted\n",
                          R->file, R->line, R->case_name, extra);
            pv_plan.known_bug_failures += extra;
            R->failures -= extra;
        } else
            print_message("%s:%d: case %s: known-bug, but every check holds: remove the mark\n",
                          R->file, R->line, R->case_name);
    }
}

/* HH:MM or a number of minutes. */
int pv_parse_clock(const char *s, int64_t *out)
{
    int h, m;
    char tail;
    if (strlen(s) == 5 && s[2] == ':' && sscanf(s, "%2d:%2d%c", &h, &m, &tail) == 2 && h >= 0 &&
        m >= 0 && m < 60) {
        *out = h * 60 + m;
        return 0;
    }
    return vec_parse_int(s, out);
}

int pv_parse_mask(const char *s, int64_t *out)
{
    static const struct fdesc days = {"visit_days", F_DAYS, 0, NULL, 0};
    return vec_parse_field(&days, s, out);
}

int pv_add_dates(struct run *R, int32_t *list, int *n, char **tok, int ntok)
{
    int i;
    for (i = 1; i < ntok; i++) {
        int64_t d;
        if (vec_parse_date(tok[i], &d) != 0 || d == CCAD_NO_DATE || *n == MAX_DATES) {
            vec_synf(R, "%s takes dates, not '%s'", tok[0], tok[i]);
            return -1;
        }
        list[(*n)++] = (int32_t)d;
    }
    if (ntok < 2) {
        vec_synf(R, "%s needs at least one date", tok[0]);
        return -1;
    }
    return 0;
}

/* plan FIELD=VALUE...: sets the options and makes the schedule. */
/* The options of a plan or team-plan line into *o; 0, or -1 after a syntax error. */
int pv_parse_plan_options(struct run *R, char **tok, int n, ccad_plan_options *out)
{
    ccad_plan_options o = CCAD_PLAN_OPTIONS_INIT;
    int i;
    for (i = 1; i < n; i++) {
        char *eq = strchr(tok[i], '=');
        const char *k = tok[i], *v;
        int64_t x = 0;
        int bad = 0;
        if (eq == NULL) {
            vec_synf(R, "plan takes FIELD=VALUE, not '%s'", tok[i]);
            return -1;
        }
        *eq = '\0';
        v = eq + 1;
        if (strcmp(k, "first_day") == 0) {
            bad = vec_parse_date(v, &x) != 0;
            o.first_day = (int32_t)x;
        } else if (strcmp(k, "days") == 0 || strcmp(k, "visits_per_day") == 0 ||
                   strcmp(k, "minutes_per_day") == 0 || strcmp(k, "route") == 0 ||
                   strcmp(k, "assign_days") == 0 || strcmp(k, "day_minutes") == 0 ||
                   strcmp(k, "keep_reasons") == 0 || strcmp(k, "effort") == 0 ||
                   strcmp(k, "seed") == 0) {
            bad = vec_parse_int(v, &x) != 0 || x < INT32_MIN || x > INT32_MAX;
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
            bad = pv_parse_clock(v, &x) != 0;
            o.day_start_min = (int32_t)x;
        } else if (strcmp(k, "day_end") == 0) {
            bad = pv_parse_clock(v, &x) != 0;
            o.day_minutes = (int32_t)x - o.day_start_min; /* day_start must come first */
        } else if (strcmp(k, "overload") == 0) {
            int e = vec_lookup(overload_names, 2, v);
            bad = e < 0;
            o.overload = e;
        } else if (strcmp(k, "metric") == 0) {
            int e = vec_lookup(metric_names, 4, v);
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
            vec_synf(R, "unknown plan option '%s'", k);
            return -1;
        }
        if (bad) {
            vec_synf(R, "bad value of plan option %s: '%s'", k, v);
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
    if (pv_parse_plan_options(R, tok, n, &o) != 0)
        return -1;
    if (vec_ensure_graded(R) != 0)
        return 0;
    ccad_schedule_free(pv_plan.s);
    pv_plan.s = NULL;
    rc = ccad_schedule_new(&pv_plan.s, R->book, R->rules, &o);
    pv_plan.plans++;
    if (rc != CCAD_OK) {
        vec_failf(R, "ccad_schedule_new: %s: %s", vec_errname(rc), ccad_ctx_errmsg(R->ctx));
        pv_plan.s = NULL;
        return 0;
    }
    pv_plan.first = o.first_day;
    pv_plan.days = o.days;
    return 0;
}

int pv_need_plan(struct run *R)
{
    if (pv_plan.s == NULL) {
        vec_failf(R, "%s", "no schedule (a plan line must come first, and succeed)");
        return -1;
    }
    R->expectations++;
    return 0;
}

void pv_item_reasons_text(char *buf, size_t cap, const ccad_reason *rs, uint32_t count)
{
    size_t n = 0;
    uint32_t i;
    buf[0] = '\0';
    for (i = 0; i < count && i < CCAD_ITEM_REASONS_MAX && n < cap; i++) {
        const ccad_reason *r = &rs[i];
        const char *rn = r->rule > 0 && r->rule < N_RULES ? vec_rule_names[r->rule] : "?";
        const char *wn = r->why > 0 && r->why < N_WHY ? vec_why_names[r->why] : "?";
        n += (size_t)snprintf(buf + n, cap - n, "%s%s:%s(%lld,%lld,%lld)", i ? " " : "", rn, wn,
                              (long long)r->a, (long long)r->b, (long long)r->c);
    }
    if (count == 0)
        snprintf(buf, cap, "none");
}

/* why1=, why+=, why-=, why= against a reason list: 1 holds, 0 not, -1 syntax. */
int pv_why_check(struct run *R, const char *tok, const ccad_reason *rs, uint32_t count)
{
    struct why_spec w;
    uint32_t i;
    uint32_t m = count < CCAD_ITEM_REASONS_MAX ? count : CCAD_ITEM_REASONS_MAX;
    if (strncmp(tok, "why1=", 5) == 0) {
        if (vec_parse_why(tok + 5, &w) != 0) {
            vec_synf(R, "bad reason '%s'", tok + 5);
            return -1;
        }
        return m > 0 && vec_why_matches(&w, &rs[0]);
    }
    if (strncmp(tok, "why+=", 5) == 0 || strncmp(tok, "why-=", 5) == 0) {
        int found = 0;
        if (vec_parse_why(tok + 5, &w) != 0) {
            vec_synf(R, "bad reason '%s'", tok + 5);
            return -1;
        }
        for (i = 0; i < m; i++)
            found |= vec_why_matches(&w, &rs[i]);
        return tok[3] == '+' ? found : !found;
    }
    if (strncmp(tok, "why=", 4) == 0) {
        char tmp[512], *p, *save = NULL;
        uint32_t k = 0;
        int ok = 1;
        if (strlen(tok + 4) >= sizeof tmp) {
            vec_synf(R, "%s", "reason list too long");
            return -1;
        }
        strcpy(tmp, tok + 4);
        if (strcmp(tmp, "none") == 0)
            return m == 0;
        for (p = strtok_r(tmp, ",", &save); p != NULL; p = strtok_r(NULL, ",", &save)) {
            int code = vec_lookup(vec_why_names, N_WHY, p);
            if (code < 0) {
                vec_synf(R, "unknown reason code '%s'", p);
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

static int plan_directive(struct run *R, char **tok, int n)
{
    const char *kw = tok[0];
    int t;
    if ((t = pv_team_directive(R, tok, n)) != 1)
        return t;
    if (strcmp(kw, "workdays") == 0) {
        int64_t m;
        if (n != 2 || pv_parse_mask(tok[1], &m) != 0) {
            vec_synf(R, "%s", "workdays takes a weekday mask");
            return -1;
        }
        pv_plan.workdays = (uint32_t)m;
        return 0;
    }
    if (strcmp(kw, "holiday") == 0)
        return pv_add_dates(R, pv_plan.holiday, &pv_plan.nholiday, tok, n);
    if (strcmp(kw, "absent") == 0)
        return pv_add_dates(R, pv_plan.absent, &pv_plan.nabsent, tok, n);
    if (strcmp(kw, "special") == 0)
        return pv_add_dates(R, pv_plan.special, &pv_plan.nspecial, tok, n);
    if (strcmp(kw, "known-bug") == 0) {
        pv_plan.known_bug = 1;
        return 0;
    }
    if (strcmp(kw, "plan") == 0)
        return do_plan(R, tok, n);
    if (strcmp(kw, "item") == 0)
        return pv_do_item(R, tok, n);
    if (strcmp(kw, "no-item") == 0)
        return pv_do_no_item(R, tok, n);
    if (strcmp(kw, "items") == 0)
        return pv_do_items(R, tok, n);
    if (strcmp(kw, "finding") == 0)
        return pv_do_finding(R, tok, n, 0);
    if (strcmp(kw, "no-finding") == 0)
        return pv_do_finding(R, tok, n, 1);
    if (strcmp(kw, "day") == 0)
        return pv_do_day(R, tok, n);
    if (strcmp(kw, "reminders") == 0)
        return pv_do_reminders(R, tok, n);
    if (strcmp(kw, "workload") == 0)
        return pv_do_workload(R, tok, n);
    if (strcmp(kw, "platform") == 0)
        return pv_do_platform(R, tok, n);
    if (strcmp(kw, "choice") == 0)
        return pv_do_choice(R, tok, n);
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
    R.extra_directive = plan_directive;
    R.begin_case = plan_begin;
    R.end_case = plan_end;
    memset(&pv_plan, 0, sizeof pv_plan);
    pv_plan.workdays = 0x1f;
    h.calendar = pv_calendar_cb;
    TU_PASS(R.ctx, ccad_ctx_new(&R.ctx, &h));
    for (k = 1; k < N_FINDINGS; k++)
        assert_string_equal(ccad_name(CCAD_NAME_FINDING, k), pv_finding_names[k]);
    for (k = 1; k < 6; k++)
        assert_string_equal(ccad_name(CCAD_NAME_ITEM_KIND, k), pv_item_kind_names[k]);
    for (k = 0; k < 3; k++)
        assert_string_equal(ccad_name(CCAD_NAME_DELEGATION, k), pv_delegation_names[k]);
    for (k = 1; k < N_WHY; k++)
        assert_string_equal(ccad_why_name(k), vec_why_names[k]);

    nfiles = vec_vector_files(PLAN_VECTOR_DIR, files, MAX_FILES);
    for (i = 0; i < nfiles; i++)
        vec_run_file(&R, PLAN_VECTOR_DIR, files[i]);
    ccad_schedule_free(pv_plan.s); /* a case abandoned by a syntax error */
    pv_plan.s = NULL;

    counts[0] = '\0';
    for (k = 1; k < N_TAGS; k++)
        if (R.per_rule[k] > 0 && n < sizeof counts)
            n += (size_t)snprintf(counts + n, sizeof counts - n, "%s%s %d", n ? ", " : "",
                                  vec_tag_names[k], R.per_rule[k]);
    print_message("plan vectors: %d files, %d cases, %d plans, %d checks, %d known-bug case(s) "
                  "(%d mismatch(es) not counted)\n",
                  nfiles, R.cases, pv_plan.plans, R.checks, pv_plan.known_bug_cases,
                  pv_plan.known_bug_failures);
    print_message("plan vectors: %s\n", counts);
    /* the team cases after the plan counts (the Python runner compares those) */
    k = R.cases;
    i = R.checks;
    vec_run_file(&R, TEAM_VECTOR_DIR, TEAM_VECTOR_FILE);
    pv_team_case_end();
    print_message("team vectors: %d cases, %d team plans (each also with the reps added in "
                  "reverse), %d checks\n",
                  R.cases - k, pv_team_plans(), R.checks - i);
    if (pv_team_plans() == 0)
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
