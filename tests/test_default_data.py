"""The bundled data/paths.yaml: complete, cited, consistent, and answering the first question."""

from __future__ import annotations

import itertools
import json
import random
from typing import Any

import networkx as nx
import pytest
import yaml
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from careergraph.cli import cli
from careergraph.errors import NoRouteError
from careergraph.graph import build_graph
from careergraph.load import load_paths, parse_paths
from careergraph.model import CareerMap, SkillCategory, TransitionKind, normalize_name
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


def test_skills_do_not_fall_on_a_promotion(career_map: CareerMap) -> None:
    for move in career_map.transitions:
        source, target = career_map.roles[move.source], career_map.roles[move.target]
        if move.kind is not TransitionKind.PROMOTION:
            continue
        for skill, level in target.skills.items():
            assert level >= source.skills.get(skill, 0), (move.source, move.target, skill)


def test_a_promotion_that_drops_a_skill_says_so(career_map: CareerMap) -> None:
    for move in career_map.transitions:
        source, target = career_map.roles[move.source], career_map.roles[move.target]
        if move.kind is not TransitionKind.PROMOTION or set(source.skills) <= set(target.skills):
            continue
        assert move.note is not None, (move.source, move.target)
        assert "Skills no longer stressed (a judgement)" in move.note.get("en")
        assert "重視しなくなるスキル(推測)" in move.note.get("ja")


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
@pytest.mark.slow
def test_shuffling_the_yaml_changes_no_answer(seed: int) -> None:
    text = DEFAULT_DATA.read_text(encoding="utf-8")
    original = load_paths(DEFAULT_DATA)
    shuffled = parse_paths(_shuffled(text, seed), "shuffled.yaml")
    assert _answers(shuffled) == _answers(original)


# --- facts pinned to the articles ---------------------------------------------------------


def test_the_pmo_grades_of_004_in_order(career_map: CareerMap) -> None:
    grades = sorted(
        (r for r in career_map.roles.values() if r.track == "pmo"), key=lambda r: r.level
    )
    assert [r.name.get("ja") for r in grades] == [
        "PMOコーディネーター",
        "PMOアナリスト",
        "PMOマネージャー",
        "PMOディレクター",
    ]
    assert [r.level for r in grades] == [1, 2, 3, 4]


def test_004_puts_analysis_on_the_analyst_and_portfolios_on_the_manager(
    career_map: CareerMap,
) -> None:
    roles = career_map.roles
    assert "data_analysis" not in roles["pmo_coordinator"].skills
    assert roles["pmo_analyst"].skills["data_analysis"] >= 3
    assert roles["pmo_analyst"].skills["risk_management"] >= 3
    assert "portfolio_management" not in roles["pmo_analyst"].skills
    assert roles["pmo_manager"].skills["portfolio_management"] >= 3
    assert roles["pmo_manager"].skills["process_improvement"] >= 4
    assert roles["pmo_director"].skills["strategic_thinking"] >= 4
    assert roles["pmo_director"].skills["hiring_people_management"] >= 3


def test_003_pmo_work_is_on_the_coordinator(career_map: CareerMap) -> None:
    work = {
        "information_coordination",
        "progress_management_wbs",
        "quality_management",
        "issue_management",
        "meeting_management",
        "reporting",
        "project_administration",
    }
    assert work <= set(career_map.roles["pmo_coordinator"].skills)


def test_where_a_vpoe_can_go_next(career_map: CareerMap) -> None:
    graph = build_graph(career_map)
    moves = moves_from(graph, "vpoe")
    assert {move.target for move, _ in moves} == {"cto", "cpo", "coo", "ceo"}
    assert {move.kind for move, _ in moves} == {TransitionKind.PROMOTION}


def test_skills_a_technical_program_manager_needs_that_a_product_manager_does_not(
    career_map: CareerMap,
) -> None:
    tpm, pm = career_map.roles["tpm"], career_map.roles["product_manager"]
    technical = {"system_architecture", "cloud_computing", "ai_ml", "programming_languages"}
    delivery = {"program_project_management", "agile_scrum", "risk_management"}
    assert technical | delivery <= set(tpm.skills) - set(pm.skills)
    assert "market_research_ux" in set(pm.skills) - set(tpm.skills)


