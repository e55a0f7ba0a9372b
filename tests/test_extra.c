/* The side table of 1.1 extras (lib/book_extra.c, lib/brief_extra.c): a
 * customer whose fields fit its 64-byte record but whose position or visit
 * summary is set keeps the record plus a side-table entry instead of going
 * wide. Over generated customers and edits (positions and summaries added
 * and taken away, contacts that make summaries, customers going wide,
 * removals and transfers that move entries), a book with the side table
 * must answer exactly as a twin book where every customer is stored wide:
 * the same customers back, the same briefs from ccad_book_assess_range,
 * and both the same as ccad_book_assess, the same week planned; its
 * snapshot reads back into the same bytes. A failed edit (the allocator failing) changes nothing, and
 * the side table costs far less memory than the wide table. */
#include "testutil.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define D0 20514 /* 2026-03-02, a Monday */
#define NCUST 240
#define WIDE_MISSING 70000u /* missing records past 8 bits: the twin's customers go wide */

static int32_t maybe_date(uint64_t *s, int pct, int32_t lo, int32_t hi)
{
    return tu_rng_pick(s, 0, 99) < pct ? (int32_t)tu_rng_pick(s, lo, hi) : CCAD_NO_DATE;
}

/* A position for some customers (share, rank or both), on the grid of
 * the thresholds so that ties happen. */
static void random_position(uint64_t *s, ccad_customer *c)
{
    int k = (int)tu_rng_pick(s, 0, 3);
    c->share_pct = (k & 1) ? (int64_t)tu_rng_pick(s, 0, 20) * 5 : CCAD_SHARE_UNKNOWN;
    c->supplier_rank = (k & 2) ? (uint32_t)(tu_rng_pick(s, 0, 9) == 0 ? tu_rng_pick(s, 1000, 5000)
                                                                      : tu_rng_pick(s, 1, 25))
                               : CCAD_RANK_UNKNOWN;
}

/* A visit summary away from its defaults for some customers: PATIENCE's
 * run, STALL's purposes, FOLLOWUP's record parts and entry day, PERSIST. */
static void random_summary(uint64_t *s, ccad_customer *c)
{
    if (tu_rng_pick(s, 0, 1)) {
        c->prospect_run = (int32_t)tu_rng_pick(s, 0, 8);
        c->prospect_gap = tu_rng_pick(s, 0, 2) == 0 ? -1 : (int32_t)tu_rng_pick(s, 0, 60);
        c->prospect_tail = (int32_t)tu_rng_pick(s, 0, c->prospect_run);
    }
    if (tu_rng_pick(s, 0, 2) == 0)
        c->last_purposes = (uint32_t)tu_rng_pick(s, 1, 31) & ~(uint32_t)CCAD_PURPOSE_NONE;
    if (tu_rng_pick(s, 0, 2) == 0)
        c->last_parts = (uint32_t)tu_rng_pick(s, 0, CCAD_RECORD_ALL);
    if (c->last_contact != CCAD_NO_DATE && tu_rng_pick(s, 0, 2) == 0)
        c->last_entered = c->last_contact + (int32_t)tu_rng_pick(s, 0, 4);
    if (tu_rng_pick(s, 0, 4) == 0)
        c->owner_sales[0] = D0 - (int32_t)tu_rng_pick(s, 0, 90);
}

