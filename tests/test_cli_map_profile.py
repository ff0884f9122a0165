"""`render --me` and `path --me ... --html`: the page embeds the profile and the route question,
and a bad profile stops the command with a clear error and no page written."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from careergraph.cli import cli
from tests.conftest import FIXTURES

LADDER = str(FIXTURES / "plan" / "ladder.yaml")
ME = FIXTURES / "profile" / "me.yaml"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["--data", LADDER, *args], catch_exceptions=False)


def page_data(page: Path) -> dict[str, Any]:
    html = page.read_text(encoding="utf-8")
    match = re.search(r'id="careergraph-data">(.*?)</script>', html)
    assert match is not None
    data: dict[str, Any] = json.loads(match.group(1))
    return data


def test_render_me_embeds_the_profile_and_the_whole_map(tmp_path: Path) -> None:
    page = tmp_path / "map.html"
    result = run("render", "--me", str(ME), "-o", str(page))
    assert result.exit_code == 0, result.output
    data = page_data(page)
    assert data["profile"] == {
        "file": str(ME),
        "role": "manager",
        "skills": {"stakeholders": 5, "finance": 1, "pmp": 0},
        "years_in_role": 1.5,
    }
    assert data["question"] is None
    ladder = json.loads(run("roles", "--json").stdout)
    every_role = sorted(r["id"] for t in ladder["tracks"] for r in t["roles"])
    assert [row[0] for row in data["map"]["roles"]] == every_role


def test_path_me_html_embeds_the_question_from_the_profile(tmp_path: Path) -> None:
    page = tmp_path / "route.html"
    result = run("path", "--me", str(ME), "program_manager", "-k", "1", "--html", str(page))
    assert result.exit_code == 0, result.output
    data = page_data(page)
    assert data["profile"]["role"] == "manager"
    assert data["question"] == {
        "from": "manager",
        "to": "program_manager",
        "k": 1,
        "via": [],
        "avoid": [],
        "maxSteps": None,
        "by": "years",
        "statedOnly": False,
        "me": True,
    }


def test_render_with_a_bad_profile_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "me.yaml"
    bad.write_text("role: nobody\n", encoding="utf-8")
    page = tmp_path / "map.html"
    result = run("render", "--me", str(bad), "-o", str(page))
    assert result.exit_code == 2
    assert "nobody" in result.stderr and "Traceback" not in result.output
    assert not page.exists()
