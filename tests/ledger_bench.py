#!/usr/bin/env python3
"""The register in and out, on SQLite and on PostgreSQL:
  1. importing a 10,000-row XLSX made by openpyxl (tests/fixtures/registers.py): the preview,
     then the commit (parse + check + plan + write in one transaction), each one request;
  2. exporting the register of a school of 100,000 assets (generated) as XLSX and as CSV, with
     the server's peak memory (VmHWM) before and after.
Targets on this 2-core machine: the commit ≤ 5 s; each export ≤ 5 s, memory bounded.

Usage: python3 tests/ledger_bench.py [sqlite|postgres|both] [rows=10000] [assets=100000]
Run from the repository root after a release build, with openpyxl on PYTHONPATH (source .ci/env).
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

from rounds_http import Api, generate, kinds, uuid7, with_server

KINDS = kinds(sys.argv)
ROWS = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
ASSETS = int(sys.argv[3]) if len(sys.argv) > 3 else 100_000
BASE = "http://127.0.0.1:3914"
API = Api(BASE)


def peak_kib(proc):
    """The server's peak resident memory so far, in KiB."""
    with open(f"/proc/{proc.pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def post_file(token, name, content, fields):
    """POST /imports as multipart/form-data; (seconds, status, body)."""
    boundary = uuid7().replace("-", "")
    parts = []
    for key, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'
                     .encode())
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
                 f"Content-Type: application/octet-stream\r\n\r\n".encode() + content + b"\r\n")
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    req = urllib.request.Request(BASE + "/api/v1/imports", data=body, method="POST")
    req.add_header("content-type", f"multipart/form-data; boundary={boundary}")
    req.add_header("authorization", f"Bearer {token}")
    start = time.perf_counter()
    with urllib.request.urlopen(req, timeout=300) as res:
        answer = res.read()
        return time.perf_counter() - start, res.status, answer


def get_file(token, path):
    req = urllib.request.Request(BASE + "/api/v1" + path)
    req.add_header("authorization", f"Bearer {token}")
    start = time.perf_counter()
    with urllib.request.urlopen(req, timeout=300) as res:
        size = len(res.read())
        return time.perf_counter() - start, res.status, size


def bench_import(kind, register):
    content = open(register, "rb").read()

    def measure(server):
        manager = API.token("demo-manager")
        seconds, status, _ = post_file(manager, "big.xlsx", content, {})
        assert status == 200, status
        print(f"{kind:8} import preview of {ROWS:,} rows ({len(content) / 1e6:.1f} MB XLSX): {seconds:.2f} s")
        seconds, status, _ = post_file(manager, "big.xlsx", content, {"commit": "true"})
        assert status == 201, status
        mark = "" if seconds <= 5 else "  MISSES the 5 s target"
        print(f"{kind:8} import commit  of {ROWS:,} rows: {seconds:.2f} s (target ≤ 5 s){mark}"
              f"; server peak {peak_kib(server) / 1024:.0f} MiB")

    with_server(kind, "rounds-import-", BASE, lambda data, url: ["--demo"], measure)


def bench_export(kind):
    def prepare(data, url):
        seconds = generate(data, url, ASSETS, 0)
        print(f"{kind:8} (generated {ASSETS:,} assets in {seconds:.0f} s)")
        return []

    def measure(server):
        manager = API.token("demo-manager")
        before = peak_kib(server)
        for fmt in ["xlsx", "csv"]:
            seconds, status, size = get_file(manager, f"/exports/register?format={fmt}")
            assert status == 200, status
            mark = "" if seconds <= 5 else "  MISSES the 5 s target"
            print(f"{kind:8} register export, {ASSETS:,} assets, {fmt.upper():4}: {seconds:.2f} s, "
                  f"{size / 1e6:.1f} MB (target ≤ 5 s){mark}")
        print(f"{kind:8} server peak memory: {before / 1024:.0f} MiB before the exports, "
              f"{peak_kib(server) / 1024:.0f} MiB after")

    with_server(kind, "rounds-export-", BASE, prepare, measure)


def main():
    fixtures = tempfile.mkdtemp(prefix="rounds-registers-")
    try:
        subprocess.run([sys.executable, "tests/fixtures/registers.py", fixtures, str(ROWS)], check=True)
        for kind in KINDS:
            bench_import(kind, os.path.join(fixtures, "big.xlsx"))
            bench_export(kind)
    finally:
        shutil.rmtree(fixtures, ignore_errors=True)


if __name__ == "__main__":
    main()
