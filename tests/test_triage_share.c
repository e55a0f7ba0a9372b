/* TRIAGE by our position in the customer's sales (1.1, issue 20; seed 002):
 * ccad_customer.share_pct and supplier_rank through the book (1.0-sized
 * structs, add, add_many, get, update, transfer, remove, snapshots of
 * versions 1 and 2, the failing allocator), and the rule's properties over
 * generated customers and rules: a known position decides before the
 * volume, the volume is the fallback, a better position never gives a
 * worse kind, the margin lifts one step, and the batch briefs agree with
 * the full assessment for books that mix stored and wide customers. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef tu_fixture fixture; /* context, rules and book, leak-checked (testutil) */

/* ccad_customer as a 1.0 caller sizes it: the members before share_pct,
 * rounded up to the struct's alignment. */
struct align_probe {
    char c;
    ccad_customer s;
};
#define MEMBERS_1_0 offsetof(ccad_customer, share_pct)
#define ALIGN offsetof(struct align_probe, s)
#define SIZE_1_0 ((MEMBERS_1_0 + ALIGN - 1) / ALIGN * ALIGN)

static ccad_customer active(const char *id)
{
    ccad_customer c = CCAD_CUSTOMER_INIT;
    c.id = id;
    c.status = CCAD_STATUS_ACTIVE;
    c.last_contact = c.last_visit = tu_date("2026-11-01");
    c.contacts = 6;
    return c;
}

static ccad_assessment assess(fixture *f, size_t index)
{
    ccad_assessment a = CCAD_ASSESSMENT_INIT;
    TU_PASS(ccad_book_ctx(f->b), ccad_book_grade(f->b, f->r));
    TU_PASS(ccad_book_ctx(f->b), ccad_book_assess(f->b, f->r, index, tu_date("2026-11-02"), &a));
    return a;
}

static ccad_customer get(const ccad_book *b, size_t index)
{
    ccad_customer c = CCAD_CUSTOMER_INIT;
    TU_PASS(ccad_book_ctx(b), ccad_book_get(b, index, &c));
    return c;
}

/* ---- the book carries the position ---- */

static void defaults_and_round_trip(void **state)
{
    fixture *f = *state;
    ccad_customer c = active("p1"), none = active("n1"), out;
    static const ccad_customer init = CCAD_CUSTOMER_INIT;
    ccad_customer twin;
    size_t at;
    assert_int_equal(init.share_pct, CCAD_SHARE_UNKNOWN);
    assert_int_equal(init.supplier_rank, CCAD_RANK_UNKNOWN);
    memset(&twin, 0x5a, sizeof twin);
    ccad_customer_init(&twin);
    assert_int_equal(twin.size, sizeof twin);
    assert_int_equal(twin.share_pct, -1);
    assert_int_equal(twin.supplier_rank, 0);
    c.share_pct = 17;
    c.supplier_rank = 4;
    TU_PASS(ccad_book_ctx(f->b), ccad_book_add(f->b, &c, &at));
    TU_PASS(ccad_book_ctx(f->b), ccad_book_add(f->b, &none, NULL));
    out = get(f->b, at);
    assert_int_equal(out.share_pct, 17);
    assert_int_equal(out.supplier_rank, 4);
    out = get(f->b, 1);
    assert_int_equal(out.share_pct, CCAD_SHARE_UNKNOWN);
    assert_int_equal(out.supplier_rank, CCAD_RANK_UNKNOWN);
    /* an update can forget the position again, and set it on another */
    c.share_pct = CCAD_SHARE_UNKNOWN;
    c.supplier_rank = CCAD_RANK_UNKNOWN;
    TU_PASS(ccad_book_ctx(f->b), ccad_book_update(f->b, 0, &c));
    out = get(f->b, 0);
    assert_int_equal(out.share_pct, CCAD_SHARE_UNKNOWN);
    assert_int_equal(out.supplier_rank, CCAD_RANK_UNKNOWN);
    none.share_pct = 0;
    TU_PASS(ccad_book_ctx(f->b), ccad_book_update(f->b, 1, &none));
    assert_int_equal(get(f->b, 1).share_pct, 0);
    /* the extremes */
    none.share_pct = 100;
    none.supplier_rank = 1000000;
    TU_PASS(ccad_book_ctx(f->b), ccad_book_update(f->b, 1, &none));
    out = get(f->b, 1);
    assert_int_equal(out.share_pct, 100);
    assert_int_equal(out.supplier_rank, 1000000);
}

