"""The HTML map in headless Chromium: it draws, lights routes, answers hover and search, stays
put, shows hostile data as text, and asks for nothing outside its own file."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from tests.conftest import DEFAULT_DATA, FIXTURES, ROOT

from careergraph.graph import build_graph
from careergraph.load import load_paths
from careergraph.model import CareerMap
from careergraph.query import Route, find_routes
from careergraph.render.network import BEST_ROUTE, DIM_OPACITY, ROUTE_COLOURS

if TYPE_CHECKING:
    from tests.browser.conftest import MapPage

pytestmark = [pytest.mark.browser, pytest.mark.slow]

HTML_FIXTURES = FIXTURES / "html"
LADDER = HTML_FIXTURES / "ladder.yaml"
HOSTILE = HTML_FIXTURES / "hostile.yaml"
OUTPUT = ROOT / "output"

Open = Callable[[Path], "MapPage"]
Write = Callable[..., Path]


def years(value: float, suffix: str = "y") -> str:
    return f"{round(value, 2):g}{suffix}"


def page_data(path: Path) -> dict[str, Any]:
    """The JSON block the page was written with."""
    html = path.read_text(encoding="utf-8")
    match = re.search(r'<script type="application/json" id="careergraph-data">(.*?)</script>', html)
    assert match is not None
    data: dict[str, Any] = json.loads(match.group(1))
    return data


def best_and_alternatives(career_map: CareerMap, source: str, target: str) -> list[Route]:
    return find_routes(build_graph(career_map), source, target, alternatives=2)


def overlapping_boxes(shown: MapPage) -> list[list[str]]:
    result: list[list[str]] = shown.js(
        """() => {
            const network = window.careergraph.network;
            const boxes = window.careergraph.nodes.getIds()
                .map(id => [id, network.getBoundingBox(id)]);
            const clashes = [];
            for (let i = 0; i < boxes.length; i++) {
                for (let j = i + 1; j < boxes.length; j++) {
                    const [a, p] = boxes[i], [b, q] = boxes[j];
                    const apart = p.right <= q.left || q.right <= p.left
                        || p.bottom <= q.top || q.bottom <= p.top;
                    if (!apart) {
                        clashes.push([a, b]);
                    }
                }
            }
            return clashes;
        }"""
    )
    return result


def text_of(shown: MapPage, selector: str) -> str:
    text: str = shown.js("s => document.querySelector(s).textContent", selector)
    return text


def screenshot(shown: MapPage, name: str) -> None:
    OUTPUT.mkdir(exist_ok=True)
    shown.page.screenshot(path=str(OUTPUT / name))


@pytest.mark.parametrize(
    "data_file", [DEFAULT_DATA, FIXTURES / "small.yaml", LADDER], ids=["default", "small", "ladder"]
)
def test_the_map_draws_every_role_and_move(
    data_file: Path, write_map: Write, open_map: Open
) -> None:
    career_map = load_paths(data_file)
    shown = open_map(write_map(data_file))

    assert shown.js("() => window.careergraph.nodes.getIds().sort()") == sorted(career_map.roles)
    edges = shown.js(
        "() => window.careergraph.edges.get().map(e => [e.from, e.to, e.kind, e.label]).sort()"
    )
    # An estimated figure reads ~3y, and an implied move says so by its years.
    assert edges == sorted(
        [
            t.source,
            t.target,
            t.kind.value,
            ("~" if t.years_estimated else "")
            + years(t.years)
            + (" implied" if t.basis == "implied" else ""),
        ]
        for t in career_map.transitions
    )
    # Something was really drawn where a role sits: the canvas is not blank there.
    role = sorted(career_map.roles)[0]
    x, y = shown.node_on_screen(role)
    pixel = shown.js(
        """([x, y]) => {
            const canvas = document.querySelector("#map canvas");
            const box = canvas.getBoundingClientRect();
            const scale = canvas.width / box.width;
            const data = canvas.getContext("2d").getImageData(
                Math.round((x - box.left) * scale), Math.round((y - box.top) * scale), 1, 1).data;
            return Array.from(data);
        }""",
        [x, y],
    )
    assert pixel[3] > 0 and pixel[:3] != [255, 255, 255]
    assert overlapping_boxes(shown) == []
    assert shown.errors == []
    assert shown.outside_requests() == []
    assert shown.blocked == []
    if data_file == DEFAULT_DATA:
        screenshot(shown, "careergraph.png")


def test_the_best_route_is_lit_and_listed_step_by_step(write_map: Write, open_map: Open) -> None:
    career_map = load_paths(DEFAULT_DATA)
    routes = best_and_alternatives(career_map, "pmo_coordinator", "cto")
    assert len(routes) == 3, "the default data should offer two alternatives to compare"
    shown = open_map(write_map(DEFAULT_DATA, route=("pmo_coordinator", "cto"), alternatives=2))

    best = routes[0]
    on_alternatives = {r for route in routes[1:] for r in route.roles} - set(best.roles)
    nodes = {n["id"]: n for n in shown.js("() => window.careergraph.nodes.get()")}
    for role_id, node in nodes.items():
        if role_id in best.roles:
            assert (node["color"]["border"], node["opacity"]) == (BEST_ROUTE, 1.0), role_id
        elif role_id in on_alternatives:
            first = next(n for n, r in enumerate(routes) if role_id in r.roles)
            assert (node["color"]["border"], node["opacity"]) == (ROUTE_COLOURS[first], 1.0)
        else:
            assert node["opacity"] == DIM_OPACITY, role_id
            assert node["color"]["border"] not in ROUTE_COLOURS, role_id

    best_moves = {(s.transition.source, s.transition.target) for s in best.steps}
    other_moves = {
        (s.transition.source, s.transition.target) for r in routes[1:] for s in r.steps
    } - best_moves
    for edge in shown.js("() => window.careergraph.edges.get()"):
        pair = (edge["from"], edge["to"])
        if pair in best_moves:
            assert edge["color"]["color"] == BEST_ROUTE and edge["color"]["opacity"] == 1
        elif pair in other_moves:
            first = next(
                n
                for n, r in enumerate(routes)
                if pair in {(s.transition.source, s.transition.target) for s in r.steps}
            )
            assert edge["color"]["color"] == ROUTE_COLOURS[first] and edge["color"]["opacity"] == 1
        else:
            assert edge["color"]["opacity"] < 0.5, pair

    assert shown.js("() => document.getElementById('route').hidden") is False
    steps = shown.js(
        "() => Array.from(document.querySelectorAll('#route li.step'), li => li.textContent)"
    )
    assert len(steps) == len(best.steps)
    names = {r: career_map.roles[r].name.get("en") for r in career_map.roles}
    skills = {s: career_map.skills[s].name.get("en") for s in career_map.skills}
    estimated = False
    for text, step in zip(steps, best.steps, strict=True):
        move = step.transition
        estimated |= move.years_estimated
        assert text.startswith(f"{names[move.source]} → {names[move.target]}")
        assert move.kind.value.replace("_", " ") in text
        spent = ("~" if move.years_estimated else "") + years(move.years)
        total = ("~" if estimated else "") + years(step.cumulative_years)
        assert f"{spent} · so far {total}" in text
        for change in step.gap.build:
            assert f"{skills[change.skill]} {change.from_level}→{change.to_level}" in text
    moves = len(best.steps)
    total = ("~" if best.years_estimated else "") + years(best.years)
    assert text_of(shown, "#route .total") == f"Total: {total} · {moves} moves"
    alternatives = shown.js(
        "() => Array.from(document.querySelectorAll('#route .alternatives li'),"
        " li => li.textContent)"
    )
    assert [a.split(" · ")[0] for a in alternatives] == [
        " → ".join(names[r] for r in route.roles) for route in routes[1:]
    ]
    assert shown.errors == [] and shown.outside_requests() == []
    screenshot(shown, "route-pmo_coordinator-cto.png")


def test_hovering_a_role_shows_its_names_level_and_skills(write_map: Write, open_map: Open) -> None:
    career_map = load_paths(DEFAULT_DATA)
    role = career_map.roles["pmo_coordinator"]
    shown = open_map(write_map(DEFAULT_DATA))
    assert text_of(shown, "#details") == "Hover over or click a role to see what it asks for."

    shown.hover("pmo_coordinator")
    shown.page.wait_for_function(
        "() => document.getElementById('details').dataset.role === 'pmo_coordinator'"
    )
    details = text_of(shown, "#details")
    skills = shown.js(
        """() => Array.from(document.querySelectorAll("#details .skills li"), li => [
            li.querySelector(".skill-name").textContent,
            li.querySelector(".pips").firstChild.textContent.length,
            li.querySelector(".skill-level").textContent,
        ])"""
    )
    assert skills == [
        [career_map.skills[skill].name.get("en"), level, f"{level}/5"]
        for skill, level in sorted(role.skills.items(), key=lambda item: (-item[1], item[0]))
    ]
    assert role.name.get("en") in details and role.name.get("ja") in details
    assert f"Level {role.level}" in details
    assert role.summary is not None and role.summary.get("en") in details
    tooltip = text_of(shown, "#tooltip")
    assert shown.js("() => document.getElementById('tooltip').hidden") is False
    assert role.name.get("en") in tooltip and role.name.get("ja") in tooltip

    shown.page.mouse.move(5, 1070)
    shown.page.wait_for_function("() => document.getElementById('tooltip').hidden")
    assert shown.errors == []


def _settled_position(shown: MapPage, role_id: str) -> tuple[float, float]:
    """Where a role's box ends up once the focus animation has stopped moving it."""
    last = shown.node_on_screen(role_id)
    for _ in range(100):  # up to 10 s on a loaded machine; the animation itself is 0.35 s
        shown.page.wait_for_timeout(100)
        now = shown.node_on_screen(role_id)
        if now == last:
            return now
        last = now
    return last


