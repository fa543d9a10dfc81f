#!/usr/bin/env python3
"""End-to-end test of the request form (anmodningsskema, issue 5 item 3) against the real
samspil binary: a teacher fills the form in steps on /sager/{id}/anmodning (Danish
validation errors with the error summary, a double submit keeps one version), uploads a
PDF (an .exe renamed .pdf and a too large file are refused and nothing is saved), marks it
completed together with the parents; a guardian reads it and downloads the PDF (%PDF and
qpdf --check); another municipality's user gets 404. The R10 status against a held
meeting is covered by tests/service/request_forms (gtest, both engines).

Usage: request_form_e2e.py SCENARIO ENGINE   (SAMSPIL_BIN names the binary; ctest sets it)
"""
import base64
import os
import re
import json
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request

from cases_e2e import SEED, Api, Browser, expect, hidden, seed
from harness import Failure, Server, check, fresh_postgres_database, run, scenario_main, sqlite_url

EXTRA_SEED = [
    "INSERT INTO tenants (id, name, created_at) VALUES ('t2', 'Anden kommune', 1)",
    "INSERT INTO units (id, tenant, kind, name, created_at) VALUES ('x-school', 't2', 'school', 'Skolen', 1)",
    "INSERT INTO users (id, tenant, email, display_name, role, created_at) "
    "VALUES ('x-leader', 't2', 'x-leader@example.dk', 'Leder', 'unit_leader', 1)",
    "INSERT INTO unit_memberships (tenant, user_id, unit_id, is_leader) VALUES ('t2', 'x-leader', 'x-school', 1)",
]


def multipart(fields, file_name, data, content_type="application/octet-stream"):
    boundary = "----samspil" + base64.b16encode(os.urandom(8)).decode()
    out = b""
    for name, value in fields.items():
        out += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").encode()
    out += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\n"
            f"Content-Type: {content_type}\r\n\r\n").encode() + data + b"\r\n"
    out += f"--{boundary}--\r\n".encode()
    return out, "multipart/form-data; boundary=" + boundary


def post_raw(browser, path, body, content_type):
    request = urllib.request.Request(browser.server.url(path), data=body, method="POST",
                                     headers={"Content-Type": content_type})
    try:
        with browser.opener.open(request, timeout=60) as r:
            return r.status, dict(r.headers), r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read().decode()


def get_bytes(server, path, token):
    request = urllib.request.Request(server.url(path), headers={"Authorization": "Bearer " + token})
    try:
        with urllib.request.urlopen(request, timeout=120) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def query(url, sql):
    if url.startswith("sqlite"):
        conn = sqlite3.connect(url[len("sqlite://"):])
        rows = conn.execute(sql).fetchall()
        conn.commit()
        conn.close()
        return rows
    out = subprocess.run(["psql", url, "-v", "ON_ERROR_STOP=1", "-At", "-c", sql], capture_output=True, text=True,
                         check=True).stdout
    return [tuple(line.split("|")) for line in out.splitlines() if line]


def get_raw(browser, path):
    try:
        with browser.opener.open(browser.server.url(path), timeout=120) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def sign_in(server, email, password):
    b = Browser(server)
    status, _, html = b.request("GET", "/log-ind")
    status, _, _ = b.request("POST", "/log-ind", {
        "csrf_token": hidden(html, "csrf_token"), "kommune": "t1", "email": email, "adgangskode": password})
    check(status == 303, f"sign in {email}: {status}")
    return b


def token_for(url, tenant, email):
    made = run("token", "create", "--database-url", url, "--tenant", tenant, "--user", email)
    check(made.returncode == 0, f"token create {email}: {made.stderr}")
    return made.stdout.strip().splitlines()[-1].strip()


