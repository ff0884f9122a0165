"""The promotion plan as one self-contained, printable HTML page: no script, no outside request."""

from __future__ import annotations

import re
from html import escape
from importlib import resources
from pathlib import Path

from careergraph.model import CareerMap, Resource
from careergraph.query import Plan, PlannedSkill, PlannedStep, step_sources
from careergraph.render.chart import levels_svg, standings
from careergraph.render.markdown import no_resources_sentence, points_sentences
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
from careergraph.render.network import FONT

_SLOT = re.compile(r"<!--careergraph:(\w+)-->")


def plan_html(career_map: CareerMap, plan: Plan, lang: str) -> str:
    """`careergraph plan -o plan.html`: the same plan as the Markdown, as a page to print."""
    route = plan.route
    source = career_map.roles[route.roles[0]].name.get(lang)
    target = career_map.roles[route.roles[-1]].name.get(lang)
    title = say(lang, "Promotion plan: {source} → {target}", source=source, target=target)
    moves = count(lang, "{count} move", "{count} moves", len(route.steps))
    total = estimated(years(route.years, lang), route.years_estimated, lang)
    summary = say(
        lang, "{years} over {moves}, starting as {source}.", years=total, moves=moves, source=source
    )
    body = [f"<h1>{escape(title)}</h1>", f'<p class="summary">{escape(summary)}</p>']
    if plan.profile is not None:
        body.append(f'<p class="meta">{escape(profile_line(plan.profile, lang))}</p>')
        body.append(_standing(career_map, plan, lang))
    body += [_element("h2", say(lang, "Route")), _route_table(career_map, plan, lang)]
    marks = move_marks(
        (s.step.transition for s in plan.steps), steep=any(s.step.steep for s in plan.steps)
    )
    if any(s.role.years_estimated for s in plan.steps):
        marks.add("estimated")
    line = legend(lang, marks)
    if line is not None:
        body.append(f'<p class="legend">{escape(line)}</p>')
    so_far = estimated_so_far(s.step.transition for s in plan.steps)
    for number, planned in enumerate(plan.steps, start=1):
        body.append(_step(career_map, number, planned, lang, so_far[number - 1]))
    footer = say(lang, "Made with careergraph from {file}.", file=Path(career_map.path).name)
    body.append(f"<footer>{escape(footer)}</footer>")
    slots = {"lang": escape(lang), "title": escape(title), "body": "\n".join(body), "font": FONT}
    template = (resources.files("careergraph.render") / "templates" / "plan.html").read_text(
        encoding="utf-8"
    )
    return _SLOT.sub(lambda match: slots[match.group(1)], template)


def _row(cells: list[str], *, numbers: int = 0, head: bool = False) -> str:
    """A table row of already-escaped cells; the last `numbers` cells are right-aligned."""
    tag = "th" if head else "td"
    out = []
    for index, cell in enumerate(cells):
        numeric = index >= len(cells) - numbers
        out.append(f'<{tag} class="number">{cell}</{tag}>' if numeric else f"<{tag}>{cell}</{tag}>")
    return "<tr>" + "".join(out) + "</tr>"


def _standing(career_map: CareerMap, plan: Plan, lang: str) -> str:
    """The person's levels against the goal role's: the chart, then the same as a table."""
    assert plan.profile is not None
    target = career_map.roles[plan.route.roles[-1]]
    have = plan.profile.levels(career_map.roles[plan.profile.role])
    rows = standings(career_map, have, target, lang)
    out = ['<section class="standing">', _element("h2", say(lang, "Where you stand"))]
    if rows:
        chart = levels_svg(rows, target.name.get(lang), lang, ident="standing")
        out.append(f'<figure class="chart">{chart}</figure>')
    columns = [escape(c) for c in say(lang, "Skill|You|Needed").split("|")]
    body = "".join(_row([escape(r.name), str(r.have), str(r.needed)], numbers=2) for r in rows)
    if rows or not target.points:
        out.append(
            f'<table class="standing"><thead>{_row(columns, numbers=2, head=True)}</thead>'
            f"<tbody>{body}</tbody></table>"
        )
    for requirement in target.points:
        held = requirement.points(have)
        line = say(
            lang,
            "Points: you hold {have} of the {total} asked across {count} skills.",
            have=held,
            total=requirement.total,
            count=len(requirement.skills),
        )
        out.append(f'<p class="points">{escape(line)}</p>')
    out.append("</section>")
    return "\n".join(out)


def _route_table(career_map: CareerMap, plan: Plan, lang: str) -> str:
    columns = ["#", *map(escape, say(lang, "Move|Kind|Years|Total").split("|"))]
    head = _row(columns, numbers=2, head=True)
    rows = []
    so_far = estimated_so_far(s.step.transition for s in plan.steps)
    for number, planned in enumerate(plan.steps, start=1):
        step = planned.step
        guessed = step.transition.years_estimated
        move = (
            f"{career_map.roles[step.transition.source].name.get(lang)} → "
            f"{career_map.roles[step.transition.target].name.get(lang)}"
        )
        kind = escape(move_kind(step.transition, lang, steep=bool(step.steep)))
        basis = step.transition.basis
        cells = [
            str(number),
            escape(move),
            f'<span class="kind" data-basis="{escape(basis)}">{kind}</span>',
            escape(estimated(years(step.years_left, lang), guessed, lang)),
            escape(estimated(years(step.cumulative_years, lang), so_far[number - 1], lang)),
        ]
        rows.append(_row(cells, numbers=2))
    return f'<table class="route"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


