#!/usr/bin/env python3
"""End-to-end test of the parent portal /foraeldre (issue 7 item 5, issue 5 item 4) against the
real samspil binary, on SQLite and PostgreSQL.

The demo guardian (two children) signs in through /log-ind, sees both children and the open
case a teacher registered about Oliver, gives consent to a request to PPR in the portal,
sees it in force (also in GET /api/v1/me/children), withdraws it, sees it withdrawn — and the
teacher's request to PPR is then refused by the engine with rule P1. Another guardian of the
municipality sees none of it (404 on the child's consent form); anonymous callers are sent
to the log-in; staff are refused (403).

Usage: parents_e2e.py SCENARIO ENGINE   (SAMSPIL_BIN names the binary; ctest sets it)
"""
import html as htmllib
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request

from harness import api, check, expect, run, scenario_main, stop_cleanly, verify_audit
from identity_e2e import Browser, setup

GUARDIAN = ("foraelder@demo-kommune.invalid", "demo-foraelder-1")
OTHER_GUARDIAN = ("anden@demo-kommune.invalid", "en anden lang adgangskode")
TEACHER = "laerer@demo-kommune.invalid"
OLIVER = "demo-child-oliver"
EMMA = "demo-child-emma"
SCOPE = "ppr_request_single_child"
TO_PPR = {"to_state": "henvendelse", "via": "henvendelse_enkeltbarn"}


def hidden(page, name):
    m = re.search(rf'name="{name}" value="([^"]*)"', page)
    check(m, f"no hidden field {name}")
    return htmllib.unescape(m.group(1))


def section(page, title, child="Oliver Demo-Jensen"):
    """The part of a child's card from a heading on to the next heading."""
    start = page.find(title, page.find(f">{child}</h2>"))
    check(start >= 0, f"no {title!r} on the page")
    end = page.find("<h3", start + len(title))
    return page[start:end if end >= 0 else len(page)]


