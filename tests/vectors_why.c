/* Part of the conformance vector runners (tests/vectors.h): flags and
 * reasons, an expected set parsed, the set the library gave described. */
#define _POSIX_C_SOURCE 200809L /* strtok_r */

#include "vectors.h"

int vec_parse_flags(const char *s, uint32_t *out)
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
        int k = vec_lookup(vec_flag_names, N_FLAGS, p);
        if (k < 0)
            return -1;
        m |= 1u << k;
    }
    *out = m;
    return 0;
}

void vec_flags_text(char *buf, size_t cap, uint32_t m)
{
    size_t n = 0;
    int k;
    buf[0] = '\0';
    for (k = 0; k < 32; k++)
        if (m & (1u << k)) {
            n += (size_t)snprintf(buf + n, n < cap ? cap - n : 0, "%s%s", n ? "," : "",
                                  k < N_FLAGS ? vec_flag_names[k] : "?");
            if (n >= cap)
                break;
        }
    if (m == 0)
        snprintf(buf, cap, "none");
}

/* [RULE:]CODE[(f[,f[,f]])], f = integer | YYYY-MM-DD | none | _ */
int vec_parse_why(const char *s, struct why_spec *w)
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
        w->rule = vec_lookup(vec_rule_names, N_RULES, p);
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
            else if (vec_parse_date(q, &w->fig[w->nfig]) != 0)
                return -1;
            w->nfig++;
        }
        if (w->nfig == 0)
            return -1;
    }
    w->code = vec_lookup(vec_why_names, N_WHY, p);
    return w->code < 0 ? -1 : 0;
}

int vec_why_matches(const struct why_spec *w, const ccad_reason *r)
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

void vec_reasons_text(char *buf, size_t cap, const ccad_assessment *a)
{
    size_t n = 0;
    uint32_t i;
    buf[0] = '\0';
    for (i = 0; i < a->reason_count && i < CCAD_REASONS_MAX && n < cap; i++) {
        const ccad_reason *r = &a->reasons[i];
        const char *rn = r->rule > 0 && r->rule < N_RULES ? vec_rule_names[r->rule] : "?";
        const char *wn = r->why > 0 && r->why < N_WHY ? vec_why_names[r->why] : "?";
        n += (size_t)snprintf(buf + n, cap - n, "%s%s:%s(%lld,%lld,%lld)", i ? " " : "", rn, wn,
                              (long long)r->a, (long long)r->b, (long long)r->c);
    }
    if (a->reason_count == 0)
        snprintf(buf, cap, "none");
}
