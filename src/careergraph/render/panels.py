"""What the page's panels say about a role, a move, a route and a skill, in the page's language."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from careergraph.model import CareerMap, PointsRequirement, Role, Text, Transition
from careergraph.query import Route, SkillChange
from careergraph.render.labels import years_text
from careergraph.render.messages import N_, count, estimated_so_far, say
from careergraph.render.network import mix
from careergraph.render.text import points_skills

_LANGUAGE_NAMES = {"en": "English", "ja": "日本語"}


class Moves:
    """The shown transitions, in (from, to) order, and indexed by the role they leave or enter."""

    def __init__(self, moves: Sequence[Transition]) -> None:
        self.all = moves
        self.out_of: dict[str, list[Transition]] = defaultdict(list)
        self.into: dict[str, list[Transition]] = defaultdict(list)
        for move in moves:
            self.out_of[move.source].append(move)
            self.into[move.target].append(move)


_BASES = {
    "implied": N_("implied (judgement)"),
    "inferred": N_("inferred (suggested by skill overlap)"),
}
"""Where a move no source states comes from, by its basis."""


def _maybe(text: Text | None, lang: str) -> str | None:
    return None if text is None else text.get(lang)


def track_data(career_map: CareerMap, track: str, colour: str, lang: str) -> dict[str, Any]:
    """A drawn track's header: its name and colours."""
    return {
        "id": track,
        "name": career_map.tracks[track].name.get(lang),
        "colour": colour,
        "tint": mix(colour, 0.93),
    }


def role_data(career_map: CareerMap, role: Role, moves: Moves, lang: str) -> dict[str, Any]:
    """A role as its panel shows it: names, level, skills, points, sources and moves."""
    names = role.name.as_dict()
    primary = role.name.get(lang)
    skills = sorted(role.skills.items(), key=lambda item: (-item[1], item[0]))
    return {
        "id": role.id,
        "name": primary,
        "otherNames": [
            {"language": _LANGUAGE_NAMES.get(code, code), "name": name}
            for code, name in names.items()
            if name != primary
        ],
        "searchNames": [
            *role.names(),
            *(role.title.all() if role.title else ()),
            *role.titled_names(career_map.tracks[role.track]),
        ],
        "aliases": list(role.aliases),
        "title": _maybe(role.title, lang),
        "track": role.track,
        "trackName": career_map.tracks[role.track].name.get(lang),
        "level": role.level,
        "years": years_text(role.years, lang, role.years_estimated),
        "summary": _maybe(role.summary, lang),
        "responsibilities": [r.get(lang) for r in role.responsibilities],
        "skills": [
            {"id": skill, "name": career_map.skills[skill].name.get(lang), "level": level}
            for skill, level in skills
        ],
        "points": [_points_text(career_map, requirement, lang) for requirement in role.points],
        "sources": [
            {"title": career_map.sources[s].title, "url": career_map.sources[s].url}
            for s in role.sources
            if s in career_map.sources
        ],
        "movesOut": [_move_data(career_map, m, m.target, lang) for m in moves.out_of[role.id]],
        "movesIn": [_move_data(career_map, m, m.source, lang) for m in moves.into[role.id]],
    }


def _changes(career_map: CareerMap, changes: Iterable[SkillChange], lang: str) -> list[str]:
    return [
        f"{career_map.skills[c.skill].name.get(lang)} {c.from_level}→{c.to_level}" for c in changes
    ]


def _points_text(career_map: CareerMap, requirement: PointsRequirement, lang: str) -> str:
    """A points requirement in a sentence: the total, and the skills that count (with weights)."""
    skills = points_skills(career_map, requirement, lang)
    points = count(lang, "{count} point", "{count} points", requirement.total)
    return say(lang, "At least {points} in all across {skills}", points=points, skills=skills)


def skills_about(
    career_map: CareerMap, roles: Sequence[Role], lang: str
) -> dict[str, dict[str, Any]]:
    """What the panel says on hovering a skill: its description and what each asked level looks
    like, once per skill (a role names the skill by id) and only where there is something to say.
    """
    asked: dict[str, set[int]] = {}
    for role in roles:
        for skill_id, level in role.skills.items():
            asked.setdefault(skill_id, set()).add(level)
    about: dict[str, dict[str, Any]] = {}
    for skill_id in sorted(asked):
        skill = career_map.skills[skill_id]
        levels = {}
        for level in sorted(asked[skill_id]):
            looks = skill.level_text(level, career_map.scale)
            if looks is not None:
                levels[str(level)] = say(
                    lang, "Level {level} looks like: {text}", level=level, text=looks.get(lang)
                )
        if skill.description is not None or levels:
            about[skill_id] = {"description": _maybe(skill.description, lang), "levels": levels}
    return about


def in_order(edges: Iterable[tuple[str, str, Transition]]) -> list[Transition]:
    """The transitions on graph edges, by (from, to) id."""
    return sorted((move for _, _, move in edges), key=lambda m: (m.source, m.target))


def _move_data(career_map: CareerMap, move: Transition, other: str, lang: str) -> dict[str, Any]:
    return {
        "role": other,
        "name": career_map.roles[other].name.get(lang),
        "kind": move.kind.value,
        "years": years_text(move.years, lang, move.years_estimated),
        "note": _maybe(move.note, lang),
        "basis": move.basis,
        "provenance": _provenance(career_map, move, lang),
    }


def _provenance(career_map: CareerMap, move: Transition, lang: str) -> str:
    """Where a move comes from: "stated in SOURCE", "implied (judgement)" or "inferred"."""
    if move.basis != "stated":
        return say(lang, _BASES[move.basis])
    titles = [career_map.sources[s].title for s in move.sources if s in career_map.sources]
    if not titles:
        return say(lang, "stated")
    return say(lang, "stated in {sources}", sources=say(lang, "; ").join(titles))


def route_data(career_map: CareerMap, route: Route, lang: str) -> dict[str, Any]:
    """A route as its panel lists it: the roles, then each step's move and skills to build."""

    def name(role_id: str) -> str:
        return career_map.roles[role_id].name.get(lang)

    so_far = estimated_so_far(step.transition for step in route.steps)
    return {
        "roles": list(route.roles),
        "names": [name(r) for r in route.roles],
        "years": years_text(route.years, lang, route.years_estimated),
        "steps": [
            {
                "from": step.transition.source,
                "to": step.transition.target,
                "fromName": name(step.transition.source),
                "toName": name(step.transition.target),
                "kind": step.transition.kind.value,
                "basis": step.transition.basis,
                "years": years_text(step.transition.years, lang, step.transition.years_estimated),
                "cumulative": years_text(step.cumulative_years, lang, so_far[index]),
                "build": [
                    {
                        "name": career_map.skills[change.skill].name.get(lang),
                        "from": change.from_level,
                        "to": change.to_level,
                    }
                    for change in step.gap.build
                ],
                "points": [
                    say(
                        lang,
                        "{points} ({changes})",
                        points=count(lang, "+{count} point", "+{count} points", p.missing),
                        changes=say(lang, ", ").join(_changes(career_map, p.suggested, lang)),
                    )
                    for p in step.gap.points
                ],
            }
            for index, step in enumerate(route.steps)
        ],
    }
