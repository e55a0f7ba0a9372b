/* Rules, the text format: serialize (sizes, every parameter moved, at its
 * minimum and maximum, round trips), masks and enums. Fixture:
 * tests/rules_env.h. */
#include "rules_env.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- serialize ---- */

static char *serialize(const ccad_rules *r, size_t *len_out)
{
    size_t len = 0;
    char *buf;
    assert_int_equal(ccad_rules_serialize(r, NULL, 0, &len), CCAD_ENOSPC);
    assert_true(len > 0);
    buf = malloc(len + 1);
    assert_non_null(buf);
    TU_PASS(ccad_rules_ctx(r), ccad_rules_serialize(r, buf, len + 1, &len));
    assert_int_equal(strlen(buf), len);
    if (len_out)
        *len_out = len;
    return buf;
}

static void serialize_sizes(void **state)
{
    fixture *f = *state;
    size_t len = 0, len2 = 0, i, n = ccad_rules_param_count();
    char *buf, *p, *line;
    const char *mark;
    char m[256];
    assert_int_equal(ccad_rules_serialize(f->fx.r, NULL, 0, &len), CCAD_ENOSPC);
    assert_true(len > 100);
    buf = malloc(len + 8);
    assert_non_null(buf);
    memset(buf, '#', len + 8);
    mark = tu_mark(f->fx.ctx);
    strcpy(m, mark);
    /* cap len: too small, untouched */
    assert_int_equal(ccad_rules_serialize(f->fx.r, buf, len, &len2), CCAD_ENOSPC);
    assert_int_equal(len2, len);
    for (i = 0; i < len + 8; i++)
        assert_int_equal(buf[i], '#');
    assert_int_equal(ccad_rules_serialize(f->fx.r, buf, 1, &len2), CCAD_ENOSPC);
    assert_int_equal(buf[0], '#');
    /* no message recorded by serialize */
    assert_string_equal(ccad_ctx_errmsg(f->fx.ctx), m);
    /* errors */
    len2 = 7;
    assert_int_equal(ccad_rules_serialize(NULL, buf, len + 1, &len2), CCAD_EINVAL);
    assert_int_equal(ccad_rules_serialize(f->fx.r, buf, len + 1, NULL), CCAD_EINVAL);
    assert_int_equal(ccad_rules_serialize(f->fx.r, NULL, 5, &len2), CCAD_EINVAL);
    assert_int_equal(len2, 7);
    assert_int_equal(buf[0], '#');
    /* exact cap len + 1 */
    TU_PASS(f->fx.ctx, ccad_rules_serialize(f->fx.r, buf, len + 1, &len2));
    assert_int_equal(len2, len);
    assert_int_equal(buf[len], '\0');
    assert_int_equal(strlen(buf), len);
    assert_int_equal(buf[len + 1], '#');
    assert_int_equal(buf[len - 1], '\n');
    /* a comment line, then one `name = value` line per parameter, in order */
    p = buf;
    line = strtok(p, "\n");
    assert_non_null(line);
    assert_int_equal(line[0], '#');
    for (i = 0; i < n; i++) {
        ccad_param_info info = CCAD_PARAM_INFO_INIT;
        char want[80];
        line = strtok(NULL, "\n");
        assert_non_null(line);
        TU_PASS(f->fx.ctx, ccad_rules_param_info(&info, i));
        snprintf(want, sizeof want, "%s = ", info.name);
        assert_memory_equal(line, want, strlen(want));
    }
    assert_null(strtok(NULL, "\n"));
    free(buf);
    /* keywords for enums and masks at defaults */
    buf = serialize(f->fx.r, NULL);
    assert_non_null(strstr(buf, "\ngrade.method = rank\n"));
    assert_non_null(strstr(buf, "\ntriage.band = push\n"));
    assert_non_null(strstr(buf, "\nquadrant.important = AB\n"));
    assert_non_null(strstr(buf, "\ngap.grades = AB\n"));
    assert_non_null(strstr(
        buf, "\nfreq.d_days = 28\nfreq.work_days = Mon+Tue+Wed+Thu+Fri\nfreq.let_go_factor = 2\n"));
    assert_non_null(strstr(buf, "\ngap.max_days = 14\n"));
    assert_non_null(strstr(buf, "\ngrade.threshold_a = 10000000\n"));
    free(buf);
}

