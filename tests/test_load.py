"""Loading data files: what is accepted, and the exact message for every kind of mistake."""

from __future__ import annotations

from pathlib import Path

import pytest

from careergraph.errors import DataFileError
from careergraph.load import load_paths, parse_paths
from careergraph.model import SkillCategory, TransitionKind
from tests.conftest import FIXTURES

BROKEN = FIXTURES / "broken"

# One broken file per kind of mistake, each with every line it must produce ({f} is its path).
EXPECTED = {
    "bad_resource": [
        "{f}:13:46: skills.coding.resources[0].url: 'ftp://example.com/x' is not a web address "
        "(http:// or https://)",
        "{f}:13:79: skills.coding.resources[0].sources[0]: unknown source 'book_lst' — "
        "did you mean 'book_list'?",
        "{f}:14:33: skills.coding.resources[1].kind: 'meetup' is not one of 'book', 'course', "
        "'community', 'certification', 'article', 'website' or 'event'",
        "{f}:22:49: roles.junior.interview[1]: text must not be empty",
    ],
    "unknown_key": ["{f}:21:5: roles.senior: unknown key 'yaers' — did you mean 'years'?"],
    "wrong_type": ["{f}:19:12: roles.senior.level: expected a whole number, got 'two' (text)"],
    "bool_level": ["{f}:19:12: roles.senior.level: expected a whole number, got true"],
    "duplicate_key": ["{f}:22:3: roles: duplicate key 'senior' (first at line 16)"],
    "anchor": [
        "{f}:15:13: YAML anchors and aliases (&name, *name) are not supported: write the value out"
    ],
    "tag": ["{f}:20:12: YAML tags (!!float) are not supported: remove the tag"],
    "unknown_track": ["{f}:18:12: roles.senior.track: unknown track 'deev' — did you mean 'dev'?"],
    "unknown_skill": [
        "{f}:21:14: roles.senior.skills.codng: unknown skill 'codng' — did you mean 'coding'?"
    ],
    "unknown_role": [
        "{f}:23:24: transitions[0].to: unknown role 'seniorr' — did you mean 'senior'?"
    ],
    "duplicate_transition": [
        "{f}:24:5: transitions[1]: duplicate move 'junior' -> 'senior' (first at line 23)"
    ],
    "self_loop": ["{f}:24:5: transitions[1]: a move from 'senior' to itself"],
    "years_infinite": ["{f}:20:12: roles.senior.years: must be a finite number, got .inf"],
    "years_zero": ["{f}:20:12: roles.senior.years: must be greater than 0, got 0"],
    "transition_years_negative": [
        "{f}:23:56: transitions[0].years: must be greater than 0, got -1"
    ],
    "skill_level_too_high": ["{f}:21:22: roles.senior.skills.coding: must be at most 5, got 6"],
    "skill_level_too_low": ["{f}:21:22: roles.senior.skills.coding: must be at least 1, got 0"],
    "octal_level": [
        "{f}:19:12: roles.senior.level: '02' is ambiguous (YAML 1.1 reads it as octal 2): "
        "write 2, or quote it if it is text"
    ],
    "date_years": ["{f}:20:12: roles.senior.years: expected a number, got '2024-04-01' (text)"],
    "bad_id": [
        "{f}:16:3: roles.Senior: 'Senior' is not a valid id (use lowercase snake_case like "
        "'senior_tpm')",
        "{f}:23:24: transitions[0].to: 'Senior' is not a valid id (use lowercase snake_case like "
        "'senior_tpm')",
    ],
    "name_clash": [
        "{f}:16:3: roles.senior: the name 'junior developer' is also a name of role 'junior' "
        "(line 11); every name and alias must point at one role"
    ],
    "unknown_kind": [
        "{f}:23:38: transitions[0].kind: 'promtion' is not one of 'promotion', 'lateral' or "
        "'career_change' — did you mean 'promotion'?"
    ],
    "unknown_category": [
        "{f}:8:15: skills.coding.category: 'techincal' is not one of 'technical', 'soft', 'tool', "
        "'certification' or 'domain' — did you mean 'technical'?"
    ],
    "missing_key": ["{f}:11:5: roles.junior: missing required key 'years'"],
    "bad_version": ["{f}:1:10: version: 2 is not supported; this careergraph reads version 1"],
    "bad_text": ["{f}:4:11: tracks.dev.name: the 'ja' text must be a non-empty string"],
    "syntax_error": ["{f}:20:10: invalid YAML: expected ',' or ']', but got ':'"],
    "not_a_mapping": [
        "{f}:1:1: the top level must be a mapping with version, tracks, skills, roles"
    ],
    "empty": ["{f}:1:1: the file is empty"],
    "one_bad_entry_hides_nothing": [
        "{f}:18:12: roles.senior.track: unknown track 'deev' — did you mean 'dev'?",
        "{f}:21:5: roles.senior: unknown key 'yaers' — did you mean 'years'?",
        "{f}:25:5: transitions[1]: duplicate move 'junior' -> 'senior' (first at line 24)",
    ],
    "several": [
        "{f}:12:12: roles.junior.track: unknown track 'devv' — did you mean 'dev'?",
        "{f}:19:12: roles.senior.level: must be at least 1, got 0",
        "{f}:23:38: transitions[0].kind: 'jump' is not one of 'promotion', 'lateral' or "
        "'career_change'",
    ],
}


