#!/usr/bin/env python3
"""follow's benchmark on loopback: latency from a feed entry appearing to the mail command starting,
requests while idle, and memory over --polls polls (1,000 by default). See docs/benchmark.md, "follow".

    bench/follow.py --bin .build/release/filings [--trials 20] [--polls 1000] [--idle 120]

A Python HTTP server on 127.0.0.1 plays EDGAR: the latest-filings feed (40 entries a page, no cache
validators, as EDGAR sends it), Meta's submissions and ticker maps (for `filings watch Meta`) and the
full text of each new filing (the project's own fixture with a fresh accession number).
"""
import argparse, json, os, random, shutil, signal, statistics, subprocess, sys, tempfile, threading, time
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Tests", "Fixtures", "mirror")
META = 1326801
LAYOFF_TEXT = open(os.path.join(FIXTURES, "0001628280-25-061001.txt"), encoding="utf-8").read()


def entry(form, name, cik, accession, updated):
    digits = accession.replace("-", "")
    return f"""<entry>
<title>{form} - {name} ({cik:010d}) (Filer)</title>
<link rel="alternate" type="text/html" href="https://www.sec.gov/Archives/edgar/data/{cik}/{digits}/{accession}-index.htm"/>
<summary type="html">
 &lt;b&gt;Filed:&lt;/b&gt; {updated[:10]} &lt;b&gt;AccNo:&lt;/b&gt; {accession} &lt;b&gt;Size:&lt;/b&gt; 12 KB
</summary>
<updated>{updated}</updated>
<category scheme="https://www.sec.gov/" label="form type" term="{form}"/>
<id>urn:tag:sec.gov,2008:accession-number={accession}</id>
</entry>
"""


class Edgar:
    """The feed's state: entries newest first, and the filing texts served."""

    def __init__(self):
        self.lock = threading.Lock()
        self.entries = []
        self.texts = {}
        self.feed_requests = 0
        self.feed_bytes = 0
        self.serial = 0
        for _ in range(40):
            self.add_filler()

    def stamp(self):
        return datetime.now(timezone(timedelta(hours=-5))).strftime("%Y-%m-%dT%H:%M:%S-05:00")

    def add_filler(self):
        with self.lock:
            self.serial += 1
            acc = f"0000900000-26-{self.serial:06d}"
            self.entries.insert(0, entry("8-K", f"FILLER CO {self.serial}", 900000 + self.serial, acc, self.stamp()))
            del self.entries[400:]

    def add_watched(self):
        """A new 8-K of Meta's, its text on the archive; returns its accession."""
        with self.lock:
            self.serial += 1
            acc = f"0001628280-26-{self.serial:06d}"
            digits = acc.replace("-", "")
            self.texts[f"/Archives/edgar/data/{META}/{digits}/{acc}.txt"] = LAYOFF_TEXT.replace("0001628280-25-061001", acc).encode()
            self.entries.insert(0, entry("8-K", "Meta Platforms, Inc.", META, acc, self.stamp()))
            return acc

    def page(self, start, count):
        with self.lock:
            body = "".join(self.entries[start:start + count])
        head = f"""<?xml version="1.0" encoding="ISO-8859-1" ?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Latest Filings</title>
<id>https://www.sec.gov/cgi-bin/browse-edgar?action=getcurrent</id>
<updated>{self.stamp()}</updated>
"""
        return (head + body + "</feed>\n").encode("latin-1")


def serve(edgar):
    fixtures = {
        "/submissions/CIK0001326801.json": "CIK0001326801.watch.json",
        "/submissions/CIK0001326801-submissions-001.json": "CIK0001326801-submissions-001.json",
        "/files/company_tickers.json": "company_tickers.json",
        "/files/company_tickers_exchange.json": "company_tickers_exchange.json",
        f"/Archives/edgar/data/{META}/000132680125000099/0001326801-25-000099.txt": "0001326801-25-000099.txt",
    }

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_GET(self):
            path, _, query = self.path.partition("?")
            if path == "/cgi-bin/browse-edgar":
                params = dict(p.split("=", 1) for p in query.split("&") if "=" in p)
                body = edgar.page(int(params.get("start", 0)), int(params.get("count", 40)))
                with edgar.lock:
                    edgar.feed_requests += 1
                    edgar.feed_bytes += len(body)
                return self.reply(200, body, "application/atom+xml")
            if path in edgar.texts:
                return self.reply(200, edgar.texts[path], "text/plain")
            if path in fixtures:
                with open(os.path.join(FIXTURES, fixtures[path]), "rb") as f:
                    return self.reply(200, f.read(), "application/json")
            self.reply(404, b"not found", "text/plain")

        def reply(self, status, body, kind):
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def rss_kib(pid):
    """VmRSS and its anonymous part (the heap, stacks); the rest is mapped files, mostly shared libraries paged in."""
    fields = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            name, _, value = line.partition(":")
            if name in ("VmRSS", "RssAnon"):
                fields[name] = int(value.split()[0])
    return [fields.get("VmRSS", 0), fields.get("RssAnon", 0)]


def wait_for(condition, limit):
    end = time.time() + limit
    while time.time() < end:
        if condition():
            return True
        time.sleep(0.005)
    return condition()


