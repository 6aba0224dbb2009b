#!/usr/bin/env python3
"""Builds a database of about 10 million filings with `filings import --forms all` (about 18
generated quarters of 560,000 rows, 555,000 filings by filer each) and times `events NAME`,
`check NAME --offline` and `records`, whole process, and one SQL query alone. Called by
`bench/run --scale`."""
import argparse
import os
import sqlite3
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def timed(command, expect_failure=False):
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if (done.returncode != 0) != expect_failure:
        sys.exit(f"scale: {' '.join(command)} exited {done.returncode}: {done.stderr}")
    return elapsed, done.stdout


def best(command, repeat=5, expect_failure=False):
    """The fastest of `repeat` runs; `expect_failure` for a lookup that must end in an error (an ambiguous name)."""
    return min(timed(command, expect_failure)[0] for _ in range(repeat))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--daily", required=True)
    parser.add_argument("--feeds", required=True)
    parser.add_argument("--quarters", type=int, default=32)
    args = parser.parse_args()
    db = os.path.join(args.work, "scale.sqlite")
    index = os.path.join(args.work, "scale-quarter.idx")
    with sqlite3.connect(db) if os.path.exists(db) else sqlite3.connect(":memory:") as connection:
        stored = connection.execute("SELECT count(*) FROM sqlite_master WHERE name = 'filing'").fetchone()[0] and \
            connection.execute("SELECT count(*) FROM filing").fetchone()[0]
    started = time.perf_counter()
    quarter = 0
    while stored < 10_000_000 and quarter < args.quarters * 2:
        year, q = 2010 + quarter // 4, quarter % 4 + 1
        subprocess.run([sys.executable, os.path.join(HERE, "generate_index.py"), args.daily, index,
                        "--rows", "560000", "--quarter", f"{year}Q{q}", "--salt", str(quarter + 1)], check=True)
        elapsed, _ = timed([args.bin, "import", "--db", db, "--feeds", args.feeds, "--forms", "all", index])
        with sqlite3.connect(db) as connection:
            stored = connection.execute("SELECT count(*) FROM filing").fetchone()[0]
        print(f"  {year}Q{q}: imported in {elapsed:.2f} s, {stored:,} filings stored", flush=True)
        quarter += 1
    print(f"database: {stored:,} filings, {os.path.getsize(db) / 1e9:.1f} GB (built in {time.perf_counter() - started:.0f} s)")

    with sqlite3.connect(db) as connection:
        connection.execute("INSERT OR IGNORE INTO watch (cik, name, aliases, createdAt) VALUES (1326801, 'Meta Platforms, Inc.', '[]', '2026-01-01 00:00:00.000')")
        connection.execute("INSERT OR IGNORE INTO company (cik, name, tickers, exchanges, formerNames, source, updatedAt) VALUES (1326801, 'Meta Platforms, Inc.', '[\"META\"]', '[]', '[]', 'bench', '2026-01-01 00:00:00.000')")
        connection.execute("INSERT OR REPLACE INTO companyName (cik, name, normalized, kind) VALUES (1326801, 'Meta Platforms, Inc.', 'meta platforms', 'current')")
        # The newest 8-K filer whose name is its own: the generator gives many filers' names to new CIKs too.
        for cik, name in connection.execute(
                "SELECT cik, companyName FROM filing WHERE form IN ('8-K', '8-K/A') ORDER BY filingDate DESC LIMIT 1000"):
            if connection.execute("SELECT count(DISTINCT cik) FROM companyName WHERE normalized = "
                                  "(SELECT normalized FROM companyName WHERE cik = ? AND kind = 'current')", (cik,)).fetchone()[0] == 1:
                break
        companies = connection.execute("SELECT count(*) FROM companyName").fetchone()[0]
    run = [args.bin]
    common = ["--db", db, "--feeds", args.feeds]
    print(f"lookups (best of 5, whole process; {companies:,} company names stored):")
    print(f"  filings events 'Meta Platforms' (watched)            {best(run + ['events', 'Meta Platforms'] + common) * 1000:7.1f} ms")
    print(f"  filings events {cik} (a CIK)                          {best(run + ['events', str(cik)] + common) * 1000:7.1f} ms")
    print(f"  filings events '{name}' (not watched: name lookup)   {best(run + ['events', name] + common) * 1000:7.1f} ms")
    print(f"  filings events 'Holdings' (a word of thousands of names) {best(run + ['events', 'Holdings'] + common, expect_failure=True) * 1000:7.1f} ms")
    print(f"  filings check '{name}' --offline (3 years)             "
          f"{best(run + ['check', name, '--since', '2012-01-01', '--until', '2014-12-31', '--offline'] + common) * 1000:7.1f} ms")
    print(f"  filings check {cik} --offline (3 years)                "
          f"{best(run + ['check', str(cik), '--since', '2012-01-01', '--until', '2014-12-31', '--offline'] + common) * 1000:7.1f} ms")
    print(f"  filings records --company {cik} --since 2012-01-01 --until 2014-12-31  "
          f"{best(run + ['records', '--company', str(cik), '--since', '2012-01-01', '--until', '2014-12-31'] + common) * 1000:7.1f} ms")
    print(f"  filings records --since 2014-12-01 --until 2014-12-31 (8-Ks of every company)  "
          f"{best(run + ['records', '--since', '2014-12-01', '--until', '2014-12-31'] + common) * 1000:7.1f} ms")
    print(f"  filings --help (process start alone)                 {best(run + ['--help']) * 1000:7.1f} ms")
    with sqlite3.connect(db) as connection:
        started = time.perf_counter()
        for _ in range(100):
            connection.execute("SELECT * FROM filing WHERE cik = ? AND filingDate >= ? AND filingDate <= ? ORDER BY filingDate DESC, accession DESC",
                               (cik, "2012-01-01", "2014-12-31")).fetchall()
        print(f"  SQL alone, filings of one CIK in a window: {(time.perf_counter() - started) * 10:.2f} ms")


if __name__ == "__main__":
    main()
