/* Bulk loading: ccad_book_add_many, every element through the single add
 * (book.c), all or nothing by taking back what the call added. */
#include "internal.h"

#include <string.h>

static const char fn[] = "ccad_book_add_many";

/* Rewrites the message of element k's failure to name the element. */
static int name_element(ccad_ctx *ctx, int rc, size_t k)
{
    char msg[sizeof ctx->errmsg];
    size_t skip = sizeof fn + 1; /* "ccad_book_add_many: " */
    if (ctx->errcode != rc || strncmp(ctx->errmsg, fn, sizeof fn - 1) != 0)
        return rc;
    memcpy(msg, ctx->errmsg, sizeof msg);
    return ccad__fail(ctx, rc, "%s: customers[%lu]: %s", fn, (unsigned long)k,
                      strlen(msg) >= skip ? msg + skip : msg);
}

int ccad_book_add_many(ccad_book *book, const ccad_customer *customers, size_t count,
                       size_t *out_first)
{
    size_t first, k, stride;
    uint64_t generation;
    int rc = CCAD_OK;
    if (book == NULL)
        return CCAD_EINVAL;
    if (ccad__busy(book->ctx))
        return CCAD_EBUSY;
    if (count == 0) {
        if (out_first != NULL)
            *out_first = book->n;
        return CCAD_OK;
    }
    if (customers == NULL)
        return ccad__fail(book->ctx, CCAD_EINVAL, "%s: customers is NULL", fn);
    stride = customers[0].size;
    if (!CCAD__CUSTOMER_SIZE_OK(stride))
        return ccad__fail(book->ctx, CCAD_EVERSION, "%s: customers[0].size %lu not supported", fn,
                          (unsigned long)stride);
    first = book->n;
    generation = book->generation;
    for (k = 0; k < count && rc == CCAD_OK; k++) {
        const ccad_customer *c = (const ccad_customer *)((const char *)customers + k * stride);
        if (c->size != stride)
            rc = ccad__fail(book->ctx, CCAD_EVERSION, "%s: size %lu differs from customers[0]'s",
                            fn, (unsigned long)c->size);
        else
            rc = ccad__book_add_one(book, fn, c, NULL);
    }
    if (rc != CCAD_OK) {
        rc = name_element(book->ctx, rc, k - 1);
        while (book->n > first)
            ccad__book_drop_last(book);
        ccad__pack_unreserve(book);
        book->generation = generation;
        return rc;
    }
    if (out_first != NULL)
        *out_first = first;
    return CCAD_OK;
}
