"""Every documented limit (README, "Limits"), each checked on a table of instances.

Large inputs are generated here, in a temporary folder, at the smallest size that crosses the
limit; where a limit is far larger (the map's size), the test lowers it and checks the logic.
"""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner, Result

from careergraph import changes, limits
from careergraph.catalogue import said
from careergraph.changes import compare_maps
from careergraph.cli import cli
from careergraph.errors import CareerGraphError
from careergraph.graph import build_graph
from careergraph.load import load_paths, parse_paths, validate
from careergraph.query import find_routes
from careergraph.render.html import choose_drawing
from careergraph.render.text import _wrap_items
from careergraph.similar import (
    _plausible,
    _skips_rung,
    levels_across,
    similarity,
    suggested_moves,
)
from tests.conftest import FIXTURES

SMALL = FIXTURES / "small.yaml"
MESSAGE_TAIL = "(see Limits in the README)"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), prog_name="careergraph", catch_exceptions=False)


def base_map() -> dict[str, Any]:
    role = {"name": "Junior", "track": "dev", "level": 1, "years": 2, "skills": {"coding": 1}}
    return {
        "version": 1,
        "tracks": {"dev": {"name": "Dev"}},
        "skills": {"coding": {"name": "Coding", "category": "technical"}},
        "roles": {
            "junior": role,
            "senior": {**role, "name": "Senior", "level": 2, "skills": {"coding": 3}},
        },
        "transitions": [{"from": "junior", "to": "senior", "kind": "promotion"}],
    }


def write(folder: Path, suffix: str, data: Any, raw: str = "") -> Path:
    """The map as JSON text (also valid YAML), with "RAW" replaced by `raw` as written."""
    file = folder / f"map.{suffix}"
    file.write_text(json.dumps(data, ensure_ascii=False).replace('"RAW"', raw), "utf-8")
    return file


def one_error(result: Result, file: Path, message: str) -> None:
    assert (result.exit_code, result.stdout) == (2, ""), result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"{file}:"), lines[0]
    assert lines[0].endswith(message), lines[0]


