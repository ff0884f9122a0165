"""Roles compared by the skills they ask for, and the moves that similarity suggests.

Similarity is the weighted Jaccard index of two roles' skill-level vectors (a skill a role does
not ask for counts as level 0): the sum over skills of the smaller level divided by the sum of
the larger one. 1 means the same skills at the same levels; 0 means no skill in common.

A points requirement names no level for any one skill, so it is read as the same level on each
of its skills, the lowest that meets its total (`expected_levels`): an estimate, marked as such.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Mapping
from dataclasses import dataclass

from careergraph.graph import CareerGraph
from careergraph.limits import MAX_INFERRED_PER_ROLE
from careergraph.model import (
    POINTS_PER_SKILL,
    CareerMap,
    PointsRequirement,
    Role,
    Text,
    Transition,
    TransitionKind,
)
from careergraph.query import skill_gap

# A move is suggested between roles at least this similar (and not already linked).
SUGGEST_AT = 0.6


@dataclass(frozen=True)
class ExpectedLevels:
    """The level a role asks of each skill: its minimums, raised where a points requirement
    spread evenly over its skills asks more (those skills are `approximate`)."""

    levels: Mapping[str, float]
    approximate: frozenset[str] = frozenset()


def expected_levels(role: Role) -> ExpectedLevels:
    """What `role` asks of each skill, its points requirements read as even levels."""
    if not role.points:
        return ExpectedLevels(role.skills)
    levels: dict[str, float] = dict(role.skills)
    approximate = set()
    for requirement in role.points:
        even = _even_level(requirement, role.skills)
        for skill in requirement.skills:
            if even > levels.get(skill, 0):
                levels[skill] = even
                approximate.add(skill)
    return ExpectedLevels(levels, frozenset(approximate))


def _even_level(requirement: PointsRequirement, minimums: Mapping[str, int]) -> float:
    """The lowest level which, held in each of the requirement's skills not already asked
    higher, meets its total; a level between two whole ones is worth points in proportion."""

    def points(level: int) -> int:
        return sum(
            requirement.weight(s) * requirement.value(max(level, minimums.get(s, 0)))
            for s in requirement.skills
        )

    if points(0) >= requirement.total:
        return 0.0
    # The loader refuses a total the skills cannot reach at the top level.
    whole = next(lv for lv in range(1, POINTS_PER_SKILL + 1) if points(lv) >= requirement.total)
    below, above = points(whole - 1), points(whole)
    return round(whole - 1 + (requirement.total - below) / (above - below), 4)


@dataclass(frozen=True)
class SharedSkill:
    """A skill both roles ask for, at each one's level (an estimate where `*_approximate`:
    spread from a points requirement)."""

    skill: str
    source_level: float
    target_level: float
    source_approximate: bool = False
    target_approximate: bool = False


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

    @property
    def approximate(self) -> bool:
        """Whether the score rests on levels spread from a points requirement."""
        return any(s.source_approximate or s.target_approximate for s in self.shared)


def similarity(first: Role, second: Role) -> float:
    """Weighted Jaccard index of the two roles' expected skill levels, 0 to 1."""
    mine, theirs = expected_levels(first).levels, expected_levels(second).levels
    skills = mine.keys() | theirs.keys()
    larger = sum(max(mine.get(s, 0), theirs.get(s, 0)) for s in skills)
    smaller = sum(min(mine.get(s, 0), theirs.get(s, 0)) for s in skills)
    return smaller / larger if larger else 0.0


