"""A third real framework of another shape, end to end: Sarah Drasner's Career Ladders, whose
rungs are lists of expectations with the years of experience each typically needs, encoded in
tests/fixtures/frameworks/career_ladders.yaml. Answers checked by hand against its pages."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner, Result

from careergraph.cli import cli
from careergraph.load import load_paths
from tests.conftest import DEFAULT_DATA, FIXTURES

LADDERS = FIXTURES / "frameworks" / "career_ladders.yaml"
# "Experience: typically requires a minimum of N years" on each rung of two ladders; the
# documentation ladder states none.
ENGINEERING_YEARS = {
    "ladders_engineer_2": 2,
    "ladders_senior_engineer": 5,
    "ladders_staff_engineer": 8,
    "ladders_principal_engineer": 10,
    "ladders_distinguished_engineer": 12,
}
DEVEX_YEARS = {
    "ladders_dx_engineer_1": 2,
    "ladders_dx_engineer_2": 4,
    "ladders_senior_dx_engineer": 6,
    "ladders_staff_dx_engineer": 8,
    "ladders_principal_dx_engineer": 10,
    "ladders_distinguished_dx_engineer": 12,
}


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def on_ladders(*args: str | Path) -> Result:
    return run("--data", LADDERS, *args)


def test_it_is_valid_lint_clean_and_attributed() -> None:
    assert (run("validate", LADDERS).exit_code, run("validate", LADDERS).stdout) == (
        0,
        "OK: 19 roles, 26 transitions\n",
    )
    # The two tech leads are dead ends on purpose: a title worn for one project at any stage.
    assert run("lint", LADDERS).stdout == "OK: no findings (2 explained in the data)\n"
    header = LADDERS.read_text(encoding="utf-8").splitlines()[:4]
    assert any("github.com/sdras/career-ladders" in line for line in header)
    assert any("MIT License" in line for line in header)


def test_each_rung_is_reached_after_the_years_the_framework_states() -> None:
    # Routes from each ladder's first rung add up to the framework's minimums exactly; the
    # developer experience ladder starts 2 years in, so its routes are 2 years shorter.
    career_map = load_paths(LADDERS)
    for start, years, before in (
        ("ladders_engineer_1", ENGINEERING_YEARS, 0),
        ("ladders_dx_engineer_1", DEVEX_YEARS, 2),
    ):
        for role, total in years.items():
            if role == start:
                continue
            data = json.loads(on_ladders("path", start, role, "--json").stdout)
            assert data["routes"][0]["years"] + before == total, role
    assert career_map.roles["ladders_distinguished_engineer"].years_estimated


def test_the_engineering_ladder_as_a_route() -> None:
    result = on_ladders("path", "Engineer I", "Distinguished Engineer")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Best route: Engineer I → Distinguished Engineer (12y, 5 moves)"
    assert lines[1:3] == [
        "  1. Engineer I → Engineer II                     promotion     2y      2y",
        "     build: Communication 1→2; Delivery 1→2; Systems 1→2; Supporting others 0→1",
    ]
    assert lines[-1] == "  Total: 12y over 5 moves"


def test_the_documentation_ladder_gives_no_years_so_they_are_estimated() -> None:
    result = on_ladders("path", "Technical Writer I", "Principal Technical Writer")
    lines = result.stdout.splitlines()
    assert lines[0] == "Best route: Technical Writer I → Principal Technical Writer (~8y, 4 moves)"
    assert lines[-1] == "(~: estimated years)"


def test_no_move_joins_two_ladders() -> None:
    result = on_ladders("path", "Engineer I", "Principal Technical Writer")
    assert result.exit_code == 1


def test_gap_from_engineer_ii_to_senior_in_the_frameworks_groups() -> None:
    assert on_ladders(
        "gap", "ladders_engineer_2", "ladders_senior_engineer"
    ).stdout.splitlines() == [
        "Engineer II → Senior Engineer: 5 skills to build (+5 levels)",
        "",
        "Own craft",
        "  Delivery           2 → 3  (+1)",
        "    Plans and carries out a feature or upgrade, and splits large tasks into small ones",
        "  Systems            2 → 3  (+1)",
        "    Pays technical debt down and shapes code for the scale and upkeep the work needs",
        "",
        "Working with others",
        "  Communication      2 → 3  (+1)",
        "    Is open to others' ideas, adapts their style to the audience and shares credit",
        "",
        "Helping others grow",
        "  Supporting others  1 → 2  (+1)",
        "    Pairs with, reviews and mentors peers",
        "  Strategy           0 → 1  (+1)",
        "    Understands why the team builds what it builds and explains it to others",
    ]


def test_the_shared_tech_lead_title() -> None:
    both = on_ladders("show", "Tech Lead")
    assert both.exit_code == 2
    assert both.stderr == (
        "error: 'Tech Lead' names several roles, none of them first: ladders_dx_tech_lead (DX "
        "Tech Lead, track Developer Experience); ladders_engineering_tech_lead (Engineering Tech "
        "Lead, track Engineering); name one by its id or by its title and track, as 'Tech Lead "
        "(Developer Experience)'\n"
    )
    ja = on_ladders("show", "Tech Lead", "--lang", "ja")
    assert ja.stderr.endswith(
        "。IDか、肩書きとトラック('Tech Lead(開発者体験)'のように)でひとつを指定してください\n"
    )
    for asked in ("Tech Lead (Developer Experience)", "Tech Lead(開発者体験)"):
        shown = on_ladders("show", asked).stdout.splitlines()
        assert shown[0] == "DX Tech Lead", asked
        assert shown[2] == "  title: Tech Lead, shared with Engineering Tech Lead"


def test_fit_and_similar_count_the_levels_by_hand() -> None:
    # Staff asks delivery 4, systems 3, communication 4, supporting 3, cross-team 1, strategy 1
    # (16 levels); a Senior Engineer holds 3, 3, 3, 2, 0, 1 of them: 12, so 75%. Principal asks
    # 5 + 4 + 4 + 4 + 2 + 2 = 21 of which the same 12 are held: 57%.
    fit = {
        r["id"]: r["met"]
        for r in json.loads(on_ladders("fit", "ladders_senior_engineer", "--json").stdout)["roles"]
    }
    assert fit["ladders_staff_engineer"] == 0.75
    assert round(fit["ladders_principal_engineer"], 4) == round(12 / 21, 4)
    # Weighted Jaccard with the Tech Lead (delivery 3, communication 3, supporting 2): shared 8
    # of the larger 12.
    similar = json.loads(on_ladders("similar", "ladders_senior_engineer", "--json").stdout)
    assert [(s["role"], s["similarity"]) for s in similar["similar"][:3]] == [
        ("ladders_staff_engineer", 0.75),
        ("ladders_dx_tech_lead", 0.6667),
        ("ladders_engineering_tech_lead", 0.6667),
    ]


def test_plan_cites_the_pages_with_their_addresses() -> None:
    result = on_ladders("plan", "ladders_senior_engineer", "ladders_principal_engineer")
    assert (
        result.stdout.count(
            "- Sarah Drasner, Career Ladders: Engineering <https://career-ladders.dev/engineering/>"
        )
        == 2
    )
    assert "5y over 2 moves, starting as Senior Engineer." in result.stdout


def test_diff_sees_a_renamed_category_and_a_moved_page(tmp_path: Path) -> None:
    new = tmp_path / "new.yaml"
    new.write_text(
        LADDERS.read_text(encoding="utf-8")
        .replace("name: {en: Own craft, ja: 自分の技術}", "name: {en: Craft, ja: 自分の技術}")
        .replace("https://career-ladders.dev/docs/", "https://career-ladders.dev/documentation/"),
        encoding="utf-8",
    )
    data = json.loads(run("diff", LADDERS, new, "--json").stdout)
    assert data["same"] is False
    assert data["categories"]["changed"] == [
        {"id": "craft", "changes": [{"field": "name.en", "old": "Own craft", "new": "Craft"}]}
    ]
    assert data["sources"]["changed"][0]["id"] == "ladders_docs"
    assert data["roles"] == {"added": [], "removed": [], "changed": []}


def test_exports_keep_the_categories_titles_and_sources(tmp_path: Path) -> None:
    data = json.loads(on_ladders("export", "--format", "json").stdout)
    assert list(data["graph"]["categories"]) == ["craft", "collaboration", "leadership"]
    graph = nx.node_link_graph(data, edges="edges")
    assert graph.nodes["ladders_dx_tech_lead"]["title"] == {"en": "Tech Lead"}
    assert graph.nodes["ladders_dx_tech_lead"]["sources"] == ["ladders_devex"]
    out = tmp_path / "map.html"
    assert on_ladders("render", "-o", out).exit_code == 0
    assert "https://career-ladders.dev/devex/" in out.read_text(encoding="utf-8")


def test_laid_on_the_bundled_map_it_clashes_where_it_reuses_the_bases_words() -> None:
    # Its own "Communication" under the base's id, and the base's "Tech Lead" as a title.
    result = run("validate", "--base", DEFAULT_DATA, LADDERS)
    assert result.exit_code == 2
    problems = result.stderr.splitlines()
    assert len(problems) == 5
    assert problems[0].startswith(
        f"{LADDERS}:93:15: skills.communication.category: 'collaboration' here, but "
        f"{DEFAULT_DATA}:246:15 says 'soft'; add 'override: true' to skills.communication"
    )
    assert problems[3] == (
        f"{LADDERS}:177:12: roles.ladders_engineering_tech_lead.title: the title 'Tech Lead' "
        f"is a name of role 'tech_lead' ({DEFAULT_DATA}:659); a title may be shared by the roles "
        "that carry it, not by another's name"
    )


@pytest.fixture
def overlay(tmp_path: Path) -> Path:
    """The framework as a designer lays it on the base: its own skill id, no shared title."""
    text = LADDERS.read_text(encoding="utf-8")
    text = text.replace("  communication:", "  ladders_communication:")
    text = text.replace("communication: ", "ladders_communication: ")
    text = "\n".join(line for line in text.splitlines() if "title: Tech Lead" not in line)
    file = tmp_path / "ladders.yaml"
    file.write_text(text + "\n", encoding="utf-8")
    return file


def test_as_an_overlay_every_command_runs_and_lint_names_the_shared_names(overlay: Path) -> None:
    assert run("validate", "--base", DEFAULT_DATA, overlay).stdout == (
        "OK: 55 roles, 82 transitions\n"
    )
    lint = run("lint", DEFAULT_DATA, overlay).stdout.splitlines()
    assert [line.split("] ")[0].split(": ")[-1] for line in lint[:-1]] == [
        "warning [similar-names",
        "warning [similar-names",
        "warning [overlay-unconnected",
    ]
    assert "skills.ladders_communication: the name 'Communication' is also that of skill" in lint[1]
    base = ("--data", DEFAULT_DATA, "--data", overlay)
    for args in (
        ("path", "Engineer I", "Principal Engineer"),
        ("gap", "Engineer II", "Senior Engineer"),
        ("plan", "Engineer II", "Senior Engineer"),
        ("fit", "Staff Engineer"),
        ("similar", "Staff Engineer"),
        ("export", "--format", "mermaid"),
    ):
        assert run(*base, *args).exit_code == 0, args


def test_two_frameworks_in_one_map_clash_on_their_titles_in_either_language() -> None:
    # Medium's "Engineer I" laid on Career Ladders' "Engineer I": every name must mean one role.
    medium = (
        Path(__file__).resolve().parent.parent / "examples" / "medium-snowflake" / "medium.yaml"
    )
    first = (
        f"{medium}:198:3: roles.medium_engineer_1: the name 'Engineer I' is also a name of role "
        f"'ladders_engineer_1' ({LADDERS}:129); every name and alias must point at one role"
    )
    assert run("validate", LADDERS, medium).stderr.splitlines()[0] == first
    assert run("validate", LADDERS, medium, "--lang", "ja").stderr.splitlines()[0] == (
        f"{medium}:198:3: roles.medium_engineer_1: 名前'Engineer I'はロール'ladders_engineer_1'の"
        f"名前でもあります({LADDERS}:129)。名前と別名はそれぞれひとつのロールだけを指すように"
        "してください"
    )