static void out_of_range_refused_unchanged(void **state)
{
    fixture *f = *state;
    ccad_customer c = active("p1");
    tu_snap before;
    static const int64_t bad_share[] = {-2, 101, INT64_MIN, INT64_MAX};
    size_t k;
    c.share_pct = 20;
    TU_PASS(f->ctx, ccad_book_add(f->b, &c, NULL));
    tu_snap_take(&before, f->b);
    for (k = 0; k < sizeof bad_share / sizeof bad_share[0]; k++) {
        ccad_customer bad = active("bad");
        bad.share_pct = bad_share[k];
        TU_FAIL(f->ctx, ccad_book_add(f->b, &bad, NULL), CCAD_ERANGE);
        assert_non_null(strstr(ccad_ctx_errmsg(f->ctx), "share_pct"));
        bad.id = "p1";
        TU_FAIL(f->ctx, ccad_book_update(f->b, 0, &bad), CCAD_ERANGE);
        tu_snap_check(&before, f->b);
    }
    c.supplier_rank = 1000001;
    TU_FAIL(f->ctx, ccad_book_update(f->b, 0, &c), CCAD_ERANGE);
    assert_non_null(strstr(ccad_ctx_errmsg(f->ctx), "supplier_rank"));
    c.id = "p2";
    TU_FAIL(f->ctx, ccad_book_add(f->b, &c, NULL), CCAD_ERANGE);
    tu_snap_check(&before, f->b);
    tu_snap_free(&before);
}

/* A caller built against 1.0 passes the 1.0 size: whatever lies after its
 * members is not read (the position is unknown) and not written. */
static void callers_of_1_0(void **state)
{
    fixture *f = *state;
    unsigned char raw[sizeof(ccad_customer) + 16];
    ccad_customer c = active("old-1"), many[2];
    size_t k, first;
    assert_true(SIZE_1_0 < sizeof(ccad_customer));
    memset(raw, 0x7f, sizeof raw); /* what lies past a 1.0 struct is never read */
    c.size = (uint32_t)SIZE_1_0;
    memcpy(raw, &c, MEMBERS_1_0);
    TU_PASS(f->ctx, ccad_book_add(f->b, (const ccad_customer *)(void *)raw, NULL));
    assert_int_equal(get(f->b, 0).share_pct, CCAD_SHARE_UNKNOWN);
    assert_int_equal(get(f->b, 0).supplier_rank, CCAD_RANK_UNKNOWN);
    /* ccad_book_get into a 1.0 struct writes its members only */
    memset(raw, 0xa5, sizeof raw);
    ((ccad_customer *)(void *)raw)->size = (uint32_t)SIZE_1_0;
    c.share_pct = 33;
    c.size = (uint32_t)sizeof c;
    TU_PASS(f->ctx, ccad_book_update(f->b, 0, &c));
    TU_PASS(f->ctx, ccad_book_get(f->b, 0, (ccad_customer *)(void *)raw));
    for (k = MEMBERS_1_0; k < sizeof raw; k++)
        assert_int_equal(raw[k], 0xa5);
    assert_string_equal(((ccad_customer *)(void *)raw)->id, "old-1");
    /* add_many with a 1.0 stride: two structs of SIZE_1_0 bytes each */
    {
        unsigned char two[2 * sizeof(ccad_customer)];
        ccad_customer a = active("old-2"), b = active("old-3");
        memset(two, 0x33, sizeof two);
        a.size = b.size = (uint32_t)SIZE_1_0;
        memcpy(two, &a, MEMBERS_1_0);
        memcpy(two + SIZE_1_0, &b, MEMBERS_1_0);
        TU_PASS(f->ctx, ccad_book_add_many(f->b, (const ccad_customer *)(void *)two, 2, &first));
        assert_int_equal(first, 1);
        assert_int_equal(get(f->b, 2).share_pct, CCAD_SHARE_UNKNOWN);
        assert_string_equal(get(f->b, 2).id, "old-3");
    }
    /* other sizes are refused */
    many[0] = active("x");
    many[0].size = (uint32_t)SIZE_1_0 - 8;
    TU_FAIL(f->ctx, ccad_book_add(f->b, &many[0], NULL), CCAD_EVERSION);
    many[0].size = (uint32_t)sizeof(ccad_customer) + 8;
    TU_FAIL(f->ctx, ccad_book_get(f->b, 0, &many[0]), CCAD_EVERSION);
}

