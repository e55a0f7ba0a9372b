/* Part of the plan vector runner (tests/plan_vectors.h): the checks of a plan's items
 * and findings: item, no-item, items, finding and no-finding. */
#define _POSIX_C_SOURCE 200809L /* strtok_r */

#include "plan_vectors.h"

int pv_find_cust(struct run *R, const char *id, int64_t *idx)
{
    size_t i;
    if (strcmp(id, "-") == 0) {
        *idx = -1;
        return 0;
    }
    if (vec_find_customer(R, id, &i) != 0)
        return -1;
    *idx = (int64_t)i;
    return 0;
}

ccad_item pv_get_item(size_t i)
{
    ccad_item it = CCAD_ITEM_INIT;
    assert_int_equal(ccad_schedule_item(pv_plan.s, i, &it), CCAD_OK);
    return it;
}

void pv_item_text(char *buf, size_t cap, const ccad_item *it)
{
    char d[16], rm[16], rf[16], rs[1024];
    vec_format_date(d, sizeof d, it->date);
    vec_format_date(rm, sizeof rm, it->reminder_date);
    vec_format_date(rf, sizeof rf, it->rolled_from);
    pv_item_reasons_text(rs, sizeof rs, it->reasons, it->reason_count);
    snprintf(buf, cap, "%s %s by %s %s priority %d reminder %s rolled_from %s block_day %d: %s", d,
             it->kind > 0 && it->kind < 6 ? pv_item_kind_names[it->kind] : "?",
             it->delegated >= 0 && it->delegated < 3 ? pv_delegation_names[it->delegated] : "?",
             it->quadrant > 0 && it->quadrant < 5 ? vec_quadrant_names[it->quadrant] : "?",
             (int)it->priority, rm, rf, (int)it->block_day, rs);
}

/* Item fields a check can compare. */
int pv_item_field(const ccad_item *it, const char *name, const char *v, int64_t *want, int64_t *got)
{
    int e;
    if (strcmp(name, "kind") == 0) {
        *got = it->kind;
        return (e = vec_lookup(pv_item_kind_names, 6, v)) < 0 ? -1 : (*want = e, 0);
    }
    if (strcmp(name, "delegated") == 0) {
        *got = it->delegated;
        return (e = vec_lookup(pv_delegation_names, 3, v)) < 0 ? -1 : (*want = e, 0);
    }
    if (strcmp(name, "quadrant") == 0) {
        *got = it->quadrant;
        return (e = vec_lookup(vec_quadrant_names, 5, v)) < 0 ? -1 : (*want = e, 0);
    }
    if (strcmp(name, "rolled_from") == 0) {
        *got = it->rolled_from;
        return vec_parse_date(v, want);
    }
    if (strcmp(name, "reminder_date") == 0) {
        *got = it->reminder_date;
        return vec_parse_date(v, want);
    }
    if (strcmp(name, "priority") == 0) {
        *got = it->priority;
        return vec_parse_int(v, want);
    }
    if (strcmp(name, "block_day") == 0) {
        *got = it->block_day;
        return vec_parse_int(v, want);
    }
    if (strcmp(name, "late") == 0) {
        *got = it->late;
        return vec_parse_int(v, want);
    }
    return -2;
}

