/* Teams (issue 14, part 1): the team handle (reps in id order, borrowed
 * books, owners), the team calendar with the rep as an argument, and
 * customers removed from a book or transferred between books, in memory
 * and through the storage callbacks, all or nothing. (The transfer under a
 * failing allocator: faults_team.c, in the fault census.) */
#include "team_env.h"

#include <stdio.h>
#include <string.h>

/* ---- the team handle ---- */

static ccad_rep rep(const char *id, int vpd)
{
    ccad_rep r = CCAD_REP_INIT;
    r.id = id;
    r.visits_per_day = vpd;
    return r;
}

static void team_keeps_id_order(void **state)
{
    team_world w;
    ccad_team *t = NULL;
    ccad_book *c = NULL, *got = NULL, *other = NULL;
    ccad_ctx *ctx2 = NULL;
    ccad_rep r = rep("zed", 5), out = CCAD_REP_INIT;
    size_t at = 99;
    (void)state;
    team_world_open(&w, 3, -1);
    TU_PASS(w.fx.ctx, ccad_book_new(&c, w.fx.ctx, 0));
    TU_PASS(w.fx.ctx, ccad_team_new(&t, w.fx.ctx, NULL));
    TU_PASS(ccad_book_ctx(w.a), ccad_team_add(t, &r, w.a));
    r = rep("amy", 6);
    TU_PASS(ccad_book_ctx(w.b), ccad_team_add(t, &r, w.b));
    r = rep("max", 7);
    TU_PASS(ccad_book_ctx(c), ccad_team_add(t, &r, c));
    assert_int_equal(ccad_team_count(t), 3);
    TU_PASS(w.fx.ctx, ccad_team_rep(t, 0, &out, &got));
    assert_string_equal(out.id, "amy");
    assert_ptr_equal(got, w.b);
    assert_int_equal(out.visits_per_day, 6);
    TU_PASS(w.fx.ctx, ccad_team_rep(t, 2, &out, &got));
    assert_string_equal(out.id, "zed");
    assert_ptr_equal(got, w.a);
    TU_PASS(w.fx.ctx, ccad_team_find(t, "max", &at));
    assert_int_equal(at, 1);
    assert_int_equal(ccad_team_find(t, "bob", &at), CCAD_ENOTFOUND);
    assert_int_equal(ccad_team_rep(t, 3, &out, NULL), CCAD_ENOTFOUND);
    /* the owner of a customer is the rep whose book holds it */
    TU_PASS(w.fx.ctx, ccad_team_owner(t, "c01", &at, NULL));
    assert_int_equal(at, 2);
    assert_int_equal(ccad_team_owner(t, "nobody", &at, NULL), CCAD_ENOTFOUND);

    /* bad input: recorded, team unchanged */
    r = rep("amy", 3);
    TU_FAIL(w.fx.ctx, ccad_team_add(t, &r, w.b), CCAD_EINVAL); /* book already in the team */
    TU_PASS(w.fx.ctx, ccad_book_new(&other, w.fx.ctx, 0));
    TU_FAIL(w.fx.ctx, ccad_team_add(t, &r, other), CCAD_EEXIST);
    r = rep("", 3);
    TU_FAIL(w.fx.ctx, ccad_team_add(t, &r, other), CCAD_EINVAL);
    r = rep("bob", 0);
    TU_FAIL(w.fx.ctx, ccad_team_add(t, &r, other), CCAD_EINVAL);
    r = rep("bob", 1001);
    TU_FAIL(w.fx.ctx, ccad_team_add(t, &r, other), CCAD_ERANGE);
    r = rep("bob", 3);
    r.day_minutes = 0;
    TU_FAIL(w.fx.ctx, ccad_team_add(t, &r, other), CCAD_ERANGE);
    r = rep("bob", 3);
    r.size = 4;
    TU_FAIL(w.fx.ctx, ccad_team_add(t, &r, other), CCAD_EVERSION);
    TU_FAIL(w.fx.ctx, ccad_team_add(t, NULL, other), CCAD_EINVAL);
    assert_int_equal(ccad_ctx_new(&ctx2, NULL), CCAD_OK);
    {
        ccad_book *foreign = NULL;
        TU_PASS(ctx2, ccad_book_new(&foreign, ctx2, 0));
        r = rep("bob", 3);
        TU_FAIL(w.fx.ctx, ccad_team_add(t, &r, foreign), CCAD_EINVAL);
        ccad_book_free(foreign);
    }
    ccad_ctx_free(ctx2);
    assert_int_equal(ccad_team_count(t), 3);
    assert_int_equal(ccad_team_add(NULL, &r, other), CCAD_EINVAL);
    assert_int_equal(ccad_team_count(NULL), 0);
    {
        ccad_team_options bad = CCAD_TEAM_OPTIONS_INIT;
        ccad_team *t2 = (ccad_team *)&w;
        bad.size = 3;
        TU_FAIL(w.fx.ctx, ccad_team_new(&t2, w.fx.ctx, &bad), CCAD_EVERSION);
        assert_null(t2);
    }
    ccad_team_free(t);
    ccad_book_free(c);
    ccad_book_free(other);
    team_world_close(&w);
}

