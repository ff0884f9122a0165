"""Company overlays: later --data files add to, override and remove from earlier ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from careergraph.cli import cli
from careergraph.load import load_layers, load_paths
from tests.conftest import DEFAULT_DATA, FIXTURES

SMALL = str(FIXTURES / "small.yaml")
OVERLAY = FIXTURES / "overlay"
COMPANY = str(OVERLAY / "company.yaml")


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


def test_an_overlay_adds_overrides_and_removes() -> None:
    base, merged = load_paths(SMALL), load_layers([SMALL, COMPANY])
    assert set(merged.roles) == {*base.roles, "architect"}
    assert (base.roles["senior"].years, merged.roles["senior"].years) == (3, 5)
    # Fields the overlay does not name stay as the base map has them.
    assert merged.roles["senior"].skills == base.roles["senior"].skills
    assert merged.roles["senior"].aliases == ("Senior dev",)
    moves = {(t.source, t.target) for t in merged.transitions}
    assert moves == {(t.source, t.target) for t in base.transitions} - {("senior", "manager")} | {
        ("senior", "architect")
    }


def test_commands_use_every_data_file_in_order() -> None:
    result = run("--data", SMALL, "--data", COMPANY, "next", "senior", "--json")
    assert result.exit_code == 0
    moves = json.loads(result.stdout)["moves"]
    assert [(m["to"], m["years"]) for m in moves] == [("architect", 5.0), ("lead", 5.0)]


def test_data_files_given_to_the_command_replace_those_given_before_it() -> None:
    result = run("--data", COMPANY, "show", "senior", "--json", "--data", SMALL, "--data", COMPANY)
    assert (result.exit_code, json.loads(result.stdout)["years"]) == (0, 5.0)


def test_the_environment_variable_still_names_the_base_map() -> None:
    result = run("validate", env={"CAREERGRAPH_DATA": SMALL})
    assert result.stdout == "OK: 5 roles, 6 transitions\n"


def test_validate_checks_several_files_as_one_map() -> None:
    result = run("validate", SMALL, COMPANY)
    assert (result.exit_code, result.stdout) == (0, "OK: 6 roles, 6 transitions\n")
    data = json.loads(run("validate", "--json", SMALL, COMPANY).stdout)
    assert (data["ok"], data["file"], data["files"]) == (True, SMALL, [SMALL, COMPANY])


def test_repeating_an_entry_word_for_word_is_harmless() -> None:
    result = run("validate", SMALL, str(OVERLAY / "repeat_skill.yaml"))
    assert (result.exit_code, result.stdout) == (0, "OK: 5 roles, 6 transitions\n")


# One overlay per kind of conflict, each with every line it must produce ({f}: its path,
# {base}: small.yaml's).
CONFLICTS = {
    "redefine_skill": [
        "{f}:6:15: skills.coding.category: 'soft' here, but {base}:14:15 says 'technical'; "
        "add 'override: true' to skills.coding to change it"
    ],
    "move_conflict": [
        "{f}:4:38: transitions[0].kind: 'lateral' here, but {base}:55:38 says 'promotion'; "
        "add 'override: true' to transitions[0] to change it"
    ],
    "remove_missing": [
        "{f}:4:5: transitions[0]: cannot remove the move 'lead' -> 'junior': no earlier file has it"
    ],
    "remove_entry": [
        "{f}:4:12: roles.junior.remove: only a move can be removed ('remove: true' under "
        "transitions); a role stays once a file defines it",
        "{f}:7:5: skills.pmp.remove: only a move can be removed ('remove: true' under "
        "transitions); a skill stays once a file defines it",
    ],
    "override_missing": [
        "{f}:5:5: roles.principal: 'override: true', but no earlier file defines role 'principal'"
    ],
    "unknown_role": [
        "{f}:4:73: roles.architect.skills.codng: unknown skill 'codng' — did you mean 'coding'?",
        "{f}:7:27: transitions[1].to: unknown role 'principal' (define it under 'roles')",
    ],
    "name_clash": [
        "{f}:4:3: roles.staff: the name 'Tech lead' is also a name of role 'lead' ({base}:37); "
        "every name and alias must point at one role"
    ],
    "no_version": ["{f}:2:1: the top level: missing required key 'version'"],
}


def test_every_overlay_fixture_is_expected() -> None:
    assert sorted(p.stem for p in OVERLAY.glob("*.yaml")) == sorted(
        [*CONFLICTS, "company", "repeat_skill"]
    )


@pytest.mark.parametrize("name", sorted(CONFLICTS))
def test_overlay_conflicts_name_both_places(name: str) -> None:
    file = OVERLAY / f"{name}.yaml"
    result = run("validate", SMALL, str(file))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [
        line.format(f=file, base=SMALL) for line in CONFLICTS[name]
    ]


def test_an_overlay_given_alone_says_so() -> None:
    result = run("validate", COMPANY)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert (
        f"{COMPANY}:5:5: roles.senior.override: only a file given after another "
        "(--data BASE --data OVERLAY) can override an entry"
    ) in lines
    assert (
        f"{COMPANY}:15:33: transitions[1].remove: only a file given after another "
        "(--data BASE --data OVERLAY) can remove a move"
    ) in lines


def test_problems_in_several_files_are_all_reported() -> None:
    missing = str(OVERLAY / "nope.yaml")
    result = run("validate", SMALL, str(OVERLAY / "no_version.yaml"), missing)
    assert result.exit_code == 2
    assert result.stderr == f"{missing}: cannot read the file: No such file or directory\n"


def test_the_company_example_overlays_the_bundled_map() -> None:
    company = str(FIXTURES / "company.yaml")
    merged = load_layers([DEFAULT_DATA, company])
    assert merged.roles["tpm"].years == 4
    assert "SE2" in merged.roles["senior_developer"].aliases
    assert ("senior_developer", "tpm") not in {(t.source, t.target) for t in merged.transitions}
    result = run("--data", str(DEFAULT_DATA), "--data", company, "path", "SE2", "vpoe", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["routes"][0]["roles"][0] == "senior_developer"


def test_lint_reports_places_in_the_file_that_wrote_them(tmp_path: Path) -> None:
    overlay = tmp_path / "overlay.yaml"
    overlay.write_text(
        "version: 1\nskills:\n  budget: {name: Budget, category: soft}\n", encoding="utf-8"
    )
    result = run("lint", SMALL, COMPANY, str(overlay))
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        f"{overlay}:3:3: warning [unused-skill] skills.budget: no role asks for this skill",
        "0 errors, 1 warning",
    ]


def test_an_overlay_may_add_sections_the_base_map_leaves_out(tmp_path: Path) -> None:
    base, overlay = tmp_path / "base.yaml", tmp_path / "overlay.yaml"
    base.write_text(
        "version: 1\n"
        "tracks: {dev: {name: Dev}}\n"
        "skills: {coding: {name: Coding, category: technical}}\n"
        "roles:\n"
        "  a: {name: A, track: dev, level: 1, years: 2, skills: {coding: 1}}\n",
        encoding="utf-8",
    )
    overlay.write_text(
        "version: 1\n"
        "sources: {guide: {title: A guide}}\n"
        "roles:\n"
        "  b: {name: B, track: dev, level: 2, years: 2, skills: {coding: 2}, sources: [guide]}\n"
        "transitions:\n"
        "  - {from: a, to: b, kind: promotion}\n",
        encoding="utf-8",
    )
    merged = load_layers([base, overlay])
    assert [(t.source, t.target) for t in merged.transitions] == [("a", "b")]
    assert list(merged.sources) == ["guide"]


def test_a_move_can_be_overridden_and_its_mistakes_point_at_the_overlay(tmp_path: Path) -> None:
    overlay = tmp_path / "overlay.yaml"
    overlay.write_text(
        "version: 1\n"
        "transitions:\n"
        "  - {from: junior, to: senior, override: true, years: 1}\n"
        "  - {from: manager, to: lead, override: true, years: -1}\n",
        encoding="utf-8",
    )
    result = run("validate", SMALL, str(overlay))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"{overlay}:4:54: transitions[1].years: must be greater than 0, got -1\n"
    )
    overlay.write_text(
        "version: 1\ntransitions:\n  - {from: junior, to: senior, override: true, years: 1}\n",
        encoding="utf-8",
    )
    moves = {(t.source, t.target): t for t in load_layers([SMALL, overlay]).transitions}
    assert (moves["junior", "senior"].years, moves["junior", "senior"].kind) == (1, "promotion")


# Mistakes of every kind at the same line and column of two files: each file's is its own.
SAME_PLACE = {
    "a YAML problem and a schema problem": (
        "  a: {name: A, track: t, level: 010, years: 1, skills: {}}",
        '  b: {name: B, track: t, level: "1", years: 1, skills: {}}',
        [
            "{base}:5:33: roles.a.level: '010' is ambiguous (YAML 1.1 reads it as octal 8): "
            "write 10, or quote it if it is text",
            "{overlay}:5:33: roles.b.level: expected a whole number, got '1' (text)",
        ],
    ),
    "the same schema problem": (
        "  a: {name: A, track: t, level: 1, years: 1, skills: {}, bogus: 1}",
        "  b: {name: B, track: t, level: 1, years: 1, skills: {}, bogus: 1}",
        [
            "{base}:5:58: roles.a: unknown key 'bogus' (expected one of: name, track, level, "
            "years, skills, aliases, summary, responsibilities, interview, sources, "
            "years_estimated, lint)",
            "{overlay}:5:58: roles.b: unknown key 'bogus' (expected one of: name, track, level, "
            "years, skills, aliases, summary, responsibilities, interview, sources, "
            "years_estimated, lint)",
        ],
    ),
    "a refused character and an unknown track": (
        '  a: {name: "A\\e", track: t, level: 1, years: 1, skills: {}}',
        "  b: {      trak: t, name: B, level: 1, years: 1, skills: {}}",
        [
            "{base}:5:13: roles.a.name: the text holds a control character (U+001B), which "
            "could take over a terminal: remove it",
            "{overlay}:5:13: roles.b: unknown key 'trak' — did you mean 'track'?",
        ],
    ),
}


@pytest.mark.parametrize("case", SAME_PLACE)
def test_mistakes_at_the_same_place_of_two_files_are_both_reported(
    case: str, tmp_path: Path
) -> None:
    base_role, overlay_role, lines = SAME_PLACE[case]
    base, overlay = tmp_path / "base.yaml", tmp_path / "overlay.yaml"
    base.write_text(
        f"version: 1\ntracks: {{t: {{name: T}}}}\nskills: {{}}\nroles:\n{base_role}\n",
        encoding="utf-8",
    )
    overlay.write_text(f"version: 1\n# the roles\n\nroles:\n{overlay_role}\n", encoding="utf-8")
    result = run("validate", str(base), str(overlay))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [line.format(base=base, overlay=overlay) for line in lines]
