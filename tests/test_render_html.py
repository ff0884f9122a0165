"""The HTML map's page, without a browser: its data, layout, escaping and atomic writing."""

from __future__ import annotations

import itertools
import json
import re
import unicodedata
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from careergraph.errors import OutputError
from careergraph.graph import build_graph
from careergraph.load import load_paths, parse_paths
from careergraph.model import CareerMap, Text, TransitionKind
from careergraph.query import find_routes
from careergraph.render.html import GENERATOR, render_html, write_html
from careergraph.render.ladders import ROW_HEIGHT, SLOT_WIDTH
from careergraph.render.network import ALTERNATIVE_ROUTE, BEST_ROUTE, DIM_OPACITY, ROUTE_COLOURS
from tests.conftest import DEFAULT_DATA, FIXTURES

SMALL = FIXTURES / "small.yaml"
LADDER = FIXTURES / "html" / "ladder.yaml"
HOSTILE = FIXTURES / "html" / "hostile.yaml"
DATA_BLOCK = re.compile(
    r'<script type="application/json" id="careergraph-data">(.*?)</script>', re.S
)


def page(career_map: CareerMap, **options: Any) -> str:
    return render_html(career_map, build_graph(career_map), **options)


def page_data(html: str) -> dict[str, Any]:
    """The map data the page carries, as the browser's JSON.parse would read it."""
    blocks = DATA_BLOCK.findall(html)
    assert len(blocks) == 1
    data: dict[str, Any] = json.loads(blocks[0])
    return data


def data_for(path: Path, **options: Any) -> dict[str, Any]:
    return page_data(page(load_paths(path), **options))


def positions(data: dict[str, Any]) -> dict[str, tuple[float, float]]:
    return {n["id"]: (n["x"], n["y"]) for n in data["nodes"]}


# -- what the page carries ----------------------------------------------------------------------


@pytest.mark.parametrize("path", [DEFAULT_DATA, SMALL, LADDER], ids=["default", "small", "ladder"])
def test_nodes_and_edges_are_the_roles_and_transitions(path: Path) -> None:
    career_map = load_paths(path)
    data = page_data(page(career_map))
    assert sorted(n["id"] for n in data["nodes"]) == sorted(career_map.roles)
    assert sorted((e["from"], e["to"], e["kind"]) for e in data["edges"]) == sorted(
        (t.source, t.target, t.kind.value) for t in career_map.transitions
    )
    assert len({e["id"] for e in data["edges"]}) == len(data["edges"])
    assert sorted(r["id"] for r in data["roles"]) == sorted(career_map.roles)


def test_moves_are_drawn_by_kind_with_years_and_arrows() -> None:
    data = data_for(SMALL)
    edges = {(e["from"], e["to"]): e for e in data["edges"]}
    assert edges["junior", "senior"]["dashes"] is False  # promotion: solid
    assert edges["manager", "lead"]["dashes"] == [10, 7]  # lateral: dashed
    assert edges["junior", "coordinator"]["dashes"] == [2, 6]  # career change: dotted
    assert edges["junior", "senior"]["label"] == "2y"  # the role's years when the move has none
    assert edges["junior", "coordinator"]["label"] == "0.5y"
    assert data["options"]["edges"]["arrows"]["to"]["enabled"] is True
    assert data["options"]["physics"]["enabled"] is False


def test_no_node_or_edge_has_a_vis_title() -> None:
    # vis-network shows `title` strings as HTML; the page builds its own tooltip instead.
    data = data_for(HOSTILE)
    assert all("title" not in item for item in data["nodes"] + data["edges"])


def test_each_track_has_its_own_colour_and_keeps_it_when_others_are_hidden() -> None:
    full = data_for(DEFAULT_DATA)
    colours = {t["id"]: t["colour"] for t in full["tracks"]}
    assert len(set(colours.values())) == len(colours)
    only = data_for(DEFAULT_DATA, tracks=["pmo", "executive"])
    assert {t["id"]: t["colour"] for t in only["tracks"]} == {
        "pmo": colours["pmo"],
        "executive": colours["executive"],
    }