/* The team calendar: absences per rep, cleaned like the context calendar. */
typedef struct cal {
    int fail;
    int32_t away_day;
    const char *away_rep;
} cal;

static int team_cal(void *user, const char *rep_id, int32_t day, uint32_t *out)
{
    cal *c = user;
    int wd = tu_weekday(day);
    if (c->fail)
        return 1;
    *out = wd <= 5 ? CCAD_DAY_WORKING : CCAD_DAY_ABSENT; /* away on a weekend: no absence */
    if (day == c->away_day && strcmp(rep_id, c->away_rep) == 0)
        *out |= CCAD_DAY_ABSENT;
    return 0;
}

static void team_calendar_per_rep(void **state)
{
    team_world w;
    ccad_team *t = NULL;
    ccad_team_options o = CCAD_TEAM_OPTIONS_INIT;
    cal c = {0, 0, "bea"};
    ccad_rep r;
    uint32_t f = 0;
    (void)state;
    team_world_open(&w, 0, -1);
    c.away_day = team_day0() + 1;
    o.user = &c;
    o.calendar = team_cal;
    TU_PASS(w.fx.ctx, ccad_team_new(&t, w.fx.ctx, &o));
    r = rep("ann", 4);
    TU_PASS(w.fx.ctx, ccad_team_add(t, &r, w.a));
    r = rep("bea", 4);
    TU_PASS(w.fx.ctx, ccad_team_add(t, &r, w.b));
    TU_PASS(w.fx.ctx, ccad_team_day_flags(t, 1, team_day0() + 1, &f));
    assert_int_equal(f, CCAD_DAY_WORKING | CCAD_DAY_ABSENT);
    TU_PASS(w.fx.ctx, ccad_team_day_flags(t, 0, team_day0() + 1, &f));
    assert_int_equal(f, CCAD_DAY_WORKING);
    TU_PASS(w.fx.ctx, ccad_team_day_flags(t, 0, team_day0() + 5, &f));
    assert_int_equal(f, 0); /* Saturday: ABSENT dropped */
    TU_FAIL(w.fx.ctx, ccad_team_day_flags(t, 2, team_day0(), &f), CCAD_ENOTFOUND);
    TU_FAIL(w.fx.ctx, ccad_team_day_flags(t, 0, CCAD_NO_DATE, &f), CCAD_ERANGE);
    TU_FAIL(w.fx.ctx, ccad_team_day_flags(t, 0, team_day0(), NULL), CCAD_EINVAL);
    c.fail = 1;
    f = 77;
    TU_FAIL(w.fx.ctx, ccad_team_day_flags(t, 0, team_day0(), &f), CCAD_ECALLBACK);
    assert_int_equal(f, 77);
    ccad_team_free(t);
    /* without a team calendar: the context's (Monday..Friday) */
    TU_PASS(w.fx.ctx, ccad_team_new(&t, w.fx.ctx, NULL));
    r = rep("ann", 4);
    TU_PASS(w.fx.ctx, ccad_team_add(t, &r, w.a));
    TU_PASS(w.fx.ctx, ccad_team_day_flags(t, 0, team_day0() + 1, &f));
    assert_int_equal(f, CCAD_DAY_WORKING);
    TU_PASS(w.fx.ctx, ccad_team_day_flags(t, 0, team_day0() + 6, &f));
    assert_int_equal(f, 0);
    ccad_team_free(t);
    team_world_close(&w);
}

/* ---- removal and transfer in memory ---- */