def scenario_portal(engine):
    with tempfile.TemporaryDirectory() as tmp:
        url, server = setup(engine, tmp)
        try:
            made = run("token", "create", "--database-url", url, "--tenant", "demo", "--user", TEACHER)
            check(made.returncode == 0, f"token create: {made.stderr}")
            teacher = made.stdout.strip().splitlines()[-1].strip()

            # A teacher at Oliver's school registers a concern and takes it to the coordination meeting.
            case = expect(api(server, teacher, "POST", "/cases",
                              {"child_id": OLIVER, "title": "Trivsel i frikvarteret", "tried": "Makkerordning"}),
                          201, "register")
            for to_state, via in (("intern_sparring", "sparring_holdt"), ("kv", "kv_skole")):
                expect(api(server, teacher, "POST", f"/cases/{case['id']}/transitions",
                           {"to_state": to_state, "via": via}), 200, f"move to {to_state}")

            # Anonymous: sent to the log-in.
            status, headers, _ = Browser(server).get("/foraeldre")
            check(status == 303 and headers.get("Location", "").startswith("/log-ind"), f"anonymous: {status} {headers}")

            parent = Browser(server)
            parent.log_in(GUARDIAN)
            status, headers, _ = parent.get("/")
            check(status == 303 and headers.get("Location") == "/foraeldre", f"guardian's start page: {status} {headers}")
            status, _, page = parent.get("/foraeldre")
            check(status == 200, f"/foraeldre: {status}")
            for name in ("Emma Demo-Jensen", "Oliver Demo-Jensen", "Trivsel i frikvarteret", "/foraeldre/adgangslog"):
                check(name in page, f"/foraeldre does not show {name!r}")
            check("Vestre Skole" in page and "Børnehuset Solsikken" in page, "the children's units are not shown")
            check("Makkerordning" not in page, "what the school tried (internal) is shown to the guardian")

            # Give consent in the portal: first a form with a missing field, then the real one.
            status, _, form = parent.get(f"/foraeldre/boern/{OLIVER}/samtykke")
            check(status == 200 and f'value="{SCOPE}"' in form, f"consent form: {status}")
            base = {"csrf_token": hidden(form, "csrf_token"), "idempotency_key": hidden(form, "idempotency_key")}
            status, _, failed = parent.request("POST", f"/foraeldre/boern/{OLIVER}/samtykke",
                                               {**base, "scope": SCOPE, "purpose": "", "parties": "Skolen og PPR"})
            check(status == 422, f"consent without purpose: {status}")
            check("<title>Fejl: " in failed and 'href="#purpose"' in failed, "no error summary linking to the purpose")
            check('value="Skolen og PPR"' in failed, "the input was not kept")
            status, headers, _ = parent.request("POST", f"/foraeldre/boern/{OLIVER}/samtykke",
                                                {**base, "scope": SCOPE, "purpose": "Henvendelse til PPR om trivsel",
                                                 "parties": "Skolen og PPR"})
            check(status == 303 and headers.get("Location") == "/foraeldre", f"give consent: {status} {headers}")
            status, _, page = parent.get("/foraeldre")
            check("Dit samtykke er registreret" in page, "no confirmation after giving consent")
            in_force = section(page, "Samtykker, der gælder nu")
            check("Henvendelse til PPR om trivsel" in in_force, "the consent is not listed as in force")
            status, _, mine = parent.request("GET", "/api/v1/me/children")
            check(status == 200, f"/api/v1/me/children: {status}")
            children = {c["id"]: c for c in json.loads(mine)["items"]}
            check(set(children) == {EMMA, OLIVER}, f"children in the API: {list(children)}")
            check([c["id"] for c in children[OLIVER]["open_cases"]] == [case["id"]], "open case missing in the API")
            consents = children[OLIVER]["consents"]
            check(len(consents) == 1 and consents[0]["in_force"] and consents[0]["source"] == "portal",
                  f"consent in the API: {consents}")
            consent_id = consents[0]["id"]

            # Withdraw: the button's form posts to the consent's withdraw route.
            action = f"/foraeldre/samtykke/{consent_id}/tilbagekald"
            check(f'action="{action}"' in page, "no withdraw button for the consent")
            check("ikke bagud" in in_force, "the withdrawal is not explained as not retroactive")
            status, headers, _ = parent.request("POST", action, {"csrf_token": hidden(page, "csrf_token")})
            check(status == 303 and headers.get("Location") == "/foraeldre", f"withdraw: {status} {headers}")
            status, _, page = parent.get("/foraeldre")
            check("Samtykket er trukket tilbage" in page, "no confirmation after the withdrawal")
            check(f'action="{action}"' not in page, "the withdrawn consent still has a withdraw button")
            ended = section(page, "Samtykker, der ikke længere gælder")
            check("trukket tilbage" in ended, "the consent is not listed as withdrawn")

            # The engine now refuses the request to PPR, naming the rule.
            refused = expect(api(server, teacher, "POST", f"/cases/{case['id']}/transitions", TO_PPR), 409,
                             "request to PPR after the withdrawal")
            check("(P1)" in json.dumps(refused, ensure_ascii=False), f"the refusal names rule P1: {refused}")

            # Staff are not guardians: 403 on the portal and its API.
            expect(api(server, teacher, "GET", "/me/children"), 403, "staff on /api/v1/me/children")

            # Another guardian of the municipality sees none of it.
            added = subprocess.run([os.environ["SAMSPIL_BIN"], "user", "add", "--database-url", url, "--tenant", "demo",
                                    "--email", OTHER_GUARDIAN[0], "--name", "Anden Forælder", "--role", "guardian",
                                    "--password-stdin"], input=OTHER_GUARDIAN[1] + "\n", capture_output=True,
                                   text=True, timeout=120)
            check(added.returncode == 0, f"user add: {added.stderr}")
            stranger = Browser(server)
            stranger.log_in(OTHER_GUARDIAN)
            status, _, page = stranger.get("/foraeldre")
            check(status == 200 and "Oliver" not in page and "Emma" not in page, "another guardian sees the children")
            status, _, _ = stranger.get(f"/foraeldre/boern/{OLIVER}/samtykke")
            check(status == 404, f"another guardian's consent form for Oliver: {status}")
            status, _, text = stranger.request("GET", "/api/v1/me/children")
            check(status == 200 and json.loads(text)["items"] == [], f"another guardian's API: {status} {text}")
        finally:
            stop_cleanly(server)
        verify_audit(url)


SCENARIOS = {"portal": scenario_portal}


if __name__ == "__main__":
    sys.exit(scenario_main(SCENARIOS, __doc__))
