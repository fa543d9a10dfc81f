#!/usr/bin/env python3
"""End-to-end test of triage at the PPR district meeting, tasks, the case timeline and closing
(issue 5 items 5-7) against the real samspil binary with a real SMTP sink:

  triage  — a request reaches the district queue (page and API); a decline without a reason
            is refused in Danish and changes nothing; a lead of another district gets 404;
            the lead assigns: the assignee has a task with a due date (API), the requester
            and the assignee get a mail (no child name, a link), the waiting time is
            recorded; the task is completed by its owner only; "more information" sends a
            second request back; the timeline filter returns only the chosen kinds.
  closing — the close page shows the retention date from the municipality's setting; closing
            without a reason is refused; closing sets the retention date and mails the guardians;
            the guardian sees the shared timeline in the portal.

Usage: triage_e2e.py SCENARIO ENGINE   (SAMSPIL_BIN names the binary; ctest sets it)
"""
import base64
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request

from harness import Failure, Server, SmtpSink, check, expect, fresh_postgres_database, run, scenario_main, sqlite_url

SEED = [
    "INSERT INTO tenants (id, name, created_at) VALUES ('t1', 'Testkommune', 1)",
    "INSERT INTO units (id, tenant, kind, name, created_at) VALUES ('u-school', 't1', 'school', 'Skolen', 1)",
    "INSERT INTO units (id, tenant, kind, name, created_at) VALUES ('u-ppr', 't1', 'ppr', 'PPR Syd', 1)",
    "INSERT INTO units (id, tenant, kind, name, created_at) VALUES ('u-ppr2', 't1', 'ppr', 'PPR Nord', 1)",
]
STAFF = [  # id, role, unit, leader
    ("p-teacher", "professional", "u-school", 0),
    ("p-leader", "unit_leader", "u-school", 1),
    ("p-district", "ppr_district_lead", "u-ppr", 1),
    ("p-district2", "ppr_district_lead", "u-ppr2", 1),
    ("p-psych", "professional", "u-ppr", 0),
]
GUARDIANS = ("g-mother", "g-father")
for uid, role, unit, leader in STAFF:
    SEED.append(f"INSERT INTO users (id, tenant, email, display_name, role, created_at) "
                f"VALUES ('{uid}', 't1', '{uid}@example.dk', 'Navn {uid}', '{role}', 1)")
    SEED.append(f"INSERT INTO unit_memberships (tenant, user_id, unit_id, is_leader) "
                f"VALUES ('t1', '{uid}', '{unit}', {leader})")
for uid in GUARDIANS:
    SEED.append(f"INSERT INTO users (id, tenant, email, display_name, role, created_at) "
                f"VALUES ('{uid}', 't1', '{uid}@example.dk', 'Forælder', 'guardian', 1)")
SEED += [
    "INSERT INTO children (id, tenant, first_name, last_name, birth_date, unit_id, created_at) "
    "VALUES ('c-1', 't1', 'Alma', 'Jensen', '2017-03-01', 'u-school', 1)",
    "INSERT INTO guardianships (tenant, child_id, user_id, relation, has_custody, created_at) "
    "VALUES ('t1', 'c-1', 'g-mother', 'parent', 1, 1), ('t1', 'c-1', 'g-father', 'parent', 1, 2)",
    # The municipality keeps closed cases 30 days (tenant_settings, migration 0011).
    "INSERT INTO tenant_settings (tenant, case_model_id, retention_days, updated_at) "
    "VALUES ('t1', 'ppr-vejen-ind', 30, 1)",
]


def sql(url, statements):
    if url.startswith("sqlite"):
        conn = sqlite3.connect(url[len("sqlite://"):])
        rows = []
        for statement in statements:
            rows = conn.execute(statement).fetchall()
        conn.commit()
        conn.close()
        return rows
    out = subprocess.run(["psql", url, "-v", "ON_ERROR_STOP=1", "-q", "-At", "-F", "|"],
                         input=";\n".join(statements) + ";\n", text=True, check=True, capture_output=True).stdout
    return [tuple(line.split("|")) for line in out.splitlines() if line]


