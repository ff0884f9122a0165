"""Why a route question has no answer: which of its options cut every route.

A question asked with `--stated-only`, `--via`, `--avoid` or `--max-steps` is asked again without
each option in turn; an option without which a route exists is the one that cut it, and the
answer says so ("a route exists with implied moves"). When no single option does, but leaving
them all out does, it says that; when there is no route even then, the map has none to give.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from careergraph.catalogue import N_
from careergraph.errors import NoRouteError, Words
from careergraph.graph import CareerGraph, stated_only
from careergraph.query import find_routes


@dataclass(frozen=True)
class RouteOptions:
    """The options a route question was asked with (`path`, `plan`)."""

    stated_only: bool = False
    via: tuple[str, ...] = ()
    avoid: tuple[str, ...] = ()
    max_steps: int | None = None

    def asked(self) -> bool:
        """Whether any option narrows the question."""
        return self.stated_only or bool(self.via or self.avoid) or self.max_steps is not None


def explain_no_route(
    error: NoRouteError, graph: CareerGraph, source: str, target: str, question: RouteOptions
) -> NoRouteError:
    """`error` again, naming the options that cut every route from `source` to `target`;
    `graph` holds every move, implied ones too (before `--stated-only` left them out)."""
    words = error.words or Words.of(
        "no route from '{source}' to '{target}'", source=source, target=target
    )
    if question.stated_only:
        words = Words.of("{route}, using stated moves only", route=words)
    cuts = _cuts(graph, source, target, question)
    if not cuts:
        return NoRouteError(words)
    return NoRouteError(Words.of("{route}; {cuts}", route=words, cuts=tuple(cuts)))


def _cuts(graph: CareerGraph, source: str, target: str, question: RouteOptions) -> list[Words]:
    """What to say about each option without which a route exists."""
    cuts: list[Words] = []
    if question.stated_only and _route_steps(
        graph, source, target, replace(question, stated_only=False)
    ):
        cuts.append(Words.of("a route exists with implied moves (without --stated-only)"))
    without = (
        (N_("a route exists without --via {roles}"), question.via, replace(question, via=())),
        (N_("a route exists without --avoid {roles}"), question.avoid, replace(question, avoid=())),
    )
    for cut, roles, fewer in without:
        if roles and _route_steps(graph, source, target, fewer):
            cuts.append(Words.of(cut, roles=", ".join(roles)))
    if question.max_steps is not None:
        steps = _route_steps(graph, source, target, replace(question, max_steps=None))
        if steps:
            cuts.append(Words.of("the shortest route takes {steps} steps", steps=steps))
    if cuts or not question.asked():
        return cuts
    if _route_steps(graph, source, target, RouteOptions()):
        options = ", ".join(_options(question))
        cuts.append(Words.of("a route exists without {options} together", options=options))
    return cuts


def _options(question: RouteOptions) -> list[str]:
    """The options the question was asked with, as written on the command line."""
    named = [("--stated-only", question.stated_only), ("--via", bool(question.via))]
    named += [("--avoid", bool(question.avoid)), ("--max-steps", question.max_steps is not None)]
    return [option for option, given in named if given]


def _route_steps(graph: CareerGraph, source: str, target: str, question: RouteOptions) -> int:
    """The fewest moves of a route that answers `question`, or 0 when none does."""
    asked = stated_only(graph) if question.stated_only else graph
    try:
        (route,) = find_routes(
            asked,
            source,
            target,
            via=question.via,
            avoid=question.avoid,
            max_steps=question.max_steps,
            by="steps",
        )
    except NoRouteError:
        return 0
    return len(route.steps)
