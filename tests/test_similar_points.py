"""`similar` reads a points requirement as the same level on each of its skills, marked `~`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from careergraph.cli import cli
from careergraph.graph import build_graph
from careergraph.load import load_paths
from careergraph.model import PointsRequirement, Role, Text
from careergraph.similar import (
    ExpectedLevels,
    _plausible,
    _skips_rung,
    expected_levels,
    levels_across,
    similarity,
    suggested_moves,
)
from tests.conftest import FIXTURES

LADDER = str(FIXTURES / "points" / "ladder.yaml")
MEDIUM = Path(__file__).resolve().parent.parent / "examples" / "medium-snowflake" / "medium.yaml"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_a_total_is_spread_evenly_over_its_weighted_skills() -> None:
    roles = load_paths(LADDER).roles
    # eng3: 12 points over three skills, 4 each; eng2: 9 over building x2, reviewing and
    # mentoring, so 9 / 4 = 2.25 each, its minimum in Python untouched.
    assert expected_levels(roles["eng3"]) == ExpectedLevels(
        {"build": 4.0, "review": 4.0, "mentor": 4.0}, frozenset({"build", "review", "mentor"})
    )
    assert expected_levels(roles["eng2"]) == ExpectedLevels(
        {"python": 3, "build": 2.25, "review": 2.25, "mentor": 2.25},
        frozenset({"build", "review", "mentor"}),
    )
    # Shared 3 x 2.25 of 3 + 3 x 4 in all.
    assert similarity(roles["eng2"], roles["eng3"]) == 6.75 / 15


def test_minimums_count_towards_the_total_and_are_not_marked() -> None:
    role = Role(
        "lead",
        Text.plain("Lead"),
        "eng",
        3,
        2.0,
        {"build": 4},
        points=(PointsRequirement(10, ("build", "review", "mentor")),),
    )
    # Level 3 on the two others: 4 + 3 + 3 = 10; building stays at its minimum 4.
    assert expected_levels(role) == ExpectedLevels(
        {"build": 4, "review": 3.0, "mentor": 3.0}, frozenset({"review", "mentor"})
    )
    met = Role(
        "done",
        Text.plain("Done"),
        "eng",
        3,
        2.0,
        {"build": 5, "review": 5},
        points=(PointsRequirement(10, ("build", "review")),),
    )
    assert expected_levels(met) == ExpectedLevels({"build": 5, "review": 5}, frozenset())


def test_levels_worth_more_points_spread_by_value() -> None:
    # Medium's Senior Engineer: 36 points over 16 competencies worth 1, 3, 6, 12, 20 a level.
    # Level 1 everywhere gives 16, level 2 gives 48: 1 + (36 - 16) / (48 - 16) = 1.625.
    roles = load_paths(MEDIUM).roles
    senior = expected_levels(roles["medium_senior_engineer"])
    assert set(senior.levels.values()) == {1.625}
    assert len(senior.approximate) == 16
    # Staff's 58: level 2 gives 48, level 3 gives 96: 2 + 10 / 48.
    staff = expected_levels(roles["medium_staff_engineer"])
    assert set(staff.levels.values()) == {round(2 + 10 / 48, 4)}


def test_a_points_only_role_now_has_similar_roles_marked_approximate() -> None:
    result = run("similar", "eng3", "--data", LADDER)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "Roles like Engineer III, by skill overlap weighted by level:",
        "  role         overlap  gap there  gap back  move in data",
        "  Engineer II     ~45%         +3        +7  no",
        "      shared: Building ~4/~2.25; Mentoring ~4/~2.25; Reviewing ~4/~2.25",
        "  Engineer I       ~7%         +2       +11  no",
        "      shared: Building ~4/1",
        "",
        "shared: level in Engineer III/level in the role. gap there: levels to build",
        "moving from Engineer III to the role; gap back: the other way.",
        "~: a points requirement's total spread evenly over its skills (an estimate).",
    ]


def test_the_approximate_legend_in_japanese_and_only_when_needed() -> None:
    result = run("similar", "eng3", "--data", LADDER, "--lang", "ja")
    assert result.stdout.splitlines()[-1] == (
        "約: ポイント要件の合計をそのスキルに均等に割り振った値(推定)。"
    )
    plain = run("similar", "junior", "--data", str(FIXTURES / "small.yaml"))
    assert (plain.exit_code, "~" in plain.stdout) == (0, False)


def test_json_marks_each_spread_level_and_each_estimated_score() -> None:
    data = json.loads(run("similar", "eng3", "--data", LADDER, "--json").stdout)
    first, second = data["similar"]
    assert (first["role"], first["similarity"], first["approximate"]) == ("eng2", 0.45, True)
    assert first["shared"][0] == {
        "skill": "build",
        "name": "Building",
        "from_level": 4.0,
        "to_level": 2.25,
        "from_approximate": True,
        "to_approximate": True,
    }
    assert second["shared"] == [
        {
            "skill": "build",
            "name": "Building",
            "from_level": 4.0,
            "to_level": 1,
            "from_approximate": True,
            "to_approximate": False,
        }
    ]


@pytest.mark.parametrize("at_least", [0.3, 0.6])
def test_suggestions_on_points_maps_are_those_every_pair_would_give(at_least: float) -> None:
    # The candidates' shortcut reads the estimated levels too: it finds what comparing every
    # pair in full finds.
    career_map = load_paths(MEDIUM)
    graph = build_graph(career_map)
    roles = list(career_map.roles.values())
    rungs = {t: sorted(r.level for r in roles if r.track == t) for t in career_map.tracks}
    across = levels_across(career_map)
    brute = {
        (a.id, b.id)
        for a in roles
        for b in roles
        if a.id != b.id
        and not graph.has_edge(a.id, b.id)
        and _plausible(a, b)
        and not _skips_rung(rungs[b.track], a, b, across)
        and similarity(a, b) + 1e-9 >= at_least
    }
    found = suggested_moves(career_map, graph, at_least=at_least, per_role=len(roles))
    assert {(m.source, m.target) for m, _ in found} == brute
    assert brute