static ccad_customer random_customer(uint64_t *s, const char *id)
{
    ccad_customer c = CCAD_CUSTOMER_INIT;
    c.id = id;
    c.value = tu_rng_pick(s, 0, 5000000);
    c.grade = tu_rng_pick(s, 0, 99) < 15 ? (int)tu_rng_pick(s, CCAD_GRADE_A, CCAD_GRADE_D)
                                         : CCAD_GRADE_NONE;
    c.status = (int)tu_rng_pick(s, CCAD_STATUS_PROSPECT, CCAD_STATUS_ELIMINATED);
    c.purchase_date = maybe_date(s, 30, D0 - 20, D0 + 30);
    c.monthly_volume = tu_rng_pick(s, 0, 99) < 30 ? -1 : tu_rng_pick(s, 0, 16) * 500000;
    c.margin_bp = tu_rng_pick(s, 0, 99) < 30 ? -1 : (int32_t)tu_rng_pick(s, 0, 20) * 500;
    c.last_contact = maybe_date(s, 80, D0 - 90, D0 + 5);
    if (c.last_contact != CCAD_NO_DATE) {
        c.last_visit = maybe_date(s, 70, c.last_contact - 30, c.last_contact);
        c.next_step_date = maybe_date(s, 40, c.last_contact, c.last_contact + 40);
        c.contacts = (uint32_t)tu_rng_pick(s, 0, 12);
        c.last_gap_days = tu_rng_pick(s, 0, 9) == 0 ? -1 : (int32_t)tu_rng_pick(s, 0, 60);
        c.last_recorded = (int)tu_rng_pick(s, 0, 1);
    }
    c.no_progress = (uint32_t)tu_rng_pick(s, 0, 5);
    if (tu_rng_pick(s, 0, 9) < 2) {
        c.complaint = (int)tu_rng_pick(s, CCAD_COMPLAINT_OPEN, CCAD_COMPLAINT_RESOLVED);
        c.complaint_date = (int32_t)tu_rng_pick(s, D0 - 40, D0 + 3);
    }
    c.request_date = maybe_date(s, 10, D0 - 10, D0 + 20);
    if (tu_rng_pick(s, 0, 99) < 50)
        random_position(s, &c);
    if (tu_rng_pick(s, 0, 99) < 50)
        random_summary(s, &c);
    return c;
}

/* The rules the extras decide by, moved around their defaults, and a few
 * that every brief reads. */
static void random_rules(uint64_t *s, ccad_rules *r)
{
    static const struct {
        const char *name;
        int64_t lo, hi;
    } p[] = {
        {"triage.by_position", 0, 1},
        {"triage.share_self_pct", 20, 60},
        {"triage.share_push_pct", 5, 20},
        {"triage.share_unmovable_pct", 0, 5},
        {"triage.rank_self", 1, 3},
        {"triage.rank_push", 3, 8},
        {"triage.rank_unmovable", 8, 20},
        {"triage.band", 0, 1},
        {"triage.margin_lift_bp", 0, 5000},
        {"patience.consecutive", 0, 1},
        {"patience.break_pct", 50, 300},
        {"patience.min_contacts", 0, 6},
        {"patience.prospects_only", 0, 1},
        {"followup.record_parts", 0, 1},
        {"followup.entry_days", 0, 3},
        {"gap.grades", 0, 15},
        {"gap.by_cycle", 0, 1},
        {"clock.any_contact", 0, 1},
        {"freq.let_go_factor", 1, 4},
        {"stall.after", 0, 4},
    };
    size_t i;
    int pass;
    for (pass = 0; pass < 2; pass++) /* a value refused by an ordering is left out */
        for (i = 0; i < sizeof p / sizeof p[0]; i++)
            if (tu_rng_pick(s, 0, 2) != 0)
                (void)ccad_rules_set(r, p[i].name,
                                     (int64_t)tu_rng_pick(s, 0, 1000000) % (p[i].hi - p[i].lo + 1) +
                                         p[i].lo);
}

/* The side-table book and its wide twin. */
struct twins {
    ccad_book *side, *wide;
};

static void twin_add(struct twins *t, const ccad_customer *c)
{
    ccad_customer w = *c;
    w.missing_records = WIDE_MISSING;
    TU_PASS(ccad_book_ctx(t->side), ccad_book_add(t->side, c, NULL));
    TU_PASS(ccad_book_ctx(t->wide), ccad_book_add(t->wide, &w, NULL));
}

static void twin_update(struct twins *t, size_t i, const ccad_customer *c)
{
    ccad_customer w = *c;
    w.missing_records = WIDE_MISSING;
    TU_PASS(ccad_book_ctx(t->side), ccad_book_update(t->side, i, c));
    TU_PASS(ccad_book_ctx(t->wide), ccad_book_update(t->wide, i, &w));
}

/* A contact that tells what it held, so that it makes or changes a visit
 * summary (a prospect's run, purposes, parts, the entry day, a sale with
 * the owner). */
