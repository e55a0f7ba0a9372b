/* opts.c - the examples' command line through getopt_long (opts.h). */
#define _POSIX_C_SOURCE 200809L

#include "opts.h"

#include <string.h>

#include "plan.h"

#define OPTS_MAX 48

/* The two tables as one, and the short options ("+:" then each letter,
 * with ':' when it takes a value): '+' stops at the first argument that is
 * not an option, ':' reports a missing value as ':' without a message. */
struct table {
    struct option all[OPTS_MAX + 1];
    char shorts[2 + 2 * OPTS_MAX + 1];
    size_t n;
};

static void table_add(struct table *t, const struct option *opts)
{
    size_t len = strlen(t->shorts);
    for (; opts != NULL && opts->name != NULL && t->n < OPTS_MAX; opts++) {
        t->all[t->n++] = *opts;
        if (opts->val > 0 && opts->val < CCEX_OPT_KEY_BASE) {
            t->shorts[len++] = (char)opts->val;
            if (opts->has_arg != no_argument)
                t->shorts[len++] = ':';
        }
    }
    t->shorts[len] = '\0';
    memset(&t->all[t->n], 0, sizeof t->all[t->n]);
}

/* The option argv element @p a names under its whole name, or NULL:
 * "--name", "--name=VALUE" (when it takes a value), "-x", "-x=VALUE" (the
 * same). Abbreviations, bundles and unknown names give NULL. */
static const struct option *whole_option(const struct table *t, const char *a)
{
    size_t k;
    if (a[0] != '-' || a[1] == '\0')
        return NULL;
    for (k = 0; k < t->n; k++) {
        const struct option *o = &t->all[k];
        const char *rest;
        if (a[1] == '-') {
            size_t len = strlen(o->name);
            if (strncmp(a + 2, o->name, len) != 0)
                continue;
            rest = a + 2 + len;
        } else {
            if (o->val <= 0 || o->val >= CCEX_OPT_KEY_BASE || a[1] != (char)o->val)
                continue;
            rest = a + 2;
        }
        if (*rest == '\0' || (*rest == '=' && o->has_arg != no_argument))
            return o;
    }
    return NULL;
}

int ccex_opts_read(int argc, char **argv, const struct option *shared, const struct option *own,
                   const char *prog, ccex_opt_fn fn, void *user, void (*usage)(FILE *fp))
{
    static const struct option help[] = {{"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    struct table t;
    int status = CCEX_OPTS_GO;
    memset(&t, 0, sizeof t);
    strcpy(t.shorts, "+:");
    table_add(&t, shared);
    table_add(&t, own);
    table_add(&t, help);
    opterr = 0;
    optind = 1;
    while (status == CCEX_OPTS_GO && optind < argc) {
        const char *a = argv[optind];
        const struct option *o;
        int got;
        if (a[0] != '-')
            return ccex_usage_error(prog, "unexpected argument '%s'", a);
        if ((o = whole_option(&t, a)) == NULL)
            return ccex_usage_error(prog, "unknown option '%s'", a);
        got = getopt_long(argc, argv, t.shorts, t.all, NULL);
        if (got == 'h') {
            usage(stdout);
            if (fflush(stdout) != 0 || ferror(stdout)) {
                fprintf(stderr, "%s: cannot write the output\n", prog);
                return CCEX_EXIT_INPUT;
            }
            return CCEX_EXIT_OK;
        }
        if (got == ':')
            status = fn(user, o->val, NULL);
        else if (a[1] != '-' && optarg == a + 2 && *optarg == '=')
            status = fn(user, o->val, optarg + 1); /* "-o=FILE" */
        else
            status = fn(user, o->val, o->has_arg != no_argument ? optarg : NULL);
    }
    return status;
}
