"""The real frameworks under examples/: every command, alone and over the bundled map, with
answers checked by hand against each framework's own published numbers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from careergraph.cli import cli
from careergraph.load import load_paths
from tests.conftest import DEFAULT_DATA

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
MEDIUM = EXAMPLES / "medium-snowflake" / "medium.yaml"
SAMPLE = EXAMPLES / "medium-snowflake" / "sample.yaml"
TECHOPS = EXAMPLES / "monzo-techops" / "techops.yaml"

# Snowflake's constants.js: milestone points and the lower bound of each title's band.
MILESTONE_POINTS = {0: 0, 1: 1, 2: 3, 3: 6, 4: 12, 5: 20}
BANDS = {
    "medium_engineer_2": 17,
    "medium_senior_engineer": 36,
    "medium_group_lead": 36,
    "medium_staff_engineer": 58,
    "medium_senior_group_lead": 58,
    "medium_principal_engineer": 90,
    "medium_director_of_engineering": 90,
}


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.mark.parametrize(
    ("file", "summary"),
    [(MEDIUM, "OK: 8 roles, 12 transitions"), (TECHOPS, "OK: 5 roles, 4 transitions")],
)
def test_each_example_is_valid_and_lint_clean(file: Path, summary: str) -> None:
    assert (run("validate", file).exit_code, run("validate", file).stdout.strip()) == (0, summary)
    result = run("lint", file)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].startswith("OK: no findings")
    assert (file.parent / "README.md").is_file()
    header = file.read_text(encoding="utf-8").splitlines()[:4]
    assert any("github.com" in line for line in header)
    assert any("License" in line for line in header)


def test_the_medium_bands_are_the_frameworks() -> None:
    career_map = load_paths(MEDIUM)
    assert len(career_map.skills) == 16
    for role_id, total in BANDS.items():
        (requirement,) = career_map.roles[role_id].points
        assert requirement.total == total
        assert len(requirement.skills) == 16
        assert {lv: requirement.value(lv) for lv in range(6)} == MILESTONE_POINTS
    assert career_map.roles["medium_engineer_1"].points == ()
    assert all(r.years_estimated for r in career_map.roles.values())
    assert all(m.basis == "implied" for m in career_map.transitions)


def _sample_points() -> int:
    profile = {
        "medium_servers": 3,
        "medium_craft": 2,
        "medium_communication": 2,
        "medium_project_management": 2,
        "medium_foundations": 1,
        "medium_initiative": 1,
        "medium_mentorship": 1,
    }
    return sum(MILESTONE_POINTS[level] for level in profile.values())


def test_the_sample_engineer_is_in_engineer_iis_band() -> None:
    points = _sample_points()
    assert points == 18
    titles = [r for r, low in BANDS.items() if points >= low]
    assert titles == ["medium_engineer_2"]


def test_gap_asks_the_points_the_framework_asks() -> None:
    result = run("--data", MEDIUM, "gap", "--me", SAMPLE, "medium_senior_engineer")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "You (Engineer II) → Senior Engineer: 18 more points to gain (+4 levels)"
    assert lines[3].endswith("Recruiting, Community (18 of 36 held)")
    # Servers 3 -> 5 is worth 20 - 6 = 14 points, Communication 2 -> 4 another 12 - 3 = 9.
    assert lines[4] == "    for instance Servers 3 → 5, Communication 2 → 4 (+4 levels)"
    data = json.loads(
        run("--data", MEDIUM, "gap", "--me", SAMPLE, "medium_senior_engineer", "--json").stdout
    )
    (points,) = data["points"]
    assert (points["total"], points["have"], points["missing"]) == (36, 18, 18)


def test_plan_says_18_more_points_for_instance() -> None:
    result = run("--data", MEDIUM, "plan", "--me", SAMPLE, "medium_senior_engineer")
    assert result.exit_code == 0
    assert "Points: you hold 18 of the 36 asked across 16 skills." in result.stdout
    assert (
        "18 more points across these skills (18 of 36 held): Mobile, Web client, Foundations,"
        in result.stdout
    )
    assert "For instance: Servers 3 → 5, Communication 2 → 4 (+4 levels)." in result.stdout
    assert (
        "*Level 5 looks like: A leading expert in server-side engineering, or sets its direction"
        " for an engineering team*" in result.stdout
    )


def test_fit_puts_the_sample_engineer_at_each_bands_share() -> None:
    data = json.loads(run("--data", MEDIUM, "fit", "--me", SAMPLE, "--json").stdout)
    met = {r["id"]: round(r["met"], 4) for r in data["roles"]}
    # 18 points held against each band's lower bound.
    assert met["medium_senior_engineer"] == round(18 / 36, 4)
    assert met["medium_staff_engineer"] == round(18 / 58, 4)
    assert met["medium_principal_engineer"] == round(18 / 90, 4)
    assert met["medium_engineer_2"] == 1.0


def test_medium_routes_and_the_map() -> None:
    result = run("--data", MEDIUM, "path", "medium_engineer_2", "medium_director_of_engineering")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == (
        "Best route: Engineer II → Director of Engineering (~8y, 4 moves)"
    )


def test_techops_levels_are_the_frameworks() -> None:
    career_map = load_paths(TECHOPS)
    asked = {r.level: dict(r.skills) for r in career_map.roles.values()}
    # Conduct is described up to level 3, Leadership from level 3.
    assert asked[2] == {
        "techops_communication": 2,
        "techops_conduct": 2,
        "techops_impact": 2,
        "techops_influence": 2,
        "techops_knowledge": 2,
    }
    assert asked[5]["techops_conduct"] == 3
    assert asked[5]["techops_leadership"] == 5
    assert sorted(career_map.skills["techops_leadership"].levels) == [3, 4, 5]
    assert sorted(career_map.skills["techops_conduct"].levels) == [1, 2, 3]


def test_techops_gap_fit_and_plan() -> None:
    gap = run("--data", TECHOPS, "gap", "techops_level_2", "techops_level_3")
    assert gap.stdout.splitlines()[0] == (
        "TechOps level 2 → TechOps level 3: 6 skills to build (+8 levels)"
    )
    assert gap.stdout.splitlines()[3] == "  Leadership     0 → 3  (+3)"
    data = json.loads(run("--data", TECHOPS, "fit", "techops_level_3", "--json").stdout)
    rows = {r["id"]: (round(r["met"], 4), r["missing_levels"]) for r in data["roles"]}
    # Level 4 asks 4+4+3+4+4+4 = 23 levels, level 5 asks 28; level 3 holds 3 of each.
    assert rows["techops_level_4"] == (round(18 / 23, 4), 5)
    assert rows["techops_level_5"] == (round(18 / 28, 4), 10)
    plan = run("--data", TECHOPS, "plan", "techops_level_2", "techops_level_4")
    assert plan.exit_code == 0
    assert "| Leadership | Soft | 0 | 3 | +3 |" in plan.stdout
    path = run("--data", TECHOPS, "path", "techops_level_1", "techops_level_5")
    assert path.stdout.splitlines()[0] == (
        "Best route: TechOps level 1 → TechOps level 5 (~8y, 4 moves)"
    )


@pytest.mark.parametrize("file", [MEDIUM, TECHOPS])
def test_each_example_renders_a_map(file: Path, tmp_path: Path) -> None:
    out = tmp_path / "map.html"
    assert run("--data", file, "render", "-o", out).exit_code == 0
    assert out.stat().st_size > 0


@pytest.mark.parametrize(
    ("file", "start", "goal"),
    [
        (MEDIUM, "medium_engineer_2", "medium_staff_engineer"),
        (TECHOPS, "techops_level_1", "techops_level_3"),
    ],
)
def test_each_example_is_an_overlay_on_the_bundled_map(
    file: Path, start: str, goal: str, tmp_path: Path
) -> None:
    base = ("--data", DEFAULT_DATA, "--data", file)
    assert run(*base, "validate", DEFAULT_DATA, file).exit_code == 0
    assert run(*base, "path", start, goal).exit_code == 0
    assert run(*base, "gap", start, goal).exit_code == 0
    assert run(*base, "plan", start, goal).exit_code == 0
    assert run(*base, "fit", start).exit_code == 0
    assert run(*base, "render", "-o", tmp_path / "map.html").exit_code == 0
