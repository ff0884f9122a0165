"""JSON data files: the same schema as YAML, with line and column for every mistake."""

from __future__ import annotations

from pathlib import Path

import pytest

from careergraph.errors import DataFileError
from careergraph.load import load_paths, parse_paths
from tests.conftest import FIXTURES

BROKEN = FIXTURES / "broken_json"

EXPECTED = {
    "syntax_error": ["{f}:5:3: invalid JSON: Expecting ',' delimiter"],
    "truncated": ["{f}:3:39: invalid JSON: Invalid control character"],
    "duplicate_key": ["{f}:8:5: roles: duplicate key 'junior' (first at line 6)"],
    "not_a_mapping": [
        "{f}:1:1: the top level must be a mapping with version, tracks, skills, roles"
    ],
    "escape_in_name": [
        "{f}:6:24: roles.junior.name: the text holds a control character (U+001B), which could "
        "take over a terminal: remove it"
    ],
    "lone_surrogate": [
        "{f}:8:24: roles.senior.name: the text holds half of a surrogate pair (U+D83D), which is "
        "no character on its own: remove it"
    ],
    "deep_nesting": ["{f}:20:54: the data nests more than 40 levels deep; a career map needs 6"],
    "huge_integer": [
        "{f}:18:16: a whole number of 5,000 digits; careergraph reads numbers of up to 20 digits "
        "(see Limits in the README)"
    ],
    "several": [
        "{f}:6:53: roles.junior.track: unknown track 'devv' — did you mean 'dev'?",
        "{f}:8:69: roles.senior.level: expected a whole number, got 'two' (text)",
        "{f}:8:85: roles.senior.years: expected a number, got 'NaN' (text)",
        "{f}:9:41: roles.senior: unknown key 'yaers' — did you mean 'years'?",
        "{f}:13:5: transitions[1]: duplicate move 'junior' -> 'senior' (first at line 12)",
    ],
}


def test_every_broken_json_file_has_an_expected_message() -> None:
    assert sorted(p.stem for p in BROKEN.glob("*.json")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_json_gives_exact_messages(name: str) -> None:
    file = BROKEN / f"{name}.json"
    with pytest.raises(DataFileError) as caught:
        load_paths(file)
    assert caught.value.lines() == [line.format(f=file) for line in EXPECTED[name]]


def test_json_and_yaml_of_the_same_map_load_the_same() -> None:
    from_json = load_paths(FIXTURES / "minimal.json")
    from_yaml = load_paths(FIXTURES / "minimal.yaml")
    assert from_json.path.endswith("minimal.json")
    for part in ("tracks", "skills", "roles", "transitions", "sources"):
        assert getattr(from_json, part) == getattr(from_yaml, part)


def test_empty_json_file(tmp_path: Path) -> None:
    file = tmp_path / "empty.json"
    file.write_text("  \n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_paths(file)
    assert caught.value.lines() == [f"{file}:1:1: the file is empty"]


def test_json_is_chosen_by_the_suffix_only() -> None:
    text = (FIXTURES / "minimal.json").read_text(encoding="utf-8")
    assert len(parse_paths(text, "map.JSON").roles) == 2
    # JSON is also YAML, so the YAML reader takes it too when the name says nothing.
    assert len(parse_paths(text, "map.txt").roles) == 2


def test_duplicate_key_inside_a_list_item_is_located() -> None:
    text = (FIXTURES / "minimal.json").read_text(encoding="utf-8")
    text = text.replace('"kind": "promotion"}', '"kind": "promotion", "kind": "lateral"}')
    with pytest.raises(DataFileError) as caught:
        parse_paths(text, "m.json")
    assert caught.value.lines() == [
        "m.json:11:75: transitions[0]: duplicate key 'kind' (first at line 11)"
    ]
