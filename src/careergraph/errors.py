"""The user mistakes careergraph reports, each with the exit code the CLI gives it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

EXIT_OK = 0
EXIT_NO_ANSWER = 1
EXIT_BAD_INPUT = 2


class CareerGraphError(Exception):
    """A mistake in what the user asked or gave; its message is a whole sentence."""

    exit_code = EXIT_BAD_INPUT

    def lines(self) -> list[str]:
        """The message as the lines the CLI prints, one per problem."""
        return [str(self)]


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in a data file, at a 1-based line and column (0 where unknown)."""

    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.column}: {self.message}"
        return f"{self.file}: {self.message}"


class DataFileError(CareerGraphError):
    """The data file cannot be read or is not a valid career map."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems]


class UnknownRoleError(CareerGraphError):
    """A role was named that the career map does not have."""

    def __init__(self, name: str, suggestion: str | None = None) -> None:
        self.name = name
        self.suggestion = suggestion
        hint = f" — did you mean '{suggestion}'?" if suggestion else ""
        super().__init__(f"unknown role '{name}'{hint}")


class UnknownTrackError(CareerGraphError):
    """A track was named that the career map does not have."""

    def __init__(self, name: str, suggestion: str | None = None) -> None:
        hint = f" — did you mean '{suggestion}'?" if suggestion else ""
        super().__init__(f"unknown track '{name}'{hint}")


class NoRouteError(CareerGraphError):
    """The question is well formed but has no answer: no route meets it."""

    exit_code = EXIT_NO_ANSWER


class OutputError(CareerGraphError):
    """An output file could not be written."""
