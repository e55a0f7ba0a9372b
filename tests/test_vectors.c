/* Conformance vectors: runs every tests/vectors/NAME.txt through the public API.
 * The format is specified in docs/vectors.md; this program is its reference
 * runner. Any mismatch or malformed vector fails the test with the file, the
 * line and the case name. */
#define _POSIX_C_SOURCE 200809L

#include "testutil.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef CCAD_VECTOR_DIR
#error "CCAD_VECTOR_DIR must name the vector directory"
#endif

/* tests/test_plan_vectors.c includes this file for its parser and
 * directives: it defines CCAD_VECTORS_NO_MAIN and these hooks (a directive
 * this file does not know: 0 handled, 1 unknown, -1 syntax error). */
#ifndef VEC_EXTRA_DIRECTIVE
#define VEC_EXTRA_DIRECTIVE(R, tok, n) 1
#endif
#ifndef VEC_BEGIN_CASE
#define VEC_BEGIN_CASE(R) ((void)0)
#endif
#ifndef VEC_END_CASE
#define VEC_END_CASE(R) ((void)0)
#endif

#define LINE_CAP 4096
#define MAX_TOKENS 64
#define MAX_FILES 256
#define MAX_CASES 4096
#define N_RULES 23 /* rule ids 1..22 */
#define N_TAGS 25  /* plus INPUT (23) and FORMAT (24) */

/* The runner in parts, by concern (each part uses the ones before it). */
#include "vectors_names.c"
#include "vectors_fields.c"
#include "vectors_why.c"
#include "vectors_directives.c"

static void run_file(struct run *R, const char *dir, const char *name)
{
    char path[1024], line[LINE_CAP];
    FILE *fp;
    int ok = 1;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    R->file = name;
    R->line = 0;
    R->in_case = 0;
    fp = fopen(path, "r");
    if (fp == NULL) {
        failf(R, "cannot open %s", path);
        return;
    }
    while (ok && fgets(line, sizeof line, fp) != NULL) {
        size_t len = strlen(line);
        R->line++;
        if (len > 0 && line[len - 1] == '\n')
            line[--len] = '\0';
        else if (!feof(fp)) {
            failf(R, "line longer than %d bytes", LINE_CAP - 2);
            ok = 0;
            break;
        }
        if (len > 0 && line[len - 1] == '\r')
            line[--len] = '\0';
        if (memchr(line, '\0', len) != NULL || strlen(line) != len) {
            failf(R, "NUL byte in the line");
            ok = 0;
            break;
        }
        if (do_line(R, line) != 0)
            ok = 0;
    }
    if (ok && R->in_case)
        failf(R, "end of file inside a case");
    if (R->in_case) {
        /* abandoned case: release its objects without counting it */
        ccad_book_free(R->book);
        ccad_rules_free(R->rules);
        free(R->rtext);
        R->book = NULL;
        R->rules = NULL;
        R->rtext = NULL;
        R->rlen = R->rcap = 0;
        R->in_case = 0;
    }
    fclose(fp);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The vector files (*.txt, not hidden) of dir, sorted by name, into files
 * (strdup'ed: the caller frees them); returns how many. Fails the test
 * when the directory cannot be read, holds none, or more than max. Shared
 * with the plan vector runner, which includes this file. */
static int vector_files(const char *dir, char **files, int max)
{
    int nfiles = 0;
    DIR *d = opendir(dir);
    struct dirent *e;
    if (d == NULL)
        fail_msg("cannot open the vector directory %s", dir);
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len > 4 && strcmp(e->d_name + len - 4, ".txt") == 0 && e->d_name[0] != '.') {
            if (nfiles == max)
                fail_msg("more than %d vector files in %s", max, dir);
            files[nfiles] = strdup(e->d_name);
            assert_non_null(files[nfiles]);
            nfiles++;
        }
    }
    closedir(d);
    if (nfiles == 0)
        fail_msg("no vector files in %s", dir);
    qsort(files, (size_t)nfiles, sizeof files[0], cmp_names);
    return nfiles;
}

#ifndef CCAD_VECTORS_NO_MAIN

static void vectors(void **state)
{
    static const int implemented[] = {
        CCAD_RULE_GRADE,  CCAD_RULE_URGENCY,   CCAD_RULE_QUADRANT,  CCAD_RULE_FREQ,
        CCAD_RULE_GAP,    CCAD_RULE_FOLLOWUP,  CCAD_RULE_STALL,     CCAD_RULE_PATIENCE,
        CCAD_RULE_TRIAGE, CCAD_RULE_COMPLAINT, CCAD_RULE_SERVICE,   CCAD_RULE_EXPLAIN,
        CCAD_RULE_CLOCK,  CCAD_RULE_ESCALATE,  CCAD_RULE_OWNERSHIP, CCAD_RULE_NEVER};
    struct run R;
    tu_alloc al;
    ccad_host h = tu_host(&al);
    char *files[MAX_FILES], counts[1024];
    int nfiles, i, k;
    size_t n = 0;
    (void)state;
    memset(&R, 0, sizeof R);
    TU_PASS(R.ctx, ccad_ctx_new(&R.ctx, &h));

    /* The rule names here must be the library's. */
    for (k = 1; k < N_RULES; k++)
        assert_string_equal(ccad_rule_name(k), rule_names[k]);
    for (k = 1; k < N_WHY; k++)
        assert_string_equal(ccad_why_name(k), why_names[k]);

    nfiles = vector_files(CCAD_VECTOR_DIR, files, MAX_FILES);

    for (i = 0; i < nfiles; i++)
        run_file(&R, CCAD_VECTOR_DIR, files[i]);

    R.file = "(all)";
    R.line = 0;
    for (k = 0; k < (int)(sizeof implemented / sizeof implemented[0]); k++)
        if (R.per_rule[implemented[k]] == 0)
            failf(&R, "no vector is tagged %s", rule_names[implemented[k]]);

    counts[0] = '\0';
    for (k = 1; k < N_TAGS; k++)
        if (R.per_rule[k] > 0 && n < sizeof counts)
            n += (size_t)snprintf(counts + n, sizeof counts - n, "%s%s %d", n ? ", " : "",
                                  tag_names[k], R.per_rule[k]);
    print_message("vectors: %d files, %d cases, %d checks\n", nfiles, R.cases, R.checks);
    print_message("vectors: %s\n", counts);

    for (i = 0; i < nfiles; i++)
        free(files[i]);
    for (i = 0; i < R.ncase_names; i++)
        free(R.case_names[i]);
    ccad_ctx_free(R.ctx);
    assert_int_equal(al.live, 0);
    if (R.failures > 0)
        fail_msg("%d vector failure(s), see above", R.failures);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(vectors)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
#endif /* CCAD_VECTORS_NO_MAIN */
