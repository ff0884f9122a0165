"""Whole-map commands: validate a data file, write the interactive HTML map."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import click

from careergraph.cli.group import cli
from careergraph.cli.options import (
    FilePath,
    common,
    data_option,
    force_option,
    language_option,
    open_option,
)
from careergraph.cli.reading import data_files, load, read_profile, role_named, track_ids
from careergraph.cli.writing import emit, open_file, refuse_stdout_twice, report_written, write_map
from careergraph.limits import MAX_ALTERNATIVES

if TYPE_CHECKING:
    from pathlib import Path

    from careergraph.query import Route

DEFAULT_MAP = "output/careergraph.html"


@cli.command()
@click.argument("files", nargs=-1, type=FilePath(dir_okay=False))
@click.option(
    "--base",
    "base_file",
    type=FilePath(dir_okay=False),
    default=None,
    metavar="FILE",
    help="Check FILES as overlays on the map FILE (an overlay on its own lacks its base).",
)
@click.option("--json", "as_json_output", is_flag=True, help="Print JSON for scripts.")
@data_option(
    "Career-map file, when no FILES are named; repeat to overlay later files on earlier ones "
    "(as --data before the command)."
)
@language_option
def validate(
    files: tuple[Path, ...],
    base_file: Path | None,
    as_json_output: bool,
    data_file: tuple[Path, ...],
    lang: str,
) -> None:
    """Check a career-map file (FILES: a base map and overlays): `OK: N roles, M transitions`."""
    from careergraph.errors import EXIT_BAD_INPUT, DataFileError
    from careergraph.load import load_layers
    from careergraph.render.json import validation_data
    from careergraph.render.messages import say

    if base_file is not None and not files:
        raise click.UsageError(
            say(lang, "--base FILE checks the OVERLAY files named after it; name at least one")
        )
    targets = [base_file, *files] if base_file is not None else list(files)
    targets = targets or data_files(data_file)
    try:
        career_map = load_layers(targets)
    except DataFileError as error:
        if not as_json_output:
            raise
        emit(_with_files(validation_data(str(targets[0]), None, error.problems), targets))
        sys.exit(EXIT_BAD_INPUT)
    if as_json_output:
        emit(_with_files(validation_data(str(targets[0]), career_map, []), targets))
    else:
        counts = {"roles": len(career_map.roles), "transitions": len(career_map.transitions)}
        click.echo(say(lang, "OK: {roles} roles, {transitions} transitions", **counts))


def _with_files(data: dict[str, Any], files: list[Path]) -> dict[str, Any]:
    """`validate --json` names every file checked; `file` stays the first, the base map."""
    return {**data, "files": [str(f) for f in files]}


@cli.command()
@click.option(
    "-o",
    "--output",
    default=DEFAULT_MAP,
    show_default=True,
    metavar="FILE",
    help="Where to write the HTML map: a file, DIR/ for DIR/careergraph.html, or - for stdout.",
)
@click.option("--track", "track_names", multiple=True, metavar="TRACK", help="Only these ladders.")
@click.option("--route", nargs=2, metavar="FROM TO", default=None, help="Highlight the best route.")
@click.option(
    "-k",
    "--alternatives",
    default=0,
    type=click.IntRange(min=0, max=MAX_ALTERNATIVES),
    help=f"Also highlight N more (at most {MAX_ALTERNATIVES}).",
)
@open_option
@click.option(
    "--me",
    "me_file",
    type=FilePath(dir_okay=False),
    default=None,
    metavar="FILE",
    help="Put your profile on the map: your role marked, every role shaded by how much you meet.",
)
@force_option
@common
def render(
    output: str,
    track_names: tuple[str, ...],
    route: tuple[str, str] | None,
    alternatives: int,
    open_browser: bool,
    me_file: Path | None,
    force: bool,
    data_file: tuple[Path, ...],
    lang: str,
    as_json_output: bool,
) -> None:
    """Write the interactive HTML map: ladders side by side, a route lit up if asked."""
    from careergraph.query import find_routes

    if output == "-" and as_json_output:
        refuse_stdout_twice("-o", lang)
    career_map, graph = load(data_file)
    profile = read_profile(me_file, career_map) if me_file is not None else None
    tracks = track_ids(career_map, track_names) if track_names else None
    routes: list[Route] = []
    question = None
    if route:
        from careergraph.render.html import RouteQuestion

        start, goal = (role_named(career_map, r, lang).id for r in route)
        routes = find_routes(graph, start, goal, alternatives=alternatives)
        question = RouteQuestion(source=start, target=goal, alternatives=alternatives)
    written = write_map(
        career_map,
        graph,
        output,
        routes=routes,
        tracks=tracks,
        lang=lang,
        force=force,
        default_name=DEFAULT_MAP.rsplit("/", 1)[-1],
        profile=profile,
        question=question,
    )
    if as_json_output:
        emit(
            {
                "file": str(written),
                "roles": len(career_map.roles),
                "transitions": len(career_map.transitions),
                "routes": [list(r.roles) for r in routes],
            }
        )
    report_written(written, err=as_json_output)
    if open_browser and written.is_file:
        open_file(written.name)