static ccad_contact random_contact(uint64_t *s, const ccad_customer *c)
{
    ccad_contact e = CCAD_CONTACT_INIT;
    int32_t from = c->last_contact != CCAD_NO_DATE ? c->last_contact : D0 - 60;
    e.date = from + (int32_t)tu_rng_pick(s, 0, 30);
    e.outcome = (int)tu_rng_pick(s, 0, 1) ? CCAD_OUTCOME_NO_PROGRESS : CCAD_OUTCOME_PROGRESS;
    e.recorded = (int)tu_rng_pick(s, 0, 1);
    e.purposes = tu_rng_pick(s, 0, 1) ? (uint32_t)tu_rng_pick(s, 2, 30) & ~1u : 0u;
    e.record_parts = (uint32_t)tu_rng_pick(s, 0, CCAD_RECORD_ALL);
    e.entered = tu_rng_pick(s, 0, 1) ? e.date + (int32_t)tu_rng_pick(s, 0, 3) : CCAD_NO_DATE;
    e.activity = (int)tu_rng_pick(s, CCAD_ACTIVITY_NONE, CCAD_ACTIVITY_SALE);
    e.owner_present = (int)tu_rng_pick(s, 0, 1);
    return e;
}

/* One random edit, the same on both books: a position or summary added or
 * taken away, a contact recorded, a count past 16 bits (the customer goes
 * wide on both), a removal, or a transfer to `other` and back. */
static void twin_edit(uint64_t *s, struct twins *t, struct twins *other)
{
    size_t n = ccad_book_count(t->side), i = (size_t)tu_rng_pick(s, 0, (int64_t)n - 1), at;
    ccad_customer c = CCAD_CUSTOMER_INIT;
    int what = (int)tu_rng_pick(s, 0, 9);
    TU_PASS(ccad_book_ctx(t->side), ccad_book_get(t->side, i, &c));
    if (what <= 1) {
        random_position(s, &c);
        twin_update(t, i, &c);
    } else if (what == 2) {
        ccad_customer plain = CCAD_CUSTOMER_INIT; /* the 1.1 members back at their defaults */
        size_t from = offsetof(ccad_customer, share_pct);
        memcpy((char *)&c + from, (const char *)&plain + from, sizeof c - from);
        twin_update(t, i, &c);
    } else if (what == 3) {
        random_summary(s, &c);
        twin_update(t, i, &c);
    } else if (what <= 5) {
        ccad_contact e = random_contact(s, &c);
        TU_PASS(ccad_book_ctx(t->side), ccad_book_record(t->side, i, &e));
        TU_PASS(ccad_book_ctx(t->wide), ccad_book_record(t->wide, i, &e));
    } else if (what == 6) {
        c.contacts = 70000;
        twin_update(t, i, &c);
    } else if (what == 7 && n > NCUST / 2) {
        TU_PASS(ccad_book_ctx(t->side), ccad_book_remove(t->side, i));
        TU_PASS(ccad_book_ctx(t->wide), ccad_book_remove(t->wide, i));
    } else if (what >= 8 && n > NCUST / 2) {
        TU_PASS(ccad_book_ctx(t->side), ccad_book_transfer(t->side, i, other->side, &at));
        TU_PASS(ccad_book_ctx(t->wide), ccad_book_transfer(t->wide, i, other->wide, NULL));
        if (what == 9) { /* and back, to the end of the book */
            TU_PASS(ccad_book_ctx(other->side), ccad_book_transfer(other->side, at, t->side, NULL));
            TU_PASS(ccad_book_ctx(other->wide), ccad_book_transfer(other->wide, at, t->wide, NULL));
        }
    }
}

/* Every customer of the twins is the same (the twin's missing records
 * aside), and so is every brief, which equals the single assessment. */
