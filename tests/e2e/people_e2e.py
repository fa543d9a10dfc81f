#!/usr/bin/env python3
"""End-to-end tests of people and organisation (issue 4 item 1) with the real binary:
`samspil user add` and `samspil token create/list/revoke` on the command line, bearer tokens
on GET /api/v1/users (accepted; refused after revocation and after expiry), and the JSON API
for units, users and guardians: Danish 422 validation errors, 404 across municipalities.

Usage: people_e2e.py SCENARIO ENGINE   (SAMSPIL_BIN names the binary; ctest sets it)
"""
import json
import sqlite3
import subprocess
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request

from harness import Failure, Server, api, check, fresh_postgres_database, run, scenario_main, sqlite_url, stop_cleanly

PASSPHRASE = "en-lang-adgangskode-1"


def sql(url, statements):
    if url.startswith("sqlite"):
        conn = sqlite3.connect(url[len("sqlite://"):])
        for statement in statements:
            conn.execute(statement)
        conn.commit()
        conn.close()
    else:
        subprocess.run(["psql", url, "-v", "ON_ERROR_STOP=1", "-q"], input=";\n".join(statements) + ";\n", text=True,
                       check=True, capture_output=True)


def prepare(engine, tmp):
    url = sqlite_url(tmp) if engine == "sqlite" else fresh_postgres_database()
    migrated = run("migrate", "--database-url", url)
    check(migrated.returncode == 0, "migrate failed: " + migrated.stderr)
    sql(url, ["INSERT INTO tenants (id, name, created_at) VALUES ('t1', 'Kommune Et', 1)",
              "INSERT INTO tenants (id, name, created_at) VALUES ('t2', 'Kommune To', 1)"])
    return url


def user_add(url, tenant, email, role, *extra, password=PASSPHRASE):
    return subprocess.run([*run_prefix(), "user", "add", "--database-url", url, "--tenant", tenant, "--email", email,
                           "--name", "Navn " + email, "--role", role, "--password-stdin", *extra],
                          input=password + "\n", capture_output=True, text=True, timeout=120)


def run_prefix():
    import harness
    return [harness.SAMSPIL]


def token_for(url, tenant, email, *extra):
    made = run("token", "create", "--database-url", url, "--tenant", tenant, "--user", email, *extra)
    check(made.returncode == 0, f"token create failed: {made.stderr}")
    lines = made.stdout.strip().splitlines()
    check(len(lines) == 1, f"token create prints exactly the token on stdout: {made.stdout!r}")
    return lines[0].strip()


class Api:
    def __init__(self, server, token):
        self.server = server
        self.token = token

    def call(self, method, path, body=None, raw=None):
        return api(self.server, self.token, method, path, body, raw=raw)


