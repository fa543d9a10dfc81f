#!/usr/bin/env python3
"""End-to-end test of "Mit overblik" and the parents' meetings (issue 7 items 3 and 5) against
the real samspil binary with the demo municipality, on SQLite and PostgreSQL.

  overview — the teacher registers a concern (API) and sees it under "Mine sager"; a meeting
             on it with the teacher and the guardian invited, an overdue obligation and
             twelve open tasks of the teacher's appear on / (meeting with type, Copenhagen
             time and case title; the obligation marked "Overskredet"; ten tasks and a
             "Vis flere" link whose page holds the other two) and in GET /api/v1/me/overview,
             /me/meetings, /me/obligations (paged by next_cursor); the unit leader sees the
             unit's met/missed counts; another professional sees none of it; the guardian
             sees the invitation per child on /foraeldre, answers it, writes a perspective
             (an empty one is refused with the error summary, 422) which the teacher then
             reads (GET /api/v1/meetings/{id}/perspectives), and a stranger gets 404.

Meetings, obligations and tasks are written with SQL here: the meetings API (convening) and
the obligations computation belong to other parts that were landing at the same time; the
overview only reads them. Cases, answers and perspectives go through the HTTP interface.

Usage: overview_e2e.py SCENARIO ENGINE   (SAMSPIL_BIN names the binary; ctest sets it)
"""
import html as htmllib
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

from harness import api, check, demo_token, expect, run, scenario_main, stop_cleanly, verify_audit
from identity_e2e import Browser, setup

TEACHER = ("laerer@demo-kommune.invalid", "demo-laerer-vestre-1")
LEADER = ("leder@demo-kommune.invalid", "demo-leder-solsikken-1")
PAEDAGOG = ("paedagog@demo-kommune.invalid", "demo-paedagog-solsikken-1")
GUARDIAN = ("foraelder@demo-kommune.invalid", "demo-foraelder-1")
OLIVER = "demo-child-oliver"
EMMA = "demo-child-emma"
DAY = 24 * 3600 * 1000


def sql(url, statement, params=()):
    """One statement on either engine ($1 … placeholders); returns the rows as lists of str."""
    if url.startswith("sqlite://"):
        with sqlite3.connect(url[len("sqlite://"):]) as db:
            rows = db.execute(re.sub(r"\$\d+", "?", statement), params).fetchall()
            db.commit()
            return [[str(v) if v is not None else None for v in r] for r in rows]
    literal = statement
    for i, p in reversed(list(enumerate(params, start=1))):
        value = "NULL" if p is None else (str(p) if isinstance(p, int) else "'" + str(p).replace("'", "''") + "'")
        literal = literal.replace(f"${i}", value)
    out = subprocess.run(["psql", url, "-v", "ON_ERROR_STOP=1", "-qAtF", "\t", "-c", literal],
                         capture_output=True, text=True)
    check(out.returncode == 0, f"psql failed: {out.stderr}")
    return [line.split("\t") for line in out.stdout.splitlines() if line]


def user_id(url, email):
    rows = sql(url, "SELECT id FROM users WHERE tenant = 'demo' AND email = $1", (email,))
    check(rows, f"no demo user {email}")
    return rows[0][0]


def hidden(page, name):
    m = re.search(rf'name="{name}" value="([^"]*)"', page)
    check(m, f"no hidden field {name}")
    return htmllib.unescape(m.group(1))


def section(page, anchor):
    start = page.find(f'id="{anchor}"')
    check(start >= 0, f"no section {anchor}")
    end = page.find("</section>", start)
    return page[start:end]


def compliance_counts(browser):
    """{obligation name: (met, missed)} summed over the leader's units, from the page."""
    status, _, page = browser.get("/")
    check(status == 200 and 'id="overview-compliance"' in page, f"leader's /: {status}, compliance section missing")
    counts = {}
    for name, met, missed in re.findall(r"<tr><td>[^<]*</td><td>([^<]*)</td><td[^>]*>(\d+)</td><td[^>]*>(\d+)</td></tr>",
                                        section(page, "overview-compliance")):
        m0, x0 = counts.get(name, (0, 0))
        counts[name] = (m0 + int(met), x0 + int(missed))
    return counts