class Client:
    """Bearer-token client for the API and the pages (a token skips CSRF; pages answer HTML)."""

    def __init__(self, server, token):
        self.server = server
        self.token = token

    def call(self, method, path, body=None, form=None):
        headers = {"Authorization": "Bearer " + self.token}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        if form is not None:
            data = urllib.parse.urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        request = urllib.request.Request(self.server.url(path), data=data, method=method, headers=headers)
        opener = urllib.request.build_opener(NoRedirect())
        try:
            with opener.open(request, timeout=20) as r:
                return r.status, r.read().decode(), dict(r.headers)
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode(), dict(e.headers)

    def api(self, method, path, body=None):
        status, text, _ = self.call(method, "/api/v1" + path, body=body)
        try:
            return status, json.loads(text or "null")
        except ValueError:
            return status, text


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


import urllib.parse  # noqa: E402  (after the class that needs urllib.request)


def setup(engine, tmp, smtp):
    url = sqlite_url(tmp) if engine == "sqlite" else fresh_postgres_database()
    migrated = run("migrate", "--database-url", url)
    check(migrated.returncode == 0, "migrate failed: " + migrated.stderr)
    sql(url, SEED)
    tokens = {}
    for uid in [s[0] for s in STAFF]:  # API tokens are for staff only
        made = run("token", "create", "--database-url", url, "--tenant", "t1", "--user", f"{uid}@example.dk")
        check(made.returncode == 0, f"token create failed: {made.stderr}")
        tokens[uid] = made.stdout.strip().splitlines()[-1].strip()
    key = f"{tmp}/secret.key"
    with open(key, "w") as f:
        f.write(base64.b64encode(os.urandom(32)).decode())
    server = Server(url, "--secure-cookies", "false", "--secret-key-file", key, "--public-base-url",
                    "http://samspil.test", "--smtp-url", smtp.url, "--mail-from", "Samspil Test <noreply@samspil.test>")
    return url, server, {uid: Client(server, t) for uid, t in tokens.items()}


def register_and_request(c, url, send_to_ppr=True):
    """A case in state henvendelse in PPR Syd's queue. Consent and the earlier moves are the
    cases part's (tested there); here they are made through its API the same way."""
    made = expect(c["p-teacher"].api("POST", "/cases", {"child_id": "c-1", "title": "Trivsel i frikvartererne",
                                                        "tried": "Makkerordning"}), 201, "register")
    case_id = made["id"]
    for to_state, via in (("intern_sparring", "sparring_holdt"), ("kv", "kv_skole")):
        expect(c["p-teacher"].api("POST", f"/cases/{case_id}/transitions", {"to_state": to_state, "via": via}), 200,
               f"move to {to_state}")
    if send_to_ppr:
        send(c, case_id)
    return case_id


def send(c, case_id):
    expect(c["p-teacher"].api("POST", f"/cases/{case_id}/transitions",
                              {"to_state": "henvendelse", "via": "henvendelse_gruppe", "ppr_unit_id": "u-ppr"}), 200,
           "request to PPR")


