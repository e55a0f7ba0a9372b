/* Part of the conformance vector runners (tests/vectors.h): the vector files
 * of a directory, found and sorted, and one file read line by line into the
 * directives (vectors_directives.c). Shared by test_vectors.c and
 * test_plan_vectors.c. */
#define _POSIX_C_SOURCE 200809L

#include "vectors.h"

#include <dirent.h>

void vec_run_file(struct run *R, const char *dir, const char *name)
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
        vec_failf(R, "cannot open %s", path);
        return;
    }
    while (ok && fgets(line, sizeof line, fp) != NULL) {
        size_t len = strlen(line);
        R->line++;
        if (len > 0 && line[len - 1] == '\n')
            line[--len] = '\0';
        else if (!feof(fp)) {
            vec_failf(R, "line longer than %d bytes", LINE_CAP - 2);
            ok = 0;
            break;
        }
        if (len > 0 && line[len - 1] == '\r')
            line[--len] = '\0';
        if (memchr(line, '\0', len) != NULL || strlen(line) != len) {
            vec_failf(R, "NUL byte in the line");
            ok = 0;
            break;
        }
        if (vec_do_line(R, line) != 0)
            ok = 0;
    }
    if (ok && R->in_case)
        vec_failf(R, "end of file inside a case");
    if (R->in_case)
        vec_case_release(R); /* an abandoned case, not counted */
    fclose(fp);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The vector files (*.txt, not hidden) of dir, sorted by name, into files
 * (strdup'ed: the caller frees them); returns how many. Fails the test
 * when the directory cannot be read, holds none, or more than max. */
int vec_vector_files(const char *dir, char **files, int max)
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
