#!/usr/bin/env python3
"""Crash trial: many concurrent writers against a running `rounds serve`, the server killed with
SIGKILL at a random moment, restarted, and every write it acknowledged (2xx) looked for.

Writers: inspections through the offline sync (ids made here, as a phone does), damage reports,
and asset edits (each writer edits its own asset with an increasing sequence number, so after
the crash the stored notes must be at least the last acknowledged one). After each restart the
database is checked: SQLite's PRAGMA integrity_check; PostgreSQL answers and reads every row.

Usage: python3 tests/crash.py sqlite|postgres [trials=20] [writers=200]
Prints one line per trial and a summary: trials, writes acknowledged, writes lost (target 0).
Run from the repository root after a release build (bash .ci/build-site or .ci/test).
"""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error

from rounds_http import Api, create_database, drop_database, inspection, serve

KIND = sys.argv[1] if len(sys.argv) > 1 else "sqlite"
TRIALS = int(sys.argv[2]) if len(sys.argv) > 2 else 20
WRITERS = int(sys.argv[3]) if len(sys.argv) > 3 else 200
BASE = "http://127.0.0.1:3977"
API = Api(BASE)
call = API.call


def start(data, url):
    return serve(data, url, BASE, "--demo")


def writer(n, staff, teacher, manager, template, asset, acked, stop, edits):
    """Writes until the server goes away; records what was acknowledged. Only a writer that has
    its asset to itself (`edits`) edits it, so its sequence numbers tell what came last."""
    seq = 0
    kind = n % 3 if edits or n % 3 != 2 else 1
    while not stop.is_set():
        try:
            if kind == 0:
                record = inspection(template, asset)
                rid = record["record"]["id"]
                status, answer = call("POST", "/sync", staff, {"records": [record]})
                if status == 200 and answer["results"][0]["outcome"] in ("applied", "duplicate"):
                    acked.append(("inspections", rid))
            elif kind == 1:
                status, report = call("POST", "/damage-reports", teacher,
                                      {"asset_id": asset["id"], "description": f"裂纹 {n}-{seq}"})
                if status == 201:
                    acked.append(("damage_reports", report["id"]))
            else:
                seq += 1
                status, _ = call("PATCH", f"/assets/{asset['id']}", manager,
                                 {"notes": f"crash-{n}-{seq:06d}"})
                if status == 200:
                    acked.append(("asset", (asset["id"], n, seq)))
        except (urllib.error.URLError, ConnectionError, OSError, TimeoutError):
            return
        except urllib.error.HTTPError:
            pass


def query(url, data, sql):
    """One column of a query, on the database of this trial."""
    if KIND == "sqlite":
        con = sqlite3.connect(os.path.join(data, "rounds.db"))
        try:
            return [r[0] for r in con.execute(sql)]
        finally:
            con.close()
    out = subprocess.run(["psql", url, "-Atc", sql], capture_output=True, text=True, check=True)
    return [line for line in out.stdout.splitlines() if line]


def id_text(column):
    return f"lower(hex({column}))" if KIND == "sqlite" else f"replace({column}::text, '-', '')"


def check(url, data, acked):
    """Returns the acknowledged writes missing after the restart, and whether the store is intact."""
    if KIND == "sqlite":
        intact = query(url, data, "PRAGMA integrity_check") == ["ok"]
    else:
        tables = query(url, data, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
        intact = all(query(url, data, f"SELECT COUNT(*) FROM {t}") for t in tables)
    lost = []
    for table in ("inspections", "damage_reports"):
        ids = {i.replace("-", "") for t, i in acked if t == table}
        if ids:
            stored = set(query(url, data, f"SELECT {id_text('id')} FROM {table}"))
            lost += [(table, i) for i in ids - stored]
    last = {}
    for t, value in acked:
        if t == "asset":
            asset_id, n, seq = value
            last[asset_id] = max(last.get(asset_id, (n, 0)), (n, seq))
    for asset_id, (n, seq) in last.items():
        hexid = asset_id.replace("-", "")
        notes = query(url, data, f"SELECT notes FROM assets WHERE {id_text('id')} = '{hexid}'")
        got = int(notes[0].rsplit("-", 1)[1]) if notes and notes[0].startswith(f"crash-{n}-") else 0
        if got < seq:
            lost.append(("asset", asset_id))
    return lost, intact


def main():
    data = tempfile.mkdtemp(prefix="rounds-crash-")
    url = create_database(KIND, data, "rounds_crash")
    proc = start(data, url)
    staff, teacher, manager = (API.token(f"demo-{role}") for role in ("staff", "teacher", "manager"))
    template = next(t for t in call("GET", "/checklists", staff)[1] if t["key"] == "fire_equipment")
    assets = []
    offset = 0
    while len(assets) < WRITERS:
        page = call("GET", f"/assets?q=%E7%81%AD%E7%81%AB%E5%99%A8&limit=100&offset={offset}", staff)[1]
        assets += [a for a in page["items"] if a["status"] == "in_use"]
        offset += 100
        if offset >= page["total"]:
            break
    total_acked = total_lost = broken = 0
    for trial in range(1, TRIALS + 1):
        acked, stop = [], threading.Event()
        threads = [threading.Thread(target=writer, args=(
            n, staff, teacher, manager, template, assets[n % len(assets)], acked, stop,
            n < len(assets)), daemon=True)
            for n in range(WRITERS)]
        for t in threads:
            t.start()
        time.sleep(random.uniform(1.0, 3.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        stop.set()
        for t in threads:
            t.join(timeout=15)
        proc = start(data, url)
        lost, intact = check(url, data, list(acked))
        total_acked += len(acked)
        total_lost += len(lost)
        broken += 0 if intact else 1
        print(f"trial {trial}: {len(acked)} writes acknowledged, {len(lost)} lost, "
              f"database {'intact' if intact else 'DAMAGED'}", flush=True)
    proc.send_signal(signal.SIGTERM)
    proc.wait()
    print(f"{KIND}: trials {TRIALS}, writers {WRITERS}, writes acknowledged {total_acked}, "
          f"writes lost {total_lost} (target 0), damaged after restart {broken}")
    drop_database(url)
    sys.exit(1 if total_lost or broken else 0)


if __name__ == "__main__":
    main()
