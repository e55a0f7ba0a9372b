/* datadir.c - where the example programs find their bundled data. See
 * datadir.h. */
#define _POSIX_C_SOURCE 200809L

#include "datadir.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef CCAD_EXAMPLES_DATA_DIR
#define CCAD_EXAMPLES_DATA_DIR "examples/data"
#endif

enum { CCEX_PATH_CAP = 4096, CCEX_DATA_DIRS = 3 };

/* The directory of the executable; "" when unknown. Shorter than a path,
 * so "/../share/custcadence" always fits after it. */
static char exe_dir[CCEX_PATH_CAP - 32];

void ccex_data_init(const char *argv0)
{
    char buf[CCEX_PATH_CAP];
    char *slash;
    ssize_t n = -1;
#if defined(__linux__)
    n = readlink("/proc/self/exe", buf, sizeof buf - 1);
#endif
    if (n > 0 && (size_t)n < sizeof buf - 1) {
        buf[n] = '\0';
    } else if (argv0 != NULL && strchr(argv0, '/') != NULL && strlen(argv0) < sizeof buf) {
        strcpy(buf, argv0);
    } else {
        exe_dir[0] = '\0'; /* found through PATH: only the other places */
        return;
    }
    slash = strrchr(buf, '/');
    if (slash == buf)
        slash[1] = '\0';
    else
        *slash = '\0';
    if (strlen(buf) < sizeof exe_dir)
        memcpy(exe_dir, buf, strlen(buf) + 1);
    else
        exe_dir[0] = '\0';
}

/* <exe_dir>/../share/custcadence, written as <parent of exe_dir>/share/...
 * when exe_dir is an absolute path ending in a plain name (as from
 * /proc/self/exe), so messages show a clean path. */
static void installed_dir(char *out)
{
    const char *last = strrchr(exe_dir, '/');
    if (exe_dir[0] == '/' && last != NULL && last[1] != '\0' && strcmp(last, "/.") != 0 &&
        strcmp(last, "/..") != 0) {
        int len = (int)(last - exe_dir);
        snprintf(out, CCEX_PATH_CAP, "%.*s/share/custcadence", len, exe_dir);
    } else {
        snprintf(out, CCEX_PATH_CAP, "%s%s../share/custcadence", exe_dir,
                 exe_dir[strlen(exe_dir) - 1] == '/' ? "" : "/");
    }
}

/* The directories to try, in order; returns how many, and which came from
 * the environment (*from_env). */
static size_t data_dirs(char dirs[][CCEX_PATH_CAP], int *from_env)
{
    const char *env = getenv(CCEX_DATA_ENV);
    size_t n = 0;
    *from_env = 0;
    if (env != NULL && *env != '\0') {
        snprintf(dirs[n++], CCEX_PATH_CAP, "%s", env);
        *from_env = 1;
        return n; /* set: that directory only */
    }
    if (exe_dir[0] != '\0')
        installed_dir(dirs[n++]);
    snprintf(dirs[n++], CCEX_PATH_CAP, "%s", CCAD_EXAMPLES_DATA_DIR);
    return n;
}

int ccex_data_path(char *out, size_t cap, const char *name, const char *prog)
{
    char dirs[CCEX_DATA_DIRS][CCEX_PATH_CAP];
    int from_env;
    size_t n = data_dirs(dirs, &from_env), k;
    for (k = 0; k < n; k++) {
        int w = snprintf(out, cap, "%s/%s", dirs[k], name);
        if (w > 0 && (size_t)w < cap && access(out, R_OK) == 0)
            return 0;
    }
    fprintf(stderr, "%s: cannot find the bundled data file %s; tried:\n", prog, name);
    for (k = 0; k < n; k++)
        fprintf(stderr, "  %s/%s%s\n", dirs[k], name, from_env ? " (from " CCEX_DATA_ENV ")" : "");
    /* the team's files come as a pair: --customers alone is bad usage there */
    fprintf(stderr,
            "Set " CCEX_DATA_ENV " to the directory of the bundled data, or name the\n"
            "input files (%s).\n",
            strncmp(name, "team-", 5) == 0 ? "--reps FILE --customers FILE" : "--customers FILE");
    if (cap > 0)
        out[0] = '\0';
    return -1;
}
