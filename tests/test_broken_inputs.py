"""Hostile and broken input: every bad file and argument gets its exact message and exit code.

A corpus is a folder of input files, each beside a `.expected` file whose first line is
`exit: N` and whose other lines are exactly what careergraph prints on stderr, with `{file}`
standing for the input's path. CORPORA names the commands each folder's files are given to,
through the CLI. To cover another kind of input file (a profile for `--me`, say), add a folder
of files with their `.expected` files and one entry to CORPORA naming the command that reads them.
"""

from __future__ import annotations

import os
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from careergraph.cli import cli
from careergraph.errors import DataFileError
from careergraph.load import load_paths, text_file
from tests.conftest import FIXTURES

SMALL = str(FIXTURES / "small.yaml")

CORPORA: dict[str, list[list[str]]] = {
    # Data files: checked on their own, and as the map a question is asked of.
    "broken": [["validate", "{file}"], ["--data", "{file}", "path", "junior", "senior"]],
}


def corpus() -> list[tuple[str, Path]]:
    return [
        (folder, file)
        for folder in CORPORA
        for file in sorted((FIXTURES / folder).iterdir())
        if file.suffix != ".expected"
    ]


def expected(file: Path) -> tuple[int, list[str]]:
    """The exit code and stderr lines a corpus file must produce."""
    first, *lines = file.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    assert first.startswith("exit: ")
    return int(first.removeprefix("exit: ")), [line.replace("{file}", str(file)) for line in lines]


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), prog_name="careergraph", catch_exceptions=False)


def assert_fails(result: Result, code: int, lines: list[str]) -> None:
    assert (result.exit_code, result.stderr.splitlines(), result.stdout) == (code, lines, "")


def test_every_corpus_file_has_its_expectation_and_there_are_enough() -> None:
    for folder in CORPORA:
        files = {p.stem for p in (FIXTURES / folder).iterdir() if p.suffix != ".expected"}
        expectations = {p.stem for p in (FIXTURES / folder).glob("*.expected")}
        assert files == expectations, folder
    assert len(corpus()) >= 60


@pytest.mark.parametrize(("folder", "file"), corpus(), ids=[f"{f}/{p.name}" for f, p in corpus()])
def test_corpus_file_gives_exact_messages_and_exit_code(folder: str, file: Path) -> None:
    code, lines = expected(file)
    for command in CORPORA[folder]:
        assert_fails(run(*(part.format(file=file) for part in command)), code, lines)


@pytest.mark.parametrize("file", sorted((FIXTURES / "broken").glob("*.yaml")), ids=str)
def test_library_raises_the_same_problems(file: Path) -> None:
    with pytest.raises(DataFileError) as caught:
        load_paths(file)
    assert caught.value.lines() == expected(file)[1]


