"""Build the directed career graph: roles are nodes, transitions are edges weighted by years."""

from __future__ import annotations

from typing import TypeAlias

import networkx as nx

from careergraph.model import CareerMap

# Nodes are role ids with the `Role` under "role"; edges carry "transition" and "years".
CareerGraph: TypeAlias = "nx.DiGraph[str]"


def build_graph(career_map: CareerMap) -> CareerGraph:
    """A new graph of the map, built in id order so ties break the same whatever the file order."""
    graph: CareerGraph = nx.DiGraph()
    for role_id in sorted(career_map.roles):
        graph.add_node(role_id, role=career_map.roles[role_id])
    for move in sorted(career_map.transitions, key=lambda t: (t.source, t.target)):
        graph.add_edge(move.source, move.target, transition=move, years=move.years)
    return graph
