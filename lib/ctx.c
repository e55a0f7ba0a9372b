/* Context: the host interface, the allocator and the last error. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int ccad_ctx_new(ccad_ctx **out, const ccad_host *host)
{
    ccad_host h = CCAD_HOST_INIT;
    ccad_ctx *ctx;

    if (out == NULL)
        return CCAD_EINVAL;
    *out = NULL;
    if (host != NULL) {
        if (!CCAD__SIZE_OK(host->size, ccad_host))
            return CCAD_EVERSION;
        memcpy(&h, host, sizeof h);
        h.size = (uint32_t)sizeof h;
        if ((h.alloc == NULL) != (h.free == NULL))
            return CCAD_EINVAL;
        if (h.alloc == NULL && h.realloc != NULL)
            return CCAD_EINVAL;
    }
    ctx = h.alloc != NULL ? h.alloc(h.user, sizeof *ctx) : malloc(sizeof *ctx);
    if (ctx == NULL)
        return CCAD_ENOMEM;
    memset(ctx, 0, sizeof *ctx);
    ctx->host = h;
    ctx->cpu = ccad__cpu_features();
    *out = ctx;
    return CCAD_OK;
}

void ccad_ctx_free(ccad_ctx *ctx)
{
    if (ctx == NULL || ccad__busy(ctx)) /* from a callback: the running call still uses it */
        return;
    if (ctx->host.free != NULL)
        ctx->host.free(ctx->host.user, ctx);
    else
        free(ctx);
}

const char *ccad_ctx_errmsg(const ccad_ctx *ctx)
{
    return ctx == NULL ? "no context" : ctx->errmsg;
}

int ccad_ctx_errcode(const ccad_ctx *ctx) { return ctx == NULL ? CCAD_EINVAL : ctx->errcode; }

int ccad_ctx_errpos(const ccad_ctx *ctx, uint32_t *out_line, uint32_t *out_column)
{
    if (ctx == NULL || out_line == NULL || out_column == NULL)
        return CCAD_EINVAL;
    if (ctx->errline == 0)
        return CCAD_ENOTFOUND;
    *out_line = ctx->errline;
    *out_column = ctx->errcol;
    return CCAD_OK;
}

int ccad__fail_in(ccad_ctx *ctx, const char *fn, int rc)
{
    char kept[CCAD_ERRMSG_CAP];
    if (rc == CCAD_OK || ctx == NULL || ccad__busy(ctx) || ctx->errcode != rc ||
        strncmp(ctx->errmsg, "ccad_", 5) == 0)
        return rc; /* no message of this failure, or one that names its function */
    memcpy(kept, ctx->errmsg, sizeof kept);
    (void)snprintf(ctx->errmsg, sizeof ctx->errmsg, "%.40s: %.200s", fn, kept);
    return rc;
}

int ccad__fail(ccad_ctx *ctx, int code, const char *fmt, ...)
{
    va_list ap;
    if (ctx == NULL || ccad__busy(ctx)) /* a reader called from a callback */
        return code;
    ctx->errcode = code;
    ctx->errline = 0;
    ctx->errcol = 0;
    va_start(ap, fmt);
    (void)vsnprintf(ctx->errmsg, sizeof ctx->errmsg, fmt, ap);
    va_end(ap);
    return code;
}

void *ccad__alloc(ccad_ctx *ctx, size_t n)
{
    void *p;
    if (ctx->host.alloc == NULL)
        return malloc(n);
    ctx->busy++;
    p = ctx->host.alloc(ctx->host.user, n);
    ctx->busy--;
    return p;
}

void *ccad__realloc(ccad_ctx *ctx, void *p, size_t old_n, size_t n)
{
    void *q;
    if (p == NULL)
        return ccad__alloc(ctx, n);
    if (ctx->host.alloc == NULL)
        return realloc(p, n);
    if (ctx->host.realloc != NULL) {
        ctx->busy++;
        q = ctx->host.realloc(ctx->host.user, p, n);
        ctx->busy--;
        return q;
    }
    q = ccad__alloc(ctx, n);
    if (q == NULL)
        return NULL;
    memcpy(q, p, old_n < n ? old_n : n);
    ccad__free(ctx, p);
    return q;
}

void ccad__free(ccad_ctx *ctx, void *p)
{
    if (p == NULL)
        return;
    if (ctx->host.free != NULL) {
        ctx->busy++;
        ctx->host.free(ctx->host.user, p);
        ctx->busy--;
    } else {
        free(p);
    }
}

int ccad_ctx_today(ccad_ctx *ctx, int32_t *out_day)
{
    int64_t secs = 0, day;
    int rc;
    if (ctx == NULL)
        return CCAD_EINVAL;
    if (ccad__busy(ctx))
        return CCAD_EBUSY;
    if (out_day == NULL)
        return ccad__fail(ctx, CCAD_EINVAL, "ccad_ctx_today: out_day is NULL");
    if (ctx->host.clock == NULL)
        return ccad__fail(ctx, CCAD_ENOTSUP, "ccad_ctx_today: the host gave no clock callback");
    ctx->busy++;
    rc = ctx->host.clock(ctx->host.user, &secs);
    ctx->busy--;
    if (rc != 0)
        return ccad__fail(ctx, CCAD_ECALLBACK, "ccad_ctx_today: clock callback failed");
    /* floor division; -(secs + 1) cannot overflow, even for INT64_MIN */
    day = secs >= 0 ? secs / 86400 : -1 - (-(secs + 1)) / 86400;
    if (day < CCAD_DATE_MIN || day > CCAD_DATE_MAX)
        return ccad__fail(ctx, CCAD_ERANGE,
                          "ccad_ctx_today: clock callback gave %lld s, outside years 1..9999",
                          (long long)secs);
    *out_day = (int32_t)day;
    return CCAD_OK;
}

