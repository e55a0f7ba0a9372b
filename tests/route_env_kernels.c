/* The code behind route_env_kernels.h. */
#include "route_env_kernels.h"

#include "../lib/internal.h"

int route_each_kernel(route_kernel_check check, const char *what, const char *cases_are,
                      const char *counted_are)
{
    static const struct {
        unsigned cpu;
        const char *name;
    } kernels[] = {{0, "portable"}, {CCAD__CPU_AVX2, "AVX2"}};
    ccad_ctx *ctx = NULL;
    unsigned found;
    size_t i;
    int run = 0;
    TU_PASS(ctx, ccad_ctx_new(&ctx, NULL));
    found = ctx->cpu;
    for (i = 0; i < sizeof kernels / sizeof kernels[0]; i++) {
        long cases, counted = 0;
        if ((kernels[i].cpu & found) != kernels[i].cpu) {
            print_message("%s: no %s here (the processor or the build), its kernel untested\n",
                          what, kernels[i].name);
            continue;
        }
        ctx->cpu = kernels[i].cpu;
        cases = check(ctx, &counted);
        assert_true(cases > 0);
        print_message("%s, %s kernel: %ld %s (%ld %s)\n", what, kernels[i].name, cases, cases_are,
                      counted, counted_are);
        run++;
    }
    ctx->cpu = found;
    ccad_ctx_free(ctx);
    return run;
}
