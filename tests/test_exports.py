"""`careergraph export`: every format read back by the tools that consume it gives the same map."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner, Result

from careergraph.cli import cli
from careergraph.load import load_paths
from careergraph.model import CareerMap
from tests.conftest import DEFAULT_DATA, FIXTURES

SMALL = FIXTURES / "small.yaml"
HOSTILE = FIXTURES / "exports" / "hostile.yaml"
GOLDEN = FIXTURES / "exports"
UNICODE = FIXTURES / "exports" / "unicode.yaml"
# Shared titles and sources on roles; points requirements.
LADDERS = FIXTURES / "frameworks" / "career_ladders.yaml"
POINTS = FIXTURES / "points" / "ladder.yaml"
MAPS = [
    pytest.param(DEFAULT_DATA, id="default"),
    pytest.param(HOSTILE, id="hostile"),
    pytest.param(UNICODE, id="unicode"),
    pytest.param(LADDERS, id="titles"),
    pytest.param(POINTS, id="points"),
]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Roles = dict[str, dict[str, Any]]
Moves = dict[tuple[str, str], dict[str, Any]]


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def export(data: Path, *args: str) -> Result:
    result = run("--data", str(data), "export", *args)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return result


def expected(career_map: CareerMap) -> tuple[Roles, Moves]:
    """What every export must carry, straight from the loaded map."""
    roles = {
        r.id: {
            "names": r.name.as_dict(),
            "aliases": list(r.aliases),
            "track": r.track,
            "level": r.level,
            "years": float(r.years),
            "years_estimated": r.years_estimated,
            "summary": r.summary.as_dict() if r.summary else {},
            "skills": dict(r.skills),
            "title": r.title.as_dict() if r.title else {},
            "sources": list(r.sources),
            "points": [
                {
                    "total": p.total,
                    "skills": list(p.skills),
                    "weights": dict(p.weights),
                    "values": {str(k): v for k, v in p.values.items()},
                }
                for p in r.points
            ],
        }
        for r in career_map.roles.values()
    }
    moves = {
        (t.source, t.target): {
            "kind": t.kind.value,
            "years": float(t.years),
            "years_estimated": t.years_estimated,
            "basis": t.basis,
            "note": t.note.as_dict() if t.note else {},
        }
        for t in career_map.transitions
    }
    return roles, moves


def _per_language(attrs: dict[str, Any], field: str) -> dict[str, str]:
    prefix = f"{field}_"
    return {k.removeprefix(prefix): v for k, v in attrs.items() if k.startswith(prefix)}


def _flag(value: object) -> bool:
    """A flag as a format's own reader gives it: a boolean, or in CSV the text true or false."""
    if isinstance(value, bool):
        return value
    assert value in ("true", "false"), value
    return value == "true"


def from_flat(
    nodes: dict[str, dict[str, Any]], edges: dict[tuple[str, str], Any]
) -> tuple[Roles, Moves]:
    """Roles and moves back from the flat attributes GraphML, GEXF and CSV hold."""
    roles = {
        node: {
            "names": _per_language(a, "name"),
            "aliases": json.loads(a["aliases"]) if a.get("aliases") else [],
            "track": a["track"],
            "level": int(a["level"]),
            "years": float(a["years"]),
            "years_estimated": _flag(a["years_estimated"]),
            "summary": _per_language(a, "summary"),
            "skills": {
                k.removeprefix("skill:"): int(v) for k, v in a.items() if k.startswith("skill:")
            },
            "title": _per_language(a, "title"),
            "sources": json.loads(a["sources"]) if a.get("sources") else [],
            "points": json.loads(a["points"]) if a.get("points") else [],
        }
        for node, a in nodes.items()
    }
    moves = {
        pair: {
            "kind": a["kind"],
            "years": float(a["years"]),
            "years_estimated": _flag(a["years_estimated"]),
            "basis": a["basis"],
            "note": _per_language(a, "note"),
        }
        for pair, a in edges.items()
    }
    return roles, moves


