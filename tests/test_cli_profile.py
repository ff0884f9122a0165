"""The profile commands through the CLI: me init, --me on gap and path, reach, plan, language."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from careergraph.cli import cli
from careergraph.cli.language import default_language
from careergraph.errors import CareerGraphError
from tests.conftest import FIXTURES

LADDER = str(FIXTURES / "plan" / "ladder.yaml")
SMALL = str(FIXTURES / "small.yaml")
ME = str(FIXTURES / "profile" / "me.yaml")
GOLDEN = FIXTURES / "plan"
# Set to rewrite the golden plans from the current output (then review the diff).
UPDATE = bool(os.environ.get("CAREERGRAPH_UPDATE_GOLDEN"))


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, ["--data", LADDER, *args], env=env, catch_exceptions=False)


def golden(name: str, actual: str) -> str:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
    return path.read_text(encoding="utf-8")


# -- me init ------------------------------------------------------------------------------------

STARTER_MANAGER = """\
# careergraph profile: where you stand on the career map.
# Use it with --me: careergraph gap --me me.yaml TO, path --me me.yaml TO,
# reach --me me.yaml --within 5, plan --me me.yaml TO.

# Your current role: its id, any of its names, or an alias (`careergraph roles`).
role: manager  # PMO manager

# Years already spent in that role; routes take them off their first move.
years_in_role: 0

# Your own skill levels, 0 (none) to 5. They start as what a PMO manager typically has:
# raise, lower or add skills (ids from `careergraph show ROLE --json`) to match you.
skills:
  planning: 4  # Planning
  stakeholders: 3  # Stakeholder management
  pmp: 2  # PMP
  python: 1  # Python
