"""The `careergraph` group and what its commands share: options, loading, output, errors.

Command modules import the library inside their functions, not at the top, so that
`careergraph --help` and commands that need little start fast.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from careergraph import DATA_ENV, LANGUAGES, __version__

if TYPE_CHECKING:
    from careergraph.graph import CareerGraph
    from careergraph.model import CareerMap
    from careergraph.query import Route

_F = TypeVar("_F", bound=Callable[..., Any])


class Commands(click.Group):
    """Turns every user mistake into one line per problem on stderr and its exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        # Imported here, not at the top, so that --help (answered before this) imports less.
        from careergraph.errors import CareerGraphError, DataFileError

        try:
            return super().invoke(ctx)
        except DataFileError as error:
            for line in error.lines():
                click.echo(line, err=True)
            ctx.exit(error.exit_code)
        except CareerGraphError as error:
            click.echo(f"error: {error}", err=True)
            ctx.exit(error.exit_code)


def common(command: _F) -> _F:
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


def data_file(given: Path | None) -> Path:
    """The command's --data, else the one given before the command, else the default."""
    from careergraph.load import default_data_path

    given_first = click.get_current_context().find_root().params.get("data_file")
    return given or given_first or default_data_path()


def load(given: Path | None) -> tuple[CareerMap, CareerGraph]:
    """The career map the command should use, and its graph."""
    import gc

    from careergraph.graph import build_graph
    from careergraph.load import load_paths

    career_map = load_paths(data_file(given))
    # The map lives as long as the command: set it aside from the garbage collector, whose
    # next pass would otherwise walk every object of it (0.3 s on 10,000 roles) for nothing.
    gc.freeze()
    return career_map, build_graph(career_map)


def emit(data: Any) -> None:
    """Print `data` as JSON on stdout."""
    from careergraph.render.json import dumps

    click.echo(dumps(data))


def track_ids(career_map: CareerMap, names: Sequence[str]) -> list[str]:
    """Track ids for the names given, in the order given; every track when none are."""
    from careergraph.query import find_track

    if not names:
        return sorted(career_map.tracks)
    return list(dict.fromkeys(find_track(career_map, n).id for n in names))


def write_map(
    career_map: CareerMap,
    graph: CareerGraph,
    output: Path,
    *,
    routes: Sequence[Route] = (),
    tracks: Sequence[str] | None = None,
    lang: str,
) -> Path:
    """Write the HTML map to `output` and return where it went."""
    from careergraph.render.html import (  # pyvis only when a map is asked
        choose_drawing,
        render_html,
        write_html,
    )

    drawing = choose_drawing(career_map, graph, routes=routes, tracks=tracks)
    if drawing.notice:
        click.echo(f"note: {drawing.notice}", err=True)
    write_html(output, render_html(career_map, graph, routes=routes, lang=lang, drawing=drawing))
    return output


def open_file(file: Path) -> None:
    """Open a written file in the user's browser."""
    import webbrowser

    webbrowser.open(file.resolve().as_uri())


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
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
