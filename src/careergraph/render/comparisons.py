"""Text and JSON for comparisons: similar roles, suggested moves, and what changed between maps."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from typing import Any

from careergraph.changes import MapChanges, RouteChangeKind, SectionChanges
from careergraph.model import CareerMap, Transition
from careergraph.render.messages import MOVE_KINDS, N_, estimated, say
from careergraph.render.messages import move_kind as _kind
from careergraph.render.messages import years as years_in
from careergraph.render.text import _pad, _width, _wrap_items
from careergraph.similar import Similarity


def _shared(career_map: CareerMap, found: Similarity, lang: str) -> list[str]:
    return [
        f"{career_map.skills[s.skill].name.get(lang)} "
        f"{_level(s.source_level, s.source_approximate, lang)}/"
        f"{_level(s.target_level, s.target_approximate, lang)}"
        for s in found.shared
    ]


def _level(level: float, approximate: bool, lang: str) -> str:
    """A level as text: `~2.25` (`約2.25`) where it is spread from a points requirement."""
    return _about(f"{round(level, 2):g}", approximate, lang)


def _about(figure: str, approximate: bool, lang: str) -> str:
    return say(lang, "~{value}", value=figure) if approximate else figure


def _level_data(level: float, approximate: bool) -> float:
    """A level for JSON: a whole number unless spread from a points requirement."""
    return round(level, 2) if approximate else int(level)


def _score(found: Similarity, lang: str) -> str:
    return _about(f"{found.score:.0%}", found.approximate, lang)


def similar_text(
    career_map: CareerMap,
    role_id: str,
    found: Sequence[Similarity],
    suggested: Sequence[tuple[Transition, Similarity]] | None,
    lang: str,
) -> str:
    """`careergraph similar`: the most alike roles, then (with --suggest) the inferred moves."""
    name = career_map.roles[role_id].name.get(lang)
    if not found:
        out = [say(lang, "No role shares a skill with {name}.", name=name)]
    else:
        names = [career_map.roles[f.target].name.get(lang) for f in found]
        role_column, *columns = say(lang, "role|overlap|gap there|gap back|move in data").split("|")
        width = max(_width(n) for n in [*names, role_column])
        # The number columns are at least as wide as English's headings, so English keeps its
        # layout whatever the other language's headings are.
        widths = [max(_width(c), least) for c, least in zip(columns[:3], (7, 9, 8), strict=True)]
        out = [
            say(lang, "Roles like {name}, by skill overlap weighted by level:", name=name),
            f"  {_pad(role_column, width)}  "
            + "  ".join(_right(c, w) for c, w in zip(columns[:3], widths, strict=True))
            + f"  {columns[3]}",
        ]
        for role_name, f in zip(names, found, strict=True):
            linked = say(lang, N_("yes") if f.linked else N_("no"))
            cells = (_score(f, lang), f"+{f.gap_there}", f"+{f.gap_back}")
            out.append(
                f"  {_pad(role_name, width)}  "
                + "  ".join(_right(c, w) for c, w in zip(cells, widths, strict=True))
                + f"  {linked}"
            )
            lead = "      " + say(lang, "shared: ")
            out += _wrap_items(lead, _shared(career_map, f, lang), lang)
        out.append("")
        out += say(
            lang,
            "shared: level in {name}/level in the role. gap there: levels to "
            "build\nmoving from {name} to the role; gap back: the other way.",
            name=name,
        ).split("\n")
        if any(f.approximate for f in found):
            out += say(
                lang, "~: a points requirement's total spread evenly over its skills (an estimate)."
            ).split("\n")
    if suggested is not None:
        out.append("")
        if not suggested:
            out.append(
                say(lang, "No move to suggest from {name}: no similar role lacks one.", name=name)
            )
        else:
            out.append(
                say(lang, "Suggested moves from {name} (inferred: not in the data):", name=name)
            )
            rows = [
                (career_map.roles[m.target].name.get(lang), say(lang, MOVE_KINDS[m.kind]), m, f)
                for m, f in suggested
            ]
            width = max(_width(r[0]) for r in rows)
            kind_width = max(_width(r[1]) for r in rows)
            out += [
                f"  → {_pad(target, width)}  "
                + say(lang, "inferred {kind}", kind=_pad(kind, kind_width))
                + f"  {_right(estimated(years_in(m.years, lang), True, lang), 5)}  "
                + say(lang, "{score} overlap", score=_score(f, lang))
                + "  "
                + say(lang, "gap +{size}", size=f.gap_there)
                for target, kind, m, f in rows
            ]
    return "\n".join(out)


def _right(text: str, width: int) -> str:
    """`text` right-aligned in `width` columns, counting wide characters as two."""
    return " " * max(0, width - _width(text)) + text


def _similarity_data(career_map: CareerMap, found: Similarity, lang: str) -> dict[str, Any]:
    return {
        "role": found.target,
        "name": career_map.roles[found.target].name.get(lang),
        "similarity": round(found.score, 4),
        "shared": [
            {
                "skill": s.skill,
                "name": career_map.skills[s.skill].name.get(lang),
                "from_level": _level_data(s.source_level, s.source_approximate),
                "to_level": _level_data(s.target_level, s.target_approximate),
                "from_approximate": s.source_approximate,
                "to_approximate": s.target_approximate,
            }
            for s in found.shared
        ],
        "gap_there": found.gap_there,
        "gap_back": found.gap_back,
        "linked": found.linked,
        "approximate": found.approximate,
    }


def similar_data(
    career_map: CareerMap,
    role_id: str,
    found: Sequence[Similarity],
    suggested: Sequence[tuple[Transition, Similarity]] | None,
    lang: str,
) -> dict[str, Any]:
    """`careergraph similar --json`."""
    data: dict[str, Any] = {
        "role": role_id,
        "measure": "weighted_jaccard",
        "similar": [_similarity_data(career_map, f, lang) for f in found],
    }
    if suggested is not None:
        data["suggested"] = [
            {
                "from": m.source,
                "to": m.target,
                "kind": m.kind.value,
                "years": m.years,
                "inferred": True,
                "basis": m.basis,
                "years_estimated": m.years_estimated,
                "name": career_map.roles[m.target].name.get(lang),
                "similarity": round(f.score, 4),
                "approximate": f.approximate,
                "gap_size": f.gap_there,
            }
            for m, f in suggested
        ]
    return data


_SECTIONS = ("tracks", "skills", "roles", "transitions")
# Sections shown only when something in them changed (older maps have none of them).
_OTHER_SECTIONS = ("scale", "categories", "sources", "names")


def _value(value: Any, lang: str) -> str:
    if value is None:
        return say(lang, "(none)")
    if isinstance(value, float | int) and not isinstance(value, bool):
        return f"{value:g}"
    return json.dumps(value, ensure_ascii=False)


def _record_name(career_map: CareerMap, section: str, key: tuple[str, ...], lang: str) -> str:
    """What to call a record: its name in `lang` beside its id, or FROM → TO for a move."""
    if section == "transitions":
        move = next(t for t in career_map.transitions if (t.source, t.target) == key)
        move_words = say(
            lang, "{kind}, {years}", kind=_kind(move, lang), years=years_in(move.years, lang)
        )
        return f"{' → '.join(key)}  {move_words}"
    if section in ("scale", "names"):
        return key[0]
    if section == "sources":
        return f"{key[0]}  {career_map.sources[key[0]].title}"
    if section == "categories":
        category = career_map.categories[key[0]]
        return key[0] if category.name is None else f"{key[0]}  {category.name.get(lang)}"
    records: dict[str, Any] = {
        "tracks": career_map.tracks,
        "skills": career_map.skills,
        "roles": career_map.roles,
    }
    return f"{key[0]}  {records[section][key[0]].name.get(lang)}"


_SECTION_NAMES = {
    "tracks": N_("Tracks"),
    "skills": N_("Skills"),
    "roles": N_("Roles"),
    "transitions": N_("Transitions"),
    "scale": N_("Scale (what each level means)"),
    "categories": N_("Categories"),
    "sources": N_("Sources"),
    "names": N_("Names several roles go by"),
}
"""Each section's heading, by section."""

