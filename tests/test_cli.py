"""The command line: stdout, stderr and exit code of every command, on a small known map."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from careergraph import __version__
from careergraph.cli import cli
from tests.conftest import FIXTURES

SMALL = str(FIXTURES / "small.yaml")


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


def test_path_text_output() -> None:
    result = run("--data", SMALL, "path", "junior", "lead")
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout == (
        "Best route: Junior developer → Tech lead (4y, 3 moves)\n"
        "  1. Junior developer → PMO coordinator  career change   0.5y    0.5y\n"
        "     build: Planning 0→2\n"
        "  2. PMO coordinator → PMO manager       promotion       1.5y      2y\n"
        "     build: PMP 0→3; Planning 2→4\n"
        "  3. PMO manager → Tech lead             lateral           2y      4y\n"
        "     build: Coding 2→4\n"
        "  Total: 4y over 3 moves\n"
    )


def test_path_json_is_stable() -> None:
    result = run("path", "junior", "lead", "-k", "1", "--json", "--data", SMALL)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert (data["from"], data["to"], data["by"]) == ("junior", "lead", "years")
    assert [r["roles"] for r in data["routes"]] == [
        ["junior", "coordinator", "manager", "lead"],
        ["junior", "senior", "lead"],
    ]
    first = data["routes"][0]
    assert first["years"] == 4.0
    assert first["steps"][1] == {
        "from": "coordinator",
        "to": "manager",
        "kind": "promotion",
        "years": 1.5,
        "note": None,
        "basis": "stated",
        "years_estimated": False,
        "inferred": False,
        "cumulative_years": 2.0,
        "years_left": 1.5,
        "gap": [
            {
                "skill": "pmp",
                "from_level": 0,
                "to_level": 3,
                "name": "PMP",
                "category": "certification",
            },
            {
                "skill": "planning",
                "from_level": 2,
                "to_level": 4,
                "name": "Planning",
                "category": "soft",
            },
        ],
        "points": [],
        "steep": [],
    }


def test_path_options_reach_the_search() -> None:
    result = run(
        "--data",
        SMALL,
        "path",
        "junior",
        "lead",
        "--via",
        "Senior dev",
        "--avoid",
        "PMO manager",
        "--json",
    )
    assert json.loads(result.stdout)["routes"][0]["roles"] == ["junior", "senior", "lead"]
    result = run("--data", SMALL, "path", "junior", "lead", "--by", "steps", "--json")
    assert json.loads(result.stdout)["routes"][0]["roles"] == ["junior", "senior", "lead"]
    result = run("--data", SMALL, "path", "junior", "lead", "--max-steps", "2", "--json")
    assert json.loads(result.stdout)["routes"][0]["roles"] == ["junior", "senior", "lead"]


def test_no_route_exits_1() -> None:
    result = run("--data", SMALL, "path", "lead", "junior")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "error: no route from 'lead' to 'junior'\n"


def test_unknown_role_exits_2_with_suggestion() -> None:
    result = run("--data", SMALL, "gap", "juniorr", "lead")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == "error: unknown role 'juniorr' — did you mean 'junior'?\n"


def test_bad_usage_exits_2() -> None:
    result = run("--data", SMALL, "path", "junior", "lead", "--max-steps", "0")
    assert result.exit_code == 2
    assert "--max-steps" in result.stderr


def test_gap_text_and_json() -> None:
    result = run("--data", SMALL, "gap", "junior", "PMO manager")
    assert result.exit_code == 0
    assert result.stdout == (
        "Junior developer → PMO manager: 2 skills to build (+7 levels)\n"
        "\n"
        "Soft\n"
        "  Planning  0 → 4  (+4)\n"
        "\n"
        "Certification\n"
        "  PMP       0 → 3  (+3)\n"
        "\n"
        "No longer stressed in PMO manager\n"
        "  Coding    level 2\n"
    )
    data = json.loads(run("--data", SMALL, "gap", "junior", "manager", "--json").stdout)
    assert data["from"] == "junior" and data["to"] == "manager"
    assert [(g["skill"], g["from_level"], g["to_level"]) for g in data["gap"]] == [
        ("planning", 0, 4),
        ("pmp", 0, 3),
    ]
    assert data["dropped"] == [
        {"skill": "coding", "level": 2, "name": "Coding", "category": "technical"}
    ]


def test_show_json_keys() -> None:
    data = json.loads(run("--data", SMALL, "show", "シニア開発者", "--json").stdout)
    assert data["id"] == "senior"
    assert data["name"] == "Senior developer"
    assert data["names"] == {"en": "Senior developer", "ja": "シニア開発者"}
    assert (data["track"], data["level"], data["years"]) == ("dev", 2, 3.0)
    assert data["skills"] == [
        {
            "skill": "coding",
            "name": "Coding",
            "category": "technical",
            "level": 4,
            "description": None,
            "level_text": None,
            "resources": [],
        },
        {
            "skill": "planning",
            "name": "Planning",
            "category": "soft",
            "level": 1,
            "description": None,
            "level_text": None,
            "resources": [],
        },
    ]
    assert data["interview"] == []
    assert [(m["to"], m["gap_size"]) for m in data["next"]] == [("manager", 6), ("lead", 2)]
    assert [m["from"] for m in data["previous"]] == ["junior"]


def test_show_text_in_japanese() -> None:
    result = run("--data", SMALL, "show", "senior", "--lang", "ja")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "シニア開発者 (Senior developer)"
    assert "  → PMOマネージャー  キャリアチェンジ    1年  差 +6" in result.stdout


def test_roles_lists_ladders_in_level_order() -> None:
    result = run("--data", SMALL, "roles", "--track", "PMO")
    assert result.stdout == (
        "PMO (pmo)\n"
        "   1  coordinator  PMO coordinator   1.5y\n"
        "   2  manager      PMO manager         4y\n"
    )
    data = json.loads(run("--data", SMALL, "roles", "--json").stdout)
    assert [t["id"] for t in data["tracks"]] == ["dev", "pmo"]
    assert [r["id"] for r in data["tracks"][0]["roles"]] == ["junior", "senior", "lead"]
    unknown = run("--data", SMALL, "roles", "--track", "pmoo")
    assert (unknown.exit_code, unknown.stderr) == (
        2,
        "error: unknown track 'pmoo' — did you mean 'pmo'?\n",
    )


def test_next_lists_moves_with_gap_size() -> None:
    result = run("--data", SMALL, "next", "junior")
    assert result.stdout == (
        "Moves from Junior developer:\n"
        "  → PMO coordinator   career change   0.5y  gap +2\n"
        "  → Senior developer  promotion         2y  gap +3\n"
    )
    data = json.loads(run("--data", SMALL, "next", "lead", "--json").stdout)
    assert data == {"from": "lead", "moves": []}


def test_validate_ok_and_broken() -> None:
    ok = run("validate", SMALL)
    assert (ok.exit_code, ok.stdout) == (0, "OK: 5 roles, 6 transitions\n")
    broken = FIXTURES / "broken" / "unknown_track.yaml"
    bad = run("validate", str(broken))
    assert bad.exit_code == 2
    assert bad.stdout == ""
    assert bad.stderr == (
        f"{broken}:18:12: roles.senior.track: unknown track 'deev' — did you mean 'dev'?\n"
    )
    data = json.loads(run("validate", str(broken), "--json").stdout)
    assert data["ok"] is False
    assert data["errors"][0]["line"] == 18


def test_every_command_reports_bad_data_the_same_way() -> None:
    broken = str(FIXTURES / "broken" / "self_loop.yaml")
    for command in (["path", "junior", "senior"], ["gap", "junior", "senior"], ["roles"]):
        result = run("--data", broken, *command)
        assert result.exit_code == 2
        assert result.stderr == f"{broken}:24:5: transitions[1]: a move from 'senior' to itself\n"


def test_data_from_environment_and_command_option(tmp_path: Path) -> None:
    result = run("roles", "--json", env={"CAREERGRAPH_DATA": SMALL})
    assert len(json.loads(result.stdout)["tracks"]) == 2
    result = run("roles", "--data", str(tmp_path / "missing.yaml"))
    assert result.exit_code == 2
    assert result.stderr.endswith("missing.yaml: cannot read the file: No such file or directory\n")


@pytest.mark.slow
def test_version_and_module_entry_point() -> None:
    assert run("--version").stdout == f"careergraph, version {__version__}\n"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "careergraph",
            "--data",
            SMALL,
            "path",
            "junior",
            "senior",
            "--json",
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["routes"][0]["roles"] == ["junior", "senior"]


def test_the_command_list_says_what_each_command_says_of_itself() -> None:
    import importlib
    import inspect

    import click

    from careergraph.cli.group import COMMANDS

    for module in {module for module, _ in COMMANDS.values()}:
        importlib.import_module(f"careergraph.cli.{module}")
    assert sorted(cli.commands) == sorted(COMMANDS)
    for name, command in cli.commands.items():
        module, summary = COMMANDS[name]
        assert command.callback is not None
        assert command.callback.__module__ == f"careergraph.cli.{module}"
        assert inspect.cleandoc(command.help or "").split("\n\n")[0] == summary
    # The listing over stand-ins is click's own listing over the commands themselves.
    ctx = click.Context(cli, info_name="careergraph", terminal_width=80)
    ours, clicks = ctx.make_formatter(), ctx.make_formatter()
    cli.format_commands(ctx, ours)
    click.Group.format_commands(cli, ctx, clicks)
    assert ours.getvalue() == clicks.getvalue()
    assert "  validate  Check a career-map file" in ours.getvalue()


@pytest.mark.parametrize("command", ["path", "gap", "show", "roles", "next", "validate", "render"])
def test_every_command_has_help(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Usage: " in result.stdout


def test_render_writes_the_default_map_and_prints_its_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("--data", SMALL, "render")
    assert result.exit_code == 0
    assert result.stdout == "output/careergraph.html\n"
    page = (tmp_path / "output" / "careergraph.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "PMOコーディネーター" in page
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["careergraph.html", "output"]


def test_path_html_keeps_json_clean(tmp_path: Path) -> None:
    target = tmp_path / "route.html"
    result = run("--data", SMALL, "path", "junior", "lead", "--json", "--html", str(target))
    assert result.exit_code == 0
    assert json.loads(result.stdout)["routes"][0]["roles"][-1] == "lead"
    assert result.stderr == f"{target}\n"
    assert target.stat().st_size > 0


def test_path_html_default_file_is_named_after_the_route(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("--data", SMALL, "path", "junior", "lead", "--html")
    assert result.exit_code == 0
    assert result.stdout.endswith("\noutput/route-junior-lead.html\n")
    assert (tmp_path / "output" / "route-junior-lead.html").is_file()


def test_render_route_json_lists_routes_and_file(tmp_path: Path) -> None:
    target = tmp_path / "map.html"
    result = run(
        "--data",
        SMALL,
        "render",
        "-o",
        str(target),
        "--route",
        "junior",
        "lead",
        "-k",
        "1",
        "--json",
    )
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {
        "file": str(target),
        "roles": 5,
        "transitions": 6,
        "routes": [["junior", "coordinator", "manager", "lead"], ["junior", "senior", "lead"]],
    }
    assert result.stderr == f"{target}\n"


def test_render_into_a_file_as_folder_fails_cleanly(tmp_path: Path) -> None:
    blocker = tmp_path / "afile"
    blocker.write_text("keep me", encoding="utf-8")
    result = run("--data", SMALL, "render", "-o", str(blocker / "map.html"))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"error: cannot write the map to '{blocker / 'map.html'}': '{blocker}' is a file, "
        "not a folder\n"
    )
    assert blocker.read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile"]


def test_render_no_route_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "map.html"
    result = run("--data", SMALL, "render", "-o", str(target), "--route", "lead", "junior")
    assert result.exit_code == 1
    assert not target.exists()
