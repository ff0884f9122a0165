"""Headless Chromium for the map page: every request recorded, anything outside the file blocked."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from benchmarks.chromium import CHROMIUM, CHROMIUM_ARGS
from playwright.sync_api import (
    Browser,
    ConsoleMessage,
    Page,
    Playwright,
    Route,
    ViewportSize,
    sync_playwright,
)

from careergraph.graph import build_graph
from careergraph.load import load_paths
from careergraph.query import find_routes
from careergraph.render.html import render_html, write_html

VIEWPORT: ViewportSize = {"width": 1920, "height": 1080}
READY = "() => window.careergraph !== undefined && window.careergraph.ready === true"


@dataclass
class MapPage:
    """An open map page and everything it asked for or complained about."""

    page: Page
    url: str
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def js(self, script: str, arg: Any = None) -> Any:
        return self.page.evaluate(script, arg)

    def outside_requests(self) -> list[str]:
        """Requests for anything but the page's own file (inline data: URLs are part of it)."""
        return [u for u in self.requests if u != self.url and not u.startswith("data:")]

    def node_on_screen(self, role_id: str) -> tuple[float, float]:
        """Where a role's box centre is, in page coordinates."""
        point = self.js(
            """id => {
                const network = window.careergraph.network;
                const at = network.canvasToDOM(network.getPositions([id])[id]);
                const box = document.getElementById("map").getBoundingClientRect();
                return [box.left + at.x, box.top + at.y];
            }""",
            role_id,
        )
        return float(point[0]), float(point[1])

    def into_view(self, role_id: str) -> None:
        """Move the view (not the scale) so a role is in the middle of the map, if it is not in
        sight: the first view of a large map shows only part of it, at a readable size."""
        self.js(
            """id => {
                const network = window.careergraph.network;
                const at = network.canvasToDOM(network.getPositions([id])[id]);
                const box = document.getElementById("map").getBoundingClientRect();
                if (at.x < 60 || at.y < 60 || at.x > box.width - 60 || at.y > box.height - 60) {
                    const position = network.getPositions([id])[id];
                    network.moveTo({ position: position, animation: false });
                }
            }""",
            role_id,
        )

    def hover(self, role_id: str) -> None:
        self.into_view(role_id)
        x, y = self.node_on_screen(role_id)
        self.page.mouse.move(x + 40, y + 60)
        self.page.mouse.move(x, y, steps=4)


@pytest.fixture(scope="session")
def chromium_driver() -> Iterator[Playwright]:
    if not CHROMIUM.is_file():
        pytest.fail(
            f"Chromium is missing at {CHROMIUM}: the browser tests need it "
            "(on Debian: apt-get install chromium fonts-noto-cjk; scripts/test.sh does this).",
            pytrace=False,
        )
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(chromium_driver: Playwright) -> Iterator[Browser]:
    browser = chromium_driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def open_map(browser: Browser) -> Iterator[Callable[[Path], MapPage]]:
    """Open a written map; the page is ready (first draw done) when this returns."""
    contexts = []

    def open_file(path: Path) -> MapPage:
        context = browser.new_context(viewport=VIEWPORT)
        contexts.append(context)
        shown = MapPage(context.new_page(), path.resolve().as_uri())

        def gate(route: Route) -> None:
            url = route.request.url
            if url == shown.url or url.startswith("data:"):
                route.continue_()
            else:
                shown.blocked.append(url)
                route.abort()

        def console(message: ConsoleMessage) -> None:
            if message.type == "error":
                shown.errors.append(message.text)

        context.route("**/*", gate)
        context.on("request", lambda request: shown.requests.append(request.url))
        shown.page.on("console", console)
        shown.page.on("pageerror", lambda error: shown.errors.append(str(error)))
        shown.page.goto(shown.url)
        shown.page.wait_for_function(READY, timeout=15_000)
        return shown

    yield open_file
    for context in contexts:
        context.close()


@pytest.fixture
def write_map(tmp_path: Path) -> Callable[..., Path]:
    """Render a data file's map (optionally with a route) to a file in tmp_path."""

    def write(
        data_file: Path,
        *,
        route: tuple[str, str] | None = None,
        alternatives: int = 0,
        tracks: list[str] | None = None,
        lang: str = "en",
        name: str = "map.html",
    ) -> Path:
        career_map = load_paths(data_file)
        graph = build_graph(career_map)
        routes = find_routes(graph, *route, alternatives=alternatives) if route else []
        target = tmp_path / name
        write_html(target, render_html(career_map, graph, routes=routes, tracks=tracks, lang=lang))
        return target

    return write
