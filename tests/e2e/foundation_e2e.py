#!/usr/bin/env python3
"""End-to-end tests of the foundation against the real samspil binary.

Usage: foundation_e2e.py SCENARIO   (SAMSPIL_BIN names the binary; ctest sets it)
Each scenario asserts behaviour a municipality's operator relies on and exits non-zero
with the reason when it does not hold.
"""
import os
import pathlib
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

from harness import (SOURCE, Failure, PrivateCluster, Server, check, fresh_postgres_database, json_lines, run,
                     scenario_main, sqlite_url)


def database_for(engine, tmp):
    return sqlite_url(tmp) if engine == "sqlite" else fresh_postgres_database()


def scenario_ops_endpoints(engine):
    """healthz, readyz, metrics, request ids, JSON access log without personal data, SIGTERM → 0."""
    with tempfile.TemporaryDirectory() as tmp:
        server = Server(database_for(engine, tmp), "--migrate")
        status, headers, body = server.get("/healthz")
        check(status == 200 and body == "ok\n", f"/healthz: {status} {body!r}")
        check(len(headers.get("X-Request-Id", "")) >= 8, f"no request id: {headers}")
        status, _, body = server.get("/readyz")
        check(status == 200 and "ready" in body, f"/readyz: {status} {body}")
        # A well-formed incoming request id is kept, so a proxy's id follows the request.
        status, headers, _ = server.get("/healthz", {"X-Request-Id": "proxy-id-12345678"})
        check(headers.get("X-Request-Id") == "proxy-id-12345678", f"request id not kept: {headers}")
        # Something that looks like a CPR number in a query string must never reach the log.
        server.get("/healthz?cpr=0101011234&navn=Hansen")
        server.get("/ingen-side?cpr=0101011234")
        status, headers, body = server.get("/metrics")
        check(status == 200, f"/metrics: {status}")
        check('samspil_http_requests_total{route="healthz",status="200"}' in body, "no healthz counter:\n" + body)
        check("samspil_http_request_duration_seconds_bucket" in body, "no latency histogram")
        check("samspil_jobs_ready" in body, "no job queue gauge")
        check("samspil_db_pool_size" in body, "no pool gauge")
        check("Content-Security-Policy" in headers, f"no CSP header: {headers}")
        code, lines = server.stop(signal.SIGTERM)
        check(code == 0, f"SIGTERM exit code {code}; stderr: {server.stderr()}")
        everything = "".join(lines) + server.stderr()
        check("0101011234" not in everything and "Hansen" not in everything, "personal data in the log")
        access = [e for e in json_lines(lines) if e.get("route") is not None]
        check(any(e.get("route") == "healthz" and e.get("status") == 200 for e in access),
              "no JSON access-log line for /healthz:\n" + "".join(lines))
        check(all("request_id" in e for e in access), "access-log line without request id")


def scenario_bad_requests_keep_serving(engine):
    """Malformed, oversized and slow requests get 4xx; the server keeps serving others."""
    with tempfile.TemporaryDirectory() as tmp:
        server = Server(database_for(engine, tmp), "--migrate", "--body-limit", "2048", "--header-limit", "2048",
                        "--read-timeout-ms", "500")
        answer = server.raw(b"THIS IS NOT HTTP\r\n\r\n")
        check(answer.startswith("HTTP/1.1 400"), f"garbage: {answer[:80]!r}")
        answer = server.raw(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 4000 + b"\r\n\r\n")
        check(answer.startswith("HTTP/1.1 431"), f"big header: {answer[:80]!r}")
        answer = server.raw(b"POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n" + b"x" * 1000)
        check(answer.startswith("HTTP/1.1 413"), f"big body: {answer[:80]!r}")
        started = time.time()
        answer = server.raw(b"GET /healthz HTTP/1.1\r\nHost: x\r\n", read_timeout=5)
        check(answer.startswith("HTTP/1.1 408"), f"slow client: {answer[:80]!r}")
        check(time.time() - started < 4, "slow client held longer than the read timeout")
        status, _, _ = server.get("/healthz")
        check(status == 200, "server stopped serving after bad requests")
        code, _ = server.stop()
        check(code == 0, f"exit code {code}")


