/* datadir.h - where the example programs find their bundled data.
 *
 * The default input files (territory.csv, contacts.csv, sample.csv) are
 * looked up at run time, first match wins (docs/cli.md, "Where the bundled
 * data is found"):
 *   1. $CUSTCADENCE_DATA, when set and not empty: that directory only;
 *   2. <directory of the executable>/../share/custcadence (the installed
 *      layout; the executable from /proc/self/exe on Linux, else argv[0]);
 *   3. the source tree's examples/data, compiled in (CCAD_EXAMPLES_DATA_DIR),
 *      so the programs run from the build tree.
 */
#ifndef CCAD_EXAMPLES_DATADIR_H
#define CCAD_EXAMPLES_DATADIR_H

#include <stddef.h>

/** The environment variable naming the data directory. */
#define CCEX_DATA_ENV "CUSTCADENCE_DATA"

/** Records where the executable lives; call first thing in main(). */
void ccex_data_init(const char *argv0);

/** Writes the path of the bundled file NAME to out (cap bytes), from the
 *  first directory of the lookup order holding a readable NAME. Returns 0,
 *  or -1 after printing "prog: cannot find the bundled data file NAME;
 *  tried: ..." (every path tried) to stderr. */
int ccex_data_path(char *out, size_t cap, const char *name, const char *prog);

#endif
