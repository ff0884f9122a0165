"""Control characters written as escapes: each form, in each text field, through each way in.

The reader refuses raw control characters; these come in decoded from escapes (YAML `"\\e"`,
JSON `"\\u001b"`), so the check that matters is the one on decoded text. Each case must give
exactly one line, `FILE:LINE:COL: PLACE: ...`, naming the character as U+XXXX.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from careergraph.cli import cli
from careergraph.cli.streams import visible_text
from careergraph.errors import DataFileError
from careergraph.load import load_layers, parse_layers, parse_paths
from careergraph.load.characters import visible
from careergraph.load.profile import parse_profile
from careergraph.load.yaml_source import read_yaml
from careergraph.render.text import role_text
from tests.conftest import FIXTURES

SMALL = FIXTURES / "small.yaml"

# Every text field of a data file, as `@name@` where a test writes its value (a double-quoted
# YAML string). Keys are written as `@name@` too: a key that is a text's language, a skill a
# role asks for, a section's own name.
TEMPLATE = """\
version: 1
sources:
  src:
    title: @source_title@
tracks:
  dev:
    name: @track_name@
    description: @track_description@
skills:
  coding:
    name: {en: @skill_name@, @language_key@: Coding}
    category: technical
    description: @skill_description@
    resources:
      - title: @resource_title@
        kind: book
        url: @resource_url@
        note: @resource_note@
roles:
  junior:
    name: @role_name@
    aliases: [@alias@]
    track: dev
    level: 1
    years: 2
    skills: {coding: 2, @skill_key@: 1}
    summary: @summary@
    responsibilities: [@responsibility@]
    interview: [@interview@]
    sources: [src]
    lint: {allow: [dead-end], why: @lint_why@}
  senior:
    name: {en: Senior developer, ja: @role_name_ja@}
    track: dev
    level: 2
    years: 3
    skills: {coding: 4}
transitions:
  - {from: junior, to: senior, kind: promotion, note: @move_note@}
"""

# Field -> (the place messages name, whether a key, whether the text may run over lines, the
# value written when the field is not the one under test).
FIELDS: dict[str, tuple[str, bool, bool, str]] = {
    "source_title": ("sources.src.title", False, False, "Source"),
    "track_name": ("tracks.dev.name", False, False, "Engineering"),
    "track_description": ("tracks.dev.description", False, True, "Builds things"),
    "skill_name": ("skills.coding.name.en", False, False, "Coding"),
    "language_key": ("skills.coding.name", True, False, "ja"),
    "skill_description": ("skills.coding.description", False, True, "Writing code"),
    "resource_title": ("skills.coding.resources[0].title", False, False, "A book"),
    "resource_url": ("skills.coding.resources[0].url", False, False, "https://example.com/a"),
    "resource_note": ("skills.coding.resources[0].note", False, True, "Read it"),
    "role_name": ("roles.junior.name", False, False, "Junior developer"),
    "alias": ("roles.junior.aliases[0]", False, False, "Junior"),
    "skill_key": ("roles.junior.skills", True, False, "planning"),
    "summary": ("roles.junior.summary", False, True, "Writes code"),
    "responsibility": ("roles.junior.responsibilities[0]", False, True, "Fix bugs"),
    "interview": ("roles.junior.interview[0]", False, True, "Why code?"),
    "lint_why": ("roles.junior.lint.why", False, True, "On purpose"),
    "role_name_ja": ("roles.senior.name.ja", False, False, "シニア開発者"),
    "move_note": ("transitions[0].note", False, True, "Usual step"),
}
SKILLS = "  planning:\n    name: Planning\n    category: soft\n"

# YAML's escapes, each with the character it decodes into.
YAML_ESCAPES = [
    ("\\e", "\x1b"),
    ("\\x1b", "\x1b"),
    ("\\u001b", "\x1b"),
    ("\\U0000001b", "\x1b"),
    ("\\x9b", "\x9b"),
    ("\\u009b", "\x9b"),
    ("\\N", "\x85"),
    ("\\x7f", "\x7f"),
    ("\\0", "\x00"),
    ("\\a", "\x07"),
    ("\\b", "\x08"),
    ("\\v", "\x0b"),
    ("\\f", "\x0c"),
    ("\\r", "\r"),
    ("\\n", "\n"),
    ("\\t", "\t"),
    ("\\ud800", "\ud800"),
    ("\\udfff", "\udfff"),
    ("\\ufffe", "\ufffe"),
    ("\\ufdd0", "\ufdd0"),
    ("\\U0010ffff", "\U0010ffff"),
]
# The characters JSON's `\uXXXX` (and its short escapes) can carry.
JSON_CHARACTERS = ["\x1b", "\x9b", "\x85", "\x7f", "\x00", "\r", "\n", "\t", "\ud800", "\uffff"]


def message(field: str, character: str) -> str | None:
    """The one line's message after `FILE:LINE:COL: `; None where the character is allowed."""
    place, key, long_text, _ = FIELDS[field]
    code = f"U+{ord(character):04X}"
    what = "a key" if key else "the text"
    if long_text and character in "\n\t":
        return None
    if character == "\t":
        return f"{place}: a name, id, title or key holds a tab ({code}): use a space"
    if character in "\n\r\x85" and not long_text:
        return (
            f"{place}: a name, id, title or key is one line, but this one holds a line break "
            f"({code})"
        )
    if 0xD800 <= ord(character) <= 0xDFFF:
        return (
            f"{place}: {what} holds half of a surrogate pair ({code}), which is no character on "
            "its own: remove it"
        )
    if ord(character) >= 0xFDD0 and (ord(character) & 0xFFFE == 0xFFFE or ord(character) < 0xFDF0):
        return (
            f"{place}: {what} holds a noncharacter ({code}), which is not for use in text: "
            "remove it"
        )
    return (
        f"{place}: {what} holds a control character ({code}), which could take over a terminal: "
        "remove it"
    )


