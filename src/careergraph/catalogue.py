"""The words careergraph says, in every language it speaks, read from its gettext catalogues.

A message is written in the code as its English sentence, which is its msgid, the way Python
projects that ship translations do it: `say(lang, "Best route")`, `Words.of("unknown role
'{name}'", name=name)`, `count(lang, "{count} move", "{count} moves", n)`. English is the msgid
itself; `locale/<lang>/LC_MESSAGES/careergraph.po` beside this module translates every message into
another language (Japanese, `ja`), with its plural forms by that language's Plural-Forms. Where two
messages share one English but not one meaning (the skill category "Certification" and the
resource kind), each is named `InContext(context, english)`, gettext's msgctxt. A message the code
says later, from a table, is marked where it is written: `N_("promotion")`. click's own messages
("Missing argument", "Usage:") are in the catalogue too, under click's English: `speaking` points
the standard library's global gettext, which click uses, at this catalogue, so the CLI's parse
errors and help are said in the user's language.

To add a message: write it in English where the code says it, through one of the calls above
(pyproject.toml's [tool.babel.extract_messages] lists them for Babel), then run
`scripts/messages.sh`: it extracts the template (careergraph.pot) from careergraph's source and
click's, updates every language's .po file from it, and compiles the .mo files. Translate the new
entries in each .po file with the same placeholders and run it again.

tests/test_catalogue.py checks that extraction from the source gives exactly the catalogue's
messages (none missing, none stale), that every language has every message with the same
placeholders, that Babel's checks pass, and that the committed template and .mo files are fresh.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple, Protocol, TypeAlias, cast, runtime_checkable

DOMAIN = "careergraph"
LOCALE_DIR = os.path.join(os.path.dirname(__file__), "locale")
ENGLISH = "en"

# Values under these placeholders are terms the catalogue may know in the user's language: the
# English reasons a file cannot be read or written (the operating system's, such as "Permission
# denied", marked in careergraph.files, and careergraph's own).
_TERMS = ("reason",)


class InContext(NamedTuple):
    """A message whose English another message also says, told apart by its context (msgctxt)."""

    context: str
    english: str


Message: TypeAlias = str | InContext
"""A message as the code names it: its English (the msgid), with a context where one is needed."""


def N_(message: str, /) -> str:
    """Marks `message` for extraction where it is written, to be said later; returns it as is."""
    return message


@dataclass(frozen=True)
class Words:
    """A message (its English) and the values it names, to be said in any language.

    The library knows no language; the CLI knows which one the user asked for and says these
    words in it (`said`). A value may itself be Words, or a tuple of them (said as a list).
    """

    message: Message
    values: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, message: Message, /, **values: object) -> Words:
        """Words for `message` with these values."""
        return cls(message, tuple(values.items()))

    def named(self) -> Mapping[str, object]:
        """The values by placeholder name."""
        return dict(self.values)


@runtime_checkable
class InLanguages(Protocol):
    """A text the data gives in several languages (careergraph.model.Text)."""

    def get(self, lang: str) -> str:
        """The text in `lang`, or the nearest the data has."""


_TEXT_KINDS: dict[type, bool] = {}


def _in_languages(kind: type) -> bool:
    """Whether values of `kind` are texts in several languages: asked once a type, as the
    protocol's own check walks its members every time (a second on 10,000 lint findings)."""
    known = _TEXT_KINDS.get(kind)
    if known is None:
        known = _TEXT_KINDS[kind] = issubclass(kind, InLanguages)
    return known


@cache
def translation(lang: str) -> gettext.NullTranslations:
    """The catalogue of `lang`: English (the msgids), or a language without one, says the msgid."""
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)


def text(lang: str, message: Message) -> str:
    """`message` in `lang` as written, placeholders and all."""
    if isinstance(message, InContext):
        return translation(lang).pgettext(message.context, message.english)
    return translation(lang).gettext(message)


def say(lang: str, message: Message, /, **values: object) -> str:
    """`message` in `lang`, with `values` filled in."""
    return text(lang, message).format(**values)


def count(lang: str, singular: str, plural: str, number: int) -> str:
    """A counted noun in the form `lang` uses for `number`: "1 move", "3 moves", "3回の移動"."""
    return translation(lang).ngettext(singular, plural, number).format(count=number)


def said(lang: str, words: Words) -> str:
    """`words` in `lang`: nested words said too, the data's own texts in `lang`."""
    values: dict[str, object] = {}
    for name, value in words.values:
        if isinstance(value, Words):
            value = said(lang, value)
        elif isinstance(value, tuple):
            value = say(lang, "; ").join(
                said(lang, v) if isinstance(v, Words) else str(v) for v in value
            )
        elif isinstance(value, str):
            if name in _TERMS:
                value = text(lang, value)
        elif _in_languages(type(value)):
            value = cast(InLanguages, value).get(lang)
        values[name] = value
    return say(lang, words.message, **values)


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Within: the standard library's global gettext (click uses it) says this catalogue in `lang`.

    That API takes its domain from `gettext.textdomain` and its language from $LANGUAGE; both are
    put back on leaving, so a program that embeds careergraph keeps its own.
    """
    gettext.bindtextdomain(DOMAIN, LOCALE_DIR)
    domain = gettext.textdomain()
    language = os.environ.get("LANGUAGE")
    gettext.textdomain(DOMAIN)
    os.environ["LANGUAGE"] = lang
    try:
        yield
    finally:
        gettext.textdomain(domain)
        if language is None:
            os.environ.pop("LANGUAGE", None)
        else:
            os.environ["LANGUAGE"] = language
