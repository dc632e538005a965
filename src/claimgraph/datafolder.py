"""The user's own data folder: ``claimgraph init DIR`` makes one and records it, so that every
command finds it without ``--data``; the shipped example stays apart, read-only."""
import json
import os
import shutil
from pathlib import Path

from .errors import ClaimgraphError
from .resources import config_file, example_data_dir

RDF_SUFFIXES = (".ttl", ".nt")


def init_data_folder(folder, example: bool = False, record: bool = True) -> dict:
    """Make ``folder`` a data folder (new, or empty, or one that already holds claimgraph data)
    and, with ``record``, make it the default of every command. With ``example``, the shipped
    example article is copied into it. Returns what was done: folder, copied files, config."""
    folder = Path(folder).expanduser()
    if folder.exists() and not folder.is_dir():
        raise ClaimgraphError(f"{folder} is a file: name a folder for your data")
    existing = [p for p in folder.iterdir()] if folder.exists() else []
    is_data = any(p.suffix in RDF_SUFFIXES for p in existing)
    if existing and not is_data:
        raise ClaimgraphError(f"{folder} holds other files: name a new or empty folder (claimgraph never mixes "
                              "its data with yours)")
    if folder.resolve() == example_data_dir().resolve():
        raise ClaimgraphError(f"{folder} is the shipped example: name a folder of your own")
    folder.mkdir(parents=True, exist_ok=True)
    copied = []
    if example:
        for source in sorted(example_data_dir().iterdir()):
            target = folder / source.name
            if source.is_file() and not target.exists():
                shutil.copyfile(source, target)
                copied.append(target.name)
    config = None
    if record:
        config = config_file()
        config.parent.mkdir(parents=True, exist_ok=True)
        tmp = config.with_name(f".{config.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"data": str(folder.resolve())}, indent=2) + "\n", encoding="utf-8")
        os.replace(tmp, config)
    return {"folder": folder.resolve(), "copied": copied, "config": config, "existing": is_data}


def writable_data_dir(data_dir) -> Path:
    """The folder a writing command writes into: ``data_dir`` if the user named one, else the
    default; never the shipped example unless named."""
    from .resources import default_data_dir

    if data_dir is not None:
        return Path(data_dir)
    folder = default_data_dir()
    if folder.resolve() == example_data_dir().resolve():
        raise ClaimgraphError("no data folder of your own yet: make one with `claimgraph init DIR` (it becomes "
                              "the default), or give --data DIR; the shipped example is read-only")
    return folder
