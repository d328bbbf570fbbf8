"""The VS Code extension folder: its grammars are copies of grammar/'s and must stay identical, and what its
package.json names exists."""

import json

from conftest import ROOT

VSCODE = ROOT / "editors" / "vscode"


def test_the_extensions_grammars_are_the_repositorys():
    for name in ["vstream.tmLanguage.json", "markdown-vstream.injection.tmLanguage.json"]:
        assert (VSCODE / "syntaxes" / name).read_bytes() == (ROOT / "grammar" / name).read_bytes(), (
            f"editors/vscode/syntaxes/{name} differs from grammar/{name}: copy it again"
        )


def test_the_package_names_files_that_exist_and_scopes_that_match():
    package = json.loads((VSCODE / "package.json").read_text())
    contributes = package["contributes"]
    for language in contributes["languages"]:
        json.loads((VSCODE / language["configuration"]).read_text())
    for grammar in contributes["grammars"]:
        content = json.loads((VSCODE / grammar["path"]).read_text())
        assert content["scopeName"] == grammar["scopeName"]
