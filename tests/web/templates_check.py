#!/usr/bin/env python3
"""Static checks of templates/ and locale/da (issue 7, ctest `templates_check`):

1. every templates/**/*.tpl starts with {{%AUTOESCAPE context="HTML"}} (without it ctemplate
   escapes nothing) and no variable switches escaping off or to a weaker mode by hand
   ({{x:none}}, {{x:x-...}}, {{x:h}} etc. — the pragma chooses the escaping by context);
2. every {{t_key}} a template uses exists in locale/da/*.yaml, no key is defined twice,
   and every key is used by a template or by C++ (a "key" string literal under src/) or is
   listed in ALLOWED_UNUSED below;
3. no {{t_key}} sits in a URL, script or style attribute, an unquoted attribute or a
   <script>/<style> block: Views writes the texts into the templates HTML-escaped at
   start-up (web/views.cpp), which is right only for text and quoted attributes.

Usage: templates_check.py SOURCE_DIR   (exit 0 when clean; one line per problem otherwise)
"""
import pathlib
import re
import sys

PRAGMA = '{{%AUTOESCAPE context="HTML"}}'
# Keys looked up by a computed name in C++ (error_<status>_heading …): used, but never as a
# literal. Patterns, not single keys, so a new status needs no edit here.
ALLOWED_UNUSED = [
    re.compile(r"^error_\d{3}_(heading|text|help)$"),
    re.compile(r"^obligation_[a-z_]+$"),  # the model's obligation ids, named by web/home.cpp
]

VARIABLE = re.compile(r"\{\{\s*([^#/>!%{}\s][^{}]*?)\s*\}\}")
TEXT_KEY = re.compile(r"\{\{\s*t_([a-z0-9_]+)\s*\}\}")
TEXT_IN_UNQUOTED_ATTRIBUTE = re.compile(r"=\s*\{\{\s*t_([a-z0-9_]+)")
TEXT_IN_CODE_ATTRIBUTE = re.compile(
    r"\b(href|src|action|formaction|style|on[a-z]+)\s*=\s*\"[^\"]*\{\{\s*t_([a-z0-9_]+)", re.I)
YAML_KEY = re.compile(r"^([A-Za-z0-9_]+)\s*:")


def check_templates(root, problems):
    used = set()
    for path in sorted((root / "templates").rglob("*.tpl")):
        rel = path.relative_to(root)
        text = path.read_text(encoding="utf-8")
        if not text.startswith(PRAGMA):
            problems.append(f"{rel}: does not start with {PRAGMA}")
        for m in VARIABLE.finditer(text):
            name = m.group(1)
            if ":" in name:
                problems.append(f"{rel}: {{{{{name}}}}} sets its own escaping modifier; the AUTOESCAPE pragma must choose it")
        # Views writes each {{t_key}} into the template HTML-escaped before ctemplate parses it
        # (web/views.cpp, with_texts): right for text and quoted attributes, wrong where the
        # pragma would choose URL, JavaScript or CSS escaping.
        for m in TEXT_IN_CODE_ATTRIBUTE.finditer(text):
            problems.append(f"{rel}: {{{{t_{m.group(2)}}}}} inside the {m.group(1)} attribute; locale texts belong in HTML text or plain attributes")
        for m in TEXT_IN_UNQUOTED_ATTRIBUTE.finditer(text):
            problems.append(f"{rel}: {{{{t_{m.group(1)}}}}} as an unquoted attribute value; quote it")
        if any("{{t_" in block for block in re.findall(r"<(?:script|style)[^>]*>(.*?)</(?:script|style)>", text, re.S)):
            problems.append(f"{rel}: a locale text inside <script> or <style>")
        used.update(TEXT_KEY.findall(text))
    return used


def load_keys(root, problems):
    keys = {}
    for path in sorted((root / "locale" / "da").glob("*.yaml")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.startswith("#") or not line.strip() or line.startswith((" ", "\t")):
                continue
            m = YAML_KEY.match(line)
            if not m:
                problems.append(f"{path.relative_to(root)}:{number}: not a flat `key: \"text\"` line")
                continue
            key = m.group(1)
            if key in keys:
                problems.append(f"{path.relative_to(root)}:{number}: key {key} already defined in {keys[key]}")
            keys[key] = path.relative_to(root)
    return keys


def cpp_literals(root):
    literals = set()
    for path in (root / "src").rglob("*.[ch]pp"):
        literals.update(re.findall(r'"([a-z0-9_]+)"', path.read_text(encoding="utf-8")))
    return literals


def main():
    root = pathlib.Path(sys.argv[1]).resolve()
    problems = []
    used = check_templates(root, problems)
    keys = load_keys(root, problems)
    for key in sorted(used - keys.keys()):
        problems.append(f"templates use {{{{t_{key}}}}} but locale/da has no key {key}")
    literals = cpp_literals(root)
    for key, file in sorted(keys.items()):
        if key in used or key in literals or any(p.match(key) for p in ALLOWED_UNUSED):
            continue
        problems.append(f"{file}: key {key} is used by no template and no C++ code")
    for p in problems:
        print(p)
    count = len(list((root / "templates").rglob("*.tpl")))
    print(f"templates_check: {count} templates, {len(keys)} keys, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
