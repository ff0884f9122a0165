"""`careergraph export`: the map (or part of it) as files other tools read."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import click

from careergraph.cli.group import cli
from careergraph.cli.options import common, force_option
from careergraph.cli.reading import load, role_named, track_ids
from careergraph.cli.writing import emit, report_written

if TYPE_CHECKING:
    from pathlib import Path

    from careergraph.model import CareerMap

FORMATS = ("json", "graphml", "gexf", "mermaid", "dot", "csv")
TABLES = ("roles", "transitions", "skills")


@cli.command()
@click.option("--format", "format_", type=click.Choice(FORMATS), required=True, help="File format.")
@click.option(
    "-o",
    "--output",
    default=None,
    metavar="FILE",
    help="Write to FILE, or DIR/ for DIR/careergraph.FORMAT (for csv without --table: a folder "
    "for roles.csv, transitions.csv and skills.csv); - is stdout [default: stdout].",
)
@click.option(
    "--table",
    type=click.Choice(TABLES),
    default=None,
    help="csv only: which table to write to FILE or stdout.",
)
@click.option("--track", "track_names", multiple=True, metavar="TRACK", help="Only these ladders.")
@click.option(
    "--route",
    nargs=2,
    metavar="FROM TO",
    default=None,
    help="Only the best route's roles and moves.",
)
@force_option
@common
def export(
    format_: str,
    output: str | None,
    table: str | None,
    track_names: tuple[str, ...],
    route: tuple[str, str] | None,
    force: bool,
    data_file: tuple[Path, ...],
    lang: str,
    as_json_output: bool,
) -> None:
    """Export the map as node-link JSON, GraphML, GEXF, Mermaid, DOT or CSV.

    With -o, prints the files written (--json: a summary of them); without, prints the export.
    """
    import os

    from careergraph.errors import CareerGraphError, Words
    from careergraph.files import check_target, write_file
    from careergraph.query import find_routes, map_section

    if output == "-":
        output = None  # stdout, as without -o
    if table is not None and format_ != "csv":
        raise CareerGraphError(
            Words.of("--table is for --format csv only, not '{format}'", format=format_)
        )
    if as_json_output and output is None:
        raise CareerGraphError(Words.of("--json reports the files written: give -o as well"))
    if format_ == "csv" and table is None and output is None:
        raise CareerGraphError(
            Words.of(
                "csv holds three tables: give -o FOLDER for roles.csv, "
                "transitions.csv and skills.csv, or --table "
                "roles|transitions|skills for one"
            )
        )
    career_map, graph = load(data_file)
    if route:
        start, goal = (role_named(career_map, r, lang).id for r in route)
        best = find_routes(graph, start, goal)[0]
        career_map = map_section(career_map, best.roles, [s.transition for s in best.steps])
    if track_names:
        kept = set(track_ids(career_map, track_names))
        career_map = map_section(
            career_map, [r.id for r in career_map.roles.values() if r.track in kept]
        )
    files = _rendered(career_map, format_, table, lang)
    if output is None:
        for content in files.values():
            click.echo(content, nl=False)
        return
    what = f"the {format_} export"
    if format_ == "csv" and table is None:  # OUTPUT is the folder the two tables go in
        targets = {name: os.path.join(output, name) for name in files}
    else:
        targets = {name: output for name in files}
    # Every file is checked before any is written: a refusal leaves all of them as they were.
    for name, target in targets.items():
        check_target(target, what=what, force=force, default_name=_default_name(name))
    written = [
        write_file(target, files[name], what=what, force=force, default_name=_default_name(name))
        for name, target in targets.items()
    ]
    if as_json_output:
        emit(
            {
                "format": format_,
                "files": [str(path) for path in written],
                "roles": len(career_map.roles),
                "transitions": len(career_map.transitions),
            }
        )
    else:
        for path in written:
            report_written(path)


_SUFFIXES = {"mermaid": "mmd"}


def _default_name(name: str) -> str:
    """The file written into a folder named with a trailing slash: roles.csv, careergraph.dot."""
    if name.endswith(".csv"):
        return name
    return f"careergraph.{_SUFFIXES.get(name, name)}"


def _rendered(
    career_map: CareerMap, format_: str, table: str | None, lang: str
) -> dict[str, str | bytes]:
    """The export's contents by file name (csv without a table: both tables)."""
    from careergraph.render import diagrams, graph_files, tables

    if format_ == "csv":
        both: dict[str, str | bytes] = {
            "roles.csv": tables.roles_csv(career_map, lang),
            "transitions.csv": tables.transitions_csv(career_map),
            "skills.csv": tables.skills_csv(career_map),
        }
        return both if table is None else {f"{table}.csv": both[f"{table}.csv"]}
    renderers: dict[str, Callable[[CareerMap, str], str | bytes]] = {
        "json": graph_files.node_link_json,
        "graphml": graph_files.graphml,
        "gexf": graph_files.gexf,
        "mermaid": diagrams.mermaid,
        "dot": diagrams.dot,
    }
    return {format_: renderers[format_](career_map, lang)}