@pytest.mark.parametrize("data", MAPS)
def test_node_link_json_reads_back_with_every_attribute(data: Path) -> None:
    graph = nx.node_link_graph(json.loads(export(data, "--format", "json").stdout), edges="edges")
    roles = {
        n: {
            "names": a["names"],
            "aliases": a["aliases"],
            "track": a["track"],
            "level": a["level"],
            "years": a["years"],
            "years_estimated": a["years_estimated"],
            "summary": a["summary"] or {},
            "skills": a["skills"],
            "title": a["title"] or {},
            "sources": a["sources"],
            "points": a["points"],
        }
        for n, a in graph.nodes(data=True)
    }
    moves = {
        (u, v): {
            "kind": a["kind"],
            "years": a["years"],
            "years_estimated": a["years_estimated"],
            "basis": a["basis"],
            "note": a["note"] or {},
        }
        for u, v, a in graph.edges(data=True)
    }
    assert graph.is_directed()
    assert (roles, moves) == expected(load_paths(data))


@pytest.mark.parametrize("data", MAPS)
@pytest.mark.parametrize("format_", ["graphml", "gexf"])
def test_graphml_and_gexf_read_back_with_every_attribute(
    data: Path, format_: str, tmp_path: Path
) -> None:
    target = tmp_path / f"map.{format_}"
    result = export(data, "--format", format_, "-o", str(target))
    assert result.stdout == f"{target}\n"
    graph = nx.read_graphml(target) if format_ == "graphml" else nx.read_gexf(target)
    assert graph.is_directed()
    nodes = {n: dict(a) for n, a in graph.nodes(data=True)}
    edges = {(u, v): dict(a) for u, v, a in graph.edges(data=True)}
    assert from_flat(nodes, edges) == expected(load_paths(data))
    assert graph.nodes[next(iter(nodes))]["years"] == pytest.approx(
        load_paths(data).roles[next(iter(nodes))].years
    )


