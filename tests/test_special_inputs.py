"""Inputs that are not regular files: FIFOs, pipes and devices, wherever a file is read.

A FIFO or device is read as a stream, bounded in size (the data-file limit) and in time (a wait
of STREAM_WAIT seconds with nothing arriving is a problem), so no input blocks forever; a pipe
that delivers a map (`--data <(cat map.yaml)`) loads like the file. Devices are made here.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from careergraph.cli import cli
from careergraph.load import text_file
from tests.conftest import FIXTURES, ROOT

SMALL = FIXTURES / "small.yaml"
PROFILE = FIXTURES / "profile" / "junior.yaml"
WAIT = 0.3


@pytest.fixture(autouse=True)
def short_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text_file, "STREAM_WAIT", WAIT)


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


# Every place a file is read, with `{in}` for the special file.
PLACES: dict[str, list[str]] = {
    "--data": ["--data", "{in}", "roles"],
    "command --data": ["roles", "--data", "{in}"],
    "overlay": ["--data", str(SMALL), "--data", "{in}", "roles"],
    "--me": ["--data", str(SMALL), "gap", "--me", "{in}", "lead"],
    "plan --me": ["--data", str(SMALL), "plan", "--me", "{in}", "lead"],
    "diff OLD": ["diff", "{in}", str(SMALL)],
    "diff NEW": ["diff", str(SMALL), "{in}"],
    "validate": ["validate", "{in}"],
    "lint": ["lint", "{in}"],
}


def args_for(place: str, name: Path) -> list[str]:
    return [part.replace("{in}", str(name)) for part in PLACES[place]]


@pytest.mark.parametrize("place", PLACES)
def test_a_fifo_nobody_writes_is_one_line_not_a_hang(tmp_path: Path, place: str) -> None:
    fifo = tmp_path / "in.yaml"
    os.mkfifo(fifo)
    result = run(*args_for(place, fifo))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"{fifo}: nothing arrived for {WAIT:g} s: careergraph reads a FIFO or a device"
        " only while data keeps coming\n"
    )


def _feed(fifo: Path, data: bytes, hold: threading.Event | None = None) -> threading.Thread:
    def write() -> None:
        with open(fifo, "wb") as pipe:
            pipe.write(data)
            pipe.flush()
            if hold is not None:
                hold.wait(30)

    thread = threading.Thread(target=write)
    thread.start()
    return thread


@pytest.mark.parametrize("place", PLACES)
def test_a_fifo_that_stops_halfway_is_one_line_not_a_hang(tmp_path: Path, place: str) -> None:
    fifo = tmp_path / "in.yaml"
    os.mkfifo(fifo)
    content = (PROFILE if "--me" in place else SMALL).read_bytes()
    release = threading.Event()
    writer = _feed(fifo, content[: len(content) // 2], hold=release)
    try:
        result = run(*args_for(place, fifo))
    finally:
        release.set()
        writer.join(30)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(f"{fifo}: nothing arrived for {WAIT:g} s")


@pytest.mark.parametrize("place", ["--data", "overlay", "--me", "diff NEW", "validate"])
def test_a_fifo_fed_a_whole_file_loads_like_the_file(tmp_path: Path, place: str) -> None:
    plain = tmp_path / "plain.yaml"
    content = (PROFILE if "--me" in place else SMALL).read_bytes()
    plain.write_bytes(content)
    expected = run(*args_for(place, plain))
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    writer = _feed(fifo, content)
    result = run(*args_for(place, fifo))
    writer.join(30)
    assert result.exit_code == expected.exit_code == 0, result.output
    assert result.stdout == expected.stdout.replace(str(plain), str(fifo))


@pytest.fixture
def device(tmp_path: Path) -> Iterator[Callable[[int, int], Path]]:
    def make(major: int, minor: int) -> Path:
        node = tmp_path / f"dev-{major}-{minor}"
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(major, minor))
        return node

    yield make


@pytest.mark.parametrize("place", PLACES)
def test_an_endless_device_is_refused_at_the_size_limit(
    place: str, device: Callable[[int, int], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAREERGRAPH_MAX_MB", "1")
    zero = device(1, 5)  # the numbers of /dev/zero
    result = run(*args_for(place, zero))
    assert (result.exit_code, result.stdout) == (2, "")
    needs = "a profile" if "--me" in place else "a career map"
    assert result.stderr == (
        f"{zero}: the file is larger than 1 MB, far more than {needs} needs: is it the right"
        " file? (CAREERGRAPH_MAX_MB raises the limit)\n"
    )


@pytest.mark.slow
def test_a_pipe_given_by_its_descriptor_loads(tmp_path: Path) -> None:
    """`careergraph --data <(cat map.yaml) roles`: the shell passes a pipe as /dev/fd/N."""
    read_end, write_end = os.pipe()
    feeder = subprocess.Popen(["cat", str(SMALL)], stdout=write_end)
    os.close(write_end)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "careergraph", "--data", f"/proc/self/fd/{read_end}",
             "roles", "--json"],
            pass_fds=[read_end], capture_output=True, cwd=ROOT, check=False,
            env={**os.environ, "CAREERGRAPH_CACHE_DIR": str(tmp_path / "cache")},
        )  # fmt: skip
    finally:
        os.close(read_end)
        feeder.wait(30)
    assert (result.returncode, result.stderr) == (0, b"")
    assert b'"junior"' in result.stdout
