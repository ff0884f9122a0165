"""The `careergraph` command: parse the request, ask the library, print the answer."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from careergraph import __version__
from careergraph.errors import EXIT_BAD_INPUT, CareerGraphError, DataFileError
from careergraph.graph import CareerGraph, build_graph
from careergraph.load import DATA_ENV, default_data_path, load_paths
from careergraph.model import LANGUAGES, CareerMap
from careergraph.query import (
    Route,
    RouteCost,
    find_role,
    find_routes,
    find_track,
    moves_from,
    moves_into,
    skill_gap,
)
from careergraph.render import json as as_json
from careergraph.render import text as as_text

DEFAULT_MAP = Path("output") / "careergraph.html"

_F = TypeVar("_F", bound=Callable[..., Any])


class _Commands(click.Group):
    """Turns every user mistake into one line per problem on stderr and its exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DataFileError as error:
            for line in error.lines():
                click.echo(line, err=True)
            ctx.exit(error.exit_code)
        except CareerGraphError as error:
            click.echo(f"error: {error}", err=True)
            ctx.exit(error.exit_code)


def _common(command: _F) -> _F:
    """Options every command takes: --data, --lang and --json."""
    command = click.option(
        "--json", "as_json_output", is_flag=True, help="Print JSON for scripts instead of text."
    )(command)
    command = click.option(
        "--lang",
        type=click.Choice(LANGUAGES),
        default="en",
        show_default=True,
        help="Language of role, track and skill names.",
    )(command)
    return click.option(
        "--data",
        "data_file",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help=f"Career-map YAML file [default: ${DATA_ENV}, else the bundled data/paths.yaml].",
    )(command)


def _data_file(data_file: Path | None) -> Path:
    """The command's --data, else the one given before the command, else the default."""
    given_first = click.get_current_context().find_root().params.get("data_file")
    return data_file or given_first or default_data_path()


def _load(data_file: Path | None) -> tuple[CareerMap, CareerGraph]:
    career_map = load_paths(_data_file(data_file))
    return career_map, build_graph(career_map)


def _emit(data: Any) -> None:
    click.echo(as_json.dumps(data))


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="careergraph")
@click.option(
    "--data",
    "data_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=f"Career-map YAML file for every command [default: ${DATA_ENV}, else data/paths.yaml].",
)
def cli(data_file: Path | None) -> None:
    """Explore career paths: routes between roles, skill gaps, and an interactive map.

    Roles can be named by id, by any name in any language, or by alias
    ("PMO Coordinator", PMOコーディネーター and pmo_coordinator are the same role).

    Exit codes: 0 success; 1 the question has no answer (no route); 2 bad usage or bad data.
    """


@cli.command()
@click.argument("source", metavar="FROM")
@click.argument("target", metavar="TO")
@click.option(
    "-k", "--alternatives", default=0, type=click.IntRange(min=0), help="Also show N more routes."
)
@click.option("--via", multiple=True, metavar="ROLE", help="Pass through ROLE (repeatable).")
@click.option(
    "--avoid", multiple=True, metavar="ROLE", help="Never pass through ROLE (repeatable)."
)
@click.option("--max-steps", type=click.IntRange(min=1), default=None, help="At most N moves.")
@click.option(
    "--by",
    type=click.Choice(["years", "steps"]),
    default="years",
    show_default=True,
    help="Rank routes by total years or by number of moves.",
)
@click.option(
    "--html",
    "html_file",
    is_flag=False,
    flag_value="",
    default=None,
    metavar="[FILE]",
    help="Also write the map with the routes lit up [default FILE: output/route-FROM-TO.html].",
)
@click.option("--open", "open_browser", is_flag=True, help="Open the written map in a browser.")
@_common
def path(
    source: str,
    target: str,
    alternatives: int,
    via: tuple[str, ...],
    avoid: tuple[str, ...],
    max_steps: int | None,
    by: RouteCost,
    html_file: str | None,
    open_browser: bool,
    data_file: Path | None,
    lang: str,
    as_json_output: bool,
) -> None:
    """Best route from FROM to TO by total years, each step with the skills to build."""
    career_map, graph = _load(data_file)
    start, goal = find_role(career_map, source).id, find_role(career_map, target).id
    routes = find_routes(
        graph,
        start,
        goal,
        alternatives=alternatives,
        via=[find_role(career_map, r).id for r in via],
        avoid=[find_role(career_map, r).id for r in avoid],
        max_steps=max_steps,
        by=by,
    )
    written = None
    if html_file is not None:
        target_file = (
            Path(html_file) if html_file else Path("output") / f"route-{start}-{goal}.html"
        )
        written = _write_map(career_map, graph, target_file, routes=routes, lang=lang)
    if as_json_output:
        _emit(as_json.routes_data(career_map, start, goal, routes, by, lang))
    else:
        click.echo(as_text.routes_text(career_map, routes, by, lang))
    if written is not None:
        click.echo(str(written), err=as_json_output)
        if open_browser:
            _open(written)


