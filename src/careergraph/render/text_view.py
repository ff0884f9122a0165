"""The map as plain HTML, readable without JavaScript: the routes as lists, then each track's roles
and the moves out of them as tables."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from html import escape

from careergraph.graph import CareerGraph
from careergraph.model import CareerMap, Role
from careergraph.query import Route
from careergraph.render.labels import years_text
from careergraph.render.page_words import _ui
from careergraph.render.panels import Moves, in_order


def text_view(career_map: CareerMap, graph: CareerGraph, routes: Sequence[Route], lang: str) -> str:
    """The map as text, rendered here so it reads without JavaScript: the routes as lists, then
    track by track a table of its roles and a table of the moves out of them."""
    ui = _ui(lang)
    out = [f'<h2 id="text-view-title" tabindex="-1">{_esc(ui["text_view_title"])}</h2>']
    names = {r: career_map.roles[r].name.get(lang) for r in graph.nodes}
    for number, route in enumerate(routes):
        label = ui["best_route"] if number == 0 else f"{ui['alternative']} {number}"
        total = f"{ui['total']}: {years_text(route.years, lang)}"
        out.append(f"<h3>{_esc(label)}</h3><ol>")
        for step in route.steps:
            move = step.transition
            meta = f"{ui[move.kind.value]} · {years_text(move.years, lang)}"
            out.append(
                f"<li>{_esc(names[move.source])} → {_esc(names[move.target])} ({_esc(meta)})</li>"
            )
        out.append(f"</ol><p>{_esc(total)}</p>")
    moves = Moves(in_order(graph.edges(data="transition")))
    by_track: dict[str, list[Role]] = defaultdict(list)
    for role_id in sorted(graph.nodes):
        role = career_map.roles[role_id]
        by_track[role.track].append(role)
    for track in sorted(by_track, key=lambda t: career_map.tracks[t].name.get(lang)):
        members = sorted(by_track[track], key=lambda r: (r.level, names[r.id], r.id))
        name = _esc(career_map.tracks[track].name.get(lang))
        out.append(f'<section class="text-track"><h3>{name}</h3>')
        head = [ui["role"], ui["level"], ui["stay"], ui["aliases"]]
        out.append(f'<table class="text-roles"><caption>{_esc(ui["roles_in_track"])}</caption>')
        out.append(_head(head))
        out.append("<tbody>")
        for role in members:
            out.append(
                f'<tr><th scope="row" id="text-{_esc(role.id)}">{_esc(names[role.id])}</th>'
                f"<td>{role.level}</td><td>{_esc(years_text(role.years, lang))}</td>"
                f"<td>{_esc(', '.join(role.aliases))}</td></tr>"
            )
        out.append("</tbody></table>")
        leaving = [m for role in members for m in moves.out_of[role.id]]
        if leaving:
            head = [ui["from"], ui["to"], ui["kind"], ui["takes"]]
            caption = _esc(ui["moves_from_track"])
            out.append(
                f'<table class="text-moves"><caption>{caption}</caption>{_head(head)}<tbody>'
            )
            for move in leaving:
                out.append(
                    f"<tr><td>{_esc(names[move.source])}</td>"
                    f'<td><a href="#text-{_esc(move.target)}">{_esc(names[move.target])}</a>'
                    f"</td><td>{_esc(ui[move.kind.value])}</td>"
                    f"<td>{_esc(years_text(move.years, lang))}</td></tr>"
                )
            out.append("</tbody></table>")
        out.append("</section>")
    return "\n".join(out)


def _head(cells: Sequence[str]) -> str:
    return (
        "<thead><tr>" + "".join(f'<th scope="col">{_esc(c)}</th>' for c in cells) + "</tr></thead>"
    )


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _esc(text: str) -> str:
    """Text for HTML; a lone surrogate (YAML allows "\\ud800") cannot be written as UTF-8."""
    return escape(_LONE_SURROGATE.sub("\ufffd", text))
