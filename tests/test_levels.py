"""What a level looks like: the map's `scale` and each skill's `levels`, read, merged and kept."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from careergraph.cli import cli
from careergraph.errors import DataFileError
from careergraph.load import cache, load_layers, load_paths, parse_paths
from careergraph.model import Text
from tests.conftest import FIXTURES
from tests.test_schema import MAP_SCHEMA, OVERLAY_SCHEMA, data_of, validator

LEVELS = FIXTURES / "levels"
MAP = LEVELS / "map.yaml"
OVERLAY = LEVELS / "overlay.yaml"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def texts(levels: Mapping[int, Text]) -> dict[int, str]:
    return {level: text.get("en") for level, text in levels.items()}


def test_the_scale_and_skill_levels_are_read_by_level_lowest_first() -> None:
    career_map = load_paths(MAP)
    assert list(career_map.scale) == [1, 2, 3, 4, 5]
    assert career_map.scale[4].get("ja") == "人に教え、チームのやり方を決める"
    coding = career_map.skills["coding"]
    assert texts(coding.levels) == {
        2: "Fixes bugs in code others designed",
        4: "Designs modules others build on",
        5: "Designs the system",
    }
    # A quoted key is the same level: YAML and JSON keys are text either way.
    assert texts(career_map.skills["planning"].levels) == {1: "Keeps a task list"}
    assert dict(career_map.skills["pmp"].levels) == {}


def test_a_level_text_is_the_skills_own_else_the_scales_else_none() -> None:
    career_map = load_paths(MAP)
    coding = career_map.skills["coding"]
    said = {lvl: coding.level_text(lvl, career_map.scale) for lvl in range(6)}
    assert {lvl: t.get("ja") if t else None for lvl, t in said.items()} == {
        0: None,
        1: "支援を受けて学んでいる",
        2: "他人が設計したコードのバグを直す",
        3: "どんな業務でも一人でできる",
        4: "他人が使うモジュールを設計する",
        5: "Designs the system",
    }
    plain = load_paths(FIXTURES / "small.yaml")
    assert dict(plain.scale) == {}
    assert plain.skills["coding"].level_text(3, plain.scale) is None


def test_a_json_map_reads_the_same_levels(tmp_path: Path) -> None:
    as_json = tmp_path / "map.json"
    as_json.write_text(json.dumps(data_of(MAP), ensure_ascii=False), encoding="utf-8")
    from_json, from_yaml = load_paths(as_json), load_paths(MAP)
    assert from_json.scale == from_yaml.scale
    assert from_json.skills == from_yaml.skills


def test_a_cached_map_keeps_the_scale_and_levels(tmp_path: Path, private_load_cache: Path) -> None:
    copy = tmp_path / "map.yaml"
    copy.write_bytes(MAP.read_bytes())
    checked = load_paths(copy)
    assert cache.recall(copy.read_bytes()) is not None
    cached = load_paths(copy)
    assert (cached.scale, cached.skills) == (checked.scale, checked.skills)
    assert cached.skills["coding"].levels[5] == Text.plain("Designs the system")


def test_an_overlay_overrides_scale_levels_and_replaces_a_skills_levels() -> None:
    base, merged = load_paths(MAP), load_layers([MAP, OVERLAY])
    assert {k: v for k, v in merged.scale.items() if k != 5} == {
        k: v for k, v in base.scale.items() if k != 5
    }
    assert merged.scale[5].get("ja") == "全社のやり方を決める"
    # An overriding entry's field is replaced whole, as for every other field.
    assert texts(merged.skills["planning"].levels) == {4: "Plans a programme of projects"}
    assert merged.skills["coding"] == base.skills["coding"]


def test_an_overlay_adds_a_scale_to_a_map_without_one() -> None:
    merged = load_layers([FIXTURES / "small.yaml", LEVELS / "scale_only.yaml"])
    assert texts(merged.scale) == {1: "Starting out", 5: "Expert"}


def test_an_overlay_that_changes_a_scale_level_without_override_is_refused() -> None:
    conflict = LEVELS / "scale_conflict.yaml"
    with pytest.raises(DataFileError) as caught:
        load_layers([MAP, conflict])
    assert caught.value.lines() == [
        f"{conflict}:3:6: scale.3: 'Does it well' here, but {MAP}:6:6 says "
        "{en: 'Does it alone on any work', ja: 'どんな業務でも一人でできる'}; "
        "add 'override: true' to scale to change it"
    ]


def test_override_needs_an_earlier_scale() -> None:
    with pytest.raises(DataFileError) as caught:
        load_layers([FIXTURES / "small.yaml", OVERLAY])
    assert caught.value.lines() == [
        f"{OVERLAY}:4:3: scale.override: 'override: true', but no earlier file gives a scale"
    ]
    with pytest.raises(DataFileError) as caught:
        parse_paths("version: 1\nscale: {override: true, 1: a}\ntracks: {}\nskills: {}\nroles: {}")
    assert caught.value.lines() == [
        "<string>:2:9: scale.override: only a file given after another "
        "(--data BASE --data OVERLAY) can override the scale"
    ]


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", "'7' is not a level: use 1, 2, 3, 4 or 5"),
        ("ja", "'7'はレベルではありません。1、2、3、4、5のどれかにしてください"),
    ],
)
def test_a_bad_level_key_is_named_in_both_languages(
    tmp_path: Path, lang: str, message: str
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(MAP.read_text(encoding="utf-8").replace("      5: Designs", "      7: Designs"))
    result = run("validate", "--lang", lang, str(bad))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"{bad}:23:7: skills.coding.levels.7: {message}\n"


def test_the_schemas_accept_the_scale_and_levels_and_refuse_bad_keys() -> None:
    assert list(validator(MAP_SCHEMA).iter_errors(data_of(MAP))) == []
    assert list(validator(OVERLAY_SCHEMA).iter_errors(data_of(OVERLAY))) == []
    assert list(validator(MAP_SCHEMA).iter_errors(data_of(OVERLAY))) != []
    errors = validator(MAP_SCHEMA).iter_errors(data_of(FIXTURES / "broken" / "bad_level_key.yaml"))
    assert sorted(e.json_path for e in errors) == ["$.scale", "$.skills.coding.levels"]


# -- shown: gap, show, roles, plan -------------------------------------------------------------


def shown(*args: str) -> str:
    result = run("--data", str(MAP), *args)
    assert (result.exit_code, result.stderr) == (0, "")
    return result.stdout


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            """\
Senior developer → PMO manager: 2 skills to build (+6 levels)

