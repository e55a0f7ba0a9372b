/* The customer book: 64-byte records (struct crec), an id arena and an id
 * hash index. No allocation per customer: records, id offsets, ids and the
 * index each live in one block that grows geometrically; customers whose
 * fields do not fit a record live whole in the wide table, which grows the
 * same way. */
#include "grow.h"
#include "internal.h"

#include <math.h>
#include <string.h>

#define MAX_CUSTOMERS 0x7fffffffu

size_t ccad_id_max(void) { return CCAD_ID_MAX; }

static uint64_t hash_id(const char *s, size_t n) { return ccad__fnv1a(s, n); }

static const char *cust_id(const ccad_book *b, size_t index) { return b->ids + b->id_off[index]; }

/* Slot of id, or of the empty slot where it would go. */
static size_t probe(const ccad_book *b, const char *id, size_t n)
{
    size_t mask = b->nslots - 1, i = (size_t)hash_id(id, n) & mask;
    for (;;) {
        uint32_t s = b->slots[i];
        if (s == 0)
            return i;
        {
            /* a stored id may be shorter than n: strncmp stops at its end */
            const char *have = cust_id(b, s - 1);
            if (strncmp(have, id, n) == 0 && have[n] == '\0')
                return i;
        }
        i = (i + 1) & mask;
    }
}

int ccad_book_new(ccad_book **out, ccad_ctx *ctx, size_t capacity_hint)
{
    ccad_book *b;
    size_t cap = capacity_hint < 16 ? 16 : capacity_hint, nslots = 32, idcap;
    if (out != NULL)
        *out = NULL;
    if (ctx == NULL)
        return CCAD_EINVAL;
    if (ccad__busy(ctx))
        return CCAD_EBUSY;
    if (out == NULL)
        return ccad__fail(ctx, CCAD_EINVAL, "ccad_book_new: out is NULL");
    if (cap > MAX_CUSTOMERS || cap > SIZE_MAX / sizeof(struct crec) / 2)
        return ccad__fail(ctx, CCAD_EOVERFLOW, "ccad_book_new: capacity hint %lu too large",
                          (unsigned long)capacity_hint);
    while (nslots < cap * 2)
        nslots *= 2;
    /* ids are found by uint32 offsets: the arena stays below 4 GiB */
    idcap = cap > UINT32_MAX / 16 ? (size_t)UINT32_MAX : cap * 16;
    b = ccad__alloc(ctx, sizeof *b);
    if (b == NULL)
        return ccad__fail(ctx, CCAD_ENOMEM, "ccad_book_new: out of memory");
    memset(b, 0, sizeof *b);
    b->ctx = ctx;
    b->serial = ++ctx->books_made;
    b->c = ccad__alloc(ctx, cap * sizeof *b->c);
    b->id_off = ccad__alloc(ctx, cap * sizeof *b->id_off);
    b->ids = ccad__alloc(ctx, idcap);
    b->slots = ccad__alloc(ctx, nslots * sizeof *b->slots);
    if (b->c == NULL || b->id_off == NULL || b->ids == NULL || b->slots == NULL) {
        ccad__free(ctx, b->c);
        ccad__free(ctx, b->id_off);
        ccad__free(ctx, b->ids);
        ccad__free(ctx, b->slots);
        ccad__free(ctx, b);
        return ccad__fail(ctx, CCAD_ENOMEM, "ccad_book_new: out of memory");
    }
    memset(b->slots, 0, nslots * sizeof *b->slots);
    b->cap = cap;
    b->ids_cap = idcap;
    b->nslots = nslots;
    *out = b;
    return CCAD_OK;
}

void ccad_book_free(ccad_book *book)
{
    if (book == NULL)
        return;
    ccad__free(book->ctx, book->c);
    ccad__free(book->ctx, book->id_off);
    ccad__free(book->ctx, book->wide);
    ccad__free(book->ctx, book->extra);
    ccad__free(book->ctx, book->ids);
    ccad__free(book->ctx, book->slots);
    ccad__free(book->ctx, book);
}

size_t ccad_book_count(const ccad_book *book) { return book == NULL ? 0 : book->n; }

ccad_ctx *ccad_book_ctx(const ccad_book *book) { return book == NULL ? NULL : book->ctx; }

const char *ccad_book_id(const ccad_book *book, size_t index)
{
    if (book == NULL || index >= book->n)
        return NULL;
    return cust_id(book, index);
}

