"""The map's panel names a role's sources and links those with a web address."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from tests.conftest import FIXTURES

if TYPE_CHECKING:
    from tests.browser.conftest import MapPage

pytestmark = pytest.mark.browser

Open = Callable[[Path], "MapPage"]
Write = Callable[..., Path]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_panel_links_a_source_with_an_address(
    lang: str, write_map: Write, open_map: Open
) -> None:
    shown = open_map(write_map(FIXTURES / "format" / "sources.yaml", lang=lang))
    shown.hover("senior")
    shown.page.wait_for_function(
        "() => document.getElementById('details').dataset.role === 'senior'"
    )
    items = shown.js(
        """() => Array.from(document.querySelectorAll('#details .plain-list li'))
            .map(li => [li.textContent, Array.from(li.querySelectorAll('a'))
                .map(a => [a.getAttribute('href'), a.rel])])"""
    )
    assert items[-2:] == [
        [
            "The public ladder https://example.org/ladder",
            [["https://example.org/ladder", "noopener noreferrer"]],
        ],
        ["An interview", []],
    ]
    assert shown.errors == []
    assert shown.outside_requests() == []
