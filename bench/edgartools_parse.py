import sys, time
from edgar._filings import read_pipe_delimited_index
path = sys.argv[1]
with open(path, "rb") as f:
    text = f.read().decode("latin-1")
lines = text.split("\n")
dashes = next(i for i, line in enumerate(lines) if line.startswith("-----"))
# read_pipe_delimited_index skips exactly 10 lines (it was written for xbrl.idx); a quarterly
# master.idx has 11 before its rows, so one blank line is taken out to hand it every row.
text = "\n".join(lines[: dashes - 2] + lines[dashes - 1 :]) if dashes == 10 else text
best = None
for _ in range(3):
    t = time.perf_counter()
    table = read_pipe_delimited_index(text)
    elapsed = time.perf_counter() - t
    best = elapsed if best is None else min(best, elapsed)
print(f"{best:.4f} {table.num_rows}")
