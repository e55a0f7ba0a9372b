/* Storage callbacks: every persisting operation is one transaction of the
 * host's store, and the book changes only after the commit succeeded. */
#include "internal.h"

#include <string.h>

int ccad_ctx_set_store(ccad_ctx *ctx, const ccad_store *store)
{
    if (ctx == NULL)
        return CCAD_EINVAL;
    if (ccad__busy(ctx)) /* from a callback, perhaps inside a transaction */
        return CCAD_EBUSY;
    if (store == NULL) {
        memset(&ctx->store, 0, sizeof ctx->store);
        ctx->has_store = 0;
        return CCAD_OK;
    }
    if (!CCAD__SIZE_OK(store->size, ccad_store))
        return ccad__fail(ctx, CCAD_EVERSION,
                          "ccad_ctx_set_store: ccad_store.size %lu not supported",
                          (unsigned long)store->size);
    if (store->begin == NULL || store->commit == NULL || store->rollback == NULL ||
        store->load == NULL || store->save == NULL || store->append_contact == NULL ||
        store->iterate == NULL)
        return ccad__fail(ctx, CCAD_EINVAL, "ccad_ctx_set_store: every callback must be set");
    ctx->store = *store;
    ctx->has_store = 1;
    return CCAD_OK;
}

static int need_store(ccad_ctx *ctx, const char *fn)
{
    if (!ctx->has_store)
        return ccad__fail(ctx, CCAD_ENOTSUP, "%s: the context has no store", fn);
    return CCAD_OK;
}

static int begin(ccad_ctx *ctx, const char *fn)
{
    if (ccad__store_begin(ctx) != 0)
        return ccad__fail(ctx, CCAD_ECALLBACK, "%s: begin callback failed", fn);
    return CCAD_OK;
}

/* Rolls back after callback `what` failed and records the failure. `code`
 * is the status to report (CCAD_ECALLBACK, or the library's own error). */
static int abort_tx(ccad_ctx *ctx, const char *fn, const char *what, int code)
{
    char keep[CCAD_ERRMSG_CAP];
    int rb = ccad__store_rollback(ctx);
    if (code != CCAD_ECALLBACK) {
        /* the library's own error: keep its message, note a failed rollback */
        memcpy(keep, ctx->errmsg, sizeof keep);
        if (rb != 0)
            return ccad__fail(ctx, code, "%.180s; rollback callback failed too", keep);
        return ccad__fail(ctx, code, "%.200s", keep);
    }
    if (rb != 0)
        return ccad__fail(ctx, CCAD_ECALLBACK,
                          "%s: %s callback failed; rollback callback failed too: the store holds "
                          "whatever its own rollback left",
                          fn, what);
    return ccad__fail(ctx, CCAD_ECALLBACK, "%s: %s callback failed; rolled back", fn, what);
}

int ccad_store_record(ccad_book *book, size_t index, const ccad_contact *contact)
{
    static const char fn[] = "ccad_store_record";
    ccad_ctx *ctx;
    struct cust n;
    ccad_customer c;
    int rc;
    if (book == NULL)
        return CCAD_EINVAL;
    ctx = book->ctx;
    if (ccad__busy(ctx))
        return CCAD_EBUSY;
    if ((rc = ccad__record_apply(book, index, contact, &n, fn)) != 0 ||
        (rc = need_store(ctx, fn)) != 0)
        return rc;
    ccad__export(book, index, &n, &c);
    /* the book's room first, so that after a commit nothing can fail */
    if ((rc = ccad__pack_reserve(book, index, &n, fn)) != 0)
        return rc;
    if ((rc = begin(ctx, fn)) == 0) {
        /* the customer row first, so that a contact never precedes its customer */
        if (ccad__store_save(ctx, &c) != 0)
            rc = abort_tx(ctx, fn, "save", CCAD_ECALLBACK);
        else if (ccad__store_append(ctx, c.id, contact) != 0)
            rc = abort_tx(ctx, fn, "append_contact", CCAD_ECALLBACK);
        else if (ccad__store_commit(ctx) != 0)
            rc = abort_tx(ctx, fn, "commit", CCAD_ECALLBACK);
    }
    if (rc != 0) {
        ccad__pack_unreserve(book);
        return rc;
    }
    ccad__pack(book, index, &n);
    return CCAD_OK;
}

int ccad_store_save_book(ccad_book *book)
{
    static const char fn[] = "ccad_store_save_book";
    ccad_ctx *ctx;
    size_t i;
    int rc;
    if (book == NULL)
        return CCAD_EINVAL;
    ctx = book->ctx;
    if (ccad__busy(ctx))
        return CCAD_EBUSY;
    if ((rc = need_store(ctx, fn)) != 0 || (rc = begin(ctx, fn)) != 0)
        return rc;
    for (i = 0; i < book->n; i++) {
        ccad_customer c;
        struct cust w;
        ccad__unpack(book, i, &w);
        ccad__export(book, i, &w, &c);
        if (ccad__store_save(ctx, &c) != 0)
            return abort_tx(ctx, fn, "save", CCAD_ECALLBACK);
    }
    if (ccad__store_commit(ctx) != 0)
        return abort_tx(ctx, fn, "commit", CCAD_ECALLBACK);
    return CCAD_OK;
}

