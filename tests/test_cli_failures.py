"""Failures careergraph did not foresee, interrupts, closed pipes and terminals that cannot
show Japanese: one line and a documented exit code, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from click.testing import CliRunner, Result

import careergraph.query
from careergraph.cli import cli
from tests.conftest import FIXTURES, ROOT

SMALL = str(FIXTURES / "small.yaml")
BUG_LINE = (
    "error: this is a bug in careergraph (ValueError: a skill level went missing); please "
    "report it on the careergraph issue tracker with the output of the same command run with "
    "--debug (or CAREERGRAPH_DEBUG=1), which shows the traceback\n"
)


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, ["--data", SMALL, *args], env=env)


@pytest.fixture
def broken_gap(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise ValueError("a skill level went missing")

    monkeypatch.setattr(careergraph.query, "skill_gap", fail)


@pytest.mark.usefixtures("broken_gap")
def test_an_unforeseen_failure_is_one_line_and_exit_70() -> None:
    result = run("gap", "junior", "lead")
    assert (result.exit_code, result.stdout, result.stderr) == (70, "", BUG_LINE)


@pytest.mark.usefixtures("broken_gap")
@pytest.mark.parametrize(
    ("flag", "env"), [(["--debug"], None), ([], {"CAREERGRAPH_DEBUG": "1"})], ids=["flag", "env"]
)
def test_debug_lets_the_traceback_through(flag: list[str], env: dict[str, str] | None) -> None:
    result = CliRunner().invoke(cli, [*flag, "--data", SMALL, "gap", "junior", "lead"], env=env)
    assert isinstance(result.exception, ValueError)
    assert str(result.exception) == "a skill level went missing"


def test_interrupt_is_one_line_and_exit_130(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(careergraph.query, "find_routes", interrupted)
    result = run("path", "junior", "lead")
    assert (result.exit_code, result.stdout, result.stderr) == (130, "", "error: interrupted\n")


def run_process(*args: str, **env: str) -> subprocess.CompletedProcess[bytes]:
    """careergraph in its own process, with `env` over a clean environment."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "PYTHONIO", "LANG"))}
    return subprocess.run(
        [sys.executable, "-m", "careergraph", "--data", SMALL, *args],
        capture_output=True,
        env={**base, **env},
        cwd=ROOT,
        check=False,
    )


@pytest.mark.slow
def test_a_reader_that_stops_early_gets_no_traceback() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "careergraph", "--data", SMALL, "roles"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # like `| head -0`: gone before careergraph writes a byte
    stderr = process.stderr.read()
    assert (process.wait(), stderr) == (141, b"")


DASH = "—".encode()
# (environment, how the Japanese name starts on stdout, how the em dash of an error comes out).
# Python runs a C locale in UTF-8; click writes UTF-8 to a stream that claims to be ASCII; other
# encodings escape what they cannot show (cp932 has Japanese but no em dash).
TERMINALS = [
    ({"LANG": "C", "LC_ALL": "C"}, "PMOコーディネーター".encode(), DASH),
    ({"PYTHONIOENCODING": "ascii"}, "PMOコーディネーター".encode(), DASH),
    ({"PYTHONIOENCODING": "cp932"}, "PMOコーディネーター".encode("cp932"), b"\\u2014"),
    ({"PYTHONIOENCODING": "latin-1"}, b"PMO\\u30b3\\u30fc\\u30c7", b"\\u2014"),
]


@pytest.mark.parametrize(
    ("env", "name", "dash"),
    TERMINALS,
    ids=[" ".join(f"{k}={v}" for k, v in t[0].items()) for t in TERMINALS],
)
@pytest.mark.slow
def test_japanese_output_degrades_to_escapes_never_a_crash(
    env: dict[str, str], name: bytes, dash: bytes
) -> None:
    result = run_process("show", "coordinator", "--lang", "ja", **env)
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout.startswith(name)
    error = run_process("path", "junior", "leadd", **env)
    assert (error.returncode, error.stdout) == (2, b"")
    assert error.stderr == b"error: unknown role 'leadd' " + dash + b" did you mean 'lead'?\n"
