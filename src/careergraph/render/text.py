"""Text output for people: routes, gaps, roles and moves, aligned for a terminal."""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence

from careergraph.catalogue import N_
from careergraph.fit import Standing
from careergraph.model import (
    CareerMap,
    PointsRequirement,
    Profile,
    Role,
    Transition,
    normalize_name,
)
from careergraph.query import Reachable, Route, SkillChange, SkillGap
from careergraph.render.messages import category_name, count, estimated, legend, move_marks, say
from careergraph.render.messages import move_kind as _kind
from careergraph.render.messages import years as years_in

_WRAP = 100  # long skill lists wrap here, so a step stays readable in a terminal


def years(value: float, suffix: str = "y") -> str:
    """Years as people write them: 3y, 1.5y (or another suffix, such as 年)."""
    return f"{round(value, 2):g}{suffix}"


def _years(value: float, is_estimate: bool, lang: str) -> str:
    return estimated(years_in(value, lang), is_estimate, lang)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def _name(career_map: CareerMap, role_id: str, lang: str) -> str:
    return career_map.roles[role_id].name.get(lang)


def _one_line(text: str) -> str:
    """A data text on one line: its own line breaks and runs of spaces become one space."""
    return " ".join(text.split())


def _skill_items(career_map: CareerMap, changes: Sequence[SkillChange], lang: str) -> list[str]:
    return [
        f"{career_map.skills[c.skill].name.get(lang)} {c.from_level}→{c.to_level}" for c in changes
    ]


def _points_items(career_map: CareerMap, gap: SkillGap, lang: str) -> list[str]:
    """A route step's points requirements to meet, one item each, with the suggested levels."""
    return [
        say(
            lang,
            "{points} ({changes})",
            points=count(lang, "+{count} point", "+{count} points", p.missing),
            changes=say(lang, ", ").join(_skill_items(career_map, p.suggested, lang)),
        )
        for p in gap.points
    ]


def points_skills(career_map: CareerMap, requirement: PointsRequirement, lang: str) -> str:
    """The skills a points requirement counts, each with its weight when that is not 1."""
    return say(lang, ", ").join(
        career_map.skills[s].name.get(lang)
        + (
            say(lang, " ×{weight}", weight=requirement.weight(s))
            if requirement.weight(s) != 1
            else ""
        )
        for s in requirement.skills
    )


def points_lines(career_map: CareerMap, gap: SkillGap, lang: str, indent: str = "  ") -> list[str]:
    """Each points requirement still to meet: the points missing, the skills that count, and
    one concrete way to meet it."""
    out = []
    for p in gap.points:
        requirement = p.requirement
        skills = points_skills(career_map, requirement, lang)
        out.append(
            indent
            + say(
                lang,
                "{points} across {skills} ({have} of {total} held)",
                points=count(lang, "{count} more point", "{count} more points", p.missing),
                skills=skills,
                have=p.have,
                total=requirement.total,
            )
        )
        changes = say(lang, ", ").join(
            f"{career_map.skills[c.skill].name.get(lang)} {c.from_level} → {c.to_level}"
            for c in p.suggested
        )
        out.append(
            indent
            + "  "
            + say(
                lang,
                "for instance {changes} ({levels})",
                changes=changes,
                levels=count(lang, "+{count} level", "+{count} levels", p.levels),
            )
        )
    return out


def _wrap_items(lead: str, items: Sequence[str], lang: str) -> list[str]:
    """Items after `lead`, separated by semicolons, wrapped between items, never inside one."""
    if not items:
        return [lead + say(lang, "nothing new")]
    lines, line = [], lead + items[0]
    indent = _width(lead)
    width = indent + _width(items[0])  # kept as the line grows: each item is measured once
    last = len(items) - 1
    for index, item in enumerate(items[1:], start=1):
        size = _width(item)
        # A line that is not the last ends in ";", which must fit too.
        if width + 2 + size + (index < last) > _WRAP:
            lines.append(line + ";")
            line, width = " " * indent + item, indent + size
        else:
            line, width = line + "; " + item, width + 2 + size
    return [*lines, line]


