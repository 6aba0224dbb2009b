#!/usr/bin/env python3
"""Measures `filings import` of one generated quarterly master index against its peers, from one
run on one file, and prints every figure with its ratio. Called by bench/run (see README)."""
import argparse
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPEAT = 5
CURRENT_REPORTS = (b"8-K", b"8-K/A")


def run(command, env=None):
    """Runs a process under /usr/bin/time -v; returns (seconds, peak RSS in MiB, stderr)."""
    started = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-v"] + command, capture_output=True, env=env)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"bench: {' '.join(command)} failed:\n{done.stderr.decode(errors='replace')}")
    rss = int(re.search(rb"Maximum resident set size \(kbytes\): (\d+)", done.stderr).group(1)) / 1024
    return seconds, rss, done.stderr.decode(errors="replace")


def rows_of(path):
    with open(path, "rb") as f:
        lines = f.read().split(b"\n")
    start = next(i for i, line in enumerate(lines) if line.startswith(b"-----")) + 1
    return start, [line.split(b"|") for line in lines[start:] if line.count(b"|") == 4]


def accession(path_field):
    return path_field.rsplit(b"/", 1)[1][:-4].decode()


def count(db, sql="SELECT count(*) FROM filing"):
    with sqlite3.connect(db) as connection:
        return connection.execute(sql).fetchone()[0]


def fresh(path):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    return path


class Ours:
    def __init__(self, args, index):
        self.args, self.index = args, index

    def command(self, db, forms, path=None):
        return [self.args.bin, "import", "--db", db, "--feeds", self.args.feeds, "--forms", forms, path or self.index]

    def initialized(self, db):
        """A database as `filings` leaves it after any first command: schema in place, no filings."""
        subprocess.run([self.args.bin, "watches", "--db", fresh(db), "--feeds", self.args.feeds], capture_output=True, check=True)
        return db

    def import_fresh(self, forms):
        db = fresh(os.path.join(self.args.work, f"ours-fresh-{forms}.sqlite"))
        return run(self.command(db, forms)) + (db,)

    def import_initialized(self, forms):
        db = self.initialized(os.path.join(self.args.work, f"ours-{forms}.sqlite"))
        return run(self.command(db, forms)) + (db,)


def edgartools(python, path):
    """(best warm parse, first parse, import of edgartools, rows, whole script seconds, its peak MiB)."""
    if not python:
        return None
    started = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-v", python, os.path.join(HERE, "edgartools_parse.py"), path], capture_output=True, text=True)
    whole = time.perf_counter() - started
    if done.returncode != 0:
        print(f"edgartools failed: {done.stderr.strip().splitlines()[-1:]}")
        return None
    warm, first, imported, rows = done.stdout.split()
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr).group(1)) / 1024
    return float(warm), float(first), float(imported), int(rows), whole, rss


