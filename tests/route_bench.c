/* route-bench: solves TSPLIB EUC_2D instances as closed tours from node 1.
 * Takes .tsp files and directories of them (run smallest first); per
 * instance it prints the size, the optimum (from optima.txt in the file's
 * directory, "name length" lines, when listed), the library's length, its
 * gap to the optimum in percent and its time (process CPU milliseconds:
 * robust on a shared machine), and with --baseline the
 * length and gap of the plain iterated 2-opt + Or-opt of route_baseline.c
 * given the same time. The last line fits the time-growth exponent (least
 * squares of log time on log n) over the instances of 1,000 to 20,000
 * points. A benchmark program: it never fails on timing.
 *
 *   route-bench [--effort N] [--seed S] [--tour-out DIR] [--baseline] PATH ...
 */
#define _POSIX_C_SOURCE 200809L
#include "custcadence.h"
#include "route_baseline.h"

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct inst {
    char name[128];
    size_t n;
    double *x, *y;
};

struct item {
    char path[1024];
    size_t n;
};

static int read_tsp(const char *path, struct inst *I, char *err, size_t cap)
{
    FILE *f = fopen(path, "r");
    char line[512];
    int in_coords = 0, euc = 0;
    size_t got = 0;
    memset(I, 0, sizeof *I);
    if (f == NULL) {
        snprintf(err, cap, "%s: cannot open", path);
        return -1;
    }
    while (fgets(line, sizeof line, f) != NULL) {
        char *p = line;
        while (*p == ' ' || *p == '\t')
            p++;
        if (!in_coords) {
            char *colon = strchr(p, ':');
            if (strncmp(p, "NODE_COORD_SECTION", 18) == 0) {
                if (I->n == 0 || !euc) {
                    snprintf(
                        err, cap,
                        "%s: need DIMENSION and EDGE_WEIGHT_TYPE : EUC_2D before the coordinates",
                        path);
                    break;
                }
                I->x = calloc(I->n, sizeof *I->x);
                I->y = calloc(I->n, sizeof *I->y);
                if (I->x == NULL || I->y == NULL) {
                    snprintf(err, cap, "%s: out of memory", path);
                    break;
                }
                in_coords = 1;
                continue;
            }
            if (colon == NULL)
                continue;
            *colon = '\0';
            {
                char *key = p, *val = colon + 1, *e;
                for (e = key + strlen(key); e > key && (e[-1] == ' ' || e[-1] == '\t'); e--)
                    *--e = '\0', e++;
                while (*val == ' ' || *val == '\t')
                    val++;
                val[strcspn(val, "\r\n")] = '\0';
                for (e = val + strlen(val); e > val && e[-1] == ' '; e--)
                    e[-1] = '\0';
                if (strncmp(key, "NAME", 4) == 0)
                    snprintf(I->name, sizeof I->name, "%s", val);
                else if (strncmp(key, "DIMENSION", 9) == 0)
                    I->n = (size_t)strtoul(val, NULL, 10);
                else if (strncmp(key, "EDGE_WEIGHT_TYPE", 16) == 0) {
                    if (strcmp(val, "EUC_2D") != 0) {
                        snprintf(err, cap, "%s: EDGE_WEIGHT_TYPE %s not supported (EUC_2D only)",
                                 path, val);
                        break;
                    }
                    euc = 1;
                }
            }
        } else {
            unsigned long id;
            double xx, yy;
            if (strncmp(p, "EOF", 3) == 0)
                break;
            if (sscanf(p, "%lu %lf %lf", &id, &xx, &yy) != 3)
                continue;
            if (id < 1 || id > I->n) {
                snprintf(err, cap, "%s: node %lu outside 1..%lu", path, id, (unsigned long)I->n);
                in_coords = 2;
                break;
            }
            I->x[id - 1] = xx;
            I->y[id - 1] = yy;
            got++;
        }
    }
    fclose(f);
    if (in_coords == 1 && got == I->n)
        return 0;
    if (err[0] == '\0')
        snprintf(err, cap, "%s: expected %lu coordinates, read %lu", path, (unsigned long)I->n,
                 (unsigned long)got);
    free(I->x);
    free(I->y);
    return -1;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* DIMENSION of a .tsp file from its header, 0 if none. */
static size_t tsp_dimension(const char *path)
{
    FILE *f = fopen(path, "r");
    char line[512];
    size_t n = 0;
    if (f == NULL)
        return 0;
    while (n == 0 && fgets(line, sizeof line, f) != NULL && strncmp(line, "NODE_COORD", 10) != 0)
        if (strncmp(line, "DIMENSION", 9) == 0 && strchr(line, ':') != NULL)
            n = (size_t)strtoul(strchr(line, ':') + 1, NULL, 10);
    fclose(f);
    return n;
}

/* The optimum listed for `name` in optima.txt next to path, -1 if none. */
static long long tsp_optimum(const char *path, const char *name)
{
    char dir[1024], line[256];
    const char *slash = strrchr(path, '/');
    long long opt = -1;
    FILE *f;
    snprintf(dir, sizeof dir, "%.*s/optima.txt", slash ? (int)(slash - path) : 1,
             slash ? path : ".");
    if ((f = fopen(dir, "r")) == NULL)
        return -1;
    while (opt < 0 && fgets(line, sizeof line, f) != NULL) {
        char nm[128];
        long long v;
        if (line[0] != '#' && sscanf(line, "%127s %lld", nm, &v) == 2 && strcmp(nm, name) == 0)
            opt = v;
    }
    fclose(f);
    return opt;
}

static int add_item(struct item **items, size_t *count, size_t *cap, const char *path)
{
    if (*count == *cap) {
        size_t nc = *cap ? *cap * 2 : 64;
        struct item *p = realloc(*items, nc * sizeof *p);
        if (p == NULL)
            return -1;
        *items = p;
        *cap = nc;
    }
    snprintf((*items)[*count].path, sizeof(*items)[*count].path, "%s", path);
    (*items)[*count].n = tsp_dimension(path);
    (*count)++;
    return 0;
}

/* A directory adds its *.tsp files; anything else is taken as a file. */
static int add_path(struct item **items, size_t *count, size_t *cap, const char *path)
{
    DIR *d = opendir(path);
    struct dirent *e;
    if (d == NULL)
        return add_item(items, count, cap, path);
    while ((e = readdir(d)) != NULL) {
        size_t l = strlen(e->d_name);
        char full[1024];
        if (l < 5 || strcmp(e->d_name + l - 4, ".tsp") != 0)
            continue;
        snprintf(full, sizeof full, "%s/%s", path, e->d_name);
        if (add_item(items, count, cap, full) != 0) {
            closedir(d);
            return -1;
        }
    }
    closedir(d);
    return 0;
}

static int by_size(const void *a, const void *b)
{
    const struct item *p = a, *q = b;
    if (p->n != q->n)
        return p->n < q->n ? -1 : 1;
    return strcmp(p->path, q->path);
}

static void write_tour(const char *dir, const struct inst *I, const uint32_t *order, long long len,
                       int *status)
{
    char path[1024];
    FILE *f;
    size_t k;
    snprintf(path, sizeof path, "%s/%s.tour", dir, I->name);
    f = fopen(path, "w");
    if (f == NULL) {
        fprintf(stderr, "route-bench: cannot write %s\n", path);
        *status = 1;
        return;
    }
    fprintf(f,
            "NAME : %s.tour\nCOMMENT : length %lld (libcustcadence)\nTYPE : TOUR\nDIMENSION : "
            "%lu\nTOUR_SECTION\n",
            I->name, len, (unsigned long)I->n);
    for (k = 0; k < I->n; k++)
        fprintf(f, "%lu\n", (unsigned long)order[k] + 1);
    fprintf(f, "-1\nEOF\n");
    fclose(f);
}

static void print_gap(long long len, long long opt)
{
    if (opt > 0)
        printf(" %.2f", 100.0 * (double)(len - opt) / (double)opt);
    else
        printf(" -");
}

/* least squares slope of log t on log n */
struct fit {
    double sx, sy, sxx, sxy;
    int m;
};

static void fit_add(struct fit *F, double n, double ms)
{
    double lx = log(n), ly = log(ms > 1e-3 ? ms : 1e-3);
    F->sx += lx;
    F->sy += ly;
    F->sxx += lx * lx;
    F->sxy += lx * ly;
    F->m++;
}

static const char usage[] =
    "usage: route-bench [--effort N] [--seed S] [--tour-out DIR] [--baseline] PATH ...\n";

int main(int argc, char **argv)
{
    ccad_ctx *ctx = NULL;
    ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
    const char *tour_dir = NULL;
    struct item *items = NULL;
    struct fit F;
    size_t count = 0, cap = 0, it;
    int i, status = 0, baseline = 0;
    memset(&F, 0, sizeof F);
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--effort") == 0 && i + 1 < argc)
            o.effort = (int32_t)atoi(argv[++i]);
        else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc)
            o.seed = strtoull(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--tour-out") == 0 && i + 1 < argc)
            tour_dir = argv[++i];
        else if (strcmp(argv[i], "--baseline") == 0)
            baseline = 1;
        else if (argv[i][0] == '-') {
            fputs(usage, stderr);
            return 2;
        } else if (add_path(&items, &count, &cap, argv[i]) != 0)
            return 1;
    }
    if (count == 0) {
        fputs(usage, stderr);
        return 2;
    }
    qsort(items, count, sizeof *items, by_size);
    if (ccad_ctx_new(&ctx, NULL) != CCAD_OK)
        return 1;
    printf("# name n optimum length gap%% cpu_ms%s (effort %d, seed %llu)\n",
           baseline ? " baseline_length baseline_gap%" : "", (int)o.effort,
           (unsigned long long)o.seed);
    for (it = 0; it < count; it++) {
        struct inst I;
        char err[512] = "";
        uint32_t *order;
        int64_t len = 0;
        long long opt;
        double t0, t1;
        int rc;
        if (read_tsp(items[it].path, &I, err, sizeof err) != 0) {
            fprintf(stderr, "route-bench: %s\n", err);
            status = 1;
            continue;
        }
        opt = tsp_optimum(items[it].path, I.name);
        order = malloc(I.n * sizeof *order);
        if (order == NULL)
            return 1;
        t0 = now_ms();
        rc = ccad_route_solve(ctx, I.x, I.y, I.n, &o, order, &len);
        t1 = now_ms();
        if (rc != CCAD_OK) {
            fprintf(stderr, "route-bench: %s: %s\n", I.name, ccad_ctx_errmsg(ctx));
            status = 1;
        } else {
            printf("%s %lu %lld %lld", I.name, (unsigned long)I.n, opt, (long long)len);
            print_gap(len, opt);
            printf(" %.1f", t1 - t0);
            if (I.n >= 1000 && I.n <= 20000)
                fit_add(&F, (double)I.n, t1 - t0);
            if (tour_dir != NULL)
                write_tour(tour_dir, &I, order, (long long)len, &status);
            if (baseline) {
                int64_t bl = route_baseline(I.x, I.y, I.n, t1 - t0, o.seed, order);
                printf(" %lld", (long long)bl);
                print_gap(bl, opt);
            }
            printf("\n");
            fflush(stdout);
        }
        free(order);
        free(I.x);
        free(I.y);
    }
    if (F.m >= 2 && F.m * F.sxx - F.sx * F.sx > 0)
        printf("# time-growth exponent %.2f (least squares of log ms on log n, %d instances of "
               "1,000 to 20,000 points)\n",
               (F.m * F.sxy - F.sx * F.sy) / (F.m * F.sxx - F.sx * F.sx), F.m);
    free(items);
    ccad_ctx_free(ctx);
    return status;
}
