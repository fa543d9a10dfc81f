#!/usr/bin/env python3
"""End-to-end test of consent given on paper (issue 5 item 4, X1) and F9 against the real
samspil binary, on SQLite and PostgreSQL:

- paper: a teacher opens "Registrér samtykke givet på papir" from the case page, posts the
  multipart form empty (422, error summary linking each field, input kept), then with a
  renamed executable as scan (refused by magic bytes, nothing saved), then correctly with a
  PDF scan and two scopes (303 back to the case with a flash; a double submit with the same
  idempotency key saves nothing more). The case page lists the consents as "På papir" with a
  link to the scan; the scan downloads (attachment, %PDF, the read is in the audit log); the
  case page and the timeline page say "Samtykke registreret fra papir".
- f9: a closed case on the road into PPR cannot be moved back to internal sparring; the API
  refusal names rule F9, and the paper form on a closed case sends back to the case page.

Usage: consent_paper_e2e.py SCENARIO ENGINE   (SAMSPIL_BIN names the binary; ctest sets it)
"""
import base64
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile
import uuid
from zoneinfo import ZoneInfo

from cases_e2e import Api, expect, hidden, seed
from harness import Failure, Server, check, fresh_postgres_database, run, scenario_main, sqlite_url, stop_cleanly
from request_form_e2e import get_raw, post_raw, query, sign_in, token_for

PASSWORD = "en lang nok adgangskode"
PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


def multipart(pairs, file_name, data, content_type="application/pdf"):
    """A multipart/form-data body from (name, value) pairs (repeated names kept) and one file."""
    boundary = "----samspil" + uuid.uuid4().hex
    out = b""
    for name, value in pairs:
        out += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n").encode()
        out += value.encode() + b"\r\n"
    if file_name is not None:
        out += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\n"
                f"Content-Type: {content_type}\r\n\r\n").encode() + data + b"\r\n"
    out += f"--{boundary}--\r\n".encode()
    return out, "multipart/form-data; boundary=" + boundary


def world(tmp, engine):
    url = sqlite_url(tmp) if engine == "sqlite" else fresh_postgres_database()
    migrated = run("migrate", "--database-url", url)
    check(migrated.returncode == 0, "migrate failed: " + migrated.stderr)
    seed(url)
    made = subprocess.run([os.environ["SAMSPIL_BIN"], "user", "add", "--database-url", url, "--tenant", "t1",
                           "--email", "laerer@example.dk", "--name", "Lærer Lise", "--role", "professional",
                           "--unit", "u-school", "--password-stdin"],
                          input=PASSWORD + "\n", capture_output=True, text=True, timeout=120)
    check(made.returncode == 0, "user add: " + made.stderr)
    key = base64.b64encode(os.urandom(32)).decode()
    server = Server(url, "--secure-cookies", "0", env={"SAMSPIL_SECRET_KEY": key})
    return url, server


def count(url, sql):
    return int(query(url, sql)[0][0])


