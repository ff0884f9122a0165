"""Graph files other tools read: node-link JSON, GraphML and GEXF (Gephi), via networkx.

GraphML and GEXF attributes hold only numbers and strings, so a role's texts and skills are
flattened into documented attribute names: `name_en`, `name_ja`, `title_en` (a shared title),
`summary_en`, `aliases`, `sources` and `points` (JSON lists), `track_description_en`,
`skill:coding` (the required level) and `level:coding_en` (what that level looks like) on nodes;
`kind`, `years`, `note_en` on edges. What the skills, tracks and levels themselves say is kept
once: as the graph's own attributes in node-link JSON and GraphML (`skill:coding:description_en`,
`skill:coding:level_4_en`, `track:dev:description_en`, `scale:4_en`), and on each node in GEXF,
whose graphs hold no attributes (`description:coding_en`).
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from typing import Any

import networkx as nx

from careergraph.model import DEFAULT_LANGUAGE, LANGUAGES, CareerMap, Role, Text, Transition

SKILL_PREFIX = "skill:"
LEVEL_PREFIX = "level:"
DESCRIPTION_PREFIX = "description:"


def languages(career_map: CareerMap) -> list[str]:
    """Every language a role name, summary or move note is given in, English first."""
    found: set[str] = set()
    for role in career_map.roles.values():
        for text in (role.name, role.summary):
            found.update(text.as_dict() if text else ())
    for move in career_map.transitions:
        found.update(move.note.as_dict() if move.note else ())
    return sorted(found, key=lambda lang: (lang != DEFAULT_LANGUAGE, lang))


def _per_language(field: str, text: Text | None) -> dict[str, str]:
    return {f"{field}_{lang}": value for lang, value in (text.as_dict() if text else {}).items()}


def role_fields(career_map: CareerMap, role: Role, lang: str) -> dict[str, Any]:
    """A role as flat attributes: numbers and strings only."""
    fields: dict[str, Any] = {"label": role.name.get(lang), **_per_language("name", role.name)}
    fields |= _per_language("title", role.title)
    if role.aliases:
        fields["aliases"] = json.dumps(list(role.aliases), ensure_ascii=False)
    if role.sources:
        fields["sources"] = json.dumps(list(role.sources), ensure_ascii=False)
    if role.points:
        fields["points"] = json.dumps(points_data(role), ensure_ascii=False)
    fields |= {
        "track": role.track,
        "track_name": career_map.tracks[role.track].name.get(lang),
        "level": role.level,
        "years": float(role.years),
        "years_estimated": role.years_estimated,
        **_per_language("summary", role.summary),
        **_per_language("track_description", career_map.tracks[role.track].description),
    }
    fields |= {f"{SKILL_PREFIX}{skill}": level for skill, level in sorted(role.skills.items())}
    for skill_id, level in sorted(role.skills.items()):
        looks = career_map.skills[skill_id].level_text(level, career_map.scale)
        fields |= _per_language(f"{LEVEL_PREFIX}{skill_id}", looks)
    return fields


def points_data(role: Role) -> list[dict[str, Any]]:
    """A role's points requirements as plain data, as the data file gives them."""
    return [
        {
            "total": p.total,
            "skills": list(p.skills),
            "weights": dict(p.weights),
            "values": {str(k): v for k, v in p.values.items()},
        }
        for p in role.points
    ]


def map_fields(career_map: CareerMap) -> dict[str, str]:
    """What the map's tracks, skills and scale say, as flat graph attributes (strings only)."""
    fields: dict[str, str] = {}
    for level, text in career_map.scale.items():
        fields |= _per_language(f"scale:{level}", text)
    for track_id, track in career_map.tracks.items():
        fields |= _per_language(f"track:{track_id}:description", track.description)
    for skill_id, skill in career_map.skills.items():
        fields |= _per_language(f"{SKILL_PREFIX}{skill_id}:description", skill.description)
        for level, text in skill.levels.items():
            fields |= _per_language(f"{SKILL_PREFIX}{skill_id}:level_{level}", text)
    return fields


