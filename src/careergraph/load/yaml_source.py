"""Strict YAML reading: plain data plus the line and column of every key and value.

PyYAML's loaders are too forgiving for a file people edit by hand: duplicate keys silently
overwrite, aliases can expand into a memory bomb, and YAML 1.1 turns `no` into False and `010`
into 8. Here the file is only *composed* into nodes, and each scalar is given YAML 1.2 core
meaning by hand, so nothing changes meaning behind the user's back.

A valid file is read fast, straight from libyaml's event stream into plain data, without recording
where anything stands (most of the cost at scale); places are found by a second pass only when
something asks for one (a mistake, or `careergraph lint`). Anything the fast pass would have to
report sends the file through the Python composer, whose messages are the ones users see.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from sys import intern
from types import MappingProxyType
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    DocumentStartEvent,
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

from careergraph.catalogue import N_
from careergraph.errors import Problem, Words
from careergraph.limits import MAX_DIGITS
from careergraph.load.document import Document, Marks, Path, dotted

# libyaml's parser when PyYAML was built with it; else the same events from Python.
_EventParser = getattr(yaml, "CBaseLoader", yaml.BaseLoader)

__all__ = ["Document", "Path", "dotted", "read_yaml"]

_NULL = re.compile(r"^(~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_WORDS = {"null", "Null", "NULL", *_BOOL}
_SPECIAL_FLOATS = {
    ".inf": math.inf, ".Inf": math.inf, ".INF": math.inf,
    "+.inf": math.inf, "+.Inf": math.inf, "+.INF": math.inf,
    "-.inf": -math.inf, "-.Inf": -math.inf, "-.INF": -math.inf,
    ".nan": math.nan, ".NaN": math.nan, ".NAN": math.nan,
}  # fmt: skip


class _Refused(Exception):
    def __init__(self, mark: Any, words: Words) -> None:
        super().__init__(words.message)
        self.mark = mark
        self.words = words


def too_many_digits(place: str, digits: int) -> Words:
    """The problem with a whole number of `digits` digits, over MAX_DIGITS."""
    where = f"{place}: " if place else ""
    return Words.of(
        "{place}a whole number of {digits} digits; careergraph reads "
        "numbers of up to {most} digits (see Limits in the README)",
        place=where,
        digits=f"{digits:,}",
        most=MAX_DIGITS,
    )


_NOUNS = {
    "sources": N_("sources"),
    "tracks": N_("tracks"),
    "skills": N_("skills"),
    "roles": N_("roles"),
    "transitions": N_("transitions"),
}
"""What a section's entries are called, by section."""


def too_many_words(name: str, limit: int) -> Words:
    """The problem with section `name` holding more than `limit` entries."""
    noun = Words.of(_NOUNS[name])
    return Words.of(
        "{place}: more than {limit} {noun}; careergraph reads maps of up "
        "to {limit} (see Limits in the README)",
        place=name,
        limit=f"{limit:,}",
        noun=noun,
    )


MAX_DEPTH = 40
"""A career map nests 6 levels at most; far deeper is a mistake or an attack on the stack."""
TOO_DEEP = Words.of(
    "the data nests more than {most} levels deep; a career map needs 6", most=MAX_DEPTH
)


class _StrictComposer(yaml.SafeLoader):
    """Composes nodes, refusing anchors, aliases, tags and deep nesting before anything is built."""

    depth = 0
    sections: Sections = MappingProxyType({})
    counting: tuple[str, str, int] | None = None
    entries = 0

    def fetch_flow_collection_start(self, TokenClass: Any) -> None:
        # The scanner reads a line of `[[[[...` to its end before the composer sees any of it,
        # in time that grows with the square of the depth: stop it here, at the same depth.
        if self.flow_level >= MAX_DEPTH:
            raise _Refused(self.get_mark(), TOO_DEEP)
        super().fetch_flow_collection_start(TokenClass)

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if self.depth >= MAX_DEPTH:
            raise _Refused(event.start_mark, TOO_DEEP)
        if isinstance(event, AliasEvent) or (
            isinstance(event, NodeEvent) and event.anchor is not None
        ):
            raise _Refused(
                event.start_mark,
                Words.of(
                    "YAML anchors and aliases (&name, *name) are not supported: write the value out"
                ),
            )
        if isinstance(event, ScalarEvent | CollectionStartEvent) and event.tag not in (None, "!"):
            raise _Refused(
                event.start_mark,
                Words.of(
                    "YAML tags ({tag}) are not supported: remove the tag", tag=_tag(event.tag)
                ),
            )
        if self.depth == 1:
            # A top-level value: a section whose entries are counted as they are composed.
            name = str(index.value) if isinstance(index, ScalarNode) else ""
            self.counting = (name, *self.sections[name]) if name in self.sections else None
        elif self.depth == 2 and self.counting is not None:
            name, shape, limit = self.counting
            # A mapping's keys are composed without an index, a list's items with theirs.
            if (index is None) if shape == "mapping" else isinstance(index, int):
                self.entries += 1
                if self.entries > limit:
                    raise _Refused(event.start_mark, too_many_words(name, limit))
        if self.depth == 1:
            self.entries = 0
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def _tag(tag: str) -> str:
    """A tag as it was written: !!float rather than tag:yaml.org,2002:float."""
    return tag.replace("tag:yaml.org,2002:", "!!")


