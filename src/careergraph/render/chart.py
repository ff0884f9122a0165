"""A person's levels against a role's, as an inline SVG bar chart that prints and reads aloud.

One row per skill the role asks for (largest shortfall first): a filled bar for the level the
person holds, an outlined bar for the level asked, and both numbers. The colours are solid and
differ in shape as well as tone (filled against outlined), so the chart reads in black and white;
its `<title>` and `<desc>` name what it shows, and the plan gives the same numbers as a table.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape

from careergraph.model import CareerMap, Role
from careergraph.render.messages import say

_ROW = 26.0  # height of one skill's row
_BAR = 8.0  # height of each of its two bars
_UNIT = 56.0  # width of one level
_TOP = 34.0  # room for the legend
_BOTTOM = 22.0  # room for the level numbers under the grid
_GAP = 12.0  # between the labels and the grid
_CHAR = 7.2  # width of a narrow character at 12px; a wide (CJK) one takes two
_YOU = "#2f6fde"
_INK = "#1f2933"
_GRID = "#d9e2ec"
_TOP_LEVEL = 5


@dataclass(frozen=True)
class SkillStanding:
    """One skill of the chart: its name, the level held and the level asked."""

    skill: str
    name: str
    have: int
    needed: int


def standings(
    career_map: CareerMap, have: Mapping[str, int], target: Role, lang: str
) -> list[SkillStanding]:
    """The role's skills with the person's levels, largest shortfall first, then by level asked."""
    rows = [
        SkillStanding(
            skill,
            # One line: a line break in a name would end the chart's block in Markdown.
            " ".join(career_map.skills[skill].name.get(lang).split()),
            min(have.get(skill, 0), _TOP_LEVEL),
            level,
        )
        for skill, level in target.skills.items()
    ]
    rows.sort(key=lambda r: (-(r.needed - r.have), -r.needed, r.skill))
    return rows


def _text_width(text: str) -> float:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text) * _CHAR


def levels_svg(rows: list[SkillStanding], role_name: str, lang: str, *, ident: str) -> str:
    """The chart as one `<svg>` element; `ident` makes its title and description ids unique."""
    labels = max((_text_width(r.name) for r in rows), default=0.0)
    left = labels + _GAP
    title = say(lang, "Your levels against {role}", role=role_name)
    desc = say(
        lang,
        "For each of the {count} skills {role} asks for: the level you "
        "hold (filled bar) and the level it asks (outlined bar), on a "
        "scale of 0 to 5.",
        role=role_name,
        count=len(rows),
    )
    you, needed = say(lang, "You"), say(lang, "Needed for {role}", role=role_name)
    legend_end = left + 60 + _text_width(you) + _text_width(needed)
    width = max(left + _UNIT * _TOP_LEVEL + 56.0, legend_end + 8)
    height = _TOP + _ROW * len(rows) + _BOTTOM
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="levels-chart" role="img" '
        f'viewBox="0 0 {width:g} {height:g}" width="{width:g}" height="{height:g}" '
        f'aria-labelledby="{ident}-title" aria-describedby="{ident}-desc" '
        "font-family=\"system-ui, -apple-system, 'Segoe UI', 'Noto Sans CJK JP', sans-serif\" "
        'font-size="12">',
        f'<title id="{ident}-title">{escape(title)}</title>',
        f'<desc id="{ident}-desc">{escape(desc)}</desc>',
    ]
    # The legend: a filled swatch for the person, an outlined one for the role.
    out += [
        f'<rect x="{left:g}" y="8" width="14" height="{_BAR:g}" fill="{_YOU}"/>',
        f'<text x="{left + 20:g}" y="16" fill="{_INK}">{escape(you)}</text>',
        f'<rect x="{left + 40 + _text_width(you):g}" y="8.5" width="14" height="{_BAR - 1:g}" '
        f'fill="#fff" stroke="{_INK}"/>',
        f'<text x="{left + 60 + _text_width(you):g}" y="16" fill="{_INK}">{escape(needed)}</text>',
    ]
    bottom = _TOP + _ROW * len(rows)
    for level in range(_TOP_LEVEL + 1):
        x = left + _UNIT * level
        out.append(
            f'<line x1="{x:g}" y1="{_TOP - 4:g}" x2="{x:g}" y2="{bottom:g}" stroke="{_GRID}"/>'
        )
        out.append(
            f'<text x="{x:g}" y="{bottom + 15:g}" text-anchor="middle" fill="{_INK}">{level}</text>'
        )
    for index, row in enumerate(rows):
        top = _TOP + _ROW * index
        middle = top + _ROW / 2
        out.append(
            f'<text x="{labels:g}" y="{middle + 4:g}" text-anchor="end" fill="{_INK}">'
            f"{escape(row.name)}</text>"
        )
        if row.have:
            out.append(
                f'<rect x="{left:g}" y="{middle - _BAR - 1:g}" width="{_UNIT * row.have:g}" '
                f'height="{_BAR:g}" fill="{_YOU}"/>'
            )
        out.append(
            f'<rect x="{left:g}" y="{middle + 1.5:g}" width="{_UNIT * row.needed:g}" '
            f'height="{_BAR - 1:g}" fill="#fff" stroke="{_INK}"/>'
        )
        out.append(
            f'<text x="{left + _UNIT * _TOP_LEVEL + 8:g}" y="{middle + 4:g}" fill="{_INK}">'
            f"{row.have} / {row.needed}</text>"
        )
    out.append("</svg>")
    return "\n".join(out)