def scenario_cli_and_tokens(engine):
    with tempfile.TemporaryDirectory() as tmp:
        url = prepare(engine, tmp)
        added = user_add(url, "t1", "Admin@Et.dk", "administrator")
        check(added.returncode == 0, "user add failed: " + added.stderr)
        check(len(added.stdout.strip()) == 26, f"user add prints the new id: {added.stdout!r}")
        again = user_add(url, "t1", "admin@et.dk", "administrator")
        check(again.returncode == 1, "a second user with the same e-mail must be refused")
        check("findes allerede" in again.stderr and len(again.stderr.strip().splitlines()) == 1,
              f"one clear line: {again.stderr!r}")
        short = user_add(url, "t1", "kort@et.dk", "professional", password="kort")
        check(short.returncode == 1 and "mindst 12 tegn" in short.stderr, f"short passphrase: {short.stderr!r}")
        bad = user_add(url, "t1", "x@et.dk", "professional", "--profession", "astronaut")
        check(bad.returncode == 1 and "faggrupper" in bad.stderr, f"unknown profession: {bad.stderr!r}")
        psych = user_add(url, "t1", "psykolog@et.dk", "professional", "--profession", "ppr_psychologist")
        check(psych.returncode == 0, "user add professional failed: " + psych.stderr)
        check(user_add(url, "nowhere", "a@b.dk", "professional").returncode == 1, "unknown tenant must fail")

        admin_token = token_for(url, "t1", "admin@et.dk", "--label", "Test")
        psych_token = token_for(url, "t1", "psykolog@et.dk")
        expiring = token_for(url, "t1", "admin@et.dk", "--expires", "2099-12-31")
        past = run("token", "create", "--database-url", url, "--tenant", "t1", "--user", "admin@et.dk",
                   "--expires", "2001-01-01")
        check(past.returncode == 1 and "fremtiden" in past.stderr, f"past expiry refused: {past.stderr!r}")
        nobody = run("token", "create", "--database-url", url, "--tenant", "t1", "--user", "nobody@et.dk")
        check(nobody.returncode == 1, "token for an unknown user must fail")
        # Only the hash is stored.
        if url.startswith("sqlite"):
            conn = sqlite3.connect(url[len("sqlite://"):])
            stored = [r[0] for r in conn.execute("SELECT token_hash FROM api_tokens")]
            conn.close()
            check(admin_token not in stored and all(len(h) == 64 for h in stored), "only SHA-256 hex is stored")

        server = Server(url)
        try:
            admin, psych_api, exp = Api(server, admin_token), Api(server, psych_token), Api(server, expiring)
            status, body = admin.call("GET", "/users")
            check(status == 200, f"admin token on /users: {status} {body}")
            check(sorted(u["email"] for u in body["items"]) == ["admin@et.dk", "psykolog@et.dk"], f"users: {body}")
            check(body["next_cursor"] is None, "one page")
            status, body = psych_api.call("GET", "/users")
            check(status == 403, f"a professional may not list users: {status}")
            check(exp.call("GET", "/users")[0] == 200, "a token before its expiry works")

            listed = run("token", "list", "--database-url", url, "--tenant", "t1", "--user", "admin@et.dk")
            check(listed.returncode == 0, listed.stderr)
            rows = [line.split("\t") for line in listed.stdout.strip().splitlines()]
            check(len(rows) == 2 and all(r[1] == "active" for r in rows), f"token list: {listed.stdout!r}")
            expiring_row = [r for r in rows if r[3] == "2099-12-31"]
            test_row = [r for r in rows if r[4] == "Test"]
            check(len(expiring_row) == 1 and len(test_row) == 1, f"expiry and label listed: {rows}")

            revoked = run("token", "revoke", "--database-url", url, "--id", test_row[0][0])
            check(revoked.returncode == 0, revoked.stderr)
            status, _ = admin.call("GET", "/users")
            check(status == 401, f"a revoked token is refused: {status}")
            check(run("token", "revoke", "--database-url", url, "--id", "no-such-id").returncode == 1,
                  "revoking an unknown id fails")

            sql(url, [f"UPDATE api_tokens SET expires_at = 1000 WHERE id = '{expiring_row[0][0]}'"])
            status, _ = exp.call("GET", "/users")
            check(status == 401, f"an expired token is refused: {status}")
        finally:
            stop_cleanly(server)
        verified = run("audit", "verify", "--database-url", url)
        check(verified.returncode == 0, "the access log's chain verifies: " + verified.stdout + verified.stderr)


