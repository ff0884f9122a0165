"""Routes and skill gaps found in the map page equal the command line's, for the same map and
options: a property over many random questions on generated maps, the page's engine in headless
Chromium and `careergraph path --json` / `gap --json` side by side."""

from __future__ import annotations

import itertools
import json
import random
import re
import signal
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx
import pytest
from benchmarks.generate import generate, to_json
from click.testing import CliRunner

from careergraph.cli import cli
from careergraph.errors import CareerGraphError
from careergraph.graph import CareerGraph, build_graph
from careergraph.load import load_paths
from careergraph.load.profile import load_profile
from careergraph.query import find_routes
from careergraph.render.html import _script_json, render_html, write_html
from careergraph.routes import build_route

if TYPE_CHECKING:
    from tests.browser.conftest import MapPage

pytestmark = [pytest.mark.browser, pytest.mark.slow]

Open = Callable[[Path], "MapPage"]


def run(*args: str) -> tuple[int, Any]:
    """Exit code and parsed JSON output (None when the command printed none)."""
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, json.loads(result.stdout) if result.exit_code == 0 else None


def _cli_help(command: str) -> str:
    return CliRunner().invoke(cli, [command, "--help"], catch_exceptions=False).stdout


PATH_HELP = _cli_help("path")
STATED_ONLY = "--stated-only" in PATH_HELP  # the command line's trust options, where it has them
BY_GAP = "gap" in PATH_HELP.split("--by", 1)[-1].split("\n  -", 1)[0]


def generated_file(folder: Path, roles: int, seed: int) -> Path:
    """A generated map; where the command line knows move bases, some moves are implied."""
    data = generate(roles, seed=seed)
    if STATED_ONLY:
        rng = random.Random(seed)
        for move in data["transitions"]:
            if rng.random() < 0.2:
                move["basis"] = "implied"
    target = folder / f"roles-{roles}-{seed}.json"
    target.write_text(to_json(data), encoding="utf-8")
    return target


def with_points(data_file: Path, seed: int) -> Path:
    """The same map with points requirements on about a third of its roles: totals over three
    or four skills, some weighted, some with the milestone values 1, 3, 6, 12, 20."""
    data = json.loads(data_file.read_text(encoding="utf-8"))
    rng = random.Random(seed)
    skill_ids = sorted(data["skills"])
    for role in data["roles"].values():
        if rng.random() >= 0.35:
            continue
        chosen = rng.sample(skill_ids, rng.choice([3, 4]))
        requirement: dict[str, Any] = {"total": rng.randint(3, 11), "skills": chosen}
        if rng.random() < 0.3:
            requirement["weights"] = {chosen[0]: 2}
        if rng.random() < 0.3:
            requirement["values"] = {1: 1, 2: 3, 3: 6, 4: 12, 5: 20}
        role["points"] = [requirement]
    target = data_file.with_name(f"{data_file.stem}-points.json")
    target.write_text(json.dumps(data), encoding="utf-8")
    return target


def page_for(data_file: Path, folder: Path, lang: str, profile: Path | None = None) -> Path:
    career_map = load_paths(data_file)
    me = load_profile(profile, career_map) if profile is not None else None
    page = folder / f"{data_file.stem}-{lang}.html"
    write_html(page, render_html(career_map, build_graph(career_map), lang=lang, profile=me))
    return page


def questions(data_file: Path, count: int, seed: int) -> Iterator[dict[str, Any]]:
    """Random route questions: pairs (mostly connected ones), alternatives, via, avoid, max steps,
    ranking, stated only."""
    graph = build_graph(load_paths(data_file))
    role_ids = sorted(graph.nodes)
    rng = random.Random(seed)
    ranks = ["years", "steps", *(["gap"] if BY_GAP else [])]
    for _ in range(count):
        source, target = rng.sample(role_ids, 2)
        reached = sorted(reachable(graph.succ, source))
        if reached and rng.random() < 0.8:
            target = rng.choice(reached)
        others = [r for r in role_ids if r not in (source, target)]
        between = sorted(set(reached) & reachable(graph.pred, target)) if target in reached else []
        by = rng.choice(ranks)
        # Filters that reject every route the search meets make both engines walk up to their
        # search limit; near the best route they say what they would in use.
        max_steps = None
        if rng.random() < 0.3:
            max_steps = rng.choice([1, 2, 3, 4, 6])
            if by != "steps" and target in reached:
                best = len(find_routes(graph, source, target)[0].steps)
                max_steps = best + rng.choice([-1, 0, 0, 1, 2])
        via = []
        if rng.random() < 0.2:
            near = between and rng.random() < 0.8
            via = rng.sample(between, 1) if near else rng.sample(others, 1)
        question: dict[str, Any] = {
            "from": source,
            "to": target,
            "k": rng.choice([0, 0, 1, 2, 3]),
            "via": via,
            "avoid": rng.sample(others, rng.choice([1, 2])) if rng.random() < 0.3 else [],
            "maxSteps": max_steps if max_steps is None or max_steps >= 1 else 1,
            "by": by,
            "statedOnly": STATED_ONLY and rng.random() < 0.3,
        }
        if set(question["via"]) & set(question["avoid"]):
            question["avoid"] = []
        if answered_in_time(graph, question):
            yield question


