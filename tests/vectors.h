/* The conformance vector runners (docs/vectors.md) in parts: what the parts
 * share. The assessment runner (test_vectors.c) and the plan vector runner
 * (test_plan_vectors.c, plan_vectors.h) both build these parts:
 *   vectors_names.c       the name tables of rule ids, tags, reasons, flags,
 *                         error codes and every enumeration a vector names;
 *   vectors_fields.c      the fields of the structs a vector addresses and
 *                         their values parsed, read, written and compared;
 *   vectors_why.c         expected flags and reasons parsed, the library's
 *                         described;
 *   vectors_directives.c  the directives of a vector file and the cases they
 *                         open and close;
 *   vectors_files.c       the vector files of a directory, each read line by
 *                         line into the directives.
 * A runner with more directives sets the hooks of struct run. */
#ifndef CCAD_TESTS_VECTORS_H
#define CCAD_TESTS_VECTORS_H

#include "testutil.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef CCAD_VECTOR_DIR
#error "CCAD_VECTOR_DIR must name the vector directory"
#endif

#define LINE_CAP 4096
#define MAX_TOKENS 64
#define MAX_FILES 256
#define MAX_CASES 4096
#define N_RULES 23 /* rule ids 1..22 */
#define N_TAGS 25  /* plus INPUT (23) and FORMAT (24) */
#define N_WHY 74   /* reason codes 1..73 */
#define N_FLAGS 17
#define N_ERRORS 15

/* ------------------------------------------------------------------ */
/* Name tables (vectors_names.c): index = numeric value, NULL = no name.
 * The sizes are checked against the definitions by the compiler. */

extern const char *const vec_grade_names[5];
extern const char *const vec_status_names[6];
extern const char *const vec_complaint_names[3];
extern const char *const vec_kind_names[6];
extern const char *const vec_outcome_names[6];
extern const char *const vec_service_names[5];
extern const char *const vec_urgency_names[4];
extern const char *const vec_quadrant_names[5];
extern const char *const vec_escalation_names[4];
extern const char *const vec_triage_names[4];
extern const char *const vec_strategy_names[4];
extern const char *const vec_weekday_names[7];
extern const char *const vec_purpose_names[7]; /* by bit */
extern const char *const vec_part_names[5];    /* by bit */
extern const char *const vec_activity_names[3];
extern const char *const vec_rule_names[N_RULES];
extern const char *const vec_tag_names[N_TAGS];
extern const char *const vec_why_names[N_WHY];
extern const char *const vec_flag_names[N_FLAGS]; /* by bit */

struct vec_error_name {
    const char *name;
    int code;
};
extern const struct vec_error_name vec_error_names[N_ERRORS];

/* ------------------------------------------------------------------ */
/* Fields (vectors_fields.c) of the three structs a vector can address. */

enum ftype { F_I64, F_INT, F_I32, F_U32, F_DATE, F_DBL, F_DAYS, F_SVC, F_BITS };

struct fdesc {
    const char *name;
    enum ftype type;
    size_t off;
    const char *const *names; /* enumerated field: name of each value */
    int nnames;
};

extern const struct fdesc vec_customer_fields[];
extern const size_t vec_n_customer_fields;
extern const struct fdesc vec_contact_fields[];
extern const size_t vec_n_contact_fields;
extern const struct fdesc vec_assess_fields[];
extern const size_t vec_n_assess_fields;

/* ------------------------------------------------------------------ */
/* Run state: one runner over its files, the current case. */

struct run {
    ccad_ctx *ctx;
    const char *file;
    int line;
    char case_name[128];
    int in_case;
    int failures;
    int cases;
    int checks;
    int per_rule[N_TAGS];
    char *case_names[MAX_CASES];
    int ncase_names;
    /* current case */
    unsigned long tags;
    char *rtext;
    size_t rlen, rcap;
    int rules_done;
    ccad_rules *rules;
    ccad_book *book;
    int dirty;
    int have_today;
    int32_t today;
    int expectations;
    int syntax; /* set by a syntax error: the rest of the file is skipped */
    /* Hooks of a runner with more directives (NULL: none). extra_directive
     * gets a directive the parts do not know: 0 handled, 1 unknown, -1
     * syntax error. begin_case runs when a case opens, end_case before its
     * tags are counted. */
    int (*extra_directive)(struct run *R, char **tok, int n);
    void (*begin_case)(struct run *R);
    void (*end_case)(struct run *R);
};

/* A failed check: counted, printed with the file, the line and the case. */
void vec_failf(struct run *R, const char *fmt, ...) CMOCKA_PRINTF_ATTRIBUTE(2, 3);
/* A syntax error: a failure that also skips the rest of the file. */
#define vec_synf(R, ...) ((R)->syntax = 1, vec_failf((R), __VA_ARGS__))

/* The name of a CCAD_E* code, "?" when unknown. */
const char *vec_errname(int code);
/* A whole decimal integer with optional minus sign: 0, or -1. */
int vec_parse_int(const char *s, int64_t *out);
/* The index of s in names[0..n), or -1. */
int vec_lookup(const char *const *names, int n, const char *s);
/* A date figure: YYYY-MM-DD, none (CCAD_NO_DATE), or a raw day number: 0, or -1. */
int vec_parse_date(const char *s, int64_t *out);
void vec_format_date(char *buf, size_t cap, int64_t d);
int vec_parse_field(const struct fdesc *f, const char *s, int64_t *out);
int64_t vec_field_get(const void *base, const struct fdesc *f);
/* name=value into the struct at base: 0, or -1 after a syntax error. */
int vec_assign(struct run *R, void *base, const struct fdesc *t, size_t n, const char *tok);
/* name=value against the struct at base; a mismatch is reported; -1 on bad syntax. */
int vec_compare(struct run *R, const void *base, const struct fdesc *t, size_t n, const char *id,
                const char *tok);

/* ------------------------------------------------------------------ */
/* Flags and reasons (vectors_why.c). */

/* An expected reason: [RULE:]CODE[(f[,f[,f]])], a figure may be "_" (any). */
struct why_spec {
    int rule; /* 0: any */
    int code;
    int nfig;
    int wild[3];
    int64_t fig[3];
};

int vec_parse_flags(const char *s, uint32_t *out);
void vec_flags_text(char *buf, size_t cap, uint32_t m);
int vec_parse_why(const char *s, struct why_spec *w);
int vec_why_matches(const struct why_spec *w, const ccad_reason *r);
void vec_reasons_text(char *buf, size_t cap, const ccad_assessment *a);

/* ------------------------------------------------------------------ */
/* Directives and cases (vectors_directives.c). */

/* One line of a vector file: 0, or -1 on a syntax error (the file is abandoned). */
int vec_do_line(struct run *R, char *line);
/* Closes the case: frees its book, rules and rules text (counts nothing). */
void vec_case_release(struct run *R);
/* Grades the case's book once its rules are read: 0, or -1 after a failure. */
int vec_ensure_graded(struct run *R);
/* The index of customer id in the case's book: 0, or -1 after reporting it missing. */
int vec_find_customer(struct run *R, const char *id, size_t *idx);

/* ------------------------------------------------------------------ */
/* Files (vectors_files.c). */

/* Runs every line of dir/name; failures are counted in R. */
void vec_run_file(struct run *R, const char *dir, const char *name);
/* The *.txt files of dir, sorted, strdup'ed into files; returns how many. */
int vec_vector_files(const char *dir, char **files, int max);

#endif /* CCAD_TESTS_VECTORS_H */
