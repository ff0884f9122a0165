"""The map, route and plan pages for every reader: a readable first view with zoom controls and
keys, a phone layout worked by touch, print, keyboard and screen readers (axe-core), large maps
searched whole, and Japanese fonts named."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from playwright.sync_api import Browser, BrowserContext, Page
from tests.conftest import DEFAULT_DATA, ROOT

from careergraph.cli import cli
from careergraph.graph import build_graph
from careergraph.load import load_paths
from careergraph.query import find_routes
from careergraph.render.html import render_html, write_html
from careergraph.render.network import FONT
from careergraph.render.page_words import _ui

pytestmark = [pytest.mark.browser, pytest.mark.slow]

DESKTOP = {"width": 1400, "height": 900}
PHONE = {"width": 390, "height": 844}
READY = "() => window.careergraph !== undefined && window.careergraph.ready === true"
ROUTE = ("pmo_coordinator", "cto")
# scripts/test.sh fetches this pinned axe-core once (npm pack) into .cache/.
AXE_VERSION = "4.10.3"
AXE_JS = Path(
    os.environ.get("CAREERGRAPH_AXE_JS", ROOT / ".cache" / f"axe-core-{AXE_VERSION}" / "axe.min.js")
)
JAPANESE_FONTS = [
    "Hiragino Sans",
    "Hiragino Kaku Gothic ProN",
    "Yu Gothic",
    "Meiryo",
    "Noto Sans CJK JP",
    "Noto Sans JP",
    "IPAexGothic",
]


@pytest.fixture
def pages(browser: Browser) -> Iterator[Callable[..., Page]]:
    """Open a file in a fresh context (viewport, touch, scripts on or off); errors fail."""
    contexts: list[BrowserContext] = []
    errors: list[str] = []

    def open_page(
        path: Path,
        viewport: dict[str, int] = DESKTOP,
        *,
        touch: bool = False,
        script: bool = True,
        ready: bool = True,
        csp: bool = True,
    ) -> Page:
        context = browser.new_context(
            viewport={"width": viewport["width"], "height": viewport["height"]},
            has_touch=touch,
            is_mobile=touch,
            java_script_enabled=script,
            bypass_csp=not csp,  # only so that axe-core can be added to a page that runs none
        )
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(path.resolve().as_uri())
        if ready and script:
            page.wait_for_function(READY, timeout=15_000)
        return page

    yield open_page
    for context in contexts:
        context.close()
    assert errors == []


def map_file(
    tmp_path: Path, lang: str = "en", *, route: bool = False, data: Path = DEFAULT_DATA
) -> Path:
    career_map = load_paths(data)
    graph = build_graph(career_map)
    routes = find_routes(graph, *ROUTE, alternatives=2) if route else []
    target = tmp_path / f"map-{lang}-{'route' if route else 'all'}.html"
    write_html(target, render_html(career_map, graph, routes=routes, lang=lang))
    return target


def plan_file(tmp_path: Path, lang: str = "en") -> Path:
    target = tmp_path / f"plan-{lang}.html"
    result = CliRunner().invoke(
        cli,
        ["--data", str(DEFAULT_DATA), "plan", *ROUTE, "--lang", lang, "-o", str(target)],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return target


def me_file(tmp_path: Path, lang: str = "en") -> Path:
    """A `render --me` page: a PMO coordinator's profile on the bundled map."""
    me = tmp_path / "me.yaml"
    me.write_text(
        "role: pmo_coordinator\nyears_in_role: 1.5\nskills:\n  reporting: 3\n  data_analysis: 2\n",
        encoding="utf-8",
    )
    target = tmp_path / f"me-{lang}.html"
    result = CliRunner().invoke(
        cli,
        ["--data", str(DEFAULT_DATA), "render", "--me", str(me), "--lang", lang, "-o", str(target)],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return target


def scale(page: Page) -> float:
    value: float = page.evaluate("() => window.careergraph.network.getScale()")
    return value


def label_px(page: Page) -> float:
    """The CSS pixel size vis-network draws role labels at: font size times view scale."""
    value: float = page.evaluate(
        "() => window.careergraph.data.options.nodes.font.size"
        " * window.careergraph.network.getScale()"
    )
    return value


def on_screen(page: Page, role: str) -> tuple[float, float]:
    point = page.evaluate(
        """id => {
            const network = window.careergraph.network;
            const at = network.canvasToDOM(network.getPositions([id])[id]);
            const box = document.getElementById("map").getBoundingClientRect();
            return [box.left + at.x, box.top + at.y];
        }""",
        role,
    )
    return float(point[0]), float(point[1])


# -- first view, controls, keys, limits ---------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_first_view_is_readable_and_zoom_has_buttons_keys_and_limits(
    lang: str, tmp_path: Path, pages: Callable[..., Page]
) -> None:
    page = pages(map_file(tmp_path, lang))
    assert label_px(page) >= 11
    ui = _ui(lang)
    first = scale(page)
    page.get_by_role("button", name=ui["zoom_in"]).click()
    page.wait_for_timeout(400)
    assert scale(page) == pytest.approx(first * 1.25)
    page.get_by_role("button", name=ui["zoom_out"]).click()
    page.wait_for_timeout(400)
    assert scale(page) == pytest.approx(first)
    page.get_by_role("button", name=ui["fit"]).click()
    page.wait_for_timeout(500)
    fitted = scale(page)
    assert fitted < first  # the bundled map is larger than a window at a readable size
    assert page.evaluate("() => window.careergraph.minScale") <= fitted
    # Keys: + and - zoom, 0 or F fit; documented in the page.
    assert page.locator("#keys-help").inner_text() == ui["shortcuts"]
    page.locator("body").press("+")
    page.wait_for_timeout(400)
    assert scale(page) == pytest.approx(fitted * 1.25)
    page.locator("body").press("-")
    page.wait_for_timeout(400)
    assert scale(page) == pytest.approx(fitted)
    page.locator("body").press("+")
    page.wait_for_timeout(400)
    page.locator("body").press("f")
    page.wait_for_timeout(500)
    assert scale(page) == pytest.approx(fitted)
    page.locator("body").press("+")
    page.wait_for_timeout(400)
    page.locator("body").press("0")
    page.wait_for_timeout(500)
    assert scale(page) == pytest.approx(fitted)
    # Limits: neither the wheel nor the buttons go past them.
    box = page.locator("#map").bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    for _ in range(40):
        page.mouse.wheel(0, 400)
    page.wait_for_timeout(200)
    assert scale(page) == pytest.approx(page.evaluate("() => window.careergraph.minScale"))
    for _ in range(60):
        page.mouse.wheel(0, -400)
    page.wait_for_timeout(200)
    assert scale(page) == pytest.approx(page.evaluate("() => window.careergraph.maxScale"))
    # Arrow keys pan when the map has focus.
    page.focus("#map .vis-network")
    before = page.evaluate("() => window.careergraph.network.getViewPosition().x")
    page.keyboard.press("ArrowRight")
    assert page.evaluate("() => window.careergraph.network.getViewPosition().x") > before


