"""`careergraph fit`: where a person stands against every role, and how far each one is."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner, Result
from hypothesis import given
from hypothesis import strategies as st

from careergraph.cli import cli
from careergraph.fit import met_share, role_fits
from careergraph.graph import build_graph
from careergraph.load import load_paths
from careergraph.query import find_routes
from tests.conftest import DEFAULT_DATA, FIXTURES

MAP = FIXTURES / "levels" / "map.yaml"
ME = FIXTURES / "levels" / "me.yaml"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["--data", str(MAP), *args], catch_exceptions=False)


def test_met_counts_each_level_held_up_to_the_level_asked() -> None:
    asked = {"coding": 4, "planning": 2, "pmp": 3}
    # 4 of coding (5 held counts as 4), 1 of planning, none of pmp: 5 of 9.
    assert met_share({"coding": 5, "planning": 1, "sql": 5}, asked) == (5 / 9, 4)
    assert met_share({}, asked) == (0.0, 9)
    assert met_share({"coding": 1}, {}) == (1.0, 0)


@given(
    have=st.dictionaries(st.sampled_from("abcdef"), st.integers(0, 5)),
    asked=st.dictionaries(st.sampled_from("abcdef"), st.integers(1, 5)),
)
def test_met_is_a_share_and_missing_is_what_is_left(
    have: dict[str, int], asked: dict[str, int]
) -> None:
    met, missing = met_share(have, asked)
    assert 0.0 <= met <= 1.0
    assert missing == sum(max(0, level - have.get(skill, 0)) for skill, level in asked.items())
    assert (met == 1.0) == (missing == 0)


EXPECTED_EN = """\
Roles by the share of what they ask that Junior developer already meets:
  role               met  missing  up  nearest route
  Junior developer  100%        0      (this role)
  Senior developer   40%       +3  ↑   2y, 1 move
  Tech lead          29%       +5  ↑   4y, 3 moves
  PMO coordinator     0%       +2      0.5y, 1 move
  PMO manager         0%       +7      2y, 2 moves
↑: a move up from Junior developer: higher on its ladder, or reached by promotions alone
"""

EXPECTED_ME_JA = """\
あなた(シニア開発者)がすでに満たしている要件の割合が高い順のロール:
  ロール               充足  不足  上位  最短ルート
  シニア開発者         100%     0        (現在のロール)
  テックリード         100%     0  ↑     2年・1回の移動
  PMOコーディネーター  100%     0        ルートなし
  … ほか2件(--limit 0ですべて表示)
↑: シニア開発者より上位(同じラダーの上のレベル、または昇進だけで到達できる)
"""

EXPECTED_ME_EN = """\
Roles by the share of what they ask that you already meet (as Senior developer):
  role               met  missing  up  nearest route
  Senior developer  100%        0      (your role)
  Tech lead         100%        0  ↑   2y, 1 move
  PMO coordinator   100%        0      no route
  … and 2 more (--limit 0 shows every role)
