"""Every `console` example in the README and the docs prints what careergraph prints.

A ```console block holds `$ COMMAND` lines, each followed by what it prints (stdout and stderr
as a terminal shows them). Each block runs in a fresh folder of its own, where the repository's
`benchmarks/`, `data/`, `docs/`, `examples/`, `schema/`
and `tests/` are reachable by their usual relative paths
and where examples may write files; its commands run one after another in a shell, in a fixed
environment (English, no colour, 100 columns, an empty load cache for the whole run).

    CAREERGRAPH_UPDATE_DOCS=1 .venv/bin/python -m pytest tests/test_docs.py

writes the outputs of today's careergraph into the files instead; CI checks nothing changed.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("**/*.md"))]
# What an example may read by a relative path; the folder it runs in is its own.
SHARED = ("benchmarks", "data", "docs", "examples", "schema", "tests")
UPDATE = os.environ.get("CAREERGRAPH_UPDATE_DOCS") == "1"
BLOCK = re.compile(r"^```console\n(.*?)^```$", re.MULTILINE | re.DOTALL)
PROMPT = "$ "
ASSIGNMENT = re.compile(r"[A-Z_][A-Z0-9_]*=.*")
SUBPROCESS = os.environ.get("CAREERGRAPH_DOCS_SUBPROCESS") == "1"


@dataclass(frozen=True)
class Command:
    """One `$ COMMAND` line, what the document says it prints, and the blank lines after it."""

    line: str
    shown: str
    gap: int


@dataclass(frozen=True)
class Example:
    """One console block: where it starts and its commands."""

    document: Path
    line: int
    start: int
    end: int
    commands: tuple[Command, ...]

    @property
    def name(self) -> str:
        return f"{self.document.relative_to(ROOT)}:{self.line}"


def parse_block(body: str) -> tuple[Command, ...]:
    """Split a console block into its commands and their printed outputs."""
    commands: list[Command] = []
    line: str | None = None
    shown: list[str] = []

    def close() -> None:
        if line is None:
            return
        gap = 0
        while shown and not shown[-1].strip():
            shown.pop()
            gap += 1
        commands.append(Command(line, "\n".join(shown), gap))

    for text in body.split("\n")[:-1]:
        if text.startswith(PROMPT):
            close()
            line, shown = text[len(PROMPT) :], []
        elif line is None:
            raise AssertionError(f"a console block must start with '{PROMPT}': {text!r}")
        else:
            shown.append(text)
    close()
    return tuple(commands)


def find_examples(document: Path) -> Iterator[Example]:
    """The console blocks of one Markdown file, in order."""
    text = document.read_text(encoding="utf-8")
    for match in BLOCK.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        commands = parse_block(match.group(1))
        yield Example(document, line, match.start(1), match.end(1), commands)


EXAMPLES = [example for document in DOCUMENTS for example in find_examples(document)]


def environment(cache: Path, home: Path) -> dict[str, str]:
    """A fixed environment: careergraph from this interpreter, English, no colour, 100 columns."""
    path = os.pathsep.join([str(Path(sys.executable).parent), "/usr/local/bin", "/usr/bin", "/bin"])
    return {
        "PATH": path,
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "COLUMNS": "100",
        "NO_COLOR": "1",
        "TERM": "dumb",
        "CAREERGRAPH_CACHE_DIR": str(cache),
    }


def in_process(line: str) -> tuple[dict[str, str], list[str]] | None:
    """A plain `[NAME=value ...] careergraph ARGS` line's variables and arguments, else None."""
    lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    words = list(lexer)
    if any(set(word) <= set(lexer.punctuation_chars) or set(word) & set("$`*?") for word in words):
        return None  # pipes, redirections, expansions: the shell runs it
    assigned: dict[str, str] = {}
    while words and ASSIGNMENT.fullmatch(words[0]):
        name, _, value = words.pop(0).partition("=")
        assigned[name] = value
    if not words or words[0] != "careergraph":
        return None
    return assigned, words[1:]


