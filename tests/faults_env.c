/* Helpers of tests/faults_env.h. */
#include "faults_env.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------ */
/* Host callbacks with one fault counter                                      */

static int cb_fail(cbs *c)
{
    c->calls++;
    if (c->fail_at > 0 && (c->calls == c->fail_at || (c->fail_after && c->calls > c->fail_at))) {
        c->failures++;
        return 1;
    }
    return 0;
}

void cb_arm(cbs *c, long n, int after)
{
    c->calls = 0;
    c->failures = 0;
    c->rollbacks_failed = 0;
    c->fail_at = n;
    c->fail_after = after;
}

/* ---- the fake store: real transactions (snapshot at begin) ---- */

/* Ends the fault window right after the call under test (before any check
 * or digest that could allocate or call the host) and notes what it did. */
void settle(world *w)
{
    w->injected = w->al.failures + w->cb.failures;
    w->allocs_made = w->al.calls;
    w->cbs_made = w->cb.calls;
    w->errcode = ccad_ctx_errcode(w->ctx);
    strncpy(w->errmsg, ccad_ctx_errmsg(w->ctx), sizeof w->errmsg - 1);
    w->errmsg[sizeof w->errmsg - 1] = '\0';
    tu_fail_at(&w->al, 0, 0);
    w->cb.fail_at = 0;
}

static int h_clock(void *user, int64_t *out)
{
    world *w = user;
    if (cb_fail(&w->cb))
        return 1;
    *out = (int64_t)w->today * 86400 + 9 * 3600;
    return 0;
}

static int h_calendar(void *user, int32_t day, uint32_t *out)
{
    world *w = user;
    int wd;
    if (cb_fail(&w->cb))
        return 1;
    assert_int_equal(ccad_date_weekday(&wd, day), CCAD_OK);
    *out = wd <= 5 ? CCAD_DAY_WORKING : 0;
    if (day == w->today + 3)
        *out |= CCAD_DAY_SPECIAL;
    if (day == w->today + 8)
        *out |= CCAD_DAY_ABSENT;
    return 0;
}

static int h_travel(void *user, double fx, double fy, double tx, double ty, int32_t *out)
{
    world *w = user;
    if (cb_fail(&w->cb))
        return 1;
    *out = (int32_t)lround(sqrt((fx - tx) * (fx - tx) + (fy - ty) * (fy - ty)) * 3.0);
    return 0;
}

static void *h_alloc(void *user, size_t n);
static void *h_realloc(void *user, void *p, size_t n);
static void h_free(void *user, void *p);

/* the counting allocator of testutil, reached through the world */
static ccad_host tu_proto;
static void *h_alloc(void *user, size_t n) { return tu_proto.alloc(&((world *)user)->al, n); }
static void *h_realloc(void *user, void *p, size_t n)
{
    return tu_proto.realloc(&((world *)user)->al, p, n);
}
static void h_free(void *user, void *p) { tu_proto.free(&((world *)user)->al, p); }

static int fs_begin(void *user)
{
    world *w = user;
    assert_false(w->in_tx);
    if (cb_fail(&w->cb))
        return 1;
    w->tx = w->cur;
    w->in_tx = 1;
    return 0;
}

static int fs_commit(void *user)
{
    world *w = user;
    assert_true(w->in_tx);
    if (cb_fail(&w->cb))
        return 1;
    w->in_tx = 0;
    return 0;
}

static int fs_rollback(void *user)
{
    world *w = user;
    assert_true(w->in_tx);
    w->in_tx = 0;
    if (cb_fail(&w->cb)) {
        w->cb.rollbacks_failed++;
        return 1; /* the writes stay */
    }
    w->cur = w->tx;
    return 0;
}

static long fs_find(const fs_state *s, const char *id)
{
    size_t i;
    for (i = 0; i < s->n; i++)
        if (strcmp(s->ids[i], id) == 0)
            return (long)i;
    return -1;
}

