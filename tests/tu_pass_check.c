/* The check of TU_PASS itself (ctest tu_pass_message): a call that fails
 * must make TU_PASS print the call as written, its code and the context's
 * message, and fail the test. The program runs one test whose TU_PASS
 * fails on purpose; ctest passes it only when the output carries all
 * three (the exit status, a failure, is not what is checked). */
#include "testutil.h"

static void failing_call_is_explained(void **state)
{
    tu_fixture *f = *state;
    TU_PASS(f->ctx, ccad_rules_set(f->r, "no.such_parameter", 1));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(failing_call_is_explained, tu_fixture_setup,
                                        tu_fixture_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
