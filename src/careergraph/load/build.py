"""A checked `CareerMap` as plain data for the load cache, and back, without pydantic or YAML.

The plain form holds what the map says (entries in their canonical order, lint allowances) and
leaves out where each part was written: `places` are found again, by reading the files, only when
something asks for them (`careergraph lint`), through `LazyPlaces`.

Each role is kept as its own `marshal` record and built the first time it is asked for
(`LazyRoles`): a route on a map of 100,000 roles looks at a few dozen of them, and reading every
role's skills and texts is most of the cost of a load.
"""

from __future__ import annotations

import gc
import marshal
from collections.abc import Callable, ItemsView, Iterator, Mapping, ValuesView
from contextlib import contextmanager
from types import MappingProxyType
from typing import Any, TypeVar

from careergraph.errors import CareerGraphError
from careergraph.model import (
    Allowance,
    CareerMap,
    Category,
    MapPath,
    Place,
    PointsRequirement,
    Resource,
    ResourceKind,
    Role,
    SharedName,
    Skill,
    Source,
    Text,
    Track,
    Transition,
    TransitionKind,
    skill_category,
)

_K = TypeVar("_K")
_V = TypeVar("_V")

# Looked up rather than called: the enum call costs more than the rest of building a move.
_RESOURCE_KINDS = {k.value: k for k in ResourceKind}
_MOVE_KINDS = {k.value: k for k in TransitionKind}
_new = object.__new__
_set = object.__setattr__


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a map is read, or built from what was read.

    Reading builds millions of small containers and none of them forms a cycle; with the collector
    running, its passes over them cost more than the parsing (10,000 roles: about 3 times as long).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class LazyPlaces(Mapping[MapPath, Place]):
    """Where each part of a map was written, found on the first question about a place."""

    def __init__(self, find: Callable[[], Mapping[MapPath, Place]]) -> None:
        self._find: Callable[[], Mapping[MapPath, Place]] | None = find
        self._places: Mapping[MapPath, Place] = {}

    def _found(self) -> Mapping[MapPath, Place]:
        if self._find is not None:
            self._places, self._find = self._find(), None
        return self._places

    def __getitem__(self, path: MapPath) -> Place:
        return self._found()[path]

    def __iter__(self) -> Iterator[MapPath]:
        return iter(self._found())

    def __len__(self) -> int:
        return len(self._found())

    def __contains__(self, path: object) -> bool:
        return path in self._found()


# What a role asks for, without the rest of it: (track, level, skill id to level).
Requirements = tuple[str, int, Mapping[str, int]]


class LazyRoles(Mapping[str, Role]):
    """Roles by id, in the map's order, each built from its cached record when first asked for."""

    __slots__ = ("_asked", "_built", "_points", "_records")

    def __init__(
        self, records: dict[str, bytes], asked: bytes | None = None, points: bytes | None = None
    ) -> None:
        self._records = records
        self._built: dict[str, Role] = {}
        self._asked = asked
        self._points = points

    def points(self) -> Mapping[str, tuple[PointsRequirement, ...]] | None:
        """The points requirements of the roles that have any, from the cache's own index, or
        None when the cache has no such index."""
        if self._points is None:
            return None
        with collector_paused():
            try:
                found = marshal.loads(self._points)
                return {k: _points(v) for k, v in found.items() if k in self._records}
            except (EOFError, TypeError, ValueError):
                return None

    def requirements(self) -> Mapping[str, Requirements] | None:
        """Every role's track, level and skills from the cache's own index of them (a third of
        the cost of reading every role whole), or None when the cache has no index."""
        if self._asked is None:
            return None
        with collector_paused():
            try:
                found: dict[str, Requirements] = marshal.loads(self._asked)
            except (EOFError, TypeError, ValueError):
                return None
        return found if found.keys() == self._records.keys() else None

    def __getitem__(self, role_id: str) -> Role:
        try:
            return self._built[role_id]
        except KeyError:
            role = self._built[role_id] = self._build(role_id, self._records[role_id])
            return role

    def values(self) -> ValuesView[Role]:
        return self._every_role().values()

    def items(self) -> ItemsView[str, Role]:
        return self._every_role().items()

    @property
    def built(self) -> int:
        """How many roles have been built so far."""
        return len(self._built)

    def _every_role(self) -> dict[str, Role]:
        """Every role, in the map's order: what a command that looks at them all asks for."""
        if len(self._built) < len(self._records):
            with collector_paused():
                built = self._built
                self._built = {
                    k: built[k] if k in built else self._build(k, record)
                    for k, record in self._records.items()
                }
        return self._built

    @staticmethod
    def _build(role_id: str, record: bytes) -> Role:
        try:
            return _role(role_id, *marshal.loads(record))
        except (EOFError, KeyError, TypeError, ValueError) as error:
            # Only an entry written by hand gets here: the payload matched the hash in its header.
            raise CareerGraphError(
                f"the load cache's record of role '{role_id}' is not one careergraph wrote;"
                " remove the cache folder or set CAREERGRAPH_NO_CACHE=1"
            ) from error

    def __iter__(self) -> Iterator[str]:
        return iter(self._records)

    def __len__(self) -> int:
        return len(self._records)

    def __contains__(self, role_id: object) -> bool:
        return role_id in self._records

    def __repr__(self) -> str:
        return f"<LazyRoles: {len(self._records)} roles, {len(self._built)} built>"