def reachable(adjacency: Any, start: str) -> set[str]:
    """Roles reached from `start` (not itself) along `adjacency` (graph.succ or graph.pred)."""
    seen: set[str] = set()
    todo = [start]
    while todo:
        for there in adjacency[todo.pop()]:
            if there not in seen:
                seen.add(there)
                todo.append(there)
    seen.discard(start)
    return seen


class _TooLong(Exception):
    pass


def answered_in_time(graph: CareerGraph, question: dict[str, Any], seconds: int = 2) -> bool:
    """Whether the command line's engine answers within `seconds`.

    Where filters reject every route near the best (a far --via, a tight --max-steps), the
    search walks simple paths up to its limit, which takes minutes on a few hundred roles; such
    questions say nothing more about agreement and are left out.
    """

    def give_up(_signal: int, _frame: object) -> None:
        raise _TooLong

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.alarm(seconds)
    try:
        find_routes(
            graph,
            question["from"],
            question["to"],
            alternatives=question["k"],
            via=question["via"],
            avoid=question["avoid"],
            max_steps=question["maxSteps"],
            by=question["by"] if question["by"] != "gap" else "years",
        )
    except _TooLong:
        return False
    except CareerGraphError:
        pass
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    return True


def cli_route(data_file: Path, question: dict[str, Any], lang: str) -> tuple[int, Any]:
    args = ["--data", str(data_file), "path", question["from"], question["to"], "--json"]
    args += ["--lang", lang, "-k", str(question["k"]), "--by", question["by"]]
    for role in question["via"]:
        args += ["--via", role]
    for role in question["avoid"]:
        args += ["--avoid", role]
    if question["maxSteps"] is not None:
        args += ["--max-steps", str(question["maxSteps"])]
    if question["statedOnly"]:
        args.append("--stated-only")
    return run(*args)


def page_routes(shown: MapPage, asked: list[dict[str, Any]]) -> list[Any]:
    answers: list[Any] = shown.js(
        "qs => qs.map(q => window.careergraph.route(q.from, q.to, q))",
        asked,
    )
    return answers


def same_keys(page: Any, command_line: Any, where: str) -> None:
    """`page` holds everything `command_line` does, equal; the page may add keys (never drop)."""
    if isinstance(command_line, dict):
        assert isinstance(page, dict), where
        missing = set(command_line) - set(page)
        assert not missing, f"{where}: the page lacks {sorted(missing)}"
        for key, value in command_line.items():
            same_keys(page[key], value, f"{where}.{key}")
    elif isinstance(command_line, list):
        assert isinstance(page, list) and len(page) == len(command_line), (where, page)
        for index, (a, b) in enumerate(zip(page, command_line, strict=True)):
            same_keys(a, b, f"{where}[{index}]")
    else:
        assert page == command_line, f"{where}: page {page!r}, command line {command_line!r}"