def compare_roles(graph: CareerGraph, source: Role, target: Role) -> Similarity:
    """The similarity of two roles, their shared skills and the skill gap each way."""
    mine, theirs = expected_levels(source), expected_levels(target)
    shared = tuple(
        SharedSkill(
            s,
            mine.levels[s],
            theirs.levels[s],
            s in mine.approximate,
            s in theirs.approximate,
        )
        for s in sorted(
            mine.levels.keys() & theirs.levels.keys(),
            key=lambda s: (-min(mine.levels[s], theirs.levels[s]), s),
        )
    )
    return Similarity(
        source.id,
        target.id,
        _overlap(mine.levels, theirs.levels),
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
    mine = _levels(role)
    scored = []
    for other in career_map.roles.values():
        # Inline `_levels`: most roles ask no points, and this loop meets every role.
        score = _overlap(mine, expected_levels(other).levels if other.points else other.skills)
        if other.id != role.id and score > 0:
            scored.append((round(score, 9), other))
    if limit is not None and len(scored) > limit:
        # Every role tied with the last one kept, since the gap there breaks ties.
        cut = sorted((rounded for rounded, _ in scored), reverse=True)[limit - 1]
        scored = [(rounded, other) for rounded, other in scored if rounded >= cut]
    found = [compare_roles(graph, role, other) for _, other in scored]
    found.sort(key=lambda f: (-round(f.score, 9), f.gap_there, f.target))
    return found[:limit] if limit is not None else found


def _levels(role: Role) -> Mapping[str, float]:
    """`expected_levels(role).levels`, without building them for a role that asks no points."""
    return expected_levels(role).levels if role.points else role.skills


def _overlap(mine: Mapping[str, float], theirs: Mapping[str, float]) -> float:
    """`similarity` summed over the shared skills only, so the same value exactly."""
    # Over all skills, max + min = both levels: the larger sum is both totals less the smaller sum.
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
    return sum(_levels(target).values()) >= sum(_levels(source).values())


# (role, track) -> the level the role stands at on that track's ladder: the level of the role
# there that a lateral move in the data joins it to.
LevelsAcross = Mapping[tuple[str, str], int]


def levels_across(career_map: CareerMap) -> dict[tuple[str, str], int]:
    """Where lateral moves in the data join two ladders, each role's level on the other one.

    Ladders number their rungs from 1 each, so a manager track's first rung may stand level with
    the engineers' third: a lateral move between them says so (the lowest, where several do).
    """
    across: dict[tuple[str, str], int] = {}
    for move in career_map.transitions:
        if move.kind is not TransitionKind.LATERAL or move.inferred:
            continue
        first, second = career_map.roles[move.source], career_map.roles[move.target]
        if first.track == second.track:
            continue
        for role, other in ((first, second), (second, first)):
            key = (role.id, other.track)
            across[key] = min(across.get(key, other.level), other.level)
    return across


def _on_one_ladder(source: Role, target: Role, across: LevelsAcross) -> tuple[int, int]:
    """The two roles' levels on one ladder: the source's as it stands on the target's ladder,
    else the target's as it stands on the source's, else their own numbers."""
    if (source.id, target.track) in across:
        return across[source.id, target.track], target.level
    if (target.id, source.track) in across:
        return source.level, across[target.id, source.track]
    return source.level, target.level


def move_kind_between(
    source: Role, target: Role, *, across: LevelsAcross | None = None
) -> TransitionKind:
    """What a move does by the change of level, whatever the tracks: up a level is a promotion,
    the same level lateral, down a level (only across tracks) a career change. Across tracks,
    levels are compared on one ladder where lateral moves in the data line them up (`across`)."""
    mine, theirs = _on_one_ladder(source, target, across or {})
    if theirs > mine:
        return TransitionKind.PROMOTION
    if theirs == mine:
        return TransitionKind.LATERAL
    return TransitionKind.CAREER_CHANGE


def _skips_rung(
    rungs: list[int], source: Role, target: Role, across: LevelsAcross | None = None
) -> bool:
    """Whether the target's track has a rung above the source's level (as it stands on that
    ladder, where `across` says) and below the target's: a move there would skip a rung of the
    ladder the source has not reached."""
    level = (across or {}).get((source.id, target.track), source.level)
    return bisect.bisect_right(rungs, level) < bisect.bisect_left(rungs, target.level)


def suggested_moves(
    career_map: CareerMap,
    graph: CareerGraph,
    *,
    source: Role | None = None,
    at_least: float = SUGGEST_AT,
    per_role: int = MAX_INFERRED_PER_ROLE,
) -> list[tuple[Transition, Similarity]]:
    """Moves the data lacks between similar roles (from `source`, or anywhere), as inferred.

    A move is suggested when the roles' similarity is at least `at_least`, there is no move
    between them in that direction yet, it is not a step down (`_plausible`), and it skips no
    rung of the target's ladder (`_skips_rung`). Its kind follows the change of level
    (`move_kind_between`, levels lined up across ladders by `levels_across`); its years come
    from `inferred_years`. At most `per_role` moves leave each role: the most similar ones.

    Only roles sharing one of a role's rarest skills are scored (`_Candidates`), so the work
    grows with the roles alike, not with the square of the map.
    """
    sources = [source] if source is not None else list(career_map.roles.values())
    candidates = _Candidates(career_map, at_least)
    role_levels = candidates.levels
    rungs: dict[str, list[int]] = {}
    for role in career_map.roles.values():
        rungs.setdefault(role.track, []).append(role.level)
    for levels in rungs.values():
        levels.sort()
    across = levels_across(career_map)
    found = []
    for start in sources:
        mine: list[tuple[Transition, Similarity]] = []
        for end in candidates.of(start):
            if end.id == start.id or graph.has_edge(start.id, end.id):
                continue
            if not candidates.plausible(start, end):
                continue
            if _overlap(role_levels[start.id], role_levels[end.id]) + 1e-9 < at_least:
                continue
            if _skips_rung(rungs[end.track], start, end, across):
                continue
            compared = compare_roles(graph, start, end)
            if compared.score + 1e-9 < at_least:
                continue
            kind = move_kind_between(start, end, across=across)
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
            mine.append((move, compared))
        mine.sort(key=_suggestion_order)
        found += mine[:per_role]
    found.sort(key=_suggestion_order)
    return found


def _suggestion_order(move: tuple[Transition, Similarity]) -> tuple[float, float, str, str]:
    return (-round(move[1].score, 9), move[0].years, move[0].source, move[0].target)


class _Candidates:
    """The roles that can be at least `at_least` alike a role: those sharing a rare enough skill.

    If two roles are that alike, the levels they share add up to at least `at_least` of either
    role's total (the shared part is the smaller sum, the total at most the larger). So a role's
    match must share one of the skills that make up more than `1 - at_least` of its levels,
    taking its rarest skills first: all other skills together fall short of that share. Only
    those skills' roles are scored, and of them only those whose total is within `at_least` of
    the role's (the similarity is at most the smaller total over the larger).
    """

    def __init__(self, career_map: CareerMap, at_least: float) -> None:
        self.at_least = at_least
        self.roles = career_map.roles
        self.levels = {role.id: _levels(role) for role in career_map.roles.values()}
        self.total = {role: sum(levels.values()) for role, levels in self.levels.items()}
        # Per skill, who asks for it as (total, id, level), by total: a window of totals is a
        # slice found by bisection.
        holders: dict[str, list[tuple[float, str, float]]] = {}
        for role_id, role_levels in self.levels.items():
            mine = self.total[role_id]
            for skill, level in role_levels.items():
                holders.setdefault(skill, []).append((mine, role_id, level))
        for entries in holders.values():
            entries.sort()
        self.holders = holders
        self.totals = {skill: [entry[0] for entry in entries] for skill, entries in holders.items()}

    def plausible(self, source: Role, target: Role) -> bool:
        """`_plausible`, with the totals counted once."""
        if source.track == target.track:
            return target.level >= source.level
        return self.total[target.id] >= self.total[source.id]

    def of(self, role: Role) -> list[Role]:
        """Every role that can be `at_least` alike `role`, each once."""
        holders, totals = self.holders, self.totals
        levels = self.levels[role.id]
        skills = sorted(levels, key=lambda s: (len(holders[s]), s))
        rest = mine = self.total[role.id]
        t = self.at_least
        need = t * rest - 1e-6  # a little less than the least match: never miss one
        low, high = need, mine / t + 1e-6 if t > 0 else math.inf
        shared: dict[str, float] = {}  # id -> levels shared in the skills read
        get = shared.get
        for skill in skills:
            if rest < need:
                break  # the skills left cannot make a match on their own
            level = levels[skill]
            window = totals[skill]
            start, end = bisect.bisect_left(window, low), bisect.bisect_right(window, high)
            for _, other, theirs in holders[skill][start:end]:
                shared[other] = get(other, 0) + (level if level < theirs else theirs)
            rest -= level
        # Alike at least t: shared >= t * (mine + theirs) / (1 + t); the skills not read can add
        # at most `rest` to what the ones read share.
        total, floor = self.total, t * mine - 1e-6
        return [
            self.roles[other]
            for other, part in shared.items()
            if (part + rest) * (1 + t) >= t * total[other] + floor
        ]


def with_inferred_moves(career_map: CareerMap, graph: CareerGraph) -> CareerGraph:
    """A copy of the graph with every suggested move added as an edge marked inferred."""
    widened: CareerGraph = graph.copy()
    for move, _ in suggested_moves(career_map, graph):
        widened.add_edge(move.source, move.target, transition=move, years=move.years)
    return widened