/* Copies the caller's struct (checking its size) into *c; a 1.0 caller's
 * struct gets the 1.1 members' defaults. */
static int take_customer(ccad_ctx *ctx, const char *fn, const ccad_customer *in, ccad_customer *c)
{
    if (!CCAD__CUSTOMER_SIZE_OK(in->size))
        return ccad__fail(ctx, CCAD_EVERSION, "%s: ccad_customer.size %lu not supported", fn,
                          (unsigned long)in->size);
    ccad_customer_init(c);
    memcpy(c, in, in->size < sizeof *c ? CCAD__CUSTOMER_1_0_END : sizeof *c);
    c->size = (uint32_t)sizeof *c;
    return CCAD_OK;
}

static int check_date(ccad_ctx *ctx, const char *fn, const char *field, int32_t d)
{
    if (!ccad__opt_date_ok(d))
        return ccad__fail(ctx, CCAD_ERANGE, "%s: %s %ld is not a valid date", fn, field, (long)d);
    return CCAD_OK;
}

/* Validates every field except the id. */
static int check_customer(ccad_ctx *ctx, const char *fn, const ccad_customer *c)
{
    int rc;
    if (c->value < 0)
        return ccad__fail(ctx, CCAD_ERANGE, "%s: value %lld is negative", fn, (long long)c->value);
    if (c->grade < CCAD_GRADE_NONE || c->grade > CCAD_GRADE_D)
        return ccad__fail(ctx, CCAD_EINVAL, "%s: grade %d unknown", fn, c->grade);
    if (c->status < CCAD_STATUS_PROSPECT || c->status > CCAD_STATUS_ELIMINATED)
        return ccad__fail(ctx, CCAD_EINVAL, "%s: status %d unknown", fn, c->status);
    if (c->complaint < CCAD_COMPLAINT_NONE || c->complaint > CCAD_COMPLAINT_RESOLVED)
        return ccad__fail(ctx, CCAD_EINVAL, "%s: complaint state %d unknown", fn, c->complaint);
    if ((rc = check_date(ctx, fn, "purchase_date", c->purchase_date)) != 0 ||
        (rc = check_date(ctx, fn, "complaint_date", c->complaint_date)) != 0 ||
        (rc = check_date(ctx, fn, "request_date", c->request_date)) != 0 ||
        (rc = check_date(ctx, fn, "owned_since", c->owned_since)) != 0 ||
        (rc = check_date(ctx, fn, "last_contact", c->last_contact)) != 0 ||
        (rc = check_date(ctx, fn, "last_visit", c->last_visit)) != 0 ||
        (rc = check_date(ctx, fn, "next_step_date", c->next_step_date)) != 0)
        return rc;
    if (c->complaint != CCAD_COMPLAINT_NONE && c->complaint_date == CCAD_NO_DATE)
        return ccad__fail(ctx, CCAD_ERANGE, "%s: a complaint needs complaint_date", fn);
    if (c->monthly_volume < -1)
        return ccad__fail(ctx, CCAD_ERANGE, "%s: monthly_volume %lld is negative", fn,
                          (long long)c->monthly_volume);
    if (c->margin_bp < -1 || c->margin_bp > 10000)
        return ccad__fail(ctx, CCAD_ERANGE, "%s: margin_bp %ld outside 0..10000", fn,
                          (long)c->margin_bp);
    if (c->capable != 0 && c->capable != 1)
        return ccad__fail(ctx, CCAD_EINVAL, "%s: capable must be 0 or 1", fn);
    if (c->has_location != 0 && c->has_location != 1)
        return ccad__fail(ctx, CCAD_EINVAL, "%s: has_location must be 0 or 1", fn);
    if (c->has_location && (!isfinite(c->x) || !isfinite(c->y)))
        return ccad__fail(ctx, CCAD_ERANGE, "%s: location is not finite", fn);
    if (c->visit_days > 127)
        return ccad__fail(ctx, CCAD_ERANGE, "%s: visit_days mask %lu has bits beyond Sunday", fn,
                          (unsigned long)c->visit_days);
    if (c->visit_open_min < 0 || c->visit_close_min > 1440 ||
        c->visit_open_min >= c->visit_close_min)
        return ccad__fail(ctx, CCAD_ERANGE,
                          "%s: visit window %ld..%ld minutes is not within 0..1440", fn,
                          (long)c->visit_open_min, (long)c->visit_close_min);
    if (c->last_visit != CCAD_NO_DATE &&
        (c->last_contact == CCAD_NO_DATE || c->last_visit > c->last_contact))
        return ccad__fail(ctx, CCAD_ERANGE, "%s: last_visit is after last_contact", fn);
    if (c->next_step_date != CCAD_NO_DATE && c->last_contact != CCAD_NO_DATE &&
        c->next_step_date < c->last_contact)
        return ccad__fail(ctx, CCAD_ERANGE, "%s: next_step_date is before last_contact", fn);
    if (c->last_gap_days < -1)
        return ccad__fail(ctx, CCAD_ERANGE, "%s: last_gap_days %ld is negative", fn,
                          (long)c->last_gap_days);
    if (c->last_recorded != 0 && c->last_recorded != 1)
        return ccad__fail(ctx, CCAD_EINVAL, "%s: last_recorded must be 0 or 1", fn);
    if (c->share_pct != CCAD_SHARE_UNKNOWN && (c->share_pct < 0 || c->share_pct > 100))
        return ccad__fail(ctx, CCAD_ERANGE, "%s: share_pct %lld outside 0..100 (or -1, unknown)",
                          fn, (long long)c->share_pct);
    if (c->supplier_rank > CCAD__SUPPLIER_RANK_MAX)
        return ccad__fail(ctx, CCAD_ERANGE, "%s: supplier_rank %lu above %lu", fn,
                          (unsigned long)c->supplier_rank, (unsigned long)CCAD__SUPPLIER_RANK_MAX);
    return ccad__visits_check_customer(ctx, fn, c);
}

