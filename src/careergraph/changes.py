"""What changed between two versions of a career map, down to fields and route lengths."""

from __future__ import annotations

import dataclasses
import heapq
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from types import MappingProxyType
from typing import Any, Literal

from careergraph.model import CareerMap, Text

RouteChangeKind = Literal["appeared", "disappeared", "longer", "shorter"]
_EPSILON = 1e-9
# Fields that name a record rather than describe it.
_KEY_FIELDS = {"id", "source", "target", "name_as_written"}


@dataclass(frozen=True)
class ScaleLevel:
    """What one level of the map's `scale` means, as a record `diff` compares."""

    text: Text


@dataclass(frozen=True)
class NameRecord:
    """An entry of the map's `names` (a name several roles go by), as `diff` compares it."""

    name_as_written: str
    roles: tuple[str, ...]
    primary: str | None
    note: Text | None


@dataclass(frozen=True)
class FieldChange:
    """One field's old and new value; None where the field is absent."""

    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class Changed:
    """A record in both maps whose fields differ; `key` is its id, or (from, to) for a move."""

    key: tuple[str, ...]
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True)
class SectionChanges:
    """Records of one kind added, removed or changed, each list in key order."""

    added: tuple[tuple[str, ...], ...] = ()
    removed: tuple[tuple[str, ...], ...] = ()
    changed: tuple[Changed, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)


@dataclass(frozen=True)
class RouteChange:
    """The quickest route (by years) between two roles, before and after; None for no route."""

    source: str
    target: str
    old_years: float | None
    new_years: float | None

    @property
    def kind(self) -> RouteChangeKind:
        if self.old_years is None:
            return "appeared"
        if self.new_years is None:
            return "disappeared"
        return "longer" if self.new_years > self.old_years else "shorter"

    @property
    def size(self) -> float:
        """Years gained or lost; a route that appeared or disappeared counts as infinitely big."""
        if self.old_years is None or self.new_years is None:
            return math.inf
        return abs(self.new_years - self.old_years)


@dataclass(frozen=True)
class MapChanges:
    """Everything that differs between an old and a new map."""

    tracks: SectionChanges
    skills: SectionChanges
    roles: SectionChanges
    transitions: SectionChanges
    comparison: RouteComparison
    # What a designer edits besides the ladders; each empty when unchanged.
    scale: SectionChanges = SectionChanges()
    categories: SectionChanges = SectionChanges()
    sources: SectionChanges = SectionChanges()
    names: SectionChanges = SectionChanges()

    @property
    def routes(self) -> tuple[RouteChange, ...]:
        """The changed routes listed, largest change first."""
        return self.comparison.listed

    @property
    def same(self) -> bool:
        sections = (self.tracks, self.skills, self.roles, self.transitions)
        others = (self.scale, self.categories, self.sources, self.names)
        return not any(sections) and not any(others) and not self.comparison.total


def compare_maps(old: CareerMap, new: CareerMap, *, limit: int | None = None) -> MapChanges:
    """Tracks, skills, roles and moves added, removed or changed, and routes that changed; and
    the same for the levels of the `scale`, the `categories`, the `sources` and the `names`.

    Routes are compared between every ordered pair of roles present in both maps: the quickest
    route by total years on each map, largest change first (routes that appeared or disappeared
    before any that got longer or shorter); `limit` keeps only that many of them listed (the
    tally counts all). See `route_changes` for the bound on the work.
    """
    old_moves: dict[tuple[str, ...], Any] = {(t.source, t.target): t for t in old.transitions}
    new_moves: dict[tuple[str, ...], Any] = {(t.source, t.target): t for t in new.transitions}
    return MapChanges(
        tracks=_section(_by_id(old.tracks), _by_id(new.tracks)),
        skills=_section(_by_id(old.skills), _by_id(new.skills)),
        roles=_section(_by_id(old.roles), _by_id(new.roles)),
        transitions=_section(old_moves, new_moves),
        comparison=route_changes(old, new, limit),
        scale=_section(_scale(old), _scale(new)),
        categories=_section(_by_id(old.categories), _by_id(new.categories)),
        sources=_section(_by_id(old.sources), _by_id(new.sources)),
        names=_section(_names(old), _names(new)),
    )