def in_edgar_hours():
    ny = datetime.now(timezone.utc) - timedelta(hours=5)  # EST; close enough to choose the flag
    return ny.weekday() < 5 and 6 <= ny.hour < 22


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--polls", type=int, default=1000)
    parser.add_argument("--idle", type=float, default=120, help="seconds of idle polling at --interval 10")
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="filings-follow-bench-")
    edgar = Edgar()
    server = serve(edgar)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    feeds = os.path.join(work, "Feeds")
    os.makedirs(feeds)
    feed = json.load(open(os.path.join(ROOT, "Feeds", "sec-edgar.json")))
    feed["urls"] = {"archives": base + "/Archives/", "data": base + "/", "files": base + "/files/", "www": base + "/"}
    json.dump(feed, open(os.path.join(feeds, "sec-edgar.json"), "w"))
    env = dict(os.environ, FILINGS_DB=os.path.join(work, "filings.sqlite"), FILINGS_FEEDS=feeds,
               FILINGS_USER_AGENT="filings bench bench@example.com", HOME=work)
    subprocess.run([args.bin, "watch", "Meta"], env=env, check=True, capture_output=True)
    starts = os.path.join(work, "starts")
    open(starts, "w").close()
    mailer = f"date +%s.%N >> '{starts}'; cat > /dev/null"
    common = ["follow", "--send", mailer, "--to", "jane@example.com"]

    def started_count():
        with open(starts) as f:
            return sum(1 for _ in f)

    # 1. Latency: an entry appears at a random moment; the mail command's start is stamped by `date`.
    flag = ["--interval", "10"] if in_edgar_hours() else ["--bench-interval", "10"]
    process = subprocess.Popen([args.bin] + common + flag, env=env, stderr=subprocess.PIPE, text=True)
    wait_for(lambda: edgar.feed_requests >= 1, 30)
    time.sleep(1)
    latencies = []
    for trial in range(args.trials):
        time.sleep(random.uniform(0, 10))
        before = started_count()
        edgar.add_watched()
        appeared = time.time()
        if not wait_for(lambda: started_count() > before, 60):
            print(f"trial {trial}: no mail within 60 s", file=sys.stderr)
            continue
        with open(starts) as f:
            stamp = float(f.read().split()[-1])
        latencies.append(stamp - appeared)
        print(f"trial {trial + 1}: {latencies[-1]:.2f} s", file=sys.stderr)

    # 2. Idle: nothing new for a while, same process.
    requests_before, bytes_before, idle_start = edgar.feed_requests, edgar.feed_bytes, time.time()
    time.sleep(max(args.idle, 0))
    idle_requests = edgar.feed_requests - requests_before
    idle_bytes = edgar.feed_bytes - bytes_before
    idle_seconds = time.time() - idle_start if args.idle > 0 else 0
    process.send_signal(signal.SIGTERM)
    status = process.wait(60)
    stderr = process.stderr.read()

    # 3. Memory over many polls: a filler 8-K every 10 polls, a watched one (read and mailed) every 100.
    samples, memory_status = {}, None
    if args.polls > 0:
        samples, memory_status = memory(args, edgar, env, common)
    mails = started_count()
    server.shutdown()
    report(args, flag, latencies, idle_seconds, idle_requests, idle_bytes, status, memory_status, samples, mails, stderr)
    shutil.rmtree(work, ignore_errors=True)


def memory(args, edgar, env, common):
    polls_before = edgar.feed_requests
    process = subprocess.Popen([args.bin] + common + ["--bench-interval", "0.05"], env=env, stderr=subprocess.DEVNULL)
    samples = {}
    last_change = 0
    while True:
        done = edgar.feed_requests - polls_before
        for mark in (10, 100, 250, 500, 750, 1000, 1500, 2000, 3000, 4000, 5000, 6000, 8000):
            if done >= mark and mark not in samples and mark < args.polls:
                samples[mark] = rss_kib(process.pid)
        if done >= args.polls:
            samples[args.polls] = rss_kib(process.pid)
            break
        if done // 10 > last_change:
            last_change = done // 10
            if last_change % 10 == 0:
                edgar.add_watched()
            else:
                edgar.add_filler()
        time.sleep(0.01)
    process.send_signal(signal.SIGTERM)
    return samples, process.wait(60)


def report(args, flag, latencies, idle_seconds, idle_requests, idle_bytes, status, memory_status, samples, mails, stderr):
    result = {
        "trials": len(latencies), "interval": " ".join(flag),
        "latency_median_s": round(statistics.median(latencies), 2) if latencies else None,
        "latency_worst_s": round(max(latencies), 2) if latencies else None,
        "latency_best_s": round(min(latencies), 2) if latencies else None,
        "latencies_s": [round(x, 2) for x in latencies],
        "idle_seconds": round(idle_seconds, 1), "idle_feed_requests": idle_requests,
        "idle_requests_per_hour_at_10s": round(idle_requests * 3600 / idle_seconds) if idle_seconds else None,
        "idle_bytes_per_request": round(idle_bytes / max(idle_requests, 1)),
        "follow_exit_on_sigterm": status, "memory_run_exit_on_sigterm": memory_status,
        "rss_and_anon_kib_after_polls": samples,
        "mails_in_total": mails,
    }
    print(json.dumps(result, indent=2))
    if stderr.strip():
        print(stderr, file=sys.stderr)


if __name__ == "__main__":
    main()
