"""Lint a career map: structural mistakes a valid file can still hold, each with its place.

A role is *entry-level* when it is level 1 in its track and no promotion leads into it (the
executives' track starts at level 1 too, but people are promoted into it). A role is a *top role*
when no role in its track has a higher level. An entry of the data file may keep a finding on
purpose with `lint: {allow: [CODE, ...], why: TEXT}`; the finding is then reported as explained.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING

from careergraph.lint.allowances import _allowances, _explained
from careergraph.lint.findings import RULES, Finding, Rule, Severity
from careergraph.lint.names import (
    _every_name,
    _initials,
    _invisible_characters,
    _look_alike_names,
    _names_visible,
    _shared_names,
    _similar_names,
    hidden,
    initials,
    loose_name,
    shown_name,
)
from careergraph.lint.promotions import _points, _promotion_cycles, _promotions
from careergraph.lint.reach import _moves_out, _reach, _unconnected_overlays, entry_roles
from careergraph.lint.unused import _undescribed_levels, _unused
from careergraph.lint.years import (
    OUTLIER_FACTOR,
    OUTLIER_MIN_MOVES,
    _steep_moves,
    _years_outliers,
    years_quartiles,
)
from careergraph.load import collector_paused
from careergraph.model import CareerMap

if TYPE_CHECKING:
    from careergraph.graph import CareerGraph

__all__ = [
    "OUTLIER_FACTOR",
    "OUTLIER_MIN_MOVES",
    "RULES",
    "Finding",
    "Rule",
    "Severity",
    "entry_roles",
    "hidden",
    "initials",
    "lint",
    "loose_name",
    "shown_name",
    "years_quartiles",
]


def lint(career_map: CareerMap, graph: CareerGraph | None = None) -> list[Finding]:
    """Every finding in the map, in file order; those the data explains carry `allowed`.

    `graph`, when given, is the map's own (`build_graph`) and its moves are followed; else they
    are read from the map, and networkx is not needed.
    """
    # Findings form no cycles, and the collector's passes over a large map's millions of
    # objects cost a third of linting it.
    with collector_paused():
        return _lint(career_map, graph)


def _lint(career_map: CareerMap, graph: CareerGraph | None) -> list[Finding]:
    following: Mapping[str, Collection[str]] = (
        _moves_out(career_map) if graph is None else graph.succ
    )
    # Names holding hidden characters are rare: when none does, the rules on them have no finding.
    names = [] if _names_visible(career_map) else list(_every_name(career_map))
    found = [
        *_reach(career_map, following),
        *_promotion_cycles(career_map),
        *_promotions(career_map),
        *_points(career_map),
        *_unused(career_map),
        *_undescribed_levels(career_map),
        *_similar_names(career_map),
        *_shared_names(career_map),
        *_initials(career_map),
        *_invisible_characters(career_map, names),
        *_look_alike_names(career_map, names),
        *_years_outliers(career_map),
        *_steep_moves(career_map),
        *_unconnected_overlays(career_map),
    ]
    found = [_explained(career_map, f) for f in found]
    found += _allowances(career_map, found)
    # Places in their order, compared as tuples: four times quicker than Place's own comparisons.
    return sorted(
        found, key=lambda f: (f.place.file, f.place.line, f.place.column, f.code, f.message)
    )
