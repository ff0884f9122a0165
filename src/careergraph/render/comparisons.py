"""Text and JSON for comparisons: similar roles, suggested moves, and what changed between maps."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from typing import Any

from careergraph.changes import MapChanges, SectionChanges
from careergraph.model import CareerMap, Transition
from careergraph.render.messages import say
from careergraph.render.text import _kind, _pad, _width, _wrap_items, years
from careergraph.similar import Similarity


def _shared(career_map: CareerMap, found: Similarity, lang: str) -> list[str]:
    return [
        f"{career_map.skills[s.skill].name.get(lang)} {s.source_level}/{s.target_level}"
        for s in found.shared
    ]


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
        out = [f"No role shares a skill with {name}."]
    else:
        names = [career_map.roles[f.target].name.get(lang) for f in found]
        width = max(_width(n) for n in [*names, "role"])
        out = [
            f"Roles like {name}, by skill overlap weighted by level:",
            f"  {_pad('role', width)}  overlap  gap there  gap back  move in data",
        ]
        for role_name, f in zip(names, found, strict=True):
            linked = "yes" if f.linked else "no"
            out.append(
                f"  {_pad(role_name, width)}  {f.score:>7.0%}  {'+' + str(f.gap_there):>9}"
                f"  {'+' + str(f.gap_back):>8}  {linked}"
            )
            out += _wrap_items("      shared: ", _shared(career_map, f, lang), lang)
        out.append("")
        out.append(f"shared: {name}'s level/the role's level. gap there: levels to build")
        out.append(f"moving from {name} to the role; gap back: the other way.")
    if suggested is not None:
        out.append("")
        if not suggested:
            out.append(f"No move to suggest from {name}: no similar role lacks one.")
        else:
            out.append(f"Suggested moves from {name} (inferred: not in the data):")
            rows = [
                (career_map.roles[m.target].name.get(lang), say(lang, f"kind.{m.kind.value}"), m, f)
                for m, f in suggested
            ]
            width = max(_width(r[0]) for r in rows)
            kind_width = max(len(r[1]) for r in rows)
            out += [
                f"  → {_pad(target, width)}  inferred {_pad(kind, kind_width)}"
                f"  ~{years(m.years):>4}  {f.score:.0%} overlap  gap +{f.gap_there}"
                for target, kind, m, f in rows
            ]
    return "\n".join(out)


def _similarity_data(career_map: CareerMap, found: Similarity, lang: str) -> dict[str, Any]:
    return {
        "role": found.target,
        "name": career_map.roles[found.target].name.get(lang),
        "similarity": round(found.score, 4),
        "shared": [
            {
                "skill": s.skill,
                "name": career_map.skills[s.skill].name.get(lang),
                "from_level": s.source_level,
                "to_level": s.target_level,
            }
            for s in found.shared
        ],
        "gap_there": found.gap_there,
        "gap_back": found.gap_back,
        "linked": found.linked,
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
                "name": career_map.roles[m.target].name.get(lang),
                "similarity": round(f.score, 4),
                "gap_size": f.gap_there,
            }
            for m, f in suggested
        ]
    return data


_SECTIONS = ("tracks", "skills", "roles", "transitions")


def _value(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, float | int) and not isinstance(value, bool):
        return f"{value:g}"
    return json.dumps(value, ensure_ascii=False)


def _record_name(career_map: CareerMap, section: str, key: tuple[str, ...], lang: str) -> str:
    """What to call a record: its name in `lang` beside its id, or FROM → TO for a move."""
    if section == "transitions":
        move = next(t for t in career_map.transitions if (t.source, t.target) == key)
        return f"{' → '.join(key)}  {_kind(move, lang)}, {years(move.years)}"
    records: dict[str, Any] = {
        "tracks": career_map.tracks,
        "skills": career_map.skills,
        "roles": career_map.roles,
    }
    return f"{key[0]}  {records[section][key[0]].name.get(lang)}"


def _counts(section: SectionChanges) -> str:
    parts = [
        f"{len(items)} {label}"
        for items, label in (
            (section.added, "added"),
            (section.removed, "removed"),
            (section.changed, "changed"),
        )
        if items
    ]
    return ", ".join(parts) or "no changes"


def diff_text(old: CareerMap, new: CareerMap, changes: MapChanges, limit: int, lang: str) -> str:
    """`careergraph diff`: each section's additions, removals and field changes, then routes."""
    if changes.same:
        return f"No differences between {old.path} and {new.path}."
    out = [f"Changes from {old.path} to {new.path}"]
    for label in _SECTIONS:
        section: SectionChanges = getattr(changes, label)
        out += ["", f"{label.capitalize()}: {_counts(section)}"]
        out += [f"  + {_record_name(new, label, key, lang)}" for key in section.added]
        out += [f"  - {_record_name(old, label, key, lang)}" for key in section.removed]
        for changed in section.changed:
            out.append(f"  ~ {_record_name(new, label, changed.key, lang)}")
            out += [f"      {c.field}: {_value(c.old)} → {_value(c.new)}" for c in changed.changes]
    routes = changes.routes
    tally = ", ".join(
        f"{sum(1 for r in routes if r.kind == kind)} {kind}"
        for kind in ("appeared", "disappeared", "longer", "shorter")
    )
    out += ["", f"Quickest routes between roles in both maps: {len(routes)} changed ({tally})"]
    shown = routes[:limit]
    pairs = [
        f"{new.roles[r.source].name.get(lang)} → {new.roles[r.target].name.get(lang)}"
        for r in shown
    ]
    width = max((_width(p) for p in pairs), default=0)
    for pair, route in zip(pairs, shown, strict=True):
        before = "none" if route.old_years is None else years(route.old_years)
        after = "none" if route.new_years is None else years(route.new_years)
        line = f"  {route.kind:<11}  {_pad(pair, width)}  {before:>5} → {after:<5}"
        if math.isfinite(route.size):
            sign = "+" if route.kind == "longer" else "-"
            line += f"  ({sign}{years(route.size)})"
        out.append(line.rstrip())
    if len(routes) > limit:
        out.append(f"  … and {len(routes) - limit} more (--limit to show more)")
    return "\n".join(out)


def diff_data(old: CareerMap, new: CareerMap, changes: MapChanges, limit: int) -> dict[str, Any]:
    """`careergraph diff --json`."""

    def key_data(label: str, key: tuple[str, ...]) -> dict[str, str]:
        return {"from": key[0], "to": key[1]} if label == "transitions" else {"id": key[0]}

    data: dict[str, Any] = {"old": old.path, "new": new.path, "same": changes.same}
    for label in _SECTIONS:
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
    data["routes"] = {
        "total": len(changes.routes),
        "shown": min(limit, len(changes.routes)),
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