def test_search_finds_a_role_by_any_name_and_centres_it(write_map: Write, open_map: Open) -> None:
    shown = open_map(write_map(DEFAULT_DATA))
    centre = shown.js(
        """() => { const b = document.getElementById("map").getBoundingClientRect();
                   return [b.left + b.width / 2, b.top + b.height / 2]; }"""
    )
    searches = [
        ("PMOコーディネーター", "pmo_coordinator"),
        ("ｐｍｏ　ＣＯＯＲＤＩＮＡＴＯＲ", "pmo_coordinator"),  # full width, any case
        ("team lead", "tech_lead"),  # an alias
        ("VPOE", "vpoe"),
        ("cto_office_strategist", "cto_office_strategist"),  # the id
    ]
    for query, role_id in searches:
        shown.js("() => window.careergraph.network.unselectAll()")
        shown.page.fill("#search", query)
        shown.page.press("#search", "Enter")
        assert shown.js("() => window.careergraph.network.getSelectedNodes()") == [role_id], query
        assert shown.js("() => document.getElementById('details').dataset.role") == role_id
        x, y = _settled_position(shown, role_id)
        assert abs(x - centre[0]) < 3 and abs(y - centre[1]) < 3, query

    shown.page.fill("#search", "no such role at all")
    assert text_of(shown, "#search-results") == "No role matches"
    assert shown.errors == []


