/* Part of the plan vector runner (tests/plan_vectors.h): the checks of days,
 * reminders, workload, platform and the choice of working customers. */
#define _POSIX_C_SOURCE 200809L /* strtok_r */

#include "plan_vectors.h"

/* day DATE|all FIELD{=,<=,>=}VALUE...: the ccad_day totals. */
int pv_do_day(struct run *R, char **tok, int n)
{
    int64_t d = 0;
    int all = 0, k;
    int32_t day, last;
    if (n < 3) {
        vec_synf(R, "%s", "day takes DATE|all and checks");
        return -1;
    }
    if (strcmp(tok[1], "all") == 0)
        all = 1;
    else if (vec_parse_date(tok[1], &d) != 0 || d == CCAD_NO_DATE) {
        vec_synf(R, "bad day '%s'", tok[1]);
        return -1;
    }
    if (pv_need_plan(R) != 0)
        return 0;
    day = all ? pv_plan.first : (int32_t)d;
    last = all ? pv_plan.first + pv_plan.days - 1 : (int32_t)d;
    for (; day <= last; day++) {
        ccad_day y = CCAD_DAY_INIT;
        char ds[16];
        int rc = ccad_schedule_day(pv_plan.s, day, &y);
        vec_format_date(ds, sizeof ds, day);
        if (rc != CCAD_OK) {
            vec_failf(R, "ccad_schedule_day %s: %s", ds, vec_errname(rc));
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
            if (f == 9 || pv_parse_clock(v, &want) != 0) {
                vec_synf(R, "bad day check '%s'", t);
                return -1;
            }
            R->checks++;
            if ((op == 0 && vals[f] != want) || (op == 1 && vals[f] > want) ||
                (op == 2 && vals[f] < want))
                vec_failf(R, "day %s: %s is %d", ds, t, (int)vals[f]);
        }
    }
    return 0;
}

/* reminders DATE ID...|none: the items whose reminder falls on DATE belong
 * to exactly these customers (in any order). */
int pv_do_reminders(struct run *R, char **tok, int n)
{
    int64_t d, c;
    size_t idx[64], cnt = 0, i;
    int k, want = 0;
    if (n < 3 || vec_parse_date(tok[1], &d) != 0 || d == CCAD_NO_DATE) {
        vec_synf(R, "%s", "reminders takes DATE ID...|none");
        return -1;
    }
    if (pv_need_plan(R) != 0)
        return 0;
    R->checks++;
    if (ccad_schedule_reminders(pv_plan.s, (int32_t)d, idx, 64, &cnt) != CCAD_OK) {
        vec_failf(R, "%s", "ccad_schedule_reminders failed");
        return 0;
    }
    if (strcmp(tok[2], "none") != 0)
        want = n - 2;
    if ((int)cnt != want)
        vec_failf(R, "%zu reminders on %s, expected %d", cnt, tok[1], want);
    for (k = 2; k < n && want > 0; k++) {
        int hit = 0;
        if (pv_find_cust(R, tok[k], &c) != 0)
            return 0;
        for (i = 0; i < cnt && i < 64; i++)
            hit |= (int64_t)pv_get_item(idx[i]).customer == c;
        if (!hit)
            vec_failf(R, "no reminder on %s for %s", tok[1], tok[k]);
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
        vec_synf(R, "bad %s check '%s'", what, t);
        return -1;
    }
    for (f = 0; f < nv; f++)
        if (strlen(names[f]) == (size_t)(eq - t) && strncmp(names[f], t, (size_t)(eq - t)) == 0)
            break;
    if (f == nv || vec_parse_int(eq + 1, &want) != 0) {
        vec_synf(R, "bad %s check '%s'", what, t);
        return -1;
    }
    R->checks++;
    if (vals[f] != want)
        vec_failf(R, "%s: %s expected, got %lld", what, t, (long long)vals[f]);
    return 0;
}

int pv_do_workload(struct run *R, char **tok, int n)
{
    static const char *const names[] = {
        "A_customers", "A_visits", "B_customers", "B_visits", "C_customers", "C_visits",
        "D_customers", "D_visits", "visits",      "capacity", "rounds_x100", "over",
        "cut_A",       "cut_B",    "cut_C",       "cut_D",    "stretch_x100"};
    ccad_workload w = CCAD_WORKLOAD_INIT;
    int64_t d, v[17];
    int k, colon = -1, rc;
    if (n < 3 || vec_parse_date(tok[1], &d) != 0 || d == CCAD_NO_DATE) {
        vec_synf(R, "%s", "workload takes DATE INPUT... : CHECK...");
        return -1;
    }
    for (k = 2; k < n; k++)
        if (strcmp(tok[k], ":") == 0)
            colon = k;
    if (colon < 0) {
        vec_synf(R, "%s", "workload needs ':' before its checks");
        return -1;
    }
    for (k = 2; k < colon; k++) {
        int64_t x;
        const char *eq = strchr(tok[k], '=');
        if (eq == NULL || vec_parse_int(eq + 1, &x) != 0) {
            vec_synf(R, "bad workload input '%s'", tok[k]);
            return -1;
        }
        if (strncmp(tok[k], "period_days=", 12) == 0)
            w.period_days = (int32_t)x;
        else if (strncmp(tok[k], "field_days=", 11) == 0)
            w.field_days = (int32_t)x;
        else if (strncmp(tok[k], "visits_per_day=", 15) == 0)
            w.visits_per_day = (int32_t)x;
        else {
            vec_synf(R, "bad workload input '%s'", tok[k]);
            return -1;
        }
    }
    if (vec_ensure_graded(R) != 0)
        return 0;
    R->expectations++;
    rc = ccad_book_workload(R->book, R->rules, (int32_t)d, &w);
    if (rc != CCAD_OK) {
        vec_failf(R, "ccad_book_workload: %s", vec_errname(rc));
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

int pv_do_platform(struct run *R, char **tok, int n)
{
    static const char *const names[] = {
        "market",    "market_A",    "market_B",  "market_C",     "market_D",    "working",
        "working_A", "working_B",   "working_C", "working_D",    "buying",      "buying_A",
        "buying_B",  "buying_C",    "buying_D",  "key_accounts", "working_cap", "over_cap",
        "c_heavy",   "working_min", "under_min"};
    ccad_platform p = CCAD_PLATFORM_INIT;
    int64_t v[21];
    int k, rc;
    if (vec_ensure_graded(R) != 0)
        return 0;
    R->expectations++;
    rc = ccad_book_platform(R->book, R->rules, &p);
    if (rc != CCAD_OK) {
        vec_failf(R, "ccad_book_platform: %s", vec_errname(rc));
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
int pv_do_choice(struct run *R, char **tok, int n)
{
    static const char *const names[] = {"none", "A", "B", "reserve"};
    size_t idx, cnt;
    uint8_t *ch;
    int want;
    if (n != 3 || (want = vec_lookup(names, 4, tok[2])) < 0) {
        vec_synf(R, "%s", "choice takes ID none|A|B|reserve");
        return -1;
    }
    if (vec_ensure_graded(R) != 0 || vec_find_customer(R, tok[1], &idx) != 0)
        return 0;
    R->expectations++;
    R->checks++;
    cnt = ccad_book_count(R->book);
    ch = calloc(cnt, 1);
    assert_non_null(ch);
    TU_PASS(ccad_book_ctx(R->book), ccad_book_choose_working(R->book, R->rules, ch, cnt));
    if (ch[idx] != want)
        vec_failf(R, "choice of %s: %s expected, got %s", tok[1], tok[2],
                  ch[idx] < 4 ? names[ch[idx]] : "?");
    free(ch);
    return 0;
}
