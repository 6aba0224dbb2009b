#ifndef CBYTESCAN_H
#define CBYTESCAN_H

#include <stddef.h>
#include <stdint.h>

/// What `filings_scan_to_form_8k` found: the next "|8-K" and the lines before it.
typedef struct {
    /// Where the "|8-K" starts, or the end of the bytes when there is none.
    size_t form;
    /// The lines whose line feed comes before `form`.
    size_t lines;
    /// How many of those lines hold nothing but spaces and tabs (before an optional carriage return).
    size_t blank;
    /// Where the line after the last of them starts: the start of the line `form` is in.
    size_t next;
} filings_form_scan;

/// Scans bytes[from, count), `from` being the start of a line, to the next "|8-K", counting the
/// lines it passes on the way.
///
/// One pass compares 32 positions at a time where the CPU has AVX2: a quarter's master index holds
/// an 8-K every 4 KB or so, and finding each with memchr, then counting the lines before it,
/// cost more than reading the file.
filings_form_scan filings_scan_to_form_8k(const uint8_t *bytes, size_t from, size_t count);

/// The same scan byte by byte: what runs where AVX2 is missing (tests run it too).
filings_form_scan filings_scan_to_form_8k_bytewise(const uint8_t *bytes, size_t from, size_t count);

#endif
