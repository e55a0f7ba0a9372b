/* Threads: several threads, each with its own context and book (a few
 * hundred generated customers), share ONE read-only rules object. Each
 * grades its book, assesses every customer many times (ccad_book_assess and
 * ccad_book_assess_range), plans a routed schedule, chooses a working
 * platform and solves routes; every result must equal a single-threaded
 * reference computed first. tests/run.sh also runs this program built with
 * -fsanitize=thread, which must report no data race.
 * cmocka is used from the main thread only. */
#define _POSIX_C_SOURCE 200809L
#include "testutil.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define THREADS 4
#define CUSTOMERS 300
#define ASSESS_PASSES 40
#define ROUTE_POINTS 80

typedef struct job {
    const ccad_rules *rules; /* shared, read-only */
    unsigned seed;
    int32_t today;
    uint64_t digest; /* result */
    int rc;          /* first failing status, or CCAD_OK */
    char where[96];  /* which step failed */
} job;

static uint64_t mix(uint64_t h, uint64_t v)
{
    int k;
    for (k = 0; k < 8; k++) {
        h ^= (v >> (8 * k)) & 0xffu;
        h *= UINT64_C(1099511628211);
    }
    return h;
}

#define STEP(call, what) \
    do { \
        int rc_ = (call); \
        if (rc_ != CCAD_OK) { \
            j->rc = rc_; \
            snprintf(j->where, sizeof j->where, "%s", (what)); \
            goto out; \
        } \
    } while (0)

/* The next value of the shared generator (tu_rng.h), cut to 32 bits. */
static uint32_t rnd(uint64_t *s) { return (uint32_t)tu_rng_next(s); }

static void fill_book(ccad_book *b, unsigned seed, int32_t today, int *rc)
{
    uint64_t s = tu_rng_seed(seed);
    int i;
    *rc = CCAD_OK;
    for (i = 0; i < CUSTOMERS && *rc == CCAD_OK; i++) {
        char id[32];
        ccad_customer c = CCAD_CUSTOMER_INIT;
        snprintf(id, sizeof id, "t%u-c%04d", seed, i);
        c.id = id;
        c.value = (int64_t)(rnd(&s) % 5000000);
        c.status = (int)(1 + rnd(&s) % 5);
        c.last_contact = rnd(&s) % 8 == 0 ? CCAD_NO_DATE : today - (int32_t)(rnd(&s) % 90);
        c.contacts = c.last_contact == CCAD_NO_DATE ? 0 : 1 + rnd(&s) % 12;
        c.no_progress = rnd(&s) % 5;
        c.monthly_volume = rnd(&s) % 3 == 0 ? -1 : (int64_t)(rnd(&s) % 9000000);
        c.margin_bp = rnd(&s) % 4 == 0 ? -1 : (int32_t)(rnd(&s) % 10001);
        c.capable = (int)(rnd(&s) % 2);
        if (rnd(&s) % 4 == 0)
            c.purchase_date = today + (int32_t)(rnd(&s) % 30);
        if (rnd(&s) % 10 == 0) {
            c.complaint = CCAD_COMPLAINT_OPEN;
            c.complaint_date = today - (int32_t)(rnd(&s) % 5);
        }
        if (rnd(&s) % 12 == 0)
            c.request_date = today + (int32_t)(rnd(&s) % 6);
        if (c.last_contact != CCAD_NO_DATE && rnd(&s) % 3 == 0)
            c.next_step_date = c.last_contact + (int32_t)(rnd(&s) % 40);
        if (rnd(&s) % 9 == 0)
            c.grade = (int)(1 + rnd(&s) % 3);
        c.has_location = 1;
        c.x = (double)(rnd(&s) % 10000) / 100.0;
        c.y = (double)(rnd(&s) % 10000) / 100.0;
        c.owned_since = today - (int32_t)(rnd(&s) % 400);
        *rc = ccad_book_add(b, &c, NULL);
    }
}

