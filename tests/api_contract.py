"""The API against its own contract: schemathesis (PyPI) reads /api/v1/openapi.json of a demo
server and calls every operation with generated requests — valid and invalid, and chained by the
document's links — as the admin and as a teacher, on each database asked for.

    python3 tests/api_contract.py [sqlite|postgres|both] [examples per operation]

Fails on any 5xx, any answer whose status, content type, headers or body the document does not
describe, and any request that takes over 10 s (a hang). Prints operations × examples run and the
failures. Whether the document's request limits match what the server accepts (schemathesis's
positive_data_acceptance and negative_data_rejection checks) is not yet part of the run: see the
README's list of what is not done."""

import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
from rounds_http import Api, kinds, with_server  # noqa: E402

SCHEMATHESIS = os.path.join(os.environ.get("ROUNDS_TOOLS", ""), "schemathesis", "bin", "schemathesis")
CHECKS = ",".join([
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "response_schema_conformance",
])
# Signing out (everywhere) would end the run's own token halfway.
LEAVE_OUT = ["/api/v1/auth/sessions", "/api/v1/auth/token"]


def run(kind, examples):
    base = "http://127.0.0.1:3911" if kind == "sqlite" else "http://127.0.0.1:3912"
    failures = []

    def measure(_server):
        api = Api(base)
        for login in ["demo-admin", "demo-teacher"]:
            token = api.token(login)
            args = [SCHEMATHESIS, "run", f"{base}/api/v1/openapi.json", "--url", base,
                    "-H", f"Authorization: Bearer {token}", "--checks", CHECKS,
                    "--max-examples", str(examples), "--request-timeout", "10", "--seed", "7",
                    "--no-color", "--suppress-health-check", "all", "--generation-database", "none"]
            for path in LEAVE_OUT:
                args += ["--exclude-path", path]
            done = subprocess.run(args, capture_output=True, text=True)
            summary = [line for line in done.stdout.splitlines()
                       if "generated" in line or "Tested:" in line or " failures" in line
                       or "passed" in line]
            print(f"{kind}, {login}: " + "; ".join(s.strip() for s in summary), flush=True)
            if done.returncode != 0:
                found = done.stdout.find("FAILURES")
                lines = done.stdout[found if found >= 0 else 0:].splitlines()
                print("\n".join(line[:300] for line in lines[:200]))
                failures.append(f"{kind}/{login}")

    with_server(kind, "rounds-contract-", base, lambda data, url: ["--demo"], measure)
    return failures


def main():
    examples = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    failed = [f for kind in kinds(sys.argv) for f in run(kind, examples)]
    if failed:
        raise SystemExit("the API broke its contract: " + ", ".join(failed))
    print("api contract: no server error, every answer as documented")


if __name__ == "__main__":
    main()