def python_ingest(path, work, same_schema):
    """split + sqlite3.executemany, in process: into a plain table with a URL per row (rollback
    journal), or into the filing table's own schema (one row per filer keyed (cik, accession)
    WITHOUT ROWID, source id, 8-K date index, WAL) for an equal-work comparison."""
    db = fresh(os.path.join(work, "python.sqlite"))
    started = time.perf_counter()
    connection = sqlite3.connect(db, isolation_level=None)
    if same_schema:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute("CREATE TABLE filing (cik INTEGER NOT NULL, accession TEXT NOT NULL, filingDate TEXT NOT NULL, "
                           "form TEXT NOT NULL, companyName TEXT NOT NULL, sourceID INTEGER NOT NULL, url TEXT, acceptedAt TEXT, "
                           "items TEXT, primaryDocument TEXT, awaitingEvents TEXT, PRIMARY KEY (cik, accession)) WITHOUT ROWID")
        connection.execute("CREATE INDEX filing_date ON filing (filingDate) WHERE form IN ('8-K', '8-K/A')")
    else:
        connection.execute("CREATE TABLE filing (accession TEXT, cik INTEGER, companyName TEXT, form TEXT, filingDate TEXT, "
                           "url TEXT, source TEXT, fetchedAt TEXT)")
    with open(path, encoding="latin-1") as f:
        lines = f.read().split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("-----")) + 1
    now = time.strftime("%Y-%m-%d %H:%M:%S")
    rows = []
    for line in lines[start:]:
        fields = line.split("|")
        if len(fields) != 5:
            continue
        cik, name, form, date, file_name = fields
        number = file_name.rsplit("/", 1)[1][:-4]
        if same_schema:
            rows.append((int(cik), number, date, form, name, 1))
        else:
            url = f"https://www.sec.gov/Archives/edgar/data/{cik}/{number.replace('-', '')}/{number}-index.htm"
            rows.append((number, int(cik), name, form, date, url, path, now))
    connection.execute("BEGIN")
    if same_schema:
        connection.executemany("INSERT OR IGNORE INTO filing (cik, accession, filingDate, form, companyName, sourceID) "
                               "VALUES (?, ?, ?, ?, ?, ?)", rows)
    else:
        connection.executemany("INSERT INTO filing VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    connection.execute("COMMIT")
    connection.close()
    return time.perf_counter() - started, count(db)


def sqlite_import(path, work, header_lines):
    if not shutil.which("sqlite3"):
        return None
    db = fresh(os.path.join(work, "shell.sqlite"))
    subprocess.run(["sqlite3", db, "CREATE TABLE idx (cik INTEGER, companyName TEXT, form TEXT, filingDate TEXT, fileName TEXT)"], check=True)
    seconds, rss, _ = run(["sqlite3", db, ".mode list", ".separator |", f".import --skip {header_lines} {path} idx"])
    return seconds, rss, count(db, "SELECT count(*) FROM idx")


def sqlite_floor(work, schema_db):
    """The SQLite engine alone storing the index rows (already in the shell's table) into our
    `filing` table: its key, its index built after the load as ours does on a young table, its page
    size, WAL.
    No parsing and no company names: what storing our schema costs before any code of ours runs."""
    shell_db = os.path.join(work, "shell.sqlite")
    if not shutil.which("sqlite3") or not os.path.exists(shell_db):
        return None
    with sqlite3.connect(schema_db) as connection:
        table = connection.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'filing'").fetchone()[0]
        indexes = [row[0] for row in connection.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'filing' AND sql IS NOT NULL")]
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    db = fresh(os.path.join(work, "floor.sqlite"))
    subprocess.run(["sqlite3", db, f"PRAGMA page_size = {page_size}", "PRAGMA journal_mode = WAL", table], check=True, capture_output=True)
    accession = "substr(fileName, length(fileName) - 23, 20)"
    sql = (f"PRAGMA synchronous = NORMAL; PRAGMA cache_size = -8192; ATTACH '{shell_db}' AS shell; BEGIN; "
           f"INSERT OR IGNORE INTO filing (cik, accession, filingDate, form, companyName, sourceID) "
           f"SELECT cik, {accession}, filingDate, form, companyName, 1 FROM shell.idx; "
           + "; ".join(indexes) + "; COMMIT;")
    seconds, _, _ = run(["sqlite3", db, sql])
    return seconds, count(db)


def grep(path):
    started = time.perf_counter()
    done = subprocess.run(["grep", "-c", "|8-K|", path], capture_output=True, text=True)
    return time.perf_counter() - started, int(done.stdout)


def ratio(a, b):
    return f"{a / b:.2f}x" if a and b else "n/a"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--daily", required=True)
    parser.add_argument("--feeds", required=True)
    parser.add_argument("--edgartools-python", default="")
    parser.add_argument("--rows", type=int, default=320_000)
    parser.add_argument("--scale", action="store_true", help="also time lookups on a 10-million-filing database")
    args = parser.parse_args()

    index = os.path.join(args.work, "master.idx")
    subprocess.run([sys.executable, os.path.join(HERE, "generate_index.py"), args.daily, index, "--rows", str(args.rows)], check=True)
    big = os.path.join(args.work, "master-40MB.idx")
    subprocess.run([sys.executable, os.path.join(HERE, "generate_index.py"), args.daily, big, "--rows", str(args.rows * 3 // 2)], check=True)
    header_lines, rows = rows_of(index)
    # A filing is stored once per filer: a Form 4 is listed under its issuer and its owner.
    expected = {
        "8-K": len({(int(r[0]), accession(r[4])) for r in rows if r[2] in CURRENT_REPORTS}),
        "all": len({(int(r[0]), accession(r[4])) for r in rows}),
    }
    first_three = [(int(r[0]), accession(r[4])) for r in rows[:3]]
    print(f"index: {index}, {os.path.getsize(index) / 1e6:.1f} MB, {len(rows):,} rows "
          f"({expected['all']:,} filings by filer, {len({accession(r[4]) for r in rows}):,} distinct accessions, "
          f"{expected['8-K']:,} in the 8-K family)\n")

    ours = Ours(args, index)
    # Every tool runs once per round, rounds repeat, and each keeps its fastest run: on a shared
    # machine, load then weighs on all of them alike.
    tools = {
        "8-K": lambda: ours.import_initialized("8-K"),
        "8-K fresh": lambda: ours.import_fresh("8-K"),
        "all": lambda: ours.import_initialized("all"),
        "all fresh": lambda: ours.import_fresh("all"),
        "edgartools": lambda: edgartools(args.edgartools_python, index),
        "stdlib": lambda: python_ingest(index, args.work, same_schema=False),
        "stdlib same schema": lambda: python_ingest(index, args.work, same_schema=True),
        "sqlite3": lambda: sqlite_import(index, args.work, header_lines),
        "sqlite floor": lambda: sqlite_floor(args.work, os.path.join(args.work, "ours-all.sqlite")),
        "grep": lambda: grep(index),
    }
    results = {name: [] for name in tools}
    for _ in range(REPEAT):
        for name, measure in tools.items():
            result = measure()
            if result:
                results[name].append(result)
    fastest = {name: min(runs, key=lambda r: r[0]) if runs else None for name, runs in results.items()}
    for forms in ("8-K", "all"):
        seconds, rss, _, db = fastest[forms]
        stored = count(db)
        run(ours.command(db, forms))  # the same file again: nothing new may be stored
        kept_first = all(count(db, f"SELECT count(*) FROM filing WHERE cik = {c} AND accession = '{a}'") == 1
                         for c, a in first_three) if forms == "all" else True
        print(f"filings import --forms {forms:<4} {seconds:7.3f} s  peak {rss:5.1f} MiB  rows {stored:,} "
              f"(expected {expected[forms]:,}; after re-import {count(db):,}; first rows kept: {kept_first})")
        fresh_seconds, fresh_rss = fastest[forms + " fresh"][:2]
        print(f"  same, into a new database file (schema created by this run) {fresh_seconds:7.3f} s  peak {fresh_rss:5.1f} MiB")
    big_db = ours.initialized(os.path.join(args.work, "ours-big.sqlite"))
    big_seconds, big_rss, _ = run(ours.command(big_db, "all", big))
    print(f"filings import --forms all of a {os.path.getsize(big) / 1e6:.0f} MB index: {big_seconds:.3f} s, peak {big_rss:.1f} MiB")

    peer, stdlib, stdlib_same = fastest["edgartools"], fastest["stdlib"], fastest["stdlib same schema"]
    shell, scan = fastest["sqlite3"], fastest["grep"]
    figures = {name: fastest[name][0] for name in ("8-K", "8-K fresh", "all", "all fresh")}
    print()
    if peer:
        print(f"edgartools read_pipe_delimited_index (in process, parse only) {peer[0]:7.3f} s  rows {peer[3]:,}")
        print(f"  its first parse in a fresh interpreter {peer[1]:.3f} s; `import edgar` {peer[2]:.3f} s; "
              f"the whole script (import, read, 3 parses) {peer[4]:.3f} s, peak {peer[5]:.0f} MiB")
    else:
        print("edgartools: not installed, no figure")
    print(f"Python stdlib split + executemany, plain table (in process)  {stdlib[0]:7.3f} s  rows {stdlib[1]:,}")
    print(f"Python stdlib, filing's schema (key, 8-K date index, WAL)   {stdlib_same[0]:7.3f} s  rows {stdlib_same[1]:,}")
    if shell:
        print(f"sqlite3 shell .import (whole process)                        {shell[0]:7.3f} s  rows {shell[2]:,}")
    print(f"grep -c '|8-K|' (whole process)                              {scan[0]:7.3f} s  matches {scan[1]:,}")
    floor = fastest["sqlite floor"]
    if floor:
        print(f"SQLite alone, shell's rows into our filing table (no parsing) {floor[0]:7.3f} s  rows {floor[1]:,}")

    print(f"\nratios (peer time / our time; above 1 means we are faster; best of {REPEAT} interleaved rounds)")
    if peer:
        print(f"  8-K import vs edgartools parse:        {ratio(peer[0], figures['8-K'])}  (new database file: {ratio(peer[0], figures['8-K fresh'])}; "
              f"vs its first parse: {ratio(peer[1], figures['8-K'])})")
    print(f"  all-forms import vs Python stdlib:     {ratio(stdlib[0], figures['all'])}  (same schema: {ratio(stdlib_same[0], figures['all'])})")
    if shell:
        print(f"  all-forms import vs sqlite3 .import:   {ratio(shell[0], figures['all'])}")
    if floor:
        print(f"  all-forms import vs SQLite alone into our table: {ratio(floor[0], figures['all'])}")
    print(f"  grep floor vs 8-K import:              {ratio(scan[0], figures['8-K'])}")

    if args.scale:
        subprocess.run([sys.executable, os.path.join(HERE, "scale.py"), "--bin", args.bin, "--work", args.work,
                        "--daily", args.daily, "--feeds", args.feeds], check=True)


if __name__ == "__main__":
    main()
