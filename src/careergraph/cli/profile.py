"""Questions about yourself: a profile to start from, roles within reach, a promotion plan."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import click

from careergraph.cli.group import cli
from careergraph.cli.language import language_of
from careergraph.cli.options import common, force_option, me_option, stated_only_option
from careergraph.cli.reading import load, role_named, start_and_goal, track_ids
from careergraph.cli.writing import emit, report_written
from careergraph.limits import MAX_WITHIN
from careergraph.render.profile import profile_data

if TYPE_CHECKING:
    from pathlib import Path

    from careergraph.model import CareerMap, Profile

DEFAULT_PROFILE = "me.yaml"
_PLAN_FORMATS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}


@cli.group()
def me() -> None:
    """Your profile: the role you hold, your own skill levels, the years you have served."""


def _finite_years(ctx: click.Context, param: click.Parameter, value: float) -> float:
    """--within as given, unless it is infinite or not a number (FloatRange lets both through)."""
    from careergraph.catalogue import say

    if not math.isfinite(value):
        raise click.BadParameter(
            say(language_of(ctx), "{value} is not a finite number of years", value=value)
        )
    if value > MAX_WITHIN:
        most = f"{MAX_WITHIN:,.0f}"
        raise click.BadParameter(
            say(
                language_of(ctx), "{value} is more than {most} years", value=f"{value:g}", most=most
            )
        )
    return value


@me.command(name="init")
@click.argument("role_name", metavar="ROLE")
@click.option(
    "-o",
    "--output",
    default=DEFAULT_PROFILE,
    show_default=True,
    metavar="FILE",
    help=f"Where to write the profile: a file, DIR/ for DIR/{DEFAULT_PROFILE}, or - to print it.",
)
@force_option
@common
def me_init(
    role_name: str,
    output: str,
    force: bool,
    data_file: tuple[Path, ...],
    lang: str,
    as_json_output: bool,
) -> None:
    """Write a commented starter profile for someone in ROLE, with the role's skill levels."""
    from careergraph.files import write_file
    from careergraph.load.profile import parse_profile
    from careergraph.render.messages import say
    from careergraph.render.profile import starter_profile

    career_map, _ = load(data_file)
    role = role_named(career_map, role_name, lang)
    text = starter_profile(career_map, role, lang)
    # The starter must read back as a valid profile; a failure here is a bug, not a user error.
    written = parse_profile(text, career_map, output)
    if output == "-":
        click.echo(text, nl=False)
        return
    target = write_file(output, text, what="the profile", force=force, default_name=DEFAULT_PROFILE)
    if as_json_output:
        emit(profile_data(written))
    elif target.is_file:  # a stream (a FIFO, /dev/stdout) gets the profile alone
        click.echo(
            say(
                lang,
                "Wrote a starter profile for {role} to {file}.",
                role=role.name.get(lang),
                file=target,
            )
        )


@cli.command()
@click.argument("role_name", metavar="[ROLE]", required=False)
@click.option(
    "--within",
    type=click.FloatRange(min=0),
    callback=_finite_years,
    required=True,
    metavar="YEARS",
    help="Only roles whose quickest route takes at most YEARS.",
)
@me_option
@stated_only_option
@common
def reach(
    role_name: str | None,
    within: float,
    me_file: Path | None,
    stated_only: bool,
    data_file: tuple[Path, ...],
    lang: str,
    as_json_output: bool,
) -> None:
    """Roles reachable from ROLE (or, with --me, from you) within YEARS, nearest first."""
    from careergraph.query import reachable_roles
    from careergraph.render import text as as_text

    career_map, graph = load(data_file)
    if stated_only:
        from careergraph.graph import stated_only as only_stated

        graph = only_stated(graph)
    start, profile = _starting_point(career_map, role_name, me_file, lang)
    found = reachable_roles(
        graph,
        start,
        within,
        start_levels=profile.levels(career_map.roles[start]) if profile else None,
        years_done=profile.years_in_role if profile else 0.0,
    )
    if not as_json_output:
        click.echo(as_text.reach_text(career_map, start, within, found, lang))
        return
    from careergraph.render import json as as_json

    data = as_json.reach_data(career_map, start, within, found, lang)
    if profile is not None:
        data["profile"] = profile_data(profile)
    emit(data)


