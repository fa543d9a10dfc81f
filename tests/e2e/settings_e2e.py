#!/usr/bin/env python3
"""End-to-end test of the municipality's settings (issue 5 item 8) over the JSON API of the
real binary on the demo data: the administrator changes the model new cases use; a case
registered afterwards runs under the new model, the case registered before keeps its own;
wrong input gives Danish field errors (422) and changes nothing; other roles get 403.

Usage: settings_e2e.py SCENARIO ENGINE   (SAMSPIL_BIN names the binary; ctest sets it)
"""
import base64
import json
import os
import sys
import tempfile
import urllib.error
import urllib.request

from harness import Failure, Server, api, check, expect, fresh_postgres_database, run, scenario_main, sqlite_url


class Api:
    def __init__(self, server, token):
        self.server = server
        self.token = token

    def call(self, method, path, body=None):
        return api(self.server, self.token, method, path, body)


def scenario_model_change(engine):
    with tempfile.TemporaryDirectory() as tmp:
        url = sqlite_url(tmp) if engine == "sqlite" else fresh_postgres_database()
        check(run("migrate", "--database-url", url).returncode == 0, "migrate failed")
        key = base64.b64encode(os.urandom(32)).decode()
        env = dict(os.environ, SAMSPIL_SECRET_KEY=key)
        check(run("demo", "--database-url", url, env=env).returncode == 0, "demo failed")
        tokens = {}
        for who in ("admin", "laerer"):
            made = run("token", "create", "--database-url", url, "--tenant", "demo", "--user",
                       f"{who}@demo-kommune.invalid")
            check(made.returncode == 0, f"token create: {made.stderr}")
            tokens[who] = made.stdout.strip().splitlines()[-1].strip()
        server = Server(url, "--secure-cookies", "0", env={"SAMSPIL_SECRET_KEY": key})
        try:
            admin, teacher = Api(server, tokens["admin"]), Api(server, tokens["laerer"])
            shown = expect(admin.call("GET", "/settings"), 200, "settings")
            check(shown["case_model_id"] == "ppr-vejen-ind" and shown["saved"] is False, f"defaults: {shown}")
            check(shown["consent_required_from"] == "every_custody_holder", f"consent rule: {shown}")
            check({"ppr-vejen-ind", "samarbejdsmodellen"} <= {m["id"] for m in shown["models"]}, "models offered")

            old = expect(teacher.call("POST", "/cases", {"child_id": "demo-child-oliver", "title": "Før skiftet"}), 201,
                         "case before the change")["id"]
            expect(teacher.call("PUT", "/settings", {"case_model_id": "samarbejdsmodellen", "retention_days": 730}),
                   403, "a teacher changing settings")
            bad = expect(admin.call("PUT", "/settings", {"case_model_id": "findes-ikke", "retention_days": "mange"}),
                         422, "wrong settings")
            check({"case_model_id", "retention_days"} <= set(bad.get("errors", {})), f"field errors: {bad}")
            check(expect(admin.call("GET", "/settings"), 200, "after refusal")["saved"] is False, "nothing saved")

            saved = expect(admin.call("PUT", "/settings", {"case_model_id": "samarbejdsmodellen", "retention_days": 730}),
                           200, "change model")
            check(saved["case_model_id"] == "samarbejdsmodellen" and saved["retention_days"] == 730, f"saved: {saved}")

            new = expect(teacher.call("POST", "/cases", {"child_id": "demo-child-oliver", "title": "Efter skiftet"}),
                         201, "case after the change")["id"]
            new_view = expect(teacher.call("GET", f"/cases/{new}"), 200, "new case")
            check(new_view["model_id"] == "samarbejdsmodellen", f"the new case runs under the new model: {new_view}")
            old_view = expect(teacher.call("GET", f"/cases/{old}"), 200, "old case")
            check(old_view["model_id"] == "ppr-vejen-ind", f"the old case keeps its model: {old_view}")
            check(any(m["to_state"] == "intern_sparring" for m in old_view["moves"]),
                  f"the old case offers its own model's moves: {old_view['moves']}")
        finally:
            code, _ = server.stop()
            check(code == 0, "server did not stop cleanly: " + server.stderr()[-2000:])
        verified = run("audit", "verify", "--database-url", url)
        check(verified.returncode == 0, "audit verify: " + verified.stdout + verified.stderr)


SCENARIOS = {"model_change": scenario_model_change}


if __name__ == "__main__":
    sys.exit(scenario_main(SCENARIOS, __doc__))