def test_hostile_texts_are_shown_as_text_and_run_nothing(write_map: Write, open_map: Open) -> None:
    career_map = load_paths(HOSTILE)
    shown = open_map(write_map(HOSTILE, route=("line_break_role", "top_role")))
    role = career_map.roles["img_role"]
    raw_name = role.name.get("en")

    shown.hover("img_role")
    shown.page.wait_for_function(
        "() => document.getElementById('details').dataset.role === 'img_role'"
    )
    details = text_of(shown, "#details")
    assert raw_name in text_of(shown, "#tooltip")
    # The edge's note appears in its tooltip when hovering the middle of the move.
    (x1, y1), (x2, y2) = shown.node_on_screen("img_role"), shown.node_on_screen("top_role")
    shown.page.mouse.move((x1 + x2) / 2 + 1, (y1 + y2) / 2 + 12, steps=3)
    shown.page.wait_for_function(
        "() => document.getElementById('tooltip').textContent.includes('<script>')"
    )
    note = career_map.transitions[0].note
    assert note is not None and note.get("en") in text_of(shown, "#tooltip")

    shown.page.fill("#search", raw_name)
    assert raw_name in text_of(shown, "#search-results")
    shown.page.press("#search", "Enter")
    shown.page.fill("#search", "<svg onload=window.__pwned=5>")
    shown.page.press("#search", "Enter")
    assert shown.js("() => window.careergraph.network.getSelectedNodes()") == ["img_role"]
    shown.page.wait_for_timeout(300)

    assert shown.js("() => window.__pwned") is None
    assert (
        shown.js(
            "() => document.querySelectorAll('img, svg, iframe, a:not(#skip-text), b, i').length"
        )
        == 0
    )
    # The text view, written on the server, holds the same names as text too.
    shown.js("() => window.careergraph.showTextView(true)")
    assert raw_name in text_of(shown, "#text-view")
    assert shown.js("() => document.querySelectorAll('img, svg, iframe, b, i').length") == 0
    links = shown.js(
        "() => Array.from(document.querySelectorAll('#text-view a'), a => a.getAttribute('href'))"
    )
    assert all(link.startswith("#text-") for link in links)
    assert shown.js("() => window.__pwned") is None
    assert role.summary is not None and role.summary.get("en") in details
    assert role.responsibilities[0].get("en") in details
    assert "<img src=x onerror=window.__pwned=8>" in details  # the source's title
    assert "<b onmouseover=window.__pwned=4>bold</b>" in details
    assert "R&D &amp; <!-- comment -->" in details
    legend = text_of(shown, "#legend")
    assert "</script><script>window.__pwned=3</script>" in legend
    assert "Plain & <b>simple</b>" in legend
    route = text_of(shown, "#route")
    assert career_map.roles["line_break_role"].name.get("en") in route
    assert raw_name in route and "Top {{ window.__pwned=10 }}" in route
    labels = {n["id"]: n["label"] for n in shown.js("() => window.careergraph.nodes.get()")}
    assert labels["img_role"] == raw_name
    assert shown.errors == []
    assert shown.outside_requests() == [] and shown.blocked == []