/* item ID DATE CHECK...: the customer's one item on DATE. */
int pv_do_item(struct run *R, char **tok, int n)
{
    int64_t c, d;
    size_t i, cnt = 0;
    ccad_item it = CCAD_ITEM_INIT;
    char text[2048];
    int k;
    if (n < 3 || pv_find_cust(R, tok[1], &c) != 0 || c < 0 || vec_parse_date(tok[2], &d) != 0) {
        if (!R->syntax && n < 3)
            vec_synf(R, "%s", "item takes ID DATE CHECK...");
        return R->syntax ? -1 : 0;
    }
    if (pv_need_plan(R) != 0)
        return 0;
    for (i = 0; i < ccad_schedule_item_count(pv_plan.s); i++) {
        ccad_item x = pv_get_item(i);
        if ((int64_t)x.customer == c && x.date == d) {
            if (cnt++ == 0)
                it = x;
        }
    }
    if (cnt != 1) {
        vec_failf(R, "%zu items for %s on %s, expected one", cnt, tok[1], tok[2]);
        return 0;
    }
    pv_item_text(text, sizeof text, &it);
    for (k = 3; k < n; k++) {
        char *eq = strchr(tok[k], '=');
        int64_t want = 0, got = 0;
        int r = pv_why_check(R, tok[k], it.reasons, it.reason_count);
        R->checks++;
        if (r == -1)
            return -1;
        if (r == 0) {
            vec_failf(R, "item of %s: %s does not hold; item: %s", tok[1], tok[k], text);
            continue;
        }
        if (r == 1)
            continue;
        if (eq == NULL) {
            vec_synf(R, "expected a check, found '%s'", tok[k]);
            return -1;
        }
        *eq = '\0';
        r = pv_item_field(&it, tok[k], eq + 1, &want, &got);
        if (r == -2) {
            vec_synf(R, "unknown item field '%s'", tok[k]);
            return -1;
        }
        if (r != 0) {
            vec_synf(R, "bad value '%s' for %s", eq + 1, tok[k]);
            return -1;
        }
        if (want != got)
            vec_failf(R, "item of %s: %s=%s expected; item: %s", tok[1], tok[k], eq + 1, text);
    }
    return 0;
}

/* no-item ID [DATE]: no item for the customer (on that day). */
int pv_do_no_item(struct run *R, char **tok, int n)
{
    int64_t c, d = CCAD_NO_DATE;
    size_t i;
    if (n < 2 || n > 3) {
        vec_synf(R, "%s", "no-item takes ID [DATE]");
        return -1;
    }
    if (pv_find_cust(R, tok[1], &c) != 0 || c < 0)
        return 0;
    if (n == 3 && (vec_parse_date(tok[2], &d) != 0 || d == CCAD_NO_DATE)) {
        vec_synf(R, "bad date '%s'", tok[2]);
        return -1;
    }
    if (pv_need_plan(R) != 0)
        return 0;
    R->checks++;
    for (i = 0; i < ccad_schedule_item_count(pv_plan.s); i++) {
        ccad_item x = pv_get_item(i);
        if ((int64_t)x.customer == c && (n == 2 || x.date == d)) {
            char text[2048];
            pv_item_text(text, sizeof text, &x);
            vec_failf(R, "unexpected item for %s: %s", tok[1], text);
            break;
        }
    }
    return 0;
}

/* items ID|* [kind=K] [delegated=D] [from=DATE] [to=DATE] [on=MASK] [count=N]
 * [count<=N] [count>=N]: the items that pass the filters; on= checks that
 * every one falls on those weekdays. */
int pv_do_items(struct run *R, char **tok, int n)
{
    int64_t c = -1, kind = -1, del = -1, from = INT32_MIN, to = INT32_MAX, mask = -1;
    int64_t cnt_eq = -1, cnt_le = -1, cnt_ge = -1, got = 0;
    size_t i;
    int k;
    if (n < 3) {
        vec_synf(R, "%s", "items takes ID|* and checks");
        return -1;
    }
    if (strcmp(tok[1], "*") != 0 && (pv_find_cust(R, tok[1], &c) != 0 || c < 0))
        return 0;
    for (k = 2; k < n; k++) {
        const char *t = tok[k];
        int bad = 0;
        if (strncmp(t, "kind=", 5) == 0)
            bad = (kind = vec_lookup(pv_item_kind_names, 6, t + 5)) < 0;
        else if (strncmp(t, "delegated=", 10) == 0)
            bad = (del = vec_lookup(pv_delegation_names, 3, t + 10)) < 0;
        else if (strncmp(t, "from=", 5) == 0)
            bad = vec_parse_date(t + 5, &from) != 0;
        else if (strncmp(t, "to=", 3) == 0)
            bad = vec_parse_date(t + 3, &to) != 0;
        else if (strncmp(t, "on=", 3) == 0)
            bad = pv_parse_mask(t + 3, &mask) != 0;
        else if (strncmp(t, "count=", 6) == 0)
            bad = vec_parse_int(t + 6, &cnt_eq) != 0;
        else if (strncmp(t, "count<=", 7) == 0)
            bad = vec_parse_int(t + 7, &cnt_le) != 0;
        else if (strncmp(t, "count>=", 7) == 0)
            bad = vec_parse_int(t + 7, &cnt_ge) != 0;
        else
            bad = 1;
        if (bad) {
            vec_synf(R, "bad items check '%s'", t);
            return -1;
        }
    }
    if (pv_need_plan(R) != 0)
        return 0;
    for (i = 0; i < ccad_schedule_item_count(pv_plan.s); i++) {
        ccad_item x = pv_get_item(i);
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
                pv_item_text(text, sizeof text, &x);
                vec_failf(R, "item of %s off the weekdays %s: %s", tok[1], tok[n - 1], text);
            }
        }
    }
    if (cnt_eq >= 0 && (R->checks++, got != cnt_eq))
        vec_failf(R, "%lld items, expected %lld", (long long)got, (long long)cnt_eq);
    if (cnt_le >= 0 && (R->checks++, got > cnt_le))
        vec_failf(R, "%lld items, expected at most %lld", (long long)got, (long long)cnt_le);
    if (cnt_ge >= 0 && (R->checks++, got < cnt_ge))
        vec_failf(R, "%lld items, expected at least %lld", (long long)got, (long long)cnt_ge);
    return 0;
}

