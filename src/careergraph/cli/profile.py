"""Questions about yourself: a profile to start from, roles within reach, a promotion plan."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import click

from careergraph.cli.base import (
    cli,
    common,
    emit,
    load,
    me_option,
    profile_data,
    start_and_goal,
    track_ids,
)

if TYPE_CHECKING:
    from pathlib import Path

    from careergraph.model import Profile

DEFAULT_PROFILE = "me.yaml"
_PLAN_FORMATS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}


@cli.group()
def me() -> None:
    """Your profile: the role you hold, your own skill levels, the years you have served."""


def _finite_years(ctx: click.Context, param: click.Parameter, value: float) -> float:
    """--within as given, unless it is infinite or not a number (FloatRange lets both through)."""
    if not math.isfinite(value):
        raise click.BadParameter(f"{value} is not a finite number of years")
    return value


@me.command(name="init")
@click.argument("role_name", metavar="ROLE")
@click.option(
    "-o",
    "--output",
    default=DEFAULT_PROFILE,
    show_default=True,
    metavar="FILE",
    help="Where to write the profile; '-' prints it instead.",
)
@click.option("--force", is_flag=True, help="Replace the file if it already exists.")
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
    from careergraph.errors import CareerGraphError
    from careergraph.files import write_file
    from careergraph.load.profile import parse_profile
    from careergraph.query import find_role
    from careergraph.render.messages import say
    from careergraph.render.profile import starter_profile

    career_map, _ = load(data_file)
    role = find_role(career_map, role_name)
    text = starter_profile(career_map, role, lang)
    # The starter must read back as a valid profile; a failure here is a bug, not a user error.
    written = parse_profile(text, career_map, output)
    if output == "-":
        click.echo(text, nl=False)
        return
    from pathlib import Path

    target = Path(output)
    if target.exists() and not target.is_dir() and not force:  # write_file refuses a folder
        raise CareerGraphError(say(lang, "me.exists", file=target))
    write_file(target, text, what="the profile")
    if as_json_output:
        emit(profile_data(written))
    else:
        click.echo(say(lang, "me.written", role=role.name.get(lang), file=target))


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
@common
def reach(
    role_name: str | None,
    within: float,
    me_file: Path | None,
    data_file: tuple[Path, ...],
    lang: str,
    as_json_output: bool,
) -> None:
    """Roles reachable from ROLE (or, with --me, from you) within YEARS, nearest first."""
    from careergraph.cli.base import read_profile
    from careergraph.query import find_role, reachable_roles
    from careergraph.render import text as as_text
    from careergraph.render.messages import say

    career_map, graph = load(data_file)
    profile: Profile | None = None
    if (role_name is None) == (me_file is None):
        raise click.UsageError(say(lang, "usage.reach_start"))
    if me_file is not None:
        profile = read_profile(me_file, career_map)
        start = profile.role
    else:
        start = find_role(career_map, str(role_name)).id
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
    data = {
        "from": start,
        "within": within,
        "roles": [
            {
                "id": r.role,
                "name": career_map.roles[r.role].name.get(lang),
                "years": r.route.years,
                "steps": len(r.route.steps),
                "gap_size": r.gap.size,
                "route": list(r.route.roles),
            }
            for r in found
        ],
    }
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
    from careergraph.cli.base import read_profile
    from careergraph.fit import role_fits
    from careergraph.query import find_role
    from careergraph.render import text as as_text
    from careergraph.render.messages import say

    career_map, graph = load(data_file)
    profile: Profile | None = None
    if (role_name is None) == (me_file is None):
        raise click.UsageError(say(lang, "usage.reach_start"))
    if me_file is not None:
        profile = read_profile(me_file, career_map)
        start = profile.role
    else:
        start = find_role(career_map, str(role_name)).id
    have = profile.levels(career_map.roles[start]) if profile else career_map.roles[start].skills
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
    help="Write the plan to FILE: .md for Markdown, .html for a printable page [default: stdout].",
)
@me_option
@common
def plan(
    source: str,
    target: str | None,
    output: str,
    me_file: Path | None,
    data_file: tuple[Path, ...],
    lang: str,
    as_json_output: bool,
) -> None:
    """A promotion plan from FROM (or, with --me, from you) to TO, to keep and share.

    The quickest route, then for each move the skills to build (largest gap first) with the
    resources and certifications that build them, the typical years, and the interview
    questions of the role it leads to. Markdown unless FILE ends in .html.
    """
    from pathlib import Path

    from careergraph.files import write_file
    from careergraph.query import find_routes, promotion_plan
    from careergraph.render import json as as_json
    from careergraph.render.messages import say

    kind = "markdown" if output == "-" else _PLAN_FORMATS.get(Path(output).suffix.lower())
    if kind is None and not Path(output).is_dir():  # write_file says what is wrong with a folder
        known = ", ".join(_PLAN_FORMATS)
        message = say(lang, "usage.plan_suffix", file=output, known=known)
        raise click.BadParameter(message, param_hint="'-o' / '--output'")
    career_map, graph = load(data_file)
    start, goal, profile = start_and_goal(career_map, source, target, me_file, lang)
    (route,) = find_routes(
        graph,
        start,
        goal,
        start_levels=profile.levels(career_map.roles[start]) if profile else None,
        years_done=profile.years_in_role if profile else 0.0,
    )
    result = promotion_plan(career_map, route, profile)
    if kind == "html":
        from careergraph.render.plan_html import plan_html

        document = plan_html(career_map, result, lang)
    else:
        from careergraph.render.markdown import plan_markdown

        document = plan_markdown(career_map, result, lang)
    if output != "-":
        written = write_file(Path(output), document, what="the plan")
    if as_json_output:
        emit(as_json.plan_data(career_map, result, lang))
    elif output == "-":
        click.echo(document, nl=False)
    if output != "-":
        click.echo(str(written), err=as_json_output)
