"""Turn a checked data file's plain data into the frozen `CareerMap`, without pydantic.

The same plain data comes from a file just checked or from the load cache, so a cache hit needs
neither the YAML parser nor the schema.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, TypeVar

from careergraph.model import (
    CareerMap,
    Resource,
    ResourceKind,
    Role,
    Skill,
    SkillCategory,
    Source,
    Text,
    Track,
    Transition,
    TransitionKind,
)

_V = TypeVar("_V")

# Looked up rather than called: the enum call costs more than the rest of building a move.
_CATEGORIES = {c.value: c for c in SkillCategory}
_RESOURCE_KINDS = {k.value: k for k in ResourceKind}
_MOVE_KINDS = {k.value: k for k in TransitionKind}


def canonical(data: dict[str, Any]) -> dict[str, Any]:
    """Checked plain data in the map's canonical order: entries by id, moves by (from, to).

    Ordered once, before the data is cached, so that building from the cache sorts nothing.
    """
    ordered: dict[str, Any] = {"version": data["version"]}
    for section in ("sources", "tracks", "skills", "roles"):
        entries = data.get(section, {})
        ordered[section] = {key: entries[key] for key in sorted(entries)}
    for role in ordered["roles"].values():
        role["skills"] = dict(sorted(role["skills"].items()))
    moves = data.get("transitions", [])
    ordered["transitions"] = sorted(moves, key=lambda move: (move["from"], move["to"]))
    return ordered


def build_map(data: Mapping[str, Any], path: str) -> CareerMap:
    """The career map held by checked plain `data` in canonical order, read from `path`."""
    roles = data["roles"]
    return CareerMap(
        path=path,
        sources=_frozen({k: Source(k, s["title"]) for k, s in data["sources"].items()}),
        tracks=_frozen({k: _track(k, t) for k, t in data["tracks"].items()}),
        skills=_frozen({k: _skill(k, s) for k, s in data["skills"].items()}),
        roles=_frozen({k: _role(k, r) for k, r in roles.items()}),
        transitions=tuple(_transition(t, roles) for t in data["transitions"]),
    )


def _text(value: str | dict[str, str]) -> Text:
    # The plain data is read fresh for each map, so its dicts can be wrapped without a copy.
    if isinstance(value, str):
        return Text.plain(value)
    return Text(MappingProxyType(value))


def _maybe_text(value: str | dict[str, str] | None) -> Text | None:
    return None if value is None else _text(value)


def _track(key: str, raw: dict[str, Any]) -> Track:
    return Track(key, _text(raw["name"]), _maybe_text(raw.get("description")))


def _skill(key: str, raw: dict[str, Any]) -> Skill:
    return Skill(
        id=key,
        name=_text(raw["name"]),
        category=_CATEGORIES[raw["category"]],
        description=_maybe_text(raw.get("description")),
        resources=tuple(_resource(r) for r in raw.get("resources", ())),
    )


def _resource(raw: dict[str, Any]) -> Resource:
    return Resource(
        title=_text(raw["title"]),
        kind=_RESOURCE_KINDS[raw["kind"]],
        url=raw.get("url"),
        note=_maybe_text(raw.get("note")),
        sources=tuple(raw.get("sources", ())),
    )


def _role(key: str, raw: dict[str, Any]) -> Role:
    get = raw.get
    summary = get("summary")
    return Role(
        key,
        _text(raw["name"]),
        raw["track"],
        raw["level"],
        float(raw["years"]),
        MappingProxyType(raw["skills"]),
        tuple(get("aliases", ())),
        None if summary is None else _text(summary),
        tuple(map(_text, get("responsibilities", ()))),
        tuple(map(_text, get("interview", ()))),
        tuple(get("sources", ())),
    )


def _transition(raw: dict[str, Any], roles: Mapping[str, Any]) -> Transition:
    get = raw.get
    years = get("years")
    note = get("note")
    return Transition(
        raw["from"],
        raw["to"],
        _MOVE_KINDS[raw["kind"]],
        float(roles[raw["from"]]["years"] if years is None else years),
        None if note is None else _text(note),
        tuple(get("sources", ())),
    )


def _frozen(mapping: dict[str, _V]) -> Mapping[str, _V]:
    return MappingProxyType(mapping)
