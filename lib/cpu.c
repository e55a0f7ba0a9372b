/* The processor features the library's optional kernels may use, asked
 * once per context (ccad_ctx_new stores them in ctx->cpu; nothing global).
 *
 * AVX2 counts only when the processor has it (CPUID leaf 7, EBX bit 5),
 * has AVX and OSXSAVE (leaf 1, ECX bits 28 and 27), and the operating
 * system saves the YMM registers on a context switch (XGETBV: XCR0 bits 1
 * and 2). Elsewhere (another architecture or compiler) the answer is 0 and
 * the portable kernels run. */
#include "internal.h"

#if CCAD__HAVE_AVX2_KERNELS
#include <cpuid.h>

static uint64_t os_saved_state(void)
{
    uint32_t lo, hi;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    return (uint64_t)hi << 32 | lo;
}

unsigned ccad__cpu_features(void)
{
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d))
        return 0;
    if ((c & (1u << 27)) == 0 || (c & (1u << 28)) == 0) /* OSXSAVE, AVX */
        return 0;
    if ((os_saved_state() & 6u) != 6u) /* XMM and YMM state */
        return 0;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d))
        return 0;
    return (b & (1u << 5)) != 0 ? CCAD__CPU_AVX2 : 0u;
}
#else
unsigned ccad__cpu_features(void) { return 0; }
#endif
