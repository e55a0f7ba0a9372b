/* Book snapshots: a book's customers as bytes in a caller buffer and back
 * (ccad_book_snapshot, ccad_book_from_snapshot). No I/O. The format is
 * docs/snapshot.md: a 32-byte header, one fixed-size record plus the id per
 * customer, and an FNV-1a checksum; every number little-endian, whatever
 * the machine. Reading validates everything, then adds each customer
 * through the single add (book.c), so a snapshot can never hold what
 * ccad_book_add would refuse. */
#include "internal.h"

#include <string.h>

#define SNAP_MAGIC "CCADBOOK"
#define SNAP_VERSION \
    2u /* 2 (1.1): TRIAGE's position in every record, and a visit block
                           where a record's bits say so; 1 is still read */
#define SNAP_VERSION_1 1u
#define SNAP_HEADER 32u
#define SNAP_RECORD_1 110u /* one customer without its id bytes (the id length included) */
#define SNAP_POSITION 8u   /* version 2: share_pct and supplier_rank, before the id length */
#define SNAP_RECORD (SNAP_RECORD_1 + SNAP_POSITION)
#define SNAP_TRAILER 8u
#define SNAP_VISITS 44u       /* the visit block after the id (version 2, bit SNAP_HAS_VISITS) */
#define SNAP_HAS_VISITS 0x10u /* record bits: a visit block follows the id */

static const char fn_write[] = "ccad_book_snapshot";
static const char fn_read[] = "ccad_book_from_snapshot";

/* ---- little-endian bytes ---- */

static unsigned char *put_u64(unsigned char *p, uint64_t v)
{
    int k;
    for (k = 0; k < 8; k++)
        p[k] = (unsigned char)(v >> (8 * k));
    return p + 8;
}

static unsigned char *put_u32(unsigned char *p, uint32_t v)
{
    int k;
    for (k = 0; k < 4; k++)
        p[k] = (unsigned char)(v >> (8 * k));
    return p + 4;
}

static unsigned char *put_u16(unsigned char *p, uint16_t v)
{
    p[0] = (unsigned char)v;
    p[1] = (unsigned char)(v >> 8);
    return p + 2;
}

static uint64_t get_u64(const unsigned char **p)
{
    uint64_t v = 0;
    int k;
    for (k = 7; k >= 0; k--)
        v = v << 8 | (*p)[k];
    *p += 8;
    return v;
}

static uint32_t get_u32(const unsigned char **p)
{
    uint32_t v = 0;
    int k;
    for (k = 3; k >= 0; k--)
        v = v << 8 | (*p)[k];
    *p += 4;
    return v;
}

static uint16_t get_u16(const unsigned char **p)
{
    uint16_t v = (uint16_t)((*p)[0] | (*p)[1] << 8);
    *p += 2;
    return v;
}

static uint64_t f64_bits(double d)
{
    uint64_t v;
    memcpy(&v, &d, sizeof v);
    return v;
}

static double bits_f64(uint64_t v)
{
    double d;
    memcpy(&d, &v, sizeof d);
    return d;
}

static uint64_t checksum(const unsigned char *p, size_t n) { return ccad__fnv1a(p, n); }

/* ---- writing ---- */

