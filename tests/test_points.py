"""Points requirements: a total of levels over several skills, in any mix, as a role may ask."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from careergraph.cli import cli
from careergraph.graph import build_graph
from careergraph.load import load_paths
from careergraph.load.plain import LazyRoles, role_points
from careergraph.model import PointsRequirement
from careergraph.query import find_routes, points_suggestion
from tests.conftest import FIXTURES

POINTS = FIXTURES / "points"
LADDER = str(POINTS / "ladder.yaml")
ROUTES = str(POINTS / "routes.yaml")


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_gap_says_the_points_to_gain_and_one_way_to_gain_them() -> None:
    result = run("gap", "eng1", "eng2", "--data", LADDER)
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "Engineer I → Engineer II: 1 skill to build (+5 levels)",
        "",
        "Tool",
        "  Python  2 → 3  (+1)",
        "",
        "Points (any mix of these skills counts)",
        "  7 more points across Building ×2, Reviewing, Mentoring (2 of 9 held)",
        "    for instance Building 1 → 5 (+4 levels)",
    ]


def test_gap_in_japanese() -> None:
    result = run("gap", "eng1", "eng2", "--data", LADDER, "--lang", "ja")
    assert result.stdout.splitlines() == [
        "エンジニアI → エンジニアII: 伸ばすスキル1件(+5レベル)",
        "",
        "ツール",
        "  Python  2 → 3  (+1)",
        "",
        "ポイント(これらのスキルの組み合わせは自由)",
        "  構築 ×2、レビュー、育成であと7ポイント(9ポイント中2ポイント保有)",
        "    たとえば構築 1 → 5(+4レベル)",
    ]


def test_a_role_that_asks_only_points_starts_from_what_its_own_points_mean() -> None:
    # eng2's 9 points are met as their suggestion meets them (building 1 -> 5): 5 of eng3's 12.
    result = run("gap", "eng2", "eng3", "--data", LADDER)
    assert result.stdout.splitlines() == [
        "Engineer II → Engineer III: 7 more points to gain (+7 levels)",
        "",
        "Points (any mix of these skills counts)",
        "  7 more points across Building, Reviewing, Mentoring (5 of 12 held)",
        "    for instance Mentoring 0 → 4, Reviewing 0 → 3 (+7 levels)",
        "",
        "No longer stressed in Engineer III",
        "  Python  level 3",
    ]


def test_gap_json_adds_points_and_keeps_every_key() -> None:
    data = json.loads(run("gap", "eng1", "eng2", "--data", LADDER, "--json").stdout)
    assert list(data) == ["from", "to", "size", "gap", "points", "dropped"]
    assert data["size"] == 5
    assert data["points"] == [
        {
            "total": 9,
            "have": 2,
            "missing": 7,
            "skills": [
                {"skill": "build", "name": "Building", "weight": 2},
                {"skill": "review", "name": "Reviewing", "weight": 1},
                {"skill": "mentor", "name": "Mentoring", "weight": 1},
            ],
            "suggested": [
                {
                    "skill": "build",
                    "from_level": 1,
                    "to_level": 5,
                    "name": "Building",
                    "category": "technical",
                    "from_text": None,
                    "to_text": None,
                }
            ],
            "suggested_levels": 4,
        }
    ]


def test_path_lists_points_among_the_skills_to_build() -> None:
    result = run("path", "eng1", "eng3", "--data", LADDER)
    assert result.stdout.splitlines() == [
        "Best route: Engineer I → Engineer III (4y, 2 moves)",
        "  1. Engineer I → Engineer II    promotion     2y      2y",
        "     build: Python 2→3; +7 points (Building 1→5)",
        "  2. Engineer II → Engineer III  promotion     2y      4y",
        "     build: +7 points (Mentoring 0→4, Reviewing 0→3)",
        "  Total: 4y over 2 moves",
    ]
    data = json.loads(run("path", "eng1", "eng3", "--data", LADDER, "--json").stdout)
    assert [len(s["points"]) for s in data["routes"][0]["steps"]] == [1, 1]


def test_routes_by_gap_count_points_exactly() -> None:
    # By minimums alone both ways cost 2 levels; eng2's points cost 4 more (mentoring 0 -> 2,
    # building 1 -> 3), so the way through the tech lead is the cheaper one.
    career_map = load_paths(ROUTES)
    routes = find_routes(build_graph(career_map), "eng1", "eng3", alternatives=1, by="gap")
    assert [(r.roles, r.gap_total) for r in routes] == [
        (("eng1", "tl", "eng3"), 2),
        (("eng1", "eng2", "eng3"), 4),
    ]
    assert [sum(s.gap.size for s in r.steps) for r in routes] == [2, 4]


def test_plan_says_how_many_points_and_gives_an_instance() -> None:
    result = run("plan", "eng2", "eng3", "--data", LADDER)
    step = result.stdout.split("## Step 1")[1].splitlines()
    assert step[4:14] == [
        "### Points to gain",
        "",
        "7 more points across these skills (5 of 12 held): Building, Reviewing, Mentoring.",
        "",
        "For instance: Mentoring 0 → 4, Reviewing 0 → 3 (+7 levels).",
        "",
        "- No resource listed yet for Mentoring; Reviewing.",
        "",
        "---",
        "",
    ]
    ja = run("plan", "eng2", "eng3", "--data", LADDER, "--lang", "ja").stdout
    assert "次のスキルであと7ポイント(12ポイント中5ポイント保有): 構築、レビュー、育成。" in ja
    assert "たとえば: 育成 0 → 4、レビュー 0 → 3(+7レベル)。" in ja
    data = json.loads(run("plan", "eng2", "eng3", "--data", LADDER, "--json").stdout)
    assert data["steps"][0]["points"][0]["missing"] == 7


def test_fit_counts_points_as_levels_asked() -> None:
    # Engineer II asks python 3 and 9 points: Engineer I holds python 2 and 2 points (building
    # 1 at weight 2), so 4 of 12 are met; missing: python 1, then building 1 -> 5 (4 levels).
    data = json.loads(run("fit", "eng1", "--data", LADDER, "--json").stdout)
    rows = {r["id"]: (round(r["met"], 4), r["missing_levels"]) for r in data["roles"]}
    assert rows == {"eng1": (1.0, 0), "eng2": (0.3333, 5), "eng3": (0.0833, 11)}


def test_the_map_shows_a_points_requirement(tmp_path: Path) -> None:
    out = tmp_path / "map.html"
    assert run("render", "--data", LADDER, "-o", str(out)).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "At least 9 points in all across Building ×2, Reviewing, Mentoring" in page
    ja = tmp_path / "ja.html"
    run("render", "--data", LADDER, "-o", str(ja), "--lang", "ja")
    assert "構築 ×2、レビュー、育成で合計9ポイント以上" in ja.read_text(encoding="utf-8")


def test_the_suggestion_takes_the_heaviest_then_the_lowest_levels() -> None:
    # 3 of 7 held: one level at a time to the lowest held (ties by id): b, b, c, a.
    requirement = PointsRequirement(7, ("a", "b", "c"))
    changes = points_suggestion(requirement, {"a": 2, "c": 1})
    assert [(c.skill, c.from_level, c.to_level) for c in changes] == [
        ("b", 0, 2),
        ("a", 2, 3),
        ("c", 1, 2),
    ]
    # A weight of 3 makes c's levels worth taking first: 2 levels give 6 of the 5 missing.
    weighted = PointsRequirement(7, ("a", "b", "c"), {"c": 3})
    assert [(c.skill, c.to_level) for c in points_suggestion(weighted, {"a": 2, "c": 0})] == [
        ("c", 2)
    ]


BAD = """\
version: 1
tracks:
  eng: {name: Engineering}
