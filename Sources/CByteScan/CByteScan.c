#include "CByteScan.h"

#if defined(__x86_64__)
#include <immintrin.h>
#define FILINGS_X86 1
#endif

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

static size_t find_form_8k_bytewise(const uint8_t *bytes, size_t from, size_t count) {
    for (size_t i = from; i + 4 <= count; i++) {
        if (bytes[i] == '|' && bytes[i + 1] == '8' && bytes[i + 2] == '-' && bytes[i + 3] == 'K') return i;
    }
    return count;
}

/// Counts into `scan` the lines whose line feed lies in bytes[scan->next, limit), `scan->next`
/// being the start of a line, and moves `scan->next` past the last of them.
static void count_lines_bytewise(const uint8_t *bytes, size_t limit, filings_form_scan *scan) {
    size_t start = scan->next;
    for (size_t i = start; i < limit; i++) {
        if (bytes[i] != '\n') continue;
        scan->lines++;
        if (may_start_blank_line(bytes[start]) && is_blank_line(bytes, start, i)) scan->blank++;
        start = i + 1;
    }
    scan->next = start;
}

filings_form_scan filings_scan_to_form_8k_bytewise(const uint8_t *bytes, size_t from, size_t count) {
    filings_form_scan scan = {find_form_8k_bytewise(bytes, from, count), 0, 0, from};
    count_lines_bytewise(bytes, scan.form, &scan);
    return scan;
}

#if FILINGS_X86
__attribute__((target("avx2")))
static filings_form_scan scan_to_form_8k_avx2(const uint8_t *bytes, size_t from, size_t count) {
    const __m256i pipe = _mm256_set1_epi8('|'), eight = _mm256_set1_epi8('8');
    const __m256i dash = _mm256_set1_epi8('-'), k = _mm256_set1_epi8('K');
    const __m256i newline = _mm256_set1_epi8('\n'), space = _mm256_set1_epi8(' ');
    const __m256i tab = _mm256_set1_epi8('\t'), cr = _mm256_set1_epi8('\r');
    filings_form_scan scan = {count, 0, 0, from};
    // Whether the line at `scan.next` may be blank: then its block's line feeds are taken one by one.
    int pending = from < count && may_start_blank_line(bytes[from]);
    size_t i = from;
    for (; i + 35 <= count; i += 32) {
        const __m256i a = _mm256_loadu_si256((const __m256i *)(bytes + i));
        const __m256i b = _mm256_loadu_si256((const __m256i *)(bytes + i + 1));
        const __m256i c = _mm256_loadu_si256((const __m256i *)(bytes + i + 2));
        const __m256i d = _mm256_loadu_si256((const __m256i *)(bytes + i + 3));
        const unsigned hits = (unsigned)_mm256_movemask_epi8(_mm256_and_si256(
            _mm256_and_si256(_mm256_cmpeq_epi8(a, pipe), _mm256_cmpeq_epi8(b, eight)),
            _mm256_and_si256(_mm256_cmpeq_epi8(c, dash), _mm256_cmpeq_epi8(d, k))));
        unsigned feeds = (unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(a, newline));
        // Only the lines that end before the 8-K are passed.
        if (hits != 0) feeds &= (1u << __builtin_ctz(hits)) - 1;
        if (feeds != 0) {
            // b holds the byte after each position: the first of the next line, after a line feed.
            const unsigned blankish = (unsigned)_mm256_movemask_epi8(_mm256_or_si256(
                _mm256_or_si256(_mm256_cmpeq_epi8(b, space), _mm256_cmpeq_epi8(b, tab)),
                _mm256_or_si256(_mm256_cmpeq_epi8(b, cr), _mm256_cmpeq_epi8(b, newline))));
            if (pending || (feeds & blankish) != 0) {
                // Rare: a line ending in this block may be blank.
                while (feeds != 0) {
                    const size_t end = i + (size_t)__builtin_ctz(feeds);
                    if (may_start_blank_line(bytes[scan.next]) && is_blank_line(bytes, scan.next, end)) scan.blank++;
                    scan.lines++;
                    scan.next = end + 1;
                    feeds &= feeds - 1;
                }
            } else {
                scan.lines += (size_t)__builtin_popcount(feeds);
                scan.next = i + 32 - (size_t)__builtin_clz(feeds);
            }
            pending = may_start_blank_line(bytes[scan.next]);
        }
        if (hits != 0) {
            scan.form = i + (size_t)__builtin_ctz(hits);
            return scan;
        }
    }
    scan.form = find_form_8k_bytewise(bytes, i, count);
    count_lines_bytewise(bytes, scan.form, &scan);
    return scan;
}
#endif

filings_form_scan filings_scan_to_form_8k(const uint8_t *bytes, size_t from, size_t count) {
#if FILINGS_X86
    if (__builtin_cpu_supports("avx2")) return scan_to_form_8k_avx2(bytes, from, count);
#endif
    return filings_scan_to_form_8k_bytewise(bytes, from, count);
}
