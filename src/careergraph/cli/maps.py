"""Whole-map commands: validate a data file, write the interactive HTML map."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from careergraph.cli.base import cli, common, data_file, emit, load, open_file, track_ids, write_map

if TYPE_CHECKING:
    from careergraph.query import Route

DEFAULT_MAP = Path("output") / "careergraph.html"


@cli.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json_output", is_flag=True, help="Print JSON for scripts.")
def validate(file: Path | None, as_json_output: bool) -> None:
    """Check a career-map file: `OK: N roles, M transitions`, or every mistake with its line."""
    from careergraph.errors import EXIT_BAD_INPUT, DataFileError
    from careergraph.load import load_paths
    from careergraph.render.json import validation_data

    target = file or data_file(None)
    try:
        career_map = load_paths(target)
    except DataFileError as error:
        if not as_json_output:
            raise
        emit(validation_data(str(target), None, error.problems))
        sys.exit(EXIT_BAD_INPUT)
    if as_json_output:
        emit(validation_data(str(target), career_map, []))
    else:
        click.echo(f"OK: {len(career_map.roles)} roles, {len(career_map.transitions)} transitions")


@cli.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=DEFAULT_MAP,
    show_default=True,
    help="Where to write the HTML map.",
)
@click.option("--track", "track_names", multiple=True, metavar="TRACK", help="Only these ladders.")
@click.option("--route", nargs=2, metavar="FROM TO", default=None, help="Highlight the best route.")
@click.option(
    "-k", "--alternatives", default=0, type=click.IntRange(min=0), help="Also highlight N more."
)
@click.option("--open", "open_browser", is_flag=True, help="Open the written map in a browser.")
@common
def render(
    output: Path,
    track_names: tuple[str, ...],
    route: tuple[str, str] | None,
    alternatives: int,
    open_browser: bool,
    data_file: Path | None,
    lang: str,
    as_json_output: bool,
) -> None:
    """Write the interactive HTML map: ladders side by side, a route lit up if asked."""
    from careergraph.query import find_role, find_routes

    career_map, graph = load(data_file)
    tracks = track_ids(career_map, track_names) if track_names else None
    routes: list[Route] = []
    if route:
        start, goal = (find_role(career_map, r).id for r in route)
        routes = find_routes(graph, start, goal, alternatives=alternatives)
    written = write_map(career_map, graph, output, routes=routes, tracks=tracks, lang=lang)
    if as_json_output:
        emit(
            {
                "file": str(written),
                "roles": len(career_map.roles),
                "transitions": len(career_map.transitions),
                "routes": [list(r.roles) for r in routes],
            }
        )
    click.echo(str(written), err=as_json_output)
    if open_browser:
        open_file(written)
