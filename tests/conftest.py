"""Shared fixtures: a private copy of the shipped data, a CLI runner, a free port."""
import json
import shutil
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph.cli import main
from claimgraph.resources import default_data_dir

ARTICLE = "gbnews-2024-07-18-russian-exodus"


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    """Each test gets its own persistent-store cache and configuration, so none sees another's
    (nor the user's own data folder)."""
    monkeypatch.setenv("CLAIMGRAPH_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("CLAIMGRAPH_DATA", raising=False)


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A copy of the shipped graph_data/ that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(default_data_dir(), target)
    for p in target.iterdir():
        p.chmod(0o644)
    return target


@pytest.fixture
def run():
    """``run("lookup", "650,000")`` -> click Result of the claimgraph command."""
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)

    return invoke


@pytest.fixture
def run_json(run):
    def invoke(*args):
        result = run(*args, "--json")
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    return invoke


@pytest.fixture
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
