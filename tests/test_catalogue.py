"""The message catalogues: exactly the messages the source says, in every language, fresh files."""

from __future__ import annotations

import io
import re
import tomllib
from pathlib import Path

import click
import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_keywords
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from careergraph import LANGUAGES
from careergraph.catalogue import (
    DOMAIN,
    ENGLISH,
    LOCALE_DIR,
    InContext,
    Words,
    count,
    said,
    say,
    text,
    translation,
)

ROOT = Path(__file__).parents[1]
SOURCE = ROOT / "src" / "careergraph"
TEMPLATE = Path(LOCALE_DIR, f"{DOMAIN}.pot")
TRANSLATED = [lang for lang in LANGUAGES if lang != ENGLISH]

# A message by its context and msgid (a plural's singular).
Id = tuple[str | None, str]


def po_file(lang: str) -> Path:
    return Path(LOCALE_DIR, lang, "LC_MESSAGES", f"{DOMAIN}.po")


def read(path: Path, lang: str | None = None) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale=lang, domain=DOMAIN)


def messages(catalog: Catalog) -> dict[Id, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Each message's English forms and its translation's forms, by context and msgid."""
    out = {}
    for message in catalog:
        if not message.id:
            continue  # the header
        english = (message.id,) if isinstance(message.id, str) else tuple(message.id)
        forms = (message.string,) if isinstance(message.string, str) else tuple(message.string)
        out[message.context, english[0]] = (english, forms)
    return out


def extracted() -> dict[Id, tuple[str, ...]]:
    """What `pybabel extract` finds in careergraph's and click's source, by pyproject's keywords."""
    settings = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    keywords = {
        **DEFAULT_KEYWORDS,
        **parse_keywords(settings["tool"]["babel"]["extract_messages"]["keywords"]),
    }
    found: dict[Id, tuple[str, ...]] = {}
    for folder in (SOURCE, Path(click.__file__).parent):
        for _file, _line, message, _notes, context in extract_from_dir(
            folder, method_map=[("**.py", "python")], keywords=keywords
        ):
            forms = (message,) if isinstance(message, str) else tuple(message)
            found[context, forms[0]] = forms
    return found


def test_the_catalogues_hold_exactly_the_messages_the_source_says() -> None:
    found = extracted()
    assert (None, "Best route") in found  # careergraph's own, by say()
    assert (None, "Missing argument") in found  # click's own
    assert ("skill category", "Certification") in found  # in a context, by InContext()
    assert (None, "{count} move") in found  # a plural, by count()
    assert len(found) > 500
    template = messages(read(TEMPLATE))
    assert {key: english for key, (english, _) in template.items()} == found
    for lang in TRANSLATED:
        catalogue = messages(read(po_file(lang), lang))
        assert sorted(set(found) - set(catalogue), key=str) == [], f"{lang}: untranslated"
        assert sorted(set(catalogue) - set(found), key=str) == [], f"{lang}: said nowhere"
        assert {key: english for key, (english, _) in catalogue.items()} == found, lang


def test_every_language_translates_every_message() -> None:
    for lang in TRANSLATED:
        catalogue = messages(read(po_file(lang), lang))
        assert [key for key, (_, forms) in catalogue.items() if not all(forms)] == [], lang


def test_english_is_the_msgid_itself() -> None:
    assert not Path(LOCALE_DIR, ENGLISH).exists()
    for (context, msgid), _ in messages(read(TEMPLATE)).items():
        message = msgid if context is None else InContext(context, msgid)
        assert text(ENGLISH, message) == msgid


def placeholders(texts: tuple[str, ...]) -> set[str]:
    return {name for t in texts for name in re.findall(r"{(\w*)[^{}]*}", t)}


def test_every_language_fills_the_same_placeholders() -> None:
    # A language with fewer plural forms than English says every count with the forms it has,
    # each filling some of the values English's forms name.
    different = {
        (lang, msgid): (placeholders(english), placeholders(forms))
        for lang in TRANSLATED
        for (_, msgid), (english, forms) in messages(read(po_file(lang), lang)).items()
        if placeholders(forms) != placeholders(english)
        and not (len(forms) < len(english) and placeholders(forms) <= placeholders(english))
    }
    # On purpose: the Japanese write error and size problem leave out the caller's `what` and
    # `needs` (English phrases), and Japanese counts skills with a bare number where English
    # says "2 skills".
    assert different == {
        ("ja", "cannot write {what} to '{file}': {reason}"): (
            {"what", "file", "reason"},
            {"file", "reason"},
        ),
        (
            "ja",
            "the file is larger than {mb} MB, far more than {needs} needs: is it the right file?"
            " ({env} raises the limit)",
        ): ({"mb", "needs", "env"}, {"mb", "env"}),
        ("ja", "{source} → {target}: {skills} to build ({levels})"): (
            {"source", "target", "skills", "levels"},
            {"source", "target", "count", "levels"},
        ),
    }


@pytest.mark.parametrize("lang", TRANSLATED)
def test_catalogues_pass_babels_checks(lang: str) -> None:
    # Babel's own checks: as many plural forms as the language's Plural-Forms, matching % and {}
    # formats.
    assert [(m.id, errors) for m, errors in read(po_file(lang), lang).check()] == []


@pytest.mark.parametrize("lang", TRANSLATED)
def test_committed_mo_files_are_compiled_from_the_po_files(lang: str) -> None:
    # What `pybabel compile -d src/careergraph/locale -D careergraph` writes.
    fresh = io.BytesIO()
    write_mo(fresh, read(po_file(lang), lang))
    compiled = po_file(lang).with_suffix(".mo").read_bytes()
    assert compiled == fresh.getvalue(), "run: scripts/messages.sh"


def test_say_fills_the_message_in_the_language() -> None:
    assert say("en", "Total: {years} over {moves}", years="3y", moves="2 moves") == (
        "Total: 3y over 2 moves"
    )
    assert say("ja", "{value}y", value="3") == "3年"
    japanese = messages(read(po_file("ja"), "ja"))
    assert text("ja", "Best route") == japanese[None, "Best route"][1][0]


def test_a_context_tells_apart_messages_with_one_english() -> None:
    japanese = messages(read(po_file("ja"), "ja"))
    assert text("en", InContext("route planner", "From")) == "From"
    assert (
        text("ja", InContext("route planner", "From")) == (japanese["route planner", "From"][1][0])
    )
    assert text("ja", "From") == japanese[None, "From"][1][0]
    assert text("ja", InContext("route planner", "From")) != text("ja", "From")


def test_count_takes_the_languages_plural_forms() -> None:
    moves = ("{count} move", "{count} moves")
    assert [count("en", *moves, n) for n in (0, 1, 2)] == ["0 moves", "1 move", "2 moves"]
    japanese = messages(read(po_file("ja"), "ja"))[None, "{count} move"][1][0]
    assert [count("ja", *moves, n) for n in (1, 2)] == [
        japanese.format(count=1),
        japanese.format(count=2),
    ]


def test_a_language_without_a_catalogue_speaks_english() -> None:
    assert say("xx", "Best route") == "Best route"


def test_said_says_nested_words_lists_and_the_systems_reasons() -> None:
    words = Words.of(
        "cannot write {what} to '{file}': {reason}",
        what="the map",
        file="out.html",
        reason="Permission denied",
    )
    assert said("en", words) == "cannot write the map to 'out.html': Permission denied"
    japanese = said("ja", words)
    assert "Permission denied" not in japanese
    assert translation("ja").gettext("Permission denied") in japanese
    listed = Words.of("avoiding {roles}", roles=(Words.of("unknown role '{name}'", name="x"), "y"))
    assert said("en", listed) == "avoiding unknown role 'x'; y"
