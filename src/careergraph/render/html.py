"""The interactive HTML map: ladders as columns, levels as rows, drawn with pyvis's vis-network."""

from __future__ import annotations

import colorsys
import json
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from careergraph.files import write_file
from careergraph.graph import CareerGraph
from careergraph.model import (
    CareerMap,
    PointsRequirement,
    Profile,
    Role,
    Text,
    Transition,
    TransitionKind,
)
from careergraph.query import Route, SkillChange
from careergraph.render.messages import estimated, estimated_so_far, legend, move_marks, say
from careergraph.render.text import points_skills, years

__all__ = ["RouteQuestion", "render_html", "write_html"]

# Canvas units: a slot holds one role box; a row is one rung of a ladder.
GENERATOR = '<meta name="generator" content="careergraph">'
"""In the head of every page careergraph writes: how it knows a file it may replace."""
SLOT_WIDTH = 168.0
ROW_HEIGHT = 160.0
COLUMN_PADDING = 26.0  # room left of the boxes for the level marks
COLUMN_GAP = 14.0
HEADER_HEIGHT = 96.0
EXACT_ORDER_LIMIT = 10  # tracks; the exact column order costs 2**n steps

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

_UI: Mapping[str, Mapping[str, str]] = {
    "en": {
        "title": "Career map",
        "search": "Find a role by any name or alias",
        "no_match": "No role matches",
        "hint": "Hover over or click a role to see what it asks for.",
        "track": "Track",
        "level": "Level",
        "typical_years": "typically {years}",
        "skills": "Required skills",
        "responsibilities": "Responsibilities",
        "aliases": "Also called",
        "role_title": "Title",
        "moves_out": "Moves from here",
        "moves_in": "Moves into here",
        "sources": "Sources",
        "best_route": "Best route",
        "alternatives": "Alternatives",
        "alternative": "Alternative",
        "total": "Total",
        "moves": "moves",
        "move": "move",
        "so_far": "so far",
        "build": "Build",
        "nothing_new": "nothing new",
        "tracks": "Tracks",
        "kinds": "Moves",
        "promotion": "promotion",
        "lateral": "lateral move",
        "career_change": "career change",
        "routes_legend": "Routes",
        "note": "Note",
        "year_suffix": "y",
        "page_notice": (
            "This map has {total} roles; to stay smooth, the page draws {drawn} of them. "
            "The search finds every role, and choosing one that is not drawn draws it and the "
            "roles one move from it."
        ),
        "legend": "Legend",
        "zoom_in": "Zoom in",
        "zoom_out": "Zoom out",
        "fit": "Fit the whole map",
        "map_controls": "Map view",
        "shortcuts": (
            "Keys: + zoom in, - zoom out, 0 or F fit the whole map; "
            "arrow keys pan when the map has focus."
        ),
        "map_label": (
            "Career map: {roles} roles in {tracks} tracks, drawn as ladders. "
            "The text view lists every role and move."
        ),
        "map_role": "map",
        "skip_text": "Skip to the text view",
        "text_view": "Text view",
        "text_view_title": "Roles and moves as text",
        "back_to_map": "Back to the map",
        "level_of": "level {level} of 5",
        "selected": "Selected: {name}, {meta}",
        "route_announce": "{label}: {names}. {total}",
        "matches": "{count} roles match",
        "one_match": "1 role matches",
        "hide_panel": "Hide the details",
        "show_panel": "Show the details",
        "resize_panel": "Resize the details",
        "role": "Role",
        "stay": "Typical stay",
        "from": "From",
        "to": "To",
        "kind": "Kind",
        "takes": "Takes",
        "roles_in_track": "Roles",
        "moves_from_track": "Moves from these roles",
        "not_drawn": "Drawn on demand: this role was not on the first view of this large map.",
        "planner": "Find a route",
        "plan_from": "From",
        "plan_to": "To",
        "swap": "Swap from and to",
        "find_route": "Find routes",
        "clear_route": "Clear",
        "alternatives_count": "Alternatives",
        "via": "Via",
        "avoid": "Avoid",
        "max_steps": "Max steps",
        "rank_by": "Rank by",
        "by_years": "years",
        "by_steps": "steps",
        "by_gap": "skills to build",
        "stated_only": "Stated moves only",
        "role_placeholder": "Name, alias or id",
        "roles_placeholder": "Names, comma-separated",
        "route_n": "Route {n}",
        "route_title": "{from} → {to}",
        "levels_to_build": "{levels} levels to build",
        "no_route": "No route from {from} to {to} with these options.",
        "unknown_role": "No role matches: {name}",
        "same_role": "From and To are the same role: choose two different roles.",
        "avoid_on_route": "{role} cannot be both avoided and on the route.",
        "compare_with": "Compare with…",
        "compare": "Compare",
        "compare_title": "{from} → {to}: skills",
        "skill": "Skill",
        "gap_total": "Levels to build",
        "no_gap": "Nothing to build: every skill is already at the level asked.",
        "dropped": "No longer asked",
        "you": "You",
        "your_role": "Your role",
        "from_me": "Start from my profile",
        "met": "{percent}% of this role's skills met",
        "fit_legend": "Skills you meet",
        "years_served": "{years} served in your role",
        "implied": "implied",
        "estimated": "estimated",
        "steep": "steep",
        "route_done": "{count} routes shown",
        "max_steps_error": "Max steps must be at least 1.",
    },
    "ja": {
        "title": "キャリアマップ",
        "search": "職種を名前・別名で検索",
        "no_match": "該当する職種がありません",
        "hint": "職種にカーソルを合わせるかクリックすると、必要なスキルなどを表示します。",
        "track": "トラック",
        "level": "レベル",
        "typical_years": "標準在籍 {years}",
        "skills": "必要なスキル",
        "responsibilities": "主な責任",
        "aliases": "別名",
        "role_title": "肩書き",
        "moves_out": "ここからの移動",
        "moves_in": "ここへの移動",
        "sources": "出典",
        "best_route": "最良ルート",
        "alternatives": "代替ルート",
        "alternative": "代替",
        "total": "合計",
        "moves": "ステップ",
        "move": "ステップ",
        "so_far": "累計",
        "build": "伸ばすスキル",
        "nothing_new": "なし",
        "tracks": "トラック",
        "kinds": "移動の種類",
        "promotion": "昇進",
        "lateral": "横異動",
        "career_change": "キャリアチェンジ",
        "routes_legend": "ルート",
        "note": "メモ",
        "year_suffix": "年",
        "page_notice": (
            "このマップには{total}の職種があります。動きをなめらかに保つため、このページはそのうち"
            "{drawn}を描いています。検索ではすべての職種が見つかり、描かれていない職種を選ぶと、"
            "その職種と1回の移動でつながる職種を描きます。"
        ),
        "legend": "凡例",
        "zoom_in": "拡大",
        "zoom_out": "縮小",
        "fit": "マップ全体を表示",
        "map_controls": "マップの表示",
        "shortcuts": (
            "キー操作: + で拡大、- で縮小、0 または F でマップ全体を表示。"
            "マップにフォーカスがあるときは矢印キーで移動。"
        ),
        "map_label": (
            "キャリアマップ: {tracks}のトラックに{roles}の職種をはしご状に表示。"
            "テキスト表示にすべての職種と移動の一覧があります。"
        ),
        "map_role": "マップ",
        "skip_text": "テキスト表示へ移動",
        "text_view": "テキスト表示",
        "text_view_title": "職種と移動の一覧",
        "back_to_map": "マップに戻る",
        "level_of": "5段階中レベル{level}",
        "selected": "選択: {name}、{meta}",
        "route_announce": "{label}: {names}。{total}",
        "matches": "{count}件の職種が該当",
        "one_match": "1件の職種が該当",
        "hide_panel": "詳細を隠す",
        "show_panel": "詳細を表示",
        "resize_panel": "詳細の高さを変える",
        "role": "職種",
        "stay": "標準在籍",
        "from": "移動元",
        "to": "移動先",
        "kind": "種類",
        "takes": "期間",
        "roles_in_track": "職種",
        "moves_from_track": "これらの職種からの移動",
        "not_drawn": (
            "必要に応じて描画: この職種は大きなマップの最初の表示に含まれていませんでした。"
        ),
        "planner": "ルートを探す",
        "plan_from": "出発",
        "plan_to": "目標",
        "swap": "出発と目標を入れ替える",
        "find_route": "ルートを探す",
        "clear_route": "クリア",
        "alternatives_count": "代替ルート数",
        "via": "経由",
        "avoid": "避ける",
        "max_steps": "最大ステップ数",
        "rank_by": "並べ替え",
        "by_years": "年数",
        "by_steps": "ステップ数",
        "by_gap": "伸ばすスキル",
        "stated_only": "記載された移動のみ",
        "role_placeholder": "名前・別名・ID",
        "roles_placeholder": "名前をカンマ区切りで",
        "route_n": "ルート{n}",
        "route_title": "{from} → {to}",
        "levels_to_build": "伸ばすレベル {levels}",
        "no_route": "この条件では {from} から {to} へのルートがありません。",
        "unknown_role": "「{name}」に該当する職種がありません。",
        "same_role": "出発と目標が同じ職種です。別々の職種を選んでください。",
        "avoid_on_route": "{role} は避ける職種とルート上の職種を兼ねられません。",
        "compare_with": "比較する職種…",
        "compare": "比較",
        "compare_title": "{from} → {to} のスキル",
        "skill": "スキル",
        "gap_total": "伸ばすレベル",
        "no_gap": "伸ばすスキルはありません。どのスキルも必要なレベルに達しています。",
        "dropped": "求められなくなるスキル",
        "you": "あなた",
        "your_role": "あなたの職種",
        "from_me": "自分のプロフィールから始める",
        "met": "この職種のスキルの {percent}% を満たしています",
        "fit_legend": "満たしているスキル",
        "years_served": "現職で {years} 経過",
        "implied": "推定",
        "estimated": "見込み",
        "steep": "急な伸び",
        "route_done": "{count} 件のルートを表示",
        "max_steps_error": "最大ステップ数は1以上にしてください。",
    },
}
_LANGUAGE_NAMES = {"en": "English", "ja": "日本語"}

