"""Build the directed career graph: roles are nodes, transitions are edges weighted by years."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

from careergraph.model import CareerMap, Role

if TYPE_CHECKING:  # networkx is imported by the functions that build graphs: lint needs none
    import networkx as nx

# Nodes are role ids; edges carry the `Transition` under "transition" and its "years". The map
# itself is kept under graph.graph["map"]: `role_of` finds a node's `Role` there, so building the
# graph never asks a lazily loaded map (`careergraph.load.plain`) to build every role.
CareerGraph: TypeAlias = "nx.DiGraph[str]"


def build_graph(career_map: CareerMap) -> CareerGraph:
    """A new graph of the map, built in id order so ties break the same whatever the file order."""
    import networkx as nx

    graph: CareerGraph = nx.DiGraph(map=career_map)
    graph.add_nodes_from(sorted(career_map.roles))
    graph.add_edges_from(
        (move.source, move.target, {"transition": move, "years": move.years})
        for move in sorted(career_map.transitions, key=lambda t: (t.source, t.target))
    )
    return graph


def role_of(graph: CareerGraph, role_id: str) -> Role:
    """The role a node stands for."""
    career_map: CareerMap = graph.graph["map"]
    return career_map.roles[role_id]


def stated_only(graph: CareerGraph) -> CareerGraph:
    """A copy of the graph without the moves no source states (implied or inferred)."""
    import networkx as nx

    kept: CareerGraph = nx.DiGraph(**graph.graph)
    kept.add_nodes_from(graph)
    kept.add_edges_from(
        (source, target, edge)
        for source, target, edge in graph.edges(data=True)
        if edge["transition"].basis == "stated"
    )
    return kept
