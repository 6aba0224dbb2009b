#!/usr/bin/env python3
"""What a night of every state's WARN feed costs: a first night that loads each state's full
history, then a quiet night on which nothing changed (every state file answers 304).

A server on 127.0.0.1 plays every state that publishes (feeds of kind state-warn with a fetch).
Each state's file is warn-scraper's export of that state (../shared/data/warn/warn-transformer_raw_2022/
xx.csv), sent in the state's own format (CSV as is; an HTML table, a JSON array or an XLSX workbook
of the same rows and headers, made here, in memory); a state without an export gets its fixture from
Tests/Fixtures/warn/states/. Every file carries an ETag and a Last-Modified and is answered 304 when
asked with them. A state read through a page's links gets a page linking its file; a paged listing
gets its file as page 1 and an empty table after it.

It runs `filings sync` twice into a new database under GNU time and prints JSON: requests per night
(and how many were conditional, how many 304), user+sys CPU seconds, peak RSS, rows stored per state.
"""
import argparse
import csv
import html
import io
import json
import os
import re
import subprocess
import sys
import threading
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

LINK_CANDIDATES = [
    "warn-report.csv", "warn.csv", "warn.xlsx", "employment/warn2022.shtml",
    "docs.google.com/spreadsheets/d/bench/pubhtml", "does.dc.gov/page/warn-2022", "open",
]


def read_rows(path):
    text = path.read_bytes().decode("utf-8", errors="replace")
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        return [], []
    keep = [i for i, name in enumerate(rows[0]) if name.strip()]
    header = [rows[0][i] for i in keep]
    body = [[row[i] if i < len(row) else "" for i in keep] for row in rows[1:] if any(cell.strip() for cell in row)]
    return header, body


def as_html(header, rows):
    out = ["<html><body><table><tr>"] + [f"<th>{html.escape(h)}</th>" for h in header] + ["</tr>\n"]
    for row in rows:
        out.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>\n")
    out.append("</table></body></html>")
    return "".join(out).encode()


def as_json(header, rows, key):
    records = [dict(zip(header, row)) for row in rows]
    return json.dumps({key: records} if key else records).encode()


