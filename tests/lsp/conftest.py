"""Shared set-up for the language server's end-to-end tests: which binary, and a throw-away workspace."""

import os
import pathlib
import shutil

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
# scripts/lsp-check.sh sets VSTREAM_BIN to the binary it built; by hand, the debug build is used.
VSTREAM = os.environ.get("VSTREAM_BIN", str(ROOT / ".build" / "debug" / "vstream"))


@pytest.fixture()
def workspace(tmp_path):
    """A workspace folder holding a copy of one example and a vstream.yml with an organisation's practice."""
    shutil.copy(ROOT / "examples" / "restore-live-service.vstream", tmp_path / "restore.vstream")
    (tmp_path / "vstream.yml").write_text(
        "practices:\n"
        "  - id: fraud-screening\n"
        "    name: Fraud screening\n"
        "    purpose: stop fraudulent requests before work starts\n"
    )
    return tmp_path
