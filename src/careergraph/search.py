"""The route searches behind `careergraph.query`: routes cheapest first, by levels to build, and
the quickest way to every role nearby."""

from __future__ import annotations

import heapq
import itertools
import math
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from careergraph.gaps import role_levels
from careergraph.graph import CareerGraph, role_of
from careergraph.model import Transition
from careergraph.routes import EPSILON, Route, build_route

# Yen's algorithm yields candidates cheapest first; filters (--via, --max-steps) may reject many,
# so the search stops after this many candidates rather than enumerate every simple path.
SEARCH_LIMIT = 20_000


# A role's moves by the role they lead to (or come from), each move's edge data by key: what
# networkx's adjacency views (`graph.succ`, `graph.pred`) give.
_Adjacency = Mapping[str, Mapping[str, Mapping[str, Any]]]


def cheapest_paths(
    graph: CareerGraph,
    source: str,
    target: str,
    weight: str | None,
    avoided: set[str],
    years_done: float = 0.0,
) -> Iterator[list[str]]:
    """Every simple path from `source` to `target` avoiding `avoided`, cheapest first.

    Cost is the sum of the moves' `weight` (None: one per move); `years_done`, the years already
    served in `source`, shortens the moves out of it.
    """
    succ: _Adjacency = graph.succ
    pred: _Adjacency = graph.pred
    if years_done:
        succ, pred = _served(succ, pred, source, years_done)
    return _simple_paths(succ, pred, source, target, weight, avoided)


def routes_by_gap(
    graph: CareerGraph,
    source: str,
    target: str,
    wanted: int,
    via: Sequence[str],
    avoided: set[str],
    max_steps: int | None,
    start_levels: Mapping[str, int] | None,
    years_done: float,
) -> list[Route]:
    """The `wanted` best routes by levels to build, by a best-first search over partial routes.

    A route's levels to build for minimums depend only on the roles it passes (each skill counts
    up to the highest level any role on it asks), so a partial route's levels for its roles,
    `via` and the target are a lower bound for every way of finishing it, and exact once it ends
    at the target unless a role on it has points requirements: then the finished route goes back
    into the queue at its exact cost, which is never lower.
    Implied moves, years, moves and role ids only grow as a route does too, so partial routes
    taken in the order of that whole key (`route_rank`) end at the target in exactly the order
    routes are ranked. At most SEARCH_LIMIT partial routes are taken; none found, the list is
    empty.
    """
    ahead = _can_reach(graph, target, avoided)
    succ = graph.succ
    start = role_levels(role_of(graph, source)) if start_levels is None else start_levels

    def need(levels: Mapping[str, int], role: str) -> dict[str, int]:
        grown = dict(levels)
        for skill, level in role_of(graph, role).skills.items():
            if level > grown.get(skill, 0):
                grown[skill] = level
        return grown

    def to_build(levels: Mapping[str, int]) -> int:
        return sum(max(0, level - start.get(skill, 0)) for skill, level in levels.items())

    floor: dict[str, int] = {}
    for role in (*via, target):
        floor = need(floor, role)
    queue: list[_PartialRoute] = [(to_build(floor), 0, 0.0, 0, (source,), (), floor)]
    found: list[Route] = []
    exact: dict[tuple[str, ...], Route] = {}
    for _ in range(SEARCH_LIMIT):
        if not queue or len(found) >= wanted:
            break
        estimate, implied, years, steps, path, spent, levels = heapq.heappop(queue)
        here = path[-1]
        if here == target:
            if not all(stop in path for stop in via):
                continue
            route = exact.pop(path, None) or build_route(graph, path, start_levels, years_done)
            if route.gap_total > estimate:
                # Points requirements cost more than the minimums alone: queue it again at its
                # exact cost (never lower than the estimate, so the order stays exact).
                exact[path] = route
                heapq.heappush(queue, (route.gap_total, implied, years, steps, path, spent, levels))
                continue
            found.append(route)
            continue
        if max_steps is not None and steps >= max_steps:
            continue
        for there, edge in succ[here].items():
            if there in path or there not in ahead:
                continue
            move: Transition = edge["transition"]
            left = max(0.0, move.years - years_done) if steps == 0 else move.years
            grown, more = need(levels, there), (*spent, left)
            heapq.heappush(
                queue,
                (
                    to_build(grown),
                    implied + (move.basis != "stated"),
                    round(math.fsum(more), 9),
                    steps + 1,
                    (*path, there),
                    more,
                    grown,
                ),
            )
    return found


# A route being searched by gap: levels to build, implied moves, years, moves, roles; then what
# is never compared (the roles differ first): the years of each move, summed exactly as a route
# sums them, and the highest level of each skill the roles so far, `via` and the target ask.
_PartialRoute = tuple[int, int, float, int, tuple[str, ...], tuple[float, ...], dict[str, int]]


def _can_reach(graph: CareerGraph, target: str, avoided: set[str]) -> set[str]:
    """The roles with a way to `target` that avoids `avoided`, the target included."""
    seen, todo = {target}, [target]
    pred = graph.pred
    while todo:
        for there in pred[todo.pop()]:
            if there not in seen and there not in avoided:
                seen.add(there)
                todo.append(there)
    return seen


