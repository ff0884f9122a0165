"""Every command in Japanese: headings, lint findings and the errors users meet, through the CLI."""

from __future__ import annotations

import gettext
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from careergraph.cli import cli
from careergraph.errors import CareerGraphError, DataFileError
from careergraph.files import write_file
from careergraph.graph import build_graph
from careergraph.lint import lint
from careergraph.load import load_paths
from careergraph.load.profile import load_profile
from careergraph.query import find_role, find_routes
from tests.conftest import FIXTURES

LANGUAGE = FIXTURES / "language"
LADDER = str(FIXTURES / "plan" / "ladder.yaml")
SMALL = str(FIXTURES / "small.yaml")
SIMILAR = str(FIXTURES / "compare" / "similar.yaml")


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


def golden(name: str) -> str:
    return (LANGUAGE / name).read_text(encoding="utf-8")


# -- the library's words: from the catalogue, so the CLI can say them in any language ------


@pytest.mark.parametrize("fixture", sorted((FIXTURES / "lint").glob("*.yaml")), ids=str)
def test_lint_findings_carry_catalogue_words(fixture: Path) -> None:
    career_map = load_paths(fixture)
    for finding in lint(career_map, build_graph(career_map)):
        assert finding.words is not None


def test_errors_carry_catalogue_words(tmp_path: Path) -> None:
    career_map = load_paths(SMALL)
    graph = build_graph(career_map)
    blocker = tmp_path / "taken"
    blocker.write_text("", encoding="utf-8")
    attempts: list[Callable[[], object]] = [
        lambda: find_role(career_map, "senoir"),
        lambda: find_role(career_map, "zzz"),
        lambda: find_routes(graph, "lead", "junior"),
        lambda: find_routes(
            graph, "junior", "lead", via=["manager"], avoid=["senior"], max_steps=1
        ),
        lambda: find_routes(graph, "junior", "junior"),
        lambda: find_routes(graph, "junior", "lead", max_steps=0),
        lambda: find_routes(graph, "junior", "lead", alternatives=-1),
        lambda: write_file(blocker / "map.html", "", what="the map"),
        lambda: write_file(tmp_path, ""),
    ]
    for attempt in attempts:
        with pytest.raises(CareerGraphError) as caught:
            attempt()
        assert caught.value.words is not None


@pytest.mark.parametrize("name", ["nowhere.yaml", "folder"])
def test_file_problems_carry_catalogue_words(tmp_path: Path, name: str) -> None:
    (tmp_path / "folder").mkdir()
    with pytest.raises(DataFileError) as caught:
        load_paths(tmp_path / name)
    (problem,) = caught.value.problems
    assert problem.words is not None


# -- commands ---------------------------------------------------------------------------------


def test_show_in_japanese_lists_interview_questions() -> None:
    result = run("--data", LADDER, "show", "manager", "--lang", "ja")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == golden("show-manager.ja.txt")


def test_show_in_english_lists_interview_questions() -> None:
    result = run("--data", LADDER, "show", "PMO manager")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == golden("show-manager.en.txt")


def test_show_json_has_interview_questions_and_resources_in_the_language() -> None:
    result = run("--data", LADDER, "show", "manager", "--json", "--lang", "ja")
    data = json.loads(result.stdout)
    assert data["interview"] == [
        "遅れているプロジェクトをどう報告しますか?",
        "How do you pick a tool for the office?",
    ]
    planning = data["skills"][0]
    assert planning["skill"] == "planning"
    assert planning["resources"] == [
        {
            "title": "アート・オブ・プロジェクトマネジメント",
            "kind": "book",
            "url": None,
            "note": "計画は2〜4章",
            "sources": ["guide"],
        },
        {
            "title": "PMO community meetup",
            "kind": "community",
            "url": "https://example.org/pmo-meetup",
            "note": None,
            "sources": [],
        },
    ]


def test_similar_in_japanese() -> None:
    result = run("--data", SIMILAR, "similar", "engineer", "--suggest", "-n", "2", "--lang", "ja")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == golden("similar-engineer.ja.txt")


def test_similar_in_japanese_with_nothing_to_suggest() -> None:
    result = run("--data", SIMILAR, "similar", "Analyst", "--suggest", "-n", "1", "--lang", "ja")
    assert result.exit_code == 0
    assert result.stdout.endswith(
        "\nAnalystから提案する移動はありません: 近いロールへの移動はすべてデータにあります。\n"
    )


def test_diff_in_japanese(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES / "compare")
    result = run("diff", "old.yaml", "new.yaml", "--lang", "ja")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == golden("diff.ja.txt")