def yaml_text(field: str, escape: str) -> tuple[str, int, int]:
    """The template with `escape` in `field`; the line and column where that value starts."""
    text = TEMPLATE.replace("skills:\n", "skills:\n" + SKILLS, 1)
    for name, (_, key, _, plain) in FIELDS.items():
        if name != field:
            text = text.replace(f"@{name}@", plain if key else f'"{plain}"')
    before = text[: text.index(f"@{field}@")]
    line, column = before.count("\n") + 1, len(before) - before.rfind("\n")
    return text.replace(f"@{field}@", f'"{FIELDS[field][3]}{escape}"'), line, column


def test_the_plain_template_is_a_valid_map() -> None:
    text, _, _ = yaml_text("role_name", "")
    assert len(parse_paths(text, "plain.yaml").roles) == 2


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize(("escape", "character"), YAML_ESCAPES, ids=[e for e, _ in YAML_ESCAPES])
def test_yaml_escape_in_each_field(field: str, escape: str, character: str) -> None:
    text, line, column = yaml_text(field, escape)
    said = message(field, character)
    if said is None:
        parse_paths(text, "map.yaml")
        return
    with pytest.raises(DataFileError) as caught:
        parse_paths(text, "map.yaml")
    assert caught.value.lines() == [f"map.yaml:{line}:{column}: {said}"]


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("escape", ["\\e", "\\n", "\\ud800"])
def test_yaml_escape_in_each_field_of_an_overlay(field: str, escape: str) -> None:
    # The same entries given after a base map that has none of them: the overlay is named.
    base = (
        "version: 1\ntracks: {ops: {name: Ops}}\nskills: {oncall: {name: On-call, category: soft}}"
        "\nroles: {operator: {name: Operator, track: ops, level: 1, years: 1, skills: {oncall: 1}}}"
        "\n"
    )
    text, line, column = yaml_text(field, escape)
    character = dict(YAML_ESCAPES)[escape]
    said = message(field, character)
    if said is None:
        parse_layers([(base, "base.yaml"), (text, "company.yaml")])
        return
    with pytest.raises(DataFileError) as caught:
        parse_layers([(base, "base.yaml"), (text, "company.yaml")])
    assert caught.value.lines() == [f"company.yaml:{line}:{column}: {said}"]


def json_map(field: str, character: str) -> dict[str, Any]:
    """The template's map as JSON data, with `character` at the end of `field`."""
    text, _, _ = yaml_text(field, "")
    document, problems = read_yaml(text, "plain.yaml")
    assert problems == []
    return _with(document.data, field, character)


def _with(data: dict[str, Any], field: str, character: str) -> dict[str, Any]:
    place, key, _, plain = FIELDS[field]
    parts: list[Any] = []
    for part in re.findall(r"[^.\[\]]+|\[\d+\]", place):
        parts.append(int(part[1:-1]) if part.startswith("[") else part)
    inner = data
    for part in parts[:-1] if not key else parts:
        inner = inner[part]
    if key:
        inner[plain + character] = inner.pop(plain)
    else:
        inner[parts[-1]] = inner[parts[-1]] + character
    return data


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("character", JSON_CHARACTERS, ids=lambda c: f"U+{ord(c):04X}")
def test_json_escape_in_each_field(field: str, character: str) -> None:
    data = json_map(field, character)
    text = json.dumps(data, indent=2, ensure_ascii=True)
    at = text.index(json.dumps(FIELDS[field][3] + character))
    line, column = text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)
    said = message(field, character)
    if said is None:
        parse_paths(text, "map.json")
        return
    with pytest.raises(DataFileError) as caught:
        parse_paths(text, "map.json")
    assert caught.value.lines() == [f"map.json:{line}:{column}: {said}"]