def _scale(career_map: CareerMap) -> dict[tuple[str, ...], Any]:
    return {(str(level),): ScaleLevel(text) for level, text in career_map.scale.items()}


def _names(career_map: CareerMap) -> dict[tuple[str, ...], Any]:
    return {
        (name,): NameRecord(name, shared.roles, shared.primary, shared.note)
        for name, shared in career_map.names.items()
    }


def _by_id(records: Mapping[str, Any]) -> dict[tuple[str, ...], Any]:
    return {(key,): record for key, record in records.items()}


def _section(
    old: Mapping[tuple[str, ...], Any], new: Mapping[tuple[str, ...], Any]
) -> SectionChanges:
    changed = []
    for key in sorted(old.keys() & new.keys()):
        if old[key] == new[key]:
            continue  # equal records have equal fields: most of a large map, found quickly
        before, after = fields(old[key]), fields(new[key])
        changes = tuple(
            FieldChange(name, before.get(name), after.get(name))
            for name in sorted(before.keys() | after.keys())
            if before.get(name) != after.get(name)
        )
        if changes:
            changed.append(Changed(key, changes))
    return SectionChanges(
        added=tuple(sorted(new.keys() - old.keys())),
        removed=tuple(sorted(old.keys() - new.keys())),
        changed=tuple(changed),
    )


def fields(record: Any) -> dict[str, Any]:
    """A record's fields as plain, comparable values: `name.en`, `skills.coding`, `years`."""
    out: dict[str, Any] = {}
    for field in dataclasses.fields(record):
        if field.name not in _KEY_FIELDS:
            _flatten(field.name, getattr(record, field.name), out)
    return out


def _flatten(name: str, value: Any, out: dict[str, Any]) -> None:
    if value is None or value == ():
        return
    if isinstance(value, Text):
        for lang, text in value.as_dict().items():
            out[f"{name}.{lang}"] = text
    elif isinstance(value, Mapping):
        for key, item in value.items():
            _flatten(f"{name}.{key}", item, out)
    else:
        out[name] = _plain(value)


def _plain(value: Any) -> Any:
    """A value as JSON-like data, so lists of texts or resources compare and print plainly."""
    if isinstance(value, Text):
        return value.as_dict()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


def _same(first: float, second: float) -> bool:
    return abs(first - second) <= _EPSILON


MAX_ROUTE_WORK = 1_000_000
"""Roles the route searches of one `diff` may settle and compare, in all (see README, Limits)."""


@dataclass(frozen=True)
class RouteComparison:
    """The quickest routes that changed: the first `limit` by `_order`, and how many in all.

    Routes are compared from every role that reaches a changed move, or into every role a
    changed move reaches, whichever are fewer (`direction`); no other route can have changed.
    `compared` of those `affected` roles were compared, in id order: all of them, unless their
    searches together would pass MAX_ROUTE_WORK.
    """

    listed: tuple[RouteChange, ...]
    tally: Mapping[RouteChangeKind, int]
    direction: Literal["from", "into"]
    compared: int
    affected: int

    @property
    def total(self) -> int:
        return sum(self.tally.values())

    @property
    def complete(self) -> bool:
        return self.compared == self.affected


