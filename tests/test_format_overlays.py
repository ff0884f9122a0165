"""Overlays that share ids with their base: references agree, conflicts name both sides."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from careergraph.cli import cli
from careergraph.load import load_layers
from tests.conftest import FIXTURES

SMALL = FIXTURES / "small.yaml"
COMPANY = FIXTURES / "format" / "standalone_company.yaml"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def test_a_file_that_is_a_map_of_its_own_is_also_an_overlay() -> None:
    assert run("validate", str(COMPANY)).stdout == "OK: 2 roles, 1 transitions\n"
    career_map = load_layers([SMALL, COMPANY])
    # The shared skill and track stay the base's, one skill in every gap.
    assert career_map.skills["coding"].name.get("ja") == "コーディング"
    assert career_map.tracks["dev"].name.get("ja") == "エンジニアリング"
    result = run("--data", str(SMALL), "--data", str(COMPANY), "gap", "senior", "platform_lead")
    assert result.stdout.splitlines()[:4] == [
        "Senior developer → Platform lead: 1 skill to build (+1 level)",
        "",
        "Technical",
        "  Coding    4 → 5  (+1)",
    ]


def test_validate_base_checks_an_overlay_on_its_base() -> None:
    result = run("validate", "--base", str(SMALL), str(COMPANY))
    assert (result.exit_code, result.stdout) == (0, "OK: 7 roles, 7 transitions\n")
    data = json.loads(run("validate", "--base", str(SMALL), str(COMPANY), "--json").stdout)
    assert (data["ok"], data["files"]) == (True, [str(SMALL), str(COMPANY)])


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", "error: --base FILE checks the OVERLAY files named after it; name at least one"),
        (
            "ja",
            "エラー: --base FILEはその後に続くOVERLAYファイルを検査します。少なくとも1つ指定して"
            "ください",
        ),
    ],
)
def test_validate_base_needs_an_overlay(lang: str, message: str) -> None:
    result = run("validate", "--base", str(SMALL), "--lang", lang)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines()[0].startswith(message)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "{f}:11:11: skills.coding.name: {{en: 'Coding', ja: 'プログラミング'}} here, but "
                "{base}:13:11 says {{en: 'Coding', ja: 'コーディング'}}; add 'override: true' to "
                "skills.coding to change it",
                "{f}:12:15: skills.coding.category: 'tool' here, but {base}:14:15 says "
                "'technical'; add 'override: true' to skills.coding to change it",
            ],
        ),
        (
            "ja",
            [
                "{f}:11:11: skills.coding.name: ここでは{{en: 'Coding', ja: 'プログラミング'}}"
                "ですが、{base}:13:11では{{en: 'Coding', ja: 'コーディング'}}です。"
                "変えるにはskills.codingに'override: true'を加えてください",
                "{f}:12:15: skills.coding.category: ここでは'tool'ですが、{base}:14:15では"
                "'technical'です。変えるにはskills.codingに'override: true'を加えてください",
            ],
        ),
    ],
)
def test_a_real_conflict_names_both_values_and_both_places(
    lang: str, expected: list[str], tmp_path: Path
) -> None:
    overlay = tmp_path / "company.yaml"
    text = COMPANY.read_text(encoding="utf-8")
    text = text.replace("    name: Coding", "    name: {en: Coding, ja: プログラミング}")
    overlay.write_text(text.replace("category: technical", "category: tool"), encoding="utf-8")
    result = run("validate", "--base", str(SMALL), str(overlay), "--lang", lang)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [line.format(f=overlay, base=SMALL) for line in expected]


def test_a_text_that_adds_a_language_the_base_lacks_is_a_conflict(tmp_path: Path) -> None:
    overlay = tmp_path / "company.yaml"
    text = COMPANY.read_text(encoding="utf-8")
    overlay.write_text(
        text.replace(
            "skills:\n",
            "skills:\n  planning:\n    name: {en: Planning, ja: 計画}\n    category: soft\n",
        ),
        encoding="utf-8",
    )
    result = run("validate", "--base", str(SMALL), str(overlay))
    assert result.exit_code == 2
    assert result.stderr == (
        f"{overlay}:11:11: skills.planning.name: {{en: 'Planning', ja: '計画'}} here, but "
        f"{SMALL}:16:11 says 'Planning'; add 'override: true' to skills.planning to change it\n"
    )


@pytest.mark.parametrize(
    ("lang", "first"),
    [
        (
            "en",
            "{f}:3:1: the top level: missing required key 'skills' (an overlay? check it on the "
            "map it is laid on: careergraph validate --base BASE FILE)",
        ),
        (
            "ja",
            "{f}:3:1: 最上位: 必須のキー'skills'がありません(重ねるファイルなら、重ねる先のマップと"
            "一緒に検査してください: careergraph validate --base BASE FILE)",
        ),
    ],
)
def test_an_overlay_checked_alone_is_pointed_at_validate_base(lang: str, first: str) -> None:
    overlay = FIXTURES / "lint" / "overlay" / "overlay_unconnected.yaml"
    alone = run("validate", str(overlay), "--lang", lang)
    assert alone.exit_code == 2
    assert alone.stderr.splitlines()[0] == first.format(f=overlay)
    based = run(
        "validate", "--base", str(FIXTURES / "lint" / "overlay" / "base.yaml"), str(overlay)
    )
    assert (based.exit_code, based.stdout) == (0, "OK: 4 roles, 2 transitions\n")