def set_at(data: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    here = data
    for part in path[:-1]:
        here = here[part]
    here[path[-1]] = value
    return data


DIGITS = limits.MAX_DIGITS
# (case, where in the map, the value as written, the message's end)
DATA_CASES = [
    (
        "years near the largest float",
        ("roles", "junior", "years"),
        "1e308",
        "roles.junior.years: must be at most 100.0, got 1e+308",
    ),
    (
        "years just over the limit",
        ("transitions", 0, "years"),
        "100.5",
        "transitions[0].years: must be at most 100.0, got 100.5",
    ),
    (
        "a level past the rank limit",
        ("roles", "senior", "level"),
        "1001",
        "roles.senior.level: must be at most 1000, got 1001",
    ),
    (
        "a level of 4,000 digits",
        ("roles", "senior", "level"),
        "7" * 4000,
        f"a whole number of 4,000 digits; careergraph reads numbers of up to {DIGITS} digits "
        + MESSAGE_TAIL,
    ),
    (
        "a skill level of 4,301 digits",
        ("roles", "senior", "skills", "coding"),
        "3" * 4301,
        f"a whole number of 4,301 digits; careergraph reads numbers of up to {DIGITS} digits "
        + MESSAGE_TAIL,
    ),
    (
        "a negative whole number one digit too long",
        ("roles", "senior", "level"),
        "-" + "1" * (DIGITS + 1),
        f"a whole number of {DIGITS + 1} digits; careergraph reads numbers of up to {DIGITS} "
        "digits " + MESSAGE_TAIL,
    ),
    (
        "a role's name one character too long",
        ("roles", "junior", "name"),
        json.dumps("n" * (limits.MAX_NAME + 1)),
        f"roles.junior.name: {limits.MAX_NAME + 1} characters long; careergraph reads texts of "
        f"up to {limits.MAX_NAME} characters " + MESSAGE_TAIL,
    ),
    (
        "a million-character name in Japanese",
        ("tracks", "dev", "name"),
        json.dumps({"en": "Dev", "ja": "名" * 1_000_000}, ensure_ascii=False),
        f"tracks.dev.name: 1,000,000 characters long; careergraph reads texts of up to "
        f"{limits.MAX_NAME} characters " + MESSAGE_TAIL,
    ),
    (
        "an alias one character too long",
        ("roles", "senior", "aliases"),
        json.dumps(["a" * (limits.MAX_NAME + 1)]),
        f"roles.senior.aliases[0]: {limits.MAX_NAME + 1:,} characters long; careergraph reads "
        f"texts of up to {limits.MAX_NAME} characters " + MESSAGE_TAIL,
    ),
    (
        "a summary one character too long",
        ("roles", "senior", "summary"),
        json.dumps("s" * (limits.MAX_TEXT + 1)),
        f"roles.senior.summary: {limits.MAX_TEXT + 1:,} characters long; careergraph reads "
        f"texts of up to {limits.MAX_TEXT:,} characters " + MESSAGE_TAIL,
    ),
]


@pytest.mark.parametrize("suffix", ["yaml", "json"])
@pytest.mark.parametrize(
    ("where", "raw", "message"),
    [case[1:] for case in DATA_CASES],
    ids=[case[0] for case in DATA_CASES],
)
def test_numbers_and_texts_past_their_limits_are_one_line_errors(
    tmp_path: Path, suffix: str, where: tuple[Any, ...], raw: str, message: str
) -> None:
    file = write(tmp_path, suffix, set_at(base_map(), where, "RAW"), raw)
    one_error(run("validate", str(file)), file, message)


def test_values_at_their_limits_load_and_route() -> None:
    """At the limits, a route still adds up: 1,000 moves of 100 years stay finite."""
    data = base_map()
    data["roles"]["junior"]["name"] = "n" * limits.MAX_NAME
    data["roles"]["senior"].update(level=limits.MAX_LEVEL, years=limits.MAX_YEARS)
    data["roles"]["senior"]["summary"] = "s" * limits.MAX_TEXT
    data["transitions"][0]["years"] = limits.MAX_YEARS
    career_map = parse_paths(json.dumps(data), "map.json")
    routes = find_routes(build_graph(career_map), "junior", "senior")
    assert routes[0].years == limits.MAX_YEARS


@pytest.mark.parametrize("suffix", ["yaml", "json"])
@pytest.mark.parametrize("depth", [41, 500, 5000])
@pytest.mark.parametrize("bracket", ["[]", "{}"])
def test_deep_nesting_is_refused_with_the_same_message(
    tmp_path: Path, suffix: str, depth: int, bracket: str
) -> None:
    opening, closing = bracket[0], bracket[1]
    inner = '"a": ' if opening == "{" else ""
    value = (opening + inner) * (depth - 1) + opening + closing + closing * (depth - 1)
    file = write(tmp_path, suffix, set_at(base_map(), ("roles", "junior", "summary"), "RAW"), value)
    message = "the data nests more than 40 levels deep; a career map needs 6"
    one_error(run("validate", str(file)), file, message)


@pytest.mark.parametrize(
    ("section", "limit_name", "noun"),
    [
        ("roles", "MAX_ROLES", "roles"),
        ("skills", "MAX_SKILLS", "skills"),
        ("tracks", "MAX_TRACKS", "tracks"),
        ("transitions", "MAX_TRANSITIONS", "transitions"),
    ],
)
@pytest.mark.parametrize("suffix", ["yaml", "json"])
def test_a_section_past_the_largest_map_is_refused(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    section: str,
    limit_name: str,
    noun: str,
    suffix: str,
) -> None:
    shape = validate.SECTIONS[section][0]
    monkeypatch.setitem(validate.SECTIONS, section, (shape, 3))
    data = base_map()
    if shape == "list":
        data[section] = [None] * 4
    else:
        data[section] = {f"entry_{i}": None for i in range(4)}
    file = write(tmp_path, suffix, data)
    message = f"{section}: more than 3 {noun}; careergraph reads maps of up to 3 " + MESSAGE_TAIL
    one_error(run("validate", str(file)), file, message)
    assert getattr(limits, limit_name) >= 100_000  # the benchmark's largest map fits


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "- a\n" * 50_000 + "- [unclosed\n",
            "1:1: the top level must be a mapping with version, tracks, skills, roles",
        ),
        (
            "version: 1\nroles: [\n" + "  a,\n" * 50_000 + "  [unclosed\n",
            "2:8: roles: expected a mapping (key: value), got a list",
        ),
        (
            "version: 1\ntransitions: {\n" + "  a: 1,\n" * 50_000 + "  [unclosed\n",
            "2:14: transitions: expected a list, got a mapping",
        ),
        (
            "version: 1\nroles:\n" + "".join(f"  r{i}:\n" for i in range(5)) + "  [unclosed\n",
            "7:3: roles: more than 4 roles; careergraph reads maps of up to 4 " + MESSAGE_TAIL,
        ),
    ],
    ids=["top level a list", "roles a list", "transitions a mapping", "too many roles"],
)
def test_what_the_first_events_show_is_reported_without_reading_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, message: str
) -> None:
    """Each file ends in a syntax error a full read would report instead."""
    monkeypatch.setitem(validate.SECTIONS, "roles", ("mapping", 4))
    file = tmp_path / "map.yaml"
    file.write_text(text, encoding="utf-8")
    assert run("validate", str(file)).stderr == f"{file}:{message}\n"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("1e308", "years_in_role: must be at most 100.0, got 1e+308"),
        (
            "9" * 5000,
            "years_in_role: a whole number of 5,000 digits; careergraph reads numbers "
            f"of up to {DIGITS} digits " + MESSAGE_TAIL,
        ),
    ],
)
def test_profile_numbers_past_their_limits(tmp_path: Path, raw: str, message: str) -> None:
    profile = tmp_path / "me.yaml"
    profile.write_text(f"role: junior\nyears_in_role: {raw}\n", encoding="utf-8")
    one_error(run("--data", str(SMALL), "gap", "--me", str(profile), "lead"), profile, message)


