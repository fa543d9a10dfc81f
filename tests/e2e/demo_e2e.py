#!/usr/bin/env python3
"""End-to-end test of `samspil demo` at scale and the case list filters over the API
(issue 5 item 8, issue 7 item 4): 200 fictional children with guardians (two custody holders,
one, foster parents), a staff member of every profession in models/common/professions.yaml,
cases in every state of the default model with consents, timeline and PPR queue entries,
no CPR numbers, few audit entries; a second run changes nothing; a database of another
municipality is refused. Then GET /api/v1/cases?state=&unit=&q= over a bearer token.

Usage: demo_e2e.py SCENARIO ENGINE   (SAMSPIL_BIN names the binary; ctest sets it)
"""
import base64
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

import yaml

from harness import Failure, Server, check, fresh_postgres_database, run, scenario_main, sqlite_url

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")


def query(url, sql):
    if url.startswith("sqlite"):
        con = sqlite3.connect(url[len("sqlite://"):])
        rows = [tuple(str(v) for v in row) for row in con.execute(sql).fetchall()]
        con.close()
        return rows
    out = subprocess.run(["psql", url, "-Atc", sql], capture_output=True, text=True, check=True).stdout
    return [tuple(line.split("|")) for line in out.splitlines() if line]


def count(url, sql):
    return int(query(url, sql)[0][0])


def model_states():
    with open(os.path.join(ROOT, "models", "ppr-vejen-ind.yaml"), encoding="utf-8") as f:
        return [s["id"] for s in yaml.safe_load(f)["case"]["states"]]


def professions():
    with open(os.path.join(ROOT, "models", "common", "professions.yaml"), encoding="utf-8") as f:
        return [p["id"] for p in yaml.safe_load(f)["professions"]]


def snapshot(url):
    tables = ("users", "units", "children", "guardianships", "cases", "case_events", "consents", "audit_log")
    return {t: count(url, f"SELECT COUNT(*) FROM {t}") for t in tables}


