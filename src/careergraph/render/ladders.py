"""Ladders on the canvas: tracks as columns in the order that crosses fewest moves, each role on its
level's row, higher levels higher up."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx

from careergraph.model import Role, Transition, TransitionKind

# Canvas units: a slot holds one role box; a row is one rung of a ladder.
SLOT_WIDTH = 168.0
ROW_HEIGHT = 160.0
COLUMN_PADDING = 26.0  # room left of the boxes for the level marks
COLUMN_GAP = 14.0
HEADER_HEIGHT = 96.0
EXACT_ORDER_LIMIT = 10  # tracks; the exact column order costs 2**n steps


@dataclass(frozen=True)
class Column:
    """One track's column on the canvas."""

    track: str
    left: float
    width: float


@dataclass(frozen=True)
class Layout:
    """Where everything sits: role centres, track columns and the rows each role is on."""

    positions: Mapping[str, tuple[float, float]]
    columns: Sequence[Column]
    rows: Mapping[str, int]


def ladder_layout(
    track_ids: Sequence[str],
    roles: Sequence[Role],
    moves: Sequence[Transition],
) -> Layout:
    """Tracks side by side as columns, each role on its level's row, higher levels higher up."""
    rows = _rows(track_ids, roles, moves)
    by_slot: dict[tuple[str, int], list[Role]] = defaultdict(list)
    for role in roles:
        by_slot[role.track, rows[role.id]].append(role)
    order = _column_order(track_ids, roles, moves)
    columns: list[Column] = []
    left = 0.0
    for track in order:
        widest = max((len(m) for (t, _), m in by_slot.items() if t == track), default=1)
        width = widest * SLOT_WIDTH + 2 * COLUMN_PADDING
        columns.append(Column(track, left, width))
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
    return Layout(positions, columns, rows)


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


def bounds(layout: Layout) -> dict[str, float]:
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


def columns_data(layout: Layout, roles: Sequence[Role]) -> list[dict[str, Any]]:
    """Each column's place and the height of each level mark in it, for the page."""
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