static void twins_agree(const struct twins *t, ccad_rules *r, int32_t day, long *checked)
{
    size_t n = ccad_book_count(t->side), i;
    ccad_brief *a = calloc(n + 1, sizeof *a), *b = calloc(n + 1, sizeof *b);
    assert_non_null(a);
    assert_non_null(b);
    assert_int_equal(ccad_book_count(t->wide), n);
    TU_PASS(ccad_book_ctx(t->side), ccad_book_grade(t->side, r));
    TU_PASS(ccad_book_ctx(t->wide), ccad_book_grade(t->wide, r));
    TU_PASS(ccad_book_ctx(t->side), ccad_book_assess_range(t->side, r, 0, n, day, a, sizeof *a));
    TU_PASS(ccad_book_ctx(t->wide), ccad_book_assess_range(t->wide, r, 0, n, day, b, sizeof *b));
    for (i = 0; i < n; i++) {
        ccad_customer x = CCAD_CUSTOMER_INIT, y = CCAD_CUSTOMER_INIT;
        ccad_assessment as = CCAD_ASSESSMENT_INIT;
        TU_PASS(ccad_book_ctx(t->side), ccad_book_get(t->side, i, &x));
        TU_PASS(ccad_book_ctx(t->wide), ccad_book_get(t->wide, i, &y));
        y.missing_records = x.missing_records;
        tu_customer_equal(&x, &y);
        TU_PASS(ccad_book_ctx(t->side), ccad_book_assess(t->side, r, i, day, &as));
        if (memcmp(&a[i], &b[i], sizeof a[i]) != 0 || a[i].due_date != as.due_date ||
            a[i].days_overdue != as.days_overdue || a[i].flags != as.flags ||
            a[i].grade != as.grade || a[i].urgency != as.urgency || a[i].quadrant != as.quadrant ||
            a[i].escalation != as.escalation)
            fail_msg("customer %lu (%s) day %ld: side-table brief due %ld flags %#lx u%d q%d "
                     "e%d; wide brief due %ld flags %#lx; assessment due %ld flags %#lx",
                     (unsigned long)i, x.id, (long)day, (long)a[i].due_date,
                     (unsigned long)a[i].flags, a[i].urgency, a[i].quadrant, a[i].escalation,
                     (long)b[i].due_date, (unsigned long)b[i].flags, (long)as.due_date,
                     (unsigned long)as.flags);
        (*checked)++;
    }
    /* ranges from odd starts: the last n % 4 records take the scalar kernel */
    for (i = 1; i < 4 && i < n; i++) {
        TU_PASS(ccad_book_ctx(t->side),
                ccad_book_assess_range(t->side, r, i, n - i, day, b, sizeof *b));
        assert_memory_equal(a + i, b, (n - i) * sizeof *b);
    }
    free(a);
    free(b);
}

/* The side-table book's snapshot reads back into a book whose snapshot
 * is the same bytes and whose briefs are the same. */
static void snapshot_round_trip(const struct twins *t, ccad_ctx *ctx, ccad_rules *r)
{
    size_t len = 0, len2 = 0, n = ccad_book_count(t->side);
    unsigned char *buf = tu_snapshot_take(t->side, &len), *buf2;
    ccad_book *back = NULL;
    ccad_brief *a = calloc(n + 1, sizeof *a), *b = calloc(n + 1, sizeof *b);
    assert_non_null(a);
    assert_non_null(b);
    TU_PASS(ctx, ccad_book_from_snapshot(&back, ctx, buf, len));
    buf2 = tu_snapshot_take(back, &len2);
    assert_int_equal(len, len2);
    assert_memory_equal(buf, buf2, len);
    TU_PASS(ccad_book_ctx(back), ccad_book_grade(back, r));
    TU_PASS(ccad_book_ctx(t->side), ccad_book_assess_range(t->side, r, 0, n, D0, a, sizeof *a));
    TU_PASS(ccad_book_ctx(back), ccad_book_assess_range(back, r, 0, n, D0, b, sizeof *b));
    assert_memory_equal(a, b, n * sizeof *a);
    ccad_book_free(back);
    free(buf);
    free(buf2);
    free(a);
    free(b);
}

/* The twins plan the same week: the planner reads the customers through
 * the working form, from the side table or the wide table. */
static void twins_plan_alike(const struct twins *t, ccad_rules *r, int32_t day)
{
    ccad_plan_options o = CCAD_PLAN_OPTIONS_INIT;
    ccad_schedule *x = NULL, *y = NULL;
    o.first_day = day;
    TU_PASS(ccad_book_ctx(t->side), ccad_schedule_new(&x, t->side, r, &o));
    TU_PASS(ccad_book_ctx(t->wide), ccad_schedule_new(&y, t->wide, r, &o));
    assert_true(ccad_schedule_item_count(x) > 0);
    tu_schedules_equal(x, y);
    ccad_schedule_free(x);
    ccad_schedule_free(y);
}

static void twins_new(struct twins *t, ccad_ctx *ctx)
{
    TU_PASS(ctx, ccad_book_new(&t->side, ctx, 0));
    TU_PASS(ctx, ccad_book_new(&t->wide, ctx, 0));
}

static void twins_free(struct twins *t)
{
    ccad_book_free(t->side);
    ccad_book_free(t->wide);
}

