"""A data file as plain data, with where each part of it stands in the file (found lazily)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from careergraph.errors import Problem, Words

Path = tuple[str | int, ...]
Marks = dict[Path, tuple[int, int]]


def dotted(path: Path) -> str:
    """A path as people read it: roles.cto.years, transitions[3].to."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


@dataclass
class Document:
    """Plain data read from a file, and the line and column of each value and key.

    Reading a valid file skips recording places (most of the cost at scale); `locate`, when
    given, reads them on the first question about a place, which only a mistake asks.
    """

    file: str
    data: Any
    value_marks: Marks = field(default_factory=dict)
    key_marks: Marks = field(default_factory=dict)
    locate: Callable[[], tuple[Marks, Marks]] | None = None

    def where(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """Line and column of the value (or key) at `path`, else of its nearest parent."""
        if self.locate is not None:
            self.value_marks, self.key_marks = self.locate()
            self.locate = None
        marks = self.key_marks if key else self.value_marks
        if path in marks:
            return marks[path]
        while path:
            path = path[:-1]
            if path in self.value_marks:
                return self.value_marks[path]
        return (1, 1)

    def problem(self, path: Path, words: Words, *, key: bool = False) -> Problem:
        """The problem these catalogue words say, located at `path`."""
        return Problem.of(self.file, *self.where(path, key=key), words)
