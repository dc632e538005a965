"""The README's Python sessions (```pycon blocks) run as doctests: every output shown is real."""
import doctest
import re
from pathlib import Path

import pytest

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```pycon\n(.*?)```", README, re.S)


@pytest.mark.parametrize("block", BLOCKS, ids=[f"block{i + 1}" for i in range(len(BLOCKS))])
def test_readme_python_session(block, tmp_path, monkeypatch):
    monkeypatch.delenv("CLAIMGRAPH_DATA", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # the shipped example, not a user's folder
    test = doctest.DocTestParser().get_doctest(block, {}, "README.md", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.failures == 0, f"{runner.failures} example(s) of the README's Python session failed (output above)"


def test_readme_has_a_python_session():
    assert BLOCKS and "claimgraph.open()" in BLOCKS[0]