@pytest.mark.parametrize("suffix", ["yaml", "json"])
def test_a_deep_profile_gets_the_nesting_message(tmp_path: Path, suffix: str) -> None:
    profile = tmp_path / f"me.{suffix}"
    profile.write_text('{"role": "junior", "skills": ' + "[" * 500 + "]" * 500 + "}", "utf-8")
    message = "the data nests more than 40 levels deep; a career map needs 6"
    one_error(run("--data", str(SMALL), "gap", "--me", str(profile), "lead"), profile, message)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("²", "'²'"),
        ("٣", "'٣'"),
        ("0", "'0'"),
        ("-5", "'-5'"),
        ("1.5", "'1.5'"),
        ("9" * 5000, "'" + "9" * 19 + "…'"),
    ],
)
def test_the_size_limit_variable_takes_ascii_digits_only(
    monkeypatch: pytest.MonkeyPatch, value: str, shown: str
) -> None:
    monkeypatch.setenv("CAREERGRAPH_MAX_MB", value)
    message = (
        f"CAREERGRAPH_MAX_MB is {shown}: give the size limit as a whole number of megabytes "
        f"from 1 to {limits.MAX_MB:,}"
    )
    result = run("validate", str(SMALL))
    assert (result.exit_code, result.stderr) == (2, f"{SMALL}: {message}\n")