def test_json_raw_c1_and_delete_are_refused_too() -> None:
    # JSON needs only C0 escaped: DEL and the C1 controls may be written raw.
    data = json_map("role_name", "\x9b")
    text = json.dumps(data, indent=2, ensure_ascii=False)
    assert "\x9b" in text
    with pytest.raises(DataFileError) as caught:
        parse_paths(text, "map.json")
    assert [line.split(": ", 1)[1] for line in caught.value.lines()] == [
        message("role_name", "\x9b")
    ]


PROFILE_FIELDS = {"role": ("role", False), "skill_key": ("skills", True)}


@pytest.mark.parametrize("field", PROFILE_FIELDS)
@pytest.mark.parametrize(("escape", "character"), YAML_ESCAPES, ids=[e for e, _ in YAML_ESCAPES])
def test_profile_escape_in_each_field(field: str, escape: str, character: str) -> None:
    career_map = load_layers([SMALL])
    role = f'"junior{escape}"' if field == "role" else "junior"
    skill = f'"coding{escape}"' if field == "skill_key" else "coding"
    text = f"role: {role}\nskills:\n  {skill}: 2\n"
    line, column = (1, 7) if field == "role" else (3, 3)
    place, key = PROFILE_FIELDS[field]
    code = f"U+{ord(character):04X}"
    FIELDS["_profile"] = (place, key, False, "")
    try:
        said = message("_profile", character)
    finally:
        del FIELDS["_profile"]
    with pytest.raises(DataFileError) as caught:
        parse_profile(text, career_map, "me.yaml")
    assert caught.value.lines() == [f"me.yaml:{line}:{column}: {said}"]
    assert code in str(said)


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), prog_name="careergraph", catch_exceptions=False)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_through_the_command_line_each_way_in_gives_one_line_and_exit_2(
    tmp_path: Path, lang: str
) -> None:
    text, line, column = yaml_text("role_name", "\\e]0;owned\\a")
    data = tmp_path / "map.yaml"
    data.write_text(text, encoding="utf-8")
    as_json = tmp_path / "map.json"
    as_json.write_text(json.dumps(json_map("role_name", "\x1b")), encoding="utf-8")
    overlay = tmp_path / "company.yaml"
    overlay.write_text(
        'version: 1\nroles:\n  lead:\n    override: true\n    name: "Lead\\u009b2J"\n',
        encoding="utf-8",
    )
    profile = tmp_path / "me.yaml"
    profile.write_text('role: "junior\\x1b[2J"\n', encoding="utf-8")
    env = {"CAREERGRAPH_LANG": lang}
    said = {
        "en": "roles.junior.name: the text holds a control character (U+001B), which could "
        "take over a terminal: remove it",
        "ja": "roles.junior.name: テキストに制御文字(U+001B)が含まれています。端末を操作される"
        "おそれがあるため取り除いてください",
    }[lang]
    cases = [
        (["validate", str(data)], [f"{data}:{line}:{column}: {said}"]),
        (["validate", str(as_json)], [f"{as_json}:1:{_json_column(as_json)}: {said}"]),
        (
            ["--data", str(SMALL), "--data", str(overlay), "roles"],
            [f"{overlay}:5:11: " + said.replace("junior", "lead").replace("U+001B", "U+009B")],
        ),
        (
            ["--data", str(SMALL), "gap", "--me", str(profile), "lead"],
            [f"{profile}:1:7: " + said.replace("roles.junior.name", "role")],
        ),
    ]
    for args, lines in cases:
        result = CliRunner(env=env).invoke(cli, args, catch_exceptions=False)
        assert (result.exit_code, result.stderr.splitlines(), result.stdout) == (2, lines, "")
        assert "\x1b" not in result.stderr and "\x9b" not in result.stderr


def _json_column(file: Path) -> int:
    text = file.read_text(encoding="utf-8")
    return text.index('"Junior developer\\u001b"') + 1


# -- what reaches a terminal ---------------------------------------------------------------


def test_visible_text_shows_every_control_and_keeps_line_ends() -> None:
    assert visible_text("a\x1b]0;x\x07b\x9bc\x7fd\x00\r\n\te\rf\ud800") == (
        "a\\x1b]0;x\\x07b\\x9bc\\x7fd\\x00\r\n\te\\x0df\\ud800"
    )
    assert visible_text("日本語 \u200b\u202e plain") == "日本語 \u200b\u202e plain"


def test_visible_escapes_what_data_may_not_hold() -> None:
    assert visible("a\x1b\n\t\U0010ffff\ufdd0\U0001f600", keep="\n") == (
        "a\\x1b\n\\x09\\U0010ffff\\ufdd0\U0001f600"
    )


