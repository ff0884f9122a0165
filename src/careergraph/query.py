"""Questions asked of the career map: which role is meant, routes between roles, skill gaps."""

from __future__ import annotations

import dataclasses
import difflib
import heapq
import itertools
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import networkx as nx

from careergraph.errors import (
    AmbiguousRoleError,
    CareerGraphError,
    NoRouteError,
    UnknownRoleError,
    UnknownTrackError,
    Words,
)
from careergraph.graph import CareerGraph, role_of
from careergraph.limits import MAX_ALTERNATIVES
from careergraph.model import (
    POINTS_PER_SKILL,
    CareerMap,
    PointsRequirement,
    Profile,
    Resource,
    ResourceKind,
    Role,
    Skill,
    SkillCategory,
    Source,
    Track,
    Transition,
    normalize_name,
)

RouteCost = Literal["years", "steps", "gap"]

# Yen's algorithm yields candidates cheapest first; filters (--via, --max-steps) may reject many,
# so the search stops after this many candidates rather than enumerate every simple path.
SEARCH_LIMIT = 20_000
_EPSILON = 1e-9

# A move is steep when a skill its source role already asks for must rise by more than
# STEEP_AT_ONCE level plus one for every STEEP_YEARS_PER_LEVEL years the move takes (1 year: 1
# level; 1.5 or 2 years: 2; 3 years: 3). A skill the source does not ask for may be held at any
# level, so a rise from 0 is never judged steep.
STEEP_AT_ONCE = 1
STEEP_YEARS_PER_LEVEL = 1.5


@dataclass(frozen=True)
class SkillChange:
    """A skill whose required level differs between two roles (0 = not required)."""

    skill: str
    from_level: int
    to_level: int

    @property
    def change(self) -> int:
        return self.to_level - self.from_level


@dataclass(frozen=True)
class PointsGap:
    """A points requirement of the target role, the points held towards it once its minimums
    are met, and one way to make up the rest: `suggested`, the fewest levels that do it."""

    requirement: PointsRequirement
    have: int
    suggested: tuple[SkillChange, ...] = ()

    @property
    def missing(self) -> int:
        """Points still to gain (0 when met)."""
        return max(0, self.requirement.total - self.have)

    @property
    def levels(self) -> int:
        """Levels the suggestion builds."""
        return sum(c.change for c in self.suggested)


@dataclass(frozen=True)
class SkillGap:
    """What moving from one role to another asks: skills to build, and skills no longer stressed.

    `points` holds the target's points requirements not yet met by the levels held once every
    minimum in `build` is reached, each with a suggestion of the levels that would meet it.
    """

    source: str
    target: str
    build: tuple[SkillChange, ...]
    dropped: tuple[SkillChange, ...]
    points: tuple[PointsGap, ...] = ()

    @property
    def size(self) -> int:
        """Total levels to gain: the minimums, then the fewest levels that meet every points
        requirement."""
        return sum(c.change for c in self.build) + sum(p.levels for p in self.points)


def points_suggestion(
    requirement: PointsRequirement, levels: Mapping[str, int]
) -> tuple[SkillChange, ...]:
    """Levels that bring `levels` up to `requirement`'s total, chosen the same way every time:
    one level at a time, to the skill whose next level adds the most points, then the one held
    lowest (its next level is the cheapest to build), then by id. With levels worth their own
    number (the default), that is the fewest levels that do it."""
    grown = {s: max(0, levels.get(s, 0)) for s in requirement.skills}
    missing = requirement.total - requirement.points(grown)

    def gain(skill: str) -> int:
        level = grown[skill]
        return requirement.weight(skill) * (requirement.value(level + 1) - requirement.value(level))

    while missing > 0:
        open_skills = [s for s in requirement.skills if grown[s] < POINTS_PER_SKILL]
        if not open_skills:
            break  # the loader refuses a total no mix of levels reaches
        skill = min(open_skills, key=lambda s: (-gain(s), grown[s], s))
        missing -= gain(skill)
        grown[skill] += 1
    changes = [
        SkillChange(s, max(0, levels.get(s, 0)), grown[s])
        for s in requirement.skills
        if grown[s] > max(0, levels.get(s, 0))
    ]
    changes.sort(key=lambda c: (-c.change, -c.to_level, c.skill))
    return tuple(changes)


