"""Routes on random maps agree with brute force over every simple path."""

from __future__ import annotations

import itertools
from types import MappingProxyType

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from careergraph.errors import NoRouteError
from careergraph.graph import build_graph
from careergraph.model import CareerMap, Role, Text, Track, Transition, TransitionKind
from careergraph.query import find_routes

YEARS = [0.5, 1.0, 1.5, 2.0, 3.0]


@st.composite
def maps(draw: st.DrawFn) -> CareerMap:
    size = draw(st.integers(min_value=2, max_value=7))
    ids = [f"r{i}" for i in range(size)]
    pairs = [(a, b) for a in ids for b in ids if a != b]
    edges = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=18))
    roles = {
        r: Role(r, Text.plain(r), "t", 1, draw(st.sampled_from(YEARS)), MappingProxyType({}))
        for r in ids
    }
    moves = tuple(
        Transition(a, b, TransitionKind.PROMOTION, draw(st.sampled_from(YEARS))) for a, b in edges
    )
    tracks = MappingProxyType({"t": Track("t", Text.plain("t"))})
    return CareerMap("random", tracks, MappingProxyType({}), MappingProxyType(roles), moves)


def brute_force(
    career_map: CareerMap,
    source: str,
    target: str,
    by: str,
    avoid: set[str],
    via: set[str],
    max_steps: int | None,
) -> list[tuple[tuple[str, ...], float]]:
    graph = build_graph(career_map)
    graph.remove_nodes_from(avoid)
    found = []
    for path in nx.all_simple_paths(graph, source, target):
        if not via <= set(path) or (max_steps is not None and len(path) - 1 > max_steps):
            continue
        years = sum(graph.edges[a, b]["years"] for a, b in itertools.pairwise(path))
        found.append((tuple(path), years))
    steps = lambda p: len(p[0]) - 1  # noqa: E731
    key = (
        (lambda p: (p[1], steps(p), p[0])) if by == "years" else (lambda p: (steps(p), p[1], p[0]))
    )
    return sorted(found, key=key)


Question = tuple[str, str, set[str], set[str], int | None]


def draw_question(data: st.DataObject, career_map: CareerMap) -> Question | None:
    """A route question on the map: from, to, roles to avoid and to pass, the most moves.

    None when the two ends drawn are the same role.
    """
    ids = sorted(career_map.roles)
    source, target = data.draw(st.sampled_from(ids)), data.draw(st.sampled_from(ids))
    if source == target:
        return None
    others = [r for r in ids if r not in (source, target)]
    avoid = set(data.draw(st.lists(st.sampled_from(others), max_size=2))) if others else set()
    rest = [r for r in others if r not in avoid]
    via = set(data.draw(st.lists(st.sampled_from(rest), max_size=1))) if rest else set()
    max_steps = data.draw(st.sampled_from([None, 1, 2, 3]))
    return source, target, avoid, via, max_steps


@settings(max_examples=150, deadline=None)
@given(
    career_map=maps(),
    k=st.integers(min_value=0, max_value=4),
    by=st.sampled_from(["years", "steps"]),
    data=st.data(),
)
def test_routes_match_brute_force(
    career_map: CareerMap, k: int, by: str, data: st.DataObject
) -> None:
    question = draw_question(data, career_map)
    if question is None:
        return
    source, target, avoid, via, max_steps = question
    expected = brute_force(career_map, source, target, by, avoid, via, max_steps)[: k + 1]
    graph = build_graph(career_map)
    try:
        routes = find_routes(
            graph,
            source,
            target,
            alternatives=k,
            by=by,  # type: ignore[arg-type]
            avoid=sorted(avoid),
            max_steps=max_steps,
            via=sorted(via),
        )
    except NoRouteError:
        assert expected == []
        return
    assert [(r.roles, r.years) for r in routes] == expected
