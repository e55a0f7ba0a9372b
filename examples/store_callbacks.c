/* store_callbacks.c - one idea: the storage callbacks (docs/integration.md).
 *
 * The library does no I/O: a host that wants its customers and contacts
 * kept gives the context a ccad_store, seven callbacks over its own
 * database. Here the "database" is two arrays in memory: the committed
 * rows, and the rows of the open transaction, which commit copies over the
 * committed ones and rollback drops. Each callback prints its name, so the
 * output shows the transaction of each store call. The third call makes
 * commit fail: the library rolls back and leaves the book as it was. Then
 * the book is read back from the store, whole and one customer by id.
 *
 * Build: cc store_callbacks.c $(pkg-config --cflags --libs custcadence)
 */
#include <custcadence.h>
#include <stdio.h>
#include <string.h>

#define ROWS_MAX 8

/* One stored customer; the row owns the id the customer points to. */
struct row {
    char id[CCAD_ID_MAX + 1];
    ccad_customer customer;
};

struct memory_store {
    struct row committed[ROWS_MAX];
    size_t committed_count;
    struct row open[ROWS_MAX]; /* the open transaction's rows */
    size_t open_count;
    unsigned contacts_committed, contacts_open;
    int fail_commit; /* 1: the next commit fails, as a full disk would */
};

/* Copies a customer into a row, the id with it. */
static void put_row(struct row *r, const ccad_customer *c)
{
    snprintf(r->id, sizeof r->id, "%s", c->id);
    r->customer = *c;
    r->customer.id = r->id;
}

/* Copies the rows and re-points every id at its own row. */
static void copy_rows(struct row *to, const struct row *from, size_t count)
{
    size_t i;
    for (i = 0; i < count; i++)
        put_row(&to[i], &from[i].customer);
}

static int mem_begin(void *user)
{
    struct memory_store *db = user;
    copy_rows(db->open, db->committed, db->committed_count);
    db->open_count = db->committed_count;
    db->contacts_open = db->contacts_committed;
    printf("  begin\n");
    return 0;
}

static int mem_commit(void *user)
{
    struct memory_store *db = user;
    if (db->fail_commit) {
        printf("  commit: fails\n");
        return 1;
    }
    copy_rows(db->committed, db->open, db->open_count);
    db->committed_count = db->open_count;
    db->contacts_committed = db->contacts_open;
    printf("  commit\n");
    return 0;
}

static int mem_rollback(void *user)
{
    (void)user; /* the open rows are simply not copied back */
    printf("  rollback\n");
    return 0;
}

/* The library sets out->size to the ccad_customer it knows: copy no more. */
static int mem_load(void *user, const char *id, ccad_customer *out, int *found)
{
    struct memory_store *db = user;
    size_t i;
    *found = 0;
    for (i = 0; i < db->committed_count; i++)
        if (strcmp(db->committed[i].id, id) == 0) {
            uint32_t size = out->size;
            memcpy(out, &db->committed[i].customer, size < sizeof *out ? size : sizeof *out);
            out->size = size;
            *found = 1;
        }
    printf("  load %s: %s\n", id, *found ? "found" : "not stored");
    return 0;
}

static int mem_save(void *user, const ccad_customer *customer)
{
    struct memory_store *db = user;
    size_t i;
    for (i = 0; i < db->open_count; i++)
        if (strcmp(db->open[i].id, customer->id) == 0)
            break;
    if (i == ROWS_MAX)
        return 1; /* full: the library rolls back */
    put_row(&db->open[i], customer);
    if (i == db->open_count)
        db->open_count++;
    printf("  save %s (contacts: %u)\n", customer->id, (unsigned)customer->contacts);
    return 0;
}

static int mem_append_contact(void *user, const char *id, const ccad_contact *contact)
{
    struct memory_store *db = user;
    char day[16];
    ccad_date_format(day, sizeof day, contact->date);
    db->contacts_open++;
    printf("  append_contact %s %s %s\n", id, day,
           ccad_name(CCAD_NAME_CONTACT_KIND, contact->kind));
    return 0;
}