class _Moves:
    """Both maps' moves over one numbering of all their roles, out and in, with their years."""

    def __init__(self, old: CareerMap, new: CareerMap) -> None:
        self.ids = sorted(old.roles.keys() | new.roles.keys())
        number = {role: index for index, role in enumerate(self.ids)}
        self.number = number
        self.out: list[list[list[tuple[int, float]]]] = []
        self.into: list[list[list[tuple[int, float]]]] = []
        self.years: list[dict[tuple[int, int], float]] = []
        for career_map in (old, new):
            out: list[list[tuple[int, float]]] = [[] for _ in self.ids]
            into: list[list[tuple[int, float]]] = [[] for _ in self.ids]
            years = {}
            for move in career_map.transitions:
                source, target = number[move.source], number[move.target]
                out[source].append((target, move.years))
                into[target].append((source, move.years))
                years[source, target] = move.years
            self.out.append(out)
            self.into.append(into)
            self.years.append(years)

    def changed(self) -> list[tuple[int, int]]:
        """Moves in one map only, or with other years in the other."""
        before, after = self.years
        return [
            pair
            for one, other in ((before, after), (after, before))
            for pair, years in one.items()
            if pair not in other or not _same(other[pair], years)
        ]

    def reached(self, adjacency: str, starts: Iterable[int]) -> set[int]:
        """Every role reached from `starts` (themselves included) on either map."""
        maps = self.out if adjacency == "out" else self.into
        seen = set(starts)
        stack = list(seen)
        while stack:
            here = stack.pop()
            for moves in maps:
                for there, _ in moves[here]:
                    if there not in seen:
                        seen.add(there)
                        stack.append(there)
        return seen


def _nearest(adjacency: list[list[tuple[int, float]]], start: int) -> tuple[list[float], int]:
    """The least years from `start` to every role (inf where unreached), and the roles settled."""
    years = [math.inf] * len(adjacency)
    years[start] = 0.0
    queue = [(0.0, start)]
    pop, push = heapq.heappop, heapq.heappush
    settled = 0
    while queue:
        cost, here = pop(queue)
        if cost > years[here]:
            continue  # reached again more cheaply since
        settled += 1
        for there, step in adjacency[here]:
            new = cost + step
            if new < years[there]:
                years[there] = new
                push(queue, (new, there))
    return years, settled


def _order(change: RouteChange) -> tuple[float, str, str, str]:
    return (-change.size, change.kind, change.source, change.target)


def route_changes(old: CareerMap, new: CareerMap, limit: int | None = None) -> RouteComparison:
    """Quickest routes between roles in both maps that got longer, shorter, appeared or went.

    Each compared role's routes are searched on both maps, tallied and dropped, keeping only the
    `limit` largest changes (all of them when `limit` is None), so memory stays with the map's
    size; the searches stop once they have settled and compared MAX_ROUTE_WORK roles in all.
    """
    moves = _Moves(old, new)
    common = {moves.number[role] for role in old.roles.keys() & new.roles.keys()}
    changed = moves.changed()
    # A route can only change if it can use a changed move: from a role reaching the move's
    # start, into a role its end reaches.
    sources = moves.reached("into", (a for a, _ in changed)) & common
    targets = moves.reached("out", (b for _, b in changed)) & common
    forward = len(sources) <= len(targets)
    starts = sorted(sources if forward else targets)
    ends = sorted(targets if forward else sources)
    before, after = (moves.out[0], moves.out[1]) if forward else (moves.into[0], moves.into[1])
    ids, inf = moves.ids, math.inf
    tally: dict[RouteChangeKind, int] = dict.fromkeys(_KINDS, 0)
    listed: list[RouteChange] = []
    work = compared = 0
    for start in starts:
        if compared and work >= MAX_ROUTE_WORK:
            break
        (was, old_count), (now, new_count) = _nearest(before, start), _nearest(after, start)
        work += old_count + new_count + len(ends)
        compared += 1
        for end in ends:
            old_years, new_years = was[end], now[end]
            if old_years == new_years or (
                old_years != inf and new_years != inf and _same(old_years, new_years)
            ):
                continue  # also the start itself, and ends reached on neither map
            pair = (ids[start], ids[end]) if forward else (ids[end], ids[start])
            change = RouteChange(
                *pair,
                None if old_years == inf else old_years,
                None if new_years == inf else new_years,
            )
            tally[change.kind] += 1
            listed.append(change)
        if limit is not None and len(listed) > 2 * limit + 1000:
            listed = heapq.nsmallest(limit, listed, key=_order)
    listed.sort(key=_order)
    return RouteComparison(
        tuple(listed if limit is None else listed[:limit]),
        MappingProxyType(tally),
        "from" if forward else "into",
        compared,
        len(starts),
    )


_KINDS: tuple[RouteChangeKind, ...] = ("appeared", "disappeared", "longer", "shorter")