static unsigned char *put_record(unsigned char *p, const struct cust *c, const char *id,
                                 size_t idlen)
{
    int k;
    p = put_u64(p, (uint64_t)c->value);
    p = put_u64(p, (uint64_t)c->volume);
    p = put_u64(p, f64_bits(c->x));
    p = put_u64(p, f64_bits(c->y));
    p = put_u32(p, (uint32_t)c->purchase);
    p = put_u32(p, (uint32_t)c->complaint_date);
    p = put_u32(p, (uint32_t)c->request);
    p = put_u32(p, (uint32_t)c->owned);
    p = put_u32(p, (uint32_t)c->last_contact);
    p = put_u32(p, (uint32_t)c->last_visit);
    p = put_u32(p, (uint32_t)c->next_step);
    p = put_u32(p, (uint32_t)c->order);
    p = put_u32(p, (uint32_t)c->last_gap);
    p = put_u32(p, (uint32_t)c->margin_bp);
    p = put_u32(p, c->contacts);
    p = put_u32(p, c->no_progress);
    p = put_u32(p, c->missing);
    for (k = 0; k < 4; k++)
        p = put_u32(p, c->svc[k]);
    p = put_u16(p, c->open_min);
    p = put_u16(p, c->close_min);
    *p++ = c->grade_manual;
    *p++ = c->status;
    *p++ = c->complaint;
    *p++ = c->visit_days;
    *p++ = (unsigned char)(c->bits | (ccad__visits_is_default(&c->vis) ? 0u : SNAP_HAS_VISITS));
    p = put_u32(p, (uint32_t)c->share_pct);
    p = put_u32(p, c->supplier_rank);
    *p++ = (unsigned char)idlen;
    memcpy(p, id, idlen);
    p += idlen;
    if (!ccad__visits_is_default(&c->vis)) {
        const struct ccad__visits *v = &c->vis;
        p = put_u32(p, (uint32_t)v->prospect_run);
        p = put_u32(p, (uint32_t)v->prospect_gap);
        p = put_u32(p, (uint32_t)v->prospect_tail);
        p = put_u32(p, v->last_purposes);
        p = put_u32(p, v->aimless);
        p = put_u32(p, v->closes_asked);
        p = put_u32(p, v->last_parts);
        p = put_u32(p, (uint32_t)v->last_entered);
        for (k = 0; k < 3; k++)
            p = put_u32(p, (uint32_t)v->owner_sales[k]);
    }
    return p;
}

/* Bytes of the snapshot of book: header, records with ids, checksum. */
static size_t snapshot_size(const ccad_book *book)
{
    size_t i, n = SNAP_HEADER + SNAP_TRAILER;
    for (i = 0; i < book->n; i++) {
        n += SNAP_RECORD + strlen(book->ids + book->id_off[i]);
        if (book->c[i].bits & (CB_WIDE | CB_EXTRA)) {
            struct cust c;
            ccad__unpack(book, i, &c);
            n += ccad__visits_is_default(&c.vis) ? 0 : SNAP_VISITS;
        }
    }
    return n;
}

int ccad_book_snapshot(const ccad_book *book, void *buf, size_t cap, size_t *out_len)
{
    unsigned char *p;
    size_t need, i;
    if (book == NULL)
        return CCAD_EINVAL;
    if (out_len == NULL || (buf == NULL && cap > 0))
        return ccad__fail(book->ctx, CCAD_EINVAL, "%s: %s", fn_write,
                          out_len == NULL ? "out_len is NULL" : "buf is NULL with cap > 0");
    need = snapshot_size(book);
    *out_len = need;
    if (cap < need)
        return ccad__fail(book->ctx, CCAD_ENOSPC, "%s: %lu bytes needed, the buffer has %lu",
                          fn_write, (unsigned long)need, (unsigned long)cap);
    p = buf;
    memcpy(p, SNAP_MAGIC, 8);
    p = put_u32(p + 8, SNAP_VERSION);
    p = put_u32(p, 0); /* flags: none defined */
    p = put_u64(p, (uint64_t)book->n);
    p = put_u64(p, (uint64_t)(need - SNAP_HEADER - SNAP_TRAILER));
    for (i = 0; i < book->n; i++) {
        struct cust c;
        const char *id = book->ids + book->id_off[i];
        ccad__unpack(book, i, &c);
        p = put_record(p, &c, id, strlen(id));
    }
    put_u64(p, checksum(buf, need - SNAP_TRAILER));
    return CCAD_OK;
}

/* ---- reading ---- */

/* Checks the frame: magic, version, flags, lengths and checksum; gives the
 * customer count and the format version. */
