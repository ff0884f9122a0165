"""vis-network's nodes, edges and options for the drawn roles and moves: colours, dashes, curves."""

from __future__ import annotations

import colorsys
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from careergraph.model import CareerMap, Role, Transition, TransitionKind
from careergraph.query import Route
from careergraph.render.labels import wrap_label, years_text
from careergraph.render.ladders import SLOT_WIDTH, Layout
from careergraph.render.messages import MARKS, say

BEST_ROUTE = "#e4006d"
ALTERNATIVE_ROUTE = "#6a3dcc"
# Every route its own colour: the best, then the alternatives in turn (all 4.5:1 on white).
ROUTE_COLOURS = (BEST_ROUTE, ALTERNATIVE_ROUTE, "#00758f", "#b35000", "#2f7d32", "#8a4f7d")
MOVE_COLOUR = "#64748b"
DIM_OPACITY = 0.22
DIM_TEXT = "#a7b0bb"
TEXT = "#1f2933"
FONT = (
    "system-ui, -apple-system, 'Segoe UI', 'Hiragino Sans', 'Hiragino Kaku Gothic ProN', "
    "'Yu Gothic UI', 'Yu Gothic', YuGothic, Meiryo, 'Noto Sans CJK JP', 'Noto Sans JP', "
    "'Source Han Sans JP', IPAexGothic, IPAGothic, 'TakaoGothic', 'VL Gothic', sans-serif"
)
"""Page text and canvas labels: Japanese system fonts of Windows, macOS and Linux by name, so a
reader with any of them sees Japanese wherever the first fonts have no Japanese glyphs."""

# Tableau-like hues that stay apart from the two route colours.
_PALETTE = (
    "#4e79a7",
    "#f28e2b",
    "#59a14f",
    "#e15759",
    "#76b7b2",
    "#b6992d",
    "#9c755f",
    "#79706e",
    "#499894",
    "#86bcb6",
    "#a0cbe8",
)

_DASHES: Mapping[TransitionKind, bool | list[int]] = {
    TransitionKind.PROMOTION: False,
    TransitionKind.LATERAL: [10, 7],
    TransitionKind.CAREER_CHANGE: [2, 6],
}


def track_colour(index: int) -> str:
    """Track `index`'s colour: the palette's, then evenly spread hues."""
    if index < len(_PALETTE):
        return _PALETTE[index]
    # Beyond the palette, golden-angle hues keep neighbours apart however many tracks there are.
    hue = (index * 0.381966) % 1.0
    red, green, blue = colorsys.hls_to_rgb(hue, 0.45, 0.55)
    return f"#{round(red * 255):02x}{round(green * 255):02x}{round(blue * 255):02x}"


def mix(colour: str, white: float) -> str:
    """`colour` blended with white: 0 keeps it, 1 is white."""
    channels = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    mixed = [round(c + (255 - c) * white) for c in channels]
    return "#" + "".join(f"{c:02x}" for c in mixed)


# -- network items ----------------------------------------------------------------------------