"""


def test_me_init_writes_a_starter_profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("me", "init", "PMO manager")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == "Wrote a starter profile for PMO manager to me.yaml.\n"
    assert (tmp_path / "me.yaml").read_text(encoding="utf-8") == STARTER_MANAGER
    assert [p.name for p in tmp_path.iterdir()] == ["me.yaml"]  # no temp file left


def test_me_init_prints_to_stdout_with_dash() -> None:
    result = run("me", "init", "manager", "-o", "-")
    assert (result.exit_code, result.stdout, result.stderr) == (0, STARTER_MANAGER, "")


def test_me_init_never_overwrites_without_force(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text("role: coordinator\n", encoding="utf-8")
    result = run("me", "init", "manager", "-o", str(mine))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"error: '{mine}' already exists: pass --force to replace it, or name another file\n"
    )
    assert mine.read_text(encoding="utf-8") == "role: coordinator\n"
    forced = run("me", "init", "manager", "-o", str(mine), "--force")
    assert forced.exit_code == 0
    assert mine.read_text(encoding="utf-8") == STARTER_MANAGER


def test_me_init_in_japanese_reads_back_and_reports_json(tmp_path: Path) -> None:
    target = tmp_path / "me.yaml"
    result = run("me", "init", "PgM", "-o", str(target), "--lang", "ja", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {
        "file": str(target),
        "role": "program_manager",
        "skills": {"finance": 2, "planning": 5, "python": 2, "stakeholders": 5},
        "years_in_role": 0.0,
    }
    text = target.read_text(encoding="utf-8")
    assert "role: program_manager  # プログラムマネージャー\n" in text
    assert "  stakeholders: 5  # ステークホルダーマネジメント\n" in text
    # The starter's levels are the role's, so from it the role's own gap is empty.
    gap = run("gap", "--me", str(target), "program_manager")
    assert gap.stdout == (
        "You (Program manager) → Program manager: nothing to build; "
        "every skill is already at its level\n"
    )


def test_me_init_unknown_role() -> None:
    result = run("me", "init", "managr")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "error: unknown role 'managr' — did you mean 'manager'?\n"


# -- gap and path with --me -----------------------------------------------------------------------


def test_gap_from_my_own_levels() -> None:
    result = run("gap", "--me", ME, "PgM")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "You (PMO manager) → Program manager: 3 skills to build (+3 levels)\n"
        "\n"
        "Technical\n"
        "  Python     1 → 2  (+1)\n"
        "\n"
        "Soft\n"
        "  Planning   4 → 5  (+1)\n"
        "\n"
        "Domain\n"
        "  Budgeting  1 → 2  (+1)\n"
    )
    plain = run("gap", "manager", "PgM")
    assert plain.stdout.splitlines()[0] == (
        "PMO manager → Program manager: 4 skills to build (+6 levels)"
    )


def test_gap_json_with_me_adds_the_profile() -> None:
    data = json.loads(run("gap", "--me", ME, "program_manager", "--json").stdout)
    assert list(data) == ["from", "to", "size", "gap", "points", "dropped", "profile"]
    assert (data["from"], data["to"], data["size"], data["dropped"]) == (
        "manager",
        "program_manager",
        3,
        [],
    )
    assert data["profile"] == {
        "file": ME,
        "role": "manager",
        "skills": {"finance": 1, "pmp": 0, "stakeholders": 5},
        "years_in_role": 1.5,
    }


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("gap", "manager"), "name two roles, FROM and TO, or give --me FILE and TO"),
        (("path", "manager"), "name two roles, FROM and TO, or give --me FILE and TO"),
        (
            ("gap", "--me", ME, "coordinator", "director"),
            "with --me, name only the goal role TO: the start is your role",
        ),
    ],
)
def test_gap_and_path_need_two_roles_or_a_profile(args: tuple[str, ...], message: str) -> None:
    result = run(*args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"error: {message} (see 'cli {args[0]} --help')\n"


def test_a_broken_profile_is_reported_with_its_place(tmp_path: Path) -> None:
    broken = tmp_path / "me.yaml"
    broken.write_text(
        "role: coordinatr\nyears_in_role: many\nskills:\n  pythn: 2\n  planning: 9\n",
        encoding="utf-8",
    )
    result = run("path", "--me", str(broken), "director")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"{broken}:1:7: role: unknown role 'coordinatr' — did you mean 'coordinator'?\n"
        f"{broken}:2:16: years_in_role: expected a number, got 'many' (text)\n"
        f"{broken}:4:3: skills.pythn: unknown skill 'pythn' — did you mean 'python'?\n"
        f"{broken}:5:13: skills.planning: must be at most 5, got 9\n"
    )


def test_path_from_me_shortens_the_first_move() -> None:
    result = run("path", "--me", ME, "director")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "Best route: PMO manager → PMO director (1.5y, 1 move)\n"
        "  1. PMO manager → PMO director  promotion   1.5y    1.5y\n"
        "     build: PMP 0→3; Budgeting 1→3; Planning 4→5\n"
        "  Total: 1.5y over 1 move\n"
        "\n"
        "(first move shortened by the 1.5y already served)\n"
    )
    data = json.loads(run("path", "--me", ME, "director", "--json").stdout)
    (step,) = data["routes"][0]["steps"]
    assert (step["years"], step["years_left"], step["cumulative_years"]) == (3.0, 1.5, 1.5)
    assert data["profile"]["role"] == "manager"


def test_path_from_me_in_japanese() -> None:
    result = run("path", "--me", ME, "PgM", "--lang", "ja")
    assert result.stdout == (
        "最短ルート: PMOマネージャー → プログラムマネージャー (0.5年・1回の移動)\n"
        "  1. PMOマネージャー → プログラムマネージャー  横異動  0.5年   0.5年\n"
        "     伸ばす: 計画立案 4→5; 予算管理 1→2; Python 1→2\n"
        "  合計: 0.5年・1回の移動\n"
        "\n"
        "(最初の移動は経験済みの1.5年を差し引いています)\n"
    )


# -- reach ----------------------------------------------------------------------------------------


def test_reach_from_a_role() -> None:
    result = run("reach", "PMO coordinator", "--within", "5")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "Roles reachable from PMO coordinator within 5y:\n"
        "  role             years  moves  gap\n"
        "  PMO manager         2y      1   +7\n"
        "  Program manager     4y      2  +11\n"
        "  PMO director        5y      2  +13\n"
    )


def test_reach_from_me_in_json_and_japanese() -> None:
    data = json.loads(run("reach", "--me", ME, "--within", "2", "--json").stdout)
    assert (data["from"], data["within"], data["profile"]["file"]) == ("manager", 2.0, ME)
    assert data["roles"] == [
        {
            "id": "program_manager",
            "name": "Program manager",
            "years": 0.5,
            "steps": 1,
            "gap_size": 3,
            "route": ["manager", "program_manager"],
            "moves": [
                {
                    "from": "manager",
                    "to": "program_manager",
                    "kind": "lateral",
                    "years": 2.0,
                    "note": None,
                    "basis": "stated",
                    "years_estimated": False,
                }
            ],
        },
        {
            "id": "director",
            "name": "PMO director",
            "years": 1.5,
            "steps": 1,
            "gap_size": 6,
            "route": ["manager", "director"],
            "moves": [
                {
                    "from": "manager",
                    "to": "director",
                    "kind": "promotion",
                    "years": 3.0,
                    "note": None,
                    "basis": "stated",
                    "years_estimated": False,
                }
            ],
        },
    ]
    result = run("reach", "--me", ME, "--within", "2", "--lang", "ja")
    assert result.stdout == (
        "PMOマネージャーから2年以内に到達できるロール:\n"
        "  ロール                   年数  移動  差\n"
        "  プログラムマネージャー  0.5年     1  +3\n"
        "  PMOディレクター         1.5年     1  +6\n"
    )


def test_reach_with_nothing_in_reach() -> None:
    result = run("reach", "program_manager", "--within", "3")
    assert (result.exit_code, result.stdout) == (
        0,
        "No role is reachable from Program manager within 3y.\n",
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("reach", "--within", "3"), "name a starting ROLE or give --me FILE, not both"),
        (
            ("reach", "manager", "--me", ME, "--within", "3"),
            "name a starting ROLE or give --me FILE, not both",
        ),
        (("reach", "manager"), "Missing option '--within'"),
        (
            ("reach", "manager", "--within", "-1"),
            "Invalid value for '--within': -1.0 is not in the range x>=0",
        ),
    ],
)
def test_reach_usage_mistakes(args: tuple[str, ...], message: str) -> None:
    result = run(*args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"error: {message} (see 'cli reach --help')\n"


# -- plan -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (("plan", "coordinator", "program_manager"), "plan.en.md"),
        (("plan", "coordinator", "program_manager", "--lang", "ja"), "plan.ja.md"),
        (("plan", "--me", ME, "PgM", "--lang", "ja"), "plan.me.ja.md"),
        (("plan", "--me", ME, "PgM"), "plan.me.en.md"),
    ],
)
def test_plan_markdown_matches_its_golden_file(args: tuple[str, ...], name: str) -> None:
    result = run(*args)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == golden(name, result.stdout)


def test_plan_writes_markdown_and_html_files(tmp_path: Path) -> None:
    markdown = tmp_path / "plan.md"
    result = run("plan", "coordinator", "program_manager", "-o", str(markdown))
    assert (result.exit_code, result.stdout, result.stderr) == (0, f"{markdown}\n", "")
    assert markdown.read_text(encoding="utf-8") == golden("plan.en.md", "") if not UPDATE else True
    page = tmp_path / "out" / "plan.HTML"
    result = run("plan", "coordinator", "program_manager", "-o", str(page), "--lang", "ja")
    assert (result.exit_code, result.stdout) == (0, f"{page}\n")
    html = page.read_text(encoding="utf-8")
    assert html.startswith('<!DOCTYPE html>\n<html lang="ja">')
    assert "<title>昇進プラン: PMOコーディネーター → プログラムマネージャー</title>" in html


def test_plan_json_carries_resources_and_questions() -> None:
    data = json.loads(run("plan", "coordinator", "program_manager", "--json").stdout)
    assert (data["from"], data["to"], data["roles"], data["years"], data["profile"]) == (
        "coordinator",
        "program_manager",
        ["coordinator", "manager", "program_manager"],
        4.0,
        None,
    )
    first = data["steps"][0]
    assert [s["skill"] for s in first["skills"]] == ["stakeholders", "planning", "pmp"]
    assert first["skills"][2]["resources"] == [
        {
            "title": "PMP exam",
            "kind": "certification",
            "url": "https://example.org/pmp",
            "note": "Needs 35 hours of training",
            "sources": [],
        }
    ]
    assert first["certifications"] == ["pmp"]
    assert first["interview"] == [
        "How do you report a slipping project?",
        "How do you pick a tool for the office?",
    ]


def test_plan_mistakes() -> None:
    no_route = run("plan", "director", "coordinator")
    assert (no_route.exit_code, no_route.stdout) == (1, "")
    assert no_route.stderr == "error: no route from 'director' to 'coordinator'\n"
    bad_suffix = run("plan", "manager", "director", "-o", "plan.txt")
    assert (bad_suffix.exit_code, bad_suffix.stderr) == (
        2,
        "error: Invalid value for '-o' / '--output': 'plan.txt' should end in one of "
        ".md, .markdown, .html, .htm (see 'cli plan --help')\n",
    )
    missing = run("plan", "--me", "nobody.yaml", "director")
    assert (missing.exit_code, missing.stderr) == (
        2,
        "nobody.yaml: cannot read the file: No such file or directory\n",
    )


# -- language -------------------------------------------------------------------------------------


def test_language_comes_from_the_flag_then_the_env_then_the_locale() -> None:
    assert default_language({}) == "en"
    assert default_language({"LANG": "ja_JP.UTF-8"}) == "ja"
    assert default_language({"LC_MESSAGES": "ja_JP.UTF-8", "LANG": "en_US.UTF-8"}) == "ja"
    assert default_language({"LC_ALL": "C.UTF-8", "LANG": "ja_JP.UTF-8"}) == "en"
    assert default_language({"CAREERGRAPH_LANG": "en", "LANG": "ja_JP.UTF-8"}) == "en"
    assert default_language({"CAREERGRAPH_LANG": "ja", "LC_ALL": "C"}) == "ja"
    with pytest.raises(CareerGraphError, match=r"CAREERGRAPH_LANG is 'fr'.*use en or ja"):
        default_language({"CAREERGRAPH_LANG": "fr"})


@pytest.mark.parametrize(
    "env", [{"CAREERGRAPH_LANG": "ja"}, {"LANG": "ja_JP.UTF-8"}, {"LC_ALL": "ja_JP.UTF-8"}]
)
def test_every_command_speaks_japanese_from_the_environment(env: dict[str, str]) -> None:
    assert run("next", "manager", env=env).stdout == (
        "PMOマネージャーからの移動:\n"
        "  → プログラムマネージャー  横異動           2年  差 +6\n"
        "  → PMOディレクター         昇進             3年  差 +6\n"
    )
    assert run("validate", env=env).stdout == "OK: ロール4件、移動4件\n"
    assert run("roles", "--track", "pmo", env=env).stdout.splitlines()[1] == (
        "   1  coordinator  PMOコーディネーター    2年"
    )
    # The flag wins over the environment.
    english = run("next", "manager", "--lang", "en", env=env).stdout
    assert english.splitlines()[0] == "Moves from PMO manager:"


def test_an_unknown_language_in_the_environment_is_a_clear_error() -> None:
    result = run("roles", env={"CAREERGRAPH_LANG": "fr"})
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "error: CAREERGRAPH_LANG is 'fr', which careergraph does not speak: use en or ja\n"
    )


def test_japanese_falls_back_to_english_per_item_never_to_an_id() -> None:
    result = CliRunner().invoke(cli, ["--data", SMALL, "gap", "junior", "manager", "--lang", "ja"])
    assert result.stdout == (
        "ジュニア開発者 → PMOマネージャー: 伸ばすスキル2件(+7レベル)\n"
        "\n"
        "ソフトスキル\n"
        "  Planning      0 → 4  (+4)\n"
        "\n"
        "資格\n"
        "  PMP           0 → 3  (+3)\n"
        "\n"
        "PMOマネージャーでは重視されなくなるスキル\n"
        "  コーディング  レベル2\n"
    )


@pytest.mark.parametrize("command", [["me", "init"], ["reach"], ["plan"], ["me"]])
def test_new_commands_have_help(command: list[str]) -> None:
    result = run(*command, "--help")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.startswith(f"Usage: cli {' '.join(command)} [OPTIONS]")


def test_careergraphs_own_usage_messages_speak_japanese(tmp_path: Path) -> None:
    result = run("gap", "manager", "--lang", "ja")
    assert (result.exit_code, result.stderr) == (
        2,
        "エラー: FROMとTOの2つのロールを指定するか、--me FILEとTOを指定してください"
        "('cli gap --help'を参照)\n",
    )
    mine = tmp_path / "me.yaml"
    mine.write_text("role: manager\n", encoding="utf-8")
    result = run("me", "init", "manager", "-o", str(mine), env={"CAREERGRAPH_LANG": "ja"})
    assert (result.exit_code, result.stderr) == (
        2,
        f"エラー: '{mine}'はすでにあります: "
        "置き換えるなら--forceを、別の場所ならほかのファイル名を指定してください\n",
    )
