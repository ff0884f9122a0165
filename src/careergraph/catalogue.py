"""The words careergraph says, in every language it speaks, read from its gettext catalogues.

Every message has one source: `locale/<lang>/LC_MESSAGES/careergraph.po` beside this module. A
message's msgid is its key ("route.best"), the one the code names; en.po holds its English text.
Counted nouns are plural entries ("moves.one" / "moves.other") chosen by each language's
Plural-Forms. click's own messages ("Missing argument", "Usage:") are entries too, under click's
English text as msgid: `speaking` points the standard library's global gettext, which click uses,
at this catalogue, so the CLI's parse errors and help are said in the user's language.

To add a message: add its entry to every language's .po file with the same placeholders, then
compile the catalogues the program reads:

    pybabel compile -d src/careergraph/locale -D careergraph

tests/test_catalogue.py checks that every language has every message with the same placeholders,
that every key the code names is in the catalogue, and that the committed .mo files are fresh.
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

# Values under these placeholders are terms the catalogue may know in the user's language (the
# operating system's English reasons, such as "Permission denied", as "reason.<English>").
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
    """A message by its catalogue key and the values it names, to be said in any language.

    The library knows no language; the CLI knows which one the user asked for and says these
    words in it (`said`). A value may itself be Words, or a tuple of them (said as a list).
    """

    key: Message
    values: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, key: Message, /, **values: object) -> Words:
        """Words for `key` with these values."""
        return cls(key, tuple(values.items()))

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
    """The catalogue of `lang`, falling back to English for anything it lacks."""
    english = gettext.translation(DOMAIN, LOCALE_DIR, languages=[ENGLISH])
    if lang == ENGLISH:
        return english
    chosen = gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)
    chosen.add_fallback(english)
    return chosen


def _lookup(lang: str, message: Message) -> str:
    if isinstance(message, InContext):
        return translation(lang).pgettext(message.context, message.english)
    return translation(lang).gettext(message)


def text(lang: str, key: Message) -> str:
    """The message `key` in `lang` as written, placeholders and all."""
    found = _lookup(lang, key)
    if found == key:
        raise KeyError(f"the catalogue has no message '{key}'")
    return found


def say(lang: str, key: Message, /, **values: object) -> str:
    """The message `key` in `lang`, with `values` filled in."""
    return text(lang, key).format(**values)


def count(lang: str, key: str, number: int) -> str:
    """A counted noun in the form `lang` uses for `number`: "1 move", "3 moves", "3回の移動"."""
    template = translation(lang).ngettext(f"{key}.one", f"{key}.other", number)
    if template in (f"{key}.one", f"{key}.other"):
        raise KeyError(f"the catalogue has no counted message '{key}'")
    return template.format(count=number)


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
                term = f"{name}.{value}"
                found = translation(lang).gettext(term)
                value = value if found == term else found
        elif _in_languages(type(value)):
            value = cast(InLanguages, value).get(lang)
        values[name] = value
    return say(lang, words.key, **values)


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
