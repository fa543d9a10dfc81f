#!/usr/bin/env python3
"""CLI checks for `samspil deadlines` and `samspil slots` against the preset models.

Usage: time_cli_check.py SAMSPIL_BINARY MODELS_DIR
Runs the real binary, parses its JSON and checks due times, owners, flags, slots and the
one-line errors with exit code 1. Prints one line per failed check; exits 1 if any failed.
"""
import json
import os
import subprocess
import sys
import tempfile

BINARY, MODELS = sys.argv[1], sys.argv[2]
FAILURES = []


def run(*args):
    proc = subprocess.run([BINARY, *args], capture_output=True, text=True, timeout=60)
    return proc.returncode, proc.stdout, proc.stderr


def check(name, condition, detail=""):
    if not condition:
        FAILURES.append(f"{name}: {detail}")


def json_of(name, args):
    code, out, err = run(*args)
    check(name + " exit", code == 0, f"exit {code}, stderr {err.strip()}")
    try:
        return json.loads(out)
    except json.JSONDecodeError:
        check(name + " json", False, repr(out[:200]))
        return []


def by_id(items):
    return {item["id"]: item for item in items}


def model(name):
    return os.path.join(MODELS, name)


def deadlines(model_file, meeting_type, *extra):
    return by_id(json_of("deadlines " + meeting_type,
                         ["deadlines", "--model", model(model_file), "--meeting-type", meeting_type, *extra]))


# S7: agenda at least 7 days before, minutes at most 7 days after (end = start + 90 min).
d = deadlines("samarbejdsmodellen.yaml", "samarbejdsmoede", "--start", "2027-04-08T09:00")
check("S7 agenda due", d.get("send_agenda", {}).get("due") == "2027-04-01T09:00:00+02:00", d)
check("S7 agenda owner", d.get("send_agenda", {}).get("owner") == "agenda_owner", d)
check("S7 agenda rule/unit", (d.get("send_agenda", {}).get("rule"), d.get("send_agenda", {}).get("unit"))
      == ("S7", "calendar_days"), d)
check("S7 minutes due", d.get("send_minutes", {}).get("due") == "2027-04-15T10:30:00+02:00", d)
check("S7 not closed", d.get("send_agenda", {}).get("closed_day") is False, d)

# The clock time survives the switch to summer time; an explicit offset is accepted.
d = deadlines("samarbejdsmodellen.yaml", "samarbejdsmoede", "--start", "2027-03-30T09:00+02:00",
              "--end", "2027-03-30T11:00")
check("DST agenda", d.get("send_agenda", {}).get("due") == "2027-03-23T09:00:00+01:00", d)
check("explicit end", d.get("send_minutes", {}).get("due") == "2027-04-06T11:00:00+02:00", d)

# Minutes due on 2. påskedag: kept and flagged.
d = deadlines("samarbejdsmodellen.yaml", "samarbejdsmoede", "--start", "2027-03-22T13:00")
m = d.get("send_minutes", {})
check("closed day kept", m.get("due") == "2027-03-29T14:30:00+02:00", m)
check("closed day flag", m.get("closed_day") is True and m.get("closed_day_reason") == "2. påskedag", m)

# Ringsted R4: 10 working days to accept, skipping Easter 2027; not computable without --invited.
d = deadlines("ringsted-samarbejdsmoeder.yaml", "samarbejdsmoede", "--start", "2027-04-20T09:00",
              "--invited", "2027-03-19T10:00")
check("R4 working days", d.get("accept_invitation", {}).get("due") == "2027-04-07T10:00:00+02:00", d)
check("R4 unit", d.get("accept_invitation", {}).get("unit") == "working_days", d)
d = deadlines("ringsted-samarbejdsmoeder.yaml", "samarbejdsmoede", "--start", "2027-04-20T09:00")
check("missing anchor reported", "accept_invitation" in d and d["accept_invitation"]["due"] is None, d)


def slots(model_file, meeting_type, busy, *extra):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(busy, f)
    try:
        return json_of("slots " + meeting_type, ["slots", "--model", model(model_file), "--meeting-type",
                                                  meeting_type, "--busy", f.name, *extra])
    finally:
        os.unlink(f.name)