/* Every parameter moved away from its default, all consistent. */
static const struct {
    const char *name;
    int64_t value;
    const char *text; /* serialized form */
} nondefault[] = {
    {"grade.method", 1, "threshold"},
    {"grade.share_a_pct", 10, "10"},
    {"grade.share_b_pct", 20, "20"},
    {"grade.share_c_pct", 30, "30"},
    {"grade.use_d", 1, "1"},
    {"grade.threshold_a", MONEY_MAX, "1000000000000000"},
    {"grade.threshold_b", 1, "1"},
    {"grade.threshold_c", 0, "0"},
    {"urgency.week_days", 3, "3"},
    {"urgency.two_weeks_days", 366, "366"},
    {"urgency.request_days", 0, "0"},
    {"quadrant.important", CCAD_GRADE_BIT_A | CCAD_GRADE_BIT_C, "AC"},
    {"freq.q1_week_count", 0, "0"},
    {"freq.q1_week_days", 366, "366"},
    {"freq.q1_two_weeks_count", 366, "366"},
    {"freq.q1_two_weeks_days", 366, "366"},
    {"freq.a_count", 1, "1"},
    {"freq.a_days", 1, "1"},
    {"freq.b_count", 0, "0"},
    {"freq.b_days", 2, "2"},
    {"freq.c_count", 5, "5"},
    {"freq.c_days", 30, "30"},
    {"freq.d_count", 1, "1"},
    {"freq.d_days", 366, "366"},
    {"freq.work_days", 1 | 4 | 16 | 32, "Mon+Wed+Fri+Sat"},
    {"freq.let_go_factor", 10, "10"},
    {"gap.max_days", 1, "1"},
    {"gap.alert_days", 366, "366"},
    {"gap.grades", 0, "none"},
    {"gap.half_life_days", 366, "366"},
    {"followup.reminder_lead_days", 30, "30"},
    {"stall.after", 1000, "1000"},
    {"patience.min_contacts", 0, "0"},
    {"triage.self_driven_volume", MONEY_MAX, "1000000000000000"},
    {"triage.push_volume", 1, "1"},
    {"triage.unmovable_volume", 0, "0"},
    {"triage.band", 1, "unmovable"},
    {"triage.margin_lift_bp", 10000, "10000"},
    {"complaint.followup_days", 366, "366"},
    {"complaint.care_after_days", 0, "0"},
    {"clock.any_contact", 0, "0"},
    {"escalate.rep_days", 1, "1"},
    {"escalate.manager_days", 2, "2"},
    {"escalate.reassign_days", 366, "366"},
    {"escalate.q4", 1, "1"},
    {"ownership.days", 3660, "3660"},
    {"never.due_now", 0, "0"},
    {"capacity.q4_rollover_days", 0, "0"},
    {"capacity.delegate_q3", 0, "0"},
    {"persist.block_days", 10, "10"},
    {"persist.cycle_days", 366, "366"},
    {"keepwarm.grades", CCAD_GRADE_BIT_A, "A"},
    {"route.service_a_min", 1440, "1440"},
    {"route.service_b_min", 1, "1"},
    {"route.service_c_min", 90, "90"},
    {"route.service_d_min", 15, "15"},
    {"workload.field_days", 31, "31"},
    {"platform.working_cap", 1000000, "1000000"},
    {"platform.cap_a", 0, "0"},
    {"platform.cap_b", 999999, "999999"},
    {"platform.reserve", 0, "0"},
    {"platform.c_max_pct", 100, "100"},
    {"capacity.pull_ahead_days", 30, "30"},
    {"route.move_days", 5, "5"},
    {"urgency.order_days", 30, "30"},
    {"platform.working_min", 10, "10"},
    {"clock.q1_visits_only", 0, "0"},
    {"gap.by_cycle", 0, "0"},
    {"gap.warn_pct", 120, "120"},
    {"gap.alert_pct", 200, "200"},
    {"freq.ramp_within_days", 0, "0"},
    {"freq.ramp_count", 3, "3"},
    {"freq.ramp_days", 14, "14"},
    {"patience.prospects_only", 0, "0"},
    {"pool.release_days", 45, "45"},
    {"triage.by_position", 0, "0"},
    {"triage.share_self_pct", 40, "40"},
    {"triage.share_push_pct", 20, "20"},
    {"triage.share_unmovable_pct", 8, "8"},
    {"triage.rank_self", 2, "2"},
    {"triage.rank_push", 4, "4"},
    {"triage.rank_unmovable", 12, "12"},
    {"followup.entry_days", 1, "1"},
    {"followup.record_parts", 0, "0"},
    {"patience.consecutive", 0, "0"},
    {"patience.break_pct", 150, "150"},
    {"persist.effective_min", 2, "2"},
};
#define N_NONDEFAULT (sizeof nondefault / sizeof nondefault[0])

