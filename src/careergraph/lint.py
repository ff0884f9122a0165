"""Lint a career map: structural mistakes a valid file can still hold, each with its place.

A role is *entry-level* when it is level 1 in its track and no promotion leads into it (the
executives' track starts at level 1 too, but people are promoted into it). A role is a *top role*
when no role in its track has a higher level. An entry of the data file may keep a finding on
purpose with `lint: {allow: [CODE, ...], why: TEXT}`; the finding is then reported as explained.
"""

from __future__ import annotations

import difflib
import functools
import graphlib
import statistics
import unicodedata
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from careergraph.catalogue import ENGLISH, N_, said
from careergraph.errors import ENTRY_KINDS, Words
from careergraph.gaps import skill_gap
from careergraph.load import collector_paused
from careergraph.model import CareerMap, MapPath, Place, TransitionKind, normalize_name
from careergraph.routes import steep_allowance, steep_rises

if TYPE_CHECKING:
    from careergraph.graph import CareerGraph


class Severity(StrEnum):
    """How sure lint is that a finding is a mistake."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Rule:
    """What one finding code means."""

    code: str
    severity: Severity
    summary: str


RULES = {
    rule.code: rule
    for rule in (
        Rule("unreachable", Severity.WARNING, "no entry-level role can reach the role"),
        Rule("dead-end", Severity.WARNING, "the role has no move out and is not a top role"),
        Rule("promotion-cycle", Severity.ERROR, "a loop made only of promotions"),
        Rule("promotion-not-up", Severity.ERROR, "a promotion to a lower or equal level"),
        Rule("promotion-skill-drop", Severity.WARNING, "a promotion asks less of a skill"),
        Rule(
            "promotion-points-drop",
            Severity.WARNING,
            "a promotion asks fewer points over the same skills",
        ),
        Rule(
            "points-already-met",
            Severity.WARNING,
            "the role's own minimums already meet its points requirement",
        ),
        Rule("unused-skill", Severity.WARNING, "no role asks for the skill"),
        Rule("role-without-skills", Severity.WARNING, "the role asks for no skill"),
        Rule("empty-track", Severity.WARNING, "the track has no role"),
        Rule(
            "undescribed-level",
            Severity.WARNING,
            "a skill describes some levels but not one that roles ask for",
        ),
        Rule(
            "similar-names",
            Severity.WARNING,
            "two roles' names differ only in punctuation, or two tracks or skills share a name",
        ),
        Rule("alias-is-initials", Severity.WARNING, "an alias is another role's initials"),
        Rule(
            "invisible-characters",
            Severity.WARNING,
            "a name holds an invisible or direction-changing character",
        ),
        Rule(
            "look-alike-names",
            Severity.WARNING,
            "two names look the same once invisible characters are dropped",
        ),
        Rule("years-outlier", Severity.WARNING, "a move's years are far from the others'"),
        Rule(
            "steep-move", Severity.WARNING, "a skill rises more levels than the move's years allow"
        ),
        Rule(
            "overlay-unconnected",
            Severity.WARNING,
            "no move joins an overlay's roles to the map it is laid on",
        ),
        Rule("unknown-allow", Severity.ERROR, "an allowance names a code lint does not have"),
        Rule("unused-allow", Severity.WARNING, "an allowance keeps a finding that is not there"),
    )
}

# A move's years are an outlier beyond OUTLIER_FACTOR times the third quartile or below the
# first quartile divided by it; quartiles ignore the outliers themselves, and years are compared
# as ratios because 0.5 against 2 is as far as 2 against 8.
OUTLIER_FACTOR = 3.0
OUTLIER_MIN_MOVES = 8
# Words left out of a name's initials, as people leave them out of "VPoE" or "CoS".
_MINOR_WORDS = frozenset({"of", "and", "the", "for", "in", "to", "a", "an", "&"})


@dataclass(frozen=True)
class Finding:
    """One lint finding: where, how sure, which rule, and a one-line explanation."""

    place: Place
    severity: Severity
    code: str
    message: str  # the words in English (JSON's `message`)
    subject: MapPath
    allowed: str | None = None  # why the data keeps it, when it does
    # The message by catalogue key, for the CLI to say in the user's language.
    words: Words | None = field(default=None, compare=False)

    @classmethod
    def of(
        cls, place: Place, severity: Severity, code: str, subject: MapPath, words: Words
    ) -> Finding:
        """The finding these catalogue words say; its `message` is them in English."""
        return cls(place, severity, code, said(ENGLISH, words), subject, words=words)

    def __str__(self) -> str:
        return f"{self.place}: {self.severity} [{self.code}] {self.message}"


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


def _finding(career_map: CareerMap, code: str, subject: MapPath, words: Words) -> Finding:
    return Finding.of(career_map.place(*subject), RULES[code].severity, code, subject, words)


def _move_words(source: str, target: str) -> Words:
    return Words.of("transitions '{source}' -> '{target}'", source=source, target=target)


# -- reach ------------------------------------------------------------------------------------


def entry_roles(career_map: CareerMap) -> list[str]:
    """Where careers start: level 1 in their track, and no promotion leads into them."""
    promoted_into = {t.target for t in career_map.transitions if t.kind is TransitionKind.PROMOTION}
    return [r.id for r in career_map.roles.values() if r.level == 1 and r.id not in promoted_into]


def _moves_out(career_map: CareerMap) -> dict[str, list[str]]:
    """The roles each role has a move to, by role id (roles with none left out)."""
    following: dict[str, list[str]] = {}
    for move in career_map.transitions:
        following.setdefault(move.source, []).append(move.target)
    return following


def _reach(career_map: CareerMap, following: Mapping[str, Collection[str]]) -> Iterator[Finding]:
    reached = set(entry_roles(career_map))
    frontier = list(reached)
    while frontier:  # one search from every entry role at once
        for after in following.get(frontier.pop(), ()):
            if after not in reached:
                reached.add(after)
                frontier.append(after)
    tops: dict[str, int] = {}
    for role in career_map.roles.values():
        tops[role.track] = max(tops.get(role.track, role.level), role.level)
    for role_id, role in career_map.roles.items():
        subject = ("roles", role_id)
        if role_id not in reached:
            words = Words.of(
                "roles.{id}: no entry-level role (level 1, not promoted into) can reach '{role}'",
                id=role_id,
                role=role.name,
            )
            yield _finding(career_map, "unreachable", subject, words)
        if not following.get(role_id) and role.level < tops[role.track]:
            words = Words.of(
                "roles.{id}: '{role}' has no move out, yet is not a top role "
                "(track '{track}' goes up to level {top})",
                id=role_id,
                role=role.name,
                track=role.track,
                top=tops[role.track],
            )
            yield _finding(career_map, "dead-end", subject, words)


# -- promotions -------------------------------------------------------------------------------


def _promotion_cycles(career_map: CareerMap) -> Iterator[Finding]:
    promoted: dict[str, list[str]] = {}
    for move in career_map.transitions:
        if move.kind is TransitionKind.PROMOTION:
            promoted.setdefault(move.source, []).append(move.target)
    try:  # the standard library tells whether there is a loop at all, without networkx
        graphlib.TopologicalSorter(promoted).prepare()
    except graphlib.CycleError:
        pass
    else:
        return
    import networkx as nx

    promotions: nx.DiGraph[str] = nx.DiGraph(
        (t.source, t.target) for t in career_map.transitions if t.kind is TransitionKind.PROMOTION
    )
    loops = [c for c in nx.strongly_connected_components(promotions) if len(c) > 1]
    for loop in sorted(loops, key=min):
        start = min(loop)
        inside = promotions.subgraph(loop)
        back = min(
            (nx.shortest_path(inside, after, start) for after in inside.successors(start)),
            key=lambda path: (len(path), path),
        )
        cycle = [start, *back]
        spelled = " -> ".join(cycle)
        words = Words.of(
            "transitions '{source}' -> '{target}': promotions lead in a "
            "loop: {cycle}; one of them is not a promotion",
            source=start,
            target=cycle[1],
            cycle=spelled,
        )
        subject = ("transitions", start, cycle[1])
        yield _finding(career_map, "promotion-cycle", subject, words)


def _promotions(career_map: CareerMap) -> Iterator[Finding]:
    roles = career_map.roles
    for move in career_map.transitions:
        if move.kind is not TransitionKind.PROMOTION:
            continue
        source, target = roles[move.source], roles[move.target]
        subject = ("transitions", move.source, move.target)
        if source.track == target.track and target.level <= source.level:
            words = Words.of(
                N_(
                    "transitions '{source}' -> '{target}': a promotion to the same "
                    "level ({level} -> {new_level}) in track '{track}'; make it "
                    "lateral or fix the levels"
                )
                if target.level == source.level
                else N_(
                    "transitions '{source}' -> '{target}': a promotion to a lower "
                    "level ({level} -> {new_level}) in track '{track}'; make it "
                    "lateral or fix the levels"
                ),
                source=source.id,
                target=target.id,
                level=source.level,
                new_level=target.level,
                track=source.track,
            )
            yield _finding(career_map, "promotion-not-up", subject, words)
        dropped = [
            (career_map.skills[skill].name, level, target.skills[skill])
            for skill, level in source.skills.items()
            if target.skills.get(skill, level) < level
        ]
        if dropped:
            skills = tuple(
                Words.of("{skill} {level} -> {new_level}", skill=name, level=level, new_level=new)
                for name, level, new in dropped
            )
            words = Words.of(
                "transitions '{source}' -> '{target}': the promotion asks less of {skills}",
                source=source.id,
                target=target.id,
                skills=skills,
            )
            yield _finding(career_map, "promotion-skill-drop", subject, words)


# -- points requirements ----------------------------------------------------------------------


def _points(career_map: CareerMap) -> Iterator[Finding]:
    roles = career_map.roles
    for role_id, role in roles.items():
        for index, requirement in enumerate(role.points):
            if requirement.points(role.skills) >= requirement.total:
                subject = ("roles", role_id, "points", str(index))
                words = Words.of(
                    "roles.{id}.points[{index}]: the role's own minimums already "
                    "give {have} points, at least the {total} it asks, so it asks "
                    "nothing more; raise the total or drop it",
                    id=role_id,
                    index=index,
                    have=requirement.points(role.skills),
                    total=requirement.total,
                )
                yield _finding(career_map, "points-already-met", subject, words)
    for move in career_map.transitions:
        if move.kind is not TransitionKind.PROMOTION:
            continue
        source, target = roles[move.source], roles[move.target]
        for before in source.points:
            for after in target.points:
                same = set(after.skills) == set(before.skills) and all(
                    after.weight(s) == before.weight(s) for s in after.skills
                )
                if same and after.total < before.total:
                    moved: MapPath = ("transitions", move.source, move.target)
                    words = Words.of(
                        "transitions '{source}' -> '{target}': the promotion asks "
                        "{total} points over {skills}, fewer than the {before} of "
                        "'{source}'",
                        source=source.id,
                        target=target.id,
                        total=after.total,
                        skills=", ".join(after.skills),
                        before=before.total,
                    )
                    yield _finding(career_map, "promotion-points-drop", moved, words)


# -- what nothing uses ------------------------------------------------------------------------


def _unused(career_map: CareerMap) -> Iterator[Finding]:
    asked = {skill for role in career_map.roles.values() for skill in role.skills}
    asked.update(
        skill
        for role in career_map.roles.values()
        for requirement in role.points
        for skill in requirement.skills
    )
    for skill_id in career_map.skills:
        if skill_id not in asked:
            words = Words.of("skills.{id}: no role asks for this skill", id=skill_id)
            yield _finding(career_map, "unused-skill", ("skills", skill_id), words)
    for role_id, role in career_map.roles.items():
        if not role.skills and not role.points:
            words = Words.of(
                "roles.{id}: '{role}' asks for no skill, so no gap can be shown",
                id=role_id,
                role=role.name,
            )
            yield _finding(career_map, "role-without-skills", ("roles", role_id), words)
    staffed = {role.track for role in career_map.roles.values()}
    for track_id in career_map.tracks:
        if track_id not in staffed:
            words = Words.of("tracks.{id}: no role is in this track", id=track_id)
            yield _finding(career_map, "empty-track", ("tracks", track_id), words)


def _undescribed_levels(career_map: CareerMap) -> Iterator[Finding]:
    """A skill whose `levels` leave out a level roles ask for: its gaps would show no text there.

    A skill that describes no level is no finding (the map's scale speaks for it), and neither is
    a described level no role asks for.
    """
    asked: dict[str, set[int]] = {k: set() for k, s in career_map.skills.items() if s.levels}
    if not asked:
        return
    for role in career_map.roles.values():
        for skill_id, level in role.skills.items():
            if skill_id in asked:
                asked[skill_id].add(level)
    for skill_id, levels in asked.items():
        skill = career_map.skills[skill_id]
        missing = sorted(levels - set(skill.levels))
        if not missing:
            continue
        described = ", ".join(map(str, skill.levels))
        left_out = ", ".join(map(str, missing))
        words = Words.of(
            "skills.{id}.levels: describes levels {described} but not "
            "{missing}, which roles ask for",
            id=skill_id,
            described=described,
            missing=left_out,
        )
        subject = ("skills", skill_id, "levels")
        yield _finding(career_map, "undescribed-level", subject, words)


# -- names ------------------------------------------------------------------------------------


def loose_name(name: str) -> str:
    """A name with punctuation, symbols and the long-vowel mark ー dropped as well.

    The loader already refuses names equal once case, width, spaces, `_`, `-` and `・` are
    ignored; this looser form catches 'Sr. Engineer' against 'Sr Engineer' and
    'プロジェクトマネジャー' against 'プロジェクトマネージャー'.
    """
    return normalize_name(name).translate(_LOOSE)


class _Loosening(dict[int, int | None]):
    """A `str.translate` table dropping punctuation, symbols and ー, filled as characters come:
    a whole name is translated in C instead of character by character in Python."""

    def __missing__(self, code: int) -> int | None:
        character = chr(code)
        dropped = character == "\u30fc" or unicodedata.category(character)[0] in "PS"
        kept = self[code] = None if dropped else code
        return kept


_LOOSE = _Loosening()


def _named(career_map: CareerMap) -> Iterator[tuple[str, MapPath, str]]:
    """Every name of every role, with the path to where it is written."""
    for role_id, role in career_map.roles.items():
        yield role_id, ("roles", role_id), role_id
        for lang, text in role.name.translations.items():
            name: MapPath = ("roles", role_id, "name")
            yield role_id, (*name, lang) if lang else name, text
        for alias in role.aliases:
            yield role_id, ("roles", role_id, "aliases", alias), alias


def _similar_names(career_map: CareerMap) -> Iterator[Finding]:
    # Roles come in id order, so the finding is on the same role whatever the file's order.
    first: dict[str, tuple[str, MapPath, str]] = {}
    said: set[frozenset[str]] = set()
    for role_id, path, name in _named(career_map):
        loose = loose_name(name)
        if not loose:
            continue
        other = first.setdefault(loose, (role_id, path, name))
        if other[0] == role_id:
            continue
        pair = frozenset({role_id, other[0]})
        if pair in said:
            continue
        said.add(pair)
        there_words = _elsewhere(career_map, other[1], path)
        words = Words.of(
            "roles.{id}: the name '{name}' differs from '{other_name}' of "
            "role '{other}' ({there}) only in punctuation or long-vowel marks",
            id=role_id,
            name=name,
            other_name=other[2],
            other=other[0],
            there=there_words,
        )
        yield _finding(career_map, "similar-names", path, words)


def _shared_names(career_map: CareerMap) -> Iterator[Finding]:
    # The loader keeps roles' names apart but not tracks' or skills': two skills both called
    # "Communication" (a framework's and the base map's) read as one in every gap and plan.
    first: dict[tuple[str, str], tuple[str, MapPath, str]] = {}
    said: set[frozenset[str]] = set()
    for section, entry_id, path, name in _every_name(career_map, roles=False):
        loose = loose_name(name)
        if not loose:
            continue
        other = first.setdefault((section, loose), (entry_id, path, name))
        pair = frozenset({entry_id, other[0]})
        if other[0] == entry_id or pair in said:
            continue
        said.add(pair)
        there_words = _elsewhere(career_map, other[1], path)
        kind = section.removesuffix("s")
        words = Words.of(
            "{entry}: the name '{name}' is also that of {kind} '{other}' "
            "({there}), so what careergraph prints cannot tell them apart; "
            "use one id for both or rename one",
            entry=f"{section}.{entry_id}",
            name=name,
            kind=Words.of(ENTRY_KINDS[kind]),
            other=other[0],
            there=there_words,
        )
        yield _finding(career_map, "similar-names", path, words)


# Characters that show nothing, or change the direction of the text around them, or break its
# line: a name holding one can look like another name, or like something else altogether.
# Variation selectors are left out: they choose a glyph (異体字, emoji), and show it.
_HIDDEN_CATEGORIES = frozenset({"Cf", "Zl", "Zp"})
_HIDDEN_LETTERS = frozenset("\u034f\u115f\u1160\u3164\uffa0\u2800")


@functools.cache
def hidden(character: str) -> bool:
    """Whether a character shows nothing or steers the text's direction (U+200B, U+202E...)."""
    return unicodedata.category(character) in _HIDDEN_CATEGORIES or character in _HIDDEN_LETTERS


def _visible(name: str) -> bool:
    """Whether no character of `name` is hidden: told in C, as hidden characters are never
    printable but for the few letters listed."""
    return name.isprintable() and _HIDDEN_LETTERS.isdisjoint(name)


def shown_name(name: str) -> str:
    """A name as it looks: hidden characters dropped, then compared as the loader does."""
    return normalize_name("".join(c for c in name if not hidden(c)))


def _spelled(name: str) -> str:
    """A name with its hidden characters written out as U+XXXX, so a reader sees them."""
    return "".join(f"<U+{ord(c):04X}>" if hidden(c) else c for c in name)


def _every_name(
    career_map: CareerMap, *, roles: bool = True
) -> Iterator[tuple[str, str, MapPath, str]]:
    """Every name of every track, skill and (unless not `roles`) role and every alias: section,
    id, path, name."""
    sections: list[tuple[str, Mapping[str, Any]]] = [
        ("tracks", career_map.tracks),
        ("skills", career_map.skills),
    ]
    for section, entries in [*sections, *([("roles", career_map.roles)] if roles else [])]:
        for entry_id, entry in entries.items():
            for lang, text in entry.name.translations.items():
                name: MapPath = (section, entry_id, "name")
                yield section, entry_id, (*name, lang) if lang else name, text
            for alias in getattr(entry, "aliases", ()):
                yield section, entry_id, (section, entry_id, "aliases", alias), alias


def _names_visible(career_map: CareerMap) -> bool:
    """Whether no name of any track, skill or role, nor any alias, holds a hidden character."""
    texts = [
        text
        for entries in (career_map.tracks, career_map.skills, career_map.roles)
        for entry in entries.values()
        for text in entry.name.translations.values()
    ]
    texts += (alias for role in career_map.roles.values() for alias in role.aliases)
    return _visible("".join(texts))


def _invisible_characters(
    career_map: CareerMap, names: Iterable[tuple[str, str, MapPath, str]]
) -> Iterator[Finding]:
    for section, entry_id, path, name in names:
        if _visible(name):
            continue
        found = [c for c in name if hidden(c)]
        if not found:
            continue
        first = found[0]
        code = f"U+{ord(first):04X}"
        what = unicodedata.name(first, "")
        character = f"{code} {what}" if what else code
        words = Words.of(
            "{entry}: the name '{name}' holds {character}, which shows "
            "nothing or turns the text around, so the name can look like "
            "another",
            entry=f"{section}.{entry_id}",
            name=_spelled(name),
            character=character,
        )
        yield _finding(career_map, "invisible-characters", path, words)


def _look_alike_names(
    career_map: CareerMap, names: Collection[tuple[str, str, MapPath, str]]
) -> Iterator[Finding]:
    # Ids come in order within each section, so the finding is on the same entry whatever the
    # file's order. Names equal even with their hidden characters are the loader's (or
    # similar-names') to report, not this rule's.
    if all(_visible(name) for *_, name in names):
        return  # every name looks as it is written, so looking the same is being the same
    first: dict[tuple[str, str], tuple[str, MapPath, str]] = {}
    said: set[frozenset[str]] = set()
    for section, entry_id, path, name in names:
        shown = shown_name(name)
        if not shown:
            continue
        other = first.setdefault((section, shown), (entry_id, path, name))
        pair = frozenset({entry_id, other[0]})
        if other[0] == entry_id or pair in said or normalize_name(name) == normalize_name(other[2]):
            continue
        said.add(pair)
        there_words = _elsewhere(career_map, other[1], path)
        kind = section.removesuffix("s")
        words = Words.of(
            "{entry}: the name '{name}' looks the same as '{other_name}' of "
            "{kind} '{other}' ({there}): they differ only in characters that "
            "show nothing",
            entry=f"{section}.{entry_id}",
            name=_spelled(name),
            other_name=_spelled(other[2]),
            kind=Words.of(ENTRY_KINDS[kind]),
            other=other[0],
            there=there_words,
        )
        yield _finding(career_map, "look-alike-names", path, words)


def initials(name: str) -> str:
    """The first letter of each word but minor ones: 'Vice President of Product' -> 'vpp'."""
    words = name.replace("-", " ").split()
    return "".join(w[0] for w in words if w.casefold() not in _MINOR_WORDS).casefold()


def _initials(career_map: CareerMap) -> Iterator[Finding]:
    if not any(role.aliases for role in career_map.roles.values()):
        return
    owners: dict[str, list[tuple[str, str]]] = {}
    for role in career_map.roles.values():
        for name in role.name.all():
            short = initials(name)
            if len(short) >= 2 and len(name.split()) >= 2:
                owners.setdefault(short, []).append((role.id, name))
    for role in career_map.roles.values():
        for alias in role.aliases:
            others = [o for o in owners.get(normalize_name(alias), []) if o[0] != role.id]
            for other_id, other_name in others[:1]:
                path = ("roles", role.id, "aliases", alias)
                words = Words.of(
                    "roles.{id}: the alias '{alias}' is also the initials of "
                    "'{other_name}' (role '{other}')",
                    id=role.id,
                    alias=alias,
                    other_name=other_name,
                    other=other_id,
                )
                yield _finding(career_map, "alias-is-initials", path, words)


# -- years ------------------------------------------------------------------------------------


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


# -- overlays ---------------------------------------------------------------------------------


def _unconnected_overlays(career_map: CareerMap) -> Iterator[Finding]:
    """An overlay that adds roles none of which a move joins, either way, to an earlier file's.

    Its roles then form a map apart: no route from the base reaches them, nor leaves them.
    """
    if len(set(career_map.files)) == 1:
        return  # read from one file: nothing is laid on anything
    files: dict[str, list[str]] = {}
    for role_id in career_map.roles:
        files.setdefault(career_map.place("roles", role_id).file, []).append(role_id)
    order = list(files)
    if career_map.path in order:
        order.remove(career_map.path)
        order.insert(0, career_map.path)
    for position, file in enumerate(order[1:], start=1):
        added = set(files[file])
        earlier = {r for f in order[:position] for r in files[f]}
        joined = any(
            (t.source in added and t.target in earlier)
            or (t.target in added and t.source in earlier)
            for t in career_map.transitions
        )
        if joined or not earlier:
            continue
        first = min(added, key=lambda r: career_map.place("roles", r))
        roles = ", ".join(sorted(added))
        words = Words.of(
            "roles.{id}: no move joins the roles this file adds ({roles}) to "
            "the map it is laid on; add a transition from or to one of them",
            id=first,
            roles=roles,
        )
        yield _finding(career_map, "overlay-unconnected", ("roles", first), words)


# -- allowances -------------------------------------------------------------------------------


def _entry(subject: MapPath) -> MapPath:
    """The entry of the data file a finding is about, where its allowance would be written."""
    return subject[:3] if subject[0] == "transitions" else subject[:2]


def _explained(career_map: CareerMap, finding: Finding) -> Finding:
    allowance = career_map.allowances.get(_entry(finding.subject))
    if allowance is not None and finding.code in allowance.codes:
        return replace(finding, allowed=allowance.why)
    return finding


def _allowances(career_map: CareerMap, found: list[Finding]) -> list[Finding]:
    kept = {(_entry(f.subject), f.code) for f in found if f.allowed is not None}
    out = []
    for entry, allowance in sorted(career_map.allowances.items()):
        place = career_map.place(*entry, "lint")
        moved = entry[0] == "transitions"
        named: Words | str = _move_words(entry[1], entry[2]) if moved else ".".join(entry)
        for code in allowance.codes:
            if code not in RULES:
                close = difflib.get_close_matches(code, list(RULES), n=1)
                words = (
                    Words.of(
                        "{entry}: lint allows '{code}', which is not a lint code — did "
                        "you mean '{suggestion}'?",
                        entry=named,
                        code=code,
                        suggestion=close[0],
                    )
                    if close
                    else Words.of(
                        "{entry}: lint allows '{code}', which is not a lint code",
                        entry=named,
                        code=code,
                    )
                )
                out.append(Finding.of(place, Severity.ERROR, "unknown-allow", entry, words))
            elif (entry, code) not in kept:
                words = Words.of(
                    "{entry}: lint allows '{code}', but there is no such finding here",
                    entry=named,
                    code=code,
                )
                out.append(Finding.of(place, Severity.WARNING, "unused-allow", entry, words))
    return out


def _elsewhere(career_map: CareerMap, first: MapPath, path: MapPath) -> Words:
    """Where `first` was written, as seen from `path`: its line, or its file and line."""
    where, here = career_map.place(*first), career_map.place(*path)
    if where.file == here.file:
        return Words.of("line {line}", line=where.line)
    return Words.of("{file}:{line}", file=where.file, line=where.line)