def points_gaps(
    points: Sequence[PointsRequirement], levels: Mapping[str, int]
) -> tuple[tuple[PointsGap, ...], dict[str, int]]:
    """The points requirements `levels` (already raised to the role's minimums) do not meet,
    each with its suggestion, and the levels once every suggestion is taken, in the file's
    order of requirements (a later one counts what an earlier suggestion built)."""
    grown = dict(levels)
    gaps = []
    for requirement in points:
        have = requirement.points(grown)
        if have >= requirement.total:
            continue
        suggested = points_suggestion(requirement, grown)
        for change in suggested:
            grown[change.skill] = change.to_level
        gaps.append(PointsGap(requirement, have, suggested))
    return tuple(gaps), grown


def role_levels(role: Role) -> Mapping[str, int]:
    """The levels holding `role` means: its minimums, and its points requirements met as their
    suggestions meet them (from nothing but the minimums)."""
    return raised_levels({}, role) if role.points else role.skills


def raised_levels(levels: Mapping[str, int], target: Role) -> dict[str, int]:
    """`levels` once `target` is reached: every minimum met, then every points requirement by
    its suggestion."""
    grown = dict(levels)
    for skill, level in target.skills.items():
        if level > grown.get(skill, 0):
            grown[skill] = level
    if target.points:
        grown = points_gaps(target.points, grown)[1]
    return grown


@dataclass(frozen=True)
class Step:
    """One move on a route, with the skills it asks for and the years spent so far.

    `years` is what the move still takes: the transition's years, less any already served.
    """

    transition: Transition
    gap: SkillGap
    cumulative_years: float
    years: float | None = None

    @property
    def years_left(self) -> float:
        """Years this move still takes."""
        return self.transition.years if self.years is None else self.years

    @property
    def steep(self) -> tuple[SkillChange, ...]:
        """The skills this move asks to rise too fast for its years (see `steep_rises`)."""
        return steep_rises(self.gap, self.transition.years)


@dataclass(frozen=True)
class Route:
    """A way from one role to another."""

    roles: tuple[str, ...]
    steps: tuple[Step, ...]
    years: float

    @property
    def implied_moves(self) -> int:
        """How many of its moves no source states (implied by the data, or inferred)."""
        return sum(1 for step in self.steps if step.transition.basis != "stated")

    @property
    def years_estimated(self) -> bool:
        """True when any of its moves' years is an estimate."""
        return any(step.transition.years_estimated for step in self.steps)

    @property
    def gap_total(self) -> int:
        """The levels to build along the route: the sum of every step's skills to build."""
        return sum(step.gap.size for step in self.steps)


def route_rank(route: Route, by: RouteCost) -> tuple[Any, ...]:
    """The order routes are listed in: cheapest first, then fewer implied moves, then the rest.

    Every list of routes is sorted by this key, so ties never depend on the file's order.
    """
    years = round(route.years, 9)
    implied, steps = route.implied_moves, len(route.steps)
    if by == "steps":
        return (steps, implied, years, route.roles)
    if by == "gap":
        return (route.gap_total, implied, years, steps, route.roles)
    return (years, implied, steps, route.roles)


def steep_allowance(years: float) -> int:
    """The most levels a skill already held plausibly rises by in a move of `years`."""
    return STEEP_AT_ONCE + math.floor(years / STEEP_YEARS_PER_LEVEL + _EPSILON)


def steep_rises(gap: SkillGap, years: float) -> tuple[SkillChange, ...]:
    """The skills of `gap` already held that rise by more levels than `years` plausibly allow."""
    allowed = steep_allowance(years)
    return tuple(c for c in gap.build if c.from_level > 0 and c.change > allowed)


