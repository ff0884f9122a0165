"""Provenance in every answer: implied moves, estimated years and steep steps, marked and said."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from careergraph.cli import cli
from careergraph.graph import build_graph, stated_only
from careergraph.load import load_paths
from careergraph.query import find_routes, promotion_plan, reachable_roles
from careergraph.render.html import render_html
from careergraph.render.markdown import plan_markdown
from careergraph.render.plan_html import plan_html
from tests.conftest import FIXTURES

PROVENANCE = FIXTURES / "provenance.yaml"
SMALL = FIXTURES / "small.yaml"


def run(*args: str, data: Path = PROVENANCE) -> Result:
    return CliRunner().invoke(cli, ["--data", str(data), *args], catch_exceptions=False)


def test_path_marks_implied_moves_estimates_and_steep_steps_with_one_legend() -> None:
    result = run("path", "junior", "lead", "-k", "1")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "Best route: Junior developer → Tech lead (~3.5y, 2 moves)\n"
        "  1. Junior developer → Senior developer  promotion            ~2y     ~2y\n"
        "     build: Planning 0→1\n"
        "  2. Senior developer → Tech lead         promotion (steep)   1.5y   ~3.5y\n"
        "     build: Coding 2→5\n"
        "  Total: ~3.5y over 2 moves\n"
        "\n"
        "Alternative 1: Junior developer → Tech lead (~3.5y, 2 moves)\n"
        "  1. Junior developer → Product manager  career change (implied)   ~1.5y   ~1.5y\n"
        "     build: Planning 0→3\n"
        "  2. Product manager → Tech lead         lateral (implied, steep)     2y   ~3.5y\n"
        "     build: Coding 2→5\n"
        "  Total: ~3.5y over 2 moves\n"
        "\n"
        "(implied: no source states the move (see its note); ~: estimated years; "
        "steep: a held skill rises more levels than the years allow)\n"
    )


def test_path_marks_in_japanese() -> None:
    result = run("path", "junior", "lead", "-k", "1", "--lang", "ja")
    assert result.stdout.splitlines()[7:] == [
        "別ルート1: ジュニア開発者 → テックリード (約3.5年・2回の移動)",
        "  1. ジュニア開発者 → プロダクトマネージャー  キャリアチェンジ(推測)  約1.5年  約1.5年",
        "     伸ばす: 計画 0→3",
        "  2. プロダクトマネージャー → テックリード    横異動(推測、急な伸び)    2年  約3.5年",
        "     伸ばす: コーディング 2→5",
        "  合計: 約3.5年・2回の移動",
        "",
        "(推測: 出典が明記していない移動(注記を参照)/約: 見積もりの年数/"
        "急な伸び: 持っているスキルが年数に見合わないほど上がる)",
    ]


def test_no_mark_means_no_legend() -> None:
    result = run("path", "junior", "lead", data=SMALL)
    assert "(" not in result.stdout.splitlines()[-1]
    assert result.stdout.splitlines()[-1] == "  Total: 4y over 3 moves"


def test_among_routes_of_equal_years_fewer_implied_moves_rank_first() -> None:
    graph = build_graph(load_paths(PROVENANCE))
    routes = find_routes(graph, "junior", "lead", alternatives=1)
    assert [(r.roles, r.years, r.implied_moves) for r in routes] == [
        (("junior", "senior", "lead"), 3.5, 0),
        (("junior", "product", "lead"), 3.5, 2),
    ]
    by_steps = find_routes(graph, "junior", "lead", alternatives=1, by="steps")
    assert [r.roles for r in by_steps] == [
        ("junior", "senior", "lead"),
        ("junior", "product", "lead"),
    ]


def test_routes_by_gap_rank_by_levels_to_build() -> None:
    result = run("path", "junior", "lead", "-k", "1", "--by", "gap", "--json")
    data = json.loads(result.stdout)
    assert data["by"] == "gap"
    assert [r["roles"] for r in data["routes"]] == [
        ["junior", "senior", "lead"],
        ["junior", "product", "lead"],
    ]
    # Each route's levels to build are the sum of what its steps print.
    sums = [
        sum(c["to_level"] - c["from_level"] for s in r["steps"] for c in s["gap"])
        for r in data["routes"]
    ]
    assert sums == [4, 6]
    graph = build_graph(load_paths(PROVENANCE))
    (cheapest,) = find_routes(graph, "junior", "project", by="gap")
    assert (cheapest.roles, cheapest.gap_total) == (("junior", "product", "project"), 4)


def test_every_move_in_json_says_its_basis_and_whether_its_years_are_estimated() -> None:
    path = json.loads(run("path", "junior", "lead", "-k", "1", "--json").stdout)
    step = path["routes"][1]["steps"][1]
    assert {k: step[k] for k in ("from", "to", "basis", "years_estimated", "steep")} == {
        "from": "product",
        "to": "lead",
        "basis": "implied",
        "years_estimated": False,
        "steep": ["coding"],
    }
    first = path["routes"][1]["steps"][0]
    assert (first["basis"], first["years_estimated"], first["steep"]) == ("implied", True, [])
    shown = json.loads(run("show", "senior", "--json").stdout)
    assert [(m["to"], m["basis"], m["years_estimated"]) for m in shown["next"]] == [
        ("lead", "stated", False)
    ]
    # A move without years takes the junior role's estimate, and says so.
    assert [(m["from"], m["basis"], m["years_estimated"]) for m in shown["previous"]] == [
        ("junior", "stated", True)
    ]
    moves = json.loads(run("next", "junior", "--json").stdout)["moves"]
    assert [(m["to"], m["basis"], m["years_estimated"]) for m in moves] == [
        ("product", "implied", True),
        ("senior", "stated", True),
    ]
    reach = json.loads(run("reach", "junior", "--within", "2", "--json").stdout)
    assert [[(m["to"], m["basis"]) for m in r["moves"]] for r in reach["roles"]] == [
        [("product", "implied")],
        [("senior", "stated")],
    ]
    plan = json.loads(run("plan", "junior", "project", "--json").stdout)
    assert [(s["to"], s["basis"], s["years_estimated"]) for s in plan["steps"]] == [
        ("product", "implied", True),
        ("project", "stated", False),
    ]


def test_stated_only_uses_no_implied_move() -> None:
    assert run("next", "junior", "--stated-only").stdout == (
        "Moves from Junior developer:\n"
        "  → Senior developer  promotion        ~2y  gap +1\n"
        "(~: estimated years)\n"
    )
    reach = json.loads(run("reach", "junior", "--within", "10", "--stated-only", "--json").stdout)
    assert [r["id"] for r in reach["roles"]] == ["senior", "lead"]
    for command in (["path", "junior", "project"], ["plan", "junior", "project"]):
        assert run(*command).exit_code == 0
        result = run(*command, "--stated-only")
        assert (result.exit_code, result.stdout) == (1, "")
        assert result.stderr == (
            "error: no route from 'junior' to 'project', using stated moves only;"
            " a route exists with implied moves (without --stated-only)\n"
        )
    graph = stated_only(build_graph(load_paths(PROVENANCE)))
    assert sorted(graph.edges) == [("junior", "senior"), ("product", "project"), ("senior", "lead")]
    assert sorted(graph.nodes) == ["junior", "lead", "product", "project", "senior"]


def test_reach_and_next_list_implied_moves_after_stated_ones_of_equal_years() -> None:
    graph = build_graph(load_paths(PROVENANCE))
    found = reachable_roles(graph, "junior", 10)
    assert [(r.role, r.route.roles, r.route.implied_moves) for r in found] == [
        ("product", ("junior", "product"), 1),
        ("senior", ("junior", "senior"), 0),
        ("lead", ("junior", "senior", "lead"), 0),  # not the implied way of the same years
        ("project", ("junior", "product", "project"), 1),
    ]
    assert run("reach", "junior", "--within", "10").stdout == (
        "Roles reachable from Junior developer within 10y:\n"
        "  role                       years  moves  gap\n"
        "  Product manager (implied)  ~1.5y      1   +3\n"
        "  Senior developer             ~2y      1   +1\n"
        "  Tech lead                  ~3.5y      2   +4\n"
        "  Project manager (implied)  ~4.5y      2   +4\n"
        "(implied: no source states the move (see its note); ~: estimated years)\n"
    )


def test_show_marks_estimated_role_years_and_implied_moves() -> None:
    lines = run("show", "product", "--lang", "ja").stdout.splitlines()
    assert lines[1] == "  ID: product · トラック: プロジェクト · レベル1 · 目安2年"
    assert "  ← ジュニア開発者  キャリアチェンジ(推測)  約1.5年" in lines
    assert lines[-1] == "(推測: 出典が明記していない移動(注記を参照)/約: 見積もりの年数)"
    junior = run("show", "junior").stdout.splitlines()
    assert junior[1] == "  id: junior · track: Engineering · level 1 · typically ~2y"


def test_plan_markdown_and_page_mark_and_explain() -> None:
    career_map = load_paths(PROVENANCE)
    graph = build_graph(career_map)
    (route,) = find_routes(graph, "junior", "project")
    plan = promotion_plan(career_map, route)
    markdown = plan_markdown(career_map, plan, "en")
    assert "| 1 | Junior developer → Product manager | career change (implied) | \\~1.5y |" in (
        markdown
    )
    assert "\n(implied: no source states the move (see its note); \\~: estimated years)\n" in (
        markdown
    )
    assert "\n> Implied: no source states it.\n" in markdown
    page = plan_html(career_map, plan, "ja")
    assert (
        '<p class="legend">(推測: 出典が明記していない移動(注記を参照)/約: 見積もりの年数)</p>'
        in (page)
    )
    assert '<span class="kind" data-basis="implied">キャリアチェンジ(推測)</span>' in page
    assert '<p class="basis">推測:出典にない。</p>' in page
    stated = promotion_plan(career_map, find_routes(graph, "senior", "lead")[0])
    assert "legend" not in plan_html(career_map, stated, "en").split("<h2>")[2]


def test_the_map_draws_implied_moves_apart_and_says_where_each_comes_from() -> None:
    career_map = load_paths(PROVENANCE)
    page = render_html(career_map, build_graph(career_map), lang="en")
    data = json.loads(
        page.split('<script type="application/json" id="careergraph-data">')[1].split("</script>")[
            0
        ]
    )
    edges = {e["id"]: e for e in data["edges"]}
    assert (edges["product->lead"]["basis"], edges["product->lead"]["label"]) == (
        "implied",
        "2y implied",
    )
    assert edges["junior->senior"]["label"] == "~2y"
    assert edges["product->lead"]["color"]["color"] != edges["product->project"]["color"]["color"]
    product = next(r for r in data["roles"] if r["id"] == "product")
    assert [(m["role"], m["provenance"]) for m in product["movesOut"]] == [
        ("lead", "implied (judgement)"),
        ("project", "stated"),
    ]
    assert (
        data["marksLegend"]
        == "(implied: no source states the move (see its note); ~: estimated years)"
    )


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_bundled_map_says_which_article_states_a_move(lang: str) -> None:
    from tests.conftest import DEFAULT_DATA

    career_map = load_paths(DEFAULT_DATA)
    page = render_html(career_map, build_graph(career_map), lang=lang)
    data = json.loads(
        page.split('<script type="application/json" id="careergraph-data">')[1].split("</script>")[
            0
        ]
    )
    senior = next(r for r in data["roles"] if r["id"] == "senior_developer")
    provenance = {m["role"]: m["provenance"] for m in senior["movesOut"]}
    title = "[完全ガイド] VPoE: エンジニアリング組織を率いる技術経営のプロフェッショナル"
    if lang == "en":
        assert provenance["tech_lead"] == f"stated in {title}"
        assert provenance["tpm"] == "implied (judgement)"
    else:
        assert provenance["tech_lead"] == f"{title}に記載"
        assert provenance["tpm"] == "推測(判断)"