def plain_form(career_map: CareerMap) -> dict[str, Any]:
    """What `career_map` says, as dicts, lists and scalars that `marshal` can keep."""
    return {
        "sources": {k: [s.title, s.url] for k, s in career_map.sources.items()},
        "tracks": {
            k: [_plain_text(t.name), _maybe_plain(t.description)]
            for k, t in career_map.tracks.items()
        },
        "skills": {
            k: [
                _plain_text(s.name),
                str(s.category),
                _maybe_plain(s.description),
                [
                    [_plain_text(r.title), r.kind.value, r.url, _maybe_plain(r.note), r.sources]
                    for r in s.resources
                ],
                _plain_levels(s.levels),
            ]
            for k, s in career_map.skills.items()
        },
        "roles": {
            k: marshal.dumps(
                (
                    _plain_text(r.name),
                    r.track,
                    r.level,
                    r.years,
                    dict(r.skills),
                    r.aliases,
                    _maybe_plain(r.summary),
                    tuple(_plain_text(t) for t in r.responsibilities),
                    tuple(_plain_text(t) for t in r.interview),
                    r.sources,
                    r.years_estimated,
                    _plain_points(r.points),
                    _maybe_plain(r.title),
                )
            )
            for k, r in career_map.roles.items()
        },
        "transitions": [
            [
                t.source,
                t.target,
                t.kind.value,
                t.years,
                _maybe_plain(t.note),
                t.sources,
                t.inferred,
                t.basis,
                t.years_estimated,
            ]
            for t in career_map.transitions
        ],
        "allowances": [[list(p), a.codes, a.why] for p, a in career_map.allowances.items()],
        "names": {
            k: [n.roles, n.primary, _maybe_plain(n.note)] for k, n in career_map.names.items()
        },
        "scale": _plain_levels(career_map.scale),
        "categories": {k: _maybe_plain(c.name) for k, c in career_map.categories.items()},
        "track_order": list(career_map.track_order),
        "requirements": marshal.dumps(
            {k: (r.track, r.level, dict(r.skills)) for k, r in career_map.roles.items()}
        ),
        # Only the roles with points requirements, so `fit` need not build every role.
        "points": marshal.dumps(
            {k: _plain_points(r.points) for k, r in career_map.roles.items() if r.points}
        ),
    }


def build_map(
    data: Mapping[str, Any], path: str, places: Callable[[], Mapping[MapPath, Place]]
) -> CareerMap:
    """The career map `plain_form` gave `data`, read from `path`; `places` finds its places."""
    return CareerMap(
        path=path,
        sources=_frozen({k: Source(k, title, url) for k, (title, url) in data["sources"].items()}),
        tracks=_frozen(
            {
                k: Track(k, _text(name), _maybe_text(about))
                for k, (name, about) in data["tracks"].items()
            }
        ),
        skills=_frozen({k: _skill(k, *raw) for k, raw in data["skills"].items()}),
        roles=_roles(data["roles"], data["requirements"], data["points"]),
        transitions=tuple(_transition(*raw) for raw in data["transitions"]),
        allowances=_frozen(
            {tuple(p): Allowance(tuple(codes), why) for p, codes, why in data["allowances"]}
        ),
        places=LazyPlaces(places),
        names=_frozen(
            {
                k: SharedName(k, tuple(roles), primary, _maybe_text(note))
                for k, (roles, primary, note) in data["names"].items()
            }
        ),
        scale=_levels(data["scale"]),
        categories=_frozen(
            {k: Category(k, _maybe_text(name)) for k, name in data["categories"].items()}
        ),
        track_order=tuple(data["track_order"]),
    )


