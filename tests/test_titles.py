"""Shared titles: one title on several ladders, each role named alone by title and track."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from careergraph.cli import cli
from careergraph.errors import AmbiguousRoleError
from careergraph.load import load_paths
from careergraph.query import find_role
from tests.conftest import FIXTURES

LADDERS = str(FIXTURES / "titles" / "ladders.yaml")


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["--data", LADDERS, *args], catch_exceptions=False)


def test_a_shared_title_lists_every_role_with_its_id_and_track() -> None:
    result = run("show", "Senior Engineer")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "error: 'Senior Engineer' names several roles, none of them first: senior_backend_engineer"
        " (Senior Backend Engineer, track Backend); senior_data_engineer (Senior Data Engineer,"
        " track Data); senior_frontend_engineer (Senior Frontend Engineer, track Frontend); name"
        " one by its id or by its title and track, as 'Senior Engineer (Backend)'\n"
    )
    ja = run("gap", "backend_engineer", "シニアエンジニア", "--lang", "ja")
    assert ja.exit_code == 2
    assert ja.stderr == (
        "エラー: 'シニアエンジニア'は複数のロールを指し、どれが主とも決まっていません:"
        " senior_backend_engineer(シニアバックエンドエンジニア、トラック: バックエンド)、"
        "senior_frontend_engineer(シニアフロントエンドエンジニア、トラック: フロントエンド)。"
        "IDか、肩書きとトラック('シニアエンジニア(バックエンド)'のように)でひとつを指定してください\n"
    )


@pytest.mark.parametrize(
    ("name", "role"),
    [
        ("Senior Engineer (Frontend)", "senior_frontend_engineer"),
        ("senior engineer (backend)", "senior_backend_engineer"),
        ("Data Senior Engineer", "senior_data_engineer"),
        ("シニアエンジニア(バックエンド)", "senior_backend_engineer"),
        ("フロントエンド シニアエンジニア", "senior_frontend_engineer"),
    ],
)
def test_title_and_track_name_one_role(name: str, role: str) -> None:
    assert find_role(load_paths(LADDERS), name).id == role


def test_the_library_raises_with_the_candidates() -> None:
    with pytest.raises(AmbiguousRoleError) as caught:
        find_role(load_paths(LADDERS), "senior engineer")
    assert caught.value.candidates == (
        "senior_backend_engineer",
        "senior_data_engineer",
        "senior_frontend_engineer",
    )


def test_show_says_the_title_and_who_shares_it() -> None:
    lines = run("show", "senior_data_engineer").stdout.splitlines()
    assert lines[2] == (
        "  title: Senior Engineer, shared with Senior Backend Engineer, Senior Frontend Engineer"
    )
    ja = run("show", "Backend Senior Engineer", "--lang", "ja").stdout.splitlines()
    assert ja[2] == (
        "  肩書き: シニアエンジニア(Senior Data Engineer、シニアフロントエンドエンジニアと共通)"
    )
    data = json.loads(run("show", "senior_backend_engineer", "--json").stdout)
    assert data["title"] == "Senior Engineer"
    assert json.loads(run("show", "backend_engineer", "--json").stdout)["title"] is None


BAD = FIXTURES / "titles" / "bad.yaml"


def test_a_title_two_roles_of_one_track_share_or_another_roles_name_is_refused(
    tmp_path: Path,
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(BAD.read_bytes())
    result = CliRunner().invoke(cli, ["validate", str(bad)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{bad}:9:37: roles.senior_b.title: 'Senior Engineer (Backend)' already names role"
        " 'senior_a' (line 8): two roles of one track cannot share a title",
        f"{bad}:10:29: roles.lead.title: the title 'Staff Engineer' is a name of role 'staff'"
        " (line 7); a title may be shared by the roles that carry it, not by another's name",
    ]
    ja = CliRunner().invoke(cli, ["validate", str(bad), "--lang", "ja"])
    assert ja.stderr.splitlines() == [
        f"{bad}:9:37: roles.senior_b.title: 'Senior Engineer (Backend)'はすでにロール'senior_a'を"
        "指しています(8行目)。同じトラックの2つのロールが肩書きを共有することはできません",
        f"{bad}:10:29: roles.lead.title: 肩書き'Staff Engineer'はロール'staff'の名前です(7行目)。"
        "肩書きはそれを持つロールどうしでは共有できますが、ほかのロールの名前とは重ねられません",
    ]


def test_the_map_finds_a_role_by_title_and_track(tmp_path: Path) -> None:
    out = tmp_path / "map.html"
    assert run("render", "-o", str(out)).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert '"Senior Engineer (Frontend)"' in page
    assert '"title": "Senior Engineer"' in page or '"title":"Senior Engineer"' in page


def test_one_title_on_two_tracks_of_one_name_says_the_tracks_share_a_name(tmp_path: Path) -> None:
    # An overlay's "Engineering" ladder beside the base's: the title with either track's name is
    # the same, and the fix is a track's name, not the title.
    data = tmp_path / "two.yaml"
    data.write_text(
        "version: 1\n"
        "tracks:\n"
        "  web: {name: Engineering}\n"
        "  app: {name: Engineering}\n"
        "skills:\n"
        "  coding: {name: Coding, category: technical}\n"
        "roles:\n"
        "  web_lead: {name: Web, title: Tech Lead, track: web, level: 1, skills: {coding: 3}}\n"
        "  app_lead: {name: App, title: Tech Lead, track: app, level: 1, skills: {coding: 3}}\n"
        "transitions: []\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["validate", str(data)])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [
        f"{data}:9:32: roles.app_lead.title: 'Tech Lead (Engineering)' already names role"
        " 'web_lead' (line 8): their tracks share a name: rename one of the tracks",
    ]
    ja = CliRunner().invoke(cli, ["validate", str(data), "--lang", "ja"])
    assert ja.stderr.splitlines() == [
        f"{data}:9:32: roles.app_lead.title: 'Tech Lead (Engineering)'はすでにロール'web_lead'を"
        "指しています(8行目)。2つのトラックの名前が同じです。"
        "どちらかのトラックの名前を変えてください",
    ]


def test_a_title_without_a_language_goes_with_each_of_the_tracks_names() -> None:
    # "Tech Lead" is written once; the track is "Developer Experience" and 開発者体験.
    career_map = load_paths(FIXTURES / "frameworks" / "career_ladders.yaml")
    role = career_map.roles["ladders_dx_tech_lead"]
    assert role.titled_names(career_map.tracks[role.track]) == [
        "Tech Lead (Developer Experience)",
        "Developer Experience Tech Lead",
        "Tech Lead (開発者体験)",
        "開発者体験 Tech Lead",
    ]
    assert find_role(career_map, "Tech Lead(開発者体験)").id == "ladders_dx_tech_lead"