def _map_data(career_map: CareerMap) -> dict[str, Any]:
    """What the map's tracks, skills and scale say, nested, for node-link JSON."""

    def texts(levels: Mapping[int, Text]) -> dict[str, dict[str, str]]:
        return {str(level): text.as_dict() for level, text in levels.items()}

    return {
        "scale": texts(career_map.scale),
        "sources": {k: {"title": s.title, "url": s.url} for k, s in career_map.sources.items()},
        "categories": {
            k: {"name": _category_names(k, c.name)} for k, c in career_map.categories.items()
        },
        "tracks": {
            k: {
                "name": t.name.as_dict(),
                "description": t.description.as_dict() if t.description else None,
            }
            for k, t in career_map.tracks.items()
        },
        "skills": {
            k: {
                "name": s.name.as_dict(),
                "category": str(s.category),
                "description": s.description.as_dict() if s.description else None,
                "levels": texts(s.levels),
            }
            for k, s in career_map.skills.items()
        },
    }


def move_fields(move: Transition) -> dict[str, Any]:
    """A move as flat attributes: numbers, strings and flags only."""
    return {
        "kind": move.kind.value,
        "years": float(move.years),
        "years_estimated": move.years_estimated,
        "basis": move.basis,
        **_per_language("note", move.note),
    }


def _flat_graph(career_map: CareerMap, lang: str, *, on_nodes: bool = False) -> nx.DiGraph[str]:
    """The map with flat attributes; `on_nodes` puts each role's skill descriptions on it too."""
    graph: nx.DiGraph[str] = nx.DiGraph()
    for role_id in sorted(career_map.roles):
        role = career_map.roles[role_id]
        fields = role_fields(career_map, role, lang)
        for skill_id in sorted(role.skills) if on_nodes else ():
            description = career_map.skills[skill_id].description
            fields |= _per_language(f"{DESCRIPTION_PREFIX}{skill_id}", description)
        graph.add_node(role_id, **fields)
    for move in sorted(career_map.transitions, key=lambda t: (t.source, t.target)):
        graph.add_edge(move.source, move.target, **move_fields(move))
    return graph


def node_link_json(career_map: CareerMap, lang: str) -> str:
    """networkx node-link JSON (`nx.node_link_graph(data, edges="edges")` reads it back)."""
    graph: nx.DiGraph[str] = nx.DiGraph(**_map_data(career_map))
    for role_id in sorted(career_map.roles):
        role = career_map.roles[role_id]
        graph.add_node(
            role_id,
            label=role.name.get(lang),
            names=role.name.as_dict(),
            title=role.title.as_dict() if role.title else None,
            aliases=list(role.aliases),
            sources=list(role.sources),
            track=role.track,
            track_name=career_map.tracks[role.track].name.get(lang),
            level=role.level,
            years=float(role.years),
            years_estimated=role.years_estimated,
            summary=role.summary.as_dict() if role.summary else None,
            skills=dict(sorted(role.skills.items())),
            points=points_data(role),
            level_texts={
                skill_id: looks.as_dict()
                for skill_id, level in sorted(role.skills.items())
                if (looks := career_map.skills[skill_id].level_text(level, career_map.scale))
            },
        )
    for move in sorted(career_map.transitions, key=lambda t: (t.source, t.target)):
        graph.add_edge(
            move.source,
            move.target,
            kind=move.kind.value,
            years=float(move.years),
            years_estimated=move.years_estimated,
            basis=move.basis,
            note=move.note.as_dict() if move.note else None,
        )
    data = nx.node_link_data(graph, edges="edges")
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def graphml(career_map: CareerMap, lang: str) -> bytes:
    """GraphML, UTF-8, with the flat attributes (`nx.read_graphml` reads it back)."""
    out = io.BytesIO()
    graph = _flat_graph(career_map, lang)
    graph.graph.update(map_fields(career_map))
    nx.write_graphml(graph, out, encoding="utf-8")
    return out.getvalue()


def gexf(career_map: CareerMap, lang: str) -> bytes:
    """GEXF 1.2 for Gephi, UTF-8, with the flat attributes (`nx.read_gexf` reads it back)."""
    out = io.BytesIO()
    nx.write_gexf(_flat_graph(career_map, lang, on_nodes=True), out, encoding="utf-8")
    return out.getvalue()


def _category_names(category: str, name: Text | None) -> dict[str, str]:
    """A category's name in each language: the map's own, else the program's for a built-in."""
    if name is not None:
        return name.as_dict()
    from careergraph.render.messages import CATEGORIES, say

    return {lang: say(lang, CATEGORIES[category]) for lang in LANGUAGES}
