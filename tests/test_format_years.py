"""Years may be left out: a role takes the default, a move its source role's, both estimated."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner, Result

from careergraph.cli import cli
from careergraph.load import load_paths
from careergraph.model import DEFAULT_ROLE_YEARS
from tests.conftest import FIXTURES

NO_YEARS = FIXTURES / "format" / "no_years.yaml"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def test_a_role_without_years_takes_the_default_as_an_estimate() -> None:
    career_map = load_paths(NO_YEARS)
    first, third = career_map.roles["engineer_1"], career_map.roles["engineer_3"]
    assert (first.years, first.years_estimated) == (DEFAULT_ROLE_YEARS, True)
    assert (third.years, third.years_estimated) == (4.0, False)
    moves = {(t.source, t.target): t for t in career_map.transitions}
    assert (
        moves["engineer_1", "engineer_2"].years,
        moves["engineer_1", "engineer_2"].years_estimated,
    ) == (2.0, True)


def test_a_move_without_years_from_a_role_with_years_stays_as_stated() -> None:
    career_map = load_paths(FIXTURES / "small.yaml")
    move = next(t for t in career_map.transitions if (t.source, t.target) == ("junior", "senior"))
    assert (move.years, move.years_estimated) == (2.0, False)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "Best route: Engineer I → Engineer III (~4y, 2 moves)",
                "  1. Engineer I → Engineer II    promotion    ~2y     ~2y",
                "     build: Coding 1→2",
                "  2. Engineer II → Engineer III  promotion    ~2y     ~4y",
                "     build: Coding 2→3",
                "  Total: ~4y over 2 moves",
                "",
                "(~: estimated years)",
            ],
        ),
        (
            "ja",
            [
                "最短ルート: エンジニアI → エンジニアIII (約4年・2回の移動)",
                "  1. エンジニアI → エンジニアII    昇進  約2年   約2年",
                "     伸ばす: コーディング 1→2",
                "  2. エンジニアII → エンジニアIII  昇進  約2年   約4年",
                "     伸ばす: コーディング 2→3",
                "  合計: 約4年・2回の移動",
                "",
                "(約: 見積もりの年数)",
            ],
        ),
    ],
)
def test_routes_over_moves_without_years_are_marked_estimated(
    lang: str, expected: list[str]
) -> None:
    result = run("--data", str(NO_YEARS), "path", "engineer_1", "engineer_3", "--lang", lang)
    assert (result.exit_code, result.stdout.splitlines()) == (0, expected)


def test_show_and_json_say_the_years_are_estimated() -> None:
    shown = run("--data", str(NO_YEARS), "show", "engineer_1").stdout.splitlines()
    assert shown[1] == "  id: engineer_1 · track: Engineering · level 1 · typically ~2y"
    assert shown[-1] == "(~: estimated years)"
    data = json.loads(
        run("--data", str(NO_YEARS), "path", "engineer_1", "engineer_3", "--json").stdout
    )
    steps = data["routes"][0]["steps"]
    assert [(s["years"], s["years_estimated"]) for s in steps] == [(2.0, True), (2.0, True)]


def test_a_map_without_years_passes_the_schema() -> None:
    from tests.test_schema import MAP_SCHEMA, data_of, validator

    assert list(validator(MAP_SCHEMA).iter_errors(data_of(NO_YEARS))) == []
