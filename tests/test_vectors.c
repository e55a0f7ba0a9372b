/* Conformance vectors: runs every tests/vectors/NAME.txt through the public API.
 * The format is specified in docs/vectors.md; this program is its reference
 * runner. Any mismatch or malformed vector fails the test with the file, the
 * line and the case name. The runner's parts (tests/vectors.h) are shared
 * with the plan vector runner. */
#include "vectors.h"

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
    TU_PASS(R.ctx, ccad_ctx_new(&R.ctx, &h));

    /* The rule names here must be the library's. */
    for (k = 1; k < N_RULES; k++)
        assert_string_equal(ccad_rule_name(k), vec_rule_names[k]);
    for (k = 1; k < N_WHY; k++)
        assert_string_equal(ccad_why_name(k), vec_why_names[k]);

    nfiles = vec_vector_files(CCAD_VECTOR_DIR, files, MAX_FILES);

    for (i = 0; i < nfiles; i++)
        vec_run_file(&R, CCAD_VECTOR_DIR, files[i]);

    R.file = "(all)";
    R.line = 0;
    for (k = 0; k < (int)(sizeof implemented / sizeof implemented[0]); k++)
        if (R.per_rule[implemented[k]] == 0)
            vec_failf(&R, "no vector is tagged %s", vec_rule_names[implemented[k]]);

    counts[0] = '\0';
    for (k = 1; k < N_TAGS; k++)
        if (R.per_rule[k] > 0 && n < sizeof counts)
            n += (size_t)snprintf(counts + n, sizeof counts - n, "%s%s %d", n ? ", " : "",
                                  vec_tag_names[k], R.per_rule[k]);
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
