"""Questions about the map: routes, skill gaps, roles and the moves open from them."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from careergraph.cli.group import cli
from careergraph.cli.options import common, force_option, me_option, open_option, stated_only_option
from careergraph.cli.reading import load, role_named, start_and_goal, track_ids
from careergraph.cli.writing import (
    emit,
    open_file,
    refuse_stdout_twice,
    report_written,
    write_map,
)
from careergraph.limits import MAX_ALTERNATIVES, MAX_STEPS
from careergraph.render.profile import profile_data

if TYPE_CHECKING:
    from pathlib import Path

    from careergraph.query import RouteCost


@cli.command()
@click.argument("source", metavar="[FROM]")
@click.argument("target", metavar="TO", required=False)
@click.option(
    "-k",
    "--alternatives",
    default=0,
    type=click.IntRange(min=0, max=MAX_ALTERNATIVES),
    help=f"Also show N more routes (at most {MAX_ALTERNATIVES}).",
)
@click.option("--via", multiple=True, metavar="ROLE", help="Pass through ROLE (repeatable).")
@click.option(
    "--avoid", multiple=True, metavar="ROLE", help="Never pass through ROLE (repeatable)."
)
@click.option(
    "--max-steps",
    type=click.IntRange(min=1, max=MAX_STEPS),
    default=None,
    help=f"At most N moves (N up to {MAX_STEPS:,}).",
)
@click.option(
    "--by",
    type=click.Choice(["years", "steps", "gap"]),
    default="years",
    show_default=True,
    help="Rank routes by total years, by number of moves, or by skill levels to build.",
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
@open_option
@me_option
@click.option(
    "--include-inferred",
    is_flag=True,
    help="Also use moves inferred from similar skills (see `similar --suggest`), labelled.",
)
@stated_only_option
@force_option
@common
def path(
    source: str,
    target: str | None,
    alternatives: int,
    via: tuple[str, ...],
    avoid: tuple[str, ...],
    max_steps: int | None,
    by: RouteCost,
    html_file: str | None,
    open_browser: bool,
    me_file: Path | None,
    include_inferred: bool,
    stated_only: bool,
    force: bool,
    data_file: tuple[Path, ...],
    lang: str,
    as_json_output: bool,
) -> None:
    """Best route from FROM (or, with --me, your role) to TO by total years, with skills to build.

    With --me, each step's skills start from your own levels, and the first move is shortened
    by the years you have already served in your role.
    """
    from careergraph.errors import CareerGraphError, NoRouteError, Words
    from careergraph.no_route import RouteOptions, explain_no_route
    from careergraph.query import find_routes
    from careergraph.render import json as as_json
    from careergraph.render import text as as_text

    if include_inferred and html_file is not None:
        # The map draws the data's moves only; an inferred step would show unlabelled.
        raise CareerGraphError(
            Words.of("the map cannot show inferred moves: drop --html or --include-inferred")
        )
    if html_file == "-":
        refuse_stdout_twice("--html", lang)
    career_map, graph = load(data_file)
    whole = graph  # the page embeds every move and asks its own question again
    if include_inferred:
        from careergraph.similar import with_inferred_moves

        graph = with_inferred_moves(career_map, graph)
    asked = graph
    if stated_only:
        from careergraph.graph import stated_only as only_stated

        asked = only_stated(graph)
    start, goal, profile = start_and_goal(career_map, source, target, me_file, lang)
    levels = profile.levels(career_map.roles[start]) if profile else None
    years_done = profile.years_in_role if profile else 0.0
    options = RouteOptions(
        stated_only=stated_only,
        via=tuple(role_named(career_map, r, lang).id for r in via),
        avoid=tuple(role_named(career_map, r, lang).id for r in avoid),
        max_steps=max_steps,
    )
    try:
        routes = find_routes(
            asked,
            start,
            goal,
            alternatives=alternatives,
            via=options.via,
            avoid=options.avoid,
            max_steps=max_steps,
            by=by,
            start_levels=levels,
            years_done=years_done,
        )
    except NoRouteError as error:
        if not options.asked():
            raise
        raise explain_no_route(error, graph, start, goal, options) from None
    written = None
    if html_file is not None:
        default_name = f"route-{start}-{goal}.html"
        from careergraph.render.html import RouteQuestion

        question = RouteQuestion(
            source=start,
            target=goal,
            alternatives=alternatives,
            via=tuple(role_named(career_map, r, lang).id for r in via),
            avoid=tuple(role_named(career_map, r, lang).id for r in avoid),
            max_steps=max_steps,
            by=by,
            stated_only=stated_only,
            from_profile=profile is not None,
        )
        written = write_map(
            career_map,
            whole,
            html_file or f"output/{default_name}",
            routes=routes,
            lang=lang,
            force=force,
            default_name=default_name,
            profile=profile,
            question=question,
        )
    if as_json_output:
        data = as_json.routes_data(career_map, start, goal, routes, by, lang)
        if profile is not None:
            data["profile"] = profile_data(profile)
        emit(data)
    else:
        click.echo(as_text.routes_text(career_map, routes, by, lang, years_done=years_done))
    if written is not None:
        report_written(written, err=as_json_output)
        if open_browser and written.is_file:
            open_file(written.name)


@cli.command()
@click.argument("source", metavar="[FROM]")
@click.argument("target", metavar="TO", required=False)
@me_option
@common
def gap(
    source: str,
    target: str | None,
    me_file: Path | None,
    data_file: tuple[Path, ...],
    lang: str,
    as_json_output: bool,
) -> None:
    """Skills TO needs above FROM's level (or, with --me, above yours), largest first."""
    from careergraph.query import profile_gap, skill_gap
    from careergraph.render import json as as_json
    from careergraph.render import text as as_text

    career_map, _ = load(data_file)
    start, goal, profile = start_and_goal(career_map, source, target, me_file, lang)
    roles = career_map.roles
    if profile is None:
        result = skill_gap(roles[start], roles[goal])
    else:
        result = profile_gap(profile, roles[start], roles[goal])
    if as_json_output:
        data = as_json.gap_data(career_map, result, lang)
        if profile is not None:
            data["profile"] = profile_data(profile)
        emit(data)
    else:
        click.echo(as_text.gap_text(career_map, result, lang, you=profile is not None))


