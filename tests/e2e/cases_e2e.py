#!/usr/bin/env python3
"""End-to-end test of cases through the JSON API of the real samspil binary (issue 5):
a teacher registers a concern, the model refuses the request to PPR without consent (P1),
consent recorded from paper lets it through, the PPR district lead sees the case in the
queue and assigns it, a withdrawal blocks again; outsiders get 404.

Usage: cases_e2e.py SCENARIO ENGINE   (SAMSPIL_BIN names the binary; ctest sets it)
"""
import base64
import http.cookiejar
import json
import re
import os
import sqlite3
import subprocess
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request

from harness import (Failure, Server, api, check, expect, fresh_postgres_database, run, scenario_main, sqlite_url,
                     stop_cleanly)

SEED = [
    "INSERT INTO tenants (id, name, created_at) VALUES ('t1', 'Testkommune', 1)",
    "INSERT INTO units (id, tenant, kind, name, created_at) VALUES ('u-school', 't1', 'school', 'Skolen', 1)",
    "INSERT INTO units (id, tenant, kind, name, created_at) VALUES ('u-ppr', 't1', 'ppr', 'PPR Syd', 1)",
]
STAFF = [  # id, role, unit, leader
    ("p-teacher", "professional", "u-school", 0),
    ("p-leader", "unit_leader", "u-school", 1),
    ("p-district", "ppr_district_lead", "u-ppr", 1),
    ("p-psych", "professional", "u-ppr", 0),
    ("p-stranger", "professional", None, 0),
]
for uid, role, unit, leader in STAFF:
    SEED.append(f"INSERT INTO users (id, tenant, email, display_name, role, created_at) "
                f"VALUES ('{uid}', 't1', '{uid}@example.dk', 'Navn {uid}', '{role}', 1)")
    if unit:
        SEED.append(f"INSERT INTO unit_memberships (tenant, user_id, unit_id, is_leader) "
                    f"VALUES ('t1', '{uid}', '{unit}', {leader})")
for uid in ("g-mother", "g-father"):
    SEED.append(f"INSERT INTO users (id, tenant, email, display_name, role, created_at) "
                f"VALUES ('{uid}', 't1', '{uid}@example.dk', 'Forælder', 'guardian', 1)")
SEED += [
    "INSERT INTO children (id, tenant, first_name, last_name, birth_date, unit_id, created_at) "
    "VALUES ('c-1', 't1', 'Alma', 'Jensen', '2017-03-01', 'u-school', 1)",
    "INSERT INTO guardianships (tenant, child_id, user_id, relation, has_custody, created_at) "
    "VALUES ('t1', 'c-1', 'g-mother', 'parent', 1, 1), ('t1', 'c-1', 'g-father', 'parent', 1, 2)",
]


def seed(url):
    if url.startswith("sqlite"):
        conn = sqlite3.connect(url[len("sqlite://"):])
        for statement in SEED:
            conn.execute(statement)
        conn.commit()
        conn.close()
    else:
        subprocess.run(["psql", url, "-v", "ON_ERROR_STOP=1", "-q"], input=";\n".join(SEED) + ";\n", text=True,
                       check=True, capture_output=True)


class Api:
    def __init__(self, server, token):
        self.server = server
        self.token = token

    def call(self, method, path, body=None, headers=None):
        return api(self.server, self.token, method, path, body, headers=headers)


def upload_scan(api, case_id, data, name):
    """POST the scan of a paper consent as a raw body (Content-Type and X-Filename)."""
    request = urllib.request.Request(api.server.url(f"/api/v1/cases/{case_id}/consent-scans"), data=data,
                                     method="POST", headers={"Authorization": "Bearer " + api.token,
                                                             "Content-Type": "application/pdf", "X-Filename": name})
    try:
        with urllib.request.urlopen(request, timeout=20) as r:
            return r.status, json.loads(r.read().decode())
    except urllib.error.HTTPError as e:
        text = e.read().decode()
        try:
            return e.code, json.loads(text)
        except ValueError:
            return e.code, text


