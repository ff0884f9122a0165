"""Where a person stands: how much of each role's requirements they already meet.

A role's *met* share is the sum, over the skills it asks for, of the levels the person holds up
to the level asked, divided by the levels asked (1.0 for a role that asks for nothing); its
*missing levels* are the levels still to build. A role is a *move up* from the person's role when
it is higher on the same ladder (same track, higher level), or when promotions alone lead to it.
Its *nearest route* is the quickest by years, the first move shortened by the years already
served in the role, found by one Dijkstra search from the person's role for every role at once.

A points requirement (a total over several skills) counts as its total: the points the person
holds towards it, up to the total, are met, so the share is (levels met + points met) / (levels
asked + points asked). Its missing levels are the fewest levels that meet it once every minimum
is met, the same levels `gap` and `plan` suggest.
"""

from __future__ import annotations

import dataclasses
import heapq
import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from careergraph.graph import CareerGraph
from careergraph.load.plain import role_points, role_requirements
from careergraph.model import CareerMap, PointsRequirement, TransitionKind
from careergraph.query import points_gaps, require_roles


@dataclass(frozen=True)
class RoleFit:
    """How far one role's requirements are met, and how far away the role is."""

    role: str
    met: float
    missing_levels: int
    up: bool
    years: float | None  # of the nearest route; None when no route leads there
    route: tuple[str, ...]  # the nearest route's roles, from the person's own; () if none

    @property
    def moves(self) -> int | None:
        """Moves on the nearest route (None when there is none)."""
        return len(self.route) - 1 if self.route else None


def met_share(
    have: Mapping[str, int],
    asked: Mapping[str, int],
    points: Sequence[PointsRequirement] = (),
) -> tuple[float, int]:
    """The share of the levels `asked` (skill id to level) and of the `points` requirements
    that `have` meets (0 to 1), and the levels missing."""
    total = sum(asked.values())
    met = 0
    for skill, held in have.items():
        if held > 0 and skill in asked:
            met += min(held, asked[skill])
    missing = total - met
    if points:
        reached = dict(have)
        for skill, level in asked.items():
            reached[skill] = max(level, reached.get(skill, 0))
        for requirement in points:
            total += requirement.total
            met += min(requirement.total, requirement.points(have))
        missing += sum(gap.levels for gap in points_gaps(points, reached)[0])
    return (met / total if total else 1.0), missing


@dataclass(frozen=True)
class Standing:
    """Where a person stands: the best-met roles, and how many roles were weighed."""

    fits: tuple[RoleFit, ...]
    weighed: int


def role_fits(
    career_map: CareerMap,
    graph: CareerGraph,
    start: str,
    have: Mapping[str, int],
    *,
    years_done: float = 0.0,
    tracks: Sequence[str] | None = None,
    limit: int | None = None,
) -> Standing:
    """The `limit` best-met roles (of `tracks`, else all; every one when `limit` is None).

    Best met first; ties: fewer levels missing, then reachable and nearer, then by id. `start`
    is the person's role and `have` their level in every skill they hold.
    """
    require_roles(graph, [start])
    own = career_map.roles[start]
    distance, previous = _nearest(graph, start, years_done)
    promoted = _by_promotions(graph, start)
    kept = None if tracks is None else set(tracks)
    found = []
    points = role_points(career_map.roles)
    for role_id, (track, level, skills) in role_requirements(career_map.roles).items():
        if kept is not None and track not in kept:
            continue
        met, missing = met_share(have, skills, points.get(role_id, ()))
        up = role_id in promoted or (track == own.track and level > own.level)
        found.append(RoleFit(role_id, met, missing, up, distance.get(role_id), ()))
    found.sort(key=_rank)
    shown = []
    for fit in found if limit is None else found[:limit]:
        if fit.years is not None:
            route = _route(previous, start, fit.role)
            fit = dataclasses.replace(fit, years=route_years(graph, route, years_done), route=route)
        shown.append(fit)
    return Standing(tuple(shown), len(found))


def _rank(fit: RoleFit) -> tuple[Any, ...]:
    unreachable = fit.years is None
    return (-round(fit.met, 9), fit.missing_levels, unreachable, fit.years or 0.0, fit.role)


def _nearest(
    graph: CareerGraph, start: str, years_done: float
) -> tuple[dict[str, float], dict[str, str]]:
    """Years of the quickest route from `start` to every role it reaches, and each role's
    predecessor on it (a route is read back only for the roles shown).

    Dijkstra's search by hand, on (years, moves): routes equally quick go to the one with fewer
    moves, as `path` ranks them, then to the predecessor with the smaller id, so the same map
    always gives the same route. (networkx's search keeps every role's whole path, which on
    10,000 roles costs more than the search, and knows no second cost.)
    """
    adjacency = graph.adj
    distance: dict[str, float] = {}
    previous: dict[str, str] = {}
    best: dict[str, tuple[float, int]] = {start: (0.0, 0)}
    heap: list[tuple[float, int, str, str, float]] = [(0.0, 0, start, start, 0.0)]
    while heap:
        _, moves, role, came_from, years = heapq.heappop(heap)
        if role in distance:
            continue
        distance[role] = years
        if role != start:
            previous[role] = came_from
        for there, edge in adjacency[role].items():
            if there in distance:
                continue
            step: float = edge["years"]
            if role == start:
                step = max(0.0, step - years_done)
            total = years + step
            # Compared rounded, as route lists compare years: 0.1 + 0.2 ties with 0.3.
            cost = (round(total, 9), moves + 1)
            if cost <= best.get(there, (math.inf, 0)):
                best[there] = cost
                heapq.heappush(heap, (cost[0], cost[1], there, role, total))
    return distance, previous


def _route(previous: Mapping[str, str], start: str, role: str) -> tuple[str, ...]:
    """The roles of the nearest route from `start` to `role`."""
    path = [role]
    while path[-1] != start:
        path.append(previous[path[-1]])
    return tuple(reversed(path))


def route_years(graph: CareerGraph, route: Sequence[str], years_done: float = 0.0) -> float:
    """A route's years summed as `path` sums them, the first move shortened by years served."""
    require_roles(graph, route)
    moves = [graph.adj[here][there]["years"] for here, there in itertools.pairwise(route)]
    if moves:
        moves[0] = max(0.0, moves[0] - years_done)
    return math.fsum(moves)


def _by_promotions(graph: CareerGraph, start: str) -> set[str]:
    """Roles promotions alone lead to from `start` (not `start` itself)."""
    seen: set[str] = set()
    frontier = [start]
    while frontier:
        here = frontier.pop()
        for there, edge in graph.adj[here].items():
            if there not in seen and edge["transition"].kind is TransitionKind.PROMOTION:
                seen.add(there)
                frontier.append(there)
    seen.discard(start)
    return seen
