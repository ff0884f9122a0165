"""Lint on names: similar, shared and look-alike names, hidden characters, initials as aliases."""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from typing import Any

from careergraph.errors import ENTRY_KINDS, Words
from careergraph.lint.findings import Finding, _elsewhere, _finding
from careergraph.model import CareerMap, MapPath, normalize_name

# Words left out of a name's initials, as people leave them out of "VPoE" or "CoS".
_MINOR_WORDS = frozenset({"of", "and", "the", "for", "in", "to", "a", "an", "&"})


def loose_name(name: str) -> str:
    """A name with punctuation, symbols and the long-vowel mark ー dropped as well.

    The loader already refuses names equal once case, width, spaces, `_`, `-` and `・` are
    ignored; this looser form catches 'Sr. Engineer' against 'Sr Engineer' and
    'プロジェクトマネジャー' against 'プロジェクトマネージャー'.
    """
    return normalize_name(name).translate(_LOOSE)


class _Loosening(dict[int, int | None]):
    """A `str.translate` table dropping punctuation, symbols and ー, filled as characters come:
    a whole name is translated in C instead of character by character in Python."""

    def __missing__(self, code: int) -> int | None:
        character = chr(code)
        dropped = character == "\u30fc" or unicodedata.category(character)[0] in "PS"
        kept = self[code] = None if dropped else code
        return kept


_LOOSE = _Loosening()


def _named(career_map: CareerMap) -> Iterator[tuple[str, MapPath, str]]:
    """Every name of every role, with the path to where it is written."""
    for role_id, role in career_map.roles.items():
        yield role_id, ("roles", role_id), role_id
        for lang, text in role.name.translations.items():
            name: MapPath = ("roles", role_id, "name")
            yield role_id, (*name, lang) if lang else name, text
        for alias in role.aliases:
            yield role_id, ("roles", role_id, "aliases", alias), alias


_Named = tuple[str, str, MapPath, str]
"""A name where it is written: section, entry id, path, name."""


def _clashes(
    names: Iterable[_Named],
    key: Callable[[str], str],
    apart: Callable[[str, str], bool] = lambda name, other: True,
) -> Iterator[tuple[_Named, tuple[str, MapPath, str]]]:
    """Each name whose `key` is that of an earlier name of another entry in its section, with
    that entry's (id, path, name); once a pair of entries, and only where `apart(name, other)`."""
    first: dict[tuple[str, str], tuple[str, MapPath, str]] = {}
    said: set[frozenset[str]] = set()
    for named in names:
        section, entry_id, path, name = named
        known = key(name)
        if not known:
            continue
        other = first.setdefault((section, known), (entry_id, path, name))
        pair = frozenset({entry_id, other[0]})
        if other[0] == entry_id or pair in said or not apart(name, other[2]):
            continue
        said.add(pair)
        yield named, other


def _similar_names(career_map: CareerMap) -> Iterator[Finding]:
    # Roles come in id order, so the finding is on the same role whatever the file's order.
    roles = (("roles", role_id, path, name) for role_id, path, name in _named(career_map))
    for (_, role_id, path, name), other in _clashes(roles, loose_name):
        there_words = _elsewhere(career_map, other[1], path)
        words = Words.of(
            "roles.{id}: the name '{name}' differs from '{other_name}' of "
            "role '{other}' ({there}) only in punctuation or long-vowel marks",
            id=role_id,
            name=name,
            other_name=other[2],
            other=other[0],
            there=there_words,
        )
        yield _finding(career_map, "similar-names", path, words)


def _shared_names(career_map: CareerMap) -> Iterator[Finding]:
    # The loader keeps roles' names apart but not tracks' or skills': two skills both called
    # "Communication" (a framework's and the base map's) read as one in every gap and plan.
    for (section, entry_id, path, name), other in _clashes(
        _every_name(career_map, roles=False), loose_name
    ):
        there_words = _elsewhere(career_map, other[1], path)
        kind = section.removesuffix("s")
        words = Words.of(
            "{entry}: the name '{name}' is also that of {kind} '{other}' "
            "({there}), so what careergraph prints cannot tell them apart; "
            "use one id for both or rename one",
            entry=f"{section}.{entry_id}",
            name=name,
            kind=Words.of(ENTRY_KINDS[kind]),
            other=other[0],
            there=there_words,
        )
        yield _finding(career_map, "similar-names", path, words)


# Characters that show nothing, or change the direction of the text around them, or break its
# line: a name holding one can look like another name, or like something else altogether.
# Variation selectors are left out: they choose a glyph (異体字, emoji), and show it.
_HIDDEN_CATEGORIES = frozenset({"Cf", "Zl", "Zp"})
_HIDDEN_LETTERS = frozenset("\u034f\u115f\u1160\u3164\uffa0\u2800")


@functools.cache
def hidden(character: str) -> bool:
    """Whether a character shows nothing or steers the text's direction (U+200B, U+202E...)."""
    return unicodedata.category(character) in _HIDDEN_CATEGORIES or character in _HIDDEN_LETTERS


