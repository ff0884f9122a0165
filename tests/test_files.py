"""Writing files: atomic under failure and kill, never over a folder or a stranger's file."""

from __future__ import annotations

import ast
import errno
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from click.testing import CliRunner, Result

from careergraph import files
from careergraph.cli import cli
from careergraph.errors import OutputError
from careergraph.files import write_file
from careergraph.render.html import GENERATOR
from tests.conftest import FIXTURES, ROOT

SMALL = str(FIXTURES / "small.yaml")
OLD = f"<!DOCTYPE html>{GENERATOR}the old map".encode()


@pytest.fixture(params=["unnamed", "named"])
def temp_kind(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Each test runs with O_TMPFILE and with the named temp file used where it is missing."""
    if request.param == "named":
        monkeypatch.setattr(files, "_unnamed_temp", lambda folder: None)
    yield request.param


def written(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_write_replaces_and_leaves_nothing_else(tmp_path: Path, temp_kind: str) -> None:
    target = tmp_path / "map.html"
    target.write_bytes(OLD)
    write_file(target, "新しい地図", what="the map", force=True)
    assert written(tmp_path) == {"map.html": "新しい地図".encode()}


class _FullDisk:
    """A file whose writes stop halfway with 'No space left on device'."""

    def __init__(self, real: Any) -> None:
        self.real = real

    def write(self, data: bytes) -> int:
        self.real.write(data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)

    def __enter__(self) -> _FullDisk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.real.close()


def test_disk_full_halfway_keeps_the_old_file(
    tmp_path: Path, temp_kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "map.html"
    target.write_bytes(OLD)
    real_fdopen = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda fd, mode: _FullDisk(real_fdopen(fd, mode)))
    with pytest.raises(OutputError) as caught:
        write_file(target, "x" * 100_000, what="the map", force=True)
    assert str(caught.value) == f"cannot write the map to '{target}': No space left on device"
    assert written(tmp_path) == {"map.html": OLD}


@pytest.mark.parametrize("failure", [OSError(errno.EIO, "I/O error"), KeyboardInterrupt()])
def test_failed_or_interrupted_fsync_keeps_the_old_file(
    tmp_path: Path, temp_kind: str, monkeypatch: pytest.MonkeyPatch, failure: BaseException
) -> None:
    target = tmp_path / "map.html"
    target.write_bytes(OLD)

    def fail(fd: int) -> None:
        raise failure

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises((OutputError, KeyboardInterrupt)):
        write_file(target, "new", what="the map", force=True)
    assert written(tmp_path) == {"map.html": OLD}


def test_an_unforeseen_exception_in_the_rename_keeps_the_old_file(
    tmp_path: Path, temp_kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "map.html"
    target.write_bytes(OLD)

    def broken(source: Any, destination: Any) -> None:
        raise RuntimeError("injected")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(RuntimeError, match="injected"):
        write_file(target, "new", force=True)
    assert written(tmp_path) == {"map.html": OLD}


def test_temp_files_of_dead_writers_are_swept_and_live_ones_kept(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    (tmp_path / f".map.html.{dead.stdout.strip()}.0123abcd.tmp").write_bytes(b"half")
    alive = tmp_path / f".map.html.{os.getpid()}.0123abcd.tmp"
    alive.write_bytes(b"being written")
    other = tmp_path / ".notes.html.1.0123abcd.tmp"
    other.write_bytes(b"not ours to judge")
    write_file(tmp_path / "map.html", "new")
    assert sorted(written(tmp_path)) == sorted([alive.name, other.name, "map.html"])


def big_map(roles: int) -> str:
    """A data file with `roles` roles on ten ladders, promotions up each."""
    lines = ["version: 1", "tracks:"]
    lines += [f"  t{t}: {{name: {{en: Track {t}, ja: 職種{t}}}}}" for t in range(10)]
    lines += ["skills:", "  s: {name: Skill, category: soft}", "roles:"]
    per_track = roles // 10
    for t in range(10):
        for level in range(1, per_track + 1):
            lines.append(
                f"  r{t}_{level}: {{name: {{en: Role {t} {level}, ja: 役割{t}の{level}}}, "
                f"track: t{t}, level: {level}, years: 1, skills: {{s: {1 + level % 5}}}}}"
            )
    lines.append("transitions:")
    for t in range(10):
        for level in range(1, per_track):
            lines.append(f"  - {{from: r{t}_{level}, to: r{t}_{level + 1}, kind: promotion}}")
    return "\n".join(lines) + "\n"


# Run careergraph with one `os` call of the write made fatal: SIGKILL just before or just after it.
_KILLED_AT = """
import os, signal, sys
name, when = sys.argv.pop(1).split(":")
real = getattr(os, name)
def fatal(*args, **kwargs):
    if when == "before":
        os.kill(os.getpid(), signal.SIGKILL)
    result = real(*args, **kwargs)
    os.kill(os.getpid(), signal.SIGKILL)
    return result
setattr(os, name, fatal)
from careergraph.cli import main
main()
"""


@pytest.mark.parametrize(
    ("point", "survives"),
    [
        ("fsync:before", "old"),  # the new content written, not yet on disk
        ("fsync:after", "old"),  # on disk, with no name yet (or a temporary one)
        ("replace:before", "old"),  # complete under its temporary name
        ("replace:after", "new"),  # renamed over the old file
    ],
)
@pytest.mark.slow
def test_sigkill_at_each_point_of_a_write_leaves_old_or_new_file(
    tmp_path: Path, point: str, survives: str
) -> None:
    data = tmp_path / "data" / "big.yaml"
    data.parent.mkdir()
    data.write_text(big_map(300), encoding="utf-8")
    out = tmp_path / "out" / "map.html"
    args = ["--data", str(data), "render", "-o", str(out)]
    env = {**os.environ, "CAREERGRAPH_NO_CACHE": "1"}  # the map is the only file written
    subprocess.run([sys.executable, "-m", "careergraph", *args], check=True, env=env, cwd=ROOT)
    new = out.read_bytes()
    write_file(out, OLD, force=True)
    killed = subprocess.run(
        [sys.executable, "-c", _KILLED_AT, point, *args], env=env, cwd=ROOT, capture_output=True
    )
    assert killed.returncode == -signal.SIGKILL
    assert out.read_bytes() == (OLD if survives == "old" else new)
    # Whatever the killed writer left behind, the next write clears.
    subprocess.run([sys.executable, "-m", "careergraph", *args], check=True, env=env, cwd=ROOT)
    assert written(out.parent) == {"map.html": new}


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["--data", SMALL, *args], catch_exceptions=False)


def test_render_refuses_a_file_careergraph_did_not_write_unless_forced(tmp_path: Path) -> None:
    mine = tmp_path / "notes.html"
    mine.write_text("<p>my own notes</p>", encoding="utf-8")
    result = run("render", "-o", str(mine))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"error: '{mine}' already exists and careergraph did not write it: "
        "name another file, or add --force to replace it\n"
    )
    assert mine.read_text(encoding="utf-8") == "<p>my own notes</p>"
    result = run("path", "junior", "lead", "--html", str(mine))
    assert result.exit_code == 2 and "did not write it" in result.stderr
    assert result.stdout == ""  # the map is written before the answer is printed
    assert run("render", "-o", str(mine), "--force").exit_code == 0
    assert GENERATOR in mine.read_text(encoding="utf-8")
    assert run("render", "-o", str(mine)).exit_code == 0  # its own file is replaced freely


def test_a_folder_is_refused_even_when_forced(tmp_path: Path) -> None:
    folder = tmp_path / "maps"
    folder.mkdir()
    (folder / "keep.txt").write_text("keep", encoding="utf-8")
    for force in ([], ["--force"]):
        result = run("path", "junior", "lead", "--html", str(folder), *force)
        assert (result.exit_code, result.stdout, result.stderr) == (
            2,
            "",
            f"error: '{folder}' is a folder: name a file inside it, "
            "or end the name with / to write route-junior-lead.html into it\n",
        )
    result = run("render", "-o", str(folder), "--force")
    assert (result.exit_code, result.stderr) == (
        2,
        f"error: '{folder}' is a folder: name a file inside it, "
        "or end the name with / to write careergraph.html into it\n",
    )
    assert written(folder) == {"keep.txt": b"keep"}


def test_output_through_a_symlink_replaces_the_link_not_its_target(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere" / "map.html"
    outside.parent.mkdir()
    outside.write_bytes(OLD)
    inside = tmp_path / "here" / "map.html"
    inside.parent.mkdir()
    inside.symlink_to(outside)
    assert run("render", "-o", str(inside)).exit_code == 0
    assert outside.read_bytes() == OLD
    assert not inside.is_symlink() and GENERATOR in inside.read_text(encoding="utf-8")


# ruff checks most file I/O (pyproject.toml): PLW1514 an open() or a Path's method without an
# encoding, TID251 os.replace, os.rename, os.fdopen and shutil's copies outside files.py. What it
# cannot is checked here: it bans no method and no builtin, and it types no receiver such as
# `(folder / name)` or a package resource, so `(folder / name).read_text()` passes it.


class _FileCall(NamedTuple):
    line: int
    name: str
    mode: str  # open's mode, "" for the other calls
    method: bool
    encoded: bool


def _file_calls() -> Iterator[tuple[Path, _FileCall]]:
    """Every call named open, read_text, write_text or write_bytes in careergraph's source."""
    for path in sorted((ROOT / "src").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            method = isinstance(node.func, ast.Attribute)
            name = getattr(node.func, "attr" if method else "id", "")
            if name not in ("open", "read_text", "write_text", "write_bytes"):
                continue
            keywords = {k.arg: k.value for k in node.keywords}
            given = node.args[0 if method else 1 :][:1] or [keywords.get("mode")]
            mode = next((str(a.value) for a in given if isinstance(a, ast.Constant)), "r")
            if name != "open":
                mode = ""
            yield path, _FileCall(node.lineno, name, mode, method, "encoding" in keywords)


def test_every_file_is_written_through_write_file() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{call.line}"
        for path, call in _file_calls()
        if path.name != "files.py"
        and (call.name in ("write_text", "write_bytes") or set(call.mode) & set("wax+"))
    ]
    assert offenders == []


def test_text_read_or_written_by_a_method_names_its_encoding() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{call.line}"
        for path, call in _file_calls()
        if call.method and call.name in ("read_text", "write_text") and not call.encoded
    ]
    assert offenders == []
