/* fuzz_csv.c - the examples' RFC 4180 reader and customers loader
 * (examples/common/csv.c, cells.c, customers.c).
 *
 * The loader reads files only (ccex_load_customers takes a path), so the
 * input is written to one temporary file per process and loaded from there.
 * Invariants:
 * - the loader returns CCEX_OK with a book of `count` customers, each id
 *   found again by ccad_book_find() at its index and a display name for
 *   each; or CCEX_EINPUT with a message "file:line:column: ..." naming the
 *   temporary file, a line >= 1 that exists in the input (or the one after
 *   its end) and a column >= 1; on error the result struct is left zeroed;
 * - the memory reader (ccex_csv_open_mem) gives fields that are
 *   NUL-terminated, hold no NUL, and start at a line and column >= 1; when
 *   it reads the whole input, writing the records back with every field
 *   quoted and reading them again gives the same records, field for field
 *   (round trip);
 * - no leak (checked by LeakSanitizer under libFuzzer and in the ASan
 *   build's replay). */
#define _POSIX_C_SOURCE 200809L

#include "fuzz.h"

#include <string.h>
#include <unistd.h>

#include "csv.h"
#include "customers.h"
#include "custcadence.h"

static char tmp_path[256];

static void remove_tmp(void)
{
    if (tmp_path[0] != '\0')
        (void)unlink(tmp_path);
}

static const char *write_tmp(const uint8_t *data, size_t size)
{
    FILE *fp;
    if (tmp_path[0] == '\0') {
        const char *dir = getenv("TMPDIR");
        int fd;
        snprintf(tmp_path, sizeof tmp_path, "%s/ccad-fuzz-csv-XXXXXX",
                 dir != NULL && dir[0] != '\0' ? dir : "/tmp");
        fd = mkstemp(tmp_path);
        FUZZ_CHECKF(fd >= 0, "cannot create %s", tmp_path);
        close(fd);
        atexit(remove_tmp);
    }
    fp = fopen(tmp_path, "wb");
    FUZZ_CHECK(fp != NULL);
    FUZZ_CHECK(size == 0 || fwrite(data, 1, size, fp) == size);
    FUZZ_CHECK(fclose(fp) == 0);
    return tmp_path;
}

/* Parses "<path>:<line>:<column>: " at the start of msg. */
static int parse_position(const char *msg, const char *path, unsigned long *line,
                          unsigned long *col)
{
    size_t n = strlen(path);
    char *end;
    if (strncmp(msg, path, n) != 0 || msg[n] != ':')
        return 0;
    msg += n + 1;
    if (*msg < '0' || *msg > '9')
        return 0;
    *line = strtoul(msg, &end, 10);
    if (*end != ':' || end[1] < '0' || end[1] > '9')
        return 0;
    *col = strtoul(end + 1, &end, 10);
    return end[0] == ':' && end[1] == ' ' && end[2] != '\0';
}

static unsigned long count_lines(const uint8_t *data, size_t size)
{
    unsigned long lines = 1;
    size_t k;
    for (k = 0; k < size; k++)
        if (data[k] == '\n')
            lines++;
    return lines;
}

static void check_loader(const uint8_t *data, size_t size)
{
    ccad_ctx *ctx = NULL;
    ccex_customers cs;
    ccex_err err;
    const char *path = write_tmp(data, size);
    int rc;

    FUZZ_CHECK(ccad_ctx_new(&ctx, NULL) == CCAD_OK);
    memset(&cs, 0x5a, sizeof cs);
    err.msg[0] = '\0';
    rc = ccex_load_customers(&cs, ctx, path, &err);
    if (rc == CCEX_OK) {
        size_t i, n = ccad_book_count(cs.book);
        FUZZ_CHECK(cs.book != NULL);
        FUZZ_CHECK(cs.count == n);
        for (i = 0; i < n; i++) {
            const char *id = ccad_book_id(cs.book, i);
            size_t at = 99;
            FUZZ_CHECK(id != NULL && id[0] != '\0' && strlen(id) <= CCAD_ID_MAX);
            FUZZ_CHECK(ccad_book_find(cs.book, id, &at) == CCAD_OK && at == i);
            FUZZ_CHECK(ccex_customers_name(&cs, i) != NULL);
        }
        FUZZ_CHECK(ccad_book_grade(cs.book, NULL) == CCAD_EINVAL);
        ccex_customers_free(&cs);
        FUZZ_CHECK(cs.book == NULL && cs.count == 0);
    } else {
        unsigned long line = 0, col = 0;
        static const ccex_customers zero;
        FUZZ_CHECKF(rc == CCEX_EINPUT, "loader returned %d: %s", rc, err.msg);
        FUZZ_CHECK(memcmp(&cs, &zero, sizeof cs) == 0);
        FUZZ_CHECKF(parse_position(err.msg, path, &line, &col), "message without a position: %s",
                    err.msg);
        FUZZ_CHECKF(line >= 1 && col >= 1, "%s", err.msg);
        FUZZ_CHECKF(line <= count_lines(data, size) + 1, "%s", err.msg);
    }
    ccad_ctx_free(ctx);
}