static int fs_load(void *user, const char *id, ccad_customer *out, int *found)
{
    world *w = user;
    long i;
    assert_true(w->in_tx);
    if (cb_fail(&w->cb))
        return 1;
    i = fs_find(&w->cur, id);
    *found = i >= 0;
    if (i >= 0) {
        *out = w->cur.c[i];
        out->id = w->cur.ids[i];
    }
    return 0;
}

static int fs_save(void *user, const ccad_customer *c)
{
    world *w = user;
    long i;
    assert_true(w->in_tx);
    if (cb_fail(&w->cb))
        return 1;
    i = fs_find(&w->cur, c->id);
    if (i < 0) {
        assert_true(w->cur.n < FS_MAX);
        i = (long)w->cur.n++;
        strcpy(w->cur.ids[i], c->id);
    }
    w->cur.c[i] = *c;
    w->cur.c[i].id = NULL;
    return 0;
}

static int fs_append(void *user, const char *id, const ccad_contact *k)
{
    world *w = user;
    assert_true(w->in_tx);
    assert_non_null(id);
    assert_non_null(k);
    if (cb_fail(&w->cb))
        return 1;
    w->cur.nlog++;
    return 0;
}

static int fs_iterate(void *user, ccad_store_each_fn each, void *each_user)
{
    world *w = user;
    size_t i;
    assert_true(w->in_tx);
    if (cb_fail(&w->cb))
        return 1;
    for (i = 0; i < w->cur.n; i++) {
        ccad_customer c = w->cur.c[i];
        c.id = w->cur.ids[i];
        if (each(each_user, &c) != 0)
            return 1;
    }
    return 0;
}

static int fs_remove(void *user, const char *id)
{
    world *w = user;
    long i;
    assert_true(w->in_tx);
    if (cb_fail(&w->cb))
        return 1;
    i = fs_find(&w->cur, id);
    if (i >= 0) {
        memmove(&w->cur.ids[i], &w->cur.ids[i + 1],
                (w->cur.n - (size_t)i - 1) * sizeof w->cur.ids[0]);
        memmove(&w->cur.c[i], &w->cur.c[i + 1], (w->cur.n - (size_t)i - 1) * sizeof w->cur.c[0]);
        w->cur.n--;
    }
    return 0;
}

/* An owner change is a write the store can see: counted with the log. */
static int fs_set_owner(void *user, const char *id, const char *owner)
{
    world *w = user;
    assert_true(w->in_tx);
    assert_non_null(id);
    assert_non_null(owner);
    if (cb_fail(&w->cb))
        return 1;
    w->cur.nlog++;
    return 0;
}

/* The team calendar: the context's, with rep r2 away on today + 2. */
static int h_team_calendar(void *user, const char *rep, int32_t day, uint32_t *out)
{
    world *w = user;
    int wd;
    if (cb_fail(&w->cb))
        return 1;
    assert_int_equal(ccad_date_weekday(&wd, day), CCAD_OK);
    *out = wd <= 5 ? CCAD_DAY_WORKING : 0;
    if (day == w->today + 2 && strcmp(rep, "r2") == 0)
        *out |= CCAD_DAY_ABSENT;
    return 0;
}

void fs_equal(const fs_state *a, const fs_state *b)
{
    size_t i;
    assert_int_equal(a->n, b->n);
    assert_int_equal(a->nlog, b->nlog);
    for (i = 0; i < a->n; i++) {
        ccad_customer x = a->c[i], y = b->c[i];
        assert_string_equal(a->ids[i], b->ids[i]);
        x.id = a->ids[i];
        y.id = b->ids[i];
        tu_customer_equal(&x, &y);
    }
}

/* ------------------------------------------------------------------------ */
/* Digests of results                                                         */

uint64_t mix(uint64_t h, uint64_t v)
{
    int k;
    for (k = 0; k < 8; k++) {
        h ^= (v >> (8 * k)) & 0xffu;
        h *= UINT64_C(1099511628211);
    }
    return h;
}

