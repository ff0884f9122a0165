"""Comparisons: roles alike in skills (and the moves that suggests), and two versions of a map."""

from __future__ import annotations

from pathlib import Path

import click

from careergraph.cli.base import cli, common, emit, load


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
    data_file: Path | None,
    lang: str,
    as_json_output: bool,
) -> None:
    """Roles most like ROLE by skills weighted by level, with the skill gap each way."""
    from careergraph.query import find_role
    from careergraph.render import comparisons
    from careergraph.similar import similar_roles, suggested_moves

    career_map, graph = load(data_file)
    role = find_role(career_map, role_name)
    found = similar_roles(career_map, graph, role, limit=limit)
    suggested = suggested_moves(career_map, graph, source=role) if suggest else None
    if as_json_output:
        emit(comparisons.similar_data(career_map, role.id, found, suggested, lang))
    else:
        click.echo(comparisons.similar_text(career_map, role.id, found, suggested, lang))