static int check_id(ccad_ctx *ctx, const char *fn, const char *id, size_t *out_len)
{
    size_t n;
    if (id == NULL)
        return ccad__fail(ctx, CCAD_EINVAL, "%s: id is NULL", fn);
    for (n = 0; n <= CCAD_ID_MAX && id[n] != '\0'; n++)
        ;
    if (n == 0)
        return ccad__fail(ctx, CCAD_EINVAL, "%s: id is empty", fn);
    if (n > CCAD_ID_MAX)
        return ccad__fail(ctx, CCAD_EINVAL, "%s: id longer than %d bytes", fn, CCAD_ID_MAX);
    *out_len = n;
    return CCAD_OK;
}

static void store(struct cust *d, const ccad_customer *c)
{
    int k;
    memset(d, 0, sizeof *d);
    d->value = c->value;
    d->volume = c->monthly_volume;
    d->x = c->has_location ? c->x : 0.0;
    d->y = c->has_location ? c->y : 0.0;
    d->purchase = c->purchase_date;
    d->complaint_date = c->complaint_date;
    d->request = c->request_date;
    d->owned = c->owned_since;
    d->last_contact = c->last_contact;
    d->last_visit = c->last_visit;
    d->next_step = c->next_step_date;
    d->order = CCAD_NO_DATE; /* the book's own memory: not in the public struct */
    d->last_gap = c->last_gap_days;
    d->margin_bp = c->margin_bp;
    d->contacts = c->contacts;
    d->no_progress = c->no_progress;
    d->missing = c->missing_records;
    for (k = 0; k < 4; k++)
        d->svc[k] = c->service_counts[k];
    d->share_pct = (int32_t)c->share_pct; /* validated: -1..100 */
    d->supplier_rank = c->supplier_rank;
    d->open_min = (uint16_t)c->visit_open_min;
    d->close_min = (uint16_t)c->visit_close_min;
    d->grade_manual = (uint8_t)c->grade;
    d->status = (uint8_t)c->status;
    d->complaint = (uint8_t)c->complaint;
    d->visit_days = (uint8_t)c->visit_days;
    d->bits = (uint8_t)((c->capable ? CB_CAPABLE : 0) | (c->has_location ? CB_HAS_LOC : 0) |
                        (c->last_recorded ? CB_LAST_RECORDED : 0));
    ccad__visits_take(&d->vis, c);
}

/* Fails as the growth of what (records, ids) failed: rc from ccad__grow. */
static int grow_failed(ccad_ctx *ctx, int rc, const char *fn, const char *what)
{
    if (rc == CCAD_ENOMEM)
        return ccad__fail(ctx, CCAD_ENOMEM, "%s: out of memory", fn);
    return ccad__fail(ctx, rc, "%s: %s", fn, what);
}