static void remove_keeps_the_rest(void **state)
{
    team_world w;
    tu_snap before;
    size_t i, at = 0;
    ccad_customer c = CCAD_CUSTOMER_INIT, want = CCAD_CUSTOMER_INIT;
    ccad_assessment a = CCAD_ASSESSMENT_INIT;
    (void)state;
    /* customers 1 and 4 need the wide table: removing 1 moves 4's slot */
    team_world_open(&w, 6, 1);
    {
        ccad_customer wide = team_customer("c04", 0, 1);
        TU_PASS(w.fx.ctx, ccad_book_update(w.a, 4, &wide));
    }
    TU_PASS(w.fx.ctx, ccad_book_grade(w.a, w.fx.r));
    tu_snap_take(&before, w.a);
    TU_PASS(w.fx.ctx, ccad_book_remove(w.a, 1));
    assert_int_equal(ccad_book_count(w.a), 5);
    for (i = 0; i < 5; i++) {
        size_t old = i < 1 ? i : i + 1;
        assert_string_equal(ccad_book_id(w.a, i), before.ids[old]);
        TU_PASS(w.fx.ctx, ccad_book_find(w.a, before.ids[old], &at));
        assert_int_equal(at, i);
        TU_PASS(w.fx.ctx, ccad_book_get(w.a, i, &c));
        want = before.c[old];
        want.id = c.id;
        want.grade = c.grade; /* grades stay as computed before */
        tu_customer_equal(&c, &want);
    }
    assert_int_equal(ccad_book_find(w.a, "c01", &at), CCAD_ENOTFOUND);
    /* the book changed: grade again */
    assert_int_equal(ccad_book_assess(w.a, w.fx.r, 0, team_day0(), &a), CCAD_ESTALE);
    TU_PASS(w.fx.ctx, ccad_book_grade(w.a, w.fx.r));
    TU_PASS(w.fx.ctx, ccad_book_assess(w.a, w.fx.r, 0, team_day0(), &a));
    /* the id can come back */
    c = team_customer("c01", 5, 0);
    TU_PASS(w.fx.ctx, ccad_book_add(w.a, &c, &at));
    assert_int_equal(at, 5);
    /* bad index: nothing changes */
    TU_FAIL(w.fx.ctx, ccad_book_remove(w.a, 6), CCAD_ENOTFOUND);
    assert_int_equal(ccad_book_count(w.a), 6);
    assert_int_equal(ccad_book_remove(NULL, 0), CCAD_EINVAL);
    /* down to empty */
    while (ccad_book_count(w.a) > 0)
        TU_PASS(w.fx.ctx, ccad_book_remove(w.a, ccad_book_count(w.a) - 1));
    assert_int_equal(ccad_book_find(w.a, "c00", &at), CCAD_ENOTFOUND);
    tu_snap_free(&before);
    team_world_close(&w);
}

static void transfer_moves_history(void **state)
{
    team_world w;
    tu_snap sa, sb;
    size_t at = 0;
    ccad_customer before = CCAD_CUSTOMER_INIT, after = CCAD_CUSTOMER_INIT;
    ccad_customer clash = team_customer("c02", 1, 0);
    ccad_book *c = NULL;
    ccad_ctx *ctx2 = NULL;
    (void)state;
    team_world_open(&w, 4, 2);
    TU_PASS(ccad_book_ctx(w.a), ccad_book_get(w.a, 2, &before));
    TU_PASS(ccad_book_ctx(w.a), ccad_book_transfer(w.a, 2, w.b, &at));
    assert_int_equal(at, 0);
    assert_int_equal(ccad_book_count(w.a), 3);
    assert_int_equal(ccad_book_find(w.a, "c02", &at), CCAD_ENOTFOUND);
    TU_PASS(ccad_book_ctx(w.b), ccad_book_get(w.b, 0, &after));
    before.id = after.id;
    tu_customer_equal(&after, &before); /* contacts, dates, place, hours: all of it */
    /* the way back, and a clash */
    TU_PASS(ccad_book_ctx(w.a), ccad_book_add(w.a, &clash, NULL));
    tu_snap_take(&sa, w.a);
    tu_snap_take(&sb, w.b);
    TU_FAIL(w.fx.ctx, ccad_book_transfer(w.b, 0, w.a, &at), CCAD_EEXIST);
    TU_FAIL(w.fx.ctx, ccad_book_transfer(w.a, 0, w.a, &at), CCAD_EINVAL);
    TU_FAIL(w.fx.ctx, ccad_book_transfer(w.a, 9, w.b, &at), CCAD_ENOTFOUND);
    TU_FAIL(w.fx.ctx, ccad_book_transfer(w.a, 0, NULL, &at), CCAD_EINVAL);
    assert_int_equal(ccad_ctx_new(&ctx2, NULL), CCAD_OK);
    TU_PASS(ctx2, ccad_book_new(&c, ctx2, 0));
    TU_FAIL(w.fx.ctx, ccad_book_transfer(w.a, 0, c, &at), CCAD_EINVAL);
    tu_snap_check(&sa, w.a);
    tu_snap_check(&sb, w.b);
    ccad_book_free(c);
    ccad_ctx_free(ctx2);
    tu_snap_free(&sa);
    tu_snap_free(&sb);
    team_world_close(&w);
}

