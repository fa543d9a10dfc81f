#!/usr/bin/env python3
"""End-to-end test of imported free/busy calendars (issue 6 item 2) against the real samspil
binary, on SQLite and PostgreSQL.

A python http.server on loopback publishes a teacher's free/busy calendar (.ics, a VFREEBUSY
period over the first free time Samspil proposed). The teacher sets its secret address on
/min-profil (DKFDS: refused schemes answer the form again with the error; a good one 303s
back), and the proposed times for convening (the API and the convene page) now skip the busy
time. The profile and GET /api/v1/me/freebusy show the host only, never the path. When the
feed then hangs (slower than the 3 s limit) or its port is closed, convening still answers
promptly, keeps the last fetched busy time and says in Danish whose calendar could not be
read — without the address. The address is never in the server's log. DELETE removes it.

Usage: freebusy_e2e.py SCENARIO ENGINE   (SAMSPIL_BIN names the binary; ctest sets it)
"""
import http.server
import json
import re
import sys
import tempfile
import threading
import time
import urllib.parse

from harness import api, check, demo_token, expect, free_port, run, scenario_main
from identity_e2e import Browser, setup
from meetings_e2e import new_case

TEACHER = ("laerer@demo-kommune.invalid", "demo-laerer-vestre-1")
SECRET = "hemmelig-kalendertoken-8f3a2c"
MODEL = "frederiksberg-dialogmoede"


def stamp(ms):
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(ms / 1000))


class Feed:
    """The teacher's calendar server: serves `body` at /<SECRET>/freebusy.ics, or hangs."""

    def __init__(self):
        self.body = ""
        self.hang = False
        self.requests = 0
        feed = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                feed.requests += 1
                if feed.hang:
                    time.sleep(8)
                if self.path != f"/{SECRET}/freebusy.ics":
                    self.send_error(404)
                    return
                data = feed.body.encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/calendar; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                try:
                    self.wfile.write(data)
                except OSError:
                    pass

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/{SECRET}/freebusy.ics"

    def busy(self, start_ms, end_ms):
        self.body = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Ledig-optaget//DA\r\nMETHOD:PUBLISH\r\n"
                     "BEGIN:VFREEBUSY\r\nDTSTAMP:20270101T000000Z\r\n"
                     f"FREEBUSY;FBTYPE=BUSY:{stamp(start_ms)}/{stamp(end_ms)}\r\n"
                     "END:VFREEBUSY\r\nEND:VCALENDAR\r\n")

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def csrf_of(page):
    m = re.search(r'name="csrf_token" value="([^"]*)"', page)
    check(m, "no csrf_token on the page")
    return m.group(1)


def slots_api(server, token, case_id, type_id, user_id):
    q = urllib.parse.urlencode({"type": type_id, "participants": user_id})
    return expect(api(server, token, "GET", f"/cases/{case_id}/meeting-slots?{q}"), 200, "meeting-slots")


def overlaps(slot, start, end):
    return slot["starts_at"] < end and slot["ends_at"] > start


def page_slots(page):
    return [int(v) for v in re.findall(r'name="slot"[^>]*value="(\d+)"', page)] + \
           [int(v) for v in re.findall(r'value="(\d+)"[^>]*name="slot"', page)]


