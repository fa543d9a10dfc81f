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
import json
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

USER = "ppr-leder@demo-kommune.invalid"

# The statement samspil's case search runs (src/storage/case_search.cpp, case_search_query)
# for a PPR district lead: the same columns, the same join, the same visibility clause, the
# same order and limit. {text} and {extra} are filled per dialect and case.
SEARCH_SQL = (
    "SELECT c.id, c.tenant, c.child_id, c.model_id, c.state, c.title, c.unit_id, c.created_by, c.assigned_to, "
    "c.ppr_unit_id, c.ppr_requested_at, c.tried_recorded_at, c.opened_at, c.closed_at, "
    "c.close_reason, c.retention_until, c.created_at, c.updated_at, ch.unit_id "
    "FROM cases c JOIN children ch ON ch.id = c.child_id AND ch.tenant = c.tenant "
    "WHERE c.tenant = {tenant} AND c.id > '' AND (c.assigned_to = {user} OR EXISTS (SELECT 1 FROM case_participants cp "
    "WHERE cp.tenant = c.tenant AND cp.case_id = c.id AND cp.user_id = {user}) OR ch.unit_id IN ({led}) "
    "OR (c.ppr_requested_at IS NOT NULL AND c.ppr_unit_id IN ({ppr}))){extra}{text} ORDER BY c.id LIMIT 50")
SQLITE_TEXT = " AND c.rowid IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH '\"gråd\"*')"
PG_TEXT = " AND to_tsvector('danish', c.title) @@ plainto_tsquery('danish', 'gråd')"


def quote(value):
    return "'" + value.replace("'", "''") + "'"


def search_sql(engine, scope, extra, with_text=True):
    """scope: (tenant, user id, led unit ids, ppr unit ids), read from the database."""
    tenant, user, led, ppr = scope
    in_list = lambda ids: ", ".join(map(quote, ids)) if ids else "NULL"  # noqa: E731
    text = (SQLITE_TEXT if engine == "sqlite" else PG_TEXT) if with_text else ""
    return SEARCH_SQL.format(tenant=quote(tenant), user=quote(user), led=in_list(led), ppr=in_list(ppr),
                             extra=extra, text=text)


SCOPE_SQL = ("SELECT u.tenant, u.id, m.unit_id, m.is_leader FROM users u LEFT JOIN unit_memberships m "
             "ON m.tenant = u.tenant AND m.user_id = u.id WHERE u.email = '" + USER + "' AND u.tenant = 'demo'")


def scope_from(rows):
    # The actor of a PPR district lead: led units (is_leader) and, being the district
    # lead, every unit of theirs counts as a PPR unit (src/service/cases/case_access.cpp).
    tenant, user = rows[0][0], rows[0][1]
    units = [r[2] for r in rows if r[2]]
    led = [r[2] for r in rows if r[2] and int(r[3])]
    return tenant, user, led, units


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
                    return len(json.loads(r.read())["items"])

            def healthz():
                with urllib.request.urlopen(server.url("/healthz"), timeout=20) as r:
                    r.read()
            # The HTTP floor of this client (a new connection per request, Python urllib):
            # what any answer costs here before the search itself.
            healthz()
            print(f"GET /healthz (HTTP floor of this client): {median_ms(healthz, n):.2f} ms")
            for label, q in (("q=gråd", "q=gr%C3%A5d"), ("q=gråd&state=distrikt", "q=gr%C3%A5d&state=distrikt"),
                             ("(no filter)", "")):
                rows = api(q)
                print(f"GET /api/v1/cases?{label} ({rows} rows): {median_ms(lambda: api(q), n):.2f} ms")
        finally:
            server.stop()
        cases = [("raw SQL q", "", True), ("raw SQL q+state", " AND c.state = 'distrikt'", True),
                 ("raw SQL no filter", "", False)]
        if engine == "sqlite":
            con = sqlite3.connect(url[len("sqlite://"):])
            scope = scope_from(con.execute(SCOPE_SQL).fetchall())
            for label, extra, with_text in cases:
                sql = search_sql(engine, scope, extra, with_text)
                rows = len(con.execute(sql).fetchall())
                print(f"{label} (sqlite3 module, {rows} rows): {median_ms(lambda: con.execute(sql).fetchall(), n):.3f} ms")
            con.close()
        else:
            out = subprocess.run(["psql", url, "-qAtF", "|", "-c", SCOPE_SQL], capture_output=True, text=True,
                                 check=True).stdout
            scope = scope_from([line.split("|") for line in out.splitlines() if line])
            for label, extra, with_text in cases:
                sql = search_sql(engine, scope, extra, with_text)
                out = subprocess.run(["psql", url, "-qAt"], input="\\timing on\n" + (sql + ";\n") * n,
                                     capture_output=True, text=True, check=True).stdout
                times = [float(l.split()[1]) for l in out.splitlines() if l.startswith("Time:")]
                print(f"{label} (psql \\timing): {statistics.median(times):.3f} ms")

if __name__ == "__main__":
    main()
