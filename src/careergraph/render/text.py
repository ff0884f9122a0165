"""Text output for people: routes, gaps, roles and moves, aligned for a terminal."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from careergraph.model import CareerMap, Role, SkillCategory, Transition
from careergraph.query import Route, SkillChange, SkillGap

_WRAP = 100  # long skill lists wrap here, so a step stays readable in a terminal
_KIND = {"promotion": "promotion", "lateral": "lateral", "career_change": "career change"}


def years(value: float, suffix: str = "y") -> str:
    """Years as people write them: 3y, 1.5y (or another suffix, such as 年)."""
    return f"{round(value, 2):g}{suffix}"


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def _name(career_map: CareerMap, role_id: str, lang: str) -> str:
    return career_map.roles[role_id].name.get(lang)


def _skill_items(career_map: CareerMap, changes: Sequence[SkillChange], lang: str) -> list[str]:
    return [
        f"{career_map.skills[c.skill].name.get(lang)} {c.from_level}→{c.to_level}" for c in changes
    ]


def _wrap_items(lead: str, items: Sequence[str]) -> list[str]:
    """Items after `lead`, separated by semicolons, wrapped between items, never inside one."""
    if not items:
        return [lead + "nothing new"]
    lines, line = [], lead + items[0]
    for item in items[1:]:
        if _width(line) + 2 + _width(item) > _WRAP:
            lines.append(line + ";")
            line = " " * len(lead) + item
        else:
            line += "; " + item
    return [*lines, line]


def routes_text(career_map: CareerMap, routes: Sequence[Route], by: str, lang: str) -> str:
    """`careergraph path`: each route step by step, the best first."""
    out: list[str] = []
    for number, route in enumerate(routes, start=1):
        first, last = route.roles[0], route.roles[-1]
        label = "Best route" if number == 1 else f"Alternative {number - 1}"
        moves = len(route.steps)
        out.append(
            f"{label}: {_name(career_map, first, lang)} → {_name(career_map, last, lang)} "
            f"({years(route.years)}, {moves} move{'s' if moves != 1 else ''})"
        )
        rows = [
            (
                f"{i}. {_name(career_map, s.transition.source, lang)} → "
                f"{_name(career_map, s.transition.target, lang)}",
                _KIND[s.transition.kind.value] + (" (inferred)" if s.transition.inferred else ""),
                years(s.transition.years),
                years(s.cumulative_years),
                s,
            )
            for i, s in enumerate(route.steps, start=1)
        ]
        move_width = max(_width(r[0]) for r in rows)
        kind_width = max(len(r[1]) for r in rows)
        for move, kind, spent, total, step in rows:
            out.append(
                f"  {_pad(move, move_width)}  {_pad(kind, kind_width)}  {spent:>5}  {total:>6}"
            )
            out += _wrap_items("     build: ", _skill_items(career_map, step.gap.build, lang))
        out.append(f"  Total: {years(route.years)} over {moves} move{'s' if moves != 1 else ''}")
        out.append("")
    if by == "steps":
        out.append("(routes ranked by number of moves, then years)")
    if any(s.transition.inferred for r in routes for s in r.steps):
        out.append("(inferred: a move the data lacks, suggested by skill overlap; years estimated)")
    return "\n".join(out).rstrip("\n")


def gap_text(career_map: CareerMap, gap: SkillGap, lang: str) -> str:
    """`careergraph gap`: skills to build grouped by category, then skills no longer stressed."""
    source, target = _name(career_map, gap.source, lang), _name(career_map, gap.target, lang)
    if not gap.build:
        out = [f"{source} → {target}: nothing to build; every skill is already at its level"]
    else:
        out = [
            f"{source} → {target}: {len(gap.build)} skill{'s' if len(gap.build) != 1 else ''} "
            f"to build (+{gap.size} levels)"
        ]
    names = {c.skill: career_map.skills[c.skill].name.get(lang) for c in gap.build + gap.dropped}
    width = max((_width(n) for n in names.values()), default=0)
    for category in SkillCategory:
        changes = [c for c in gap.build if career_map.skills[c.skill].category is category]
        if changes:
            out.append("")
            out.append(category.value.capitalize())
            out.extend(
                f"  {_pad(names[c.skill], width)}  {c.from_level} → {c.to_level}  (+{c.change})"
                for c in changes
            )
    if gap.dropped:
        out.append("")
        out.append(f"No longer stressed in {target}")
        out.extend(f"  {_pad(names[c.skill], width)}  level {c.from_level}" for c in gap.dropped)
    return "\n".join(out)


def role_text(
    career_map: CareerMap,
    role: Role,
    next_moves: Sequence[tuple[Transition, SkillGap]],
    previous_moves: Sequence[tuple[Transition, SkillGap]],
    lang: str,
) -> str:
    """`careergraph show`: everything about one role."""
    other_names = [n for n in role.name.all() if n != role.name.get(lang)]
    heading = role.name.get(lang) + (f" ({', '.join(other_names)})" if other_names else "")
    track = career_map.tracks[role.track].name.get(lang)
    out = [
        heading,
        f"  id: {role.id} · track: {track} · level {role.level} · typically {years(role.years)}",
    ]
    if role.aliases:
        out.append(f"  also called: {', '.join(role.aliases)}")
    if role.summary:
        out += ["", f"  {role.summary.get(lang)}"]
    if role.responsibilities:
        out += ["", "Responsibilities"]
        out += [f"  - {r.get(lang)}" for r in role.responsibilities]
    skills = sorted(role.skills.items(), key=lambda s: (-s[1], s[0]))
    names = {s: career_map.skills[s].name.get(lang) for s, _ in skills}
    width = max((_width(n) for n in names.values()), default=0)
    out += ["", "Skills"]
    out += [f"  {_pad(names[s], width)}  {'●' * lv}{'○' * (5 - lv)}  {lv}" for s, lv in skills]
    out += ["", "Next moves"]
    out += _moves_lines(career_map, next_moves, lang, forward=True) or ["  none"]
    out += ["", "Comes from"]
    out += _moves_lines(career_map, previous_moves, lang, forward=False) or ["  none"]
    titles = [career_map.sources[s].title for s in role.sources if s in career_map.sources]
    if titles:
        out += ["", "Sources"] + [f"  {t}" for t in titles]
    return "\n".join(out)


def moves_text(
    career_map: CareerMap, role: Role, moves: Sequence[tuple[Transition, SkillGap]], lang: str
) -> str:
    """`careergraph next`: the moves open from a role."""
    name = role.name.get(lang)
    if not moves:
        return f"No moves lead on from {name}."
    lines = _moves_lines(career_map, moves, lang, forward=True)
    return "\n".join([f"Moves from {name}:", *lines])


def _moves_lines(
    career_map: CareerMap,
    moves: Sequence[tuple[Transition, SkillGap]],
    lang: str,
    *,
    forward: bool,
) -> list[str]:
    names = [_name(career_map, move.target if forward else move.source, lang) for move, _ in moves]
    width = max((_width(n) for n in names), default=0)
    arrow = "→" if forward else "←"
    lines = []
    for name, (move, gap) in zip(names, moves, strict=True):
        kind = _KIND[move.kind.value]
        line = f"  {arrow} {_pad(name, width)}  {kind:<13}  {years(move.years):>5}"
        if forward:
            line += f"  gap +{gap.size}"
        lines.append(line.rstrip())
    return lines


def roles_text(career_map: CareerMap, tracks: Sequence[str], lang: str) -> str:
    """`careergraph roles`: the roles ladder by ladder, lowest level first."""
    out: list[str] = []
    for track in tracks:
        roles = career_map.roles_in_track(track)
        out.append(f"{career_map.tracks[track].name.get(lang)} ({track})")
        id_width = max((len(r.id) for r in roles), default=0)
        name_width = max((_width(r.name.get(lang)) for r in roles), default=0)
        out += [
            f"  {r.level:>2}  {r.id:<{id_width}}  {_pad(r.name.get(lang), name_width)}"
            f"  {years(r.years):>5}".rstrip()
            for r in roles
        ]
        out.append("")
    return "\n".join(out).rstrip("\n")