@cli.command()
@click.argument("role_name", metavar="ROLE")
@common
def show(role_name: str, data_file: tuple[Path, ...], lang: str, as_json_output: bool) -> None:
    """Everything about a role: names, level, skills, and the moves into and out of it."""
    from careergraph.query import moves_from, moves_into
    from careergraph.render import json as as_json
    from careergraph.render import text as as_text

    career_map, graph = load(data_file)
    role = role_named(career_map, role_name, lang)
    after, before = moves_from(graph, role.id), moves_into(graph, role.id)
    if as_json_output:
        emit(as_json.role_data(career_map, role, after, before, lang))
    else:
        click.echo(as_text.role_text(career_map, role, after, before, lang))


@cli.command()
@click.option("--track", "track_names", multiple=True, metavar="TRACK", help="Only this ladder.")
@common
def roles(
    track_names: tuple[str, ...], data_file: tuple[Path, ...], lang: str, as_json_output: bool
) -> None:
    """The roles, ladder by ladder in the file's order, each in level order."""
    from careergraph.render import json as as_json
    from careergraph.render import text as as_text

    career_map, _ = load(data_file)
    # The ladders as the file lists them, unless named.
    tracks = (
        track_ids(career_map, track_names) if track_names else career_map.tracks_in_file_order()
    )
    if as_json_output:
        emit(as_json.roles_data(career_map, tracks, lang))
    else:
        click.echo(as_text.roles_text(career_map, tracks, lang))


@cli.command(name="next")
@click.argument("role_name", metavar="ROLE")
@stated_only_option
@common
def next_moves(
    role_name: str, stated_only: bool, data_file: tuple[Path, ...], lang: str, as_json_output: bool
) -> None:
    """The moves open from ROLE, with years and the size of the skill gap."""
    from careergraph.query import moves_from
    from careergraph.render import json as as_json
    from careergraph.render import text as as_text

    career_map, graph = load(data_file)
    if stated_only:
        from careergraph.graph import stated_only as only_stated

        graph = only_stated(graph)
    role = role_named(career_map, role_name, lang)
    moves = moves_from(graph, role.id)
    if as_json_output:
        emit(as_json.moves_data(career_map, role, moves, lang))
    else:
        click.echo(as_text.moves_text(career_map, role, moves, lang))