def test_the_tables_of_001_are_on_the_technical_program_manager(career_map: CareerMap) -> None:
    hard = {
        "cloud_computing",
        "programming_languages",
        "system_architecture",
        "network_security",
        "data_engineering",
        "devops_sre",
    }
    soft = {
        "strategic_thinking",
        "communication",
        "facilitation",
        "stakeholder_management",
        "risk_management",
    }
    tools = {
        "jira_confluence",
        "ci_cd_tools",
        "monitoring_tools",
        "collaboration_tools",
        "iac_tools",
    }
    assert hard | soft | tools <= set(career_map.roles["tpm"].skills)


def test_the_tables_of_002_are_on_the_vpoe(career_map: CareerMap) -> None:
    hard = {
        "cloud_computing",
        "programming_languages",
        "system_architecture",
        "devops_sre",
        "data_engineering",
        "security_compliance",
    }
    soft = {
        "strategic_thinking",
        "communication",
        "leadership_coaching",
        "change_management",
        "budget_finance",
    }
    tools = {
        "ci_cd_tools",
        "monitoring_tools",
        "jira_confluence",
        "collaboration_tools",
        "iac_tools",
        "performance_review_tools",
        "applicant_tracking",
    }
    assert hard | soft | tools <= set(career_map.roles["vpoe"].skills)


@pytest.mark.parametrize(
    "skill",
    [
        "pmp",
        "capm",
        "itil",
        "it_passport",
        "prince2",
        "scrum_master_cert",
        "aws_solutions_architect",
        "icp_acc",
        "product_owner_cert",
    ],
)
def test_each_named_certification_is_a_certification_some_role_asks_for(
    career_map: CareerMap, skill: str
) -> None:
    assert career_map.skills[skill].category is SkillCategory.CERTIFICATION
    assert any(skill in role.skills for role in career_map.roles.values())


def test_004_certifications_are_on_the_pmo_ladder(career_map: CareerMap) -> None:
    asked = set().union(*(r.skills for r in career_map.roles.values() if r.track == "pmo"))
    assert {"pmp", "capm", "itil", "it_passport", "prince2"} <= asked


@pytest.mark.parametrize(
    ("role", "count", "first", "last"),
    [
        (
            "tpm",
            14,
            "負荷分散(ロードバランシング)の主要なアルゴリズムとそのトレードオフを説明してください。",
            "サーバーレスアーキテクチャ(例:AWS Lambda)を導入する際の"
            "技術的なトレードオフを説明してください。",
        ),
        (
            "vpoe",
            15,
            "あなたの組織が抱える最大の技術負債は何ですか?それをどのように戦略的に解消しますか?",
            "FinOpsを組織に導入する具体的なステップと、エンジニアの行動変容を促す方法を教えてください。",
        ),
    ],
)
def test_interview_questions_of_the_articles(
    career_map: CareerMap, role: str, count: int, first: str, last: str
) -> None:
    questions = career_map.roles[role].interview
    assert len(questions) == count
    assert (questions[0].get("ja"), questions[-1].get("ja")) == (first, last)
    for question in questions:
        assert set(question.as_dict()) == {"en", "ja"}
        assert question.get("en").endswith((".", "?"))


def test_only_the_articles_roles_have_interview_questions(career_map: CareerMap) -> None:
    assert {r.id for r in career_map.roles.values() if r.interview} == {"tpm", "vpoe"}


def test_recommended_books_build_the_skills(career_map: CareerMap) -> None:
    def titles(skill: str) -> set[str]:
        return {r.title.get("ja") for r in career_map.skills[skill].resources}

    assert "『SRE サイトリライアビリティエンジニアリング』(Google SREチーム)" in titles(
        "devops_sre"
    )
    assert "『チームトポロジー』(Matthew Skelton、Manuel Pais)" in titles("organization_design")
    assert "『スクラムガイド』" in titles("agile_scrum")
    assert "『Lean Analytics』" in titles("data_analysis")
    assert "『影響力の武器』" in titles("stakeholder_management")
    assert "『ファシリテーションの技術』" in titles("facilitation")


