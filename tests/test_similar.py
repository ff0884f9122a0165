"""`careergraph similar` and `path --include-inferred`: skill overlap, suggested moves, labels."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import given
from hypothesis import strategies as st

from careergraph.cli import cli
from careergraph.graph import build_graph
from careergraph.load import load_paths
from careergraph.model import Role, Text
from careergraph.similar import inferred_years, similarity, suggested_moves
from tests.conftest import DEFAULT_DATA, FIXTURES

SIMILAR = FIXTURES / "compare" / "similar.yaml"
GOLDEN = FIXTURES / "compare"


def run(*args: str, data: Path = SIMILAR) -> Result:
    return CliRunner().invoke(cli, ["--data", str(data), *args], catch_exceptions=False)


def test_similarity_is_weighted_jaccard_on_levels() -> None:
    roles = load_paths(SIMILAR).roles
    # min(2,4)+min(2,3)+min(0,1) = 4 over max: 4+3+1 = 8
    assert similarity(roles["analyst"], roles["senior_analyst"]) == 0.5
    assert similarity(roles["engineer"], roles["data_engineer"]) == pytest.approx(5 / 6)
    assert similarity(roles["analyst"], roles["architect"]) == 0.0
    assert similarity(roles["analyst"], roles["analyst"]) == 1.0


levels = st.dictionaries(st.sampled_from("abcdef"), st.integers(1, 5), max_size=6)


def _role(id_: str, skills: dict[str, int]) -> Role:
    return Role(id_, Text.plain(id_), "t", 1, 2.0, skills)


@given(levels, levels)
def test_similarity_is_symmetric_and_one_only_for_equal_levels(
    first: dict[str, int], second: dict[str, int]
) -> None:
    score = similarity(_role("x", first), _role("y", second))
    assert score == similarity(_role("y", second), _role("x", first))
    assert 0.0 <= score <= 1.0
    assert (score == 1.0) == (first == second and bool(first))


def test_inferred_years_stretch_the_source_years_by_dissimilarity() -> None:
    roles = load_paths(SIMILAR).roles
    assert inferred_years(roles["engineer"], 5 / 6) == 2.5  # 2 x 1.17 = 2.33, to the half year
    assert inferred_years(roles["engineer"], 1.0) == 2.0
    assert inferred_years(roles["clerk"], 0.0) == 2.0  # 1 x 2


def test_similar_text() -> None:
    result = run("similar", "engineer", "--suggest", "-n", "2")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (GOLDEN / "similar-engineer.txt").read_text(encoding="utf-8")


def test_similar_lists_only_roles_sharing_a_skill_and_no_suggestion() -> None:
    result = run("similar", "Analyst", "--suggest")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "Roles like Analyst, by skill overlap weighted by level:\n"
        "  role            overlap  gap there  gap back  move in data\n"
        "  Senior analyst      50%         +4        +0  yes\n"
        "      shared: Analysis 2/4; Reporting 2/3\n"
        "  Data engineer       43%         +3        +1  no\n"
        "      shared: Analysis 2/2; Reporting 2/1\n"
        "  Engineer            29%         +3        +2  no\n"
        "      shared: Analysis 2/2\n"
        "\n"
        "shared: level in Analyst/level in the role. gap there: levels to build\n"
        "moving from Analyst to the role; gap back: the other way.\n"
        "\n"
        "No move to suggest from Analyst: no similar role lacks one.\n"
    )


def test_similar_json() -> None:
    result = run("similar", "engineer", "--suggest", "-n", "1", "--json")
    assert (result.exit_code, result.stderr) == (0, "")
    assert json.loads(result.stdout) == {
        "role": "engineer",
        "measure": "weighted_jaccard",
        "similar": [
            {
                "role": "data_engineer",
                "name": "Data engineer",
                "similarity": 0.8333,
                "shared": [
                    {
                        "skill": "coding",
                        "name": "Coding",
                        "from_level": 3,
                        "to_level": 3,
                        "from_approximate": False,
                        "to_approximate": False,
                    },
                    {
                        "skill": "analysis",
                        "name": "Analysis",
                        "from_level": 2,
                        "to_level": 2,
                        "from_approximate": False,
                        "to_approximate": False,
                    },
                ],
                "gap_there": 1,
                "gap_back": 0,
                "linked": False,
                "approximate": False,
            }
        ],
        "suggested": [
            {
                "from": "engineer",
                "to": "data_engineer",
                "kind": "lateral",
                "years": 2.5,
                "inferred": True,
                "basis": "inferred",
                "years_estimated": True,
                "name": "Data engineer",
                "similarity": 0.8333,
                "approximate": False,
                "gap_size": 1,
            }
        ],
    }


def test_similar_without_suggest_has_no_suggested_key() -> None:
    data = json.loads(run("similar", "clerk", "--json").stdout)
    assert data == {
        "role": "clerk",
        "measure": "weighted_jaccard",
        "similar": [
            {
                "role": "architect",
                "name": "Architect",
                "similarity": 0.1111,
                "shared": [
                    {
                        "skill": "design",
                        "name": "Design",
                        "from_level": 1,
                        "to_level": 4,
                        "from_approximate": False,
                        "to_approximate": False,
                    }
                ],
                "gap_there": 8,
                "gap_back": 0,
                "linked": False,
                "approximate": False,
            }
        ],
    }


def test_similar_unknown_role() -> None:
    result = run("similar", "enginer")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "error: unknown role 'enginer' — did you mean 'engineer'?\n"


def test_suggested_moves_skip_existing_moves_and_steps_down() -> None:
    career_map = load_paths(SIMILAR)
    moves = suggested_moves(career_map, build_graph(career_map), at_least=0.4)
    assert [(m.source, m.target, m.kind.value, m.years) for m, _ in moves] == [
        ("data_engineer", "engineer", "lateral", 2.5),
        ("engineer", "data_engineer", "lateral", 2.5),
        ("analyst", "data_engineer", "lateral", 3.0),
        # Up a level on another track: a promotion.
        ("data_engineer", "senior_analyst", "promotion", 3.0),
    ]
    assert all(m.inferred for m, _ in moves)


def test_default_data_suggestions_are_never_in_the_data() -> None:
    career_map = load_paths(DEFAULT_DATA)
    graph = build_graph(career_map)
    moves = suggested_moves(career_map, graph)
    assert moves
    assert not any(graph.has_edge(m.source, m.target) for m, _ in moves)


def test_routes_never_use_inferred_moves_unless_asked() -> None:
    result = run("path", "data_engineer", "architect")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == "error: no route from 'data_engineer' to 'architect'\n"


def test_path_include_inferred_labels_the_inferred_step() -> None:
    result = run("path", "data_engineer", "architect", "--include-inferred")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (GOLDEN / "path-inferred.txt").read_text(encoding="utf-8")


def test_path_include_inferred_json_marks_each_step() -> None:
    result = run("path", "data_engineer", "architect", "--include-inferred", "--json")
    steps = json.loads(result.stdout)["routes"][0]["steps"]
    assert [(s["from"], s["to"], s["kind"], s["years"], s["inferred"]) for s in steps] == [
        ("data_engineer", "engineer", "lateral", 2.5, True),
        ("engineer", "architect", "promotion", 2.0, False),
    ]
    assert steps[0]["note"] == "Inferred: 83% skill overlap; not in the data."


def test_path_include_inferred_is_not_drawn_on_the_map(tmp_path: Path) -> None:
    html = tmp_path / "route.html"
    result = run("path", "data_engineer", "architect", "--include-inferred", "--html", str(html))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "error: the map cannot show inferred moves: drop --html or --include-inferred\n"
    )
    assert not html.exists()