/* ---- through the store ---- */

typedef struct fstore {
    int fail; /* 1 begin, 2 remove/set_owner, 3 commit, 4 rollback too */
    int begun, committed, rolled_back, removed, owner_set;
    char last_id[CCAD_ID_MAX + 1], last_owner[CCAD_ID_MAX + 1];
} fstore;

static int fs_begin(void *u)
{
    fstore *f = u;
    f->begun++;
    return f->fail == 1;
}
static int fs_commit(void *u)
{
    fstore *f = u;
    if (f->fail == 3)
        return 1;
    f->committed++;
    return 0;
}
static int fs_rollback(void *u)
{
    fstore *f = u;
    f->rolled_back++;
    return f->fail == 4;
}
static int fs_load(void *u, const char *id, ccad_customer *out, int *found)
{
    (void)u;
    (void)id;
    (void)out;
    *found = 0;
    return 0;
}
static int fs_save(void *u, const ccad_customer *c)
{
    (void)u;
    (void)c;
    return 0;
}
static int fs_append(void *u, const char *id, const ccad_contact *k)
{
    (void)u;
    (void)id;
    (void)k;
    return 0;
}
static int fs_iterate(void *u, ccad_store_each_fn each, void *eu)
{
    (void)u;
    (void)each;
    (void)eu;
    return 0;
}
static int fs_remove(void *u, const char *id)
{
    fstore *f = u;
    if (f->fail == 2 || f->fail == 4)
        return 1;
    f->removed++;
    snprintf(f->last_id, sizeof f->last_id, "%s", id);
    return 0;
}
static int fs_set_owner(void *u, const char *id, const char *owner)
{
    fstore *f = u;
    if (f->fail == 2 || f->fail == 4)
        return 1;
    f->owner_set++;
    snprintf(f->last_id, sizeof f->last_id, "%s", id);
    snprintf(f->last_owner, sizeof f->last_owner, "%s", owner);
    return 0;
}

static void set_stores(team_world *w, fstore *f)
{
    ccad_store s = CCAD_STORE_INIT;
    ccad_store_moves m = CCAD_STORE_MOVES_INIT;
    s.user = f;
    s.begin = fs_begin;
    s.commit = fs_commit;
    s.rollback = fs_rollback;
    s.load = fs_load;
    s.save = fs_save;
    s.append_contact = fs_append;
    s.iterate = fs_iterate;
    m.user = f;
    m.remove = fs_remove;
    m.set_owner = fs_set_owner;
    TU_PASS(w->fx.ctx, ccad_ctx_set_store(w->fx.ctx, &s));
    TU_PASS(w->fx.ctx, ccad_ctx_set_store_moves(w->fx.ctx, &m));
}

