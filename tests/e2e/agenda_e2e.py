#!/usr/bin/env python3
"""End-to-end test of meeting agendas, briefs, obligations and follow-up evaluations
(issue 6 items 4 and 7) through the JSON API of the real samspil binary, with a real SMTP
server (tests/e2e/smtp_sink.mjs) receiving the mails the job threads send.

Meetings are inserted with SQL (the convening use case is tested elsewhere); their agenda,
brief and obligations are made from the model's templates when the meeting is first read.

Usage: agenda_e2e.py SCENARIO ENGINE   (SAMSPIL_BIN names the binary; ctest sets it)
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
import urllib.request

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from harness import (Failure, Server, SmtpSink, api, check, expect, fresh_postgres_database, run, scenario_main,
                     sqlite_url, stop_cleanly)


def local_days(ms, days):
    """Calendar days keep the local Copenhagen clock time (docs: deadlines), also across a
    daylight-saving change."""
    zone = ZoneInfo("Europe/Copenhagen")
    local = datetime.fromtimestamp(ms // 1000, zone).replace(tzinfo=None) + timedelta(days=days)
    return int(local.replace(tzinfo=zone).timestamp()) * 1000 + ms % 1000

DAY = 24 * 3600 * 1000
NOW = int(time.time() * 1000)


def seed_sql():
    s = [
        "INSERT INTO tenants (id, name, created_at) VALUES ('t1', 'Testkommune', 1)",
        "INSERT INTO units (id, tenant, kind, name, created_at) VALUES ('u-school', 't1', 'school', 'Skolen', 1)",
    ]
    for uid, role, leader in (("p-leader", "unit_leader", 1), ("p-teacher", "professional", 0),
                              ("p-stranger", "professional", None)):
        s.append(f"INSERT INTO users (id, tenant, email, display_name, role, created_at) "
                 f"VALUES ('{uid}', 't1', '{uid}@example.dk', 'Navn {uid}', '{role}', 1)")
        if leader is not None:
            s.append(f"INSERT INTO unit_memberships (tenant, user_id, unit_id, is_leader) "
                     f"VALUES ('t1', '{uid}', 'u-school', {leader})")
    s += [
        "INSERT INTO users (id, tenant, email, display_name, role, created_at) "
        "VALUES ('g-mother', 't1', 'g-mother@example.dk', 'Mor', 'guardian', 1)",
        "INSERT INTO children (id, tenant, first_name, last_name, birth_date, unit_id, created_at) "
        "VALUES ('c-1', 't1', 'Alma', 'Jensen', '2017-03-01', 'u-school', 1)",
        "INSERT INTO guardianships (tenant, child_id, user_id, relation, has_custody, created_at) "
        "VALUES ('t1', 'c-1', 'g-mother', 'parent', 1, 1)",
    ]
    for case, model in (("case-r", "ringsted-samarbejdsmoeder"), ("case-s", "samarbejdsmodellen")):
        s.append("INSERT INTO cases (id, tenant, child_id, model_id, state, title, unit_id, created_by, opened_at, "
                 f"created_at, updated_at) VALUES ('{case}', 't1', 'c-1', '{model}', 'open', 'Sag', 'u-school', "
                 "'p-teacher', 1, 1, 1)")
    # id, case, model, type, starts in days, follow-up of
    meetings = [
        ("m-1", "case-r", "ringsted-samarbejdsmoeder", "samarbejdsmoede", 30, None),
        ("m-2", "case-r", "ringsted-samarbejdsmoeder", "samarbejdsmoede", 90, "m-1"),
        ("m-3", "case-s", "samarbejdsmodellen", "samarbejdsmoede", 30, None),
        ("m-4", "case-s", "samarbejdsmodellen", "samarbejdsmoede", 8, None),   # agenda due in 1 day
        ("m-5", "case-s", "samarbejdsmodellen", "samarbejdsmoede", 6, None),   # agenda due yesterday
    ]
    for mid, case, model, type_id, days, prev in meetings:
        start = NOW + days * DAY
        s.append("INSERT INTO meetings (id, tenant, case_id, model_id, type_id, status, course, follow_up_of, "
                 "starts_at, ends_at, ical_uid, convened_by, convened_at, created_at, updated_at) VALUES "
                 f"('{mid}', 't1', '{case}', '{model}', '{type_id}', 'invited', 'same', "
                 f"{('%s' % repr(prev)) if prev else 'NULL'}, {start}, {start + 90 * 60 * 1000}, 'uid-{mid}', "
                 f"'p-leader', 1, 1, 1)")
        people = [("p1", "professional", "'p-leader'", "leader", ""), ("p2", "professional", "'p-teacher'", "teacher", ""),
                  ("p3", "guardian", "'g-mother'", "parents", ""), ("p4", "network", "NULL", "network", "net@example.dk")]
        for n, (pid, kind, user, role, email) in enumerate(people):
            s.append("INSERT INTO meeting_participants (id, tenant, meeting_id, kind, user_id, role_in_case, "
                     f"display_name, email, added_at) VALUES ('{mid}-{pid}', 't1', '{mid}', '{kind}', {user}, "
                     f"'{role}', 'Netværk', '{email}', {n + 1})")
        for role in ("agenda_owner", "chair", "convener", "minute_taker"):
            s.append("INSERT INTO meeting_roles (tenant, meeting_id, role, participant_id, assigned_at) "
                     f"VALUES ('t1', '{mid}', '{role}', '{mid}-p1', 1)")
    return s


def seed(url):
    statements = seed_sql()
    if url.startswith("sqlite"):
        conn = sqlite3.connect(url[len("sqlite://"):])
        for statement in statements:
            conn.execute(statement)
        conn.commit()
        conn.close()
    else:
        subprocess.run(["psql", url, "-v", "ON_ERROR_STOP=1", "-q"], input=";\n".join(statements) + ";\n",
                       text=True, check=True, capture_output=True)


class Api:
    def __init__(self, server, token):
        self.server = server
        self.token = token

    def call(self, method, path, body=None):
        return api(self.server, self.token, method, path, body)


def obligation(items, oid):
    found = [o for o in items if o["obligation"] == oid]
    check(len(found) == 1, f"one {oid} obligation expected: {items}")
    return found[0]


def scenario_agenda(engine):
    with tempfile.TemporaryDirectory() as d:
        url = sqlite_url(d) if engine == "sqlite" else fresh_postgres_database()
        migrated = run("migrate", "--database-url", url)
        check(migrated.returncode == 0, "migrate failed: " + migrated.stderr)
        seed(url)
        tokens = {}
        for uid in ("p-leader", "p-teacher", "p-stranger"):
            made = run("token", "create", "--database-url", url, "--tenant", "t1", "--user", f"{uid}@example.dk")
            check(made.returncode == 0, f"token create failed: {made.stderr}")
            tokens[uid] = made.stdout.strip().splitlines()[-1].strip()
        key = base64.b64encode(os.urandom(32)).decode()
        sink = SmtpSink()
        server = Server(url, "--secure-cookies", "0", "--smtp-url", sink.url, "--public-base-url",
                        "https://samspil.test", env={"SAMSPIL_SECRET_KEY": key})
        try:
            leader, teacher, stranger = (Api(server, tokens[u]) for u in ("p-leader", "p-teacher", "p-stranger"))

            # The agenda from the Ringsted template (R7) with the speaking order (R5).
            agenda = expect(leader.call("GET", "/meetings/m-1/agenda"), 200, "leader reads the agenda")
            check([i["title"] for i in agenda["items"]] ==
                  ["Velkommen", "Ressourcer hos barnet/den unge og omgivelserne",
                   "Udfordringer for barnet og omgivelserne", "Hvad skal der til?", "Afslutning"],
                  f"R7 items: {agenda['items']}")
            check(agenda["speaking_order"] == ["Forældre", "Barnet", "Lokale fagpersoner", "Eksterne fagpersoner"],
                  f"R5 speaking order: {agenda['speaking_order']}")
            check(all(i["speaking_order"][0] == "parents" for i in agenda["items"]), "parents first under every item")
            check(agenda["may_edit"] is True, "the agenda owner edits")
            check(expect(teacher.call("GET", "/meetings/m-1/agenda"), 200, "teacher reads")["may_edit"] is False,
                  "a participant does not edit")
            expect(stranger.call("GET", "/meetings/m-1/agenda"), 404, "an outsider")
            follow = expect(leader.call("GET", "/meetings/m-2/agenda"), 200, "follow-up agenda")
            check(follow["kind"] == "follow_up" and follow["items"][1]["title"] == "Kort genopfriskning fra sidste møde",
                  f"R8 follow-up agenda: {follow}")

            # Obligations from the model: S7 agenda seven days before, minutes a week after.
            s_agenda = expect(leader.call("GET", "/meetings/m-3/agenda"), 200, "samarbejdsmodellen agenda")
            check(s_agenda["items"] == [], "Samarbejdsmodellen has no agenda template")
            items = expect(leader.call("GET", "/meetings/m-3/obligations"), 200, "obligations")["items"]
            start = NOW + 30 * DAY
            send = obligation(items, "send_agenda")
            check(send["due_at"] == local_days(start, -7) and send["rule"] == "S7" and send["owner_id"] == "p-leader"
                  and send["status"] == "open", f"S7 send_agenda: {send}")
            check(obligation(items, "send_minutes")["due_at"] == local_days(start + 90 * 60 * 1000, 7), "S7 minutes")

            # Edit (owner only) and send: every invited person gets a link by e-mail.
            expect(teacher.call("PUT", "/meetings/m-3/agenda", {"items": [{"title": "X"}]}), 403, "teacher edits")
            expect(leader.call("PUT", "/meetings/m-3/agenda", {"items": [{"title": ""}]}), 422, "empty title")
            put = expect(leader.call("PUT", "/meetings/m-3/agenda",
                                     {"items": [{"title": "Velkommen"}, {"title": "Barnets trivsel",
                                                                         "description": "Alma i frikvartererne"}]}),
                         200, "owner replaces the items")
            check([i["title"] for i in put["items"]] == ["Velkommen", "Barnets trivsel"], f"items: {put['items']}")
            sent = expect(leader.call("POST", "/meetings/m-3/agenda/send", {}), 200, "send the agenda")
            check(sent["mailed"] == 4 and sent["agenda_sent_at"] is not None, f"sent: {sent}")
            check(obligation(sent["obligations"], "send_agenda")["status"] == "done", "sending fulfils S7")
            link = "https://samspil.test/moeder/m-3/dagsorden"
            for address in ("p-leader@example.dk", "p-teacher@example.dk", "g-mother@example.dk", "net@example.dk"):
                message = sink.wait_for(lambda m, a=address: a in json.dumps(m.get("to")) and
                                        m.get("subject", "").startswith("Dagsorden"))
                check(link in message.get("text", ""), f"a link in the mail: {message}")
                check("Alma" not in message.get("text", ""), "only a link, no content")

            # Reminder before due (m-4: agenda due tomorrow) and missed reported (m-5: due yesterday).
            expect(leader.call("GET", "/meetings/m-4/agenda"), 200, "m-4")
            expect(leader.call("GET", "/meetings/m-5/agenda"), 200, "m-5")
            sink.wait_for(lambda m: m.get("subject", "").startswith("Påmindelse: Send dagsorden") and
                          "p-leader@example.dk" in json.dumps(m.get("to")))
            sink.wait_for(lambda m: m.get("subject", "").startswith("Frist overskredet: Send dagsorden"))
            deadline = time.time() + 30
            while time.time() < deadline:
                items5 = expect(leader.call("GET", "/meetings/m-5/obligations"), 200, "m-5 obligations")["items"]
                if obligation(items5, "send_agenda")["missed_at"] is not None:
                    break
                time.sleep(0.2)
            check(obligation(items5, "send_agenda")["status"] == "missed", f"missed: {items5}")
            items4 = expect(leader.call("GET", "/meetings/m-4/obligations"), 200, "m-4 obligations")["items"]
            check(obligation(items4, "send_agenda")["reminded_at"] is not None, f"reminded: {items4}")

            # Follow-up evaluation (R9) opens the follow-up agenda; escalation needs a new form (R10).
            expect(teacher.call("GET", "/meetings/m-1/evaluation"), 409, "not a follow-up")
            form = expect(teacher.call("GET", "/meetings/m-2/evaluation"), 200, "evaluation form")
            check(len(form["questions"]) == 5, f"five questions: {form['questions']}")
            check("Tværfagligt Dialogmøde kræver en ny eller opdateret anmodning" in form["escalations"],
                  f"escalation shown: {form['escalations']}")
            subject = [s for s in form["subjects"] if s["label"] == "Hvad skal der til?"][0]["subject_id"]
            saved = expect(teacher.call("PUT", "/meetings/m-2/evaluation",
                                        {"answers": [{"subject_id": subject, "question_index": 0,
                                                      "text": "Piktogrammer hver morgen."}]}), 200, "answers saved")
            check(saved["answers"][0]["questions"][0]["answers"][0]["answer"] == "Piktogrammer hver morgen.",
                  f"answer shown: {saved['answers']}")
            expect(teacher.call("PUT", "/meetings/m-2/evaluation",
                                {"answers": [{"subject_id": "nope", "question_index": 0, "text": "x"}]}),
                   422, "unknown subject")
            follow = expect(leader.call("GET", "/meetings/m-2/agenda"), 200, "follow-up agenda again")
            check(follow["evaluations"] and follow["evaluations"][0]["label"] == "Hvad skal der til?" and
                  follow["evaluations"][0]["questions"][0]["answers"][0]["by"] == "Navn p-teacher",
                  f"the follow-up agenda opens with the evaluation: {follow['evaluations']}")
        finally:
            stop_cleanly(server)
            sink.stop()


SCENARIOS = {"agenda": scenario_agenda}

if __name__ == "__main__":
    sys.exit(scenario_main(SCENARIOS, __doc__))