def _served(
    succ: _Adjacency, pred: _Adjacency, source: str, years_done: float
) -> tuple[_Adjacency, _Adjacency]:
    """The adjacency with the moves out of `source` shortened by the years already served in it.

    Only those moves change; every other role's are looked up in the graph's own adjacency, so
    nothing is copied whatever the size of the map.
    """
    shortened = {
        there: {**edge, "years": max(0.0, edge["years"] - years_done)}
        for there, edge in succ[source].items()
    }
    into = {there: {**pred[there], source: edge} for there, edge in shortened.items()}
    return _Patched(succ, {source: shortened}), _Patched(pred, into)


class _Patched(dict[str, Mapping[str, Mapping[str, Any]]]):
    """An adjacency with some roles' moves replaced; any other role's are looked up in `base`."""

    def __init__(self, base: _Adjacency, replaced: _Adjacency) -> None:
        super().__init__(replaced)
        self.base = base

    def __missing__(self, role: str) -> Mapping[str, Mapping[str, Any]]:
        return self.base[role]


def _simple_paths(
    succ: _Adjacency,
    pred: _Adjacency,
    source: str,
    target: str,
    weight: str | None,
    avoided: set[str],
) -> Iterator[list[str]]:
    """Every simple path from `source` to `target` avoiding `avoided`, cheapest first (Yen).

    The order of networkx's `shortest_simple_paths`, found faster on large maps. The best path
    and the spurs for the second (all the search for a single route, to rule out a tie) come from
    a bidirectional Dijkstra, which stays near the route. Later spurs, whose blocked moves force
    detours, are first tried as A* searches guided by the cost to `target` in the whole graph (a
    backward Dijkstra, run only as far as the routes searched reach): blocking roles and moves only
    makes routes dearer, so that cost stays a lower bound, and a spur search usually walks little
    more than what it finds; where it would walk far, the bidirectional search takes over.
    """
    left: _CostsTo | None = None

    def spur(start: str, blocked: set[str], cut: set[tuple[str, str]]) -> list[str] | None:
        blocked |= avoided  # the costs to the target leave avoided roles out only once complete
        if left is not None:
            path = _guided(succ, left, start, target, weight, blocked, cut)
            if path is not _GAVE_UP:
                return path
        return _meet_in_middle(succ, pred, start, target, weight, blocked, cut)

    def total(path: Sequence[str]) -> float:
        return math.fsum(
            succ[a][b][weight] if weight is not None else 1.0 for a, b in itertools.pairwise(path)
        )

    first = spur(source, set(), set())
    if first is None:
        return
    found = [first]
    candidates: list[tuple[float, list[str]]] = []
    queued: set[tuple[str, ...]] = {tuple(first)}
    while True:
        yield found[-1]
        if len(found) >= 2:
            if left is None:
                left = _CostsTo(pred, target, weight, avoided)
            # Exact costs as far as the routes now being searched reach; beyond, a lower bound.
            left.reach(total(found[-1]))
        last = found[-1]
        for index in range(len(last) - 1):
            root = last[: index + 1]
            cut = {(p[index], p[index + 1]) for p in found if p[: index + 1] == root}
            rest = spur(root[-1], set(root[:-1]), cut)
            if rest is None:
                continue
            path = root[:-1] + rest
            if tuple(path) not in queued:
                queued.add(tuple(path))
                heapq.heappush(candidates, (total(path), path))
        if not candidates:
            return
        found.append(heapq.heappop(candidates)[1])


_GUIDED_BUDGET = 2_000
_GAVE_UP: list[str] = []  # compared by identity: a path is never empty


def _meet_in_middle(
    succ: _Adjacency,
    pred: _Adjacency,
    start: str,
    target: str,
    weight: str | None,
    blocked: set[str],
    cut: set[tuple[str, str]],
) -> list[str] | None:
    """The cheapest path avoiding `blocked` roles and `cut` moves, searched from both ends."""
    if start == target:
        return [start]
    sides = (succ, pred)
    dist: tuple[dict[str, float], dict[str, float]] = ({start: 0.0}, {target: 0.0})
    parent: tuple[dict[str, str], dict[str, str]] = ({}, {})
    settled: tuple[set[str], set[str]] = (set(), set())
    queues: tuple[list[tuple[float, str]], list[tuple[float, str]]] = (
        [(0.0, start)],
        [(0.0, target)],
    )
    best, meeting = math.inf, ""
    while queues[0] and queues[1]:
        if queues[0][0][0] + queues[1][0][0] >= best:
            break  # no way through an unsettled role can be cheaper than the best meeting
        side = 0 if queues[0][0][0] <= queues[1][0][0] else 1
        cost, here = heapq.heappop(queues[side])
        if here in settled[side]:
            continue
        settled[side].add(here)
        near, far = dist[side], dist[1 - side]
        moves = sides[side][here]
        for there in moves:
            if there in blocked or ((here, there) if side == 0 else (there, here)) in cut:
                continue
            new = cost + (moves[there][weight] if weight is not None else 1.0)
            if new < near.get(there, math.inf):
                near[there] = new
                parent[side][there] = here
                heapq.heappush(queues[side], (new, there))
            if there in far and near[there] + far[there] < best:
                best, meeting = near[there] + far[there], there
    if not meeting:
        return None
    path = [meeting]
    while path[-1] != start:
        path.append(parent[0][path[-1]])
    path.reverse()
    while path[-1] != target:
        path.append(parent[1][path[-1]])
    return path


