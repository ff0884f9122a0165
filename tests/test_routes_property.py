"""Routes on random maps agree with brute force over every simple path."""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from types import MappingProxyType

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careergraph.errors import NoRouteError
from careergraph.graph import build_graph
from careergraph.model import CareerMap, Role, Text, Track, Transition, TransitionKind
from careergraph.query import find_routes

pytestmark = pytest.mark.slow

YEARS = [0.5, 1.0, 1.5, 2.0, 3.0]
SKILLS = ["a", "b", "c"]


@st.composite
def maps(draw: st.DrawFn) -> CareerMap:
    size = draw(st.integers(min_value=2, max_value=7))
    ids = [f"r{i}" for i in range(size)]
    pairs = [(a, b) for a in ids for b in ids if a != b]
    edges = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=18))
    levels = st.dictionaries(st.sampled_from(SKILLS), st.integers(min_value=1, max_value=5))
    roles = {
        r: Role(
            r, Text.plain(r), "t", 1, draw(st.sampled_from(YEARS)), MappingProxyType(draw(levels))
        )
        for r in ids
    }
    moves = tuple(
        Transition(
            a,
            b,
            TransitionKind.PROMOTION,
            draw(st.sampled_from(YEARS)),
            basis=draw(st.sampled_from(["stated", "stated", "implied"])),
        )
        for a, b in edges
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
    start: Mapping[str, int] | None = None,
    years_done: float = 0.0,
) -> list[tuple[tuple[str, ...], float, int]]:
    """Every route with its years and levels to build, in the order the contract ranks them."""
    graph = build_graph(career_map)
    graph.remove_nodes_from(avoid)
    found = []
    for path in nx.all_simple_paths(graph, source, target):
        if not via <= set(path) or (max_steps is not None and len(path) - 1 > max_steps):
            continue
        moves = [graph.edges[a, b]["transition"] for a, b in itertools.pairwise(path)]
        years = math.fsum([max(0.0, moves[0].years - years_done), *(m.years for m in moves[1:])])
        implied = sum(m.basis != "stated" for m in moves)
        held = dict(career_map.roles[source].skills if start is None else start)
        gap = 0
        for role in path[1:]:  # each step builds what it asks above the best held so far
            for skill, level in career_map.roles[role].skills.items():
                gap += max(0, level - held.get(skill, 0))
                held[skill] = max(level, held.get(skill, 0))
        steps = len(path) - 1
        rank = {
            "years": (round(years, 9), implied, steps, tuple(path)),
            "steps": (steps, implied, round(years, 9), tuple(path)),
            "gap": (gap, implied, round(years, 9), steps, tuple(path)),
        }[by]
        found.append((rank, (tuple(path), years, gap)))
    return [route for _, route in sorted(found)]


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
    by=st.sampled_from(["years", "steps", "gap"]),
    data=st.data(),
)
def test_routes_match_brute_force(
    career_map: CareerMap, k: int, by: str, data: st.DataObject
) -> None:
    question = draw_question(data, career_map)
    if question is None:
        return
    source, target, avoid, via, max_steps = question
    levels = st.dictionaries(st.sampled_from(SKILLS), st.integers(min_value=0, max_value=5))
    start = data.draw(st.none() | levels)
    years_done = data.draw(st.sampled_from([0.0, 0.0, 1.0]))
    expected = brute_force(
        career_map, source, target, by, avoid, via, max_steps, start, years_done
    )[: k + 1]
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
            start_levels=start,
            years_done=years_done,
        )
    except NoRouteError:
        assert expected == []
        return
    assert [(r.roles, r.years, r.gap_total) for r in routes] == expected