def test_every_broken_file_has_an_expected_message() -> None:
    assert sorted(p.stem for p in BROKEN.glob("*.yaml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_file_gives_exact_messages(name: str) -> None:
    file = BROKEN / f"{name}.yaml"
    with pytest.raises(DataFileError) as caught:
        load_paths(file)
    assert caught.value.lines() == [line.format(f=file) for line in EXPECTED[name]]


def test_minimal_file_loads_with_defaults() -> None:
    career_map = load_paths(FIXTURES / "minimal.yaml")
    assert sorted(career_map.roles) == ["junior", "senior"]
    (move,) = career_map.transitions
    assert (move.source, move.target, move.kind) == ("junior", "senior", TransitionKind.PROMOTION)
    assert move.years == 2.0  # defaults to the years of the role being left
    assert career_map.skills["coding"].category is SkillCategory.TECHNICAL


def _minimal(**replacements: str) -> str:
    text = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
    for old, new in replacements.items():
        assert old in text
        text = text.replace(old, new)
    return text


@pytest.mark.parametrize("word", ["no", "yes", "off", "on", "y", "n", "NO"])
def test_yaml_11_booleans_stay_text(word: str) -> None:
    career_map = parse_paths(_minimal(**{"name: Engineering": f"name: {word}"}))
    assert career_map.tracks["dev"].name.get() == word


def test_bare_date_and_sexagesimal_stay_text() -> None:
    text = _minimal(**{"name: Junior developer": "name: 2024-04-01", "name: Coding": "name: 1:30"})
    career_map = parse_paths(text)
    assert career_map.roles["junior"].name.get() == "2024-04-01"
    assert career_map.skills["coding"].name.get() == "1:30"


def test_quoted_leading_zero_is_text_and_plain_is_refused() -> None:
    career_map = parse_paths(_minimal(**{"name: Coding": 'name: "010"'}))
    assert career_map.skills["coding"].name.get() == "010"
    with pytest.raises(DataFileError, match=r"'010' is ambiguous .*octal 8.*write 10"):
        parse_paths(_minimal(**{"name: Coding": "name: 010"}))


def test_years_accept_fractions_and_exponents() -> None:
    career_map = parse_paths(
        _minimal(**{"years: 2\n": "years: 1.5\n", "years: 3\n": "years: 3e0\n"})
    )
    assert career_map.roles["junior"].years == 1.5
    assert career_map.roles["senior"].years == 3.0


def test_nan_years_are_refused() -> None:
    with pytest.raises(DataFileError, match=r"roles\.junior\.years: must be a finite number"):
        parse_paths(_minimal(**{"years: 2\n": "years: .nan\n"}))


def test_alias_bomb_is_refused_before_expansion() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(20)
    )
    with pytest.raises(DataFileError, match="anchors and aliases"):
        parse_paths(bomb, "bomb.yaml")


def test_text_in_several_languages() -> None:
    text = _minimal(**{"name: Coding": "name: {en: Coding, ja: コーディング}"})
    name = parse_paths(text).skills["coding"].name
    assert (name.get("en"), name.get("ja"), name.get("fr")) == ("Coding", "コーディング", "Coding")


def test_unreadable_and_missing_files(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    with pytest.raises(DataFileError) as caught:
        load_paths(missing)
    assert caught.value.lines() == [f"{missing}: cannot read the file: No such file or directory"]
    with pytest.raises(DataFileError) as caught:
        load_paths(tmp_path)
    assert caught.value.lines() == [f"{tmp_path}: is a folder, not a data file"]


def test_non_utf8_file_points_at_the_bad_byte(tmp_path: Path) -> None:
    file = tmp_path / "latin1.yaml"
    file.write_bytes(b"version: 1\ntracks:\n  dev:\n    name: Caf\xe9\n")
    with pytest.raises(DataFileError) as caught:
        load_paths(file)
    assert caught.value.lines() == [f"{file}:4:14: the file is not UTF-8 text"]


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    file = tmp_path / "bom.yaml"
    file.write_bytes(b"\xef\xbb\xbf" + (FIXTURES / "minimal.yaml").read_bytes())
    assert len(load_paths(file).roles) == 2


def test_source_citations_must_resolve() -> None:
    text = _minimal(
        **{"    skills: {coding: 4}\n": "    skills: {coding: 4}\n    sources: [gide]\n"}
    )
    text = text.replace("version: 1\n", "version: 1\nsources:\n  guide:\n    title: A guide\n")
    with pytest.raises(DataFileError) as caught:
        parse_paths(text, "f.yaml")
    assert caught.value.lines() == [
        "f.yaml:25:15: roles.senior.sources[0]: unknown source 'gide' — did you mean 'guide'?"
    ]


def test_infinite_transition_years_refused() -> None:
    with pytest.raises(DataFileError, match=r"transitions\[0\]\.years: must be a finite number"):
        parse_paths(_minimal(**{"kind: promotion}": "kind: promotion, years: .inf}"}))


def test_loaded_map_is_frozen() -> None:
    career_map = load_paths(FIXTURES / "minimal.yaml")
    with pytest.raises(TypeError):
        career_map.roles["x"] = career_map.roles["junior"]  # type: ignore[index]


def test_resources_and_interview_questions_are_read() -> None:
    career_map = parse_paths(
        """
version: 1
tracks: {dev: {name: Engineering}}
skills:
  coding:
    name: Coding
    category: technical
    resources:
      - title: {en: Clean Code, ja: リーダブルコード}
        kind: book
        url: https://example.com/clean-code
        note: Chapter 2 first.
roles:
  junior:
    name: Junior developer
    track: dev
    level: 1
    years: 2
    skills: {coding: 2}
    interview: [Tell me about a bug you fixed.]
"""
    )
    (resource,) = career_map.skills["coding"].resources
    assert (resource.title.get("ja"), resource.kind, resource.url) == (
        "リーダブルコード",
        "book",
        "https://example.com/clean-code",
    )
    assert resource.note is not None and resource.note.get() == "Chapter 2 first."
    assert [q.get() for q in career_map.roles["junior"].interview] == [
        "Tell me about a bug you fixed."
    ]
