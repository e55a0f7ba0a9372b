/* Customers leaving a book: removal, and transfer to another book with the
 * whole contact summary (the customer's history as the book keeps it).
 * Both are all or nothing: everything that can fail (room in the receiving
 * book, the store's transaction) happens before the first change, and the
 * changes after it cannot fail. The ccad_store_* forms persist the move
 * through the context's store (begin, remove or set_owner, commit). */
#include "internal.h"

#include <string.h>

/* The wide-table slot of a removed customer is filled by the table's last
 * entry, so that the table keeps no holes. */
static void drop_wide_slot(ccad_book *book, uint32_t slot)
{
    uint32_t last = (uint32_t)book->nwide - 1;
    if (slot != last) {
        book->wide[slot] = book->wide[last];
        ccad__slot_repoint(book, CB_WIDE, last, slot);
    }
    book->nwide--;
}

/* Removes customer `index` (valid); cannot fail. */
static void remove_at(ccad_book *book, size_t index)
{
    uint32_t off = book->id_off[index];
    size_t len = strlen(book->ids + off) + 1, i;
    if (book->c[index].bits & CB_WIDE)
        drop_wide_slot(book, (uint32_t)book->c[index].value);
    if (book->c[index].bits & CB_EXTRA)
        ccad__extra_drop(book, (uint32_t)book->c[index].value);
    memmove(book->ids + off, book->ids + off + len, book->ids_len - off - len);
    book->ids_len -= len;
    memmove(&book->c[index], &book->c[index + 1], (book->n - index - 1) * sizeof *book->c);
    memmove(&book->id_off[index], &book->id_off[index + 1],
            (book->n - index - 1) * sizeof *book->id_off);
    book->n--;
    for (i = 0; i < book->n; i++)
        if (book->id_off[i] > off)
            book->id_off[i] -= (uint32_t)len;
    ccad__book_reindex(book);
    book->generation++;
    book->edits++;
}

static int check_remove(ccad_book *book, size_t index, const char *fn)
{
    if (index >= book->n)
        return ccad__fail(book->ctx, CCAD_ENOTFOUND, "%s: no customer at index %lu", fn,
                          (unsigned long)index);
    return CCAD_OK;
}

int ccad_book_remove(ccad_book *book, size_t index)
{
    int rc;
    if (book == NULL)
        return CCAD_EINVAL;
    if (ccad__busy(book->ctx))
        return CCAD_EBUSY;
    if ((rc = check_remove(book, index, "ccad_book_remove")) != 0)
        return rc;
    remove_at(book, index);
    return CCAD_OK;
}

/* Checks a transfer and makes room for the customer in `to`; *w receives
 * the customer's working form. */
static int prepare_transfer(ccad_book *from, size_t index, ccad_book *to, struct cust *w,
                            const char *fn)
{
    size_t at;
    const char *id;
    int rc;
    if (to == NULL)
        return ccad__fail(from->ctx, CCAD_EINVAL, "%s: to is NULL", fn);
    if (to == from || to->ctx != from->ctx)
        return ccad__fail(from->ctx, CCAD_EINVAL,
                          "%s: the two books must differ and share one context", fn);
    if ((rc = check_remove(from, index, fn)) != 0)
        return rc;
    id = ccad_book_id(from, index);
    if (ccad__find(to, id, &at))
        return ccad__fail(from->ctx, CCAD_EEXIST, "%s: id '%s' is already in the receiving book",
                          fn, id);
    ccad__unpack(from, index, w);
    return ccad__book_reserve(to, strlen(id), w, fn);
}

/* Moves the customer once prepare_transfer succeeded; cannot fail. */
static void finish_transfer(ccad_book *from, size_t index, ccad_book *to, const struct cust *w,
                            size_t *out_index)
{
    const char *id = ccad_book_id(from, index);
    size_t at = ccad__book_append(to, id, strlen(id), w);
    remove_at(from, index);
    if (out_index != NULL)
        *out_index = at;
}