struct fill {
    ccad_book *book;
    int rc; /* the library's error while adding, if any */
};

static int fill_one_(struct fill *f, const ccad_customer *c);

/* Called by the host's iterate, so with the context busy; the library's own
 * code runs again until it returns (it adds to a book the host cannot see
 * yet), so the count of host calls in progress is lowered meanwhile. */
static int fill_one(void *user, const ccad_customer *c)
{
    struct fill *f = user;
    ccad_ctx *ctx = f->book->ctx;
    int rc;
    if (!ccad__busy(ctx)) /* called outside iterate: refused */
        return 1;
    ctx->busy--;
    rc = fill_one_(f, c);
    ctx->busy++;
    return rc;
}

static int fill_one_(struct fill *f, const ccad_customer *c)
{
    if (f->rc != CCAD_OK)
        return 1;
    if (c == NULL) {
        f->rc = ccad__fail(f->book->ctx, CCAD_EINVAL, "ccad_store_load_book: iterate gave NULL");
        return 1;
    }
    f->rc = ccad_book_add(f->book, c, NULL);
    if (f->rc != CCAD_OK) {
        char keep[CCAD_ERRMSG_CAP];
        memcpy(keep, f->book->ctx->errmsg, sizeof keep);
        ccad__fail(f->book->ctx, f->rc, "ccad_store_load_book: stored customer '%.70s': %.150s",
                   c->id != NULL ? c->id : "(no id)", keep);
        return 1;
    }
    return 0;
}

int ccad_store_load_book(ccad_book **out, ccad_ctx *ctx)
{
    static const char fn[] = "ccad_store_load_book";
    struct fill f;
    int rc, it;
    if (out != NULL)
        *out = NULL;
    if (ctx == NULL)
        return CCAD_EINVAL;
    if (ccad__busy(ctx))
        return CCAD_EBUSY;
    if (out == NULL)
        return ccad__fail(ctx, CCAD_EINVAL, "%s: out is NULL", fn);
    if ((rc = need_store(ctx, fn)) != 0)
        return rc;
    f.rc = CCAD_OK;
    if ((rc = ccad_book_new(&f.book, ctx, 0)) != 0)
        return rc;
    if ((rc = begin(ctx, fn)) != 0) {
        ccad_book_free(f.book);
        return rc;
    }
    it = ccad__store_iterate(ctx, fill_one, &f);
    if (f.rc != CCAD_OK)
        rc = abort_tx(ctx, fn, "iterate", f.rc);
    else if (it != 0)
        rc = abort_tx(ctx, fn, "iterate", CCAD_ECALLBACK);
    else if (ccad__store_commit(ctx) != 0)
        rc = abort_tx(ctx, fn, "commit", CCAD_ECALLBACK);
    if (rc != CCAD_OK) {
        ccad_book_free(f.book);
        return rc;
    }
    *out = f.book;
    return CCAD_OK;
}

int ccad_store_load_customer(ccad_book *book, const char *id, size_t *out_index)
{
    static const char fn[] = "ccad_store_load_customer";
    ccad_ctx *ctx;
    ccad_customer c = CCAD_CUSTOMER_INIT;
    size_t idx = 0;
    int found = 0, rc;
    if (book == NULL)
        return CCAD_EINVAL;
    ctx = book->ctx;
    if (ccad__busy(ctx))
        return CCAD_EBUSY;
    if (id == NULL)
        return ccad__fail(ctx, CCAD_EINVAL, "%s: id is NULL", fn);
    if (id[0] == '\0' || strlen(id) > CCAD_ID_MAX)
        return ccad__fail(ctx, CCAD_EINVAL, "%s: id is empty or longer than %d bytes", fn,
                          CCAD_ID_MAX);
    if ((rc = need_store(ctx, fn)) != 0 || (rc = begin(ctx, fn)) != 0)
        return rc;
    if (ccad__store_load(ctx, id, &c, &found) != 0)
        return abort_tx(ctx, fn, "load", CCAD_ECALLBACK);
    if (ccad__store_commit(ctx) != 0)
        return abort_tx(ctx, fn, "commit", CCAD_ECALLBACK);
    if (!found)
        return ccad__fail(ctx, CCAD_ENOTFOUND, "%s: no customer '%.70s' in the store", fn, id);
    c.size = (uint32_t)sizeof c; /* the host cannot change the layout */
    c.id = id;                   /* the host's pointer is valid only during load */
    if (ccad__find(book, id, &idx))
        rc = ccad_book_update(book, idx, &c);
    else
        rc = ccad_book_add(book, &c, &idx);
    if (rc != CCAD_OK) {
        char keep[CCAD_ERRMSG_CAP];
        memcpy(keep, ctx->errmsg, sizeof keep);
        return ccad__fail(ctx, rc, "%s: stored customer '%.70s': %.150s", fn, id, keep);
    }
    if (out_index != NULL)
        *out_index = idx;
    return CCAD_OK;
}