static void store_moves_all_or_nothing(void **state)
{
    team_world w;
    fstore f;
    int mode;
    size_t at = 99;
    ccad_store_moves m = CCAD_STORE_MOVES_INIT;
    (void)state;
    team_world_open(&w, 5, -1);
    TU_FAIL(w.fx.ctx, ccad_store_remove(w.a, 0), CCAD_ENOTSUP);
    memset(&f, 0, sizeof f);
    set_stores(&w, &f);
    for (mode = 1; mode <= 4; mode++) {
        tu_snap sa, sb;
        tu_snap_take(&sa, w.a);
        tu_snap_take(&sb, w.b);
        memset(&f, 0, sizeof f);
        f.fail = mode;
        TU_FAIL(w.fx.ctx, ccad_store_remove(w.a, 1), CCAD_ECALLBACK);
        assert_int_equal(f.rolled_back, mode == 1 ? 0 : 1);
        TU_FAIL(w.fx.ctx, ccad_store_transfer(w.a, 1, w.b, "bea", &at), CCAD_ECALLBACK);
        assert_int_equal(at, 99);
        assert_int_equal(f.committed, 0);
        tu_snap_check(&sa, w.a);
        tu_snap_check(&sb, w.b);
        tu_snap_free(&sa);
        tu_snap_free(&sb);
    }
    memset(&f, 0, sizeof f);
    TU_PASS(w.fx.ctx, ccad_store_remove(w.a, 1));
    assert_int_equal(f.removed, 1);
    assert_int_equal(f.committed, 1);
    assert_string_equal(f.last_id, "c01");
    assert_int_equal(ccad_book_count(w.a), 4);
    TU_PASS(w.fx.ctx, ccad_store_transfer(w.a, 0, w.b, "bea", &at));
    assert_int_equal(f.owner_set, 1);
    assert_string_equal(f.last_id, "c00");
    assert_string_equal(f.last_owner, "bea");
    assert_int_equal(at, 0);
    assert_string_equal(ccad_book_id(w.b, 0), "c00");
    assert_int_equal(ccad_book_count(w.a), 3);
    /* bad input before any callback */
    memset(&f, 0, sizeof f);
    TU_FAIL(w.fx.ctx, ccad_store_transfer(w.a, 0, w.b, "", &at), CCAD_EINVAL);
    TU_FAIL(w.fx.ctx, ccad_store_transfer(w.a, 7, w.b, "bea", &at), CCAD_ENOTFOUND);
    TU_FAIL(w.fx.ctx, ccad_store_remove(w.a, 7), CCAD_ENOTFOUND);
    assert_int_equal(f.begun, 0);
    /* the moves struct: both callbacks, known size */
    TU_FAIL(w.fx.ctx, ccad_ctx_set_store_moves(w.fx.ctx, &m), CCAD_EINVAL);
    m.size = 2;
    TU_FAIL(w.fx.ctx, ccad_ctx_set_store_moves(w.fx.ctx, &m), CCAD_EVERSION);
    TU_PASS(w.fx.ctx, ccad_ctx_set_store_moves(w.fx.ctx, NULL));
    TU_FAIL(w.fx.ctx, ccad_store_remove(w.a, 0), CCAD_ENOTSUP);
    team_world_close(&w);
}

/* Entry points refuse from inside a callback (busy guard). */
static team_world *busy_w;
static int busy_result[9];

static int busy_cal(void *user, const char *rep_id, int32_t day, uint32_t *out)
{
    ccad_team *t = *(ccad_team **)user;
    ccad_rep r = rep("new", 3);
    uint32_t f;
    (void)rep_id;
    (void)day;
    busy_result[0] = ccad_team_add(t, &r, busy_w->b);
    busy_result[1] = ccad_book_remove(busy_w->a, 0);
    busy_result[2] = ccad_book_transfer(busy_w->a, 0, busy_w->b, NULL);
    busy_result[3] = ccad_team_day_flags(t, 0, team_day0(), &f);
    busy_result[4] = ccad_store_remove(busy_w->a, 0);
    busy_result[6] = ccad_store_transfer(busy_w->a, 0, busy_w->b, "x", NULL);
    busy_result[7] = ccad_ctx_set_store_moves(busy_w->fx.ctx, NULL);
    {
        ccad_plan_options o = CCAD_PLAN_OPTIONS_INIT;
        ccad_team_schedule *ts = NULL;
        o.first_day = team_day0();
        busy_result[8] = ccad_team_schedule_new(&ts, t, busy_w->fx.r, &o);
        assert_null(ts);
    }
    busy_result[5] = ccad_team_new(&t, busy_w->fx.ctx, NULL);
    *out = CCAD_DAY_WORKING;
    return 0;
}