def scenario_scale(engine):
    with tempfile.TemporaryDirectory() as tmp:
        url = sqlite_url(tmp) if engine == "sqlite" else fresh_postgres_database()
        check(run("migrate", "--database-url", url).returncode == 0, "migrate failed")
        env = dict(os.environ, SAMSPIL_SECRET_KEY=base64.b64encode(os.urandom(32)).decode())
        started = time.monotonic()
        first = run("demo", "--database-url", url, env=env)
        seconds = time.monotonic() - started
        check(first.returncode == 0 and "Oprettet: Demo Kommune" in first.stdout, f"demo: {first.stdout}{first.stderr}")
        print(f"demo on {engine}: {seconds:.2f} s")

        children = count(url, "SELECT COUNT(*) FROM children WHERE tenant = 'demo'")
        check(children >= 202, f"200 generated children and the demo family, got {children}")
        for kept in ("demo-child-emma", "demo-child-oliver"):
            check(count(url, f"SELECT COUNT(*) FROM children WHERE id = '{kept}'") == 1, f"{kept} is kept")
        check(count(url, "SELECT COUNT(*) FROM children WHERE cpr_encrypted IS NOT NULL AND cpr_encrypted <> ''") == 0,
              "no demo child has a CPR number")
        states = {row[0]: int(row[1]) for row in query(url, "SELECT state, COUNT(*) FROM cases GROUP BY state")}
        for state in model_states():
            check(states.get(state, 0) >= 1, f"no demo case in state {state}: {states}")
        have = {row[0] for row in query(url, "SELECT DISTINCT profession FROM user_professions WHERE tenant = 'demo'")}
        missing = [p for p in professions() if p not in have]
        check(not missing, f"professions without a demo staff member: {missing}")
        two = count(url, "SELECT COUNT(*) FROM (SELECT child_id FROM guardianships WHERE has_custody = 1 "
                         "GROUP BY child_id HAVING COUNT(*) = 2) x")
        foster = count(url, "SELECT COUNT(*) FROM guardianships WHERE relation = 'foster_parent'")
        check(two >= 20 and foster >= 5, f"two custody holders: {two}, foster parents: {foster}")
        check(count(url, "SELECT COUNT(*) FROM consents WHERE scope = 'ppr_request_single_child'") >= 50, "consents")
        check(count(url, "SELECT COUNT(*) FROM cases WHERE ppr_requested_at IS NOT NULL") >= 80, "PPR queue entries")
        check(count(url, "SELECT COUNT(*) FROM cases WHERE tried_encrypted IS NOT NULL AND tried_encrypted <> ''")
              >= 100, "what was tried, sealed")
        check(count(url, "SELECT COUNT(*) FROM case_events") >= 600, "timeline events")
        # The generated rows have no audit entries; the demo meetings go through the services,
        # which audit each change (tens of entries, never one per generated row).
        check(count(url, "SELECT COUNT(*) FROM audit_log") < 150, "no audit entry per generated row")
        # Demo meetings (app/demo/demo_meetings.cpp): the start-up meeting on Emma's case with a
        # confirmed agreement and its PDF, its follow-up, and a formøde on demo-case-033.
        check(count(url, "SELECT COUNT(*) FROM meetings WHERE case_id = 'demo-case-emma'") == 2, "Emma's meetings")
        check(count(url, "SELECT COUNT(*) FROM meetings WHERE case_id = 'demo-case-033' AND type_id = 'formoede'") == 1,
              "the formøde of demo-case-033")
        check(count(url, "SELECT COUNT(*) FROM meetings WHERE follow_up_of IS NOT NULL AND follow_up_of <> ''") == 1,
              "one follow-up meeting")
        check(count(url, "SELECT COUNT(*) FROM agreements WHERE status = 'final'") == 1, "one confirmed agreement")
        check(count(url, "SELECT COUNT(*) FROM meeting_participants WHERE response = 'accepted'") >= 4,
              "accepted invitations")
        check(count(url, "SELECT COUNT(*) FROM meeting_participants WHERE response = 'pending'") >= 2,
              "invitations not answered yet")
        check(count(url, "SELECT COUNT(*) FROM cases WHERE id = 'demo-case-emma' AND state = 'forloeb'") == 1,
              "the start-up meeting moved Emma's case into the PPR course")
        # The published log-ins of the README still work: the generated staff share one password.
        check(count(url, "SELECT COUNT(*) FROM users WHERE email = 'psykolog@demo-kommune.invalid'") == 1, "psykolog")

        before = snapshot(url)
        second = run("demo", "--database-url", url, env=env)
        check(second.returncode == 0 and "Findes allerede" in second.stdout, f"second demo: {second.stdout}")
        check(snapshot(url) == before, f"a second run changed something: {before} -> {snapshot(url)}")

        # The case list's filters over the API, on the demo data.
        made = run("token", "create", "--database-url", url, "--tenant", "demo", "--user", "ppr-leder@demo-kommune.invalid")
        check(made.returncode == 0, f"token create: {made.stderr}")
        token = made.stdout.strip().splitlines()[-1].strip()
        server = Server(url, "--secure-cookies", "0", env={"SAMSPIL_SECRET_KEY": env["SAMSPIL_SECRET_KEY"]})
        try:
            def cases(**params):
                request = urllib.request.Request(server.url("/api/v1/cases?" + urllib.parse.urlencode(params)),
                                                 headers={"Authorization": "Bearer " + token})
                with urllib.request.urlopen(request, timeout=20) as r:
                    return json.loads(r.read().decode())["items"]
            queue = cases(limit=200)
            check(len(queue) >= 30, f"the district lead's queue: {len(queue)}")
            district = cases(state="distrikt", limit=200)
            check(district and all(c["state"] == "distrikt" for c in district), f"state filter: {district[:3]}")
            word = cases(q="gråd", limit=200)
            check(word and all("gråd" in c["title"].lower() for c in word), f"text search: {word[:3]}")
            both = cases(q="gråd", state="distrikt", limit=200)
            check({c["id"] for c in both} == {c["id"] for c in word if c["state"] == "distrikt"}, "filters combine")
            check(cases(q="ingenting-hedder-sådan") == [], "no match")
        finally:
            code, _ = server.stop()
            check(code == 0, "server did not stop cleanly: " + server.stderr()[-2000:])


SCENARIOS = {"scale": scenario_scale}


if __name__ == "__main__":
    sys.exit(scenario_main(SCENARIOS, __doc__))