def test_role_details_carry_names_skills_and_summary_in_the_chosen_language() -> None:
    roles = {r["id"]: r for r in data_for(DEFAULT_DATA, lang="ja")["roles"]}
    coordinator = roles["pmo_coordinator"]
    assert coordinator["name"] == "PMOコーディネーター"
    assert coordinator["otherNames"] == [{"language": "English", "name": "PMO Coordinator"}]
    assert coordinator["level"] == 1 and coordinator["years"] == "約2年"  # an estimate
    assert coordinator["summary"].startswith("プロジェクトマネージャーをサポート")
    communication = {"id": "communication", "name": "コミュニケーション", "level": 3}
    assert communication in coordinator["skills"]
    assert "pmo_coordinator" in coordinator["searchNames"]


def test_japanese_labels_fall_back_to_english() -> None:
    labels = {n["id"]: n["label"] for n in data_for(LADDER, lang="ja")["nodes"]}
    assert labels["ceo"] == "CEO"  # no Japanese name given
    assert labels["cto"] == "最高技術責任者"


def test_long_japanese_names_are_broken_into_lines_that_fit_a_box() -> None:
    career_map = load_paths(DEFAULT_DATA)
    for node in data_for(DEFAULT_DATA, lang="ja")["nodes"]:
        assert node["label"].replace("\n", "") == career_map.roles[node["id"]].name.get("ja")
        for line in node["label"].split("\n"):
            wide = sum(unicodedata.east_asian_width(ch) in "WF" for ch in line)
            assert wide + 0.6 * (len(line) - wide) <= 7.6, node["label"]
            assert line[0] not in "ー)）ァィゥェォッャュョ", node["label"]


# -- layout ------------------------------------------------------------------------------------


def test_higher_levels_sit_higher_and_one_rung_shares_a_row() -> None:
    career_map = load_paths(DEFAULT_DATA)
    at = positions(data_for(DEFAULT_DATA))
    for track in career_map.tracks:
        rungs = career_map.roles_in_track(track)
        for low in rungs:
            for high in rungs:
                if high.level > low.level:
                    assert at[high.id][1] < at[low.id][1], (high.id, low.id)
                if high.level == low.level:
                    assert at[high.id][1] == at[low.id][1]


def test_roles_on_one_rung_sit_side_by_side_and_columns_do_not_overlap() -> None:
    career_map = load_paths(DEFAULT_DATA)
    data = data_for(DEFAULT_DATA)
    at = positions(data)
    columns = {c["track"]: (c["left"], c["left"] + c["width"]) for c in data["columns"]}
    for role in career_map.roles.values():
        left, right = columns[role.track]
        assert left + SLOT_WIDTH / 2 <= at[role.id][0] <= right - SLOT_WIDTH / 2
    spans = sorted(columns.values())
    assert all(a[1] < b[0] for a, b in itertools.pairwise(spans))
    places = list(at.values())
    for i, (x1, y1) in enumerate(places):
        for x2, y2 in places[i + 1 :]:
            assert y1 != y2 or abs(x1 - x2) >= SLOT_WIDTH


def test_a_track_entered_from_the_top_of_others_sits_above_them() -> None:
    at = positions(data_for(LADDER))
    row = {role: round(-y / ROW_HEIGHT) for role, (_, y) in at.items()}
    assert row == {
        "dev_junior": 0,
        "dev_senior_a": 1,
        "dev_senior_b": 1,
        "dev_lead": 2,
        # Lifted above dev_senior_b, who is promoted into it; its promotion back into the
        # development ladder would make the two tracks lift each other, so it lifts nothing.
        "ops_manager": 2,
        "ops_director": 3,
        # One row above the highest role promoted into it (ops_director).
        "cto": 4,
        "coo": 4,
        "ceo": 5,
        "support_agent": 0,  # a career change does not lift
    }
    assert at["dev_senior_a"][0] != at["dev_senior_b"][0]


