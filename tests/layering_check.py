#!/usr/bin/env python3
"""Fails when a source file includes a header from a layer above its own (DESIGN.md).

A shared include root (src/) cannot stop an upward include by itself, so this test does.
"""
import pathlib
import re
import sys

# Each layer and the layers it may include (besides itself).
ALLOWED = {
    "domain": set(),
    "crypto": set(),
    "storage": {"domain", "crypto"},
    "jobs": {"storage", "domain", "crypto"},
    "mail": set(), "pdf": set(), "calendar": set(),
    "net": set(),
    "oidc": {"crypto", "net"},
    "live": set(),
    "service": {"storage", "jobs", "domain", "crypto", "mail", "pdf", "calendar", "oidc", "live", "net"},
    "http": set(),
    # What pages and API share; like them it reaches storage only through the services.
    "edge": {"http", "service", "domain", "crypto", "live", "net"},
    # Siblings: neither includes the other, neither includes storage.
    "web": {"edge", "http", "service", "domain", "crypto", "live", "net"},
    "api": {"edge", "http", "service", "domain", "crypto", "live", "net"},
    "app": {"web", "api", "edge", "http", "service", "jobs", "storage", "domain", "crypto", "mail", "pdf", "calendar", "oidc", "live", "net"},
}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([a-z_]+)/')

def main() -> int:
    src = pathlib.Path(sys.argv[1])
    bad = []
    for path in sorted(src.rglob("*")):
        if path.suffix not in {".hpp", ".cpp", ".h"} or path.parent == src:
            continue
        layer = path.relative_to(src).parts[0]
        allowed = ALLOWED.get(layer)
        if allowed is None:
            bad.append(f"{path}: layer '{layer}' is not listed in tests/layering_check.py")
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            m = INCLUDE.match(line)
            if m and m.group(1) != layer and m.group(1) not in allowed:
                bad.append(f"{path}:{n}: '{layer}' may not include '{m.group(1)}/'")
    for b in bad:
        print(b)
    print(f"layering: {len(bad)} violation(s)")
    return 1 if bad else 0

if __name__ == "__main__":
    sys.exit(main())