@dataclass(frozen=True)
class RoleReading:
    """The role a name was read as, and the other roles the same name goes by (ids)."""

    role: Role
    others: tuple[str, ...] = ()


def find_role(career_map: CareerMap, name: str) -> Role:
    """The role called `name` (id, any name in any language, or alias), ignoring case and width.

    Raises `AmbiguousRoleError` (with the candidates) for a name several roles go by when none
    is its primary reading, and `UnknownRoleError` (with suggestions) for a name no role has.
    """
    return read_role(career_map, name).role


def read_role(career_map: CareerMap, name: str) -> RoleReading:
    """The role `name` is read as, with the other roles it names when it names several."""
    ids, primary = career_map.readings(name)
    if primary is not None:
        return RoleReading(career_map.roles[primary], tuple(i for i in ids if i != primary))
    if ids:
        roles = [career_map.roles[i] for i in ids]
        listed = "; ".join(
            f"{r.id} ({r.name.get()}, track {career_map.tracks[r.track].name.get()})" for r in roles
        )
        words = Words.of(
            "error.ambiguous_role",
            name=name,
            candidates=tuple(
                Words.of(
                    "error.ambiguous_role.candidate",
                    id=r.id,
                    role=r.name,
                    track=career_map.tracks[r.track].name,
                )
                for r in roles
            ),
        )
        raise AmbiguousRoleError(
            name,
            ids,
            f"'{name}' names several roles, none of them first: {listed}; name one by its id",
            words,
        )
    raise UnknownRoleError(name, suggestions=role_suggestions(career_map, name))


def role_suggestions(career_map: CareerMap, name: str) -> list[str]:
    """Roles `name` may have meant, best first: every role with a name containing it, else the
    role with the closest name.

    A name contains the text when the text's words are a run of the name's words, the last one
    perhaps cut short ("Engineer I" is in "Software Engineer I" and "Software Engineer II", not
    in "Engineering Manager"); text in a script written without spaces may be anywhere in the
    name. The closest of those names comes first, so "Engineer I" suggests the engineer I before
    the engineer II.
    """
    wanted = normalize_name(name)
    if not wanted:
        return []
    words = _words(name)
    anywhere = not name.isascii()
    scores: dict[str, float] = {}
    index: dict[str, str] = {}
    for role in career_map.roles.values():
        for one in role.names():
            known = normalize_name(one)
            index.setdefault(known, role.id)
            if (wanted in known) if anywhere else _has_run(_words(one), words):
                score = difflib.SequenceMatcher(None, wanted, known).ratio()
                scores[role.id] = max(score, scores.get(role.id, 0.0))
    if scores:
        return sorted(scores, key=lambda r: (-round(scores[r], 9), r))
    close = difflib.get_close_matches(wanted, list(index), n=1, cutoff=0.6)
    return [index[close[0]]] if close else []


# Between words (after NFKC, which turns full-width brackets and spaces into these).
_WORD_BREAKS = re.compile("[\\s_\\-\u2010-\u2015\u30fb()/,.&]+")


def _words(name: str) -> list[str]:
    """A name's words, compared as names are (width- and case-insensitive)."""
    text = unicodedata.normalize("NFKC", name).casefold()
    return [w for w in _WORD_BREAKS.split(text) if w]


def _has_run(name: Sequence[str], words: Sequence[str]) -> bool:
    """True when `words` are consecutive words of `name`, the last perhaps only begun."""
    if not words:
        return False
    *whole, last = words
    for start in range(len(name) - len(words) + 1):
        here = name[start : start + len(words)]
        if list(here[:-1]) == whole and here[-1].startswith(last):
            return True
    return False


def find_track(career_map: CareerMap, name: str) -> Track:
    """The track called `name` (id or any name), ignoring case and width."""
    names = {track.id: [track.id, *track.name.all()] for track in career_map.tracks.values()}
    found, suggestion = _match(name, names)
    if found is None:
        raise UnknownTrackError(name, suggestion)
    return career_map.tracks[found]


