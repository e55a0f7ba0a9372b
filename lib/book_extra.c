/* The book's side table of 1.1 extras: a customer whose fields all fit its
 * 64-byte record but whose position (TRIAGE: share_pct, supplier_rank) is
 * known, or whose visit summary (visits.c) is away from its defaults, keeps
 * its record and one struct ccad__extra here (docs/design.md, "Stored
 * form"). The record holds the entry's slot in place of its value and has
 * CB_EXTRA set, with CB_EXTRA_POS when the position is known and
 * CB_EXTRA_VIS when the visit summary is away from its defaults, so that
 * the batch kernels read the entry only when it can change a brief. A customer keeps its slot while it stays in the book (its
 * extras may return to their defaults); the table never has holes: a slot
 * given up is filled by the last entry. */
#include "grow.h"
#include "internal.h"

int ccad__extra_needed(const struct cust *c)
{
    return ccad__has_position(c) || !ccad__visits_is_default(&c->vis);
}

int ccad__extra_reserve(ccad_book *book)
{
    return ccad__grow(book->ctx, &book->extra, &book->capextra, book->nextra + 1,
                      sizeof *book->extra, 16, SIZE_MAX);
}

uint8_t ccad__extra_store(ccad_book *book, struct crec *r, const struct cust *c)
{
    /* the caller cleared the record unless it already had an entry */
    uint32_t slot = (r->bits & CB_EXTRA) ? (uint32_t)r->value : (uint32_t)book->nextra++;
    struct ccad__extra *x = &book->extra[slot];
    x->value = (int32_t)c->value;
    x->share_pct = c->share_pct;
    x->supplier_rank = c->supplier_rank;
    x->vis = c->vis;
    r->value = (int32_t)slot;
    return (uint8_t)(CB_EXTRA | (ccad__has_position(c) ? CB_EXTRA_POS : 0u) |
                     (ccad__visits_is_default(&c->vis) ? 0u : CB_EXTRA_VIS));
}

void ccad__extra_load(const ccad_book *book, const struct crec *r, struct cust *out)
{
    const struct ccad__extra *x = &book->extra[(uint32_t)r->value];
    out->value = x->value;
    out->share_pct = x->share_pct;
    out->supplier_rank = x->supplier_rank;
    out->vis = x->vis;
}

void ccad__slot_repoint(ccad_book *book, uint8_t flag, uint32_t from, uint32_t to)
{
    size_t i;
    for (i = 0; i < book->n; i++)
        if ((book->c[i].bits & flag) && (uint32_t)book->c[i].value == from) {
            book->c[i].value = (int32_t)to;
            return;
        }
}

void ccad__extra_drop(ccad_book *book, uint32_t slot)
{
    uint32_t last = (uint32_t)book->nextra - 1;
    if (slot != last) {
        book->extra[slot] = book->extra[last];
        ccad__slot_repoint(book, CB_EXTRA, last, slot);
    }
    book->nextra--;
}