# FP4 windows (Mon 08-15, Thu 09:45-16, may run past 16:00), 60 minutes.
s = slots("ringsted-samarbejdsmoeder.yaml", "fagprofessionelt_samarbejdsmoede",
          {"lærer": [["2027-04-12T08:00", "2027-04-12T14:30"]], "ppr": []},
          "--not-before", "2027-04-12T08:00", "--count", "3")
check("FP4 slots", [x["start"] for x in s] == ["2027-04-12T14:30:00+02:00", "2027-04-12T14:45:00+02:00",
                                              "2027-04-15T09:45:00+02:00"], s)
check("FP4 slot end", s[:1] == [{"start": "2027-04-12T14:30:00+02:00", "end": "2027-04-12T15:30:00+02:00"}], s)

# Default hours; --now keeps the 7-day agenda deadline reachable; busy times from two people.
s = slots("samarbejdsmodellen.yaml", "samarbejdsmoede",
          {"a": [["2027-04-12T10:00", "2027-04-12T11:00"]], "b": [["2027-04-12T10:30+02:00", "2027-04-12T12:00+02:00"]]},
          "--now", "2027-04-05T10:20", "--count", "2")
check("--now slots", [x["start"] for x in s] == ["2027-04-12T12:00:00+02:00", "2027-04-12T12:15:00+02:00"], s)

# Langfredag, weekend and 2. påskedag skipped; closing day 24/12 skipped.
s = slots("samarbejdsmodellen.yaml", "samarbejdsmoede", {}, "--not-before", "2027-03-26T00:00", "--count", "1")
check("Easter skipped", [x["start"] for x in s] == ["2027-03-30T08:00:00+02:00"], s)
s = slots("samarbejdsmodellen.yaml", "samarbejdsmoede", {}, "--not-before", "2027-12-24T00:00", "--count", "1")
check("closing day skipped", [x["start"] for x in s] == ["2027-12-27T08:00:00+01:00"], s)

# F4: agreed PPR booking slots given with --fixed replace the windows (90-minute dialogmøde).
with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fixed:
    json.dump([["2027-04-20T10:00", "2027-04-20T12:00"], ["2027-04-13T10:00", "2027-04-13T12:00"]], fixed)
s = slots("frederiksberg-dialogmoede.yaml", "dialogmoede", {"ppr": [["2027-04-13T10:00", "2027-04-13T11:00"]]},
          "--not-before", "2027-04-12T00:00", "--fixed", fixed.name, "--count", "2")
os.unlink(fixed.name)
check("F4 fixed slots", [x["start"] for x in s] == ["2027-04-20T10:00:00+02:00", "2027-04-20T10:15:00+02:00"], s)


def fails(name, args, fragment):
    code, out, err = run(*args)
    lines = err.strip().splitlines()
    check(name + " exit 1", code == 1, f"exit {code}")
    check(name + " one line", len(lines) == 1 and fragment in lines[0], err)


base = ["--model", model("samarbejdsmodellen.yaml")]
fails("unknown type", ["deadlines", *base, "--meeting-type", "nope", "--start", "2027-04-08T09:00"], "ukendt mødetype")
fails("bad time", ["deadlines", *base, "--meeting-type", "samarbejdsmoede", "--start", "8. april"], "ugyldigt tidspunkt")
fails("no model", ["deadlines", "--model", "/nonexistent.yaml", "--meeting-type", "x", "--start", "2027-04-08T09:00"],
      "kan ikke læse")
fails("no busy file", ["slots", *base, "--meeting-type", "samarbejdsmoede", "--not-before", "2027-04-08T09:00",
                       "--busy", "/nonexistent.json"], "kan ikke læse")
with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as bad:
    bad.write('{"a": [["2027-04-12T10:00"]]}')
fails("bad busy", ["slots", *base, "--meeting-type", "samarbejdsmoede", "--not-before", "2027-04-08T09:00",
                   "--busy", bad.name], "forventede")
os.unlink(bad.name)

for failure in FAILURES:
    print("FAIL", failure)
print(f"{'FAILED' if FAILURES else 'OK'}: {len(FAILURES)} failed checks")
sys.exit(1 if FAILURES else 0)
