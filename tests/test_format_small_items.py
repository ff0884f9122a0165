"""Small things a ladder designer met: track order, resources said once, level 0, the modeline."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner, Result

from careergraph.cli import cli
from careergraph.load.yaml_source import read_yaml
from tests.conftest import DEFAULT_DATA, FIXTURES

SMALL = FIXTURES / "small.yaml"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


FILE_ORDER = [
    "engineering",
    "technical_program_management",
    "program_management",
    "product_management",
    "project_management",
    "pmo",
    "customer_support",
    "executive",
]


def test_roles_lists_the_ladders_in_the_files_order() -> None:
    out = run("--data", str(DEFAULT_DATA), "roles").stdout.splitlines()
    headings = [
        line.rsplit(" (", 1)[1].rstrip(")") for line in out if re.match(r"^\S.* \(\w+\)$", line)
    ]
    assert headings == FILE_ORDER
    data = json.loads(run("--data", str(DEFAULT_DATA), "roles", "--json").stdout)
    assert [t["id"] for t in data["tracks"]] == FILE_ORDER


def test_named_tracks_keep_the_order_they_are_named_in() -> None:
    data = json.loads(
        run("--data", str(SMALL), "roles", "--track", "pmo", "--track", "dev", "--json").stdout
    )
    assert [t["id"] for t in data["tracks"]] == ["pmo", "dev"]


def test_an_overlays_tracks_follow_the_bases(tmp_path: Path) -> None:
    overlay = tmp_path / "overlay.yaml"
    overlay.write_text(
        "version: 1\ntracks:\n  aaa: {name: First by id}\nroles:\n"
        "  a1: {name: A1, track: aaa, level: 1, years: 1, skills: {coding: 1}}\n",
        encoding="utf-8",
    )
    data = json.loads(run("--data", str(SMALL), "--data", str(overlay), "roles", "--json").stdout)
    assert [t["id"] for t in data["tracks"]] == ["dev", "pmo", "aaa"]


@pytest.mark.parametrize(
    ("lang", "heading", "line"),
    [
        ("en", "### How to build them", "- No resource listed yet for Coding."),
        ("ja", "### 学び方", "- コーディングはまだ教材の登録がありません。"),
    ],
)
def test_no_resource_is_said_once_per_step(lang: str, heading: str, line: str) -> None:
    sources = str(FIXTURES / "format" / "sources.yaml")
    out = run("--data", sources, "plan", "junior", "senior", "--lang", lang).stdout
    lines = out.splitlines()
    at = lines.index(heading)
    # Coding has neither resources nor a level text: named once, in the step's one line.
    assert lines[at : at + 4] == [heading, "", line, ""]
    assert out.count(line) == 1


def test_the_plan_page_says_it_once_per_step(tmp_path: Path) -> None:
    page = tmp_path / "plan.html"
    run(
        "--data",
        str(FIXTURES / "format" / "sources.yaml"),
        "plan",
        "junior",
        "senior",
        "-o",
        str(page),
    )
    html = page.read_text(encoding="utf-8")
    assert html.count("No resource listed yet") == 1
    assert '<p class="no-resources">No resource listed yet for Coding.</p>' in html


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        (
            "en",
            "{f}:21:22: roles.senior.skills.coding: must be at least 1, got 0; leave out a skill "
            "the role does not ask for",
        ),
        (
            "ja",
            "{f}:21:22: roles.senior.skills.coding: 1以上にしてください(書かれていたのは0)。"
            "ロールが求めないスキルは書かずに省いてください",
        ),
    ],
)
def test_a_skill_at_level_0_is_told_to_be_left_out(lang: str, message: str) -> None:
    file = FIXTURES / "broken" / "skill_level_too_low.yaml"
    result = run("validate", str(file), "--lang", lang)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [message.format(f=file)]


def test_a_role_at_level_0_gets_no_such_hint() -> None:
    file = FIXTURES / "broken" / "role_level_zero.yaml"
    assert run("validate", str(file)).stderr == (
        f"{file}:13:12: roles.junior.level: must be at least 1, got 0\n"
    )


def test_the_docs_modeline_for_a_pip_user_finds_the_schema(tmp_path: Path) -> None:
    docs = Path(__file__).resolve().parents[1] / "docs" / "data-format.md"
    page = docs.read_text(encoding="utf-8")
    assert "careergraph schema > careergraph.schema.json\n" in page
    modeline = "# yaml-language-server: $schema=careergraph.schema.json"
    assert modeline + "\n" in page
    # As a pip user would: the schema written beside the map, the map naming it relatively.
    (tmp_path / "careergraph.schema.json").write_text(run("schema").stdout, encoding="utf-8")
    data = tmp_path / "ladder.yaml"
    data.write_text(modeline + "\n" + SMALL.read_text(encoding="utf-8"), encoding="utf-8")
    target = data.parent / modeline.split("$schema=")[1]
    schema = json.loads(target.read_text(encoding="utf-8"))
    document, problems = read_yaml(data.read_text(encoding="utf-8"), str(data))
    assert problems == []
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(document.data)) == []
