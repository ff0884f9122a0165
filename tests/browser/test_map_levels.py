"""The map's panel: hovering or focusing a skill shows what it is and what its level looks like."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from tests.conftest import FIXTURES

if TYPE_CHECKING:
    from tests.browser.conftest import MapPage

pytestmark = pytest.mark.browser

LEVELS = FIXTURES / "levels" / "map.yaml"
ABOUT = """() => Array.from(document.querySelectorAll("#details .skills li"), li => {
    const about = li.querySelector(".skill-about");
    return [
        li.querySelector(".skill-name").textContent,
        about ? Array.from(about.children, line => line.textContent) : null,
        about ? getComputedStyle(about).display : null,
    ];
})"""


def select(shown: MapPage, role_id: str) -> None:
    shown.hover(role_id)
    shown.page.wait_for_function(
        f"() => document.getElementById('details').dataset.role === '{role_id}'"
    )


@pytest.mark.parametrize(
    ("lang", "coding", "planning"),
    [
        (
            "en",
            ["Writing and reviewing code.", "Level 4 looks like: Designs modules others build on"],
            ["Level 1 looks like: Keeps a task list"],
        ),
        (
            "ja",
            ["コードを書き、レビューする。", "レベル4の姿: 他人が使うモジュールを設計する"],
            ["レベル1の姿: タスクリストをつける"],
        ),
    ],
)
def test_a_skill_says_what_it_is_and_what_its_level_looks_like_on_hover_or_focus(
    write_map: Callable[..., Path],
    open_map: Callable[[Path], MapPage],
    lang: str,
    coding: list[str],
    planning: list[str],
) -> None:
    shown = open_map(write_map(LEVELS, lang=lang))
    select(shown, "senior")
    names = {"en": ("Coding", "Planning"), "ja": ("コーディング", "計画")}[lang]
    # Hidden until asked for: the panel stays short.
    assert shown.js(ABOUT) == [[names[0], coding, "none"], [names[1], planning, "none"]]
    first = shown.page.locator("#details .skills li").first
    first.hover()
    assert shown.js(ABOUT)[0][2] == "block"
    shown.page.mouse.move(1, 1)
    first.focus()
    assert shown.js(ABOUT)[0][2] == "block"
    described_by = first.get_attribute("aria-describedby")
    assert described_by == "skill-about-coding"
    assert shown.errors == [] and shown.outside_requests() == []


def test_a_skill_with_nothing_to_say_is_not_focusable(
    write_map: Callable[..., Path], open_map: Callable[[Path], MapPage]
) -> None:
    shown = open_map(write_map(FIXTURES / "small.yaml"))
    select(shown, "senior")
    assert shown.js(ABOUT) == [["Coding", None, None], ["Planning", None, None]]
    assert shown.page.locator("#details .skills li[tabindex]").count() == 0