def scenario_database_unreachable_at_start(_engine):
    """An unreachable database at start-up: one clear line and exit code != 0."""
    result = run("serve", "--database-url", "postgresql://samspil:hemmelig@127.0.0.1:1/samspil",
                 "--listen", "127.0.0.1:0")
    check(result.returncode != 0, "serve started without a database")
    err = result.stderr.strip().splitlines()
    check(len(err) == 1 and "database" in err[0], f"not one clear line: {result.stderr!r}")
    check("hemmelig" not in result.stderr, "password in the error message")


def scenario_database_goes_away():
    """PostgreSQL stops while serving: 503 on /readyz; recovery without restart."""
    cluster = PrivateCluster()
    try:
        server = Server(cluster.url, "--migrate")
        check(server.get("/readyz")[0] == 200, "not ready at start")
        cluster.stop()
        status, headers, body = server.get("/readyz")
        check(status == 503, f"/readyz with the database away: {status}")
        check(headers.get("Content-Type", "").startswith("application/problem+json"), f"not a problem: {headers}")
        check("databasen" in body.lower(), f"no Danish message: {body}")
        check(server.get("/healthz")[0] == 200, "/healthz must not depend on the database")
        cluster.start()
        deadline = time.time() + 15
        status = None
        while time.time() < deadline:
            status = server.get("/readyz")[0]
            if status == 200:
                break
            time.sleep(0.3)
        check(status == 200, f"no recovery after the database came back: {status}")
        code, _ = server.stop()
        check(code == 0, f"exit code {code}: {server.stderr()}")
    finally:
        cluster.remove()


def scenario_serve_requires_current_schema(engine):
    """serve refuses an un-migrated database unless --migrate; migrate is idempotent."""
    with tempfile.TemporaryDirectory() as tmp:
        url = database_for(engine, tmp)
        result = run("serve", "--database-url", url, "--listen", "127.0.0.1:0")
        check(result.returncode != 0 and "migrate" in result.stderr, f"served un-migrated: {result.stderr!r}")
        first = run("migrate", "--database-url", url)
        check(first.returncode == 0, f"migrate: {first.stderr}")
        again = run("migrate", "--database-url", url)
        check(again.returncode == 0 and "applied 0" in again.stdout, f"second migrate: {again.stdout!r}")
        status = run("migrate", "--status", "--database-url", url)
        check(status.returncode == 0, f"status: {status.stdout} {status.stderr}")


def scenario_migrations_edited_and_failing(engine):
    """An edited applied migration is refused; a failing one rolls back and names file and statement."""
    with tempfile.TemporaryDirectory() as tmp:
        data = pathlib.Path(tmp) / "data"
        shutil.copytree(SOURCE / "migrations", data / "migrations")
        env = {"SAMSPIL_DATA_DIR": str(data)}
        url = database_for(engine, tmp)
        check(run("migrate", "--database-url", url, env=env).returncode == 0, "first migrate failed")
        # A failing migration: its first statement must not survive.
        bad = data / "migrations" / "9999_broken.sql"
        bad.write_text("CREATE TABLE e2e_half_done (a INTEGER);\nINSERT INTO no_such_table VALUES (1);\n")
        result = run("migrate", "--database-url", url, env=env)
        check(result.returncode != 0, "a failing migration succeeded")
        check("9999_broken.sql" in result.stderr and "no_such_table" in result.stderr,
              f"file or statement not named: {result.stderr!r}")
        if engine == "sqlite":
            con = sqlite3.connect(url.removeprefix("sqlite://"))
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            con.close()
        else:
            out = subprocess.run(["psql", url, "-Atc", "SELECT tablename FROM pg_tables"], capture_output=True,
                                 text=True, check=True).stdout
            tables = set(out.split())
        check("e2e_half_done" not in tables, "the failed migration was not rolled back")
        bad.unlink()
        # Editing an applied migration is refused with a clear message naming it.
        other = "postgresql" if engine == "sqlite" else "sqlite"
        first = [p for p in sorted((data / "migrations").glob("0001_*")) if f".{other}." not in p.name][0]
        first.write_text(first.read_text() + "\n-- edited afterwards\n")
        result = run("migrate", "--database-url", url, env=env)
        check(result.returncode != 0 and first.name in result.stderr, f"edited migration: {result.stderr!r}")
        result = run("serve", "--database-url", url, "--listen", "127.0.0.1:0", env=env)
        check(result.returncode != 0 and first.name in result.stderr, f"serve on edited: {result.stderr!r}")