skills:
  build: {name: Building, category: technical}
  review: {name: Reviewing, category: technical}
roles:
  eng1:
    name: Engineer I
    track: eng
    level: 1
    years: 2
    skills: {build: 1}
    points:
      - total: 40
        skills: [build, review]
        weights: {build: 3, mentor: 2}
      - {total: 3, skills: [build, reveiw]}
      - {total: 0, skills: []}
"""


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "{f}:15:16: roles.eng1.points[0].total: 40 points cannot be reached: its skills"
                " at level 5 give 20 at most; lower the total or list more skills",
                "{f}:17:29: roles.eng1.points[0].weights.mentor: 'mentor' is not one of this"
                " requirement's skills (build, review); weigh only a skill listed under 'skills'",
                "{f}:18:36: roles.eng1.points[1].skills[1]: unknown skill 'reveiw' — did you"
                " mean 'review'?",
                "{f}:19:17: roles.eng1.points[2].total: must be at least 1, got 0",
                "{f}:19:28: roles.eng1.points[2].skills: must list at least 1, got 0",
            ],
        ),
        (
            "ja",
            [
                "{f}:15:16: roles.eng1.points[0].total: 40ポイントには届きません。挙げたスキルが"
                "すべてレベル5でも20ポイントまでです。合計を下げるかスキルを増やしてください",
                "{f}:17:29: roles.eng1.points[0].weights.mentor: 'mentor'はこの要件のスキル"
                "(build, review)にありません。重みは'skills'に挙げたスキルにだけ付けてください",
                "{f}:18:36: roles.eng1.points[1].skills[1]: 'reveiw'というスキルはありません — "
                "'review'のことですか?",
                "{f}:19:17: roles.eng1.points[2].total: 1以上にしてください(書かれていたのは0)",
                "{f}:19:28: roles.eng1.points[2].skills: 1件以上必要です(0件)",
            ],
        ),
    ],
)
def test_mistakes_in_points_are_named_with_their_place(
    tmp_path: Path, lang: str, expected: list[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD, encoding="utf-8")
    result = run("validate", str(bad), "--lang", lang)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [line.format(f=bad) for line in expected]


def test_points_survive_the_load_cache(tmp_path: Path, private_load_cache: Path) -> None:
    copy = tmp_path / "ladder.yaml"
    copy.write_bytes(Path(LADDER).read_bytes())
    checked = load_paths(copy)
    cached = load_paths(copy)
    assert isinstance(cached.roles, LazyRoles)
    # fit reads the points from the cache's index without building a role.
    assert dict(role_points(cached.roles)) == {
        "eng2": checked.roles["eng2"].points,
        "eng3": checked.roles["eng3"].points,
    }
    assert cached.roles.built == 0
    assert cached.roles["eng2"] == checked.roles["eng2"]
    assert checked.roles["eng2"].points == (
        PointsRequirement(9, ("build", "review", "mentor"), {"build": 2}),
    )


def test_levels_worth_more_the_higher_they_are() -> None:
    # Milestones worth 1, 3, 6, 12, 20: a skill at 4 gains 8 by its next level, one at 0 gains 1.
    values = {1: 1, 2: 3, 3: 6, 4: 12, 5: 20}
    requirement = PointsRequirement(30, ("a", "b"), values=values)
    assert requirement.points({"a": 4, "b": 2}) == 15
    assert requirement.most == 40
    changes = points_suggestion(requirement, {"a": 4, "b": 2})
    assert [(c.skill, c.from_level, c.to_level) for c in changes] == [("b", 2, 4), ("a", 4, 5)]


VALUES = """\
version: 1
tracks:
  eng: {name: Engineering}
