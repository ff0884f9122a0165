"""Skill gaps: what a move from one role to another asks to build, minimums first, then points."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from careergraph.model import POINTS_PER_SKILL, PointsRequirement, Profile, Role


@dataclass(frozen=True)
class SkillChange:
    """A skill whose required level differs between two roles (0 = not required)."""

    skill: str
    from_level: int
    to_level: int

    @property
    def change(self) -> int:
        return self.to_level - self.from_level


@dataclass(frozen=True)
class PointsGap:
    """A points requirement of the target role, the points held towards it once its minimums
    are met, and one way to make up the rest: `suggested`, the fewest levels that do it."""

    requirement: PointsRequirement
    have: int
    suggested: tuple[SkillChange, ...] = ()

    @property
    def missing(self) -> int:
        """Points still to gain (0 when met)."""
        return max(0, self.requirement.total - self.have)

    @property
    def levels(self) -> int:
        """Levels the suggestion builds."""
        return sum(c.change for c in self.suggested)


@dataclass(frozen=True)
class SkillGap:
    """What moving from one role to another asks: skills to build, and skills no longer stressed.

    `points` holds the target's points requirements not yet met by the levels held once every
    minimum in `build` is reached, each with a suggestion of the levels that would meet it.
    """

    source: str
    target: str
    build: tuple[SkillChange, ...]
    dropped: tuple[SkillChange, ...]
    points: tuple[PointsGap, ...] = ()

    @property
    def size(self) -> int:
        """Total levels to gain: the minimums, then the fewest levels that meet every points
        requirement."""
        return sum(c.change for c in self.build) + sum(p.levels for p in self.points)


def points_suggestion(
    requirement: PointsRequirement, levels: Mapping[str, int]
) -> tuple[SkillChange, ...]:
    """Levels that bring `levels` up to `requirement`'s total, chosen the same way every time:
    one level at a time, to the skill whose next level adds the most points, then the one held
    lowest (its next level is the cheapest to build), then by id. With levels worth their own
    number (the default), that is the fewest levels that do it."""
    grown = {s: max(0, levels.get(s, 0)) for s in requirement.skills}
    missing = requirement.total - requirement.points(grown)

    def gain(skill: str) -> int:
        level = grown[skill]
        return requirement.weight(skill) * (requirement.value(level + 1) - requirement.value(level))

    while missing > 0:
        open_skills = [s for s in requirement.skills if grown[s] < POINTS_PER_SKILL]
        if not open_skills:
            break  # the loader refuses a total no mix of levels reaches
        skill = min(open_skills, key=lambda s: (-gain(s), grown[s], s))
        missing -= gain(skill)
        grown[skill] += 1
    changes = [
        SkillChange(s, max(0, levels.get(s, 0)), grown[s])
        for s in requirement.skills
        if grown[s] > max(0, levels.get(s, 0))
    ]
    changes.sort(key=lambda c: (-c.change, -c.to_level, c.skill))
    return tuple(changes)


def points_gaps(
    points: Sequence[PointsRequirement], levels: Mapping[str, int]
) -> tuple[tuple[PointsGap, ...], dict[str, int]]:
    """The points requirements `levels` (already raised to the role's minimums) do not meet,
    each with its suggestion, and the levels once every suggestion is taken, in the file's
    order of requirements (a later one counts what an earlier suggestion built)."""
    grown = dict(levels)
    gaps = []
    for requirement in points:
        have = requirement.points(grown)
        if have >= requirement.total:
            continue
        suggested = points_suggestion(requirement, grown)
        for change in suggested:
            grown[change.skill] = change.to_level
        gaps.append(PointsGap(requirement, have, suggested))
    return tuple(gaps), grown


def role_levels(role: Role) -> Mapping[str, int]:
    """The levels holding `role` means: its minimums, and its points requirements met as their
    suggestions meet them (from nothing but the minimums)."""
    return raised_levels({}, role) if role.points else role.skills


def raised_levels(levels: Mapping[str, int], target: Role) -> dict[str, int]:
    """`levels` once `target` is reached: every minimum met, then every points requirement by
    its suggestion."""
    grown = dict(levels)
    for skill, level in target.skills.items():
        if level > grown.get(skill, 0):
            grown[skill] = level
    if target.points:
        grown = points_gaps(target.points, grown)[1]
    return grown


def skill_gap(source: Role, target: Role, *, known: Mapping[str, int] | None = None) -> SkillGap:
    """Skills `target` needs above `source`'s level, largest rise first, and those it drops.

    `known` replaces `source`'s levels as the starting point: on a route, what every role so far
    has asked for, since a skill built two roles ago is not lost.
    """
    have = role_levels(source) if known is None else known
    counted = {skill for requirement in target.points for skill in requirement.skills}
    build = [
        SkillChange(skill, have.get(skill, 0), level)
        for skill, level in target.skills.items()
        if level > have.get(skill, 0)
    ]
    dropped = [
        SkillChange(skill, level, 0)
        for skill, level in source.skills.items()
        if skill not in target.skills and skill not in counted
    ]
    build.sort(key=lambda c: (-c.change, -c.to_level, c.skill))
    dropped.sort(key=lambda c: (-c.from_level, c.skill))
    points: tuple[PointsGap, ...] = ()
    if target.points:
        reached = {**have, **{c.skill: c.to_level for c in build}}
        points = points_gaps(target.points, reached)[0]
    return SkillGap(source.id, target.id, tuple(build), tuple(dropped), points)


def profile_gap(profile: Profile, role: Role, target: Role) -> SkillGap:
    """What `target` asks above what the person holds, and what they hold that it no longer asks.

    `role` is the profile's current role; the person's own levels replace its levels.
    """
    have = profile.levels(role)
    gap = skill_gap(role, target, known=have)
    dropped = [
        SkillChange(skill, level, 0)
        for skill, level in have.items()
        if level > 0
        and skill not in target.skills
        and not any(skill in r.skills for r in target.points)
    ]
    dropped.sort(key=lambda c: (-c.from_level, c.skill))
    return SkillGap(gap.source, gap.target, gap.build, tuple(dropped), gap.points)