Soft
  Planning  1 → 4  (+3)
    Teaches it and sets the team's practice

Certification
  PMP       0 → 3  (+3)
    Does it alone on any work

No longer stressed in PMO manager
  Coding    level 4
""",
        ),
        (
            "ja",
            """\
シニア開発者 → PMOマネージャー: 伸ばすスキル2件(+6レベル)

ソフトスキル
  計画          1 → 4  (+3)
    人に教え、チームのやり方を決める

資格
  PMP           0 → 3  (+3)
    どんな業務でも一人でできる

PMOマネージャーでは重視されなくなるスキル
  コーディング  レベル4
""",
        ),
    ],
)
def test_gap_says_under_each_skill_what_its_target_level_looks_like(
    lang: str, expected: str
) -> None:
    assert shown("gap", "senior", "manager", "--lang", lang) == expected


def test_gap_json_gives_what_both_levels_look_like() -> None:
    gap = json.loads(shown("gap", "junior", "lead", "--json", "--lang", "ja"))["gap"]
    assert [(g["skill"], g["from_text"], g["to_text"]) for g in gap] == [
        ("planning", None, "どんな業務でも一人でできる"),
        ("coding", "他人が設計したコードのバグを直す", "他人が使うモジュールを設計する"),
    ]
    plain = run("--data", str(FIXTURES / "small.yaml"), "gap", "junior", "lead", "--json")
    assert {(g["from_text"], g["to_text"]) for g in json.loads(plain.stdout)["gap"]} == {
        (None, None)
    }


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            """\
Senior developer (シニア開発者)
  id: senior · track: Engineering · level 2 · typically 3y
  Engineering: Builds the product.

Skills
  Coding    ●●●●○  4
    Writing and reviewing code.
  Planning  ●○○○○  1
""",
        ),
        (
            "ja",
            """\
シニア開発者 (Senior developer)
  ID: senior · トラック: エンジニアリング · レベル2 · 目安3年
  エンジニアリング: プロダクトを作る。

スキル
  コーディング  ●●●●○  4
    コードを書き、レビューする。
  計画          ●○○○○  1
""",
        ),
    ],
)
def test_show_gives_the_track_and_skill_descriptions(lang: str, expected: str) -> None:
    assert shown("show", "senior", "--lang", lang).startswith(expected)


def test_show_json_gives_descriptions_and_level_texts() -> None:
    role = json.loads(shown("show", "senior", "--json", "--lang", "ja"))
    assert role["track_description"] == "プロダクトを作る。"
    assert [(s["skill"], s["description"], s["level_text"]) for s in role["skills"]] == [
        ("coding", "コードを書き、レビューする。", "他人が使うモジュールを設計する"),
        ("planning", None, "タスクリストをつける"),
    ]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            """\
