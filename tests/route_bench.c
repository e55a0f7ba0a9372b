/* route-bench: solves TSPLIB EUC_2D instances as closed tours from node 1
 * and prints "name n length ms" per instance (optionally writing each tour
 * in TSPLIB TOUR format). A benchmark program: it never fails on timing.
 *
 *   route-bench [--effort N] [--seed S] [--tour-out DIR] FILE.tsp ...
 */
#define _POSIX_C_SOURCE 200809L
#include "custcadence.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct inst {
    char name[128];
    size_t n;
    double *x, *y;
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
                    snprintf(err, cap, "%s: need DIMENSION and EDGE_WEIGHT_TYPE : EUC_2D before the coordinates", path);
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
                        snprintf(err, cap, "%s: EDGE_WEIGHT_TYPE %s not supported (EUC_2D only)", path, val);
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
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

int main(int argc, char **argv)
{
    ccad_ctx *ctx = NULL;
    ccad_route_options o = CCAD_ROUTE_OPTIONS_INIT;
    const char *tour_dir = NULL;
    int i, status = 0, files = 0;
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--effort") == 0 && i + 1 < argc)
            o.effort = (int32_t)atoi(argv[++i]);
        else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc)
            o.seed = strtoull(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--tour-out") == 0 && i + 1 < argc)
            tour_dir = argv[++i];
        else if (argv[i][0] == '-') {
            fprintf(stderr, "usage: route-bench [--effort N] [--seed S] [--tour-out DIR] FILE.tsp ...\n");
            return 2;
        } else
            files++;
    }
    if (files == 0) {
        fprintf(stderr, "usage: route-bench [--effort N] [--seed S] [--tour-out DIR] FILE.tsp ...\n");
        return 2;
    }
    if (ccad_ctx_new(&ctx, NULL) != CCAD_OK)
        return 1;
    for (i = 1; i < argc; i++) {
        struct inst I;
        char err[512] = "";
        uint32_t *order;
        int64_t len = 0;
        double t0, t1;
        int rc;
        if (strcmp(argv[i], "--effort") == 0 || strcmp(argv[i], "--seed") == 0 ||
            strcmp(argv[i], "--tour-out") == 0) {
            i++;
            continue;
        }
        if (read_tsp(argv[i], &I, err, sizeof err) != 0) {
            fprintf(stderr, "route-bench: %s\n", err);
            status = 1;
            continue;
        }
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
            printf("%s %lu %lld %.1f\n", I.name, (unsigned long)I.n, (long long)len, t1 - t0);
            if (tour_dir != NULL) {
                char path[1024];
                FILE *f;
                size_t k;
                snprintf(path, sizeof path, "%s/%s.tour", tour_dir, I.name);
                f = fopen(path, "w");
                if (f == NULL) {
                    fprintf(stderr, "route-bench: cannot write %s\n", path);
                    status = 1;
                } else {
                    fprintf(f, "NAME : %s.tour\nCOMMENT : length %lld (libcustcadence)\nTYPE : TOUR\nDIMENSION : %lu\nTOUR_SECTION\n",
                            I.name, (long long)len, (unsigned long)I.n);
                    for (k = 0; k < I.n; k++)
                        fprintf(f, "%lu\n", (unsigned long)order[k] + 1);
                    fprintf(f, "-1\nEOF\n");
                    fclose(f);
                }
            }
        }
        free(order);
        free(I.x);
        free(I.y);
    }
    ccad_ctx_free(ctx);
    return status;
}
