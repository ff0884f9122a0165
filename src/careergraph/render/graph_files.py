"""Graph files other tools read: node-link JSON, GraphML and GEXF (Gephi), via networkx.

GraphML and GEXF attributes hold only numbers and strings, so a role's texts and skills are
flattened into documented attribute names: `name_en`, `name_ja`, `summary_en`, `aliases` (a JSON
list), `skill:coding` (the required level) on nodes; `kind`, `years`, `note_en` on edges.
"""

from __future__ import annotations

import io
import json
from typing import Any

import networkx as nx

from careergraph.model import DEFAULT_LANGUAGE, CareerMap, Role, Text, Transition

SKILL_PREFIX = "skill:"


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
    if role.aliases:
        fields["aliases"] = json.dumps(list(role.aliases), ensure_ascii=False)
    fields |= {
        "track": role.track,
        "track_name": career_map.tracks[role.track].name.get(lang),
        "level": role.level,
        "years": float(role.years),
        **_per_language("summary", role.summary),
    }
    fields |= {f"{SKILL_PREFIX}{skill}": level for skill, level in sorted(role.skills.items())}
    return fields


def move_fields(move: Transition) -> dict[str, Any]:
    """A move as flat attributes: numbers and strings only."""
    return {"kind": move.kind.value, "years": float(move.years), **_per_language("note", move.note)}


def _flat_graph(career_map: CareerMap, lang: str) -> nx.DiGraph[str]:
    graph: nx.DiGraph[str] = nx.DiGraph()
    for role_id in sorted(career_map.roles):
        graph.add_node(role_id, **role_fields(career_map, career_map.roles[role_id], lang))
    for move in sorted(career_map.transitions, key=lambda t: (t.source, t.target)):
        graph.add_edge(move.source, move.target, **move_fields(move))
    return graph


def node_link_json(career_map: CareerMap, lang: str) -> str:
    """networkx node-link JSON (`nx.node_link_graph(data, edges="edges")` reads it back)."""
    graph: nx.DiGraph[str] = nx.DiGraph()
    for role_id in sorted(career_map.roles):
        role = career_map.roles[role_id]
        graph.add_node(
            role_id,
            label=role.name.get(lang),
            names=role.name.as_dict(),
            aliases=list(role.aliases),
            track=role.track,
            track_name=career_map.tracks[role.track].name.get(lang),
            level=role.level,
            years=float(role.years),
            summary=role.summary.as_dict() if role.summary else None,
            skills=dict(sorted(role.skills.items())),
        )
    for move in sorted(career_map.transitions, key=lambda t: (t.source, t.target)):
        graph.add_edge(
            move.source,
            move.target,
            kind=move.kind.value,
            years=float(move.years),
            note=move.note.as_dict() if move.note else None,
        )
    data = nx.node_link_data(graph, edges="edges")
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def graphml(career_map: CareerMap, lang: str) -> bytes:
    """GraphML, UTF-8, with the flat attributes (`nx.read_graphml` reads it back)."""
    out = io.BytesIO()
    nx.write_graphml(_flat_graph(career_map, lang), out, encoding="utf-8")
    return out.getvalue()


def gexf(career_map: CareerMap, lang: str) -> bytes:
    """GEXF 1.2 for Gephi, UTF-8, with the flat attributes (`nx.read_gexf` reads it back)."""
    out = io.BytesIO()
    nx.write_gexf(_flat_graph(career_map, lang), out, encoding="utf-8")
    return out.getvalue()