/* finding KIND ID|- [date=DATE] [why...]: some finding matches every check.
 * no-finding KIND [ID|-]: none of that kind (for that customer). */
int pv_do_finding(struct run *R, char **tok, int n, int negate)
{
    int kind, k;
    int64_t c = -2, d = -1;
    size_t i, nf;
    int found = 0;
    char all[4096];
    size_t an = 0;
    if (n < 2 || (kind = vec_lookup(pv_finding_names, N_FINDINGS, tok[1])) < 0) {
        vec_synf(R, "%s takes a finding kind", tok[0]);
        return -1;
    }
    if (n >= 3 && pv_find_cust(R, tok[2], &c) != 0)
        return 0;
    if (negate && n > 3) {
        vec_synf(R, "%s", "no-finding takes KIND [ID|-]");
        return -1;
    }
    if (!negate && n < 3) {
        vec_synf(R, "%s", "finding takes KIND ID|- [checks]");
        return -1;
    }
    for (k = 3; k < n; k++)
        if (strncmp(tok[k], "date=", 5) == 0) {
            if (vec_parse_date(tok[k] + 5, &d) != 0) {
                vec_synf(R, "bad date in '%s'", tok[k]);
                return -1;
            }
        } else {
            struct why_spec w;
            const char *p = strchr(tok[k], '=');
            if (p == NULL || strncmp(tok[k], "why", 3) != 0 ||
                (strncmp(tok[k], "why=", 4) != 0 && vec_parse_why(p + 1, &w) != 0)) {
                vec_synf(R, "bad finding check '%s'", tok[k]);
                return -1;
            }
        }
    if (pv_need_plan(R) != 0)
        return 0;
    R->checks++;
    all[0] = '\0';
    nf = ccad_schedule_finding_count(pv_plan.s);
    for (i = 0; i < nf; i++) {
        ccad_finding f = CCAD_FINDING_INIT;
        int ok = 1;
        assert_int_equal(ccad_schedule_finding(pv_plan.s, i, &f), CCAD_OK);
        if (f.kind != kind || (c != -2 && f.customer != c))
            continue;
        if (an < sizeof all) {
            char rs[1024], ds[16];
            pv_item_reasons_text(rs, sizeof rs, f.reasons, f.reason_count);
            vec_format_date(ds, sizeof ds, f.date);
            an += (size_t)snprintf(all + an, sizeof all - an, " [customer %lld %s: %s]",
                                   (long long)f.customer, ds, rs);
        }
        if (d != -1 && f.date != d)
            ok = 0;
        for (k = 3; k < n && ok; k++)
            if (strncmp(tok[k], "date=", 5) != 0 &&
                pv_why_check(R, tok[k], f.reasons, f.reason_count) != 1)
                ok = 0;
        found |= ok;
    }
    if (negate && found)
        vec_failf(R, "unexpected %s finding:%s", tok[1], all);
    if (!negate && !found)
        vec_failf(R, "no %s finding for %s matches; found:%s", tok[1], tok[2], an ? all : " none");
    return 0;
}