def scenario_triage(engine):
    sink = SmtpSink()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            url, server, c = setup(engine, tmp, sink)
            try:
                lead, other_lead = c["p-district"], c["p-district2"]
                case_id = register_and_request(c, url)

                queue = expect(lead.api("GET", "/ppr/queue"), 200, "queue")
                check([i["case_id"] for i in queue["items"]] == [case_id], f"the request is in the queue: {queue}")
                check(sorted(s["user_id"] for s in queue["items"][0]["staff"]) == ["p-district", "p-psych"],
                      f"the district's staff are offered: {queue}")
                status, html, _ = lead.call("GET", "/ppr/visitation")
                check(status == 200 and f"/ppr/visitation/{case_id}" in html, f"board page lists it: {status}")
                check("Alma" not in html and "Jensen" not in html, "no child name on the board")
                expect(other_lead.api("GET", "/ppr/queue"), 200, "other district's queue")
                check(other_lead.api("GET", "/ppr/queue")[1]["items"] == [], "another district's lead sees nothing")
                expect(other_lead.api("POST", f"/cases/{case_id}/triage-decisions",
                                      {"decision": "assign", "assignee_id": "p-district2"}), 404, "other district decides")
                status, _, _ = other_lead.call("GET", f"/ppr/visitation/{case_id}")
                check(status == 404, f"another district's lead gets 404 on the decision page: {status}")
                expect(c["p-teacher"].api("GET", "/ppr/queue"), 403, "a teacher has no queue")

                # Decline without a reason: Danish error, nothing changed (API and page).
                bad = expect(lead.api("POST", f"/cases/{case_id}/triage-decisions", {"decision": "decline"}), 422,
                             "decline without reason")
                check(bad["errors"].get("reason") == "Angiv en begrundelse for afvisningen", f"Danish error: {bad}")
                status, html, _ = lead.call("POST", f"/ppr/visitation/{case_id}", form={"decision": "decline"})
                check(status == 422 and "<title>Fejl: " in html and "Angiv en begrundelse for afvisningen" in html
                      and 'href="#reason"' in html, f"the page shows the error summary: {status}")
                check(sql(url, ["SELECT COUNT(*) FROM triage_decisions"])[0][0] in (0, "0"), "no decision stored")
                case = expect(c["p-teacher"].api("GET", f"/cases/{case_id}"), 200, "case")
                check(case["state"] == "henvendelse", f"state unchanged: {case['state']}")

                # Assign on the page: 303, task for the assignee with a due date, mails, waiting time.
                status, _, headers = lead.call("POST", f"/ppr/visitation/{case_id}",
                                               form={"decision": "assign", "assignee_id": "p-psych", "reason": ""})
                check(status == 303 and headers.get("Location") == "/ppr/visitation", f"assign: {status}")
                tasks = expect(c["p-psych"].api("GET", "/me/tasks"), 200, "assignee's tasks")
                check(len(tasks["items"]) == 1, f"one task: {tasks}")
                task = tasks["items"][0]
                check(task["kind"] == "triage_contact" and task["case_id"] == case_id and task["due_at"],
                      f"contact task with due date: {task}")
                check(task["title"] == "Kontakt institutionen og aftal opstartsmøde", f"title: {task}")
                mail = sink.wait_for(lambda m: "p-teacher@example.dk" in json.dumps(m.get("to"))
                                     and m.get("subject") == "PPR har behandlet jeres henvendelse")
                check("Fordelt til en PPR-medarbejder" in mail["text"] and f"http://samspil.test/sager/{case_id}"
                      in mail["text"], f"the requester's mail names the decision and links: {mail['text']}")
                check("Alma" not in mail["text"] and "Jensen" not in mail["text"], "no child data in the mail")
                sink.wait_for(lambda m: "p-psych@example.dk" in json.dumps(m.get("to")) and "opgave" in m.get("subject", ""))
                waited = sql(url, ["SELECT waited_ms, requested_at, decided_at FROM triage_decisions"])
                check(len(waited) == 1 and int(waited[0][0]) == int(waited[0][2]) - int(waited[0][1]) >= 0,
                      f"waiting time recorded: {waited}")
                check(expect(lead.api("GET", "/ppr/queue"), 200, "queue after")["items"] == [], "queue is empty")
                districts = lead.api("GET", "/ppr/queue")[1]["districts"]
                check(districts[0]["decided"] == 1 and districts[0]["median_decision_days"] is not None,
                      f"median per district: {districts}")
                expect(lead.api("POST", f"/cases/{case_id}/triage-decisions",
                                {"decision": "decline", "reason": "x"}), 409, "decided twice")

                # The task: someone else cannot complete it; the owner can, once.
                expect(c["p-teacher"].api("POST", f"/tasks/{task['id']}/done"), 404, "someone else's task")
                status, _, headers = c["p-psych"].call("POST", f"/opgaver/{task['id']}/udfoert", form={"next": "//evil"})
                check(status == 303 and headers.get("Location") == "/", f"done on the page, no open redirect: {status}")
                expect(c["p-psych"].api("POST", f"/tasks/{task['id']}/done"), 409, "done twice")
                check(expect(c["p-psych"].api("GET", "/me/tasks"), 200, "tasks after")["items"] == [], "no open tasks")

                # More information on a second request: back to KV with the text, queue again when re-sent.
                second = register_and_request(c, url)
                decided = expect(lead.api("POST", f"/cases/{second}/triage-decisions",
                                          {"decision": "more_info", "reason": "Beskriv klassens trivsel"}), 201,
                                 "more information")
                check(decided["state"] == "kv" and decided["task_id"] is None, f"back to KV: {decided}")
                send(c, second)
                check([i["case_id"] for i in lead.api("GET", "/ppr/queue")[1]["items"]] == [second],
                      "a re-sent request is in the queue again")

                # Timeline: the filter returns only the chosen kinds; dates in the range; staff name + role.
                status, html, _ = lead.call("GET", f"/sager/{case_id}/tidslinje?gruppe=beslutninger")
                check(status == 200, f"timeline: {status}")
                kinds = set(re.findall(r'data-kind="([a-z_]+)"', html))
                check(kinds and kinds <= {"registered", "moved", "closed", "reopened", "assigned", "participant_added",
                                          "triage_decision", "task_done"} and "triage_decision" in kinds,
                      f"only decisions: {kinds}")
                check("Navn p-district (PPR-distriktsleder)" in html or "Navn p-district (" in html,
                      "who: name and role")
                status, html, _ = lead.call("GET", f"/sager/{case_id}/tidslinje?gruppe=skema")
                check(set(re.findall(r'data-kind="([a-z_]+)"', html)) == {"tried_recorded"}, "only form kinds")
                status, html, _ = lead.call("GET", f"/sager/{case_id}/tidslinje?fra=2000-01-01&til=2000-01-02")
                check(status == 200 and not re.findall(r'data-kind=', html), "an old date range shows nothing")
                status, html, _ = lead.call("GET", f"/sager/{case_id}/tidslinje?fra=nonsense")
                check(status == 422 and "<title>Fejl: " in html, f"a bad date is a form error: {status}")
                status, _, _ = other_lead.call("GET", f"/sager/{case_id}/tidslinje")
                check(status == 404, f"another district's lead cannot read the timeline: {status}")
            finally:
                code, _ = server.stop()
                check(code == 0, "server did not stop cleanly: " + server.stderr()[-2000:])
            verified = run("audit", "verify", "--database-url", url)
            check(verified.returncode == 0, "audit verify: " + verified.stdout + verified.stderr)
    finally:
        sink.stop()