static uint64_t mix_str(uint64_t h, const char *s)
{
    while (*s)
        h = mix(h, (unsigned char)*s++);
    return mix(h, 0);
}

static uint64_t mix_double(uint64_t h, double d)
{
    uint64_t u;
    memcpy(&u, &d, sizeof u);
    return mix(h, u);
}

static uint64_t mix_customer(uint64_t h, const ccad_customer *c)
{
    int k;
    h = mix_str(h, c->id);
    h = mix(h, (uint64_t)c->value);
    h = mix(h, (uint64_t)c->grade);
    h = mix(h, (uint64_t)c->status);
    h = mix(h, (uint64_t)c->purchase_date);
    h = mix(h, (uint64_t)c->monthly_volume);
    h = mix(h, (uint64_t)c->margin_bp);
    h = mix(h, (uint64_t)c->capable);
    h = mix(h, (uint64_t)c->has_location);
    h = mix_double(h, c->x);
    h = mix_double(h, c->y);
    h = mix(h, (uint64_t)c->complaint);
    h = mix(h, (uint64_t)c->complaint_date);
    h = mix(h, (uint64_t)c->request_date);
    h = mix(h, c->visit_days);
    h = mix(h, (uint64_t)c->visit_open_min);
    h = mix(h, (uint64_t)c->visit_close_min);
    h = mix(h, (uint64_t)c->owned_since);
    h = mix(h, (uint64_t)c->last_contact);
    h = mix(h, (uint64_t)c->last_visit);
    h = mix(h, (uint64_t)c->last_gap_days);
    h = mix(h, c->contacts);
    h = mix(h, c->no_progress);
    h = mix(h, c->missing_records);
    h = mix(h, (uint64_t)c->last_recorded);
    h = mix(h, (uint64_t)c->next_step_date);
    for (k = 0; k < 4; k++)
        h = mix(h, c->service_counts[k]);
    return h;
}

uint64_t mix_reasons(uint64_t h, const ccad_reason *r, uint32_t n)
{
    uint32_t k;
    h = mix(h, n);
    for (k = 0; k < n; k++) {
        h = mix(h, (uint64_t)r[k].rule);
        h = mix(h, (uint64_t)r[k].why);
        h = mix(h, (uint64_t)r[k].a);
        h = mix(h, (uint64_t)r[k].b);
        h = mix(h, (uint64_t)r[k].c);
    }
    return h;
}

static uint64_t mix_assessment(uint64_t h, const ccad_assessment *a)
{
    h = mix(h, (uint64_t)a->grade);
    h = mix(h, (uint64_t)a->urgency);
    h = mix(h, (uint64_t)a->quadrant);
    h = mix(h, (uint64_t)a->interval_days);
    h = mix(h, (uint64_t)a->due_date);
    h = mix(h, (uint64_t)a->escalation);
    h = mix(h, (uint64_t)a->temperature);
    h = mix(h, a->flags);
    h = mix(h, (uint64_t)a->strategy);
    return mix_reasons(h, a->reasons, a->reason_count);
}

/* The whole book under rules r: customers, then assessments (if graded). */
uint64_t book_digest(const ccad_book *b, const ccad_rules *r, int32_t today)
{
    uint64_t h = UINT64_C(1469598103934665603);
    size_t i, n = ccad_book_count(b);
    h = mix(h, n);
    for (i = 0; i < n; i++) {
        ccad_customer c = CCAD_CUSTOMER_INIT;
        ccad_assessment a;
        TU_PASS(ccad_book_ctx(b), ccad_book_get(b, i, &c));
        h = mix_customer(h, &c);
        memset(&a, 0, sizeof a);
        a.size = (uint32_t)sizeof a;
        if (r != NULL) {
            TU_PASS(ccad_book_ctx(b), ccad_book_assess(b, r, i, today, &a));
            h = mix_assessment(h, &a);
        }
    }
    return h;
}

