"""What changed between two versions of a career map, down to fields and route lengths."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any, Literal

import networkx as nx

from careergraph.graph import CareerGraph, build_graph
from careergraph.model import CareerMap, Text

RouteChangeKind = Literal["appeared", "disappeared", "longer", "shorter"]
_EPSILON = 1e-9
# Fields that name a record rather than describe it.
_KEY_FIELDS = {"id", "source", "target"}


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
    routes: tuple[RouteChange, ...]

    @property
    def same(self) -> bool:
        sections = (self.tracks, self.skills, self.roles, self.transitions)
        return not any(sections) and not self.routes


def compare_maps(old: CareerMap, new: CareerMap) -> MapChanges:
    """Tracks, skills, roles and moves added, removed or changed, and routes that changed.

    Routes are compared between every ordered pair of roles present in both maps: the quickest
    route by total years on each map, largest change first (routes that appeared or disappeared
    before any that got longer or shorter).
    """
    old_moves: dict[tuple[str, ...], Any] = {(t.source, t.target): t for t in old.transitions}
    new_moves: dict[tuple[str, ...], Any] = {(t.source, t.target): t for t in new.transitions}
    return MapChanges(
        tracks=_section(_by_id(old.tracks), _by_id(new.tracks)),
        skills=_section(_by_id(old.skills), _by_id(new.skills)),
        roles=_section(_by_id(old.roles), _by_id(new.roles)),
        transitions=_section(old_moves, new_moves),
        routes=route_changes(old, new),
    )


def _by_id(records: Mapping[str, Any]) -> dict[tuple[str, ...], Any]:
    return {(key,): record for key, record in records.items()}


def _section(
    old: Mapping[tuple[str, ...], Any], new: Mapping[tuple[str, ...], Any]
) -> SectionChanges:
    changed = []
    for key in sorted(old.keys() & new.keys()):
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
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


def _quickest(graph: CareerGraph) -> dict[str, dict[str, float]]:
    return {
        source: dict(lengths)
        for source, lengths in nx.all_pairs_dijkstra_path_length(graph, weight="years")
    }


def _same(first: float, second: float) -> bool:
    return abs(first - second) <= _EPSILON


def route_changes(old: CareerMap, new: CareerMap) -> tuple[RouteChange, ...]:
    """Quickest routes between roles in both maps that got longer, shorter, appeared or went."""
    before, after = _quickest(build_graph(old)), _quickest(build_graph(new))
    common = sorted(old.roles.keys() & new.roles.keys())
    found = []
    for source in common:
        for target in common:
            if source == target:
                continue
            old_years = before[source].get(target)
            new_years = after[source].get(target)
            if old_years is None and new_years is None:
                continue
            if old_years is not None and new_years is not None and _same(old_years, new_years):
                continue
            found.append(RouteChange(source, target, old_years, new_years))
    found.sort(key=lambda c: (-c.size, c.kind, c.source, c.target))
    return tuple(found)
