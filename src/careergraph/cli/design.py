"""Commands for the people who design ladders: lint a map, print the data file's JSON Schema."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from careergraph.cli.group import cli
from careergraph.cli.options import FilePath, data_option, language_option
from careergraph.cli.reading import data_files
from careergraph.cli.writing import emit

if TYPE_CHECKING:
    from pathlib import Path

    from careergraph.lint import Finding


_DATA_HELP = (
    "Career-map file, when no FILES are named; repeat to overlay later files on earlier ones "
    "(as --data before the command)."
)


@cli.command(name="lint")
@click.argument("files", nargs=-1, type=FilePath(dir_okay=False))
@click.option("--json", "as_json_output", is_flag=True, help="Print the findings as a JSON list.")
@click.option(
    "--explained", is_flag=True, help="Also list the findings the data explains (lint: allow)."
)
@data_option(_DATA_HELP)
@language_option
def lint_command(
    files: tuple[Path, ...],
    as_json_output: bool,
    explained: bool,
    data_file: tuple[Path, ...],
    lang: str,
) -> None:
    """Find structural mistakes in a map (FILES: a base map and overlays).

    Exit codes: 0 no error (warnings allowed); 1 findings at error severity; 2 the file
    cannot be read or is not a valid map.
    """
    from careergraph.errors import EXIT_NO_ANSWER, EXIT_OK
    from careergraph.lint import Severity, lint
    from careergraph.load import collector_paused, load_layers
    from careergraph.render.json import findings_data

    career_map = load_layers(list(files) or data_files(data_file))
    # Nothing lint or its report builds forms a cycle: the collector's passes over a large map
    # would only cost time (see careergraph.lint).
    with collector_paused():
        found = lint(career_map)
        shown = [f for f in found if explained or f.allowed is None]
        if as_json_output:
            emit(findings_data(shown))
        else:
            click.echo(_report(shown, found, lang))
    errors = any(f.severity is Severity.ERROR and f.allowed is None for f in found)
    sys.exit(EXIT_NO_ANSWER if errors else EXIT_OK)


def _report(shown: list[Finding], found: list[Finding], lang: str) -> str:
    """The findings shown, one a line (and why the data keeps one, if it does), then the count
    of every finding: one text, written at once rather than in ten thousand writes."""
    from careergraph.catalogue import ENGLISH
    from careergraph.lint import Severity
    from careergraph.render.messages import N_, said, say

    lines = []
    severities = {
        Severity.ERROR: say(lang, N_("error")),
        Severity.WARNING: say(lang, N_("warning")),
    }
    for finding in shown:
        # A finding's message is its words in English already: said again only in another.
        words = None if lang == ENGLISH else finding.words
        message = finding.message if words is None else said(lang, words)
        line = say(
            lang,
            "{place}: {severity} [{code}] {message}",
            place=finding.place,
            severity=severities[finding.severity],
            code=finding.code,
            message=message,
        )
        lines.append(line)
        if finding.allowed is not None:
            lines.append(say(lang, "  explained: {why}", why=finding.allowed))
    lines.append(_summary(found, lang))
    return "\n".join(lines)


def _summary(found: list[Finding], lang: str) -> str:
    from careergraph.render.messages import count, say

    active = [f for f in found if f.allowed is None]
    kept = len(found) - len(active)
    explained = say(lang, " ({count} explained in the data)", count=kept) if kept else ""
    if not active:
        return say(lang, "OK: no findings{explained}", explained=explained)
    errors = sum(f.severity == "error" for f in active)
    warnings = len(active) - errors
    return say(
        lang,
        "{errors}, {warnings}{explained}",
        errors=count(lang, "{count} error", "{count} errors", errors),
        warnings=count(lang, "{count} warning", "{count} warnings", warnings),
        explained=explained,
    )


@cli.command()
@click.option(
    "--overlay", is_flag=True, help="The schema of a file given after the base map instead."
)
def schema(overlay: bool) -> None:
    """Print the JSON Schema of the data file, for editors to complete and check it."""
    from careergraph.load.schema import map_json_schema, overlay_json_schema

    emit(overlay_json_schema() if overlay else map_json_schema())
