#!/usr/bin/env python3
"""The job queue across real `samspil` processes (issue 2, item 6).

  exactly-once: N probe jobs, two `samspil jobs work --until-idle` processes on the same
                database; every job runs exactly once and both processes do some of it.
  sigkill:      a worker is killed with SIGKILL in the middle of a slow probe job; the job
                stays 'running' until its lease expires, then another worker retries it
                (attempts = 2, done, one probe row, written by the second worker).

Usage: jobs_processes.py --samspil BUILD/samspil --engine postgresql|sqlite
                         [--scenario exactly-once|sigkill] [--jobs N]
PostgreSQL uses a fresh database on the server in SAMSPIL_TEST_POSTGRES_URL (set by
`make test`); without it the test fails.
"""
import argparse
import os
import random
import signal
import sqlite3
import string
import subprocess
import sys
import tempfile
import time


class Db:
    """A throwaway database and a way to query it without the program under test."""

    def __init__(self, engine):
        self.engine = engine
        suffix = "".join(random.choice(string.ascii_lowercase + string.digits) for _ in range(10))
        if engine == "sqlite":
            self.dir = tempfile.mkdtemp(prefix="samspil-jobs-")
            self.path = os.path.join(self.dir, "jobs.db")
            self.url = "sqlite://" + self.path
            return
        server = os.environ.get("SAMSPIL_TEST_POSTGRES_URL")
        if not server:
            fail("SAMSPIL_TEST_POSTGRES_URL is not set: run the tests via `make test`, which starts "
                 "a throwaway PostgreSQL cluster (tests/pg_cluster.sh)")
        self.server = server
        self.name = "samspil_test_" + suffix
        self.psql(server, f"CREATE DATABASE {self.name}")
        head = server.split("?")[0]
        self.url = head[: head.rfind("/")] + "/" + self.name

    @staticmethod
    def psql(url, sql):
        out = subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql],
                             check=True, capture_output=True, text=True)
        return out.stdout.strip()

    def value(self, sql):
        if self.engine == "sqlite":
            with sqlite3.connect(self.path, timeout=30) as c:
                return c.execute(sql).fetchone()[0]
        return int(self.psql(self.url, sql))

    def row(self, sql):
        if self.engine == "sqlite":
            with sqlite3.connect(self.path, timeout=30) as c:
                return tuple(c.execute(sql).fetchone())
        return tuple(self.psql(self.url, sql).split("|"))

    def drop(self):
        if self.engine == "sqlite":
            subprocess.run(["rm", "-rf", self.dir], check=False)
        else:
            self.psql(self.server, f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)")


def fail(message):
    print("FAIL: " + message, flush=True)
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)
    print("ok: " + message, flush=True)


def samspil(args, binary, db, **kwargs):
    return subprocess.run([binary, *args, "--database-url", db.url], check=True, **kwargs)


def start(args, binary, db):
    return subprocess.Popen([binary, *args, "--database-url", db.url])


def exactly_once(binary, db, jobs):
    samspil(["jobs", "probe", "--count", str(jobs)], binary, db)
    began = time.monotonic()
    work = ["jobs", "work", "--until-idle", "--threads", "2", "--poll-ms", "50", "--batch", "32"]
    procs = [start(work, binary, db) for _ in range(2)]
    codes = [p.wait(timeout=900) for p in procs]
    elapsed = time.monotonic() - began
    check(codes == [0, 0], f"both workers exited 0 (got {codes})")
    runs = db.value("SELECT count(*) FROM job_probe_runs")
    distinct = db.value("SELECT count(DISTINCT job_id) FROM job_probe_runs")
    done = db.value("SELECT count(*) FROM jobs WHERE state = 'done'")
    retried = db.value("SELECT count(*) FROM jobs WHERE attempts <> 1")
    check(runs == jobs, f"{jobs} probe runs recorded (got {runs})")
    check(distinct == jobs, f"{jobs} distinct jobs ran (got {distinct})")
    check(done == jobs, f"all {jobs} jobs done (got {done})")
    # No job should need a second attempt. SQLite's busy handler is not fair, so there a
    # worker may wait out a lease on a starved job; that costs an attempt, not a second run.
    if db.engine == "postgresql":
        check(retried == 0, f"no job needed a second attempt (got {retried})")
    else:
        print(f"jobs with more than one attempt: {retried}", flush=True)
    pids = set()
    for p in procs:
        n = db.value(f"SELECT count(*) FROM job_probe_runs WHERE worker LIKE '%:{p.pid}:%'")
        # On PostgreSQL both processes must share the queue (SKIP LOCKED). SQLite has one
        # writer and an unfair busy handler: one process may legitimately drain it alone.
        if db.engine == "postgresql":
            check(n > 0, f"worker process {p.pid} ran {n} jobs")
        else:
            print(f"worker process {p.pid} ran {n} jobs", flush=True)
        pids.add(p.pid)
    print(f"{jobs} jobs, 2 processes x 2 threads, {db.engine}: {elapsed:.1f} s "
          f"({jobs / elapsed:.0f} jobs/s)", flush=True)


def sigkill(binary, db):
    lease_ms = 1500
    samspil(["jobs", "probe", "--count", "1", "--sleep-ms", "3000"], binary, db)
    victim = start(["jobs", "work", "--lease-ms", str(lease_ms), "--poll-ms", "50"], binary, db)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        state, owner = db.row("SELECT state, coalesce(lease_owner, '') FROM jobs")
        if state == "running" and f":{victim.pid}:" in owner:
            break
        time.sleep(0.05)
    else:
        victim.kill()
        fail("the first worker never leased the job")
    time.sleep(0.5)  # now inside the 3 s probe, within its transaction
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    killed_at = time.monotonic()
    state, attempts = db.row("SELECT state, attempts FROM jobs")
    check(state == "running" and int(attempts) == 1, f"after SIGKILL the job is still running, attempt 1 ({state}, {attempts})")
    check(db.value("SELECT count(*) FROM job_probe_runs") == 0, "the killed run left no probe row")
    rescuer = start(["jobs", "work", "--until-idle", "--lease-ms", str(lease_ms), "--poll-ms", "50"], binary, db)
    code = rescuer.wait(timeout=60)
    took = time.monotonic() - killed_at
    check(code == 0, f"the second worker exited 0 (got {code})")
    state, attempts, owner = db.row("SELECT state, attempts, lease_owner FROM jobs")
    check(state == "done" and int(attempts) == 2, f"the job was retried and is done after 2 attempts ({state}, {attempts})")
    check(f":{rescuer.pid}:" in owner, "the second worker finished it")
    runs = db.value(f"SELECT count(*) FROM job_probe_runs WHERE worker LIKE '%:{rescuer.pid}:%'")
    check(runs == 1 and db.value("SELECT count(*) FROM job_probe_runs") == 1, "exactly one probe row, from the second worker")
    check(took >= 3.0, f"the retry waited for the lease and ran the 3 s job ({took:.1f} s after the kill)")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--samspil", required=True)
    parser.add_argument("--engine", choices=["sqlite", "postgresql"], required=True)
    parser.add_argument("--scenario", choices=["exactly-once", "sigkill"], required=True)
    parser.add_argument("--jobs", type=int, default=10000)
    args = parser.parse_args()
    db = Db(args.engine)
    try:
        samspil(["migrate"], args.samspil, db, stdout=subprocess.DEVNULL)
        if args.scenario == "exactly-once":
            exactly_once(args.samspil, db, args.jobs)
        else:
            sigkill(args.samspil, db)
    finally:
        db.drop()
    print("PASS", flush=True)


if __name__ == "__main__":
    main()
