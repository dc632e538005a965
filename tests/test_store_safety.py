"""Issue 10, the store: nothing outside claimgraph's own folders is deleted, writers exclude each
other, readers never see a half-built store, a damaged store is rebuilt, edits are noticed."""
import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from claimgraph.store import cache_dir, data_lock, persistent_is_fresh

CORPUS = Path(__file__).parent / "corpus"
LEDGER = "ledger-2024-08-02-caucasus"


def claimgraph(*args, cwd=None, **kwargs) -> subprocess.Popen:
    """A real claimgraph process (the environment, so the private cache, is inherited)."""
    return subprocess.Popen([sys.executable, "-m", "claimgraph.cli", *map(str, args)], cwd=cwd,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)


def finish(process, timeout=120):
    out, err = process.communicate(timeout=timeout)
    return process.returncode, out, err


def snapshot(folder: Path) -> dict:
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# ---------------------------------------------------------------------------- data loss

def test_load_store_refuses_a_folder_it_did_not_make(run, tmp_path):
    folder = tmp_path / "p"
    folder.mkdir()
    (folder / "thesis.txt").write_text("x")
    result = run("load", "--store", folder)
    assert result.exit_code == 1
    assert str(folder) in result.stderr and "not made by claimgraph" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert (folder / "thesis.txt").read_text() == "x"


@pytest.mark.parametrize("where", ["data", "parent of data", ".", "..", "home"])
def test_load_store_refuses_data_parents_cwd_and_home(run, data_copy, tmp_path, monkeypatch, where):
    inner = tmp_path / "work" / "sub"
    inner.mkdir(parents=True)
    (tmp_path / "work" / "notes.txt").write_text("keep")
    monkeypatch.chdir(inner)
    monkeypatch.setenv("HOME", str(tmp_path / "work"))
    store = {"data": data_copy, "parent of data": tmp_path, ".": ".", "..": "..", "home": tmp_path / "work"}[where]
    before = snapshot(tmp_path)
    result = run("load", "--data", data_copy, "--store", store)
    assert result.exit_code == 1, result.output
    assert "give --store a new or empty folder" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(tmp_path) == before


def test_load_store_replaces_its_own_store_and_fills_an_empty_folder(run, run_json, tmp_path):
    location = tmp_path / "empty"
    location.mkdir()
    assert run("load", "--store", location).exit_code == 0
    assert (location / "claimgraph-store.json").is_file()
    assert run("load", "--store", location).exit_code == 0  # its own: rebuilt in place
    assert run_json("lookup", "650,000", "--store", location)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty", "empty.lock"]  # no .building, no .old


def test_a_building_folder_left_by_someone_else_is_not_deleted(run, tmp_path):
    location = tmp_path / "store"
    building = tmp_path / "store.building"
    building.mkdir()
    (building / "mine.txt").write_text("keep")
    result = run("load", "--store", location)
    assert result.exit_code == 1
    assert str(building) in result.stderr
    assert (building / "mine.txt").read_text() == "keep"


def test_a_build_killed_midway_is_cleaned_by_the_next(run, run_json, tmp_path):
    location = tmp_path / "store"
    assert run("load", "--store", location).exit_code == 0
    building = tmp_path / "store.building"
    building.mkdir()
    (building / "claimgraph-store.json").write_text('{"made_by": "claimgraph", "state": "building"}')
    (building / "half.sst").write_bytes(b"\0" * 10)
    assert run("load", "--store", location).exit_code == 0
    assert not building.exists()


# ---------------------------------------------------------------------------- freshness

