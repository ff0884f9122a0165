"""CSV tables of roles and of transitions for spreadsheets: UTF-8 with a BOM, formulas defused.

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so a
spreadsheet shows it as text instead of running it; readers remove that one `'` again.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from typing import Any

from careergraph.model import CareerMap, Text
from careergraph.render.graph_files import LEVEL_PREFIX, SKILL_PREFIX, move_fields, role_fields

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_BOM = "\ufeff"


def defuse(cell: str) -> str:
    """The cell as a spreadsheet will show it as text (a leading `'` before a formula start)."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def _table(columns: Sequence[str], rows: Sequence[Mapping[str, Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([defuse(_cell(row.get(column))) for column in columns])
    return (_BOM + out.getvalue()).encode("utf-8")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):  # as JSON and the data file write it
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _columns(rows: Sequence[Mapping[str, Any]], first: Sequence[str]) -> list[str]:
    """`first` columns, then every other one in order of appearance, skill columns last."""
    last = (SKILL_PREFIX, LEVEL_PREFIX)
    seen = dict.fromkeys(first)
    for row in rows:
        seen.update(dict.fromkeys(k for k in row if not k.startswith(last)))
    skills = sorted({k for row in rows for k in row if k.startswith(SKILL_PREFIX)})
    levels = sorted({k for row in rows for k in row if k.startswith(LEVEL_PREFIX)})
    return [*seen, *skills, *levels]


def roles_csv(career_map: CareerMap, lang: str) -> bytes:
    """One row per role: id, names, aliases (JSON list), track, level, years, `skill:ID` levels."""
    rows = [
        {"id": role_id, **role_fields(career_map, career_map.roles[role_id], lang)}
        for role_id in sorted(career_map.roles)
    ]
    return _table(_columns(rows, ["id", "label"]), rows)


def transitions_csv(career_map: CareerMap) -> bytes:
    """One row per move: from, to, kind, years and the note in each language."""
    rows = [
        {"from": move.source, "to": move.target, **move_fields(move)}
        for move in sorted(career_map.transitions, key=lambda t: (t.source, t.target))
    ]
    return _table(_columns(rows, ["from", "to", "kind", "years"]), rows)


def skills_csv(career_map: CareerMap) -> bytes:
    """One row per skill: id, category, name, description and each level's text, per language.

    The map's scale, which speaks for levels a skill does not describe, is the row with no id.
    """
    rows: list[dict[str, Any]] = [
        {"id": "", **_texts("level", career_map.scale)} if career_map.scale else {}
    ]
    rows = [row for row in rows if row]
    for skill_id, skill in sorted(career_map.skills.items()):
        row: dict[str, Any] = {"id": skill_id, "category": str(skill.category)}
        row |= {f"name_{lang}": text for lang, text in skill.name.as_dict().items()}
        if skill.description is not None:
            row |= {f"description_{lang}": t for lang, t in skill.description.as_dict().items()}
        rows.append(row | _texts("level", skill.levels))
    return _table(_columns(rows, ["id", "category"]), rows)


def _texts(field: str, levels: Mapping[int, Text]) -> dict[str, str]:
    return {
        f"{field}_{level}_{lang}": value
        for level, text in levels.items()
        for lang, value in text.as_dict().items()
    }
