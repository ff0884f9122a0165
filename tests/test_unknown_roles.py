"""Every function of the library API that takes role ids refuses an unknown one with careergraph's
own error, naming it and the role it may have meant: never networkx's, never silently."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import networkx as nx
import pytest

from careergraph.errors import CareerGraphError, UnknownRoleError
from careergraph.fit import role_fits, route_years
from careergraph.graph import CareerGraph, build_graph
from careergraph.load import load_paths
from careergraph.query import (
    find_routes,
    map_section,
    moves_from,
    moves_into,
    reachable_roles,
    require_roles,
)
from tests.conftest import FIXTURES

TYPO = "senoir"  # the fixture has 'senior'

Call = Callable[[CareerGraph], Any]
CALLS: dict[str, Call] = {
    "find_routes source": lambda g: find_routes(g, TYPO, "lead"),
    "find_routes target": lambda g: find_routes(g, "junior", TYPO),
    "find_routes via": lambda g: find_routes(g, "junior", "lead", via=[TYPO]),
    "find_routes avoid": lambda g: find_routes(g, "junior", "lead", avoid=[TYPO]),
    "find_routes avoid by gap": lambda g: find_routes(g, "junior", "lead", avoid=[TYPO], by="gap"),
    "moves_from": lambda g: moves_from(g, TYPO),
    "moves_into": lambda g: moves_into(g, TYPO),
    "reachable_roles": lambda g: reachable_roles(g, TYPO, 5),
    "map_section": lambda g: map_section(g.graph["map"], ["junior", TYPO]),
    "role_fits": lambda g: role_fits(g.graph["map"], g, TYPO, {"coding": 2}),
    "route_years": lambda g: route_years(g, ["junior", TYPO]),
    "require_roles on a graph": lambda g: require_roles(g, ["junior", TYPO]),
    "require_roles on a map": lambda g: require_roles(g.graph["map"], [TYPO]),
}


@pytest.fixture(scope="module")
def graph() -> CareerGraph:
    return build_graph(load_paths(FIXTURES / "small.yaml"))


@pytest.mark.parametrize("call", CALLS.values(), ids=CALLS.keys())
def test_an_unknown_role_id_is_careergraphs_own_error(graph: CareerGraph, call: Call) -> None:
    with pytest.raises(UnknownRoleError) as raised:
        call(graph)
    assert isinstance(raised.value, CareerGraphError)
    assert not isinstance(raised.value, nx.NetworkXException | KeyError)
    assert raised.value.name == TYPO
    assert str(raised.value) == "unknown role 'senoir' — did you mean 'senior'?"


def test_known_ids_pass(graph: CareerGraph) -> None:
    require_roles(graph, ["junior", "senior", "lead"])
    require_roles(graph.graph["map"], [])
    assert [r.roles for r in find_routes(graph, "junior", "lead", avoid=["coordinator"])] == [
        ("junior", "senior", "lead")
    ]