def test_diff_follows_the_language_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES / "compare")
    result = run("diff", "old.yaml", "old.yaml", env={"CAREERGRAPH_LANG": "ja"})
    assert result.stdout == "old.yamlとold.yamlに違いはありません。\n"
    result = run("diff", "old.yaml", "new.yaml", "--limit", "1", env={"LANG": "ja_JP.UTF-8"})
    assert result.stdout.endswith("\n  …ほか6件(--limitで表示する件数を変えられます)\n")


def test_lint_in_japanese() -> None:
    fixture = "tests/fixtures/lint/explained.yaml"
    result = run("lint", "--explained", "--lang", "ja", str(FIXTURES / "lint" / "explained.yaml"))
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.replace(str(FIXTURES / "lint" / "explained.yaml"), fixture) == (
        f"{fixture}:9:3: 警告 [dead-end] roles.senior: 'Senior developer'から先への移動が"
        "ありませんが、最上位のロールではありません(トラック'dev'はレベル3まであります)\n"
        "  説明済み: Senior is a career level: most people stay, and the lead role is hired "
        "from outside.\n"
        "OK: 指摘なし(うち1件はデータで説明済み)\n"
    )


def test_lint_error_and_years_outlier_in_japanese(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES / "lint")
    result = run("lint", "unknown_allow.yaml", "--lang", "ja")
    assert (result.exit_code, result.stderr) == (1, "")
    assert result.stdout == (
        "unknown_allow.yaml:15:11: エラー [unknown-allow] roles.senior: lintの許可にある"
        "'dead-ends'というコードはありません — 'dead-end'のことですか?\n"
        "エラー1件、警告0件\n"
    )
    result = run("lint", "years_outlier.yaml", env={"CAREERGRAPH_LANG": "ja"})
    assert result.stdout == (
        "years_outlier.yaml:21:48: 警告 [years-outlier] transitions 'r4' -> 'r5': "
        "30年は移動の第3四分位数(3.62年)の3倍を超えています\n"
        "エラー0件、警告1件\n"
    )


# -- errors -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "env", "stderr"),
    [
        (
            ["path", "--bogus", "--lang", "ja"],
            {},
            "エラー: オプション'--bogus'はありません('careergraph path --help'を参照)\n",
        ),
        (
            ["gap", "--lang=ja"],
            {},
            "エラー: 引数がありません: '[FROM]'('careergraph gap --help'を参照)\n",
        ),
        (
            ["path", "-k", "x", "junior", "lead", "--lang", "ja"],
            {},
            "エラー: '-k' / '--alternatives'の値が正しくありません: 'x'は正しいinteger range"
            "ではありません('careergraph path --help'を参照)\n",
        ),
        (
            ["zzz"],
            {"CAREERGRAPH_LANG": "ja"},
            "エラー: コマンド'zzz'はありません('careergraph --help'を参照)\n",
        ),
        (
            ["zzz"],
            {"LANG": "ja_JP.UTF-8"},
            "エラー: コマンド'zzz'はありません('careergraph --help'を参照)\n",
        ),
        (
            ["zzz", "--lang", "en"],
            {"LANG": "ja_JP.UTF-8"},
            "error: No such command 'zzz' (see 'careergraph --help')\n",
        ),
    ],
)
def test_clicks_own_messages_follow_the_language(
    args: list[str], env: dict[str, str], stderr: str
) -> None:
    env = {"CAREERGRAPH_LANG": "", "LANG": "", "LC_ALL": "", **env}
    result = CliRunner().invoke(cli, args, env=env, prog_name="careergraph")
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", stderr)


def test_help_in_japanese_has_clicks_headings_in_japanese() -> None:
    result = run("next", "--help", "--lang", "ja")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.startswith("使い方: cli next [OPTIONS] ROLE\n")
    assert "\nオプション:\n" in result.stdout
    assert "このヘルプを表示して終了します。" in result.stdout


def test_the_language_is_put_back_after_a_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANGUAGE", "fr")
    assert gettext.textdomain() == "messages"
    run("zzz", "--lang", "ja")
    assert (os.environ["LANGUAGE"], gettext.textdomain()) == ("fr", "messages")
    assert gettext.gettext("Usage:") == "Usage:"


def test_words_click_keeps_are_said_in_each_runs_language(tmp_path: Path) -> None:
    # click words a help option and a path's kind once; each run still says them in its own.
    said = [("ja", "このヘルプを表示して終了します。"), ("en", "Show this message")]
    for lang, help_line in said:
        result = run("next", "--help", "--lang", lang)
        assert help_line in result.stdout
    for lang, folder in [("ja", f"ファイル'{tmp_path}'はフォルダです"), ("en", "File '")]:
        result = run("validate", str(tmp_path), "--lang", lang)
        assert folder in result.stderr