def scenario_fill(engine):
    with tempfile.TemporaryDirectory() as tmp:
        url = sqlite_url(tmp) if engine == "sqlite" else fresh_postgres_database()
        check(run("migrate", "--database-url", url).returncode == 0, "migrate failed")
        SEED.extend(s for s in EXTRA_SEED if s not in SEED)
        seed(url)
        made = subprocess.run([os.environ["SAMSPIL_BIN"], "user", "add", "--database-url", url, "--tenant", "t1",
                               "--email", "laerer@example.dk", "--name", "Lærer Lise", "--role", "professional",
                               "--unit", "u-school", "--password-stdin"],
                              input="en lang nok adgangskode\n", capture_output=True, text=True, timeout=120)
        check(made.returncode == 0, "user add: " + made.stderr)
        added = subprocess.run([os.environ["SAMSPIL_BIN"], "user", "add", "--database-url", url, "--tenant", "t1",
                                "--email", "mor@example.dk", "--name", "Mor Jensen", "--role", "guardian",
                                "--password-stdin"], input="en lang nok adgangskode\n", capture_output=True,
                               text=True, timeout=120)
        check(added.returncode == 0, "user add guardian: " + added.stderr)
        mother_id = query(url, "SELECT id FROM users WHERE email = 'mor@example.dk'")[0][0]
        query(url, "INSERT INTO guardianships (tenant, child_id, user_id, relation, has_custody, created_at) "
                   f"VALUES ('t1', 'c-1', '{mother_id}', 'parent', 1, 3)")
        tokens = {e: token_for(url, t, e) for t, e in (("t1", "laerer@example.dk"), ("t1", "p-stranger@example.dk"),
                                                        ("t2", "x-leader@example.dk"))}
        key = base64.b64encode(os.urandom(32)).decode()
        server = Server(url, "--secure-cookies", "0", env={"SAMSPIL_SECRET_KEY": key})
        try:
            b = sign_in(server, "laerer@example.dk", "en lang nok adgangskode")
            g = sign_in(server, "mor@example.dk", "en lang nok adgangskode")
            status, _, html = b.request("GET", "/sager/ny")
            status, headers, _ = b.request("POST", "/sager/ny", {
                "csrf_token": hidden(html, "csrf_token"), "idempotency_key": hidden(html, "idempotency_key"),
                "title": "Trivsel i frikvartererne", "child_id": "c-1"})
            check(status == 303, f"register: {status}")
            case_path = headers["Location"]
            case_id = case_path.rsplit("/", 1)[-1]
            form_path = case_path + "/anmodning"
            teacher = Api(server, tokens["laerer@example.dk"])

            def mother_get(path):
                status, _, text = g.request("GET", "/api/v1" + path)
                return status, (json.loads(text) if text.startswith("{") else text)
            stranger = Api(server, tokens["p-stranger@example.dk"])
            foreign = Api(server, tokens["x-leader@example.dk"])

            # Step 1 with the concern left empty: error summary first, Danish message, 422.
            status, headers, html = b.request("GET", form_path)
            check(status == 200 and "Trin 1 af 6" in html, f"step 1: {status}")
            check("no-store" in headers.get("Cache-Control", ""), "the form page is no-store")
            step1 = {"csrf_token": hidden(html, "csrf_token"), "idempotency_key": hidden(html, "idempotency_key"),
                     "step": "1", "concern": "", "tried": "Legegrupper i fire uger", "purpose": ""}
            status, _, page = b.request("POST", form_path, step1)
            check(status == 422 and "<title>Fejl: " in page and 'href="#concern"' in page
                  and "Udfyld Hvad er bekymringen?" in page and "Legegrupper i fire uger" in page,
                  f"an empty concern gives the error summary and keeps the input: {status}")
            step1["concern"] = "Trækker sig i frikvarteret"
            for attempt in range(2):  # a double submit
                status, headers, _ = b.request("POST", form_path, step1)
                check(status == 303 and headers.get("Location") == form_path + "?trin=2", f"step 1 save: {status}")
            view = expect(teacher.call("GET", f"/cases/{case_id}/request-form"), 200, "the form over the API")
            check(view["version"] == 1 and len(view["versions"]) == 1, f"one version after a double submit: {view}")
            check(view["answers"]["concern"] == "Trækker sig i frikvarteret", "the concern is saved")

            status, _, html = b.request("GET", form_path + "?trin=2")
            check(status == 200 and "Trin 2 af 6" in html, "step 2")
            status, _, page = b.request("POST", form_path, {
                "csrf_token": hidden(html, "csrf_token"), "step": "2", "resources": "Glad for at tegne",
                "child_view": "", "child_perspective": "not_obtained", "child_reason": ""})
            check(status == 422 and "Skriv hvorfor barnets perspektiv ikke er undersøgt" in page,
                  f"X2: a reason is needed when the child's perspective was not obtained: {status}")
            status, _, _ = b.request("POST", form_path, {
                "csrf_token": hidden(html, "csrf_token"), "step": "2", "resources": "Glad for at tegne",
                "child_view": "Vil gerne have en ven", "child_perspective": "obtained", "child_reason": ""})
            check(status == 303, f"step 2 save: {status}")
            status, _, _ = b.request("POST", form_path, {
                "csrf_token": hidden(html, "csrf_token"), "step": "3", "parents_view": "Genkender det hjemme",
                "parents_wishes": ""})
            check(status == 303, f"step 3 save: {status}")
            status, _, html = b.request("GET", form_path + "?trin=4")
            types = re.findall(r'<option value="([a-z0-9_]+)"', html)
            check(status == 200 and types, "step 4 offers the model's meeting types")
            status, headers, _ = b.request("POST", form_path, {
                "csrf_token": hidden(html, "csrf_token"), "step": "4", "wished_meeting_type": types[0],
                "invitees": "Psykolog"})
            check(status == 303 and headers.get("Location") == form_path + "?trin=5", f"step 4 save: {status}")

            # Attachments: a PDF is kept; an .exe named .pdf and a too large file are refused.
            csrf = hidden(html, "csrf_token")
            pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
            body, ctype = multipart({"csrf_token": csrf}, "udtalelse.pdf", pdf, "application/pdf")
            status, headers, _ = post_raw(b, form_path + "/bilag", body, ctype)
            check(status == 303, f"a PDF is accepted: {status}")
            body, ctype = multipart({"csrf_token": csrf}, "virus.pdf", b"MZ\x90\x00" + os.urandom(64), "application/pdf")
            status, _, page = post_raw(b, form_path + "/bilag", body, ctype)
            check(status == 422 and "PDF, PNG, JPEG eller Word" in page, f"an .exe renamed .pdf is refused: {status}")
            body, ctype = multipart({"csrf_token": csrf}, "stor.pdf", b"%PDF-" + b"x" * (9 * 1024 * 1024))
            status, _, page = post_raw(b, form_path + "/bilag", body, ctype)
            check(status == 422 and "for stor" in page, f"a file over the limit is refused: {status}")
            body, ctype = multipart({}, "udtalelse.pdf", pdf)
            status, _, _ = post_raw(b, form_path + "/bilag", body, ctype)
            check(status == 403, f"an upload without the CSRF token is refused: {status}")
            listed = expect(teacher.call("GET", f"/cases/{case_id}/request-form/attachments"), 200, "attachments")
            check(len(listed["items"]) == 1 and listed["items"][0]["content_type"] == "application/pdf",
                  f"only the PDF was saved: {listed}")
            attachment_id = listed["items"][0]["id"]
            status, headers, data = get_bytes(server, f"/api/v1/cases/{case_id}/request-form/attachments/{attachment_id}",
                                              tokens["laerer@example.dk"])
            check(status == 200 and data == pdf and headers.get("Content-Disposition", "").startswith("attachment")
                  and "no-store" in headers.get("Cache-Control", ""), f"the attachment downloads as sent: {status}")
            status, _, _ = get_raw(g, f"/foraeldre/sager/{case_id}/anmodning/bilag/{attachment_id}")
            check(status == 404, f"a guardian sees no attachment of a draft: {status}")
            expect(mother_get(f"/cases/{case_id}/request-form"), 404, "a guardian does not see the draft")
            status, _, _ = g.request("GET", f"/foraeldre/sager/{case_id}/anmodning")
            check(status == 404, f"a guardian's page of a draft: {status}")

            # Completion together with the parents.
            status, _, html = b.request("GET", form_path + "?trin=6")
            check(status == 200 and "Trin 6 af 6" in html and "Trækker sig i frikvarteret" in html, "review step")
            status, _, page = b.request("POST", form_path + "/udfyldt", {
                "csrf_token": hidden(html, "csrf_token"), "idempotency_key": hidden(html, "idempotency_key")})
            check(status == 422 and "Bekræft at skemaet er udfyldt sammen med forældrene" in page,
                  f"completion needs the parents and the confirmation: {status}")
            complete = {"csrf_token": hidden(html, "csrf_token"), "idempotency_key": hidden(html, "idempotency_key"),
                        "parents_present": mother_id, "confirmed": "yes"}
            for attempt in range(2):  # a double submit of the completion
                status, headers, _ = b.request("POST", form_path + "/udfyldt", complete)
                check(status == 303 and headers.get("Location") == form_path, f"complete: {status}")
            view = expect(teacher.call("GET", f"/cases/{case_id}/request-form"), 200, "completed form")
            check(view["status"] == "completed" and view["completed_with_parents"]
                  and view["engine_status"] == "new_or_updated", f"completed with the parents: {view}")
            status, _, html = b.request("GET", form_path)
            check(status == 200 and "Start en ny version" in html, "a completed form offers a new version")

            # The guardian reads it and downloads the PDF; outsiders get 404.
            seen = expect(mother_get(f"/cases/{case_id}/request-form"), 200, "the guardian reads the form")
            check(seen["answers"]["parents_view"] == "Genkender det hjemme" and not seen["may_edit"]
                  and seen["parents_present"] == ["Mor Jensen"], f"{seen}")
            status, _, page = g.request("GET", f"/foraeldre/sager/{case_id}/anmodning")
            check(status == 200 and "Genkender det hjemme" in page and "udtalelse.pdf" in page,
                  f"the guardian's page shows the form and its attachment: {status}")
            status, _, data = get_raw(g, f"/foraeldre/sager/{case_id}/anmodning/bilag/{attachment_id}")
            check(status == 200 and data == pdf, f"the guardian opens the attachment: {status}")
            status, headers, data = get_raw(g, f"/foraeldre/sager/{case_id}/anmodning.pdf")
            check(status == 200 and data.startswith(b"%PDF") and "no-store" in headers.get("Cache-Control", ""),
                  f"the guardian downloads the PDF: {status} {data[:200]!r}")
            if shutil.which("qpdf"):
                path = os.path.join(tmp, "form.pdf")
                with open(path, "wb") as f:
                    f.write(data)
                checked = subprocess.run(["qpdf", "--check", path], capture_output=True, text=True)
                check(checked.returncode == 0, "qpdf --check: " + checked.stdout[-500:] + checked.stderr[-500:])
            status, _, _ = g.request("GET", form_path)
            check(status == 403, f"a guardian cannot open the staff form: {status}")
            expect(foreign.call("GET", f"/cases/{case_id}/request-form"), 404, "another municipality")
            status, _, _ = get_bytes(server, f"/api/v1/cases/{case_id}/request-form.pdf", tokens["x-leader@example.dk"])
            check(status == 404, f"another municipality gets no PDF: {status}")
            expect(stranger.call("GET", f"/cases/{case_id}/request-form"), 404, "a professional outside the case")

            # R10: a new version (double submit → one) is a draft until completed again.
            made = expect(teacher.call("POST", f"/cases/{case_id}/request-form/versions", None,
                                       {"Idempotency-Key": "v2"}), 201, "new version")
            again = expect(teacher.call("POST", f"/cases/{case_id}/request-form/versions", None,
                                        {"Idempotency-Key": "v2"}), 201, "new version again")
            check(made["version"] == 2 and again["version"] == 2 and len(again["versions"]) == 2,
                  f"one new version: {again}")
            seen = expect(mother_get(f"/cases/{case_id}/request-form"), 200, "guardian after a new draft")
            check(seen["version"] == 1, "the guardian still sees the completed version 1")
        finally:
            code, _ = server.stop()
            check(code == 0, "server did not stop cleanly: " + server.stderr()[-2000:])
        verified = run("audit", "verify", "--database-url", url)
        check(verified.returncode == 0, "audit verify: " + verified.stdout + verified.stderr)


SCENARIOS = {"fill": scenario_fill}


if __name__ == "__main__":
    sys.exit(scenario_main(SCENARIOS, __doc__))
