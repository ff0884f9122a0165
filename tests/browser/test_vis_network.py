"""The map draws with the vis-network build it carries, with every outside request refused."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from tests.conftest import FIXTURES

if TYPE_CHECKING:
    from tests.browser.conftest import MapPage

pytestmark = pytest.mark.browser


def test_the_page_draws_offline_with_the_build_it_carries(
    write_map: Callable[..., Path], open_map: Callable[[Path], MapPage]
) -> None:
    target = write_map(FIXTURES / "small.yaml")
    page = target.read_text(encoding="utf-8")
    assert "<script src" not in page and "<link" not in page

    shown = open_map(target)

    assert shown.requests == [shown.url]  # the file itself, and nothing else
    assert shown.blocked == [] and shown.errors == []
    assert shown.js("() => typeof vis.Network") == "function"
    assert shown.js("() => window.careergraph.network instanceof vis.Network") is True
    drawn = shown.js(
        """() => {
            const canvas = document.querySelector("#map canvas");
            const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
            let painted = 0;
            for (let i = 3; i < data.data.length; i += 4) if (data.data[i] > 0) painted++;
            return painted;
        }"""
    )
    assert drawn > 1000
