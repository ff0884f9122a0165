"""Characters no text in a data file or profile may hold, found in the decoded strings.

The YAML reader refuses a raw control character, but an escape (`"\\e"`, `"\\x1b"`, `"\\u009b"`
in YAML, `"\\u001b"` in JSON) decodes into one after that check: written to a terminal it can set
the window title or clear the screen, and XML exports cannot hold it at all. So every key and
string is checked again once decoded, wherever text enters (data files, overlays, profiles).

Refused everywhere: C0 and C1 control characters and DEL, halves of surrogate pairs (no character
on their own; nothing can encode them) and noncharacters. Names, ids, titles and every key are one
line: they refuse line breaks and tabs too. Texts meant to run long (descriptions, summaries,
notes, responsibilities, interview questions, a `lint` reason) may keep line breaks and tabs,
which the renderers show as such.

Invisible, direction-changing and line-separating characters (zero-width space, right-to-left
override, U+2028) are no control characters and have their uses in some scripts, so they are not
refused here: `careergraph lint` flags them in names.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from careergraph.catalogue import N_
from careergraph.errors import Problem, Words
from careergraph.load.document import Document, Path, dotted

# Noncharacters are U+FDD0 to U+FDEF and the last two code points of every plane. The patterns
# take in every plane but the first whole, and `_refused` picks the noncharacters out: a class of
# 34 single characters makes a search several times slower.
_NOT_TEXT = "\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff\U0001fffe-\U0010ffff"
_REFUSED = re.compile(f"[\x00-\x08\x0b-\x1f{_NOT_TEXT}]")
_REFUSED_IN_ONE_LINE = re.compile(f"[\x00-\x1f{_NOT_TEXT}]")
_SECTIONS = {"sources", "tracks", "skills", "roles"}
# Fields whose texts may run over several lines (a field named like this at the entry's level).
_LONG_TEXTS = {"description", "summary", "note", "responsibilities", "interview", "scale", "levels"}


def refused_characters(document: Document) -> list[Problem]:
    """A problem for each key and string of `document` holding a character text may not hold.

    When there is any, the data is cleaned so that later checks neither repeat the mistake nor
    quote the raw characters: a refused key is dropped with what it holds (a key is an id or a
    language, of which the message already said all), a refused string is made `visible`.
    """
    strings: list[str] = []
    _gather(document.data, strings)
    if _refused(" ".join(strings), lines=False) is None:
        return []  # the common case, found in one pass over all the text at once
    problems: list[Problem] = []
    _walk(document, document.data, (), problems)
    if problems:
        document.data = _cleaned(document.data)
    return problems


def _refused(text: str, *, lines: bool) -> str | None:
    """The first character `text` may not hold (line breaks and tabs it may, if `lines`)."""
    for found in (_REFUSED if lines else _REFUSED_IN_ONE_LINE).finditer(text):
        character = found.group()
        if character < "\U00010000" or ord(character) & 0xFFFE == 0xFFFE:
            return character
    return None


def _gather(value: Any, strings: list[str]) -> None:
    """Every key and string in `value`."""
    kind = type(value)
    if kind is str:
        strings.append(value)
    elif kind is dict:
        strings.extend(key for key in value if type(key) is str)
        for item in value.values():
            _gather(item, strings)
    elif kind is list:
        for item in value:
            _gather(item, strings)


def _walk(document: Document, value: Any, path: Path, problems: list[Problem]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str) and _refused(key, lines=False) is not None:
                problems.append(_problem(document, (*path, key), key, key=True, lines=False))
            _walk(document, item, (*path, key), problems)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _walk(document, item, (*path, index), problems)
    elif isinstance(value, str):
        lines = _long_text(path)
        if _refused(value, lines=lines) is not None:
            problems.append(_problem(document, path, value, key=False, lines=lines))


def _long_text(path: Path) -> bool:
    """Whether the string at `path` is a text that may run over several lines."""
    if not path:
        return False
    if path[0] in _SECTIONS:
        field = path[2] if len(path) > 2 else None
        if field == "resources" and len(path) > 4:
            field = path[4]
    elif path[0] == "transitions":
        field = path[2] if len(path) > 2 else None
    else:
        field = path[0]
    if field == "lint":
        return path[-1] == "why"
    return field in _LONG_TEXTS


def _problem(document: Document, path: Path, value: str, *, key: bool, lines: bool) -> Problem:
    character = _refused(value, lines=lines)
    assert character is not None
    code = f"U+{ord(character):04X}"
    # A key's problem is told at the mapping it is in: the key itself cannot be shown as is.
    named = path[:-1] if key else path
    place = dotted(tuple(visible(p) if isinstance(p, str) else p for p in named))
    where: Words | str = place or Words.of("the top level")
    if character == "\t" or (character in _LINE_BREAKS and not lines):
        tab = character == "\t"
        problem = (
            N_("{place}: a name, id, title or key holds a tab ({code}): use a space")
            if tab
            else N_(
                "{place}: a name, id, title or key is one line, but this one "
                "holds a line break ({code})"
            )
        )
        words = Words.of(problem, place=where, code=code)
    else:
        what = Words.of(N_("a key") if key else N_("the text"))
        words = Words.of(_kind(character), place=where, code=code, what=what)
    return document.problem(path, words, key=key)


_LINE_BREAKS = "\n\r\x85"


def _kind(character: str) -> str:
    """The problem with a refused `character` that is not a tab or line break, by its kind."""
    category = unicodedata.category(character)
    if category == "Cs":
        return N_(
            "{place}: {what} holds half of a surrogate pair ({code}), which "
            "is no character on its own: remove it"
        )
    if category == "Cc":
        return N_(
            "{place}: {what} holds a control character ({code}), which could "
            "take over a terminal: remove it"
        )
    return N_(
        "{place}: {what} holds a noncharacter ({code}), which is not for use in text: remove it"
    )


def visible(text: str, *, keep: str = "") -> str:
    """`text` with every character `refused_characters` refuses written as a visible escape.

    Characters in `keep` (a line break, a tab) are left as they are. A control character is
    shown as `\\x1b`, anything else as `\\uXXXX`.
    """
    if _refused(text, lines=False) is None:
        return text
    return "".join(_escaped(c) if c not in keep and _refused(c, lines=False) else c for c in text)


def _escaped(character: str) -> str:
    code = ord(character)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _cleaned(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            key: _cleaned(item)
            for key, item in value.items()
            if not (isinstance(key, str) and _refused(key, lines=False))
        }
    if isinstance(value, list):
        return [_cleaned(item) for item in value]
    if isinstance(value, str):
        return visible(value, keep="\n\t")
    return value