def test_positions_are_fixed_where_python_put_them(write_map: Write, open_map: Open) -> None:
    path = write_map(LADDER)
    expected = {n["id"]: [n["x"], n["y"]] for n in page_data(path)["nodes"]}
    shown = open_map(path)
    shown.page.wait_for_timeout(1000)
    drawn = shown.js(
        "() => Object.entries(window.careergraph.network.getPositions())"
        ".map(([id, p]) => [id, [p.x, p.y]])"
    )
    assert dict(drawn) == expected

    on_screen = {role: shown.node_on_screen(role)[1] for role in expected}
    assert on_screen["dev_lead"] < on_screen["dev_senior_a"] < on_screen["dev_junior"]
    assert on_screen["dev_senior_a"] == on_screen["dev_senior_b"]
    assert on_screen["ceo"] < on_screen["cto"] == on_screen["coo"] < on_screen["ops_director"]
    assert on_screen["ops_manager"] < on_screen["dev_senior_b"]
    assert overlapping_boxes(shown) == []


def test_japanese_labels_and_panel(write_map: Write, open_map: Open) -> None:
    career_map = load_paths(DEFAULT_DATA)
    shown = open_map(write_map(DEFAULT_DATA, lang="ja"))
    labels = {n["id"]: n["label"] for n in shown.js("() => window.careergraph.nodes.get()")}
    assert {k: v.replace("\n", "") for k, v in labels.items()} == {
        r.id: r.name.get("ja") for r in career_map.roles.values()
    }
    assert shown.js("() => [document.title, document.documentElement.lang]") == [
        "キャリアマップ",
        "ja",
    ]
    assert (
        shown.js("() => document.getElementById('search').placeholder") == "職種を名前・別名で検索"
    )
    shown.hover("pmo_coordinator")
    shown.page.wait_for_function(
        "() => document.getElementById('details').dataset.role === 'pmo_coordinator'"
    )
    details = text_of(shown, "#details")
    assert details.startswith("PMOコーディネーター")
    role = career_map.roles["pmo_coordinator"]
    for skill in role.skills:
        assert career_map.skills[skill].name.get("ja") in details
    assert "レベル 1" in details
    assert overlapping_boxes(shown) == []
    assert shown.errors == []
    screenshot(shown, "careergraph-ja.png")


