"""The map's panel lists a role's points requirements and its shared title."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from tests.conftest import FIXTURES

if TYPE_CHECKING:
    from tests.browser.conftest import MapPage

pytestmark = pytest.mark.browser

ITEMS = (
    """() => Array.from(document.querySelectorAll("#details .skills li"), li => li.textContent)"""
)


def select(shown: MapPage, role_id: str) -> None:
    shown.hover(role_id)
    shown.page.wait_for_function(
        f"() => document.getElementById('details').dataset.role === '{role_id}'"
    )


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            ["Python●●●●●3/5", "At least 9 points in all across Building ×2, Reviewing, Mentoring"],
        ),
        ("ja", ["Python●●●●●3/5", "構築 ×2、レビュー、育成で合計9ポイント以上"]),
    ],
)
def test_the_panel_lists_points_under_the_skills(
    write_map: Callable[..., Path],
    open_map: Callable[[Path], MapPage],
    lang: str,
    expected: list[str],
) -> None:
    shown = open_map(write_map(FIXTURES / "points" / "ladder.yaml", lang=lang))
    select(shown, "eng2")
    assert shown.js(ITEMS) == expected
    assert shown.errors == [] and shown.outside_requests() == []


def test_the_panel_shows_a_shared_title(
    write_map: Callable[..., Path], open_map: Callable[[Path], MapPage]
) -> None:
    shown = open_map(write_map(FIXTURES / "titles" / "ladders.yaml"))
    select(shown, "senior_data_engineer")
    headings = shown.js(
        "() => Array.from(document.querySelectorAll('#details h3'), h => h.textContent)"
    )
    assert "Title" in headings
    assert shown.errors == []