static void round_trip_defaults(void **state)
{
    fixture *f = *state;
    ccad_rules *r2 = NULL;
    size_t len;
    char *buf = serialize(f->fx.r, &len);
    TU_PASS(f->fx.ctx, ccad_rules_new(&r2, f->fx.ctx));
    TU_PASS(f->fx.ctx, ccad_rules_set(r2, "stall.after", 9));
    assert_false(ccad_rules_equal(f->fx.r, r2));
    TU_PASS(f->fx.ctx, ccad_rules_parse(r2, buf, len));
    assert_true(ccad_rules_equal(f->fx.r, r2));
    ccad_rules_free(r2);
    free(buf);
}

static void round_trip_every_parameter_moved(void **state)
{
    fixture *f = *state;
    ccad_rules *by_set = NULL, *by_text = NULL, *back = NULL;
    int done[N_NONDEFAULT];
    size_t i, left = N_NONDEFAULT, len, tlen = 0;
    int pass;
    char text[4096], *buf;
    assert_int_equal(ccad_rules_param_count(), N_NONDEFAULT);
    memset(done, 0, sizeof done);
    /* 1. via ccad_rules_set, retrying values refused for a transient conflict */
    TU_PASS(f->fx.ctx, ccad_rules_new(&by_set, f->fx.ctx));
    for (pass = 0; pass < 10 && left > 0; pass++)
        for (i = 0; i < N_NONDEFAULT; i++) {
            int rc;
            ccad_param_info info = CCAD_PARAM_INFO_INIT;
            if (done[i])
                continue;
            TU_PASS(f->fx.ctx, ccad_rules_param_info(&info, i));
            assert_string_equal(info.name, nondefault[i].name);
            assert_true(info.default_value != nondefault[i].value);
            rc = ccad_rules_set(by_set, nondefault[i].name, nondefault[i].value);
            assert_true(rc == CCAD_OK || rc == CCAD_ECONFLICT);
            if (rc == CCAD_OK) {
                done[i] = 1;
                left--;
            }
        }
    assert_int_equal(left, 0);
    for (i = 0; i < N_NONDEFAULT; i++)
        assert_true(get(by_set, nondefault[i].name) == nondefault[i].value);
    /* 2. via a text with keywords */
    for (i = 0; i < N_NONDEFAULT; i++)
        tlen += (size_t)snprintf(text + tlen, sizeof text - tlen, "%s = %s\n", nondefault[i].name,
                                 nondefault[i].text);
    assert_true(tlen < sizeof text);
    TU_PASS(f->fx.ctx, ccad_rules_new(&by_text, f->fx.ctx));
    TU_PASS(f->fx.ctx, ccad_rules_parse(by_text, text, tlen));
    assert_true(ccad_rules_equal(by_set, by_text));
    /* 3. serialize -> parse */
    buf = serialize(by_set, &len);
    for (i = 0; i < N_NONDEFAULT; i++) {
        char want[128];
        snprintf(want, sizeof want, "\n%s = %s\n", nondefault[i].name, nondefault[i].text);
        assert_non_null(strstr(buf, want));
    }
    TU_PASS(f->fx.ctx, ccad_rules_new(&back, f->fx.ctx));
    TU_PASS(f->fx.ctx, ccad_rules_parse(back, buf, len));
    assert_true(ccad_rules_equal(back, by_set));
    assert_false(ccad_rules_equal(back, f->fx.r));
    free(buf);
    ccad_rules_free(back);
    ccad_rules_free(by_text);
    ccad_rules_free(by_set);
}

static void round_trip_each_at_min_and_max(void **state)
{
    fixture *f = *state;
    size_t i, n = ccad_rules_param_count(), len;
    int k, accepted = 0;
    for (i = 0; i < n; i++) {
        ccad_param_info info = CCAD_PARAM_INFO_INIT;
        TU_PASS(f->fx.ctx, ccad_rules_param_info(&info, i));
        for (k = 0; k < 2; k++) {
            ccad_rules *r = NULL, *back = NULL;
            int64_t v = k ? info.max_value : info.min_value;
            int rc;
            char *buf;
            TU_PASS(f->fx.ctx, ccad_rules_new(&r, f->fx.ctx));
            rc = ccad_rules_set(r, info.name, v);
            assert_true(rc == CCAD_OK || rc == CCAD_ECONFLICT);
            if (rc == CCAD_OK) {
                accepted++;
                assert_true(get(r, info.name) == v);
                buf = serialize(r, &len);
                TU_PASS(f->fx.ctx, ccad_rules_new(&back, f->fx.ctx));
                TU_PASS(f->fx.ctx, ccad_rules_parse(back, buf, len));
                assert_true(ccad_rules_equal(back, r));
                free(buf);
                ccad_rules_free(back);
            } else {
                assert_true(get(r, info.name) == info.default_value);
            }
            ccad_rules_free(r);
        }
    }
    assert_true(accepted > 60);
}