def undefuse(cell: str) -> str:
    """What a reader does with a defused cell: drop the `'` put before a formula start."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS) else cell


def read_table(raw: bytes) -> list[dict[str, str]]:
    assert raw.startswith("\ufeff".encode()), "the BOM makes spreadsheets read UTF-8"
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    for row in rows:
        for value in row.values():
            assert not value.startswith(FORMULA_STARTS), value
    return [{k: undefuse(v) for k, v in row.items() if v != ""} for row in rows]


@pytest.mark.parametrize("data", MAPS)
def test_csv_tables_read_back_with_every_attribute(data: Path, tmp_path: Path) -> None:
    result = export(data, "--format", "csv", "-o", str(tmp_path / "out"))
    out = tmp_path / "out"
    assert (
        result.stdout == f"{out / 'roles.csv'}\n{out / 'transitions.csv'}\n{out / 'skills.csv'}\n"
    )
    roles = read_table((tmp_path / "out" / "roles.csv").read_bytes())
    moves = read_table((tmp_path / "out" / "transitions.csv").read_bytes())
    assert from_flat(
        {r.pop("id"): r for r in roles}, {(m.pop("from"), m.pop("to")): m for m in moves}
    ) == expected(load_paths(data))


def test_csv_neutralises_formulas_and_keeps_japanese() -> None:
    raw = export(HOSTILE, "--format", "csv", "--table", "transitions").stdout_bytes
    assert raw == (GOLDEN / "hostile-transitions.csv").read_bytes()
    roles = export(HOSTILE, "--format", "csv", "--table", "roles").stdout_bytes
    assert roles == (GOLDEN / "hostile-roles.csv").read_bytes()


def test_csv_needs_a_folder_or_a_table() -> None:
    result = run("--data", str(SMALL), "export", "--format", "csv")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "error: csv holds three tables: give -o FOLDER for roles.csv, transitions.csv and "
        "skills.csv, or --table roles|transitions|skills for one\n"
    )


def test_table_is_for_csv_only() -> None:
    result = run("--data", str(SMALL), "export", "--format", "dot", "--table", "roles")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "error: --table is for --format csv only, not 'dot'\n"


@pytest.mark.parametrize("format_", ["mermaid", "dot"])
def test_diagram_text_is_exact(format_: str) -> None:
    golden = GOLDEN / f"hostile.{'mmd' if format_ == 'mermaid' else 'dot'}"
    assert export(HOSTILE, "--format", format_).stdout == golden.read_text(encoding="utf-8")


def test_mermaid_ids_are_never_keywords() -> None:
    text = export(HOSTILE, "--format", "mermaid").stdout
    ids = [
        line.split("[")[0].strip() for line in text.splitlines() if "role_" in line and "[" in line
    ]
    assert ids == ["role_end", "role_graph", "role_subgraph", "role_o_role"]


def graphviz_parse(text: str) -> dict[str, Any]:
    dot = shutil.which("dot")
    if dot is None:
        pytest.fail("Graphviz's `dot` is missing (apt-get install graphviz; scripts/test.sh does)")
    done = subprocess.run([dot, "-Tjson"], input=text.encode(), capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode()
    assert done.stderr == b"", done.stderr.decode()
    parsed: dict[str, Any] = json.loads(done.stdout)
    return parsed


def _dot_unescape(label: str) -> str:
    return label.replace('\\"', '"').replace("\\\\", "\\")


@pytest.mark.parametrize("data", MAPS)
def test_graphviz_parses_dot_with_every_role_and_move(data: Path) -> None:
    career_map = load_paths(data)
    parsed = graphviz_parse(export(data, "--format", "dot").stdout)
    objects = parsed["objects"]
    clusters = {o["name"]: o["label"] for o in objects if o["name"].startswith("cluster_")}
    nodes = {o["name"]: o for o in objects if not o["name"].startswith("cluster_")}
    assert clusters == {
        f"cluster_{t}": career_map.tracks[t].name.get("en")
        for t in {r.track for r in career_map.roles.values()}
    }
    assert {n: _dot_unescape(o["label"]) for n, o in nodes.items()} == {
        r.id: r.name.get("en") for r in career_map.roles.values()
    }
    ids = {o["_gvid"]: o["name"] for o in objects}
    edges = {
        (ids[e["tail"]], ids[e["head"]]): (
            e["kind"],
            float(e["years"]),
            _flag(e["years_estimated"]),
            e["basis"],
        )
        for e in parsed["edges"]
    }
    assert edges == {
        (t.source, t.target): (t.kind.value, t.years, t.years_estimated, t.basis)
        for t in career_map.transitions
    }
    assert {n: _flag(o["years_estimated"]) for n, o in nodes.items()} == {
        r.id: r.years_estimated for r in career_map.roles.values()
    }


def test_track_restricts_the_export() -> None:
    text = export(SMALL, "--format", "mermaid", "--track", "pmo").stdout
    assert text == (
        "flowchart BT\n"
        '  subgraph track_pmo["PMO"]\n'
        '    role_coordinator["PMO coordinator"]\n'
        '    role_manager["PMO manager"]\n'
        "  end\n"
        '  role_coordinator -->|"1.5y"| role_manager\n'
    )


def test_route_restricts_the_export_to_the_best_route() -> None:
    text = export(SMALL, "--format", "dot", "--route", "junior", "lead", "--lang", "ja").stdout
    assert text == (
        "digraph careergraph {\n"
        "  rankdir=BT;\n"
        '  node [shape=box, style=rounded, fontname="Noto Sans CJK JP"];\n'
        '  subgraph "cluster_dev" {\n'
        '    label="エンジニアリング";\n'
        '    "junior" [label="ジュニア開発者", track="dev", level=1, years=2,'
        " years_estimated=false];\n"
        '    "lead" [label="テックリード", track="dev", level=3, years=3,'
        " years_estimated=false];\n"
        "  }\n"
        '  subgraph "cluster_pmo" {\n'
        '    label="PMO";\n'
        '    "coordinator" [label="PMOコーディネーター", track="pmo", level=1, years=1.5,'
        " years_estimated=false];\n"
        '    "manager" [label="PMOマネージャー", track="pmo", level=2, years=4,'
        " years_estimated=false];\n"
        "  }\n"
        '  "coordinator" -> "manager" [label="1.5y", style=solid, kind="promotion", years=1.5,'
        ' years_estimated=false, basis="stated"];\n'
        '  "junior" -> "coordinator" [label="0.5y", style=dotted, kind="career_change",'
        ' years=0.5, years_estimated=false, basis="stated"];\n'
        '  "manager" -> "lead" [label="2y", style=dashed, kind="lateral", years=2,'
        ' years_estimated=false, basis="stated"];\n'
        "}\n"
    )


def test_unknown_route_role_is_a_usage_error() -> None:
    result = run("--data", str(SMALL), "export", "--format", "json", "--route", "junior", "leed")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "error: unknown role 'leed' — did you mean 'lead'?\n"


def test_export_file_is_written_atomically_and_replaces_the_old_one(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "map.mmd"
    export(SMALL, "--format", "mermaid", "-o", str(target))
    first = target.read_text(encoding="utf-8")
    refused = run("--data", str(SMALL), "export", "--format", "mermaid", "-o", str(target))
    assert (refused.exit_code, refused.stdout, refused.stderr) == (
        2,
        "",
        f"error: '{target}' already exists: pass --force to replace it, or name another file\n",
    )
    assert target.read_text(encoding="utf-8") == first
    export(SMALL, "--format", "mermaid", "--track", "dev", "-o", str(target), "--force")
    assert target.read_text(encoding="utf-8") != first
    assert sorted(p.name for p in target.parent.iterdir()) == ["map.mmd"]


def test_unwritable_output_is_one_error_line(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    result = run(
        "--data", str(SMALL), "export", "--format", "json", "-o", str(tmp_path / "file" / "x.json")
    )
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(
        f"error: cannot write the json export to '{tmp_path / 'file' / 'x.json'}': "
    )


def test_json_summarises_the_files_written(tmp_path: Path) -> None:
    result = export(SMALL, "--format", "csv", "-o", str(tmp_path), "--track", "dev", "--json")
    assert json.loads(result.stdout) == {
        "format": "csv",
        "files": [str(tmp_path / f"{t}.csv") for t in ("roles", "transitions", "skills")],
        "roles": 3,
        "transitions": 2,
    }


def test_json_without_output_is_a_usage_error() -> None:
    result = run("--data", str(SMALL), "export", "--format", "dot", "--json")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "error: --json reports the files written: give -o as well\n"


# -- what skills, tracks and levels say ---------------------------------------------------------

LEVELS = FIXTURES / "levels" / "map.yaml"


def level_texts(career_map: CareerMap) -> dict[str, dict[str, dict[str, str]]]:
    """Each role's skills' texts for the level it asks: its own, else the scale's."""
    return {
        role.id: {
            skill: text.as_dict()
            for skill, level in role.skills.items()
            if (text := career_map.skills[skill].level_text(level, career_map.scale))
        }
        for role in career_map.roles.values()
    }