@cli.command()
@click.argument("source", metavar="FROM")
@click.argument("target", metavar="TO")
@_common
def gap(source: str, target: str, data_file: Path | None, lang: str, as_json_output: bool) -> None:
    """Skills TO needs above FROM's level, largest first, and those TO no longer stresses."""
    career_map, _ = _load(data_file)
    result = skill_gap(find_role(career_map, source), find_role(career_map, target))
    if as_json_output:
        _emit(as_json.gap_data(career_map, result, lang))
    else:
        click.echo(as_text.gap_text(career_map, result, lang))


@cli.command()
@click.argument("role_name", metavar="ROLE")
@_common
def show(role_name: str, data_file: Path | None, lang: str, as_json_output: bool) -> None:
    """Everything about a role: names, level, skills, and the moves into and out of it."""
    career_map, graph = _load(data_file)
    role = find_role(career_map, role_name)
    after, before = moves_from(graph, role.id), moves_into(graph, role.id)
    if as_json_output:
        _emit(as_json.role_data(career_map, role, after, before, lang))
    else:
        click.echo(as_text.role_text(career_map, role, after, before, lang))


@cli.command()
@click.option("--track", "track_names", multiple=True, metavar="TRACK", help="Only this ladder.")
@_common
def roles(
    track_names: tuple[str, ...], data_file: Path | None, lang: str, as_json_output: bool
) -> None:
    """The roles, ladder by ladder, in level order."""
    career_map, _ = _load(data_file)
    tracks = _tracks(career_map, track_names)
    if as_json_output:
        _emit(as_json.roles_data(career_map, tracks, lang))
    else:
        click.echo(as_text.roles_text(career_map, tracks, lang))


@cli.command(name="next")
@click.argument("role_name", metavar="ROLE")
@_common
def next_moves(role_name: str, data_file: Path | None, lang: str, as_json_output: bool) -> None:
    """The moves open from ROLE, with years and the size of the skill gap."""
    career_map, graph = _load(data_file)
    role = find_role(career_map, role_name)
    moves = moves_from(graph, role.id)
    if as_json_output:
        _emit(as_json.moves_data(career_map, role, moves, lang))
    else:
        click.echo(as_text.moves_text(career_map, role, moves, lang))


@cli.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json_output", is_flag=True, help="Print JSON for scripts.")
def validate(file: Path | None, as_json_output: bool) -> None:
    """Check a career-map file: `OK: N roles, M transitions`, or every mistake with its line."""
    target = file or _data_file(None)
    try:
        career_map = load_paths(target)
    except DataFileError as error:
        if not as_json_output:
            raise
        _emit(as_json.validation_data(str(target), None, error.problems))
        sys.exit(EXIT_BAD_INPUT)
    if as_json_output:
        _emit(as_json.validation_data(str(target), career_map, []))
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
@_common
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
    career_map, graph = _load(data_file)
    tracks = _tracks(career_map, track_names) if track_names else None
    routes: list[Route] = []
    if route:
        start, goal = (find_role(career_map, r).id for r in route)
        routes = find_routes(graph, start, goal, alternatives=alternatives)
    written = _write_map(career_map, graph, output, routes=routes, tracks=tracks, lang=lang)
    if as_json_output:
        _emit(
            {
                "file": str(written),
                "roles": len(career_map.roles),
                "transitions": len(career_map.transitions),
                "routes": [list(r.roles) for r in routes],
            }
        )
    click.echo(str(written), err=as_json_output)
    if open_browser:
        _open(written)


def _tracks(career_map: CareerMap, names: Sequence[str]) -> list[str]:
    if not names:
        return sorted(career_map.tracks)
    return list(dict.fromkeys(find_track(career_map, n).id for n in names))


def _write_map(
    career_map: CareerMap,
    graph: CareerGraph,
    output: Path,
    *,
    routes: Sequence[Route] = (),
    tracks: Sequence[str] | None = None,
    lang: str,
) -> Path:
    from careergraph.render.html import render_html, write_html  # pyvis only when a map is asked

    write_html(output, render_html(career_map, graph, routes=routes, tracks=tracks, lang=lang))
    return output


def _open(file: Path) -> None:
    import webbrowser

    webbrowser.open(file.resolve().as_uri())


def main() -> None:
    """Console entry point."""
    cli(prog_name="careergraph")
