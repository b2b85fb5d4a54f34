#!/usr/bin/env python3
"""District load: a generated district served by one `rounds serve`, measured as a district's
phones use it.

1. `rounds generate` makes the district (80 schools, 100,000 assets, 1,000,000 inspections by
   default) on the chosen database; the time it takes is the first figure (target 2 minutes).
2. /t/CODE at 64 connections with wrk: the staff of eight schools spread over the district, each
   with a browser session, open their own school's tags in rotation; requests per second and
   latency percentiles (target p99 <= 10 ms), the server's resident memory sampled meanwhile
   (target 100 MB); then a trivial axum handler with a body of the same size, in the same run
   (the ceiling: what this machine and wrk allow at all).
3. Asset search (GET /api/v1/assets?q=...) one query at a time, by names, categories, asset
   codes and tags, in those eight schools: p50 and p95.
4. A sync of 500 queued inspections (a round of extinguisher checks, as a phone sends it):
   best and median of three batches, each record applied once.

Usage: python3 tests/load.py sqlite|postgres [seconds=20] [schools=80] [assets=100000]
       [inspections=1000000]
Run from the repository root after a release build with the `ceiling` example (.ci/bench).
"""

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

from rounds_http import ROUNDS, Api, create_database, drop_database, inspection, serve

KIND = sys.argv[1] if len(sys.argv) > 1 else "sqlite"
SECONDS = int(sys.argv[2]) if len(sys.argv) > 2 else 20
SCHOOLS = int(sys.argv[3]) if len(sys.argv) > 3 else 80
ASSETS = int(sys.argv[4]) if len(sys.argv) > 4 else 100_000
INSPECTIONS = int(sys.argv[5]) if len(sys.argv) > 5 else 1_000_000
BASE = "http://127.0.0.1:3911"
CEILING = "127.0.0.1:3912"
API = Api(BASE)
# wrk prints its own figures through this, so that p95 is there beside p50 and p99.
WRK_DONE = """
done = function(summary, latency, requests)
  io.write(string.format("FIGURES %.1f %d %d", summary.requests / summary.duration * 1e6,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout,
    summary.requests))
  for _, p in ipairs({50, 95, 99, 99.9}) do io.write(string.format(" %.2f", latency:percentile(p) / 1000)) end
  io.write("\\n")
end
"""


def staff_login(school):
    """The generated district's staff accounts: the first school has the demo's, the others sNN-."""
    return "demo-staff" if school == 0 else f"s{school:02}-demo-staff"


def rss_kb(pid, field="VmRSS"):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


class RssSampler(threading.Thread):
    """The highest resident set of a process, sampled every 50 ms while it runs."""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.peak, self.stop = pid, 0, threading.Event()

    def run(self):
        while not self.stop.is_set():
            self.peak = max(self.peak, rss_kb(self.pid))
            time.sleep(0.05)


def wrk(script, url):
    """Runs wrk at 64 connections; returns req/s, errors, requests, p50, p95, p99, p99.9 (ms)."""
    out = subprocess.run(["wrk", "-t2", "-c64", f"-d{SECONDS}s", "-s", script, url],
                         capture_output=True, text=True, check=True).stdout
    line = next(l for l in out.splitlines() if l.startswith("FIGURES"))
    rate, errors, requests, *ms = line.split()[1:]
    return float(rate), int(errors), int(requests), *map(float, ms)


def lua_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def tags_of(token, total, pages=10):
    """Tags spread over a school's register: `pages` pages of 40 at even offsets."""
    tags = []
    for n in range(pages):
        offset = max(0, total - 40) * n // max(1, pages - 1)
        items = API.call("GET", f"/assets?limit=40&offset={offset}", token)[1]["items"]
        tags += [a["tag"] for a in items if a.get("tag")]
    return tags


def timed(method, path, token, body=None):
    start = time.perf_counter()
    answer = API.call(method, path, token, body, timeout=60)[1]
    return time.perf_counter() - start, answer


def main():
    data = tempfile.mkdtemp(prefix="rounds-load-")
    url = create_database(KIND, data, "rounds_load")
    try:
        run(data, url)
    finally:
        drop_database(url)
        shutil.rmtree(data, ignore_errors=True)


def run(data, url):
    start = time.perf_counter()
    subprocess.run([ROUNDS, "generate", "--schools", str(SCHOOLS), "--assets", str(ASSETS),
                    "--inspections", str(INSPECTIONS), "--data", data, "--database-url", url],
                   check=True, stdout=subprocess.DEVNULL)
    generated = time.perf_counter() - start
    server = serve(data, url, BASE, env={**os.environ, "RUST_LOG": "warn"})
    try:
        measure(server, generated, data)
    finally:
        server.terminate()
        server.wait()


