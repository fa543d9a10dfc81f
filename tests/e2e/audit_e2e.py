#!/usr/bin/env python3
"""The access log end to end (issue 4): a scripted flow (an administrator creates a unit and
a user, a professional registers a case for a child, a failed log-in, a guardian signs in and
reads the extract as a page and through the API) produces exactly the expected entries in
order; the guardian's extract names the unit and role, never the employee; `samspil audit
verify` passes an untouched chain and names the first broken entry (exit 1) after an entry is
edited or deleted directly in the database.

Usage: audit_e2e.py audit ENGINE   (SAMSPIL_BIN names the binary)
"""
import json
import sys
import tempfile

from harness import Failure, check, fresh_postgres_database, run, scenario_main, sqlite_url, stop_cleanly
from authz_world import PASSWORD, Client, DrainedServer, cli, server_args, sql

TENANT = "ta"


def entries_after(url, seq):
    rows = sql(url, "SELECT seq, action, object_type, actor_role, purpose, child_id FROM audit_log "
               "WHERE tenant = $1 AND seq > $2 ORDER BY seq", (TENANT, seq))
    return [(int(r[0]), r[1], r[2], r[3], r[4], r[5] or None) for r in rows]


def last_seq(url):
    rows = sql(url, "SELECT COALESCE(MAX(seq), 0) FROM audit_log WHERE tenant = $1", (TENANT,))
    return int(rows[0][0])


def verify(url):
    out = run("audit", "verify", "--database-url", url)
    return out.returncode, out.stdout + out.stderr