static void transfer_and_remove_carry_it(void **state)
{
    fixture *f = *state;
    ccad_book *other;
    ccad_customer c;
    size_t at, i;
    char id[16];
    TU_PASS(f->ctx, ccad_book_new(&other, f->ctx, 0));
    for (i = 0; i < 6; i++) {
        snprintf(id, sizeof id, "c%lu", (unsigned long)i);
        c = active(id);
        c.share_pct = i % 2 ? (int32_t)(10 * i) : CCAD_SHARE_UNKNOWN;
        c.supplier_rank = i % 3 ? (uint32_t)i : CCAD_RANK_UNKNOWN;
        TU_PASS(f->ctx, ccad_book_add(f->b, &c, NULL));
    }
    /* remove c1 (wide): the others keep theirs, c5 included */
    TU_PASS(f->ctx, ccad_book_remove(f->b, 1));
    for (i = 0; i < ccad_book_count(f->b); i++) {
        unsigned n;
        c = get(f->b, i);
        assert_int_equal(sscanf(c.id, "c%u", &n), 1);
        assert_int_equal(c.share_pct, n % 2 ? (int32_t)(10 * n) : CCAD_SHARE_UNKNOWN);
        assert_int_equal(c.supplier_rank, n % 3 ? n : 0u);
    }
    TU_PASS(f->ctx, ccad_book_find(f->b, "c5", &at));
    TU_PASS(f->ctx, ccad_book_transfer(f->b, at, other, &at));
    c = get(other, at);
    assert_string_equal(c.id, "c5");
    assert_int_equal(c.share_pct, 50);
    assert_int_equal(c.supplier_rank, 5);
    ccad_book_free(other);
}

/* ---- snapshots ---- */

static void snapshot_versions(void **state)
{
    fixture *f = *state;
    ccad_book *copy = NULL;
    ccad_customer c;
    unsigned char *buf;
    size_t len = 0, len1, i;
    tu_snap before;
    for (i = 0; i < 5; i++) {
        char id[8];
        snprintf(id, sizeof id, "s%lu", (unsigned long)i);
        c = active(id);
        c.share_pct = i == 1 ? 0 : i == 3 ? 100 : CCAD_SHARE_UNKNOWN;
        c.supplier_rank = i == 2 ? 7 : i == 3 ? 1 : CCAD_RANK_UNKNOWN;
        TU_PASS(f->ctx, ccad_book_add(f->b, &c, NULL));
    }
    tu_snap_take(&before, f->b);
    buf = tu_snapshot_take(f->b, &len);
    assert_int_equal(buf[8], 2);
    assert_int_equal(len, 32 + 5 * (118 + 2) + 8);
    TU_PASS(f->ctx, ccad_book_from_snapshot(&copy, f->ctx, buf, len));
    tu_snap_check(&before, copy);
    ccad_book_free(copy);
    /* version 1 still reads: the positions are unknown there */
    len1 = tu_snapshot_to_version_1(buf, len);
    assert_int_equal(len1, 32 + 5 * (110 + 2) + 8);
    TU_PASS(f->ctx, ccad_book_from_snapshot(&copy, f->ctx, buf, len1));
    assert_int_equal(ccad_book_count(copy), 5);
    for (i = 0; i < 5; i++) {
        c = get(copy, i);
        assert_int_equal(c.share_pct, CCAD_SHARE_UNKNOWN);
        assert_int_equal(c.supplier_rank, CCAD_RANK_UNKNOWN);
        assert_string_equal(c.id, before.ids[i]);
    }
    ccad_book_free(copy);
    /* a version 2 record out of range is refused as ccad_book_add refuses it */
    free(buf);
    buf = tu_snapshot_take(f->b, &len);
    buf[32 + 109] = 101; /* s0's share_pct: -1 -> 0xffffff65 */
    tu_snapshot_reseal(buf, len);
    copy = NULL;
    TU_FAIL(f->ctx, ccad_book_from_snapshot(&copy, f->ctx, buf, len), CCAD_ERANGE);
    assert_null(copy);
    free(buf);
    tu_snap_free(&before);
}

/* ---- the rule's properties over generated customers and rules ---- */

static int kind_of(fixture *f, const ccad_customer *c)
{
    size_t at;
    ccad_assessment a;
    ccad_book_free(f->b);
    TU_PASS(f->ctx, ccad_book_new(&f->b, f->ctx, 0));
    TU_PASS(f->ctx, ccad_book_add(f->b, c, &at));
    a = assess(f, at);
    return a.triage;
}