def test_same_size_same_mtime_edit_is_noticed(run, run_json, data_copy):
    assert run("load", "--data", data_copy).exit_code == 0
    ttl = data_copy / "gbnews-2024-07-18-russian-exodus.ttl"
    st = ttl.stat()
    text = ttl.read_text(encoding="utf-8")
    ttl.write_text(text.replace('"good trend"', '"fine trend"'), encoding="utf-8")
    os.utime(ttl, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert ttl.stat().st_size == st.st_size and ttl.stat().st_mtime_ns == st.st_mtime_ns
    assert not persistent_is_fresh(data_copy)
    assert run_json("lookup", "fine trend", "--data", data_copy)


# ---------------------------------------------------------------------------- damaged stores

def _damage(store: Path, how: str) -> None:
    db = store / "oxigraph"
    if how == "truncated sst":
        for sst in db.glob("*.sst"):
            os.truncate(sst, 100)
    elif how == "garbage CURRENT":
        (db / "CURRENT").write_text("garbage\n")
    else:
        for manifest in db.glob("MANIFEST-*"):
            manifest.unlink()


@pytest.mark.parametrize("how", ["truncated sst", "garbage CURRENT", "missing MANIFEST"])
def test_a_damaged_store_is_rebuilt_from_the_data(run, run_json, tmp_path, how):
    location = tmp_path / "store"
    assert run("load", "--store", location).exit_code == 0
    expected = run_json("lookup", "650,000", "--store", location)
    _damage(location, how)
    assert run_json("lookup", "650,000", "--store", location) == expected
    assert run_json("lookup", "650,000", "--store", location) == expected


# ---------------------------------------------------------------------------- locks

def test_two_stale_readers_at_once_build_once_and_both_answer(run, data_copy):
    """Regression: two look-ups on a stale store raced into one `.building` folder
    (FileExistsError) and once left a store answering "Corruption: Mismatch in unique ID"."""
    assert run("load", "--data", data_copy).exit_code == 0
    for round_ in range(2):
        (data_copy / "extra.ttl").write_text(f"<urn:x> <urn:y> {round_} .\n")
        runs = [claimgraph("lookup", "650,000", "--data", data_copy, "--json") for _ in range(2)]
        for code, out, err in map(finish, runs):
            assert code == 0, err
            assert "Traceback" not in err
        assert persistent_is_fresh(data_copy)
        assert not cache_dir(data_copy).with_name(cache_dir(data_copy).name + ".building").exists()


def test_a_writer_waits_for_the_data_lock_and_says_so(data_copy):
    with data_lock(data_copy):
        process = subprocess.Popen(
            [sys.executable, "-c", "import sys; from claimgraph.store import data_lock\n"
             f"with data_lock({str(data_copy)!r}):\n    print('got it')"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = process.stderr.readline()
        assert line.strip() == f"busy: another claimgraph is writing {data_copy}; waiting…"
        assert process.poll() is None
    out, err = process.communicate(timeout=60)
    assert out.strip() == "got it"


@pytest.mark.parametrize("shared, doing", [(False, "writing"), (True, "reading")])
def test_a_busy_lock_without_waiting_is_one_line(data_copy, shared, doing):
    from claimgraph.store.locks import Busy

    with data_lock(data_copy):
        pass  # the lock file exists from the first writer on; readers never make it
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from claimgraph.store import data_lock\n"
         f"with data_lock({str(data_copy)!r}, shared={shared}):\n    print('held', flush=True); sys.stdin.read()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(Busy, match=f"^busy: another claimgraph is {doing} {data_copy}; try again"):
            with data_lock(data_copy, wait=False):
                pass
    finally:
        holder.communicate("", timeout=60)


def _split_ledger(tmp_path) -> tuple[Path, Path]:
    """The test corpus as two sheets of the same source: rows 1-3 and rows 4-5."""
    with (CORPUS / f"{LEDGER}.csv").open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        rows, columns = list(reader), reader.fieldnames
    second = rows[3:]
    second[0] = {**second[0], **{k: v for k, v in rows[0].items() if k.startswith("source_")}}
    sheets = []
    for name, part in (("a", rows[:3]), ("b", second)):
        folder = tmp_path / name
        folder.mkdir()
        (folder / f"{LEDGER}.txt").write_bytes((CORPUS / f"{LEDGER}.txt").read_bytes())
        with (folder / f"{LEDGER}.csv").open("w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=columns)
            writer.writeheader()
            writer.writerows(part)
        sheets.append(folder / f"{LEDGER}.csv")
    return sheets[0], sheets[1]


def test_two_imports_into_one_data_folder_at_once_both_survive(run, run_json, data_copy, tmp_path):
    """Regression: two imports of different rows of one source at once both said "N claim(s)
    added", and one's claims were lost (5 runs of 5)."""
    first, second = _split_ledger(tmp_path)
    assert run("load", "--data", data_copy).exit_code == 0
    runs = [claimgraph("import", sheet, "--data", data_copy) for sheet in (first, second)]
    results = [finish(p, timeout=300) for p in runs]
    for code, out, err in results:
        assert code == 0, err
    added = sum(int(out.split()[0]) for _, out, _ in results)
    assert added == 5
    total = run("query", "SELECT (COUNT(*) AS ?n) WHERE { ?c a <https://schema.org/Claim> }",
                "--data", data_copy, "--format", "csv")
    assert total.stdout.split() == ["n", str(23 + 5)]
    assert persistent_is_fresh(data_copy)
    assert run_json("lookup", "second home", "--data", data_copy)


# ---------------------------------------------------------------------------- one line, not a traceback

def without_root_powers(*args, **kwargs) -> subprocess.CompletedProcess:
    """Run claimgraph as root without the power to read or write what permissions forbid (as
    any other user would be), so chmod matters even in a root CI."""
    if os.geteuid() != 0 or not shutil.which("setpriv"):
        pytest.skip("needs root and setpriv (util-linux)")
    return subprocess.run(["setpriv", "--bounding-set", "-dac_override,-dac_read_search",
                           sys.executable, "-m", "claimgraph.cli", *map(str, args)],
                          capture_output=True, text=True, timeout=120, **kwargs)


def test_an_unreadable_data_file_is_one_line(data_copy):
    """Regression: PermissionError traceback in lookup."""
    (data_copy / "entities.ttl").chmod(0)
    for args in (["lookup", "650,000"], ["load", "--store", data_copy.parent / "store"]):
        result = without_root_powers(*args, "--data", data_copy)
        assert result.returncode == 3, result.stderr
        assert result.stderr.strip() == f"Error: {data_copy / 'entities.ttl'}: cannot be read: Permission denied"


def test_a_read_only_stale_store_is_read_with_a_warning(run, data_copy, tmp_path):
    location = tmp_path / "ro" / "store"
    assert run("load", "--data", data_copy, "--store", location).exit_code == 0
    (data_copy / "extra.ttl").write_text("<urn:x> <urn:y> <urn:z> .\n")
    for path in [location.parent, *location.parent.rglob("*")]:
        path.chmod(path.stat().st_mode & ~0o222)
    try:
        result = without_root_powers("lookup", "650,000", "--data", data_copy, "--store", location, "--json")
    finally:
        for path in [location.parent, *location.parent.rglob("*")]:
            path.chmod(path.stat().st_mode | 0o200)
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith(f"warning: {location} is older than {data_copy} and cannot be rebuilt")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("suffix", [".ttl", ".nt"])
def test_a_token_over_16_mb_is_one_line(run, data_copy, tmp_path, suffix):
    """Regression: MemoryError ("Reached the buffer maximal size") traceback."""
    (data_copy / f"huge{suffix}").write_text('<urn:a> <urn:b> "' + "x" * (16 * 1024 * 1024 + 1) + '" .\n')
    for args in (["lookup", "650,000"], ["load", "--store", tmp_path / "store"], ["validate"]):
        result = run(*args, "--data", data_copy)
        assert result.exit_code == 3
        assert result.stderr.strip() == f"Error: {data_copy / f'huge{suffix}'}: a literal or IRI is over 16 MB, " \
                                        "more than the store reads; keep long texts in archived .txt files"


@pytest.mark.parametrize("args", [["lookup", "\udcff"], ["lookup", "--speaker", "a\udcff"],
                                  ["query", "--name", "claims_by_speaker", "--bind", "speaker=\udcff"],
                                  ["query", 'SELECT * WHERE { ?s ?p "\udcff" }']])
def test_a_non_utf8_argument_is_one_line(run, args):
    """A byte that is not UTF-8 in an argument (Python keeps it as a lone surrogate)."""
    result = run(*args)
    assert result.exit_code == 1
    assert "is not UTF-8 text (byte 0xFF at offset" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_import_with_a_damaged_store_rebuilds_it_and_imports(run, run_json, data_copy, tmp_path):
    first, _ = _split_ledger(tmp_path)
    assert run("load", "--data", data_copy).exit_code == 0
    _damage(cache_dir(data_copy), "garbage CURRENT")
    result = run("import", first, "--data", data_copy)
    assert result.exit_code == 0, result.stderr
    assert persistent_is_fresh(data_copy)
    assert run_json("lookup", "500,000", "--data", data_copy)


def test_a_text_saved_anew_in_a_subfolder_is_noticed(data_copy):
    (data_copy / "texts").mkdir()
    (data_copy / "texts" / "a.txt").write_text("one")
    from claimgraph.store.persistent import fingerprint
    before = fingerprint(data_copy)
    (data_copy / "texts" / "a.txt.new").write_text("two")
    os.replace(data_copy / "texts" / "a.txt.new", data_copy / "texts" / "a.txt")  # as editors save
    assert fingerprint(data_copy) != before


@pytest.mark.parametrize("command", [["load"], ["lookup", "650000"]])
def test_a_cache_folder_that_cannot_be_made_is_one_line(run, data_copy, tmp_path, monkeypatch, command):
    """Regression: $CLAIMGRAPH_CACHE below a file (or under /proc) made `load` end in a
    traceback from mkdir; a look-up reads the data in memory instead."""
    (tmp_path / "a-file").write_text("keep")
    monkeypatch.setenv("CLAIMGRAPH_CACHE", str(tmp_path / "a-file" / "cache"))
    result = run(*command, "--data", data_copy)
    if command == ["load"]:
        assert result.exit_code == 3
        assert result.stderr.strip().splitlines() == [f"Error: {tmp_path / 'a-file'}/cache: cannot write here (Not a directory)"]
    else:
        assert result.exit_code == 0 and "claim/8c1b60b6d70cf5a0" in result.stdout
    assert (tmp_path / "a-file").read_text() == "keep"
