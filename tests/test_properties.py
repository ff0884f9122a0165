"""Properties over generated valid data files, and mutations of them that must fail cleanly."""

from __future__ import annotations

import contextlib
import copy
import itertools
import math
import random
from typing import Any

import networkx as nx
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careergraph.errors import CareerGraphError, DataFileError, NoRouteError
from careergraph.graph import build_graph
from careergraph.load import parse_paths
from careergraph.load.text_file import decode
from careergraph.query import Route, find_routes, skill_gap
from careergraph.render.text import routes_text
from tests.conftest import FIXTURES

pytestmark = pytest.mark.slow

YEARS = [0.5, 1, 1.5, 2, 3]
SKILLS = ["s0", "s1", "s2", "s3"]
KINDS = ["promotion", "lateral", "career_change"]


@st.composite
def data_files(draw: st.DrawFn) -> dict[str, Any]:
    """A valid data file as plain data: up to 7 roles on 2 tracks and random moves."""
    size = draw(st.integers(min_value=2, max_value=7))
    ids = [f"r{i}" for i in range(size)]
    roles = {
        r: {
            "name": {"en": f"Role {r}", "ja": f"役割{r}"},
            "track": draw(st.sampled_from(["t0", "t1"])),
            "level": draw(st.integers(min_value=1, max_value=6)),
            "years": draw(st.sampled_from(YEARS)),
            "skills": draw(
                st.dictionaries(st.sampled_from(SKILLS), st.integers(min_value=1, max_value=5))
            ),
        }
        for r in ids
    }
    pairs = draw(
        st.lists(st.sampled_from([(a, b) for a in ids for b in ids if a != b]), unique=True)
    )
    moves = []
    for a, b in pairs:
        move: dict[str, Any] = {"from": a, "to": b, "kind": draw(st.sampled_from(KINDS))}
        if draw(st.booleans()):
            move["years"] = draw(st.sampled_from(YEARS))
        moves.append(move)
    return {
        "version": 1,
        "tracks": {"t0": {"name": "Zero"}, "t1": {"name": {"en": "One", "ja": "一"}}},
        "skills": {s: {"name": s.upper(), "category": "soft"} for s in SKILLS},
        "roles": roles,
        "transitions": moves,
    }


