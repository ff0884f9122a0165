"""Comparisons: roles alike in skills (and the moves that suggests), and two versions of a map."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from careergraph.cli.group import cli
from careergraph.cli.options import FilePath, common, language_option
from careergraph.cli.reading import load, role_named
from careergraph.cli.writing import emit

if TYPE_CHECKING:
    from pathlib import Path


@cli.command()
@click.argument("role_name", metavar="ROLE")
@click.option(
    "-n", "--limit", default=10, show_default=True, type=click.IntRange(min=1), help="Show N roles."
)
@click.option("--suggest", is_flag=True, help="Also list inferred moves the data lacks.")
@common
def similar(
    role_name: str,
    limit: int,
    suggest: bool,
    data_file: tuple[Path, ...],
    lang: str,
    as_json_output: bool,
) -> None:
    """Roles most like ROLE by skills weighted by level, with the skill gap each way."""
    from careergraph.render import comparisons
    from careergraph.similar import similar_roles, suggested_moves

    career_map, graph = load(data_file)
    role = role_named(career_map, role_name, lang)
    found = similar_roles(career_map, graph, role, limit=limit)
    suggested = suggested_moves(career_map, graph, source=role) if suggest else None
    if as_json_output:
        emit(comparisons.similar_data(career_map, role.id, found, suggested, lang))
    else:
        click.echo(comparisons.similar_text(career_map, role.id, found, suggested, lang))


@cli.command()
@click.argument("old_file", metavar="OLD", type=FilePath(dir_okay=False))
@click.argument("new_file", metavar="NEW", type=FilePath(dir_okay=False))
@click.option(
    "--limit",
    default=20,
    show_default=True,
    type=click.IntRange(min=0),
    help="List at most N changed routes (the count of the rest is given).",
)
@language_option
@click.option("--json", "as_json_output", is_flag=True, help="Print JSON for scripts.")
def diff(old_file: Path, new_file: Path, limit: int, lang: str, as_json_output: bool) -> None:
    """What changed from OLD to NEW: records, fields, and routes longer, shorter, new or gone.

    Exits 0 whether or not the maps differ (the JSON key `same` says which); 2 if either
    file does not load.
    """
    from careergraph.changes import compare_maps
    from careergraph.load import load_paths
    from careergraph.render import comparisons

    old, new = load_paths(old_file), load_paths(new_file)
    changes = compare_maps(old, new, limit=limit)
    if as_json_output:
        emit(comparisons.diff_data(old, new, changes, limit))
    else:
        click.echo(comparisons.diff_text(old, new, changes, limit, lang))
