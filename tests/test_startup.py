"""Start-up imports only what a command needs: checked in real processes with -X importtime."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

RENDERING = {"pyvis", "jinja2", "IPython"}
LOADING = {"pydantic", "pydantic_core", "yaml"}


def imported(args: list[str], cache: Path) -> set[str]:
    """The top-level packages a careergraph process imports."""
    env = {**os.environ, "CAREERGRAPH_CACHE_DIR": str(cache)}
    env.pop("CAREERGRAPH_DATA", None)
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "careergraph", *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    names = set()
    for line in result.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            name = line.rsplit("|", 1)[1].strip()
            if name != "imported package":  # the header line
                names.add(name.split(".")[0])
    assert "careergraph" in names  # the output was read right
    return names


def test_help_imports_no_library(tmp_path: Path) -> None:
    names = imported(["--help"], tmp_path / "cache")
    assert "click" in names
    assert names.isdisjoint(RENDERING | LOADING | {"networkx"})


@pytest.mark.parametrize(
    ("args", "loaded"),
    [(["--help"], []), (["validate", "--help"], ["maps"]), (["me", "--help"], ["profile"])],
)
def test_help_imports_only_the_command_modules_it_shows(args: list[str], loaded: list[str]) -> None:
    script = (
        "import sys\n"
        "from careergraph.cli import main\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "from careergraph.cli.group import COMMANDS\n"
        "modules = {f'careergraph.cli.{module}' for module, _ in COMMANDS.values()}\n"
        "print(sorted(m.rsplit('.', 1)[1] for m in modules & set(sys.modules)), file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, check=True
    )
    assert result.stderr == f"{sorted(loaded)}\n"


@pytest.mark.parametrize("command", [["path", "pmo_coordinator", "cto"], ["next", "tpm"]])
@pytest.mark.slow
def test_a_question_imports_no_renderer_and_a_cache_hit_no_parser(
    tmp_path: Path, command: list[str]
) -> None:
    cache = tmp_path / "cache"
    first = imported(command, cache)
    assert "networkx" in first and "yaml" in first and "pydantic" in first
    assert first.isdisjoint(RENDERING)
    again = imported(command, cache)
    assert "networkx" in again
    assert again.isdisjoint(RENDERING | LOADING)