def scenario_audit(engine):
    with tempfile.TemporaryDirectory() as tmp:
        url = sqlite_url(tmp) if engine == "sqlite" else fresh_postgres_database()
        cli("migrate", "--database-url", url)
        sql(url, "INSERT INTO tenants (id, name, created_at) VALUES ($1, 'Testkommune', 1)", (TENANT,))
        add = ["user", "add", "--database-url", url, "--tenant", TENANT, "--password-stdin"]
        cli(*add, "--email", "admin@ta.dk", "--name", "Anna Administrator", "--role", "administrator",
            stdin=PASSWORD + "\n")
        guardian_id = cli(*add, "--email", "mor@ta.dk", "--name", "Frida Forælder", "--role", "guardian",
                          stdin=PASSWORD + "\n").splitlines()[-1]
        admin_token = cli("token", "create", "--database-url", url, "--tenant", TENANT, "--user", "admin@ta.dk")
        code, text = verify(url)
        check(code == 0, f"verify after set-up: {code} {text}")

        server = DrainedServer(url, *server_args(tmp))
        try:
            start = last_seq(url)
            admin = Client(server, admin_token.splitlines()[-1])
            status, unit, _ = admin.json("POST", "/api/v1/units", {"name": "Børnehuset Mælkebøtten", "kind": "daycare"})
            check(status == 201, f"unit: {status} {unit}")
            status, pro, _ = admin.json("POST", "/api/v1/users", {
                "email": "per@ta.dk", "display_name": "Per Pædagog", "role": "professional", "password": PASSWORD,
                "professions": ["educator"], "memberships": [{"unit_id": unit["id"], "is_leader": False}]})
            check(status == 201, f"user: {status} {pro}")
            pro_token = cli("token", "create", "--database-url", url, "--tenant", TENANT, "--user", "per@ta.dk")
            after_admin = last_seq(url)
            professional = Client(server, pro_token.splitlines()[-1])
            status, made, _ = professional.json("POST", "/api/v1/cases", {
                "title": "Bekymring for trivsel",
                "child": {"first_name": "Alma", "last_name": "Testesen", "birth_date": "2021-03-04",
                          "unit_id": unit["id"],
                          "guardians": [{"user_id": guardian_id, "relation": "parent", "has_custody": True}]}})
            check(status == 201, f"case: {status} {made}")
            status, _, _ = professional.json("GET", f"/api/v1/cases/{made['id']}")
            check(status == 200, f"case read: {status}")

            anonymous = Client(server)
            status, _ = anonymous.sign_in(TENANT, "mor@ta.dk", "forkert-adgangskode-123")
            check(status == 422, f"failed log-in: {status}")
            guardian = Client(server)
            status, _ = guardian.sign_in(TENANT, "mor@ta.dk")
            check(status == 303, f"guardian log-in: {status}")
            status, _, page = guardian.request("GET", "/foraeldre/adgangslog")
            check(status == 200, f"extract page: {status}")
            status, extract, headers = guardian.json("GET", "/api/v1/me/access-log")
            check(status == 200, f"extract API: {status} {extract}")
            check(headers.get("Cache-Control") == "no-store", f"extract API cache: {headers}")

            # The extract: the child's entries with unit name and role label, never the employee.
            check("Børnehuset Mælkebøtten" in page and "Fagperson" in page, "extract page lacks unit/role:\n" + page)
            check("Per Pædagog" not in page and "per@ta.dk" not in page, "extract page names the employee")
            check("Per Pædagog" not in json.dumps(extract, ensure_ascii=False), "extract API names the employee")
            items = extract["items"]
            check(len(items) == extract["total"] and extract["total"] > 0, f"extract: {extract}")
            check(all(i["child_first_name"] == "Alma" for i in items), f"extract child: {items}")
            check(all(i["unit"] == "Børnehuset Mælkebøtten" and i["role"] == "professional" for i in items),
                  f"extract actor: {items}")
            check(items == sorted(items, key=lambda i: i["at"], reverse=True), "extract not newest first")
            # Another guardian (no children) sees nothing; staff may not read it at all.
            status, _, _ = admin.json("GET", "/api/v1/me/access-log")
            check(status == 403, f"staff reading an extract: {status}")

            actual = [(e[1], e[2], e[3]) for e in entries_after(url, start)]
            expected = EXPECTED_ADMIN + EXPECTED_CASE + EXPECTED_GUARDIAN
            check(actual == expected, "access log differs from the script:\n"
                  f"expected {json.dumps(expected)}\nactual   {json.dumps(actual)}")
            # Entries about the child carry its id (the extract depends on it).
            child_entries = [e for e in entries_after(url, after_admin) if e[2] in ("child", "case")]
            check(len(child_entries) == 3, f"child entries: {child_entries}")
            check(child_entries and all(e[5] == made["child_id"] for e in child_entries),
                  f"child entries without child id: {child_entries}")
        finally:
            stop_cleanly(server)

        # Verification: untouched, edited, restored, deleted.
        total = last_seq(url)
        code, text = verify(url)
        check(code == 0 and f"audit: {total} entries verified for 1 municipalities" in text, f"verify: {code} {text}")
        victim = total // 2
        original = sql(url, "SELECT purpose FROM audit_log WHERE tenant = $1 AND seq = $2", (TENANT, victim))[0][0]
        sql(url, "UPDATE audit_log SET purpose = 'Nysgerrighed' WHERE tenant = $1 AND seq = $2", (TENANT, victim))
        code, text = verify(url)
        check(code == 1 and f"at seq {victim}: edited" in text and TENANT in text, f"edited entry: {code} {text}")
        sql(url, "UPDATE audit_log SET purpose = $1 WHERE tenant = $2 AND seq = $3", (original, TENANT, victim))
        code, text = verify(url)
        check(code == 0, f"restored entry: {code} {text}")
        sql(url, "DELETE FROM audit_log WHERE tenant = $1 AND seq = $2", (TENANT, victim + 1))
        code, text = verify(url)
        check(code == 1 and f"at seq {victim + 1}: missing" in text, f"deleted entry: {code} {text}")
        out = run("audit", "verify", "--database-url", url, "--tenant", "ingen")
        check(out.returncode == 0 and "audit: 0 entries verified for 1 municipalities" in out.stdout,
              f"verify of an empty municipality: {out.returncode} {out.stdout} {out.stderr}")
        # HSTS follows --public-base-url (TLS at the proxy) unless --hsts says otherwise.
        for extra, want in ((["--public-base-url", "https://samspil.example.dk"], True), ([], False),
                            (["--public-base-url", "https://samspil.example.dk", "--hsts", "off"], False)):
            server = DrainedServer(url, *server_args(tmp), *extra)
            try:
                status, headers, _ = Client(server).request("GET", "/healthz")
                hsts = {k.lower(): v for k, v in headers.items()}.get("strict-transport-security")
                check(status == 200 and bool(hsts) == want, f"HSTS with {extra}: {hsts!r}")
            finally:
                stop_cleanly(server)
    print(f"audit: flow, extract and verification as expected ({engine})")
    return 0


# (action, object_type, actor_role) in order. The token is made with `samspil token create`,
# which acts as the municipality's administrator.
EXPECTED_ADMIN = [("create", "unit", "administrator"), ("create", "user", "administrator"),
                  ("create", "api_token", "administrator")]
EXPECTED_CASE = [("create", "child", "professional"), ("create", "case", "professional"),
                 ("read", "case", "professional")]
# The failed log-in names the account tried (anonymous actor); the extract's two readings
# (page and API) are logged as reads of the access log itself.
EXPECTED_GUARDIAN = [("sign_in_failed", "user", "anonymous"), ("sign_in", "session", "guardian"),
                     ("read", "access_log", "guardian"), ("read", "access_log", "guardian")]

SCENARIOS = {"audit": scenario_audit}

if __name__ == "__main__":
    sys.exit(scenario_main(SCENARIOS, __doc__))