static void masks_and_enums_parse(void **state)
{
    fixture *f = *state;
    static const struct {
        const char *text;
        const char *name;
        int64_t value;
    } ok[] = {
        {"gap.grades = none", "gap.grades", 0},
        {"gap.grades = A", "gap.grades", 1},
        {"gap.grades = BA", "gap.grades", 3},
        {"gap.grades = ABCD", "gap.grades", 15},
        {"gap.grades = DC", "gap.grades", 12},
        {"quadrant.important = C", "quadrant.important", 4},
        {"grade.method = threshold", "grade.method", 1},
        {"grade.method = rank", "grade.method", 0},
        {"triage.band = unmovable", "triage.band", 1},
        {"triage.band = push", "triage.band", 0},
        {"stall.after = +5", "stall.after", 5},
        {"patience.min_contacts = -0", "patience.min_contacts", 0},
        {"grade.threshold_a = 1000000000000000", "grade.threshold_a", MONEY_MAX},
        /* weekday masks: names joined by '+', any order; bit 0 = Monday */
        {"freq.work_days = Mon+Tue+Wed+Thu+Fri", "freq.work_days", 31},
        {"freq.work_days = Sun", "freq.work_days", 64},
        {"freq.work_days = Sat+Sun", "freq.work_days", 96},
        {"freq.work_days = Fri+Mon+Wed", "freq.work_days", 21},
        {"freq.work_days = Mon+Tue+Wed+Thu+Fri+Sat+Sun", "freq.work_days", 127},
        /* every enumeration and mask also takes a plain integer */
        {"freq.work_days = 1", "freq.work_days", 1},
        {"freq.work_days = 127", "freq.work_days", 127},
        {"freq.work_days = +96", "freq.work_days", 96},
        {"gap.grades = 3", "gap.grades", 3},
        {"gap.grades = 0", "gap.grades", 0},
        {"quadrant.important = 15", "quadrant.important", 15},
        {"grade.method = 1", "grade.method", 1},
        {"grade.method = 0", "grade.method", 0},
        {"triage.band = 1", "triage.band", 1},
        {"triage.band = -0", "triage.band", 0},
    };
    size_t i;
    for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        TU_PASS(ccad_rules_ctx(f->fx.r), ccad_rules_parse(f->fx.r, ok[i].text, strlen(ok[i].text)));
        assert_true(get(f->fx.r, ok[i].name) == ok[i].value);
    }
}

/* Parameters hold 64-bit integers; enumerations and masks accept their
 * integer value in the text as well as their keywords. Serialization still
 * writes keywords. */
static void enum_accepts_integer_in_text(void **state)
{
    fixture *f = *state;
    static const char t1[] = "grade.method = 1\ntriage.band = 1\nquadrant.important = 5\n"
                             "gap.grades = 12\nfreq.work_days = 42\n";
    char *buf;
    TU_PASS(ccad_rules_ctx(f->fx.r), ccad_rules_parse(f->fx.r, t1, strlen(t1)));
    assert_true(get(f->fx.r, "grade.method") == CCAD_GRADE_BY_THRESHOLD);
    assert_true(get(f->fx.r, "triage.band") == 1);
    assert_true(get(f->fx.r, "quadrant.important") == (CCAD_GRADE_BIT_A | CCAD_GRADE_BIT_C));
    assert_true(get(f->fx.r, "gap.grades") == (CCAD_GRADE_BIT_C | CCAD_GRADE_BIT_D));
    assert_true(get(f->fx.r, "freq.work_days") == 42);
    buf = serialize(f->fx.r, NULL);
    assert_non_null(strstr(buf, "\ngrade.method = threshold\n"));
    assert_non_null(strstr(buf, "\ntriage.band = unmovable\n"));
    assert_non_null(strstr(buf, "\nquadrant.important = AC\n"));
    assert_non_null(strstr(buf, "\ngap.grades = CD\n"));
    assert_non_null(strstr(buf, "\nfreq.work_days = Tue+Thu+Sat\n"));
    free(buf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        RULES_TEST(serialize_sizes),
        RULES_TEST(round_trip_defaults),
        RULES_TEST(round_trip_every_parameter_moved),
        RULES_TEST(round_trip_each_at_min_and_max),
        RULES_TEST(masks_and_enums_parse),
        RULES_TEST(enum_accepts_integer_in_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