int ccad_book_transfer(ccad_book *from, size_t index, ccad_book *to, size_t *out_index)
{
    struct cust w;
    int rc;
    if (from == NULL)
        return CCAD_EINVAL;
    if (ccad__busy(from->ctx))
        return CCAD_EBUSY;
    if ((rc = prepare_transfer(from, index, to, &w, "ccad_book_transfer")) != 0)
        return rc;
    finish_transfer(from, index, to, &w, out_index);
    return CCAD_OK;
}

int ccad_ctx_set_store_moves(ccad_ctx *ctx, const ccad_store_moves *moves)
{
    if (ctx == NULL)
        return CCAD_EINVAL;
    if (ccad__busy(ctx))
        return CCAD_EBUSY;
    if (moves == NULL) {
        memset(&ctx->moves, 0, sizeof ctx->moves);
        ctx->has_moves = 0;
        return CCAD_OK;
    }
    if (!CCAD__SIZE_OK(moves->size, ccad_store_moves))
        return ccad__fail(ctx, CCAD_EVERSION,
                          "ccad_ctx_set_store_moves: ccad_store_moves.size %lu not supported",
                          (unsigned long)moves->size);
    if (moves->remove == NULL || moves->set_owner == NULL)
        return ccad__fail(ctx, CCAD_EINVAL, "ccad_ctx_set_store_moves: both callbacks must be set");
    ctx->moves = *moves;
    ctx->has_moves = 1;
    return CCAD_OK;
}

static int need_moves(ccad_ctx *ctx, const char *fn)
{
    if (!ctx->has_store || !ctx->has_moves)
        return ccad__fail(ctx, CCAD_ENOTSUP, "%s: the context has no store with move callbacks",
                          fn);
    return CCAD_OK;
}

/* One transaction around a move callback: begin, the move, commit; on
 * failure the rollback is called and the failure recorded. */
static int move_tx(ccad_ctx *ctx, const char *fn, const char *id, const char *owner)
{
    const char *what = "begin";
    int rb;
    if (ccad__store_begin(ctx) != 0)
        return ccad__fail(ctx, CCAD_ECALLBACK, "%s: begin callback failed", fn);
    if (owner == NULL ? ccad__store_remove(ctx, id) != 0
                      : ccad__store_set_owner(ctx, id, owner) != 0)
        what = owner == NULL ? "remove" : "set_owner";
    else if (ccad__store_commit(ctx) != 0)
        what = "commit";
    else
        return CCAD_OK;
    rb = ccad__store_rollback(ctx);
    return ccad__fail(ctx, CCAD_ECALLBACK, "%s: %s callback failed; %s", fn, what,
                      rb != 0 ? "rollback callback failed too" : "rolled back");
}

int ccad_store_remove(ccad_book *book, size_t index)
{
    static const char fn[] = "ccad_store_remove";
    int rc;
    if (book == NULL)
        return CCAD_EINVAL;
    if (ccad__busy(book->ctx))
        return CCAD_EBUSY;
    if ((rc = check_remove(book, index, fn)) != 0 || (rc = need_moves(book->ctx, fn)) != 0 ||
        (rc = move_tx(book->ctx, fn, ccad_book_id(book, index), NULL)) != 0)
        return rc;
    remove_at(book, index);
    return CCAD_OK;
}

int ccad_store_transfer(ccad_book *from, size_t index, ccad_book *to, const char *owner,
                        size_t *out_index)
{
    static const char fn[] = "ccad_store_transfer";
    struct cust w;
    int rc;
    if (from == NULL)
        return CCAD_EINVAL;
    if (ccad__busy(from->ctx))
        return CCAD_EBUSY;
    if (owner == NULL || owner[0] == '\0')
        return ccad__fail(from->ctx, CCAD_EINVAL, "%s: owner is NULL or empty", fn);
    if ((rc = need_moves(from->ctx, fn)) != 0 ||
        (rc = prepare_transfer(from, index, to, &w, fn)) != 0)
        return rc;
    if ((rc = move_tx(from->ctx, fn, ccad_book_id(from, index), owner)) != 0) {
        ccad__pack_unreserve(to);
        return rc;
    }
    finish_transfer(from, index, to, &w, out_index);
    return CCAD_OK;
}
