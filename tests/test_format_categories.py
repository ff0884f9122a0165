"""Categories a map defines for itself: checked, named and ordered as the map says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from careergraph.cli import cli
from careergraph.load import load_layers, load_paths
from careergraph.model import BUILT_IN_CATEGORIES, SkillCategory
from tests.conftest import FIXTURES

CATEGORIES = FIXTURES / "format" / "categories.yaml"
SMALL = FIXTURES / "small.yaml"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def test_the_map_keeps_its_categories_in_the_files_order() -> None:
    career_map = load_paths(CATEGORIES)
    assert career_map.category_order() == ("craft", "impact", "people")
    assert career_map.categories["people"].name.get("ja") == "人材育成"
    assert career_map.skills["mentoring"].category == "people"


def test_a_map_without_categories_has_the_built_in_five() -> None:
    career_map = load_paths(SMALL)
    assert career_map.categories == {}
    assert career_map.category_order() == BUILT_IN_CATEGORIES
    assert career_map.skills["coding"].category is SkillCategory.TECHNICAL


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "Junior developer → Senior developer: 4 skills to build (+6 levels)",
                "",
                "Craft",
                "  Coding     1 → 3  (+2)",
                "  Testing    1 → 2  (+1)",
                "",
                "Impact",
                "  Delivery   0 → 2  (+2)",
                "",
                "People",
                "  Mentoring  0 → 1  (+1)",
            ],
        ),
        (
            "ja",
            [
                "ジュニア開発者 → シニア開発者: 伸ばすスキル4件(+6レベル)",
                "",
                "技術力",
                "  コーディング  1 → 3  (+2)",
                "  テスト        1 → 2  (+1)",
                "",
                "影響力",
                "  デリバリー    0 → 2  (+2)",
                "",
                "人材育成",
                "  メンタリング  0 → 1  (+1)",
            ],
        ),
    ],
)
def test_gap_groups_by_the_maps_categories_in_its_order(lang: str, expected: list[str]) -> None:
    result = run("--data", str(CATEGORIES), "gap", "junior", "senior", "--lang", lang)
    assert (result.exit_code, result.stdout.splitlines()) == (0, expected)


@pytest.mark.parametrize(
    ("lang", "rows"),
    [
        ("en", ["| Coding | Craft |", "| Delivery | Impact |", "| Mentoring | People |"]),
        (
            "ja",
            ["| コーディング | 技術力 |", "| デリバリー | 影響力 |", "| メンタリング | 人材育成 |"],
        ),
    ],
)
def test_the_plan_names_each_skills_category_as_the_map_does(lang: str, rows: list[str]) -> None:
    out = run("--data", str(CATEGORIES), "plan", "junior", "senior", "--lang", lang).stdout
    for row in rows:
        assert row in out


def test_html_plan_and_exports_carry_the_maps_categories(tmp_path: Path) -> None:
    page = tmp_path / "plan.html"
    assert (
        run("--data", str(CATEGORIES), "plan", "junior", "senior", "-o", str(page)).exit_code == 0
    )
    assert "<td>Mentoring</td><td>People</td>" in page.read_text(encoding="utf-8")
    exported = run("--data", str(CATEGORIES), "export", "--format", "json").stdout
    graph = json.loads(exported)["graph"]
    assert list(graph["categories"]) == ["craft", "impact", "people"]
    assert graph["categories"]["impact"] == {"name": {"en": "Impact", "ja": "影響力"}}
    assert graph["skills"]["mentoring"]["category"] == "people"
    table = run("--data", str(CATEGORIES), "export", "--format", "csv", "--table", "skills").stdout
    assert table.splitlines()[1].startswith("coding,craft,")


@pytest.mark.parametrize(
    ("data", "written", "lang", "message"),
    [
        (
            CATEGORIES,
            "impakt",
            "en",
            "{file}:22:15: skills.delivery.category: unknown category 'impakt'"
            " — did you mean 'impact'?",
        ),
        (
            CATEGORIES,
            "impakt",
            "ja",
            "{file}:22:15: skills.delivery.category: 'impakt'というカテゴリーはありません"
            " — 'impact'のことですか?",
        ),
        (
            CATEGORIES,
            "money",
            "en",
            "{file}:22:15: skills.delivery.category: unknown category 'money'"
            " (the map's categories: craft, impact, people)",
        ),
        (
            CATEGORIES,
            "money",
            "ja",
            "{file}:22:15: skills.delivery.category: 'money'というカテゴリーはありません"
            "(このマップのカテゴリー: craft, impact, people)",
        ),
        (
            CATEGORIES,
            "technical",
            "en",
            "{file}:22:15: skills.delivery.category: unknown category 'technical'"
            " (the map's categories: craft, impact, people)",
        ),
    ],
)
def test_a_category_the_map_does_not_have_is_refused_at_its_place(
    data: Path, written: str, lang: str, message: str, tmp_path: Path
) -> None:
    broken = tmp_path / "map.yaml"
    text = data.read_text(encoding="utf-8").replace("category: impact", f"category: {written}")
    broken.write_text(text, encoding="utf-8")
    result = run("--data", str(broken), "validate", "--lang", lang)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [message.format(file=broken)]


def test_the_built_in_categories_are_the_choices_of_a_map_without_its_own(tmp_path: Path) -> None:
    broken = tmp_path / "map.yaml"
    text = SMALL.read_text(encoding="utf-8").replace("category: technical", "category: craft")
    broken.write_text(text, encoding="utf-8")
    result = run("--data", str(broken), "validate")
    assert result.exit_code == 2
    assert result.stderr == (
        f"{broken}:14:15: skills.coding.category: unknown category 'craft'"
        " (the map's categories: technical, soft, tool, certification, domain)\n"
    )


def test_an_overlay_adds_a_category_and_may_repeat_one(tmp_path: Path) -> None:
    overlay = tmp_path / "overlay.yaml"
    overlay.write_text(
        "version: 1\n"
        "categories:\n"
        "  people: {name: {en: People, ja: 人材育成}}\n"
        "  strategy: {name: Strategy}\n"
        "skills:\n"
        "  vision: {name: Vision, category: strategy}\n",
        encoding="utf-8",
    )
    career_map = load_layers([CATEGORIES, overlay])
    assert career_map.category_order() == ("craft", "impact", "people", "strategy")
    assert career_map.skills["vision"].category == "strategy"


def test_the_schema_takes_the_maps_own_categories_and_else_the_built_in_five() -> None:
    from tests.test_schema import MAP_SCHEMA, data_of, validator

    check = validator(MAP_SCHEMA)
    assert list(check.iter_errors(data_of(CATEGORIES))) == []
    without = data_of(CATEGORIES)
    del without["categories"]
    assert [e.json_path for e in check.iter_errors(without)] == [
        f"$.skills.{skill}.category" for skill in ("mentoring", "coding", "delivery", "testing")
    ]


@pytest.mark.parametrize("name", ["categories.yaml", "sources.yaml"])
def test_the_load_cache_keeps_categories_addresses_and_track_order(
    name: str, tmp_path: Path
) -> None:
    from careergraph.load import parse_paths
    from careergraph.load.plain import LazyRoles

    data_file = tmp_path / name
    text = (FIXTURES / "format" / name).read_text(encoding="utf-8")
    data_file.write_text(text.replace("tracks:\n", "tracks:\n  zeta: {name: Zeta}\n"), "utf-8")
    checked = parse_paths(data_file.read_text(encoding="utf-8"), str(data_file))
    load_paths(data_file)  # a miss: checks the file and writes the entry
    cached = load_paths(data_file)
    assert isinstance(cached.roles, LazyRoles)
    assert cached == checked
    assert cached.track_order == checked.track_order == ("zeta", "dev")
    assert cached.category_order() == checked.category_order()
    assert [s.url for s in cached.sources.values()] == [s.url for s in checked.sources.values()]
    if not cached.categories:
        assert cached.skills["coding"].category is SkillCategory.TECHNICAL


def test_an_overlay_with_categories_keeps_the_built_in_five_of_a_base_without_its_own(
    tmp_path: Path,
) -> None:
    overlay = tmp_path / "overlay.yaml"
    overlay.write_text(
        "version: 1\n"
        "categories:\n"
        "  people: {name: {en: People, ja: 人材育成}}\n"
        "skills:\n"
        "  mentoring: {name: Mentoring, category: people}\n",
        encoding="utf-8",
    )
    career_map = load_layers([SMALL, overlay])
    assert career_map.category_order() == (*BUILT_IN_CATEGORIES, "people")
    assert career_map.skills["coding"].category == "technical"
    result = run("--data", str(SMALL), "--data", str(overlay), "gap", "junior", "senior")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[2] == "Technical"
    args = ["--data", str(SMALL), "--data", str(overlay), "export", "--format", "json"]
    exported = json.loads(run(*args).stdout)
    assert exported["graph"]["categories"]["technical"] == {
        "name": {"en": "Technical", "ja": "テクニカルスキル"}
    }
    assert exported["graph"]["categories"]["people"] == {"name": {"en": "People", "ja": "人材育成"}}