skills:
  a: {name: A, category: technical}
  b: {name: B, category: technical}
roles:
  r1:
    name: R1
    track: eng
    level: 1
    years: 2
    skills: {}
    points:
      - {total: 50, skills: [a, b], values: {1: 1, 2: 3, 3: 6, 4: 12, 5: 20}}
      - {total: 5, skills: [a, b], values: {1: 1, 2: 3, 3: 3, 4: 12}}
      - {total: 5, skills: [a, b], values: {1: 1, 2: 3, 3: 2, 4: 12, 5: 20}}
"""


def test_values_must_give_every_level_rising(tmp_path: Path) -> None:
    bad = tmp_path / "values.yaml"
    bad.write_text(VALUES, encoding="utf-8")
    result = run("validate", str(bad))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{bad}:15:17: roles.r1.points[0].total: 50 points cannot be reached: its skills at"
        " level 5 give 40 at most; lower the total or list more skills",
        f"{bad}:16:44: roles.r1.points[1].values: give what every level 1 to 5 is worth, as"
        " whole numbers",
        f"{bad}:17:44: roles.r1.points[2].values: each level must be worth more than the one"
        " below it",
    ]
    ja = run("validate", str(bad), "--lang", "ja").stderr.splitlines()
    assert (
        ja[1]
        == f"{bad}:16:44: roles.r1.points[1].values: レベル1から5のすべての値を整数で書いてください"
    )


def test_show_lists_a_points_requirement_with_the_skills() -> None:
    lines = run("show", "eng2", "--data", LADDER).stdout.splitlines()
    assert lines[3:6] == [
        "Skills",
        "  Python  ●●●○○  3",
        "  At least 9 points in all across Building ×2, Reviewing, Mentoring",
    ]
    ja = run("show", "eng2", "--data", LADDER, "--lang", "ja").stdout.splitlines()
    assert ja[5] == "  構築 ×2、レビュー、育成で合計9ポイント以上"
    data = json.loads(run("show", "eng2", "--data", LADDER, "--json").stdout)
    assert data["points"] == [
        {
            "total": 9,
            "skills": [
                {"skill": "build", "name": "Building", "weight": 2},
                {"skill": "review", "name": "Reviewing", "weight": 1},
                {"skill": "mentor", "name": "Mentoring", "weight": 1},
            ],
            "values": {"1": 1, "2": 2, "3": 3, "4": 4, "5": 5},
        }
    ]


def test_one_point_and_one_level_are_said_in_the_singular(tmp_path: Path) -> None:
    # A role one point short of a total of 1 (over one skill): "1 more point", "+1 level".
    data = tmp_path / "one.yaml"
    data.write_text(
        "version: 1\n"
        "tracks: {eng: {name: Engineering}}\n"
        "skills: {build: {name: Building, category: technical}}\n"
        "roles:\n"
        "  eng1: {name: Engineer I, track: eng, level: 1, skills: {}}\n"
        "  eng2:\n"
        "    {name: Engineer II, track: eng, level: 2, skills: {},"
        " points: [{total: 1, skills: [build]}]}\n"
        "transitions: [{from: eng1, to: eng2, kind: promotion}]\n",
        encoding="utf-8",
    )
    gap = run("gap", "eng1", "eng2", "--data", str(data))
    assert gap.stdout.splitlines() == [
        "Engineer I → Engineer II: 1 more point to gain (+1 level)",
        "",
        "Points (any mix of these skills counts)",
        "  1 more point across Building (0 of 1 held)",
        "    for instance Building 0 → 1 (+1 level)",
    ]
    assert (
        "  At least 1 point in all across Building"
        in run("show", "eng2", "--data", str(data)).stdout.splitlines()
    )
    path = run("path", "eng1", "eng2", "--data", str(data)).stdout
    assert "build: +1 point (Building 0→1)" in path
    plan = run("plan", "eng1", "eng2", "--data", str(data)).stdout
    assert "1 more point across these skills (0 of 1 held): Building." in plan
    assert "For instance: Building 0 → 1 (+1 level)." in plan
    ja = run("gap", "eng1", "eng2", "--data", str(data), "--lang", "ja")
    assert ja.stdout.splitlines()[0] == "Engineer I → Engineer II: あと1ポイント(+1レベル)"
