"""Loading data files: what is accepted, and the exact message for every kind of mistake."""

from __future__ import annotations

from pathlib import Path

import pytest

from careergraph.errors import DataFileError
from careergraph.load import load_paths, parse_paths
from careergraph.model import SkillCategory, TransitionKind
from tests.conftest import FIXTURES

# Every kind of broken file, with its exact messages, is in tests/test_broken_inputs.py.


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
    assert caught.value.lines() == [
        f"{file}:4:14: the file is not UTF-8 text (byte 0xE9); save it as UTF-8"
    ]


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


def test_basis_and_estimated_years_default_to_stated_and_given() -> None:
    career_map = load_paths(FIXTURES / "minimal.yaml")
    (move,) = career_map.transitions
    assert (move.basis, move.years_estimated) == ("stated", False)
    assert not any(role.years_estimated for role in career_map.roles.values())


def test_basis_and_estimated_years_are_read() -> None:
    text = _minimal(
        **{
            "years: 2\n": "years: 2\n    years_estimated: true\n",
            "kind: promotion}": "kind: promotion, basis: implied}",
        }
    )
    career_map = parse_paths(text, "estimated.yaml")
    (move,) = career_map.transitions
    assert career_map.roles["junior"].years_estimated
    assert not career_map.roles["senior"].years_estimated
    # The move gives no years, so it takes the junior role's estimate, and says so.
    assert (move.basis, move.years, move.years_estimated) == ("implied", 2.0, True)
    given = parse_paths(text.replace("basis: implied}", "years: 1}"), "given.yaml")
    assert (given.transitions[0].basis, given.transitions[0].years_estimated) == ("stated", False)