def download(api, path):
    request = urllib.request.Request(api.server.url("/api/v1" + path), headers={"Authorization": "Bearer " + api.token})
    try:
        with urllib.request.urlopen(request, timeout=20) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def scenario_case_to_triage(engine):
    with tempfile.TemporaryDirectory() as tmp:
        url = sqlite_url(tmp) if engine == "sqlite" else fresh_postgres_database()
        migrated = run("migrate", "--database-url", url)
        check(migrated.returncode == 0, "migrate failed: " + migrated.stderr)
        seed(url)
        tokens = {}
        for uid, _, _, _ in STAFF:
            made = run("token", "create", "--database-url", url, "--tenant", "t1", "--user", f"{uid}@example.dk")
            check(made.returncode == 0, f"token create failed: {made.stderr}")
            tokens[uid] = made.stdout.strip().splitlines()[-1].strip()
        key = base64.b64encode(os.urandom(32)).decode()
        server = Server(url, "--secure-cookies", "0", env={"SAMSPIL_SECRET_KEY": key})
        try:
            teacher, leader, district, stranger = (Api(server, tokens[u]) for u in
                                                   ("p-teacher", "p-leader", "p-district", "p-stranger"))
            body = {"child_id": "c-1", "title": "Trivsel i frikvartererne", "tried": "Makkerordning"}
            made = expect(teacher.call("POST", "/cases", body, {"Idempotency-Key": "k-1"}), 201, "register")
            case_id = made["id"]
            again = expect(teacher.call("POST", "/cases", body, {"Idempotency-Key": "k-1"}), 200, "register again")
            check(again["id"] == case_id, "a repeated Idempotency-Key must return the first case")
            expect(stranger.call("GET", f"/cases/{case_id}"), 404, "a professional outside the case")
            expect(stranger.call("GET", "/children/c-1"), 404, "a professional outside the case, child")
            bad = expect(teacher.call("POST", "/cases", {"title": ""}), 422, "empty registration")
            check("title" in bad.get("errors", {}), f"field errors expected: {bad}")

            for to_state, via in (("intern_sparring", "sparring_holdt"), ("kv", "kv_skole")):
                expect(teacher.call("POST", f"/cases/{case_id}/transitions", {"to_state": to_state, "via": via}), 200,
                       f"move to {to_state}")
            request_to_ppr = {"to_state": "henvendelse", "via": "henvendelse_enkeltbarn", "ppr_unit_id": "u-ppr"}
            refused = expect(teacher.call("POST", f"/cases/{case_id}/transitions", request_to_ppr), 409,
                             "request to PPR without consent")
            check("(P1)" in json.dumps(refused, ensure_ascii=False), f"the refusal names rule P1: {refused}")
            expect(district.call("GET", f"/cases/{case_id}"), 404, "district lead before the request")

            consent_ids = []
            # Paper consent needs the paper's scan on a case about the child: without one, or with
            # an id that names no scan, it is refused in Danish and nothing is saved.
            paper = {"child_id": "c-1", "guardian_id": "g-mother", "scope": "ppr_request_single_child",
                     "purpose": "Henvendelse til PPR", "parties": "Skolen og PPR", "source": "paper"}
            for scan_id in (None, "ingen-scanning"):
                body = dict(paper, **({"scan_attachment_id": scan_id} if scan_id else {}))
                refused = expect(leader.call("POST", "/consents", body), 422, f"paper consent with scan {scan_id}")
                check("scanning" in json.dumps(refused, ensure_ascii=False).lower(), f"a Danish scan error: {refused}")
            listed = expect(leader.call("GET", "/consents?child_id=c-1"), 200, "consents before the scan")
            check(listed["items"] == [], f"nothing saved without a scan: {listed}")
            status, scan = upload_scan(leader, case_id, b"MZ\x90\x00not a pdf", "samtykke.pdf")
            check(status == 422, f"a renamed executable is refused as scan: {status} {scan}")
            status, scan = upload_scan(leader, case_id, b"%PDF-1.4\n%%EOF\n", "samtykke.pdf")
            check(status == 201 and scan["content_type"] == "application/pdf", f"scan upload: {status} {scan}")
            status, scan_bytes = download(leader, f"/cases/{case_id}/consent-scans/{scan['id']}")
            check(status == 200 and scan_bytes.startswith(b"%PDF"), f"scan download: {status}")
            status, _ = download(stranger, f"/cases/{case_id}/consent-scans/{scan['id']}")
            check(status == 404, f"an outsider cannot download the scan: {status}")
            for guardian in ("g-mother", "g-father"):
                given = expect(leader.call("POST", "/consents", {
                    "child_id": "c-1", "guardian_id": guardian, "scope": "ppr_request_single_child",
                    "purpose": "Henvendelse til PPR", "parties": "Skolen og PPR", "source": "paper",
                    "scan_attachment_id": scan["id"]}), 201, "paper consent")
                check(given["scan_attachment_id"] == scan["id"] and given["source"] == "paper", f"paper: {given}")
                check(given["in_force"] is True, f"consent in force: {given}")
                consent_ids.append(given["id"])
            moved = expect(teacher.call("POST", f"/cases/{case_id}/transitions", request_to_ppr), 200, "request to PPR")
            check(moved["state"] == "henvendelse" and moved["ppr_unit_id"] == "u-ppr", f"moved: {moved}")

            queue = expect(district.call("GET", "/cases"), 200, "district queue")
            check([c["id"] for c in queue["items"]] == [case_id], f"the district lead's queue: {queue}")
            assigned = expect(district.call("POST", f"/cases/{case_id}/assignment", {"user_id": "p-psych"}), 200,
                              "assign")
            check(assigned["assigned_to"] == "p-psych", f"assigned: {assigned}")
            expect(district.call("POST", f"/cases/{case_id}/transitions",
                                 {"to_state": "distrikt", "via": "distriktsmoede"}), 200, "district decision")

            withdrawn = expect(leader.call("POST", f"/consents/{consent_ids[0]}/withdraw"), 200, "withdraw")
            check(withdrawn["in_force"] is False and withdrawn["withdrawn_at"], f"withdrawn: {withdrawn}")
            view = expect(teacher.call("GET", f"/cases/{case_id}"), 200, "case view")
            check(view["consents_in_force"] == [], f"nothing in force after the withdrawal: {view}")
            events = expect(teacher.call("GET", f"/cases/{case_id}/events?kind=consent_withdrawn"), 200, "timeline")
            check(len(events["items"]) == 1, f"one withdrawal on the timeline: {events}")
            child = expect(teacher.call("GET", "/children/c-1"), 200, "child")
            check(child["case_ids"] == [case_id], f"child: {child}")
            expect(stranger.call("GET", "/cases"), 200, "stranger's list")
            check(stranger.call("GET", "/cases")[1]["items"] == [], "a stranger lists no cases")
        finally:
            code, _ = server.stop()
            check(code == 0, "server did not stop cleanly: " + server.stderr()[-2000:])
        verified = run("audit", "verify", "--database-url", url)
        check(verified.returncode == 0, "audit verify: " + verified.stdout + verified.stderr)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """A cookie-keeping client that does not follow redirects (to see the 303s)."""

    def __init__(self, server):
        self.server = server
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
                                                  NoRedirect())

    def request(self, method, path, form=None):
        data = None if form is None else urllib.parse.urlencode(form).encode()
        headers = {} if form is None else {"Content-Type": "application/x-www-form-urlencoded"}
        request = urllib.request.Request(self.server.url(path), data=data, method=method, headers=headers)
        try:
            with self.opener.open(request, timeout=20) as r:
                return r.status, dict(r.headers), r.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers), e.read().decode()