static void side_table_equals_wide(void **state)
{
    tu_alloc al = {0, 0, 0, 0, 0};
    ccad_host h = tu_host(&al);
    ccad_ctx *ctx = NULL;
    uint64_t s = tu_rng_seed(20261205);
    long checked = 0;
    int round;
    (void)state;
    assert_int_equal(ccad_ctx_new(&ctx, &h), CCAD_OK);
    for (round = 0; round < 30; round++) {
        ccad_rules *r = NULL;
        struct twins t, other;
        int i, e;
        TU_PASS(ctx, ccad_rules_new(&r, ctx));
        if (round > 0)
            random_rules(&s, r);
        twins_new(&t, ctx);
        twins_new(&other, ctx);
        for (i = 0; i < NCUST; i++) {
            char id[24];
            ccad_customer c;
            snprintf(id, sizeof id, "x%d-%d", round, i);
            c = random_customer(&s, id);
            twin_add(&t, &c);
        }
        twins_agree(&t, r, D0 + (int32_t)tu_rng_pick(&s, -20, 40), &checked);
        for (e = 0; e < 400; e++)
            twin_edit(&s, &t, &other);
        twins_agree(&t, r, D0 + (int32_t)tu_rng_pick(&s, -20, 40), &checked);
        twins_agree(&other, r, D0, &checked);
        twins_plan_alike(&t, r, D0 + (int32_t)tu_rng_pick(&s, -7, 7));
        snapshot_round_trip(&t, ctx, r);
        twins_free(&t);
        twins_free(&other);
        ccad_rules_free(r);
    }
    ccad_ctx_free(ctx);
    assert_int_equal(al.live, 0);
    assert_true(checked > 30L * NCUST);
}

/* Bytes the library holds through the host's allocator. */
struct byte_count {
    size_t live;
};

static void *bc_alloc(void *user, size_t n)
{
    size_t *p = malloc(n + 2 * sizeof(size_t));
    if (p == NULL)
        return NULL;
    p[0] = n;
    ((struct byte_count *)user)->live += n;
    return p + 2;
}

static void bc_free(void *user, void *ptr)
{
    if (ptr != NULL) {
        size_t *p = (size_t *)ptr - 2;
        ((struct byte_count *)user)->live -= p[0];
        free(p);
    }
}

static void *bc_realloc(void *user, void *ptr, size_t n)
{
    void *q = bc_alloc(user, n);
    if (q != NULL && ptr != NULL) {
        size_t old = ((size_t *)ptr)[-2];
        memcpy(q, ptr, old < n ? old : n);
        bc_free(user, ptr);
    }
    return q;
}

/* 4,096 customers with a position cost at most 64 bytes each beyond the
 * same customers without one (the wide table took 160 and more). */
static void side_table_memory(void **state)
{
    struct byte_count bc = {0};
    ccad_host h = CCAD_HOST_INIT;
    ccad_ctx *ctx = NULL;
    size_t bytes[2];
    int k, i;
    (void)state;
    h.alloc = bc_alloc;
    h.free = bc_free;
    h.realloc = bc_realloc;
    h.user = &bc;
    assert_int_equal(ccad_ctx_new(&ctx, &h), CCAD_OK);
    for (k = 0; k < 2; k++) {
        ccad_book *b = NULL;
        size_t before = bc.live;
        TU_PASS(ctx, ccad_book_new(&b, ctx, 0));
        for (i = 0; i < 4096; i++) {
            char id[16];
            ccad_customer c = CCAD_CUSTOMER_INIT;
            snprintf(id, sizeof id, "m%05d", i);
            c.id = id;
            c.value = i;
            c.status = CCAD_STATUS_ACTIVE;
            if (k == 1) {
                c.share_pct = i % 101;
                c.supplier_rank = 1 + (uint32_t)i % 7;
            }
            TU_PASS(ccad_book_ctx(b), ccad_book_add(b, &c, NULL));
        }
        bytes[k] = bc.live - before;
        ccad_book_free(b);
    }
    print_message("side-table memory: %lu bytes plain, %lu with positions\n",
                  (unsigned long)bytes[0], (unsigned long)bytes[1]);
    assert_true(bytes[1] > bytes[0]);
    assert_true(bytes[1] - bytes[0] <= 4096u * 64u);
    ccad_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(side_table_equals_wide),
        cmocka_unit_test(side_table_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