def _step(
    career_map: CareerMap, number: int, planned: PlannedStep, lang: str, so_far_estimated: bool
) -> str:
    step, role, moved = planned.step, planned.role, planned.step.transition
    words = step_words(career_map, number, planned, lang, so_far_estimated)
    timing = say(lang, "{so_far} {stay}", so_far=escape(words.so_far), stay=escape(words.stay))
    out = [
        f'<section class="step" id="step-{number}">',
        f"<h2>{escape(words.heading)}</h2>",
        f'<p class="meta"><em>{escape(words.move)}</em> · {timing}</p>',
    ]
    if moved.basis != "stated" and moved.note is not None:
        out.append(f'<p class="basis">{escape(moved.note.get(lang))}</p>')
    if role.summary:
        out.append(f'<p class="summary">{escape(role.summary.get(lang))}</p>')
    if planned.skills or not step.gap.points:
        out.append(_element("h3", say(lang, "Skills to build")))
    if not planned.skills and not step.gap.points:
        out.append(
            _element(
                "p",
                say(lang, "Nothing new: every skill this role asks for is already at its level."),
            )
        )
    elif planned.skills:
        columns = [escape(c) for c in say(lang, "Skill|Category|Now|Needed|Gain").split("|")]
        head = _row(columns, numbers=3, head=True)
        rows = "".join(_skill_row(career_map, p, lang) for p in planned.skills)
        out.append(f'<table class="skills"><thead>{head}</thead><tbody>{rows}</tbody></table>')
        out.append(_element("h3", say(lang, "How to build them")))
        out += [s for p in planned.skills if (s := _skill_resources(career_map, p, lang))]
        if said := no_resources_sentence(planned.skills, lang):
            out.append(f'<p class="no-resources">{escape(said)}</p>')
    if step.gap.points:
        out.append(_element("h3", say(lang, "Points to gain")))
        out += [
            f'<p class="points">{escape(text)}</p>'
            for text in points_sentences(career_map, step.gap, lang)
        ]
        out += [s for p in planned.suggested if (s := _skill_resources(career_map, p, lang))]
        if said := no_resources_sentence(planned.suggested, lang):
            out.append(f'<p class="no-resources">{escape(said)}</p>')
    certifications = [_certification(p, lang) for p in planned.certifications()]
    certifications += [f"<li>{resource_html(r, lang)}</li>" for r in planned.exams()]
    if certifications:
        out.append(_element("h3", say(lang, "Certifications")))
        out.append(f'<ul class="certifications">{"".join(certifications)}</ul>')
    if role.interview:
        out.append(
            _element("h3", say(lang, "Interview questions for {role}", role=role.name.get(lang)))
        )
        questions = "".join(f"<li>{escape(q.get(lang))}</li>" for q in role.interview)
        out.append(f'<ol class="interview">{questions}</ol>')
    cited = step_sources(career_map, moved, role)
    if cited:
        out.append(_element("h3", say(lang, "Sources")))
        items = "".join(f"<li>{_source_html(s.title, s.url)}</li>" for s in cited)
        out.append(f'<ul class="sources">{items}</ul>')
    out.append("</section>")
    return "\n".join(out)


def _skill_row(career_map: CareerMap, planned: PlannedSkill, lang: str) -> str:
    change, skill = planned.change, planned.skill
    cells = [
        escape(skill.name.get(lang)),
        escape(category_name(career_map, skill.category, lang)),
        str(change.from_level),
        str(change.to_level),
        f'<span class="gain">+{change.change}</span>',
    ]
    return _row(cells, numbers=3)


def _skill_resources(career_map: CareerMap, planned: PlannedSkill, lang: str) -> str:
    change, skill = planned.change, planned.skill
    items = [f"<li>{resource_html(r, lang)}</li>" for r in skill.resources]
    name = escape(skill.name.get(lang))
    looks = skill.level_text(change.to_level, career_map.scale)
    level = ""
    if looks is not None:
        said = say(
            lang, "Level {level} looks like: {text}", level=change.to_level, text=looks.get(lang)
        )
        level = f'<p class="level">{escape(said)}</p>'
    if not items and not level:
        return ""  # named once, with the step's other skills that no resource builds yet
    listed = f'<ul class="resources">{"".join(items)}</ul>' if items else ""
    return (
        f'<p class="skill"><strong>{name}</strong> ({change.from_level} → {change.to_level})</p>'
        f"{level}{listed}"
    )


def _certification(planned: PlannedSkill, lang: str) -> str:
    change = planned.change
    name = escape(planned.skill.name.get(lang))
    return f"<li><strong>{name}</strong> ({change.from_level} → {change.to_level})</li>"


def _source_html(title: str, url: str | None) -> str:
    """A source: its title, and its address as a link when it has one."""
    if url is None:
        return f"<cite>{escape(title)}</cite>"
    href = escape(url)
    link = f'<a class="url" href="{href}" rel="noopener noreferrer">{href}</a>'
    return f"<cite>{escape(title)}</cite> {link}"


def _element(tag: str, text: str) -> str:
    """`text` escaped in a `tag` element: <h3>Skills to build</h3>."""
    return f"<{tag}>{escape(text)}</{tag}>"


def resource_html(resource: Resource, lang: str) -> str:
    """One resource: kind, title, note, and its address as text (the page makes no request)."""
    kind = escape(say(lang, RESOURCE_KINDS[resource.kind]))
    line = f"{kind}: <cite>{escape(resource.title.get(lang))}</cite>"
    if resource.note:
        line += f" — {escape(resource.note.get(lang))}"
    if resource.url:
        url = escape(resource.url)
        line += f' <a class="url" href="{url}" rel="noopener noreferrer">{url}</a>'
    return line
