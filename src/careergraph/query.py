"""Questions asked of the career map: which role is meant, routes between roles, skill gaps.

The functions here are careergraph's library API; the route searches behind them live in
`careergraph.search`, routes in `careergraph.routes` and skill gaps in `careergraph.gaps`.
"""

from __future__ import annotations

import dataclasses
import difflib
import math
import re
import unicodedata
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass

from careergraph.catalogue import N_
from careergraph.errors import (
    AmbiguousRoleError,
    CareerGraphError,
    NoRouteError,
    UnknownRoleError,
    UnknownTrackError,
    Words,
)
from careergraph.gaps import (
    PointsGap,
    SkillChange,
    SkillGap,
    points_gaps,
    points_suggestion,
    profile_gap,
    raised_levels,
    role_levels,
    skill_gap,
)
from careergraph.graph import CareerGraph, role_of
from careergraph.limits import MAX_ALTERNATIVES
from careergraph.model import (
    CareerMap,
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
from careergraph.routes import (
    EPSILON,
    Route,
    RouteCost,
    Step,
    build_route,
    route_cost,
    route_rank,
    steep_allowance,
    steep_rises,
)
from careergraph.search import SEARCH_LIMIT, cheapest_paths, nearest_paths, routes_by_gap

__all__ = [
    "SEARCH_LIMIT",
    "Plan",
    "PlannedSkill",
    "PlannedStep",
    "PointsGap",
    "Reachable",
    "RoleReading",
    "Route",
    "RouteCost",
    "SkillChange",
    "SkillGap",
    "Step",
    "find_role",
    "find_routes",
    "find_track",
    "map_section",
    "moves_from",
    "moves_into",
    "points_gaps",
    "points_suggestion",
    "profile_gap",
    "promotion_plan",
    "raised_levels",
    "reachable_roles",
    "read_role",
    "require_roles",
    "role_levels",
    "role_suggestions",
    "route_rank",
    "skill_gap",
    "steep_allowance",
    "steep_rises",
    "step_sources",
]


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
        # A title every candidate shares: its title-and-track names pick one.
        wanted = normalize_name(name)
        first = roles[0]
        shared = all(r.title and wanted in map(normalize_name, r.title.all()) for r in roles)
        words = Words.of(
            N_(
                "'{name}' names several roles, none of them first: {candidates}; "
                "name one by its id or by its title and track, as '{example}'"
            )
            if shared
            else N_(
                "'{name}' names several roles, none of them first: {candidates}; name one by its id"
            ),
            name=name,
            example=Words.of(
                "{title} ({track})",
                title=first.title,
                track=career_map.tracks[first.track].name,
            ),
            candidates=tuple(
                Words.of(
                    "{id} ({role}, track {track})",
                    id=r.id,
                    role=r.name,
                    track=career_map.tracks[r.track].name,
                )
                for r in roles
            ),
        )
        raise AmbiguousRoleError(name, ids, words)
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


def require_roles(where: CareerGraph | CareerMap, role_ids: Iterable[str]) -> None:
    """Raise `UnknownRoleError` for the first of `role_ids` that is no role of the map or graph,
    with the roles it may have meant; every function here that takes role ids checks them so."""
    if isinstance(where, CareerMap):
        known: Container[str] = where.roles
        career_map = where
    else:
        known, career_map = where, where.graph["map"]
    for role_id in role_ids:
        if role_id not in known:
            raise UnknownRoleError(role_id, suggestions=role_suggestions(career_map, role_id))


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


def moves_from(graph: CareerGraph, role_id: str) -> list[tuple[Transition, SkillGap]]:
    """The moves open from a role, quickest first, each with its skill gap."""
    require_roles(graph, [role_id])
    return _moves(graph, graph.out_edges(role_id, data="transition"))


def moves_into(graph: CareerGraph, role_id: str) -> list[tuple[Transition, SkillGap]]:
    """The moves that lead into a role, quickest first, each with its skill gap."""
    require_roles(graph, [role_id])
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
    import networkx as nx  # here, not at the top: lint and fit reach this module, not routes

    require_roles(graph, [source, target, *via, *avoid])
    _check_route_question(source, target, via, avoid, max_steps, alternatives)
    avoided = set(avoid)
    view = nx.subgraph_view(graph, filter_node=lambda n: n not in avoided) if avoided else graph
    for stop in (*via, target):
        if not nx.has_path(view, source, stop) or not nx.has_path(view, stop, target):
            raise _no_route(source, target, via, avoid, max_steps)

    wanted = 1 + alternatives
    if by == "gap":
        found = routes_by_gap(
            graph, source, target, wanted, via, avoided, max_steps, start_levels, years_done
        )
        if not found:
            raise _no_route(source, target, via, sorted(avoided), max_steps)
        return found
    weight = "years" if by == "years" else None
    served = years_done if weight is not None else 0.0
    found = []
    paths = cheapest_paths(graph, source, target, weight, avoided, served)
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
        route = build_route(graph, path, start_levels, years_done)
        if (
            len(found) >= wanted
            and route_cost(route, by) > route_cost(found[wanted - 1], by) + EPSILON
        ):
            break  # past the last tie for the final place
        found.append(route)
    if not found:
        raise _no_route(source, target, via, avoid, max_steps)
    found.sort(key=lambda r: route_rank(r, by))
    return found[:wanted]


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
            Words.of(
                "'{role}' is both the start and the goal: name two different "
                "roles (the moves open from it: careergraph next {role})",
                role=source,
            )
        )
    for role in avoid:
        if role in (source, target, *via):
            raise CareerGraphError(
                Words.of("'{role}' cannot be both avoided and on the route", role=role)
            )
    if max_steps is not None and max_steps < 1:
        raise CareerGraphError(
            Words.of("the maximum number of steps must be at least 1, got {steps}", steps=max_steps)
        )
    if alternatives > MAX_ALTERNATIVES:
        raise CareerGraphError(
            Words.of(
                "at most {most} alternatives can be asked for, got {alternatives}",
                alternatives=alternatives,
                most=MAX_ALTERNATIVES,
            )
        )
    if alternatives < 0:
        raise CareerGraphError(
            Words.of(
                "the number of alternatives cannot be negative, got {alternatives}",
                alternatives=alternatives,
            )
        )


