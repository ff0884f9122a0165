"""The career map as plain data, and the one place a `CareerMap` is built from a data file.

`careergraph.load.validate` checks a file and writes what it says as plain data (dicts, lists,
scalars and `marshal` records); the load cache keeps that data, and `build_map` makes the model
from it, whether it was just checked or read from the cache. The plain data leaves out where each
part was written: `places` are found again, by reading the files, only when something asks for
them (`careergraph lint`), through `LazyPlaces`.

Each role is kept as its own `marshal` record and built the first time it is asked for
(`LazyRoles`): a route on a map of 100,000 roles looks at a few dozen of them, and reading every
role's skills and texts is most of the cost of a load.
"""

from __future__ import annotations

import gc
import marshal
from collections.abc import Callable, ItemsView, Iterator, Mapping, Sequence, ValuesView
from contextlib import contextmanager
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

from careergraph.errors import CareerGraphError, Words
from careergraph.model import (
    DEFAULT_ROLE_YEARS,
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

if TYPE_CHECKING:  # the checked entries are read, never validated here: no pydantic at start-up
    from careergraph.load.schema import (
        CategorySpec,
        RoleSpec,
        SharedNameSpec,
        SkillSpec,
        SourceSpec,
        TrackSpec,
        TransitionSpec,
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
            from careergraph.load.cache import NO_CACHE_ENV

            words = Words.of(
                "the load cache's record of role '{role}' is not one careergraph "
                "wrote; remove the cache folder or set {env}=1",
                role=role_id,
                env=NO_CACHE_ENV,
            )
            raise CareerGraphError(words) from error

    def __iter__(self) -> Iterator[str]:
        return iter(self._records)

    def __len__(self) -> int:
        return len(self._records)

    def __contains__(self, role_id: object) -> bool:
        return role_id in self._records

    def __repr__(self) -> str:
        return f"<LazyRoles: {len(self._records)} roles, {len(self._built)} built>"


def build_map(
    data: Mapping[str, Any], path: str, places: Callable[[], Mapping[MapPath, Place]]
) -> CareerMap:
    """The career map whose plain data is `data`, read from `path`; `places` finds its places."""
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


# -- the plain data of a checked file ----------------------------------------------------------


def plain_map(
    *,
    sources: Mapping[str, SourceSpec],
    tracks: Mapping[str, TrackSpec],
    skills: Mapping[str, SkillSpec],
    roles: Mapping[str, RoleSpec],
    transitions: Sequence[TransitionSpec],
    allowances: Mapping[MapPath, Allowance],
    names: Mapping[str, SharedNameSpec],
    scale: Mapping[str, str | dict[str, str]],
    categories: Mapping[str, CategorySpec],
    built_in_categories: Sequence[str],
    track_order: Sequence[str],
) -> dict[str, Any]:
    """The plain data of a map whose entries have been checked (`careergraph.load.validate`).

    Entries come in their canonical order (ids sorted, categories as written); `categories` are
    the map's own, after the `built_in_categories` it keeps.
    """
    records = {k: _plain_role(r) for k, r in roles.items()}
    return {
        "sources": {k: [s.title, s.url] for k, s in sources.items()},
        "tracks": {
            k: [_plain_text(t.name), _maybe_plain(t.description)] for k, t in tracks.items()
        },
        "skills": {k: _plain_skill(s) for k, s in skills.items()},
        "roles": {k: marshal.dumps(record) for k, record in records.items()},
        "transitions": sorted(
            (_plain_move(t, roles) for t in transitions), key=lambda m: (m[0], m[1])
        ),
        "allowances": [[list(p), a.codes, a.why] for p, a in allowances.items()],
        "names": {k: [tuple(n.roles), n.primary, _maybe_plain(n.note)] for k, n in names.items()},
        "scale": _plain_levels(scale),
        "categories": {
            **{k: None for k in built_in_categories},
            **{k: _plain_text(c.name) for k, c in categories.items()},
        },
        "track_order": list(track_order),
        # What `fit` reads without building any role: each role's track, level and skills...
        "requirements": marshal.dumps({k: (r[1], r[2], r[4]) for k, r in records.items()}),
        # ... and the points requirements of the roles that have any.
        "points": marshal.dumps({k: r[11] for k, r in records.items() if r[11]}),
    }


def _plain_text(value: str | dict[str, str]) -> dict[str, str]:
    """A text by language; one given without a language serves every language (key "")."""
    return {"": value} if isinstance(value, str) else dict(value)


def _maybe_plain(value: str | dict[str, str] | None) -> dict[str, str] | None:
    return None if value is None else _plain_text(value)


def _plain_levels(texts: Mapping[str, str | dict[str, str]]) -> list[list[Any]]:
    """Level texts by level, lowest first (the file's keys are the levels as text)."""
    return [
        [level, _plain_text(text)] for level, text in sorted((int(k), v) for k, v in texts.items())
    ]


def _plain_skill(spec: SkillSpec) -> list[Any]:
    resources = [
        [_plain_text(r.title), r.kind, r.url, _maybe_plain(r.note), tuple(r.sources)]
        for r in spec.resources
    ]
    category = str(skill_category(spec.category))
    return [
        _plain_text(spec.name),
        category,
        _maybe_plain(spec.description),
        resources,
        _plain_levels(spec.levels),
    ]


def _plain_role(spec: RoleSpec) -> tuple[Any, ...]:
    points = tuple(
        (
            p.total,
            tuple(p.skills),
            {k: p.weights[k] for k in p.skills if k in p.weights},
            {int(k): v for k, v in sorted(p.values.items())},
        )
        for p in spec.points
    )
    return (
        _plain_text(spec.name),
        spec.track,
        spec.level,
        DEFAULT_ROLE_YEARS if spec.years is None else spec.years,
        dict(sorted(spec.skills.items())),
        tuple(spec.aliases),
        _maybe_plain(spec.summary),
        tuple(_plain_text(r) for r in spec.responsibilities),
        tuple(_plain_text(q) for q in spec.interview),
        tuple(spec.sources),
        spec.years_estimated or spec.years is None,
        points,
        _maybe_plain(spec.title),
    )


def _plain_move(spec: TransitionSpec, roles: Mapping[str, RoleSpec]) -> list[Any]:
    source = roles[spec.source]
    given = spec.years if spec.years is not None else source.years
    return [
        spec.source,
        spec.target,
        spec.kind,
        DEFAULT_ROLE_YEARS if given is None else given,
        _maybe_plain(spec.note),
        tuple(spec.sources),
        False,  # inferred: only `careergraph.similar` infers moves, never a file
        spec.basis,
        # A move that gives no years takes its source role's, estimated or not (and a role
        # that gives none either has the default, an estimate).
        spec.years_estimated
        or (spec.years is None and (source.years_estimated or source.years is None)),
    ]