def dump(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def cost(route: Route, by: str) -> float:
    return route.years if by == "years" else len(route.steps)


@settings(max_examples=150, deadline=None)
@given(
    data=data_files(),
    k=st.integers(min_value=0, max_value=3),
    by=st.sampled_from(["years", "steps"]),
    choices=st.data(),
)
def test_routes_keep_their_promises(
    data: dict[str, Any], k: int, by: str, choices: st.DataObject
) -> None:
    career_map = parse_paths(dump(data))
    graph = build_graph(career_map)
    ids = sorted(career_map.roles)
    source, target = choices.draw(st.permutations(ids))[:2]
    others = [r for r in ids if r not in (source, target)]
    avoid = (
        choices.draw(st.lists(st.sampled_from(others), max_size=2, unique=True)) if others else []
    )
    rest = [r for r in others if r not in avoid]
    via = choices.draw(st.lists(st.sampled_from(rest), max_size=1)) if rest else []
    max_steps = choices.draw(st.sampled_from([None, 1, 2, 4]))
    allowed = graph.subgraph(r for r in ids if r not in avoid)
    try:
        routes = find_routes(
            graph, source, target, alternatives=k, via=via, avoid=avoid, max_steps=max_steps,
            by=by,  # type: ignore[arg-type]
        )  # fmt: skip
    except NoRouteError:
        # No route is claimed missing when one exists.
        assert not any(
            set(via) <= set(p) and (max_steps is None or len(p) - 1 <= max_steps)
            for p in nx.all_simple_paths(allowed, source, target)
        )
        return
    assert 1 <= len(routes) <= k + 1
    assert len({r.roles for r in routes}) == len(routes)  # distinct
    costs = [cost(r, by) for r in routes]
    assert costs == sorted(costs)  # non-decreasing
    for route in routes:
        assert (route.roles[0], route.roles[-1]) == (source, target)
        assert len(set(route.roles)) == len(route.roles)  # loop-free
        assert all(graph.has_edge(a, b) for a, b in itertools.pairwise(route.roles))
        assert math.isclose(route.years, sum(s.transition.years for s in route.steps))
        assert [s.cumulative_years for s in route.steps] == sorted(
            s.cumulative_years for s in route.steps
        )
        assert math.isclose(route.steps[-1].cumulative_years, route.years)
        assert set(via) <= set(route.roles) and not set(avoid) & set(route.roles)
        assert max_steps is None or len(route.steps) <= max_steps
        assert all(c.change > 0 for s in route.steps for c in s.gap.build)


@settings(max_examples=100, deadline=None)
@given(data=data_files(), choices=st.data())
def test_the_gap_is_never_negative(data: dict[str, Any], choices: st.DataObject) -> None:
    career_map = parse_paths(dump(data))
    roles = list(career_map.roles.values())
    source, target = choices.draw(st.sampled_from(roles)), choices.draw(st.sampled_from(roles))
    gap = skill_gap(source, target)
    assert gap.size >= 0 and all(c.change > 0 for c in gap.build)
    assert all(c.from_level > 0 and c.to_level == 0 for c in gap.dropped)


def shuffled(data: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """The same data file with every mapping's keys and the list of moves in another order."""
    if isinstance(data, dict):
        items = list(data.items())
        rng.shuffle(items)
        return {key: shuffled(value, rng) for key, value in items}
    if isinstance(data, list) and data and isinstance(data[0], dict):
        moves = [shuffled(m, rng) for m in data]
        rng.shuffle(moves)
        return moves  # type: ignore[return-value]
    return data


@settings(max_examples=80, deadline=None)
@given(data=data_files(), seed=st.integers(min_value=0, max_value=2**32))
def test_answers_do_not_depend_on_the_order_of_the_file(data: dict[str, Any], seed: int) -> None:
    first = parse_paths(dump(data))
    second = parse_paths(dump(shuffled(data, random.Random(seed))))
    graphs = build_graph(first), build_graph(second)
    for source, target in itertools.permutations(sorted(first.roles), 2):
        answers = []
        for career_map, graph in zip((first, second), graphs, strict=True):
            try:
                routes = find_routes(graph, source, target, alternatives=2)
            except NoRouteError as error:
                answers.append(str(error))
            else:
                answers.append(routes_text(career_map, routes, "years", "ja"))
        assert answers[0] == answers[1]


# -- mutations: whatever is done to a valid file, the only failure is a clean DataFileError ----

HOSTILE_VALUES: list[Any] = [
    None, True, 0, -1, 10**30, 1.5, float("inf"), float("nan"), "", "x", "ｘ　", "010", [], {},
    [None], {"en": None}, "2024-04-01", "*alias", "&anchor", "!!int 3", "<<", "\x85", "\u2028",
]  # fmt: skip
INSERTS = ["\t", "\u3000", "：", ":", "- ", "&a ", "*a", "!!str ", "<<: ", "{", "]", "\x00",
           "\ufeff", "\r", "#", "'", '"', "? ", "---\n", "\\"]  # fmt: skip


def nodes(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path into the data, the root excepted."""
    found = [path] if path else []
    children = (
        data.items()
        if isinstance(data, dict)
        else enumerate(data)
        if isinstance(data, list)
        else ()
    )
    for key, value in children:
        found += nodes(value, (*path, key))
    return found


def mutated(data: dict[str, Any], rng: random.Random) -> str:
    """The file with one random node deleted, duplicated, retyped or truncated, as YAML text."""
    data = copy.deepcopy(data)
    path = rng.choice(nodes(data))
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    last = path[-1]
    operation = rng.choice(["delete", "duplicate", "retype", "truncate", "rename"])
    if operation == "delete":
        del parent[last]
    elif operation == "duplicate" and isinstance(parent, list):
        parent.insert(last, copy.deepcopy(parent[last]))
    elif operation == "duplicate":
        text = dump(data)
        lines = text.splitlines(keepends=True)
        at = rng.randrange(len(lines))
        return "".join(lines[: at + 1] + lines[at:])
    elif operation == "retype":
        parent[last] = rng.choice(HOSTILE_VALUES)
    elif operation == "rename" and isinstance(parent, dict):
        parent[rng.choice(["", "Name", "名前", "years ", "1", "null"])] = parent.pop(last)
    else:
        value = parent[last]
        parent[last] = value[: len(value) // 2] if isinstance(value, str | list) else value
        text = dump(data)
        return text[: rng.randrange(len(text) + 1)]
    return dump(data)


def assert_clean(text: str) -> None:
    try:
        career_map = parse_paths(text, "mutant.yaml")
    except DataFileError as error:
        assert error.problems and all(p.message and p.line >= 0 for p in error.problems)
        return
    graph = build_graph(career_map)
    ids = sorted(career_map.roles)
    for source, target in itertools.islice(itertools.permutations(ids, 2), 10):
        with contextlib.suppress(CareerGraphError):
            find_routes(graph, source, target, alternatives=1)


SMALL = yaml.safe_load((FIXTURES / "small.yaml").read_text(encoding="utf-8"))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(data_files(), st.just(SMALL)), seed=st.integers(min_value=0))
def test_mutated_files_fail_only_cleanly(data: dict[str, Any], seed: int) -> None:
    assert_clean(mutated(data, random.Random(seed)))


@settings(max_examples=300, deadline=None)
@given(
    position=st.floats(min_value=0, max_value=1),
    insert=st.sampled_from(INSERTS),
    cut=st.booleans(),
)
def test_text_edits_fail_only_cleanly(position: float, insert: str, cut: bool) -> None:
    text = (FIXTURES / "small.yaml").read_text(encoding="utf-8")
    at = int(position * len(text))
    assert_clean(text[:at] + insert + text[at + int(cut) :])


@settings(max_examples=200, deadline=None)
@given(position=st.floats(min_value=0, max_value=1), byte=st.integers(min_value=0, max_value=255))
def test_byte_edits_fail_only_cleanly(position: float, byte: int) -> None:
    raw = bytearray((FIXTURES / "small.yaml").read_bytes())
    raw[int(position * (len(raw) - 1))] = byte
    try:
        text = decode(bytes(raw), "mutant.yaml")
    except DataFileError:
        return
    assert_clean(text)
