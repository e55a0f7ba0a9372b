/* standalone.c - replays inputs through LLVMFuzzerTestOneInput() without
 * libFuzzer, so the harnesses build and run with any C compiler.
 *
 *   fuzz_X_replay FILE|DIR ...
 *
 * Each FILE is one input; each DIR contributes every regular file in it
 * (not recursively, in name order). The harness aborts on a broken
 * invariant; this driver fails if an argument cannot be read or a directory
 * holds no input, so a missing corpus never passes silently. */
#define _POSIX_C_SOURCE 200809L

#include "fuzz.h"

#include <dirent.h>
#include <string.h>
#include <sys/stat.h>

static int run_file(const char *path)
{
    FILE *fp = fopen(path, "rb");
    uint8_t *buf = NULL;
    size_t len = 0, cap = 0;
    if (fp == NULL) {
        fprintf(stderr, "fuzz replay: cannot open %s\n", path);
        return -1;
    }
    for (;;) {
        size_t got;
        if (cap - len < 4096) {
            uint8_t *p = realloc(buf, cap + 65536);
            if (p == NULL) {
                fprintf(stderr, "fuzz replay: out of memory reading %s\n", path);
                free(buf);
                fclose(fp);
                return -1;
            }
            buf = p;
            cap += 65536;
        }
        got = fread(buf + len, 1, cap - len, fp);
        len += got;
        if (got == 0)
            break;
    }
    if (ferror(fp)) {
        fprintf(stderr, "fuzz replay: read error on %s\n", path);
        free(buf);
        fclose(fp);
        return -1;
    }
    fclose(fp);
    /* An exact-size copy, so that ASan sees reads beyond the input. */
    {
        uint8_t *exact = malloc(len ? len : 1);
        if (exact == NULL) {
            free(buf);
            return -1;
        }
        if (len)
            memcpy(exact, buf, len);
        free(buf);
        (void)LLVMFuzzerTestOneInput(exact, len);
        free(exact);
    }
    return 0;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int run_dir(const char *dir, unsigned long *count)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char **names = NULL;
    size_t n = 0, cap = 0, i;
    int rc = 0;
    if (d == NULL) {
        fprintf(stderr, "fuzz replay: cannot open directory %s\n", dir);
        return -1;
    }
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(dir) + strlen(e->d_name) + 2;
        char *path;
        struct stat st;
        if (e->d_name[0] == '.')
            continue;
        path = malloc(len);
        if (path == NULL) {
            rc = -1;
            break;
        }
        snprintf(path, len, "%s/%s", dir, e->d_name);
        if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
            free(path);
            continue;
        }
        if (n == cap) {
            char **p = realloc(names, (cap ? cap * 2 : 64) * sizeof *names);
            if (p == NULL) {
                free(path);
                rc = -1;
                break;
            }
            names = p;
            cap = cap ? cap * 2 : 64;
        }
        names[n++] = path;
    }
    closedir(d);
    if (rc == 0 && n == 0) {
        fprintf(stderr, "fuzz replay: no input files in %s\n", dir);
        rc = -1;
    }
    if (n > 1)
        qsort(names, n, sizeof *names, cmp_names);
    for (i = 0; i < n; i++) {
        if (rc == 0) {
            if (getenv("FUZZ_REPLAY_VERBOSE") != NULL)
                fprintf(stderr, "fuzz replay: %s\n", names[i]);
            rc = run_file(names[i]);
            if (rc == 0)
                (*count)++;
        }
        free(names[i]);
    }
    free(names);
    return rc;
}

int main(int argc, char **argv)
{
    unsigned long count = 0;
    int i;
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE|DIR ...\n", argv[0]);
        return 2;
    }
    for (i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) != 0) {
            fprintf(stderr, "fuzz replay: cannot stat %s\n", argv[i]);
            return 1;
        }
        if (S_ISDIR(st.st_mode)) {
            if (run_dir(argv[i], &count) != 0)
                return 1;
        } else {
            if (run_file(argv[i]) != 0)
                return 1;
            count++;
        }
    }
    printf("fuzz replay: %lu inputs, no invariant broken\n", count);
    return 0;
}
