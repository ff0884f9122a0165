"""The interactive HTML map: ladders as columns, levels as rows, drawn with vis-network."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from importlib import resources
from pathlib import Path
from typing import Any

from careergraph.errors import Words
from careergraph.files import write_file
from careergraph.graph import CareerGraph
from careergraph.model import CareerMap, Profile
from careergraph.query import Route
from careergraph.render.ladders import bounds, columns_data, ladder_layout
from careergraph.render.map_data import (
    all_tracks,
    map_data,
    page_notice,
    wrapped_labels,
)
from careergraph.render.messages import legend, move_marks, said
from careergraph.render.network import (
    ALTERNATIVE_ROUTE,
    BEST_ROUTE,
    FONT,
    LARGE_DRAWING,
    MOVE_COLOUR,
    ROUTE_COLOURS,
    network_items,
    options,
    track_colour,
)
from careergraph.render.page_words import _ui
from careergraph.render.panels import (
    Moves,
    in_order,
    role_data,
    route_data,
    skills_about,
    track_data,
)
from careergraph.render.profile import profile_data
from careergraph.render.text_view import text_view
from careergraph.render.vis_network import vis_css, vis_js

__all__ = ["RouteQuestion", "render_html", "write_html"]

GENERATOR = '<meta name="generator" content="careergraph">'
"""In the head of every page careergraph writes: how it knows a file it may replace."""

# Outside strings JSON has none of these; inside, a \u escape means the same to JSON.parse.
# Lone surrogates (YAML allows "\ud800") would not survive encoding the page as UTF-8.
_UNSAFE_IN_SCRIPT = re.compile("[<>&\u2028\u2029\ud800-\udfff]")
_TEMPLATE_MARK = re.compile(r"/\*careergraph:([a-z-]+)\*/")
_SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$", re.MULTILINE)


DRAW_LIMIT = 2_000
"""The most roles a page draws: beyond this the browser takes seconds to draw and to pan."""


@dataclass(frozen=True)
class Drawing:
    """What a page draws: tracks in column order, the roles among them (None: every one), and
    what it leaves out (None: nothing)."""

    tracks: tuple[str, ...]
    roles: frozenset[str] | None = None
    notice: Words | None = None


def choose_drawing(
    career_map: CareerMap,
    graph: CareerGraph,
    *,
    routes: Sequence[Route] = (),
    tracks: Sequence[str] | None = None,
    limit: int = DRAW_LIMIT,
) -> Drawing:
    """The chosen tracks, cut down when they hold more than `limit` roles.

    With routes, a large map is drawn as the routes' roles and the roles one move from them;
    without, as the first tracks that fit. The notice says what was left out and how to choose.
    """
    track_ids = list(dict.fromkeys(tracks)) if tracks is not None else sorted(career_map.tracks)
    per_track = Counter(role.track for role in career_map.roles.values())
    total = sum(per_track[t] for t in track_ids)
    if total <= limit:
        return Drawing(tuple(track_ids))
    if routes:
        on_routes = sorted({role for route in routes for role in route.roles})
        keep = set(on_routes)
        shown = set(track_ids)
        for role in on_routes:
            around = set(graph.successors(role)) | set(graph.predecessors(role))
            for other in sorted(around - keep):
                if len(keep) < limit and career_map.roles[other].track in shown:
                    keep.add(other)
        # A route's roles are drawn even on a track not chosen: the route is the question.
        kept_tracks = {career_map.roles[r].track for r in keep}
        order = [t for t in track_ids if t in kept_tracks]
        order += sorted(kept_tracks - set(order))
        notice = Words.of(
            "this map has {total} roles, more than the {limit} a page draws "
            "smoothly, so the page shows the {kept} on the routes and one "
            "move from them and leaves out the other {left}; use --track to "
            "draw whole ladders",
            total=f"{total:,}",
            limit=f"{limit:,}",
            kept=f"{len(keep):,}",
            left=f"{total - len(keep):,}",
        )
        return Drawing(tuple(order), frozenset(keep), notice)
    chosen: list[str] = []
    count = 0
    for track in track_ids:
        if count + per_track[track] > limit:
            break
        chosen.append(track)
        count += per_track[track]
    if not chosen:
        # The first track alone holds more than a page draws: its lowest rungs that fit.
        track = track_ids[0]
        members = sorted(
            (role for role in career_map.roles.values() if role.track == track),
            key=lambda role: (role.level, role.id),
        )[:limit]
        notice = Words.of(
            "this map has {total} roles, more than the {limit} a page draws "
            "smoothly, and the track '{track}' alone has {size}, so the page "
            "shows its {limit} lowest roles by level and leaves out the "
            "other {left}; use --route to draw a route and the roles around "
            "it",
            total=f"{total:,}",
            limit=f"{limit:,}",
            track=track,
            size=f"{per_track[track]:,}",
            left=f"{total - limit:,}",
        )
        return Drawing((track,), frozenset(role.id for role in members), notice)
    skipped = len(track_ids) - len(chosen)
    notice = Words.of(
        "this map has {total} roles, more than the {limit} a page draws "
        "smoothly, so the page shows the first {shown} of {all} tracks "
        "({count} roles) and leaves out {skipped} tracks ({left} roles); "
        "use --track to choose tracks, or --route to draw a route and "
        "the roles around it",
        total=f"{total:,}",
        limit=f"{limit:,}",
        shown=f"{len(chosen):,}",
        all=f"{len(track_ids):,}",
        count=f"{count:,}",
        skipped=f"{skipped:,}",
        left=f"{total - count:,}",
    )
    return Drawing(tuple(chosen), None, notice)


@dataclass(frozen=True)
class RouteQuestion:
    """The route question a page asks again when it opens (what `path --html` was asked)."""

    source: str
    target: str
    alternatives: int = 0
    via: tuple[str, ...] = ()
    avoid: tuple[str, ...] = ()
    max_steps: int | None = None
    by: str = "years"
    stated_only: bool = False
    from_profile: bool = False

    def as_data(self) -> dict[str, Any]:
        """The question as the page's planner and its URL fragment name it."""
        return {
            "from": self.source,
            "to": self.target,
            "k": self.alternatives,
            "via": list(self.via),
            "avoid": list(self.avoid),
            "maxSteps": self.max_steps,
            "by": self.by,
            "statedOnly": self.stated_only,
            "me": self.from_profile,
        }


