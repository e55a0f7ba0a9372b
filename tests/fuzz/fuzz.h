/* fuzz.h - shared by the fuzzing harnesses of tests/fuzz (see docs/fuzzing.md).
 *
 * Every harness defines LLVMFuzzerTestOneInput(). Under Clang with
 * -DCCAD_FUZZ=ON it is linked with libFuzzer; with any compiler it is linked
 * with standalone.c, which replays files (the committed seed corpora, a crash
 * reproducer) through it. A broken invariant prints what broke and calls
 * abort(), which libFuzzer reports as a crash and ctest as a failure. */
#ifndef CCAD_FUZZ_H
#define CCAD_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Checks an invariant; on failure names it, with file and line, and aborts. */
#define FUZZ_CHECK(cond) \
    do { \
        if (!(cond)) { \
            fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #cond); \
            fflush(stderr); \
            abort(); \
        } \
    } while (0)

/* As FUZZ_CHECK, with a printf-style explanation. */
#define FUZZ_CHECKF(cond, ...) \
    do { \
        if (!(cond)) { \
            fprintf(stderr, "%s:%d: invariant broken: %s: ", __FILE__, __LINE__, #cond); \
            fprintf(stderr, __VA_ARGS__); \
            fputc('\n', stderr); \
            fflush(stderr); \
            abort(); \
        } \
    } while (0)

/* Reads the input as a stream of bytes; past its end every read gives 0, so
 * any input, even an empty one, decodes to something. */
typedef struct fuzz_bytes {
    const uint8_t *p;
    size_t n, at;
} fuzz_bytes;

static inline int fuzz_left(const fuzz_bytes *b) { return b->at < b->n; }

static inline uint8_t fuzz_u8(fuzz_bytes *b) { return b->at < b->n ? b->p[b->at++] : 0; }

static inline uint16_t fuzz_u16(fuzz_bytes *b)
{
    uint16_t lo = fuzz_u8(b);
    return (uint16_t)(lo | (uint16_t)(fuzz_u8(b) << 8));
}

static inline uint32_t fuzz_u32(fuzz_bytes *b)
{
    uint32_t lo = fuzz_u16(b);
    return lo | ((uint32_t)fuzz_u16(b) << 16);
}

static inline uint64_t fuzz_u64(fuzz_bytes *b)
{
    uint64_t lo = fuzz_u32(b);
    return lo | ((uint64_t)fuzz_u32(b) << 32);
}

#endif /* CCAD_FUZZ_H */