def test_resources_are_cited_bilingual_and_invent_no_address(career_map: CareerMap) -> None:
    resources = [r for s in career_map.skills.values() for r in s.resources]
    assert len(resources) >= 40
    for resource in resources:
        assert set(resource.title.as_dict()) == {"en", "ja"}, resource.title
        assert resource.sources, resource.title
        # the articles give no web addresses
        assert resource.url is None, resource.title


@pytest.mark.parametrize(
    ("alias", "role"),
    [
        ("TPgM", "tpm"),
        ("VPoE", "vpoe"),
        ("EM", "engineering_manager"),
        ("PdM", "product_manager"),
        ("PjM", "project_manager"),
        ("PgM", "program_manager"),
        ("PL", "project_leader"),
        ("PO", "project_owner"),
        ("CS", "customer_support"),
        ("Associate TPM", "associate_tpm"),
        ("テクニカルプログラムマネージャー", "tpm"),
        ("プロダクトマネジャー", "product_manager"),
        ("プロマネ", "project_manager"),
        ("技術プログラムディレクター", "director_program_management"),
        ("Technical Program Director", "director_program_management"),
        ("プログラム管理ディレクター", "program_management_director"),
    ],
)
def test_names_people_type_resolve_through_show(alias: str, role: str) -> None:
    result = CliRunner().invoke(cli, ["--data", str(DEFAULT_DATA), "show", alias, "--json"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert json.loads(result.stdout)["id"] == role


def test_pm_names_both_the_product_and_the_project_manager_and_neither_first() -> None:
    # 000 writes PM for the product manager, 003 for the project manager
    result = CliRunner().invoke(cli, ["--data", str(DEFAULT_DATA), "show", "PM"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "error: 'PM' names several roles, none of them first: product_manager (Product Manager,"
        " track Product Management); project_manager (Project Manager, track Project"
        " Management); name one by its id\n"
    )
    japanese = CliRunner().invoke(cli, ["--data", str(DEFAULT_DATA), "show", "pm", "--lang", "ja"])
    assert (japanese.exit_code, japanese.stdout) == (2, "")
    assert japanese.stderr == (
        "エラー: 'pm'は複数のロールを指し、どれが主とも決まっていません: product_manager"
        "(プロダクトマネージャー、トラック: プロダクトマネジメント)、project_manager"
        "(プロジェクトマネージャー、トラック: プロジェクトマネジメント)。"
        "IDでひとつを指定してください\n"
    )


def test_tpm_is_only_the_id_of_the_technical_program_manager(career_map: CareerMap) -> None:
    # 001 writes TPM for the program manager, 000 for the product manager: no alias claims it
    names = {
        normalize_name(n) for r in career_map.roles.values() for n in (*r.name.all(), *r.aliases)
    }
    assert normalize_name("TPM") not in names
    result = CliRunner().invoke(cli, ["--data", str(DEFAULT_DATA), "show", "TPM", "--json"])
    assert json.loads(result.stdout)["id"] == "tpm"
    # ... and the name says it also means the technical product manager.
    assert result.stderr == (
        "note: 'TPM' is read as Technical Program Manager (tpm); it also names Technical Product"
        " Manager (technical_product_manager)\n"
    )
    japanese = CliRunner().invoke(
        cli, ["--data", str(DEFAULT_DATA), "path", "TPM", "cto", "--lang", "ja", "--json"]
    )
    assert json.loads(japanese.stdout)["from"] == "tpm"
    assert japanese.stderr == (
        "注: 'TPM'はテクニカルプログラムマネージャー(tpm)と読みます。"
        "ほかにテクニカルプロダクトマネージャー(technical_product_manager)も指します\n"
    )
    # Its id names it alone.
    assert CliRunner().invoke(cli, ["--data", str(DEFAULT_DATA), "show", "tpm"]).stderr == ""


def test_every_role_the_articles_name_is_on_the_map(career_map: CareerMap) -> None:
    names = {r.name.get("en") for r in career_map.roles.values()}
    assert {
        "Product Director",
        "VP of Product",
        "CPO (Chief Product Officer)",
        "Director of Program Management",
        "Program Management Director",
        "VP of Operations",
        "COO (Chief Operating Officer)",
        "VP of Engineering Operations",
        "Specialist Technical Program Manager",
        "Project Manager",
        "Project Leader",
        "Project Owner",
        "Customer Support",
    } <= names


# --- a clean map: what a lint of the default data would check -----------------------------


def test_every_skill_track_and_role_is_used(career_map: CareerMap) -> None:
    used = set().union(*(r.skills for r in career_map.roles.values()))
    assert used == set(career_map.skills)
    assert {r.track for r in career_map.roles.values()} == set(career_map.tracks)
    for skill in career_map.skills.values():
        assert set(skill.name.as_dict()) >= {"en", "ja"}, skill.id


def test_every_role_is_reached_from_an_entry_role(career_map: CareerMap) -> None:
    targets = {t.target for t in career_map.transitions}
    entries = set(career_map.roles) - targets
    assert entries == {"junior_developer", "associate_tpm", "product_manager", "customer_support"}
    graph = build_graph(career_map)
    reached = set(entries)
    for entry in entries:
        reached |= nx.descendants(graph, entry)
    assert reached == set(career_map.roles)


def test_only_top_roles_are_dead_ends(career_map: CareerMap) -> None:
    sources = {t.source for t in career_map.transitions}
    assert set(career_map.roles) - sources == {"ceo", "project_owner"}


def test_years_are_plausible(career_map: CareerMap) -> None:
    for role in career_map.roles.values():
        assert 2 <= role.years <= 5, role.id
    for move in career_map.transitions:
        assert 2 <= move.years <= 8, (move.source, move.target)


def test_the_first_question(career_map: CareerMap) -> None:
    graph = build_graph(career_map)
    (best,) = find_routes(graph, "pmo_coordinator", "cto")
    assert best.roles == (
        "pmo_coordinator",
        "pmo_manager",
        "pmo_director",
        "director_program_management",
        "cto_office_strategist",
        "cto",
    )
    assert best.years == 20
    # a business program manager reaches the COO, not the CTO (000's PgM path)
    with pytest.raises(NoRouteError):
        find_routes(graph, "pmo_coordinator", "cto", avoid=["pmo_director"])
    (coo,) = find_routes(graph, "pmo_coordinator", "coo", avoid=["pmo_director"])
    assert coo.roles == (
        "pmo_coordinator",
        "pmo_manager",
        "program_manager",
        "program_management_director",
        "vp_operations",
        "coo",
    )


@pytest.mark.parametrize(
    ("source", "target", "routes"),
    [
        (
            "product_manager",
            "cpo",
            [
                (11, ("product_manager", "product_director", "vp_product", "cpo")),
                (11, ("product_manager", "product_director", "vpoe", "cpo")),
                (
                    18,
                    (
                        "product_manager",
                        "technical_product_manager",
                        "principal_technical_product_manager",
                        "product_director",
                        "vp_product",
                        "cpo",
                    ),
                ),
            ],
        ),
        (
            "junior_developer",
            "cto",
            [
                (
                    17,
                    (
                        "junior_developer",
                        "senior_developer",
                        "tech_lead",
                        "engineering_manager",
                        "vpoe",
                        "cto",
                    ),
                ),
                (
                    21,
                    (
                        "junior_developer",
                        "senior_developer",
                        "tpm",
                        "director_program_management",
                        "cto_office_strategist",
                        "cto",
                    ),
                ),
                (
                    22,
                    (
                        "junior_developer",
                        "senior_developer",
                        "tpm",
                        "director_program_management",
                        "vp_engineering_operations",
                        "cto",
                    ),
                ),
            ],
        ),
    ],
)
def test_the_articles_own_ladders_come_first(
    career_map: CareerMap, source: str, target: str, routes: list[tuple[int, tuple[str, ...]]]
) -> None:
    found = find_routes(build_graph(career_map), source, target, alternatives=2)
    assert [(r.years, r.roles) for r in found] == routes


# --- what the audit (data/audit.tsv) fixed ------------------------------------------------


def test_000s_career_lists_read_as_chains(career_map: CareerMap) -> None:
    moves = {(t.source, t.target): t.basis for t in career_map.transitions}
    chains = [
        ["product_manager", "product_director", "vp_product", "cpo"],
        ["technical_product_manager", "principal_technical_product_manager", "product_director"],
        ["program_manager", "program_management_director", "vp_operations", "coo"],
        ["tpm", "director_program_management", "vp_engineering_operations", "cto"],
        ["pmo_coordinator", "pmo_manager", "pmo_director"],
    ]
    for chain in chains:
        for lower, higher in itertools.pairwise(chain):
            assert moves[lower, higher] == "stated", (lower, higher)
    assert moves["product_director", "vpoe"] == "stated"
    # no shortcut past a station of a list
    for source in ("technical_product_manager", "principal_technical_product_manager"):
        for target in ("vpoe", "vp_product"):
            assert (source, target) not in moves
    assert ("technical_product_manager", "product_director") not in moves
    assert ("program_manager", "coo") not in moves


def test_the_pmo_analyst_rung_is_implied(career_map: CareerMap) -> None:
    basis = {(t.source, t.target): t.basis for t in career_map.transitions}
    assert basis["pmo_coordinator", "pmo_analyst"] == "implied"
    assert basis["pmo_analyst", "pmo_manager"] == "implied"
    assert basis["pmo_coordinator", "pmo_manager"] == "stated"


def test_every_developer_rung_has_a_way_into_the_pmo(career_map: CareerMap) -> None:
    into = {
        t.source: (t.kind, t.basis)
        for t in career_map.transitions
        if t.target in ("pmo_coordinator", "project_management_staff")
    }
    assert into["junior_developer"] == (TransitionKind.CAREER_CHANGE, "stated")
    for rung in ("senior_developer", "tech_lead", "architect"):
        assert into[rung] == (TransitionKind.CAREER_CHANGE, "implied"), rung


def test_000s_duties_are_on_the_roles_000_gives_them_to(career_map: CareerMap) -> None:
    def duties(role: str) -> list[str]:
        return [r.get("ja") for r in career_map.roles[role].responsibilities]

    assert "技術的な実行を管理し、拡張性と効率性を確保する。" in duties("tpm")
    assert "技術的な実現可能性とエンジニアリングロードマップとの整合性を確保する。" in duties("tpm")
    assert "事業と業務執行、すなわちプロジェクトの実行、調整、納品を担当する。" in duties(
        "program_manager"
    )
    assert "エンジニアだけでなく、マーケティング、営業、事業チームとも緊密に連携する。" in duties(
        "product_manager"
    )
    assert "既存の製品を測定・分析し、革新と改善の機会を特定する。" in duties(
        "technical_product_manager"
    )
    # roles the articles only name carry no invented duties
    for role in (
        "vp_engineering_operations",
        "vp_operations",
        "vp_product",
        "product_director",
        "program_management_director",
        "principal_technical_product_manager",
        "cto_office_strategist",
    ):
        assert duties(role) == [], role


def test_the_scale_and_level_texts_are_in_both_languages(career_map: CareerMap) -> None:
    assert sorted(career_map.scale) == [1, 2, 3, 4, 5]
    assert career_map.scale[3].get("en") == "Does it alone"
    assert career_map.scale[3].get("ja") == "一人で実践できる"
    described = {s.id: sorted(s.levels) for s in career_map.skills.values() if s.levels}
    assert described == {
        "leadership_coaching": [2, 3, 4, 5],
        "program_project_management": [1, 2, 3, 4],
    }
    for skill in described:
        for text in career_map.skills[skill].levels.values():
            assert set(text.as_dict()) == {"en", "ja"}
            assert "(00" in text.get("en") and "(記事00" in text.get("ja")
