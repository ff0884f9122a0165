"""Lint on moves' years: lengths far from the others', skills rising faster than years allow."""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Iterator
from dataclasses import replace

from careergraph.errors import Words
from careergraph.gaps import skill_gap
from careergraph.lint.findings import Finding, _finding, _move_words
from careergraph.model import CareerMap
from careergraph.routes import steep_allowance, steep_rises

# A move's years are an outlier beyond OUTLIER_FACTOR times the third quartile or below the
# first quartile divided by it; quartiles ignore the outliers themselves, and years are compared
# as ratios because 0.5 against 2 is as far as 2 against 8.
OUTLIER_FACTOR = 3.0
OUTLIER_MIN_MOVES = 8


def years_quartiles(years: Iterable[float]) -> tuple[float, float] | None:
    """The first and third quartiles of move lengths, or None when too few moves to tell."""
    values = sorted(years)
    if len(values) < OUTLIER_MIN_MOVES:
        return None
    first, _, third = statistics.quantiles(values, n=4, method="inclusive")
    return first, third


def _years_outliers(career_map: CareerMap) -> Iterator[Finding]:
    quartiles = years_quartiles(t.years for t in career_map.transitions)
    if quartiles is None:
        return
    first, third = quartiles
    for move in career_map.transitions:
        if move.years > third * OUTLIER_FACTOR:
            how_words = Words.of(
                "over {factor} times the moves' third quartile ({quartile} years)",
                factor=f"{OUTLIER_FACTOR:g}",
                quartile=f"{third:.3g}",
            )
        elif move.years < first / OUTLIER_FACTOR:
            how_words = Words.of(
                "under a third of the moves' first quartile ({quartile} years)",
                quartile=f"{first:.3g}",
            )
        else:
            continue
        subject = ("transitions", move.source, move.target)
        written = (*subject, "years") in career_map.places
        where = career_map.place(*subject, "years") if written else None
        if where is None:
            where = career_map.place("roles", move.source, "years")
        words = Words.of(
            "{move}: {years} years{origin} is {how}",
            move=_move_words(move.source, move.target),
            years=f"{move.years:g}",
            origin="" if written else Words.of(" (the years of role '{role}')", role=move.source),
            how=how_words,
        )
        finding = _finding(career_map, "years-outlier", subject, words)
        yield replace(finding, place=where)


def _steep_moves(career_map: CareerMap) -> Iterator[Finding]:
    roles = career_map.roles
    # No held skill rises by more than the target's highest level less the source's lowest: a
    # move where that is within its allowance needs no closer look (most moves, on most maps).
    tops = {k: max(role.skills.values(), default=0) for k, role in roles.items()}
    lows = {k: min(role.skills.values(), default=0) for k, role in roles.items()}
    for move in career_map.transitions:
        allowed = steep_allowance(move.years)
        if tops[move.target] - lows[move.source] <= allowed:
            continue
        held, wanted = roles[move.source].skills, roles[move.target].skills
        # The skill gap is built only for the few moves with a rise too large: most have none.
        if not any(0 < held.get(s, 0) < level - allowed for s, level in wanted.items()):
            continue
        steep = steep_rises(skill_gap(roles[move.source], roles[move.target]), move.years)
        rises = ", ".join(f"'{c.skill}' {c.from_level}→{c.to_level}" for c in steep)
        words = Words.of(
            "{move}: {rises} in a move of {years} years; at most {allowed} level(s) is plausible",
            move=_move_words(move.source, move.target),
            rises=rises,
            years=f"{move.years:g}",
            allowed=allowed,
        )
        yield _finding(career_map, "steep-move", ("transitions", move.source, move.target), words)
