"""The whole map as the page embeds it: for its search, for drawing roles on demand, and for finding
routes and comparing roles in the page itself."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from careergraph.graph import CareerGraph
from careergraph.model import CareerMap, PointsRequirement, Text, TransitionKind
from careergraph.render.labels import wrap_label
from careergraph.render.network import mix
from careergraph.render.page_words import _ui
from careergraph.render.panels import in_order

# -- the whole map, for search and drawing on demand -------------------------------------------


def page_notice(career_map: CareerMap, drawn: int, lang: str) -> str:
    """What a large map's page says about itself, in its language: what it draws and how to
    reach the rest on the page."""
    return _ui(lang)["page_notice"].format(total=f"{len(career_map.roles):,}", drawn=f"{drawn:,}")


def all_tracks(career_map: CareerMap, colours: Mapping[str, str], lang: str) -> dict[str, Any]:
    """Every track of the map, drawn or not: id → name and colours, for roles drawn on demand."""
    return {
        track: {
            "name": career_map.tracks[track].name.get(lang),
            "colour": colours[track],
            "fill": mix(colours[track], 0.78),
            "highlight": mix(colours[track], 0.6),
            "hover": mix(colours[track], 0.65),
            "tint": mix(colours[track], 0.93),
        }
        for track in sorted(career_map.tracks)
    }


def wrapped_labels(career_map: CareerMap, graph: CareerGraph, lang: str) -> dict[str, str]:
    """The box label of every role whose name in `lang` a box must break (vis wraps only at
    spaces); any other role's label is its name, read from the embedded map."""
    labels = {}
    for role_id in sorted(graph.nodes):
        name = career_map.roles[role_id].name.get(lang)
        label = wrap_label(name)
        if label != name:
            labels[role_id] = label
    return labels


# -- the whole map, for the page's own route finding and comparing ---------------------------

_BASES = ("stated", "implied", "inferred")
_KINDS = tuple(kind.value for kind in TransitionKind)


def _text_data(text: Text | None) -> str | dict[str, str] | None:
    """A text compactly: a plain string when it has one translation, else by language."""
    if text is None:
        return None
    translations = text.as_dict()
    return next(iter(translations.values())) if len(translations) == 1 else translations


def _levels_data(levels: Mapping[int, Text]) -> dict[str, Any] | None:
    return {str(level): _text_data(t) for level, t in sorted(levels.items())} or None


def map_data(career_map: CareerMap, graph: CareerGraph) -> dict[str, Any]:
    """Every role, move and skill of the map, as compact arrays that index one another.

    The page finds routes and compares roles from this, so it holds the whole map even where
    only part of it is drawn. map.js documents the shape (`window.careergraph.map`).
    """
    skill_ids = sorted(career_map.skills)
    skill_at = {skill: index for index, skill in enumerate(skill_ids)}
    track_ids = sorted(career_map.tracks)
    track_at = {track: index for index, track in enumerate(track_ids)}
    role_ids = sorted(graph.nodes)
    role_at = {role: index for index, role in enumerate(role_ids)}
    roles = []
    points: dict[str, list[list[Any]]] = {}
    for index, role_id in enumerate(role_ids):
        role = career_map.roles[role_id]
        if role.points:
            points[str(index)] = [_points_data(r, skill_at) for r in role.points]
        levels: list[int] = []
        for skill, level in sorted(role.skills.items()):
            levels += (skill_at[skill], level)
        row: list[Any] = [
            role.id,
            _text_data(role.name),
            list(role.aliases),
            track_at[role.track],
            role.level,
            role.years,
            levels,
        ]
        if getattr(role, "years_estimated", False):
            row.append(1)
        roles.append(row)
    moves = []
    for move in in_order(graph.edges(data="transition")):
        basis = getattr(move, "basis", "inferred" if move.inferred else "stated")
        moves.append(
            [
                role_at[move.source],
                role_at[move.target],
                _KINDS.index(move.kind.value),
                move.years,
                _BASES.index(basis) if basis in _BASES else 0,
                1 if getattr(move, "years_estimated", False) else 0,
                _text_data(move.note),
            ]
        )
    skills = []
    for skill_id in skill_ids:
        entry = career_map.skills[skill_id]
        skills.append(
            [
                entry.id,
                _text_data(entry.name),
                str(entry.category),
                _text_data(entry.description),
                _levels_data(getattr(entry, "levels", {})),
            ]
        )
    return {
        "kinds": list(_KINDS),
        "bases": list(_BASES),
        "tracks": [[t, _text_data(career_map.tracks[t].name)] for t in track_ids],
        "skills": skills,
        "roles": roles,
        "moves": moves,
        "scale": _levels_data(getattr(career_map, "scale", {})),
        "points": points,
    }


def _points_data(requirement: PointsRequirement, skill_at: Mapping[str, int]) -> list[Any]:
    """A points requirement as [total, skill indices, their weights, level values or null]."""
    values = {str(level): value for level, value in sorted(requirement.values.items())}
    return [
        requirement.total,
        [skill_at[s] for s in requirement.skills],
        [requirement.weight(s) for s in requirement.skills],
        values or None,
    ]
