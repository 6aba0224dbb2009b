#include "CByteScan.h"

#if defined(__x86_64__)
#include <immintrin.h>
#define FILINGS_X86 1
#endif

size_t filings_find_form_8k_bytewise(const uint8_t *bytes, size_t from, size_t count) {
    for (size_t i = from; i + 4 <= count; i++) {
        if (bytes[i] == '|' && bytes[i + 1] == '8' && bytes[i + 2] == '-' && bytes[i + 3] == 'K') return i;
    }
    return count;
}

/// True when bytes[start, end) is a line of spaces and tabs, an optional '\r' last.
static int is_blank_line(const uint8_t *bytes, size_t start, size_t end) {
    if (end > start && bytes[end - 1] == '\r') end--;
    for (size_t i = start; i < end; i++) {
        if (bytes[i] != ' ' && bytes[i] != '\t') return 0;
    }
    return 1;
}

/// Lines that start with a space, tab, '\r' or '\n' may be blank; every other line is not.
static int may_start_blank_line(uint8_t byte) {
    return byte == ' ' || byte == '\t' || byte == '\r' || byte == '\n';
}

size_t filings_count_lines_bytewise(const uint8_t *bytes, size_t from, size_t limit, size_t *blank, size_t *next) {
    size_t lines = 0, blanks = 0, start = from;
    for (size_t i = from; i < limit; i++) {
        if (bytes[i] != '\n') continue;
        lines++;
        if (may_start_blank_line(bytes[start]) && is_blank_line(bytes, start, i)) blanks++;
        start = i + 1;
    }
    *blank = blanks;
    *next = start;
    return lines;
}

#if FILINGS_X86
__attribute__((target("avx2")))
static size_t find_form_8k_avx2(const uint8_t *bytes, size_t from, size_t count) {
    const __m256i pipe = _mm256_set1_epi8('|'), eight = _mm256_set1_epi8('8');
    const __m256i dash = _mm256_set1_epi8('-'), k = _mm256_set1_epi8('K');
    size_t i = from;
    for (; i + 35 <= count; i += 32) {
        const __m256i a = _mm256_loadu_si256((const __m256i *)(bytes + i));
        const __m256i b = _mm256_loadu_si256((const __m256i *)(bytes + i + 1));
        const __m256i c = _mm256_loadu_si256((const __m256i *)(bytes + i + 2));
        const __m256i d = _mm256_loadu_si256((const __m256i *)(bytes + i + 3));
        const __m256i hits = _mm256_and_si256(
            _mm256_and_si256(_mm256_cmpeq_epi8(a, pipe), _mm256_cmpeq_epi8(b, eight)),
            _mm256_and_si256(_mm256_cmpeq_epi8(c, dash), _mm256_cmpeq_epi8(d, k)));
        const unsigned mask = (unsigned)_mm256_movemask_epi8(hits);
        if (mask != 0) return i + (size_t)__builtin_ctz(mask);
    }
    return filings_find_form_8k_bytewise(bytes, i, count);
}

__attribute__((target("avx2")))
static size_t count_lines_avx2(const uint8_t *bytes, size_t from, size_t limit, size_t *blank, size_t *next) {
    const __m256i newline = _mm256_set1_epi8('\n'), space = _mm256_set1_epi8(' ');
    const __m256i tab = _mm256_set1_epi8('\t'), cr = _mm256_set1_epi8('\r');
    size_t lines = 0, blanks = 0, start = from, i = from;
    // Whether the line at `start` may be blank: then the block its line feed is in is walked feed by feed.
    int pending = may_start_blank_line(bytes[from]);
    for (; i + 33 <= limit; i += 32) {
        const __m256i a = _mm256_loadu_si256((const __m256i *)(bytes + i));
        unsigned feeds = (unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(a, newline));
        if (feeds == 0) continue;
        const __m256i b = _mm256_loadu_si256((const __m256i *)(bytes + i + 1));
        const __m256i blankish = _mm256_or_si256(
            _mm256_or_si256(_mm256_cmpeq_epi8(b, space), _mm256_cmpeq_epi8(b, tab)),
            _mm256_or_si256(_mm256_cmpeq_epi8(b, cr), _mm256_cmpeq_epi8(b, newline)));
        if (pending || (feeds & (unsigned)_mm256_movemask_epi8(blankish)) != 0) {
            // Rare: a line in this block may be blank, so its line feeds are taken one by one.
            while (feeds != 0) {
                const size_t end = i + (size_t)__builtin_ctz(feeds);
                if (may_start_blank_line(bytes[start]) && is_blank_line(bytes, start, end)) blanks++;
                lines++;
                start = end + 1;
                feeds &= feeds - 1;
            }
        } else {
            lines += (size_t)__builtin_popcount(feeds);
            start = i + 32 - (size_t)__builtin_clz(feeds);
        }
        pending = may_start_blank_line(bytes[start]);
    }
    size_t tail_blanks = 0;
    lines += filings_count_lines_bytewise(bytes, start, limit, &tail_blanks, next);
    *blank = blanks + tail_blanks;
    return lines;
}
#endif

size_t filings_find_form_8k(const uint8_t *bytes, size_t from, size_t count) {
#if FILINGS_X86
    if (__builtin_cpu_supports("avx2")) return find_form_8k_avx2(bytes, from, count);
#endif
    return filings_find_form_8k_bytewise(bytes, from, count);
}

size_t filings_count_lines(const uint8_t *bytes, size_t from, size_t limit, size_t *blank, size_t *next) {
    if (from >= limit) {
        *blank = 0;
        *next = from;
        return 0;
    }
#if FILINGS_X86
    if (__builtin_cpu_supports("avx2")) return count_lines_avx2(bytes, from, limit, blank, next);
#endif
    return filings_count_lines_bytewise(bytes, from, limit, blank, next);
}
