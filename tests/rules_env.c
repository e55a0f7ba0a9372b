/* Helpers of tests/rules_env.h. */
#include "rules_env.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int rules_setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    ccad_host h;
    if (f == NULL)
        return -1;
    h = tu_host(&f->fx.al);
    if (tu_fixture_open(&f->fx, &h) != 0)
        return -1;
    *state = f;
    return 0;
}

int rules_teardown(void **state)
{
    fixture *f = *state;
    int rc;
    ccad_rules_free(f->saved);
    rc = tu_fixture_close(&f->fx);
    free(f);
    return rc;
}

void save(fixture *f)
{
    ccad_rules_free(f->saved);
    f->saved = NULL;
    TU_PASS(f->fx.ctx, ccad_rules_copy(&f->saved, f->fx.ctx, f->fx.r));
    assert_true(ccad_rules_equal(f->saved, f->fx.r));
}

int64_t get(const ccad_rules *r, const char *name)
{
    int64_t v = INT64_MIN;
    TU_PASS(ccad_rules_ctx(r), ccad_rules_get(r, name, &v));
    return v;
}
