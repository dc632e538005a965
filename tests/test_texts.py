"""Issue 10: archived texts are read only from inside the data folder, as regular UTF-8 files of
at most 16 MB, by every reader (in-memory store, persistent build from Turtle and from the
N-Triples stream, push, the rdflib loader of validate); anything else is one line, exit 2."""
import os
from pathlib import Path

import pytest

from claimgraph.store import MAX_TEXT_BYTES, read_archived_text, safe_text_path
from claimgraph.errors import DataError

from conftest import ARTICLE

TEXT_FILE = f'cg:textFile "{ARTICLE}.txt"'


def _prepare(data: Path, case: str) -> str:
    """Make the file ``case`` needs in ``data``; return the cg:textFile value to write."""
    if case == "symlink out":
        (data / "link.txt").symlink_to("/etc/hostname")
        return "link.txt"
    if case == "fifo":
        os.mkfifo(data / "fifo.txt")
        return "fifo.txt"
    if case == "folder":
        (data / "folder.txt").mkdir()
        return "folder.txt"
    if case == "over 16 MB":
        (data / "big.txt").write_bytes(b"a" * (MAX_TEXT_BYTES + 1))
        return "big.txt"
    if case == "latin-1 byte":
        (data / "latin1.txt").write_bytes("café".encode("latin-1"))
        return "latin1.txt"
    return {"absolute": "/etc/hostname", "dot-dot": "../../etc/passwd", "dev zero": "/dev/zero",
            "rdf file": "entities.ttl"}[case]


CASES = {  # case -> words the one line must hold
    "absolute": "not an absolute path",
    "dot-dot": "leads out of",
    "dev zero": "not an absolute path",
    "symlink out": "is a link to a file outside",
    "fifo": "is a FIFO",
    "folder": "is a folder",
    "over 16 MB": "over the 16 MB limit",
    "latin-1 byte": "not UTF-8: byte 0xE9 at offset 3",
    "rdf file": "cannot be an RDF data file",
}


def _point_text_at(data: Path, value: str, as_nt: bool) -> None:
    ttl = data / f"{ARTICLE}.ttl"
    text = ttl.read_text(encoding="utf-8")
    assert TEXT_FILE in text
    ttl.write_text(text.replace(TEXT_FILE, f'cg:textFile "{value}"'), encoding="utf-8")
    if as_nt:
        from rdflib import Graph
        Graph().parse(ttl).serialize(data / f"{ARTICLE}.nt", format="nt", encoding="utf-8")
        ttl.unlink()


def _snapshot(folder: Path) -> dict:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file() and p.stat().st_size < 1 << 20
            and not p.name.startswith(".")}


READERS = ["lookup in memory", "load from turtle", "load from n-triples", "push file_quads", "validate"]


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("case", list(CASES))
def test_archived_text_outside_or_unfit_is_refused_in_one_line(run, data_copy, tmp_path, case, reader):
    _point_text_at(data_copy, _prepare(data_copy, case), as_nt=reader == "load from n-triples")
    before = _snapshot(data_copy)
    if reader == "push file_quads":
        from claimgraph.store.push import file_quads
        with pytest.raises(DataError) as caught:
            file_quads(data_copy / f"{ARTICLE}.ttl", data_copy)
        message = str(caught.value)
    else:
        args = {"lookup in memory": ["lookup", "650,000", "--data", data_copy],
                "load from turtle": ["load", "--data", data_copy, "--store", tmp_path / "store"],
                "load from n-triples": ["load", "--data", data_copy, "--store", tmp_path / "store"],
                "validate": ["validate", "--data", data_copy]}[reader]
        result = run(*args)
        assert result.exit_code == 3, result.output
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        message = result.stderr
    assert CASES[case] in message
    assert _snapshot(data_copy) == before


def test_a_text_linked_from_inside_the_folder_is_read(tmp_path):
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text("inside", encoding="utf-8")
    (tmp_path / "b.txt").symlink_to(tmp_path / "texts" / "a.txt")
    assert read_archived_text(tmp_path, "b.txt") == "inside"
    assert safe_text_path(tmp_path, "texts/a.txt") == tmp_path / "texts" / "a.txt"
