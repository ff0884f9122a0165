"""The promotion plan as Markdown: a document a person can keep, print or share."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from careergraph.model import CareerMap, Resource
from careergraph.query import Plan, PlannedSkill, PlannedStep, SkillGap, step_sources
from careergraph.render.chart import levels_svg, standings
from careergraph.render.messages import (
    RESOURCE_KINDS,
    category_name,
    count,
    estimated,
    estimated_so_far,
    legend,
    move_kind,
    move_marks,
    profile_line,
    say,
    step_words,
    years,
)
from careergraph.render.text import points_skills

# Characters that would turn data into Markdown markup (or HTML, which Markdown passes through).
_MARKUP = re.compile(r"([\\`*_\[\]<>|#!~&])")


def escape(text: str) -> str:
    """Data text shown as itself in Markdown: markup characters escaped, one line."""
    return _MARKUP.sub(r"\\\1", " ".join(text.split()))


def _link(url: str) -> str:
    """A web address as a Markdown autolink that no character in it can break out of."""
    return "<" + url.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20") + ">"


def plan_markdown(career_map: CareerMap, plan: Plan, lang: str) -> str:
    """`careergraph plan`: title, route table, then one section per step."""
    route = plan.route
    source = career_map.roles[route.roles[0]].name.get(lang)
    target = career_map.roles[route.roles[-1]].name.get(lang)
    moves = count(lang, "{count} move", "{count} moves", len(route.steps))
    out = [
        "# "
        + escape(say(lang, "Promotion plan: {source} → {target}", source=source, target=target)),
        "",
        escape(
            say(
                lang,
                "{years} over {moves}, starting as {source}.",
                years=estimated(years(route.years, lang), route.years_estimated, lang),
                moves=moves,
                source=source,
            )
        ),
    ]
    if plan.profile is not None:
        out += ["", escape(profile_line(plan.profile, lang))]
        out += ["", *_standing(career_map, plan, lang)]
    out += ["", "## " + say(lang, "Route"), ""]
    out += _route_table(career_map, plan, lang)
    marks = move_marks(
        (s.step.transition for s in plan.steps), steep=any(s.step.steep for s in plan.steps)
    )
    if any(s.role.years_estimated for s in plan.steps):
        marks.add("estimated")
    line = legend(lang, marks)
    if line is not None:
        out += ["", escape(line)]
    so_far = estimated_so_far(s.step.transition for s in plan.steps)
    for number, planned in enumerate(plan.steps, start=1):
        out += ["", *_step(career_map, number, planned, lang, so_far[number - 1])]
    out += [
        "",
        "---",
        "",
        escape(say(lang, "Made with careergraph from {file}.", file=Path(career_map.path).name)),
    ]
    return "\n".join(out) + "\n"


def _standing(career_map: CareerMap, plan: Plan, lang: str) -> list[str]:
    """The person's levels against the goal role's: the chart, then the same as a table."""
    assert plan.profile is not None
    target = career_map.roles[plan.route.roles[-1]]
    have = plan.profile.levels(career_map.roles[plan.profile.role])
    rows = standings(career_map, have, target, lang)
    name = target.name.get(lang)
    out = ["## " + say(lang, "Where you stand"), ""]
    if rows:
        out += [levels_svg(rows, name, lang, ident="standing"), ""]
    if rows or not target.points:
        columns = say(lang, "Skill|You|Needed").split("|")
        out += [f"| {' | '.join(columns)} |", "|---|---|---|"]
        out += [f"| {escape(r.name)} | {r.have} | {r.needed} |" for r in rows]
    for requirement in target.points:
        out = [*out, ""] if rows else out
        held = requirement.points(have)
        out.append(
            escape(
                say(
                    lang,
                    "Points: you hold {have} of the {total} asked across {count} skills.",
                    have=held,
                    total=requirement.total,
                    count=len(requirement.skills),
                )
            )
        )
    return out


def _route_table(career_map: CareerMap, plan: Plan, lang: str) -> list[str]:
    rows = [f"| # | {' | '.join(_route_columns(lang))} |", "|---|---|---|---|---|"]
    so_far = estimated_so_far(s.step.transition for s in plan.steps)
    for number, planned in enumerate(plan.steps, start=1):
        step = planned.step
        step_estimated = step.transition.years_estimated
        move = (
            f"{career_map.roles[step.transition.source].name.get(lang)} → "
            f"{career_map.roles[step.transition.target].name.get(lang)}"
        )
        cells = [
            str(number),
            escape(move),
            escape(move_kind(step.transition, lang, steep=bool(step.steep))),
            escape(estimated(years(step.years_left, lang), step_estimated, lang)),
            escape(estimated(years(step.cumulative_years, lang), so_far[number - 1], lang)),
        ]
        rows.append("| " + " | ".join(cells) + " |")
    return rows


def _route_columns(lang: str) -> list[str]:
    return say(lang, "Move|Kind|Years|Total").split("|")


def _step(
    career_map: CareerMap, number: int, planned: PlannedStep, lang: str, so_far_estimated: bool
) -> list[str]:
    step, role, moved = planned.step, planned.role, planned.step.transition
    words = step_words(career_map, number, planned, lang, so_far_estimated)
    out = [
        "## " + escape(words.heading),
        "",
        f"*{escape(words.move)}* · "
        + say(lang, "{so_far} {stay}", so_far=escape(words.so_far), stay=escape(words.stay)),
    ]
    if moved.basis != "stated" and moved.note is not None:
        out += ["", "> " + escape(moved.note.get(lang))]
    if role.summary:
        out += ["", escape(role.summary.get(lang))]
    if planned.skills or not step.gap.points:
        out += ["", "### " + say(lang, "Skills to build"), ""]
    if not planned.skills and not step.gap.points:
        out.append(
            say(lang, "Nothing new: every skill this role asks for is already at its level.")
        )
    elif planned.skills:
        columns = say(lang, "Skill|Category|Now|Needed|Gain").split("|")
        out += [f"| {' | '.join(columns)} |"]
        out += ["|---|---|---|---|---|"]
        out += [_skill_row(career_map, s, lang) for s in planned.skills]
        out += ["", "### " + say(lang, "How to build them"), ""]
        for planned_skill in planned.skills:
            out += _skill_resources(career_map, planned_skill, lang)
        if said := no_resources_sentence(planned.skills, lang):
            out.append(f"- {escape(said)}")
    if step.gap.points:
        out += ["", "### " + say(lang, "Points to gain"), ""]
        for text in points_sentences(career_map, step.gap, lang):
            out += [escape(text), ""]
        for planned_skill in planned.suggested:
            out += _skill_resources(career_map, planned_skill, lang)
        if said := no_resources_sentence(planned.suggested, lang):
            out.append(f"- {escape(said)}")
        out = out[:-1] if out[-1] == "" else out
    certifications = _certifications(planned, lang)
    if certifications:
        out += ["", "### " + say(lang, "Certifications"), "", *certifications]
    if role.interview:
        out += [
            "",
            "### " + escape(say(lang, "Interview questions for {role}", role=role.name.get(lang))),
            "",
        ]
        out += [f"{i}. {escape(q.get(lang))}" for i, q in enumerate(role.interview, start=1)]
    cited = step_sources(career_map, moved, role)
    if cited:
        out += ["", "### " + say(lang, "Sources"), ""]
        out += [f"- {escape(s.title)}" + (f" {_link(s.url)}" if s.url else "") for s in cited]
    return out


def points_sentences(career_map: CareerMap, gap: SkillGap, lang: str) -> list[str]:
    """Each points requirement of a plan's step: the points to gain across its skills, then one
    concrete way to gain them."""
    comma = say(lang, ", ")
    out = []
    for p in gap.points:
        requirement = p.requirement
        skills = points_skills(career_map, requirement, lang)
        out.append(
            say(
                lang,
                "{points} across these skills ({have} of {total} held): {skills}.",
                points=count(lang, "{count} more point", "{count} more points", p.missing),
                have=p.have,
                total=requirement.total,
                skills=skills,
            )
        )
        changes = comma.join(
            f"{career_map.skills[c.skill].name.get(lang)} {c.from_level} → {c.to_level}"
            for c in p.suggested
        )
        levels = count(lang, "+{count} level", "+{count} levels", p.levels)
        out.append(say(lang, "For instance: {changes} ({levels}).", changes=changes, levels=levels))
    return out


def _skill_row(career_map: CareerMap, planned: PlannedSkill, lang: str) -> str:
    change, skill = planned.change, planned.skill
    cells = [
        escape(skill.name.get(lang)),
        escape(category_name(career_map, skill.category, lang)),
        str(change.from_level),
        str(change.to_level),
        f"+{change.change}",
    ]
    return "| " + " | ".join(cells) + " |"


def _skill_resources(career_map: CareerMap, planned: PlannedSkill, lang: str) -> list[str]:
    """A skill's target level and the resources that build it; nothing when there is neither
    (the step then names it once among the skills with no resource)."""
    change, skill = planned.change, planned.skill
    out = [f"- **{escape(skill.name.get(lang))}** ({change.from_level} → {change.to_level})"]
    looks = skill.level_text(change.to_level, career_map.scale)
    if looks is not None:
        said = say(
            lang, "Level {level} looks like: {text}", level=change.to_level, text=looks.get(lang)
        )
        out.append(f"  - *{escape(said)}*")
    out += [f"  - {resource_line(r, lang)}" for r in skill.resources]
    return out if len(out) > 1 else []


def no_resources_sentence(skills: Sequence[PlannedSkill], lang: str) -> str | None:
    """The skills of a step that no resource builds yet, named once for the whole step (None
    when every one has a resource)."""
    bare = [p.skill.name.get(lang) for p in skills if not p.skill.resources]
    if not bare:
        return None
    return say(lang, "No resource listed yet for {skills}.", skills=say(lang, "; ").join(bare))


def resource_line(resource: Resource, lang: str) -> str:
    """One resource: its kind, title, note and address."""
    kind = say(lang, RESOURCE_KINDS[resource.kind])
    line = f"{kind}: *{escape(resource.title.get(lang))}*"
    if resource.note:
        line += f" — {escape(resource.note.get(lang))}"
    if resource.url:
        line += f" {_link(resource.url)}"
    return line


def _certifications(planned: PlannedStep, lang: str) -> list[str]:
    """Certification skills to gain on this step, then exams listed as resources of its skills."""
    out = [
        f"- **{escape(p.skill.name.get(lang))}** ({p.change.from_level} → {p.change.to_level})"
        for p in planned.certifications()
    ]
    return out + [f"- {resource_line(r, lang)}" for r in planned.exams()]
