"""Strict JSON reading for generated maps: the same plain data as YAML, places found on demand.

The standard `json` module reads the file (fast, and its syntax errors carry line and column);
a duplicate key, which it would silently overwrite, is reported like YAML's. The place of each
value and key is found by a second, position-tracking pass, run only when a mistake is reported.
`NaN` and `Infinity`, which Python's reader accepts but JSON does not have, stay text.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable
from typing import Any

from careergraph.errors import Problem, Words
from careergraph.limits import MAX_DIGITS
from careergraph.load.document import Document, Marks, Path, dotted
from careergraph.load.yaml_source import (
    MAX_DEPTH,
    TOO_DEEP,
    too_many_digits,
)

_SPACE = re.compile(r"[ \t\n\r]*")
# The standard reader's own pieces: one string (from after its quote) and one value, each with
# where it ends. Untyped in typeshed, hence named here.
_read_string: Callable[[str, int], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]


def read_json(text: str, file: str) -> tuple[Document, list[Problem]]:
    """Parse `text` as JSON; syntax errors and duplicate keys come back as problems."""
    if not text.strip():
        return Document(file, None), [Problem.of(file, 1, 1, Words.of("the file is empty"))]
    duplicates: list[bool] = []

    def first_wins(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        mapping = dict(pairs)
        if len(mapping) != len(pairs):
            duplicates.append(True)
            mapping = {}
            for key, value in pairs:
                mapping.setdefault(key, value)
        return mapping

    long_numbers: list[str] = []

    def whole_number(digits: str) -> int | None:
        if len(digits.lstrip("-")) > MAX_DIGITS:
            long_numbers.append(digits)
            return None
        return int(digits)

    try:
        data = json.loads(
            text, object_pairs_hook=first_wins, parse_constant=str, parse_int=whole_number
        )
    except json.JSONDecodeError as error:
        # The standard library's own English, like the operating system's reasons.
        reason = error.msg.removesuffix(" at")  # "Invalid control character at": the place follows
        words = Words.of("invalid JSON: {problem}", problem=reason)
        return Document(file, None), [Problem.of(file, error.lineno, error.colno, words)]
    except RecursionError:
        return Document(file, None), [_too_deep(text, file)]
    if _nests_deeper(data, MAX_DEPTH):
        return Document(file, None), [_too_deep(text, file)]
    if long_numbers:
        found = re.search(rf"-?\d{{{MAX_DIGITS + 1},}}", text)
        line, column = _place(text, found.start() if found else 0)
        digits = len(long_numbers[0].lstrip("-"))
        return Document(file, None), [Problem.of(file, line, column, too_many_digits("", digits))]
    if duplicates:
        places = _Places(text, file)
        values, keys = places.marks()
        return Document(file, data, values, keys), places.problems
    return Document(file, data, locate=lambda: _Places(text, file).marks()), []


def _nests_deeper(data: Any, limit: int) -> bool:
    """Whether lists and mappings nest more than `limit` deep (the top level is 1)."""
    stack = [(data, 1)] if isinstance(data, dict | list) else []
    while stack:
        value, depth = stack.pop()
        children = value.values() if isinstance(value, dict) else value
        if depth > limit:
            return True
        stack += [(child, depth + 1) for child in children if isinstance(child, dict | list)]
    return False


_BRACKETS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _too_deep(text: str, file: str) -> Problem:
    """The problem with JSON nesting past MAX_DEPTH, where the first too deep value starts."""
    depth = 0
    for found in _BRACKETS.finditer(text):
        token = found.group()
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return Problem.of(file, *_place(text, found.start()), TOO_DEEP)
        elif token in "]}":
            depth -= 1
    return Problem.of(file, 1, 1, TOO_DEEP)


def _place(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


class _Places:
    """Walks valid JSON text recording where each value and key starts, and duplicate keys."""

    def __init__(self, text: str, file: str) -> None:
        self.text = text
        self.file = file
        self.values: Marks = {}
        self.keys: Marks = {}
        self.problems: list[Problem] = []
        self.line_starts = [0, *(m.end() for m in re.finditer("\n", text))]
        decoder: Any = json.JSONDecoder(parse_constant=str)
        self.scalar: Callable[[str, int], tuple[Any, int]] = decoder.scan_once

    def marks(self) -> tuple[Marks, Marks]:
        self.value(0, ())
        return self.values, self.keys

    def at(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.line_starts, offset)
        return (line, offset - self.line_starts[line - 1] + 1)

    def skip_space(self, index: int) -> int:
        match = _SPACE.match(self.text, index)
        return match.end() if match else index

    def value(self, index: int, path: Path | None) -> int:
        """Record the value starting at or after `index` (unless `path` is None); its end."""
        text = self.text
        index = self.skip_space(index)
        if path is not None:
            self.values[path] = self.at(index)
        if text[index] == "{":
            return self.mapping(index, path)
        if text[index] == "[":
            index = self.skip_space(index + 1)
            position = 0
            while text[index] != "]":
                index = self.value(index, None if path is None else (*path, position))
                position += 1
                index = self.skip_space(index)
                if text[index] == ",":
                    index = self.skip_space(index + 1)
            return index + 1
        return int(self.scalar(text, index)[1])

    def mapping(self, index: int, path: Path | None) -> int:
        text = self.text
        index = self.skip_space(index + 1)
        seen: set[str] = set()
        while text[index] != "}":
            start = index
            key, index = _read_string(text, index + 1)
            child: Path | None = None if path is None else (*path, key)
            if child is not None and key in seen:
                first_line = self.keys[child][0]
                line, column = self.at(start)
                where = f"{dotted(path)}: " if path else ""
                words = Words.of(
                    "{place}duplicate key '{key}' (first at line {line})",
                    place=where,
                    key=key,
                    line=first_line,
                )
                self.problems.append(Problem.of(self.file, line, column, words))
                child = None  # the first one is kept, as when reading
            elif child is not None:
                seen.add(key)
                self.keys[child] = self.at(start)
            index = self.skip_space(index)  # at the colon
            index = self.skip_space(self.value(index + 1, child))
            if text[index] == ",":
                index = self.skip_space(index + 1)
        return index + 1