def test_the_default_executive_track_sits_above_everyone_promoted_into_it() -> None:
    career_map = load_paths(DEFAULT_DATA)
    at = positions(data_for(DEFAULT_DATA))
    feeders = [
        t.source
        for t in career_map.transitions
        if t.kind is TransitionKind.PROMOTION and t.target in ("cto", "cpo", "coo")
    ]
    assert feeders
    assert all(at["cto"][1] < at[f][1] for f in feeders)
    assert at["cto"][1] - at["ceo"][1] == ROW_HEIGHT


def test_layout_does_not_depend_on_the_order_of_the_file() -> None:
    document = yaml.safe_load(LADDER.read_text(encoding="utf-8"))
    for section in ("tracks", "skills", "roles"):
        document[section] = dict(reversed(list(document[section].items())))
    document["transitions"].reverse()
    shuffled = parse_paths(yaml.safe_dump(document, allow_unicode=True), str(LADDER))
    assert page(shuffled) == page(load_paths(LADDER))


# -- routes ------------------------------------------------------------------------------------


def test_routes_light_the_best_and_the_alternatives_and_dim_the_rest() -> None:
    career_map = load_paths(DEFAULT_DATA)
    routes = find_routes(build_graph(career_map), "pmo_coordinator", "cto", alternatives=2)
    data = page_data(page(career_map, routes=routes))
    best = set(routes[0].roles)
    others = {r for route in routes[1:] for r in route.roles} - best
    assert others, "the alternatives should pass somewhere the best route does not"
    for node in data["nodes"]:
        if node["id"] in best:
            assert node["color"]["border"] == BEST_ROUTE and node["opacity"] == 1.0
        elif node["id"] in others:
            # Each alternative in its own colour: the first route through a role gives its own.
            first = next(n for n, r in enumerate(routes) if node["id"] in r.roles)
            assert first > 0 and node["opacity"] == 1.0
            assert node["color"]["border"] == ROUTE_COLOURS[first] != BEST_ROUTE
        else:
            assert node["opacity"] == DIM_OPACITY
    lit = {(e["from"], e["to"]) for e in data["edges"] if e["color"]["color"] == BEST_ROUTE}
    assert lit == {(s.transition.source, s.transition.target) for s in routes[0].steps}
    assert ROUTE_COLOURS[1] == ALTERNATIVE_ROUTE
    for number, route in enumerate(routes[1:], start=1):
        only_here = {(s.transition.source, s.transition.target) for s in route.steps}
        earlier = routes[:number]
        only_here -= {(s.transition.source, s.transition.target) for r in earlier for s in r.steps}
        shade = {(e["from"], e["to"]): e["color"]["color"] for e in data["edges"]}
        assert {shade[pair] for pair in only_here} == {ROUTE_COLOURS[number]}, number

    listed = data["routes"][0]
    assert listed["roles"] == list(routes[0].roles)
    assert listed["years"] == "~20y"  # every figure on it is an estimate
    first = listed["steps"][0]
    assert (first["fromName"], first["toName"], first["kind"]) == (
        "PMO Coordinator",
        "PMO Manager",
        "promotion",
    )
    assert {"name": "PMP (Project Management Professional)", "from": 0, "to": 3} in first["build"]
    assert [s["cumulative"] for s in listed["steps"]][-1] == "~20y"


def test_without_routes_nothing_is_dimmed() -> None:
    data = data_for(DEFAULT_DATA)
    assert {n["opacity"] for n in data["nodes"]} == {1.0}
    assert {e["color"]["opacity"] for e in data["edges"]} == {1.0}
    assert data["routes"] == []


def test_tracks_limit_the_map_and_a_route_is_lit_where_it_is_shown() -> None:
    career_map = load_paths(SMALL)
    routes = find_routes(build_graph(career_map), "junior", "lead")
    data = page_data(page(career_map, routes=routes, tracks=["dev"]))
    assert sorted(n["id"] for n in data["nodes"]) == ["junior", "lead", "senior"]
    assert sorted((e["from"], e["to"]) for e in data["edges"]) == [
        ("junior", "senior"),
        ("senior", "lead"),
    ]
    assert [t["id"] for t in data["tracks"]] == ["dev"]
    borders = {n["id"]: n["color"]["border"] for n in data["nodes"]}
    assert borders["junior"] == borders["lead"] == BEST_ROUTE  # junior → coordinator → … → lead
    assert len(data["routes"][0]["steps"]) == len(routes[0].steps)  # the panel lists it all