def render_html(
    career_map: CareerMap,
    graph: CareerGraph,
    *,
    routes: Sequence[Route] = (),
    tracks: Sequence[str] | None = None,
    lang: str = "en",
    drawing: Drawing | None = None,
    profile: Profile | None = None,
    question: RouteQuestion | None = None,
) -> str:
    """The whole page as one self-contained HTML string.

    `drawing` says what to draw; by default `choose_drawing` decides, so a large map is cut down.
    The page embeds the whole map (see `_map_data`), so it can find routes and compare roles
    itself; `profile` marks the person's role and shades every role by how much of it they meet,
    and `question` is the route question the page asks again when it opens.
    """
    if drawing is None:
        drawing = choose_drawing(career_map, graph, routes=routes, tracks=tracks)
    track_ids = list(drawing.tracks)
    shown = set(track_ids)
    roles = [
        career_map.roles[r]
        for r in sorted(graph.nodes)
        if career_map.roles[r].track in shown and (drawing.roles is None or r in drawing.roles)
    ]
    role_ids = {role.id for role in roles}
    moves = Moves(
        [
            move
            for move in in_order(graph.edges(data="transition"))
            if move.source in role_ids and move.target in role_ids
        ]
    )
    layout = ladder_layout(track_ids, roles, moves.all)
    # Colours follow the whole map's track order, so a track looks the same in every view.
    colours = {track: track_colour(i) for i, track in enumerate(sorted(career_map.tracks))}
    nodes, edges = network_items(career_map, roles, moves.all, layout, colours, routes, lang)
    large = len(roles) > LARGE_DRAWING
    if large:
        # Straight lines draw several times faster than curves (each arrow head on a curve is
        # found by a search along it); the curve is kept for a reader who wants it back.
        for edge in edges:
            edge["curve"], edge["smooth"] = edge["smooth"], False
    data = {
        "lang": lang,
        "title": _ui(lang)["title"],
        "ui": _ui(lang),
        "font": FONT,
        "colours": {"best": BEST_ROUTE, "alternative": ALTERNATIVE_ROUTE, "move": MOVE_COLOUR},
        "tracks": [track_data(career_map, c.track, colours[c.track], lang) for c in layout.columns],
        "columns": columns_data(layout, roles),
        "bounds": bounds(layout),
        "roles": [role_data(career_map, role, moves, lang) for role in roles],
        "skills": skills_about(career_map, roles, lang),
        "routes": [route_data(career_map, route, lang) for route in routes],
        "nodes": nodes,
        "edges": edges,
        "options": options(large=large),
        "notice": said(lang, drawing.notice) if drawing.notice else None,
        # What the marks on moves and years mean, when any is drawn.
        "marksLegend": legend(
            lang,
            move_marks(moves.all)
            | ({"estimated"} if any(r.years_estimated for r in roles) else set()),
        ),
        "pageNotice": page_notice(career_map, len(roles), lang) if drawing.notice else None,
        # With "map", what the search looks through and what `careergraph.reveal` draws from.
        "allTracks": all_tracks(career_map, colours, lang),
        "labels": wrapped_labels(career_map, graph, lang),
        "map": map_data(career_map, graph),
        "profile": None if profile is None else profile_data(profile),
        "question": None if question is None else question.as_data(),
        "routeColours": list(ROUTE_COLOURS),
    }
    return _page(data, text_view(career_map, graph, routes, lang))


