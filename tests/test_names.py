"""Names that mean several roles: never read silently, a primary said, suggestions ranked."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from types import MappingProxyType

import pytest
from click.testing import CliRunner, Result

from careergraph.cli import cli
from careergraph.errors import AmbiguousRoleError, DataFileError, UnknownRoleError
from careergraph.load import load_paths, parse_layers, parse_paths
from careergraph.model import SharedName, Text
from careergraph.query import find_role, read_role, role_suggestions
from tests.conftest import DEFAULT_DATA, FIXTURES

NAMES = FIXTURES / "names.yaml"


def run(*args: str, data: Path = NAMES) -> Result:
    return CliRunner().invoke(cli, ["--data", str(data), *args], catch_exceptions=False)


def test_a_name_with_no_primary_reading_exits_2_listing_every_candidate() -> None:
    result = run("show", "Senior Engineer")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "error: 'Senior Engineer' names several roles, none of them first: senior_backend "
        "(Senior Backend Engineer, track Backend); senior_frontend (Senior Frontend Engineer, "
        "track Frontend); name one by its id\n"
    )
    japanese = run("path", "senior engineer", "engineer_1_backend", "--lang", "ja")
    assert (japanese.exit_code, japanese.stdout) == (2, "")
    assert japanese.stderr == (
        "エラー: 'senior engineer'は複数のロールを指し、どれが主とも決まっていません: "
        "senior_backend(Senior Backend Engineer、トラック: Backend)、senior_frontend"
        "(Senior Frontend Engineer、トラック: Frontend)。IDでひとつを指定してください\n"
    )


def test_a_primary_reading_is_answered_with_one_line_naming_the_others() -> None:
    result = run("next", "SE")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "Moves from Software Engineer II:"
    assert result.stderr == (
        "note: 'SE' is read as Software Engineer II (engineer_2_backend); it also names "
        "Software Engineer I (engineer_1_backend)\n"
    )
    japanese = run("gap", "SE", "senior_backend", "--lang", "ja", "--json")
    assert japanese.stderr == (
        "注: 'SE'はソフトウェアエンジニアII(engineer_2_backend)と読みます。"
        "ほかにソフトウェアエンジニアI(engineer_1_backend)も指します\n"
    )


def test_the_library_raises_a_typed_error_carrying_the_candidates() -> None:
    career_map = load_paths(NAMES)
    with pytest.raises(AmbiguousRoleError) as caught:
        find_role(career_map, "SENIOR ENGINEER")
    assert caught.value.candidates == ("senior_backend", "senior_frontend")
    assert caught.value.exit_code == 2
    reading = read_role(career_map, "se")
    assert (reading.role.id, reading.others) == ("engineer_2_backend", ("engineer_1_backend",))
    assert read_role(career_map, "engineer_1_backend").others == ()


def test_a_title_several_roles_carry_is_read_the_same_way() -> None:
    # Roles of four ladders may one day share a display title: the rule is the same.
    career_map = load_paths(NAMES)
    shared = {
        key: dataclasses.replace(role, name=Text.plain("Senior Engineer"))
        for key, role in career_map.roles.items()
    }
    titled = dataclasses.replace(career_map, roles=MappingProxyType(shared), names={})
    with pytest.raises(AmbiguousRoleError) as caught:
        find_role(titled, "Senior  Engineer")
    assert caught.value.candidates == tuple(sorted(career_map.roles))
    chosen = dataclasses.replace(
        titled,
        names=MappingProxyType(
            {
                "Senior Engineer": SharedName(
                    "Senior Engineer", ("senior_backend",), "senior_backend"
                )
            }
        ),
    )
    reading = read_role(chosen, "senior engineer")
    assert reading.role.id == "senior_backend"
    assert reading.others == ("engineer_1_backend", "engineer_2_backend", "senior_frontend")


@pytest.mark.parametrize(
    ("name", "suggestions"),
    [
        ("Engineer I", ["engineer_1_backend", "engineer_2_backend"]),
        ("Engineer II", ["engineer_2_backend"]),
        ("Backend Eng", ["senior_backend"]),
        ("エンジニアII", ["engineer_2_backend"]),
        ("Enginer", ["engineer_2_backend"]),  # nothing contains it: the closest name
        ("astronaut", []),
    ],
)
def test_an_unknown_name_suggests_every_role_containing_it_best_first(
    name: str, suggestions: list[str]
) -> None:
    assert role_suggestions(load_paths(NAMES), name) == suggestions


def test_an_unknown_name_lists_its_suggestions_in_one_line() -> None:
    result = run("show", "Engineer I")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "error: unknown role 'Engineer I' — did you mean 'engineer_1_backend', "
        "'engineer_2_backend'?\n"
    )
    japanese = run("show", "Engineer I", "--lang", "ja")
    assert japanese.stderr == (
        "エラー: 'Engineer I'というロールはありません — 'engineer_1_backend', "
        "'engineer_2_backend'のことですか?\n"
    )
    with pytest.raises(UnknownRoleError) as caught:
        find_role(load_paths(NAMES), "Engineer II")
    assert str(caught.value) == "unknown role 'Engineer II' — did you mean 'engineer_2_backend'?"


def test_many_suggestions_are_cut_short_and_counted() -> None:
    text = NAMES.read_text(encoding="utf-8")
    extra = "".join(
        f"  extra_{i}:\n    name: Extra Engineer {i}\n    track: backend\n    level: 4\n"
        "    years: 2\n    skills: {coding: 4}\n"
        for i in range(12)
    )
    career_map = parse_paths(text.replace("transitions:\n", extra + "transitions:\n"), "m.yaml")
    with pytest.raises(UnknownRoleError) as caught:
        find_role(career_map, "Engineer")
    assert len(caught.value.suggestions) == 16
    assert str(caught.value).endswith(" (and 6 more)?")


def test_the_bundled_map_reads_tpm_as_the_program_manager_and_pm_as_neither() -> None:
    career_map = load_paths(DEFAULT_DATA)
    assert read_role(career_map, "TPM").others == ("technical_product_manager",)
    with pytest.raises(AmbiguousRoleError) as caught:
        find_role(career_map, "PM")
    assert caught.value.candidates == ("product_manager", "project_manager")


def _with_names(names: str) -> str:
    return NAMES.read_text(encoding="utf-8").split("names:\n")[0] + "names:\n" + names


@pytest.mark.parametrize(
    ("names", "message"),
    [
        (
            "  X:\n    roles: [senior_backend, senior_frontnd]\n",
            "n.yaml:39:29: names.X.roles[1]: unknown role 'senior_frontnd' — did you mean "
            "'senior_frontend'?",
        ),
        (
            "  X:\n    roles: [senior_backend, senior_frontend]\n    primary: engineer_1_backend\n",
            "n.yaml:40:14: names.X.primary: 'engineer_1_backend' is not one of the roles the name "
            "lists (senior_backend, senior_frontend)",
        ),
        (
            "  X:\n    roles: [senior_backend]\n",
            "n.yaml:39:12: names.X.roles: must list at least 2, got 1",
        ),
    ],
)
def test_a_names_entry_is_checked(names: str, message: str) -> None:
    with pytest.raises(DataFileError) as caught:
        parse_paths(_with_names(names), "n.yaml")
    assert caught.value.lines() == [message]


def test_an_overlay_adds_and_overrides_names() -> None:
    overlay = (
        "version: 1\n"
        "names:\n"
        "  Senior Engineer: {override: true, primary: senior_frontend}\n"
        "  Eng: {roles: [engineer_1_backend, senior_backend]}\n"
    )
    base = NAMES.read_text(encoding="utf-8")
    career_map = parse_layers([(base, "base.yaml"), (overlay, "company.yaml")])
    assert read_role(career_map, "Senior Engineer").role.id == "senior_frontend"
    assert career_map.names["Eng"] == SharedName("Eng", ("engineer_1_backend", "senior_backend"))


def test_a_profile_naming_several_roles_must_say_which(tmp_path: Path) -> None:
    me = tmp_path / "me.yaml"
    me.write_text("role: Senior Engineer\n", encoding="utf-8")
    result = run("gap", "--me", str(me), "engineer_2_backend")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"{me}:1:7: role: 'Senior Engineer' names several roles (senior_backend, "
        "senior_frontend); write one's id\n"
    )
    japanese = run("gap", "--me", str(me), "engineer_2_backend", "--lang", "ja")
    assert japanese.stderr == (
        f"{me}:1:7: role: 'Senior Engineer'は複数のロール(senior_backend, senior_frontend)を"
        "指します。IDで書いてください\n"
    )