def scenario_api(engine):
    with tempfile.TemporaryDirectory() as tmp:
        url = prepare(engine, tmp)
        for tenant in ("t1", "t2"):
            check(user_add(url, tenant, f"admin@{tenant}.dk", "administrator").returncode == 0, "admin add")
        sql(url, ["INSERT INTO children (id, tenant, first_name, last_name, birth_date, created_at) "
                  "VALUES ('c1', 't1', 'Alma', 'Test', '2018-01-01', 1), ('c2', 't2', 'Bo', 'Test', '2018-01-01', 1)"])
        a_token = token_for(url, "t1", "admin@t1.dk")
        b_token = token_for(url, "t2", "admin@t2.dk")
        server = Server(url)
        try:
            a, b = Api(server, a_token), Api(server, b_token)
            status, top = a.call("POST", "/units", {"name": "Skoler", "kind": "administration"})
            check(status == 201 and top["parent_id"] is None, f"create unit: {status} {top}")
            status, school = a.call("POST", "/units", {"name": "Vestre Skole", "kind": "school", "parent_id": top["id"]})
            check(status == 201 and school["parent_id"] == top["id"], f"create child unit: {status} {school}")
            status, body = a.call("POST", "/units", {"name": "", "kind": "castle"})
            check(status == 422, f"invalid unit: {status}")
            check(body["errors"] == {"name": "Skriv enhedens navn", "kind": "Vælg enhedens type"}, f"errors: {body}")
            status, body = a.call("POST", "/units", {"name": "Vestre Skole", "kind": "school", "parent_id": top["id"]})
            check(status == 422 and "findes allerede" in body["errors"]["name"], f"double submit: {status} {body}")
            status, body = a.call("PATCH", f"/units/{top['id']}", {"parent_id": school["id"]})
            check(status == 422 and "parent_id" in body["errors"], f"cycle refused: {status} {body}")
            status, body = a.call("PATCH", f"/units/{school['id']}", {"name": "Vestre Skole og SFO", "parent_id": None})
            check(status == 200 and body["parent_id"] is None and body["name"] == "Vestre Skole og SFO", f"{body}")
            check(b.call("GET", f"/units/{school['id']}")[0] == 404, "another municipality's unit is 404")
            check(b.call("PATCH", f"/units/{school['id']}", {"name": "X"})[0] == 404, "and cannot be changed")
            status, body = b.call("GET", "/units")
            check(status == 200 and body["items"] == [], f"B sees none of A's units: {body}")
            check(a.call("POST", "/units", raw=b"[1,2")[0] == 400, "malformed JSON is 400")

            new_user = {"email": "laerer@t1.dk", "display_name": "Lærer Larsen", "role": "professional",
                        "password": PASSPHRASE, "professions": ["teacher"],
                        "memberships": [{"unit_id": school["id"], "is_leader": False}]}
            status, user = a.call("POST", "/users", new_user)
            check(status == 201 and user["professions"] == ["teacher"], f"create user: {status} {user}")
            check(user["memberships"][0]["unit_name"] == "Vestre Skole og SFO", f"membership: {user}")
            status, body = a.call("POST", "/users", new_user)
            check(status == 422 and body["errors"]["email"] == "Der findes allerede en bruger med denne e-mailadresse",
                  f"duplicate e-mail: {status} {body}")
            status, body = a.call("POST", "/users", {"email": "ikke-en-adresse", "display_name": "X",
                                                     "role": "professional", "password": "kort"})
            check(status == 422 and set(body["errors"]) == {"email", "password"}, f"validation: {body}")
            check(body["errors"]["password"] == "Adgangskoden skal være på mindst 12 tegn", f"{body}")
            status, body = a.call("POST", "/users", {"email": "x@t1.dk", "display_name": 5, "role": "professional"})
            check(status == 422 and "display_name" in body["errors"], f"wrong type: {body}")
            check(b.call("GET", f"/users/{user['id']}")[0] == 404, "another municipality's user is 404")
            check(b.call("PATCH", f"/users/{user['id']}", {"disabled": True})[0] == 404, "and cannot be changed")
            status, body = a.call("PATCH", f"/users/{user['id']}", {"role": "unit_leader",
                                  "memberships": [{"unit_id": school["id"], "is_leader": True}]})
            check(status == 200 and body["role"] == "unit_leader" and body["memberships"][0]["is_leader"], f"{body}")
            status, body = a.call("GET", f"/users?role=unit_leader&unit_id={school['id']}")
            check(status == 200 and [u["id"] for u in body["items"]] == [user["id"]], f"filter: {body}")
            status, page = a.call("GET", "/users?limit=1")
            check(status == 200 and len(page["items"]) == 1 and page["next_cursor"], f"paging: {page}")
            status, page2 = a.call("GET", f"/users?limit=1&after={page['next_cursor']}")
            check(status == 200 and page2["items"][0]["id"] != page["items"][0]["id"], f"page 2: {page2}")

            status, guardian = a.call("POST", "/guardians", {"email": "mor@t1.dk", "display_name": "Mor"})
            check(status == 201 and guardian["role"] == "guardian", f"guardian: {status} {guardian}")
            status, body = a.call("POST", f"/guardians/{guardian['id']}/children", {"child_id": "c2"})
            check(status == 422 and "child_id" in body["errors"], f"another municipality's child: {status} {body}")
            status, body = a.call("POST", f"/guardians/{guardian['id']}/children",
                                  {"child_id": "c1", "relation": "foster_parent", "has_custody": False})
            check(status == 200 and body["children"][0]["relation"] == "foster_parent", f"link: {status} {body}")
            check(b.call("POST", f"/guardians/{guardian['id']}/children", {"child_id": "c2"})[0] == 404,
                  "another municipality's guardian is 404")
            status, body = a.call("GET", "/guardians")
            check(status == 200 and body["items"][0]["children"][0]["child_id"] == "c1", f"guardians: {body}")
            # A unit leader reads the members of the unit they lead, nothing else; disabling ends their token.
            leader = Api(server, token_for(url, "t1", "laerer@t1.dk"))
            status, body = leader.call("GET", f"/users?unit_id={school['id']}")
            check(status == 200 and [u["id"] for u in body["items"]] == [user["id"]], f"leader's unit: {status}")
            check(leader.call("GET", "/users")[0] == 403, "a leader may not list the whole municipality")
            check(leader.call("GET", "/units")[0] == 403, "a leader may not administer units")
            status, body = a.call("PATCH", f"/users/{user['id']}", {"disabled": True})
            check(status == 200 and body["disabled"] is True, f"disable: {status} {body}")
            check(leader.call("GET", f"/users?unit_id={school['id']}")[0] == 401, "a disabled user's token is refused")
        finally:
            stop_cleanly(server)
        verified = run("audit", "verify", "--database-url", url)
        check(verified.returncode == 0, "the access log's chain verifies: " + verified.stdout + verified.stderr)