def add_meeting(url, meeting_id, case_id, convener, starts, status="invited"):
    sql(url, "INSERT INTO meetings (id, tenant, case_id, model_id, type_id, status, course, starts_at, ends_at, "
             "ical_uid, convened_by, convened_at, created_at, updated_at) VALUES ($1, 'demo', $2, 'ppr-vejen-ind', "
             "'opstartsmoede', $3, 'same', $4, $5, $6, $7, 1, 1, 1)",
        (meeting_id, case_id, status, starts, starts + 90 * 60000, meeting_id + "@samspil.test", convener))


def invite(url, pid, meeting_id, kind, uid):
    sql(url, "INSERT INTO meeting_participants (id, tenant, meeting_id, kind, user_id, role_in_case, added_at) "
             "VALUES ($1, 'demo', $2, $3, $4, $5, 1)", (pid, meeting_id, kind, uid, "parents" if kind == "guardian" else "teacher"))


def add_obligation(url, oid, meeting_id, case_id, unit_id, owner, kind, due, done=None):
    sql(url, "INSERT INTO obligations (id, tenant, meeting_id, case_id, unit_id, obligation_id, participant_id, "
             "anchor, owner_role, owner_id, due_at, done_at, created_at, updated_at) VALUES ($1, 'demo', $2, $3, $4, "
             "$5, $6, 'meeting_start', 'convener', $7, $8, $9, 1, 1)",
        (oid, meeting_id, case_id, unit_id, kind, oid, owner, due, done))


