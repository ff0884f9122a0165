"""Suggested moves, on the bundled map and generated ones: named by the change of level, and
never past a rung of the target's ladder."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks.generate import write_map

from careergraph.graph import build_graph
from careergraph.load import load_paths
from careergraph.model import CareerMap, Role, TransitionKind
from careergraph.similar import move_kind_between, suggested_moves
from tests.conftest import DEFAULT_DATA, FIXTURES


def level_on(career_map: CareerMap, role: Role, track: str) -> int | None:
    """The lowest level of a role on `track` that a lateral move in the data joins `role` to."""
    joined = [
        career_map.roles[other].level
        for move in career_map.transitions
        if move.kind is TransitionKind.LATERAL
        for mine, other in ((move.source, move.target), (move.target, move.source))
        if mine == role.id and career_map.roles[other].track == track != role.track
    ]
    return min(joined, default=None)


def expected_kind(career_map: CareerMap, source: Role, target: Role) -> TransitionKind:
    mine, theirs = source.level, target.level
    if (seen := level_on(career_map, source, target.track)) is not None:
        mine = seen
    elif (seen := level_on(career_map, target, source.track)) is not None:
        theirs = seen
    if theirs > mine:
        return TransitionKind.PROMOTION
    if theirs == mine:
        return TransitionKind.LATERAL
    return TransitionKind.CAREER_CHANGE


def skipped_rungs(career_map: CareerMap, source: Role, target: Role) -> list[str]:
    """Roles of the target's track strictly between the source's level (as it stands on that
    ladder where a lateral move says so) and the target's."""
    seen = level_on(career_map, source, target.track)
    level = source.level if seen is None else seen
    return [r.id for r in career_map.roles_in_track(target.track) if level < r.level < target.level]


def check(career_map: CareerMap, at_least: float) -> int:
    graph = build_graph(career_map)
    moves = suggested_moves(career_map, graph, at_least=at_least)
    for move, _ in moves:
        source, target = career_map.roles[move.source], career_map.roles[move.target]
        assert move.kind is expected_kind(career_map, source, target), (move.source, move.target)
        assert skipped_rungs(career_map, source, target) == [], (move.source, move.target)
        if source.track == target.track:
            assert target.level >= source.level
    return len(moves)


@pytest.mark.parametrize("at_least", [0.3, 0.45, 0.6])
def test_the_bundled_maps_suggestions(at_least: float) -> None:
    assert check(load_paths(DEFAULT_DATA), at_least) > 0


@pytest.mark.parametrize(("roles", "at_least"), [(120, 0.4), (300, 0.45), (600, 0.35)])
@pytest.mark.slow
def test_generated_maps_suggestions(roles: int, at_least: float, tmp_path: Path) -> None:
    career_map = load_paths(write_map(roles, tmp_path / f"roles-{roles}.yaml"))
    assert check(career_map, at_least) > 0


def test_a_move_up_a_level_is_a_promotion_across_tracks_or_not() -> None:
    roles = load_paths(FIXTURES / "compare" / "similar.yaml").roles
    assert move_kind_between(roles["data_engineer"], roles["senior_analyst"]).value == "promotion"
    assert move_kind_between(roles["engineer"], roles["architect"]).value == "promotion"
    assert move_kind_between(roles["engineer"], roles["analyst"]).value == "lateral"
    assert move_kind_between(roles["architect"], roles["analyst"]).value == "career_change"


def test_a_suggestion_never_skips_a_rung(tmp_path: Path) -> None:
    data = tmp_path / "ladder.yaml"
    data.write_text(
        "version: 1\n"
        "tracks: {dev: {name: Dev}, ops: {name: Ops}}\n"
        "skills: {a: {name: A, category: technical}, b: {name: B, category: soft}}\n"
        "roles:\n"
        "  dev1: {name: Dev 1, track: dev, level: 1, years: 2, skills: {a: 2, b: 2}}\n"
        "  ops1: {name: Ops 1, track: ops, level: 1, years: 2, skills: {a: 1, b: 1}}\n"
        "  ops2: {name: Ops 2, track: ops, level: 2, years: 2, skills: {a: 2, b: 3}}\n"
        "  ops3: {name: Ops 3, track: ops, level: 3, years: 2, skills: {a: 2, b: 2}}\n"
        "transitions:\n"
        "  - {from: ops1, to: ops2, kind: promotion}\n"
        "  - {from: ops2, to: ops3, kind: promotion}\n",
        encoding="utf-8",
    )
    career_map = load_paths(data)
    found = {
        (m.source, m.target, m.kind.value)
        for m, _ in suggested_moves(
            career_map, build_graph(career_map), source=career_map.roles["dev1"], at_least=0.6
        )
    }
    # ops3 asks the very same levels, but dev1 (level 1) has not reached ops2's rung.
    assert ("dev1", "ops3", "promotion") not in found
    assert ("dev1", "ops2", "promotion") in found


def test_ladders_lined_up_by_lateral_moves_compare_levels_on_one_ladder() -> None:
    # Medium's Group Lead is rung 1 of the managers' ladder, level with the Senior Engineer
    # (rung 3) by a lateral move: from Engineer II (rung 2) it is a promotion, not a step down.
    medium = (
        Path(__file__).resolve().parent.parent / "examples" / "medium-snowflake" / "medium.yaml"
    )
    career_map = load_paths(medium)
    found = {
        (m.source, m.target): m.kind.value
        for m, _ in suggested_moves(career_map, build_graph(career_map))
    }
    assert found["medium_engineer_2", "medium_group_lead"] == "promotion"
    assert found["medium_senior_engineer", "medium_senior_group_lead"] == "promotion"
    assert found["medium_staff_engineer", "medium_director_of_engineering"] == "promotion"
    roles = career_map.roles
    assert (
        move_kind_between(roles["medium_engineer_2"], roles["medium_group_lead"]).value
        == "career_change"
    ), "by the rungs' own numbers alone"
