"""Maps too large to draw whole: the page draws part of them and says what it left out."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks.generate import write_map
from click.testing import CliRunner

from careergraph.catalogue import said
from careergraph.cli import cli
from careergraph.graph import build_graph
from careergraph.load import load_paths
from careergraph.model import CareerMap
from careergraph.query import find_routes
from careergraph.render.html import DRAW_LIMIT, choose_drawing
from tests.test_render_html import page, page_data

pytestmark = pytest.mark.slow

ROLES = 2_300


@pytest.fixture(scope="module")
def large_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_map(ROLES, tmp_path_factory.mktemp("large") / "large.yaml")


@pytest.fixture(scope="module")
def large_map(large_file: Path) -> CareerMap:
    return load_paths(large_file)


def test_a_map_within_the_limit_is_drawn_whole() -> None:
    from tests.conftest import DEFAULT_DATA

    career_map = load_paths(DEFAULT_DATA)
    drawing = choose_drawing(career_map, build_graph(career_map))
    assert drawing.roles is None and drawing.notice is None
    assert drawing.tracks == tuple(sorted(career_map.tracks))
    assert page_data(page(career_map))["notice"] is None


def test_a_large_map_draws_the_first_tracks_that_fit(large_map: CareerMap) -> None:
    graph = build_graph(large_map)
    drawing = choose_drawing(large_map, graph)
    drawn = [r for r in large_map.roles.values() if r.track in drawing.tracks]
    assert 0 < len(drawn) <= DRAW_LIMIT
    assert list(drawing.tracks) == sorted(large_map.tracks)[: len(drawing.tracks)]
    left = len(large_map.tracks) - len(drawing.tracks)
    assert drawing.notice is not None
    assert said("en", drawing.notice) == (
        f"this map has {ROLES:,} roles, more than the 2,000 a page draws smoothly, so the page "
        f"shows the first {len(drawing.tracks):,} of {len(large_map.tracks):,} tracks "
        f"({len(drawn):,} roles) and leaves out {left:,} tracks ({ROLES - len(drawn):,} roles); "
        "use --track to choose tracks, or --route to draw a route and the roles around it"
    )
    data = page_data(page(large_map))
    assert len(data["roles"]) == len(drawn)
    assert data["notice"] == said("en", drawing.notice)


def test_a_large_map_with_a_route_draws_its_neighbourhood(large_map: CareerMap) -> None:
    graph = build_graph(large_map)
    start = min(large_map.roles, key=lambda r: (large_map.roles[r].level, r))
    goal = max(graph.successors(next(iter(graph.successors(start)))))
    routes = find_routes(graph, start, goal, alternatives=1)
    drawing = choose_drawing(large_map, graph, routes=routes)
    assert drawing.roles is not None
    on_routes = {r for route in routes for r in route.roles}
    around = {n for r in on_routes for n in (*graph.successors(r), *graph.predecessors(r))}
    assert drawing.roles == on_routes | around
    assert drawing.notice is not None
    assert f"shows the {len(drawing.roles):,} on the routes and one move from them" in (
        said("en", drawing.notice)
    )
    data = page_data(page(large_map, routes=routes))
    assert {role["id"] for role in data["roles"]} == drawing.roles


def test_render_says_on_stderr_what_it_left_out(large_file: Path, tmp_path: Path) -> None:
    output = tmp_path / "map.html"
    result = CliRunner().invoke(cli, ["render", "--data", str(large_file), "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{output}\n"
    assert result.stderr.startswith(f"note: this map has {ROLES:,} roles, more than the 2,000")
    assert page_data(output.read_text(encoding="utf-8"))["notice"] in result.stderr


def test_render_says_what_it_left_out_in_the_maps_language(
    large_file: Path, tmp_path: Path
) -> None:
    output = tmp_path / "map.html"
    args = ["render", "--data", str(large_file), "-o", str(output), "--lang", "ja"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(f"注: このマップには{ROLES:,}の職種があり、")
    assert page_data(output.read_text(encoding="utf-8"))["notice"] in result.stderr


def test_chosen_tracks_within_the_limit_are_drawn_whole(large_file: Path, tmp_path: Path) -> None:
    output = tmp_path / "map.html"
    track = sorted(load_paths(large_file).tracks)[3]
    result = CliRunner().invoke(
        cli, ["render", "--data", str(large_file), "-o", str(output), "--track", track]
    )
    assert result.exit_code == 0
    assert result.stderr == ""
    assert page_data(output.read_text(encoding="utf-8"))["notice"] is None
