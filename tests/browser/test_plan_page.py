"""The printable plan page in headless Chromium: it loads cleanly, asks for nothing outside its
own file, shows the steps in order, prints, and shows hostile data as text."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner
from playwright.sync_api import Browser, ConsoleMessage, Page, Route
from tests.browser.conftest import VIEWPORT
from tests.conftest import FIXTURES

from careergraph.cli import cli

pytestmark = pytest.mark.browser

LADDER = FIXTURES / "plan" / "ladder.yaml"
HOSTILE = FIXTURES / "plan" / "hostile.yaml"
ME = FIXTURES / "profile" / "me.yaml"


@dataclass
class PlanPage:
    """An open plan page and everything it asked for or complained about."""

    page: Page
    url: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def texts(self, selector: str) -> list[str]:
        return [t.strip() for t in self.page.locator(selector).all_inner_texts()]


def write_plan(tmp_path: Path, data: Path, *args: str) -> Path:
    target = tmp_path / "plan.html"
    result = CliRunner().invoke(
        cli, ["--data", str(data), "plan", *args, "-o", str(target)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.stderr
    return target


@pytest.fixture
def open_plan(browser: Browser) -> Iterator[Callable[[Path], PlanPage]]:
    contexts = []

    def open_file(path: Path) -> PlanPage:
        context = browser.new_context(viewport=VIEWPORT)
        contexts.append(context)
        shown = PlanPage(context.new_page(), path.resolve().as_uri())

        def gate(route: Route) -> None:
            if route.request.url == shown.url:
                route.continue_()
            else:
                route.abort()

        def console(message: ConsoleMessage) -> None:
            if message.type in ("error", "warning"):
                shown.errors.append(message.text)

        context.route("**/*", gate)
        context.on("request", lambda request: shown.requests.append(request.url))
        shown.page.on("console", console)
        shown.page.on("pageerror", lambda error: shown.errors.append(str(error)))
        shown.page.goto(shown.url, wait_until="load")
        return shown

    yield open_file
    for context in contexts:
        context.close()


def test_plan_page_loads_cleanly_and_shows_the_steps_in_order(
    tmp_path: Path, open_plan: Callable[[Path], PlanPage]
) -> None:
    shown = open_plan(write_plan(tmp_path, LADDER, "coordinator", "program_manager"))
    assert shown.errors == []
    assert shown.requests == [shown.url]
    assert shown.page.title() == "Promotion plan: PMO coordinator → Program manager"
    assert shown.texts("section.step h2") == [
        "Step 1: PMO coordinator → PMO manager",
        "Step 2: PMO manager → Program manager",
    ]
    assert shown.texts("table.route tbody tr td:nth-child(2)") == [
        "PMO coordinator → PMO manager",
        "PMO manager → Program manager",
    ]
    first = shown.page.locator("#step-1")
    assert first.locator("table.skills tbody tr td:first-child").all_inner_texts() == [
        "Stakeholder management",
        "Planning",
        "PMP",
    ]
    assert first.locator("ol.interview li").all_inner_texts() == [
        "How do you report a slipping project?",
        "How do you pick a tool for the office?",
    ]
    assert "PMP exam" in first.locator("ul.certifications").inner_text()
    # Steps are laid out top to bottom in route order.
    tops = [
        box["y"]
        for box in (s.bounding_box() for s in shown.page.locator("section.step").all())
        if box
    ]
    assert tops == sorted(tops) and len(tops) == 2


def test_plan_page_in_japanese_from_a_profile(
    tmp_path: Path, open_plan: Callable[[Path], PlanPage]
) -> None:
    shown = open_plan(write_plan(tmp_path, LADDER, "--me", str(ME), "PgM", "--lang", "ja"))
    assert shown.errors == []
    assert shown.page.locator("html").get_attribute("lang") == "ja"
    assert shown.texts("h1") == ["昇進プラン: PMOマネージャー → プログラムマネージャー"]
    assert shown.texts("section.step h2") == ["ステップ1: PMOマネージャー → プログラムマネージャー"]
    assert shown.texts("p.meta")[0].startswith("プロフィール: me.yaml")


def test_plan_page_prints_without_its_screen_margins(
    tmp_path: Path, open_plan: Callable[[Path], PlanPage]
) -> None:
    shown = open_plan(write_plan(tmp_path, LADDER, "coordinator", "program_manager"))
    screen = shown.page.evaluate("getComputedStyle(document.querySelector('main')).maxWidth")
    shown.page.emulate_media(media="print")
    printed = shown.page.evaluate("getComputedStyle(document.querySelector('main')).maxWidth")
    assert screen == "52rem" or screen.endswith("px")
    assert printed == "none"
    assert len(shown.page.pdf(format="A4")) > 10_000


def test_hostile_data_is_shown_as_text_never_run(
    tmp_path: Path, open_plan: Callable[[Path], PlanPage]
) -> None:
    shown = open_plan(write_plan(tmp_path, HOSTILE, "start", "goal"))
    page = shown.page
    page.wait_for_timeout(200)
    assert page.evaluate("window.__pwned") is None
    assert shown.errors == []
    assert shown.requests == [shown.url]
    # Nothing in the data became an element: only the page's own markup is there.
    assert (
        page.evaluate(
            "document.querySelectorAll('script, img, svg, iframe, b, a[href^=javascript]').length"
        )
        == 0
    )
    assert page.evaluate("document.querySelectorAll('style').length") == 1
    assert page.title() == (
        "Promotion plan: <svg onload=window.__pwned=6> → "
        "Goal <!--careergraph:body--> {{ window.__pwned=7 }}"
    )
    assert shown.texts("ol.interview li") == [
        "<script>window.__pwned=9</script>",
        "'\"`${window.__pwned=10}`",
    ]
    assert shown.texts("table.skills tbody tr td:first-child") == [
        "<img src=x onerror=window.__pwned=2>",
        "R&D &amp; <!-- --> <b>bold</b>",
    ]
    link = page.locator("a.url")
    assert link.get_attribute("href") == 'https://example.org/"><script>window.__pwned=5</script>'
    assert page.locator("body").is_visible()


LEVELS = FIXTURES / "levels"
CHART_BARS = """() => {
    const svg = document.querySelector("section.standing svg");
    const unit = 56 * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return Array.from(svg.querySelectorAll("rect"), r => [
        r.getAttribute("fill"), Math.round(r.getBoundingClientRect().width / unit * 10) / 10,
    ]).slice(2);
}"""


@pytest.mark.parametrize(
    ("lang", "title", "rows"),
    [
        ("en", "Your levels against PMO manager", [["PMP", "1", "3"], ["Planning", "3", "4"]]),
        ("ja", "PMOマネージャーに対するあなたのレベル", [["PMP", "1", "3"], ["計画", "3", "4"]]),
    ],
)
def test_plan_page_from_a_profile_draws_levels_against_the_goal(
    tmp_path: Path,
    open_plan: Callable[[Path], PlanPage],
    lang: str,
    title: str,
    rows: list[list[str]],
) -> None:
    me = LEVELS / "me.yaml"
    shown = open_plan(
        write_plan(tmp_path, LEVELS / "map.yaml", "--me", str(me), "manager", "--lang", lang)
    )
    assert shown.errors == [] and shown.requests == [shown.url]
    chart = shown.page.locator("section.standing svg")
    assert chart.is_visible()
    # Its accessible name and description come from its own title and desc.
    assert chart.locator("title").text_content() == title
    assert shown.page.get_by_role("img", name=title, exact=True).count() == 1
    described = shown.page.evaluate(
        "() => document.getElementById("
        "document.querySelector('section.standing svg').getAttribute('aria-describedby')"
        ").textContent"
    )
    assert described == chart.locator("desc").text_content()
    table = shown.page.locator("section.standing table tbody tr")
    assert [row.locator("td").all_inner_texts() for row in table.all()] == rows
    # Filled bars as long as the levels held, outlined ones as long as those asked.
    bars = [["#2f6fde", 1.0], ["#fff", 3.0], ["#2f6fde", 3.0], ["#fff", 4.0]]
    assert shown.page.evaluate(CHART_BARS) == bars
    shown.page.emulate_media(media="print")
    assert chart.is_visible()
    assert shown.page.evaluate(CHART_BARS) == bars
    assert len(shown.page.pdf(format="A4")) > 10_000