def routes_text(
    career_map: CareerMap,
    routes: Sequence[Route],
    by: str,
    lang: str,
    *,
    years_done: float = 0.0,
) -> str:
    """`careergraph path`: each route step by step, the best first."""
    out: list[str] = []
    marks: set[str] = set()
    for number, route in enumerate(routes, start=1):
        first, last = route.roles[0], route.roles[-1]
        label = (
            say(lang, "Best route")
            if number == 1
            else say(lang, "Alternative {number}", number=number - 1)
        )
        moves = count(lang, "{count} move", "{count} moves", len(route.steps))
        total_years = _years(route.years, route.years_estimated, lang)
        out.append(
            f"{label}: {_name(career_map, first, lang)} → {_name(career_map, last, lang)} "
            + say(lang, "({years}, {moves})", years=total_years, moves=moves)
        )
        rows = []
        so_far_estimated = False
        for i, s in enumerate(route.steps, start=1):
            so_far_estimated |= s.transition.years_estimated
            steep = bool(s.steep)
            marks |= move_marks([s.transition], steep=steep)
            rows.append(
                (
                    f"{i}. {_name(career_map, s.transition.source, lang)} → "
                    f"{_name(career_map, s.transition.target, lang)}",
                    _kind(s.transition, lang, steep=steep),
                    _years(s.years_left, s.transition.years_estimated, lang),
                    _years(s.cumulative_years, so_far_estimated, lang),
                    s,
                )
            )
        move_width = max(_width(r[0]) for r in rows)
        kind_width = max(_width(r[1]) for r in rows)
        lead = "     " + say(lang, "build: ")
        for move, kind, spent, total, step in rows:
            out.append(
                f"  {_pad(move, move_width)}  {_pad(kind, kind_width)}  "
                f"{_right(spent, 5)}  {_right(total, 6)}"
            )
            items = _skill_items(career_map, step.gap.build, lang)
            out += _wrap_items(lead, items + _points_items(career_map, step.gap, lang), lang)
        out.append("  " + say(lang, "Total: {years} over {moves}", years=total_years, moves=moves))
        out.append("")
    if years_done:
        out.append(
            say(
                lang,
                "(first move shortened by the {years} already served)",
                years=years_in(years_done, lang),
            )
        )
    if by == "steps":
        out.append(say(lang, "(routes ranked by number of moves, then years)"))
    if any(s.transition.inferred for r in routes for s in r.steps):
        out.append(
            say(
                lang,
                "(inferred: a move the data lacks, suggested by skill overlap; years estimated)",
            )
        )
    out += _legend_lines(lang, marks)
    return "\n".join(out).rstrip("\n")


def _legend_lines(lang: str, marks: set[str]) -> list[str]:
    line = legend(lang, marks)
    return [] if line is None else [line]


def _right(text: str, width: int) -> str:
    return " " * max(0, width - _width(text)) + text


def gap_text(career_map: CareerMap, gap: SkillGap, lang: str, *, you: bool = False) -> str:
    """`careergraph gap`: skills to build grouped by category, then skills no longer stressed.

    `you`: the gap starts from a person's own levels, so the start is named as them.
    """
    source, target = _name(career_map, gap.source, lang), _name(career_map, gap.target, lang)
    if you:
        source = say(lang, "You ({role})", role=source)
    if not gap.build and not gap.points:
        out = [
            say(
                lang,
                "{source} → {target}: nothing to build; every skill is already at its level",
                source=source,
                target=target,
            )
        ]
    elif not gap.build:
        missing = sum(p.missing for p in gap.points)
        out = [
            say(
                lang,
                "{source} → {target}: {points} to gain ({levels})",
                source=source,
                target=target,
                points=count(lang, "{count} more point", "{count} more points", missing),
                levels=count(lang, "+{count} level", "+{count} levels", gap.size),
            )
        ]
    else:
        skills = count(lang, "{count} skill", "{count} skills", len(gap.build))
        out = [
            say(
                lang,
                "{source} → {target}: {skills} to build ({levels})",
                source=source,
                target=target,
                skills=skills,
                count=len(gap.build),
                levels=count(lang, "+{count} level", "+{count} levels", gap.size),
            )
        ]
    names = {c.skill: career_map.skills[c.skill].name.get(lang) for c in gap.build + gap.dropped}
    width = max((_width(n) for n in names.values()), default=0)
    for category in career_map.category_order():
        changes = [c for c in gap.build if career_map.skills[c.skill].category == category]
        if changes:
            out.append("")
            out.append(category_name(career_map, category, lang))
            for c in changes:
                out.append(
                    f"  {_pad(names[c.skill], width)}  {c.from_level} → {c.to_level}  (+{c.change})"
                )
                looks = career_map.skills[c.skill].level_text(c.to_level, career_map.scale)
                if looks is not None:
                    out.append(f"    {_one_line(looks.get(lang))}")
    if gap.points:
        out.append("")
        out.append(say(lang, "Points (any mix of these skills counts)"))
        out += points_lines(career_map, gap, lang)
    if gap.dropped:
        out.append("")
        out.append(say(lang, "No longer stressed in {target}", target=target))
        for dropped in gap.dropped:
            level = say(lang, "level {level}", level=dropped.from_level)
            out.append(f"  {_pad(names[dropped.skill], width)}  {level}")
    return "\n".join(out)


