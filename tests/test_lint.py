"""`careergraph lint`: one purpose-built file per finding, each with its exact output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from careergraph.cli import cli
from careergraph.graph import build_graph
from careergraph.lint import RULES, lint, loose_name
from careergraph.load import load_paths, parse_paths
from tests.conftest import DEFAULT_DATA, FIXTURES

LINT = FIXTURES / "lint"

# One file per finding: its exit code and every line lint prints ({f} is the file's path).
EXPECTED = {
    "clean": (0, ["OK: no findings"]),
    "unreachable": (
        0,
        [
            "{f}:11:3: warning [unreachable] roles.lead: no entry-level role (level 1, not "
            "promoted into) can reach 'Team lead'",
            "0 errors, 1 warning",
        ],
    ),
    "unreachable_promoted_into": (
        0,
        [
            "{f}:13:3: warning [unreachable] roles.director: no entry-level role (level 1, not "
            "promoted into) can reach 'Director'",
            "{f}:14:3: warning [unreachable] roles.cto: no entry-level role (level 1, not "
            "promoted into) can reach 'Chief technology officer'",
            "0 errors, 2 warnings",
        ],
    ),
    "dead_end": (
        0,
        [
            "{f}:9:3: warning [dead-end] roles.senior: 'Senior developer' has no move out, yet "
            "is not a top role (track 'dev' goes up to level 3)",
            "0 errors, 1 warning",
        ],
    ),
    "promotion_cycle": (
        1,
        [
            "{f}:15:5: error [promotion-cycle] transitions 'manager' -> 'senior': promotions "
            "lead in a loop: manager -> senior -> manager; one of them is not a promotion",
            "1 error, 0 warnings",
        ],
    ),
    "promotion_not_up": (
        1,
        [
            "{f}:13:5: error [promotion-not-up] transitions 'junior' -> 'peer': a promotion to "
            "the same level (1 -> 1) in track 'dev'; make it lateral or fix the levels",
            "1 error, 0 warnings",
        ],
    ),
    "promotion_skill_drop": (
        0,
        [
            "{f}:12:5: warning [promotion-skill-drop] transitions 'junior' -> 'senior': the "
            "promotion asks less of Planning 2 -> 1",
            "0 errors, 1 warning",
        ],
    ),
    "promotion_points_drop": (
        0,
        [
            "{f}:14:5: warning [promotion-points-drop] transitions 'junior' -> 'senior': the "
            "promotion asks 8 points over review, coding, fewer than the 10 of 'junior'",
            "0 errors, 1 warning",
        ],
    ),
    "points_already_met": (
        0,
        [
            "{f}:17:7: warning [points-already-met] roles.senior.points[0]: the role's own "
            "minimums already give 7 points, at least the 6 it asks, so it asks nothing more; "
            "raise the total or drop it",
            "0 errors, 1 warning",
        ],
    ),
    "unused_skill": (
        0,
        [
            "{f}:7:3: warning [unused-skill] skills.planning: no role asks for this skill",
            "0 errors, 1 warning",
        ],
    ),
    "undescribed_level": (
        0,
        [
            "{f}:11:7: warning [undescribed-level] skills.coding.levels: describes levels 1, 2, "
            "5 but not 4, which roles ask for",
            "0 errors, 1 warning",
        ],
    ),
    "role_without_skills": (
        0,
        [
            "{f}:9:3: warning [role-without-skills] roles.senior: 'Senior developer' asks for "
            "no skill, so no gap can be shown",
            "0 errors, 1 warning",
        ],
    ),
    "empty_track": (
        0,
        [
            "{f}:5:3: warning [empty-track] tracks.mgmt: no role is in this track",
            "0 errors, 1 warning",
        ],
    ),
    "similar_names": (
        0,
        [
            "{f}:9:37: warning [similar-names] roles.manager: the name 'プロジェクトマネージャー' "
            "differs from 'プロジェクト・マネジャー' of role 'lead' (line 15) only in "
            "punctuation or long-vowel marks",
            "0 errors, 1 warning",
        ],
    ),
    "alias_is_initials": (
        0,
        [
            "{f}:10:15: warning [alias-is-initials] roles.program: the alias 'TPM' is also the "
            "initials of 'Technical product manager' (role 'product')",
            "0 errors, 1 warning",
        ],
    ),
    "invisible_characters": (
        0,
        [
            "{f}:16:15: warning [invisible-characters] roles.senior: the name 'Senior "
            "<U+2066>dev<U+2069>' holds U+2066 LEFT-TO-RIGHT ISOLATE, which shows nothing or "
            "turns the text around, so the name can look like another",
            "0 errors, 1 warning",
        ],
    ),
    "look_alike_names": (
        0,
        [
            "{f}:9:16: warning [look-alike-names] roles.program_manager: the name 'TPM' looks the "
            "same as 'T<U+200B>PM' of role 'product_manager' (line 15): they differ only in "
            "characters that show nothing",
            "{f}:15:16: warning [invisible-characters] roles.product_manager: the name "
            "'T<U+200B>PM' holds U+200B ZERO WIDTH SPACE, which shows nothing or turns the text "
            "around, so the name can look like another",
            "0 errors, 2 warnings",
        ],
    ),
    "years_outlier": (
        0,
        [
            "{f}:21:48: warning [years-outlier] transitions 'r4' -> 'r5': 30 years is over 3 "
            "times the moves' third quartile (3.62 years)",
            "0 errors, 1 warning",
        ],
    ),
    "years_outlier_short": (
        0,
        [
            "{f}:21:48: warning [years-outlier] transitions 'r4' -> 'r5': 0.3 years is under a "
            "third of the moves' first quartile (2.38 years)",
            "0 errors, 1 warning",
        ],
    ),
    "steep_move": (
        0,
        [
            "{f}:14:5: warning [steep-move] transitions 'junior' -> 'lead': 'coding' 1→4 in a "
            "move of 1 years; at most 1 level(s) is plausible",
            "0 errors, 1 warning",
        ],
    ),
    "unknown_allow": (
        1,
        [
            "{f}:15:11: error [unknown-allow] roles.senior: lint allows 'dead-ends', which is "
            "not a lint code — did you mean 'dead-end'?",
            "1 error, 0 warnings",
        ],
    ),
    "unused_allow": (
        0,
        [
            "{f}:15:11: warning [unused-allow] roles.senior: lint allows 'dead-end', but there "
            "is no such finding here",
            "0 errors, 1 warning",
        ],
    ),
    "explained": (0, ["OK: no findings (1 explained in the data)"]),
    # Just under each rule's threshold: nothing to report (each file says why).
    **{
        f"under_{rule}": (0, ["OK: no findings"])
        for rule in (
            "unreachable",
            "dead_end",
            "promotion_cycle",
            "promotion_not_up",
            "promotion_skill_drop",
            "promotion_points_drop",
            "points_already_met",
            "similar_names",
            "alias_is_initials",
            "years_outlier",
            "years_outlier_few_moves",
            "invisible_characters",
            "look_alike_names",
        )
    },
}


# Overlays laid on tests/fixtures/lint/overlay/base.yaml, each with what lint prints.
OVERLAYS = LINT / "overlay"
OVERLAY_EXPECTED = {
    "overlay_unconnected": (
        0,
        [
            "{f}:8:3: warning [overlay-unconnected] roles.platform_engineer: no move joins the "
            "roles this file adds (platform_engineer, platform_lead) to the map it is laid on; "
            "add a transition from or to one of them",
            "0 errors, 1 warning",
        ],
    ),
    "under_overlay_unconnected": (0, ["OK: no findings"]),
    "shared_names": (
        0,
        [
            "{f}:6:11: warning [similar-names] tracks.web: the name 'Engineering' is also that "
            "of track 'dev' ({base}:5), so what careergraph "
            "prints cannot tell them apart; use one id for both or rename one",
            "{f}:9:11: warning [similar-names] skills.web_coding: the name 'Coding' is also "
            "that of skill 'coding' ({base}:8), so what "
            "careergraph prints cannot tell them apart; use one id for both or rename one",
            "0 errors, 2 warnings",
        ],
    ),
    "under_shared_names": (0, ["OK: no findings"]),
}


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.mark.parametrize("name", sorted(OVERLAY_EXPECTED))
def test_lint_overlay_finding(name: str) -> None:
    file = OVERLAYS / f"{name}.yaml"
    code, lines = OVERLAY_EXPECTED[name]
    result = run("lint", str(OVERLAYS / "base.yaml"), str(file))
    base = OVERLAYS / "base.yaml"
    assert result.stdout.splitlines() == [line.format(f=file, base=base) for line in lines]
    assert (result.stderr, result.exit_code) == ("", code)


def test_a_shared_skill_name_is_said_in_japanese() -> None:
    file = OVERLAYS / "shared_names.yaml"
    result = run("lint", "--lang", "ja", str(OVERLAYS / "base.yaml"), str(file))
    assert result.stdout.splitlines()[1] == (
        f"{file}:9:11: 警告 [similar-names] skills.web_coding: 名前'Coding'はスキル'coding'"
        f"({OVERLAYS / 'base.yaml'}:8)と同じで、careergraphの出力では区別できません。"
        "同じidを使うか、どちらかの名前を変えてください"
    )


def test_an_unconnected_overlay_is_said_in_japanese() -> None:
    file = OVERLAYS / "overlay_unconnected.yaml"
    result = run("lint", "--lang", "ja", str(OVERLAYS / "base.yaml"), str(file))
    assert result.stdout.splitlines() == [
        f"{file}:8:3: 警告 [overlay-unconnected] roles.platform_engineer: このファイルが加える"
        "ロール(platform_engineer, platform_lead)と、重ねる先のマップとを結ぶ移動がありません。"
        "どれかのロールとの間に移動を加えてください",
        "エラー0件、警告1件",
    ]


def test_a_map_on_its_own_is_no_overlay() -> None:
    assert run("lint", str(OVERLAYS / "base.yaml")).stdout == "OK: no findings\n"


def test_every_fixture_is_expected() -> None:
    assert sorted(p.stem for p in LINT.glob("*.yaml")) == sorted(EXPECTED)


def test_every_code_has_a_fixture() -> None:
    codes = {
        line.split("[")[1].split("]")[0]
        for _, lines in [*EXPECTED.values(), *OVERLAY_EXPECTED.values()]
        for line in lines
        if "[" in line
    }
    assert codes == set(RULES)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_lint_finding(name: str) -> None:
    file = LINT / f"{name}.yaml"
    code, lines = EXPECTED[name]
    result = run("lint", str(file))
    assert result.stdout.splitlines() == [line.format(f=file) for line in lines]
    assert result.stderr == ""
    assert result.exit_code == code


def test_lint_json_lists_the_findings() -> None:
    file = LINT / "promotion_cycle.yaml"
    result = run("lint", "--json", str(file))
    assert result.exit_code == 1
    assert json.loads(result.stdout) == [
        {
            "file": str(file),
            "line": 15,
            "column": 5,
            "severity": "error",
            "code": "promotion-cycle",
            "message": "transitions 'manager' -> 'senior': promotions lead in a loop: "
            "manager -> senior -> manager; one of them is not a promotion",
            "explained": None,
        }
    ]


def test_lint_json_of_a_clean_file_is_an_empty_list() -> None:
    result = run("lint", "--json", str(LINT / "explained.yaml"))
    assert (result.exit_code, json.loads(result.stdout)) == (0, [])


def test_explained_findings_are_listed_on_request() -> None:
    file = LINT / "explained.yaml"
    result = run("lint", "--explained", str(file))
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        f"{file}:9:3: warning [dead-end] roles.senior: 'Senior developer' has no move out, yet "
        "is not a top role (track 'dev' goes up to level 3)",
        "  explained: Senior is a career level: most people stay, and the lead role is hired "
        "from outside.",
        "OK: no findings (1 explained in the data)",
    ]
    data = json.loads(run("lint", "--json", "--explained", str(file)).stdout)
    assert [(d["code"], d["explained"][:9]) for d in data] == [("dead-end", "Senior is")]


def test_a_file_that_cannot_be_read_exits_2(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    result = run("lint", str(missing))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"{missing}: cannot read the file: No such file or directory\n"


def test_an_invalid_map_exits_2_with_its_problems() -> None:
    file = FIXTURES / "broken" / "unknown_track.yaml"
    result = run("lint", str(file))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"{file}:18:12: roles.senior.track: unknown track 'deev' — did you mean 'dev'?\n"
    )


def test_lint_takes_the_data_option_when_no_file_is_named() -> None:
    result = run("--data", str(LINT / "dead_end.yaml"), "lint")
    assert result.exit_code == 0
    assert result.stdout.endswith("0 errors, 1 warning\n")


@pytest.mark.parametrize("command", ["lint", "validate"])
def test_data_after_the_command_is_the_same_as_before_it(command: str) -> None:
    base, overlay = str(FIXTURES / "small.yaml"), str(FIXTURES / "overlay" / "company.yaml")
    for files in ([str(LINT / "dead_end.yaml")], [base, overlay]):
        given = [part for file in files for part in ("--data", file)]
        before, after = run(*given, command), run(command, *given)
        assert (after.exit_code, after.stdout, after.stderr) == (
            before.exit_code,
            before.stdout,
            before.stderr,
        )
        assert after.stdout != ""
    # Files named as arguments are the ones read, as they are with --data before the command.
    named = run(command, "--data", base, str(LINT / "dead_end.yaml"))
    assert named.stdout == run(command, str(LINT / "dead_end.yaml")).stdout


def test_the_default_data_has_no_error() -> None:
    result = run("lint", str(DEFAULT_DATA))
    assert result.exit_code == 0, result.stdout
    assert " error [" not in result.stdout


@pytest.mark.parametrize(
    ("one", "other"),
    [("Sr. Engineer", "Sr Engineer"), ("プロジェクトマネジャー", "プロジェクトマネージャー")],
)
def test_loose_names_fold_punctuation_and_long_vowels(one: str, other: str) -> None:
    assert loose_name(one) == loose_name(other)


def test_loose_names_keep_ladder_numbers_apart() -> None:
    assert loose_name("Engineer I") != loose_name("Engineer II")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_order_of_the_file_does_not_change_the_findings(name: str, tmp_path: Path) -> None:
    file = LINT / f"{name}.yaml"
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    for section in ("tracks", "skills", "roles"):
        data[section] = dict(reversed(list(data[section].items())))
    data["transitions"].reverse()
    shuffled = tmp_path / file.name
    shuffled.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert findings(shuffled) == findings(file)


@pytest.mark.parametrize("file", sorted(LINT.glob("*.yaml")), ids=lambda p: p.stem)
def test_lint_finds_the_same_with_or_without_the_graph(file: Path) -> None:
    career_map = load_paths(file)
    assert lint(career_map) == lint(career_map, build_graph(career_map))


def findings(file: Path) -> list[tuple[str, tuple[str, ...]]]:
    career_map = load_paths(file)
    return sorted((f.code, f.subject) for f in lint(career_map, build_graph(career_map)))


def test_a_steep_move_is_said_in_japanese() -> None:
    file = LINT / "steep_move.yaml"
    result = run("lint", "--lang", "ja", str(file))
    assert result.stdout.splitlines() == [
        f"{file}:14:5: 警告 [steep-move] transitions 'junior' -> 'lead': 1年の移動で'coding' 1→4。"
        "妥当なのは1レベルまで",
        "エラー0件、警告1件",
    ]


def test_an_undescribed_level_is_said_in_japanese() -> None:
    file = LINT / "undescribed_level.yaml"
    result = run("lint", "--lang", "ja", str(file))
    assert result.stdout.splitlines() == [
        f"{file}:11:7: 警告 [undescribed-level] skills.coding.levels: レベル1, 2, 5は説明して"
        "いますが、ロールが求めるレベル4の説明がありません",
        "エラー0件、警告1件",
    ]


def test_a_skill_that_describes_no_level_or_only_unasked_ones_is_no_finding() -> None:
    text = (LINT / "undescribed_level.yaml").read_text(encoding="utf-8")
    for levels in ("    levels: {}\n", "    levels: {2: Fixes bugs alone, 4: Designs modules}\n"):
        start = text.index("    levels:")
        end = text.index("roles:")
        career_map = parse_paths(text[:start] + levels + text[end:])
        codes = [f.code for f in lint(career_map, build_graph(career_map))]
        assert "undescribed-level" not in codes
