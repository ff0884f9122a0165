"""Reach and routes from years already served, on random maps, agree with brute force."""

from __future__ import annotations

import itertools

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careergraph.errors import NoRouteError
from careergraph.graph import build_graph
from careergraph.model import CareerMap
from careergraph.query import find_routes, reachable_roles
from tests.test_routes_property import draw_question, maps

pytestmark = pytest.mark.slow

SERVED = [0.0, 0.5, 1.0, 2.5]
# Years, implied moves, moves, roles: the order routes rank in.
Candidate = tuple[float, int, int, tuple[str, ...]]


def every_route(career_map: CareerMap, source: str, served: float) -> dict[str, list[Candidate]]:
    """Every simple path from `source`, by target, with its years after `served` is taken off."""
    graph = build_graph(career_map)
    found: dict[str, list[Candidate]] = {}
    for target in graph:
        if target == source:
            continue
        for path in nx.all_simple_paths(graph, source, target):
            edges = [graph.edges[a, b] for a, b in itertools.pairwise(path)]
            moves = [edge["years"] for edge in edges]
            years = round(max(0.0, moves[0] - served) + sum(moves[1:]), 9)
            implied = sum(edge["transition"].basis != "stated" for edge in edges)
            found.setdefault(target, []).append((years, implied, len(path) - 1, tuple(path)))
    return {target: sorted(routes) for target, routes in found.items()}


@settings(max_examples=120, deadline=None)
@given(
    career_map=maps(),
    within=st.sampled_from([0.0, 1.0, 2.5, 4.0, 100.0]),
    served=st.sampled_from(SERVED),
    data=st.data(),
)
def test_reach_matches_brute_force(
    career_map: CareerMap, within: float, served: float, data: st.DataObject
) -> None:
    source = data.draw(st.sampled_from(sorted(career_map.roles)))
    routes = every_route(career_map, source, served)
    expected = {
        target: best[0][0] for target, best in routes.items() if best[0][0] <= within + 1e-9
    }
    found = reachable_roles(build_graph(career_map), source, within, years_done=served)
    assert {r.role: r.route.years for r in found} == pytest.approx(expected)
    assert [r.route.years for r in found] == sorted(r.route.years for r in found)
    # Among the quickest ways to a role, one with the fewest implied moves, then fewest moves.
    fewest = {target: best[0][1:3] for target, best in routes.items() if target in expected}
    assert {r.role: (r.route.implied_moves, len(r.route.steps)) for r in found} == fewest


@settings(max_examples=120, deadline=None)
@given(career_map=maps(), served=st.sampled_from(SERVED), data=st.data())
def test_best_route_after_years_served_matches_brute_force(
    career_map: CareerMap, served: float, data: st.DataObject
) -> None:
    ids = sorted(career_map.roles)
    source, target = data.draw(st.sampled_from(ids)), data.draw(st.sampled_from(ids))
    if source == target:
        return
    candidates = every_route(career_map, source, served).get(target, [])
    try:
        (route,) = find_routes(build_graph(career_map), source, target, years_done=served)
    except NoRouteError:
        assert candidates == []
        return
    assert route.years == pytest.approx(candidates[0][0])
    assert (round(route.years, 9), route.implied_moves, len(route.steps), route.roles) == (
        candidates[0]
    )


@settings(max_examples=150, deadline=None)
@given(
    career_map=maps(),
    served=st.sampled_from(SERVED[1:]),
    k=st.integers(min_value=0, max_value=4),
    data=st.data(),
)
def test_alternatives_after_years_served_match_brute_force(
    career_map: CareerMap, served: float, k: int, data: st.DataObject
) -> None:
    question = draw_question(data, career_map)
    if question is None:
        return
    source, target, avoid, via, max_steps = question
    expected = [
        (years, implied, moves, path)
        for years, implied, moves, path in every_route(career_map, source, served).get(target, [])
        if not avoid & set(path) and via <= set(path) and (max_steps is None or moves <= max_steps)
    ][: k + 1]
    try:
        routes = find_routes(
            build_graph(career_map),
            source,
            target,
            alternatives=k,
            years_done=served,
            avoid=sorted(avoid),
            via=sorted(via),
            max_steps=max_steps,
        )
    except NoRouteError:
        assert expected == []
        return
    assert [(round(r.years, 9), r.implied_moves, len(r.steps), r.roles) for r in routes] == expected
