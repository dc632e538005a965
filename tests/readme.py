"""The README's console sessions, run as a user would: each ```console block is a sequence of
``$ claimgraph …`` commands with the output they print.

A session runs in a fresh folder (``$HOME`` there too, so ``~/claims`` is private) where
``tests/`` of the repository is linked, with its own cache and configuration. Expected lines
match the output line for line; ``…`` inside a line matches any text, and a line that is only
``…`` matches any number of lines.

``python tests/readme.py`` prints each block's actual output; ``--write`` puts it into the
README in place of what the blocks show (paths of the session folder and of the repository
shown as ``…``).
"""
import os
import re
import shlex
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"


def sessions(text: str | None = None) -> list[list[tuple[str, list[str]]]]:
    """Every console block of the README: a list of (command, expected lines)."""
    text = text if text is not None else README.read_text(encoding="utf-8")
    out = []
    for block in re.findall(r"```console\n(.*?)```", text, re.S):
        steps = []
        for line in block.splitlines():
            if line.startswith("$ "):
                steps.append((line[2:], []))
            elif steps:
                steps[-1][1].append(line)
        out.append(steps)
    return out


def run_command(command: str, cwd: Path) -> tuple[int, str]:
    """Run one ``claimgraph …`` command in-process in ``cwd``; (exit code, what the terminal shows)."""
    from click.testing import CliRunner

    from claimgraph.cli import main

    args = shlex.split(command.split("  #")[0], comments=False)
    assert args[0] == "claimgraph", command
    args = [os.path.expanduser(a) for a in args[1:]]
    old = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, args, catch_exceptions=False)
    finally:
        os.chdir(old)
    return result.exit_code, result.output


def matches(expected: list[str], actual: list[str]) -> bool:
    """Line-by-line match with ``…`` wildcards (a line of only ``…``: any number of lines)."""
    pattern = ""
    for line in expected:
        if line.strip() == "…":
            pattern += r"(?:.*\n)*?"
        else:
            pattern += ".*?".join(re.escape(part) for part in line.rstrip().split("…")) + r"[ \t]*\n"
    return re.fullmatch(pattern, "".join(a.rstrip() + "\n" for a in actual)) is not None


def prepare(folder: Path) -> None:
    """A fresh working folder: tests/ linked, private home, cache and configuration."""
    (folder / "tests").symlink_to(ROOT / "tests")
    os.environ["HOME"] = str(folder)
    os.environ["CLAIMGRAPH_CACHE"] = str(folder / ".cache")
    os.environ["XDG_CONFIG_HOME"] = str(folder / ".config")
    os.environ.pop("CLAIMGRAPH_DATA", None)


def fill(text: str, folder: Path) -> str:
    """``text`` with the output of every command whose block no longer matches replaced by what
    it prints now. A block that elides lines (``…``) and no longer matches is left as it is and
    named on stderr, to be mended by hand."""
    def block(match):
        out, steps = [], sessions("```console\n" + match.group(1) + "```")[0]
        for command, expected in steps:
            _, output = run_command(command, folder)
            shown = [o.rstrip() for o in output.replace(str(folder), "…").replace(str(ROOT), "…").splitlines()]
            if matches(expected, shown) or any(line.strip() == "…" for line in expected):
                if not matches(expected, shown):
                    print(f"mend by hand: $ {command}", file=sys.stderr)
                out += [f"$ {command}"] + expected
            else:
                out += [f"$ {command}"] + shown
        return "```console\n" + "\n".join(out) + "\n```"

    return re.sub(r"```console\n(.*?)```", block, text, flags=re.S)


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        prepare(Path(tmp))
        if "--write" in sys.argv:
            README.write_text(fill(README.read_text(encoding="utf-8"), Path(tmp)), encoding="utf-8")
            sys.exit(0)
        for i, steps in enumerate(sessions()):
            print(f"--- block {i + 1}")
            for command, _ in steps:
                code, output = run_command(command, Path(tmp))
                print(f"$ {command}")
                sys.stdout.write(output)
                if code:
                    print(f"[exit {code}]")
