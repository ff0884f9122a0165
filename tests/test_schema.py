"""`careergraph schema`: the committed JSON Schemas match it, and they accept and refuse files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from careergraph.cli import cli
from careergraph.load.yaml_source import read_yaml
from tests.conftest import DEFAULT_DATA, FIXTURES, ROOT

SCHEMAS = ROOT / "schema"
MAP_SCHEMA = SCHEMAS / "careergraph.schema.json"
OVERLAY_SCHEMA = SCHEMAS / "careergraph-overlay.schema.json"


def printed(*args: str) -> str:
    result = CliRunner().invoke(cli, ["schema", *args], catch_exceptions=False)
    assert (result.exit_code, result.stderr) == (0, "")
    return result.stdout


def data_of(file: Path) -> Any:
    document, problems = read_yaml(file.read_text(encoding="utf-8"), str(file))
    assert document.data is not None, problems
    return document.data


def validator(schema_file: Path) -> jsonschema.Draft202012Validator:
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize(
    ("schema_file", "args"), [(MAP_SCHEMA, ()), (OVERLAY_SCHEMA, ("--overlay",))]
)
def test_the_committed_schema_is_what_the_command_prints(
    schema_file: Path, args: tuple[str, ...]
) -> None:
    assert schema_file.read_text(encoding="utf-8") == printed(*args)


def test_the_default_data_points_editors_at_the_schema() -> None:
    first = DEFAULT_DATA.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schema/careergraph.schema.json"
    assert (DEFAULT_DATA.parent / "../schema/careergraph.schema.json").resolve() == MAP_SCHEMA


@pytest.mark.parametrize("file", [DEFAULT_DATA, FIXTURES / "small.yaml", FIXTURES / "minimal.yaml"])
def test_valid_maps_pass_the_schema(file: Path) -> None:
    assert list(validator(MAP_SCHEMA).iter_errors(data_of(file))) == []


# Broken files whose mistake is in the shape of the file, each with where the schema objects.
SHAPE_MISTAKES = {
    "unknown_key": "$.roles.senior",
    "wrong_type": "$.roles.senior.level",
    "bool_level": "$.roles.senior.level",
    "skill_level_too_high": "$.roles.senior.skills.coding",
    "skill_level_too_low": "$.roles.senior.skills.coding",
    "years_zero": "$.roles.senior.years",
    "transition_years_negative": "$.transitions[0].years",
    "date_years": "$.roles.senior.years",
    "unknown_kind": "$.transitions[0].kind",
    "unknown_category": "$.skills.coding.category",
    "missing_key": "$.roles.junior",
    "bad_version": "$.version",
    "bad_text": "$.tracks.dev.name",
}


@pytest.mark.parametrize("name", sorted(SHAPE_MISTAKES))
def test_broken_files_fail_the_schema(name: str) -> None:
    errors = list(validator(MAP_SCHEMA).iter_errors(data_of(FIXTURES / "broken" / f"{name}.yaml")))
    assert [e.json_path for e in errors] == [SHAPE_MISTAKES[name]]


def test_a_key_that_is_no_id_fails_the_schema() -> None:
    errors = list(validator(MAP_SCHEMA).iter_errors(data_of(FIXTURES / "broken" / "bad_id.yaml")))
    assert sorted(e.json_path for e in errors) == ["$.roles", "$.transitions[0].to"]


def test_the_company_overlay_passes_the_overlay_schema_only() -> None:
    company = data_of(FIXTURES / "company.yaml")
    assert list(validator(OVERLAY_SCHEMA).iter_errors(company)) == []
    assert list(validator(MAP_SCHEMA).iter_errors(company)) != []


def test_a_removal_with_other_keys_fails_the_overlay_schema() -> None:
    overlay = {"version": 1, "transitions": [{"from": "a", "to": "b", "remove": True, "years": 2}]}
    assert list(validator(OVERLAY_SCHEMA).iter_errors(overlay)) != []
