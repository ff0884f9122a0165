"""A starter profile (`me.yaml`) for someone in a role, commented so it can be edited by hand."""

from __future__ import annotations

from careergraph.model import CareerMap, Role

_HEADER = {
    "en": """\
# careergraph profile: where you stand on the career map.
# Use it with --me: careergraph gap --me me.yaml TO, path --me me.yaml TO,
# reach --me me.yaml --within 5, plan --me me.yaml TO.
""",
    "ja": """\
# careergraph プロフィール: キャリアマップ上の今の自分。
# --me で使います: careergraph gap --me me.yaml TO、path --me me.yaml TO、
# reach --me me.yaml --within 5、plan --me me.yaml TO。
""",
}
_ROLE = {
    "en": "# Your current role: its id, any of its names, or an alias (`careergraph roles`).",
    "ja": "# 今のロール: ID、いずれかの名前、または別名(`careergraph roles` で一覧)。",
}
_YEARS = {
    "en": "# Years already spent in that role; routes take them off their first move.",
    "ja": "# そのロールでの経験年数。ルートの最初の移動から差し引かれます。",
}
_SKILLS = {
    "en": """\
# Your own skill levels, 0 (none) to 5. They start as what a {role} typically has:
# raise, lower or add skills (ids from `careergraph show ROLE --json`) to match you.""",
    "ja": """\
# 自分のスキルレベル(0=なし〜5)。最初は{role}の標準的なレベルです。
# 自分に合わせて上げ下げ・追加してください(IDは `careergraph show ROLE --json` で確認)。""",
}


def _comment(text: str) -> str:
    """Text safe inside a YAML comment: one line."""
    return " ".join(text.split())


def starter_profile(career_map: CareerMap, role: Role, lang: str) -> str:
    """A commented profile for someone in `role`, with the role's skill levels as a start."""
    words = lang if lang in _HEADER else "en"
    name = _comment(role.name.get(lang))
    lines = [
        _HEADER[words],
        _ROLE[words],
        f"role: {role.id}  # {name}",
        "",
        _YEARS[words],
        "years_in_role: 0",
        "",
        _SKILLS[words].format(role=name),
    ]
    skills = sorted(role.skills.items(), key=lambda s: (-s[1], s[0]))
    if skills:
        lines.append("skills:")
        lines += [
            f"  {skill}: {level}  # {_comment(career_map.skills[skill].name.get(lang))}"
            for skill, level in skills
        ]
    else:
        lines.append("skills: {}")
    return "\n".join(lines) + "\n"