# Outside strings JSON has none of these; inside, a \u escape means the same to JSON.parse.
# Lone surrogates (YAML allows "\ud800") would not survive encoding the page as UTF-8.
_UNSAFE_IN_SCRIPT = re.compile("[<>&\u2028\u2029\ud800-\udfff]")
_TEMPLATE_MARK = re.compile(r"/\*careergraph:([a-z-]+)\*/")
_SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$", re.MULTILINE)


@dataclass(frozen=True)
class _Column:
    """One track's column on the canvas."""

    track: str
    left: float
    width: float


@dataclass(frozen=True)
class _Layout:
    """Where everything sits: role centres, track columns and the rows each role is on."""

    positions: Mapping[str, tuple[float, float]]
    columns: Sequence[_Column]
    rows: Mapping[str, int]


class _Moves:
    """The shown transitions, in (from, to) order, and indexed by the role they leave or enter."""

    def __init__(self, moves: Sequence[Transition]) -> None:
        self.all = moves
        self.out_of: dict[str, list[Transition]] = defaultdict(list)
        self.into: dict[str, list[Transition]] = defaultdict(list)
        for move in moves:
            self.out_of[move.source].append(move)
            self.into[move.target].append(move)


DRAW_LIMIT = 2_000
"""The most roles a page draws: beyond this the browser takes seconds to draw and to pan."""


