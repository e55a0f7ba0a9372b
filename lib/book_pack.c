/* The customer book's stored form: a customer's working form (struct
 * cust) packed into a 64-byte record (struct crec), or whole into the wide
 * table when a field does not fit, and unpacked again (book.c keeps the
 * records, ids and index). A customer that fits but has a known position
 * or a 1.1 visit summary away from its defaults (visits.c) keeps its
 * record plus an entry in the side table (book_extra.c). */
#include "grow.h"
#include "internal.h"

#include <string.h>

static int date_fits(int32_t d)
{
    return d == CCAD_NO_DATE || (d - CR_EPOCH > INT16_MIN && d - CR_EPOCH <= INT16_MAX);
}

static int16_t date_pack(int32_t d)
{
    return d == CCAD_NO_DATE ? (int16_t)CR_NO_DATE : (int16_t)(d - CR_EPOCH);
}

/* 1 if every field of c but the 1.1 extras (book_extra.c) fits a struct crec. */
static int fits(const struct cust *c)
{
    int k;
    /* the lower bounds hold after validation; checked anyway, so that a
     * looser validation could never truncate silently */
    if (c->value < 0 || c->value > INT32_MAX || c->volume < -1 || c->volume > INT32_MAX ||
        c->last_gap < -1 || c->last_gap > INT16_MAX || c->margin_bp < -1 ||
        c->margin_bp > INT16_MAX || c->contacts > UINT16_MAX || c->no_progress > UINT16_MAX ||
        c->missing > UINT8_MAX)
        return 0;
    if (c->order != CCAD_NO_DATE && !ccad__order_closes(c->purchase, c->order, INT8_MAX))
        return 0;
    if (!date_fits(c->purchase) || !date_fits(c->complaint_date) || !date_fits(c->request) ||
        !date_fits(c->owned) || !date_fits(c->last_contact) || !date_fits(c->last_visit) ||
        !date_fits(c->next_step))
        return 0;
    for (k = 0; k < 4; k++)
        if (c->svc[k] > UINT8_MAX)
            return 0;
    return 1;
}

static int has_wide_slot(const ccad_book *book, size_t index)
{
    return index < book->n && (book->c[index].bits & CB_WIDE);
}

static int has_extra_slot(const ccad_book *book, size_t index)
{
    return index < book->n && (book->c[index].bits & CB_EXTRA);
}

int ccad__pack_reserve(ccad_book *book, size_t index, const struct cust *c, const char *fn)
{
    const char *table = "wide table";
    int rc = CCAD_OK;
    if (has_wide_slot(book, index))
        return CCAD_OK;
    if (!fits(c)) {
        if (book->nwide >= book->capwide)
            rc = ccad__grow(book->ctx, &book->wide, &book->capwide, book->nwide + 1,
                            sizeof *book->wide, 16, SIZE_MAX);
    } else if (ccad__extra_needed(c) && !has_extra_slot(book, index)) {
        table = "side table";
        rc = ccad__extra_reserve(book);
    }
    if (rc == CCAD_ENOMEM)
        return ccad__fail(book->ctx, CCAD_ENOMEM, "%s: out of memory", fn);
    if (rc != CCAD_OK)
        return ccad__fail(book->ctx, rc, "%s: the %s is full", fn, table);
    return CCAD_OK;
}

void ccad__pack_unreserve(ccad_book *book)
{
    if (book->nwide == 0 && book->wide != NULL) {
        ccad__free(book->ctx, book->wide);
        book->wide = NULL;
        book->capwide = 0;
    }
    if (book->nextra == 0 && book->extra != NULL) {
        ccad__free(book->ctx, book->extra);
        book->extra = NULL;
        book->capextra = 0;
    }
}

/* The fields every record holds, whatever its form. */
static void pack_common(struct crec *r, const struct cust *c, uint8_t bits, uint32_t rank,
                        uint8_t grades)
{
    r->x = c->x;
    r->y = c->y;
    r->rank = rank;
    r->grades = (uint8_t)((grades & 0xf0u) | c->grade_manual);
    r->status = c->status;
    r->complaint = c->complaint;
    r->bits = bits;
}