def hidden(html, name):
    m = re.search(r'name="' + name + r'" value="([^"]*)"', html)
    check(m, f"no hidden field {name} in the page")
    return m.group(1)


def scenario_pages(engine):
    """A teacher signs in, registers a concern on /sager/ny (a double submit makes one case),
    moves it on /sager/{id}, and sees the model's refusal with rule P1 without consent."""
    with tempfile.TemporaryDirectory() as tmp:
        url = sqlite_url(tmp) if engine == "sqlite" else fresh_postgres_database()
        check(run("migrate", "--database-url", url).returncode == 0, "migrate failed")
        seed(url)
        made = subprocess.run([os.environ["SAMSPIL_BIN"], "user", "add", "--database-url", url, "--tenant", "t1",
                               "--email", "laerer@example.dk", "--name", "Lærer Lise", "--role", "professional",
                               "--unit", "u-school", "--password-stdin"],
                              input="en lang nok adgangskode\n", capture_output=True, text=True, timeout=120)
        check(made.returncode == 0, "user add: " + made.stderr)
        key = base64.b64encode(os.urandom(32)).decode()
        server = Server(url, "--secure-cookies", "0", env={"SAMSPIL_SECRET_KEY": key})
        try:
            b = Browser(server)
            status, _, html = b.request("GET", "/log-ind")
            check(status == 200, f"log-ind: {status}")
            status, headers, html = b.request("POST", "/log-ind", {
                "csrf_token": hidden(html, "csrf_token"), "kommune": "t1", "email": "laerer@example.dk",
                "adgangskode": "en lang nok adgangskode"})
            check(status == 303, f"sign in: {status} {html[:500]}")
            status, _, html = b.request("GET", "/sager/ny")
            check(status == 200 and "Alma Jensen" in html, f"/sager/ny: {status}")
            form = {"csrf_token": hidden(html, "csrf_token"), "idempotency_key": hidden(html, "idempotency_key"),
                    "title": "", "child_id": "c-1"}
            status, _, page = b.request("POST", "/sager/ny", form)
            check(status == 422 and "<title>Fejl: " in page and 'href="#title"' in page,
                  f"an empty title gives the error summary: {status}")
            form["title"] = "Trivsel i frikvartererne"
            status, headers, _ = b.request("POST", "/sager/ny", form)
            check(status == 303 and headers.get("Location", "").startswith("/sager/"), f"register: {status}")
            case_path = headers["Location"]
            status, headers, _ = b.request("POST", "/sager/ny", form)
            check(status == 303 and headers.get("Location") == case_path, "a double submit gives the same case")
            status, _, html = b.request("GET", case_path)
            check(status == 200 and "Trivsel i frikvartererne" in html, f"case page: {status}")
            for to_state, via in (("intern_sparring", "sparring_holdt"), ("kv", "kv_skole")):
                status, _, _ = b.request("POST", case_path + "/skift", {
                    "csrf_token": hidden(html, "csrf_token"), "to_state": to_state, "via": via})
                check(status == 303, f"move to {to_state}: {status}")
            status, _, html = b.request("POST", case_path + "/skift", {
                "csrf_token": hidden(html, "csrf_token"), "to_state": "henvendelse", "via": "henvendelse_enkeltbarn"})
            check(status == 422 and "(P1)" in html, f"the refusal names P1 on the page: {status}")
            status, _, html = b.request("GET", "/sager")
            check(status == 200 and case_path in html, "the case is listed on /sager")
        finally:
            stop_cleanly(server)


SCENARIOS = {"case_to_triage": scenario_case_to_triage, "pages": scenario_pages}


if __name__ == "__main__":
    sys.exit(scenario_main(SCENARIOS, __doc__))