def _at(mark: Any) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1)


Sections = Mapping[str, tuple[str, int]]
"""Top-level keys whose value is a "mapping" or a "list" of at most so many entries."""


def read_yaml(
    text: str, file: str, sections: Sections | None = None
) -> tuple[Document, list[Problem]]:
    """Parse `text` strictly; syntax errors raise nothing but come back as problems.

    What the first events already show is reported without reading the rest of the file: a top
    level that is a list (an empty one stands in for it, its place known), and a section of
    `sections` of the other kind of collection, or with more entries than its limit.
    """
    if not _NON_PRINTABLE.search(text):
        try:
            data = _Fast(text, sections or {}).document()
        except _NotMapping as top:
            return Document(file, top.data, value_marks={(): _at(top.mark)}), []
        except _Refused as refused:
            return Document(file, None), [_refusal(file, refused)]
        except (_Mistake, yaml.YAMLError, RecursionError):
            pass  # something to report: the composer says what, and where
        else:
            return Document(file, data, locate=lambda: _Marked(text).marks()), []
        # The composer is many times slower: a section too large is refused before it starts.
        try:
            _check_sections(text, sections or {})
        except _Refused as refused:
            return Document(file, None), [_refusal(file, refused)]
        except yaml.YAMLError:
            pass  # the composer says what, and where
    return _read_composed(text, file, sections or {})


def _refusal(file: str, refused: _Refused) -> Problem:
    return Problem.of(file, *_at(refused.mark), refused.words)


_STARTS = (MappingStartEvent, SequenceStartEvent)
_ENDS = (MappingEndEvent, SequenceEndEvent)


def _check_sections(text: str, sections: Sections) -> None:
    """Refuse (`_Refused`) a section of `sections` with more entries than its limit.

    Only libyaml's events are read, nothing is built; anything else is left to the composer.
    """
    next_event = _EventParser(text).get_event
    next_event()  # the stream's start
    if type(next_event()) is not DocumentStartEvent or type(next_event()) is not MappingStartEvent:
        return
    while type(key := next_event()) is ScalarEvent:
        value = next_event()
        rule = sections.get(str(key.value))
        if type(value) not in _STARTS:
            continue
        items, depth, cap = 0, 1, 0
        if rule is not None:
            shape, limit = rule
            cap = 2 * limit if shape == "mapping" else limit  # a mapping's entries: two items
            name = str(key.value)
        while depth:
            event = next_event()
            if depth == 1 and cap and not isinstance(event, _ENDS):
                items += 1
                if items > cap:
                    raise _Refused(event.start_mark, too_many_words(name, limit))
            if isinstance(event, _STARTS):
                depth += 1
            elif isinstance(event, _ENDS):
                depth -= 1