static int check_frame(ccad_ctx *ctx, const unsigned char *p, size_t len, size_t *out_count,
                       uint32_t *out_version)
{
    const unsigned char *q = p + 8;
    uint32_t version, flags;
    uint64_t count, payload, sum;
    if (len < SNAP_HEADER + SNAP_TRAILER)
        return ccad__fail(ctx, CCAD_EPARSE,
                          "%s: %lu bytes are too few for a snapshot (at least %u)", fn_read,
                          (unsigned long)len, SNAP_HEADER + SNAP_TRAILER);
    if (memcmp(p, SNAP_MAGIC, 8) != 0)
        return ccad__fail(ctx, CCAD_EPARSE, "%s: not a book snapshot (no CCADBOOK magic)", fn_read);
    version = get_u32(&q);
    flags = get_u32(&q);
    count = get_u64(&q);
    payload = get_u64(&q);
    if (version < 1 || version > SNAP_VERSION)
        return ccad__fail(
            ctx, CCAD_EVERSION,
            "%s: snapshot format version %lu not supported (this library reads 1..%u)", fn_read,
            (unsigned long)version, SNAP_VERSION);
    if (flags != 0)
        return ccad__fail(ctx, CCAD_EPARSE, "%s: unknown flags 0x%lx", fn_read,
                          (unsigned long)flags);
    if (payload != len - SNAP_HEADER - SNAP_TRAILER)
        return ccad__fail(ctx, CCAD_EPARSE,
                          "%s: the header says %llu bytes of customers, the snapshot holds %lu",
                          fn_read, (unsigned long long)payload,
                          (unsigned long)(len - SNAP_HEADER - SNAP_TRAILER));
    if (count > payload / ((version == 1 ? SNAP_RECORD_1 : SNAP_RECORD) + 1))
        return ccad__fail(ctx, CCAD_EPARSE, "%s: %llu customers cannot fit in %llu bytes", fn_read,
                          (unsigned long long)count, (unsigned long long)payload);
    q = p + len - SNAP_TRAILER;
    sum = get_u64(&q);
    if (sum != checksum(p, len - SNAP_TRAILER))
        return ccad__fail(ctx, CCAD_EPARSE, "%s: checksum mismatch (the snapshot is damaged)",
                          fn_read);
    *out_count = (size_t)count;
    *out_version = version;
    return CCAD_OK;
}

/* The visit block of a version 2 record into c. */
static int get_visits(ccad_ctx *ctx, const unsigned char **pp, const unsigned char *end,
                      ccad_customer *c)
{
    const unsigned char *p = *pp;
    int k;
    if ((size_t)(end - p) < SNAP_VISITS)
        return ccad__fail(ctx, CCAD_EPARSE, "%s: a customer's visit block runs past the end",
                          fn_read);
    c->prospect_run = (int32_t)get_u32(&p);
    c->prospect_gap = (int32_t)get_u32(&p);
    c->prospect_tail = (int32_t)get_u32(&p);
    c->last_purposes = get_u32(&p);
    c->aimless = get_u32(&p);
    c->closes_asked = get_u32(&p);
    c->last_parts = get_u32(&p);
    c->last_entered = (int32_t)get_u32(&p);
    for (k = 0; k < 3; k++)
        c->owner_sales[k] = (int32_t)get_u32(&p);
    *pp = p;
    return CCAD_OK;
}

/* One record of the given format version into c (the id into idbuf) and
 * the remembered order; a version 1 record leaves the position unknown. */