@dataclass(frozen=True)
class Drawing:
    """What a page draws: tracks in column order, the roles among them (None: every one), and
    what it leaves out (None: nothing)."""

    tracks: tuple[str, ...]
    roles: frozenset[str] | None = None
    notice: str | None = None


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
        notice = (
            f"this map has {total:,} roles, more than the {limit:,} a page draws smoothly, so "
            f"the page shows the {len(keep):,} on the routes and one move from them and leaves "
            f"out the other {total - len(keep):,}; use --track to draw whole ladders"
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
        notice = (
            f"this map has {total:,} roles, more than the {limit:,} a page draws smoothly, and "
            f"the track '{track}' alone has {per_track[track]:,}, so the page shows its "
            f"{limit:,} lowest roles by level and leaves out the other {total - limit:,}; use "
            "--route to draw a route and the roles around it"
        )
        return Drawing((track,), frozenset(role.id for role in members), notice)
    skipped = len(track_ids) - len(chosen)
    notice = (
        f"this map has {total:,} roles, more than the {limit:,} a page draws smoothly, so the "
        f"page shows the first {len(chosen):,} of {len(track_ids):,} tracks ({count:,} roles) "
        f"and leaves out {skipped:,} tracks ({total - count:,} roles); use --track to choose "
        "tracks, or --route to draw a route and the roles around it"
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
    moves = _Moves(
        [
            move
            for move in _in_order(graph.edges(data="transition"))
            if move.source in role_ids and move.target in role_ids
        ]
    )
    layout = _ladder_layout(track_ids, roles, moves.all)
    # Colours follow the whole map's track order, so a track looks the same in every view.
    colours = {track: _track_colour(i) for i, track in enumerate(sorted(career_map.tracks))}
    nodes, edges = _network_items(career_map, roles, moves.all, layout, colours, routes, lang)
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
        "tracks": [
            _track_data(career_map, c.track, colours[c.track], lang) for c in layout.columns
        ],
        "columns": _columns_data(layout, roles),
        "bounds": _bounds(layout),
        "roles": [_role_data(career_map, role, moves, lang) for role in roles],
        "skills": _skills_about(career_map, roles, lang),
        "routes": [_route_data(career_map, route, lang) for route in routes],
        "nodes": nodes,
        "edges": edges,
        "options": _options(large=large),
        "notice": drawing.notice,
        # What the marks on moves and years mean, when any is drawn.
        "marksLegend": legend(
            lang,
            move_marks(moves.all)
            | ({"estimated"} if any(r.years_estimated for r in roles) else set()),
        ),
        "pageNotice": _page_notice(career_map, len(roles), lang) if drawing.notice else None,
        # With "map", what the search looks through and what `careergraph.reveal` draws from.
        "allTracks": _all_tracks(career_map, colours, lang),
        "labels": _wrapped_labels(career_map, graph, lang),
        "map": _map_data(career_map, graph),
        "profile": None if profile is None else _profile_data(profile),
        "question": None if question is None else question.as_data(),
        "routeColours": list(ROUTE_COLOURS),
    }
    text_view = _text_view(career_map, graph, routes, lang)
    return _page(_through_pyvis(data), text_view)


def write_html(path: Path, html: str, *, force: bool = False) -> None:
    """Write the page atomically (see `careergraph.files.write_file`); OutputError on failure.

    An existing file is replaced only if careergraph wrote it (it has the GENERATOR mark near the
    top) or `force` is true.
    """
    write_file(path, html, what="the map", marker=GENERATOR.encode("utf-8"), force=force)


# -- layout ------------------------------------------------------------------------------------


def _ladder_layout(
    track_ids: Sequence[str],
    roles: Sequence[Role],
    moves: Sequence[Transition],
) -> _Layout:
    """Tracks side by side as columns, each role on its level's row, higher levels higher up."""
    rows = _rows(track_ids, roles, moves)
    by_slot: dict[tuple[str, int], list[Role]] = defaultdict(list)
    for role in roles:
        by_slot[role.track, rows[role.id]].append(role)
    order = _column_order(track_ids, roles, moves)
    columns: list[_Column] = []
    left = 0.0
    for track in order:
        widest = max((len(m) for (t, _), m in by_slot.items() if t == track), default=1)
        width = widest * SLOT_WIDTH + 2 * COLUMN_PADDING
        columns.append(_Column(track, left, width))
        left += width + COLUMN_GAP

    centres = {column.track: column.left + column.width / 2 for column in columns}
    first_pass = {role.id: centres[role.track] for role in roles}
    neighbours: dict[str, list[str]] = defaultdict(list)
    for move in moves:
        neighbours[move.source].append(move.target)
        neighbours[move.target].append(move.source)

    def pull(role: Role) -> float:
        """Where the role's moves lead on the x axis, so boxes in a row face their partners."""
        others = [first_pass[n] for n in neighbours[role.id]]
        return sum(others) / len(others) if others else centres[role.track]

    positions: dict[str, tuple[float, float]] = {}
    for (track, row), members in sorted(by_slot.items()):
        members.sort(key=lambda r: (pull(r), r.id))
        first = centres[track] - (len(members) - 1) * SLOT_WIDTH / 2
        for index, role in enumerate(members):
            positions[role.id] = (first + index * SLOT_WIDTH, -row * ROW_HEIGHT)
    return _Layout(positions, columns, rows)


def _column_order(
    track_ids: Sequence[str], roles: Sequence[Role], moves: Sequence[Transition]
) -> list[str]:
    """Tracks ordered so that tracks sharing many moves sit close together."""
    # The cost is the total column distance of cross-track moves: minimised exactly for a few
    # tracks, by deterministic heuristics beyond that.
    order = sorted(track_ids)
    track_of = {role.id: role.track for role in roles}
    weight: dict[str, dict[str, int]] = {t: defaultdict(int) for t in order}
    for move in moves:
        a, b = track_of[move.source], track_of[move.target]
        if a != b:
            weight[a][b] += 1
            weight[b][a] += 1
    if len(order) <= EXACT_ORDER_LIMIT:
        return _exact_order(order, weight)
    return _swapped(_by_partners(order, weight), weight)


def _exact_order(order: Sequence[str], weight: Mapping[str, Mapping[str, int]]) -> list[str]:
    """The cheapest order, by dynamic programming over the sets of tracks left of a gap."""
    # An order's cost is the sum, over the gaps between columns, of the moves crossing the gap;
    # what crosses a gap depends only on which tracks are left of it, not on their order.
    n = len(order)
    w = [[weight[a].get(b, 0) for b in order] for a in order]
    crossing = [0] * (1 << n)
    for subset in range(1, 1 << n):
        low = (subset & -subset).bit_length() - 1
        rest = subset & ~(1 << low)
        inside = sum(w[low][j] for j in range(n) if rest >> j & 1)
        crossing[subset] = crossing[rest] + sum(w[low]) - 2 * inside
    cost = [0] + [-1] * ((1 << n) - 1)
    last = [-1] * (1 << n)
    for subset in range(1, 1 << n):
        for t in range(n):
            if subset >> t & 1:
                total = cost[subset ^ (1 << t)] + crossing[subset]
                if cost[subset] < 0 or total < cost[subset]:
                    cost[subset], last[subset] = total, t
    result: list[str] = []
    subset = (1 << n) - 1
    while subset:
        result.append(order[last[subset]])
        subset ^= 1 << last[subset]
    return result[::-1]


def _by_partners(order: Sequence[str], weight: Mapping[str, Mapping[str, int]]) -> list[str]:
    """Rounds of sorting tracks by the mean column of their partners; the cheapest order seen."""
    best = list(order)
    best_cost = _order_cost(best, weight)
    current = list(order)
    for _ in range(24):
        at = {track: index for index, track in enumerate(current)}

        def pull(track: str, at: Mapping[str, int] = at) -> tuple[float, int]:
            total = sum(weight[track].values())
            if not total:
                return (float(at[track]), at[track])
            return (sum(at[b] * w for b, w in weight[track].items()) / total, at[track])

        current = sorted(current, key=pull)
        current_cost = _order_cost(current, weight)
        if current_cost < best_cost:
            best, best_cost = list(current), current_cost
    return best


def _swapped(order: list[str], weight: Mapping[str, Mapping[str, int]]) -> list[str]:
    """Neighbouring tracks swapped while that lowers the cost."""
    improved = True
    while improved:
        improved = False
        for i in range(len(order) - 1):
            a, b = order[i], order[i + 1]
            # Swapping a and b moves a one column right and b one left; nothing else moves.
            change = sum(weight[a].get(c, 0) - weight[b].get(c, 0) for c in order[:i])
            change += sum(weight[b].get(c, 0) - weight[a].get(c, 0) for c in order[i + 2 :])
            if change < 0:
                order[i], order[i + 1] = b, a
                improved = True
    return order


def _order_cost(order: Sequence[str], weight: Mapping[str, Mapping[str, int]]) -> int:
    at = {track: index for index, track in enumerate(order)}
    return sum(w * abs(at[a] - at[b]) for a in order for b, w in weight[a].items()) // 2


def _rows(
    track_ids: Sequence[str],
    roles: Sequence[Role],
    moves: Sequence[Transition],
) -> dict[str, int]:
    """Each role's row: its level, with a track lifted above roles promoted into its entry rung."""
    # Only promotions into a track's lowest level lift it; a lift that would make two tracks
    # lift each other is dropped (moves taken in id order), so every map has one answer.
    by_id = {role.id: role for role in roles}
    entry = {t: min((r.level for r in roles if r.track == t), default=1) for t in track_ids}
    lifts: nx.DiGraph[str] = nx.DiGraph()
    lifts.add_nodes_from(track_ids)
    feeds: dict[str, list[Transition]] = defaultdict(list)
    for move in moves:
        source, target = by_id[move.source], by_id[move.target]
        if move.kind is not TransitionKind.PROMOTION or source.track == target.track:
            continue
        if target.level != entry[target.track]:
            continue
        if not lifts.has_edge(source.track, target.track) and nx.has_path(
            lifts, target.track, source.track
        ):
            continue
        lifts.add_edge(source.track, target.track)
        feeds[target.track].append(move)

    offset: dict[str, int] = {}

    def row(role: Role) -> int:
        return role.level - 1 + offset[role.track]

    for track in nx.lexicographical_topological_sort(lifts):
        # The entry rung goes one row above the highest role promoted into it.
        offset[track] = max([0, *(row(by_id[m.source]) + 2 - entry[track] for m in feeds[track])])
    return {role.id: row(role) for role in roles}


def _bounds(layout: _Layout) -> dict[str, float]:
    """The drawn area in canvas units: columns, and the headers above the top row."""
    if not layout.positions:
        return {"left": 0.0, "right": SLOT_WIDTH, "top": -HEADER_HEIGHT, "bottom": ROW_HEIGHT}
    ys = [y for _, y in layout.positions.values()]
    return {
        "left": layout.columns[0].left,
        "right": layout.columns[-1].left + layout.columns[-1].width,
        "top": min(ys) - ROW_HEIGHT / 2 - HEADER_HEIGHT,
        "bottom": max(ys) + ROW_HEIGHT / 2,
    }


def _columns_data(layout: _Layout, roles: Sequence[Role]) -> list[dict[str, Any]]:
    levels: dict[str, dict[int, int]] = defaultdict(dict)
    for role in roles:
        levels[role.track][role.level] = layout.rows[role.id]
    return [
        {
            "track": column.track,
            "left": column.left,
            "width": column.width,
            "levels": [
                {"level": level, "y": -row * ROW_HEIGHT}
                for level, row in sorted(levels[column.track].items())
            ],
        }
        for column in layout.columns
    ]


# -- colours ----------------------------------------------------------------------------------


def _track_colour(index: int) -> str:
    if index < len(_PALETTE):
        return _PALETTE[index]
    # Beyond the palette, golden-angle hues keep neighbours apart however many tracks there are.
    hue = (index * 0.381966) % 1.0
    red, green, blue = colorsys.hls_to_rgb(hue, 0.45, 0.55)
    return f"#{round(red * 255):02x}{round(green * 255):02x}{round(blue * 255):02x}"


def _mix(colour: str, white: float) -> str:
    """`colour` blended with white: 0 keeps it, 1 is white."""
    channels = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    mixed = [round(c + (255 - c) * white) for c in channels]
    return "#" + "".join(f"{c:02x}" for c in mixed)


# -- network items ----------------------------------------------------------------------------


def _network_items(
    career_map: CareerMap,
    roles: Sequence[Role],
    moves: Sequence[Transition],
    layout: _Layout,
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
        fill = _mix(colour, 0.78)
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
                "label": _wrap_label(role.name.get(lang)),
                "x": x,
                "y": y,
                "color": {
                    "background": fill,
                    "border": border,
                    "highlight": {"background": _mix(colour, 0.6), "border": border},
                    "hover": {"background": _mix(colour, 0.65), "border": border},
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
            colour, line = _mix(colour, 0.45), 1.5  # drawn fainter: no source states it
        label_text = _years(move.years, lang, move.years_estimated)
        if implied:
            label_text += " " + say(lang, f"mark.{move.basis}")
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


# A line may not start with these, nor end with the openers (Japanese line-breaking rules).
_NO_LINE_START = frozenset(
    ")]}）」』】〕〉》、。，．・：；！？ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"  # noqa: RUF001
)
_NO_LINE_END = frozenset("([{（「『【〔〈《")  # noqa: RUF001
LABEL_EM = 7.6  # widest label line, in font sizes; vis wraps at spaces, not inside CJK text


def _em(text: str) -> float:
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.6 for ch in text)


def _wrap_label(text: str) -> str:
    """Break words too wide for a box (vis wraps only at spaces) into even lines."""
    return " ".join(_wrap_word(word) if _em(word) > LABEL_EM else word for word in text.split(" "))


def _wrap_word(word: str) -> str:
    lines = _break_word(word, LABEL_EM)
    width = LABEL_EM
    while width > 2:
        narrower = _break_word(word, width - 0.5)
        if len(narrower) != len(lines):
            break
        lines, width = narrower, width - 0.5
    return "\n".join(lines)


def _break_word(word: str, limit: float) -> list[str]:
    """Greedy lines of at most `limit` em, broken only where the rules allow."""
    lines: list[str] = []
    start, last_break, width = 0, 0, 0.0
    for i, ch in enumerate(word):
        if i > start and _may_break(word, i):
            last_break = i
        width += _em(ch)
        if width > limit and last_break > start:
            lines.append(word[start:last_break])
            start = last_break
            width = _em(word[start : i + 1])
    lines.append(word[start:])
    return lines


def _may_break(word: str, i: int) -> bool:
    before, after = word[i - 1], word[i]
    if after in _NO_LINE_START or before in _NO_LINE_END:
        return False
    wide = _em(before) == 1.0 or _em(after) == 1.0
    return wide or before in "-/・" or after in "(（"  # noqa: RUF001


def _route_colour(number: int) -> str:
    """Route `number`'s colour (0 is the best route); beyond the list, colours repeat."""
    return ROUTE_COLOURS[number % len(ROUTE_COLOURS)]


def _route_moves(routes: Iterable[Route]) -> set[tuple[str, str]]:
    return {(s.transition.source, s.transition.target) for route in routes for s in route.steps}


def _curve(
    pair: tuple[str, str],
    layout: _Layout,
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


def _options(*, large: bool = False) -> dict[str, Any]:
    """Fixed positions and no physics, so the map draws at once and nothing drifts.

    A large drawing hides its moves while it is dragged or zoomed and leaves out labels too small
    to read, so that panning stays smooth (see benchmarks/bench_html.py).
    """
    options = _base_options()
    if large:
        options["interaction"]["hideEdgesOnDrag"] = True
        options["interaction"]["hideEdgesOnZoom"] = True
        options["nodes"]["scaling"] = {"label": {"drawThreshold": 6}}
        options["edges"]["scaling"] = {"label": {"drawThreshold": 8}}
    return options


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


# -- panel data -------------------------------------------------------------------------------


def _ui(lang: str) -> Mapping[str, str]:
    return _UI.get(lang, _UI["en"])


def _years(value: float, lang: str, guessed: bool = False) -> str:
    """Years as the text output writes them, with the page language's suffix (3y, 3年), marked
    when they are an estimate (~3y, 約3年)."""
    return estimated(years(value, _ui(lang)["year_suffix"]), guessed, lang)


def _maybe(text: Text | None, lang: str) -> str | None:
    return None if text is None else text.get(lang)


def _track_data(career_map: CareerMap, track: str, colour: str, lang: str) -> dict[str, Any]:
    return {
        "id": track,
        "name": career_map.tracks[track].name.get(lang),
        "colour": colour,
        "tint": _mix(colour, 0.93),
    }


def _role_data(career_map: CareerMap, role: Role, moves: _Moves, lang: str) -> dict[str, Any]:
    names = role.name.as_dict()
    primary = role.name.get(lang)
    skills = sorted(role.skills.items(), key=lambda item: (-item[1], item[0]))
    return {
        "id": role.id,
        "name": primary,
        "otherNames": [
            {"language": _LANGUAGE_NAMES.get(code, code), "name": name}
            for code, name in names.items()
            if name != primary
        ],
        "searchNames": [
            *role.names(),
            *(role.title.all() if role.title else ()),
            *role.titled_names(career_map.tracks[role.track]),
        ],
        "aliases": list(role.aliases),
        "title": _maybe(role.title, lang),
        "track": role.track,
        "trackName": career_map.tracks[role.track].name.get(lang),
        "level": role.level,
        "years": _years(role.years, lang, role.years_estimated),
        "summary": _maybe(role.summary, lang),
        "responsibilities": [r.get(lang) for r in role.responsibilities],
        "skills": [
            {"id": skill, "name": career_map.skills[skill].name.get(lang), "level": level}
            for skill, level in skills
        ],
        "points": [_points_text(career_map, requirement, lang) for requirement in role.points],
        "sources": [
            {"title": career_map.sources[s].title, "url": career_map.sources[s].url}
            for s in role.sources
            if s in career_map.sources
        ],
        "movesOut": [_move_data(career_map, m, m.target, lang) for m in moves.out_of[role.id]],
        "movesIn": [_move_data(career_map, m, m.source, lang) for m in moves.into[role.id]],
    }


def _changes(career_map: CareerMap, changes: Iterable[SkillChange], lang: str) -> list[str]:
    return [
        f"{career_map.skills[c.skill].name.get(lang)} {c.from_level}→{c.to_level}" for c in changes
    ]


def _points_text(career_map: CareerMap, requirement: PointsRequirement, lang: str) -> str:
    """A points requirement in a sentence: the total, and the skills that count (with weights)."""
    skills = points_skills(career_map, requirement, lang)
    return say(lang, "role.points", total=requirement.total, skills=skills)


def _skills_about(
    career_map: CareerMap, roles: Sequence[Role], lang: str
) -> dict[str, dict[str, Any]]:
    """What the panel says on hovering a skill: its description and what each asked level looks
    like, once per skill (a role names the skill by id) and only where there is something to say.
    """
    asked: dict[str, set[int]] = {}
    for role in roles:
        for skill_id, level in role.skills.items():
            asked.setdefault(skill_id, set()).add(level)
    about: dict[str, dict[str, Any]] = {}
    for skill_id in sorted(asked):
        skill = career_map.skills[skill_id]
        levels = {}
        for level in sorted(asked[skill_id]):
            looks = skill.level_text(level, career_map.scale)
            if looks is not None:
                levels[str(level)] = say(lang, "plan.looks_like", level=level, text=looks.get(lang))
        if skill.description is not None or levels:
            about[skill_id] = {"description": _maybe(skill.description, lang), "levels": levels}
    return about


def _in_order(edges: Iterable[tuple[str, str, Transition]]) -> list[Transition]:
    """The transitions on graph edges, by (from, to) id."""
    return sorted((move for _, _, move in edges), key=lambda m: (m.source, m.target))


def _move_data(career_map: CareerMap, move: Transition, other: str, lang: str) -> dict[str, Any]:
    return {
        "role": other,
        "name": career_map.roles[other].name.get(lang),
        "kind": move.kind.value,
        "years": _years(move.years, lang, move.years_estimated),
        "note": _maybe(move.note, lang),
        "basis": move.basis,
        "provenance": _provenance(career_map, move, lang),
    }


def _provenance(career_map: CareerMap, move: Transition, lang: str) -> str:
    """Where a move comes from: "stated in SOURCE", "implied (judgement)" or "inferred"."""
    if move.basis != "stated":
        return say(lang, f"basis.{move.basis}")
    titles = [career_map.sources[s].title for s in move.sources if s in career_map.sources]
    if not titles:
        return say(lang, "basis.stated.plain")
    return say(lang, "basis.stated", sources=say(lang, "list.separator").join(titles))


def _route_data(career_map: CareerMap, route: Route, lang: str) -> dict[str, Any]:
    def name(role_id: str) -> str:
        return career_map.roles[role_id].name.get(lang)

    so_far = estimated_so_far(step.transition for step in route.steps)
    return {
        "roles": list(route.roles),
        "names": [name(r) for r in route.roles],
        "years": _years(route.years, lang, route.years_estimated),
        "steps": [
            {
                "from": step.transition.source,
                "to": step.transition.target,
                "fromName": name(step.transition.source),
                "toName": name(step.transition.target),
                "kind": step.transition.kind.value,
                "basis": step.transition.basis,
                "years": _years(step.transition.years, lang, step.transition.years_estimated),
                "cumulative": _years(step.cumulative_years, lang, so_far[index]),
                "build": [
                    {
                        "name": career_map.skills[change.skill].name.get(lang),
                        "from": change.from_level,
                        "to": change.to_level,
                    }
                    for change in step.gap.build
                ],
                "points": [
                    say(
                        lang,
                        "route.points",
                        missing=p.missing,
                        changes=say(lang, "list.comma").join(
                            _changes(career_map, p.suggested, lang)
                        ),
                    )
                    for p in step.gap.points
                ],
            }
            for index, step in enumerate(route.steps)
        ],
    }


# -- the whole map, for search and drawing on demand -------------------------------------------


def _page_notice(career_map: CareerMap, drawn: int, lang: str) -> str:
    """What a large map's page says about itself, in its language: what it draws and how to
    reach the rest on the page."""
    return _ui(lang)["page_notice"].format(total=f"{len(career_map.roles):,}", drawn=f"{drawn:,}")


def _all_tracks(career_map: CareerMap, colours: Mapping[str, str], lang: str) -> dict[str, Any]:
    """Every track of the map, drawn or not: id → name and colours, for roles drawn on demand."""
    return {
        track: {
            "name": career_map.tracks[track].name.get(lang),
            "colour": colours[track],
            "fill": _mix(colours[track], 0.78),
            "highlight": _mix(colours[track], 0.6),
            "hover": _mix(colours[track], 0.65),
            "tint": _mix(colours[track], 0.93),
        }
        for track in sorted(career_map.tracks)
    }


def _wrapped_labels(career_map: CareerMap, graph: CareerGraph, lang: str) -> dict[str, str]:
    """The box label of every role whose name in `lang` a box must break (vis wraps only at
    spaces); any other role's label is its name, read from the embedded map."""
    labels = {}
    for role_id in sorted(graph.nodes):
        name = career_map.roles[role_id].name.get(lang)
        label = _wrap_label(name)
        if label != name:
            labels[role_id] = label
    return labels


def _text_view(
    career_map: CareerMap, graph: CareerGraph, routes: Sequence[Route], lang: str
) -> str:
    """The map as text, rendered here so it reads without JavaScript: the routes as lists, then
    track by track a table of its roles and a table of the moves out of them."""
    ui = _ui(lang)
    out = [f'<h2 id="text-view-title" tabindex="-1">{_esc(ui["text_view_title"])}</h2>']
    names = {r: career_map.roles[r].name.get(lang) for r in graph.nodes}
    for number, route in enumerate(routes):
        label = ui["best_route"] if number == 0 else f"{ui['alternative']} {number}"
        total = f"{ui['total']}: {_years(route.years, lang)}"
        out.append(f"<h3>{_esc(label)}</h3><ol>")
        for step in route.steps:
            move = step.transition
            meta = f"{ui[move.kind.value]} · {_years(move.years, lang)}"
            out.append(
                f"<li>{_esc(names[move.source])} → {_esc(names[move.target])} ({_esc(meta)})</li>"
            )
        out.append(f"</ol><p>{_esc(total)}</p>")
    moves = _Moves(_in_order(graph.edges(data="transition")))
    by_track: dict[str, list[Role]] = defaultdict(list)
    for role_id in sorted(graph.nodes):
        role = career_map.roles[role_id]
        by_track[role.track].append(role)
    for track in sorted(by_track, key=lambda t: career_map.tracks[t].name.get(lang)):
        members = sorted(by_track[track], key=lambda r: (r.level, names[r.id], r.id))
        name = _esc(career_map.tracks[track].name.get(lang))
        out.append(f'<section class="text-track"><h3>{name}</h3>')
        head = [ui["role"], ui["level"], ui["stay"], ui["aliases"]]
        out.append(f'<table class="text-roles"><caption>{_esc(ui["roles_in_track"])}</caption>')
        out.append(_head(head))
        out.append("<tbody>")
        for role in members:
            out.append(
                f'<tr><th scope="row" id="text-{_esc(role.id)}">{_esc(names[role.id])}</th>'
                f"<td>{role.level}</td><td>{_esc(_years(role.years, lang))}</td>"
                f"<td>{_esc(', '.join(role.aliases))}</td></tr>"
            )
        out.append("</tbody></table>")
        leaving = [m for role in members for m in moves.out_of[role.id]]
        if leaving:
            head = [ui["from"], ui["to"], ui["kind"], ui["takes"]]
            caption = _esc(ui["moves_from_track"])
            out.append(
                f'<table class="text-moves"><caption>{caption}</caption>{_head(head)}<tbody>'
            )
            for move in leaving:
                out.append(
                    f"<tr><td>{_esc(names[move.source])}</td>"
                    f'<td><a href="#text-{_esc(move.target)}">{_esc(names[move.target])}</a>'
                    f"</td><td>{_esc(ui[move.kind.value])}</td>"
                    f"<td>{_esc(_years(move.years, lang))}</td></tr>"
                )
            out.append("</tbody></table>")
        out.append("</section>")
    return "\n".join(out)


def _head(cells: Sequence[str]) -> str:
    return (
        "<thead><tr>" + "".join(f'<th scope="col">{_esc(c)}</th>' for c in cells) + "</tr></thead>"
    )


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _esc(text: str) -> str:
    """Text for HTML; a lone surrogate (YAML allows "\\ud800") cannot be written as UTF-8."""
    return escape(_LONE_SURROGATE.sub("\ufffd", text))


# -- the whole map, for the page's own route finding and comparing ---------------------------

_BASES = ("stated", "implied", "inferred")
_KINDS = tuple(kind.value for kind in TransitionKind)


def _text_data(text: Text | None) -> str | dict[str, str] | None:
    """A text compactly: a plain string when it has one translation, else by language."""
    if text is None:
        return None
    translations = text.as_dict()
    return next(iter(translations.values())) if len(translations) == 1 else translations


def _levels_data(levels: Mapping[int, Text]) -> dict[str, Any] | None:
    return {str(level): _text_data(t) for level, t in sorted(levels.items())} or None


def _map_data(career_map: CareerMap, graph: CareerGraph) -> dict[str, Any]:
    """Every role, move and skill of the map, as compact arrays that index one another.

    The page finds routes and compares roles from this, so it holds the whole map even where
    only part of it is drawn. map.js documents the shape (`window.careergraph.map`).
    """
    skill_ids = sorted(career_map.skills)
    skill_at = {skill: index for index, skill in enumerate(skill_ids)}
    track_ids = sorted(career_map.tracks)
    track_at = {track: index for index, track in enumerate(track_ids)}
    role_ids = sorted(graph.nodes)
    role_at = {role: index for index, role in enumerate(role_ids)}
    roles = []
    for role_id in role_ids:
        role = career_map.roles[role_id]
        levels: list[int] = []
        for skill, level in sorted(role.skills.items()):
            levels += (skill_at[skill], level)
        row: list[Any] = [
            role.id,
            _text_data(role.name),
            list(role.aliases),
            track_at[role.track],
            role.level,
            role.years,
            levels,
        ]
        if getattr(role, "years_estimated", False):
            row.append(1)
        roles.append(row)
    moves = []
    for move in _in_order(graph.edges(data="transition")):
        basis = getattr(move, "basis", "inferred" if move.inferred else "stated")
        moves.append(
            [
                role_at[move.source],
                role_at[move.target],
                _KINDS.index(move.kind.value),
                move.years,
                _BASES.index(basis) if basis in _BASES else 0,
                1 if getattr(move, "years_estimated", False) else 0,
                _text_data(move.note),
            ]
        )
    skills = []
    for skill_id in skill_ids:
        entry = career_map.skills[skill_id]
        skills.append(
            [
                entry.id,
                _text_data(entry.name),
                str(entry.category),
                _text_data(entry.description),
                _levels_data(getattr(entry, "levels", {})),
            ]
        )
    return {
        "kinds": list(_KINDS),
        "bases": list(_BASES),
        "tracks": [[t, _text_data(career_map.tracks[t].name)] for t in track_ids],
        "skills": skills,
        "roles": roles,
        "moves": moves,
        "scale": _levels_data(getattr(career_map, "scale", {})),
    }


def _profile_data(profile: Profile) -> dict[str, Any]:
    """The person on the map, as the JSON outputs report a profile."""
    return {
        "file": profile.path,
        "role": profile.role,
        "skills": dict(profile.skills),
        "years_in_role": profile.years_in_role,
    }


# -- the page ---------------------------------------------------------------------------------


def _through_pyvis(data: dict[str, Any]) -> dict[str, Any]:
    """Hand nodes, edges and options to a pyvis `Network` and take its network data back."""
    from pyvis.network import Network  # slow to import (it pulls in IPython): only for a map

    network = Network(directed=True, cdn_resources="in_line", height="100%", width="100%")
    # Filled directly: `add_node` checks every earlier id, which is quadratic in the map's size.
    network.nodes = data["nodes"]
    network.edges = data["edges"]
    network.options = data["options"]
    nodes, edges, _, _, _, options = network.get_network_data()
    return {**data, "nodes": nodes, "edges": edges, "options": json.loads(options)}


def _script_json(data: Any) -> str:
    """JSON safe inside `<script>`: <, >, & and U+2028/9 escaped, so no text can end it early."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _UNSAFE_IN_SCRIPT.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def _page(data: dict[str, Any], text_view: str = "") -> str:
    here = resources.files("careergraph.render") / "templates"
    vis = _vis_folder()
    ui = data["ui"]
    parts = {
        "lang": escape(data["lang"]),
        "title": escape(data["title"]),
        "font": FONT,
        "skip-text": escape(ui["skip_text"]),
        "text-view": text_view,
        "vis-css": (vis / "vis-network.css").read_text(encoding="utf-8"),
        "vis-js": _inline_script((vis / "vis-network.min.js").read_text(encoding="utf-8")),
        "map-css": (here / "map.css").read_text(encoding="utf-8"),
        "map-js": _inline_script((here / "map.js").read_text(encoding="utf-8")),
        "routes-js": _inline_script((here / "routes.js").read_text(encoding="utf-8")),
        "planner-js": _inline_script((here / "planner.js").read_text(encoding="utf-8")),
        "planner-css": (here / "planner.css").read_text(encoding="utf-8"),
        "data": _script_json(data),
    }
    template = (here / "map.html").read_text(encoding="utf-8")
    return _TEMPLATE_MARK.sub(lambda match: parts[match.group(1)], template)


def _vis_folder() -> Path:
    import pyvis

    return Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"


def _inline_script(code: str) -> str:
    """Script text that cannot end its element early and asks for no source map."""
    return _SOURCE_MAP.sub("", code).replace("</script", "<\\/script").replace("<!--", "<\\!--")