_ROUTE_CHANGES: dict[RouteChangeKind, str] = {
    "appeared": N_("appeared"),
    "disappeared": N_("disappeared"),
    "longer": N_("longer"),
    "shorter": N_("shorter"),
}
"""How a route changed, as said, by change (in the tally's order)."""


def _counts(section: SectionChanges, lang: str) -> str:
    parts = [
        say(lang, words, count=len(items))
        for items, words in (
            (section.added, N_("{count} added")),
            (section.removed, N_("{count} removed")),
            (section.changed, N_("{count} changed")),
        )
        if items
    ]
    return say(lang, ", ").join(parts) or say(lang, "no changes")


def diff_text(old: CareerMap, new: CareerMap, changes: MapChanges, limit: int, lang: str) -> str:
    """`careergraph diff`: each section's additions, removals and field changes, then routes."""
    if changes.same:
        return say(lang, "No differences between {old} and {new}.", old=old.path, new=new.path)
    out = [say(lang, "Changes from {old} to {new}", old=old.path, new=new.path)]
    shown_sections = [s for s in _OTHER_SECTIONS if getattr(changes, s)] + list(_SECTIONS)
    for label in shown_sections:
        section: SectionChanges = getattr(changes, label)
        heading = say(lang, _SECTION_NAMES[label])
        out += [
            "",
            say(lang, "{section}: {counts}", section=heading, counts=_counts(section, lang)),
        ]
        out += [f"  + {_record_name(new, label, key, lang)}" for key in section.added]
        out += [f"  - {_record_name(old, label, key, lang)}" for key in section.removed]
        for changed in section.changed:
            out.append(f"  ~ {_record_name(new, label, changed.key, lang)}")
            out += [
                f"      {c.field}: {_value(c.old, lang)} → {_value(c.new, lang)}"
                for c in changed.changes
            ]
    routes, compared = changes.routes, changes.comparison
    tally = say(lang, ", ").join(
        say(
            lang,
            "{count} {kind}",
            count=compared.tally[kind],
            kind=say(lang, _ROUTE_CHANGES[kind]),
        )
        for kind in _ROUTE_CHANGES
    )
    out += [
        "",
        say(
            lang,
            "Quickest routes between roles in both maps: {count} changed ({tally})",
            count=compared.total,
            tally=tally,
        ),
    ]
    if not compared.complete:
        out.append(
            say(
                lang,
                N_(
                    "  (counted from {compared:,} of the {affected:,} roles whose "
                    "routes could have changed, the first by id: see Limits in the "
                    "README)"
                )
                if compared.direction == "from"
                else N_(
                    "  (counted into {compared:,} of the {affected:,} roles whose "
                    "routes could have changed, the first by id: see Limits in the "
                    "README)"
                ),
                compared=compared.compared,
                affected=compared.affected,
            )
        )
    shown = routes[:limit]
    pairs = [
        f"{new.roles[r.source].name.get(lang)} → {new.roles[r.target].name.get(lang)}"
        for r in shown
    ]
    width = max((_width(p) for p in pairs), default=0)
    for pair, route in zip(pairs, shown, strict=True):
        none = say(lang, "none")
        before = none if route.old_years is None else years_in(route.old_years, lang)
        after = none if route.new_years is None else years_in(route.new_years, lang)
        kind = _pad(say(lang, _ROUTE_CHANGES[route.kind]), 11)
        line = f"  {kind}  {_pad(pair, width)}  {_right(before, 5)} → {_pad(after, 5)}"
        if math.isfinite(route.size):
            sign = "+" if route.kind == "longer" else "-"
            line += f"  ({sign}{years_in(route.size, lang)})"
        out.append(line.rstrip())
    if compared.total > limit:
        out.append(
            say(lang, "  … and {count} more (--limit to show more)", count=compared.total - limit)
        )
    return "\n".join(out)


