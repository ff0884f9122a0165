"""The map page as a planner in headless Chromium: From and To boxes, swap, options, each route in
its own colour with a legend entry, clickable steps, compare, the profile on the map, and the
view kept in the URL fragment."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from tests.conftest import DEFAULT_DATA, FIXTURES

from careergraph.graph import build_graph
from careergraph.load import load_paths
from careergraph.load.profile import load_profile
from careergraph.query import find_routes, skill_gap
from careergraph.render.html import RouteQuestion, render_html, write_html
from careergraph.render.network import ROUTE_COLOURS
from careergraph.render.page_words import _ui

if TYPE_CHECKING:
    from tests.browser.conftest import MapPage

pytestmark = [pytest.mark.browser, pytest.mark.slow]

Open = Callable[[Path], "MapPage"]
SMALL = FIXTURES / "small.yaml"
ME = FIXTURES / "profile" / "junior.yaml"


def write(
    folder: Path,
    data_file: Path = DEFAULT_DATA,
    *,
    lang: str = "en",
    profile: Path | None = None,
    question: RouteQuestion | None = None,
) -> Path:
    career_map = load_paths(data_file)
    graph = build_graph(career_map)
    me = load_profile(profile, career_map) if profile is not None else None
    routes = []
    if question is not None:
        routes = find_routes(
            graph, question.source, question.target, alternatives=question.alternatives
        )
    page = folder / f"planner-{lang}.html"
    html = render_html(career_map, graph, lang=lang, profile=me, question=question, routes=routes)
    write_html(page, html)
    return page


def routes_shown(shown: MapPage) -> list[list[str]]:
    found: list[list[str]] = shown.js(
        """() => Array.from(document.querySelectorAll('#route .found-route'), block =>
            Array.from(block.querySelectorAll('li.step'),
                li => li.dataset.from + '>' + li.dataset.to))"""
    )
    return found


def expected(from_: str, to: str, k: int, **options: Any) -> list[list[str]]:
    graph = build_graph(load_paths(DEFAULT_DATA))
    routes = find_routes(graph, from_, to, alternatives=k, **options)
    return [[f"{s.transition.source}>{s.transition.target}" for s in r.steps] for r in routes]


def test_from_and_to_boxes_take_names_and_aliases_and_draw_each_route_in_its_colour(
    open_map: Open, tmp_path: Path
) -> None:
    shown = open_map(write(tmp_path))
    page = shown.page
    page.fill("#route-from", "pmo coordinator")  # a name, any case and spacing
    page.fill("#route-to", "CTO")
    page.fill("#route-k", "2")
    page.click("#route-find")
    assert routes_shown(shown) == expected("pmo_coordinator", "cto", 2)
    assert page.title() == "PMO Coordinator → CTO (Chief Technology Officer) · Career map"
    legend = shown.js(
        """() => Array.from(document.querySelectorAll('#legend-routes .legend-item'),
            item => [item.textContent, item.querySelector('.line-sample').style.backgroundColor])"""
    )
    graph = build_graph(load_paths(DEFAULT_DATA))
    routes = find_routes(graph, "pmo_coordinator", "cto", alternatives=2)
    assert [text for text, _ in legend] == [
        f"Route {n + 1} · {round(r.years, 2):g}y" for n, r in enumerate(routes)
    ]
    assert len({colour for _, colour in legend}) == 3  # three routes, three colours
    # On the map, each route's own moves carry its colour.
    edges = {e["id"]: e for e in shown.js("() => window.careergraph.edges.get()")}
    for number, route in enumerate(routes):
        for step in route.steps:
            edge = edges[f"{step.transition.source}->{step.transition.target}"]
            first = next(
                n
                for n, r in enumerate(routes)
                if step in r.steps
                or any(
                    (s.transition.source, s.transition.target)
                    == (step.transition.source, step.transition.target)
                    for s in r.steps
                )
            )
            assert edge["color"]["color"] == ROUTE_COLOURS[first], (number, edge["id"])
    off_route = [e for e in edges.values() if e["color"]["opacity"] == 0.15]
    assert off_route, "the moves on no route are dimmed"
    # The view fits the routes: every role on them is inside the map area.
    for role in {r for route in routes for r in route.roles}:
        x, y = shown.node_on_screen(role)
        box = shown.js("() => document.getElementById('map').getBoundingClientRect().toJSON()")
        assert box["left"] <= x <= box["right"] and box["top"] <= y <= box["bottom"], role
    assert shown.errors == []


def test_swap_options_and_a_step_click(open_map: Open, tmp_path: Path) -> None:
    shown = open_map(write(tmp_path))
    page = shown.page
    page.fill("#route-from", "director_program_management")
    page.fill("#route-to", "pmo manager")
    page.click("#route-find")
    assert routes_shown(shown) == []
    assert shown.js("() => document.getElementById('route-status').textContent") == (
        "No route from Director of Program Management to PMO Manager with these options."
    )
    page.click("#route-swap")
    assert shown.js("() => document.getElementById('route-from').value") == "PMO Manager"
    assert routes_shown(shown) == expected("pmo_manager", "director_program_management", 0)
    page.select_option("#route-by", "steps")
    page.fill("#route-k", "1")
    page.dispatch_event("#route-k", "change")
    assert routes_shown(shown) == expected(
        "pmo_manager", "director_program_management", 1, by="steps"
    )
    page.fill("#route-avoid", "Program Manager")
    page.dispatch_event("#route-avoid", "change")
    assert routes_shown(shown) == expected(
        "pmo_manager", "director_program_management", 1, by="steps", avoid=["program_manager"]
    )
    # A step is a button: it selects the role it leads to and shows it in the panel.
    page.click("#route .found-route li.step:first-child .step-move")
    first = expected(
        "pmo_manager", "director_program_management", 1, by="steps", avoid=["program_manager"]
    )[0][0]
    goal = first.split(">")[1]
    assert shown.js("() => window.careergraph.network.getSelectedNodes()") == [goal]
    assert shown.js("() => document.getElementById('details').dataset.role") == goal
    assert shown.js("() => window.careergraph.state().role") == goal


def test_the_fragment_restores_the_view_and_follows_changes(open_map: Open, tmp_path: Path) -> None:
    page_file = write(tmp_path)
    shown = open_map(page_file)
    shown.js("() => window.careergraph.showRoute('pmo_coordinator', 'cto', {k: 1, by: 'steps'})")
    assert shown.js("() => location.hash") == "#from=pmo_coordinator&to=cto&k=1&by=steps"
    shown.js("() => window.careergraph.select('pmo_manager')")
    assert shown.js("() => window.careergraph.state()") == {
        "from": "pmo_coordinator",
        "to": "cto",
        "k": "1",
        "by": "steps",
        "role": "pmo_manager",
    }
    url = shown.js("() => location.href")
    again = open_map(page_file)
    again.page.goto(url)
    again.page.wait_for_function("() => window.careergraph && window.careergraph.ready")
    assert routes_shown(again) == expected("pmo_coordinator", "cto", 1, by="steps")
    assert again.js("() => window.careergraph.network.getSelectedNodes()") == ["pmo_manager"]
    assert again.js("() => document.getElementById('route-k').value") == "1"
    assert again.js("() => document.getElementById('route-by').value") == "steps"


def test_path_html_asks_its_question_again_with_each_alternative_in_its_colour(
    open_map: Open, tmp_path: Path
) -> None:
    question = RouteQuestion("pmo_coordinator", "cto", alternatives=2)
    shown = open_map(write(tmp_path, question=question))
    assert routes_shown(shown) == expected("pmo_coordinator", "cto", 2)
    assert shown.page.title().startswith("PMO Coordinator → CTO")
    colours = shown.js(
        "() => Array.from(document.querySelectorAll('#legend-routes .legend-item'),"
        " i => i.querySelector('.line-sample').style.backgroundColor)"
    )
    assert len(set(colours)) == 3


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_compare_with_shows_both_levels_and_the_gap_in_gap_order(
    open_map: Open, tmp_path: Path, lang: str
) -> None:
    shown = open_map(write(tmp_path, lang=lang))
    page = shown.page
    shown.js("() => window.careergraph.select('pmo_coordinator')")
    assert (
        shown.js("() => document.querySelector('#details .compare-with h3').textContent")
        == (_ui(lang)["compare_with"])
    )
    page.fill("#compare-target", "cto")
    page.click("#compare-go")
    career_map = load_paths(DEFAULT_DATA)
    gap = skill_gap(career_map.roles["pmo_coordinator"], career_map.roles["cto"])
    rows = shown.js(
        """() => Array.from(document.querySelectorAll('#compare tbody tr.to-build'),
            tr => [tr.dataset.skill, ...Array.from(tr.cells, td => td.textContent).slice(1, 3)])"""
    )
    assert rows == [[c.skill, str(c.from_level), f"{c.to_level} (+{c.change})"] for c in gap.build]
    total = shown.js("() => document.querySelector('#compare .total').textContent")
    assert total == f"{_ui(lang)['gap_total']}: {gap.size}"
    assert shown.js("() => window.careergraph.state().compare") == "pmo_coordinator,cto"


def test_compare_and_route_count_points_requirements(open_map: Open, tmp_path: Path) -> None:
    """On a map whose roles ask for milestone points, the compare panel lists the suggested
    levels as skills to build and totals them as `gap` does; a route's total counts them too."""
    snowflake = DEFAULT_DATA.parents[1] / "examples" / "medium-snowflake" / "medium.yaml"
    shown = open_map(write(tmp_path, snowflake))
    page = shown.page
    shown.js("() => window.careergraph.select('medium_engineer_1')")
    page.fill("#compare-target", "medium_senior_engineer")
    page.click("#compare-go")
    career_map = load_paths(snowflake)
    gap = skill_gap(
        career_map.roles["medium_engineer_1"], career_map.roles["medium_senior_engineer"]
    )
    assert gap.points  # the senior band's points are not met by the first band's
    changes = [*gap.build, *(c for p in gap.points for c in p.suggested)]
    rows = shown.js(
        """() => Array.from(document.querySelectorAll('#compare tbody tr.to-build'),
            tr => [tr.dataset.skill, ...Array.from(tr.cells, td => td.textContent).slice(1, 3)])"""
    )
    assert rows == [[c.skill, str(c.from_level), f"{c.to_level} (+{c.change})"] for c in changes]
    total = shown.js("() => document.querySelector('#compare .total').textContent")
    assert total == f"{_ui('en')['gap_total']}: {gap.size}"
    route = find_routes(build_graph(career_map), "medium_engineer_1", "medium_senior_engineer")[0]
    page.fill("#route-from", "medium_engineer_1")
    page.fill("#route-to", "medium_senior_engineer")
    page.click("#route-find")
    text = shown.js("() => document.querySelector('#route .found-route .total').textContent")
    assert route.gap_total > 0
    assert str(route.gap_total) in text.split("·")[-1]


