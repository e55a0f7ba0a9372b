/* The assessment tests' helpers (tests/test_assess_*.c), on the shared
 * tu_fixture: customers, adding and assessing them, reading reasons. */
#ifndef CCAD_ASSESS_ENV_H
#define CCAD_ASSESS_ENV_H

#include "testutil.h"

#define TODAY 20780 /* "today" of most tests: Monday 2026-11-23 */

/* Asserts the assessment has reason `code` with figures A, B, C. */
#define EXPECT_WHY(asm_, code, A, B, C) \
    do { \
        const ccad_reason *r_ = why(&(asm_), code); \
        if (r_ == NULL) \
            fail_msg("reason %s missing", ccad_why_name(code)); \
        assert_true(r_->a == (int64_t)(A)); \
        assert_true(r_->b == (int64_t)(B)); \
        assert_true(r_->c == (int64_t)(C)); \
    } while (0)

/* Asserts the assessment has no reason `code`. */
#define NO_WHY(a, code) assert_null(why(&(a), code))

/* An active customer with a hand-set grade, enough contacts for PATIENCE,
 * a recorded latest contact and no next step. */
ccad_customer cust(const char *id, int grade, int32_t last);

/* Adds c to the book (fails the test on an error); its index. */
size_t add(tu_fixture *f, const ccad_customer *c);

/* Assessment of customer i on `today` (fails the test on an error). */
ccad_assessment assess(tu_fixture *f, size_t i, int32_t today);

/* Adds c and assesses it on TODAY. */
ccad_assessment add_assess(tu_fixture *f, const ccad_customer *c);

/* The reason with code `code` of an assessment, or NULL. */
const ccad_reason *why(const ccad_assessment *a, int code);

/* Sets a rule parameter (fails the test on an error). */
void set(tu_fixture *f, const char *name, int64_t v);

/* The rule (ccad_rule) a reason code (ccad_why) belongs to; 0 if none. */
int expected_rule(int w);

#endif