def measure(server, generated, data):
    chosen = sorted({i * SCHOOLS // 8 for i in range(8)})
    people = []  # (school, cookie, token, tags)
    assets = 0
    for school in chosen:
        login = staff_login(school)
        token = API.token(login)
        total = API.call("GET", "/assets?limit=1", token)[1]["total"]
        assets += total
        people.append((school, API.session_cookie(login), token, tags_of(token, total)))
    print(f"== district load on {KIND}: {SCHOOLS} schools, about {ASSETS:,} assets, "
          f"{INSPECTIONS:,} inspections; {os.cpu_count()} cores")
    print(f"  rounds generate                      {generated:8.1f} s   (target 120 s)")

    script = os.path.join(data, "tags.lua")
    pairs = [(cookie, tag) for _, cookie, _, tags in people for tag in tags]
    pairs = [pairs[i] for i in sorted(range(len(pairs)), key=lambda i: (i * 7919) % len(pairs))]
    with open(script, "w") as lua:
        lua.write("local pairs_ = {\n")
        for cookie, tag in pairs:
            lua.write(f"  {{{lua_string(cookie)}, {lua_string('/t/' + tag)}}},\n")
        lua.write("}\nlocal i = 0\n")
        lua.write("request = function()\n  i = i % #pairs_ + 1\n"
                  "  return wrk.format(\"GET\", pairs_[i][2], {Cookie = pairs_[i][1]})\nend\n")
        lua.write(WRK_DONE)
    cookie, tag = pairs[0]
    page = subprocess.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code} %{size_download}",
                           "-H", f"Cookie: {cookie}", f"{BASE}/t/{tag}"],
                          capture_output=True, text=True, check=True).stdout.split()
    if page[0] != "200":
        raise SystemExit(f"/t/{tag} answered {page[0]}")
    body = int(page[1])

    sampler = RssSampler(server.pid)
    sampler.start()
    rate, errors, requests, p50, p95, p99, p999 = wrk(script, BASE)
    sampler.stop.set()
    sampler.join()
    header = f"  {'':36} {'req/s':>8} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'p99.9':>7}"
    print(f"  /t/CODE: {len(pairs)} tags of {len(chosen)} schools ({assets:,} assets), "
          f"{body} bytes a page, 64 connections, {SECONDS} s")
    print(header)
    print(f"  {'/t/CODE':36} {rate:8.0f} {p50:7.2f} {p95:7.2f} {p99:7.2f} {p999:7.2f}"
          f"   {errors} errors in {requests} (target p99 10 ms)")
    ceiling = subprocess.Popen(["target/release/examples/ceiling", CEILING, str(body)])
    try:
        time.sleep(0.5)
        with open(script + ".ceiling", "w") as lua:
            lua.write(WRK_DONE)
        rate, _, _, p50, p95, p99, p999 = wrk(script + ".ceiling", f"http://{CEILING}/t/x")
    finally:
        ceiling.kill()
    print(f"  {'ceiling (trivial handler, same body)':36} {rate:8.0f} {p50:7.2f} {p95:7.2f} "
          f"{p99:7.2f} {p999:7.2f}")
    under_load = sampler.peak

    searches = []
    for school, _, token, tags in people:
        for q in ("灭火器", "投影机", "空调", "消毒柜", "办公", "KZY", tags[len(tags) // 2],
                  tags[-1][:4], "不存在的东西"):
            path = "/assets?limit=20&q=" + urllib.parse.quote(q)
            for _ in range(3):
                searches.append(timed("GET", path, token)[0] * 1000)
    searches.sort()
    p95s = searches[int(len(searches) * 0.95) - 1]
    print(f"  asset search, {len(searches)} queries one at a time: "
          f"p50 {statistics.median(searches):.1f} ms, p95 {p95s:.1f} ms")

    _, _, token, _ = people[len(people) // 2]
    template = next(t for t in API.call("GET", "/checklists", token)[1]
                    if t["key"] == "fire_equipment")
    extinguishers = []
    while len(extinguishers) < 500:
        page = API.call("GET", "/assets?limit=100&q=%E7%81%AD%E7%81%AB%E5%99%A8"
                        f"&offset={len(extinguishers)}", token)[1]
        extinguishers += page["items"]
        if not page["items"] or len(extinguishers) >= page["total"]:
            break
    extinguishers = [a for a in extinguishers if a["status"] == "in_use"]
    times = []
    for run in range(3):
        batch = [inspection(template, extinguishers[i % len(extinguishers)],
                            "指针在红区" if i % 50 == 0 else None) for i in range(500)]
        took, answer = timed("POST", "/sync", token, {"records": batch})
        applied = sum(1 for r in answer["results"] if r["outcome"] == "applied")
        if applied != 500:
            raise SystemExit(f"sync run {run}: {applied} of 500 applied")
        times.append(took)
    print(f"  sync of 500 inspections ({len(extinguishers)} extinguishers): "
          f"best {min(times):.2f} s, median {statistics.median(times):.2f} s (target 2 s)")
    print(f"  server RSS: {under_load / 1024:.0f} MB at most under load, "
          f"{rss_kb(server.pid, 'VmHWM') / 1024:.0f} MB peak over the run (target 100 MB)")


if __name__ == "__main__":
    main()