def test_the_profile_is_on_the_map(open_map: Open, tmp_path: Path) -> None:
    shown = open_map(write(tmp_path, SMALL, profile=ME))
    career_map = load_paths(SMALL)
    profile = load_profile(ME, career_map)
    have = profile.levels(career_map.roles[profile.role])
    nodes = {n["id"]: n for n in shown.js("() => window.careergraph.nodes.get()")}
    assert nodes[profile.role]["label"].startswith("★ ")
    assert nodes[profile.role]["borderWidth"] == 5

    def met(role_id: str) -> float:
        needed = career_map.roles[role_id].skills
        total = sum(needed.values())
        return sum(min(have.get(s, 0), lvl) for s, lvl in needed.items()) / total if total else 1.0

    # Deeper green for roles you meet more of: the fill's green share follows `met`.
    shades = {
        role: shown.js("c => parseInt(c.slice(1, 3), 16)", nodes[role]["color"]["background"])
        for role in nodes
    }
    ordered = sorted(nodes, key=met)
    assert [shades[r] for r in ordered] == sorted((shades[r] for r in ordered), reverse=True)
    shown.js("id => window.careergraph.select(id)", "lead")
    percent = round(met("lead") * 100)
    assert shown.js("() => document.querySelector('#details .met').textContent") == (
        f"{percent}%\u00a0of this role's skills met"
    )
    # Routes and compare start from you: your levels, the years you have served.
    assert shown.js("() => document.getElementById('route-me').checked") is True
    shown.page.fill("#route-to", "lead")
    shown.page.click("#route-find")
    answer = shown.js("() => window.careergraph.route(null, 'lead', {})")
    graph = build_graph(career_map)
    route = find_routes(
        graph, profile.role, "lead", start_levels=have, years_done=profile.years_in_role
    )[0]
    assert answer["routes"][0]["roles"] == list(route.roles)
    assert answer["routes"][0]["years"] == route.years
    assert shown.js("() => location.hash") == "#from=@me&to=lead&role=lead"


def test_a_question_the_page_refuses_is_said_in_the_page_language(
    open_map: Open, tmp_path: Path
) -> None:
    shown = open_map(write(tmp_path, lang="ja"))
    page = shown.page
    page.fill("#route-from", "PMOコーディネーター")
    page.fill("#route-to", "cto")
    page.fill("#route-max-steps", "0")
    page.click("#route-find")
    assert (
        shown.js("() => document.getElementById('route-status').textContent")
        == (_ui("ja")["max_steps_error"])
    )
    page.fill("#route-max-steps", "")
    page.fill("#route-to", "存在しない職種")
    page.click("#route-find")
    assert shown.js("() => document.getElementById('route-status').textContent") == (
        "「存在しない職種」に該当する職種がありません。"
    )
    assert routes_shown(shown) == []