def scenario_freebusy(engine):
    feed = Feed()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            url, server = setup(engine, tmp)
            try:
                token = demo_token(url, TEACHER[0])
                me = expect(api(server, token, "GET", "/me"), 200, "me")
                case_id = new_case(server, url, token, MODEL)
                options = expect(api(server, token, "GET", f"/cases/{case_id}/meeting-options"), 200, "options")
                allowed = [o for o in options["items"] if o["allowed"]]
                check(allowed, f"no type allowed: {options}")
                type_id = allowed[0]["type"]

                before = slots_api(server, token, case_id, type_id, me["id"])
                check(before["items"] and not before["calendar_failures"], f"slots before: {before}")
                taken = before["items"][0]

                b = Browser(server)
                b.log_in(TEACHER)
                status, _, profile = b.get("/min-profil")
                check(status == 200 and "Min kalender (ledig/optaget)" in profile, f"profile section: {status}")
                check("Du har ikke angivet en kalender." in profile, "profile claims a calendar before one is set")
                csrf = csrf_of(profile)
                check(feed.requests == 0, "fetched before anything was set")
                page_before = b.get(f"/sager/{case_id}/moeder/ny?type={type_id}")[2]
                check(taken["starts_at"] in page_slots(page_before),
                      f"the convene page does not offer the first free time {taken}: {page_slots(page_before)}")

                # DKFDS validation: a refused scheme answers the form again with the error and the input kept.
                status, _, page = b.request("POST", "/min-profil/ledig-optaget",
                                            {"csrf_token": csrf, "url": "ftp://kalender.example/x.ics"})
                check(status == 422 and "Adressen skal begynde med https:// eller http://" in page
                      and 'href="#url"' in page and 'value="ftp://kalender.example/x.ics"' in page,
                      f"invalid URL not refused with the DKFDS error: {status}")
                status, _, _ = b.request("POST", "/min-profil/ledig-optaget", {"url": feed.url})
                check(status in (400, 403), f"a post without CSRF token was accepted: {status}")

                # The teacher's own calendar is busy at the first proposed time.
                feed.busy(taken["starts_at"], taken["ends_at"])
                status, headers, _ = b.request("POST", "/min-profil/ledig-optaget", {"csrf_token": csrf, "url": feed.url})
                check(status == 303 and headers.get("Location", "").startswith("/min-profil"), f"set: {status}")
                check(feed.requests >= 1, "not fetched when set")
                status, _, profile = b.get("/min-profil")
                check("127.0.0.1:" in profile and SECRET not in profile, "the profile shows more than the host")
                check("Din kalender er gemt og hentet." in profile, "no flash after setting the calendar")
                check("1 optagede tidsrum" in profile, "the profile does not show the fetched busy time")
                shown = expect(api(server, token, "GET", "/me/freebusy"), 200, "GET freebusy")
                check(shown["configured"] and shown["status"] == "ok" and shown["host"].startswith("127.0.0.1:")
                      and SECRET not in json.dumps(shown), f"GET /me/freebusy: {shown}")

                after = slots_api(server, token, case_id, type_id, me["id"])
                check(after["items"] and not after["calendar_failures"], f"slots after: {after}")
                check(not any(overlaps(s, taken["starts_at"], taken["ends_at"]) for s in after["items"]),
                      f"a proposed time overlaps the imported busy time: {after['items']}")
                page = b.get(f"/sager/{case_id}/moeder/ny?type={type_id}")[2]
                offered = page_slots(page)
                check(offered and taken["starts_at"] not in offered,
                      f"the convene page still offers the busy time: {offered}")
                check("kunne ikke læses" not in page, "the convene page reports a calendar failure")

                # A hanging feed (older than 15 minutes is not reached in a test: "Hent nu" fetches now) …
                feed.hang = True
                started = time.time()
                status, _, _ = b.request("POST", "/min-profil/ledig-optaget/hent", {"csrf_token": csrf})
                took = time.time() - started
                check(status == 303 and took < 7, f"fetch now with a hanging feed: {status} after {took:.1f} s")
                status, _, profile = b.get("/min-profil")
                check("Kalenderen kunne ikke hentes" in profile and "Kalenderen svarede ikke i tide" in profile
                      and SECRET not in profile, "the profile does not say the calendar could not be fetched")
                # … leaves convening prompt, the last busy time in force and a Danish note without the address.
                started = time.time()
                status, _, page = b.get(f"/sager/{case_id}/moeder/ny?type={type_id}")
                took = time.time() - started
                check(status == 200 and took < 7, f"convene page with a hanging feed: {status} after {took:.1f} s")
                check("Kalenderen (ledig/optaget) kunne ikke læses for:" in page and me["name"] in page
                      and SECRET not in page and "127.0.0.1:" not in page, "no Danish note about the calendar")
                check(taken["starts_at"] not in page_slots(page), "the cached busy time was dropped")
                degraded = slots_api(server, token, case_id, type_id, me["id"])
                check(degraded["calendar_failures"] == [me["id"]], f"API calendar_failures: {degraded}")
                check(not any(overlaps(s, taken["starts_at"], taken["ends_at"]) for s in degraded["items"]),
                      "the API dropped the cached busy time")
                feed.hang = False

                # An unreachable address: saved, reported, convening still works.
                dead = f"http://127.0.0.1:{free_port()}/{SECRET}/freebusy.ics"
                status, _, _ = b.request("POST", "/min-profil/ledig-optaget", {"csrf_token": csrf, "url": dead})
                check(status == 303, f"set unreachable: {status}")
                status, _, profile = b.get("/min-profil")
                check("Din kalender er gemt, men kunne ikke hentes" in profile and SECRET not in profile,
                      "no Danish message for an unreachable calendar")
                status, _, page = b.get(f"/sager/{case_id}/moeder/ny?type={type_id}")
                check(status == 200 and "kunne ikke læses for:" in page and page_slots(page),
                      f"convening with an unreachable calendar: {status}")
                # A new address forgot the old busy times: the first free time is offered again.
                check(taken["starts_at"] in page_slots(page), "the old calendar's busy time outlived its address")

                # The API: refused URL (422), a good one, removal.
                answer = api(server, token, "PUT", "/me/freebusy", {"url": "javascript:alert(1)"})
                check(answer[0] == 422 and "url" in answer[1].get("errors", {}), f"PUT refused URL: {answer}")
                feed.busy(taken["starts_at"], taken["ends_at"])
                put = expect(api(server, token, "PUT", "/me/freebusy", {"url": feed.url}), 200, "PUT")
                check(put["status"] == "ok" and put["busy_intervals"] == 1 and SECRET not in json.dumps(put), f"PUT: {put}")
                expect(api(server, token, "DELETE", "/me/freebusy"), 204, "DELETE")
                check(api(server, token, "DELETE", "/me/freebusy")[0] == 404, "second DELETE")
                gone = expect(api(server, token, "GET", "/me/freebusy"), 200, "GET after delete")
                check(gone == {"configured": False}, f"after delete: {gone}")
            finally:
                code, lines = server.stop()
                check(code == 0, "server did not stop cleanly: " + server.stderr()[-2000:])
            log = "".join(lines) + server.stderr()
            check(SECRET not in log, "the calendar's secret address is in the server's log")
            audit = run("audit", "verify", "--database-url", url)
            check(audit.returncode == 0, "audit verify: " + audit.stdout + audit.stderr)
    finally:
        feed.stop()


SCENARIOS = {"freebusy": scenario_freebusy}


if __name__ == "__main__":
    sys.exit(scenario_main(SCENARIOS, __doc__))
