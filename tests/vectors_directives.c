/* Part of the conformance vector runners (tests/vectors.h): the directives of
 * a vector file (rules, customer, contact, update, expect, summary) and the
 * cases they open and close; a runner's own directives go through the hooks
 * of struct run. */
#define _POSIX_C_SOURCE 200809L /* strdup, strtok_r */

#include "vectors.h"

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

int vec_find_customer(struct run *R, const char *id, size_t *idx)
{
    if (ccad_book_find(R->book, id, idx) != CCAD_OK) {
        vec_failf(R, "no customer '%s' in the book", id);
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
            vec_failf(R, "rules text rejected: %s: %s", vec_errname(rc), ccad_ctx_errmsg(R->ctx));
            return;
        }
    } else {
        R->checks++;
        if (rc != expect_code) {
            vec_failf(R, "rules text: expected %s, got %s (%s)", vec_errname(expect_code),
                      vec_errname(rc), rc ? ccad_ctx_errmsg(R->ctx) : "accepted");
        } else if (at_line > 0) {
            char want[64];
            snprintf(want, sizeof want, "line %d, column %d:", at_line, at_col);
            if (strstr(ccad_ctx_errmsg(R->ctx), want) == NULL)
                vec_failf(R, "rules text: expected the error at %d:%d, message is '%s'", at_line,
                          at_col, ccad_ctx_errmsg(R->ctx));
        }
        if (rc != CCAD_OK) {
            /* all or nothing: the rules still hold every default */
            ccad_rules *d = NULL;
            TU_PASS(R->ctx, ccad_rules_new(&d, R->ctx));
            if (!ccad_rules_equal(d, R->rules))
                vec_failf(R, "rejected rules text changed the rules");
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
        TU_PASS(R->ctx, ccad_rules_serialize(R->rules, buf, len + 1, &len));
        TU_PASS(R->ctx, ccad_rules_new(&copy, R->ctx));
        if (ccad_rules_parse(copy, buf, len) != CCAD_OK || !ccad_rules_equal(copy, R->rules))
            vec_failf(R, "rules do not survive serialize + parse");
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
        vec_synf(R, "customer needs an id");
        return;
    }
    c.id = tok[1];
    for (i = 2; i < n; i++)
        if (vec_assign(R, &c, vec_customer_fields, vec_n_customer_fields, tok[i]) != 0)
            return;
    rc = ccad_book_add(R->book, &c, NULL);
    if (want == CCAD_OK) {
        if (rc != CCAD_OK)
            vec_failf(R, "customer %s refused: %s: %s", tok[1], vec_errname(rc),
                      ccad_ctx_errmsg(R->ctx));
        else
            R->dirty = 1;
        return;
    }
    R->checks++;
    if (rc != want)
        vec_failf(R, "customer %s: expected %s, got %s", tok[1], vec_errname(want),
                  vec_errname(rc));
    if (rc == CCAD_OK)
        R->dirty = 1;
    else if (ccad_book_count(R->book) != before)
        vec_failf(R, "customer %s: a refused customer changed the book", tok[1]);
}