uint64_t schedule_digest(const ccad_schedule *s, int32_t first, int32_t days)
{
    uint64_t h = UINT64_C(1469598103934665603);
    size_t i;
    int32_t d;
    for (i = 0; i < ccad_schedule_item_count(s); i++) {
        ccad_item it = CCAD_ITEM_INIT;
        assert_int_equal(ccad_schedule_item(s, i, &it), CCAD_OK);
        h = mix(h, (uint64_t)it.date);
        h = mix(h, it.customer);
        h = mix(h, (uint64_t)it.kind);
        h = mix(h, (uint64_t)it.quadrant);
        h = mix(h, (uint64_t)it.priority);
        h = mix(h, (uint64_t)it.delegated);
        h = mix(h, (uint64_t)it.rolled_from);
        h = mix(h, (uint64_t)it.reminder_date);
        h = mix(h, (uint64_t)it.block_day);
        h = mix(h, (uint64_t)it.seq);
        h = mix(h, (uint64_t)it.eta_min);
        h = mix(h, (uint64_t)it.depart_min);
        h = mix(h, (uint64_t)it.travel_min);
        h = mix(h, (uint64_t)it.late);
        h = mix_reasons(h, it.reasons, it.reason_count);
    }
    for (i = 0; i < ccad_schedule_finding_count(s); i++) {
        ccad_finding f = CCAD_FINDING_INIT;
        assert_int_equal(ccad_schedule_finding(s, i, &f), CCAD_OK);
        h = mix(h, (uint64_t)f.kind);
        h = mix(h, (uint64_t)f.customer);
        h = mix(h, (uint64_t)f.date);
        h = mix_reasons(h, f.reasons, f.reason_count);
    }
    for (d = first; d < first + days; d++) {
        ccad_day day = CCAD_DAY_INIT;
        assert_int_equal(ccad_schedule_day(s, d, &day), CCAD_OK);
        h = mix(h, day.flags);
        h = mix(h, (uint64_t)day.items);
        h = mix(h, (uint64_t)day.stops);
        h = mix(h, (uint64_t)day.travel_min);
        h = mix(h, (uint64_t)day.back_min);
        h = mix(h, (uint64_t)day.late);
    }
    return h;
}

uint64_t store_digest(const fs_state *s)
{
    uint64_t h = UINT64_C(1469598103934665603);
    size_t i;
    h = mix(h, s->n);
    h = mix(h, s->nlog);
    for (i = 0; i < s->n; i++) {
        ccad_customer c = s->c[i];
        c.id = s->ids[i];
        h = mix_customer(h, &c);
    }
    return h;
}

/* ------------------------------------------------------------------------ */
/* The world                                                                  */

ccad_customer gen_customer(int i, char *id, int32_t today)
{
    ccad_customer c = CCAD_CUSTOMER_INIT;
    /* 15 bytes + NUL: 64 ids fill the 1024-byte id arena exactly */
    snprintf(id, 16, "cust-%010d", i);
    c.id = id;
    c.value = (int64_t)((i * 7919) % 1000) * 1000 + i;
    c.status = i % 17 == 5 ? CCAD_STATUS_RELEASED
               : i % 3     ? CCAD_STATUS_ACTIVE
                           : CCAD_STATUS_PROSPECT;
    c.last_contact = i % 9 == 0 ? CCAD_NO_DATE : today - 1 - (i % 37);
    c.contacts = c.last_contact == CCAD_NO_DATE ? 0 : (uint32_t)(1 + i % 7);
    c.monthly_volume = i % 4 == 0 ? -1 : (int64_t)(i % 5) * 2000000;
    c.margin_bp = i % 6 == 0 ? -1 : (int32_t)(i * 37 % 10000);
    c.no_progress = (uint32_t)(i % 4);
    if (i % 5 == 0)
        c.purchase_date = today + i % 12;
    if (i % 11 == 0) {
        c.complaint = CCAD_COMPLAINT_OPEN;
        c.complaint_date = today - 2;
    } else if (i % 13 == 0) {
        c.complaint = CCAD_COMPLAINT_RESOLVED;
        c.complaint_date = today - 4;
    }
    if (i % 19 == 0)
        c.request_date = today + 1;
    c.has_location = i % 10 != 7;
    c.x = (i % 2 ? 30.0 : -30.0) + (double)(i * 7 % 13);
    c.y = (double)(i * 5 % 11) - 5.0;
    if (i % 8 == 3) {
        c.visit_days = CCAD_MON | CCAD_WED | CCAD_FRI;
        c.visit_open_min = 540;
        c.visit_close_min = 900;
    }
    return c;
}

