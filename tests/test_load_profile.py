"""Loading a personal profile: what is accepted, and the exact message for every kind of mistake."""

from __future__ import annotations

from pathlib import Path

import pytest

from careergraph.errors import DataFileError
from careergraph.load import load_paths
from careergraph.load.profile import load_profile, parse_profile
from careergraph.model import CareerMap
from tests.conftest import FIXTURES

PROFILES = FIXTURES / "profile"
LADDER = FIXTURES / "plan" / "ladder.yaml"

# One broken profile per kind of mistake, each with every line it must produce ({f}: its path).
EXPECTED = {
    "unknown_role": ["{f}:1:7: role: unknown role 'PMO manger' — did you mean 'manager'?"],
    "unknown_skill": [
        "{f}:3:3: skills.stakeholder: unknown skill 'stakeholder' — did you mean 'stakeholders'?"
    ],
    "level_too_high": ["{f}:3:13: skills.planning: must be at most 5, got 6"],
    "level_negative": ["{f}:3:13: skills.planning: must be 0 or more, got -1"],
    "bool_level": ["{f}:3:13: skills.planning: expected a whole number, got true"],
    "fraction_level": ["{f}:3:13: skills.planning: expected a whole number, got 3.5"],
    "years_negative": ["{f}:2:16: years_in_role: must be 0 or more, got -2"],
    "years_infinite": ["{f}:2:16: years_in_role: must be a finite number, got .inf"],
    "unknown_key": [
        "{f}:2:1: the top level: unknown key 'years' (expected one of: role, years_in_role, skills)"
    ],
    "missing_role": ["{f}:1:1: the top level: missing required key 'role'"],
    "not_a_mapping": ["{f}:1:1: a profile must be a mapping with at least 'role'"],
    "empty": ["{f}:1:1: the file is empty"],
    "syntax_error": ["{f}:2:1: invalid YAML: expected ',' or ']', but got '<stream end>'"],
    "duplicate_key": ["{f}:4:3: skills: duplicate key 'planning' (first at line 3)"],
    "several": [
        "{f}:1:7: role: unknown role 'coordinatr' — did you mean 'coordinator'?",
        "{f}:2:16: years_in_role: expected a number, got 'many' (text)",
        "{f}:4:3: skills.pythn: unknown skill 'pythn' — did you mean 'python'?",
        "{f}:5:13: skills.planning: must be at most 5, got 9",
    ],
}


@pytest.fixture(scope="module")
def ladder() -> CareerMap:
    return load_paths(LADDER)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_mistake_has_its_exact_message(name: str, ladder: CareerMap) -> None:
    file = PROFILES / f"{name}.yaml"
    with pytest.raises(DataFileError) as caught:
        load_profile(file, ladder)
    assert caught.value.lines() == [line.format(f=file) for line in EXPECTED[name]]


def test_every_broken_profile_is_paired_with_its_message() -> None:
    files = {p.stem for p in PROFILES.glob("*.yaml")} - {"me"}
    assert files == set(EXPECTED)


def test_a_profile_names_its_role_by_any_name_and_overrides_levels(ladder: CareerMap) -> None:
    profile = load_profile(PROFILES / "me.yaml", ladder)
    assert (profile.role, profile.years_in_role) == ("manager", 1.5)
    assert dict(profile.skills) == {"finance": 1, "pmp": 0, "stakeholders": 5}
    assert dict(profile.levels(ladder.roles["manager"])) == {
        "planning": 4,
        "stakeholders": 5,
        "pmp": 0,
        "python": 1,
        "finance": 1,
    }


def test_only_a_role_is_required(ladder: CareerMap) -> None:
    profile = parse_profile("role: PgM\n", ladder, "me.yaml")
    assert (profile.path, profile.role, dict(profile.skills), profile.years_in_role) == (
        "me.yaml",
        "program_manager",
        {},
        0.0,
    )


def test_unreadable_profiles_are_reported(tmp_path: Path, ladder: CareerMap) -> None:
    missing = tmp_path / "nobody.yaml"
    with pytest.raises(DataFileError) as caught:
        load_profile(missing, ladder)
    assert caught.value.lines() == [
        f"{missing}: cannot read the profile: No such file or directory"
    ]
    with pytest.raises(DataFileError) as caught:
        load_profile(tmp_path, ladder)
    assert caught.value.lines() == [f"{tmp_path}: is a folder, not a profile"]
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("role: manager\n# café\n".encode("latin-1"))
    with pytest.raises(DataFileError) as caught:
        load_profile(latin, ladder)
    assert caught.value.lines() == [f"{latin}:2:6: the file is not UTF-8 text"]
