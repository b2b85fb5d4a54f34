#!/usr/bin/env python3
"""A 2,000-asset stocktake, on SQLite and on PostgreSQL: how long starting it takes (the expected
list frozen), syncing 2,000 scans in batches of 500 as phones send them, and building the report
(盘点报告). Targets on this 2-core machine: 1 s, 3 s, 2 s.

Usage: python3 tests/stocktake_bench.py [sqlite|postgres|both] [assets=2000]
Run from the repository root after a release build (.ci/bench runs it).
"""

import os
import subprocess
import sys
import time

from rounds_http import Api, generate, kinds, uuid7, with_server

KINDS = kinds(sys.argv)
ASSETS = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
BASE = "http://127.0.0.1:3913"
API = Api(BASE)
BATCH = 500


def timed(method, path, token, body=None):
    start = time.perf_counter()
    status, answer = API.call(method, path, token, body, timeout=120)
    return time.perf_counter() - start, status, answer


def bench(kind):
    def prepare(data, url):
        generate(data, url, ASSETS, 0)
        return []

    with_server(kind, "rounds-stocktake-", BASE, prepare, lambda _server: measure(kind))


def measure(kind):
    manager = API.token("demo-manager")
    started, status, stocktake = timed("POST", "/stocktakes", manager, {"name": "全校盘点"})
    assert status == 201, stocktake
    sid = stocktake["id"]
    expected = API.call("GET", f"/stocktakes/{sid}/expected", manager)[1]
    tagged = [e for e in expected if e["tag"] and e["room_id"]]
    scans = [{"kind": "stocktake_scan", "record": {
        "id": uuid7(), "stocktake_id": sid, "room_id": e["room_id"], "code": e["tag"]}}
        for e in tagged]
    synced = 0.0
    counted = 0
    for i in range(0, len(scans), BATCH):
        took, status, answer = timed("POST", "/sync", manager, {"records": scans[i:i + BATCH]})
        assert status == 200, answer
        counted += sum(1 for r in answer["results"] if r.get("class") == "found")
        synced += took
    reported, status, report = timed("GET", f"/stocktakes/{sid}/report", manager)
    assert status == 200, report
    assert counted == len(scans), f"{counted} of {len(scans)} counted as found"
    print(f"== a stocktake of {len(expected):,} assets on {kind} ({os.cpu_count()} cores)")
    print(f"  start (freeze the expected list)     {started:6.2f} s   (target 1 s)")
    print(f"  sync {len(scans):,} scans in batches of {BATCH}    {synced:6.2f} s   (target 3 s)")
    print(f"  report ({len(report['missing']):,} missing)                {reported:6.2f} s   (target 2 s)")


if __name__ == "__main__":
    for kind in KINDS:
        if kind == "postgres" and subprocess.run(
                ["pg_isready", "-h", "127.0.0.1", "-q"]).returncode != 0:
            print("PostgreSQL does not answer at 127.0.0.1:5432: skipped")
            continue
        bench(kind)