static int mem_iterate(void *user, ccad_store_each_fn each, void *each_user)
{
    struct memory_store *db = user;
    size_t i;
    printf("  iterate\n");
    for (i = 0; i < db->committed_count; i++)
        if (each(each_user, &db->committed[i].customer) != 0)
            return 1;
    return 0;
}

/* Prints what the book holds for customer index i. */
static void show(const ccad_book *book, size_t i)
{
    ccad_customer c = CCAD_CUSTOMER_INIT;
    char day[16] = "never";
    if (ccad_book_get(book, i, &c) != CCAD_OK)
        return;
    if (c.last_contact != CCAD_NO_DATE)
        ccad_date_format(day, sizeof day, c.last_contact);
    printf("book: %s, contacts: %u, last: %s\n", c.id, (unsigned)c.contacts, day);
}

static int fail(ccad_ctx *ctx, const char *what)
{
    fprintf(stderr, "store_callbacks: %s: %s\n", what, ccad_ctx_errmsg(ctx));
    return 1;
}

int main(void)
{
    static struct memory_store db; /* zeroed: an empty database */
    ccad_store store = CCAD_STORE_INIT;
    ccad_customer c = CCAD_CUSTOMER_INIT;
    ccad_contact visit = CCAD_CONTACT_INIT, call = CCAD_CONTACT_INIT;
    ccad_ctx *ctx;
    ccad_book *book = NULL, *loaded = NULL;
    size_t acme, i;
    int rc = 1;

    if (ccad_ctx_new(&ctx, NULL) != CCAD_OK)
        return 1;
    store.user = &db;
    store.begin = mem_begin;
    store.commit = mem_commit;
    store.rollback = mem_rollback;
    store.load = mem_load;
    store.save = mem_save;
    store.append_contact = mem_append_contact;
    store.iterate = mem_iterate;
    if (ccad_ctx_set_store(ctx, &store) != CCAD_OK || ccad_book_new(&book, ctx, 0) != CCAD_OK) {
        rc = fail(ctx, "setting up");
        goto done;
    }
    c.id = "acme-trading";
    c.value = 15000000;
    if (ccad_book_add(book, &c, &acme) != CCAD_OK) {
        rc = fail(ctx, "adding acme-trading");
        goto done;
    }
    c.id = "blue-river";
    c.value = 4000000;
    if (ccad_book_add(book, &c, NULL) != CCAD_OK) {
        rc = fail(ctx, "adding blue-river");
        goto done;
    }

    printf("Save the book (one transaction):\n");
    if (ccad_store_save_book(book) != CCAD_OK) {
        rc = fail(ctx, "saving the book");
        goto done;
    }

    printf("Record a visit to acme-trading:\n");
    ccad_date_from_ymd(&visit.date, 2026, 11, 20);
    if (ccad_store_record(book, acme, &visit) != CCAD_OK) {
        rc = fail(ctx, "recording the visit");
        goto done;
    }
    show(book, acme);

    printf("Record a call, and the commit fails:\n");
    ccad_date_from_ymd(&call.date, 2026, 11, 23);
    call.kind = CCAD_CONTACT_CALL;
    db.fail_commit = 1;
    if (ccad_store_record(book, acme, &call) != CCAD_ECALLBACK) {
        fprintf(stderr, "store_callbacks: the failed commit was not reported\n");
        goto done;
    }
    db.fail_commit = 0;
    printf("refused: %s\n", ccad_ctx_errmsg(ctx));
    show(book, acme); /* unchanged: still the one visit */
    printf("store: contacts kept: %u\n", db.contacts_committed);

    printf("Load the book back from the store:\n");
    if (ccad_store_load_book(&loaded, ctx) != CCAD_OK) {
        rc = fail(ctx, "loading the book");
        goto done;
    }
    for (i = 0; i < ccad_book_count(loaded); i++)
        show(loaded, i);

    printf("Refresh one customer from the store:\n");
    if (ccad_store_load_customer(loaded, "blue-river", &i) != CCAD_OK) {
        rc = fail(ctx, "loading blue-river");
        goto done;
    }
    show(loaded, i);
    rc = 0;
done:
    ccad_book_free(loaded);
    ccad_book_free(book);
    ccad_ctx_free(ctx);
    return rc;
}