def _lines(lead: str, text: str) -> str:
    """`text` after `lead`, its later lines (a long text may have several) indented under it."""
    return lead + text.replace("\n", "\n" + " " * len(lead))


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
    line = say(
        lang,
        "id: {id} · track: {track} · level {level} · typically {years}",
        id=role.id,
        track=track,
        level=role.level,
        years=_years(role.years, role.years_estimated, lang),
    )
    out = [heading, f"  {line}"]
    about_track = career_map.tracks[role.track].description
    if about_track is not None:
        about = _one_line(about_track.get(lang))
        out.append("  " + say(lang, "{track}: {description}", track=track, description=about))
    if role.title is not None:
        mine = {normalize_name(t) for t in role.title.all()}
        shared = [
            _name(career_map, other.id, lang)
            for other in career_map.roles.values()
            if other.id != role.id
            and other.title is not None
            and any(normalize_name(t) in mine for t in other.title.all())
        ]
        title = role.title.get(lang)
        if shared:
            others = say(lang, ", ").join(shared)
            out.append(
                "  " + say(lang, "title: {title}, shared with {roles}", title=title, roles=others)
            )
        else:
            out.append("  " + say(lang, "title: {title}", title=title))
    if role.aliases:
        out.append("  " + say(lang, "also called: {aliases}", aliases=", ".join(role.aliases)))
    if role.summary:
        out += ["", _lines("  ", role.summary.get(lang))]
    if role.responsibilities:
        out += ["", say(lang, "Responsibilities")]
        out += [_lines("  - ", r.get(lang)) for r in role.responsibilities]
    skills = sorted(role.skills.items(), key=lambda s: (-s[1], s[0]))
    names = {s: career_map.skills[s].name.get(lang) for s, _ in skills}
    width = max((_width(n) for n in names.values()), default=0)
    none = "  " + say(lang, "none")
    out += ["", say(lang, "Skills")]
    for s, lv in skills:
        out.append(f"  {_pad(names[s], width)}  {'●' * lv}{'○' * (5 - lv)}  {lv}")
        described = career_map.skills[s].description
        if described is not None:
            out.append(f"    {_one_line(described.get(lang))}")
    for requirement in role.points:
        skills_text = points_skills(career_map, requirement, lang)
        points = count(lang, "{count} point", "{count} points", requirement.total)
        out.append(
            "  "
            + say(
                lang, "At least {points} in all across {skills}", points=points, skills=skills_text
            )
        )
    out += ["", say(lang, "Next moves")]
    out += _moves_lines(career_map, next_moves, lang, forward=True) or [none]
    out += ["", say(lang, "Comes from")]
    out += _moves_lines(career_map, previous_moves, lang, forward=False) or [none]
    if role.interview:
        out += ["", say(lang, "Interview questions")]
        out += [_lines("  - ", q.get(lang)) for q in role.interview]
    cited = [career_map.sources[s] for s in role.sources if s in career_map.sources]
    if cited:
        out += ["", say(lang, "Sources")]
        out += [f"  {s.title}" + (f"  {s.url}" if s.url else "") for s in cited]
    moves = [move for move, _ in (*next_moves, *previous_moves)]
    marks = move_marks(moves) | ({"estimated"} if role.years_estimated else set())
    if marks:
        out += ["", *_legend_lines(lang, marks)]
    return "\n".join(out)


def moves_text(
    career_map: CareerMap, role: Role, moves: Sequence[tuple[Transition, SkillGap]], lang: str
) -> str:
    """`careergraph next`: the moves open from a role."""
    name = role.name.get(lang)
    if not moves:
        return say(lang, "No moves lead on from {name}.", name=name)
    lines = _moves_lines(career_map, moves, lang, forward=True)
    lines += _legend_lines(lang, move_marks([move for move, _ in moves]))
    return "\n".join([say(lang, "Moves from {name}:", name=name), *lines])


def _moves_lines(
    career_map: CareerMap,
    moves: Sequence[tuple[Transition, SkillGap]],
    lang: str,
    *,
    forward: bool,
) -> list[str]:
    names = [_name(career_map, move.target if forward else move.source, lang) for move, _ in moves]
    width = max((_width(n) for n in names), default=0)
    kind_width = max((_width(_kind(move, lang)) for move, _ in moves), default=0)
    arrow = "→" if forward else "←"
    lines = []
    for name, (move, gap) in zip(names, moves, strict=True):
        kind = _kind(move, lang)
        spent = _right(_years(move.years, move.years_estimated, lang), 5)
        line = f"  {arrow} {_pad(name, width)}  {_pad(kind, max(13, kind_width))}  {spent}"
        if forward:
            line += "  " + say(lang, "gap +{size}", size=gap.size)
        lines.append(line.rstrip())
    return lines