def test_the_size_limit_variable_has_a_ceiling(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAREERGRAPH_MAX_MB", str(limits.MAX_MB + 1))
    result = run("validate", str(SMALL))
    expected = (
        f"{SMALL}: CAREERGRAPH_MAX_MB is {limits.MAX_MB + 1}: the size limit can be at most "
        f"{limits.MAX_MB:,} megabytes\n"
    )
    assert (result.exit_code, result.stderr) == (2, expected)
    monkeypatch.setenv("CAREERGRAPH_MAX_MB", "0" + str(limits.MAX_MB))
    assert run("validate", str(SMALL)).exit_code == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("path", "junior", "lead", "-k", "101"),
            "Invalid value for '-k' / '--alternatives': "
            "101 is not in the range 0<=x<=100 (see 'careergraph path --help')",
        ),
        (
            ("path", "junior", "lead", "-k", "9" * 5000),
            "Invalid value for '-k' / "
            "'--alternatives': '" + "9" * 5000 + "' is not a valid integer.",
        ),
        (
            ("path", "junior", "lead", "--max-steps", "1001"),
            "Invalid value for '--max-steps': "
            "1001 is not in the range 1<=x<=1000 (see 'careergraph path --help')",
        ),
        (
            ("render", "--route", "junior", "lead", "-k", "101"),
            "Invalid value for '-k' / "
            "'--alternatives': 101 is not in the range 0<=x<=100 (see 'careergraph render --help')",
        ),
        (
            ("reach", "junior", "--within", "10001"),
            "Invalid value for '--within': 10001 is more "
            "than 10,000 years (see 'careergraph reach --help')",
        ),
        (
            ("reach", "junior", "--within", "1e308"),
            "Invalid value for '--within': 1e+308 is more "
            "than 10,000 years (see 'careergraph reach --help')",
        ),
    ],
    ids=["k", "k digits", "max-steps", "render k", "within", "within huge"],
)
def test_options_past_their_ranges(args: tuple[str, ...], message: str) -> None:
    result = run("--data", str(SMALL), *args)
    assert result.exit_code == 2
    if "not a valid integer" in message:
        assert result.stderr.startswith("error: ") and "not a valid integer" in result.stderr
    else:
        assert result.stderr == f"error: {message}\n"


def test_the_library_refuses_too_many_alternatives_too() -> None:
    graph = build_graph(load_paths(SMALL))
    assert len(find_routes(graph, "junior", "lead", alternatives=limits.MAX_ALTERNATIVES)) >= 1
    with pytest.raises(CareerGraphError, match="at most 100 alternatives"):
        find_routes(graph, "junior", "lead", alternatives=limits.MAX_ALTERNATIVES + 1)


# -- work bounded by the input: the same answers, found without comparing every pair ----------


def random_map(seed: int, roles: int = 14, moves: int = 26) -> dict[str, Any]:
    rng = random.Random(seed)
    ids = [f"r{i}" for i in range(roles)]
    data = base_map()
    data["skills"] = {f"s{i}": {"name": f"S{i}", "category": "technical"} for i in range(6)}
    data["tracks"]["ops"] = {"name": "Ops"}
    data["roles"] = {
        role: {
            "name": role.upper(),
            "track": rng.choice(["dev", "ops"]),
            "level": rng.randint(1, 4),
            "years": rng.choice([1, 2, 3]),
            "skills": {f"s{s}": rng.randint(1, 5) for s in rng.sample(range(6), rng.randint(1, 5))},
        }
        for role in ids
    }
    pairs = rng.sample(list(itertools.permutations(ids, 2)), moves)
    data["transitions"] = [
        {"from": a, "to": b, "kind": "lateral", "years": rng.choice([0.5, 1, 2, 3])}
        for a, b in pairs
    ]
    return data


