"""Text and JSON for comparisons: similar roles, suggested moves, and what changed between maps."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from careergraph.model import CareerMap, Transition
from careergraph.render.text import _KIND, _pad, _width, _wrap_items, years
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
            out += _wrap_items("      shared: ", _shared(career_map, f, lang))
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
                (career_map.roles[m.target].name.get(lang), _KIND[m.kind.value], m, f)
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
