"""The Mermaid export renders in Mermaid itself (the library GitHub uses), in headless Chromium."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from playwright.sync_api import Browser
from tests.conftest import DEFAULT_DATA, FIXTURES, ROOT

from careergraph.cli import cli
from careergraph.load import load_paths

pytestmark = pytest.mark.browser

# scripts/test.sh fetches this pinned Mermaid once (npm pack) into .cache/.
MERMAID_VERSION = "11.12.0"
MERMAID_JS = Path(
    os.environ.get(
        "CAREERGRAPH_MERMAID_JS", ROOT / ".cache" / f"mermaid-{MERMAID_VERSION}" / "mermaid.min.js"
    )
)
PAGE = """<!doctype html>
<meta charset="utf-8">
<script src="mermaid.min.js"></script>
<body></body>
"""
RENDER = """async (text) => {
    mermaid.initialize({startOnLoad: false, securityLevel: "strict"});
    try {
        const {svg} = await mermaid.render("exported", text);
        document.body.innerHTML = svg;
    } catch (error) {
        return {error: String(error && error.message || error)};
    }
    const root = document.querySelector("svg");
    return {
        error: null,
        nodes: Array.from(root.querySelectorAll("g.node")).map(n => n.id),
        labels: Array.from(root.querySelectorAll("g.node")).map(n => n.textContent.trim()),
        clusters: Array.from(root.querySelectorAll("g.cluster")).map(n => n.textContent.trim()),
        edges: root.querySelectorAll("path.flowchart-link").length,
    };
}"""


def render_in_mermaid(browser: Browser, text: str, tmp_path: Path) -> dict[str, Any]:
    if not MERMAID_JS.is_file():
        pytest.fail(
            f"Mermaid is missing at {MERMAID_JS}: scripts/test.sh fetches it with "
            f"`npm pack mermaid@{MERMAID_VERSION}` (or set CAREERGRAPH_MERMAID_JS).",
            pytrace=False,
        )
    shutil.copy(MERMAID_JS, tmp_path / "mermaid.min.js")
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    context = browser.new_context()
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto((tmp_path / "page.html").as_uri())
        result: dict[str, Any] = page.evaluate(RENDER, text)
        assert errors == []
        return result
    finally:
        context.close()


@pytest.mark.parametrize(
    "data",
    [DEFAULT_DATA, FIXTURES / "exports" / "hostile.yaml", FIXTURES / "exports" / "unicode.yaml"],
)
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_mermaid_export_renders_one_node_per_role(
    browser: Browser, tmp_path: Path, data: Path, lang: str
) -> None:
    exported = CliRunner().invoke(
        cli, ["--data", str(data), "export", "--format", "mermaid", "--lang", lang]
    )
    assert exported.exit_code == 0
    career_map = load_paths(data)
    shown = render_in_mermaid(browser, exported.stdout, tmp_path)
    assert shown["error"] is None
    assert len(shown["nodes"]) == len(career_map.roles)
    assert sorted(shown["labels"]) == sorted(r.name.get(lang) for r in career_map.roles.values())
    tracks = {r.track for r in career_map.roles.values()}
    assert sorted(shown["clusters"]) == sorted(career_map.tracks[t].name.get(lang) for t in tracks)
    assert shown["edges"] == len(career_map.transitions)


def test_a_broken_diagram_is_reported(browser: Browser, tmp_path: Path) -> None:
    """The check above can fail: Mermaid rejects an unquoted keyword id."""
    shown = render_in_mermaid(browser, 'flowchart BT\n  end[x] --> graph["y"]\n', tmp_path)
    assert shown["error"]
    assert json.dumps(shown)