static int grow(ccad_book *b, size_t idlen, const char *fn)
{
    ccad_ctx *ctx = b->ctx;
    int rc;
    if (b->n == b->cap) {
        size_t cap_rec = b->cap, cap_off = b->cap;
        /* records first: larger than cap says until the offsets have grown too */
        if ((rc = ccad__grow(ctx, &b->c, &cap_rec, b->n + 1, sizeof *b->c, 16, MAX_CUSTOMERS)) !=
                CCAD_OK ||
            (rc = ccad__grow(ctx, &b->id_off, &cap_off, b->n + 1, sizeof *b->id_off, 16,
                             MAX_CUSTOMERS)) != CCAD_OK)
            return grow_failed(ctx, rc, fn, "the book is full");
        b->cap = cap_rec;
    }
    /* ids are found by uint32 offsets: the arena stays below 4 GiB */
    if ((rc = ccad__grow(ctx, &b->ids, &b->ids_cap, b->ids_len + idlen + 1, 1, 16, UINT32_MAX)) !=
        CCAD_OK)
        return grow_failed(ctx, rc, fn, "id storage full");
    if ((b->n + 1) * 2 > b->nslots) {
        size_t ns = b->nslots * 2, i;
        uint32_t *p = ccad__alloc(ctx, ns * sizeof *p), *old = b->slots;
        size_t oldn = b->nslots;
        if (p == NULL)
            return ccad__fail(ctx, CCAD_ENOMEM, "%s: out of memory", fn);
        memset(p, 0, ns * sizeof *p);
        b->slots = p;
        b->nslots = ns;
        for (i = 0; i < b->n; i++) {
            const char *id = cust_id(b, i);
            b->slots[probe(b, id, strlen(id))] = (uint32_t)(i + 1);
        }
        (void)oldn;
        ccad__free(ctx, old);
    }
    return CCAD_OK;
}

/* Adds one customer (validated) for ccad_book_add and ccad_book_add_many;
 * fn names the call in messages. Changes nothing on failure. */
int ccad__book_add_one(ccad_book *book, const char *fn, const ccad_customer *customer,
                       size_t *out_index)
{
    ccad_customer c;
    size_t idlen = 0, slot;
    struct cust w;
    int rc;
    if ((rc = take_customer(book->ctx, fn, customer, &c)) != 0 ||
        (rc = check_id(book->ctx, fn, c.id, &idlen)) != 0 ||
        (rc = check_customer(book->ctx, fn, &c)) != 0)
        return rc;
    if (book->slots[probe(book, c.id, idlen)] != 0)
        return ccad__fail(book->ctx, CCAD_EEXIST, "%s: id '%s' is already in the book", fn, c.id);
    store(&w, &c);
    if ((rc = ccad__book_reserve(book, idlen, &w, fn)) != 0)
        return rc;
    slot = ccad__book_append(book, c.id, idlen, &w);
    if (out_index != NULL)
        *out_index = slot;
    return CCAD_OK;
}

int ccad__book_reserve(ccad_book *book, size_t idlen, const struct cust *c, const char *fn)
{
    int rc;
    if (book->n >= MAX_CUSTOMERS)
        return ccad__fail(book->ctx, CCAD_EOVERFLOW, "%s: the book is full", fn);
    if ((rc = grow(book, idlen, fn)) != 0)
        return rc;
    return ccad__pack_reserve(book, book->n, c, fn);
}

size_t ccad__book_append(ccad_book *book, const char *id, size_t idlen, const struct cust *c)
{
    size_t index = book->n;
    memset(&book->c[index], 0, sizeof book->c[index]);
    ccad__pack(book, index, c);
    book->id_off[index] = (uint32_t)book->ids_len;
    memcpy(book->ids + book->ids_len, id, idlen);
    book->ids[book->ids_len + idlen] = '\0';
    book->ids_len += idlen + 1;
    book->slots[probe(book, id, idlen)] = (uint32_t)(index + 1);
    book->n++;
    book->generation++;
    return index;
}

void ccad__book_reindex(ccad_book *book)
{
    size_t i;
    memset(book->slots, 0, book->nslots * sizeof *book->slots);
    for (i = 0; i < book->n; i++) {
        const char *id = cust_id(book, i);
        book->slots[probe(book, id, strlen(id))] = (uint32_t)(i + 1);
    }
}

