"""The language a command speaks: --lang, else $CAREERGRAPH_LANG, else the locale."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from contextvars import ContextVar

import click

from careergraph import LANGUAGES

LANG_ENV = "CAREERGRAPH_LANG"
_LOCALE_ENVS = ("LC_ALL", "LC_MESSAGES", "LANG")


def default_language(environ: Mapping[str, str] | None = None) -> str:
    """The language when --lang is not given: $CAREERGRAPH_LANG, else a Japanese locale, else en."""
    env = os.environ if environ is None else environ
    chosen = env.get(LANG_ENV, "").strip()
    if chosen:
        if chosen not in LANGUAGES:
            from careergraph.catalogue import say
            from careergraph.errors import CareerGraphError, Words

            # Said in English: the setting that names the language is the one that is wrong.
            languages = say("en", " or ").join(LANGUAGES)
            raise CareerGraphError(
                Words.of(
                    "{env} is '{chosen}', which careergraph does not speak: use {languages}",
                    env=LANG_ENV,
                    chosen=chosen,
                    languages=languages,
                )
            )
        return chosen
    # POSIX: the first of these that is set decides the messages' language.
    locale = next((env[name] for name in _LOCALE_ENVS if env.get(name)), "")
    return "ja" if locale.startswith("ja") else "en"


_LANG_KEY = "careergraph.lang"
# The language the command line asks for, known before click parses it (see _asked_language).
_ASKED_LANGUAGE: ContextVar[str | None] = ContextVar("careergraph_asked_language", default=None)


def remember_language(ctx: click.Context, _param: click.Parameter, lang: str) -> str:
    """--lang's callback: keep the command's language where the error printer finds it."""
    ctx.meta[_LANG_KEY] = lang
    return lang


def language_of(ctx: click.Context | None) -> str:
    """The language of the command that failed: its --lang, else the default, else English."""
    from careergraph.errors import CareerGraphError

    if ctx is not None and _LANG_KEY in ctx.meta:
        return str(ctx.meta[_LANG_KEY])
    asked = _ASKED_LANGUAGE.get()
    if asked is not None:
        return asked
    try:
        return default_language()
    except CareerGraphError:
        return "en"


def _asked_language(args: Sequence[str]) -> str:
    """The language the command line asks for, read before click parses it (for click's words)."""
    asked = None
    for arg, value in zip(args, [*args[1:], ""], strict=True):
        if arg == "--":
            break
        if arg == "--lang":
            asked = value
        elif arg.startswith("--lang="):
            asked = arg.removeprefix("--lang=")
    if asked in LANGUAGES:
        return asked
    from careergraph.errors import CareerGraphError

    try:
        return default_language()
    except CareerGraphError:
        return "en"


def _given_or_default_language() -> str:
    """A command's language when its own --lang is not given: the one given before the command
    (`careergraph --lang ja show cto`), else `default_language`."""
    context = click.get_current_context(silent=True)
    given = context.find_root().params.get("root_lang") if context is not None else None
    return str(given) if given else default_language()