@pytest.fixture(scope="module")
def maps(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("generated")
    small = generated_file(folder, 60, 11)
    return {
        "small": small,
        "medium": generated_file(folder, 400, 5),
        "points": with_points(generated_file(folder, 80, 13), 13),
    }


@pytest.mark.parametrize(
    ("size", "lang", "count", "seed"),
    [
        ("small", "en", 100, 1),
        ("small", "ja", 40, 2),
        ("medium", "en", 60, 3),
        ("points", "en", 80, 6),
    ],
)
def test_routes_in_the_page_equal_the_command_line(
    open_map: Open,
    maps: dict[str, Path],
    tmp_path: Path,
    size: str,
    lang: str,
    count: int,
    seed: int,
) -> None:
    data_file = maps[size]
    shown = open_map(page_for(data_file, tmp_path, lang))
    asked = list(questions(data_file, count, seed))
    answers = page_routes(shown, asked)
    found = failed = 0
    for question, answer in zip(asked, answers, strict=True):
        code, printed = cli_route(data_file, question, lang)
        where = json.dumps(question)
        if code == 0:
            assert "error" not in answer, (where, answer.get("error"))
            same_keys(answer, printed, where)
            found += 1
        else:
            assert answer["routes"] == [] and answer["error"]["exit"] == code, (where, answer)
            failed += 1
    # The questions must exercise both answers, and alternatives beyond the best route.
    assert found > count // 3 and failed > 0, (found, failed)
    assert any(len(a["routes"]) > 1 for a in answers)
    if size == "points":  # the points requirements must show in the answers compared
        assert any(s["points"] for a in answers for r in a["routes"] for s in r["steps"])
    assert shown.errors == []


def test_page_routes_from_a_profile_equal_path_me(
    open_map: Open, maps: dict[str, Path], tmp_path: Path
) -> None:
    data_file = maps["small"]
    career_map = load_paths(data_file)
    rng = random.Random(8)
    graph = build_graph(career_map)
    start = next(r for r in sorted(career_map.roles) if graph.out_degree(r) >= 2)
    held = sorted(career_map.roles[start].skills)
    me = tmp_path / "me.yaml"
    skills = "\n".join(f"  {s}: {rng.randint(0, 5)}" for s in held[:4])
    me.write_text(f"role: {start}\nyears_in_role: 1.5\nskills:\n{skills}\n", encoding="utf-8")
    shown = open_map(page_for(data_file, tmp_path, "en", profile=me))
    targets = [r for r in sorted(career_map.roles) if r != start]
    checked = 0
    for target in rng.sample(targets, 25):
        for by in ("years", "steps"):
            code, printed = run(
                "--data", str(data_file), "path", target, "--me", str(me), "--by", by,
                "-k", "2", "--json",
            )  # fmt: skip
            answer = shown.js(
                "([to, by]) => window.careergraph.route(null, to, {k: 2, by: by})", [target, by]
            )
            if code == 0:
                same_keys(answer, printed, f"{target} by {by}")
                checked += 1
            else:
                assert answer["error"]["exit"] == code
        code, printed = run("--data", str(data_file), "gap", target, "--me", str(me), "--json")
        same_keys(shown.js("to => window.careergraph.compare(null, to)", target), printed, target)
    assert checked >= 10


@pytest.mark.parametrize(("size", "lang"), [("small", "en"), ("small", "ja"), ("points", "en")])
def test_compare_in_the_page_equals_gap(
    open_map: Open, maps: dict[str, Path], tmp_path: Path, size: str, lang: str
) -> None:
    data_file = maps[size]
    shown = open_map(page_for(data_file, tmp_path, lang))
    role_ids = sorted(load_paths(data_file).roles)
    rng = random.Random(4)
    pairs = [rng.sample(role_ids, 2) for _ in range(40)]
    answers = shown.js("ps => ps.map(([a, b]) => window.careergraph.compare(a, b))", pairs)
    for (a, b), answer in zip(pairs, answers, strict=True):
        code, printed = run("--data", str(data_file), "gap", a, b, "--json", "--lang", lang)
        assert code == 0
        same_keys(answer, printed, f"{a} → {b}")
        # The contract's level texts: this map has neither skill levels nor a scale.
        assert all(c["from_text"] is None and c["to_text"] is None for c in answer["gap"])
    if size == "points":
        assert any(answer["points"] for answer in answers)


SNOWFLAKE = Path(__file__).resolve().parents[2] / "examples" / "medium-snowflake" / "medium.yaml"


def test_the_page_counts_points_as_gap_and_path_do_on_medium_snowflake(
    open_map: Open, tmp_path: Path
) -> None:
    """Medium's Snowflake map asks for milestone points only: every pair's gap, and the routes
    by years and by gap, equal `gap --json` and `path --json`, points included."""
    shown = open_map(page_for(SNOWFLAKE, tmp_path, "en"))
    role_ids = sorted(load_paths(SNOWFLAKE).roles)
    pairs = [list(pair) for pair in itertools.permutations(role_ids, 2)]
    gaps = shown.js("ps => ps.map(([a, b]) => window.careergraph.compare(a, b))", pairs)
    for (a, b), answer in zip(pairs, gaps, strict=True):
        code, printed = run("--data", str(SNOWFLAKE), "gap", a, b, "--json")
        assert code == 0
        same_keys(answer, printed, f"{a} → {b}")
    assert sum(bool(answer["points"]) for answer in gaps) > len(pairs) // 4
    asked = [
        {"from": a, "to": b, "k": 2, "via": [], "avoid": [], "maxSteps": None, "by": by,
         "statedOnly": False}
        for a, b in pairs
        for by in ("years", "gap")
    ]  # fmt: skip
    answers = page_routes(shown, asked)
    found = 0
    for question, answer in zip(asked, answers, strict=True):
        code, printed = cli_route(SNOWFLAKE, question, "en")
        if code == 0:
            same_keys(answer, printed, json.dumps(question))
            found += 1
        else:
            assert answer["error"]["exit"] == code, question
    assert found > 10
    assert any(s["points"] for a in answers for r in a.get("routes", []) for s in r["steps"])
    assert shown.errors == []


def contract_routes(
    graph: CareerGraph, implied: set[tuple[str, str]], question: dict[str, Any]
) -> list[list[str]]:
    """The best routes by the ranking key every route engine shares, by trying every simple
    route of at most `maxSteps` moves."""
    source, target, by = question["from"], question["to"], question["by"]
    ranked = []
    for path in nx.all_simple_paths(graph, source, target, cutoff=question["maxSteps"]):
        pairs = list(itertools.pairwise(path))
        if any(role in question["avoid"] for role in path):
            continue
        if not all(role in path for role in question["via"]):
            continue
        if question["statedOnly"] and any(pair in implied for pair in pairs):
            continue
        route = build_route(graph, path)
        implied_moves = sum(pair in implied for pair in pairs)
        years, steps = round(route.years, 9), len(route.steps)
        gap_total = sum(step.gap.size for step in route.steps)
        key = {
            "years": (years, implied_moves, steps, tuple(path)),
            "steps": (steps, implied_moves, years, tuple(path)),
            "gap": (gap_total, implied_moves, years, steps, tuple(path)),
        }[by]
        ranked.append((key, path))
    ranked.sort()
    return [path for _, path in ranked[: 1 + question["k"]]]


def test_the_page_ranks_by_gap_and_keeps_to_stated_moves_as_the_contract_says(
    open_map: Open, maps: dict[str, Path], tmp_path: Path
) -> None:
    """By gap and stated-only, against every simple route ranked by the shared key; some moves
    are marked implied in the page's own data."""
    data_file = maps["small"]
    page = page_for(data_file, tmp_path, "en")
    html = page.read_text(encoding="utf-8")
    block = re.search(r'id="careergraph-data">(.*?)</script>', html)
    assert block is not None
    data = json.loads(block.group(1))
    rng = random.Random(21)
    role_ids = [row[0] for row in data["map"]["roles"]]
    implied = set()
    for move in data["map"]["moves"]:
        if rng.random() < 0.25:
            move[4] = data["map"]["bases"].index("implied")
        if data["map"]["bases"][move[4]] != "stated":  # here or already in the generated file
            implied.add((role_ids[move[0]], role_ids[move[1]]))
    page.write_text(html.replace(block.group(1), _script_json(data)), encoding="utf-8")
    shown = open_map(page)
    graph = build_graph(load_paths(data_file))
    asked = []
    for question in questions(data_file, 60, 9):
        question["maxSteps"] = min(question["maxSteps"] or 5, 5)
        question["by"] = rng.choice(["gap", "gap", "years", "steps"])
        question["statedOnly"] = rng.random() < 0.4
        asked.append(question)
    answers = page_routes(shown, asked)
    found = 0
    for question, answer in zip(asked, answers, strict=True):
        best = contract_routes(graph, implied, question)
        assert [r["roles"] for r in answer["routes"]] == best, json.dumps(question)
        found += bool(best)
        if question["statedOnly"]:
            assert all(s["basis"] == "stated" for r in answer["routes"] for s in r["steps"])
    assert found > 15