PORTAL_GUARDIAN = ("mor@example.dk", "en lang nok adgangskode til mor")


class Browser:
    """A cookie-keeping client that does not follow redirects."""

    def __init__(self, server):
        import http.cookiejar
        self.server = server
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
                                                  NoRedirect())

    def request(self, method, path, form=None):
        data = None if form is None else urllib.parse.urlencode(form).encode()
        headers = {} if form is None else {"Content-Type": "application/x-www-form-urlencoded"}
        request = urllib.request.Request(self.server.url(path), data=data, method=method, headers=headers)
        try:
            with self.opener.open(request, timeout=20) as r:
                return r.status, r.read().decode(), dict(r.headers)
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode(), dict(e.headers)


def sign_in_guardian(server, url):
    """A guardian of c-1 with a password (user add), signed in through /log-ind."""
    added = subprocess.run([os.environ["SAMSPIL_BIN"], "user", "add", "--database-url", url, "--tenant", "t1",
                            "--email", PORTAL_GUARDIAN[0], "--name", "Mor Jensen", "--role", "guardian",
                            "--password-stdin"], input=PORTAL_GUARDIAN[1] + "\n", capture_output=True, text=True,
                           timeout=120)
    check(added.returncode == 0, f"user add: {added.stderr}")
    uid = sql(url, [f"SELECT id FROM users WHERE email = '{PORTAL_GUARDIAN[0]}'"])[0][0]
    sql(url, ["INSERT INTO guardianships (tenant, child_id, user_id, relation, has_custody, created_at) "
              f"VALUES ('t1', 'c-1', '{uid}', 'parent', 1, 3)"])
    b = Browser(server)
    status, html, _ = b.request("GET", "/log-ind")
    m = re.search(r'name="csrf_token" value="([^"]*)"', html)
    check(status == 200 and m, f"log-ind page: {status}")
    status, html, _ = b.request("POST", "/log-ind", {"csrf_token": m.group(1), "kommune": "t1",
                                                     "email": PORTAL_GUARDIAN[0], "adgangskode": PORTAL_GUARDIAN[1]})
    check(status == 303, f"guardian sign-in: {status}")
    return b


