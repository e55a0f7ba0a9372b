/* Part of the conformance vector runners (tests/vectors.h): the fields of the
 * three structs a vector can address, and the values of fields: parsed,
 * read, written, compared; the failure report of a check. */
#define _POSIX_C_SOURCE 200809L /* strtok_r */

#include "vectors.h"

/* An enumerated field's names and their count. */
#define NAMES(t) t, (int)(sizeof t / sizeof t[0])

/* Field descriptions of the three structs a vector can address. */

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
const struct fdesc vec_customer_fields[] = {
    CF(value, F_I64),
    CE(grade, vec_grade_names),
    CE(status, vec_status_names),
    CF(purchase_date, F_DATE),
    CF(monthly_volume, F_I64),
    CF(margin_bp, F_I32),
    CF(capable, F_INT),
    CF(has_location, F_INT),
    CF(x, F_DBL),
    CF(y, F_DBL),
    CE(complaint, vec_complaint_names),
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
    CB(last_purposes, vec_purpose_names),
    CF(aimless, F_U32),
    CF(closes_asked, F_U32),
    CB(last_parts, vec_part_names),
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
const struct fdesc vec_contact_fields[] = {
    KF(date, F_DATE),
    KE(kind, vec_kind_names),
    KE(outcome, vec_outcome_names),
    KF(recorded, F_INT),
    KF(next_date, F_DATE),
    KE(service_level, vec_service_names),
    {"purposes", F_BITS, offsetof(ccad_contact, purposes), NAMES(vec_purpose_names)},
    KF(close_asked, F_INT),
    KF(owner_present, F_INT),
    KE(activity, vec_activity_names),
    {"record_parts", F_BITS, offsetof(ccad_contact, record_parts), NAMES(vec_part_names)},
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
const struct fdesc vec_assess_fields[] = {AE(grade, vec_grade_names),
                                          AF(grade_manual, F_INT),
                                          AE(urgency, vec_urgency_names),
                                          AE(quadrant, vec_quadrant_names),
                                          AF(freq_count, F_I32),
                                          AF(freq_period_days, F_I32),
                                          AF(interval_days, F_I32),
                                          AF(due_date, F_DATE),
                                          AF(days_overdue, F_I32),
                                          AE(escalation, vec_escalation_names),
                                          AF(days_since_contact, F_I32),
                                          AF(temperature, F_I32),
                                          AF(reminder_date, F_DATE),
                                          AF(contacts, F_U32),
                                          AF(min_contacts, F_U32),
                                          AF(ownership_end, F_DATE),
                                          AF(ownership_days_left, F_I32),
                                          AE(triage, vec_triage_names),
                                          AE(strategy, vec_strategy_names),
                                          AE(complaint, vec_complaint_names),
                                          AF(care_date, F_DATE),
                                          AF(reason_count, F_U32)};
#undef AF
#undef AE

#define NFIELDS(t) (sizeof t / sizeof t[0])
const size_t vec_n_customer_fields = NFIELDS(vec_customer_fields);
const size_t vec_n_contact_fields = NFIELDS(vec_contact_fields);
const size_t vec_n_assess_fields = NFIELDS(vec_assess_fields);
#undef NFIELDS

void vec_failf(struct run *R, const char *fmt, ...)
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

const char *vec_errname(int code)
{
    int i;
    for (i = 0; i < N_ERRORS; i++)
        if (vec_error_names[i].code == code)
            return vec_error_names[i].name;
    return "?";
}

/* Parses a whole decimal integer with optional sign. */
int vec_parse_int(const char *s, int64_t *out)
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

int vec_lookup(const char *const *names, int n, const char *s)
{
    int i;
    for (i = 0; i < n; i++)
        if (names[i] != NULL && strcmp(names[i], s) == 0)
            return i;
    return -1;
}

/* A date figure: YYYY-MM-DD, none, or a raw day number. */
int vec_parse_date(const char *s, int64_t *out)
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
    return vec_parse_int(s, out);
}

void vec_format_date(char *buf, size_t cap, int64_t d)
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
    if (vec_parse_int(s, out) == 0)
        return 0;
    if (strlen(s) >= sizeof tmp)
        return -1;
    strcpy(tmp, s);
    for (p = strtok_r(tmp, "+", &save); p != NULL; p = strtok_r(NULL, "+", &save)) {
        int k = vec_lookup(names, n, p);
        if (k < 0)
            return -1;
        m |= (int64_t)1 << k;
    }
    *out = m;
    return 0;
}

