#!/usr/bin/env python3
"""Writes a realistic quarterly EDGAR master index by scaling a real daily one.

Each copy of the daily index's rows becomes one business day of the quarter: its date is that
day, its accession numbers get the copy's own year digits (so they stay unique), and two thirds
of its filers get new CIKs (a quarter has many more filers than a day). Rows are sorted as EDGAR
sorts its full index, and the header is the quarterly one (`Cloud HTTP:` line, `Filename`).

usage: generate_index.py DAILY_MASTER_IDX OUT [--rows N] [--quarter 2020Q1] [--salt N]
"""
import argparse
import datetime


def business_days(year, quarter):
    day = datetime.date(year, 3 * quarter - 2, 1)
    while day.month in range(3 * quarter - 2, 3 * quarter + 1):
        if day.weekday() < 5:
            yield day
        day += datetime.timedelta(days=1)


def read_rows(path):
    with open(path, "rb") as f:
        lines = f.read().split(b"\n")
    start = next(i for i, line in enumerate(lines) if line.startswith(b"-----")) + 1
    return [line.split(b"|") for line in lines[start:] if line.count(b"|") == 4]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("daily")
    parser.add_argument("out")
    parser.add_argument("--rows", type=int, default=320_000)
    parser.add_argument("--quarter", default="2020Q1")
    parser.add_argument("--salt", type=int, default=0, help="0-99: keeps accessions unique across generated quarters")
    args = parser.parse_args()
    year, quarter = int(args.quarter[:4]), int(args.quarter[5])
    rows = read_rows(args.daily)
    days = list(business_days(year, quarter))
    out = []
    copy = 0
    while len(out) < args.rows:
        day = days[copy % len(days)].isoformat().encode()
        yy = b"%02d" % ((year % 100 + copy) % 100)
        for cik, name, form, _, path in rows:
            if len(out) == args.rows:
                break
            number = int(cik)
            if copy and number % 3:
                number += copy * 10_000_000 + (year - 2000) * 1000
            accession = path.rsplit(b"/", 1)[1][:-4]
            accession = accession[:11] + yy + accession[13:]
            if args.salt:
                accession = b"%02d" % args.salt + accession[2:]
            new_cik = str(number).encode()
            out.append(b"|".join([new_cik, name, form, day, b"edgar/data/" + new_cik + b"/" + accession + b".txt"]))
        copy += 1
    out.sort()
    last = days[-1].strftime("%B %d, %Y").replace(" 0", " ").encode()
    header = (
        b"Description:           Master Index of EDGAR Dissemination Feed\n"
        b"Last Data Received:    " + last + b"\n"
        b"Comments:              webmaster@sec.gov\n"
        b"Anonymous FTP:         ftp://ftp.sec.gov/edgar/\n"
        b"Cloud HTTP:            https://www.sec.gov/Archives/\n"
        b"\n\n\n\n"
        b"CIK|Company Name|Form Type|Date Filed|Filename\n"
        + b"-" * 80 + b"\n"
    )
    with open(args.out, "wb") as f:
        f.write(header)
        f.write(b"\n".join(out))
        f.write(b"\n")


if __name__ == "__main__":
    main()