def scenario_paper(engine):
    with tempfile.TemporaryDirectory() as tmp:
        url, server = world(tmp, engine)
        try:
            teacher = Api(server, token_for(url, "t1", "laerer@example.dk"))
            case_id = expect(teacher.call("POST", "/cases", {"child_id": "c-1", "title": "Trivsel i skolen"}), 201,
                             "register")["id"]
            case_path = f"/sager/{case_id}"
            b = sign_in(server, "laerer@example.dk", PASSWORD)
            status, _, html = b.request("GET", case_path)
            check(status == 200, f"case page: {status}")
            check(f'href="{case_path}/samtykke/papir"' in html, "the case page links to the paper consent form")
            check("Der er ikke registreret samtykker for barnet." in html, "no consents listed yet")

            status, _, form = b.request("GET", case_path + "/samtykke/papir")
            check(status == 200, f"paper form: {status}")
            check('enctype="multipart/form-data"' in form, "the form posts multipart (a file, no JS needed)")
            for text in ("Registrér samtykke givet på papir", 'value="g-mother"', 'value="g-father"',
                         'value="ppr_request_single_child"', 'value="professionals_meet_without_parents"',
                         'type="file"', 'type="date"'):
                check(text in form, f"the form lacks {text!r}")
            csrf = hidden(form, "csrf_token")
            key = hidden(form, "idempotency_key")

            # Empty: 422, the error summary links each field, what was typed is kept.
            body, ctype = multipart([("csrf_token", csrf), ("idempotency_key", key),
                                     ("purpose", "Henvendelse til PPR om Alma")], None, b"")
            status, _, page = post_raw(b, case_path + "/samtykke/papir", body, ctype)
            check(status == 422 and "<title>Fejl: " in page, f"empty form: {status}")
            for anchor in ("#guardian-id", "#scopes", "#parties", "#given-on", "#file"):
                check(f'href="{anchor}' in page, f"the error summary does not link {anchor}")
            check("Henvendelse til PPR om Alma" in page, "the purpose typed is not kept")

            today = datetime.datetime.now(ZoneInfo("Europe/Copenhagen")).date()
            given_on = (today - datetime.timedelta(days=2)).isoformat()
            fields = [("csrf_token", csrf), ("idempotency_key", key), ("guardian_id", "g-mother"),
                      ("scopes", "ppr_request_single_child"), ("scopes", "professionals_meet_without_parents"),
                      ("purpose", "Henvendelse til PPR om Alma"), ("parties", "Skolen og PPR"),
                      ("given_on", given_on), ("expires_on", "")]
            # A renamed executable: refused by its first bytes; nothing is saved.
            body, ctype = multipart(fields, "samtykke.pdf", b"MZ\x90\x00" + os.urandom(64))
            status, _, page = post_raw(b, case_path + "/samtykke/papir", body, ctype)
            check(status == 422 and "PDF, PNG eller JPEG" in page, f"a renamed .exe: {status}")
            check(count(url, "SELECT count(*) FROM consents") == 0, "a consent was saved with a bad scan")
            check(count(url, "SELECT count(*) FROM consent_scans") == 0, "a bad scan was saved")

            body, ctype = multipart(fields, "samtykke-alma.pdf", PDF)
            status, headers, _ = post_raw(b, case_path + "/samtykke/papir", body, ctype)
            check(status == 303 and headers.get("Location") == case_path, f"record: {status} {headers}")
            status, headers, _ = post_raw(b, case_path + "/samtykke/papir", body, ctype)
            check(status == 303, f"a double submit: {status}")
            check(count(url, "SELECT count(*) FROM consents WHERE source = 'paper'") == 2,
                  "two scopes from one paper make two consents, once")
            check(count(url, "SELECT count(*) FROM consent_scans") == 1, "one scan")

            status, _, html = b.request("GET", case_path)
            check("Samtykket er registreret fra papir." in html, "no flash after recording")
            check(html.count("På papir") == 2, "the consents are not listed as given on paper")
            check("Henvendelse til PPR om et enkelt barn" in html, "the scope's name is not shown")
            check("Samtykke registreret fra papir" in html, "the case page's timeline lacks the paper label")
            m = re.search(r'href="(' + re.escape(case_path) + r'/samtykke/scanning/[^"]+)"', html)
            check(m, "no link to the scan on the case page")
            reads = count(url, "SELECT count(*) FROM audit_log WHERE object_type = 'consent_scan' AND action = 'read'")
            status, headers, data = get_raw(b, m.group(1))
            check(status == 200 and data == PDF, f"scan download: {status}")
            check(headers.get("Content-Disposition", "").startswith("attachment"), f"not an attachment: {headers}")
            check(count(url, "SELECT count(*) FROM audit_log WHERE object_type = 'consent_scan' AND action = 'read'")
                  == reads + 1, "the download is not in the audit log")

            status, _, timeline = b.request("GET", case_path + "/tidslinje")
            check(status == 200 and "Samtykke registreret fra papir" in timeline,
                  f"the timeline page lacks the paper label: {status}")

            # The API sees the same consents, with the scan's id.
            listed = expect(teacher.call("GET", "/consents?child_id=c-1"), 200, "consents")
            check(all(c["source"] == "paper" and c["scan_attachment_id"] for c in listed["items"]),
                  f"API consents: {listed}")
        finally:
            stop_cleanly(server)


def scenario_f9(engine):
    with tempfile.TemporaryDirectory() as tmp:
        url, server = world(tmp, engine)
        try:
            teacher = Api(server, token_for(url, "t1", "laerer@example.dk"))
            case_id = expect(teacher.call("POST", "/cases", {"child_id": "c-1", "title": "Trivsel"}), 201,
                             "register")["id"]
            expect(teacher.call("POST", f"/cases/{case_id}/transitions",
                                {"to_state": "intern_sparring", "via": "sparring_holdt"}), 200, "to sparring")
            closed = expect(teacher.call("POST", f"/cases/{case_id}/transitions",
                                         {"to_state": "lukket", "via": "bekymring_loest",
                                          "reason": "Bekymringen er løst"}), 200, "close")
            check(closed["state"] == "lukket", f"closed: {closed}")
            refused = expect(teacher.call("POST", f"/cases/{case_id}/transitions",
                                          {"to_state": "intern_sparring", "via": "sparring_holdt"}), 409,
                             "back to sparring from a closed case")
            text = json.dumps(refused, ensure_ascii=False)
            check("(F9)" in text and "Afsluttet" in text, f"the refusal names F9 in Danish: {text}")
            refused = expect(teacher.call("POST", f"/cases/{case_id}/transitions",
                                          {"to_state": "forloeb", "via": ""}), 409, "reopen without a meeting")
            check("Opstartsmøde" in json.dumps(refused, ensure_ascii=False), f"a new meeting is named: {refused}")
            view = expect(teacher.call("GET", f"/cases/{case_id}"), 200, "case")
            check(view["state"] == "lukket", f"the case is still closed: {view}")
            b = sign_in(server, "laerer@example.dk", PASSWORD)
            status, headers, _ = b.request("GET", f"/sager/{case_id}/samtykke/papir")
            check(status == 303 and headers.get("Location") == f"/sager/{case_id}",
                  f"the paper form on a closed case: {status}")
        finally:
            stop_cleanly(server)


SCENARIOS = {"paper": scenario_paper, "f9": scenario_f9}

if __name__ == "__main__":
    sys.exit(scenario_main(SCENARIOS, __doc__))
