"""Routes, skill gaps, moves and role lookup on a small map whose answers are known by hand."""

from __future__ import annotations

import pytest

from careergraph.errors import CareerGraphError, NoRouteError, UnknownRoleError
from careergraph.graph import CareerGraph, build_graph
from careergraph.load import load_paths
from careergraph.model import CareerMap
from careergraph.query import (
    SkillChange,
    find_role,
    find_routes,
    moves_from,
    moves_into,
    skill_gap,
)
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def career_map() -> CareerMap:
    return load_paths(FIXTURES / "small.yaml")


@pytest.fixture(scope="module")
def graph(career_map: CareerMap) -> CareerGraph:
    return build_graph(career_map)


def test_best_route_is_cheapest_in_years(graph: CareerGraph) -> None:
    (route,) = find_routes(graph, "junior", "lead")
    assert route.roles == ("junior", "coordinator", "manager", "lead")
    assert route.years == 4.0  # 0.5 (override) + 1.5 (coordinator's years) + 2 (override)
    assert [s.cumulative_years for s in route.steps] == [0.5, 2.0, 4.0]


def test_alternatives_are_distinct_and_ordered(graph: CareerGraph) -> None:
    routes = find_routes(graph, "junior", "lead", alternatives=5)
    assert [(r.roles, r.years) for r in routes] == [
        (("junior", "coordinator", "manager", "lead"), 4.0),
        (("junior", "senior", "lead"), 5.0),  # ties on years: fewer moves first
        (("junior", "senior", "manager", "lead"), 5.0),
    ]


def test_by_steps_prefers_fewer_moves(graph: CareerGraph) -> None:
    routes = find_routes(graph, "junior", "lead", alternatives=1, by="steps")
    assert [r.roles for r in routes] == [
        ("junior", "senior", "lead"),
        ("junior", "coordinator", "manager", "lead"),  # 3 moves, 4y beats 3 moves, 5y
    ]


def test_via_avoid_and_max_steps(graph: CareerGraph) -> None:
    assert find_routes(graph, "junior", "lead", via=["senior"])[0].roles == (
        "junior",
        "senior",
        "lead",
    )
    assert find_routes(graph, "junior", "lead", via=["senior", "manager"])[0].roles == (
        "junior",
        "senior",
        "manager",
        "lead",
    )
    assert find_routes(graph, "junior", "lead", avoid=["coordinator"])[0].roles == (
        "junior",
        "senior",
        "lead",
    )
    assert find_routes(graph, "junior", "lead", max_steps=2)[0].roles == (
        "junior",
        "senior",
        "lead",
    )


def test_no_route_has_its_own_error(graph: CareerGraph) -> None:
    with pytest.raises(NoRouteError, match="no route from 'lead' to 'junior'"):
        find_routes(graph, "lead", "junior")
    with pytest.raises(
        NoRouteError, match=r"no route from 'junior' to 'lead' \(avoiding senior, coordinator\)"
    ):
        find_routes(graph, "junior", "lead", avoid=["senior", "coordinator"])
    with pytest.raises(NoRouteError, match=r"\(in at most 1 step\)"):
        find_routes(graph, "junior", "lead", max_steps=1)
    with pytest.raises(NoRouteError):
        find_routes(graph, "junior", "manager", via=["lead"])


def test_contradictory_questions_are_usage_errors(graph: CareerGraph) -> None:
    with pytest.raises(CareerGraphError, match="both the start and the goal"):
        find_routes(graph, "junior", "junior")
    with pytest.raises(CareerGraphError, match="cannot be both avoided and on the route"):
        find_routes(graph, "junior", "lead", via=["senior"], avoid=["senior"])


def test_route_steps_remember_skills_built_earlier(graph: CareerGraph) -> None:
    (route,) = find_routes(graph, "junior", "lead")
    # The PMO manager does not ask for coding, but the junior years built it to 2.
    assert route.steps[-1].gap.build == (SkillChange("coding", 2, 4),)
    assert route.steps[1].gap.build == (SkillChange("pmp", 0, 3), SkillChange("planning", 2, 4))


def test_skill_gap_counts_new_and_raised_skills(career_map: CareerMap) -> None:
    gap = skill_gap(career_map.roles["junior"], career_map.roles["manager"])
    assert gap.build == (SkillChange("planning", 0, 4), SkillChange("pmp", 0, 3))
    assert gap.dropped == (SkillChange("coding", 2, 0),)
    assert gap.size == 7


def test_skill_gap_to_a_lesser_role_is_empty(career_map: CareerMap) -> None:
    gap = skill_gap(career_map.roles["lead"], career_map.roles["senior"])
    assert gap.build == ()
    assert gap.size == 0


def test_moves_in_and_out(graph: CareerGraph) -> None:
    assert [(m.target, g.size) for m, g in moves_from(graph, "junior")] == [
        ("coordinator", 2),
        ("senior", 3),
    ]
    assert [m.source for m, _ in moves_into(graph, "lead")] == ["manager", "senior"]


@pytest.mark.parametrize(
    "name",
    [
        "coordinator",
        "PMO Coordinator",
        "pmo_coordinator",
        "PMOコーディネーター",
        "ＰＭＯ　coordinator",
    ],
)
def test_roles_are_found_by_any_name(career_map: CareerMap, name: str) -> None:
    assert find_role(career_map, name).id == "coordinator"


def test_alias_and_unknown_role(career_map: CareerMap) -> None:
    assert find_role(career_map, "senior DEV").id == "senior"
    with pytest.raises(UnknownRoleError) as caught:
        find_role(career_map, "seniorr")
    assert str(caught.value) == "unknown role 'seniorr' — did you mean 'senior'?"
    with pytest.raises(UnknownRoleError) as caught:
        find_role(career_map, "astronaut")
    assert str(caught.value) == "unknown role 'astronaut'"


def test_building_the_graph_leaves_the_map_alone(career_map: CareerMap) -> None:
    graph = build_graph(career_map)
    assert graph.number_of_nodes() == len(career_map.roles)
    assert graph.number_of_edges() == len(career_map.transitions)
    assert graph.edges["junior", "coordinator"]["years"] == 0.5