@pytest.mark.parametrize(
    ("args", "code", "stderr"),
    [
        (
            ["show", "senoir"],
            2,
            "エラー: 'senoir'というロールはありません — 'senior'のことですか?\n",
        ),
        (["gap", "junior", "nobody"], 2, "エラー: 'nobody'というロールはありません\n"),
        (
            ["roles", "--track", "dve"],
            2,
            "エラー: 'dve'というトラックはありません — 'dev'のことですか?\n",
        ),
        (["path", "lead", "junior"], 1, "エラー: 'lead'から'junior'へのルートはありません\n"),
        (
            ["path", "junior", "lead", "--avoid", "senior", "--max-steps", "1"],
            1,
            "エラー: 'junior'から'lead'へのルートはありません(回避: senior、1回以内の移動)。"
            "最短のルートは3回の移動です\n",
        ),
        (
            ["path", "junior", "junior"],
            2,
            "エラー: 'junior'が出発点と目標の両方になっています: "
            "異なる2つのロールを指定してください"
            "(そこから開いている移動: careergraph next junior)\n",
        ),
        (
            ["path", "junior", "lead", "--avoid", "junior"],
            2,
            "エラー: 'junior'を避けつつルートに含めることはできません\n",
        ),
        (
            ["export", "--format", "dot", "--table", "roles"],
            2,
            "エラー: --tableは--format csvのときだけ使えます('dot'では使えません)\n",
        ),
        (
            ["export", "--format", "json", "--json"],
            2,
            "エラー: --jsonは書き出したファイルを報告します: -oも指定してください\n",
        ),
    ],
)
def test_errors_in_japanese(args: list[str], code: int, stderr: str) -> None:
    result = run("--data", SMALL, *args, "--lang", "ja")
    assert (result.exit_code, result.stdout, result.stderr) == (code, "", stderr)


def test_the_same_errors_stay_english_without_a_language() -> None:
    result = run("--data", SMALL, "path", "junior", "lead", "--avoid", "senior", "--max-steps", "1")
    assert result.stderr == (
        "error: no route from 'junior' to 'lead' (avoiding senior; in at most 1 step);"
        " the shortest route takes 3 steps\n"
    )


