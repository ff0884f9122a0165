"""Lint on what nothing uses: skills no role asks for, roles asking none, empty tracks, levels."""

from __future__ import annotations

from collections.abc import Iterator

from careergraph.errors import Words
from careergraph.lint.findings import Finding, _finding
from careergraph.model import CareerMap


def _unused(career_map: CareerMap) -> Iterator[Finding]:
    asked = {skill for role in career_map.roles.values() for skill in role.skills}
    asked.update(
        skill
        for role in career_map.roles.values()
        for requirement in role.points
        for skill in requirement.skills
    )
    for skill_id in career_map.skills:
        if skill_id not in asked:
            words = Words.of("skills.{id}: no role asks for this skill", id=skill_id)
            yield _finding(career_map, "unused-skill", ("skills", skill_id), words)
    for role_id, role in career_map.roles.items():
        if not role.skills and not role.points:
            words = Words.of(
                "roles.{id}: '{role}' asks for no skill, so no gap can be shown",
                id=role_id,
                role=role.name,
            )
            yield _finding(career_map, "role-without-skills", ("roles", role_id), words)
    staffed = {role.track for role in career_map.roles.values()}
    for track_id in career_map.tracks:
        if track_id not in staffed:
            words = Words.of("tracks.{id}: no role is in this track", id=track_id)
            yield _finding(career_map, "empty-track", ("tracks", track_id), words)


def _undescribed_levels(career_map: CareerMap) -> Iterator[Finding]:
    """A skill whose `levels` leave out a level roles ask for: its gaps would show no text there.

    A skill that describes no level is no finding (the map's scale speaks for it), and neither is
    a described level no role asks for.
    """
    asked: dict[str, set[int]] = {k: set() for k, s in career_map.skills.items() if s.levels}
    if not asked:
        return
    for role in career_map.roles.values():
        for skill_id, level in role.skills.items():
            if skill_id in asked:
                asked[skill_id].add(level)
    for skill_id, levels in asked.items():
        skill = career_map.skills[skill_id]
        missing = sorted(levels - set(skill.levels))
        if not missing:
            continue
        described = ", ".join(map(str, skill.levels))
        left_out = ", ".join(map(str, missing))
        words = Words.of(
            "skills.{id}.levels: describes levels {described} but not "
            "{missing}, which roles ask for",
            id=skill_id,
            described=described,
            missing=left_out,
        )
        subject = ("skills", skill_id, "levels")
        yield _finding(career_map, "undescribed-level", subject, words)