def _read_composed(
    text: str, file: str, sections: Sections | None = None
) -> tuple[Document, list[Problem]]:
    """Read with PyYAML's Python composer: slower, but every place and its messages for mistakes."""
    document = Document(file, None)
    problems: list[Problem] = []
    loader = None
    try:
        # The reader checks every character as it is built, so it is inside the `try` too.
        loader = _StrictComposer(text)
        loader.sections = sections or {}
        node = loader.get_single_node()
    except _Refused as refused:
        line, column = _at(refused.mark) if refused.mark else (1, 1)
        return document, [Problem.of(file, line, column, refused.words)]
    except yaml.reader.ReaderError as error:
        line, column = _offset_place(text, error.position)
        words = Words.of(
            "the file holds a control character ({code}) YAML does not allow",
            code=f"U+{error.character:04X}",
        )
        return document, [Problem.of(file, line, column, words)]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = _at(mark) if mark else (1, 1)
        likely = _likely_cause(text, line)
        if likely:
            return document, [Problem.of(file, *likely)]
        if error.context == "expected a single document in the stream":
            words = Words.of(
                "the file holds a second YAML document (after '---'): keep one map per file"
            )
            return document, [Problem.of(file, line, column, words)]
        # PyYAML's own English, like the operating system's reasons.
        problem = error.problem or error.context or "not valid YAML"
        words = Words.of("invalid YAML: {problem}", problem=problem)
        return document, [Problem.of(file, line, column, words)]
    except yaml.YAMLError as error:
        words = Words.of("invalid YAML: {problem}", problem=str(error))
        return document, [Problem.of(file, 1, 1, words)]
    finally:
        if loader is not None:
            loader.dispose()
    if node is None:
        words = Words.of(
            N_("the file holds only comments, no data") if text.strip() else N_("the file is empty")
        )
        return document, [Problem.of(file, 1, 1, words)]
    colon = -1
    if isinstance(node, ScalarNode) and not node.style:
        colon = text.find("\uff1a", node.start_mark.index, node.end_mark.index)
    if colon >= 0:
        # `role\uff1amanager` is one plain word to YAML, and so the whole file is one word.
        line, column = _offset_place(text, colon)
        key = _LINE_BREAK.split(text)[line - 1][: column - 1].strip(" \t\u3000")
        words = Words.of(
            "'{key}' is followed by a full-width colon '：': write an ASCII colon ':'", key=key
        )
        return document, [Problem.of(file, line, column, words)]
    document.data = _convert(node, (), document, problems)
    return document, problems


_LINE_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
_FULL_WIDTH_COLON = re.compile(
    r"^[ \t\u3000]*(?:-[ \t]+)?"  # indentation, a list dash
    r"([^\s#'\"{}\[\],:\uff1a][^:\uff1a#]*?)[ \t]*"  # a key with no ASCII colon
    r"(\uff1a)(?:[ \t\u3000]|$)"  # the full-width colon, then a space as after a key
)


def _likely_cause(text: str, error_line: int) -> tuple[int, int, Words] | None:
    """What a Japanese editor or the tab key most likely did, on or just above the error line.

    PyYAML's messages for these ("mapping values are not allowed here") do not say what to fix.
    """
    lines = _LINE_BREAK.split(text)
    for number in range(max(1, error_line - 2), min(error_line, len(lines)) + 1):
        line = lines[number - 1]
        indent = line[: len(line) - len(line.lstrip(" \t\u3000"))]
        if "\u3000" in indent:
            return (
                number,
                indent.index("\u3000") + 1,
                Words.of(
                    "a full-width space (U+3000) is used for indentation: indent with ASCII spaces"
                ),
            )
        if "\t" in indent:
            return (
                number,
                indent.index("\t") + 1,
                Words.of("a tab is used for indentation: YAML needs spaces"),
            )
        colon = _FULL_WIDTH_COLON.match(line)
        if colon:
            return (
                number,
                colon.start(2) + 1,
                Words.of(
                    "'{key}' is followed by a full-width colon '：': write an ASCII colon ':'",
                    key=colon[1],
                ),
            )
    return None