class Pages:
    """The administration pages with a bearer token (no CSRF needed), no redirects followed."""

    def __init__(self, server, token):
        self.server = server
        self.token = token

    def call(self, method, path, form=None):
        import urllib.parse
        data = None if form is None else urllib.parse.urlencode(form, doseq=True).encode()
        headers = {"Authorization": "Bearer " + self.token, "Content-Type": "application/x-www-form-urlencoded"}
        request = urllib.request.Request(self.server.url(path), data=data, method=method, headers=headers)

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None
        opener = urllib.request.build_opener(NoRedirect)
        try:
            with opener.open(request, timeout=20) as r:
                return r.status, dict(r.headers), r.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers), e.read().decode()


def scenario_admin_pages(engine):
    with tempfile.TemporaryDirectory() as tmp:
        url = prepare(engine, tmp)
        check(user_add(url, "t1", "admin@t1.dk", "administrator").returncode == 0, "admin add")
        check(user_add(url, "t1", "laerer@t1.dk", "professional").returncode == 0, "teacher add")
        sql(url, ["INSERT INTO children (id, tenant, first_name, last_name, birth_date, created_at) "
                  "VALUES ('c1', 't1', 'Alma', 'Test', '2018-01-01', 1)"])
        admin = token_for(url, "t1", "admin@t1.dk")
        teacher = token_for(url, "t1", "laerer@t1.dk")
        server = Server(url)
        try:
            p, t = Pages(server, admin), Pages(server, teacher)
            for path in ("/admin", "/admin/enheder", "/admin/brugere", "/admin/brugere/ny", "/admin/foraeldre",
                         "/admin/tokens"):
                status, _, body = p.call("GET", path)
                check(status == 200, f"GET {path}: {status} {body[:300]}")
                check(t.call("GET", path)[0] == 403, f"a professional is refused {path}")
            status, _, body = p.call("POST", "/admin/enheder", {"name": "", "kind": "school", "parent_id": ""})
            check(status == 422 and "Fejl: " in body and "Skriv enhedens navn" in body, f"unit form errors: {status}")
            check('href="#name"' in body, "the error summary links to the field")
            status, headers, _ = p.call("POST", "/admin/enheder", {"name": "Vestre Skole", "kind": "school",
                                                                     "parent_id": ""})
            check(status == 303 and headers.get("Location") == "/admin/enheder", f"unit created: {status} {headers}")
            status, _, body = p.call("GET", "/admin/enheder")
            check("Vestre Skole" in body, "the new unit is listed")
            form = {"email": "ny@t1.dk", "display_name": "Ny Pædagog", "role": "professional",
                    "professions": ["educator"], "units": [], "password": ""}
            status, headers, _ = p.call("POST", "/admin/brugere/ny", form)
            check(status == 303 and headers.get("Location", "").startswith("/admin/brugere/"), f"user: {status}")
            user_path = headers["Location"]
            status, _, body = p.call("POST", "/admin/brugere/ny", form)
            check(status == 422 and "Der findes allerede en bruger med denne e-mailadresse" in body,
                  f"double submit: {status}")
            check('value="ny@t1.dk"' in body, "the input is kept")
            status, _, body = p.call("GET", user_path)
            check(status == 200 and "Ny Pædagog" in body, f"user page: {status}")
            status, headers, _ = p.call("POST", user_path, {"display_name": "Ny Pædagog", "role": "professional",
                                                            "professions": ["educator", "teacher"], "disabled": "1"})
            check(status == 303, f"user saved: {status}")
            status, _, body = p.call("GET", "/admin/brugere?rolle=professional")
            check("Deaktiveret" in body and "laerer@t1.dk" in body, "the list shows status and filters")
            status, headers, _ = p.call("POST", "/admin/brugere/ny", {"email": "mor@t1.dk", "display_name": "Mor",
                                                                      "role": "guardian"})
            check(status == 303 and headers["Location"].startswith("/admin/foraeldre/"), f"guardian: {status}")
            status, headers, _ = p.call("POST", headers["Location"], {"child_id": "c1", "relation": "parent",
                                                                      "has_custody": "1"})
            check(status == 303, f"child linked: {status}")
            status, _, body = p.call("GET", "/admin/foraeldre")
            check("Alma Test" in body, "the guardian list shows the child")
            status, _, body = p.call("GET", "/admin/tokens")
            teacher_id = [line for line in body.split('<option value="')[1:] if "laerer@t1.dk" in line][0].split('"')[0]
            status, headers, body = p.call("POST", "/admin/tokens", {"user_id": teacher_id, "label": "Skema",
                                                                     "expires_at": ""})
            check(status == 200 and "kun denne ene gang" in body, f"token shown once: {status} {teacher_id!r} " + " ".join(l for l in body.splitlines() if "error" in l.lower())[:800])
            check("no-store" in headers.get("Cache-Control", ""), "the token page is not cached")
            secret = body.split('<code id="new-token">')[1].split("</code>")[0]
            check(Api(server, secret).call("GET", "/users")[0] == 403, "the new token works (and is a teacher's)")
            status, _, body = p.call("POST", "/admin/tokens", {"user_id": teacher_id, "label": "", "expires_at": "x"})
            check(status == 422 and "ÅÅÅÅ-MM-DD" in body, f"bad date: {status}")
        finally:
            stop_cleanly(server)


