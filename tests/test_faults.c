/* Fault census: every public entry point that can allocate or call the host,
 * run (a) with allocation N failing and (b) with host callback call N
 * failing (clock, calendar, travel, storage: one counter over all of them),
 * for N = 1, 2, ... until the call succeeds, in two modes: only the Nth call
 * fails, or the Nth and every later call fail (the way SQLite and curl test).
 *
 * Each round starts from a freshly built world (context, two rule sets, a
 * graded book of 64 customers whose arrays are exactly full, a fake
 * transactional store). A failing round must
 *   - return CCAD_ENOMEM (allocation rounds) or CCAD_ECALLBACK (callback
 *     rounds), recorded on the context with a message,
 *   - hit the injected failure and leave the allocator's live count where it
 *     was before the call (nothing leaked),
 *   - leave outputs as documented (constructors: NULL; others untouched),
 *   - leave every handle unchanged: the book customer by customer and field
 *     by field, every customer's full assessment, both rule sets, and the
 *     store (when its rollback worked),
 *   - leave every handle usable: the same call, repeated without faults,
 *     succeeds with the reference result.
 * The round with N one past the calls the entry point makes must succeed,
 * hit no failure and give the reference result of a fault-free dry run; and
 * every N up to that count must fail (no allocation or callback result is
 * ignored). A round counts when it completed; the census prints one line per
 * case and the totals. */
#include "faults.h"
#include "faults_cases.h"
#include "plan_env.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The tables of cases (faults_cases.h), in the order the census runs them. */
static const fcase_table *const census_tables[] = {&faults_cases_book, &faults_cases_plan,
                                                   &faults_cases_route, &faults_cases_store,
                                                   &faults_cases_team};
#define MAX_CASES 128

static const fcase *cases[MAX_CASES];
static size_t ncases;
static long total_rounds;
static long case_alloc_rounds[MAX_CASES], case_cb_rounds[MAX_CASES];
static long case_allocs[MAX_CASES], case_cbs[MAX_CASES];

/* Every table's cases into cases[], one after the other. */
static void collect_cases(void)
{
    size_t t, i;
    ncases = 0;
    for (t = 0; t < sizeof census_tables / sizeof census_tables[0]; t++)
        for (i = 0; i < census_tables[t]->count; i++) {
            assert_true(ncases < MAX_CASES);
            cases[ncases++] = &census_tables[t]->cases[i];
        }
}

enum { KIND_ALLOC = 0, KIND_CALLBACK = 1 };

static void arm(world *w, int kind, long n, int after)
{
    tu_fail_at(&w->al, kind == KIND_ALLOC ? n : 0, after);
    w->al.failures = 0;
    cb_arm(&w->cb, kind == KIND_CALLBACK ? n : 0, after);
}

/* CCAD_TEST_LIGHT (tests/valgrind.sh sets it): past its first 64 rounds a
 * census runs only every 16th, and always the last, under memcheck (the
 * host-travel cases fail one leg query after another, some 1,700 rounds of a
 * whole routed plan each); the plain and sanitizer runs fail every call. */
static int light_skips(long n, long count)
{
    return n > 64 && n < count && n % 16 != 0 && getenv("CCAD_TEST_LIGHT") != NULL;
}

/* One case, one kind of fault, both modes. Returns the rounds run. */
static long census(size_t ci, int kind)
{
    const fcase *fc = cases[ci];
    world w;
    uint64_t ref = 0;
    long count, rounds = 0;
    int mode;
    /* the dry run: the reference result and the number of calls */
    world_open(&w, fc->flags);
    arm(&w, kind, 0, 0);
    assert_int_equal(fc->run(&w, &ref), CCAD_OK);
    count = kind == KIND_ALLOC ? w.allocs_made : w.cbs_made;
    world_close(&w, fc->name);
    if (kind == KIND_ALLOC)
        case_allocs[ci] = count;
    else
        case_cbs[ci] = count;
    for (mode = 0; mode < 2; mode++) {
        long n;
        for (n = 1;; n++) {
            uint64_t got = 0;
            long live, injected;
            int rc;
            if (n >= ROUND_LIMIT)
                fail_msg("%s: no success after %ld rounds", fc->name, n);
            if (light_skips(n, count))
                continue;
            world_open(&w, fc->flags);
            live = w.al.live;
            tu_mark(w.ctx);
            arm(&w, kind, n, mode);
            rc = fc->run(&w, &got);
            injected = w.injected;
            rounds++;
            total_rounds++;
            if (rc == CCAD_OK) {
                if (injected != 0 || n != count + 1)
                    fail_msg("%s (%s, mode %d): round %ld succeeded with %ld failure(s) "
                             "injected; the dry run made %ld calls",
                             fc->name, kind == KIND_ALLOC ? "alloc" : "callback", mode, n, injected,
                             count);
                if (got != ref)
                    fail_msg("%s: round %ld: result differs from the reference", fc->name, n);
                world_close(&w, fc->name);
                break;
            }
            if (rc != (kind == KIND_ALLOC ? CCAD_ENOMEM : CCAD_ECALLBACK))
                fail_msg("%s (%s, mode %d): round %ld returned %d (%s)", fc->name,
                         kind == KIND_ALLOC ? "alloc" : "callback", mode, n, rc, ccad_strerror(rc));
            assert_true(injected > 0);
            assert_true(n <= count);
            if (w.al.live != live) {
                print_message("faults: %s: round %ld (mode %d): %ld block(s) leaked\n", fc->name, n,
                              mode, w.al.live - live);
                leaks++;
            }
            if (strcmp(fc->entry, "ccad_ctx_new") != 0) {
                assert_int_equal(w.errcode, rc);
                assert_true(w.errmsg[0] != '\0');
                assert_string_not_equal(w.errmsg, "ccad_ctx_day_flags: out_flags is NULL");
            }
            world_check(&w);
            if (!(mode == 1 && w.cb.rollbacks_failed > 0))
                fs_equal(&w.cur, &w.initial);
            else if (w.cur.n != w.initial.n || w.cur.nlog != w.initial.nlog)
                w.cur = w.initial; /* the host's own failed rollback left writes */
            /* still usable: the same call without faults gives the reference */
            w.cur = w.initial;
            got = 0;
            assert_int_equal(fc->run(&w, &got), CCAD_OK);
            if (got != ref)
                fail_msg("%s: the call after failing round %ld differs from the reference",
                         fc->name, n);
            world_close(&w, fc->name);
        }
    }
    return rounds;
}

