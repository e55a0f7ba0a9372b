/* The conventions of lib/ that the compiler does not check
 * (docs/design.md, "Conventions"): the parameter table has a complete row
 * at the index of every enum ccad__param value. */
#include "testutil.h"

#include "../lib/internal.h"

#include <string.h>

/* Every parameter has its row: a designated initializer left out would
 * leave a zero row (empty name, rule 0) at its index. */
static void param_table_has_every_row(void **state)
{
    int i, j;
    (void)state;
    for (i = 0; i < P__COUNT; i++) {
        const struct ccad__param_def *p = &ccad__params[i];
        if (p->name[0] == '\0' || p->unit[0] == '\0' || p->help[0] == '\0' || p->source[0] == '\0')
            fail_msg("parameter table: no row for enum ccad__param value %d", i);
        if (p->rule < 1 || p->rule > ccad__rule_count())
            fail_msg("parameter table: %s files under unknown rule %d", p->name, p->rule);
        if (p->min > p->def || p->def > p->max)
            fail_msg("parameter table: %s default %lld outside %lld..%lld", p->name,
                     (long long)p->def, (long long)p->min, (long long)p->max);
        for (j = 0; j < i; j++)
            if (strcmp(ccad__params[j].name, p->name) == 0)
                fail_msg("parameter table: %s at %d and %d", p->name, j, i);
        assert_int_equal(ccad__rules_find(p->name, strlen(p->name)), i);
    }
}

/* The table's rows, seen through the API, in enum order: the first and
 * last values name the parameters the enum says they are. */
static void param_table_rows_at_their_enum(void **state)
{
    ccad_param_info info = CCAD_PARAM_INFO_INIT;
    (void)state;
    assert_int_equal(ccad_rules_param_count(), (size_t)P__COUNT);
    assert_int_equal(ccad_rules_param_info(&info, P_GRADE_METHOD), CCAD_OK);
    assert_string_equal(info.name, "grade.method");
    assert_int_equal(ccad_rules_param_info(&info, P_GAP_MAX), CCAD_OK);
    assert_string_equal(info.name, "gap.max_days");
    assert_int_equal(ccad_rules_param_info(&info, P_POOL_RELEASE_DAYS), CCAD_OK);
    assert_string_equal(info.name, "pool.release_days");
    assert_int_equal(ccad_rules_param_info(&info, P__COUNT), CCAD_ENOTFOUND);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(param_table_has_every_row),
        cmocka_unit_test(param_table_rows_at_their_enum),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