def scenario_overview(engine):
    with tempfile.TemporaryDirectory() as tmp:
        url, server = setup(engine, tmp)
        try:
            now = int(time.time() * 1000)
            teacher_id, leader_id = user_id(url, TEACHER[0]), user_id(url, LEADER[0])
            guardian_id = user_id(url, GUARDIAN[0])
            teacher = demo_token(url, TEACHER[0])
            paedagog = demo_token(url, PAEDAGOG[0])

            # Cases through the API: the teacher about Oliver, the paedagog about Emma (the leader's unit).
            case = expect(api(server, teacher, "POST", "/cases",
                              {"child_id": OLIVER, "title": "Overblik: trivsel", "tried": "Makkerordning"}),
                          201, "register Oliver's case")
            emma_case = expect(api(server, paedagog, "POST", "/cases",
                                   {"child_id": EMMA, "title": "Overblik: sprog", "tried": "Sprogleg"}),
                               201, "register Emma's case")
            emma_unit = sql(url, "SELECT unit_id FROM children WHERE id = $1", (EMMA,))[0][0]

            meeting = "e2e-meeting-oliver"
            add_meeting(url, meeting, case["id"], teacher_id, now + 3600 * 1000)
            invite(url, "e2e-pp-teacher", meeting, "professional", teacher_id)
            invite(url, "e2e-pp-guardian", meeting, "guardian", guardian_id)
            add_obligation(url, "e2e-ob-overdue", meeting, case["id"], None, teacher_id, "send_agenda", 2000)
            for i in range(12):
                sql(url, "INSERT INTO tasks (id, tenant, owner_id, case_id, kind, label, due_at, status, created_at, "
                         "updated_at) VALUES ($1, 'demo', $2, $3, 'agreement_action', $4, $5, 'open', 1, 1)",
                    (f"e2e-task-{i:02d}", teacher_id, case["id"], f"Handling nr. {i:02d}", 1000 + i))
            # The leader's unit: one obligation met, two missed (one late, one never done) in 90 days,
            # counted on top of whatever the demo already holds.
            lb = Browser(server)
            lb.log_in(LEADER)
            before = compliance_counts(lb)
            emma_meeting = "e2e-meeting-emma"
            add_meeting(url, emma_meeting, emma_case["id"], leader_id, now - 10 * DAY, status="held")
            add_obligation(url, "e2e-ob-met", emma_meeting, emma_case["id"], emma_unit, leader_id, "send_brief",
                           now - 20 * DAY, now - 21 * DAY)
            add_obligation(url, "e2e-ob-late", emma_meeting, emma_case["id"], emma_unit, leader_id, "send_agreement",
                           now - 5 * DAY, now - 4 * DAY)
            add_obligation(url, "e2e-ob-missed", emma_meeting, emma_case["id"], emma_unit, leader_id, "send_agreement",
                           now - 3 * DAY)

            # The teacher's overview page.
            t = Browser(server)
            t.log_in(TEACHER)
            status, headers, page = t.get("/")
            check(status == 200 and "<h1>Mit overblik</h1>" in page, f"teacher's /: {status}")
            check("no-store" in headers.get("Cache-Control", ""), "the overview may be cached")
            meetings = section(page, "overview-meetings")
            check(f'href="/moeder/{meeting}"' in meetings and "Overblik: trivsel" in meetings,
                  "the meeting is not listed with its case title")
            check("Opstartsmøde" in meetings, "the meeting type's name is not shown")
            check(re.search(r"\d\d\.\d\d\.\d{4} \d\d:\d\d", meetings), "no Copenhagen date and time")
            check("Oliver" not in page, "the child's name is on the overview")
            deadlines = section(page, "overview-deadlines")
            check("Send dagsorden" in deadlines and "samspil-deadline--overdue" in deadlines and "Overskredet" in deadlines,
                  "the overdue obligation is not highlighted")
            tasks = section(page, "overview-tasks")
            shown = re.findall(r"Handling nr\. (\d\d)</a>", tasks)
            check(shown == [f"{i:02d}" for i in range(10)], f"first task page: {shown}")
            check(f'action="/opgaver/e2e-task-00/udfoert"' in tasks, "no mark-done button")
            more = re.search(r'href="(/\?opgaver=[^"#]+)#overview-tasks"', tasks)
            check(more, "no 'Vis flere' link for tasks")
            check(teacher_id not in more.group(1) and "@" not in more.group(1), "the page token carries personal data")
            status, _, page2 = t.get(htmllib.unescape(more.group(1)))
            shown2 = re.findall(r"Handling nr\. (\d\d)</a>", section(page2, "overview-tasks"))
            check(status == 200 and shown2 == ["10", "11"], f"second task page: {status} {shown2}")
            cases = section(page, "overview-cases")
            check(f'href="/sager/{case["id"]}"' in cases, "the teacher's case is not under Mine sager")
            check("overview-compliance" not in page, "a professional sees unit compliance")
            status, _, _ = t.get("/?opgaver=garbage&sager=1.x&moeder=-5")
            check(status == 200, f"an edited page token breaks the page: {status}")

            # The same over the API, paged by next_cursor.
            o = expect(api(server, teacher, "GET", "/me/overview?limit=5"), 200, "GET /me/overview")
            check(any(m["id"] == meeting for m in o["meetings"]["items"]), "meeting missing in /me/overview")
            mine = [x for x in o["obligations"]["items"] if x["id"].startswith("e2e-")]
            check([x["id"] for x in mine] == ["e2e-ob-overdue"] and mine[0]["overdue"],
                  f"obligations in /me/overview: {o['obligations']}")
            check(len(o["tasks"]["items"]) == 5 and o["tasks"]["next_cursor"], "tasks page of 5 with a cursor")
            check("compliance" not in o, "compliance for a professional")
            ids, cursor = [], None  # every open task of the teacher, in order, over the cursor
            while True:
                page_json = expect(api(server, teacher, "GET", "/me/overview?limit=5" +
                                       (f"&tasks_after={urllib.parse.quote(cursor)}" if cursor else "")), 200, "tasks page")
                ids += [x["id"] for x in page_json["tasks"]["items"]]
                cursor = page_json["tasks"]["next_cursor"]
                if not cursor:
                    break
            check(ids[:12] == [f"e2e-task-{i:02d}" for i in range(12)] and len(set(ids)) == len(ids),
                  f"tasks over the API: {ids}")
            m = expect(api(server, teacher, "GET", "/me/meetings?limit=1"), 200, "GET /me/meetings")
            check(len(m["items"]) == 1, f"/me/meetings: {m}")
            ob = expect(api(server, teacher, "GET", "/me/obligations"), 200, "GET /me/obligations")
            check([x["obligation"] for x in ob["items"] if x["id"].startswith("e2e-")] == ["send_agenda"],
                  f"/me/obligations: {ob}")

            # The leader sees the unit's compliance: send_brief 1 met, send_agreement 2 missed.
            after = compliance_counts(lb)
            delta = {k: (after.get(k, (0, 0))[0] - before.get(k, (0, 0))[0],
                         after.get(k, (0, 0))[1] - before.get(k, (0, 0))[1]) for k in set(after) | set(before)}
            check(delta.get("Send mødeoplæg") == (1, 0), f"send_brief counts: {before} -> {after}")
            check(delta.get("Send aftalen") == (0, 2), f"send_agreement counts: {before} -> {after}")

            # Another professional sees none of it.
            p = Browser(server)
            p.log_in(PAEDAGOG)
            status, _, page = p.get("/")
            check(status == 200 and meeting not in page and "e2e-task" not in page and "Send dagsorden" not in page,
                  "another professional sees the teacher's overview")
            expect(api(server, paedagog, "GET", f"/meetings/{meeting}/perspectives"), 404, "a stranger's perspectives")

            # The guardian: the invitation under Oliver, answer it, write a perspective.
            g = Browser(server)
            g.log_in(GUARDIAN)
            status, _, page = g.get("/foraeldre")
            check(status == 200, f"/foraeldre: {status}")
            check(f'href="/foraeldre/moeder/{meeting}/perspektiv"' in page and "Overblik: trivsel" in page,
                  "the invitation is not on /foraeldre")
            check("Du har ikke svaret endnu" in page, "the invitation's pending answer is not shown")
            status, headers, _ = g.request("POST", f"/moeder/{meeting}/svar",
                                           {"csrf_token": hidden(page, "csrf_token"), "response": "accepted"})
            check(status == 303, f"answer the invitation: {status} {headers}")
            status, _, page = g.get("/foraeldre")
            check("Du har takket ja" in page, "the answer is not shown on /foraeldre")
            status, _, form = g.get(f"/foraeldre/moeder/{meeting}/perspektiv")
            check(status == 200 and 'name="text"' in form, f"perspective form: {status}")
            status, _, failed = g.request("POST", f"/foraeldre/moeder/{meeting}/perspektiv",
                                          {"csrf_token": hidden(form, "csrf_token"), "text": "  "})
            check(status == 422 and "<title>Fejl: " in failed and 'href="#text"' in failed,
                  f"an empty perspective: {status}")
            text = "Oliver glæder sig til frikvartererne igen. Vi vil gerne tale om legepladsen."
            status, headers, _ = g.request("POST", f"/foraeldre/moeder/{meeting}/perspektiv",
                                           {"csrf_token": hidden(form, "csrf_token"), "text": text})
            check(status == 303 and headers.get("Location") == "/foraeldre", f"save perspective: {status} {headers}")
            status, _, form = g.get(f"/foraeldre/moeder/{meeting}/perspektiv")
            check("glæder sig til frikvartererne" in htmllib.unescape(form), "the saved text is not shown again")
            stored = sql(url, "SELECT text_encrypted FROM meeting_perspectives WHERE meeting_id = $1", (meeting,))
            check(stored and "frikvarter" not in stored[0][0], "the perspective is not sealed at rest")

            # The meeting's staff read it.
            seen = expect(api(server, teacher, "GET", f"/meetings/{meeting}/perspectives"), 200, "teacher reads")
            check([x["text"] for x in seen["items"]] == [text], f"perspectives for the teacher: {seen}")

            # Staff cannot use the guardian's form; a guardian not invited gets 404.
            status, _, _ = t.get(f"/foraeldre/moeder/{meeting}/perspektiv")
            check(status == 403, f"staff on the guardian's form: {status}")
            status, _, _ = g.get("/foraeldre/moeder/no-such-meeting/perspektiv")
            check(status == 404, f"unknown meeting: {status}")
        finally:
            stop_cleanly(server)
        verify_audit(url)


SCENARIOS = {"overview": scenario_overview}


if __name__ == "__main__":
    sys.exit(scenario_main(SCENARIOS, __doc__))
