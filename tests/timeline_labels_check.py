#!/usr/bin/env python3
"""Every case timeline event kind written under src/ has a Danish label (ctest `timeline_labels`).

Collects the kinds from the code: the kind argument of every call that writes a case event —
add_case_event(conn, actor, case_id, KIND, …) (src/service/cases/case_events.hpp), the request
form's add_timeline(conn, actor, case_id, KIND, …), the demo's w.event(case_id, at, actor, KIND, …) and
storage::append_case_event(conn, {id, tenant, case_id, at, actor, KIND, detail}) — taking every
string literal in that argument (a ternary names several kinds). A call whose kind argument has
no literal must be one of the known forwarders below, so a new writer cannot slip past.
Then checks that each kind has a row in src/web/timeline_labels.cpp (kTimelineLabels) and that
each key there exists in locale/da/*.yaml, so neither the case page nor the timeline page falls
back to a neutral label for something the services write.

Usage: timeline_labels_check.py SOURCE_DIR   (exit 0 when clean; one line per problem otherwise)
"""
import pathlib
import re
import sys

# (file name, kind argument text) of calls that pass a kind through rather than name one.
FORWARDERS = {
    ("case_events.cpp", "kind"),             # add_case_event itself
    ("request_forms_internal.cpp", "kind"),  # add_timeline -> add_case_event
    ("demo_population.cpp", "kind"),         # the demo's event() -> pending rows
    ("demo_population.cpp", "e"),            # append_case_event(conn, e) for the pending rows
    ("demo_meetings.cpp", "e"),              # append_case_event(conn, e) for Emma's case history
}
CALL = re.compile(r"\b(add_case_event|add_timeline|append_case_event|w\.event)\s*\(")
LITERAL = re.compile(r'"([a-z][a-z0-9_]*)"')
LABEL_ROW = re.compile(r'\{\s*"([a-z0-9_]+)"\s*,\s*"([a-z0-9_]+)"\s*\}')
YAML_KEY = re.compile(r"^([A-Za-z0-9_]+)\s*:")


def split_args(text):
    """Top-level comma-separated arguments of text (the inside of a call's parentheses)."""
    args, depth, current, quote = [], 0, "", None
    i = 0
    while i < len(text):
        c = text[i]
        if quote:
            current += c
            if c == "\\":
                current += text[i + 1]
                i += 1
            elif c == quote:
                quote = None
        elif c in "\"'":
            quote = c
            current += c
        elif c in "([{":
            depth += 1
            current += c
        elif c in ")]}":
            depth -= 1
            current += c
        elif c == "," and depth == 0:
            args.append(current.strip())
            current = ""
        else:
            current += c
        i += 1
    if current.strip():
        args.append(current.strip())
    return args


def call_body(text, start):
    """The text between the parenthesis at start and its match."""
    depth, i, quote = 0, start, None
    while i < len(text):
        c = text[i]
        if quote:
            if c == "\\":
                i += 1
            elif c == quote:
                quote = None
        elif c in "\"'":
            quote = c
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return text[start + 1:i]
        i += 1
    return ""


def kind_argument(name, args):
    if name == "append_case_event":
        if len(args) < 2:
            return None
        row = args[1]
        if not row.startswith("{"):
            return row
        fields = split_args(row[1:-1])
        return fields[5] if len(fields) > 5 else None
    return args[3] if len(args) > 3 else None


def collect_kinds(src, problems):
    kinds = {}
    for path in sorted(src.rglob("*.cpp")):
        if path.parts[-2] == "storage":
            continue  # the store itself, not a writer
        text = path.read_text(encoding="utf-8")
        for m in CALL.finditer(text):
            line_start = text.rfind("\n", 0, m.start()) + 1
            line = text[line_start:m.start()]
            if re.search(r"\bvoid\s+(\w+::)*$", line.strip() + " ") or line.strip().startswith("void"):
                continue  # a definition, not a call
            body = call_body(text, m.end() - 1)
            arg = kind_argument(m.group(1), split_args(body))
            where = f"{path.relative_to(src.parent)}:{text.count(chr(10), 0, m.start()) + 1}"
            if arg is None:
                problems.append(f"{where}: cannot find the kind argument of {m.group(1)}(…)")
                continue
            found = LITERAL.findall(arg)
            if not found:
                if (path.name, arg) not in FORWARDERS:
                    problems.append(f"{where}: the kind '{arg}' is not a literal; name it or list the forwarder")
                continue
            for kind in found:
                kinds.setdefault(kind, where)
    return kinds


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
    problems = []
    kinds = collect_kinds(root / "src", problems)
    labels = dict(LABEL_ROW.findall((root / "src/web/timeline_labels.cpp").read_text(encoding="utf-8")))
    locale = set()
    for path in (root / "locale/da").glob("*.yaml"):
        for line in path.read_text(encoding="utf-8").splitlines():
            m = YAML_KEY.match(line)
            if m:
                locale.add(m.group(1))
    if len(kinds) < 10:
        problems.append(f"only {len(kinds)} kinds found: the collector no longer recognises the writers")
    for kind, where in sorted(kinds.items()):
        if kind not in labels:
            problems.append(f"{where}: timeline kind '{kind}' has no label in src/web/timeline_labels.cpp")
    for kind, key in sorted(labels.items()):
        if key not in locale:
            problems.append(f"src/web/timeline_labels.cpp: the label key '{key}' of '{kind}' is not in locale/da")
    for p in problems:
        print(p)
    print(f"timeline_labels: {len(kinds)} kinds written, {len(labels)} labelled, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