/* Records read by the memory reader, kept as one buffer of quoted CSV. */
struct out {
    char *p;
    size_t n, cap;
};

static void out_put(struct out *o, char c)
{
    if (o->n == o->cap) {
        size_t nc = o->cap ? o->cap * 2 : 256;
        char *q = realloc(o->p, nc);
        FUZZ_CHECK(q != NULL);
        o->p = q;
        o->cap = nc;
    }
    o->p[o->n++] = c;
}

/* Reads every record; appends each, every field quoted, to *o (if not NULL).
 * Returns 1 if the whole input was read, 0 on a reader error. */
static int read_all(const char *data, size_t size, struct out *o, unsigned long *nrec,
                    int line_ends_crlf)
{
    ccex_csv *r = NULL;
    ccex_err err;
    int rc, ok;
    *nrec = 0;
    FUZZ_CHECK(ccex_csv_open_mem(&r, "mem", data, size, &err) == CCEX_OK);
    for (;;) {
        size_t i, nf;
        rc = ccex_csv_next(r, &err);
        if (rc <= 0)
            break;
        (*nrec)++;
        nf = ccex_csv_nfields(r);
        FUZZ_CHECK(nf >= 1);
        FUZZ_CHECK(ccex_csv_line(r) >= 1);
        for (i = 0; i < nf; i++) {
            const ccex_field *f = ccex_csv_field(r, i);
            size_t k;
            FUZZ_CHECK(f->text != NULL && f->text[f->len] == '\0' && strlen(f->text) == f->len);
            FUZZ_CHECK(f->line >= ccex_csv_line(r) && f->column >= 1);
            if (o == NULL)
                continue;
            if (i > 0)
                out_put(o, ',');
            out_put(o, '"');
            for (k = 0; k < f->len; k++) {
                if (f->text[k] == '"')
                    out_put(o, '"');
                out_put(o, f->text[k]);
            }
            out_put(o, '"');
        }
        if (o != NULL) {
            if (line_ends_crlf)
                out_put(o, '\r');
            out_put(o, '\n');
        }
    }
    ok = rc == 0;
    if (!ok) {
        unsigned long line = 0, col = 0;
        FUZZ_CHECKF(rc == CCEX_EINPUT, "reader returned %d", rc);
        FUZZ_CHECKF(parse_position(err.msg, "mem", &line, &col) && line >= 1 && col >= 1,
                    "reader message without a position: %s", err.msg);
    }
    ccex_csv_close(r);
    return ok;
}

/* Reads both texts record by record and requires identical fields. */
static void compare_readers(const char *a, size_t na, const char *b, size_t nb)
{
    ccex_csv *ra = NULL, *rb = NULL;
    ccex_err err;
    FUZZ_CHECK(ccex_csv_open_mem(&ra, "a", a, na, &err) == CCEX_OK);
    FUZZ_CHECK(ccex_csv_open_mem(&rb, "b", b, nb, &err) == CCEX_OK);
    for (;;) {
        int x = ccex_csv_next(ra, &err), y;
        size_t i;
        FUZZ_CHECK(x >= 0);
        y = ccex_csv_next(rb, &err);
        FUZZ_CHECKF(y == x, "round trip: %d records vs %d (%s)", x, y, err.msg);
        if (x == 0)
            break;
        FUZZ_CHECK(ccex_csv_nfields(ra) == ccex_csv_nfields(rb));
        for (i = 0; i < ccex_csv_nfields(ra); i++) {
            const ccex_field *fa = ccex_csv_field(ra, i), *fb = ccex_csv_field(rb, i);
            FUZZ_CHECK(fa->len == fb->len && memcmp(fa->text, fb->text, fa->len) == 0);
            FUZZ_CHECK(fb->quoted);
        }
    }
    ccex_csv_close(ra);
    ccex_csv_close(rb);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct out o = {NULL, 0, 0};
    unsigned long n1 = 0, n2 = 0;

    check_loader(data, size);

    if (read_all((const char *)data, size, &o, &n1, size > 0 && (data[0] & 1))) {
        struct out o2 = {NULL, 0, 0};
        FUZZ_CHECKF(read_all(o.p != NULL ? o.p : "", o.n, &o2, &n2, 0),
                    "the quoted rewrite of a readable input is not readable");
        FUZZ_CHECK(n1 == n2);
        compare_readers((const char *)data, size, o.p != NULL ? o.p : "", o.n);
        free(o2.p);
    }
    free(o.p);
    return 0;
}