def _match(name: str, names: Mapping[str, Iterable[str]]) -> tuple[str | None, str | None]:
    """The id whose names include `name` once normalised, else None and the closest id."""
    index: dict[str, str] = {}
    for id_, known in names.items():
        for one in known:
            index.setdefault(normalize_name(one), id_)
    wanted = normalize_name(name)
    if wanted in index:
        return index[wanted], None
    close = difflib.get_close_matches(wanted, list(index), n=1, cutoff=0.6)
    return None, index[close[0]] if close else None


def skill_gap(source: Role, target: Role, *, known: Mapping[str, int] | None = None) -> SkillGap:
    """Skills `target` needs above `source`'s level, largest rise first, and those it drops.

    `known` replaces `source`'s levels as the starting point: on a route, what every role so far
    has asked for, since a skill built two roles ago is not lost.
    """
    have = role_levels(source) if known is None else known
    counted = {skill for requirement in target.points for skill in requirement.skills}
    build = [
        SkillChange(skill, have.get(skill, 0), level)
        for skill, level in target.skills.items()
        if level > have.get(skill, 0)
    ]
    dropped = [
        SkillChange(skill, level, 0)
        for skill, level in source.skills.items()
        if skill not in target.skills and skill not in counted
    ]
    build.sort(key=lambda c: (-c.change, -c.to_level, c.skill))
    dropped.sort(key=lambda c: (-c.from_level, c.skill))
    points: tuple[PointsGap, ...] = ()
    if target.points:
        reached = {**have, **{c.skill: c.to_level for c in build}}
        points = points_gaps(target.points, reached)[0]
    return SkillGap(source.id, target.id, tuple(build), tuple(dropped), points)


def moves_from(graph: CareerGraph, role_id: str) -> list[tuple[Transition, SkillGap]]:
    """The moves open from a role, quickest first, each with its skill gap."""
    return _moves(graph, graph.out_edges(role_id, data="transition"))


def moves_into(graph: CareerGraph, role_id: str) -> list[tuple[Transition, SkillGap]]:
    """The moves that lead into a role, quickest first, each with its skill gap."""
    return _moves(graph, graph.in_edges(role_id, data="transition"))


def _moves(
    graph: CareerGraph, edges: Iterable[tuple[str, str, Transition]]
) -> list[tuple[Transition, SkillGap]]:
    moves = [
        (move, skill_gap(role_of(graph, move.source), role_of(graph, move.target)))
        for _, _, move in edges
    ]
    moves.sort(
        key=lambda m: (m[0].years, m[0].basis != "stated", m[1].size, m[0].source, m[0].target)
    )
    return moves


def find_routes(
    graph: CareerGraph,
    source: str,
    target: str,
    *,
    alternatives: int = 0,
    via: Sequence[str] = (),
    avoid: Sequence[str] = (),
    max_steps: int | None = None,
    by: RouteCost = "years",
    start_levels: Mapping[str, int] | None = None,
    years_done: float = 0.0,
) -> list[Route]:
    """The best route and up to `alternatives` more distinct ones, cheapest first.

    Cost is total years (`by="years"`), number of moves (`by="steps"`) or levels to build
    (`by="gap"`); ties go as `route_rank` says (fewer implied moves first), then role ids in
    order, so the answer never depends on file order. A route passes through every role in `via`
    (in any order) and none in `avoid`.
    `start_levels` are the skills held at the start (else the source role's), and `years_done`
    the years already served in it, taken off the first move.
    """
    _check_route_question(source, target, via, avoid, max_steps, alternatives)
    avoided = set(avoid)
    view = nx.subgraph_view(graph, filter_node=lambda n: n not in avoided) if avoided else graph
    for stop in (*via, target):
        if not nx.has_path(view, source, stop) or not nx.has_path(view, stop, target):
            raise _no_route(source, target, via, avoid, max_steps)

    wanted = 1 + alternatives
    if by == "gap":
        return _routes_by_gap(
            graph, source, target, wanted, via, avoided, max_steps, start_levels, years_done
        )
    weight = "years" if by == "years" else None
    succ: _Adjacency = graph._succ  # type: ignore[attr-defined]
    pred: _Adjacency = graph._pred  # type: ignore[attr-defined]
    if weight is not None and years_done:
        succ, pred = _served(succ, pred, source, years_done)
    found: list[Route] = []
    paths = _simple_paths(succ, pred, source, target, weight, avoided)
    for examined, path in enumerate(paths):
        if examined >= SEARCH_LIMIT:
            break
        steps = len(path) - 1
        if max_steps is not None and steps > max_steps:
            if by == "steps":
                break  # candidates come in step order: none later can be short enough
            continue
        if not all(stop in path for stop in via):
            continue
        route = _route(graph, path, start_levels, years_done)
        if len(found) >= wanted and _cost(route, by) > _cost(found[wanted - 1], by) + _EPSILON:
            break  # past the last tie for the final place
        found.append(route)
    if not found:
        raise _no_route(source, target, via, avoid, max_steps)
    found.sort(key=lambda r: route_rank(r, by))
    return found[:wanted]


