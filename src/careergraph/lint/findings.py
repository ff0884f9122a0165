"""What lint reports: the rules by code, how sure each is, and the finding itself."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from careergraph.catalogue import ENGLISH, said
from careergraph.errors import Words
from careergraph.model import CareerMap, MapPath, Place


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


def _finding(career_map: CareerMap, code: str, subject: MapPath, words: Words) -> Finding:
    return Finding.of(career_map.place(*subject), RULES[code].severity, code, subject, words)


def _move_words(source: str, target: str) -> Words:
    return Words.of("transitions '{source}' -> '{target}'", source=source, target=target)


def _elsewhere(career_map: CareerMap, first: MapPath, path: MapPath) -> Words:
    """Where `first` was written, as seen from `path`: its line, or its file and line."""
    where, here = career_map.place(*first), career_map.place(*path)
    if where.file == here.file:
        return Words.of("line {line}", line=where.line)
    return Words.of("{file}:{line}", file=where.file, line=where.line)
