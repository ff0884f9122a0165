"""`careergraph diff`: records, fields and quickest routes compared between two map versions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from careergraph.changes import compare_maps
from careergraph.cli import cli
from careergraph.load import load_paths, parse_paths
from tests.conftest import DEFAULT_DATA, FIXTURES

COMPARE = FIXTURES / "compare"


@pytest.fixture(autouse=True)
def in_compare_fixtures(monkeypatch: pytest.MonkeyPatch) -> None:
    """File names in the output are as given: run beside the fixtures to keep them short."""
    monkeypatch.chdir(COMPARE)


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["diff", *args], catch_exceptions=False)


def test_diff_text() -> None:
    result = run("old.yaml", "new.yaml")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (COMPARE / "diff.txt").read_text(encoding="utf-8")


def test_diff_limit_says_how_many_more() -> None:
    result = run("old.yaml", "new.yaml", "--limit", "2")
    assert result.exit_code == 0
    assert result.stdout.endswith(
        "Quickest routes between roles in both maps: 7 changed "
        "(1 appeared, 1 disappeared, 4 longer, 1 shorter)\n"
        "  appeared     Senior developer → PMO manager       none → 1y\n"
        "  disappeared  Junior developer → PMO coordinator   0.5y → none\n"
        "  … and 5 more (--limit to show more)\n"
    )


def test_diff_json() -> None:
    result = run("old.yaml", "new.yaml", "--json", "--limit", "3")
    assert (result.exit_code, result.stderr) == (0, "")
    data = json.loads(result.stdout)
    assert (data["old"], data["new"], data["same"]) == ("old.yaml", "new.yaml", False)
    assert data["tracks"] == {
        "added": [{"id": "data"}],
        "removed": [],
        "changed": [
            {
                "id": "dev",
                "changes": [{"field": "name.ja", "old": "エンジニアリング", "new": "開発"}],
            }
        ],
    }
    assert data["roles"]["changed"] == [
        {"id": "junior", "changes": [{"field": "skills.fax", "old": 1, "new": None}]},
        {"id": "manager", "changes": [{"field": "skills.planning", "old": 4, "new": 5}]},
        {
            "id": "senior",
            "changes": [
                {"field": "aliases", "old": None, "new": ["Senior dev"]},
                {"field": "years", "old": 3.0, "new": 2.5},
            ],
        },
    ]
    assert data["transitions"]["added"] == [
        {"from": "analyst", "to": "manager"},
        {"from": "senior", "to": "manager"},
    ]
    assert data["transitions"]["removed"] == [
        {"from": "junior", "to": "coordinator"},
        {"from": "typist", "to": "coordinator"},
    ]
    assert data["routes"] == {
        "total": 7,
        "shown": 3,
        "complete": True,
        "compared": {"direction": "into", "roles": 3, "of": 3},
        "changes": [
            {
                "from": "senior",
                "to": "manager",
                "change": "appeared",
                "old_years": None,
                "new_years": 1.0,
            },
            {
                "from": "junior",
                "to": "coordinator",
                "change": "disappeared",
                "old_years": 0.5,
                "new_years": None,
            },
            {
                "from": "coordinator",
                "to": "lead",
                "change": "longer",
                "old_years": 3.5,
                "new_years": 4.5,
            },
        ],
    }


def test_same_map_has_no_differences_and_exits_0() -> None:
    result = run("old.yaml", "old.yaml")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == "No differences between old.yaml and old.yaml.\n"
    data = json.loads(run("old.yaml", "old.yaml", "--json").stdout)
    assert data["same"] is True
    assert data["routes"] == {
        "total": 0,
        "shown": 0,
        "complete": True,
        "compared": {"direction": "from", "roles": 0, "of": 0},
        "changes": [],
    }


@pytest.mark.slow
def test_file_order_does_not_matter(tmp_path: Path) -> None:
    """The default data against itself with roles and moves in reverse order: nothing changed."""
    data = yaml.safe_load(DEFAULT_DATA.read_text(encoding="utf-8"))
    data["roles"] = dict(reversed(list(data["roles"].items())))
    data["transitions"] = list(reversed(data["transitions"]))
    shuffled = tmp_path / "paths.yaml"
    shuffled.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    assert compare_maps(load_paths(DEFAULT_DATA), load_paths(shuffled)).same
    data["transitions"][0]["years"] = 99
    shuffled.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    assert not compare_maps(load_paths(DEFAULT_DATA), load_paths(shuffled)).same


def test_a_broken_file_is_reported_with_its_place() -> None:
    result = run("old.yaml", str(FIXTURES / "broken" / "unknown_role.yaml"))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(str(FIXTURES / "broken" / "unknown_role.yaml") + ":")


def test_missing_file_is_a_usage_error() -> None:
    result = run("old.yaml", "nowhere.yaml")
    assert (result.exit_code, result.stdout) == (2, "")
    assert "nowhere.yaml" in result.stderr


def pairs_map(moves: dict[tuple[str, str], float]) -> str:
    """A map of the roles named in `moves`, each in its own track, and those moves."""
    roles = sorted({role for pair in moves for role in pair} | {"a1", "a2", "b1", "b2", "x"})
    lines = ["version: 1", "tracks:"]
    lines += [f"  t_{role}: {{name: Track {role}}}" for role in roles]
    lines += ["skills:", "  coding: {name: Coding, category: technical}", "roles:"]
    lines += [
        f"  {role}: {{name: Role {role}, track: t_{role}, level: 1, years: 1, "
        "skills: {coding: 1}}"
        for role in roles
    ]
    lines.append("transitions:")
    lines += [
        f"  - {{from: {source}, to: {target}, kind: lateral, years: {years!r}}}"
        for (source, target), years in moves.items()
    ]
    if not moves:
        lines[-1] = "transitions: []"
    return "\n".join(lines) + "\n"


# Route changes, each rule of their order beside what a wrong order would put first:
# (moves before, moves after, the changes in order as (from, to, kind)).
ROUTE_ORDER = {
    "a large shorter change before a small longer one": (
        {("a1", "a2"): 1, ("b1", "b2"): 5},
        {("a1", "a2"): 2, ("b1", "b2"): 1},
        [("b1", "b2", "shorter"), ("a1", "a2", "longer")],
    ),
    "a large longer change before a small shorter one": (
        {("a1", "a2"): 2, ("b1", "b2"): 1},
        {("a1", "a2"): 1.5, ("b1", "b2"): 5},
        [("b1", "b2", "longer"), ("a1", "a2", "shorter")],
    ),
    "equal sizes: longer before shorter, whatever the ids": (
        {("a1", "a2"): 3, ("b1", "b2"): 1},
        {("a1", "a2"): 2, ("b1", "b2"): 2},
        [("b1", "b2", "longer"), ("a1", "a2", "shorter")],
    ),
    "appeared and disappeared before any change of length, however large": (
        {("a1", "a2"): 1, ("x", "b2"): 1},
        {("a1", "a2"): 100, ("b1", "b2"): 1},
        [("b1", "b2", "appeared"), ("x", "b2", "disappeared"), ("a1", "a2", "longer")],
    ),
    "appeared before disappeared, whatever the ids": (
        {("a1", "a2"): 1},
        {("b1", "b2"): 1},
        [("b1", "b2", "appeared"), ("a1", "a2", "disappeared")],
    ),
    "same kind and size: by the ids": (
        {("b1", "b2"): 1, ("a1", "a2"): 1},
        {("b1", "b2"): 2, ("a1", "a2"): 2},
        [("a1", "a2", "longer"), ("b1", "b2", "longer")],
    ),
    "a difference of floating-point rounding is no change": (
        {("a1", "a2"): 0.3},
        {("a1", "x"): 0.1, ("x", "a2"): 0.2},
        [("a1", "x", "appeared"), ("x", "a2", "appeared")],
    ),
}


@pytest.mark.parametrize("rule", ROUTE_ORDER)
def test_route_changes_are_in_their_documented_order(rule: str) -> None:
    before, after, expected = ROUTE_ORDER[rule]
    old = parse_paths(pairs_map(before), "old.yaml")
    new = parse_paths(pairs_map(after), "new.yaml")
    assert [(c.source, c.target, c.kind) for c in compare_maps(old, new).routes] == expected
