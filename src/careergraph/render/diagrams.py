"""Diagram text: Mermaid flowcharts (GitHub Markdown) and Graphviz DOT, grouped by track."""

from __future__ import annotations

from careergraph.model import CareerMap, Transition, TransitionKind
from careergraph.render.messages import MARKS, estimated, say
from careergraph.render.text import years

# Mermaid arrows by kind: promotions solid, lateral moves dotted, career changes thick.
_MERMAID_ARROW = {
    TransitionKind.PROMOTION: "-->",
    TransitionKind.LATERAL: "-.->",
    TransitionKind.CAREER_CHANGE: "==>",
}
_DOT_STYLE = {
    TransitionKind.PROMOTION: "solid",
    TransitionKind.LATERAL: "dashed",
    TransitionKind.CAREER_CHANGE: "dotted",
}
# Mermaid entity codes: `#` first, since every other replacement introduces one.
_MERMAID_ENTITIES = [
    ("#", "#35;"),
    ('"', "#quot;"),
    ("&", "#amp;"),
    ("<", "#lt;"),
    (">", "#gt;"),
    ("`", "#96;"),
]


def _mermaid_label(text: str) -> str:
    for raw, code in _MERMAID_ENTITIES:
        text = text.replace(raw, code)
    return '"' + " ".join(text.split()) + '"'


def _mermaid_id(kind: str, id_: str) -> str:
    """A prefixed id: never a Mermaid keyword (`end`, `graph`) nor an arrow-like `o`/`x` start."""
    return f"{kind}_{id_}"


def mermaid(career_map: CareerMap, lang: str) -> str:
    """A Mermaid `flowchart`, one subgraph per track, lowest levels at the bottom."""
    out = ["flowchart BT"]
    tracks = sorted({role.track for role in career_map.roles.values()})
    for track in tracks:
        name = career_map.tracks[track].name.get(lang)
        out.append(f"  subgraph {_mermaid_id('track', track)}[{_mermaid_label(name)}]")
        for role in career_map.roles_in_track(track):
            label = _mermaid_label(role.name.get(lang))
            out.append(f"    {_mermaid_id('role', role.id)}[{label}]")
        out.append("  end")
    for move in sorted(career_map.transitions, key=lambda t: (t.source, t.target)):
        arrow = _MERMAID_ARROW[move.kind]
        label = _mermaid_label(_move_label(move, lang))
        out.append(
            f"  {_mermaid_id('role', move.source)} {arrow}|{label}|"
            f" {_mermaid_id('role', move.target)}"
        )
    return "\n".join(out) + "\n"


def _move_label(move: Transition, lang: str) -> str:
    """A move's years as its arrow says them: ~2y when estimated, and marked when implied."""
    label = estimated(years(move.years), move.years_estimated, lang)
    if move.basis == "stated":
        return label
    return say(lang, "{kind} ({marks})", kind=label, marks=say(lang, MARKS[move.basis]))


def _dot_string(text: str) -> str:
    """A DOT double-quoted string: backslashes and quotes escaped, line breaks as \\n."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n") + '"'


def _dot_flag(value: bool) -> str:
    return "true" if value else "false"


def dot(career_map: CareerMap, lang: str) -> str:
    """A Graphviz digraph, one cluster per track; ids are the role ids, labels the names."""
    out = [
        "digraph careergraph {",
        "  rankdir=BT;",
        '  node [shape=box, style=rounded, fontname="Noto Sans CJK JP"];',
    ]
    tracks = sorted({role.track for role in career_map.roles.values()})
    for track in tracks:
        out.append(f"  subgraph {_dot_string('cluster_' + track)} {{")
        out.append(f"    label={_dot_string(career_map.tracks[track].name.get(lang))};")
        for role in career_map.roles_in_track(track):
            out.append(
                f"    {_dot_string(role.id)} [label={_dot_string(role.name.get(lang))}, "
                f"track={_dot_string(role.track)}, level={role.level}, years={role.years:g}, "
                f"years_estimated={_dot_flag(role.years_estimated)}];"
            )
        out.append("  }")
    for move in sorted(career_map.transitions, key=lambda t: (t.source, t.target)):
        out.append(
            f"  {_dot_string(move.source)} -> {_dot_string(move.target)} "
            f"[label={_dot_string(_move_label(move, lang))}, style={_DOT_STYLE[move.kind]}, "
            f"kind={_dot_string(move.kind.value)}, years={move.years:g}, "
            f"years_estimated={_dot_flag(move.years_estimated)}, basis={_dot_string(move.basis)}];"
        )
    out.append("}")
    return "\n".join(out) + "\n"
