"""The message catalogues: every message in every language, same placeholders, fresh .mo files."""

from __future__ import annotations

import ast
import io
import re
from pathlib import Path

import click
import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from careergraph import LANGUAGES
from careergraph.catalogue import DOMAIN, LOCALE_DIR, Words, count, said, say, text, translation

SOURCE = Path(__file__).parents[1] / "src" / "careergraph"


def po_file(lang: str) -> Path:
    return Path(LOCALE_DIR, lang, "LC_MESSAGES", f"{DOMAIN}.po")


def read(lang: str) -> Catalog:
    with po_file(lang).open("rb") as file:
        return read_po(file, locale=lang, domain=DOMAIN)


def messages(lang: str) -> dict[str, tuple[str, ...]]:
    """Each message's text (every plural form) by its key (a plural's singular key)."""
    out: dict[str, tuple[str, ...]] = {}
    for message in read(lang):
        if not message.id:
            continue  # the header
        key = message.id if isinstance(message.id, str) else message.id[0]
        out[key] = (message.string,) if isinstance(message.string, str) else message.string
    return out


def placeholders(texts: tuple[str, ...]) -> set[str]:
    return {name for t in texts for name in re.findall(r"{(\w*)[^{}]*}", t)}


def test_every_language_has_every_message_and_no_empty_one() -> None:
    english = messages("en")
    for lang in LANGUAGES:
        found = messages(lang)
        assert set(found) == set(english), lang
        assert [key for key, texts in found.items() if not all(texts)] == [], lang


def test_every_language_fills_the_same_placeholders() -> None:
    english = messages("en")
    # A language with fewer plural forms than English says every count with the forms it has,
    # each filling some of the values English's forms name.
    different = {
        (lang, key): (placeholders(english[key]), placeholders(texts))
        for lang in LANGUAGES
        for key, texts in messages(lang).items()
        if placeholders(texts) != placeholders(english[key])
        and not (
            len(texts) < len(english[key]) and placeholders(texts) <= placeholders(english[key])
        )
    }
    # On purpose: the Japanese write error and size problem leave out the caller's `what` and
    # `needs` (English phrases), and Japanese counts skills with a bare number where English
    # says "2 skills".
    assert different == {
        ("ja", "error.cannot_write"): ({"what", "file", "reason"}, {"file", "reason"}),
        ("ja", "problem.too_large"): ({"mb", "needs", "env"}, {"mb", "env"}),
        ("ja", "gap.some"): (
            {"source", "target", "skills", "levels"},
            {"source", "target", "count", "levels"},
        ),
    }


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalogues_pass_babels_checks(lang: str) -> None:
    # Babel's own checks: as many plural forms as the language's Plural-Forms, matching % formats.
    assert [(m.id, errors) for m, errors in read(lang).check()] == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_committed_mo_files_are_compiled_from_the_po_files(lang: str) -> None:
    # What `pybabel compile -d src/careergraph/locale -D careergraph` writes.
    fresh = io.BytesIO()
    write_mo(fresh, read(lang))
    compiled = po_file(lang).with_suffix(".mo").read_bytes()
    assert compiled == fresh.getvalue(), (
        "run: pybabel compile -d src/careergraph/locale -D careergraph"
    )


# Calls that name a message by its key, and which argument (0-based) is the key.
_KEYED = {"say": 1, "text": 1, "of": 0, "count": 1}


def _keys_named(tree: ast.AST) -> list[tuple[int, str, str]]:
    """(line, function, key) for each literal key the code passes to a catalogue call."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = (
            node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        )
        index = _KEYED.get(name)
        if index is None or len(node.args) <= index:
            continue
        key = node.args[index]
        choices = [key.body, key.orelse] if isinstance(key, ast.IfExp) else [key]
        for choice in choices:
            if isinstance(choice, ast.Constant) and isinstance(choice.value, str):
                found.append((node.lineno, name, choice.value))
    return found


def keys_named_in_code() -> list[tuple[str, str]]:
    """(file:line, key) for every literal message key in careergraph's source."""
    return [
        (f"{path.relative_to(SOURCE)}:{line}", key)
        for path in sorted(SOURCE.rglob("*.py"))
        for line, function, key in _keys_named(ast.parse(path.read_text(encoding="utf-8")))
        for key in ([f"{key}.one"] if function == "count" else [key])
    ]


def test_every_key_the_code_names_is_in_the_catalogue() -> None:
    english = messages("en")
    named = keys_named_in_code()
    assert len(named) > 200  # the scan finds the calls it is meant to find
    assert [(where, key) for where, key in named if key not in english] == []


def click_messages() -> list[str | tuple[str, ...]]:
    """Every message click's installed source marks for translation, as Babel extracts it."""
    found = extract_from_dir(Path(click.__file__).parent, method_map=[("**.py", "python")])
    return list(dict.fromkeys(message for _file, _line, message, _notes, _context in found))


def test_clicks_own_messages_are_in_the_catalogue_under_their_english() -> None:
    extracted = click_messages()
    assert "Missing argument" in extracted  # the extraction finds what it is meant to find
    english, japanese = messages("en"), messages("ja")
    for message in extracted:
        forms = (message,) if isinstance(message, str) else message
        assert english.get(forms[0]) == forms, forms[0]
        assert forms[0] in japanese, forms[0]
    # No key careergraph names is also one of click's sentences, which would say both.
    clicks = {m if isinstance(m, str) else m[0] for m in extracted}
    assert [(where, key) for where, key in keys_named_in_code() if key in clicks] == []


def test_say_fills_the_message_in_the_language() -> None:
    assert say("en", "route.total", years="3y", moves="2 moves") == "Total: 3y over 2 moves"
    assert say("ja", "years", value="3") == "3年"
    assert text("ja", "route.best") == messages("ja")["route.best"][0]


def test_count_takes_the_languages_plural_forms() -> None:
    assert [count("en", "moves", n) for n in (0, 1, 2)] == ["0 moves", "1 move", "2 moves"]
    japanese = messages("ja")["moves.one"][0]
    assert [count("ja", "moves", n) for n in (1, 2)] == [
        japanese.format(count=1),
        japanese.format(count=2),
    ]


def test_a_key_the_catalogue_lacks_is_a_bug_not_a_message() -> None:
    with pytest.raises(KeyError, match=r"no message 'route\.nowhere'"):
        say("en", "route.nowhere")
    with pytest.raises(KeyError, match="no counted message 'nowhere'"):
        count("ja", "nowhere", 2)


def test_a_language_without_a_catalogue_speaks_english() -> None:
    assert say("xx", "route.best") == "Best route"


def test_said_says_nested_words_lists_and_the_systems_reasons() -> None:
    words = Words.of(
        "error.cannot_write",
        what="the map",
        file="out.html",
        reason="Permission denied",
    )
    assert said("en", words) == "cannot write the map to 'out.html': Permission denied"
    japanese = said("ja", words)
    assert "Permission denied" not in japanese
    assert translation("ja").gettext("reason.Permission denied") in japanese
    listed = Words.of("error.no_route.avoid", roles=(Words.of("error.unknown_role", name="x"), "y"))
    assert said("en", listed) == "avoiding unknown role 'x'; y"
