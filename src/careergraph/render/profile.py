"""A starter profile (`me.yaml`) for someone in a role, commented so it can be edited by hand."""

from __future__ import annotations

from typing import Any

from careergraph.catalogue import say
from careergraph.model import CareerMap, Profile, Role


def _comment(text: str) -> str:
    """Text safe inside a YAML comment: one line."""
    return " ".join(text.split())


def starter_profile(career_map: CareerMap, role: Role, lang: str) -> str:
    """A commented profile for someone in `role`, with the role's skill levels as a start."""
    name = _comment(role.name.get(lang))
    lines = [
        say(
            lang,
            "# careergraph profile: where you stand on the career map.\n"
            "# Use it with --me: careergraph gap --me me.yaml TO, path --me me.yaml TO,\n"
            "# reach --me me.yaml --within 5, plan --me me.yaml TO.\n",
        ),
        say(
            lang,
            "# Your current role: its id, any of its names, or an alias (`careergraph roles`).",
        ),
        f"role: {role.id}  # {name}",
        "",
        say(lang, "# Years already spent in that role; routes take them off their first move."),
        "years_in_role: 0",
        "",
        say(
            lang,
            "# Your own skill levels, 0 (none) to 5. They start as what a {role} typically has:\n"
            "# raise, lower or add skills (ids from `careergraph show ROLE --json`) to match you.",
            role=name,
        ),
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


def profile_data(profile: Profile) -> dict[str, Any]:
    """A profile as the JSON outputs report it."""
    return {
        "file": profile.path,
        "role": profile.role,
        "skills": dict(profile.skills),
        "years_in_role": profile.years_in_role,
    }
