"""Questions asked from a person's profile: their routes, what is in reach, their plan."""

from __future__ import annotations

import pytest

from careergraph.errors import CareerGraphError
from careergraph.graph import build_graph
from careergraph.load import load_paths
from careergraph.load.profile import parse_profile
from careergraph.model import CareerMap
from careergraph.query import (
    SkillChange,
    find_routes,
    profile_gap,
    promotion_plan,
    reachable_roles,
)
from tests.conftest import DEFAULT_DATA, FIXTURES

LADDER = FIXTURES / "plan" / "ladder.yaml"


@pytest.fixture(scope="module")
def small() -> CareerMap:
    return load_paths(FIXTURES / "small.yaml")


@pytest.fixture(scope="module")
def ladder() -> CareerMap:
    return load_paths(LADDER)


def test_years_served_shorten_the_first_move_and_can_change_the_best_route(
    small: CareerMap,
) -> None:
    graph = build_graph(small)
    (plain,) = find_routes(graph, "junior", "lead")
    assert (plain.roles, plain.years) == (("junior", "coordinator", "manager", "lead"), 4.0)
    # Two years served: the 0.5-year move costs nothing, but so does the 2-year promotion.
    (served,) = find_routes(graph, "junior", "lead", years_done=2)
    assert (served.roles, served.years) == (("junior", "senior", "lead"), 3.0)
    assert [s.years_left for s in served.steps] == [0.0, 3.0]
    assert [s.transition.years for s in served.steps] == [2.0, 3.0]
    assert [s.cumulative_years for s in served.steps] == [0.0, 3.0]


def test_years_served_never_make_a_move_negative(small: CareerMap) -> None:
    routes = find_routes(build_graph(small), "junior", "lead", alternatives=2, years_done=10)
    assert [(r.roles, r.years) for r in routes] == [
        (("junior", "senior", "lead"), 3.0),
        (("junior", "senior", "manager", "lead"), 3.0),
        (("junior", "coordinator", "manager", "lead"), 3.5),
    ]
    assert [r.steps[0].years_left for r in routes] == [0.0, 0.0, 0.0]


def test_own_levels_are_the_start_of_every_step_gap(small: CareerMap) -> None:
    (route,) = find_routes(
        build_graph(small), "junior", "lead", start_levels={"coding": 2, "planning": 3}
    )
    assert [s.gap.build for s in route.steps] == [
        (),
        (SkillChange("pmp", 0, 3), SkillChange("planning", 3, 4)),
        (SkillChange("coding", 2, 4),),
    ]


def test_profile_gap_starts_from_own_levels(ladder: CareerMap) -> None:
    profile = parse_profile(
        "role: manager\nskills: {stakeholders: 5, finance: 1, pmp: 0}\n", ladder
    )
    gap = profile_gap(profile, ladder.roles["manager"], ladder.roles["program_manager"])
    assert gap.build == (
        SkillChange("planning", 4, 5),
        SkillChange("finance", 1, 2),
        SkillChange("python", 1, 2),
    )
    # PMP is no longer stressed by the role, but this person does not hold it: not listed.
    assert gap.dropped == ()


def test_reach_lists_roles_within_the_years_nearest_first(ladder: CareerMap) -> None:
    found = reachable_roles(build_graph(ladder), "coordinator", 5)
    assert [(r.role, r.route.years, len(r.route.steps), r.gap.size) for r in found] == [
        ("manager", 2.0, 1, 7),
        ("program_manager", 4.0, 2, 11),
        ("director", 5.0, 2, 13),
    ]
    assert [r.role for r in reachable_roles(build_graph(ladder), "coordinator", 4.99)] == [
        "manager",
        "program_manager",
    ]
    assert reachable_roles(build_graph(ladder), "program_manager", 10) == []


def test_reach_counts_years_served_and_own_levels(ladder: CareerMap) -> None:
    found = reachable_roles(
        build_graph(ladder), "manager", 1, start_levels={"planning": 5}, years_done=2
    )
    assert [(r.role, r.route.years, r.gap.size) for r in found] == [
        ("program_manager", 0.0, 9),
        ("director", 1.0, 10),
    ]


def test_reach_agrees_with_the_best_route_on_the_default_data() -> None:
    career_map = load_paths(DEFAULT_DATA)
    graph = build_graph(career_map)
    for start in sorted(career_map.roles):
        for reached in reachable_roles(graph, start, 8):
            (best,) = find_routes(graph, start, reached.role)
            assert reached.route.years == pytest.approx(best.years), (start, reached.role)


def test_reach_refuses_negative_years(ladder: CareerMap) -> None:
    for bad, shown in ((-1, "-1"), (float("inf"), "inf"), (float("nan"), "nan")):
        with pytest.raises(CareerGraphError, match=f"finite number, zero or more, got {shown}$"):
            reachable_roles(build_graph(ladder), "manager", bad)


def test_plan_lists_skills_largest_gap_first_with_certifications(ladder: CareerMap) -> None:
    (route,) = find_routes(build_graph(ladder), "coordinator", "program_manager")
    plan = promotion_plan(ladder, route)
    first, second = plan.steps
    assert first.role.id == "manager"
    assert [p.skill.id for p in first.skills] == ["stakeholders", "planning", "pmp"]
    assert [p.skill.id for p in first.certifications()] == ["pmp"]
    assert [r.title.get() for r in first.exams()] == ["PMP exam"]
    assert [p.change.change for p in second.skills] == [2, 2, 1, 1]
    assert second.certifications() == [] and second.exams() == []
