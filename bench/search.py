#!/usr/bin/env python3
"""Demo and search timings (issue 5 item 8, issue 7 item 4).

Times `samspil demo` on a fresh database, then the case search three ways on the demo data:
GET /api/v1/cases?q=… over HTTP (bearer token; includes the visibility scope, the audit
entry and JSON), the storage query alone via raw SQL (sqlite3 module / psql), and the same
raw SQL with a state filter. Medians of N runs.

Usage: SAMSPIL_BIN=build/samspil bench/search.py sqlite|postgresql [N]
       (postgresql needs SAMSPIL_TEST_POSTGRES_URL: a server where it may CREATE DATABASE)
"""
import base64
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "e2e"))
from harness import Server, fresh_postgres_database, run, sqlite_url  # noqa: E402

SQLITE_SQL = ("SELECT c.id FROM cases c WHERE c.tenant = 'demo' AND c.rowid IN "
              "(SELECT rowid FROM cases_fts WHERE cases_fts MATCH '\"gråd\"*') {extra} ORDER BY c.id LIMIT 50")
PG_SQL = ("SELECT c.id FROM cases c WHERE c.tenant = 'demo' AND to_tsvector('danish', c.title) @@ "
          "plainto_tsquery('danish', 'gråd') {extra} ORDER BY c.id LIMIT 50")


def median_ms(fn, n):
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main():
    engine = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    with tempfile.TemporaryDirectory() as tmp:
        url = sqlite_url(tmp) if engine == "sqlite" else fresh_postgres_database()
        assert run("migrate", "--database-url", url).returncode == 0
        key = base64.b64encode(os.urandom(32)).decode()
        env = dict(os.environ, SAMSPIL_SECRET_KEY=key)
        t = time.perf_counter()
        assert run("demo", "--database-url", url, env=env).returncode == 0
        print(f"samspil demo ({engine}): {time.perf_counter() - t:.2f} s (whole process)")
        token = run("token", "create", "--database-url", url, "--tenant", "demo", "--user",
                    "ppr-leder@demo-kommune.invalid").stdout.strip().splitlines()[-1].strip()
        server = Server(url, "--secure-cookies", "0", env={"SAMSPIL_SECRET_KEY": key})
        try:
            def api(q):
                req = urllib.request.Request(server.url("/api/v1/cases?" + q), headers={"Authorization": "Bearer " + token})
                with urllib.request.urlopen(req, timeout=20) as r:
                    r.read()
            api("q=gr%C3%A5d")
            print(f"GET /api/v1/cases?q=gråd: {median_ms(lambda: api('q=gr%C3%A5d'), n):.2f} ms")
            print(f"GET /api/v1/cases?q=gråd&state=distrikt: {median_ms(lambda: api('q=gr%C3%A5d&state=distrikt'), n):.2f} ms")
            print(f"GET /api/v1/cases (no filter): {median_ms(lambda: api(''), n):.2f} ms")
        finally:
            server.stop()
        for label, extra in (("raw SQL q", ""), ("raw SQL q+state", "AND c.state = 'distrikt'")):
            if engine == "sqlite":
                con = sqlite3.connect(url[len("sqlite://"):])
                sql = SQLITE_SQL.format(extra=extra)
                print(f"{label} (sqlite3 module): {median_ms(lambda: con.execute(sql).fetchall(), n):.3f} ms")
                con.close()
            else:
                sql = PG_SQL.format(extra=extra)
                out = subprocess.run(["psql", url, "-qAt"], input="\\timing on\n" + (sql + ";\n") * n,
                                     capture_output=True, text=True, check=True).stdout
                times = [float(l.split()[1]) for l in out.splitlines() if l.startswith("Time:")]
                print(f"{label} (psql \\timing): {statistics.median(times):.3f} ms")


if __name__ == "__main__":
    main()