static int get_record(ccad_ctx *ctx, const unsigned char **pp, const unsigned char *end,
                      uint32_t version, ccad_customer *c, char *idbuf, int32_t *order)
{
    const unsigned char *p = *pp;
    unsigned bits, idlen;
    int k;
    if ((size_t)(end - p) < (version == 1 ? SNAP_RECORD_1 : SNAP_RECORD))
        return ccad__fail(ctx, CCAD_EPARSE, "%s: a customer record runs past the end", fn_read);
    c->value = (int64_t)get_u64(&p);
    c->monthly_volume = (int64_t)get_u64(&p);
    c->x = bits_f64(get_u64(&p));
    c->y = bits_f64(get_u64(&p));
    c->purchase_date = (int32_t)get_u32(&p);
    c->complaint_date = (int32_t)get_u32(&p);
    c->request_date = (int32_t)get_u32(&p);
    c->owned_since = (int32_t)get_u32(&p);
    c->last_contact = (int32_t)get_u32(&p);
    c->last_visit = (int32_t)get_u32(&p);
    c->next_step_date = (int32_t)get_u32(&p);
    *order = (int32_t)get_u32(&p);
    c->last_gap_days = (int32_t)get_u32(&p);
    c->margin_bp = (int32_t)get_u32(&p);
    c->contacts = get_u32(&p);
    c->no_progress = get_u32(&p);
    c->missing_records = get_u32(&p);
    for (k = 0; k < 4; k++)
        c->service_counts[k] = get_u32(&p);
    c->visit_open_min = get_u16(&p);
    c->visit_close_min = get_u16(&p);
    c->grade = *p++;
    c->status = *p++;
    c->complaint = *p++;
    c->visit_days = *p++;
    bits = *p++;
    if (version >= 2) {
        c->share_pct = (int32_t)get_u32(&p);
        c->supplier_rank = get_u32(&p);
    }
    idlen = *p++;
    if (bits & ~(CB_CAPABLE | CB_HAS_LOC | CB_LAST_RECORDED |
                 (version >= SNAP_VERSION ? SNAP_HAS_VISITS : 0u)))
        return ccad__fail(ctx, CCAD_EPARSE, "%s: unknown customer bits 0x%x", fn_read, bits);
    c->capable = (bits & CB_CAPABLE) != 0;
    c->has_location = (bits & CB_HAS_LOC) != 0;
    c->last_recorded = (bits & CB_LAST_RECORDED) != 0;
    if (idlen == 0 || idlen > CCAD_ID_MAX || (size_t)(end - p) < idlen)
        return ccad__fail(ctx, CCAD_EPARSE, "%s: bad id length %u", fn_read, idlen);
    memcpy(idbuf, p, idlen);
    idbuf[idlen] = '\0';
    if (strlen(idbuf) != idlen)
        return ccad__fail(ctx, CCAD_EPARSE, "%s: an id holds a NUL byte", fn_read);
    c->id = idbuf;
    *pp = p + idlen;
    return (bits & SNAP_HAS_VISITS) ? get_visits(ctx, pp, end, c) : CCAD_OK;
}

/* Adds the next customer of the snapshot to b (validated as by ccad_book_add). */
static int read_customer(ccad_book *b, const unsigned char **pp, const unsigned char *end,
                         uint32_t version)
{
    ccad_ctx *ctx = b->ctx;
    ccad_customer c = CCAD_CUSTOMER_INIT;
    char idbuf[CCAD_ID_MAX + 1];
    int32_t order = CCAD_NO_DATE;
    size_t at;
    struct cust w;
    int rc;
    if ((rc = get_record(ctx, pp, end, version, &c, idbuf, &order)) != 0 ||
        (rc = ccad__book_add_one(b, fn_read, &c, &at)) != 0)
        return rc;
    if (order == CCAD_NO_DATE)
        return CCAD_OK;
    if (!ccad__order_closes(c.purchase_date, order, CCAD__ORDER_REACH))
        return ccad__fail(ctx, CCAD_ERANGE,
                          "%s: customer '%s': order date not within %d days of the purchase date",
                          fn_read, idbuf, CCAD__ORDER_REACH);
    ccad__unpack(b, at, &w);
    w.order = order;
    if ((rc = ccad__pack_reserve(b, at, &w, fn_read)) != 0)
        return rc;
    ccad__pack(b, at, &w);
    return CCAD_OK;
}

int ccad_book_from_snapshot(ccad_book **out, ccad_ctx *ctx, const void *buf, size_t len)
{
    const unsigned char *p = buf, *end;
    ccad_book *b = NULL;
    size_t count = 0, i;
    uint32_t version = 0;
    int rc;
    if (out != NULL)
        *out = NULL;
    if (ctx == NULL)
        return CCAD_EINVAL;
    if (ccad__busy(ctx))
        return CCAD_EBUSY;
    if (out == NULL || buf == NULL)
        return ccad__fail(ctx, CCAD_EINVAL, "%s: %s is NULL", fn_read, out == NULL ? "out" : "buf");
    if ((rc = check_frame(ctx, p, len, &count, &version)) != 0 ||
        (rc = ccad_book_new(&b, ctx, count)) != 0)
        return rc;
    end = p + len - SNAP_TRAILER;
    p += SNAP_HEADER;
    for (i = 0; i < count && rc == CCAD_OK; i++)
        rc = read_customer(b, &p, end, version);
    if (rc == CCAD_OK && p != end)
        rc = ccad__fail(ctx, CCAD_EPARSE, "%s: %lu bytes after the last customer", fn_read,
                        (unsigned long)(end - p));
    if (rc != CCAD_OK) {
        ccad_book_free(b);
        return rc;
    }
    *out = b;
    return CCAD_OK;
}
