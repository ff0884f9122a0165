"""The bundled data/paths.yaml: complete, cited, consistent, and answering the first question."""

from __future__ import annotations

import itertools
import json
import random
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from careergraph.graph import build_graph
from careergraph.load import load_paths, parse_paths
from careergraph.model import CareerMap, TransitionKind, normalize_name
from careergraph.query import find_routes, moves_from, skill_gap
from careergraph.render import json as as_json
from tests.conftest import DEFAULT_DATA

LADDERS = {
    "technical_program_management": [
        "associate_tpm",
        "tpm",
        "senior_tpm",
        "principal_tpm",
        "director_program_management",
    ],
    "engineering": [
        "junior_developer",
        "senior_developer",
        "tech_lead",
        "engineering_manager",
        "vpoe",
    ],
    "pmo": ["pmo_coordinator", "pmo_analyst", "pmo_manager", "pmo_director"],
}


@pytest.fixture(scope="module")
def career_map() -> CareerMap:
    return load_paths(DEFAULT_DATA)


@pytest.mark.parametrize("track", sorted(LADDERS))
def test_ladders_from_the_articles(career_map: CareerMap, track: str) -> None:
    ladder = LADDERS[track]
    assert [career_map.roles[r].track for r in ladder] == [track] * len(ladder)
    levels = [career_map.roles[r].level for r in ladder]
    assert levels == sorted(levels) and len(set(levels)) == len(levels)
    moves = {(t.source, t.target): t.kind for t in career_map.transitions}
    for lower, higher in itertools.pairwise(ladder):
        assert moves[lower, higher] is TransitionKind.PROMOTION


def test_other_roles_the_articles_name(career_map: CareerMap) -> None:
    for role in (
        "cto",
        "cpo",
        "coo",
        "ceo",
        "customer_support",
        "product_manager",
        "technical_product_manager",
        "program_manager",
        "vp_operations",
        "vp_engineering_operations",
        "specialist_tpm",
    ):
        assert role in career_map.roles
    moves = {(t.source, t.target) for t in career_map.transitions}
    assert {("vpoe", "cto"), ("vpoe", "cpo"), ("vpoe", "coo")} <= moves
    assert ("customer_support", "pmo_coordinator") in moves


def test_program_and_product_tpm_stay_apart(career_map: CareerMap) -> None:
    program, product = career_map.roles["tpm"], career_map.roles["technical_product_manager"]
    assert program.name.get("en") != product.name.get("en")
    assert program.name.get("ja") != product.name.get("ja")
    assert "program" in program.name.get("en").lower()
    assert "product" in product.name.get("en").lower()
    for role in (program, product):
        assert normalize_name("TPM") not in {normalize_name(a) for a in role.aliases}


def test_every_role_is_named_in_both_languages_and_cited(career_map: CareerMap) -> None:
    for role in career_map.roles.values():
        assert set(role.name.as_dict()) >= {"en", "ja"}, role.id
        assert role.summary is not None, role.id
        assert role.sources, role.id
        assert role.skills, role.id
    for move in career_map.transitions:
        assert move.sources, (move.source, move.target)


def test_implied_moves_say_so_in_both_languages(career_map: CareerMap) -> None:
    for move in career_map.transitions:
        if move.note is None:
            continue
        en, ja = move.note.get("en"), move.note.get("ja")
        assert en.startswith("Implied:") == ja.startswith("推測:"), (move.source, move.target)


def test_skills_do_not_fall_on_a_promotion_within_a_ladder(career_map: CareerMap) -> None:
    for move in career_map.transitions:
        source, target = career_map.roles[move.source], career_map.roles[move.target]
        if move.kind is not TransitionKind.PROMOTION or source.track != target.track:
            continue
        for skill, level in target.skills.items():
            assert level >= source.skills.get(skill, 0), (move.source, move.target, skill)


def test_pmo_coordinator_reaches_cto(career_map: CareerMap) -> None:
    graph = build_graph(career_map)
    routes = find_routes(graph, "pmo_coordinator", "cto", alternatives=2)
    assert len(routes) == 3
    assert all(r.roles[0] == "pmo_coordinator" and r.roles[-1] == "cto" for r in routes)
    assert [r.years for r in routes] == sorted(r.years for r in routes)
    assert len({r.roles for r in routes}) == 3


def _answers(career_map: CareerMap) -> str:
    """Many questions' answers as one JSON string, to compare two loads of the same map."""
    graph = build_graph(career_map)
    out: dict[str, Any] = {}
    for source, target in [
        ("pmo_coordinator", "cto"),
        ("junior_developer", "ceo"),
        ("customer_support", "coo"),
        ("associate_tpm", "cto"),
    ]:
        routes = find_routes(graph, source, target, alternatives=3)
        out[f"{source}>{target}"] = as_json.routes_data(
            career_map, source, target, routes, "years", "en"
        )
        routes = find_routes(graph, source, target, alternatives=2, by="steps")
        out[f"{source}>{target}:steps"] = [r.roles for r in routes]
    for role in sorted(career_map.roles):
        out[f"next:{role}"] = as_json.moves_data(
            career_map, career_map.roles[role], moves_from(graph, role), "ja"
        )
        out[f"gap:{role}"] = as_json.gap_data(
            career_map, skill_gap(career_map.roles[role], career_map.roles["cto"]), "en"
        )
    out["roles"] = as_json.roles_data(career_map, sorted(career_map.tracks), "en")
    return json.dumps(out, sort_keys=True)


def _shuffled(text: str, seed: int) -> str:
    rng = random.Random(seed)
    data = yaml.safe_load(text)
    for section in ("sources", "tracks", "skills", "roles"):
        items = list(data[section].items())
        rng.shuffle(items)
        data[section] = dict(items)
        for value in data[section].values():
            if isinstance(value, dict):
                keys = list(value.items())
                rng.shuffle(keys)
                value.clear()
                value.update(keys)
    rng.shuffle(data["transitions"])
    top = list(data.items())
    rng.shuffle(top)
    return yaml.safe_dump(dict(top), allow_unicode=True, sort_keys=False)


@settings(max_examples=5, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**32))
def test_shuffling_the_yaml_changes_no_answer(seed: int) -> None:
    text = DEFAULT_DATA.read_text(encoding="utf-8")
    original = load_paths(DEFAULT_DATA)
    shuffled = parse_paths(_shuffled(text, seed), "shuffled.yaml")
    assert _answers(shuffled) == _answers(original)
