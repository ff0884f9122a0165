"""Output that cannot be written: a full device, a write cut short, a closed stdout or stderr,
a reader that goes away. Each gets its documented exit code and, where stderr works, one line;
never a traceback, never a 0 for output that was lost. Run in real processes, buffered and not.

The full device is made here with the numbers of /dev/full; a file size limit (RLIMIT_FSIZE)
stands in for a disk that fills part-way through a write.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT

pytestmark = pytest.mark.slow

SMALL = str(FIXTURES / "small.yaml")
FULL = os.makedev(1, 7)
BUFFERING = [{"PYTHONUNBUFFERED": "1"}, {}]
BUFFERING_IDS = ["unbuffered", "buffered"]
COMMANDS = [
    ["roles"],
    ["roles", "--json"],
    ["--help"],
    ["path", "--help"],
    ["--version"],
    ["show", "junior", "--json"],
    ["export", "--format", "json"],
    ["plan", "junior", "lead"],
    ["render", "-o", "-"],
]


def environment(tmp_path: Path, extra: dict[str, str]) -> dict[str, str]:
    base = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("LC_", "PYTHONIO", "LANG", "CAREERGRAPH_")) and k != "PYTHONUNBUFFERED"
    }
    return {**base, "CAREERGRAPH_CACHE_DIR": str(tmp_path / "cache"), **extra}


def careergraph(*args: str) -> list[str]:
    return [sys.executable, "-m", "careergraph", "--data", SMALL, *args]


@pytest.fixture
def full(tmp_path: Path) -> Path:
    device = tmp_path / "full"
    os.mknod(device, stat.S_IFCHR | 0o666, FULL)
    return device


@pytest.mark.parametrize("env", BUFFERING, ids=BUFFERING_IDS)
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_stdout_on_a_full_device_is_one_line_and_exit_2(
    tmp_path: Path, full: Path, env: dict[str, str], args: list[str]
) -> None:
    with open(full, "wb") as out:
        result = subprocess.run(
            careergraph(*args), stdout=out, stderr=subprocess.PIPE, env=environment(tmp_path, env),
            cwd=ROOT, check=False,
        )  # fmt: skip
    assert (result.returncode, result.stderr) == (
        2,
        b"error: cannot write to stdout: No space left on device\n",
    )


def test_the_line_speaks_japanese(tmp_path: Path, full: Path) -> None:
    with open(full, "wb") as out:
        result = subprocess.run(
            careergraph("roles", "--lang", "ja"), stdout=out, stderr=subprocess.PIPE,
            env=environment(tmp_path, {}), cwd=ROOT, check=False,
        )  # fmt: skip
    assert (result.returncode, result.stderr.decode()) == (
        2,
        "エラー: 標準出力に書き込めませんでした: ディスクの空きがありません\n",
    )


def size_limited(tmp_path: Path, extra: dict[str, str]) -> dict[str, str]:
    """The environment of a process under a file size limit: one that cannot save coverage data."""
    env = environment(tmp_path, extra)
    env.pop("COVERAGE_PROCESS_CONFIG", None)
    return env


def _file_size_limit(limit: int) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails with EFBIG instead
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


@pytest.mark.parametrize("env", BUFFERING, ids=BUFFERING_IDS)
@pytest.mark.parametrize("limit", [0, 1000, 4097, 65_537])  # the export is about 79 kB
def test_a_write_cut_short_by_a_filling_disk_is_never_exit_0(
    tmp_path: Path, env: dict[str, str], limit: int
) -> None:
    target = tmp_path / "out.json"
    with open(target, "wb") as out:
        result = subprocess.run(
            [sys.executable, "-m", "careergraph", "export", "--format", "json"],
            stdout=out, stderr=subprocess.PIPE, env=size_limited(tmp_path, env), cwd=ROOT,
            preexec_fn=lambda: _file_size_limit(limit), check=False,
        )  # fmt: skip
    assert (result.returncode, result.stderr) == (
        2,
        b"error: cannot write to stdout: File too large\n",
    )
    assert target.stat().st_size == limit  # everything up to the limit, then the failure


@pytest.mark.parametrize("env", BUFFERING, ids=BUFFERING_IDS)
def test_a_file_cut_short_by_a_filling_disk_leaves_no_file(
    tmp_path: Path, env: dict[str, str]
) -> None:
    target = tmp_path / "out" / "map.json"
    result = subprocess.run(
        [sys.executable, "-m", "careergraph", "export", "--format", "json", "-o", str(target)],
        capture_output=True, env=size_limited(tmp_path, env), cwd=ROOT,
        preexec_fn=lambda: _file_size_limit(5000), check=False,
    )  # fmt: skip
    assert (result.returncode, result.stdout) == (2, b"")
    assert result.stderr == (
        f"error: cannot write the json export to '{target}': File too large\n".encode()
    )
    assert list(target.parent.iterdir()) == []


@pytest.mark.parametrize("env", BUFFERING, ids=BUFFERING_IDS)
@pytest.mark.parametrize(
    ("args", "read"),
    [
        (["roles"], 0),
        (["--help"], 0),
        (["export", "--format", "json"], 10),
        (["render", "-o", "-"], 100),
    ],
    ids=["roles", "help", "export after 10 bytes", "render after 100 bytes"],
)
def test_a_pipe_closed_early_is_141_and_quiet(
    tmp_path: Path, env: dict[str, str], args: list[str], read: int
) -> None:
    # The default map: its export and its map are far larger than a pipe holds.
    command = [sys.executable, "-m", "careergraph", *args]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment(tmp_path, env),
        cwd=ROOT,
    )  # fmt: skip
    assert process.stdout is not None and process.stderr is not None
    if read:
        assert len(process.stdout.read(read)) == read
    process.stdout.close()
    stderr = process.stderr.read()
    assert (process.wait(timeout=120), stderr) == (141, b"")


def _closed(fd: int) -> None:
    os.close(fd)


@pytest.mark.parametrize("env", BUFFERING, ids=BUFFERING_IDS)
@pytest.mark.parametrize("args", [["roles"], ["--help"], ["export", "--format", "json"]])
def test_a_closed_stdout_is_one_line_and_exit_2(
    tmp_path: Path, env: dict[str, str], args: list[str]
) -> None:
    result = subprocess.run(
        careergraph(*args), stderr=subprocess.PIPE, env=environment(tmp_path, env), cwd=ROOT,
        preexec_fn=lambda: _closed(1), check=False,
    )  # fmt: skip
    assert (result.returncode, result.stderr) == (
        2,
        b"error: cannot write to stdout: Bad file descriptor\n",
    )


def test_a_closed_stdout_never_lends_its_number_to_a_file(tmp_path: Path) -> None:
    """With descriptor 1 closed, the next file opened would get it, and stdout writes with it."""
    out = tmp_path / "map.json"
    result = subprocess.run(
        careergraph("export", "--format", "json", "-o", str(out)), stderr=subprocess.PIPE,
        env=environment(tmp_path, {}), cwd=ROOT, preexec_fn=lambda: _closed(1), check=False,
    )  # fmt: skip
    assert result.returncode == 2  # the file was written; naming it on stdout failed
    assert result.stderr == b"error: cannot write to stdout: Bad file descriptor\n"
    assert json.loads(out.read_text(encoding="utf-8"))["nodes"]  # nothing else went into it


@pytest.mark.parametrize("env", BUFFERING, ids=BUFFERING_IDS)
@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["path", "junior", "leadd"], 2),
        (["path", "lead", "junior"], 1),
        (["path", "junior", "lead", "-k", "-1"], 2),
        (["--data", "/nonexistent.yaml", "roles"], 2),
        (["nosuchcommand"], 2),
    ],
    ids=["unknown role", "no route", "bad option", "missing file", "unknown command"],
)
@pytest.mark.parametrize("stderr", ["full", "closed"])
def test_an_error_keeps_its_code_when_stderr_cannot_be_written(
    tmp_path: Path, full: Path, env: dict[str, str], args: list[str], code: int, stderr: str
) -> None:
    with open(full, "wb") as err:
        result = subprocess.run(
            careergraph(*args), stdout=subprocess.PIPE,
            stderr=err if stderr == "full" else subprocess.DEVNULL,
            preexec_fn=(lambda: _closed(2)) if stderr == "closed" else None,
            env=environment(tmp_path, env), cwd=ROOT, check=False,
        )  # fmt: skip
    assert (result.returncode, result.stdout) == (code, b"")