def as_xlsx(header, rows):
    def column(index):
        name, number = "", index + 1
        while number:
            number, remainder = divmod(number - 1, 26)
            name = chr(65 + remainder) + name
        return name
    sheet = []
    for r, row in enumerate([header] + rows, start=1):
        cells = "".join(
            f'<c r="{column(i)}{r}" t="inlineStr"><is><t>{html.escape(c, quote=False)}</t></is></c>'
            for i, c in enumerate(row) if c)
        sheet.append(f'<row r="{r}">{cells}</row>')
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("_rels/.rels", f'<Relationships xmlns="{pkg}"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rIdS1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{pkg}"><Relationship Id="rIdS1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", f'<worksheet xmlns="{main}"><sheetData>{"".join(sheet)}</sheetData></worksheet>')
    return buffer.getvalue()


def state_file(feed, data_dir, fixtures):
    """The bytes the state serves, and where they came from."""
    spec = feed["warn"]
    fmt = spec.get("format")
    state = spec["state"].lower()
    export = data_dir / f"{state}.csv"
    if export.exists():
        header, rows = read_rows(export)
        source = f"warn-scraper export {export.name}, {len(rows)} rows"
        if fmt == "csv":
            return export.read_bytes(), source
        if fmt == "html-table":
            return as_html(header, rows), source + " as an HTML table"
        if fmt == "json":
            return as_json(header, rows, spec.get("jsonRecords")), source + " as JSON"
        if fmt == "xlsx":
            return as_xlsx(header, rows), source + " as XLSX"
    for name in sorted(os.listdir(fixtures)):
        if name.startswith(feed["id"] + ".") and not name.endswith(".expect.json"):
            data = (fixtures / name).read_bytes()
            if name.endswith(".xlsx.csv"):
                header, rows = read_rows(fixtures / name)
                return as_xlsx(header, rows), f"fixture {name} as XLSX"
            return data, f"fixture {name}"
    raise SystemExit(f"bench: no file for {feed['id']}")


def empty_like(fmt, data):
    """The state's empty listing page: its header alone (what a paged listing shows past its end)."""
    if fmt == "html-table":
        text = data.decode("utf-8", errors="replace")
        first_row_end = text.find("</tr>")
        return (text[: first_row_end + 5] + "</table></body></html>").encode() if first_row_end > 0 else b"<html></html>"
    return data[: data.find(b"\n") + 1]


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)
        self.routes = {}  # path with query -> (body, etag, content type)
        self.lock = threading.Lock()
        self.log = []  # (path, conditional, status)

    def add(self, target, body, kind):
        self.routes[target] = (body, f'"{abs(hash(body)) % 10**12}"', kind)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    last_modified = "Mon, 03 Nov 2025 12:00:00 GMT"

    def do_GET(self):
        route = self.server.routes.get(self.path)
        conditional = "If-None-Match" in self.headers or "If-Modified-Since" in self.headers
        if route is None:
            status, body, headers = 404, b"not found", {}
        else:
            body, etag, kind = route
            headers = {"ETag": etag, "Last-Modified": self.last_modified, "Content-Type": kind}
            if self.headers.get("If-None-Match") == etag or self.headers.get("If-Modified-Since") == self.last_modified:
                status, body = 304, b""
            else:
                status = 200
        with self.server.lock:
            self.server.log.append((self.path, conditional, status))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def serve_states(server, feeds_dir, out_dir, data_dir, fixtures):
    base = f"http://127.0.0.1:{server.server_address[1]}"
    sources = {}
    kinds = {"csv": "text/csv", "html-table": "text/html", "json": "application/json",
             "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
    for path in sorted(feeds_dir.glob("*.json")):
        feed = json.loads(path.read_text())
        spec = feed.get("warn") or {}
        if feed.get("kind") != "state-warn" or not spec.get("publishes", True) or not spec.get("fetch"):
            continue
        fetch = spec["fetch"]
        fid = feed["id"]
        data, sources[fid] = state_file(feed, data_dir, fixtures)
        kind = kinds.get(spec.get("format"), "application/octet-stream")
        root = f"/{fid}"
        feed["urls"] = {name: f"{base}{root}/{name}" for name in feed.get("urls", {})}
        if "pages" in fetch:
            feed["urls"][fetch["url"]] = base + root
            template = feed["paths"][fetch["path"]]
            first = fetch["pages"]["first"]
            server.add(f"{root}/{template.replace('{page}', str(first))}", data, kind)
            server.add(f"{root}/{template.replace('{page}', str(first + 1))}", empty_like(spec.get("format"), data), kind)
        elif "links" in fetch:
            pattern = re.compile(fetch["links"], re.IGNORECASE)
            link = next((f"{root}/{name}" for name in LINK_CANDIDATES if pattern.search(base + f"{root}/{name}")), None)
            if link is None:
                raise SystemExit(f"bench: no link name matches {fid}'s pattern {fetch['links']}")
            page = f'<html><body><a href="{link}">WARN notices</a></body></html>'.encode()
            server.add(f"{root}/{fetch['url']}", page, "text/html")
            server.add(link, data, kind)
        else:
            server.add(f"{root}/{fetch['url']}", data, kind)
        (out_dir / path.name).write_text(json.dumps(feed))
    return sources


def night(binary, environment, work, label):
    timing = work / f"{label}.time"
    run = subprocess.run(["/usr/bin/time", "-v", "-o", str(timing), binary, "sync"], env=environment,
                         capture_output=True, text=True)
    fields = {}
    for line in timing.read_text().splitlines():
        name, _, value = line.strip().rpartition(": ")
        fields[name] = value
    return {
        "exit": run.returncode,
        "user_s": float(fields["User time (seconds)"]),
        "sys_s": float(fields["System time (seconds)"]),
        "cpu_s": round(float(fields["User time (seconds)"]) + float(fields["System time (seconds)"]), 3),
        "wall": fields["Elapsed (wall clock) time (h:mm:ss or m:ss)"],
        "peak_rss_mib": round(int(fields["Maximum resident set size (kbytes)"]) / 1024, 1),
        "stderr_tail": run.stderr.strip().splitlines()[-3:],
        "failed_feeds": [line for line in run.stderr.splitlines() if ": FAILED" in line],
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--feeds", required=True)
    parser.add_argument("--data", required=True, help="warn-transformer_raw_2022 directory")
    parser.add_argument("--fixtures", required=True)
    args = parser.parse_args()
    work = Path(args.work)
    feeds_out = work / "state-feeds"
    feeds_out.mkdir(parents=True, exist_ok=True)
    for old in feeds_out.glob("*.json"):
        old.unlink()
    database = work / "states.sqlite"
    for suffix in ["", "-wal", "-shm", ".lock"]:
        Path(str(database) + suffix).unlink(missing_ok=True)

    server = Server()
    sources = serve_states(server, Path(args.feeds), feeds_out, Path(args.data), Path(args.fixtures))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    environment = {"PATH": "/usr/bin:/bin", "HOME": str(work), "FILINGS_DB": str(database), "FILINGS_FEEDS": str(feeds_out)}

    result = {"states": len(sources), "files": sources}
    for label in ["first", "quiet"]:
        before = len(server.log)
        result[label] = night(args.bin, environment, work, label)
        requests = server.log[before:]
        result[label]["requests"] = len(requests)
        result[label]["conditional"] = sum(1 for _, conditional, _ in requests if conditional)
        result[label]["not_modified"] = sum(1 for _, _, status in requests if status == 304)
        result[label]["by_status"] = {str(s): sum(1 for _, _, x in requests if x == s) for s in sorted({x for _, _, x in requests})}
    status = subprocess.run([args.bin, "status", "--json"], env=environment, capture_output=True, text=True)
    rows = {s["feed"]: s["rows"] for s in json.loads(status.stdout)["sources"]} if status.returncode == 0 else {}
    result["rows"] = rows
    result["rows_total"] = sum(rows.values())
    server.shutdown()
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
