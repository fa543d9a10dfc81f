#!/usr/bin/env python3
"""ctest for `samspil model check`: the four presets pass (exit 0, one OK line each) and a
broken fixture fails (exit 1) with its error as FILE:LINE:COL: message."""
import glob
import os
import subprocess
import sys


def run(binary, *files):
    return subprocess.run([binary, "model", "check", *files], capture_output=True, text=True, timeout=60)


def main():
    binary, source = sys.argv[1], sys.argv[2]
    presets = sorted(glob.glob(os.path.join(source, "models", "*.yaml")))
    assert len(presets) == 4, presets
    ok = run(binary, *presets)
    assert ok.returncode == 0, (ok.returncode, ok.stdout, ok.stderr)
    lines = ok.stdout.splitlines()
    assert len(lines) == 4, lines
    for preset, line in zip(presets, lines):
        assert line.startswith("OK " + preset + " ("), line
        assert "mødetype" in line and ("fora)" in line or "forum)" in line), line

    broken = os.path.join(source, "tests", "domain", "models", "unknown-key.yaml")
    bad = run(binary, presets[0], broken)
    assert bad.returncode == 1, (bad.returncode, bad.stdout, bad.stderr)
    want = broken + ":12:5: Ukendt nøgle 'colour' i en mødetype"
    assert any(l.startswith(want) for l in bad.stdout.splitlines()), bad.stdout
    assert bad.stdout.splitlines()[0].startswith("OK " + presets[0]), bad.stdout

    several = run(binary, os.path.join(source, "tests", "domain", "models", "many-errors.yaml"))
    assert several.returncode == 1 and len(several.stdout.splitlines()) == 4, several.stdout
    print("model check CLI: ok")


if __name__ == "__main__":
    main()