def test_missing_file_and_folder(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    assert_fails(
        run("validate", str(missing)),
        2,
        [f"{missing}: cannot read the file: No such file or directory"],
    )
    # A folder is caught by click before careergraph reads anything.
    assert_fails(
        run("--data", str(tmp_path), "roles"),
        2,
        [
            "Usage: careergraph [OPTIONS] COMMAND [ARGS]...",
            "Try 'careergraph --help' for help.",
            "",
            f"Error: Invalid value for '--data': File '{tmp_path}' is a directory.",
        ],
    )
    with pytest.raises(DataFileError) as caught:
        load_paths(tmp_path)
    assert caught.value.lines() == [f"{tmp_path}: is a folder, not a data file"]


def test_file_without_read_permission(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    file = tmp_path / "locked.yaml"
    file.write_text("version: 1\n", encoding="utf-8")
    file.chmod(0)
    if os.geteuid() == 0:  # root reads anything: make the open fail as it would for a user

        def refuse(name: str, mode: str) -> None:
            raise PermissionError(13, "Permission denied", name)

        monkeypatch.setattr(text_file, "open", refuse, raising=False)
    lines = [f"{file}: cannot read the file: Permission denied"]
    assert_fails(run("validate", str(file)), 2, lines)
    assert_fails(run("--data", str(file), "path", "junior", "senior"), 2, lines)


def test_fifty_megabytes_of_junk_are_refused_unread(tmp_path: Path) -> None:
    junk = tmp_path / "junk.yaml"
    with junk.open("wb") as out:
        for _ in range(50):
            out.write(b"- junk: [a, {b: c}]\n" * 52_429)
    assert junk.stat().st_size > 50 * 10**6
    lines = [
        f"{junk}: the file is larger than 20 MB, far more than a career map needs: "
        "is it the right file?"
    ]
    assert_fails(run("validate", str(junk)), 2, lines)
    tracemalloc.start()
    try:
        with pytest.raises(DataFileError):
            load_paths(junk)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 2 * 2**20  # the file is never read whole (it would take 50 MB)


def test_two_million_brackets_are_refused_at_the_forty_first(tmp_path: Path) -> None:
    # Found by the fuzzer: PyYAML scans a line of `[` to its end, in time growing with the
    # square of its length, unless stopped as it opens the forty-first.
    deep = tmp_path / "deep.yaml"
    deep.write_text("tracks: " + "[" * 2_000_000, encoding="utf-8")
    message = "the data nests more than 40 levels deep; a career map needs 6"
    assert_fails(run("validate", str(deep)), 2, [f"{deep}:1:49: {message}"])


def test_billion_laughs_is_refused_at_the_first_anchor_with_flat_memory() -> None:
    bomb = FIXTURES / "broken" / "billion_laughs.yaml"
    tracemalloc.start()
    try:
        with pytest.raises(DataFileError) as caught:
            load_paths(bomb)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # Expanded, the file is 10**9 strings; refused at its first anchor, it costs almost nothing.
    assert [p.line for p in caught.value.problems] == [2]
    assert peak < 512 * 2**10


def test_utf8_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    file = tmp_path / "windows.yaml"
    text = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8").replace("\n", "\r\n")
    file.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    result = run("validate", str(file))
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        "OK: 2 roles, 1 transitions\n",
        "",
    )


def test_role_level_six_is_a_rank_not_a_skill_level(tmp_path: Path) -> None:
    file = tmp_path / "tall.yaml"
    text = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
    file.write_text(text.replace("    level: 2\n", "    level: 6\n"), encoding="utf-8")
    assert load_paths(file).roles["senior"].level == 6


# Command arguments: (arguments after --data SMALL, exit code, stderr lines). FROM equal to TO
# is refused rather than answered with an empty route: it is nearly always a typo.
ARGUMENTS = [
    (["path", "juniorr", "lead"], 2, ["error: unknown role 'juniorr' — did you mean 'junior'?"]),
    (["path", "junior", "CTO"], 2, ["error: unknown role 'CTO'"]),
    (["gap", "ジュニア", "lead"], 2, ["error: unknown role 'ジュニア' — did you mean 'junior'?"]),
    (["show", ""], 2, ["error: unknown role ''"]),
    (["roles", "--track", "devv"], 2, ["error: unknown track 'devv' — did you mean 'dev'?"]),
    (
        ["path", "junior", "lead", "-k", "-1"],
        2,
        [
            "Usage: careergraph path [OPTIONS] [FROM] TO",
            "Try 'careergraph path --help' for help.",
            "",
            "Error: Invalid value for '-k' / '--alternatives': -1 is not in the range x>=0.",
        ],
    ),
    (
        ["path", "junior", "lead", "--max-steps", "-1"],
        2,
        [
            "Usage: careergraph path [OPTIONS] [FROM] TO",
            "Try 'careergraph path --help' for help.",
            "",
            "Error: Invalid value for '--max-steps': -1 is not in the range x>=1.",
        ],
    ),
    (
        ["path", "junior", "lead", "--via", "senior", "--avoid", "Senior dev"],
        2,
        ["error: 'senior' cannot be both avoided and on the route"],
    ),
    (
        ["path", "junior", "lead", "--avoid", "lead"],
        2,
        ["error: 'lead' cannot be both avoided and on the route"],
    ),
    (
        ["path", "junior", "ジュニア開発者"],
        2,
        [
            "error: 'junior' is both the start and the goal: name two different roles "
            "(the moves open from it: careergraph next junior)"
        ],
    ),
    (
        ["render", "--route", "lead", "lead"],
        2,
        [
            "error: 'lead' is both the start and the goal: name two different roles "
            "(the moves open from it: careergraph next lead)"
        ],
    ),
    (
        ["path", "lead", "junior", "--max-steps", "1"],
        1,
        ["error: no route from 'lead' to 'junior' (in at most 1 step)"],
    ),
]


@pytest.mark.parametrize(("args", "code", "lines"), ARGUMENTS, ids=lambda a: str(a))
def test_bad_arguments_give_exact_messages(args: list[str], code: int, lines: list[str]) -> None:
    assert_fails(run("--data", SMALL, *args), code, lines)


def test_zero_alternatives_is_just_the_best_route() -> None:
    result = run("--data", SMALL, "path", "junior", "lead", "-k", "0", "--json")
    assert result.exit_code == 0
    assert result.stdout == run("--data", SMALL, "path", "junior", "lead", "--json").stdout