# -- phone --------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_on_a_phone_the_map_is_full_width_and_the_panel_a_sheet_under_it(
    lang: str, tmp_path: Path, pages: Callable[..., Page]
) -> None:
    page = pages(map_file(tmp_path, lang), PHONE, touch=True)
    ui = _ui(lang)
    map_box = page.locator("#map").bounding_box()
    panel_box = page.locator("#panel").bounding_box()
    assert map_box is not None and panel_box is not None
    assert map_box["x"] == 0 and map_box["width"] == PHONE["width"]
    assert map_box["height"] > 250
    assert panel_box["width"] == PHONE["width"]
    assert panel_box["y"] >= map_box["y"] + map_box["height"] - 0.5  # under the map, not over it
    assert panel_box["y"] + panel_box["height"] <= PHONE["height"] + 0.5
    assert label_px(page) >= 11
    # Tap a role: it is selected and the sheet shows it.
    page.evaluate(
        """() => {
            const network = window.careergraph.network;
            const at = network.getPositions(["pmo_coordinator"]).pmo_coordinator;
            network.moveTo({ position: at, animation: false });
        }"""
    )
    assert page.evaluate("() => document.getElementById('details').dataset.role") == ""
    x, y = on_screen(page, "pmo_coordinator")
    page.touchscreen.tap(x, y)
    page.wait_for_function(
        "() => document.getElementById('details').dataset.role === 'pmo_coordinator'"
    )
    selected = page.evaluate("() => window.careergraph.network.getSelectedNodes()")
    assert selected == ["pmo_coordinator"]
    # Tap the handle: the sheet folds to its header and the map takes the room; again, it opens.
    handle = page.locator(".sheet-handle")
    assert handle.get_attribute("aria-label") == ui["hide_panel"]
    hbox = handle.bounding_box()
    assert hbox is not None
    page.touchscreen.tap(hbox["x"] + hbox["width"] / 2, hbox["y"] + hbox["height"] / 2)
    page.wait_for_timeout(200)
    assert page.locator("#panel-body").is_hidden()
    assert handle.get_attribute("aria-expanded") == "false"
    assert handle.get_attribute("aria-label") == ui["show_panel"]
    grown = page.locator("#map").bounding_box()
    assert grown is not None and grown["height"] > map_box["height"] + 100
    hbox = handle.bounding_box()
    assert hbox is not None
    page.touchscreen.tap(hbox["x"] + hbox["width"] / 2, hbox["y"] + hbox["height"] / 2)
    page.wait_for_timeout(200)
    assert page.locator("#panel-body").is_visible()
    # Drag the handle up: the sheet grows, the map shrinks, neither covers the other.
    hbox = handle.bounding_box()
    assert hbox is not None
    page.evaluate(
        """([x, y]) => {
            const handle = document.querySelector(".sheet-handle");
            const fire = (type, at) => handle.dispatchEvent(new PointerEvent(type,
                {pointerId: 7, pointerType: "touch", clientX: x, clientY: at, bubbles: true}));
            fire("pointerdown", y);
            fire("pointermove", y - 60);
            fire("pointermove", y - 150);
            fire("pointerup", y - 150);
        }""",
        [hbox["x"] + 20, hbox["y"] + 10],
    )
    page.wait_for_timeout(200)
    taller = page.locator("#panel").bounding_box()
    smaller = page.locator("#map").bounding_box()
    assert taller is not None and smaller is not None
    assert taller["height"] == pytest.approx(panel_box["height"] + 150, abs=2)
    assert taller["y"] >= smaller["y"] + smaller["height"] - 0.5
    # The search works by touch too.
    page.locator("#search").tap()
    page.locator("#search").fill("cto")
    page.locator("#search-results [role=option]").first.tap()
    page.wait_for_function("() => document.getElementById('details').dataset.role === 'cto'")