/* Rules with generated, consistent TRIAGE thresholds. */
static void random_thresholds(fixture *f, uint64_t *rng)
{
    int64_t s_un = tu_rng_range(rng, 0, 40), s_push = s_un + tu_rng_range(rng, 1, 30);
    int64_t s_self = s_push + tu_rng_range(rng, 1, 100 - s_push > 1 ? 100 - s_push : 1);
    int64_t r_self = tu_rng_range(rng, 1, 5), r_push = r_self + tu_rng_range(rng, 1, 5);
    int64_t r_un = r_push + tu_rng_range(rng, 1, 30);
    if (s_self > 100)
        s_self = 100;
    if (s_push >= s_self)
        s_push = s_self - 1;
    if (s_un >= s_push)
        s_un = s_push - 1;
    /* move the thresholds apart first, so every order of setting them is consistent */
    TU_PASS(ccad_rules_ctx(f->r), ccad_rules_set(f->r, "triage.share_unmovable_pct", 0));
    TU_PASS(ccad_rules_ctx(f->r), ccad_rules_set(f->r, "triage.share_self_pct", 100));
    TU_PASS(ccad_rules_ctx(f->r), ccad_rules_set(f->r, "triage.share_push_pct", s_push));
    TU_PASS(ccad_rules_ctx(f->r), ccad_rules_set(f->r, "triage.share_self_pct", s_self));
    TU_PASS(ccad_rules_ctx(f->r), ccad_rules_set(f->r, "triage.share_unmovable_pct", s_un));
    TU_PASS(ccad_rules_ctx(f->r), ccad_rules_set(f->r, "triage.rank_self", 1));
    TU_PASS(ccad_rules_ctx(f->r), ccad_rules_set(f->r, "triage.rank_unmovable", 1000));
    TU_PASS(ccad_rules_ctx(f->r), ccad_rules_set(f->r, "triage.rank_push", r_push));
    TU_PASS(ccad_rules_ctx(f->r), ccad_rules_set(f->r, "triage.rank_self", r_self));
    TU_PASS(ccad_rules_ctx(f->r), ccad_rules_set(f->r, "triage.rank_unmovable", r_un));
    TU_PASS(ccad_rules_ctx(f->r), ccad_rules_set(f->r, "triage.band", tu_rng_range(rng, 0, 1)));
    TU_PASS(ccad_rules_ctx(f->r),
            ccad_rules_set(f->r, "triage.margin_lift_bp", tu_rng_range(rng, 0, 10000)));
}

static ccad_customer random_customer(uint64_t *rng, const char *id)
{
    ccad_customer c = active(id);
    c.status = (int)tu_rng_range(rng, CCAD_STATUS_PROSPECT, CCAD_STATUS_KEY);
    c.monthly_volume = tu_rng_pct(rng, 70) ? tu_rng_range(rng, 0, 12000000) : -1;
    c.margin_bp = tu_rng_pct(rng, 50) ? (int32_t)tu_rng_range(rng, 0, 10000) : -1;
    c.share_pct = tu_rng_pct(rng, 50) ? (int32_t)tu_rng_range(rng, 0, 100) : CCAD_SHARE_UNKNOWN;
    c.supplier_rank = tu_rng_pct(rng, 50) ? (uint32_t)tu_rng_range(rng, 1, 60) : 0;
    c.capable = tu_rng_pct(rng, 70);
    return c;
}

/* 1 if the first kind is at least as good (self-driven 1 is best; none
 * never compares). */
static int not_worse(int better, int worse) { return better <= worse; }