def scenario_closing(engine):
    sink = SmtpSink()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            url, server, c = setup(engine, tmp, sink)
            try:
                teacher, leader = c["p-teacher"], c["p-leader"]
                case_id = register_and_request(c, url, send_to_ppr=False)
                status, html, _ = leader.call("GET", f"/sager/{case_id}/luk")
                check(status == 200 and "(30 dage efter afslutningen)" in html, f"close page shows retention: {status}")
                check("F9" in html, "the close page says a new need starts with a new meeting (F9)")
                status, html, _ = leader.call("POST", f"/sager/{case_id}/luk", form={"reason": "other", "details": ""})
                check(status == 422 and "Beskriv, hvorfor sagen afsluttes" in html, f"Andet needs a text: {status}")
                status, html, _ = leader.call("POST", f"/sager/{case_id}/luk", form={"details": ""})
                check(status == 422 and "Vælg, hvorfor sagen afsluttes" in html, f"a reason is required: {status}")
                check(expect(teacher.api("GET", f"/cases/{case_id}"), 200, "case")["state"] == "kv", "still open")
                status, _, headers = leader.call("POST", f"/sager/{case_id}/luk",
                                                 form={"reason": "solved", "details": "Trives nu"})
                check(status == 303 and headers.get("Location") == f"/sager/{case_id}", f"closed: {status}")
                row = sql(url, [f"SELECT closed_at, retention_until, close_reason FROM cases WHERE id = '{case_id}'"])[0]
                check(int(row[1]) - int(row[0]) == 30 * 86400000, f"retention is the municipality's 30 days: {row}")
                check(row[2] == "Bekymringen er løst: Trives nu", f"reason stored: {row}")
                for guardian in GUARDIANS:
                    mail = sink.wait_for(lambda m, g=guardian: f"{g}@example.dk" in json.dumps(m.get("to")))
                    check("afsluttet" in mail["subject"], f"guardian mailed: {mail['subject']}")
                status, html, _ = leader.call("GET", f"/sager/{case_id}/luk")
                check(status == 200 and "Sagen er allerede afsluttet" in html
                      and f'action="/sager/{case_id}/luk"' not in html,
                      "a closed case offers no close form")
                # The guardian's portal timeline shows the shared subset, including the closing
                # (a guardian signs in with a password: API tokens are for staff only).
                mother = sign_in_guardian(server, url)
                status, html, _ = mother.request("GET", f"/foraeldre/sager/{case_id}/tidslinje")
                kinds = set(re.findall(r'data-kind="([a-z_]+)"', html))
                check(status == 200 and "closed" in kinds and "tried_recorded" not in kinds,
                      f"guardian sees the shared subset: {status} {kinds}")
                status, _, _ = leader.call("GET", f"/foraeldre/sager/{case_id}/tidslinje")
                check(status == 403, f"staff are not guardians in the portal: {status}")
            finally:
                code, _ = server.stop()
                check(code == 0, "server did not stop cleanly: " + server.stderr()[-2000:])
    finally:
        sink.stop()


SCENARIOS = {"triage": scenario_triage, "closing": scenario_closing}


if __name__ == "__main__":
    sys.exit(scenario_main(SCENARIOS, __doc__))