def _guided(
    succ: _Adjacency,
    left: _CostsTo,
    start: str,
    target: str,
    weight: str | None,
    blocked: set[str],
    cut: set[tuple[str, str]],
) -> list[str] | None:
    """The cheapest path avoiding `blocked` and `cut`, by A* on the costs to `target`.

    The estimates never exceed the true cost, and a role reached again more cheaply is searched
    again, so the first path to reach `target` is a cheapest one. Where many routes cost about
    the same, the estimates guide little; after `_GUIDED_BUDGET` roles this gives up
    (`_GAVE_UP`) and the caller searches from both ends instead.
    """
    estimate = left.estimate
    if estimate(start) == math.inf:
        return None
    spent = {start: 0.0}
    came_from: dict[str, str] = {}
    # Ties on the estimate go to the way furthest along, so equal routes are not all walked.
    queue = [(estimate(start), 0.0, start)]
    for _ in range(_GUIDED_BUDGET):
        if not queue:
            break
        _, negative, here = heapq.heappop(queue)
        cost = -negative
        if here == target:
            path = [here]
            while path[-1] != start:
                path.append(came_from[path[-1]])
            return path[::-1]
        if cost > spent[here]:
            continue  # a stale entry: a cheaper way here was found since
        moves = succ[here]
        for there in moves:
            if there in blocked or (here, there) in cut:
                continue
            ahead = estimate(there)
            if ahead == math.inf:
                continue  # cannot reach the target at all
            new = cost + (moves[there][weight] if weight is not None else 1.0)
            if new < spent.get(there, math.inf):
                spent[there] = new
                came_from[there] = here
                heapq.heappush(queue, (new + ahead, -new, there))
    return _GAVE_UP if queue else None


class _CostsTo:
    """The least cost from each role to `target`, found by a backward Dijkstra as far as asked.

    Beyond what has been searched, the smallest cost still waiting is a lower bound for every
    role not yet reached; once the search is done, a role never reached cannot reach `target`.
    On 100,000 roles the whole search takes over a second; a route's neighbourhood, milliseconds.
    """

    def __init__(
        self, pred: _Adjacency, target: str, weight: str | None, avoided: set[str]
    ) -> None:
        self.pred = pred
        self.weight = weight
        self.avoided = avoided
        self.settled: dict[str, float] = {}
        self.tentative = {target: 0.0}
        self.queue = [(0.0, target)]

    def reach(self, bound: float) -> None:
        """Settle every role whose cost to the target is at most `bound`."""
        queue, settled, tentative, weight = self.queue, self.settled, self.tentative, self.weight
        while queue and queue[0][0] <= bound + EPSILON:
            cost, here = heapq.heappop(queue)
            if here in settled:
                continue
            settled[here] = cost
            moves = self.pred[here]
            for there in moves:
                if there in self.avoided or there in settled:
                    continue
                new = cost + (moves[there][weight] if weight is not None else 1.0)
                if new < tentative.get(there, math.inf):
                    tentative[there] = new
                    heapq.heappush(queue, (new, there))

    def estimate(self, role: str) -> float:
        """The cost from `role` to the target, or a lower bound for it; inf if it cannot."""
        if role in self.settled:
            return self.settled[role]
        return self.queue[0][0] if self.queue else math.inf


def nearest_paths(
    graph: CareerGraph, source: str, cutoff: float, years_done: float
) -> dict[str, list[str]]:
    """The best way to every role within `cutoff` years: fewest years, then fewest implied
    moves, then fewest moves (a Dijkstra search on that whole key)."""
    succ = graph.succ
    best: dict[str, tuple[float, int, int]] = {source: (0.0, 0, 0)}
    parent: dict[str, str] = {}
    done: set[str] = set()
    queue: list[tuple[float, int, int, str]] = [(0.0, 0, 0, source)]
    while queue:
        years, implied, steps, here = heapq.heappop(queue)
        if here in done:
            continue
        done.add(here)
        for there, edge in succ[here].items():
            if there in done:
                continue
            move: Transition = edge["transition"]
            left = max(0.0, move.years - years_done) if here == source else move.years
            key = (years + left, implied + (move.basis != "stated"), steps + 1)
            if key[0] <= cutoff and key < best.get(there, (math.inf, 0, 0)):
                best[there] = key
                parent[there] = here
                heapq.heappush(queue, (*key, there))
    paths = {}
    for role in done:
        path = [role]
        while path[-1] != source:
            path.append(parent[path[-1]])
        paths[role] = path[::-1]
    return paths