static void position_properties(void **state)
{
    fixture *f = *state;
    uint64_t rng = tu_rng_seed(2002);
    int round, positioned = 0, fallback = 0, lifted = 0;
    for (round = 0; round < 400; round++) {
        ccad_customer c = random_customer(&rng, "g"), v = c, up = c, volume_only = c;
        int kind, known = c.share_pct != CCAD_SHARE_UNKNOWN || c.supplier_rank != 0;
        int buys = c.status == CCAD_STATUS_ACTIVE || c.status == CCAD_STATUS_KEY;
        if (round % 40 == 0)
            random_thresholds(f, &rng);
        TU_PASS(ccad_rules_ctx(f->r), ccad_rules_set(f->r, "triage.by_position", 1));
        kind = kind_of(f, &c);
        /* only customers that buy from us are triaged, and only when
         * something is known */
        if (!buys || (!known && c.monthly_volume < 0)) {
            assert_int_equal(kind, CCAD_TRIAGE_NONE);
            continue;
        }
        assert_int_not_equal(kind, CCAD_TRIAGE_NONE);
        /* P1: a known position is primary: the volume does not matter */
        v.monthly_volume = c.monthly_volume < 0 ? 11000000 : -1;
        if (known) {
            assert_int_equal(kind_of(f, &v), kind);
            positioned++;
        }
        /* P2: without a position (or with by_position 0) the volume decides,
         * as in 1.0 */
        volume_only.share_pct = CCAD_SHARE_UNKNOWN;
        volume_only.supplier_rank = CCAD_RANK_UNKNOWN;
        if (!known) {
            TU_PASS(ccad_rules_ctx(f->r), ccad_rules_set(f->r, "triage.by_position", 0));
            assert_int_equal(kind_of(f, &c), kind);
            fallback++;
        } else if (c.monthly_volume >= 0) {
            int by_volume = kind_of(f, &volume_only);
            TU_PASS(ccad_rules_ctx(f->r), ccad_rules_set(f->r, "triage.by_position", 0));
            assert_int_equal(kind_of(f, &c), by_volume);
        }
        TU_PASS(ccad_rules_ctx(f->r), ccad_rules_set(f->r, "triage.by_position", 1));
        /* P3: a better place never gives a worse kind */
        if (up.share_pct != CCAD_SHARE_UNKNOWN && up.share_pct < 100)
            up.share_pct += (int32_t)tu_rng_range(&rng, 1, 100 - up.share_pct);
        if (up.supplier_rank > 1)
            up.supplier_rank -= (uint32_t)tu_rng_range(&rng, 1, up.supplier_rank - 1);
        assert_true(not_worse(kind_of(f, &up), kind));
        /* P4: both known: no worse than either alone */
        if (c.share_pct != CCAD_SHARE_UNKNOWN && c.supplier_rank != 0) {
            ccad_customer s = c, r = c;
            s.supplier_rank = 0;
            r.share_pct = CCAD_SHARE_UNKNOWN;
            assert_true(not_worse(kind, kind_of(f, &s)));
            assert_true(not_worse(kind, kind_of(f, &r)));
            assert_true(kind == kind_of(f, &s) || kind == kind_of(f, &r));
        }
        /* P5: the margin lifts at most one step and never lowers */
        {
            ccad_customer m = c;
            int base;
            m.margin_bp = -1;
            base = kind_of(f, &m);
            assert_true(kind == base || (kind == base - 1 && c.margin_bp >= 0));
            lifted += kind != base;
        }
    }
    /* the generator reached every branch */
    assert_true(positioned > 50);
    assert_true(fallback > 20);
    assert_true(lifted > 5);
}

/* The batch briefs (stored records through the kernels, wide ones through
 * the full path) agree with ccad_book_assess on books mixing customers with
 * and without a position. */
static void briefs_agree(void **state)
{
    fixture *f = *state;
    uint64_t rng = tu_rng_seed(77);
    size_t i, n = 600;
    ccad_brief *br = calloc(n, sizeof *br);
    int32_t day = tu_date("2026-11-02");
    int d;
    assert_non_null(br);
    random_thresholds(f, &rng);
    for (i = 0; i < n; i++) {
        char id[16];
        ccad_customer c;
        snprintf(id, sizeof id, "b%lu", (unsigned long)i);
        c = random_customer(&rng, id);
        c.value = tu_rng_range(&rng, 0, 1000000);
        c.last_contact = c.last_visit = day - (int32_t)tu_rng_range(&rng, 0, 40);
        c.purchase_date = tu_rng_pct(&rng, 30) ? day + (int32_t)tu_rng_range(&rng, 0, 50)
                                               : CCAD_NO_DATE;
        TU_PASS(ccad_book_ctx(f->b), ccad_book_add(f->b, &c, NULL));
    }
    TU_PASS(ccad_book_ctx(f->b), ccad_book_grade(f->b, f->r));
    for (d = 0; d < 30; d += 3) {
        TU_PASS(ccad_book_ctx(f->b),
                ccad_book_assess_range(f->b, f->r, 0, n, day + d, br, sizeof *br));
        for (i = 0; i < n; i++) {
            ccad_assessment a = CCAD_ASSESSMENT_INIT;
            TU_PASS(ccad_book_ctx(f->b), ccad_book_assess(f->b, f->r, i, day + d, &a));
            if (br[i].due_date != a.due_date || br[i].flags != a.flags ||
                br[i].quadrant != a.quadrant || br[i].escalation != a.escalation ||
                br[i].days_overdue != a.days_overdue)
                fail_msg("customer %lu day +%d: brief due %ld flags %#lx, assessment due %ld "
                         "flags %#lx",
                         (unsigned long)i, d, (long)br[i].due_date, (unsigned long)br[i].flags,
                         (long)a.due_date, (unsigned long)a.flags);
        }
    }
    free(br);
}