def about_map(career_map: CareerMap) -> dict[str, Any]:
    """Every description and level text the map gives, as flat keys."""
    about: dict[str, Any] = {}
    for level, text in career_map.scale.items():
        about |= {f"scale:{level}_{lang}": t for lang, t in text.as_dict().items()}
    for track_id, track in career_map.tracks.items():
        if track.description:
            about |= {
                f"track:{track_id}:description_{lang}": t
                for lang, t in track.description.as_dict().items()
            }
    for skill_id, skill in career_map.skills.items():
        if skill.description:
            about |= {
                f"skill:{skill_id}:description_{lang}": t
                for lang, t in skill.description.as_dict().items()
            }
        for level, text in skill.levels.items():
            about |= {
                f"skill:{skill_id}:level_{level}_{lang}": t for lang, t in text.as_dict().items()
            }
    return about


def flat_level_texts(nodes: dict[str, dict[str, Any]]) -> dict[str, dict[str, dict[str, str]]]:
    found: dict[str, dict[str, dict[str, str]]] = {}
    for node, attrs in nodes.items():
        found[node] = {}
        for key, value in attrs.items():
            if key.startswith("level:"):
                skill, lang = key.removeprefix("level:").rsplit("_", 1)
                found[node].setdefault(skill, {})[lang] = value
    return found