/* The whole workload of one thread; the same code computes the reference. */
static void *work(void *arg)
{
    job *j = arg;
    ccad_ctx *ctx = NULL;
    ccad_book *b = NULL;
    ccad_schedule *s = NULL;
    uint64_t h = UINT64_C(1469598103934665603);
    int pass, rc;
    size_t i, n;
    j->rc = CCAD_OK;
    j->where[0] = '\0';
    STEP(ccad_ctx_new(&ctx, NULL), "ctx_new");
    STEP(ccad_book_new(&b, ctx, 0), "book_new");
    fill_book(b, j->seed, j->today, &rc);
    STEP(rc, "book_add");
    STEP(ccad_book_grade(b, j->rules), "book_grade");
    n = ccad_book_count(b);
    for (pass = 0; pass < ASSESS_PASSES; pass++) {
        int32_t day = j->today + pass * 5;
        ccad_brief br[CUSTOMERS];
        for (i = 0; i < n; i++) {
            ccad_assessment a;
            uint32_t k;
            memset(&a, 0, sizeof a);
            a.size = (uint32_t)sizeof a;
            STEP(ccad_book_assess(b, j->rules, i, day, &a), "book_assess");
            h = mix(h, (uint64_t)a.due_date);
            h = mix(h, a.flags);
            h = mix(h, (uint64_t)a.grade);
            h = mix(h, (uint64_t)a.quadrant);
            h = mix(h, (uint64_t)a.escalation);
            for (k = 0; k < a.reason_count; k++) {
                h = mix(h, (uint64_t)a.reasons[k].why);
                h = mix(h, (uint64_t)a.reasons[k].a);
                h = mix(h, (uint64_t)a.reasons[k].b);
                h = mix(h, (uint64_t)a.reasons[k].c);
            }
        }
        STEP(ccad_book_assess_range(b, j->rules, 0, n, day, br, sizeof br[0]), "book_assess_range");
        for (i = 0; i < n; i++) {
            h = mix(h, (uint64_t)br[i].due_date);
            h = mix(h, (uint64_t)br[i].days_overdue);
            h = mix(h, br[i].flags);
            h = mix(h, br[i].grade);
        }
    }
    {
        ccad_workload wl = CCAD_WORKLOAD_INIT;
        ccad_platform pl = CCAD_PLATFORM_INIT;
        uint8_t choice[CUSTOMERS];
        STEP(ccad_book_workload(b, j->rules, j->today, &wl), "book_workload");
        h = mix(h, (uint64_t)wl.visits);
        h = mix(h, (uint64_t)wl.stretch_x100);
        STEP(ccad_book_platform(b, j->rules, &pl), "book_platform");
        h = mix(h, (uint64_t)pl.working[0]);
        STEP(ccad_book_choose_working(b, j->rules, choice, n), "choose_working");
        for (i = 0; i < n; i++)
            h = mix(h, choice[i]);
    }
    {
        ccad_plan_options o = CCAD_PLAN_OPTIONS_INIT;
        o.first_day = j->today;
        o.days = 21;
        o.visits_per_day = 6;
        o.route = 1;
        o.assign_days = 1;
        o.base_x = 50.0;
        o.base_y = 50.0;
        o.effort = 10;
        STEP(ccad_schedule_new(&s, b, j->rules, &o), "schedule_new");
        for (i = 0; i < ccad_schedule_item_count(s); i++) {
            ccad_item it = CCAD_ITEM_INIT;
            STEP(ccad_schedule_item(s, i, &it), "schedule_item");
            h = mix(h, (uint64_t)it.date);
            h = mix(h, it.customer);
            h = mix(h, (uint64_t)it.kind);
            h = mix(h, (uint64_t)it.seq);
            h = mix(h, (uint64_t)it.eta_min);
        }
        h = mix(h, ccad_schedule_finding_count(s));
    }
    {
        double x[ROUTE_POINTS], y[ROUTE_POINTS];
        uint32_t order[ROUTE_POINTS];
        ccad_route_options ro = CCAD_ROUTE_OPTIONS_INIT;
        int64_t cost = 0;
        uint64_t st = tu_rng_seed(j->seed + 7u);
        size_t k;
        for (k = 0; k < ROUTE_POINTS; k++) {
            x[k] = (double)(rnd(&st) % 100000) / 100.0;
            y[k] = (double)(rnd(&st) % 100000) / 100.0;
        }
        ro.seed = j->seed;
        STEP(ccad_route_solve(ctx, x, y, ROUTE_POINTS, &ro, order, &cost), "route_solve");
        h = mix(h, (uint64_t)cost);
        for (k = 0; k < ROUTE_POINTS; k++)
            h = mix(h, order[k]);
        ro.metric = CCAD_METRIC_GEO;
        for (k = 0; k < 12; k++) {
            x[k] = x[k] / 10.0 - 50.0;
            y[k] = y[k] / 20.0 - 25.0;
        }
        STEP(ccad_route_solve(ctx, x, y, 12, &ro, order, &cost), "route_solve exact geo");
        h = mix(h, (uint64_t)cost);
    }
    /* the shared rules are readable too */
    {
        int64_t v = 0;
        size_t len = 0;
        STEP(ccad_rules_get(j->rules, "gap.max_days", &v), "rules_get");
        h = mix(h, (uint64_t)v);
        rc = ccad_rules_serialize(j->rules, NULL, 0, &len);
        if (rc != CCAD_ENOSPC)
            STEP(rc == CCAD_OK ? CCAD_EINVAL : rc, "rules_serialize");
        h = mix(h, len);
    }
out:
    j->digest = h;
    ccad_schedule_free(s);
    ccad_book_free(b);
    ccad_ctx_free(ctx);
    return NULL;
}