ccad_rep fault_rep(const char *id, double x, int vpd)
{
    ccad_rep r = CCAD_REP_INIT;
    r.id = id;
    r.base_x = x;
    r.visits_per_day = vpd;
    r.day_minutes = 600;
    return r;
}

/* W_TEAM: books b2 (16 customers: its arrays exactly full) .. b5 and the
 * team of b, b2, b3 and b4; the store's move callbacks. */
static void team_open(world *w)
{
    ccad_team_options o = CCAD_TEAM_OPTIONS_INIT;
    ccad_store_moves m = CCAD_STORE_MOVES_INIT;
    ccad_rep r;
    char id[16];
    int i;
    TU_PASS(w->ctx, ccad_book_new(&w->b2, w->ctx, 0));
    TU_PASS(w->ctx, ccad_book_new(&w->b3, w->ctx, 0));
    TU_PASS(w->ctx, ccad_book_new(&w->b4, w->ctx, 0));
    TU_PASS(w->ctx, ccad_book_new(&w->b5, w->ctx, 0));
    for (i = 0; i < 16; i++) {
        ccad_customer c = gen_customer(500 + i, id, w->today);
        TU_PASS(w->ctx, ccad_book_add(w->b2, &c, NULL));
    }
    for (i = 0; i < 6; i++) {
        ccad_customer c = gen_customer(700 + i, id, w->today);
        TU_PASS(w->ctx, ccad_book_add(w->b3, &c, NULL));
    }
    TU_PASS(w->ctx, ccad_book_grade(w->b2, w->r));
    TU_PASS(w->ctx, ccad_book_grade(w->b3, w->r));
    for (i = 0; i < 5; i++) { /* b5: the pool of the team proposals */
        ccad_customer c = gen_customer(900 + i, id, w->today);
        TU_PASS(w->ctx, ccad_book_add(w->b5, &c, NULL));
    }
    TU_PASS(w->ctx, ccad_book_grade(w->b4, w->r));
    TU_PASS(w->ctx, ccad_book_grade(w->b5, w->r));
    tu_snap_take(&w->snap2, w->b2);
    o.user = w;
    o.calendar = h_team_calendar;
    TU_PASS(w->ctx, ccad_team_new(&w->team, w->ctx, &o));
    r = fault_rep("r4", -30.0, 2);
    TU_PASS(w->ctx, ccad_team_add(w->team, &r, w->b4));
    r = fault_rep("r1", 0.0, 3);
    TU_PASS(w->ctx, ccad_team_add(w->team, &r, w->b));
    r = fault_rep("r3", 30.0, 3);
    TU_PASS(w->ctx, ccad_team_add(w->team, &r, w->b3));
    r = fault_rep("r2", 10.0, 2);
    TU_PASS(w->ctx, ccad_team_add(w->team, &r, w->b2));
    m.user = w;
    m.remove = fs_remove;
    m.set_owner = fs_set_owner;
    TU_PASS(w->ctx, ccad_ctx_set_store_moves(w->ctx, &m));
}

static void sched_open(world *w, int stale);

