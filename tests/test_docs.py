"""The README: every command has help text and a line in it, its two set-up commands are the
CI's, and every console session in it prints what it shows (run by tests/readme.py)."""

import pytest

import readme
from claimgraph.cli import main

README = readme.README.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(main.commands))
def test_command_has_help_and_is_documented(run, name):
    result = run(name, "--help")
    assert result.exit_code == 0
    assert main.commands[name].help, f"{name} has no help text"
    assert f"claimgraph {name}" in README


def test_readme_has_the_two_setup_commands():
    assert "pip install . && claimgraph validate && claimgraph lookup 650,000" in README
    assert "pip install '.[test]' && python -m pytest" in README


def test_every_readme_session_prints_what_it_shows(tmp_path, monkeypatch):
    """The sessions run in order in one fresh folder, as a new user would type them."""
    monkeypatch.chdir(tmp_path)
    for name in ("HOME", "CLAIMGRAPH_CACHE", "XDG_CONFIG_HOME", "CLAIMGRAPH_DATA"):
        monkeypatch.delenv(name, raising=False)
    readme.prepare(tmp_path)
    ran = 0
    for steps in readme.sessions(README):
        for command, expected in steps:
            code, output = readme.run_command(command, tmp_path)
            shown = output.replace(str(tmp_path), "…").replace(str(readme.ROOT), "…").splitlines()
            assert readme.matches(expected, shown), f"$ {command}\n--- README:\n" + "\n".join(expected) \
                + "\n--- printed:\n" + "\n".join(shown)
            ran += 1
    assert ran >= 10