Engineering (dev)
  Builds the product.
   1  junior  Junior developer     2y
   2  senior  Senior developer     3y
   3  lead    Tech lead            3y

PMO (pmo)
   1  coordinator  PMO coordinator   1.5y
   2  manager      PMO manager         4y
""",
        ),
        (
            "ja",
            """\
エンジニアリング (dev)
  プロダクトを作る。
   1  junior  ジュニア開発者    2年
   2  senior  シニア開発者      3年
   3  lead    テックリード      3年

PMO (pmo)
   1  coordinator  PMOコーディネーター  1.5年
   2  manager      PMOマネージャー        4年
""",
        ),
    ],
)
def test_roles_give_each_tracks_description(lang: str, expected: str) -> None:
    assert shown("roles", "--lang", lang) == expected
    tracks = json.loads(shown("roles", "--json", "--lang", lang))["tracks"]
    assert [t["description"] for t in tracks] == [
        {"en": "Builds the product.", "ja": "プロダクトを作る。"}[lang],
        None,
    ]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "- **PMP** (0 → 3)",
                "  - *Level 3 looks like: Does it alone on any work*",
                "- **Planning** (2 → 4)",
                "  - *Level 4 looks like: Teaches it and sets the team's practice*",
                "- No resource listed yet for PMP; Planning.",
            ],
        ),
        (
            "ja",
            [
                "- **PMP** (0 → 3)",
                "  - *レベル3の姿: どんな業務でも一人でできる*",
                "- **計画** (2 → 4)",
                "  - *レベル4の姿: 人に教え、チームのやり方を決める*",
                "- PMP、計画はまだ教材の登録がありません。",
            ],
        ),
    ],
)
def test_plan_says_what_each_target_level_looks_like(lang: str, expected: list[str]) -> None:
    lines = shown("plan", "coordinator", "manager", "--lang", lang).splitlines()
    start = lines.index("- **PMP** (0 → 3)")
    assert lines[start : start + 6] == [*expected, ""]


def test_the_plan_page_says_what_each_target_level_looks_like(tmp_path: Path) -> None:
    page = tmp_path / "plan.html"
    shown("plan", "coordinator", "manager", "-o", str(page))
    html = page.read_text(encoding="utf-8")
    assert (
        '<p class="level">Level 4 looks like: Teaches it and sets the team&#x27;s practice</p>'
        in html
    )
    assert '<p class="level">Level 3 looks like: Does it alone on any work</p>' in html


# -- plan --me: the person's levels against the goal's, drawn ----------------------------------

PLAN_GOLDEN = FIXTURES / "plan"


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_plan_from_a_profile_draws_levels_and_says_what_they_look_like(lang: str) -> None:
    me = str(LEVELS / "me.yaml")
    text = shown("plan", "--me", me, "manager", "--lang", lang)
    golden = PLAN_GOLDEN / f"levels.me.{lang}.md"
    if os.environ.get("CAREERGRAPH_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_the_chart_is_one_svg_with_a_title_description_and_a_bar_pair_per_skill() -> None:
    from xml.etree import ElementTree

    from careergraph.render.chart import levels_svg, standings

    career_map = load_paths(MAP)
    have = {"planning": 3, "pmp": 1, "coding": 4}
    rows = standings(career_map, have, career_map.roles["manager"], "ja")
    assert [(r.skill, r.have, r.needed) for r in rows] == [("pmp", 1, 3), ("planning", 3, 4)]
    svg = ElementTree.fromstring(levels_svg(rows, "PMOマネージャー", "ja", ident="c"))
    ns = {"svg": "http://www.w3.org/2000/svg"}
    assert svg.get("role") == "img"
    assert (svg.get("aria-labelledby"), svg.get("aria-describedby")) == ("c-title", "c-desc")
    assert svg.find("svg:title", ns).text == "PMOマネージャーに対するあなたのレベル"  # type: ignore[union-attr]
    assert svg.find("svg:desc", ns).text.startswith("PMOマネージャーが求める2件のスキル")  # type: ignore[union-attr]
    bars = [r for r in svg.findall("svg:rect", ns)][2:]  # after the legend's two swatches
    # Filled bars as long as the levels held, outlined ones as long as the levels asked.
    assert [(b.get("fill"), float(b.get("width", 0)) / 56) for b in bars] == [
        ("#2f6fde", 1.0),
        ("#fff", 3.0),
        ("#2f6fde", 3.0),
        ("#fff", 4.0),
    ]
