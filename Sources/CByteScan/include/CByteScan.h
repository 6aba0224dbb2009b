#ifndef CBYTESCAN_H
#define CBYTESCAN_H

#include <stddef.h>
#include <stdint.h>

/// Where the next "|8-K" starts in bytes[from, count): its offset, or count when there is none.
///
/// Compares 16 or 32 positions at a time: a quarter's master index holds one every 4 KB or so,
/// and looking for it byte by byte (or for each 'K' with memchr) cost more than reading the file.
size_t filings_find_form_8k(const uint8_t *bytes, size_t from, size_t count);

/// Counts the lines whose line feed lies in bytes[from, limit), `from` being the start of a line.
///
/// Returns how many there are; `blank` receives how many of them hold nothing but spaces and tabs
/// (before an optional carriage return), and `next` the offset after the last one (`from` when none).
size_t filings_count_lines(const uint8_t *bytes, size_t from, size_t limit, size_t *blank, size_t *next);

/// The portable versions of the two scans, byte by byte: what runs where AVX2 is missing (tests run them too).
size_t filings_find_form_8k_bytewise(const uint8_t *bytes, size_t from, size_t count);
size_t filings_count_lines_bytewise(const uint8_t *bytes, size_t from, size_t limit, size_t *blank, size_t *next);

#endif