static void busy_guard(void **state)
{
    team_world w;
    ccad_team *t = NULL;
    ccad_team_options o = CCAD_TEAM_OPTIONS_INIT;
    ccad_rep r = rep("ann", 3);
    uint32_t f = 0;
    int i;
    (void)state;
    team_world_open(&w, 2, -1);
    busy_w = &w;
    o.calendar = busy_cal;
    o.user = &t; /* the callback reaches the team through the caller's pointer */
    TU_PASS(w.fx.ctx, ccad_team_new(&t, w.fx.ctx, &o));
    TU_PASS(w.fx.ctx, ccad_team_add(t, &r, w.a));
    TU_PASS(w.fx.ctx, ccad_team_day_flags(t, 0, team_day0(), &f));
    for (i = 0; i < 9; i++)
        assert_int_equal(busy_result[i], CCAD_EBUSY);
    assert_int_equal(ccad_team_count(t), 1);
    assert_int_equal(ccad_book_count(w.a), 2);
    ccad_team_free(t);
    team_world_close(&w);
}

/* NULL and bad arguments of every team function: a clear code, nothing
 * changed, no crash. */
static void misuse(void **state)
{
    team_world w;
    ccad_team *t = NULL;
    ccad_rep r = rep("ann", 2), out = CCAD_REP_INIT;
    ccad_book *b = NULL;
    size_t at = 7, at2 = 7;
    uint32_t f = 0;
    (void)state;
    team_world_open(&w, 2, -1);
    assert_int_equal(ccad_team_new(NULL, w.fx.ctx, NULL), CCAD_EINVAL);
    assert_int_equal(ccad_team_new(&t, NULL, NULL), CCAD_EINVAL);
    assert_null(t);
    TU_PASS(w.fx.ctx, ccad_team_new(&t, w.fx.ctx, NULL));
    TU_PASS(w.fx.ctx, ccad_team_add(t, &r, w.a));
    assert_int_equal(ccad_team_rep(NULL, 0, &out, &b), CCAD_EINVAL);
    out.size = 3;
    assert_int_equal(ccad_team_rep(t, 0, &out, &b), CCAD_EVERSION);
    TU_PASS(w.fx.ctx, ccad_team_rep(t, 0, NULL, &b));
    assert_ptr_equal(b, w.a);
    assert_int_equal(ccad_team_find(NULL, "ann", &at), CCAD_EINVAL);
    assert_int_equal(ccad_team_find(t, NULL, &at), CCAD_EINVAL);
    assert_int_equal(ccad_team_find(t, "ann", NULL), CCAD_EINVAL);
    assert_int_equal(ccad_team_owner(NULL, "c00", &at, NULL), CCAD_EINVAL);
    assert_int_equal(ccad_team_owner(t, NULL, &at, NULL), CCAD_EINVAL);
    TU_PASS(w.fx.ctx, ccad_team_owner(t, "c01", &at, &at2));
    assert_int_equal(at, 0);
    assert_int_equal(at2, 1);
    assert_int_equal(ccad_team_day_flags(NULL, 0, team_day0(), &f), CCAD_EINVAL);
    assert_int_equal(ccad_book_transfer(NULL, 0, w.b, NULL), CCAD_EINVAL);
    assert_int_equal(ccad_ctx_set_store_moves(NULL, NULL), CCAD_EINVAL);
    assert_int_equal(ccad_store_remove(NULL, 0), CCAD_EINVAL);
    assert_int_equal(ccad_store_transfer(NULL, 0, w.b, "x", NULL), CCAD_EINVAL);
    TU_FAIL(w.fx.ctx, ccad_store_transfer(w.a, 0, w.b, NULL, NULL), CCAD_EINVAL);
    assert_int_equal(ccad_book_count(w.a), 2);
    assert_int_equal(ccad_book_count(w.b), 0);
    {
        ccad_team_item ti = CCAD_TEAM_ITEM_INIT;
        ccad_team_finding tf = CCAD_TEAM_FINDING_INIT;
        assert_int_equal(ccad_team_schedule_item(NULL, 0, &ti), CCAD_EINVAL);
        assert_int_equal(ccad_team_schedule_finding(NULL, 0, &tf), CCAD_EINVAL);
    }
    ccad_team_free(t);
    ccad_team_free(NULL);
    team_world_close(&w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(team_keeps_id_order),
        cmocka_unit_test(team_calendar_per_rep),
        cmocka_unit_test(remove_keeps_the_rest),
        cmocka_unit_test(transfer_moves_history),
        cmocka_unit_test(store_moves_all_or_nothing),
        cmocka_unit_test(busy_guard),
        cmocka_unit_test(misuse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