/* Takes back the customer added last (ccad_book_add_many's rollback). Its
 * index slot can simply be emptied: no id added earlier probed past it,
 * since it was empty when they went in. Capacity grown stays. */
void ccad__book_drop_last(ccad_book *book)
{
    size_t last = book->n - 1;
    const char *id = cust_id(book, last);
    book->slots[probe(book, id, strlen(id))] = 0;
    if (book->c[last].bits & CB_WIDE)
        book->nwide--;
    if (book->c[last].bits & CB_EXTRA) /* its entry is the table's last */
        book->nextra--;
    book->ids_len = book->id_off[last];
    memset(&book->c[last], 0, sizeof book->c[last]);
    book->n = last;
    book->edits++;
}

int ccad_book_add(ccad_book *book, const ccad_customer *customer, size_t *out_index)
{
    static const char fn[] = "ccad_book_add";
    if (book == NULL)
        return CCAD_EINVAL;
    if (ccad__busy(book->ctx))
        return CCAD_EBUSY;
    if (customer == NULL)
        return ccad__fail(book->ctx, CCAD_EINVAL, "%s: customer is NULL", fn);
    return ccad__book_add_one(book, fn, customer, out_index);
}

int ccad__find(const ccad_book *book, const char *id, size_t *out_index)
{
    size_t n = strlen(id);
    uint32_t s;
    if (n == 0 || n > CCAD_ID_MAX)
        return 0;
    s = book->slots[probe(book, id, n)];
    if (s == 0)
        return 0;
    *out_index = s - 1;
    return 1;
}

int ccad_book_find(const ccad_book *book, const char *id, size_t *out_index)
{
    size_t n;
    uint32_t s;
    if (book == NULL)
        return CCAD_EINVAL;
    if (id == NULL || out_index == NULL)
        return ccad__fail(book->ctx, CCAD_EINVAL, "ccad_book_find: NULL argument");
    n = strlen(id);
    if (n == 0 || n > CCAD_ID_MAX)
        return ccad__fail(book->ctx, CCAD_ENOTFOUND, "ccad_book_find: no customer with id '%.70s'",
                          id);
    s = book->slots[probe(book, id, n)];
    if (s == 0)
        return ccad__fail(book->ctx, CCAD_ENOTFOUND, "ccad_book_find: no customer with id '%s'",
                          id);
    *out_index = s - 1;
    return CCAD_OK;
}

void ccad__export(const ccad_book *book, size_t index, const struct cust *d, ccad_customer *out)
{
    ccad_customer c = CCAD_CUSTOMER_INIT;
    int k;
    c.id = cust_id(book, index);
    c.value = d->value;
    c.grade = d->grade_manual;
    c.status = d->status;
    c.purchase_date = d->purchase;
    c.monthly_volume = d->volume;
    c.margin_bp = d->margin_bp;
    c.capable = (d->bits & CB_CAPABLE) != 0;
    c.has_location = (d->bits & CB_HAS_LOC) != 0;
    c.x = d->x;
    c.y = d->y;
    c.complaint = d->complaint;
    c.complaint_date = d->complaint_date;
    c.request_date = d->request;
    c.visit_days = d->visit_days;
    c.visit_open_min = d->open_min;
    c.visit_close_min = d->close_min;
    c.owned_since = d->owned;
    c.last_contact = d->last_contact;
    c.last_visit = d->last_visit;
    c.last_gap_days = d->last_gap;
    c.contacts = d->contacts;
    c.no_progress = d->no_progress;
    c.missing_records = d->missing;
    c.last_recorded = (d->bits & CB_LAST_RECORDED) != 0;
    c.next_step_date = d->next_step;
    for (k = 0; k < 4; k++)
        c.service_counts[k] = d->svc[k];
    c.share_pct = d->share_pct;
    c.supplier_rank = d->supplier_rank;
    ccad__visits_give(&d->vis, &c);
    *out = c;
}