def roles_text(career_map: CareerMap, tracks: Sequence[str], lang: str) -> str:
    """`careergraph roles`: the roles ladder by ladder, lowest level first."""
    out: list[str] = []
    marks: set[str] = set()
    for track in tracks:
        roles = career_map.roles_in_track(track)
        out.append(f"{career_map.tracks[track].name.get(lang)} ({track})")
        about = career_map.tracks[track].description
        if about is not None:
            out.append(f"  {_one_line(about.get(lang))}")
        id_width = max((len(r.id) for r in roles), default=0)
        name_width = max((_width(r.name.get(lang)) for r in roles), default=0)
        out += [
            f"  {r.level:>2}  {r.id:<{id_width}}  {_pad(r.name.get(lang), name_width)}"
            f"  {_right(_years(r.years, r.years_estimated, lang), 5)}".rstrip()
            for r in roles
        ]
        out.append("")
        marks |= {"estimated"} if any(r.years_estimated for r in roles) else set()
    out += _legend_lines(lang, marks)
    return "\n".join(out).rstrip("\n")


def reach_text(
    career_map: CareerMap, source: str, within: float, reachable: Sequence[Reachable], lang: str
) -> str:
    """`careergraph reach`: roles within reach, nearest first, with route length and gap size."""
    name, limit = _name(career_map, source, lang), years_in(within, lang)
    if not reachable:
        return say(lang, "No role is reachable from {name} within {years}.", name=name, years=limit)
    header = say(lang, "role|years|moves|gap").split("|")
    rows = [
        (
            _name(career_map, r.role, lang)
            + (" (" + say(lang, "implied") + ")" if r.route.implied_moves else ""),
            _years(r.route.years, r.route.years_estimated, lang),
            str(len(r.route.steps)),
            f"+{r.gap.size}",
        )
        for r in reachable
    ]
    marks = move_marks([step.transition for r in reachable for step in r.route.steps])
    widths = [max(_width(row[i]) for row in [tuple(header), *rows]) for i in range(4)]

    def line(cells: Sequence[str]) -> str:
        first = _pad(cells[0], widths[0])
        rest = "  ".join(
            _right(cell, width) for cell, width in zip(cells[1:], widths[1:], strict=True)
        )
        return f"  {first}  {rest}"

    return "\n".join(
        [
            say(lang, "Roles reachable from {name} within {years}:", name=name, years=limit),
            line(header),
            *map(line, rows),
            *_legend_lines(lang, marks),
        ]
    )


def fit_text(
    career_map: CareerMap,
    start: str,
    standing: Standing,
    lang: str,
    *,
    you: Profile | None = None,
) -> str:
    """`careergraph fit`: roles by the share of their requirements met, with the nearest route."""
    name = _name(career_map, start, lang)
    fits = standing.fits
    if you is not None:
        heading = say(
            lang,
            "Roles by the share of what they ask that you already meet (as {role}):",
            role=name,
        )
    else:
        heading = say(
            lang, "Roles by the share of what they ask that {name} already meets:", name=name
        )
    header = say(lang, "role|met|missing|up|nearest route").split("|")
    rows = []
    for fit in fits:
        if fit.role == start:
            route = say(lang, N_("(this role)") if you is None else N_("(your role)"))
        elif fit.years is None:
            route = say(lang, "no route")
        else:
            moves = count(lang, "{count} move", "{count} moves", fit.moves or 0)
            route = say(lang, "{years}, {moves}", years=years_in(fit.years, lang), moves=moves)
        rows.append(
            (
                _name(career_map, fit.role, lang),
                f"{math.floor(fit.met * 100 + 0.5)}%",
                f"+{fit.missing_levels}" if fit.missing_levels else "0",
                "↑" if fit.up else "",
                route,
            )
        )
    widths = [max(_width(row[i]) for row in [tuple(header), *rows]) for i in range(4)]

    def line(cells: Sequence[str]) -> str:
        first = _pad(cells[0], widths[0])
        numbers = "  ".join(_right(c, w) for c, w in zip(cells[1:3], widths[1:3], strict=True))
        return f"  {first}  {numbers}  {_pad(cells[3], widths[3])}  {cells[4]}".rstrip()

    out = [heading, line(header), *map(line, rows)]
    if standing.weighed > len(fits):
        out.append(
            say(
                lang,
                "  … and {count} more (--limit 0 shows every role)",
                count=standing.weighed - len(fits),
            )
        )
    if any(fit.up for fit in fits):
        out.append(
            say(
                lang,
                "↑: a move up from {name}: higher on its ladder, or reached by promotions alone",
                name=name,
            )
        )
    return "\n".join(out)