def test_command_line_arguments_never_reach_the_terminal_as_controls() -> None:
    result = run("--data", str(SMALL), "path", "\x1b]0;owned\x07", "lead")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "error: unknown role '\\x1b]0;owned\\x07'\n"


def test_long_texts_keep_line_breaks_and_tabs() -> None:
    text, _, _ = yaml_text("summary", "\\n\\tsecond line")
    career_map = parse_paths(text, "map.yaml")
    assert career_map.roles["junior"].summary is not None
    assert career_map.roles["junior"].summary.get() == "Writes code\n\tsecond line"


def test_every_problem_is_reported_and_later_messages_show_no_raw_control() -> None:
    # A control character in an id also makes it unknown: the message at that place is the one
    # above, and no message anywhere carries the raw character.
    text = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
    text = text.replace("track: dev", 'track: "dev\\e[2J"', 1)
    with pytest.raises(DataFileError) as caught:
        parse_paths(text, "map.yaml")
    assert all("\x1b" not in line for line in caught.value.lines())
    assert [line.split(": ", 2)[1:] for line in caught.value.lines()] == [
        [
            "roles.junior.track",
            "the text holds a control character (U+001B), which could take over a terminal: "
            "remove it",
        ]
    ]


@pytest.mark.parametrize(
    "args",
    [
        ["export", "--format", "graphml", "-o", "{out}/map.graphml"],
        ["export", "--format", "gexf", "-o", "{out}/map.gexf"],
        ["export", "--format", "csv", "-o", "{out}/tables"],
        ["export", "--format", "json", "-o", "{out}/map.json"],
        ["export", "--format", "dot", "-o", "{out}/map.dot"],
        ["export", "--format", "mermaid", "-o", "{out}/map.mmd"],
        ["plan", "junior", "senior", "-o", "{out}/plan.md"],
        ["plan", "junior", "senior", "-o", "{out}/plan.html"],
        ["render", "-o", "{out}/map.html"],
    ],
    ids=lambda args: "-".join(args[:3]),
)
@pytest.mark.parametrize("escape", ["\\0", "\\e", "\\ud800", "\\ufffe"])
def test_no_writer_gets_text_it_cannot_write(tmp_path: Path, args: list[str], escape: str) -> None:
    # Refused at load, a character XML, an encoder or a terminal cannot take never reaches a
    # writer: one line, exit 2, and nothing written.
    text, line, column = yaml_text("role_name", escape)
    data = tmp_path / "map.yaml"
    data.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    result = run("--data", str(data), *(part.format(out=out) for part in args))
    said = message("role_name", dict(YAML_ESCAPES)[escape])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [f"{data}:{line}:{column}: {said}"]
    assert list(out.iterdir()) == []


def test_a_long_text_of_several_lines_stays_under_its_heading_in_show() -> None:
    text, _, _ = yaml_text("summary", "\\nand reviews it")
    text = text.replace('["Fix bugs"]', '["Fix bugs\\nfast"]')
    text = text.replace('["Why code?"]', '["Why?\\nReally?"]')
    career_map = parse_paths(text, "map.yaml")
    shown = role_text(career_map, career_map.roles["junior"], (), (), "en").splitlines()
    assert shown[shown.index("  Writes code") + 1] == "  and reviews it"
    assert shown[shown.index("  - Fix bugs") + 1] == "    fast"
    assert shown[shown.index("  - Why?") + 1] == "    Really?"


def test_a_real_terminal_is_sent_no_control_character(tmp_path: Path) -> None:
    # Through a pseudo-terminal, as a user's shell runs it: the escape in the argument comes back
    # visible, on stderr, and the terminal never receives an ESC or BEL byte.
    import os
    import pty
    import subprocess
    import sys

    controller, terminal = pty.openpty()
    env = {**os.environ, "CAREERGRAPH_CACHE_DIR": str(tmp_path / "cache")}
    try:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "careergraph",
                "--data",
                str(SMALL),
                "path",
                "\x1b]0;owned\x07x",
                "lead",
            ],
            stdin=terminal,
            stdout=terminal,
            stderr=terminal,
            env=env,
            check=False,
            timeout=60,
        )
        os.close(terminal)
        received = b""
        while True:
            try:
                chunk = os.read(controller, 4096)
            except OSError:  # the terminal closed: everything was read
                break
            if not chunk:
                break
            received += chunk
    finally:
        os.close(controller)
    assert done.returncode == 2
    assert received.decode("utf-8").splitlines() == ["error: unknown role '\\x1b]0;owned\\x07x'"]
    assert b"\x1b" not in received and b"\x07" not in received
