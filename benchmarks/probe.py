"""Time careergraph inside one fresh process and print the figures as JSON.

`python -m benchmarks.probe FILE` loads FILE through `load_paths` (the cache as the environment
leaves it), builds the graph, picks a start on a bottom rung and the most senior role within six
moves of it, and times one route and five routes. With `--naive`, it times the straightforward
pipeline instead: PyYAML's C loader, pydantic over every entry, networkx, and networkx's own
Dijkstra and Yen.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any


def timed(action: Callable[[], object], runs: int = 5) -> float:
    """Median seconds of `action` over `runs` calls."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def route_pair(graph: Any, roles: Any, start: str | None = None) -> tuple[str, str]:
    """A question people ask: from a bottom rung (or `start`) to the most senior role within six
    moves.

    (Ties go to the farther role, then the lowest id.)
    """
    import networkx as nx

    if start is None:
        start = min(graph, key=lambda n: (roles[n].level, n))
    depth = nx.single_source_shortest_path_length(graph, start, cutoff=6)
    goal = max(sorted(depth), key=lambda n: (roles[n].level, depth[n]))
    return start, goal


def probe(path: str) -> dict[str, Any]:
    """careergraph's own figures for one file."""
    # Imported before the clock starts, as the naive pipeline's are: this times the load alone.
    import careergraph.load.json_source  # noqa: F401
    import careergraph.load.validate  # noqa: F401
    import careergraph.load.yaml_source  # noqa: F401
    from careergraph.graph import build_graph, stated_only
    from careergraph.load import load_paths
    from careergraph.query import find_routes

    start = time.perf_counter()
    career_map = load_paths(path)
    load = time.perf_counter() - start
    # A map from the cache builds each role when first asked for; `similar`, `lint`, `render`
    # and `export` ask for every one (and so does route_pair, below).
    start = time.perf_counter()
    for _ in career_map.roles.values():
        pass
    every = load + time.perf_counter() - start
    gc.freeze()  # as the command line does once the map is loaded
    start = time.perf_counter()
    graph = build_graph(career_map)
    build = time.perf_counter() - start
    a, b = route_pair(graph, career_map.roles)
    route = timed(lambda: find_routes(graph, a, b))
    routes5 = timed(lambda: find_routes(graph, a, b, alternatives=4))
    # The same question over the moves a source states: the goal `--stated-only` is asked for.
    _, stated_goal = route_pair(stated_only(graph), career_map.roles, start=a)
    return {
        "load": load,
        "every": every,
        "graph": build,
        "route": route,
        "routes5": routes5,
        "from": a,
        "to": b,
        "stated_to": stated_goal,
        "roles": len(career_map.roles),
    }


def naive(path: str) -> dict[str, Any]:
    """The pipeline without careergraph's loader: C loader, pydantic, networkx."""
    import itertools

    import networkx as nx
    import yaml

    from careergraph.load.schema import FileSpec, RoleSpec, SkillSpec, TrackSpec, TransitionSpec

    start = time.perf_counter()
    with open(path, encoding="utf-8") as file:
        data = yaml.load(file, Loader=yaml.CSafeLoader)
    FileSpec.model_validate(data)
    tracks = {k: TrackSpec.model_validate(v) for k, v in data["tracks"].items()}
    skills = {k: SkillSpec.model_validate(v) for k, v in data["skills"].items()}
    roles = {k: RoleSpec.model_validate(v) for k, v in data["roles"].items()}
    moves = [TransitionSpec.model_validate(m) for m in data.get("transitions", [])]
    graph: Any = nx.DiGraph()
    for key, role in roles.items():
        graph.add_node(key, role=role)
    for move in moves:
        graph.add_edge(move.source, move.target, years=move.years or roles[move.source].years)
    load = time.perf_counter() - start
    assert tracks and skills
    a, b = route_pair(graph, roles)
    return {
        "load": load,
        "route": timed(lambda: nx.dijkstra_path(graph, a, b, weight="years")),
        "routes5": timed(
            lambda: list(itertools.islice(nx.shortest_simple_paths(graph, a, b, "years"), 5))
        ),
        "from": a,
        "to": b,
        "roles": len(roles),
    }


def peak_memory() -> int:
    """This process's peak resident memory, in bytes.

    Linux's VmHWM is this program's own; `ru_maxrss` also counts the process that started it, up
    to the moment it started this one (Python's subprocess starts a child with vfork, and Linux
    keeps the larger of the two peaks across exec), so it is the fallback only.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--naive", action="store_true", help="time the straightforward pipeline")
    args = parser.parse_args()
    gc.collect()
    figures = naive(args.file) if args.naive else probe(args.file)
    # Peak resident memory of this whole process, in bytes (Linux reports KiB).
    figures["peak"] = peak_memory()
    json.dump(figures, sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
