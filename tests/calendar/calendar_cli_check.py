#!/usr/bin/env python3
"""CLI checks for `samspil calendar parse` (what the e2e tests use on received invitations).

Usage: calendar_cli_check.py SAMSPIL_BINARY
Pipes iCalendar text into the real binary and checks the JSON it prints, and that text that
is not an invitation gives one line on stderr and exit code 1. Prints one line per failed
check; exits 1 if any failed.
"""
import json
import subprocess
import sys

BINARY = sys.argv[1]
FAILURES = []


def check(name, condition, detail=""):
    if not condition:
        FAILURES.append(f"{name}: {detail}")


def parse(text):
    proc = subprocess.run([BINARY, "calendar", "parse"], input=text.encode("utf-8"),
                          capture_output=True, timeout=60)
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def crlf(text):
    return text.replace("\n", "\r\n")


VTIMEZONE = """BEGIN:VTIMEZONE
TZID:Europe/Copenhagen
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE
"""

REQUEST = crlf(f"""BEGIN:VCALENDAR
PRODID:-//Samspil//Samspil//DA
VERSION:2.0
METHOD:REQUEST
{VTIMEZONE}BEGIN:VEVENT
UID:m-1@samspil.example
SEQUENCE:4
DTSTAMP:20270115T080000Z
DTSTART;TZID=Europe/Copenhagen:20270329T090000
DTEND;TZID=Europe/Copenhagen:20270329T100000
SUMMARY:Møde
STATUS:CONFIRMED
ORGANIZER;CN=Åse:mailto:leder@kommune.example
ATTENDEE;CN=Pia;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:ppr@kommune.example
ATTENDEE;PARTSTAT=ACCEPTED:mailto:laerer@skole.example
END:VEVENT
END:VCALENDAR
""")

code, out, err = parse(REQUEST)
check("request exit", code == 0, f"exit {code}, stderr {err.strip()}")
try:
    got = json.loads(out)
except json.JSONDecodeError:
    got = {}
    check("request json", False, repr(out[:200]))
expected = {
    "method": "REQUEST", "uid": "m-1@samspil.example", "sequence": 4, "summary": "Møde",
    "tzid": "Europe/Copenhagen",
    "start_ms": 1806303600000,  # 2027-03-29T07:00:00Z = 09:00 CEST
    "end_ms": 1806307200000, "status": "CONFIRMED", "has_vtimezone": True,
    "attendee_emails": ["ppr@kommune.example", "laerer@skole.example"],
}
for key, value in expected.items():
    check(f"request {key}", got.get(key) == value, f"{got.get(key)!r} != {value!r}")

CANCEL = REQUEST.replace("METHOD:REQUEST", "METHOD:CANCEL").replace("STATUS:CONFIRMED", "STATUS:CANCELLED") \
                .replace("SEQUENCE:4", "SEQUENCE:5")
code, out, err = parse(CANCEL)
check("cancel exit", code == 0, f"exit {code}, stderr {err.strip()}")
got = json.loads(out) if code == 0 else {}
check("cancel method", got.get("method") == "CANCEL", repr(got))
check("cancel status", got.get("status") == "CANCELLED", repr(got))
check("cancel uid", got.get("uid") == "m-1@samspil.example", repr(got))
check("cancel sequence", got.get("sequence") == 5, repr(got))

for name, text in [("empty", ""), ("text", "Hej med dig"), ("html", "<html><body>Log ind</body></html>"),
                   ("no event", crlf("BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n"))]:
    code, out, err = parse(text)
    check(f"{name} exit", code == 1, f"exit {code}")
    check(f"{name} stdout empty", out == "", repr(out))
    check(f"{name} one line", err.strip() != "" and "ikke en gyldig kalenderinvitation" in err, repr(err))

for failure in FAILURES:
    print(failure)
sys.exit(1 if FAILURES else 0)