def _visible(name: str) -> bool:
    """Whether no character of `name` is hidden: told in C, as hidden characters are never
    printable but for the few letters listed."""
    return name.isprintable() and _HIDDEN_LETTERS.isdisjoint(name)


def shown_name(name: str) -> str:
    """A name as it looks: hidden characters dropped, then compared as the loader does."""
    return normalize_name("".join(c for c in name if not hidden(c)))


def _spelled(name: str) -> str:
    """A name with its hidden characters written out as U+XXXX, so a reader sees them."""
    return "".join(f"<U+{ord(c):04X}>" if hidden(c) else c for c in name)


def _every_name(
    career_map: CareerMap, *, roles: bool = True
) -> Iterator[tuple[str, str, MapPath, str]]:
    """Every name of every track, skill and (unless not `roles`) role and every alias: section,
    id, path, name."""
    sections: list[tuple[str, Mapping[str, Any]]] = [
        ("tracks", career_map.tracks),
        ("skills", career_map.skills),
    ]
    for section, entries in [*sections, *([("roles", career_map.roles)] if roles else [])]:
        for entry_id, entry in entries.items():
            for lang, text in entry.name.translations.items():
                name: MapPath = (section, entry_id, "name")
                yield section, entry_id, (*name, lang) if lang else name, text
            for alias in getattr(entry, "aliases", ()):
                yield section, entry_id, (section, entry_id, "aliases", alias), alias


def _names_visible(career_map: CareerMap) -> bool:
    """Whether no name of any track, skill or role, nor any alias, holds a hidden character."""
    texts = [
        text
        for entries in (career_map.tracks, career_map.skills, career_map.roles)
        for entry in entries.values()
        for text in entry.name.translations.values()
    ]
    texts += (alias for role in career_map.roles.values() for alias in role.aliases)
    return _visible("".join(texts))


def _invisible_characters(
    career_map: CareerMap, names: Iterable[tuple[str, str, MapPath, str]]
) -> Iterator[Finding]:
    for section, entry_id, path, name in names:
        if _visible(name):
            continue
        found = [c for c in name if hidden(c)]
        if not found:
            continue
        first = found[0]
        code = f"U+{ord(first):04X}"
        what = unicodedata.name(first, "")
        character = f"{code} {what}" if what else code
        words = Words.of(
            "{entry}: the name '{name}' holds {character}, which shows "
            "nothing or turns the text around, so the name can look like "
            "another",
            entry=f"{section}.{entry_id}",
            name=_spelled(name),
            character=character,
        )
        yield _finding(career_map, "invisible-characters", path, words)


def _look_alike_names(
    career_map: CareerMap, names: Collection[tuple[str, str, MapPath, str]]
) -> Iterator[Finding]:
    # Ids come in order within each section, so the finding is on the same entry whatever the
    # file's order. Names equal even with their hidden characters are the loader's (or
    # similar-names') to report, not this rule's.
    if all(_visible(name) for *_, name in names):
        return  # every name looks as it is written, so looking the same is being the same

    def apart(name: str, other: str) -> bool:
        return normalize_name(name) != normalize_name(other)

    for (section, entry_id, path, name), other in _clashes(names, shown_name, apart):
        there_words = _elsewhere(career_map, other[1], path)
        kind = section.removesuffix("s")
        words = Words.of(
            "{entry}: the name '{name}' looks the same as '{other_name}' of "
            "{kind} '{other}' ({there}): they differ only in characters that "
            "show nothing",
            entry=f"{section}.{entry_id}",
            name=_spelled(name),
            other_name=_spelled(other[2]),
            kind=Words.of(ENTRY_KINDS[kind]),
            other=other[0],
            there=there_words,
        )
        yield _finding(career_map, "look-alike-names", path, words)


def initials(name: str) -> str:
    """The first letter of each word but minor ones: 'Vice President of Product' -> 'vpp'."""
    words = name.replace("-", " ").split()
    return "".join(w[0] for w in words if w.casefold() not in _MINOR_WORDS).casefold()


def _initials(career_map: CareerMap) -> Iterator[Finding]:
    if not any(role.aliases for role in career_map.roles.values()):
        return
    owners: dict[str, list[tuple[str, str]]] = {}
    for role in career_map.roles.values():
        for name in role.name.all():
            short = initials(name)
            if len(short) >= 2 and len(name.split()) >= 2:
                owners.setdefault(short, []).append((role.id, name))
    for role in career_map.roles.values():
        for alias in role.aliases:
            others = [o for o in owners.get(normalize_name(alias), []) if o[0] != role.id]
            for other_id, other_name in others[:1]:
                path = ("roles", role.id, "aliases", alias)
                words = Words.of(
                    "roles.{id}: the alias '{alias}' is also the initials of "
                    "'{other_name}' (role '{other}')",
                    id=role.id,
                    alias=alias,
                    other_name=other_name,
                    other=other_id,
                )
                yield _finding(career_map, "alias-is-initials", path, words)
