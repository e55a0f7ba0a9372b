/* opts.h - the command line of every example program, read by getopt_long
 * with the strictness the programs have always had (docs/cli.md, "Reading
 * the command line"):
 *
 * - a long option is taken only under its whole name: an abbreviation such
 *   as --to for --today is an unknown option, as is --name=VALUE for an
 *   option without a value;
 * - "--name VALUE" and "--name=VALUE" both give a value; so do "-o FILE"
 *   and "-o=FILE" for a short option with a value; short options are not
 *   bundled ("-hx" is unknown);
 * - options are read in order and the first error ends the reading; the
 *   programs take no operands, so the first argument that is not an option
 *   is "unexpected" (no permutation);
 * - "--" is an unknown option, as it always was: the programs take no
 *   operands, so there is nothing for it to separate.
 */
#ifndef CCAD_EXAMPLES_OPTS_H
#define CCAD_EXAMPLES_OPTS_H

#include <getopt.h>
#include <stddef.h>
#include <stdio.h>

/** What an option handler returns to go on reading. */
#define CCEX_OPTS_GO (-1)

/** The keys of options without a short form start here. */
#define CCEX_OPT_KEY_BASE 256

/** --lang, taken by every program (lang.h). */
#define CCEX_OPT_LANG (CCEX_OPT_KEY_BASE + 1)

/** Handles one option: @p key is its `val` in the table, @p value its value
 *  (NULL when the option takes one and none was given, such as a trailing
 *  "--today"). Returns CCEX_OPTS_GO, or an exit status that ends the
 *  reading (0 after --help, CCEX_EXIT_USAGE after a message). */
typedef int (*ccex_opt_fn)(void *user, int key, const char *value);

/** Reads the command line against the options of @p shared (may be NULL)
 *  and @p own, both getopt_long tables ending in a zero entry, and
 *  --help/-h, which calls @p usage on standard output and ends the reading
 *  with status 0 (1 when standard output cannot be written); an entry
 *  whose `val` is below CCEX_OPT_KEY_BASE also has that letter as its short
 *  form. Calls @p fn for every other option in order. Returns
 *  CCEX_OPTS_GO when
 *  every argument was read, else the exit status: @p fn's, or
 *  CCEX_EXIT_USAGE after "prog: unknown option 'ARG'" (ARG starts with '-'
 *  but is no option under its whole name, "-" and "--" included) or "prog:
 *  unexpected argument 'ARG'". */
int ccex_opts_read(int argc, char **argv, const struct option *shared, const struct option *own,
                   const char *prog, ccex_opt_fn fn, void *user, void (*usage)(FILE *fp));

#endif /* CCAD_EXAMPLES_OPTS_H */