/* Value text of field f -> integer (all types but F_DBL and F_SVC). */
int vec_parse_field(const struct fdesc *f, const char *s, int64_t *out)
{
    if (f->type == F_DATE)
        return vec_parse_date(s, out);
    if (f->type == F_BITS)
        return parse_bits(f->names, f->nnames, s, out);
    if (f->names != NULL) {
        int k = vec_lookup(f->names, f->nnames, s);
        if (k >= 0) {
            *out = k;
            return 0;
        }
        return vec_parse_int(s, out);
    }
    if (f->type == F_DAYS) {
        if (strcmp(s, "any") == 0) {
            *out = 0;
            return 0;
        }
        return parse_bits(vec_weekday_names, 7, s, out);
    }
    return vec_parse_int(s, out);
}

int64_t vec_field_get(const void *base, const struct fdesc *f)
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
        if (k == 4 || vec_parse_int(p, &v) != 0 || v < 0 || v > (int64_t)UINT32_MAX)
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
int vec_assign(struct run *R, void *base, const struct fdesc *t, size_t n, const char *tok)
{
    const char *eq = strchr(tok, '=');
    const struct fdesc *f;
    int64_t v;
    if (eq == NULL || eq == tok) {
        vec_synf(R, "expected name=value, found '%s'", tok);
        return -1;
    }
    f = find_field(t, n, tok, (size_t)(eq - tok));
    if (f == NULL) {
        vec_synf(R, "unknown field '%.*s'", (int)(eq - tok), tok);
        return -1;
    }
    if (f->type == F_DBL) {
        char *end;
        double d = strtod(eq + 1, &end);
        if (end == eq + 1 || *end != '\0') {
            vec_synf(R, "bad number in '%s'", tok);
            return -1;
        }
        memcpy((char *)base + f->off, &d, sizeof d);
        return 0;
    }
    if (f->type == F_SVC) {
        uint32_t s[4];
        if (parse_svc(eq + 1, s) != 0) {
            vec_synf(R, "service_counts takes four counts a,b,c,d, not '%s'", eq + 1);
            return -1;
        }
        memcpy((char *)base + f->off, s, sizeof s);
        return 0;
    }
    if (vec_parse_field(f, eq + 1, &v) != 0 || field_put(base, f, v) != 0) {
        vec_synf(R, "bad value in '%s'", tok);
        return -1;
    }
    return 0;
}

static void describe(char *buf, size_t cap, const struct fdesc *f, int64_t v)
{
    if (f->type == F_DATE)
        vec_format_date(buf, cap, v);
    else if (f->type != F_BITS && f->names != NULL && v >= 0 && v < f->nnames &&
             f->names[v] != NULL)
        snprintf(buf, cap, "%s", f->names[v]);
    else
        snprintf(buf, cap, "%lld", (long long)v);
}

/* Compares "name=value" with a struct; reports a mismatch. -1 on bad syntax. */
int vec_compare(struct run *R, const void *base, const struct fdesc *t, size_t n, const char *id,
                const char *tok)
{
    const char *eq = strchr(tok, '=');
    const struct fdesc *f;
    int64_t want, got;
    char w[64], g[64];
    if (eq == NULL || eq == tok) {
        vec_synf(R, "expected name=value, found '%s'", tok);
        return -1;
    }
    f = find_field(t, n, tok, (size_t)(eq - tok));
    if (f == NULL) {
        vec_synf(R, "unknown field '%.*s'", (int)(eq - tok), tok);
        return -1;
    }
    R->checks++;
    if (f->type == F_DBL) {
        char *end;
        double d = strtod(eq + 1, &end), a;
        if (end == eq + 1 || *end != '\0') {
            vec_synf(R, "bad number in '%s'", tok);
            return -1;
        }
        memcpy(&a, (const char *)base + f->off, sizeof a);
        if (a != d)
            vec_failf(R, "%s: %s expected %g, got %g", id, f->name, d, a);
        return 0;
    }
    if (f->type == F_SVC) {
        uint32_t s[4], a[4];
        if (parse_svc(eq + 1, s) != 0) {
            vec_synf(R, "service_counts takes four counts a,b,c,d, not '%s'", eq + 1);
            return -1;
        }
        memcpy(a, (const char *)base + f->off, sizeof a);
        if (memcmp(a, s, sizeof s) != 0)
            vec_failf(R, "%s: service_counts expected %s, got %lu,%lu,%lu,%lu", id, eq + 1,
                      (unsigned long)a[0], (unsigned long)a[1], (unsigned long)a[2],
                      (unsigned long)a[3]);
        return 0;
    }
    if (vec_parse_field(f, eq + 1, &want) != 0) {
        vec_synf(R, "bad value in '%s'", tok);
        return -1;
    }
    got = vec_field_get(base, f);
    if (got != want) {
        describe(w, sizeof w, f, want);
        describe(g, sizeof g, f, got);
        vec_failf(R, "%s: %s expected %s, got %s", id, f->name, w, g);
    }
    return 0;
}