static void census_all(void **state)
{
    size_t ci;
    const char *prev = "";
    long entries = 0;
    (void)state;
    collect_cases();
    for (ci = 0; ci < ncases; ci++) {
        case_alloc_rounds[ci] = census(ci, KIND_ALLOC);
        case_cb_rounds[ci] = census(ci, KIND_CALLBACK);
        print_message("faults entry=%s alloc_rounds=%ld callback_rounds=%ld (allocations %ld, "
                      "host calls %ld)\n",
                      cases[ci]->name, case_alloc_rounds[ci], case_cb_rounds[ci], case_allocs[ci],
                      case_cbs[ci]);
    }
    /* distinct public functions (cases are grouped by function) */
    for (ci = 0; ci < ncases; ci++) {
        if (strcmp(cases[ci]->entry, prev) != 0)
            entries++;
        prev = cases[ci]->entry;
    }
    print_message("faults cases=%lu (configurations of the entry points)\n", (unsigned long)ncases);
    print_message("faults total entry_points=%ld rounds=%ld leaks=%ld crashes=0\n", entries,
                  total_rounds, leaks);
    assert_int_equal(leaks, 0);
    assert_int_equal(entries, 29); /* every public function that allocates or calls the host */
}

static int report(void **state)
{
    (void)state;
    print_message("alloc-failure rounds: %ld\n", faults_alloc_rounds());
    print_message("plan alloc-failure rounds: %ld\n", faults_plan_rounds());
    faults_store_report();
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(census_all),
        /* loops with checks of their own (faults.h) */
        cmocka_unit_test(faults_alloc_ctx_new),
        cmocka_unit_test(faults_alloc_handles),
        cmocka_unit_test(faults_alloc_book_add),
        cmocka_unit_test(faults_alloc_book_grade),
        cmocka_unit_test(faults_alloc_whole_session),
        PLAN_TEST(faults_plan_schedule_new),
        PLAN_TEST(faults_plan_choose_working),
        PLAN_TEST(faults_plan_calendar),
        PLAN_TEST(faults_plan_route_host),
        PLAN_TEST(faults_plan_route_assign),
        cmocka_unit_test_setup_teardown(faults_plan_out_of_memory_named, tu_fixture_setup,
                                        tu_fixture_teardown),
        cmocka_unit_test_setup_teardown(faults_wide_position_add, tu_fixture_setup,
                                        tu_fixture_teardown),
        cmocka_unit_test_setup_teardown(faults_wide_record, tu_fixture_setup, tu_fixture_teardown),
        cmocka_unit_test(faults_side_table_edits),
        cmocka_unit_test_setup_teardown(faults_snapshot_from_alloc, tu_fixture_setup,
                                        tu_fixture_teardown),
        cmocka_unit_test(faults_team_transfer),
        cmocka_unit_test(faults_route_solve),
        cmocka_unit_test(faults_route_exact_kernels),
        cmocka_unit_test(faults_route_host_travel),
        cmocka_unit_test(faults_route_solve_tw),
        cmocka_unit_test(faults_route_tw_exact_paths),
        cmocka_unit_test(faults_reentry_schedule),
        cmocka_unit_test(faults_store_record),
        cmocka_unit_test(faults_store_save_book),
        cmocka_unit_test(faults_store_load_book),
        cmocka_unit_test(faults_store_load_customer),
        cmocka_unit_test(faults_store_load_book_alloc),
        cmocka_unit_test(faults_store_load_customer_alloc),
    };
    return cmocka_run_group_tests(tests, NULL, report);
}