def _no_route(
    source: str, target: str, via: Sequence[str], avoid: Sequence[str], max_steps: int | None
) -> NoRouteError:
    said = [Words.of("via {roles}", roles=", ".join(via))] if via else []
    said += [Words.of("avoiding {roles}", roles=", ".join(avoid))] if avoid else []
    step_key = N_("in at most {steps} step") if max_steps == 1 else N_("in at most {steps} steps")
    said += [Words.of(step_key, steps=max_steps)] if max_steps is not None else []
    words = (
        Words.of(
            "no route from '{source}' to '{target}' ({conditions})",
            source=source,
            target=target,
            conditions=tuple(said),
        )
        if said
        else Words.of("no route from '{source}' to '{target}'", source=source, target=target)
    )
    return NoRouteError(words)


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
    require_roles(graph, [source])
    if not math.isfinite(within) or within < 0:
        raise CareerGraphError(
            Words.of(
                "the number of years must be a finite number, zero or more, got {years}",
                years=f"{within:g}",
            )
        )
    paths = nearest_paths(graph, source, within + EPSILON, years_done)
    start: Role = role_of(graph, source)
    have = role_levels(start) if start_levels is None else start_levels
    found = []
    for target, path in paths.items():
        if target == source:
            continue
        route = build_route(graph, path, start_levels, years_done)
        if route.years > within + EPSILON:
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
    require_roles(career_map, sorted(kept))
    chosen = career_map.transitions if moves is None else tuple(moves)
    return dataclasses.replace(
        career_map,
        roles={r: career_map.roles[r] for r in sorted(kept)},
        transitions=tuple(t for t in chosen if t.source in kept and t.target in kept),
    )
