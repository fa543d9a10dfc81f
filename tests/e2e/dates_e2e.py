#!/usr/bin/env python3
"""End-to-end test of issue 6 items 1, 2 and 4 as the dates helper built them, against the real
samspil binary and a REAL SMTP server on loopback (harness.SmtpSink), on SQLite and PostgreSQL.

R4.4: a Ringsted samarbejdsmøde convened through the API with three proposed times is
"proposed"; the guardian's mail holds only a signed link (no calendar part, no child name);
the link's page (no JavaScript needed) offers the times as radios; choosing one answers once
and only then does the iCalendar REQUEST (read back with libical through `samspil calendar
parse`) reach the guardian with the chosen start, and the acceptance deadline is set.

R4.5: the delegable roles are listed through the API; handing minute taking to the guardian
is refused with 409 naming the rule (R4).

Agenda files: a PDF uploaded through the API is listed on the agenda, a renamed executable
is refused (422), the agenda mail links the file without its name, the convener downloads
it, staff outside the meeting get 404 and the guardian (a participant) downloads it in the
browser.

Usage: dates_e2e.py SCENARIO ENGINE   (SAMSPIL_BIN names the binary; ctest sets it)
"""
import json
import re
import sys
import tempfile
import time
import urllib.error
import urllib.request

from authz_world import sql
from harness import SmtpSink, api, check, demo_token, expect, scenario_main, stop_cleanly, verify_audit
from identity_e2e import Browser, setup
from meetings_e2e import calendar_part, complete_request_form, parse_ics