def test_a_missing_data_file_in_japanese(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.yaml"
    result = run("roles", "--data", str(missing), "--lang", "ja")
    assert (result.exit_code, result.stderr) == (
        2,
        f"{missing}: ファイルを読めません: ファイルまたはフォルダがありません\n",
    )


def test_a_missing_data_file_follows_a_japanese_locale(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.yaml"
    result = run("validate", str(missing), env={"LC_ALL": "ja_JP.UTF-8"})
    assert (result.exit_code, result.stderr) == (
        2,
        f"{missing}: ファイルを読めません: ファイルまたはフォルダがありません\n",
    )


def test_a_missing_profile_in_japanese(tmp_path: Path) -> None:
    missing = tmp_path / "me.yaml"
    result = run("--data", LADDER, "reach", "--me", str(missing), "--within", "3", "--lang", "ja")
    assert (result.exit_code, result.stderr) == (
        2,
        f"{missing}: ファイルを読めません: ファイルまたはフォルダがありません\n",
    )


def test_an_output_error_in_japanese(tmp_path: Path) -> None:
    result = run("--data", SMALL, "export", "--format", "json", "-o", str(tmp_path), "--lang", "ja")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"エラー: '{tmp_path}'はフォルダです: その中のファイル名を指定するか、"
        "末尾に/を付けるとその中にcareergraph.jsonを書き出します\n"
    )


# -- data-file problems -----------------------------------------------------------------------

BROKEN = sorted((FIXTURES / "broken").glob("*.yaml")) + sorted(
    (FIXTURES / "overlay").glob("*.yaml")
)


@pytest.mark.parametrize("fixture", BROKEN, ids=str)
def test_every_file_problem_carries_catalogue_words(fixture: Path) -> None:
    try:
        load_paths(fixture)
    except DataFileError as error:
        assert [p for p in error.problems if p.words is None] == []


@pytest.mark.parametrize("name", ["unknown_key", "unknown_role", "unknown_skill"])
def test_profile_problems_carry_catalogue_words(name: str) -> None:
    with pytest.raises(DataFileError) as caught:
        load_profile(FIXTURES / "profile" / f"{name}.yaml", load_paths(LADDER))
    (problem,) = caught.value.problems
    assert problem.words is not None


def test_common_data_file_problems_in_japanese(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES / "broken")
    result = run("--data", "several.yaml", "roles", "--lang", "ja")
    assert (result.exit_code, result.stdout) == (2, "")
    # The choices are pydantic's own list, in English like the system's reasons.
    assert result.stderr == (
        "several.yaml:12:12: roles.junior.track: 'devv'というトラックはありません"
        " — 'dev'のことですか?\n"
        "several.yaml:19:12: roles.senior.level: 1以上にしてください(書かれていたのは0)\n"
        "several.yaml:23:38: transitions[0].kind: 'jump'は'promotion', 'lateral'"
        " or 'career_change'のどれでもありません\n"
    )
    result = run("validate", "missing_key.yaml", "--lang", "ja")
    assert (result.exit_code, result.stderr) == (
        2,
        "missing_key.yaml:11:5: roles.junior: 必須のキー'level'がありません\n",
    )


def test_profile_problems_in_japanese(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES / "broken_profiles")
    expected = {
        "unknown_key": "unknown_key.yaml:2:1: 最上位: 'years'というキーはありません"
        "(使えるキー: role, years_in_role, skills)\n",
        "unknown_role": "unknown_role.yaml:1:7: role: 'PMO manger'というロールはありません"
        " — 'manager'のことですか?\n",
        "unknown_skill": "unknown_skill.yaml:3:3: skills.codng: 'codng'という"
        "スキルはありません — 'coding'のことですか?\n",
    }
    for name, stderr in expected.items():
        result = run(
            "--data", SMALL, "reach", "--me", f"{name}.yaml", "--within", "2", "--lang", "ja"
        )
        assert (result.exit_code, result.stderr) == (2, stderr)


def test_validate_says_ok_in_the_language_asked() -> None:
    result = run("validate", SMALL, "--lang", "ja")
    assert (result.exit_code, result.stdout) == (0, "OK: ロール5件、移動6件\n")


def test_lang_before_the_command_applies_to_it_and_the_commands_own_wins() -> None:
    small = str(FIXTURES / "small.yaml")
    before = CliRunner().invoke(cli, ["--lang", "ja", "--data", small, "show", "nobody"])
    assert (before.exit_code, before.stderr.startswith("エラー: ")) == (2, True)
    both = CliRunner().invoke(
        cli, ["--lang", "ja", "--data", small, "show", "nobody", "--lang", "en"]
    )
    assert (both.exit_code, both.stderr.startswith("error: ")) == (2, True)
    bad = CliRunner().invoke(cli, ["--lang", "xx", "show", "cto"], prog_name="careergraph")
    assert (bad.exit_code, bad.stderr) == (
        2,
        "error: Invalid value for '--lang': 'xx' is not one of 'en', 'ja' "
        "(see 'careergraph --help')\n",
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b"roles:\x00",
            "1:7: ファイルにバイナリデータ(NULバイト)があり、YAMLのテキストではありません",
        ),
        (
            "役割: 部長\n".encode("cp932"),
            "1:1: ファイルはShift_JIS(cp932)のようです。UTF-8で保存してください",
        ),
        (
            b"roles: \xff\n",
            "1:8: ファイルがUTF-8のテキストではありません(バイト0xFF)。UTF-8で保存してください",
        ),
    ],
)
def test_a_file_that_is_not_utf8_text_is_said_in_japanese(
    tmp_path: Path, content: bytes, message: str
) -> None:
    file = tmp_path / "map.yaml"
    file.write_bytes(content)
    result = run("validate", str(file), "--lang", "ja")
    assert (result.exit_code, result.stderr) == (2, f"{file}:{message}\n")


def test_the_size_limit_is_said_in_japanese(tmp_path: Path) -> None:
    file = tmp_path / "map.yaml"
    file.write_text("roles: {}\n", encoding="utf-8")
    result = run("validate", str(file), "--lang", "ja", env={"CAREERGRAPH_MAX_MB": "x"})
    assert result.stderr == (
        f"{file}: CAREERGRAPH_MAX_MBが'x'です: サイズの上限は1から100,000までの整数"
        "(メガバイト単位)で指定してください\n"
    )


def test_a_bad_number_of_years_is_said_in_japanese() -> None:
    result = run("--data", SMALL, "reach", "junior", "--within", "inf", "--lang", "ja")
    assert (result.exit_code, result.stderr) == (
        2,
        "エラー: '--within'の値が正しくありません: infは有限の年数ではありません"
        "('cli reach --help'を参照)\n",
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "1:1: ファイルが空です"),
        (
            "roles:\n\tjunior: {}\n",
            "2:1: 字下げにタブが使われています: YAMLではスペースで字下げします",
        ),
        ("a: 1\na: 2\n", "2:1: キー'a'が重複しています(最初は1行目)"),
        (
            "a: &x 1\n",
            "1:4: YAMLのアンカーとエイリアス(&name、*name)は使えません: 値をそのまま書いてください",
        ),
    ],
)
def test_yaml_mistakes_are_said_in_japanese(tmp_path: Path, text: str, message: str) -> None:
    file = tmp_path / "map.yaml"
    file.write_text(text, encoding="utf-8")
    result = run("validate", str(file), "--lang", "ja")
    assert result.exit_code == 2
    assert f"{file}:{message}\n" in result.stderr
