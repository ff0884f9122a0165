"""Roles compared by the skills they ask for, and the moves that similarity suggests.

Similarity is the weighted Jaccard index of two roles' skill-level vectors (a skill a role does
not ask for counts as level 0): the sum over skills of the smaller level divided by the sum of
the larger one. 1 means the same skills at the same levels; 0 means no skill in common.
"""

from __future__ import annotations

from dataclasses import dataclass

from careergraph.graph import CareerGraph
from careergraph.model import CareerMap, Role, Text, Transition, TransitionKind
from careergraph.query import skill_gap

# A move is suggested between roles at least this similar (and not already linked).
SUGGEST_AT = 0.6


@dataclass(frozen=True)
class SharedSkill:
    """A skill both roles ask for, at each one's level."""

    skill: str
    source_level: int
    target_level: int


@dataclass(frozen=True)
class Similarity:
    """How alike two roles are, and what moving each way between them asks."""

    source: str
    target: str
    score: float
    shared: tuple[SharedSkill, ...]
    gap_there: int
    gap_back: int
    linked: bool


def similarity(first: Role, second: Role) -> float:
    """Weighted Jaccard index of the two roles' required skill levels, 0 to 1."""
    skills = first.skills.keys() | second.skills.keys()
    larger = sum(max(first.skills.get(s, 0), second.skills.get(s, 0)) for s in skills)
    smaller = sum(min(first.skills.get(s, 0), second.skills.get(s, 0)) for s in skills)
    return smaller / larger if larger else 0.0


def compare_roles(graph: CareerGraph, source: Role, target: Role) -> Similarity:
    """The similarity of two roles, their shared skills and the skill gap each way."""
    shared = tuple(
        SharedSkill(s, source.skills[s], target.skills[s])
        for s in sorted(
            source.skills.keys() & target.skills.keys(),
            key=lambda s: (-min(source.skills[s], target.skills[s]), s),
        )
    )
    return Similarity(
        source.id,
        target.id,
        similarity(source, target),
        shared,
        skill_gap(source, target).size,
        skill_gap(target, source).size,
        graph.has_edge(source.id, target.id),
    )


def similar_roles(
    career_map: CareerMap, graph: CareerGraph, role: Role, *, limit: int | None = None
) -> list[Similarity]:
    """Roles sharing any skill with `role`, most similar first (ties: smaller gap there, id)."""
    # Scores first, which are cheap; the shared skills and gaps only for the roles that can make
    # the list (on 10,000 roles comparing every one in full took over a second).
    scored = []
    for other in career_map.roles.values():
        score = _overlap(role, other)
        if other.id != role.id and score > 0:
            scored.append((round(score, 9), other))
    if limit is not None and len(scored) > limit:
        # Every role tied with the last one kept, since the gap there breaks ties.
        cut = sorted((rounded for rounded, _ in scored), reverse=True)[limit - 1]
        scored = [(rounded, other) for rounded, other in scored if rounded >= cut]
    found = [compare_roles(graph, role, other) for _, other in scored]
    found.sort(key=lambda f: (-round(f.score, 9), f.gap_there, f.target))
    return found[:limit] if limit is not None else found


def _overlap(first: Role, second: Role) -> float:
    """`similarity` summed over the shared skills only, so the same value exactly."""
    # Over all skills, max + min = both levels: the larger sum is both totals less the smaller sum.
    mine, theirs = first.skills, second.skills
    if len(theirs) < len(mine):
        mine, theirs = theirs, mine
    smaller = sum(min(level, theirs[s]) for s, level in mine.items() if s in theirs)
    larger = sum(mine.values()) + sum(theirs.values()) - smaller
    return smaller / larger if larger else 0.0


def inferred_years(source: Role, score: float) -> float:
    """The years an inferred move is estimated to take.

    The source role's typical years (what a move in the data takes when it gives no `years`),
    stretched by how different the skills are: times (2 - similarity), to the nearest half year.
    """
    return max(0.5, round(source.years * (2 - score) * 2) / 2)


def _plausible(source: Role, target: Role) -> bool:
    """Not a step down: a lower level on the same track, or a role asking fewer levels in all."""
    if source.track == target.track:
        return target.level >= source.level
    return sum(target.skills.values()) >= sum(source.skills.values())


def suggested_moves(
    career_map: CareerMap,
    graph: CareerGraph,
    *,
    source: Role | None = None,
    at_least: float = SUGGEST_AT,
) -> list[tuple[Transition, Similarity]]:
    """Moves the data lacks between similar roles (from `source`, or anywhere), as inferred.

    A move is suggested when the roles' similarity is at least `at_least`, there is no move
    between them in that direction yet, and it is not a step down (`_plausible`). Its kind is a
    promotion up the same track, else lateral; its years come from `inferred_years`.
    """
    sources = [source] if source is not None else list(career_map.roles.values())
    found = []
    for start in sources:
        for end in career_map.roles.values():
            if end.id == start.id or graph.has_edge(start.id, end.id):
                continue
            if not _plausible(start, end) or _overlap(start, end) + 1e-9 < at_least:
                continue
            compared = compare_roles(graph, start, end)
            if compared.score + 1e-9 < at_least:
                continue
            kind = (
                TransitionKind.PROMOTION
                if start.track == end.track and end.level > start.level
                else TransitionKind.LATERAL
            )
            note = Text.plain(f"Inferred: {compared.score:.0%} skill overlap; not in the data.")
            move = Transition(
                start.id,
                end.id,
                kind,
                inferred_years(start, compared.score),
                note=note,
                inferred=True,
                basis="inferred",
                years_estimated=True,
            )
            found.append((move, compared))
    found.sort(key=lambda m: (-round(m[1].score, 9), m[0].years, m[0].source, m[0].target))
    return found


def with_inferred_moves(career_map: CareerMap, graph: CareerGraph) -> CareerGraph:
    """A copy of the graph with every suggested move added as an edge marked inferred."""
    widened: CareerGraph = graph.copy()
    for move, _ in suggested_moves(career_map, graph):
        widened.add_edge(move.source, move.target, transition=move, years=move.years)
    return widened