uint32_t ccad__clean_day_flags(uint32_t flags)
{
    flags &= (uint32_t)(CCAD_DAY_WORKING | CCAD_DAY_HOLIDAY | CCAD_DAY_SPECIAL | CCAD_DAY_ABSENT);
    if (flags & CCAD_DAY_HOLIDAY)
        flags &= ~(uint32_t)CCAD_DAY_WORKING;
    if (!(flags & CCAD_DAY_WORKING))
        flags &= ~(uint32_t)CCAD_DAY_ABSENT; /* away on a day off is no absence */
    return flags;
}

int ccad__team_calendar(ccad_ctx *ctx, int (*cal)(void *, const char *, int32_t, uint32_t *),
                        void *user, const char *rep, int32_t day, uint32_t *out)
{
    uint32_t flags = 0;
    int rc;
    ctx->busy++;
    rc = cal(user, rep, day, &flags);
    ctx->busy--;
    if (rc != 0)
        return ccad__fail(ctx, CCAD_ECALLBACK,
                          "team calendar callback failed for rep '%.70s' on day %ld", rep,
                          (long)day);
    *out = ccad__clean_day_flags(flags);
    return CCAD_OK;
}

int ccad_ctx_day_flags(ccad_ctx *ctx, uint32_t *out_flags, int32_t day)
{
    uint32_t flags = 0;
    int rc;
    if (ctx == NULL)
        return CCAD_EINVAL;
    if (ccad__busy(ctx))
        return CCAD_EBUSY;
    if (out_flags == NULL)
        return ccad__fail(ctx, CCAD_EINVAL, "ccad_ctx_day_flags: out_flags is NULL");
    if (!ccad__date_ok(day))
        return ccad__fail(ctx, CCAD_ERANGE, "ccad_ctx_day_flags: day %ld out of range", (long)day);
    if (ctx->host.calendar == NULL) {
        flags = ccad__weekday(day) <= 5 ? CCAD_DAY_WORKING : 0;
    } else {
        ctx->busy++;
        rc = ctx->host.calendar(ctx->host.user, day, &flags);
        ctx->busy--;
        if (rc != 0)
            return ccad__fail(ctx, CCAD_ECALLBACK,
                              "ccad_ctx_day_flags: calendar callback failed for day %ld",
                              (long)day);
        flags = ccad__clean_day_flags(flags);
    }
    *out_flags = flags;
    return CCAD_OK;
}

/* ---- the only calls into the host besides the allocator, clock and
 * calendar above: travel times and storage ---- */

int ccad__travel(ccad_ctx *ctx, double x1, double y1, double x2, double y2, int32_t *out_minutes)
{
    int32_t m = 0;
    int rc;
    ctx->busy++;
    rc = ctx->host.travel(ctx->host.user, x1, y1, x2, y2, &m);
    ctx->busy--;
    if (rc != 0 || m < 0)
        return ccad__fail(
            ctx, CCAD_ECALLBACK,
            "travel callback failed (or gave a negative time) from (%g, %g) to (%g, %g)", x1, y1,
            x2, y2);
    *out_minutes = m;
    return CCAD_OK;
}

/* Each store call marks the context busy while the host runs: the caller
 * raises ctx->busy before the call, store_done lowers it after and hands
 * back the host's result. */
static int store_done(ccad_ctx *ctx, int rc)
{
    ctx->busy--;
    return rc;
}

int ccad__store_begin(ccad_ctx *ctx)
{
    ctx->busy++;
    return store_done(ctx, ctx->store.begin(ctx->store.user));
}
int ccad__store_commit(ccad_ctx *ctx)
{
    ctx->busy++;
    return store_done(ctx, ctx->store.commit(ctx->store.user));
}
int ccad__store_rollback(ccad_ctx *ctx)
{
    ctx->busy++;
    return store_done(ctx, ctx->store.rollback(ctx->store.user));
}
int ccad__store_save(ccad_ctx *ctx, const ccad_customer *c)
{
    ctx->busy++;
    return store_done(ctx, ctx->store.save(ctx->store.user, c));
}
int ccad__store_append(ccad_ctx *ctx, const char *id, const ccad_contact *e)
{
    ctx->busy++;
    return store_done(ctx, ctx->store.append_contact(ctx->store.user, id, e));
}
int ccad__store_load(ccad_ctx *ctx, const char *id, ccad_customer *out, int *found)
{
    ctx->busy++;
    return store_done(ctx, ctx->store.load(ctx->store.user, id, out, found));
}
int ccad__store_iterate(ccad_ctx *ctx, ccad_store_each_fn each, void *each_user)
{
    ctx->busy++;
    return store_done(ctx, ctx->store.iterate(ctx->store.user, each, each_user));
}

int ccad_ctx_set_lang(ccad_ctx *ctx, int lang)
{
    if (ctx == NULL)
        return CCAD_EINVAL;
    if (ccad__busy(ctx))
        return CCAD_EBUSY;
    if (lang < 0 || lang >= CCAD_LANG_COUNT)
        return ccad__fail(ctx, CCAD_EINVAL, "ccad_ctx_set_lang: unknown language %d", lang);
    ctx->lang = lang;
    return CCAD_OK;
}

int ccad_ctx_lang(const ccad_ctx *ctx) { return ctx == NULL ? CCAD_LANG_EN : ctx->lang; }
int ccad__store_remove(ccad_ctx *ctx, const char *id)
{
    ctx->busy++;
    return store_done(ctx, ctx->moves.remove(ctx->moves.user, id));
}
int ccad__store_set_owner(ccad_ctx *ctx, const char *id, const char *owner)
{
    ctx->busy++;
    return store_done(ctx, ctx->moves.set_owner(ctx->moves.user, id, owner));
}
