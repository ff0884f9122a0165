"""How careergraph says the recurring parts of its answers: years, move kinds, marks, legends.

Data (role, skill and track names) carries its own translations; the program's own headings,
labels and messages are in its gettext catalogues (careergraph.catalogue, which says how to add
one). `say`, `count` and `said` are the catalogue's, re-exported for the renderers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from careergraph.catalogue import N_, InContext, Message, count, said, say
from careergraph.model import CareerMap, Profile, ResourceKind, Transition, TransitionKind
from careergraph.query import PlannedStep

__all__ = [
    "CATEGORIES",
    "MOVE_KINDS",
    "N_",
    "RESOURCE_KINDS",
    "category_name",
    "count",
    "estimated",
    "estimated_so_far",
    "legend",
    "move_kind",
    "move_marks",
    "profile_line",
    "said",
    "say",
    "years",
]


CATEGORIES: dict[str, Message] = {
    "technical": N_("Technical"),
    "soft": N_("Soft"),
    "tool": N_("Tool"),
    "certification": InContext("skill category", "Certification"),
    "domain": N_("Domain"),
}
"""The built-in skill categories' names, by category."""

MOVE_KINDS: dict[TransitionKind, Message] = {
    TransitionKind.PROMOTION: N_("promotion"),
    TransitionKind.LATERAL: N_("lateral"),
    TransitionKind.CAREER_CHANGE: N_("career change"),
}
"""Each kind of move as said."""

MARKS: dict[str, Message] = {
    "implied": N_("implied"),
    "inferred": N_("inferred"),
    "steep": N_("steep"),
}
"""The mark beside a move no source states (implied, inferred) or a steep one, by mark."""

_LEGEND: dict[str, Message] = {
    "implied": N_("implied: no source states the move (see its note)"),
    "estimated": N_("~: estimated years"),
    "steep": N_("steep: a held skill rises more levels than the years allow"),
}
"""What each mark means, in the legend, by mark (in the legend's order)."""


RESOURCE_KINDS: dict[ResourceKind, Message] = {
    ResourceKind.BOOK: N_("Book"),
    ResourceKind.COURSE: N_("Course"),
    ResourceKind.COMMUNITY: N_("Community"),
    ResourceKind.CERTIFICATION: InContext("resource kind", "Certification"),
    ResourceKind.ARTICLE: N_("Article"),
    ResourceKind.WEBSITE: N_("Website"),
    ResourceKind.EVENT: N_("Event"),
}
"""Each kind of resource as said."""


def years(value: float, lang: str) -> str:
    """Years as people write them: 3y, 1.5y, or 3年 in Japanese."""
    return say(lang, "{value}y", value=f"{round(value, 2):g}")


def category_name(career_map: CareerMap, category: str, lang: str) -> str:
    """A skill category's name: the map's own for a category it defines, else the built-in's."""
    defined = career_map.categories.get(category)
    if defined is None or defined.name is None:
        return say(lang, CATEGORIES[category])
    return defined.name.get(lang)


def move_kind(move: Transition, lang: str, *, steep: bool = False) -> str:
    """The kind of move, marked when no source states it or when it is steep."""
    kind = say(lang, MOVE_KINDS[move.kind])
    marks = [say(lang, MARKS[_basis_mark(move)])] if move.basis != "stated" else []
    marks += [say(lang, MARKS["steep"])] if steep else []
    if not marks:
        return kind
    return say(lang, "{kind} ({marks})", kind=kind, marks=say(lang, ", ").join(marks))


def _basis_mark(move: Transition) -> str:
    return "inferred" if move.inferred or move.basis == "inferred" else "implied"


def move_marks(moves: Iterable[Transition], *, steep: bool = False) -> set[str]:
    """The marks `moves` carry, for the legend: implied (not inferred), estimated, steep."""
    moves = list(moves)
    found = {"implied"} if any(m.basis == "implied" for m in moves) else set()
    found |= {"estimated"} if any(m.years_estimated for m in moves) else set()
    return found | ({"steep"} if steep else set())


def estimated_so_far(moves: Iterable[Transition]) -> list[bool]:
    """For each move of a route, whether the years up to its end include an estimate."""
    found, out = False, []
    for move in moves:
        found |= move.years_estimated
        out.append(found)
    return out


def estimated(text: str, is_estimate: bool, lang: str) -> str:
    """A figure as said, marked as an estimate when it is one: ~4y, 約4年."""
    return say(lang, "~{years}", years=text) if is_estimate else text


def legend(lang: str, marks: Iterable[str]) -> str | None:
    """One line saying what each mark used means (`implied`, `estimated`, `steep`), else None."""
    parts = [say(lang, words) for mark, words in _LEGEND.items() if mark in marks]
    if not parts:
        return None
    return say(lang, "({marks})", marks=say(lang, InContext("legend", "; ")).join(parts))


def profile_line(profile: Profile, lang: str) -> str:
    """The plan's line naming the profile it starts from: file, own skills, years served."""
    return say(
        lang,
        "Profile: {file} (own skill levels: {count}; {years} served in the role)",
        file=Path(profile.path).name,
        count=len(profile.skills),
        years=years(profile.years_in_role, lang),
    )


@dataclass(frozen=True)
class StepWords:
    """What a plan says of one step, before any markup: its heading, the move, the years so far
    and the typical stay in the role it reaches."""

    heading: str
    move: str
    so_far: str
    stay: str


def step_words(
    career_map: CareerMap, number: int, planned: PlannedStep, lang: str, so_far_estimated: bool
) -> StepWords:
    """The words of a plan's step `number`, the same for Markdown and for the plan page."""
    step, role = planned.step, planned.role
    moved = step.transition
    heading = say(
        lang,
        "Step {number}: {source} → {target}",
        number=number,
        source=career_map.roles[moved.source].name.get(lang),
        target=role.name.get(lang),
    )
    kind = move_kind(moved, lang, steep=bool(step.steep))
    typical = estimated(years(moved.years, lang), moved.years_estimated, lang)
    if step.years_left != moved.years:
        left = estimated(years(step.years_left, lang), moved.years_estimated, lang)
        move = say(
            lang, "{kind}, typically {years}; {left} left", kind=kind, years=typical, left=left
        )
    else:
        move = say(lang, "{kind}, typically {years}", kind=kind, years=typical)
    total = estimated(years(step.cumulative_years, lang), so_far_estimated, lang)
    stay = estimated(years(role.years, lang), role.years_estimated, lang)
    return StepWords(
        heading,
        move,
        say(lang, "{years} in total by the end of this step.", years=total),
        say(lang, "People typically stay {years} in this role.", years=stay),
    )