# -- safety ------------------------------------------------------------------------------------


class _Tags(HTMLParser):
    """Every tag and attribute of a page, and the text of its style elements."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.in_style = False
        self.styles: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self.in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self.in_style = False

    def handle_data(self, data: str) -> None:
        if self.in_style:
            self.styles.append(data)


def tags_of(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser


def test_the_page_loads_nothing_from_anywhere_else() -> None:
    html = page(load_paths(DEFAULT_DATA))
    parsed = tags_of(html)
    assert [tag for tag, _ in parsed.tags if tag in ("link", "img", "iframe", "base")] == []
    for tag, attrs in parsed.tags:
        for name in ("src", "href", "action", "srcset", "poster", "data"):
            if name == "href" and tag == "a" and (attrs.get(name) or "").startswith("#"):
                continue  # a link within the page (the text view) loads nothing
            assert attrs.get(name) is None, (tag, name, attrs[name])
    for style in parsed.styles:
        assert "@import" not in style
        assert re.findall(r"url\(\s*(?!['\"]?data:)", style) == []
    assert "sourceMappingURL" not in html
    scripts = [attrs for tag, attrs in parsed.tags if tag == "script"]
    assert scripts == [{"type": "application/json", "id": "careergraph-data"}, {}, {}, {}, {}]
    assert "DataSet" in html and "vis-network" in html  # vis-network is inlined


def test_the_page_declares_utf8_and_keeps_japanese_as_is() -> None:
    html = page(load_paths(DEFAULT_DATA), lang="ja")
    assert '<meta charset="utf-8">' in html
    assert "PMOコーディネーター" in html


def test_hostile_texts_cannot_end_the_data_block_or_add_markup() -> None:
    career_map = load_paths(HOSTILE)
    html = page(career_map, routes=find_routes(build_graph(career_map), "img_role", "top_role"))
    block = DATA_BLOCK.findall(html)[0]
    assert re.search(r"[<>&\u2028\u2029]", block) is None
    # The data, vis-network, the page's own code, its route engine and its planner.
    assert html.count("</script") == 5
    # The texts are only ever data, or escaped text in the page's text view.
    text_view = re.search(r"<noscript>.*</noscript>", html, re.DOTALL)
    assert text_view is not None
    assert "__pwned" not in html.replace(block, "").replace(text_view.group(), "")
    assert "window.__pwned=3&lt;/script&gt;" in text_view.group()
    data = page_data(html)
    roles = {r["id"]: r for r in data["roles"]}
    assert roles["img_role"]["name"] == "<img src=x onerror=window.__pwned=1>"
    assert roles["img_role"]["summary"] == "<a href=javascript:window.__pwned=2>x</a>"
    assert roles["line_break_role"]["name"] == "Line\u2028separator\u2029role ]]> --> </style>"
    assert [t["name"] for t in data["tracks"] if t["id"] == "evil"] == [
        "</script><script>window.__pwned=3</script>"
    ]
    assert {tag for tag, _ in tags_of(html).tags} == {
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "main",
        "div",
        "aside",
        "header",
        "h1",
        "input",
        "ul",
        "section",
        "script",
        # the text view, written for readers without JavaScript
        "a",
        "noscript",
        "h2",
        "h3",
        "ol",
        "li",
        "p",
        "table",
        "caption",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
    }


_TRICKY = st.lists(
    st.sampled_from(
        ["</script>", "</SCRIPT", "<!--", "-->", "\u2028", "\u2029", "\ud800", "&", "<"]
    )
    | st.text(max_size=3)
).map("".join)


@settings(max_examples=60, deadline=None)
@given(name=st.one_of(st.text(min_size=1), _TRICKY.filter(bool)))
@pytest.mark.slow
def test_any_role_name_comes_back_unchanged_from_the_data_block(name: str) -> None:
    career_map = load_paths(SMALL)
    junior = replace(career_map.roles["junior"], name=Text({"en": name}))
    html = page(replace(career_map, roles={**career_map.roles, "junior": junior}))
    blocks = DATA_BLOCK.findall(html)
    assert len(blocks) == 1
    assert "</" not in blocks[0] and "<!--" not in blocks[0]
    roles = {r["id"]: r for r in json.loads(blocks[0])["roles"]}
    assert roles["junior"]["name"] == name
    html.encode("utf-8")  # even a lone surrogate leaves the page encodable


def test_the_same_map_renders_the_same_page() -> None:
    career_map = load_paths(DEFAULT_DATA)
    assert page(career_map) == page(career_map)


# -- writing -----------------------------------------------------------------------------------


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_write_html_creates_missing_folders_and_writes_utf8(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "map.html"
    write_html(target, "<p>PMOコーディネーター</p>")
    assert target.read_bytes() == "<p>PMOコーディネーター</p>".encode()
    assert leftovers(target.parent) == []


def test_rendered_page_carries_the_generator_mark_near_the_top() -> None:
    html = page(load_paths(SMALL)).encode("utf-8")
    assert GENERATOR.encode("utf-8") in html[:1024]


def test_write_html_fails_cleanly_when_the_parent_is_a_file(tmp_path: Path) -> None:
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("keep me", encoding="utf-8")
    target = blocker / "map.html"
    with pytest.raises(OutputError) as caught:
        write_html(target, "page")
    message = str(caught.value)
    assert "\n" not in message
    assert str(target) in message and "is a file, not a folder" in message
    assert blocker.read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not_a_folder"]


def test_every_word_the_pages_script_names_is_in_every_language() -> None:
    from careergraph import LANGUAGES
    from careergraph.render import page_words
    from careergraph.render.page_words import PAGE_WORDS, _ui

    render = Path(page_words.__file__).parent
    named = {
        name
        for file in sorted([*render.glob("*.py"), *(render / "templates").iterdir()])
        for name in re.findall(
            r"""\bui(?:\.(\w+)|\[["'](\w+)["']\])""", file.read_text(encoding="utf-8")
        )
    }
    named_words = {a or b for a, b in named}
    assert {"so_far", "route_n", "text_view_title"} <= named_words  # the scan finds names
    assert named_words - set(PAGE_WORDS) == set()
    for lang in LANGUAGES:
        assert set(_ui(lang)) == set(PAGE_WORDS)  # each found in the catalogue, or KeyError


@pytest.mark.slow
def test_a_large_page_holds_every_role_in_brief_and_a_notice_in_its_language() -> None:
    from benchmarks.bench_html import generated_map

    from careergraph.render.html import DRAW_LIMIT

    career_map = generated_map(30, 10, 8)  # 2,400 roles
    for lang, start in (("en", "This map has 2,400 roles"), ("ja", "このマップには2,400の職種")):
        data = page_data(page(career_map, lang=lang))
        assert len(data["roles"]) <= DRAW_LIMIT < len(career_map.roles)
        # One copy of the whole map: what routes, search and roles drawn on demand read.
        assert "allRoles" not in data
        whole = data["map"]
        ids = [r[0] for r in whole["roles"]]
        assert ids == sorted(career_map.roles)
        assert sorted([ids[m[0]], ids[m[1]]] for m in whole["moves"]) == sorted(
            [m.source, m.target] for m in career_map.transitions
        )
        first = career_map.roles[ids[0]]
        name = whole["roles"][0][1]
        names = [name] if isinstance(name, str) else list(name.values())
        assert [ids[0], *names, *whole["roles"][0][2]] == first.names()
        assert set(data["allTracks"]) == set(career_map.tracks)
        assert data["pageNotice"].startswith(start)
        assert "--" not in data["pageNotice"]