def _routes_by_gap(
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
    routes are ranked. At most SEARCH_LIMIT partial routes are taken.
    """
    ahead = _can_reach(graph, target, avoided)
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
            route = exact.pop(path, None) or _route(graph, path, start_levels, years_done)
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
        for there, edge in graph._succ[here].items():  # type: ignore[attr-defined]
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
    if not found:
        raise _no_route(source, target, via, sorted(avoided), max_steps)
    return found


# A route being searched by gap: levels to build, implied moves, years, moves, roles; then what
# is never compared (the roles differ first): the years of each move, summed exactly as a route
# sums them, and the highest level of each skill the roles so far, `via` and the target ask.
_PartialRoute = tuple[int, int, float, int, tuple[str, ...], tuple[float, ...], dict[str, int]]


def _can_reach(graph: CareerGraph, target: str, avoided: set[str]) -> set[str]:
    """The roles with a way to `target` that avoids `avoided`, the target included."""
    seen, todo = {target}, [target]
    pred: _Adjacency = graph._pred  # type: ignore[attr-defined]
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


class _Patched(dict[str, dict[str, dict[str, float]]]):
    """An adjacency with some roles' moves replaced; any other role's are looked up in `base`."""

    def __init__(self, base: _Adjacency, replaced: _Adjacency) -> None:
        super().__init__(replaced)
        self.base = base

    def __missing__(self, role: str) -> dict[str, dict[str, float]]:
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


_Adjacency = dict[str, dict[str, dict[str, float]]]
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
        for there, data in sides[side][here].items():
            if there in blocked or ((here, there) if side == 0 else (there, here)) in cut:
                continue
            new = cost + (data[weight] if weight is not None else 1.0)
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
        for there, data in succ[here].items():
            if there in blocked or (here, there) in cut:
                continue
            ahead = estimate(there)
            if ahead == math.inf:
                continue  # cannot reach the target at all
            new = cost + (data[weight] if weight is not None else 1.0)
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
        while queue and queue[0][0] <= bound + _EPSILON:
            cost, here = heapq.heappop(queue)
            if here in settled:
                continue
            settled[here] = cost
            for there, data in self.pred[here].items():
                if there in self.avoided or there in settled:
                    continue
                new = cost + (data[weight] if weight is not None else 1.0)
                if new < tentative.get(there, math.inf):
                    tentative[there] = new
                    heapq.heappush(queue, (new, there))

    def estimate(self, role: str) -> float:
        """The cost from `role` to the target, or a lower bound for it; inf if it cannot."""
        if role in self.settled:
            return self.settled[role]
        return self.queue[0][0] if self.queue else math.inf


def _check_route_question(
    source: str,
    target: str,
    via: Sequence[str],
    avoid: Sequence[str],
    max_steps: int | None,
    alternatives: int,
) -> None:
    if source == target:
        raise CareerGraphError(
            f"'{source}' is both the start and the goal: name two different roles "
            f"(the moves open from it: careergraph next {source})",
            Words.of("error.same_role", role=source),
        )
    for role in avoid:
        if role in (source, target, *via):
            raise CareerGraphError(
                f"'{role}' cannot be both avoided and on the route",
                Words.of("error.avoid_on_route", role=role),
            )
    if max_steps is not None and max_steps < 1:
        raise CareerGraphError(
            f"the maximum number of steps must be at least 1, got {max_steps}",
            Words.of("error.max_steps", steps=max_steps),
        )
    if alternatives > MAX_ALTERNATIVES:
        raise CareerGraphError(
            f"at most {MAX_ALTERNATIVES} alternatives can be asked for, got {alternatives}",
            Words.of("error.alternatives_max", alternatives=alternatives, most=MAX_ALTERNATIVES),
        )
    if alternatives < 0:
        raise CareerGraphError(
            f"the number of alternatives cannot be negative, got {alternatives}",
            Words.of("error.alternatives", alternatives=alternatives),
        )


def _no_route(
    source: str, target: str, via: Sequence[str], avoid: Sequence[str], max_steps: int | None
) -> NoRouteError:
    conditions = [f"via {', '.join(via)}"] if via else []
    conditions += [f"avoiding {', '.join(avoid)}"] if avoid else []
    steps = "step" if max_steps == 1 else "steps"
    conditions += [f"in at most {max_steps} {steps}"] if max_steps is not None else []
    suffix = f" ({'; '.join(conditions)})" if conditions else ""
    said = [Words.of("error.no_route.via", roles=", ".join(via))] if via else []
    said += [Words.of("error.no_route.avoid", roles=", ".join(avoid))] if avoid else []
    step_key = "error.no_route.step" if max_steps == 1 else "error.no_route.steps"
    said += [Words.of(step_key, steps=max_steps)] if max_steps is not None else []
    words = (
        Words.of("error.no_route.when", source=source, target=target, conditions=tuple(said))
        if said
        else Words.of("error.no_route", source=source, target=target)
    )
    return NoRouteError(f"no route from '{source}' to '{target}'{suffix}", words)


def _route(
    graph: CareerGraph,
    path: Sequence[str],
    start_levels: Mapping[str, int] | None = None,
    years_done: float = 0.0,
) -> Route:
    steps = []
    spent: list[float] = []
    start = role_levels(role_of(graph, path[0])) if start_levels is None else start_levels
    built: dict[str, int] = dict(start)
    for here, there in itertools.pairwise(path):
        move: Transition = graph.edges[here, there]["transition"]
        left = max(0.0, move.years - years_done) if not spent else move.years
        spent.append(left)
        target: Role = role_of(graph, there)
        gap = skill_gap(role_of(graph, here), target, known=built)
        built = raised_levels(built, target)
        steps.append(Step(move, gap, math.fsum(spent), left))
    return Route(tuple(path), tuple(steps), math.fsum(spent))


def _cost(route: Route, by: RouteCost) -> float:
    return route.years if by == "years" else float(len(route.steps))


def profile_gap(profile: Profile, role: Role, target: Role) -> SkillGap:
    """What `target` asks above what the person holds, and what they hold that it no longer asks.

    `role` is the profile's current role; the person's own levels replace its levels.
    """
    have = profile.levels(role)
    gap = skill_gap(role, target, known=have)
    dropped = [
        SkillChange(skill, level, 0)
        for skill, level in have.items()
        if level > 0
        and skill not in target.skills
        and not any(skill in r.skills for r in target.points)
    ]
    dropped.sort(key=lambda c: (-c.from_level, c.skill))
    return SkillGap(gap.source, gap.target, gap.build, tuple(dropped), gap.points)


@dataclass(frozen=True)
class Reachable:
    """A role reachable from the start, by its quickest route, with the skills it asks above now."""

    role: str
    route: Route
    gap: SkillGap


def reachable_roles(
    graph: CareerGraph,
    source: str,
    within: float,
    *,
    start_levels: Mapping[str, int] | None = None,
    years_done: float = 0.0,
) -> list[Reachable]:
    """Every role whose quickest route from `source` takes at most `within` years, nearest first.

    One single-source Dijkstra search bounded by `within`; ties go to fewer moves, then the
    smaller skill gap, then the role id.
    """
    if not math.isfinite(within) or within < 0:
        raise CareerGraphError(
            f"the number of years must be a finite number, zero or more, got {within:g}",
            Words.of("error.within", years=f"{within:g}"),
        )
    paths = _nearest_paths(graph, source, within + _EPSILON, years_done)
    start: Role = role_of(graph, source)
    have = role_levels(start) if start_levels is None else start_levels
    found = []
    for target, path in paths.items():
        if target == source:
            continue
        route = _route(graph, path, start_levels, years_done)
        if route.years > within + _EPSILON:
            continue
        found.append(Reachable(target, route, skill_gap(start, role_of(graph, target), known=have)))
    found.sort(
        key=lambda r: (
            round(r.route.years, 9),
            r.route.implied_moves,
            len(r.route.steps),
            r.gap.size,
            r.role,
        )
    )
    return found


def _nearest_paths(
    graph: CareerGraph, source: str, cutoff: float, years_done: float
) -> dict[str, list[str]]:
    """The best way to every role within `cutoff` years: fewest years, then fewest implied
    moves, then fewest moves (a Dijkstra search on that whole key)."""
    succ = graph._succ  # type: ignore[attr-defined]
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


@dataclass(frozen=True)
class PlannedSkill:
    """A skill to build on one step, with the resources and certifications that build it."""

    change: SkillChange
    skill: Skill


@dataclass(frozen=True)
class PlannedStep:
    """One move of a plan: the move, the role it leads to, the skills to build (largest first)."""

    step: Step
    role: Role
    skills: tuple[PlannedSkill, ...]
    # The skills a points requirement's suggestion builds (see `SkillGap.points`).
    suggested: tuple[PlannedSkill, ...] = ()

    def certifications(self) -> list[PlannedSkill]:
        """The skills to build that are certifications."""
        return [p for p in self.skills if p.skill.category == SkillCategory.CERTIFICATION]

    def exams(self) -> list[Resource]:
        """Certification exams listed as resources of the skills to build, each once."""
        found: dict[tuple[tuple[str, str], ...], Resource] = {}
        for planned in self.skills:
            for resource in planned.skill.resources:
                if resource.kind is ResourceKind.CERTIFICATION:
                    found.setdefault(tuple(resource.title.translations.items()), resource)
        return list(found.values())


@dataclass(frozen=True)
class Plan:
    """A promotion plan: the route, then what each move asks and how to prepare for it."""

    route: Route
    steps: tuple[PlannedStep, ...]
    profile: Profile | None = None


def promotion_plan(career_map: CareerMap, route: Route, profile: Profile | None = None) -> Plan:
    """The plan for a route: per move, the skills to build (largest gap first) and their means."""
    steps = tuple(
        PlannedStep(
            step,
            career_map.roles[step.transition.target],
            tuple(PlannedSkill(c, career_map.skills[c.skill]) for c in step.gap.build),
            tuple(
                PlannedSkill(c, career_map.skills[c.skill])
                for points in step.gap.points
                for c in points.suggested
            ),
        )
        for step in route.steps
    )
    return Plan(route, steps, profile)


def step_sources(career_map: CareerMap, move: Transition, role: Role) -> list[Source]:
    """The sources behind one step of a plan: the move's, then the role's, each once."""
    cited = dict.fromkeys((*move.sources, *role.sources))
    return [career_map.sources[s] for s in cited if s in career_map.sources]


def map_section(
    career_map: CareerMap, roles: Iterable[str], moves: Iterable[Transition] | None = None
) -> CareerMap:
    """The part of the map holding only `roles` and the moves among them (or only `moves`)."""
    kept = set(roles)
    chosen = career_map.transitions if moves is None else tuple(moves)
    return dataclasses.replace(
        career_map,
        roles={r: career_map.roles[r] for r in sorted(kept)},
        transitions=tuple(t for t in chosen if t.source in kept and t.target in kept),
    )