↑: a move up from Senior developer: higher on its ladder, or reached by promotions alone
"""


def test_fit_ranks_every_role_by_the_share_met() -> None:
    result = run("fit", "junior")
    assert (result.exit_code, result.stderr, result.stdout) == (0, "", EXPECTED_EN)


@pytest.mark.parametrize(("lang", "expected"), [("en", EXPECTED_ME_EN), ("ja", EXPECTED_ME_JA)])
def test_fit_from_a_profile_uses_its_levels_and_years_served(lang: str, expected: str) -> None:
    result = run("fit", "--me", str(ME), "--limit", "3", "--lang", lang)
    assert (result.exit_code, result.stderr, result.stdout) == (0, "", expected)


def test_fit_json_gives_the_contracts_keys() -> None:
    data = json.loads(run("fit", "--me", str(ME), "--json", "--limit", "0").stdout)
    assert data["from"] == "senior"
    assert data["profile"]["file"] == str(ME)
    assert [
        (r["id"], r["name"], round(r["met"], 4), r["missing_levels"], r["years"])
        for r in data["roles"]
    ] == [
        ("senior", "Senior developer", 1.0, 0, 0.0),
        ("lead", "Tech lead", 1.0, 0, 2.0),
        ("coordinator", "PMO coordinator", 1.0, 0, None),
        ("junior", "Junior developer", 1.0, 0, None),
        ("manager", "PMO manager", 0.5714, 3, 0.0),
    ]
    assert [(r["up"], r["moves"], r["route"]) for r in data["roles"]] == [
        (False, 0, ["senior"]),
        (True, 1, ["senior", "lead"]),
        (False, None, None),
        (False, None, None),
        (False, 1, ["senior", "manager"]),
    ]


def test_fit_keeps_to_the_tracks_asked_for() -> None:
    data = json.loads(run("fit", "coordinator", "--track", "pmo", "--json").stdout)
    assert [r["id"] for r in data["roles"]] == ["coordinator", "manager"]
    # Promotions alone lead from the coordinator to the manager: a move up.
    assert [r["up"] for r in data["roles"]] == [False, True]


def test_a_move_up_is_higher_on_the_ladder_or_reached_by_promotions() -> None:
    career_map = load_paths(MAP)
    graph = build_graph(career_map)
    junior = career_map.roles["junior"]
    fits = {f.role: f for f in role_fits(career_map, graph, "junior", junior.skills).fits}
    # Senior and lead are higher on junior's ladder; the PMO roles are reached by a career change.
    assert {r for r, f in fits.items() if f.up} == {"senior", "lead"}
    lead = career_map.roles["lead"]
    fits = {f.role: f for f in role_fits(career_map, graph, "lead", lead.skills).fits}
    assert not any(f.up for f in fits.values())


@pytest.mark.parametrize("start", ["pmo_coordinator", "junior_developer", "tpm"])
def test_the_nearest_route_is_the_quickest_path_finds(start: str) -> None:
    career_map = load_paths(DEFAULT_DATA)
    graph = build_graph(career_map)
    have = career_map.roles[start].skills
    standing = role_fits(career_map, graph, start, have)
    assert standing.weighed == len(career_map.roles) == len(standing.fits)
    reachable = nx.descendants(graph, start) | {start}
    for fit in standing.fits:
        assert (fit.years is None) == (fit.role not in reachable)
        if fit.years is None or fit.role == start:
            continue
        best = find_routes(graph, start, fit.role)[0]
        assert fit.years == pytest.approx(best.years, abs=1e-9)
        # Of the quickest routes, the one with the fewest moves.
        assert len(fit.route) - 1 <= len(best.steps)
        assert fit.route[0] == start and fit.route[-1] == fit.role


def test_fit_needs_a_role_or_a_profile_not_both() -> None:
    for args in (("fit",), ("fit", "junior", "--me", str(ME))):
        result = run(*args)
        assert (result.exit_code, result.stdout) == (2, "")
        assert result.stderr.startswith("error: name a starting ROLE or give --me FILE, not both")
    result = run("fit", "nobody", "--lang", "ja")
    assert (result.exit_code, result.stderr) == (2, "エラー: 'nobody'というロールはありません\n")


def test_a_cached_map_answers_fit_from_its_index_without_building_a_role(
    tmp_path: Path, private_load_cache: Path
) -> None:
    from careergraph.load.plain import LazyRoles, role_requirements

    copy = tmp_path / "map.yaml"
    copy.write_bytes(DEFAULT_DATA.read_bytes())
    checked = load_paths(copy)
    cached = load_paths(copy)
    assert isinstance(cached.roles, LazyRoles)
    start = "pmo_coordinator"
    have = checked.roles[start].skills
    from_cache = role_fits(cached, build_graph(cached), start, have, limit=None)
    # Only the start role is built: every other role's requirements come from the index.
    assert cached.roles.built == 1
    assert from_cache == role_fits(checked, build_graph(checked), start, have)
    assert dict(role_requirements(cached.roles)) == {
        k: (r.track, r.level, dict(r.skills)) for k, r in checked.roles.items()
    }
