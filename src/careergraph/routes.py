"""Routes: a path of roles made into steps with their years and skills to build, and how routes
rank."""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from careergraph.gaps import SkillChange, SkillGap, raised_levels, role_levels, skill_gap
from careergraph.graph import CareerGraph, role_of
from careergraph.model import Role, Transition

RouteCost = Literal["years", "steps", "gap"]

EPSILON = 1e-9
"""Years closer than this are equal: sums of decimal years differ in their last bits."""

# A move is steep when a skill its source role already asks for must rise by more than
# STEEP_AT_ONCE level plus one for every STEEP_YEARS_PER_LEVEL years the move takes (1 year: 1
# level; 1.5 or 2 years: 2; 3 years: 3). A skill the source does not ask for may be held at any
# level, so a rise from 0 is never judged steep.
STEEP_AT_ONCE = 1
STEEP_YEARS_PER_LEVEL = 1.5


@dataclass(frozen=True)
class Step:
    """One move on a route, with the skills it asks for and the years spent so far.

    `years` is what the move still takes: the transition's years, less any already served.
    """

    transition: Transition
    gap: SkillGap
    cumulative_years: float
    years: float | None = None

    @property
    def years_left(self) -> float:
        """Years this move still takes."""
        return self.transition.years if self.years is None else self.years

    @property
    def steep(self) -> tuple[SkillChange, ...]:
        """The skills this move asks to rise too fast for its years (see `steep_rises`)."""
        return steep_rises(self.gap, self.transition.years)


@dataclass(frozen=True)
class Route:
    """A way from one role to another."""

    roles: tuple[str, ...]
    steps: tuple[Step, ...]
    years: float

    @property
    def implied_moves(self) -> int:
        """How many of its moves no source states (implied by the data, or inferred)."""
        return sum(1 for step in self.steps if step.transition.basis != "stated")

    @property
    def years_estimated(self) -> bool:
        """True when any of its moves' years is an estimate."""
        return any(step.transition.years_estimated for step in self.steps)

    @property
    def gap_total(self) -> int:
        """The levels to build along the route: the sum of every step's skills to build."""
        return sum(step.gap.size for step in self.steps)


def route_rank(route: Route, by: RouteCost) -> tuple[Any, ...]:
    """The order routes are listed in: cheapest first, then fewer implied moves, then the rest.

    Every list of routes is sorted by this key, so ties never depend on the file's order.
    """
    years = round(route.years, 9)
    implied, steps = route.implied_moves, len(route.steps)
    if by == "steps":
        return (steps, implied, years, route.roles)
    if by == "gap":
        return (route.gap_total, implied, years, steps, route.roles)
    return (years, implied, steps, route.roles)


def steep_allowance(years: float) -> int:
    """The most levels a skill already held plausibly rises by in a move of `years`."""
    return STEEP_AT_ONCE + math.floor(years / STEEP_YEARS_PER_LEVEL + EPSILON)


def steep_rises(gap: SkillGap, years: float) -> tuple[SkillChange, ...]:
    """The skills of `gap` already held that rise by more levels than `years` plausibly allow."""
    allowed = steep_allowance(years)
    return tuple(c for c in gap.build if c.from_level > 0 and c.change > allowed)


def build_route(
    graph: CareerGraph,
    path: Sequence[str],
    start_levels: Mapping[str, int] | None = None,
    years_done: float = 0.0,
) -> Route:
    """The route along `path`: each step's skills to build above what every role so far asked
    (from `start_levels`, else the first role's), and its years less `years_done` on the first."""
    steps = []
    spent: list[float] = []
    start = role_levels(role_of(graph, path[0])) if start_levels is None else start_levels
    built: dict[str, int] = dict(start)
    for here, there in itertools.pairwise(path):
        move: Transition = graph.edges[here, there]["transition"]
        left = max(0.0, move.years - years_done) if not spent else move.years
        spent.append(left)
        target: Role = role_of(graph, there)
        gap = skill_gap(role_of(graph, here), target, known=built)
        built = raised_levels(built, target)
        steps.append(Step(move, gap, math.fsum(spent), left))
    return Route(tuple(path), tuple(steps), math.fsum(spent))


def route_cost(route: Route, by: RouteCost) -> float:
    """The cost the path search orders routes by (`by="gap"` searches another way)."""
    return route.years if by == "years" else float(len(route.steps))
