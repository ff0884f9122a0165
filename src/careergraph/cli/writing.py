"""What commands write: JSON, the HTML map, the names of files written, a browser opened."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NoReturn

import click

from careergraph.cli.streams import tell

if TYPE_CHECKING:
    from careergraph.files import Written
    from careergraph.graph import CareerGraph
    from careergraph.model import CareerMap, Profile
    from careergraph.query import Route
    from careergraph.render.html import RouteQuestion


def emit(data: Any) -> None:
    """Print `data` as JSON on stdout."""
    from careergraph.render.json import dumps

    click.echo(dumps(data))


def write_map(
    career_map: CareerMap,
    graph: CareerGraph,
    output: str,
    *,
    routes: Sequence[Route] = (),
    tracks: Sequence[str] | None = None,
    lang: str,
    force: bool = False,
    default_name: str,
    profile: Profile | None = None,
    question: RouteQuestion | None = None,
) -> Written:
    """Write the HTML map to `output` (see `careergraph.files`) and return where it went.

    `profile` puts the person on the map; `question` is the route question the page asks again.
    """
    from careergraph.files import write_file
    from careergraph.render.html import (  # the map renderer only when a map is asked
        GENERATOR,
        choose_drawing,
        render_html,
    )

    drawing = choose_drawing(career_map, graph, routes=routes, tracks=tracks)
    if drawing.notice:
        from careergraph.catalogue import said, say

        tell(say(lang, "note: {notice}", notice=said(lang, drawing.notice)))
    page = render_html(
        career_map,
        graph,
        routes=routes,
        lang=lang,
        drawing=drawing,
        profile=profile,
        question=question,
    )
    marker = GENERATOR.encode("utf-8")
    return write_file(
        output, page, what="the map", marker=marker, force=force, default_name=default_name
    )


def report_written(written: Written, *, err: bool = False) -> None:
    """Name the file written, on stdout (stderr with `err`); nothing for stdout or a stream."""
    if not written.is_file:
        return
    if err:
        tell(str(written))
    else:
        click.echo(str(written))


def refuse_stdout_twice(option: str, lang: str) -> NoReturn:
    """Refuse `option -` where the command prints something else on stdout as well."""
    from careergraph.errors import CareerGraphError, Words

    raise CareerGraphError(
        Words.of(
            "{option} - would print on stdout beside the command's own answer: name a file",
            option=option,
        )
    )


def open_file(file: str) -> None:
    """Open a written file in the user's browser."""
    import webbrowser
    from pathlib import Path

    webbrowser.open(Path(file).resolve().as_uri())