def write_html(path: Path, html: str, *, force: bool = False) -> None:
    """Write the page atomically (see `careergraph.files.write_file`); OutputError on failure.

    An existing file is replaced only if careergraph wrote it (it has the GENERATOR mark near the
    top) or `force` is true.
    """
    write_file(path, html, what="the map", marker=GENERATOR.encode("utf-8"), force=force)


# -- the page ---------------------------------------------------------------------------------


def _script_json(data: Any) -> str:
    """JSON safe inside `<script>`: <, >, & and U+2028/9 escaped, so no text can end it early."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _UNSAFE_IN_SCRIPT.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def _page(data: dict[str, Any], text: str = "") -> str:
    here = resources.files("careergraph.render") / "templates"
    ui = data["ui"]
    parts = {
        "lang": escape(data["lang"]),
        "title": escape(data["title"]),
        "font": FONT,
        "skip-text": escape(ui["skip_text"]),
        "text-view": text,
        "vis-css": vis_css(),
        "vis-js": _inline_script(vis_js()),
        "map-css": (here / "map.css").read_text(encoding="utf-8"),
        "map-js": _inline_script((here / "map.js").read_text(encoding="utf-8")),
        "routes-js": _inline_script((here / "routes.js").read_text(encoding="utf-8")),
        "planner-js": _inline_script((here / "planner.js").read_text(encoding="utf-8")),
        "planner-css": (here / "planner.css").read_text(encoding="utf-8"),
        "data": _script_json(data),
    }
    template = (here / "map.html").read_text(encoding="utf-8")
    return _TEMPLATE_MARK.sub(lambda match: parts[match.group(1)], template)


def _inline_script(code: str) -> str:
    """Script text that cannot end its element early and asks for no source map."""
    return _SOURCE_MAP.sub("", code).replace("</script", "<\\/script").replace("<!--", "<\\!--")
