"""The options commands share: --data, --lang, --json, --me, --stated-only, --force, --open."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, TypeVar

import click

from careergraph import DATA_ENV, LANGUAGES
from careergraph.cli.language import LANG_ENV, _given_or_default_language, remember_language

_F = TypeVar("_F", bound=Callable[..., Any])


def language_option(command: _F) -> _F:
    """The --lang option alone, for commands that take no --data or --json of `common`'s kind."""
    return click.option(
        "--lang",
        type=click.Choice(LANGUAGES),
        default=_given_or_default_language,
        callback=remember_language,
        show_default=f"${LANG_ENV}, else ja for a Japanese locale, else en",
        help="Language of names, headings and messages.",
    )(command)


def common(command: _F) -> _F:
    """Options every command takes: --data, --lang and --json."""
    command = click.option(
        "--json", "as_json_output", is_flag=True, help="Print JSON for scripts instead of text."
    )(command)
    command = language_option(command)
    return data_option(
        f"Career-map YAML file; repeat to overlay later files on earlier ones "
        f"[default: ${DATA_ENV}, else the bundled data/paths.yaml]."
    )(command)


def data_option(help: str) -> Callable[[_F], _F]:
    """--data, repeatable: the map's files, later ones overlaid on earlier ones."""
    return click.option(
        "--data", "data_file", type=FilePath(dir_okay=False), multiple=True, help=help
    )


class FilePath(click.Path):
    """click's Path giving pathlib values, with pathlib imported only once a path is given."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        from gettext import gettext
        from pathlib import Path

        # click words the kind of path ("file") when the option is made, in the language of the
        # command that first imported its module; its messages name it in this command's.
        both = self.file_okay and self.dir_okay
        kind = "path" if both else "file" if self.file_okay else "directory"
        self.name = gettext(kind)
        return Path(os.fsdecode(super().convert(value, param, ctx)))


def me_option(command: _F) -> _F:
    """The --me option: start from a personal profile instead of a role."""
    return click.option(
        "--me",
        "me_file",
        type=FilePath(dir_okay=False),
        default=None,
        metavar="FILE",
        help="Start from your profile (see `careergraph me init`) instead of FROM.",
    )(command)


def stated_only_option(command: _F) -> _F:
    """The --stated-only option: use only the moves a source states."""
    return click.option(
        "--stated-only",
        is_flag=True,
        help="Use only moves a source states, none implied by the data (basis: stated).",
    )(command)


def force_option(command: _F) -> _F:
    """--force: replace an existing output file."""
    return click.option(
        "--force",
        is_flag=True,
        help="Replace the output file if it exists (never a folder, a device or an input).",
    )(command)


def open_option(command: _F) -> _F:
    """--open: open the written map in a browser (`render`, `path --html`)."""
    return click.option(
        "--open", "open_browser", is_flag=True, help="Open the written map in a browser."
    )(command)
