#!/usr/bin/env python3
"""The authorisation matrix: every route the server serves × every role (anonymous and the
five roles of municipality A), with an object of A's own and one of municipality B filled
into {id}, must answer exactly the status tests/e2e/authz_matrix.json names.

The live route list comes from `samspil routes` (the router serve builds). A route missing
from the table, or a table row naming a route that does not exist, fails the suite — so a
new route cannot be added without deciding who may use it. Beyond the table, two rules are
checked on every answer: nobody gets a 2xx for municipality B's object, and an anonymous
caller gets no 2xx from a route that is not public. Every answer must carry the security
headers (CSP, nosniff, Cache-Control: no-store).

Usage: authz_matrix.py check ENGINE    (SAMSPIL_BIN names the binary)
       authz_matrix.py record ENGINE   rewrites the table from what the server answered, for
                                       review in a diff.
"""
import json
import os
import pathlib
import sys
import tempfile
import time

from harness import Failure, check, fresh_postgres_database, run, scenario_main, sqlite_url, stop_cleanly
from authz_world import ROLES, DrainedServer, World, server_args

TABLE = pathlib.Path(__file__).with_name("authz_matrix.json")
CALLERS = ["anonymous"] + ROLES
UNSAFE = ("POST", "PATCH", "PUT", "DELETE")


def route_key(route):
    return f"{route['method']} {route['pattern']}"


def live_routes(args):
    out = run("routes", *args)
    check(out.returncode == 0, f"samspil routes: {out.stderr}")
    return {route_key(r): r for r in json.loads(out.stdout)}


def body_for(path, method, client):
    if method not in UNSAFE:
        return None, None
    if path.startswith("/api/"):
        return "{}", "application/json"
    return ("csrf_token=" + client.csrf) if client.csrf else "", "application/x-www-form-urlencoded"


def check_headers(key, headers, problems):
    lower = {k.lower(): v for k, v in headers.items()}
    if "default-src" not in lower.get("content-security-policy", ""):
        problems.append(f"{key}: no Content-Security-Policy")
    if lower.get("x-content-type-options") != "nosniff":
        problems.append(f"{key}: no X-Content-Type-Options: nosniff")
    if key.split(" ", 1)[1] != "/api/v1/openapi.json" and lower.get("cache-control") != "no-store":
        problems.append(f"{key}: Cache-Control is {lower.get('cache-control')!r}, not no-store")