@pytest.mark.parametrize(
    ("lang", "implied", "stated", "legend"),
    [
        (
            "en",
            "implied (judgement)",
            "stated in [完全ガイド] VPoE",
            "(implied: no source states the move (see its note); ~: estimated years)",
        ),
        (
            "ja",
            "推測(判断)",
            "[完全ガイド] VPoE",
            "(推測: 出典が明記していない移動(注記を参照)/約: 見積もりの年数)",
        ),
    ],
)
def test_the_panel_says_where_each_move_comes_from(
    lang: str, implied: str, stated: str, legend: str, write_map: Write, open_map: Open
) -> None:
    career_map = load_paths(DEFAULT_DATA)
    shown = open_map(write_map(DEFAULT_DATA, lang=lang))
    shown.hover("senior_developer")
    shown.page.wait_for_function(
        "() => document.getElementById('details').dataset.role === 'senior_developer'"
    )
    bases = shown.js(
        """() => Array.from(document.querySelectorAll('#details .move-basis'))
            .map(e => [e.className, e.textContent])"""
    )
    assert ["move-basis implied", implied] in bases
    assert any(c == "move-basis stated" and t.startswith(stated) for c, t in bases)
    note = career_map.transitions[
        next(
            i
            for i, t in enumerate(career_map.transitions)
            if (t.source, t.target) == ("senior_developer", "tpm")
        )
    ].note
    assert note is not None
    notes = shown.js(
        "() => Array.from(document.querySelectorAll('#details .move-note')).map(e => e.textContent)"
    )
    assert note.get(lang) in notes
    assert text_of(shown, "#legend").endswith(legend)
    assert shown.errors == []


def test_japanese_falls_back_to_english_where_a_name_has_no_japanese(
    write_map: Write, open_map: Open
) -> None:
    shown = open_map(write_map(LADDER, lang="ja"))
    labels = {n["id"]: n["label"] for n in shown.js("() => window.careergraph.nodes.get()")}
    assert labels["ceo"] == "CEO"
    assert labels["cto"] == "最高技術責任者"


def test_a_large_map_draws_in_part_and_says_so(tmp_path: Path, open_map: Open) -> None:
    from benchmarks.generate import write_map as write_generated

    from careergraph.render.html import render_html, write_html

    career_map = load_paths(write_generated(2_300, tmp_path / "large.yaml"))
    target = tmp_path / "large.html"
    write_html(target, render_html(career_map, build_graph(career_map)))
    shown = open_map(target)
    notice = shown.page.locator("#notice")
    assert notice.is_visible()
    # The page speaks of itself, not of the command line that wrote it.
    assert notice.text_content() == page_data(target)["pageNotice"]
    assert notice.text_content().startswith("This map has 2,300 roles; to stay smooth, the page")
    assert "--" not in notice.text_content()
    drawn = shown.js("() => window.careergraph.nodes.length")
    assert drawn == len(page_data(target)["roles"]) <= 2_000
    assert shown.errors == []