@cli.command()
@click.argument("role_name", metavar="[ROLE]", required=False)
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    default=10,
    show_default=True,
    metavar="N",
    help="Show the N best-met roles; 0 shows every role.",
)
@click.option("--track", "track_names", multiple=True, metavar="TRACK", help="Only this ladder.")
@me_option
@common
def fit(
    role_name: str | None,
    limit: int,
    track_names: tuple[str, ...],
    me_file: Path | None,
    data_file: tuple[Path, ...],
    lang: str,
    as_json_output: bool,
) -> None:
    """Roles ranked by how much of what they ask ROLE (or, with --me, you) already meets.

    For each role: the share of its required levels met (a level held above the one asked
    counts only up to it), the levels still missing, whether it is a move up (higher on the same
    ladder, or reached by promotions alone), and the nearest route to it by years.
    """
    from careergraph.fit import role_fits
    from careergraph.query import role_levels
    from careergraph.render import text as as_text

    career_map, graph = load(data_file)
    start, profile = _starting_point(career_map, role_name, me_file, lang)
    own = career_map.roles[start]
    have = profile.levels(own) if profile else role_levels(own)
    tracks = track_ids(career_map, track_names) if track_names else None
    standing = role_fits(
        career_map,
        graph,
        start,
        have,
        years_done=profile.years_in_role if profile else 0.0,
        tracks=tracks,
        limit=limit or None,
    )
    shown = standing.fits
    if not as_json_output:
        click.echo(as_text.fit_text(career_map, start, standing, lang, you=profile))
        return
    data: dict[str, object] = {
        "from": start,
        "roles": [
            {
                "id": f.role,
                "name": career_map.roles[f.role].name.get(lang),
                "met": f.met,
                "missing_levels": f.missing_levels,
                "years": f.years,
                "up": f.up,
                "moves": f.moves,
                "route": list(f.route) if f.route else None,
            }
            for f in shown
        ],
    }
    if profile is not None:
        data["profile"] = profile_data(profile)
    emit(data)


@cli.command()
@click.argument("source", metavar="[FROM]")
@click.argument("target", metavar="TO", required=False)
@click.option(
    "-o",
    "--output",
    default="-",
    metavar="FILE",
    help="Write the plan to FILE: .md for Markdown, .html for a printable page; "
    "DIR/ for DIR/plan-FROM-TO.md [default: stdout].",
)
@force_option
@me_option
@stated_only_option
@common
def plan(
    source: str,
    target: str | None,
    output: str,
    force: bool,
    me_file: Path | None,
    stated_only: bool,
    data_file: tuple[Path, ...],
    lang: str,
    as_json_output: bool,
) -> None:
    """A promotion plan from FROM (or, with --me, from you) to TO, to keep and share.

    The quickest route, then for each move the skills to build (largest gap first) with the
    resources and certifications that build them, the typical years, and the interview
    questions of the role it leads to. Markdown unless FILE ends in .html.
    """
    import os

    from careergraph.errors import NoRouteError
    from careergraph.files import write_file
    from careergraph.no_route import RouteOptions, explain_no_route
    from careergraph.query import find_routes, promotion_plan
    from careergraph.render import json as as_json
    from careergraph.render.messages import say

    kind = _PLAN_FORMATS.get(os.path.splitext(output)[1].lower())
    if kind is None and (
        output == "-"
        or output.endswith(os.sep)
        or (os.path.exists(output) and not os.path.isfile(output))
    ):
        kind = "markdown"  # stdout, a folder, a FIFO or a device (write_file says what may go)
    if kind is None:
        known = ", ".join(_PLAN_FORMATS)
        message = say(lang, "'{file}' should end in one of {known}", file=output, known=known)
        raise click.BadParameter(message, param_hint="'-o' / '--output'")
    career_map, graph = load(data_file)
    asked = graph
    if stated_only:
        from careergraph.graph import stated_only as only_stated

        asked = only_stated(graph)
    start, goal, profile = start_and_goal(career_map, source, target, me_file, lang)
    try:
        (route,) = find_routes(
            asked,
            start,
            goal,
            start_levels=profile.levels(career_map.roles[start]) if profile else None,
            years_done=profile.years_in_role if profile else 0.0,
        )
    except NoRouteError as error:
        if not stated_only:
            raise
        options = RouteOptions(stated_only=True)
        raise explain_no_route(error, graph, start, goal, options) from None
    result = promotion_plan(career_map, route, profile)
    if kind == "html":
        from careergraph.render.plan_html import plan_html

        document = plan_html(career_map, result, lang)
    else:
        from careergraph.render.markdown import plan_markdown

        document = plan_markdown(career_map, result, lang)
    if output != "-":
        default_name = f"plan-{route.roles[0]}-{route.roles[-1]}.md"
        written = write_file(
            output, document, what="the plan", force=force, default_name=default_name
        )
    if as_json_output:
        emit(as_json.plan_data(career_map, result, lang))
    elif output == "-":
        click.echo(document, nl=False)
    if output != "-":
        report_written(written, err=as_json_output)


def _starting_point(
    career_map: CareerMap, role_name: str | None, me_file: Path | None, lang: str
) -> tuple[str, Profile | None]:
    """The role `reach` and `fit` start from: ROLE or the --me profile's role, never both."""
    from careergraph.cli.reading import read_profile
    from careergraph.render.messages import say

    if (role_name is None) == (me_file is None):
        raise click.UsageError(say(lang, "name a starting ROLE or give --me FILE, not both"))
    if me_file is not None:
        profile = read_profile(me_file, career_map)
        return profile.role, profile
    return role_named(career_map, str(role_name), lang).id, None