def run_command(line: str, where: Path, env: dict[str, str]) -> str:
    """What one command prints, stdout and stderr together as a terminal shows them."""
    plain = None if SUBPROCESS else in_process(line)
    if plain is None:
        done = subprocess.run(
            ["bash", "-c", line],
            cwd=where,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            timeout=120,
            check=False,
        )
        return done.stdout.decode("utf-8", "replace").rstrip("\n")
    # Most lines run in this process, as the CLI tests run them: the same output as a
    # process of its own (CAREERGRAPH_DOCS_SUBPROCESS=1 checks that), at a tenth of the time.
    from careergraph.cli import cli

    assigned, args = plain
    unset: dict[str, str | None] = {name: None for name in os.environ if name not in env}
    here = Path.cwd()
    os.chdir(where)
    try:
        result = CliRunner().invoke(
            cli, args, env={**unset, **env, **assigned}, prog_name="careergraph"
        )
    finally:
        os.chdir(here)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.output.rstrip("\n")


def run_example(example: Example, env: dict[str, str]) -> list[str]:
    """What each command of the block prints today, run in a folder of its own."""
    with tempfile.TemporaryDirectory(prefix="careergraph-docs-") as folder:
        where = Path(folder)
        for name in SHARED:
            (where / name).symlink_to(ROOT / name, target_is_directory=True)
        return [run_command(command.line, where, env) for command in example.commands]


def rewrite(document: Path, results: dict[Example, list[str]]) -> None:
    """Write today's outputs into the document's console blocks."""
    text = document.read_text(encoding="utf-8")
    mine = sorted((e for e in results if e.document == document), key=lambda e: -e.start)
    for example in mine:
        parts = []
        for command, printed in zip(example.commands, results[example], strict=True):
            parts.append(PROMPT + command.line + "\n")
            if printed:
                parts.append(printed + "\n")
            parts.append("\n" * command.gap)
        text = text[: example.start] + "".join(parts) + text[example.end :]
    document.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def printed() -> Iterator[dict[Example, list[str]]]:
    """Every example's outputs, the blocks run side by side."""
    with tempfile.TemporaryDirectory(prefix="careergraph-docs-env-") as folder:
        cache, home = Path(folder) / "cache", Path(folder) / "home"
        home.mkdir()
        env = environment(cache, home)
        results = {example: run_example(example, env) for example in EXAMPLES}
        if UPDATE:
            for document in DOCUMENTS:
                rewrite(document, results)
        yield results


def test_the_docs_have_examples() -> None:
    # A parser that found nothing would pass every check below.
    assert len(EXAMPLES) >= 30
    assert any(example.document.name == "README.md" for example in EXAMPLES)
    assert shutil.which("bash")


@pytest.mark.slow  # the fixture runs every example in the docs, 16 s on a busy machine
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda example: example.name)
def test_example_prints_what_the_docs_show(
    example: Example, printed: dict[Example, list[str]]
) -> None:
    if UPDATE:
        return
    for command, output in zip(example.commands, printed[example], strict=True):
        assert output == command.shown, (
            f"{example.name}: `{command.line}` now prints something else; "
            "CAREERGRAPH_UPDATE_DOCS=1 .venv/bin/python -m pytest tests/test_docs.py rewrites it"
        )


def test_a_block_splits_into_commands_and_their_outputs() -> None:
    body = "$ careergraph validate\nOK: 2 roles\n\n$ careergraph next cto\n$ echo x\nx\n"
    assert parse_block(body) == (
        Command("careergraph validate", "OK: 2 roles", 1),
        Command("careergraph next cto", "", 0),
        Command("echo x", "x", 0),
    )


def test_only_plain_careergraph_lines_run_in_process() -> None:
    assert in_process("LANG=ja_JP.UTF-8 careergraph next cto  # a comment (x)") == (
        {"LANG": "ja_JP.UTF-8"},
        ["next", "cto"],
    )
    for line in ("careergraph schema | head -5", "careergraph export > m.json", "cp a b"):
        assert in_process(line) is None


def test_an_output_that_differs_from_the_page_is_caught(tmp_path: Path) -> None:
    body = "$ careergraph path cto cto\nerror: a message careergraph never printed\n"
    example = Example(tmp_path / "page.md", 1, 0, len(body), parse_block(body))
    env = environment(tmp_path / "cache", tmp_path)
    [printed] = run_example(example, env)
    assert printed.startswith("error: 'cto' is both the start and the goal")
    assert printed != example.commands[0].shown


def test_the_readme_has_the_limits_its_messages_point_to() -> None:
    # Messages past a limit end "(see Limits in the README)".
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Limits\n", 1)[1].split("\n## ", 1)[0]
    assert "(docs/limits.md)" in section
    assert (ROOT / "docs" / "limits.md").is_file()