static void shared_rules(void **state)
{
    ccad_ctx *ctx = NULL;
    ccad_rules *r = NULL;
    job ref[THREADS], run[THREADS];
    pthread_t th[THREADS];
    int t, round;
    (void)state;
    TU_PASS(ctx, ccad_ctx_new(&ctx, NULL));
    TU_PASS(ctx, ccad_rules_new(&r, ctx));
    TU_PASS(ctx, ccad_rules_set(r, "gap.max_days", 20));
    TU_PASS(ctx, ccad_rules_set_text(r, "gap.grades", "AB"));
    /* single-threaded reference, one per seed */
    for (t = 0; t < THREADS; t++) {
        ref[t].rules = r;
        ref[t].seed = (unsigned)(t + 1) * 17u;
        ref[t].today = tu_date("2026-11-23") + t;
        work(&ref[t]);
        if (ref[t].rc != CCAD_OK)
            fail_msg("reference %d: %s failed with %d", t, ref[t].where, ref[t].rc);
    }
    for (t = 1; t < THREADS; t++)
        assert_true(ref[t].digest != ref[0].digest); /* the books differ */
    /* the same work in parallel, twice: every thread against the one rules
     * object (in the second round, two threads share each seed) */
    for (round = 0; round < 2; round++) {
        for (t = 0; t < THREADS; t++) {
            run[t] = ref[round == 0 ? t : t / 2];
            run[t].digest = 0;
            assert_int_equal(pthread_create(&th[t], NULL, work, &run[t]), 0);
        }
        for (t = 0; t < THREADS; t++)
            assert_int_equal(pthread_join(th[t], NULL), 0);
        for (t = 0; t < THREADS; t++) {
            const job *want = &ref[round == 0 ? t : t / 2];
            if (run[t].rc != CCAD_OK)
                fail_msg("thread %d: %s failed with %d", t, run[t].where, run[t].rc);
            if (run[t].digest != want->digest)
                fail_msg("thread %d (round %d): result differs from the single-threaded reference",
                         t, round);
        }
    }
    /* the rules object was only read */
    {
        ccad_rules *d = NULL;
        int64_t v = 0;
        TU_PASS(ctx, ccad_rules_new(&d, ctx));
        TU_PASS(ctx, ccad_rules_set(d, "gap.max_days", 20));
        TU_PASS(ctx, ccad_rules_set_text(d, "gap.grades", "AB"));
        assert_true(ccad_rules_equal(d, r));
        TU_PASS(ctx, ccad_rules_get(r, "gap.max_days", &v));
        assert_int_equal(v, 20);
        ccad_rules_free(d);
    }
    print_message("threads=%d customers=%d assess_passes=%d: results equal the reference\n",
                  THREADS, CUSTOMERS, ASSESS_PASSES);
    ccad_rules_free(r);
    ccad_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(shared_rules),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