def test_node_link_json_carries_descriptions_and_level_texts() -> None:
    career_map = load_paths(LEVELS)
    data = json.loads(export(LEVELS, "--format", "json").stdout)
    graph = nx.node_link_graph(data, edges="edges")
    assert graph.graph["scale"]["4"] == {
        "en": "Teaches it and sets the team's practice",
        "ja": "人に教え、チームのやり方を決める",
    }
    assert graph.graph["tracks"]["dev"]["description"] == {
        "en": "Builds the product.",
        "ja": "プロダクトを作る。",
    }
    assert graph.graph["tracks"]["pmo"]["description"] is None
    coding = graph.graph["skills"]["coding"]
    assert coding["description"] == career_map.skills["coding"].description.as_dict()  # type: ignore[union-attr]
    assert coding["levels"] == {
        str(level): text.as_dict() for level, text in career_map.skills["coding"].levels.items()
    }
    assert {n: a["level_texts"] for n, a in graph.nodes(data=True)} == level_texts(career_map)


@pytest.mark.parametrize("format_", ["graphml", "gexf"])
def test_graphml_and_gexf_carry_descriptions_and_level_texts(format_: str, tmp_path: Path) -> None:
    career_map = load_paths(LEVELS)
    target = tmp_path / f"map.{format_}"
    export(LEVELS, "--format", format_, "-o", str(target))
    graph = nx.read_graphml(target) if format_ == "graphml" else nx.read_gexf(target)
    nodes = {n: dict(a) for n, a in graph.nodes(data=True)}
    assert flat_level_texts(nodes) == level_texts(career_map)
    assert nodes["senior"]["track_description_ja"] == "プロダクトを作る。"
    assert "track_description_en" not in nodes["manager"]
    if format_ == "graphml":
        about = {k: v for k, v in graph.graph.items() if k not in ("node_default", "edge_default")}
        assert about == about_map(career_map)
    else:  # a GEXF graph holds no attributes of its own: each role says what its skills are
        assert nodes["senior"]["description:coding_en"] == "Writing and reviewing code."
        assert not any(k.startswith("description:planning") for k in nodes["senior"])


def test_csv_tables_carry_descriptions_and_level_texts(tmp_path: Path) -> None:
    career_map = load_paths(LEVELS)
    export(LEVELS, "--format", "csv", "-o", str(tmp_path / "out"))
    roles = {r.pop("id"): r for r in read_table((tmp_path / "out" / "roles.csv").read_bytes())}
    assert flat_level_texts(roles) == level_texts(career_map)
    assert roles["lead"]["track_description_en"] == "Builds the product."
    skills = read_table((tmp_path / "out" / "skills.csv").read_bytes())
    assert skills[0] == {
        f"level_{level}_{lang}": t
        for level, text in career_map.scale.items()
        for lang, t in text.as_dict().items()
    }
    assert skills[1:] == [
        {
            "id": "coding",
            "category": "technical",
            "name_en": "Coding",
            "name_ja": "コーディング",
            "description_en": "Writing and reviewing code.",
            "description_ja": "コードを書き、レビューする。",
            "level_2_en": "Fixes bugs in code others designed",
            "level_2_ja": "他人が設計したコードのバグを直す",
            "level_4_en": "Designs modules others build on",
            "level_4_ja": "他人が使うモジュールを設計する",
            "level_5_en": "Designs the system",
        },
        {
            "id": "planning",
            "category": "soft",
            "name_en": "Planning",
            "name_ja": "計画",
            "level_1_en": "Keeps a task list",
            "level_1_ja": "タスクリストをつける",
        },
        {"id": "pmp", "category": "certification", "name_en": "PMP"},
    ]
    alone = export(LEVELS, "--format", "csv", "--table", "skills").stdout_bytes
    assert alone == (tmp_path / "out" / "skills.csv").read_bytes()
