#!/usr/bin/env python3
"""VERSION, at the repository root, is the one place the version is set.

Release tooling reads it (scripts/release.sh, the wheel, the Debian package, the pre-commit hook package in
packaging/python and action.yml at run time). The Swift code cannot read it at compile time without a generated
source file, and Sources/ is being restructured in parallel, so the few places that must repeat it are listed here:

    scripts/version.py check        fails when any place disagrees with VERSION (run by .ci/run and release.sh)
    scripts/version.py set X.Y.Z    writes X.Y.Z to VERSION and to every place below (CHANGELOG.md is by hand)

scripts/release.sh also checks the built binary's `vstream --version` against VERSION.
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
V = r"([0-9]+\.[0-9]+\.[0-9]+(?:[-+.][0-9A-Za-z.]+)?)"

# (file or folder, pattern whose group 1 is the version): every match must equal VERSION, and there must be one.
PLACES = [
    ("Sources", r'static let version = "' + V + '"'),
    ("Tests/CLITests", r'"vstream ' + V + r'\\n"'),
    ("specs/cli.md", r"prints `vstream " + V + "`"),
    ("specs/cli.md", r"rev: v" + V),
    ("examples/ci/vstream.yml", r"VSTREAM_VERSION: \"?" + V),
    (".pre-commit-hooks.yaml", r"rev: v" + V),
    ("packaging/python/.pre-commit-hooks.yaml", r"rev: v" + V),
    ("README.md", r"rev: v" + V),
    ("README.md", r"vstream-" + V + r"-linux-x86_64"),
    ("README.md", r"releases/download/v" + V),
    ("README.md", r"vstream_" + V + r"_amd64"),
    ("examples/ci/vstream.yml", r"at the tag v" + V),
    ("packaging/python/README.md", r"rev: v" + V),
    ("CHANGELOG.md", r"(?m)^## \[" + V + r"\]"),  # the newest section comes first
]


def files(path):
    p = ROOT / path
    return sorted(f for f in p.rglob("*") if f.is_file()) if p.is_dir() else [p]


def version():
    text = (ROOT / "VERSION").read_text().strip()
    if not re.fullmatch(V, text):
        sys.exit(f"VERSION: {text!r} is not X.Y.Z")
    return text


def check():
    want, bad = version(), 0
    for path, pattern in PLACES:
        found = []
        for f in files(path):
            found += [(f, m.group(1)) for m in re.finditer(pattern, f.read_text(errors="replace"))]
        if path == "CHANGELOG.md":
            found = found[:1]
        if not found:
            print(f"version.py: no version in {path} (pattern {pattern})", file=sys.stderr)
            bad += 1
        for f, got in found:
            if got != want:
                print(f"version.py: {f.relative_to(ROOT)} says {got}, VERSION says {want}", file=sys.stderr)
                bad += 1
    if bad:
        sys.exit(1)
    print(f"version.py: every place says {want}")


def set_version(new):
    if not re.fullmatch(V, new):
        sys.exit(f"{new!r} is not X.Y.Z")
    old = version()
    for path, pattern in PLACES:
        if path == "CHANGELOG.md":
            continue
        for f in files(path):
            text = f.read_text(errors="replace")
            changed = re.sub(pattern, lambda m: m.group(0).replace(old, new), text)
            if changed != text:
                f.write_text(changed)
    (ROOT / "VERSION").write_text(new + "\n")
    print(f"{old} -> {new}: now add a `## [{new}]` section at the top of CHANGELOG.md")


if __name__ == "__main__":
    if sys.argv[1:] == ["check"]:
        check()
    elif len(sys.argv) == 3 and sys.argv[1] == "set":
        set_version(sys.argv[2])
    elif sys.argv[1:] == ["print"]:
        print(version())
    else:
        sys.exit("usage: scripts/version.py check | print | set X.Y.Z")
