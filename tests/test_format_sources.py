"""Sources with a web address: checked when read, shown by show, plan and exports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from careergraph.cli import cli
from tests.conftest import FIXTURES

SOURCES = str(FIXTURES / "format" / "sources.yaml")


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.mark.parametrize(("lang", "heading"), [("en", "Sources"), ("ja", "出典")])
def test_show_lists_each_source_with_its_address(lang: str, heading: str) -> None:
    result = run("--data", SOURCES, "show", "senior", "--lang", lang)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-3:] == [
        heading,
        "  The public ladder  https://example.org/ladder",
        "  An interview",
    ]


def test_show_and_plan_json_carry_the_address() -> None:
    expected = [
        {"id": "ladder", "title": "The public ladder", "url": "https://example.org/ladder"},
        {"id": "interview", "title": "An interview", "url": None},
    ]
    shown = json.loads(run("--data", SOURCES, "show", "senior", "--json").stdout)
    assert shown["sources"] == expected
    planned = json.loads(run("--data", SOURCES, "plan", "junior", "senior", "--json").stdout)
    assert [step["sources"] for step in planned["steps"]] == [expected]


@pytest.mark.parametrize(("lang", "heading"), [("en", "### Sources"), ("ja", "### 出典")])
def test_the_plan_cites_the_moves_and_the_roles_sources_once_each(lang: str, heading: str) -> None:
    out = run("--data", SOURCES, "plan", "junior", "senior", "--lang", lang).stdout.splitlines()
    at = out.index(heading)
    assert out[at : at + 5] == [
        heading,
        "",
        "- The public ladder <https://example.org/ladder>",
        "- An interview",
        "",
    ]


def test_the_html_plan_links_the_address(tmp_path: Path) -> None:
    target = tmp_path / "plan.html"
    assert run("--data", SOURCES, "plan", "junior", "senior", "-o", str(target)).exit_code == 0
    page = target.read_text(encoding="utf-8")
    assert (
        '<h3>Sources</h3>\n<ul class="sources"><li><cite>The public ladder</cite> '
        '<a class="url" href="https://example.org/ladder" rel="noopener noreferrer">'
        "https://example.org/ladder</a></li><li><cite>An interview</cite></li></ul>"
    ) in page


def test_the_node_link_export_carries_the_sources(tmp_path: Path) -> None:
    target = tmp_path / "map.json"
    assert run("--data", SOURCES, "export", "--format", "json", "-o", str(target)).exit_code == 0
    graph = json.loads(target.read_text(encoding="utf-8"))["graph"]
    assert graph["sources"] == {
        "interview": {"title": "An interview", "url": None},
        "ladder": {"title": "The public ladder", "url": "https://example.org/ladder"},
    }


@pytest.mark.parametrize(
    "address", ["javascript:alert(1)", "ftp://example.org/x", "https://", "example.org"]
)
def test_an_address_that_is_not_http_is_refused_at_its_place(address: str, tmp_path: Path) -> None:
    data = tmp_path / "map.yaml"
    text = Path(SOURCES).read_text(encoding="utf-8")
    data.write_text(text.replace("https://example.org/ladder", address), encoding="utf-8")
    result = CliRunner().invoke(cli, ["--data", str(data), "validate"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"{data}:6:10: sources.ladder.url: '{address}' is not a web address (http:// or https://)\n"
    )
