"""The user mistakes careergraph reports, each with the exit code the CLI gives it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

# Words is the catalogue's; errors carry it, so it is named here too.
from careergraph.catalogue import ENGLISH, N_, said
from careergraph.catalogue import Words as Words

EXIT_OK = 0
EXIT_NO_ANSWER = 1
EXIT_BAD_INPUT = 2


class CareerGraphError(Exception):
    """A mistake in what the user asked or gave; its message is a whole sentence.

    `words` name the message in the catalogue, for the CLI to say in the user's language;
    `str(error)` is the same words in English.
    """

    exit_code = EXIT_BAD_INPUT

    def __init__(self, words: Words) -> None:
        super().__init__(said(ENGLISH, words))
        self.words: Words | None = words

    def lines(self) -> list[str]:
        """The message as the lines the CLI prints, one per problem."""
        return [str(self)]


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in a data file, at a 1-based line and column (0 where unknown).

    Made with `Problem.of`, from words in the catalogue; `message` is those words in English.
    """

    file: str
    line: int
    column: int
    message: str
    # Left out of comparisons so problems sort and deduplicate by their English text alone.
    words: Words | None = field(default=None, compare=False)

    @classmethod
    def of(cls, file: str, line: int, column: int, words: Words) -> Problem:
        """The problem these catalogue words say, at this place."""
        return cls(file, line, column, said(ENGLISH, words), words)

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.column}: {self.message}"
        return f"{self.file}: {self.message}"


class DataFileError(CareerGraphError):
    """The data file cannot be read or is not a valid career map."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = sorted(set(problems))
        Exception.__init__(self, "\n".join(str(p) for p in self.problems))
        self.words = None

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems]


class UnknownRoleError(CareerGraphError):
    """A role was named that the career map does not have; `suggestions` are ids, best first."""

    def __init__(
        self, name: str, suggestion: str | None = None, suggestions: Sequence[str] = ()
    ) -> None:
        self.name = name
        self.suggestions = tuple(suggestions) or ((suggestion,) if suggestion else ())
        self.suggestion = self.suggestions[0] if self.suggestions else None
        if len(self.suggestions) > 1:
            more = len(self.suggestions) - SUGGESTIONS_SHOWN
            words = Words.of(
                "unknown role '{name}' — did you mean {suggestions}{more}?",
                name=name,
                suggestions=", ".join(f"'{s}'" for s in self.suggestions[:SUGGESTIONS_SHOWN]),
                more=Words.of(" (and {count} more)", count=more) if more > 0 else "",
            )
            super().__init__(words)
            return
        super().__init__(_unknown("role", name, self.suggestion))


SUGGESTIONS_SHOWN = 10
"""An unknown role's message names at most this many of the roles it may have meant."""


class AmbiguousRoleError(CareerGraphError):
    """A name that several roles go by, none of them its primary reading; `candidates` are ids."""

    def __init__(self, name: str, candidates: Sequence[str], words: Words) -> None:
        self.name = name
        self.candidates = tuple(candidates)
        super().__init__(words)


class UnknownTrackError(CareerGraphError):
    """A track was named that the career map does not have."""

    def __init__(self, name: str, suggestion: str | None = None) -> None:
        super().__init__(_unknown("track", name, suggestion))


def _unknown(what: str, name: str, suggestion: str | None) -> Words:
    if what == "role":
        if suggestion:
            return Words.of(
                "unknown role '{name}' — did you mean '{suggestion}'?",
                name=name,
                suggestion=suggestion,
            )
        return Words.of("unknown role '{name}'", name=name)
    if suggestion:
        return Words.of(
            "unknown track '{name}' — did you mean '{suggestion}'?",
            name=name,
            suggestion=suggestion,
        )
    return Words.of("unknown track '{name}'", name=name)


ENTRY_KINDS = {
    "key": N_("key"),
    "track": N_("track"),
    "skill": N_("skill"),
    "role": N_("role"),
    "source": N_("source"),
    "category": N_("category"),
    "shared name": N_("shared name"),
}
"""The words for each kind of entry a problem names ("role", "shared name"), by kind."""


class NoRouteError(CareerGraphError):
    """The question is well formed but has no answer: no route meets it."""

    exit_code = EXIT_NO_ANSWER


class OutputError(CareerGraphError):
    """An output file could not be written."""
