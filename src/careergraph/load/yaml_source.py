"""Strict YAML reading: plain data plus the line and column of every key and value.

PyYAML's loaders are too forgiving for a file people edit by hand: duplicate keys silently
overwrite, aliases can expand into a memory bomb, and YAML 1.1 turns `no` into False and `010`
into 8. Here the file is only *parsed* into events, composed by hand, and each scalar is given
YAML 1.2 core meaning by hand, so nothing changes meaning behind the user's back.

Reading runs in up to three passes, each only when the one before cannot finish: libyaml's C
event stream composed straight into plain data (valid files: no places recorded); the same events
composed again with every place recorded, to report anchors, tags, duplicate keys and ambiguous
numbers where they stand; and PyYAML's own Python composer for a file libyaml finds malformed,
so syntax errors keep PyYAML's wording.
"""

from __future__ import annotations

import math
import re
from sys import intern
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from careergraph.errors import Problem
from careergraph.load.document import Document, Marks, Path, dotted

# libyaml's parser when PyYAML was built with it; else the same events from Python.
_EventParser = getattr(yaml, "CBaseLoader", yaml.BaseLoader)

__all__ = ["Document", "Path", "dotted", "read_yaml"]

_NULL = re.compile(r"^(~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_WORDS = {"null", "Null", "NULL", *_BOOL}
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_SPECIAL_FLOATS = {
    ".inf": math.inf, ".Inf": math.inf, ".INF": math.inf,
    "+.inf": math.inf, "+.Inf": math.inf, "+.INF": math.inf,
    "-.inf": -math.inf, "-.Inf": -math.inf, "-.INF": -math.inf,
    ".nan": math.nan, ".NaN": math.nan, ".NAN": math.nan,
}  # fmt: skip
_ANCHORS = "YAML anchors and aliases (&name, *name) are not supported: write the value out"


class _Mistake(Exception):
    """The fast pass met something to report: compose again, recording places."""


class _Malformed(Exception):
    """libyaml cannot read the file: let PyYAML's composer say why, in its words."""


class _Ambiguous(Exception):
    """A plain number with a leading zero, which YAML 1.1 and 1.2 read differently."""


class _Refused(Exception):
    def __init__(self, mark: Any, message: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message


def read_yaml(text: str, file: str) -> tuple[Document, list[Problem]]:
    """Parse `text` strictly; syntax errors raise nothing but come back as problems."""
    try:
        data = _Fast(text).document()
    except _Mistake:
        pass
    except (_Malformed, yaml.YAMLError):
        return _read_composed(text, file)
    else:
        if data is _Fast.EMPTY:
            return Document(file, None), [Problem(file, 1, 1, "the file is empty")]
        return Document(file, data, locate=lambda: _Marked(text, file).marks()), []
    try:
        marked = _Marked(text, file)
        data = marked.document()
    except _Refused as refused:
        line, column = _at(refused.mark) if refused.mark else (1, 1)
        return Document(file, None), [Problem(file, line, column, refused.message)]
    except (_Malformed, yaml.YAMLError):
        return _read_composed(text, file)
    return Document(file, data, marked.values, marked.keys), marked.problems


def _at(mark: Any) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1)


def _tag(tag: str) -> str:
    """A tag as it was written: !!float rather than tag:yaml.org,2002:float."""
    return tag.replace("tag:yaml.org,2002:", "!!")


def _meaning(value: str) -> Any:
    """YAML 1.2 core meaning of an unquoted scalar; `_Ambiguous` for a leading-zero number."""
    if _NULL.match(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.match(value):
        digits = value.lstrip("+-")
        if len(digits) > 1 and digits.startswith("0"):
            raise _Ambiguous
        return int(value)
    if _FLOAT.match(value):
        return float(value)
    if value in _SPECIAL_FLOATS:
        return _SPECIAL_FLOATS[value]
    return value


def _ambiguous(value: str, path: Path) -> str:
    digits = value.lstrip("+-")
    octal = f" {int(digits, 8)}" if set(digits) <= set("01234567") else ""
    return (
        f"{dotted(path)}: '{value}' is ambiguous (YAML 1.1 reads it as octal{octal}): "
        f"write {int(digits)}, or quote it if it is text"
    )


class _Fast:
    """Events straight into plain data, giving up (`_Mistake`) at anything to report."""

    EMPTY = object()

    def __init__(self, text: str) -> None:
        self.next_event = _EventParser(text).get_event

    def document(self) -> Any:
        next_event = self.next_event
        next_event()  # the stream's start
        if type(next_event()) is StreamEndEvent:
            return _Fast.EMPTY
        root = self.node(next_event())
        next_event()  # the document's end
        if type(next_event()) is not StreamEndEvent:
            raise _Malformed  # several documents
        return root

    def node(self, event: Event) -> Any:
        kind = type(event)
        if kind is ScalarEvent:
            if event.anchor is not None or event.tag not in (None, "!"):  # type: ignore[attr-defined]
                raise _Mistake
            value: str = event.value  # type: ignore[attr-defined]
            if event.style:  # type: ignore[attr-defined]
                return value  # quoted or block scalars are always text
            first = value[:1]
            if first.isalpha() and value not in _WORDS:
                return value  # the common case, a word: no pattern can match
            if value.isdigit() and value.isascii() and (first != "0" or len(value) == 1):
                return int(value)
            try:
                return _meaning(value)
            except _Ambiguous:
                raise _Mistake from None
        if event.anchor is not None or kind is AliasEvent or event.tag not in (None, "!"):  # type: ignore[attr-defined]
            raise _Mistake
        next_event = self.next_event
        node = self.node
        if kind is MappingStartEvent:
            mapping: dict[str, Any] = {}
            key = next_event()
            while type(key) is not MappingEndEvent:
                if type(key) is not ScalarEvent or key.anchor is not None:
                    raise _Mistake
                if key.tag not in (None, "!") or key.value in mapping:
                    raise _Mistake
                # Interned keys are shared, and the cache stores each only once.
                mapping[intern(key.value)] = node(next_event())
                key = next_event()
            return mapping
        sequence: list[Any] = []
        item = next_event()
        while type(item) is not SequenceEndEvent:
            sequence.append(node(item))
            item = next_event()
        return sequence


class _Marked:
    """Events into plain data, recording the place of every value and key, and each mistake."""

    def __init__(self, text: str, file: str) -> None:
        self.next_event = _EventParser(text).get_event
        self.file = file
        self.values: Marks = {}
        self.keys: Marks = {}
        self.problems: list[Problem] = []

    def marks(self) -> tuple[Marks, Marks]:
        """Every value's and key's place (for a file the fast pass read)."""
        self.document()
        return self.values, self.keys

    def document(self) -> Any:
        self.next_event()
        event = self.next_event()
        if type(event) is StreamEndEvent:
            return None
        root = self.node(self.next_event(), ())
        self.next_event()
        if type(self.next_event()) is not StreamEndEvent:
            raise _Malformed
        return root

    def refuse(self, event: Event) -> None:
        """Anchors, aliases and tags end the reading before anything is built."""
        if isinstance(event, AliasEvent) or (
            isinstance(event, NodeEvent) and event.anchor is not None
        ):
            raise _Refused(event.start_mark, _ANCHORS)
        tag = getattr(event, "tag", None)
        if isinstance(event, ScalarEvent | CollectionStartEvent) and tag not in (None, "!"):
            message = f"YAML tags ({_tag(str(tag))}) are not supported: remove the tag"
            raise _Refused(event.start_mark, message)

    def skip(self, event: Event) -> None:
        """Pass over a node that is not kept, still refusing anchors and tags inside it."""
        self.refuse(event)
        depth = 1 if isinstance(event, CollectionStartEvent) else 0
        while depth:
            event = self.next_event()
            self.refuse(event)
            if isinstance(event, CollectionStartEvent):
                depth += 1
            elif isinstance(event, MappingEndEvent | SequenceEndEvent):
                depth -= 1

    def node(self, event: Event, path: Path) -> Any:
        self.refuse(event)
        self.values[path] = _at(event.start_mark)
        if isinstance(event, MappingStartEvent):
            result: dict[str, Any] = {}
            while not isinstance(key := self.next_event(), MappingEndEvent):
                self.refuse(key)
                if not isinstance(key, ScalarEvent):
                    line, column = _at(key.start_mark)
                    self.problems.append(
                        Problem(self.file, line, column, "a key must be a plain word")
                    )
                    self.skip(key)
                    self.skip(self.next_event())
                    continue
                name = intern(str(key.value))
                child = (*path, name)
                if name in result:
                    first_line = self.keys[child][0]
                    line, column = _at(key.start_mark)
                    where = f"{dotted(path)}: " if path else ""
                    message = f"{where}duplicate key '{name}' (first at line {first_line})"
                    self.problems.append(Problem(self.file, line, column, message))
                    self.skip(self.next_event())
                    continue
                self.keys[child] = _at(key.start_mark)
                result[name] = self.node(self.next_event(), child)
            return result
        if isinstance(event, SequenceStartEvent):
            items: list[Any] = []
            while not isinstance(item := self.next_event(), SequenceEndEvent):
                items.append(self.node(item, (*path, len(items))))
            return items
        assert isinstance(event, ScalarEvent)
        if event.style:
            return str(event.value)
        try:
            return _meaning(str(event.value))
        except _Ambiguous:
            line, column = self.values[path]
            self.problems.append(Problem(self.file, line, column, _ambiguous(event.value, path)))
            return event.value


# -- PyYAML's own composer, for the exact wording of syntax errors ---------------------------


class _StrictComposer(yaml.SafeLoader):
    """Composes nodes, refusing anchors, aliases and tags before anything is built."""

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, AliasEvent) or (
            isinstance(event, NodeEvent) and event.anchor is not None
        ):
            raise _Refused(event.start_mark, _ANCHORS)
        if isinstance(event, ScalarEvent | CollectionStartEvent) and event.tag not in (None, "!"):
            message = f"YAML tags ({_tag(event.tag)}) are not supported: remove the tag"
            raise _Refused(event.start_mark, message)
        return super().compose_node(parent, index)


def _read_composed(text: str, file: str) -> tuple[Document, list[Problem]]:
    """Read with PyYAML's Python composer: slower, but its messages for malformed YAML."""
    document = Document(file, None)
    problems: list[Problem] = []
    loader = _StrictComposer(text)
    try:
        node = loader.get_single_node()
    except _Refused as refused:
        line, column = _at(refused.mark) if refused.mark else (1, 1)
        return document, [Problem(file, line, column, refused.message)]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = _at(mark) if mark else (1, 1)
        problem = error.problem or error.context or "not valid YAML"
        return document, [Problem(file, line, column, f"invalid YAML: {problem}")]
    except yaml.YAMLError as error:
        return document, [Problem(file, 1, 1, f"invalid YAML: {error}")]
    finally:
        loader.dispose()
    if node is None:
        return document, [Problem(file, 1, 1, "the file is empty")]
    document.data = _convert(node, (), document, problems)
    return document, problems


def _convert(node: Node, path: Path, doc: Document, problems: list[Problem]) -> Any:
    doc.value_marks[path] = _at(node.start_mark)
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                line, column = _at(key_node.start_mark)
                problems.append(Problem(doc.file, line, column, "a key must be a plain word"))
                continue
            key = str(key_node.value)
            child = (*path, key)
            if key in result:
                first_line = doc.key_marks[child][0]
                line, column = _at(key_node.start_mark)
                where = f"{dotted(path)}: " if path else ""
                message = f"{where}duplicate key '{key}' (first at line {first_line})"
                problems.append(Problem(doc.file, line, column, message))
                continue
            doc.key_marks[child] = _at(key_node.start_mark)
            result[key] = _convert(value_node, child, doc, problems)
        return result
    if isinstance(node, SequenceNode):
        return [_convert(item, (*path, i), doc, problems) for i, item in enumerate(node.value)]
    assert isinstance(node, ScalarNode)
    if node.style is not None and node.style != "":
        return str(node.value)  # quoted or block scalars are always text
    try:
        return _meaning(str(node.value))
    except _Ambiguous:
        problems.append(doc.problem(path, _ambiguous(str(node.value), path)))
        return str(node.value)