def run_matrix(engine, record):
    with tempfile.TemporaryDirectory() as tmp:
        url = sqlite_url(tmp) if engine == "sqlite" else fresh_postgres_database()
        args = server_args(tmp)
        routes = live_routes(args)
        table = json.loads(TABLE.read_text())
        expected = table["routes"]
        problems = []
        if not record:
            for key in sorted(set(routes) - set(expected)):
                problems.append(f"route {key} ({routes[key]['policy']}) is not in authz_matrix.json: decide who may use it")
            for key in sorted(set(expected) - set(routes)):
                problems.append(f"authz_matrix.json names {key}, which the server does not serve")
            for key in sorted(set(expected) & set(routes)):
                if expected[key].get("policy") != routes[key]["policy"]:
                    problems.append(f"{key}: the route's policy is {routes[key]['policy']!r}, the table says "
                                    f"{expected[key].get('policy')!r}")
            if problems:
                raise Failure("\n".join(problems))

        world = World(url)
        run_ok = run("migrate", "--database-url", url)
        check(run_ok.returncode == 0, f"migrate: {run_ok.stderr}")
        server = DrainedServer(url, *args)
        try:
            world.seed(server)
            clients = {role: world.client(server, "A", role) for role in CALLERS}
            observed = {}
            # Safe methods first, so a change made by an allowed write cannot hide a read.
            order = sorted(routes, key=lambda k: (routes[k]["method"] in UNSAFE, k))
            for key in order:
                route = routes[key]
                spec = expected.get(key, {})
                kind = spec.get("object")
                has_param = "{" in route["pattern"]
                if has_param and not kind and not record:
                    problems.append(f"{key}: the table names no object for its path parameter")
                    continue
                kind = kind or guess_object(route["pattern"])
                sides = ["A", "B"] if has_param else ["A"]
                row = {}
                for role in CALLERS:
                    statuses = []
                    for side in sides:
                        path = route["pattern"]
                        if has_param:
                            path = path.replace("{id}", world.objects[(side, kind)])
                        client = clients[role]
                        body, ctype = body_for(path, route["method"], client)
                        status, headers, _ = client.request(route["method"], path, body, ctype)
                        statuses.append(status)
                        check_headers(key, headers, problems)
                        if side == "B" and 200 <= status < 300:
                            problems.append(f"{key} as {role}: {status} for municipality B's {kind}")
                        if role == "anonymous" and route["policy"] not in ("public", "ops") and 200 <= status < 300:
                            problems.append(f"{key} anonymous: {status} on a {route['policy']} route")
                        # A write may end the guardian's session (log-out): sign in again.
                        if role == "guardian" and route["method"] in UNSAFE:
                            probe, _, _ = client.request("GET", "/foraeldre/adgangslog")
                            if probe != 200:
                                clients[role] = world.client(server, "A", "guardian")
                    row[role] = statuses if has_param else statuses[0]
                observed[key] = {"object": kind, **row} if has_param else row
                if not record:
                    for role in CALLERS:
                        want = spec.get(role)
                        if want != row[role]:
                            problems.append(f"{key} as {role}: expected {want}, got {row[role]}")
        except Failure:
            if os.environ.get("AUTHZ_HOLD"):
                print("HOLD", server.proc.pid, file=sys.stderr, flush=True)
                time.sleep(int(os.environ["AUTHZ_HOLD"]))
            server.stop()
            print(server.stderr()[-4000:], file=sys.stderr)
            raise
        finally:
            if server.proc.poll() is None:
                stop_cleanly(server)
        if record:
            for p in problems:
                print("WARNING:", p)
            write_table(table, routes, observed)
            print(f"authz: recorded {len(observed)} routes into {TABLE.name}; review the diff")
            return 0
        if problems:
            raise Failure("\n".join(problems))
        print(f"authz: {len(observed)} routes x {len(CALLERS)} callers as the table says ({engine})")
    return 0


def guess_object(pattern):
    for prefix, kind in (("/sager/", "case"), ("/api/v1/cases/", "case"), ("/api/v1/units/", "unit"),
                         ("/api/v1/users/", "user"), ("/api/v1/guardians/", "guardian"),
                         ("/api/v1/children/", "child"), ("/api/v1/consents/", "consent"), ("token", "token")):
        if pattern.startswith(prefix) or prefix in pattern:
            return kind
    return "case"


def write_table(table, routes, observed):
    """One line per route so a review reads the table as a table."""
    lines = ["{", f'  "about": {json.dumps(table.get("about", ""), ensure_ascii=False)},',
             f'  "callers": {json.dumps(CALLERS)},', '  "routes": {']
    keys = sorted(observed, key=lambda k: (k.split(" ", 1)[1], k))
    for i, key in enumerate(keys):
        entry = dict(observed[key])
        entry = {"policy": routes[key]["policy"], **entry}
        comma = "," if i < len(keys) - 1 else ""
        lines.append(f"    {json.dumps(key)}: {json.dumps(entry, ensure_ascii=False)}{comma}")
    lines += ["  }", "}"]
    TABLE.write_text("\n".join(lines) + "\n")


def scenario_check(engine):
    run_matrix(engine, record=False)


def scenario_record(engine):
    run_matrix(engine, record=True)


SCENARIOS = {"check": scenario_check, "record": scenario_record}

if __name__ == "__main__":
    sys.exit(scenario_main(SCENARIOS, __doc__))
