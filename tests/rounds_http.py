"""What the scripted trials (crash.py, load.py) share: UUIDv7s made as a phone makes them, calls to
the REST API, a `rounds` process started and awaited, a fresh PostgreSQL database, and the
inspection records the offline sync takes."""

import json
import os
import secrets
import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

PG = os.environ.get("ROUNDS_TEST_POSTGRES", "postgres://postgres@127.0.0.1:5432")
ROUNDS = "target/release/rounds"


def uuid7():
    """A UUIDv7: 48 bits of milliseconds, then random bits with version 7 and variant 10."""
    ms = int(time.time() * 1000)
    b = bytearray(ms.to_bytes(6, "big") + secrets.token_bytes(10))
    b[6] = (b[6] & 0x0F) | 0x70
    b[8] = (b[8] & 0x3F) | 0x80
    h = b.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


class Api:
    """The REST API of one running server."""

    def __init__(self, base):
        self.base = base

    def call(self, method, path, token=None, body=None, timeout=10):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + "/api/v1" + path, data=data, method=method)
        req.add_header("content-type", "application/json")
        if token:
            req.add_header("authorization", f"Bearer {token}")
        with urllib.request.urlopen(req, timeout=timeout) as res:
            return res.status, json.loads(res.read() or b"null")

    def token(self, login, password="rounds-demo"):
        return self.call("POST", "/auth/token", body={"login": login, "password": password})[1]["token"]

    def session_cookie(self, login, password="rounds-demo"):
        """Signs in through the sign-in form, as a browser does; returns `rounds_session=…`."""
        form = urllib.parse.urlencode({"login": login, "password": password, "next": "/"}).encode()
        req = urllib.request.Request(self.base + "/auth/signin", data=form, method="POST")
        opener = urllib.request.build_opener(NoRedirect)
        try:
            res = opener.open(req, timeout=10)
        except urllib.error.HTTPError as redirect:
            res = redirect
        for header in res.headers.get_all("set-cookie") or []:
            if header.startswith("rounds_session="):
                return header.split(";", 1)[0]
        raise SystemExit(f"signing in {login} gave no session (status {res.status})")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def serve(data, url, base, *extra, env=None):
    """Starts `rounds serve` on `base`'s port over the database `url`; returns once it answers."""
    port = base.rsplit(":", 1)[1]
    log = open(os.path.join(data, "server.log"), "ab")
    proc = subprocess.Popen(
        [ROUNDS, "serve", "--addr", f"127.0.0.1:{port}", "--data", data, "--database-url", url,
         "--public-url", base, *extra],
        stdout=log, stderr=log, env=env)
    for _ in range(600):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1)
            return proc
        except Exception:
            if proc.poll() is not None:
                break
            time.sleep(0.05)
    proc.kill()
    raise SystemExit("the server did not start; see " + os.path.join(data, "server.log"))


def create_database(kind, data, prefix):
    """The database URL for a trial: a file in `data` on SQLite, a fresh database on PostgreSQL."""
    if kind == "sqlite":
        return f"sqlite://{data}/rounds.db"
    name = f"{prefix}_{secrets.token_hex(4)}"
    subprocess.run(["psql", f"{PG}/postgres", "-qc", f"CREATE DATABASE {name}"], check=True)
    return f"{PG}/{name}"


def kinds(argv):
    """The databases a benchmark runs on: its first argument, sqlite, postgres or both (the default)."""
    arg = argv[1] if len(argv) > 1 else "both"
    return ["sqlite", "postgres"] if arg == "both" else [arg]


def generate(data, url, assets, inspections):
    """`rounds generate` of one school into `url`; the seconds it took."""
    start = time.perf_counter()
    subprocess.run([ROUNDS, "generate", "--schools", "1", "--assets", str(assets),
                    "--inspections", str(inspections), "--data", data, "--database-url", url],
                   check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def with_server(kind, prefix, base, prepare, measure):
    """A fresh database of `kind` and data folder, `prepare(data, url)` (which returns the serve
    command's extra arguments), the server on `base`, then `measure(server)`; all removed after."""
    data = tempfile.mkdtemp(prefix=prefix)
    url = create_database(kind, data, prefix.strip("-").replace("-", "_"))
    try:
        extra = prepare(data, url)
        server = serve(data, url, base, *extra, env={**os.environ, "RUST_LOG": "warn"})
        try:
            measure(server)
        finally:
            server.terminate()
            server.wait()
    finally:
        drop_database(url)
        shutil.rmtree(data, ignore_errors=True)


def drop_database(url):
    if url.startswith("postgres"):
        name = url.rsplit("/", 1)[1]
        subprocess.run(["psql", f"{PG}/postgres", "-qc", f"DROP DATABASE {name} WITH (FORCE)"])


def inspection(template, asset, failed_note=None):
    """One queued inspection of `asset` with `template`, as the offline round sends it; with
    `failed_note`, its first item fails with that note."""
    answers = [{"key": item["key"], "value": "fail" if failed_note and n == 0 else "pass",
                "note": failed_note if failed_note and n == 0 else "", "photos": []}
               for n, item in enumerate(template["items"])]
    room = asset.get("room")
    return {"kind": "inspection",
            "record": {"id": uuid7(), "template_id": template["id"], "asset_id": asset["id"],
                       "inspected_at": "2026-12-04T09:30:00+08:00", "answers": answers, "notes": ""},
            "seen": {"room_id": room["id"] if room else None, "status": "in_use"}}