/* A let-go customer (self-driven by its rank) is due later than the same
 * customer without a position, in the briefs as in the assessment: the
 * position reaches FREQ through the wide path. */
static void let_go_reaches_the_briefs(void **state)
{
    fixture *f = *state;
    ccad_customer first = active("first"), plain = active("plain");
    ccad_brief br[2];
    first.grade = plain.grade = CCAD_GRADE_B;
    first.supplier_rank = 1;
    plain.monthly_volume = 4000000; /* push-needed by volume */
    first.monthly_volume = 4000000;
    TU_PASS(ccad_book_ctx(f->b), ccad_book_add(f->b, &first, NULL));
    TU_PASS(ccad_book_ctx(f->b), ccad_book_add(f->b, &plain, NULL));
    TU_PASS(ccad_book_ctx(f->b), ccad_book_grade(f->b, f->r));
    TU_PASS(ccad_book_ctx(f->b),
            ccad_book_assess_range(f->b, f->r, 0, 2, tu_date("2026-11-02"), br, sizeof br[0]));
    assert_int_equal(br[0].due_date, tu_date("2026-11-16")); /* B weekly, doubled */
    assert_int_equal(br[1].due_date, tu_date("2026-11-09"));
    assert_int_equal(assess(f, 0).strategy, CCAD_STRATEGY_LET_GO);
    TU_PASS(ccad_rules_ctx(f->r), ccad_rules_set(f->r, "triage.by_position", 0));
    TU_PASS(ccad_book_ctx(f->b),
            ccad_book_assess_range(f->b, f->r, 0, 1, tu_date("2026-11-02"), br, sizeof br[0]));
    assert_int_equal(br[0].due_date, tu_date("2026-11-09"));
}

static void rules_refuse_unordered_thresholds(void **state)
{
    fixture *f = *state;
    TU_FAIL(f->ctx, ccad_rules_set(f->r, "triage.share_push_pct", 30), CCAD_ECONFLICT);
    TU_FAIL(f->ctx, ccad_rules_set(f->r, "triage.share_unmovable_pct", 15), CCAD_ECONFLICT);
    TU_FAIL(f->ctx, ccad_rules_set(f->r, "triage.rank_push", 1), CCAD_ECONFLICT);
    TU_FAIL(f->ctx, ccad_rules_set(f->r, "triage.rank_unmovable", 3), CCAD_ECONFLICT);
    TU_FAIL(f->ctx, ccad_rules_set(f->r, "triage.rank_self", 0), CCAD_ERANGE);
    TU_FAIL(f->ctx, ccad_rules_set(f->r, "triage.share_self_pct", 101), CCAD_ERANGE);
    TU_PASS(f->ctx, ccad_rules_set(f->r, "triage.rank_push", 2));
    TU_PASS(f->ctx, ccad_rules_set(f->r, "triage.share_push_pct", 29));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(defaults_and_round_trip, tu_fixture_setup,
                                        tu_fixture_teardown),
        cmocka_unit_test_setup_teardown(out_of_range_refused_unchanged, tu_fixture_setup,
                                        tu_fixture_teardown),
        cmocka_unit_test_setup_teardown(callers_of_1_0, tu_fixture_setup, tu_fixture_teardown),
        cmocka_unit_test_setup_teardown(transfer_and_remove_carry_it, tu_fixture_setup,
                                        tu_fixture_teardown),
        cmocka_unit_test_setup_teardown(snapshot_versions, tu_fixture_setup, tu_fixture_teardown),
        cmocka_unit_test_setup_teardown(position_properties, tu_fixture_setup, tu_fixture_teardown),
        cmocka_unit_test_setup_teardown(briefs_agree, tu_fixture_setup, tu_fixture_teardown),
        cmocka_unit_test_setup_teardown(let_go_reaches_the_briefs, tu_fixture_setup,
                                        tu_fixture_teardown),
        cmocka_unit_test_setup_teardown(rules_refuse_unordered_thresholds, tu_fixture_setup,
                                        tu_fixture_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