void ccad__pack(ccad_book *book, size_t index, const struct cust *c)
{
    struct crec *r = &book->c[index];
    uint8_t bits = (uint8_t)(c->bits & (CB_CAPABLE | CB_HAS_LOC | CB_LAST_RECORDED));
    uint32_t rank = r->rank;
    uint8_t grades = r->grades;
    int k;
    book->edits++; /* replan.c: a schedule sees that the book changed */
    if (has_wide_slot(book, index) || !fits(c)) {
        /* once wide, a customer keeps its slot: the table never has holes */
        uint32_t slot = has_wide_slot(book, index) ? (uint32_t)r->value : (uint32_t)book->nwide++;
        if (has_extra_slot(book, index))
            ccad__extra_drop(book, (uint32_t)r->value); /* the whole customer goes wide */
        book->wide[slot] = *c;
        memset(r, 0, sizeof *r);
        r->value = (int32_t)slot;
        bits |= CB_WIDE;
    } else {
        /* a customer with a side-table entry keeps it (book_extra.c) */
        int32_t extra_slot = r->value;
        int extra = has_extra_slot(book, index);
        memset(r, 0, sizeof *r);
        if (extra || ccad__extra_needed(c)) {
            r->value = extra_slot;
            r->bits = (uint8_t)(extra ? CB_EXTRA : 0u);
            bits |= ccad__extra_store(book, r, c);
        } else {
            r->value = (int32_t)c->value;
        }
        r->volume = (int32_t)c->volume;
        r->purchase = date_pack(c->purchase);
        r->complaint_date = date_pack(c->complaint_date);
        r->request = date_pack(c->request);
        r->owned = date_pack(c->owned);
        r->last_contact = date_pack(c->last_contact);
        r->last_visit = date_pack(c->last_visit);
        r->next_step = date_pack(c->next_step);
        r->last_gap = (int16_t)c->last_gap;
        r->margin_bp = (int16_t)c->margin_bp;
        r->contacts = (uint16_t)c->contacts;
        r->no_progress = (uint16_t)c->no_progress;
        r->missing = (uint8_t)c->missing;
        r->order_off = c->order == CCAD_NO_DATE ? (int8_t)CR_NO_ORDER
                                                : (int8_t)(c->order - c->purchase);
        for (k = 0; k < 4; k++)
            r->svc[k] = (uint8_t)c->svc[k];
        r->window = (uint32_t)c->open_min | (uint32_t)c->close_min << 11 |
                    (uint32_t)c->visit_days << 22;
    }
    pack_common(r, c, bits, rank, grades);
}

void ccad__unpack(const ccad_book *book, size_t index, struct cust *out)
{
    const struct crec *r = &book->c[index];
    int k;
    if (r->bits & CB_WIDE) {
        *out = book->wide[(uint32_t)r->value];
    } else {
        memset(out, 0, sizeof *out);
        out->value = r->value;
        out->volume = r->volume;
        out->purchase = ccad__rdate(r->purchase);
        out->complaint_date = ccad__rdate(r->complaint_date);
        out->request = ccad__rdate(r->request);
        out->owned = ccad__rdate(r->owned);
        out->last_contact = ccad__rdate(r->last_contact);
        out->last_visit = ccad__rdate(r->last_visit);
        out->next_step = ccad__rdate(r->next_step);
        out->last_gap = r->last_gap;
        out->margin_bp = r->margin_bp;
        out->contacts = r->contacts;
        out->no_progress = r->no_progress;
        out->missing = r->missing;
        out->order = r->order_off == CR_NO_ORDER ? CCAD_NO_DATE : out->purchase + r->order_off;
        for (k = 0; k < 4; k++)
            out->svc[k] = r->svc[k];
        ccad__visits_default(&out->vis);
        out->open_min = (uint16_t)(r->window & 0x7ffu);
        out->close_min = (uint16_t)(r->window >> 11 & 0x7ffu);
        out->visit_days = (uint8_t)(r->window >> 22 & 0x7fu);
        out->share_pct = CCAD_SHARE_UNKNOWN;
        out->supplier_rank = CCAD_RANK_UNKNOWN;
        if (r->bits & CB_EXTRA) /* value, position and visit summary */
            ccad__extra_load(book, r, out);
    }
    out->x = r->x;
    out->y = r->y;
    out->rank = r->rank;
    out->grade_manual = (uint8_t)(r->grades & 15u);
    out->grade_computed = (uint8_t)(r->grades >> 4);
    out->status = r->status;
    out->complaint = r->complaint;
    out->bits = (uint8_t)(r->bits & (CB_CAPABLE | CB_HAS_LOC | CB_LAST_RECORDED));
}