void world_open(world *w, int flags)
{
    ccad_store st = CCAD_STORE_INIT;
    char id[16];
    int i;
    memset(w, 0, sizeof *w);
    w->today = tu_date("2026-11-23");
    tu_proto = tu_host(&w->al);
    w->host = (ccad_host)CCAD_HOST_INIT;
    w->host.user = w;
    w->host.alloc = h_alloc;
    w->host.realloc = (flags & W_EMULATE_REALLOC) ? NULL : h_realloc;
    w->host.free = h_free;
    w->host.clock = h_clock;
    w->host.calendar = h_calendar;
    w->host.travel = h_travel;
    TU_PASS(w->ctx, ccad_ctx_new(&w->ctx, &w->host));
    st.user = w;
    st.begin = fs_begin;
    st.commit = fs_commit;
    st.rollback = fs_rollback;
    st.load = fs_load;
    st.save = fs_save;
    st.append_contact = fs_append;
    st.iterate = fs_iterate;
    TU_PASS(w->ctx, ccad_ctx_set_store(w->ctx, &st));
    TU_PASS(w->ctx, ccad_rules_new(&w->r, w->ctx));
    TU_PASS(w->ctx, ccad_rules_set(w->r, "gap.max_days", 12));
    TU_PASS(w->ctx, ccad_rules_set(w->r, "platform.cap_a", 5));
    TU_PASS(w->ctx, ccad_rules_copy(&w->r_saved, w->ctx, w->r));
    TU_PASS(w->ctx, ccad_rules_copy(&w->r2, w->ctx, w->r));
    TU_PASS(w->ctx, ccad_rules_set(w->r2, "grade.share_a_pct", 35));
    TU_PASS(w->ctx, ccad_rules_copy(&w->r2_saved, w->ctx, w->r2));
    TU_PASS(w->ctx, ccad_book_new(&w->b, w->ctx, 0));
    for (i = 0; i < NCUST; i++) {
        ccad_customer c = gen_customer(i, id, w->today);
        if (i == 3 && (flags & W_WIDE_NEXT))
            c.contacts = 65535;
        TU_PASS(w->ctx, ccad_book_add(w->b, &c, NULL));
    }
    TU_PASS(w->ctx, ccad_book_grade(w->b, w->r));
    if (flags & (W_SCHED | W_SCHED_STALE))
        sched_open(w, (flags & W_SCHED_STALE) != 0);
    if (flags & W_BIG) {
        TU_PASS(w->ctx, ccad_book_new(&w->big, w->ctx, 0));
        for (i = 0; i < BIG_CUST; i++) {
            ccad_customer c = gen_customer(2000 + i, id, w->today);
            TU_PASS(w->ctx, ccad_book_add(w->big, &c, NULL));
        }
        TU_PASS(w->ctx, ccad_book_grade(w->big, w->r));
    }
    tu_snap_take(&w->snap, w->b);
    if (flags & W_TEAM)
        team_open(w);
    w->as = calloc(NCUST, sizeof *w->as);
    assert_non_null(w->as);
    for (i = 0; i < NCUST; i++) {
        w->as[i].size = (uint32_t)sizeof w->as[i];
        TU_PASS(w->ctx, ccad_book_assess(w->b, w->r, (size_t)i, w->today, &w->as[i]));
    }
    /* the store: customers 0..31 as in the book (8 of them changed), and
     * 32 customers of its own */
    for (i = 0; i < NSTORED; i++) {
        int k = i < 32 ? i : 1000 + i;
        ccad_customer c = gen_customer(k, id, w->today);
        if (i < 32 && i % 4 == 0)
            c.value += 5;
        strcpy(w->cur.ids[w->cur.n], id);
        c.id = NULL;
        w->cur.c[w->cur.n++] = c;
    }
    w->initial = w->cur;
}

