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

# Every kind of broken profile, with its exact messages, is in tests/fixtures/broken_profiles/
# and checked by tests/test_broken_inputs.py, through the CLI and through load_profile.


@pytest.fixture(scope="module")
def ladder() -> CareerMap:
    return load_paths(LADDER)


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


def test_a_level_of_zero_means_the_skill_is_missing(ladder: CareerMap) -> None:
    profile = parse_profile("role: manager\nskills: {planning: 0, pmp: 0}\n", ladder)
    assert dict(profile.levels(ladder.roles["manager"])) == {
        "planning": 0,
        "stakeholders": 3,
        "pmp": 0,
        "python": 1,
    }


def test_unreadable_profiles_are_reported_as_data_files_are(
    tmp_path: Path, ladder: CareerMap
) -> None:
    missing = tmp_path / "nobody.yaml"
    with pytest.raises(DataFileError) as caught:
        load_profile(missing, ladder)
    assert caught.value.lines() == [f"{missing}: cannot read the file: No such file or directory"]
    with pytest.raises(DataFileError) as caught:
        load_profile(tmp_path, ladder)
    assert caught.value.lines() == [f"{tmp_path}: is a folder, not a profile"]
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as out:
        out.truncate(21 * 2**20)
    with pytest.raises(DataFileError) as caught:
        load_profile(huge, ladder)
    assert caught.value.lines() == [
        f"{huge}: the file is larger than 20 MB, far more than a profile needs: "
        "is it the right file? (CAREERGRAPH_MAX_MB raises the limit)"
    ]