TEACHER = "laerer@demo-kommune.invalid"
GUARDIAN = ("foraelder@demo-kommune.invalid", "demo-foraelder-1")
OLIVER = "demo-child-oliver"
DAY = 24 * 3600 * 1000
PDF = b"%PDF-1.4\n% dagsordensbilag\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def upload(server, token, meeting_id, body, name, label):
    request = urllib.request.Request(server.url(f"/api/v1/meetings/{meeting_id}/agenda/documents"), data=body,
                                     method="POST",
                                     headers={"Authorization": "Bearer " + token,
                                              "Content-Type": "application/octet-stream",
                                              "X-Filename": name, "X-Label": label})
    try:
        with urllib.request.urlopen(request, timeout=30) as r:
            return r.status, json.loads(r.read().decode())
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def download(server, token, path):
    request = urllib.request.Request(server.url(path), headers={"Authorization": "Bearer " + token})
    try:
        with urllib.request.urlopen(request, timeout=30) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def scenario_dates(engine):
    sink = SmtpSink()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            url, server = setup(engine, tmp, smtp=sink)
            try:
                teacher = demo_token(url, TEACHER)
                case = expect(api(server, teacher, "POST", "/cases",
                                  {"child_id": OLIVER, "title": "Trivsel", "tried": "Samtaler"}), 201, "register")
                sql(url, "UPDATE cases SET model_id = $1, state = $2 WHERE id = $3",
                    ("ringsted-samarbejdsmoeder", "ny", case["id"]))
                complete_request_form(server, url, teacher, case["id"], "samarbejdsmoede", GUARDIAN[0])
                base = (int(time.time() * 1000) // 60000) * 60000 + 40 * DAY
                times = [base, base + DAY, base + 2 * DAY]

                # --- R4.4: the parents choose the date first.
                made = expect(api(server, teacher, "POST", f"/cases/{case['id']}/meetings",
                                  {"type": "samarbejdsmoede", "proposed_starts": times, "location": "Vestre Skole"}),
                              201, "convene with proposed times")
                mid = made["id"]
                check(made["status"] == "proposed" and made["starts_at"] is None and made["acceptance_due_at"] is None,
                      f"not proposed: {made}")
                ask = sink.wait_for(lambda m: GUARDIAN[0] in m["to"] and "/moeder/dato/" in m["text"])
                check(not [p for p in ask.get("alternatives", []) if p["contentType"].startswith("text/calendar")],
                      "the date mail has a calendar part")
                check("Oliver" not in ask["text"] + ask["subject"], "the child's name is in the date mail")
                token = re.search(r"/moeder/dato/([A-Za-z0-9_-]+)", ask["text"]).group(1)
                check(not [m for m in sink.messages() if TEACHER in m["to"] and mid in json.dumps(m)],
                      "someone was invited before the parents chose")

                b = Browser(server)
                status, _, page = b.get(f"/moeder/dato/{token}")
                check(status == 200 and 'type="radio"' in page and 'name="proposal"' in page, f"link page: {status}")
                check("<script" not in page.split("</main>")[0].split("<main")[-1], "the choice needs JavaScript")
                values = re.findall(r'name="proposal"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="proposal"', page)
                ids = [a or b2 for a, b2 in values]
                check(len(ids) == 3, f"three proposals expected: {ids}")
                csrf = re.search(r'name="csrf_token" value="([^"]*)"', page).group(1)
                status, _, page = b.request("POST", f"/moeder/dato/{token}", {"csrf_token": csrf, "proposal": ids[1]})
                check(status == 200 and "Tak" in page, f"choice by link: {status}")
                status, _, _ = b.request("POST", f"/moeder/dato/{token}", {"csrf_token": csrf, "proposal": ids[0]})
                check(status == 404, f"second use of the date link: {status}")

                invite = sink.wait_for(lambda m: GUARDIAN[0] in m["to"] and m.get("alternatives")
                                       and mid in m["text"] + json.dumps(m["alternatives"]))
                parsed = parse_ics(calendar_part(invite))
                check(parsed["method"] == "REQUEST" and parsed["start_ms"] == times[1], f"invitation: {parsed}")
                sink.wait_for(lambda m: TEACHER in m["to"] and m.get("alternatives")
                              and mid in m["text"] + json.dumps(m["alternatives"]))
                meeting = expect(api(server, teacher, "GET", f"/meetings/{mid}"), 200, "meeting")
                check(meeting["status"] == "invited" and meeting["starts_at"] == times[1]
                      and meeting["acceptance_due_at"] is not None, f"after the choice: {meeting}")

                # --- R4.5: the model decides to whom a role may be delegated.
                roles = expect(api(server, teacher, "GET", f"/meetings/{mid}/roles"), 200, "roles")
                check([r["role"] for r in roles["roles"]] == ["minute_taker"], f"delegable roles: {roles}")
                guardian_p = [p["id"] for p in meeting["participants"] if p["kind"] == "guardian"][0]
                refused = expect(api(server, teacher, "POST", f"/meetings/{mid}/roles",
                                     {"role": "minute_taker", "participant_id": guardian_p}), 409, "delegate to a parent")
                check("R4" in json.dumps(refused, ensure_ascii=False), f"refusal without the rule: {refused}")

                # --- Files on the agenda.
                status, doc = upload(server, teacher, mid, PDF, "plan.pdf", "Handleplan")
                check(status == 201 and doc["content_type"] == "application/pdf", f"upload: {status} {doc}")
                status, _ = upload(server, teacher, mid, b"MZ\x90\x00binary", "plan.pdf", "")
                check(status == 422, f"an executable named .pdf: {status}")
                agenda = expect(api(server, teacher, "GET", f"/meetings/{mid}/agenda"), 200, "agenda")
                check([d["id"] for d in agenda["documents"] if d["kind"] == "file"] == [doc["id"]], f"agenda: {agenda}")
                expect(api(server, teacher, "POST", f"/meetings/{mid}/agenda/send"), 200, "send agenda")
                mail = sink.wait_for(lambda m: GUARDIAN[0] in m["to"] and f"/moeder/{mid}/dokumenter/" in m["text"])
                check("plan.pdf" not in mail["text"] and "Handleplan" not in mail["text"], "file name in the agenda mail")
                path = f"/api/v1/meetings/{mid}/agenda/documents/{doc['id']}"
                status, body = download(server, teacher, path)
                check(status == 200 and body == PDF, f"download by the convener: {status}")
                outsider = demo_token(url, "sundhedsplejerske@demo-kommune.invalid")
                status, _ = download(server, outsider, path)
                check(status == 404, f"download by staff outside the meeting: {status}")
                parent = Browser(server)
                parent.log_in(GUARDIAN)
                status, headers, body = parent.get(f"/moeder/{mid}/dokumenter/{doc['id']}")
                check(status == 200 and body.encode() == PDF, f"download by the guardian: {status}")
                check("attachment" in headers.get("Content-Disposition", ""), f"not an attachment: {headers}")
            finally:
                stop_cleanly(server)
            verify_audit(url)
    finally:
        sink.stop()


SCENARIOS = {"dates": scenario_dates}


if __name__ == "__main__":
    sys.exit(scenario_main(SCENARIOS, __doc__))