def totp(secret_base32, at):
    import base64, hashlib, hmac, struct
    key = base64.b32decode(secret_base32)
    digest = hmac.new(key, struct.pack(">Q", int(at) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000)


def scenario_demo_admin_totp(engine):
    """`samspil demo` with the field key: the administrator signs in with the published password
    and the published TOTP secret and reaches /admin; the guardian sees two children."""
    import time
    from authz_world import Client, server_args
    with tempfile.TemporaryDirectory() as tmp:
        url = sqlite_url(tmp) if engine == "sqlite" else fresh_postgres_database()
        args = server_args(tmp)
        demo = run("demo", "--database-url", url, *args[2:])
        check(demo.returncode == 0, "demo failed: " + demo.stderr)
        secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
        check(secret in demo.stdout and "foraelder@demo-kommune.invalid" in demo.stdout, f"demo output: {demo.stdout}")
        again = run("demo", "--database-url", url, *args[2:])
        check(again.returncode == 0 and "Findes allerede" in again.stdout, "the demo is idempotent")
        server = Server(url, *args)
        try:
            c = Client(server)
            status, headers = c.sign_in("demo", "admin@demo-kommune.invalid", "demo-administrator-1")
            check(status == 303 and headers.get("Location") == "/log-ind/totp", f"password step: {status} {headers}")
            status, _, page = c.request("GET", "/log-ind/totp")
            check(status == 200, f"totp page: {status}")
            form = urllib.parse.urlencode({"kode": totp(secret, time.time()), "csrf_token": c.csrf_from(page)})
            status, headers, body = c.request("POST", "/log-ind/totp", form, "application/x-www-form-urlencoded")
            check(status == 303, f"the published TOTP secret works: {status} {body[:400]}")
            status, _, body = c.request("GET", "/admin/enheder")
            check(status == 200 and "PPR Distrikt Vest" in body and "Børnehuset Solsikken" in body, f"/admin: {status}")
            status, _, body = c.request("GET", "/admin/foraeldre")
            check(status == 200, f"/admin/foraeldre: {status}")
            parent = Client(server)
            status, _ = parent.sign_in("demo", "foraelder@demo-kommune.invalid", "demo-foraelder-1")
            check(status == 303, f"the demo parent signs in: {status}")
            status, _, body = parent.request("GET", "/foraeldre")
            check(status == 200 and "Emma" in body and "Oliver" in body, "the demo parent sees two children")
        finally:
            stop_cleanly(server)


SCENARIOS = {"cli_and_tokens": scenario_cli_and_tokens, "api": scenario_api, "admin_pages": scenario_admin_pages,
             "demo_admin_totp": scenario_demo_admin_totp}

if __name__ == "__main__":
    sys.exit(scenario_main(SCENARIOS, __doc__))
