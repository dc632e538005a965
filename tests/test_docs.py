"""Every command has help text and appears in the README; the README's commands are the CI's."""
from pathlib import Path

import pytest

from claimgraph.cli import main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(main.commands))
def test_command_has_help_and_is_documented(run, name):
    result = run(name, "--help")
    assert result.exit_code == 0
    assert main.commands[name].help, f"{name} has no help text"
    assert f"claimgraph {name}" in README


def test_readme_has_the_two_setup_commands():
    assert "pip install . && claimgraph validate && claimgraph lookup 650,000" in README
    assert "pip install '.[test]' && python -m pytest" in README