void world_check(world *w)
{
    size_t i;
    assert_true(ccad_rules_equal(w->r, w->r_saved));
    assert_true(ccad_rules_equal(w->r2, w->r2_saved));
    tu_snap_check(&w->snap, w->b);
    for (i = 0; i < NCUST; i++) {
        ccad_assessment a;
        memset(&a, 0, sizeof a);
        a.size = (uint32_t)sizeof a;
        TU_PASS(ccad_book_ctx(w->b), ccad_book_assess(w->b, w->r, i, w->today, &a));
        assert_memory_equal(&a, &w->as[i], sizeof a);
    }
    {
        ccad_brief br[NCUST];
        TU_PASS(ccad_book_ctx(w->b),
                ccad_book_assess_range(w->b, w->r, 0, NCUST, w->today, br, sizeof *br));
        for (i = 0; i < NCUST; i++) {
            assert_int_equal(br[i].due_date, w->as[i].due_date);
            assert_int_equal(br[i].flags, w->as[i].flags);
            assert_int_equal(br[i].grade, w->as[i].grade);
        }
    }
    if (w->b2 != NULL)
        tu_snap_check(&w->snap2, w->b2);
    assert_false(w->in_tx);
}

/* The planner options of the census's schedules: two weeks from today, 4
 * visits a day; route/assign/metric as given (GEO: a whole day at 500
 * units a minute). */
ccad_plan_options census_plan_opts(const world *w, int route, int assign, int metric)
{
    ccad_plan_options o = CCAD_PLAN_OPTIONS_INIT;
    o.first_day = w->today;
    o.days = 14;
    o.visits_per_day = 4;
    o.route = route;
    o.assign_days = assign;
    o.metric = metric;
    o.effort = 5;
    if (metric == CCAD_METRIC_GEO) {
        o.units_per_minute = 500.0;
        o.day_minutes = 1440;
        o.day_start_min = 0;
    }
    return o;
}

/* The schedule of W_SCHED, replanned once after a contact so that it keeps
 * a trace (a schedule keeps one from its first replan on); stale = 1: a
 * contact is recorded after it, so that a replan has a book change to catch
 * up with. */
static void sched_open(world *w, int stale)
{
    ccad_plan_options o = census_plan_opts(w, 0, 0, 0);
    ccad_contact first = CCAD_CONTACT_INIT;
    TU_PASS(ccad_book_ctx(w->b), ccad_schedule_new(&w->sched, w->b, w->r, &o));
    first.date = w->today;
    TU_PASS(ccad_book_ctx(w->b), ccad_book_record(w->b, 4, &first));
    TU_PASS(ccad_book_ctx(w->b), ccad_schedule_replan(w->sched, w->b, w->r, &o, NULL));
    w->sched_digest = schedule_digest(w->sched, o.first_day, o.days);
    if (stale) {
        ccad_contact k = CCAD_CONTACT_INIT;
        k.date = w->today;
        TU_PASS(ccad_book_ctx(w->b), ccad_book_record(w->b, 5, &k));
    }
}

ccad_contact fault_contact(const world *w)
{
    ccad_contact k = CCAD_CONTACT_INIT;
    k.date = w->today;
    k.kind = CCAD_CONTACT_CALL;
    k.outcome = CCAD_OUTCOME_NO_PROGRESS;
    k.next_date = w->today + 10;
    k.service_level = CCAD_SERVICE_VALUE;
    return k;
}

long leaks;

void world_close(world *w, const char *name)
{
    tu_snap_free(&w->snap);
    if (w->b2 != NULL)
        tu_snap_free(&w->snap2);
    ccad_team_free(w->team);
    ccad_book_free(w->b2);
    ccad_book_free(w->b3);
    ccad_book_free(w->b4);
    ccad_book_free(w->b5);
    ccad_book_free(w->big);
    free(w->as);
    ccad_schedule_free(w->sched);
    ccad_book_free(w->b);
    ccad_rules_free(w->r2_saved);
    ccad_rules_free(w->r2);
    ccad_rules_free(w->r_saved);
    ccad_rules_free(w->r);
    ccad_ctx_free(w->ctx);
    if (w->al.live != 0) {
        print_message("faults: %s: %ld blocks live after closing the world\n", name, w->al.live);
        leaks++;
    }
}
