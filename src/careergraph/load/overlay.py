"""Company overlays: later data files add to, override, or remove from the ones before them.

The files are merged as plain data before anything is checked, because an overlay may name roles
and skills only earlier files define. Every merged part remembers the file and path it came from,
so the checks that follow report each mistake at its own `FILE:LINE:COL`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from careergraph.catalogue import N_
from careergraph.errors import ENTRY_KINDS, Problem, Words
from careergraph.load.yaml_source import Document, Path, dotted

# Sections whose entries are keyed by id; a later file may add, repeat or override entries.
KEYED_SECTIONS = {
    "categories": "category",
    "sources": "source",
    "tracks": "track",
    "skills": "skill",
    "roles": "role",
    "names": "shared name",
}
OVERRIDE = "override"
REMOVE = "remove"
# The top-level scale is merged like one keyed entry whose fields are the levels.
SCALE = "scale"


@dataclass
class Layers:
    """One or more documents merged into one, each part traced back to where it was written."""

    documents: Sequence[Document]
    data: Any
    # A merged path -> (index of the document, path in that document); the longest prefix wins.
    origins: dict[Path, tuple[int, Path]] = field(default_factory=dict)

    @property
    def file(self) -> str:
        """The first file: the base map the others add to."""
        return self.documents[0].file

    def source(self, path: Path) -> tuple[Document, Path]:
        """The document `path` comes from and the path it has there."""
        for cut in range(len(path), -1, -1):
            if path[:cut] in self.origins:
                index, there = self.origins[path[:cut]]
                return self.documents[index], (*there, *path[cut:])
        return self.documents[0], path

    def where(self, path: Path, *, key: bool = False) -> tuple[str, int, int]:
        """File, line and column of the value (or key) at `path`."""
        document, there = self.source(path)
        return (document.file, *document.where(there, key=key))

    def label(self, path: Path) -> str:
        """`path` as its own file names it: transitions[2] is the third move of that file."""
        return dotted(self.source(path)[1])

    def problem(self, path: Path, words: Words, *, key: bool = False) -> Problem:
        """The problem these catalogue words say, located at `path` in the file that wrote it."""
        return Problem.of(*self.where(path, key=key), words)

    def reference(self, path: Path, beside: str) -> Words:
        """Where `path` is, for a message about a place in `beside`: 'line 4' or 'a.yaml:4'."""
        file, line, _ = self.where(path)
        if file == beside:
            return Words.of("line {line}", line=line)
        return Words.of("{file}:{line}", file=file, line=line)


def single(document: Document) -> Layers:
    """One file on its own, as layers: every path is its own."""
    return Layers([document], document.data)


def merge(documents: Sequence[Document]) -> tuple[Layers, list[Problem]]:
    """The documents merged in order, and every conflict between them (with both places)."""
    merger = _Merger(documents)
    return merger.merge(), merger.problems


class _Merger:
    def __init__(self, documents: Sequence[Document]) -> None:
        self.documents = documents
        self.problems: list[Problem] = []
        self.origins: dict[Path, tuple[int, Path]] = {}
        # The merged moves by (from, to); moves that cannot be keyed are kept for the checks.
        self.moves: dict[tuple[Any, Any], _Move] = {}
        self.unkeyed: list[_Move] = []

    def merge(self) -> Layers:
        base = self.documents[0].data
        data = dict(base)
        for section in KEYED_SECTIONS:
            if isinstance(base.get(section, {}), dict):
                data[section] = {}
        # A section of the wrong type stays as written, for the checks to report.
        moves_given = isinstance(base.get("transitions", []), list)
        scale_given = isinstance(base.get(SCALE, {}), dict)
        if scale_given:
            data.pop(SCALE, None)
        for index, document in enumerate(self.documents):
            if not isinstance(document.data, dict):
                continue  # already reported: the top level must be a mapping
            scale = document.data.get(SCALE)
            if isinstance(scale, dict) and scale_given:
                self._scale(index, scale, data)
            for section in KEYED_SECTIONS:
                entries = document.data.get(section)
                if isinstance(entries, dict) and isinstance(data.get(section), dict):
                    for key, entry in entries.items():
                        self._entry(index, section, key, entry, data[section])
            moves = document.data.get("transitions")
            if isinstance(moves, list) and (moves_given or index == 0):
                earlier = dict(self.moves)
                for position, move in enumerate(moves):
                    self._move(index, position, move, earlier)
        if moves_given:
            merged = [m for m in [*self.moves.values(), *self.unkeyed] if not m.removed]
            merged.sort(key=lambda m: (m.index, m.position))
            data["transitions"] = []
            for number, move in enumerate(merged):
                data["transitions"].append(move.entry)
                self.origins[("transitions", number)] = (move.index, ("transitions", move.position))
                for name, origin in move.fields.items():
                    self.origins[("transitions", number, name)] = origin
        return Layers(self.documents, data, self.origins)

    # -- keyed entries ------------------------------------------------------------------------

    def _entry(
        self, index: int, section: str, key: str, entry: Any, merged: dict[str, Any]
    ) -> None:
        here: Path = (section, key)
        kind = KEYED_SECTIONS[section]
        if isinstance(entry, dict) and REMOVE in entry:
            # Only moves can be removed; the rest of the entry would only add to the confusion.
            self._add(
                index,
                (*here, REMOVE),
                Words.of(
                    "{place}.remove: only a move can be removed ('remove: true' "
                    "under transitions); a {kind} stays once a file defines it",
                    place=dotted(here),
                    kind=Words.of(ENTRY_KINDS[kind]),
                ),
                key=True,
            )
            return
        body = entry
        overriding = False
        if isinstance(entry, dict) and OVERRIDE in entry:
            body = {k: v for k, v in entry.items() if k != OVERRIDE}
            overriding = self._flag(index, (*here, OVERRIDE), entry[OVERRIDE], "override")
            if overriding and index == 0:
                self._add(
                    index,
                    (*here, OVERRIDE),
                    Words.of(
                        "{place}.override: only a file given after another (--data BASE "
                        "--data OVERLAY) can override an entry",
                        place=dotted(here),
                    ),
                    key=True,
                )
                overriding = False
        if key not in merged:
            if overriding:
                self._add(
                    index,
                    (*here, OVERRIDE),
                    Words.of(
                        "{place}: 'override: true', but no earlier file defines {kind} '{key}'",
                        place=dotted(here),
                        kind=Words.of(ENTRY_KINDS[kind]),
                        key=key,
                    ),
                    key=True,
                )
                return
            merged[key] = body
            self.origins[here] = (index, here)
            return
        earlier = merged[key]
        if not (isinstance(earlier, dict) and isinstance(body, dict)):
            merged[key] = body
            self.origins[here] = (index, here)
            return
        if overriding:
            merged[key] = {**earlier, **body}
            for name in body:
                self.origins[(*here, name)] = (index, (*here, name))
            return
        for name, value in body.items():
            old = earlier.get(name, _MISSING)
            # Repeating an entry to refer to it (a file that is also a map of its own) is no
            # redefinition: a text that agrees in every language it gives is no conflict.
            if old != value and not _agrees(value, old):
                self._conflict(index, (*here, name), value, old, here)

    def _scale(self, index: int, scale: dict[str, Any], data: dict[str, Any]) -> None:
        """A file's level texts: new levels are added; a changed one needs 'override: true'."""
        here: Path = (SCALE,)
        body = {k: v for k, v in scale.items() if k != OVERRIDE}
        overriding = False
        if OVERRIDE in scale:
            overriding = self._flag(index, (*here, OVERRIDE), scale[OVERRIDE], "override")
            if overriding and SCALE not in data:
                self._add(
                    index,
                    (*here, OVERRIDE),
                    Words.of(
                        N_("scale.override: 'override: true', but no earlier file gives a scale")
                        if index
                        else N_(
                            "scale.override: only a file given after another (--data BASE "
                            "--data OVERLAY) can override the scale"
                        )
                    ),
                    key=True,
                )
                overriding = False
        if SCALE not in data:
            data[SCALE] = {}
            self.origins[here] = (index, here)
        merged = data[SCALE]
        for level, text in body.items():
            if level in merged and not overriding:
                if merged[level] != text:
                    self._conflict(index, (*here, level), text, merged[level], here)
                continue
            merged[level] = text
            self.origins[(*here, level)] = (index, (*here, level))

    # -- transitions --------------------------------------------------------------------------

    def _move(
        self, index: int, position: int, entry: Any, earlier: dict[tuple[Any, Any], _Move]
    ) -> None:
        here: Path = ("transitions", position)
        if not isinstance(entry, dict):
            self.unkeyed.append(_Move(entry, index, position))
            return
        pair = (entry.get("from"), entry.get("to"))
        flags = {}
        for flag in (OVERRIDE, REMOVE):
            if flag in entry:
                flags[flag] = self._flag(index, (*here, flag), entry[flag], flag)
                if index == 0 and flags[flag]:
                    self._add(
                        index,
                        (*here, flag),
                        Words.of(
                            "transitions[{position}].{flag}: only a file given after another "
                            "(--data BASE --data OVERLAY) can {flag} a move",
                            position=position,
                            flag=flag,
                        ),
                        key=True,
                    )
                    flags[flag] = False
        body = {k: v for k, v in entry.items() if k not in (OVERRIDE, REMOVE)}
        hashable = all(isinstance(end, str) for end in pair)
        found = earlier.get(pair) if hashable else None
        if found is not None and found.removed:
            found = None
        move_name = f"'{pair[0]}' -> '{pair[1]}'"
        if flags.get(REMOVE):
            extra = [k for k in body if k not in ("from", "to")]
            for name in extra:
                self._add(
                    index,
                    (*here, name),
                    Words.of(
                        "transitions[{position}]: a removal names only 'from' and 'to', "
                        "not '{name}'",
                        position=position,
                        name=name,
                    ),
                    key=True,
                )
            if found is None:
                self._add(
                    index,
                    here,
                    Words.of(
                        "transitions[{position}]: cannot remove the move {move}: no "
                        "earlier file has it",
                        position=position,
                        move=move_name,
                    ),
                )
            elif not extra:
                found.removed = True
            return
        if flags.get(OVERRIDE):
            if found is None:
                self._add(
                    index,
                    (*here, OVERRIDE),
                    Words.of(
                        "transitions[{position}]: 'override: true', but no earlier file "
                        "has the move {move}",
                        position=position,
                        move=move_name,
                    ),
                    key=True,
                )
                return
            found.entry = {**found.entry, **body}
            for name in body:
                found.fields[name] = (index, (*here, name))
            return
        if found is not None:
            for name, value in body.items():
                old = found.entry.get(name, _MISSING)
                if old != value:
                    origin = found.fields.get(name, (found.index, ("transitions", found.position)))
                    if old is not _MISSING and name not in found.fields:
                        origin = (origin[0], (*origin[1], name))
                    self._report(index, (*here, name), value, old, origin, here)
            return
        move = _Move(body, index, position)
        if hashable and pair not in self.moves:
            self.moves[pair] = move
        else:
            self.unkeyed.append(move)  # a duplicate within one file: the checks report it

    # -- reporting ----------------------------------------------------------------------------

    def _flag(self, index: int, path: Path, value: Any, name: str) -> bool:
        if value is True:
            return True
        self._add(
            index,
            path,
            Words.of(
                "{place}: '{name}' can only be true (or left out)", place=dotted(path), name=name
            ),
        )
        return False

    def _conflict(self, index: int, path: Path, value: Any, old: Any, entry: Path) -> None:
        """A keyed entry repeated with a different field and no `override: true`."""
        origin = self.origins.get(path)
        if origin is None or old is _MISSING:
            first, there = self.origins[entry]
            origin = (first, there if old is _MISSING else (*there, path[-1]))
        self._report(index, path, value, old, origin, entry)

    def _report(
        self,
        index: int,
        path: Path,
        value: Any,
        old: Any,
        origin: tuple[int, Path],
        entry: Path,
    ) -> None:
        document = self.documents[origin[0]]
        on_key = old is _MISSING and origin[1][0] != "transitions"
        line, column = document.where(origin[1], key=on_key)
        at = f"{document.file}:{line}:{column}"
        earlier = (
            Words.of("{there} does not set it", there=at)
            if old is _MISSING
            else Words.of("{there} says {value}", there=at, value=_said(old))
        )
        self._add(
            index,
            path,
            Words.of(
                "{place}: {value} here, but {earlier}; add 'override: true' to "
                "{entry} to change it",
                place=dotted(path),
                value=_said(value),
                earlier=earlier,
                entry=dotted(entry),
            ),
        )

    def _add(
        self,
        index: int,
        path: Path,
        words: Words,
        *,
        key: bool = False,
    ) -> None:
        self.problems.append(self.documents[index].problem(path, words, key=key))


@dataclass
class _Move:
    entry: Any
    index: int
    position: int
    fields: dict[str, tuple[int, Path]] = field(default_factory=dict)
    removed: bool = False


class _Missing:
    pass


_MISSING: Any = _Missing()


def _translations(value: Any) -> dict[str, str] | None:
    """A text's translations by language (a plain text as English), or None if it is no text."""
    if isinstance(value, str):
        return {"en": value}
    if isinstance(value, dict) and value and all(isinstance(v, str) for v in value.values()):
        return {str(k): v for k, v in value.items()}
    return None


def _agrees(value: Any, old: Any) -> bool:
    """Whether the text `value` says what the text `old` says in every language it gives."""
    given, earlier = _translations(value), _translations(old)
    if given is None or earlier is None:
        return False
    return all(earlier.get(lang) == text for lang, text in given.items())


# The longest a value is quoted in a one-line message.
_LONGEST_SAID = 80


def _said(value: Any) -> str:
    """A value as written in YAML (flow style), briefly."""
    said = _flow(value)
    return said if len(said) <= _LONGEST_SAID else said[: _LONGEST_SAID - 1] + "…"


def _flow(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    if value is None:
        return "nothing"
    return f"{value:g}" if isinstance(value, float) else str(value)
