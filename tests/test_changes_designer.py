"""`careergraph diff` compares what a designer edits besides the ladders: the scale, the
categories, the sources and the names several roles go by."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from careergraph.cli import cli

OLD = """\
version: 1
scale:
  3: {en: Does it alone, ja: 一人でできる}
categories:
  craft: {name: {en: Craft, ja: 技術}}
  people: {name: People}
sources:
  guide: {title: The guide, url: "https://example.com/guide"}
  notes: {title: Old notes}
tracks:
  dev: {name: Development}
skills:
  coding: {name: Coding, category: craft}
  mentoring: {name: Mentoring, category: people}
roles:
  junior: {name: Junior Engineer, track: dev, level: 1, skills: {coding: 2}, sources: [guide]}
  senior: {name: Senior Engineer, track: dev, level: 2, skills: {coding: 3, mentoring: 2}}
transitions:
  - {from: junior, to: senior, kind: promotion}
names:
  Engineer: {roles: [junior, senior], primary: senior}
"""

NEW = """\
version: 1
scale:
  3: {en: Does it alone on any work, ja: 一人でできる}
  4: Teaches it
categories:
  craft: {name: {en: Craft, ja: 技術}}
  people: {name: Working with people}
  domain_knowledge: {name: Domain}
sources:
  guide: {title: The guide, url: "https://example.com/guide/v2"}
  handbook: {title: The handbook}
tracks:
  dev: {name: Development}
skills:
  coding: {name: Coding, category: craft}
  mentoring: {name: Mentoring, category: people}
roles:
  junior: {name: Junior Engineer, track: dev, level: 1, skills: {coding: 2}, sources: [guide]}
  senior: {name: Senior Engineer, track: dev, level: 2, skills: {coding: 3, mentoring: 2}}
transitions:
  - {from: junior, to: senior, kind: promotion}
names:
  Engineer: {roles: [junior, senior], note: Either rung}
"""


@pytest.fixture
def maps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("old.yaml").write_text(OLD, encoding="utf-8")
    Path("new.yaml").write_text(NEW, encoding="utf-8")


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["diff", *args], catch_exceptions=False)


@pytest.mark.usefixtures("maps")
def test_diff_lists_scale_categories_sources_and_names_that_changed() -> None:
    result = run("old.yaml", "new.yaml")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "Changes from old.yaml to new.yaml",
        "",
        "Scale (what each level means): 1 added, 1 changed",
        "  + 4",
        "  ~ 3",
        '      text.en: "Does it alone" → "Does it alone on any work"',
        "",
        "Categories: 1 added, 1 changed",
        "  + domain_knowledge  Domain",
        "  ~ people  Working with people",
        '      name.en: "People" → "Working with people"',
        "",
        "Sources: 1 added, 1 removed, 1 changed",
        "  + handbook  The handbook",
        "  - notes  Old notes",
        "  ~ guide  The guide",
        '      url: "https://example.com/guide" → "https://example.com/guide/v2"',
        "",
        "Names several roles go by: 1 changed",
        "  ~ Engineer",
        '      note.en: (none) → "Either rung"',
        '      primary: "senior" → (none)',
        "",
        "Tracks: no changes",
        "",
        "Skills: no changes",
        "",
        "Roles: no changes",
        "",
        "Transitions: no changes",
        "",
        "Quickest routes between roles in both maps: 0 changed "
        "(0 appeared, 0 disappeared, 0 longer, 0 shorter)",
    ]


@pytest.mark.usefixtures("maps")
def test_diff_json_adds_a_key_per_section() -> None:
    data = json.loads(run("old.yaml", "new.yaml", "--json").stdout)
    assert data["same"] is False
    assert data["scale"] == {
        "added": [{"level": 4}],
        "removed": [],
        "changed": [
            {
                "level": 3,
                "changes": [
                    {"field": "text.en", "old": "Does it alone", "new": "Does it alone on any work"}
                ],
            }
        ],
    }
    assert data["categories"]["added"] == [{"id": "domain_knowledge"}]
    assert data["sources"] == {
        "added": [{"id": "handbook"}],
        "removed": [{"id": "notes"}],
        "changed": [
            {
                "id": "guide",
                "changes": [
                    {
                        "field": "url",
                        "old": "https://example.com/guide",
                        "new": "https://example.com/guide/v2",
                    }
                ],
            }
        ],
    }
    assert data["names"]["changed"] == [
        {
            "name": "Engineer",
            "changes": [
                {"field": "note.en", "old": None, "new": "Either rung"},
                {"field": "primary", "old": "senior", "new": None},
            ],
        }
    ]
    for key in ("tracks", "skills", "roles", "transitions"):
        assert data[key] == {"added": [], "removed": [], "changed": []}


@pytest.mark.usefixtures("maps")
def test_a_map_against_itself_is_the_same_in_every_section() -> None:
    assert run("old.yaml", "old.yaml").stdout == "No differences between old.yaml and old.yaml.\n"
    data = json.loads(run("new.yaml", "new.yaml", "--json").stdout)
    assert data["same"] is True
    assert data["names"] == {"added": [], "removed": [], "changed": []}


@pytest.mark.usefixtures("maps")
def test_the_new_sections_in_japanese() -> None:
    lines = run("old.yaml", "new.yaml", "--lang", "ja").stdout.splitlines()
    assert [line for line in lines if line and not line.startswith(" ")][1:5] == [
        "尺度(各レベルの意味): 追加1件、変更1件",
        "カテゴリー: 追加1件、変更1件",
        "出典: 追加1件、削除1件、変更1件",
        "複数のロールを指す名前: 変更1件",
    ]