def scenario_demo(engine):
    """samspil demo creates Demo Kommune with an administrator log-in, once."""
    with tempfile.TemporaryDirectory() as tmp:
        url = database_for(engine, tmp)
        first = run("demo", "--database-url", url)
        check(first.returncode == 0 and "Oprettet: Demo Kommune" in first.stdout, f"demo: {first.stdout}{first.stderr}")
        check("admin@demo-kommune.invalid" in first.stdout, "no administrator log-in printed")
        second = run("demo", "--database-url", url)
        check(second.returncode == 0 and "Findes allerede" in second.stdout, f"second demo: {second.stdout}")
        query = "SELECT role, password_hash FROM users WHERE email = 'admin@demo-kommune.invalid'"
        if engine == "sqlite":
            con = sqlite3.connect(url.removeprefix("sqlite://"))
            rows = con.execute(query).fetchall()
            con.close()
        else:
            out = subprocess.run(["psql", url, "-Atc", query], capture_output=True, text=True, check=True).stdout
            rows = [tuple(line.split("|")) for line in out.split()]
        check(len(rows) == 1 and rows[0][0] == "administrator", f"users: {rows}")
        check(rows[0][1].startswith("$argon2id$"), "password not hashed with Argon2id")
    # A database that already serves a municipality never gets the published demo log-ins.
    with tempfile.TemporaryDirectory() as tmp:
        url = database_for(engine, tmp)
        check(run("migrate", "--database-url", url).returncode == 0, "migrate failed")
        insert = "INSERT INTO tenants (id, name, created_at) VALUES ('rigtig', 'En rigtig kommune', 0)"
        if engine == "sqlite":
            con = sqlite3.connect(url.removeprefix("sqlite://"))
            con.execute(insert)
            con.commit()
            con.close()
        else:
            subprocess.run(["psql", url, "-qc", insert], check=True, capture_output=True)
        refused = run("demo", "--database-url", url)
        check(refused.returncode != 0 and "already holds a municipality" in refused.stderr,
              f"demo in a real municipality's database: {refused.returncode} {refused.stderr!r}")


def scenario_config(_engine):
    """Bad values give one message each; --help documents env names; secrets from files."""
    result = run("serve", "--listen", "nowhere", "--body-limit", "5", "--log-level", "loud",
                 "--database-url", "mysql://x")
    check(result.returncode != 0, "invalid config accepted")
    for flag in ("--listen", "--body-limit", "--log-level", "--database-url"):
        check(flag in result.stderr, f"no message for {flag}: {result.stderr!r}")
    help_text = run("serve", "--help")
    check(help_text.returncode == 0 and "SAMSPIL_LISTEN" in help_text.stdout, "serve --help lacks env names")
    top = run("--help")
    check(top.returncode == 0 and "migrate" in top.stdout and "serve" in top.stdout, "samspil --help")
    with tempfile.TemporaryDirectory() as tmp:
        secret = pathlib.Path(tmp) / "db-url"
        secret.write_text(sqlite_url(tmp) + "\n")
        env = {"SAMSPIL_DATABASE_URL_FILE": str(secret)}
        check(run("migrate", env=env).returncode == 0, "migrate with SAMSPIL_DATABASE_URL_FILE")
        check(pathlib.Path(tmp, "samspil.db").exists(), "the URL from the file was not used")
        config = pathlib.Path(tmp) / "samspil.toml"
        config.write_text(f'[serve]\ndatabase-url = "{sqlite_url(tmp)}"\nlisten = "127.0.0.1:0"\nbody-limit = 5\n')
        result = run("serve", "--config", str(config))
        check(result.returncode != 0 and "--body-limit" in result.stderr, f"config file not read: {result.stderr!r}")


SCENARIOS = {
    "ops_endpoints": scenario_ops_endpoints,
    "bad_requests_keep_serving": scenario_bad_requests_keep_serving,
    "database_unreachable_at_start": scenario_database_unreachable_at_start,
    "serve_requires_current_schema": scenario_serve_requires_current_schema,
    "migrations_edited_and_failing": scenario_migrations_edited_and_failing,
    "demo": scenario_demo,
    "config": scenario_config,
    "database_goes_away": scenario_database_goes_away,
}


if __name__ == "__main__":
    sys.exit(scenario_main(SCENARIOS, __doc__))