# -- print --------------------------------------------------------------------------------------


def pdf_pages(page: Page, tmp_path: Path) -> list[str]:
    """The printed page's text, page by page (pdftotext, from poppler-utils)."""
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: apt-get install poppler-utils (scripts/test.sh does)")
    target = tmp_path / "printed.pdf"
    page.pdf(path=str(target), prefer_css_page_size=True, print_background=True)
    text = subprocess.run(
        ["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")


def flat(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_route_page_prints_the_map_alone_then_every_step(
    lang: str, tmp_path: Path, pages: Callable[..., Page]
) -> None:
    page = pages(map_file(tmp_path, lang, route=True))
    career_map = load_paths(DEFAULT_DATA)
    best = find_routes(build_graph(career_map), *ROUTE, alternatives=2)[0]
    page.emulate_media(media="print")
    page.wait_for_timeout(300)
    styles = page.evaluate(
        """() => {
            const css = (s) => getComputedStyle(document.querySelector(s));
            const panel = document.getElementById("panel");
            return {
                breakAfter: css("#map-area").breakAfter,
                panelOverflow: css("#panel").overflowY,
                panelCut: panel.scrollHeight - panel.clientHeight,
                bodyOverflow: css("body").overflowY,
                fit: css("#map canvas").objectFit,
                search: css(".search").display,
            };
        }"""
    )
    assert styles == {
        "breakAfter": "page",
        "panelOverflow": "visible",
        "panelCut": 0,
        "bodyOverflow": "visible",
        "fit": "contain",
        "search": "none",
    }
    printed = pdf_pages(page, tmp_path)
    names = {r: career_map.roles[r].name.get(lang) for r in career_map.roles}
    ui = _ui(lang)
    # The first page is the map (legend and canvas), with no step of the panel.
    assert ui["build"] not in printed[0]
    rest = flat("".join(printed[1:]))
    for step in best.steps:
        move = step.transition
        assert flat(f"{names[move.source]} → {names[move.target]}") in rest
    assert flat(ui["total"]) in rest
    assert rest.count(flat(ui["build"] + ":")) == len(best.steps)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_map_page_prints_the_whole_map_then_the_selected_role(
    lang: str, tmp_path: Path, pages: Callable[..., Page]
) -> None:
    page = pages(map_file(tmp_path, lang))
    page.evaluate("() => window.careergraph.select('pmo_coordinator')")
    page.wait_for_timeout(500)
    page.emulate_media(media="print")
    page.wait_for_timeout(300)
    # The whole map is in view: every role's box lies inside the canvas.
    outside = page.evaluate(
        """() => {
            const network = window.careergraph.network;
            const box = document.getElementById("map").getBoundingClientRect();
            return window.careergraph.nodes.getIds().filter((id) => {
                const at = network.canvasToDOM(network.getPositions([id])[id]);
                return at.x < 0 || at.y < 0 || at.x > box.width || at.y > box.height;
            });
        }"""
    )
    assert outside == []
    printed = pdf_pages(page, tmp_path)
    career_map = load_paths(DEFAULT_DATA)
    role = career_map.roles["pmo_coordinator"]
    rest = flat("".join(printed[1:]))
    assert flat(role.name.get(lang)) in rest
    for skill in role.skills:
        assert flat(career_map.skills[skill].name.get(lang)) in rest
    page.emulate_media(media="screen")


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_plan_page_prints_every_step_uncut(
    lang: str, tmp_path: Path, pages: Callable[..., Page]
) -> None:
    page = pages(plan_file(tmp_path, lang), ready=False)
    page.emulate_media(media="print")
    headings = [flat(t) for t in page.locator("section.step h2").all_inner_texts()]
    assert headings
    wide = page.evaluate(
        "() => Array.from(document.querySelectorAll('table, section, p, li'))"
        ".filter(e => e.scrollWidth > e.clientWidth + 1).length"
    )
    assert wide == 0
    printed = flat("".join(pdf_pages(page, tmp_path)))
    for heading in headings:
        assert heading in printed


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("kind", ["map", "me"])
def test_a_route_found_in_the_page_prints_every_step(
    kind: str, lang: str, tmp_path: Path, pages: Callable[..., Page]
) -> None:
    """On a map page (routes asked in the page) and a `render --me` page (routes from you)."""
    page = pages(me_file(tmp_path, lang) if kind == "me" else map_file(tmp_path, lang))
    start = "@me" if kind == "me" else ROUTE[0]
    answer = page.evaluate(
        "([a, b]) => window.careergraph.showRoute(a, b, {k: 2})", [start, ROUTE[1]]
    )
    assert len(answer["routes"]) == 3
    page.emulate_media(media="print")
    page.wait_for_timeout(300)
    panel = "document.getElementById('panel')"
    assert page.evaluate(f"() => {panel}.scrollHeight - {panel}.clientHeight") == 0
    printed = pdf_pages(page, tmp_path)
    career_map = load_paths(DEFAULT_DATA)
    names = {r: career_map.roles[r].name.get(lang) for r in career_map.roles}
    ui = _ui(lang)
    assert ui["build"] not in printed[0]  # the map has its page to itself
    rest = flat("".join(printed[1:]))
    steps = [step for found in answer["routes"] for step in found["steps"]]
    for step in steps:
        assert flat(f"{names[step['from']]} → {names[step['to']]}") in rest
    assert rest.count(flat(ui["build"] + ":")) == len(steps)
    page.emulate_media(media="screen")


# -- keyboard and screen readers ----------------------------------------------------------------


# Whether the details' heading is in the panel's sight, below whatever stays stuck at its top.
HEADING_IN_SIGHT = """() => {
    const panel = document.getElementById("panel").getBoundingClientRect();
    const heading = document.getElementById("details-heading").getBoundingClientRect();
    const stuck = Array.from(document.querySelectorAll(".panel-header, .sheet-handle"))
        .filter((p) => getComputedStyle(p).position === "sticky")
        .reduce((h, p) => Math.max(h, p.getBoundingClientRect().bottom), panel.top);
    return [heading.top >= stuck - 1, heading.bottom <= panel.bottom + 1];
}"""


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_selection_moves_focus_and_scroll_to_the_heading_and_is_announced(
    lang: str, tmp_path: Path, pages: Callable[..., Page]
) -> None:
    page = pages(map_file(tmp_path, lang))
    career_map = load_paths(DEFAULT_DATA)
    ui = _ui(lang)
    page.evaluate("() => window.careergraph.select('pmo_coordinator')")
    page.evaluate("() => { document.getElementById('panel').scrollTop = 10000; }")
    target = career_map.roles["pmo_coordinator"]
    follow = page.locator("#details .moves button").first
    name = follow.inner_text()
    follow.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("n => document.activeElement.textContent === n", arg=name)
    assert page.evaluate("() => document.activeElement.id") == "details-heading"
    # The heading is in sight (below the route planner's form, which stays above it).
    assert page.evaluate(HEADING_IN_SIGHT) == [True, True]
    page.wait_for_function(
        "n => document.getElementById('announcer').textContent.includes(n)", arg=name
    )
    said = page.locator("#announcer").inner_text()
    assert said.startswith(ui["selected"].split("{name}")[0] + name)
    assert page.locator("#announcer").get_attribute("aria-live") == "polite"
    # Levels are read as numbers.
    page.evaluate("() => window.careergraph.select('pmo_coordinator')")
    labels = page.locator("#details .skills .pips").evaluate_all(
        "ps => ps.map(p => [p.getAttribute('role'), p.getAttribute('aria-label')])"
    )
    levels = sorted(target.skills.values(), reverse=True)
    assert labels == [["img", ui["level_of"].format(level=level)] for level in levels]
    # On a route page the role's heading, below the route's steps, is scrolled into sight.
    for viewport in (DESKTOP, PHONE):
        routed = pages(map_file(tmp_path, lang, route=True), viewport)
        routed.evaluate("() => window.careergraph.select('cto')")
        assert routed.evaluate("() => document.activeElement.id") == "details-heading"
        assert routed.evaluate(HEADING_IN_SIGHT) == [True, True], viewport
    # The canvas has a role and a name.
    canvas = page.locator("#map canvas")
    assert canvas.get_attribute("role") == "img"
    assert str(len(career_map.roles)) in (canvas.get_attribute("aria-label") or "")


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_search_is_an_aria_combobox(
    lang: str, tmp_path: Path, pages: Callable[..., Page]
) -> None:
    page = pages(map_file(tmp_path, lang))
    box = page.locator("#search")
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "false"
    assert box.get_attribute("aria-controls") == "search-results"
    assert page.locator("#search-results").get_attribute("role") == "listbox"
    box.focus()
    page.keyboard.type("manager")
    assert box.get_attribute("aria-expanded") == "true"
    options = page.locator("#search-results [role=option]")
    ids = options.evaluate_all("os => os.map(o => o.dataset.role)")
    assert ids == page.evaluate("() => window.careergraph.find('manager').slice(0, 12)")
    assert len(ids) > 2
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert active == options.nth(1).get_attribute("id")
    assert options.nth(1).get_attribute("aria-selected") == "true"
    page.keyboard.press("ArrowUp")
    assert box.get_attribute("aria-activedescendant") == options.nth(0).get_attribute("id")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "id => document.getElementById('details').dataset.role === id", arg=ids[1]
    )
    assert box.get_attribute("aria-expanded") == "false"
    box.fill("")
    box.focus()
    page.keyboard.type("x")
    assert box.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert page.locator("#search-results").is_hidden()


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_text_view_is_reached_by_keyboard_and_is_what_noscript_shows(
    lang: str, tmp_path: Path, pages: Callable[..., Page]
) -> None:
    path = map_file(tmp_path, lang, route=True)
    career_map = load_paths(DEFAULT_DATA)
    ui = _ui(lang)
    page = pages(path)
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "skip-text"
    assert page.locator("#skip-text").inner_text() == ui["skip_text"]
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "text-view-title"
    assert page.locator("#map-area").is_hidden()

    def rows(view: Any) -> list[str]:
        found: list[str] = view.locator("tbody th[scope=row]").all_inner_texts()
        return sorted(found)

    names = sorted(role.name.get(lang) for role in career_map.roles.values())
    shown = page.locator("#text-view")
    assert rows(shown) == names
    moves = shown.locator("table.text-moves tbody tr").count()
    assert moves == len(career_map.transitions)
    assert shown.locator("h3").first.inner_text() == ui["best_route"]
    page.keyboard.press("Escape")
    assert page.locator("#map-area").is_visible()
    assert page.evaluate("() => document.activeElement.className") == "text-view-toggle"
    # Without JavaScript the same text view is the page.
    bare = pages(path, script=False)
    assert rows(bare.locator("noscript #text-view, #text-view")) == names
    assert bare.locator("#text-view").is_visible()
    assert bare.locator("#map-area").is_hidden()
    assert bare.evaluate("() => document.documentElement.lang") == lang
    assert bare.title() == ui["title"]


def axe_serious(page: Page) -> list[str]:
    if not AXE_JS.is_file():
        pytest.fail(
            f"axe-core is missing at {AXE_JS}: scripts/test.sh fetches it with "
            f"`npm pack axe-core@{AXE_VERSION}` (or set CAREERGRAPH_AXE_JS).",
            pytrace=False,
        )
    page.add_script_tag(path=str(AXE_JS))
    found = page.evaluate(
        """async () => {
            const result = await axe.run(document, { resultTypes: ["violations"] });
            return result.violations
                .filter((v) => v.impact === "serious" || v.impact === "critical")
                .map((v) => v.id + ": " + v.nodes.map((n) => n.target.join(" ")).join(", "));
        }"""
    )
    return list(found)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("kind", ["map", "route", "plan"])
def test_axe_finds_no_serious_violation(
    kind: str, lang: str, viewport: dict[str, int], tmp_path: Path, pages: Callable[..., Page]
) -> None:
    if kind == "plan":
        page = pages(plan_file(tmp_path, lang), viewport, ready=False, csp=False)
    else:
        page = pages(map_file(tmp_path, lang, route=kind == "route"), viewport, csp=False)
        page.evaluate("() => window.careergraph.select('pmo_coordinator')")
        page.wait_for_timeout(400)
    assert axe_serious(page) == []
    if kind != "plan":
        page.evaluate("() => window.careergraph.showTextView(true)")
        assert axe_serious(page) == []


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("kind", ["map", "me"])
def test_axe_finds_no_serious_violation_in_the_planner(
    kind: str, lang: str, viewport: dict[str, int], tmp_path: Path, pages: Callable[..., Page]
) -> None:
    """From/To boxes (ARIA comboboxes, their lists open), options, routes found in the page,
    compare, and a profile's shading and legend; results are said in the live region."""
    path = me_file(tmp_path, lang) if kind == "me" else map_file(tmp_path, lang)
    page = pages(path, viewport, csp=False)
    ui = _ui(lang)
    for box in ("route-from", "route-to"):
        field = page.locator(f"#{box}")
        assert field.get_attribute("role") == "combobox"
        assert field.get_attribute("aria-controls") == f"{box}-matches"
        assert page.locator(f"#{box}-matches").get_attribute("role") == "listbox"
    page.locator("#route-to").fill("cto")
    assert page.locator("#route-to").get_attribute("aria-expanded") == "true"
    page.locator("#route-to").press("ArrowDown")
    active = page.locator("#route-to").get_attribute("aria-activedescendant")
    assert active and page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    assert axe_serious(page) == []  # with the list of matches open
    page.locator("#route-to").press("Enter")
    chosen = page.evaluate("() => document.getElementById('route-to').dataset.role")
    if kind == "map":
        page.locator("#route-from").fill("pmo_coordinator")
        page.locator("#route-from").press("Enter")
    page.locator("#route-k").fill("2")
    page.locator("#route-find").click()
    assert page.locator("#route .found-route").count() >= 1
    said = ui["route_done"].split("{count}")[-1].split(":")[0]
    page.wait_for_function(
        "s => document.getElementById('announcer').textContent.includes(s)", arg=said
    )
    assert page.locator("#announcer").inner_text() == page.locator("#route-status").inner_text()
    if kind == "me":
        assert page.locator("#legend-fit").is_visible() or viewport == PHONE
    assert axe_serious(page) == []
    # Compare, from the selected role's panel; its result is said too.
    page.evaluate("() => window.careergraph.select('pmo_coordinator')")
    page.locator("#compare-target").fill(chosen)
    page.locator("#compare-go").click()
    title = page.locator("#compare h2").inner_text()
    page.wait_for_function(
        "t => document.getElementById('announcer').textContent.startsWith(t)", arg=title
    )
    assert axe_serious(page) == []


# -- large maps ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def large_map_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from benchmarks.generate import write_map as write_generated

    return write_generated(2_300, tmp_path_factory.mktemp("large") / "large.yaml")


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_large_map_finds_and_draws_roles_it_left_out(
    lang: str, large_map_file: Path, tmp_path: Path, pages: Callable[..., Page]
) -> None:
    career_map = load_paths(large_map_file)
    graph = build_graph(career_map)
    target = tmp_path / "large.html"
    write_html(target, render_html(career_map, graph, lang=lang))
    page = pages(target)
    drawn = set(page.evaluate("() => window.careergraph.nodes.getIds()"))
    assert len(drawn) < len(career_map.roles)
    notice = page.locator("#notice").inner_text()
    assert notice == _ui(lang)["page_notice"].format(
        total=f"{len(career_map.roles):,}", drawn=f"{len(drawn):,}"
    )
    assert "--" not in notice
    left_out = sorted(set(career_map.roles) - drawn)
    role = career_map.roles[left_out[-1]]
    # Searched by its name, it is found; chosen, it is drawn with the roles one move from it.
    page.locator("#search").fill(role.name.get(lang))
    options = page.locator("#search-results [role=option]")
    assert role.id in options.evaluate_all("os => os.map(o => o.dataset.role)")
    page.locator(f"#search-results [data-role='{role.id}']").click()
    page.wait_for_function(
        "id => document.getElementById('details').dataset.role === id", arg=role.id
    )
    around = {role.id, *graph.successors(role.id), *graph.predecessors(role.id)}
    now = set(page.evaluate("() => window.careergraph.nodes.getIds()"))
    assert now == drawn | around
    edges = {
        tuple(e)
        for e in page.evaluate("() => window.careergraph.edges.get().map(e => [e.from, e.to])")
    }
    for a, b in graph.edges:
        if role.id in (a, b):
            assert (a, b) in edges
    assert page.locator("#details h2").inner_text() == role.name.get(lang)
    # reveal(ids) draws the given roles and their moves to drawn roles, for routes to call.
    more = [r for r in left_out if r not in now][:3]
    added = page.evaluate("ids => window.careergraph.reveal(ids)", more)
    assert added == more
    final = set(page.evaluate("() => window.careergraph.nodes.getIds()"))
    assert final == now | set(more)
    edges = {
        tuple(e)
        for e in page.evaluate("() => window.careergraph.edges.get().map(e => [e.from, e.to])")
    }
    expected = {(a, b) for a, b in graph.edges if a in final and b in final}
    assert expected <= edges
    boxes = page.evaluate(
        """ids => ids.map(id => window.careergraph.network.getBoundingBox(id))""", more
    )
    assert all(box["right"] > box["left"] for box in boxes)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_route_found_in_a_large_page_draws_and_colours_every_role_on_it(
    lang: str, large_map_file: Path, tmp_path: Path, pages: Callable[..., Page]
) -> None:
    from careergraph.render.labels import wrap_label

    career_map = load_paths(large_map_file)
    graph = build_graph(career_map)
    assert len(career_map.roles) > 2_000
    target = tmp_path / "large.html"
    write_html(target, render_html(career_map, graph, lang=lang))
    page = pages(target)
    drawn = set(page.evaluate("() => window.careergraph.nodes.getIds()"))
    # A route from a role the page left out, over at least two roles it left out.
    left_out = sorted(set(career_map.roles) - drawn)
    route = None
    for source in left_out[::-1]:
        for goal in sorted(graph.successors(source)):
            for after in sorted(graph.successors(goal)):
                if after != source:
                    route = find_routes(graph, source, after)[0]
                    if len(set(route.roles) - drawn) >= 2:
                        break
                    route = None
            if route:
                break
        if route:
            break
    assert route is not None
    answer = page.evaluate(
        "([a, b]) => window.careergraph.showRoute(a, b, {})", [route.roles[0], route.roles[-1]]
    )
    best = answer["routes"][0]
    now = set(page.evaluate("() => window.careergraph.nodes.getIds()"))
    assert set(best["roles"]) <= now
    colour = page.evaluate("() => window.careergraph.data.routeColours[0]")
    painted = page.evaluate(
        """ids => ids.map(id => {
            const node = window.careergraph.nodes.get(id);
            return [node.color.border, node.label];
        })""",
        best["roles"],
    )
    names = [career_map.roles[r].name.get(lang) for r in best["roles"]]
    assert [p[0] for p in painted] == [colour] * len(best["roles"])
    # Roles drawn on demand are labelled as the page labels the roles it draws first.
    assert [p[1] for p in painted] == [wrap_label(n) for n in names]
    moves = page.evaluate(
        """steps => steps.map(s => {
            const edge = window.careergraph.edges.get(s.from + "->" + s.to);
            return edge ? edge.color.color : null;
        })""",
        best["steps"],
    )
    assert moves == [colour] * len(best["steps"])
    assert page.locator("#route .step").count() == len(best["steps"])


# -- fonts --------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_pages_and_labels_name_the_japanese_system_fonts(
    lang: str, tmp_path: Path, pages: Callable[..., Page]
) -> None:
    for name in JAPANESE_FONTS:
        assert f"'{name}'" in FONT or f" {name}," in FONT
    page = pages(map_file(tmp_path, lang, route=True))
    body = page.evaluate("() => getComputedStyle(document.body).fontFamily")
    face = page.evaluate("() => window.careergraph.data.options.nodes.font.face")
    edge_face = page.evaluate("() => window.careergraph.data.options.edges.font.face")
    plan = pages(plan_file(tmp_path, lang), ready=False)
    plan_body = plan.evaluate("() => getComputedStyle(document.body).fontFamily")
    for name in JAPANESE_FONTS:
        for family in (body, face, edge_face, plan_body):
            assert name in family, (name, family)