def _plain_text(text: Text) -> dict[str, str]:
    return dict(text.translations)


def _maybe_plain(text: Text | None) -> dict[str, str] | None:
    return None if text is None else _plain_text(text)


def _plain_levels(levels: Mapping[int, Text]) -> list[list[Any]]:
    return [[level, _plain_text(text)] for level, text in levels.items()]


def _levels(pairs: list[list[Any]]) -> Mapping[int, Text]:
    return MappingProxyType({int(level): _text(text) for level, text in pairs})


def _text(value: dict[str, str]) -> Text:
    # The plain data is read fresh for each map, so its dicts can be wrapped without a copy.
    return Text(MappingProxyType(value))


def _maybe_text(value: dict[str, str] | None) -> Text | None:
    return None if value is None else Text(MappingProxyType(value))


def _skill(
    key: str,
    name: Any,
    category: str,
    description: Any,
    resources: list[list[Any]],
    levels: list[list[Any]],
) -> Skill:
    return Skill(
        key,
        _text(name),
        skill_category(category),
        _maybe_text(description),
        tuple(
            Resource(_text(title), _RESOURCE_KINDS[kind], url, _maybe_text(note), tuple(sources))
            for title, kind, url, note, sources in resources
        ),
        _levels(levels),
    )


def _role(
    key: str,
    name: Any,
    track: str,
    level: int,
    years: float,
    skills: dict[str, int],
    aliases: tuple[str, ...],
    summary: Any,
    responsibilities: tuple[Any, ...],
    interview: tuple[Any, ...],
    sources: tuple[str, ...],
    years_estimated: bool,
    points: tuple[Any, ...],
    title: Any,
) -> Role:
    return Role(
        key,
        _text(name),
        track,
        level,
        years,
        MappingProxyType(skills),
        tuple(aliases),
        _maybe_text(summary),
        tuple(map(_text, responsibilities)),
        tuple(map(_text, interview)),
        tuple(sources),
        years_estimated,
        _points(points),
        _maybe_text(title),
    )


def _plain_points(points: tuple[PointsRequirement, ...]) -> tuple[Any, ...]:
    return tuple((p.total, p.skills, dict(p.weights), dict(p.values)) for p in points)


def _points(plain: tuple[Any, ...]) -> tuple[PointsRequirement, ...]:
    return tuple(
        PointsRequirement(total, tuple(skills), MappingProxyType(weights), MappingProxyType(values))
        for total, skills, weights, values in plain
    )


def _transition(
    source: str,
    target: str,
    kind: str,
    years: float,
    note: Any,
    sources: tuple[str, ...],
    inferred: bool,
    basis: str,
    years_estimated: bool,
) -> Transition:
    # Made as pickle makes an object, without the frozen dataclass's __init__ and its nine
    # guarded setattr calls: a map of 100,000 roles has 176,000 moves, and this halves their cost.
    move = _new(Transition)
    _set(
        move,
        "__dict__",
        {
            "source": source,
            "target": target,
            "kind": _MOVE_KINDS[kind],
            "years": years,
            "note": None if note is None else Text(MappingProxyType(note)),
            "sources": tuple(sources),
            "inferred": inferred,
            "basis": basis,
            "years_estimated": years_estimated,
        },
    )
    return move


def _roles(records: dict[str, bytes], asked: bytes, points: bytes) -> LazyRoles:
    if not all(type(record) is bytes for record in records.values()) or type(asked) is not bytes:
        raise TypeError("a role's record is not bytes")
    if type(points) is not bytes:
        raise TypeError("the index of points requirements is not bytes")
    return LazyRoles(records, asked, points)


def role_requirements(roles: Mapping[str, Role]) -> Mapping[str, Requirements]:
    """Every role's track, level and skills: from the cache's index when the roles were not all
    built yet (commands that need only these, such as `fit`, then never build them)."""
    if isinstance(roles, LazyRoles) and roles.built < len(roles):
        found = roles.requirements()
        if found is not None:
            return found
    return {k: (r.track, r.level, r.skills) for k, r in roles.items()}


def role_points(roles: Mapping[str, Role]) -> Mapping[str, tuple[PointsRequirement, ...]]:
    """The points requirements of every role that has any, read as `role_requirements` reads."""
    if isinstance(roles, LazyRoles) and roles.built < len(roles):
        found = roles.points()
        if found is not None:
            return found
    return {k: r.points for k, r in roles.items() if r.points}


def _frozen(mapping: dict[_K, _V]) -> Mapping[_K, _V]:
    return MappingProxyType(mapping)
