/* The rules tests' fixture (tests/test_rules_*.c): tu_fixture with a copy
 * of the rules taken before a failing call, and readers. */
#ifndef CCAD_RULES_ENV_H
#define CCAD_RULES_ENV_H

#include "testutil.h"

/* The largest money amount a parameter takes. */
#define MONEY_MAX INT64_C(1000000000000000)

typedef struct fixture {
    tu_fixture fx;     /* counting allocator, context, rules (and an unused book) */
    ccad_rules *saved; /* copy taken before a failing call */
} fixture;

/* cmocka setup / teardown of a fixture (the teardown fails on a leak). */
int rules_setup(void **state);
int rules_teardown(void **state);
#define RULES_TEST(fn) cmocka_unit_test_setup_teardown(fn, rules_setup, rules_teardown)

/* Takes f->saved, a copy of the rules, before a call that must fail. */
void save(fixture *f);

/* The value of parameter `name` (fails the test on an error). */
int64_t get(const ccad_rules *r, const char *name);

#endif
