"""edgartools' index parser on one file: prints the best parse of 3 in this process (warm), the
first parse (cold), the time to import edgartools, and the row count. Called by bench.py."""
import sys, time

started = time.perf_counter()
from edgar._filings import read_pipe_delimited_index
imported = time.perf_counter() - started

path = sys.argv[1]
with open(path, "rb") as f:
    text = f.read().decode("latin-1")
lines = text.split("\n")
dashes = next(i for i, line in enumerate(lines) if line.startswith("-----"))
# read_pipe_delimited_index skips exactly 10 lines (it was written for xbrl.idx); a quarterly
# master.idx has 11 before its rows, so one blank line is taken out to hand it every row.
text = "\n".join(lines[: dashes - 2] + lines[dashes - 1 :]) if dashes == 10 else text
runs = []
for _ in range(3):
    t = time.perf_counter()
    table = read_pipe_delimited_index(text)
    runs.append(time.perf_counter() - t)
print(f"{min(runs):.4f} {runs[0]:.4f} {imported:.4f} {table.num_rows}")