def _offset_place(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset, counting line breaks as YAML does."""
    before = text[:offset]
    breaks = list(_LINE_BREAK.finditer(before))
    start = breaks[-1].end() if breaks else 0
    return len(breaks) + 1, offset - start + 1


def _convert(node: Node, path: Path, doc: Document, problems: list[Problem]) -> Any:
    doc.value_marks[path] = _at(node.start_mark)
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                line, column = _at(key_node.start_mark)
                words = Words.of("a key must be a plain word")
                problems.append(Problem.of(doc.file, line, column, words))
                continue
            key = str(key_node.value)
            child = (*path, key)
            if key == "<<" and not key_node.style:
                line, column = _at(key_node.start_mark)
                problems.append(
                    Problem.of(
                        doc.file,
                        line,
                        column,
                        Words.of("YAML merge keys (<<) are not supported: write the keys out"),
                    )
                )
                continue
            if key.startswith("\u3000") and not key_node.style:
                # YAML sees no indentation here, only a key that starts with a strange letter.
                line, column = _at(key_node.start_mark)
                words = Words.of(
                    "a full-width space (U+3000) is used for indentation: indent with ASCII spaces"
                )
                problems.append(Problem.of(doc.file, line, column, words))
                continue
            if key in result:
                first_line = doc.key_marks[child][0]
                line, column = _at(key_node.start_mark)
                where = f"{dotted(path)}: " if path else ""
                words = Words.of(
                    "{place}duplicate key '{key}' (first at line {line})",
                    place=where,
                    key=key,
                    line=first_line,
                )
                problems.append(Problem.of(doc.file, line, column, words))
                continue
            doc.key_marks[child] = _at(key_node.start_mark)
            result[key] = _convert(value_node, child, doc, problems)
        return result
    if isinstance(node, SequenceNode):
        return [_convert(item, (*path, i), doc, problems) for i, item in enumerate(node.value)]
    assert isinstance(node, ScalarNode)
    if node.style is not None and node.style != "":
        return str(node.value)  # quoted or block scalars are always text
    return _plain_scalar(str(node.value), path, doc, problems)


def _plain_scalar(value: str, path: Path, doc: Document, problems: list[Problem]) -> Any:
    """YAML 1.2 core meaning of an unquoted scalar, refusing forms YAML 1.1 reads otherwise."""
    if _NULL.match(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.match(value):
        digits = value.lstrip("+-")
        if len(digits) > MAX_DIGITS:
            problems.append(doc.problem(path, too_many_digits(dotted(path), len(digits))))
            return value
        if len(digits) > 1 and digits.startswith("0"):
            octal = f" {int(digits, 8)}" if set(digits) <= set("01234567") else ""
            words = Words.of(
                "{place}: '{value}' is ambiguous (YAML 1.1 reads it as "
                "octal{octal}): write {number}, or quote it if it is text",
                place=dotted(path),
                value=value,
                octal=octal,
                number=int(digits),
            )
            problems.append(doc.problem(path, words))
            return value
        return int(value)
    if _FLOAT.match(value):
        return float(value)
    if value in _SPECIAL_FLOATS:
        return _SPECIAL_FLOATS[value]
    return value


# -- the fast pass: libyaml's events straight into plain data --------------------------------

_NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE


class _Mistake(Exception):
    """The fast pass met something to report (or to refuse): the composer reads the file again."""


class _NotMapping(Exception):
    """The top level is a list: `data` stands in for it, found at `mark`."""

    def __init__(self, data: Any, mark: Any) -> None:
        super().__init__("the top level is not a mapping")
        self.data = data
        self.mark = mark


def _plain(event: Event) -> bool:
    """Whether the event has neither anchor nor tag, which only the composer reports."""
    return event.anchor is None and event.tag in (None, "!")  # type: ignore[attr-defined]


class _Fast:
    """Events into plain data, giving up (`_Mistake`) at anything the composer would report."""

    def __init__(self, text: str, sections: Sections) -> None:
        self.next_event = _EventParser(text).get_event
        self.depth = 0
        self.sections = sections

    def document(self) -> dict[str, Any]:
        next_event = self.next_event
        next_event()  # the stream's start
        if type(next_event()) is StreamEndEvent:
            raise _Mistake  # empty, or only comments
        first = next_event()
        kind = type(first)
        if kind is SequenceStartEvent and _plain(first):
            # The checks say the top level must be a mapping, in place: nothing more to read.
            raise _NotMapping([], first.start_mark)
        if kind is not MappingStartEvent or not _plain(first):
            raise _Mistake
        root: dict[str, Any] = {}
        self.depth = 1
        key = next_event()
        while type(key) is not MappingEndEvent:
            name = self.key(key, root)
            value = next_event()
            rule = self.sections.get(name)
            root[name] = self.node(value) if rule is None else self.section(name, value, rule)
            key = next_event()
        next_event()  # the document's end
        if type(next_event()) is not StreamEndEvent:
            raise _Mistake  # a second document
        return root

    @staticmethod
    def key(event: Event, mapping: dict[str, Any]) -> str:
        """A key's text, interned; `_Mistake` where the composer has something to say."""
        if type(event) is not ScalarEvent or not _plain(event):
            raise _Mistake
        name: str = event.value
        if name in mapping or name == "<<" or name.startswith("\u3000"):
            raise _Mistake
        return intern(name)

    def section(self, name: str, event: Event, rule: tuple[str, int]) -> Any:
        """A top-level section, refused at once if of the wrong kind or with too many entries."""
        shape, limit = rule
        kind = type(event)
        wanted = MappingStartEvent if shape == "mapping" else SequenceStartEvent
        if kind in (MappingStartEvent, SequenceStartEvent) and kind is not wanted:
            words = Words.of(
                "{place}: expected {expected}, got {value}",
                place=name,
                expected=Words.of(
                    N_("a mapping (key: value)") if shape == "mapping" else N_("a list")
                ),
                value=Words.of(N_("a list") if kind is SequenceStartEvent else N_("a mapping")),
            )
            raise _Refused(event.start_mark, words)
        if kind is not wanted:
            return self.node(event)  # a scalar: the checks say what is wrong with it
        if not _plain(event):
            raise _Mistake
        too_many = too_many_words(name, limit)
        next_event, node = self.next_event, self.node
        self.depth += 1
        item = next_event()
        if kind is MappingStartEvent:
            mapping: dict[str, Any] = {}
            while type(item) is not MappingEndEvent:
                if len(mapping) == limit:
                    raise _Refused(item.start_mark, too_many)
                key = self.key(item, mapping)
                mapping[key] = node(next_event())
                item = next_event()
            self.depth -= 1
            return mapping
        sequence: list[Any] = []
        while type(item) is not SequenceEndEvent:
            if len(sequence) == limit:
                raise _Refused(item.start_mark, too_many)
            sequence.append(node(item))
            item = next_event()
        self.depth -= 1
        return sequence

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
            if (
                value.isdigit()
                and value.isascii()
                and (first != "0" or len(value) == 1)
                and len(value) <= MAX_DIGITS
            ):
                return int(value)
            if _INT.match(value) and len(value.lstrip("+-")) > 1 and value.lstrip("+-")[0] == "0":
                raise _Mistake  # ambiguous with YAML 1.1's octal
            return _plain_meaning(value)
        if event.anchor is not None or kind is AliasEvent or event.tag not in (None, "!"):  # type: ignore[attr-defined]
            raise _Mistake
        self.depth += 1
        if self.depth >= MAX_DEPTH:
            raise _Mistake
        next_event = self.next_event
        node = self.node
        if kind is MappingStartEvent:
            mapping: dict[str, Any] = {}
            key = next_event()
            while type(key) is not MappingEndEvent:
                if type(key) is not ScalarEvent or key.anchor is not None:
                    raise _Mistake
                name = key.value
                if key.tag not in (None, "!") or name in mapping:
                    raise _Mistake
                if name == "<<" or name.startswith("\u3000"):
                    raise _Mistake
                # Interned keys are shared, and the cache stores each only once.
                mapping[intern(name)] = node(next_event())
                key = next_event()
            self.depth -= 1
            return mapping
        sequence: list[Any] = []
        item = next_event()
        while type(item) is not SequenceEndEvent:
            sequence.append(node(item))
            item = next_event()
        self.depth -= 1
        return sequence


def _plain_meaning(value: str) -> Any:
    """YAML 1.2 core meaning of an unquoted scalar with no leading zero."""
    if _NULL.match(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.match(value):
        if len(value.lstrip("+-")) > MAX_DIGITS:
            raise _Mistake  # the composer reports it, in place
        return int(value)
    if _FLOAT.match(value):
        return float(value)
    return _SPECIAL_FLOATS.get(value, value)


class _Marked:
    """A second pass over a file the fast pass read: where every value and key stands."""

    def __init__(self, text: str) -> None:
        self.next_event = _EventParser(text).get_event
        self.values: Marks = {}
        self.keys: Marks = {}

    def marks(self) -> tuple[Marks, Marks]:
        """Every value's and key's line and column."""
        self.next_event()  # the stream's start
        self.next_event()  # the document's start
        self.node(self.next_event(), ())
        return self.values, self.keys

    def node(self, event: Event, path: Path) -> None:
        self.values[path] = _at(event.start_mark)
        if isinstance(event, MappingStartEvent):
            while not isinstance(key := self.next_event(), MappingEndEvent):
                child = (*path, intern(str(key.value)))
                self.keys[child] = _at(key.start_mark)
                self.node(self.next_event(), child)
        elif isinstance(event, SequenceStartEvent):
            index = 0
            while not isinstance(item := self.next_event(), SequenceEndEvent):
                self.node(item, (*path, index))
                index += 1