static void do_contact(struct run *R, char **tok, int n, int want)
{
    ccad_contact e = CCAD_CONTACT_INIT;
    ccad_customer b0 = CCAD_CUSTOMER_INIT, b1 = CCAD_CUSTOMER_INIT;
    size_t idx;
    int i, rc;
    if (n < 2) {
        vec_synf(R, "contact needs a customer id");
        return;
    }
    if (vec_find_customer(R, tok[1], &idx) != 0)
        return;
    for (i = 2; i < n; i++)
        if (vec_assign(R, &e, vec_contact_fields, vec_n_contact_fields, tok[i]) != 0)
            return;
    TU_PASS(R->ctx, ccad_book_get(R->book, idx, &b0));
    rc = ccad_book_record(R->book, idx, &e);
    if (want == CCAD_OK) {
        if (rc != CCAD_OK)
            vec_failf(R, "contact with %s refused: %s: %s", tok[1], vec_errname(rc),
                      ccad_ctx_errmsg(R->ctx));
        return;
    }
    R->checks++;
    if (rc != want)
        vec_failf(R, "contact with %s: expected %s, got %s", tok[1], vec_errname(want),
                  vec_errname(rc));
    if (rc != CCAD_OK) {
        size_t k;
        TU_PASS(R->ctx, ccad_book_get(R->book, idx, &b1));
        for (k = 0; k < vec_n_customer_fields; k++) {
            const struct fdesc *f = &vec_customer_fields[k];
            size_t sz = f->type == F_DBL ? sizeof(double) : 4 * sizeof(uint32_t);
            int same = f->type == F_DBL || f->type == F_SVC
                           ? memcmp((char *)&b0 + f->off, (char *)&b1 + f->off, sz) == 0
                           : vec_field_get(&b0, f) == vec_field_get(&b1, f);
            if (!same) {
                vec_failf(R, "contact with %s: a refused contact changed %s", tok[1], f->name);
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
        vec_synf(R, "update needs an id and a field");
        return;
    }
    if (vec_find_customer(R, tok[1], &idx) != 0)
        return;
    TU_PASS(R->ctx, ccad_book_get(R->book, idx, &c));
    for (i = 2; i < n; i++)
        if (vec_assign(R, &c, vec_customer_fields, vec_n_customer_fields, tok[i]) != 0)
            return;
    rc = ccad_book_update(R->book, idx, &c);
    if (rc != CCAD_OK)
        vec_failf(R, "update of %s refused: %s: %s", tok[1], vec_errname(rc),
                  ccad_ctx_errmsg(R->ctx));
    else
        R->dirty = 1; /* a value or status change makes the grades stale */
}

int vec_ensure_graded(struct run *R)
{
    int rc;
    if (!R->dirty)
        return 0;
    rc = ccad_book_grade(R->book, R->rules);
    if (rc != CCAD_OK) {
        vec_failf(R, "ccad_book_grade failed: %s", vec_errname(rc));
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
        vec_synf(R, "expect needs an id and at least one field");
        return;
    }
    if (!R->have_today) {
        vec_synf(R, "expect before any today line");
        return;
    }
    if (vec_ensure_graded(R) != 0 || vec_find_customer(R, tok[1], &idx) != 0)
        return;
    rc = ccad_book_assess(R->book, R->rules, idx, R->today, &a);
    if (rc != CCAD_OK) {
        vec_failf(R, "ccad_book_assess(%s) failed: %s: %s", tok[1], vec_errname(rc),
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
            if (vec_parse_flags(t + (mode ? 7 : 6), &m) != 0) {
                vec_synf(R, "bad flag list in '%s'", t);
                return;
            }
            R->checks++;
            if ((mode == 0 && a.flags != m) || (mode == 1 && (a.flags & m) != m) ||
                (mode == 2 && (a.flags & m) != 0)) {
                vec_flags_text(buf, sizeof buf, a.flags);
                vec_failf(R, "%s: %s does not hold; flags are %s", tok[1], t, buf);
            }
        } else if (strncmp(t, "why+=", 5) == 0 || strncmp(t, "why-=", 5) == 0) {
            struct why_spec w;
            uint32_t k;
            int found = 0;
            if (vec_parse_why(t + 5, &w) != 0) {
                vec_synf(R, "bad reason in '%s'", t);
                return;
            }
            R->checks++;
            for (k = 0; k < a.reason_count && k < CCAD_REASONS_MAX; k++)
                if (vec_why_matches(&w, &a.reasons[k]))
                    found = 1;
            if (found != (t[3] == '+')) {
                vec_reasons_text(buf, sizeof buf, &a);
                vec_failf(R, "%s: %s does not hold; reasons are %s", tok[1], t, buf);
            }
        } else if (strncmp(t, "why=", 4) == 0) {
            char tmp[1024], *p, *save = NULL;
            uint32_t k = 0;
            int ok = 1;
            if (strlen(t + 4) >= sizeof tmp) {
                vec_synf(R, "reason list too long");
                return;
            }
            strcpy(tmp, t + 4);
            R->checks++;
            if (strcmp(tmp, "none") != 0)
                for (p = strtok_r(tmp, ",", &save); p != NULL; p = strtok_r(NULL, ",", &save)) {
                    int code = vec_lookup(vec_why_names, N_WHY, p);
                    if (code < 0) {
                        vec_synf(R, "unknown reason code '%s'", p);
                        return;
                    }
                    if (k >= a.reason_count || a.reasons[k].why != code)
                        ok = 0;
                    k++;
                }
            if (k != a.reason_count)
                ok = 0;
            if (!ok) {
                vec_reasons_text(buf, sizeof buf, &a);
                vec_failf(R, "%s: %s does not hold; reasons are %s", tok[1], t, buf);
            }
        } else if (vec_compare(R, &a, vec_assess_fields, vec_n_assess_fields, tok[1], t) != 0) {
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
        vec_synf(R, "summary needs an id and at least one field");
        return;
    }
    if (vec_find_customer(R, tok[1], &idx) != 0)
        return;
    TU_PASS(ccad_book_ctx(R->book), ccad_book_get(R->book, idx, &c));
    R->expectations++;
    for (i = 2; i < n; i++)
        if (vec_compare(R, &c, vec_customer_fields, vec_n_customer_fields, tok[1], tok[i]) != 0)
            return;
}

void vec_case_release(struct run *R)
{
    ccad_book_free(R->book);
    ccad_rules_free(R->rules);
    free(R->rtext);
    R->book = NULL;
    R->rules = NULL;
    R->rtext = NULL;
    R->rlen = R->rcap = 0;
    R->in_case = 0;
}

static void end_case(struct run *R)
{
    int k;
    if (R->tags == 0)
        vec_failf(R, "case has no tags line");
    if (R->expectations == 0)
        vec_failf(R, "case checks nothing");
    if (R->end_case != NULL)
        R->end_case(R);
    for (k = 1; k < N_TAGS; k++)
        if (R->tags & (1ul << k))
            R->per_rule[k]++;
    R->cases++;
    vec_case_release(R);
}

static void begin_case(struct run *R, const char *name)
{
    int i;
    snprintf(R->case_name, sizeof R->case_name, "%s", name);
    R->in_case = 1;
    for (i = 0; i < R->ncase_names; i++)
        if (strcmp(R->case_names[i], name) == 0)
            vec_failf(R, "case name used twice");
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
    TU_PASS(R->ctx, ccad_rules_new(&R->rules, R->ctx));
    TU_PASS(R->ctx, ccad_book_new(&R->book, R->ctx, 0));
    if (R->begin_case != NULL)
        R->begin_case(R);
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
int vec_do_line(struct run *R, char *line)
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
            vec_failf(R, "rules line outside a case");
            return -1;
        }
        if (R->rules_done) {
            vec_failf(R, "rules line after the case's setup began");
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
        vec_failf(R, "too many tokens");
        return -1;
    }
    if (n == 0)
        return 0;
    kw = tok[0];
    if (!R->in_case) {
        if (strcmp(kw, "case") != 0 || n != 2) {
            vec_failf(R, "expected 'case NAME', found '%s'", kw);
            return -1;
        }
        begin_case(R, tok[1]);
        return 0;
    }
    if (strcmp(kw, "case") == 0) {
        vec_failf(R, "case inside a case (missing end)");
        return -1;
    }
    if (strcmp(kw, "tags") == 0) {
        int i;
        if (n < 2) {
            vec_failf(R, "tags needs at least one rule id");
            return -1;
        }
        for (i = 1; i < n; i++) {
            int k = vec_lookup(vec_tag_names, N_TAGS, tok[i]);
            if (k < 0) {
                vec_failf(R, "unknown tag '%s'", tok[i]);
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
            vec_failf(R, "expect-error needs '-> CODE'");
            return -1;
        }
        for (i = 0; i < N_ERRORS; i++)
            if (strcmp(vec_error_names[i].name, tok[arrow + 1]) == 0)
                code = vec_error_names[i].code;
        if (code == -999) {
            vec_failf(R, "unknown status code '%s'", tok[arrow + 1]);
            return -1;
        }
        if (arrow + 2 < n) {
            if (arrow + 4 != n || strcmp(tok[arrow + 2], "at") != 0 ||
                sscanf(tok[arrow + 3], "%d:%d", &at_l, &at_c) != 2 || at_l <= 0 || at_c <= 0) {
                vec_failf(R, "expected 'at LINE:COLUMN' after the code");
                return -1;
            }
        }
        R->expectations++;
        if (strcmp(tok[1], "rules") == 0) {
            if (arrow != 2 || R->rules_done) {
                vec_failf(R, "'expect-error rules -> CODE' must directly follow the rules lines");
                return -1;
            }
            ensure_rules(R, code, at_l, at_c);
            return 0;
        }
        if (at_l != 0) {
            vec_failf(R, "'at LINE:COLUMN' is for rules only");
            return -1;
        }
        ensure_rules(R, 1, 0, 0);
        tok[arrow] = NULL;
        if (strcmp(tok[1], "customer") == 0)
            do_customer(R, tok + 1, arrow - 1, code);
        else if (strcmp(tok[1], "contact") == 0)
            do_contact(R, tok + 1, arrow - 1, code);
        else {
            vec_failf(R, "expect-error takes rules, customer or contact");
            return -1;
        }
        return 0;
    }
    if (strcmp(kw, "end") == 0) {
        if (n != 1) {
            vec_failf(R, "end takes nothing");
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
        if (n != 2 || vec_parse_date(tok[1], &d) != 0 || d == CCAD_NO_DATE || d < CCAD_DATE_MIN ||
            d > CCAD_DATE_MAX) {
            vec_failf(R, "today takes one date");
            return -1;
        }
        R->today = (int32_t)d;
        R->have_today = 1;
    } else if (strcmp(kw, "expect") == 0)
        do_expect(R, tok, n);
    else if (strcmp(kw, "summary") == 0)
        do_summary(R, tok, n);
    else if (R->extra_directive != NULL && (rc = R->extra_directive(R, tok, n)) <= 0)
        return rc;
    else {
        vec_failf(R, "unknown directive '%s'", kw);
        return -1;
    }
    return 0;
}
