"""Hostile and broken input: every bad file and argument gets its exact message and exit code.

A corpus is a folder of input files, each beside a `.expected` file whose first line is
`exit: N` and whose other lines are exactly what careergraph prints on stderr, with `{file}`
standing for the input's path. CORPORA names the commands each folder's files are given to,
through the CLI: data files in `broken/`, profiles for `--me` in `broken_profiles/`. To cover
another kind of input file, add a folder of files with their `.expected` files and one entry to
CORPORA naming the commands that read them.
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
from careergraph.load.profile import load_profile
from tests.conftest import FIXTURES

SMALL = str(FIXTURES / "small.yaml")

CORPORA: dict[str, list[list[str]]] = {
    # Data files: checked on their own, and as the map a question is asked of.
    "broken": [["validate", "{file}"], ["--data", "{file}", "path", "junior", "senior"]],
    # Profiles: every command that reads one, against a map where the profile's role exists.
    "broken_profiles": [
        ["--data", SMALL, "gap", "--me", "{file}", "lead"],
        ["--data", SMALL, "path", "--me", "{file}", "lead"],
        ["--data", SMALL, "plan", "--me", "{file}", "lead"],
        ["--data", SMALL, "reach", "--me", "{file}", "--within", "5"],
    ],
}
ENOUGH = {"broken": 60, "broken_profiles": 25}


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
        assert len(files) >= ENOUGH[folder], folder


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


@pytest.mark.parametrize("file", sorted((FIXTURES / "broken_profiles").glob("*.yaml")), ids=str)
def test_profile_library_raises_the_same_problems(file: Path) -> None:
    with pytest.raises(DataFileError) as caught:
        load_profile(file, load_paths(SMALL))
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
            f"error: Invalid value for '--data': File '{tmp_path}' is a directory "
            "(see 'careergraph --help')"
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

        def refuse(name: str) -> int:
            raise PermissionError(13, "Permission denied", name)

        monkeypatch.setattr(text_file, "_open", refuse)
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
        "is it the right file? (CAREERGRAPH_MAX_MB raises the limit)"
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


def test_the_size_limit_can_be_raised_or_lowered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A taxonomy-sized map (100,000 roles is about 90 MB) is read once the limit allows it.
    padded = tmp_path / "padded.yaml"
    padded.write_bytes(Path(SMALL).read_bytes() + b"#" * (2 * 2**20) + b"\n")
    monkeypatch.setenv("CAREERGRAPH_MAX_MB", "1")
    lines = [
        f"{padded}: the file is larger than 1 MB, far more than a career map needs: "
        "is it the right file? (CAREERGRAPH_MAX_MB raises the limit)"
    ]
    assert_fails(run("validate", str(padded)), 2, lines)
    monkeypatch.setenv("CAREERGRAPH_MAX_MB", "3")
    result = run("validate", str(padded))
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        "OK: 5 roles, 6 transitions\n",
        "",
    )
    monkeypatch.setenv("CAREERGRAPH_MAX_MB", "lots")
    lines = [
        f"{padded}: CAREERGRAPH_MAX_MB is 'lots': give the size limit as a whole number of "
        "megabytes from 1 to 100,000"
    ]
    assert_fails(run("validate", str(padded)), 2, lines)


def test_two_million_brackets_are_refused_at_the_forty_first(tmp_path: Path) -> None:
    # Found by the fuzzer: PyYAML scans a line of `[` to its end, in time growing with the
    # square of its length, unless stopped as it opens the forty-first.
    deep = tmp_path / "deep.yaml"
    deep.write_text("roles: {cto: " + "[" * 2_000_000, encoding="utf-8")
    message = "the data nests more than 40 levels deep; a career map needs 6"
    assert_fails(run("validate", str(deep)), 2, [f"{deep}:1:53: {message}"])


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
            "error: Invalid value for '-k' / '--alternatives': -1 is not in the range 0<=x<=100 "
            "(see 'careergraph path --help')"
        ],
    ),
    (
        ["path", "junior", "lead", "--max-steps", "-1"],
        2,
        [
            "error: Invalid value for '--max-steps': -1 is not in the range 1<=x<=1000 "
            "(see 'careergraph path --help')"
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


ME = str(FIXTURES / "profile" / "junior.yaml")

# Arguments of the commands that read a profile: (arguments after --data SMALL, stderr line).
# Every one is bad usage: exit code 2, one line, and nothing on stdout.
PROFILE_ARGUMENTS = [
    *(
        (
            [command, "--me", ME, "junior", "lead"],
            "error: with --me, name only the goal role TO: the start is your role "
            f"(see 'careergraph {command} --help')",
        )
        for command in ("gap", "path", "plan")
    ),
    (
        ["reach", "junior", "--me", ME, "--within", "5"],
        "error: name a starting ROLE or give --me FILE, not both (see 'careergraph reach --help')",
    ),
    (
        ["gap", "lead"],
        "error: name two roles, FROM and TO, or give --me FILE and TO "
        "(see 'careergraph gap --help')",
    ),
    (["gap"], "error: Missing argument '[FROM]' (see 'careergraph gap --help')"),
    (["gap", "--me", ME], "error: Missing argument '[FROM]' (see 'careergraph gap --help')"),
    (
        ["gap", "--me"],
        "error: Option '--me' requires an argument (see 'careergraph gap --help')",
    ),
    (["reach", "--me", ME], "error: Missing option '--within' (see 'careergraph reach --help')"),
    (
        ["reach", "--me", ME, "--within", "-1"],
        "error: Invalid value for '--within': -1.0 is not in the range x>=0 "
        "(see 'careergraph reach --help')",
    ),
    (
        ["reach", "--me", ME, "--within", "inf"],
        "error: Invalid value for '--within': inf is not a finite number of years "
        "(see 'careergraph reach --help')",
    ),
    (
        ["reach", "--me", ME, "--within", "nan"],
        "error: Invalid value for '--within': nan is not a finite number of years "
        "(see 'careergraph reach --help')",
    ),
    (
        ["reach", "--me", ME, "--within", "five"],
        "error: Invalid value for '--within': 'five' is not a valid float range "
        "(see 'careergraph reach --help')",
    ),
    (
        ["me", "init", "juniorr", "-o", "-"],
        "error: unknown role 'juniorr' — did you mean 'junior'?",
    ),
    (["me", "init"], "error: Missing argument 'ROLE' (see 'careergraph me init --help')"),
    (
        ["plan", "--me", ME, "lead", "-o", "plan.xyz"],
        "error: Invalid value for '-o' / '--output': 'plan.xyz' should end in one of "
        ".md, .markdown, .html, .htm (see 'careergraph plan --help')",
    ),
]


@pytest.mark.parametrize(("args", "line"), PROFILE_ARGUMENTS, ids=lambda a: str(a))
def test_bad_profile_command_arguments_give_one_line(args: list[str], line: str) -> None:
    assert_fails(run("--data", SMALL, *args), 2, [line])


def test_me_init_refuses_an_existing_file_and_a_folder(tmp_path: Path) -> None:
    mine = tmp_path / "me.yaml"
    mine.write_text("role: lead\n", encoding="utf-8")
    assert_fails(
        run("--data", SMALL, "me", "init", "junior", "-o", str(mine)),
        2,
        [f"error: '{mine}' already exists: pass --force to replace it, or name another file"],
    )
    assert mine.read_text(encoding="utf-8") == "role: lead\n"
    for force in ([], ["--force"]):
        assert_fails(
            run("--data", SMALL, "me", "init", "junior", "-o", str(tmp_path), *force),
            2,
            [
                f"error: '{tmp_path}' is a folder: name a file inside it, "
                "or end the name with / to write me.yaml into it"
            ],
        )


@pytest.mark.parametrize("name", ["plans", "plans.md"])
def test_plan_into_a_folder_is_refused(tmp_path: Path, name: str) -> None:
    folder = tmp_path / name
    folder.mkdir()
    assert_fails(
        run("--data", SMALL, "plan", "--me", ME, "lead", "-o", str(folder)),
        2,
        [
            f"error: '{folder}' is a folder: name a file inside it, "
            "or end the name with / to write plan-junior-lead.md into it"
        ],
    )
    assert list(folder.iterdir()) == []


def test_missing_profile_and_folder(tmp_path: Path) -> None:
    missing = tmp_path / "nobody.yaml"
    for command in CORPORA["broken_profiles"]:
        args = [part.format(file=missing) for part in command]
        lines = [f"{missing}: cannot read the file: No such file or directory"]
        assert_fails(run(*args), 2, lines)
        # A folder is caught by click before careergraph reads anything, as for --data.
        args = [part.format(file=tmp_path) for part in command]
        line = (
            f"error: Invalid value for '--me': File '{tmp_path}' is a directory "
            f"(see 'careergraph {command[2]} --help')"
        )
        assert_fails(run(*args), 2, [line])


def test_profile_without_read_permission(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    file = tmp_path / "locked.yaml"
    file.write_text("role: junior\n", encoding="utf-8")
    file.chmod(0)
    if os.geteuid() == 0:  # root reads anything: make the open fail as it would for a user
        opened = text_file._open

        def refuse(name: str) -> int:
            if name != str(file):
                return opened(name)  # the map is read as usual
            raise PermissionError(13, "Permission denied", name)

        monkeypatch.setattr(text_file, "_open", refuse)
    for command in CORPORA["broken_profiles"]:
        args = [part.format(file=file) for part in command]
        assert_fails(run(*args), 2, [f"{file}: cannot read the file: Permission denied"])


def test_profile_with_bom_and_crlf_is_accepted(tmp_path: Path) -> None:
    file = tmp_path / "windows.yaml"
    text = (FIXTURES / "profile" / "junior.yaml").read_text(encoding="utf-8")
    file.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    for command in CORPORA["broken_profiles"]:
        with_bom = run(*(part.format(file=file) for part in command))
        plain = run(*(part.format(file=ME) for part in command))
        assert (with_bom.exit_code, with_bom.stderr) == (0, "")
        assert with_bom.stdout == plain.stdout.replace("junior.yaml", "windows.yaml")


def test_profile_levels_of_zero_are_accepted() -> None:
    result = run("--data", SMALL, "gap", "--me", ME, "lead")
    assert (result.exit_code, result.stderr) == (0, "")
    assert "Planning  0 → 3  (+3)" in result.stdout


def test_zero_alternatives_is_just_the_best_route() -> None:
    result = run("--data", SMALL, "path", "junior", "lead", "-k", "0", "--json")
    assert result.exit_code == 0
    assert result.stdout == run("--data", SMALL, "path", "junior", "lead", "--json").stdout