def network_items(
    career_map: CareerMap,
    roles: Sequence[Role],
    moves: Sequence[Transition],
    layout: Layout,
    colours: Mapping[str, str],
    routes: Sequence[Route],
    lang: str,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """vis-network nodes and edges; no `title`, since vis shows titles as HTML."""
    best_roles: set[str] = set(routes[0].roles) if routes else set()
    best_moves = _route_moves(routes[:1])
    other_roles = {r for route in routes[1:] for r in route.roles} - best_roles
    other_moves = _route_moves(routes[1:]) - best_moves
    highlighting = bool(routes)
    lit_roles = best_roles | other_roles
    lit_moves = best_moves | other_moves
    # Each route its own colour; a role or move on several takes the first route's.
    route_colour: dict[str | tuple[str, str], str] = {}
    for number, route in enumerate(routes):
        shade = _route_colour(number)
        for role_id in route.roles:
            route_colour.setdefault(role_id, shade)
        for pair in _route_moves([route]):
            route_colour.setdefault(pair, shade)

    nodes = []
    for role in roles:
        colour = colours[role.track]
        fill = mix(colour, 0.78)
        border, width = colour, 2
        if role.id in best_roles:
            border, width = BEST_ROUTE, 5
        elif role.id in other_roles:
            border, width = route_colour[role.id], 4
        dimmed = highlighting and role.id not in lit_roles
        x, y = layout.positions[role.id]
        nodes.append(
            {
                "id": role.id,
                "label": wrap_label(role.name.get(lang)),
                "x": x,
                "y": y,
                "color": {
                    "background": fill,
                    "border": border,
                    "highlight": {"background": mix(colour, 0.6), "border": border},
                    "hover": {"background": mix(colour, 0.65), "border": border},
                },
                "borderWidth": width,
                "borderWidthSelected": width + 1,
                "opacity": DIM_OPACITY if dimmed else 1.0,
                "font": {"color": DIM_TEXT if dimmed else TEXT},
            }
        )

    pairs = {(m.source, m.target) for m in moves}
    column: dict[float, list[float]] = defaultdict(list)
    for x, y in layout.positions.values():
        column[x].append(y)
    edges = []
    for move in moves:
        pair = (move.source, move.target)
        source_track = career_map.roles[move.source].track
        same_track = source_track == career_map.roles[move.target].track
        colour = colours[source_track] if same_track else MOVE_COLOUR
        line, label = 2.0, {"color": "#334155", "size": 13}
        if pair in best_moves:
            colour, line, label = BEST_ROUTE, 5.0, {"color": BEST_ROUTE, "size": 16}
        elif pair in other_moves:
            shade = route_colour[pair]
            colour, line, label = shade, 3.5, {"color": shade, "size": 15}
        dimmed = highlighting and pair not in lit_moves
        implied = move.basis != "stated"
        if implied and pair not in best_moves and pair not in other_moves:
            colour, line = mix(colour, 0.45), 1.5  # drawn fainter: no source states it
        label_text = years_text(move.years, lang, move.years_estimated)
        if implied:
            label_text += " " + say(lang, MARKS[move.basis])
        edges.append(
            {
                "id": f"{move.source}->{move.target}",
                "from": move.source,
                "to": move.target,
                "kind": move.kind.value,
                "basis": move.basis,
                "label": label_text,
                "dashes": _DASHES[move.kind],
                "width": line,
                "color": {
                    "color": colour,
                    "highlight": colour,
                    "hover": colour,
                    "opacity": 0.15 if dimmed else 1.0,
                },
                "font": {"color": DIM_TEXT} if dimmed else label,
                "smooth": _curve(pair, layout, pairs, column),
            }
        )
    return nodes, edges


def _route_colour(number: int) -> str:
    """Route `number`'s colour (0 is the best route); beyond the list, colours repeat."""
    return ROUTE_COLOURS[number % len(ROUTE_COLOURS)]


def _route_moves(routes: Iterable[Route]) -> set[tuple[str, str]]:
    return {(s.transition.source, s.transition.target) for route in routes for s in route.steps}


def _curve(
    pair: tuple[str, str],
    layout: Layout,
    pairs: set[tuple[str, str]],
    column: Mapping[float, list[float]],
) -> bool | dict[str, Any]:
    """Straight up one rung; bent around the roles in between; otherwise a gentle curve."""
    (x1, y1), (x2, y2) = layout.positions[pair[0]], layout.positions[pair[1]]
    if x1 != x2:
        return {"enabled": True, "type": "curvedCW", "roundness": 0.18}
    low, high = sorted((y1, y2))
    in_the_way = any(low < y < high for y in column[x1])
    if in_the_way:
        return {"enabled": True, "type": "curvedCW", "roundness": _bend(high - low)}
    if pair[::-1] in pairs:  # curving both ways keeps a move and its return apart
        return {"enabled": True, "type": "curvedCW", "roundness": 0.18}
    return False


def _bend(length: float) -> float:
    """The least vis `curvedCW` roundness that takes an edge this long past a box beside it."""
    # vis puts the Bezier control point at s * length from the start, turned by s * pi from the
    # edge (s = (roundness + 1) / 2); the curve's middle lies half the control's offset aside.
    for step in range(18, 91, 2):
        roundness = step / 100
        s = (roundness + 1) / 2
        if 0.5 * s * abs(math.cos(s * math.pi)) * length >= SLOT_WIDTH / 2:
            return roundness
    return 0.9


LARGE_DRAWING = 500
"""Roles drawn above which the page trades detail for speed: straight moves, hidden while the
view moves, and no labels too small to read."""


def options(*, large: bool = False) -> dict[str, Any]:
    """Fixed positions and no physics, so the map draws at once and nothing drifts.

    A large drawing hides its moves while it is dragged or zoomed and leaves out labels too small
    to read, so that panning stays smooth (see benchmarks/bench_html.py).
    """
    chosen = _base_options()
    if large:
        chosen["interaction"]["hideEdgesOnDrag"] = True
        chosen["interaction"]["hideEdgesOnZoom"] = True
        chosen["nodes"]["scaling"] = {"label": {"drawThreshold": 6}}
        chosen["edges"]["scaling"] = {"label": {"drawThreshold": 8}}
    return chosen


def _base_options() -> dict[str, Any]:
    return {
        "autoResize": True,
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "hierarchical": {"enabled": False}},
        "interaction": {
            "hover": True,
            "dragNodes": False,
            "multiselect": False,
            "navigationButtons": False,
            # The page's own keys (map.js): arrows pan, + and - zoom, 0 or F fit, each once.
            "keyboard": {"enabled": False},
        },
        "nodes": {
            "shape": "box",
            "margin": {"top": 9, "bottom": 9, "left": 10, "right": 10},
            "widthConstraint": {"minimum": 104, "maximum": 146},
            "shapeProperties": {"borderRadius": 6},
            "font": {"face": FONT, "size": 16, "color": TEXT},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.7}},
            "arrowStrikethrough": False,
            "font": {
                "face": FONT,
                "size": 13,
                "color": "#334155",
                "strokeWidth": 4,
                "strokeColor": "#ffffff",
                "align": "horizontal",
            },
            "selectionWidth": 1.5,
            "hoverWidth": 1.0,
        },
    }