int ccad_book_get(const ccad_book *book, size_t index, ccad_customer *out)
{
    if (book == NULL)
        return CCAD_EINVAL;
    if (out == NULL)
        return ccad__fail(book->ctx, CCAD_EINVAL, "ccad_book_get: out is NULL");
    if (!CCAD__CUSTOMER_SIZE_OK(out->size))
        return ccad__fail(book->ctx, CCAD_EVERSION,
                          "ccad_book_get: ccad_customer.size %lu not supported",
                          (unsigned long)out->size);
    if (index >= book->n)
        return ccad__fail(book->ctx, CCAD_ENOTFOUND, "ccad_book_get: index %lu out of range",
                          (unsigned long)index);
    {
        struct cust w;
        ccad_customer c;
        uint32_t size = out->size;
        ccad__unpack(book, index, &w);
        ccad__export(book, index, &w, &c);
        /* a 1.0 caller's struct is filled only as far as its members reach */
        memcpy(out, &c, size < sizeof c ? CCAD__CUSTOMER_1_0_END : sizeof c);
        out->size = size;
    }
    return CCAD_OK;
}

/* The order the book remembers for customer `index` stays with the
 * purchase date it was recorded against: an update that keeps the date
 * keeps it, a new purchase date (or none) forgets it (URGENCY). */
static void keep_order(const ccad_book *book, size_t index, struct cust *w)
{
    struct cust old;
    ccad__unpack(book, index, &old);
    if (old.purchase == w->purchase)
        w->order = old.order;
}

int ccad_book_update(ccad_book *book, size_t index, const ccad_customer *customer)
{
    static const char fn[] = "ccad_book_update";
    ccad_customer c;
    struct cust w;
    int rc;
    if (book == NULL)
        return CCAD_EINVAL;
    if (ccad__busy(book->ctx))
        return CCAD_EBUSY;
    if (customer == NULL)
        return ccad__fail(book->ctx, CCAD_EINVAL, "%s: customer is NULL", fn);
    if (index >= book->n)
        return ccad__fail(book->ctx, CCAD_ENOTFOUND, "%s: index %lu out of range", fn,
                          (unsigned long)index);
    if ((rc = take_customer(book->ctx, fn, customer, &c)) != 0)
        return rc;
    if (c.id != NULL && strcmp(c.id, cust_id(book, index)) != 0)
        return ccad__fail(book->ctx, CCAD_EINVAL, "%s: the id of a customer cannot change", fn);
    if ((rc = check_customer(book->ctx, fn, &c)) != 0)
        return rc;
    store(&w, &c);
    keep_order(book, index, &w);
    if (customer->size != sizeof(ccad_customer)) { /* a 1.0 caller cannot see the 1.1 summary */
        struct cust old;
        ccad__unpack(book, index, &old);
        w.vis = old.vis;
    }
    if ((rc = ccad__pack_reserve(book, index, &w, fn)) != 0)
        return rc;
    if (ccad__value(book, index) != c.value ||
        ccad__inactive(book->c[index].status) != ccad__inactive(c.status))
        book->generation++;
    ccad__pack(book, index, &w);
    return CCAD_OK;
}

int ccad__record_apply(const ccad_book *book, size_t index, const ccad_contact *contact,
                       struct cust *out, const char *fn)
{
    ccad_contact e;
    struct cust n, before;
    ccad_ctx *ctx = book->ctx;
    int latest, rc;
    if (contact == NULL)
        return ccad__fail(ctx, CCAD_EINVAL, "%s: contact is NULL", fn);
    if (!CCAD__CONTACT_SIZE_OK(contact->size))
        return ccad__fail(ctx, CCAD_EVERSION, "%s: ccad_contact.size %lu not supported", fn,
                          (unsigned long)contact->size);
    ccad_contact_init(&e); /* a 1.0 caller's contact: the 1.1 members' defaults */
    memcpy(&e, contact, contact->size);
    if (index >= book->n)
        return ccad__fail(ctx, CCAD_ENOTFOUND, "%s: index %lu out of range", fn,
                          (unsigned long)index);
    if (!ccad__date_ok(e.date))
        return ccad__fail(ctx, CCAD_ERANGE, "%s: contact date %ld is not a valid date", fn,
                          (long)e.date);
    if (!ccad__opt_date_ok(e.next_date) || (e.next_date != CCAD_NO_DATE && e.next_date < e.date))
        return ccad__fail(ctx, CCAD_ERANGE,
                          "%s: next date must be a valid date on or after the contact", fn);
    if (e.kind < CCAD_CONTACT_VISIT || e.kind > CCAD_CONTACT_OTHER)
        return ccad__fail(ctx, CCAD_EINVAL, "%s: contact kind %d unknown", fn, e.kind);
    if (e.outcome < CCAD_OUTCOME_PROGRESS || e.outcome > CCAD_OUTCOME_COMPLAINT_RESOLVED)
        return ccad__fail(ctx, CCAD_EINVAL, "%s: outcome %d unknown", fn, e.outcome);
    if (e.recorded != 0 && e.recorded != 1)
        return ccad__fail(ctx, CCAD_EINVAL, "%s: recorded must be 0 or 1", fn);
    if (e.service_level < CCAD_SERVICE_NONE || e.service_level > CCAD_SERVICE_MOVING)
        return ccad__fail(ctx, CCAD_EINVAL, "%s: service level %d unknown", fn, e.service_level);
    if ((rc = ccad__visits_check_contact(ctx, fn, &e)) != CCAD_OK)
        return rc;

