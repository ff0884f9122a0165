"""A route question with no answer names the options that cut every route, in both languages."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from careergraph.cli import cli
from careergraph.errors import NoRouteError, Words
from careergraph.graph import build_graph
from careergraph.load import load_paths
from careergraph.no_route import RouteOptions, explain_no_route
from tests.conftest import FIXTURES

PROVENANCE = str(FIXTURES / "provenance.yaml")

CASES = [
    (
        ["path", "junior", "project", "--stated-only"],
        "error: no route from 'junior' to 'project', using stated moves only;"
        " a route exists with implied moves (without --stated-only)\n",
        "エラー: 'junior'から'project'へのルートはありません(記載ありの移動のみ)。"
        "推測の移動も使えばルートがあります(--stated-only なし)\n",
    ),
    (
        ["plan", "junior", "project", "--stated-only", "-o", "-"],
        "error: no route from 'junior' to 'project', using stated moves only;"
        " a route exists with implied moves (without --stated-only)\n",
        "エラー: 'junior'から'project'へのルートはありません(記載ありの移動のみ)。"
        "推測の移動も使えばルートがあります(--stated-only なし)\n",
    ),
    (
        ["path", "junior", "project", "--avoid", "product"],
        "error: no route from 'junior' to 'project' (avoiding product);"
        " a route exists without --avoid product\n",
        "エラー: 'junior'から'project'へのルートはありません(回避: product)。"
        "--avoid product を外せばルートがあります\n",
    ),
    (
        ["path", "junior", "lead", "--via", "product", "--stated-only"],
        "error: no route from 'junior' to 'lead' (via product), using stated moves only;"
        " a route exists with implied moves (without --stated-only);"
        " a route exists without --via product\n",
        "エラー: 'junior'から'lead'へのルートはありません(経由: product)(記載ありの移動のみ)。"
        "推測の移動も使えばルートがあります(--stated-only なし)、"
        "--via product を外せばルートがあります\n",
    ),
    (
        ["path", "junior", "project", "--max-steps", "1"],
        "error: no route from 'junior' to 'project' (in at most 1 step);"
        " the shortest route takes 2 steps\n",
        "エラー: 'junior'から'project'へのルートはありません(1回以内の移動)。"
        "最短のルートは2回の移動です\n",
    ),
    (
        ["path", "junior", "project", "--stated-only", "--max-steps", "1"],
        "error: no route from 'junior' to 'project' (in at most 1 step), using stated moves only;"
        " a route exists without --stated-only, --max-steps together\n",
        "エラー: 'junior'から'project'へのルートはありません(1回以内の移動)(記載ありの移動のみ)。"
        "--stated-only, --max-steps をすべて外せばルートがあります\n",
    ),
    (
        ["path", "senior", "project", "--stated-only"],
        "error: no route from 'senior' to 'project', using stated moves only\n",
        "エラー: 'senior'から'project'へのルートはありません(記載ありの移動のみ)\n",
    ),
]


@pytest.mark.parametrize(("args", "english", "japanese"), CASES, ids=lambda a: str(a))
def test_no_route_names_what_cut_it(args: list[str], english: str, japanese: str) -> None:
    runner = CliRunner()
    for lang, expected in (("en", english), ("ja", japanese)):
        result = runner.invoke(cli, ["--data", PROVENANCE, *args, "--lang", lang])
        assert (result.exit_code, result.stdout, result.stderr) == (1, "", expected)


def test_a_question_without_options_says_only_no_route() -> None:
    result = CliRunner().invoke(cli, ["--data", PROVENANCE, "path", "senior", "project"])
    assert (result.exit_code, result.stderr) == (1, "error: no route from 'senior' to 'project'\n")


def test_the_explanation_keeps_the_error_kind() -> None:
    graph = build_graph(load_paths(PROVENANCE))
    avoiding = (Words.of("avoiding {roles}", roles="product"),)
    words = Words.of(
        "no route from '{source}' to '{target}' ({conditions})",
        source="junior",
        target="project",
        conditions=avoiding,
    )
    options = RouteOptions(avoid=("product",))
    explained = explain_no_route(NoRouteError(words), graph, "junior", "project", options)
    assert isinstance(explained, NoRouteError)
    assert str(explained) == (
        "no route from 'junior' to 'project' (avoiding product); a route exists without --avoid"
        " product"
    )