def edited(data: dict[str, Any], seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    new: dict[str, Any] = json.loads(json.dumps(data))
    gone = rng.choice(sorted(new["roles"]))
    del new["roles"][gone]
    moves = [m for m in new["transitions"] if gone not in (m["from"], m["to"])]
    for move in moves:
        if rng.random() < 0.2:
            move["years"] = rng.choice([0.5, 1, 4])
    moves = [m for m in moves if rng.random() > 0.15]
    new["roles"]["added"] = {**new["roles"][sorted(new["roles"])[0]], "name": "ADDED"}
    known = {(m["from"], m["to"]) for m in moves}
    for a, b in itertools.permutations(sorted(new["roles"]), 2):
        if (a, b) not in known and rng.random() < 0.04:
            moves.append({"from": a, "to": b, "kind": "lateral", "years": 1})
    new["transitions"] = moves
    return new


def every_pair(old: Any, new: Any) -> list[tuple[str, str, float | None, float | None]]:
    """The route changes of every ordered pair, by networkx's all-pairs Dijkstra."""
    before = dict(nx.all_pairs_dijkstra_path_length(build_graph(old), weight="years"))
    after = dict(nx.all_pairs_dijkstra_path_length(build_graph(new), weight="years"))
    found = []
    for a, b in itertools.permutations(sorted(old.roles.keys() & new.roles.keys()), 2):
        x, y = before[a].get(b), after[a].get(b)
        if (x is None) != (y is None) or (x is not None and y is not None and abs(x - y) > 1e-9):
            found.append((a, b, x, y))
    return found


@pytest.mark.parametrize("seed", range(12))
def test_diff_finds_exactly_the_routes_every_pair_would(seed: int) -> None:
    data = random_map(seed)
    old = parse_paths(json.dumps(data), "old.json")
    new = parse_paths(json.dumps(edited(data, seed)), "new.json")
    comparison = compare_maps(old, new).comparison
    assert comparison.complete
    got = sorted((c.source, c.target, c.old_years, c.new_years) for c in comparison.listed)
    assert got == sorted(every_pair(old, new))
    assert comparison.total == len(got)
    limited = compare_maps(old, new, limit=3).comparison
    assert limited.listed == comparison.listed[:3]
    assert limited.tally == comparison.tally


def test_diff_says_when_its_work_bound_cut_the_comparison(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = random_map(3, roles=30, moves=70)
    old_file, new_file = tmp_path / "old.json", tmp_path / "new.json"
    old_file.write_text(json.dumps(data), "utf-8")
    new_file.write_text(json.dumps(edited(data, 3)), "utf-8")
    full = compare_maps(load_paths(old_file), load_paths(new_file)).comparison
    monkeypatch.setattr(changes, "MAX_ROUTE_WORK", 1)
    cut = compare_maps(load_paths(old_file), load_paths(new_file)).comparison
    assert (cut.compared, cut.affected, cut.complete) == (1, full.affected, False)
    assert cut.total < full.total
    data_out = json.loads(run("diff", str(old_file), str(new_file), "--json").stdout)
    assert data_out["routes"]["complete"] is False
    assert data_out["routes"]["compared"] == {
        "direction": cut.direction,
        "roles": 1,
        "of": full.affected,
    }
    text = run("diff", str(old_file), str(new_file)).stdout
    assert (
        f"  (counted {cut.direction} 1 of the {full.affected:,} roles whose routes could have "
        "changed, the first by id: see Limits in the README)\n"
    ) in text


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("at_least", [0.3, 0.45, 0.6])
def test_inferred_moves_are_those_every_pair_would_give(seed: int, at_least: float) -> None:
    career_map = parse_paths(json.dumps(random_map(seed, roles=24, moves=20)), "map.json")
    graph = build_graph(career_map)
    roles = list(career_map.roles.values())
    rungs = {t: sorted(r.level for r in roles if r.track == t) for t in career_map.tracks}
    across = levels_across(career_map)
    brute = sorted(
        (a.id, b.id)
        for a in roles
        for b in roles
        if a.id != b.id
        and not graph.has_edge(a.id, b.id)
        and _plausible(a, b)
        and not _skips_rung(rungs[b.track], a, b, across)
        and similarity(a, b) + 1e-9 >= at_least
    )
    found = suggested_moves(career_map, graph, at_least=at_least, per_role=len(roles))
    assert sorted((m.source, m.target) for m, _ in found) == brute
    capped = suggested_moves(career_map, graph, at_least=at_least, per_role=1)
    assert len({m.source for m, _ in capped}) == len(capped)
    assert {m.source for m, _ in capped} == {a for a, _ in brute}


def test_inferred_moves_are_capped_per_role_at_the_most_similar() -> None:
    data = base_map()
    data["roles"] = {
        f"r{i:02d}": {
            "name": f"R{i}",
            "track": "dev",
            "level": 1,
            "years": 1,
            "skills": {"coding": 3 if i else 2},
        }
        for i in range(limits.MAX_INFERRED_PER_ROLE + 5)
    }
    data["transitions"] = []
    career_map = parse_paths(json.dumps(data), "map.json")
    found = suggested_moves(career_map, build_graph(career_map))
    from_first = [m for m, _ in found if m.source == "r00"]
    assert len(from_first) == limits.MAX_INFERRED_PER_ROLE
    assert all(m.source != "r00" or m.target != "r00" for m, _ in found)


def test_one_track_larger_than_the_page_limit_is_cut_to_it() -> None:
    data = base_map()
    data["roles"] = {
        f"r{i:03d}": {
            "name": f"R{i}",
            "track": "dev",
            "level": 1 + i % 7,
            "years": 1,
            "skills": {"coding": 1},
        }
        for i in range(30)
    }
    data["transitions"] = []
    career_map = parse_paths(json.dumps(data), "map.json")
    drawing = choose_drawing(career_map, build_graph(career_map), limit=10)
    assert drawing.roles is not None and len(drawing.roles) == 10
    lowest = sorted(career_map.roles.values(), key=lambda r: (r.level, r.id))[:10]
    assert drawing.roles == {r.id for r in lowest}
    assert drawing.notice is not None
    assert "the track 'dev' alone has 30" in said("en", drawing.notice)
    for tracks in (None, ["dev"]):
        drawn = choose_drawing(career_map, build_graph(career_map), tracks=tracks, limit=10)
        assert drawn.roles is not None and len(drawn.roles) <= 10


def test_wrapping_keeps_every_item_whole_and_lines_short() -> None:
    items = [f"skill {i} 0→{i % 5}" for i in range(2000)] + ["x" * 150]
    lines = _wrap_items("  build: ", items, "en")
    assert "; ".join(line.strip().removeprefix("build: ") for line in lines).replace(
        ";; ", "; "
    ) == "; ".join(items)
    assert all(len(line) <= 100 for line in lines[:-1])


@pytest.mark.parametrize(
    ("where", "raw", "japanese"),
    [
        (
            ("roles", "senior", "level"),
            "7" * 30,
            "roles.senior.level: 30桁の整数です。careergraphが読める整数は20桁までです"
            "(READMEの「Limits」を参照)",
        ),
        (
            ("roles", "junior", "name"),
            json.dumps("n" * 201),
            "roles.junior.name: 201文字あります。careergraphが読めるテキストは200文字までです"
            "(READMEの「Limits」を参照)",
        ),
        (
            ("roles", "senior", "aliases"),
            json.dumps(["a" * 201]),
            "roles.senior.aliases[0]: 201文字あります。careergraphが読めるテキストは200文字"
            "までです(READMEの「Limits」を参照)",
        ),
        (
            ("roles",),
            "[1, 2]",
            "roles: マッピング(キー: 値)を書いてください(書かれていたのはリスト)",
        ),
    ],
    ids=["digits", "name", "alias", "section kind"],
)
def test_limit_problems_are_said_in_japanese_too(
    tmp_path: Path, where: tuple[Any, ...], raw: str, japanese: str
) -> None:
    file = tmp_path / "map.yaml"
    file.write_text(json.dumps(set_at(base_map(), where, "RAW")).replace('"RAW"', raw), "utf-8")
    english = run("validate", str(file)).stderr
    result = run("validate", str(file), "--lang", "ja")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1].endswith(japanese), result.stderr
    assert english != result.stderr


def test_a_section_past_its_limit_is_said_in_japanese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(validate.SECTIONS, "roles", ("mapping", 1))
    file = write(tmp_path, "yaml", base_map())
    result = run("validate", str(file), "--lang", "ja")
    expected = (
        "roles: ロールが1件を超えています。careergraphが読めるのは1件までです"
        "(READMEの「Limits」を参照)"
    )
    assert (result.exit_code, len(result.stderr.splitlines())) == (2, 1)
    assert result.stderr.startswith(f"{file}:") and result.stderr.endswith(expected + "\n")