    ccad__unpack(book, index, &n); /* work on a copy; the caller commits it */
    if (e.outcome == CCAD_OUTCOME_COMPLAINT_RESOLVED && n.complaint != CCAD_COMPLAINT_OPEN)
        return ccad__fail(ctx, CCAD_ECONFLICT, "%s: no open complaint to resolve", fn);
    if (n.contacts == UINT32_MAX || (!e.recorded && n.missing == UINT32_MAX) ||
        (e.service_level > 0 && n.svc[e.service_level - 1] == UINT32_MAX) ||
        (e.outcome == CCAD_OUTCOME_NO_PROGRESS && n.no_progress == UINT32_MAX))
        return ccad__fail(ctx, CCAD_EOVERFLOW, "%s: a contact count would overflow", fn);
    before = n;
    n.contacts++;
    if (!e.recorded)
        n.missing++;
    if (e.service_level > 0)
        n.svc[e.service_level - 1]++;
    latest = n.last_contact == CCAD_NO_DATE || e.date >= n.last_contact;
    if (latest) {
        if (n.last_contact != CCAD_NO_DATE && e.date > n.last_contact)
            n.last_gap = e.date - n.last_contact;
        n.last_contact = e.date;
        n.next_step = e.next_date;
        n.bits = (uint8_t)((n.bits & ~CB_LAST_RECORDED) | (e.recorded ? CB_LAST_RECORDED : 0));
        n.no_progress = e.outcome == CCAD_OUTCOME_NO_PROGRESS ? n.no_progress + 1 : 0;
    }
    if (e.kind == CCAD_CONTACT_VISIT && (n.last_visit == CCAD_NO_DATE || e.date > n.last_visit))
        n.last_visit = e.date;
    if (e.outcome == CCAD_OUTCOME_ORDER && n.status == CCAD_STATUS_PROSPECT)
        n.status = CCAD_STATUS_ACTIVE;
    /* an order near the purchase date on record is remembered: whether it
     * closes that purchase decision is the assessment's (urgency.order_days) */
    if (e.outcome == CCAD_OUTCOME_ORDER &&
        ccad__order_closes(n.purchase, e.date, CCAD__ORDER_REACH) &&
        (n.order == CCAD_NO_DATE || e.date >= n.order))
        n.order = e.date;
    if (e.outcome == CCAD_OUTCOME_COMPLAINT_OPENED && n.complaint != CCAD_COMPLAINT_OPEN) {
        n.complaint = CCAD_COMPLAINT_OPEN;
        n.complaint_date = e.date;
    }
    if (e.outcome == CCAD_OUTCOME_COMPLAINT_RESOLVED) {
        n.complaint = CCAD_COMPLAINT_RESOLVED;
        n.complaint_date = e.date < n.complaint_date ? n.complaint_date : e.date;
    }
    ccad__visits_record(&n, &e, &before);
    *out = n;
    return CCAD_OK;
}

int ccad_book_record(ccad_book *book, size_t index, const ccad_contact *contact)
{
    struct cust n;
    int rc;
    if (book == NULL)
        return CCAD_EINVAL;
    if (ccad__busy(book->ctx))
        return CCAD_EBUSY;
    if ((rc = ccad__record_apply(book, index, contact, &n, "ccad_book_record")) != CCAD_OK ||
        (rc = ccad__pack_reserve(book, index, &n, "ccad_book_record")) != CCAD_OK)
        return rc;
    ccad__pack(book, index, &n);
    return CCAD_OK;
}