def diff_data(old: CareerMap, new: CareerMap, changes: MapChanges, limit: int) -> dict[str, Any]:
    """`careergraph diff --json`."""

    def key_data(label: str, key: tuple[str, ...]) -> dict[str, Any]:
        if label == "transitions":
            return {"from": key[0], "to": key[1]}
        if label == "scale":
            return {"level": int(key[0])}
        if label == "names":
            return {"name": key[0]}
        return {"id": key[0]}

    data: dict[str, Any] = {"old": old.path, "new": new.path, "same": changes.same}
    for label in (*_SECTIONS, *_OTHER_SECTIONS):
        section: SectionChanges = getattr(changes, label)
        data[label] = {
            "added": [key_data(label, k) for k in section.added],
            "removed": [key_data(label, k) for k in section.removed],
            "changed": [
                {
                    **key_data(label, c.key),
                    "changes": [{"field": f.field, "old": f.old, "new": f.new} for f in c.changes],
                }
                for c in section.changed
            ],
        }
    compared = changes.comparison
    data["routes"] = {
        "total": compared.total,
        "shown": min(limit, len(changes.routes)),
        "complete": compared.complete,
        "compared": {
            "direction": compared.direction,
            "roles": compared.compared,
            "of": compared.affected,
        },
        "changes": [
            {
                "from": r.source,
                "to": r.target,
                "change": r.kind,
                "old_years": r.old_years,
                "new_years": r.new_years,
            }
            for r in changes.routes[:limit]
        ],
    }
    return data
