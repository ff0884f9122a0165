"""JSON output: the stable shape scripts rely on (keys are only ever added, never changed)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from careergraph.errors import Problem
from careergraph.lint import Finding
from careergraph.model import CareerMap, Resource, Role, Text, Transition
from careergraph.query import Plan, Reachable, Route, SkillChange, SkillGap, step_sources


def dumps(data: Any) -> str:
    """JSON as UTF-8 text, keys in a fixed order, ready to print."""
    return json.dumps(data, ensure_ascii=False, indent=2)


def _text(text: Text | None, lang: str) -> str | None:
    return None if text is None else text.get(lang)


def _change(career_map: CareerMap, change: SkillChange, lang: str) -> dict[str, Any]:
    skill = career_map.skills[change.skill]
    return {
        "skill": change.skill,
        "from_level": change.from_level,
        "to_level": change.to_level,
        "name": skill.name.get(lang),
        "category": str(skill.category),
    }


def _change_looks(career_map: CareerMap, change: SkillChange, lang: str) -> dict[str, Any]:
    """A change with what its start and target levels look like (the skill's, else the scale's)."""
    skill = career_map.skills[change.skill]
    return {
        **_change(career_map, change, lang),
        "from_text": _text(skill.level_text(change.from_level, career_map.scale), lang),
        "to_text": _text(skill.level_text(change.to_level, career_map.scale), lang),
    }


def points_data(career_map: CareerMap, gap: SkillGap, lang: str) -> list[dict[str, Any]]:
    """The points requirements of a gap still to meet, each with the suggested levels."""
    return [
        {
            "total": p.requirement.total,
            "have": p.have,
            "missing": p.missing,
            "skills": [
                {
                    "skill": s,
                    "name": career_map.skills[s].name.get(lang),
                    "weight": p.requirement.weight(s),
                }
                for s in p.requirement.skills
            ],
            "suggested": [_change_looks(career_map, c, lang) for c in p.suggested],
            "suggested_levels": p.levels,
        }
        for p in gap.points
    ]


def _move(career_map: CareerMap, move: Transition, lang: str) -> dict[str, Any]:
    return {
        "from": move.source,
        "to": move.target,
        "kind": move.kind.value,
        "years": move.years,
        "note": _text(move.note, lang),
        "basis": move.basis,
        "years_estimated": move.years_estimated,
    }


def routes_data(
    career_map: CareerMap, source: str, target: str, routes: Sequence[Route], by: str, lang: str
) -> dict[str, Any]:
    """`careergraph path --json`."""
    return {
        "from": source,
        "to": target,
        "by": by,
        "routes": [
            {
                "roles": list(route.roles),
                "years": route.years,
                "steps": [
                    {
                        **_move(career_map, step.transition, lang),
                        "inferred": step.transition.inferred,
                        "cumulative_years": step.cumulative_years,
                        "years_left": step.years_left,
                        "gap": [_change(career_map, c, lang) for c in step.gap.build],
                        "points": points_data(career_map, step.gap, lang),
                        "steep": [c.skill for c in step.steep],
                    }
                    for step in route.steps
                ],
            }
            for route in routes
        ],
    }


def reach_data(
    career_map: CareerMap, source: str, within: float, found: Sequence[Reachable], lang: str
) -> dict[str, Any]:
    """`careergraph reach --json`."""
    return {
        "from": source,
        "within": within,
        "roles": [
            {
                "id": r.role,
                "name": career_map.roles[r.role].name.get(lang),
                "years": r.route.years,
                "steps": len(r.route.steps),
                "gap_size": r.gap.size,
                "route": list(r.route.roles),
                "moves": [_move(career_map, step.transition, lang) for step in r.route.steps],
            }
            for r in found
        ],
    }


def gap_data(career_map: CareerMap, gap: SkillGap, lang: str) -> dict[str, Any]:
    """`careergraph gap --json`."""
    return {
        "from": gap.source,
        "to": gap.target,
        "size": gap.size,
        "gap": [_change_looks(career_map, c, lang) for c in gap.build],
        "points": points_data(career_map, gap, lang),
        "dropped": [
            {
                "skill": c.skill,
                "level": c.from_level,
                "name": career_map.skills[c.skill].name.get(lang),
                "category": str(career_map.skills[c.skill].category),
            }
            for c in gap.dropped
        ],
    }


def role_data(
    career_map: CareerMap,
    role: Role,
    next_moves: Sequence[tuple[Transition, SkillGap]],
    previous_moves: Sequence[tuple[Transition, SkillGap]],
    lang: str,
) -> dict[str, Any]:
    """`careergraph show --json`."""
    track = career_map.tracks[role.track]
    return {
        "id": role.id,
        "name": role.name.get(lang),
        "names": role.name.as_dict(),
        "aliases": list(role.aliases),
        "title": _text(role.title, lang),
        "track": role.track,
        "track_name": track.name.get(lang),
        "track_description": _text(track.description, lang),
        "level": role.level,
        "years": role.years,
        "years_estimated": role.years_estimated,
        "summary": _text(role.summary, lang),
        "responsibilities": [r.get(lang) for r in role.responsibilities],
        "skills": [
            {
                "skill": skill,
                "name": career_map.skills[skill].name.get(lang),
                "category": str(career_map.skills[skill].category),
                "level": level,
                "description": _text(career_map.skills[skill].description, lang),
                "level_text": _text(
                    career_map.skills[skill].level_text(level, career_map.scale), lang
                ),
                "resources": [_resource(r, lang) for r in career_map.skills[skill].resources],
            }
            for skill, level in sorted(role.skills.items(), key=lambda s: (-s[1], s[0]))
        ],
        "points": [
            {
                "total": p.total,
                "skills": [
                    {"skill": s, "name": career_map.skills[s].name.get(lang), "weight": p.weight(s)}
                    for s in p.skills
                ],
                "values": {str(level): p.value(level) for level in range(1, 6)},
            }
            for p in role.points
        ],
        "interview": [q.get(lang) for q in role.interview],
        "next": [
            {
                **_move(career_map, move, lang),
                "name": career_map.roles[move.target].name.get(lang),
                "gap_size": gap.size,
            }
            for move, gap in next_moves
        ],
        "previous": [
            {**_move(career_map, move, lang), "name": career_map.roles[move.source].name.get(lang)}
            for move, _ in previous_moves
        ],
        "sources": [
            {"id": s, "title": career_map.sources[s].title, "url": career_map.sources[s].url}
            for s in role.sources
            if s in career_map.sources
        ],
    }


def moves_data(
    career_map: CareerMap, role: Role, moves: Sequence[tuple[Transition, SkillGap]], lang: str
) -> dict[str, Any]:
    """`careergraph next --json`."""
    return {
        "from": role.id,
        "moves": [
            {
                **_move(career_map, move, lang),
                "name": career_map.roles[move.target].name.get(lang),
                "gap_size": gap.size,
                "gap": [_change(career_map, c, lang) for c in gap.build],
            }
            for move, gap in moves
        ],
    }


def roles_data(career_map: CareerMap, tracks: Sequence[str], lang: str) -> dict[str, Any]:
    """`careergraph roles --json`."""
    return {
        "tracks": [
            {
                "id": track,
                "name": career_map.tracks[track].name.get(lang),
                "description": _text(career_map.tracks[track].description, lang),
                "roles": [
                    {"id": r.id, "name": r.name.get(lang), "level": r.level, "years": r.years}
                    for r in career_map.roles_in_track(track)
                ],
            }
            for track in tracks
        ]
    }


def validation_data(
    file: str, career_map: CareerMap | None, problems: Sequence[Problem]
) -> dict[str, Any]:
    """`careergraph validate --json`."""
    if career_map is not None:
        return {
            "ok": True,
            "file": file,
            "roles": len(career_map.roles),
            "transitions": len(career_map.transitions),
            "errors": [],
        }
    return {
        "ok": False,
        "file": file,
        "errors": [
            {"file": p.file, "line": p.line, "column": p.column, "message": p.message}
            for p in problems
        ],
    }


def _resource(resource: Resource, lang: str) -> dict[str, Any]:
    return {
        "title": resource.title.get(lang),
        "kind": resource.kind.value,
        "url": resource.url,
        "note": _text(resource.note, lang),
        "sources": list(resource.sources),
    }


def plan_data(career_map: CareerMap, plan: Plan, lang: str) -> dict[str, Any]:
    """`careergraph plan --json`."""
    route = plan.route
    return {
        "from": route.roles[0],
        "to": route.roles[-1],
        "roles": list(route.roles),
        "years": route.years,
        "profile": None if plan.profile is None else plan.profile.path,
        "steps": [
            {
                **_move(career_map, planned.step.transition, lang),
                "years_left": planned.step.years_left,
                "cumulative_years": planned.step.cumulative_years,
                "role_years": planned.role.years,
                "skills": [
                    {
                        **_change(career_map, p.change, lang),
                        "resources": [_resource(r, lang) for r in p.skill.resources],
                    }
                    for p in planned.skills
                ],
                "points": points_data(career_map, planned.step.gap, lang),
                "certifications": [p.skill.id for p in planned.certifications()],
                "interview": [q.get(lang) for q in planned.role.interview],
                "steep": [c.skill for c in planned.step.steep],
                "sources": [
                    {"id": s.id, "title": s.title, "url": s.url}
                    for s in step_sources(career_map, planned.step.transition, planned.role)
                ],
            }
            for planned in plan.steps
        ],
    }


def findings_data(found: Sequence[Finding]) -> list[dict[str, Any]]:
    """`careergraph lint --json`: one object per finding, in file order."""
    return [
        {
            "file": f.place.file,
            "line": f.place.line,
            "column": f.place.column,
            "severity": f.severity.value,
            "code": f.code,
            "message": f.message,
            "explained": f.allowed,
        }
        for f in found
    ]
